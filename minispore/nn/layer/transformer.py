"""Attention and Transformers: ``MultiheadAttention``, ``TransformerEncoderLayer``/``TransformerDecoderLayer``,
``TransformerEncoder``/``TransformerDecoder`` and ``Transformer``, with MindSpore 2.10's arguments, defaults,
parameter names and layouts (so checkpoints move between the two), initialisation and reprs.

MultiheadAttention holds ``in_proj_weight`` (3E, E) packed as [query; key; value] and ``in_proj_bias`` (3E,)
(or ``q_proj_weight`` (E, E), ``k_proj_weight`` (E, kdim), ``v_proj_weight`` (E, vdim) when kdim or vdim differ
from embed_dim), ``out_proj`` a Dense, and with ``add_bias_kv`` ``bias_k``/``bias_v`` (1, 1, E). The maths is
``ops.function.attention_func.multi_head_attention_forward``.

Where minispore differs from MindSpore 2.10 on purpose:
- the layers accept the ``nn.ReLU``/``nn.GELU`` instances their documentation allows (MindSpore 2.10 raises
  ValueError for any Cell: its check for ``ops.relu``/``ops.gelu`` also catches Cells, which are callable);
- a float ``attn_mask`` combined with a bool ``key_padding_mask`` (or the other way round) masks with -inf where
  the bool mask is True (MindSpore adds the bool mask as 0/1, or ORs a float mask as bool);
- ``Transformer`` compares the batch sizes of ``src`` and ``tgt`` (MindSpore 2.10 compares ``src`` with itself).
"""
import copy
import math

from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import HeUniform, Uniform, XavierNormal, XavierUniform, initializer
from ...common.parameter import Parameter
from ...ops.function.attention_func import _linear, multi_head_attention_forward
from ..cell import Cell
from .activation import GELU, ReLU
from .basic import Dense, Dropout
from .container import CellList
from .normalization import LayerNorm
from ._validation import flag, number, positive_int

__all__ = ['MultiheadAttention', 'TransformerEncoderLayer', 'TransformerDecoderLayer', 'TransformerEncoder',
           'TransformerDecoder', 'Transformer']


def _dense(in_features, out_features, dtype, has_bias=True):
    """A Dense with MindSpore's Transformer initialisation: HeUniform(sqrt(5)) weight, U(±1/sqrt(in)) bias."""
    return Dense(in_features, out_features, has_bias=has_bias, weight_init=HeUniform(math.sqrt(5)),
                 bias_init=Uniform(1 / math.sqrt(in_features)), dtype=dtype)


def _check_padding_mask(mask, error=ValueError):
    if mask is not None and (not isinstance(mask, Tensor) or (mask.dtype != mstype.bool_
                                                              and not mask.is_floating_point())):
        what = mask.dtype if isinstance(mask, Tensor) else type(mask).__name__
        raise error(f"only bool and floating types of key_padding_mask are supported, but got {what}.")


