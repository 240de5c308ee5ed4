"""MindSpore's segment, sort/search, counting and array-manipulation functions that had no minispore form yet
(``bucketize``, ``quantile``, ``mirror_pad``, ``batch_to_space_nd``...), and the computations behind the Primitive
classes of ``ops/operations/sort_ops.py`` (sorted segments, bounds, ``DepthToSpace``...): each is a composition of
existing ops, so the differentiable ones differentiate through their parts. Outputs whose size depends on the
values (``unique_with_pad``'s uniques, ``list_diff``) read them on the host, as MindSpore's dynamic-shape kernels do.
"""
import builtins
import numbers

from ..._core import dtype as mstype
from ..._core.dtype import kind_of
from ..._core.tensor import Tensor
from . import array_func as _A
from . import image_func as _I
from . import math_func as _M
from . import more_func as _MF

__all__ = ["bucketize", "unique_with_pad", "intopk", "quantile", "nanquantile", "cross", "fills", "mirror_pad",
           "padding", "batch_to_space_nd", "space_to_batch_nd", "col2im"]


def _methods():
    from .. import _tensor_methods
    return _tensor_methods


def _tensor(x, op, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _is_int(v):
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def _ints(v, op, name):
    """A Tensor / list / tuple of ints as a Python list."""
    if isinstance(v, Tensor):
        v = v.asnumpy().tolist()
    if _is_int(v):
        return [int(v)]
    v = list(v)
    if not all(_is_int(i) for i in v):
        raise TypeError(f"For '{op}', '{name}' must be ints, but got {v!r}.")
    return [int(i) for i in v]


# ----------------------------------------------------------------------------- segments (sorted ids)
def _sorted_ids(x, segment_ids, op):
    _tensor(x, op, "input_x")
    _tensor(segment_ids, op, "segment_ids")
    if kind_of(segment_ids._data.dtype) not in "iu":
        raise TypeError(f"For '{op}', 'segment_ids' must be an integer Tensor, but got {segment_ids.dtype}.")
    if segment_ids.ndim != 1 or x.ndim == 0 or segment_ids.shape[0] != x.shape[0]:
        raise ValueError(f"For '{op}', 'segment_ids' must be 1-D with the length of the first dimension of "
                         f"'input_x', but got shapes {tuple(segment_ids.shape)} and {tuple(x.shape)}.")
    ids = segment_ids.asnumpy().tolist()
    if any(i < 0 for i in ids) or any(b < a for a, b in zip(ids, ids[1:])):
        raise ValueError(f"For '{op}', 'segment_ids' must be sorted and non-negative, but got {ids}.")
    return (ids[-1] + 1) if ids else 0


def segment_reduce(x, segment_ids, kind):
    """MindSpore's Segment{Sum,Mean,Max,Min,Prod}: one output row per id up to the largest; a segment no row
    belongs to is 0 (1 for the product)."""
    op = "Segment" + kind.capitalize()
    num = _sorted_ids(x, segment_ids, op)
    if kind == "sum":
        return _MF.unsorted_segment_sum(x, segment_ids, num)
    count = _MF.unsorted_segment_sum(_A.ones((x.shape[0],), x.dtype), segment_ids, num)
    count = _A.reshape(count, (num,) + (1,) * (x.ndim - 1))
    if kind == "mean":
        return _M.div(_MF.unsorted_segment_sum(x, segment_ids, num), _M.maximum(count, 1))
    fn = {"max": _MF.unsorted_segment_max, "min": _MF.unsorted_segment_min, "prod": _MF.unsorted_segment_prod}[kind]
    out = fn(x, segment_ids, num)
    return out if kind == "prod" else _A.where(_M.greater(count, 0), out, _A.zeros_like(out))


# ----------------------------------------------------------------------------- sort and search
def bucketize(input, boundaries, *, right=False):
    """The bucket of each element: ``boundaries[i-1] < x <= boundaries[i]`` (``right``: ``<= x <``), Int32."""
    _tensor(input, "bucketize")
    if not isinstance(boundaries, (list, tuple)) or not all(isinstance(b, numbers.Real) for b in boundaries):
        raise TypeError(f"For 'bucketize', 'boundaries' must be a list of numbers, but got {boundaries!r}.")
    if any(b < a for a, b in zip(boundaries, boundaries[1:])):
        raise ValueError(f"For 'bucketize', 'boundaries' must be sorted ascending, but got {list(boundaries)}.")
    bounds = Tensor([float(b) for b in boundaries], mstype.float32)
    return _MF.searchsorted(bounds, _A.cast(input, mstype.float32), right=right, out_int32=True)


def bound(sorted_x, values, right, out_type, op):
    """Lower/UpperBound: per row, how many elements of ``sorted_x`` are < (<= for the upper bound) each value."""
    _tensor(sorted_x, op, "sorted_x")
    _tensor(values, op, "values")
    if sorted_x.ndim != 2 or values.ndim != 2 or sorted_x.shape[0] != values.shape[0]:
        raise ValueError(f"For '{op}', 'sorted_x' and 'values' must be 2-D with the same number of rows, but got "
                         f"shapes {tuple(sorted_x.shape)} and {tuple(values.shape)}.")
    s = _A.expand_dims(sorted_x, 1)
    v = _A.expand_dims(values, 2)
    hits = _M.less_equal(s, v) if right else _M.less(s, v)
    return _A.cast(_M.sum(_A.cast(hits, mstype.int32), -1), out_type)


def unique_with_pad(x, pad_num):
    """The distinct values of a 1-D ``x`` in the order they first appear, padded to ``x``'s length with
    ``pad_num``, and for each element the position of its value among them (Int32)."""
    _tensor(x, "unique_with_pad", "x")
    if x.ndim != 1:
        raise ValueError(f"For 'UniqueWithPad', the input must be 1-D, but got shape {tuple(x.shape)}.")
    pad = pad_num.asnumpy().item() if isinstance(pad_num, Tensor) else pad_num
    first, idx = {}, []
    for v in x.asnumpy().tolist():
        idx.append(first.setdefault(v, len(first)))
    uniq = list(first) + [pad] * (x.shape[0] - len(first))
    return Tensor(uniq, x.dtype), Tensor(idx, mstype.int32)


def nth_element(input, n, reverse=False):
    """The ``n``-th smallest (``reverse``: largest) value along the last axis."""
    _tensor(input, "NthElement")
    if not _is_int(n) and isinstance(n, Tensor):
        n = int(n.asnumpy())
    if input.ndim < 1 or not 0 <= n < input.shape[-1]:
        raise ValueError(f"For 'NthElement', 'n' must be in [0, {input.shape[-1] if input.ndim else 0}), but got "
                         f"{n} (input shape {tuple(input.shape)}).")
    values = _A.sort(input, -1, reverse)[0]
    return _A.squeeze(_A.narrow(values, -1, n, 1), -1)


def intopk(x1, x2, k):
    """Whether ``x1[i, x2[i]]`` is among the ``k`` largest of row ``i`` (ties at the boundary count as in)."""
    _tensor(x1, "intopk", "x1")
    _tensor(x2, "intopk", "x2")
    if x1.ndim != 2 or x2.ndim != 1 or x2.shape[0] != x1.shape[0]:
        raise ValueError(f"For 'InTopK', 'x1' must be 2-D and 'x2' 1-D with one target per row, but got shapes "
                         f"{tuple(x1.shape)} and {tuple(x2.shape)}.")
    if not _is_int(k):
        raise TypeError(f"For 'InTopK', 'k' must be an int, but got {type(k).__name__}.")
    target = _A.gather_elements(x1, 1, _A.expand_dims(_A.cast(x2, mstype.int64), 1))
    above = _M.sum(_A.cast(_M.greater(x1, target), mstype.int32), 1)
    return _M.less(above, k)


def _quantile(input, q, axis, keepdims, ignore_nan, op):
    _tensor(input, op)
    if kind_of(input._data.dtype) != "f":
        raise TypeError(f"For '{op}', the input must be a float Tensor, but got {input.dtype}.")
    scalar_q = not isinstance(q, Tensor)
    if scalar_q:
        if not isinstance(q, numbers.Real) or isinstance(q, bool):
            raise TypeError(f"For '{op}', 'q' must be a float or a Tensor, but got {type(q).__name__}.")
        qs = [float(q)]
    else:
        if q.ndim > 1:
            raise ValueError(f"For '{op}', 'q' must be a scalar or 1-D Tensor, but got shape {tuple(q.shape)}.")
        scalar_q = q.ndim == 0
        qs = [float(v) for v in q.asnumpy().reshape(-1).tolist()]
    for v in qs:
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"For 'Quantile', the 'q' must in the range [0, 1], but got: {v}.")
    x = input
    if axis is None:
        x, axis = _A.reshape(input, (-1,)), 0
    if not -x.ndim <= axis < builtins.max(x.ndim, 1):
        raise ValueError(f"For '{op}', 'axis' must be in [{-x.ndim}, {x.ndim}), but got {axis}.")
    axis %= x.ndim
    x = _A.moveaxis(x, axis, -1)
    n = x.shape[-1]
    nan = _M.isnan(x)
    vals = _A.sort(x, -1)[0]                                              # NaNs sort last
    valid = _M.sum(_A.cast(_M.logical_not(nan), x.dtype), -1, True) if ignore_nan else \
        _A.full(tuple(x.shape[:-1]) + (1,), float(n), dtype=x.dtype)
    outs = []
    for v in qs:
        pos = _M.mul(_M.maximum(_M.sub(valid, 1), 0), v)
        lo = _M.floor(pos)
        frac = _M.sub(pos, lo)
        lo_i = _A.cast(lo, mstype.int64)
        hi_i = _A.cast(_M.minimum(_M.add(lo, 1), _M.maximum(_M.sub(valid, 1), 0)), mstype.int64)
        a = _A.gather_elements(vals, -1, lo_i)
        b = _A.gather_elements(vals, -1, hi_i)
        out = _M.add(a, _M.mul(_M.sub(b, a), frac))
        bad = _M.equal(valid, 0) if ignore_nan else _M.any(nan, -1, True)
        out = _A.where(bad, _A.full(tuple(out.shape), float("nan"), dtype=x.dtype), out)
        out = _A.moveaxis(out, -1, axis)
        outs.append(out if keepdims else _A.squeeze(out, axis))
    return outs[0] if scalar_q else _A.stack(outs, 0)


