"""minispore.dataset pipeline semantics (checked against MindSpore 2.10 by hand; see the reference §6)."""
import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
import minispore.dataset.transforms as T
import minispore.dataset.vision as vision
from minispore import Tensor


def rows(d, **kw):
    return [[a.tolist() for a in r] for r in d.create_tuple_iterator(output_numpy=True, **kw)]


def gen5():
    for i in range(5):
        yield np.array([i, i + 1]), np.array(i * 1.5)


# ------------------------------------------------------------------ sources
def test_generator_columns_dtypes_and_order():
    d = ds.GeneratorDataset(gen5, ["a", "b"])
    assert d.get_col_names() == ["a", "b"]
    assert d.output_types() == [np.int64, np.float64]
    assert d.output_shapes() == [[2], []]
    assert d.get_dataset_size() == 5 and len(d) == 5
    assert rows(d) == [[[i, i + 1], i * 1.5] for i in range(5)]   # a generator is never shuffled


def test_generator_python_scalars_and_single_column():
    def g():
        for i in range(3):
            yield i, float(i)
    assert ds.GeneratorDataset(g, ["a", "b"]).output_types() == [np.int64, np.float64]
    assert rows(ds.GeneratorDataset(lambda: iter(range(3)), "x")) == [[0], [1], [2]]


def test_generator_random_access_shuffles_by_default_and_samples():
    class RA:
        def __getitem__(self, i):
            return np.array([i]), np.array(i * 2, np.float32)

        def __len__(self):
            return 10
    got = rows(ds.GeneratorDataset(RA(), ["a", "b"]))
    assert sorted(r[0][0] for r in got) == list(range(10))
    assert rows(ds.GeneratorDataset(RA(), ["a", "b"], shuffle=False, num_samples=4)) == [
        [[i], i * 2.0] for i in range(4)]
    assert ds.GeneratorDataset(RA(), ["a", "b"], num_samples=4).get_dataset_size() == 4


def test_generator_errors():
    with pytest.raises(ValueError):
        ds.GeneratorDataset(gen5)
    with pytest.raises(TypeError):
        ds.GeneratorDataset(5, ["a"])
    with pytest.raises(RuntimeError, match="2 column"):
        rows(ds.GeneratorDataset(gen5, ["a"]))
    with pytest.raises(ValueError, match="sampler"):
        ds.GeneratorDataset(gen5, ["a", "b"], sampler=ds.SequentialSampler())


def test_numpy_slices_inputs():
    d = ds.NumpySlicesDataset([1, 2, 3], shuffle=False)
    assert d.get_col_names() == ["column_0"] and rows(d) == [[1], [2], [3]]
    assert d.output_types() == [np.int64]
    t = ds.NumpySlicesDataset(([1, 2, 3], [4., 5., 6.]))
    assert t.get_col_names() == ["column_0", "column_1"] and t.output_types() == [np.int64, np.float64]
    dd = ds.NumpySlicesDataset({"x": np.zeros((4, 3), np.float32), "y": np.arange(4)})
    assert dd.get_col_names() == ["x", "y"] and dd.output_shapes() == [[3], []]
    assert ds.NumpySlicesDataset(np.zeros((4, 3)), column_names=["q"]).get_col_names() == ["q"]
    assert ds.NumpySlicesDataset(list(range(10)), num_samples=3).get_dataset_size() == 3
    with pytest.raises(ValueError):
        ds.NumpySlicesDataset((np.zeros((4, 3)), np.arange(5)))
    with pytest.raises(ValueError):
        ds.NumpySlicesDataset((np.zeros((4, 3)), np.arange(4)), column_names=["q"])
    with pytest.raises(RuntimeError):
        ds.NumpySlicesDataset([1, 2], shuffle=True, sampler=ds.SequentialSampler())


