"""nn.MultiheadAttention and the Transformer layers: values against an independent NumPy formula of multi-head
attention (masks of both kinds, kdim/vdim, batch_first, unbatched), float64 gradients against central
differences, eager == jit (values and gradients), dropout of the attention weights in training only, and the
errors of bad input, eager and under jit. (MindSpore's own outputs: tests/test_golden_transformer.py.)"""
import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops
from tests.util import check_grads


def _rng(seed):
    return np.random.default_rng(seed)


def _set_weights(cell, seed, dtype=np.float32, scale=0.3):
    rng = _rng(seed)
    for _, p in cell.parameters_and_names():
        p.set_data(Tensor((rng.standard_normal(p.shape) * scale).astype(dtype)))
    return cell


def _np_softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def np_mha(cell, q, k, v, attn_mask=None, kpm=None, average=True):
    """Multi-head attention written out for one sample at a time (sequence-first (L, N, E) inputs)."""
    E, H = cell.embed_dim, cell.num_heads
    D = E // H
    if cell.in_proj_weight is not None:
        w = cell.in_proj_weight.asnumpy().astype(np.float64)
        wq, wk, wv = w[:E], w[E:2 * E], w[2 * E:]
    else:
        wq, wk, wv = (getattr(cell, n).asnumpy().astype(np.float64) for n in ("q_proj_weight", "k_proj_weight",
                                                                           "v_proj_weight"))
    b = np.zeros(3 * E) if cell.in_proj_bias is None else cell.in_proj_bias.asnumpy().astype(np.float64)
    wo = cell.out_proj.weight.asnumpy().astype(np.float64)
    bo = 0 if cell.out_proj.bias is None else cell.out_proj.bias.asnumpy().astype(np.float64)
    L, N, _ = q.shape
    S = k.shape[0]
    outs, weights = np.zeros((L, N, E)), np.zeros((N, H, L, S))
    for n in range(N):
        Q = q[:, n] @ wq.T + b[:E]
        K = k[:, n] @ wk.T + b[E:2 * E]
        V = v[:, n] @ wv.T + b[2 * E:]
        heads = []
        for h in range(H):
            sl = slice(h * D, (h + 1) * D)
            s = Q[:, sl] @ K[:, sl].T / np.sqrt(D)
            if attn_mask is not None:
                m = attn_mask if attn_mask.ndim == 2 else attn_mask[n * H + h]
                s = s + (np.where(m, -np.inf, 0) if m.dtype == np.bool_ else m)
            if kpm is not None:
                s = s + (np.where(kpm[n], -np.inf, 0) if kpm.dtype == np.bool_ else kpm[n])[None, :]
            p = _np_softmax(s)
            weights[n, h] = p
            heads.append(p @ V[:, sl])
        outs[:, n] = np.concatenate(heads, -1) @ wo.T + bo
    return outs, (weights.mean(1) if average else weights)


L, S, N, E, H = 5, 6, 3, 8, 2
_X = _rng(0).standard_normal((L, N, E))
_KV = _rng(1).standard_normal((S, N, E))
_CAUSAL = np.triu(np.ones((L, S), np.bool_), 1)
_KPM = np.zeros((N, S), np.bool_)
_KPM[0, -2:] = _KPM[2, -1] = True
_FLOAT_MASK = _rng(2).standard_normal((N * H, L, S))

MHA_CASES = {   # name: (constructor kwargs, query, key, value, call kwargs)
    "self": ({}, _X, _X, _X, {}),
    "cross_causal": ({}, _X, _KV, _KV, dict(attn_mask=_CAUSAL)),
    "kpm_bool": ({}, _X, _KV, _KV, dict(key_padding_mask=_KPM)),
    "kpm_float_3d_mask": ({}, _X, _KV, _KV, dict(key_padding_mask=_rng(3).standard_normal((N, S)),
                                                 attn_mask=_FLOAT_MASK)),
    "bool_and_float": ({}, _X, _KV, _KV, dict(key_padding_mask=_KPM, attn_mask=_FLOAT_MASK[0])),
    "no_average": ({}, _X, _KV, _KV, dict(average_attn_weights=False, attn_mask=_CAUSAL)),
    "kdim_vdim": (dict(kdim=4, vdim=6), _X, _KV[..., :4], _rng(4).standard_normal((S, N, 6)), {}),
    "no_bias": (dict(has_bias=False), _X, _KV, _rng(5).standard_normal((S, N, E)), {}),
    "four_heads": (dict(num_heads=4), _X, _KV, _KV, dict(key_padding_mask=_KPM)),
}


