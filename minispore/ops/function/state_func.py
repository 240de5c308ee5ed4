"""``ops.assign``: writing into a Parameter, recorded by jit as an effect."""
from ..._core.tensor import Tensor
from .. import _prims as P
from .math_func import _tensor


def assign(variable, value):
    """Write ``value`` (cast to ``variable``'s dtype) into ``variable`` in place and return ``variable``."""
    if not isinstance(variable, Tensor):
        raise TypeError(f"For 'assign', 'variable' must be a Parameter or Tensor, but got {type(variable).__name__}.")
    v = P.cast(_tensor(value, "value", "assign"), variable._data.dtype)
    if v.shape != variable.shape:
        v = P.broadcast_to(v, variable.shape)
    P.assign(variable, v)
    return variable


__all__ = ["assign"]
