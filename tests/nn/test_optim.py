"""Optimizers against MindSpore 2.10 goldens (tests/golden/optim.npz, from tests/golden/gen_optim.py), plus the
properties the goldens cannot show: in-place updates, no recorded graph, float32, groups and state handling."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Parameter, ParameterTuple, Tensor, nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden"))
import gen_optim as G  # noqa: E402

GOLD = np.load(G.OUT)
RTOL, ATOL = 1e-4, 1e-6


def golden(prefix):
    return {k[len(prefix):]: GOLD[k] for k in GOLD.files if k.startswith(prefix)}


def compare_arrays(got, exp):
    assert sorted(got) == sorted(exp), f"keys differ: {sorted(set(got) ^ set(exp))}"
    for k, e in exp.items():
        g = got[k]
        if e.dtype.kind in "US":
            assert [str(x) for x in g] == [str(x) for x in e], k
            continue
        assert g.dtype == e.dtype, f"{k}: dtype {g.dtype} != {e.dtype}"
        assert g.shape == e.shape, f"{k}: shape {g.shape} != {e.shape}"
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=ATOL, err_msg=k)


@pytest.mark.parametrize("name", list(G.CASES))
def test_trajectory_matches_mindspore(name):
    """5 steps: losses, final weights, every state Parameter (names and values) and the reported lr."""
    compare_arrays(G.run_case(ms, name), golden(f"opt:{name}:"))


OPT_ERRORS = [n for n in G.error_cases(ms) if not n.startswith(("lr", "wrap"))]


@pytest.mark.parametrize("name", OPT_ERRORS)
def test_argument_errors_match_mindspore(name):
    cls, msg = (str(x) for x in GOLD[f"err:{name}"])
    got_cls, got_msg = G.record_error(G.error_cases(ms)[name])
    assert (got_cls, got_msg) == (cls, msg)


# ---------------------------------------------------------------------------- helpers
def net_and_grads(kind="mlp"):
    net = G.make_net(ms, kind)
    loss_fn = nn.CrossEntropyLoss()
    x = Tensor(G.X16 if kind == "wide" else G.X4)

    def fwd(data, label):
        return loss_fn(net(data), label)
    return net, fwd, x, Tensor(G.Y_CLS)


ALL = [lambda p: nn.SGD(p, 0.1, momentum=0.9, weight_decay=0.01),
       lambda p: nn.Momentum(p, 0.1, 0.9, loss_scale=2.0),
       lambda p: nn.Adam(p, 0.01, use_amsgrad=True, weight_decay=0.01),
       lambda p: nn.Adam(p, 0.01, use_nesterov=True),
       lambda p: nn.AdamWeightDecay(p, 0.01, weight_decay=0.1),
       lambda p: nn.RMSProp(p, 0.01, momentum=0.5, centered=True),
       lambda p: nn.Adagrad(p, learning_rate=0.1),
       lambda p: nn.SGD([{"params": p[:2], "lr": [0.1, 0.2, 0.3]}, {"params": p[2:], "weight_decay": 0.1}], 0.1)]


# ---------------------------------------------------------------------------- in place, no graph, float32
@pytest.mark.parametrize("make", ALL)
def test_update_in_place_without_graph(make):
    net, fwd, x, y = net_and_grads()
    opt = make(net.trainable_params())
    params = list(net.trainable_params())
    arrays = [p.asnumpy() for p in params]
    before = [a.copy() for a in arrays]
    states = [(n, p, p.asnumpy()) for n, p in opt.parameters_and_names()]
    grad_fn = ms.value_and_grad(fwd, None, opt.parameters)
    for _ in range(3):
        _, grads = grad_fn(x, y)
        grad_copies = [g.asnumpy().copy() for g in grads]
        ret = opt(grads)
        assert ret == (True,) * len(params)
        for g, c in zip(grads, grad_copies):       # gradients are never written
            np.testing.assert_array_equal(g.asnumpy(), c)
    for p, a, b in zip(net.trainable_params(), arrays, before):
        assert p.asnumpy() is a                    # same array object, updated in place
        assert not np.array_equal(a, b)
        assert p._trace is None
    for (n, p, a), (n2, p2) in zip(states, opt.parameters_and_names()):
        assert n == n2 and p is p2 and p.asnumpy() is a and p._trace is None
        if n != "global_step":
            assert p.dtype == ms.float32, n


def test_no_float64_anywhere():
    net, fwd, x, y = net_and_grads("affine")
    for make in ALL:
        opt = make(net.trainable_params())
        grad_fn = ms.value_and_grad(fwd, None, opt.parameters)
        for _ in range(2):
            opt(grad_fn(x, y)[1])
        for n, p in opt.parameters_and_names():
            assert p.asnumpy().dtype in (np.float32, np.int32), (type(opt).__name__, n, p.asnumpy().dtype)


def test_float16_parameters_keep_their_dtype():
    w = Parameter(Tensor(np.ones(3, np.float16)), name="w")
    opt = nn.Adam([w], 0.1)
    opt((Tensor(np.full(3, 0.5, np.float16)),))
    assert w.asnumpy().dtype == np.float16 and opt.moment1[0].asnumpy().dtype == np.float16
    np.testing.assert_allclose(w.asnumpy(), 0.9, rtol=1e-3)


# ---------------------------------------------------------------------------- attributes and state
def test_attributes_and_state_names():
    net, *_ = net_and_grads()
    opt = nn.Adam(net.trainable_params(), learning_rate=0.05)
    assert isinstance(opt.parameters, ParameterTuple)
    assert [p.name for p in opt.parameters] == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert isinstance(opt.learning_rate, Parameter) and opt.learning_rate.name == "learning_rate"
    assert opt.get_lr() is opt.learning_rate
    assert opt.global_step.name == "global_step" and opt.global_step.dtype == ms.int32
    assert opt.global_step.shape == (1,)
    assert [p.name for p in opt.moment1] == ["moment1." + p.name for p in opt.parameters]
    assert [p.name for p in opt.moment2] == ["moment2." + p.name for p in opt.parameters]
    assert repr(opt) == "Adam()"
    assert opt.init_args["beta1"] == 0.9 and opt.init_learning_rate == 0.05


def test_global_step_and_beta_powers():
    net, fwd, x, y = net_and_grads()
    opt = nn.Adam(net.trainable_params(), learning_rate=0.05, beta1=0.5, beta2=0.75)
    grad_fn = ms.value_and_grad(fwd, None, opt.parameters)
    for _ in range(3):
        opt(grad_fn(x, y)[1])
    assert opt.global_step.asnumpy().tolist() == [3]
    np.testing.assert_allclose(opt.beta1_power.asnumpy(), 0.125, rtol=1e-6)
    np.testing.assert_allclose(opt.beta2_power.asnumpy(), 0.75 ** 3, rtol=1e-6)


def test_learning_rate_parameter_changes_take_effect():
    w = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    opt = nn.SGD([w], 0.1)
    g = (Tensor(np.ones(2, np.float32)),)
    opt(g)
    opt.learning_rate.set_data(Tensor(np.float32(0.5)))
    opt(g)
    np.testing.assert_allclose(w.asnumpy(), -0.6, rtol=1e-6)


def test_state_replaced_by_set_data_is_used():
    """Checkpoint loading replaces state arrays with set_data; the next step must use the new values."""
    w = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    opt = nn.Momentum([w], 0.1, 0.9)
    opt.moments[0].set_data(Tensor(np.full(2, 10.0, np.float32)))
    opt((Tensor(np.ones(2, np.float32)),))
    np.testing.assert_allclose(opt.moments[0].asnumpy(), 10.0)
    np.testing.assert_allclose(w.asnumpy(), -1.0, rtol=1e-6)


def test_weight_decay_skips_beta_gamma_but_not_bias():
    names = ["w", "ln.gamma", "ln.beta", "fc.bias"]
    ps = [Parameter(Tensor(np.ones(2, np.float32)), name=n) for n in names]
    opt = nn.SGD(ps, learning_rate=0.1, weight_decay=0.5)
    assert opt.decay_flags == (True, False, False, True)
    opt(tuple(Tensor(np.zeros(2, np.float32)) for _ in ps))
    assert [float(p.asnumpy()[0]) for p in ps] == pytest.approx([0.95, 1.0, 1.0, 0.95])
    ps = [Parameter(Tensor(np.ones(2, np.float32)), name=n) for n in names]
    opt = nn.SGD([{"params": ps, "weight_decay": 0.5}], learning_rate=0.1)     # groups decay every parameter
    opt(tuple(Tensor(np.zeros(2, np.float32)) for _ in ps))
    assert [float(p.asnumpy()[0]) for p in ps] == pytest.approx([0.95] * 4)


def test_groups_lr_tuple_and_get_lr_parameter():
    net, *_ = net_and_grads()
    weights = [p for p in net.trainable_params() if "weight" in p.name]
    biases = [p for p in net.trainable_params() if "bias" in p.name]
    opt = nn.SGD([{"params": weights, "lr": 0.5}, {"params": biases}], learning_rate=0.1)
    assert isinstance(opt.learning_rate, ParameterTuple)
    assert [p.name for p in opt.get_lr()] == ["learning_rate_group_0"] * 2 + ["learning_rate"] * 2
    assert opt.get_lr_parameter(weights[0]).name == "learning_rate_group_0"
    assert [p.name for p in opt.get_lr_parameter(biases)] == ["learning_rate"] * 2
    with pytest.raises(ValueError):
        opt.get_lr_parameter(Parameter(Tensor(np.zeros(1, np.float32)), name="other"))


def test_dynamic_lr_exhausted_raises():
    w = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    opt = nn.SGD([w], learning_rate=[0.1, 0.2])
    g = (Tensor(np.ones(2, np.float32)),)
    opt(g)
    opt(g)
    with pytest.raises(RuntimeError, match="Gather"):
        opt(g)
    np.testing.assert_allclose(w.asnumpy(), -0.3, rtol=1e-6)    # the failing step changed nothing


def test_gradient_count_checked():
    w = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    with pytest.raises(ValueError, match="SGD"):
        nn.SGD([w])((Tensor(np.ones(2, np.float32)),) * 2)


def test_grad_centralization():
    """MindSpore has no CPU kernel for it; check the formula: subtract the mean over all axes but the first, for
    rank >= 2 gradients whose second dimension is a multiple of 16."""
    net, fwd, x, y = net_and_grads("wide")
    w1 = net.fc1.weight
    opt = nn.SGD([{"params": [w1], "grad_centralization": True},
                  {"params": [p for p in net.trainable_params() if p is not w1]}], learning_rate=0.2)
    grad_fn = ms.value_and_grad(fwd, None, opt.parameters)
    _, grads = grad_fn(x, y)
    before = [p.asnumpy().copy() for p in opt.parameters]
    opt(grads)
    g0 = grads[0].asnumpy()
    expected = before[0] - np.float32(0.2) * (g0 - g0.mean(axis=1, keepdims=True))
    np.testing.assert_allclose(opt.parameters[0].asnumpy(), expected, rtol=1e-5, atol=1e-7)
    for p, b, g in zip(list(opt.parameters)[1:], before[1:], grads[1:]):   # fc1.bias (rank 1): unchanged rule
        np.testing.assert_allclose(p.asnumpy(), b - np.float32(0.2) * g.asnumpy(), rtol=1e-5, atol=1e-7)


def test_custom_optimizer_with_apply():
    """A subclass writes only the per-parameter rule; groups, lr and decay come from the base class."""
    class SignSGD(nn.Optimizer):
        def __init__(self, params, learning_rate=0.1, weight_decay=0.0):
            super().__init__(learning_rate, params, weight_decay)

        def _apply(self, i, w, g, lr):
            w -= lr * np.sign(g)

    w = Parameter(Tensor(np.array([1.0, -1.0], np.float32)), name="w")
    opt = SignSGD([w], 0.5, weight_decay=1.0)
    opt((Tensor(np.array([-0.5, -0.5], np.float32)),))     # g + wd*w = [0.5, -1.5]
    np.testing.assert_allclose(w.asnumpy(), [0.5, -0.5])


def test_custom_optimizer_mindspore_style_construct():
    class MyMomentum(nn.Optimizer):
        def __init__(self, params, learning_rate, momentum=0.9):
            super().__init__(learning_rate, params)
            self.moments = self.parameters.clone(prefix="moments", init="zeros")
            self.momentum = momentum

        def construct(self, gradients):
            lr = self.get_lr()
            gradients = self.scale_grad(self.gradients_centralization(self.decay_weight(gradients)))
            for p, m, g in zip(self.parameters, self.moments, gradients):
                m.set_data(m * self.momentum + g)
                p.set_data(p - lr * m)
            return True

    w = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    opt = MyMomentum([w], 0.1)
    for _ in range(2):
        opt((Tensor(np.ones(2, np.float32)),))
    np.testing.assert_allclose(w.asnumpy(), -0.1 - 0.19, rtol=1e-6)
    assert [n for n, _ in opt.parameters_and_names()] == ["global_step", "learning_rate", "w", "moments.w"]


def test_momentum_use_nesterov_matches_mindspore_cpu():
    """MindSpore 2.10's CPU ApplyMomentum ignores use_nesterov (recorded in the goldens); SGD honours it."""
    w1 = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    w2 = Parameter(Tensor(np.zeros(2, np.float32)), name="w")
    a, b = nn.Momentum([w1], 0.1, 0.9, use_nesterov=True), nn.Momentum([w2], 0.1, 0.9)
    for g in (1.0, 2.0):
        a((Tensor(np.full(2, g, np.float32)),))
        b((Tensor(np.full(2, g, np.float32)),))
    np.testing.assert_array_equal(w1.asnumpy(), w2.asnumpy())
    np.testing.assert_allclose(w1.asnumpy(), -0.39, rtol=1e-6)