def test_samplers_and_shards():
    d = ds.NumpySlicesDataset(list(range(10)), sampler=ds.SequentialSampler(2, 3))
    assert rows(d) == [[2], [3], [4]]
    assert rows(ds.NumpySlicesDataset(list(range(10)), sampler=[5, 0, 3])) == [[5], [0], [3]]
    shards = [rows(ds.NumpySlicesDataset(list(range(10)), num_shards=3, shard_id=i, shuffle=False))
              for i in range(3)]
    assert [len(s) for s in shards] == [4, 4, 4]
    assert shards[1] == [[1], [4], [7], [0]]
    with pytest.raises(RuntimeError):
        ds.NumpySlicesDataset([1, 2], shard_id=0)


# ------------------------------------------------------------------ batch and friends
def test_batch_sizes():
    d = ds.NumpySlicesDataset(list(range(10)), shuffle=False)
    assert [len(r[0]) for r in rows(d.batch(4))] == [4, 4, 2]
    assert [len(r[0]) for r in rows(d.batch(4, drop_remainder=True))] == [4, 4]
    assert d.batch(4).get_dataset_size() == 3 and d.batch(4, True).get_dataset_size() == 2
    assert d.batch(4).get_batch_size() == 4 and d.get_batch_size() == 1
    assert d.batch(4).output_shapes() == [[4]]
    assert rows(d.batch(4)) == [[[0, 1, 2, 3]], [[4, 5, 6, 7]], [[8, 9]]]
    with pytest.raises(ValueError):
        d.batch(0)


def test_batch_spans_repeats_and_blocks():
    d = ds.NumpySlicesDataset(list(range(10)), shuffle=False)
    assert [len(r[0]) for r in rows(d.repeat(3).batch(4))] == [4] * 7 + [2]
    assert d.batch(4).repeat(3).get_dataset_size() == 9
    flat = sum((r[0] for r in rows(d.repeat(3).batch(4))), [])
    assert flat == list(range(10)) * 3
    big = ds.NumpySlicesDataset(np.arange(5000), shuffle=False).batch(3000)   # crosses source blocks
    assert [r[0] for r in rows(big)] == [list(range(3000)), list(range(3000, 5000))]


def test_batch_ragged_is_an_error_and_per_batch_map():
    g = ds.GeneratorDataset([(np.zeros(i + 1),) for i in range(3)], ["a"], shuffle=False)
    with pytest.raises(RuntimeError, match="different shapes"):
        rows(g.batch(2))
    d = ds.NumpySlicesDataset([1, 2, 3], shuffle=False).batch(2, per_batch_map=lambda a, info: ([x * 2 for x in a],))
    assert rows(d) == [[[2, 4]], [[6]]]


def test_repeat_take_skip():
    d = ds.NumpySlicesDataset(list(range(10)), shuffle=False)
    assert d.repeat(3).get_dataset_size() == 30
    assert d.take(3).get_dataset_size() == 3 and d.take(30).get_dataset_size() == 10
    assert d.skip(3).get_dataset_size() == 7 and d.skip(30).get_dataset_size() == 0
    assert rows(d.skip(3).take(4)) == [[3], [4], [5], [6]]
    assert d.take(-1).get_dataset_size() == 10 and d.repeat(-1).get_dataset_size() == 10
    for bad in (lambda: d.take(0), lambda: d.skip(-1), lambda: d.repeat(0)):
        with pytest.raises(ValueError):
            bad()
    it = d.repeat().create_tuple_iterator(output_numpy=True)
    assert [int(next(it)[0]) for _ in range(25)] == list(range(10)) * 2 + list(range(5))


def test_project_rename():
    d = ds.NumpySlicesDataset({"a": [1, 2], "b": [3, 4], "c": [5, 6]}, shuffle=False)
    assert d.project(["c", "a"]).get_col_names() == ["c", "a"]
    assert rows(d.project("c")) == [[5], [6]]
    assert d.rename(["a", "c"], ["x", "z"]).get_col_names() == ["x", "b", "z"]
    assert d.rename("a", "x").get_col_names() == ["x", "b", "c"]
    with pytest.raises(RuntimeError):
        d.project(["nope"])
    with pytest.raises(RuntimeError):
        d.rename(["nope"], ["x"])
    with pytest.raises(ValueError):
        d.rename(["a"], ["x", "y"])


