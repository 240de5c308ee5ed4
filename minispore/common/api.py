"""``mindspore.common.api``: ``jit`` (graph mode for a function or Cell method) and ``jit_class``."""
import inspect

from .._core.jit import jit
from ._toplevel_more import JitConfig    # (mindspore.common.api.JitConfig is the top-level class)

__all__ = ["jit", "jit_class", "ms_memory_recycle", "JitConfig"]


def jit_class(cls):
    """Mark a class whose instances a ``jit`` function may use (their attributes and methods are read while
    tracing, so nothing else is needed)."""
    if not inspect.isclass(cls):
        raise TypeError(f"Decorator jit_class can only be used for class type, but got {cls}.")
    if any(b.__name__ == "Cell" and b.__module__ == "minispore.nn.cell" for b in cls.__mro__):   # (common is
        # below nn: the class is recognised without importing it)
        raise TypeError(f"Decorator jit_class is used for user-defined classes and cannot be used for nn.Cell: "
                        f"{cls}.")
    cls.__ms_class__ = True
    return cls


def ms_memory_recycle():
    """Release the memory compiled graphs hold (NumPy frees it with the arrays: nothing to do)."""
    return None

