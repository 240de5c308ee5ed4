"""The attention core as one fused kernel: ``Attention(q, k, v, mask, keep) = (softmax(q k^T * scale + mask) *
keep) @ v`` over the last two axes (q (..., L, D), k and v (..., S, D): one head width throughout, ``mask`` additive and broadcastable to the
scores (..., L, S) or 0-d for none, ``keep`` a dropout keep-mask already scaled by 1 / (1 - p), of the scores'
shape, or 0-d for none).

Written with primitives the core is five forward and a dozen backward dispatches, and the scores make several
passes through memory; here it is two matrix products and an in-place softmax forwards, and ``AttentionGrad``
backwards gives the three cotangents in one kernel (packed along axis -2 as [dq; dk; dv]; the softmax weights are
recomputed, not stored; the rules share it through ``def_vjp(shared=...)``). ``AttentionGrad``'s own rules are the pullbacks of the same formula written with
primitives (``_formula``), so derivatives of any order exist. The mask's rule is that pullback too (a float mask
being learned is rare).
"""
from ..._core.autodiff import vjp_of
from ._base import NONDIFF, Primitive, bind, const, xp
from .elementwise import add, mul
from .linalg import matmul
from .nn import softmax
from .shape import broadcast_to, concat, slice_, transpose
from .random import _seed
from ..._core import backend


__all__ = ["attention", "attention_p", "attention_grad_p", "keep_mask_p"]


def _swap(a):
    return xp.swapaxes(a, -1, -2)


def _probs(q, k, mask, scale):
    s = xp.matmul(q, _swap(k))
    s *= s.dtype.type(scale)
    if mask.ndim:
        s += mask
    s -= s.max(axis=-1, keepdims=True)
    xp.exp(s, out=s)
    s /= s.sum(axis=-1, keepdims=True)
    return s


def _attention_impl(q, k, v, mask, keep, scale):
    p = _probs(q, k, mask, scale)
    if keep.ndim:
        p *= keep
    return xp.matmul(p, v)


def _attention_grad_impl(dout, q, k, v, mask, keep, scale):
    p = _probs(q, k, mask, scale)
    dp = xp.matmul(dout, _swap(v))
    if keep.ndim:
        dv = xp.matmul(_swap(p * keep), dout)
        dp *= keep
    else:
        dv = xp.matmul(_swap(p), dout)
    # dscores = p * (dp - sum(dp * p)), scaled
    dp -= xp.einsum("...ls,...ls->...l", dp, p)[..., None]
    dp *= p
    dp *= dp.dtype.type(scale)
    return xp.concatenate([xp.matmul(dp, k), xp.matmul(_swap(dp), q), dv], axis=-2)


def _abstract(q, k, v, mask, keep, scale):
    qs, ks, vs = tuple(q.shape), tuple(k.shape), tuple(v.shape)
    if len(qs) < 2 or ks[:-2] != qs[:-2] or vs != ks or ks[-1] != qs[-1]:
        raise ValueError(f"For 'Attention', the query (..., L, D), key (..., S, D) and value (..., S, D) do not fit: "
                         f"got {qs}, {ks} and {vs}.")
    scores = qs[:-1] + ks[-2:-1]
    ms_ = tuple(mask.shape)
    if ms_ and (len(ms_) != len(scores) or any(m not in (1, s) for m, s in zip(ms_, scores))):
        raise ValueError(f"For 'Attention', the mask {ms_} does not broadcast to the scores {scores}.")
    if tuple(keep.shape) not in ((), scores):
        raise ValueError(f"For 'Attention', the keep-mask must have the scores' shape {scores}, but got "
                         f"{tuple(keep.shape)}.")
    return qs[:-1] + vs[-1:], q.dtype


def _grad_abstract(dout, q, k, v, mask, keep, scale):
    _abstract(q, k, v, mask, keep, scale)
    shape = list(q.shape)
    shape[-2] += 2 * k.shape[-2]
    return tuple(shape), q.dtype


attention_p = Primitive("Attention", _attention_impl, 5, _abstract)
attention_grad_p = Primitive("AttentionGrad", _attention_grad_impl, 6, _grad_abstract)


# ----------------------------------------------------------------------------- the same maths with primitives
def _formula(q, k, v, mask, keep, scale):
    s = matmul(mul(q, const(scale, q)), transpose(k, tuple(range(k.ndim - 2)) + (k.ndim - 1, k.ndim - 2)))
    if mask.ndim:
        s = add(s, broadcast_to(mask, s._data.shape))
    p = softmax(s, s.ndim - 1)
    if keep.ndim:
        p = mul(p, keep)
    return matmul(p, v)


def _grad_formula(dout, q, k, v, mask, keep, scale):
    dq, dk, dv = vjp_of(lambda a, b, c: _formula(a, b, c, mask, keep, scale), (q, k, v), dout)
    return concat([dq, dk, dv], axis=q.ndim - 2)


# ----------------------------------------------------------------------------- rules
def _shared(dout, out, q, k, v, mask, keep, scale):
    """What the rules share: the packed [dq; dk; dv] of one AttentionGrad kernel (and dout, for the mask)."""
    return bind(attention_grad_p, dout, q, k, v, mask, keep, scale=scale), dout


def _part(index):
    def rule(shared, out, q, k, v, mask, keep, scale):
        packed = shared[0]
        L, S = q._data.shape[-2], k._data.shape[-2]
        start, stop = ((0, L), (L, L + S), (L + S, L + 2 * S))[index]
        shape = packed._data.shape
        starts = (0,) * (len(shape) - 2) + (start, 0)
        stops = shape[:-2] + (stop, shape[-1])
        return slice_(packed, starts, stops)
    return rule


def _mask_rule(shared, out, q, k, v, mask, keep, scale):
    return vjp_of(lambda m: _formula(q, k, v, m, keep, scale), (mask,), shared[1])[0]


def _grad_rule(index):
    def rule(g, out, *args, scale):
        return vjp_of(lambda *a: _grad_formula(*a, scale), args, g)[index]
    return rule


attention_p.def_vjp(_part(0), _part(1), _part(2), _mask_rule, NONDIFF, shared=_shared)
attention_grad_p.def_vjp(*[_grad_rule(i) for i in range(5)], NONDIFF)


# ----------------------------------------------------------------------------- the keep-mask of the weights
def _keep_impl(shape, p, dtype, seed):
    keep = _seed.generator(seed).random(shape) >= p
    return backend.asarray((keep / (1.0 - p)).astype(dtype))


keep_mask_p = Primitive("AttentionKeepMask", _keep_impl, 0, lambda shape, p, dtype, seed: (tuple(shape), dtype),
                        random=True)
keep_mask_p.def_vjp()


def attention(q, k, v, mask, scale, dropout_p=0.0, seed=None):
    """``(softmax(q k^T * scale + mask) * dropout keep-mask) @ v``; ``mask`` None or additive (broadcastable to
    the scores), ``dropout_p`` the probability of dropping a weight (0: none)."""
    dt = q._data.dtype
    if mask is None:
        mask = const(0.0, q)
    if dropout_p > 0:
        shape = tuple(q._data.shape[:-1]) + (k._data.shape[-2],)
        keep = bind(keep_mask_p, shape=shape, p=float(dropout_p), dtype=dt, seed=seed)
    else:
        keep = const(1.0, q)
    return bind(attention_p, q, k, v, mask, keep, scale=float(scale))
