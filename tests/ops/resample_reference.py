"""The resampling family in plain NumPy, written independently of minispore's kernels: each axis map as a dense
matrix filled one output element at a time from the coordinate rule, padding by ``np.pad``, im2col by loops, and
adjoints from the forward map on basis vectors."""
import math

import numpy as np


def _src(j, n_in, n_out, align, scale):
    if align:
        return j * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    return (j + 0.5) * (n_in / n_out if scale is None else scale) - 0.5


def linear_matrix(n_in, n_out, align=False, scale=None):
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        src = max(_src(j, n_in, n_out, align, scale), 0.0)
        lo = min(int(math.floor(src)), n_in - 1)
        hi = min(lo + 1, n_in - 1)
        frac = min(max(src - lo, 0.0), 1.0)
        m[j, lo] += 1 - frac
        m[j, hi] += frac
    return m


def cubic_matrix(n_in, n_out, align=False):
    """TensorFlow's ResizeBicubic: Keys' kernel (a = -0.75 aligned, -0.5 half-pixel with out-of-range taps dropped and
    the rest renormalised), the fraction rounded to 1/1024 as its weight table is."""
    a = -0.75 if align else -0.5

    def kernel(d):
        d = abs(d)
        if d <= 1:
            return ((a + 2) * d - (a + 3)) * d * d + 1
        if d < 2:
            return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
        return 0.0
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        src = _src(j, n_in, n_out, align, None)
        base = math.floor(src)
        frac = round((src - base) * 1024) / 1024
        row = np.zeros(n_in)
        for off in (-1, 0, 1, 2):
            i = base + off
            w = kernel(frac - off)
            if 0 <= i < n_in:
                row[i] += w
            elif align:
                row[min(max(i, 0), n_in - 1)] += w
        m[j] = row if align else row / row.sum()
    return m


def area_matrix(n_in, n_out):
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        lo, hi = (j * n_in) // n_out, -(-((j + 1) * n_in) // n_out)
        m[j, lo:hi] = 1.0 / (hi - lo)
    return m


def nearest_matrix(n_in, n_out, scale_factor=None):
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        if n_out == n_in:
            i = j
        elif n_out == 2 * n_in:
            i = j // 2
        else:
            s = np.float32(n_in) / np.float32(n_out) if scale_factor is None else np.float32(1) / np.float32(
                scale_factor)
            i = min(int(np.floor(np.float32(j) * s)), n_in - 1)
        m[j, i] = 1.0
    return m


def nearest_exact_matrix(n_in, n_out):
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        m[j, min(int(np.floor((np.float32(j) + np.float32(0.5)) * (np.float32(n_in) / np.float32(n_out)))),
                 n_in - 1)] = 1.0
    return m


def apply(x, matrices):
    """Each matrix applied to one of the last ``len(matrices)`` axes of ``x``."""
    x = np.asarray(x, np.float64)
    first = x.ndim - len(matrices)
    for i, m in enumerate(matrices):
        x = np.moveaxis(np.tensordot(m, np.moveaxis(x, first + i, 0), axes=(1, 0)), 0, first + i)
    return x


def apply_transposed(g, matrices):
    return apply(g, [m.T for m in matrices])


def pad_axis(x, axis, before, after, mode):
    """NumPy's pad along one axis (mode 'reflect', 'symmetric', 'edge' or 'wrap'); a negative width crops (after
    padding for every mode but 'wrap', which crops first, as MindSpore does)."""
    x = np.moveaxis(np.asarray(x, np.float64), axis, -1)
    if mode == "wrap":
        x = x[..., max(-before, 0):x.shape[-1] - max(-after, 0)]
    widths = [(0, 0)] * (x.ndim - 1) + [(max(before, 0), max(after, 0))]
    y = np.pad(x, widths, mode=mode)
    if mode != "wrap":
        y = y[..., max(-before, 0):y.shape[-1] - max(-after, 0)]
    return np.moveaxis(y, -1, axis)


def unfold(x, kernel, dilation, pads, stride):
    """(N, C, H, W) -> (N, C * kh * kw, L), one window element at a time; ``pads`` ((top, bottom), (left, right))."""
    x = np.asarray(x, np.float64)
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0)) + tuple(tuple(p) for p in pads))
    oh = (h + sum(pads[0]) - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    ow = (w + sum(pads[1]) - dilation[1] * (kernel[1] - 1) - 1) // stride[1] + 1
    out = np.zeros((n, c, kernel[0], kernel[1], oh, ow))
    for a in range(kernel[0]):
        for b in range(kernel[1]):
            for i in range(oh):
                for j in range(ow):
                    out[:, :, a, b, i, j] = xp[:, :, i * stride[0] + a * dilation[0], j * stride[1] + b * dilation[1]]
    return out.reshape(n, c * kernel[0] * kernel[1], oh * ow)


def adjoint(f, in_shape, cot):
    """The transpose of the linear map ``f`` applied to ``cot``: sum_i <cot, f(e_i)> e_i."""
    size = int(np.prod(in_shape))
    out = np.zeros(size)
    for i in range(size):
        e = np.zeros(size)
        e[i] = 1.0
        out[i] = np.sum(np.asarray(cot) * f(e.reshape(in_shape)))
    return out.reshape(in_shape)
