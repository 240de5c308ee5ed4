"""Direct cases for the convolution and pooling primitives (collected by test_primitives_direct.py)."""
import numpy as np

from minispore._core.tensor import _wrap

import conv_reference as cref

rng = np.random.default_rng(1201)

GEOM = dict(stride=(2, 1), dilation=(1, 2), pads=((1, 0), (2, 1)), groups=2)
X_SHAPE, W_SHAPE = (2, 4, 5, 6), (6, 2, 2, 3)
_x = rng.uniform(-1, 1, X_SHAPE)
_w = rng.uniform(-1, 1, W_SHAPE)
_dy = rng.uniform(-1, 1, cref.conv(_x, _w, **GEOM).shape)

CASES = {
    "Conv": dict(args=[_x, _w], params=GEOM, ref=lambda x, w: cref.conv(x, w, **GEOM)),
    "ConvBackpropInput": dict(
        args=[_dy, _w], params=dict(GEOM, x_shape=X_SHAPE),
        ref=lambda dy, w: cref.adjoint(lambda x: cref.conv(x, w, **GEOM), X_SHAPE, dy)),
    "ConvBackpropFilter": dict(
        args=[_dy, _x], params=dict(GEOM, w_shape=W_SHAPE),
        ref=lambda dy, x: cref.adjoint(lambda w: cref.conv(x, w, **GEOM), W_SHAPE, dy)),
}

CASES["BiasAdd"] = dict(args=[rng.uniform(-1, 1, (2, 3, 4)), rng.uniform(-1, 1, (3,))],
                        ref=lambda x, b: x + b[None, :, None])

# pooling: distinct values (no ties: the max has a derivative); stride < kernel so windows overlap
POOL = dict(kernel=(2, 3), stride=(1, 2), dilation=(2, 1), pads=((1, 0), (1, 2)))
_px = (rng.permutation(2 * 3 * 5 * 6).reshape(2, 3, 5, 6) - 90.0) / 40.0
_pout = cref.max_pool(_px, **POOL).shape
_pd = rng.uniform(-1, 1, _pout)
AVG = dict(kernel=(3, 2), stride=(2, 1), pads=((1, 1), (0, 1)), counted=((1, 1), (0, 0)), divisor=0)
_aout = cref.avg_pool(_px, AVG["kernel"], AVG["stride"], AVG["pads"], AVG["counted"], 0).shape


def _max_grad_ref(dout, x):
    return cref.adjoint(lambda g: _gather_at_max(g, x), x.shape, dout)


def _gather_at_max(g, x):
    wins_x, outs = cref.windows(x, POOL["kernel"], POOL["stride"], POOL["dilation"], POOL["pads"], -np.inf)
    wins_g, _ = cref.windows(g, POOL["kernel"], POOL["stride"], POOL["dilation"], POOL["pads"], 0.0)
    y = np.zeros(x.shape[:2] + tuple(outs))
    for pos in wins_x:
        arg = wins_x[pos].argmax(-1)
        y[(slice(None), slice(None)) + pos] = np.take_along_axis(wins_g[pos], arg[..., None], -1)[..., 0]
    return y


def _avg_ref(x):
    return cref.avg_pool(x, AVG["kernel"], AVG["stride"], AVG["pads"], AVG["counted"], 0)


CASES.update({
    "MaxPool": dict(args=[_px], params=POOL, ref=lambda x: cref.max_pool(x, **POOL)),
    "MaxPoolGrad": dict(args=[_pd], fixed=[_wrap(_px)], params=POOL, ref=_max_grad_ref),
    "MaxPoolGradGrad": dict(args=[rng.uniform(-1, 1, _px.shape)], fixed=[_wrap(_px)], params=POOL,
                            ref=lambda g, x: _gather_at_max(g, x)),
    "AvgPool": dict(args=[_px], params=AVG, ref=_avg_ref),
    "AvgPoolGrad": dict(args=[rng.uniform(-1, 1, _aout)], params=dict(AVG, x_shape=_px.shape),
                        ref=lambda d: cref.adjoint(_avg_ref, _px.shape, d)),
})

# batch normalisation in training (statistics over every axis but 1, biased variance)
_bx, _bg, _bb = rng.uniform(-1, 1, (3, 2, 2, 3)), rng.uniform(0.5, 1.5, 2), rng.uniform(-1, 1, 2)
_bdy = rng.uniform(-1, 1, _bx.shape)


def _bn_ref(x, g, b, eps=1e-5):
    m = x.mean((0, 2, 3), keepdims=True)
    v = x.var((0, 2, 3), keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g[None, :, None, None] + b[None, :, None, None]


def _fd_pullback(dy, args, index, h=1e-6):
    """The pullback of the NumPy formula _bn_ref by central differences (a route independent of the kernels)."""
    base = args[index]
    grad = np.zeros_like(base)
    for i in np.ndindex(base.shape):
        plus, minus = base.copy(), base.copy()
        plus[i] += h
        minus[i] -= h
        a_plus = args[:index] + [plus] + args[index + 1:]
        a_minus = args[:index] + [minus] + args[index + 1:]
        grad[i] = np.sum(dy * (_bn_ref(*a_plus) - _bn_ref(*a_minus))) / (2 * h)
    return grad


CASES.update({
    "BatchNormTrain": dict(args=[_bx, _bg, _bb], params=dict(eps=1e-5), ref=_bn_ref),
    "BatchNormGradInput": dict(args=[_bdy, _bx, _bg], params=dict(eps=1e-5),
                               ref=lambda dy, x, g: _fd_pullback(dy, [x, g, np.zeros(2)], 0), tol=(1e-7, 1e-8)),
    "BatchNormGradGamma": dict(args=[_bdy, _bx], params=dict(eps=1e-5),
                               ref=lambda dy, x: _fd_pullback(dy, [x, np.ones(2), np.zeros(2)], 1), tol=(1e-7, 1e-8)),
})