class MultiheadAttention(Cell):
    """Multi-head attention (Attention Is All You Need): ``concat(head_1..head_h) W_o`` with
    ``head_i = softmax(q_i k_i^T / sqrt(d) + mask) v_i``. Inputs are (L, N, E) (``batch_first``: (N, L, E)) or
    unbatched (L, E); returns ``(attn_output, attn_weights)``, or ``(attn_output,)`` with ``need_weights=False``."""

    def __init__(self, embed_dim, num_heads, dropout=0.0, has_bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, dtype=mstype.float32):
        super().__init__()
        name = "MultiheadAttention"
        self.embed_dim = positive_int(embed_dim, "embed_dim", name)
        self.num_heads = positive_int(num_heads, "num_heads", name)
        self.kdim = positive_int(kdim, "kdim", name) if kdim is not None else embed_dim
        self.vdim = positive_int(vdim, "vdim", name) if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.dropout = number(dropout, "dropout", name, low=0, high=1)
        self.batch_first = flag(batch_first, "batch_first", name)
        flag(has_bias, "has_bias", name)
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise ValueError(f"For 'MultiheadAttention', the init argument 'embed_dim' must be divisible by "
                             f"'num_heads', but got embed_dim={embed_dim} and num_heads={num_heads}.")
        if dtype is None:
            dtype = mstype.float32
        if self._qkv_same_embed_dim:
            self.in_proj_weight = Parameter(initializer(XavierUniform(), (3 * embed_dim, embed_dim), dtype),
                                            'in_proj_weight')
            self.q_proj_weight = self.k_proj_weight = self.v_proj_weight = None
        else:
            self.q_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, embed_dim), dtype), 'q_proj_weight')
            self.k_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, self.kdim), dtype), 'k_proj_weight')
            self.v_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, self.vdim), dtype), 'v_proj_weight')
            self.in_proj_weight = None
        if has_bias:
            self.in_proj_bias = Parameter(initializer('zeros', (3 * embed_dim,), dtype), 'in_proj_bias')
        else:
            self.in_proj_bias = None
        self.out_proj = _dense(embed_dim, embed_dim, dtype, has_bias)
        if add_bias_kv:
            self.bias_k = Parameter(initializer(XavierNormal(), (1, 1, embed_dim), dtype), 'bias_k')
            self.bias_v = Parameter(initializer(XavierNormal(), (1, 1, embed_dim), dtype), 'bias_v')
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = flag(add_zero_attn, "add_zero_attn", name)
        self.dtype = dtype

    def construct(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                  average_attn_weights=True):
        for arg, t in (("query", query), ("key", key), ("value", value)):
            if not isinstance(t, Tensor):
                raise TypeError(f"For 'MultiheadAttention', the {arg} must be a Tensor, but got {type(t).__name__}.")
        _check_padding_mask(key_padding_mask)
        separate = not self._qkv_same_embed_dim
        out, weights = multi_head_attention_forward(
            query, key, value, self.embed_dim, self.num_heads, self.in_proj_weight, self.in_proj_bias,
            self.bias_k, self.bias_v, self.add_zero_attn, self.dropout, self.out_proj.weight, self.out_proj.bias,
            training=self.training, key_padding_mask=key_padding_mask, attn_mask=attn_mask,
            use_separate_proj_weight=separate, q_proj_weight=self.q_proj_weight, k_proj_weight=self.k_proj_weight,
            v_proj_weight=self.v_proj_weight, average_attn_weights=average_attn_weights, dtype=self.dtype,
            need_weights=bool(need_weights), batch_first=self.batch_first)
        if need_weights:
            return out, weights
        return (out,)


def _activation(activation, layer):
    """The feed-forward activation: 'relu'/'gelu', ops.relu/ops.gelu, or an nn.ReLU/nn.GELU instance."""
    if isinstance(activation, str):
        if activation == "relu":
            return ops.relu
        if activation == "gelu":
            return ops.gelu
        raise ValueError(f"For '{layer}', the activation must be relu/gelu, but get {activation}")
    if isinstance(activation, Cell):
        if not isinstance(activation, (ReLU, GELU)):
            raise ValueError(f"The argument 'activation' must be nn.ReLU or nn.GELU instance, but get {activation}.")
        return activation
    if callable(activation):
        if activation is not ops.relu and activation is not ops.gelu:
            raise ValueError(f"The argument 'activation' must be ops.relu or ops.gelu instance, but get "
                             f"{activation}.")
        return activation
    raise ValueError(f"The argument 'activation' must be str, callable or Cell instance, but get {activation}.")


