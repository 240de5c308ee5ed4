"""Export of the recurrent kernel (``RecurrentScan`` + ``RecurrentScanRead``, ``ops/_prims/rnn.py``) to MindIR
and ONNX, at the primitive level: each rule sees only the primitive's own inputs (the input projections ``xg`` and
the hidden weights in the kernel's gate layout, the initial states, the lengths), never the nodes that made them, so
any network built on the kernel exports, whatever produced its inputs.

The kernel layout is undone in the graph (``gate_map``: one Gather of constant indices and one Mul by a constant
column, the sigmoid gates' factor 2), then:

- MindIR, an LSTM without ``seq_length``: MindSpore's CPU ``LSTM`` primitive, one per direction, as MindSpore's own
  export of nn.LSTM writes it (the reverse direction between two ``ReverseV2``); its input is the input projection,
  so its input weight is the identity (the projection was already done by the caller's Dense);
- MindIR, a GRU, an RNN or any layer with ``seq_length``: the time loop unrolled into MindSpore primitives
  (MatMul, Add, Sigmoid, Tanh, Mul, Select, ...), as MindSpore's export writes these layers: it has no CPU
  primitive for them either;
- ONNX: the ``LSTM``/``GRU``/``RNN`` operators (gates i, o, f, c and z, r, h; a GRU with ``linear_before_reset``,
  MindSpore's formula), both directions and ``sequence_lens`` in one node, the input weight again a constant
  selection of the projection's columns.

``RecurrentScan``'s rule returns a ``Scan`` (the per-direction outputs and final states), which only
``RecurrentScanRead``'s rule consumes: it assembles the read's packed result (outputs, final h, final c) from them.
"""
import numpy as np

from .._core.shapes import Abstract
from ._graph_export import ExportError

_KERNEL = {"LSTM": "ifog", "GRU": "rzn", "RNN_TANH": "a", "RNN_RELU": "a"}
_ORDER = {"mindspore": {"LSTM": "ifgo", "GRU": "rzn", "RNN_TANH": "a", "RNN_RELU": "a"},
          "onnx": {"LSTM": "iofg", "GRU": "zrn", "RNN_TANH": "a", "RNN_RELU": "a"}}
_TANH_GATES = "gna"       # the others are sigmoid gates, halved in the kernel layout


def gate_map(mode, hidden, target):
    """(index, scale): row j of ``target``'s gate layout ('mindspore' or 'onnx') is the kernel's row ``index[j]``
    times ``scale[j]`` (2 for a sigmoid gate, whose pre-activation the kernel layout halves)."""
    kernel, order = _KERNEL[mode], _ORDER[target][mode]
    index = np.concatenate([np.arange(hidden) + kernel.index(c) * hidden for c in order]).astype(np.int64)
    scale = np.concatenate([np.full(hidden, 1.0 if c in _TANH_GATES else 2.0) for c in order])
    return index, scale


class Scan:
    """What an exported ``RecurrentScan`` leaves for its ``RecurrentScanRead``."""

    def __init__(self, fmt, **fields):
        self.fmt = fmt
        self.__dict__.update(fields)


def check_inputs(user, names):
    """Only ``RecurrentScanRead`` may consume a ``Scan``: the workspace itself has no exported form. ``user``: the
    consuming primitive's name, or None for the graph's output."""
    if user != "RecurrentScanRead" and any(isinstance(n, Scan) for n in names):
        used = f"the primitive '{user}'" if user else "the graph's output"
        raise ExportError(f"For 'export', the workspace of a recurrent layer (primitive 'RecurrentScan') is used by "
                          f"{used}; only its outputs and final states (RecurrentScanRead) can be exported.")


# ============================================================================= MindIR
def _mi():
    from . import mindir
    return mindir


