"""``nn.Adam`` (with weight decay, AMSGrad and Nesterov variants) and ``nn.AdamWeightDecay`` (decoupled decay)."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['Adam', 'AdamWeightDecay']

_F32 = xp.float32


def _check_param_value(beta1, beta2, eps, prim_name):
    """The checks of the Adam family's betas and eps (Adam, AdamWeightDecay, AdaMax, Lamb, LazyAdam, AdamOffload)."""
    validator.check_value_type("beta1", beta1, [float], prim_name)
    validator.check_value_type("beta2", beta2, [float], prim_name)
    validator.check_value_type("eps", eps, [float], prim_name)
    validator.check_float_range_open(beta1, 0.0, 1.0, "beta1", prim_name)
    validator.check_float_range_open(beta2, 0.0, 1.0, "beta2", prim_name)
    validator.check_positive_float(eps, "eps", prim_name)


class Adam(Optimizer):
    r"""Adam (MindSpore's ``Adam`` / ``ApplyAdamWithAmsgradV2`` kernels). With ``t`` the step:

    .. math::
        m = \beta_1 m + (1 - \beta_1) g, \quad v = \beta_2 v + (1 - \beta_2) g^2, \quad
        lr_t = lr \sqrt{1 - \beta_2^t} / (1 - \beta_1^t), \quad w = w - lr_t\, m / (\sqrt{v} + \epsilon)

    ``use_nesterov`` uses ``beta1 * m + (1 - beta1) * g`` as the numerator; ``use_amsgrad`` keeps
    ``vhat = max(vhat, v)`` and divides by ``sqrt(vhat) + eps``. ``weight_decay * w`` is added to the gradient
    (L2 regularisation; see ``AdamWeightDecay`` for decoupled decay).

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 1e-3.
        beta1, beta2 (float): in (0, 1). Defaults 0.9, 0.999.
        eps (float): > 0. Default 1e-8.
        use_locking (bool): accepted and ignored. Default False.
        use_nesterov (bool): Default False.
        weight_decay: Default 0.0.
        loss_scale (float): Default 1.0.
        use_amsgrad (bool): Default False.
        kwargs: ``use_lazy`` and ``use_offload`` (accepted; the update is the same dense one).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        valid_keys = {'use_lazy', 'use_offload'}
        if set(kwargs.keys()) - valid_keys:
            raise KeyError(f"For 'Adam', invalid keys are passed as kwargs, supported keys are 'use_lazy' and"
                           f"'use_offload', but got {kwargs.keys()}.")
        use_lazy = kwargs.get('use_lazy', False)
        use_offload = kwargs.get('use_offload', False)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        validator.check_value_type("use_nesterov", use_nesterov, [bool], self.cls_name)
        validator.check_value_type("use_amsgrad", use_amsgrad, [bool], self.cls_name)
        validator.check_value_type("use_lazy", use_lazy, [bool], self.cls_name)
        validator.check_value_type("use_offload", use_offload, [bool], self.cls_name)
        if use_lazy and use_offload:
            raise ValueError(f"For 'Adam', 'use_lazy' and 'use_offload' can not both be True."
                             f"But got use_lazy={use_lazy}, use_offload={use_offload}.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ValueError(f"For lazy Adam and Adam with offload, there is no parameter named 'use_amsgrad'."
                             f"but got 'use_amsgrad'={use_amsgrad}.")
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(xp.ones((), xp.float32)), name="beta1_power")
        self.beta2_power = Parameter(Tensor(xp.ones((), xp.float32)), name="beta2_power")
        self.eps = Tensor(eps, mstype.float32)
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking
        self.use_amsgrad = use_amsgrad
        self.use_lazy = use_lazy
        self.use_offload = use_offload
        self.moment1 = self._parameters.clone(prefix="moment1", init='zeros')
        self.moment2 = self._parameters.clone(prefix="moment2", init='zeros')
        if use_amsgrad:
            self.vhat = self._parameters.clone(prefix="vhat", init='zeros')
        d = self.__dict__
        d["_b1"], d["_b2"], d["_eps"] = _F32(beta1), _F32(beta2), _F32(eps)
        d["_1mb1"], d["_1mb2"] = _F32(1) - _F32(beta1), _F32(1) - _F32(beta2)
        d["_b1p"], d["_b2p"] = self.beta1_power, self.beta2_power
        d["_bias"] = _F32(1)

    def _prepare(self):
        d = self.__dict__
        b1p = d["_b1p"]._data
        b2p = d["_b2p"]._data
        b1p *= d["_b1"]
        b2p *= d["_b2"]
        one = _F32(1)
        d["_bias"] = xp.sqrt(one - b2p[()]) / (one - b1p[()])

    def _apply(self, i, w, g, lr):
        m = self.moment1[i]._data
        v = self.moment2[i]._data
        t = xp.subtract(g, m)                 # one temporary, reused: m += (g - m) * (1 - beta1)
        t *= self._1mb1
        m += t
        xp.multiply(g, g, out=t)              # v += (g * g - v) * (1 - beta2)
        t -= v
        t *= self._1mb2
        v += t
        if self.use_amsgrad:
            vhat = self.vhat[i]._data
            xp.maximum(vhat, v, out=vhat)
            xp.sqrt(vhat, out=t)
        else:
            xp.sqrt(v, out=t)
        t += self._eps
        if self.use_nesterov and not self.use_amsgrad:
            xp.divide(m * self._b1 + g * self._1mb1, t, out=t)
        else:
            xp.divide(m, t, out=t)
        t *= lr * self._bias
        w -= t


class AdamWeightDecay(Optimizer):
    r"""Adam with decoupled weight decay (MindSpore's fused ``AdamWeightDecay`` kernel; no bias correction):

    .. math::
        m = \beta_1 m + (1 - \beta_1) g, \quad v = \beta_2 v + (1 - \beta_2) g^2, \quad
        w = w - lr\, (m / (\sqrt{v} + \epsilon) + weight\_decay \cdot w)

    Without groups the decay skips parameters whose name contains 'beta' or 'gamma'.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 1e-3.
        beta1, beta2 (float): in (0, 1). Defaults 0.9, 0.999.
        eps (float): > 0. Default 1e-6.
        weight_decay (Union[float, int, Cell]): Default 0.0.
    """
    _support_parallel_optimizer = True
    _decay_in_grad = False
    _scale_in_grad = False
    _centralize_in_grad = False

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(xp.array([beta1]).astype(xp.float32))
        self.beta2 = Tensor(xp.array([beta2]).astype(xp.float32))
        self.eps = Tensor(xp.array([eps]).astype(xp.float32))
        self.moments1 = self._parameters.clone(prefix="adam_m", init='zeros')
        self.moments2 = self._parameters.clone(prefix="adam_v", init='zeros')
        self.use_fused_opt = True
        d = self.__dict__
        d["_b1"], d["_b2"], d["_eps"] = _F32(beta1), _F32(beta2), _F32(eps)
        d["_1mb1"], d["_1mb2"] = _F32(1) - _F32(beta1), _F32(1) - _F32(beta2)

    def _apply(self, i, w, g, lr):
        m = self.moments1[i]._data
        v = self.moments2[i]._data
        t = xp.subtract(g, m)                 # one temporary, reused
        t *= self._1mb1
        m += t
        xp.multiply(g, g, out=t)
        t -= v
        t *= self._1mb2
        v += t
        xp.sqrt(v, out=t)
        t += self._eps
        xp.divide(m, t, out=t)
        wds = self._cur_wd
        if wds is not None:
            wd = wds[i]
            if wd is not None:
                t += wd * w
        t *= lr
        w -= t
