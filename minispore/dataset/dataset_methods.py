"""More ``Dataset`` methods of MindSpore 2.10: ``filter``, ``zip`` (and ``mindspore.dataset.zip``), ``split``,
``apply``, ``flat_map``, ``bucket_batch_by_length``, ``num_classes``, ``reset``, ``is_shuffled``/``is_sharded`` and
``save`` (to MindRecord). Attached to :class:`~minispore.dataset.engine.Dataset` when this module is imported
(``minispore/dataset/__init__.py`` imports it).

Row order follows MindSpore's: ``filter`` keeps the order of the rows it passes; ``zip`` stops at its shortest
input; ``split(randomize=False)`` cuts consecutive rows; ``bucket_batch_by_length`` emits a bucket's batch as soon
as it is full, then at the end the partial buckets in bucket order.
"""
import copy

import numpy as np

from . import config
from .engine import (Dataset, _Ctx, _IndexedSource, _Unary, _col_list, _concat_cols, _name_of,
                     _pad_batch, _row, _short, _stack_batch, _take, _check_pad_info)

__all__ = ["zip"]

_builtin_zip = zip


def _arg_type(value, name, types):
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        raise TypeError(f"Argument {name} with value {value!r} is not of type {list(types)}, but got "
                        f"{type(value)}.")


# ---------------------------------------------------------------------------------------------- filter
class FilterDataset(_Unary):
    """The rows of ``child`` for which ``predicate(*input columns)`` is true (one call per row)."""

    def __init__(self, child, predicate, input_columns):
        super().__init__(child)
        names = child._names()
        cols = names if input_columns is None else _col_list(input_columns, "input_columns", "filter")
        missing = [c for c in cols if c not in names]
        if missing:
            raise RuntimeError(f"Invalid parameter, column name: {missing[0]} does not exist in the dataset "
                               f"columns {names} (filter's input_columns).")
        self._pred, self._idx = predicate, [names.index(c) for c in cols]

    def _static_size(self):
        return None

    def _keep(self, args):
        try:
            r = self._pred(*args)
        except Exception as e:  # noqa: BLE001
            raise RuntimeError(f"filter: predicate {_name_of(self._pred)} failed: {type(e).__name__}: {e}") from e
        try:
            return bool(r)      # any truthy value keeps the row, as in MindSpore
        except Exception as e:  # noqa: BLE001
            raise RuntimeError(f"filter: predicate {_name_of(self._pred)} failed: the value {_short(r)} it "
                               f"returned is neither true nor false: {type(e).__name__}: {e}") from None

    def _blocks(self, ctx):
        for cols, n in self.child._blocks(ctx):
            keep = [i for i in range(n) if self._keep([_row(cols[k], i) for k in self._idx])]
            if keep:
                yield [_take(c, keep) for c in cols], len(keep)


def _filter(self, predicate, input_columns=None, num_parallel_workers=None):
    """The rows for which ``predicate`` (called with ``input_columns``, default all, as NumPy arrays) is true."""
    if not callable(predicate):
        raise TypeError("Predicate should be a Python function or a callable Python object.")
    config.check_num_parallel_workers(num_parallel_workers, "filter")
    return FilterDataset(self, predicate, input_columns)


# ---------------------------------------------------------------------------------------------- zip
class ZipDataset(Dataset):
    """Rows of several datasets side by side (their columns concatenated), as many as the shortest has."""

    def __init__(self, datasets):
        super().__init__(datasets)
        names = []
        for d in datasets:
            for c in d._names():
                if c in names:
                    raise RuntimeError(f"Invalid data, duplicate column {c} already exists when zipping "
                                       f"datasets: the zipped datasets must have different column names.")
                names.append(c)
        self._cols = names

    def _names(self):
        return list(self._cols)

    def _static_size(self):
        return min(d.get_dataset_size() for d in self.children)

    def get_batch_size(self):
        return self.children[0].get_batch_size()

    def _blocks(self, ctx):
        gens = [d._blocks(ctx) for d in self.children]
        bufs = [[] for _ in gens]       # pending (cols, n) pieces per child
        have = [0] * len(gens)
        done = False
        while not done:
            for k, g in enumerate(gens):
                while have[k] == 0:
                    nxt = next(g, None)
                    if nxt is None:
                        done = True
                        break
                    if nxt[1]:
                        bufs[k].append(nxt)
                        have[k] += nxt[1]
                if done:
                    break
            if done:
                return
            m = min(have)
            out = []
            for k in range(len(gens)):
                pieces = bufs[k]
                ncol = len(pieces[0][0])
                merged = [_concat_cols([p[0][j] for p in pieces], "") for j in range(ncol)]
                out.extend(c[:m] for c in merged)
                rest = have[k] - m
                bufs[k] = [([c[m:] for c in merged], rest)] if rest else []
                have[k] = rest
            yield out, m


