"""Elementwise math, comparisons and reductions with MindSpore's names, argument orders and dtype rules."""
import builtins
import numbers

import numpy as np

from ..._core import dtype as mstype
from ..._core.primitive import bind
from ..._core.tensor import Tensor, _literal, _wrap
from .. import _prims as P

_BY_NUMPY = mstype._BY_NUMPY


# ----------------------------------------------------------------------------- argument coercion
def _tensor(x, name="input", op="ops"):
    """A Tensor for a Tensor, number, list or ndarray argument."""
    if isinstance(x, Tensor):
        return x
    if isinstance(x, (numbers.Number, np.ndarray, np.generic, list, tuple)):
        return Tensor(x)
    raise TypeError(f"For '{op}', the '{name}' must be a Tensor or a number, but got {type(x).__name__}.")


def _scalar_for(scalar, t):
    """(t cast if needed, the scalar as a weak constant of the result dtype)."""
    dtype = _BY_NUMPY[t._data.dtype]
    result = mstype.promote_scalar(dtype, scalar)
    if result is not dtype:
        t = P.cast(t, result.np_dtype)
    try:
        if result is mstype.float16:
            with np.errstate(over="ignore"):    # a too-large float becomes inf, as in MindSpore
                return t, _literal(np.asarray(scalar, dtype=result.np_dtype))
        return t, _literal(np.asarray(scalar, dtype=result.np_dtype))
    except OverflowError:
        return t, _wrap(_wrapped_int(scalar, result))


def _wrapped_int(scalar, dtype):
    """An int too big for the tensor's integer type wraps modulo 2**bits, as in MindSpore (int32 tensor + 2**40
    stays Int32); one outside int64 cannot be passed to MindSpore's kernels at all."""
    if not -2 ** 63 <= scalar < 2 ** 64:
        raise RuntimeError(f"The Python int {scalar} does not fit in 64 bits and cannot be used as a tensor operand.")
    v = scalar % (1 << dtype.bits)
    if dtype.kind == "i" and v >= 1 << (dtype.bits - 1):
        v -= 1 << dtype.bits
    return np.asarray(v, dtype=dtype.np_dtype)


def _coerce(x, y, op):
    """Promote two operands to one dtype and, when either is traced, broadcast the traced one explicitly."""
    if isinstance(x, Tensor):
        if isinstance(y, Tensor):
            dx, dy = x._data.dtype, y._data.dtype
            if dx != dy:
                t = mstype.promote(_BY_NUMPY[dx], _BY_NUMPY[dy]).np_dtype
                x, y = P.cast(x, t), P.cast(y, t)
        elif isinstance(y, (bool, int, float)) or isinstance(y, np.generic) and y.ndim == 0 and \
                not isinstance(y, np.ndarray):
            x, y = _scalar_for(y.item() if isinstance(y, np.generic) else y, x)
        else:
            return _coerce(x, _tensor(y, "other", op), op)
    elif isinstance(y, Tensor):
        if isinstance(x, (bool, int, float)) or isinstance(x, np.generic):
            y, x = _scalar_for(x.item() if isinstance(x, np.generic) else x, y)
        else:
            return _coerce(_tensor(x, "input", op), y, op)
    else:
        return _coerce(_tensor(x, "input", op), y, op)
    if (x._trace is not None or y._trace is not None) and x._data.shape != y._data.shape:
        shape = _broadcast_shape(x._data.shape, y._data.shape, op)
        if x._trace is not None:
            x = P.broadcast_to(x, shape)
        if y._trace is not None:
            y = P.broadcast_to(y, shape)
    return x, y


def _broadcast_shape(a, b, op):
    try:
        return np.broadcast_shapes(a, b)
    except ValueError:
        raise ValueError(f"For '{op}', the shapes {a} and {b} cannot be broadcast together.") from None


def _float(x, op):
    """Float-only operations compute integer and bool inputs in float32 (as MindSpore does)."""
    x = _tensor(x, "input", op)
    if x._data.dtype.kind != "f":
        return P.cast(x, np.float32)
    return x


