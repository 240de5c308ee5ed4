"""The dataset pipeline: lazy, composable nodes that stream *blocks* of samples.

A block is ``(cols, n)``: one entry per column, each an ndarray whose first axis runs over the block's ``n``
samples (or, for a column whose samples differ in shape, a Python list of ``n`` arrays). Sources cut their
(shuffled) samples into blocks of a few thousand; ``map`` with built-in transforms runs once per block on the
whole array; Python callables given to ``map`` still see one sample at a time, as in MindSpore. ``batch``
emits blocks of one sample (the batch), mostly as zero-copy slices of the upstream blocks, whose size it aligns
to a multiple of the batch size.

Nothing runs until a dataset is iterated; each iteration (``for``, a new ``create_*_iterator``, each pass of a
``repeat``) is a new epoch, with a fresh shuffle drawn from ``minispore.dataset.config``'s seeded generator.
"""
import numbers
import sys

import numpy as np

from .._core import backend
from .._core import dtype as mstype
from .._core.tensor import Tensor, _wrap
from . import config
from .samplers import DistributedSampler, Sampler
from .transforms.transforms import Compose, TensorOperation

_CHUNK = 2048
_INT32_MAX = 2147483647


# ---------------------------------------------------------------------------------------------- helpers
class _Ctx:
    """Per-iteration settings passed down the pipeline: the block size wanted, ``peek`` (no shuffling and
    a throwaway generator: used to look at the first row or to count rows without touching the seed),
    ``epoch``, the iterator's epoch (what ``BatchInfo.get_epoch_num`` gives), and ``pass_no``, the index of
    this pass over the node's source, counting each pass of a ``repeat`` (what sharded shuffling is seeded
    with, so that every pass is reshuffled)."""
    __slots__ = ("chunk", "peek", "epoch", "pass_no")

    def __init__(self, chunk=_CHUNK, peek=False, epoch=0, pass_no=None):
        self.chunk, self.peek, self.epoch = chunk, peek, epoch
        self.pass_no = epoch if pass_no is None else pass_no

    def with_chunk(self, chunk):
        return _Ctx(chunk, self.peek, self.epoch, self.pass_no)

    def with_pass(self, pass_no):
        return _Ctx(self.chunk, self.peek, self.epoch, pass_no)

    def rng(self):
        return np.random.default_rng(0) if self.peek else config._epoch_rng()


def _row(col, i):
    """Sample ``i`` of a column, always an ndarray (0-d for scalars)."""
    if isinstance(col, np.ndarray):
        return col[i, ...]
    return col[i]


def _take(col, idx):
    if isinstance(col, np.ndarray):
        return col[idx]
    return [col[i] for i in idx]


def _slice(col, a, b):
    return col[a:b]


def _to_np(x, name=None):
    """``x`` as an ndarray; values NumPy can only hold as ``object`` (None, dicts, ragged lists ...) are
    rejected with a TypeError naming the column ``name``."""
    if isinstance(x, np.ndarray):
        if x.dtype == object:
            raise TypeError(_object_msg(x, name))
        return x
    if isinstance(x, Tensor):
        return x._data
    if isinstance(x, bool):
        return np.array(x)
    if isinstance(x, numbers.Integral) and not isinstance(x, np.generic):
        return np.array(x, dtype=np.int64)
    if isinstance(x, float):
        return np.array(x, dtype=np.float64)
    where = f" in column '{name}'" if name is not None else ""
    try:
        a = np.asarray(x)
    except Exception as e:  # noqa: BLE001
        raise TypeError(f"cannot convert a value of type {type(x).__name__}{where} to a NumPy array: {e}") from None
    if a.dtype == object:
        raise TypeError(_object_msg(x, name))
    return a


def _object_msg(x, name):
    where = f"column '{name}'" if name is not None else "a column"
    return (f"{where} got a value of type {type(x).__name__} ({_short(x)}), which is not a tensor: a row value must "
            f"be a NumPy array, a Tensor, a number, a string or a (nested, rectangular) list of them.")


def _short(x):
    r = repr(x)
    return r if len(r) <= 60 else r[:57] + "..."


def _stack(rows):
    """Stack per-sample arrays into one block column; ragged samples stay a list."""
    if not rows:
        return []
    first = rows[0]
    shape, dt = first.shape, first.dtype
    for a in rows:
        if a.shape != shape or a.dtype != dt:
            return list(rows)
    return np.stack(rows)


def _is_pil(x):
    """Is ``x`` a PIL image? (Without importing Pillow: if it is not loaded, nothing is a PIL image.)"""
    mod = sys.modules.get("PIL.Image")
    return mod is not None and isinstance(x, mod.Image)


def _stack_rows(rows):
    """``_stack`` for the results of a transform, which may be PIL images (kept as a list)."""
    if all(isinstance(r, np.ndarray) for r in rows):
        return _stack(rows)
    return list(rows)


def _unpil(col):
    """A map's output column with its PIL images made NumPy arrays (what MindSpore does at the end of a map)."""
    if isinstance(col, list) and any(_is_pil(r) for r in col):
        return _stack([np.asarray(r) if _is_pil(r) else r for r in col])
    return col


def _stack_batch(rows, name, op="batch"):
    if not rows:
        return np.empty((0,))
    shape, dt = rows[0].shape, rows[0].dtype
    for i, a in enumerate(rows):
        if a.shape != shape:
            raise RuntimeError(f"{op}: cannot batch tensors with different shapes in column '{name}': the first "
                               f"element has shape {shape} and element {i} has shape {a.shape}.")
        if a.dtype != dt:       # MindSpore does not promote (a column of 1 and 2.5 is int64 then float64)
            raise RuntimeError(f"{op}: cannot batch tensors with different types in column '{name}': the first "
                               f"element has type {dt} and element {i} has type {a.dtype}.")
    try:
        return np.stack(rows)
    except Exception as e:  # noqa: BLE001
        raise RuntimeError(f"{op}: cannot batch column '{name}': {e}") from None


