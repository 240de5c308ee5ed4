"""MnistDataset on the bundled sample, on the full set when present, on broken files; download_mnist offline."""
import gzip
import hashlib
import os
import pathlib
import shutil

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
import minispore.dataset.transforms as T
import minispore.dataset.vision as vision
from minispore.dataset import mnist as mnist_mod

# the full MNIST, when the shared data folder next to the repository has it (tests using it skip otherwise)
FULL = str(pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data" / "mnist")


def _idx_images(n, rows=28, cols=28, seed=0):
    data = np.random.default_rng(seed).integers(0, 256, (n, rows, cols)).astype(np.uint8)
    return (2051).to_bytes(4, "big") + n.to_bytes(4, "big") + rows.to_bytes(4, "big") + \
        cols.to_bytes(4, "big") + data.tobytes(), data


def _idx_labels(n, seed=0):
    lab = np.random.default_rng(seed).integers(0, 10, n).astype(np.uint8)
    return (2049).to_bytes(4, "big") + n.to_bytes(4, "big") + lab.tobytes(), lab


def _write(path, data, gz=False):
    with (gzip.open(path, "wb") if gz else open(path, "wb")) as f:
        f.write(data)


@pytest.fixture
def tiny(tmp_path):
    img, imgs = _idx_images(12)
    lab, labs = _idx_labels(12)
    _write(tmp_path / "train-images-idx3-ubyte", img)
    _write(tmp_path / "train-labels-idx1-ubyte", lab)
    return tmp_path, imgs, labs


def test_sample_is_shipped():
    d = ds.mnist_sample_dir()
    assert sorted(f for f in os.listdir(d) if f.endswith(".gz")) == [
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
    assert sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) <= 2 * 1024 * 1024
    readme = pathlib.Path(d, "README.md").read_text(encoding="utf-8")
    assert "LeCun" in readme and "CC BY-SA 3.0" in readme


def test_sample_columns_and_sizes():
    train = ds.MnistDataset(ds.mnist_sample_dir(), usage="train")
    test = ds.MnistDataset(ds.mnist_sample_dir(), usage="test")
    assert train.get_dataset_size() == 8000 and test.get_dataset_size() == 1280
    assert ds.MnistDataset(ds.mnist_sample_dir()).get_dataset_size() == 9280
    assert train.get_col_names() == ["image", "label"]
    assert train.output_shapes() == [[28, 28, 1], []]
    assert train.output_types() == [np.uint8, np.uint32]
    img, lab = next(train.create_tuple_iterator())
    assert (img.shape, img.dtype, lab.shape, lab.dtype) == ((28, 28, 1), ms.uint8, (), ms.uint32)
    r = next(test.create_dict_iterator(output_numpy=True))
    assert r["image"].dtype == np.uint8 and r["label"].dtype == np.uint32
    first = [int(r[1]) for r in ds.MnistDataset(ds.mnist_sample_dir(), "test", shuffle=False,
                                                 num_samples=10).create_tuple_iterator(output_numpy=True)]
    assert first == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]        # MNIST's first test labels, as MindSpore reads them
    # 'all' lists the files in name order: the test images come first
    all_first = next(ds.MnistDataset(ds.mnist_sample_dir(), shuffle=False).create_tuple_iterator(output_numpy=True))
    assert int(all_first[1]) == 7


def test_sample_shuffled_by_default():
    ds.config.set_seed(0)
    a = [int(r[1]) for r in ds.MnistDataset(ds.mnist_sample_dir(), "test", num_samples=20)
         .create_tuple_iterator(output_numpy=True)]
    b = [int(r[1]) for r in ds.MnistDataset(ds.mnist_sample_dir(), "test", num_samples=20, shuffle=False)
         .create_tuple_iterator(output_numpy=True)]
    assert a != b


def test_sample_tutorial_pipeline():
    d = ds.MnistDataset(ds.mnist_sample_dir(), usage="test")
    tr = [vision.Rescale(1.0 / 255.0, 0), vision.Normalize(mean=(0.1307,), std=(0.3081,)), vision.HWC2CHW()]
    d = d.map(tr, "image").map(T.TypeCast(ms.int32), "label").batch(64)
    assert d.get_dataset_size() == 20
    n = 0
    for x, y in d.create_tuple_iterator():
        assert (x.shape[1:], x.dtype, y.dtype) == ((1, 28, 28), ms.float32, ms.int32)
        n += x.shape[0]
    assert n == 1280
    assert abs(float(x.asnumpy().mean())) < 1.0


