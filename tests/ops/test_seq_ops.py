"""The sequence-model ops beyond their goldens (tests/test_golden_seq_ops.py): they compile under jit without
falling back, einsum against NumPy (MindSpore 2.10 has no CPU kernel for it) with its derivatives, gradients of the
composites in float64 against central differences, and the errors that name the operation."""
import warnings

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, ops
from minispore._core.jit import Graph
from util import check_grads

rng = np.random.default_rng(1130)
X = rng.permutation(12).reshape(3, 4).astype(np.float64) / 3 - 1     # distinct values: no ties


def _compiled(fn, *args):
    jf = ms.jit(fn)
    with warnings.catch_warnings():
        warnings.simplefilter("error")       # a JIT Fallback warning fails the test
        out = jf(*args)
    assert jf.fallback is None and all(type(g) is Graph for g in jf.graphs.values())
    return out


@pytest.mark.parametrize("name,fn", [
    ("sort", lambda x: ops.sort(x, 1, True)),
    ("argsort", lambda x: ops.argsort(x, 0)),
    ("topk", lambda x: ops.topk(x, 2)),
    ("cummax", lambda x: ops.cummax(x, 1)),
    ("cummin", lambda x: ops.cummin(x, 0)),
    ("cumsum", lambda x: ops.cumsum(x, 1)),
    ("tensor_scatter_elements", lambda x: ops.tensor_scatter_elements(x, Tensor(np.array([[1], [0], [3]])),
                                                                       x[:, :1] * 2, 1)),
    ("tensor_scatter_update", lambda x: ops.tensor_scatter_update(x, Tensor(np.array([[2], [0]])), x[:2] + 1)),
    ("tensor_scatter_add", lambda x: ops.tensor_scatter_add(x, Tensor(np.array([[2, 1], [2, 1]])), x[0, :2])),
    ("scatter_nd", lambda x: ops.scatter_nd(Tensor(np.array([[1], [1]])), x[:2], (3, 4))),
    ("gather_nd", lambda x: ops.gather_nd(x, Tensor(np.array([[2, 1], [0, 3]])))),
    ("index_add", lambda x: ops.index_add(x, Tensor(np.array([0, 0], np.int32)), x[:, :2], 1)),
    ("einsum", lambda x: ops.einsum("ij,kj->ik", x, x)),
    ("logsumexp", lambda x: ops.logsumexp(x, (0, 1), True)),
    ("masked_fill", lambda x: ops.masked_fill(x, x > 0, -1e9)),
    ("bmm", lambda x: ops.bmm(ops.expand_dims(x, 0), ops.expand_dims(x.T, 0))),
    ("roll", lambda x: ops.roll(x, (1, -1), (0, 1))),
    ("repeat_interleave", lambda x: ops.repeat_interleave(x, [1, 0, 2], 0)),
])
def test_compiles_under_jit_and_equals_eager(name, fn):
    x = Tensor(X.astype(np.float32))
    eager = fn(x)
    compiled = _compiled(fn, x)
    for e, c in zip(eager if isinstance(eager, tuple) else (eager,), compiled if isinstance(compiled, tuple)
                    else (compiled,)):
        assert e.dtype == c.dtype and e.shape == c.shape
        np.testing.assert_array_equal(e.asnumpy(), c.asnumpy())


def test_gradients_compile_under_jit():
    x = Tensor(X.astype(np.float32))
    g = ms.grad(lambda t: ops.sum(ops.cummax(t, 1)[0] * 2) + ops.sum(ops.topk(t, 2)[0]))
    np.testing.assert_array_equal(_compiled(g, x).asnumpy(), g(x).asnumpy())


