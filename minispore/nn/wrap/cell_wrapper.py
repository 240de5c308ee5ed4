"""Training wrappers: ``WithLossCell``, ``WithGradCell``, ``WithEvalCell``, ``ForwardValueAndGrad`` and
``TrainOneStepCell`` (MindSpore 2.10's signatures and return values), built on the functional autodiff."""
from types import FunctionType, MethodType

from ... import ops
from ..._core import dtype as mstype
from ..._core.autodiff import GradOperation, value_and_grad
from ..._core.tensor import Tensor
from ...common.parameter import ParameterTuple
from ..cell import Cell
from ..layer.basic import Identity
from .grad_reducer import DistributedGradReducer
from ...context import _data_parallel
from ... import _checkparam as validator
from ..._core.dtype import kind_of

__all__ = ['WithLossCell', 'WithGradCell', 'WithEvalCell', 'ForwardValueAndGrad', 'TrainOneStepCell']


def _scale_grads(grads, sens):
    """``grads`` times the constant sensitivity ``sens`` (d(sens * loss) = sens * d loss)."""
    if not isinstance(sens, Tensor) and sens == 1.0:
        return grads
    return tuple(ops.mul(g, ops.cast(sens, g.dtype) if isinstance(sens, Tensor) else sens) for g in grads)


class WithLossCell(Cell):
    """The backbone followed by the loss: ``construct(data, label)`` returns ``loss_fn(backbone(data), label)``."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label):
        out = self._backbone(data)
        return self._loss_fn(out, label)

    @property
    def backbone_network(self):
        """The backbone network."""
        return self._backbone


class WithGradCell(Cell):
    """Returns the gradients of the network's loss with respect to its trainable parameters."""

    def __init__(self, network, loss_fn=None, sens=None):
        super().__init__(auto_prefix=False)
        self.network = network
        self.loss_fn = loss_fn
        self.weights = ParameterTuple(network.trainable_params())
        self.grad = GradOperation(get_by_list=True, sens_param=sens is not None)
        self.sens = sens
        if loss_fn is None:
            self.network_with_loss = network
        else:
            self.network_with_loss = WithLossCell(self.network, self.loss_fn)
        self.network_with_loss.set_train()

    def construct(self, *inputs):
        if self.sens is None:
            return self.grad(self.network_with_loss, self.weights)(*inputs)
        return self.grad(self.network_with_loss, self.weights)(*inputs, self.sens)


class WithEvalCell(Cell):
    """The network and the loss for evaluation: ``construct(data, label)`` returns ``(loss, outputs, label)``."""

    def __init__(self, network, loss_fn, add_cast_fp32=False):
        super().__init__(auto_prefix=False)
        self._network = network
        self._loss_fn = loss_fn
        self.add_cast_fp32 = validator.check_value_type("add_cast_fp32", add_cast_fp32, [bool], self.cls_name)

    def construct(self, data, label):
        outputs = self._network(data)
        if self.add_cast_fp32:
            if isinstance(label, Tensor) and kind_of(label._data.dtype) == "f":
                label = ops.cast(label, mstype.float32)
            outputs = ops.cast(outputs, mstype.float32)
        loss = self._loss_fn(outputs, label)
        return loss, outputs, label


