"""Activations, dropout, dense and the loss functions of ``mindspore.ops`` (composites of primitives)."""
import math
import numbers

from ..._core import dtype as mstype
from ..._core import shapes
from ..._core.tensor import Tensor
from .. import _prims as P
from .array_func import _matmul, reshape, where
from .math_func import (ValueRuntimeError, _axis, _broadcastable, _coerce, _dtype, _flag, _float, _real, _tensor,
                        abs, add, clamp, div, exp, log, maximum, mean, minimum, mul, square, sub, sum, tanh)
from ..._core.dtype import kind_of


def _float_only(input, name, op):
    """A float tensor: MindSpore's Softmax, Dropout, LayerNorm ... take no integer or bool inputs."""
    x = _tensor(input, name, op)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the '{name}' must be a float tensor (Float16, Float32 or Float64), but got "
                        f"{x.dtype}.")
    return x


# ----------------------------------------------------------------------------- activations
def relu(input):
    x = _tensor(input, "input", "relu")
    if kind_of(x._data.dtype) not in "fiu":
        if kind_of(x._data.dtype) == "b":
            return x        # max(x, False) is x (MindSpore 2.10 gives the same Bool tensor)
        raise TypeError(f"For 'relu', the input must be a float or int tensor, but got {x.dtype}.")
    return P.relu(x)


def relu6(x):
    # MindSpore's ReLU6Grad passes the gradient where 0 < x <= 6
    t = relu(x)
    return where(P.greater(t, P.const(6, t)), P.const(6, t), t)


def leaky_relu(input, alpha=0.2):
    # written as MindSpore writes it, max(alpha * x, x) (min for alpha > 1): the gradient at 0 is (1 + alpha) / 2
    x = _float(input, "leaky_relu")
    alpha = _real(alpha, "alpha", "leaky_relu")
    return (maximum if alpha <= 1 else minimum)(mul(x, alpha), x)


def elu(input_x, alpha=1.0):
    x = _float(input_x, "elu")
    alpha = _real(alpha, "alpha", "elu")
    positive = P.greater_equal(x, P.zeros_like(x))
    # the negative branch sees min(x, 0) through a select, so x == 0 takes the slope 1 of the positive branch
    # (MindSpore: elu'(0) = 1, selu'(0) = scale)
    negative = mul(P.expm1(where(positive, P.zeros_like(x), x)), alpha)
    return where(positive, x, negative)


def selu(input_x):
    alpha, scale = 1.6732632423543772, 1.0507009873554805
    return mul(elu(input_x, alpha), scale)


def celu(x, alpha=1.0):
    t = _float(x, "celu")
    if _real(alpha, "alpha", "celu") == 0:
        raise ValueError("For 'celu', 'alpha' must not be 0, but got 0.")
    return add(maximum(t, 0.0), minimum(mul(P.expm1(div(t, alpha)), alpha), 0.0))


def gelu(input_x, approximate='none'):
    x = _float(input_x, "gelu")
    if not isinstance(approximate, str) or approximate not in ('none', 'tanh'):
        raise ValueError(f"For 'gelu', approximate must be 'none' or 'tanh', but got {approximate!r}.")
    if approximate == 'tanh':
        inner = mul(add(x, mul(mul(square(x), x), 0.044715)), math.sqrt(2.0 / math.pi))
        return mul(mul(x, 0.5), add(tanh(inner), 1.0))
    if approximate != 'none':
        raise ValueError(f"For 'gelu', approximate must be 'none' or 'tanh', but got {approximate!r}.")
    return mul(mul(x, 0.5), add(P.erf(mul(x, 1.0 / math.sqrt(2.0))), 1.0))


def fast_gelu(x):
    t = _float(x, "fast_gelu")
    return mul(t, P.sigmoid(mul(t, 1.702)))


def sigmoid(input):
    return P.sigmoid(_float(input, "sigmoid"))


def silu(input):
    x = _float(input, "silu")
    return mul(x, P.sigmoid(x))


def mish(x):
    t = _float(x, "mish")
    return mul(t, tanh(P.softplus(t)))


def softplus(input, beta=1, threshold=20):
    x = _float(input, "softplus")
    beta, threshold = _real(beta, "beta", "softplus"), _real(threshold, "threshold", "softplus")
    if beta != 1:
        scaled = mul(x, beta)
        return where(P.greater(scaled, P.const(threshold, x)), x, div(P.softplus(scaled), beta))
    return where(P.greater(x, P.const(threshold, x)), x, P.softplus(x))


