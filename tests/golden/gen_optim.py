"""Golden optimizer trajectories, learning-rate values and argument errors recorded from real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_optim.py       # writes tests/golden/optim.npz

The cases are written once against a framework module ``ms``: this script runs them with ``mindspore`` and
tests/nn/test_optim.py, test_lr.py and test_wrap.py run the same functions with ``minispore`` and compare
(float32 tolerance, rtol 1e-4). Every case starts from the same seeded weights and data, runs 5 steps and
records the loss of each step, the final parameters, every optimizer state Parameter (name and value) and the
learning rate the optimizer reported before each step.

Gradient centralization cannot be recorded: MindSpore 2.10 has no CPU kernel for ``Centralization``; the tests
check it against its formula instead (``make_net(ms, "wide")`` has a first layer it applies to).
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "optim.npz")
STEPS = 5


def rnd(seed, *shape, scale=0.5):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


X4 = rnd(1, 6, 4, scale=1.0)
X16 = rnd(2, 6, 16, scale=1.0)
Y_CLS = np.array([0, 1, 1, 0, 1, 0], np.int32)
Y_REG = rnd(3, 6, 2, scale=1.0)


# ---------------------------------------------------------------------------- networks
def make_net(ms, kind="mlp"):
    """``mlp``: Dense(4,3)+ReLU+Dense(3,2); ``affine``: the same with a per-feature scale and shift named
    'gamma' and 'beta' after the first layer; ``wide``: Dense(16,3)+ReLU+Dense(3,2). Weights from seeds."""
    nn = ms.nn
    n_in = 16 if kind == "wide" else 4

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Dense(n_in, 3)
            if kind == "affine":
                self.gamma = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="gamma")
                self.beta = ms.Parameter(ms.Tensor(np.zeros(3, np.float32)), name="beta")
            self.relu = nn.ReLU()
            self.fc2 = nn.Dense(3, 2)

        def construct(self, x):
            h = self.fc1(x)
            if kind == "affine":
                h = h * self.gamma + self.beta
            return self.fc2(self.relu(h))

    net = Net()
    for i, (_, p) in enumerate(net.parameters_and_names()):
        p.set_data(ms.Tensor(rnd(100 + i, *tuple(p.shape)) + (1.0 if p.name == "gamma" else 0.0)))
    return net


def by_name(net, *words):
    return [p for p in net.trainable_params() if any(w in p.name for w in words)]


# ---------------------------------------------------------------------------- optimizer cases
# name -> (net kind, loss ('ce' or 'mse'), function (ms, net) -> optimizer)
def _cases():
    def sgd(**kw):
        return lambda ms, net: ms.nn.SGD(net.trainable_params(), **kw)

    def mom(lr, m, **kw):
        return lambda ms, net: ms.nn.Momentum(net.trainable_params(), lr, m, **kw)

    def adam(**kw):
        return lambda ms, net: ms.nn.Adam(net.trainable_params(), **kw)

    def adamw(**kw):
        return lambda ms, net: ms.nn.AdamWeightDecay(net.trainable_params(), **kw)

    def rms(**kw):
        return lambda ms, net: ms.nn.RMSProp(net.trainable_params(), **kw)

    def ada(**kw):
        return lambda ms, net: ms.nn.Adagrad(net.trainable_params(), **kw)

    c = {
        "sgd.plain": ("mlp", "ce", sgd(learning_rate=0.1)),
        "sgd.default_lr": ("mlp", "mse", sgd()),
        "sgd.momentum": ("mlp", "ce", sgd(learning_rate=0.1, momentum=0.9)),
        "sgd.dampening": ("mlp", "ce", sgd(learning_rate=0.1, momentum=0.9, dampening=0.3)),
        "sgd.nesterov": ("mlp", "mse", sgd(learning_rate=0.1, momentum=0.9, nesterov=True)),
        "sgd.nesterov_wd": ("mlp", "ce", sgd(learning_rate=0.1, momentum=0.8, nesterov=True, weight_decay=0.05)),
        "sgd.wd_gamma_beta": ("affine", "ce", sgd(learning_rate=0.1, momentum=0.5, weight_decay=0.1)),
        "sgd.loss_scale_wd": ("mlp", "ce", sgd(learning_rate=0.1, weight_decay=0.05, loss_scale=4.0)),
        "sgd.int_momentum": ("mlp", "ce", sgd(learning_rate=1, momentum=1, dampening=1)),
        "momentum.plain": ("mlp", "ce", mom(0.1, 0.9)),
        "momentum.nesterov": ("mlp", "mse", mom(0.1, 0.9, use_nesterov=True)),
        "momentum.wd_loss_scale": ("affine", "ce", mom(0.1, 0.9, weight_decay=0.05, loss_scale=2.0)),
        "adam.plain": ("mlp", "ce", adam(learning_rate=0.05)),
        "adam.default": ("mlp", "mse", adam()),
        "adam.wd_gamma_beta": ("affine", "ce", adam(learning_rate=0.05, weight_decay=0.1)),
        "adam.amsgrad": ("mlp", "ce", adam(learning_rate=0.05, use_amsgrad=True)),
        "adam.nesterov": ("mlp", "mse", adam(learning_rate=0.05, use_nesterov=True)),
        "adam.betas_eps": ("mlp", "ce", adam(learning_rate=0.05, beta1=0.5, beta2=0.9, eps=1e-3)),
        "adam.loss_scale": ("mlp", "ce", adam(learning_rate=0.05, loss_scale=8.0, weight_decay=0.01)),
        "adam.dynamic_wd": ("mlp", "mse", lambda ms, net: ms.nn.Adam(
            net.trainable_params(), learning_rate=0.05, weight_decay=ms.nn.ExponentialDecayLR(0.1, 0.5, 1))),
        "adamweightdecay.plain": ("mlp", "ce", adamw(learning_rate=0.05)),
        "adamweightdecay.wd_gamma_beta": ("affine", "ce", adamw(learning_rate=0.05, weight_decay=0.1)),
        "adamweightdecay.group": ("mlp", "mse", lambda ms, net: ms.nn.AdamWeightDecay([
            {"params": by_name(net, "weight"), "weight_decay": 0.2, "lr": 0.02},
            {"params": by_name(net, "bias")}], learning_rate=0.05, weight_decay=0.01, eps=1e-4)),
        "rmsprop.plain": ("mlp", "ce", rms(learning_rate=0.01)),
        "rmsprop.centered": ("mlp", "ce", rms(learning_rate=0.01, centered=True)),
        "rmsprop.momentum": ("mlp", "mse", rms(learning_rate=0.01, momentum=0.5, decay=0.8, epsilon=1e-6)),
        "rmsprop.centered_momentum_wd": ("affine", "ce", rms(learning_rate=0.01, momentum=0.5, centered=True,
                                                             weight_decay=0.05, loss_scale=2.0)),
        "rmsprop.warmup": ("mlp", "ce", lambda ms, net: ms.nn.RMSProp(
            net.trainable_params(), learning_rate=ms.nn.WarmUpLR(0.05, 2))),
        "adagrad.plain": ("mlp", "ce", ada(learning_rate=0.1)),
        "adagrad.no_update_slots": ("mlp", "mse", ada(learning_rate=0.1, update_slots=False, accum=0.5)),
        "adagrad.accum_wd": ("affine", "ce", ada(accum=0.5, learning_rate=0.1, weight_decay=0.05)),
        "group.sgd_lr_wd": ("mlp", "ce", lambda ms, net: ms.nn.SGD([
            {"params": by_name(net, "weight"), "weight_decay": 0.05, "lr": 0.2},
            {"params": by_name(net, "bias")}], learning_rate=0.1, momentum=0.5)),
        "group.adam_order": ("mlp", "ce", lambda ms, net: ms.nn.Adam([
            {"params": by_name(net, "fc2"), "lr": 0.01},
            {"params": by_name(net, "fc1"), "weight_decay": 0.1},
            {"order_params": net.trainable_params()}], learning_rate=0.05)),
        "group.gamma_beta_decayed": ("affine", "ce", lambda ms, net: ms.nn.Momentum([
            {"params": net.trainable_params(), "weight_decay": 0.1}], learning_rate=0.1, momentum=0.9)),
        "group.momentum_dynamic_lr": ("mlp", "ce", lambda ms, net: ms.nn.Momentum([
            {"params": by_name(net, "fc1"), "lr": [0.1, 0.05, 0.2, 0.01, 0.3]},
            {"params": by_name(net, "fc2")}], learning_rate=0.1, momentum=0.9)),
        "group.adam_schedule": ("mlp", "mse", lambda ms, net: ms.nn.Adam([
            {"params": by_name(net, "weight"), "lr": ms.nn.CosineDecayLR(0.01, 0.1, 4)},
            {"params": by_name(net, "bias")}], learning_rate=0.05)),
        "lr.piecewise_adam": ("mlp", "ce", lambda ms, net: ms.nn.Adam(
            net.trainable_params(), learning_rate=ms.nn.piecewise_constant_lr([2, 5], [0.05, 0.01]))),
        "lr.tensor_momentum": ("mlp", "ce", lambda ms, net: ms.nn.Momentum(
            net.trainable_params(), ms.Tensor(np.array([0.1, 0.2, 0.05, 0.1, 0.3], np.float32)), 0.9)),
        "lr.polynomial_momentum": ("mlp", "ce", lambda ms, net: ms.nn.Momentum(
            net.trainable_params(), ms.nn.PolynomialDecayLR(0.1, 0.01, 3, 2.0), 0.9)),
        "lr.natural_exp_sgd": ("mlp", "ce", lambda ms, net: ms.nn.SGD(
            net.trainable_params(), learning_rate=ms.nn.NaturalExpDecayLR(0.2, 0.3, 2, is_stair=True))),
        "lr.inverse_adagrad": ("mlp", "ce", lambda ms, net: ms.nn.Adagrad(
            net.trainable_params(), learning_rate=ms.nn.InverseDecayLR(0.2, 0.5, 2))),
        "lr.exponential_list_rmsprop": ("mlp", "ce", lambda ms, net: ms.nn.RMSProp(
            net.trainable_params(), learning_rate=ms.nn.exponential_decay_lr(0.02, 0.5, 5, 1, 2))),
        "lr.tensor_0d_adamw": ("mlp", "ce", lambda ms, net: ms.nn.AdamWeightDecay(
            net.trainable_params(), learning_rate=ms.Tensor(np.float32(0.03)), weight_decay=0.01)),
    }
    return c


CASES = _cases()


def _lr_values(lr):
    if isinstance(lr, (tuple, list)):
        return np.array([float(np.asarray(x.asnumpy()).reshape(())) for x in lr], np.float32)
    return np.array([float(np.asarray(lr.asnumpy()).reshape(()))], np.float32)


def run_case(ms, name):
    """Train 5 steps; a dict of arrays (keys without the case prefix)."""
    kind, loss_kind, make_opt = CASES[name]
    nn = ms.nn
    net = make_net(ms, kind)
    opt = make_opt(ms, net)
    loss_fn = nn.CrossEntropyLoss() if loss_kind == "ce" else nn.MSELoss()
    x = ms.Tensor(X16 if kind == "wide" else X4)
    y = ms.Tensor(Y_CLS if loss_kind == "ce" else Y_REG)

    def forward(data, label):
        return loss_fn(net(data), label)

    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    losses, lrs, rets = [], [], []
    for _ in range(STEPS):
        lrs.append(_lr_values(opt.get_lr()))
        loss, grads = grad_fn(x, y)
        ret = opt(grads)
        rets.append(len(ret) == len(opt.parameters) and all(r is True or bool(r) for r in ret))
        losses.append(float(loss.asnumpy()))
    out = {"loss": np.array(losses, np.float32), "lr": np.stack(lrs), "ret_ok": np.array(rets)}
    net_ids = {id(p) for p in net.trainable_params()}
    state_names = []
    for pname, p in opt.parameters_and_names():
        key = pname
        if id(p) in net_ids:
            out["param/" + p.name] = p.asnumpy().copy()
        else:
            out["state/" + key] = p.asnumpy().copy()
        state_names.append(key + "|" + p.name)
    out["names"] = np.array(state_names)
    return out


# ---------------------------------------------------------------------------- training wrappers
def run_wrap(ms, name):
    """TrainOneStepCell / WithLossCell / WithEvalCell / ForwardValueAndGrad trajectories."""
    nn = ms.nn
    net = make_net(ms, "mlp")
    loss_fn = nn.CrossEntropyLoss()
    x, y = ms.Tensor(X4), ms.Tensor(Y_CLS)
    out = {}
    if name in ("train_one_step", "train_one_step.sens"):
        sens = 2.0 if name == "train_one_step.sens" else None
        opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
        with_loss = nn.WithLossCell(net, loss_fn)
        train = nn.TrainOneStepCell(with_loss, opt, sens=sens) if sens is not None else \
            nn.TrainOneStepCell(with_loss, opt)
        train.set_train()
        losses = [float(train(x, y).asnumpy()) for _ in range(STEPS)]
        out["loss"] = np.array(losses, np.float32)
    elif name == "train_one_step.return_grad":
        opt = nn.Adam(net.trainable_params(), learning_rate=0.05)
        train = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt, return_grad=True)
        losses = []
        for _ in range(STEPS):
            loss, grads = train(x, y)
            losses.append(float(loss.asnumpy()))
        out["loss"] = np.array(losses, np.float32)
        for k, g in grads.items():
            out["grad/" + k] = g.asnumpy().copy()
        out["grad_keys"] = np.array(list(grads.keys()))
    elif name == "forward_value_and_grad":
        opt = nn.SGD(net.trainable_params(), learning_rate=0.2, momentum=0.5)
        fvg = nn.ForwardValueAndGrad(nn.WithLossCell(net, loss_fn), weights=opt.parameters, get_by_list=True)
        losses = []
        for _ in range(STEPS):
            loss, grads = fvg(x, y)
            opt(grads)
            losses.append(float(loss.asnumpy()))
        out["loss"] = np.array(losses, np.float32)
    elif name == "with_eval":
        ev = nn.WithEvalCell(net, loss_fn)
        loss, logits, label = ev(x, y)
        out["loss"] = np.array([float(loss.asnumpy())], np.float32)
        out["logits"] = logits.asnumpy().copy()
        out["label"] = label.asnumpy().copy()
        return out
    for p in net.trainable_params():
        out["param/" + p.name] = p.asnumpy().copy()
    return out


WRAP_CASES = ["train_one_step", "train_one_step.sens", "train_one_step.return_grad", "forward_value_and_grad",
              "with_eval"]


# ---------------------------------------------------------------------------- learning rates
def lr_schedules(ms):
    nn = ms.nn
    return {
        "ExponentialDecayLR": nn.ExponentialDecayLR(0.1, 0.9, 3),
        "ExponentialDecayLR.stair": nn.ExponentialDecayLR(0.1, 0.9, 3, is_stair=True),
        "NaturalExpDecayLR": nn.NaturalExpDecayLR(0.1, 0.4, 3),
        "NaturalExpDecayLR.stair": nn.NaturalExpDecayLR(0.1, 0.4, 3, is_stair=True),
        "InverseDecayLR": nn.InverseDecayLR(0.1, 0.5, 3),
        "InverseDecayLR.stair": nn.InverseDecayLR(0.1, 0.5, 3, is_stair=True),
        "CosineDecayLR": nn.CosineDecayLR(0.001, 0.1, 7),
        "PolynomialDecayLR": nn.PolynomialDecayLR(0.1, 0.001, 7, 0.7),
        "PolynomialDecayLR.update": nn.PolynomialDecayLR(0.1, 0.001, 3, 2.0, update_decay_steps=True),
        "WarmUpLR": nn.WarmUpLR(0.2, 4),
    }


def lr_functions(ms):
    nn = ms.nn
    return {
        "piecewise_constant_lr": lambda: nn.piecewise_constant_lr([1, 4, 4, 9], [0.3, 0.1, 0.2, 0.05]),
        "exponential_decay_lr": lambda: nn.exponential_decay_lr(0.1, 0.7, 12, 2, 3),
        "exponential_decay_lr.stair": lambda: nn.exponential_decay_lr(0.1, 0.7, 12, 2, 3, True),
        "natural_exp_decay_lr": lambda: nn.natural_exp_decay_lr(0.1, 0.3, 12, 2, 3),
        "natural_exp_decay_lr.stair": lambda: nn.natural_exp_decay_lr(0.1, 0.3, 12, 2, 3, True),
        "inverse_decay_lr": lambda: nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3),
        "inverse_decay_lr.stair": lambda: nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3, True),
        "cosine_decay_lr": lambda: nn.cosine_decay_lr(0.001, 0.1, 12, 2, 3),
        "polynomial_decay_lr": lambda: nn.polynomial_decay_lr(0.1, 0.001, 12, 2, 3, 0.5),
        "polynomial_decay_lr.update": lambda: nn.polynomial_decay_lr(0.1, 0.001, 12, 2, 3, 0.5, True),
        "warmup_lr": lambda: nn.warmup_lr(0.1, 12, 2, 3),
    }


LR_STEPS = 12


def run_schedule(ms, sched):
    return np.array([float(sched(ms.Tensor(np.array(i, np.int32))).asnumpy()) for i in range(LR_STEPS)],
                    np.float32)


# ---------------------------------------------------------------------------- argument errors
def error_cases(ms):
    """name -> thunk that must raise; the exception class and message are recorded."""
    nn, T, P = ms.nn, ms.Tensor, ms.Parameter

    def ps():
        return [P(T(np.ones(2, np.float32)), name="w")]

    return {
        "sgd.negative_lr": lambda: nn.SGD(ps(), learning_rate=-0.1),
        "sgd.str_lr": lambda: nn.SGD(ps(), learning_rate=object()),
        "sgd.lr_2d": lambda: nn.SGD(ps(), learning_rate=T(np.ones((2, 2), np.float32))),
        "sgd.momentum_negative": lambda: nn.SGD(ps(), momentum=-0.1),
        "sgd.momentum_str": lambda: nn.SGD(ps(), momentum="a"),
        "sgd.dampening_negative": lambda: nn.SGD(ps(), dampening=-1.0),
        "sgd.nesterov_int": lambda: nn.SGD(ps(), nesterov=1),
        "sgd.nesterov_no_momentum": lambda: nn.SGD(ps(), nesterov=True),
        "sgd.weight_decay_negative": lambda: nn.SGD(ps(), weight_decay=-1.0),
        "sgd.weight_decay_str": lambda: nn.SGD(ps(), weight_decay="a"),
        "sgd.dynamic_weight_decay": lambda: nn.SGD(ps(), weight_decay=nn.WarmUpLR(0.1, 2)),
        "sgd.loss_scale_zero": lambda: nn.SGD(ps(), loss_scale=0.0),
        "sgd.loss_scale_str": lambda: nn.SGD(ps(), loss_scale="a"),
        "sgd.params_ints": lambda: nn.SGD([1, 2]),
        "sgd.params_none": lambda: nn.SGD(None),
        "sgd.params_int": lambda: nn.SGD(5),
        "sgd.params_empty": lambda: nn.SGD([]),
        "sgd.duplicate_names": lambda: nn.SGD(ps() + ps()),
        "group.bad_key": lambda: nn.SGD([{"params": ps(), "foo": 1}]),
        "group.empty": lambda: nn.SGD([{"params": []}]),
        "group.order_length": lambda: nn.SGD([{"params": ps()}, {"order_params": ps() + ps()}]),
        "momentum.int": lambda: nn.Momentum(ps(), 0.1, 1),
        "momentum.negative": lambda: nn.Momentum(ps(), 0.1, -1.0),
        "momentum.missing": lambda: nn.Momentum(ps(), 0.1),
        "momentum.nesterov_int": lambda: nn.Momentum(ps(), 0.1, 0.9, use_nesterov=1),
        "adam.beta1_one": lambda: nn.Adam(ps(), beta1=1.0),
        "adam.beta1_int": lambda: nn.Adam(ps(), beta1=1),
        "adam.eps_zero": lambda: nn.Adam(ps(), eps=0.0),
        "adam.bad_kwarg": lambda: nn.Adam(ps(), foo=1),
        "adam.amsgrad_int": lambda: nn.Adam(ps(), use_amsgrad=1),
        "adamweightdecay.beta2_zero": lambda: nn.AdamWeightDecay(ps(), beta2=0.0),
        "rmsprop.decay_int": lambda: nn.RMSProp(ps(), decay=1),
        "rmsprop.epsilon_zero": lambda: nn.RMSProp(ps(), epsilon=0.0),
        "rmsprop.centered_int": lambda: nn.RMSProp(ps(), centered=1),
        "adagrad.accum_negative": lambda: nn.Adagrad(ps(), accum=-1.0),
        "adagrad.accum_int": lambda: nn.Adagrad(ps(), accum=1),
        "adagrad.update_slots_int": lambda: nn.Adagrad(ps(), update_slots=1),
        "lr.exponential_int_lr": lambda: nn.ExponentialDecayLR(1, 0.9, 2),
        "lr.exponential_zero_steps": lambda: nn.ExponentialDecayLR(0.1, 0.9, 0),
        "lr.exponential_stair_int": lambda: nn.ExponentialDecayLR(0.1, 0.9, 2, is_stair=1),
        "lr.cosine_order": lambda: nn.CosineDecayLR(0.1, 0.01, 2),
        "lr.cosine_int_min": lambda: nn.CosineDecayLR(0, 0.01, 2),
        "lr.polynomial_int_end": lambda: nn.PolynomialDecayLR(0.1, 1, 2, 0.5),
        "lr.polynomial_zero_power": lambda: nn.PolynomialDecayLR(0.1, 0.01, 2, 0.0),
        "lr.warmup_int": lambda: nn.WarmUpLR(1, 2),
        "lr.warmup_zero_steps": lambda: nn.WarmUpLR(0.1, 0),
        "lr_fn.piecewise_order": lambda: nn.piecewise_constant_lr([2, 1], [0.1, 0.2]),
        "lr_fn.piecewise_sizes": lambda: nn.piecewise_constant_lr([2], [0.1, 0.2]),
        "lr_fn.piecewise_int_rate": lambda: nn.piecewise_constant_lr([2, 3], [0.1, 2]),
        "lr_fn.exponential_zero_total": lambda: nn.exponential_decay_lr(0.1, 0.9, 0, 1, 1),
        "lr_fn.cosine_order": lambda: nn.cosine_decay_lr(0.1, 0.01, 2, 1, 1),
        "lr_fn.warmup_int": lambda: nn.warmup_lr(1, 2, 1, 1),
        "wrap.sens_zero": lambda: nn.TrainOneStepCell(nn.Dense(2, 2), nn.SGD(ps()), sens=0),
        "wrap.eval_cast_int": lambda: nn.WithEvalCell(nn.Dense(2, 2), nn.MSELoss(), add_cast_fp32=1),
        "wrap.fvg_bad_weights": lambda: nn.ForwardValueAndGrad(nn.Dense(2, 2), get_by_list=True),
    }


def record_error(thunk):
    try:
        thunk()
    except Exception as e:  # noqa: BLE001 - the error is the result
        return type(e).__name__, str(e).split("\n")[0]
    return "no error", ""


# ---------------------------------------------------------------------------- main
def main():
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)
    out = {}
    for name in CASES:
        for k, v in run_case(ms, name).items():
            out[f"opt:{name}:{k}"] = v
    for name in WRAP_CASES:
        for k, v in run_wrap(ms, name).items():
            out[f"wrap:{name}:{k}"] = v
    for name, sched in lr_schedules(ms).items():
        out[f"lr_sched:{name}"] = run_schedule(ms, sched)
    for name, fn in lr_functions(ms).items():
        out[f"lr_fn:{name}"] = np.array(fn(), np.float64)
    for name, thunk in error_cases(ms).items():
        cls, msg = record_error(thunk)
        out[f"err:{name}"] = np.array([cls, msg])
    np.savez_compressed(OUT, **out)
    print(f"wrote {OUT}: {len(out)} arrays, {os.path.getsize(OUT)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
