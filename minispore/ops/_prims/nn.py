"""Fused neural-network kernels of the training hot path: softmax, dense, and the cross-entropies.

Each fast kernel's gradient is a primitive of its own whose rules are written with other primitives (Chainer's
``_SoftmaxGrad`` pattern): fast NumPy code both ways, and derivatives of any order.
"""
import math

from ..._core import backend
from ._base import NONDIFF, Primitive, bind, const, same, xp
from .elementwise import _sigmoid_impl, add, div, exp, log, maximum, mul, neg, sigmoid, softplus, sub
from .reduce import mean, sum_
from .shape import broadcast_to, reshape, transpose
from .linalg import matmul
from ..._core.dtype import kind_of


def _keep_sum(t, axis):
    return broadcast_to(sum_(t, (axis,), True), t._data.shape)


# ----------------------------------------------------------------------------- softmax
def _softmax_impl(x, axis):
    e = xp.exp(x - xp.maximum.reduce(x, axis=axis, keepdims=True))
    e /= xp.add.reduce(e, axis=axis, keepdims=True)
    return e


def _log_softmax_impl(x, axis):
    shifted = x - xp.maximum.reduce(x, axis=axis, keepdims=True)
    return shifted - xp.log(xp.add.reduce(xp.exp(shifted), axis=axis, keepdims=True))


softmax_p = Primitive("Softmax", _softmax_impl, 1, same)
log_softmax_p = Primitive("LogSoftmax", _log_softmax_impl, 1, same)


def softmax(x, axis):
    return bind(softmax_p, x, axis=axis)


def log_softmax(x, axis):
    return bind(log_softmax_p, x, axis=axis)


softmax_p.def_vjp(lambda dout, out, x, axis: mul(out, sub(dout, _keep_sum(mul(dout, out), axis))))
log_softmax_p.def_vjp(lambda dout, out, x, axis: sub(dout, mul(exp(out), _keep_sum(dout, axis))))


# ----------------------------------------------------------------------------- binary cross-entropy on logits
def _same_shapes(name):
    def abstract(x, *others):
        for o in others:
            if tuple(o.shape) != tuple(x.shape):
                raise ValueError(f"For '{name}', every input must have the shape {tuple(x.shape)}, but got "
                                 f"{tuple(o.shape)}.")
        return x.shape, x.dtype
    return abstract


def _reduced(loss, w, reduction, dtype):
    """``loss * w``, summed or averaged (one dot product) unless ``reduction`` is 'none'."""
    if reduction == "none":
        loss *= w
        return loss
    total = xp.dot(loss, w) if loss.ndim == 1 else xp.dot(loss.reshape(-1), w.reshape(-1))
    if reduction == "sum":
        return backend.asarray(total, dtype)
    return backend.asarray(total / dtype.type(loss.size), dtype)


def _per_element(dout, shape, reduction):
    """The factor each element's derivative is multiplied by: ``dout`` itself, or (0-d) divided by the count for a
    mean."""
    if reduction == "mean":
        n = math.prod(shape)
        return dout / dout.dtype.type(n) if n else dout
    return dout


def _spread_impl(dout, shape, reduction):
    """A reduced loss's cotangent as one value per element (divided by the count for a mean)."""
    out = backend.xp.empty(shape, dout.dtype)
    xp.copyto(out, _per_element(dout, shape, reduction))
    return out


def _bce_logits_impl(x, y, w, pw, reduction):
    # -w * (pw * y * log(sigmoid(x)) + (1 - y) * log(1 - sigmoid(x)))
    #   = w * ((1 - y) * x + (1 + (pw - 1) * y) * softplus(-x)), softplus(-x) = logaddexp(0, -x): few array passes
    zero, one = _ZERO_ONE[x.dtype]
    loss = (one - y) * x
    loss += (one + (pw - one) * y) * xp.logaddexp(zero, -x)
    return _reduced(loss, w, reduction, x.dtype)


class _ZeroOne(dict):
    """dtype -> (0, 1) as that dtype's scalars (made once: a kernel on small arrays notices the difference)."""
    def __missing__(self, dtype):
        self[dtype] = pair = (dtype.type(0), dtype.type(1))
        return pair


