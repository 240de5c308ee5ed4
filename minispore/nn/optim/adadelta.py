"""``nn.Adadelta`` (MindSpore's ``ApplyAdadelta``)."""
from ..._core.backend import xp

from ... import _checkparam as validator
from ._rules import ARRAYS, rules, write
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['Adadelta']


def _check_param_value(rho, epsilon, prim_name=None):
    validator.check_value_type("rho", rho, [float], prim_name)
    validator.check_value_type("epsilon", epsilon, [float], prim_name)
    if not 0.0 <= rho <= 1.0:
        raise ValueError(f"For '{prim_name}', the 'rho' must be in range of [0.0, 1.0], but got {rho} with type "
                         f"'float'.")
    validator.check_non_negative_float(epsilon, "epsilon", prim_name)


class Adadelta(Optimizer):
    r"""Adadelta: ``a = rho a + (1 - rho) g^2``, ``u = sqrt(au + eps) / sqrt(a + eps) g``,
    ``au = rho au + (1 - rho) u^2``, ``w -= lr u``.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 1.0.
        rho (float): in [0, 1]. Default 0.9.
        epsilon (float): >= 0. Default 1e-6.
        loss_scale (float): Default 1.0.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(rho, epsilon, self.cls_name)
        self.accum = self.parameters.clone(prefix="accum", init=0)
        self.accum_update = self.parameters.clone(prefix="accum_update", init=0)
        self.rho = rho
        self.epsilon = epsilon
        self.__dict__["_c"] = (xp.float32(rho), xp.float32(epsilon))

    def _apply(self, i, w, g, lr):
        a, au = self.accum[i]._data, self.accum_update[i]._data
        rho, eps = self._c
        write((w, a, au), rules.adadelta(ARRAYS, w, a, au, lr, rho, eps, g))
