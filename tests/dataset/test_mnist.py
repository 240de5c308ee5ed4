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
    readme = open(os.path.join(d, "README.md")).read()
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
    monkeypatch.setattr(mnist_mod, "_fetch", lambda url, timeout: gzip.compress(b"garbage"))
    with pytest.raises(RuntimeError, match="sha256"):
        ds.download_mnist(str(other), mirrors="https://example.invalid/mnist/")
    assert os.listdir(other) == []
