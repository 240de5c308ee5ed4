"""Global settings of the dataset engine (``mindspore.dataset.config``).

The engine has a random generator of its own, used for sample shuffling, ``Dataset.shuffle`` and the random
transforms. ``set_seed`` (or ``minispore.set_seed``, which calls :func:`_seed_from_global`) resets it, so the
whole sequence of epochs that follows is reproducible.

Deviation from MindSpore: in MindSpore, with a seed set, every *new* iterator replays the same shuffle order;
here each new epoch (new iterator, ``for`` loop or ``repeat``) draws a fresh order from the seeded generator, so
training epochs are reshuffled while a run stays reproducible from ``set_seed``.
"""
import numpy as np

from ..common import seed as _global_seed

_DEFAULT_SEED = 5489          # what MindSpore's get_seed() answers when no seed was set
_seed = None
_rng = np.random.default_rng()
_num_parallel_workers = 8
_prefetch_size = 16


def _check_seed(seed, op):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) <= 2 ** 32 - 1:
        raise ValueError(f"For '{op}', the seed must be an int in [0, 4294967295], but got {seed!r}.")
    return int(seed)


def set_seed(seed):
    """Seed the dataset engine's generator (shuffling and random transforms)."""
    global _seed, _rng
    _seed = _check_seed(seed, "set_seed")
    _rng = np.random.default_rng(_seed)


def get_seed():
    """The seed set by :func:`set_seed` (MindSpore's default 5489 when none was set)."""
    return _DEFAULT_SEED if _seed is None else _seed


def _seed_from_global(seed):
    """Called by ``minispore.set_seed``: the dataset engine follows the global seed, as in MindSpore."""
    set_seed(seed)


_global_seed.on_seed(_seed_from_global)


def _epoch_rng():
    """A generator for one epoch of one pipeline node, drawn from the global one."""
    return np.random.default_rng(int(_rng.integers(0, 2 ** 63 - 1)))


def _eager_rng():
    """The generator used by random transforms called directly on an array."""
    return _rng


def set_num_parallel_workers(num):
    """Accepted for compatibility: minispore's pipeline is vectorised in one thread."""
    global _num_parallel_workers
    if isinstance(num, bool) or not isinstance(num, (int, np.integer)) or num <= 0:
        raise ValueError(f"For 'set_num_parallel_workers', num must be a positive int, but got {num!r}.")
    _num_parallel_workers = int(num)


def check_dataset_dir(dataset_dir, op):
    """A data set source's ``dataset_dir``: a path to an existing folder (MindSpore's messages), as a str."""
    import os
    if not isinstance(dataset_dir, (str, os.PathLike)):
        raise TypeError(f"For '{op}', dataset_dir must be a path, but got {dataset_dir!r}.")
    dataset_dir = os.fspath(dataset_dir)
    if not os.path.isdir(dataset_dir):
        raise ValueError(f"The folder {dataset_dir} does not exist or is not a directory or permission denied!")
    return dataset_dir


def check_num_parallel_workers(num, op):
    """MindSpore's bounds for a ``num_parallel_workers`` argument: an int in [1, the CPU count] (None: default)."""
    if num is None:
        return None
    import os
    cpus = os.cpu_count() or 1
    if isinstance(num, bool) or not isinstance(num, (int, np.integer)):
        raise TypeError(f"For '{op}', num_parallel_workers must be an int, but got {type(num).__name__}.")
    if not 1 <= num <= cpus:
        raise ValueError(f"For '{op}', num_parallel_workers exceeds the boundary between 1 and {cpus}: got {num}.")
    return int(num)


def get_num_parallel_workers():
    return _num_parallel_workers


def set_prefetch_size(size):
    """Accepted for compatibility (there is no prefetch queue)."""
    global _prefetch_size
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size <= 0:
        raise ValueError(f"For 'set_prefetch_size', size must be a positive int, but got {size!r}.")
    _prefetch_size = int(size)


def get_prefetch_size():
    return _prefetch_size
