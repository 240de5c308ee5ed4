"""Activation cells and ``get_activation``."""
from ... import ops
from ..._core import dtype as mstype
from ...common.parameter import Parameter
from ..._core.tensor import Tensor
from ..cell import Cell
from ._validation import flag, float_input, int_tuple, number, positive_int, tensor_input
from ..._core.dtype import kind_of


def _on_ints(fn, x):
    """MindSpore's HSwish, HSigmoid and LeakyReLU take integer inputs and give the float result truncated to the
    input's type."""
    tensor_input(x, "activation")
    if kind_of(x._data.dtype) in "iu":
        return ops.cast(fn(ops.cast(x, mstype.float32)), x.dtype)
    return fn(x)


class ReLU(Cell):
    def construct(self, x):
        return ops.relu(x)


class ReLU6(Cell):
    def construct(self, x):
        return ops.relu6(x)


class LeakyReLU(Cell):
    def __init__(self, alpha=0.2):
        super().__init__()
        self.alpha = number(alpha, "alpha", "LeakyReLU")   # (MindSpore stores any value and fails at the call)

    def construct(self, x):
        return _on_ints(lambda v: ops.leaky_relu(v, self.alpha), x)


class GELU(Cell):
    """GELU; ``approximate=True`` (MindSpore's default) uses the tanh approximation."""

    def __init__(self, approximate=True):
        super().__init__()
        self.approximate = 'tanh' if flag(approximate, "approximate", "GELU") else 'none'

    def construct(self, x):
        return ops.gelu(float_input(x, "GELU"), approximate=self.approximate)


class FastGelu(Cell):
    def construct(self, x):
        return ops.fast_gelu(x)


class SiLU(Cell):
    def construct(self, x):
        return ops.silu(float_input(x, "SiLU"))


class Sigmoid(Cell):
    def construct(self, x):
        return ops.sigmoid(x)


class Tanh(Cell):
    def construct(self, x):
        return ops.tanh(x)


def _softmax_axis(axis, cell):
    if isinstance(axis, (tuple, list)):
        return tuple(int_tuple(axis, "axis", cell))
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"For '{cell}', the 'axis' must be an int or a tuple of ints, but got "
                        f"{type(axis).__name__} ({axis!r}).")
    return axis


class Softmax(Cell):
    def __init__(self, axis=-1):
        super().__init__()
        self.axis = _softmax_axis(axis, "Softmax")

    def construct(self, x):
        return ops.softmax(x, self.axis)


class LogSoftmax(Cell):
    def __init__(self, axis=-1):
        super().__init__()
        self.axis = _softmax_axis(axis, "LogSoftmax")

    def construct(self, x):
        return ops.log_softmax(x, self.axis)


class ELU(Cell):
    def __init__(self, alpha=1.0):
        super().__init__()
        self.alpha = number(alpha, "alpha", "ELU")

    def construct(self, x):
        return ops.elu(x, self.alpha)


class Softplus(Cell):
    def __init__(self, beta=1, threshold=20):
        super().__init__()
        self.beta, self.threshold = number(beta, "beta", "Softplus"), number(threshold, "threshold", "Softplus")

    def construct(self, x):
        return ops.softplus(x, self.beta, self.threshold)


class Mish(Cell):
    def construct(self, x):
        return ops.mish(float_input(x, "Mish"))


class HSigmoid(Cell):
    def construct(self, x):
        return _on_ints(ops.hardsigmoid, x)


class HSwish(Cell):
    def construct(self, x):
        return _on_ints(ops.hardswish, x)


class Hardtanh(Cell):
    def __init__(self, min_val=-1.0, max_val=1.0):
        super().__init__()
        self.min_val, self.max_val = number(min_val, "min_val", "Hardtanh"), number(max_val, "max_val", "Hardtanh")
        if min_val > max_val:
            raise ValueError(f"For 'Hardtanh', min_val ({min_val}) must not be greater than max_val ({max_val}).")

    def construct(self, x):
        return ops.hardtanh(x, self.min_val, self.max_val)


class Softsign(Cell):
    def construct(self, x):
        return ops.softsign(x)


class Tanhshrink(Cell):
    def construct(self, x):
        return ops.tanhshrink(x)


class LogSigmoid(Cell):
    def construct(self, x):
        return ops.neg(ops.softplus(ops.neg(x)))


class PReLU(Cell):
    """``max(0, x) + w * min(0, x)`` with a learnable slope ``w`` per channel (dimension 1)."""

    def __init__(self, channel=1, w=0.25):
        super().__init__()
        channel = positive_int(channel, "channel", "PReLU")
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            w = ops.full((channel,), w, dtype=mstype.float32)
        elif not isinstance(w, (Tensor, list)):
            raise TypeError(f"For 'PReLU', the 'w' must be a float, a list or a Tensor, but got "
                            f"{type(w).__name__} ({w!r}).")
        w = Tensor(w, mstype.float32)
        if w.shape != (channel,):
            raise ValueError(f"For 'PReLU', 'w' must have shape ({channel},), but got {w.shape}.")
        self.channel = channel
        self.w = Parameter(w, name="w")

    def construct(self, x):
        tensor_input(x, "PReLU")
        if self.channel > 1 and (x.ndim < 2 or x.shape[1] != self.channel):
            raise ValueError(f"For 'PReLU', the input must have {self.channel} channels (dimension 1), but got "
                             f"shape {x.shape}.")
        w = self.w.astype(x.dtype)
        if x.ndim >= 2 and self.channel > 1:
            w = ops.reshape(w, (self.channel,) + (1,) * (x.ndim - 2))
        return ops.maximum(x, 0.0) + w * ops.minimum(x, 0.0)


# MindSpore's table: lookup is exact (case-sensitive), like MindSpore's get_activation
_ACTIVATIONS = {
    'relu': ReLU, 'relu6': ReLU6, 'leakyrelu': LeakyReLU, 'gelu': GELU, 'fast_gelu': FastGelu, 'silu': SiLU,
    'sigmoid': Sigmoid, 'tanh': Tanh, 'softmax': Softmax, 'logsoftmax': LogSoftmax, 'elu': ELU, 'mish': Mish,
    'hsigmoid': HSigmoid, 'hswish': HSwish, 'hardtanh': Hardtanh, 'softsign': Softsign,
    'tanhshrink': Tanhshrink, 'logsigmoid': LogSigmoid, 'prelu': PReLU,
}



def _more_activations():
    """MindSpore's names for the activations of more_activation.py (which imports this module)."""
    from . import more_activation as m
    return {'hshrink': m.HShrink, 'softshrink': m.SoftShrink, 'softmax2d': m.Softmax2d, 'softmin': m.Softmin,
            'threshold': m.Threshold}


def get_activation(name, prim_name=None):
    """The activation Cell for a name such as ``'relu'`` (None gives None)."""
    if name is None:
        return None
    if name in ('hshrink', 'softshrink', 'softmax2d', 'softmin', 'threshold') and name not in _ACTIVATIONS:
        _ACTIVATIONS.update(_more_activations())
    if not isinstance(name, str):
        raise TypeError(f"For 'get_activation', the name must be a str, but got {type(name).__name__}.")
    cls = _ACTIVATIONS.get(name)
    if cls is None:
        # (KeyError, MindSpore's class for an unknown name)
        raise KeyError(f"For 'get_activation', the 'name' must be one of {sorted(_ACTIVATIONS)} (names are "
                       f"case-sensitive), but got {name!r}.")
    return cls()
