"""The array backend: the one module that chooses the array library.

Primitive impls compute on ``xp`` (NumPy here; a CuPy backend for NVIDIA GPUs plugs in at this seam), and every
crossing between device arrays and host data goes through ``asarray`` (host -> device) and ``to_numpy``
(device -> host). Code above the primitives (``ops.function``, ``nn``, the autodiff engine) never names an
array library; host-only code (dataset decoding, serialization, printing) uses NumPy on ``to_numpy``'s result.

Array metadata stays host-side: dtypes are NumPy dtypes, shapes are tuples, indices passed as primitive
parameters are NumPy arrays.
"""
import os
import sys
import warnings

import numpy

xp = numpy
ndarray = numpy.ndarray
# what a kernel raises on inputs it cannot take: the engine names the operation for these (LinAlgError is not a
# ValueError before NumPy 1.25)
KERNEL_ERRORS = (ValueError, TypeError, IndexError, MemoryError, numpy.linalg.LinAlgError)


def get_array_module(*arrays):
    """The array module of ``arrays`` (Chainer's idiom), for code that works on arrays it was given."""
    return xp


def asarray(data, dtype=None):
    """A device array of ``data`` (no copy when it already is one of that dtype)."""
    return xp.asarray(data, dtype=dtype)


def to_numpy(array):
    """A host NumPy array of a device array (the same memory on the CPU)."""
    return numpy.asarray(array)


def is_array(value):
    return isinstance(value, ndarray)


def host_index(value):
    """A host NumPy array for index metadata (a list of ints or bools, a NumPy or device array)."""
    return host_array(value)


def host_array(value):
    """``numpy.asarray(value)``, with a ragged nested list a ValueError on every NumPy (before 1.24 NumPy made an
    object array of it, with a warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arr = numpy.asarray(value)
    if arr.dtype.kind == "O" and isinstance(value, (list, tuple)):
        raise ValueError("the nested sequence is ragged: its rows have different lengths")
    return arr


def available_memory():
    """Bytes of memory this process could still allocate, or None when unknown."""
    try:
        import psutil
        return int(psutil.virtual_memory().available)
    except ImportError:
        pass
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def format_bytes(n):
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n} bytes" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024


def silence_floating_point_warnings():
    """Like MindSpore, log(0), x / 0, inf - inf or overflow give inf or nan without a warning.

    A scoped warnings filter, matched against the module of the frame that called the NumPy function, so that
    only minispore's own kernels are silenced and the user's NumPy code warns as before. (np.errstate around
    every kernel would cost more than the kernel on small arrays.)"""
    warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"minispore(\.|$)")


def tune_allocator():
    """Keep freed large arrays in the process heap instead of handing them back to the OS (glibc only).

    Every eager operation allocates its result; with glibc's defaults, arrays above the mmap threshold are
    mapped and unmapped each time, and the page faults of touching fresh pages made a batch-512 training
    step ~30% slower on a virtual machine (PyTorch avoids this with its own caching allocator). Raising the
    mmap and trim thresholds lets malloc reuse the same memory step after step. Set the environment variable
    MINISPORE_MALLOC_TUNING=0 to keep glibc's defaults.
    """
    if os.environ.get("MINISPORE_MALLOC_TUNING", "1") == "0" or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):    # not glibc (musl, ...): nothing to tune
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 256 * 1024 * 1024) and mallopt(m_trim_threshold, 512 * 1024 * 1024))
