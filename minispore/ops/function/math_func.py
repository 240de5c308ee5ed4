"""Elementwise math, comparisons and reductions with MindSpore's names, argument orders and dtype rules.

Everything here is a composite of primitives (``minispore.ops._prims``): no array library is named, so every
function works on any backend, differentiates, and compiles under jit.
"""
import builtins
import functools
import math
import numbers

from ..._core import backend
from ..._core import dtype as mstype
from ..._core import shapes
from ..._core.primitive import bind
from ..._core.tensor import Tensor, _literal, _wrap
from .. import _prims as P
from ..._core.dtype import kind_of

_BY_NUMPY = mstype._BY_NUMPY
_F32 = mstype.float32.np_dtype


# ----------------------------------------------------------------------------- errors
class ValueRuntimeError(ValueError, RuntimeError):
    """A bad value or shape where MindSpore raises RuntimeError (its C++ checks and kernels): both classes, so that
    code catching either sees it."""


class TypeRuntimeError(TypeError, RuntimeError):
    """An argument of the wrong type where MindSpore raises RuntimeError."""


# ----------------------------------------------------------------------------- argument coercion
def _tensor(x, name="input", op="ops", lists=False):
    """A Tensor for a Tensor, number or array argument; (nested) lists and tuples only with ``lists`` (the Tensor
    operators' rule: MindSpore's ops functions refuse them)."""
    if isinstance(x, Tensor):
        return x
    if isinstance(x, (list, tuple)) and not lists:
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}; wrap it with "
                        f"mindspore.Tensor(...).")
    if isinstance(x, complex):      # MindSpore's ops take real Python scalars only
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor or a real number, but got the Python complex "
                        f"{x!r}; wrap it with mindspore.Tensor(...).")
    if isinstance(x, (numbers.Number, list, tuple)) or backend.is_array(x) or hasattr(x, "__array_interface__"):
        try:
            return Tensor(x)
        except ValueError:
            raise ValueError(f"For '{op}', the '{name}' is a ragged nested {type(x).__name__}: its rows have "
                             f"different lengths, so it has no shape.") from None
        except TypeError as e:
            raise TypeError(f"For '{op}', the '{name}' cannot be made a Tensor: {e}") from None
    raise TypeError(f"For '{op}', the '{name}' must be a Tensor or a number, but got {type(x).__name__}.")


def _real(v, name, op, none=False):
    """A real-number argument (not bool): ``v`` itself, or None when ``none`` allows it; TypeError otherwise."""
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        return v
    if v is None and none:
        return v
    raise TypeError(f"For '{op}', '{name}' must be a number, but got {type(v).__name__} ({v!r}).")


def _flag(v, name, op):
    """A bool argument (Python's or NumPy's): refuses strings, None and numbers, which bool() would accept."""
    if v is True or v is False:
        return v
    if type(v).__name__ == "bool_":
        return builtins.bool(v)
    raise TypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__} ({v!r}).")


def _int_arg(v, name, op):
    """An int argument (not bool, not a float with an integral value)."""
    if _is_int(v):
        return int(v)
    raise TypeError(f"For '{op}', '{name}' must be an int, but got {type(v).__name__} ({v!r}).")


def _broadcastable(op, *ts):
    """Check up front that the operands of a composite broadcast together, so that the error names ``op``."""
    shapes.broadcast_shapes(*(t.shape for t in ts), op=op)


def _constant(value, dtype):
    """An untraced constant of NumPy ``dtype``."""
    return _wrap(backend.asarray(value, dtype))


def _scalar_for(scalar, t):
    """(t cast if needed, the scalar as a weak constant of the result dtype)."""
    key = (t._data.dtype, type(scalar), scalar)
    hit = _scalar_cache.get(key) if scalar else None      # (0.0 and -0.0 are equal keys: never cached)
    if hit is None:
        hit = _scalar_constant(scalar, _BY_NUMPY[t._data.dtype])
        if scalar:
            if len(_scalar_cache) > 4096:
                _scalar_cache.clear()
            _scalar_cache[key] = hit
    result, literal = hit
    if result != t._data.dtype:
        t = P.cast(t, result)
    return t, literal


_scalar_cache = {}     # (tensor dtype, scalar type, scalar) -> (result NumPy dtype, the scalar's constant)


def _scalar_constant(scalar, dtype):
    result = mstype.promote_scalar(dtype, scalar)
    if isinstance(scalar, int) and not isinstance(scalar, bool) and result.kind in "iu":
        low, high = _int_limits(result.np_dtype)
        if not low <= scalar <= high:
            return result.np_dtype, _literal(_wrapped_int(scalar, result))
    # a too-large float becomes inf in float16, as in MindSpore
    return result.np_dtype, _literal(backend.asarray(scalar, result.np_dtype))


@functools.lru_cache(maxsize=None)
def _int_limits(np_dtype):
    return mstype.limits(np_dtype)


