"""The differentiable core: every primitive with its NumPy ``impl`` and its VJP rules, grouped by family.

Conventions (MindSpore's bprop naming): a rule is ``rule(dout, out, *args, **params)`` and returns the cotangent
of one argument, built only from the binders in this file, so that derivatives can be differentiated again.
Binary primitives receive arguments of equal dtype whose traced operands already have the output's shape
(``minispore.ops.function.math_func`` promotes and broadcasts explicitly), so rules need no "unbroadcast".
Impls call NumPy directly.
"""
import math

import numpy as np

from .._core.primitive import Primitive, bind
from .._core.tensor import _literal, _wrap


def _const(value, like):
    """An untraced constant of ``like``'s dtype."""
    return _literal(np.asarray(value, dtype=like._data.dtype))


def _quiet(impl):
    """``impl`` with NumPy's floating-point warnings silenced: like MindSpore, log(0), x / 0 or sqrt(-1) give
    inf or nan without a warning (only the operations that can produce them pay for the errstate)."""
    def quiet(*args, **params):
        with np.errstate(all="ignore"):
            return impl(*args, **params)
    quiet.__name__ = getattr(impl, "__name__", "impl")
    return quiet


def _unary(name, impl):
    prim = Primitive(name, impl)
    return prim, (lambda x: bind(prim, x))


def _binary(name, impl):
    prim = Primitive(name, impl)
    return prim, (lambda x, y: bind(prim, x, y))


# ----------------------------------------------------------------------------- elementwise unary
neg_p, neg = _unary("Neg", np.negative)
exp_p, exp = _unary("Exp", _quiet(np.exp))
log_p, log = _unary("Log", _quiet(np.log))
log1p_p, log1p = _unary("Log1p", _quiet(np.log1p))
expm1_p, expm1 = _unary("Expm1", _quiet(np.expm1))
sqrt_p, sqrt = _unary("Sqrt", _quiet(np.sqrt))
rsqrt_p, rsqrt = _unary("Rsqrt", _quiet(lambda x: np.reciprocal(np.sqrt(x))))
reciprocal_p, reciprocal = _unary("Reciprocal", _quiet(np.reciprocal))
square_p, square = _unary("Square", np.square)
abs_p, abs_ = _unary("Abs", np.abs)
sign_p, sign = _unary("Sign", np.sign)
floor_p, floor = _unary("Floor", np.floor)
ceil_p, ceil = _unary("Ceil", np.ceil)
round_p, round_ = _unary("Round", np.round)
trunc_p, trunc = _unary("Trunc", np.trunc)
sin_p, sin = _unary("Sin", np.sin)
cos_p, cos = _unary("Cos", np.cos)
tan_p, tan = _unary("Tan", _quiet(np.tan))
asin_p, asin = _unary("Asin", _quiet(np.arcsin))
acos_p, acos = _unary("ACos", _quiet(np.arccos))
atan_p, atan = _unary("Atan", np.arctan)
sinh_p, sinh = _unary("Sinh", _quiet(np.sinh))
cosh_p, cosh = _unary("Cosh", _quiet(np.cosh))
tanh_p, tanh = _unary("Tanh", np.tanh)
asinh_p, asinh = _unary("Asinh", np.arcsinh)
acosh_p, acosh = _unary("Acosh", _quiet(np.arccosh))
atanh_p, atanh = _unary("Atanh", _quiet(np.arctanh))
logical_not_p, logical_not = _unary("LogicalNot", np.logical_not)
isnan_p, isnan = _unary("IsNan", np.isnan)
isinf_p, isinf = _unary("IsInf", np.isinf)
isfinite_p, isfinite = _unary("IsFinite", np.isfinite)
bitwise_not_p, bitwise_not = _unary("Invert", np.invert)


def _sigmoid(x):
    # 0.5 * (1 + tanh(x / 2)): no overflow for large |x| and fewer array passes than the exp form
    t = np.tanh(x * x.dtype.type(0.5))
    t *= x.dtype.type(0.5)
    t += x.dtype.type(0.5)
    return t


def _softplus(x):
    return (np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))).astype(x.dtype, copy=False)


def _erf(x):
    from scipy.special import erf as _scipy_erf  # scipy is optional: only erf/gelu(exact) need it
    return _scipy_erf(x).astype(x.dtype, copy=False)


def _erf_impl(x):
    try:
        return _erf(x)
    except ImportError:
        return np.vectorize(math.erf, otypes=[x.dtype])(x)


sigmoid_p, sigmoid = _unary("Sigmoid", _sigmoid)
softplus_p, softplus = _unary("Softplus", _softplus)
relu_p, relu = _unary("ReLU", lambda x: np.maximum(x, 0))
erf_p, erf = _unary("Erf", _erf_impl)
relu_grad_p, relu_grad = _binary("ReluGrad", lambda dout, x: dout * (x > 0))