_ZERO_ONE = _ZeroOne()


def _bce_abstract(x, *others, reduction):
    for o in others:
        if tuple(o.shape) != tuple(x.shape):
            raise ValueError(f"For 'BCEWithLogits', every input must have the shape {tuple(x.shape)}, but got "
                             f"{tuple(o.shape)}.")
    return (x.shape if reduction == "none" else ()), x.dtype


bce_logits_p = Primitive("BCEWithLogits", _bce_logits_impl, 4, _bce_abstract)


def bce_with_logits(x, y, w, pw, reduction="none"):
    """Binary cross-entropy on logits (all four arguments share one shape), reduced by 'none', 'mean' or 'sum'
    in the same kernel (MindSpore's BCEWithLogitsLoss)."""
    return bind(bce_logits_p, x, y, w, pw, reduction=reduction)


def _bce_dx_impl(dout, x, y, w, pw, reduction):
    # dout * w * ((1 + (pw - 1) * y) * sigmoid(x) - pw * y)
    one = _ZERO_ONE[x.dtype][1]
    s = _sigmoid_impl(x)
    s *= one + (pw - one) * y
    s -= pw * y
    s *= w
    s *= dout
    if reduction == "mean" and s.size:
        s *= 1.0 / s.size       # (in place: an operation on the 0-d dout would cost as much)
    return s


def _bce_dx_abstract(dout, x, *others, reduction):
    return x.shape, x.dtype


bce_dx_p = Primitive("BCEWithLogitsGrad", _bce_dx_impl, 5, _bce_dx_abstract)

spread_p = Primitive("SpreadLoss", _spread_impl, 1, lambda dout, shape, reduction: (tuple(shape), dout.dtype))


def _spread(dout, like, reduction):
    return dout if reduction == "none" else bind(spread_p, dout, shape=like._data.shape, reduction=reduction)


def _unspread(g, reduction):
    """The adjoint of ``_spread``: the sum (or mean) of per-element cotangents."""
    if reduction == "none":
        return g
    return (sum_ if reduction == "sum" else mean)(g, None, False)


spread_p.def_vjp(lambda g, out, dout, shape, reduction: _unspread(g, reduction))


def _bce_dx(dout, out, x, y, w, pw, reduction):
    return bind(bce_dx_p, dout, x, y, w, pw, reduction=reduction)


def _bce_parts(x, y, pw):
    one = const(1, x)
    s = sigmoid(x)
    return one, s, add(one, mul(sub(pw, one), y))  # 1, sigmoid(x), 1 + (pw - 1) * y


def _bce_dx_ddout(g, out, dout, x, y, w, pw, reduction):
    return _unspread(bind(bce_dx_p, g, x, y, w, pw, reduction="none"), reduction)


def _bce_dx_ddx(g, out, dout, x, y, w, pw, reduction):
    one, s, scale = _bce_parts(x, y, pw)
    return mul(g, mul(_spread(dout, x, reduction), mul(w, mul(scale, mul(s, sub(one, s))))))


def _bce_dx_ddy(g, out, dout, x, y, w, pw, reduction):
    one, s, _ = _bce_parts(x, y, pw)
    return mul(g, mul(_spread(dout, x, reduction), mul(w, sub(mul(s, sub(pw, one)), pw))))


def _bce_dx_ddw(g, out, dout, x, y, w, pw, reduction):
    one, s, scale = _bce_parts(x, y, pw)
    return mul(g, mul(_spread(dout, x, reduction), sub(mul(scale, s), mul(pw, y))))


def _bce_dx_ddpw(g, out, dout, x, y, w, pw, reduction):
    one, s, _ = _bce_parts(x, y, pw)
    return mul(g, mul(_spread(dout, x, reduction), mul(w, mul(y, sub(s, one)))))


bce_dx_p.def_vjp(_bce_dx_ddout, _bce_dx_ddx, _bce_dx_ddy, _bce_dx_ddw, _bce_dx_ddpw)


def _bce_dy(dout, out, x, y, w, pw, reduction):
    log_sig = neg(softplus(neg(x)))
    return neg(mul(_spread(dout, x, reduction), mul(w, sub(mul(pw, log_sig), sub(log_sig, x)))))


