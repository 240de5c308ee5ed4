"""Reference ("golden") cases for MindSpore 2.10's optimizer-update Primitive classes (``ops.ApplyAdagrad()``,
``ops.SparseApplyFtrl(...)``...) and the nn optimizers built on the same update rules (``nn.AdaMax``,
``nn.Adadelta``, ``nn.FTRL``, ``nn.ProximalAdagrad``, ``nn.LazyAdam``...).

A Primitive row gives the case ``<Name>``: the printed Primitive, its ``name``, what the call returns and the
Parameters after the update (the rows' Parameters are made from fixed seeded arrays). An optimizer row gives
``nn.<Name>``: for three steps with fixed gradients, every Parameter of the optimizer (the weights and the
state: names and values) after the step. ``gen_optim2.py`` records ``optim2.json`` with MindSpore;
tests/test_golden_optim2.py runs the same rows on minispore.
"""
import numpy as np

import rows


_r = rows.uniform


V = _r(1, (2, 3))                       # a variable
G = _r(2, (2, 3))                       # a gradient
M = _r(3, (2, 3), -0.5, 0.5)            # a first moment
S = _r(4, (2, 3), 0.1, 1.0)             # a positive accumulator
S2 = _r(5, (2, 3), 0.1, 1.0)
S3 = _r(6, (2, 3), 0.1, 1.0)
V3 = _r(7, (3, 2))                      # sparse: var rows 0..2
G2 = _r(8, (2, 2))                      # sparse: two gradient rows
A3 = _r(9, (3, 2), 0.1, 1.0)
B3 = _r(10, (3, 2), 0.1, 1.0)
M3 = _r(11, (3, 2), -0.5, 0.5)
IDX = np.array([0, 2], np.int32)
G3 = _r(12, (3, 2))                     # sparse: three gradient rows
IDX3 = np.array([2, 0, 1], np.int32)
IDX_DUP = np.array([0, 2, 0], np.int32)    # a repeated index
f = np.float32

