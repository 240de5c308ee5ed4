"""MindSpore's optimizer-update Primitive classes (``ApplyAdagrad``, ``ApplyFtrl``, ``SparseApplyFtrl``,
``FusedSparseAdam``...) and the update rules they and the nn optimizers share.

Each rule is written once, ``rule(m, *state, *inputs, **attrs) -> new state``, over a small math namespace ``m``:
``TENSORS`` (the functional ops: a Primitive call, recorded under jit, with the new state written back by
``assign``) or ``ARRAYS`` (the backend's arrays: the nn optimizers' per-step fast path, which writes the arrays in
place). So ``nn.Adadelta`` and ``ops.ApplyAdadelta`` run the same formula.

Where MindSpore 2.10's CPU build has no kernel (``ApplyKerasMomentum``, ``SparseApplyFtrlV2``,
``SparseApplyProximalAdagrad``, ``SparseApplyAdadelta``, ``LARSUpdate``) the class follows MindSpore's documented
formula; tests/golden/cases_optim2.py lists them as DELIBERATE. The sparse classes update the rows named by
``indices``: a repeated index takes the sum of its gradient rows, except in ``SparseApplyFtrl``, which (as
MindSpore's kernel) applies one update per occurrence. A class returns what MindSpore returns: the updated
Parameter ``var`` alone or with its state (``ApplyAdagradDA``, ``ApplyRMSProp``, ``ApplyFtrl``... ``var`` only),
``AdamNoUpdateParam`` the step it would add.
"""
from ..._core import primitive as _primitive
from ..._core.backend import xp
from .. import function as F
from ._base import _MISSING, prim

_H = (("side_effect_mem", True),)


class _Arrays:
    """Rules' math on the backend's arrays."""
    add, sub, mul, div = xp.add, xp.subtract, xp.multiply, xp.divide
    sqrt, square, abs, sign, exp = xp.sqrt, xp.square, xp.abs, xp.sign, xp.exp
    maximum, minimum, greater, pow = xp.maximum, xp.minimum, xp.greater, xp.power
    zeros_like = xp.zeros_like

    @staticmethod
    def where(c, a, b):
        return xp.where(c, a, b).astype(xp.result_type(a, b), copy=False)

    @staticmethod
    def clip(x, lo, hi):
        return xp.clip(x, lo, hi)

    @staticmethod
    def sum_sq(x):
        return xp.sum(xp.square(x))


class _Tensors:
    """Rules' math on Tensors (the functional ops)."""
    add, sub, mul, div = F.add, F.sub, F.mul, F.div
    sqrt, square, abs, sign, exp = F.sqrt, F.square, F.abs, F.sign, F.exp
    maximum, minimum, greater, pow = F.maximum, F.minimum, F.greater, F.pow
    zeros_like = F.zeros_like
    where = F.where

    @staticmethod
    def clip(x, lo, hi):
        return F.clip_by_value(x, lo, hi)

    @staticmethod
    def sum_sq(x):
        return F.sum(F.square(x))


ARRAYS, TENSORS = _Arrays, _Tensors


# ------------------------------------------------------------------------------------------------ update rules
def ada_max(m, var, mom, v, beta1_power, lr, beta1, beta2, eps, grad):
    """m = b1 m + (1 - b1) g; v = max(b2 v, |g|); var -= lr / (1 - b1^t) * m / (v + eps)."""
    mom = m.add(m.mul(mom, beta1), m.mul(m.sub(1.0, beta1), grad))
    v = m.maximum(m.mul(v, beta2), m.abs(grad))
    var = m.sub(var, m.mul(m.div(lr, m.sub(1.0, beta1_power)), m.div(mom, m.add(v, eps))))
    return var, mom, v


def adadelta(m, var, accum, accum_update, lr, rho, eps, grad):
    accum = m.add(m.mul(accum, rho), m.mul(m.sub(1.0, rho), m.square(grad)))
    update = m.mul(m.div(m.sqrt(m.add(accum_update, eps)), m.sqrt(m.add(accum, eps))), grad)
    accum_update = m.add(m.mul(accum_update, rho), m.mul(m.sub(1.0, rho), m.square(update)))
    return m.sub(var, m.mul(lr, update)), accum, accum_update


