"""More activation cells (MindSpore 2.10's ``nn.CELU``, ``nn.GLU``, ``nn.HShrink``, ``nn.SoftShrink``,
``nn.Softmax2d``, ``nn.Softmin``, ``nn.Threshold``, ``nn.SeLU``): compositions of existing ops."""
from ... import ops
from ..cell import Cell
from ._validation import number, tensor_input
from .activation import _softmax_axis


def _float_tensor(x, cell, name="input"):
    tensor_input(x, cell, name)
    if x.dtype.kind != 'f':
        raise TypeError(f"For '{cell}', the {name} must be a float Tensor (Float16, Float32 or Float64), but got "
                        f"{x.dtype}.")
    return x


def _lambd(lambd, cell):
    return number(lambd, "lambd", cell)


class CELU(Cell):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``."""

    def __init__(self, alpha=1.0):
        super().__init__()
        if isinstance(alpha, bool) or not isinstance(alpha, float):
            raise TypeError(f"For 'CeLU', the type of 'alpha' must be float, but got {type(alpha).__name__} "
                            f"({alpha!r}).")
        if alpha == 0:
            raise ValueError("For 'CeLU', the 'alpha' must not be 0, but got 0.0.")
        self.alpha = alpha

    def construct(self, x):
        return ops.celu(_float_tensor(x, "CeLU"), self.alpha)


class GLU(Cell):
    """Splits ``x`` in two halves ``a, b`` along ``axis`` and returns ``a * sigmoid(b)``."""

    def __init__(self, axis=-1):
        super().__init__()
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise TypeError(f"For 'GLU', the 'axis' must be an int, but got {type(axis).__name__} ({axis!r}).")
        self.dim = axis

    def construct(self, x):
        return ops.glu(tensor_input(x, "GLU"), self.dim)


class HShrink(Cell):
    """``x`` where ``|x| > lambd``, else 0."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = _lambd(lambd, "HShrink")

    def construct(self, input):
        x = _float_tensor(input, "HShrink")
        return ops.where(ops.gt(ops.abs(x), self.lambd), x, ops.zeros_like(x))


class SoftShrink(Cell):
    """``x - lambd * sign(x)`` where ``|x| > lambd``, else 0."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = _lambd(lambd, "SoftShrink")
        if lambd < 0:
            raise ValueError(f"For 'SoftShrink', the 'lambd' must be greater than or equal to 0, but got {lambd}.")

    def construct(self, input):
        x = _float_tensor(input, "SoftShrink")
        zero = ops.zeros_like(x)
        return ops.where(ops.gt(x, self.lambd), ops.sub(x, self.lambd),
                         ops.where(ops.lt(x, -self.lambd), ops.add(x, self.lambd), zero))


class Softmax2d(Cell):
    """Softmax over the channels (axis -3) of a (C, H, W) or (N, C, H, W) input."""

    def construct(self, x):
        tensor_input(x, "Softmax2d")
        if x.ndim not in (3, 4):
            raise ValueError(f"For 'Softmax2d', the in_shape must have 3 or 4 dims, but got {x.ndim}.")
        return ops.softmax(x, -3)


class Softmin(Cell):
    """``softmax(-x)`` along ``axis``."""

    def __init__(self, axis=-1):
        super().__init__()
        self.axis = _softmax_axis(axis, "Softmin")

    def construct(self, x):
        return ops.softmin(x, self.axis)


class Threshold(Cell):
    """``x`` where ``x > threshold``, else ``value``."""

    def __init__(self, threshold, value):
        super().__init__()
        self.threshold = number(threshold, "thr", "threshold")
        self.value = number(value, "value", "threshold")

    def construct(self, input_x):
        x = tensor_input(input_x, "threshold")
        return ops.where(ops.gt(x, self.threshold), x, ops.full_like(x, self.value))


class SeLU(Cell):
    """``scale * elu(x, alpha)`` with SELU's fixed constants."""

    def construct(self, input_x):
        return ops.selu(_float_tensor(input_x, "SeLU"))


__all__ = ["CELU", "GLU", "HShrink", "SoftShrink", "Softmax2d", "Softmin", "Threshold", "SeLU"]
