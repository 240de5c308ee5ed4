"""Multi-head attention as a function: ``multi_head_attention_forward``, with MindSpore 2.10's arguments (its
``ops.function.nn_func.multi_head_attention_forward``, what ``nn.MultiheadAttention`` calls).

Inputs are sequence-first, ``(L, N, E)`` (or unbatched ``(L, E)``). The projections are ``x @ W.T + b`` with
``in_proj_weight`` of shape (3E, E) packed as [query; key; value] (or three separate weights); the heads are
``E // num_heads`` wide; the scores are ``q k^T / sqrt(head_dim)`` plus the masks; a bool mask is True where
attention is forbidden (it becomes -inf), a float mask is added. The softmax, the dropout of the weights and
the weighted sum of the values are one fused primitive (``ops/_prims/attention.py``) when the weights are not
returned, and primitives otherwise.
"""
import math
import numbers

from .. import _prims as P
from ..._core.tensor import Tensor
from ..._core.dtype import kind_of

_OP = "MultiheadAttention"


def _shape(t):
    return tuple(t._data.shape)


def _check_tensor(t, name):
    if not isinstance(t, Tensor):
        raise TypeError(f"For '{_OP}', the '{name}' must be a Tensor, but got {type(t).__name__}.")
    return t


def _linear(x, w, b):
    """``x @ w.T + b`` over the last axis: one fused Dense kernel on the input seen as a matrix."""
    shape = _shape(x)
    if len(shape) != 2:
        x = P.reshape(x, (math.prod(shape[:-1]), shape[-1]))
    if b is None:
        out = P.matmul(x, P.transpose(w, (1, 0)))
    else:
        out = P.dense(x, w, b)
    if len(shape) != 2:
        out = P.reshape(out, shape[:-1] + (_shape(w)[0],))
    return out


def _mask_dtype(mask, name):
    kind = kind_of(mask._data.dtype)
    if kind == "u" and mask._data.dtype.itemsize == 1:
        return P.cast(mask, P.xp.dtype(bool))
    if kind not in "bf":
        raise ValueError(f"For '{_OP}', the '{name}' must be a bool or float Tensor (uint8 is read as bool), but got "
                         f"{mask.dtype}.")
    return mask


def _additive(mask, dtype):
    """A bool mask as 0 / -inf of ``dtype``, a float mask cast to ``dtype``."""
    if kind_of(mask._data.dtype) == "b":
        zeros = P.zeros_like(P.cast(mask, dtype))
        return P.where(mask, P.broadcast_to(P.const(float("-inf"), zeros), _shape(mask)), zeros)
    if mask._data.dtype != dtype:
        return P.cast(mask, dtype)
    return mask


def _pad_last(mask, width):
    """Append ``width`` zeros (False) along the last axis (a bias or zero key added to the sequence)."""
    zeros = P.fill(_shape(mask)[:-1] + (width,), 0, mask._data.dtype)
    return P.concat([mask, zeros], axis=mask.ndim - 1)


def _check_shapes(query, key, value, key_padding_mask, attn_mask, num_heads, seq_axis):
    qs, ks, vs = _shape(query), _shape(key), _shape(value)
    bat = 1 - seq_axis
    if len(qs) not in (2, 3):
        raise ValueError(f"For '{_OP}', the query must be 2-D (L, E) or 3-D (batched), but got shape {qs}.")
    if len(ks) != len(qs) or len(vs) != len(qs):
        raise ValueError(f"For '{_OP}', the key and value must be {len(qs)}-D as the query {qs} is, but got key "
                         f"{ks} and value {vs}.")
    if len(qs) == 3 and (ks[bat] != qs[bat] or vs[bat] != qs[bat]):
        raise ValueError(f"For '{_OP}', the query {qs}, key {ks} and value {vs} must have the same batch size "
                         f"(axis {bat}).")
    if key_padding_mask is not None:
        want = len(qs) - 1
        if key_padding_mask.ndim != want:
            raise ValueError(f"For '{_OP}', the key_padding_mask must be {want}-D for a {len(qs)}-D query, but got "
                             f"key_padding_mask of shape {_shape(key_padding_mask)}.")
    if attn_mask is not None and attn_mask.ndim not in (2, 3):
        raise ValueError(f"For '{_OP}', the attn_mask must be 2-D or 3-D, but got attn_mask of shape "
                         f"{_shape(attn_mask)}.")
    if attn_mask is not None and len(qs) == 2 and attn_mask.ndim == 3:
        want = (num_heads, qs[0], ks[0])     # (checked here: the batch of 1 is added below)
        if _shape(attn_mask) != want:
            raise ValueError(f"For '{_OP}', the 3-D attn_mask of an unbatched query must have shape {want} "
                             f"(num_heads, L, S), but got {_shape(attn_mask)}.")


def _split_heads(t, seq_axis, bsz, num_heads, head_dim):
    """(L, N, E) (or (N, L, E) with ``seq_axis`` 1) -> (N, H, L, D)."""
    shape = _shape(t)
    t = P.reshape(t, shape[:2] + (num_heads, head_dim))
    return P.transpose(t, (1, 2, 0, 3) if seq_axis == 0 else (0, 2, 1, 3))