def _axes(axis, ndim, op="ops"):
    """Normalise an axis argument (None, int, tuple/list) to None or a sorted tuple of non-negative ints."""
    if axis is None:
        return None
    if isinstance(axis, Tensor):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        if len(axis) == 0:
            return None
        out = tuple(sorted(_axis(a, ndim, op) for a in axis))
        if len(set(out)) != len(out):
            raise ValueError(f"For '{op}', the axis {tuple(axis)} contains duplicates.")
        return out
    return (_axis(axis, ndim, op),)


def _axis(axis, ndim, op="ops"):
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"For '{op}', the axis must be an int, but got {type(axis).__name__}.")
    n = builtins.max(ndim, 1)   # this module's ``max`` is the ops reduction
    if not -n <= axis < n:
        raise ValueError(f"For '{op}', the axis {axis} is out of range for a tensor of rank {ndim} "
                         f"(expected [{-n}, {n - 1}]).")
    return int(axis) % n


# ----------------------------------------------------------------------------- binary arithmetic
def add(input, other):
    x, y = _coerce(input, other, "add")
    return bind(P.add_p, x, y)


def sub(input, other):
    x, y = _coerce(input, other, "sub")
    return bind(P.sub_p, x, y)


def mul(input, other):
    x, y = _coerce(input, other, "mul")
    return bind(P.mul_p, x, y)


def div(input, other, *, rounding_mode=None):
    x, y = _coerce(input, other, "div")
    if rounding_mode is None:
        if x._data.dtype.kind != "f":
            x, y = P.cast(x, np.float32), P.cast(y, np.float32)
        return bind(P.div_p, x, y)
    if rounding_mode == "floor":
        return floor_divide(x, y)
    if rounding_mode == "trunc":
        if x._data.dtype.kind == "f":
            return P.trunc(bind(P.div_p, x, y))
        return _wrap(np.trunc(np.true_divide(x._data, y._data)).astype(x._data.dtype))
    raise ValueError(f"For 'div', rounding_mode must be None, 'floor' or 'trunc', but got {rounding_mode!r}.")


def floor_divide(input, other):
    x, y = _coerce(input, other, "floor_divide")
    return bind(P.floor_divide_p, x, y)


def remainder(input, other):
    x, y = _coerce(input, other, "remainder")
    return bind(P.remainder_p, x, y)


def pow(input, exponent):
    x, y = _coerce(input, exponent, "pow")
    return bind(P.pow_p, x, y)


def maximum(input, other):
    x, y = _coerce(input, other, "maximum")
    return bind(P.maximum_p, x, y)


def minimum(input, other):
    x, y = _coerce(input, other, "minimum")
    return bind(P.minimum_p, x, y)


def atan2(input, other):
    x, y = _coerce(_float(input, "atan2"), other, "atan2")
    return bind(P.atan2_p, x, y)


def _compare(prim, name):
    def compare(input, other):
        x, y = _coerce(input, other, name)
        return bind(prim, x, y)
    compare.__name__ = name
    return compare


equal = _compare(P.equal_p, "equal")
not_equal = _compare(P.not_equal_p, "not_equal")
less = _compare(P.less_p, "less")
less_equal = _compare(P.less_equal_p, "less_equal")
greater = _compare(P.greater_p, "greater")
greater_equal = _compare(P.greater_equal_p, "greater_equal")
logical_and = _compare(P.logical_and_p, "logical_and")
logical_or = _compare(P.logical_or_p, "logical_or")
logical_xor = _compare(P.logical_xor_p, "logical_xor")
bitwise_and = _compare(P.bitwise_and_p, "bitwise_and")
bitwise_or = _compare(P.bitwise_or_p, "bitwise_or")
bitwise_xor = _compare(P.bitwise_xor_p, "bitwise_xor")
eq, ne, lt, le, gt, ge = equal, not_equal, less, less_equal, greater, greater_equal
multiply, subtract, divide, true_divide, mod = mul, sub, div, div, remainder
max_ = maximum


