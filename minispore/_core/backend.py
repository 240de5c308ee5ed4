"""Process-level tuning of the array library (NumPy).

Every primitive's impl calls NumPy directly; minispore runs on the CPU (a CuPy backend for NVIDIA GPUs is not
implemented: ``set_context(device_target='GPU')`` warns and stays on the CPU).
"""


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
