"""No upward imports: the engine depends on nothing above it, and no two modules import each other."""
import ast
import pathlib

import pytest

import minispore as ms

PACKAGE = pathlib.Path(ms.__file__).parent


def _module_name(path):
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path):
    """The minispore modules ``path`` imports (absolute names), with the line, at module level or inside
    functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("minispore"):
                found.append((target, node.lineno))
                for alias in node.names:       # ``from . import jit`` imports the submodule
                    found.append((f"{target}.{alias.name}", node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("minispore")]
    return found


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
PACKAGES = {".".join(d.relative_to(PACKAGE.parent).parts) for d in [PACKAGE, *PACKAGE.rglob("*")] if d.is_dir()}


def _real(target):
    """The module or package an imported name belongs to."""
    while target not in MODULES and target not in PACKAGES and "." in target:
        target = target.rsplit(".", 1)[0]
    return target


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("minispore._core")))
def test_the_engine_imports_only_the_engine(name):
    for target, line in _imports(MODULES[name]):
        assert _real(target).startswith("minispore._core"), f"{name}:{line} imports {target}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("minispore.common")))
def test_common_imports_nothing_above_it(name):
    for target, line in _imports(MODULES[name]):
        real = _real(target)
        # (_dropin and _checkparam import nothing of minispore: leaves anyone may use)
        assert real.startswith(("minispore._core", "minispore.common", "minispore._dropin", "minispore._checkparam")), \
            f"{name}:{line} imports {target}"


def test_learning_rate_schedules_do_not_import_the_optimizers():
    for target, line in _imports(MODULES["minispore.nn.learning_rate_schedule"]):
        assert not _real(target).startswith("minispore.nn.optim"), f"line {line} imports {target}"


def _cycles(names):
    graph = {n: {_real(t) for t, _ in _imports(MODULES[n])} & set(names) for n in names}
    cycles = []
    for a in graph:
        for b in graph[a]:
            if a in graph.get(b, ()) and a < b:
                cycles.append((a, b))
    return cycles


def test_no_two_engine_modules_import_each_other():
    engine = [n for n in MODULES if n.startswith("minispore._core")]
    assert _cycles(engine) == []


def test_the_import_scan_finds_an_upward_import(tmp_path):
    core = tmp_path / "minispore" / "_core"
    core.mkdir(parents=True)
    bad = core / "bad.py"
    bad.write_text("from ..common.initializer import initializer\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "minispore"
    try:
        assert [t for t, _ in _imports(bad)][0] == "minispore.common.initializer"
    finally:
        PACKAGE = saved


@pytest.mark.parametrize("name", ["minispore._dropin", "minispore._checkparam", "minispore._core.errors",
                                  "minispore._core.backend"])
def test_leaf_modules_import_no_minispore_module(name):
    assert _imports(MODULES[name]) == []
