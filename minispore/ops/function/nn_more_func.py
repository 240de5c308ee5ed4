"""More of MindSpore's ``mindspore.ops`` neural-network functions: the margin losses ``soft_margin_loss``,
``multilabel_margin_loss``, ``triplet_margin_loss``, the power-average pools ``lp_pool1d``/``lp_pool2d``, the
unpools ``max_unpool1d/2d/3d``, local response normalisation ``lrn``, the bilinear layer ``bidense``,
``clip_by_global_norm`` and the randomised leaky ReLU ``rrelu``, with MindSpore 2.10's signatures and defaults.

Each is a short composition of existing ops (no array library named here), so its gradients are those of the ops.
"""
import numbers

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from . import array_func as _A
from . import conv_func as _C
from . import math_func as _M
from . import nn_func as _N
from . import random_func as _R

_REDUCTIONS = ("mean", "sum", "none")


def _tensor(x, op, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _float_tensor(x, op, name="input"):
    _tensor(x, op, name)
    if getattr(x.dtype, 'kind', None) != 'f':
        raise TypeError(f"For '{op}', the '{name}' must be a float Tensor, but got {x.dtype}.")
    return x


def _reduction(reduction, op):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{op}', the 'reduction' must be in ['mean', 'sum', 'none'], but got {reduction!r}.")


def _reduce(loss, reduction):
    if reduction == "mean":
        return _M.mean(loss)
    if reduction == "sum":
        return _M.sum(loss)
    return loss


def _is_number(v):
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


# ---------------------------------------------------------------------------------------------------- losses
def soft_margin_loss(input, target, reduction='mean'):
    """``log(1 + exp(-target * input))``, reduced."""
    op = "soft_margin_loss"
    x, y = _float_tensor(input, op), _tensor(target, op, "target")
    _reduction(reduction, op)
    if tuple(x.shape) != tuple(y.shape):
        raise ValueError(f"For '{op}', the shape of 'input' and 'target' must be the same, but got {x.shape} and "
                         f"{y.shape}.")
    z = _M.neg(_M.mul(_A.cast(y, x.dtype), x))
    # log(1 + exp(z)) written stably: max(z, 0) + log(1 + exp(-|z|))
    loss = _M.add(_M.maximum(z, _A.zeros_like(z)), _M.log1p(_M.exp(_M.neg(_M.abs(z)))))
    return _reduce(loss, reduction)


def multilabel_margin_loss(input, target, reduction='mean'):
    """``sum_{j, i} max(0, 1 - (x[y[j]] - x[i])) / C`` per sample, over the target classes ``y[j]`` (up to the
    first ``-1``) and the classes ``i`` that are not targets."""
    op = "multilabel_margin_loss"
    x, y = _float_tensor(input, op), _tensor(target, op, "target")
    _reduction(reduction, op)
    if x.ndim not in (1, 2) or tuple(x.shape) != tuple(y.shape):
        raise ValueError(f"For '{op}', 'input' must be 1-D (C,) or 2-D (N, C) and 'target' of the same shape, but "
                         f"got {tuple(x.shape)} and {tuple(y.shape)}.")
    if getattr(y.dtype, 'kind', None) not in ('i', 'u'):
        raise TypeError(f"For '{op}', the 'target' must be an int Tensor, but got {y.dtype}.")
    squeeze = x.ndim == 1
    if squeeze:
        x, y = _A.expand_dims(x, 0), _A.expand_dims(y, 0)
    c = x.shape[1]
    yi = _A.cast(y, mstype.int32)
    valid = _A.cast(_M.cumprod(_A.cast(_M.ge(yi, 0), mstype.int32), 1), x.dtype)               # (N, J)
    hot = _M.mul(_A.one_hot(_M.maximum(yi, _A.zeros_like(yi)), c, Tensor(1.0, x.dtype), Tensor(0.0, x.dtype)),
                 _A.expand_dims(valid, 2))                                                     # (N, J, C)
    picked = _M.sum(_M.mul(hot, _A.expand_dims(x, 1)), 2)                                      # (N, J)
    is_target = _M.amax(hot, 1)                                                                # (N, C)
    terms = _N.relu(_M.add(_M.sub(1.0, _A.expand_dims(picked, 2)), _A.expand_dims(x, 1)))     # (N, J, C)
    terms = _M.mul(_M.mul(terms, _A.expand_dims(valid, 2)), _A.expand_dims(_M.sub(1.0, is_target), 1))
    loss = _M.div(_M.sum(terms, (1, 2)), c)
    if squeeze and reduction == "none":
        loss = _A.squeeze(loss, 0)
    return _reduce(loss, reduction)


def _pairwise_distance(a, b, p, eps):
    return _M.pow(_M.sum(_M.pow(_M.abs(_M.add(_M.sub(a, b), eps)), p), -1), 1.0 / p)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, reduction='mean'):
    """``max(d(a, p) - d(a, n) + margin, 0)`` with ``d(x, y) = ||x - y + eps||_p`` over the last axis; ``swap``
    takes ``min(d(a, n), d(p, n))``."""
    op = "triplet_margin_loss"
    a = _float_tensor(anchor, op, "anchor")
    pos, neg = _tensor(positive, op, "positive"), _tensor(negative, op, "negative")
    _reduction(reduction, op)
    if not _is_number(margin):
        raise TypeError(f"For '{op}', the 'margin' must be a float, but got {type(margin).__name__}.")
    if not isinstance(p, int) or isinstance(p, bool):
        raise TypeError(f"For '{op}', the 'p' must be an int, but got {type(p).__name__}.")
    if not isinstance(swap, bool):
        raise TypeError(f"For '{op}', the 'swap' must be a bool, but got {type(swap).__name__}.")
    if tuple(a.shape) != tuple(pos.shape) or tuple(a.shape) != tuple(neg.shape) or a.ndim < 2:
        raise ValueError(f"For '{op}', 'anchor', 'positive' and 'negative' must have the same shape of rank >= 2, "
                         f"but got {a.shape}, {pos.shape} and {neg.shape}.")
    d_ap = _pairwise_distance(a, pos, p, eps)
    d_an = _pairwise_distance(a, neg, p, eps)
    if swap:
        d_an = _M.minimum(d_an, _pairwise_distance(pos, neg, p, eps))
    loss = _N.relu(_M.add(_M.sub(d_ap, d_an), float(margin)))
    return _reduce(loss, reduction)