def _wrapped_int(scalar, dtype):
    """An int too big for the tensor's integer type wraps modulo 2**bits, as in MindSpore (int32 tensor + 2**40
    stays Int32); one outside int64 cannot be passed to MindSpore's kernels at all."""
    if not -2 ** 63 <= scalar < 2 ** 64:
        raise RuntimeError(f"The Python int {scalar} does not fit in 64 bits and cannot be used as a tensor operand.")
    v = scalar % (1 << dtype.bits)
    if dtype.kind == "i" and v >= 1 << (dtype.bits - 1):
        v -= 1 << dtype.bits
    return backend.asarray(v, dtype.np_dtype)


def _is_scalar(v):
    return isinstance(v, (bool, int, float)) or (isinstance(v, numbers.Number) and not isinstance(v, complex)
                                                 and getattr(v, "ndim", 0) == 0)


def _operand(v, name, op, lists=False):
    if isinstance(v, (list, tuple)) and not lists:
        # MindSpore's ops functions take Tensors and numbers only (the Tensor operators also take lists)
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor or a number, but got {type(v).__name__}; "
                        f"wrap it with mindspore.Tensor(...).")
    return _tensor(v, name, op, lists)


def _coerce(x, y, op, lists=False):
    """Promote two operands to one dtype and, when either is traced, broadcast the traced one explicitly.
    ``lists``: (nested) lists are operands too (the Tensor operators' rule; the ops functions refuse them)."""
    if isinstance(x, Tensor):
        if isinstance(y, Tensor):
            dx, dy = x._data.dtype, y._data.dtype
            if dx != dy:
                t = mstype.promote(_BY_NUMPY[dx], _BY_NUMPY[dy]).np_dtype
                x, y = P.cast(x, t), P.cast(y, t)
        elif _is_scalar(y):
            x, y = _scalar_for(y.item() if hasattr(y, "item") else y, x)
        else:
            return _coerce(x, _operand(y, "other", op, lists), op)
    elif isinstance(y, Tensor):
        if _is_scalar(x):
            y, x = _scalar_for(x.item() if hasattr(x, "item") else x, y)
        else:
            return _coerce(_operand(x, "input", op, lists), y, op)
    else:
        return _coerce(_operand(x, "input", op, lists), y, op, lists)
    if (x._trace is not None or y._trace is not None) and x._data.shape != y._data.shape:
        shape = shapes.broadcast_shapes(x._data.shape, y._data.shape, op=op)
        if x._trace is not None:
            x = P.broadcast_to(x, shape)
        if y._trace is not None:
            y = P.broadcast_to(y, shape)
    return x, y


# the float-only operations that compute complex inputs too (their primitives' rules are written for complex
# values, in MindSpore's convention); the others refuse a complex input rather than drop its imaginary part
_COMPLEX_OK = frozenset({"exp", "log", "sqrt", "reciprocal", "sin", "cos", "tanh"})


def _float(x, op):
    """Float-only operations compute integer and bool inputs in float32 (as MindSpore does)."""
    x = _tensor(x, "input", op)
    kind = kind_of(x._data.dtype)
    if kind == "c":
        if op in _COMPLEX_OK:
            return x
        raise TypeError(f"For '{op}', the input must be a real tensor, but got {x.dtype}.")
    if kind != "f":
        return P.cast(x, _F32)
    return x


def _is_int(v):
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def _axes(axis, ndim, op="ops", strict=False):
    """Normalise an axis argument (None, int, tuple/list) to None or a sorted tuple of non-negative ints."""
    if axis is None:
        return None
    if isinstance(axis, Tensor):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        if len(axis) == 0:
            return None
        out = tuple(sorted(_axis(a, ndim, op, strict) for a in axis))
        if len(set(out)) != len(out):
            # (MindSpore: RuntimeError "dim=1 appears multiple times in the list of dims")
            raise ValueRuntimeError(f"For '{op}', the axis {tuple(axis)} contains duplicates.")
        return out
    return (_axis(axis, ndim, op, strict),)


def _axis(axis, ndim, op="ops", strict=False):
    """``axis`` in [-ndim, ndim) as a non-negative int; a 0-d tensor accepts 0 and -1 unless ``strict``."""
    if not _is_int(axis):
        raise TypeError(f"For '{op}', the axis must be an int, but got {type(axis).__name__} ({axis!r}).")
    n = ndim if strict else builtins.max(ndim, 1)
    if not -n <= axis < n:
        raise ValueError(f"For '{op}', the axis {axis} is out of range for a tensor of rank {ndim} "
                         f"(expected [{-n}, {n})).")
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


def _true_divide(x, y):
    if kind_of(x._data.dtype) not in "fc":
        x, y = P.cast(x, _F32), P.cast(y, _F32)
    return bind(P.div_p, x, y)


def div(input, other, *, rounding_mode=None):
    x, y = _coerce(input, other, "div")
    if rounding_mode is None:
        return _true_divide(x, y)
    if rounding_mode == "floor":
        return bind(P.floor_divide_p, x, y)
    if rounding_mode == "trunc":
        if kind_of(x._data.dtype) == "f":
            return P.trunc(bind(P.div_p, x, y))
        return bind(P.trunc_divide_p, x, y)
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