def logical_not(input):
    return P.logical_not(_tensor(input, "input", "logical_not"))


def bitwise_not(input):
    return P.bitwise_not(_tensor(input, "input", "bitwise_not"))


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    x, y = _coerce(input, other, "isclose")
    return _wrap(np.isclose(x._data, y._data, rtol=rtol, atol=atol, equal_nan=equal_nan))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def equal_all(input, other):
    return bool(np.array_equal(_tensor(input)._data, _tensor(other)._data))


# ----------------------------------------------------------------------------- unary math
def _float_unary(binder, name):
    def op(input):
        return binder(_float(input, name))
    op.__name__ = name
    return op


exp = _float_unary(P.exp, "exp")
log = _float_unary(P.log, "log")
log1p = _float_unary(P.log1p, "log1p")
expm1 = _float_unary(P.expm1, "expm1")
sqrt = _float_unary(P.sqrt, "sqrt")
rsqrt = _float_unary(P.rsqrt, "rsqrt")
reciprocal = _float_unary(P.reciprocal, "reciprocal")
sin = _float_unary(P.sin, "sin")
cos = _float_unary(P.cos, "cos")
tan = _float_unary(P.tan, "tan")
asin = _float_unary(P.asin, "asin")
acos = _float_unary(P.acos, "acos")
atan = _float_unary(P.atan, "atan")
sinh = _float_unary(P.sinh, "sinh")
cosh = _float_unary(P.cosh, "cosh")
tanh = _float_unary(P.tanh, "tanh")
asinh = _float_unary(P.asinh, "asinh")
acosh = _float_unary(P.acosh, "acosh")
atanh = _float_unary(P.atanh, "atanh")
erf = _float_unary(P.erf, "erf")
sigmoid = _float_unary(P.sigmoid, "sigmoid")
arcsin, arccos, arctan, arcsinh, arccosh, arctanh = asin, acos, atan, asinh, acosh, atanh


def log2(input):
    return div(log(input), float(np.log(2.0)))


def log10(input):
    return div(log(input), float(np.log(10.0)))


def exp2(input):
    return pow(2.0, _float(input, "exp2"))


def neg(input):
    return P.neg(_tensor(input, "input", "neg"))


negative = neg


def square(input):
    return P.square(_tensor(input, "input", "square"))


def abs(input):
    return P.abs_(_tensor(input, "input", "abs"))


absolute = abs


def sign(input):
    return P.sign(_tensor(input, "input", "sign"))


def floor(input):
    x = _tensor(input, "input", "floor")
    return P.floor(x) if x._data.dtype.kind == "f" else x


def ceil(input):
    x = _tensor(input, "input", "ceil")
    return P.ceil(x) if x._data.dtype.kind == "f" else x


def round(input, *, decimals=0):
    x = _tensor(input, "input", "round")
    if decimals:
        scale = 10.0 ** decimals
        return div(P.round_(mul(x, scale)), scale)
    return P.round_(x) if x._data.dtype.kind == "f" else x


def trunc(input):
    x = _tensor(input, "input", "trunc")
    return P.trunc(x) if x._data.dtype.kind == "f" else x


def frac(input):
    x = _tensor(input, "input", "frac")
    return sub(x, trunc(x))


def isnan(input):
    return P.isnan(_tensor(input, "input", "isnan"))


def isinf(input):
    return P.isinf(_tensor(input, "input", "isinf"))


def isfinite(input):
    return P.isfinite(_tensor(input, "input", "isfinite"))


def nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    x = _tensor(input, "input", "nan_to_num")
    bad = logical_not(isfinite(x))
    clean = _wrap(np.nan_to_num(x._data, nan=nan, posinf=posinf, neginf=neginf))
    return P.where(bad, clean, x)