def _split_rows(t, sizes, axis):
    """``t`` cut into consecutive pieces of ``sizes`` along ``axis``."""
    shape, out, start = _shape(t), [], 0
    axis %= len(shape)
    for n in sizes:
        starts = tuple(start if a == axis else 0 for a in range(len(shape)))
        stops = tuple(start + n if a == axis else d for a, d in enumerate(shape))
        out.append(P.slice_(t, starts, stops))
        start += n
    return out


def multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight,
                                 in_proj_bias, bias_k, bias_v, add_zero_attn, dropout_p, out_proj_weight,
                                 out_proj_bias, training=True, key_padding_mask=None, attn_mask=None,
                                 use_separate_proj_weight=False, q_proj_weight=None, k_proj_weight=None,
                                 v_proj_weight=None, static_k=None, static_v=None, average_attn_weights=True,
                                 is_causal=False, k_is_v=False, q_is_k=False, dtype=None, need_weights=True,
                                 batch_first=False):
    """Multi-head attention; returns ``(attn_output, attn_weights)``, the weights averaged over the heads unless
    ``average_attn_weights=False``. Two minispore arguments: ``need_weights=False`` gives ``None`` for the
    weights (never materialised: the attention core is then one fused primitive), ``batch_first=True`` takes and
    gives (N, L, E) without transposing to sequence-first. ``k_is_v``/``q_is_k`` are read from the arguments'
    identity; ``dtype`` is accepted and unused (the inputs' dtype is computed in)."""
    for name, t in (("query", query), ("key", key), ("value", value)):
        _check_tensor(t, name)
    if key_padding_mask is not None:
        key_padding_mask = _mask_dtype(_check_tensor(key_padding_mask, "key_padding_mask"), "key_padding_mask")
    if attn_mask is not None:
        attn_mask = _mask_dtype(_check_tensor(attn_mask, "attn_mask"), "attn_mask")
    batched = query.ndim == 3
    seq_axis = 1 if (batch_first and batched) else 0
    _check_shapes(query, key, value, key_padding_mask, attn_mask, num_heads, seq_axis)
    if not batched:
        query, key, value = (P.reshape(t, (_shape(t)[0], 1, _shape(t)[1])) for t in (query, key, value))
        if key_padding_mask is not None:
            key_padding_mask = P.reshape(key_padding_mask, (1,) + _shape(key_padding_mask))
    bat_axis = 1 - seq_axis
    tgt_len, bsz, embed_dim = _shape(query)[seq_axis], _shape(query)[bat_axis], _shape(query)[2]
    src_len = _shape(key)[seq_axis]
    if embed_dim != embed_dim_to_check:
        raise ValueError(f"For '{_OP}', the query's last dimension must be embed_dim={embed_dim_to_check}, but got "
                         f"query of shape {_shape(query)}.")
    if isinstance(num_heads, bool) or not isinstance(num_heads, numbers.Integral) or num_heads <= 0 \
            or embed_dim % num_heads:
        raise ValueError(f"For '{_OP}', the embed_dim {embed_dim} must be divisible by num_heads {num_heads}.")
    head_dim = embed_dim // num_heads
    if use_separate_proj_weight:
        if _shape(key)[:2] != _shape(value)[:2]:
            raise ValueError(f"For '{_OP}', the key {_shape(key)} and value {_shape(value)} must have the same "
                             f"sequence length and batch size.")
    elif _shape(key) != _shape(value):
        raise ValueError(f"For '{_OP}', the key {_shape(key)} and value {_shape(value)} must have the same shape.")
    if static_k is not None or static_v is not None:
        raise NotImplementedError(f"For '{_OP}', static_k and static_v are not supported by minispore.")
    E3 = (embed_dim,) * 3

    # ---- the projections, to (N, H, L, D)
    def heads(t):
        return _split_heads(t, seq_axis, bsz, num_heads, head_dim)

    if not use_separate_proj_weight:
        if in_proj_weight is None:
            raise ValueError(f"For '{_OP}', use_separate_proj_weight is False but in_proj_weight is None.")
        for name, t in (("key", key), ("value", value)):
            if _shape(t)[-1] != _shape(in_proj_weight)[1]:
                raise ValueError(f"For '{_OP}', the {name}'s last dimension must be {_shape(in_proj_weight)[1]} "
                                 f"(in_proj_weight {_shape(in_proj_weight)}), but got {name} of shape {_shape(t)}.")
        # (three products with row blocks of the packed weight: the same work as one product, and gradients that
        # need no scatter of slices of a packed output)
        ws = _split_rows(in_proj_weight, E3, 0)
        bs = (None,) * 3 if in_proj_bias is None else _split_rows(in_proj_bias, E3, 0)
        q, k, v = (_linear(t, w, b) for t, w, b in zip((query, key, value), ws, bs))
    else:
        weights = (q_proj_weight, k_proj_weight, v_proj_weight)
        for name, w, t in zip(("q_proj_weight", "k_proj_weight", "v_proj_weight"), weights, (query, key, value)):
            if w is None:
                raise ValueError(f"For '{_OP}', use_separate_proj_weight is True but {name} is None.")
            if _shape(w) != (embed_dim, _shape(t)[-1]):
                raise ValueError(f"For '{_OP}', the {name} must have shape {(embed_dim, _shape(t)[-1])} for inputs "
                                 f"of shape {_shape(t)}, but got {_shape(w)}.")
        bs = (None,) * 3 if in_proj_bias is None else _split_rows(in_proj_bias, E3, 0)
        q, k, v = (_linear(t, w, b) for t, w, b in zip((query, key, value), weights, bs))

    # ---- the masks, as one additive float mask broadcastable to (N, H, L, S)
    if attn_mask is not None:
        want = (tgt_len, src_len) if attn_mask.ndim == 2 else (bsz * num_heads, tgt_len, src_len)
        if _shape(attn_mask) != want:
            raise ValueError(f"For '{_OP}', the attn_mask must have shape {want} for a query of length {tgt_len}, "
                             f"a key of length {src_len}, batch {bsz} and {num_heads} heads, but got "
                             f"{_shape(attn_mask)}.")
    if (bias_k is None) != (bias_v is None):
        raise ValueError(f"For '{_OP}', bias_k and bias_v must be given together.")
    if bias_k is not None:
        shape = (1, bsz, embed_dim) if seq_axis == 0 else (bsz, 1, embed_dim)
        bk, bv = (P.broadcast_to(P.reshape(b, (1, 1, embed_dim)), shape) for b in (bias_k, bias_v))
        k = P.concat([k, bk], axis=seq_axis)
        v = P.concat([v, bv], axis=seq_axis)
        if attn_mask is not None:
            attn_mask = _pad_last(attn_mask, 1)
        if key_padding_mask is not None:
            key_padding_mask = _pad_last(key_padding_mask, 1)
    q, k, v = heads(q), heads(k), heads(v)
    fdt = q._data.dtype
    if add_zero_attn:
        zeros = P.fill((bsz, num_heads, 1, head_dim), 0, fdt)
        k = P.concat([k, zeros], axis=2)
        v = P.concat([v, zeros], axis=2)
        if attn_mask is not None:
            attn_mask = _pad_last(attn_mask, 1)
        if key_padding_mask is not None:
            key_padding_mask = _pad_last(key_padding_mask, 1)
    src_len = _shape(k)[2]
    mask = None
    if attn_mask is not None:
        m = _additive(attn_mask, fdt)
        mask = P.reshape(m, (1, 1, tgt_len, src_len) if m.ndim == 2 else (bsz, num_heads, tgt_len, src_len))
    if key_padding_mask is not None:
        if _shape(key_padding_mask) != (bsz, src_len):
            raise ValueError(f"For '{_OP}', the key_padding_mask must have shape {(bsz, src_len)} (batch, key "
                             f"length), but got {_shape(key_padding_mask)}.")
        kpm = P.reshape(_additive(key_padding_mask, fdt), (bsz, 1, 1, src_len))
        if mask is not None:
            both = (bsz, num_heads if _shape(mask)[1] > 1 else 1, tgt_len, src_len)
            mask = P.add(P.broadcast_to(mask, both), P.broadcast_to(kpm, both))
        else:
            mask = kpm
    if is_causal and mask is None:
        raise ValueError(f"For '{_OP}', is_causal needs an attn_mask (the causal mask itself).")

    # ---- the attention core
    p = float(dropout_p) if training else 0.0
    scale = head_dim ** -0.5
    if need_weights or not _FUSED:
        scores = P.matmul(P.mul(q, P.const(scale, q)), P.transpose(k, (0, 1, 3, 2)))
        if mask is not None:
            scores = P.add(scores, P.broadcast_to(mask, _shape(scores)))
        weights = P.softmax(scores, 3)
        if p > 0:
            weights = P.mul(weights, P.dropout_mask(weights, p, None))
        out = P.matmul(weights, v)
    else:
        out = P.attention(q, k, v, mask, scale, p)
        weights = None
    # (N, H, L, D) -> (L, N, E) or (N, L, E) -> the output projection
    out = P.transpose(out, (2, 0, 1, 3) if seq_axis == 0 else (0, 2, 1, 3))
    out_shape = _shape(out)[:2] + (embed_dim,)
    out = P.reshape(_linear(P.reshape(out, (out_shape[0] * out_shape[1], embed_dim)), out_proj_weight,
                            out_proj_bias), out_shape)
    if weights is not None and average_attn_weights:
        weights = P.mul(P.sum_(weights, (1,), False), P.const(1.0 / num_heads, weights))
    if not batched:
        out = P.reshape(out, (tgt_len, embed_dim))
        if weights is not None:
            weights = P.reshape(weights, _shape(weights)[1:])
    if not need_weights:
        weights = None
    return out, weights


_FUSED = True
