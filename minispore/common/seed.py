"""The framework's random generator: ``set_seed`` makes initialisers, random ops and dropout reproducible."""
import numpy as np

from .._core import primitive as _primitive
from .._core.errors import TracerValueError

_seed = None
_rng = np.random.default_rng()
_listeners = []     # called with the new seed (the dataset engine follows the global seed, as in MindSpore)


def set_seed(seed):
    """Seed the generator used by initialisers, ``ops.rand*``, ``ops.dropout`` and dataset shuffling."""
    global _seed, _rng
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"For 'set_seed', the seed must be a non-negative int, but got {seed!r}.")
    _seed = int(seed)
    _rng = np.random.default_rng(_seed)
    for listener in _listeners:
        listener(_seed)


def get_seed():
    return _seed


def on_seed(listener):
    """Call ``listener(seed)`` at every ``set_seed`` (and now, if a seed is already set)."""
    _listeners.append(listener)
    if _seed is not None:
        listener(_seed)


def generator(seed=None):
    """The global generator, or a fresh one for an explicit per-call ``seed`` (random primitives draw from it
    when they run)."""
    if seed is not None:
        return np.random.default_rng(seed)
    return _rng


def rng(seed=None):
    """``generator`` for host code that draws while it builds something (initialisers): numbers drawn while a
    jit compilation traces would be frozen into the graph, so that function runs eagerly instead."""
    if _primitive.staging_active():
        raise TracerValueError("drawing random numbers while building a value")
    return generator(seed)
