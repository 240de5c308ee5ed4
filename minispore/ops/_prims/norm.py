"""Batch normalisation in training: the forward pass and its two gradients as fused kernels.

Written with elementwise primitives, batch normalisation and its backward pass cost some forty passes over the
activations and as many Python dispatches per layer; these kernels take about a dozen (measured on ResNet-20,
where BatchNorm was a fifth of the train step). The statistics are per channel (dimension 1) over every other
axis, the variance biased (what normalises), as in MindSpore's BatchNorm kernel.

``BatchNormTrain(x, gamma, beta)`` has the rules ``BatchNormGradInput`` and ``BatchNormGradGamma`` (both
fused) and a sum for beta. The fused gradients' own rules are the pullbacks of the same formula written with
primitives (``_grad_input_formula``), so derivatives of any order exist (and are checked against central
differences in tests/ops/prim_cases_conv.py).
"""
from ..._core.autodiff import vjp_of
from ._base import NONDIFF, Primitive, bind, const, xp
from .elementwise import add, mul, rsqrt, sub
from .reduce import mean, sum_
from .shape import broadcast_to, reshape


def _axes(x):
    return (0,) + tuple(range(2, x.ndim))


def _channel_dot(a, b):
    """sum(a * b) per channel (dimension 1), in one pass."""
    n, c = a.shape[:2]
    return xp.einsum("ncs,ncs->c", a.reshape(n, c, -1), b.reshape(n, c, -1))


def _stats(x, eps):
    """(x - mean, 1 / sqrt(var + eps)) with the channel axis kept for broadcasting."""
    axes = _axes(x)
    centred = x - x.mean(axis=axes, keepdims=True, dtype=x.dtype)
    count = x.size // x.shape[1]
    var = _channel_dot(centred, centred) / x.dtype.type(count)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    return centred, (1.0 / xp.sqrt(var + x.dtype.type(eps))).astype(x.dtype).reshape(shape)


def _bn_train_impl(x, gamma, beta, eps):
    centred, rstd = _stats(x, eps)
    shape = rstd.shape
    centred *= rstd * gamma.reshape(shape)
    centred += beta.reshape(shape)
    return centred