neg_p.def_vjp(lambda dout, out, x: neg(dout))
exp_p.def_vjp(lambda dout, out, x: mul(dout, out))
log_p.def_vjp(lambda dout, out, x: div(dout, x))
log1p_p.def_vjp(lambda dout, out, x: div(dout, add(x, _const(1, x))))
expm1_p.def_vjp(lambda dout, out, x: mul(dout, add(out, _const(1, out))))
sqrt_p.def_vjp(lambda dout, out, x: div(dout, mul(out, _const(2, out))))
rsqrt_p.def_vjp(lambda dout, out, x: mul(dout, mul(_const(-0.5, out), mul(out, square(out)))))
reciprocal_p.def_vjp(lambda dout, out, x: neg(mul(dout, square(out))))
square_p.def_vjp(lambda dout, out, x: mul(dout, mul(x, _const(2, x))))
abs_p.def_vjp(lambda dout, out, x: mul(dout, sign(x)))
for _p in (sign_p, floor_p, ceil_p, round_p, trunc_p):
    _p.def_vjp(None)  # piecewise constant: zero gradient
sin_p.def_vjp(lambda dout, out, x: mul(dout, cos(x)))
cos_p.def_vjp(lambda dout, out, x: neg(mul(dout, sin(x))))
tan_p.def_vjp(lambda dout, out, x: mul(dout, add(_const(1, out), square(out))))
asin_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(sub(_const(1, x), square(x)))))
acos_p.def_vjp(lambda dout, out, x: neg(mul(dout, rsqrt(sub(_const(1, x), square(x))))))
atan_p.def_vjp(lambda dout, out, x: div(dout, add(_const(1, x), square(x))))
sinh_p.def_vjp(lambda dout, out, x: mul(dout, cosh(x)))
cosh_p.def_vjp(lambda dout, out, x: mul(dout, sinh(x)))
tanh_p.def_vjp(lambda dout, out, x: mul(dout, sub(_const(1, out), square(out))))
asinh_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(add(square(x), _const(1, x)))))
acosh_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(sub(square(x), _const(1, x)))))
atanh_p.def_vjp(lambda dout, out, x: div(dout, sub(_const(1, x), square(x))))
sigmoid_p.def_vjp(lambda dout, out, x: mul(dout, mul(out, sub(_const(1, out), out))))
softplus_p.def_vjp(lambda dout, out, x: mul(dout, sigmoid(x)))
relu_p.def_vjp(lambda dout, out, x: relu_grad(dout, x))
relu_grad_p.def_vjp(lambda ddout, out, dout, x: relu_grad(ddout, x), None)
erf_p.def_vjp(lambda dout, out, x: mul(dout, mul(_const(2 / math.sqrt(math.pi), x), exp(neg(square(x))))))

# ----------------------------------------------------------------------------- elementwise binary
add_p, add = _binary("Add", np.add)
sub_p, sub = _binary("Sub", np.subtract)
mul_p, mul = _binary("Mul", np.multiply)
div_p, div = _binary("RealDiv", _quiet(np.true_divide))
pow_p, pow_ = _binary("Pow", _quiet(np.power))
def _maximum_impl(x, y):
    # MindSpore's kernel is "x if x > y else y": maximum(nan, 0) == 0 but maximum(1, nan) is nan
    if x.dtype.kind == "f":
        return np.where(x > y, x, y)
    return np.maximum(x, y)


def _minimum_impl(x, y):
    if x.dtype.kind == "f":
        return np.where(x < y, x, y)
    return np.minimum(x, y)


maximum_p, maximum = _binary("Maximum", _maximum_impl)
minimum_p, minimum = _binary("Minimum", _minimum_impl)
atan2_p, atan2 = _binary("Atan2", np.arctan2)
floor_divide_p, floor_divide = _binary("FloorDiv", _quiet(np.floor_divide))
remainder_p, remainder = _binary("FloorMod", _quiet(np.remainder))
equal_p, equal = _binary("Equal", np.equal)
not_equal_p, not_equal = _binary("NotEqual", np.not_equal)
less_p, less = _binary("Less", np.less)
less_equal_p, less_equal = _binary("LessEqual", np.less_equal)
greater_p, greater = _binary("Greater", np.greater)
greater_equal_p, greater_equal = _binary("GreaterEqual", np.greater_equal)
logical_and_p, logical_and = _binary("LogicalAnd", np.logical_and)
logical_or_p, logical_or = _binary("LogicalOr", np.logical_or)
logical_xor_p, logical_xor = _binary("LogicalXor", np.logical_xor)
bitwise_and_p, bitwise_and = _binary("BitwiseAnd", np.bitwise_and)
bitwise_or_p, bitwise_or = _binary("BitwiseOr", np.bitwise_or)
bitwise_xor_p, bitwise_xor = _binary("BitwiseXor", np.bitwise_xor)


def _select_mask(cond, like):
    return cast(cond, dtype=like._data.dtype)


def _pow_dy(dout, out, x, y):
    # d(x**y)/dy = x**y * log(x), taken as 0 at x == 0 (MindSpore's and PyTorch's limit); NaN for x < 0, as in
    # MindSpore
    zero = equal(x, _const(0, x))
    safe_x = where(zero, _const(1, x), x)
    return mul(dout, mul(out, log(safe_x)))


add_p.def_vjp(lambda dout, out, x, y: dout, lambda dout, out, x, y: dout)
sub_p.def_vjp(lambda dout, out, x, y: dout, lambda dout, out, x, y: neg(dout))
mul_p.def_vjp(lambda dout, out, x, y: mul(dout, y), lambda dout, out, x, y: mul(dout, x))
div_p.def_vjp(lambda dout, out, x, y: div(dout, y), lambda dout, out, x, y: neg(mul(div(dout, y), out)))
pow_p.def_vjp(lambda dout, out, x, y: mul(dout, mul(y, pow_(x, sub(y, _const(1, y))))), _pow_dy)


