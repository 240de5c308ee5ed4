"""The image functions behind the CNN-family Primitive classes (ops/operations/cnn_ops.py): TensorFlow-style
resizing (``ResizeBilinearV2``, ``ResizeNearestNeighbor``, ``ResizeBicubic``, ``ResizeArea``, ``ResizeLinear1D``),
``crop_and_resize``, ``affine_grid``, ``grid_sample`` and ROIAlign, written with existing primitives.

Every resize and crop is separable: along each spatial axis the output is a fixed matrix times the input, so it is
one matrix product per axis (the matrices built once from the coordinate rule, constants for the derivative, which
is then a matrix product with the transpose). Grid sampling gathers the corner values at indices computed from the
(stopped) grid and weights them with the fractional parts, so its derivative reaches the input and the grid.
The coordinate rules are MindSpore 2.10's CPU kernels' (TensorFlow's for the Resize family), checked against them
by tests/golden/cases_cnnprims.py.
"""
import math

from ..._core.tensor import Tensor
from .. import _prims as P
from . import array_func as A
from . import math_func as M
from . import nn_func as N
from .image_func import interpolate
from .math_func import _tensor

xp = P.xp
_CUBIC_TABLE = 1024


# ----------------------------------------------------------------------------- per-axis matrices
def _along(x, axis, mat):
    """``mat`` (n_out, n_in) applied along ``axis`` of ``x``."""
    m = Tensor(mat.astype(x._data.dtype))
    axis = axis % x.ndim
    perm = tuple(i for i in range(x.ndim) if i != axis) + (axis,)
    moved = P.matmul(P.transpose(x, perm), P.transpose(m, (1, 0)))
    return P.transpose(moved, tuple(perm.index(i) for i in range(x.ndim)))


def _taps(idx, w, n_in):
    """A dense (n_out, n_in) matrix from tap tables idx/w of shape (n_out, taps)."""
    mat = xp.zeros((idx.shape[0], n_in))
    rows = xp.repeat(xp.arange(idx.shape[0]), idx.shape[1])
    xp.add.at(mat, (rows, idx.reshape(-1)), w.reshape(-1))
    return mat


def _tf_scale(n_in, n_out, align):
    return (n_in - 1) / (n_out - 1) if align and n_out > 1 else n_in / n_out


def _tf_matrix(method, n_in, n_out, align, half):
    j = xp.arange(n_out, dtype=xp.float64)
    scale = _tf_scale(n_in, n_out, align)
    if method == "nearest":
        src = (j + 0.5) * scale if half else j * scale
        idx = xp.floor(src + 0.5) if align else xp.floor(src)   # C's roundf: halves round up (not to even)
        idx = xp.clip(idx.astype(xp.int64), 0, n_in - 1)
        return _taps(idx[:, None], xp.ones((n_out, 1)), n_in)
    src = (j + 0.5) * scale - 0.5 if half else j * scale
    if method == "linear":
        low = xp.floor(src)
        frac = src - low
        i0 = xp.clip(low.astype(xp.int64), 0, n_in - 1)
        i1 = xp.clip(xp.ceil(src).astype(xp.int64), 0, n_in - 1)
        return _taps(xp.stack([i0, i1], 1), xp.stack([1 - frac, frac], 1), n_in)
    base = xp.floor(src)
    frac = xp.rint((src - base) * _CUBIC_TABLE) / _CUBIC_TABLE
    a = -0.5 if half else -0.75
    offsets = xp.arange(-1, 3)
    raw = base.astype(xp.int64)[:, None] + offsets
    d = xp.abs(frac[:, None] - offsets)
    w = xp.where(d <= 1.0, ((a + 2.0) * d - (a + 3.0)) * d * d + 1.0, ((a * d - 5.0 * a) * d + 8.0 * a) * d - 4.0 * a)
    idx = xp.clip(raw, 0, n_in - 1)
    if half:      # taps outside the input dropped, the rest renormalised
        w = xp.where(idx == raw, w, 0.0)
        w = w / w.sum(axis=1, keepdims=True)
    return _taps(idx, w, n_in)


def _sizes(op, size, n):
    if len(size) != n or any(s < 1 for s in size):
        raise ValueError(f"For '{op}', the 'size' must be {n} positive ints, but got {tuple(size)}.")
    return tuple(int(s) for s in size)


