"""``mindspore.export`` / ``mindspore.load`` / ``nn.GraphCell``: MindIR files, MindSpore's protobuf model format.

Export traces the network once through minispore's jit (``_core/jit.py``: a flat list of primitive equations
over slots, parameters as constants), then writes each equation as MindSpore 2.10 writes the same operation:
a ``NodeProto`` whose ``op_type`` is ``REF::<Name>:<k>`` pointing at a ``PrimitiveProto`` (the old primitives
such as ``Conv2D``/``MaxPool`` carry their attributes there; the 2.x "primitive functions" such as ``MatMul``
take them as trailing ``Constant`` inputs, in the order of MindSpore's op definitions), parameters as the
graph's ``TensorProto``s with their ``ref_key`` names, a tuple output through ``MakeTuple``. A primitive without
a mapping raises an error naming it: no file is written. Recurrent layers (``RecurrentScan``) are written by
``_rnn_export``: MindSpore's CPU ``LSTM`` primitive per direction, or the time loop unrolled (GRU, RNN,
``seq_length``), as MindSpore's own export writes them.

Load reads the file with the same protobuf schema (``_mindir_proto``) and builds an interpreter over it: each
node's primitive name is looked up in a table of known MindSpore primitives (``_LOADERS``) that runs it with
minispore's ops; nothing from the file is ever executed as code, and an unknown name is an error naming it.
``GraphCell`` runs the loaded graph eagerly or under jit, like any Cell.
"""
import functools
import os

import numpy as np

from .._core import dtype as mstype
from .._core.tensor import Tensor
from ..common.parameter import Parameter


class _LazyProto:
    """``_mindir_proto`` imported on first use: ``import minispore.train`` does not import protobuf."""

    def __getattr__(self, name):
        from . import _mindir_proto
        return getattr(_mindir_proto, name)


pb = _LazyProto()
from . import _rnn_export
from ._graph_export import GRAPH_NAME, ExportError, emit_equations, trace_for_export

__all__ = ["export", "export_mindir", "load", "GraphCell", "MindIRGraph"]

# MindSpore's TypeId numbers (Cast's dtype input) and TensorProto.DataType, by NumPy dtype
_TYPE_ID = {"bool": 30, "int8": 32, "int16": 33, "int32": 34, "int64": 35, "uint8": 37, "uint16": 38,
            "uint32": 39, "uint64": 40, "float16": 42, "float32": 43, "float64": 44}
_BY_TYPE_ID = {v: k for k, v in _TYPE_ID.items()}
_DATA_TYPE = {"float32": "FLOAT", "uint8": "UINT8", "int8": "INT8", "uint16": "UINT16", "int16": "INT16",
              "int32": "INT32", "int64": "INT64", "bool": "BOOL", "float16": "FLOAT16", "float64": "DOUBLE",
              "uint32": "UINT32", "uint64": "UINT64", "complex64": "COMPLEX64", "complex128": "COMPLEX128"}


@functools.lru_cache(None)
def _np_of_data_type():
    table = {pb.DTYPE[v]: k for k, v in _DATA_TYPE.items()}
    table[pb.DTYPE["FLOAT64"]] = "float64"
    return table

# primitives of the 2.x op definitions (attributes as inputs); the others carry their attributes
_OLD_STYLE = {"Conv2D", "MaxPool", "MakeTuple", "TupleGetItem", "LSTM", "Stack"}


# ============================================================================= writing
class _Writer:
    def __init__(self, graph_name):
        self.g = pb.GraphProto()
        self.g.name = graph_name
        self.prims = {}         # key -> PrimitiveProto name
        self.prim_list = []
        self.consts = {}
        self.count = 0

    def _name(self, stem):
        self.count += 1
        return f"{self.g.name}:{stem}_{self.count}"

    def primitive(self, op, attrs=None):
        key = (op, repr(sorted((attrs or {}).items())))
        name = self.prims.get(key)
        if name is None:
            name = f"{op}:{len(self.prim_list) + 1}"
            p = pb.PrimitiveProto()
            p.name, p.op_type, p.instance_name = name, op, ""
            p.prim_type = pb.PRIMITIVE if op in _OLD_STYLE else pb.PRIMITIVE_FUNCTION
            for k, v in (attrs or {}).items():
                _set_attr(p.attribute.add(), k, v)
            self.prims[key] = name
            self.prim_list.append(p)
        return name

    def const(self, value):
        """A ``Constant`` node holding a Python value (int, float, bool, tuple, str, None) or an ndarray."""
        key = _const_key(value)
        name = self.consts.get(key)
        if name is None:
            self.count += 1
            name = f"ValueNode_{self.count}"
            n = self.g.node.add()
            n.output.append(name)
            n.name, n.op_type = name, "Constant"
            _set_attr(n.attribute.add(), "value", value)
            self.consts[key] = name
        return name

    def node(self, op, inputs, aval, attrs=None):
        """One CNode applying ``op`` (its PrimitiveProto made from ``attrs``); returns its output name."""
        prim = self.primitive(op, attrs)
        out = self._name("CNode")
        n = self.g.node.add()
        n.input.extend(inputs)
        n.output.append(out)
        n.name, n.op_type = out, f"REF::{prim}"
        if aval is not None:
            _set_shape(n.attribute.add(), aval)
        return out


