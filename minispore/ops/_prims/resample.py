"""The resampling primitives: interpolation, padding modes, unfold/fold.

Interpolation (every mode of ``ops.interpolate``) and padding by reflection, replication or wrapping are
*separable linear maps*: along each spatial axis, output element j is a weighted sum of a few input elements,

    out[..., j, ...] = sum_k w[j, k] * x[..., idx[j, k], ...]

(one tap for nearest and the padding modes, two for linear, four for cubic, a window for area). So they are one
primitive, ``Resample(x, maps)``, whose ``maps`` give one *axis map* per trailing axis of ``x`` -- a small
hashable tuple such as ``("linear", n_in, n_out, align_corners, scale)`` or ``("reflect", n, before, after)``
-- from which the tap table ``(idx, w)`` is built once and cached. The kernel is a gather per tap and axis
(``take``), a multiply and an add: no dense matrices, and nearest/padding are pure gathers.

Its derivative is the transposed map, the primitive ``ResampleGrad`` (Chainer's pattern): its tap tables are the
forward tables regrouped by input element, so it is the same fast kernel. Each is the other's VJP rule, and both
are linear, so derivatives of every order exist.

``Im2Col`` (``ops.unfold``) lays the sliding windows of a (N, C, H, W) input out as (N, C*kh*kw, L); ``Col2Im``
(``ops.fold``) sums such columns back into an image. Each is the other's transpose, hence its VJP rule.

The coordinate rules are MindSpore 2.10's CPU kernels, checked against them on every size pair up to 25
(tests/golden/gen_resample.py records the references): half-pixel or align-corners coordinates; nearest
``floor(j * scale)`` in float32 with the kernels' shortcuts for equal and doubled sizes; TensorFlow's cubic
convolution (a = -0.5 with half-pixel centres, out-of-range taps dropped and the rest renormalised; a = -0.75
with aligned corners, taps clamped to the edge), its fraction quantised to 1/1024 as the kernel's table does;
area as adaptive average pooling (window [floor(j*n/m), ceil((j+1)*n/m)) ).
"""
import functools
import math

from ..._core import backend
from ._base import Primitive, bind, xp
from .conv import _crop, _padded, _window_view, conv_out_sizes, scatter_windows

__all__ = ["resample_p", "resample_grad_p", "resample_axes", "map_sizes", "im2col_p", "col2im_p", "im2col", "col2im",
           "sliding_blocks"]

_F32 = backend.xp.float32
_CUBIC_TABLE = 1024     # the cubic kernel's fraction resolution (TensorFlow's and MindSpore's kTableSize)


# ----------------------------------------------------------------------------- axis maps
def map_sizes(m):
    """(n_in, n_out) of an axis map."""
    kind = m[0]
    if kind == "id":
        return m[1], m[1]
    if kind in ("reflect", "symmetric", "edge", "circular"):
        return m[1], m[1] + m[2] + m[3]
    return m[1], m[2]


def _floor_index(values):
    """floor of float32 values, as int64 (the kernels compute indices in float)."""
    return xp.floor(values).astype(xp.int64)


def _nearest(n_in, n_out, scale_factor):
    """MindSpore's NearestIndex: j for equal sizes, j // 2 for doubled ones, else min(floor(j * scale), n - 1)
    in float32, the scale 1 / scale_factor (or n_in / n_out without one)."""
    j = xp.arange(n_out)
    if n_out == n_in:
        return j
    if n_out == 2 * n_in:
        return j // 2
    scale = _F32(n_in) / _F32(n_out) if scale_factor is None else _F32(1) / _F32(scale_factor)
    return xp.minimum(_floor_index(j.astype(_F32) * scale), n_in - 1)


def _nearest_exact(n_in, n_out):
    j = xp.arange(n_out).astype(_F32)
    return xp.minimum(_floor_index((j + _F32(0.5)) * (_F32(n_in) / _F32(n_out))), n_in - 1)