class _TransformerLayer(Cell):
    """What the encoder and decoder layers share: the arguments, the feed-forward block and its norms."""
    _norms = 2

    def __init__(self, d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first,
                 norm_first, dtype):
        super().__init__()
        name = type(self).__name__
        positive_int(d_model, "d_model", name)
        positive_int(nhead, "nhead", name)
        positive_int(dim_feedforward, "dim_feedforward", name)
        number(dropout, "dropout", name, low=0, high=1)
        number(layer_norm_eps, "layer_norm_eps", name)
        flag(batch_first, "batch_first", name)
        flag(norm_first, "norm_first", name)
        act = _activation(activation, name)
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first, dtype=dtype)
        if self._norms == 3:
            self.multihead_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first,
                                                     dtype=dtype)
        self.dense1 = _dense(d_model, dim_feedforward, dtype)
        self.dropout = Dropout(p=dropout)
        self.dense2 = _dense(dim_feedforward, d_model, dtype)
        self.norm_first = norm_first
        for i in range(1, self._norms + 1):
            setattr(self, f"norm{i}", LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for i in range(1, self._norms + 1):
            setattr(self, f"dropout{i}", Dropout(p=dropout))
        object.__setattr__(self, "activation1", activation)    # the argument as given (kept out of the cells)
        self.activation = act
        self.d_model = d_model
        self.nhead = nhead
        self.dim_feedforward = dim_feedforward
        self.dropout_num = dropout
        self.layernorm_eps = layer_norm_eps
        self.batch_first = batch_first
        self.dtype = dtype

    def _config(self):
        return (self.d_model, self.nhead, self.dim_feedforward, self.dropout_num, self.activation1,
                self.layernorm_eps, self.batch_first, self.norm_first)

    def _check_input(self, x, name):
        if not isinstance(x, Tensor):
            raise TypeError(f"For '{type(self).__name__}', the {name} must be a Tensor, but got {type(x).__name__}.")
        if x.ndim not in (2, 3) or x.shape[-1] != self.d_model:
            raise ValueError(f"For '{type(self).__name__}', the {name} must be (S, E) or a batched 3-D Tensor whose "
                             f"last dimension is d_model={self.d_model}, but got shape {x.shape}.")

    def _attend(self, attn, x, mem, attn_mask, key_padding_mask):
        return attn(x, mem, mem, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False)[0]

    def _ff_block(self, x, dropout):
        return dropout(self._dense(self.dense2, self.dropout(self.activation(self._dense(self.dense1, x)))))

    @staticmethod
    def _dense(dense, x):
        """``dense(x)``; a plain Dense runs as one fused kernel on the input seen as a matrix (ops.dense would
        multiply a 3-D input batch by batch, and its weight gradient would be a batch of products summed)."""
        if type(dense) is Dense and not dense.activation_flag and x.ndim > 2 and x.shape[-1] == dense.in_channels:
            return _linear(x, dense.weight, dense.bias)
        return dense(x)


class TransformerEncoderLayer(_TransformerLayer):
    """Self-attention and a feed-forward block, each with a residual connection and a LayerNorm (after the
    residual addition, or before the block with ``norm_first=True``)."""

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation='relu', layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, dtype=mstype.float32):
        super().__init__(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first,
                         norm_first, dtype)

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        _check_padding_mask(src_key_padding_mask, AssertionError)
        self._check_input(src, "src")
        x = src
        if self.norm_first:
            h = self.norm1(x)
            x = x + self.dropout1(self._attend(self.self_attn, h, h, src_mask, src_key_padding_mask))
            x = x + self._ff_block(self.norm2(x), self.dropout2)
        else:
            x = self.norm1(x + self.dropout1(self._attend(self.self_attn, x, x, src_mask, src_key_padding_mask)))
            x = self.norm2(x + self._ff_block(x, self.dropout2))
        return x


class TransformerDecoderLayer(_TransformerLayer):
    """Self-attention over the target, attention to the encoder's output (``memory``) and a feed-forward block,
    each with a residual connection and a LayerNorm."""
    _norms = 3

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation='relu', layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, dtype=mstype.float32):
        super().__init__(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first,
                         norm_first, dtype)

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        self._check_input(tgt, "tgt")
        self._check_input(memory, "memory")
        x = tgt
        if self.norm_first:
            h = self.norm1(x)
            x = x + self.dropout1(self._attend(self.self_attn, h, h, tgt_mask, tgt_key_padding_mask))
            x = x + self.dropout2(self._attend(self.multihead_attn, self.norm2(x), memory, memory_mask,
                                               memory_key_padding_mask))
            x = x + self._ff_block(self.norm3(x), self.dropout3)
        else:
            x = self.norm1(x + self.dropout1(self._attend(self.self_attn, x, x, tgt_mask, tgt_key_padding_mask)))
            x = self.norm2(x + self.dropout2(self._attend(self.multihead_attn, x, memory, memory_mask,
                                                          memory_key_padding_mask)))
            x = self.norm3(x + self._ff_block(x, self.dropout3))
        return x


