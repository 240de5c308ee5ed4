"""Learning-rate schedules: Cells mapping the global step (an int Tensor) to a Float32 learning rate.

The formulas, argument checks and float32 arithmetic follow ``mindspore.nn.learning_rate_schedule``. The values
are computed with NumPy on the step's array (no graph is recorded), so an optimizer can evaluate a schedule every
step cheaply.
"""
import math

from .._core.backend import xp

from .._core.tensor import Tensor, _wrap
from .cell import Cell
from .. import _checkparam as validator

_F32 = xp.float32


def _step_array(global_step):
    """The step as a float32 array of the input's shape."""
    data = global_step._data if isinstance(global_step, Tensor) else xp.asarray(global_step)
    return data.astype(_F32)


def _out(value):
    return _wrap(xp.asarray(value, dtype=_F32))


class LearningRateSchedule(Cell):
    """Base class of learning-rate schedules: ``construct(global_step)`` returns the learning rate (a Tensor)."""

    def __init__(self):
        super().__init__()

    def construct(self, global_step):
        raise NotImplementedError


def _check_inputs(learning_rate, decay_rate, decay_steps, is_stair, cls_name):
    validator.check_positive_int(decay_steps, 'decay_steps', cls_name)
    validator.check_positive_float(learning_rate, 'learning_rate', cls_name)
    validator.check_is_float(learning_rate, 'learning_rate', cls_name)
    validator.check_positive_float(decay_rate, 'decay_rate', cls_name)
    validator.check_is_float(decay_rate, 'decay_rate', cls_name)
    validator.check_value_type('is_stair', is_stair, [bool], cls_name)


class _StepDecayLR(LearningRateSchedule):
    """The arguments shared by the exponential, natural-exponential and inverse decays."""

    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__()
        _check_inputs(learning_rate, decay_rate, decay_steps, is_stair, self.cls_name)
        self.learning_rate = learning_rate
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
        self.is_stair = is_stair


class ExponentialDecayLR(_StepDecayLR):
    r"""``learning_rate * decay_rate ** p`` with ``p = step / decay_steps`` (floored when ``is_stair``)."""

    def construct(self, global_step):
        p = _step_array(global_step) / _F32(self.decay_steps)
        if self.is_stair:
            p = xp.floor(p)
        return _out(_F32(self.learning_rate) * xp.power(_F32(self.decay_rate), p))


class NaturalExpDecayLR(_StepDecayLR):
    r"""``learning_rate * e ** (-decay_rate * p)`` with ``p = step`` (rounded down to a multiple of
    ``decay_steps`` when ``is_stair``)."""

    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__(learning_rate, decay_rate, decay_steps, is_stair)
        self.math_e = math.e

    def construct(self, global_step):
        p = _step_array(global_step)
        if self.is_stair:
            steps = _F32(self.decay_steps)
            p = xp.floor_divide(p, steps) * steps
        return _out(_F32(self.learning_rate) * xp.power(_F32(self.math_e), -_F32(self.decay_rate) * p))


class InverseDecayLR(_StepDecayLR):
    r"""``learning_rate / (1 + decay_rate * p)`` with ``p = step / decay_steps`` (floored when ``is_stair``)."""

    def construct(self, global_step):
        p = _step_array(global_step) / _F32(self.decay_steps)
        if self.is_stair:
            p = xp.floor(p)
        return _out(_F32(self.learning_rate) / (_F32(1) + _F32(self.decay_rate) * p))


