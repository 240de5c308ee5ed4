"""Direct cases for the fused layer normalisation (collected by test_primitives_direct.py): over the trailing axes
from 1 on (odd sizes), gamma and beta of those axes' shape; the gradients against central differences of the
NumPy formula."""
import numpy as np

import numpy_reference as ref

rng = np.random.default_rng(1212)
CASES = {}

# layer normalisation over the trailing axes from 1 on (odd sizes), gamma and beta of those axes' shape
_LN_X = rng.uniform(-1, 1, (3, 2, 5))
_LN_G, _LN_B = rng.uniform(0.5, 1.5, (2, 5)), rng.uniform(-0.5, 0.5, (2, 5))
_LN_DY = rng.uniform(-1, 1, (3, 2, 5))


def _ln_ref(x, g, b, eps=1e-3):
    mu = x.mean(axis=(1, 2), keepdims=True)
    var = ((x - mu) ** 2).mean(axis=(1, 2), keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


CASES["LayerNormFused"] = dict(args=[_LN_X, _LN_G, _LN_B], params=dict(eps=1e-3, axis=1), ref=_ln_ref)
CASES["LayerNormGradInput"] = dict(
    args=[_LN_DY, _LN_X, _LN_G], params=dict(eps=1e-3, axis=1),
    ref=lambda dy, x, g: ref.numeric_vjp(lambda x_: _ln_ref(x_, g, _LN_B), [x], dy)[0], tol=(1e-6, 1e-8))
CASES["LayerNormGradGamma"] = dict(
    args=[_LN_DY, _LN_X], params=dict(eps=1e-3, axis=1),
    ref=lambda dy, x: ref.numeric_vjp(lambda g_: _ln_ref(x, g_, _LN_B), [_LN_G], dy)[0], tol=(1e-6, 1e-8))