def quantile(input, q, axis=None, keepdims=False):
    """The ``q``-th quantiles (linear interpolation between order statistics) along ``axis`` (all elements when
    None); a 1-D ``q`` puts its quantiles first. A slice holding NaN gives NaN."""
    return _quantile(input, q, axis, keepdims, False, "quantile")


def nanquantile(input, q, axis=None, keepdims=False):
    """``quantile`` over the non-NaN elements (NaN where a slice has none)."""
    return _quantile(input, q, axis, keepdims, True, "nanquantile")


# ----------------------------------------------------------------------------- counting / reductions
def bincount_sized(input, size, weights):
    """MindSpore's Bincount primitive: ``size`` bins, each the sum of the weights of its elements (values outside
    [0, size) are dropped); the weights' dtype."""
    n = int(size.asnumpy()) if isinstance(size, Tensor) else int(size)
    if n < 0:
        raise ValueError(f"For 'Bincount', 'size' must be non-negative, but got {n}.")
    flat = _A.reshape(_A.cast(input, mstype.int32), (-1,))
    hot = _A.cast(_M.equal(_A.expand_dims(flat, -1), _A.arange(0, n, 1, dtype=mstype.int32)), weights.dtype)
    return _M.sum(_M.mul(hot, _A.expand_dims(_A.reshape(weights, (-1,)), -1)), 0)


