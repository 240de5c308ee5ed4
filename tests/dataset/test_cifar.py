"""Cifar10Dataset / Cifar100Dataset on small hand-made binaries: decoding, file choice, sampling, broken files.
(Full-size files against MindSpore's own reading: tests/test_golden_dataset_vision.py.)"""
import os

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
from minispore.dataset import cifar as cifar_mod


def _records(n, n_labels, classes, seed):
    rng = np.random.default_rng(seed)
    labels = np.stack([rng.integers(0, c, n) for c in classes], 1).astype(np.uint8)
    planes = rng.integers(0, 256, (n, 3, 32, 32)).astype(np.uint8)       # R, G and B planes
    return np.concatenate([labels, planes.reshape(n, -1)], 1), labels, planes.transpose(0, 2, 3, 1)


def _cifar10(path, counts=(3, 2), test=4):
    os.makedirs(path, exist_ok=True)
    truth = {}
    names = [f"data_batch_{i + 1}.bin" for i in range(len(counts))] + ["test_batch.bin"]
    for k, (name, n) in enumerate(zip(names, list(counts) + [test])):
        rec, lab, img = _records(n, 1, (10,), k)
        (path / name).write_bytes(rec.tobytes())
        truth[name] = (lab[:, 0], img)
    return truth


@pytest.fixture
def c10(tmp_path):
    return tmp_path, _cifar10(tmp_path)


@pytest.fixture(autouse=True)
def _fresh_cache():
    yield
    cifar_mod._CACHE.clear()


def _all(d):
    return list(d.create_tuple_iterator(output_numpy=True))


def test_cifar10_columns_values_and_order(c10):
    path, truth = c10
    d = ds.Cifar10Dataset(str(path), shuffle=False)
    assert d.get_col_names() == ["image", "label"]
    assert d.get_dataset_size() == 9
    assert d.output_shapes() == [[32, 32, 3], []] and d.output_types() == [np.uint8, np.uint32]
    rows = _all(d)
    order = ["data_batch_1.bin", "data_batch_2.bin", "test_batch.bin"]          # name order: train first
    want_img = np.concatenate([truth[n][1] for n in order])
    want_lab = np.concatenate([truth[n][0] for n in order])
    np.testing.assert_array_equal(np.stack([r[0] for r in rows]), want_img)     # planes -> HWC
    assert [int(r[1]) for r in rows] == want_lab.tolist()
    img, lab = next(ds.Cifar10Dataset(str(path), shuffle=False).create_tuple_iterator())
    assert (img.dtype, lab.dtype, lab.shape) == (ms.uint8, ms.uint32, ())


def test_cifar10_usage_picks_files_by_name(c10):
    path, truth = c10
    (path / "batches.meta.txt").write_text("airplane\n")         # not a .bin: ignored
    (path / "extra_batch.bin").write_bytes(_records(1, 1, (10,), 9)[0].tobytes())
    assert ds.Cifar10Dataset(str(path), usage="train").get_dataset_size() == 5
    assert ds.Cifar10Dataset(str(path), usage="test").get_dataset_size() == 4
    assert ds.Cifar10Dataset(str(path), usage="all").get_dataset_size() == 10     # names containing "batch"
    test = _all(ds.Cifar10Dataset(str(path), usage="test", shuffle=False))
    np.testing.assert_array_equal(np.stack([r[0] for r in test]), truth["test_batch.bin"][1])


def test_cifar100_columns_and_usage(tmp_path):
    rec_tr, lab_tr, img_tr = _records(5, 2, (20, 100), 1)
    rec_te, lab_te, img_te = _records(3, 2, (20, 100), 2)
    (tmp_path / "train.bin").write_bytes(rec_tr.tobytes())
    (tmp_path / "test.bin").write_bytes(rec_te.tobytes())
    d = ds.Cifar100Dataset(str(tmp_path), usage="train", shuffle=False)
    assert d.get_col_names() == ["image", "coarse_label", "fine_label"]
    assert d.output_types() == [np.uint8, np.uint32, np.uint32]
    rows = _all(d)
    np.testing.assert_array_equal(np.stack([r[0] for r in rows]), img_tr)
    assert [(int(r[1]), int(r[2])) for r in rows] == [tuple(x) for x in lab_tr.tolist()]
    assert [ds.Cifar100Dataset(str(tmp_path), usage=u).get_dataset_size() for u in ("train", "test", "all")] == \
        [5, 3, 8]
    first = _all(ds.Cifar100Dataset(str(tmp_path), shuffle=False))[0]        # 'all': test.bin sorts first
    np.testing.assert_array_equal(first[0], img_te[0])


def test_sampling_shards_and_seed(c10):
    path, _ = c10
    labels = [int(r[1]) for r in _all(ds.Cifar10Dataset(str(path), shuffle=False))]
    assert [int(r[1]) for r in _all(ds.Cifar10Dataset(str(path), shuffle=False, num_samples=4))] == labels[:4]
    assert [int(r[1]) for r in _all(ds.Cifar10Dataset(str(path), sampler=[8, 0, 3]))] == \
        [labels[8], labels[0], labels[3]]
    shards = [[int(r[0].sum()) for r in _all(ds.Cifar10Dataset(str(path), num_shards=3, shard_id=k,
                                                                  shuffle=False))] for k in range(3)]
    sums = [int(r[0].sum()) for r in _all(ds.Cifar10Dataset(str(path), shuffle=False))]
    assert sorted(sum(shards, [])) == sorted(sums)              # disjoint, together everything
    ds.config.set_seed(7)
    a = [int(r[0].sum()) for r in _all(ds.Cifar10Dataset(str(path)))]
    ds.config.set_seed(7)
    b = [int(r[0].sum()) for r in _all(ds.Cifar10Dataset(str(path)))]
    assert a == b and sorted(a) == sorted(sums) and a != sums    # shuffled by default, reproducibly