def _concat_cols(pieces, name):
    """Concatenate block columns (arrays or lists) along the sample axis."""
    if len(pieces) == 1:
        return pieces[0]
    if all(isinstance(p, np.ndarray) for p in pieces):
        shapes = {p.shape[1:] for p in pieces}
        dts = {p.dtype for p in pieces}
        if len(shapes) == 1 and len(dts) == 1:
            return np.concatenate(pieces)
    rows = []
    for p in pieces:
        rows.extend(_row(p, i) for i in range(len(p)))
    return _stack(rows)


def _check_int(value, name, op, lo, hi=_INT32_MAX, allow=()):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"For '{op}', {name} must be an int, but got {value!r} of type {type(value).__name__}.")
    value = int(value)
    if value in allow:
        return value
    if not lo <= value <= hi:
        raise ValueError(f"For '{op}', {name} {value} is not within the required interval of [{lo}, {hi}].")
    return value


def _col_list(cols, name, op):
    if isinstance(cols, str):
        return [cols]
    if isinstance(cols, (list, tuple)) and cols and all(isinstance(c, str) for c in cols):
        if len(set(cols)) != len(cols):
            raise ValueError(f"For '{op}', {name} contains duplicate column names: {list(cols)}.")
        return list(cols)
    raise TypeError(f"For '{op}', {name} must be a column name or a non-empty list of column names, "
                    f"but got {cols!r}.")


def _name_of(op):
    return getattr(op, "__name__", None) or type(op).__name__


# ---------------------------------------------------------------------------------------------- base class
class Dataset:
    """Base of every dataset: the pipeline methods (``map``, ``batch`` ...) and the iterators."""

    def __init__(self, children=()):
        self.children = list(children)
        self._size_cache = None

    # -- to implement by nodes
    def _names(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _blocks(self, ctx):  # pragma: no cover - abstract
        raise NotImplementedError

    def _static_size(self):
        """Number of rows if known without iterating, else None."""
        return None

    # -- pipeline
    def map(self, operations, input_columns=None, output_columns=None, num_parallel_workers=None,
            python_multiprocessing=False, cache=None, callbacks=None, max_rowsize=16, offload=None):
        """Apply ``operations`` (a callable or a list) to ``input_columns`` (default: the first column)."""
        config.check_num_parallel_workers(num_parallel_workers, "map")
        return MapDataset(self, operations, input_columns, output_columns)

    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, per_batch_map=None,
              input_columns=None, output_columns=None, python_multiprocessing=False, max_rowsize=16,
              pad_info=None):
        """Stack ``batch_size`` consecutive rows (the last batch may be smaller unless ``drop_remainder``).

        ``pad_info`` pads variable-length columns as :meth:`padded_batch` does. (MindSpore 2.10's ``batch`` no
        longer takes it -- it is a TypeError there; minispore keeps the MindSpore 1.x argument, and code meant
        for MindSpore 2.10 should call ``padded_batch``.)"""
        config.check_num_parallel_workers(num_parallel_workers, "batch")
        return BatchDataset(self, batch_size, drop_remainder, per_batch_map, input_columns, output_columns,
                            pad_info)

    def padded_batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, pad_info=None):
        """Batch rows after padding them: ``pad_info={"col": (shape, pad_value)}`` pads (or truncates) each
        sample of ``col`` at the end of each axis to ``shape`` (None, or None entries: the longest in the batch)
        with ``pad_value`` (None: 0, or '' for strings). ``pad_info={}`` pads every column to the longest; None
        pads nothing. Columns not named in a non-empty ``pad_info`` are not padded (MindSpore 2.10's docstring says they are padded to the longest, but
        it batches them unpadded, failing on samples of different shapes; minispore does the same)."""
        config.check_num_parallel_workers(num_parallel_workers, "padded_batch")
        return BatchDataset(self, batch_size, drop_remainder, None, None, None, pad_info, padded=True)

    def shuffle(self, buffer_size):
        """Shuffle rows through a buffer of ``buffer_size`` rows (a full shuffle when it holds the dataset)."""
        return ShuffleDataset(self, buffer_size)

    def repeat(self, count=None):
        """Repeat the dataset ``count`` times (None or -1: forever); each pass is a new, reshuffled epoch."""
        return RepeatDataset(self, count)

    def take(self, count=-1):
        """The first ``count`` rows (-1: all)."""
        return TakeDataset(self, count)

    def skip(self, count):
        """All but the first ``count`` rows."""
        return SkipDataset(self, count)

    def project(self, columns):
        """Keep only ``columns``, in that order."""
        return ProjectDataset(self, columns)

    def rename(self, input_columns, output_columns):
        """Rename columns."""
        return RenameDataset(self, input_columns, output_columns)

    def concat(self, datasets):
        """This dataset followed by ``datasets`` (one or a list), which must have the same columns."""
        if isinstance(datasets, Dataset):
            datasets = [datasets]
        if not isinstance(datasets, (list, tuple)) or not all(isinstance(d, Dataset) for d in datasets):
            raise TypeError(f"For 'concat', datasets must be a Dataset or a list of Datasets, but got {datasets!r}.")
        return ConcatDataset([self, *datasets])

    def __add__(self, other):
        return self.concat(other)

    # -- information
    def get_col_names(self):
        """Column names, in order."""
        return list(self._names())

    def get_dataset_size(self):
        """Number of rows (of batches, after ``batch``)."""
        if self._size_cache is None:
            size = self._static_size()
            if size is None:
                size = sum(n for _, n in self._blocks(_Ctx(peek=True)))
            self._size_cache = size
        return self._size_cache

    def __len__(self):
        return self.get_dataset_size()

    def get_batch_size(self):
        """The batch size (1 before any ``batch``)."""
        for child in self.children:
            return child.get_batch_size()
        return 1

    def get_class_indexing(self):
        """``{class name: label}`` of the source (an ``ImageFolderDataset``), through the pipeline; ``{}`` for
        sources without named classes."""
        for child in self.children:
            return child.get_class_indexing()
        return {}

    def get_repeat_count(self):
        for child in self.children:
            return child.get_repeat_count()
        return 1

    def _first_row(self, op):
        for cols, n in self._blocks(_Ctx(chunk=1, peek=True)):
            if n:
                return [_row(c, 0) for c in cols]
        raise RuntimeError(f"{op}: the dataset is empty, there is no row to look at.")

    def output_shapes(self, estimate=False):
        """Shapes of the first row's columns, as lists of ints."""
        return [list(a.shape) for a in self._first_row("output_shapes")]

    def output_types(self):
        """NumPy dtypes of the first row's columns."""
        return [a.dtype for a in self._first_row("output_types")]

    # -- iteration
    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=False):
        """Iterator of rows as lists of Tensors (ndarrays with ``output_numpy``); ``columns`` picks and orders
        columns. Iterating it again starts the next epoch (``num_epochs`` of them, -1: no limit)."""
        return _Iterator(self, columns, num_epochs, output_numpy, as_dict=False)

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=False):
        """Iterator of rows as ``{column name: Tensor}`` dicts."""
        return _Iterator(self, None, num_epochs, output_numpy, as_dict=True)

    def __iter__(self):
        return _Iterator(self, None, 1, False, as_dict=False)

    def device_que(self, *args, **kwargs):
        return self

    def __repr__(self):
        return f"<{type(self).__name__} columns={self._names()}>"