def softsign(x):
    t = _float(x, "softsign")
    return div(t, add(abs(t), 1.0))


def hardtanh(input, min_val=-1.0, max_val=1.0):
    x = _float(input, "hardtanh")
    min_val, max_val = _real(min_val, "min_val", "hardtanh"), _real(max_val, "max_val", "hardtanh")
    if min_val > max_val:
        # (MindSpore returns a constant tensor of min_val)
        raise ValueError(f"For 'hardtanh', min_val ({min_val}) must not be greater than max_val ({max_val}).")
    return minimum(maximum(x, min_val), max_val)


def hardsigmoid(input):
    # MindSpore's HSigmoidGrad is (x + 3) / 6 inside the open interval (-3, 3) and 0 at and beyond +-3
    x = _float(input, "hardsigmoid")
    inside = P.logical_and(P.greater(x, P.const(-3, x)), P.less(x, P.const(3, x)))
    outside = where(P.greater_equal(x, P.const(3, x)), P.ones_like(x), P.zeros_like(x))
    return where(inside, div(add(x, 3.0), 6.0), outside)


def hardswish(x):
    # MindSpore's HSwishGrad is (2x + 3) / 6 on the closed interval [-3, 3]
    t = _float(x, "hardswish")
    middle = div(mul(t, add(t, 3.0)), 6.0)
    return where(P.less(t, P.const(-3, t)), P.zeros_like(t),
                 where(P.greater(t, P.const(3, t)), t, middle))


def tanhshrink(input):
    x = _float(input, "tanhshrink")
    return sub(x, tanh(x))


def _softmax_axis(axis, ndim, op):
    if isinstance(axis, (tuple, list)):
        if len(axis) != 1:
            raise TypeError(f"For '{op}', the axis must be an int (or a tuple of one int), but got {axis}.")
        axis = axis[0]
    return _axis(axis, ndim, op)


def _softmax_dtype(x, dtype, op):
    if dtype is None:
        return x
    if not isinstance(dtype, mstype.Type):
        raise TypeError(f"For '{op}', the dtype must be a mindspore type such as mindspore.float32, but got "
                        f"{type(dtype).__name__} ({dtype!r}).")
    return P.cast(x, _dtype(dtype, op))


def softmax(input, axis=-1, *, dtype=None):
    x = _softmax_dtype(_float_only(input, "input", "softmax"), dtype, "softmax")
    return P.softmax(x, _softmax_axis(axis, x.ndim, "softmax"))


def log_softmax(logits, axis=-1):
    x = _float_only(logits, "logits", "log_softmax")
    return P.log_softmax(x, _softmax_axis(axis, x.ndim, "log_softmax"))


def softmin(x, axis=-1, *, dtype=None):
    t = _softmax_dtype(_float_only(x, "x", "softmin"), dtype, "softmin")
    return P.softmax(P.neg(t), _softmax_axis(axis, t.ndim, "softmin"))


def glu(x, axis=-1):
    from .array_func import chunk
    t = _float(x, "glu")
    ax = _axis(axis, t.ndim, "glu", strict=True)
    if t.shape[ax] % 2:
        raise ValueError(f"For 'glu', the size of axis {ax} must be even (it is split in two halves), but the "
                         f"input has shape {t.shape}.")
    a, b = chunk(t, 2, ax)
    return mul(a, P.sigmoid(b))


# ----------------------------------------------------------------------------- dropout and dense
def dropout(input, p=0.5, training=True, seed=None):
    """Zero each element with probability ``p`` and scale the rest by ``1 / (1 - p)`` (training only)."""
    x = _float_only(input, "input", "dropout")
    if not isinstance(p, numbers.Real) or isinstance(p, bool):
        raise TypeError(f"For 'dropout', the type of 'p' should be float or int, but got {type(p).__name__}.")
    if not 0 <= p <= 1:
        # (MindSpore: RuntimeError from its keep_prob check; nan is refused too)
        raise ValueRuntimeError(f"For 'dropout', 'p' must be in [0, 1], but got {p}.")
    training = _flag(training, "training", "dropout")
    if not training or p == 0:
        return x
    if p == 1:
        return P.mul(x, P.zeros_like(x))
    # the mask is drawn by a primitive, so that a compiled graph draws a new one at every call
    return P.mul(x, P.dropout_mask(x, p, seed))


