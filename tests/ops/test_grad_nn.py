"""Gradients of softmax, activations, dropout, dense and every loss with every reduction and option; and the forward
values of every activation and loss against independent NumPy/SciPy references of MindSpore's definitions."""
import numpy as np
import pytest
import numpy_reference as sp   # NumPy/stdlib formulas: SciPy is an optional extra

from forward_check import FLOAT_DTYPES, as_f64, assert_forward
from minispore import Tensor, ops
from util import T, check_dtypes, check_grads

rng = np.random.default_rng(0)
# values away from the kinks at 0, +-1, +-3, 6 and 20
X = (rng.uniform(0.2, 0.8, (3, 4)) + rng.integers(-5, 5, (3, 4))) * 1.1

ACTIVATIONS = {
    "relu": ops.relu,
    "relu6": lambda x: ops.relu6(x * 2),
    "leaky_relu": ops.leaky_relu,
    "leaky_relu_big_alpha": lambda x: ops.leaky_relu(x, 2.0),
    "elu": ops.elu,
    "elu_alpha": lambda x: ops.elu(x, 0.5),
    "selu": ops.selu,
    "celu": lambda x: ops.celu(x, 0.7),
    "gelu": ops.gelu,
    "gelu_tanh": lambda x: ops.gelu(x, approximate="tanh"),
    "fast_gelu": ops.fast_gelu,
    "sigmoid": ops.sigmoid,
    "silu": ops.silu,
    "mish": ops.mish,
    "softplus": ops.softplus,
    "softplus_beta": lambda x: ops.softplus(x, beta=2, threshold=5),
    "softplus_threshold": lambda x: ops.softplus(x * 10),
    "softsign": ops.softsign,
    "hardtanh": ops.hardtanh,
    "hardtanh_range": lambda x: ops.hardtanh(x, -2.0, 3.0),
    "hardsigmoid": ops.hardsigmoid,
    "hardswish": ops.hardswish,
    "tanhshrink": ops.tanhshrink,
    "tanh": ops.tanh,
    "softmax": ops.softmax,
    "softmax_axis0": lambda x: ops.softmax(x, 0),
    "softmax_tuple_axis": lambda x: ops.softmax(x, (-2,)),
    "log_softmax": ops.log_softmax,
    "log_softmax_axis0": lambda x: ops.log_softmax(x, 0),
    "softmin": ops.softmin,
    "glu": ops.glu,
    "glu_axis0": lambda x: ops.glu(x[:2], 0),
    "normalize": lambda x: ops.normalize(x, dim=1),
    "normalize_p1": lambda x: ops.normalize(x, 1.0, 0),
    "dropout_eval": lambda x: ops.dropout(x, 0.5, training=False),
    "dropout_p0": lambda x: ops.dropout(x, 0.0),
}


# ----------------------------------------------------------------------------- independent forward references
# NumPy/SciPy formulas of MindSpore's documented definitions, never minispore: the gradient checks compare an op
# with its own finite differences, so only these catch a wrong forward formula (a wrong fast_gelu coefficient).
SELU_ALPHA, SELU_SCALE = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946


def _elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def _softplus(x, beta=1.0, threshold=20.0):
    # MindSpore: log(1 + exp(beta x)) / beta, and x itself where beta x > threshold
    bx = beta * x
    return np.where(bx > threshold, x, np.logaddexp(0, bx) / beta)


def _glu(x, axis=-1):
    a, b = np.split(x, 2, axis)
    return a * sp.expit(b)


def _normalize(x, p, axis, eps=1e-12):
    n = np.sum(np.abs(x) ** p, axis, keepdims=True) ** (1.0 / p)
    return x / np.maximum(n, eps)