def _check_bitwise(x, name):
    if kind_of(x._data.dtype) not in "biu":
        raise TypeError(f"For '{name}', the inputs must be integer or bool tensors, but got {x.dtype}.")


def _bitwise(prim, name, reflected=False, lists=False):
    """The bitwise ops (functions and operators): integers and bools only."""
    def bitwise(input, other):
        x, y = _coerce(other, input, name, lists) if reflected else _coerce(input, other, name, lists)
        _check_bitwise(x, name)
        return bind(prim, x, y)
    bitwise.__name__ = name
    return bitwise


bitwise_and = _bitwise(P.bitwise_and_p, "bitwise_and")
bitwise_or = _bitwise(P.bitwise_or_p, "bitwise_or")
bitwise_xor = _bitwise(P.bitwise_xor_p, "bitwise_xor")
eq, ne, lt, le, gt, ge = equal, not_equal, less, less_equal, greater, greater_equal
multiply, subtract, divide, true_divide, mod = mul, sub, div, div, remainder
max_ = maximum


# ----------------------------------------------------------------------------- the Tensor operators
def _operator(prim, name, reflected=False):
    """``Tensor.__add__`` and friends: the ops function's rules, lists accepted, one call layer fewer."""
    if reflected:
        def op(self, other):
            x, y = _coerce(other, self, name, True)
            return bind(prim, x, y)
    else:
        def op(self, other):
            x, y = _coerce(self, other, name, True)
            return bind(prim, x, y)
    op.__name__ = name
    return op


def _truediv_operator(self, other):
    return _true_divide(*_coerce(self, other, "div", True))


def _rtruediv_operator(self, other):
    return _true_divide(*_coerce(other, self, "div", True))


OPERATORS = {
    "__add__": _operator(P.add_p, "add"), "__radd__": _operator(P.add_p, "add", True),
    "__sub__": _operator(P.sub_p, "sub"), "__rsub__": _operator(P.sub_p, "sub", True),
    "__mul__": _operator(P.mul_p, "mul"), "__rmul__": _operator(P.mul_p, "mul", True),
    "__truediv__": _truediv_operator, "__rtruediv__": _rtruediv_operator,
    "__floordiv__": _operator(P.floor_divide_p, "floor_divide"),
    "__rfloordiv__": _operator(P.floor_divide_p, "floor_divide", True),
    "__mod__": _operator(P.remainder_p, "remainder"), "__rmod__": _operator(P.remainder_p, "remainder", True),
    "__pow__": _operator(P.pow_p, "pow"), "__rpow__": _operator(P.pow_p, "pow", True),
    "__eq__": _operator(P.equal_p, "equal"), "__ne__": _operator(P.not_equal_p, "not_equal"),
    "__lt__": _operator(P.less_p, "less"), "__le__": _operator(P.less_equal_p, "less_equal"),
    "__gt__": _operator(P.greater_p, "greater"), "__ge__": _operator(P.greater_equal_p, "greater_equal"),
    "__and__": _bitwise(P.bitwise_and_p, "bitwise_and", lists=True),
    "__rand__": _bitwise(P.bitwise_and_p, "bitwise_and", True, True),
    "__or__": _bitwise(P.bitwise_or_p, "bitwise_or", lists=True),
    "__ror__": _bitwise(P.bitwise_or_p, "bitwise_or", True, True),
    "__xor__": _bitwise(P.bitwise_xor_p, "bitwise_xor", lists=True),
    "__rxor__": _bitwise(P.bitwise_xor_p, "bitwise_xor", True, True),
    "__matmul__": lambda self, other: _matmul_operator(self, other),
    "__rmatmul__": lambda self, other: _matmul_operator(other, self),
}


def _matmul_operator(x, y):
    """``x @ y``: as ops.matmul, Tensors only (MindSpore's MatMulExt takes no lists or numbers)."""
    from .array_func import matmul
    for v, name in ((x, "input"), (y, "other")):
        if not isinstance(v, Tensor):
            raise TypeError(f"For 'matmul', the '{name}' of '@' must be a Tensor, but got {type(v).__name__}"
                            f"{' (' + repr(v) + ')' if isinstance(v, (numbers.Number, str)) else ''}.")
    return matmul(x, y)


def logical_not(input):
    return P.logical_not(_tensor(input, "input", "logical_not"))


