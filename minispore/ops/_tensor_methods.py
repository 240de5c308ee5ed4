"""Tensor methods with MindSpore's Tensor signatures (which differ from the ops functions in places:
``t.max()`` returns values only, ``t.sum(axis, dtype, keepdims)``, ``t.reshape(*shape)``...)."""
import builtins
import numbers

from .._core import dtype as mstype
from .._core.tensor import TENSOR_METHODS, Tensor
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


_OVERRIDES = {name: fn for name, fn in dict(globals()).items()
              if callable(fn) and getattr(fn, "__module__", None) == __name__ and not name.startswith("_")}


def attach():
    from .function.math_func import OPERATORS
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
