"""Regression tests of ``mindspore.jit`` (kept apart from tests/test_jit.py)."""
import numpy as np
import pytest

import minispore as ms
from minispore import Tensor


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