def bitwise_not(input):
    x = _tensor(input, "input", "bitwise_not")
    _check_bitwise(x, "bitwise_not")
    return P.bitwise_not(x)


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """``|input - other| <= atol + rtol * |other|`` elementwise (NumPy's rule: infinities are close only to
    themselves, NaN only to NaN with ``equal_nan``)."""
    x, y = _coerce(input, other, "isclose")
    _broadcastable("isclose", x, y)
    for name, v in (("rtol", rtol), ("atol", atol)):
        _real(v, name, "isclose")
    if kind_of(x._data.dtype) != "f":
        x, y = P.cast(x, _F32), P.cast(y, _F32)
    finite = P.logical_and(P.isfinite(x), P.isfinite(y))
    diff = P.abs_(P.sub(x, y))
    bound = P.add(P.const(atol, x), P.mul(P.const(rtol, x), P.abs_(y)))
    close = P.where(finite, P.less_equal(diff, bound), P.equal(x, y))
    if equal_nan:
        close = P.logical_or(close, P.logical_and(P.isnan(x), P.isnan(y)))
    return close


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(all(isclose(input, other, rtol, atol, equal_nan)))


def equal_all(input, other):
    x, y = _tensor(input, "input", "equal_all"), _tensor(other, "other", "equal_all")
    if x.shape != y.shape:
        return False
    return builtins.bool(all(equal(x, y)))


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
erfinv = _float_unary(P.erfinv, "erfinv")
sigmoid = _float_unary(P.sigmoid, "sigmoid")
arcsin, arccos, arctan, arcsinh, arccosh, arctanh = asin, acos, atan, asinh, acosh, atanh


def log2(input):
    return div(log(input), math.log(2.0))


def log10(input):
    return div(log(input), math.log(10.0))


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
    return P.floor(x) if kind_of(x._data.dtype) == "f" else x


def ceil(input):
    x = _tensor(input, "input", "ceil")
    return P.ceil(x) if kind_of(x._data.dtype) == "f" else x


def round(input, *, decimals=0):
    x = _tensor(input, "input", "round")
    if _int_arg(decimals, "decimals", "round"):
        if kind_of(x._data.dtype) != "f":
            # MindSpore 2.5+: RuntimeError for an integer input with decimals (its output keeps the input's dtype)
            raise TypeRuntimeError(f"For 'round', 'decimals' must be 0 for an integer tensor ({x.dtype}), but got "
                                   f"{decimals}.")
        scale = 10.0 ** decimals
        return div(P.round_(mul(x, scale)), scale)
    return P.round_(x) if kind_of(x._data.dtype) == "f" else x


def trunc(input):
    x = _tensor(input, "input", "trunc")
    return P.trunc(x) if kind_of(x._data.dtype) == "f" else x


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
    _real(nan, "nan", "nan_to_num", none=True)
    _real(posinf, "posinf", "nan_to_num", none=True)
    _real(neginf, "neginf", "nan_to_num", none=True)
    if kind_of(x._data.dtype) != "f":
        return x
    low, high = mstype.limits(x._data.dtype)
    x = _select(P.isnan(x), P.const(nan, x), x)
    x = _select(P.logical_and(P.isinf(x), P.greater(x, P.const(0, x))), P.const(high if posinf is None else posinf, x),
                x)
    return _select(P.logical_and(P.isinf(x), P.less(x, P.const(0, x))), P.const(low if neginf is None else neginf, x),
                   x)


def clamp(input, min=None, max=None):
    """Clip ``input`` into ``[min, max]``; the gradient passes where the value is inside the bounds."""
    x = _tensor(input, "input", "clamp")
    if min is None and max is None:
        raise ValueError("For 'clamp', at least one of 'min' and 'max' must be given.")
    # selects rather than maximum/minimum: MindSpore passes the whole gradient to x at x == min or x == max
    if min is not None:
        x, lo = _coerce(x, min, "clamp")
        _broadcastable("clamp", x, lo)
        x = _select(less(x, lo), lo, x)
    if max is not None:
        x, hi = _coerce(x, max, "clamp")
        _broadcastable("clamp", x, hi)
        x = _select(greater(x, hi), hi, x)
    return x


def _select(cond, x, y):
    """``where`` for operands already of one dtype; a traced operand is broadcast to the output shape."""
    shape = shapes.broadcast_shapes(cond.shape, x.shape, y.shape, op="where")
    if x._trace is not None:
        x = P.broadcast_to(x, shape)
    if y._trace is not None:
        y = P.broadcast_to(y, shape)
    return P.where(cond, x, y)


clip = clamp


def lerp(input, end, weight):
    x, e = _tensor(input, "input", "lerp"), _tensor(end, "end", "lerp")
    w = weight if isinstance(weight, Tensor) else _real(weight, "weight", "lerp")
    _broadcastable("lerp", x, e, *((w,) if isinstance(w, Tensor) else ()))
    return add(x, mul(w, sub(e, x)))


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    from .array_func import matmul
    return add(mul(input, beta), mul(matmul(mat1, mat2), alpha))


def logit(input, eps=None):
    x = _float(input, "logit")
    _real(eps, "eps", "logit", none=True)
    if eps is not None:
        x = clamp(x, eps, 1 - eps)
    return log(div(x, sub(1.0, x)))


