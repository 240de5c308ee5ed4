"""Dense/Linear, Flatten, Identity and Dropout."""
import math
import numbers

from ... import ops
from ...ops import _prims
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import HeUniform, Uniform, initializer
from ...common.parameter import Parameter
from ..cell import Cell
from .activation import get_activation
from ._validation import int_arg, int_tuple, tensor_input


def _positive_int(value, name, cell):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{cell}', the '{name}' must be an int, but got {type(value).__name__}.")
    if value <= 0:
        raise ValueError(f"For '{cell}', the '{name}' must be a positive int, but got {value}.")
    return int(value)


class Dense(Cell):
    """Fully connected layer: ``activation(x @ weight.T + bias)`` with weight of shape (out, in).

    Default initialisation is MindSpore 2.10's: weight HeUniform(sqrt(5)) = U(±1/sqrt(in)), bias
    U(±1/sqrt(in)). Inputs of any rank ≥ 1 are accepted (the last dimension is the feature dimension).
    """

    def __init__(self, in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
                 activation=None, dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        self.in_channels = _positive_int(in_channels, "in_channels", name)
        self.out_channels = _positive_int(out_channels, "out_channels", name)
        if not isinstance(has_bias, bool):
            raise TypeError(f"For '{name}', 'has_bias' must be bool, but got {type(has_bias).__name__}.")
        self.has_bias = has_bias
        if isinstance(weight_init, Tensor) and weight_init.shape != (out_channels, in_channels):
            raise ValueError(f"For '{name}', weight init shape error: 'weight_init' must have shape "
                             f"({out_channels}, {in_channels}) = (out_channels, in_channels), but got "
                             f"{weight_init.shape}.")
        if weight_init is None:
            weight_init = HeUniform(math.sqrt(5))
        self.weight = Parameter(initializer(weight_init, [out_channels, in_channels], dtype=dtype), name="weight")
        self.bias = None
        if has_bias:
            if isinstance(bias_init, Tensor) and bias_init.shape != (out_channels,):
                raise ValueError(f"For '{name}', bias init shape error: 'bias_init' must have shape "
                                 f"({out_channels},), but got {bias_init.shape}.")
            if bias_init is None:
                bias_init = Uniform(scale=1 / math.sqrt(in_channels))
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype=dtype), name="bias")
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        if activation is not None and not isinstance(self.activation, Cell) and not callable(self.activation):
            raise TypeError(f"For '{name}', the 'activation' must be str or Cell or Primitive, but got "
                            f"{type(activation).__name__}.")
        self.activation_flag = self.activation is not None

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For '{type(self).__name__}', the input must be a Tensor, but got "
                            f"{type(x).__name__}.")
        shape = x._data.shape
        if not shape or shape[-1] != self.in_channels:
            raise ValueError(f"For '{type(self).__name__}', the last dimension of the input must be "
                             f"in_channels={self.in_channels}, but got input shape {x.shape}.")
        out = ops.dense(x, self.weight, self.bias)
        if self.activation_flag:
            out = self.activation(out)
        return out

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation_flag:
            s += f", activation={self.activation}"
        return s


class Linear(Dense):
    """PyTorch-style alias of Dense: ``Linear(in_features, out_features, bias=True)``."""

    def __init__(self, in_features, out_features, bias=True, weight_init=None, bias_init=None, dtype=None):
        super().__init__(in_features, out_features, weight_init, bias_init, bias, None,
                         dtype or mstype.float32)

    def extend_repr(self):
        s = f"input_features={self.in_channels}, output_features={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        return s


class Flatten(Cell):
    """Flatten dimensions ``start_dim`` to ``end_dim`` (default: all but the batch dimension)."""

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        # (MindSpore stores any value; the call then fails inside its reshape)
        self.start_dim = int_arg(start_dim, "start_dim", "Flatten")
        self.end_dim = int_arg(end_dim, "end_dim", "Flatten")

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'Flatten', the input must be a Tensor, but got {type(x).__name__}.")
        shape = x._data.shape
        nd = len(shape)
        s, e = self.start_dim, self.end_dim
        if not (-nd <= s < nd and -nd <= e < nd):
            raise ValueError(f"For 'Flatten', 'start_dim' or 'end_dim' out of range: start_dim={s}, "
                             f"end_dim={e} for an input of shape {x.shape}.")
        s, e = s % nd, e % nd
        if s >= e:
            return x if s == e else ops.flatten(x, start_dim=self.start_dim, end_dim=self.end_dim)
        return _prims.reshape(x, shape[:s] + (math.prod(shape[s:e + 1]),) + shape[e + 1:])


