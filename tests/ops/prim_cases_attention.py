"""Direct cases for the fused attention primitives (collected by test_primitives_direct.py): forward values against
a NumPy formula of attention, the gradient kernel against the analytic pullback written in NumPy."""
import numpy as np

from minispore._core.tensor import _wrap

rng = np.random.default_rng(1301)

_shape_q, _shape_k, _shape_v = (2, 2, 3, 4), (2, 2, 5, 4), (2, 2, 5, 4)
_q, _k, _v = (rng.uniform(-1, 1, s) for s in (_shape_q, _shape_k, _shape_v))
_mask = rng.uniform(-2, 2, (2, 1, 3, 5))            # broadcast over the heads
_keep = _wrap((rng.random((2, 2, 3, 5)) > 0.3) / 0.7)    # a dropout keep-mask (no derivative: fixed)
_dout = rng.uniform(-1, 1, (2, 2, 3, 4))
_SCALE = 4 ** -0.5


def _softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _attention_ref(q, k, v, mask, keep):
    p = _softmax(np.einsum("bhld,bhsd->bhls", q, k) * _SCALE + mask)
    return np.einsum("bhls,bhsd->bhld", p * keep, v)


def _attention_grad_ref(dout, q, k, v, mask, keep):
    p = _softmax(np.einsum("bhld,bhsd->bhls", q, k) * _SCALE + mask)
    dv = np.einsum("bhls,bhld->bhsd", p * keep, dout)
    dpk = np.einsum("bhld,bhsd->bhls", dout, v) * keep
    ds = p * (dpk - (dpk * p).sum(-1, keepdims=True)) * _SCALE
    dq = np.einsum("bhls,bhsd->bhld", ds, k)
    dk = np.einsum("bhls,bhld->bhsd", ds, q)
    return np.concatenate([dq, dk, dv], axis=-2)


CASES = {
    "Attention": dict(args=[_q, _k, _v, _mask], fixed=[_keep], params=dict(scale=_SCALE), ref=_attention_ref),
    "AttentionGrad": dict(args=[_dout, _q, _k, _v, _mask], fixed=[_keep], params=dict(scale=_SCALE),
                          ref=_attention_grad_ref),
}