def adagrad(m, var, accum, lr, grad, eps=None, update_slots=True):
    accum = m.add(accum, m.square(grad))    # MindSpore 2.10 CPU updates the accumulator whatever update_slots
    den = m.sqrt(accum) if eps is None else m.add(m.sqrt(accum), eps)
    return m.sub(var, m.div(m.mul(lr, grad), den)), accum


def adagrad_da(m, var, gacc, gsq, grad, lr, l1, l2, global_step):
    """gacc += g; gsq += g^2; var = -lr (gacc - l1 t) / (l2 t lr + sqrt(gsq)).

    MindSpore 2.10's CPU kernel subtracts ``l1 * t`` from the accumulated gradient itself, with no sign or
    clamp at zero (the documented rule is ``sign(gacc) max(|gacc| - l1 t, 0)``); checked numerically, matched."""
    gacc = m.add(gacc, grad)
    gsq = m.add(gsq, m.square(grad))
    step = m.mul(global_step, 1.0)
    tmp = m.sub(gacc, m.mul(l1, step))
    var = m.div(m.mul(m.mul(lr, tmp), -1.0), m.add(m.mul(m.mul(l2, step), lr), m.sqrt(gsq)))
    return var, gacc, gsq


def add_sign(m, var, mom, lr, alpha, sign_decay, beta, grad):
    mom = m.add(m.mul(beta, mom), m.mul(m.sub(1.0, beta), grad))
    update = m.mul(m.add(alpha, m.mul(sign_decay, m.mul(m.sign(grad), m.sign(mom)))), grad)
    return m.sub(var, m.mul(lr, update)), mom


def power_sign(m, var, mom, lr, logbase, sign_decay, beta, grad):
    mom = m.add(m.mul(beta, mom), m.mul(m.sub(1.0, beta), grad))
    update = m.mul(m.exp(m.mul(m.mul(logbase, sign_decay), m.mul(m.sign(grad), m.sign(mom)))), grad)
    return m.sub(var, m.mul(lr, update)), mom


def centered_rmsprop(m, var, mg, ms, mom, grad, lr, decay, momentum, eps):
    mg = m.add(m.mul(decay, mg), m.mul(m.sub(1.0, decay), grad))
    ms = m.add(m.mul(decay, ms), m.mul(m.sub(1.0, decay), m.square(grad)))
    mom = m.add(m.mul(momentum, mom), m.div(m.mul(lr, grad), m.sqrt(m.add(m.sub(ms, m.square(mg)), eps))))
    return m.sub(var, mom), mg, ms, mom


def rmsprop(m, var, ms, mom, lr, grad, decay, momentum, eps):
    ms = m.add(m.mul(decay, ms), m.mul(m.sub(1.0, decay), m.square(grad)))
    mom = m.add(m.mul(momentum, mom), m.div(m.mul(lr, grad), m.sqrt(m.add(ms, eps))))
    return m.sub(var, mom), ms, mom


def ftrl(m, var, accum, linear, grad, lr, l1, l2, lr_power, l2_shrinkage=None):
    g_shr = grad if l2_shrinkage is None else m.add(grad, m.mul(m.mul(2.0, l2_shrinkage), var))
    new_accum = m.add(accum, m.square(grad))
    neg = m.mul(lr_power, -1.0)
    sigma = m.div(m.sub(m.pow(new_accum, neg), m.pow(accum, neg)), lr)
    linear = m.sub(m.add(linear, g_shr), m.mul(sigma, var))
    quadratic = m.add(m.div(m.pow(new_accum, neg), lr), m.mul(2.0, l2))
    upd = m.div(m.sub(m.mul(m.sign(linear), l1), linear), quadratic)
    var = m.where(m.greater(m.abs(linear), l1), upd, m.zeros_like(var))
    return var, new_accum, linear


def keras_momentum(m, var, accum, lr, grad, momentum, use_nesterov=False):
    accum = m.sub(m.mul(accum, momentum), m.mul(grad, lr))
    step = m.sub(m.mul(accum, momentum), m.mul(grad, lr)) if use_nesterov else accum
    return m.add(var, step), accum


