"""More loss cells of MindSpore 2.10: the margin losses (``SoftMarginLoss``, ``MultilabelMarginLoss``,
``TripletMarginLoss``, ``TripletMarginWithDistanceLoss``), the segmentation losses ``DiceLoss`` and
``MultiClassDiceLoss`` and ``FocalLoss``. Each is the functional op (ops/function/nn_more_func.py) or a short
composition of ops."""
from ... import ops
from ..._core import dtype as mstype
from ..cell import Cell
from ..layer._validation import flag
from .loss import LossBase
from .more_loss import _float_arg


class SoftMarginLoss(LossBase):
    """``log(1 + exp(-y * x))``, reduced (``ops.soft_margin_loss``)."""

    def __init__(self, reduction='mean'):
        super().__init__(reduction)

    def construct(self, x, y):
        self._check_tensors(x=x, y=y)
        return ops.soft_margin_loss(x, y, self.reduction)


class MultilabelMarginLoss(LossBase):
    """The multi-label hinge loss (``ops.multilabel_margin_loss``)."""

    def __init__(self, reduction='mean'):
        super().__init__(reduction)

    def construct(self, x, target):
        self._check_tensors(x=x, target=target)
        return ops.multilabel_margin_loss(x, target, self.reduction)


class TripletMarginLoss(LossBase):
    """``max(||a - p + eps||_p - ||a - n + eps||_p + margin, 0)`` (``ops.triplet_margin_loss``)."""

    def __init__(self, p=2, swap=False, eps=1e-06, reduction='mean', margin=1.0):
        super().__init__(reduction)
        self.p, self.swap, self.eps, self.margin = p, flag(swap, "swap", "TripletMarginLoss"), eps, margin

    def construct(self, x, positive, negative, margin=None):
        self._check_tensors(x=x, positive=positive, negative=negative)
        m = self.margin if margin is None else margin
        if hasattr(m, "asnumpy"):
            m = float(m.asnumpy())
        return ops.triplet_margin_loss(x, positive, negative, m, self.p, self.eps, self.swap, self.reduction)


def _pairwise_l2(x, y):
    d = ops.abs(ops.sub(x, y))
    if d.ndim == 0:
        raise ValueError("For 'pairwise_distance' in 'TripletMarginWithDistanceLoss', 'ndim' of the input must be "
                         f"positive, but got {d.ndim}")
    return ops.sqrt(ops.sum(ops.square(d), 1))


class TripletMarginWithDistanceLoss(LossBase):
    """``max(d(x, positive) - d(x, negative) + margin, 0)`` for a distance function ``d`` (by default the 2-norm of
    the difference over axis 1); ``swap`` takes ``min(d(x, n), d(p, n))``."""

    def __init__(self, distance_function=None, swap=False, reduction="mean", margin=1.0):
        super().__init__(reduction)
        self.margin = _float_arg(margin, "margin", "TripletMarginWithDistanceLoss")
        self.swap = flag(swap, "swap", "TripletMarginWithDistanceLoss")
        self.distance_function = _pairwise_l2 if distance_function is None else distance_function

    def construct(self, x, positive, negative):
        self._check_tensors(x=x, positive=positive, negative=negative)
        d1 = self.distance_function(x, positive)
        d2 = self.distance_function(x, negative)
        if self.swap:
            d2 = ops.minimum(d2, self.distance_function(positive, negative))
        return self.get_loss(ops.relu(ops.add(ops.sub(d1, d2), self.margin)))


def _dice(cell, logits, label, smooth):
    a, b = ops.reshape(logits, (-1,)), ops.reshape(label, (-1,))
    inter = ops.sum(ops.mul(a, b))
    union = ops.add(ops.sum(ops.mul(a, a)), ops.sum(ops.mul(b, b)))
    return ops.sub(1, ops.div(ops.mul(inter, 2), ops.add(union, smooth)))