def clamp(input, min=None, max=None):
    """Clip ``input`` into ``[min, max]``; the gradient passes where the value is inside the bounds."""
    x = _tensor(input, "input", "clamp")
    if min is None and max is None:
        raise ValueError("For 'clamp', at least one of 'min' and 'max' must be given.")
    # selects rather than maximum/minimum: MindSpore passes the whole gradient to x at x == min or x == max
    if min is not None:
        x, lo = _coerce(x, min, "clamp")
        x = _select(less(x, lo), lo, x)
    if max is not None:
        x, hi = _coerce(x, max, "clamp")
        x = _select(greater(x, hi), hi, x)
    return x


def _select(cond, x, y):
    """``where`` for operands already of one dtype; a traced operand is broadcast to the output shape."""
    shape = np.broadcast_shapes(cond.shape, x.shape, y.shape)
    if x._trace is not None:
        x = P.broadcast_to(x, shape)
    if y._trace is not None:
        y = P.broadcast_to(y, shape)
    return P.where(cond, x, y)


clip = clamp


def lerp(input, end, weight):
    return add(input, mul(weight, sub(end, input)))


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    from .array_func import matmul
    return add(mul(input, beta), mul(matmul(mat1, mat2), alpha))


def logit(input, eps=None):
    x = _float(input, "logit")
    if eps is not None:
        x = clamp(x, eps, 1 - eps)
    return log(div(x, sub(1.0, x)))


def xlogy(input, other):
    x, y = _coerce(_float(input, "xlogy"), other, "xlogy")
    zero = P.zeros_like(x)
    is_zero = equal(x, zero)
    # log(y) is not evaluated where x == 0, so that the gradient there is 0 rather than 0 * log(0) = NaN
    safe_y = _select(is_zero, P.ones_like(y), y)
    return _select(is_zero, zero, mul(x, log(safe_y)))


def hypot(input, other):
    return sqrt(add(square(_float(input, "hypot")), square(_float(other, "hypot"))))


def cumsum(input, axis, dtype=None):
    x = _tensor(input, "input", "cumsum")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    return P.cumsum(x, _axis(axis, x.ndim, "cumsum"))


def cumprod(input, dim, dtype=None):
    x = _tensor(input, "input", "cumprod")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    return P.cumprod(x, _axis(dim, x.ndim, "cumprod"))


# ----------------------------------------------------------------------------- reductions
def sum(input, dim=None, keepdim=False, *, dtype=None):
    x = _tensor(input, "input", "sum")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    elif x._data.dtype == np.bool_:
        x = P.cast(x, np.int64)
    return P.sum_(x, _axes(dim, x.ndim, "sum"), bool(keepdim))


def mean(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "mean")
    return P.mean(x, _axes(axis, x._data.ndim, "mean"), bool(keep_dims))


def _extreme(prim_binder, arg_binder, name):
    def reduce(input, axis=None, keepdims=False, *, initial=None, where=None):
        x = _tensor(input, "input", name)
        if x.size == 0:
            raise ValueError(f"For '{name}', the input is empty (shape {x.shape}).")
        if axis is None or x.ndim == 0:
            # MindSpore 2.10: without an axis ops.max/min reduce everything (keepdims ignored) and the index is a
            # constant Int64 0 -- not the position of the extremum
            return (prim_binder(x, None, False) if x.ndim else x), _wrap(np.array(0, np.int64))
        if not isinstance(axis, (int, np.integer)) or isinstance(axis, bool):
            raise TypeError(f"For '{name}', 'axis' must be int, but got {type(axis)}")
        ax = _axis(axis, x.ndim, name)
        indices = arg_binder(x, ax, True)
        # along an axis MindSpore's ArgMaxWithValue sends the whole gradient to the returned index (the first
        # extremum), unlike the full reduction, which shares it between ties
        values = P.take_along_axis(x, indices._data, ax)
        if not keepdims:
            values = P.reshape(values, indices.shape[:ax] + indices.shape[ax + 1:])
            indices = P.reshape(indices, values.shape)
        return values, indices
    reduce.__name__ = name
    return reduce


