"""Array operations of ``mindspore.ops`` (minispore/ops/function/array_func.py): sorting, contraction, broadcasting,
slicing and rolling, and the arguments they must refuse."""
import numpy as np
import pytest

from minispore import Tensor, ops


@pytest.mark.parametrize("dtype", [np.uint8, np.uint32, np.bool_, np.int16, np.float32])
def test_descending_sort_and_topk_for_every_dtype(dtype):
    # review regression: descending sort and topk sorted the negated values, which wraps around for unsigned dtypes
    # and fails for bool
    data = np.array([0, 1, 2, 1], dtype)
    values, _ = ops.sort(Tensor(data), descending=True)
    np.testing.assert_array_equal(values.asnumpy(), np.sort(data)[::-1])
    top, _ = ops.topk(Tensor(data), 2)
    np.testing.assert_array_equal(top.asnumpy(), np.sort(data)[::-1][:2])


def test_inner_contracts_the_last_axes():
    # review regression: ops.inner was matmul (last axis with the second-to-last); it contracts the last axes
    x, y = np.ones((2, 3), np.float32), np.arange(12, dtype=np.float32).reshape(4, 3)
    np.testing.assert_allclose(ops.inner(Tensor(x), Tensor(y)).asnumpy(), np.inner(x, y))


def test_broadcast_to_rejects_minus_one_in_a_new_dimension():
    # review regression: -1 ("keep this size") in a new leading dimension, which has no size to keep, was accepted
    with pytest.raises(ValueError, match="broadcast_to"):
        ops.broadcast_to(Tensor(np.ones(3, np.float32)), (-1, 3))


def test_narrow_and_roll_reject_what_they_cannot_do():
    # review regression: narrow past the end silently gave a shorter slice, and roll with more shifts than dims
    # silently dropped the extra shifts
    x = Tensor(np.arange(6, dtype=np.float32))
    with pytest.raises(ValueError, match="narrow"):
        ops.narrow(x, 0, 4, 5)
    with pytest.raises(ValueError, match="roll"):
        ops.roll(Tensor(np.ones((2, 2), np.float32)), (1, 2), (0,))
