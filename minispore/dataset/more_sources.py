"""More of ``mindspore.dataset``'s sources: the MNIST family (``KMnistDataset``, ``EMnistDataset``,
``QMnistDataset``: IDX files, read by ``mnist.py``), ``USPSDataset`` (libsvm text), ``SVHNDataset`` (MATLAB .mat,
needs SciPy), ``STL10Dataset`` (raw binary), ``SemeionDataset`` (text), and the synthetic ``FakeImageDataset``,
``RandomDataset`` (with a ``Schema``) and ``PaddedDataset``.

Columns, dtypes and the unshuffled row order are MindSpore 2.10's (tests/golden/loaders.json). Every source is
shuffled by default; ``num_samples``, ``sampler`` (PKSampler included: the label column is handed over),
``num_shards``/``shard_id`` as in MindSpore; ``num_parallel_workers`` and ``cache`` are accepted and ignored.
"""
import os

import numpy as np

from .. import common as _common
from . import config, mnist
from .engine import _ArraySource
from .more_samplers import PKSampler

__all__ = ["KMnistDataset", "EMnistDataset", "QMnistDataset", "USPSDataset", "SVHNDataset", "STL10Dataset",
           "SemeionDataset", "FakeImageDataset", "RandomDataset", "PaddedDataset", "Schema"]

mnist._FORMAT.update({"KMnistDataset": "KMNIST", "EMnistDataset": "EMNIST", "QMnistDataset": "QMNIST"})


def _check_usage(usage, valid, default="all"):
    usage = default if usage is None else usage
    if not isinstance(usage, str):
        raise TypeError(f"Argument usage with value {usage!r} is not of type [<class 'str'>], but got {type(usage)}.")
    if usage not in valid:
        raise ValueError(f"Input usage is not within the valid set of {list(valid)}.")
    return usage


def _need(path, op):
    if not os.path.isfile(path):
        raise RuntimeError(f"{op}: {path} does not exist or is not a file.")
    return path


