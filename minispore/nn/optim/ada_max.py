"""``nn.AdaMax``: Adam with the infinity norm (MindSpore's ``ApplyAdaMax``)."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ._rules import ARRAYS, rules, write
from .optimizer import Optimizer, opt_init_args_register
from .adam import _check_param_value

__all__ = ['AdaMax']

_F32 = xp.float32


class AdaMax(Optimizer):
    r"""AdaMax: ``m = b1 m + (1 - b1) g``, ``v = max(b2 v, |g|)``, ``w -= lr / (1 - b1^t) * m / (v + eps)``.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 0.001.
        beta1, beta2 (float): in (0, 1). Defaults 0.9, 0.999.
        eps (float): > 0. Default 1e-08.
        weight_decay: Default 0.0.
        loss_scale (float): Default 1.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(xp.ones((1,), xp.float32)), name="beta1_power")
        self.eps = Tensor(eps, mstype.float32)
        self.moment1 = self._parameters.clone(prefix="moment1", init='zeros')
        self.moment2 = self._parameters.clone(prefix="moment2", init='zeros')
        d = self.__dict__
        d["_b"] = (_F32(beta1), _F32(beta2), _F32(eps))

    def _prepare(self):
        b1p = self.beta1_power._data
        b1p *= self._b[0]

    def _apply(self, i, w, g, lr):
        m, v = self.moment1[i]._data, self.moment2[i]._data
        b1, b2, eps = self._b
        write((w, m, v), rules.ada_max(ARRAYS, w, m, v, self.beta1_power._data[0], lr, b1, b2, eps, g))
