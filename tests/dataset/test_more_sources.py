"""minispore.dataset's more sources and samplers beyond their goldens (tests/test_golden_loaders.py): errors on
corrupt files, the missing-SciPy message, and the random sources' and samplers' properties."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden"))
import cases_loaders  # noqa: E402


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return cases_loaders.make_data(str(tmp_path_factory.mktemp("loaders")))


def _labels(d, col="label"):
    return [np.asarray(r[col]).tolist() for r in d.create_dict_iterator(output_numpy=True)]


def test_svhn_without_scipy_says_how_to_install(root, monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy.io", None)
    monkeypatch.setitem(sys.modules, "scipy", None)
    with pytest.raises(ImportError, match=r"pip install minispore\[scipy\]"):
        ds.SVHNDataset(os.path.join(root, "svhn"), usage="test").get_dataset_size()


def test_usps_corrupt_line_names_file_and_line(tmp_path):
    (tmp_path / "usps").write_text("3 1:0.5 2:0.1\n")
    with pytest.raises(RuntimeError, match=r"line 1 of .*usps"):
        ds.USPSDataset(str(tmp_path), usage="train").get_dataset_size()


def test_qmnist_bad_label_magic(root, tmp_path):
    import shutil
    for f in os.listdir(os.path.join(root, "qmnist")):
        shutil.copy(os.path.join(root, "qmnist", f), tmp_path / f)
    (tmp_path / "qmnist-train-labels-idx2-int").write_bytes(b"\0\0\x08\x01" + bytes(40))
    with pytest.raises(RuntimeError, match="magic number should be 3074"):
        ds.QMnistDataset(str(tmp_path), usage="train").get_dataset_size()


def test_qmnist_test10k_test50k_split_the_test_file(root):
    q = os.path.join(root, "qmnist")
    assert ds.QMnistDataset(q, usage="test10k").get_dataset_size() == 3       # fewer than 10000 rows: all
    assert ds.QMnistDataset(q, usage="test50k").get_dataset_size() == 0


def test_stl10_bad_size_and_missing_file(tmp_path):
    (tmp_path / "train_X.bin").write_bytes(bytes(100))
    with pytest.raises(RuntimeError, match="not a multiple of 27648"):
        ds.STL10Dataset(str(tmp_path), usage="train").get_dataset_size()
    with pytest.raises(RuntimeError, match="test_X.bin"):
        ds.STL10Dataset(str(tmp_path), usage="test").get_dataset_size()


def test_semeion_bad_line(tmp_path):
    (tmp_path / "semeion.data").write_text("1 0 1\n")
    with pytest.raises(RuntimeError, match="266 numbers"):
        ds.SemeionDataset(str(tmp_path)).get_dataset_size()


def test_fake_image_dataset_is_reproducible_per_seed():
    a = ds.FakeImageDataset(5, (3, 4, 2), 3, base_seed=7, shuffle=False)
    b = ds.FakeImageDataset(5, (3, 4, 2), 3, base_seed=7, shuffle=False)
    ra, rb = list(a.create_tuple_iterator(output_numpy=True)), list(b.create_tuple_iterator(output_numpy=True))
    assert all((x[0] == y[0]).all() and x[1] == y[1] for x, y in zip(ra, rb))
    assert ra[0][0].shape == (3, 4, 2) and ra[0][0].dtype == np.uint8 and ra[0][1].dtype == np.uint32
    assert {int(r[1]) for r in ra} <= {0, 1, 2}


def test_random_dataset_schema_and_columns_list():
    s = ds.Schema()
    s.add_column("a", de_type=ms.float32, shape=[2])
    s.add_column("b", de_type=ms.int64, shape=[3, 1])
    d = ds.RandomDataset(total_rows=4, schema=s, columns_list=["b"])
    assert d.get_col_names() == ["b"] and d.get_dataset_size() == 4
    row = next(d.create_tuple_iterator(output_numpy=True))
    assert row[0].shape == (3, 1) and row[0].dtype == np.int64
    with pytest.raises(TypeError, match="schema"):
        ds.RandomDataset(total_rows=2, schema={"a": 1})


def test_padded_dataset_ragged_and_mismatched_columns():
    d = ds.PaddedDataset([{"x": np.zeros(2)}, {"x": np.zeros(3)}])
    assert [r.shape for r, in d.create_tuple_iterator(output_numpy=True)] == [(2,), (3,)]
    with pytest.raises(ValueError, match="columns"):
        ds.PaddedDataset([{"x": 1}, {"y": 2}])


def test_weighted_random_sampler_properties():
    data = {"x": np.arange(6, dtype=np.int32)}
    d = ds.NumpySlicesDataset(data, sampler=ds.WeightedRandomSampler([0, 1, 0, 3, 0, 0], 200))
    got = _labels(d, "x")
    assert len(got) == 200 and set(got) == {1, 3} and got.count(3) > got.count(1)
    d = ds.NumpySlicesDataset(data, sampler=ds.WeightedRandomSampler([1] * 6, 4, replacement=False))
    got = _labels(d, "x")
    assert len(got) == 4 and len(set(got)) == 4
    with pytest.raises(RuntimeError, match="non-negative"):
        _labels(ds.NumpySlicesDataset(data, sampler=ds.WeightedRandomSampler([1, -1])), "x")
    with pytest.raises(RuntimeError, match="without replacement"):
        _labels(ds.NumpySlicesDataset(data, sampler=ds.WeightedRandomSampler([1, 0, 0, 0, 0, 0], 2, False)), "x")
    with pytest.raises(TypeError, match="weights"):
        ds.WeightedRandomSampler("ab")


def test_pk_sampler_shuffled_counts_and_cap(root):
    k = os.path.join(root, "kmnist")
    classes = sorted(set(_labels(ds.KMnistDataset(k, shuffle=False))))
    got = _labels(ds.KMnistDataset(k, sampler=ds.PKSampler(2, shuffle=True)))
    assert sorted(set(got)) == classes and all(got.count(c) == 2 for c in classes)
    got = _labels(ds.EMnistDataset(os.path.join(root, "emnist"), "digits", sampler=ds.PKSampler(1, num_samples=2)))
    assert len(got) == 2 and got == sorted(got)


@pytest.mark.parametrize("name, file, make", [
    ("USPSDataset", "usps", lambda d: ds.USPSDataset(d, usage="train")),
    ("SemeionDataset", "semeion.data", lambda d: ds.SemeionDataset(d)),
    ("SVHNDataset", "train_32x32.mat", lambda d: ds.SVHNDataset(d, usage="train")),
], ids=["usps", "semeion", "svhn"])
def test_a_binary_or_corrupt_file_is_a_runtime_error_naming_it(tmp_path, name, file, make):
    if name == "SVHNDataset":
        pytest.importorskip("scipy", reason="SVHNDataset reads .mat files with SciPy (the 'scipy' extra)")
    (tmp_path / file).write_bytes(bytes(range(256)) * 4)
    with pytest.raises(RuntimeError, match=f"{name}: .*{file}"):
        list(make(str(tmp_path)).create_tuple_iterator())
