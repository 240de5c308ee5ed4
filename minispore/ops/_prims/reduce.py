"""Reductions (sum, mean, max, min, prod, all, any, argmax, argmin) and cumulative sums and products.

``axis`` is None or a sorted tuple of non-negative ints. float16 sums and means accumulate in float32, as
MindSpore's kernels do, so that ``mean([6e4, 6e4])`` is 6e4 and not inf.
"""
import math

from ..._core import backend
from ..._core import shapes
from ._base import NONDIFF, Primitive, bind, xp
from .elementwise import cast, div, equal, mul
from .shape import reshape, transpose
from ..._core.dtype import kind_of

_F16 = xp.dtype(xp.float16)
_F32 = xp.dtype(xp.float32)


def _accumulating(dtype):
    """NumPy's (and MindSpore's) result dtype of a sum or product: small integers and bool widen to 64 bits."""
    if kind_of(dtype) == "b" or (kind_of(dtype) == "i" and dtype.itemsize < 8):
        return xp.dtype(xp.int64)
    if kind_of(dtype) == "u" and dtype.itemsize < 8:
        return xp.dtype(xp.uint64)
    return dtype


def _reduction(accumulate):
    def abstract(x, axis, keepdims):
        if axis is not None and any(a >= len(x.shape) for a in axis):
            raise ValueError(f"axis {axis} is out of range for shape {tuple(x.shape)}")
        return shapes.reduced_shape(x.shape, axis, keepdims), _accumulating(x.dtype) if accumulate else x.dtype
    return abstract


def _count(shape, axis):
    return math.prod(shape) if axis is None else math.prod(shape[a] for a in axis)


# ----------------------------------------------------------------------------- sum and mean
def _sum_impl(x, axis, keepdims):
    if x.dtype == _F16:
        return xp.add.reduce(x, axis=axis, keepdims=keepdims, dtype=_F32).astype(_F16)
    return xp.add.reduce(x, axis=axis, keepdims=keepdims)


sum_p = Primitive("ReduceSum", _sum_impl, 1, _reduction(True))


def sum_(x, axis=None, keepdims=False):
    return bind(sum_p, x, axis=axis, keepdims=keepdims)


def _mean_impl(x, axis, keepdims):
    n = _count(x.shape, axis)
    if kind_of(x.dtype) in "fc":         # complex means keep their imaginary part
        acc = _F32 if x.dtype == _F16 else x.dtype
        # n == 0 gives 0 / 0 = nan: the mean of nothing
        return xp.true_divide(xp.add.reduce(x, axis=axis, keepdims=keepdims, dtype=acc), acc.type(n)).astype(
            x.dtype, copy=False)
    # integer means are truncated to the input's type, as in MindSpore
    return xp.true_divide(xp.add.reduce(x, axis=axis, keepdims=keepdims, dtype=xp.float64), n).astype(x.dtype)


mean_p = Primitive("ReduceMean", _mean_impl, 1, _reduction(False))


def mean(x, axis=None, keepdims=False):
    return bind(mean_p, x, axis=axis, keepdims=keepdims)


def _expand_impl(dout, shape, axis, keepdims, average):
    if not keepdims:
        dout = dout.reshape(shapes.reduced_shape(shape, axis, True))
    out = backend.xp.empty(shape, dout.dtype)
    xp.copyto(out, dout)    # a materialised broadcast: np.broadcast_to costs more than the copy here
    if average:
        n = _count(shape, axis)
        if n:
            out *= dout.dtype.type(1.0 / n)
    return out


expand_p = Primitive("ExpandBack", _expand_impl, 1, lambda dout, shape, axis, keepdims, average: (tuple(shape), dout.dtype))


def expand_back(dout, x, axis, keepdims, average=False):
    """A reduction's cotangent broadcast back to ``x``'s shape (divided by the count for a mean): one primitive,
    the VJP of sum and mean."""
    return bind(expand_p, dout, shape=x._data.shape, axis=axis, keepdims=keepdims, average=average)


# (a sum of small integers is Int64: its cotangent goes back in the input's dtype)
sum_p.def_vjp(lambda dout, out, x, axis, keepdims: expand_back(cast(dout, x._data.dtype), x, axis, keepdims))
mean_p.def_vjp(lambda dout, out, x, axis, keepdims: expand_back(dout, x, axis, keepdims, average=True))
# the adjoint of "broadcast (and divide by n)" is "sum (and divide by n)"
expand_p.def_vjp(lambda ddout, out, dout, shape, axis, keepdims, average:
                 (mean if average else sum_)(ddout, axis, keepdims))


# ----------------------------------------------------------------------------- max, min, prod
max_p = Primitive("ReduceMax", lambda x, axis, keepdims: xp.maximum.reduce(x, axis=axis, keepdims=keepdims), 1,
                  _reduction(False))
min_p = Primitive("ReduceMin", lambda x, axis, keepdims: xp.minimum.reduce(x, axis=axis, keepdims=keepdims), 1,
                  _reduction(False))


def max_(x, axis=None, keepdims=False):
    return bind(max_p, x, axis=axis, keepdims=keepdims)


def min_(x, axis=None, keepdims=False):
    return bind(min_p, x, axis=axis, keepdims=keepdims)


def _extremum_vjp(dout, out, x, axis, keepdims):
    # the gradient is shared equally between tied extrema
    out_b = expand_back(out, x, axis, keepdims)
    mask = cast(equal(x, out_b), x._data.dtype)
    count = expand_back(sum_(mask, axis, keepdims), x, axis, keepdims)
    return mul(expand_back(dout, x, axis, keepdims), div(mask, count))


max_p.def_vjp(_extremum_vjp)
min_p.def_vjp(_extremum_vjp)

