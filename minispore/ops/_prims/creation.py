"""Creation primitives: tensors made from parameters alone (no array inputs), on the backend's device."""
import math

from ..._core import backend
from ._base import Primitive, bind


def _fill_impl(shape, value, dtype):
    out = backend.xp.empty(shape, dtype)
    out.fill(value)
    return out


fill_p = Primitive("Fill", _fill_impl, 0, lambda shape, value, dtype: (tuple(shape), dtype))


def fill(shape, value, dtype):
    """A tensor of ``shape`` and NumPy ``dtype`` holding ``value`` (converted as NumPy's casts do)."""
    return bind(fill_p, shape=tuple(shape), value=value, dtype=dtype)


def _arange_impl(start, stop, step, dtype):
    return backend.xp.arange(start, stop, step).astype(dtype)


def _arange_abstract(start, stop, step, dtype):
    return (max(0, math.ceil((stop - start) / step)),), dtype


arange_p = Primitive("Range", _arange_impl, 0, _arange_abstract)


def arange(start, stop, step, dtype):
    return bind(arange_p, start=start, stop=stop, step=step, dtype=dtype)


eye_p = Primitive("Eye", lambda n, m, dtype: backend.xp.eye(n, m, dtype=dtype), 0,
                  lambda n, m, dtype: ((n, m), dtype))


def eye(n, m, dtype):
    return bind(eye_p, n=n, m=m, dtype=dtype)


linspace_p = Primitive("LinSpace", lambda start, stop, num, dtype: backend.xp.linspace(start, stop, num, dtype=dtype),
                       0, lambda start, stop, num, dtype: ((num,), dtype))


def linspace(start, stop, num, dtype):
    return bind(linspace_p, start=start, stop=stop, num=num, dtype=dtype)


for _p in (fill_p, arange_p, eye_p, linspace_p):
    _p.def_vjp()        # no array arguments: nothing to differentiate
