"""Tensor creation, casting, shape manipulation, indexing and matrix products with MindSpore's signatures."""
import math
import numbers

from ..._core import backend
from ..._core import dtype as mstype
from ..._core import shapes
from ..._core.errors import OutOfMemoryError, TracerValueError
from ..._core.primitive import bind
from ..._core.shapes import Abstract
from ..._core.tensor import Tensor
from .. import _prims as P
from .image_func import _pad_modes
from .math_func import (TypeRuntimeError, ValueRuntimeError, _axes, _axis, _broadcastable, _coerce, _constant,
                        _flag, _int_arg, _is_int, _real, _tensor, add, mul)
from ..._core.dtype import kind_of


def _shown(v):
    """``v`` and, for a sequence, the types of its elements that are not ints: what a shape error shows."""
    if isinstance(v, (tuple, list)):
        bad = sorted({type(d).__name__ for d in v if not _is_int(d)})
        return f"{v!r}" + (f" (holding {', '.join(bad)})" if bad else "")
    return f"{type(v).__name__} ({v!r})"


# ----------------------------------------------------------------------------- creation
def _shape_arg(shape, op):
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    if _is_int(shape):
        shape = (int(shape),)
    if not isinstance(shape, (tuple, list)) or not all(_is_int(d) for d in shape):
        raise TypeError(f"For '{op}', the shape must be an int, a tuple or list of ints or an int Tensor, "
                        f"but got {_shown(shape)}.")
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


def _filled(op, shape, value, np_dtype):
    try:
        return bind(P.fill_p, shape=shape, value=value, dtype=np_dtype)
    except (OutOfMemoryError, ValueError, TypeError) as e:
        # the error names the ops function (a shape too big to address, a value of the wrong type)
        raise type(e)(str(e).replace("For 'Fill'", f"For '{op}' (Fill)", 1)) from None


def ones(shape, dtype=None):
    shape = _shape_arg(shape, "ones")
    return _filled("ones", shape, 1, _dtype_arg(dtype, mstype.float32, "ones").np_dtype)


def zeros(size, dtype=None):
    shape = _shape_arg(size, "zeros")
    return _filled("zeros", shape, 0, _dtype_arg(dtype, mstype.float32, "zeros").np_dtype)


def ones_like(input, *, dtype=None):
    if dtype is None and isinstance(input, Tensor):
        return _filled("ones_like", input._data.shape, 1, input._data.dtype)
    x = _tensor(input, "input", "ones_like")
    return _filled("ones_like", x.shape, 1, _dtype_arg(dtype, x.dtype, "ones_like").np_dtype)


def zeros_like(input, *, dtype=None):
    if dtype is None and isinstance(input, Tensor):
        return _filled("zeros_like", input._data.shape, 0, input._data.dtype)
    x = _tensor(input, "input", "zeros_like")
    return _filled("zeros_like", x.shape, 0, _dtype_arg(dtype, x.dtype, "zeros_like").np_dtype)


def _fill_value(value, op):
    if isinstance(value, Tensor):
        if value.size != 1:
            raise ValueError(f"For '{op}', the fill value must have one element, but got shape {value.shape}.")
        return value.item()
    if not isinstance(value, numbers.Number) or isinstance(value, complex):
        raise TypeError(f"For '{op}', the fill value must be a number or a one-element Tensor, but got "
                        f"{type(value).__name__} ({value!r}).")
    return value


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
    value = _fill_value(fill_value, "full")
    if dtype.kind in "iu" and isinstance(value, float):
        value = math.trunc(value) if math.isfinite(value) else value
    return _filled("full", shape, value, dtype.np_dtype)


def full_like(input, fill_value, *, dtype=None):
    x = _tensor(input, "input", "full_like")
    return _filled("full_like", x.shape, _fill_value(fill_value, "full_like"),
                   _dtype_arg(dtype, x.dtype, "full_like").np_dtype)


def fill(type, shape, value):
    return _filled("fill", _shape_arg(shape, "fill"), _fill_value(value, "fill"),
                   _dtype_arg(type, mstype.float32, "fill").np_dtype)


def _number(v):
    return v.item() if isinstance(v, Tensor) else v


def arange(start=0, end=None, step=1, *, dtype=None):
    start, end, step = _number(start), _number(end), _number(step)
    if end is None:
        start, end = 0, start
    for name, v in (("start", start), ("end", end), ("step", step)):
        if not isinstance(v, numbers.Real) or isinstance(v, bool):
            raise TypeError(f"For 'arange', '{name}' must be a number, but got {type(v).__name__}.")
    if step == 0:
        raise ValueError("For 'arange', the 'step' must not be 0.")
    if (end - start) * step < 0:
        raise ValueError(f"For 'arange', the range [{start}, {end}) cannot be walked with step {step}.")
    is_float = any(isinstance(v, float) for v in (start, end, step))
    default = mstype.float32 if is_float else mstype.int64
    return P.arange(start, end, step, _dtype_arg(dtype, default, "arange").np_dtype)


def _steps(steps, op):
    steps = _number(steps)
    if not _is_int(steps):
        raise TypeError(f"For '{op}', 'steps' must be an int, but got {type(steps).__name__} ({steps!r}).")
    if steps < 1:
        raise ValueError(f"For '{op}', 'steps' must be a positive int, but got {steps!r}.")
    return int(steps)


def linspace(start, end, steps):
    steps = _steps(steps, "linspace")
    start, end = _real(_number(start), "start", "linspace"), _real(_number(end), "end", "linspace")
    return P.linspace(float(start), float(end), steps, mstype.float32.np_dtype)


def logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    steps = _steps(steps, "logspace")
    start, end = _real(_number(start), "start", "logspace"), _real(_number(end), "end", "logspace")
    _real(base, "base", "logspace")
    exponents = P.linspace(float(start), float(end), steps, mstype.float64.np_dtype)
    out = P.pow_(P.full_like(exponents, float(base)), exponents)
    return P.cast(out, _dtype_arg(dtype, mstype.float32, "logspace").np_dtype)


def eye(n, m=None, dtype=None):
    n = _int_arg(_number(n), "n", "eye")
    m = n if m is None else _int_arg(_number(m), "m", "eye")
    if n < 0 or m < 0:
        raise ValueError(f"For 'eye', 'n' and 'm' must be non-negative, but got n={n}, m={m}.")
    return P.eye(n, m, _dtype_arg(dtype, mstype.float32, "eye").np_dtype)


def tensor(data, dtype=None):
    return Tensor(data, dtype)


# ----------------------------------------------------------------------------- dtype and gradient control
def cast(input, dtype):
    x = _tensor(input, "input", "cast")
    if dtype is None or isinstance(dtype, bool) or not mstype.is_dtype_like(dtype):
        raise TypeError(f"For 'Cast', the input 'dtype' should be mindspore dtype, but got {dtype!r}.")
    return P.cast(x, _dtype_arg(dtype, None, "cast").np_dtype)


