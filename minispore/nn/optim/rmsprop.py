"""``nn.RMSProp``: root-mean-square propagation, plain or centered, with momentum."""
from ..._core.backend import xp

from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['RMSProp']

_F32 = xp.float32


class RMSProp(Optimizer):
    r"""RMSProp (MindSpore's ``ApplyRMSProp`` / ``ApplyCenteredRMSProp`` kernels):

    .. math::
        s = s + (1 - decay)(g^2 - s), \quad
        m = momentum \cdot m + lr\, g / \sqrt{s + \epsilon}, \quad w = w - m

    ``centered`` also tracks ``\bar g = \bar g + (1 - decay)(g - \bar g)`` and divides by
    ``\sqrt{s - \bar g^2 + \epsilon}``. The mean square ``s`` starts at 1 and the other states at 0.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 0.1.
        decay (float): >= 0. Default 0.9.
        momentum (float): >= 0. Default 0.0.
        epsilon (float): > 0. Default 1e-10.
        use_locking (bool): accepted and ignored. Default False.
        centered (bool): Default False.
        loss_scale (float): Default 1.0.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10,
                 use_locking=False, centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("decay", decay, [float], self.cls_name)
        validator.check_non_negative_float(decay, "decay", self.cls_name)
        validator.check_value_type("momentum", momentum, [float], self.cls_name)
        validator.check_non_negative_float(momentum, "momentum", self.cls_name)
        validator.check_value_type("epsilon", epsilon, [float], self.cls_name)
        validator.check_positive_float(epsilon, "epsilon", self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        validator.check_value_type("centered", centered, [bool], self.cls_name)
        self.centered = centered
        if centered:
            self.mg = self._parameters.clone(prefix="mean_grad", init='zeros')
        self.momentum = momentum
        self.ms = self._parameters.clone(prefix="mean_square", init='ones')
        self.moment = self._parameters.clone(prefix="moment", init='zeros')
        self.epsilon = epsilon
        self.decay = decay
        d = self.__dict__
        d["_1md"], d["_mom"], d["_eps"] = _F32(1) - _F32(decay), _F32(momentum), _F32(epsilon)

    def _apply(self, i, w, g, lr):
        one_minus_decay = self._1md
        ms = self.ms[i]._data
        t = xp.multiply(g, g)                 # ms += (g * g - ms) * (1 - decay)
        t -= ms
        t *= one_minus_decay
        ms += t
        if self.centered:
            mg = self.mg[i]._data
            xp.subtract(g, mg, out=t)
            t *= one_minus_decay
            mg += t
            xp.multiply(mg, mg, out=t)
            xp.subtract(ms, t, out=t)
            t += self._eps
        else:
            xp.add(ms, self._eps, out=t)
        xp.sqrt(t, out=t)
        xp.divide(g, t, out=t)
        t *= lr
        mom = self.moment[i]._data
        mom *= self._mom
        mom += t
        w -= mom