def _winner_share(wins, x, y, dout):
    """1 where this argument wins, 1/2 on a tie (MindSpore splits the gradient of maximum/minimum equally)."""
    return add(_select_mask(wins, dout), mul(_select_mask(equal(x, y), dout), _const(0.5, dout)))


maximum_p.def_vjp(lambda dout, out, x, y: mul(dout, _winner_share(greater(x, y), x, y, dout)),
                  lambda dout, out, x, y: mul(dout, _winner_share(less(x, y), x, y, dout)))
minimum_p.def_vjp(lambda dout, out, x, y: mul(dout, _winner_share(less(x, y), x, y, dout)),
                  lambda dout, out, x, y: mul(dout, _winner_share(greater(x, y), x, y, dout)))
atan2_p.def_vjp(lambda dout, out, x, y: mul(dout, div(y, add(square(x), square(y)))),
                lambda dout, out, x, y: neg(mul(dout, div(x, add(square(x), square(y))))))
remainder_p.def_vjp(lambda dout, out, x, y: dout,
                    lambda dout, out, x, y: neg(mul(dout, floor_divide(x, y))))
floor_divide_p.def_vjp(None, None)
for _p in (equal_p, not_equal_p, less_p, less_equal_p, greater_p, greater_equal_p, logical_and_p,
           logical_or_p, logical_xor_p, logical_not_p, isnan_p, isinf_p, isfinite_p, bitwise_and_p,
           bitwise_or_p, bitwise_xor_p, bitwise_not_p):
    _p.def_vjp(*([None] * 2))

# ----------------------------------------------------------------------------- select and cast
where_p = Primitive("Select", np.where)


def where(cond, x, y):
    return bind(where_p, cond, x, y)


where_p.def_vjp(None,
                lambda dout, out, c, x, y: where(c, dout, zeros_like(dout)),
                lambda dout, out, c, x, y: where(c, zeros_like(dout), dout))

cast_p = Primitive("Cast", lambda x, dtype: x.astype(dtype, copy=False))


def cast(x, dtype):
    """``dtype`` is a NumPy dtype here; a no-op when it already matches."""
    if x._data.dtype == dtype:
        return x
    return bind(cast_p, x, dtype=dtype)


# MindSpore lets gradients flow through casts, even to integers and back
cast_p.def_vjp(lambda dout, out, x, dtype: cast(dout, x._data.dtype))

identity_p = Primitive("Identity", lambda x: x.copy())


def identity(x):
    return bind(identity_p, x)


identity_p.def_vjp(lambda dout, out, x: dout)

stop_gradient_p = Primitive("StopGradient", lambda x: x)


def stop_gradient(x):
    return bind(stop_gradient_p, x)


stop_gradient_p.def_vjp(None)


def zeros_like(x):
    return _literal(np.zeros(x._data.shape, x._data.dtype))


def ones_like(x):
    return _literal(np.ones(x._data.shape, x._data.dtype))


# ----------------------------------------------------------------------------- reductions
def _keep_shape(shape, axis):
    """Shape of a reduction's output with the reduced axes kept as 1 (for broadcasting cotangents back)."""
    if axis is None:
        return (1,) * len(shape)
    return tuple(1 if i in axis else d for i, d in enumerate(shape))


def _sum_impl(x, axis, keepdims):
    return np.sum(x, axis=axis, keepdims=keepdims)


sum_p = Primitive("ReduceSum", _sum_impl)


def sum_(x, axis=None, keepdims=False):
    """``axis`` is None or a tuple of non-negative ints."""
    return bind(sum_p, x, axis=axis, keepdims=keepdims)


def _expand_impl(dout, shape, axis, keepdims, scale):
    if not keepdims:
        dout = dout.reshape(_keep_shape(shape, axis))
    out = np.empty(shape, dout.dtype)
    np.copyto(out, dout)     # a materialised broadcast: np.broadcast_to costs more than the copy here
    if scale != 1:
        out *= dout.dtype.type(scale)
    return out


expand_p = Primitive("ExpandBack", _expand_impl)


def _expand_back(dout, x, axis, keepdims, scale=1):
    """A reduction's cotangent broadcast back to the input's shape (times ``scale``): one primitive, the VJP
    of sum and mean."""
    return bind(expand_p, dout, shape=x._data.shape, axis=axis, keepdims=keepdims, scale=scale)


def _expand_vjp(ddout, out, dout, shape, axis, keepdims, scale):
    total = sum_(ddout, axis, keepdims)
    return total if scale == 1 else mul(total, _const(scale, total))


expand_p.def_vjp(_expand_vjp)


def _mean_impl(x, axis, keepdims):
    if x.dtype.kind == "f":
        n = x.size if axis is None else math.prod([x.shape[a] for a in axis])
        return np.true_divide(np.add.reduce(x, axis=axis, keepdims=keepdims), x.dtype.type(n or 1))
    out = np.mean(x, axis=axis, keepdims=keepdims)
    # integer means are truncated to the input's type, as in MindSpore
    return out if out.dtype == x.dtype else np.asarray(out).astype(x.dtype)


