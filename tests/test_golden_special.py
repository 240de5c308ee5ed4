"""Check minispore's special functions and more elementwise math (minispore/ops/function/special_func.py, the
classes of minispore/ops/operations/special_ops.py, the Cells of minispore/nn/layer/math.py) against MindSpore
2.10.0 (CPU, PyNative): one row per case in tests/golden/cases_special.py, recorded in tests/golden/special.json by
``/tmp/msref/bin/python tests/golden/gen_special.py``. A case compares the outputs (structure, dtype and shape
exactly, floats to rtol 1e-5 / atol 1e-6), for differentiable rows the gradient through ``ms.grad``; a recorded
error must be raised as the same class. The DELIBERATE cases are checked here against NumPy/SciPy instead.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_special.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_special  # noqa: E402
import harness  # noqa: E402

pytest.importorskip("scipy", reason="the special functions need SciPy (pip install minispore[scipy])")

globals().update(harness.Family(cases_special, "special.json").tests())

import minispore as ms  # noqa: E402
from minispore import nn, ops  # noqa: E402


def test_every_added_name_has_a_row():
    """Every function, Primitive class and Cell this family exports is exercised by a golden row."""
    from minispore.nn.layer import math as nn_math
    from minispore.ops.function import special_func
    from minispore.ops.operations import special_ops
    used = ({r[1] for r in cases_special.ROWS} | {r[1] for r in cases_special.PRIM_ROWS}
            | {r[1] for r in cases_special.CELL_ROWS}
            | {r[1].split(":")[-1] for r in cases_special.ERROR_ROWS})
    exported = set(special_func.__all__) | set(special_ops.__all__) | set(nn_math.__all__)
    missing = sorted(exported - used)
    assert not missing, f"names without a golden row: {missing}"


def test_names_reach_mindspore_paths():
    from minispore.ops.operations import math_ops
    for name in ("Lgamma", "BesselK1e", "Betainc", "Addcmul", "Rint", "PopulationCount"):
        assert getattr(ops, name) is getattr(math_ops, name)
    for name in ("LGamma", "DiGamma", "IGamma", "LBeta"):
        assert hasattr(nn, name)


def test_fmin_against_numpy():
    """The DELIBERATE fmin rows (MindSpore's CPU has no kernel): NumPy's fmin."""
    a, b = cases_special.NANS, cases_special.NANS2
    np.testing.assert_array_equal(ops.fmin(ms.Tensor(a), ms.Tensor(b)).asnumpy(), np.fmin(a, b))
    np.testing.assert_array_equal(ops.Fmin()(ms.Tensor(a), ms.Tensor(b)).asnumpy(), np.fmin(a, b))
    assert str(ops.Fmin()) == "Prim[Fmin]<ignore_nan=True>"


def test_lbeta_gradient_is_the_derivative():
    """The DELIBERATE nn.LBeta/small/grad row: d lbeta/dx = digamma(x) - digamma(x + y), no NaN."""
    from scipy import special as sp
    x = np.array([0.5, 1.5, 2.5], np.float32)
    y = np.array([1.0, 2.0, 0.7], np.float32)
    gx, gy = ms.grad(lambda a, b: ops.sum(nn.LBeta()(a, b)), (0, 1))(ms.Tensor(x), ms.Tensor(y))
    xd, yd = x.astype(np.float64), y.astype(np.float64)
    np.testing.assert_allclose(gx.asnumpy(), sp.psi(xd) - sp.psi(xd + yd), rtol=1e-5)
    np.testing.assert_allclose(gy.asnumpy(), sp.psi(yd) - sp.psi(xd + yd), rtol=1e-5)


def test_lbeta_large_arguments_do_not_cancel():
    from scipy import special as sp
    x = np.array([30., 300., 3000.], np.float32)
    y = np.array([40., 500., 7000.], np.float32)
    out = nn.LBeta()(ms.Tensor(x), ms.Tensor(y)).asnumpy()
    np.testing.assert_allclose(out, sp.betaln(x.astype(np.float64), y.astype(np.float64)), rtol=1e-6)


@pytest.mark.parametrize("a,x", [(0.5, 0.3), (2.0, 1.0), (3.5, 9.0), (0.8, 25.0), (12.0, 40.0)])
def test_igamma_derivative_in_a_against_central_differences(a, x):
    """d igamma/d a (the series kernel IgammaGradA) against float64 central differences of SciPy's gammainc."""
    from scipy import special as sp
    h = 1e-6
    want = (sp.gammainc(a + h, x) - sp.gammainc(a - h, x)) / (2 * h)
    got = ms.grad(lambda t: ops.sum(ops.igamma(t, ms.Tensor(np.array([x])))))(ms.Tensor(np.array([a])))
    np.testing.assert_allclose(got.asnumpy()[0], want, rtol=1e-6, atol=1e-9)
    gotc = ms.grad(lambda t: ops.sum(ops.igammac(t, ms.Tensor(np.array([x])))))(ms.Tensor(np.array([a])))
    np.testing.assert_allclose(gotc.asnumpy()[0], -want, rtol=1e-6, atol=1e-9)


def test_second_derivative_of_igamma_in_a_is_refused():
    f = ms.grad(lambda t: ops.sum(ops.igamma(t, ms.Tensor(np.array([2.0])))))
    with pytest.raises(NotImplementedError, match="igamma"):
        ms.grad(lambda t: ops.sum(f(t)))(ms.Tensor(np.array([1.5])))


def test_special_functions_under_jit():
    x = ms.Tensor(np.array([0.5, 1.5, 2.5], np.float32))

    @ms.jit
    def f(t):
        return ops.bessel_j1(t) + ops.lgamma(t) * ops.digamma(t)

    from scipy import special as sp
    xd = x.asnumpy().astype(np.float64)
    np.testing.assert_allclose(f(x).asnumpy(), sp.j1(xd) + sp.gammaln(xd) * sp.psi(xd), rtol=1e-5)