class _Iterator:
    def __init__(self, dataset, columns, num_epochs, output_numpy, as_dict):
        names = dataset.get_col_names()
        if columns is None:
            self._sel = list(range(len(names)))
            self._cols = names
        else:
            columns = _col_list(columns, "columns", "create_tuple_iterator")
            missing = [c for c in columns if c not in names]
            if missing:
                raise RuntimeError(f"For 'create_tuple_iterator', columns {missing} do not exist in the dataset "
                                   f"columns {names}.")
            self._sel = [names.index(c) for c in columns]
            self._cols = columns
        if isinstance(num_epochs, bool) or not isinstance(num_epochs, (int, np.integer)) or (
                num_epochs != -1 and num_epochs < 1):
            raise ValueError(f"For 'create_tuple_iterator', num_epochs must be -1 or a positive int, "
                             f"but got {num_epochs!r}.")
        self._ds = dataset
        self._num_epochs = int(num_epochs)
        self._numpy = bool(output_numpy)
        self._dict = as_dict
        self._epoch = 0
        self._gen = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._gen is None:
            if 0 < self._num_epochs <= self._epoch:
                raise RuntimeError(f"The iterator has already run its num_epochs={self._num_epochs} epoch(s): "
                                   f"fetching data beyond the specified number of epochs.")
            self._gen = self._rows()
        try:
            return next(self._gen)
        except StopIteration:
            self._gen = None
            self._epoch += 1
            raise

    def _convert(self, a):
        if self._numpy:
            return _tight_str(a)
        if a.dtype in mstype._BY_NUMPY:
            return _wrap(a)
        return _tight_str(a)  # strings and other data Tensors cannot hold stay NumPy arrays

    def _rows(self):
        sel, cols_names, conv = self._sel, self._cols, self._convert
        for cols, n in self._ds._blocks(_Ctx(epoch=self._epoch)):
            picked = [cols[k] for k in sel]
            for i in range(n):
                row = [conv(_row(c, i)) for c in picked]
                yield dict(zip(cols_names, row)) if self._dict else row

    def get_next(self):
        return next(self)


def _tight_str(a):
    """A string array with the width of its longest string (at least 1), as MindSpore gives each row: the rows
    of a block share the block's width."""
    if a.dtype.kind == "U" and a.size:
        return np.array(a.tolist(), dtype=str)
    return a


# ---------------------------------------------------------------------------------------------- sources
def _check_sampling(num_samples, shuffle, sampler, num_shards, shard_id, op):
    if num_samples is not None:
        if isinstance(num_samples, bool) or not isinstance(num_samples, (int, np.integer)) or num_samples < 0:
            raise ValueError(f"For '{op}', num_samples must be a non-negative int (0 or None: all), "
                             f"but got {num_samples!r}.")
        num_samples = int(num_samples) or None
    if shuffle is not None and not isinstance(shuffle, bool):
        raise TypeError(f"For '{op}', shuffle must be a bool or None, but got {shuffle!r}.")
    if sampler is not None:
        if shuffle is not None:
            raise RuntimeError("sampler and shuffle cannot be specified at the same time.")
        if num_shards is not None:
            raise RuntimeError("sampler and sharding cannot be specified at the same time.")
        if isinstance(sampler, (list, tuple, np.ndarray)):
            from .samplers import SubsetSampler
            sampler = SubsetSampler(sampler)
        if not isinstance(sampler, Sampler):
            raise TypeError(f"For '{op}', sampler must be a minispore.dataset sampler or a list of indices, "
                            f"but got {sampler!r}.")
    if shard_id is not None and num_shards is None:
        raise RuntimeError("shard_id is specified but num_shards is not.")
    if num_shards is None and sampler is None:
        num_shards, shard_id = _rank_shard()
    if num_shards is not None:
        num_shards = _check_int(num_shards, "num_shards", op, 1)
        if shard_id is None:
            raise RuntimeError("num_shards is specified but shard_id is not.")
        shard_id = _check_int(shard_id, "shard_id", op, 0, num_shards - 1)
    return num_samples, shuffle, sampler, num_shards, shard_id


def _rank_shard():
    """In DATA_PARALLEL mode (after communication.init()), a source without a sampler or shards reads the shard
    of its rank: (group size, rank); else (None, None)."""
    from .. import context
    if not context._data_parallel():
        return None, None
    from ..communication import get_group_size, get_rank
    return get_group_size(), get_rank()


