"""Tensor creation, casting, shape manipulation, indexing and matrix products with MindSpore's signatures."""
import numbers

import numpy as np

from ..._core import dtype as mstype
from ..._core.primitive import bind
from ..._core.tensor import Tensor, _wrap
from .. import _prims as P
from .math_func import _axes, _axis, _coerce, _tensor, mul


# ----------------------------------------------------------------------------- creation
def _shape_arg(shape, op):
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    if isinstance(shape, (numbers.Integral, np.integer)) and not isinstance(shape, bool):
        shape = (int(shape),)
    if not isinstance(shape, (tuple, list)) or not all(
            isinstance(d, (numbers.Integral, np.integer)) and not isinstance(d, bool) for d in shape):
        raise TypeError(f"For '{op}', the shape must be an int, a tuple or list of ints or an int Tensor, "
                        f"but got {shape!r}.")
    shape = tuple(int(d) for d in shape)
    if any(d < 0 for d in shape):
        raise ValueError(f"For '{op}', the shape {shape} has a negative dimension.")
    return shape


def _dtype_arg(dtype, default, op):
    if dtype is None:
        return default
    if not isinstance(dtype, mstype.Type):
        try:
            return mstype.canonical(dtype)
        except TypeError:
            raise TypeError(f"For '{op}', the dtype must be a mindspore type such as mindspore.float32, "
                            f"but got {dtype!r}.") from None
    return dtype


def _ones(shape, np_dtype):
    # np.ones is a Python-level wrapper; empty + fill is the same array for less per-call cost
    out = np.empty(shape, np_dtype)
    out.fill(1)
    return _wrap(out)


def ones(shape, dtype=None):
    shape = _shape_arg(shape, "ones")
    return _ones(shape, _dtype_arg(dtype, mstype.float32, "ones").np_dtype)


def zeros(size, dtype=None):
    shape = _shape_arg(size, "zeros")
    return _wrap(np.zeros(shape, _dtype_arg(dtype, mstype.float32, "zeros").np_dtype))


def ones_like(input, *, dtype=None):
    x = _tensor(input, "input", "ones_like")
    return _ones(x._data.shape, x._data.dtype if dtype is None else _dtype_arg(dtype, None, "ones_like").np_dtype)


def zeros_like(input, *, dtype=None):
    x = _tensor(input, "input", "zeros_like")
    return _wrap(np.zeros(x.shape, _dtype_arg(dtype, x.dtype, "zeros_like").np_dtype))


def full(size, fill_value, *, dtype=None):
    """MindSpore 2.10: ``dtype`` defaults to Int64 whatever the fill value (``full((2,), 1.5)`` is ``[1, 1]``,
    truncated toward zero); ``size`` must be a tuple or list; a generic type such as ``ms.float_`` is refused."""
    if not isinstance(size, (list, tuple)):
        raise TypeError(f"For 'ops.full', 'size' must be a tuple or list of ints, but got {type(size)}.")
    shape = _shape_arg(tuple(size), "full")
    if dtype is None:
        dtype = mstype.int64
    elif not isinstance(dtype, mstype.Type) or not mstype.is_concrete(dtype):
        raise TypeError(f"For 'ops.full', 'dtype' must be mindspore.type, but got {dtype}.")
    value = fill_value._data if isinstance(fill_value, Tensor) else fill_value
    out = np.empty(shape, dtype.np_dtype)
    out[...] = np.asarray(value).astype(dtype.np_dtype)
    return _wrap(out)


def full_like(input, fill_value, *, dtype=None):
    x = _tensor(input, "input", "full_like")
    return _wrap(np.full(x.shape, fill_value, _dtype_arg(dtype, x.dtype, "full_like").np_dtype))


def fill(type, shape, value):
    return _wrap(np.full(_shape_arg(shape, "fill"), value, _dtype_arg(type, mstype.float32, "fill").np_dtype))


def _number(v):
    return v.item() if isinstance(v, Tensor) else v


