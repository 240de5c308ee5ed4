"""Convolution and pooling in plain NumPy, written independently of minispore's kernels: shift-and-add over
kernel offsets (not im2col), and adjoints built from the forward map's matrix on basis vectors."""
import itertools

import numpy as np


def pad(x, pads, value=0.0):
    return np.pad(x, ((0, 0), (0, 0)) + tuple(tuple(p) for p in pads), constant_values=value)


def out_size(n, k, s, d, lo, hi):
    return (n + lo + hi - d * (k - 1) - 1) // s + 1


def conv(x, w, stride, dilation, pads, groups):
    x = np.asarray(x, np.float64)
    w = np.asarray(w, np.float64)
    nd = x.ndim - 2
    xp = pad(x, pads)
    n, c = x.shape[:2]
    o, cg = w.shape[:2]
    outs = [out_size(x.shape[2 + i], w.shape[2 + i], stride[i], dilation[i], *pads[i]) for i in range(nd)]
    y = np.zeros((n, o) + tuple(outs))
    og = o // groups
    for offset in itertools.product(*[range(k) for k in w.shape[2:]]):
        sl = tuple(slice(offset[i] * dilation[i], offset[i] * dilation[i] + stride[i] * (outs[i] - 1) + 1, stride[i])
                   for i in range(nd))
        patch = xp[(slice(None), slice(None)) + sl]              # (N, C, *out)
        for g in range(groups):
            wk = w[(slice(g * og, (g + 1) * og), slice(None)) + offset]   # (og, cg)
            y[:, g * og:(g + 1) * og] += np.einsum("nc...,oc->no...", patch[:, g * cg:(g + 1) * cg], wk)
    return y


def adjoint(f, in_shape, cot):
    """The transpose of the linear map ``f`` applied to ``cot``: sum_i <cot, f(e_i)> e_i."""
    size = int(np.prod(in_shape))
    out = np.zeros(size)
    for i in range(size):
        e = np.zeros(size)
        e[i] = 1.0
        out[i] = np.sum(np.asarray(cot) * f(e.reshape(in_shape)))
    return out.reshape(in_shape)


def windows(x, kernel, stride, dilation, pads, value):
    """Every window of the padded input, by explicit loops: {output index: flat array of the window}."""
    x = np.asarray(x, np.float64)
    xp = pad(x, pads, value)
    nd = x.ndim - 2
    outs = [out_size(x.shape[2 + i], kernel[i], stride[i], dilation[i], *pads[i]) for i in range(nd)]
    result = {}
    for pos in itertools.product(*[range(o) for o in outs]):
        idx = [np.arange(kernel[i]) * dilation[i] + pos[i] * stride[i] for i in range(nd)]
        result[pos] = xp[(slice(None), slice(None)) + np.ix_(*idx)].reshape(x.shape[:2] + (-1,))
    return result, outs


def max_pool(x, kernel, stride, dilation, pads):
    wins, outs = windows(x, kernel, stride, dilation, pads, -np.inf)
    y = np.zeros(np.shape(x)[:2] + tuple(outs))
    for pos, w in wins.items():
        y[(slice(None), slice(None)) + pos] = w.max(-1)
    return y


def avg_pool(x, kernel, stride, pads, counted, divisor):
    """``counted``: the (before, after) padding that counts in each window's divisor."""
    x = np.asarray(x, np.float64)
    nd = x.ndim - 2
    ones = np.ones((1, 1) + x.shape[2:])
    inside = pad(ones, counted, 1.0)     # 1 on the input and the counted padding
    extra = [(lo - c_lo, hi - c_hi) for (lo, hi), (c_lo, c_hi) in zip(pads, counted)]
    inside = pad(inside, extra)[0, 0]
    wins, outs = windows(x, kernel, stride, (1,) * nd, pads, 0.0)
    y = np.zeros(x.shape[:2] + tuple(outs))
    for pos, w in wins.items():
        idx = [np.arange(kernel[i]) + pos[i] * stride[i] for i in range(nd)]
        count = divisor or inside[np.ix_(*idx)].sum()
        y[(slice(None), slice(None)) + pos] = w.sum(-1) / count
    return y