# (class, constructor kwargs, Parameters, other inputs[, case name])
STATE_ROWS = [
    ("ApplyAdaMax", {}, [V, M, S], [f(0.9), f(0.01), f(0.9), f(0.99), f(1e-7), G]),
    ("ApplyAdadelta", {}, [V, S, S2], [f(0.01), f(0.9), f(1e-6), G]),
    ("ApplyAdagrad", {}, [V, S], [f(0.01), G]),
    ("ApplyAdagrad", {"update_slots": False}, [V, S], [f(0.01), G], "ApplyAdagrad/no_slots"),
    ("ApplyAdagradV2", {"epsilon": 1e-6}, [V, S], [f(0.01), G]),
    ("ApplyAdagradDA", {}, [V, M, S], [G, f(0.01), f(0.001), f(0.001), np.array(2, np.int32)]),
    ("ApplyAddSign", {}, [V, M], [f(0.01), f(1.0), f(0.99), f(0.9), G]),
    ("ApplyPowerSign", {}, [V, M], [f(0.01), f(np.e), f(0.99), f(0.9), G]),
    ("ApplyCenteredRMSProp", {}, [V, M, S3, S2], [G, f(0.01), f(0.9), f(0.5), f(1e-6)]),
    ("ApplyRMSProp", {}, [V, S, S2], [f(0.01), G, 0.9, 0.5, 1e-6]),
    ("ApplyFtrl", {}, [V, S, M], [G, f(0.5), f(0.001), f(0.002), f(-0.5)]),
    ("ApplyKerasMomentum", {}, [V, M], [f(0.01), G, f(0.9)]),
    ("ApplyKerasMomentum", {"use_nesterov": True}, [V, M], [f(0.01), G, f(0.9)], "ApplyKerasMomentum/nesterov"),
    ("ApplyProximalAdagrad", {}, [V, S], [f(0.01), f(0.01), f(0.002), G]),
    ("ApplyProximalGradientDescent", {}, [V], [f(0.1), f(0.05), f(0.002), G]),
    ("ApplyAdamWithAmsgrad", {}, [V, M, S, S2], [f(0.81), f(0.98), f(0.01), G]),
    ("ApplyAdamWithAmsgradV2", {}, [V, M, S, S2], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G]),
    ("ApplyMomentum", {"use_nesterov": True}, [V, M], [f(0.1), G, f(0.9)], "ApplyMomentum/nesterov"),
    ("SGD", {"dampening": 0.1}, [V], [G, np.array(0.1, np.float32), M, np.array(0.9, np.float32),
                                np.zeros((2, 3), np.float32)], "SGD/dampening"),
    ("SGD", {}, [V], [G, np.array(0.1, np.float32), M, np.array(0.9, np.float32), np.ones((2, 3), np.float32)]),
    ("SGD", {"weight_decay": 0.01, "nesterov": True}, [V],
     [G, np.array(0.1, np.float32), M, np.array(0.9, np.float32), np.zeros((2, 3), np.float32)], "SGD/nesterov"),
    ("Adam", {}, [V, M, S], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G]),
    ("Adam", {"use_nesterov": True}, [V, M, S], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G],
     "Adam/nesterov"),
    ("AdamWeightDecay", {}, [V, M, S], [f(0.01), f(0.9), f(0.99), f(1e-8), f(0.01), G]),
    ("AdamNoUpdateParam", {}, [M, S], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G]),
    ("FusedSparseAdam", {}, [V3, M3, A3], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G2, IDX]),
    ("FusedSparseLazyAdam", {}, [V3, M3, A3], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G2, IDX]),
    ("FusedSparseFtrl", {"lr": 0.01, "l1": 0.001, "l2": 0.002, "lr_power": -0.5}, [V3, A3, M3], [G2, IDX]),
    ("FusedSparseProximalAdagrad", {}, [V3, A3], [f(0.01), f(0.01), f(0.002), G2, IDX]),
    ("SparseApplyAdagrad", {"lr": 0.01}, [V3, A3], [G2, IDX]),
    ("SparseApplyAdagradV2", {"lr": 0.01, "epsilon": 1e-6}, [V3, A3], [G2, IDX]),
    ("SparseApplyFtrl", {"lr": 0.01, "l1": 0.001, "l2": 0.002, "lr_power": -0.5}, [V3, A3, M3], [G2, IDX]),
    ("SparseApplyFtrlV2", {"lr": 0.01, "l1": 0.001, "l2": 0.002, "l2_shrinkage": 0.001, "lr_power": -0.5},
     [V3, A3, M3], [G2, IDX]),
    ("SparseApplyProximalAdagrad", {}, [V3, A3], [f(0.01), f(0.01), f(0.002), G2, IDX]),
    ("FusedSparseAdam", {}, [V3, M3, A3], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G3, IDX_DUP],
     "FusedSparseAdam/repeated"),
    ("FusedSparseLazyAdam", {}, [V3, M3, A3], [f(0.81), f(0.98), f(0.01), f(0.9), f(0.99), f(1e-8), G3, IDX_DUP],
     "FusedSparseLazyAdam/repeated"),
    ("FusedSparseFtrl", {"lr": 0.01, "l1": 0.001, "l2": 0.002, "lr_power": -0.5}, [V3, A3, M3], [G3, IDX_DUP],
     "FusedSparseFtrl/repeated"),
    ("SparseApplyFtrl", {"lr": 0.01, "l1": 0.001, "l2": 0.002, "lr_power": -0.5}, [V3, A3, M3], [G3, IDX_DUP],
     "SparseApplyFtrl/repeated"),
    ("SparseApplyAdagrad", {"lr": 0.01}, [V3, A3], [G3, IDX_DUP], "SparseApplyAdagrad/repeated"),
    ("FusedSparseProximalAdagrad", {}, [V3, A3], [f(0.01), f(0.01), f(0.002), G3, IDX_DUP],
     "FusedSparseProximalAdagrad/repeated"),
    ("SparseApplyRMSProp", {"rho": 0.9, "momentum": 0.5, "epsilon": 1e-6}, [V3, A3, B3], [f(0.01), G3, IDX3]),
    ("SparseApplyAdadelta", {"epsilon": 1e-6}, [V3, A3, B3], [f(0.01), f(0.9), G3, IDX3]),
    ("LARSUpdate", {}, [], [V, G, f(2.0), f(0.5), f(0.01), f(0.1)]),
    ("LARSUpdate", {"epsilon": 1e-6, "hyperpara": 0.01, "use_clip": True}, [], [V, G, f(2.0), f(0.5), f(0.01), f(0.1)],
     "LARSUpdate/clip"),
]

# ---------------------------------------------------------------------------- nn optimizers
W1 = _r(20, (2, 3))
W2 = _r(21, (3,))
GRADS = [(_r(30 + k, (2, 3)), _r(40 + k, (3,))) for k in range(3)]
SPARSE_ROWS = {}