class Identity(Cell):
    def construct(self, x):
        return x


class Dropout(Cell):
    """Randomly zero elements with probability ``p`` (or ``1 - keep_prob``) in training mode."""

    def __init__(self, keep_prob=0.5, p=None, dtype=mstype.float32):
        super().__init__()
        for name, value in (("keep_prob", keep_prob), ("p", p)):
            if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
                raise TypeError(f"For 'Dropout', the type of '{name}' should be one of ['float', 'int'], but got "
                                f"type '{type(value).__name__}'.")
        if p is None:
            if not 0 < keep_prob <= 1:
                raise ValueError(f"For 'Dropout', 'keep_prob' must be in (0, 1], but got {keep_prob}.")
            self.keep_prob, self.p, self._show = keep_prob, 1 - keep_prob, f"keep_prob={keep_prob}"
        else:
            if not 0 <= p < 1:
                raise ValueError(f"For 'Dropout', 'p' must be in [0, 1), but got {p}.")
            self.keep_prob, self.p, self._show = 1 - p, p, f"p={p}"

    def construct(self, x):
        if not self.training or self.p == 0:
            return x
        return ops.dropout(x, self.p, True)

    def extend_repr(self):
        return self._show


class _ChannelDropout(Cell):
    """Zero whole channels (dimension 1) with probability ``p`` in training, scaling the rest by 1 / (1 - p).

    As in MindSpore 2.10, the layer keeps ``keep_prob = 1 - p`` and its repr prints that value as ``p``
    (``Dropout2d(p=0.3)`` prints ``Dropout2d(p=0.7)``)."""
    _op = None

    def __init__(self, p=0.5):
        super().__init__()
        name = type(self).__name__
        if not isinstance(p, (int, float)) or isinstance(p, bool):
            raise TypeError(f"For '{name}', the 'p' must be a float, but got {type(p).__name__}.")
        if not 0 <= p <= 1:
            raise ValueError(f"For '{name}', the 'p' must be in range [0, 1], but got {p}.")
        self.keep_prob = 1.0 - p

    def construct(self, x):
        p = 1.0 - self.keep_prob
        if not self.training or p == 0:
            return x
        return type(self)._op(x, p, True)

    def extend_repr(self):
        return f"p={self.keep_prob}"


class Dropout1d(_ChannelDropout):
    _op = staticmethod(ops.dropout1d)


class Dropout2d(_ChannelDropout):
    _op = staticmethod(ops.dropout2d)


class Dropout3d(_ChannelDropout):
    _op = staticmethod(ops.dropout3d)


class Unflatten(Cell):
    """Split dimension ``axis`` into ``unflattened_size`` (one entry may be -1)."""

    def __init__(self, axis, unflattened_size):
        super().__init__()
        self.axis = int_arg(axis, "axis", "Unflatten")
        self.unflattened_size = int_tuple(unflattened_size, "unflattened_size", "Unflatten")

    def construct(self, x):
        tensor_input(x, "Unflatten")
        if not -x.ndim <= self.axis < x.ndim:
            raise ValueError(f"For 'Unflatten', the axis {self.axis} is out of range for an input of shape {x.shape} "
                             f"(expected [{-x.ndim}, {x.ndim})).")
        ax = self.axis % x.ndim
        size = self.unflattened_size
        known = math.prod(d for d in size if d != -1)
        n = x.shape[ax]
        if (size.count(-1) > 1 or any(d < -1 for d in size)
                or (known != n if -1 not in size else (known == 0 or n % known))):
            raise ValueError(f"For 'Unflatten', the unflattened_size {size} does not fit dimension {ax} of size {n} "
                             f"of the input of shape {x.shape}.")
        return ops.reshape(x, x.shape[:ax] + size + x.shape[ax + 1:])
