"""``nn.FTRL``: follow-the-regularized-leader (MindSpore's ``ApplyFtrl``)."""
from ..._core.backend import xp

from ... import _checkparam as validator
from ._rules import ARRAYS, rules, write
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['FTRL']


def _check_number(name, value, lower, upper, prim_name):
    if (lower is not None and value < lower) or (upper is not None and value > upper):
        rel = f">= {lower}" if lower is not None else f"<= {upper}"
        raise ValueError(f"For '{prim_name}', the argument '{name}' must {rel}, but got {value}.")


def _check_param(initial_accum, learning_rate, lr_power, l1, l2, use_locking, prim_name=None):
    validator.check_value_type("initial_accum", initial_accum, [float], prim_name)
    _check_number("initial_accum", initial_accum, 0.0, None, prim_name)
    validator.check_value_type("learning_rate", learning_rate, [float], prim_name)
    validator.check_positive_float(learning_rate, "learning_rate", prim_name)
    validator.check_value_type("lr_power", lr_power, [float], prim_name)
    _check_number("lr_power", lr_power, None, 0.0, prim_name)
    validator.check_value_type("l1", l1, [float], prim_name)
    _check_number("l1", l1, 0.0, None, prim_name)
    validator.check_value_type("l2", l2, [float], prim_name)
    _check_number("l2", l2, 0.0, None, prim_name)
    validator.check_value_type("use_locking", use_locking, [bool], prim_name)


class FTRL(Optimizer):
    r"""FTRL-proximal (see ``ops.ApplyFtrl``). The learning rate must be a fixed float; without groups weight
    decay applies to every parameter (also 'beta'/'gamma' ones), as in MindSpore.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        initial_accum (float): >= 0. Default 0.1.
        learning_rate (float): > 0. Default 0.001.
        lr_power (float): <= 0. Default -0.5.
        l1, l2 (float): >= 0. Defaults 0.0.
        use_locking (bool): Default False.
        loss_scale (float): Default 1.0.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0,
                 use_locking=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale=loss_scale)
        if self.dynamic_lr or self.is_group_lr:
            raise ValueError(f"For 'FTRL', dynamic learning rate and group learning rate are currently not supported "
                             f"in FTRL, they should all be false, but got dynamic learning rate {self.dynamic_lr} and"
                             f" group learning rate {self.is_group_lr}.")
        _check_param(initial_accum, learning_rate, lr_power, l1, l2, use_locking, self.cls_name)
        self.moments = self._parameters.clone(prefix="moments", init=initial_accum)
        self.linear = self._parameters.clone(prefix="linear", init='zeros')
        self.l1 = l1
        self.l2 = l2
        self.lr = learning_rate
        self.lr_power = lr_power
        if not self.is_group:
            self.decay_flags = tuple(True for _ in self._parameters)
            self._build_fast_path()
        self.use_locking = use_locking
        self.__dict__["_c"] = (xp.float32(l1), xp.float32(l2), xp.float32(lr_power))

    def _apply(self, i, w, g, lr):
        a, lin = self.moments[i]._data, self.linear[i]._data
        l1, l2, p = self._c
        write((w, a, lin), rules.ftrl(ARRAYS, w, a, lin, g, lr, l1, l2, p))