mean_p = Primitive("ReduceMean", _mean_impl)


def mean(x, axis=None, keepdims=False):
    """``axis`` is None or a tuple of non-negative ints."""
    return bind(mean_p, x, axis=axis, keepdims=keepdims)


def _mean_vjp(dout, out, x, axis, keepdims):
    shape = x._data.shape
    n = math.prod(shape) if axis is None else math.prod([shape[a] for a in axis])
    return _expand_back(dout, x, axis, keepdims, 1.0 / n if n else 1.0)


mean_p.def_vjp(_mean_vjp)


sum_p.def_vjp(lambda dout, out, x, axis, keepdims: _expand_back(dout, x, axis, keepdims))

max_p = Primitive("ReduceMax", lambda x, axis, keepdims: np.max(x, axis=axis, keepdims=keepdims))
min_p = Primitive("ReduceMin", lambda x, axis, keepdims: np.min(x, axis=axis, keepdims=keepdims))


def max_(x, axis=None, keepdims=False):
    return bind(max_p, x, axis=axis, keepdims=keepdims)


def min_(x, axis=None, keepdims=False):
    return bind(min_p, x, axis=axis, keepdims=keepdims)


def _extremum_vjp(dout, out, x, axis, keepdims):
    # the gradient is shared equally between tied extrema
    out_b = _expand_back(out, x, axis, keepdims)
    mask = cast(equal(x, out_b), x._data.dtype)
    count = _expand_back(sum_(mask, axis, keepdims), x, axis, keepdims)
    return mul(_expand_back(dout, x, axis, keepdims), div(mask, count))


max_p.def_vjp(_extremum_vjp)
min_p.def_vjp(_extremum_vjp)

prod_p = Primitive("ReduceProd", lambda x, axis, keepdims: np.prod(x, axis=axis, keepdims=keepdims))


def prod(x, axis=None, keepdims=False):
    return bind(prod_p, x, axis=axis, keepdims=keepdims)


def _prod_vjp(dout, out, x, axis, keepdims):
    # product of the other elements, computed without dividing so that zeros are handled exactly
    axes = tuple(range(x.ndim)) if axis is None else axis
    flat = x
    if len(axes) != 1:
        rest = [i for i in range(x.ndim) if i not in axes]
        flat = reshape(transpose(x, tuple(rest) + tuple(axes)),
                       tuple(x._data.shape[i] for i in rest) + (-1,))
        ax = flat.ndim - 1
    else:
        ax = axes[0]
    others = mul(cumprod(flat, ax, exclusive=True), cumprod(flat, ax, exclusive=True, reverse=True))
    if len(axes) != 1:
        rest = [i for i in range(x.ndim) if i not in axes]
        perm = tuple(rest) + tuple(axes)
        others = reshape(others, tuple(x._data.shape[i] for i in perm))
        others = transpose(others, tuple(np.argsort(perm)))
    return mul(_expand_back(dout, x, axis, keepdims), others)


prod_p.def_vjp(_prod_vjp)


def _cumprod_impl(x, axis, exclusive, reverse):
    if reverse:
        x = np.flip(x, axis)
    if exclusive:
        pad = [(0, 0)] * x.ndim
        pad[axis] = (1, 0)
        x = np.pad(x, pad, constant_values=1)
        x = np.take(x, np.arange(x.shape[axis] - 1), axis=axis)
    out = np.cumprod(x, axis=axis)
    return np.flip(out, axis) if reverse else out


cumprod_p = Primitive("CumProd", _cumprod_impl)


def cumprod(x, axis, exclusive=False, reverse=False):
    return bind(cumprod_p, x, axis=axis, exclusive=exclusive, reverse=reverse)


def _cumprod_vjp(dout, out, x, axis, exclusive, reverse):
    # d out_j / d x_i = out_j / x_i for the j that include i; written without division via a
    # transposed cumulative sum of dout * out, then divided (safe for non-zero inputs)
    s = cumsum(mul(dout, out), axis, exclusive=exclusive, reverse=not reverse)
    return div(s, x)


cumprod_p.def_vjp(_cumprod_vjp)


def _cumsum_impl(x, axis, exclusive, reverse):
    if reverse:
        x = np.flip(x, axis)
    out = np.cumsum(x, axis=axis, dtype=x.dtype)
    if exclusive:
        out = out - x
    return np.flip(out, axis) if reverse else out


cumsum_p = Primitive("CumSum", _cumsum_impl)


def cumsum(x, axis, exclusive=False, reverse=False):
    return bind(cumsum_p, x, axis=axis, exclusive=exclusive, reverse=reverse)


cumsum_p.def_vjp(lambda dout, out, x, axis, exclusive, reverse:
                 cumsum(dout, axis, exclusive=exclusive, reverse=not reverse))

argmax_p = Primitive("Argmax", lambda x, axis, keepdims: np.argmax(x, axis=axis, keepdims=keepdims))
argmin_p = Primitive("Argmin", lambda x, axis, keepdims: np.argmin(x, axis=axis, keepdims=keepdims))
argmax_p.def_vjp(None)
argmin_p.def_vjp(None)


def argmax(x, axis=None, keepdims=False):
    return bind(argmax_p, x, axis=axis, keepdims=keepdims)