class _IndexedSource(Dataset):
    """A source of ``length`` random-accessible rows, read through a sampler or a (sharded) shuffle."""

    def _setup_sampling(self, num_samples, shuffle, sampler, num_shards, shard_id, op):
        (self._num_samples, shuffle, self._sampler, self._num_shards,
         self._shard_id) = _check_sampling(num_samples, shuffle, sampler, num_shards, shard_id, op)
        self._shuffle = True if shuffle is None else shuffle

    def _length(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _indices(self, ctx):
        n = self._length()
        rng = np.random.default_rng(0) if ctx is None or ctx.peek else ctx.rng()
        shuffle = self._shuffle and not (ctx is None or ctx.peek)
        if self._sampler is not None:
            idx = self._sampler._indices(n, rng, shuffle_ok=not (ctx is None or ctx.peek),
                                         epoch=0 if ctx is None else ctx.pass_no)
        elif self._num_shards is not None:
            idx = DistributedSampler(self._num_shards, self._shard_id, shuffle=shuffle)._indices(
                n, rng, epoch=0 if ctx is None else ctx.pass_no)
        elif shuffle:
            idx = rng.permutation(n)
        else:
            idx = np.arange(n)
        if self._num_samples is not None:
            idx = idx[:self._num_samples]
        return idx

    def _static_size(self):
        return len(self._indices(None))

    def get_batch_size(self):
        return 1


class _ArraySource(_IndexedSource):
    """Columns held in memory as arrays (NumpySlicesDataset, MnistDataset)."""

    def _columns(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _length(self):
        cols = self._columns()
        return len(cols[0]) if cols else 0

    def _blocks(self, ctx):
        cols = self._columns()
        idx = self._indices(ctx)
        step = max(1, ctx.chunk)
        for s in range(0, len(idx), step):
            sel = idx[s:s + step]
            yield [_take(c, sel) for c in cols], len(sel)


class NumpySlicesDataset(_ArraySource):
    """Rows sliced from in-memory data along its first axis.

    ``data``: a list (one column), a tuple (one column per element), a dict (``{name: values}``) or an ndarray.
    Columns are named ``column_0``, ``column_1`` ... unless ``column_names`` is given. Shuffled by default.
    """

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None):
        super().__init__()
        config.check_num_parallel_workers(num_parallel_workers, "NumpySlicesDataset")
        if isinstance(data, dict):
            names = [str(k) for k in data]
            values = list(data.values())
        elif isinstance(data, tuple):
            names, values = None, list(data)
        elif isinstance(data, (list, np.ndarray)):
            names, values = None, [data]
        elif isinstance(data, Tensor):
            names, values = None, [data._data]
        else:
            raise TypeError(f"For 'NumpySlicesDataset', data must be a list, tuple, dict or numpy.ndarray, "
                            f"but got {type(data).__name__}.")
        cols = []
        for i, v in enumerate(values):
            try:
                a = v._data if isinstance(v, Tensor) else backend.host_array(v)
            except ValueError as e:
                a = self._ragged(v, i, e)
                if a is not None:           # a list of samples of different shapes: a row per element
                    cols.append(a)
                    continue
                raise ValueError(f"For 'NumpySlicesDataset', column {i} is ragged and cannot be sliced: {e}") from None
            if a.ndim == 0:
                raise ValueError(f"For 'NumpySlicesDataset', column {i} is a scalar; it must have a first axis "
                                 f"to slice along.")
            cols.append(a)
        if len({len(c) for c in cols}) > 1:
            raise ValueError(f"Data length in each column is not equal: {[len(c) for c in cols]}.")
        if column_names is not None:
            column_names = _col_list(column_names, "column_names", "NumpySlicesDataset")
            if len(column_names) != len(cols):
                raise ValueError(f"Num of input column names is {len(column_names)}, but required is {len(cols)}.")
            names = column_names
        if names is None:
            names = [f"column_{i}" for i in range(len(cols))]
        self._cols, self._colnames = cols, names
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, "NumpySlicesDataset")

    @staticmethod
    def _ragged(v, i, err):
        """A list/tuple of arrays of different shapes (encoded images ...) as a list of ndarrays, or None."""
        if not isinstance(v, (list, tuple)):
            return None
        rows = []
        for x in v:
            try:
                a = _to_np(x)
            except (TypeError, ValueError):
                return None
            rows.append(a)
        return rows

    def _columns(self):
        return self._cols

    def _names(self):
        return self._colnames


