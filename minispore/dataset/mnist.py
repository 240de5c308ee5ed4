"""MNIST: ``MnistDataset`` over the standard IDX files, the sample shipped in the package, and a downloader.

The IDX files may be raw or gzipped, named ``train-images-idx3-ubyte`` or ``train-images.idx3-ubyte`` (and the
same for ``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte``, ``t10k-labels-idx1-ubyte``). As in MindSpore,
files are taken in name order (so ``usage='all'`` gives the test images first) and both naming styles are read
when both are present; a raw file and its ``.gz`` twin count once (the raw one is read).

Decoded files are cached in memory per process (keyed by path, size and modification time), so building a new
``MnistDataset`` every epoch costs nothing after the first.
"""
import contextlib
import gzip
import io
import os
import zlib

import numpy as np

from .._fileio import atomic_write, open_regular
from . import config
from .engine import _ArraySource

__all__ = ["MnistDataset", "mnist_sample_dir", "download_mnist"]

_IMAGE_MAGIC, _LABEL_MAGIC = 2051, 2049
_STEMS = {"train": "train", "test": "t10k"}
_CACHE = {}     # (real path, kind) -> ((size, mtime_ns), array): only the latest version of each file is kept
_HEADER_LEN = {"images": 16, "labels": 8}
_FORMAT = {"MnistDataset": "MNIST", "FashionMnistDataset": "Fashion-MNIST"}
_MAX_INFLATE = 1032         # deflate's best ratio: 258 bytes (the longest match) in 2 bits
_CHUNK = 1 << 20            # read in pieces: GzipFile.readinto reads a whole request into a new bytes first


