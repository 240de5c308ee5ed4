"""More loss cells (MindSpore 2.10's margin, embedding, likelihood and regression losses): each a short composition
of existing ops, reduced by ``LossBase.get_loss``."""
import math

from ... import ops
from ..layer._validation import flag, number
from .loss import LossBase, MSELoss, _REDUCTIONS


def _reduction(reduction, cell):
    if not isinstance(reduction, str) or reduction not in _REDUCTIONS:
        raise ValueError(f"For '{cell}', the 'reduction' must be in {list(_REDUCTIONS)}, but got {reduction!r}.")
    return reduction


def _float_arg(value, name, cell):
    if isinstance(value, bool) or not isinstance(value, float):
        raise TypeError(f"For '{cell}', the type of '{name}' must be float, but got {type(value).__name__} "
                        f"({value!r}).")
    return value


def _same_shape(cell, **tensors):
    (n1, a), (n2, b) = list(tensors.items())[:2]
    if tuple(a.shape) != tuple(b.shape):
        raise ValueError(f"For '{cell}', the shape of '{n1}' and '{n2}' must be the same, but got {a.shape} and "
                         f"{b.shape}.")


class MarginRankingLoss(LossBase):
    """``max(0, -target * (input1 - input2) + margin)``."""

    def __init__(self, margin=0.0, reduction='mean'):
        super().__init__(reduction)
        self.margin = margin

    def construct(self, input1, input2, target):
        _float_arg(self.margin, "margin", "margin_ranking_loss")
        self._check_tensors(input1=input1, input2=input2, target=target)
        for n, t in (("input2", input2), ("target", target)):
            if t.dtype != input1.dtype:
                raise TypeError(f"For 'margin_ranking_loss', the dtype of '{n}' must be the same as 'input1' "
                                f"({input1.dtype}), but got {t.dtype}.")
        x = ops.clamp(ops.add(ops.mul(ops.neg(target), ops.sub(input1, input2)), self.margin), min=0)
        return self.get_loss(x)


class HingeEmbeddingLoss(LossBase):
    """``x`` where ``labels > 0`` plus ``max(0, margin - x)`` where ``labels < 0``."""

    def __init__(self, margin=1.0, reduction='mean'):
        super().__init__(reduction)
        if isinstance(margin, bool) or not isinstance(margin, (float, int)):
            raise TypeError(f"For 'HingeEmbeddingLoss', the 'margin' must be float or int, but got "
                            f"{type(margin).__name__} ({margin!r}).")
        self.margin = margin

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        pos = ops.cast(ops.gt(labels, 0), logits.dtype)
        neg = ops.cast(ops.lt(labels, 0), logits.dtype)
        loss = ops.add(ops.mul(pos, logits), ops.clamp(ops.mul(neg, ops.sub(self.margin, logits)), min=0))
        return self.get_loss(loss)


class CosineEmbeddingLoss(LossBase):
    """``1 - cos(x1, x2)`` where ``labels == 1``, ``max(0, cos(x1, x2) - margin)`` where ``labels == -1``."""

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        _float_arg(margin, "margin", "CosineEmbeddingLoss")
        self.margin = number(margin, "margin", "CosineEmbeddingLoss", low=-1.0, high=1.0)

    def construct(self, logits_x1, logits_x2, labels):
        self._check_tensors(logits_x1=logits_x1, logits_x2=logits_x2, labels=labels)
        _same_shape("CosineEmbeddingLoss", logits_x1=logits_x1, logits_x2=logits_x2)
        prod = ops.sum(ops.mul(logits_x1, logits_x2), 1)
        denom = ops.mul(ops.sqrt(ops.sum(ops.square(logits_x1), 1)), ops.sqrt(ops.sum(ops.square(logits_x2), 1)))
        cosine = ops.div(prod, denom)
        zeros = ops.zeros_like(cosine)
        pos = ops.where(ops.equal(labels, 1), ops.sub(1.0, cosine), zeros)
        neg = ops.where(ops.equal(labels, -1), ops.maximum(ops.sub(cosine, self.margin), zeros), zeros)
        return self.get_loss(ops.add(pos, neg))


class MultiLabelSoftMarginLoss(LossBase):
    """``-(y log sigmoid(x) + (1 - y) log sigmoid(-x))`` (times ``weight``), averaged over the class axis."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.weight = weight

    def construct(self, x, target):
        self._check_tensors(input=x, target=target)
        pos = ops.log(ops.add(ops.exp(ops.neg(x)), 1))
        neg = ops.log(ops.add(ops.exp(x), 1))
        loss = ops.add(ops.mul(target, pos), ops.mul(ops.sub(1, target), neg))
        if self.weight is not None:
            loss = ops.mul(loss, self.weight)
        loss = ops.div(ops.sum(loss, x.ndim - 1), x.shape[-1])
        return self.get_loss(loss)


class PoissonNLLLoss(LossBase):
    """Poisson negative log likelihood; ``full=True`` adds Stirling's term where ``target > 1``."""

    def __init__(self, log_input=True, full=False, eps=1e-08, reduction="mean"):
        super().__init__(reduction)
        self.log_input, self.full, self.eps = log_input, full, eps

    def construct(self, input, target):
        self._check_tensors(input=input, target=target)
        target = ops.cast(target, input.dtype)
        if self.log_input:
            loss = ops.sub(ops.exp(input), ops.mul(target, input))
        else:
            loss = ops.sub(input, ops.mul(target, ops.log(ops.add(input, self.eps))))
        if self.full:
            t = ops.maximum(target, ops.full_like(target, self.eps))
            stirling = ops.add(ops.sub(ops.mul(ops.add(t, 0.5), ops.log(t)), t), 0.5 * math.log(2 * math.pi))
            loss = ops.add(loss, ops.where(ops.gt(t, 1), stirling, ops.zeros_like(stirling)))
        return self.get_loss(loss)