class GeneratorDataset(_IndexedSource):
    """Rows from a Python ``source``: a generator function (called once per epoch), an iterable, or a
    random-accessible object (``__getitem__`` and ``__len__``; shuffled by default, samplers allowed).

    Each row is a tuple of arrays (one per column) or a single value for a single column. Python ints become
    int64 and floats float64, as in MindSpore; ``column_types`` casts.
    """

    def __init__(self, source, column_names=None, column_types=None, schema=None, num_samples=None,
                 num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 python_multiprocessing=True, max_rowsize=None):
        super().__init__()
        config.check_num_parallel_workers(num_parallel_workers, "GeneratorDataset")
        if column_names is None:
            if schema is None:
                raise ValueError("Neither columns_names nor schema are provided.")
            column_names = getattr(schema, "columns", None) or schema
        self._colnames = _col_list(column_names, "column_names", "GeneratorDataset")
        if column_types is not None:
            if not isinstance(column_types, (list, tuple)) or len(column_types) != len(self._colnames):
                raise ValueError(f"For 'GeneratorDataset', column_types must be a list with one type per column "
                                 f"({len(self._colnames)}), but got {column_types!r}.")
            column_types = [mstype.canonical(t).np_dtype for t in column_types]
        self._types = column_types
        self._random_access = hasattr(source, "__getitem__") and hasattr(source, "__len__")
        if not (self._random_access or callable(source) or hasattr(source, "__iter__")):
            raise TypeError("Input `source` function of GeneratorDataset should be callable, iterable or random "
                            "accessible, commonly it should implement one of the method like yield, __getitem__ "
                            "or __next__(__iter__).")
        if not self._random_access:
            if sampler is not None:
                raise ValueError("sampler is not supported if source does not have attribute '__getitem__'.")
            if num_shards is not None:
                raise ValueError("num_shards is not supported if source does not have attribute '__getitem__'.")
            shuffle = False if shuffle is None else shuffle
        self._source = source
        # A one-shot iterator (a generator object ...) can be read only once: the rows of its first pass are
        # kept and replayed by the later passes (counting rows, later epochs, repeat), as MindSpore does.
        self._one_shot = (not self._random_access and hasattr(source, "__iter__") and hasattr(source, "__next__")
                          and iter(source) is source)
        self._seen, self._exhausted = [], False
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, "GeneratorDataset")
        if not self._random_access:
            self._shuffle = False   # MindSpore ignores shuffle for a plain generator
            self._num_shards = self._shard_id = None    # nor is it sharded by rank (it has no random access)

    def _names(self):
        return self._colnames

    def _length(self):
        return len(self._source)

    def _static_size(self):
        if self._random_access:
            return super()._static_size()
        if hasattr(self._source, "__len__"):
            n = len(self._source)
            return n if self._num_samples is None else min(n, self._num_samples)
        return None

    def _convert_row(self, item):
        k = len(self._colnames)
        if isinstance(item, tuple) or (isinstance(item, list) and k > 1):
            vals = list(item)
        else:
            vals = [item]
        if len(vals) != k:
            raise RuntimeError(f"GeneratorDataset: the source returned a row of {len(vals)} column(s), but "
                               f"column_names has {k}: {self._colnames}.")
        try:
            vals = [_to_np(v, name) for v, name in zip(vals, self._colnames)]
        except TypeError as e:
            raise RuntimeError(f"GeneratorDataset: {e}") from None
        if self._types is not None:
            vals = [v.astype(t, copy=False) for v, t in zip(vals, self._types)]
        return vals

    def _rows(self, ctx):
        if self._random_access:
            for i in self._indices(ctx):
                try:
                    item = self._source[int(i)]
                except Exception as e:  # noqa: BLE001
                    raise RuntimeError(f"GeneratorDataset: source[{int(i)}] raised {type(e).__name__}: {e}") from e
                yield self._convert_row(item)
            return
        src = self._source
        limit = self._num_samples
        if self._one_shot:
            yield from self._replay_rows(limit)
            return
        it = iter(src() if callable(src) and not hasattr(src, "__iter__") else src)
        count = 0
        while limit is None or count < limit:
            try:
                item = next(it)
            except StopIteration:
                return
            except Exception as e:  # noqa: BLE001
                raise RuntimeError(f"GeneratorDataset: the source raised {type(e).__name__}: {e}") from e
            yield self._convert_row(item)
            count += 1

    def _replay_rows(self, limit):
        """The rows of a one-shot source: those already read (kept in ``_seen``), then new ones from it."""
        seen, i = self._seen, 0
        while limit is None or i < limit:
            if i == len(seen):
                if self._exhausted:
                    return
                try:
                    item = next(self._source)
                except StopIteration:
                    self._exhausted = True
                    return
                except Exception as e:  # noqa: BLE001
                    raise RuntimeError(f"GeneratorDataset: the source raised {type(e).__name__}: {e}") from e
                seen.append(self._convert_row(item))
            yield seen[i]
            i += 1

    def _blocks(self, ctx):
        k = len(self._colnames)
        buf = []
        for vals in self._rows(ctx):
            buf.append(vals)
            if len(buf) >= ctx.chunk:
                yield [_stack([r[j] for r in buf]) for j in range(k)], len(buf)
                buf = []
        if buf:
            yield [_stack([r[j] for r in buf]) for j in range(k)], len(buf)


# ---------------------------------------------------------------------------------------------- nodes
class _Unary(Dataset):
    def __init__(self, child):
        super().__init__([child])
        self.child = child

    def _names(self):
        return self.child._names()

    def _static_size(self):
        return self.child.get_dataset_size()