def _float_image(op, x, rank, what="(N, C, H, W)"):
    x = _tensor(x, "x", op)
    if x.ndim != rank:
        raise ValueError(f"For '{op}', the input must be {rank}-D {what}, but got shape {x.shape}.")
    if x._data.dtype.kind != "f":
        raise TypeError(f"For '{op}', the input must be a float Tensor, but got {x.dtype}.")
    return x


def resize_tf(op, method, x, size, align_corners, half_pixel_centers):
    """(N, C, H, W) resized to ``size`` (h, w) with TensorFlow's coordinates (legacy ``j * scale``, aligned
    corners or half-pixel centres)."""
    x = _float_image(op, x, 4)
    if align_corners and half_pixel_centers:
        raise ValueError(f"For '{op}', 'align_corners' and 'half_pixel_centers' cannot both be True.")
    size = _sizes(op, size, 2)
    for axis, n_out in ((2, size[0]), (3, size[1])):
        x = _along(x, axis, _tf_matrix(method, x.shape[axis], n_out, align_corners, half_pixel_centers))
    return x


def resize_linear_1d(x, size, mode):
    op = "ResizeLinear1D"
    x = _float_image(op, x, 3, "(N, C, W)")
    if mode not in ("align_corners", "half_pixel"):
        raise ValueError(f"For '{op}', the 'coordinate_transformation_mode' must be 'align_corners' or "
                         f"'half_pixel', but got {mode!r}.")
    (n_out,) = _sizes(op, size, 1)
    n_in = x.shape[2]
    j = xp.arange(n_out, dtype=xp.float64)
    if mode == "align_corners":
        src = j * ((n_in - 1) / (n_out - 1) if n_out > 1 else 0.0)
    else:
        src = xp.maximum((j + 0.5) * n_in / n_out - 0.5, 0.0)
    low = xp.floor(src)
    frac = src - low
    i0 = xp.clip(low.astype(xp.int64), 0, n_in - 1)
    i1 = xp.clip(i0 + 1, 0, n_in - 1)
    return _along(x, 2, _taps(xp.stack([i0, i1], 1), xp.stack([1 - frac, frac], 1), n_in))


def _area_matrix(n_in, n_out, align):
    scale = _tf_scale(n_in, n_out, align)
    mat = xp.zeros((n_out, n_in))
    for j in range(n_out):
        start, stop = j * scale, (j + 1) * scale
        for i in range(int(math.floor(start)), int(math.ceil(stop))):
            cover = min(i + 1, stop) - max(i, start)
            mat[j, min(i, n_in - 1)] += cover / scale
    return mat


def resize_area(images, size, align_corners=False):
    """(N, H, W, C) images resized to ``size`` by box averaging (TensorFlow's ResizeArea); Float32 out."""
    op = "ResizeArea"
    x = _tensor(images, "images", op)
    if x.ndim != 4:
        raise ValueError(f"For '{op}', the images must be 4-D (N, H, W, C), but got shape {x.shape}.")
    x = A.cast(x, "float32") if x._data.dtype != xp.float32 else x
    size = _sizes(op, size, 2)
    for axis, n_out in ((1, size[0]), (2, size[1])):
        x = _along(x, axis, _area_matrix(x.shape[axis], n_out, align_corners))
    return x


# ----------------------------------------------------------------------------- crop_and_resize
def crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear", extrapolation_value=0.0):
    """Crops of the (N, H, W, C) ``image`` at the normalised ``boxes`` (y1, x1, y2, x2) of images
    ``box_indices``, each resized to ``crop_size`` (h, w): (num_boxes, h, w, C), Float32. Points outside the
    image take ``extrapolation_value``. The derivative reaches the image and (bilinear) the boxes."""
    return crop_and_resize_op("crop_and_resize", image, boxes, box_indices, crop_size, method, extrapolation_value)


def _box_coords(lo, hi, n_in, n_out):
    """(B, n_out) source coordinates of one axis of the boxes (Tensors lo, hi of shape (B,))."""
    if n_out > 1:
        j = Tensor(xp.arange(n_out, dtype=xp.float32)[None, :])
        step = M.div(M.mul(M.sub(hi, lo), float(n_in - 1)), float(n_out - 1))
        start = P.reshape(M.mul(lo, float(n_in - 1)), (lo.shape[0], 1))
        return M.add(start, M.mul(P.reshape(step, (lo.shape[0], 1)), j))
    return P.reshape(M.mul(M.add(lo, hi), 0.5 * (n_in - 1)), (lo.shape[0], 1))