class _Labelled(_ArraySource):
    """An in-memory source whose last column is its label (what PKSampler groups by)."""
    _OP = ""

    def _init(self, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, dataset_dir=None):
        super().__init__()
        config.check_num_parallel_workers(num_parallel_workers, self._OP)
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, self._OP)
        self._cols = None
        return None if dataset_dir is None else config.check_dataset_dir(dataset_dir, self._OP)

    def _names(self):
        return ["image", "label"]

    def _load(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _columns(self):
        if self._cols is None:
            self._cols = self._load()
        return self._cols

    def _indices(self, ctx):
        return _pk_indices(self, ctx) if isinstance(self._sampler, PKSampler) else super()._indices(ctx)


def _pk_indices(src, ctx):
    """The rows a PKSampler picks from ``src``'s label column (its last)."""
    peek = ctx is None or ctx.peek
    rng = np.random.default_rng(0) if peek else ctx.rng()
    idx = src._sampler._pk_indices(src._columns()[-1], rng, shuffle_ok=not peek)
    return idx if src._num_samples is None else idx[:src._num_samples]


def _cat(parts):
    return [p[0] if len(p) == 1 else np.concatenate(p) for p in zip(*parts)] if parts else []


# ------------------------------------------------------------------------------------------ the MNIST family
class KMnistDataset(mnist._IdxDataset):
    """Kuzushiji-MNIST from ``dataset_dir`` (MNIST's file names): ``image`` ((28, 28, 1) uint8), ``label`` (0-d
    uint32). ``usage``: 'train', 'test' or 'all'/None (test first, as MnistDataset)."""
    _OP = "KMnistDataset"

    def _indices(self, ctx):
        return _pk_indices(self, ctx) if isinstance(self._sampler, PKSampler) else super()._indices(ctx)


class EMnistDataset(_Labelled):
    """EMNIST split ``name`` ('byclass', 'bymerge', 'balanced', 'letters', 'digits', 'mnist') from
    ``emnist-<name>-<train|test>-images-idx3-ubyte`` / ``-labels-idx1-ubyte``: ``image`` ((28, 28, 1) uint8, as
    stored: EMNIST's images are transposed), ``label`` (0-d uint32). ``usage`` 'all'/None: test, then train (as
    MindSpore 2.10, and as MnistDataset)."""
    _OP = "EMnistDataset"
    NAMES = ('byclass', 'bymerge', 'balanced', 'letters', 'digits', 'mnist')

    def __init__(self, dataset_dir, name, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        if not isinstance(name, str):
            raise TypeError(f"Argument name with value {name!r} is not of type [<class 'str'>], but got {type(name)}.")
        if name not in self.NAMES:
            raise ValueError(f"Input name is not within the valid set of {list(self.NAMES)}.")
        self.usage = _check_usage(usage, ['train', 'test', 'all'])
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                                      dataset_dir)
        self.name = name

    def _load(self):
        parts = []
        for u in (["test", "train"] if self.usage == "all" else [self.usage]):
            stem = os.path.join(self.dataset_dir, f"emnist-{self.name}-{u}")
            img = mnist._load(_need(stem + "-images-idx3-ubyte", self._OP), "images", self._OP)
            lab = mnist._load(_need(stem + "-labels-idx1-ubyte", self._OP), "labels", self._OP)
            if len(img) != len(lab):
                raise RuntimeError(f"{self._OP}: {stem}-*: {len(img)} images but {len(lab)} labels.")
            parts.append((img, lab))
        return _cat(parts)


def _read_idx2_int(path, op):
    """The (n, k) int32 array of a QMNIST label file (IDX, magic 3074, big-endian int32)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 12 or int.from_bytes(data[:4], "big") != 3074:
        raise RuntimeError(f"{op}: invalid QMNIST label file {path}: the magic number should be 3074.")
    n, k = int.from_bytes(data[4:8], "big"), int.from_bytes(data[8:12], "big")
    if len(data) != 12 + 4 * n * k:
        raise RuntimeError(f"{op}: {path}: its header announces {n}x{k} int32 labels ({12 + 4 * n * k} bytes), "
                           f"but it has {len(data)} bytes.")
    return np.frombuffer(data, ">i4", offset=12).reshape(n, k)


class QMnistDataset(_Labelled):
    """QMNIST from ``qmnist-<train|test>-images-idx3-ubyte`` / ``-labels-idx2-int`` and ``xnist-*`` (usage
    'nist'): ``image`` ((28, 28, 1) uint8), ``label``: with ``compat=True`` the class (0-d uint32), else the 8
    fields of QMNIST's label ((8,) uint32). ``usage``: 'train', 'test', 'test10k' (the first 10000 test rows),
    'test50k' (the rest), 'nist', 'all'/None (train, test, nist)."""
    _OP = "QMnistDataset"

    def __init__(self, dataset_dir, usage=None, compat=True, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ['train', 'test', 'test10k', 'test50k', 'nist', 'all'])
        if not isinstance(compat, bool):
            raise TypeError(f"Argument compat with value {compat!r} is not of type [<class 'bool'>], "
                            f"but got {type(compat)}.")
        self.compat = compat
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                                      dataset_dir)

    def _load(self):
        usages = ["train", "test", "nist"] if self.usage == "all" else [self.usage]
        parts = []
        for u in usages:
            stem = "xnist" if u == "nist" else "qmnist-" + ("test" if u.startswith("test") else u)
            stem = os.path.join(self.dataset_dir, stem)
            img = mnist._load(_need(stem + "-images-idx3-ubyte", self._OP), "images", self._OP)
            lab = _read_idx2_int(_need(stem + "-labels-idx2-int", self._OP), self._OP)
            if len(img) != len(lab):
                raise RuntimeError(f"{self._OP}: {stem}-*: {len(img)} images but {len(lab)} labels.")
            if u == "test10k":
                img, lab = img[:10000], lab[:10000]
            elif u == "test50k":
                img, lab = img[10000:], lab[10000:]
            lab = lab.astype(np.uint32)
            parts.append((img, lab[:, 0].copy() if self.compat else lab))
        return _cat(parts)


# ------------------------------------------------------------------------------------------ USPS, SVHN, STL-10
class USPSDataset(_Labelled):
    """USPS from the libsvm files ``usps`` (train) and ``usps.t`` (test): ``image`` ((16, 16, 1) uint8, the
    values in [-1, 1] scaled to [0, 255]), ``label`` (0-d uint32, the file's 1..10 minus 1). ``usage`` 'all'/None:
    the rows of both files interleaved (train, test, train, test ... then the rest of the longer one), the order
    MindSpore 2.10's reader gives unshuffled (a quirk, matched). No ``sampler`` argument, as in MindSpore."""
    _OP = "USPSDataset"

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=True,
                 num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ['train', 'test', 'all'])
        shuffle = None if shuffle is True else shuffle
        if shuffle is not None and not isinstance(shuffle, bool):
            shuffle = bool(shuffle)     # MindSpore's Shuffle.GLOBAL / FILES / False
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, None, num_shards, shard_id,
                                      dataset_dir)

    def _parse(self, path):
        images, labels = [], []
        with open(path, "r", encoding="latin-1") as f:     # binary junk: rejected per line
            for k, line in enumerate(f):
                parts = line.split()
                if not parts:
                    continue
                if len(parts) != 257:
                    raise RuntimeError(f"{self._OP}: invalid line {k + 1} of {path}: expected a label and 256 "
                                       f"'index:value' pairs, got {len(parts)} fields.")
                try:
                    labels.append(int(parts[0]) - 1)
                    images.append([float(p.split(":", 1)[1]) for p in parts[1:]])
                except (ValueError, IndexError):
                    raise RuntimeError(f"{self._OP}: invalid line {k + 1} of {path}: not 'label index:value ...'.") \
                        from None
        v = np.asarray(images, np.float64).reshape(-1, 16, 16, 1)
        img = ((v + 1.0) / 2.0 * 255.0).astype(np.uint8)
        return img, np.asarray(labels, np.int64).astype(np.uint32)

    def _load(self):
        files = {"train": "usps", "test": "usps.t"}
        usages = ["train", "test"] if self.usage == "all" else [self.usage]
        parts = [self._parse(_need(os.path.join(self.dataset_dir, files[u]), self._OP)) for u in usages]
        if len(parts) == 1:
            return list(parts[0])
        (a, la), (b, lb) = parts
        k = min(len(a), len(b))
        order = np.concatenate([np.stack([np.arange(k), len(a) + np.arange(k)], 1).reshape(-1),
                                np.arange(k, len(a)), len(a) + np.arange(k, len(b))])
        return [np.concatenate([a, b])[order], np.concatenate([la, lb])[order]]


