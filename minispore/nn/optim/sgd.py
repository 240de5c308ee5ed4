"""``nn.SGD``: stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['SGD']

_F32 = xp.float32


class SGD(Optimizer):
    r"""Stochastic gradient descent (MindSpore's ``SGD`` kernel).

    With ``g`` the gradient (plus ``weight_decay * w``), ``v`` the ``accum`` state and ``stat`` a first-step flag:

    .. math::
        v = g \text{ (first step)}, \quad v = momentum * v + (1 - dampening) * g \text{ (later steps)};
        \quad w = w - lr * (g + momentum * v) \text{ (nesterov) or } w - lr * v

    and ``w = w - lr * g`` when ``momentum`` is 0.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 0.1.
        momentum (float): >= 0. Default 0.0.
        dampening (float): >= 0. Default 0.0.
        weight_decay (Union[float, int]): Default 0.0 (a dynamic weight decay is not supported, as in MindSpore).
        nesterov (bool): needs ``momentum > 0`` and ``dampening == 0``. Default False.
        loss_scale (float): Default 1.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if isinstance(momentum, int):
            momentum = float(momentum)
        if not isinstance(momentum, float):
            raise TypeError(f"For 'SGD', the argument 'momentum' must be float type, but got {type(momentum)}.")
        if momentum < 0.0:
            raise ValueError(f"For 'SGD', the argument 'momentum' must be at least 0.0, but got {momentum}.")
        if isinstance(dampening, int):
            dampening = float(dampening)
        if not isinstance(dampening, float):
            raise TypeError(f"For 'SGD', the argument 'dampening' must be float type, but got {type(dampening)}.")
        if dampening < 0.0:
            raise ValueError(f"For 'SGD', the argument 'dampening' must be at least 0.0, "
                             f"but got 'dampening' {dampening}")
        self.dampening = dampening
        validator.check_value_type("nesterov", nesterov, [bool], self.cls_name)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}.")
        self.nesterov = nesterov
        if self.dynamic_weight_decay:
            raise TypeError("For 'SGD', dynamic weight decay is currently not supported, the argument 'weight_decay' "
                            "or 'weight_decay' set in grouped 'params' must be float or int type.")
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.accum = self._parameters.clone(prefix="accum", init='zeros')
        self.stat = self._parameters.clone(prefix="stat", init='ones')
        d = self.__dict__
        d["_momentum_param"] = self.momentum
        d["_one_minus_dampening"] = _F32(1.0 - dampening)
        d["_mom"] = _F32(momentum)
        d["_use_mom"] = momentum > 0.0

    def _prepare(self):
        d = self.__dict__
        mom = d["_momentum_param"]._data[()]
        d["_mom"] = mom
        d["_use_mom"] = bool(mom > 0)

    def _apply(self, i, w, g, lr):
        if self._use_mom:
            mom = self._mom
            accum = self.accum[i]._data
            stat = self.stat[i]._data
            if stat.size and stat.flat[0] > 0:     # first step: the buffer starts as the gradient
                xp.copyto(accum, g, casting='unsafe')
                stat.fill(0)
            else:
                accum *= mom
                accum += g if self.dampening == 0.0 else g * self._one_minus_dampening
            if self.nesterov:
                w -= lr * (g + mom * accum)
            else:
                w -= lr * accum
        else:
            w -= lr * g