class CosineDecayLR(LearningRateSchedule):
    r"""``min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * min(step, decay_steps) / decay_steps))``."""

    def __init__(self, min_lr, max_lr, decay_steps):
        super().__init__()
        if not isinstance(min_lr, float):
            raise TypeError("For 'CosineDecayLR', the argument 'min_lr' must be type of float, "
                            "but got 'min_lr' type: {}.".format(type(min_lr)))
        validator.check_non_negative_float(min_lr, "min_lr", self.cls_name)
        validator.check_positive_float(max_lr, 'max_lr', self.cls_name)
        validator.check_is_float(max_lr, 'max_lr', self.cls_name)
        validator.check_positive_int(decay_steps, "decay_steps", self.cls_name)
        if min_lr >= max_lr:
            raise ValueError("For 'CosineDecayLR', the 'max_lr' must be greater than the 'min_lr', "
                             "but got 'max_lr' value: {}, 'min_lr' value: {}.".format(max_lr, min_lr))
        self.min_lr = min_lr
        self.max_lr = max_lr
        self.decay_steps = decay_steps
        self.math_pi = math.pi
        self.delta = 0.5 * (max_lr - min_lr)

    def construct(self, global_step):
        p = xp.minimum(_step_array(global_step), _F32(self.decay_steps))
        angle = _F32(self.math_pi) * (p / _F32(self.decay_steps) + _F32(0.5))
        return _out(_F32(self.min_lr) + _F32(self.delta) * (_F32(1) + xp.sin(angle)))


class PolynomialDecayLR(LearningRateSchedule):
    r"""``(learning_rate - end_learning_rate) * (1 - p) ** power + end_learning_rate`` with
    ``p = min(step, decay_steps) / decay_steps``; with ``update_decay_steps`` the decay period is extended to the
    next multiple of ``decay_steps`` instead of clamping the step."""

    def __init__(self, learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False):
        super().__init__()
        validator.check_positive_float(learning_rate, 'learning_rate')
        validator.check_is_float(learning_rate, 'learning_rate')
        if not isinstance(end_learning_rate, float):
            raise TypeError("For 'PolynomialDecayLR', the argument 'end_learning_rate' "
                            "must be type of float, but got 'end_learning_rate' type: {}."
                            .format(type(end_learning_rate)))
        validator.check_non_negative_float(end_learning_rate, "end_learning_rate", self.cls_name)
        validator.check_positive_int(decay_steps, 'decay_steps', self.cls_name)
        validator.check_value_type('update_decay_steps', update_decay_steps, [bool], self.cls_name)
        validator.check_positive_float(power, 'power', self.cls_name)
        validator.check_is_float(power, 'power', self.cls_name)
        self.decay_steps = decay_steps
        self.start_learning_rate = learning_rate
        self.end_learning_rate = end_learning_rate
        self.diff_learning_rate = learning_rate - end_learning_rate
        self.power = power
        self.update_decay_steps = update_decay_steps

    def construct(self, global_step):
        step = _step_array(global_step)
        decay = _F32(self.decay_steps)
        if self.update_decay_steps:
            decay = decay * xp.maximum(xp.ceil(step / decay), _F32(1))
        else:
            step = xp.minimum(step, decay)
        p = step / decay
        lr = _F32(self.diff_learning_rate) * xp.power(_F32(1) - p, _F32(self.power)) + _F32(self.end_learning_rate)
        return _out(lr)


class WarmUpLR(LearningRateSchedule):
    r"""``learning_rate * min(step, warmup_steps) / warmup_steps``."""

    def __init__(self, learning_rate, warmup_steps):
        super().__init__()
        if not isinstance(learning_rate, float):
            raise TypeError("For 'WarmUpLR', the argument 'learning_rate' must be type of float, "
                            "but got 'learning_rate' type: {}.".format(type(learning_rate)))
        validator.check_non_negative_float(learning_rate, "learning_rate", self.cls_name)
        validator.check_positive_int(warmup_steps, 'warmup_steps', self.cls_name)
        self.warmup_steps = warmup_steps
        self.learning_rate = learning_rate

    def construct(self, global_step):
        percent = xp.minimum(_step_array(global_step), _F32(self.warmup_steps)) / _F32(self.warmup_steps)
        return _out(_F32(self.learning_rate) * percent)


# As in MindSpore, the base class is not exported to ``nn`` (use ``nn.learning_rate_schedule.LearningRateSchedule``).
__all__ = [
    'ExponentialDecayLR',
    'NaturalExpDecayLR',
    'InverseDecayLR',
    'CosineDecayLR',
    'PolynomialDecayLR',
    'WarmUpLR',
]