class SVHNDataset(_Labelled):
    """SVHN from ``train_32x32.mat``, ``test_32x32.mat``, ``extra_32x32.mat`` (read with SciPy): ``image``
    ((32, 32, 3) uint8), ``label`` (0-d uint32; the file's 10 for the digit 0 becomes 0). ``usage`` 'all'/None:
    train, test, extra."""
    _OP = "SVHNDataset"

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None):
        self.usage = _check_usage(usage, ['train', 'test', 'extra', 'all'])
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                                      dataset_dir)

    def _load(self):
        try:
            import scipy.io
        except ImportError:
            raise ImportError("SVHNDataset reads MATLAB .mat files with SciPy: pip install minispore[scipy] "
                              "(or scipy).") from None
        parts = []
        for u in (["train", "test", "extra"] if self.usage == "all" else [self.usage]):
            path = _need(os.path.join(self.dataset_dir, f"{u}_32x32.mat"), self._OP)
            try:
                m = scipy.io.loadmat(path)
            except (ValueError, TypeError, OSError, NotImplementedError) as e:    # not a .mat file, truncated
                raise RuntimeError(f"{self._OP}: {path} is not a valid MATLAB .mat file ({e}).") from None
            if "X" not in m or "y" not in m or np.ndim(m["X"]) != 4:
                raise RuntimeError(f"{self._OP}: {path} has no (32, 32, 3, n) 'X' and 'y' arrays.")
            img = np.ascontiguousarray(np.transpose(m["X"], (3, 0, 1, 2))).astype(np.uint8)
            lab = np.asarray(m["y"]).reshape(-1).astype(np.int64) % 10
            parts.append((img, lab.astype(np.uint32)))
        return _cat(parts)


class STL10Dataset(_Labelled):
    """STL-10 from ``<split>_X.bin`` (uint8, column-major 3x96x96 images) and ``<split>_y.bin`` (1..10):
    ``image`` ((96, 96, 3) uint8), ``label`` (0-d int32, 0..9; -1 for 'unlabeled'). ``usage``: 'train', 'test',
    'unlabeled', 'train+unlabeled', 'all'/None (test, train, unlabeled: MindSpore's order)."""
    _OP = "STL10Dataset"

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ['train', 'test', 'unlabeled', 'train+unlabeled', 'all'])
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                                      dataset_dir)

    def _split(self, u):
        path = _need(os.path.join(self.dataset_dir, f"{u}_X.bin"), self._OP)
        raw = np.fromfile(path, np.uint8)
        per = 3 * 96 * 96
        if raw.size % per:
            raise RuntimeError(f"{self._OP}: {path} holds {raw.size} bytes, not a multiple of {per} (3x96x96).")
        img = np.ascontiguousarray(raw.reshape(-1, 3, 96, 96).transpose(0, 3, 2, 1))
        if u == "unlabeled":
            return img, np.full(len(img), -1, np.int32)
        lab = np.fromfile(_need(os.path.join(self.dataset_dir, f"{u}_y.bin"), self._OP), np.uint8)
        if len(lab) != len(img):
            raise RuntimeError(f"{self._OP}: {u}_X.bin holds {len(img)} images but {u}_y.bin {len(lab)} labels.")
        return img, lab.astype(np.int32) - 1

    def _load(self):
        usages = {"all": ["test", "train", "unlabeled"], "train+unlabeled": ["train", "unlabeled"]}.get(
            self.usage, [self.usage])
        return _cat([self._split(u) for u in usages])