ACTIVATIONS_REFERENCE = {
    "relu": lambda x: np.maximum(x, 0),
    "relu6": lambda x: np.clip(2 * x, 0, 6),
    "leaky_relu": lambda x: np.where(x >= 0, x, 0.2 * x),                 # MindSpore's default alpha is 0.2
    "leaky_relu_big_alpha": lambda x: np.where(x >= 0, x, 2.0 * x),
    "elu": _elu,
    "elu_alpha": lambda x: _elu(x, 0.5),
    "selu": lambda x: SELU_SCALE * _elu(x, SELU_ALPHA),
    "celu": lambda x: np.maximum(0, x) + np.minimum(0, 0.7 * np.expm1(x / 0.7)),
    "gelu": lambda x: 0.5 * x * (1 + sp.erf(x / np.sqrt(2))),
    "gelu_tanh": lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))),
    # MindSpore's documented FastGeLU: x / (1 + exp(-1.702 |x|)) * exp(0.851 (x - |x|))
    "fast_gelu": lambda x: x / (1 + np.exp(-1.702 * np.abs(x))) * np.exp(0.851 * (x - np.abs(x))),
    "sigmoid": sp.expit,
    "silu": lambda x: x * sp.expit(x),
    "mish": lambda x: x * np.tanh(np.logaddexp(0, x)),
    "softplus": _softplus,
    "softplus_beta": lambda x: _softplus(x, 2.0, 5.0),
    "softplus_threshold": lambda x: _softplus(10 * x),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "hardtanh": lambda x: np.clip(x, -1, 1),
    "hardtanh_range": lambda x: np.clip(x, -2, 3),
    "hardsigmoid": lambda x: np.clip(x / 6 + 0.5, 0, 1),
    "hardswish": lambda x: x * np.clip(x + 3, 0, 6) / 6,
    "tanhshrink": lambda x: x - np.tanh(x),
    "tanh": np.tanh,
    "softmax": lambda x: sp.softmax(x, -1),
    "softmax_axis0": lambda x: sp.softmax(x, 0),
    "softmax_tuple_axis": lambda x: sp.softmax(x, -2),
    "log_softmax": lambda x: sp.log_softmax(x, -1),
    "log_softmax_axis0": lambda x: sp.log_softmax(x, 0),
    "softmin": lambda x: sp.softmax(-x, -1),
    "glu": _glu,
    "glu_axis0": lambda x: _glu(x[:2], 0),
    "normalize": lambda x: _normalize(x, 2.0, 1),
    "normalize_p1": lambda x: _normalize(x, 1.0, 0),
    "dropout_eval": lambda x: x,
    "dropout_p0": lambda x: x,
}

# X and a wider input with larger values (exp overflows float32 beyond 88: the stable formulations are checked)
ACTIVATION_INPUTS = {"X": X, "wide": np.linspace(-100, 100, 48).reshape(6, 8) + 0.05}


def test_every_activation_has_a_reference():
    assert sorted(ACTIVATIONS_REFERENCE) == sorted(ACTIVATIONS), \
        f"missing: {sorted(set(ACTIVATIONS) - set(ACTIVATIONS_REFERENCE))}, " \
        f"stale: {sorted(set(ACTIVATIONS_REFERENCE) - set(ACTIVATIONS))}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("data", sorted(ACTIVATION_INPUTS))
@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_values(name, data, dtype):
    x = ACTIVATION_INPUTS[data].astype(dtype)
    assert_forward(ACTIVATIONS[name](T(x, dtype)), ACTIVATIONS_REFERENCE[name](as_f64(x)), dtype,
                   what=f"{name} of {data}")


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation(name):
    check_grads(ACTIVATIONS[name], [X], order=2)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_dtypes(name):
    check_dtypes(ACTIVATIONS[name], [X])


@pytest.mark.parametrize("name", ["relu", "gelu", "softmax", "log_softmax", "mish", "elu", "softplus"])
def test_activation_third_order(name):
    check_grads(ACTIVATIONS[name], [X[:2, :3]], order=3, modes=("rev",))


