"""The framework's random generator: ``set_seed`` makes initialisers, random ops and dropout reproducible."""
import numpy as np

from .._core import primitive as _primitive

_seed = None
_rng = np.random.default_rng()


def set_seed(seed):
    """Seed the generator used by initialisers, ``ops.rand*``, ``ops.dropout`` and dataset shuffling."""
    global _seed, _rng
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"For 'set_seed', the seed must be a non-negative int, but got {seed!r}.")
    _seed = int(seed)
    _rng = np.random.default_rng(_seed)
    try:  # the dataset engine has a seed of its own, set too (as MindSpore does)
        from ..dataset import config
        config._seed_from_global(_seed)
    except ImportError:
        pass


def get_seed():
    return _seed


def rng(seed=None):
    """The global generator, or a fresh one for an explicit per-call ``seed``."""
    if _primitive._recording is not None:
        # numbers drawn now would be frozen into a compiled graph: run the function eagerly instead
        from .._core.jit import TracerValueError
        raise TracerValueError("drawing random numbers")
    if seed is not None:
        return np.random.default_rng(seed)
    return _rng
