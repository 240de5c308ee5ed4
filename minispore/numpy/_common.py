"""What the mindspore.numpy functions share: MindSpore's dtype rule for Python data (ints are Int32, floats
Float32) and the conversion of array-like arguments to Tensors."""
import numbers

import numpy as _host

from .._core import dtype as mstype
from .._core.tensor import Tensor


def dtype_of(dtype):
    """A MindSpore dtype from a dtype, a NumPy-style name ('float32') or None."""
    if dtype is None:
        return None
    if isinstance(dtype, str):
        return mstype.canonical(getattr(mstype, dtype if dtype != "bool" else "bool_"))
    return mstype.canonical(dtype)


def host_default(arr):
    """Python ints become Int32 and floats Float32, as in mindspore.numpy."""
    arr = _host.asarray(arr)
    if arr.dtype.kind in "iu" and arr.dtype.itemsize == 8:
        return arr.astype(_host.int32)
    if arr.dtype.kind == "f" and arr.dtype.itemsize == 8:
        return arr.astype(_host.float32)
    return arr


def tensor(x, dtype=None):
    """``x`` as a Tensor (a Tensor unchanged unless ``dtype`` asks a cast)."""
    from ..ops import function as F
    dt = dtype_of(dtype)
    if isinstance(x, Tensor):
        return x if dt is None or x.dtype == dt else F.cast(x, dt)
    if isinstance(x, (list, tuple)) and any(isinstance(v, Tensor) for v in x):
        x = [v.asnumpy() if isinstance(v, Tensor) else v for v in x]
    if isinstance(x, _host.ndarray) and dt is None:
        return Tensor(x)
    arr = host_default(x) if not isinstance(x, _host.ndarray) else x
    return Tensor(arr, dt)


def operand(x):
    """A Tensor stays; a Python number stays (the ops' weak-scalar rule); other data becomes a Tensor."""
    if isinstance(x, Tensor) or (isinstance(x, numbers.Number) and not isinstance(x, _host.generic)):
        return x
    return tensor(x)