def crop_and_resize_op(op, image, boxes, box_indices, crop_size, method, extrapolation_value):
    x = _tensor(image, "image", op)
    if x.ndim != 4:
        raise ValueError(f"For '{op}', the image must be 4-D (N, H, W, C), but got shape {x.shape}.")
    if method not in ("bilinear", "nearest"):
        raise ValueError(f"For '{op}', the 'method' must be 'bilinear' or 'nearest' (minispore has no "
                         f"'bilinear_v2' yet), but got {method!r}.")
    b = _tensor(boxes, "boxes", op)
    idx = _tensor(box_indices, "box_indices", op).asnumpy().astype(xp.int64).reshape(-1)
    if b.ndim != 2 or b.shape[1] != 4 or idx.shape[0] != b.shape[0]:
        raise ValueError(f"For '{op}', the boxes must be (num_boxes, 4) and box_indices (num_boxes,), but got "
                         f"{b.shape} and {idx.shape}.")
    if idx.size and (idx.min() < 0 or idx.max() >= x.shape[0]):
        raise ValueError(f"For '{op}', the box_indices must be in [0, {x.shape[0]}), but got {idx.tolist()}.")
    ch, cw = _sizes(op, tuple(crop_size), 2)
    x = A.cast(x, "float32") if x._data.dtype != xp.float32 else x
    b = A.cast(b, "float32") if b._data.dtype != xp.float32 else b
    nb, h, w, c = len(idx), x.shape[1], x.shape[2], x.shape[3]
    part = [P.reshape(A.gather(b, Tensor(xp.array([k])), 1), (nb,)) for k in range(4)]
    ys, xs = _box_coords(part[0], part[2], h, ch), _box_coords(part[1], part[3], w, cw)    # (B, ch), (B, cw)
    yv, xv = P.stop_gradient(ys).asnumpy(), P.stop_gradient(xs).asnumpy()
    inside = ((yv >= 0) & (yv <= h - 1))[:, :, None] & ((xv >= 0) & (xv <= w - 1))[:, None, :]    # (B, ch, cw)
    flat = P.reshape(A.gather(x, Tensor(idx), 0), (nb, h * w, c))

    def at(yi, xi):
        index = (xp.clip(yi, 0, h - 1)[:, :, None] * w + xp.clip(xi, 0, w - 1)[:, None, :]).reshape(nb, -1, 1)
        got = A.gather_d(flat, 1, Tensor(xp.broadcast_to(index, (nb, ch * cw, c)).copy()))
        return P.reshape(got, (nb, ch, cw, c))

    if method == "nearest":      # (coordinates inside the image are >= 0: round half away from zero)
        out = at(xp.floor(yv + 0.5).astype(xp.int64), xp.floor(xv + 0.5).astype(xp.int64))
    else:
        y0, x0 = xp.floor(yv), xp.floor(xv)
        ly = P.reshape(M.sub(ys, Tensor(y0.astype(xp.float32))), (nb, ch, 1, 1))
        lx = P.reshape(M.sub(xs, Tensor(x0.astype(xp.float32))), (nb, 1, cw, 1))
        y0, x0 = y0.astype(xp.int64), x0.astype(xp.int64)
        y1, x1 = xp.ceil(yv).astype(xp.int64), xp.ceil(xv).astype(xp.int64)
        top = M.add(at(y0, x0), M.mul(M.sub(at(y0, x1), at(y0, x0)), lx))
        bottom = M.add(at(y1, x0), M.mul(M.sub(at(y1, x1), at(y1, x0)), lx))
        out = M.add(top, M.mul(M.sub(bottom, top), ly))
    keep = inside[..., None]
    if keep.all():
        return out
    fill = Tensor(xp.where(keep, 0.0, float(extrapolation_value)).astype(xp.float32))
    return M.add(M.mul(out, Tensor(keep.astype(xp.float32))), fill)


# ----------------------------------------------------------------------------- affine_grid / grid_sample
def _base_coords(n, align):
    if align:
        return xp.linspace(-1.0, 1.0, n) if n > 1 else xp.zeros(1)
    return (xp.arange(n) * 2.0 + 1.0) / n - 1.0


def affine_grid(theta, size, align_corners=False):
    """The sampling grid of the affine maps ``theta``: (N, 2, 3) with ``size`` (N, C, H, W) gives (N, H, W, 2);
    (N, 3, 4) with (N, C, D, H, W) gives (N, D, H, W, 3); coordinates (x, y[, z]) in [-1, 1]."""
    return affine_grid_op("affine_grid", theta, size, align_corners)