def test_map_column_rules():
    d = ds.NumpySlicesDataset({"a": [1, 2], "b": [3, 4], "c": [5, 6]}, shuffle=False)
    assert d.map(lambda x: (x, x), "b", ["p", "q"]).get_col_names() == ["p", "q", "a", "c"]
    assert d.map(lambda x, y: x, ["c", "a"], ["p"]).get_col_names() == ["p", "b"]
    assert d.map(lambda x, y: (x, y), ["c", "a"], ["p", "q"]).get_col_names() == ["q", "b", "p"]
    assert rows(d.map(lambda x: x * 10)) == [[10, 3, 5], [20, 4, 6]]          # default: first column
    assert rows(d.map(lambda x, y: (x, y), ["c", "a"], ["p", "q"])) == [[1, 3, 5], [2, 4, 6]]
    assert d.map(lambda x: 3, "a").output_types()[0] == np.int64
    assert d.map(lambda x: 3.0, "a").output_types()[0] == np.float64
    with pytest.raises(RuntimeError):
        d.map(vision.HWC2CHW(), "nope")
    with pytest.raises(ValueError):
        d.map(5, "a")
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        rows(d.map(lambda x: 1 / 0, "a"))
    with pytest.raises(RuntimeError, match="output_columns"):
        rows(d.map(lambda x: (x, x), "a"))


def test_map_python_function_sees_numpy_samples_and_batches():
    seen = []
    d = ds.NumpySlicesDataset(np.arange(6).reshape(3, 2), shuffle=False)
    rows(d.map(lambda x: seen.append((type(x), x.shape)) or x))
    assert seen == [(np.ndarray, (2,))] * 3
    seen.clear()
    rows(d.batch(2).map(lambda x: seen.append(x.shape) or x))
    assert seen == [(2, 2), (1, 2)]


def test_map_after_batch_with_builtin_ops():
    imgs = np.random.default_rng(0).integers(0, 256, (10, 4, 4, 1)).astype(np.uint8)
    d = ds.NumpySlicesDataset({"image": imgs}, shuffle=False).batch(4).map(vision.Rescale(0.5, 1.0), "image")
    out = [r[0] for r in d.create_tuple_iterator(output_numpy=True)]
    assert [o.shape for o in out] == [(4, 4, 4, 1), (4, 4, 4, 1), (2, 4, 4, 1)]
    np.testing.assert_allclose(np.concatenate(out), imgs * np.float32(0.5) + 1)


def test_mixed_builtin_and_python_ops_in_one_map():
    imgs = np.random.default_rng(1).integers(0, 256, (7, 3, 3, 1)).astype(np.uint8)
    ops = [vision.Rescale(1 / 255, 0), lambda x: x * 2, vision.HWC2CHW()]
    d = ds.NumpySlicesDataset({"image": imgs}, shuffle=False).map(ops, "image")
    got = np.stack([r[0] for r in d.create_tuple_iterator(output_numpy=True)])
    np.testing.assert_allclose(got, (imgs.astype(np.float32) / 255 * 2).transpose(0, 3, 1, 2), rtol=1e-6)


def test_concat():
    a = ds.NumpySlicesDataset({"a": [1, 2]}, shuffle=False)
    b = ds.NumpySlicesDataset({"a": [3]}, shuffle=False)
    assert rows(a + b) == [[1], [2], [3]] and (a + b).get_dataset_size() == 3


# ------------------------------------------------------------------ shuffling and seeds
def test_shuffle_reproducible_under_seeds():
    def order():
        return [r[0] for r in rows(ds.NumpySlicesDataset(list(range(50))))]
    ds.config.set_seed(5)
    a = order()
    ds.config.set_seed(5)
    assert order() == a and sorted(a) == list(range(50)) and a != list(range(50))
    ms.set_seed(11)
    assert ds.config.get_seed() == 11
    b1, b2 = order(), order()
    ms.set_seed(11)
    assert [order(), order()] == [b1, b2]
    assert b1 != b2                                       # each epoch is reshuffled