def test_deepcopy_and_pickle_keep_independent_state():
    import copy
    import pickle
    net, fwd, x, y = net_and_grads()
    opt = nn.Adam([{"params": net.trainable_params()[:2], "lr": nn.ExponentialDecayLR(0.1, 0.5, 1)},
                   {"params": net.trainable_params()[2:]}], learning_rate=0.05, weight_decay=nn.WarmUpLR(0.01, 2))
    grads = ms.value_and_grad(fwd, None, opt.parameters)(x, y)[1]
    for other in (copy.deepcopy(opt), pickle.loads(pickle.dumps(opt))):
        before = opt.parameters[0].asnumpy().copy()
        other(grads)
        assert other.global_step.asnumpy().tolist() == [1] and opt.global_step.asnumpy().tolist() == [0]
        np.testing.assert_array_equal(opt.parameters[0].asnumpy(), before)
        assert not np.array_equal(other.parameters[0].asnumpy(), before)


@pytest.mark.parametrize("make", [lambda p: nn.SGD(p, 0.1, momentum=0.9, weight_decay=0.01),
                                  lambda p: nn.Adam(p, learning_rate=nn.CosineDecayLR(0.01, 0.1, 3)),
                                  lambda p: nn.RMSProp(p, [0.01, 0.02, 0.03, 0.01, 0.01], centered=True)])