def arange(start=0, end=None, step=1, *, dtype=None):
    start, end, step = _number(start), _number(end), _number(step)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise ValueError("For 'arange', the 'step' must not be 0.")
    if (end - start) * step < 0:
        raise ValueError(f"For 'arange', the range [{start}, {end}) cannot be walked with step {step}.")
    is_float = _any(isinstance(v, float) for v in (start, end, step))
    default = mstype.float32 if is_float else mstype.int64
    out = np.arange(start, end, step)
    return _wrap(out.astype(_dtype_arg(dtype, default, "arange").np_dtype))


def _any(it):
    for v in it:
        if v:
            return True
    return False


def linspace(start, end, steps):
    steps = int(_number(steps))
    if steps < 1:
        raise ValueError(f"For 'linspace', 'steps' must be positive, but got {steps}.")
    return _wrap(np.linspace(float(_number(start)), float(_number(end)), steps, dtype=np.float32))


def logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    return _wrap(np.logspace(float(start), float(end), int(steps), base=base).astype(
        _dtype_arg(dtype, mstype.float32, "logspace").np_dtype))


def eye(n, m=None, dtype=None):
    return _wrap(np.eye(int(n), None if m is None else int(m),
                        dtype=_dtype_arg(dtype, mstype.float32, "eye").np_dtype))


def tensor(data, dtype=None):
    return Tensor(data, dtype)


# ----------------------------------------------------------------------------- dtype and gradient control
def cast(input, dtype):
    x = _tensor(input, "input", "cast")
    return P.cast(x, _dtype_arg(dtype, None, "cast").np_dtype)


def stop_gradient(value):
    """``value`` with its gradient cut; also accepts tuples, lists and dicts of Tensors."""
    if isinstance(value, Tensor):
        return P.stop_gradient(value)
    if isinstance(value, tuple):
        return tuple(stop_gradient(v) for v in value)
    if isinstance(value, list):
        return [stop_gradient(v) for v in value]
    if isinstance(value, dict):
        return {k: stop_gradient(v) for k, v in value.items()}
    return value


def identity(input):
    return P.identity(_tensor(input, "input", "identity"))


def depend(value, expr):
    return value


