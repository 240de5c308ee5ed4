"""Recurrent layers: ``nn.RNN``, ``nn.LSTM`` and ``nn.GRU``, with MindSpore 2.10's arguments, parameter names and
layouts (``weight_ih_l0``, ``weight_hh_l0_reverse``, ...: checkpoints move between the frameworks), initialisation
(NumPy's global generator, uniform in +-1/sqrt(H), drawn in MindSpore's order, so a seeded NumPy gives
MindSpore's weights) and repr.

Each layer of the stack is one input projection for every step and both directions (a single matrix product) and
one ``RecurrentScan`` primitive that runs the time loop (``minispore/ops/_prims/rnn.py``).
``seq_length`` gives each sample's valid steps: outputs past it are zero and the final state is the one at the
sample's last valid step; the reverse direction reads each sequence backwards from its last valid step.
"""
import math

from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import numpy_global_uniform
from ...common.parameter import Parameter, ParameterTuple
from ...ops._prims import rnn as _rnn
from ...ops._prims.shape import concat, reshape, transpose
from ..cell import Cell
from .basic import Dropout
from ._validation import flag, positive_int

__all__ = ["RNN", "LSTM", "GRU"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64)


class _DynamicRNNBase(Cell):
    """One layer's time loop (both directions): MindSpore's child cell, named as in its repr."""
    mode = None

    def construct(self, xg, w_hh, b_hh, s0, lengths, masked):
        return _rnn.recurrent_scan(xg, w_hh, b_hh, s0, lengths, self.mode, masked)


class _DynamicRNNTanh(_DynamicRNNBase):
    mode = "RNN_TANH"


class _DynamicRNNRelu(_DynamicRNNBase):
    mode = "RNN_RELU"


class _DynamicLSTMCPUGPU(_DynamicRNNBase):
    mode = "LSTM"


class _DynamicGRUCPUGPU(_DynamicRNNBase):
    mode = "GRU"


_LOOPS = {"LSTM": _DynamicLSTMCPUGPU, "GRU": _DynamicGRUCPUGPU, "RNN_TANH": _DynamicRNNTanh,
          "RNN_RELU": _DynamicRNNRelu}


