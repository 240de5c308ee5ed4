"""Shape arithmetic for jit: NumPy's indexing and broadcasting rules computed without arrays, and dynamic
dimensions as symbols."""
import itertools

import numpy as np
import pytest

from minispore._core.errors import TracerValueError
from minispore._core.shapes import Dim, broadcast_shapes, index_shape, reduced_shape, resolve

SHAPE = (4, 5, 6)
_CANDIDATES = [0, -1, 2, 7, slice(None), slice(1, 3), slice(None, None, -2), None, Ellipsis, np.array([0, 2]),
               np.array([[1], [3]]), np.array([True, False, True, False]), np.array([-1]), np.array(1), True,
               np.array([[True] * 5] * 4)]


def _numpy_shape(shape, index):
    # a zero-byte array of the shape: NumPy computes the result shape without touching data
    try:
        return np.empty(shape, dtype=np.dtype([]))[index].shape
    except IndexError:
        return IndexError


def _ours(shape, index):
    try:
        return index_shape(shape, index)
    except IndexError:
        return IndexError


@pytest.mark.parametrize("k", [1, 2, 3])
def test_index_shape_is_numpys(k):
    bad = [(idx, _numpy_shape(SHAPE, idx), _ours(SHAPE, idx))
           for idx in itertools.product(_CANDIDATES, repeat=k) if _numpy_shape(SHAPE, idx) != _ours(SHAPE, idx)]
    assert not bad, bad[:5]


def test_index_errors_name_the_operation_and_the_index():
    with pytest.raises(IndexError, match="For 'getitem', index 7 is out of bounds for dimension 0 with size 4"):
        index_shape(SHAPE, 7)
    with pytest.raises(IndexError, match="too many indices"):
        index_shape((2,), (0, 0))


def test_broadcast_shapes_is_numpys_and_names_the_operation():
    for a, b in [((3, 1), (1, 4)), ((), (2, 3)), ((5, 1, 3), (4, 1)), ((1,), (0,))]:
        assert broadcast_shapes(a, b) == np.broadcast_shapes(a, b)
    with pytest.raises(ValueError, match="For 'Add', the shapes \\(2,\\) and \\(3,\\) cannot be broadcast"):
        broadcast_shapes((2,), (3,), op="Add")
    assert reduced_shape((2, 3, 4), (0, 2), True) == (1, 3, 1)
    assert reduced_shape((2, 3, 4), None, False) == ()


def test_dynamic_dimensions_keep_exact_shape_arithmetic():
    n, m = Dim.symbol(0), Dim.symbol(1)
    assert n * 784 // 784 == n and (n * 784) // n == 784
    assert n * 28 * 28 == n * 784 and n + n == 2 * n and (3 * n - n) == 2 * n
    assert (n * 784) % 784 == 0 and n != m and n != 5 and n > 1 and n >= 2
    assert broadcast_shapes((n, 1), (784,)) == (n, 784)
    assert resolve(((n, 3), [n * 2, slice(None, n)]), {0: 5}) == ((5, 3), [10, slice(None, 5)])
    assert resolve({"shape": (n, m)}, {0: 2, 1: 3}) == {"shape": (2, 3)}
    for needs_a_value in (lambda: int(n), lambda: range(n), lambda: n / 2, lambda: n < 3, lambda: (n + 1) // 2):
        with pytest.raises(TracerValueError):
            needs_a_value()
    with pytest.raises(ValueError, match="cannot be broadcast"):
        broadcast_shapes((n,), (m,))
