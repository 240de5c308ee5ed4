"""Record the public names of MindSpore 2.10's modules, for ``python -m minispore coverage``.

    /tmp/msref/bin/python tests/golden/gen_names.py            # writes minispore/_data/mindspore_names.json
    /tmp/msref/bin/python tests/golden/gen_names.py --check    # compares the install with the recorded file

"Public" as MindSpore defines it: a module's ``__all__`` where it has one (less the few ``_``-prefixed names some
``__all__`` lists list, and names it lists but does not define), else its names that do not start with ``_``, less
modules and the objects it imported from outside MindSpore (``np``, ``wraps``, ``Enum`` ...). A class (``Tensor``,
``Cell``, ``Dataset``) lists its attributes that do not start with ``_``, inherited ones included, as ``dir`` does.
A path that is an attribute rather than a module (``mindspore.dataset.config`` is the module
``mindspore.dataset.core.config``, reached as an attribute) is resolved the way a program reaches it.
"""
import argparse
import importlib
import inspect
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "minispore", "_data", "mindspore_names.json")

# the paths programs import from, in the order the report prints them
PATHS = [
    "mindspore",
    "mindspore.Tensor",
    "mindspore.ops",
    "mindspore.ops.functional",
    "mindspore.ops.operations",
    "mindspore.ops.operations.math_ops",
    "mindspore.ops.operations.array_ops",
    "mindspore.ops.operations.nn_ops",
    "mindspore.ops.operations.comm_ops",
    "mindspore.ops.composite",
    "mindspore.ops.primitive",
    "mindspore.ops.function",
    "mindspore.nn",
    "mindspore.nn.Cell",
    "mindspore.nn.grad",
    "mindspore.numpy",
    "mindspore.mint",
    "mindspore.mint.nn",
    "mindspore.mint.nn.functional",
    "mindspore.common",
    "mindspore.common.api",
    "mindspore.common.dtype",
    "mindspore.common.initializer",
    "mindspore.context",
    "mindspore.log",
    "mindspore.amp",
    "mindspore.train",
    "mindspore.train.callback",
    "mindspore.communication",
    "mindspore.runtime",
    "mindspore.dataset",
    "mindspore.dataset.Dataset",
    "mindspore.dataset.config",
    "mindspore.dataset.vision",
    "mindspore.dataset.text",
    "mindspore.dataset.transforms",
    "mindspore.mindrecord",
    "mindspore.experimental.optim",
]


def resolve(path, import_module=importlib.import_module):
    """The object a program reaches as ``path``: the longest importable module prefix, then attributes."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(f"cannot import {path}")


def _from_outside(value, root):
    module = getattr(value, "__module__", None)
    return isinstance(module, str) and module.split(".")[0] != root


def public_names(obj, root="mindspore"):
    if inspect.isclass(obj):
        return sorted(n for n in dir(obj) if not n.startswith("_"))
    listed = getattr(obj, "__all__", None)
    if listed is not None:
        return sorted({n for n in listed if not n.startswith("_") and hasattr(obj, n)})
    names = set()
    for n in dir(obj):
        if n.startswith("_"):
            continue
        value = getattr(obj, n)
        if inspect.ismodule(value) or _from_outside(value, root):
            continue
        names.add(n)
    return sorted(names)


def record():
    import mindspore
    return {"mindspore_version": mindspore.__version__,
            "definition": "__all__ where a module has one (less _-names and names it does not define), else names "
                          "not starting with _ less modules and objects imported from outside MindSpore; a "
                          "class's dir() less _-names",
            "modules": {p: public_names(resolve(p)) for p in PATHS}}


def dumps(data):
    """One module per line: the file stays small and its diffs readable."""
    lines = ["{", f'  "mindspore_version": {json.dumps(data["mindspore_version"])},',
             f'  "definition": {json.dumps(data["definition"])},', '  "modules": {']
    items = list(data["modules"].items())
    for i, (path, names) in enumerate(items):
        lines.append(f"    {json.dumps(path)}: {json.dumps(names)}" + ("," if i + 1 < len(items) else ""))
    lines += ["  }", "}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the recorded file, write nothing")
    ns = parser.parse_args()
    data = record()
    if ns.check:
        with open(OUT) as f:
            old = json.load(f)
        bad = [p for p in set(old["modules"]) | set(data["modules"])
               if old["modules"].get(p) != data["modules"].get(p)]
        for p in sorted(bad):
            print(f"{p}: recorded {len(old['modules'].get(p, []))}, now {len(data['modules'].get(p, []))}")
        return 1 if bad else 0
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(dumps(data))
    for p, names in data["modules"].items():
        print(f"{p} {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
