"""Export of recurrent layers (minispore/train/_rnn_export.py): the kernel layout undone exactly, what the MindIR
file holds (MindSpore's CPU LSTM primitive per direction, as MindSpore's own export writes nn.LSTM; the time loop
unrolled for GRU, RNN and seq_length, as MindSpore unrolls them), and networks outside the recorded cases
(tests/train/test_export.py holds those, against MindSpore 2.10's outputs) exported and run back in minispore and in
onnxruntime against minispore's eager outputs."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops
from minispore.ops._prims import rnn as _rnn
from minispore.train import _rnn_export

GOLDEN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden")
sys.path.insert(0, GOLDEN)
from minispore._dropin import install  # noqa: E402
install()
import gen_mindir as cases  # noqa: E402


def _blocks(w, names, h):
    return {c: w[k * h:(k + 1) * h] for k, c in enumerate(names)}


@pytest.mark.parametrize("mode,ms_order", [("LSTM", "ifgo"), ("GRU", "rzn"), ("RNN_TANH", "a")])
@pytest.mark.parametrize("target,onnx_order", [("mindspore", None), ("onnx", {"LSTM": "iofg", "GRU": "zrn",
                                                                             "RNN_TANH": "a"})])
def test_gate_map_undoes_the_kernel_layout(mode, ms_order, target, onnx_order):
    h = 3
    w = np.random.default_rng(0).standard_normal((len(ms_order) * h, 4)).astype(np.float32)
    kernel = _rnn.kernel_layout(Tensor(w), mode, h).asnumpy()
    index, scale = _rnn_export.gate_map(mode, h, target)
    got = kernel[index] * scale[:, None].astype(np.float32)
    blocks = _blocks(w, ms_order, h)          # MindSpore's blocks, by name, cut by hand
    order = ms_order if onnx_order is None else onnx_order[mode]
    np.testing.assert_array_equal(got, np.concatenate([blocks[c] for c in order]))


def _ops_of(path):
    from minispore.train import _mindir_proto as pb
    model = pb.ModelProto()
    model.ParseFromString(open(path, "rb").read())
    prims = {p.name: p for p in model.primitives}
    ops_ = [prims[n.op_type[5:]].op_type for n in model.graph.node if n.op_type.startswith("REF::")]
    return ops_, [p for p in model.primitives if p.op_type == "LSTM"]


def _export(name, tmp_path):
    net, xs = cases.build(name)
    ms.export(net, *[Tensor(x) for x in xs], file_name=str(tmp_path / name), file_format="MINDIR")
    return str(tmp_path / (name + ".mindir"))


def test_lstm_is_mindspore_lstm_primitive_per_direction(tmp_path):
    ops_, lstms = _ops_of(_export("bilstm", tmp_path))
    assert ops_.count("LSTM") == 4 and ops_.count("ReverseV2") == 4         # 2 layers x 2 directions
    theirs, _ = _ops_of(os.path.join(GOLDEN, "mindir", "bilstm.mindir"))
    assert theirs.count("LSTM") == 4 and theirs.count("ReverseV2") == 4
    attrs = {a.name: a.i for a in lstms[0].attribute}
    assert attrs["num_layers"] == 1 and attrs["bidirectional"] == 0 and attrs["hidden_size"] == 6
    assert attrs["input_size"] == 24            # the projection's gates: the input weight is the identity
    assert "Sigmoid" not in ops_ and ops_.count("MatMul") == 3      # the two layers' projections and the head


@pytest.mark.parametrize("name", ["gru", "rnn", "lstm_seq", "gru_seq"])
def test_gru_rnn_and_seq_length_are_unrolled(name, tmp_path):
    ops_, _ = _ops_of(_export(name, tmp_path))
    t_len = {"gru": 6, "rnn": 4, "lstm_seq": 5, "gru_seq": 6}[name]
    d = 1 if name == "rnn" else 2
    assert "LSTM" not in ops_
    assert ops_.count("MatMul") == t_len * d + 2    # a hidden product per step and direction; projection, head
    if name.endswith("seq"):
        assert ops_.count("Select") >= t_len * d


class Seq(nn.Cell):
    def __init__(self, layer, batch_first, head=None):
        super().__init__()
        self.layer, self.batch_first, self.head = layer, batch_first, head

    def construct(self, x, *seq):
        out, state = self.layer(x, seq_length=seq[0]) if seq else self.layer(x)
        return (out,) + (tuple(state) if isinstance(state, tuple) else (state,))


def _seeded(layer, seed):
    rng = np.random.default_rng(seed)
    for p in layer.get_parameters():
        p.set_data(Tensor(rng.standard_normal(p.shape).astype(np.float32) * 0.4))
    return layer


# layers outside the recorded cases: ReLU RNN, no bias, 2-layer GRU, unidirectional masked LSTM, batch_first
MORE = {
    "rnn_relu_nobias": (lambda: nn.RNN(4, 5, nonlinearity="relu", has_bias=False, bidirectional=True), True, None),
    "gru_2layer": (lambda: nn.GRU(4, 5, num_layers=2, batch_first=False), False, None),
    "lstm_masked_uni": (lambda: nn.LSTM(4, 5, batch_first=True), True, np.array([2, 4, 3], np.int32)),
    "lstm_2layer_masked": (lambda: nn.LSTM(4, 3, num_layers=2, bidirectional=True), False,
                           np.array([4, 1, 3], np.int64)),
    "rnn_masked": (lambda: nn.RNN(4, 5), False, np.array([1, 4, 4], np.int32)),
}


def _more(name):
    make, batch_first, seq = MORE[name]
    layer = _seeded(make(), 3)
    net = Seq(layer, batch_first)
    net.set_train(False)
    x = np.random.default_rng(4).standard_normal((3, 4, 4) if batch_first else (4, 3, 4)).astype(np.float32)
    xs = (Tensor(x),) + (() if seq is None else (Tensor(seq),))
    return net, xs


@pytest.mark.parametrize("name", sorted(MORE))
def test_more_layers_round_trip_mindir(name, tmp_path):
    net, xs = _more(name)
    want = [o.asnumpy() for o in net(*xs)]
    ms.export(net, *xs, file_name=str(tmp_path / name), file_format="MINDIR")
    cell = nn.GraphCell(ms.load(str(tmp_path / (name + ".mindir"))))
    got = cell(*xs)
    assert len(got) == len(want)
    for g, e in zip(got, want):
        np.testing.assert_allclose(g.asnumpy(), e, rtol=1e-5, atol=1e-6)
    if MORE[name][2] is not None:        # outputs past each length are zero
        out = want[0] if not MORE[name][1] else np.swapaxes(want[0], 0, 1)
        for b, n in enumerate(MORE[name][2]):
            assert not out[n:, b].any()


@pytest.mark.parametrize("name", sorted(MORE))
def test_more_layers_run_in_onnxruntime(name, tmp_path):
    pytest.importorskip("onnx", reason="ONNX export needs the onnx extra: pip install minispore[onnx]")
    ort = pytest.importorskip("onnxruntime", reason="the ONNX check runs the file in onnxruntime")
    net, xs = _more(name)
    want = [o.asnumpy() for o in net(*xs)]
    ms.export(net, *xs, file_name=str(tmp_path / name), file_format="ONNX")
    sess = ort.InferenceSession(str(tmp_path / (name + ".onnx")), providers=["CPUExecutionProvider"])
    got = sess.run(None, {i.name: x.asnumpy() for i, x in zip(sess.get_inputs(), xs)})
    assert len(got) == len(want)
    for g, e in zip(got, want):
        np.testing.assert_allclose(g, e, rtol=1e-5, atol=1e-6)


def test_onnx_uses_the_recurrent_operators(tmp_path):
    onnx = pytest.importorskip("onnx", reason="ONNX export needs the onnx extra: pip install minispore[onnx]")
    for name, op in (("bilstm", "LSTM"), ("gru", "GRU"), ("rnn", "RNN")):
        net, xs = cases.build(name)
        ms.export(net, *[Tensor(x) for x in xs], file_name=str(tmp_path / name), file_format="ONNX")
        model = onnx.load(str(tmp_path / (name + ".onnx")))
        kinds = [n.op_type for n in model.graph.node]
        assert kinds.count(op) == (2 if name == "bilstm" else 1), (name, kinds)
        node = next(n for n in model.graph.node if n.op_type == op)
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        assert attrs["direction"] == (b"forward" if name == "rnn" else b"bidirectional")
        if op == "GRU":
            assert attrs["linear_before_reset"] == 1


def test_the_workspace_itself_cannot_be_exported(tmp_path):
    class Workspace(nn.Cell):
        def construct(self, xg):
            w_hh = ops.zeros((1, 4, 1), ms.float32)
            s0 = ops.zeros((1, 2, 2), ms.float32)
            return _rnn.recurrent_scan(xg, w_hh, ops.zeros((1, 4), ms.float32), s0,
                                       ops.full((2,), 3, dtype=ms.int64), "LSTM", False) * 2

    x = Tensor(np.ones((3, 2, 4), np.float32))
    with pytest.raises(ValueError, match="workspace of a recurrent layer.*'Mul'"):
        ms.export(Workspace(), x, file_name=str(tmp_path / "w"), file_format="MINDIR")
    assert not (tmp_path / "w.mindir").exists()