def proximal(m, prox_v, lr, l1, l2):
    """sign(v) / (1 + lr l2) * max(|v| - lr l1, 0)."""
    shrunk = m.maximum(m.sub(m.abs(prox_v), m.mul(lr, l1)), 0.0)
    return m.div(m.mul(m.sign(prox_v), shrunk), m.add(1.0, m.mul(lr, l2)))


def proximal_adagrad(m, var, accum, lr, l1, l2, grad):
    """accum += g^2; with the adaptive rate ``a = lr / sqrt(accum)``, ``v = var - a g`` and the proximal step
    with ``a``."""
    accum = m.add(accum, m.square(grad))
    rate = m.div(lr, m.sqrt(accum))
    return proximal(m, m.sub(var, m.mul(rate, grad)), rate, l1, l2), accum


def proximal_gd(m, var, alpha, l1, l2, delta):
    return (proximal(m, m.sub(var, m.mul(alpha, delta)), alpha, l1, l2),)


def adam_moments(m, mom, v, beta1, beta2, grad):
    mom = m.add(m.mul(mom, beta1), m.mul(m.sub(1.0, beta1), grad))
    v = m.add(m.mul(v, beta2), m.mul(m.sub(1.0, beta2), m.square(grad)))
    return mom, v


def adam(m, var, mom, v, beta1_power, beta2_power, lr, beta1, beta2, eps, grad, use_nesterov=False):
    mom, v = adam_moments(m, mom, v, beta1, beta2, grad)
    lr_t = m.div(m.mul(lr, m.sqrt(m.sub(1.0, beta2_power))), m.sub(1.0, beta1_power))
    num = m.add(m.mul(mom, beta1), m.mul(m.sub(1.0, beta1), grad)) if use_nesterov else mom
    return m.sub(var, m.div(m.mul(lr_t, num), m.add(m.sqrt(v), eps))), mom, v


def adam_amsgrad(m, var, mom, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, eps, grad):
    mom, v = adam_moments(m, mom, v, beta1, beta2, grad)
    vhat = m.maximum(vhat, v)
    lr_t = m.div(m.mul(lr, m.sqrt(m.sub(1.0, beta2_power))), m.sub(1.0, beta1_power))
    return m.sub(var, m.div(m.mul(lr_t, mom), m.add(m.sqrt(vhat), eps))), mom, v, vhat


def adam_weight_decay(m, var, mom, v, lr, beta1, beta2, eps, decay, grad):
    mom, v = adam_moments(m, mom, v, beta1, beta2, grad)
    update = m.add(m.div(mom, m.add(m.sqrt(v), eps)), m.mul(decay, var))
    return m.sub(var, m.mul(lr, update)), mom, v


def sgd(m, param, grad, lr, accum, momentum, stat, dampening=0.0, weight_decay=0.0, nesterov=False):
    if weight_decay != 0:
        grad = m.add(grad, m.mul(weight_decay, param))
    first = m.greater(stat, 0.0)
    accum = m.where(first, grad, m.add(m.mul(momentum, accum), m.mul(1.0 - dampening, grad)))
    step = m.add(grad, m.mul(momentum, accum)) if nesterov else accum
    return m.sub(param, m.mul(lr, step)), accum, m.zeros_like(stat)


def lars_update(m, weight, gradient, norm_weight, norm_gradient, weight_decay, learning_rate, epsilon=1e-5,
                hyperpara=0.001, use_clip=False):
    w_norm, g_norm = m.sqrt(norm_weight), m.sqrt(norm_gradient)
    trust = m.div(m.mul(hyperpara, w_norm), m.add(m.add(g_norm, m.mul(weight_decay, w_norm)), epsilon))
    ok = m.greater(m.mul(w_norm, g_norm), 0.0)
    ratio = m.where(ok, trust, m.add(m.zeros_like(trust), 1.0))
    if use_clip:
        ratio = m.minimum(m.div(ratio, learning_rate), 1.0)
    return m.mul(ratio, m.add(gradient, m.mul(weight_decay, weight)))