def shape(input_x):
    """The shape of a Tensor, as a tuple of ints."""
    if not isinstance(input_x, Tensor):
        raise TypeError(f"For primitive[Shape], the input argument must be Tensor, but got {type(input_x)}.")
    return input_x.shape


def rank(input_x):
    """The number of dimensions of a Tensor."""
    if not isinstance(input_x, Tensor):
        raise TypeError(f"For 'rank', the input must be a Tensor, but got {type(input_x).__name__}.")
    return input_x.ndim


def size(input_x):
    """The number of elements of a Tensor, as an int."""
    if not isinstance(input_x, Tensor):
        raise TypeError(f"For 'size', the input must be a Tensor, but got {type(input_x).__name__}.")
    return input_x.size


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
    unknown = [i for i, d in enumerate(shape) if isinstance(d, int) and d == -1]
    if len(unknown) > 1 or any(isinstance(d, int) and d < -1 for d in shape):
        raise ValueError(f"For '{op}', the shape {shape} may contain at most one -1 and no other negatives.")
    known = math.prod(d for d in shape if not (isinstance(d, int) and d == -1))
    if unknown:
        if known == 0 or size % known:
            raise ValueError(f"For '{op}', cannot reshape a tensor of shape {in_shape} ({size} elements) "
                             f"into {shape}.")
        shape = tuple(size // known if i in unknown else d for i, d in enumerate(shape))
    elif known != size:
        raise ValueError(f"For '{op}', cannot reshape a tensor of shape {in_shape} ({size} elements) into "
                         f"{shape} ({known} elements).")
    return shape


def _shape_of(shape, op):
    """A target shape (an int, a tuple or list of ints, or an int Tensor) as a tuple; TypeError otherwise."""
    if isinstance(shape, Tensor):
        if kind_of(shape._data.dtype) not in "iu":
            raise TypeError(f"For '{op}', a shape Tensor must hold integers, but got {shape.dtype}.")
        shape = shape.tolist()
    if _is_int(shape):
        return (int(shape),)
    if isinstance(shape, (tuple, list)) and all(_is_int(d) or isinstance(d, shapes.Dim) for d in shape):
        return tuple(d if isinstance(d, shapes.Dim) else int(d) for d in shape)
    raise TypeError(f"For '{op}', the shape must be an int, a tuple or list of ints or an int Tensor, but got "
                    f"{_shown(shape)}.")


def reshape(input, shape):
    x = _tensor(input, "input", "reshape")
    return P.reshape(x, _resolve_shape(_shape_of(shape, "reshape"), x._data.size, "reshape", x.shape))


def transpose(input, input_perm):
    x = _tensor(input, "input", "transpose")
    if not isinstance(input_perm, (tuple, list)):
        raise TypeError(f"For 'transpose', the permutation must be a tuple or list of ints, but got "
                        f"{type(input_perm).__name__} ({input_perm!r}).")
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
    if not _is_int(start_dim) or not _is_int(end_dim):
        raise TypeError("For 'flatten', both 'start_dim' and 'end_dim' must be int.")
    if order not in ("C", "F"):
        raise ValueError(f"For 'flatten', 'order' must be 'C' or 'F', but got {order!r}.")
    if order == "F":
        if x.ndim <= 1:
            return P.reshape(x, (x._data.size,))
        x = P.transpose(x, tuple(range(x.ndim - 1, -1, -1)))
    if x.ndim <= 1 and start_dim == 1 and end_dim == -1:
        return P.reshape(x, (x._data.size,))
    n = max(x.ndim, 1)
    for d in (start_dim, end_dim):
        if not -n <= d < n:
            raise ValueError(f"For 'flatten', 'start_dim' or 'end_dim' out of range: {d} for a tensor of rank "
                             f"{x.ndim} (expected [{-n}, {n - 1}]).")
    s, e = int(start_dim) % n, int(end_dim) % n
    if s > e:
        raise ValueError(f"For 'flatten', 'start_dim' ({start_dim}) cannot come after 'end_dim' ({end_dim}).")
    if x.ndim <= 1:
        return P.reshape(x, (x._data.size,))
    if s == e:
        return x
    return P.reshape(x, x.shape[:s] + (math.prod(x.shape[s:e + 1]),) + x.shape[e + 1:])


def ravel(input):
    x = _tensor(input, "input", "ravel")
    return P.reshape(x, (x._data.size,))


def broadcast_to(input, shape):
    x = _tensor(input, "input", "broadcast_to")
    shape = _shape_of(shape, "broadcast_to")
    if any(isinstance(d, int) and d < -1 for d in shape):
        # (MindSpore: RuntimeError)
        raise ValueRuntimeError(f"For 'broadcast_to', the shape {shape} has a negative dimension other than -1.")
    lead = len(shape) - x.ndim
    if lead < 0:
        raise ValueError(f"For 'broadcast_to', cannot broadcast shape {x.shape} to the shorter shape {shape}.")
    if any(d == -1 for d in shape[:lead]):
        raise ValueError(f"For 'broadcast_to', -1 can only stand for an existing dimension, but {shape} has it "
                         f"in a new leading dimension of a tensor of shape {x.shape}.")
    shape = tuple(x.shape[i - lead] if d == -1 else d for i, d in enumerate(shape))
    try:
        ok = shapes.broadcast_shapes(x.shape, shape) == shape
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"For 'broadcast_to', cannot broadcast shape {x.shape} to {shape}.")
    return P.broadcast_to(x, shape)


def expand_as(input, other):
    return broadcast_to(input, _tensor(other, "other", "expand_as").shape)


def tile(input, dims):
    x = _tensor(input, "input", "tile")
    if not isinstance(dims, (tuple, list)) or not all(_is_int(d) for d in dims):
        raise TypeError(f"For 'tile', 'dims' must be a tuple of ints, but got {dims!r} "
                        f"({', '.join(sorted({type(d).__name__ for d in dims})) if isinstance(dims, (tuple, list)) else type(dims).__name__}).")
    dims = tuple(int(d) for d in dims)
    if any(d < 0 for d in dims):
        raise ValueError(f"For 'tile', 'dims' must be non-negative, but got {dims}.")
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
        x, axis = P.reshape(x, (x._data.size,)), 0
    ax = _axis(axis, x.ndim, "repeat_interleave")
    counts = repeats.tolist() if isinstance(repeats, Tensor) else repeats
    n = x.shape[ax]
    if not (_is_int(counts) or isinstance(counts, (list, tuple)) and all(_is_int(c) for c in counts)):
        raise TypeError(f"For 'repeat_interleave', 'repeats' must be an int, a list of ints or an int Tensor, but "
                        f"got {_shown(counts)}.")
    counts = [counts] * n if _is_int(counts) else list(counts)
    if len(counts) != n or not all(_is_int(c) and c >= 0 for c in counts):
        raise ValueError(f"For 'repeat_interleave', 'repeats' must be a non-negative int or one per element of axis "
                         f"{ax} (size {n}), but got {repeats!r}.")
    index = [i for i, c in enumerate(counts) for _ in range(c)]
    return P.take(x, backend.host_index(index).astype("int64"), ax)