# ---------------------------------------------------------------------------------------------------- pooling
def _lp_pool(op, nd, x, norm_type, kernel_size, stride, ceil_mode):
    if not _is_number(norm_type):
        raise TypeError(f"For {op}, the type of 'norm_type' must be float or int, but got {type(norm_type)}")
    norm_type = float(norm_type)
    if norm_type == 0:
        raise ValueError(f"For {op}, the value of 'norm_type' can not be 0.")
    _float_tensor(x, op, "x")
    kernel = _C.int_tuple(kernel_size, nd, "kernel_size", op)
    stride = kernel if stride is None else stride
    pool = _C.avg_pool1d if nd == 1 else _C.avg_pool2d
    out = pool(_M.pow(x, norm_type), kernel, stride, 0, ceil_mode)
    size = 1
    for k in kernel:
        size *= k
    # sum of x**p over each window (the average times the window size), its sign kept, then the p-th root
    out = _M.mul(_M.mul(_M.sign(out), _N.relu(_M.abs(out))), float(size))
    return _M.pow(out, 1.0 / norm_type)


def lp_pool1d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    """``(sum over each window of x ** norm_type) ** (1 / norm_type)`` over the last axis of (N, C, L) or (C, L)."""
    return _lp_pool("lp_pool1d", 1, x, norm_type, kernel_size, stride, ceil_mode)


def lp_pool2d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    """``(sum over each window of x ** norm_type) ** (1 / norm_type)`` over the last two axes of (N, C, H, W)."""
    return _lp_pool("lp_pool2d", 2, x, norm_type, kernel_size, stride, ceil_mode)