def _channel_dropout(op, dims, input, p, training):
    x = _float_only(input, "input", op)
    if not isinstance(p, numbers.Real) or isinstance(p, bool):
        raise TypeError(f"For '{op}', the type of 'p' should be float or int, but got {type(p).__name__}.")
    if not 0 <= p <= 1:
        raise ValueError(f"For '{op}', the 'p' must be in range [0, 1], but got {p}.")
    if x.ndim not in dims:
        raise ValueError(f"For '{op}', the input must be {' or '.join(map(str, dims))}-D, but got shape {x.shape}.")
    if not _flag(training, "training", op) or p == 0:
        return x
    if p == 1:
        return P.mul(x, P.zeros_like(x))
    # one draw per (sample, channel), broadcast over the channel's elements
    unbatched = len(dims) > 1 and x.ndim == min(dims)
    lead = 1 if unbatched else 2
    like = P.getitem(x, (slice(None),) * lead + (slice(0, 1),) * (x.ndim - lead))
    return P.mul(x, P.broadcast_to(P.dropout_mask(like, p, None), x.shape))


def dropout1d(input, p=0.5, training=True):
    """Zero whole channels of (N, C, L) or (C, L) with probability ``p``, scaling the rest by 1 / (1 - p)."""
    return _channel_dropout("dropout1d", (2, 3), input, p, training)


def dropout2d(input, p=0.5, training=True):
    """Zero whole channels of (N, C, H, W) with probability ``p``, scaling the rest by 1 / (1 - p)."""
    return _channel_dropout("dropout2d", (4,), input, p, training)