# (case, class, kwargs)
OPT_ROWS = [
    ("nn.AdaMax", "AdaMax", {"learning_rate": 0.01}),
    ("nn.AdaMax/wd", "AdaMax", {"learning_rate": 0.01, "weight_decay": 0.1, "loss_scale": 2.0}),
    ("nn.Adadelta", "Adadelta", {"learning_rate": 0.5}),
    ("nn.Adadelta/wd", "Adadelta", {"learning_rate": 0.5, "rho": 0.8, "weight_decay": 0.1, "loss_scale": 2.0}),
    ("nn.ProximalAdagrad", "ProximalAdagrad", {"learning_rate": 0.05, "l1": 0.01, "l2": 0.002}),
    ("nn.ProximalAdagrad/wd", "ProximalAdagrad", {"learning_rate": 0.05, "weight_decay": 0.1, "loss_scale": 2.0}),
    ("nn.FTRL", "FTRL", {"learning_rate": 0.05, "l1": 0.01, "l2": 0.002}),
    ("nn.FTRL/wd", "FTRL", {"weight_decay": 0.1, "loss_scale": 2.0}),
    ("nn.LazyAdam", "LazyAdam", {"learning_rate": 0.01}),
    ("nn.LazyAdam/wd", "LazyAdam", {"learning_rate": 0.01, "weight_decay": 0.1, "loss_scale": 2.0,
                                    "use_nesterov": True}),
    ("nn.ASGD", "ASGD", {"learning_rate": 0.05}),
    ("nn.ASGD/wd", "ASGD", {"learning_rate": 0.05, "t0": 1.0, "weight_decay": 0.1}),
    ("nn.Rprop", "Rprop", {"learning_rate": 0.05}),
    ("nn.Rprop/wd", "Rprop", {"learning_rate": 0.05, "weight_decay": 0.1}),
    ("nn.AdamOffload", "AdamOffload", {"learning_rate": 0.01}),
    ("nn.Lamb", "Lamb", {"learning_rate": 0.01}),
    ("nn.Lamb/wd", "Lamb", {"learning_rate": 0.01, "weight_decay": 0.1}),
    ("nn.AdaFactor", "AdaFactor", {}),
    ("nn.AdaFactor/lr", "AdaFactor", {"learning_rate": 0.01, "relative_step": False, "scale_parameter": False,
                                      "weight_decay": 0.1}),
    ("nn.AdaFactor/no_beta1", "AdaFactor", {"beta1": 0.0, "decay_rate": 0.5}),
]

# Rows whose returned values are compared. MindSpore 2.10's PyNative outputs of the in-place update primitives
# (a quirk) sometimes hold a stale buffer (Adam, ApplyRMSProp, ApplyCenteredRMSProp return another case's or
# zero values), so for the other rows only the returned structure, dtypes and shapes are recorded, and the
# Parameters after the update carry the values.
VALUE_ROWS = {"AdamNoUpdateParam", "LARSUpdate"}


def _layout(r):
    if isinstance(r, tuple):
        return tuple(_layout(x) for x in r)
    return f"{r.dtype}{tuple(r.shape)}"


_NO_CPU = "MindSpore 2.10's CPU build has no {} kernel (RuntimeError: Unsupported op); minispore implements " \
          "MindSpore's documented update rule"
DELIBERATE = {
    "ApplyKerasMomentum": _NO_CPU.format("ApplyKerasMomentum"),
    "ApplyKerasMomentum/nesterov": _NO_CPU.format("ApplyKerasMomentum"),
    "SparseApplyFtrlV2": _NO_CPU.format("SparseApplyFtrlV2"),
    "SparseApplyProximalAdagrad": _NO_CPU.format("SparseApplyProximalAdagrad"),
    "SparseApplyAdadelta": _NO_CPU.format("SparseApplyAdadelta"),
    "LARSUpdate": _NO_CPU.format("LARSUpdate"),
    "LARSUpdate/clip": _NO_CPU.format("LARSUpdate"),
    "ApplyFtrl": "MindSpore 2.10's CPU ApplyFtrl kernel computes var = (l1 - linear) / quadratic, where its documented "
                 "rule (and its own SparseApplyFtrl/FusedSparseFtrl kernels, matched here) use "
                 "(sign(linear) * l1 - linear): the l1 shrinkage has the wrong sign for negative linear (a bug); "
                 "minispore follows the documented rule (tests/test_golden_optim2.py checks it against NumPy)",
    "nn.Lamb": _NO_CPU.format("Lamb"),
    "nn.Lamb/wd": _NO_CPU.format("Lamb"),
    "nn.LARS": _NO_CPU.format("LARSUpdate"),
    "err/SparseApplyAdagrad_index": "MindSpore 2.10 CPU skips an index outside the rows of 'var' silently; "
                                    "minispore refuses it (IndexError naming the operation)",
    "nn.FTRL": "nn.FTRL runs MindSpore's ApplyFtrl CPU kernel, whose l1 term has the wrong sign for negative linear "
               "(see 'ApplyFtrl'); minispore follows the documented rule",
}
TOLERANCE = {}


