"""A local stand-in for the ``download`` package (``pip install download``) that the tutorial pages import.

The pages call ``download(MNIST_Data.zip URL, "./", kind="zip", replace=True)``, which fetches and unpacks
``MNIST_Data/train`` and ``MNIST_Data/test`` (the four IDX files, uncompressed). Nothing outside can be reached
from the machines the tests run on, so this module, found first on ``sys.path`` because it sits next to the page
scripts (both ``python page.py`` and ``python -m minispore run page.py`` put the script's folder there), writes
that same layout from the gzipped IDX files of the shared MNIST copy instead: ``$TUTORIAL_MNIST`` or
``../shared/data/mnist`` beside the repository.

To keep each page at a few seconds, it writes only the first TRAIN_IMAGES training and TEST_IMAGES test images
(in file order, with their labels; the IDX headers carry the smaller counts). The golden outputs in
tests/golden/tutorials/ were recorded from real MindSpore through this same module, so both frameworks see the
same files. Any other URL is refused with an error naming it. It prints nothing (the real package prints its
progress, which is not part of what the pages teach).
"""
import gzip
import os
import pathlib
import struct

TRAIN_IMAGES = 6400      # 100 batches of 64: a training page prints its first loss of each epoch
TEST_IMAGES = 1280       # 20 batches of 64
MNIST_URL = "https://mindspore-website.obs.cn-north-4.myhuaweicloud.com/notebook/datasets/MNIST_Data.zip"
_FILES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", TRAIN_IMAGES),
          "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", TEST_IMAGES)}


def mnist_source():
    """The folder of the four gzipped MNIST IDX files, or None when this checkout has none."""
    env = os.environ.get("TUTORIAL_MNIST")
    folder = pathlib.Path(env) if env else pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "mnist"
    return folder if (folder / "train-images-idx3-ubyte.gz").exists() else None


def _write_head(source, target, count):
    """Copies an IDX file's header and first ``count`` items, with the item count in the header set to count."""
    with gzip.open(source, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = list(struct.unpack(f">{ndim}I", data[4:4 + 4 * ndim]))
    item = 1
    for d in dims[1:]:
        item *= d
    if count > dims[0]:
        raise ValueError(f"download stand-in: {source} holds {dims[0]} items, fewer than the {count} asked for")
    dims[0] = count
    body = data[4 + 4 * ndim: 4 + 4 * ndim + count * item]
    target.write_bytes(data[:4] + struct.pack(f">{ndim}I", *dims) + body)


def download(url, path=".", kind="file", progressbar=True, replace=False, timeout=10.0, verbose=True):
    if url.replace("\\", "") != MNIST_URL or kind != "zip":
        raise ValueError(f"download stand-in (tests/tutorials/download.py): no local copy of {url!r} "
                         f"(kind={kind!r}); only the MNIST_Data.zip of the tutorial pages is served")
    source = mnist_source()
    if source is None:
        raise FileNotFoundError("download stand-in: no MNIST copy; set TUTORIAL_MNIST to a folder holding the "
                                "four gzipped IDX files (train-images-idx3-ubyte.gz ...)")
    root = pathlib.Path(path) / "MNIST_Data"
    for split, (images, labels, count) in _FILES.items():
        folder = root / split
        folder.mkdir(parents=True, exist_ok=True)
        for name in (images, labels):
            if replace or not (folder / name).exists():
                _write_head(source / f"{name}.gz", folder / name, count)
    return path