def argmin(x, axis=None, keepdims=False):
    return bind(argmin_p, x, axis=axis, keepdims=keepdims)


# ----------------------------------------------------------------------------- shape
reshape_p = Primitive("Reshape", lambda x, shape: x.reshape(shape))


def reshape(x, shape):
    if x._data.shape == shape:
        return x
    return bind(reshape_p, x, shape=shape)


reshape_p.def_vjp(lambda dout, out, x, shape: reshape(dout, x._data.shape))

transpose_p = Primitive("Transpose", lambda x, perm: np.transpose(x, perm))


def transpose(x, perm):
    return bind(transpose_p, x, perm=perm)


transpose_p.def_vjp(lambda dout, out, x, perm: transpose(dout, tuple(np.argsort(perm).tolist())))

broadcast_to_p = Primitive("BroadcastTo", lambda x, shape: np.broadcast_to(x, shape))


def broadcast_to(x, shape):
    if x._data.shape == shape:
        return x
    return bind(broadcast_to_p, x, shape=shape)


def _sum_to_impl(x, shape):
    lead = x.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(i + lead for i, d in enumerate(shape) if d == 1 and x.shape[i + lead] != 1)
    out = np.sum(x, axis=axes, keepdims=True) if axes else x
    return out.reshape(shape)


sum_to_p = Primitive("SumTo", _sum_to_impl)


def sum_to(x, shape):
    """Sum ``x`` down to ``shape`` (the reverse of broadcasting)."""
    if x._data.shape == shape:
        return x
    return bind(sum_to_p, x, shape=shape)


broadcast_to_p.def_vjp(lambda dout, out, x, shape: sum_to(dout, x._data.shape))
sum_to_p.def_vjp(lambda dout, out, x, shape: broadcast_to(dout, x._data.shape))


def _concat_impl(*xs, axis):
    return np.concatenate(xs, axis=axis)


concat_p = Primitive("Concat", _concat_impl)


def concat(xs, axis):
    return bind(concat_p, *xs, axis=axis)


class _ConcatRules(tuple):
    """Concat takes any number of inputs: rule i slices input i's part out of the cotangent."""

    def __getitem__(self, i):
        def rule(dout, out, *xs, axis):
            start = sum(x._data.shape[axis] for x in xs[:i])
            index = (slice(None),) * axis + (slice(start, start + xs[i]._data.shape[axis]),)
            return getitem(dout, index)
        return rule


concat_p.vjps = _ConcatRules()


def _pad_impl(x, pad_width, value):
    return np.pad(x, pad_width, constant_values=value)


pad_p = Primitive("Pad", _pad_impl)


def pad(x, pad_width, value=0):
    """``pad_width``: ((before, after), ...) per dimension, non-negative."""
    return bind(pad_p, x, pad_width=pad_width, value=value)


pad_p.def_vjp(lambda dout, out, x, pad_width, value: getitem(
    dout, tuple(slice(b, b + d) for (b, _), d in zip(pad_width, x._data.shape))))

flip_p = Primitive("ReverseV2", lambda x, axis: np.flip(x, axis))


def flip(x, axis):
    return bind(flip_p, x, axis=axis)


flip_p.def_vjp(lambda dout, out, x, axis: flip(dout, axis))


# ----------------------------------------------------------------------------- indexing
def _getitem_impl(x, index):
    out = x[index]
    # a basic index gives a view; copy so that writing into either tensor never changes the other
    return out.copy() if isinstance(out, np.ndarray) and out.base is not None else out


getitem_p = Primitive("Getitem", _getitem_impl)


def getitem(x, index):
    """``index`` is a NumPy index (ints, slices, None, Ellipsis, integer or boolean arrays)."""
    return bind(getitem_p, x, index=index)


def _index_add_impl(dout, index, shape):
    out = np.zeros(shape, dout.dtype)
    np.add.at(out, index, dout)
    return out


index_add_p = Primitive("GetitemGrad", _index_add_impl)


def index_add_zeros(dout, index, shape):
    """Zeros of ``shape`` with ``dout`` added at ``index`` (repeated indices accumulate)."""
    return bind(index_add_p, dout, index=index, shape=shape)


getitem_p.def_vjp(lambda dout, out, x, index: index_add_zeros(dout, index, x._data.shape))
index_add_p.def_vjp(lambda ddout, out, dout, index, shape: getitem(ddout, index))


def _setitem_impl(x, value, index):
    out = x.copy()
    out[index] = value
    return out


setitem_p = Primitive("TensorScatterUpdate", _setitem_impl)


def setitem(x, value, index):
    """A copy of ``x`` with ``x[index] = value`` (functional, so it can be differentiated)."""
    return bind(setitem_p, x, value, index=index)


def _setitem_value_vjp(dout, out, x, value, index):
    part = getitem(dout, index)
    return sum_to(part, value._data.shape)


setitem_p.def_vjp(lambda dout, out, x, value, index: setitem(dout, zeros_like(value), index),
                  _setitem_value_vjp)


def _take_impl(x, indices, axis):
    return np.take(x, indices, axis=axis)


take_p = Primitive("Gather", _take_impl)


def take(x, indices, axis):
    """Select slices ``indices`` (an int ndarray) along ``axis``."""
    return bind(take_p, x, indices=indices, axis=axis)


