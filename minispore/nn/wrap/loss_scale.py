"""Loss-scaled training steps (MindSpore 2.10's ``nn.wrap.loss_scale``): ``TrainOneStepWithLossScaleCell`` and the
cells that update its scale, ``DynamicLossScaleUpdateCell`` and ``FixedLossScaleUpdateCell``.

A step computes the loss, the gradients of ``loss * scale`` (the sensitivity is the scale, in the loss's dtype),
divides them by the scale, checks them for inf/nan and, unless they overflowed, runs the optimizer. It returns
``(loss, overflow, scale)``. The update cell sees ``(scale Parameter, overflow)`` and returns whether to skip.

Difference from MindSpore: MindSpore's CPU build reads the overflow through Ascend float-status operations;
here the check is ``not all(isfinite(grad))`` over every gradient on every device.
"""
from ... import ops
from ..._core import dtype as mstype
from ..._core.autodiff import value_and_grad
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ..cell import Cell
from .cell_wrapper import TrainOneStepCell

__all__ = ["TrainOneStepWithLossScaleCell", "DynamicLossScaleUpdateCell", "FixedLossScaleUpdateCell"]


def _overflow(grads):
    """A scalar bool Tensor: whether any gradient has an inf or a nan."""
    finite = None
    for g in grads:
        f = ops.isfinite(g).all()
        finite = f if finite is None else ops.logical_and(finite, f)
    if finite is None:
        return Tensor(False, mstype.bool_)
    return ops.logical_not(finite)


class DynamicLossScaleUpdateCell(Cell):
    """Updates the loss scale after each step: on overflow the scale is divided by ``scale_factor`` (never below
    1); after ``scale_window`` steps without one it is multiplied by ``scale_factor``.

    ``construct(loss_scale, overflow)`` assigns the new scale into the ``loss_scale`` Parameter and returns
    ``overflow``."""

    def __init__(self, loss_scale_value, scale_factor, scale_window):
        super().__init__()
        self.scale_window = Tensor(scale_window, dtype=mstype.int32)
        self.scale_factor = Tensor(scale_factor, dtype=mstype.float32)
        self.loss_scale_value = loss_scale_value
        self.cur_iter = Parameter(Tensor(1, dtype=mstype.int32), name="current_iterator_step")
        self.last_overflow_iter = Parameter(Tensor(0, dtype=mstype.int32), name="last_overflow_iterator_step")
        self.minimum_loss_scale = Tensor(1.0, dtype=mstype.float32)

    def get_loss_scale(self):
        return self.loss_scale_value

    def construct(self, loss_scale, overflow):
        on_overflow = ops.select(overflow, ops.maximum(loss_scale * ops.reciprocal(self.scale_factor),
                                                       self.minimum_loss_scale), loss_scale)
        should_inc = ops.less_equal(self.scale_window, self.cur_iter - self.last_overflow_iter)
        last_iter_cond = ops.logical_or(overflow, should_inc)
        ops.assign(self.last_overflow_iter, ops.select(last_iter_cond, self.cur_iter, self.last_overflow_iter))
        grow = ops.logical_and(should_inc, ops.logical_not(overflow))
        ops.assign(loss_scale, ops.select(grow, on_overflow * self.scale_factor, on_overflow))
        ops.assign(self.cur_iter, self.cur_iter + 1)
        return overflow


class FixedLossScaleUpdateCell(Cell):
    """Keeps the loss scale; ``construct(loss_scale, overflow)`` returns ``overflow`` (the step is skipped on
    overflow)."""

    def __init__(self, loss_scale_value):
        super().__init__()
        self.loss_scale_value = loss_scale_value

    def get_loss_scale(self):
        return self.loss_scale_value

    def construct(self, _, overflow):
        return overflow


class TrainOneStepWithLossScaleCell(TrainOneStepCell):
    """One loss-scaled training step.

    Args:
        network (Cell): returns the loss.
        optimizer (Optimizer): updates the parameters.
        scale_sense (Union[Cell, Tensor]): an update cell (``DynamicLossScaleUpdateCell``,
            ``FixedLossScaleUpdateCell``) whose ``get_loss_scale()`` starts the scale, or a Tensor of shape () or
            (1,): the scale itself, changed only by ``set_sense_scale``.

    ``construct(*inputs)`` returns ``(loss, overflow, scale)``: the loss before the update, a bool Tensor (whether
    the gradients had an inf/nan; then the optimizer did not run) and the scale Parameter.
    """

    def __init__(self, network, optimizer, scale_sense):
        super().__init__(network, optimizer, sens=None)
        self.loss_scaling_manager = None
        if isinstance(scale_sense, Cell):
            self.loss_scaling_manager = scale_sense
            self.scale_sense = Parameter(Tensor(scale_sense.get_loss_scale(), dtype=mstype.float32),
                                         name="scale_sense")
        elif isinstance(scale_sense, Tensor):
            if scale_sense.shape in ((1,), ()):
                self.scale_sense = Parameter(scale_sense, name="scale_sense")
            else:
                raise ValueError(f"For 'TrainOneStepWithLossScaleCell', the shape of 'scale_sense' must be (1,) "
                                 f"or (), but got {scale_sense.shape}.")
        else:
            raise TypeError(f"For 'TrainOneStepWithLossScaleCell', the 'scale_sense' must be Cell or Tensor, but "
                            f"got 'scale_sense' type: {type(scale_sense)}.")
        network_ = network

        def scaled_loss(*inputs):
            # d(loss * scale): the sensitivity is the scale in the loss's dtype, so small float16 gradients do not
            # underflow on the way back; the loss itself comes back as the auxiliary output
            loss = network_(*inputs)
            return loss * ops.cast(ops.stop_gradient(self.scale_sense), loss.dtype), loss

        self._scaled_grad_fn = value_and_grad(scaled_loss, None, self.weights, has_aux=True)

    def construct(self, *inputs):
        scaling_sens = self.scale_sense
        (_, loss), grads = self._scaled_grad_fn(*inputs)
        grads = tuple(g * ops.cast(ops.reciprocal(scaling_sens), g.dtype) for g in grads)
        grads = self.grad_reducer(grads)
        cond = self.get_overflow_status(None, grads)
        overflow = self.process_loss_scale(cond)
        if not overflow:
            self.optimizer(grads)
        return loss, cond, scaling_sens

    def set_sense_scale(self, sens):
        """Set the scale to the Tensor ``sens``."""
        if isinstance(sens, Tensor):
            self.scale_sense.set_data(sens)
        else:
            raise TypeError(f"For 'TrainOneStepWithLossScaleCell', the type of 'sens' must be Tensor, but got "
                            f"{type(sens)}")

    def start_overflow_check(self, pre_cond, compute_input):
        """MindSpore's hook before the backward pass (it clears Ascend's float status): ``(status,
        compute_input)``."""
        return Tensor([0] * 8, mstype.int32), compute_input

    def get_overflow_status(self, status, compute_output):
        """Whether any of the Tensors in ``compute_output`` (the gradients) has an inf or a nan."""
        return _overflow(compute_output)

    def process_loss_scale(self, overflow):
        """Let the update cell change the scale; returns whether to skip the update."""
        if self.loss_scaling_manager is not None:
            return self.loss_scaling_manager(self.scale_sense, overflow)
        return overflow
