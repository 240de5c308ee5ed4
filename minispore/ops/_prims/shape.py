"""Shape primitives: reshape, transpose, broadcast and its reverse, slicing, padding, concatenation, flips,
triangles. Their derivatives are other shape primitives."""
import math

from ..._core import backend
from ..._core import shapes
from ._base import Primitive, VariadicRule, bind, xp


def _reshape_abstract(x, shape):
    if math.prod(x.shape) != math.prod(shape):
        raise ValueError(f"For 'Reshape', cannot reshape a tensor of shape {tuple(x.shape)} into {tuple(shape)}.")
    return tuple(shape), x.dtype


reshape_p = Primitive("Reshape", lambda x, shape: x.reshape(shape), 1, _reshape_abstract)


def reshape(x, shape):
    if x._data.shape == shape:
        return x
    return bind(reshape_p, x, shape=shape)


reshape_p.def_vjp(lambda dout, out, x, shape: reshape(dout, x._data.shape))


def _transpose_abstract(x, perm):
    if sorted(perm) != list(range(len(x.shape))):
        raise ValueError(f"For 'Transpose', {perm} is not a permutation of the axes of shape {tuple(x.shape)}.")
    return tuple(x.shape[p] for p in perm), x.dtype


transpose_p = Primitive("Transpose", lambda x, perm: xp.transpose(x, perm), 1, _transpose_abstract)


def transpose(x, perm):
    return bind(transpose_p, x, perm=perm)


def _inverse(perm):
    inv = [0] * len(perm)
    for i, p in enumerate(perm):
        inv[p] = i
    return tuple(inv)


transpose_p.def_vjp(lambda dout, out, x, perm: transpose(dout, _inverse(perm)))


def _broadcast_to_abstract(x, shape):
    if shapes.broadcast_shapes(x.shape, shape, op="BroadcastTo") != tuple(shape):
        raise ValueError(f"For 'BroadcastTo', cannot broadcast shape {tuple(x.shape)} to {tuple(shape)}.")
    return tuple(shape), x.dtype


broadcast_to_p = Primitive("BroadcastTo", lambda x, shape: xp.broadcast_to(x, shape), 1, _broadcast_to_abstract)


def broadcast_to(x, shape):
    if x._data.shape == shape:
        return x
    return bind(broadcast_to_p, x, shape=shape)


def _sum_to_impl(x, shape):
    lead = x.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(i + lead for i, d in enumerate(shape) if d == 1 and x.shape[i + lead] != 1)
    out = xp.add.reduce(x, axis=axes, keepdims=True) if axes else x
    return out.reshape(shape)


def _sum_to_abstract(x, shape):
    if shapes.broadcast_shapes(x.shape, shape, op="SumTo") != tuple(x.shape):
        raise ValueError(f"For 'SumTo', cannot sum a tensor of shape {tuple(x.shape)} down to {tuple(shape)}.")
    return tuple(shape), x.dtype


sum_to_p = Primitive("SumTo", _sum_to_impl, 1, _sum_to_abstract)


def sum_to(x, shape):
    """Sum ``x`` down to ``shape`` (the reverse of broadcasting)."""
    if x._data.shape == shape:
        return x
    return bind(sum_to_p, x, shape=shape)


broadcast_to_p.def_vjp(lambda dout, out, x, shape: sum_to(dout, x._data.shape))
sum_to_p.def_vjp(lambda dout, out, x, shape: broadcast_to(dout, x._data.shape))


# ----------------------------------------------------------------------------- slices and padding
def _slice_abstract(x, starts, stops):
    if len(starts) != len(x.shape) or not all(0 <= b <= e <= n for b, e, n in zip(starts, stops, x.shape)):
        raise ValueError(f"For 'Slice', the ranges {list(zip(starts, stops))} do not fit shape {tuple(x.shape)}.")
    return tuple(e - b for b, e in zip(starts, stops)), x.dtype


def _slice_impl(x, starts, stops):
    out = x[tuple(slice(b, e) for b, e in zip(starts, stops))]
    return out.copy()   # a view: copy, so that writing into either tensor never changes the other


