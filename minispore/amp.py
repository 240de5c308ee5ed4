"""``mindspore.amp``: mixed precision (MindSpore 2.10's names and behaviour).

- ``auto_mixed_precision``, ``custom_mixed_precision``, ``build_train_network``, ``get_white_list``,
  ``get_black_list`` (see ``train/amp.py``), and the loss scale managers (``train/loss_scale_manager.py``).
- ``StaticLossScaler(scale_value)`` and ``DynamicLossScaler(scale_value, scale_factor, scale_window)`` for
  functional training loops: ``scale(loss)`` before differentiating, ``unscale(grads)`` after, and
  ``adjust(all_finite(grads))`` to update the scale (halved on overflow, never below 1, multiplied by
  ``scale_factor`` after ``scale_window`` finite steps).
- ``all_finite(inputs)``: a bool scalar Tensor, whether every Tensor in ``inputs`` is free of inf and nan.

MindSpore 2.10 has no ``amp.init_status`` (earlier 2.x versions had it for Ascend's float status); neither has
minispore.
"""
from abc import ABC, abstractmethod

from . import _checkparam as validator
from . import ops
from ._core import dtype as mstype
from ._core.tensor import Tensor
from .common.parameter import Parameter
from .train.amp import auto_mixed_precision, build_train_network, custom_mixed_precision, get_black_list, \
    get_white_list
from .train.loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager

__all__ = ["DynamicLossScaleManager", "LossScaleManager", "FixedLossScaleManager", "build_train_network",
           "DynamicLossScaler", "StaticLossScaler", "LossScaler", "auto_mixed_precision", "all_finite",
           "custom_mixed_precision", "get_white_list", "get_black_list"]


def _map(fn, inputs):
    """``fn`` on a Tensor, or on each element of a tuple/list (MindSpore's HyperMap keeps the container)."""
    if isinstance(inputs, Tensor):
        return fn(inputs)
    if isinstance(inputs, (tuple, list)):
        return type(inputs)(_map(fn, x) for x in inputs)
    raise TypeError(f"For 'LossScaler', the inputs must be a Tensor or a tuple/list of Tensors, but got "
                    f"{type(inputs).__name__}.")


def _flatten(inputs):
    if isinstance(inputs, Tensor):
        return [inputs]
    if isinstance(inputs, (tuple, list)):
        return [t for x in inputs for t in _flatten(x)]
    raise TypeError(f"For 'all_finite', the inputs must be a tuple or list of Tensors, but got "
                    f"{type(inputs).__name__}.")


def all_finite(inputs):
    """A scalar bool Tensor: True when no Tensor in ``inputs`` (a tuple or list of Tensors) has an inf or a
    nan."""
    tensors = _flatten(inputs)
    finite = Tensor(True, mstype.bool_)
    for t in tensors:
        finite = ops.logical_and(finite, ops.isfinite(t).all())
    return finite


def _scale_value(scale_value):
    validator.check_value_type("scale_value", scale_value, [float, int])
    if scale_value < 1.0:
        raise ValueError(f"The argument 'scale_value' must be > 1, but got {scale_value}")
    return Parameter(Tensor(scale_value, dtype=mstype.float32), name="scale_value")


class LossScaler(ABC):
    """The interface of a loss scaler: ``scale``, ``unscale`` and ``adjust``."""

    @abstractmethod
    def scale(self, inputs):
        """``inputs`` (the loss, or gradients) times the scale."""
        raise NotImplementedError

    @abstractmethod
    def unscale(self, inputs):
        """``inputs`` (gradients) divided by the scale."""
        raise NotImplementedError

    @abstractmethod
    def adjust(self, grads_finite):
        """Update the scale from ``grads_finite`` (a bool scalar Tensor)."""
        raise NotImplementedError


class StaticLossScaler(LossScaler):
    """Scales and unscales by a constant ``scale_value`` (a number >= 1)."""

    def __init__(self, scale_value):
        self.scale_value = _scale_value(scale_value)

    def scale(self, inputs):
        return _map(lambda x: x * self.scale_value.astype(x.dtype), inputs)

    def unscale(self, inputs):
        return _map(lambda x: x * ops.reciprocal(self.scale_value).astype(x.dtype), inputs)

    def adjust(self, grads_finite):
        """The scale is fixed: returns False."""
        return False


class DynamicLossScaler(LossScaler):
    """A scale that is divided by ``scale_factor`` (never below 1) when the gradients are not finite, and
    multiplied by it after ``scale_window`` consecutive finite steps (unless that would overflow float32)."""

    def __init__(self, scale_value, scale_factor, scale_window):
        self.scale_value = _scale_value(scale_value)
        self.scale_window = validator.check_positive_int(scale_window, "scale_window")
        self.scale_factor = validator.check_positive_int(scale_factor, "scale_factor")
        self.counter = Parameter(Tensor(0, dtype=mstype.int32), name="counter")

    def scale(self, inputs):
        return _map(lambda x: x * self.scale_value.astype(x.dtype), inputs)

    def unscale(self, inputs):
        return _map(lambda x: x * ops.reciprocal(self.scale_value).astype(x.dtype), inputs)

    def adjust(self, grads_finite):
        """Update the scale and the counter of finite steps; returns True."""
        if not isinstance(grads_finite, Tensor):
            grads_finite = Tensor(bool(grads_finite), mstype.bool_)
        one = ops.ones((), self.scale_value.dtype)
        grown = self.scale_value * self.scale_factor
        at_window = self.counter == (self.scale_window - 1)
        kept_or_grown = ops.select(at_window, ops.select(ops.isfinite(grown), grown, self.scale_value),
                                   self.scale_value)
        shrunk = ops.maximum(one, self.scale_value / self.scale_factor)
        ops.assign(self.scale_value, ops.select(grads_finite, kept_or_grown, shrunk))
        counter = ((self.counter + 1) % self.scale_window) * grads_finite.astype(mstype.int32)
        ops.assign(self.counter, counter.astype(mstype.int32))
        return True