def test_dropout_identity_and_training():
    x = T(X)
    assert ops.dropout(x, 0.5, training=False) is x
    np.testing.assert_array_equal(ops.dropout(x, 0.0).asnumpy(), X)
    # training: the gradient is the (scaled) mask that the forward pass used
    out, pullback = ops.vjp(lambda t: ops.dropout(t, 0.5, seed=3), x)
    (g,) = pullback(ops.ones_like(out))
    kept = out.asnumpy() != 0
    np.testing.assert_allclose(g.asnumpy(), np.where(kept, 2.0, 0.0))


def test_activation_kinks():
    # MindSpore 2.10's values at the kinks
    def g(f, v):
        return ops.grad(lambda t: f(t).sum())(T(v)).asnumpy()
    np.testing.assert_allclose(g(ops.relu6, [0.0, 3.0, 6.0, 7.0]), [0, 1, 1, 0])          # MindSpore: [0 1 1 0]
    np.testing.assert_allclose(g(ops.leaky_relu, [-1.0, 0.0, 1.0]), [0.2, 0.6, 1])        # MindSpore: [.2 .6 1]
    np.testing.assert_allclose(g(lambda t: ops.leaky_relu(t, 2.0), [-1.0, 0.0, 1.0]), [2, 1.5, 1])  # [2 1.5 1]
    np.testing.assert_allclose(g(ops.elu, [-1.0, 0.0, 1.0]), [np.exp(-1), 1, 1])         # MindSpore: [.368 1 1]
    np.testing.assert_allclose(g(ops.hardtanh, [-1.0, 0.5, 1.0, 2.0]), [0.5, 1, 0.5, 0])  # [.5 1 .5 0]
    np.testing.assert_allclose(g(ops.hardsigmoid, [-3.0, 0.0, 3.0]), [0, 1 / 6, 0])      # [0 .1667 0]
    np.testing.assert_allclose(g(ops.hardswish, [-3.0, 0.0, 3.0]), [-0.5, 0.5, 1.5])     # [-.5 .5 1.5]
    np.testing.assert_allclose(g(ops.softplus, [25.0, 0.0]), [1, 0.5])                  # [1 .5]
    # MindSpore's selu gives -0.117 at -1 (its SeluGrad is wrong there); we give the true 0.6468
    np.testing.assert_allclose(g(ops.selu, [0.0, 1.0]), [1.0507009873554805] * 2)        # MindSpore: [1.0507 1.0507]


def test_dense():
    r = np.random.default_rng(1)
    x, w, b = r.standard_normal((5, 3)), r.standard_normal((4, 3)), r.standard_normal((4,))
    check_grads(ops.dense, [x, w, b], order=2)
    check_grads(lambda x, w: ops.dense(x, w), [x, w], order=2)
    check_grads(ops.dense, [x[0], w, b], order=1)
    check_grads(ops.dense, [r.standard_normal((2, 5, 3)), w, b], order=1)
    check_dtypes(ops.dense, [x, w, b])


def test_cosine_similarity():
    r = np.random.default_rng(2)
    check_grads(ops.cosine_similarity, [r.standard_normal((3, 4)), r.standard_normal((3, 4))], order=2)
    check_grads(lambda a, b: ops.cosine_similarity(a, b, 0), [r.standard_normal((3, 4)), r.standard_normal((1, 4))],
                order=1)


# ----------------------------------------------------------------------------- losses
REDUCTIONS = ["mean", "sum", "none"]
r = np.random.default_rng(3)
LOGITS = r.standard_normal((4, 5))
LOGITS_3D = r.standard_normal((2, 5, 3))
LABELS = np.array([1, 0, 4, 2])
LABELS_IGNORE = np.array([1, -100, 4, 2])
LABELS_3D = np.array([[0, 4, 1], [2, 2, 3]])
PROBS = r.dirichlet(np.ones(5), 4)
CLASS_W = r.uniform(0.5, 2.0, 5)
PRED = r.uniform(0.1, 0.9, (4, 3))
TARGET01 = r.uniform(0, 1, (4, 3))
REG_TARGET = PRED + r.choice([-1, 1], (4, 3)) * r.uniform(0.2, 2.0, (4, 3))