def _max_unpool(op, nd, x, indices, kernel_size, stride, padding, output_size):
    _float_tensor(x, op, "x")
    _tensor(indices, op, "indices")
    if x.ndim not in (nd + 1, nd + 2) or tuple(indices.shape) != tuple(x.shape):
        raise ValueError(f"For '{op}', 'x' must be {nd + 1}-D or {nd + 2}-D and 'indices' of the same shape, but "
                         f"got {tuple(x.shape)} and {tuple(indices.shape)}.")
    if getattr(indices.dtype, 'kind', None) not in ('i', 'u'):
        raise TypeError(f"For '{op}', the 'indices' must be an int Tensor, but got {indices.dtype}.")
    kernel = _C.int_tuple(kernel_size, nd, "kernel_size", op)
    stride = kernel if stride is None or stride == 0 else _C.int_tuple(stride, nd, "stride", op)
    pads = _C.int_tuple(padding, nd, "padding", op, low=0)
    spatial = tuple(x.shape[-nd:])
    sizes = tuple((s - 1) * st - 2 * p + k for s, st, p, k in zip(spatial, stride, pads, kernel))
    if output_size is not None and len(output_size) > 0:
        want = tuple(int(v) for v in output_size)[-nd:]
        for w, s, st in zip(want, sizes, stride):
            if not s - st < w < s + st:
                raise ValueError(f"For '{op}', the 'output_size' {tuple(output_size)} is out of the valid range "
                                 f"around the default size {sizes} (within one stride).")
        sizes = want
    lead = tuple(x.shape[:-nd])
    total = 1
    for s in sizes:
        total *= s
    flat_x = _A.reshape(x, lead + (-1,))
    flat_i = _A.cast(_A.reshape(indices, lead + (-1,)), mstype.int32)
    out = _A.tensor_scatter_elements(_A.zeros(lead + (total,), x.dtype), flat_i, flat_x, axis=-1)
    return _A.reshape(out, lead + sizes)


def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of ``max_pool1d``: each value of ``x`` written at its flat ``indices`` of a zero output."""
    return _max_unpool("max_unpool1d", 1, x, indices, kernel_size, stride, padding, output_size)


def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of ``max_pool2d``: each value of ``x`` written at its flat ``indices`` of a zero output."""
    return _max_unpool("max_unpool2d", 2, x, indices, kernel_size, stride, padding, output_size)


