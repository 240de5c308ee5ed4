"""Elementwise primitives: unary math, binary arithmetic, comparisons, select, cast, and their derivatives.

Binary primitives receive arguments of one dtype whose traced operands already have the output's shape
(``ops.function.math_func`` promotes and broadcasts explicitly), so their rules need no "unbroadcast".
"""
import math
import statistics

from ..._core import backend
from ..._core import shapes
from ..._core.tensor import _filled_literal
from ._base import NONDIFF, Primitive, bind, binary, broadcast_bool, const, same, same_bool, unary, xp
from ..._core.dtype import kind_of


# ----------------------------------------------------------------------------- optional SciPy kernels
# SciPy (the 'scipy' extra) gives erf, erfinv and the logistic function as single kernels; without it the
# standard library computes them (math.erf, statistics.NormalDist) and the logistic is composed from tanh.
_scipy_special = None


def _special(name):
    """scipy.special's ``name``, or None without SciPy."""
    global _scipy_special
    if _scipy_special is None:
        try:
            import scipy.special as _scipy_special
        except ImportError:
            _scipy_special = False
    return getattr(_scipy_special, name) if _scipy_special else None


def _erf_impl(x):
    f = _special("erf")
    if f is not None:
        return f(x).astype(x.dtype, copy=False)
    with xp.errstate(all="ignore"):     # (a slow path: the errstate costs nothing here)
        return xp.vectorize(math.erf, otypes=[x.dtype])(x)


def _erfinv_scalar(y):
    if not -1.0 <= y <= 1.0:
        return math.nan
    if abs(y) == 1.0:
        return math.copysign(math.inf, y)
    # erfinv(y) = Phi^-1((y + 1) / 2) / sqrt(2), with the standard library's normal quantile (Wichura's AS241)
    return _NORMAL.inv_cdf((y + 1.0) / 2.0) / math.sqrt(2.0)


_NORMAL = statistics.NormalDist()


def _erfinv_impl(x):
    f = _special("erfinv")
    if f is not None:
        return f(x).astype(x.dtype, copy=False)
    with xp.errstate(all="ignore"):
        return xp.vectorize(_erfinv_scalar, otypes=[x.dtype])(x)


def _sigmoid_impl(x):
    if x.dtype.itemsize < 4:        # float16: computed in float32, as the half-precision formula cancels
        return _sigmoid_impl(x.astype(xp.float32)).astype(x.dtype)
    f = _special("expit")
    if f is not None:
        return f(x)
    # exp(-|x|) never overflows; 1 / (1 + e) for x >= 0 and e / (1 + e) below keep the relative precision
    e = xp.exp(-xp.abs(x))
    r = xp.reciprocal(e + x.dtype.type(1))
    return xp.where(x >= 0, r, e * r)


def _softplus_impl(x):
    return (xp.maximum(x, 0) + xp.log1p(xp.exp(-xp.abs(x)))).astype(x.dtype, copy=False)


# ----------------------------------------------------------------------------- unary
neg_p, neg = unary("Neg", xp.negative)
exp_p, exp = unary("Exp", xp.exp)
log_p, log = unary("Log", xp.log)
log1p_p, log1p = unary("Log1p", xp.log1p)
expm1_p, expm1 = unary("Expm1", xp.expm1)
sqrt_p, sqrt = unary("Sqrt", xp.sqrt)
rsqrt_p, rsqrt = unary("Rsqrt", lambda x: xp.reciprocal(xp.sqrt(x)))
reciprocal_p, reciprocal = unary("Reciprocal", xp.reciprocal)
square_p, square = unary("Square", xp.square)
def _abs_impl(x):
    # MindSpore's Abs keeps a complex input's dtype: |z| + 0j (tests/golden/complex.json)
    return xp.abs(x).astype(x.dtype) if x.dtype.kind == "c" else xp.abs(x)


