"""Gradients of reductions and scans over axis None / int / negative / tuple, keep_dims both ways."""
import numpy as np
import pytest

import minispore as ms
from minispore import ops
from util import T, check_dtypes, check_grads

AXES = [None, 0, 1, -1, -2, (0, 2), (-1, 0), (0, 1, 2)]
KEEP = [False, True]


def distinct(shape, seed=0):
    """Distinct values away from 0 (no ties for max/min, no kinks for abs)."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    vals = (np.arange(n) + 1.0) / n + 0.3
    vals *= rng.choice([-1.0, 1.0], n)
    return rng.permutation(vals).reshape(shape)


X = distinct((2, 3, 4))

REDUCTIONS = {
    "sum": lambda x, a, k: ops.sum(x, a, k),
    "mean": lambda x, a, k: ops.mean(x, a, k),
    "prod": lambda x, a, k: ops.prod(x, a, k),
    "amax": lambda x, a, k: ops.amax(x, a, k),
    "amin": lambda x, a, k: ops.amin(x, a, k),
    "logsumexp": lambda x, a, k: ops.logsumexp(x, a if a is not None else tuple(range(x.ndim)), k),
    "var": lambda x, a, k: ops.var(x, a, 0, k),
    "var_ddof": lambda x, a, k: ops.var(x, a, 1, k),
    "std": lambda x, a, k: ops.std(x, a, 0, k),
    "std_ddof": lambda x, a, k: ops.std(x, a, 1, k),
    "norm": lambda x, a, k: ops.norm(x, None, a, k),
    "norm1": lambda x, a, k: ops.norm(x, 1, a, k),
    "norm3": lambda x, a, k: ops.norm(x, 3, a, k),
    "norm_half": lambda x, a, k: ops.norm(x, 0.5, a, k),
    "norm_inf": lambda x, a, k: ops.norm(x, float("inf"), a, k),
    "norm_ninf": lambda x, a, k: ops.norm(x, float("-inf"), a, k),
    "norm0": lambda x, a, k: ops.norm(x, 0, a, k),
    "tensor_sum": lambda x, a, k: x.sum(a, keepdims=k),
    "tensor_mean": lambda x, a, k: x.mean(a, k),
    # keywords pick MindSpore's numpy-style overload (values only); t.max(1, False) is the torch-style one and
    # returns (values, indices)
    "tensor_max": lambda x, a, k: x.max(axis=a, keepdims=k),
    "tensor_min": lambda x, a, k: x.min(axis=a, keepdims=k),
}


@pytest.mark.parametrize("keep", KEEP)
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction(name, axis, keep):
    fn = REDUCTIONS[name]
    order = 2 if axis in (None, -1) else 1
    check_grads(lambda x: fn(x, axis, keep), [X], order=order)


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction_dtypes(name):
    check_dtypes(lambda x: REDUCTIONS[name](x, 1, False), [X])


@pytest.mark.parametrize("keep", KEEP)
@pytest.mark.parametrize("axis", [None, 0, 1, -1, -3])
@pytest.mark.parametrize("op", ["max", "min"])
def test_max_min_with_indices(op, axis, keep):
    fn = getattr(ops, op)
    check_grads(lambda x: fn(x, axis, keep)[0], [X], order=2)


@pytest.mark.parametrize("op", ["cumsum", "cumprod"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_scans(op, axis):
    check_grads(lambda x: getattr(ops, op)(x, axis), [X], order=2)


def test_scans_1d_third_order():
    check_grads(lambda x: ops.cumprod(x, 0), [distinct((4,))], order=3, modes=("rev",))
    check_grads(lambda x: ops.cumsum(x, 0), [distinct((4,))], order=3, modes=("rev",))


@pytest.mark.parametrize("shape", [(), (1,), (3,), (1, 3)], ids=str)
def test_reductions_small_shapes(shape):
    x = distinct(shape) if shape else np.array(0.7)
    for name in ("sum", "mean", "prod", "amax", "amin", "norm", "logsumexp"):
        check_grads(lambda t: REDUCTIONS[name](t, None, False), [x], order=2)


def test_median():
    check_grads(lambda x: ops.median(x, 1)[0], [X], order=2)
    check_grads(lambda x: ops.median(x, 0, True)[0], [X], order=1)


def test_prod_with_zeros():
    # computed without division: exact at one zero and at several
    g = ops.grad(lambda x: ops.prod(x))(T([0.0, 2.0, 3.0]))
    np.testing.assert_array_equal(g.asnumpy(), [6.0, 0.0, 0.0])       # MindSpore: [6, 0, 0]
    g = ops.grad(lambda x: ops.prod(x))(T([0.0, 0.0, 3.0]))
    np.testing.assert_array_equal(g.asnumpy(), [0.0, 0.0, 0.0])       # MindSpore: [0, 0, 0]
    # first order is exact at zeros; the second goes through cumprod's VJP, which divides by x (as MindSpore's
    # does: grad(sum(cumprod([2, 0, 3]))) is [1, nan, 0] there too)
    check_grads(lambda x: ops.prod(x, 1), [np.array([[0.0, 2.0, 3.0], [1.5, 0.0, 0.0]])], order=1)


def test_extremum_ties():
    x = T([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])
    # the full reduction shares the gradient between ties (MindSpore: [[0, .5, .5], [0, 0, 0]])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.amax(t))(x).asnumpy(), [[0, .5, .5], [0, 0, 0]])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.max(t)[0])(x).asnumpy(), [[0, .5, .5], [0, 0, 0]])
    # amax along an axis shares too (MindSpore: [[0, .5, .5], [.5, .5, 0]])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.amax(t, 1).sum())(x).asnumpy(),
                                  [[0, .5, .5], [.5, .5, 0]])
    # ops.max with an axis sends it to the returned index (MindSpore: [[0, 1, 0], [1, 0, 0]])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.max(t, 1)[0].sum())(x).asnumpy(),
                                  [[0, 1, 0], [1, 0, 0]])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.min(t, 0, True)[0].sum())(x).asnumpy(),
                                  [[1, 0, 0], [0, 1, 1]])
    # norm(inf) goes to the first extremum (MindSpore: [-1, 0, 0])
    np.testing.assert_array_equal(ops.grad(lambda t: ops.norm(t, float("inf")))(T([-3.0, 3.0, 1.0])).asnumpy(),
                                  [-1, 0, 0])


def test_values_match_numpy():
    x = T(X)
    # two dims make it a matrix norm in MindSpore: inf is the largest row sum (checked against MindSpore 2.10)
    np.testing.assert_allclose(ops.norm(x, float("inf"), (0, 2)).asnumpy(), np.abs(X).sum(2).max(0), rtol=1e-6)
    np.testing.assert_allclose(ops.norm(x, float("-inf"), 1, True).asnumpy(),
                               np.abs(X).min(axis=1, keepdims=True))
    v, i = ops.max(x, 1, True)
    np.testing.assert_allclose(v.asnumpy(), X.max(1, keepdims=True))
    np.testing.assert_array_equal(i.asnumpy(), X.argmax(1)[:, None])
    v, i = ops.min(x, -1)
    np.testing.assert_allclose(v.asnumpy(), X.min(-1))
    np.testing.assert_array_equal(i.asnumpy(), X.argmin(-1))


def test_var_mean_std_mean_and_stop_gradient():
    check_grads(lambda x: ops.var_mean(x, 1, 1), [X], order=2)
    check_grads(lambda x: ops.std_mean(x, (0, 2), 0, True), [X], order=2)
    check_grads(lambda x: ops.cumsum(x, 1, dtype=ms.float64), [X], order=1)
    g = ops.grad(lambda x: (x * ops.stop_gradient(x)).sum() + ops.stop_gradient((x, x))[0].sum())(T([1.0, 2.0]))
    np.testing.assert_array_equal(g.asnumpy(), [1.0, 2.0])
