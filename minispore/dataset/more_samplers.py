"""``WeightedRandomSampler`` and ``PKSampler`` (MindSpore 2.10's arguments and checks).

``PKSampler`` needs the labels of its source: the sources of ``more_sources.py`` hand them over (``_labels``);
NumpySlicesDataset / GeneratorDataset refuse it, as in MindSpore."""
import numpy as np

from .samplers import Sampler

__all__ = ["WeightedRandomSampler", "PKSampler"]

_INT64_MAX = 9223372036854775807


def _num_samples(num_samples):
    if num_samples is None:
        return None
    if isinstance(num_samples, bool) or not isinstance(num_samples, (int, np.integer)):
        raise TypeError(f"num_samples must be an integer, but got {type(num_samples).__name__}.")
    if not 0 <= num_samples <= _INT64_MAX:
        raise ValueError(f"num_samples exceeds the boundary between 0 and {_INT64_MAX}(INT64_MAX)!")
    return int(num_samples) or None


class WeightedRandomSampler(Sampler):
    """Draws ``num_samples`` row indices (default: as many as weights) with probability proportional to
    ``weights``; with ``replacement=False`` each row at most once. Rows of weight 0 are never drawn."""

    def __init__(self, weights, num_samples=None, replacement=True):
        if not isinstance(weights, (list, tuple, np.ndarray)):
            raise TypeError(f"weights should be a list or tuple of numbers, but got {type(weights).__name__}.")
        w = np.asarray(weights, dtype=np.float64).reshape(-1)
        if w.size == 0:
            raise ValueError("weights size should not be 0")
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got {type(replacement).__name__}.")
        self.weights, self.replacement = w, replacement
        self.num_samples = _num_samples(num_samples)

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        w = self.weights
        if np.any(w < 0) or not np.all(np.isfinite(w)):
            raise RuntimeError(f"WeightedRandomSampler: weights must be finite and non-negative, but got {w.tolist()}.")
        if w.sum() <= 0:
            raise RuntimeError("WeightedRandomSampler: the sum of the weights must be positive.")
        if len(w) > n:
            raise RuntimeError(f"WeightedRandomSampler: {len(w)} weights for a source of {n} rows.")
        k = self.num_samples or len(w)
        if not self.replacement and k > np.count_nonzero(w):
            raise RuntimeError(f"WeightedRandomSampler: cannot draw {k} rows without replacement from "
                               f"{np.count_nonzero(w)} rows of positive weight.")
        return rng.choice(len(w), size=k, replace=self.replacement, p=w / w.sum())


class PKSampler(Sampler):
    """``num_val`` rows of every class (by the source's label column, classes in ascending order): its first ones
    in source order; a class with fewer rows is drawn from at random with replacement. (Which rows of a class
    MindSpore 2.10 picks depends on its random state, even unshuffled; the labels and counts are the same.) ``shuffle``: a random pick in each class and a random order of the
    rows."""

    def __init__(self, num_val, num_class=None, shuffle=False, class_column='label', num_samples=None):
        if isinstance(num_val, bool) or not isinstance(num_val, (int, np.integer)):
            raise TypeError(f"num_val must be an integer, but got {type(num_val).__name__}.")
        if num_class is not None:
            raise NotImplementedError("Not supported to specify num_class for PKSampler.")
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be a boolean value but was: {shuffle}.")
        if not isinstance(class_column, str):
            raise TypeError(f"class_column must be a str value but was: {class_column}.")
        self.num_val, self.shuffle, self.class_column = int(num_val), shuffle, class_column
        self.num_samples = _num_samples(num_samples)

    def _indices(self, n, rng, shuffle_ok=True, epoch=0):
        raise ValueError("PKSampler needs a source with a label column (MindSpore: GeneratorDataset doesn't "
                         "support PKSampler).")

    def _pk_indices(self, labels, rng, shuffle_ok=True):
        labels = np.asarray(labels).reshape(len(labels), -1)[:, 0]
        out = []
        shuffle = self.shuffle and shuffle_ok
        for c in np.unique(labels):
            ids = np.flatnonzero(labels == c)
            if shuffle:
                ids = rng.permutation(ids)
            out.append(ids[:self.num_val] if len(ids) >= self.num_val else rng.choice(ids, self.num_val))
        idx = np.concatenate(out) if out else np.arange(0)
        if shuffle:
            idx = rng.permutation(idx)
        return self._cap(idx)
