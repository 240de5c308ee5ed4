"""The fused training kernels (Dense, sparse softmax-cross-entropy) agree with their composite definitions and
keep higher-order derivatives."""
import numpy as np
import pytest

from minispore import Tensor, ops
from util import check_grads

rng = np.random.default_rng(7)
X = rng.standard_normal((4, 3))
W = rng.standard_normal((5, 3))
B = rng.standard_normal(5)
LOGITS = rng.standard_normal((6, 4))
LABELS = np.array([0, 3, 1, 1, 2, 0], np.int32)
LABELS_IGNORED = np.array([0, -100, 1, 1, -100, 3], np.int32)


def test_dense_matches_matmul():
    x, w, b = Tensor(X.astype(np.float32)), Tensor(W.astype(np.float32)), Tensor(B.astype(np.float32))
    np.testing.assert_allclose(ops.dense(x, w, b).asnumpy(), X @ W.T + B, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("with_bias", [True, False])
def test_dense_gradients_to_second_order(with_bias):
    if with_bias:
        check_grads(lambda x, w, b: ops.dense(x, w, b), [X, W, B], order=2)
    else:
        check_grads(lambda x, w: ops.dense(x, w), [X, W], order=2)


@pytest.mark.parametrize("labels", [LABELS, LABELS_IGNORED])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_sparse_cross_entropy_matches_composite(labels, reduction):
    x = Tensor(LOGITS.astype(np.float32))
    fused = ops.cross_entropy(x, Tensor(labels), reduction=reduction)
    # a weight of ones takes the general (composite) path
    composite = ops.cross_entropy(x, Tensor(labels), Tensor(np.ones(4, np.float32)), reduction=reduction)
    np.testing.assert_allclose(fused.asnumpy(), composite.asnumpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("labels", [LABELS, LABELS_IGNORED])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_sparse_cross_entropy_gradients_to_third_order(labels, reduction):
    check_grads(lambda x: ops.cross_entropy(x, Tensor(labels), reduction=reduction), [LOGITS], order=3)


def test_sparse_cross_entropy_rejects_out_of_range_classes():
    with pytest.raises(ValueError, match="cross_entropy.*target values"):
        ops.cross_entropy(Tensor(LOGITS.astype(np.float32)), Tensor(np.array([0, 4, 1, 1, 2, 0], np.int32)))
