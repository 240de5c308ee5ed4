"""mindspore.numpy's array creation: array, asarray, zeros/ones/full/empty (and their _like), arange, linspace,
logspace, eye, identity, meshgrid, tri/triu/tril, diag."""
import numpy as _host

from .._core import dtype as mstype
from .._core.tensor import Tensor
from ..ops import function as F
from ._common import dtype_of, tensor


def array(obj, dtype=None, copy=True, ndmin=0):
    t = tensor(obj, dtype)
    if copy and t is obj:
        t = F.identity(t)
    while t.ndim < ndmin:
        t = F.expand_dims(t, 0)
    return t


def asarray(a, dtype=None):
    return tensor(a, dtype)


def asfarray(a, dtype=mstype.float32):
    t = tensor(a)
    dt = dtype_of(dtype)
    return F.cast(t, dt if mstype.kind_of(dt.np_dtype) == "f" else mstype.float32)


def _shape(shape):
    return (shape,) if isinstance(shape, int) else tuple(shape)


def zeros(shape, dtype=mstype.float32):
    return F.zeros(_shape(shape), dtype_of(dtype))


def ones(shape, dtype=mstype.float32):
    return F.ones(_shape(shape), dtype_of(dtype))


def empty(shape, dtype=mstype.float32):
    return F.zeros(_shape(shape), dtype_of(dtype))


def full(shape, fill_value, dtype=None):
    if isinstance(fill_value, Tensor):
        dt = dtype_of(dtype) or fill_value.dtype
        return F.cast(F.broadcast_to(fill_value, _shape(shape)), dt)
    dt = dtype_of(dtype) or tensor(fill_value).dtype
    return F.full(_shape(shape), fill_value, dtype=dt)


def _like(a, dtype, shape):
    t = tensor(a)
    return (dtype_of(dtype) or t.dtype), (_shape(shape) if shape is not None else t.shape)


def zeros_like(a, dtype=None, shape=None):
    dt, sh = _like(a, dtype, shape)
    return F.zeros(sh, dt)


def ones_like(a, dtype=None, shape=None):
    dt, sh = _like(a, dtype, shape)
    return F.ones(sh, dt)


def empty_like(prototype, dtype=None, shape=None):
    return zeros_like(prototype, dtype, shape)


def full_like(a, fill_value, dtype=None, shape=None):
    dt, sh = _like(a, dtype, shape)
    return F.full(sh, fill_value, dtype=dt)


def arange(start, stop=None, step=None, dtype=None):
    """Int32 for int arguments, Float32 when any is a float (mindspore.numpy's rule)."""
    if stop is None:
        start, stop = 0, start
    step = 1 if step is None else step
    vals = [v for v in (start, stop, step)]
    if step == 0:
        raise ValueError("For 'arange', the step must not be 0.")
    is_float = any(isinstance(v, float) or (isinstance(v, Tensor) and mstype.kind_of(v._data.dtype) == "f")
                   for v in vals)
    dt = dtype_of(dtype) or (mstype.float32 if is_float else mstype.int32)
    return F.cast(F.arange(start, stop, step), dt)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    dt = dtype_of(dtype) or mstype.float32
    n = num if endpoint else num + 1
    out = F.linspace(Tensor(float(start), mstype.float32), Tensor(float(stop), mstype.float32), n)
    if not endpoint:
        out = out[:num]
    step = (float(stop) - float(start)) / ((num - 1) if endpoint else num) if num > (1 if endpoint else 0) else \
        float("nan")
    out = F.cast(out, dt)
    return (out, Tensor(step, mstype.float32)) if retstep else out


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    return F.cast(F.pow(float(base), linspace(start, stop, num, endpoint)), dtype_of(dtype) or mstype.float32)


def eye(N, M=None, k=0, dtype=mstype.float32):
    M = N if M is None else M
    return F.cast(F.roll(F.eye(N, M + _abs(k), mstype.float32), k, 1)[:, :M] if k > 0 else
                  F.eye(N, M, mstype.float32) if k == 0 else F.transpose(eye(M, N, -k), (1, 0)), dtype_of(dtype))


def _abs(v):
    return v if v >= 0 else -v


def identity(n, dtype=mstype.float32):
    return F.eye(n, n, dtype_of(dtype))


def tri(N, M=None, k=0, dtype=mstype.float32):
    M = N if M is None else M
    return F.tril(F.ones((N, M), dtype_of(dtype)), k)


def tril(m, k=0):
    return F.tril(tensor(m), k)


def triu(m, k=0):
    return F.triu(tensor(m), k)


def diag(v, k=0):
    t = tensor(v)
    if t.ndim == 1:
        return t.diagflat(k)
    return t.diagonal(k)


def meshgrid(*xi, sparse=False, indexing='xy'):
    ts = [tensor(x) for x in xi]
    out = F.meshgrid(*ts, indexing=indexing)
    return tuple(out)


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