def _tensor_list(tensors, op):
    if not isinstance(tensors, (list, tuple)):
        raise TypeError(f"For '{op}', 'tensors' must be a list or tuple of Tensors, but got "
                        f"{type(tensors).__name__}.")
    if len(tensors) == 0:
        raise ValueError(f"For '{op}', 'tensors' must hold at least one Tensor, but got an empty "
                         f"{type(tensors).__name__}.")


def cat(tensors, axis=0):
    _tensor_list(tensors, "cat")
    ts = [_tensor(t, "tensors", "cat") for t in tensors]
    dtype = ts[0].dtype
    for t in ts[1:]:
        dtype = mstype.promote(dtype, t.dtype)
    ts = [P.cast(t, dtype.np_dtype) for t in ts]
    ax = _axis(axis, ts[0].ndim, "cat")
    first = ts[0].shape
    for t in ts[1:]:
        if t.ndim != len(first) or any(a != b for i, (a, b) in enumerate(zip(t.shape, first)) if i != ax):
            raise ValueError(f"For 'cat', all tensors must have the same shape except in axis {ax}, but got "
                             f"{[x.shape for x in ts]}.")
    return P.concat(ts, ax)


concat = cat


def stack(tensors, axis=0):
    _tensor_list(tensors, "stack")
    ts = [_tensor(t, "tensors", "stack") for t in tensors]
    shape_set = {t.shape for t in ts}
    if len(shape_set) != 1:
        raise ValueError(f"For 'stack', all tensors must have the same shape, but got {[t.shape for t in ts]}.")
    ax = _axis(axis, ts[0].ndim + 1, "stack")
    return cat([expand_dims(t, ax) for t in ts], ax)


def _narrowed(x, ax, start, stop):
    starts = [0] * x.ndim
    stops = list(x.shape)
    starts[ax], stops[ax] = start, stop
    return P.slice_(x, starts, stops)