class _G:
    """Small helpers over mindir's writer: every node carries its shape, as MindSpore's do."""

    def __init__(self, w, dtype):
        self.w, self.dtype = w, np.dtype(dtype)

    def av(self, shape, dtype=None):
        return Abstract(shape, self.dtype if dtype is None else dtype)

    def op(self, op, ins, shape, dtype=None, attrs=None):
        return self.w.node(op, list(ins), None if shape is None else self.av(shape, dtype), attrs)

    def slice(self, x, begin, end, shape, shrink=0):
        return _mi()._strided_slice(self.w, x, begin, end, (1,) * len(begin), self.av(shape), shrink)

    def reshape(self, x, shape, dtype=None):
        return self.op("Reshape", [x, self.w.const(tuple(int(s) for s in shape))], shape, dtype)

    def concat(self, xs, axis, shape):
        if len(xs) == 1:
            return xs[0]
        return self.op("Concat", [self.w.node("MakeTuple", list(xs), None), self.w.const(int(axis))], shape)

    def gather(self, x, index, axis, shape):
        return self.op("Gather", [x, self.w.const(index), self.w.const(int(axis)), self.w.const(0)], shape)

    def mul_const(self, x, array, shape):
        return self.op("Mul", [x, self.w.const(np.ascontiguousarray(array, self.dtype))], shape)

    def reverse(self, x, shape):
        return self.op("ReverseV2", [x, self.w.const((0,))], shape)

    def get(self, t, i, shape):
        return self.op("TupleGetItem", [t, self.w.const(int(i))], shape)


def _to_mindspore_layout(g, mode, xg, w_hh, b_hh, t_len, batch, d, gate, hidden):
    """The projections (T, B, D*G), hidden weights (D, G, H) and hidden bias (D, G) in MindSpore's layout."""
    index, scale = gate_map(mode, hidden, "mindspore")
    if mode.startswith("RNN"):
        return xg, w_hh, b_hh
    cols = np.concatenate([index + j * gate for j in range(d)])
    xg = g.mul_const(g.gather(xg, cols, 2, (t_len, batch, d * gate)), np.tile(scale, d), (t_len, batch, d * gate))
    w_hh = g.mul_const(g.gather(w_hh, index, 1, (d, gate, hidden)), scale.reshape(1, -1, 1), (d, gate, hidden))
    b_hh = g.mul_const(g.gather(b_hh, index, 1, (d, gate)), scale.reshape(1, -1), (d, gate))
    return xg, w_hh, b_hh


def mindir_scan(w, ins, in_avals, aval, mode, masked):
    xg, w_hh, b_hh, s0, lengths = ins
    t_len, batch, _ = in_avals[0].shape
    d, gate, h = in_avals[1].shape
    g = _G(w, in_avals[0].dtype)
    xg, w_hh, b_hh = _to_mindspore_layout(g, mode, xg, w_hh, b_hh, t_len, batch, d, gate, h)
    if mode == "LSTM" and not masked:
        return _mindir_lstm(g, xg, w_hh, b_hh, s0, t_len, batch, d, gate, h)
    return _mindir_unrolled(g, mode, xg, w_hh, b_hh, s0, lengths, in_avals[4].dtype, masked, t_len, batch, d, gate,
                            h)


def _mindir_lstm(g, xg, w_hh, b_hh, s0, t_len, batch, d, gate, h):
    """One MindSpore CPU ``LSTM`` node per direction; its input is the projection, so its input weight is I."""
    w = g.w
    eye = np.eye(gate, dtype=g.dtype).reshape(-1, 1, 1)
    attrs = {"input_size": int(gate), "hidden_size": int(h), "num_layers": 1, "has_bias": True,
             "bidirectional": False, "dropout": 0.0, "proj_size": 0}
    ys, hs, cs = [], [], []
    for j in range(d):
        x = g.slice(xg, (0, 0, j * gate), (t_len, batch, (j + 1) * gate), (t_len, batch, gate))
        if j == 1:
            x = g.reverse(x, (t_len, batch, gate))
        h0 = g.slice(s0, (j, 0, 0), (j + 1, batch, h), (1, batch, h))
        c0 = g.slice(s0, (j, 0, h), (j + 1, batch, 2 * h), (1, batch, h))
        wj = g.reshape(g.slice(w_hh, (j, 0, 0), (j + 1, gate, h), (1, gate, h)), (gate * h, 1, 1))
        bj = g.reshape(g.slice(b_hh, (j, 0), (j + 1, gate), (1, gate)), (gate, 1, 1))
        n = gate * gate + gate * h + gate
        weights = g.concat([w.const(eye), wj, bj], 0, (n, 1, 1))
        node = g.op("LSTM", [x, h0, c0, weights], None, attrs=attrs)
        y = g.get(node, 0, (t_len, batch, h))
        ys.append(g.reverse(y, (t_len, batch, h)) if j == 1 else y)
        hs.append(g.get(node, 1, (1, batch, h)))
        cs.append(g.get(node, 2, (1, batch, h)))
    return Scan("mindir", ys=ys, hs=hs, cs=cs, d=d, h=h, t_len=t_len, batch=batch)


