"""Gradients of reductions and scans over axis None / int / negative / tuple, keep_dims both ways; and the forward
values of every reduction (the differentiable table and the index/bool/integer-valued ones) against independent
NumPy/SciPy references, in float64 and float32."""
import numpy as np
import pytest
import numpy_reference as sp   # NumPy/stdlib formulas: SciPy is an optional extra

import minispore as ms
from forward_check import FLOAT_DTYPES, as_f64, assert_forward
from minispore import Tensor, ops
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


# ----------------------------------------------------------------------------- independent forward references
# NumPy/SciPy formulas of MindSpore's documented behaviour, never minispore: the gradient checks compare an op with
# its own finite differences, so only these catch a wrong forward formula.
def _axes_of(x, axis):
    if axis is None:
        return tuple(range(x.ndim))
    return (axis,) if isinstance(axis, int) else tuple(axis)


MATRIX_ORDS = (None, 1, -1, 2, -2, float("inf"), float("-inf"), "fro", "nuc")


def norm_reference(x, ord, axis, keepdims):
    """MindSpore 2.10's ops.norm: two dimensions and a matrix ord give the matrix norm (ord 1: the largest column
    sum of |x|, inf: the largest row sum, None: Frobenius); otherwise the vector p-norm over the dimensions (all
    of them for axis None).  (MindSpore raises ValueError for a vector-only ord such as 3 over two dimensions and
    for three or more dimensions with an ord; minispore computes the vector norm there, which is what this
    reference expects.)"""
    axes = _axes_of(x, axis)
    if axis is not None and len(axes) == 2 and ord in MATRIX_ORDS:
        return np.linalg.norm(x, ord, axis=axes, keepdims=keepdims)
    a = np.abs(x)
    if ord is None or ord == 2:
        return np.sqrt(np.sum(a * a, axis=axes, keepdims=keepdims))
    if ord == float("inf"):
        return np.max(a, axis=axes, keepdims=keepdims)
    if ord == float("-inf"):
        return np.min(a, axis=axes, keepdims=keepdims)
    if ord == 0:
        return np.sum(a != 0, axis=axes, keepdims=keepdims).astype(x.dtype)
    return np.sum(a ** ord, axis=axes, keepdims=keepdims) ** (1.0 / ord)


REDUCTIONS_REFERENCE = {
    "sum": lambda x, a, k: np.sum(x, a, keepdims=k),
    "mean": lambda x, a, k: np.mean(x, a, keepdims=k),
    "prod": lambda x, a, k: np.prod(x, a, keepdims=k),
    "amax": lambda x, a, k: np.max(x, a, keepdims=k),
    "amin": lambda x, a, k: np.min(x, a, keepdims=k),
    "logsumexp": lambda x, a, k: sp.logsumexp(x, a, keepdims=k),
    "var": lambda x, a, k: np.var(x, a, ddof=0, keepdims=k),
    "var_ddof": lambda x, a, k: np.var(x, a, ddof=1, keepdims=k),
    "std": lambda x, a, k: np.std(x, a, ddof=0, keepdims=k),
    "std_ddof": lambda x, a, k: np.std(x, a, ddof=1, keepdims=k),
    "norm": lambda x, a, k: norm_reference(x, None, a, k),
    "norm1": lambda x, a, k: norm_reference(x, 1, a, k),
    "norm3": lambda x, a, k: norm_reference(x, 3, a, k),
    "norm_half": lambda x, a, k: norm_reference(x, 0.5, a, k),
    "norm_inf": lambda x, a, k: norm_reference(x, float("inf"), a, k),
    "norm_ninf": lambda x, a, k: norm_reference(x, float("-inf"), a, k),
    "norm0": lambda x, a, k: norm_reference(x, 0, a, k),
    "tensor_sum": lambda x, a, k: np.sum(x, a, keepdims=k),
    "tensor_mean": lambda x, a, k: np.mean(x, a, keepdims=k),
    # without an axis Tensor.max/min go through ops.max/min, which reduce everything and ignore keepdims
    "tensor_max": lambda x, a, k: np.max(x) if a is None else np.max(x, a, keepdims=k),
    "tensor_min": lambda x, a, k: np.min(x) if a is None else np.min(x, a, keepdims=k),
}

