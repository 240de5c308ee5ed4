"""Loss cells: thin Cells over the ``ops`` loss functions with MindSpore's constructor arguments."""
from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ..cell import Cell
from ..layer._validation import flag, int_arg, number

_REDUCTIONS = ('mean', 'sum', 'none')


class LossBase(Cell):
    """Base of losses: stores ``reduction`` and offers ``get_loss(x, weights)``."""

    def __init__(self, reduction='mean'):
        super().__init__()
        if not isinstance(reduction, str) or reduction not in _REDUCTIONS:
            raise ValueError(f"For '{type(self).__name__}', the 'reduction' must be in {list(_REDUCTIONS)}, "
                             f"but got {reduction!r}.")
        self.reduction = reduction

    def get_loss(self, x, weights=1.0):
        x = ops.mul(x, weights) if not (isinstance(weights, float) and weights == 1.0) else x
        if self.reduction == 'mean':
            return ops.mean(x)
        if self.reduction == 'sum':
            return ops.sum(x)
        return x

    def _check_tensors(self, **tensors):
        for name, t in tensors.items():
            if not isinstance(t, Tensor):
                raise TypeError(f"For '{type(self).__name__}', the '{name}' must be a Tensor, but got "
                                f"{type(t).__name__}.")


class BCEWithLogitsLoss(LossBase):
    def __init__(self, reduction='mean', weight=None, pos_weight=None):
        super().__init__(reduction)
        self.weight, self.pos_weight = weight, pos_weight

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        if labels.dtype.kind != 'f':
            raise TypeError(f"For 'BCEWithLogitsLoss', the 'labels' must be a float Tensor (Float16, Float32 "
                            f"or Float64), but got {labels.dtype}.")
        return ops.binary_cross_entropy_with_logits(logits, labels, self.weight, self.pos_weight, self.reduction)


class BCELoss(LossBase):
    def __init__(self, weight=None, reduction='mean'):
        super().__init__(reduction)
        self.weight = weight

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.binary_cross_entropy(logits, labels, self.weight, self.reduction)


class CrossEntropyLoss(LossBase):
    """Cross-entropy of logits (N, C, ...) with Int32 class indices (N, ...) or class probabilities."""

    def __init__(self, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
        super().__init__(reduction)
        number(label_smoothing, "label_smoothing", "CrossEntropyLoss", low=0.0, high=1.0)
        int_arg(ignore_index, "ignore_index", "CrossEntropyLoss")
        self.weight, self.ignore_index, self.label_smoothing = weight, ignore_index, label_smoothing

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        if labels.dtype.kind != 'f' and labels.dtype is not mstype.int32:
            raise TypeError(f"For 'CrossEntropyLoss', the 'labels' should be Int32 (class indices) or a float "
                            f"Tensor (class probabilities), but got '{labels.dtype!r}'. Cast the labels, e.g. "
                            f"with dataset.transforms.TypeCast(mindspore.int32).")
        return ops.cross_entropy(logits, labels, self.weight, self.ignore_index, self.reduction,
                                 self.label_smoothing)


class NLLLoss(LossBase):
    def __init__(self, weight=None, ignore_index=-100, reduction='mean'):
        super().__init__(reduction)
        int_arg(ignore_index, "ignore_index", "NLLLoss")
        self.weight, self.ignore_index = weight, ignore_index

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.nll_loss(logits, labels, self.weight, self.ignore_index, self.reduction)


class MSELoss(LossBase):
    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.mse_loss(logits, labels, self.reduction)


class L1Loss(LossBase):
    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.l1_loss(logits, labels, self.reduction)


class SmoothL1Loss(LossBase):
    def __init__(self, beta=1.0, reduction='none'):
        super().__init__(reduction)
        # (MindSpore stores a negative beta; its kernel refuses it at the call)
        self.beta = number(beta, "beta", "SmoothL1Loss", positive=True)

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.smooth_l1_loss(logits, labels, self.beta, self.reduction)


class HuberLoss(LossBase):
    def __init__(self, reduction='mean', delta=1.0):
        super().__init__(reduction)
        self.delta = number(delta, "delta", "HuberLoss", positive=True)

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.huber_loss(logits, labels, self.reduction, self.delta)


class SoftmaxCrossEntropyWithLogits(LossBase):
    """Softmax cross-entropy of logits (N, C); ``sparse=True`` takes class indices, else one-hot labels."""

    def __init__(self, sparse=False, reduction='none'):
        super().__init__(reduction)
        self.sparse = flag(sparse, "sparse", "SoftmaxCrossEntropyWithLogits")

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        if self.sparse:
            if labels.dtype.kind == 'f':
                raise TypeError(f"For 'SoftmaxCrossEntropyWithLogits', sparse labels must be integers, but got "
                                f"{labels.dtype}.")
            loss = ops.cross_entropy(logits, labels, reduction='none')
        else:
            if labels.shape != logits.shape:
                raise ValueError(f"For 'SoftmaxCrossEntropyWithLogits', the labels shape {labels.shape} must "
                                 f"equal the logits shape {logits.shape}.")
            loss = ops.neg(ops.sum(ops.mul(ops.log_softmax(logits, -1), labels.astype(logits.dtype)), -1))
        return self.get_loss(loss)