def xlogy(input, other):
    x, y = _coerce(_float(input, "xlogy"), other, "xlogy")
    _broadcastable("xlogy", x, y)
    zero = P.zeros_like(x)
    is_zero = equal(x, zero)
    # log(y) is not evaluated where x == 0, so that the gradient there is 0 rather than 0 * log(0) = NaN
    safe_y = _select(is_zero, P.ones_like(y), y)
    return _select(is_zero, zero, mul(x, log(safe_y)))


def hypot(input, other):
    x, y = _float(input, "hypot"), _float(other, "hypot")
    _broadcastable("hypot", x, y)
    return sqrt(add(square(x), square(y)))


def _safe_sqrt(s):
    """sqrt(s) for s >= 0 whose gradient at s == 0 is 0, not inf (PyTorch's subgradient for norms at zero)."""
    zero = P.equal(s, P.const(0, s))
    return P.where(zero, P.zeros_like(s), P.sqrt(P.where(zero, P.ones_like(s), s)))


def cumsum(input, axis, dtype=None):
    x = _tensor(input, "input", "cumsum")
    if dtype is not None:
        x = P.cast(x, _dtype(dtype, "cumsum"))
    elif kind_of(x._data.dtype) == "b":
        raise TypeError(f"For 'cumsum', the input must be a number tensor (or give a dtype), but got {x.dtype}.")
    return P.cumsum(x, _axis(axis, x.ndim, "cumsum", strict=True))


def cumprod(input, dim, dtype=None):
    """Integer inputs give Int64 products (MindSpore 2.10's kernel), floats keep their dtype."""
    x = _tensor(input, "input", "cumprod")
    if dtype is not None:
        x = P.cast(x, _dtype(dtype, "cumprod"))
    elif kind_of(x._data.dtype) in "iub":
        x = P.cast(x, mstype.int64.np_dtype)
    return P.cumprod(x, _axis(dim, x.ndim, "cumprod", strict=True))


def _running_extremum(index_of, name):
    def running(input, axis):
        x = _tensor(input, "input", name)
        if kind_of(x._data.dtype) not in "iuf":
            raise TypeError(f"For '{name}', the input must be a number tensor, but got {x.dtype}.")
        ax = _axis(axis, x.ndim, name, strict=True)
        idx = index_of(x, ax)
        # the values are the input gathered at the positions: the gradient flows to each running extremum
        return P.take_along_axis(x, idx, ax), idx
    running.__name__ = running.__qualname__ = name
    running.__doc__ = (f"(values, indices) of the running {name[3:]}imum along ``axis``; of equal values the latest "
                       f"position is taken. The gradient flows to the positions (MindSpore 2.10 has no CPU gradient "
                       f"for {name}).")
    return running


cummax = _running_extremum(P.cummax_index, "cummax")
cummin = _running_extremum(P.cummin_index, "cummin")


def _dtype(dtype, op):
    try:
        return mstype.canonical(dtype).np_dtype
    except TypeError:
        raise TypeError(f"For '{op}', the dtype must be a mindspore type such as mindspore.float32, but got "
                        f"{dtype!r}.") from None


# ----------------------------------------------------------------------------- reductions
def sum(input, dim=None, keepdim=False, *, dtype=None):
    x = _tensor(input, "input", "sum")
    if dtype is not None:
        if not isinstance(dtype, mstype.Type):       # (MindSpore takes no dtype names here)
            raise TypeError(f"For 'sum', the dtype must be a mindspore type such as mindspore.float32, but got "
                            f"{type(dtype).__name__} ({dtype!r}).")
        x = P.cast(x, _dtype(dtype, "sum"))
    elif kind_of(x._data.dtype) == "b":
        x = P.cast(x, mstype.int64.np_dtype)
    return P.sum_(x, _axes(dim, x.ndim, "sum"), _flag(keepdim, "keepdim", "sum"))


def mean(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "mean")
    return P.mean(x, _axes(axis, x._data.ndim, "mean"), _flag(keep_dims, "keep_dims", "mean"))


def _extreme(prim_binder, arg_binder, name):
    def reduce(input, axis=None, keepdims=False, *, initial=None, where=None):
        x = _tensor(input, "input", name)
        if axis is not None and not _is_int(axis):
            raise TypeError(f"For '{name}', 'axis' must be int, but got {type(axis)} ({axis!r}).")
        keepdims = _flag(keepdims, "keepdims", name)
        if x.size == 0:
            raise ValueError(f"For '{name}', the input is empty (shape {x.shape}).")
        if axis is not None and x.ndim == 0:
            _axis(axis, 0, name)        # 0 and -1 name the only element of a 0-d tensor
        if axis is None or x.ndim == 0:
            # MindSpore 2.10: without an axis ops.max/min reduce everything (keepdims ignored) and the index is a
            # constant Int64 0 -- not the position of the extremum
            return (prim_binder(x, None, False) if x.ndim else x), P.fill((), 0, mstype.int64.np_dtype)
        ax = _axis(axis, x.ndim, name)
        indices = arg_binder(x, ax, True)
        # along an axis MindSpore's ArgMaxWithValue sends the whole gradient to the returned index (the first
        # extremum), unlike the full reduction, which shares it between ties
        values = P.take_along_axis(x, indices, ax)
        if not keepdims:
            values = P.reshape(values, indices.shape[:ax] + indices.shape[ax + 1:])
            indices = P.reshape(indices, values.shape)
        return values, P.cast(indices, mstype.int64.np_dtype)
    reduce.__name__ = name
    return reduce


