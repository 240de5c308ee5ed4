"""mindspore.numpy's math and reductions: elementwise arithmetic and functions, dot/matmul/outer, cumulative
sums and products, and sum/mean/amax/amin/argmax/argmin/std/var/prod/ptp."""
from .._core import dtype as mstype
from ..ops import function as F
from ._common import dtype_of, operand, tensor


def _cast(out, dtype):
    return out if dtype is None else F.cast(out, dtype_of(dtype))


def add(x1, x2, dtype=None):
    return _cast(F.add(operand(x1), operand(x2)), dtype)


def subtract(x1, x2, dtype=None):
    return _cast(F.sub(operand(x1), operand(x2)), dtype)


def multiply(x1, x2, dtype=None):
    return _cast(F.mul(operand(x1), operand(x2)), dtype)


def divide(x1, x2, dtype=None):
    return _cast(F.div(operand(x1), operand(x2)), dtype)


true_divide = divide


def floor_divide(x1, x2, dtype=None):
    return _cast(F.floor_divide(operand(x1), operand(x2)), dtype)


def remainder(x1, x2, dtype=None):
    return _cast(F.remainder(operand(x1), operand(x2)), dtype)


mod = remainder


def power(x1, x2, dtype=None):
    return _cast(F.pow(operand(x1), operand(x2)), dtype)


def _unary(fn, float_only=False):
    def f(x, dtype=None):
        t = tensor(x)
        if float_only and mstype.kind_of(t._data.dtype) != "f":
            t = F.cast(t, mstype.float32)
        return _cast(fn(t), dtype)
    return f


exp = _unary(F.exp, True)
log = _unary(F.log, True)
log2 = _unary(F.log2, True)
log10 = _unary(F.log10, True)
log1p = _unary(F.log1p, True)
expm1 = _unary(F.expm1, True)
sqrt = _unary(F.sqrt, True)
square = _unary(F.square)
absolute = _unary(F.abs)
abs = absolute  # noqa: A001
negative = _unary(F.neg)
positive = _unary(F.identity)
sign = _unary(F.sign)
sin = _unary(F.sin, True)
cos = _unary(F.cos, True)
tan = _unary(F.tan, True)
arcsin = _unary(F.asin, True)
arccos = _unary(F.acos, True)
arctan = _unary(F.atan, True)
sinh = _unary(F.sinh, True)
cosh = _unary(F.cosh, True)
tanh = _unary(F.tanh, True)
floor = _unary(F.floor)
ceil = _unary(F.ceil)
trunc = _unary(F.trunc)
reciprocal = _unary(F.reciprocal, True)
rint = _unary(F.round)


def maximum(x1, x2, dtype=None):
    return _cast(F.maximum(operand(x1), operand(x2)), dtype)


def minimum(x1, x2, dtype=None):
    return _cast(F.minimum(operand(x1), operand(x2)), dtype)


def arctan2(x1, x2, dtype=None):
    return _cast(F.atan2(tensor(x1), tensor(x2)), dtype)


def clip(a, a_min, a_max, dtype=None):
    if a_min is None and a_max is None:
        raise ValueError("For 'clip', a_min and a_max cannot both be None.")
    return _cast(F.clamp(tensor(a), a_min, a_max), dtype)


def dot(a, b):
    a, b = tensor(a), tensor(b)
    if a.ndim == 0 or b.ndim == 0:
        return F.mul(a, b)
    if b.ndim == 1:
        return F.matmul(a, b)
    return F.tensordot(a, b, ((a.ndim - 1,), (b.ndim - 2,))) if hasattr(F, "tensordot") and a.ndim > 2 else \
        F.matmul(a, b)


def matmul(x1, x2, dtype=None):
    return _cast(F.matmul(tensor(x1), tensor(x2)), dtype)


def outer(a, b):
    return F.outer(F.reshape(tensor(a), (-1,)), F.reshape(tensor(b), (-1,)))


def inner(a, b):
    return F.inner(tensor(a), tensor(b))


def cumsum(a, axis=None, dtype=None):
    t = tensor(a)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.cumsum(t, axis, dtype_of(dtype))


def cumprod(a, axis=None, dtype=None):
    t = tensor(a)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.cast(F.cumprod(t, axis), dtype_of(dtype) or t.dtype)


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def sum(a, axis=None, dtype=None, keepdims=False, initial=None):  # noqa: A001
    t = tensor(a)
    if dtype is None and mstype.kind_of(t._data.dtype) in "biu":
        dtype = mstype.int64 if mstype.kind_of(t._data.dtype) != "u" else None
    out = F.sum(t, _axis(axis), keepdims, dtype=dtype_of(dtype))
    return out if initial is None else F.add(out, initial)


def mean(a, axis=None, keepdims=False, dtype=None):
    t = tensor(a)
    out = F.mean(F.cast(t, mstype.float32) if mstype.kind_of(t._data.dtype) != "f" else t, _axis(axis), keepdims)
    if mstype.kind_of(t._data.dtype) != "f":
        out = F.cast(out, t.dtype)        # mindspore.numpy keeps an int input's dtype
    return _cast(out, dtype)


def amax(a, axis=None, keepdims=False, initial=None, where=True):
    out = F.amax(tensor(a), _axis(axis) if axis is not None else (), keepdims)
    return out if initial is None else F.maximum(out, initial)


def amin(a, axis=None, keepdims=False, initial=None, where=True):
    out = F.amin(tensor(a), _axis(axis) if axis is not None else (), keepdims)
    return out if initial is None else F.minimum(out, initial)


def argmax(a, axis=None):
    t = tensor(a)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.argmax(t, axis)


def argmin(a, axis=None):
    t = tensor(a)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.argmin(t, axis)


def var(x, axis=None, ddof=0, keepdims=False):
    return F.var(tensor(x), _axis(axis), ddof, keepdims)


def std(x, axis=None, ddof=0, keepdims=False):
    return F.std(tensor(x), _axis(axis), ddof, keepdims)


def ptp(x, axis=None, keepdims=False):
    return F.sub(amax(x, axis, keepdims), amin(x, axis, keepdims))


def average(x, axis=None, weights=None, returned=False):
    t = tensor(x)
    if weights is None:
        out, wsum = mean(t, axis), None
    else:
        w = tensor(weights)
        if w.ndim == 1 and t.ndim > 1 and axis is not None:
            shape = [1] * t.ndim
            shape[axis] = -1
            w = F.reshape(w, tuple(shape))
        wsum = F.sum(F.broadcast_to(w, t.shape), axis)
        out = F.div(F.sum(F.mul(t, w), axis), wsum)
    return (out, wsum if wsum is not None else F.full_like(out, t.size / out.size)) if returned else out


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
