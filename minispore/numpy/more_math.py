"""More of mindspore.numpy's math: inverse hyperbolic functions, cbrt, copysign, deg2rad/rad2deg, exp2, fabs,
fix, float_power, fmod, gcd/lcm, heaviside, hypot, logaddexp(2), signbit, divmod, the bitwise functions,
isneginf/isposinf, the NaN-ignoring reductions, count_nonzero, max/min, sometrue, and the linear algebra of
kron, tensordot, multi_dot, norm and cross."""
import builtins as _builtins

from .._core import dtype as mstype
from ..ops import function as F
from ._common import dtype_of, operand, tensor
from .math_ops import _axis, _cast, amax, amin

_PI = 3.141592653589793


def _is_float(t):
    return mstype.kind_of(t._data.dtype) in "fc"


def _float(t):
    """A Tensor cast to Float32 unless it is floating already (mindspore.numpy's float-only functions)."""
    return t if _is_float(t) else F.cast(t, mstype.float32)


def _two(x1, x2):
    """Both operands as Tensors of their promoted dtype (a Python number keeps the weak-scalar rule)."""
    a, b = operand(x1), operand(x2)
    if not hasattr(a, "dtype"):
        a = F.full_like(b, a) if _is_float(b) or isinstance(a, int) else F.cast(F.full_like(b, 0), mstype.float32) + a
    if not hasattr(b, "dtype"):
        b = F.full_like(a, b) if _is_float(a) or isinstance(b, int) else F.cast(F.full_like(a, 0), mstype.float32) + b
    dt = mstype.promote(a.dtype, b.dtype)
    return F.cast(a, dt), F.cast(b, dt)


def _ints(name, *ts):
    for t in ts:
        if mstype.kind_of(t._data.dtype) not in "biu":
            raise TypeError(f"For '{name}', the inputs must be integer or bool Tensors, but got {t.dtype}.")


def arccosh(input, dtype=None):  # noqa: A002
    return _cast(F.acosh(_float(tensor(input))), dtype)


def arcsinh(input, dtype=None):  # noqa: A002
    return _cast(F.asinh(_float(tensor(input))), dtype)


def arctanh(input, dtype=None):  # noqa: A002
    return _cast(F.atanh(_float(tensor(input))), dtype)


def cbrt(x, dtype=None):
    """The real cube root, sign(x) * |x|**(1/3). DELIBERATE: cbrt(0) is 0, where MindSpore 2.10 gives NaN (it
    takes the sign as |x|/x)."""
    t = _float(tensor(x))
    return _cast(F.mul(F.sign(t), F.pow(F.abs(t), 1.0 / 3.0)), dtype)


def copysign(x1, x2, dtype=None):
    """|x1| with the sign of x2; integer inputs stay integer (as in mindspore.numpy)."""
    a, b = _two(x1, x2)
    return _cast(F.where(F.signbit(b), F.neg(F.abs(a)), F.abs(a)), dtype)


def deg2rad(x, dtype=None):
    return _cast(F.mul(_float(tensor(x)), _PI / 180.0), dtype)


radians = deg2rad


def rad2deg(x, dtype=None):
    return _cast(F.mul(_float(tensor(x)), 180.0 / _PI), dtype)


def exp2(x, dtype=None):
    """2**x; an integer input stays integer (as in mindspore.numpy)."""
    t = tensor(x)
    return _cast(F.pow(F.full_like(t, 2), t), dtype)


def fabs(x, dtype=None):
    return _cast(F.abs(tensor(x)), dtype)


def fix(x):
    """Rounds towards zero; an integer input becomes Float32 (as in mindspore.numpy)."""
    return F.trunc(_float(tensor(x)))


