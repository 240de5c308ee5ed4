"""``nn.LazyAdam`` and ``nn.AdamOffload``: on dense gradients both run the Adam update (MindSpore's ``Adam`` and
``AdamNoUpdateParam`` kernels compute the same step); LazyAdam's row-wise (sparse) update is for RowTensor
gradients, which minispore's autodiff does not produce."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ... import _checkparam as validator
from ._rules import ARRAYS, rules, write
from .optimizer import Optimizer, opt_init_args_register
from .adam import _check_param_value

__all__ = ['LazyAdam', 'AdamOffload']

_F32 = xp.float32


class _AdamLike(Optimizer):
    def __init__(self, params, learning_rate, beta1, beta2, eps, use_locking, use_nesterov, weight_decay,
                 loss_scale):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        validator.check_value_type("use_nesterov", use_nesterov, [bool], self.cls_name)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(xp.ones((1,), xp.float32)), name="beta1_power")
        self.beta2_power = Parameter(Tensor(xp.ones((1,), xp.float32)), name="beta2_power")
        self.eps = Tensor(eps, mstype.float32)
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking
        self.moment1 = self._parameters.clone(prefix="moment1", init='zeros')
        self.moment2 = self._parameters.clone(prefix="moment2", init='zeros')
        self.__dict__["_b"] = (_F32(beta1), _F32(beta2), _F32(eps))

    def _prepare(self):
        b1p, b2p = self.beta1_power._data, self.beta2_power._data
        b1p *= self._b[0]
        b2p *= self._b[1]

    def _apply(self, i, w, g, lr):
        m, v = self.moment1[i]._data, self.moment2[i]._data
        b1, b2, eps = self._b
        write((w, m, v), rules.adam(ARRAYS, w, m, v, self.beta1_power._data[0], self.beta2_power._data[0], lr,
                                    b1, b2, eps, g, use_nesterov=self.use_nesterov))


class LazyAdam(_AdamLike):
    r"""Adam whose sparse form updates only the gradient's rows (MindSpore's ``FusedSparseLazyAdam``); a dense
    gradient takes the Adam step (see ``nn.Adam``).

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 1e-3.
        beta1, beta2 (float): in (0, 1). Defaults 0.9, 0.999.
        eps (float): > 0. Default 1e-8.
        use_locking (bool): Default False.
        use_nesterov (bool): Default False.
        weight_decay: Default 0.0.
        loss_scale (float): Default 1.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(params, learning_rate, beta1, beta2, eps, use_locking, use_nesterov, weight_decay,
                         loss_scale)


class AdamOffload(_AdamLike):
    r"""Adam whose update MindSpore runs on the host (``AdamNoUpdateParam``); the step is Adam's.

    Args: as ``LazyAdam``.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(params, learning_rate, beta1, beta2, eps, use_locking, use_nesterov, weight_decay,
                         loss_scale)