@pytest.mark.parametrize("fn", [
    lambda x: ops.cummax(x, 1)[0],
    lambda x: ops.cummin(x, 0)[0],
    lambda x: ops.sort(x, 1)[0],
    lambda x: ops.topk(x, 2, dim=0, largest=False)[0],
    lambda x: ops.logsumexp(x, (0, 1), True),
    lambda x: ops.masked_select(x, Tensor(X > 0)),
    lambda x: ops.index_add(x, Tensor(np.array([3, 3, 0])), x[:, :3] * x[:, :3], 1),
    lambda x: ops.tensor_scatter_elements(x, Tensor(np.array([[3, 0]] * 3)), x[:, 1:3] ** 2, 1, "add"),
    lambda x: ops.baddbmm(x[:, :3], ops.expand_dims(x, 0), ops.expand_dims(x.T, 0)[:, :, :3], beta=0.5, alpha=2),
])
def test_composite_gradients_against_central_differences(fn):
    check_grads(fn, [X], order=2)


def test_einsum_against_numpy_with_ellipsis_and_implicit_output():
    a, b = rng.standard_normal((2, 3, 4)), rng.standard_normal((4, 5))
    for eq, args in (("...ij,jk", (a, b)), ("bij,jk->bik", (a, b)), ("bij->", (a,)), ("ij,ij->i", (b, b)),
                     ("ii->i", (b[:, :4],)), ("i,j", (b[0], b[1]))):
        got = ops.einsum(eq, *[Tensor(v) for v in args]).asnumpy()
        np.testing.assert_allclose(got, np.einsum(eq, *args), rtol=1e-12)


def test_einsum_derivatives_including_a_summed_out_subscript():
    a, b = rng.standard_normal((2, 3)), rng.standard_normal((3, 4))
    check_grads(lambda x, y: ops.einsum("ij,jk->i", x, y), [a, b], order=2)
    check_grads(lambda x, y: ops.einsum("...j,jk->...k", x, y), [a, b], order=2)


def test_einsum_errors_name_it():
    a = Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match="einsum"):
        ops.einsum("ij,jk->ik", a)
    with pytest.raises(ValueError, match="Einsum"):
        ops.einsum("ij,jk->ik", a, a)
    with pytest.raises(ValueError, match="diagonal"):
        ms.grad(lambda t: ops.sum(ops.einsum("ii->i", t)))(Tensor(np.ones((3, 3))))


def test_cummax_values_and_positions_against_numpy():
    x = rng.integers(0, 4, (3, 7)).astype(np.float32)
    values, idx = ops.cummax(Tensor(x), 1)
    np.testing.assert_array_equal(values.asnumpy(), np.maximum.accumulate(x, 1))
    for r in range(3):
        for j in range(7):
            assert idx.asnumpy()[r, j] == max(i for i in range(j + 1) if x[r, i] == x[r, :j + 1].max())
    assert idx.dtype == ms.int64 and ops.cummin(Tensor(x), 0)[1].dtype == ms.int32


def test_out_of_range_indices_raise_eager_and_compiled():
    x = Tensor(np.zeros((2, 3), np.float32))
    bad = Tensor(np.array([[0], [3]], np.int32))
    for run in (lambda f, *a: f(*a), lambda f, *a: ms.jit(f)(*a)):
        with pytest.raises(RuntimeError, match="3"):
            run(lambda t, i: ops.tensor_scatter_elements(t, i, t[:, :1], 1), x, bad)
        with pytest.raises(RuntimeError, match="index_add"):
            run(lambda t, i: ops.index_add(t, i, t[:, :2], 1), x, Tensor(np.array([0, 3], np.int32)))
        with pytest.raises(RuntimeError, match="ScatterNd"):
            run(lambda i: ops.scatter_nd(i, Tensor(np.ones(2, np.float32)), (3,)), bad)


def test_unique_gradient_reaches_first_occurrences_and_runs_eagerly_under_jit():
    x = Tensor(np.array([2., 1., 2.], np.float32))
    g = ms.grad(lambda t: ops.sum(ops.unique(t)[0] * Tensor(np.array([3., 5.], np.float32))))(x)
    assert g.asnumpy().tolist() == [3., 5., 0.]
    jf = ms.jit(lambda t: ops.unique(t))
    with pytest.warns(UserWarning, match="JIT Fallback"):
        values, idx = jf(x)
    assert values.asnumpy().tolist() == [2., 1.] and idx.asnumpy().tolist() == [0, 1, 0]