def histogram_fixed_width(x, value_range, nbins, dtype=mstype.int32):
    """TensorFlow's histogram_fixed_width: ``nbins`` equal bins over ``value_range``, values below (above) it
    counted in the first (last) bin."""
    lo, hi = [float(v) for v in value_range.asnumpy().reshape(-1).tolist()]
    if not hi > lo:
        raise ValueError(f"For 'HistogramFixedWidth', 'range' must be increasing, but got [{lo}, {hi}].")
    flat = _A.reshape(_A.cast(x, mstype.float64), (-1,))
    pos = _A.cast(_M.floor(_M.mul(_M.sub(flat, lo), nbins / (hi - lo))), mstype.int32)
    pos = _M.clamp(pos, 0, nbins - 1)
    hot = _A.cast(_M.equal(_A.expand_dims(pos, -1), _A.arange(0, nbins, 1, dtype=mstype.int32)), dtype)
    return _A.cast(_M.sum(hot, 0), dtype)


def l2_normalize(x, axis, epsilon):
    """``x / sqrt(max(sum(x**2, axis), epsilon))``."""
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)
    s = _M.sum(_M.square(x), axes, True)
    return _M.div(x, _M.sqrt(_M.maximum(s, epsilon)))


def cumulative_logsumexp(x, axis, exclusive=False, reverse=False):
    """log(cumsum(exp(x))) along ``axis``; ``exclusive`` shifts by one, the first element the lowest float
    (MindSpore's CPU kernel writes that, not -inf)."""
    axis = int(axis.asnumpy()) if isinstance(axis, Tensor) else int(axis)
    axis %= x.ndim
    if reverse:
        x = _A.flip(x, (axis,))
    out = _MF.logcumsumexp(x, axis)
    if exclusive:
        n = x.shape[axis]
        low = {mstype.float16: -65504.0, mstype.float32: -3.4028234663852886e+38}.get(x.dtype, -1.7976931348623157e308)
        first = _A.full(tuple(1 if i == axis else s for i, s in enumerate(x.shape)), low, dtype=x.dtype)
        out = _A.cat((first, _A.narrow(out, axis, 0, n - 1)), axis) if n > 1 else first
    return _A.flip(out, (axis,)) if reverse else out