def _check_zip_datasets(datasets):
    if len(datasets) <= 1:
        raise ValueError("Can't zip empty or just one dataset!")
    for d in datasets:
        if not isinstance(d, Dataset):
            raise TypeError(f"Invalid dataset, expected Dataset object, but got {type(d)}!")


def zip(datasets):  # noqa: A001 - MindSpore's name
    """``mindspore.dataset.zip``: the datasets of the tuple ``datasets`` (at least two) side by side."""
    _arg_type(datasets, "datasets", (tuple,))
    _check_zip_datasets(datasets)
    return ZipDataset(list(datasets))


def _zip(self, datasets):
    """This dataset and ``datasets`` (a Dataset or a tuple of them) side by side."""
    _arg_type(datasets, "datasets", (tuple, Dataset))
    if isinstance(datasets, Dataset):
        datasets = (datasets,)
    others = list(datasets)
    _check_zip_datasets([self] + others)
    return ZipDataset([self] + others)


# ---------------------------------------------------------------------------------------------- split
def _split_sizes(ds, sizes):
    """MindSpore's absolute split sizes: counts must sum to the size; fractions are rounded, the missing rows
    go to the first split, extra rows come off the first split that keeps at least one row."""
    total = ds.get_dataset_size()
    if total is None or total <= 0:
        raise RuntimeError("dataset_size is unknown, unable to split.")
    if all(isinstance(s, int) for s in sizes):
        if sum(sizes) != total:
            raise RuntimeError(f"Sum of split sizes {sum(sizes)} is not equal to dataset size {total}.")
        return list(sizes)
    out = []
    for s in sizes:
        k = int(round(s * total))
        if k == 0:
            raise RuntimeError(f"Split percentage {s} is too small.")
        out.append(k)
    diff = total - sum(out)
    if diff > 0:
        out[0] += diff
    else:
        for i in range(len(out)):
            if out[i] + diff > 0:
                out[i] += diff
                break
    if sum(out) != total:
        raise RuntimeError(f"Sum of calculated split sizes {sum(out)} is not equal to dataset size {total}.")
    return out


class _FixedCtx(_Ctx):
    """A context whose random generators are the same every epoch and in every split of one ``split`` call: the
    ``k``-th generator asked for is seeded with ``(seed, k)``. A split that reads a (shuffled) pipeline through it
    sees the same rows in the same order as its sibling splits do, every epoch."""
    __slots__ = ("seed", "calls")

    def __init__(self, seed, calls, chunk, peek, epoch, pass_no):
        super().__init__(chunk, peek, epoch, pass_no)
        self.seed, self.calls = seed, calls

    def with_chunk(self, chunk):
        return _FixedCtx(self.seed, self.calls, chunk, self.peek, self.epoch, self.pass_no)

    def with_pass(self, pass_no):
        return _FixedCtx(self.seed, self.calls, self.chunk, self.peek, self.epoch, pass_no)

    def rng(self):
        if self.peek:
            return np.random.default_rng(0)
        k = self.calls[0]
        self.calls[0] += 1
        return np.random.default_rng([self.seed, k])


class _PickDataset(_Unary):
    """The rows of ``child`` at positions ``idx`` (in that order), read with generators fixed by ``seed``: one
    split of a pipeline that is not a random-access source."""

    def __init__(self, child, idx, seed):
        super().__init__(child)
        self._idx, self._seed = np.asarray(idx, dtype=np.int64), seed

    def _static_size(self):
        return len(self._idx)

    def _blocks(self, ctx):
        fixed = _FixedCtx(self._seed, [0], max(ctx.chunk, 2048), ctx.peek, ctx.epoch, 0)
        pieces = [(cols, n) for cols, n in self.child._blocks(fixed) if n]
        if not pieces or not len(self._idx):
            return
        ncol = len(pieces[0][0])
        full = [_concat_cols([p[0][j] for p in pieces], "") for j in range(ncol)]
        step = max(1, ctx.chunk)
        for s in range(0, len(self._idx), step):
            sel = self._idx[s:s + step]
            yield [_take(c, sel) for c in full], len(sel)


