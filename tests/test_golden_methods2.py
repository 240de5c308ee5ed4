"""Check the Tensor methods of issue 9 item 3's third round (linear algebra, special functions, DLPack) and
ops.median's NaN rule against MindSpore 2.10.0 (CPU, PyNative).

The cases are a table (tests/golden/cases_methods2.py), run here on ``minispore``; the recorded results are in
tests/golden/methods2.json (``/tmp/msref/bin/python tests/golden/gen_methods2.py``). Values to rtol 1e-4 /
atol 1e-5, dtype and shape exactly; a recorded error: the same class and the case's keywords.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_methods2  # noqa: E402
import harness  # noqa: E402

# the special-function methods compute with SciPy (the 'scipy' extra): without it they say so, and are skipped
globals().update(harness.Family(cases_methods2, "methods2.json", skip=ImportError).tests())

ADDED = ("cholesky", "cholesky_inverse", "cholesky_solve", "det", "digamma", "eigvals", "i0", "igamma", "igammac",
         "inverse", "lgamma", "log_matrix_determinant", "logdet", "lstsq", "matrix_determinant", "mvlgamma",
         "nextafter", "qr", "slogdet", "svd", "triangular_solve", "to_dlpack", "from_dlpack")


def test_every_added_name_has_a_row():
    import minispore as ms
    rows = {name.split("/")[0] for name, *_ in cases_methods2.ROWS} | {n.split("/")[0] for n in cases_methods2.EXTRA}
    assert not [m for m in ADDED if m not in rows]
    assert not [m for m in ADDED if not hasattr(ms.Tensor, m)]


def test_methods_are_differentiable():
    """The methods are the ops: d/dA sum(b.triangular_solve(A)[0]) and d/dx logdet(x) against NumPy formulas."""
    import minispore as ms
    a = cases_methods2.SPD.astype(np.float64)
    g = ms.grad(lambda x: x.logdet())(ms.Tensor(a))
    np.testing.assert_allclose(g.asnumpy(), np.linalg.inv(a).T, rtol=1e-10)
    tri = np.triu(cases_methods2.TRI.astype(np.float64))
    b = cases_methods2.B32.astype(np.float64)
    g = ms.grad(lambda m: m.triangular_solve(ms.Tensor(tri)).__getitem__(0).sum(), 0)(ms.Tensor(b))
    np.testing.assert_allclose(g.asnumpy(), np.linalg.inv(tri).T @ np.ones((3, 2)), rtol=1e-10)


def test_triangular_solve_refuses_mismatched_shapes():
    import minispore as ms
    with pytest.raises(ValueError, match=r"triangular_solve.*\(3, 3\).*\(2, 2\)"):
        ms.Tensor(np.ones((2, 2), np.float32)).triangular_solve(ms.Tensor(np.eye(3, dtype=np.float32)))
    with pytest.raises(TypeError, match="triangular_solve.*upper"):
        ms.Tensor(np.ones((3, 2), np.float32)).triangular_solve(ms.Tensor(np.eye(3, dtype=np.float32)), upper=1)


def test_dlpack_exchanges_with_numpy():
    """A NumPy array (an object with __dlpack__) becomes a Tensor over its data; a tensor's capsule reads back
    in NumPy; a non-DLPack argument is a TypeError that names from_dlpack."""
    import minispore as ms
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    t = ms.Tensor.from_dlpack(a)
    assert t.dtype == ms.float32 and t.shape == (2, 3)
    np.testing.assert_array_equal(t.asnumpy(), a)
    read = getattr(np, "from_dlpack", None) or np._from_dlpack     # NumPy 1.22: its first name
    back = read(_capsule_holder(t.to_dlpack()))
    np.testing.assert_array_equal(back, a)
    with pytest.raises(TypeError, match="from_dlpack"):
        ms.Tensor.from_dlpack([1, 2])


def _capsule_holder(cap):
    class Holder:
        def __dlpack__(self, *args, **kwargs):
            return cap

        def __dlpack_device__(self):
            return (1, 0)
    return Holder()


def test_median_nan_under_grad_and_jit():
    """The NaN rule holds compiled, and the gradient of a NaN-free slice still reaches its median element."""
    import minispore as ms
    x = ms.Tensor(cases_methods2.MED)
    v, i = ms.jit(lambda t: ms.ops.median(t, 0))(x)
    np.testing.assert_array_equal(i.asnumpy(), [1, 0, 1, 1])
    assert np.isnan(v.asnumpy()[1:]).all() and v.asnumpy()[0] == 2
    g = ms.grad(lambda t: ms.ops.median(t, 0)[0][0])(x).asnumpy()
    expect = np.zeros((3, 4), np.float32)
    expect[1, 0] = 1
    np.testing.assert_array_equal(g, expect)


def test_functional_slice_and_make_slice():
    """ops.functional.slice is ops.slice (scatter_func exports it) and make_slice still builds a Python slice."""
    import minispore as ms
    from minispore.ops import functional
    from minispore.ops.function import scatter_func
    assert "slice" in scatter_func.__all__ and functional.slice is ms.ops.slice
    assert functional.make_slice(1, None, 2) == slice(1, None, 2)
    out = functional.slice(ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3)), (0, 1), (2, 2))
    np.testing.assert_array_equal(out.asnumpy(), [[1, 2], [4, 5]])


def test_math_ops_arg_with_value_is_sort_ops():
    """math_ops.ArgMaxWithValue/ArgMinWithValue are sort_ops's (Int64 indices, as MindSpore), not a second copy."""
    import minispore as ms
    from minispore.ops.operations import math_ops, sort_ops
    assert math_ops.ArgMaxWithValue is sort_ops.ArgMaxWithValue is ms.ops.ArgMaxWithValue
    assert math_ops.ArgMinWithValue is sort_ops.ArgMinWithValue
    idx, val = math_ops.ArgMinWithValue(axis=1)(ms.Tensor(np.array([[3., 1., 2.]], np.float32)))
    assert idx.dtype == ms.int64 and idx.asnumpy().tolist() == [1] and val.asnumpy().tolist() == [1.]
