"""``Cifar10Dataset`` and ``Cifar100Dataset`` over the binary versions of CIFAR (https://www.cs.toronto.edu/~kriz/).

CIFAR-10: ``data_batch_1.bin`` ... ``data_batch_5.bin`` and ``test_batch.bin``, records of 1 label byte and a
32x32x3 image stored as three 1024-byte planes (R, G, B). CIFAR-100: ``train.bin`` and ``test.bin``, records of a
coarse (20 classes) and a fine (100 classes) label byte and the image.

Files are chosen as MindSpore chooses them: every ``*.bin`` in ``dataset_dir`` (not in subfolders), in name order;
CIFAR-10 ``usage='train'`` takes the names containing ``data_batch``, ``'test'`` those containing ``test_batch``,
``'all'`` those containing ``batch``; CIFAR-100 ``'train'``/``'test'`` take the names containing ``train``/``test``,
``'all'`` every file (a name with neither is an error).

Deviation from MindSpore: MindSpore reads exactly 10000 records from each CIFAR-10 file (50000 / 10000 from
CIFAR-100's train / test file) -- a shorter file fails, the rest of a longer one is ignored -- while minispore
reads every record a file holds, so that small hand-made files in the same format work too (the real files give
the same rows). A file whose size is not a whole number of records, or whose labels are out of range (a
corrupt file, or CIFAR-100 read as CIFAR-10), raises a RuntimeError naming it.

Decoded files are cached in memory per process (keyed by path, size and modification time).
"""
import os

import numpy as np

from .._fileio import open_regular
from . import config
from .engine import _ArraySource

__all__ = ["Cifar10Dataset", "Cifar100Dataset"]

_IMAGE = 32 * 32 * 3
_CACHE = {}         # (real path or paths, op) -> ((size, mtime_ns) per file, (images, labels...))


def _check_usage(usage):
    usage = "all" if usage is None else usage
    if not isinstance(usage, str):
        raise TypeError(f"Argument usage with value {usage!r} is not of type [<class 'str'>], but got {type(usage)}.")
    if usage not in ("train", "test", "all"):
        raise ValueError(f"Input usage is not within the valid set of ['train', 'test', 'all'], got {usage!r}.")
    return usage


class _CifarDataset(_ArraySource):
    _OP = "Cifar10Dataset"
    _FORMAT = "CIFAR-10"
    _LABELS = (("label", 10),)          # (column, number of classes) per label byte
    _PER_FILE = "10000 records per file"

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        super().__init__()
        config.check_num_parallel_workers(num_parallel_workers, self._OP)
        self.dataset_dir = config.check_dataset_dir(dataset_dir, self._OP)
        self.usage = _check_usage(usage)
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, self._OP)
        self._cols = None

    def _names(self):
        return ["image"] + [name for name, _ in self._LABELS]

    @property
    def _record(self):
        return len(self._LABELS) + _IMAGE

    def _wanted(self, name):  # pragma: no cover - per dataset
        raise NotImplementedError

    def _files(self, strict=True):
        """The files of ``usage``; none (when not ``strict``: MindSpore's size of such a dataset is 0, reading it
        fails) raises a RuntimeError."""
        d = self.dataset_dir
        bins = sorted(n for n in os.listdir(d) if os.path.splitext(n)[1] == ".bin")
        if not bins:
            raise RuntimeError(f"{self._OP}: no .bin files under {d}: expected the {self._FORMAT} binary version "
                               f"({self._expected()}).")
        picked = [n for n in bins if self._wanted(n)]
        if not picked and not strict:
            return []
        if not picked:
            raise RuntimeError(f"{self._OP}: no {self._FORMAT} files for usage '{self.usage}' among the .bin files of "
                               f"{d} ({', '.join(bins)}): expected {self._expected()}.")
        paths = []
        for n in picked:
            p = os.path.join(d, n)
            if os.path.isdir(p):
                raise RuntimeError(f"{self._OP}: {p} is a directory, not a {self._FORMAT} file.")
            paths.append(p)
        return paths

    def _count(self, path):
        size = os.stat(path).st_size
        rec = self._record
        if size == 0 or size % rec:
            raise RuntimeError(
                f"{self._OP}: {path} is truncated or not a {self._FORMAT} binary file: its {size} bytes are not a "
                f"whole number of {rec}-byte records ({len(self._LABELS)} label byte(s) and a 32x32x3 image); "
                f"{self._FORMAT} has {self._PER_FILE}.")
        return size // rec

    def _length(self):
        if self._cols is not None:
            return len(self._cols[0])
        return sum(self._count(p) for p in self._files(strict=False))

    def _load(self, path, cache=True):
        st = os.stat(path)
        key, stamp = (os.path.realpath(path), self._OP), (st.st_size, st.st_mtime_ns)
        hit = _CACHE.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        n = self._count(path)
        rec = self._record
        buf = bytearray(n * rec)
        try:
            with open_regular(path, self._OP) as f:
                got = f.readinto(buf)
        except OSError as e:
            raise RuntimeError(f"{self._OP}: cannot read {path}: {type(e).__name__}: {e}") from None
        if got != len(buf):
            raise RuntimeError(f"{self._OP}: {path} changed while it was read: {got} of {len(buf)} bytes.")
        data = np.frombuffer(buf, np.uint8).reshape(n, rec)
        k = len(self._LABELS)
        labels = []
        for j, (name, classes) in enumerate(self._LABELS):
            lab = data[:, j]
            bad = np.nonzero(lab >= classes)[0]
            if bad.size:
                i = int(bad[0])
                raise RuntimeError(f"{self._OP}: {path} is corrupt or not a {self._FORMAT} file: record {i} has "
                                   f"{name} {int(lab[i])}, but {self._FORMAT} has {classes} classes "
                                   f"(0-{classes - 1}).")
            labels.append(lab.astype(np.uint32))
        images = np.ascontiguousarray(data[:, k:].reshape(n, 3, 32, 32).transpose(0, 2, 3, 1))
        images.flags.writeable = False          # shared by the cache
        for lab in labels:
            lab.flags.writeable = False
        cols = (images, *labels)
        if cache:
            _CACHE[key] = (stamp, cols)
        return cols

    def _columns(self):
        """The columns of all the files: one cached array per column for the whole set of files (the files of
        a set are read without caching them one by one, so each image is held once)."""
        if self._cols is None:
            files = self._files()
            if len(files) == 1:
                self._cols = list(self._load(files[0]))
                return self._cols
            stats = [os.stat(p) for p in files]
            key = (tuple(os.path.realpath(p) for p in files), self._OP)
            stamp = tuple((st.st_size, st.st_mtime_ns) for st in stats)
            hit = _CACHE.get(key)
            if hit is None or hit[0] != stamp:
                parts = [self._load(p, cache=False) for p in files]
                cols = tuple(np.concatenate([part[j] for part in parts]) for j in range(len(parts[0])))
                for c in cols:
                    c.flags.writeable = False      # shared by the cache
                hit = _CACHE[key] = (stamp, cols)
            self._cols = list(hit[1])
        return self._cols


