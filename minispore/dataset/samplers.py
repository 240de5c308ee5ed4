"""Samplers: which rows of a random-accessible source an epoch reads, in which order."""
import numpy as np

__all__ = ["Sampler", "SequentialSampler", "RandomSampler", "SubsetSampler", "SubsetRandomSampler",
           "DistributedSampler"]


def _opt_count(num_samples, op):
    if num_samples is None:
        return None
    if isinstance(num_samples, bool) or not isinstance(num_samples, (int, np.integer)) or num_samples < 0:
        raise ValueError(f"For '{op}', num_samples must be a non-negative int or None, but got {num_samples!r}.")
    return int(num_samples) or None


class Sampler:
    """Base class. ``_indices(n, rng, shuffle_ok, epoch)`` gives the row indices of epoch ``epoch`` (counted
    from 0 by the iterator) over a source of ``n`` rows."""
    num_samples = None

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):  # pragma: no cover - abstract
        raise NotImplementedError

    def _cap(self, idx):
        return idx if self.num_samples is None else idx[:self.num_samples]

    def get_num_samples(self):
        return self.num_samples


class SequentialSampler(Sampler):
    def __init__(self, start_index=None, num_samples=None):
        self.start_index = 0 if start_index is None else int(start_index)
        if self.start_index < 0:
            raise ValueError(f"For 'SequentialSampler', start_index must be >= 0, but got {start_index!r}.")
        self.num_samples = _opt_count(num_samples, "SequentialSampler")

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        return self._cap(np.arange(min(self.start_index, n), n))


class RandomSampler(Sampler):
    def __init__(self, replacement=False, num_samples=None):
        self.replacement = bool(replacement)
        self.num_samples = _opt_count(num_samples, "RandomSampler")

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        if not shuffle_ok:
            return self._cap(np.arange(n))
        if self.replacement:
            return rng.integers(0, n, self.num_samples or n)
        return self._cap(rng.permutation(n))


class SubsetSampler(Sampler):
    def __init__(self, indices, num_samples=None):
        self.indices = np.asarray(list(indices), dtype=np.int64)
        self.num_samples = _opt_count(num_samples, type(self).__name__)

    def _check(self, n):
        if self.indices.size and (self.indices.min() < -n or self.indices.max() >= n):
            raise RuntimeError(f"{type(self).__name__}: sample indices must be in [0, {n}), but got "
                               f"{self.indices.min()}..{self.indices.max()}.")
        return self.indices % max(n, 1)

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        return self._cap(self._check(n))


class SubsetRandomSampler(SubsetSampler):
    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        idx = self._check(n)
        return self._cap(rng.permutation(idx) if shuffle_ok else idx)


class DistributedSampler(Sampler):
    """Shard ``shard_id`` of ``num_shards``: every shard gets ``ceil(n / num_shards)`` rows (wrapping around).

    The shuffled order is drawn from a generator seeded by ``(minispore.dataset.config.get_seed(), epoch)``,
    not from the engine's running random stream: every process (rank) computes the same permutation for the
    same epoch, so the shards are disjoint, as in MindSpore (whose default seed is 5489 too). It still changes
    from epoch to epoch."""

    def __init__(self, num_shards, shard_id, shuffle=True, num_samples=None, offset=-1):
        if not isinstance(num_shards, (int, np.integer)) or num_shards < 1:
            raise ValueError(f"For 'DistributedSampler', num_shards must be a positive int, but got {num_shards!r}.")
        if not isinstance(shard_id, (int, np.integer)) or not 0 <= shard_id < num_shards:
            raise ValueError(f"For 'DistributedSampler', shard_id must be in [0, {num_shards}), but got {shard_id!r}.")
        self.num_shards, self.shard_id, self.shuffle = int(num_shards), int(shard_id), bool(shuffle)
        self.num_samples = _opt_count(num_samples, "DistributedSampler")

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        if n == 0:
            return np.arange(0)
        if self.shuffle and shuffle_ok and rng is not None:
            from . import config
            order = np.random.default_rng([config.get_seed(), int(epoch)]).permutation(n)
        else:
            order = np.arange(n)
        per = -(-n // self.num_shards)
        idx = order[np.arange(per * self.num_shards) % n]
        return self._cap(idx[self.shard_id::self.num_shards])
