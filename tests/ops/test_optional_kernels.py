"""Kernels that use SciPy when it is installed (the 'scipy' extra) and the standard library otherwise give the
same values both ways: erf, erfinv and the logistic function."""
import math

import numpy as np
import pytest

from minispore import Tensor, ops
from minispore.ops._prims import elementwise

X = np.array([-0.999, -0.9, -0.5, 0.0, 0.3, 0.75, 0.99], np.float64)


@pytest.fixture(params=["scipy", "stdlib"])
def kernels(request, monkeypatch):
    if request.param == "scipy":
        pytest.importorskip("scipy.special", reason="SciPy (the optional 'scipy' extra) is not installed")
    else:
        monkeypatch.setattr(elementwise, "_scipy_special", False)     # as on a machine without SciPy
    return request.param


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_erfinv_inverts_erf(kernels, dtype):
    y = ops.erfinv(Tensor(X.astype(dtype))).asnumpy()
    assert y.dtype == dtype
    back = np.array([math.erf(v) for v in y.astype(np.float64)])
    np.testing.assert_allclose(back, X, rtol=2e-6 if dtype == np.float32 else 1e-12, atol=1e-7)
    assert Tensor(X.astype(dtype)).erfinv().shape == X.shape           # the Tensor method exists


def test_erfinv_edges(kernels):
    out = ops.erfinv(Tensor(np.array([-1.0, 1.0, 1.5, -2.0, np.nan]))).asnumpy()
    assert out[0] == -np.inf and out[1] == np.inf and np.isnan(out[2:]).all()


def test_erf(kernels):
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(ops.erf(Tensor(x)).asnumpy(), [math.erf(v) for v in x], rtol=1e-12)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_sigmoid(kernels, dtype):
    x = np.array([-80.0, -20.0, -5.0, -0.5, 0.0, 0.5, 5.0, 20.0, 80.0]).astype(dtype)
    out = ops.sigmoid(Tensor(x)).asnumpy()
    assert out.dtype == dtype
    ref = 1 / (1 + np.exp(-x.astype(np.float64)))
    # relative precision everywhere, also far in the negative tail (float16 underflows below 6e-8)
    np.testing.assert_allclose(out, ref, rtol={np.float16: 1e-3, np.float32: 1e-6, np.float64: 1e-14}[dtype],
                               atol=1e-7 if dtype == np.float16 else 0)