def _const_key(value):
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.str, value.tobytes())
    return (type(value).__name__, repr(value))


def _tensor_proto(t, array, name=None):
    array = np.ascontiguousarray(array)
    dt = _DATA_TYPE.get(array.dtype.name)
    if dt is None:
        raise ExportError(f"For 'export', a tensor of dtype {array.dtype} cannot be written to MindIR.")
    t.dims.extend(array.shape)
    t.data_type = pb.DTYPE[dt]
    if name is not None:
        t.name = name
    t.raw_data = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()


def _set_shape(a, aval):
    a.name = "shape"
    a.type = pb.ATTR["TENSORS"]
    t = a.tensors.add()
    t.dims.extend(int(d) for d in aval.shape)
    t.data_type = pb.DTYPE[_DATA_TYPE[np.dtype(aval.dtype).name]]


def _set_attr(a, name, value, in_tuple=False):
    if name is not None:
        a.name = name
    if isinstance(value, bool):
        a.type = pb.ATTR["BOOL"]
        a.ints.append(int(value)) if in_tuple else setattr(a, "i", int(value))
    elif isinstance(value, int):
        a.type = pb.ATTR["INT64"]
        a.ints.append(value) if in_tuple else setattr(a, "i", value)
    elif isinstance(value, float):
        a.type = pb.ATTR["FLOAT"]
        a.floats.append(value) if in_tuple else setattr(a, "f", value)
    elif isinstance(value, str):
        a.type = pb.ATTR["STRING"]
        a.strings.append(value.encode()) if in_tuple else setattr(a, "s", value.encode())
    elif isinstance(value, (tuple, list)):
        a.type = pb.ATTR["TUPLE" if isinstance(value, tuple) else "LIST"]
        for v in value:
            _set_attr(a.values.add(), None, v, in_tuple=True)
    elif value is None:
        a.type = pb.ATTR["NONE"]
    elif isinstance(value, np.ndarray):
        a.type = pb.ATTR["TENSORS"]
        _tensor_proto(a.tensors.add(), value, "value0")
    else:
        raise ExportError(f"For 'export', the value {value!r} cannot be written to MindIR.")


def export_mindir(net, inputs, file_name):
    """Trace ``net`` on ``inputs`` and write ``file_name`` (MindSpore appends '.mindir')."""
    traced = trace_for_export(net, inputs, "MINDIR")
    w = _Writer(GRAPH_NAME)
    names = {}
    for k, (slot, t) in enumerate(zip(traced.input_slots, traced.inputs)):
        vi = w.g.input.add()
        vi.name = f"{w.g.name}:x" if len(traced.inputs) == 1 else f"{w.g.name}:x{k}"
        tp = vi.tensor.add()
        tp.dims.extend(t.shape)
        tp.data_type = pb.DTYPE[_DATA_TYPE[np.dtype(t.dtype).name]]
        names[slot] = vi.name
    for slot, param in traced.params:
        tp = w.g.parameter.add()
        _tensor_proto(tp, param.asnumpy(), f"{w.g.name}:{param.name}")
        tp.ref_key = param.name
        tp.compression_type = 0
        names[slot] = tp.name
    for slot, array in traced.constants:
        names[slot] = w.const(array)
    outs = emit_equations(traced, _EXPORTERS, w, names, "MindIR", "MINDIR")
    avals = traced.avals
    if traced.single:
        result = outs[0]
        out_avals = [avals[traced.out_slots[0]]]
    else:
        out_avals = [avals[s] for s in traced.out_slots]
        result = w.node("MakeTuple", outs, None)
    vo = w.g.output.add()
    vo.name = result
    for av in out_avals:
        tp = vo.tensor.add()
        tp.dims.extend(int(d) for d in av.shape)
        tp.data_type = pb.DTYPE[_DATA_TYPE[np.dtype(av.dtype).name]]
    model = pb.ModelProto()
    model.ir_version = "1.1"
    model.producer_name = "MindSpore"
    model.model_version = "2.10.0"
    model.little_endian = True
    model.mind_ir_version = 3
    model.graph.CopyFrom(w.g)
    model.primitives.extend(w.prim_list)
    if not file_name.endswith(".mindir"):
        file_name += ".mindir"
    data = model.SerializeToString()
    directory = os.path.dirname(os.path.abspath(file_name))
    os.makedirs(directory, exist_ok=True)
    with open(file_name, "wb") as f:
        f.write(data)
    return file_name


# ----------------------------------------------------------------------------- the export table
def _binary(op):
    return lambda w, ins, in_avals, aval: w.node(op, ins, aval)


def _unary(op):
    return lambda w, ins, in_avals, aval: w.node(op, ins, aval)


def _ints(v):
    return tuple(int(x) for x in v)


def _exp_dense(w, ins, in_avals, aval):
    x, weight, b = ins
    mm = w.node("MatMul", [x, weight, w.const(False), w.const(True)], aval)
    return w.node("BiasAdd", [mm, b, w.const(0)], aval)


