"""``python -m minispore coverage``: how many of MindSpore 2.10's public names minispore provides, per module.

The names are recorded from a real MindSpore install by ``tests/golden/gen_names.py`` into
``minispore/_data/mindspore_names.json``. A MindSpore path ``mindspore.x.y`` is looked up as ``minispore.x.y``, the
way ``python -m minispore run`` resolves it: the longest importable module prefix, then attributes
(``mindspore.Tensor`` is the class, ``mindspore.dataset.config`` an attribute of ``mindspore.dataset``).
"""
import importlib
import json
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_data", "mindspore_names.json")


def load_names(path=DATA):
    with open(path) as f:
        return json.load(f)


def resolve(mindspore_path):
    """minispore's object at a MindSpore path, or None where minispore has no such module or attribute."""
    if mindspore_path != "mindspore" and not mindspore_path.startswith("mindspore."):
        raise ValueError(f"coverage: {mindspore_path!r} is not a MindSpore path (it must start with 'mindspore')")
    parts = ["minispore"] + mindspore_path.split(".")[1:]
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            try:
                obj = getattr(obj, attr)
            except Exception:  # noqa: BLE001 -- an AttributeError, or a lazy import that fails: not provided
                return None
        return obj
    return None


def _provides(obj, name):
    try:
        getattr(obj, name)
    except Exception:  # noqa: BLE001 -- an AttributeError, or a lazy import that fails: not provided
        return False
    return True


def missing_names(mindspore_path, names):
    obj = resolve(mindspore_path)
    if obj is None:
        return list(names)
    return [n for n in names if not _provides(obj, n)]


def report(data=None):
    """[(path, provided, total)] in the recorded order."""
    data = load_names() if data is None else data
    rows = []
    for path, names in data["modules"].items():
        rows.append((path, len(names) - len(missing_names(path, names)), len(names)))
    return rows


def main(missing=None, out=print):
    data = load_names()
    modules = data["modules"]
    if missing is not None:
        if missing not in modules:
            raise SystemExit(f"minispore coverage: no recorded MindSpore module {missing!r}; recorded: "
                             f"{', '.join(modules)}")
        for name in missing_names(missing, modules[missing]):
            out(name)
        return 0
    from . import __version__
    out(f"MindSpore {data['mindspore_version']} public names provided by minispore {__version__}")
    rows = report(data)
    width = max(len(p) for p, _, _ in rows)
    for path, have, total in rows:
        note = "" if resolve(path) is not None else "  (absent)"
        out(f"{path:<{width}}  {have:>5}/{total:<5} {100 * have // max(total, 1):>3}%{note}")
    have = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    out(f"{'all':<{width}}  {have:>5}/{total:<5} {100 * have // max(total, 1):>3}%")
    return 0