def _bn_grad_input_impl(dy, x, gamma, eps):
    centred, rstd = _stats(x, eps)
    axes = _axes(x)
    count = x.dtype.type(x.size // x.shape[1])
    shape = rstd.shape
    dy_mean = dy.mean(axis=axes, keepdims=True, dtype=dy.dtype)
    # dx = gamma * rstd * (dy - mean(dy) - xhat * mean(dy * xhat)), xhat = centred * rstd
    proj = (_channel_dot(dy, centred) / count).reshape(shape) * rstd * rstd
    out = centred * proj
    xp.subtract(dy, out, out=out)
    out -= dy_mean
    out *= rstd * gamma.reshape(shape)
    return out


def _bn_grad_gamma_impl(dy, x, eps):
    centred, rstd = _stats(x, eps)
    return _channel_dot(dy, centred) * rstd.reshape(-1)


def _bn_stats_impl(x):
    """(2, C): each channel's batch mean and biased variance (for the moving statistics; no derivative)."""
    axes = _axes(x)
    mu = x.mean(axis=axes, dtype=x.dtype)
    centred = x - mu.reshape((1, -1) + (1,) * (x.ndim - 2))
    var = _channel_dot(centred, centred) / x.dtype.type(x.size // x.shape[1])
    return xp.stack([mu, var.astype(x.dtype)])


def _channel_params(name, x, *params):
    if len(x.shape) < 2:
        raise ValueError(f"For '{name}', the input must be at least 2-D (N, C, ...), but got shape {tuple(x.shape)}.")
    for p in params:
        if tuple(p.shape) != (x.shape[1],):
            raise ValueError(f"For '{name}', the scale and shift must have shape ({x.shape[1]},) (the input's "
                             f"channels), but got {tuple(p.shape)} for an input of shape {tuple(x.shape)}.")
    return x.shape, x.dtype


bn_train_p = Primitive("BatchNormTrain", _bn_train_impl, 3,
                       lambda x, gamma, beta, eps: _channel_params("BatchNorm", x, gamma, beta))
bn_grad_input_p = Primitive("BatchNormGradInput", _bn_grad_input_impl, 3,
                            lambda dy, x, gamma, eps: _channel_params("BatchNormGrad", x, gamma))
bn_grad_gamma_p = Primitive("BatchNormGradGamma", _bn_grad_gamma_impl, 2,
                            lambda dy, x, eps: ((x.shape[1],), x.dtype))
bn_stats_p = Primitive("BatchNormStats", _bn_stats_impl, 1, lambda x: ((2, x.shape[1]), x.dtype))
bn_stats_p.def_vjp(NONDIFF)


def batch_norm_train(x, gamma, beta, eps):
    """Normalise ``x`` with its own batch statistics per channel (dimension 1), then scale and shift."""
    return bind(bn_train_p, x, gamma, beta, eps=float(eps))


def batch_norm_stats(x):
    return bind(bn_stats_p, x)


# ----------------------------------------------------------------------------- the same maths with primitives
def _channel(t, like):
    return broadcast_to(reshape(t, (1, t._data.size) + (1,) * (like._data.ndim - 2)), like._data.shape)


def _xhat_formula(x, eps):
    axes = _axes(x._data)
    centred = sub(x, broadcast_to(mean(x, axes, True), x._data.shape))
    var = mean(mul(centred, centred), axes, True)
    rstd = rsqrt(add(var, const(eps, x)))
    return mul(centred, broadcast_to(rstd, x._data.shape)), broadcast_to(rstd, x._data.shape)


def _grad_input_formula(dy, x, gamma, eps):
    axes = _axes(x._data)
    xhat, rstd = _xhat_formula(x, eps)
    dy_mean = broadcast_to(mean(dy, axes, True), dy._data.shape)
    proj = broadcast_to(mean(mul(dy, xhat), axes, True), dy._data.shape)
    return mul(mul(rstd, _channel(gamma, x)), sub(sub(dy, dy_mean), mul(xhat, proj)))


def _grad_gamma_formula(dy, x, eps):
    xhat, _ = _xhat_formula(x, eps)
    return sum_(mul(dy, xhat), _axes(x._data), False)


def _pullback_rule(formula, index):
    """Argument ``index``'s rule of a fused kernel: the pullback of its primitive formula."""
    def rule(g, out, *args, eps):
        return vjp_of(lambda *a: formula(*a, eps), args, g)[index]
    return rule


bn_train_p.def_vjp(
    lambda dout, out, x, gamma, beta, eps: bind(bn_grad_input_p, dout, x, gamma, eps=eps),
    lambda dout, out, x, gamma, beta, eps: bind(bn_grad_gamma_p, dout, x, eps=eps),
    lambda dout, out, x, gamma, beta, eps: sum_(dout, _axes(dout._data), False))
bn_grad_input_p.def_vjp(*[_pullback_rule(_grad_input_formula, i) for i in range(3)])
bn_grad_gamma_p.def_vjp(*[_pullback_rule(_grad_gamma_formula, i) for i in range(2)])


# ----------------------------------------------------------------------------- layer normalisation
# Over the trailing axes from ``axis`` on, with gamma and beta of exactly those axes' shape (LayerNorm's usual
# form; other parameter shapes go through the primitives formula in the layer). Written with primitives a
# LayerNorm is about ten dispatches and as many passes forwards and twenty backwards (a fifth of a Transformer
# encoder's train step); fused, three passes each way.
def _rows(x, axis):
    n = 1
    for d in x.shape[:axis]:
        n *= d
    return x.reshape(n, -1)


def _row_stats(x2, eps):
    centred = x2 - x2.mean(axis=1, keepdims=True, dtype=x2.dtype)
    var = xp.einsum("nd,nd->n", centred, centred) / x2.dtype.type(x2.shape[1])
    return centred, (1.0 / xp.sqrt(var + x2.dtype.type(eps))).astype(x2.dtype)[:, None]


def _ln_impl(x, gamma, beta, eps, axis):
    centred, rstd = _row_stats(_rows(x, axis), eps)
    centred *= rstd
    centred *= gamma.reshape(1, -1)
    centred += beta.reshape(1, -1)
    return centred.reshape(x.shape)


def _ln_grad_input_impl(dy, x, gamma, eps, axis):
    centred, rstd = _row_stats(_rows(x, axis), eps)
    xhat = centred * rstd
    g = _rows(dy, axis) * gamma.reshape(1, -1)
    d = x.dtype.type(xhat.shape[1])
    # dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) per row
    proj = (xp.einsum("nd,nd->n", g, xhat) / d)[:, None]
    xhat *= proj
    out = g - xhat
    out -= g.mean(axis=1, keepdims=True, dtype=g.dtype)
    out *= rstd
    return out.reshape(x.shape)


def _ln_grad_gamma_impl(dy, x, eps, axis):
    centred, rstd = _row_stats(_rows(x, axis), eps)
    centred *= rstd
    return xp.einsum("nd,nd->d", _rows(dy, axis), centred).reshape(x.shape[axis:])


def _ln_params(name, x, *params, axis):
    if not 0 <= axis < len(x.shape):
        raise ValueError(f"For '{name}', the first normalised axis {axis} is out of range for shape "
                         f"{tuple(x.shape)}.")
    for p in params:
        if tuple(p.shape) != tuple(x.shape[axis:]):
            raise ValueError(f"For '{name}', gamma and beta must have the normalised shape "
                             f"{tuple(x.shape[axis:])}, but got {tuple(p.shape)} for an input of shape "
                             f"{tuple(x.shape)}.")
    return x.shape, x.dtype


ln_p = Primitive("LayerNormFused", _ln_impl, 3,
                 lambda x, gamma, beta, eps, axis: _ln_params("LayerNorm", x, gamma, beta, axis=axis))
ln_grad_input_p = Primitive("LayerNormGradInput", _ln_grad_input_impl, 3,
                            lambda dy, x, gamma, eps, axis: _ln_params("LayerNormGrad", x, gamma, axis=axis))
ln_grad_gamma_p = Primitive("LayerNormGradGamma", _ln_grad_gamma_impl, 2,
                            lambda dy, x, eps, axis: (tuple(x.shape[axis:]), x.dtype))


def layer_norm(x, gamma, beta, eps, axis):
    """Normalise ``x`` over its axes from ``axis`` on, then scale by gamma and shift by beta (of those axes'
    shape)."""
    return bind(ln_p, x, gamma, beta, eps=float(eps), axis=int(axis))


def _ln_xhat_formula(x, eps, axis):
    axes = tuple(range(axis, x._data.ndim))
    centred = sub(x, broadcast_to(mean(x, axes, True), x._data.shape))
    rstd = broadcast_to(rsqrt(add(mean(mul(centred, centred), axes, True), const(eps, x))), x._data.shape)
    return mul(centred, rstd), rstd


def _ln_grad_input_formula(dy, x, gamma, eps, axis):
    axes = tuple(range(axis, x._data.ndim))
    xhat, rstd = _ln_xhat_formula(x, eps, axis)
    g = mul(dy, broadcast_to(gamma, dy._data.shape))
    g_mean = broadcast_to(mean(g, axes, True), g._data.shape)
    proj = broadcast_to(mean(mul(g, xhat), axes, True), g._data.shape)
    return mul(rstd, sub(sub(g, g_mean), mul(xhat, proj)))


def _ln_grad_gamma_formula(dy, x, eps, axis):
    xhat, _ = _ln_xhat_formula(x, eps, axis)
    return sum_(mul(dy, xhat), tuple(range(axis)), False)


def _ln_pullback_rule(formula, index):
    def rule(g, out, *args, eps, axis):
        return vjp_of(lambda *a: formula(*a, eps, axis), args, g)[index]
    return rule


ln_p.def_vjp(
    lambda dout, out, x, gamma, beta, eps, axis: bind(ln_grad_input_p, dout, x, gamma, eps=eps, axis=axis),
    lambda dout, out, x, gamma, beta, eps, axis: bind(ln_grad_gamma_p, dout, x, eps=eps, axis=axis),
    lambda dout, out, x, gamma, beta, eps, axis: sum_(dout, tuple(range(axis)), False))
ln_grad_input_p.def_vjp(*[_ln_pullback_rule(_ln_grad_input_formula, i) for i in range(3)])
ln_grad_gamma_p.def_vjp(*[_ln_pullback_rule(_ln_grad_gamma_formula, i) for i in range(2)])