def affine_grid_op(op, theta, size, align_corners):
    t = _tensor(theta, "theta", op)
    size = tuple(int(s) for s in size)
    nd = len(size) - 2
    if nd not in (2, 3) or t.ndim != 3 or t.shape[1:] != (nd, nd + 1) or t.shape[0] != size[0]:
        raise ValueError(f"For '{op}', theta must be (N, 2, 3) with a 4-value size or (N, 3, 4) with a 5-value "
                         f"size, N equal, but got theta {t.shape} and size {size}.")
    if t._data.dtype.kind != "f":
        raise TypeError(f"For '{op}', theta must be a float Tensor, but got {t.dtype}.")
    spatial = size[2:]
    axes = [_base_coords(n, align_corners) for n in spatial]                  # (D,) H, W
    mesh = xp.meshgrid(*axes, indexing="ij")
    cols = [m.reshape(-1) for m in reversed(mesh)] + [xp.ones(mesh[0].size)]  # x, y[, z], 1
    base = Tensor(xp.stack(cols, 1).astype(t._data.dtype))                    # (L, nd + 1)
    grid = P.matmul(base, P.transpose(t, (0, 2, 1)))                          # (N, L, nd)
    return P.reshape(grid, (size[0],) + spatial + (nd,))


def _unnormalise(g, n, align):
    if align:
        return M.mul(M.add(g, 1.0), (n - 1) / 2.0)
    return M.div(M.sub(M.mul(M.add(g, 1.0), float(n)), 1.0), 2.0)


def grid_sample_nd(op, nd, input, grid, mode, padding_mode, align_corners):
    x = _float_image(op, input, nd + 2, "(N, C, H, W)" if nd == 2 else "(N, C, D, H, W)")
    g = _tensor(grid, "grid", op)
    if g.ndim != nd + 2 or g.shape[0] != x.shape[0] or g.shape[-1] != nd:
        raise ValueError(f"For '{op}', the grid must be (N, *out, {nd}) with the input's N, but got input {x.shape} "
                         f"and grid {g.shape}.")
    if mode not in ("bilinear", "nearest"):
        raise ValueError(f"For '{op}', the interpolation mode must be 'bilinear' or 'nearest' (minispore has no "
                         f"'bicubic' grid sampling yet), but got {mode!r}.")
    if padding_mode not in ("zeros", "border"):
        raise ValueError(f"For '{op}', the padding mode must be 'zeros' or 'border' (minispore has no "
                         f"'reflection' grid sampling yet), but got {padding_mode!r}.")
    n, c = x.shape[:2]
    spatial = x.shape[2:]                                     # (D,) H, W
    out_shape = g.shape[1:-1]
    # coordinate k of the grid indexes spatial axis nd - 1 - k (x: width, y: height, z: depth)
    coords = []
    for k in range(nd):
        size = spatial[nd - 1 - k]
        v = P.reshape(A.gather(g, Tensor(xp.array(k)), nd + 1), (n, int(xp.prod(g.shape[1:-1]))))
        v = _unnormalise(v, size, align_corners)
        if padding_mode == "border":
            v = M.clamp(v, 0.0, float(size - 1))
        coords.append((v, size))
    flat = P.reshape(x, (n, c, int(xp.prod(spatial))))
    strides = [int(xp.prod(spatial[nd - k:])) if k else 1 for k in range(nd)]   # x: 1, y: W, z: H*W

    dtype = x._data.dtype
    base = [M.round(P.stop_gradient(v)) if mode == "nearest" else M.floor(P.stop_gradient(v)) for v, _ in coords]

    def corner(offsets):
        """One corner's values times its weight: indices from the stopped coordinates (primitives only, so that
        the function stages under jit), out-of-range corners masked to zero."""
        index = None
        weight = None
        valid = None
        for (v, size), low, off, stride in zip(coords, base, offsets, strides):
            pos = M.add(low, float(off)) if off else low
            ok = A.cast(M.logical_and(M.ge(pos, 0.0), M.le(pos, float(size - 1))), dtype)
            valid = ok if valid is None else M.mul(valid, ok)
            term = M.mul(A.cast(M.clamp(pos, 0.0, float(size - 1)), "int64"), stride)
            index = term if index is None else M.add(index, term)
            if mode != "nearest":
                frac = M.sub(v, low)
                frac = frac if off else M.sub(1.0, frac)
                weight = frac if weight is None else M.mul(weight, frac)
        idx = A.broadcast_to(P.reshape(index, (n, 1, index.shape[1])), (n, c, index.shape[1]))
        vals = M.mul(A.gather_d(flat, 2, idx), P.reshape(valid, (n, 1, valid.shape[1])))
        return vals if weight is None else M.mul(vals, P.reshape(weight, (n, 1, weight.shape[1])))

    if mode == "nearest":
        out = corner((0,) * nd)
    else:
        out = None
        for bits in range(2 ** nd):
            term = corner(tuple((bits >> k) & 1 for k in range(nd)))
            out = term if out is None else M.add(out, term)
    return P.reshape(out, (n, c) + tuple(out_shape))


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """Samples ``input`` (N, C, H, W) or (N, C, D, H, W) at the normalised ``grid`` points (N, H', W', 2) or
    (N, D', H', W', 3): 'bilinear' or 'nearest', out-of-range points zero ('zeros') or clamped ('border')."""
    g = _tensor(grid, "grid", "grid_sample")
    nd = g.ndim - 2
    if nd not in (2, 3):
        raise ValueError(f"For 'grid_sample', the grid must be 4-D or 5-D, but got shape {g.shape}.")
    return grid_sample_nd("grid_sample", nd, input, g, mode, padding_mode, bool(align_corners))


