"""Check minispore's further neural-network names (minispore/ops/function/nn_more_func.py,
minispore/ops/operations/nn_more_ops.py, minispore/nn/layer/more_layers.py, minispore/nn/layer/pooling2.py,
minispore/nn/loss/losses2.py) against MindSpore 2.10.0 (CPU, PyNative): the cases of
tests/golden/cases_nnlayers.py, recorded in tests/golden/nnlayers.json by
``/tmp/msref/bin/python tests/golden/gen_nnlayers.py``. A case compares the outputs (structure, dtype and shape
exactly, floats to the harness's tolerance), for differentiable rows the gradient through ``ms.grad``; a recorded
error must be raised as the same class. The losses MindSpore 2.10 refuses on CPU (``soft_margin_loss``,
``multilabel_margin_loss``, ``triplet_margin_loss`` and their Primitives) are DELIBERATE there and checked here
against NumPy formulas.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_nnlayers.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_nnlayers as K  # noqa: E402
import harness  # noqa: E402

FAMILY = harness.Family(K, "nnlayers.json")
globals().update(FAMILY.tests())


def _ms():
    import minispore
    return minispore


def test_every_added_name_has_a_row():
    """Every function of nn_more_func.py and every class of nn_more_ops.py is exercised by a golden row."""
    from minispore.ops.function import nn_more_func
    from minispore.ops.operations import nn_more_ops
    used = {r[1] for r in K.FUNC_ROWS} | {r[1] for r in K.ERROR_ROWS}
    assert not sorted(set(nn_more_func.__all__) - used - {"rrelu"})
    used = {r[1] for r in K.PRIM_ROWS} | {r[1] for r in K.RANDOM_PRIM_ROWS}
    assert not sorted(set(nn_more_ops.__all__) - used)


# ------------------------------------------------------------------ the losses MindSpore 2.10 refuses on CPU
def _soft_margin_np(x, y):
    return np.log1p(np.exp(-y.astype(np.float64) * x))


def _multilabel_margin_np(x, y):
    out = []
    for xr, yr in zip(np.atleast_2d(x).astype(np.float64), np.atleast_2d(y)):
        targets = []
        for t in yr:
            if t < 0:
                break
            targets.append(int(t))
        others = [i for i in range(xr.size) if i not in targets]
        out.append(sum(max(0.0, 1 - (xr[j] - xr[i])) for j in targets for i in others) / xr.size)
    return np.array(out)


def _triplet_np(a, p, n, margin=1.0, norm=2, eps=1e-6, swap=False):
    def d(u, v):
        return (np.abs(u.astype(np.float64) - v + eps) ** norm).sum(-1) ** (1.0 / norm)
    dn = d(a, n)
    if swap:
        dn = np.minimum(dn, d(p, n))
    return np.maximum(d(a, p) - dn + margin, 0)


def _numeric_grad(f, x, h=1e-6):
    x = x.astype(np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(*x.shape):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_soft_margin_loss_against_numpy(reduction):
    ms = _ms()
    red = {"mean": np.mean, "sum": np.sum, "none": lambda v: v}[reduction]
    got = ms.ops.soft_margin_loss(ms.Tensor(K.A), ms.Tensor(K.PM), reduction)
    np.testing.assert_allclose(got.asnumpy(), red(_soft_margin_np(K.A, K.PM)), rtol=1e-5, atol=1e-6)
    cell = ms.nn.SoftMarginLoss(reduction)
    np.testing.assert_allclose(cell(ms.Tensor(K.A), ms.Tensor(K.PM)).asnumpy(), got.asnumpy(), rtol=1e-6)
    prim = ms.ops.SoftMarginLoss(reduction)
    assert str(prim) == f"Prim[SoftMarginLoss]<reduction={reduction}>"
    np.testing.assert_allclose(prim(ms.Tensor(K.A), ms.Tensor(K.PM)).asnumpy(), got.asnumpy(), rtol=1e-6)
    g = ms.grad(lambda x: ms.ops.soft_margin_loss(x, ms.Tensor(K.PM), reduction).sum())(ms.Tensor(K.A))
    np.testing.assert_allclose(g.asnumpy(), _numeric_grad(lambda x: red(_soft_margin_np(x, K.PM)).sum(), K.A),
                               rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_multilabel_margin_loss_against_numpy(reduction):
    ms = _ms()
    red = {"mean": np.mean, "sum": np.sum, "none": lambda v: v}[reduction]
    got = ms.ops.multilabel_margin_loss(ms.Tensor(K.A), ms.Tensor(K.ML_T), reduction)
    np.testing.assert_allclose(got.asnumpy(), red(_multilabel_margin_np(K.A, K.ML_T)), rtol=1e-5, atol=1e-6)
    loss, is_target = ms.ops.MultilabelMarginLoss(reduction)(ms.Tensor(K.A), ms.Tensor(K.ML_T))
    np.testing.assert_allclose(loss.asnumpy(), got.asnumpy(), rtol=1e-6)
    np.testing.assert_array_equal(is_target.asnumpy(), [[1, 0, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]])
    assert is_target.dtype == ms.int32
    cell = ms.nn.MultilabelMarginLoss(reduction)
    np.testing.assert_allclose(cell(ms.Tensor(K.A), ms.Tensor(K.ML_T)).asnumpy(), got.asnumpy(), rtol=1e-6)
    g = ms.grad(lambda x: ms.ops.multilabel_margin_loss(x, ms.Tensor(K.ML_T), reduction).sum())(ms.Tensor(K.A))
    np.testing.assert_allclose(
        g.asnumpy(), _numeric_grad(lambda x: red(_multilabel_margin_np(x, K.ML_T)).sum(), K.A), rtol=1e-4, atol=1e-6)
    one = ms.ops.multilabel_margin_loss(ms.Tensor(K.A[0]), ms.Tensor(K.ML_T[0]), "none")
    np.testing.assert_allclose(one.asnumpy(), _multilabel_margin_np(K.A[0], K.ML_T[0])[0], rtol=1e-5)


@pytest.mark.parametrize("kw", [{}, {"p": 1, "swap": True, "margin": 0.5}, {"reduction": "none", "margin": 2.0},
                                {"reduction": "sum", "p": 3}])
def test_triplet_margin_loss_against_numpy(kw):
    ms = _ms()
    reduction = kw.get("reduction", "mean")
    red = {"mean": np.mean, "sum": np.sum, "none": lambda v: v}[reduction]
    ref_kw = dict(margin=kw.get("margin", 1.0), norm=kw.get("p", 2), swap=kw.get("swap", False))
    T = ms.Tensor
    got = ms.ops.triplet_margin_loss(T(K.A), T(K.B), T(K.C), **kw)
    np.testing.assert_allclose(got.asnumpy(), red(_triplet_np(K.A, K.B, K.C, **ref_kw)), rtol=1e-5, atol=1e-6)
    cell = ms.nn.TripletMarginLoss(p=kw.get("p", 2), swap=kw.get("swap", False), reduction=reduction,
                                   margin=kw.get("margin", 1.0))
    np.testing.assert_allclose(cell(T(K.A), T(K.B), T(K.C)).asnumpy(), got.asnumpy(), rtol=1e-6)
    prim = ms.ops.TripletMarginLoss(p=kw.get("p", 2), swap=kw.get("swap", False), reduction=reduction)
    np.testing.assert_allclose(prim(T(K.A), T(K.B), T(K.C), T(np.float32(ref_kw["margin"]))).asnumpy(),
                               got.asnumpy(), rtol=1e-6)
    g = ms.grad(lambda a: ms.ops.triplet_margin_loss(a, T(K.B), T(K.C), **kw).sum())(T(K.A))
    np.testing.assert_allclose(g.asnumpy(), _numeric_grad(lambda a: red(_triplet_np(a, K.B, K.C, **ref_kw)).sum(),
                                                          K.A), rtol=1e-3, atol=1e-5)


def test_rrelu_slopes_lie_between_the_bounds():
    """rrelu draws a slope per element: negative inputs scale by a value in [lower, upper], the rest pass."""
    ms = _ms()
    x = np.linspace(-3, 3, 200).astype(np.float32).reshape(10, 20)
    y = ms.ops.rrelu(ms.Tensor(x), 0.1, 0.3).asnumpy()
    neg = x < 0
    np.testing.assert_array_equal(y[~neg], x[~neg])
    slopes = y[neg] / x[neg]
    assert slopes.min() >= 0.1 - 1e-6 and slopes.max() <= 0.3 + 1e-6
    assert slopes.std() > 0.01          # drawn per element, not one slope


def test_roll_cell_against_numpy():
    """cell/roll is DELIBERATE (MindSpore 2.10 has no CPU Roll kernel): np.roll."""
    ms = _ms()
    np.testing.assert_array_equal(ms.nn.Roll(1, 0)(ms.Tensor(K.A)).asnumpy(), np.roll(K.A, 1, 0))
    np.testing.assert_array_equal(ms.nn.Roll((1, -2), (0, 1))(ms.Tensor(K.A)).asnumpy(),
                                  np.roll(K.A, (1, -2), (0, 1)))
    with pytest.raises(ValueError, match="shift"):
        ms.nn.Roll((1, 2), 0)


def test_psnr_against_numpy():
    """cell/psnr is DELIBERATE (MindSpore 2.10's PSNR fails for every input in PyNative): the formula in NumPy,
    float images in [0, 1] and uint8 images scaled by 255."""
    ms = _ms()
    mse = ((K.IMG.astype(np.float64) - K.IMG2) ** 2).mean((1, 2, 3))
    got = ms.nn.PSNR()(ms.Tensor(K.IMG), ms.Tensor(K.IMG2))
    assert got.shape == (2,) and got.dtype == ms.float32
    np.testing.assert_allclose(got.asnumpy(), 10 * np.log10(1.0 / mse), rtol=1e-5)
    a, b = (K.IMG * 255).astype(np.uint8), (K.IMG2 * 255).astype(np.uint8)
    mse8 = ((a / 255.0 - b / 255.0) ** 2).mean((1, 2, 3))
    np.testing.assert_allclose(ms.nn.PSNR(255)(ms.Tensor(a), ms.Tensor(b)).asnumpy(), 10 * np.log10(1.0 / mse8),
                               rtol=1e-5)


def test_clip_by_norm_axis_against_numpy():
    """cell/clip_by_norm_axis is DELIBERATE: x * clip / max(||x|| over the axis, clip), and its gradient."""
    ms = _ms()
    x = K.A * 3

    def ref(v):
        n = np.sqrt((v.astype(np.float64) ** 2).sum(1, keepdims=True))
        return v * 1.0 / np.maximum(n, 1.0)
    cell = ms.nn.ClipByNorm(axis=1)
    np.testing.assert_allclose(cell(ms.Tensor(x), ms.Tensor(np.float32(1.0))).asnumpy(), ref(x), rtol=1e-5,
                               atol=1e-6)
    w = K._r(99, x.shape)
    g = ms.grad(lambda t: (cell(t, ms.Tensor(np.float32(1.0))) * ms.Tensor(w)).sum())(ms.Tensor(x))
    np.testing.assert_allclose(g.asnumpy(), _numeric_grad(lambda v: (ref(v) * w).sum(), x), rtol=1e-4, atol=1e-6)


def test_rrelu_cell_draws_slopes_in_training_and_evaluation():
    """MindSpore 2.10's nn.RReLU samples in both modes: the slopes of negative inputs lie in [lower, upper]."""
    ms = _ms()
    x = np.linspace(-3, -0.1, 100).astype(np.float32)
    for train in (True, False):
        cell = ms.nn.RReLU(0.2, 0.4)
        cell.set_train(train)
        slopes = cell(ms.Tensor(x)).asnumpy() / x
        assert slopes.min() >= 0.2 - 1e-6 and slopes.max() <= 0.4 + 1e-6 and slopes.std() > 0.01
    with pytest.raises(ValueError, match="upper"):
        ms.nn.RReLU(0.5, 0.1)


def test_every_added_cell_has_a_row():
    """Every Cell of more_layers.py, pooling2.py and losses2.py has a golden row (a cell/ or repr/ case)."""
    import re
    from minispore.nn.layer import more_layers, pooling2
    from minispore.nn.loss import losses2
    text = open(os.path.join(HERE, "golden", "cases_nnlayers.py")).read()
    used = set(re.findall(r"nn\.([A-Z]\w+)\(", text))
    missing = sorted(set(more_layers.__all__ + pooling2.__all__ + losses2.__all__) - used)
    assert not missing, f"cells without a golden row: {missing}"


def test_ctc_zero_infinity_zeroes_the_impossible_sample():
    """ctc_loss/zero_infinity is DELIBERATE (MindSpore 2.10 ignores the flag): the per-sample losses MindSpore
    recorded for ctc_loss/impossible (inf for the sample that cannot align), with inf made 0, then reduced."""
    ms = _ms()
    T = ms.Tensor
    rec = FAMILY.golden["ctc_loss/impossible"]["result"]["tuple"][0]["value"]
    per = np.array([0.0 if v == "inf" else v for v in rec])
    assert rec[2] == "inf"
    got = ms.ops.ctc_loss(T(K.CTC_LP), T(K.CTC_T), T(K.CTC_IL_SHORT), T(K.CTC_TL), zero_infinity=True)[0]
    np.testing.assert_allclose(got.asnumpy(), (per / K.CTC_TL).mean(), rtol=1e-5)
    got = ms.nn.CTCLoss(reduction="sum", zero_infinity=True)(T(K.CTC_LP), T(K.CTC_T), T(K.CTC_IL_SHORT),
                                                             T(K.CTC_TL))
    np.testing.assert_allclose(got.asnumpy(), per.sum(), rtol=1e-5)


def _np_window(size, sigma):
    r = np.arange(-(size // 2), size - size // 2) if size % 2 else np.arange(-size // 2 + 1, size // 2 + 1)
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma ** 2))
    return g / g.sum()


def _np_filter(x, w):
    k = w.shape[0]
    h, wd = x.shape[-2] - k + 1, x.shape[-1] - k + 1
    out = np.zeros(x.shape[:-2] + (h, wd))
    for i in range(k):
        for j in range(k):
            out += w[i, j] * x[..., i:i + h, j:j + wd]
    return out


def _np_ssim_cs(a, b, w, c1, c2):
    mu1, mu2 = _np_filter(a, w), _np_filter(b, w)
    s1 = _np_filter(a * a, w) - mu1 ** 2
    s2 = _np_filter(b * b, w) - mu2 ** 2
    s12 = _np_filter(a * b, w) - mu1 * mu2
    ssim = (2 * mu1 * mu2 + c1) * (2 * s12 + c2) / ((mu1 ** 2 + mu2 ** 2 + c1) * (s1 + s2 + c2))
    return ssim.mean((2, 3)), ((2 * s12 + c2) / (s1 + s2 + c2)).mean((2, 3))


def test_ssim_and_msssim_against_numpy():
    """cell/ssim and cell/msssim are DELIBERATE (MindSpore 2.10's SSIM and MSSSIM fail for every input in PyNative):
    the Gaussian-window formulas in NumPy."""
    ms = _ms()
    a, b = K.IMG.astype(np.float64), K.IMG2.astype(np.float64)
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    w = _np_window(3, 1.5)
    ssim, _ = _np_ssim_cs(a, b, w, c1, c2)
    got = ms.nn.SSIM(filter_size=3)(ms.Tensor(K.IMG), ms.Tensor(K.IMG2))
    np.testing.assert_allclose(got.asnumpy(), ssim.mean(-1), rtol=1e-4, atol=1e-6)
    big = K._r(40, (1, 2, 12, 12), 0.0, 1.0)
    ref, _ = _np_ssim_cs(big.astype(np.float64), big[:, ::-1].astype(np.float64), _np_window(11, 1.5), c1, c2)
    np.testing.assert_allclose(ms.nn.SSIM()(ms.Tensor(big), ms.Tensor(big[:, ::-1].copy())).asnumpy(),
                               ref.mean(-1), rtol=1e-4, atol=1e-6)
    # MSSSIM, two scales: relu(cs at scale 0) ** 0.3 * relu(ssim at scale 1) ** 0.7
    _, cs0 = _np_ssim_cs(a, b, w, c1, c2)

    def pool(x):
        return (x[..., 0::2, 0::2] + x[..., 1::2, 0::2] + x[..., 0::2, 1::2] + x[..., 1::2, 1::2]) / 4
    ssim1, _ = _np_ssim_cs(pool(a), pool(b), w, c1, c2)
    ref = (np.maximum(cs0, 0) ** 0.3 * np.maximum(ssim1, 0) ** 0.7).mean(-1)
    got = ms.nn.MSSSIM(filter_size=3, power_factors=(0.3, 0.7))(ms.Tensor(K.IMG), ms.Tensor(K.IMG2))
    np.testing.assert_allclose(got.asnumpy(), ref, rtol=1e-4, atol=1e-6)
    with pytest.raises(ValueError, match="filter_size"):
        ms.nn.SSIM()(ms.Tensor(K.IMG), ms.Tensor(K.IMG2))
