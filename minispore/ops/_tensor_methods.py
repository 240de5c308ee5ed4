"""Tensor methods with MindSpore's Tensor signatures (which differ from the ops functions in places:
``t.max()`` returns values only, ``t.sum(axis, dtype, keepdims)``, ``t.reshape(*shape)``...)."""
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
    if len(shape) == 1 and isinstance(shape[0], mstype.Type):
        raise TypeError("Tensor.view(dtype) is not supported; use astype")
    return F.reshape(self, _shape_args(shape))


def transpose(self, *axes):
    axes = _shape_args(axes)
    if not axes:
        axes = tuple(range(self.ndim - 1, -1, -1))
    return F.transpose(self, axes)


def permute(self, *axis):
    return F.transpose(self, _shape_args(axis))


def sum(self, axis=None, dtype=None, keepdims=False, initial=None):
    out = F.sum(self, axis, keepdims, dtype=dtype)
    return out if initial is None else F.add(out, initial)


def mean(self, axis=None, keep_dims=False):
    return F.mean(self, axis, keep_dims)


def max(self, axis=None, keepdims=False, *, initial=None, where=None, return_indices=False):
    values, indices = F.max(self, axis, keepdims)
    return (values, indices) if return_indices else values


def min(self, axis=None, keepdims=False, *, initial=None, where=None, return_indices=False):
    values, indices = F.min(self, axis, keepdims)
    return (values, indices) if return_indices else values


def argmax(self, axis=None, keepdims=False):
    return F.argmax(self, axis, keepdims)


def argmin(self, axis=None, keepdims=False):
    return F.argmin(self, axis, keepdims)


def prod(self, axis=None, keep_dims=False, dtype=None):
    return F.prod(self, axis, keep_dims, dtype)


def all(self, axis=None, keep_dims=False):
    return F.all(self, axis, keep_dims)


def any(self, axis=None, keep_dims=False):
    return F.any(self, axis, keep_dims)


def squeeze(self, axis=None):
    return F.squeeze(self, axis)


def expand_dims(self, axis):
    return F.expand_dims(self, axis)


def unsqueeze(self, dim):
    return F.expand_dims(self, dim)


def flatten(self, order='C', *, start_dim=0, end_dim=-1):
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


def view_as(self, other):
    return F.reshape(self, other.shape)


def reshape_as(self, other):
    return F.reshape(self, other.shape)


def softmax(self, axis=-1):
    return F.softmax(self, axis)


def norm(self, ord=None, dim=None, keepdim=False, *, dtype=None):
    return F.norm(self, ord, dim, keepdim, dtype=dtype)


def split(self, split_size_or_sections, axis=0):
    return F.split(self, split_size_or_sections, axis)


def sort(self, axis=-1, descending=False):
    return F.sort(self, axis, descending)


def cumsum(self, axis=None, dtype=None):
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


_OVERRIDES = {name: fn for name, fn in dict(globals()).items()
              if callable(fn) and getattr(fn, "__module__", None) == __name__ and not name.startswith("_")}


def attach():
    for name in TENSOR_METHODS:
        if name in _OVERRIDES:
            continue
        fn = getattr(F, name, None)
        if fn is not None:
            setattr(Tensor, name, fn)
    for name, fn in _OVERRIDES.items():
        setattr(Tensor, name, fn)