class _RNNBase(Cell):
    def __init__(self, mode, input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.,
                 bidirectional=False, dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        hidden_size = positive_int(hidden_size, "hidden_size", name)
        input_size = positive_int(input_size, "input_size", name)
        num_layers = positive_int(num_layers, "num_layers", name)
        if not isinstance(dropout, float):
            raise TypeError(f"For '{name}', the 'dropout' must be a float, but got {type(dropout).__name__} "
                            f"({dropout!r}).")
        for arg, value in (("has_bias", has_bias), ("batch_first", batch_first), ("bidirectional", bidirectional)):
            flag(value, arg, name)
        if not 0 <= dropout < 1:
            raise ValueError(f"For '{name}', the 'dropout' must be a number in range [0, 1) representing the "
                             f"probability of an element being zeroed, but got {dropout}.")
        self.mode = mode
        self.rnn = _LOOPS[mode]()
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, num_layers
        self.batch_first, self.dropout, self.bidirectional, self.has_bias = batch_first, dropout, bidirectional, \
            has_bias
        self.dropout_op = Dropout(p=float(dropout))
        self.is_lstm = mode == "LSTM"
        num_directions = 2 if bidirectional else 1
        gate_size = _rnn.MODES[mode] * hidden_size
        stdv = 1 / math.sqrt(hidden_size)
        w_ih, w_hh, b_ih, b_hh = [], [], [], []

        def param(shape, pname):
            # MindSpore draws from NumPy's global generator, in this order: a seeded NumPy gives its weights
            return Parameter(numpy_global_uniform(stdv, shape, dtype), name=pname)
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input = input_size if layer == 0 else hidden_size * num_directions
                suffix = "_reverse" if direction == 1 else ""
                w_ih.append(param((gate_size, layer_input), f"weight_ih_l{layer}{suffix}"))
                w_hh.append(param((gate_size, hidden_size), f"weight_hh_l{layer}{suffix}"))
                if has_bias:
                    b_ih.append(param((gate_size,), f"bias_ih_l{layer}{suffix}"))
                    b_hh.append(param((gate_size,), f"bias_hh_l{layer}{suffix}"))
        self.w_ih_list = ParameterTuple(w_ih)
        self.w_hh_list = ParameterTuple(w_hh)
        self.b_ih_list = ParameterTuple(b_ih)
        self.b_hh_list = ParameterTuple(b_hh)

    # ------------------------------------------------------------------------- checks
    def _check_inputs(self, x, hx, seq_length):
        name = type(self).__name__
        if not isinstance(x, Tensor):
            raise TypeError(f"For '{name}', the 'x' must be a Tensor, but got {type(x).__name__}.")
        if x.ndim != 3:
            raise ValueError(f"For '{name}', the input 'x' must be 3-D ({'batch, seq' if self.batch_first else 'seq, batch'}"
                             f", input_size), but got shape {x.shape}.")
        if x.shape[2] != self.input_size:
            raise ValueError(f"For '{name}', the last dimension of 'x' must be input_size={self.input_size}, but got "
                             f"input shape {x.shape}.")
        if x.dtype not in _FLOATS:
            raise TypeError(f"For '{name}', the dtype of 'x' must be float16 or float32, but got {x.dtype}.")
        batch = x.shape[0] if self.batch_first else x.shape[1]
        d = 2 if self.bidirectional else 1
        want = (self.num_layers * d, batch, self.hidden_size)
        if hx is not None:
            states = hx if self.is_lstm else (hx,)
            labels = ("hx[0]", "hx[1]") if self.is_lstm else ("hx",)
            if self.is_lstm and (not isinstance(hx, (tuple, list)) or len(hx) != 2):
                raise TypeError(f"For '{name}', the 'hx' must be a tuple of two Tensors (h_0, c_0), but got "
                                f"{type(hx).__name__}.")
            for label, h in zip(labels, states):
                if not isinstance(h, Tensor):
                    raise TypeError(f"For '{name}', the '{label}' must be a Tensor, but got {type(h).__name__}.")
                if h.dtype != x.dtype:
                    raise TypeError(f"For '{name}', the dtype of '{label}' ({h.dtype}) must be the same as that of "
                                    f"'x' ({x.dtype}).")
                if h.shape != want:
                    raise ValueError(f"For '{name}', the shape of '{label}' must be (num_layers * num_directions, "
                                     f"batch_size, hidden_size) = {want}, but got {h.shape} (input shape "
                                     f"{x.shape}).")
        if seq_length is not None:
            if not isinstance(seq_length, Tensor):
                raise TypeError(f"For '{name}', the 'seq_length' must be a Tensor, but got "
                                f"{type(seq_length).__name__}.")
            if seq_length.dtype not in (mstype.int32, mstype.int64):
                raise TypeError(f"For '{name}', the dtype of 'seq_length' must be Int32 or Int64, but got "
                                f"{seq_length.dtype}.")
            if seq_length.ndim != 1 or seq_length.shape[0] != batch:
                raise ValueError(f"For '{name}' batch size of x and seq_length must be equal, but got {batch} of x "
                                 f"and {seq_length.shape} of seq_length.")
        return batch

    # ------------------------------------------------------------------------- the stack
    def construct(self, x, hx=None, seq_length=None):
        batch = self._check_inputs(x, hx, seq_length)
        dtype = x.dtype
        d = 2 if self.bidirectional else 1
        h = self.hidden_size
        if self.batch_first:
            x = transpose(x, (1, 0, 2))
        t_len = x.shape[0]
        if hx is None:
            zeros = ops.zeros((self.num_layers * d, batch, h), dtype)
            hx = (zeros, zeros) if self.is_lstm else zeros
        lengths = ops.full((batch,), t_len, dtype=mstype.int64) if seq_length is None else seq_length
        layer_input = x
        h_n, c_n = [], []
        for layer in range(self.num_layers):
            idx = range(layer * d, layer * d + d)
            w_ih, w_hh, b_in, b_hh = kernel_weights(
                [self.w_ih_list[i] for i in idx], [self.w_hh_list[i] for i in idx],
                [self.b_ih_list[i] for i in idx] if self.has_bias else None,
                [self.b_hh_list[i] for i in idx] if self.has_bias else None, self.mode, h, dtype)
            xg = ops.dense(reshape(layer_input, (t_len * batch, layer_input.shape[2])), w_ih, b_in)
            xg = reshape(xg, (t_len, batch, xg.shape[1]))
            h0 = hx[0] if self.is_lstm else hx
            s0 = h0[layer * d:layer * d + d]
            if self.is_lstm:
                s0 = concat([s0, hx[1][layer * d:layer * d + d]], 2)
            r = self.rnn(xg, w_hh, b_hh, s0, lengths, seq_length is not None)
            out, h_last, c_last = _rnn.read_scan(r, lengths, self.mode, h, seq_length is not None)
            h_n.append(h_last)
            if self.is_lstm:
                c_n.append(c_last)
            layer_input = self.dropout_op(out) if (self.dropout != 0 and layer < self.num_layers - 1) else out
        out = layer_input
        if self.batch_first:
            out = transpose(out, (1, 0, 2))
        h_n = h_n[0] if len(h_n) == 1 else concat(h_n, 0)
        if self.is_lstm:
            c_n = c_n[0] if len(c_n) == 1 else concat(c_n, 0)
            return out, (h_n, c_n)
        return out, h_n


def _as(t, dtype):
    return t if t.dtype == dtype else ops.cast(t, dtype)


def kernel_weights(w_ih, w_hh, b_ih, b_hh, mode, hidden, dtype):
    """Directions' weights (lists, one per direction; biases None without bias) in the kernel's layout
    (``kernel_layout``): the input weights side by side (D*G, in) with their bias (an LSTM's and RNN's b_hh folded
    in; a GRU's n gate needs its b_hh inside the recurrence), and the hidden weights and bias stacked (D, G, H) and
    (D, G). The recurrent layers and the cells both run on this."""
    def k(t):
        return _rnn.kernel_layout(_as(t, dtype), mode, hidden)

    def cat(ts):
        return ts[0] if len(ts) == 1 else concat(ts, 0)
    d = len(w_hh)
    w_hh = ops.stack([k(w) for w in w_hh])
    zeros = ops.zeros((d, w_hh.shape[1]), dtype)
    if b_ih is None:
        return cat([k(w) for w in w_ih]), w_hh, None, zeros
    if mode == "GRU":
        return cat([k(w) for w in w_ih]), w_hh, cat([k(b) for b in b_ih]), ops.stack([k(b) for b in b_hh])
    return cat([k(w) for w in w_ih]), w_hh, cat([k(bi + bh) for bi, bh in zip(b_ih, b_hh)]), zeros


class RNN(_RNNBase):
    """Elman RNN: ``h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)``, ``nonlinearity`` 'tanh' (default) or 'relu'."""

    def __init__(self, *args, **kwargs):
        nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"For 'RNN', the 'nonlinearity' must be in ['tanh', 'relu'], but got {nonlinearity}.")
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", *args, **kwargs)


class GRU(_RNNBase):
    """GRU with gates r, z, n in MindSpore's layout (weights (3*hidden, in))."""

    def __init__(self, *args, **kwargs):
        super().__init__("GRU", *args, **kwargs)


class LSTM(_RNNBase):
    """LSTM with gates i, f, g, o in MindSpore's layout (weights (4*hidden, in)); returns
    ``(output, (h_n, c_n))``."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)