def _params(ms):
    return [ms.Parameter(ms.Tensor(W1.copy()), name="w1"), ms.Parameter(ms.Tensor(W2.copy()), name="w2")]


def cases(ms):
    ops, nn = ms.ops, ms.nn
    out = []

    arg = rows.Rows(ms).arg

    for row in STATE_ROWS:
        name, kw, params, inputs = row[:4]
        case = row[4] if len(row) > 4 else name

        def sthunk(name=name, kw=kw, params=params, inputs=inputs):
            p = getattr(ops, name)(**kw)
            ps = [ms.Parameter(ms.Tensor(v.copy()), name=f"p{i}") for i, v in enumerate(params)]
            r = p(*ps, *[arg(v) for v in inputs])
            return str(p), p.name, (r if name in VALUE_ROWS else _layout(r)), tuple(ms.Tensor(q.asnumpy()) for q in ps)
        out.append((case, sthunk))

    for case, cls, kw in OPT_ROWS:
        def othunk(cls=cls, kw=kw):
            ps = _params(ms)
            opt = getattr(nn, cls)(ps, **kw)
            steps = []
            for g1, g2 in GRADS:
                opt((ms.Tensor(g1), ms.Tensor(g2)))
                # (AdaFactor without beta1 holds an unnamed placeholder Parameter: its auto-name is not compared)
                steps.append(tuple((q.name, ms.Tensor(q.asnumpy())) for q in opt.get_parameters()
                                   if not q.name.startswith("Parameter")))
            return tuple(steps)
        out.append((case, othunk))

    def group_thunk():
        ps = _params(ms)
        opt = nn.AdaMax([{"params": [ps[0]], "lr": 0.05, "weight_decay": 0.1}, {"params": [ps[1]]}],
                        learning_rate=0.01)
        for g1, g2 in GRADS:
            opt((ms.Tensor(g1), ms.Tensor(g2)))
        return tuple(ms.Tensor(q.asnumpy()) for q in ps)
    out.append(("nn.AdaMax/groups", group_thunk))

    def lars_thunk():
        ps = _params(ms)
        opt = nn.LARS(nn.Momentum(ps, 0.1, 0.9, weight_decay=0.01), epsilon=1e-5, coefficient=0.01)
        for g1, g2 in GRADS:
            opt((ms.Tensor(g1), ms.Tensor(g2)))
        return tuple(ms.Tensor(q.asnumpy()) for q in ps)
    out.append(("nn.LARS", lars_thunk))

    def sched_thunk():
        ps = _params(ms)
        lr = nn.ExponentialDecayLR(0.1, 0.5, 1)
        opt = nn.Adadelta(ps, learning_rate=lr)
        for g1, g2 in GRADS:
            opt((ms.Tensor(g1), ms.Tensor(g2)))
        return tuple(ms.Tensor(q.asnumpy()) for q in ps)
    out.append(("nn.Adadelta/schedule", sched_thunk))

    def pu_thunk():
        p = ms.Parameter(ms.Tensor(W2.copy()), name="w")
        upd = nn.ParameterUpdate(p)
        r = upd(ms.Tensor(GRADS[0][1]))
        return r, ms.Tensor(p.asnumpy())
    out.append(("nn.ParameterUpdate", pu_thunk))

    # errors a user can act on
    out.append(("err/AdaMax_beta1", lambda: nn.AdaMax(_params(ms), beta1=1.5)))
    out.append(("err/FTRL_lr_power", lambda: nn.FTRL(_params(ms), lr_power=0.5)))
    out.append(("err/ApplyAdagrad_shape", lambda: ops.ApplyAdagrad()(
        ms.Parameter(ms.Tensor(V.copy()), name="a"), ms.Parameter(ms.Tensor(V3.copy()), name="b"),
        ms.Tensor(f(0.01)), ms.Tensor(G))))
    out.append(("err/SparseApplyAdagrad_index", lambda: ops.SparseApplyAdagrad(lr=0.01)(
        ms.Parameter(ms.Tensor(V3.copy()), name="a"), ms.Parameter(ms.Tensor(A3.copy()), name="b"),
        ms.Tensor(G2), ms.Tensor(np.array([0, 5], np.int32)))))
    return out