abs_p, abs_ = unary("Abs", _abs_impl)
sign_p, sign = unary("Sign", xp.sign)
floor_p, floor = unary("Floor", xp.floor)
ceil_p, ceil = unary("Ceil", xp.ceil)
round_p, round_ = unary("Round", xp.round)
trunc_p, trunc = unary("Trunc", xp.trunc)
sin_p, sin = unary("Sin", xp.sin)
cos_p, cos = unary("Cos", xp.cos)
tan_p, tan = unary("Tan", xp.tan)
asin_p, asin = unary("Asin", xp.arcsin)
acos_p, acos = unary("ACos", xp.arccos)
atan_p, atan = unary("Atan", xp.arctan)
sinh_p, sinh = unary("Sinh", xp.sinh)
cosh_p, cosh = unary("Cosh", xp.cosh)
tanh_p, tanh = unary("Tanh", xp.tanh)
asinh_p, asinh = unary("Asinh", xp.arcsinh)
acosh_p, acosh = unary("Acosh", xp.arccosh)
atanh_p, atanh = unary("Atanh", xp.arctanh)
erf_p, erf = unary("Erf", _erf_impl)
erfinv_p, erfinv = unary("Erfinv", _erfinv_impl)
sigmoid_p, sigmoid = unary("Sigmoid", _sigmoid_impl)
softplus_p, softplus = unary("Softplus", _softplus_impl)
relu_p, relu = unary("ReLU", lambda x: xp.maximum(x, 0))
relu_grad_p, relu_grad = binary("ReluGrad", lambda dout, x: dout * (x > 0), lambda dout, x: (dout.shape, dout.dtype))
logical_not_p, logical_not = unary("LogicalNot", xp.logical_not, same_bool)
isnan_p, isnan = unary("IsNan", xp.isnan, same_bool)
isinf_p, isinf = unary("IsInf", xp.isinf, same_bool)
isfinite_p, isfinite = unary("IsFinite", xp.isfinite, same_bool)
bitwise_not_p, bitwise_not = unary("Invert", xp.invert)

def _cj(t):
    """``conj(t)`` for a complex ``t``, else ``t`` itself. The rules follow MindSpore's (PyTorch's) convention for
    complex values: the cotangent of z is dL/dRe(z) + i dL/dIm(z), so a holomorphic f's rule is dout * conj(f'(z))."""
    if t._data.dtype.kind != "c":
        return t
    from .fft import conj
    return conj(t)


def _abs_vjp(dout, out, x):
    if x._data.dtype.kind != "c":
        return mul(dout, sign(x))
    # |z| (held as a complex number): Re(dout) * z / |z|
    from .fft import complex_, real
    r = real(dout)
    return mul(complex_(r, zeros_like(r)), div(x, out))


neg_p.def_vjp(lambda dout, out, x: neg(dout))
exp_p.def_vjp(lambda dout, out, x: mul(dout, _cj(out)))
log_p.def_vjp(lambda dout, out, x: div(dout, _cj(x)))
log1p_p.def_vjp(lambda dout, out, x: div(dout, add(x, const(1, x))))
expm1_p.def_vjp(lambda dout, out, x: mul(dout, add(out, const(1, out))))
sqrt_p.def_vjp(lambda dout, out, x: div(dout, mul(_cj(out), const(2, out))))
rsqrt_p.def_vjp(lambda dout, out, x: mul(dout, mul(const(-0.5, out), mul(out, square(out)))))
reciprocal_p.def_vjp(lambda dout, out, x: neg(mul(dout, _cj(square(out)))))
square_p.def_vjp(lambda dout, out, x: mul(dout, mul(_cj(x), const(2, x))))
abs_p.def_vjp(_abs_vjp)
for _p in (sign_p, floor_p, ceil_p, round_p, trunc_p):
    _p.def_vjp(NONDIFF)  # piecewise constant: zero gradient
sin_p.def_vjp(lambda dout, out, x: mul(dout, _cj(cos(x))))
cos_p.def_vjp(lambda dout, out, x: neg(mul(dout, _cj(sin(x)))))
tan_p.def_vjp(lambda dout, out, x: mul(dout, add(const(1, out), square(out))))
asin_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(sub(const(1, x), square(x)))))
acos_p.def_vjp(lambda dout, out, x: neg(mul(dout, rsqrt(sub(const(1, x), square(x))))))
atan_p.def_vjp(lambda dout, out, x: div(dout, add(const(1, x), square(x))))
sinh_p.def_vjp(lambda dout, out, x: mul(dout, cosh(x)))
cosh_p.def_vjp(lambda dout, out, x: mul(dout, sinh(x)))
tanh_p.def_vjp(lambda dout, out, x: mul(dout, _cj(sub(const(1, out), square(out)))))
asinh_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(add(square(x), const(1, x)))))
acosh_p.def_vjp(lambda dout, out, x: mul(dout, rsqrt(sub(square(x), const(1, x)))))
atanh_p.def_vjp(lambda dout, out, x: div(dout, sub(const(1, x), square(x))))
erf_p.def_vjp(lambda dout, out, x: mul(dout, mul(const(2 / math.sqrt(math.pi), x), exp(neg(square(x))))))
erfinv_p.def_vjp(lambda dout, out, x: mul(dout, mul(const(math.sqrt(math.pi) / 2, out), exp(square(out)))))
sigmoid_p.def_vjp(lambda dout, out, x: mul(dout, mul(out, sub(const(1, out), out))))
softplus_p.def_vjp(lambda dout, out, x: mul(dout, sigmoid(x)))
relu_p.def_vjp(lambda dout, out, x: relu_grad(dout, x))
relu_grad_p.def_vjp(lambda ddout, out, dout, x: relu_grad(ddout, x), NONDIFF)
for _p in (logical_not_p, isnan_p, isinf_p, isfinite_p, bitwise_not_p):
    _p.def_vjp(NONDIFF)


