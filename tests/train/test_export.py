"""mindspore.export / load / nn.GraphCell: MindIR files that real MindSpore 2.10 wrote (tests/golden/mindir/, made
by tests/golden/gen_mindir.py) load and run in minispore with MindSpore's outputs; minispore's exports of the same
networks load back with the eager outputs (and, checked by hand with ``gen_mindir.py --check-minispore``, in
MindSpore: minispore_in_mindspore.json); ONNX exports run in onnxruntime; errors. The recurrent cases (LSTM,
2-layer BiLSTM, GRU, RNN, LSTM/GRU with seq_length) are in tests/train/test_export_rnn.py too."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops
from minispore._dropin import install

GOLDEN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden")
MINDIR = os.path.join(GOLDEN, "mindir")
install()
sys.path.insert(0, GOLDEN)
import gen_mindir as cases  # noqa: E402  (its 'import mindspore' is minispore here)

with open(os.path.join(MINDIR, "expected.json")) as _f:
    EXPECTED = json.load(_f)


def _case(name):
    """(input Tensors, MindSpore's outputs: all of them where the case records several)."""
    case = EXPECTED[name]
    return tuple(Tensor(x) for x in cases.inputs_of(case)), cases.outputs_of(case)


def _assert_outputs(out, expected):
    out = cases._all(out)
    assert len(out) >= len(expected)
    for o, e in zip(out, expected):
        np.testing.assert_allclose(o.asnumpy(), e, rtol=1e-5, atol=1e-6)


def test_every_case_is_recorded():
    assert sorted(EXPECTED) == sorted(cases.CASES)
    for name in cases.CASES:
        assert os.path.isfile(os.path.join(MINDIR, name + ".mindir")), name


@pytest.mark.parametrize("name", sorted(cases.CASES))
def test_mindspore_file_runs_in_minispore(name):
    xs, expected = _case(name)
    graph = ms.load(os.path.join(MINDIR, name + ".mindir"))
    cell = nn.GraphCell(graph)
    _assert_outputs(cell(*xs), expected)
    # under jit too
    _assert_outputs(ms.jit(lambda *t: cell(*t))(*xs), expected)


@pytest.mark.parametrize("name", sorted(cases.CASES))
def test_same_network_in_minispore_matches_mindspore(name):
    xs, expected = _case(name)
    net, _ = cases.build(name)
    _assert_outputs(net(*xs), expected)


EXPORTABLE = sorted(cases.CASES)


@pytest.mark.parametrize("name", EXPORTABLE)
def test_minispore_export_round_trip(name, tmp_path):
    xs, expected = _case(name)
    net, _ = cases.build(name)
    out_dir = os.environ.get("MINISPORE_MINDIR_OUT") or str(tmp_path)
    ms.export(net, *xs, file_name=os.path.join(out_dir, name), file_format="MINDIR")
    path = os.path.join(out_dir, name + ".mindir")
    assert os.path.isfile(path)         # MindSpore's suffix is appended
    cell = nn.GraphCell(ms.load(path))
    _assert_outputs(cell(*xs), expected)
    _assert_outputs(ms.jit(lambda *t: cell(*t))(*xs), expected)
    assert net.training is False


def test_exported_file_layout_follows_mindspore(tmp_path):
    """The nodes name MindSpore's primitives (REF::<Name>:<k>), parameters keep their names as ref_key."""
    from minispore.train import _mindir_proto as pb
    net, (x,) = cases.build("lenet")
    ms.export(net, Tensor(x), file_name=str(tmp_path / "lenet"), file_format="MINDIR")
    model = pb.ModelProto()
    model.ParseFromString((tmp_path / "lenet.mindir").read_bytes())
    ours = [n.op_type.split("::")[1].split(":")[0] for n in model.graph.node if n.op_type != "Constant"]
    theirs = pb.ModelProto()
    theirs.ParseFromString(open(os.path.join(MINDIR, "lenet.mindir"), "rb").read())
    skip = {"Load", "UpdateState", "Depend", "MakeTuple"}
    ref = [n.op_type.split("::")[1].split(":")[0] for n in theirs.graph.node
           if n.op_type != "Constant" and n.op_type.split("::")[1].split(":")[0] not in skip]
    # minispore's Flatten is a Reshape; everything else is MindSpore's sequence of primitives
    assert [("Flatten" if op == "Reshape" else op) for op in ours] == ref
    assert [t.ref_key for t in model.graph.parameter] == [t.ref_key for t in theirs.graph.parameter]


def test_manual_check_in_mindspore_is_recorded():
    """gen_mindir.py --check-minispore (run by hand with MindSpore) loaded minispore's files with equal outputs."""
    with open(os.path.join(MINDIR, "minispore_in_mindspore.json")) as f:
        report = json.load(f)
    for name in EXPORTABLE:
        assert report["cases"][name]["loaded"] and report["cases"][name]["equal"], (name, report["cases"][name])


def test_params_init_replaces_stored_values():
    (x,), _ = _case("mlp")
    graph = ms.load(os.path.join(MINDIR, "mlp.mindir"))
    net, _ = cases.build("mlp")
    w = net.dense_relu_sequential[4].bias
    cell = nn.GraphCell(graph, params_init={w.name: Tensor(np.full(w.shape, 3.0, np.float32))})
    net.dense_relu_sequential[4].bias.set_data(Tensor(np.full(w.shape, 3.0, np.float32)))
    np.testing.assert_allclose(cell(x).asnumpy(), net(x).asnumpy(), rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="not in the graph"):
        nn.GraphCell(graph, params_init={"nope": Tensor(np.zeros(1, np.float32))})


def test_load_errors(tmp_path):
    data = open(os.path.join(MINDIR, "lenet.mindir"), "rb").read()
    bad = tmp_path / "cut.mindir"
    bad.write_bytes(data[:len(data) // 2])
    with pytest.raises(ValueError, match="cut.mindir"):
        ms.load(str(bad))
    with pytest.raises(ValueError, match="should end with '.mindir'"):
        ms.load(str(tmp_path / "x.onnx"))
    with pytest.raises(ValueError, match="does not exist"):
        ms.load(str(tmp_path / "missing.mindir"))


def test_unknown_primitive_in_file_is_named(tmp_path):
    from minispore.train import _mindir_proto as pb
    model = pb.ModelProto()
    model.ParseFromString(open(os.path.join(MINDIR, "mlp.mindir"), "rb").read())
    for p in model.primitives:
        if p.op_type == "ReLU":
            p.op_type = "os.system"
    path = tmp_path / "evil.mindir"
    path.write_bytes(model.SerializeToString())
    with pytest.raises(ValueError, match="'os.system'"):
        ms.load(str(path))


def test_export_errors(tmp_path):
    class PythonValue(nn.Cell):
        def construct(self, x):
            return 3.0

    with pytest.raises(ValueError, match="Python value"):
        ms.export(PythonValue(), Tensor(np.ones((2, 2), np.float32)), file_name=str(tmp_path / "p"),
                  file_format="MINDIR")

    class NeedsValue(nn.Cell):
        def construct(self, x):
            if x.sum() > 0:
                return x
            return -x

    with pytest.raises(ValueError, match="value of a Tensor"):
        ms.export(NeedsValue(), Tensor(np.ones((2, 2), np.float32)), file_name=str(tmp_path / "v"),
                  file_format="MINDIR")

    class Unmapped(nn.Cell):
        def construct(self, x):
            return ops.cumsum(x, 0)

    with pytest.raises(ValueError, match="'CumSum'"):
        ms.export(Unmapped(), Tensor(np.ones((2, 2), np.float32)), file_name=str(tmp_path / "u"),
                  file_format="MINDIR")
    assert not (tmp_path / "u.mindir").exists()
    with pytest.raises(ValueError, match="file_format"):
        ms.export(Unmapped(), Tensor(np.ones((2, 2), np.float32)), file_name=str(tmp_path / "u"),
                  file_format="PB")


def test_jit_syntax_level_context():
    assert (ms.STRICT, ms.COMPATIBLE, ms.LAX) == (0, 1, 2)
    before = ms.get_context("jit_syntax_level")
    try:
        ms.set_context(jit_syntax_level=ms.STRICT)
        assert ms.get_context("jit_syntax_level") == ms.STRICT
        with pytest.raises(ValueError, match="jit_syntax_level"):
            ms.set_context(jit_syntax_level=5)
    finally:
        ms.set_context(jit_syntax_level=before)


SAVE_LOAD_PAGE = '''
import numpy as np
import mindspore
from mindspore import nn
from mindspore import Tensor

def network():
    model = nn.SequentialCell(
                nn.Flatten(),
                nn.Dense(28*28, 512),
                nn.ReLU(),
                nn.Dense(512, 512),
                nn.ReLU(),
                nn.Dense(512, 10))
    return model

model = network()
mindspore.save_checkpoint(model, "model.ckpt")

model = network()
param_dict = mindspore.load_checkpoint("model.ckpt")
param_not_load, _ = mindspore.load_param_into_net(model, param_dict)
print(param_not_load)

mindspore.set_context(mode=mindspore.GRAPH_MODE, jit_syntax_level=mindspore.STRICT)
model = network()
inputs = Tensor(np.ones([1, 1, 28, 28]).astype(np.float32))
mindspore.export(model, inputs, file_name="model", file_format="MINDIR")

mindspore.set_context(mode=mindspore.GRAPH_MODE)
graph = mindspore.load("model.mindir")
model = nn.GraphCell(graph)
outputs = model(inputs)
print(outputs.shape)
'''


def test_save_load_tutorial_page_runs(tmp_path):
    """The beginner tutorial's save_load page, unmodified, through ``python -m minispore run``."""
    script = tmp_path / "save_load.py"
    script.write_text(SAVE_LOAD_PAGE)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "minispore", "run", str(script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "(1, 10)"]
    assert (tmp_path / "model.mindir").is_file()


@pytest.mark.parametrize("name", EXPORTABLE)
def test_onnx_export_runs_in_onnxruntime(name, tmp_path):
    onnx = pytest.importorskip("onnx", reason="ONNX export needs the onnx extra: pip install minispore[onnx]")
    ort = pytest.importorskip("onnxruntime", reason="the ONNX check runs the file in onnxruntime "
                                                    "(pip install minispore[onnx])")
    xs, expected = _case(name)
    net, _ = cases.build(name)
    ms.export(net, *xs, file_name=str(tmp_path / name), file_format="ONNX")
    path = tmp_path / (name + ".onnx")
    onnx.checker.check_model(str(path))
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {i.name: x.asnumpy() for i, x in zip(sess.get_inputs(), xs)}
    assert [i.name for i in sess.get_inputs()] == (["x"] if len(xs) == 1 else [f"x{k}" for k in range(len(xs))])
    outs = sess.run(None, feed)
    for o, mine, e in zip(outs, cases._all(net(*xs)), expected):
        np.testing.assert_allclose(o, mine.asnumpy(), rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(o, e, rtol=1e-5, atol=1e-5)
    assert len(outs) == len(cases._all(net(*xs)))


def test_onnx_unmapped_primitive_is_named(tmp_path):
    pytest.importorskip("onnx", reason="ONNX export needs the onnx extra: pip install minispore[onnx]")

    class Unmapped(nn.Cell):
        def construct(self, x):
            return ops.cumsum(x, 0)

    with pytest.raises(ValueError, match="'CumSum' has no ONNX mapping"):
        ms.export(Unmapped(), Tensor(np.ones((2, 2), np.float32)), file_name=str(tmp_path / "u"), file_format="ONNX")
    assert not (tmp_path / "u.onnx").exists()
