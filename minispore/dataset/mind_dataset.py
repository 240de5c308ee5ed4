"""``MindDataset``: rows of MindRecord files (written by ``minispore.mindrecord.FileWriter`` or by MindSpore) in the
pipeline.

Columns are the schema's fields, in name order (or in ``columns_list`` order), each row as MindSpore yields it:
int32/int64/float32/float64 fields as 0-d arrays of that dtype, string fields as 0-d str arrays, bytes fields
as a 1-element bytes array (``dtype S<len>``), array fields as arrays of the schema's shape. The rows are read in
file order: the files in the order given (one name: all the shards written with it, in shard order), each in
the order its rows were written. ``shuffle`` (default: global shuffle, as in MindSpore) draws a new order each
epoch from ``minispore.dataset.config``'s seed; ``Shuffle.FILES`` shuffles the files only, ``Shuffle.INFILE`` the
rows within each file only. ``num_shards``/``shard_id`` give every ``num_shards``-th row of that order (each shard
``ceil(n / num_shards)`` rows, wrapping around), ``padded_sample``/``num_padded`` add copies of a row first.

Every file is checked when the dataset is created (its header, its ``.db``, and that each row's bytes lie inside
the file), so a missing index, a truncated or a foreign file fails at once, naming the file, before any row is
read. Scalar fields are decoded once per dataset and kept; blob fields (bytes, arrays) are read per block from
the memory-mapped files.
"""
import numpy as np

from ..mindrecord import _format as F
from ..mindrecord.filereader import _ShardSet
from . import config
from .engine import _IndexedSource, _check_int, _col_list
from .text_sources import Shuffle

__all__ = ["MindDataset"]

_OP = "MindDataset"