def _exp_conv(w, ins, in_avals, aval, stride, dilation, pads, groups):
    if len(stride) != 2:
        raise ExportError(f"For 'export', only 2-D convolutions map to MindIR's Conv2D, but got a {len(stride)}-D "
                          f"one (primitive 'Conv').")
    (top, bottom), (left, right) = pads
    pad = (int(top), int(bottom), int(left), int(right))
    wshape = in_avals[1].shape
    attrs = {"kernel_size": _ints(wshape[2:]), "mode": 1, "out_channel": int(wshape[0]), "pad": pad,
             "pad_mode": "pad" if any(pad) else "valid", "format": "NCHW", "pad_list": pad, "groups": int(groups),
             "group": int(groups), "stride": (1, 1) + _ints(stride), "dilation": (1, 1) + _ints(dilation),
             "input_names": ["x", "w"], "output_names": ["output"]}
    return w.node("Conv2D", ins, aval, attrs)


def _same_pads(size, k, s):
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return (total // 2, total - total // 2)


def _exp_max_pool(w, ins, in_avals, aval, kernel, stride, dilation, pads):
    if len(kernel) != 2 or any(d != 1 for d in dilation):
        raise ExportError("For 'export', only 2-D MaxPool without dilation maps to MindIR (primitive 'MaxPool').")
    x_shape = in_avals[0].shape
    if all(p == (0, 0) for p in map(tuple, pads)):
        mode = "VALID"
    elif all(tuple(p) == _same_pads(n, k, s) for p, n, k, s in zip(pads, x_shape[2:], kernel, stride)):
        mode = "SAME"
    else:
        raise ExportError(f"For 'export', MaxPool with padding {pads} is neither 'valid' nor 'same' and has no "
                          f"MindIR mapping (primitive 'MaxPool').")
    attrs = {"pad_mode": mode, "output_names": ["output"], "kernel_size": (1, 1) + _ints(kernel), "format": "NCHW",
             "strides": (1, 1) + _ints(stride), "input_names": ["x"]}
    return w.node("MaxPool", ins, aval, attrs)


def _exp_avg_pool(w, ins, in_avals, aval, kernel, stride, pads, counted, divisor):
    if len(kernel) != 2 or any(tuple(p) != (0, 0) for p in pads) or divisor:
        raise ExportError(f"For 'export', only 2-D 'valid' AvgPool maps to MindIR (primitive 'AvgPool' with "
                          f"padding {pads}, divisor {divisor}).")
    return w.node("AvgPool", [ins[0], w.const(_ints(kernel)), w.const(_ints(stride)), w.const(2), w.const(0)], aval)


def _axes(axis, rank):
    if axis is None:
        return tuple(range(rank))
    if isinstance(axis, int):
        return (axis,)
    return _ints(axis)


def _exp_reduce(op, extra=()):
    def rule(w, ins, in_avals, aval, axis=None, keepdims=False):
        axes = _axes(axis, len(in_avals[0].shape))
        return w.node(op, [ins[0], w.const(axes), w.const(bool(keepdims))] + [w.const(e) for e in extra], aval)
    return rule


def _exp_getitem(w, ins, in_avals, aval, index):
    shape = in_avals[0].shape
    index = index if isinstance(index, tuple) else (index,)
    if any(i is Ellipsis or i is None for i in index) or len(index) > len(shape):
        raise ExportError(f"For 'export', the index {index!r} has no MindIR mapping (primitive 'Getitem').")
    begin, end, strides = [], [], []
    shrink = 0
    for d, i in enumerate(index):
        if isinstance(i, int):
            i = i + shape[d] if i < 0 else i
            begin.append(i)
            end.append(i + 1)
            strides.append(1)
            shrink |= 1 << d
        elif isinstance(i, slice):
            start, stop, step = i.indices(shape[d])
            if step < 0:
                raise ExportError(f"For 'export', a negative slice step has no MindIR mapping (index {index!r}).")
            begin.append(start)
            end.append(stop)
            strides.append(step)
        else:
            raise ExportError(f"For 'export', the index {index!r} has no MindIR mapping (primitive 'Getitem').")
    return _strided_slice(w, ins[0], begin, end, strides, aval, shrink)


def _strided_slice(w, x, begin, end, strides, aval, shrink=0):
    return w.node("StridedSlice", [x, w.const(_ints(begin)), w.const(_ints(end)), w.const(_ints(strides)),
                                   w.const(0), w.const(0), w.const(0), w.const(0), w.const(int(shrink))], aval)


def _exp_slice(w, ins, in_avals, aval, starts, stops):
    return _strided_slice(w, ins[0], starts, stops, (1,) * len(starts), aval)


def _exp_concat(w, ins, in_avals, aval, axis):
    tup = w.node("MakeTuple", ins, None)
    return w.node("Concat", [tup, w.const(int(axis))], aval)


def _exp_cast(w, ins, in_avals, aval, dtype):
    return w.node("Cast", [ins[0], w.const(_TYPE_ID[np.dtype(dtype).name])], aval)




_EXPORTERS = {
    "Dense": _exp_dense,
    "MatMul": lambda w, ins, a, aval: w.node("MatMul", ins + [w.const(False), w.const(False)], aval)
    if len(a[0].shape) == 2 and len(a[1].shape) == 2 else w.node("BatchMatMul", ins + [w.const(False),
                                                                                       w.const(False)], aval),
    "BiasAdd": lambda w, ins, a, aval: w.node("BiasAdd", ins + [w.const(0)], aval),
    "Conv": _exp_conv,
    "MaxPool": _exp_max_pool,
    "AvgPool": _exp_avg_pool,
    "Reshape": lambda w, ins, a, aval, shape: w.node("Reshape", [ins[0], w.const(_ints(shape))], aval),
    "Transpose": lambda w, ins, a, aval, perm: w.node("Transpose", [ins[0], w.const(_ints(perm))], aval),
    "BroadcastTo": lambda w, ins, a, aval, shape: w.node("BroadcastTo", [ins[0], w.const(_ints(shape))], aval),
    "Softmax": lambda w, ins, a, aval, axis: w.node("Softmax", [ins[0], w.const(_axes(axis, 0))], aval),
    "LogSoftmax": lambda w, ins, a, aval, axis: w.node("LogSoftmax", [ins[0], w.const(int(axis))], aval),
    "ReduceMean": _exp_reduce("ReduceMean"),
    "ReduceSum": _exp_reduce("ReduceSum", (False,)),
    "ReduceMax": _exp_reduce("ReduceMax"),
    "ReduceMin": _exp_reduce("ReduceMin"),
    "Gather": lambda w, ins, a, aval, axis: w.node("Gather", ins + [w.const(int(axis)), w.const(0)], aval),
    "Getitem": _exp_getitem,
    "Slice": _exp_slice,
    "Concat": _exp_concat,
    "Cast": _exp_cast,
    "Select": _binary("Select"),
    "RecurrentScan": _rnn_export.mindir_scan,
    "RecurrentScanRead": _rnn_export.mindir_read,
}
for _op in ("Add", "Sub", "Mul", "RealDiv", "Maximum", "Minimum", "Pow", "Equal", "NotEqual", "Greater",
            "GreaterEqual", "Less", "LessEqual", "LogicalAnd", "LogicalOr"):
    _EXPORTERS[_op] = _binary(_op)
for _op in ("ReLU", "Sigmoid", "Tanh", "Exp", "Log", "Neg", "Sqrt", "Rsqrt", "Abs", "Square", "Erf", "Floor",
            "Sin", "Cos", "Reciprocal", "LogicalNot", "Softplus"):
    _EXPORTERS[_op] = _unary(_op)
for _op in ("Identity", "StopGradient"):
    _EXPORTERS[_op] = lambda w, ins, a, aval: ins[0]


# ============================================================================= reading
class _Monad:
    def __repr__(self):
        return "UMonad"


_MONAD = _Monad()


def _read_tensor(t, where):
    np_name = _np_of_data_type().get(t.data_type)
    if np_name is None:
        raise ValueError(f"For 'load', {where} has an unsupported data type {t.data_type}.")
    dt = np.dtype(np_name).newbyteorder("<")
    count = int(np.prod(t.dims)) if len(t.dims) else 1
    if t.raw_data or count == 0:
        if len(t.raw_data) != count * dt.itemsize:
            raise ValueError(f"For 'load', {where} ('{t.name}') holds {len(t.raw_data)} bytes, but its shape "
                             f"{list(t.dims)} and type {np_name} need {count * dt.itemsize}.")
        arr = np.frombuffer(t.raw_data, dt).astype(np_name).reshape(tuple(t.dims))
    elif t.float_data:
        arr = np.asarray(t.float_data, np_name).reshape(tuple(t.dims))
    elif t.int64_data:
        arr = np.asarray(t.int64_data, np_name).reshape(tuple(t.dims))
    elif t.int32_data:
        arr = np.asarray(t.int32_data, np_name).reshape(tuple(t.dims))
    elif t.double_data:
        arr = np.asarray(t.double_data, np_name).reshape(tuple(t.dims))
    else:
        raise ValueError(f"For 'load', {where} ('{t.name}') holds no data.")
    return arr




@functools.lru_cache(None)
def _scalar_types():
    return frozenset(pb.ATTR[k] for k in ("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64"))


def _read_attr(a, where):
    kind = a.type
    if kind in _scalar_types():
        return int(a.ints[0]) if len(a.ints) else int(a.i)
    if kind == pb.ATTR["BOOL"]:
        return bool(a.ints[0]) if len(a.ints) else bool(a.i)
    if kind in (pb.ATTR["FLOAT"], pb.ATTR["FLOAT16"], pb.ATTR["BFLOAT16"]):
        return float(a.floats[0]) if len(a.floats) else float(a.f)
    if kind == pb.ATTR["DOUBLE"]:
        return float(a.doubles[0]) if len(a.doubles) else float(a.d)
    if kind == pb.ATTR["STRING"]:
        return (a.strings[0] if len(a.strings) else a.s).decode()
    if kind in (pb.ATTR["TUPLE"], pb.ATTR["LIST"]):
        return tuple(_read_attr(v, where) for v in a.values)
    if kind in (pb.ATTR["TENSORS"], pb.ATTR["TENSOR"]):
        t = a.tensors[0] if len(a.tensors) else a.t
        return Tensor(_read_tensor(t, where))
    if kind == pb.ATTR["NONE"]:
        return None
    if kind in (pb.ATTR["UMONAD"], pb.ATTR["IOMONAD"]):
        return _MONAD
    raise ValueError(f"For 'load', {where} has an attribute '{a.name}' of a type ({kind}) minispore cannot read.")


class MindIRGraph:
    """A graph read from a MindIR file (what ``mindspore.load`` returns): its inputs, parameters, nodes and
    outputs, interpreted by ``nn.GraphCell`` with minispore's ops."""

    def __init__(self, model, file_name):
        g = model.graph
        self.file_name = file_name
        self.name = g.name
        prims = {}
        for p in model.primitives:
            prims[p.name] = (p.op_type, {a.name: _read_attr(a, f"primitive '{p.name}'") for a in p.attribute
                                         if a.name not in ("input_names", "output_names")})
        self.inputs = []
        for vi in g.input:
            t = vi.tensor[0] if len(vi.tensor) else None
            shape = tuple(t.dims) if t is not None else None
            dtype = _np_of_data_type().get(t.data_type) if t is not None else None
            self.inputs.append((vi.name, shape, dtype))
        self.parameters = []     # (graph name, ref_key name, ndarray)
        for t in g.parameter:
            self.parameters.append((t.name, t.ref_key or t.name.split(":")[-1], _read_tensor(t, "a parameter")))
        self.constants = {}
        self.nodes = []          # (op name, attrs, inputs, output)
        for n in g.node:
            if n.op_type == "Constant":
                value = _read_attr(n.attribute[0], f"constant '{n.name}'") if len(n.attribute) else None
                for o in n.output:
                    self.constants[o] = value
                continue
            ref = n.op_type[5:] if n.op_type.startswith("REF::") else n.op_type
            op, attrs = prims.get(ref, (ref.split(":")[0], {}))
            if op not in _LOADERS:
                raise ValueError(f"For 'load', the MindIR file '{file_name}' uses the primitive '{op}' (node "
                                 f"'{n.name}'), which minispore cannot run.")
            self.nodes.append((op, attrs, tuple(n.input), n.output[0]))
        if len(g.output) != 1:
            raise ValueError(f"For 'load', the MindIR file '{file_name}' has {len(g.output)} graph outputs; "
                             f"expected one.")
        self.output = g.output[0].name
        if len(model.functions):
            raise ValueError(f"For 'load', the MindIR file '{file_name}' has {len(model.functions)} sub-graphs "
                             f"(control flow), which minispore cannot run.")

    def run(self, params, args):
        env = dict(self.constants)
        if len(args) != len(self.inputs):
            raise ValueError(f"For 'GraphCell', the graph '{self.name}' takes {len(self.inputs)} inputs, but got "
                             f"{len(args)}.")
        for (name, shape, dtype), a in zip(self.inputs, args):
            if not isinstance(a, Tensor):
                raise TypeError(f"For 'GraphCell', every input must be a Tensor, but got {type(a).__name__}.")
            if shape is not None and tuple(a.shape) != shape and -1 not in shape:
                raise ValueError(f"For 'GraphCell', the graph '{self.name}' was exported for an input of shape "
                                 f"{list(shape)}, but got {list(a.shape)}.")
            env[name] = a
        env.update(params)
        for op, attrs, ins, out in self.nodes:
            try:
                vals = [env[i] for i in ins]
            except KeyError as e:
                raise ValueError(f"For 'load', the MindIR file '{self.file_name}' refers to an undefined value "
                                 f"{e.args[0]!r} in a '{op}' node.") from None
            env[out] = _LOADERS[op](attrs, *vals)
        result = env[self.output]
        return result


def load(file_name, **kwargs):
    """``mindspore.load``: read a MindIR file into a graph for ``nn.GraphCell``."""
    if "obf_func" in kwargs:
        raise NotImplementedError("Dynamic model structure obfuscation is no longer supported.")
    if "dec_key" in kwargs:
        raise ValueError("For 'load', encrypted MindIR files (dec_key) are not supported by minispore.")
    if not isinstance(file_name, str):
        raise ValueError(f"For 'load', the argument 'file_name' must be string, but got {type(file_name)}.")
    if not file_name.endswith(".mindir"):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) should end with '.mindir', please "
                         "input the correct 'file_name'.")
    if not os.path.exists(file_name):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) does not exist, please check whether "
                         "the 'file_name' is correct.")
    with open(file_name, "rb") as f:
        data = f.read()
    model = pb.ModelProto()
    try:
        model.ParseFromString(data)
    except pb.DecodeError as e:
        raise ValueError(f"For 'load', the MindIR file '{file_name}' is truncated or corrupt ({len(data)} bytes): "
                         f"{e}.") from None
    if not model.HasField("graph") or not model.graph.node:
        raise ValueError(f"For 'load', the file '{file_name}' holds no MindIR graph (truncated or not a MindIR "
                         f"file, {len(data)} bytes).")
    return MindIRGraph(model, file_name)


