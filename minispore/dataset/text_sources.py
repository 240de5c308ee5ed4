"""Text sources: ``TextFileDataset`` (one row per line), ``CSVDataset`` (one row per record) and
``IMDBDataset`` (the aclImdb folder layout), and the ``Shuffle`` modes of file-based sources.

File-based sources (text and CSV) read their files as MindSpore does: the files (after sharding) are cut into
blocks, handed to ``num_parallel_workers`` readers in turn, and the readers' rows are taken one from each reader
in turn. So with ``shuffle=False`` the rows of several files come interleaved, in an order that depends on the
number of workers, exactly as in MindSpore (one worker: file after file). Sharding splits the rows of all files
(in file order) into ``num_shards`` equal runs of ``ceil(rows / num_shards)`` rows, wrapping around to the first
file for the last shard, as MindSpore does.

``Shuffle.GLOBAL`` (or True, the default) shuffles the order of the files and then every row;
``Shuffle.FILES`` shuffles only the order of the files; ``Shuffle.INFILE`` keeps the files in order and shuffles
the rows of each file; ``Shuffle.FALSE`` (or False) keeps everything in order. The random orders are drawn from
``minispore.dataset.config``'s generator, not MindSpore's, so only the unshuffled order is the same as MindSpore's.
"""
import enum
import glob
import math
import os
import re

import numpy as np

from . import config
from .engine import Dataset, _check_int, _IndexedSource

__all__ = ["Shuffle", "TextFileDataset", "CSVDataset", "IMDBDataset"]


class Shuffle(str, enum.Enum):
    """How a file-based source shuffles."""
    FALSE = "false"
    ADAPTIVE = "adaptive"
    GLOBAL = "global"
    PARTIAL = "partial"
    FILES = "files"
    INFILE = "infile"


def _expand_files(dataset_files, op):
    if isinstance(dataset_files, (str, os.PathLike)):
        patterns = [os.fspath(dataset_files)]
    elif isinstance(dataset_files, (list, tuple)) and dataset_files:
        patterns = []
        for p in dataset_files:
            if not isinstance(p, (str, os.PathLike)):
                raise TypeError(f"For '{op}', dataset_files must be a path or a list of paths, but it holds "
                                f"{p!r}.")
            patterns.append(os.fspath(p))
    else:
        raise TypeError(f"Argument dataset_files with value {dataset_files!r} is not of type [<class 'str'>, "
                        f"<class 'list'>], but got {type(dataset_files)}.")
    files, missing = [], []
    for p in patterns:
        hits = sorted(glob.glob(p))
        if not hits:
            missing.append(p)
        files.extend(hits)
    if missing:
        raise ValueError(f"The following patterns did not match any files: {missing}.")
    for f in files:
        if not os.path.isfile(f):
            raise ValueError(f"For '{op}', {f} is not a file.")
    return files


def _shuffle_mode(shuffle, op):
    if shuffle is True or shuffle is None:
        return Shuffle.GLOBAL
    if shuffle is False:
        return Shuffle.FALSE
    if isinstance(shuffle, Shuffle):
        if shuffle in (Shuffle.ADAPTIVE, Shuffle.PARTIAL):
            raise ValueError(f"For '{op}', shuffle {shuffle} is only for MindRecord files; use Shuffle.GLOBAL, "
                             f"Shuffle.FILES, Shuffle.INFILE or False.")
        return shuffle
    raise TypeError(f"Argument shuffle with value {shuffle!r} is not of type [<class 'bool'>, <enum 'Shuffle'>], "
                    f"but got {type(shuffle)}.")