# ----------------------------------------------------------------------------- creation / manipulation
def cross(input, other, dim=None):
    """The cross product along ``dim`` (of size 3; None: the first such dimension), shapes broadcast."""
    _tensor(input, "cross")
    _tensor(other, "cross", "other")
    if dim == -65530:           # MindSpore's Cross primitive writes "not given" so
        dim = None
    sa, sb = tuple(input.shape), tuple(other.shape)
    k = builtins.max(len(sa), len(sb))
    sa, sb = (1,) * (k - len(sa)) + sa, (1,) * (k - len(sb)) + sb
    if any(p != q and 1 not in (p, q) for p, q in zip(sa, sb)):
        raise ValueError(f"For 'Cross', input.shape and other.shape need to broadcast, but got input.shape = "
                         f"{list(input.shape)} and other.shape = {list(other.shape)}.")
    shape = tuple(builtins.max(p, q) for p, q in zip(sa, sb))
    a, b = _A.broadcast_to(input, shape), _A.broadcast_to(other, shape)
    return _methods().cross(a, b, dim)


def fills(x, value):
    """A Tensor of ``x``'s shape and dtype filled with ``value``."""
    _tensor(x, "fills", "x")
    if isinstance(value, Tensor):
        value = value.asnumpy().item()
    if not isinstance(value, numbers.Number):
        raise TypeError(f"For 'fills', 'value' must be a number or a 0-D Tensor, but got {type(value).__name__}.")
    return _A.full(tuple(x.shape), value, dtype=x.dtype)


def _mirror_index(n, before, after, symmetric, op):
    limit = n if symmetric else n - 1
    if before > limit or after > limit:
        raise ValueError(f"For '{op}', a padding must be at most {limit} for a dimension of size {n} in "
                         f"{'SYMMETRIC' if symmetric else 'REFLECT'} mode, but got ({before}, {after}).")
    idx = []
    for i in builtins.range(-before, n + after):
        if i < 0:
            idx.append(-i - 1 if symmetric else -i)
        elif i >= n:
            idx.append(2 * n - i - 1 if symmetric else 2 * n - i - 2)
        else:
            idx.append(i)
    return idx