def _take_grad_impl(dout, indices, axis, shape):
    out = np.zeros(shape, dout.dtype)
    index = (slice(None),) * axis + (indices,)
    np.add.at(out, index, dout)
    return out


take_grad_p = Primitive("GatherGrad", _take_grad_impl)
take_p.def_vjp(lambda dout, out, x, indices, axis: bind(take_grad_p, dout, indices=indices, axis=axis,
                                                        shape=x._data.shape))
take_grad_p.def_vjp(lambda ddout, out, dout, indices, axis, shape: take(ddout, indices, axis))


def _gather_impl(x, indices, axis):
    n = x.shape[axis]
    if indices.size and (indices.max() >= n or indices.min() < -n):
        raise IndexError(f"the indices must be in [{-n}, {n}) for axis {axis} of shape {x.shape}, but got values "
                         f"in [{indices.min()}, {indices.max()}]")
    return np.take(x, indices, axis=axis)


gather_p = Primitive("GatherV2", _gather_impl)


def gather(x, indices, axis):
    """``take`` with the indices as a tensor input (so a compiled graph reads new indices at every call)."""
    return bind(gather_p, x, indices, axis=axis)


gather_grad_p = Primitive("GatherV2Grad", _take_grad_impl)   # the same scatter-add as take's gradient
gather_p.def_vjp(lambda dout, out, x, indices, axis: bind(gather_grad_p, dout, indices, axis=axis,
                                                          shape=x._data.shape), None)
gather_grad_p.def_vjp(lambda ddout, out, dout, indices, axis, shape: gather(ddout, indices, axis), None)


def _along_impl(x, indices, axis):
    return np.take_along_axis(x, indices, axis=axis)


take_along_p = Primitive("GatherD", _along_impl)


def take_along_axis(x, indices, axis):
    return bind(take_along_p, x, indices=indices, axis=axis)


def _along_grad_impl(dout, indices, axis, shape):
    out = np.zeros(shape, dout.dtype)
    idx = list(np.ix_(*[np.arange(n) for n in indices.shape]))
    idx[axis] = indices
    np.add.at(out, tuple(idx), dout)
    return out


take_along_grad_p = Primitive("GatherDGrad", _along_grad_impl)
take_along_p.def_vjp(lambda dout, out, x, indices, axis: bind(take_along_grad_p, dout, indices=indices,
                                                              axis=axis, shape=x._data.shape))
take_along_grad_p.def_vjp(lambda ddout, out, dout, indices, axis, shape: take_along_axis(ddout, indices, axis))


# ----------------------------------------------------------------------------- linear algebra
matmul_p = Primitive("MatMul", np.matmul)


def matmul(x, y):
    return bind(matmul_p, x, y)


def _swap_last(t):
    perm = tuple(range(t.ndim - 2)) + (t.ndim - 1, t.ndim - 2)
    return transpose(t, perm)


def _bmul(a, b):
    """``a * b`` with NumPy broadcasting made explicit, so that the product's own VJP returns each cotangent in
    its operand's shape (primitives never unbroadcast)."""
    shape = np.broadcast_shapes(a._data.shape, b._data.shape)
    return mul(broadcast_to(a, shape), broadcast_to(b, shape))


def _matmul_vjp_x(dout, out, x, y):
    if x.ndim == 1 and y.ndim == 1:
        return _bmul(dout, y)
    if y.ndim == 1:   # (..., k) @ (k,) -> (...): dx = dout[..., None] * y
        return sum_to(_bmul(reshape(dout, dout._data.shape + (1,)), y), x._data.shape)
    if x.ndim == 1:   # (k,) @ (..., k, n) -> (..., n)
        d = reshape(dout, dout._data.shape[:-1] + (1, dout._data.shape[-1]))
        return reshape(sum_to(matmul(d, _swap_last(y)), (1, x._data.shape[0])), x._data.shape)
    return sum_to(matmul(dout, _swap_last(y)), x._data.shape)


def _matmul_vjp_y(dout, out, x, y):
    if x.ndim == 1 and y.ndim == 1:
        return _bmul(dout, x)
    if x.ndim == 1:   # dy[..., k, n] = x[k] * dout[..., n]
        d = reshape(dout, dout._data.shape[:-1] + (1, dout._data.shape[-1]))
        return sum_to(matmul(reshape(x, (x._data.shape[0], 1)), d), y._data.shape)
    if y.ndim == 1:   # dy[k] = sum over batch of x[..., k] * dout[...]
        d = reshape(dout, dout._data.shape + (1,))
        return reshape(sum_to(_bmul(x, d), (1, y._data.shape[0])), y._data.shape)
    return sum_to(matmul(_swap_last(x), dout), y._data.shape)


matmul_p.def_vjp(_matmul_vjp_x, _matmul_vjp_y)


# ----------------------------------------------------------------------------- neural-network kernels
def _softmax_impl(x, axis):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    e /= np.sum(e, axis=axis, keepdims=True)
    return e


def _log_softmax_impl(x, axis):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


softmax_p = Primitive("Softmax", _softmax_impl)
log_softmax_p = Primitive("LogSoftmax", _log_softmax_impl)


def softmax(x, axis):
    return bind(softmax_p, x, axis=axis)


def log_softmax(x, axis):
    return bind(log_softmax_p, x, axis=axis)