# ----------------------------------------------------------------------------- the load table
def _ops():
    from .. import ops
    return ops


def _P():
    from ..ops import _prims
    return _prims


def _ld_conv2d(a, x, weight):
    from ..ops._prims.conv import conv
    stride, dilation = a.get("stride", (1, 1, 1, 1))[-2:], a.get("dilation", (1, 1, 1, 1))[-2:]
    mode = a.get("pad_mode", "valid").lower()
    if a.get("format", "NCHW") != "NCHW":
        raise ValueError(f"For 'load', Conv2D with format {a.get('format')!r} is not supported.")
    if mode == "same":
        k = weight.shape[2:]
        eff = [(kk - 1) * d + 1 for kk, d in zip(k, dilation)]
        pads = tuple(_same_pads(n, e, s) for n, e, s in zip(x.shape[2:], eff, stride))
    else:
        p = a.get("pad_list") or a.get("pad") or (0, 0, 0, 0)
        if mode == "valid":
            p = (0, 0, 0, 0)
        pads = ((p[0], p[1]), (p[2], p[3]))
    return conv(x, weight, tuple(stride), tuple(dilation), pads, a.get("group", a.get("groups", 1)))


def _ld_max_pool(a, x):
    from ..ops._prims.pool import max_pool
    k, s = a["kernel_size"][-2:], a["strides"][-2:]
    if a.get("pad_mode", "VALID").upper() == "SAME":
        pads = tuple(_same_pads(n, kk, ss) for n, kk, ss in zip(x.shape[2:], k, s))
    else:
        pads = ((0, 0), (0, 0))
    return max_pool(x, tuple(k), tuple(s), (1, 1), pads)