def _source_split(src, sel):
    """A copy of the random-access source ``src`` that reads its rows ``sel`` (source indices), in that order,
    every epoch."""
    part = copy.copy(src)
    part._size_cache = None
    part._indices = lambda ctx, sel=np.asarray(sel, dtype=np.int64): sel
    return part


def _split(self, sizes, randomize=True):
    """Non-overlapping datasets of ``sizes`` rows (ints summing to the size, or fractions summing to 1).

    ``randomize`` draws one permutation of the rows (from ``minispore.dataset.config``'s seed; it is not
    MindSpore's permutation, whose C++ generator minispore does not reproduce) that every epoch keeps. As in
    MindSpore, the splits of a random-access source partition it and keep their rows every epoch even when it is
    shuffled; a shuffled pipeline above the source is read with the same generators by every split and epoch."""
    _arg_type(sizes, "sizes", (list,))
    _arg_type(randomize, "randomize", (bool,))
    if not sizes:
        raise ValueError("sizes cannot be empty.")
    all_int = all(isinstance(s, int) and not isinstance(s, bool) for s in sizes)
    all_float = all(isinstance(s, float) for s in sizes)
    if not (all_int or all_float):
        raise ValueError("sizes should be list of int or list of float.")
    if all_int and not all(s > 0 for s in sizes):
        raise ValueError("sizes is a list of int, but there should be no negative or zero numbers.")
    if all_float:
        if not all(0 < s <= 1 for s in sizes):
            raise ValueError("sizes is a list of float, but there should be no numbers outside the range (0, 1].")
        if not abs(sum(sizes) - 1) < 1e-5:
            raise ValueError("sizes is a list of float, but the percentages do not sum up to 1.")
    if self.is_sharded():
        raise RuntimeError("Dataset should not be sharded before split.")
    absolute = _split_sizes(self, sizes)
    total = sum(absolute)
    rng = config._epoch_rng()
    perm = rng.permutation(total) if randomize else np.arange(total)
    mappable = isinstance(self, _IndexedSource) and getattr(self, "_random_access", True)
    if mappable:
        # a random-access source: each split reads its own rows of one fixed order of the source (its shuffle,
        # sampler and num_samples drawn once, here), so the splits partition it and keep their rows every epoch
        order = np.asarray(self._indices(_Ctx()), dtype=np.int64)
    seed = int(rng.integers(0, 2 ** 63 - 1))
    out, start = [], 0
    for size in absolute:
        pick = perm[start:start + size]
        if mappable:
            out.append(_source_split(self, order[pick]))
        elif not randomize:
            d = self.skip(start) if start else self
            out.append(_PickDataset(d.take(size), np.arange(size), seed) if self.is_shuffled() else d.take(size))
        else:
            out.append(_PickDataset(self, pick, seed))
        start += size
    return tuple(out)


# ---------------------------------------------------------------------------------------------- apply, flat_map
def _apply(self, apply_func):
    """``apply_func(self)``, which must return a Dataset."""
    if not callable(apply_func):
        raise TypeError("apply_func must be a function.")
    d = apply_func(self)
    if not isinstance(d, Dataset):
        raise TypeError("apply_func must return a dataset.")
    return d


def _flat_map(self, func):
    """``func(*row)`` (NumPy arrays) for every row, which must return a Dataset; the results concatenated.
    As in MindSpore, the rows are read when ``flat_map`` is called."""
    if not callable(func):
        raise TypeError("func must be a function.")
    result = None
    for row in self.create_tuple_iterator(num_epochs=1, output_numpy=True):
        d = func(*row)
        if result is None:
            result = d
        else:
            if not isinstance(d, Dataset) or not isinstance(result, Dataset):
                raise TypeError("flat_map must return a Dataset object.")
            result = result + d
    if not isinstance(result, Dataset):
        raise TypeError("flat_map must return a Dataset object.")
    return result


