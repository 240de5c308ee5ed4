"""``nn.Lamb``: layer-wise adaptive moments (LAMB, You et al. 2019).

MindSpore 2.10's CPU build has no ``Lamb`` kernel (its ``nn.Lamb`` raises RuntimeError at the first step);
minispore computes MindSpore's documented rule (tests/golden/cases_optim2.py lists it as DELIBERATE)."""
from ..._core.backend import xp

from ..._core.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register
from .adam import _check_param_value

__all__ = ['Lamb']

_F32 = xp.float32


class Lamb(Optimizer):
    r"""LAMB. At step ``t``:

    .. math::
        m = \beta_1 m + (1 - \beta_1) g, \quad v = \beta_2 v + (1 - \beta_2) g^2, \quad
        r = \frac{m / (1 - \beta_1^t)}{\sqrt{v / (1 - \beta_2^t)} + \epsilon} + \lambda w, \quad
        w = w - lr \frac{\|w\|}{\|r\|} r

    (the trust ratio ``||w|| / ||r||`` is 1 where either norm is 0). Weight decay ``λ`` is part of the update
    (not added to the gradient); without groups it skips parameters named 'beta' or 'gamma'.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: required.
        beta1, beta2 (float): in (0, 1). Defaults 0.9, 0.999.
        eps (float): > 0. Default 1e-6.
        weight_decay: Default 0.0.
    """
    _support_parallel_optimizer = True
    _decay_in_grad = False

    @opt_init_args_register
    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(xp.array([beta1]).astype(xp.float32))
        self.beta2 = Tensor(xp.array([beta2]).astype(xp.float32))
        self.eps = Tensor(xp.array([eps]).astype(xp.float32))
        self.params = self._parameters
        self.moments1 = self.params.clone(prefix="lamb_m", init='zeros')
        self.moments2 = self.params.clone(prefix="lamb_v", init='zeros')
        self.__dict__["_c"] = (_F32(beta1), _F32(beta2), _F32(eps))

    def _apply(self, i, w, g, lr):
        b1, b2, eps = self._c
        t = _F32(self.global_step._data.reshape(-1)[0])
        m, v = self.moments1[i]._data, self.moments2[i]._data
        xp.copyto(m, m * b1 + g * (_F32(1) - b1))
        xp.copyto(v, v * b2 + g * g * (_F32(1) - b2))
        r = (m / (_F32(1) - b1 ** t)) / (xp.sqrt(v / (_F32(1) - b2 ** t)) + eps)
        wds = self._cur_wd
        wd = wds[i] if wds is not None else None
        if wd is not None:
            r = r + wd * w
        w_norm = xp.sqrt(xp.sum(w * w))
        r_norm = xp.sqrt(xp.sum(r * r))
        trust = w_norm / r_norm if (w_norm > 0 and r_norm > 0) else _F32(1)
        w -= (lr * trust) * r
