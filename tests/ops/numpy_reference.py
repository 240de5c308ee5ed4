"""Reference formulas for forward-value tests, in NumPy and the standard library only (SciPy is an optional
extra: the tests must not need it). Computed in float64; written independently of minispore's kernels."""
import math

import numpy as np


def erf(x):
    return np.vectorize(math.erf, otypes=[np.float64])(np.asarray(x, np.float64))


def expit(x):
    x = np.asarray(x, np.float64)
    with np.errstate(over="ignore"):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))


def log_expit(x):
    """log(sigmoid(x)) = -log(1 + exp(-x))."""
    return -np.logaddexp(0.0, -np.asarray(x, np.float64))


def logit(p):
    p = np.asarray(p, np.float64)
    with np.errstate(divide="ignore"):
        return np.log(p) - np.log1p(-p)


def xlogy(x, y):
    x, y = np.broadcast_arrays(np.asarray(x, np.float64), np.asarray(y, np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0.0, x * np.log(y))


def logsumexp(x, axis=None, keepdims=False):
    x = np.asarray(x, np.float64)
    peak = np.max(x, axis=axis, keepdims=True)
    peak = np.where(np.isfinite(peak), peak, 0.0)
    with np.errstate(divide="ignore"):
        out = np.log(np.sum(np.exp(x - peak), axis=axis, keepdims=True)) + peak
    return out if keepdims else np.squeeze(out, axis=axis)


def log_softmax(x, axis):
    x = np.asarray(x, np.float64)
    return x - logsumexp(x, axis, keepdims=True)


def softmax(x, axis):
    return np.exp(log_softmax(x, axis))


def numeric_vjp(fn, args, cotangent, eps=1e-6):
    """The cotangents of ``args`` of ``fn(*args)`` against ``cotangent``, by central differences."""
    grads = []
    for i, a in enumerate(args):
        g = np.zeros_like(a)
        for idx in np.ndindex(a.shape):
            plus = [x.copy() for x in args]
            minus = [x.copy() for x in args]
            plus[i][idx] += eps
            minus[i][idx] -= eps
            g[idx] = np.sum((fn(*plus) - fn(*minus)) * cotangent) / (2 * eps)
        grads.append(g)
    return grads