def _at_extreme_index(x, axes, keepdim, largest):
    """max/min of ``x`` over ``axes`` with the gradient sent to the first extremum only (as MindSpore's
    norm(ord=+-inf) does)."""
    axes = tuple(range(x.ndim)) if axes is None else axes
    rest = [i for i in range(x.ndim) if i not in axes]
    perm = tuple(rest) + tuple(axes)
    flat = P.reshape(_transpose_if_needed(x, perm), tuple(x.shape[i] for i in rest) + (math.prod(
        x.shape[i] for i in axes),))
    idx = (P.argmax if largest else P.argmin)(flat, flat.ndim - 1, True)
    picked = P.take_along_axis(flat, idx, flat.ndim - 1)
    if keepdim:
        return P.reshape(picked, tuple(1 if i in axes else d for i, d in enumerate(x.shape)))
    return P.reshape(picked, tuple(x.shape[i] for i in rest))


def _transpose_if_needed(x, perm):
    return x if perm == tuple(range(x.ndim)) else P.transpose(x, perm)


max = _extreme(P.max_, P.argmax, "max")
min = _extreme(P.min_, P.argmin, "min")


def _check_nonempty(x, axes, op):
    """An extremum over no elements is undefined (MindSpore returns uninitialised memory)."""
    if x.size == 0 and (axes is None or builtins.any(x.shape[a] == 0 for a in axes)):
        raise ValueError(f"For '{op}', the reduction of the empty tensor of shape {x.shape} over "
                         f"{'all dimensions' if axes is None else 'axis ' + str(axes)} has no elements.")


def _extreme_with(reduce, combine, input, axis, keepdims, initial, where, op):
    x = _tensor(input, "input", op)
    keepdims = _flag(keepdims, "keepdims", op)
    _real(initial, "initial", op, none=True)
    if where is not None:
        if initial is None:
            raise ValueError(f"For '{op}', 'where' needs an 'initial' value for the excluded elements.")
        x = P.where(_tensor(where, "where", op), x, P.broadcast_to(_scalar_for(initial, x)[1], x.shape))
    axes = _axes(axis, x.ndim, op)
    if initial is None:
        _check_nonempty(x, axes, op)
    out = reduce(x, axes, keepdims)
    return out if initial is None else combine(out, initial)