class ForwardValueAndGrad(Cell):
    """The network's output and its gradients (``GradOperation(get_all, get_by_list, sens_param)`` semantics):
    ``construct(*inputs)`` returns ``(loss, grads)``."""

    def __init__(self, network, weights=None, get_all=False, get_by_list=False, sens_param=False):
        super().__init__(auto_prefix=False)
        if not isinstance(network, (Cell, FunctionType, MethodType)):
            raise TypeError(f"For 'ForwardValueAndGrad', "
                            f"the argument 'network' must be cell, function type or method type, "
                            f"but got '{type(network)}'")
        if not isinstance(get_all, bool):
            raise TypeError(f"For 'ForwardValueAndGrad', "
                            f"the type of 'get_all' must be bool, but got '{type(get_all)}'")
        if not isinstance(get_by_list, bool):
            raise TypeError(f"For 'ForwardValueAndGrad', "
                            f"the type of 'get_by_list' must be bool, but got '{type(get_by_list)}'")
        if get_by_list and not isinstance(weights, (ParameterTuple, tuple, list)):
            raise TypeError(f"For 'ForwardValueAndGrad', "
                            f"when 'get_by_list' is set to True, the argument 'weights' must be "
                            f"Parameters array, but got '{type(weights)}'")
        self.network = network
        if isinstance(network, Cell):
            self.network.set_grad()
        self.weights = weights
        self.get_all = get_all
        self.get_by_list = get_by_list
        self.sens_param = sens_param
        self.grad = GradOperation(get_all=get_all, get_by_list=get_by_list, sens_param=sens_param)
        # the common case (gradients of the weights only) runs the network once
        self._one_pass = value_and_grad(network, None, weights, sens_param=sens_param) \
            if get_by_list and not get_all else None

    def construct(self, *inputs):
        if self._one_pass is not None:
            return self._one_pass(*inputs)
        forward_inputs = inputs[:-1] if self.sens_param else inputs
        positions = tuple(i for i, a in enumerate(forward_inputs) if isinstance(a, Tensor))
        if not positions:
            loss = self.network(*forward_inputs)
            grads = self.grad(self.network, self.weights)(*inputs) if self.get_by_list \
                else self.grad(self.network)(*inputs)
            return loss, grads
        # one forward pass for the value and every gradient (BatchNorm statistics and Dropout masks are
        # then those of the returned loss), in GradOperation's return structure
        wanted = positions if self.get_all else positions[:1]
        weights = self.weights if self.get_by_list else None
        loss, grads = value_and_grad(self.network, wanted, weights, sens_param=self.sens_param)(*inputs)
        if self.get_by_list:
            pos_grads, weight_grads = grads
            pos_grads = pos_grads if isinstance(pos_grads, tuple) else (pos_grads,)
            return loss, ((pos_grads, weight_grads) if self.get_all else weight_grads)
        if self.get_all:
            return loss, grads if isinstance(grads, tuple) else (grads,)
        return loss, grads


class TrainOneStepCell(Cell):
    """One training step: the loss of ``network`` (a network with its loss, e.g. ``WithLossCell``), its gradients
    with respect to ``optimizer.parameters``, and the optimizer's update.

    Args:
        network (Cell): returns the loss.
        optimizer (Optimizer): updates the parameters.
        sens (numbers.Number): the sensitivity (the gradients are of ``sens * loss``); None means 1.0.
        return_grad (bool): also return ``{parameter name: gradient}``. Default False.

    ``construct(*inputs)`` returns the loss (before the update), or ``(loss, grads_by_name)``.
    """

    def __init__(self, network, optimizer, sens=None, return_grad=False):
        super().__init__(auto_prefix=False)
        self.network = network
        self.network.set_grad()
        self.optimizer = optimizer
        self.weights = self.optimizer.parameters
        self.sens = sens
        if not isinstance(sens, Tensor) and self.sens == 0:
            raise ValueError("The input argument of 'sens' can not be 0.")
        self.sense_flag = True
        if self.sens is None:
            self.sense_flag = False
            self.sens = 1.0
        self.return_grad = return_grad
        if return_grad:
            self.weights_name = [i.name for i in self.optimizer.parameters]
        # DATA_PARALLEL (set_auto_parallel_context, after communication.init()): gradients reduced over the ranks
        self.reducer_flag = _data_parallel()
        self.grad_reducer = DistributedGradReducer(self.weights) if self.reducer_flag else Identity()
        self._grad_fn = value_and_grad(network, None, self.weights)

    def construct(self, *inputs):
        loss, grads = self._grad_fn(*inputs)
        if self.sense_flag:
            grads = _scale_grads(grads, self.sens)
        if self.reducer_flag:
            grads = self.grad_reducer(grads)
        self.optimizer(grads)
        if self.return_grad:
            return loss, {name: g for name, g in zip(self.weights_name, grads)}
        return loss