def _source(n_in, n_out, align, scale):
    """The input coordinate of each output element: aligned corners ``j (n_in - 1) / (n_out - 1)``, else
    half-pixel ``(j + 0.5) * scale - 0.5`` (``scale`` None: n_in / n_out)."""
    j = xp.arange(n_out, dtype=xp.float64)
    if align:
        return j * ((n_in - 1) / (n_out - 1) if n_out > 1 else 0.0)
    return (j + 0.5) * (n_in / n_out if scale is None else scale) - 0.5


def _linear(n_in, n_out, align, scale):
    src = xp.maximum(_source(n_in, n_out, align, scale), 0.0)
    i0 = xp.minimum(xp.floor(src).astype(xp.int64), n_in - 1)
    i1 = xp.minimum(i0 + 1, n_in - 1)
    frac = xp.clip(src - i0, 0.0, 1.0)
    return xp.stack([i0, i1], 1), xp.stack([1.0 - frac, frac], 1)


def _cubic_weight(d, a):
    """Keys' cubic convolution kernel at distance ``d`` (0 <= d < 2)."""
    return xp.where(d <= 1.0, ((a + 2.0) * d - (a + 3.0)) * d * d + 1.0,
                    ((a * d - 5.0 * a) * d + 8.0 * a) * d - 4.0 * a)


def _cubic(n_in, n_out, align):
    src = _source(n_in, n_out, align, None)
    base = xp.floor(src)
    frac = xp.rint((src - base) * _CUBIC_TABLE) / _CUBIC_TABLE
    a = -0.75 if align else -0.5
    offsets = xp.arange(-1, 3)
    raw = base.astype(xp.int64)[:, None] + offsets
    w = _cubic_weight(xp.abs(frac[:, None] - offsets), a)
    idx = xp.clip(raw, 0, n_in - 1)
    if not align:       # half-pixel centres: taps outside the input are dropped and the rest renormalised
        w = xp.where(idx == raw, w, 0.0)
        w = w / w.sum(axis=1, keepdims=True)
    return idx, w