# ----------------------------------------------------------------------------- binary
def _saturated(x):
    """What MindSpore's CPU kernels give for an integer divided by zero: the dtype's largest value for x > 0, its
    smallest for x < 0 and 0 for 0 (recorded in tests/golden/engine.json)."""
    info = xp.iinfo(x.dtype)
    return xp.where(x > 0, info.max, xp.where(x < 0, info.min, 0)).astype(x.dtype)


def _floor_divide_impl(x, y):
    if kind_of(x.dtype) in "iu":
        zero = y == 0
        if zero.any():
            return xp.where(zero, _saturated(x), xp.floor_divide(x, xp.where(zero, 1, y)))
    return xp.floor_divide(x, y)


def _trunc_divide_impl(x, y):
    """Integer division rounded toward zero (``div(..., rounding_mode='trunc')``), exact for every int."""
    zero = y == 0
    safe = xp.where(zero, 1, y) if zero.any() else y
    q = xp.floor_divide(x, safe)
    q = q + ((x - q * safe != 0) & ((x < 0) != (safe < 0)))
    return xp.where(zero, _saturated(x), q).astype(x.dtype, copy=False)


def _remainder_impl(x, y):
    if kind_of(x.dtype) in "iu":
        zero = y == 0
        if zero.any():
            # x - floor(x / 0) * 0 = x, as MindSpore's remainder gives
            return xp.where(zero, x, xp.remainder(x, xp.where(zero, 1, y)))
    return xp.remainder(x, y)


def _maximum_impl(x, y):
    # MindSpore's kernel is "x if x > y else y": maximum(nan, 0) == 0 but maximum(1, nan) is nan
    if kind_of(x.dtype) == "f":
        return xp.where(x > y, x, y)
    return xp.maximum(x, y)


def _minimum_impl(x, y):
    if kind_of(x.dtype) == "f":
        return xp.where(x < y, x, y)
    return xp.minimum(x, y)


add_p, add = binary("Add", xp.add)
sub_p, sub = binary("Sub", xp.subtract)
mul_p, mul = binary("Mul", xp.multiply)
div_p, div = binary("RealDiv", xp.true_divide)
pow_p, pow_ = binary("Pow", xp.power)
maximum_p, maximum = binary("Maximum", _maximum_impl)
minimum_p, minimum = binary("Minimum", _minimum_impl)
atan2_p, atan2 = binary("Atan2", xp.arctan2)
floor_divide_p, floor_divide = binary("FloorDiv", _floor_divide_impl)
trunc_divide_p, trunc_divide = binary("TruncateDiv", _trunc_divide_impl)
remainder_p, remainder = binary("FloorMod", _remainder_impl)
equal_p, equal = binary("Equal", xp.equal, broadcast_bool)
not_equal_p, not_equal = binary("NotEqual", xp.not_equal, broadcast_bool)
less_p, less = binary("Less", xp.less, broadcast_bool)
less_equal_p, less_equal = binary("LessEqual", xp.less_equal, broadcast_bool)
greater_p, greater = binary("Greater", xp.greater, broadcast_bool)
greater_equal_p, greater_equal = binary("GreaterEqual", xp.greater_equal, broadcast_bool)
logical_and_p, logical_and = binary("LogicalAnd", xp.logical_and, broadcast_bool)
logical_or_p, logical_or = binary("LogicalOr", xp.logical_or, broadcast_bool)
logical_xor_p, logical_xor = binary("LogicalXor", xp.logical_xor, broadcast_bool)
bitwise_and_p, bitwise_and = binary("BitwiseAnd", xp.bitwise_and)
bitwise_or_p, bitwise_or = binary("BitwiseOr", xp.bitwise_or)
bitwise_xor_p, bitwise_xor = binary("BitwiseXor", xp.bitwise_xor)


def _as_mask(cond, like):
    return cast(cond, like._data.dtype)


def _pow_dx(dout, out, x, y):
    # y * x**(y - 1), taken as 0 where y == 0 (so that x == 0 gives 0, not 0 * inf; PyTorch's convention)
    d = mul(y, pow_(x, sub(y, const(1, y))))
    return mul(dout, where(equal(y, const(0, y)), zeros_like(d), d))


def _pow_dy(dout, out, x, y):
    # d(x**y)/dy = x**y * log(x), taken as 0 at x == 0 (MindSpore's and PyTorch's limit); NaN for x < 0, as in
    # MindSpore
    zero = equal(x, const(0, x))
    safe_x = where(zero, ones_like(x), x)
    return mul(dout, mul(out, log(safe_x)))


