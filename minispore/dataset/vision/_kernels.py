"""Image kernels of the vision transforms, on blocks of images ``(N, H, W, C)``, the way MindSpore's CPU kernels
compute them.

MindSpore's C++ image kernels call OpenCV; these reproduce OpenCV's arithmetic in NumPy (no OpenCV here):
the fixed-point weights of its uint8 paths (11-bit resize coefficients, 10-bit affine coordinates quantised to
1/32 pixel, 15-bit remap weights, 14-bit grey and 12-bit HSV tables), the float32 passes and fused multiply-adds
of its vectorised loops, and its rounding (``cvRound``: half to even). The golden tests
(tests/golden/cases_dataset_vision.py) check each against MindSpore 2.10: they agree exactly on uint8 images.
Every kernel works on a whole block at once: per-image parameters (crop boxes, angles, factors) are arrays.
"""
import functools

import numpy as np

from .utils import Inter

_COEF_BITS = 11                   # INTER_RESIZE_COEF_BITS
_COEF_SCALE = 1 << _COEF_BITS


def _rint_clip(v, dtype):
    """``saturate_cast<dtype>(v)`` of OpenCV: round half to even, clip to the integer range."""
    info = np.iinfo(dtype)
    return np.clip(np.rint(v), info.min, info.max).astype(dtype)


def _cast_like(v, dtype):
    dtype = np.dtype(dtype)
    if dtype.kind in "iub":
        return _rint_clip(v, dtype if dtype.kind != "b" else np.uint8).astype(dtype)
    return v.astype(dtype, copy=False)


def _ftype(dtype):
    return np.float64 if dtype == np.float64 else np.float32


# ---------------------------------------------------------------------------------------------------- resize
def _scale(src, dst):
    return 1.0 / (dst / src)            # OpenCV: scale_x = 1. / inv_scale_x, inv_scale_x = dst / src (double)


def _two_taps(s, f, src, clamp):
    """Indices and weights of a 2-tap kernel from OpenCV's source positions ``s`` and fractions ``f``. Along x
    (``clamp``) OpenCV moves a position outside the image onto its border with a fraction of 0; along y it keeps
    the fraction and only clamps the rows, so a border output row mixes the border row with itself (and its two
    truncated fixed-point products can round differently from one)."""
    s = s.copy()
    if clamp:
        low = s < 0
        f[low], s[low] = 0, 0
        high = s >= src - 1
        f[high], s[high] = 0, src - 1
    idx = np.clip(np.stack([s, s + 1], 1), 0, src - 1)
    return idx, np.stack([np.float32(1) - f, f], 1).astype(np.float32)


