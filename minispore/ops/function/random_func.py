"""Random tensors drawn from the framework's generator (``mindspore.set_seed``), by random primitives: a compiled
graph draws new numbers at every call."""
from ..._core import dtype as mstype
from ..._core import shapes
from ..._core.tensor import Tensor
from .. import _prims as P
from .array_func import _dtype_arg, _shape_arg
from .math_func import ValueRuntimeError, _flag, _int_arg, _real, _tensor, add, mul


def _size(size, op):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = size[0]
    return _shape_arg(tuple(size), op)


def _float_dtype(dtype, op):
    d = _dtype_arg(dtype, mstype.float32, op)
    if d.kind != "f":
        # (MindSpore: ValueError, a dtype of the wrong kind)
        raise ValueError(f"For '{op}', the dtype must be a float type, but got {d}.")
    return d.np_dtype


def rand(*size, dtype=None, seed=None):
    return P.draw("uniform", _size(size, "rand"), _float_dtype(dtype, "rand"), seed, (0.0, 1.0))


def randn(*size, dtype=None, seed=None):
    return P.draw("normal", _size(size, "randn"), _float_dtype(dtype, "randn"), seed)


def rand_like(input, seed=None, *, dtype=None):
    return rand(*input.shape, dtype=dtype or input.dtype, seed=seed)


def randn_like(input, seed=None, *, dtype=None):
    return randn(*input.shape, dtype=dtype or input.dtype, seed=seed)


def randint(low, high, size, seed=None, *, dtype=None):
    low = _int_arg(low.item() if isinstance(low, Tensor) else low, "low", "randint")
    high = _int_arg(high.item() if isinstance(high, Tensor) else high, "high", "randint")
    if low >= high:
        # (MindSpore: RuntimeError "invalid min/max values")
        raise ValueRuntimeError(f"For 'randint', 'low' ({low}) must be smaller than 'high' ({high}).")
    d = _dtype_arg(dtype, mstype.int64, "randint")
    if d.kind not in "iu":
        raise ValueError(f"For 'randint', the dtype must be an int type, but got {d}.")
    d = d.np_dtype
    return P.draw("integers", _shape_arg(size, "randint"), d, seed, (int(low), int(high)))


def randint_like(input, low, high, seed=None, *, dtype=None):
    return randint(low, high, input.shape, seed, dtype=dtype or input.dtype)


def _float_value(v, name, op):
    return float(v.item() if isinstance(v, Tensor) else _real(v, name, op))


def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    return P.draw("uniform", _shape_arg(shape, "uniform"), _dtype_arg(dtype, mstype.float32, "uniform").np_dtype,
                  seed, (_float_value(minval, "minval", "uniform"), _float_value(maxval, "maxval", "uniform")))


def normal(shape, mean, stddev, seed=None):
    shape = _shape_arg(shape, "normal")
    m = P.cast(_tensor(mean, "mean", "normal"), mstype.float32.np_dtype)
    s = P.cast(_tensor(stddev, "stddev", "normal"), mstype.float32.np_dtype)
    shape = shapes.broadcast_shapes(shape, m.shape, s.shape, op="normal")
    return add(mul(P.draw("normal", shape, mstype.float32.np_dtype, seed), s), m)


def standard_normal(shape, seed=None):
    return P.draw("normal", _shape_arg(shape, "standard_normal"), mstype.float32.np_dtype, seed)


def randperm(n, seed=0, offset=0, dtype=mstype.int64):
    n = _int_arg(n.item() if isinstance(n, Tensor) else n, "n", "randperm")
    if n < 0:
        raise ValueError(f"For 'randperm', 'n' must be non-negative, but got {n}.")
    return P.draw("permutation", (n,), _dtype_arg(dtype, mstype.int64, "randperm").np_dtype,
                  None if seed == 0 else seed, (n,))


def bernoulli(input, p=0.5, seed=None):
    x = _tensor(input, "input", "bernoulli")
    if not isinstance(p, Tensor) and not 0 <= _real(p, "p", "bernoulli") <= 1:
        raise ValueError(f"For 'bernoulli', p must be in [0, 1], but got {p}.")
    probs = p if isinstance(p, Tensor) else P.fill(x.shape, float(p), mstype.float32.np_dtype)
    return P.bernoulli(P.broadcast_to(probs, x.shape) if probs.shape != x.shape else probs, x._data.dtype, seed)


def shuffle(x, seed=None):
    t = _tensor(x, "x", "shuffle")
    if t.ndim == 0:
        return P.identity(t)     # a 0-d tensor has one order (MindSpore 2.10 returns it)
    return P.shuffle(t, seed)


def multinomial(input, num_samples, replacement=True, seed=None):
    probs = _tensor(input, "input", "multinomial")
    num_samples = _int_arg(num_samples, "num_samples", "multinomial")
    replacement = _flag(replacement, "replacement", "multinomial")
    if num_samples < 0:
        raise ValueError(f"For 'multinomial', 'num_samples' must be non-negative, but got {num_samples}.")
    if probs.ndim == 0 or (not replacement and num_samples > probs.shape[-1]):
        raise ValueError(f"For 'multinomial', cannot draw {num_samples} samples "
                         f"{'without replacement ' if not replacement else ''}from {probs.shape} probabilities.")
    return P.multinomial(probs, num_samples, replacement, seed)


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