def test_reiterating_gives_new_epochs():
    ds.config.set_seed(3)
    d = ds.NumpySlicesDataset(list(range(20)))
    e1 = [int(r[0]) for r in d]
    e2 = [int(r[0]) for r in d]
    assert sorted(e1) == sorted(e2) == list(range(20)) and e1 != e2
    it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
    assert len(list(it)) == 20 and len(list(it)) == 20
    with pytest.raises(RuntimeError):
        list(it)


def test_shuffle_op():
    d = ds.NumpySlicesDataset(list(range(100)), shuffle=False)
    ds.config.set_seed(1)
    a = [r[0] for r in rows(d.shuffle(10))]
    ds.config.set_seed(1)
    assert [r[0] for r in rows(d.shuffle(10))] == a
    assert sorted(a) == list(range(100)) and a != list(range(100))
    # a buffer of 10 cannot move a row more than ~10 places earlier
    assert all(a.index(v) >= v - 10 for v in range(100))
    big = [r[0] for r in rows(ds.NumpySlicesDataset(np.arange(5000), shuffle=False).shuffle(6000))]
    assert sorted(big) == list(range(5000))
    with pytest.raises(ValueError):
        d.shuffle(1)


def test_random_transform_reproducible():
    imgs = np.random.default_rng(0).integers(0, 256, (64, 6, 6, 1)).astype(np.uint8)

    def run():
        d = ds.NumpySlicesDataset({"image": imgs}, shuffle=False)
        d = d.map([vision.RandomCrop(4, padding=1), vision.RandomHorizontalFlip()], "image").batch(64)
        return next(d.create_tuple_iterator(output_numpy=True))[0]
    ds.config.set_seed(9)
    a = run()
    ds.config.set_seed(9)
    np.testing.assert_array_equal(run(), a)
    assert a.shape == (64, 4, 4, 1)


# ------------------------------------------------------------------ iterators
def test_iterators_yield_tensors():
    d = ds.NumpySlicesDataset({"x": np.ones((5, 2), np.float32), "y": np.arange(5).astype(np.int32)},
                              shuffle=False).batch(2)
    r = next(d.create_tuple_iterator())
    assert isinstance(r, list) and all(isinstance(a, Tensor) for a in r)
    assert (r[0].shape, r[0].dtype, r[1].dtype) == ((2, 2), ms.float32, ms.int32)
    r = next(d.create_dict_iterator())
    assert list(r) == ["x", "y"] and isinstance(r["y"], Tensor)
    r = next(d.create_dict_iterator(output_numpy=True))
    assert isinstance(r["x"], np.ndarray)
    r = next(d.create_tuple_iterator(columns=["y"], output_numpy=True))
    assert len(r) == 1 and r[0].tolist() == [0, 1]
    r = next(iter(d))
    assert isinstance(r, list) and isinstance(r[0], Tensor)
    s = next(ds.NumpySlicesDataset([7], shuffle=False).create_tuple_iterator(output_numpy=True))[0]
    assert isinstance(s, np.ndarray) and s.shape == ()


def test_tutorial_pipeline_dtypes():
    imgs = np.random.default_rng(0).integers(0, 256, (10, 28, 28, 1)).astype(np.uint8)
    d = ds.NumpySlicesDataset({"image": imgs, "label": np.arange(10).astype(np.uint32)}, shuffle=False)
    tr = [vision.Rescale(1.0 / 255.0, 0), vision.Normalize(mean=(0.1307,), std=(0.3081,)), vision.HWC2CHW()]
    d = d.map(tr, "image").map(T.TypeCast(ms.int32), "label").batch(4)
    assert d.output_types() == [np.float32, np.int32]
    assert d.output_shapes() == [[4, 1, 28, 28], [4]]
    x, y = next(d.create_tuple_iterator())
    assert (x.dtype, y.dtype, x.shape) == (ms.float32, ms.int32, (4, 1, 28, 28))
    ref = ((imgs[:4].astype(np.float32) / 255 - 0.1307) / 0.3081).transpose(0, 3, 1, 2)
    np.testing.assert_allclose(x.asnumpy(), ref, rtol=1e-5, atol=1e-6)