def mirror_pad(input, paddings, mode):
    """Pad each dimension by reflecting (``REFLECT``: without the edge, ``SYMMETRIC``: with it);
    ``paddings[d] = (before, after)``."""
    _tensor(input, "mirror_pad")
    if mode not in ("REFLECT", "SYMMETRIC"):
        raise ValueError(f"For 'MirrorPad', 'mode' must be 'REFLECT' or 'SYMMETRIC', but got {mode!r}.")
    pads = paddings.asnumpy().tolist() if isinstance(paddings, Tensor) else [list(p) for p in paddings]
    if len(pads) != input.ndim or any(len(p) != 2 for p in pads):
        raise ValueError(f"For 'MirrorPad', 'paddings' must have shape ({input.ndim}, 2), but got {pads}.")
    out = input
    for d, (before, after) in enumerate(pads):
        if before or after:
            idx = _mirror_index(input.shape[d], int(before), int(after), mode == "SYMMETRIC", "MirrorPad")
            out = _A.gather(out, Tensor(idx, mstype.int32), d)
    return out


def padding(x, pad_dim_size=8):
    """``x`` (last dimension 1) widened to ``pad_dim_size`` along the last dimension with zeros."""
    _tensor(x, "padding", "x")
    if x.ndim < 1 or x.shape[-1] != 1:
        raise ValueError(f"For 'Padding', the last dimension of 'x' must be 1, but got: "
                         f"{x.shape[-1] if x.ndim else 'a 0-D input'}.")
    if not _is_int(pad_dim_size) or pad_dim_size < 1:
        raise ValueError(f"For 'Padding', 'pad_dim_size' must be a positive int, but got {pad_dim_size!r}.")
    return _A.pad(x, (0, pad_dim_size - 1))


def _block(block, m, op, name):
    b = _ints(block, op, name)
    if len(b) == 1 and m > 1:
        b = b * m
    if any(v < 1 for v in b):
        raise ValueError(f"For '{op}', '{name}' must be positive, but got {b}.")
    return b


def _pairs(p, m, op, name):
    p = p.asnumpy().tolist() if isinstance(p, Tensor) else [list(q) for q in p]
    if len(p) != m or any(len(q) != 2 or builtins.min(q) < 0 for q in p):
        raise ValueError(f"For '{op}', '{name}' must be {m} pairs of non-negative ints, but got {p}.")
    return [(int(a), int(b)) for a, b in p]