def _check_dice(cell, logits, label):
    for name, t in (("logits", logits), ("labels", label)):
        if not hasattr(t, "asnumpy"):
            raise TypeError(f"For '{cell}', the '{name}' must be a Tensor, but got {type(t).__name__}.")
        if str(t.dtype) == "UInt8":
            raise TypeError(f"For '{cell}', the dtype of '{name}' can not be uint8.")
    if tuple(logits.shape) != tuple(label.shape):
        raise ValueError(f"For '{cell}', the shape of 'logits' and 'labels' must be the same, but got "
                         f"{tuple(logits.shape)} and {tuple(label.shape)}.")


class DiceLoss(Cell):
    """``1 - 2 * sum(x * y) / (sum(x * x) + sum(y * y) + smooth)`` over all elements."""

    def __init__(self, smooth=1e-5):
        super().__init__()
        if isinstance(smooth, bool) or not isinstance(smooth, float) or not smooth > 0:
            raise (TypeError if not isinstance(smooth, float) else ValueError)(
                f"For 'DiceLoss', the 'smooth' must be a positive float, but got {smooth!r}.")
        self.smooth = smooth

    def construct(self, logits, label):
        _check_dice("DiceLoss", logits, label)
        return _dice("DiceLoss", logits, label, self.smooth)


_DICE_ACTIVATIONS = ('softmax', 'logsoftmax', 'relu', 'relu6', 'tanh', 'sigmoid')


class MultiClassDiceLoss(Cell):
    """The mean over the classes (axis 1) of ``DiceLoss`` of each class's slice, after ``activation``, each
    weighted by ``weights[i]``; the class ``ignore_indiex`` (MindSpore's spelling) is left out of the sum."""

    def __init__(self, weights=None, ignore_indiex=None, activation="softmax"):
        super().__init__()
        from ..layer.activation import get_activation
        name = "MultiClassDiceLoss"
        if weights is not None and not hasattr(weights, "asnumpy"):
            raise TypeError(f"For '{name}', the 'weights' must be a Tensor, but got {type(weights).__name__}.")
        if weights is not None and weights.ndim != 2:
            raise ValueError(f"For '{name}', the dimension of 'weights' must be 2, but got {weights.ndim}.")
        if ignore_indiex is not None and (isinstance(ignore_indiex, bool) or not isinstance(ignore_indiex, int)):
            raise TypeError(f"For '{name}', the 'ignore_indiex' must be an int, but got "
                            f"{type(ignore_indiex).__name__}.")
        if isinstance(activation, str) and activation not in _DICE_ACTIVATIONS:
            raise ValueError(f"For '{name}', the 'activation' must be in {list(_DICE_ACTIVATIONS)}, but got "
                             f"{activation}.")
        self.binarydiceloss = DiceLoss(smooth=1e-5)
        self.weights, self.ignore_indiex = weights, ignore_indiex
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        if self.activation is not None and not isinstance(self.activation, Cell):
            raise TypeError(f"For '{name}', the 'activation' must be str or Cell, but got "
                            f"{type(self.activation)}.")

    def construct(self, logits, label):
        _check_dice("MultiClassDiceLoss", logits, label)
        if logits.ndim < 2:
            raise ValueError(f"For 'MultiClassDiceLoss', the dimension of 'logits' must be at least 2, but got "
                             f"{logits.ndim}.")
        if self.activation is not None:
            logits = self.activation(logits)
        n = label.shape[1]
        total = 0
        for i in range(n):
            if i == self.ignore_indiex:
                continue
            loss = self.binarydiceloss(logits[:, i], label[:, i])
            if self.weights is not None:
                if self.weights.shape[0] != n:
                    raise ValueError(f"For 'MultiClassDiceLoss', the weight shape[0] should be equal to label "
                                     f"shape[1], but got weight shape[0]: {self.weights.shape[0]} and label "
                                     f"shape[1]: {n}.")
                loss = ops.mul(loss, self.weights[i])
            total = ops.add(total, loss) if not isinstance(total, int) else loss
        return ops.div(total, n)


