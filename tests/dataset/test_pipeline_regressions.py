"""Regressions from a review of minispore.dataset; expected values recorded with MindSpore 2.10."""
import os
import subprocess
import sys

import numpy as np
import pytest

import minispore.dataset as ds
from minispore.dataset import config
from minispore.dataset import mnist as mnist_mod

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _gen(n=5):
    for i in range(n):
        yield (np.array(i),)


def _vals(d, **kw):
    return [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True, **kw)]


# ------------------------------------------------------------------ 1: a generator object is read once, replayed
def test_generator_object_counted_then_iterated():
    d = ds.GeneratorDataset(_gen(), ["x"])
    assert d.get_dataset_size() == 5 and len(d) == 5          # used to consume the generator
    assert _vals(d) == [0, 1, 2, 3, 4]
    assert len(list(d)) == 5


def test_generator_object_every_epoch_and_repeat():
    d = ds.GeneratorDataset(_gen(), ["x"])
    it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
    assert [[int(r[0]) for r in it] for _ in range(2)] == [[0, 1, 2, 3, 4]] * 2
    assert sum(1 for _ in d) == 5                               # a later, separate iteration too
    assert _vals(ds.GeneratorDataset(_gen(3), ["x"]).repeat(2)) == [0, 1, 2, 0, 1, 2]
    d = ds.GeneratorDataset(_gen(), ["x"], num_samples=2)
    assert d.get_dataset_size() == 2 and _vals(d) == [0, 1] and _vals(d) == [0, 1]


def test_generator_object_first_row_then_all():
    d = ds.GeneratorDataset(_gen(), ["x"]).batch(2)
    assert d.output_shapes() == [[2]]                           # reads only the first rows...
    assert [r[0].tolist() for r in d.create_tuple_iterator(output_numpy=True)] == [[0, 1], [2, 3], [4]]
    assert d.get_dataset_size() == 3


def test_generator_function_and_iterable_unchanged():
    calls = []

    def gen():
        calls.append(1)
        yield from _gen()
    d = ds.GeneratorDataset(gen, ["x"])
    assert _vals(d) == _vals(d) == [0, 1, 2, 3, 4]
    assert len(calls) == 2                                       # a generator function is called per epoch

    class Iterable:                                              # re-iterable: read afresh each epoch
        def __init__(self):
            self.n = 0

        def __iter__(self):
            self.n += 1
            return iter([(np.array(1),), (np.array(2),)])
    src = Iterable()
    d = ds.GeneratorDataset(src, ["x"])
    assert _vals(d) == _vals(d) == [1, 2] and src.n == 2


# ------------------------------------------------------------------ 2: shards are disjoint across processes
_SHARD_SCRIPT = """
import sys
import numpy as np
sys.path.insert(0, {repo!r})
import minispore.dataset as ds
r = int(sys.argv[1])
if len(sys.argv) > 2:
    ds.config.set_seed(int(sys.argv[2]))
np.random.default_rng().random(r + 3)        # per-process noise must not matter
ds.config._rng.random(r + 7)
d = ds.NumpySlicesDataset(np.arange(10), num_shards=2, shard_id=r)
it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
print([[int(x[0]) for x in it] for _ in range(2)])
"""


@pytest.mark.parametrize("seed", [None, 7])
def test_shards_disjoint_in_separate_processes(seed):
    script = _SHARD_SCRIPT.format(repo=REPO)
    outs = []
    for r in range(2):
        args = [sys.executable, "-c", script, str(r)] + ([] if seed is None else [str(seed)])
        outs.append(eval(subprocess.run(args, capture_output=True, text=True, check=True).stdout))  # noqa: S307
    for ep in range(2):
        a, b = outs[0][ep], outs[1][ep]
        assert len(a) == len(b) == 5
        assert sorted(a + b) == list(range(10))                 # disjoint, covering everything
    assert outs[0][0] != outs[0][1]                              # still reshuffled each epoch


@pytest.fixture
def keep_seed():
    saved = config._seed, config._rng
    yield
    config._seed, config._rng = saved


def test_shard_order_follows_seed_and_epoch_not_the_stream(keep_seed):
    def shard(r):
        d = ds.NumpySlicesDataset(np.arange(10), num_shards=2, shard_id=r)
        return _vals(d)
    config.set_seed(3)
    a0 = shard(0)
    np.random.default_rng(0).random()
    config._rng.random(11)                                       # draws from the running stream
    a1 = shard(1)
    assert sorted(a0 + a1) == list(range(10))
    config.set_seed(3)
    assert shard(0) == a0
    rep = _vals(ds.NumpySlicesDataset(np.arange(10), num_shards=2, shard_id=0).repeat(2))
    assert rep[:5] == a0 and rep[5:] != a0                       # each repeat pass is reshuffled
    s = ds.DistributedSampler(2, 1)
    assert sorted(_vals(ds.NumpySlicesDataset(np.arange(10), sampler=ds.DistributedSampler(2, 0))) +
                  _vals(ds.NumpySlicesDataset(np.arange(10), sampler=s))) == list(range(10))