def _ld_avg_pool(a, x, kernel, strides, pad_mode, data_format):
    from ..ops._prims.pool import avg_pool
    k = kernel if isinstance(kernel, tuple) else (kernel, kernel)
    s = strides if isinstance(strides, tuple) else (strides, strides)
    k, s = k[-2:], s[-2:]
    if pad_mode == 1:
        pads = tuple(_same_pads(n, kk, ss) for n, kk, ss in zip(x.shape[2:], k, s))
    elif pad_mode == 2:
        pads = ((0, 0), (0, 0))
    else:
        raise ValueError(f"For 'load', AvgPool with pad_mode {pad_mode} is not supported.")
    return avg_pool(x, k, s, pads)


def _ld_batch_norm(a, x, scale, bias, mean, var, is_training=False, eps=1e-5, momentum=0.1, data_format=0):
    ops = _ops()
    if is_training:
        raise ValueError("For 'load', a BatchNorm node in training mode cannot run in an inference graph.")
    shape = (1, -1) + (1,) * (x.ndim - 2)
    inv = ops.rsqrt(ops.reshape(var, shape) + eps)
    y = (x - ops.reshape(mean, shape)) * inv * ops.reshape(scale, shape) + ops.reshape(bias, shape)
    return (y, mean, var, mean, var)