# ---------------------------------------------------------------------------------------------- bucketing
class BucketBatchByLengthDataset(_Unary):
    def __init__(self, child, column_names, boundaries, batch_sizes, length_fn, pad_info, pad_to_boundary,
                 drop_remainder):
        super().__init__(child)
        names = child._names()
        missing = [c for c in column_names if c not in names]
        if missing:
            raise RuntimeError(f"Invalid parameter, column name: {missing[0]} does not exist in the dataset "
                               f"columns {names} (bucket_batch_by_length's column_names).")
        self._in_idx = [names.index(c) for c in column_names]
        self._bounds, self._sizes, self._fn = list(boundaries), list(batch_sizes), length_fn
        pad = _check_pad_info(pad_info, names, "bucket_batch_by_length")
        # MindSpore 2.10 pads every column to the longest of its batch when pad_info is None (its docstring says
        # None means no padding) as well as when it is {}; a non-empty pad_info pads only the columns it names
        self._pad = pad or {c: (None, None) for c in names}
        self._to_boundary, self._drop = pad_to_boundary, drop_remainder
        self._col0 = column_names[0]

    def _static_size(self):
        return None

    def _length(self, args):
        if self._fn is None:
            a = args[0]
            if a.ndim == 0:
                # MindSpore 2.10 takes an integer scalar's value as its length (its docstring says 0)
                return int(a) if a.dtype.kind in "iu" else 0
            return a.shape[0]
        try:
            r = self._fn(*args)
        except Exception as e:  # noqa: BLE001
            raise RuntimeError(f"bucket_batch_by_length: element_length_function {_name_of(self._fn)} failed: "
                               f"{type(e).__name__}: {e}") from e
        a = np.asarray(r)
        if a.ndim or a.dtype.kind not in "iu":
            raise RuntimeError(f"bucket_batch_by_length: element_length_function must return an int, but "
                               f"returned {_short(r)}.")
        return int(a)

    def _bucket(self, length):
        if length < 0:
            raise RuntimeError(f"Invalid element_length_function, element_length_function must return an integer "
                               f"greater than or equal to 0, but got {length}.")
        for k, b in enumerate(self._bounds):
            if length < b:
                return k
        return len(self._bounds)

    def _emit(self, rows, k):
        names = self.child._names()
        out = []
        for j, name in enumerate(names):
            col = [r[j] for r in rows]
            if name in self._pad:
                shape, value = self._pad[name]
                if self._to_boundary and shape is not None and shape[0] is None:
                    # a pad shape of None (the whole shape) stays the longest, as in MindSpore 2.10
                    if k == len(self._bounds):
                        raise RuntimeError(f"bucket_batch_by_length: pad_to_bucket_boundary is True but a row "
                                           f"of column '{name}' falls in the last bucket (its length is at least "
                                           f"{self._bounds[-1]}, the largest boundary), which has no boundary to "
                                           f"pad to.")
                    shape = [self._bounds[k] - 1] + list(shape[1:])
                out.append(_pad_batch(col, name, (shape, value), "bucket_batch_by_length"))
            else:
                out.append(_stack_batch(col, name, "bucket_batch_by_length"))
        return [c[None] for c in out], 1

    def _blocks(self, ctx):
        buckets = [[] for _ in self._sizes]
        for cols, n in self.child._blocks(ctx):
            for i in range(n):
                row = [_row(c, i) for c in cols]
                k = self._bucket(self._length([row[j] for j in self._in_idx]))
                buckets[k].append(row)
                if len(buckets[k]) == self._sizes[k]:
                    yield self._emit(buckets[k], k)
                    buckets[k] = []
        if not self._drop:
            for k, rows in enumerate(buckets):
                if rows:
                    yield self._emit(rows, k)