def test_jit_compiled_train_step_runs_the_update(make):
    """Under ms.jit the update is recorded as one effect and runs at every replay, as eagerly."""
    import warnings
    results = []
    for use_jit in (False, True):
        net, fwd, x, y = net_and_grads()
        opt = make(net.trainable_params())
        grad_fn = ms.value_and_grad(fwd, None, opt.parameters)

        def step(data, label):
            loss, grads = grad_fn(data, label)
            opt(grads)
            return loss
        if use_jit:
            step = ms.jit(step)
        with warnings.catch_warnings():
            warnings.simplefilter("error")      # no JIT Fallback
            losses = [float(step(x, y).asnumpy()) for _ in range(5)]
        results.append((losses, [p.asnumpy().copy() for p in net.trainable_params()], opt.global_step.asnumpy()))
        if use_jit:
            assert len(step.graphs) == 1 and step.fallback is None
    (l0, p0, s0), (l1, p1, s1) = results
    np.testing.assert_allclose(l1, l0, rtol=1e-5)
    for a, b in zip(p1, p0):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7)
    assert s0.tolist() == s1.tolist() == [5]


def test_optimizer_rejects_gradients_of_the_wrong_shape():
    # review regression: a mis-shaped gradient was broadcast into the update silently (or failed with a bare NumPy
    # message); the error names the optimizer, the parameter and both shapes, as MindSpore's does
    net = nn.Dense(3, 2)
    grads = (Tensor(np.ones(3, np.float32)), Tensor(np.ones(1, np.float32)))
    for optimizer in (nn.SGD(net.trainable_params(), 0.1), nn.Adam(net.trainable_params())):
        with pytest.raises(ValueError, match=r"gradient of parameter 'weight'.*\(2, 3\).*\(3,\)"):
            optimizer(grads)