# ------------------------------------------------------------------ 3: BatchInfo.get_epoch_num
def _batch_infos(d_fn, epochs=2):
    seen = []

    def pbm(x, info):
        seen.append((int(x[0]), info.get_batch_num(), info.get_epoch_num()))
        return (x,)
    it = d_fn(pbm).create_tuple_iterator(num_epochs=epochs)
    for _ in range(epochs):
        for _ in it:
            pass
    return seen


def test_batch_info_epoch_num():
    mk = lambda: ds.NumpySlicesDataset(np.arange(4), shuffle=False)  # noqa: E731
    assert _batch_infos(lambda f: mk().batch(2, per_batch_map=f)) == [(0, 0, 0), (2, 1, 0), (0, 0, 1), (2, 1, 1)]
    # MindSpore 2.10: under repeat the batch number restarts each pass, the epoch number is the iterator's
    assert _batch_infos(lambda f: mk().batch(2, per_batch_map=f).repeat(2)) == [
        (0, 0, 0), (2, 1, 0), (0, 0, 0), (2, 1, 0), (0, 0, 1), (2, 1, 1), (0, 0, 1), (2, 1, 1)]
    assert _batch_infos(lambda f: mk().repeat(2).batch(2, per_batch_map=f)) == [
        (0, 0, 0), (2, 1, 0), (0, 2, 0), (2, 3, 0), (0, 0, 1), (2, 1, 1), (0, 2, 1), (2, 3, 1)]


# ------------------------------------------------------------------ 7: values that are not tensors
def test_generator_dict_row_rejected_naming_column():
    with pytest.raises(RuntimeError, match="column 'a'.*dict"):
        list(ds.GeneratorDataset(lambda: iter([{"a": 1}]), ["a"]))
    with pytest.raises(RuntimeError, match="column 'b'.*NoneType"):
        list(ds.GeneratorDataset(lambda: iter([(np.ones(2), None)]), ["a", "b"]))


def test_map_returning_none_rejected_naming_column():
    d = ds.NumpySlicesDataset({"img": np.arange(3)}, shuffle=False)
    with pytest.raises(RuntimeError, match=r"map: operation <lambda>.*column 'img'.*NoneType"):
        list(d.map(lambda x: None))
    with pytest.raises(RuntimeError, match="column 'out'"):
        list(d.map(lambda x: None, output_columns=["out"]).batch(2))
    with pytest.raises(RuntimeError, match="column 'b'"):
        list(d.map(lambda x: (x, None), output_columns=["a", "b"]))
    with pytest.raises(RuntimeError, match="per_batch_map.*column 'img'"):
        list(d.batch(2, per_batch_map=lambda x, info: ([None] * len(x),)))
    # strings and ordinary values still pass
    assert [r[0].tolist() for r in ds.NumpySlicesDataset(np.array(["a", "bb"]), shuffle=False).batch(2)
            .create_tuple_iterator(output_numpy=True)] == [["a", "bb"]]
    assert [r[0].tolist() for r in d.map(lambda x: [x, x]).create_tuple_iterator(output_numpy=True)] == \
        [[0, 0], [1, 1], [2, 2]]


# ------------------------------------------------------------------ 8: the MNIST cache keeps one entry per file
def test_mnist_cache_bounded(tmp_path):
    n = 3
    img = tmp_path / "t10k-images-idx3-ubyte"
    lab = tmp_path / "t10k-labels-idx1-ubyte"

    def write(v):
        img.write_bytes((2051).to_bytes(4, "big") + n.to_bytes(4, "big") + (28).to_bytes(4, "big") +
                        (28).to_bytes(4, "big") + bytes([v]) * (n * 784))
        lab.write_bytes((2049).to_bytes(4, "big") + n.to_bytes(4, "big") + bytes([v]) * n)
        t = 1_000_000_000 + v                                   # a distinct mtime for every version
        os.utime(img, (t, t))
        os.utime(lab, (t, t))
    mnist_mod._CACHE.clear()
    for v in range(1, 5):
        write(v)
        d = ds.MnistDataset(str(tmp_path), "test", shuffle=False)
        assert int(next(d.create_tuple_iterator(output_numpy=True))[1]) == v
    assert len(mnist_mod._CACHE) == 2                            # images + labels, the latest version only
