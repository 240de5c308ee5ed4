"""``ImageFolderDataset``: one folder per class, every file in it a sample.

As MindSpore reads it: the class folders are the directories directly under ``dataset_dir``, sorted by name and
numbered from 0 (empty ones too), unless ``class_indexing`` maps the folder names to read to their labels; the
files of each folder (not of its subfolders) are taken in name order, all of them unless ``extensions`` lists the
suffixes to keep (with the dot, case-sensitive: ``['.JPEG', '.png']``). Files are read when a row is needed.

Unreadable files: by default, as in MindSpore, a file that cannot be read or decoded (a truncated JPEG, a stray
``notes.txt`` or ``.DS_Store``, a subfolder) stops the iteration with a RuntimeError naming its path. With
``skip_unreadable=True`` (a minispore addition; MindSpore has no such option) every file is opened and decoded
once when the dataset is first used (its size asked or its first row read), the files that fail are left out
-- one warning lists them -- and the dataset, its size and its shards consist of the readable files only. That
check costs one decoding pass over the folder (its verdicts are cached per file, by path, size and modification
time, for the rest of the process).
"""
import os
import warnings

import numpy as np

from .._fileio import open_regular
from . import config
from .engine import _IndexedSource, _stack
from .vision._convert import decode_image

__all__ = ["ImageFolderDataset"]

_READABLE = set()       # hash((real path, size, mtime_ns)) of the files found readable (8 bytes each)
_UNREADABLE = {}        # (real path, size, mtime_ns) -> the error message (files read without decrypt)
_DECODED_BLOCK = 256    # decoded rows per block: blocks of large photos stay a few hundred MB at most
_RAW_BLOCK = 1024