# ------------------------------------------------------------------------------------------------ the classes
def _check_same(name, first, others):
    for label, t in others:
        if tuple(t.shape) != tuple(first[1].shape):
            raise ValueError(f"For '{name}', evaluator arg '{label}' and '{first[0]}' must have the same shape. "
                             f"But got '{label}' shape: {tuple(t.shape)}, '{first[0]}' shape: "
                             f"{tuple(first[1].shape)}.")


def _check_others(name, label, var, others):
    """The non-state inputs are scalars (shape () or (1,)) or have the variable's shape: never broadcast."""
    for k, t in enumerate(others):
        shape = tuple(getattr(t, "shape", ()))
        if shape not in ((), (1,)) and shape != tuple(var.shape):
            raise ValueError(f"For '{name}', input {k} after the state must be a scalar or have the shape of "
                             f"'{label}' {tuple(var.shape)}, but got shape {shape}.")


def _dense(name, rule, labels, n_state, out="all", attrs=None):
    """A Primitive call: the first ``n_state`` inputs are the Parameters ``rule`` updates, in that order."""
    def call(self, *inputs):
        state = inputs[:n_state]
        _check_same(name, (labels[0], state[0]), list(zip(labels[1:n_state], state[1:])))
        _check_others(name, labels[0], state[0], inputs[n_state:])
        kw = {k: getattr(self, k) for k in (attrs or ())}
        new = rule(TENSORS, *inputs, **kw)
        for p, v in zip(state, new):
            F.assign(p, v)
        if out == "all":
            return tuple(state)
        return state[0]
    return call


def _scalar(v):
    return v if not hasattr(v, "shape") else F.reshape(v, ())


def _dedup(grad, indices):
    """Repeated indices: one row each, with the sum of their gradient rows (what MindSpore's sparse kernels
    apply)."""
    uniq, inverse = F.unique(indices)
    if uniq.shape[0] == indices.shape[0]:
        return grad, indices
    return F.unsorted_segment_sum(grad, inverse, uniq.shape[0]), uniq


def _gather_rows(name, state, indices):
    """The rows ``indices`` of each state Parameter; an index outside ``[0, var.shape[0])`` is refused naming the
    operation (MindSpore 2.10 CPU skips it silently: DELIBERATE in tests/golden/cases_optim2.py)."""
    try:
        idx = F.reshape(indices, (-1,))
        rows = [F.gather(s, idx, 0) for s in state]
    except IndexError as e:
        raise type(e)(f"For '{name}', every index must be in [0, {state[0].shape[0]}) (the rows of 'var'): "
                      f"{e}") from None
    if idx.shape[0] and not _primitive.staging_active():     # a negative index (Gather would wrap it)
        lo = int(F.amin(idx))
        if lo < 0:
            raise IndexError(f"For '{name}', every index must be in [0, {state[0].shape[0]}) (the rows of 'var'), "
                             f"but got {lo}.")
    return rows


def _sparse(name, rule, n_state, attrs=(), sequential=False):
    """A sparse Primitive call: ``(*state, *scalars, grad, indices)``; the rule runs on the gathered rows, the
    result is scattered back into the rows of each state Parameter. A repeated index takes the sum of its
    gradient rows, or with ``sequential`` (SparseApplyFtrl, as MindSpore's kernel) one update per occurrence."""
    def call(self, *inputs):
        state = inputs[:n_state]
        rest = inputs[n_state:]
        grad, indices = rest[len(rest) - 2], rest[len(rest) - 1]
        extra = [_scalar(e) for e in rest[:len(rest) - 2]]
        if tuple(grad.shape[1:]) != tuple(state[0].shape[1:]) or grad.shape[0] != indices.shape[0]:
            raise ValueError(f"For '{name}', 'grad' must have shape (len(indices), *var.shape[1:]) = "
                             f"({indices.shape[0]}, {', '.join(str(s) for s in state[0].shape[1:])}), but got "
                             f"{tuple(grad.shape)}.")
        kw = {k: getattr(self, k) for k in attrs}
        if sequential and F.unique(indices)[0].shape[0] != indices.shape[0]:
            passes = [(grad[k:k + 1], indices[k:k + 1]) for k in range(indices.shape[0])]
        else:
            passes = [_dedup(grad, indices)]
        for g, idx in passes:
            rows = _gather_rows(name, state, idx)
            new = rule(TENSORS, rows, extra, g, self, **kw)
            idx = F.reshape(idx, (-1, 1))
            for p, v in zip(state, new):
                F.assign(p, F.tensor_scatter_update(p, idx, v))
        return tuple(state)
    return call


