"""``mindspore.export(..., file_format='ONNX')``: the traced graph (``_graph_export``) written with the ``onnx``
package (``pip install minispore[onnx]``), opset 18. Each minispore primitive maps to ONNX operators; one without
a mapping raises an error naming it, and no file is written."""
import os

import numpy as np

from . import _rnn_export
from ._graph_export import GRAPH_NAME, ExportError, emit_equations, trace_for_export

OPSET = 18


def _onnx():
    try:
        import onnx
    except ImportError:
        raise ImportError("For 'export', file_format='ONNX' needs the 'onnx' package: pip install minispore[onnx] "
                          "(or pip install onnx).") from None
    return onnx


class _Builder:
    def __init__(self, onnx):
        self.onnx = onnx
        self.nodes = []
        self.inits = []
        self.count = 0

    def name(self, stem="v"):
        self.count += 1
        return f"{stem}_{self.count}"

    def init(self, array, stem="c"):
        name = self.name(stem)
        self.inits.append(self.onnx.numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def op(self, op_type, inputs, **attrs):
        out = self.name(op_type.lower())
        self.nodes.append(self.onnx.helper.make_node(op_type, list(inputs), [out], **attrs))
        return out


def _ints(v):
    return [int(x) for x in v]


def _axes(axis, rank):
    if axis is None:
        return list(range(rank))
    return [int(axis)] if isinstance(axis, int) else _ints(axis)


def _conv(b, ins, avals, aval, stride, dilation, pads, groups):
    begin = [int(p[0]) for p in pads]
    end = [int(p[1]) for p in pads]
    return b.op("Conv", ins, strides=_ints(stride), dilations=_ints(dilation), pads=begin + end, group=int(groups),
                kernel_shape=_ints(avals[1].shape[2:]))


def _max_pool(b, ins, avals, aval, kernel, stride, dilation, pads):
    return b.op("MaxPool", ins, kernel_shape=_ints(kernel), strides=_ints(stride), dilations=_ints(dilation),
                pads=[int(p[0]) for p in pads] + [int(p[1]) for p in pads])


def _avg_pool(b, ins, avals, aval, kernel, stride, pads, counted, divisor):
    if divisor or any(tuple(c) != (0, 0) for c in counted):
        raise ExportError("For 'export' (ONNX), AvgPool with a divisor or counted padding has no ONNX mapping "
                          "(primitive 'AvgPool').")
    return b.op("AveragePool", ins, kernel_shape=_ints(kernel), strides=_ints(stride), count_include_pad=0,
                pads=[int(p[0]) for p in pads] + [int(p[1]) for p in pads])


def _reduce(op):
    def rule(b, ins, avals, aval, axis=None, keepdims=False):
        axes = b.init(np.asarray(_axes(axis, len(avals[0].shape)), np.int64))
        return b.op(op, [ins[0], axes], keepdims=int(bool(keepdims)))
    return rule


def _slice(b, x, starts, stops, steps, axes):
    return b.op("Slice", [x, b.init(np.asarray(starts, np.int64)), b.init(np.asarray(stops, np.int64)),
                          b.init(np.asarray(axes, np.int64)), b.init(np.asarray(steps, np.int64))])


def _getitem(b, ins, avals, aval, index):
    shape = avals[0].shape
    index = index if isinstance(index, tuple) else (index,)
    starts, stops, steps, axes, squeeze = [], [], [], [], []
    for d, i in enumerate(index):
        if isinstance(i, int):
            i = i + shape[d] if i < 0 else i
            starts.append(i), stops.append(i + 1), steps.append(1), axes.append(d), squeeze.append(d)
        elif isinstance(i, slice) and (i.step is None or i.step > 0):
            start, stop, step = i.indices(shape[d])
            starts.append(start), stops.append(stop), steps.append(step), axes.append(d)
        else:
            raise ExportError(f"For 'export' (ONNX), the index {index!r} has no ONNX mapping (primitive 'Getitem').")
    out = _slice(b, ins[0], starts, stops, steps, axes)
    if squeeze:
        out = b.op("Squeeze", [out, b.init(np.asarray(squeeze, np.int64))])
    return out


def _cast(b, ins, avals, aval, dtype):
    onnx = b.onnx
    return b.op("Cast", ins, to=onnx.helper.np_dtype_to_tensor_dtype(np.dtype(dtype)))


_RULES = {
    "Dense": lambda b, ins, a, aval: b.op("Gemm", ins, transB=1),
    "MatMul": lambda b, ins, a, aval: b.op("MatMul", ins),
    "BiasAdd": lambda b, ins, a, aval: b.op("Add", [ins[0], b.op("Reshape", [ins[1], b.init(
        np.asarray([1, -1] + [1] * (len(a[0].shape) - 2), np.int64))])]),
    "Conv": _conv,
    "MaxPool": _max_pool,
    "AvgPool": _avg_pool,
    "Reshape": lambda b, ins, a, aval, shape: b.op("Reshape", [ins[0], b.init(np.asarray(_ints(shape), np.int64))]),
    "Transpose": lambda b, ins, a, aval, perm: b.op("Transpose", ins, perm=_ints(perm)),
    "BroadcastTo": lambda b, ins, a, aval, shape: b.op("Expand", [ins[0], b.init(np.asarray(_ints(shape),
                                                                                         np.int64))]),
    "Softmax": lambda b, ins, a, aval, axis: b.op("Softmax", ins, axis=int(axis if isinstance(axis, int)
                                                                          else axis[0])),
    "LogSoftmax": lambda b, ins, a, aval, axis: b.op("LogSoftmax", ins, axis=int(axis)),
    "ReduceMean": _reduce("ReduceMean"),
    "ReduceSum": _reduce("ReduceSum"),
    "ReduceMax": _reduce("ReduceMax"),
    "ReduceMin": _reduce("ReduceMin"),
    "Gather": lambda b, ins, a, aval, axis: b.op("Gather", ins, axis=int(axis)),
    "Getitem": _getitem,
    "Slice": lambda b, ins, a, aval, starts, stops: _slice(b, ins[0], _ints(starts), _ints(stops),
                                                           [1] * len(starts), list(range(len(starts)))),
    "Concat": lambda b, ins, a, aval, axis: b.op("Concat", ins, axis=int(axis)),
    "Cast": _cast,
    "Select": lambda b, ins, a, aval: b.op("Where", ins),
    "Rsqrt": lambda b, ins, a, aval: b.op("Reciprocal", [b.op("Sqrt", ins)]),
    "Square": lambda b, ins, a, aval: b.op("Mul", [ins[0], ins[0]]),
    "Identity": lambda b, ins, a, aval: ins[0],
    "StopGradient": lambda b, ins, a, aval: ins[0],
    "RecurrentScan": _rnn_export.onnx_scan,
    "RecurrentScanRead": _rnn_export.onnx_read,
}
for _ms, _ox in (("Add", "Add"), ("Sub", "Sub"), ("Mul", "Mul"), ("RealDiv", "Div"), ("Maximum", "Max"),
                 ("Minimum", "Min"), ("Pow", "Pow"), ("Equal", "Equal"), ("Greater", "Greater"), ("Less", "Less"),
                 ("GreaterEqual", "GreaterOrEqual"), ("LessEqual", "LessOrEqual"), ("LogicalAnd", "And"),
                 ("LogicalOr", "Or"), ("ReLU", "Relu"), ("Sigmoid", "Sigmoid"), ("Tanh", "Tanh"), ("Exp", "Exp"),
                 ("Log", "Log"), ("Neg", "Neg"), ("Sqrt", "Sqrt"), ("Abs", "Abs"), ("Erf", "Erf"),
                 ("Floor", "Floor"), ("Sin", "Sin"), ("Cos", "Cos"), ("Reciprocal", "Reciprocal"),
                 ("LogicalNot", "Not"), ("Softplus", "Softplus")):
    _RULES[_ms] = (lambda op: lambda b, ins, a, aval: b.op(op, ins))(_ox)


def export_onnx(net, inputs, file_name):
    onnx = _onnx()
    traced = trace_for_export(net, inputs, "ONNX")
    b = _Builder(onnx)
    names, graph_inputs = {}, []
    for k, (slot, t) in enumerate(zip(traced.input_slots, traced.inputs)):
        name = "x" if len(traced.inputs) == 1 else f"x{k}"
        graph_inputs.append(onnx.helper.make_tensor_value_info(
            name, onnx.helper.np_dtype_to_tensor_dtype(np.dtype(t.dtype)), list(t.shape)))
        names[slot] = name
    for slot, param in traced.params:
        b.inits.append(onnx.numpy_helper.from_array(np.ascontiguousarray(param.asnumpy()), param.name))
        names[slot] = param.name
    for slot, array in traced.constants:
        names[slot] = b.init(np.asarray(array))
    emit_equations(traced, _RULES, b, names, "ONNX", "ONNX")
    avals = traced.avals
    outputs = []
    for k, slot in enumerate(traced.out_slots):
        name = "output" if traced.single else f"output{k}"
        b.nodes.append(onnx.helper.make_node("Identity", [names[slot]], [name]))
        av = avals[slot]
        outputs.append(onnx.helper.make_tensor_value_info(
            name, onnx.helper.np_dtype_to_tensor_dtype(np.dtype(av.dtype)), [int(d) for d in av.shape]))
    graph = onnx.helper.make_graph(b.nodes, GRAPH_NAME, graph_inputs, outputs, b.inits)
    model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", OPSET)],
                                   producer_name="minispore")
    model.ir_version = min(model.ir_version, 9)
    onnx.checker.check_model(model)
    if not file_name.endswith(".onnx"):
        file_name += ".onnx"
    os.makedirs(os.path.dirname(os.path.abspath(file_name)), exist_ok=True)
    with open(file_name, "wb") as f:
        f.write(model.SerializeToString())
    return file_name
