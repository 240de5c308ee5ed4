"""Gradients through indexing, __setitem__, gather, index_select, where, masked_fill and matmul."""
import numpy as np
import pytest

from minispore import Tensor, ops
from util import T, check_dtypes, check_grads

X = np.random.default_rng(0).standard_normal((3, 4, 5))

INDICES = {
    "int": 1,
    "negative_int": -1,
    "tuple_ints": (0, -2),
    "slice": slice(1, None),
    "slice_step": slice(None, None, 2),
    "slice_negative_step": slice(None, None, -1),
    "slice_neg_bounds": (slice(-2, None), slice(None, -1, 2)),
    "none": (None, 1),
    "ellipsis": (Ellipsis, 2),
    "ellipsis_none": (0, Ellipsis, None),
    "int_array_repeats": [0, 2, 0, 0],
    "int_array_negative": [-1, 1, -1],
    "int_tensor": Tensor(np.array([2, 2, 1])),
    "int_arrays_2d": (Tensor(np.array([[0, 1], [2, 0]])), slice(None), Tensor(np.array([[4], [0]]))),
    "mixed_array_slice": (slice(None), [3, 0, 3], slice(1, 3)),
    "bool_mask": Tensor(np.array([True, False, True])),
    "bool_mask_full": Tensor(X > 0.3),
    "bool_mask_inner": (slice(None), Tensor(np.array([True, False, True, True]))),
}


@pytest.mark.parametrize("name", sorted(INDICES))
def test_getitem(name):
    idx = INDICES[name]
    check_grads(lambda x: x[idx], [X], order=2)


def test_getitem_dtypes():
    check_dtypes(lambda x: x[[0, 0, 2], 1:], [X])


def set_through_function(x):
    y = x * 1
    y[0] = x[1] * 2
    return y


SETITEMS = {
    "row": set_through_function,
    "scalar": lambda x: _set(x, (1, 2, 3), x[0, 0, 0] * 3),
    "broadcast_value": lambda x: _set(x, (slice(None), 1), x[0, 0] ** 2),
    "slice_step": lambda x: _set(x, (slice(None), slice(None, None, 2)), ops.sin(x[:, :2])),
    "int_array": lambda x: _set(x, ([0, 2],), x[1:] * x[:2]),
    "bool_mask": lambda x: _set(x, Tensor(X > 0), 0.0),
    "constant_value": lambda x: _set(x, (0, Ellipsis), 1.5),
    "twice": lambda x: _set(_set(x, 0, x[1]), 1, x[2] * x[0]),
}


def _set(x, index, value):
    y = x * 1
    y[index] = value
    return y


@pytest.mark.parametrize("name", sorted(SETITEMS))
def test_setitem(name):
    check_grads(SETITEMS[name], [X], order=2)


def test_setitem_grad_values():
    g = ops.grad(lambda x: set_through_function(x).sum())(T([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(g.asnumpy(), [0.0, 3.0, 1.0])


def test_setitem_does_not_change_the_source():
    x = T([1.0, 2.0, 3.0])
    out = set_through_function(x)
    np.testing.assert_array_equal(x.asnumpy(), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(out.asnumpy(), [4.0, 2.0, 3.0])


IDX = np.array([[0, 2], [1, 1], [3, 0]])

GATHERS = {
    "gather0": lambda x: ops.gather(x, Tensor(np.array([2, 0, 2])), 0),
    "gather1_2d_idx": lambda x: ops.gather(x, Tensor(IDX), 1),
    "gather_neg_axis": lambda x: ops.gather(x, Tensor(np.array([4, 4, 0])), -1),
    "gather_scalar_idx": lambda x: ops.gather(x, Tensor(np.array(1)), 2),
    "index_select": lambda x: ops.index_select(x, 1, Tensor(np.array([3, 0, 3]))),
    "index_select_neg": lambda x: ops.index_select(x, -1, Tensor(np.array([1, 1]))),
    "gather_elements1": lambda x: ops.gather_elements(
        x, 1, Tensor(np.random.default_rng(1).integers(0, 4, (3, 2, 5)))),
    "gather_elements_neg": lambda x: ops.gather_elements(
        x, -1, Tensor(np.random.default_rng(2).integers(0, 5, (3, 4, 7)))),
    "gather_d": lambda x: ops.gather_d(x, 0, Tensor(np.random.default_rng(3).integers(0, 3, (2, 4, 5)))),
    "sort": lambda x: ops.sort(x, 1)[0],
    "sort_desc": lambda x: ops.sort(x, -1, True)[0],
    "topk": lambda x: ops.topk(x, 2)[0],
    "topk_dim": lambda x: ops.topk(x, 2, 0, largest=False)[0],
    "masked_fill": lambda x: ops.masked_fill(x, Tensor(X > 0.5), 2.0),
    "masked_fill_broadcast": lambda x: ops.masked_fill(x, Tensor(np.array([True, False, False, True, False])), 0.0),
    "where_const": lambda x: ops.where(Tensor(X > 0), x, 0.0),
    "where_self": lambda x: ops.where(x > 0, ops.exp(x), x * x),
    "select": lambda x: ops.select(Tensor(X < 0), x * 2, -x),
}


@pytest.mark.parametrize("name", sorted(GATHERS))
def test_gather_like(name):
    check_grads(GATHERS[name], [X], order=2)


@pytest.mark.parametrize("name", ["gather1_2d_idx", "index_select", "gather_elements1", "masked_fill", "where_self"])
def test_gather_like_dtypes(name):
    check_dtypes(GATHERS[name], [X])


def test_where_two_inputs_broadcast():
    rng = np.random.default_rng(4)
    cond = Tensor(rng.random((2, 3)) > 0.5)
    check_grads(lambda a, b: ops.where(cond, a, b), [rng.standard_normal((3,)), rng.standard_normal((2, 1))],
                order=2)


MATMUL_SHAPES = [
    ((4,), (4,)),
    ((4,), (4, 3)),
    ((2, 4), (4,)),
    ((2, 4), (4, 3)),
    ((5, 2, 4), (4, 3)),
    ((2, 4), (5, 4, 3)),
    ((4,), (5, 4, 3)),
    ((5, 2, 4), (4,)),
    ((5, 1, 2, 4), (3, 4, 3)),
    ((1, 2, 4), (5, 4, 3)),
]


@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul(shapes):
    rng = np.random.default_rng(len(shapes[0]) * 10 + len(shapes[1]))
    check_grads(ops.matmul, [rng.standard_normal(shapes[0]), rng.standard_normal(shapes[1])], order=2)


def test_matmul_operator_and_friends():
    rng = np.random.default_rng(7)
    a, b = rng.standard_normal((3, 2, 4)), rng.standard_normal((3, 4, 5))
    check_grads(lambda x, y: x @ y, [a, b], order=2)
    check_grads(ops.bmm, [a, b], order=2)
    check_grads(ops.mm, [a[0], b[0]], order=1)
    check_grads(ops.dot, [a[0, 0], b[0, :, 0]], order=1)
    check_grads(ops.outer, [a[0, 0], b[0, 0]], order=2)
    check_grads(ops.inner, [a[0, 0], b[0, :, 0]], order=1)
    check_dtypes(ops.matmul, [a, b])
