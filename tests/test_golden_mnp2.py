"""Check more of ``minispore.numpy`` (elementwise math, NaN reductions, linear algebra, statistics, histograms,
polynomials, windows, index helpers, padding, sets) against MindSpore 2.10.0 (CPU, PyNative): the table
tests/golden/cases_mnp2.py, one row per call, recorded in tests/golden/mnp2.json by
``/tmp/msref/bin/python tests/golden/gen_mnp2.py``. Values to 1e-5, dtypes and shapes exactly; random draws by
shape, dtype and range.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_mnp2  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_mnp2, "mnp2.json").tests())


def _tested():
    return {name.split("/")[0] for name, _ in cases_mnp2.cases(harness.Stub())}


def test_every_added_name_has_a_row():
    import minispore.numpy as mnp
    from minispore.numpy import more_array, more_math, stats
    added = set(more_math.__all__) | set(more_array.__all__) | set(stats.__all__)
    assert not added - _tested(), sorted(added - _tested())
    assert all(hasattr(mnp, n) for n in added)


# The functions are differentiable Tensor functions: the gradient of a weighted sum of each output, through the
# ops' VJP rules, against float64 central differences of the same function.
def _rng(seed, shape, lo=-1.0, hi=1.0):
    return np.random.default_rng(seed).uniform(lo, hi, shape)


GRAD_CASES = [
    ("cbrt", lambda m, x: m.cbrt(x), _rng(1, (5,), 0.3, 2.0)),
    ("hypot", lambda m, x: m.hypot(x, x * 2 + 1), _rng(2, (2, 3))),
    ("logaddexp", lambda m, x: m.logaddexp(x, x[::-1]), _rng(3, (4,))),
    ("logaddexp2", lambda m, x: m.logaddexp2(x, 0.5), _rng(4, (4,))),
    ("nanmean", lambda m, x: m.nanmean(x, 0), _rng(5, (3, 2))),
    ("nanstd", lambda m, x: m.nanstd(x, 1, ddof=1), _rng(6, (2, 4))),
    ("kron", lambda m, x: m.kron(x, x[:1]), _rng(7, (2, 2))),
    ("tensordot", lambda m, x: m.tensordot(x, x, 1), _rng(8, (3, 3))),
    ("multi_dot", lambda m, x: m.multi_dot([x, x, x]), _rng(9, (2, 2))),
    ("norm", lambda m, x: m.norm(x), _rng(10, (2, 3))),
    ("norm/axis_inf", lambda m, x: m.norm(x, np.inf, axis=1), _rng(11, (2, 3))),
    ("cross", lambda m, x: m.cross(x, x[::-1]), _rng(12, (2, 3))),
    ("cov", lambda m, x: m.cov(x), _rng(13, (2, 4))),
    ("corrcoef", lambda m, x: m.corrcoef(x), _rng(14, (2, 4))),
    ("diff", lambda m, x: m.diff(x, 2), _rng(15, (5,))),
    ("gradient", lambda m, x: m.gradient(x, 0.5), _rng(16, (5,))),
    ("trapz", lambda m, x: m.trapz(x, axis=0), _rng(17, (3, 2))),
    ("interp", lambda m, x: m.interp(x, m.array([-1., 0., 1.], m.float64), m.array([1., -2., 3.], m.float64)),
     _rng(18, (4,), -0.9, 0.9)),
    ("convolve", lambda m, x: m.convolve(x, x[:2] * 3, "same"), _rng(19, (4,))),
    ("correlate", lambda m, x: m.correlate(x, x[1:3], "full"), _rng(20, (4,))),
    ("polyval", lambda m, x: m.polyval(x, x), _rng(21, (3,))),
    ("polyint", lambda m, x: m.polyint(x, 2), _rng(22, (3,))),
    ("pad/reflect", lambda m, x: m.pad(x, 2, mode="reflect"), _rng(23, (2, 3))),
    ("pad/linear_ramp", lambda m, x: m.pad(x, (1, 2), mode="linear_ramp", end_values=1), _rng(24, (3,))),
    ("take_along_axis", lambda m, x: m.take_along_axis(x, m.array([[1, 0, 1]], m.int32), 0), _rng(25, (2, 3))),
    ("rot90", lambda m, x: m.rot90(x, 3), _rng(26, (2, 3))),
    ("select", lambda m, x: m.select([x > 0], [x * x], -1.0), _rng(27, (5,))),
    ("unwrap", lambda m, x: m.unwrap(x * 4), _rng(28, (5,))),
]
# Float32 by mindspore.numpy's rule (counts), linear in the weights: a wide step, a Float32 tolerance.
FLOAT32_GRAD_CASES = [
    ("histogram/weights", lambda m, x: m.histogram(m.array([0.1, 0.5, 0.9, 0.7], m.float64), 2, weights=x)[0],
     _rng(29, (4,))),
    ("bincount/weights", lambda m, x: m.bincount(m.array([0, 2, 2, 1], m.int32), weights=x), _rng(30, (4,))),
]


@pytest.mark.parametrize("name,fn,x0,eps,rtol", [c + (1e-6, 1e-5) for c in GRAD_CASES] +
                         [c + (1e-2, 1e-4) for c in FLOAT32_GRAD_CASES],
                         ids=[c[0] for c in GRAD_CASES + FLOAT32_GRAD_CASES])
def test_gradient_matches_central_differences(name, fn, x0, eps, rtol):
    import minispore as ms
    import minispore.numpy as mnp
    w = None

    def weighted(x):
        out = fn(mnp, x)
        return (out * ms.Tensor(w)).sum()

    out0 = fn(mnp, ms.Tensor(x0))
    w = np.random.default_rng(99).uniform(0.5, 1.5, tuple(out0.shape))
    got = ms.grad(weighted)(ms.Tensor(x0)).asnumpy()
    num = np.zeros_like(x0)
    for i in np.ndindex(x0.shape):
        d = np.zeros_like(x0)
        d[i] = eps
        num[i] = (float(weighted(ms.Tensor(x0 + d)).asnumpy()) - float(weighted(ms.Tensor(x0 - d)).asnumpy())) / (2 * eps)
    np.testing.assert_allclose(got, num, rtol=rtol, atol=1e-7)