LOSSES = {
    "cross_entropy": (lambda x, red: ops.cross_entropy(x, Tensor(LABELS), reduction=red), [LOGITS]),
    "cross_entropy_weight": (lambda x, w, red: ops.cross_entropy(x, Tensor(LABELS), w, reduction=red),
                             [LOGITS, CLASS_W]),
    "cross_entropy_ignore": (lambda x, red: ops.cross_entropy(x, Tensor(LABELS_IGNORE), reduction=red), [LOGITS]),
    "cross_entropy_ignore_index": (lambda x, red: ops.cross_entropy(x, Tensor(LABELS), ignore_index=4,
                                                                     reduction=red), [LOGITS]),
    "cross_entropy_smoothing": (lambda x, red: ops.cross_entropy(x, Tensor(LABELS), reduction=red,
                                                                  label_smoothing=0.2), [LOGITS]),
    "cross_entropy_smoothing_weight": (lambda x, red: ops.cross_entropy(
        x, Tensor(LABELS_IGNORE), T(CLASS_W), reduction=red, label_smoothing=0.3), [LOGITS]),
    "cross_entropy_3d": (lambda x, red: ops.cross_entropy(x, Tensor(LABELS_3D), reduction=red), [LOGITS_3D]),
    "cross_entropy_1d": (lambda x, red: ops.cross_entropy(x, Tensor(np.array(3)), reduction=red), [LOGITS[0]]),
    "cross_entropy_probs": (lambda x, y, red: ops.cross_entropy(x, y, reduction=red), [LOGITS, PROBS]),
    "cross_entropy_probs_weight_smooth": (lambda x, y, red: ops.cross_entropy(
        x, y, T(CLASS_W), reduction=red, label_smoothing=0.1), [LOGITS, PROBS]),
    "nll_loss": (lambda x, red: ops.nll_loss(x, Tensor(LABELS), reduction=red), [LOGITS]),
    "nll_loss_weight_ignore": (lambda x, red: ops.nll_loss(x, Tensor(LABELS_IGNORE), T(CLASS_W),
                                                           reduction=red), [LOGITS]),
    "nll_loss_smoothing": (lambda x, red: ops.nll_loss(x, Tensor(LABELS), reduction=red, label_smoothing=0.2),
                           [LOGITS]),
    "nll_loss_3d": (lambda x, red: ops.nll_loss(x, Tensor(LABELS_3D), reduction=red), [LOGITS_3D]),
    "bce": (lambda x, y, red: ops.binary_cross_entropy(x, y, reduction=red), [PRED, TARGET01]),
    "bce_weight": (lambda x, y, red: ops.binary_cross_entropy(x, y, T(TARGET01 + 0.5), reduction=red),
                   [PRED, TARGET01]),
    "bce_weight_broadcast": (lambda x, y, red: ops.binary_cross_entropy(x, y, T(CLASS_W[:3]), reduction=red),
                             [PRED, TARGET01]),
    "bce_logits": (lambda x, y, red: ops.binary_cross_entropy_with_logits(x, y, reduction=red),
                   [LOGITS, PROBS]),
    "bce_logits_weight_pos": (lambda x, y, red: ops.binary_cross_entropy_with_logits(
        x, y, T(PROBS + 0.5), T(CLASS_W), reduction=red), [LOGITS, PROBS]),
    "bce_logits_pos_weight_only": (lambda x, y, red: ops.binary_cross_entropy_with_logits(
        x, y, pos_weight=T(CLASS_W), reduction=red), [LOGITS, PROBS]),
    "mse": (lambda x, y, red: ops.mse_loss(x, y, reduction=red), [PRED, REG_TARGET]),
    "mse_broadcast": (lambda x, y, red: ops.mse_loss(x, y, reduction=red), [PRED, REG_TARGET[0]]),
    "l1": (lambda x, y, red: ops.l1_loss(x, y, reduction=red), [PRED, REG_TARGET]),
    "smooth_l1": (lambda x, y, red: ops.smooth_l1_loss(x, y, reduction=red), [PRED, REG_TARGET]),
    "smooth_l1_beta": (lambda x, y, red: ops.smooth_l1_loss(x, y, beta=0.5, reduction=red), [PRED, REG_TARGET]),
    "huber": (lambda x, y, red: ops.huber_loss(x, y, reduction=red), [PRED, REG_TARGET]),
    "huber_delta": (lambda x, y, red: ops.huber_loss(x, y, red, delta=0.7), [PRED, REG_TARGET]),
    "kl_div": (lambda x, y, red: ops.kl_div(x, y, reduction=red), [LOGITS, PROBS]),
    "kl_div_log_target": (lambda x, y, red: ops.kl_div(x, y, reduction=red, log_target=True),
                          [LOGITS, np.log(PROBS)]),
}