class FocalLoss(LossBase):
    """``-(1 - p) ** gamma * log p`` of the softmax over axis 1, against one-hot ``labels`` (N, C, ...) or class
    indices (N, 1, ...), weighted per class by ``weight``; the mean over the classes (or positions), reduced."""

    def __init__(self, weight=None, gamma=2.0, reduction='mean'):
        super().__init__(reduction)
        if isinstance(gamma, bool) or not isinstance(gamma, float):
            raise TypeError(f"For 'FocalLoss', the 'gamma' must be a float, but got {type(gamma).__name__}.")
        if weight is not None and not hasattr(weight, "asnumpy"):
            raise TypeError(f"For 'FocalLoss', the type of 'weight' must be a Tensor, but got "
                            f"{type(weight).__name__}.")
        if weight is not None and weight.ndim != 1:
            raise ValueError(f"For 'FocalLoss', the dimension of 'weight' must be 1, but got {weight.ndim}.")
        self.gamma, self.weight = gamma, weight
        from ..layer.activation import LogSoftmax
        self.logsoftmax = LogSoftmax(1)

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        if logits.ndim != labels.ndim or logits.ndim < 2:
            raise ValueError(f"For 'FocalLoss', 'logits' and 'labels' must have the same dimension (at least 2), "
                             f"but got {logits.ndim} and {labels.ndim}.")
        if labels.shape[1] != logits.shape[1] and labels.shape[1] != 1:
            raise ValueError(f"For 'FocalLoss', the 'labels' shape[1] must be 1 or the channels of 'logits' "
                             f"({logits.shape[1]}), but got {labels.shape[1]}.")
        if str(labels.dtype) not in ("Int32", "Float16", "Float32"):
            raise TypeError(f"For 'FocalLoss', the dtype of 'labels' must be Int32, Float16 or Float32, but got "
                            f"{labels.dtype}.")
        index = labels.shape[1] == 1
        n, c = logits.shape[0], logits.shape[1]
        x = ops.reshape(logits, (n, c, -1))
        y = ops.reshape(labels, (n, labels.shape[1], -1))
        logp = self.logsoftmax(x)
        if index:
            logp = ops.squeeze(ops.gather_elements(logp, 1, ops.cast(y, mstype.int32)), 1)
        p = ops.exp(logp)
        if self.weight is not None:
            w = ops.broadcast_to(ops.reshape(self.weight, (1, -1, 1)), tuple(x.shape))
            if index:
                w = ops.squeeze(ops.gather_elements(w, 1, ops.cast(y, mstype.int32)), 1)
            logp = ops.mul(logp, w)
        focus = ops.pow(ops.sub(1.0, p), self.gamma)
        if index:
            loss = ops.mean(ops.neg(ops.mul(focus, logp)), 1)
        else:
            loss = ops.mean(ops.neg(ops.mul(ops.mul(focus, ops.cast(y, logp.dtype)), logp)), -1)
        return self.get_loss(loss)


class CTCLoss(LossBase):
    """The connectionist temporal classification loss (``ops.ctc_loss``'s loss, without the log-alphas)."""

    def __init__(self, blank=0, reduction='mean', zero_infinity=False):
        super().__init__(reduction)
        if isinstance(blank, bool) or not isinstance(blank, int) or blank < 0:
            raise ValueError(f"For 'CTCLoss', the 'blank' must be a non-negative int, but got {blank!r}.")
        self.blank = blank
        self.zero_infinity = flag(zero_infinity, "zero_infinity", "CTCLoss")

    def construct(self, log_probs, targets, input_lengths, target_lengths):
        self._check_tensors(log_probs=log_probs, targets=targets, input_lengths=input_lengths,
                            target_lengths=target_lengths)
        return ops.ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, self.reduction,
                            self.zero_infinity)[0]


