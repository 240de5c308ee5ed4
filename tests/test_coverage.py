"""``python -m minispore coverage``: the recorded MindSpore 2.10 names and how they are looked up in minispore."""
import json
import keyword
import os
import subprocess
import sys
import types

import numpy as np
import pytest

import minispore
from minispore import _coverage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "golden"))
import gen_names  # noqa: E402  (imports MindSpore only when run)


def test_recorded_file_lists_every_generator_path_sorted_and_unique():
    data = _coverage.load_names()
    assert data["mindspore_version"] == "2.10.0"
    assert list(data["modules"]) == gen_names.PATHS
    for path, names in data["modules"].items():
        assert names == sorted(set(names)), path
        assert all(n.isidentifier() and not n.startswith("_") and not keyword.iskeyword(n) for n in names), path
    # sizes known from MindSpore 2.10 (__all__ less _-names; dir(Tensor))
    assert len(data["modules"]["mindspore.ops"]) == 1482
    assert len(data["modules"]["mindspore.Tensor"]) == 430
    assert len(data["modules"]["mindspore.nn"]) == 266
    assert {"GradOperation", "HyperMap", "Map", "MultitypeFuncGraph"} <= set(data["modules"]["mindspore.ops.composite"])
    assert "set_numa_enable" in data["modules"]["mindspore.dataset.config"]


def test_recorded_file_is_what_dumps_writes():
    with open(_coverage.DATA) as f:
        text = f.read()
    assert gen_names.dumps(json.loads(text)) == text


def test_public_names_definition():
    mod = types.ModuleType("mindspore.fake")
    mod.__all__ = ["b", "a", "_hidden", "listed_not_defined", "a"]
    mod.a = mod.b = mod._hidden = 1
    assert gen_names.public_names(mod) == ["a", "b"]

    mod = types.ModuleType("mindspore.fake2")
    mod.np = np                       # a module: not a name of this one
    mod.zeros = np.zeros              # imported from outside MindSpore
    mod._private = 1

    def own():
        pass
    own.__module__ = "mindspore.fake2"
    mod.own = own
    mod.CONSTANT = 3                  # no __module__: kept
    assert gen_names.public_names(mod) == ["CONSTANT", "own"]

    class Base:
        def inherited(self):
            pass

    class Klass(Base):
        attr = 1

        def _private(self):
            pass
    assert gen_names.public_names(Klass) == ["attr", "inherited"]


def test_resolve_follows_module_paths_and_attributes():
    assert _coverage.resolve("mindspore") is minispore
    assert _coverage.resolve("mindspore.Tensor") is minispore.Tensor
    assert _coverage.resolve("mindspore.nn.Cell") is minispore.nn.Cell
    from minispore import dataset
    assert _coverage.resolve("mindspore.dataset.config") is dataset.config
    assert _coverage.resolve("mindspore.no_such_module") is None
    assert _coverage.resolve("mindspore.Tensor.no_such_attr") is None
    with pytest.raises(ValueError, match="not a MindSpore path"):
        _coverage.resolve("torch.nn")


def test_missing_names_counts_what_minispore_lacks():
    assert _coverage.missing_names("mindspore", ["Tensor", "no_such_name_xyz", "set_seed"]) == ["no_such_name_xyz"]
    assert _coverage.missing_names("mindspore.no_such_module", ["a", "b"]) == ["a", "b"]
    assert _coverage.missing_names("mindspore.Tensor", ["asnumpy", "shape", "not_a_method_xyz"]) == \
        ["not_a_method_xyz"]


def test_report_rows_agree_with_missing_lists():
    data = _coverage.load_names()
    rows = _coverage.report(data)
    assert [r[0] for r in rows] == list(data["modules"])
    for path, have, total in rows:
        assert total == len(data["modules"][path])
        assert have == total - len(_coverage.missing_names(path, data["modules"][path]))
    by_path = {r[0]: r for r in rows}
    assert by_path["mindspore.ops"][1] >= 300          # what minispore had when the report was written
    assert by_path["mindspore.common.initializer"][1] == by_path["mindspore.common.initializer"][2]


def _cli(*args):
    proc = subprocess.run([sys.executable, "-m", "minispore", "coverage", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    return proc


def test_cli_prints_one_line_per_module():
    proc = _cli()
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("MindSpore 2.10.0 public names provided by minispore")
    rows = {r[0]: r for r in _coverage.report()}
    for path, have, total in rows.values():
        line = next(ln for ln in lines[1:] if ln.split()[0] == path)
        assert f" {have}/{total}" in line
    assert lines[-1].split()[0] == "all"
    assert f" {sum(r[1] for r in rows.values())}/{sum(r[2] for r in rows.values())}" in lines[-1]


def test_cli_missing_lists_absent_names():
    proc = _cli("--missing", "mindspore.ops")
    assert proc.returncode == 0, proc.stderr
    listed = proc.stdout.split()
    data = _coverage.load_names()["modules"]["mindspore.ops"]
    assert listed == _coverage.missing_names("mindspore.ops", data)
    assert "relu" not in listed and "matmul" not in listed
    assert all(not hasattr(minispore.ops, n) for n in listed[:50])

    proc = _cli("--missing", "mindspore.nope")
    assert proc.returncode != 0
    assert "no recorded MindSpore module 'mindspore.nope'" in proc.stderr