def _np_call(kw):
    out = dict(kw)
    return {("kpm" if k == "key_padding_mask" else k): v for k, v in out.items()
            if k != "average_attn_weights"}, kw.get("average_attn_weights", True)


def _tensor_call(kw, dtype):
    out = {}
    for k, v in kw.items():
        out[k] = Tensor(v if v.dtype == np.bool_ else v.astype(dtype)) if isinstance(v, np.ndarray) else v
    return out


@pytest.mark.parametrize("name", sorted(MHA_CASES))
@pytest.mark.parametrize("batch_first", [False, True])
def test_multihead_attention_against_numpy(name, batch_first):
    ctor, q, k, v, call = MHA_CASES[name]
    kw = dict(ctor)
    heads = kw.pop("num_heads", H)
    cell = _set_weights(nn.MultiheadAttention(E, heads, batch_first=batch_first, **kw), 7, np.float64)
    np_kw, average = _np_call(call)
    want_out, want_w = np_mha(cell, q, k, v, np_kw.get("attn_mask"), np_kw.get("kpm"), average)
    args = [Tensor(t if not batch_first else t.swapaxes(0, 1)) for t in (q, k, v)]
    if q is k:
        args = [args[0]] * 3
    out, w = cell(*args, **_tensor_call(call, np.float64))
    got = out.asnumpy() if not batch_first else out.asnumpy().swapaxes(0, 1)
    np.testing.assert_allclose(got, want_out, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(w.asnumpy(), want_w, rtol=1e-10, atol=1e-12)
    assert out.dtype == ms.float64


def test_unbatched_is_a_batch_of_one():
    cell = _set_weights(nn.MultiheadAttention(E, H), 8, np.float64)
    q, kv = _X[:, :1], _KV[:, :1]
    want_out, want_w = np_mha(cell, q, kv, kv, kpm=_KPM[:1])
    out, w = cell(Tensor(q[:, 0]), Tensor(kv[:, 0]), Tensor(kv[:, 0]), key_padding_mask=Tensor(_KPM[0]))
    assert out.shape == (L, E) and w.shape == (L, S)
    np.testing.assert_allclose(out.asnumpy(), want_out[:, 0], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(w.asnumpy(), want_w[0], rtol=1e-10, atol=1e-12)


def test_need_weights_false_returns_the_output_alone():
    cell = _set_weights(nn.MultiheadAttention(E, H), 9)
    x = Tensor(_X.astype(np.float32))
    res = cell(x, x, x, need_weights=False)
    assert isinstance(res, tuple) and len(res) == 1
    np.testing.assert_allclose(res[0].asnumpy(), cell(x, x, x)[0].asnumpy(), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("need_weights", [True, False])
def test_multihead_attention_gradients(need_weights):
    cell = _set_weights(nn.MultiheadAttention(4, 2, kdim=3, vdim=5), 10, np.float64)
    mask = Tensor(_rng(11).standard_normal((2, 3)))
    kpm = Tensor(np.array([[False, False, True], [False, False, False]]))

    def f(q, k, v):
        res = cell(q, k, v, attn_mask=mask, key_padding_mask=kpm, need_weights=need_weights)
        return res[0] if not need_weights else (res[0], res[1])
    check_grads(f, [_rng(12).standard_normal((2, 2, 4)), _rng(13).standard_normal((3, 2, 3)),
                    _rng(14).standard_normal((3, 2, 5))], order=2, modes=("rev",))


def test_encoder_layer_gradients_float64():
    layer = _set_weights(nn.TransformerEncoderLayer(4, 2, 6, dropout=0.0, activation="gelu", norm_first=True,
                                                    dtype=ms.float64), 15, np.float64)
    mask = Tensor(np.triu(np.ones((3, 3), np.bool_), 1))
    check_grads(lambda x: layer(x, src_mask=mask), [_rng(16).standard_normal((3, 2, 4))], order=1, modes=("rev",))


def test_attention_weight_dropout_in_training_only():
    ms.set_seed(3)
    cell = _set_weights(nn.MultiheadAttention(E, H, dropout=0.5), 17)
    x = Tensor(_X.astype(np.float32))
    cell.set_train(False)
    eval_out, eval_w = cell(x, x, x, average_attn_weights=False)
    np.testing.assert_allclose(eval_w.asnumpy().sum(-1), 1, rtol=1e-5)
    cell.set_train(True)
    out, w = cell(x, x, x, average_attn_weights=False)
    kept = w.asnumpy()
    # each weight is dropped (0) or kept and scaled by 1 / (1 - p)
    np.testing.assert_allclose(kept[kept != 0], 2 * eval_w.asnumpy()[kept != 0], rtol=1e-5)
    assert 0.3 < (kept == 0).mean() < 0.7
    assert not np.allclose(out.asnumpy(), eval_out.asnumpy())


def _encoder(batch_first=False, dropout=0.0):
    layer = nn.TransformerEncoderLayer(E, H, 16, dropout=dropout, batch_first=batch_first)
    return _set_weights(nn.TransformerEncoder(layer, 2, nn.LayerNorm((E,))), 18)


def test_encoder_layers_are_copies_of_a_fresh_layer():
    given = nn.TransformerEncoderLayer(E, H, 16)
    enc = nn.TransformerEncoder(given, 2)
    w0, w1 = (enc.layers[i].self_attn.in_proj_weight.asnumpy() for i in range(2))
    np.testing.assert_array_equal(w0, w1)
    assert not np.array_equal(w0, given.self_attn.in_proj_weight.asnumpy())
    assert enc.layers[0].self_attn.in_proj_weight is not enc.layers[1].self_attn.in_proj_weight
    names = [p.name for p in enc.get_parameters()]
    assert len(names) == len(set(names)) and names[0] == "layers.0.self_attn.in_proj_weight"


def test_activation_cell_is_accepted_and_equals_the_function():
    x = Tensor(_X.astype(np.float32))
    by_name = _set_weights(nn.TransformerEncoderLayer(E, H, 16, dropout=0.0), 19)(x)
    cell = _set_weights(nn.TransformerEncoderLayer(E, H, 16, dropout=0.0, activation=nn.ReLU()), 19)
    np.testing.assert_allclose(cell(x).asnumpy(), by_name.asnumpy(), rtol=1e-6, atol=1e-6)
    assert "(activation): ReLU()" in repr(cell)


JIT_CASES = {
    "mha_masks": lambda: (
        _set_weights(nn.MultiheadAttention(E, H), 20),
        lambda c, x: c(x, x, x, attn_mask=Tensor(_CAUSAL[:, :L]), key_padding_mask=Tensor(_KPM[:, :L]))),
    "mha_cross_no_weights": lambda: (
        _set_weights(nn.MultiheadAttention(E, H, kdim=4, vdim=4, batch_first=True), 21),
        lambda c, x: c(x, x[:, :, :4], x[:, :, :4], need_weights=False)),
    "encoder": lambda: (_encoder(), lambda c, x: c(x, src_mask=Tensor(_CAUSAL[:, :L]))),
    "encoder_batch_first": lambda: (_encoder(True), lambda c, x: c(x)),
    "decoder": lambda: (
        _set_weights(nn.TransformerDecoder(nn.TransformerDecoderLayer(E, H, 16, dropout=0.0, norm_first=True), 2),
                     22),
        lambda c, x: c(x, x * 0.5, tgt_mask=Tensor(_CAUSAL[:, :L]), memory_key_padding_mask=Tensor(_KPM[:, :L]))),
    "transformer": lambda: (_set_weights(nn.Transformer(E, H, 1, 1, 16, dropout=0.0), 23),
                            lambda c, x: c(x, x[:3], tgt_mask=Tensor(_CAUSAL[:3, :3]))),
}


@pytest.mark.parametrize("name", sorted(JIT_CASES))
def test_eager_equals_jit(name):
    cell, call = JIT_CASES[name]()
    x = Tensor(_X.astype(np.float32))
    params = cell.trainable_params()

    def loss(t):
        out = call(cell, t)
        out = out[0] if isinstance(out, tuple) else out
        return (out * out).sum()
    grad_fn = ms.value_and_grad(loss, 0, params)
    eager_loss, (eager_dx, eager_dw) = grad_fn(x)
    compiled = ms.jit(grad_fn)
    for _ in range(2):
        jit_loss, (jit_dx, jit_dw) = compiled(x)
        np.testing.assert_allclose(jit_loss.asnumpy(), eager_loss.asnumpy(), rtol=1e-6)
        np.testing.assert_allclose(jit_dx.asnumpy(), eager_dx.asnumpy(), rtol=1e-5, atol=1e-6)
        for a, b in zip(jit_dw, eager_dw):
            np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=1e-5, atol=1e-6)
    assert len(eager_dw) == len(params)


def _self(cell, **kw):
    x = Tensor(_X.astype(np.float32))
    return cell(x, x, x, **kw)


ERRORS = {   # name: (thunk, exception, words of the message)
    "not_divisible": (lambda: nn.MultiheadAttention(10, 3), ValueError, ["MultiheadAttention", "10", "3"]),
    "attn_mask_shape": (lambda: _self(nn.MultiheadAttention(E, H), attn_mask=Tensor(_CAUSAL)), ValueError,
                        ["MultiheadAttention", "attn_mask", "(5, 5)", "(5, 6)"]),
    "attn_mask_3d_shape": (lambda: _self(nn.MultiheadAttention(E, H), attn_mask=Tensor(_FLOAT_MASK[:3, :, :5])),
                           ValueError, ["attn_mask", "(6, 5, 5)", "(3, 5, 5)"]),
    "kpm_shape": (lambda: _self(nn.MultiheadAttention(E, H), key_padding_mask=Tensor(_KPM)), ValueError,
                  ["key_padding_mask", "(3, 5)", "(3, 6)"]),
    "kpm_int": (lambda: _self(nn.MultiheadAttention(E, H), key_padding_mask=Tensor(np.zeros((N, L), np.int32))),
                ValueError, ["key_padding_mask"]),
    "key_batch": (lambda: nn.MultiheadAttention(E, H)(Tensor(_X), Tensor(_KV[:, :2]), Tensor(_KV[:, :2])),
                  ValueError, ["MultiheadAttention", "batch", "(5, 3, 8)", "(6, 2, 8)"]),
    "key_features": (lambda: nn.MultiheadAttention(E, H)(Tensor(_X), Tensor(_KV[..., :4]), Tensor(_KV[..., :4])),
                     ValueError, ["MultiheadAttention", "key", "(6, 3, 4)"]),
    "query_features": (lambda: nn.MultiheadAttention(E, H)(Tensor(_X[..., :6]), Tensor(_KV), Tensor(_KV)),
                       ValueError, ["embed_dim=8", "(5, 3, 6)"]),
    "query_4d": (lambda: _self(nn.MultiheadAttention(E, H)) and nn.MultiheadAttention(E, H)(
        Tensor(_X[None]), Tensor(_X[None]), Tensor(_X[None])), ValueError, ["query", "(1, 5, 3, 8)"]),
    "encoder_input": (lambda: _encoder()(Tensor(_X[..., :6].astype(np.float32))), ValueError,
                      ["TransformerEncoderLayer", "d_model=8", "(5, 3, 6)"]),
    "transformer_batch": (lambda: nn.Transformer(E, H, 1, 1, 16)(Tensor(_X.astype(np.float32)),
                                                                 Tensor(_KV[:, :2].astype(np.float32))),
                          ValueError, ["Transformer", "batch"]),
    "activation": (lambda: nn.TransformerEncoderLayer(E, H, activation="tanh"), ValueError, ["relu/gelu", "tanh"]),
    "encoder_layer_type": (lambda: nn.TransformerEncoder(nn.Dense(2, 2), 2), TypeError,
                           ["TransformerEncoder", "TransformerEncoderLayer", "Dense"]),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors(name):
    thunk, exc, words = ERRORS[name]
    with pytest.raises(exc) as info:
        thunk()
    for w in words:
        assert w in str(info.value), (w, str(info.value))


def test_mask_errors_are_raised_under_jit():
    cell = _set_weights(nn.MultiheadAttention(E, H), 24)
    fn = ms.jit(lambda x, m: cell(x, x, x, attn_mask=m)[0])
    x = Tensor(_X.astype(np.float32))
    with pytest.raises(ValueError, match="attn_mask"):
        fn(x, Tensor(_CAUSAL))
    np.testing.assert_allclose(fn(x, Tensor(_CAUSAL[:, :L])).asnumpy(),
                               cell(x, x, x, attn_mask=Tensor(_CAUSAL[:, :L]))[0].asnumpy(), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("need_weights", [True, False])
def test_a_float_attn_mask_has_a_gradient(need_weights):
    cell = _set_weights(nn.MultiheadAttention(4, 2), 25, np.float64)
    x = Tensor(_rng(26).standard_normal((3, 2, 4)))
    kpm = Tensor(np.array([[False, False, True], [False, False, False]]))
    check_grads(lambda m: cell(x, x, x, attn_mask=m, key_padding_mask=kpm, need_weights=need_weights)[0],
                [_rng(27).standard_normal((3, 3))], order=2, modes=("rev",))