def amax(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _extreme_with(P.max_, maximum, input, axis, keepdims, initial, where, "amax")


def amin(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _extreme_with(P.min_, minimum, input, axis, keepdims, initial, where, "amin")


def _arg_axis(x, axis, op):
    """The axis of an arg-extremum, checked to hold elements (MindSpore raises RuntimeError for an empty one)."""
    ax = None if axis is None else _axis(axis, x.ndim, op)
    if x.size == 0 and (ax is None or x.shape[ax] == 0):
        raise ValueRuntimeError(f"For '{op}', the input of shape {x.shape} has no elements "
                                f"{'' if ax is None else 'along axis ' + str(ax) + ' '}to choose from.")
    return ax


def argmax(input, dim=None, keepdim=False):
    x = _tensor(input, "input", "argmax")
    keepdim = _flag(keepdim, "keepdim", "argmax")
    ax = _arg_axis(x, dim, "argmax")
    if dim is None:
        return P.argmax(P.reshape(x, (x.size,)), None, False)
    return P.argmax(x, ax, keepdim)


def argmin(input, axis=None, keepdims=False):
    """Int32 indices (MindSpore's Argmin kernel; argmax gives Int64).  A 0-d input gives Int64 0, as in 2.10."""
    x = _tensor(input, "input", "argmin")
    keepdims = _flag(keepdims, "keepdims", "argmin")
    ax = _arg_axis(x, axis, "argmin")
    if x.ndim == 0:
        return P.fill((), 0, mstype.int64.np_dtype)
    if axis is None:
        return P.argmin(P.reshape(x, (x.size,)), None, False)
    return P.argmin(x, ax, keepdims)


def prod(input, axis=None, keep_dims=False, dtype=None):
    x = _tensor(input, "input", "prod")
    if dtype is not None:
        x = P.cast(x, _dtype(dtype, "prod"))
    return P.prod(x, _axes(axis, x.ndim, "prod"), _flag(keep_dims, "keep_dims", "prod"))


def all(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "all")
    return P.all_(x, _axes(axis, x.ndim, "all"), _flag(keep_dims, "keep_dims", "all"))


def any(input, axis=None, keep_dims=False):
    x = _tensor(input, "input", "any")
    return P.any_(x, _axes(axis, x.ndim, "any"), _flag(keep_dims, "keep_dims", "any"))


def count_nonzero(x, axis=(), keep_dims=False, dtype=mstype.int32):
    t = _tensor(x, "x", "count_nonzero")
    axes = _axes(axis if axis != () else None, t.ndim, "count_nonzero")
    nonzero = P.cast(P.not_equal(t, P.const(0, t)), mstype.int64.np_dtype)
    return P.cast(P.sum_(nonzero, axes, _flag(keep_dims, "keep_dims", "count_nonzero")),
                  _dtype(dtype, "count_nonzero"))


def logsumexp(input, dim, keepdim=False):
    """``log(sum(exp(input)))`` over ``dim``, shifted by the maximum for stability; an all ``-inf`` slice gives
    ``-inf`` and a ``+inf`` gives ``inf`` (MindSpore 2.10 gives NaN for both)."""
    x = _float(input, "logsumexp")
    if dim is None:
        raise TypeError("For 'logsumexp', 'dim' must be an int or a tuple of ints, but got None.")
    keepdim = _flag(keepdim, "keepdim", "logsumexp")
    axes = _axes(dim, x.ndim, "logsumexp")
    peak = P.stop_gradient(P.max_(x, axes, True))
    shift = P.where(P.isfinite(peak), peak, P.zeros_like(peak))
    out = add(log(P.sum_(exp(sub(x, shift)), axes, True)), shift)
    if not keepdim:
        out = P.reshape(out, shapes.reduced_shape(x.shape, axes, False))
    return out


def _variance(x, axes, ddof, keepdims, op):
    if not isinstance(ddof, numbers.Integral):
        raise TypeError(f"For '{op}', 'ddof' must be an int, but got {type(ddof).__name__} ({ddof!r}).")
    keepdims = _flag(keepdims, "keepdims", op)
    n = x.size if axes is None else math.prod(x.shape[a] for a in axes)
    if n - ddof < 0:
        # (MindSpore returns a negative variance)
        raise ValueError(f"For '{op}', ddof={ddof} is larger than the {n} elements reduced over "
                         f"{'all dimensions' if axes is None else 'axis ' + str(axes)} of shape {x.shape}.")
    centred = sub(x, mean(x, axes, True))
    return div(P.sum_(square(centred), axes, keepdims), float(n - ddof))


def var(input, axis=None, ddof=0, keepdims=False):
    x = _float(input, "var")
    return _variance(x, _axes(axis, x.ndim, "var", strict=True), ddof, keepdims, "var")


def std(input, axis=None, ddof=0, keepdims=False):
    """The standard deviation; its gradient at a constant input is 0 (PyTorch's convention; MindSpore: NaN)."""
    x = _float(input, "std")
    return _safe_sqrt(_variance(x, _axes(axis, x.ndim, "std", strict=True), ddof, keepdims, "std"))


def var_mean(input, axis=None, ddof=0, keepdims=False):
    return var(input, axis, ddof, keepdims), mean(input, axis, keepdims)


def std_mean(input, axis=None, ddof=0, keepdims=False):
    return std(input, axis, ddof, keepdims), mean(input, axis, keepdims)


def _vector_norm(x, ord, axes, keepdim):
    """p-norms over ``axes`` (MindSpore's vector branch: ord None/2, inf, -inf, 0, other p)."""
    if ord is None or ord == 2:
        return _safe_sqrt(P.sum_(square(x), axes, keepdim))
    if ord == float("inf"):
        return _at_extreme_index(abs(x), axes, keepdim, True)
    if ord == float("-inf"):
        return _at_extreme_index(abs(x), axes, keepdim, False)
    if ord == 0:
        return P.sum_(P.cast(not_equal(x, 0.0), x._data.dtype), axes, keepdim)
    if ord == 1:
        return P.sum_(abs(x), axes, keepdim)
    if isinstance(ord, numbers.Real) and not isinstance(ord, builtins.bool):
        return pow(P.sum_(pow(abs(x), float(ord)), axes, keepdim), 1.0 / ord)
    raise ValueError(f"For 'norm', unsupported ord {ord!r} for vectors.")


def _svd_norm(x, row, col, which):
    """Largest ('amax') / smallest ('amin') singular value or their sum ('sum') of the matrices in the (row, col)
    planes, computed in float32 as MindSpore does.  Written as ``sum(U_k * (A @ V_k))`` with the singular vectors
    held constant, which equals the singular values and has their exact first derivative (``u v^T``)."""
    x = P.cast(x, _F32)
    rest = [i for i in range(x.ndim) if i not in (row, col)]
    a = _transpose_if_needed(x, tuple(rest) + (row, col))
    k = builtins.min(a.shape[-2], a.shape[-1])
    pick = {"amax": slice(0, 1), "amin": slice(k - 1, k), "sum": slice(0, k)}[which]
    u = P.singular_vectors(a, "u", pick)
    v = P.singular_vectors(a, "v", pick)
    av = P.matmul(a, v)
    return P.sum_(P.mul(av, u), (a.ndim - 2, a.ndim - 1), False)


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
        out = _safe_sqrt(P.sum_(square(x), tuple(sorted(dims)), False))
    if keepdim:
        out = P.reshape(out, tuple(1 if i in dims else d for i, d in enumerate(x.shape)))
    return out


def _in_float32(fn, x, *args):
    """float16 norms accumulate in float32 (the squares of values above 256 overflow float16)."""
    if x._data.dtype == mstype.float16.np_dtype:
        return P.cast(fn(P.cast(x, _F32), *args), x._data.dtype)
    return fn(x, *args)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    """MindSpore 2.10's dispatch: with ``dim=None`` the vector 2-norm of everything for ord None (or 'fro' on a
    matrix, or 2 on a vector); otherwise ``dim`` (all dimensions when None) of length 1 gives a vector norm and of
    length 2 a matrix norm (ord 2/-2/'nuc' by singular values, 1/-1/inf/-inf by column/row sums)."""
    x = _float(A, "norm")
    ndim = x.ndim
    keepdim = _flag(keepdim, "keepdim", "norm")
    if dim is None:
        dims = tuple(range(ndim))
        immediate = ord is None or (ord == "fro" and ndim == 2) or (ord == 2 and ndim == 1)
    else:
        immediate = False
        if _is_int(dim):
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
        x = P.cast(x, _dtype(dtype, "norm"))
    if immediate:
        out = _in_float32(lambda t: _safe_sqrt(P.sum_(square(t), None, False)), x)
        return P.reshape(out, (1,) * ndim) if keepdim else out
    dims = tuple(_axis(d, ndim, "norm") for d in dims)
    if len(dims) == 2 and ord in matrix_ords:
        return _in_float32(_matrix_norm, x, ord, dims, keepdim)
    # one dimension; or (a minispore extension) a vector-only ord such as 0, 3 or 0.5 over two dimensions, or
    # three or more dimensions, where MindSpore raises ValueError or returns None: the vector norm over them
    return _in_float32(_vector_norm, x, ord, tuple(sorted(dims)) if dims else None, keepdim)


def vector_norm(x, ord=2, axis=None, keepdims=False, *, dtype=None):
    """The p-norm over ``axis`` (all elements when None) for any rank."""
    t = _float(x, "vector_norm")
    if isinstance(ord, str) or ord is None:
        raise ValueError(f"For 'vector_norm', 'ord' must be a number, but got {ord!r}.")
    if dtype is not None:
        t = P.cast(t, _dtype(dtype, "vector_norm"))
    return _in_float32(_vector_norm, t, ord, _axes(axis, t.ndim, "vector_norm"),
                       _flag(keepdims, "keepdims", "vector_norm"))


def matrix_norm(A, ord="fro", axis=(-2, -1), keepdims=False, *, dtype=None):
    """The matrix norm over the two dimensions ``axis``."""
    x = _float(A, "matrix_norm")
    if x.ndim < 2:
        raise ValueError(f"For 'matrix_norm', the input must be at least 2-D, but got shape {x.shape}.")
    if ord not in (2, -2, 1, -1, float("inf"), float("-inf"), "fro", "nuc"):
        raise ValueError(f"For 'matrix_norm', unsupported ord {ord!r}.")
    if dtype is not None:
        x = P.cast(x, _dtype(dtype, "matrix_norm"))
    dims = tuple(_axis(d, x.ndim, "matrix_norm") for d in axis)
    if len(dims) != 2 or dims[0] == dims[1]:
        raise ValueError(f"For 'matrix_norm', 'axis' must be two different dimensions, but got {tuple(axis)}.")
    return _in_float32(_matrix_norm, x, ord, dims, _flag(keepdims, "keepdims", "matrix_norm"))


def median(input, axis=-1, keepdims=False):
    x = _tensor(input, "input", "median")
    keepdims = _flag(keepdims, "keepdims", "median")
    ax = _axis(axis, x.ndim, "median")
    n = x.shape[ax]
    if n == 0:
        # (MindSpore returns uninitialised memory)
        raise ValueError(f"For 'median', axis {ax} of the input of shape {x.shape} has no elements.")
    order = P.argsort(x, ax)
    starts = [0] * x.ndim
    stops = list(x.shape)
    starts[ax], stops[ax] = (n - 1) // 2, (n - 1) // 2 + 1
    pick = P.slice_(order, starts, stops)
    if kind_of(x._data.dtype) in "fc":
        # a slice holding NaN has median NaN at its first NaN (MindSpore 2.10; argsort puts NaN last instead)
        nan = P.isnan(x)
        first = P.cast(P.argmax(nan, ax, True), pick._data.dtype)
        pick = P.where(P.any_(nan, (ax,), True), first, pick)
    values = P.take_along_axis(x, pick, ax)
    if not keepdims:
        values = P.reshape(values, tuple(d for i, d in enumerate(values.shape) if i != ax))
        pick = P.reshape(pick, values.shape)
    return values, pick


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