class _FileSource(Dataset):
    """Rows read from files by MindSpore's round-robin of workers (see the module docstring)."""

    def _setup(self, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id, op):
        config.check_num_parallel_workers(num_parallel_workers, op)
        self._files = _expand_files(dataset_files, op)
        if num_samples is not None:
            num_samples = _check_int(num_samples, "num_samples", op, 0) or None
        self._num_samples = num_samples
        self._mode = _shuffle_mode(shuffle, op)
        if (num_shards is None) != (shard_id is None):
            raise RuntimeError("num_shards and shard_id need to be passed in together.")
        if num_shards is not None:
            num_shards = _check_int(num_shards, "num_shards", op, 1)
            shard_id = _check_int(shard_id, "shard_id", op, 0, num_shards - 1)
        self._num_shards, self._shard_id = num_shards, shard_id
        self._workers = num_parallel_workers or max(1, min(config.get_num_parallel_workers(), os.cpu_count() or 1))
        self._cache = {}

    def _file_rows(self, path):  # pragma: no cover - abstract
        raise NotImplementedError

    def _rows_of(self, path):
        if path not in self._cache:
            self._cache[path] = self._file_rows(path)
        return self._cache[path]

    def _order(self, rng, shuffle):
        """The rows of one pass, as (file index, row index) pairs."""
        files = list(range(len(self._files)))
        mode = self._mode if shuffle else Shuffle.FALSE
        if mode in (Shuffle.GLOBAL, Shuffle.FILES):
            files = [files[i] for i in rng.permutation(len(files))]
        counts = [len(self._rows_of(self._files[f])) for f in files]
        total = sum(counts)
        blocks = []                       # (file, first row, end row)
        if self._num_shards is None:
            blocks = [(f, 0, c) for f, c in zip(files, counts) if c]
        elif total:
            per = math.ceil(total / self._num_shards)
            start, left = (self._shard_id * per) % total, per
            starts = np.cumsum([0] + counts)
            while left > 0:
                k = int(np.searchsorted(starts, start, side="right") - 1)
                a = start - starts[k]
                b = min(counts[k], a + left)
                blocks.append((files[k], a, b))
                left -= b - a
                start = (start + b - a) % total
        queues = [[] for _ in range(self._workers)]
        for j, (f, a, b) in enumerate(blocks):
            rows = list(range(a, b))
            if mode == Shuffle.INFILE:
                rows = [rows[i] for i in rng.permutation(len(rows))]
            queues[j % self._workers].extend((f, r) for r in rows)
        order, pos = [], [0] * len(queues)
        live = [q for q in range(len(queues)) if queues[q]]
        while live:
            nxt = []
            for q in live:
                order.append(queues[q][pos[q]])
                pos[q] += 1
                if pos[q] < len(queues[q]):
                    nxt.append(q)
            live = nxt
        if mode == Shuffle.GLOBAL:
            order = [order[i] for i in rng.permutation(len(order))]
        if self._num_samples is not None:
            order = order[:self._num_samples]
        return order

    def _static_size(self):
        return len(self._order(np.random.default_rng(0), False))

    def _blocks(self, ctx):
        order = self._order(ctx.rng(), not ctx.peek)
        step = max(1, ctx.chunk)
        ncol = len(self._names())
        for s in range(0, len(order), step):
            part = order[s:s + step]
            rows = [self._rows_of(self._files[f])[r] for f, r in part]
            cols = [[row[j] for row in rows] for j in range(ncol)]
            yield [self._column(c, j) for j, c in enumerate(cols)], len(part)

    def _column(self, values, j):
        return np.array(values) if values else np.array([], dtype="<U1")

    def get_batch_size(self):
        return 1