def _keep_sum(t, axis):
    return broadcast_to(sum_(t, (axis,), True), t._data.shape)


softmax_p.def_vjp(lambda dout, out, x, axis: mul(out, sub(dout, _keep_sum(mul(dout, out), axis))))
log_softmax_p.def_vjp(lambda dout, out, x, axis: sub(dout, mul(exp(out), _keep_sum(dout, axis))))


def _bce_logits_impl(x, y, w, pw):
    # -w * (pw * y * log(sigmoid(x)) + (1 - y) * log(1 - sigmoid(x))), with log(sigmoid(x)) = -softplus(-x)
    log_sig = -(np.maximum(-x, 0) + np.log1p(np.exp(-np.abs(x))))
    log_one_minus_sig = log_sig - x
    return (-w * (pw * y * log_sig + (1 - y) * log_one_minus_sig)).astype(x.dtype, copy=False)


bce_logits_p = Primitive("BCEWithLogits", _bce_logits_impl)


def bce_with_logits(x, y, w, pw):
    """Elementwise binary cross-entropy on logits; all four arguments share one shape."""
    return bind(bce_logits_p, x, y, w, pw)


def _bce_dx_impl(dout, x, y, w, pw):
    # dout * w * ((1 + (pw - 1) * y) * sigmoid(x) - pw * y), in one pass over the arrays
    s = _sigmoid(x)
    return (dout * w * ((1 + (pw - 1) * y) * s - pw * y)).astype(x.dtype, copy=False)


bce_dx_p = Primitive("BCEWithLogitsGrad", _bce_dx_impl)


def _bce_dx(dout, out, x, y, w, pw):
    return bind(bce_dx_p, dout, x, y, w, pw)


def _bce_parts(x, y, pw):
    one = _const(1, x)
    s = sigmoid(x)
    return one, s, add(one, mul(sub(pw, one), y))  # 1, sigmoid(x), 1 + (pw - 1) * y


def _bce_dx_ddx(g, out, dout, x, y, w, pw):
    one, s, scale = _bce_parts(x, y, pw)
    return mul(g, mul(dout, mul(w, mul(scale, mul(s, sub(one, s))))))


def _bce_dx_ddy(g, out, dout, x, y, w, pw):
    one, s, _ = _bce_parts(x, y, pw)
    return mul(g, mul(dout, mul(w, sub(mul(s, sub(pw, one)), pw))))


def _bce_dx_ddw(g, out, dout, x, y, w, pw):
    one, s, scale = _bce_parts(x, y, pw)
    return mul(g, mul(dout, sub(mul(scale, s), mul(pw, y))))


def _bce_dx_ddpw(g, out, dout, x, y, w, pw):
    one, s, _ = _bce_parts(x, y, pw)
    return mul(g, mul(dout, mul(w, mul(y, sub(s, one)))))


bce_dx_p.def_vjp(lambda g, out, dout, x, y, w, pw: _bce_dx(g, None, x, y, w, pw),
                 _bce_dx_ddx, _bce_dx_ddy, _bce_dx_ddw, _bce_dx_ddpw)


def _bce_dy(dout, out, x, y, w, pw):
    log_sig = neg(softplus(neg(x)))
    return neg(mul(dout, mul(w, sub(mul(pw, log_sig), sub(log_sig, x)))))


def _bce_dw(dout, out, x, y, w, pw):
    # out / w, recomputed so that w == 0 is handled
    return mul(dout, bce_with_logits(x, y, ones_like(w), pw))


def _bce_dpw(dout, out, x, y, w, pw):
    return mul(dout, mul(w, mul(y, softplus(neg(x)))))


# MindSpore's BCEWithLogits bprop returns zeros for weight and pos_weight (_bce_dw/_bce_dpw are the true
# derivatives, kept for reference)
bce_logits_p.def_vjp(_bce_dx, _bce_dy, None, None)


_BCE_EPS = 1e-12


def _bce_impl(x, y, w):
    # MindSpore's BinaryCrossEntropy kernel: the logs are taken of max(p, 1e-12)
    eps = np.asarray(_BCE_EPS, x.dtype)
    loss = -w * (y * np.log(np.maximum(x, eps)) + (1 - y) * np.log(np.maximum(1 - x, eps)))
    return loss.astype(x.dtype, copy=False)


bce_p = Primitive("BinaryCrossEntropy", _bce_impl)


def binary_cross_entropy(x, y, w):
    """Elementwise binary cross-entropy on probabilities; all three arguments share one shape."""
    return bind(bce_p, x, y, w)


def _bce_prob_dx(dout, out, x, y, w):
    # MindSpore's BinaryCrossEntropyGrad: w * (x - y) / max(x * (1 - x), eps), finite at x = 0 and x = 1
    denom = maximum(mul(x, sub(_const(1, x), x)), _const(_BCE_EPS, x))
    return mul(dout, div(mul(w, sub(x, y)), denom))


def _bce_prob_dy(dout, out, x, y, w):
    eps = _const(_BCE_EPS, x)
    log_p = log(maximum(x, eps))
    log_q = log(maximum(sub(_const(1, x), x), eps))
    return neg(mul(dout, mul(w, sub(log_p, log_q))))


# MindSpore's BinaryCrossEntropy bprop returns zeros for the weight
bce_p.def_vjp(_bce_prob_dx, _bce_prob_dy, None)