def space_to_batch_nd(input_x, block_size, paddings):
    """The spatial dimensions (after batch and channel) padded, cut into blocks and moved into the batch:
    output batch index ``(i_1 * b_2 + i_2 ...) * N + n`` for block offsets ``i``."""
    op = "space_to_batch_nd"
    x = _tensor(input_x, op, "input_x")
    b = _block(block_size, len(_ints(block_size, op, "block_size")), op, "block_size")
    m = len(b)
    if x.ndim < m + 1:
        raise ValueError(f"For '{op}', the input must have at least {m + 1} dimensions, but got {tuple(x.shape)}.")
    pads = _pairs(paddings, m, op, "paddings")
    lead = x.ndim - m                      # batch + the dimensions kept (channels)
    widths = [(0, 0)] * lead + pads
    flat = []
    for before, after in reversed(widths):
        flat += [before, after]
    x = _A.pad(x, tuple(flat)) if any(flat) else x
    sp = tuple(x.shape[lead:])
    for d, (s, k) in enumerate(zip(sp, b)):
        if s % k:
            raise ValueError(f"For '{op}', the padded spatial dimension {d} ({s}) must be divisible by the block "
                             f"size {k}.")
    n, rest = x.shape[0], tuple(x.shape[1:lead])
    shape = (n,) + rest
    for s, k in zip(sp, b):
        shape += (s // k, k)
    x = _A.reshape(x, shape)
    nr = len(rest)
    blocks = [1 + nr + 2 * i + 1 for i in builtins.range(m)]
    grids = [1 + nr + 2 * i for i in builtins.range(m)]
    x = _A.transpose(x, tuple(blocks) + (0,) + tuple(builtins.range(1, 1 + nr)) + tuple(grids))
    prod = 1
    for k in b:
        prod *= k
    return _A.reshape(x, (prod * n,) + rest + tuple(s // k for s, k in zip(sp, b)))


def batch_to_space_nd(input_x, block_shape, crops):
    """The inverse of ``space_to_batch_nd``: batch blocks moved back into the spatial dimensions, then cropped."""
    op = "batch_to_space_nd"
    x = _tensor(input_x, op, "input_x")
    b = _block(block_shape, len(_ints(block_shape, op, "block_shape")), op, "block_shape")
    m = len(b)
    crop = _pairs(crops, m, op, "crops")
    prod = 1
    for k in b:
        prod *= k
    if x.ndim < m + 1 or x.shape[0] % prod:
        raise ValueError(f"For '{op}', the batch dimension of {tuple(x.shape)} must be divisible by the product of "
                         f"block_shape {b}.")
    lead = x.ndim - m
    n, rest, sp = x.shape[0] // prod, tuple(x.shape[1:lead]), tuple(x.shape[lead:])
    x = _A.reshape(x, tuple(b) + (n,) + rest + sp)
    nr = len(rest)
    order = [m] + [m + 1 + i for i in builtins.range(nr)]
    for i in builtins.range(m):
        order += [m + 1 + nr + i, i]
    x = _A.reshape(_A.transpose(x, tuple(order)), (n,) + rest + tuple(s * k for s, k in zip(sp, b)))
    for i, (c0, c1) in enumerate(crop):
        size = x.shape[lead + i] - c0 - c1
        if size < 0:
            raise ValueError(f"For '{op}', crops {crop[i]} exceed the dimension {x.shape[lead + i]}.")
        x = _A.narrow(x, lead + i, c0, size)
    return x


def depth_to_space(x, block_size):
    """NCHW DepthToSpace: ``out[n, c, h*b+i, w*b+j] = x[n, (i*b+j)*C' + c, h, w]``."""
    b = block_size
    if x.ndim != 4 or x.shape[1] % (b * b):
        raise ValueError(f"For 'DepthToSpace', the input must be 4-D NCHW with channels divisible by "
                         f"block_size**2 = {b * b}, but got shape {tuple(x.shape)}.")
    n, c, h, w = x.shape
    y = _A.transpose(_A.reshape(x, (n, b, b, c // (b * b), h, w)), (0, 3, 4, 1, 5, 2))
    return _A.reshape(y, (n, c // (b * b), h * b, w * b))


def space_to_depth(x, block_size):
    """NCHW SpaceToDepth, the inverse of depth_to_space."""
    b = block_size
    if x.ndim != 4 or x.shape[2] % b or x.shape[3] % b:
        raise ValueError(f"For 'SpaceToDepth', the input must be 4-D NCHW with height and width divisible by "
                         f"block_size = {b}, but got shape {tuple(x.shape)}.")
    n, c, h, w = x.shape
    y = _A.transpose(_A.reshape(x, (n, c, h // b, b, w // b, b)), (0, 3, 5, 1, 2, 4))
    return _A.reshape(y, (n, c * b * b, h // b, w // b))


def col2im(input_x, output_size, kernel_size, dilation, padding_value, stride):
    """MindSpore's col2im: columns ``(N, C, kh*kw, L)`` summed back into images of ``output_size``."""
    x = _tensor(input_x, "col2im", "input_x")
    if x.ndim != 4:
        raise ValueError(f"For 'col2im', 'input_x' must be 4-D (N, C, kh*kw, L), but got {tuple(x.shape)}.")
    size = tuple(_ints(output_size, "col2im", "output_size"))
    n, c, k, l_ = x.shape
    return _I.fold(_A.reshape(x, (n, c * k, l_)), Tensor(list(size), mstype.int32), kernel_size, dilation,
                   padding_value, stride)


def im2col(x, ksizes, strides, dilations, pads):
    """MindSpore's Im2Col: ``(N, C, H, W)`` to columns ``(N, C, kh*kw, L)``."""
    if x.ndim != 4:
        raise ValueError(f"For 'Im2Col', the input must be 4-D NCHW, but got shape {tuple(x.shape)}.")
    p = _ints(pads, "Im2Col", "pads")
    if len(p) == 4:
        if p[0] != p[1] or p[2] != p[3]:
            raise ValueError(f"For 'Im2Col', minispore pads each spatial dimension symmetrically: 'pads' must be "
                             f"(top, top, left, left), but got {tuple(p)}.")
        p = [p[0], p[2]]
    k = _ints(ksizes, "Im2Col", "ksizes")
    cols = _I.unfold(x, tuple(k) if len(k) > 1 else k[0], tuple(_ints(dilations, "Im2Col", "dilations")),
                     tuple(p) if len(p) > 1 else p[0], tuple(_ints(strides, "Im2Col", "strides")))
    kk = k[0] * (k[1] if len(k) > 1 else k[0])
    return _A.reshape(cols, (x.shape[0], x.shape[1], kk, -1))


def diag_part(x):
    """``out[i..] = x[i.., i..]`` for an input of shape ``s + s``."""
    k = x.ndim // 2
    if x.ndim % 2 or x.ndim == 0 or tuple(x.shape[:k]) != tuple(x.shape[k:]):
        raise ValueError(f"For 'DiagPart', the input shape must be s + s (an even rank, equal halves), but got "
                         f"{tuple(x.shape)}.")
    m = 1
    for s in x.shape[:k]:
        m *= s
    return _A.reshape(_MF.diagonal(_A.reshape(x, (m, m))), tuple(x.shape[:k]))


def fill_diagonal(x, fill_value, wrap=False):
    """NumPy's fill_diagonal: the main diagonal set to ``fill_value`` (``wrap``: restarting below a tall
    matrix's square part)."""
    if x.ndim < 2 or (x.ndim > 2 and len(set(x.shape)) != 1):
        raise ValueError(f"For 'FillDiagonal', the input must be 2-D, or have all dimensions equal, but got shape "
                         f"{tuple(x.shape)}.")
    total = 1
    for s in x.shape:
        total *= s
    if x.ndim == 2:
        step = x.shape[1] + 1
    else:
        step, acc = 1, 1
        for s in x.shape[:-1]:
            acc *= s
            step += acc
    end = total if (wrap or x.ndim > 2) else builtins.min(total, x.shape[1] ** 2)
    mask = [False] * total
    for i in builtins.range(0, end, step):
        mask[i] = True
    m = _A.reshape(Tensor(mask, mstype.bool_), tuple(x.shape))
    return _A.where(m, _A.full(tuple(x.shape), fill_value, dtype=x.dtype), x)


def unravel_index(indices, dims):
    """The coordinates ``(len(dims), *indices.shape)`` of flat ``indices`` in an array of shape ``dims``."""
    d = _ints(dims, "UnravelIndex", "dims")
    total = 1
    for s in d:
        total *= s
    host = indices.asnumpy().reshape(-1).tolist()
    if any(not 0 <= i < total for i in host):
        raise ValueError(f"For 'UnravelIndex', every index must be in [0, {total}) for dims {d}, but got {host}.")
    rows, rest = [], indices
    for s in reversed(d):
        rows.append(_M.remainder(rest, s))
        rest = _M.floor_divide(rest, s)
    return _A.stack(rows[::-1], 0)


def invert_permutation(x):
    """The inverse of a permutation of ``0..n-1`` (a tuple of ints, as MindSpore's CPU form takes)."""
    p = _ints(x, "InvertPermutation", "input_x")
    if sorted(p) != list(builtins.range(len(p))):
        raise ValueError(f"For 'InvertPermutation', the input must be a permutation of 0..{len(p) - 1}, but got "
                         f"{tuple(p)}.")
    out = [0] * len(p)
    for i, v in enumerate(p):
        out[v] = i
    return tuple(out) if not isinstance(x, Tensor) else Tensor(out, x.dtype)


def list_diff(x, y, out_idx=mstype.int32):
    """The values of 1-D ``x`` not in ``y`` (in ``x``'s order) and their positions in ``x``."""
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError(f"For 'ListDiff', 'x' and 'y' must be 1-D, but got shapes {tuple(x.shape)} and "
                         f"{tuple(y.shape)}.")
    drop = set(y.asnumpy().tolist())
    keep = [(i, v) for i, v in enumerate(x.asnumpy().tolist()) if v not in drop]
    return (Tensor([v for _, v in keep], x.dtype) if keep else _A.zeros((0,), x.dtype),
            Tensor([i for i, _ in keep], out_idx) if keep else _A.zeros((0,), out_idx))