class MindDataset(_IndexedSource):
    """Rows of the MindRecord files ``dataset_files`` (one file name: that file and the other shards of its set;
    a list: those files). See the module docstring for columns, order and sharding. ``num_parallel_workers`` is
    checked and otherwise ignored."""

    def __init__(self, dataset_files, columns_list=None, num_parallel_workers=None, shuffle=None, num_shards=None,
                 shard_id=None, sampler=None, padded_sample=None, num_padded=None, num_samples=None, cache=None):
        super().__init__()
        config.check_num_parallel_workers(num_parallel_workers, _OP)
        if isinstance(shuffle, Shuffle) and shuffle not in (Shuffle.GLOBAL, Shuffle.FILES, Shuffle.INFILE):
            raise ValueError(f"For '{_OP}', shuffle must be a bool, Shuffle.GLOBAL, Shuffle.FILES or "
                             f"Shuffle.INFILE, but got {shuffle!r}.")
        self._mode = shuffle if isinstance(shuffle, Shuffle) else None
        self._setup_sampling(num_samples, None if self._mode is not None else shuffle, sampler, num_shards,
                             shard_id, _OP)
        if self._mode is not None:
            self._shuffle = True
        if isinstance(dataset_files, (list, tuple)):
            if not dataset_files or not all(isinstance(f, str) for f in dataset_files):
                raise TypeError(f"For '{_OP}', dataset_files must be a str or a non-empty list of str, but got "
                                f"{dataset_files!r}.")
            dataset_files = list(dataset_files)
        elif not isinstance(dataset_files, str):
            raise TypeError(f"For '{_OP}', dataset_files must be a str or a list of str, but got "
                            f"{type(dataset_files).__name__}.")
        self._set = _ShardSet(dataset_files, _OP)
        schema = self._set.schema
        if columns_list is None:
            self._cols = sorted(schema)
        else:
            self._cols = _col_list(columns_list, "columns_list", _OP)
            bad = [c for c in self._cols if c not in schema]
            if bad:
                raise RuntimeError(f"For '{_OP}', columns_list {bad} are not fields of the MindRecord schema "
                                   f"{sorted(schema)} of {self._set.shards[0].path}.")
            if len(set(self._cols)) != len(self._cols):
                raise ValueError(f"For '{_OP}', columns_list {self._cols} repeats a column.")
        self._padded = self._check_padding(padded_sample, num_padded)
        self._raw_cache = None

    def _check_padding(self, padded_sample, num_padded):
        if padded_sample is None and num_padded is None:
            return None
        if padded_sample is None or num_padded is None:
            raise RuntimeError("padded_sample and num_padded must be specified at the same time.")
        if self._num_shards is None:
            raise RuntimeError("padded_sample is specified but num_shards is not.")
        if self._sampler is not None:
            raise RuntimeError("padded_sample and sampler cannot be specified at the same time.")
        num_padded = _check_int(num_padded, "num_padded", _OP, 0)
        if not isinstance(padded_sample, dict):
            raise TypeError(f"For '{_OP}', padded_sample must be a dict, but got {type(padded_sample).__name__}.")
        missing = [c for c in self._cols if c not in padded_sample]
        if missing:
            raise ValueError(f"For '{_OP}', padded_sample lacks the columns {missing}.")
        if (self._set.total + num_padded) % self._num_shards:
            raise RuntimeError(f"For '{_OP}', the {self._set.total} rows and num_padded={num_padded} do not divide "
                               f"into num_shards={self._num_shards} shards.")
        return {c: self._convert(c, [padded_sample[c]])[0] for c in self._cols}, num_padded

    def _names(self):
        return list(self._cols)

    def _length(self):
        return self._set.total + (self._padded[1] if self._padded else 0)

    def _indices(self, ctx):
        if self._mode in (Shuffle.FILES, Shuffle.INFILE) and not (ctx is None or ctx.peek):
            rng = ctx.rng()
            starts, sizes = self._set.starts, self._set.sizes
            files = rng.permutation(len(sizes)) if self._mode == Shuffle.FILES else range(len(sizes))
            parts = [starts[k] + (rng.permutation(sizes[k]) if self._mode == Shuffle.INFILE else np.arange(sizes[k]))
                     for k in files]
            order = np.concatenate(parts + [np.arange(self._set.total, self._length())]).astype(np.int64)
            if self._num_shards is not None:
                per = -(-len(order) // self._num_shards)
                order = order[np.arange(per * self._num_shards) % len(order)][self._shard_id::self._num_shards]
            return order if self._num_samples is None else order[:self._num_samples]
        if self._mode is not None:
            saved, self._shuffle = self._shuffle, not (ctx is None or ctx.peek)
            try:
                return super()._indices(ctx)
            finally:
                self._shuffle = saved
        return super()._indices(ctx)

    # ------------------------------------------------------------------------------------------ reading
    def _convert(self, name, values):
        """A block column from the field values of its rows (Python scalars, bytes or arrays)."""
        spec = self._set.schema[name]
        t = spec["type"]
        if t == "bytes":
            return [np.array([v], dtype=f"S{max(len(v), 1)}") for v in values]
        if t == "string":
            return np.array(values, dtype=str) if values else np.zeros(0, "U1")
        dt = F.NP_DTYPE[t]
        if "shape" not in spec:
            try:
                return np.array(values, dtype=dt)
            except (OverflowError, ValueError, TypeError) as e:
                raise RuntimeError(f"For '{_OP}', a value of the {t} field {name!r} in "
                                   f"{self._set.shards[0].path} cannot be read as {t}: {e}") from None
        arrs = [np.asarray(v, dtype=dt) for v in values]
        if arrs and all(a.shape == arrs[0].shape for a in arrs):
            return np.stack(arrs)
        return arrs

    def _raw_columns(self):
        """The scalar (raw) fields of every row, decoded once: {name: column over all rows}."""
        if self._raw_cache is None:
            s = self._set
            names = [c for c in s.schema if c not in s.blob_fields]
            vals = {c: [] for c in names}
            for shard in s.shards:
                for j in range(shard.rows):
                    raw = s.raw(shard, j)
                    for c in names:
                        if c not in raw:
                            raise RuntimeError(f"For '{_OP}', {shard.path} is corrupt: row {j} has no field {c!r}.")
                        vals[c].append(raw[c])
            self._raw_cache = {c: self._convert(c, v) for c, v in vals.items()}
        return self._raw_cache

    def _blocks(self, ctx):
        s = self._set
        idx = np.asarray(self._indices(ctx), dtype=np.int64)
        want_raw = [c for c in self._cols if c not in s.blob_fields]
        want_blob = [c for c in self._cols if c in s.blob_fields]
        raw = self._raw_columns() if want_raw else {}
        total = s.total
        step = max(1, ctx.chunk)
        for a in range(0, len(idx), step):
            sel = idx[a:a + step]
            real = sel < total
            n = len(sel)
            cols = {}
            if real.all():
                for c in want_raw:
                    col = raw[c]
                    cols[c] = col[sel]
                if want_blob:
                    blobs = [s.blob(*s.locate(i)) for i in sel]
                    for c in want_blob:
                        cols[c] = self._convert(c, [b[c] for b in blobs])
            else:
                pad = self._padded[0]
                rows_raw = {c: [raw[c][i] if i < total else None for i in sel] for c in want_raw}
                blobs = [s.blob(*s.locate(i)) if i < total else None for i in sel]
                for c in self._cols:
                    if c in want_raw:
                        vals = [v if i < total else pad[c] for v, i in zip(rows_raw[c], sel)]
                    else:
                        vals = [b[c] if b is not None else pad[c] for b in blobs]
                    cols[c] = self._stack_mixed(c, vals)
            yield [cols[c] for c in self._cols], n

    def _stack_mixed(self, name, vals):
        t = self._set.schema[name]["type"]
        if t == "bytes":
            return [v if isinstance(v, np.ndarray) else np.array([v], dtype=f"S{max(len(v), 1)}") for v in vals]
        arrs = [np.asarray(v) for v in vals]
        if all(x.shape == arrs[0].shape and x.dtype == arrs[0].dtype for x in arrs):
            return np.stack(arrs)
        return arrs