class MapDataset(_Unary):
    def __init__(self, child, operations, input_columns, output_columns):
        super().__init__(child)
        ops = list(operations) if isinstance(operations, (list, tuple)) else [operations]
        if not ops:
            raise ValueError("For 'map', operations must not be empty.")
        flat = []
        for op in ops:
            if isinstance(op, Compose):
                flat.extend(op._flat())
            elif callable(op):
                flat.append(op)
            else:
                raise ValueError(f"Parameter operations's element of method map should be a python function or "
                                 f"class method which should be callable, but got: {op!r}. It doesn't need "
                                 f"parentheses for python function or class method.")
        self._ops = flat
        names = child._names()
        in_cols = [names[0]] if input_columns is None else _col_list(input_columns, "input_columns", "map")
        missing = [c for c in in_cols if c not in names]
        if missing:
            raise RuntimeError(f"For 'map', input column(s) {missing} do not exist in the dataset columns {names}.")
        out_cols = in_cols if output_columns is None else _col_list(output_columns, "output_columns", "map")
        self._in, self._out = in_cols, out_cols
        self._in_idx = [names.index(c) for c in in_cols]
        if len(in_cols) == len(out_cols):
            new = list(names)
            for c, o in zip(in_cols, out_cols):
                new[names.index(c)] = o
            self._layout = [("out", out_cols.index(o)) if c in in_cols else ("in", names.index(c))
                            for c, o in zip(names, new)]
        else:
            new = list(out_cols) + [c for c in names if c not in in_cols]
            self._layout = [("out", j) for j in range(len(out_cols))] + [
                ("in", names.index(c)) for c in names if c not in in_cols]
        if len(set(new)) != len(new):
            raise ValueError(f"For 'map', the resulting column names {new} contain duplicates.")
        self._new_names = new

    def _names(self):
        return self._new_names

    def _apply(self, vals, n, rng):
        fresh = False    # is vals[0] an array the previous built-in transform of this map just allocated?
        for op in self._ops:
            if isinstance(op, TensorOperation):
                k = op._n_inputs
                if len(vals) != k:
                    raise RuntimeError(f"map: {type(op).__name__} takes {k} column(s), but got {len(vals)} "
                                       f"(input_columns {self._in}).")
                v = vals[0]
                try:
                    if k > 1:
                        vals = [c if isinstance(c, np.ndarray) else _stack_rows(c)
                                for c in op._batch_multi(vals, rng)]
                        fresh = False
                    elif isinstance(v, np.ndarray):
                        if fresh and op._inplace_ok:
                            vals = [op._batch(v, rng, inplace=True)]
                        else:
                            vals = [op._batch(v, rng)]
                        if isinstance(vals[0], list):
                            vals = [_stack_rows(vals[0])]
                        fresh = op._fresh_output and isinstance(vals[0], np.ndarray)
                    else:
                        vals = [_stack_rows([op._one(r, rng) for r in v])]
                        fresh = False
                except RuntimeError:
                    raise
                except Exception as e:  # noqa: BLE001
                    raise RuntimeError(f"map: {op!r} failed on column(s) {self._in}: {type(e).__name__}: {e}") from e
                continue
            fresh = False
            outs = None
            for i in range(n):
                args = [_row(v, i) for v in vals]
                try:
                    r = op(*args)
                except Exception as e:  # noqa: BLE001
                    raise RuntimeError(f"map: operation {_name_of(op)} failed on column(s) {self._in}: "
                                       f"{type(e).__name__}: {e}") from e
                r = list(r) if isinstance(r, tuple) else [r]
                if outs is None:
                    outs = [[] for _ in r]
                elif len(r) != len(outs):
                    raise RuntimeError(f"map: operation {_name_of(op)} returned {len(r)} values for one row and "
                                       f"{len(outs)} for another.")
                for j, (lst, a) in enumerate(zip(outs, r)):
                    if _is_pil(a):          # a PIL image goes on to the next operation as it is (as in MindSpore)
                        lst.append(a)
                        continue
                    try:
                        lst.append(_to_np(a, self._out[j] if len(r) == len(self._out) else f"output {j}"))
                    except TypeError as e:
                        raise RuntimeError(f"map: operation {_name_of(op)} returned an invalid value: {e}") from None
            vals = [_stack_rows(o) for o in outs] if outs is not None else [v for v in vals]
        return [_unpil(v) for v in vals]

    def _blocks(self, ctx):
        rng = ctx.rng()
        layout, in_idx, nout = self._layout, self._in_idx, len(self._out)
        for cols, n in self.child._blocks(ctx):
            if n == 0:
                continue
            out = self._apply([cols[k] for k in in_idx], n, rng)
            if len(out) != nout:
                raise RuntimeError(f"Invalid columns, the number of columns returned in 'map' operations should "
                                   f"match the number of 'output_columns', but got the number of columns returned "
                                   f"in 'map' operations: {len(out)}, the number of 'output_columns': {nout}.")
            yield [out[j] if kind == "out" else cols[j] for kind, j in layout], n


class BatchInfo:
    """What ``per_batch_map`` gets as its last argument."""

    def __init__(self, batch_num, epoch_num):
        self._batch_num, self._epoch_num = batch_num, epoch_num

    def get_batch_num(self):
        return self._batch_num

    def get_epoch_num(self):
        return self._epoch_num


def _check_pad_info(pad_info, names, op):
    """``pad_info`` as ``{column: (shape or None, value)}``, checked (MindSpore's messages)."""
    if pad_info is None:
        return None
    if not isinstance(pad_info, dict):
        raise TypeError(f"Argument pad_info with value {pad_info!r} is not of type [<class 'dict'>], "
                        f"but got {type(pad_info)}.")
    out = {}
    for col, v in pad_info.items():
        if not isinstance(col, str):
            raise TypeError(f"Argument pad_info's key with value {col!r} is not of type [<class 'str'>], "
                            f"but got {type(col)}.")
        if col not in names:
            raise ValueError(f"For '{op}', pad_info names the column '{col}', which is not among the dataset "
                             f"columns {names}.")
        if v is None:
            v = (None, None)
        if not isinstance(v, tuple) or len(v) != 2:
            raise TypeError(f"Argument pad_info's value with value {v!r} is not of type [<class 'tuple'>] "
                            f"of (pad_shape, pad_value), but got {type(v)}.")
        shape, value = v
        if shape is not None:
            if not isinstance(shape, list):
                raise TypeError(f"Argument pad_shape with value {shape!r} is not of type [<class 'list'>], "
                                f"but got {type(shape)}.")
            for d in shape:
                if d is not None and (isinstance(d, bool) or not isinstance(d, int) or d <= 0):
                    raise ValueError(f"For '{op}', the pad shape {shape} of column '{col}' must hold positive "
                                     f"ints or None.")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float, str, bytes))):
            raise TypeError(f"Argument pad_value with value {value!r} is not of type [<class 'str'>, "
                            f"<class 'bytes'>, <class 'int'>, <class 'float'>], but got {type(value)}.")
        out[col] = (shape, value)
    return out