def _area(n_in, n_out):
    j = xp.arange(n_out)
    starts = (j * n_in) // n_out
    stops = -((-(j + 1) * n_in) // n_out)
    width = int((stops - starts).max())
    idx = starts[:, None] + xp.arange(width)
    w = (idx < stops[:, None]) / (stops - starts)[:, None].astype(xp.float64)
    return xp.minimum(idx, n_in - 1), w


def _padding(kind, n, before, after):
    """The source of each element of ``x`` padded by (before, after) (negative: cropped) along one axis."""
    p = xp.arange(n + before + after) - before
    if kind == "edge":
        return xp.clip(p, 0, n - 1)
    if kind == "reflect":           # about the edge elements: ... 2 1 | 0 1 2 | 1 0 ...
        p = xp.abs(p)
        return xp.where(p > n - 1, 2 * (n - 1) - p, p)
    if kind == "symmetric":         # the edges repeated: ... 1 0 | 0 1 2 | 2 1 ...
        p = xp.where(p < 0, -p - 1, p)
        return xp.where(p > n - 1, 2 * n - 1 - p, p)
    # circular (MindSpore crops first, then wraps the cropped input)
    lo, hi = max(-before, 0), max(-after, 0)
    q = xp.arange(n + before + after) - max(before, 0)
    return lo + q % (n - lo - hi)


@functools.lru_cache(maxsize=512)
def _table(m):
    """(idx, w) of an axis map: idx (n_out, K) int64, w (n_out, K) float64, or None for a plain gather."""
    kind = m[0]
    if kind == "nearest":
        idx, w = _nearest(m[1], m[2], m[3])[:, None], None
    elif kind == "nearest_exact":
        idx, w = _nearest_exact(m[1], m[2])[:, None], None
    elif kind == "linear":
        idx, w = _linear(*m[1:])
    elif kind == "cubic":
        idx, w = _cubic(*m[1:])
    elif kind == "area":
        idx, w = _area(*m[1:])
    elif kind in ("reflect", "symmetric", "edge", "circular"):
        idx, w = _padding(*m)[:, None], None
    else:
        raise ValueError(f"For 'Resample', unknown axis map {m!r}.")
    return _frozen(idx), (None if w is None else _frozen(w))


@functools.lru_cache(maxsize=512)
def _transposed(m):
    """The tap table of the transposed map: for each input element, the outputs it feeds and their weights."""
    idx, w = _table(m)
    n_in, n_out = map_sizes(m)
    taps = idx.shape[1]
    rows = idx.reshape(-1)
    cols = xp.repeat(xp.arange(n_out), taps)
    vals = xp.ones(rows.shape) if w is None else w.reshape(-1)
    keep = vals != 0
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = xp.argsort(rows, kind="stable")
    rows, cols, vals = rows[order], cols[order], vals[order]
    counts = xp.bincount(rows, minlength=n_in)
    width = max(int(counts.max()) if counts.size else 0, 1)
    starts = xp.concatenate([xp.zeros(1, xp.int64), xp.cumsum(counts)[:-1]])
    slot = xp.arange(rows.size) - starts[rows]
    t_idx = xp.zeros((n_in, width), xp.int64)
    t_w = xp.zeros((n_in, width))
    t_idx[rows, slot] = cols
    t_w[rows, slot] = vals
    return _frozen(t_idx), _frozen(t_w)


def _frozen(a):
    return backend.xp.ascontiguousarray(a)


def _along(x, axis, idx, w):
    """One axis map applied along ``axis``: a gather per tap, weighted and summed."""
    if w is None and idx.shape[1] == 1:
        return xp.take(x, idx[:, 0], axis=axis)
    bshape = (-1,) + (1,) * (x.ndim - axis - 1)
    out = None
    for k in range(idx.shape[1]):
        term = xp.take(x, idx[:, k], axis=axis)
        if w is not None:
            term *= w[:, k].astype(x.dtype).reshape(bshape)
        if out is None:
            out = term
        else:
            out += term
    return out


def _run(x, maps, transpose):
    dtype = x.dtype
    if dtype == xp.float16:         # the kernels compute half precision in float
        x = x.astype(_F32)
    first = x.ndim - len(maps)
    out = x
    for i, m in enumerate(maps):
        if m[0] == "id":
            continue
        idx, w = _transposed(m) if transpose else _table(m)
        out = _along(out, first + i, idx, w)
    if out is x:
        out = x.copy()
    return out.astype(dtype, copy=False)


# ----------------------------------------------------------------------------- Resample and its transpose
def _check_maps(name, shape, maps, sizes_of):
    n = len(maps)
    if len(shape) < n or any(shape[len(shape) - n + i] != sizes_of(m) for i, m in enumerate(maps)):
        wanted = tuple(sizes_of(m) for m in maps)
        raise ValueError(f"For '{name}', the input's last {n} dimensions must be {wanted}, but got shape "
                         f"{tuple(shape)}.")


def _resample_abstract(x, maps):
    _check_maps("Resample", x.shape, maps, lambda m: map_sizes(m)[0])
    return tuple(x.shape[:len(x.shape) - len(maps)]) + tuple(map_sizes(m)[1] for m in maps), x.dtype


def _resample_grad_abstract(dout, maps):
    _check_maps("ResampleGrad", dout.shape, maps, lambda m: map_sizes(m)[1])
    return tuple(dout.shape[:len(dout.shape) - len(maps)]) + tuple(map_sizes(m)[0] for m in maps), dout.dtype


resample_p = Primitive("Resample", lambda x, maps: _run(x, maps, False), 1, _resample_abstract)
resample_grad_p = Primitive("ResampleGrad", lambda dout, maps: _run(dout, maps, True), 1, _resample_grad_abstract)


def resample_axes(x, maps):
    """``x`` with one axis map applied to each of its last ``len(maps)`` axes (see the module's doc)."""
    return bind(resample_p, x, maps=tuple(maps))


resample_p.def_vjp(lambda dout, out, x, maps: bind(resample_grad_p, dout, maps=maps))
resample_grad_p.def_vjp(lambda g, out, dout, maps: bind(resample_p, g, maps=maps))


# ----------------------------------------------------------------------------- im2col and col2im
def _im2col_impl(x, kernel, dilation, pads, stride):
    out = conv_out_sizes(x.shape[2:], kernel, stride, dilation, pads)
    view = _window_view(_padded(x, pads), kernel, out, stride, dilation)
    # (a copy: for a 1x1 kernel the window view can be the input's own memory)
    return view.copy().reshape(x.shape[0], x.shape[1] * math.prod(kernel), math.prod(out))


def _col2im_impl(cols, output_size, kernel, dilation, pads, stride):
    out = conv_out_sizes(output_size, kernel, stride, dilation, pads)
    n = cols.shape[0]
    c = cols.shape[1] // math.prod(kernel)
    blocks = cols.reshape((n, c) + tuple(kernel) + tuple(out))
    padded = tuple(s + lo + hi for s, (lo, hi) in zip(output_size, pads))
    image = xp.zeros((n, c) + padded, cols.dtype)
    scatter_windows(image, lambda offset: blocks[(slice(None), slice(None)) + offset], kernel, dilation, stride, out)
    return _crop(image, tuple(output_size), pads)


def sliding_blocks(name, spatial, kernel, dilation, pads, stride):
    """The number of sliding blocks along each spatial dimension, or a ValueError naming ``name``."""
    out = conv_out_sizes(spatial, kernel, stride, dilation, pads)
    if any(isinstance(o, int) and o < 1 for o in out):
        raise ValueError(f"For '{name}', the kernel {tuple(kernel)} with dilation {tuple(dilation)} does not fit "
                         f"the spatial size {tuple(spatial)} padded by {tuple(pads)}: the sliding blocks would "
                         f"be {tuple(out)}.")
    return out


def _im2col_abstract(x, kernel, dilation, pads, stride):
    if len(x.shape) != 4:
        raise ValueError(f"For 'Im2Col', the input must be 4-D (N, C, H, W), but got shape {tuple(x.shape)}.")
    out = sliding_blocks("Im2Col", x.shape[2:], kernel, dilation, pads, stride)
    return (x.shape[0], x.shape[1] * math.prod(kernel), out[0] * out[1]), x.dtype


def _col2im_abstract(cols, output_size, kernel, dilation, pads, stride):
    k = math.prod(kernel)
    if len(cols.shape) != 3 or cols.shape[1] % k:
        raise ValueError(f"For 'Col2Im', the input must be 3-D (N, C * {k}, L) for the kernel {tuple(kernel)}, but "
                         f"got shape {tuple(cols.shape)}.")
    out = sliding_blocks("Col2Im", output_size, kernel, dilation, pads, stride)
    if cols.shape[2] != out[0] * out[1]:
        raise ValueError(f"For 'Col2Im', the input's last dimension must be the number of sliding blocks "
                         f"{out[0]} * {out[1]} = {out[0] * out[1]} of the output size {tuple(output_size)}, but "
                         f"got shape {tuple(cols.shape)}.")
    return (cols.shape[0], cols.shape[1] // k) + tuple(output_size), cols.dtype


im2col_p = Primitive("Im2Col", _im2col_impl, 1, _im2col_abstract)
col2im_p = Primitive("Col2Im", _col2im_impl, 1, _col2im_abstract)


def im2col(x, kernel, dilation, pads, stride):
    """The sliding windows of ``x`` (N, C, H, W) as (N, C * kh * kw, L), channels outer; ``pads``: a (before,
    after) pair per spatial dimension."""
    return bind(im2col_p, x, kernel=tuple(kernel), dilation=tuple(dilation), pads=tuple(pads), stride=tuple(stride))


def col2im(cols, output_size, kernel, dilation, pads, stride):
    """The sum of the windows ``cols`` (N, C * kh * kw, L) laid back on an image of spatial size ``output_size``."""
    return bind(col2im_p, cols, output_size=tuple(output_size), kernel=tuple(kernel), dilation=tuple(dilation),
                pads=tuple(pads), stride=tuple(stride))


im2col_p.def_vjp(lambda dout, out, x, kernel, dilation, pads, stride:
                 col2im(dout, x._data.shape[2:], kernel, dilation, pads, stride))
col2im_p.def_vjp(lambda dout, out, cols, output_size, kernel, dilation, pads, stride:
                 im2col(dout, kernel, dilation, pads, stride))
