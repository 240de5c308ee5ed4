"""``mindspore.common.api``: ``jit`` (graph mode for a function or Cell method) and ``jit_class``."""
import inspect

from .._core.jit import jit

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


class JitConfig:
    """The compile options of a jit function or Cell (``Cell.set_jit_config``): kept in ``jit_config_dict``, with
    the ``backend`` MindSpore derives from ``jit_level`` ("O0"/"O1": "ms_backend", "O2": "GE") unless given.
    minispore's compiler has no levels or backends, so the options are stored with no other effect."""

    _CHOICES = (("exc_mode", ["auto", "sink", "no_sink"], ()),
                ("jit_syntax_level", ["STRICT", "LAX"], ("", "COMPATIBLE")),   # (COMPATIBLE: accepted, unlisted)
                ("debug_level", ["RELEASE", "DEBUG"], ()),
                ("infer_boost", ["on", "off"], ("",)))

    def __init__(self, jit_level='', exc_mode='auto', jit_syntax_level='', debug_level='RELEASE', infer_boost='off',
                 **kwargs):
        kwargs.pop("suppress_infer_boost_warning", None)
        if jit_level not in ("", "O0", "O1", "O2"):
            raise ValueError("For 'jit_level' must be one of ['O0', 'O1', 'O2'].")
        given = dict(exc_mode=exc_mode, jit_syntax_level=jit_syntax_level, debug_level=debug_level,
                     infer_boost=infer_boost)
        for name, listed, also in self._CHOICES:
            if given[name] not in listed and given[name] not in also:
                raise ValueError(f"For '{name}' must be one of '{listed}'.")
        config = dict(kwargs)        # (the extra options first, as in MindSpore)
        config["jit_level"] = jit_level
        config.update(given)
        backend = {"O0": "ms_backend", "O1": "ms_backend", "O2": "GE"}.get(jit_level)
        if backend is not None:
            config.setdefault("backend", backend)
        self.jit_config_dict = config