def _pad_batch(rows, name, spec, op):
    """Pad (or truncate) ``rows`` to one shape and stack them: ``spec`` is (shape or None, pad value)."""
    from .transforms.transforms import _pad_to
    shape, value = spec
    if not rows:
        return np.empty((0,))
    rank = rows[0].ndim
    for a in rows:
        if a.ndim != rank:
            raise RuntimeError(f"{op}: cannot pad column '{name}': its samples have different ranks "
                               f"({rows[0].ndim} and {a.ndim}).")
    if shape is not None and len(shape) != rank:
        raise RuntimeError(f"Invalid pad_info, rank of pad_shape must be equal to rank of specified column. "
                           f"pad_shapes rank:{len(shape)}, column rank: {rank} (column '{name}').")
    longest = [max(a.shape[d] for a in rows) for d in range(rank)]
    target = [longest[d] if shape is None or shape[d] is None else shape[d] for d in range(rank)]
    kinds = {"str" if a.dtype.kind in "US" else a.dtype for a in rows}
    if len(kinds) > 1:
        raise RuntimeError(f"{op}: cannot batch column '{name}': its samples have different types "
                           f"{sorted(str(k) for k in kinds)}.")
    try:
        padded = [_pad_to(a, target, value, op) for a in rows]
    except RuntimeError as e:
        raise RuntimeError(f"{op}: cannot pad column '{name}': {e}") from None
    if padded[0].dtype.kind == "U":
        width = max(a.dtype.itemsize for a in padded) // 4
        padded = [a.astype(f"<U{max(width, 1)}") for a in padded]
    return np.stack(padded)