def dropout3d(input, p=0.5, training=True):
    """Zero whole channels of (N, C, D, H, W) with probability ``p``, scaling the rest by 1 / (1 - p)."""
    return _channel_dropout("dropout3d", (5,), input, p, training)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    """Normalise each sample over groups of channels; ``weight``/``bias`` scale and shift per channel."""
    x = _float_only(input, "input", "group_norm")
    if x.ndim < 2:
        raise ValueError(f"For 'group_norm', the input must be at least 2-D (N, C, ...), but got shape {x.shape}.")
    n, c = x.shape[:2]
    if isinstance(num_groups, bool) or not isinstance(num_groups, numbers.Integral) or num_groups < 1 or c % num_groups:
        raise ValueError(f"For 'group_norm', the 'num_groups' must be a positive int dividing the {c} channels, but "
                         f"got {num_groups!r}.")
    grouped = reshape(x, (n, num_groups, -1))
    mu = mean(grouped, (2,), True)
    centred = sub(grouped, mu)
    var = mean(mul(centred, centred), (2,), True)
    y = reshape(mul(centred, P.rsqrt(add(var, P.const(eps, x)))), x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    if weight is not None:
        y = mul(y, reshape(_tensor(weight, "weight", "group_norm"), shape))
    if bias is not None:
        y = add(y, reshape(_tensor(bias, "bias", "group_norm"), shape))
    return y


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Normalise over the trailing ``normalized_shape`` axes; ``weight``/``bias`` of that shape scale and shift."""
    x = _float_only(input, "input", "layer_norm")
    shape = (normalized_shape,) if isinstance(normalized_shape, numbers.Integral) else tuple(normalized_shape)
    if not shape or len(shape) > x.ndim or tuple(x.shape[x.ndim - len(shape):]) != shape:
        raise ValueError(f"For 'layer_norm', the input of shape {x.shape} must end with the normalized_shape "
                         f"{shape}.")
    axes = tuple(range(x.ndim - len(shape), x.ndim))
    eps = _real(eps, "eps", "layer_norm")
    if (isinstance(weight, Tensor) and isinstance(bias, Tensor) and weight.shape == shape == bias.shape
            and weight.dtype == bias.dtype == x.dtype and x.dtype in (mstype.float32, mstype.float64)):
        return P.layer_norm(x, weight, bias, eps, axes[0])      # the fused kernel
    mu = mean(x, axes, True)
    centred = sub(x, mu)
    var = mean(mul(centred, centred), axes, True)
    y = mul(centred, P.rsqrt(add(var, P.const(eps, x))))
    if weight is not None:
        y = mul(y, _tensor(weight, "weight", "layer_norm"))
    if bias is not None:
        y = add(y, _tensor(bias, "bias", "layer_norm"))
    return y


def batch_norm(input_x, running_mean, running_var, weight, bias, training=False, momentum=0.1, eps=1e-5):
    """Batch normalisation over dimension 1. In training the batch statistics normalise and the running ones (which
    must be Parameters) become ``(1 - momentum) * running + momentum * batch`` (the variance unbiased)."""
    from .state_func import assign
    x = _float_only(input_x, "input_x", "batch_norm")
    if x.ndim < 2:
        raise ValueError(f"For 'batch_norm', the input must be at least 2-D (N, C, ...), but got shape {x.shape}.")
    c = x.shape[1]
    for name, t in (("running_mean", running_mean), ("running_var", running_var), ("weight", weight),
                    ("bias", bias)):
        if not isinstance(t, Tensor) or t.shape != (c,):
            raise ValueError(f"For 'batch_norm', the '{name}' must be a Tensor of shape ({c},), but got "
                             f"{getattr(t, 'shape', type(t).__name__)}.")
    shape = (1, c) + (1,) * (x.ndim - 2)
    axes = (0,) + tuple(range(2, x.ndim))
    if _flag(training, "training", "batch_norm"):
        mu = mean(x, axes, True)
        centred = sub(x, mu)
        var = mean(mul(centred, centred), axes, True)
        count = x.size // c
        m = _real(momentum, "momentum", "batch_norm")
        batch_mean = reshape(P.stop_gradient(mu), (c,))
        batch_var = mul(reshape(P.stop_gradient(var), (c,)), P.const(count / max(count - 1, 1), x))
        assign(running_mean, add(mul(running_mean, P.const(1 - m, x)), mul(batch_mean, P.const(m, x))))
        assign(running_var, add(mul(running_var, P.const(1 - m, x)), mul(batch_var, P.const(m, x))))
    else:
        mu, var = reshape(running_mean, shape), reshape(running_var, shape)
        centred = sub(x, mu)
    y = mul(centred, P.rsqrt(add(var, P.const(_real(eps, "eps", "batch_norm"), x))))
    return add(mul(y, reshape(weight, shape)), reshape(bias, shape))


def dense(input, weight, bias=None):
    """``input @ weight.T + bias`` (weight of shape (out, in))."""
    x = input if type(input) is Tensor else _tensor(input, "input", "dense")
    w = weight if type(weight) is Tensor else _tensor(weight, "weight", "dense")
    xd, wd = x._data, w._data
    if not xd.shape or not wd.shape or xd.shape[-1] != wd.shape[-1]:
        raise ValueError(f"For 'dense', the last dimension of the input {tuple(xd.shape)} must equal the number of "
                         f"input features of the weight {tuple(wd.shape)} (out_features, in_features).")
    if (bias is not None and isinstance(bias, Tensor) and len(xd.shape) >= 2 and len(wd.shape) == 2
            and bias._data.shape == wd.shape[:1] and xd.dtype == wd.dtype == bias._data.dtype):
        if len(xd.shape) == 2:
            return P.dense(x, w, bias)     # one fused kernel for the common case
        # a sequence (..., in): one matrix product over all positions, not one per batch element
        flat = P.dense(reshape(x, (math.prod(xd.shape[:-1]), xd.shape[-1])), w, bias)
        return reshape(flat, tuple(xd.shape[:-1]) + (wd.shape[0],))
    out = _matmul(x, P.transpose(w, (1, 0)) if w.ndim == 2 else w, "dense")
    if bias is not None:
        b = _tensor(bias, "bias", "dense")
        if w.ndim == 2 and b.shape not in ((), wd.shape[:1]):
            raise ValueError(f"For 'dense', the bias must have shape ({wd.shape[0]},) (out_features), but got "
                             f"{b.shape}.")
        out = add(out, b)
    return out


def normalize(input, p=2.0, dim=0, eps=1e-12):
    from .math_func import norm
    _real(eps, "eps", "normalize")
    n = norm(input, p, dim, True)
    return div(input, maximum(n, eps))


# ----------------------------------------------------------------------------- losses
_REDUCTIONS = ("mean", "sum", "none")


def _check_reduction(reduction, op):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{op}', 'reduction' must be one of {_REDUCTIONS}, but got {reduction!r}.")


def _reduce(loss, reduction):
    if reduction == "mean":
        return mean(loss)
    if reduction == "sum":
        return sum(loss)
    return loss


def _check_float(t, name, op):
    if kind_of(t._data.dtype) != "f":
        raise TypeError(f"For '{op}', the '{name}' must be a float tensor (Float16, Float32 or Float64), "
                        f"but got {t.dtype}.")


def _to_shape(t, shape, dtype, name, op):
    """``t`` (Tensor, number or None) cast to ``dtype`` and broadcast to ``shape``."""
    if t is None:
        return P.fill(shape, 1, dtype)
    t = _tensor(t, name, op)
    t = P.cast(t, dtype)
    if t._data.shape == shape:
        return t
    try:
        target = shapes.broadcast_shapes(t.shape, shape)
    except ValueError:
        target = None
    if target != shape:
        raise ValueError(f"For '{op}', the '{name}' of shape {t.shape} cannot be broadcast to the input "
                         f"shape {shape}.")
    return P.broadcast_to(t, shape)


def _binary_targets(input, target, reduction, op):
    """Validated (input, target) of a binary cross-entropy: float tensors of one shape."""
    x = input if isinstance(input, Tensor) else _tensor(input, "input", op)
    y = target if isinstance(target, Tensor) else _tensor(target, "target", op)
    if kind_of(x._data.dtype) != "f" or kind_of(y._data.dtype) != "f":
        _check_float(x, "input", op)
        _check_float(y, "target", op)
    if reduction not in _REDUCTIONS:
        _check_reduction(reduction, op)
    if x._data.shape != y._data.shape:
        raise ValueError(f"For '{op}', the input shape {x.shape} and target shape {y.shape} must be equal.")
    return x, y


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction='mean'):
    op = "binary_cross_entropy_with_logits"
    x, y = _binary_targets(input, target, reduction, op)
    data = x._data
    dt, shape = data.dtype, data.shape
    if y._data.dtype != dt:
        y = P.cast(y, dt)
    # (the common case, weights of the input's shape and dtype, without the checks' function calls)
    w = weight if type(weight) is Tensor and weight._data.shape == shape and weight._data.dtype == dt \
        else _to_shape(weight, shape, dt, "weight", op)
    pw = pos_weight if type(pos_weight) is Tensor and pos_weight._data.shape == shape and \
        pos_weight._data.dtype == dt else _to_shape(pos_weight, shape, dt, "pos_weight", op)
    return P.bce_with_logits(x, y, w, pw, reduction)


def binary_cross_entropy(input, target, weight=None, reduction='mean'):
    op = "binary_cross_entropy"
    x, y = _binary_targets(input, target, reduction, op)
    dt = x._data.dtype
    # MindSpore's kernel: logs of max(p, 1e-12), so probabilities of exactly 0 or 1 give a finite loss and
    # gradient (x = 1, y = 0 gives 27.631021, not PyTorch's 100)
    loss = P.binary_cross_entropy(x, P.cast(y, dt), _to_shape(weight, x.shape, dt, "weight", op))
    return _reduce(loss, reduction)


def _class_targets(x, target, op, class_axis=1):
    """Validate integer class targets for inputs (N, C, ...) or (C,)."""
    if kind_of(target._data.dtype) not in "iu":
        raise TypeError(f"For '{op}', class-index targets must be an integer tensor, but got {target.dtype}.")
    expected = x.shape[:1] + x.shape[2:] if x.ndim > 1 else ()
    if target.shape != expected:
        raise ValueError(f"For '{op}', the target shape {target.shape} does not match the input shape "
                         f"{x.shape}: expected {expected}.")


def _nll(logp, target, weight, ignore_index, reduction, label_smoothing, op):
    """Negative log-likelihood of class indices on log-probabilities ``logp`` of shape (N, C, ...) or (C,) (one
    sample: its unreduced loss is 0-d, as in MindSpore)."""
    one_sample = logp.ndim == 1
    if one_sample:
        logp = reshape(logp, (1,) + logp.shape)
        target = reshape(target, (1,))
    c = logp.shape[1]
    dt = logp._data.dtype
    target = P.check_labels(target, c, ignore_index, op)
    valid = P.not_equal(target, P.const(ignore_index, target))
    safe = P.where(valid, target, P.zeros_like(target))
    # the class weights are differentiable (MindSpore gives them a gradient, the mean's denominator included)
    w = P.fill((c,), 1, dt) if weight is None else P.cast(_tensor(weight, "weight", op), dt)
    if w.shape != (c,):
        raise ValueRuntimeError(f"For '{op}', the weight must have shape ({c},), but got {w.shape}.")
    valid_t = P.cast(valid, dt)
    w_target = mul(P.gather(w, safe, 0), valid_t)
    picked = P.take_along_axis(logp, reshape(safe, safe.shape[:1] + (1,) + safe.shape[1:]), 1)
    picked = reshape(picked, safe.shape)
    loss = P.neg(mul(picked, w_target))
    if label_smoothing:
        w_b = P.broadcast_to(reshape(w, (1, c) + (1,) * (logp.ndim - 2)), logp.shape)
        smooth = P.neg(sum(mul(logp, w_b), 1))
        smooth = mul(smooth, valid_t)
        loss = add(mul(loss, 1.0 - label_smoothing), mul(smooth, label_smoothing / c))
    if reduction == "none":
        return reshape(loss, ()) if one_sample else loss
    total = sum(loss)
    if reduction == "sum":
        return total
    return _mean_over(total, sum(w_target))


def _mean_over(total, count):
    """``total / count``; with nothing counted (every label ignored) the mean is NaN and its gradient 0, as in
    MindSpore (a plain division would send 0 * inf = NaN back)."""
    empty = P.equal(count, P.const(0, count))
    safe = P.where(empty, P.ones_like(count), count)
    return P.where(empty, P.full_like(count, float("nan")), div(total, safe))


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
    """Cross-entropy of logits (N, C, ...) against class indices (N, ...) or class probabilities."""
    op = "cross_entropy"
    if not isinstance(target, Tensor):     # MindSpore 2.10 refuses a NumPy array or list target too
        raise TypeError(f"For '{op}', the 'target' must be a Tensor, but got {type(target).__name__}.")
    x, y = _tensor(input, "input", op), _tensor(target, "target", op)
    _check_float(x, "input", op)
    _check_reduction(reduction, op)
    if not 0 <= _real(label_smoothing, "label_smoothing", op) <= 1:
        # (MindSpore 2.10 computes a meaningless loss for 2.0)
        raise ValueError(f"For '{op}', label_smoothing must be in [0, 1], but got {label_smoothing}.")
    if x.ndim == 0:
        raise ValueError(f"For '{op}', the input must hold class scores of shape (C,) or (N, C, ...), but got a "
                         f"0-d tensor (shape ()).")
    if kind_of(y._data.dtype) == "b":
        raise TypeError(f"For '{op}', the target must hold class indices (int) or probabilities (float), but got "
                        f"{y.dtype}.")
    class_axis = 1 if x.ndim > 1 else 0
    if kind_of(y._data.dtype) == "f":      # class probabilities
        logp = P.log_softmax(x, class_axis)
        if y.shape != x.shape:
            raise ValueError(f"For '{op}', probability targets must have the input shape {x.shape}, "
                             f"but got {y.shape}.")
        y = P.cast(y, x._data.dtype)
        c = x.shape[class_axis]
        if label_smoothing:
            y = add(mul(y, 1.0 - label_smoothing), label_smoothing / c)
        prod = mul(logp, y)
        if weight is not None:
            w = _tensor(weight, "weight", op)
            shape = (c,) + (1,) * (x.ndim - class_axis - 1)
            prod = mul(prod, reshape(P.cast(w, x._data.dtype), shape))
        loss = P.neg(sum(prod, class_axis))
        if reduction == "mean":
            n = x.size // c
            return div(sum(loss), float(n))
        return _reduce(loss, reduction)
    _class_targets(x, y, op)
    if x.ndim == 2 and weight is None and not label_smoothing and kind_of(y._data.dtype) in "iu":
        # the common case (the tutorial's), as one fused kernel; class indices are checked in range first (also
        # when a compiled graph runs)
        return P.softmax_cross_entropy(x, P.check_labels(y, x.shape[1], ignore_index, op), ignore_index, reduction)
    return _nll(P.log_softmax(x, class_axis), y, weight, ignore_index, reduction, label_smoothing, op)


def nll_loss(inputs, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
    op = "nll_loss"
    x, y = _tensor(inputs, "inputs", op), _tensor(target, "target", op)
    if kind_of(x._data.dtype) in "iub":
        x = P.cast(x, mstype.float32.np_dtype)      # integer log-probabilities are computed in Float32 (MindSpore)
    _check_float(x, "inputs", op)
    _check_reduction(reduction, op)
    if x.ndim == 0:
        raise ValueError(f"For '{op}', the input must hold log-probabilities of shape (C,) or (N, C, ...), but got "
                         f"a 0-d tensor (shape ()).")
    _class_targets(x, y, op)
    return _nll(x, y, weight, ignore_index, reduction, label_smoothing, op)


def _pair(input, target, op, ints=True):
    """``ints``: integer inputs are computed in Float32 (MindSpore's mse_loss and huber_loss give Float32; its
    l1_loss keeps Int32 and truncates the mean, which minispore does not copy)."""
    x, y = _coerce(_tensor(input, "input", op), _tensor(target, "target", op), op)
    if kind_of(x._data.dtype) in "iu" and ints:
        x, y = P.cast(x, mstype.float32.np_dtype), P.cast(y, mstype.float32.np_dtype)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the input must be a float tensor, but got {x.dtype}.")
    try:
        shape = shapes.broadcast_shapes(x.shape, y.shape)
    except ValueError:
        raise ValueError(f"For '{op}', the input shape {x.shape} and target shape {y.shape} cannot be "
                         f"broadcast together.") from None
    return x, y, shape


def mse_loss(input, target, reduction='mean'):
    _check_reduction(reduction, "mse_loss")
    x, y, _ = _pair(input, target, "mse_loss")
    return _reduce(square(sub(x, y)), reduction)


def l1_loss(input, target, reduction='mean'):
    _check_reduction(reduction, "l1_loss")
    x, y, _ = _pair(input, target, "l1_loss")
    return _reduce(abs(sub(x, y)), reduction)


def smooth_l1_loss(input, target, beta=1.0, reduction='none'):
    _check_reduction(reduction, "smooth_l1_loss")
    if _real(beta, "beta", "smooth_l1_loss") <= 0:
        # (MindSpore: RuntimeError)
        raise ValueRuntimeError(f"For 'smooth_l1_loss', 'beta' must be positive, but got {beta}.")
    x, y, _ = _pair(input, target, "smooth_l1_loss", ints=False)   # (MindSpore has no integer kernel)
    d = abs(sub(x, y))
    loss = where(P.less(d, P.const(beta, d)), div(mul(square(d), 0.5), beta),
                 sub(d, 0.5 * beta))
    return _reduce(loss, reduction)


def huber_loss(input, target, reduction='mean', delta=1.0):
    _check_reduction(reduction, "huber_loss")
    if _real(delta, "delta", "huber_loss") <= 0:
        raise ValueError(f"For 'huber_loss', 'delta' must be positive, but got {delta}.")
    x, y, _ = _pair(input, target, "huber_loss")
    d = abs(sub(x, y))
    loss = where(P.less(d, P.const(delta, d)), mul(square(d), 0.5),
                 mul(sub(d, 0.5 * delta), delta))
    return _reduce(loss, reduction)


def kl_div(logits, labels, reduction='mean', log_target=False):
    _check_reduction(reduction if reduction != "batchmean" else "mean", "kl_div")
    x, y = _float(logits, "kl_div"), _float(labels, "kl_div")
    _broadcastable("kl_div", x, y)
    loss = mul(exp(y), sub(y, x)) if log_target else \
        where(P.greater(y, P.zeros_like(y)), mul(y, sub(log(where(P.greater(y, P.zeros_like(y)), y,
                                                                     P.ones_like(y))), x)), P.zeros_like(y))
    if reduction == "batchmean":
        return div(sum(loss), float(x.shape[0]))
    return _reduce(loss, reduction)


def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    """``sum(x1 * x2) / sqrt(max(|x1|^2 * |x2|^2, eps^2))`` over ``dim`` (MindSpore's formula): finite, with finite
    gradients, when a vector is zero."""
    a, b = _float(x1, "cosine_similarity"), _float(x2, "cosine_similarity")
    _broadcastable("cosine_similarity", a, b)
    _axis(dim, min(a.ndim, b.ndim), "cosine_similarity", strict=True)
    _real(eps, "eps", "cosine_similarity")
    num = sum(mul(a, b), dim)
    return div(num, P.sqrt(clamp(mul(sum(square(a), dim), sum(square(b), dim)), eps * eps)))


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]


# MindSpore keeps the functional attention at mindspore.ops.function.nn_func.multi_head_attention_forward
from .attention_func import multi_head_attention_forward  # noqa: E402,F401