def _winner_share(wins, x, y, dout):
    """1 where this argument wins, 1/2 on a tie (MindSpore splits the gradient of maximum/minimum equally)."""
    return add(_as_mask(wins, dout), mul(_as_mask(equal(x, y), dout), const(0.5, dout)))


add_p.def_vjp(lambda dout, out, x, y: dout, lambda dout, out, x, y: dout)
sub_p.def_vjp(lambda dout, out, x, y: dout, lambda dout, out, x, y: neg(dout))
mul_p.def_vjp(lambda dout, out, x, y: mul(dout, _cj(y)), lambda dout, out, x, y: mul(dout, _cj(x)))
div_p.def_vjp(lambda dout, out, x, y: div(dout, _cj(y)), lambda dout, out, x, y: neg(mul(div(dout, _cj(y)), _cj(out))))
pow_p.def_vjp(_pow_dx, _pow_dy)
maximum_p.def_vjp(lambda dout, out, x, y: mul(dout, _winner_share(greater(x, y), x, y, dout)),
                  lambda dout, out, x, y: mul(dout, _winner_share(less(x, y), x, y, dout)))
minimum_p.def_vjp(lambda dout, out, x, y: mul(dout, _winner_share(less(x, y), x, y, dout)),
                  lambda dout, out, x, y: mul(dout, _winner_share(greater(x, y), x, y, dout)))
atan2_p.def_vjp(lambda dout, out, x, y: mul(dout, div(y, add(square(x), square(y)))),
                lambda dout, out, x, y: neg(mul(dout, div(x, add(square(x), square(y))))))
remainder_p.def_vjp(lambda dout, out, x, y: dout,
                    lambda dout, out, x, y: neg(mul(dout, floor_divide(x, y))))
floor_divide_p.def_vjp(NONDIFF, NONDIFF)
trunc_divide_p.def_vjp(NONDIFF, NONDIFF)
for _p in (equal_p, not_equal_p, less_p, less_equal_p, greater_p, greater_equal_p, logical_and_p,
           logical_or_p, logical_xor_p, bitwise_and_p, bitwise_or_p, bitwise_xor_p):
    _p.def_vjp(NONDIFF, NONDIFF)


# ----------------------------------------------------------------------------- select, cast, fill
def _where_abstract(c, x, y):
    return shapes.broadcast_shapes(c.shape, x.shape, y.shape, op="Select"), x.dtype


where_p = Primitive("Select", xp.where, 3, _where_abstract)


def where(cond, x, y):
    return bind(where_p, cond, x, y)


where_p.def_vjp(NONDIFF,
                lambda dout, out, c, x, y: where(c, dout, zeros_like(dout)),
                lambda dout, out, c, x, y: where(c, zeros_like(dout), dout))

def _cast_impl(x, dtype):
    if x.dtype.kind == "c" and xp.dtype(dtype).kind != "c":
        # a complex to a real type takes the real part, also to Bool (MindSpore 2.10: 1j casts to False)
        x = x.real
    return x.astype(dtype, copy=False)


cast_p = Primitive("Cast", _cast_impl, 1, lambda x, dtype: (x.shape, dtype))


def cast(x, dtype):
    """``dtype`` is a NumPy dtype here; a no-op when it already matches."""
    if x._data.dtype == dtype:
        return x
    return bind(cast_p, x, dtype=dtype)


# MindSpore lets gradients flow through casts, even to integers and back
cast_p.def_vjp(lambda dout, out, x, dtype: cast(dout, x._data.dtype))

identity_p = Primitive("Identity", lambda x: x.copy(), 1, same)


def identity(x):
    return bind(identity_p, x)


identity_p.def_vjp(lambda dout, out, x: dout)

stop_gradient_p = Primitive("StopGradient", lambda x: x, 1, same)


def stop_gradient(x):
    return bind(stop_gradient_p, x)


stop_gradient_p.def_vjp(NONDIFF)


def _full_like_impl(x, value):
    out = backend.xp.empty(x.shape, x.dtype)
    out.fill(value)
    return out


full_like_p = Primitive("FullLike", _full_like_impl, 1, same)
full_like_p.def_vjp(NONDIFF)


def full_like(x, value):
    """A constant of ``x``'s shape and dtype (a literal when the shape is known, else computed from ``x``)."""
    if shapes.is_static(x._data.shape):
        return _filled_literal(x._data.shape, x._data.dtype, value)
    return bind(full_like_p, x, value=value)


def zeros_like(x):
    return full_like(x, 0)


def ones_like(x):
    return full_like(x, 1)