ApplyAdaMax = prim("ApplyAdaMax", _dense("ApplyAdaMax", ada_max, ("var", "m", "v"), 3), (), hidden=_H)
ApplyAdadelta = prim("ApplyAdadelta", _dense("ApplyAdadelta", adadelta, ("var", "accum", "accum_update"), 3), (),
                     hidden=_H)
ApplyAdagrad = prim("ApplyAdagrad", _dense("ApplyAdagrad", adagrad, ("var", "accum"), 2),
                    [("update_slots", True)], hidden=_H)
ApplyAdagradV2 = prim("ApplyAdagradV2", _dense("ApplyAdagradV2", lambda m, var, acc, lr, g, epsilon:
                                               adagrad(m, var, acc, lr, g, epsilon), ("var", "accum"), 2,
                                               attrs=("epsilon",)),
                      [("epsilon", _MISSING), ("update_slots", True)], hidden=_H)
ApplyAdagradDA = prim("ApplyAdagradDA", _dense("ApplyAdagradDA", adagrad_da,
                                               ("var", "gradient_accumulator", "gradient_squared_accumulator"), 3,
                                               out="var"),
                      [("use_locking", False)], hidden=_H)
ApplyAddSign = prim("ApplyAddSign", _dense("ApplyAddSign", add_sign, ("var", "m"), 2), (), hidden=_H)
ApplyPowerSign = prim("ApplyPowerSign", _dense("ApplyPowerSign", power_sign, ("var", "m"), 2), (), hidden=_H)
ApplyCenteredRMSProp = prim("ApplyCenteredRMSProp", _dense("ApplyCenteredRMSProp", centered_rmsprop,
                                                           ("var", "mean_gradient", "mean_square", "moment"), 4,
                                                           out="var"),
                            [("use_locking", False)], hidden=_H)
ApplyRMSProp = prim("ApplyRMSProp", _dense("ApplyRMSProp", rmsprop, ("var", "mean_square", "moment"), 3,
                                           out="var"),
                    [("use_locking", False)], hidden=_H)
ApplyFtrl = prim("ApplyFtrl", _dense("ApplyFtrl", ftrl, ("var", "accum", "linear"), 3, out="var"),
                 [("use_locking", False)], hidden=_H)
ApplyKerasMomentum = prim("ApplyKerasMomentum", _dense("ApplyKerasMomentum", keras_momentum, ("var", "accum"), 2,
                                                       attrs=("use_nesterov",)),
                          [("use_locking", False), ("use_nesterov", False)], hidden=_H)
ApplyProximalAdagrad = prim("ApplyProximalAdagrad", _dense("ApplyProximalAdagrad", proximal_adagrad,
                                                           ("var", "accum"), 2),
                            [("use_locking", False)], hidden=_H)
ApplyProximalGradientDescent = prim("ApplyProximalGradientDescent",
                                    _dense("ApplyProximalGradientDescent", proximal_gd, ("var",), 1, out="var"),
                                    (), hidden=_H)