# NumPy references of the losses as MindSpore documents (and, for the class-index cross-entropy, implements in
# ops.nll_loss) them
def _reduce_ref(loss, reduction):
    return {"mean": np.mean, "sum": np.sum, "none": lambda v: v}[reduction](loss)


def nll_reference(logp, labels, weight=None, ignore_index=-100, reduction="mean", smoothing=0.0):
    """MindSpore's nll_loss on log-probabilities (N, C, ...) or (C,): the loss of sample n is
    -w[y_n] logp[n, y_n] ((1 - s) of it, plus s / C of -sum_c w_c logp[n, c] with label smoothing s), 0 where y_n is
    ignore_index; 'mean' divides the sum by the sum of w[y_n] over the samples that are not ignored.  A 1-D input
    is one sample and gives a 0-d loss for 'none' too (the class dimension is squeezed away)."""
    labels = np.asarray(labels)
    one = logp.ndim == 1
    if one:
        logp, labels = logp[None], labels[None]
    c = logp.shape[1]
    w = np.ones(c) if weight is None else np.asarray(weight, np.float64)
    valid = labels != ignore_index
    safe = np.where(valid, labels, 0)
    picked = np.squeeze(np.take_along_axis(logp, safe[:, None], 1), 1)
    w_n = w[safe] * valid
    loss = -picked * w_n
    if smoothing:
        smooth = -np.sum(logp * w.reshape((1, c) + (1,) * (logp.ndim - 2)), 1) * valid
        loss = (1 - smoothing) * loss + smoothing / c * smooth
    if reduction == "none":
        return loss[0] if one else loss
    return loss.sum() if reduction == "sum" else loss.sum() / w_n.sum()


def ce_reference(x, labels, weight=None, ignore_index=-100, reduction="mean", smoothing=0.0):
    return nll_reference(sp.log_softmax(x, 0 if x.ndim == 1 else 1), labels, weight, ignore_index, reduction,
                         smoothing)


def ce_probs_reference(x, y, weight=None, reduction="mean", smoothing=0.0):
    """Class-probability targets: -sum_c w_c y'_c log softmax(x)_c with y' = (1 - s) y + s / C; 'mean' divides by
    the number of samples (not by the weights)."""
    c = x.shape[1]
    y = (1 - smoothing) * y + smoothing / c
    w = np.ones(c) if weight is None else weight
    loss = -np.sum(sp.log_softmax(x, 1) * y * w, 1)
    return loss.sum() / (x.size / c) if reduction == "mean" else _reduce_ref(loss, reduction)


def bce_reference(p, y, weight=None, reduction="mean"):
    # MindSpore's kernel takes the logs of max(p, 1e-12)
    w = 1.0 if weight is None else weight
    loss = -w * (y * np.log(np.maximum(p, 1e-12)) + (1 - y) * np.log(np.maximum(1 - p, 1e-12)))
    return _reduce_ref(loss, reduction)


def bce_logits_reference(x, y, weight=None, pos_weight=None, reduction="mean"):
    w = 1.0 if weight is None else weight
    pw = 1.0 if pos_weight is None else pos_weight
    loss = -w * (pw * y * sp.log_expit(x) + (1 - y) * sp.log_expit(-x))
    return _reduce_ref(loss, reduction)