def linear_taps(src, dst, clamp=True):
    """OpenCV's INTER_LINEAR source indices and float32 weights along one axis (``clamp``: the x axis)."""
    f = ((np.arange(dst) + 0.5) * _scale(src, dst) - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    f = (f - s.astype(np.float32)).astype(np.float32)
    return _two_taps(s, f, src, clamp)


def _area_up_taps(src, dst, clamp=True):
    """INTER_AREA when enlarging: linear taps with OpenCV's area-style fractions."""
    scale = _scale(src, dst)
    inv = dst / src
    d = np.arange(dst)
    s = np.floor(d * scale).astype(np.int64)
    f = ((d + 1) - (s + 1) * inv).astype(np.float32)
    f = np.where(f <= 0, np.float32(0), f - np.floor(f)).astype(np.float32)
    return _two_taps(s, f, src, clamp)


def cubic_coeffs(x):
    """OpenCV's ``interpolateCubic`` (A = -0.75) at fractions ``x`` (float32): shape ``x.shape + (4,)``."""
    a = np.float32(-0.75)
    x = x.astype(np.float32)
    one = np.float32(1)
    c0 = ((a * (x + one) - np.float32(5) * a) * (x + one) + np.float32(8) * a) * (x + one) - np.float32(4) * a
    c1 = ((a + np.float32(2)) * x - (a + np.float32(3))) * x * x + one
    c2 = ((a + np.float32(2)) * (one - x) - (a + np.float32(3))) * (one - x) * (one - x) + one
    c3 = one - c0 - c1 - c2
    return np.stack([c0, c1, c2, c3], -1).astype(np.float32)


def _cubic_taps(src, dst):
    f = ((np.arange(dst) + 0.5) * _scale(src, dst) - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    f = (f - s.astype(np.float32)).astype(np.float32)
    idx = np.clip(s[:, None] + np.arange(-1, 3), 0, src - 1)
    return idx, cubic_coeffs(f)


@functools.lru_cache(maxsize=64)
def _area_matrix(src, dst):
    """OpenCV's ``computeResizeAreaTab`` as a dense ``(dst, src)`` matrix (shrinking); cached (read-only), since
    a pipeline resizes every image of a data set between the same sizes."""
    scale = _scale(src, dst)
    m = np.zeros((dst, src))
    for dx in range(dst):
        fsx1 = dx * scale
        fsx2 = fsx1 + scale
        cell = min(scale, src - fsx1)
        sx1, sx2 = int(np.ceil(fsx1)), int(np.floor(fsx2))
        sx2 = min(sx2, src - 1)
        sx1 = min(sx1, sx2)
        if sx1 - fsx1 > 1e-3:
            m[dx, sx1 - 1] = (sx1 - fsx1) / cell
        m[dx, sx1:sx2] = 1.0 / cell
        if fsx2 - sx2 > 1e-3:
            m[dx, sx2] = min(min(fsx2 - sx2, 1.0), cell) / cell
    m = m.astype(np.float32)
    m.flags.writeable = False
    return m


def _along(x, idx, axis):
    return np.take(x, idx, axis=axis)


def _taps_apply(x, idx, w, axis, acc):
    """Sum over taps k of ``x[.., idx[:, k], ..] * w[:, k]`` along ``axis`` (1: rows, 2: columns)."""
    shape = (-1, 1) if axis == 2 else (-1, 1, 1)
    out = None
    for k in range(idx.shape[1]):
        term = _along(x, idx[:, k], axis).astype(acc, copy=False) * w[:, k].astype(acc).reshape(shape)
        out = term if out is None else out + term
    return out


def _fixed(w):
    return np.rint(w * np.float32(_COEF_SCALE)).astype(np.int64)


def _resize_linear_u8(x, ty, wy, tx, wx):
    ax, by = _fixed(wx).astype(np.int32), _fixed(wy).astype(np.int32)
    xi = x.astype(np.int32)
    rows = xi[:, :, tx[:, 0]] * ax[:, 0, None] + xi[:, :, tx[:, 1]] * ax[:, 1, None]
    out = (((by[:, 0, None, None] * (rows[:, ty[:, 0]] >> 4)) >> 16)
           + ((by[:, 1, None, None] * (rows[:, ty[:, 1]] >> 4)) >> 16) + 2) >> 2
    return np.clip(out, 0, 255).astype(np.uint8)


def _separable(x, ty, wy, tx, wx):
    ft = _ftype(x.dtype)
    rows = _taps_apply(x, tx, wx, 2, ft)
    return _taps_apply(rows, ty, wy, 1, ft)


def _area_down(x, oh, ow):
    h, w = x.shape[1:3]
    sy, sx = _scale(h, oh), _scale(w, ow)
    iy, ix = int(round(sy)), int(round(sx))
    if abs(sy - iy) < 2.2e-16 and abs(sx - ix) < 2.2e-16:          # OpenCV's resizeAreaFast
        blocks = x[:, :oh * iy, :ow * ix].reshape(x.shape[0], oh, iy, ow, ix, *x.shape[3:])
        if x.dtype.kind in "iu":
            s = blocks.astype(np.int64).sum(axis=(2, 4))
            area = iy * ix
            if area == 4 and x.dtype == np.uint8 and x.shape[-1] in (1, 3, 4):
                return ((s + 2) >> 2).astype(np.uint8)
            return _rint_clip(s.astype(np.float32) * np.float32(1.0 / area), x.dtype)
        return blocks.astype(_ftype(x.dtype)).mean(axis=(2, 4)).astype(x.dtype)
    ft = _ftype(x.dtype)
    my, mx = _area_matrix(h, oh).astype(ft), _area_matrix(w, ow).astype(ft)
    t = x.astype(ft, copy=False).transpose(0, 3, 1, 2) @ mx.T      # (N, C, H, ow): matrix products (BLAS)
    out = (my @ t).transpose(0, 2, 3, 1)                           # (N, oh, ow, C)
    return _cast_like(out, x.dtype)


def _pil_resize(x, oh, ow, resample):
    """Pillow's resampling of each image (and, beyond 1/3/4-channel uint8, of each channel as 'F')."""
    from PIL import Image
    n, c = x.shape[0], x.shape[3]
    out = np.empty((n, oh, ow, c), x.dtype)
    for i in range(n):
        if x.dtype == np.uint8 and c in (1, 3, 4):
            im = Image.fromarray(x[i, ..., 0] if c == 1 else x[i])
            r = np.asarray(im.resize((ow, oh), resample))
            out[i] = r[..., None] if c == 1 else r
        else:
            for k in range(c):
                im = Image.fromarray(np.ascontiguousarray(x[i, ..., k]).astype(np.float32))
                out[i, ..., k] = _cast_like(np.asarray(im.resize((ow, oh), resample)), x.dtype)
    return out


def _chunks(n, per_image):
    """Slices of a block of ``n`` images so that each piece's temporaries (``per_image`` elements an image) stay
    within a few MB: the kernels are memory-bound, and cache-sized pieces run several times faster."""
    step = max(1, (1 << 18) // max(1, per_image))
    return [slice(i, min(n, i + step)) for i in range(0, n, step)]


def resize(x, oh, ow, inter):
    """Resize a block ``(N, H, W, C)`` to ``(N, oh, ow, C)`` with OpenCV's ``inter`` (MindSpore's CPU kernel)."""
    pieces = _chunks(x.shape[0], max(oh * ow, x.shape[1] * ow) * x.shape[3])
    if len(pieces) == 1:
        return _resize(x, oh, ow, inter)
    return np.concatenate([_resize(x[p], oh, ow, inter) for p in pieces])


def _resize(x, oh, ow, inter):
    h, w = x.shape[1:3]
    if (oh, ow) == (h, w):
        return x.copy()
    if inter == Inter.NEAREST:
        yi = np.minimum(np.floor(np.arange(oh) * _scale(h, oh)).astype(np.int64), h - 1)
        xi = np.minimum(np.floor(np.arange(ow) * _scale(w, ow)).astype(np.int64), w - 1)
        return x[:, yi][:, :, xi]
    if inter == Inter.PILCUBIC:
        from PIL import Image
        return _pil_resize(x, oh, ow, Image.Resampling.BICUBIC)
    sy, sx = _scale(h, oh), _scale(w, ow)
    if inter == Inter.LINEAR and abs(sy - 2) < 2.2e-16 and abs(sx - 2) < 2.2e-16:
        inter = Inter.AREA                                           # as OpenCV does for exact halving
    if inter == Inter.AREA:
        if sy >= 1 and sx >= 1:
            return _area_down(x, oh, ow)
        ty, wy = _area_up_taps(h, oh, clamp=False)
        tx, wx = _area_up_taps(w, ow)
    elif inter == Inter.CUBIC:
        ty, wy = _cubic_taps(h, oh)
        tx, wx = _cubic_taps(w, ow)
        if x.dtype == np.uint8:     # integer rows, then OpenCV's vectorised vertical pass: float32, rint
            ax, by = _fixed(wx).astype(np.int32), _fixed(wy)
            rows = _taps_apply(x.astype(np.int32), tx, ax, 2, np.int32).astype(np.float32)
            beta = (by.astype(np.float32) * np.float32(1.0 / (1 << (2 * _COEF_BITS)))).astype(np.float32)
            return _rint_clip(_taps_apply(rows, ty, beta, 1, np.float32), np.uint8)
        return _cast_like(_separable(x, ty, wy, tx, wx), x.dtype)
    else:
        ty, wy = linear_taps(h, oh, clamp=False)
        tx, wx = linear_taps(w, ow)
    if x.dtype == np.uint8:
        return _resize_linear_u8(x, ty, wy, tx, wx)
    return _cast_like(_separable(x, ty, wy, tx, wx), x.dtype)


def resize_crops(x, top, left, ch, cw, oh, ow):
    """Bilinear resize (OpenCV's INTER_LINEAR) of one crop per image, all at once: image ``i`` of the block
    ``(N, H, W, C)`` is cropped to rows ``top[i]:top[i]+ch[i]``, columns ``left[i]:left[i]+cw[i]``."""
    pieces = _chunks(x.shape[0], oh * ow * x.shape[3])
    if len(pieces) > 1:
        return np.concatenate([resize_crops(x[p], top[p], left[p], ch[p], cw[p], oh, ow) for p in pieces])
    n = x.shape[0]
    ty, wy = _crop_taps(ch, oh, clamp=False)
    tx, wx = _crop_taps(cw, ow)
    ty += top[:, None, None]
    tx += left[:, None, None]
    ni = np.arange(n)[:, None, None]
    if x.dtype == np.uint8:
        ax, by = _fixed(wx), _fixed(wy)                         # (N, ow, 2), (N, oh, 2)
        xi = x.astype(np.int32)
        rows = [xi[ni, ty[:, :, k][:, :, None], tx[:, :, 0][:, None, :]] * ax[:, None, :, 0, None]
                + xi[ni, ty[:, :, k][:, :, None], tx[:, :, 1][:, None, :]] * ax[:, None, :, 1, None]
                for k in range(2)]
        out = (((by[:, :, 0, None, None] * (rows[0] >> 4)) >> 16)
               + ((by[:, :, 1, None, None] * (rows[1] >> 4)) >> 16) + 2) >> 2
        return np.clip(out, 0, 255).astype(np.uint8)
    ft = _ftype(x.dtype)
    out = 0
    for i in range(2):
        for j in range(2):
            g = x[ni, ty[:, :, i][:, :, None], tx[:, :, j][:, None, :]].astype(ft)
            out = out + g * (wy[:, :, i, None, None] * wx[:, None, :, j, None]).astype(ft)
    return _cast_like(out, x.dtype)


def _crop_taps(src, dst, clamp=True):
    """``linear_taps`` for a vector of source sizes: indices ``(N, dst, 2)`` and weights."""
    src = np.asarray(src, np.int64)
    scale = 1.0 / (dst / src.astype(np.float64))
    f = ((np.arange(dst) + 0.5)[None] * scale[:, None] - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    f = (f - s.astype(np.float32)).astype(np.float32)
    last = (src - 1)[:, None]
    if clamp:
        low = s < 0
        f[low], s[low] = 0, 0
        high = s >= last
        f[high] = 0
        s = np.where(high, last, s)
    idx = np.clip(np.stack([s, s + 1], -1), 0, last[..., None])
    return idx, np.stack([np.float32(1) - f, f], -1).astype(np.float32)


# ---------------------------------------------------------------------------------------------------- affine
_AB_BITS, _INTER_BITS = 10, 5
_REMAP_BITS = 15


def rotation_matrices(angles, cx, cy):
    """OpenCV's ``getRotationMatrix2D(center, angle, 1)`` for a vector of angles (degrees, counter-clockwise):
    ``(N, 2, 3)``, mapping source to destination."""
    a = np.deg2rad(np.asarray(angles, np.float64))
    al, be = np.cos(a), np.sin(a)
    cx, cy = np.broadcast_to(cx, al.shape), np.broadcast_to(cy, al.shape)
    return np.stack([np.stack([al, be, (1 - al) * cx - be * cy], -1),
                     np.stack([-be, al, be * cx + (1 - al) * cy], -1)], 1)


def _invert_affine(m):
    a, b, c = m[:, 0, 0], m[:, 0, 1], m[:, 0, 2]
    d, e, f = m[:, 1, 0], m[:, 1, 1], m[:, 1, 2]
    det = a * e - b * d
    det = np.where(det != 0, 1.0 / np.where(det != 0, det, 1), 0)
    a11, a22 = e * det, a * det
    a12, a21 = -b * det, -d * det
    return np.stack([np.stack([a11, a12, -a11 * c - a12 * f], -1),
                     np.stack([a21, a22, -a21 * c - a22 * f], -1)], 1)


_TABLES = {}


def _remap_table(cubic):
    """OpenCV's ``initInterTab2D`` for integer images: the 15-bit weights of the (4x4 cubic or 2x2 bilinear) taps
    for each of the 32 x 32 sub-pixel positions, ``(32, 32, k, k)``, each set nudged to sum exactly to 2**15."""
    if cubic in _TABLES:
        return _TABLES[cubic]
    n = 1 << _INTER_BITS
    f = np.arange(n, dtype=np.float32) / np.float32(n)
    tab = cubic_coeffs(f) if cubic else np.stack([np.float32(1) - f, f], -1)       # (32, k)
    k = tab.shape[1]
    w = tab[:, None, :, None] * tab[None, :, None, :]                             # (fy, fx, ky, kx)
    it = np.rint(w * np.float32(1 << _REMAP_BITS)).astype(np.int64)
    k2 = k // 2
    for a in range(n):
        for b in range(n):
            t = it[a, b]
            diff = int(t.sum()) - (1 << _REMAP_BITS)
            if diff:
                mk = Mk = (k2, k2)
                for k1 in range(k2, k2 + 2):
                    for kk in range(k2, k2 + 2):
                        if k1 >= k or kk >= k:
                            continue
                        if t[k1, kk] < t[mk]:
                            mk = (k1, kk)
                        elif t[k1, kk] > t[Mk]:
                            Mk = (k1, kk)
                if diff < 0:
                    t[Mk] -= diff
                else:
                    t[mk] -= diff
    _TABLES[cubic] = it
    return it


def warp_affine(x, m, oh, ow, inter, fill):
    """``cv::warpAffine(img, M, (ow, oh), inter, BORDER_CONSTANT, fill)`` of each image of the block ``x``
    ``(N, H, W, C)`` with its own forward matrix ``m[i]`` (``(N, 2, 3)``). ``fill``: one value per channel."""
    pieces = _chunks(x.shape[0], oh * ow * x.shape[3] * 4)
    if len(pieces) > 1:
        return np.concatenate([warp_affine(x[p], m[p], oh, ow, inter, fill) for p in pieces])
    n, h, w, c = x.shape
    im = _invert_affine(np.asarray(m, np.float64))
    xs, ys = np.arange(ow, dtype=np.float64), np.arange(oh, dtype=np.float64)
    scale = 1 << _AB_BITS
    adelta = np.rint(im[:, 0, 0, None] * xs * scale).astype(np.int64)          # (N, ow)
    bdelta = np.rint(im[:, 1, 0, None] * xs * scale).astype(np.int64)
    round_delta = scale // 2 if inter == Inter.NEAREST else scale >> (_INTER_BITS + 1)
    x0 = np.rint((im[:, 0, 1, None] * ys + im[:, 0, 2, None]) * scale).astype(np.int64) + round_delta
    y0 = np.rint((im[:, 1, 1, None] * ys + im[:, 1, 2, None]) * scale).astype(np.int64) + round_delta
    gx = x0[:, :, None] + adelta[:, None, :]                                     # (N, oh, ow)
    gy = y0[:, :, None] + bdelta[:, None, :]
    fill = np.broadcast_to(np.asarray(fill, np.float64), (c,))
    ni = np.arange(n)[:, None, None]
    if inter == Inter.NEAREST:
        sx, sy = gx >> _AB_BITS, gy >> _AB_BITS
        inside = (sx >= 0) & (sx < w) & (sy >= 0) & (sy < h)
        out = x[ni, np.clip(sy, 0, h - 1), np.clip(sx, 0, w - 1)]
        out[~inside] = _cast_like(fill, x.dtype)
        return out
    sh = _AB_BITS - _INTER_BITS
    gx, gy = gx >> sh, gy >> sh
    sx, sy = gx >> _INTER_BITS, gy >> _INTER_BITS
    fx = (gx & ((1 << _INTER_BITS) - 1)).astype(np.float32) / np.float32(1 << _INTER_BITS)
    fy = (gy & ((1 << _INTER_BITS) - 1)).astype(np.float32) / np.float32(1 << _INTER_BITS)
    cubic = inter == Inter.CUBIC
    offs = np.arange(-1, 3) if cubic else np.arange(2)
    integer = x.dtype.kind in "iu"
    if integer:
        table = _remap_table(cubic)[gy & ((1 << _INTER_BITS) - 1), gx & ((1 << _INTER_BITS) - 1)]
    elif cubic:
        wxs, wys = cubic_coeffs(fx), cubic_coeffs(fy)
    else:
        wxs = np.stack([np.float32(1) - fx, fx], -1)
        wys = np.stack([np.float32(1) - fy, fy], -1)
    acc = np.int64 if integer else _ftype(x.dtype)
    fill_v = fill.astype(acc) if not integer else np.rint(fill).astype(np.int64)
    out = 0
    for i, dy in enumerate(offs):
        yy = sy + dy
        for j, dx in enumerate(offs):
            xx = sx + dx
            inside = (xx >= 0) & (xx < w) & (yy >= 0) & (yy < h)
            v = x[ni, np.clip(yy, 0, h - 1), np.clip(xx, 0, w - 1)].astype(acc)
            v = np.where(inside[..., None], v, fill_v)
            wk = table[..., i, j] if integer else wys[..., i] * wxs[..., j]
            out = out + v * wk[..., None]
    if integer:
        return _rint_clip((out + (1 << (_REMAP_BITS - 1))) >> _REMAP_BITS, x.dtype)
    return out.astype(x.dtype)


# ---------------------------------------------------------------------------------------------------- colour
def rgb_to_gray(x):
    """OpenCV's RGB2GRAY: for uint8 the 14-bit fixed-point weights (4899, 9617, 1868), else 0.299/0.587/0.114.
    ``x`` (..., 3) -> (...)."""
    if x.dtype == np.uint8:
        xi = x.astype(np.int32)
        return ((xi[..., 0] * 4899 + xi[..., 1] * 9617 + xi[..., 2] * 1868 + (1 << 13)) >> 14).astype(np.uint8)
    ft = _ftype(x.dtype)
    xf = x.astype(ft)
    return (xf[..., 0] * ft(0.299) + xf[..., 1] * ft(0.587) + xf[..., 2] * ft(0.114)).astype(x.dtype)


def add_weighted(a, alpha, b, beta, dtype):
    """``cv::addWeighted(a, alpha, b, beta, 0)`` with ``dtype`` output: float32 weights and OpenCV's fused
    multiply-adds, ``fma(a, alpha, b * beta)`` (one rounding of ``b * beta``, one of the sum), then rounding half
    to even and saturation. ``alpha``/``beta`` broadcast against the images (one weight per image)."""
    alpha = np.asarray(alpha, np.float32)
    beta = np.asarray(beta, np.float32)
    inner = b.astype(np.float32) * beta
    out = (a.astype(np.float64) * alpha.astype(np.float64) + inner.astype(np.float64)).astype(np.float32)
    return _cast_like(out, dtype)


def blend(a, b, alpha):
    """``cv::addWeighted(a, 1 - alpha, b, alpha, 0)`` per image (``alpha``: (N,)), as MindSpore's
    ``a * (1 - alpha) + b * alpha`` on OpenCV matrices evaluates it."""
    al = np.asarray(alpha, np.float32).reshape((-1,) + (1,) * (b.ndim - 1))
    be = (1.0 - np.asarray(alpha, np.float64)).astype(np.float32).reshape(al.shape)
    return add_weighted(a, be, b, al, b.dtype)


def adjust_brightness(x, f):
    al = np.asarray(f, np.float32).reshape((-1,) + (1,) * (x.ndim - 1))
    return _cast_like(x.astype(np.float32) * al, x.dtype)


def adjust_contrast(x, f):
    g = rgb_to_gray(x).astype(np.float64)
    mean = g.reshape(g.shape[0], -1).mean(axis=1)
    if x.dtype.kind in "iu":
        mean = np.rint(mean)
    return blend(np.broadcast_to(mean.reshape((-1,) + (1,) * (x.ndim - 1)), x.shape), x, f)


def adjust_saturation(x, f):
    return blend(np.broadcast_to(rgb_to_gray(x)[..., None], x.shape), x, f)


def _rgb_to_hsv_full_u8(x):
    xi = x.astype(np.int64)
    r, g, b = xi[..., 0], xi[..., 1], xi[..., 2]
    v = np.maximum(np.maximum(r, g), b)
    diff = v - np.minimum(np.minimum(r, g), b)
    idx = np.arange(256, dtype=np.float64)
    with np.errstate(divide="ignore"):
        sdiv = np.where(idx > 0, np.rint((255 << 12) / idx), 0).astype(np.int64)
        hdiv = np.where(idx > 0, np.rint((256 << 12) / (6.0 * idx)), 0).astype(np.int64)
    s = (diff * sdiv[v] + (1 << 11)) >> 12
    h = np.where(v == r, g - b, np.where(v == g, b - r + 2 * diff, r - g + 4 * diff))
    h = (h * hdiv[diff] + (1 << 11)) >> 12
    h = np.where(h < 0, h + 256, h)
    return np.clip(h, 0, 255), s, v


def _hsv_full_to_rgb_u8(h, s, v):
    # OpenCV reads a full-range hue byte back with a range of 255 (not the 256 it wrote it with)
    hf = h.astype(np.float32) * np.float32(6.0 / 255)
    sf = s.astype(np.float32) * np.float32(1.0 / 255)
    vf = v.astype(np.float32) * np.float32(1.0 / 255)
    hf = np.fmod(hf, np.float32(6)).astype(np.float32)
    sector = np.floor(hf).astype(np.int64)
    hf = (hf - sector).astype(np.float32)
    one = np.float32(1)
    tab = np.stack([vf, vf * (one - sf), vf * (one - sf * hf), vf * (one - sf * (one - hf))], -1)
    sectors = np.array([[1, 3, 0], [1, 0, 2], [3, 0, 1], [0, 2, 1], [0, 1, 3], [2, 1, 0]])  # b, g, r
    sel = sectors[np.clip(sector, 0, 5)]
    bgr = np.take_along_axis(tab, sel, -1)
    bgr = np.where((sf == 0)[..., None], vf[..., None], bgr)
    return _rint_clip(bgr[..., ::-1] * np.float32(255), np.uint8)


def adjust_hue(x, f):
    """OpenCV's RGB2HSV_FULL, the hue byte shifted by ``uint8(f * 255)`` (wrapping), HSV2RGB_FULL back."""
    if x.dtype != np.uint8:
        raise RuntimeError(f"AdjustHue: minispore adjusts the hue of uint8 images only, got dtype {x.dtype}.")
    h, s, v = _rgb_to_hsv_full_u8(x)
    shift = np.trunc(np.asarray(f, np.float32) * np.float32(255)).astype(np.int64) & 0xFF
    h = (h + shift.reshape((-1,) + (1,) * (h.ndim - 1))) & 0xFF
    return _hsv_full_to_rgb_u8(h, s, v)