class SemeionDataset(_Labelled):
    """Semeion handwritten digits from ``semeion.data`` (256 pixel values and a one-hot label of 10 per line):
    ``image`` ((16, 16) uint8, values 0/1), ``label`` (0-d uint32)."""
    _OP = "SemeionDataset"

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        self.dataset_dir = self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                                      dataset_dir)

    def _load(self):
        path = _need(os.path.join(self.dataset_dir, "semeion.data"), self._OP)
        images, labels = [], []
        with open(path, "r", encoding="latin-1") as f:     # binary junk: rejected per line
            for k, line in enumerate(f):
                parts = line.split()
                if not parts:
                    continue
                try:
                    vals = [float(p) for p in parts]
                except ValueError:
                    vals = []
                if len(vals) != 266:
                    raise RuntimeError(f"{self._OP}: invalid line {k + 1} of {path}: expected 266 numbers (256 "
                                       f"pixels, 10 label flags), got {len(parts)} fields.")
                images.append(vals[:256])
                labels.append(int(np.argmax(vals[256:])))
        img = np.asarray(images, np.float64).reshape(-1, 16, 16).astype(np.uint8)
        return [img, np.asarray(labels, np.uint32)]


# ------------------------------------------------------------------------------------------ synthetic sources
def _int_in(value, name, lo=1, hi=2147483647):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"Argument {name} with value {value!r} is not of type [<class 'int'>], but got "
                        f"{type(value)}.")
    if not lo <= value <= hi:
        raise ValueError(f"Input {name} is not within the required interval of [{lo}, {hi}].")
    return int(value)