def smooth_l1_reference(x, y, beta=1.0, reduction="none"):
    d = np.abs(x - y)
    return _reduce_ref(np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta), reduction)


def huber_reference(x, y, reduction="mean", delta=1.0):
    d = np.abs(x - y)
    return _reduce_ref(np.where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta)), reduction)


def kl_div_reference(x, y, reduction="mean", log_target=False):
    loss = np.exp(y) * (y - x) if log_target else np.where(y > 0, y * (np.log(np.where(y > 0, y, 1)) - x), 0)
    if reduction == "batchmean":
        return loss.sum() / x.shape[0]
    return _reduce_ref(loss, reduction)


LOSSES_REFERENCE = {
    "cross_entropy": lambda x, red: ce_reference(x, LABELS, reduction=red),
    "cross_entropy_weight": lambda x, w, red: ce_reference(x, LABELS, w, reduction=red),
    "cross_entropy_ignore": lambda x, red: ce_reference(x, LABELS_IGNORE, reduction=red),
    "cross_entropy_ignore_index": lambda x, red: ce_reference(x, LABELS, ignore_index=4, reduction=red),
    "cross_entropy_smoothing": lambda x, red: ce_reference(x, LABELS, reduction=red, smoothing=0.2),
    "cross_entropy_smoothing_weight": lambda x, red: ce_reference(x, LABELS_IGNORE, CLASS_W, reduction=red,
                                                                  smoothing=0.3),
    "cross_entropy_3d": lambda x, red: ce_reference(x, LABELS_3D, reduction=red),
    "cross_entropy_1d": lambda x, red: ce_reference(x, np.array(3), reduction=red),
    "cross_entropy_probs": lambda x, y, red: ce_probs_reference(x, y, reduction=red),
    "cross_entropy_probs_weight_smooth": lambda x, y, red: ce_probs_reference(x, y, CLASS_W, red, 0.1),
    "nll_loss": lambda x, red: nll_reference(x, LABELS, reduction=red),
    "nll_loss_weight_ignore": lambda x, red: nll_reference(x, LABELS_IGNORE, CLASS_W, reduction=red),
    "nll_loss_smoothing": lambda x, red: nll_reference(x, LABELS, reduction=red, smoothing=0.2),
    "nll_loss_3d": lambda x, red: nll_reference(x, LABELS_3D, reduction=red),
    "bce": lambda x, y, red: bce_reference(x, y, reduction=red),
    "bce_weight": lambda x, y, red: bce_reference(x, y, TARGET01 + 0.5, red),
    "bce_weight_broadcast": lambda x, y, red: bce_reference(x, y, CLASS_W[:3], red),
    "bce_logits": lambda x, y, red: bce_logits_reference(x, y, reduction=red),
    "bce_logits_weight_pos": lambda x, y, red: bce_logits_reference(x, y, PROBS + 0.5, CLASS_W, red),
    "bce_logits_pos_weight_only": lambda x, y, red: bce_logits_reference(x, y, pos_weight=CLASS_W, reduction=red),
    "mse": lambda x, y, red: _reduce_ref((x - y) ** 2, red),
    "mse_broadcast": lambda x, y, red: _reduce_ref((x - y) ** 2, red),
    "l1": lambda x, y, red: _reduce_ref(np.abs(x - y), red),
    "smooth_l1": lambda x, y, red: smooth_l1_reference(x, y, reduction=red),
    "smooth_l1_beta": lambda x, y, red: smooth_l1_reference(x, y, 0.5, red),
    "huber": lambda x, y, red: huber_reference(x, y, red),
    "huber_delta": lambda x, y, red: huber_reference(x, y, red, 0.7),
    "kl_div": lambda x, y, red: kl_div_reference(x, y, red),
    "kl_div_log_target": lambda x, y, red: kl_div_reference(x, y, red, log_target=True),
}


