"""``nn.Momentum``: gradient descent with (Nesterov) momentum, MindSpore's ``ApplyMomentum``."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['Momentum']


class Momentum(Optimizer):
    r"""Momentum optimizer: ``v = momentum * v + g``; ``w -= lr * v``. ``g`` includes ``weight_decay * w`` and
    is divided by ``loss_scale``.

    ``use_nesterov`` is validated and stored but, as in MindSpore 2.10 on CPU (whose ``ApplyMomentum`` kernel
    ignores the attribute; checked numerically), does not change the update. ``SGD(nesterov=True)`` does apply
    Nesterov momentum.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: required.
        momentum (float): required, >= 0 (an int is rejected, as in MindSpore).
        weight_decay: Default 0.0.
        loss_scale (float): Default 1.0.
        use_nesterov (bool): Default False.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("momentum", momentum, [float], self.cls_name)
        if isinstance(momentum, float) and momentum < 0.0:
            raise ValueError("For 'Momentum', the argument 'momentum' must be at least 0.0, "
                             "but got {}".format(momentum))
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.params = self._parameters
        self.use_nesterov = validator.check_bool(use_nesterov)
        self.moments = self.params.clone(prefix="moments", init='zeros')
        self.__dict__["_momentum_param"] = self.momentum
        self.__dict__["_mom"] = xp.float32(momentum)

    def _prepare(self):
        self.__dict__["_mom"] = self.__dict__["_momentum_param"]._data[()]

    def _apply(self, i, w, g, lr):
        mom = self._mom
        v = self.moments[i]._data
        v *= mom
        v += g
        w -= lr * v