def float_power(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    return _cast(F.pow(_float(a), _float(b)), dtype)


def fmod(x1, x2, dtype=None):
    """The remainder with the sign of the dividend (C's fmod)."""
    a, b = _two(x1, x2)
    if _is_float(a):
        return _cast(F.sub(a, F.mul(F.trunc(F.div(a, b)), b)), dtype)
    return _cast(F.fmod(a, b), dtype)


def gcd(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    _ints("gcd", a, b)
    return _cast(F.gcd(a, b), dtype)


def lcm(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    _ints("lcm", a, b)
    return _cast(F.lcm(a, b), dtype)


def heaviside(x1, x2, dtype=None):
    """0 where x1 < 0, 1 where x1 > 0, x2 where x1 == 0."""
    a, b = _two(x1, x2)
    shape = _broadcast_shape(a.shape, b.shape)
    a, b = F.broadcast_to(a, shape), F.broadcast_to(b, shape)
    out = F.where(F.less(a, 0), F.zeros_like(b), b)
    return _cast(F.where(F.greater(a, 0), F.ones_like(b), out), dtype)


def _broadcast_shape(s1, s2):
    n = _builtins.max(len(s1), len(s2))
    s1, s2 = (1,) * (n - len(s1)) + tuple(s1), (1,) * (n - len(s2)) + tuple(s2)
    out = []
    for d1, d2 in zip(s1, s2):
        if d1 != d2 and 1 not in (d1, d2):
            raise ValueError(f"operands could not be broadcast together with shapes {s1} {s2}")
        out.append(_builtins.max(d1, d2) if 0 not in (d1, d2) else 0)
    return tuple(out)


def hypot(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    a, b = _float(a), _float(b)
    return _cast(F.sqrt(F.add(F.square(a), F.square(b))), dtype)


def logaddexp(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    a, b = _float(a), _float(b)
    m = F.maximum(a, b)
    return _cast(F.add(m, F.log1p(F.exp(F.neg(F.abs(F.sub(a, b)))))), dtype)


def logaddexp2(x1, x2, dtype=None):
    a, b = _two(x1, x2)
    a, b = _float(a), _float(b)
    m = F.maximum(a, b)
    return _cast(F.add(m, F.div(F.log1p(F.pow(2.0, F.neg(F.abs(F.sub(a, b))))), 0.6931471805599453)), dtype)


def signbit(x, dtype=None):
    t = tensor(x)
    out = F.signbit(t) if _is_float(t) else F.less(t, 0)
    return _cast(out, dtype)


def divmod(x1, x2, dtype=None):  # noqa: A001
    """(floor_divide, remainder), the same dtype as the inputs."""
    a, b = _two(x1, x2)
    return _cast(F.floor_divide(a, b), dtype), _cast(F.remainder(a, b), dtype)


def _bitwise(fn, name):
    def f(x1, x2, dtype=None):
        a, b = _two(x1, x2)
        _ints(name, a, b)
        return _cast(fn(a, b), dtype)
    f.__name__ = f.__qualname__ = name
    return f


bitwise_and = _bitwise(F.bitwise_and, "bitwise_and")
bitwise_or = _bitwise(F.bitwise_or, "bitwise_or")
bitwise_xor = _bitwise(F.bitwise_xor, "bitwise_xor")


def bitwise_not(x, dtype=None):
    t = tensor(x)
    _ints("bitwise_not", t)
    return _cast(F.logical_not(t) if t.dtype == mstype.bool_ else F.bitwise_not(t), dtype)


invert = bitwise_not


def isneginf(x):
    t = tensor(x)
    return F.logical_and(F.isinf(t), F.less(t, 0))


def isposinf(x):
    t = tensor(x)
    return F.logical_and(F.isinf(t), F.greater(t, 0))


# ---------------------------------------------------------------------------------------------- reductions
def _nan_to(t, value):
    return F.where(F.isnan(t), F.full_like(t, value), t) if _is_float(t) else t


def nansum(a, axis=None, dtype=None, keepdims=False):
    t = tensor(a)
    out = F.sum(_nan_to(t, 0), _axis(axis), keepdims)
    return _cast(out if _is_float(t) else F.cast(out, t.dtype), dtype)


def _count(t, axis, keepdims):
    return F.sum(F.cast(F.logical_not(F.isnan(t)), t.dtype), _axis(axis), keepdims)


def nanmean(a, axis=None, dtype=None, keepdims=False):
    t = _float(tensor(a))
    return _cast(F.div(F.sum(_nan_to(t, 0), _axis(axis), keepdims), _count(t, axis, keepdims)), dtype)


def nanvar(a, axis=None, dtype=None, ddof=0, keepdims=False):
    t = _float(tensor(a))
    mu = nanmean(t, axis, keepdims=True)
    sq = _nan_to(F.square(F.sub(t, mu)), 0)
    return _cast(F.div(F.sum(sq, _axis(axis), keepdims), F.sub(_count(t, axis, keepdims), ddof)), dtype)


def nanstd(a, axis=None, dtype=None, ddof=0, keepdims=False):
    return _cast(F.sqrt(nanvar(a, axis, None, ddof, keepdims)), dtype)


def nanmax(a, axis=None, keepdims=False):
    t = tensor(a)
    return amax(_nan_to(t, float("-inf")), axis, keepdims)


def nanmin(a, axis=None, keepdims=False):
    t = tensor(a)
    return amin(_nan_to(t, float("inf")), axis, keepdims)


def nancumsum(a, axis=None, dtype=None):
    t = _nan_to(tensor(a), 0)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.cumsum(t, axis, dtype_of(dtype))


def count_nonzero(x, axis=None, keepdims=False):
    t = tensor(x)
    nz = F.cast(F.not_equal(t, F.zeros_like(t)), mstype.int32)
    return F.cast(F.sum(nz, _axis(axis), keepdims), mstype.int32)


max = amax  # noqa: A001
min = amin  # noqa: A001


def sometrue(a, axis=None, keepdims=False):
    t = F.cast(tensor(a), mstype.bool_)
    return F.any(t, _axis(axis) if axis is not None else None, keepdims)


# ---------------------------------------------------------------------------------------------- linear algebra
def kron(a, b):
    a, b = tensor(a), tensor(b)
    nd = a.ndim if a.ndim > b.ndim else b.ndim
    a = F.reshape(a, (1,) * (nd - a.ndim) + a.shape)
    b = F.reshape(b, (1,) * (nd - b.ndim) + b.shape)
    inter_a = sum(((s, 1) for s in a.shape), ())
    inter_b = sum(((1, s) for s in b.shape), ())
    out = F.mul(F.reshape(a, inter_a), F.reshape(b, inter_b))
    return F.reshape(out, tuple(p * q for p, q in zip(a.shape, b.shape)))


def tensordot(a, b, axes=2):
    a, b = tensor(a), tensor(b)
    if isinstance(axes, int):
        if axes < 0 or axes > a.ndim or axes > b.ndim:
            raise ValueError(f"For 'tensordot', axes={axes} is out of range for the shapes {a.shape} and {b.shape}.")
        axes = (tuple(range(a.ndim - axes, a.ndim)), tuple(range(axes)))
    xa, xb = axes
    xa = (xa,) if isinstance(xa, int) else tuple(xa)
    xb = (xb,) if isinstance(xb, int) else tuple(xb)
    return F.tensor_dot(a, b, (xa, xb))


def multi_dot(arrays):
    ts = [tensor(t) for t in arrays]
    if len(ts) < 2:
        raise ValueError(f"For 'multi_dot', at least 2 arrays are needed, but got {len(ts)}.")
    first_1d, last_1d = ts[0].ndim == 1, ts[-1].ndim == 1
    if first_1d:
        ts[0] = F.reshape(ts[0], (1, -1))
    if last_1d:
        ts[-1] = F.reshape(ts[-1], (-1, 1))
    out = ts[0]
    for t in ts[1:]:
        out = F.matmul(out, t)
    if first_1d and last_1d:
        return F.reshape(out, ())
    if first_1d or last_1d:
        return F.reshape(out, (-1,))
    return out


def norm(x, ord=None, axis=None, keepdims=False):  # noqa: A002
    """Vector norms over one axis, matrix norms ('fro', 1, -1, inf, -inf, 2, -2) over two; 'nuc' is not
    implemented (as in MindSpore 2.10)."""
    t = _float(tensor(x))
    if axis is None:
        if ord is None:
            return _norm_out(F.sqrt(F.sum(F.square(t))), t, tuple(range(t.ndim)), keepdims)
        axis = tuple(range(t.ndim))
    axis = (axis,) if isinstance(axis, int) else tuple(axis)
    axis = tuple(a % t.ndim for a in axis)
    if len(axis) == 1:
        return F.vector_norm(t, 2 if ord is None else ord, axis, keepdims)
    if len(axis) != 2:
        raise ValueError(f"For 'norm', axis must name 1 or 2 dimensions, but got {axis}.")
    if ord == "nuc":
        raise NotImplementedError("nuclear norm is not implemented")
    r, c = axis
    if ord in (None, "fro"):
        out = F.sqrt(F.sum(F.square(t), axis))
    elif ord in (1, -1):
        s = F.sum(F.abs(t), r)
        out = (amax if ord == 1 else amin)(s, c - 1 if c > r else c)
    elif ord in (float("inf"), float("-inf")):
        s = F.sum(F.abs(t), c)
        out = (amax if ord > 0 else amin)(s, r - 1 if r > c else r)
    elif ord in (2, -2):
        m = F.moveaxis(F.moveaxis(t, r, -2), c if c > r else c + 1, -1) if (r, c) != (t.ndim - 2, t.ndim - 1) else t
        sv = F.svd(m, compute_uv=False)
        out = (amax if ord == 2 else amin)(sv, -1)
    else:
        raise ValueError(f"For 'norm', invalid norm order {ord!r} for matrices.")
    return _norm_out(out, t, axis, keepdims)


def _norm_out(out, t, axis, keepdims):
    if not keepdims:
        return out
    return F.reshape(out, tuple(1 if i in axis else s for i, s in enumerate(t.shape)))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """The cross product of vectors of 3 (or 2) components along the given axes."""
    a, b = tensor(a), tensor(b)
    if axis is not None:
        axisa = axisb = axisc = axis
    a, b = F.moveaxis(a, axisa, -1), F.moveaxis(b, axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError(f"For 'cross', incompatible dimensions for cross product (dimension must be 2 or 3): "
                         f"{a.shape} and {b.shape}.")
    dt = mstype.promote(a.dtype, b.dtype)
    a, b = F.cast(a, dt), F.cast(b, dt)
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else None
    b2 = b[..., 2] if b.shape[-1] == 3 else None
    if a2 is None and b2 is None:
        return F.sub(F.mul(a0, b1), F.mul(a1, b0))
    a2 = a2 if a2 is not None else F.zeros_like(a0)
    b2 = b2 if b2 is not None else F.zeros_like(b0)
    out = F.stack([F.sub(F.mul(a1, b2), F.mul(a2, b1)), F.sub(F.mul(a2, b0), F.mul(a0, b2)),
                   F.sub(F.mul(a0, b1), F.mul(a1, b0))], -1)
    return F.moveaxis(out, -1, axisc)


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
__all__ += ["max", "min"]