@pytest.mark.skipif(not os.path.isdir(FULL), reason="full MNIST not present")
def test_full_mnist():
    train = ds.MnistDataset(FULL, usage="train")
    assert train.get_dataset_size() == 60000
    assert ds.MnistDataset(FULL, usage="test").get_dataset_size() == 10000
    assert ds.MnistDataset(FULL).get_dataset_size() == 70000
    labs = np.concatenate([b[1] for b in train.batch(10000).create_tuple_iterator(output_numpy=True)])
    assert labs.shape == (60000,) and np.bincount(labs).tolist()[:3] == [5923, 6742, 5958]


def test_raw_and_dot_naming(tiny):
    path, imgs, labs = tiny
    d = ds.MnistDataset(str(path), "train", shuffle=False)
    got = list(d.create_tuple_iterator(output_numpy=True))
    np.testing.assert_array_equal(np.stack([g[0] for g in got])[..., 0], imgs)
    np.testing.assert_array_equal([int(g[1]) for g in got], labs)
    # the other naming style is read as well (both present: both loaded, as in MindSpore)
    shutil.copy(path / "train-images-idx3-ubyte", path / "train-images.idx3-ubyte")
    _write(path / "train-labels.idx1-ubyte.gz", _idx_labels(12)[0], gz=True)
    assert ds.MnistDataset(str(path), "train").get_dataset_size() == 24
    # a raw file and its .gz twin count once
    _write(path / "train-images-idx3-ubyte.gz", _idx_images(12)[0], gz=True)
    assert ds.MnistDataset(str(path), "train").get_dataset_size() == 24