def _ld_strided_slice(a, x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
                      shrink_axis_mask=0):
    if ellipsis_mask or new_axis_mask:
        raise ValueError("For 'load', StridedSlice with ellipsis_mask or new_axis_mask is not supported.")
    index = []
    for d in range(x.ndim):
        if d >= len(begin):
            index.append(slice(None))
            continue
        if shrink_axis_mask >> d & 1:
            index.append(int(begin[d]))
            continue
        b = None if begin_mask >> d & 1 else int(begin[d])
        e = None if end_mask >> d & 1 else int(end[d])
        index.append(slice(b, e, int(strides[d])))
    return x[tuple(index)]


def _ld_lstm(a, x, h0, c0, w):
    """MindSpore's CPU LSTM primitive: x (T, B, I), h0/c0 (1, B, H), the flattened weight [w_ih, w_hh, bias]
    (gates i, f, g, o; bias = b_ih + b_hh), a step loop of public ops (so it runs eagerly and under jit)."""
    ops = _ops()
    if a.get("num_layers", 1) != 1 or a.get("bidirectional", False) or a.get("proj_size", 0):
        raise ValueError("For 'load', only single-layer, unidirectional LSTM nodes (as MindSpore's nn.LSTM writes "
                         "them on CPU) are supported.")
    i_size, h = a["input_size"], a["hidden_size"]
    g = 4 * h
    flat = ops.reshape(w, (-1,))
    n_ih, n_hh = g * i_size, g * h
    w_ih = ops.reshape(flat[0:n_ih], (g, i_size))
    w_hh = ops.reshape(flat[n_ih:n_ih + n_hh], (g, h))
    b = flat[n_ih + n_hh:n_ih + n_hh + g] if a.get("has_bias", True) else ops.zeros((g,), x.dtype)
    t_len, batch = x.shape[0], x.shape[1]
    xg = ops.reshape(ops.dense(ops.reshape(x, (t_len * batch, i_size)), w_ih, b), (t_len, batch, g))
    hs, ht, ct = [], h0[0], c0[0]
    for t in range(t_len):
        gates = xg[t] + ops.matmul(ht, ops.transpose(w_hh, (1, 0)))
        i, f = ops.sigmoid(gates[:, 0:h]), ops.sigmoid(gates[:, h:2 * h])
        cand, o = ops.tanh(gates[:, 2 * h:3 * h]), ops.sigmoid(gates[:, 3 * h:])
        ct = f * ct + i * cand
        ht = o * ops.tanh(ct)
        hs.append(ht)
    out = ops.stack(hs, 0)
    return (out, ops.expand_dims(ht, 0), ops.expand_dims(ct, 0), None, None)


