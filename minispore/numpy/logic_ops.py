"""mindspore.numpy's comparisons and logic: where, equal/not_equal/less/greater..., logical_*, isnan/isinf/
isfinite, isclose/allclose, all/any, array_equal."""
from .._core import dtype as mstype
from ..ops import function as F
from .._core.tensor import Tensor
from ._common import operand, tensor


def where(condition, x=None, y=None):
    c = tensor(condition)
    if x is None and y is None:
        return F.nonzero(c, as_tuple=True)
    if x is None or y is None:
        raise ValueError("For 'where', x and y must both be given, or neither.")
    x, y = tensor(x), tensor(y)
    return F.where(F.cast(c, mstype.bool_), x, y)


def _cmp(fn):
    def f(x1, x2, dtype=None):
        return fn(operand(x1) if not isinstance(x1, (int, float)) else tensor(x1), operand(x2))
    return f


equal = _cmp(F.equal)
not_equal = _cmp(F.not_equal)
less = _cmp(F.less)
less_equal = _cmp(F.less_equal)
greater = _cmp(F.greater)
greater_equal = _cmp(F.greater_equal)


def logical_and(x1, x2, dtype=None):
    return F.logical_and(tensor(x1), tensor(x2))


def logical_or(x1, x2, dtype=None):
    return F.logical_or(tensor(x1), tensor(x2))


def logical_xor(x1, x2, dtype=None):
    return F.logical_xor(tensor(x1), tensor(x2))


def logical_not(a, dtype=None):
    return F.logical_not(tensor(a))


def isnan(x, dtype=None):
    return F.isnan(tensor(x))


def isinf(x, dtype=None):
    return F.isinf(tensor(x))


def isfinite(x, dtype=None):
    return F.isfinite(tensor(x))


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return F.isclose(tensor(a), tensor(b), rtol, atol, equal_nan)


def array_equal(a1, a2, equal_nan=False):
    t1, t2 = tensor(a1), tensor(a2)
    if t1.shape != t2.shape:
        return Tensor(False)
    return F.all(F.equal(t1, t2))


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
