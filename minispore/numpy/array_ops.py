"""mindspore.numpy's array manipulation: reshape, ravel, transpose, swapaxes, moveaxis, concatenate, stack and
friends, split, squeeze, expand_dims, flip, roll, tile, repeat, broadcast_to, atleast_*d."""
from .._core import dtype as mstype
from ..ops import function as F
from ._common import tensor


def reshape(x, new_shape):
    return F.reshape(tensor(x), (new_shape,) if isinstance(new_shape, int) else tuple(new_shape))


def ravel(x):
    return F.reshape(tensor(x), (-1,))


def transpose(a, axes=None):
    t = tensor(a)
    return F.transpose(t, tuple(range(t.ndim - 1, -1, -1)) if axes is None else tuple(axes))


def swapaxes(x, axis1, axis2):
    return F.swapaxes(tensor(x), axis1, axis2)


def moveaxis(a, source, destination):
    return F.moveaxis(tensor(a), source, destination)


def rollaxis(x, axis, start=0):
    t = tensor(x)
    axis %= t.ndim
    start = start if start >= 0 else start + t.ndim
    if axis < start:
        start -= 1
    return F.moveaxis(t, axis, start)


def concatenate(arrays, axis=0):
    ts = [tensor(a) for a in arrays]
    if axis is None:
        ts, axis = [F.reshape(t, (-1,)) for t in ts], 0
    return F.concat(ts, axis)


def append(arr, values, axis=None):
    return concatenate([arr, values], axis)


def stack(arrays, axis=0):
    return F.stack([tensor(a) for a in arrays], axis)


def atleast_1d(*arys):
    out = [F.reshape(tensor(a), (1,)) if tensor(a).ndim == 0 else tensor(a) for a in arys]
    return out[0] if len(out) == 1 else out


def atleast_2d(*arys):
    out = []
    for a in arys:
        t = tensor(a)
        out.append(F.reshape(t, (1,) * (2 - t.ndim) + t.shape) if t.ndim < 2 else t)
    return out[0] if len(out) == 1 else out


def atleast_3d(*arys):
    out = []
    for a in arys:
        t = tensor(a)
        out.append(F.reshape(t, (1, 1, 1)) if t.ndim == 0 else F.reshape(t, (1,) + t.shape + (1,)) if t.ndim == 1
                   else F.expand_dims(t, -1) if t.ndim == 2 else t)
    return out[0] if len(out) == 1 else out


def hstack(tup):
    ts = [tensor(a) for a in tup]
    return F.concat(ts, 0 if ts[0].ndim == 1 else 1)


def vstack(tup):
    return F.concat([atleast_2d(a) for a in tup], 0)


def dstack(tup):
    return F.concat([atleast_3d(a) for a in tup], 2)


def column_stack(tup):
    return F.concat([F.reshape(tensor(a), (-1, 1)) if tensor(a).ndim == 1 else tensor(a) for a in tup], 1)


def split(x, indices_or_sections, axis=0):
    if isinstance(indices_or_sections, int):
        return _even_split(tensor(x), indices_or_sections, axis)
    return list(tensor(x).tensor_split(indices_or_sections, axis))     # a list, as mindspore.numpy returns


def _even_split(t, n, axis):
    if t.shape[axis] % n:
        raise ValueError(f"For 'split', the size {t.shape[axis]} of axis {axis} cannot be split into {n} equal "
                         f"sections.")
    return tuple(F.split(t, t.shape[axis] // n, axis))


def array_split(x, indices_or_sections, axis=0):
    return tensor(x).tensor_split(indices_or_sections, axis)


def hsplit(x, indices_or_sections):
    t = tensor(x)
    return split(t, indices_or_sections, 1 if t.ndim > 1 else 0)


def vsplit(x, indices_or_sections):
    return split(x, indices_or_sections, 0)


def dsplit(x, indices_or_sections):
    return split(x, indices_or_sections, 2)


def squeeze(a, axis=None):
    return F.squeeze(tensor(a), axis)


def expand_dims(a, axis):
    t = tensor(a)
    for ax in sorted(axis) if isinstance(axis, (tuple, list)) else (axis,):
        t = F.expand_dims(t, ax)
    return t


def flip(m, axis=None):
    t = tensor(m)
    axes = tuple(range(t.ndim)) if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
    return F.flip(t, axes)


def fliplr(m):
    return flip(m, 1)


def flipud(m):
    return flip(m, 0)


def roll(a, shift, axis=None):
    t = tensor(a)
    if axis is None:
        return F.reshape(F.roll(F.reshape(t, (-1,)), shift, 0), t.shape)
    return F.roll(t, shift, axis)


def tile(a, reps):
    return F.tile(tensor(a), (reps,) if isinstance(reps, int) else tuple(reps))


def repeat(a, repeats, axis=None):
    t = tensor(a)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    return F.repeat_interleave(t, repeats, axis)


def broadcast_to(array, shape):
    return F.broadcast_to(tensor(array), tuple(shape))


def size(a, axis=None):
    t = tensor(a)
    return t.size if axis is None else t.shape[axis]


def take(a, indices, axis=None, mode='clip'):
    return tensor(a).take(tensor(indices), axis, mode)


def diagonal(a, offset=0, axis1=0, axis2=1):
    return tensor(a).diagonal(offset, axis1, axis2)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    return tensor(a).trace(offset, axis1, axis2, dtype)


def unique(x, return_inverse=False):
    """The distinct values in order of first appearance (as mindspore.numpy gives them), and with
    ``return_inverse`` each element's position among them."""
    values, inverse = F.unique(tensor(x))
    return (values, inverse) if return_inverse else values


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