class Cifar10Dataset(_CifarDataset):
    """CIFAR-10 from ``dataset_dir`` (the binary version): columns ``image`` ((32, 32, 3) uint8, HWC RGB) and
    ``label`` (0-d uint32, 0-9).

    ``usage``: ``'train'`` (the ``data_batch_*.bin`` files, 50000 images), ``'test'`` (``test_batch.bin``,
    10000) or ``'all'``/None (60000). Shuffled by default; ``num_samples``, ``sampler`` and
    ``num_shards``/``shard_id`` as in MindSpore. ``num_parallel_workers`` and ``cache`` are accepted and
    ignored. See the module docstring for how files are chosen and checked.
    """
    _OP = "Cifar10Dataset"

    def _wanted(self, name):
        return {"train": "data_batch", "test": "test_batch", "all": "batch"}[self.usage] in name

    def _expected(self):
        return "data_batch_1.bin ... data_batch_5.bin and test_batch.bin"


class Cifar100Dataset(_CifarDataset):
    """CIFAR-100 from ``dataset_dir`` (the binary version): columns ``image`` ((32, 32, 3) uint8),
    ``coarse_label`` (0-d uint32, 0-19) and ``fine_label`` (0-d uint32, 0-99).

    ``usage``: ``'train'`` (``train.bin``, 50000 images), ``'test'`` (``test.bin``, 10000) or ``'all'``/None
    (60000). Shuffled by default; ``num_samples``, ``sampler`` and ``num_shards``/``shard_id`` as in MindSpore.
    See the module docstring for how files are chosen and checked.
    """
    _OP = "Cifar100Dataset"
    _FORMAT = "CIFAR-100"
    _LABELS = (("coarse_label", 20), ("fine_label", 100))
    _PER_FILE = "50000 records in train.bin and 10000 in test.bin"

    def _wanted(self, name):
        if self.usage == "all":
            if "train" not in name and "test" not in name:
                raise RuntimeError(f"{self._OP}: {os.path.join(self.dataset_dir, name)} is neither a train nor a "
                                   f"test file of CIFAR-100 (its name contains neither 'train' nor 'test').")
            return True
        return self.usage in name

    def _expected(self):
        return "train.bin and test.bin"