def _mindir_unrolled(g, mode, xg, w_hh, b_hh, s0, lengths, len_dtype, masked, t_len, batch, d, gate, h):
    """The time loop as MindSpore primitives, in MindSpore's gate layout (one step per time and direction)."""
    w = g.w
    bh, bg = (batch, h), (batch, gate)
    valid = []
    if masked:
        lens = g.reshape(lengths, (batch, 1), len_dtype)
        for t in range(t_len):
            gt = g.op("Greater", [lens, w.const(np.asarray(t, len_dtype))], (batch, 1), np.bool_)
            valid.append(g.op("BroadcastTo", [gt, w.const(bh)], bh, np.bool_))
    ys, hs, cs = [], [], []
    for j in range(d):
        hj = g.slice(s0, (j, 0, 0), (j + 1, batch, h), bh, shrink=1)
        cj = g.slice(s0, (j, 0, h), (j + 1, batch, 2 * h), bh, shrink=1) if mode == "LSTM" else None
        wj = g.slice(w_hh, (j, 0, 0), (j + 1, gate, h), (gate, h), shrink=1)
        bj = g.slice(b_hh, (j, 0), (j + 1, gate), (gate,), shrink=1)
        outs = [None] * t_len
        for k in range(t_len):
            t = k if j == 0 else t_len - 1 - k
            x = g.slice(xg, (t, 0, j * gate), (t + 1, batch, (j + 1) * gate), bg, shrink=1)
            hh = g.op("Add", [g.op("MatMul", [hj, wj, w.const(False), w.const(True)], bg), bj], bg)

            def part(v, q):
                return g.slice(v, (0, q * h), (batch, (q + 1) * h), bh)
            if mode == "LSTM":
                a = g.op("Add", [x, hh], bg)
                i, f = g.op("Sigmoid", [part(a, 0)], bh), g.op("Sigmoid", [part(a, 1)], bh)
                cand, o = g.op("Tanh", [part(a, 2)], bh), g.op("Sigmoid", [part(a, 3)], bh)
                c_new = g.op("Add", [g.op("Mul", [f, cj], bh), g.op("Mul", [i, cand], bh)], bh)
                h_new = g.op("Mul", [o, g.op("Tanh", [c_new], bh)], bh)
            elif mode == "GRU":
                r = g.op("Sigmoid", [g.op("Add", [part(x, 0), part(hh, 0)], bh)], bh)
                z = g.op("Sigmoid", [g.op("Add", [part(x, 1), part(hh, 1)], bh)], bh)
                n = g.op("Tanh", [g.op("Add", [part(x, 2), g.op("Mul", [r, part(hh, 2)], bh)], bh)], bh)
                h_new = g.op("Add", [n, g.op("Mul", [z, g.op("Sub", [hj, n], bh)], bh)], bh)
                c_new = None
            else:
                h_new = g.op("Tanh" if mode == "RNN_TANH" else "ReLU", [g.op("Add", [x, hh], bh)], bh)
                c_new = None
            if masked:
                h_new = g.op("Select", [valid[t], h_new, hj], bh)
                if c_new is not None:
                    c_new = g.op("Select", [valid[t], c_new, cj], bh)
            hj, cj = h_new, c_new
            outs[t] = hj
        ys.append(g.op("Stack", [w.node("MakeTuple", outs, None)], (t_len, batch, h),
                       attrs={"axis": 0, "N": t_len, "num": t_len}))
        hs.append(g.reshape(hj, (1, batch, h)))
        if mode == "LSTM":
            cs.append(g.reshape(cj, (1, batch, h)))
    return Scan("mindir", ys=ys, hs=hs, cs=cs, d=d, h=h, t_len=t_len, batch=batch)


