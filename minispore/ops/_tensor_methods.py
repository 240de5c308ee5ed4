"""Tensor methods with MindSpore's Tensor signatures (which differ from the ops functions in places:
``t.max()`` returns values only, ``t.sum(axis, dtype, keepdims)``, ``t.reshape(*shape)``...)."""
import builtins
import numbers

from .._core import dtype as mstype
from .._core.errors import InputTypeError
from .._core.tensor import TENSOR_METHODS, Tensor, hook_list
from . import function as F


def _shape_args(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return tuple(shape[0])
    return shape


def reshape(self, *shape):
    return F.reshape(self, _shape_args(shape))


def view(self, *shape):
    """``t.view(*shape)`` reshapes; ``t.view(dtype)`` reinterprets the bytes as ``dtype`` (as MindSpore 2.10: the last
    dimension is rescaled by the ratio of the item sizes); neither is differentiable through the bytes."""
    if len(shape) == 1 and isinstance(shape[0], mstype.Type):
        dtype = shape[0]
        if not mstype.is_concrete(dtype):
            raise TypeError(f"For 'Tensor.view', the dtype must be a concrete type such as mindspore.int32, but got "
                            f"{dtype!r}.")
        host = self.asnumpy()
        try:
            return Tensor.from_numpy(host.view(dtype.np_dtype).copy())
        except ValueError as e:
            raise ValueError(f"For 'Tensor.view', a tensor of shape {self.shape} and dtype {self.dtype} cannot be "
                             f"viewed as {dtype}: {e}") from None
    return F.reshape(self, _shape_args(shape))


def transpose(self, *axes, **dims):
    """``t.transpose(dim0, dim1)`` swaps two dimensions (MindSpore 2.10's first overload, also with ``dim0=``/
    ``dim1=``); otherwise the arguments are a full permutation (``t.transpose(2, 0, 1)``, ``t.transpose((2, 0, 1))``)
    and no argument reverses the dimensions."""
    if dims:
        if set(dims) - {"dim0", "dim1"}:
            raise TypeError(f"transpose() got an unexpected keyword argument {sorted(set(dims) - {'dim0', 'dim1'})[0]!r}")
        axes = axes + tuple(dims[k] for k in ("dim0", "dim1") if k in dims)
    if len(axes) == 2 and _is_int(axes[0]) and _is_int(axes[1]):
        return F.swapaxes(self, axes[0], axes[1])
    axes = _shape_args(axes)
    if not axes:
        axes = tuple(range(self.ndim - 1, -1, -1))
    elif len(axes) != self.ndim:
        raise ValueError(f"For Tensor.transpose, the number of axes must be equal to the dimension of Tensor, "
                         f"but got {len(axes)} in the number of axes.")
    return F.transpose(self, axes)


def permute(self, *axis):
    return F.transpose(self, _shape_args(axis))


# ----------------------------------------------------------------------------- overloaded reductions
# MindSpore 2.10 resolves these methods between two signatures, first match wins (positional arguments bind in
# order, keywords must be that signature's names, types must fit).  The torch-style one comes first for max/min:
# ``t.max(1)`` / ``t.max(dim=1)`` return ``(values, indices)`` while ``t.max(axis=1, keepdims=True)`` returns the
# values; ``t.mean(0, keepdims=True)`` fits neither and raises TypeError.
_REQ = object()


def _is_int(v):
    return isinstance(v, numbers.Integral) and not _is_bool(v)


def _is_bool(v):
    return isinstance(v, bool) or type(v).__name__ == "bool_"     # NumPy's bool scalar


def _is_axes(v):
    return v is None or _is_int(v) or isinstance(v, (tuple, list, Tensor))


def _is_opt_int(v):
    return v is None or _is_int(v)


def _is_dtype(v):
    return v is None or isinstance(v, (mstype.Type, str, type)) or type(v).__name__.startswith("dtype")


def _is_number(v):
    return v is None or isinstance(v, numbers.Number)


def _any(v):
    return True


def _match(sig, args, kwargs):
    """Bind ``args``/``kwargs`` to ``sig`` (a tuple of (name, check, default, keyword_only)); None if they don't fit."""
    if len(args) > len(sig):
        return None
    bound = {}
    for i, (name, check, default, kwonly) in enumerate(sig):
        if i < len(args):
            if kwonly or name in kwargs:
                return None
            v = args[i]
        elif name in kwargs:
            v = kwargs[name]
        elif default is _REQ:
            return None
        else:
            bound[name] = default
            continue
        if not check(v):
            return None
        bound[name] = v
    for name in kwargs:
        if name not in bound:
            return None
    return bound


def _resolve(method, sigs, args, kwargs):
    for k, sig in enumerate(sigs):
        bound = _match(sig, args, kwargs)
        if bound is not None:
            return k, bound
    shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
    valid = " or ".join("Tensor.%s(%s)" % (method, ", ".join(("*, " if kw else "") + n for n, _, _, kw in sig))
                        for sig in sigs)
    raise TypeError(f"Failed calling {method} with \"{method}({shown})\". The valid calling should be: {valid}")


def _sig(*params):
    return tuple(p if len(p) == 4 else p + (False,) for p in params)


_EXTREME_SIGS = (
    _sig(("dim", _is_int, _REQ), ("keepdim", _is_bool, False)),
    _sig(("axis", _is_axes, None), ("keepdims", _is_bool, False), ("initial", _is_number, None, True),
         ("where", _any, None, True), ("return_indices", _is_bool, False, True)),
)


def _extreme(self, name, fn, amfn, combine, args, kwargs):
    k, b = _resolve(name, _EXTREME_SIGS, args, kwargs)
    if k == 0:
        return fn(self, b["dim"], b["keepdim"])
    axis, keepdims = b["axis"], b["keepdims"]
    if b["where"] is not None:
        raise NotImplementedError(f"Tensor.{name}(where=...) is not supported by minispore")
    if axis is None or _is_int(axis):
        values, indices = fn(self, axis, keepdims)
    else:
        values, indices = amfn(self, tuple(axis), keepdims), None
    if b["initial"] is not None:
        values = combine(values, b["initial"])
    return (values, indices) if b["return_indices"] and indices is not None else values


def max(self, *args, **kwargs):
    return _extreme(self, "max", F.max, F.amax, F.maximum, args, kwargs)


def min(self, *args, **kwargs):
    return _extreme(self, "min", F.min, F.amin, F.minimum, args, kwargs)


_SUM_SIGS = (
    _sig(("dim", _is_axes, None), ("keepdim", _is_bool, False), ("dtype", _is_dtype, None, True)),
    _sig(("axis", _is_axes, None), ("dtype", _is_dtype, None), ("keepdims", _is_bool, False),
         ("initial", _is_number, None)),
)


def _axis_arg(axis):
    return int(axis.item()) if isinstance(axis, Tensor) else axis


def sum(self, *args, **kwargs):
    k, b = _resolve("sum", _SUM_SIGS, args, kwargs)
    if k == 0:
        return F.sum(self, _axis_arg(b["dim"]), b["keepdim"], dtype=b["dtype"])
    out = F.sum(self, _axis_arg(b["axis"]), b["keepdims"], dtype=b["dtype"])
    return out if b["initial"] is None else F.add(out, b["initial"])


_MEAN_SIGS = (
    _sig(("dim", _is_axes, None), ("keepdim", _is_bool, False), ("dtype", _is_dtype, None, True)),
    _sig(("axis", _is_axes, None), ("keep_dims", _is_bool, False)),
)


def mean(self, *args, **kwargs):
    k, b = _resolve("mean", _MEAN_SIGS, args, kwargs)
    x = self
    if k == 0:
        if b["dtype"] is not None:
            x = F.cast(x, mstype.canonical(b["dtype"]))
        return F.mean(x, _axis_arg(b["dim"]), b["keepdim"])
    return F.mean(x, _axis_arg(b["axis"]), b["keep_dims"])


_ARG_SIGS = (
    _sig(("dim", _is_opt_int, None), ("keepdim", _is_bool, False)),
    _sig(("axis", _is_opt_int, None), ("keepdims", _is_bool, False)),
)


def argmax(self, *args, **kwargs):
    k, b = _resolve("argmax", _ARG_SIGS[::-1], args, kwargs)
    return F.argmax(self, b["axis"], b["keepdims"]) if k == 0 else F.argmax(self, b["dim"], b["keepdim"])


def argmin(self, *args, **kwargs):
    k, b = _resolve("argmin", _ARG_SIGS, args, kwargs)
    return F.argmin(self, b["dim"], b["keepdim"]) if k == 0 else F.argmin(self, b["axis"], b["keepdims"])


def prod(self, dim=None, keepdim=False, dtype=None):
    return F.prod(self, dim, keepdim, dtype)


_ALL_SIGS = (
    _sig(("axis", _is_axes, None), ("keep_dims", _is_bool, False)),
    _sig(("dim", _is_axes, None), ("keepdim", _is_bool, False)),
)


def all(self, *args, **kwargs):
    k, b = _resolve("all", _ALL_SIGS, args, kwargs)
    return F.all(self, *((b["axis"], b["keep_dims"]) if k == 0 else (b["dim"], b["keepdim"])))


def any(self, *args, **kwargs):
    k, b = _resolve("any", _ALL_SIGS, args, kwargs)
    return F.any(self, *((b["axis"], b["keep_dims"]) if k == 0 else (b["dim"], b["keepdim"])))


def squeeze(self, axis=None):
    return F.squeeze(self, axis)


def expand_dims(self, axis):
    return F.expand_dims(self, axis)


def unsqueeze(self, dim):
    return F.expand_dims(self, dim)


def flatten(self, *args, **kwargs):
    """Tensor.flatten(start_dim=0, end_dim=-1) or Tensor.flatten(order='C', start_dim=0, end_dim=-1)."""
    order = "C"
    if args and isinstance(args[0], str):
        order, args = args[0], args[1:]
    elif "order" in kwargs:
        order = kwargs.pop("order")
    return _flatten(self, order, *args, **kwargs)


def _flatten(self, order, start_dim=0, end_dim=-1):
    return F.flatten(self, order, start_dim=start_dim, end_dim=end_dim)


def clip(self, min=None, max=None):
    return F.clamp(self, min, max)


def var(self, axis=None, ddof=0, keepdims=False):
    return F.var(self, axis, ddof, keepdims)


def std(self, axis=None, ddof=0, keepdims=False):
    return F.std(self, axis, ddof, keepdims)


def repeat(self, repeats, axis=None):
    return F.repeat_interleave(self, repeats, axis)


def fill_(self, value):
    self[...] = value
    return self


def new_ones(self, size, dtype=None):
    return F.ones(size, dtype or self.dtype)


def new_zeros(self, size, dtype=None):
    return F.zeros(size, dtype or self.dtype)


def _other_shape(other, method):
    if not isinstance(other, Tensor):
        raise TypeError(f"For 'Tensor.{method}', 'other' must be a Tensor, but got {type(other).__name__}.")
    return other.shape


def view_as(self, other):
    return F.reshape(self, _other_shape(other, "view_as"))


def reshape_as(self, other):
    return F.reshape(self, _other_shape(other, "reshape_as"))


_core_item = Tensor.item


def item(self, index=None):
    """The element as a Python number; with ``index`` (an int into the flattened tensor, or a tuple of ints), that
    element."""
    if index is not None:
        items = index if isinstance(index, tuple) else (index,)
        if not builtins.all(_is_int(i) for i in items):
            raise TypeError(f"For 'Tensor.item', the index must be an int or a tuple of ints, but got "
                            f"{type(index).__name__} ({index!r}).")
        try:
            return _core_item(self, index)
        except IndexError as e:
            raise IndexError(f"For 'Tensor.item', the index {index!r} does not fit a tensor of shape {self.shape}: "
                             f"{e}.") from None
    return _core_item(self)


def softmax(self, axis=-1):
    return F.softmax(self, axis)


def norm(self, ord=None, dim=None, keepdim=False, *, dtype=None):
    return F.norm(self, ord, dim, keepdim, dtype=dtype)


def split(self, split_size_or_sections, axis=0):
    return F.split(self, split_size_or_sections, axis)


def sort(self, axis=-1, descending=False):
    return F.sort(self, axis, descending)


def cumsum(self, axis=None, dtype=None, *, dim=None):
    if dim is not None:
        if axis is not None:
            raise TypeError("Tensor.cumsum() got both 'axis' and 'dim'")
        axis = dim
    if axis is None:
        return F.cumsum(F.reshape(self, (-1,)), 0, dtype)
    return F.cumsum(self, axis, dtype)


def gather(self, input_indices, axis, batch_dims=0):
    return F.gather(self, input_indices, axis, batch_dims)


def index_select(self, axis, index):
    return F.index_select(self, axis, index)


def masked_fill(self, mask, value):
    return F.masked_fill(self, mask, value)


def where(self, condition, y):
    return F.where(condition, self, y)


def bmm(self, mat2):
    return F.bmm(self, mat2)


def baddbmm(self, batch1, batch2, *, beta=1, alpha=1):
    return F.baddbmm(self, batch1, batch2, beta=beta, alpha=alpha)


def cummax(self, axis):
    return F.cummax(self, axis)


def cummin(self, axis):
    return F.cummin(self, axis)


def scatter(self, axis, index, src):
    return F.scatter(self, axis, index, src)


def gather_nd(self, indices):
    return F.gather_nd(self, indices)


def masked_select(self, mask):
    return F.masked_select(self, mask)


def index_add(self, dim, index, source, *, alpha=1):
    """``self`` with ``alpha * source`` added at the 1-D ``index`` of ``dim`` (functional: MindSpore 2.10 also
    writes the result into ``self``)."""
    if alpha != 1:
        source = F.mul(source, alpha)
    return F.index_add(self, index, source, dim)



# ----------------------------------------------------------------------------- MindSpore 2.10's other methods
# Thin wrappers over the ops functions (self first); where MindSpore's ops function is missing from minispore the
# method is written with the ops minispore has.  Forwarded by name, same signature as the ops function:
_FORWARDED = (
    "acosh", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "asinh", "atanh", "bitwise_not", "eq",
    "ge", "gt", "le", "lt", "ne", "hypot", "inner", "lerp", "logical_xor", "xlogy", "frac", "swapdims", "fold",
    "unfold",
    # linear algebra and special functions (issue 9, item 3, round 3)
    "cholesky", "cholesky_inverse", "cholesky_solve", "det", "digamma", "i0", "igamma", "igammac", "inverse",
    "lgamma", "log_matrix_determinant", "logdet", "lstsq", "matrix_determinant", "mvlgamma", "nextafter", "slogdet",
)


def _float_of(x):
    return x if mstype.kind_of(x._data.dtype) == "f" else F.cast(x, mstype.float32)


def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return F.allclose(self, other, rtol, atol, equal_nan)


def arctan2(self, other):
    return F.atan2(self, other)


def dot(self, other):
    if self.ndim < 2 or getattr(other, "ndim", 0) < 2:
        raise ValueError(f"For 'dot', the inputs x1, x2 should have 'dimension >= 2', but got shapes {self.shape} "
                         f"and {getattr(other, 'shape', None)}.")
    return F.dot(self, other)


def mm(self, mat2):
    return F.mm(self, mat2)


def outer(self, vec2):
    return F.outer(self, vec2)


def ger(self, vec2):
    return F.outer(self, vec2)


def erfc(self):
    return F.sub(1, F.erf(self))


def positive(self):
    return F.identity(self)


def sgn(self):
    return F.sign(self)


def deg2rad(self):
    _check_float("deg2rad", self)
    return F.mul(self, 3.141592653589793 / 180.0)


def rad2deg(self):
    _check_float("rad2deg", self)
    return F.mul(self, 180.0 / 3.141592653589793)


def _check_float(name, x):
    if mstype.kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{name}', the dtype of 'x' must be float16, float32 or float64, but got {x.dtype}.")


def sinc(self):
    x = _float_of(self)
    pix = F.mul(x, 3.141592653589793)
    zero = F.equal(x, 0)
    safe = F.where(zero, F.ones_like(pix), pix)
    return F.where(zero, F.ones_like(pix), F.div(F.sin(safe), safe))


def logaddexp(self, other):
    m = F.maximum(self, other)
    return F.add(m, F.log1p(F.exp(F.neg(F.abs(F.sub(self, other))))))


def logaddexp2(self, other):
    m = F.maximum(self, other)
    d = F.exp2(F.neg(F.abs(F.sub(self, other))))
    return F.add(m, F.div(F.log1p(d), 0.6931471805599453))


def float_power(self, other):
    x = F.cast(self, mstype.float64) if isinstance(self, Tensor) else self
    y = F.cast(other, mstype.float64) if isinstance(other, Tensor) else other
    return F.pow(x, y)


def fmod(self, other):
    if mstype.kind_of(self._data.dtype) in "iu" and not (isinstance(other, Tensor) and
                                                          mstype.kind_of(other._data.dtype) == "f") \
            and not isinstance(other, float):
        q = F.div(self, other, rounding_mode="trunc")
        return F.sub(self, F.mul(q, other))
    return F.sub(self, F.mul(F.trunc(F.div(self, other)), other))


def copysign(self, other):
    x = _float_of(self)
    neg = F.less(other, 0) if not isinstance(other, numbers.Number) else other < 0
    return F.where(neg, F.neg(F.abs(x)), F.abs(x))


def signbit(self):
    return F.less(self, 0)


def heaviside(self, values):
    return F.where(F.equal(self, 0), F.broadcast_to(values, F.shape(self)) if values.shape != self.shape else values,
                   F.cast(F.greater(self, 0), self.dtype))


def fmax(self, other):
    return F.where(F.isnan(other), self, F.where(F.isnan(self), other, F.maximum(self, other)))


def fmin(self, other):
    return F.where(F.isnan(other), self, F.where(F.isnan(self), other, F.minimum(self, other)))


def isposinf(self):
    return F.logical_and(F.isinf(self), F.greater(self, 0))


def isneginf(self):
    return F.logical_and(F.isinf(self), F.less(self, 0))


def _is_complex(t):
    return mstype.kind_of(t._data.dtype) == "c"


def isreal(self):
    if _is_complex(self):
        return F.equal(F.imag(self), 0)
    return F.ones_like(self, dtype=mstype.bool_)


def is_complex(self):
    return _is_complex(self)


def is_signed(self):
    return self.dtype not in (mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64, mstype.bool_)


def real(self):
    return F.real(self) if _is_complex(self) else F.identity(self)


def conj(self):
    return F.conj(self) if _is_complex(self) else F.identity(self)


def imag(self):
    return F.imag(self) if _is_complex(self) else F.zeros_like(self)


def angle(self):
    if _is_complex(self):
        return F.angle(self)
    return F.where(F.less(self, 0), F.full_like(_float_of(self), 3.141592653589793), F.zeros_like(_float_of(self)))


def adjoint(self):
    return F.swapaxes(conj(self), -1, -2)


def _int_check(name, *xs):
    for x in xs:
        if isinstance(x, Tensor) and mstype.kind_of(x._data.dtype) not in "iu":
            raise TypeError(f"For '{name}', the inputs must be integer tensors, but got {x.dtype}.")


def gcd(self, other):
    _int_check("gcd", self, other)
    a, b = F.abs(self), F.abs(other)
    a, b = F.broadcast_to(a, _bshape(a, b)), F.broadcast_to(b, _bshape(a, b))
    while bool(F.any(F.not_equal(b, 0))):
        nz = F.not_equal(b, 0)
        safe = F.where(nz, b, F.ones_like(b))
        a, b = F.where(nz, b, a), F.where(nz, F.remainder(a, safe), b)
    return a


def _bshape(a, b):
    import numpy
    return tuple(numpy.broadcast_shapes(tuple(a.shape), tuple(b.shape)))


def lcm(self, other):
    _int_check("lcm", self, other)
    g = gcd(self, other)
    safe = F.where(F.equal(g, 0), F.ones_like(g), g)
    return F.abs(F.mul(F.floor_divide(self, safe), other))


def ldexp(self, other):
    return F.mul(self, F.pow(2.0, F.cast(other, mstype.float32)))


def bitwise_left_shift(self, other):
    _int_check("bitwise_left_shift", self, other)
    return F.mul(self, F.cast(F.pow(2, other), self.dtype))


def bitwise_right_shift(self, other):
    _int_check("bitwise_right_shift", self, other)
    return F.floor_divide(self, F.cast(F.pow(2, other), self.dtype))


def invert(self):
    return F.bitwise_not(self)


def inv(self):
    return F.reciprocal(self)


def xdivy(self, y):
    return F.where(F.equal(self, 0), F.zeros_like(F.div(self, y)), F.div(self, y))


def hardshrink(self, lambd=0.5):
    return F.where(F.greater(F.abs(self), lambd), self, F.zeros_like(self))


def soft_shrink(self, lambd=0.5):
    return F.where(F.greater(self, lambd), F.sub(self, lambd),
                   F.where(F.less(self, -lambd), F.add(self, lambd), F.zeros_like(self)))


def approximate_equal(self, other, tolerance=1e-05):
    return F.less(F.abs(F.sub(self, other)), tolerance)


# ---- products and accumulations
def addbmm(self, batch1, batch2, *, beta=1, alpha=1):
    return F.add(F.mul(self, beta), F.mul(F.sum(F.bmm(batch1, batch2), 0), alpha))


def addmv(self, mat, vec, *, beta=1, alpha=1):
    return F.add(F.mul(self, beta), F.mul(F.matmul(mat, vec), alpha))


def addr(self, vec1, vec2, beta=1, alpha=1):
    return F.add(F.mul(self, beta), F.mul(F.outer(vec1, vec2), alpha))


def addcmul(self, tensor1, tensor2, value=1):
    return F.add(self, F.mul(F.mul(tensor1, tensor2), value))


def addcdiv(self, tensor1, tensor2, *, value=1):
    return F.add(self, F.mul(F.div(tensor1, tensor2), value))


def add(self, other, *, alpha=1):
    return F.add(self, other if alpha == 1 else F.mul(other, alpha))


def sub(self, other, *, alpha=1):
    return F.sub(self, other if alpha == 1 else F.mul(other, alpha))


def trace(self, offset=0, axis1=0, axis2=1, dtype=None):
    d = diagonal(self, offset, axis1, axis2)
    return F.sum(d, -1, dtype=dtype)


def diagonal(self, offset=0, axis1=0, axis2=1):
    nd = self.ndim
    a1, a2 = axis1 % nd, axis2 % nd
    if a1 == a2:
        raise ValueError(f"For 'diagonal', 'axis1' and 'axis2' must be different, but both are {axis1}.")
    rest = [i for i in range(nd) if i not in (a1, a2)]
    x = F.transpose(self, tuple(rest + [a1, a2]))
    n, m = x.shape[-2], x.shape[-1]
    rows = [i for i in range(n) if 0 <= i + offset < m]
    if not rows:
        return F.zeros(tuple(x.shape[:-2]) + (0,), self.dtype)
    flat = F.reshape(x, tuple(x.shape[:-2]) + (n * m,))
    idx = Tensor([i * m + i + offset for i in rows], mstype.int64)
    return F.gather(flat, idx, len(rest))


def diagflat(self, offset=0):
    v = F.reshape(self, (-1,))
    n = v.shape[0] + builtins.abs(offset)
    eye = F.eye(n, n, self.dtype)
    base = F.zeros((n, n), self.dtype)
    pad = F.concat([v, F.zeros((builtins.abs(offset),), self.dtype)]) if offset else v
    rolled = F.mul(F.roll(F.mul(F.eye(n, n, self.dtype), F.expand_dims(pad, 0)), offset, 1), 1) \
        if offset > 0 else None
    if offset == 0:
        return F.mul(eye, F.expand_dims(v, 0))
    if offset > 0:
        return F.add(base, rolled)
    return F.transpose(diagflat(self, -offset), (1, 0))


def diff(self, n=1, axis=-1, prepend=None, append=None):
    x = self
    parts = [p for p in (prepend, x, append) if p is not None]
    if len(parts) > 1:
        x = F.concat(parts, axis)
    for _ in range(n):
        k = x.shape[axis]
        hi = F.narrow(x, axis, 1, k - 1)
        lo = F.narrow(x, axis, 0, k - 1)
        x = F.logical_xor(hi, lo) if x.dtype == mstype.bool_ else F.sub(hi, lo)
    return x


def logcumsumexp(self, axis):
    m = F.amax(self, axis, True)
    m = F.where(F.isinf(m), F.zeros_like(m), m)
    return F.add(F.log(F.cumsum(F.exp(F.sub(self, m)), axis)), m)


def cross(self, other, dim=None):
    if dim is None:
        dim = next((i for i, s in enumerate(self.shape) if s == 3), None)
        if dim is None:
            raise ValueError(f"For 'cross', no dimension of size 3 in input of shape {self.shape}.")
    if self.shape[dim] != 3:
        raise ValueError(f"For 'cross', the size of dimension {dim} must be 3, but got {self.shape[dim]}.")
    a = [F.narrow(self, dim, i, 1) for i in range(3)]
    b = [F.narrow(other, dim, i, 1) for i in range(3)]
    return F.concat([F.sub(F.mul(a[1], b[2]), F.mul(a[2], b[1])), F.sub(F.mul(a[2], b[0]), F.mul(a[0], b[2])),
                     F.sub(F.mul(a[0], b[1]), F.mul(a[1], b[0]))], dim)


def cov(self, *, correction=1, fweights=None, aweights=None):
    x = _float_of(self)
    if x.ndim == 1:
        x = F.expand_dims(x, 0)
    n = x.shape[1]
    w = None
    if fweights is not None:
        w = F.cast(fweights, x.dtype)
    if aweights is not None:
        w = aweights if w is None else F.mul(w, aweights)
    if w is None:
        avg = F.mean(x, 1, True)
        xc = F.sub(x, avg)
        c = F.div(F.matmul(xc, F.transpose(xc, (1, 0))), n - correction)
    else:
        ws = F.sum(w)
        avg = F.div(F.sum(F.mul(x, w), 1, True), ws)
        if aweights is None or correction == 0:
            norm = F.sub(ws, correction)
        else:
            norm = F.sub(ws, F.div(F.mul(F.sum(F.mul(w, aweights)), correction), ws))
        xc = F.sub(x, avg)
        c = F.div(F.matmul(F.mul(xc, w), F.transpose(xc, (1, 0))), norm)
    return F.squeeze(c) if self.ndim == 1 or c.shape == (1, 1) else c


def renorm(self, p, axis, maxnorm):
    dims = tuple(i for i in range(self.ndim) if i != axis % self.ndim)
    norms = F.pow(F.sum(F.pow(F.abs(self), p), dims, True), 1.0 / p)
    scale = F.where(F.greater(norms, maxnorm), F.div(maxnorm, F.add(norms, 1e-7)), F.ones_like(norms))
    return F.mul(self, scale)


def nansum(self, axis=None, keepdims=False, *, dtype=None):
    return F.sum(F.where(F.isnan(self), F.zeros_like(self), self), axis, keepdims, dtype=dtype)


def nanmean(self, axis=None, keepdims=False, *, dtype=None):
    ok = F.logical_not(F.isnan(self))
    s = F.sum(F.where(ok, self, F.zeros_like(self)), axis, keepdims)
    out = F.div(s, F.cast(F.sum(F.cast(ok, mstype.int32), axis, keepdims), s.dtype))
    return out if dtype is None else F.cast(out, mstype.canonical(dtype))


def ptp(self, axis=None, keepdims=False):
    return F.sub(F.amax(self, axis, keepdims), F.amin(self, axis, keepdims))


def aminmax(self, *, axis=0, keepdims=False):
    return F.amin(self, axis, keepdims), F.amax(self, axis, keepdims)


def argmax_with_value(self, axis=0, keep_dims=False):
    return F.max(self, axis, keep_dims)     # (values, indices), as MindSpore 2.10 returns them


def argmin_with_value(self, axis=0, keep_dims=False):
    return F.min(self, axis, keep_dims)


def argwhere(self):
    return F.nonzero(self)


def msort(self):
    return F.sort(self, 0)[0]


def kthvalue(self, k, dim=-1, keepdim=False):
    values, indices = F.sort(self, dim)
    v = F.narrow(values, dim, k - 1, 1)
    i = F.narrow(indices, dim, k - 1, 1)
    if not keepdim:
        v, i = F.squeeze(v, dim), F.squeeze(i, dim)
    return v, F.cast(i, mstype.int64)


def top_k(self, k, sorted=True):
    return F.topk(self, k, sorted=sorted)


def searchsorted(self, v, side='left', sorter=None, *, out_int32=True):
    """Positions that keep the last axis sorted if ``v``'s values were inserted there (one count per value)."""
    seq = self if sorter is None else F.gather_elements(self, -1, sorter)
    vv = v if isinstance(v, Tensor) else Tensor(v, seq.dtype)
    s = F.expand_dims(seq, -2) if seq.ndim > 1 else F.reshape(seq, (1,) * vv.ndim + seq.shape)
    cmp = F.less(s, F.expand_dims(vv, -1)) if side == 'left' else F.less_equal(s, F.expand_dims(vv, -1))
    return F.cast(F.sum(F.cast(cmp, mstype.int32), -1), mstype.int32 if out_int32 else mstype.int64)


def bincount(self, weights=None, minlength=0):
    n = builtins.max(int(F.amax(self).item()) + 1 if self.size else 0, minlength)
    oh = F.cast(F.one_hot(self, n, Tensor(1, mstype.int64), Tensor(0, mstype.int64)), mstype.int64)
    if weights is not None:
        return F.sum(F.mul(F.cast(oh, weights.dtype), F.expand_dims(weights, -1)), 0)
    return F.cast(F.sum(oh, 0), mstype.float32)     # MindSpore 2.10's counts are Float32


def histc(self, bins=100, min=0, max=0):
    lo, hi = float(min), float(max)
    if lo == hi:
        lo, hi = float(F.amin(self).item()), float(F.amax(self).item())
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    x = F.reshape(_float_of(self), (-1,))
    inside = F.logical_and(F.greater_equal(x, lo), F.less_equal(x, hi))
    pos = F.cast(F.floor(F.mul(F.sub(x, lo), bins / (hi - lo))), mstype.int64)
    pos = F.clamp(pos, 0, bins - 1)
    oh = F.one_hot(pos, bins, Tensor(1.0, x.dtype), Tensor(0.0, x.dtype))
    return F.sum(F.mul(oh, F.expand_dims(F.cast(inside, x.dtype), -1)), 0)


# ---- shape and selection
def expand(self, *size):
    return F.broadcast_to(self, _shape_args(size))


def fliplr(self):
    return F.flip(self, (1,))


def flipud(self):
    return F.flip(self, (0,))


def reverse(self, axis):
    return F.flip(self, axis)


def rot90(self, k, dims):
    k = k % 4
    d0, d1 = dims
    if k == 0:
        return F.identity(self)
    if k == 2:
        return F.flip(self, (d0, d1))
    if k == 1:
        return F.swapaxes(F.flip(self, (d1,)), d0, d1)
    return F.flip(F.swapaxes(self, d0, d1), (d1,))


def movedim(self, source, destination):
    return F.moveaxis(self, source, destination)


def ndimension(self):
    return self.ndim


def _sections(self, indices_or_sections, axis, name):
    size = self.shape[axis]
    if _is_int(indices_or_sections):
        n = indices_or_sections
        if n <= 0:
            raise ValueError(f"For '{name}', the number of sections must be positive, but got {n}.")
        q, r = divmod(size, n)
        bounds = [0]
        for i in range(n):
            bounds.append(bounds[-1] + q + (1 if i < r else 0))
    else:
        bounds = [0] + [builtins.min(builtins.max(int(i), 0), size) for i in indices_or_sections] + [size]
    return tuple(F.narrow(self, axis, a, builtins.max(b - a, 0)) if b > a else
                 _empty_along(self, axis) for a, b in zip(bounds[:-1], bounds[1:]))


def _empty_along(x, axis):
    shape = list(x.shape)
    shape[axis] = 0
    return F.zeros(tuple(shape), x.dtype)


def tensor_split(self, indices_or_sections, axis=0):
    return _sections(self, indices_or_sections, axis, "tensor_split")


def hsplit(self, indices_or_sections):
    return _sections(self, indices_or_sections, 1 if self.ndim > 1 else 0, "hsplit")


def vsplit(self, indices_or_sections):
    return _sections(self, indices_or_sections, 0, "vsplit")


def dsplit(self, indices_or_sections):
    return _sections(self, indices_or_sections, 2, "dsplit")


def take(self, indices, axis=None, mode='clip'):
    x = F.reshape(self, (-1,)) if axis is None else self
    ax = 0 if axis is None else axis
    n = x.shape[ax]
    if mode == 'clip':
        idx = F.clamp(indices, 0, n - 1)
    elif mode == 'wrap':
        idx = F.remainder(indices, n)
    elif mode == 'raise':
        idx = indices
    else:
        raise ValueError(f"For 'take', 'mode' must be 'raise', 'wrap' or 'clip', but got {mode!r}.")
    return F.gather(x, idx, ax)


def choose(self, choices, mode='clip'):
    n = len(choices)
    idx = F.clamp(self, 0, n - 1) if mode == 'clip' else F.remainder(self, n) if mode == 'wrap' else self
    stacked = F.stack([F.broadcast_to(c if isinstance(c, Tensor) else Tensor(c), self.shape) for c in choices])
    return F.squeeze(F.gather_elements(stacked, 0, F.expand_dims(F.cast(idx, mstype.int64), 0)), 0)


def select(self, dim, index):
    return F.squeeze(F.narrow(self, dim, index % self.shape[dim], 1), dim)


def index_fill(self, axis, index, value):
    idx = index if isinstance(index, Tensor) else Tensor(index, mstype.int32)
    n = self.shape[axis]
    hit = F.reduce_any(F.equal(F.expand_dims(F.arange(n), -1), F.reshape(idx, (1, -1))), 1) \
        if hasattr(F, "reduce_any") else F.any(F.equal(F.expand_dims(F.arange(n), -1), F.reshape(idx, (1, -1))), 1)
    shape = [1] * self.ndim
    shape[axis] = n
    v = value if isinstance(value, Tensor) else Tensor(value, self.dtype)
    return F.where(F.reshape(hit, tuple(shape)), F.cast(v, self.dtype), self)


def masked_scatter(self, mask, source):
    m = F.broadcast_to(mask, self.shape)
    pos = F.sub(F.cumsum(F.cast(F.reshape(m, (-1,)), mstype.int64), 0), 1)
    pos = F.clamp(pos, 0, None)
    taken = F.reshape(F.gather(F.reshape(source, (-1,)), pos, 0), self.shape)
    return F.where(m, taken, self)


def index_put(self, indices, values, accumulate=False):
    idx = tuple(indices)
    if accumulate:
        out = F.identity(self)
        cur = out[idx]
        out[idx] = F.add(cur, values)
        return out
    out = F.identity(self)
    out[idx] = values
    return out


def slice_scatter(self, src, axis=0, start=None, end=None, step=1):
    index = [slice(None)] * self.ndim
    index[axis] = slice(start, end, step)
    out = F.identity(self)
    out[tuple(index)] = src
    return out


def select_scatter(self, src, axis, index):
    return slice_scatter(self, F.expand_dims(src, axis), axis, index, index + 1 if index != -1 else None)


def diagonal_scatter(self, src, offset=0, dim1=0, dim2=1):
    n, m = self.shape[dim1], self.shape[dim2]
    rows = [i for i in range(n) if 0 <= i + offset < m]
    a1, a2 = dim1 % self.ndim, dim2 % self.ndim
    perm = [i for i in range(self.ndim) if i not in (a1, a2)] + [a1, a2]
    moved = F.transpose(self, tuple(perm))
    r = Tensor(rows, mstype.int64)
    c = Tensor([i + offset for i in rows], mstype.int64)
    moved[..., r, c] = src
    inverse = [perm.index(i) for i in range(self.ndim)]
    return F.transpose(moved, tuple(inverse))


def fill_diagonal(self, fill_value, wrap=False):
    out = F.identity(self)
    n = builtins.min(self.shape)
    if self.ndim == 2 and wrap and self.shape[0] > self.shape[1] + 1:
        rows = [i for i in range(self.shape[0]) if i % (self.shape[1] + 1) < self.shape[1]]
        cols = [i % (self.shape[1] + 1) for i in rows]
    else:
        rows = list(range(n))
        cols = rows
    idx = tuple(Tensor(rows if k == 0 else cols if self.ndim == 2 else rows, mstype.int64)
                for k in range(self.ndim))
    out[idx] = fill_value
    return out


def scatter_add(self, dim, index, src):
    return F.tensor_scatter_elements(self, index, src, dim, "add")


def _nd_scatter(self, indices, updates, kind):
    out = F.identity(self)
    import numpy
    host = numpy.asarray(indices.asnumpy()).reshape(-1, indices.shape[-1])
    upd = F.reshape(updates, (host.shape[0],) + tuple(self.shape[indices.shape[-1]:]))
    for k, row in enumerate(host):
        where = tuple(int(i) for i in row)
        cur = out[where]
        u = upd[k]
        out[where] = {"sub": F.sub, "mul": F.mul, "div": F.div, "max": F.maximum, "min": F.minimum}[kind](cur, u)
    return out


def scatter_sub(self, indices, updates):
    return _nd_scatter(self, indices, updates, "sub")


def scatter_mul(self, indices, updates):
    return _nd_scatter(self, indices, updates, "mul")


def scatter_div(self, indices, updates):
    return _nd_scatter(self, indices, updates, "div")


def scatter_max(self, indices, updates):
    return _nd_scatter(self, indices, updates, "max")


def scatter_min(self, indices, updates):
    return _nd_scatter(self, indices, updates, "min")


def _segments(self, segment_ids, num_segments, reduce, init):
    ids = F.reshape(segment_ids, (-1,))
    x = F.reshape(self, (ids.shape[0],) + tuple(self.shape[segment_ids.ndim:]))
    hit = F.equal(F.expand_dims(F.arange(num_segments, dtype=ids.dtype), -1), F.expand_dims(ids, 0))
    hit = F.reshape(hit, hit.shape + (1,) * (x.ndim - 1))
    filled = F.where(hit, F.expand_dims(x, 0), F.full_like(F.expand_dims(x, 0), init))
    return reduce(filled, 1)


def unsorted_segment_max(self, segment_ids, num_segments):
    import numpy
    low = numpy.finfo(self.dtype.np_dtype).min if mstype.kind_of(self._data.dtype) == "f" else \
        numpy.iinfo(self.dtype.np_dtype).min
    return _segments(self, segment_ids, num_segments, F.amax, low)


def unsorted_segment_min(self, segment_ids, num_segments):
    import numpy
    high = numpy.finfo(self.dtype.np_dtype).max if mstype.kind_of(self._data.dtype) == "f" else \
        numpy.iinfo(self.dtype.np_dtype).max
    return _segments(self, segment_ids, num_segments, F.amin, high)


def unsorted_segment_prod(self, segment_ids, num_segments):
    return _segments(self, segment_ids, num_segments, F.prod, 1)


def sum_to_size(self, *size):
    size = _shape_args(size)
    lead = self.ndim - len(size)
    x = F.sum(self, tuple(range(lead))) if lead > 0 else self
    axes = tuple(i for i, s in enumerate(size) if s == 1 and x.shape[i] != 1)
    return F.sum(x, axes, True) if axes else x


def inplace_update(self, v, indices):
    out = F.identity(self)
    idx = Tensor([indices], mstype.int64) if _is_int(indices) else indices
    out[idx] = F.reshape(v, (idx.shape[0],) + tuple(self.shape[1:]))
    return out


def unique_consecutive(self, return_inverse=False, return_counts=False, dim=None):
    import numpy
    host = self.asnumpy().reshape(-1) if dim is None else self.asnumpy()
    if dim is None:
        keep = numpy.ones(host.shape[0], bool)
        keep[1:] = host[1:] != host[:-1]
        vals = host[keep]
        inverse = numpy.cumsum(keep) - 1
        counts = numpy.diff(numpy.append(numpy.nonzero(keep)[0], host.shape[0]))
        out = (Tensor.from_numpy(vals), Tensor.from_numpy(inverse.reshape(self.shape).astype(numpy.int64)),
               Tensor.from_numpy(counts.astype(numpy.int64)))
    else:
        moved = numpy.moveaxis(host, dim, 0)
        keep = numpy.ones(moved.shape[0], bool)
        keep[1:] = (moved[1:] != moved[:-1]).reshape(moved.shape[0] - 1, -1).any(1)
        vals = numpy.moveaxis(moved[keep], 0, dim)
        inverse = numpy.cumsum(keep) - 1
        counts = numpy.diff(numpy.append(numpy.nonzero(keep)[0], moved.shape[0]))
        out = (Tensor.from_numpy(numpy.ascontiguousarray(vals)), Tensor.from_numpy(inverse.astype(numpy.int64)),
               Tensor.from_numpy(counts.astype(numpy.int64)))
    if return_inverse and return_counts:
        return out
    if return_inverse:
        return out[0], out[1]
    if return_counts:
        return out[0], out[2]
    return out[0]


# ---- conversion and bookkeeping
def type_as(self, other):
    if not isinstance(other, Tensor):
        raise TypeError(f"For 'Tensor.type_as', 'other' must be a Tensor, but got {type(other).__name__}.")
    return F.cast(self, other.dtype)


def _type_method(self, dtype=None):
    """``t.type()`` names the dtype ('Float32'); ``t.type(dtype)`` casts."""
    if dtype is None:
        return str(self.dtype)
    return F.cast(self, mstype.canonical(dtype))


def to(self, *args, **kwargs):
    """``t.to(dtype)`` casts; a device (a string) is accepted and ignored, as on MindSpore's CPU build."""
    dtype = kwargs.pop("dtype", None)
    kwargs.pop("non_blocking", None)
    kwargs.pop("copy", None)
    kwargs.pop("device", None)
    if kwargs:
        raise TypeError(f"Tensor.to() got an unexpected keyword argument {sorted(kwargs)[0]!r}")
    for a in args:
        if isinstance(a, Tensor):
            dtype = a.dtype
        elif isinstance(a, str):
            if a.lower() not in ("cpu", "npu", "ascend", "meta"):
                raise InputTypeError(f"For 'Tensor.to', the device must be 'cpu' (or 'npu', 'Ascend', 'meta'), but got "
                                 f"{a!r}: it is not a device name.")
            if a.lower() != "cpu":
                raise RuntimeError(f"For 'Tensor.to', minispore runs on the CPU only: device {a!r} is not available.")
            continue
        elif a is not None and not _is_bool(a):
            dtype = a
    return self if dtype is None else F.cast(self, mstype.canonical(dtype))


def byte(self):
    return F.cast(self, mstype.uint8)


def short(self):
    return F.cast(self, mstype.int16)


def bfloat16(self):
    return F.cast(self, mstype.bfloat16)


def new_full(self, size, fill_value, *, dtype=None):
    return F.full(tuple(_shape_args((size,)) if not _is_int(size) else (size,)), fill_value,
                  dtype=dtype or self.dtype)


def new_empty(self, size, *, dtype=None, device=None):
    return F.zeros(tuple(size) if not _is_int(size) else (size,), dtype or self.dtype)


def new_tensor(self, data, *, dtype=None):
    return Tensor(data, dtype or self.dtype)


def fill(self, value):
    return F.full_like(self, value.item() if isinstance(value, Tensor) else value)


def fills(self, value):
    return F.full_like(self, value.item() if isinstance(value, Tensor) else value)


def value(self):
    return self


def stride(self, dim=None):
    s = [1] * self.ndim
    for i in range(self.ndim - 2, -1, -1):
        s[i] = s[i + 1] * self.shape[i + 1]
    return s if dim is None else s[dim]


def storage_offset(self):
    return 0


def data_ptr(self):
    return int(self.asnumpy().ctypes.data)


def get_bytes(self):
    return self.asnumpy().tobytes()


def is_init(self):
    return False


def set_const_arg(self, const_arg=True):
    return self


def data_sync(self, wait=True):
    return self


def wait_pipeline(self):
    return self


def requires_grad_(self, requires_grad=True):
    return None


def resize(self, *new_shape):
    import numpy
    shape = _shape_args(new_shape)
    flat = self.asnumpy().reshape(-1)
    n = int(numpy.prod(shape)) if shape else 1
    out = numpy.zeros(n, flat.dtype)
    out[:builtins.min(n, flat.size)] = flat[:builtins.min(n, flat.size)]
    return Tensor.from_numpy(out.reshape(shape))


def itemset(self, *args):
    if not args:
        raise ValueError("For 'Tensor.itemset', at least one argument is needed.")
    value, where = args[-1], args[:-1]
    out = self.asnumpy().copy()
    if where:
        out.itemset(*where, value) if hasattr(out, "itemset") else _np_itemset(out, where, value)
    else:
        out.reshape(-1)[0] = value if out.size == 1 else _only_one(self)
    return Tensor.from_numpy(out)


def _np_itemset(out, where, value):
    if len(where) == 1 and _is_int(where[0]):
        out.reshape(-1)[where[0]] = value
    else:
        out[tuple(where[0]) if len(where) == 1 else where] = value


def _only_one(self):
    raise ValueError(f"For 'Tensor.itemset', a tensor of shape {self.shape} needs the position of the item.")


# ---- in place: the result is written into ``self`` (rebound as __setitem__ does: recorded under grad, refused
# inside jit for a tensor made outside the compiled function)
def _into(self, out, method):
    if out.dtype != self.dtype:
        out = F.cast(out, self.dtype)
    if tuple(out.shape) != tuple(self.shape):
        raise ValueError(f"For 'Tensor.{method}', the result of shape {out.shape} cannot be written into a tensor of "
                         f"shape {self.shape}.")
    self[...] = out
    return self


def _inplace(name, fn):
    def method(self, *args, **kwargs):
        return _into(self, fn(self, *args, **kwargs), name)
    method.__name__ = name
    method.__qualname__ = name
    method.__doc__ = f"In-place ``Tensor.{name[:-1]}``: the result is written into the tensor, which is returned."
    return method


def _func(name):
    return lambda self, *a, **k: getattr(Tensor, name)(self, *a, **k)


def zero_(self):
    self[...] = 0
    return self


def copy_(self, src, non_blocking=False):
    return _into(self, F.broadcast_to(F.cast(src, self.dtype), self.shape), "copy_")


def clamp_(self, min=None, max=None):
    return _into(self, F.clamp(self, min, max), "clamp_")


def div_(self, other, *, rounding_mode=None):
    return _into(self, F.div(self, other, rounding_mode=rounding_mode), "div_")


def scatter_(self, dim, index, src=None, *, value=None, reduce=None):
    if src is None:
        src = value
    if not isinstance(src, Tensor):
        src = F.full(index.shape, src, dtype=self.dtype)
    mode = {None: "none", "add": "add", "multiply": "mul"}.get(reduce)
    if mode is None:
        raise ValueError(f"For 'Tensor.scatter_', 'reduce' must be 'add' or 'multiply', but got {reduce!r}.")
    return _into(self, F.tensor_scatter_elements(self, index, src, dim, mode), "scatter_")


def masked_fill_(self, mask, value):
    return _into(self, F.masked_fill(self, mask, value), "masked_fill_")


def index_add_(self, dim, index, source, *, alpha=1):
    return _into(self, index_add(self, dim, index, source, alpha=alpha), "index_add_")


def index_copy_(self, dim, index, tensor):
    moved = F.moveaxis(F.identity(self), dim, 0)
    moved[index] = F.moveaxis(tensor, dim, 0)
    return _into(self, F.moveaxis(moved, 0, dim), "index_copy_")


def put_(self, index, source, accumulate=False):
    flat = F.reshape(F.identity(self), (-1,))
    idx = F.reshape(index, (-1,))
    src = F.reshape(source, (-1,))
    if accumulate:
        flat = F.tensor_scatter_elements(flat, idx, src, 0, "add")
    else:
        flat[idx] = src
    return _into(self, F.reshape(flat, self.shape), "put_")


def _random_fill(self, draw):
    import numpy
    from .._core import backend
    out = draw(numpy.random)
    return _into(self, Tensor(numpy.asarray(out).reshape(self.shape), self.dtype), "random")


def uniform_(self, from_=0, to=1, *, generator=None):
    return _into(self, F.cast(F.add(F.mul(F.rand(*self.shape), to - from_), from_), self.dtype), "uniform_")


def normal_(self, mean=0, std=1, *, generator=None):
    return _into(self, F.cast(F.add(F.mul(F.randn(*self.shape), std), mean), self.dtype), "normal_")


def random_(self, from_=0, to=None, *, generator=None):
    if to is None:
        from_, to = 0, from_ if from_ else 2 ** 24
    return _into(self, F.cast(F.randint(from_, to, self.shape), self.dtype), "random_")


def exponential_(self, lambd=1, *, generator=None):
    u = F.rand(*self.shape)
    return _into(self, F.cast(F.div(F.neg(F.log1p(F.neg(u))), lambd), self.dtype), "exponential_")


def bernoulli_(self, p=0.5, *, generator=None):
    probs = p if isinstance(p, Tensor) else F.full(self.shape, float(p), dtype=mstype.float32)
    return _into(self, F.cast(F.less(F.rand(*self.shape), F.broadcast_to(probs, self.shape)), self.dtype),
                 "bernoulli_")


def cauchy(self, median=0.0, sigma=1.0):
    u = F.rand(*self.shape)
    return _into(self, F.cast(F.add(median, F.mul(sigma, F.tan(F.mul(3.141592653589793, F.sub(u, 0.5))))),
                              self.dtype), "cauchy")


def log_normal(self, mean=1.0, std=2.0):
    return F.cast(F.exp(F.add(F.mul(F.randn(*self.shape), std), mean)), self.dtype)


def uniform(self, from_=0.0, to=1.0, generator=None):
    return F.cast(F.add(F.mul(F.rand(*self.shape), to - from_), from_), self.dtype)


def random_categorical(self, num_sample, seed=0, dtype=mstype.int64):
    return F.cast(F.multinomial(F.softmax(self, -1), num_sample, True), dtype)


def bernoulli(self, *, generator=None):
    """Each element 1 with probability ``self`` (MindSpore's mint.bernoulli), in ``self``'s dtype."""
    return F.cast(F.less(F.rand(*self.shape), _float_of(self)), self.dtype)


def multinomial(self, num_samples, replacement=True, seed=None):
    return F.cast(F.multinomial(self, num_samples, replacement, seed), mstype.int32)   # Int32, as MindSpore 2.10


def nonzero(self, *, as_tuple=False):
    return F.nonzero(self, as_tuple=as_tuple)


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
    import numpy
    host = self.asnumpy()
    if dim is None:
        vals, inv, counts = numpy.unique(host, return_inverse=True, return_counts=True)
        inv = inv.reshape(self.shape)
    else:
        vals, inv, counts = numpy.unique(host, return_inverse=True, return_counts=True, axis=dim)
        inv = inv.reshape(-1)
    out = [Tensor.from_numpy(numpy.ascontiguousarray(vals))]
    if return_inverse:
        out.append(Tensor.from_numpy(inv.astype(numpy.int64)))
    if return_counts:
        out.append(Tensor.from_numpy(counts.astype(numpy.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def _quantile(self, q, axis, keepdims, name, nan):
    import numpy
    if not (mstype.kind_of(self._data.dtype) == "f"):
        raise TypeError(f"For '{name}', the dtype of input must be float32 or float64, but got {self.dtype}.")
    qs = q.asnumpy() if isinstance(q, Tensor) else numpy.asarray(q, numpy.float64)
    if numpy.any(qs < 0) or numpy.any(qs > 1):
        raise ValueError(f"For '{name}', q must be in [0, 1], but got {q}.")
    x = F.reshape(self, (-1,)) if axis is None else self
    ax = 0 if axis is None else axis % self.ndim
    s = F.sort(x, ax)[0]
    n = x.shape[ax]
    if nan:
        valid = F.sum(F.cast(F.logical_not(F.isnan(x)), mstype.float32), ax, True)
    else:
        valid = None
    outs = []
    for qq in numpy.atleast_1d(qs).reshape(-1):
        if valid is None:
            pos = float(qq) * (n - 1)
            lo, frac = int(numpy.floor(pos)), pos - numpy.floor(pos)
            hi = builtins.min(lo + 1, n - 1)
            a, b = F.narrow(s, ax, lo, 1), F.narrow(s, ax, hi, 1)
            v = F.add(a, F.mul(F.sub(b, a), float(frac)))
            if not bool(F.all(F.logical_not(F.isnan(x)))):
                v = F.where(F.any(F.isnan(x), ax, True), F.full_like(v, float("nan")), v)
        else:
            pos = F.mul(F.sub(valid, 1), float(qq))
            lo = F.floor(pos)
            frac = F.sub(pos, lo)
            loi = F.cast(F.clamp(lo, 0, n - 1), mstype.int64)
            hii = F.cast(F.clamp(F.add(lo, 1), 0, None), mstype.int64)
            hii = F.minimum(hii, F.cast(F.clamp(F.sub(valid, 1), 0, None), mstype.int64))
            a, b = F.gather_elements(s, ax, loi), F.gather_elements(s, ax, hii)
            v = F.add(a, F.mul(F.sub(b, a), frac))
            v = F.where(F.equal(valid, 0), F.full_like(v, float("nan")), v)
        outs.append(v if keepdims else F.squeeze(v, ax))
    if numpy.ndim(qs) == 0:
        out = outs[0]
    else:
        out = F.stack(outs, 0)
    if keepdims and axis is None:
        out = F.reshape(out, ((len(outs),) if numpy.ndim(qs) else ()) + (1,) * self.ndim)
    return out


def quantile(self, q, axis=None, keepdims=False):
    return _quantile(self, q, axis, keepdims, "quantile", False)


def nanquantile(self, q, axis=None, keepdims=False):
    return _quantile(self, q, axis, keepdims, "nanquantile", True)


def nanmedian(self, axis=-1, keepdims=False):
    """The lower median of the non-NaN values along ``axis`` and its position (NaN where all are NaN)."""
    import numpy
    ax = axis % self.ndim if self.ndim else 0
    big = F.where(F.isnan(self), F.full_like(self, float("inf")), self)
    order = F.argsort(big, ax)
    valid = F.sum(F.cast(F.logical_not(F.isnan(self)), mstype.int64), ax, True)
    k = F.floor_divide(F.clamp(F.sub(valid, 1), 0, None), 2)
    idx = F.gather_elements(order, ax, k)
    v = F.gather_elements(self, ax, idx)
    v = F.where(F.equal(valid, 0), F.full_like(v, float("nan")), v)
    idx = F.cast(idx, mstype.int64)
    if not keepdims:
        v, idx = F.squeeze(v, ax), F.squeeze(idx, ax)
    return v, idx


def reverse_sequence(self, seq_lengths, seq_dim=0, batch_dim=0):
    n = self.shape[seq_dim]
    pos = F.arange(n, dtype=mstype.int64)
    lens = F.cast(seq_lengths, mstype.int64)
    src = F.where(F.less(F.expand_dims(pos, 0), F.expand_dims(lens, 1)),
                  F.sub(F.sub(F.expand_dims(lens, 1), 1), F.expand_dims(pos, 0)), F.expand_dims(pos, 0))  # (B, n)
    shape = [1] * self.ndim
    shape[batch_dim], shape[seq_dim] = self.shape[batch_dim], n
    if batch_dim > seq_dim:
        src = F.transpose(src, (1, 0))
    src = F.broadcast_to(F.reshape(src, tuple(shape)), self.shape)
    return F.gather_elements(self, seq_dim, src)


def matrix_power(self, n):
    if not _is_int(n):
        raise TypeError(f"For 'matrix_power', 'n' must be an int, but got {type(n).__name__}.")
    if n < 0:
        raise ValueError(f"For 'matrix_power', minispore has no matrix inverse: n must be >= 0, but got {n}.")
    if self.ndim < 2 or self.shape[-1] != self.shape[-2]:
        raise ValueError(f"For 'matrix_power', the input must be square matrices, but got shape {self.shape}.")
    out = F.broadcast_to(F.eye(self.shape[-1], self.shape[-1], self.dtype), self.shape)
    base = self
    while n:
        if n & 1:
            out = F.matmul(out, base)
        n >>= 1
        if n:
            base = F.matmul(base, base)
    return out


def move_to(self, to, blocking=True):
    if to not in ("CPU", "Ascend", "GPU"):
        raise ValueError(f"For 'Tensor.move_to', 'to' must be 'CPU', 'Ascend' or 'GPU', but got {to!r}.")
    return F.identity(self)


def to_(self, device=None, non_blocking=False):
    return self


def pin_memory(self):
    return F.identity(self)


def is_pinned(self):
    return False


def is_shared(self):
    return False


def delete_(self, non_blocking=False):
    return None


def flush_from_cache(self):
    return None


def hooks(self):
    """The functions ``register_hook`` put on this tensor, in order (a list, as in MindSpore 2.10)."""
    return list(hook_list(self) or ())


def unique_with_pad(self, pad_num):
    vals, idx = F.unique(self)
    n = self.shape[0]
    padded = F.concat([vals, F.full((n - vals.shape[0],), pad_num, dtype=self.dtype)]) if vals.shape[0] < n else vals
    return padded, idx


def col2im(self, output_size, kernel_size, dilation, padding_value, stride):
    """MindSpore's Col2Im on (N, C, kh*kw, L) columns: ops.fold of the (N, C*kh*kw, L) view."""
    n, c, kk, length = self.shape
    return F.fold(F.reshape(self, (n, c * kk, length)), output_size, kernel_size, dilation, padding_value, stride)


def set_init_flag(self, flag):
    return None


def qr(self, some=True):
    if not _is_bool(some):
        raise TypeError(f"For 'Tensor.qr', the type of 'some' should be bool, but got {type(some).__name__}.")
    return F.qr(self, "reduced" if some else "complete")


def svd(self, full_matrices=False, compute_uv=True):
    """``(s, u, v)``, or ``s`` alone with ``compute_uv=False`` (MindSpore's method; ops.svd returns ``s`` then)."""
    return F.svd(self, full_matrices, compute_uv)


def eigvals(self):
    # MindSpore 2.10's Tensor.eigvals calls ops.eigvals without the tensor (TypeError): a bug, see cases_methods2.py
    return F.eigvals(self)


def triangular_solve(self, A, upper=True, transpose=False, unitriangular=False):
    """``(X, A)`` with ``op(A) X = self`` for the triangular ``A`` (..., M, M) (only its ``upper`` or lower
    triangle is read; ``op(A)`` is A^T with ``transpose``; ``unitriangular``: a diagonal of ones, not read) and the
    right-hand sides ``self`` (..., M, K), as mindspore.mint.triangular_solve."""
    op = "Tensor.triangular_solve"
    if not isinstance(A, Tensor):
        raise TypeError(f"For '{op}', 'A' must be a Tensor, but got {type(A).__name__}.")
    for name, v in (("upper", upper), ("transpose", transpose), ("unitriangular", unitriangular)):
        if not _is_bool(v):
            raise TypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    if not (2 <= self.ndim <= 6 and 2 <= A.ndim <= 6):
        raise ValueError(f"For '{op}', the ranks of b and A must be in [2, 6], but got shapes {self.shape} and "
                         f"{A.shape}.")
    if A.shape[-1] != A.shape[-2] or A.shape[-1] != self.shape[-2]:
        raise ValueError(f"For '{op}', A must be square (..., M, M) and b (..., M, K), but got shapes {A.shape} "
                         f"(A) and {self.shape} (b).")
    tri = F.triu(A) if upper else F.tril(A)
    if unitriangular:
        eye = F.eye(A.shape[-1], A.shape[-1], A.dtype)
        tri = tri * (1 - eye) + eye
    if transpose:
        tri = F.swapaxes(tri, -1, -2)
    return F.matrix_solve(tri, self), A


def to_dlpack(self):
    """A DLPack capsule ("dltensor") of the tensor's data, for ``from_dlpack`` here or in another framework. It
    views the current buffer: minispore's in-place writes rebind a tensor to a new buffer, so later writes to the
    tensor are not seen through the capsule (MindSpore shares them)."""
    data = self._data
    if not hasattr(data, "__dlpack__"):
        data = self.asnumpy()
    if not data.flags.writeable:
        data = data.copy()          # NumPy before 1.23 exports writeable arrays only
    return data.__dlpack__()


class _Capsule:
    """A bare DLPack capsule as NumPy's ``from_dlpack`` takes it (an object with __dlpack__ and a CPU device)."""
    def __init__(self, capsule):
        self.capsule = capsule

    def __dlpack__(self, *args, **kwargs):
        return self.capsule

    def __dlpack_device__(self):
        return (1, 0)                                   # kDLCPU


def from_dlpack(dlpack):
    """A Tensor over the data of ``dlpack``: a DLPack capsule (``Tensor.to_dlpack``, ``torch.utils.dlpack``), or an
    object with ``__dlpack__`` (a NumPy array, a torch tensor on the CPU). A capsule can be consumed once."""
    import numpy as np
    src = dlpack if hasattr(dlpack, "__dlpack__") else _Capsule(dlpack)
    if type(dlpack).__name__ != "PyCapsule" and not hasattr(dlpack, "__dlpack__"):
        raise TypeError(f"For 'Tensor.from_dlpack', the input must be a DLPack capsule or an object with "
                        f"__dlpack__, but got {type(dlpack).__name__}.")
    read = getattr(np, "from_dlpack", None) or np._from_dlpack     # NumPy 1.22 has it under its first name
    try:
        array = read(src)
    except (RuntimeError, ValueError, TypeError, BufferError) as e:
        raise RuntimeError(f"For 'Tensor.from_dlpack', the capsule cannot be read ({e}); note that a DLPack "
                           f"capsule can be consumed only once.") from None
    if mstype.canonical(array.dtype) is None:
        raise TypeError(f"For 'Tensor.from_dlpack', the data type {array.dtype} has no MindSpore dtype.")
    return Tensor.from_numpy(array)


_INPLACE = ("add_", "sub_", "mul_", "floor_divide_", "remainder_", "exp_", "log_", "floor_", "sigmoid_", "sign_",
            "tanh_", "erfinv_", "addmm_", "index_fill_", "masked_scatter_", "scatter_add_", "fill_diagonal_",
            "index_put_")


def _H_error(self):
    raise ValueError(f"For 'Tensor.H', the tensor must be 2-D, but got {self.ndim}-D.")


def _set_data(self, value):
    self.assign_value(value)


_OVERRIDES = {name: fn for name, fn in dict(globals()).items()
              if callable(fn) and getattr(fn, "__module__", None) == __name__ and not name.startswith("_")}


def attach():
    from .function.math_func import OPERATORS
    for name in _FORWARDED:
        fn = getattr(F, name, None)
        if fn is not None:
            setattr(Tensor, name, fn)
    for name, fn in OPERATORS.items():
        setattr(Tensor, name, fn)
    for name in TENSOR_METHODS:
        if name in _OVERRIDES:
            continue
        fn = getattr(F, name, None)
        if fn is not None:
            setattr(Tensor, name, fn)
    for name, fn in _OVERRIDES.items():
        setattr(Tensor, name, fn)
    Tensor.type = _type_method
    Tensor.from_dlpack = staticmethod(from_dlpack)
    for name in _INPLACE:
        setattr(Tensor, name, _inplace(name, _func(name[:-1])))
    Tensor.H = property(lambda self: F.swapaxes(conj(self), -1, -2) if self.ndim == 2 else _H_error(self))
    Tensor.mH = property(adjoint)
    Tensor.data = property(lambda self: self, _set_data)
    for name, v in (("const_arg", False), ("init", None), ("init_flag", False), ("init_finished", True),
                    ("is_meta", False), ("virtual_flag", False), ("device", "CPU"), ("has_init", False)):
        setattr(Tensor, name, property(lambda self, v=v: v))
