"""Reference ("golden") cases for MindSpore 2.10's attention and Transformer layers: ``nn.MultiheadAttention``
(self and cross attention, bool and float masks in 2-D and 3-D, key_padding_mask, ``need_weights``,
``average_attn_weights``, kdim/vdim, batch_first, unbatched input, add_bias_kv/add_zero_attn, no bias),
``nn.TransformerEncoderLayer``/``TransformerDecoderLayer`` (norm_first both ways, relu/gelu by name and as
``ops`` functions, batch_first), the stacks and ``nn.Transformer``; parameter names, shapes and reprs; gradients
with respect to the inputs and every weight; and the error class of bad input.

Laid out as tests/golden/cases_resample.py: ``cases(ms)`` builds ``(name, thunk)`` pairs on the framework module
``ms``; every weight is set by parameter name from ``np.random.default_rng(seed)`` (dropout 0, so results are
deterministic); ``gen_transformer.py`` records them with MindSpore into ``transformer.json``;
``tests/test_golden_transformer.py`` checks minispore against the recording. ``thunk.keywords`` are words that
must appear in the error message (in MindSpore's and in minispore's); ``DELIBERATE`` lists where minispore
differs on purpose (with ``INSTEAD``: what it gives).
"""
import numpy as np



def f32(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def _err(cls, *keywords):
    return {"error": cls, "keywords": list(keywords)}


DELIBERATE = {
    "mha/mixed_float_attn_bool_kpm": "MindSpore adds a bool key_padding_mask to a float attn_mask as 0/1; minispore "
                                     "masks the padded keys with -inf (as a bool mask means)",
    "enc_layer/cell_relu": "MindSpore 2.10 refuses the nn.ReLU instance its documentation allows (ValueError); "
                           "minispore accepts it",
    "enc_layer/cell_gelu": "the same for nn.GELU (which approximates with tanh by default)",
}

# reprs holding a LayerNorm: MindSpore prints 'gammaParameter (...)', minispore 'gamma=Parameter (...)' (as
# tests/test_golden_nn.py's repr.norm_layers); the rest of the text must match MindSpore's
LAYERNORM_REPR = ("repr/enc_layer", "repr/dec_layer", "repr/encoder", "repr/transformer")
for _name in LAYERNORM_REPR:
    DELIBERATE[_name] = "MindSpore's LayerNorm repr lacks the '=' in 'gamma=Parameter (...)'"

NOTES = {
    "mha/need_weights_false": "need_weights=False returns a 1-tuple (attn_output,)",
    "stack/encoder_params": "TransformerEncoder builds a fresh layer from the given one's settings and deep-copies "
                            "it: the given layer's weights are not used",
}

UNSTABLE = {}

# a deliberate case's expected result is MindSpore's recording of another case (same weights, same inputs)
INSTEAD = {
    "enc_layer/cell_relu": "enc_layer/ops_relu",
    "enc_layer/cell_gelu": "enc_layer/gelu_tanh",
    "mha/mixed_float_attn_bool_kpm": "mha/mixed_reference",
}


def tolerance(name):
    return 1e-4, 1e-5


def cases(ms):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``."""
    ops = ms.ops
    nn = ms.nn
    Tensor = ms.Tensor
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        elif name in DELIBERATE:
            thunk.note = DELIBERATE[name]
        out.append((name, thunk))

    def X(seed, shape):
        return Tensor(f32(seed, shape))

    def set_weights(cell, seed, scale=0.3):
        rng = np.random.default_rng(seed)
        for _, p in cell.parameters_and_names():
            p.set_data(Tensor((rng.standard_normal(p.shape) * scale).astype(np.float32)))
        return cell

    def mha(seed=1, E=8, H=2, **kw):
        return set_weights(nn.MultiheadAttention(E, H, **kw), seed)

    def params(cell):
        return [(n, tuple(p.shape), p.name, str(p.dtype)) for n, p in cell.parameters_and_names()]

    def causal(L, S=None):
        S = L if S is None else S
        return Tensor(np.triu(np.ones((L, S), np.bool_), 1))

    def float_mask(seed, shape):
        return Tensor((np.random.default_rng(seed).standard_normal(shape) * 2).astype(np.float32))

    def kpm_bool(N, S):
        m = np.zeros((N, S), np.bool_)
        for i in range(N):
            m[i, S - 1 - i % (S - 1):] = True    # pad the tail of every row, never a whole row
        return Tensor(m)

    # ==========================================================================================================
    # 1. MultiheadAttention: values
    # ==========================================================================================================
    L, S, N, E = 5, 6, 3, 8

    def self_attn(**call):
        x = X(10, (L, N, E))
        return mha()(x, x, x, **call)

    add("mha/self", lambda: self_attn())
    add("mha/self_no_average", lambda: self_attn(average_attn_weights=False))
    add("mha/need_weights_false", lambda: self_attn(need_weights=False))
    add("mha/causal_bool", lambda: self_attn(attn_mask=causal(L)))
    add("mha/float_mask_2d", lambda: self_attn(attn_mask=float_mask(11, (L, L))))
    add("mha/bool_mask_3d", lambda: self_attn(attn_mask=Tensor(np.random.default_rng(12).random((N * 2, L, L))
                                                               > np.eye(L, dtype=np.float32) * 2 + 0.6)))
    add("mha/float_mask_3d", lambda: self_attn(attn_mask=float_mask(13, (N * 2, L, L)), average_attn_weights=False))
    add("mha/kpm_bool", lambda: self_attn(key_padding_mask=kpm_bool(N, L)))
    add("mha/kpm_float", lambda: self_attn(key_padding_mask=float_mask(14, (N, L))))
    add("mha/kpm_and_causal", lambda: self_attn(key_padding_mask=kpm_bool(N, L), attn_mask=causal(L)))
    add("mha/kpm_float_and_float_mask", lambda: self_attn(key_padding_mask=float_mask(14, (N, L)),
                                                          attn_mask=float_mask(11, (L, L))))
    kpm_as_float = lambda: Tensor(np.where(kpm_bool(N, L).asnumpy(), -np.inf, 0).astype(np.float32))  # noqa: E731
    add("mha/mixed_float_attn_bool_kpm", lambda: self_attn(key_padding_mask=kpm_bool(N, L),
                                                           attn_mask=float_mask(11, (L, L))))
    add("mha/mixed_reference", lambda: self_attn(key_padding_mask=kpm_as_float(), attn_mask=float_mask(11, (L, L))))
    add("mha/uint8_mask", lambda: self_attn(attn_mask=Tensor(np.triu(np.ones((L, L), np.uint8), 1))))

    def cross(**kw):
        q, kv = X(20, (L, N, E)), X(21, (S, N, E))
        call = {k: kw.pop(k) for k in list(kw) if k in ("attn_mask", "key_padding_mask", "average_attn_weights")}
        return mha(**kw)(q, kv, kv, **call)

    add("mha/cross", lambda: cross())
    add("mha/cross_masks", lambda: cross(attn_mask=causal(L, S), key_padding_mask=kpm_bool(N, S)))
    add("mha/qkv_distinct", lambda: mha()(X(22, (L, N, E)), X(23, (S, N, E)), X(24, (S, N, E))))
    add("mha/no_bias", lambda: cross(has_bias=False))
    add("mha/kdim_vdim", lambda: mha(kdim=4, vdim=6)(X(25, (L, N, E)), X(26, (S, N, 4)), X(27, (S, N, 6))))
    add("mha/kdim_vdim_masks", lambda: mha(kdim=4, vdim=6)(X(25, (L, N, E)), X(26, (S, N, 4)), X(27, (S, N, 6)),
                                                           key_padding_mask=float_mask(19, (N, S)),
                                                           attn_mask=float_mask(15, (L, S))))
    add("mha/bias_kv", lambda: cross(add_bias_kv=True))
    add("mha/bias_kv_masks", lambda: cross(add_bias_kv=True, attn_mask=causal(L, S),
                                           key_padding_mask=kpm_bool(N, S)))
    add("mha/zero_attn", lambda: cross(add_zero_attn=True))
    add("mha/zero_attn_masks", lambda: cross(add_zero_attn=True, attn_mask=float_mask(16, (L, S)),
                                             key_padding_mask=float_mask(19, (N, S))))
    add("mha/zero_attn_bool_masks", lambda: cross(add_zero_attn=True, attn_mask=causal(L, S),
                                                  key_padding_mask=kpm_bool(N, S)))
    add("mha/bias_kv_zero_attn", lambda: cross(add_bias_kv=True, add_zero_attn=True))

    def batch_first_self(**call):
        x = X(30, (N, L, E))
        return mha(batch_first=True)(x, x, x, **call)

    add("mha/batch_first_self", lambda: batch_first_self())
    add("mha/batch_first_masks", lambda: batch_first_self(attn_mask=causal(L), key_padding_mask=kpm_bool(N, L)))
    add("mha/batch_first_cross", lambda: mha(batch_first=True)(X(31, (N, L, E)), X(32, (N, S, E)), X(32, (N, S, E))))
    add("mha/batch_first_kdim", lambda: mha(batch_first=True, kdim=4, vdim=6)(X(31, (N, L, E)), X(33, (N, S, 4)),
                                                                              X(34, (N, S, 6))))
    add("mha/unbatched", lambda: mha()(X(40, (L, E)), X(41, (S, E)), X(41, (S, E))))
    add("mha/unbatched_masks", lambda: mha()(X(40, (L, E)), X(41, (S, E)), X(41, (S, E)), attn_mask=causal(L, S),
                                             key_padding_mask=Tensor(np.arange(S) >= S - 2),
                                             average_attn_weights=False))
    add("mha/unbatched_3d_mask", lambda: mha()(X(40, (L, E)), X(41, (S, E)), X(41, (S, E)),
                                               attn_mask=float_mask(17, (2, L, S))))
    add("mha/unbatched_batch_first", lambda: mha(batch_first=True)(X(40, (L, E)), X(41, (S, E)), X(41, (S, E))))
    add("mha/heads4", lambda: mha(E=16, H=4)(X(42, (L, N, 16)), X(43, (S, N, 16)), X(43, (S, N, 16))))
    add("mha/heads1", lambda: mha(H=1)(X(44, (L, N, E)), X(44, (L, N, E)), X(44, (L, N, E))))

    # ---- gradients with respect to the inputs and every weight
    def mha_grads(make, inputs, call=None):
        def thunk():
            cell = make()
            args = inputs()
            w = X(99, cell(*args, **(call or {}))[0].shape)

            def f(*a):
                o, attn = cell(*a, **(call or {}))
                return (o * w).sum() + (attn * attn).sum()
            loss, grads = ms.value_and_grad(f, tuple(range(len(args))), cell.trainable_params())(*args)
            return loss, grads
        return thunk

    def self_grads(make, x, call=None):
        # (one input: MindSpore's self-attention projects the query only when query, key and value are one Tensor,
        # so gradients with respect to three positions holding it would give the key and value positions zero)
        def thunk():
            cell = make()
            t = x()
            w = X(99, t.shape)

            def f(a):
                o, attn = cell(a, a, a, **(call or {}))
                return (o * w).sum() + (attn * attn).sum()
            return ms.value_and_grad(f, 0, cell.trainable_params())(t)
        return thunk

    add("grad/mha_self", self_grads(mha, lambda: X(10, (L, N, E))))
    add("grad/mha_self_masks", self_grads(mha, lambda: X(10, (L, N, E)), dict(attn_mask=float_mask(11, (L, L)),
                                                                              key_padding_mask=float_mask(14, (N, L)))))
    add("grad/mha_self_bool_masks", self_grads(mha, lambda: X(10, (L, N, E)),
                                               dict(attn_mask=causal(L), key_padding_mask=kpm_bool(N, L))))
    add("grad/mha_cross", mha_grads(mha, lambda: (X(20, (L, N, E)), X(21, (S, N, E)), X(22, (S, N, E))),
                                    dict(attn_mask=causal(L, S))))
    add("grad/mha_kdim_vdim", mha_grads(lambda: mha(kdim=4, vdim=6),
                                        lambda: (X(25, (L, N, E)), X(26, (S, N, 4)), X(27, (S, N, 6)))))
    add("grad/mha_bias_kv_zero_attn", mha_grads(lambda: mha(add_bias_kv=True, add_zero_attn=True),
                                                lambda: (X(20, (L, N, E)), X(21, (S, N, E)), X(22, (S, N, E)))))
    add("grad/mha_batch_first", mha_grads(lambda: mha(batch_first=True),
                                          lambda: (X(31, (N, L, E)), X(32, (N, S, E)), X(32, (N, S, E))),
                                          dict(average_attn_weights=False)))

    # ---- names, shapes, reprs
    add("params/mha", lambda: params(nn.MultiheadAttention(8, 2)))
    add("params/mha_kdim_bias_kv", lambda: params(nn.MultiheadAttention(8, 2, kdim=4, vdim=6, has_bias=False,
                                                                        add_bias_kv=True)))
    add("repr/mha", lambda: repr(nn.MultiheadAttention(8, 2)))
    add("repr/mha_no_bias", lambda: repr(nn.MultiheadAttention(8, 2, has_bias=False)))
    add("attrs/mha", lambda: (lambda m: (m.embed_dim, m.kdim, m.vdim, m.num_heads, m.head_dim, m.dropout,
                                         m.batch_first, m._qkv_same_embed_dim, m.add_zero_attn,
                                         m.in_proj_weight is None, m.bias_k is None))(
        nn.MultiheadAttention(8, 2, kdim=4, dropout=0.25)))
    add("init/mha_bias_zero", lambda: nn.MultiheadAttention(8, 2).in_proj_bias.asnumpy().tolist())

    # ==========================================================================================================
    # 2. Transformer layers, stacks, Transformer
    # ==========================================================================================================
    D, F = 8, 16

    def enc_layer(seed=2, **kw):
        return set_weights(nn.TransformerEncoderLayer(D, 2, F, dropout=0.0, **kw), seed)

    def dec_layer(seed=3, **kw):
        return set_weights(nn.TransformerDecoderLayer(D, 2, F, dropout=0.0, **kw), seed)

    src, tgt = lambda: X(50, (L, N, D)), lambda: X(51, (S, N, D))  # noqa: E731
    for nf in (False, True):
        tag = "_norm_first" if nf else ""
        add(f"enc_layer/relu{tag}", lambda nf=nf: enc_layer(norm_first=nf)(src()))
        add(f"enc_layer/gelu{tag}", lambda nf=nf: enc_layer(norm_first=nf, activation="gelu")(src()))
        add(f"enc_layer/masks{tag}", lambda nf=nf: enc_layer(norm_first=nf)(src(), src_mask=causal(L),
                                                                            src_key_padding_mask=kpm_bool(N, L)))
        add(f"dec_layer/relu{tag}", lambda nf=nf: dec_layer(norm_first=nf)(tgt(), src()))
        add(f"dec_layer/masks{tag}", lambda nf=nf: dec_layer(norm_first=nf, activation="gelu")(
            tgt(), src(), tgt_mask=causal(S), memory_mask=causal(S, L),
            tgt_key_padding_mask=kpm_bool(N, S), memory_key_padding_mask=kpm_bool(N, L)))
    add("enc_layer/ops_relu", lambda: enc_layer(activation=ops.relu)(src()))
    add("enc_layer/ops_gelu", lambda: enc_layer(activation=ops.gelu)(src()))
    add("enc_layer/cell_relu", lambda: enc_layer(activation=nn.ReLU())(src()))
    add("enc_layer/cell_gelu", lambda: enc_layer(activation=nn.GELU())(src()))

    def gelu_tanh_layer():
        # what nn.GELU() computes (approximate=True), as a MindSpore-accepted activation cannot be a Cell
        layer = enc_layer()
        x = src()
        h = layer.norm1(x + layer.self_attn(x, x, x, need_weights=False)[0])
        ff = layer.dense2(ops.gelu(layer.dense1(h), approximate="tanh"))
        return layer.norm2(h + ff)
    add("enc_layer/gelu_tanh", gelu_tanh_layer)
    add("enc_layer/batch_first", lambda: enc_layer(batch_first=True)(X(52, (N, L, D)), src_mask=causal(L)))
    add("enc_layer/unbatched", lambda: enc_layer()(X(53, (L, D))))
    add("dec_layer/batch_first", lambda: dec_layer(batch_first=True, norm_first=True)(
        X(54, (N, S, D)), X(55, (N, L, D)), tgt_mask=causal(S)))
    add("enc_layer/eps", lambda: enc_layer(layer_norm_eps=0.5)(src()))

    def stack(kind, layers, seed, norm=True, **kw):
        layer = (nn.TransformerEncoderLayer if kind == "enc" else nn.TransformerDecoderLayer)(D, 2, F, dropout=0.0,
                                                                                             **kw)
        cls = nn.TransformerEncoder if kind == "enc" else nn.TransformerDecoder
        return set_weights(cls(layer, layers, nn.LayerNorm((D,)) if norm else None), seed)

    add("stack/encoder", lambda: stack("enc", 2, 4)(src(), src_mask=causal(L)))
    add("stack/encoder_no_norm", lambda: stack("enc", 3, 5, norm=False, norm_first=True)(
        src(), src_key_padding_mask=kpm_bool(N, L)))
    add("stack/decoder", lambda: stack("dec", 2, 6)(tgt(), src(), tgt_mask=causal(S),
                                                    memory_key_padding_mask=kpm_bool(N, L)))
    add("stack/encoder_params", lambda: params(stack("enc", 2, 4)))
    add("stack/decoder_params", lambda: params(stack("dec", 1, 4)))
    add("stack/encoder_same_start", lambda: (lambda e: [bool((e.layers[0].dense1.weight.asnumpy()
                                                              == e.layers[1].dense1.weight.asnumpy()).all())])(
        nn.TransformerEncoder(nn.TransformerEncoderLayer(D, 2, F), 2)))

    def transformer(seed=7, **kw):
        return set_weights(nn.Transformer(D, 2, 1, 2, F, dropout=0.0, **kw), seed)
    add("transformer/forward", lambda: transformer()(src(), tgt(), tgt_mask=causal(S)))
    add("transformer/batch_first_norm_first", lambda: transformer(batch_first=True, norm_first=True)(
        X(56, (N, L, D)), X(57, (N, S, D)), src_key_padding_mask=kpm_bool(N, L), tgt_mask=causal(S)))
    add("transformer/params", lambda: params(nn.Transformer(D, 2, 1, 1, F)))
    add("transformer/init_bias_zero", lambda: nn.Transformer(D, 2, 1, 1, F).encoder.layers[0].self_attn
        .in_proj_bias.asnumpy().tolist())

    # ---- reprs, names
    add("repr/enc_layer", lambda: repr(nn.TransformerEncoderLayer(D, 2, F)))
    add("repr/dec_layer", lambda: repr(nn.TransformerDecoderLayer(D, 2, F, dropout=0.2)))
    add("repr/encoder", lambda: repr(nn.TransformerEncoder(nn.TransformerEncoderLayer(D, 2, F), 2,
                                                           nn.LayerNorm((D,)))))
    add("repr/transformer", lambda: repr(nn.Transformer(D, 2, 1, 1, F)))
    add("params/enc_layer", lambda: params(nn.TransformerEncoderLayer(D, 2, F)))
    add("params/dec_layer", lambda: params(nn.TransformerDecoderLayer(D, 2, F)))
    add("attrs/enc_layer", lambda: (lambda m: (m.d_model, m.nhead, m.dim_feedforward, m.dropout_num, m.layernorm_eps,
                                               m.batch_first, m.norm_first, m.activation is ops.gelu))(
        nn.TransformerEncoderLayer(D, 2, F, 0.3, "gelu", 1e-6, True, True)))

    # ---- gradients through the layers
    def layer_grads(make, inputs, call=None):
        def thunk():
            cell = make()
            args = inputs()
            w = X(98, cell(*args, **(call or {})).shape)
            f = lambda *a: (cell(*a, **(call or {})) * w).sum()  # noqa: E731
            return ms.value_and_grad(f, tuple(range(len(args))), cell.trainable_params())(*args)
        return thunk

    add("grad/enc_layer", layer_grads(enc_layer, lambda: (src(),), dict(src_mask=causal(L))))
    add("grad/enc_layer_norm_first_gelu", layer_grads(lambda: enc_layer(norm_first=True, activation="gelu"),
                                                      lambda: (src(),), dict(src_key_padding_mask=kpm_bool(N, L))))
    add("grad/dec_layer", layer_grads(dec_layer, lambda: (tgt(), src()), dict(tgt_mask=causal(S))))
    add("grad/encoder_stack", layer_grads(lambda: stack("enc", 2, 4, batch_first=True),
                                          lambda: (X(52, (N, L, D)),)))
    add("grad/transformer", layer_grads(transformer, lambda: (src(), tgt()), dict(tgt_mask=causal(S))))

    # ==========================================================================================================
    # 3. errors
    # ==========================================================================================================
    add("err/not_divisible", lambda: nn.MultiheadAttention(10, 3), ["embed_dim", "num_heads", "divisible"])
    add("err/attn_mask_2d_shape", lambda: self_attn(attn_mask=causal(L, L + 1)), ["attn_mask", "(5, 5)", "(5, 6)"])
    add("err/attn_mask_3d_shape", lambda: self_attn(attn_mask=float_mask(1, (N, L, L))), ["attn_mask", "(6, 5, 5)"])
    add("err/attn_mask_4d", lambda: self_attn(attn_mask=float_mask(1, (1, N * 2, L, L))), ["attn_mask"])
    add("err/attn_mask_int", lambda: self_attn(attn_mask=Tensor(np.zeros((L, L), np.int32))), ["attn_mask"])
    add("err/kpm_shape", lambda: self_attn(key_padding_mask=kpm_bool(N, L + 1)), ["key_padding_mask", "(3, 5)"])
    add("err/kpm_ndim", lambda: self_attn(key_padding_mask=Tensor(np.zeros((N, 1, L), np.bool_))),
        ["key_padding_mask"])
    add("err/kpm_int", lambda: self_attn(key_padding_mask=Tensor(np.zeros((N, L), np.int32))),
        ["key_padding_mask"])
    add("err/query_4d", lambda: mha()(X(1, (1, L, N, E)), X(1, (1, L, N, E)), X(1, (1, L, N, E))), ["query"])
    add("err/key_2d_query_3d", lambda: mha()(X(1, (L, N, E)), X(2, (S, E)), X(2, (S, E))), ["key"])
    add("err/embed_dim_mismatch", lambda: mha()(X(1, (L, N, 6)), X(1, (L, N, 6)), X(1, (L, N, 6))), ["embed_dim"])
    add("err/key_value_shape", lambda: mha()(X(1, (L, N, E)), X(2, (S, N, E)), X(3, (S + 1, N, E))),
        ["key", "value"])
    add("err/enc_kpm_int", lambda: enc_layer()(src(), src_key_padding_mask=Tensor(np.zeros((N, L), np.int32))),
        ["key_padding_mask"])
    add("err/activation_name", lambda: nn.TransformerEncoderLayer(D, 2, F, activation="tanh"), ["relu", "gelu"])
    add("err/activation_fn", lambda: nn.TransformerEncoderLayer(D, 2, F, activation=ops.tanh), ["activation"])
    add("err/activation_int", lambda: nn.TransformerDecoderLayer(D, 2, F, activation=3), ["activation"])
    add("err/activation_cell", lambda: nn.TransformerEncoderLayer(D, 2, F, activation=nn.Tanh()), ["activation"])
    add("err/transformer_features", lambda: transformer()(X(1, (L, N, D + 1)), tgt()), ["d_model"])
    return out