ApplyAdamWithAmsgrad = prim(
    "ApplyAdamWithAmsgrad",
    _dense("ApplyAdamWithAmsgrad", lambda m, var, mo, v, vh, b1p, b2p, lr, g, beta1, beta2, epsilon:
           adam_amsgrad(m, var, mo, v, vh, b1p, b2p, lr, beta1, beta2, epsilon, g), ("var", "m", "v", "vhat"), 4,
           attrs=("beta1", "beta2", "epsilon")),
    [("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-8), ("use_locking", False)], hidden=_H)
ApplyAdamWithAmsgradV2 = prim("ApplyAdamWithAmsgradV2", _dense("ApplyAdamWithAmsgradV2", adam_amsgrad,
                                                               ("var", "m", "v", "vhat"), 4),
                              [("use_locking", False)], hidden=_H)
Adam = prim("Adam", _dense("Adam", adam, ("var", "m", "v"), 3, attrs=("use_nesterov",)),
            [("use_locking", False), ("use_nesterov", False)], hidden=_H)
AdamWeightDecay = prim("AdamWeightDecay", _dense("AdamWeightDecay", adam_weight_decay, ("var", "m", "v"), 3),
                       [("use_locking", False)], hidden=_H)


def _adam_no_update(self, mom, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient):
    _check_same("AdamNoUpdateParam", ("m", mom), [("v", v)])
    zero = F.zeros_like(mom)
    new_var, new_m, new_v = adam(TENSORS, zero, mom, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon,
                                 gradient, self.use_nesterov)
    F.assign(mom, new_m)
    F.assign(v, new_v)
    return new_var


AdamNoUpdateParam = prim("AdamNoUpdateParam", _adam_no_update, [("use_locking", False), ("use_nesterov", False)],
                         hidden=_H)


def _sgd(self, parameters, gradient, learning_rate, accum, momentum, stat):
    new_p, new_acc, new_stat = sgd(TENSORS, parameters, gradient, learning_rate, accum, momentum, stat,
                                   self.dampening, self.weight_decay, self.nesterov)
    F.assign(parameters, new_p)
    F.assign(accum, new_acc)
    F.assign(stat, new_stat)
    return parameters


def _sgd_init_check(dampening, nesterov):
    if nesterov and dampening != 0:
        raise ValueError(f"For 'SGD', the 'dampening' must be 0 when 'nesterov' is True, but got 'dampening' is "
                         f"{dampening} and 'nesterov' is {nesterov}.")


SGD = prim("SGD", _sgd, [("dampening", 0.0), ("weight_decay", 0.0), ("nesterov", False)], hidden=_H)
_sgd_init = SGD.__init__


def _sgd_checked_init(self, *args, **kwargs):
    _sgd_init(self, *args, **kwargs)
    _sgd_init_check(self.dampening, self.nesterov)


SGD.__init__ = _sgd_checked_init


# sparse rules: (rows of the state, scalar inputs, grad rows, the primitive) -> new rows
def _r_sparse_adam_dense(m, rows, sc, g, self):
    return adam(m, *rows, *sc, g, use_nesterov=self.use_nesterov)


def _fused_sparse_adam(self, var, mom, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, indices):
    """Every row's moments decay; the rows in ``indices`` also take their gradient; every row moves."""
    _check_same("FusedSparseAdam", ("var", var), [("m", mom), ("v", v)])
    grad, indices = _dedup(grad, indices)
    _gather_rows("FusedSparseAdam", (var,), indices)
    dense = F.tensor_scatter_update(F.zeros_like(var), F.reshape(indices, (-1, 1)), grad)
    new = adam(TENSORS, var, mom, v, *[_scalar(s) for s in (beta1_power, beta2_power, lr, beta1, beta2, epsilon)],
               dense, use_nesterov=self.use_nesterov)
    for p, n in zip((var, mom, v), new):
        F.assign(p, n)
    return var, mom, v


FusedSparseAdam = prim("FusedSparseAdam", _fused_sparse_adam, [("use_locking", False), ("use_nesterov", False)],
                       hidden=_H)
FusedSparseLazyAdam = prim("FusedSparseLazyAdam",
                           _sparse("FusedSparseLazyAdam", _r_sparse_adam_dense, 3),
                           [("use_locking", False), ("use_nesterov", False)], hidden=_H)
FusedSparseFtrl = prim("FusedSparseFtrl", _sparse("FusedSparseFtrl", lambda m, rows, sc, g, s:
                                                  ftrl(m, *rows, g, s.lr, s.l1, s.l2, s.lr_power), 3),
                       [("lr", _MISSING), ("l1", _MISSING), ("l2", _MISSING), ("lr_power", _MISSING),
                        ("use_locking", False)], hidden=_H)
FusedSparseProximalAdagrad = prim("FusedSparseProximalAdagrad",
                                  _sparse("FusedSparseProximalAdagrad", lambda m, rows, sc, g, s:
                                          proximal_adagrad(m, *rows, *sc, g), 2),
                                  [("use_locking", False)], hidden=_H)
SparseApplyAdagrad = prim("SparseApplyAdagrad", _sparse("SparseApplyAdagrad", lambda m, rows, sc, g, s:
                                                        adagrad(m, *rows, s.lr, g), 2),
                          [("lr", _MISSING), ("update_slots", True), ("use_locking", False)], hidden=_H)
SparseApplyAdagradV2 = prim("SparseApplyAdagradV2", _sparse("SparseApplyAdagradV2", lambda m, rows, sc, g, s:
                                                            adagrad(m, *rows, s.lr, g, s.epsilon), 2),
                            [("lr", _MISSING), ("epsilon", _MISSING), ("use_locking", False),
                             ("update_slots", True)], hidden=_H)
SparseApplyFtrl = prim("SparseApplyFtrl", _sparse("SparseApplyFtrl", lambda m, rows, sc, g, s:
                                                  ftrl(m, *rows, g, s.lr, s.l1, s.l2, s.lr_power), 3,
                                                  sequential=True),
                       [("lr", _MISSING), ("l1", _MISSING), ("l2", _MISSING), ("lr_power", _MISSING),
                        ("use_locking", False)], hidden=_H)
SparseApplyFtrlV2 = prim("SparseApplyFtrlV2", _sparse("SparseApplyFtrlV2", lambda m, rows, sc, g, s:
                                                      ftrl(m, *rows, g, s.lr, s.l1, s.l2, s.lr_power,
                                                           s.l2_shrinkage), 3),
                         [("lr", _MISSING), ("l1", _MISSING), ("l2", _MISSING), ("l2_shrinkage", _MISSING),
                          ("lr_power", _MISSING), ("use_locking", False)], hidden=_H)
SparseApplyProximalAdagrad = prim("SparseApplyProximalAdagrad",
                                  _sparse("SparseApplyProximalAdagrad", lambda m, rows, sc, g, s:
                                          proximal_adagrad(m, *rows, *sc, g), 2),
                                  [("use_locking", False)], hidden=_H)
SparseApplyRMSProp = prim("SparseApplyRMSProp", _sparse("SparseApplyRMSProp", lambda m, rows, sc, g, s:
                                                        rmsprop(m, rows[0], rows[1], rows[2], sc[0], g, s.rho,
                                                                s.momentum, s.epsilon), 3),
                          [("rho", _MISSING), ("momentum", _MISSING), ("epsilon", _MISSING),
                           ("use_locking", False)])
SparseApplyAdadelta = prim("SparseApplyAdadelta", _sparse("SparseApplyAdadelta", lambda m, rows, sc, g, s:
                                                          adadelta(m, *rows, sc[0], sc[1], s.epsilon, g), 3),
                           [("epsilon", _MISSING), ("use_locking", False)], hidden=_H)
LARSUpdate = prim("LARSUpdate", lambda self, weight, gradient, norm_weight, norm_gradient, weight_decay,
                  learning_rate: lars_update(TENSORS, weight, gradient, norm_weight, norm_gradient, weight_decay,
                                             learning_rate, self.epsilon, self.hyperpara, self.use_clip),
                  [("epsilon", 1e-5), ("hyperpara", 0.001), ("use_clip", False)])

__all__ = ['ApplyAdaMax', 'ApplyAdadelta', 'ApplyAdagrad', 'ApplyAdagradV2', 'ApplyAdagradDA', 'ApplyAddSign',
           'ApplyPowerSign', 'ApplyCenteredRMSProp', 'ApplyRMSProp', 'ApplyFtrl', 'ApplyKerasMomentum',
           'ApplyProximalAdagrad', 'ApplyProximalGradientDescent', 'ApplyAdamWithAmsgrad', 'ApplyAdamWithAmsgradV2',
           'SGD', 'Adam', 'AdamWeightDecay', 'AdamNoUpdateParam', 'FusedSparseAdam', 'FusedSparseLazyAdam',
           'FusedSparseFtrl', 'FusedSparseProximalAdagrad', 'SparseApplyAdagrad', 'SparseApplyAdagradV2',
           'SparseApplyFtrl', 'SparseApplyFtrlV2', 'SparseApplyProximalAdagrad', 'SparseApplyRMSProp',
           'SparseApplyAdadelta', 'LARSUpdate']