# ----------------------------------------------------------------------------- ROIAlign
def _roi_rows(start, bin_size, pooled, grid, n_in):
    """(R, pooled, n_in): the bilinear weights of the ``grid`` sample points of each bin, averaged."""
    r = start.shape[0]
    mats = xp.zeros((r, pooled, n_in))
    rr = xp.arange(r)
    for p in range(pooled):
        for i in range(grid):
            y = start + p * bin_size + (i + 0.5) * bin_size / grid
            keep = (y >= -1.0) & (y <= n_in)
            y = xp.maximum(y, 0.0)
            low = xp.floor(y).astype(xp.int64)
            top = low >= n_in - 1
            low = xp.where(top, n_in - 1, low)
            high = xp.where(top, n_in - 1, low + 1)
            y = xp.where(top, low.astype(xp.float64), y)
            frac = y - low
            xp.add.at(mats, (rr, p, low), keep * (1 - frac) / grid)
            xp.add.at(mats, (rr, p, high), keep * frac / grid)
    return mats


def roi_align(features, rois, pooled_height, pooled_width, spatial_scale, sample_num=2, roi_end_mode=1):
    """ROIAlign of (N, C, H, W) ``features`` over ``rois`` (R, 5) = (batch, x1, y1, x2, y2): (R, C, ph, pw), each
    bin the mean of sample_num x sample_num bilinear samples (MindSpore's kernel: the box end shifted by
    ``roi_end_mode``, boxes at least 1 wide)."""
    op = "ROIAlign"
    x = _float_image(op, features, 4)
    r = _tensor(rois, "rois", op).asnumpy().astype(xp.float64)
    if r.ndim != 2 or r.shape[1] != 5:
        raise ValueError(f"For '{op}', the rois must be (R, 5), but got {r.shape}.")
    if sample_num <= 0:
        raise ValueError(f"For '{op}', minispore needs a positive 'sample_num', but got {sample_num}.")
    batch = r[:, 0].astype(xp.int64)
    if batch.size and (batch.min() < 0 or batch.max() >= x.shape[0]):
        raise ValueError(f"For '{op}', the rois' batch indices must be in [0, {x.shape[0]}), but got "
                         f"{batch.tolist()}.")
    x1, y1 = r[:, 1] * spatial_scale, r[:, 2] * spatial_scale
    x2, y2 = (r[:, 3] + roi_end_mode) * spatial_scale, (r[:, 4] + roi_end_mode) * spatial_scale
    w, h = xp.maximum(x2 - x1, 1.0), xp.maximum(y2 - y1, 1.0)
    my = _roi_rows(y1, h / pooled_height, pooled_height, sample_num, x.shape[2])
    mx = _roi_rows(x1, w / pooled_width, pooled_width, sample_num, x.shape[3])
    picked = A.gather(x, Tensor(batch), 0)                                # (R, C, H, W)
    dt = x._data.dtype
    out = P.matmul(Tensor(my[:, None].astype(dt)), picked)                # (R, C, ph, W)
    return P.matmul(out, Tensor(xp.transpose(mx, (0, 2, 1))[:, None].astype(dt)))