class SampledSoftmaxLoss(LossBase):
    """The softmax cross-entropy over the true classes and ``num_sampled`` sampled ones (logits
    ``inputs @ weights[c] + biases[c] - log(expected count)``), the true classes' targets ``1 / num_true``.
    ``sampled_values`` is ``(sampled_candidates, true_expected_count, sampled_expected_count)``; as in MindSpore
    2.10 the per-example losses are returned unreduced whatever ``reduction`` says, and accidental hits are only
    removed by the sampler (so not for given ``sampled_values``). minispore has no candidate sampler yet:
    ``sampled_values`` is required."""

    def __init__(self, num_sampled, num_classes, num_true=1, sampled_values=None, remove_accidental_hits=True,
                 seed=0, reduction='none'):
        super().__init__(reduction)
        name = "SampledSoftmaxLoss"
        if num_true < 1:
            raise ValueError(f"For '{name}', the 'num_true' must be greater than or equal to 1, but got {num_true}.")
        if seed < 0:
            raise ValueError(f"For '{name}', the 'seed' must be greater than or equal to 0, but got {seed}.")
        if num_sampled > num_classes:
            raise ValueError(f"For '{name}', the 'num_sampled' must be smaller than or equal to 'num_classes', but "
                             f"got 'num_sampled': {num_sampled} and 'num_classes': {num_classes}.")
        if num_true > num_classes:
            raise ValueError(f"For '{name}', the 'num_true' must be smaller than or equal to 'num_classes', but got "
                             f"'num_true': {num_true} and 'num_classes': {num_classes}.")
        if sampled_values is not None:
            if not isinstance(sampled_values, (list, tuple)):
                raise TypeError(f"For '{name}', the type of 'sampled_values' must be a list or tuple, but got "
                                f"{type(sampled_values).__name__}.")
            if len(sampled_values) != 3:
                raise ValueError(f"For '{name}', the length of 'sampled_values' must be equal to 3, but got "
                                 f"{len(sampled_values)}.")
        self.num_sampled, self.num_classes, self.num_true = num_sampled, num_classes, num_true
        self.sampled_values, self.remove_accidental_hits, self.seed = sampled_values, remove_accidental_hits, seed

    def construct(self, weights, biases, labels, logits):
        self._check_tensors(weights=weights, biases=biases, labels=labels, logits=logits)
        if labels.dtype not in (mstype.int32, mstype.int64):
            raise TypeError(f"For 'SampledSoftmaxLoss', the dtype of 'labels' must be Int32 or Int64, but got "
                            f"{labels.dtype}.")
        if self.sampled_values is None:
            raise ValueError("For 'SampledSoftmaxLoss', minispore has no UniformCandidateSampler yet: pass "
                             "sampled_values=(sampled_candidates, true_expected_count, sampled_expected_count).")
        sampled, true_count, sampled_count = self.sampled_values
        k = self.num_true
        lab = ops.reshape(ops.cast(labels, mstype.int32), (-1, k))
        flat = ops.reshape(lab, (-1,))
        sampled = ops.cast(sampled, mstype.int32)
        dim = weights.shape[1]
        true_w = ops.reshape(ops.gather(weights, flat, 0), (-1, k, dim))
        true_logits = ops.add(ops.sum(ops.mul(ops.expand_dims(logits, 1), true_w), 2),
                              ops.reshape(ops.gather(biases, flat, 0), (-1, k)))
        sampled_logits = ops.add(ops.matmul(logits, ops.swapaxes(ops.gather(weights, sampled, 0), 0, 1)),
                                 ops.gather(biases, sampled, 0))
        true_logits = ops.sub(true_logits, ops.log(true_count))
        sampled_logits = ops.sub(sampled_logits, ops.log(sampled_count))
        out = ops.concat([true_logits, sampled_logits], 1)
        target = ops.concat([ops.div(ops.ones_like(true_logits), k), ops.zeros_like(sampled_logits)], 1)
        shifted = ops.exp(ops.sub(out, ops.amax(out, 1, True)))
        pred = ops.div(shifted, ops.sum(shifted, 1, True))
        return ops.neg(ops.sum(ops.mul(target, ops.log(ops.add(pred, 1.0e-20))), 1))


__all__ = ["SoftMarginLoss", "MultilabelMarginLoss", "TripletMarginLoss", "TripletMarginWithDistanceLoss",
           "DiceLoss", "MultiClassDiceLoss", "FocalLoss", "CTCLoss",
           "SampledSoftmaxLoss"]
