"""Direct cases for the convolution and pooling primitives (collected by test_primitives_direct.py)."""
import numpy as np

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
