"""Check minispore's optimizer-update Primitive classes (``ops.ApplyAdagrad()``, ``ops.SparseApplyFtrl(...)``...) and
the nn optimizers on the same rules (``nn.AdaMax``, ``nn.FTRL``, ``nn.Rprop``...) against MindSpore 2.10.0 (CPU,
PyNative): the rows of tests/golden/cases_optim2.py, recorded in tests/golden/optim2.json by
``/tmp/msref/bin/python tests/golden/gen_optim2.py``. A Primitive case compares the printed Primitive, its name,
what it returns and the Parameters after the update; an optimizer case every Parameter of the optimizer (weights and
state, by name) after each of three steps.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_optim2  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_optim2, "optim2.json").tests())

ADDED_OPS = ['ApplyAdaMax', 'ApplyAdadelta', 'ApplyAdagrad', 'ApplyAdagradV2', 'ApplyAdagradDA', 'ApplyAddSign',
             'ApplyPowerSign', 'ApplyCenteredRMSProp', 'ApplyRMSProp', 'ApplyFtrl', 'ApplyKerasMomentum',
             'ApplyProximalAdagrad', 'ApplyProximalGradientDescent', 'ApplyAdamWithAmsgrad',
             'ApplyAdamWithAmsgradV2', 'SGD', 'Adam', 'AdamWeightDecay', 'AdamNoUpdateParam', 'FusedSparseAdam',
             'FusedSparseLazyAdam', 'FusedSparseFtrl', 'FusedSparseProximalAdagrad', 'SparseApplyAdagrad',
             'SparseApplyAdagradV2', 'SparseApplyFtrl', 'SparseApplyFtrlV2', 'SparseApplyProximalAdagrad',
             'SparseApplyRMSProp', 'SparseApplyAdadelta', 'LARSUpdate']
ADDED_NN = ['AdaMax', 'Adadelta', 'ProximalAdagrad', 'FTRL', 'LazyAdam', 'AdamOffload', 'ASGD', 'Rprop',
            'ParameterUpdate', 'AdaFactor', 'Lamb', 'LARS']


def test_every_added_name_has_a_row():
    from minispore.ops.operations import optim_ops
    import minispore.nn.optim as optim
    rows = {r[0] for r in cases_optim2.STATE_ROWS}
    assert sorted(set(optim_ops.__all__) - rows) == []
    assert set(ADDED_OPS) == set(optim_ops.__all__)
    cases = {r[1] for r in cases_optim2.OPT_ROWS} | {"ParameterUpdate", "LARS"}
    assert sorted(set(ADDED_NN) - cases) == []
    assert set(ADDED_NN) <= set(optim.__all__)


def test_names_are_exported():
    import minispore as ms
    from minispore.ops.operations import nn_ops
    for n in ADDED_OPS:
        assert getattr(ms.ops, n) is getattr(nn_ops, n)
    for n in ADDED_NN:
        assert hasattr(ms.nn, n)


def test_primitive_update_runs_under_jit():
    """The update is recorded as effects: a compiled function replays it at every call."""
    import minispore as ms
    var = ms.Parameter(ms.Tensor(cases_optim2.V.copy()), name="var")
    acc = ms.Parameter(ms.Tensor(cases_optim2.S.copy()), name="acc")
    op = ms.ops.ApplyAdagrad()

    @ms.jit
    def step(lr, g):
        op(var, acc, lr, g)
        return lr

    g = cases_optim2.G
    want_v, want_a = cases_optim2.V.astype(np.float64), cases_optim2.S.astype(np.float64)
    for _ in range(2):
        step(ms.Tensor(np.float32(0.01)), ms.Tensor(g))
        want_a = want_a + g * g
        want_v = want_v - 0.01 * g / np.sqrt(want_a)
    np.testing.assert_allclose(acc.asnumpy(), want_a, rtol=1e-5)
    np.testing.assert_allclose(var.asnumpy(), want_v, rtol=1e-5)


def test_nn_rule_is_the_primitive_rule():
    """nn.Adadelta's step equals ops.ApplyAdadelta's (one rule) and the NumPy formula."""
    import minispore as ms
    w = ms.Parameter(ms.Tensor(cases_optim2.W2.copy()), name="w")
    opt = ms.nn.Adadelta([w], learning_rate=0.5, rho=0.8, epsilon=1e-6)
    g = cases_optim2.GRADS[0][1]
    opt((ms.Tensor(g),))
    a = 0.2 * g.astype(np.float64) ** 2
    u = np.sqrt(1e-6) / np.sqrt(a + 1e-6) * g
    np.testing.assert_allclose(w.asnumpy(), cases_optim2.W2 - 0.5 * u, rtol=1e-5)
    np.testing.assert_allclose(opt.accum_update[0].asnumpy(), 0.2 * u * u, rtol=1e-5)


def test_sparse_grad_shape_error():
    import minispore as ms
    var = ms.Parameter(ms.Tensor(cases_optim2.V3.copy()), name="var")
    acc = ms.Parameter(ms.Tensor(cases_optim2.A3.copy()), name="acc")
    with pytest.raises(ValueError, match="SparseApplyAdagrad"):
        ms.ops.SparseApplyAdagrad(lr=0.01)(var, acc, ms.Tensor(np.ones((2, 3), np.float32)),
                                           ms.Tensor(cases_optim2.IDX))


def _ftrl_reference(w, accum, linear, g, lr, l1, l2, lr_power):
    """FTRL-proximal as MindSpore documents it, in float64."""
    w, accum, linear, g = (np.asarray(x, np.float64) for x in (w, accum, linear, g))
    new_accum = accum + g * g
    linear = linear + g - (new_accum ** -lr_power - accum ** -lr_power) / lr * w
    quadratic = new_accum ** -lr_power / lr + 2 * l2
    w = np.where(np.abs(linear) > l1, (np.sign(linear) * l1 - linear) / quadratic, 0.0)
    return w, new_accum, linear


def test_apply_ftrl_follows_the_documented_rule():
    """ApplyFtrl is DELIBERATE (MindSpore's CPU kernel has the l1 sign wrong): check it against NumPy, with an
    l1 large enough to zero some elements."""
    import minispore as ms
    c = cases_optim2
    for l1 in (0.001, 0.3):
        ps = [ms.Parameter(ms.Tensor(v.copy()), name=f"p{i}") for i, v in enumerate((c.V, c.S, c.M))]
        ms.ops.ApplyFtrl()(*ps, ms.Tensor(c.G), ms.Tensor(np.float32(0.5)), ms.Tensor(np.float32(l1)),
                           ms.Tensor(np.float32(0.002)), ms.Tensor(np.float32(-0.5)))
        want = _ftrl_reference(c.V, c.S, c.M, c.G, 0.5, l1, 0.002, -0.5)
        for p, w in zip(ps, want):
            np.testing.assert_allclose(p.asnumpy(), w, rtol=1e-4, atol=1e-6)


def test_nn_ftrl_follows_the_documented_rule():
    import minispore as ms
    c = cases_optim2
    ps = [ms.Parameter(ms.Tensor(c.W1.copy()), name="w1"), ms.Parameter(ms.Tensor(c.W2.copy()), name="w2")]
    opt = ms.nn.FTRL(ps, learning_rate=0.05, l1=0.01, l2=0.002)
    state = [[c.W1, np.full((2, 3), 0.1), np.zeros((2, 3))], [c.W2, np.full(3, 0.1), np.zeros(3)]]
    for grads in c.GRADS:
        opt(tuple(ms.Tensor(g) for g in grads))
        state = [list(_ftrl_reference(*s, g, 0.05, 0.01, 0.002, -0.5)) for s, g in zip(state, grads)]
    for i, p in enumerate(ps):
        np.testing.assert_allclose(p.asnumpy(), state[i][0], rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(opt.moments[i].asnumpy(), state[i][1], rtol=1e-5)
        np.testing.assert_allclose(opt.linear[i].asnumpy(), state[i][2], rtol=1e-4, atol=1e-6)


def _lars_reference(w, g, wd, coefficient, epsilon, lr=None):
    w, g = np.asarray(w, np.float64), np.asarray(g, np.float64)
    wn, gn = np.sqrt(np.sum(w * w)), np.sqrt(np.sum(g * g))
    ratio = coefficient * wn / (gn + wd * wn + epsilon) if wn * gn > 0 else 1.0
    if lr is not None:
        ratio = min(ratio / lr, 1.0)
    return ratio * (g + wd * w)


def test_lars_update_follows_the_documented_rule():
    """LARSUpdate is DELIBERATE (no MindSpore CPU kernel): against NumPy, with and without clipping."""
    import minispore as ms
    c = cases_optim2
    w, g = c.V, c.G
    for kw, lr in (({}, None), ({"epsilon": 1e-6, "hyperpara": 0.01, "use_clip": True}, 0.001)):
        op = ms.ops.LARSUpdate(**kw)
        out = op(ms.Tensor(w), ms.Tensor(g), ms.Tensor(np.float32(np.sum(w * w))),
                 ms.Tensor(np.float32(np.sum(g * g))), ms.Tensor(np.float32(0.01)),
                 ms.Tensor(np.float32(lr if lr else 0.1)))
        want = _lars_reference(w, g, 0.01, kw.get("hyperpara", 0.001), kw.get("epsilon", 1e-5), lr)
        np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-5, atol=1e-7)


def test_nn_lars_wraps_momentum():
    """nn.LARS (DELIBERATE, no CPU kernel): the LARS gradient (with the wrapped optimizer's weight decay) then
    Momentum's step, against NumPy; the bias-named parameter is filtered out."""
    import minispore as ms
    c = cases_optim2
    ps = [ms.Parameter(ms.Tensor(c.W1.copy()), name="w1"), ms.Parameter(ms.Tensor(c.W2.copy()), name="bias")]
    opt = ms.nn.LARS(ms.nn.Momentum(ps, 0.1, 0.9, weight_decay=0.01), epsilon=1e-5, coefficient=0.01)
    ws = [c.W1.astype(np.float64), c.W2.astype(np.float64)]
    accs = [np.zeros_like(w) for w in ws]
    for grads in c.GRADS:
        opt(tuple(ms.Tensor(g) for g in grads))
        for i, g in enumerate(grads):
            gt = _lars_reference(ws[i], g, 0.01, 0.01, 1e-5) if i == 0 else g.astype(np.float64)
            accs[i] = 0.9 * accs[i] + gt
            ws[i] = ws[i] - 0.1 * accs[i]
    for p, w in zip(ps, ws):
        np.testing.assert_allclose(p.asnumpy(), w, rtol=1e-5, atol=1e-6)


def test_lamb_follows_the_documented_rule():
    """nn.Lamb (DELIBERATE, no CPU kernel) against NumPy, with weight decay (skipping no name here)."""
    import minispore as ms
    c = cases_optim2
    ps = [ms.Parameter(ms.Tensor(c.W1.copy()), name="w1"), ms.Parameter(ms.Tensor(c.W2.copy()), name="w2")]
    opt = ms.nn.Lamb(ps, learning_rate=0.01, weight_decay=0.1)
    ws = [c.W1.astype(np.float64), c.W2.astype(np.float64)]
    ms_, vs = [np.zeros_like(w) for w in ws], [np.zeros_like(w) for w in ws]
    for t, grads in enumerate(c.GRADS, 1):
        opt(tuple(ms.Tensor(g) for g in grads))
        for i, g in enumerate(grads):
            ms_[i] = 0.9 * ms_[i] + 0.1 * g
            vs[i] = 0.999 * vs[i] + 0.001 * g * g
            r = (ms_[i] / (1 - 0.9 ** t)) / (np.sqrt(vs[i] / (1 - 0.999 ** t)) + 1e-6) + 0.1 * ws[i]
            ws[i] = ws[i] - 0.01 * np.linalg.norm(ws[i]) / np.linalg.norm(r) * r
    for p, w in zip(ps, ws):
        np.testing.assert_allclose(p.asnumpy(), w, rtol=1e-5, atol=1e-6)
    assert [q.name for q in opt.moments1] == ["lamb_m.w1", "lamb_m.w2"]


def test_dense_gradient_shape_error():
    """A gradient that would broadcast against the variable is refused, naming the operation and the shapes."""
    import minispore as ms
    var = ms.Parameter(ms.Tensor(cases_optim2.V.copy()), name="var")
    acc = ms.Parameter(ms.Tensor(cases_optim2.S.copy()), name="acc")
    with pytest.raises(ValueError, match=r"ApplyAdagrad.*\(2, 3\).*\(3,\)"):
        ms.ops.ApplyAdagrad()(var, acc, ms.Tensor(np.float32(0.01)), ms.Tensor(np.ones(3, np.float32)))
    np.testing.assert_array_equal(var.asnumpy(), cases_optim2.V)


def test_sparse_index_out_of_range_is_refused():
    import minispore as ms
    c = cases_optim2
    for bad in (5, -1):
        var = ms.Parameter(ms.Tensor(c.V3.copy()), name="var")
        acc = ms.Parameter(ms.Tensor(c.A3.copy()), name="acc")
        with pytest.raises(IndexError, match=r"SparseApplyAdagrad.*\[0, 3\)"):
            ms.ops.SparseApplyAdagrad(lr=0.01)(var, acc, ms.Tensor(c.G2), ms.Tensor(np.array([0, bad], np.int32)))
        np.testing.assert_array_equal(var.asnumpy(), c.V3)


def test_fused_sparse_adam_index_out_of_range_is_refused():
    import minispore as ms
    c = cases_optim2
    ps = [ms.Parameter(ms.Tensor(v.copy()), name=f"p{i}") for i, v in enumerate((c.V3, c.M3, c.A3))]
    scalars = [ms.Tensor(np.float32(x)) for x in (0.81, 0.98, 0.01, 0.9, 0.99, 1e-8)]
    with pytest.raises(IndexError, match="FusedSparseAdam"):
        ms.ops.FusedSparseAdam()(*ps, *scalars, ms.Tensor(c.G2), ms.Tensor(np.array([0, 3], np.int32)))