# MindSpore's BCEWithLogits bprop returns zeros for weight and pos_weight
bce_logits_p.def_vjp(_bce_dx, _bce_dy, NONDIFF, NONDIFF)


# ----------------------------------------------------------------------------- binary cross-entropy on probabilities
_BCE_EPS = 1e-12


def _bce_impl(x, y, w):
    # MindSpore's BinaryCrossEntropy kernel: the logs are taken of max(p, 1e-12)
    eps = backend.asarray(_BCE_EPS, x.dtype)
    loss = -w * (y * xp.log(xp.maximum(x, eps)) + (1 - y) * xp.log(xp.maximum(1 - x, eps)))
    return loss.astype(x.dtype, copy=False)


bce_p = Primitive("BinaryCrossEntropy", _bce_impl, 3, _same_shapes("BinaryCrossEntropy"))


def binary_cross_entropy(x, y, w):
    """Elementwise binary cross-entropy on probabilities; all three arguments share one shape."""
    return bind(bce_p, x, y, w)


def _bce_prob_dx(dout, out, x, y, w):
    # MindSpore's BinaryCrossEntropyGrad: w * (x - y) / max(x * (1 - x), eps), finite at x = 0 and x = 1
    denom = maximum(mul(x, sub(const(1, x), x)), const(_BCE_EPS, x))
    return mul(dout, div(mul(w, sub(x, y)), denom))


def _bce_prob_dy(dout, out, x, y, w):
    eps = const(_BCE_EPS, x)
    log_p = log(maximum(x, eps))
    log_q = log(maximum(sub(const(1, x), x), eps))
    return neg(mul(dout, mul(w, sub(log_p, log_q))))


# MindSpore's BinaryCrossEntropy bprop returns zeros for the weight
bce_p.def_vjp(_bce_prob_dx, _bce_prob_dy, NONDIFF)


# ----------------------------------------------------------------------------- dense
def _dense_impl(x, w, b):
    dt = x.dtype
    if dt.itemsize == 2 and kind_of(dt) != "i" and kind_of(dt) != "u":
        # float16 / bfloat16: accumulate in float32 and round once (see linalg._matmul_impl)
        out = xp.matmul(x.astype(xp.float32), w.T.astype(xp.float32))
        out += b
        return out.astype(dt)
    out = xp.matmul(x, w.T)
    out += b
    return out


def _dense_abstract(x, w, b):
    if len(x.shape) != 2 or len(w.shape) != 2 or x.shape[1] != w.shape[1] or tuple(b.shape) != (w.shape[0],):
        raise ValueError(f"For 'Dense', expected x (N, in), weight (out, in) and bias (out,), but got "
                         f"{tuple(x.shape)}, {tuple(w.shape)} and {tuple(b.shape)}.")
    return (x.shape[0], w.shape[0]), x.dtype


dense_p = Primitive("Dense", _dense_impl, 3, _dense_abstract)


def dense(x, w, b):
    """``x @ w.T + b`` for 2-D ``x`` (N, in), ``w`` (out, in), ``b`` (out,), in one kernel."""
    return bind(dense_p, x, w, b)


dense_p.def_vjp(lambda dout, out, x, w, b: matmul(dout, w),
                lambda dout, out, x, w, b: matmul(transpose(dout, (1, 0)), x),
                lambda dout, out, x, w, b: sum_(dout, (0,), False))


# ----------------------------------------------------------------------------- softmax cross-entropy on class indices
def _class_mask_impl(target, num_classes, ignore_index, dtype):
    """One-hot rows of ``target`` (N,) over ``num_classes``, all-zero rows where target == ignore_index."""
    return (target[:, None] == xp.arange(num_classes)).astype(dtype) * (target != ignore_index)[:, None]


class_mask_p = Primitive("OneHotMask", _class_mask_impl, 1,
                         lambda target, num_classes, ignore_index, dtype: ((target.shape[0], num_classes), dtype))
class_mask_p.def_vjp(NONDIFF)


def _ce_parts(x, target, ignore_index):
    """softmax(x), the class mask and the per-row validity (N, 1), all as x's dtype."""
    dtype = x._data.dtype
    mask = bind(class_mask_p, target, num_classes=x._data.shape[1], ignore_index=ignore_index, dtype=dtype)
    valid = sum_(mask, (1,), True)
    return softmax(x, 1), mask, valid


