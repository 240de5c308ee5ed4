"""``nn.ProximalAdagrad`` (MindSpore's ``ApplyProximalAdagrad``)."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ... import _checkparam as validator
from ._rules import ARRAYS, rules, write
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['ProximalAdagrad']


def _check_param_value(accum, l1, l2, use_locking, prim_name=None):
    validator.check_value_type("accum", accum, [float], prim_name)
    validator.check_value_type("l1", l1, [float], prim_name)
    validator.check_value_type("l2", l2, [float], prim_name)
    validator.check_value_type("use_locking", use_locking, [bool], prim_name)
    validator.check_non_negative_float(accum, "accum", prim_name)
    validator.check_non_negative_float(l1, "l1", prim_name)
    validator.check_non_negative_float(l2, "l2", prim_name)


class ProximalAdagrad(Optimizer):
    r"""Proximal Adagrad: ``a += g^2``; ``v = w - lr g / sqrt(a)``;
    ``w = sign(v) / (1 + lr l2) * max(|v| - lr l1, 0)``.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        accum (float): initial accumulator, >= 0. Default 0.1.
        learning_rate: Default 0.001.
        l1, l2 (float): >= 0. Defaults 0.0.
        use_locking (bool): accepted. Default False.
        loss_scale (float): Default 1.0.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(accum, l1, l2, use_locking, self.cls_name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.l1 = Tensor(l1, mstype.float32)
        self.l2 = Tensor(l2, mstype.float32)
        self.use_locking = use_locking
        self.__dict__["_c"] = (xp.float32(l1), xp.float32(l2))

    def _apply(self, i, w, g, lr):
        a = self.accum[i]._data
        write((w, a), rules.proximal_adagrad(ARRAYS, w, a, lr, self._c[0], self._c[1], g))
