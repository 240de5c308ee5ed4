"""Loss scale managers (MindSpore 2.10's ``mindspore.train.loss_scale_manager``): what ``Model`` and
``amp.build_train_network`` use to pick the loss scale and the cell that updates it during training.

``FixedLossScaleManager(loss_scale=128.0, drop_overflow_update=True)`` keeps the scale; with
``drop_overflow_update`` a step whose gradients overflow is skipped (``FixedLossScaleUpdateCell``), without it the
scale only multiplies the sensitivity. ``DynamicLossScaleManager(init_loss_scale=2**24, scale_factor=2,
scale_window=2000)`` halves the scale on an overflow (never below 1) and multiplies it by ``scale_factor`` after
``scale_window`` clean steps (``DynamicLossScaleUpdateCell``). ``update_loss_scale(overflow)`` is the same rule on
the manager's own Python state, for training loops that drive it by hand.
"""
from .. import _checkparam as validator

__all__ = ["LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager"]


def _nn():
    from .. import nn
    return nn


class LossScaleManager:
    """The interface: ``get_loss_scale()``, ``update_loss_scale(overflow)`` and ``get_update_cell()``."""

    def get_loss_scale(self):
        """The current loss scale."""

    def update_loss_scale(self, overflow):
        """Update the loss scale after a step (``overflow``: whether its gradients overflowed)."""

    def get_update_cell(self):
        """The Cell that updates the loss scale inside a train step, or None."""


class FixedLossScaleManager(LossScaleManager):
    """A constant loss scale.

    Args:
        loss_scale (float): the scale (>= 1). Default 128.0.
        drop_overflow_update (bool): skip the optimizer's update on a step whose gradients overflow. Default True.
    """

    def __init__(self, loss_scale=128.0, drop_overflow_update=True):
        if loss_scale < 1:
            raise ValueError(f"The argument 'loss_scale' must be >= 1, but got {loss_scale}")
        self._loss_scale = loss_scale
        self._drop_overflow_update = drop_overflow_update

    def get_loss_scale(self):
        return self._loss_scale

    def get_drop_overflow_update(self):
        return self._drop_overflow_update

    def update_loss_scale(self, overflow):
        """A fixed scale never changes."""

    def get_update_cell(self):
        if not self._drop_overflow_update:
            return None
        return _nn().FixedLossScaleUpdateCell(self._loss_scale)


class DynamicLossScaleManager(LossScaleManager):
    """A loss scale that shrinks on overflow and grows after ``scale_window`` steps without one.

    Args:
        init_loss_scale (float): the initial scale (>= 1). Default 2**24.
        scale_factor (int): the factor of each change (> 0). Default 2.
        scale_window (int): clean steps before the scale grows (> 0). Default 2000.
    """

    def __init__(self, init_loss_scale=2 ** 24, scale_factor=2, scale_window=2000):
        if init_loss_scale < 1.0:
            raise ValueError(f"The argument 'init_loss_scale' must be > 1, but got {init_loss_scale}")
        self.loss_scale = init_loss_scale
        validator.check_positive_int(scale_window, "scale_window", self.__class__.__name__)
        self.scale_window = scale_window
        if scale_factor <= 0:
            raise ValueError(f"The argument 'scale_factor' must be > 0, but got {scale_factor}")
        self.scale_factor = scale_factor
        self.increase_ratio = scale_factor
        self.decrease_ratio = 1 / scale_factor
        self.cur_iter = 1
        self.last_overflow_iter = 0
        self.bad_step_max = 1000
        self.bad_step = 0

    def get_loss_scale(self):
        return self.loss_scale

    def update_loss_scale(self, overflow):
        if overflow:
            self.loss_scale = max(self.loss_scale * self.decrease_ratio, 1)
            self.last_overflow_iter = self.cur_iter
            self.bad_step += 1
        else:
            if (self.cur_iter - self.last_overflow_iter) % self.scale_window == 0:
                self.loss_scale *= self.increase_ratio
            self.bad_step = 0
        if self.bad_step > self.bad_step_max:
            raise RuntimeError(f"Dynamic loss scale Continuous overflow {self.bad_step} times, has exceeded "
                               f"maximum threshold.")
        self.cur_iter += 1

    def get_drop_overflow_update(self):
        return True

    def get_update_cell(self):
        return _nn().DynamicLossScaleUpdateCell(self.loss_scale, self.scale_factor, self.scale_window)
