"""More pooling Cells of MindSpore 2.10: the power-average pools ``LPPool1d``/``LPPool2d`` and the unpools
``MaxUnpool1d/2d/3d`` (the functional ops of ops/function/nn_more_func.py)."""
from ... import ops
from ..cell import Cell


class _LPPool(Cell):
    _fn = None

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type, self.kernel_size, self.stride, self.ceil_mode = norm_type, kernel_size, stride, ceil_mode

    def construct(self, x):
        return type(self)._fn(x, self.norm_type, self.kernel_size, self.stride, self.ceil_mode)


class LPPool1d(_LPPool):
    """``(sum over each window of x ** norm_type) ** (1 / norm_type)`` over the last axis."""
    _fn = staticmethod(ops.lp_pool1d)


class LPPool2d(_LPPool):
    """``(sum over each window of x ** norm_type) ** (1 / norm_type)`` over the last two axes."""
    _fn = staticmethod(ops.lp_pool2d)


class _MaxUnpool(Cell):
    _fn = None

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def construct(self, x, indices, output_size=None):
        return type(self)._fn(x, indices, self.kernel_size, self.stride, self.padding, output_size)


class MaxUnpool1d(_MaxUnpool):
    """The inverse of ``MaxPool1d`` (``return_indices=True``): each value written at its index of a zero output."""
    _fn = staticmethod(ops.max_unpool1d)


class MaxUnpool2d(_MaxUnpool):
    """The inverse of ``MaxPool2d`` (``return_indices=True``): each value written at its index of a zero output."""
    _fn = staticmethod(ops.max_unpool2d)


class MaxUnpool3d(_MaxUnpool):
    """The inverse of ``MaxPool3d`` (``return_indices=True``): each value written at its index of a zero output."""
    _fn = staticmethod(ops.max_unpool3d)


__all__ = ["LPPool1d", "LPPool2d", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d"]