# ----------------------------------------------------------------------------- randomness
def _dropout_mask_impl(x, p, seed):
    from ..common import seed as _seed
    keep = _seed.rng(seed).random(x.shape) >= p
    return (keep / (1.0 - p)).astype(x.dtype)


dropout_mask_p = Primitive("DropoutMask", _dropout_mask_impl, random=True)
dropout_mask_p.def_vjp(None)


def dropout_mask(x, p, seed=None):
    """Keep-mask of ``x``'s shape scaled by 1 / (1 - p), drawn when the primitive runs."""
    return bind(dropout_mask_p, x, p=p, seed=seed)


# ----------------------------------------------------------------------------- fused kernels of the training hot path
def _dense_impl(x, w, b):
    out = np.matmul(x, w.T)
    out += b
    return out


dense_p = Primitive("Dense", _dense_impl)


def dense(x, w, b):
    """``x @ w.T + b`` for 2-D ``x`` (N, in), ``w`` (out, in), ``b`` (out,), in one kernel."""
    return bind(dense_p, x, w, b)


dense_p.def_vjp(lambda dout, out, x, w, b: matmul(dout, w),
                lambda dout, out, x, w, b: matmul(transpose(dout, (1, 0)), x),
                lambda dout, out, x, w, b: sum_(dout, (0,), False))


def _class_mask_impl(target, num_classes, ignore_index, dtype):
    """One-hot rows of ``target`` (N,) over ``num_classes``, all-zero rows where target == ignore_index."""
    return (target[:, None] == np.arange(num_classes)).astype(dtype) * (target != ignore_index)[:, None]


class_mask_p = Primitive("OneHotMask", _class_mask_impl)
class_mask_p.def_vjp(None)


def _ce_parts(x, target, ignore_index):
    """softmax(x), the class mask and the per-row validity (N, 1), all as x's dtype."""
    dtype = x._data.dtype
    mask = bind(class_mask_p, target, num_classes=x._data.shape[1], ignore_index=ignore_index, dtype=dtype)
    valid = sum_(mask, (1,), True)
    return softmax(x, 1), mask, valid


def _ce_impl(x, target, ignore_index, reduction):
    logp = _log_softmax_impl(x, 1)
    valid = target != ignore_index
    safe = np.where(valid, target, 0)
    loss = -logp[np.arange(x.shape[0]), safe] * valid
    if reduction == "none":
        return loss.astype(x.dtype, copy=False)
    total = loss.sum(dtype=x.dtype)
    if reduction == "sum":
        return total
    return (total / x.dtype.type(max(int(valid.sum()), 1))).astype(x.dtype)


softmax_ce_p = Primitive("SparseSoftmaxCrossEntropy", _ce_impl)


def softmax_cross_entropy(x, target, ignore_index=-100, reduction="mean"):
    """Cross-entropy of logits ``x`` (N, C) against integer classes ``target`` (N,), one kernel each way."""
    return bind(softmax_ce_p, x, target, ignore_index=ignore_index, reduction=reduction)


def _ce_grad_impl(dout, x, target, ignore_index, reduction):
    e = _softmax_impl(x, 1)
    valid = (target != ignore_index)
    e *= valid[:, None]
    e[np.arange(x.shape[0]), np.where(valid, target, 0)] -= valid
    if reduction == "none":
        e *= dout[:, None]
    elif reduction == "sum":
        e *= dout
    else:
        e *= dout / x.dtype.type(max(int(valid.sum()), 1))
    return e


softmax_ce_grad_p = Primitive("SparseSoftmaxCrossEntropyGrad", _ce_grad_impl)


def _ce_scale(dout, valid, reduction, like):
    """The factor multiplying (softmax - onehot) row by row, broadcast to ``like``'s shape."""
    if reduction == "none":
        return broadcast_to(reshape(dout, dout._data.shape + (1,)), like._data.shape)
    if reduction == "sum":
        return broadcast_to(reshape(dout, (1, 1)), like._data.shape)
    count = maximum(sum_(valid, None, False), _const(1, valid))
    return broadcast_to(reshape(div(dout, count), (1, 1)), like._data.shape)


def _ce_grad_ddout(g, out, dout, x, target, ignore_index, reduction):
    s, mask, valid = _ce_parts(x, target, ignore_index)
    direction = sub(mul(s, broadcast_to(valid, s._data.shape)), mask)
    per_row = sum_(mul(g, direction), (1,), False)
    if reduction == "none":
        return per_row
    total = sum_(per_row, None, False)
    if reduction == "sum":
        return total
    return div(total, maximum(sum_(valid, None, False), _const(1, valid)))


def _ce_grad_dx(g, out, dout, x, target, ignore_index, reduction):
    s, mask, valid = _ce_parts(x, target, ignore_index)
    u = mul(g, mul(_ce_scale(dout, valid, reduction, x), broadcast_to(valid, s._data.shape)))
    return mul(s, sub(u, _keep_sum(mul(u, s), 1)))


softmax_ce_p.def_vjp(lambda dout, out, x, target, ignore_index, reduction:
                     bind(softmax_ce_grad_p, dout, x, target, ignore_index=ignore_index, reduction=reduction),
                     None)
softmax_ce_grad_p.def_vjp(_ce_grad_ddout, _ce_grad_dx, None)
