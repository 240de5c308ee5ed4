"""``nn.Adagrad``: adaptive gradient (MindSpore's ``ApplyAdagrad``)."""
from ..._core.backend import xp

from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['Adagrad']


def _check_param_value(accum, update_slots, prim_name=None):
    validator.check_value_type("accum", accum, [float], prim_name)
    validator.check_value_type("update_slots", update_slots, [bool], prim_name)
    validator.check_non_negative_float(accum, "accum", prim_name)


class Adagrad(Optimizer):
    r"""Adagrad: ``h = h + g^2``; ``w = w - lr * g / sqrt(h)``; ``h`` starts at ``accum``.

    ``update_slots`` is validated and stored but, as in MindSpore 2.10 on CPU (whose ``ApplyAdagrad`` kernel
    ignores it; checked numerically), the accumulator is always updated.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        accum (float): initial accumulator value, >= 0. Default 0.1.
        learning_rate: Default 0.001.
        update_slots (bool): Default True.
        loss_scale (float): Default 1.0.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(accum, update_slots, self.cls_name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.update_slots = update_slots

    def _apply(self, i, w, g, lr):
        h = self.accum[i]._data
        h += g * g
        w -= lr * g / xp.sqrt(h)