slice_p = Primitive("Slice", _slice_impl, 1, _slice_abstract)


def slice_(x, starts, stops):
    """``x[starts[0]:stops[0], ...]`` for static, in-range, non-negative bounds (one per dimension)."""
    return bind(slice_p, x, starts=tuple(starts), stops=tuple(stops))


def _pad_abstract(x, pad_width, value):
    if len(pad_width) != len(x.shape) or any(b < 0 or a < 0 for b, a in pad_width):
        raise ValueError(f"For 'Pad', the widths {pad_width} must be non-negative pairs, one per dimension of "
                         f"shape {tuple(x.shape)}.")
    return tuple(n + b + a for n, (b, a) in zip(x.shape, pad_width)), x.dtype


def _pad_impl(x, pad_width, value):
    out = backend.xp.empty(tuple(n + b + a for n, (b, a) in zip(x.shape, pad_width)), x.dtype)
    out.fill(value)
    out[tuple(slice(b, b + n) for n, (b, _) in zip(x.shape, pad_width))] = x
    return out


pad_p = Primitive("Pad", _pad_impl, 1, _pad_abstract)


def pad(x, pad_width, value=0):
    """``pad_width``: ((before, after), ...) per dimension, non-negative."""
    return bind(pad_p, x, pad_width=tuple(tuple(w) for w in pad_width), value=value)


slice_p.def_vjp(lambda dout, out, x, starts, stops: pad(
    dout, tuple((b, n - e) for b, e, n in zip(starts, stops, x._data.shape))))
pad_p.def_vjp(lambda dout, out, x, pad_width, value: slice_(
    dout, tuple(b for b, _ in pad_width), tuple(b + n for (b, _), n in zip(pad_width, x._data.shape))))


def _concat_abstract(*xs, axis):
    first = xs[0].shape
    for x in xs[1:]:
        if len(x.shape) != len(first) or any(a != b for i, (a, b) in enumerate(zip(x.shape, first)) if i != axis):
            raise ValueError(f"For 'Concat', all inputs must have one shape except in axis {axis}, but got "
                             f"{[tuple(t.shape) for t in xs]}.")
    total = 0
    for x in xs:
        total = total + x.shape[axis]
    return first[:axis] + (total,) + first[axis + 1:], xs[0].dtype


concat_p = Primitive("Concat", lambda *xs, axis: xp.concatenate(xs, axis=axis), None, _concat_abstract)


def concat(xs, axis):
    return bind(concat_p, *xs, axis=axis)


def _concat_vjp(i, dout, out, *xs, axis):
    start = 0
    for x in xs[:i]:
        start = start + x._data.shape[axis]
    starts = [0] * dout.ndim
    stops = list(dout._data.shape)
    starts[axis], stops[axis] = start, start + xs[i]._data.shape[axis]
    return slice_(dout, starts, stops)


concat_p.def_vjp(VariadicRule(_concat_vjp))


# ----------------------------------------------------------------------------- flips and triangles
flip_p = Primitive("ReverseV2", lambda x, axis: xp.flip(x, axis), 1, lambda x, axis: (x.shape, x.dtype))


def flip(x, axis):
    return bind(flip_p, x, axis=axis)


flip_p.def_vjp(lambda dout, out, x, axis: flip(dout, axis))


def _triangle_abstract(x, diagonal):
    if len(x.shape) < 2:
        raise ValueError(f"For 'Tril'/'Triu', the input must have at least 2 dimensions, but got shape "
                         f"{tuple(x.shape)}.")
    return x.shape, x.dtype


tril_p = Primitive("Tril", lambda x, diagonal: xp.tril(x, diagonal), 1, _triangle_abstract)
triu_p = Primitive("Triu", lambda x, diagonal: xp.triu(x, diagonal), 1, _triangle_abstract)


def tril(x, diagonal=0):
    return bind(tril_p, x, diagonal=diagonal)


def triu(x, diagonal=0):
    return bind(triu_p, x, diagonal=diagonal)


tril_p.def_vjp(lambda dout, out, x, diagonal: tril(dout, diagonal))
triu_p.def_vjp(lambda dout, out, x, diagonal: triu(dout, diagonal))