# ----------------------------------------------------------------------------- the Ext forms
def log_softmax_ext(x, dim=None, dtype=None):
    """``LogSoftmaxExt``: log_softmax along ``dim`` (None: 0 for 0-, 1- and 3-D inputs, else 1), after a cast to
    ``dtype`` when given."""
    x = _tensor(x, "input", "LogSoftmaxExt")
    if dtype is not None:
        x = A.cast(x, dtype)
    if dim is None:
        dim = 0 if x.ndim in (0, 1, 3) else 1
    return N.log_softmax(x, dim)


def all_finite(tensors):
    """``AllFinite``: a Bool scalar, True when some element of the tensors is NaN or infinite (the overflow flag
    that ``amp`` negates)."""
    finite = True
    for t in tensors:
        finite = finite and bool(xp.isfinite(_tensor(t, "gradients", "AllFinite")._data).all())
    return Tensor(xp.array(not finite))


def upsample_nd(op, mode, nd, x, output_size, scales, align_corners):
    x = _tensor(x, "x", op)
    if x.ndim != nd + 2:
        raise ValueError(f"For '{op}', the input must be {nd + 2}-D, but got shape {x.shape}.")
    if (output_size is None) == (scales is None):
        raise ValueError(f"For '{op}', exactly one of 'output_size' and 'scales' must be given, but got "
                         f"output_size={output_size!r} and scales={scales!r}.")
    align = None if mode == "nearest" else bool(align_corners)
    if output_size is not None:
        size = tuple(int(s) for s in output_size)
        if len(size) != nd:
            raise ValueError(f"For '{op}', the 'output_size' must have {nd} values, but got {size}.")
    else:
        scales = tuple(float(s) for s in scales)
        if len(scales) != nd or min(scales) <= 0:
            raise ValueError(f"For '{op}', the 'scales' must be {nd} positive floats, but got {scales}.")
        if nd == 3:     # the 3-D kernels map coordinates with the scales themselves
            return interpolate(x, scale_factor=scales, mode=mode, align_corners=align)
        size = tuple(int(math.floor(n * s)) for n, s in zip(x.shape[2:], scales))
    return interpolate(x, size=size, mode=mode, align_corners=align)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False):
    """The rows of ``weight`` (V, D) at the int ``input`` indices: (*input.shape, D). ``padding_idx``: that row
    gets no gradient; ``max_norm``: the looked-up rows whose ``norm_type``-norm exceeds it are first scaled
    in place (``weight`` must then be a Parameter) by max_norm / (norm + 1e-7)."""
    from .state_func import assign
    op = "Embedding"
    idx = _tensor(input, "input", op)
    w = _tensor(weight, "weight", op)
    if idx._data.dtype.kind not in "iu":
        raise TypeError(f"For '{op}', the input must be an int32 or int64 Tensor, but got {idx.dtype}.")
    if w.ndim != 2:
        raise ValueError(f"For '{op}', the weight must be 2-D (num_embeddings, dim), but got shape {w.shape}.")
    v = w.shape[0]
    values = idx._data
    if values.size and (values.min() < 0 or values.max() >= v):
        raise ValueError(f"For '{op}', the input indices must be in [0, {v}), but got values from {values.min()} "
                         f"to {values.max()}.")
    if scale_grad_by_freq:
        raise ValueError(f"For '{op}', minispore does not implement 'scale_grad_by_freq=True' yet.")
    if padding_idx is not None and not -v <= padding_idx < v:
        raise ValueError(f"For '{op}', the 'padding_idx' must be in [{-v}, {v}), but got {padding_idx}.")
    if max_norm is not None:
        rows = xp.unique(values.reshape(-1))
        data = w._data.astype(xp.float64)
        norms = (xp.abs(data[rows]) ** norm_type).sum(1) ** (1.0 / norm_type)
        scale = xp.ones(v)
        big = norms > max_norm
        scale[rows[big]] = max_norm / (norms[big] + 1e-7)
        assign(weight, M.mul(w, Tensor(scale[:, None].astype(w._data.dtype))))
        w = _tensor(weight, "weight", op)
    if padding_idx is not None:
        keep = xp.ones((v, 1), dtype=w._data.dtype)
        keep[padding_idx] = 0
        keep = Tensor(keep)
        w = M.add(M.mul(w, keep), M.mul(P.stop_gradient(w), M.sub(1.0, keep)))
    flat = A.gather(w, Tensor(values.reshape(-1)), 0)
    return P.reshape(flat, tuple(idx.shape) + (w.shape[1],))


__all__ = ["crop_and_resize", "affine_grid", "grid_sample"]