# X, an odd-sized input and one with zeros (norm0 counts them)
VALUE_INPUTS = {"X": X, "odd": distinct((3, 5, 7), seed=1),
                "zeros": np.where(np.abs(distinct((2, 5, 3), seed=2)) < 0.6, 0.0, distinct((2, 5, 3), seed=2))}


def test_every_reduction_has_a_reference():
    assert sorted(REDUCTIONS_REFERENCE) == sorted(REDUCTIONS), \
        f"missing: {sorted(set(REDUCTIONS) - set(REDUCTIONS_REFERENCE))}, " \
        f"stale: {sorted(set(REDUCTIONS_REFERENCE) - set(REDUCTIONS))}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("data", sorted(VALUE_INPUTS))
@pytest.mark.parametrize("keep", KEEP)
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction_values(name, axis, keep, data, dtype):
    x = VALUE_INPUTS[data].astype(dtype)
    expected = REDUCTIONS_REFERENCE[name](as_f64(x), axis, keep)
    assert_forward(REDUCTIONS[name](T(x, dtype), axis, keep), expected, dtype,
                   what=f"{name}(axis={axis}, keepdims={keep}) of {data}{x.shape}")


INT_AXES = [None, 0, 1, -1, -3]


def _with_indices(values_of, index_of):
    """MindSpore's ops.max/min/median: (values, int64 indices); ops.max/min without an axis reduce everything,
    ignore keepdims and give the constant index 0."""
    def ref(x, a, k):
        if a is None:
            return values_of(x, None, False), np.array(0, np.int64)
        return values_of(x, a, k), index_of(x, a, k).astype(np.int64)
    return ref