def _valid_count(valid, dtype):
    # every label ignored: the mean is 0 / 0 = nan, as in MindSpore (and the gradient is 0)
    return dtype.type(int(valid.sum()))


def _ce_impl(x, target, ignore_index, reduction):
    logp = _log_softmax_impl(x, 1)
    valid = target != ignore_index
    safe = xp.where(valid, target, 0)
    loss = -logp[xp.arange(x.shape[0]), safe] * valid
    if reduction == "none":
        return loss.astype(x.dtype, copy=False)
    total = loss.sum(dtype=x.dtype)
    if reduction == "sum":
        return total
    return backend.asarray(total / _valid_count(valid, x.dtype), x.dtype)


def _ce_abstract(x, target, ignore_index, reduction):
    if len(x.shape) != 2 or tuple(target.shape) != (x.shape[0],):
        raise ValueError(f"For 'SparseSoftmaxCrossEntropy', expected logits (N, C) and targets (N,), but got "
                         f"{tuple(x.shape)} and {tuple(target.shape)}.")
    return ((x.shape[0],) if reduction == "none" else ()), x.dtype


softmax_ce_p = Primitive("SparseSoftmaxCrossEntropy", _ce_impl, 2, _ce_abstract)


def softmax_cross_entropy(x, target, ignore_index=-100, reduction="mean"):
    """Cross-entropy of logits ``x`` (N, C) against integer classes ``target`` (N,) (already checked to be in
    range), one kernel each way."""
    return bind(softmax_ce_p, x, target, ignore_index=ignore_index, reduction=reduction)


def _ce_grad_impl(dout, x, target, ignore_index, reduction):
    e = _softmax_impl(x, 1)
    valid = (target != ignore_index)
    e *= valid[:, None]
    e[xp.arange(x.shape[0]), xp.where(valid, target, 0)] -= valid
    if reduction == "none":
        e *= dout[:, None]
    elif reduction == "sum":
        e *= dout
    else:
        count = _valid_count(valid, x.dtype)
        if count:
            e *= dout / count
    return e


softmax_ce_grad_p = Primitive("SparseSoftmaxCrossEntropyGrad", _ce_grad_impl, 3,
                              lambda dout, x, target, ignore_index, reduction: (x.shape, x.dtype))


def _ce_count(valid):
    return maximum(sum_(valid, None, False), const(1, valid))


def _ce_scale(dout, valid, reduction, like):
    """The factor multiplying (softmax - onehot) row by row, broadcast to ``like``'s shape."""
    if reduction == "none":
        return broadcast_to(reshape(dout, dout._data.shape + (1,)), like._data.shape)
    if reduction == "sum":
        return broadcast_to(reshape(dout, (1, 1)), like._data.shape)
    return broadcast_to(reshape(div(dout, _ce_count(valid)), (1, 1)), like._data.shape)


def _ce_grad_ddout(g, out, dout, x, target, ignore_index, reduction):
    s, mask, valid = _ce_parts(x, target, ignore_index)
    direction = sub(mul(s, broadcast_to(valid, s._data.shape)), mask)
    per_row = sum_(mul(g, direction), (1,), False)
    if reduction == "none":
        return per_row
    total = sum_(per_row, None, False)
    if reduction == "sum":
        return total
    return div(total, _ce_count(valid))


def _ce_grad_dx(g, out, dout, x, target, ignore_index, reduction):
    s, mask, valid = _ce_parts(x, target, ignore_index)
    u = mul(g, mul(_ce_scale(dout, valid, reduction, x), broadcast_to(valid, s._data.shape)))
    return mul(s, sub(u, _keep_sum(mul(u, s), 1)))


softmax_ce_p.def_vjp(lambda dout, out, x, target, ignore_index, reduction:
                     bind(softmax_ce_grad_p, dout, x, target, ignore_index=ignore_index, reduction=reduction),
                     NONDIFF)
softmax_ce_grad_p.def_vjp(_ce_grad_ddout, _ce_grad_dx, NONDIFF)