def _ld_reverse_sequence(a, x, lengths):
    """ReverseSequence: each sample's first ``lengths[b]`` steps along ``seq_dim`` reversed, the rest kept (one
    GatherD of computed indices)."""
    ops = _ops()
    seq, batch = a.get("seq_dim", 0) % x.ndim, a.get("batch_dim", 0) % x.ndim
    if seq == batch:
        raise ValueError(f"For 'load', ReverseSequence needs seq_dim != batch_dim, but got {seq} and {batch}.")
    order = [seq, batch] + [d for d in range(x.ndim) if d not in (seq, batch)]
    moved = ops.transpose(x, tuple(order))
    t_len = moved.shape[0]
    steps = ops.reshape(ops.arange(0, t_len, dtype=lengths.dtype), (t_len, 1))
    lens = ops.reshape(lengths, (1, -1))
    index = ops.select(steps < lens, lens - 1 - steps, ops.broadcast_to(steps, (t_len, lens.shape[1])))
    index = ops.broadcast_to(ops.reshape(index, index.shape + (1,) * (x.ndim - 2)), moved.shape)
    out = ops.gather_elements(moved, 0, ops.cast(index, mstype.int64))
    back = [order.index(d) for d in range(x.ndim)]
    return ops.transpose(out, tuple(back))


def _ld_reduce(name):
    def rule(a, x, axis=(), keep_dims=False, skip_mode=False):
        ops = _ops()
        axis = tuple(axis) if isinstance(axis, tuple) else (axis,)
        if not axis:
            axis = None if not skip_mode else ()
        if axis == ():
            return x
        f = {"ReduceMean": ops.mean, "ReduceSum": ops.sum, "ReduceMax": ops.amax, "ReduceMin": ops.amin}[name]
        return f(x, axis, keep_dims)
    return rule


def _ld_cast(a, x, dtype):
    ops = _ops()
    if isinstance(dtype, int):
        np_name = _BY_TYPE_ID.get(dtype)
        if np_name is None:
            raise ValueError(f"For 'load', Cast to the type id {dtype} is not supported.")
        dtype = mstype.from_numpy(np.dtype(np_name))
    return ops.cast(x, dtype)


def _softmax(a, x, axis=-1):
    axis = axis[0] if isinstance(axis, tuple) else axis
    return _ops().softmax(x, axis)


def _flatten(a, x):
    return _ops().reshape(x, (x.shape[0], -1))


def _squeeze(a, x, axis=()):
    return _ops().squeeze(x, tuple(axis) if axis else None)


def _stack(a, xs):
    return _ops().stack(list(xs), a.get("axis", 0))


