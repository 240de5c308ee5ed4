"""Single recurrent steps: ``nn.RNNCell``, ``nn.LSTMCell`` and ``nn.GRUCell``, with MindSpore 2.10's arguments,
parameter names (``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh``), layouts and initialisation
(``Uniform(1/sqrt(hidden_size))``). A step is the recurrent layers' fused kernel run for one time step."""
import math

from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter
from ...ops._prims import rnn as _rnn
from ...ops._prims.shape import concat, reshape
from ..cell import Cell
from ._validation import flag, positive_int
from .rnns import kernel_weights

__all__ = ["RNNCell", "LSTMCell", "GRUCell"]


class RNNCellBase(Cell):
    _mode = None

    def __init__(self, input_size, hidden_size, has_bias, num_chunks, dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        flag(has_bias, "has_bias", name)
        self.hidden_size = positive_int(hidden_size, "hidden_size", name)
        self.input_size = positive_int(input_size, "input_size", name)
        self.has_bias = has_bias
        stdv = 1 / math.sqrt(self.hidden_size)

        def param(shape):
            return Parameter(initializer(Uniform(stdv), shape, dtype))
        self.weight_ih = param((num_chunks * hidden_size, input_size))
        self.weight_hh = param((num_chunks * hidden_size, hidden_size))
        if has_bias:
            self.bias_ih = param((num_chunks * hidden_size,))
            self.bias_hh = param((num_chunks * hidden_size,))
        else:
            self.bias_ih = None
            self.bias_hh = None

    def _check(self, x, states, labels):
        name = type(self).__name__
        for label, t in (("x", x),) + tuple(zip(labels, states)):
            if not isinstance(t, Tensor):
                raise TypeError(f"For '{name}', the '{label}' must be a Tensor, but got {type(t).__name__}.")
            if t.dtype not in (mstype.float16, mstype.float32, mstype.float64):
                raise TypeError(f"For '{name}', the dtype of '{label}' must be float16 or float32, but got "
                                f"{t.dtype}.")
        if x.ndim != 2 or x.shape[1] != self.input_size:
            raise ValueError(f"For '{name}', the input 'x' must have shape (batch_size, input_size={self.input_size})"
                             f", but got {x.shape}.")
        for label, t in zip(labels, states):
            if t.shape != (x.shape[0], self.hidden_size):
                raise ValueError(f"For '{name}', the shape of '{label}' must be (batch_size, hidden_size) = "
                                 f"{(x.shape[0], self.hidden_size)}, but got {t.shape} (input shape {x.shape}).")

    def _step(self, x, state):
        """One step of the fused recurrent kernel: the new state (batch, S)."""
        batch = x.shape[0]
        dtype = x.dtype
        mode, h = self._mode, self.hidden_size
        has_bias = self.bias_ih is not None
        w_ih, w_hh, b_in, b_hh = kernel_weights([self.weight_ih], [self.weight_hh],
                                                [self.bias_ih] if has_bias else None,
                                                [self.bias_hh] if has_bias else None, mode, h, dtype)
        gate = w_hh.shape[1]
        xg = ops.dense(x, w_ih, b_in)
        lengths = ops.ones((batch,), mstype.int64)
        r = _rnn.recurrent_scan(reshape(xg, (1, batch, gate)), w_hh, b_hh,
                                reshape(state, (1,) + state.shape), lengths, self._mode, False)
        _, h_last, c_last = _rnn.read_scan(r, lengths, mode, h, False)
        return h_last[0] if c_last is None else concat([h_last[0], c_last[0]], 1)


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, has_bias=True, nonlinearity="tanh", dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, 1, dtype)
        if not isinstance(nonlinearity, str):
            raise TypeError(f"For 'RNNCell', the 'nonlinearity' must be a str, but got "
                            f"{type(nonlinearity).__name__}.")
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"For 'RNNCell', the 'nonlinearity' must be in ['tanh', 'relu'], but got "
                             f"'{nonlinearity}'.")
        self.nonlinearity = nonlinearity
        self._mode = "RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU"

    def construct(self, x, hx):
        self._check(x, (hx,), ("hx",))
        return self._step(x, hx)


class GRUCell(RNNCellBase):
    _mode = "GRU"

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, 3, dtype)

    def construct(self, x, hx):
        self._check(x, (hx,), ("hx",))
        return self._step(x, hx)


class LSTMCell(RNNCellBase):
    """Returns ``(h', c')``."""
    _mode = "LSTM"

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, 4, dtype)

    def construct(self, x, hx):
        name = "LSTMCell"
        if not isinstance(hx, (tuple, list)) or len(hx) != 2:
            raise TypeError(f"For '{name}', the 'hx' must be a tuple of two Tensors (h, c), but got "
                            f"{type(hx).__name__}{'' if not isinstance(hx, (tuple, list)) else f' of length {len(hx)}'}.")
        self._check(x, tuple(hx), ("hx[0]", "hx[1]"))
        s = self._step(x, concat([hx[0], hx[1]], 1))
        h = self.hidden_size
        return ops.narrow(s, 1, 0, h), ops.narrow(s, 1, h, h)