def _bucket_batch_by_length(self, column_names, bucket_boundaries, bucket_batch_sizes,
                            element_length_function=None, pad_info=None, pad_to_bucket_boundary=False,
                            drop_remainder=False):
    """Batch rows by length: a row of length L goes to the bucket ``i`` with ``boundaries[i-1] <= L <
    boundaries[i]``, whose batches hold ``bucket_batch_sizes[i]`` rows."""
    for v, nm in ((column_names, "column_names"), (bucket_boundaries, "bucket_boundaries"),
                  (bucket_batch_sizes, "bucket_batch_sizes")):
        _arg_type(v, nm, (list,))
    for v, nm in ((pad_to_bucket_boundary, "pad_to_bucket_boundary"), (drop_remainder, "drop_remainder")):
        _arg_type(v, nm, (bool,))
    column_names = _col_list(column_names, "column_names", "bucket_batch_by_length")
    if element_length_function is None and len(column_names) != 1:
        raise ValueError("If element_length_function is not specified, exactly one column name should be passed.")
    if element_length_function is not None and not callable(element_length_function):
        raise TypeError("element_length_function object is not callable.")
    if not bucket_boundaries:
        raise ValueError("bucket_boundaries cannot be empty.")
    if not all(isinstance(b, int) and not isinstance(b, bool) for b in bucket_boundaries):
        raise TypeError("bucket_boundaries should be a list of int.")
    if not all(b > 0 for b in bucket_boundaries):
        raise ValueError("bucket_boundaries must only contain positive numbers.")
    if any(not b2 > b1 for b1, b2 in _builtin_zip(bucket_boundaries, bucket_boundaries[1:])):
        raise ValueError("bucket_boundaries should be strictly increasing.")
    if len(bucket_batch_sizes) != len(bucket_boundaries) + 1:
        raise ValueError("bucket_batch_sizes must contain one element more than bucket_boundaries.")
    if not all(isinstance(b, int) and not isinstance(b, bool) for b in bucket_batch_sizes):
        raise TypeError("bucket_batch_sizes should be a list of int.")
    if not all(b > 0 for b in bucket_batch_sizes):
        raise ValueError("bucket_batch_sizes should be a list of positive numbers.")
    return BucketBatchByLengthDataset(self, column_names, bucket_boundaries, bucket_batch_sizes,
                                      element_length_function, pad_info, pad_to_bucket_boundary, drop_remainder)


# ---------------------------------------------------------------------------------------------- information
def _is_shuffled(self):
    """Whether the dataset or one of its inputs shuffles."""
    from .engine import ShuffleDataset
    if isinstance(self, ShuffleDataset):
        return True
    if isinstance(self, _IndexedSource):
        sampler = getattr(self, "_sampler", None)
        if sampler is not None:
            from .samplers import DistributedSampler, RandomSampler, SubsetRandomSampler
            if isinstance(sampler, DistributedSampler):
                return sampler.shuffle
            return isinstance(sampler, (RandomSampler, SubsetRandomSampler))
        return bool(getattr(self, "_shuffle", False))
    return any(c.is_shuffled() for c in self.children)


def _is_sharded(self):
    """Whether the dataset or one of its inputs reads a shard (``num_shards`` > 1)."""
    if isinstance(self, _IndexedSource):
        shards = getattr(self, "_num_shards", None)
        if shards is not None:
            return shards > 1
        sampler = getattr(self, "_sampler", None)
        n = getattr(sampler, "num_shards", None) if sampler is not None else None
        return n is not None and n > 1
    return any(c.is_sharded() for c in self.children)


def _num_classes(self):
    """The number of classes of the source (an ``ImageFolderDataset``), or None."""
    n = len(self.get_class_indexing())
    return n if n else None


def _reset(self):
    """Reset the dataset for the next epoch (nothing to do: every iteration starts afresh)."""


# ---------------------------------------------------------------------------------------------- save
_SAVE_TYPES = {"int32": "int32", "int64": "int64", "float32": "float32", "float64": "float64"}


def _save_shape(name, values):
    """The MindRecord shape of an array column: [-1] for vectors, the rows' shape, or -1 for a first axis that
    varies (MindRecord allows only one unknown axis)."""
    shapes = {np.shape(v) for v in values}
    ranks = {len(sh) for sh in shapes}
    if len(ranks) > 1:
        raise RuntimeError(f"save: the rows of column '{name}' have different ranks {sorted(ranks)}; MindRecord "
                           f"stores a column of one rank.")
    first = next(iter(shapes))
    if len(first) == 1:
        return [-1]
    if len(shapes) == 1:
        return list(first)
    if len({sh[1:] for sh in shapes}) > 1:
        raise RuntimeError(f"save: the rows of column '{name}' differ in shape beyond their first axis (e.g. "
                           f"{sorted(shapes)[:2]}); MindRecord allows only the first axis to vary.")
    return [-1] + list(first[1:])