_LOADERS = {
    "Load": lambda a, x, *monad: x,
    "UpdateState": lambda a, *xs: _MONAD,
    "Depend": lambda a, x, *deps: x,
    "MakeTuple": lambda a, *xs: tuple(xs),
    "make_list": lambda a, *xs: list(xs),
    "TupleGetItem": lambda a, t, i: t[i],
    "Conv2D": _ld_conv2d,
    "MaxPool": _ld_max_pool,
    "AvgPool": _ld_avg_pool,
    "BatchNorm": _ld_batch_norm,
    "MatMul": lambda a, x, y, ta=False, tb=False: _ops().matmul(_ops().swapaxes(x, -1, -2) if ta else x,
                                                               _ops().swapaxes(y, -1, -2) if tb else y),
    "BatchMatMul": lambda a, x, y, ta=False, tb=False: _ops().matmul(_ops().swapaxes(x, -1, -2) if ta else x,
                                                                    _ops().swapaxes(y, -1, -2) if tb else y),
    "BiasAdd": lambda a, x, b, fmt=0: _ops().bias_add(x, b),
    "Flatten": _flatten,
    "Reshape": lambda a, x, shape: _ops().reshape(x, tuple(shape)),
    "Transpose": lambda a, x, perm: _ops().transpose(x, tuple(perm)),
    "BroadcastTo": lambda a, x, shape: _ops().broadcast_to(x, tuple(shape)),
    "ExpandDims": lambda a, x, axis: _ops().expand_dims(x, axis),
    "Squeeze": _squeeze,
    "Concat": lambda a, xs, axis=0: _ops().concat(list(xs), axis),
    "Stack": _stack,
    "StridedSlice": _ld_strided_slice,
    "Gather": lambda a, x, idx, axis=0, batch_dims=0: _ops().gather(x, idx, axis, batch_dims),
    "Softmax": _softmax,
    "LogSoftmax": lambda a, x, axis=-1: _ops().log_softmax(x, axis),
    "ReduceMean": _ld_reduce("ReduceMean"),
    "ReduceSum": _ld_reduce("ReduceSum"),
    "ReduceMax": _ld_reduce("ReduceMax"),
    "ReduceMin": _ld_reduce("ReduceMin"),
    "Cast": _ld_cast,
    "Select": lambda a, c, x, y: _ops().select(c, x, y),
    "LSTM": _ld_lstm,
    "ReverseSequence": _ld_reverse_sequence,
    "ReverseV2": lambda a, x, axis: _ops().flip(x, tuple(axis) if isinstance(axis, tuple) else (axis,)),
    "Split": lambda a, x, axis, output_num: tuple(_ops().split(x, x.shape[axis] // output_num, axis)),
    "Add": lambda a, x, y: x + y, "Sub": lambda a, x, y: x - y, "Mul": lambda a, x, y: x * y,
    "RealDiv": lambda a, x, y: x / y, "Div": lambda a, x, y: x / y,
    "Maximum": lambda a, x, y: _ops().maximum(x, y), "Minimum": lambda a, x, y: _ops().minimum(x, y),
    "Pow": lambda a, x, y: _ops().pow(x, y),
    "Equal": lambda a, x, y: _ops().equal(x, y), "NotEqual": lambda a, x, y: _ops().ne(x, y),
    "Greater": lambda a, x, y: _ops().greater(x, y), "GreaterEqual": lambda a, x, y: _ops().greater_equal(x, y),
    "Less": lambda a, x, y: _ops().less(x, y), "LessEqual": lambda a, x, y: _ops().less_equal(x, y),
    "LogicalAnd": lambda a, x, y: _ops().logical_and(x, y), "LogicalOr": lambda a, x, y: _ops().logical_or(x, y),
    "LogicalNot": lambda a, x: _ops().logical_not(x),
}
for _op, _fn in (("ReLU", "relu"), ("Sigmoid", "sigmoid"), ("Tanh", "tanh"), ("Exp", "exp"), ("Log", "log"),
                 ("Neg", "neg"), ("Sqrt", "sqrt"), ("Rsqrt", "rsqrt"), ("Abs", "abs"), ("Square", "square"),
                 ("Erf", "erf"), ("Floor", "floor"), ("Sin", "sin"), ("Cos", "cos"), ("Reciprocal", "reciprocal"),
                 ("Softplus", "softplus")):
    _LOADERS[_op] = (lambda fn: lambda a, x: getattr(_ops(), fn)(x))(_fn)


# ============================================================================= GraphCell and export
from ..nn.cell import Cell  # noqa: E402


class GraphCell(Cell):
    """``nn.GraphCell(graph, params_init=None, obf_random_seed=None)``: runs a graph read by
    ``mindspore.load``. ``params_init``: {parameter name: Tensor} replacing the values stored in the file."""

    def __init__(self, graph, params_init=None, obf_random_seed=None):
        super().__init__(auto_prefix=False)
        if not isinstance(graph, MindIRGraph):
            raise TypeError(f"For 'GraphCell', the argument 'graph' must be a graph returned by mindspore.load, "
                            f"but got {type(graph).__name__}.")
        if obf_random_seed is not None:
            raise ValueError("For 'GraphCell', obfuscated models (obf_random_seed) are not supported by minispore.")
        if params_init is not None and not isinstance(params_init, dict):
            raise TypeError(f"For 'GraphCell', the argument 'params_init' must be a dict, but got "
                            f"{type(params_init).__name__}.")
        params_init = dict(params_init or {})
        self.graph = graph
        self._slots = []
        known = {key for _, key, _ in graph.parameters}
        unknown = sorted(set(params_init) - known)
        if unknown:
            raise ValueError(f"For 'GraphCell', the parameters {unknown} of 'params_init' are not in the graph "
                             f"(its parameters: {sorted(known)}).")
        for slot_name, key, array in graph.parameters:
            value = params_init.get(key)
            if value is not None:
                value = value if isinstance(value, Tensor) else Tensor(value)
                if tuple(value.shape) != array.shape:
                    raise ValueError(f"For 'GraphCell', the parameter '{key}' of 'params_init' has shape "
                                     f"{list(value.shape)}, but the graph's has {list(array.shape)}.")
                array = value.asnumpy().astype(array.dtype)
            p = Parameter(Tensor(array.copy()), name=key)
            self._params[key] = p
            self._slots.append((slot_name, key))

    def construct(self, *inputs):
        params = {slot: self._params[key] for slot, key in self._slots}
        return self.graph.run(params, inputs)


def export(net, *inputs, file_name, file_format, **kwargs):
    """``mindspore.export(net, *inputs, file_name, file_format)``: write ``net`` traced on ``inputs`` as a
    MindIR ('MINDIR', '.mindir' appended) or ONNX ('ONNX', '.onnx' appended) file."""
    for key in ("enc_key", "enc_mode", "obf_config", "dataset"):
        if key in kwargs:
            raise ValueError(f"For 'export', the option '{key}' is not supported by minispore.")
    if not isinstance(file_name, str):
        raise TypeError(f"For 'export', the argument 'file_name' must be a str, but got {type(file_name).__name__}.")
    if file_format not in ("MINDIR", "ONNX", "AIR"):
        raise ValueError(f"For 'export', 'file_format' must be one of ['AIR', 'ONNX', 'MINDIR'], but got "
                         f"{file_format!r}.")
    if file_format == "AIR":
        raise ValueError("For 'export', the AIR format needs Ascend; minispore writes 'MINDIR' and 'ONNX'.")
    inputs = _expand_inputs(inputs)
    if file_format == "ONNX":
        from .onnx_export import export_onnx
        export_onnx(net, inputs, file_name)
    else:
        export_mindir(net, inputs, file_name)


def _expand_inputs(inputs):
    out = []
    for x in inputs:
        if isinstance(x, (tuple, list)):
            out.extend(_expand_inputs(x))
        else:
            out.append(x)
    return tuple(out)
