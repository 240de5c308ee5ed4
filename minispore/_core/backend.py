"""The one module that chooses the array library.

Every primitive's ``impl`` and every tensor creation goes through ``xp``; derivative rules never touch it, they
are written with other primitives. NumPy is the default; CuPy can be selected when it is installed.
"""
import numpy

xp = numpy


def set_backend(name):
    """Select ``'numpy'`` or ``'cupy'`` as the array library (``set_context(device_target=...)`` calls this)."""
    global xp
    if name == "numpy":
        xp = numpy
    elif name == "cupy":
        try:
            import cupy
        except ImportError as e:
            raise ValueError("device_target 'GPU' needs CuPy, which is not installed: pip install cupy") from e
        xp = cupy
    else:
        raise ValueError(f"unknown array backend {name!r}; expected 'numpy' or 'cupy'")


def to_numpy(array):
    """A NumPy array for any backend array (copies from the device when needed)."""
    if isinstance(array, numpy.ndarray):
        return array
    get = getattr(array, "get", None)
    return get() if get is not None else numpy.asarray(array)


def tune_allocator():
    """Keep freed large arrays in the process heap instead of handing them back to the OS (glibc only).

    Every eager operation allocates its result; with glibc's defaults, arrays above the mmap threshold are
    mapped and unmapped each time, and the page faults of touching fresh pages made a batch-512 training
    step ~30% slower on a virtual machine (PyTorch avoids this with its own caching allocator). Raising the
    mmap and trim thresholds lets malloc reuse the same memory step after step. Set the environment variable
    MINISPORE_MALLOC_TUNING=0 to keep glibc's defaults.
    """
    import os
    import sys
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
