"""nn.Embedding and nn.EmbeddingLookup beyond their goldens (tests/test_golden_seq_ops.py): lookups against NumPy
indexing, the padding row, one-hot lookups, the CPU target's zero rows for out-of-range ids, max_norm, and the
errors raised at construction and at the call."""
import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops

TABLE = np.random.default_rng(7).standard_normal((6, 4)).astype(np.float32)


def _embedding(**kw):
    e = nn.Embedding(6, 4, **kw)
    e.embedding_table.set_data(Tensor(TABLE))
    return e


def test_lookup_equals_numpy_indexing_eager_and_compiled():
    ids = np.array([[0, 5, 2], [2, 2, 1]], np.int32)
    for use_one_hot in (False, True):
        e = _embedding(use_one_hot=use_one_hot)
        np.testing.assert_allclose(e(Tensor(ids)).asnumpy(), TABLE[ids], rtol=1e-6)
        np.testing.assert_allclose(ms.jit(e.construct)(Tensor(ids)).asnumpy(), TABLE[ids], rtol=1e-6)


def test_padding_row_starts_at_zero_and_its_gradient_is_the_count_as_in_mindspore():
    e = nn.Embedding(6, 4, padding_idx=3)
    assert not e.embedding_table.asnumpy()[3].any()
    ids = Tensor(np.array([3, 1, 3], np.int32))
    (g,) = ms.grad(lambda i: ops.sum(e(i)), None, e.trainable_params())(ids)
    expected = np.zeros((6, 4))
    expected[3], expected[1] = 2, 1
    np.testing.assert_array_equal(g.asnumpy(), expected)


def test_embedding_errors():
    with pytest.raises(ValueError, match="padding_idx"):
        nn.Embedding(6, 4, padding_idx=-1)
    with pytest.raises(TypeError, match="Embedding"):
        _embedding()(Tensor(np.array([1.0], np.float32)))
    with pytest.raises(RuntimeError, match="6"):
        _embedding()(Tensor(np.array([6], np.int32)))


def test_embedding_lookup_zero_rows_gradient_and_max_norm():
    el = nn.EmbeddingLookup(6, 4, param_init=Tensor(TABLE), max_norm=1.5)
    ids = np.array([[0, 9], [-1, 4]], np.int32)
    norms = np.linalg.norm(TABLE, axis=1, keepdims=True)
    clipped = np.where(norms > 1.5, TABLE * 1.5 / norms, TABLE)
    expected = np.where((ids >= 0) & (ids < 6), 1, 0)[..., None] * clipped[np.clip(ids, 0, 5)]
    np.testing.assert_allclose(el(Tensor(ids)).asnumpy(), expected, rtol=1e-6)
    plain = nn.EmbeddingLookup(6, 4, param_init=Tensor(TABLE))
    (g,) = ms.grad(lambda i: ops.sum(plain(i)), None, plain.trainable_params())(Tensor(ids))
    dense = np.zeros((6, 4))
    dense[[0, 4]] = 1
    np.testing.assert_array_equal(g.asnumpy(), dense)
    assert repr(plain) == "EmbeddingLookup()" and plain.embedding_table.name == "embedding_table"


def test_embedding_lookup_errors():
    with pytest.raises(ValueError, match="target"):
        nn.EmbeddingLookup(6, 4, target="GPU")
    with pytest.raises(ValueError, match="sparse"):
        nn.EmbeddingLookup(6, 4, sparse=False)
    with pytest.raises(TypeError, match="EmbeddingLookup"):
        nn.EmbeddingLookup(6, 4)(Tensor(np.array([1.0], np.float32)))