def test_missing_directory_and_files(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        ds.MnistDataset(str(tmp_path / "nope"))
    with pytest.raises(ValueError):
        ds.MnistDataset(str(tmp_path), usage="foo")
    with pytest.raises(RuntimeError, match="no MNIST files"):
        ds.MnistDataset(str(tmp_path)).get_dataset_size()
    _write(tmp_path / "train-images-idx3-ubyte", _idx_images(3)[0])
    with pytest.raises(RuntimeError, match="train-labels"):
        list(ds.MnistDataset(str(tmp_path), "train"))


def test_corrupt_files(tmp_path):
    img, _ = _idx_images(10)
    lab, _ = _idx_labels(10)
    _write(tmp_path / "train-labels-idx1-ubyte", lab)
    p = tmp_path / "train-images-idx3-ubyte"
    _write(p, img[:-100])                                    # truncated
    with pytest.raises(RuntimeError, match="truncated") as e:
        list(ds.MnistDataset(str(tmp_path), "train"))
    assert "train-images-idx3-ubyte" in str(e.value)
    _write(p, b"\x00\x00\x08\x01" + img[4:])                 # a labels magic on an images file
    with pytest.raises(RuntimeError, match="magic number"):
        ds.MnistDataset(str(tmp_path), "train").get_dataset_size()
    _write(p, gzip.compress(img))                            # gzipped but named raw
    with pytest.raises(RuntimeError, match="gzip"):
        ds.MnistDataset(str(tmp_path), "train").get_dataset_size()
    os.remove(p)
    _write(tmp_path / "train-images-idx3-ubyte.gz", gzip.compress(img)[:-50])   # truncated gzip stream
    with pytest.raises(RuntimeError, match="train-images-idx3-ubyte.gz"):
        list(ds.MnistDataset(str(tmp_path), "train"))
    _write(tmp_path / "train-images-idx3-ubyte.gz", _idx_images(9)[0], gz=True)  # counts disagree
    with pytest.raises(RuntimeError, match="9 images"):
        ds.MnistDataset(str(tmp_path), "train").get_dataset_size()


def test_download_without_network(tmp_path, monkeypatch):
    import urllib.error

    def no_net(url, timeout):
        raise urllib.error.URLError("Temporary failure in name resolution")
    monkeypatch.setattr(mnist_mod, "_fetch", no_net)
    with pytest.raises(RuntimeError, match="no network"):
        ds.download_mnist(str(tmp_path))
    assert [f for f in os.listdir(tmp_path)] == []


def test_download_checks_hashes_and_writes_atomically(tmp_path, monkeypatch):
    files = {"train-images-idx3-ubyte": _idx_images(4)[0], "train-labels-idx1-ubyte": _idx_labels(4)[0],
             "t10k-images-idx3-ubyte": _idx_images(2, seed=1)[0], "t10k-labels-idx1-ubyte": _idx_labels(2, 1)[0]}
    monkeypatch.setattr(mnist_mod, "MNIST_SHA256", {k: hashlib.sha256(v).hexdigest() for k, v in files.items()})
    calls = []

    def fake(url, timeout):
        calls.append(url)
        return gzip.compress(files[url.rsplit("/", 1)[1][:-3]])
    monkeypatch.setattr(mnist_mod, "_fetch", fake)
    assert ds.download_mnist(str(tmp_path), mirrors="https://example.invalid/mnist/") == str(tmp_path)
    assert sorted(os.listdir(tmp_path)) == sorted(k + ".gz" for k in files)
    assert calls[0] == "https://example.invalid/mnist/train-images-idx3-ubyte.gz"
    assert ds.MnistDataset(str(tmp_path), "train").get_dataset_size() == 4
    calls.clear()
    ds.download_mnist(str(tmp_path), mirrors="https://example.invalid/mnist/")   # all present: nothing fetched
    assert calls == []
    # a corrupt download is refused, and nothing is left behind
    other = tmp_path / "other"
    monkeypatch.setattr(mnist_mod, "_fetch", lambda url, timeout: gzip.compress(_idx_images(4, seed=9)[0]))
    with pytest.raises(RuntimeError, match="sha256"):
        ds.download_mnist(str(other), mirrors="https://example.invalid/mnist/")
    monkeypatch.setattr(mnist_mod, "_fetch", lambda url, timeout: gzip.compress(b"garbage"))
    with pytest.raises(RuntimeError, match="shorter than the 16-byte IDX images header"):
        ds.download_mnist(str(other), mirrors="https://example.invalid/mnist/")
    assert os.listdir(other) == []


# ---------------------------------------------------------------------------------------------- gzip bombs
def _bomb(header_and_data, zeros_mb=200):
    """A gzip file of ``header_and_data`` followed by ``zeros_mb`` MB of zeros, about 1 KB per MB: gzip members
    of 1 MB of zeros, concatenated (a valid gzip file; readers inflate the members one after the other)."""
    return gzip.compress(header_and_data) + gzip.compress(bytes(1 << 20)) * zeros_mb


def test_gzip_bomb_is_refused_with_bounded_memory(tmp_path):
    import tracemalloc
    img, _ = _idx_images(10)
    bomb = _bomb(img)
    assert len(bomb) < 400_000
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(bomb)
    _write(tmp_path / "train-labels-idx1-ubyte", _idx_labels(10)[0])
    d = ds.MnistDataset(str(tmp_path), "train")
    assert d.get_dataset_size() == 10                        # the header alone
    tracemalloc.start()
    try:
        with pytest.raises(RuntimeError) as e:
            list(d)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024, f"{peak} bytes to refuse a {len(bomb)}-byte file"
    assert "train-images-idx3-ubyte.gz: it inflates beyond the 7856 bytes its header announces" in str(e.value)


def test_absurd_header_dims_are_refused_before_reading(tmp_path):
    import tracemalloc
    # 2**31 images of 65535x65535: ~9 EB announced by a 40-byte gzip file, or a 16-byte raw one; refused from
    # the header, before the sampler makes 2**31 indices or the reader allocates anything
    head = (2051).to_bytes(4, "big") + (1 << 31).to_bytes(4, "big") + (65535).to_bytes(4, "big") * 2
    _write(tmp_path / "train-labels-idx1-ubyte", (2049).to_bytes(4, "big") + (1 << 31).to_bytes(4, "big"))
    for name, data in (("train-images-idx3-ubyte.gz", gzip.compress(head)), ("train-images-idx3-ubyte", head)):
        p = tmp_path / name
        p.write_bytes(data)
        tracemalloc.start()
        try:
            with pytest.raises(RuntimeError, match=f"{name} is truncated: its header announces 2147483648 images "
                                                   "of 65535x65535") as e:
                ds.MnistDataset(str(tmp_path), "train").get_dataset_size()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert (f"{len(data)}-byte gzip file can inflate to at most" if name.endswith(".gz") else
                f"it has {len(data)} bytes") in str(e.value)
        assert peak < 10 * 1024 * 1024
        os.remove(p)


def test_download_refuses_a_gzip_bomb(tmp_path, monkeypatch):
    img = _idx_images(4)[0]
    monkeypatch.setattr(mnist_mod, "MNIST_SHA256", {"train-images-idx3-ubyte": hashlib.sha256(img).hexdigest()})
    monkeypatch.setattr(mnist_mod, "_fetch", lambda url, timeout: _bomb(img, zeros_mb=20))
    with pytest.raises(RuntimeError, match="inflates beyond"):
        ds.download_mnist(str(tmp_path), mirrors="https://example.invalid/mnist/")
    assert os.listdir(tmp_path) == []


def test_fifo_is_refused_at_once(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    import threading
    _write(tmp_path / "train-labels-idx1-ubyte", _idx_labels(10)[0])
    fifo = str(tmp_path / "train-images-idx3-ubyte")
    os.mkfifo(fifo)
    errors = []

    def run():
        try:
            ds.MnistDataset(str(tmp_path), "train").get_dataset_size()
        except Exception as e:  # noqa: BLE001 - handed to the test
            errors.append(e)
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))     # let the blocked reader through
        pytest.fail("MnistDataset blocked on a FIFO")
    assert len(errors) == 1 and "is a FIFO (named pipe), not a regular file" in str(errors[0])