prod_p = Primitive("ReduceProd", lambda x, axis, keepdims: xp.multiply.reduce(x, axis=axis, keepdims=keepdims), 1,
                   _reduction(True))


def prod(x, axis=None, keepdims=False):
    return bind(prod_p, x, axis=axis, keepdims=keepdims)


def _prod_vjp(dout, out, x, axis, keepdims):
    # the product of the other elements, computed without dividing so that zeros are handled exactly
    shape = x._data.shape
    axes = tuple(range(len(shape))) if axis is None else axis
    rest = tuple(i for i in range(len(shape)) if i not in axes)
    perm = rest + axes
    flat = reshape(transpose(x, perm) if perm != tuple(range(len(shape))) else x,
                   tuple(shape[i] for i in rest) + (math.prod(shape[i] for i in axes),))
    last = len(rest)
    others = mul(cumprod(flat, last, exclusive=True), cumprod(flat, last, exclusive=True, reverse=True))
    others = reshape(others, tuple(shape[i] for i in perm))
    if perm != tuple(range(len(shape))):
        inverse = [0] * len(perm)
        for i, p in enumerate(perm):
            inverse[p] = i
        others = transpose(others, tuple(inverse))
    return mul(expand_back(cast(dout, x._data.dtype), x, axis, keepdims), others)


prod_p.def_vjp(_prod_vjp)


# ----------------------------------------------------------------------------- logical reductions and arg-extrema
def _logical_reduction(x, axis, keepdims):
    return shapes.reduced_shape(x.shape, axis, keepdims), xp.dtype(bool)


all_p = Primitive("ReduceAll", lambda x, axis, keepdims: xp.all(x, axis=axis, keepdims=keepdims), 1,
                  _logical_reduction)
any_p = Primitive("ReduceAny", lambda x, axis, keepdims: xp.any(x, axis=axis, keepdims=keepdims), 1,
                  _logical_reduction)
all_p.def_vjp(NONDIFF)
any_p.def_vjp(NONDIFF)


def all_(x, axis=None, keepdims=False):
    return bind(all_p, x, axis=axis, keepdims=keepdims)


def any_(x, axis=None, keepdims=False):
    return bind(any_p, x, axis=axis, keepdims=keepdims)


def _arg_abstract(dtype):
    def abstract(x, axis, keepdims):
        if axis is None:
            return ((1,) * len(x.shape) if keepdims else ()), dtype
        return shapes.reduced_shape(x.shape, (axis,), keepdims), dtype
    return abstract


# Argmax gives Int64 indices, Argmin Int32 (MindSpore's kernels)
argmax_p = Primitive("Argmax", lambda x, axis, keepdims: xp.argmax(x, axis=axis, keepdims=keepdims), 1,
                     _arg_abstract(xp.dtype(xp.int64)))
argmin_p = Primitive("Argmin", lambda x, axis, keepdims: xp.argmin(x, axis=axis, keepdims=keepdims).astype(xp.int32),
                     1, _arg_abstract(xp.dtype(xp.int32)))
argmax_p.def_vjp(NONDIFF)
argmin_p.def_vjp(NONDIFF)


def argmax(x, axis=None, keepdims=False):
    return bind(argmax_p, x, axis=axis, keepdims=keepdims)


def argmin(x, axis=None, keepdims=False):
    return bind(argmin_p, x, axis=axis, keepdims=keepdims)


# ----------------------------------------------------------------------------- cumulative sums and products
def _shifted(out, axis, fill):
    """``out`` moved one step along ``axis``, ``fill`` in front: the exclusive form of a scan."""
    shifted = backend.xp.empty_like(out)
    head = [slice(None)] * out.ndim
    tail = list(head)
    src = list(head)
    head[axis], tail[axis], src[axis] = slice(0, 1), slice(1, None), slice(0, -1)
    shifted[tuple(head)] = fill
    shifted[tuple(tail)] = out[tuple(src)]
    return shifted


def _scan(fn, fill):
    def impl(x, axis, exclusive, reverse):
        if reverse:
            x = xp.flip(x, axis)
        out = fn(x, axis=axis, dtype=x.dtype)
        if exclusive and x.shape[axis]:
            out = _shifted(out, axis, fill)
        return xp.flip(out, axis) if reverse else out
    return impl


def _scan_abstract(x, axis, exclusive, reverse):
    if not 0 <= axis < len(x.shape):
        raise ValueError(f"axis {axis} is out of range for shape {tuple(x.shape)}")
    return x.shape, x.dtype


cumsum_p = Primitive("CumSum", _scan(xp.cumsum, 0), 1, _scan_abstract)
cumprod_p = Primitive("CumProd", _scan(xp.cumprod, 1), 1, _scan_abstract)


def cumsum(x, axis, exclusive=False, reverse=False):
    return bind(cumsum_p, x, axis=axis, exclusive=exclusive, reverse=reverse)


def cumprod(x, axis, exclusive=False, reverse=False):
    return bind(cumprod_p, x, axis=axis, exclusive=exclusive, reverse=reverse)


cumsum_p.def_vjp(lambda dout, out, x, axis, exclusive, reverse:
                 cumsum(dout, axis, exclusive=exclusive, reverse=not reverse))


def _cumprod_vjp(dout, out, x, axis, exclusive, reverse):
    # d out_j / d x_i = out_j / x_i for the j that include i: a transposed cumulative sum of dout * out, divided by
    # x (exact for non-zero inputs)
    s = cumsum(mul(dout, out), axis, exclusive=exclusive, reverse=not reverse)
    return div(s, x)


cumprod_p.def_vjp(_cumprod_vjp)
