"""Primitive-style operator classes (``ops.Add()(x, y)``, ``ops.ReduceMean(keep_dims=True)(x, axis)``...),
each a thin callable over the functional API, for code written in MindSpore's older style."""
from . import function as F


class PrimitiveOp:
    """Base of the class-style operators: configured at construction, applied by calling."""

    def __repr__(self):
        return f"Prim[{type(self).__name__}]"


def _op(name, fn):
    cls = type(name, (PrimitiveOp,), {"__call__": lambda self, *args: fn(*args)})
    return cls


Add = _op("Add", F.add)
Sub = _op("Sub", F.sub)
Mul = _op("Mul", F.mul)
Div = _op("Div", F.div)
RealDiv = _op("RealDiv", F.div)
Pow = _op("Pow", F.pow)
Exp = _op("Exp", F.exp)
Log = _op("Log", F.log)
Sqrt = _op("Sqrt", F.sqrt)
Square = _op("Square", F.square)
Abs = _op("Abs", F.abs)
Neg = _op("Neg", F.neg)
Maximum = _op("Maximum", F.maximum)
Minimum = _op("Minimum", F.minimum)
ReLU = _op("ReLU", F.relu)
Sigmoid = _op("Sigmoid", F.sigmoid)
Tanh = _op("Tanh", F.tanh)
Equal = _op("Equal", F.equal)
Greater = _op("Greater", F.greater)
Less = _op("Less", F.less)
Select = _op("Select", F.where)
Reshape = _op("Reshape", F.reshape)
Transpose = _op("Transpose", F.transpose)
ExpandDims = _op("ExpandDims", F.expand_dims)
Cast = _op("Cast", F.cast)
Shape = _op("Shape", lambda x: x.shape)
Size = _op("Size", lambda x: x.size)
Rank = _op("Rank", lambda x: x.ndim)
ZerosLike = _op("ZerosLike", F.zeros_like)
OnesLike = _op("OnesLike", F.ones_like)
Fill = _op("Fill", F.fill)
StopGradient = _op("StopGradient", F.stop_gradient)


class MatMul(PrimitiveOp):
    def __init__(self, transpose_a=False, transpose_b=False):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        if self.transpose_a:
            x = F.swapaxes(x, -1, -2)
        if self.transpose_b:
            y = F.swapaxes(y, -1, -2)
        return F.matmul(x, y)


class BatchMatMul(MatMul):
    """Batched ``MatMul`` with the same ``transpose_a``/``transpose_b`` options."""


def _reduce_op(name, fn):
    class Reduce(PrimitiveOp):
        def __init__(self, keep_dims=False):
            self.keep_dims = keep_dims

        def __call__(self, x, axis=()):
            return fn(x, axis if axis != () else None, self.keep_dims)
    Reduce.__name__ = Reduce.__qualname__ = name
    return Reduce


ReduceSum = _reduce_op("ReduceSum", F.sum)
ReduceMean = _reduce_op("ReduceMean", F.mean)
ReduceMax = _reduce_op("ReduceMax", F.amax)
ReduceMin = _reduce_op("ReduceMin", F.amin)
ReduceProd = _reduce_op("ReduceProd", F.prod)


class Softmax(PrimitiveOp):
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.softmax(x, self.axis)


class LogSoftmax(PrimitiveOp):
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.log_softmax(x, self.axis)


class Concat(PrimitiveOp):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, tensors):
        return F.cat(tensors, self.axis)


class Stack(PrimitiveOp):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, tensors):
        return F.stack(tensors, self.axis)


class Argmax(PrimitiveOp):
    def __init__(self, axis=-1, output_type=None):
        from .._core import dtype as mstype
        self.axis = axis
        self.output_type = output_type or mstype.int32

    def __call__(self, x):
        return F.cast(F.argmax(x, self.axis), self.output_type)


class OneHot(PrimitiveOp):
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, indices, depth, on_value, off_value):
        return F.one_hot(indices, depth, on_value, off_value, self.axis)


class SoftmaxCrossEntropyWithLogits(PrimitiveOp):
    def __call__(self, logits, labels):
        loss = F.neg(F.sum(F.mul(labels, F.log_softmax(logits, -1)), -1))
        return loss, F.sub(F.softmax(logits, -1), labels)


class Gather(PrimitiveOp):
    def __call__(self, params, indices, axis):
        return F.gather(params, indices, axis)


class Dropout(PrimitiveOp):
    """Returns ``(output, mask)`` like MindSpore's primitive (the mask holds 1 where kept, 0 where dropped)."""

    def __init__(self, keep_prob=0.5, Seed0=0, Seed1=0):
        self.keep_prob = keep_prob

    def __call__(self, x):
        from . import _prims
        if self.keep_prob >= 1:
            return x, F.ones_like(x)
        scaled = _prims.dropout_mask(x, 1 - self.keep_prob)
        return F.mul(x, scaled), F.cast(F.greater(scaled, 0), x.dtype)


__all__ = [n for n, v in list(globals().items())
           if isinstance(v, type) and issubclass(v, PrimitiveOp) and v is not PrimitiveOp]