class GaussianNLLLoss(LossBase):
    """``0.5 * (log(max(var, eps)) + (logits - labels)^2 / max(var, eps))`` (+ ``0.5 log(2 pi)`` with ``full``)."""

    def __init__(self, *, full=False, eps=1e-6, reduction='mean'):
        if isinstance(eps, bool) or not isinstance(eps, (int, float)):
            raise TypeError(f"For 'GaussianNLLLoss', the 'eps' must be a float, but got {type(eps).__name__}.")
        if not eps > 0:
            raise ValueError(f"For 'GaussianNLLLoss', the 'eps' must be in range (0, inf), but got {eps}.")
        flag(full, "full", "GaussianNLLLoss")
        super().__init__(_reduction(reduction, "gaussian_nll_loss"))
        self.full, self.eps = full, eps

    def construct(self, logits, labels, var):
        self._check_tensors(logits=logits, labels=labels, var=var)
        if tuple(logits.shape) != tuple(var.shape) and tuple(logits.shape[:-1]) == tuple(var.shape):
            var = ops.expand_dims(var, -1)
        v = ops.maximum(var, ops.full_like(var, self.eps))
        loss = ops.mul(ops.add(ops.log(v), ops.div(ops.square(ops.sub(logits, labels)), v)), 0.5)
        if self.full:
            loss = ops.add(loss, 0.5 * math.log(2 * math.pi))
        return self.get_loss(loss)




class RMSELoss(LossBase):
    """``sqrt(mean((logits - label)^2))``."""

    def __init__(self):
        super().__init__()
        self.MSELoss = MSELoss()

    def construct(self, logits, label):
        self._check_tensors(logits=logits, labels=label)
        for t in (logits, label):
            if t.dtype.kind == 'u':
                raise TypeError(f"For 'RMSELoss', the dtype of input can not be unsigned, but got {t.dtype}.")
        return ops.sqrt(self.MSELoss(logits, label))


class MAELoss(LossBase):
    """``|logits - label|``, reduced."""

    def construct(self, logits, label):
        self._check_tensors(logits=logits, labels=label)
        return self.get_loss(ops.abs(ops.sub(logits, label)))


class KLDivLoss(LossBase):
    def __init__(self, reduction='mean'):
        if reduction not in ('none', 'mean', 'sum', 'batchmean'):
            raise ValueError(f"For 'KLDivLoss', the 'reduction' must be in ['none', 'mean', 'sum', 'batchmean'], "
                             f"but got {reduction!r}.")
        super().__init__('mean')
        self.reduction = reduction

    def construct(self, logits, labels):
        self._check_tensors(logits=logits, labels=labels)
        return ops.kl_div(logits, labels, self.reduction)



class MultiMarginLoss(LossBase):
    """``sum_{i != y} weight[y] * max(0, margin - x[y] + x[i])^p / C`` per sample (``p`` 1 or 2)."""

    def __init__(self, p=1, margin=1.0, reduction='mean', weight=None):
        super().__init__(reduction)
        if p not in (1, 2) or isinstance(p, bool):
            raise ValueError(f"For 'MultiMarginLoss', the 'p' must be 1 or 2, but got {p!r}.")
        self.p, self.margin, self.weight = p, _float_arg(margin, "margin", "MultiMarginLoss"), weight

    def construct(self, x, target, weight=None):
        self._check_tensors(x=x, target=target)
        if self.weight is not None:
            weight = self.weight
        if x.ndim != 2:
            raise ValueError(f"For 'MultiMarginLoss', the 'x' must be 2-D (N, C), but got shape {x.shape}.")
        C = x.shape[1]
        onehot = ops.one_hot(target, C, ops.ones((), x.dtype), ops.zeros((), x.dtype))
        x_y = ops.sum(ops.mul(x, onehot), 1, keepdim=True)
        m = ops.clamp(ops.add(ops.sub(x, x_y), self.margin), min=0)
        if self.p == 2:
            m = ops.square(m)
        m = ops.mul(m, ops.sub(1, onehot))
        if weight is not None:
            m = ops.mul(m, ops.sum(ops.mul(onehot, weight), 1, keepdim=True))
        return self.get_loss(ops.div(ops.sum(m, 1), C))


__all__ = ["MarginRankingLoss", "HingeEmbeddingLoss", "CosineEmbeddingLoss", "MultiLabelSoftMarginLoss",
           "PoissonNLLLoss", "GaussianNLLLoss", "RMSELoss", "MAELoss", "KLDivLoss", "MultiMarginLoss"]