def _at_extreme_index(x, axes, keepdim, largest):
    """max/min of ``x`` over ``axes`` with the gradient sent to the first extremum only (as MindSpore's
    norm(ord=+-inf) does)."""
    axes = tuple(range(x.ndim)) if axes is None else axes
    rest = [i for i in range(x.ndim) if i not in axes]
    perm = tuple(rest) + tuple(axes)
    flat = P.reshape(_transpose_if_needed(x, perm), tuple(x.shape[i] for i in rest) + (-1,))
    idx = (np.argmax if largest else np.argmin)(flat._data, axis=-1)[..., None]
    picked = P.take_along_axis(flat, idx, flat.ndim - 1)
    if keepdim:
        return P.reshape(picked, tuple(1 if i in axes else d for i, d in enumerate(x.shape)))
    return P.reshape(picked, tuple(x.shape[i] for i in rest))


def _transpose_if_needed(x, perm):
    return x if perm == tuple(range(x.ndim)) else P.transpose(x, perm)


max = _extreme(P.max_, P.argmax, "max")
min = _extreme(P.min_, P.argmin, "min")


def _extreme_with(reduce, combine, input, axis, keepdims, initial, where, op):
    x = _tensor(input, "input", op)
    if where is not None:
        if initial is None:
            raise ValueError(f"For '{op}', 'where' needs an 'initial' value for the excluded elements.")
        x = P.where(_tensor(where, "where", op), x, P.broadcast_to(_scalar_for(initial, x)[1], x.shape))
    out = reduce(x, _axes(axis, x.ndim, op), bool(keepdims))
    return out if initial is None else combine(out, initial)