def _median_values(x, a, k):
    # the lower of the two middle values for an even count (MindSpore's Median kernel, as torch.median)
    n = x.shape[a]
    picked = np.take(np.sort(x, a), [(n - 1) // 2], a)
    return picked if k else np.squeeze(picked, a)


def _median_indices(x, a, k):
    n = x.shape[a]
    picked = np.take(np.argsort(x, a, kind="stable"), [(n - 1) // 2], a)
    return picked if k else np.squeeze(picked, a)


def _arg(np_fn, dtype):
    # with axis None: the index into the flattened input; keepdims is then ignored (MindSpore 2.10)
    return lambda x, a, k: np.asarray(np_fn(x) if a is None else np_fn(x, a, keepdims=k)).astype(dtype)


# Forward-only reductions (integer or bool results, or index outputs): (minispore, reference, axes, keepdims values,
# output dtypes (None: the input's)).  The minispore function gets a Tensor of the input dtype.
VALUE_REDUCTIONS = {
    "argmax": (lambda t, a, k: ops.argmax(t, a, k), _arg(np.argmax, np.int64), INT_AXES, KEEP, (np.int64,)),
    # argmin gives Int32 where argmax gives Int64 (recorded from MindSpore 2.10: op/red_argmin_all)
    "argmin": (lambda t, a, k: ops.argmin(t, a, k), _arg(np.argmin, np.int32), INT_AXES, KEEP, (np.int32,)),
    "tensor_argmax": (lambda t, a, k: t.argmax(axis=a, keepdims=k), _arg(np.argmax, np.int64), INT_AXES, KEEP,
                      (np.int64,)),
    "max_with_indices": (lambda t, a, k: ops.max(t, a, k),
                         _with_indices(lambda x, a, k: np.max(x, a, keepdims=k),
                                       lambda x, a, k: np.argmax(x, a, keepdims=k)), INT_AXES, KEEP,
                         (None, np.int64)),
    "min_with_indices": (lambda t, a, k: ops.min(t, a, k),
                         _with_indices(lambda x, a, k: np.min(x, a, keepdims=k),
                                       lambda x, a, k: np.argmin(x, a, keepdims=k)), INT_AXES, KEEP,
                         (None, np.int64)),
    "median": (lambda t, a, k: ops.median(t, a, k),
               lambda x, a, k: (_median_values(x, a, k), _median_indices(x, a, k).astype(np.int64)),
               [0, 1, -1, -3], KEEP, (None, np.int64)),
    "cumsum": (lambda t, a, k: ops.cumsum(t, a), lambda x, a, k: np.cumsum(x, a), [0, 1, -1, -2], [False], (None,)),
    "cumprod": (lambda t, a, k: ops.cumprod(t, a), lambda x, a, k: np.cumprod(x, a), [0, 1, -1, -2], [False],
                (None,)),
    "all": (lambda t, a, k: ops.all(t > -0.6, a, k), lambda x, a, k: np.all(x > -0.6, a, keepdims=k), AXES, KEEP,
            (np.bool_,)),
    "any": (lambda t, a, k: ops.any(t > 0.9, a, k), lambda x, a, k: np.any(x > 0.9, a, keepdims=k), AXES, KEEP,
            (np.bool_,)),
    # count_nonzero: axis () means all of them; the result is Int32 by default
    "count_nonzero": (lambda t, a, k: ops.count_nonzero(t, () if a is None else a, k),
                      lambda x, a, k: np.asarray(np.count_nonzero(x, a, keepdims=k), np.int32), AXES, KEEP,
                      (np.int32,)),
}

VALUE_REDUCTION_CASES = [(name, axis, keep) for name, (_, _, axes, keeps, _) in sorted(VALUE_REDUCTIONS.items())
                         for axis in axes for keep in keeps]


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("data", sorted(VALUE_INPUTS))
@pytest.mark.parametrize("name,axis,keep", VALUE_REDUCTION_CASES, ids=lambda v: str(v))
def test_value_only_reduction(name, axis, keep, data, dtype):
    fn, ref, _, _, out_dtypes = VALUE_REDUCTIONS[name]
    x = VALUE_INPUTS[data].astype(dtype)
    out, expected = fn(T(x, dtype), axis, keep), ref(as_f64(x), axis, keep)
    outs, expecteds = (out, expected) if isinstance(expected, tuple) else ((out,), (expected,))
    assert isinstance(outs, tuple) and len(outs) == len(expecteds), f"{name}: {len(outs)} outputs"
    for i, (o, e, d) in enumerate(zip(outs, expecteds, out_dtypes)):
        assert_forward(o, e, dtype, out_dtype=d, what=f"{name}(axis={axis}, keepdims={keep})[{i}] of {data}")


def test_integer_reductions_keep_mindspore_dtypes():
    # MindSpore 2.10 (tests/golden/core.json op/red_sum_int, op/red_prod_int, op/red_sum_bool, op/red_max_int):
    # sum and prod of int32 accumulate in Int64, a sum of bools is Int64, max keeps Int32
    i = np.array([[1, -2, 3], [4, 5, -6]], np.int32)
    assert_forward(ops.sum(T(i, np.int32)), np.sum(i, dtype=np.int64), np.int32, out_dtype=np.int64)
    assert_forward(ops.sum(T(i, np.int32), 0), np.sum(i, 0, dtype=np.int64), np.int32, out_dtype=np.int64)
    assert_forward(ops.prod(T(i, np.int32), 1), np.prod(i, 1, dtype=np.int64), np.int32, out_dtype=np.int64)
    assert_forward(ops.sum(T(i > 0, np.bool_)), np.sum(i > 0), np.bool_, out_dtype=np.int64)
    values, indices = ops.max(T(i, np.int32), 0)
    assert_forward(values, i.max(0), np.int32)
    assert_forward(indices, i.argmax(0), np.int32, out_dtype=np.int64)


def test_median_documented_example():
    # the example of ops.median in MindSpore's documentation (even count: the lower middle value)
    x = np.array([[9, 3, 4, 5], [5, 2, 7, 4], [8, 1, 3, 6]], np.int64)
    v, i = ops.median(T(x, np.int64))
    np.testing.assert_array_equal(v.asnumpy(), [4, 4, 3])
    np.testing.assert_array_equal(i.asnumpy(), [2, 3, 2])
    v, i = ops.median(T(x, np.int64), axis=0, keepdims=True)
    np.testing.assert_array_equal(v.asnumpy(), [[8, 2, 4, 5]])
    np.testing.assert_array_equal(i.asnumpy(), [[2, 1, 0, 0]])
    assert v.dtype == ms.int64 and i.dtype == ms.int64


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


def test_amax_initial_and_where():
    # review regression: amax/amin accepted initial and where and ignored them
    x = Tensor(np.array([1.0, 5.0, 3.0], np.float32))
    assert float(ops.amax(x, initial=10.0)) == 10.0
    mask = Tensor(np.array([True, False, True]))
    assert float(ops.amax(x, initial=-1.0, where=mask)) == 3.0
