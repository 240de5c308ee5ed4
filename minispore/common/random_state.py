"""MindSpore's generator API (``mindspore.Generator``, ``default_generator``, ``manual_seed``, ``initial_seed``,
``seed``, ``get_rng_state``, ``set_rng_state``) over minispore's NumPy generators.

``default_generator`` is the global generator of ``common/seed.py``, the one random ops, dropout and initialisers
draw from: ``manual_seed(s)`` reseeds it (without setting ``get_seed()``, as in MindSpore); ``set_seed(s)`` reseeds
it too but, as in MindSpore, leaves ``initial_seed()`` at the last ``manual_seed`` (before any, it is the
``set_seed`` seed). A state is a uint8 Tensor: the initial seed (8 bytes, little endian) then the PCG64 bit generator's state
(state, increment: 16 bytes each; the buffered 32-bit word: 4 + 4 bytes). DELIBERATE differences: MindSpore's
generator is Philox and its state is 16 bytes (seed, offset), so the numbers drawn and the state's size differ; and
before any seeding MindSpore's initial seed is 0 (its draws repeat from run to run) while minispore's global
generator starts from fresh entropy, whose value ``initial_seed()`` then returns; and MindSpore's older random
ops (``ops.rand``, ``ops.randn``, ``ops.multinomial``) ignore ``manual_seed`` and the generator state (only
``set_seed`` reaches them) while its newer ones (``ops.randperm``) follow them, whereas every minispore random op
draws from the one generator, so ``manual_seed`` / ``set_rng_state`` reproduce all of them.
"""
import numpy as np

from .._core.tensor import Tensor
from . import seed as _seed

__all__ = ["Generator", "default_generator", "manual_seed", "initial_seed", "seed", "get_rng_state",
           "set_rng_state"]

_STATE_BYTES = 48


def _check_seed(seed, name="manual_seed"):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"For '{name}', the seed must be an integer, but got {type(seed).__name__}.")
    return int(seed) % 2 ** 64          # MindSpore takes a negative seed as its unsigned 64-bit value


def _pack(initial, rng):
    st = rng.bit_generator.state
    if st["bit_generator"] != "PCG64":
        raise RuntimeError(f"get_state: unsupported bit generator {st['bit_generator']}")
    raw = (initial.to_bytes(8, "little") + st["state"]["state"].to_bytes(16, "little")
           + st["state"]["inc"].to_bytes(16, "little") + int(st["has_uint32"]).to_bytes(4, "little")
           + int(st["uinteger"]).to_bytes(4, "little"))
    return Tensor(np.frombuffer(raw, np.uint8).copy())


def _unpack(state, name):
    arr = state.asnumpy() if isinstance(state, Tensor) else None
    if arr is None or arr.dtype != np.uint8 or arr.shape != (_STATE_BYTES,):
        shape = list(arr.shape) if arr is not None else None
        raise TypeError(f"For '{name}', the state must be a uint8 Tensor of shape [{_STATE_BYTES}] (a state from "
                        f"get_state / get_rng_state), but got "
                        f"{type(state).__name__ if arr is None else f'{state.dtype} of shape {shape}'}.")
    raw = arr.tobytes()
    initial = int.from_bytes(raw[:8], "little")
    bg = np.random.PCG64()
    bg.state = {"bit_generator": "PCG64", "state": {"state": int.from_bytes(raw[8:24], "little"),
                                                    "inc": int.from_bytes(raw[24:40], "little")},
                "has_uint32": int.from_bytes(raw[40:44], "little"), "uinteger": int.from_bytes(raw[44:48], "little")}
    return initial, np.random.Generator(bg)


class Generator:
    """A random number generator with a seed and a state. A new one is seeded with 0."""

    def __init__(self):
        self._initial = 0
        self._rng = np.random.default_rng(0)

    def manual_seed(self, seed):
        """Reseed; returns the generator."""
        self._initial = _check_seed(seed)
        self._rng = np.random.default_rng(self._initial)
        return self

    def seed(self):
        """Reseed from fresh entropy; returns the new seed."""
        new = int(np.random.SeedSequence().generate_state(1, np.uint64)[0])
        self.manual_seed(new)
        return new

    def initial_seed(self):
        return self._initial

    def get_state(self):
        return _pack(self._initial, self._rng)

    def set_state(self, state):
        self._initial, self._rng = _unpack(state, "set_state")


class _DefaultGenerator(Generator):
    """The global generator of common/seed.py, seen as a Generator."""

    def __init__(self):
        self._seeded = None       # the last manual_seed / seed() value
        self._global = None       # the last set_seed value

    @property
    def _rng(self):
        return _seed._rng

    @_rng.setter
    def _rng(self, rng):
        _seed._rng = rng

    @property
    def _initial(self):
        if self._seeded is not None:
            return self._seeded
        if self._global is not None:
            return self._global
        entropy = getattr(_seed._rng.bit_generator, "seed_seq", None)
        return int(getattr(entropy, "entropy", 0) or 0) % 2 ** 64

    @_initial.setter
    def _initial(self, value):
        self._seeded = value


default_generator = _DefaultGenerator()


def _follow_set_seed(value):
    default_generator._global = value


_seed.on_seed(_follow_set_seed)


def manual_seed(seed):
    """Seed the default generator (random ops, dropout, initialisers); returns it."""
    return default_generator.manual_seed(seed)


def initial_seed():
    return default_generator.initial_seed()


def seed():
    """Seed the default generator from fresh entropy; returns the seed."""
    return default_generator.seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(state):
    default_generator.set_state(state)
