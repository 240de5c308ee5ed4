"""Random tensors drawn from the framework's generator (``mindspore.set_seed``)."""
import numpy as np

from ..._core import dtype as mstype
from ..._core.tensor import _wrap
from ...common import seed as _seed
from .array_func import _dtype_arg, _shape_arg


def _size(size, op):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = size[0]
    return _shape_arg(tuple(size), op)


def _float_dtype(dtype, op):
    d = _dtype_arg(dtype, mstype.float32, op)
    if d.kind != "f":
        raise TypeError(f"For '{op}', the dtype must be a float type, but got {d}.")
    return d.np_dtype


def rand(*size, dtype=None, seed=None):
    return _wrap(_seed.rng(seed).random(_size(size, "rand")).astype(_float_dtype(dtype, "rand")))


def randn(*size, dtype=None, seed=None):
    return _wrap(_seed.rng(seed).standard_normal(_size(size, "randn")).astype(_float_dtype(dtype, "randn")))


def rand_like(input, seed=None, *, dtype=None):
    return rand(*input.shape, dtype=dtype or input.dtype, seed=seed)


def randn_like(input, seed=None, *, dtype=None):
    return randn(*input.shape, dtype=dtype or input.dtype, seed=seed)


def randint(low, high, size, seed=None, *, dtype=None):
    if low >= high:
        raise ValueError(f"For 'randint', 'low' ({low}) must be smaller than 'high' ({high}).")
    d = _dtype_arg(dtype, mstype.int64, "randint").np_dtype
    return _wrap(_seed.rng(seed).integers(low, high, _shape_arg(size, "randint")).astype(d))


def randint_like(input, low, high, seed=None, *, dtype=None):
    return randint(low, high, input.shape, seed, dtype=dtype or input.dtype)


def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    lo = float(minval.item() if hasattr(minval, "item") else minval)
    hi = float(maxval.item() if hasattr(maxval, "item") else maxval)
    out = _seed.rng(seed).uniform(lo, hi, _shape_arg(shape, "uniform"))
    return _wrap(out.astype(_dtype_arg(dtype, mstype.float32, "uniform").np_dtype))


def normal(shape, mean, stddev, seed=None):
    m = np.asarray(mean.asnumpy() if hasattr(mean, "asnumpy") else mean, np.float32)
    s = np.asarray(stddev.asnumpy() if hasattr(stddev, "asnumpy") else stddev, np.float32)
    shape = np.broadcast_shapes(_shape_arg(shape, "normal"), m.shape, s.shape)
    return _wrap((_seed.rng(seed).standard_normal(shape) * s + m).astype(np.float32))


def standard_normal(shape, seed=None):
    return _wrap(_seed.rng(seed).standard_normal(_shape_arg(shape, "standard_normal")).astype(np.float32))


def randperm(n, seed=0, offset=0, dtype=mstype.int64):
    return _wrap(_seed.rng(None if seed == 0 else seed).permutation(int(n)).astype(
        _dtype_arg(dtype, mstype.int64, "randperm").np_dtype))


def bernoulli(input, p=0.5, seed=None):
    probs = p.asnumpy() if hasattr(p, "asnumpy") else p
    draw = _seed.rng(seed).random(input.shape) < probs
    return _wrap(draw.astype(input.asnumpy().dtype))


def shuffle(x, seed=None):
    return _wrap(_seed.rng(seed).permutation(x.asnumpy()))


def multinomial(input, num_samples, replacement=True, seed=None):
    probs = np.asarray(input.asnumpy(), np.float64)
    g = _seed.rng(seed)
    rows = probs.reshape(-1, probs.shape[-1])
    out = np.stack([g.choice(rows.shape[1], num_samples, replace=replacement, p=r / r.sum()) for r in rows])
    return _wrap(out.reshape(probs.shape[:-1] + (num_samples,)).astype(np.int64))


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
