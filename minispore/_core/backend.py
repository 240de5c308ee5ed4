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