def mindir_read(w, ins, in_avals, aval, mode, hidden, masked):
    scan, lengths = ins
    if not isinstance(scan, Scan):
        raise ExportError("For 'export', 'RecurrentScanRead' must read the workspace of a 'RecurrentScan'.")
    g = _G(w, aval.dtype)
    t_len, batch, dh = scan.t_len, scan.batch, scan.d * scan.h
    y = g.concat(scan.ys, 2, (t_len, batch, dh))
    if masked:
        len_dtype = in_avals[1].dtype
        lens = g.reshape(lengths, (1, batch, 1), len_dtype)
        steps = np.arange(t_len, dtype=len_dtype).reshape(-1, 1, 1)
        keep = g.op("Greater", [lens, w.const(steps)], (t_len, batch, 1), np.bool_)
        keep = g.op("Cast", [keep, w.const(_mi()._TYPE_ID[g.dtype.name])], (t_len, batch, 1))
        y = g.op("Mul", [y, keep], (t_len, batch, dh))
    rows = [y, g.concat(scan.hs, 2, (1, batch, dh))]
    if mode == "LSTM":
        rows.append(g.concat(scan.cs, 2, (1, batch, dh)))
    return g.concat(rows, 0, aval.shape)


# ============================================================================= ONNX
_ONNX_OP = {"LSTM": "LSTM", "GRU": "GRU", "RNN_TANH": "RNN", "RNN_RELU": "RNN"}


def onnx_scan(b, ins, avals, aval, mode, masked):
    xg, w_hh, b_hh, s0, lengths = ins
    t_len, batch, dg = avals[0].shape
    d, gate, h = avals[1].shape
    dtype = np.dtype(avals[0].dtype)
    index, scale = gate_map(mode, h, "onnx")
    select = np.zeros((d, gate, dg), dtype)     # W: the projection's columns of each direction, in ONNX's layout
    for j in range(d):
        select[j, np.arange(gate), j * gate + index] = scale
    idx = b.init(index)
    r = b.op("Mul", [b.op("Gather", [w_hh, idx], axis=1), b.init(scale.reshape(1, -1, 1).astype(dtype))])
    rb = b.op("Mul", [b.op("Gather", [b_hh, idx], axis=1), b.init(scale.reshape(1, -1).astype(dtype))])
    bias = b.op("Concat", [b.init(np.zeros((d, gate), dtype)), rb], axis=1)
    seq = b.op("Cast", [lengths], to=b.onnx.TensorProto.INT32) if masked else ""

    def states(lo, hi):
        return b.op("Slice", [s0, b.init(np.asarray([lo], np.int64)), b.init(np.asarray([hi], np.int64)),
                              b.init(np.asarray([2], np.int64))])
    inputs = [xg, b.init(select), r, bias, seq, states(0, h)]
    attrs = {"hidden_size": int(h), "direction": "bidirectional" if d == 2 else "forward"}
    if mode == "LSTM":
        inputs.append(states(h, 2 * h))
    elif mode == "GRU":
        attrs["linear_before_reset"] = 1
    else:
        attrs["activations"] = ["Tanh" if mode == "RNN_TANH" else "Relu"] * d
    outs = [b.name(_ONNX_OP[mode].lower() + "_y"), b.name("y_h")] + ([b.name("y_c")] if mode == "LSTM" else [])
    b.nodes.append(b.onnx.helper.make_node(_ONNX_OP[mode], inputs, outs, **attrs))
    return Scan("onnx", outs=outs, d=d, h=h, t_len=t_len, batch=batch)


def onnx_read(b, ins, avals, aval, mode, hidden, masked):
    scan, _ = ins
    if not isinstance(scan, Scan):
        raise ExportError("For 'export', 'RecurrentScanRead' must read the workspace of a 'RecurrentScan'.")
    t_len, batch, dh = scan.t_len, scan.batch, scan.d * scan.h

    def shape(v):
        return b.init(np.asarray(v, np.int64))
    # Y (T, D, B, H) -> (T, B, D*H); Y_h, Y_c (D, B, H) -> (1, B, D*H); ONNX zeroes Y past each length
    rows = [b.op("Reshape", [b.op("Transpose", [scan.outs[0]], perm=[0, 2, 1, 3]), shape([t_len, batch, dh])])]
    for state in scan.outs[1:]:
        rows.append(b.op("Reshape", [b.op("Transpose", [state], perm=[1, 0, 2]), shape([1, batch, dh])]))
    return b.op("Concat", rows, axis=0)
