"""Accounting of the memory that Tensors hold, for ``mindspore.runtime``'s memory API and ``set_memory(max_size=)``.

Every array the engine hands to a Tensor (a kernel's result, eager or in a compiled replay, a constructor's
array, a Parameter's data) is recorded once, with its byte count, until the array itself is freed: a weak
reference's callback takes it off. A view of another array holds no memory of its own; the array it views
stays alive as long as the view does, so its bytes stay counted (an array over a buffer that is not an array,
a checkpoint's bytes, counts as its own). The engine's hot paths call ``track`` only for arrays without a base.

Arrays smaller than ``SMALL`` bytes (512, the block MindSpore's memory pool rounds every allocation up to) are
not counted: scalars and small vectors are allocator noise, and their bookkeeping (a weak reference each) would
double the cost of an operation on them (measured: 0.7 -> 1.25 us for ``ops.add`` on (5, 3)).

``held()`` is the exact sum of the record; the running total (for the peak and for ``max_size``) is updated with
single bytecode-level additions, which the GIL does not interleave.

On the CPU, "device memory" is host memory: MindSpore's CPU build reports 0 for all of these; minispore counts.
"""
import math
import weakref

from .backend import ndarray as _ndarray
from .errors import OutOfMemoryError

_ids = set()            # id() of every recorded array
_live = {}              # id(weak reference) -> (weak reference, id(array), bytes)
_allocated = 0
_peak = 0
_max_size = None        # bytes, from runtime.set_memory(max_size=...)
_weakref = weakref.ref
SMALL = 512


def track(array, op=None):
    """Record ``array`` as held by a Tensor (once); raise the "Malloc device memory failed" error when it would
    take the total past ``max_size``. Returns ``array``."""
    global _allocated, _peak
    base = array.base
    if base is not None and isinstance(base, _ndarray):
        return array        # a view: the array it views holds the memory (and is kept alive by it)
    n = array.nbytes
    if n < SMALL:
        return array
    key = id(array)
    if key in _ids:
        return array
    if _max_size is not None and _allocated + n > _max_size and held() + n > _max_size:
        raise malloc_failed(n, op)
    ref = _weakref(array, _release)     # one shared callback: a closure per array cost more than the rest
    _live[id(ref)] = (ref, key, n)
    _ids.add(key)
    _allocated += n
    if _allocated > _peak:
        _peak = _allocated
    return array


def _release(ref):
    global _allocated
    entry = _live.pop(id(ref), None)
    if entry is not None:
        _ids.discard(entry[1])
        n = entry[2]
        _allocated -= n


def held():
    """Bytes held by live Tensors' arrays now (exact: the sum of the record)."""
    global _allocated
    total = sum(entry[2] for entry in list(_live.values()))
    _allocated = total
    return total


def peak():
    global _peak
    _peak = max(_peak, held())
    return _peak


def reset_peak():
    global _peak
    _peak = held()


def set_max_size(nbytes):
    global _max_size
    _max_size = nbytes


def max_size():
    return _max_size


def malloc_failed(nbytes, op=None, cause=None):
    """MindSpore's "Malloc device memory failed" RuntimeError, with what to do about it: the device's memory, what
    this process and the others hold, and the other devices (``devices.py`` writes it).
    ``cause``: the operating system's MemoryError, when it refused (NumPy's names the shape and dtype)."""
    from . import devices       # imported when the error happens: psutil and the tables load then
    shape, dtype = getattr(cause, "shape", None), getattr(cause, "dtype", None)
    if nbytes is None and shape is not None and dtype is not None:
        nbytes = int(getattr(cause, "_total_size", 0)) or _size_of(shape, dtype)
    err = OutOfMemoryError(devices.malloc_failed_message(nbytes, held(), peak(), _max_size, op=op, cause=cause,
                                                         shape=shape, dtype=dtype))
    err.nbytes, err.op, err.cause = nbytes, op, cause
    return err


def _size_of(shape, dtype):
    import numpy
    return math.prod(int(d) for d in shape) * numpy.dtype(dtype).itemsize