def split(tensor, split_size_or_sections, axis=0):
    x = _tensor(tensor, "tensor", "split")
    ax = _axis(axis, x.ndim, "split", strict=True)
    n = x.shape[ax]
    if _is_int(split_size_or_sections):
        size = int(split_size_or_sections)
        if size <= 0:
            raise ValueError(f"For 'split', the split size must be positive, but got {size}.")
        sizes = [size] * (n // size) + ([n % size] if n % size else [])
    elif isinstance(split_size_or_sections, (list, tuple)):
        sizes = list(split_size_or_sections)
        if not all(_is_int(s) and s >= 0 for s in sizes):
            raise TypeError(f"For 'split', each element in 'split_size_or_sections' should be a non-negative int, "
                            f"but got {sizes}.")
        if sum(sizes) != n:
            raise ValueError(f"For 'split', the sections {sizes} do not add up to the size {n} of axis {ax}.")
    else:
        raise TypeError(f"For 'split', 'split_size_or_sections' must be an int or a list of ints, but got "
                        f"{type(split_size_or_sections).__name__}.")
    out, start = [], 0
    for s in sizes:
        out.append(_narrowed(x, ax, start, start + s))
        start += s
    return tuple(out)


def chunk(input, chunks, axis=0):
    x = _tensor(input, "input", "chunk")
    ax = _axis(axis, x.ndim, "chunk", strict=True)
    _int_arg(chunks, "chunks", "chunk")
    if chunks <= 0:
        raise ValueError(f"For 'chunk', 'chunks' must be a positive int, but got {chunks!r}.")
    size = -(-x.shape[ax] // chunks)
    return split(x, max(size, 1), ax)


def unbind(input, dim=0):
    x = _tensor(input, "input", "unbind")
    if x.ndim == 0:
        raise ValueError("For 'unbind', the input must have at least 1 dimension, but got a 0-d tensor.")
    ax = _axis(dim, x.ndim, "unbind")
    rest = x.shape[:ax] + x.shape[ax + 1:]
    return tuple(P.reshape(_narrowed(x, ax, i, i + 1), rest) for i in range(x.shape[ax]))


def unstack(input_x, axis=0):
    """The slices of ``input_x`` along ``axis``, as a tuple (``unbind``)."""
    x = _tensor(input_x, "input_x", "unstack")
    if x.ndim == 0:
        raise ValueError("For 'unstack', the input must have at least 1 dimension, but got a 0-d tensor.")
    return unbind(x, _axis(axis, x.ndim, "unstack", strict=True))


def narrow(input, axis, start, length):
    x = _tensor(input, "input", "narrow")
    ax = _axis(axis, x.ndim, "narrow", strict=True)
    start, length = _int_arg(start, "start", "narrow"), _int_arg(length, "length", "narrow")
    n = x.shape[ax]
    if start < 0:
        start += n
    if not (0 <= start <= n and length >= 0 and start + length <= n):
        raise ValueError(f"For 'narrow', start={start} and length={length} do not fit in axis {ax} of size {n} "
                         f"(shape {x.shape}).")
    return _narrowed(x, ax, start, start + length)


def flip(input, dims):
    x = _tensor(input, "input", "flip")
    return P.flip(x, _axes(dims, x.ndim, "flip"))


def roll(input, shifts, dims=None):
    x = _tensor(input, "input", "roll")
    if dims is None:
        flat = P.reshape(x, (x._data.size,))
        return P.reshape(roll(flat, shifts, 0), x.shape)
    for name, v in (("shifts", shifts), ("dims", dims)):
        if not (_is_int(v) or isinstance(v, (tuple, list)) and all(_is_int(d) for d in v)):
            raise TypeError(f"For 'roll', '{name}' must be an int or a tuple of ints, but got {_shown(v)}.")
    shifts = (shifts,) if _is_int(shifts) else tuple(shifts)
    dims = (dims,) if _is_int(dims) else tuple(dims)
    if len(shifts) != len(dims):
        raise ValueError(f"For 'roll', 'shifts' {shifts} and 'dims' {dims} must have the same length.")
    for s, d in zip(shifts, dims):
        ax = _axis(d, x.ndim, "roll")
        n = x.shape[ax]
        s = s % n if n else 0
        if s:
            x = P.concat([_narrowed(x, ax, n - s, n), _narrowed(x, ax, 0, n - s)], ax)
    return x


def _matrix_arg(input, op):
    x = _tensor(input, "input", op)
    if x.ndim < 2:
        raise ValueError(f"For '{op}', the input must have at least 2 dimensions, but got rank {x.ndim} (shape "
                         f"{x.shape}).")
    return x


def tril(input, diagonal=0):
    return P.tril(_matrix_arg(input, "tril"), _int_arg(diagonal, "diagonal", "tril"))


def triu(input, diagonal=0):
    return P.triu(_matrix_arg(input, "triu"), _int_arg(diagonal, "diagonal", "triu"))


def diag(input):
    x = _tensor(input, "input", "diag")
    if x.ndim != 1:
        raise ValueError(f"For 'diag', the input must be 1-D, but got shape {x.shape}.")
    n = x.shape[0]
    return P.mul(P.eye(n, n, x._data.dtype), P.broadcast_to(P.reshape(x, (1, n)), (n, n)))


def meshgrid(*inputs, indexing='xy'):
    if len(inputs) == 1 and isinstance(inputs[0], (tuple, list)):
        inputs = inputs[0]
    if indexing not in ("xy", "ij"):
        raise ValueError(f"For 'meshgrid', indexing must be 'xy' or 'ij', but got {indexing!r}.")
    ts = [reshape(_tensor(t, "inputs", "meshgrid"), (-1,)) for t in inputs]
    sizes = [t.shape[0] for t in ts]
    if indexing == "xy" and len(ts) >= 2:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    out = []
    for i, t in enumerate(ts):
        axis = (1 - i if i < 2 else i) if indexing == "xy" and len(ts) >= 2 else i
        view = [1] * len(ts)
        view[axis] = t.shape[0]
        out.append(P.broadcast_to(P.reshape(t, tuple(view)), tuple(sizes)))
    return tuple(out)


# ----------------------------------------------------------------------------- selection
def where(condition, x, y):
    cond = _tensor(condition, "condition", "where")
    if kind_of(cond._data.dtype) != "b":
        # (MindSpore's Select takes a Bool condition only; a float mask is usually a mistake)
        raise TypeError(f"For 'where', the condition must be a bool Tensor, but got {cond.dtype}.")
    x, y = _coerce(x, y, "where")
    shape = shapes.broadcast_shapes(cond.shape, x.shape, y.shape, op="where")
    if x._trace is not None or y._trace is not None:
        x, y = P.broadcast_to(x, shape), P.broadcast_to(y, shape)
    return P.where(cond, x, y)


def masked_fill(input_x, mask, value):
    x = _tensor(input_x, "input_x", "masked_fill")
    m = _tensor(mask, "mask", "masked_fill")
    if kind_of(m._data.dtype) != "b":
        raise TypeError(f"For 'masked_fill', the mask must be a bool Tensor, but got {m.dtype}.")
    if isinstance(value, Tensor):
        if value.ndim != 0:
            raise ValueError(f"For 'masked_fill', the value must be a number or a 0-d Tensor, but got a Tensor "
                             f"of shape {value.shape}.")
        if kind_of(value._data.dtype) == "f" and kind_of(x._data.dtype) in "iub":
            raise TypeError(f"For 'masked_fill', a {value.dtype} value cannot fill a {x.dtype} tensor; cast the "
                            f"input first.")
        v = value
    else:
        _real(value, "value", "masked_fill")
        if isinstance(value, float) and kind_of(x._data.dtype) in "iub":
            # (MindSpore 2.10's MaskedFill kernel refuses a float value for an integer input instead of truncating)
            raise TypeError(f"For 'masked_fill', a float value ({value!r}) cannot fill a {x.dtype} tensor; give an "
                            f"int, or cast the input first.")
        v = _constant(value, x._data.dtype)
    _broadcastable("masked_fill", x, m)
    return where(m, P.cast(v, x._data.dtype), x)


def select(cond, x, y):
    return where(cond, x, y)


def _index_tensor(indices, op):
    """Integer indices as a Tensor (a graph input when they are one)."""
    if not isinstance(indices, Tensor):
        indices = _tensor(indices, "indices", op)
    if kind_of(indices._data.dtype) not in "iu":
        raise TypeError(f"For '{op}', the indices must be integers, but got {indices.dtype}.")
    return indices


def gather(input_params, input_indices, axis, batch_dims=0):
    x = _tensor(input_params, "input_params", "gather")
    ax = _axis(axis, x.ndim, "gather")
    if batch_dims:
        raise ValueError("For 'gather', batch_dims other than 0 is not supported.")
    return P.gather(x, _index_tensor(input_indices, "gather"), ax)


def index_select(input, axis, index):
    idx = _index_tensor(index, "index_select")
    if idx.ndim != 1:
        raise ValueError(f"For 'index_select', the index must be 1-D, but got shape {idx.shape}.")
    return gather(input, idx, axis)


def gather_elements(input, dim, index):
    x = _tensor(input, "input", "gather_elements")
    ax = _axis(dim, x.ndim, "gather_elements")
    idx = _index_tensor(index, "gather_elements")
    if idx.ndim != x.ndim:
        raise ValueError(f"For 'gather_elements', the index must have the rank of the input ({x.ndim}), "
                         f"but got shape {idx.shape}.")
    if any(i != ax and e > n for i, (e, n) in enumerate(zip(idx.shape, x.shape))):
        raise ValueError(f"For 'gather_elements', the index of shape {idx.shape} must not be larger than the input "
                         f"of shape {x.shape} outside dimension {ax}.")
    return P.take_along_axis(x, idx, ax)


def gather_d(x, dim, index):
    return gather_elements(x, dim, index)


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    idx = _index_tensor(indices, "one_hot")
    depth = _number(depth)
    if not _is_int(depth):
        raise TypeError(f"For 'one_hot', 'depth' must be an int, but got {type(depth).__name__} ({depth!r}).")
    if depth < 0:
        raise ValueError(f"For 'one_hot', the depth value must be greater than or equal to 0, but got {depth}.")
    _int_arg(axis, "axis", "one_hot")
    if not -1 <= axis <= idx.ndim:
        raise ValueError(f"For 'one_hot', 'axis' must be in [-1, {idx.ndim}], but got {axis}.")
    on = on_value if isinstance(on_value, Tensor) else _tensor(on_value, "on_value", "one_hot")
    off = off_value if isinstance(off_value, Tensor) else _tensor(off_value, "off_value", "one_hot")
    dtype = on._data.dtype if isinstance(on_value, Tensor) else (
        mstype.float32.np_dtype if kind_of(on._data.dtype) == "f" else mstype.int64.np_dtype)
    return P.one_hot(idx, P.cast(on, dtype), P.cast(off, dtype), int(depth), int(axis))


def pad(input_x, padding, mode='constant', value=None):
    """``padding`` lists (left, right) pairs starting from the LAST dimension, as in MindSpore/PyTorch; negative
    values crop. Modes 'reflect', 'replicate' and 'circular' follow MindSpore's PadV3 (2, 4 or 6 paddings for a
    2- to 5-D input, see ``image_func._pad_modes``); they are one ``Resample`` primitive each way."""
    x = _tensor(input_x, "input_x", "pad")
    if isinstance(padding, Tensor):
        if padding.ndim != 1 or kind_of(padding._data.dtype) not in "iu":
            raise TypeError(f"For 'pad', a Tensor 'padding' must be a 1-D int Tensor, but got shape {padding.shape} "
                            f"and {padding.dtype}.")
        padding = padding.tolist()
    if not isinstance(padding, (tuple, list)) or not all(_is_int(p) for p in padding):
        raise TypeError(f"For 'pad', 'padding' must be a tuple of ints, but got {_shown(padding)}.")
    padding = tuple(int(p) for p in padding)
    if len(padding) % 2:
        raise ValueError(f"For 'pad', 'padding' must hold (left, right) pairs, but got {len(padding)} values: "
                         f"{padding}.")
    if not padding:
        return x
    if mode != 'constant':
        return _pad_modes(x, padding, mode, value)
    if value is not None and not isinstance(value, Tensor):
        _real(value, "value", "pad")
    if len(padding) // 2 > x.ndim:
        raise ValueError(f"For 'pad', 'padding' must hold (left, right) pairs for at most {x.ndim} "
                         f"dimensions, but got {padding}.")
    widths = [(0, 0)] * x.ndim
    for i in range(len(padding) // 2):
        widths[x.ndim - 1 - i] = (padding[2 * i], padding[2 * i + 1])
    for (b, a), n in zip(widths, x.shape):
        for w in (b, a):
            if w < -n:
                raise ValueError(f"For 'pad', the paddings must be greater than or equal to -{n} (the size of the "
                                 f"dimension), but got {w}.")
        if b + a < -n:
            raise ValueError(f"For 'pad', the paddings ({b}, {a}) remove more than the {n} elements of the "
                             f"dimension.")
    if any(b < 0 or a < 0 for b, a in widths):   # negative padding crops
        starts = [-b if b < 0 else 0 for b, _ in widths]
        stops = [n + a if a < 0 else n for (_, a), n in zip(widths, x.shape)]
        x = P.slice_(x, starts, stops)
        widths = [(max(b, 0), max(a, 0)) for b, a in widths]
    return P.pad(x, tuple(widths), 0 if value is None else _number(value))


def sort(input_x, axis=-1, descending=False):
    x = _tensor(input_x, "input_x", "sort")
    ax = _axis(axis, x.ndim, "sort")
    idx = P.argsort(x, ax, _flag(descending, "descending", "sort"))
    return P.take_along_axis(x, idx, ax), P.cast(idx, mstype.int32.np_dtype)


def argsort(input, axis=-1, descending=False):
    x = _tensor(input, "input", "argsort")
    return P.cast(P.argsort(x, _axis(axis, x.ndim, "argsort"), _flag(descending, "descending", "argsort")),
                  mstype.int32.np_dtype)


def topk(input, k, dim=None, largest=True, sorted=True):
    """The k largest (or smallest) values along ``dim`` (the last by default) and their Int32 positions; ties keep
    the earlier position first. The values are always sorted (as MindSpore's CPU kernel gives them, whatever
    ``sorted`` says)."""
    x = _tensor(input, "input", "topk")
    ax = x.ndim - 1 if dim is None else _axis(dim, x.ndim, "topk")
    _int_arg(k, "k", "topk")
    largest, _ = _flag(largest, "largest", "topk"), _flag(sorted, "sorted", "topk")
    n = x.shape[ax] if x.ndim else 1
    if not 0 < k <= n:
        raise ValueError(f"For 'topk', the k must be in (0, {n}] (the size of axis {ax} of shape {x.shape}), but "
                         f"got {k!r}.")
    idx = _narrowed(P.argsort(x, ax, largest), ax, 0, k)
    return P.take_along_axis(x, idx, ax), P.cast(idx, mstype.int32.np_dtype)


def nonzero(input, *, as_tuple=False):
    x = _tensor(input, "input", "nonzero")
    nz = P.nonzero(x)
    if as_tuple:
        return tuple(P.reshape(_narrowed(nz, 1, i, i + 1), (nz.shape[0],)) for i in range(x.ndim))
    return nz


def unique(input):
    """(the distinct values in order of first appearance, each element's position among them): Int32 positions
    (Int64 for an Int64 input). The values are the input gathered at each value's first position, so a gradient
    reaches those elements (MindSpore 2.10 has none and raises); under jit the value-dependent shape makes the
    function run eagerly."""
    x = _tensor(input, "input", "unique")
    if kind_of(x._data.dtype) == "b":
        raise TypeError(f"For 'unique', the input must be a number tensor, but got {x.dtype}.")
    flat = P.reshape(x, (x._data.size,))
    return P.gather(flat, P.unique(x, "first"), 0), P.unique(x, "inverse")


def masked_select(input, mask):
    """The elements of ``input`` where the bool ``mask`` (broadcast with it) is True, as a 1-D tensor. Its length
    depends on the values: under jit the function runs eagerly."""
    x = _tensor(input, "input", "masked_select")
    m = _tensor(mask, "mask", "masked_select")
    if kind_of(m._data.dtype) != "b":
        raise TypeRuntimeError(f"For 'masked_select', the mask must be a bool Tensor, but got {m.dtype}.")
    shape = shapes.broadcast_shapes(x.shape, m.shape, op="masked_select")
    flat_x = P.reshape(P.broadcast_to(x, shape), (math.prod(shape),))
    flat_m = P.reshape(P.broadcast_to(m, shape), (math.prod(shape),))
    found = P.nonzero(flat_m)
    positions = P.reshape(found, (found.shape[0],))
    return P.gather(flat_x, positions, 0)


# ----------------------------------------------------------------------------- scatters
def _same_dtype(x, y, op, what="updates"):
    if x._data.dtype != y._data.dtype:
        raise TypeError(f"For '{op}', the input and the {what} must have the same dtype, but got {x.dtype} and "
                        f"{y.dtype}.")


def tensor_scatter_elements(input_x, indices, updates, axis=0, reduction='none'):
    """A copy of ``input_x`` with ``updates[i][j]`` written (``reduction='none'``; of repeated positions the last
    wins) or added (``'add'``) at ``input_x[indices[i][j]][j]`` for ``axis=0`` (likewise along any axis).
    Out-of-range indices raise (MindSpore 2.10's CPU kernel drops them silently); negative ones count from the
    end."""
    op = "tensor_scatter_elements"
    x = _tensor(input_x, "input_x", op)
    idx = _index_tensor(indices, op)
    u = _tensor(updates, "updates", op)
    _same_dtype(x, u, op)
    ax = _axis(axis, x.ndim, op, strict=True)
    if reduction not in ("none", "add"):
        raise ValueError(f"For '{op}', 'reduction' must be 'none' or 'add', but got {reduction!r}.")
    try:
        P.scatter_elements_p.abstract(x._data, u._data, idx._data, axis=ax)     # shape errors at the call
    except ValueError as e:
        # (MindSpore raises RuntimeError from its kernel's shape check)
        raise ValueRuntimeError(str(e).replace("'TensorScatterElements'", f"'{op}'", 1)) from None
    if reduction == "add":
        idx = P.check_range(idx, x.shape[ax], op)
        return P.add(x, P.scatter_add_elements(u, idx, ax, x.shape))
    return P.scatter_elements(x, idx, u, ax)


def scatter(input, axis, index, src):
    """``tensor_scatter_elements(input, index, src, axis)``."""
    return tensor_scatter_elements(input, index, src, axis)


def _nd_shapes(x_shape, idx, updates, op):
    """The shape rule of the N-d gathers and scatters, at the call (its errors name ``op``)."""
    P.index._nd_abstract_check(x_shape, idx._data, None if updates is None else updates._data.shape, op)


def scatter_nd(indices, updates, shape):
    """Zeros of ``shape`` (a tuple) with ``updates`` added at ``indices`` (..., K): repeated indices accumulate."""
    op = "scatter_nd"
    idx = _index_tensor(indices, op)
    u = _tensor(updates, "updates", op)
    if not isinstance(shape, tuple) or not all(_is_int(d) for d in shape):
        raise TypeError(f"For '{op}', 'shape' must be a tuple of ints, but got {_shown(shape)}.")
    if not shape or any(d <= 0 for d in shape):
        raise ValueError(f"For '{op}', 'shape' must be a non-empty tuple of positive ints, but got {shape}.")
    _nd_shapes(shape, idx, u, op)
    return P.scatter_nd(u, idx, tuple(int(d) for d in shape))


def tensor_scatter_add(input_x, indices, updates):
    """``input_x`` plus ``updates`` added at ``indices`` (..., K) (repeated indices accumulate)."""
    op = "tensor_scatter_add"
    x, idx, u = _tensor(input_x, "input_x", op), _index_tensor(indices, op), _tensor(updates, "updates", op)
    _same_dtype(x, u, op)
    _nd_shapes(x.shape, idx, u, op)
    return P.add(x, P.scatter_nd(u, idx, x.shape))


def tensor_scatter_update(input_x, indices, updates):
    """A copy of ``input_x`` with the slices at ``indices`` (..., K) replaced by ``updates`` (of repeated indices,
    the last wins)."""
    op = "tensor_scatter_update"
    x, idx, u = _tensor(input_x, "input_x", op), _index_tensor(indices, op), _tensor(updates, "updates", op)
    _same_dtype(x, u, op)
    _nd_shapes(x.shape, idx, u, op)
    return P.scatter_nd_update(x, idx, u)


def gather_nd(input_x, indices):
    """The slices of ``input_x`` at the (..., K) integer ``indices``: shape ``indices.shape[:-1] +
    input_x.shape[K:]``."""
    op = "gather_nd"
    x, idx = _tensor(input_x, "input_x", op), _index_tensor(indices, op)
    _nd_shapes(x.shape, idx, None, op)
    return P.gather_nd(x, idx)


def index_add(x, indices, y, axis, use_lock=True, check_index_bound=True):
    """``x`` with the slices of ``y`` added at the 1-D ``indices`` of ``axis`` (repeated indices accumulate).

    Functional: MindSpore 2.10 also writes the sum into ``x`` in place; minispore returns it and leaves ``x``
    unchanged (so that gradients through it are defined)."""
    op = "index_add"
    xt, yt = _tensor(x, "x", op), _tensor(y, "y", op)
    idx = _index_tensor(indices, op)
    _same_dtype(xt, yt, op, "y")
    ax = _axis(axis, xt.ndim, op, strict=True)
    if idx.ndim != 1:
        raise ValueError(f"For '{op}', the indices must be 1-D, but got shape {idx.shape}.")
    expected = xt.shape[:ax] + (idx.shape[0],) + xt.shape[ax + 1:]
    if yt.shape != expected:
        raise ValueError(f"For '{op}', y must have shape {expected} (x's shape {xt.shape} with axis {ax} the length "
                         f"of the indices), but got {yt.shape}.")
    idx = P.check_range(idx, xt.shape[ax], op) if check_index_bound else idx
    return P.add(xt, P.index_add_along(yt, idx, ax, xt.shape))


# ----------------------------------------------------------------------------- indexing with [] syntax
def _index_of(index, op="getitem"):
    """A host index from a Python/Tensor index; Tensors and lists become integer or bool arrays."""
    if isinstance(index, tuple):
        return tuple(_index_of(i, op) for i in index)
    if isinstance(index, Tensor):
        if type(index._data) is Abstract:
            raise TracerValueError("indexing with a Tensor computed in the function")
        if kind_of(index._data.dtype) not in "biu":
            raise IndexError(f"For '{op}', a Tensor index must be integer or bool, but got {index.dtype}.")
        return backend.host_index(backend.to_numpy(index._data))
    if isinstance(index, list):
        try:
            arr = backend.host_index(index)
        except ValueError:
            raise IndexError(f"For '{op}', the list index {index!r} is ragged: its rows have different "
                             f"lengths.") from None
        if arr.dtype.kind not in "biu":
            raise IndexError(f"For '{op}', a list index must hold integers or bools, but got {index!r}.")
        return arr
    if isinstance(index, slice):
        for bound in (index.start, index.stop, index.step):
            if bound is not None and not _is_int(bound):
                # (MindSpore: RuntimeError "Slice index type must be int, tensor or none")
                raise TypeRuntimeError(f"For '{op}', slice bounds must be ints or None, but got {index!r} "
                                       f"(a {type(bound).__name__}).")
        return index
    if isinstance(index, bool) or index is None or index is Ellipsis:
        return index
    if _is_int(index):
        return int(index)
    if backend.is_array(index) or hasattr(index, "__array_interface__"):
        return backend.host_index(index)
    raise IndexError(f"For '{op}', unsupported index of type {type(index).__name__}: {index!r}.")


def _check_index_tensors(x, index, raw, op):
    """Index tensors out of range raise what MindSpore's Gather raises (a RuntimeError naming the value)."""
    items = index if isinstance(index, tuple) else (index,)
    raws = raw if isinstance(raw, tuple) else (raw,)
    if not any(isinstance(r, Tensor) for r in raws):
        return
    try:
        shapes.index_shape(x.shape, index, op)
    except IndexError as e:
        from ..._core.errors import IndexOutOfRangeError
        if any(isinstance(r, Tensor) and getattr(i, "dtype", None) is not None and i.dtype.kind in "iu"
               for r, i in zip(raws, items)):
            raise IndexOutOfRangeError(str(e)) from None
        raise


class _ScalarIndexError(IndexError, TypeError):
    """Indexing a 0-d tensor with an integer (MindSpore: TypeError "Cannot iterate over a scalar tensor")."""


def _computed_index(index):
    """Whether ``index`` holds a Tensor computed in a function being compiled (its value is unknown)."""
    items = index if isinstance(index, tuple) else (index,)
    return any(isinstance(i, Tensor) and type(i._data) is Abstract for i in items)


def _gather_by_index(x, index):
    """``x[index]`` for integer indices whose values are computed in a compiled function: a Gather for one index
    tensor, a GatherNd for a leading run of ints and integer tensors (broadcast together, as NumPy's advanced
    indexing does), followed by full slices. Anything else (bool masks: value-dependent shapes) runs eagerly."""
    items = list(index) if isinstance(index, tuple) else [index]
    while items and (items[-1] is Ellipsis or (isinstance(items[-1], slice) and items[-1] == slice(None))):
        items.pop()
    ok = len(items) <= x.ndim and all(
        (isinstance(i, Tensor) and kind_of(i._data.dtype) in "iu") or (_is_int(i) and not isinstance(i, bool))
        for i in items)
    if not ok:
        raise TracerValueError("indexing with a Tensor computed in the function")
    if len(items) == 1:
        return P.gather(x, items[0], 0)
    tensors = []
    for axis, i in enumerate(items):
        if isinstance(i, Tensor):
            tensors.append(P.cast(i, mstype.int64.np_dtype))
        else:
            n = x.shape[axis]
            tensors.append(_constant(int(i) % n if -n <= int(i) < n else int(i), mstype.int64.np_dtype))
    shape = shapes.broadcast_shapes(*[t.shape for t in tensors])
    stacked = P.concat([P.reshape(P.broadcast_to(t, shape), shape + (1,)) for t in tensors], len(shape))
    return P.gather_nd(x, stacked)


def getitem(x, index):
    if _computed_index(index):
        return _gather_by_index(x, index)
    idx = _index_of(index)
    _check_index_tensors(x, idx, index, "getitem")
    try:
        return P.getitem(x, idx)
    except IndexError:
        # the shape rule words it better than the kernel, and a 0-d tensor has nothing to index into
        if x.ndim == 0 and idx is not None and idx is not Ellipsis and not isinstance(idx, (bool, tuple)):
            raise _ScalarIndexError(f"For 'getitem', a 0-d tensor (shape ()) cannot be indexed with {index!r}; "
                                    f"use Tensor.item().") from None
        shapes.index_shape(x.shape, idx, "getitem")
        raise


def setitem(x, index, value):
    idx = _index_of(index, "setitem")
    if isinstance(value, Tensor):
        v = P.cast(value, x._data.dtype)
    elif value is None or isinstance(value, (str, bytes, dict, set, complex)):
        raise TypeError(f"For 'setitem', only numbers, Tensors, tuples and lists can be assigned, but got "
                        f"{value!r} of type {type(value).__name__}.")
    else:
        v = P.cast(_tensor(value, "value", "setitem", lists=True), x._data.dtype)
    target = shapes.index_shape(x.shape, idx, "setitem")
    try:
        shapes.broadcast_shapes(v.shape, target)
        if len(v.shape) > len(target):
            raise ValueError
    except ValueError:
        raise ValueError(f"For 'setitem', cannot assign a value of shape {v.shape} to the selection of shape "
                         f"{target} of a tensor of shape {x.shape}.") from None
    if v._trace is not None and v.shape != target:
        v = P.broadcast_to(P.reshape(v, (1,) * (len(target) - v.ndim) + v.shape), target)
    return P.setitem(x, v, idx)


# ----------------------------------------------------------------------------- matrix products
_BOOL = backend.xp.dtype(bool)


def _matmul(input, other, op):
    """``matmul`` for the ops built on it: its errors name ``op``."""
    try:
        return matmul(input, other)
    except (TypeError, ValueError) as e:
        text = str(e)
        if not text.startswith("For 'matmul'"):
            raise
        raise type(e)(f"For '{op}'" + text[len("For 'matmul'"):]) from None


def matmul(input, other):
    op = "matmul"
    x = input if isinstance(input, Tensor) else _tensor(input, "input", op)
    y = other if isinstance(other, Tensor) else _tensor(other, "other", op)
    dt = x._data.dtype
    if dt != y._data.dtype or dt is _BOOL:
        if dt.kind == "b":
            raise TypeError(f"For '{op}', the inputs must be numbers, but got {x.dtype} and {y.dtype} tensors.")
        raise TypeError(f"For '{op}', the inputs must have the same dtype, but got {x.dtype} and {y.dtype}; "
                        f"cast one of them first.")
    xs, ys = x._data.shape, y._data.shape
    # shape errors: MindSpore raises RuntimeError from its MatMulExt shape inference (ValueError from MatMul)
    if not xs or not ys:
        raise ValueRuntimeError(f"For '{op}', the inputs must not be scalars, but got shapes {xs} and {ys}.")
    if xs[-1] != (ys[-2] if len(ys) > 1 else ys[0]):
        raise ValueRuntimeError(f"For '{op}', the last dimension of input ({xs}) must equal the "
                                f"{'second-to-last' if len(ys) > 1 else 'only'} dimension of other ({ys}).")
    if len(xs) > 2 or len(ys) > 2:
        try:
            batch = shapes.broadcast_shapes(xs[:-2], ys[:-2])
        except ValueError:
            raise ValueRuntimeError(f"For '{op}', the batch dimensions of {xs} and {ys} cannot be "
                                    f"broadcast together.") from None
        if x._trace is not None and x.ndim > 1 and xs[:-2] != batch:
            x = P.broadcast_to(x, batch + xs[-2:])
        if y._trace is not None and y.ndim > 1 and ys[:-2] != batch:
            y = P.broadcast_to(y, batch + ys[-2:])
    return bind(P.matmul_p, x, y)


def bmm(input_x, mat2):
    """Batched matrix products of equal batch dimensions (MindSpore 2.10's BatchMatMul does not broadcast them on
    CPU); as in MindSpore 2.10, 2-D inputs are multiplied as matrices."""
    x, y = _tensor(input_x, "input_x", "bmm"), _tensor(mat2, "mat2", "bmm")
    if x.ndim < 2 or y.ndim < 2:
        raise ValueError(f"For 'bmm', both inputs must be at least 2-D, but got {x.shape} and {y.shape}.")
    if x.shape[:-2] != y.shape[:-2]:
        raise ValueError(f"For 'bmm', the batch dimensions of the inputs must be equal (they are not broadcast), "
                         f"but got shapes {x.shape} and {y.shape}.")
    if x.shape[-1] != y.shape[-2]:
        raise ValueError(f"For 'bmm', the rows of mat2 must equal the columns of input_x, but got shapes {x.shape} "
                         f"and {y.shape}.")
    return _matmul(x, y, "bmm")


def baddbmm(input, batch1, batch2, beta=1, alpha=1):
    """``beta * input + alpha * bmm(batch1, batch2)``, ``input`` broadcast to the product's shape."""
    op = "baddbmm"
    x = _tensor(input, "input", op)
    beta, alpha = _real(beta, "beta", op), _real(alpha, "alpha", op)
    prod = bmm(batch1, batch2)
    _broadcastable(op, x, prod)
    scaled = mul(prod, alpha) if alpha != 1 else prod
    if shapes.broadcast_shapes(x.shape, prod.shape, op=op) != prod.shape:
        raise ValueError(f"For '{op}', the input of shape {x.shape} must broadcast to the product's shape "
                         f"{prod.shape}.")
    if beta == 0:       # the input is ignored (NaN included)
        return scaled
    return add(mul(x, beta) if beta != 1 else x, scaled)


_EINSUM_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def einsum(equation, *operands):
    """Einstein summation over the operands (NumPy's notation: ``"bij,bjk->bik"``, ``"...ij,...jk"``, implicit
    output). MindSpore 2.10's CPU build has no Einsum kernel (it raises RuntimeError); minispore computes it and its
    derivatives (one ``Einsum`` primitive)."""
    op = "einsum"
    if not isinstance(equation, str):
        raise TypeError(f"For '{op}', the equation must be a str, but got {type(equation).__name__}.")
    if len(operands) == 1 and isinstance(operands[0], (tuple, list)):
        operands = tuple(operands[0])
    xs = [_tensor(t, "operands", op) for t in operands]
    if not xs:
        raise ValueError(f"For '{op}', at least one operand is needed.")
    eq = equation.replace(" ", "")
    lhs, arrow, out = eq.partition("->")
    subs = lhs.split(",")
    if len(subs) != len(xs):
        raise ValueError(f"For '{op}', the equation {equation!r} names {len(subs)} operands, but {len(xs)} were "
                         f"given.")
    used = set(eq) - set(".,->")
    bad = sorted(c for c in used if c not in _EINSUM_LETTERS)
    if bad or (arrow and "->" in out):
        raise ValueError(f"For '{op}', the equation {equation!r} holds characters other than letters, ',', '->' "
                         f"and '...': {bad}.")
    free = [c for c in _EINSUM_LETTERS if c not in used]
    # '...' becomes explicit letters; operands whose '...' dimensions differ are broadcast first
    ell_ranks = []
    for sub, x in zip(subs, xs):
        if sub.count("...") > 1 or "." in sub.replace("...", ""):
            raise ValueError(f"For '{op}', the subscripts {sub!r} in {equation!r} are malformed.")
        ell_ranks.append(x.ndim - len(sub.replace("...", "")) if "..." in sub else 0)
        if ell_ranks[-1] < 0:
            raise ValueError(f"For '{op}', the subscripts {sub!r} name more dimensions than the operand of shape "
                             f"{x.shape} has.")
    n_ell = max(ell_ranks)
    ell = "".join(free[:n_ell])
    ell_shape = shapes.broadcast_shapes(*(x.shape[sub.index("..."):sub.index("...") + r] if "..." in sub else ()
                                          for sub, x, r in zip(subs, xs, ell_ranks)), op=op) if n_ell else ()
    explicit = []
    for k, (sub, x, r) in enumerate(zip(subs, xs, ell_ranks)):
        if "..." in sub:
            at = sub.index("...")
            mine = ell_shape[n_ell - r:]
            if x.shape[at:at + r] != mine:
                x = P.broadcast_to(x, x.shape[:at] + tuple(mine) + x.shape[at + r:])
                xs[k] = x
            sub = sub[:at] + ell[n_ell - r:] + sub[at + 3:]
        explicit.append(sub)
    if arrow:
        if out.count("...") > 1 or "." in out.replace("...", ""):
            raise ValueError(f"For '{op}', the output subscripts {out!r} are malformed.")
        out = out.replace("...", ell)
    else:
        counts = {}
        for sub in explicit:
            for c in sub:
                counts[c] = counts.get(c, 0) + 1
        out = ell + "".join(sorted(c for c, n in counts.items() if n == 1 and c not in ell))
    dtype = xs[0].dtype
    for x in xs[1:]:
        dtype = mstype.promote(dtype, x.dtype)
    xs = [P.cast(x, dtype.np_dtype) for x in xs]
    return P.einsum(",".join(explicit) + "->" + out, *xs)


def mm(input, mat2):
    x, y = _tensor(input, "input", "mm"), _tensor(mat2, "mat2", "mm")
    if x.ndim != 2 or y.ndim != 2:
        raise ValueError(f"For 'mm', both inputs must be 2-D matrices, but got shapes {x.shape} and {y.shape}.")
    return _matmul(x, y, "mm")


def dot(input, other):
    return _matmul(input, other, "dot")


def outer(input, vec2):
    """As MindSpore 2.10: the inputs are flattened."""
    x, y = _tensor(input, "input", "outer"), _tensor(vec2, "vec2", "outer")
    return _matmul(reshape(x, (-1, 1)), reshape(y, (1, -1)), "outer")


def inner(input, other):
    """Sum over the last axes of both: for matrices, ``input @ other.T``."""
    x, y = _tensor(input, "input", "inner"), _tensor(other, "other", "inner")
    if x.ndim == 0 or y.ndim == 0:
        return mul(x, y)
    if x.shape[-1] != y.shape[-1]:
        raise ValueRuntimeError(f"For 'inner', the last dimensions of input {x.shape} and other {y.shape} must be "
                                f"equal.")
    return _matmul(x, swapaxes(y, -1, -2) if y.ndim >= 2 else y, "inner")


def t(input):
    x = _tensor(input, "input", "t")
    if x.ndim > 2:
        raise ValueError(f"For 't', the input must be at most 2-D, but got shape {x.shape}.")
    return transpose(x, (1, 0)) if x.ndim == 2 else x


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