def amax(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _extreme_with(P.max_, maximum, input, axis, keepdims, initial, where, "amax")


def amin(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _extreme_with(P.min_, minimum, input, axis, keepdims, initial, where, "amin")


def argmax(input, dim=None, keepdim=False):
    x = _tensor(input, "input", "argmax")
    if dim is None:
        return P.argmax(P.reshape(x, (-1,)), None, False)
    return P.argmax(x, _axis(dim, x.ndim, "argmax"), bool(keepdim))


def argmin(input, axis=None, keepdims=False):
    """Int32 indices (MindSpore's Argmin kernel; argmax gives Int64).  A 0-d input gives Int64 0, as in 2.10."""
    x = _tensor(input, "input", "argmin")
    if x.ndim == 0:
        return _wrap(np.array(0, np.int64))
    if axis is None:
        out = P.argmin(P.reshape(x, (-1,)), None, False)
    else:
        out = P.argmin(x, _axis(axis, x.ndim, "argmin"), bool(keepdims))
    return _wrap(out._data.astype(np.int32))


def prod(input, axis=None, keep_dims=False, dtype=None):
    x = _tensor(input, "input", "prod")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    return P.prod(x, _axes(axis, x.ndim, "prod"), bool(keep_dims))


def all(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "all")
    return _wrap(np.all(x._data, axis=_axes(axis, x.ndim, "all"), keepdims=keep_dims))


def any(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "any")
    return _wrap(np.any(x._data, axis=_axes(axis, x.ndim, "any"), keepdims=keep_dims))


def count_nonzero(x, axis=(), keep_dims=False, dtype=mstype.int32):
    t = _tensor(x, "x", "count_nonzero")
    axes = _axes(axis if axis != () else None, t.ndim, "count_nonzero")
    out = np.sum(t._data != 0, axis=axes, keepdims=keep_dims)
    return _wrap(np.asarray(out, mstype.canonical(dtype).np_dtype))


def logsumexp(input, axis, keep_dims=False):
    x = _float(input, "logsumexp")
    axes = _axes(axis, x.ndim, "logsumexp")
    shift = P.stop_gradient(P.max_(x, axes, True))
    shifted = sub(x, shift)
    out = add(log(P.sum_(exp(shifted), axes, True)), shift)
    if not keep_dims:
        out = P.reshape(out, tuple(d for i, d in enumerate(x.shape) if axes is not None and i not in axes))
    return out


def var(input, axis=None, ddof=0, keepdims=False):
    x = _float(input, "var")
    axes = _axes(axis, x.ndim, "var")
    n = x.size if axes is None else int(np.prod([x.shape[a] for a in axes]))
    centred = sub(x, mean(x, axes, True))
    return div(P.sum_(square(centred), axes, bool(keepdims)), float(n - ddof))


def std(input, axis=None, ddof=0, keepdims=False):
    return sqrt(var(input, axis, ddof, keepdims))


def var_mean(input, axis=None, ddof=0, keepdims=False):
    return var(input, axis, ddof, keepdims), mean(input, axis, keepdims)


def std_mean(input, axis=None, ddof=0, keepdims=False):
    return std(input, axis, ddof, keepdims), mean(input, axis, keepdims)


def _vector_norm(x, ord, axes, keepdim):
    """p-norms over ``axes`` (MindSpore's vector branch: ord None/2, inf, -inf, 0, other p)."""
    if ord is None or ord == 2:
        return sqrt(P.sum_(square(x), axes, keepdim))
    if ord == float("inf"):
        return _at_extreme_index(abs(x), axes, keepdim, True)
    if ord == float("-inf"):
        return _at_extreme_index(abs(x), axes, keepdim, False)
    if ord == 0:
        return P.sum_(P.cast(not_equal(x, 0.0), x._data.dtype), axes, keepdim)
    if ord == 1:
        return P.sum_(abs(x), axes, keepdim)
    if isinstance(ord, (int, float, np.integer, np.floating)) and not isinstance(ord, bool):
        return pow(P.sum_(pow(abs(x), float(ord)), axes, keepdim), 1.0 / ord)
    raise ValueError(f"For 'norm', unsupported ord {ord!r} for vectors.")


def _svd_norm(x, row, col, which):
    """Largest ('amax') / smallest ('amin') singular value or their sum ('sum') of the matrices in the (row, col)
    planes, computed in float32 as MindSpore does.  Written as ``sum(U_k * (A @ V_k))`` with the singular vectors
    held constant, which equals the singular values and has their exact first derivative (``u v^T``)."""
    x = P.cast(x, np.float32) if x._data.dtype != np.float32 else x
    rest = [i for i in range(x.ndim) if i not in (row, col)]
    a = _transpose_if_needed(x, tuple(rest) + (row, col))
    u, _, vh = np.linalg.svd(a._data, full_matrices=False)
    k = u.shape[-1]
    pick = {"amax": slice(0, 1), "amin": slice(k - 1, k), "sum": slice(0, k)}[which]
    u = np.ascontiguousarray(u[..., :, pick])
    v = np.ascontiguousarray(np.swapaxes(vh, -1, -2)[..., :, pick])
    av = P.matmul(a, _wrap(v))
    return P.sum_(mul(av, _wrap(u)), (a.ndim - 2, a.ndim - 1), False)


def _matrix_norm(x, ord, dims, keepdim):
    row, col = dims
    if row == col:
        raise ValueError("For norm, the elements of dim can not be duplicate.")
    if ord in (1, -1) and not isinstance(ord, float):
        c = col - 1 if col > row else col
        s = P.sum_(abs(x), (row,), False)
        out = _at_extreme_index(s, (c,), False, ord == 1)
    elif ord in (2, -2) and not isinstance(ord, float):
        out = _svd_norm(x, row, col, "amax" if ord == 2 else "amin")
    elif ord in (float("inf"), float("-inf")):
        r = row - 1 if row > col else row
        s = P.sum_(abs(x), (col,), False)
        out = _at_extreme_index(s, (r,), False, ord > 0)
    elif ord == "nuc":
        out = _svd_norm(x, row, col, "sum")
    else:   # None, 'fro' (and, as in MindSpore, a float ord such as 2.0)
        out = sqrt(P.sum_(square(x), tuple(sorted(dims)), False))
    if keepdim:
        out = P.reshape(out, tuple(1 if i in dims else d for i, d in enumerate(x.shape)))
    return out


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    """MindSpore 2.10's dispatch: with ``dim=None`` the vector 2-norm of everything for ord None (or 'fro' on a
    matrix, or 2 on a vector); otherwise ``dim`` (all dimensions when None) of length 1 gives a vector norm and of
    length 2 a matrix norm (ord 2/-2/'nuc' by singular values, 1/-1/inf/-inf by column/row sums)."""
    x = _float(A, "norm")
    ndim = x.ndim
    keepdim = bool(keepdim)
    if dim is None:
        dims = tuple(range(ndim))
        immediate = ord is None or (ord == "fro" and ndim == 2) or (ord == 2 and ndim == 1)
    else:
        immediate = False
        if isinstance(dim, (int, np.integer)) and not isinstance(dim, bool):
            dims = (dim,)
        elif isinstance(dim, tuple):
            dims = dim   # more than two dims: MindSpore raises ValueError; minispore gives the vector norm
        else:
            raise TypeError(f"For norm, the dim should be int or tuple of int, but got {type(dim)}")
    if len(dims) == 1 and isinstance(ord, str):
        raise TypeError(f"For norm, ord mode can not be str for vectors, but got {ord}.")
    matrix_ords = (2, -2, 1, -1, float("inf"), float("-inf"), "fro", "nuc", None)
    if len(dims) == 2 and ord not in matrix_ords and isinstance(ord, str):
        raise ValueError(f"For norm, the ord mode must be in [2, -2, 1, -1, float('inf'), -float('inf'), 'fro', "
                         f"'nuc', None] for matrices, but got {ord}.")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    if immediate:
        out = sqrt(P.sum_(square(x), None, False))
        return P.reshape(out, (1,) * ndim) if keepdim else out
    dims = tuple(_axis(d, ndim, "norm") for d in dims)
    if len(dims) == 2 and ord in matrix_ords:
        return _matrix_norm(x, ord, dims, keepdim)
    # one dimension; or (a minispore extension) a vector-only ord such as 0, 3 or 0.5 over two dimensions, or
    # three or more dimensions, where MindSpore raises ValueError or returns None: the vector norm over them
    return _vector_norm(x, ord, tuple(sorted(dims)) if dims else None, keepdim)


def vector_norm(x, ord=2, axis=None, keepdims=False, *, dtype=None):
    """The p-norm over ``axis`` (all elements when None) for any rank."""
    t = _float(x, "vector_norm")
    if isinstance(ord, str) or ord is None:
        raise ValueError(f"For 'vector_norm', 'ord' must be a number, but got {ord!r}.")
    if dtype is not None:
        t = P.cast(t, mstype.canonical(dtype).np_dtype)
    return _vector_norm(t, ord, _axes(axis, t.ndim, "vector_norm"), bool(keepdims))


def matrix_norm(A, ord="fro", axis=(-2, -1), keepdims=False, *, dtype=None):
    """The matrix norm over the two dimensions ``axis``."""
    x = _float(A, "matrix_norm")
    if x.ndim < 2:
        raise ValueError(f"For 'matrix_norm', the input must be at least 2-D, but got shape {x.shape}.")
    if ord not in (2, -2, 1, -1, float("inf"), float("-inf"), "fro", "nuc"):
        raise ValueError(f"For 'matrix_norm', unsupported ord {ord!r}.")
    if dtype is not None:
        x = P.cast(x, mstype.canonical(dtype).np_dtype)
    dims = tuple(_axis(d, x.ndim, "matrix_norm") for d in axis)
    return _matrix_norm(x, ord, dims, bool(keepdims))


def median(input, axis=-1, keepdims=False):
    x = _tensor(input, "input", "median")
    ax = _axis(axis, x.ndim, "median")
    n = x.shape[ax]
    idx = np.argsort(x._data, axis=ax, kind="stable")
    pick = np.take(idx, [(n - 1) // 2], axis=ax)
    values = P.take_along_axis(x, pick, ax)
    if not keepdims:
        values = P.reshape(values, tuple(d for i, d in enumerate(values.shape) if i != ax))
        pick = pick.reshape(values.shape)
    return values, _wrap(pick.astype(np.int64))


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
