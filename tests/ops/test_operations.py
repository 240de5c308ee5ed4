"""The Primitive-style operation classes of ``mindspore.ops`` (minispore/ops/operations.py)."""
import numpy as np

from minispore import Tensor, ops


def test_primitive_style_ops_take_their_options():
    # review regression: BatchMatMul ignored transpose_a/transpose_b, and ops.Dropout returned None for its mask
    x, y = np.ones((2, 3, 4), np.float32), np.ones((2, 5, 4), np.float32)
    assert ops.BatchMatMul(transpose_b=True)(Tensor(x), Tensor(y)).shape == (2, 3, 5)
    out, mask = ops.Dropout(keep_prob=0.5)(Tensor(np.ones(1000, np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), mask.asnumpy() * 2)