class ImageFolderDataset(_IndexedSource):
    """Images from a folder of class folders: columns ``image`` (the file's bytes as a 1-D uint8 array, or with
    ``decode=True`` the decoded RGB ``(H, W, 3)`` uint8 image) and ``label`` (0-d int32).

    ``extensions``: list of file suffixes to keep (None: every file); ``class_indexing``: ``{folder name: label}``
    (only those folders are read; ``get_class_indexing()`` returns it, or the sorted-name numbering);
    ``decrypt``: a function from a file's path to its decrypted bytes. Shuffled by default; ``num_samples``,
    ``sampler`` and ``num_shards``/``shard_id`` as in MindSpore; ``num_parallel_workers`` and ``cache`` are
    accepted and ignored.

    ``skip_unreadable`` (minispore only, default False): leave out the files that cannot be read or decoded
    instead of failing on them; see the module docstring. Deliberate difference: with ``class_indexing``
    MindSpore 2.10's ``get_dataset_size()`` counts the files of every folder, also those it does not read;
    minispore's size is the number of rows it gives.
    """

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 extensions=None, class_indexing=None, decode=False, num_shards=None, shard_id=None, cache=None,
                 decrypt=None, skip_unreadable=False):
        super().__init__()
        op = "ImageFolderDataset"
        config.check_num_parallel_workers(num_parallel_workers, op)
        dataset_dir = config.check_dataset_dir(dataset_dir, op)
        if extensions is not None:
            if not isinstance(extensions, list):
                raise TypeError(f"Argument extensions with value {extensions!r} is not of type [<class 'list'>], "
                                f"but got {type(extensions)}.")
            for e in extensions:
                if not isinstance(e, str):
                    raise TypeError(f"For '{op}', extensions must be a list of str such as ['.jpg', '.png'], but it "
                                    f"holds {e!r} of type {type(e).__name__}.")
        if class_indexing is not None:
            if not isinstance(class_indexing, dict):
                raise TypeError(f"Argument class_indexing with value {class_indexing!r} is not of type "
                                f"[<class 'dict'>], but got {type(class_indexing)}.")
            for k, v in class_indexing.items():
                if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, (int, np.integer)) \
                        or not -2 ** 31 <= v < 2 ** 31:
                    raise TypeError(f"For '{op}', class_indexing must map folder names (str) to int32 labels, but "
                                    f"it maps {k!r} to {v!r}.")
        for name, v in (("decode", decode), ("skip_unreadable", skip_unreadable)):
            if not isinstance(v, bool):
                raise TypeError(f"Argument {name} with value {v!r} is not of type [<class 'bool'>], "
                                f"but got {type(v)}.")
        if decrypt is not None and not callable(decrypt):
            raise TypeError(f"For '{op}', decrypt must be a function (path -> bytes), but got {decrypt!r}.")
        self.dataset_dir = dataset_dir
        self.extensions = None if extensions is None else list(extensions)
        self.class_indexing = None if class_indexing is None else {k: int(v) for k, v in class_indexing.items()}
        self.decode = decode
        self.decrypt = decrypt
        self.skip_unreadable = skip_unreadable
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, op)
        self._scanned = None        # (paths, labels) once the folder has been listed (and checked)
        self._classes = None

    def _names(self):
        return ["image", "label"]

    # -- listing
    def _class_dirs(self):
        d = self.dataset_dir
        return sorted(e for e in os.listdir(d) if os.path.isdir(os.path.join(d, e)))

    def get_class_indexing(self):
        """``{folder name: label}``: ``class_indexing`` as given, or the class folders numbered in name order."""
        if self.class_indexing is not None:
            return dict(self.class_indexing)
        return {name: i for i, name in enumerate(self._class_dirs())}

    def _scan(self):
        if self._scanned is not None:
            return self._scanned
        indexing = self.get_class_indexing()
        classes = [c for c in self._class_dirs() if c in indexing]
        paths, labels = [], []
        for c in classes:
            folder = os.path.join(self.dataset_dir, c)
            for name in sorted(os.listdir(folder)):
                if self.extensions is not None and os.path.splitext(name)[1] not in self.extensions:
                    continue
                paths.append(os.path.join(folder, name))
                labels.append(indexing[c])
        if self.skip_unreadable:
            paths, labels = self._readable(paths, labels)
        self._classes = classes
        self._scanned = (paths, np.asarray(labels, np.int32))
        return self._scanned

    def _readable(self, paths, labels):
        good_p, good_l, bad = [], [], []
        for p, lab in zip(paths, labels):
            msg = self._verdict(p)
            if msg is None:
                good_p.append(p)
                good_l.append(lab)
            else:
                bad.append(msg)
        if bad:
            shown = "; ".join(bad[:5]) + (f"; and {len(bad) - 5} more" if len(bad) > 5 else "")
            warnings.warn(f"ImageFolderDataset: skip_unreadable=True left out {len(bad)} of {len(paths)} files of "
                          f"{self.dataset_dir} that cannot be read or decoded: {shown}", UserWarning, stacklevel=4)
        return good_p, good_l

    def _verdict(self, path):
        try:
            st = os.stat(path)
            key = (os.path.realpath(path), st.st_size, st.st_mtime_ns)
        except OSError as e:
            return f"{path}: {type(e).__name__}: {e}"
        if self.decrypt is not None:
            # (no cache: a verdict depends on the decrypt function, which has no lasting identity)
            try:
                decode_image(self._read(path), path)
                return None
            except RuntimeError as e:
                return str(e)
        if hash(key) in _READABLE:
            return None
        if key not in _UNREADABLE:
            try:
                decode_image(self._read(path), path)
                _READABLE.add(hash(key))
                return None
            except RuntimeError as e:
                _UNREADABLE[key] = str(e)
        return _UNREADABLE[key]

    # -- reading
    def _read(self, path):
        """The bytes of ``path`` (decrypted), or a RuntimeError naming it."""
        hint = " (ImageFolderDataset(..., skip_unreadable=True) leaves unreadable files out)"
        if self.decrypt is not None:
            try:
                data = self.decrypt(path)
            except Exception as e:  # noqa: BLE001
                raise RuntimeError(f"ImageFolderDataset: decrypt({path!r}) raised {type(e).__name__}: {e}") from e
            if not isinstance(data, (bytes, bytearray, memoryview)):
                raise RuntimeError(f"ImageFolderDataset: decrypt({path!r}) should return bytes, but returned "
                                   f"{type(data).__name__}.")
            return bytes(data)
        try:
            with open_regular(path, "ImageFolderDataset") as f:
                return f.read()
        except (OSError, ValueError) as e:
            raise RuntimeError(f"ImageFolderDataset: cannot read {path}: {e}{hint}") from None

    def _row(self, path):
        data = self._read(path)
        if not self.decode:
            return np.frombuffer(bytearray(data), np.uint8)
        try:
            return decode_image(data, path)
        except RuntimeError as e:
            raise RuntimeError(f"ImageFolderDataset: {e} (ImageFolderDataset(..., skip_unreadable=True) leaves "
                               f"unreadable files out)") from None

    def _length(self):
        return len(self._scan()[0])

    def _blocks(self, ctx):
        paths, labels = self._scan()
        if not paths:          # (its size is 0, as in MindSpore; reading it is an error)
            what = f" with extensions {self.extensions}" if self.extensions is not None else ""
            raise RuntimeError(f"ImageFolderDataset: no files{what} in the class folders {self._classes} of "
                               f"{self.dataset_dir}: the dataset has no data (one folder per class, the images "
                               f"inside).")
        idx = self._indices(ctx)
        step = max(1, min(ctx.chunk, _DECODED_BLOCK if self.decode else _RAW_BLOCK))
        for s in range(0, len(idx), step):
            sel = idx[s:s + step]
            yield [_stack([self._row(paths[i]) for i in sel]), labels[sel]], len(sel)
