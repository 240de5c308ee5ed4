"""FashionMnistDataset: MNIST's IDX reader under its own name."""
import gzip

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds


def _write(path, n, seed, gz=False):
    rng = np.random.default_rng(seed)
    img = rng.integers(0, 256, (n, 28, 28)).astype(np.uint8)
    lab = rng.integers(0, 10, n).astype(np.uint8)
    blobs = {"images": (2051).to_bytes(4, "big") + n.to_bytes(4, "big") + (28).to_bytes(4, "big")
             + (28).to_bytes(4, "big") + img.tobytes(),
             "labels": (2049).to_bytes(4, "big") + n.to_bytes(4, "big") + lab.tobytes()}
    for kind, blob in blobs.items():
        name = f"{path.name}-{kind}-idx{3 if kind == 'images' else 1}-ubyte"
        target = path.parent / (name + (".gz" if gz else ""))
        target.write_bytes(gzip.compress(blob) if gz else blob)
    return img, lab


def test_fashion_mnist_reads_idx_pairs(tmp_path):
    img_tr, lab_tr = _write(tmp_path / "train", 6, 0)
    img_te, lab_te = _write(tmp_path / "t10k", 4, 1, gz=True)
    d = ds.FashionMnistDataset(str(tmp_path), usage="train", shuffle=False)
    assert d.get_col_names() == ["image", "label"] and d.get_dataset_size() == 6
    rows = list(d.create_tuple_iterator(output_numpy=True))
    np.testing.assert_array_equal(np.stack([r[0] for r in rows])[..., 0], img_tr)
    assert [int(r[1]) for r in rows] == lab_tr.tolist() and rows[0][1].dtype == np.uint32
    assert ds.FashionMnistDataset(str(tmp_path)).get_dataset_size() == 10
    first = next(ds.FashionMnistDataset(str(tmp_path), shuffle=False).create_tuple_iterator())
    assert first[0].shape == (28, 28, 1) and first[0].dtype == ms.uint8 and int(first[1]) == lab_te[0]
    assert ds.FashionMnistDataset(str(tmp_path), num_shards=2, shard_id=0).get_dataset_size() == 5


def test_fashion_mnist_errors_name_it(tmp_path):
    _write(tmp_path / "train", 6, 0)
    data = (tmp_path / "train-images-idx3-ubyte").read_bytes()
    (tmp_path / "train-images-idx3-ubyte").write_bytes(data[:-10])
    with pytest.raises(RuntimeError, match=r"FashionMnistDataset: .*train-images-idx3-ubyte is truncated"):
        list(ds.FashionMnistDataset(str(tmp_path), usage="train"))
    with pytest.raises(RuntimeError, match=r"FashionMnistDataset: no Fashion-MNIST files for usage 'test'"):
        ds.FashionMnistDataset(str(tmp_path), usage="test").get_dataset_size()
    (tmp_path / "train-images-idx3-ubyte").write_bytes(b"\x00\x00\x08\x01" + data[4:])
    with pytest.raises(RuntimeError, match=r"invalid Fashion-MNIST file .*magic number"):
        ds.FashionMnistDataset(str(tmp_path), usage="train").get_dataset_size()
    with pytest.raises(ValueError, match="usage"):
        ds.FashionMnistDataset(str(tmp_path), usage="valid")
    with pytest.raises(ValueError, match="does not exist"):
        ds.FashionMnistDataset(str(tmp_path / "nope"))