class FakeImageDataset(_Labelled):
    """``num_images`` random images of ``image_size`` (H, W, C) uint8 and random labels in
    ``[0, num_classes)`` (0-d uint32), drawn from ``base_seed`` (the same rows for the same seed; not
    MindSpore's values)."""
    _OP = "FakeImageDataset"

    def __init__(self, num_images=1000, image_size=(224, 224, 3), num_classes=10, base_seed=0, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        self.num_images = _int_in(num_images, "num_images")
        if not isinstance(image_size, (list, tuple)) or len(image_size) != 3:
            n = len(image_size) if isinstance(image_size, (list, tuple)) else image_size
            raise ValueError(f"image_size should be a list or tuple of length 3, but got {n}")
        self.image_size = tuple(_int_in(v, "image_size") for v in image_size)
        self.num_classes = _int_in(num_classes, "num_classes")
        self.base_seed = _int_in(base_seed, "base_seed", 0)
        self._init(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)

    def _load(self):
        rng = np.random.default_rng(self.base_seed)
        img = rng.integers(0, 256, (self.num_images,) + self.image_size, dtype=np.uint8)
        return [img, rng.integers(0, self.num_classes, self.num_images).astype(np.uint32)]


class Schema:
    """The columns of a RandomDataset (or a TFRecordDataset): ``add_column(name, de_type, shape=None)``, and
    ``num_rows``. ``schema_file`` (a JSON schema) is not read yet."""

    def __init__(self, schema_file=None):
        if schema_file is not None:
            raise NotImplementedError("Schema: reading a schema_file is not supported by minispore yet; build the "
                                      "schema with add_column.")
        self.columns, self.num_rows, self.dataset_type = [], None, ""

    def add_column(self, name, de_type, shape=None):
        if not isinstance(name, str) or not name:
            raise TypeError(f"Schema.add_column: name must be a non-empty str, but got {name!r}.")
        dt = _common.dtype.canonical(de_type) if not isinstance(de_type, str) else getattr(_common.dtype, de_type)
        if shape is not None and (not isinstance(shape, (list, tuple)) or
                                  not all(isinstance(s, (int, np.integer)) and s > 0 for s in shape)):
            raise TypeError(f"Schema.add_column: shape must be a list of positive ints, but got {shape!r}.")
        self.columns.append({"name": name, "type": dt, "shape": None if shape is None else [int(s) for s in shape]})

    def __repr__(self):
        return f"Schema(columns={[c['name'] for c in self.columns]}, num_rows={self.num_rows})"


class RandomDataset(_Labelled):
    """Rows of random values. With a ``schema``: its columns (dtype and shape; a column without a shape gets a
    random one), ``total_rows`` rows (else the schema's ``num_rows``, else a random count). Without one: a random
    number of columns ``c0``, ``c1`` ... of random types and shapes, as in MindSpore. ``columns_list`` picks
    schema columns. The values are not MindSpore's."""
    _OP = "RandomDataset"
    _TYPES = ("uint8", "int8", "uint16", "int16", "uint32", "int32", "int64", "float32", "float64", "bool")

    def __init__(self, total_rows=None, schema=None, columns_list=None, num_samples=None, num_parallel_workers=None,
                 cache=None, shuffle=None, num_shards=None, shard_id=None):
        rng = np.random.default_rng(config.get_seed())
        if total_rows is not None:
            total_rows = _int_in(total_rows, "total_rows", 0)
        if schema is not None and not isinstance(schema, Schema):
            raise TypeError(f"Argument schema with value {schema!r} is not of type [Schema], but got {type(schema)}.")
        if schema is not None and schema.columns:
            cols = [dict(c) for c in schema.columns]
            if columns_list is not None:
                cols = [c for c in cols if c["name"] in list(columns_list)]
        else:
            cols = [{"name": f"c{i}", "type": getattr(_common.dtype, str(rng.choice(self._TYPES))), "shape": None}
                    for i in range(int(rng.integers(1, 5)))]
        for c in cols:
            if c["shape"] is None:
                c["shape"] = [int(v) for v in rng.integers(1, 33, int(rng.integers(1, 4)))]
        rows = total_rows or (schema.num_rows if schema is not None and schema.num_rows else None)
        self._rows = int(rows) if rows else int(rng.integers(1, 1025))
        self._spec, self._seed = cols, int(rng.integers(0, 2 ** 31))
        if total_rows:      # MindSpore 2.10 then reads all total_rows rows, whatever num_samples says (matched)
            num_samples = None
        self._init(num_samples, num_parallel_workers, shuffle, None, num_shards, shard_id)

    def _names(self):
        return [c["name"] for c in self._spec]

    def _load(self):
        rng = np.random.default_rng(self._seed)
        out = []
        for c in self._spec:
            dt = np.dtype(c["type"].np_dtype)
            shape = (self._rows,) + tuple(c["shape"])
            if dt.kind == "f":
                out.append(rng.uniform(0, 255, shape).astype(dt))
            elif dt.kind == "b":
                out.append(rng.integers(0, 2, shape).astype(bool))
            else:
                info = np.iinfo(dt)
                out.append(rng.integers(max(info.min, 0), min(info.max, 255), shape, endpoint=True).astype(dt))
        return out


class PaddedDataset(_Labelled):
    """Rows given as a list of dicts (``{column: value}``, the same columns each), unshuffled: what a sharded
    ConcatDataset pads its last shard with."""
    _OP = "PaddedDataset"

    def __init__(self, padded_samples):
        if not isinstance(padded_samples, list):
            raise TypeError(f"Argument padded_samples with value {padded_samples!r} is not of type "
                            f"[<class 'list'>], but got {type(padded_samples)}.")
        if not padded_samples:
            raise ValueError("padded_samples cannot be empty.")
        for s in padded_samples:
            if not isinstance(s, dict):
                raise TypeError(f"Argument padded_element with value {s!r} is not of type [<class 'dict'>], "
                                f"but got {type(s)}.")
        keys = list(padded_samples[0])
        for s in padded_samples:
            if sorted(s) != sorted(keys):
                raise ValueError(f"PaddedDataset: every sample must have the columns {keys}, but one has "
                                 f"{list(s)}.")
        self._keys = keys
        self._init(None, None, False, None, None, None)
        self._cols = []
        for k in keys:
            vals = [np.asarray(s[k]) for s in padded_samples]
            try:
                self._cols.append(np.stack(vals))
            except ValueError:
                self._cols.append(vals)

    def _names(self):
        return list(self._keys)