def _stack(layer, kind, num_layers, owner):
    """``num_layers`` copies of a new layer with ``layer``'s configuration (as MindSpore: the given layer's own
    weights are not used; every copy starts from the same new weights)."""
    if not isinstance(layer, kind):
        raise TypeError(f"For '{owner}', the layer must be a {kind.__name__}, but got {type(layer).__name__}.")
    positive_int(num_layers, "num_layers", owner)
    fresh = kind(*layer._config(), dtype=layer.dtype)
    return CellList([copy.deepcopy(fresh) for _ in range(num_layers)])


class TransformerEncoder(Cell):
    """``num_layers`` TransformerEncoderLayers in a row, then ``norm`` (when given)."""

    def __init__(self, encoder_layer, num_layers, norm=None):
        super().__init__()
        self.layers = _stack(encoder_layer, TransformerEncoderLayer, num_layers, "TransformerEncoder")
        self.num_layers = num_layers
        self.norm = norm

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        _check_padding_mask(src_key_padding_mask, AssertionError)
        out = src
        for layer in self.layers:
            out = layer(out, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        if self.norm is not None:
            out = self.norm(out)
        return out


class TransformerDecoder(Cell):
    """``num_layers`` TransformerDecoderLayers in a row, then ``norm`` (when given)."""

    def __init__(self, decoder_layer, num_layers, norm=None):
        super().__init__()
        self.layers = _stack(decoder_layer, TransformerDecoderLayer, num_layers, "TransformerDecoder")
        self.num_layers = num_layers
        self.norm = norm

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        out = tgt
        for layer in self.layers:
            out = layer(out, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                        tgt_key_padding_mask=tgt_key_padding_mask, memory_key_padding_mask=memory_key_padding_mask)
        if self.norm is not None:
            out = self.norm(out)
        return out


class Transformer(Cell):
    """An encoder and a decoder (each a stack with a final LayerNorm); every weight of two or more dimensions is
    then drawn again from XavierUniform, as MindSpore does."""

    def __init__(self, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048,
                 dropout=0.1, activation='relu', custom_encoder=None, custom_decoder=None, layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, dtype=mstype.float32):
        super().__init__()
        config = (d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first)
        if custom_encoder is not None:
            self.encoder = custom_encoder
        else:
            self.encoder = TransformerEncoder(TransformerEncoderLayer(*config, dtype=dtype), num_encoder_layers,
                                              LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        if custom_decoder is not None:
            self.decoder = custom_decoder
        else:
            self.decoder = TransformerDecoder(TransformerDecoderLayer(*config, dtype=dtype), num_decoder_layers,
                                              LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for _, p in self.parameters_and_names():
            if p.ndim > 1:
                p.set_data(initializer('xavier_uniform', p.shape, p.dtype))
        self.d_model = d_model
        self.nhead = nhead
        self.batch_first = batch_first

    def construct(self, src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
                  tgt_key_padding_mask=None, memory_key_padding_mask=None):
        for name, t in (("src", src), ("tgt", tgt)):
            if not isinstance(t, Tensor):
                raise TypeError(f"For 'Transformer', the {name} must be a Tensor, but got {type(t).__name__}.")
        if src.ndim == 3 and tgt.ndim == 3:
            axis = 0 if self.batch_first else 1
            if src.shape[axis] != tgt.shape[axis]:
                raise ValueError(f"For 'Transformer', the number of batch size for 'src' and 'tgt' must be equal, "
                                 f"but got src {src.shape} and tgt {tgt.shape}.")
        if src.shape[-1] != self.d_model or tgt.shape[-1] != self.d_model:
            raise ValueError(f"For 'Transformer', the number of features for 'src' and 'tgt' must be equal to "
                             f"`d_model`={self.d_model}, but got src {src.shape} and tgt {tgt.shape}.")
        memory = self.encoder(src, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                            tgt_key_padding_mask=tgt_key_padding_mask,
                            memory_key_padding_mask=memory_key_padding_mask)