class BatchDataset(_Unary):
    def __init__(self, child, batch_size, drop_remainder, per_batch_map, input_columns, output_columns,
                 pad_info=None, padded=False):
        super().__init__(child)
        op = "padded_batch" if padded else "batch"
        self._op = op
        pad = _check_pad_info(pad_info, child._names(), op)
        if pad is not None:
            # {} pads every column to the longest with the default value; otherwise only the named columns are
            # padded (the others must have one shape, as in MindSpore 2.10, whose docstring says otherwise)
            pad = pad or {c: (None, None) for c in child._names()}
        self._pad = pad
        if callable(batch_size):
            raise NotImplementedError("batch: a callable batch_size is not supported by minispore.")
        self.batch_size = _check_int(batch_size, "batch_size", "batch", 1)
        if not isinstance(drop_remainder, bool):
            raise TypeError(f"For 'batch', drop_remainder must be a bool, but got {drop_remainder!r}.")
        self.drop_remainder = drop_remainder
        names = child._names()
        self._map = per_batch_map
        self._names_out = names
        if per_batch_map is not None:
            if not callable(per_batch_map):
                raise TypeError(f"For 'batch', per_batch_map must be callable, but got {per_batch_map!r}.")
            inner = MapDataset(child, [lambda *a: a], input_columns if input_columns is not None else names,
                               output_columns)
            self._in_idx, self._layout, self._nout = inner._in_idx, inner._layout, len(inner._out)
            self._map_out = list(inner._out)
            self._names_out = inner._names()
        elif input_columns is not None or output_columns is not None:
            raise ValueError("For 'batch', input_columns and output_columns need per_batch_map.")

    def _names(self):
        return self._names_out

    def _static_size(self):
        n = self.child.get_dataset_size()
        return n // self.batch_size if self.drop_remainder else -(-n // self.batch_size)

    def get_batch_size(self):
        return self.batch_size

    def _finish(self, cols, names, count, epoch=0):
        pad = self._pad
        if pad is None:
            out = [c if isinstance(c, np.ndarray) else _stack_batch(c, name) for c, name in zip(cols, names)]
        else:
            out = [_pad_batch([_row(c, i) for i in range(len(c))], name, pad[name], self._op) if name in pad
                   else (c if isinstance(c, np.ndarray) else _stack_batch(c, name)) for c, name in zip(cols, names)]
        if self._map is not None:
            args = [[_row(out[k], i) for i in range(len(out[k]))] for k in self._in_idx]
            try:
                res = self._map(*args, BatchInfo(count, epoch))
            except Exception as e:  # noqa: BLE001
                raise RuntimeError(f"batch: per_batch_map {_name_of(self._map)} failed: "
                                   f"{type(e).__name__}: {e}") from e
            res = list(res) if isinstance(res, tuple) else [res]
            if len(res) != self._nout:
                raise RuntimeError(f"batch: per_batch_map returned {len(res)} columns, but {self._nout} output "
                                   f"columns were expected.")
            try:
                res = [_stack_batch([_to_np(a, nm) for a in r], nm) if isinstance(r, list) else _to_np(r, nm)
                       for r, nm in zip(res, self._map_out)]
            except TypeError as e:
                raise RuntimeError(f"batch: per_batch_map {_name_of(self._map)} returned an invalid value: "
                                   f"{e}") from None
            out = [res[j] if kind == "out" else out[j] for kind, j in self._layout]
        return [c[None] for c in out], 1

    def _blocks(self, ctx):
        bs = self.batch_size
        names = self.child._names()
        cctx = ctx.with_chunk(bs * max(1, _CHUNK // bs) if not ctx.peek or ctx.chunk > 1 else bs)
        pend, have, count = [], 0, 0
        for cols, n in self.child._blocks(cctx):
            start = 0
            while start < n:
                if not pend and n - start >= bs:
                    yield self._finish([_slice(c, start, start + bs) for c in cols], names, count, ctx.epoch)
                    count += 1
                    start += bs
                    continue
                k = min(bs - have, n - start)
                pend.append([_slice(c, start, start + k) for c in cols])
                have += k
                start += k
                if have == bs:
                    yield self._finish([_concat_cols([p[j] for p in pend], names[j]) for j in range(len(names))],
                                       names, count, ctx.epoch)
                    count += 1
                    pend, have = [], 0
        if pend and not self.drop_remainder:
            yield self._finish([_concat_cols([p[j] for p in pend], names[j]) for j in range(len(names))],
                               names, count, ctx.epoch)


class ShuffleDataset(_Unary):
    """MindSpore's buffer shuffle: fill a buffer of ``buffer_size`` rows; each new row replaces a random buffered
    row, which is emitted; at the end the buffer is emitted in random order."""

    def __init__(self, child, buffer_size):
        super().__init__(child)
        self.buffer_size = _check_int(buffer_size, "buffer_size", "shuffle", 2)

    def _blocks(self, ctx):
        if ctx.peek:
            yield from self.child._blocks(ctx)
            return
        rng = ctx.rng()
        B = self.buffer_size
        buf, m = None, 0
        pending, pn = [], 0

        def process(pieces, buf, m):
            ncols = len(pieces[0][0])
            pool = [_concat_cols(([buf[j]] if buf is not None else []) + [p[0][j] for p in pieces], "")
                    for j in range(ncols)]
            total = sum(p[1] for p in pieces)
            slots = list(range(m))
            emitted = []
            rand = rng.integers(0, B, total).tolist()
            for j in range(total):
                if len(slots) < B:
                    slots.append(m + j)
                else:
                    r = rand[j]
                    emitted.append(slots[r])
                    slots[r] = m + j
            out = ([_take(c, emitted) for c in pool], len(emitted)) if emitted else None
            return out, [_take(c, slots) for c in pool], len(slots)

        for cols, n in self.child._blocks(ctx.with_chunk(max(ctx.chunk, B))):
            if n == 0:
                continue
            pending.append((cols, n))
            pn += n
            if pn >= max(B, ctx.chunk):
                out, buf, m = process(pending, buf, m)
                pending, pn = [], 0
                if out is not None:
                    yield out
        if pending:
            out, buf, m = process(pending, buf, m)
            if out is not None:
                yield out
        if buf is not None and m:
            perm = rng.permutation(m)
            yield [_take(c, perm) for c in buf], m


class RepeatDataset(_Unary):
    def __init__(self, child, count):
        super().__init__(child)
        if count is None:
            count = -1
        self.count = _check_int(count, "count", "repeat", 1, allow=(-1,))

    def _static_size(self):
        n = self.child.get_dataset_size()
        return n if self.count == -1 else n * self.count

    def get_repeat_count(self):
        return self.count

    def _blocks(self, ctx):
        # pass k of this node's pass p is the child's pass p * count + k (k alone when repeating forever: the
        # iterator then has a single epoch); the iterator's epoch number stays the same
        k = 0
        base = 0 if self.count == -1 else ctx.pass_no * self.count
        while self.count == -1 or k < self.count:
            yield from self.child._blocks(ctx.with_pass(base + k))
            k += 1


class TakeDataset(_Unary):
    def __init__(self, child, count):
        super().__init__(child)
        self.count = _check_int(count, "count", "take", 1, allow=(-1,))

    def _static_size(self):
        n = self.child.get_dataset_size()
        return n if self.count == -1 else min(n, self.count)

    def _blocks(self, ctx):
        if self.count == -1:
            yield from self.child._blocks(ctx)
            return
        left = self.count
        for cols, n in self.child._blocks(ctx):
            if n >= left:
                yield [_slice(c, 0, left) for c in cols], left
                return
            left -= n
            yield cols, n


class SkipDataset(_Unary):
    def __init__(self, child, count):
        super().__init__(child)
        self.count = _check_int(count, "count", "skip", 0)

    def _static_size(self):
        return max(0, self.child.get_dataset_size() - self.count)

    def _blocks(self, ctx):
        left = self.count
        for cols, n in self.child._blocks(ctx):
            if left >= n:
                left -= n
                continue
            if left:
                cols, n = [_slice(c, left, n) for c in cols], n - left
                left = 0
            yield cols, n


class ProjectDataset(_Unary):
    def __init__(self, child, columns):
        super().__init__(child)
        columns = _col_list(columns, "columns", "project")
        names = child._names()
        missing = [c for c in columns if c not in names]
        if missing:
            raise RuntimeError(f"For 'project', column(s) {missing} do not exist in the dataset columns {names}.")
        self._cols = columns
        self._idx = [names.index(c) for c in columns]

    def _names(self):
        return list(self._cols)

    def _blocks(self, ctx):
        for cols, n in self.child._blocks(ctx):
            yield [cols[k] for k in self._idx], n


class RenameDataset(_Unary):
    def __init__(self, child, input_columns, output_columns):
        super().__init__(child)
        ins = _col_list(input_columns, "input_columns", "rename")
        outs = _col_list(output_columns, "output_columns", "rename")
        if len(ins) != len(outs):
            raise ValueError("Number of column in input_columns and output_columns is not equal.")
        names = child._names()
        missing = [c for c in ins if c not in names]
        if missing:
            raise RuntimeError(f"For 'rename', column(s) {missing} to be renamed do not exist in the dataset "
                               f"columns {names}.")
        mapping = dict(zip(ins, outs))
        new = [mapping.get(c, c) for c in names]
        if len(set(new)) != len(new):
            raise ValueError(f"For 'rename', the resulting column names {new} contain duplicates.")
        self._new = new

    def _names(self):
        return list(self._new)

    def _blocks(self, ctx):
        return self.child._blocks(ctx)


class ConcatDataset(Dataset):
    def __init__(self, datasets):
        super().__init__(datasets)
        names = datasets[0]._names()
        for d in datasets[1:]:
            if d._names() != names:
                raise ValueError(f"For 'concat', every dataset must have the same columns, but got {names} and "
                                 f"{d._names()}.")
        self._cols = names

    def _names(self):
        return list(self._cols)

    def _static_size(self):
        return sum(d.get_dataset_size() for d in self.children)

    def _blocks(self, ctx):
        first = None        # each column's dtype in the first dataset: the others must match (as MindSpore's)
        for k, d in enumerate(self.children):
            for cols, n in d._blocks(ctx):
                types = [c.dtype if isinstance(c, np.ndarray) else (c[0].dtype if c and isinstance(c[0], np.ndarray)
                                                                    else None) for c in cols]
                if first is None and k == 0:
                    first = types
                elif k > 0 and first is not None:
                    for name, a, b in zip(self._cols, first, types):
                        if a is not None and b is not None and a != b:
                            raise RuntimeError(f"Concat: the data types of the two datasets to be concatenated "
                                               f"should be the same, but got: {a} and {b} (column '{name}').")
                yield cols, n