def max_unpool3d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of ``max_pool3d``: each value of ``x`` written at its flat ``indices`` of a zero output."""
    return _max_unpool("max_unpool3d", 3, x, indices, kernel_size, stride, padding, output_size)


# ---------------------------------------------------------------------------------------------------- layers
def lrn(x, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region='ACROSS_CHANNELS'):
    """Local response normalisation over channels of (N, C, H, W):
    ``x / (bias + alpha * sum_{|c' - c| <= depth_radius} x[c'] ** 2) ** beta``."""
    op = "LRN"
    if not isinstance(depth_radius, int) or isinstance(depth_radius, bool) or depth_radius < 0:
        raise ValueError(f"For '{op}', the 'depth_radius' must be a non-negative int, but got {depth_radius!r}.")
    for name, v in (("bias", bias), ("alpha", alpha), ("beta", beta)):
        if not isinstance(v, float):
            raise TypeError(f"For '{op}', the '{name}' must be a float, but got {type(v).__name__}.")
    if norm_region != "ACROSS_CHANNELS":
        raise ValueError(f"For '{op}', the 'norm_region' must be 'ACROSS_CHANNELS', but got {norm_region!r}.")
    _float_tensor(x, op, "x")
    if x.ndim != 4:
        raise ValueError(f"For '{op}', the 'x' must be 4-D (N, C, H, W), but got shape {tuple(x.shape)}.")
    c = x.shape[1]
    sq = _A.pad(_M.square(x), (0, 0, 0, 0, depth_radius, depth_radius))
    total = sq[:, 0:c]
    for k in range(1, 2 * depth_radius + 1):
        total = _M.add(total, sq[:, k:k + c])
    return _M.div(x, _M.pow(_M.add(_M.mul(total, alpha), bias), beta))


def bidense(input1, input2, weight, bias=None):
    """The bilinear map ``y[..., o] = sum_ij input1[..., i] * weight[o, i, j] * input2[..., j] + bias[o]``."""
    op = "bidense"
    x1, x2, w = _tensor(input1, op, "input1"), _tensor(input2, op, "input2"), _tensor(weight, op, "weight")
    if w.ndim != 3 or tuple(x1.shape[:-1]) != tuple(x2.shape[:-1]) or x1.shape[-1] != w.shape[1] \
            or x2.shape[-1] != w.shape[2]:
        raise ValueError(f"For '{op}', 'input1' (..., in1), 'input2' (..., in2) and 'weight' (out, in1, in2) do not "
                         f"match: got {tuple(x1.shape)}, {tuple(x2.shape)} and {tuple(w.shape)}.")
    out_c, in1, in2 = w.shape
    lead = tuple(x1.shape[:-1])
    a = _A.reshape(x1, (-1, in1))
    b = _A.reshape(x2, (-1, in2))
    t = _A.matmul(a, _A.reshape(_A.transpose(w, (1, 0, 2)), (in1, out_c * in2)))    # (B, out * in2)
    y = _M.sum(_M.mul(_A.reshape(t, (-1, out_c, in2)), _A.expand_dims(b, 1)), 2)
    if bias is not None:
        y = _M.add(y, _tensor(bias, op, "bias"))
    return _A.reshape(y, lead + (out_c,))


def clip_by_global_norm(x, clip_norm=1.0, use_norm=None):
    """Each tensor of ``x`` times ``clip_norm / max(global_norm, clip_norm)``, ``global_norm`` the 2-norm of all."""
    op = "clip_by_global_norm"
    if not isinstance(x, (tuple, list)) or not x:
        raise TypeError(f"For '{op}', the 'x' must be a non-empty tuple or list of Tensors, but got "
                        f"{type(x).__name__}.")
    for i, t in enumerate(x):
        _float_tensor(t, op, f"x[{i}]")
    if not _is_number(clip_norm) or clip_norm <= 0:
        raise ValueError(f"For '{op}', the 'clip_norm' must be a positive number, but got {clip_norm!r}.")
    if use_norm is not None:
        raise ValueError(f"For '{op}', 'use_norm' must be None (MindSpore 2.10 supports no other value).")
    total = None
    for t in x:
        s = _M.sum(_M.square(_A.cast(t, mstype.float32)))
        total = s if total is None else _M.add(total, s)
    norm = _M.sqrt(total)
    scale = _M.div(float(clip_norm), _M.maximum(norm, Tensor(float(clip_norm), mstype.float32)))
    return tuple(_M.mul(t, _A.cast(scale, t.dtype)) for t in x)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3):
    """``x`` where ``x >= 0``, else ``a * x`` with ``a`` drawn from ``U(lower, upper)`` for each element."""
    op = "rrelu"
    if not _is_number(upper):
        raise TypeError(f"For '{op}', 'upper' must be an int or a float, but got {type(upper)}")
    if not _is_number(lower):
        raise TypeError(f"For '{op}', 'lower' must be an int or a float, but got {type(lower)}")
    if lower > upper:
        raise ValueError(f"For '{op}', the value of 'upper' must be greater than or equal to 'lower', but got "
                         f"upper: {upper}, lower: {lower}.")
    x = _float_tensor(input, op)
    slope = _A.cast(_R.uniform(tuple(x.shape), Tensor(float(lower), mstype.float32),
                               Tensor(float(upper), mstype.float32)), x.dtype)
    return _A.where(_M.ge(x, 0), x, _M.mul(x, slope))


# ---------------------------------------------------------------------------------------------------- CTC
_NEG = -1e30        # "log 0" inside the recursion: finite, so that no gradient meets inf * 0


def _ctc(op, log_probs, targets, input_lengths, target_lengths, blank, zero_infinity):
    """Per-sample CTC negative log-likelihoods (N,) and the log-alphas (N, T, 2S + 1) (-inf where unreachable)."""
    from .. import function as F
    lp = _float_tensor(log_probs, op, "log_probs")
    for n, t in (("targets", targets), ("input_lengths", input_lengths), ("target_lengths", target_lengths)):
        _tensor(t, op, n)
    if lp.ndim != 3 or targets.ndim != 2 or targets.shape[0] != lp.shape[1] or \
            tuple(input_lengths.shape) != (lp.shape[1],) or tuple(target_lengths.shape) != (lp.shape[1],):
        raise ValueError(f"For '{op}', 'log_probs' must be (T, N, C), 'targets' (N, S) and the lengths (N,), but "
                         f"got {tuple(lp.shape)}, {tuple(targets.shape)}, {tuple(input_lengths.shape)} and "
                         f"{tuple(target_lengths.shape)}.")
    if not isinstance(blank, int) or isinstance(blank, bool) or not 0 <= blank < lp.shape[2]:
        raise ValueError(f"For '{op}', the 'blank' must be an int in [0, {lp.shape[2]}), but got {blank!r}.")
    T, N, _ = lp.shape
    S = targets.shape[1]
    L = 2 * S + 1
    tg = F.cast(targets, mstype.int32)
    il = F.cast(input_lengths, mstype.int32)
    tl = F.cast(target_lengths, mstype.int32)
    blanks = F.full((N, S), blank, dtype=mstype.int32)
    ext = F.concat([F.reshape(F.stack([blanks, tg], 2), (N, 2 * S)), F.full((N, 1), blank, dtype=mstype.int32)], 1)
    pos = F.reshape(F.arange(0, L, dtype=mstype.int32), (1, L))
    in_label = F.le(pos, F.expand_dims(F.mul(tl, 2), 1))                                  # s <= 2 * len
    if S > 1:
        skip = F.logical_and(F.ne(ext[:, 2:], ext[:, :-2]), F.ne(ext[:, 2:], blank))
        skip = F.concat([F.zeros((N, 2), mstype.bool_), skip], 1)
    else:
        skip = F.zeros((N, L), mstype.bool_)
    neg = F.full((N, L), _NEG, dtype=lp.dtype)
    neg1 = F.full((N, 1), _NEG, dtype=lp.dtype)
    neg2 = F.full((N, 2), _NEG, dtype=lp.dtype)
    start = F.lt(pos, 2)
    alpha = None
    alphas = []
    for t in range(T):
        emit = F.where(in_label, F.gather_elements(lp[t], 1, ext), neg)
        if alpha is None:
            new = F.where(F.broadcast_to(start, (N, L)), emit, neg)
        else:
            a1 = F.concat([neg1, alpha[:, :-1]], 1)
            a2 = F.where(skip, F.concat([neg2, alpha[:, :-2]], 1), neg)
            top = F.stop_gradient(F.maximum(F.maximum(alpha, a1), a2))
            new = F.add(F.add(F.log(F.add(F.add(F.exp(F.sub(alpha, top)), F.exp(F.sub(a1, top))),
                                          F.exp(F.sub(a2, top)))), top), emit)
        live = F.expand_dims(F.lt(t, il), 1)
        alphas.append(F.where(F.broadcast_to(live, (N, L)), new, neg))
        alpha = new if alpha is None else F.where(F.broadcast_to(live, (N, L)), new, alpha)
    last = F.expand_dims(F.mul(tl, 2), 1)
    end1 = F.gather_elements(alpha, 1, last)
    end2 = F.where(F.gt(last, 0), F.gather_elements(alpha, 1, F.maximum(F.sub(last, 1), 0)),
                   F.full((N, 1), _NEG, dtype=lp.dtype))
    top = F.stop_gradient(F.maximum(end1, end2))
    nll = F.neg(F.squeeze(F.add(F.log(F.add(F.exp(F.sub(end1, top)), F.exp(F.sub(end2, top)))), top), 1))
    # MindSpore's (and PyTorch's) CTC gradient with respect to log_probs is exp(log_probs) - posterior, the
    # derivative through a log_softmax, not that of the loss alone (-posterior): the extra exp(log_probs) term is
    # added here with a zero value, over the time steps t < input_length of each sample
    steps = F.reshape(F.arange(0, T, dtype=mstype.int32), (T, 1))
    valid = F.cast(F.lt(steps, F.reshape(il, (1, N))), lp.dtype)                              # (T, N)
    p = F.exp(lp)
    extra = F.sum(F.mul(F.sub(p, F.stop_gradient(p)), F.expand_dims(valid, 2)), (0, 2))
    impossible = F.ge(nll, -_NEG / 10)
    inf = F.full((N,), float("inf"), dtype=lp.dtype)
    nll = F.where(impossible, F.zeros_like(nll) if zero_infinity else inf, F.add(nll, extra))
    log_alpha = F.stack(alphas, 1)
    log_alpha = F.where(F.le(log_alpha, _NEG / 10), F.full(tuple(log_alpha.shape), float("-inf"),
                                                             dtype=lp.dtype), log_alpha)
    return nll, log_alpha, tl


def _ctc_reduce(nll, tl, reduction, op):
    from .. import function as F
    _reduction(reduction, op)
    if reduction == "mean":
        return F.mean(F.div(nll, F.cast(F.maximum(tl, 1), nll.dtype)))
    if reduction == "sum":
        return F.sum(nll)
    return nll


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction='mean', zero_infinity=False):
    """The connectionist temporal classification loss of ``log_probs`` (T, N, C) against ``targets`` (N, S):
    ``(loss, log_alpha)``, ``loss`` reduced (``'mean'``: of each sample's loss over its target length),
    ``log_alpha`` (N, T, 2S + 1) the forward variables."""
    nll, log_alpha, tl = _ctc("ctc_loss", log_probs, targets, input_lengths, target_lengths, blank, zero_infinity)
    return _ctc_reduce(nll, tl, reduction, "ctc_loss"), log_alpha


def ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True):
    """Greedy CTC decoding of ``inputs`` (T, N, C) (the blank is the last class): per sample the best class of each
    of its ``sequence_length`` steps, repeats merged (``merge_repeated``), blanks removed. Returns MindSpore's sparse
    form ``(decoded_indices (K, 2), decoded_values (K,), decoded_shape (2,), log_probability (N, 1))``, the
    indices and values Int64, ``log_probability`` minus the sum of each step's best score. The output size depends
    on the values, so it is computed eagerly."""
    from .. import function as F
    op = "ctc_greedy_decoder"
    x = _float_tensor(inputs, op, "inputs")
    _tensor(sequence_length, op, "sequence_length")
    if x.ndim != 3 or tuple(sequence_length.shape) != (x.shape[1],):
        raise ValueError(f"For '{op}', 'inputs' must be 3-D (T, N, C) and 'sequence_length' (N,), but got "
                         f"{tuple(x.shape)} and {tuple(sequence_length.shape)}.")
    T, N, C = x.shape
    lengths = [int(v) for v in sequence_length.asnumpy().tolist()]
    if any(v < 0 or v > T for v in lengths):
        raise ValueError(f"For '{op}', every 'sequence_length' must be in [0, {T}], but got {lengths}.")
    best = F.argmax(x, -1).asnumpy().tolist()                                                # (T, N)
    steps = F.reshape(F.arange(0, T, dtype=mstype.int32), (T, 1))
    live = F.cast(F.lt(steps, F.reshape(F.cast(sequence_length, mstype.int32), (1, N))), x.dtype)
    log_prob = F.neg(F.sum(F.mul(F.amax(x, -1), live), 0, True))                             # (1, N)
    indices, values, longest = [], [], 0
    for n in range(N):
        out, prev = [], None
        for t in range(lengths[n]):
            c = best[t][n]
            if c != C - 1 and not (merge_repeated and c == prev):
                out.append(c)
            prev = c
        indices.extend([n, j] for j in range(len(out)))
        values.extend(out)
        longest = max(longest, len(out))
    idx = Tensor(indices, mstype.int64) if indices else F.zeros((0, 2), mstype.int64)
    vals = Tensor(values, mstype.int64) if values else F.zeros((0,), mstype.int64)
    return idx, vals, Tensor([N, longest], mstype.int64), F.transpose(log_prob, (1, 0))


__all__ = ["soft_margin_loss", "multilabel_margin_loss", "triplet_margin_loss", "lp_pool1d", "lp_pool2d",
           "max_unpool1d", "max_unpool2d", "max_unpool3d", "lrn", "bidense", "clip_by_global_norm", "rrelu",
           "ctc_loss", "ctc_greedy_decoder"]