def _read_text(path, op):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise RuntimeError(f"{op}: cannot read {path}: {e}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuntimeError(f"{op}: {path} is not UTF-8 text: {e}") from None


class TextFileDataset(_FileSource):
    """One row per non-empty line of the files (glob patterns allowed), column ``text`` (a 0-d ``<U..`` string;
    a ``\\r`` before the ``\\n`` is kept, as MindSpore does)."""

    def __init__(self, dataset_files, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__()
        self._setup(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id,
                    "TextFileDataset")

    def _names(self):
        return ["text"]

    def _file_rows(self, path):
        return [(line,) for line in _read_text(path, "TextFileDataset").split("\n") if line]


def _split_csv(text, delim, path):
    """The records of a CSV text: lists of fields; a field in double quotes may hold the delimiter, newlines and
    doubled quotes. Empty lines are skipped."""
    records, fields, buf = [], [], []
    i, n = 0, len(text)
    line = 0
    state = "start"            # start of a field | plain | quoted | after closing quote
    while i < n:
        c = text[i]
        if state == "quoted":
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    buf.append('"')
                    i += 2
                    continue
                state = "closed"
            else:
                if c == "\n":
                    line += 1
                buf.append(c)
            i += 1
            continue
        if c == "\n" or (c == "\r" and i + 1 < n and text[i + 1] == "\n"):
            if state != "start" or fields or buf:
                fields.append("".join(buf))
                records.append((line, fields))
            fields, buf, state = [], [], "start"
            i += 2 if c == "\r" else 1
            line += 1
            continue
        if c == delim:
            fields.append("".join(buf))
            buf, state = [], "start"
            fields_pending = True  # noqa: F841
            i += 1
            if i >= n or text[i] == "\n":
                state = "plain"      # a trailing delimiter ends with an empty field
            continue
        if c == '"':
            if state == "start":
                state = "quoted"
                i += 1
                continue
            raise RuntimeError(f"Invalid file, failed to parse csv file: {path} at line {line}. Error message: "
                               f"Invalid csv file, unexpected quote in unquote field from {path}.")
        if state == "closed":
            raise RuntimeError(f"Invalid file, failed to parse csv file: {path} at line {line}. Error message: "
                               f"Invalid csv file, unexpected character after a closing quote from {path}.")
        state = "plain"
        buf.append(c)
        i += 1
    if state == "quoted":
        raise RuntimeError(f"Invalid file, failed to parse csv file: {path} at line {line}. Error message: "
                           f"Invalid csv file, a quoted field is not closed at the end of {path}.")
    if state != "start" or fields or buf:
        fields.append("".join(buf))
        records.append((line, fields))
    return records


_INT_PREFIX = re.compile(r"\s*[+-]?\d+")
_FLOAT_PREFIX = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|\s*[+-]?(?:inf|nan)", re.IGNORECASE)


class CSVDataset(_FileSource):
    """Rows from CSV files. Columns are named by ``column_names`` or, when it is None, by the first line of the
    files (which is then not a row; every file must start with the same one). ``column_defaults`` gives each
    column's type by an example value: an int (int32 column), a float (float32) or a str; without it every
    column is a string. As in MindSpore, a number field is read as far as it is a number (``1.5`` in an int
    column is 1) and an empty one is an error: the default values only give the types."""

    def __init__(self, dataset_files, field_delim=",", column_defaults=None, column_names=None, num_samples=None,
                 num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        super().__init__()
        op = "CSVDataset"
        if not isinstance(field_delim, str) or len(field_delim) != 1 or field_delim in ('"', "\r", "\n"):
            raise ValueError("field_delim is invalid.")
        if column_defaults is not None:
            if not isinstance(column_defaults, list):
                raise TypeError(f"Argument column_defaults with value {column_defaults!r} is not of type "
                                f"[<class 'list'>], but got {type(column_defaults)}.")
            for v in column_defaults:
                if isinstance(v, bool) or not isinstance(v, (int, float, str)):
                    raise TypeError("column type in column_defaults is invalid.")
        if column_names is not None:
            if not isinstance(column_names, list) or not all(isinstance(c, str) for c in column_names):
                raise TypeError(f"Argument column_names with value {column_names!r} is not of type "
                                f"[<class 'list'>] of str, but got {type(column_names)}.")
            if len(set(column_names)) != len(column_names):
                raise ValueError("column_names should not have duplicate values.")
        self._delim, self._defaults = field_delim, column_defaults
        self._setup(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id, op)
        self._header = column_names is None
        if column_names is None:
            heads = []
            for f in self._files:
                recs = _split_csv(_read_text(f, op), field_delim, f)
                heads.append(recs[0][1] if recs else None)
            if not heads or any(h != heads[0] for h in heads) or heads[0] is None:
                raise RuntimeError("Invalid file, failed to obtain column name from input csv file list.")
            column_names = heads[0]
        self._colnames = list(column_names)
        if column_defaults is not None and len(column_defaults) != len(self._colnames):
            raise RuntimeError(f"Invalid columns, the size of column_names should be less than the size of "
                               f"'column_defaults', but got the size of column_names: {len(self._colnames)}, the "
                               f"size of column_defaults : {len(column_defaults)}.")

    def _names(self):
        return list(self._colnames)

    def _file_rows(self, path):
        recs = _split_csv(_read_text(path, "CSVDataset"), self._delim, path)
        if self._header:
            recs = recs[1:]
        k = len(self._colnames)
        rows = []
        for line, fields in recs:
            if len(fields) != k:
                raise RuntimeError(f"Invalid file, failed to parse csv file: {path} at line {line + 1}. Error "
                                   f"message: Invalid columns, the size of column_names should be less than the "
                                   f"size of 'column_defaults', but got the size of column_names: {len(fields)}, "
                                   f"the size of column_defaults : {k}.")
            rows.append(tuple(self._convert(v, j, path, line) for j, v in enumerate(fields)))
        return rows

    def _convert(self, value, j, path, line):
        if self._defaults is None:
            return value
        d = self._defaults[j]
        if isinstance(d, str):
            return value
        # as MindSpore (strtol/strtof): the number at the start of the field; an empty field or one that does
        # not start with a number does not match the column's type (the default value only gives the type)
        m = (_INT_PREFIX if isinstance(d, int) else _FLOAT_PREFIX).match(value)
        if m is None:
            raise RuntimeError(f"Invalid csv, csv file: {path} parse failed at line {line + 1}, type does not "
                               f"match.")
        return int(m.group()) if isinstance(d, int) else float(m.group())

    def _column(self, values, j):
        if self._defaults is not None and not isinstance(self._defaults[j], str):
            dt = np.int32 if isinstance(self._defaults[j], int) else np.float32
            return np.asarray(values, dtype=dt)
        return super()._column(values, j)


class IMDBDataset(_IndexedSource):
    """The Large Movie Review Dataset (aclImdb): ``dataset_dir`` holds ``train/`` and ``test/``, each with
    ``pos/`` and ``neg/`` folders of one review per file. Columns ``text`` (a 0-d ``<U..`` string: the file's last
    non-empty line; the reviews are one line each) and ``label`` (0-d int32: 1 for pos, 0 for neg). Rows come
    ``train`` then ``test`` (``usage='all'`` or None), pos before neg, files in name order; shuffled by default.
    ``unsup/`` is not read."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        super().__init__()
        op = "IMDBDataset"
        config.check_num_parallel_workers(num_parallel_workers, op)
        self.dataset_dir = config.check_dataset_dir(dataset_dir, op)
        if usage is None:
            usage = "all"
        if not isinstance(usage, str):
            raise TypeError(f"Argument usage with value {usage!r} is not of type [<class 'str'>], but got "
                            f"{type(usage)}.")
        if usage not in ("train", "test", "all"):
            raise ValueError("Input usage is not within the valid set of ['train', 'test', 'all'].")
        self.usage = usage
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, op)
        self._scanned = None

    def _names(self):
        return ["text", "label"]

    def _scan(self):
        if self._scanned is None:
            paths, labels = [], []
            for u in (["train", "test"] if self.usage == "all" else [self.usage]):
                for cls, lab in (("pos", 1), ("neg", 0)):
                    folder = os.path.join(self.dataset_dir, u, cls)
                    if not os.path.isdir(folder):
                        raise RuntimeError(f"IMDBDataset: invalid path, dataset path may not exist or is not a "
                                           f"directory: {folder} (the aclImdb layout has {u}/pos and {u}/neg).")
                    for name in sorted(os.listdir(folder), key=lambda s: s.encode("utf-8", "surrogateescape")):
                        p = os.path.join(folder, name)
                        if os.path.isfile(p):
                            paths.append(p)
                            labels.append(lab)
            self._scanned = (paths, np.asarray(labels, np.int32))
        return self._scanned

    def _length(self):
        return len(self._scan()[0])

    @staticmethod
    def _text(path):
        lines = [ln for ln in _read_text(path, "IMDBDataset").split("\n") if ln]
        return lines[-1] if lines else ""

    def _blocks(self, ctx):
        paths, labels = self._scan()
        idx = self._indices(ctx)
        step = max(1, min(ctx.chunk, 1024))
        for s in range(0, len(idx), step):
            sel = idx[s:s + step]
            texts = [self._text(paths[i]) for i in sel]
            yield [np.array(texts) if texts else np.array([], "<U1"), labels[sel]], len(sel)
