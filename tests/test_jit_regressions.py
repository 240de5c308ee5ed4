"""Regression tests of ``mindspore.jit`` (kept apart from tests/test_jit.py)."""
import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, ops


def test_assigning_a_traced_value_into_an_outside_tensor_falls_back():
    # review regression: assigning a traced value into a tensor created outside the compiled function corrupted that
    # tensor; now jit falls back to running the function eagerly, with a warning
    buf = Tensor(np.zeros(2, np.float32))

    @ms.jit
    def f(x):
        buf[0] = x.sum()
        return x * 2

    with pytest.warns(UserWarning, match="JIT Fallback.*outside the compiled function"):
        out = f(Tensor(np.ones(2, np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), [2, 2])
    np.testing.assert_array_equal(buf.asnumpy(), [2, 0])     # the eager run did the assignment
    assert float((buf + 1)[0]) == 3.0                        # and buf is still a usable tensor


def test_integer_indices_computed_in_the_function_compile_to_gathers():
    """``t[tags[0]]`` and ``e[i, arange(B), tags[i]]`` (the LSTM+CRF tutorial) compile (no fallback) to Gather and
    GatherNd, with NumPy's advanced-indexing values and gradients; a bool mask still falls back."""
    import warnings
    t = ms.Parameter(ms.Tensor(np.array([1., 2., 3.], np.float32)), name="t")
    e = ms.Tensor(np.arange(24.).reshape(2, 3, 4).astype(np.float32))
    tags = ms.Tensor(np.array([[0, 1, 3], [2, 0, 1]], np.int64))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f = ms.jit(lambda tags: t[tags[0, :2]] + t[tags[1, ops.arange(2)]])
        np.testing.assert_array_equal(f(tags).asnumpy(), [4., 3.])
        g = ms.jit(ms.value_and_grad(lambda e, tags: e[1, ops.arange(3), tags[0]].sum()))
        value, grad = g(e, tags)
    np.testing.assert_array_equal(value.asnumpy(), e.asnumpy()[1, np.arange(3), [0, 1, 3]].sum())
    expected = np.zeros((2, 3, 4), np.float32)
    expected[1, np.arange(3), [0, 1, 3]] = 1
    np.testing.assert_array_equal(grad.asnumpy(), expected)
    with pytest.raises(RuntimeError, match=r"For 'Gather', the indices must be in \[-3, 3\), but got 5"):
        ms.jit(lambda tags: t[tags[0]])(ms.Tensor(np.array([[0, 5]], np.int64)))
    with pytest.warns(UserWarning, match="JIT Fallback"):
        ms.jit(lambda x: x[x > 1])(ms.Tensor(np.array([1., 2., 3.], np.float32)))