def _save(self, file_name, num_files=1, file_type="mindrecord"):
    """Write the rows to MindRecord ``file_name`` (``num_files`` shards), readable by ``MindDataset``.

    Numeric columns become int32/int64/float32/float64 fields (other integer and float types widen to them, as
    in MindSpore), 0-d string columns string fields, 0-d bytes columns bytes fields; arrays keep their shape."""
    from ..mindrecord import FileWriter
    _arg_type(file_name, "file_name", (str,))
    _arg_type(num_files, "num_files", (int,))
    if not 1 <= num_files <= 1000:
        raise ValueError(f"num_files should between 0 and 1000, but got {num_files}.")
    if file_type != "mindrecord":
        raise ValueError(f"{file_type} dataset format is not supported.")
    names = self.get_col_names()
    rows = list(self.create_tuple_iterator(num_epochs=1, output_numpy=True))
    schema, conv = {}, []
    first = rows[0] if rows else None
    if first is None:
        raise RuntimeError("save: the dataset is empty, there is nothing to save.")
    for j, (name, a) in enumerate(_builtin_zip(names, first)):
        kind = a.dtype.kind
        if kind in "US":
            if a.ndim:
                raise RuntimeError(f"save: column '{name}' holds an array of strings, which MindRecord cannot "
                                   f"store.")
            schema[name] = {"type": "string" if kind == "U" else "bytes"}
            conv.append((lambda v: str(v.item())) if kind == "U" else (lambda v: bytes(v.item())))
            continue
        if kind == "b" or kind in "iu":
            t = "int32" if a.dtype.itemsize <= 4 and not (kind == "u" and a.dtype.itemsize == 4) else "int64"
        elif kind == "f":
            t = "float32" if a.dtype.itemsize <= 4 else "float64"
        else:
            raise RuntimeError(f"save: column '{name}' has the type {a.dtype}, which MindRecord cannot store.")
        entry = {"type": t}
        if a.ndim:
            entry["shape"] = _save_shape(name, [r[j] for r in rows])
        schema[name] = entry
        conv.append((lambda v, t=t: _cast_exactly(v, t)) if a.ndim else
                    (lambda v, t=t: _cast_exactly(v, t).item()))
    records = []
    groups = [_kind_group(a.dtype.kind) for a in first]
    for i, r in enumerate(rows):
        rec = {}
        for n, f, v, g in _builtin_zip(names, conv, r, groups):
            try:
                if _kind_group(v.dtype.kind) != g:
                    raise TypeError(f"its values are {v.dtype}, the column's are {g}")
                rec[n] = f(v)
            except (TypeError, ValueError) as e:
                raise RuntimeError(f"save: row {i} of column '{n}' ({v.dtype}, shape {v.shape}) does not match the "
                                   f"column's type in the first row ({schema[n]}): {e}") from None
        records.append(rec)
    # every row is converted before the writer opens a file: a row that does not fit leaves nothing behind
    writer = FileWriter(file_name, num_files, overwrite=False)
    writer.add_schema(schema, "minispore dataset")
    writer.write_raw_data(records)
    writer.commit()


def _kind_group(kind):
    return {"b": "integers", "i": "integers", "u": "integers", "f": "floats", "U": "strings", "S": "bytes"}.get(kind,
                                                                                                              kind)


def _cast_exactly(v, t):
    """``v`` as MindRecord's type ``t``, refusing what the cast would change: an integer out of ``t``'s range, a
    finite float that overflows it."""
    target = np.dtype(t)
    if v.dtype.kind in "biu" and v.size and target.kind == "i":
        info = np.iinfo(target)
        if int(v.min()) < info.min or int(v.max()) > info.max:
            raise ValueError(f"its values [{v.min()}, {v.max()}] do not fit {t}")
    with np.errstate(over="ignore", invalid="ignore"):
        out = v.astype(t)
    if v.dtype.kind == "f" and v.size and not np.array_equal(np.isfinite(out), np.isfinite(v)):
        raise ValueError(f"its values overflow {t}")
    return out


for _name, _fn in (("filter", _filter), ("zip", _zip), ("split", _split), ("apply", _apply),
                   ("flat_map", _flat_map), ("bucket_batch_by_length", _bucket_batch_by_length),
                   ("is_shuffled", _is_shuffled), ("is_sharded", _is_sharded), ("num_classes", _num_classes),
                   ("reset", _reset), ("save", _save)):
    _fn.__name__ = _fn.__qualname__ = _name
    setattr(Dataset, _name, _fn)
del _name, _fn