# ----------------------------------------------------------------------------- shape manipulation
def _resolve_shape(shape, size, op, in_shape):
    shape = tuple(int(d) for d in shape)
    unknown = [i for i, d in enumerate(shape) if d == -1]
    if len(unknown) > 1 or _any(d < -1 for d in shape):
        raise ValueError(f"For '{op}', the shape {shape} may contain at most one -1 and no other negatives.")
    known = int(np.prod([d for d in shape if d != -1]))
    if unknown:
        if known == 0 or size % known:
            raise ValueError(f"For '{op}', cannot reshape a tensor of shape {in_shape} ({size} elements) "
                             f"into {shape}.")
        shape = tuple(size // known if d == -1 else d for d in shape)
    elif known != size:
        raise ValueError(f"For '{op}', cannot reshape a tensor of shape {in_shape} ({size} elements) into "
                         f"{shape} ({known} elements).")
    return shape


def reshape(input, shape):
    x = _tensor(input, "input", "reshape")
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    if isinstance(shape, (numbers.Integral, np.integer)):
        shape = (shape,)
    return P.reshape(x, _resolve_shape(shape, x.size, "reshape", x.shape))


def transpose(input, input_perm):
    x = _tensor(input, "input", "transpose")
    perm = tuple(_axis(a, x.ndim, "transpose") for a in input_perm)
    if sorted(perm) != list(range(x.ndim)):
        raise ValueError(f"For 'transpose', the permutation {tuple(input_perm)} is not a permutation of the "
                         f"{x.ndim} dimensions of a tensor of shape {x.shape}.")
    if perm == tuple(range(x.ndim)):
        return x
    return P.transpose(x, perm)


def permute(input, axis):
    return transpose(input, axis)


def swapaxes(input, axis0, axis1):
    x = _tensor(input, "input", "swapaxes")
    perm = list(range(x.ndim))
    a, b = _axis(axis0, x.ndim, "swapaxes"), _axis(axis1, x.ndim, "swapaxes")
    perm[a], perm[b] = perm[b], perm[a]
    return transpose(x, perm)


swapdims = swapaxes


def moveaxis(x, source, destination):
    t = _tensor(x, "x", "moveaxis")
    perm = list(range(t.ndim))
    s = _axis(source, t.ndim, "moveaxis")
    d = _axis(destination, t.ndim, "moveaxis")
    perm.remove(s)
    perm.insert(d, s)
    return transpose(t, perm)


def squeeze(input, axis=None):
    x = _tensor(input, "input", "squeeze")
    if axis is None:
        shape = tuple(d for d in x.shape if d != 1)
    else:
        # MindSpore 2.10 silently keeps a named axis whose size is not 1 (only out-of-range axes are errors)
        axes = _axes(axis, x.ndim, "squeeze")
        shape = tuple(d for i, d in enumerate(x.shape) if i not in axes or d != 1)
    return P.reshape(x, shape)


def expand_dims(input_x, axis):
    x = _tensor(input_x, "input_x", "expand_dims")
    a = _axis(axis, x.ndim + 1, "expand_dims")
    return P.reshape(x, x.shape[:a] + (1,) + x.shape[a:])


def unsqueeze(input, dim):
    return expand_dims(input, dim)


def flatten(input, order='C', *, start_dim=1, end_dim=-1):
    """As MindSpore 2.10: a 0-d or 1-D input becomes 1-D (so the default start_dim=1 leaves a 1-D tensor alone,
    after checking the dims against rank max(ndim, 1)); order='F' flattens the reversed dimensions."""
    x = _tensor(input, "input", "flatten")
    if isinstance(start_dim, bool) or isinstance(end_dim, bool) or not isinstance(start_dim, (int, np.integer)) \
            or not isinstance(end_dim, (int, np.integer)):
        raise TypeError("For 'flatten', both 'start_dim' and 'end_dim' must be int.")
    if order not in ("C", "F"):
        raise ValueError(f"For 'flatten', 'order' must be 'C' or 'F', but got {order!r}.")
    if order == "F":
        if x.ndim <= 1:
            return P.reshape(x, (x.size,))
        x = P.transpose(x, tuple(range(x.ndim - 1, -1, -1)))
    if x.ndim <= 1 and start_dim == 1 and end_dim == -1:
        return P.reshape(x, (x.size,))
    n = max(x.ndim, 1)
    for d in (start_dim, end_dim):
        if not -n <= d < n:
            raise ValueError(f"For 'flatten', 'start_dim' or 'end_dim' out of range: {d} for a tensor of rank "
                             f"{x.ndim} (expected [{-n}, {n - 1}]).")
    s, e = int(start_dim) % n, int(end_dim) % n
    if s > e:
        raise ValueError(f"For 'flatten', 'start_dim' ({start_dim}) cannot come after 'end_dim' ({end_dim}).")
    if x.ndim <= 1:
        return P.reshape(x, (x.size,))
    if s == e:
        return x
    return P.reshape(x, x.shape[:s] + (int(np.prod(x.shape[s:e + 1])),) + x.shape[e + 1:])


def ravel(input):
    x = _tensor(input, "input", "ravel")
    return P.reshape(x, (x.size,))


def broadcast_to(input, shape):
    x = _tensor(input, "input", "broadcast_to")
    shape = tuple(shape)
    lead = len(shape) - x.ndim
    if lead < 0:
        raise ValueError(f"For 'broadcast_to', cannot broadcast shape {x.shape} to the shorter shape {shape}.")
    if any(d == -1 for d in shape[:lead]):
        raise ValueError(f"For 'broadcast_to', -1 can only stand for an existing dimension, but {shape} has it "
                         f"in a new leading dimension of a tensor of shape {x.shape}.")
    shape = tuple(x.shape[i - lead] if d == -1 else d for i, d in enumerate(shape))
    try:
        np.broadcast_shapes(x.shape, shape)
        if np.broadcast_shapes(x.shape, shape) != shape:
            raise ValueError
    except ValueError:
        raise ValueError(f"For 'broadcast_to', cannot broadcast shape {x.shape} to {shape}.") from None
    return P.broadcast_to(x, shape)


def expand_as(input, other):
    return broadcast_to(input, _tensor(other).shape)


def tile(input, dims):
    x = _tensor(input, "input", "tile")
    dims = tuple(int(d) for d in dims)
    if len(dims) < x.ndim:
        dims = (1,) * (x.ndim - len(dims)) + dims
    x = P.reshape(x, (1,) * (len(dims) - x.ndim) + x.shape)
    # tile = broadcast an inserted axis in front of each dimension, then merge the pairs
    inter = []
    for d, n in zip(x.shape, dims):
        inter += [1, d]
    y = P.reshape(x, tuple(inter))
    target = []
    for d, n in zip(x.shape, dims):
        target += [n, d]
    y = P.broadcast_to(y, tuple(target))
    return P.reshape(y, tuple(d * n for d, n in zip(x.shape, dims)))


def repeat_interleave(input, repeats, axis=None):
    x = _tensor(input, "input", "repeat_interleave")
    if axis is None:
        x, axis = P.reshape(x, (x.size,)), 0
    ax = _axis(axis, x.ndim, "repeat_interleave")
    reps = repeats.asnumpy() if isinstance(repeats, Tensor) else repeats
    idx = np.repeat(np.arange(x.shape[ax]), reps)
    return P.take(x, idx, ax)


def cat(tensors, axis=0):
    if not isinstance(tensors, (list, tuple)) or len(tensors) == 0:
        raise TypeError("For 'cat', 'tensors' must be a non-empty list or tuple of Tensors.")
    ts = [_tensor(t, "tensors", "cat") for t in tensors]
    dtype = ts[0].dtype
    for t in ts[1:]:
        dtype = mstype.promote(dtype, t.dtype)
    ts = [P.cast(t, dtype.np_dtype) for t in ts]
    ax = _axis(axis, ts[0].ndim, "cat")
    first = ts[0].shape
    for t in ts[1:]:
        if t.ndim != len(first) or _any(a != b for i, (a, b) in enumerate(zip(t.shape, first)) if i != ax):
            raise ValueError(f"For 'cat', all tensors must have the same shape except in axis {ax}, but got "
                             f"{[x.shape for x in ts]}.")
    return P.concat(ts, ax)


concat = cat


def stack(tensors, axis=0):
    if not isinstance(tensors, (list, tuple)) or len(tensors) == 0:
        raise TypeError("For 'stack', 'tensors' must be a non-empty list or tuple of Tensors.")
    ts = [_tensor(t, "tensors", "stack") for t in tensors]
    shapes = {t.shape for t in ts}
    if len(shapes) != 1:
        raise ValueError(f"For 'stack', all tensors must have the same shape, but got {[t.shape for t in ts]}.")
    ax = _axis(axis, ts[0].ndim + 1, "stack")
    return cat([expand_dims(t, ax) for t in ts], ax)


def split(tensor, split_size_or_sections, axis=0):
    x = _tensor(tensor, "tensor", "split")
    ax = _axis(axis, x.ndim, "split")
    n = x.shape[ax]
    if isinstance(split_size_or_sections, (numbers.Integral, np.integer)):
        size = int(split_size_or_sections)
        if size <= 0:
            raise ValueError(f"For 'split', the split size must be positive, but got {size}.")
        sizes = [size] * (n // size) + ([n % size] if n % size else [])
    else:
        sizes = [int(s) for s in split_size_or_sections]
        if _sum(sizes) != n:
            raise ValueError(f"For 'split', the sections {sizes} do not add up to the size {n} of axis {ax}.")
    out, start = [], 0
    for s in sizes:
        out.append(P.getitem(x, (slice(None),) * ax + (slice(start, start + s),)))
        start += s
    return tuple(out)


def _sum(values):
    total = 0
    for v in values:
        total += v
    return total


def chunk(input, chunks, axis=0):
    x = _tensor(input, "input", "chunk")
    ax = _axis(axis, x.ndim, "chunk")
    if chunks <= 0:
        raise ValueError(f"For 'chunk', 'chunks' must be positive, but got {chunks}.")
    size = -(-x.shape[ax] // chunks)
    return split(x, max(size, 1), ax)


def unbind(input, dim=0):
    x = _tensor(input, "input", "unbind")
    if x.ndim == 0:
        raise ValueError("For 'unbind', the input must have at least 1 dimension, but got a 0-d tensor.")
    ax = _axis(dim, x.ndim, "unbind")
    return tuple(P.getitem(x, (slice(None),) * ax + (i,)) for i in range(x.shape[ax]))


def narrow(input, axis, start, length):
    x = _tensor(input, "input", "narrow")
    ax = _axis(axis, x.ndim, "narrow")
    n = x.shape[ax]
    if start < 0:
        start += n
    if not (0 <= start <= n and length >= 0 and start + length <= n):
        raise ValueError(f"For 'narrow', start={start} and length={length} do not fit in axis {ax} of size {n} "
                         f"(shape {x.shape}).")
    return P.getitem(x, (slice(None),) * ax + (slice(start, start + length),))


def flip(input, dims):
    x = _tensor(input, "input", "flip")
    return P.flip(x, _axes(dims, x.ndim, "flip"))


def roll(input, shifts, dims=None):
    x = _tensor(input, "input", "roll")
    if dims is None:
        flat = P.reshape(x, (x.size,))
        return P.reshape(roll(flat, shifts, 0), x.shape)
    shifts = (shifts,) if isinstance(shifts, int) else tuple(shifts)
    dims = (dims,) if isinstance(dims, int) else tuple(dims)
    if len(shifts) != len(dims):
        raise ValueError(f"For 'roll', 'shifts' {shifts} and 'dims' {dims} must have the same length.")
    for s, d in zip(shifts, dims):
        ax = _axis(d, x.ndim, "roll")
        idx = (np.arange(x.shape[ax]) - s) % x.shape[ax]
        x = P.take(x, idx, ax)
    return x


def _matrix_arg(input, op):
    x = _tensor(input, "input", op)
    if x.ndim < 2:
        raise ValueError(f"For '{op}', the input must have at least 2 dimensions, but got shape {x.shape}.")
    return x


def tril(input, diagonal=0):
    x = _matrix_arg(input, "tril")
    mask = np.tril(np.ones(x.shape[-2:], bool), diagonal)
    return P.where(_wrap(np.broadcast_to(mask, x.shape)), x, P.zeros_like(x))


def triu(input, diagonal=0):
    x = _matrix_arg(input, "triu")
    mask = np.triu(np.ones(x.shape[-2:], bool), diagonal)
    return P.where(_wrap(np.broadcast_to(mask, x.shape)), x, P.zeros_like(x))


def diag(input):
    x = _tensor(input, "input", "diag")
    if x.ndim == 1:
        n = x.shape[0]
        return P.index_add_zeros(x, (np.arange(n), np.arange(n)), (n, n))
    raise ValueError(f"For 'diag', the input must be 1-D, but got shape {x.shape}.")


def meshgrid(*inputs, indexing='xy'):
    if len(inputs) == 1 and isinstance(inputs[0], (tuple, list)):
        inputs = inputs[0]
    arrays = np.meshgrid(*[_tensor(t)._data for t in inputs], indexing=indexing)
    return tuple(_wrap(np.ascontiguousarray(a)) for a in arrays)


# ----------------------------------------------------------------------------- selection
def where(condition, x, y):
    cond = _tensor(condition, "condition", "where")
    if cond._data.dtype != np.bool_:
        cond = P.cast(cond, np.bool_)
    x, y = _coerce(x, y, "where")
    shape = np.broadcast_shapes(cond.shape, x.shape, y.shape)
    if x._trace is not None or y._trace is not None:
        x, y = P.broadcast_to(x, shape), P.broadcast_to(y, shape)
    return P.where(cond, x, y)


def masked_fill(input_x, mask, value):
    x = _tensor(input_x, "input_x", "masked_fill")
    v = value if isinstance(value, Tensor) else _wrap(np.asarray(value, x._data.dtype))
    return where(mask, P.cast(v, x._data.dtype), x)


def select(cond, x, y):
    return where(cond, x, y)


def _index_array(indices, op):
    arr = indices._data if isinstance(indices, Tensor) else np.asarray(indices)
    if arr.dtype.kind not in "iu":
        raise TypeError(f"For '{op}', the indices must be integers, but got {arr.dtype}.")
    return arr


def gather(input_params, input_indices, axis, batch_dims=0):
    x = _tensor(input_params, "input_params", "gather")
    ax = _axis(axis, x.ndim, "gather")
    if batch_dims:
        raise ValueError("For 'gather', batch_dims other than 0 is not supported.")
    if isinstance(input_indices, Tensor):
        # indices as a graph input: a compiled function (an Embedding, say) reads new indices at every call
        if input_indices._data.dtype.kind not in "iu":
            raise TypeError(f"For 'gather', the indices must be integers, but got {input_indices.dtype}.")
        return P.gather(x, input_indices, ax)
    idx = _index_array(input_indices, "gather")
    if idx.size and (idx.max() >= x.shape[ax] or idx.min() < -x.shape[ax]):
        raise ValueError(f"For 'gather', the indices must be in [{-x.shape[ax]}, {x.shape[ax]}) for axis {ax} "
                         f"of shape {x.shape}, but got values in [{idx.min()}, {idx.max()}].")
    if batch_dims:
        raise ValueError("For 'gather', batch_dims other than 0 is not supported.")
    return P.take(x, idx, ax)


def index_select(input, axis, index):
    idx = _index_array(index, "index_select")
    if idx.ndim != 1:
        raise ValueError(f"For 'index_select', the index must be 1-D, but got shape {idx.shape}.")
    return gather(input, idx, axis)


def gather_elements(input, dim, index):
    x = _tensor(input, "input", "gather_elements")
    ax = _axis(dim, x.ndim, "gather_elements")
    idx = _index_array(index, "gather_elements")
    if idx.ndim != x.ndim:
        raise ValueError(f"For 'gather_elements', the index must have the rank of the input ({x.ndim}), "
                         f"but got shape {idx.shape}.")
    if idx.size and (idx.max() >= x.shape[ax] or idx.min() < -x.shape[ax]):
        raise ValueError(f"For 'gather_elements', index values must be in [{-x.shape[ax]}, {x.shape[ax]}) "
                         f"for dim {ax}, but got values in [{idx.min()}, {idx.max()}].")
    return P.take_along_axis(x, idx, ax)


def gather_d(x, dim, index):
    return gather_elements(x, dim, index)


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    idx = _index_array(indices, "one_hot")
    depth = int(_number(depth))
    on = on_value._data if isinstance(on_value, Tensor) else np.asarray(on_value)
    off = off_value._data if isinstance(off_value, Tensor) else np.asarray(off_value)
    dtype = on.dtype if isinstance(on_value, Tensor) else (np.float32 if on.dtype.kind == "f" else np.int64)
    hot = idx[..., None] == np.arange(depth)
    out = np.where(hot, on.astype(dtype), off.astype(dtype))
    if axis != -1:
        out = np.moveaxis(out, -1, axis)
    return _wrap(np.ascontiguousarray(out))


def pad(input_x, padding, mode='constant', value=None):
    """``padding`` lists (left, right) pairs starting from the LAST dimension, as in MindSpore/PyTorch."""
    x = _tensor(input_x, "input_x", "pad")
    padding = tuple(int(p) for p in padding)
    if len(padding) % 2 or len(padding) // 2 > x.ndim:
        raise ValueError(f"For 'pad', 'padding' must hold (left, right) pairs for at most {x.ndim} "
                         f"dimensions, but got {padding}.")
    widths = [(0, 0)] * x.ndim
    for i in range(len(padding) // 2):
        widths[x.ndim - 1 - i] = (padding[2 * i], padding[2 * i + 1])
    if mode != 'constant':
        np_mode = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}.get(mode)
        if np_mode is None:
            raise ValueError(f"For 'pad', mode must be 'constant', 'reflect', 'replicate' or 'circular', "
                             f"but got {mode!r}.")
        idx = [np.pad(np.arange(n), w, mode=np_mode) for n, w in zip(x.shape, widths)]
        out = x
        for ax, ix in enumerate(idx):
            if len(ix) != x.shape[ax]:
                out = P.take(out, ix, ax)
        return out
    negative = _any(b < 0 or a < 0 for b, a in widths)
    if negative:   # negative padding crops
        crop = tuple(slice(-b if b < 0 else 0, n + a if a < 0 else n) for (b, a), n in zip(widths, x.shape))
        x = P.getitem(x, crop)
        widths = [(b if b > 0 else 0, a if a > 0 else 0) for b, a in widths]
    return P.pad(x, tuple(widths), 0 if value is None else value)


def _order(data, axis, descending):
    """Stable sorting indices along ``axis``; descending order keeps ties in their original order."""
    if not descending:
        return np.argsort(data, axis=axis, kind="stable")
    if data.dtype.kind in "bu":     # negating would wrap around (or fail for bool): widen first
        data = data.astype(np.int64 if data.dtype.itemsize < 8 else np.float64)
    return np.argsort(-data, axis=axis, kind="stable")


def sort(input_x, axis=-1, descending=False):
    x = _tensor(input_x, "input_x", "sort")
    ax = _axis(axis, x.ndim, "sort")
    idx = _order(x._data, ax, descending)
    return P.take_along_axis(x, idx, ax), _wrap(idx.astype(np.int32))


def argsort(input, axis=-1, descending=False):
    return _wrap(sort(input, axis, descending)[1]._data.astype(np.int32))


def topk(input, k, dim=None, largest=True, sorted=True):
    x = _tensor(input, "input", "topk")
    ax = x.ndim - 1 if dim is None else _axis(dim, x.ndim, "topk")
    if not 0 <= k <= x.shape[ax]:
        raise ValueError(f"For 'topk', k={k} is out of range for axis {ax} of size {x.shape[ax]}.")
    order = _order(x._data, ax, largest)
    idx = np.take(order, np.arange(k), axis=ax)
    return P.take_along_axis(x, idx, ax), _wrap(idx.astype(np.int64))


def nonzero(input, *, as_tuple=False):
    x = _tensor(input, "input", "nonzero")
    nz = np.nonzero(x._data)
    if as_tuple:
        return tuple(_wrap(a.astype(np.int64)) for a in nz)
    return _wrap(np.stack(nz, axis=1).astype(np.int64))


def unique(input):
    values, inverse = np.unique(_tensor(input)._data, return_inverse=True)
    return _wrap(values), _wrap(inverse.astype(np.int64))


# ----------------------------------------------------------------------------- indexing with [] syntax
def _index_of(index, op="getitem"):
    """A NumPy index from a Python/Tensor index; Tensors become arrays, lists become integer/bool arrays."""
    if isinstance(index, tuple):
        return tuple(_index_of(i, op) for i in index)
    if isinstance(index, Tensor):
        arr = index._data
        if arr.dtype.kind not in "biu":
            raise IndexError(f"For '{op}', a Tensor index must be integer or bool, but got {index.dtype}.")
        return arr
    if isinstance(index, list):
        arr = np.asarray(index)
        if arr.dtype.kind not in "biu":
            raise IndexError(f"For '{op}', a list index must hold integers or bools, but got {index!r}.")
        return arr
    if isinstance(index, bool):
        return index
    if isinstance(index, (numbers.Integral, np.integer, slice, type(None), type(Ellipsis), np.ndarray)):
        return index
    raise IndexError(f"For '{op}', unsupported index of type {type(index).__name__}: {index!r}.")


def getitem(x, index):
    return P.getitem(x, _index_of(index))


def setitem(x, index, value):
    idx = _index_of(index, "setitem")
    if isinstance(value, Tensor):
        v = P.cast(value, x._data.dtype)
    else:
        v = _wrap(np.asarray(value, dtype=x._data.dtype))
    target = np.empty(x.shape, np.bool_)[idx].shape
    try:
        np.broadcast_shapes(v.shape, target)
    except ValueError:
        raise ValueError(f"For 'setitem', cannot assign a value of shape {v.shape} to the selection of shape "
                         f"{target} of a tensor of shape {x.shape}.") from None
    if v._trace is not None and v.shape != target:
        v = P.broadcast_to(P.reshape(v, (1,) * (len(target) - v.ndim) + v.shape), target) \
            if v.ndim <= len(target) else v
    return P.setitem(x, v, idx)


# ----------------------------------------------------------------------------- matrix products
def matmul(input, other):
    x, y = _tensor(input, "input", "matmul"), _tensor(other, "other", "matmul")
    if x._data.dtype != y._data.dtype:
        raise TypeError(f"For 'matmul', the inputs must have the same dtype, but got {x.dtype} and {y.dtype}; "
                        f"cast one of them first.")
    xs, ys = x._data.shape, y._data.shape
    if not xs or not ys:
        raise ValueError(f"For 'matmul', the inputs must not be scalars, but got shapes {xs} and {ys}.")
    if xs[-1] != (ys[-2] if len(ys) > 1 else ys[0]):
        # MindSpore raises RuntimeError from its MatMulExt shape inference
        raise RuntimeError(f"For 'matmul', the last dimension of input ({xs}) must equal the "
                           f"{'second-to-last' if len(ys) > 1 else 'only'} dimension of other ({ys}).")
    if len(xs) > 2 or len(ys) > 2:
        try:
            batch = np.broadcast_shapes(x.shape[:-2], y.shape[:-2])
        except ValueError:
            raise ValueError(f"For 'matmul', the batch dimensions of {x.shape} and {y.shape} cannot be "
                             f"broadcast together.") from None
        if x._trace is not None and x.ndim > 1 and x.shape[:-2] != batch:
            x = P.broadcast_to(x, batch + x.shape[-2:])
        if y._trace is not None and y.ndim > 1 and y.shape[:-2] != batch:
            y = P.broadcast_to(y, batch + y.shape[-2:])
    return bind(P.matmul_p, x, y)


def bmm(input_x, mat2):
    x, y = _tensor(input_x), _tensor(mat2)
    if x.ndim < 3 or y.ndim < 3:
        raise ValueError(f"For 'bmm', both inputs must be at least 3-D, but got {x.shape} and {y.shape}.")
    return matmul(x, y)


def mm(input, mat2):
    return matmul(input, mat2)


def dot(input, other):
    return matmul(input, other)


def outer(input, vec2):
    x, y = _tensor(input), _tensor(vec2)
    return matmul(reshape(x, (-1, 1)), reshape(y, (1, -1)))


def inner(input, other):
    """Sum over the last axes of both: for matrices, ``input @ other.T``."""
    x, y = _tensor(input, "input", "inner"), _tensor(other, "other", "inner")
    if x.ndim == 0 or y.ndim == 0:
        return mul(x, y)
    return matmul(x, swapaxes(y, -1, -2) if y.ndim >= 2 else y)


def t(input):
    x = _tensor(input, "input", "t")
    if x.ndim > 2:
        raise ValueError(f"For 't', the input must be at most 2-D, but got shape {x.shape}.")
    return transpose(x, (1, 0)) if x.ndim == 2 else x


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