def mnist_sample_dir():
    """Folder of the MNIST sample shipped with minispore (8000 training and 1280 test images, gzipped IDX;
    MNIST by Y. LeCun, C. Cortes and C. J. C. Burges, CC BY-SA 3.0, see its README.md)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@contextlib.contextmanager
def _opened(path, op="MnistDataset"):
    """(stream, size on disk) of ``path``, decompressed when it ends in ``.gz``; a FIFO or device is refused at
    once (reading a FIFO would block)."""
    with open_regular(path, op) as f:
        size = os.fstat(f.fileno()).st_size
        if not path.endswith(".gz"):
            yield f, size
            return
        with gzip.GzipFile(fileobj=f, mode="rb") as g:      # (which does not close f)
            yield g, size


def _cannot_read(path, e, op="MnistDataset"):
    return RuntimeError(f"{op}: cannot read {path}: {type(e).__name__}: {e} "
                        f"(a truncated or corrupt {'gzip ' if path.endswith('.gz') else ''}file?)")


def _parse_header(data, path, kind, stored_size, op="MnistDataset"):
    """(n, shape, size) announced by the IDX header ``data`` of a file of ``stored_size`` bytes on disk.

    The announced size must fit in the file: for a gzip file at most 1032 times its size (deflate codes at best
    258 bytes, its longest match, in 2 bits). So an absurd header is refused before anything is read or
    allocated for it, and a gzip bomb (a small file inflating to gigabytes) can cost no more memory than its
    header may promise.
    """
    magic = _IMAGE_MAGIC if kind == "images" else _LABEL_MAGIC
    need = _HEADER_LEN[kind]
    if len(data) < need:
        raise RuntimeError(f"{op}: {path} is truncated: {len(data)} bytes, shorter than the "
                           f"{need}-byte IDX {kind} header.")
    got = int.from_bytes(data[0:4], "big")
    if got != magic:
        hint = " (a gzipped file without the .gz suffix?)" if data[:2] == b"\x1f\x8b" else ""
        raise RuntimeError(f"{op}: invalid {_FORMAT[op]} file {path}: the magic number should be {magic} for an "
                           f"IDX {kind} file, but got {got}{hint}.")
    n = int.from_bytes(data[4:8], "big")
    shape = (int.from_bytes(data[8:12], "big"), int.from_bytes(data[12:16], "big")) if kind == "images" else ()
    size = need + n * (shape[0] * shape[1] if shape else 1)
    if path.endswith(".gz") and size > _MAX_INFLATE * stored_size:
        has = f"the {stored_size}-byte gzip file can inflate to at most {_MAX_INFLATE * stored_size} bytes"
    elif not path.endswith(".gz") and size > stored_size:
        has = f"it has {stored_size} bytes"
    else:
        return n, shape, size
    raise RuntimeError(f"{op}: {path} is truncated: its header announces {_what(n, shape, kind, size)}, "
                       f"but {has}.")


def _what(n, shape, kind, size):
    return f"{n} {kind}{' of %dx%d' % shape if shape else ''} ({size} bytes)"


def _read_header(path, kind, op="MnistDataset"):
    try:
        with _opened(path, op) as (f, stored_size):
            return _parse_header(f.read(_HEADER_LEN[kind]), path, kind, stored_size, op)
    except (OSError, EOFError, zlib.error) as e:
        raise _cannot_read(path, e, op) from None


def _read_idx(f, path, kind, stored_size, op="MnistDataset"):
    """(n, shape, header, payload) of the IDX file open as ``f`` (``stored_size`` bytes on disk): the header
    first, then exactly the payload it announces, and at most one byte more (see ``_parse_header``)."""
    gz = path.endswith(".gz")
    header = f.read(_HEADER_LEN[kind])
    n, shape, size = _parse_header(header, path, kind, stored_size, op)
    payload = bytearray(size - len(header))
    view, got = memoryview(payload), 0
    while got < len(payload):
        k = f.readinto(view[got:got + _CHUNK])
        if not k:
            raise RuntimeError(f"{op}: {path} is truncated: its header announces "
                               f"{_what(n, shape, kind, size)}, but it has {len(header) + got} bytes.")
        got += k
    if f.read(1):
        if gz:
            raise RuntimeError(f"{op}: invalid {_FORMAT[op]} file {path}: it inflates beyond the {size} bytes its "
                               f"header announces ({n} {kind}).")
        raise RuntimeError(f"{op}: invalid {_FORMAT[op]} file {path}: {stored_size - size} bytes after the {n} "
                           f"{kind} its header announces.")
    return n, shape, header, payload


def _read_file(path, kind, op="MnistDataset"):
    try:
        with _opened(path, op) as (f, stored_size):
            return _read_idx(f, path, kind, stored_size, op)
    except (OSError, EOFError, zlib.error) as e:
        raise _cannot_read(path, e, op) from None


def _load(path, kind, op="MnistDataset"):
    st = os.stat(path)
    key, stamp = (os.path.realpath(path), kind), (st.st_size, st.st_mtime_ns)
    hit = _CACHE.get(key)
    arr = hit[1] if hit is not None and hit[0] == stamp else None
    if arr is None:
        n, shape, _, payload = _read_file(path, kind, op)
        arr = np.frombuffer(payload, np.uint8)
        if kind == "images":
            arr = arr.reshape(n, shape[0], shape[1], 1)
            arr.flags.writeable = False     # read-only as before (it was over bytes): the cache shares it
        else:
            arr = arr.astype(np.uint32)
        _CACHE[key] = (stamp, arr)       # replaces the entry of an older version of the file
    return arr


def _find_files(dataset_dir, usage, op="MnistDataset"):
    names = set(os.listdir(dataset_dir))
    stems = ["t10k", "train"] if usage == "all" else [_STEMS[usage]]
    pairs = []
    for stem in stems:
        for sep in ("-", "."):
            img, lab = f"{stem}-images{sep}idx3-ubyte", f"{stem}-labels{sep}idx1-ubyte"
            img_f = img if img in names else (img + ".gz" if img + ".gz" in names else None)
            lab_f = lab if lab in names else (lab + ".gz" if lab + ".gz" in names else None)
            if img_f is None and lab_f is None:
                continue
            if img_f is None or lab_f is None:
                have, want = (img_f, lab) if lab_f is None else (lab_f, img)
                raise RuntimeError(f"{op}: found {os.path.join(dataset_dir, have)} but not its partner "
                                   f"{os.path.join(dataset_dir, want)}[.gz].")
            pairs.append((os.path.join(dataset_dir, img_f), os.path.join(dataset_dir, lab_f)))
    pairs.sort(key=lambda p: os.path.basename(p[0]))
    if not pairs:
        want = " and ".join(f"{s}-images-idx3-ubyte / {s}-labels-idx1-ubyte" for s in stems)
        raise RuntimeError(f"{op}: no {_FORMAT[op]} files for usage '{usage}' in {dataset_dir}: expected {want} "
                           f"(raw or .gz; '.idx3-ubyte' naming also accepted).")
    return pairs


class _IdxDataset(_ArraySource):
    """A pair of IDX files per split (images, labels), read by the functions above; ``_OP`` names the dataset in
    its errors."""
    _OP = "MnistDataset"

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        super().__init__()
        op = self._OP
        config.check_num_parallel_workers(num_parallel_workers, op)
        dataset_dir = config.check_dataset_dir(dataset_dir, op)
        usage = "all" if usage is None else usage
        if not isinstance(usage, str):
            raise TypeError(f"Argument usage with value {usage!r} is not of type [<class 'str'>], "
                            f"but got {type(usage)}.")
        if usage not in ("train", "test", "all"):
            raise ValueError(f"Input usage is not within the valid set of ['train', 'test', 'all'], got {usage!r}.")
        self.dataset_dir, self.usage = dataset_dir, usage
        self._setup_sampling(num_samples, shuffle, sampler, num_shards, shard_id, op)
        self._cols = None
        self._n = None

    def _names(self):
        return ["image", "label"]

    def _length(self):
        if self._cols is not None:
            return len(self._cols[1])
        if self._n is None:   # headers only: get_dataset_size() without decoding the images
            op, total = self._OP, 0
            for img, lab in _find_files(self.dataset_dir, self.usage, op):
                ni, nl = _read_header(img, "images", op)[0], _read_header(lab, "labels", op)[0]
                if ni != nl:
                    raise RuntimeError(f"{op}: {img} holds {ni} images but {lab} holds {nl} labels.")
                total += ni
            self._n = total
        return self._n

    def _columns(self):
        if self._cols is None:
            op = self._OP
            images, labels = [], []
            for img, lab in _find_files(self.dataset_dir, self.usage, op):
                a, b = _load(img, "images", op), _load(lab, "labels", op)
                if len(a) != len(b):
                    raise RuntimeError(f"{op}: {img} holds {len(a)} images but {lab} holds {len(b)} labels.")
                if images and a.shape[1:] != images[0].shape[1:]:
                    raise RuntimeError(f"{op}: {img} has images of {a.shape[1:3]}, other files "
                                       f"{images[0].shape[1:3]}.")
                images.append(a)
                labels.append(b)
            self._cols = [images[0] if len(images) == 1 else np.concatenate(images),
                          labels[0] if len(labels) == 1 else np.concatenate(labels)]
        return self._cols


class MnistDataset(_IdxDataset):
    """MNIST from ``dataset_dir``: columns ``image`` ((28, 28, 1) uint8) and ``label`` (0-d uint32).

    ``usage``: ``'train'`` (60000), ``'test'`` (10000) or ``'all'``/None (both, test first). Shuffled by default.
    ``num_parallel_workers`` and ``cache`` are accepted and ignored.
    """
    _OP = "MnistDataset"


# ---------------------------------------------------------------------------------------------- download
MNIST_MIRRORS = ("https://ossci-datasets.s3.amazonaws.com/mnist/",
                 "https://storage.googleapis.com/cvdf-datasets/mnist/")
MNIST_SHA256 = {   # of the uncompressed files
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}


def _kind(name):
    return "images" if "-images-" in name else "labels"


def _sha256(header, payload):
    import hashlib
    h = hashlib.sha256(header)
    h.update(payload)
    return h.hexdigest()


def _sha_ok(path, expected):
    try:
        _, _, header, payload = _read_file(path, _kind(os.path.basename(path)))
    except (RuntimeError, ValueError):
        return False
    return _sha256(header, payload) == expected


def _fetch(url, timeout):
    import urllib.request
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def download_mnist(dest_dir, mirrors=MNIST_MIRRORS, timeout=60):
    """Download the four MNIST files (gzipped) into ``dest_dir`` and return it.

    Files already there with the right content are kept. Each download is checked against the sha256 of the
    uncompressed file and written atomically (``minispore._fileio.atomic_write``: an interrupted download leaves
    nothing behind). Raises RuntimeError when no mirror can be reached or a download is corrupt.
    """
    if isinstance(mirrors, str):
        mirrors = (mirrors,)
    dest_dir = os.fspath(dest_dir)
    os.makedirs(dest_dir, exist_ok=True)
    for name, sha in MNIST_SHA256.items():
        target = os.path.join(dest_dir, name + ".gz")
        if os.path.exists(target) and _sha_ok(target, sha):
            continue
        errors = []
        for mirror in mirrors:
            url = mirror.rstrip("/") + "/" + name + ".gz"
            try:
                blob = _fetch(url, timeout)
            except Exception as e:  # noqa: BLE001 - network errors of every kind
                errors.append(f"{url}: {type(e).__name__}: {e}")
                continue
            try:    # inflated as the reader does it, so that a gzip bomb from a mirror costs no memory either
                with gzip.GzipFile(fileobj=io.BytesIO(blob), mode="rb") as f:
                    _, _, header, payload = _read_idx(f, url, _kind(name), len(blob))
            except (OSError, EOFError, zlib.error) as e:
                errors.append(f"{url}: not a valid gzip file ({e})")
                continue
            except RuntimeError as e:      # (it names the url)
                errors.append(str(e).rstrip("."))
                continue
            got = _sha256(header, payload)
            if got != sha:
                errors.append(f"{url}: sha256 of the uncompressed file is {got}, expected {sha}")
                continue
            atomic_write(os.path.realpath(target), lambda f: f.write(blob), "download_mnist")
            break
        else:
            raise RuntimeError(f"download_mnist: could not download {name}.gz into {dest_dir} (no network?). "
                               "Tried: " + "; ".join(errors) + ". You can copy the four MNIST files there by "
                               "hand, or use minispore.dataset.mnist_sample_dir() for the bundled sample.")
    return dest_dir