def test_every_loss_has_a_reference():
    assert sorted(LOSSES_REFERENCE) == sorted(LOSSES), \
        f"missing: {sorted(set(LOSSES) - set(LOSSES_REFERENCE))}, stale: {sorted(set(LOSSES_REFERENCE) - set(LOSSES))}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_values(name, reduction, dtype):
    fn, args = LOSSES[name]
    xs = [np.asarray(a, dtype) for a in args]
    expected = LOSSES_REFERENCE[name](*[as_f64(a) for a in xs], reduction)
    assert_forward(fn(*[T(a, dtype) for a in xs], reduction), expected, dtype, what=f"{name}({reduction})")


@pytest.mark.parametrize("op", [ops.cross_entropy, lambda x, y, reduction: ops.nll_loss(ops.log_softmax(x, 0), y,
                                                                                         reduction=reduction)],
                         ids=["cross_entropy", "nll_loss"])
def test_loss_of_one_sample_without_reduction_is_0d(op):
    # MindSpore's nll_loss (which cross_entropy calls for class indices) takes a 1-D input as one sample: the target
    # is unsqueezed to (1,), gathered along dim 0 and squeezed back, so reduction='none' gives a 0-d loss
    x = LOGITS[0]
    out = op(T(x), Tensor(np.array(3)), reduction="none")
    assert_forward(out, np.array(-sp.log_softmax(x, 0)[3]), np.float64)


def test_kl_div_batchmean_value():
    assert_forward(ops.kl_div(T(LOGITS), T(PROBS), reduction="batchmean"),
                   kl_div_reference(LOGITS, PROBS, "batchmean"), np.float64)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss(name, reduction):
    fn, args = LOSSES[name]
    check_grads(lambda *xs: fn(*xs, reduction), args, order=2 if reduction == "mean" else 1)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_dtypes(name):
    fn, args = LOSSES[name]
    check_dtypes(lambda *xs: fn(*xs, "mean"), args)


def test_kl_div_batchmean():
    check_grads(lambda x, y: ops.kl_div(x, y, reduction="batchmean"), [LOGITS, PROBS], order=2)


def test_bce_at_the_boundaries():
    # MindSpore 2.10: log(max(p, 1e-12)), so loss 27.631021 at p=1, y=0, and grad (x-y)/max(x(1-x), 1e-12)
    x, y = T([1.0, 0.0, 0.3], np.float32), T([0.0, 1.0, 0.5], np.float32)
    np.testing.assert_allclose(ops.binary_cross_entropy(x, y, reduction="none").asnumpy(),
                               [27.631021, 27.631021, 0.78032386], rtol=1e-6)
    g = ops.grad(lambda t: ops.binary_cross_entropy(t, T([1.0, 0.0, 0.5], np.float32), reduction="sum"))(x)
    np.testing.assert_allclose(g.asnumpy(), [0.0, 0.0, -0.95238084], rtol=1e-6)   # MindSpore: [0 0 -0.952381]


def test_loss_weight_gradients():
    # MindSpore 2.10: class weights of cross_entropy / nll_loss get a gradient; the weights of the binary
    # cross-entropies (and pos_weight) get zeros
    w = T(CLASS_W)
    gw = ops.grad(lambda ww: ops.cross_entropy(T(LOGITS), Tensor(LABELS_IGNORE), ww, label_smoothing=0.2), 0)(w)
    assert np.abs(gw.asnumpy()).sum() > 0
    wb = T(np.broadcast_to(CLASS_W, (4, 5)).copy())
    g = ops.grad(lambda ww, pw: ops.binary_cross_entropy_with_logits(T(LOGITS), T(PROBS), ww, pw), (0, 1))(wb, wb)
    np.testing.assert_array_equal(g[0].asnumpy(), 0)
    np.testing.assert_array_equal(g[1].asnumpy(), 0)
    g = ops.grad(lambda ww: ops.binary_cross_entropy(T(PRED), T(TARGET01), ww))(T(TARGET01))
    np.testing.assert_array_equal(g.asnumpy(), 0)