def test_file_changes_are_seen(c10):
    path, _ = c10
    d = ds.Cifar10Dataset(str(path), usage="test", shuffle=False)
    first = _all(d)[0][0].copy()
    rec, _, img = _records(2, 1, (10,), 42)
    (path / "test_batch.bin").write_bytes(rec.tobytes())
    os.utime(path / "test_batch.bin", ns=(1, 1))                 # a different modification time
    again = _all(ds.Cifar10Dataset(str(path), usage="test", shuffle=False))
    assert len(again) == 2 and np.array_equal(again[0][0], img[0]) and not np.array_equal(first, img[0])


@pytest.mark.parametrize("cut", [1, 3072, 3074])
def test_truncated_file_names_it(c10, cut):
    path, _ = c10
    data = (path / "data_batch_2.bin").read_bytes()
    (path / "data_batch_2.bin").write_bytes(data[:-cut])
    with pytest.raises(RuntimeError, match=r"data_batch_2\.bin.*(truncated|not a whole number)"):
        ds.Cifar10Dataset(str(path)).get_dataset_size()
    with pytest.raises(RuntimeError, match=r"data_batch_2\.bin"):
        _all(ds.Cifar10Dataset(str(path), usage="train"))
    assert ds.Cifar10Dataset(str(path), usage="test").get_dataset_size() == 4     # the other files still read


def test_corrupt_labels_and_wrong_format(c10, tmp_path):
    path, _ = c10
    data = bytearray((path / "test_batch.bin").read_bytes())
    data[3073] = 200                                            # record 1's label
    (path / "test_batch.bin").write_bytes(bytes(data))
    with pytest.raises(RuntimeError, match=r"test_batch\.bin.*record 1 has label 200.*10 classes"):
        _all(ds.Cifar10Dataset(str(path), usage="test"))
    c100 = tmp_path / "c100"
    c100.mkdir()
    (c100 / "test.bin").write_bytes(_records(3073, 1, (10,), 0)[0].tobytes())   # CIFAR-10 records
    with pytest.raises(RuntimeError, match=r"test\.bin.*(3074-byte|fine_label|coarse_label)"):
        _all(ds.Cifar100Dataset(str(c100), usage="test"))


def test_empty_file_directory_and_missing_files(tmp_path):
    (tmp_path / "test_batch.bin").write_bytes(b"")
    with pytest.raises(RuntimeError, match=r"test_batch\.bin.*0 bytes"):
        ds.Cifar10Dataset(str(tmp_path)).get_dataset_size()
    (tmp_path / "test_batch.bin").unlink()
    (tmp_path / "data_batch_1.bin").mkdir()
    with pytest.raises(RuntimeError, match="directory"):
        ds.Cifar10Dataset(str(tmp_path)).get_dataset_size()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RuntimeError, match=r"no \.bin files"):
        ds.Cifar10Dataset(str(empty)).get_dataset_size()
    (empty / "train.bin").write_bytes(_records(1, 2, (20, 100), 0)[0].tobytes())
    assert ds.Cifar10Dataset(str(empty)).get_dataset_size() == 0     # MindSpore: 0 rows, reading them fails
    with pytest.raises(RuntimeError, match="no CIFAR-10 files"):
        _all(ds.Cifar10Dataset(str(empty)))
    (empty / "meta.bin").write_bytes(b"")
    with pytest.raises(RuntimeError, match="neither a train nor a test"):
        ds.Cifar100Dataset(str(empty)).get_dataset_size()


def test_argument_errors(c10):
    path, _ = c10
    with pytest.raises(ValueError, match="does not exist"):
        ds.Cifar10Dataset(str(path / "nope"))
    with pytest.raises(ValueError, match="usage"):
        ds.Cifar100Dataset(str(path), usage="valid")
    with pytest.raises(TypeError, match="usage"):
        ds.Cifar10Dataset(str(path), usage=1)
    with pytest.raises(RuntimeError, match="sampler and shuffle"):
        ds.Cifar10Dataset(str(path), sampler=ds.SequentialSampler(), shuffle=False)
    with pytest.raises(TypeError, match="dataset_dir"):
        ds.Cifar10Dataset(3)


def test_training_pipeline(c10):
    path, _ = c10
    vision = ds.vision
    d = ds.Cifar10Dataset(str(path), usage="train")
    d = d.map([vision.RandomCrop(32, padding=4), vision.RandomHorizontalFlip(), vision.Rescale(1 / 255, 0),
               vision.Normalize([0.4914, 0.4822, 0.4465], [0.247, 0.243, 0.261]), vision.HWC2CHW()], "image")
    d = d.map(ds.transforms.TypeCast(ms.int32), "label").batch(2, drop_remainder=True)
    batches = list(d.create_tuple_iterator())
    assert len(batches) == 2 == d.get_dataset_size()
    assert batches[0][0].shape == (2, 3, 32, 32) and batches[0][0].dtype == ms.float32
    assert batches[0][1].dtype == ms.int32
