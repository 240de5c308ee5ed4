"""Max, average and adaptive pooling in 1, 2 and 3 dimensions, with MindSpore 2.10's arguments and reprs.

MindSpore's rules: ``pad_mode`` 'valid' and 'same' are TensorFlow's (an average over 'same' padding counts only
real elements); 'pad' pads ``padding`` on both sides of each dimension and is the only mode that takes
``padding``, ``dilation``, ``ceil_mode`` and ``return_indices`` (max pooling); average pooling takes ``ceil_mode``,
``count_include_pad`` and ``divisor_override`` in any mode (they switch it to the 'pad' computation). A batch of
one may be left out: (C, *S) inputs work too.
"""
from ...ops.function import conv_func as C
from ..cell import Cell
from ._validation import flag, tensor_input

__all__ = ["MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d",
           "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d"]


class _Pool(Cell):
    _nd = 2
    _max = True

    def __init__(self, kernel_size, stride, pad_mode, padding=0, dilation=1, ceil_mode=False, return_indices=False,
                 count_include_pad=True, divisor_override=None, data_format="NCHW"):
        super().__init__()
        name = type(self).__name__
        nd = self._nd
        self.kernel_size, self.stride = kernel_size, stride        # as given: the repr shows them so
        self._kernel = C.int_tuple(kernel_size, nd, "kernel_size", name)
        self._stride = C.int_tuple(stride, nd, "stride", name)
        self._dilation = C.int_tuple(dilation, nd, "dilation", name)
        self.pad_mode = C.pad_mode_arg(pad_mode, name)
        self.ceil_mode = flag(ceil_mode, "ceil_mode", name)
        self.return_indices = flag(return_indices, "return_indices", name)
        self.count_include_pad = flag(count_include_pad, "count_include_pad", name)
        if data_format != "NCHW":
            raise ValueError(f"For '{name}', the 'data_format' must be 'NCHW' (minispore pools channels first), but "
                             f"got {data_format!r}.")
        if divisor_override is not None and (not C._is_int(divisor_override) or divisor_override <= 0):
            raise ValueError(f"For '{name}', the 'divisor_override' must be > 0, but got {divisor_override}.")
        self.divisor_override = divisor_override
        self._pads = C.padding_pairs(padding, nd, name, symmetric_only=True)
        self.padding = padding
        extras = any(lo or hi for lo, hi in self._pads) or ceil_mode or (
            self._max and (any(d != 1 for d in self._dilation) or return_indices)) or (
            not self._max and (not count_include_pad or divisor_override is not None))
        if self.pad_mode != "pad" and extras and self._max:
            raise ValueError(f"For {name}, the parameter 'padding', 'dilation', 'return_indices', 'ceil_mode' can not "
                             f"be set to non-default value when pad_mode is not 'pad', but got pad_mode:{pad_mode}.")
        if self.pad_mode != "pad" and any(lo or hi for lo, hi in self._pads):
            raise ValueError(f"For '{name}', the 'padding' must be 0 when 'pad_mode' is not 'pad', but got "
                             f"{padding!r} and pad_mode {pad_mode!r}.")
        # (average pooling with any of its extras computes as 'pad' mode: MindSpore's AvgPool3D path)
        self._as_pad = self.pad_mode == "pad" or extras

    def construct(self, x):
        name = type(self).__name__
        tensor_input(x, name)
        x, squeeze = C.pool_input(x, self._nd, name)
        pads = C.resolve_pads(self.pad_mode, self._pads, x.shape[2:], self._kernel, self._stride,
                              (1,) * self._nd)
        if self._max:
            out = C.max_pool(name, x, self._kernel, self._stride, self._dilation, pads,
                             self.ceil_mode, self.return_indices, explicit=self.pad_mode == "pad")
        else:
            # TensorFlow's 'same' average (MindSpore's 1-D/2-D AvgPool) counts real elements only; the 'pad'
            # computation (3-D, or any extra argument) counts 'same' padding too when count_include_pad
            include = self.count_include_pad if (self._as_pad or self._nd == 3) else False
            out = C.avg_pool(name, x, self._kernel, self._stride, pads, self.ceil_mode, include,
                             self.divisor_override, explicit_pads=self.pad_mode == "pad")
        return C._unbatch(out, squeeze)

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode.upper()}"


class _Pool1d(_Pool):
    """MindSpore's 1-D pools are its 2-D ones on a height of 1: the repr shows (1, k) kernels."""
    _nd = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.pad_mode != "pad":
            self.kernel_size, self.stride = (1,) + self._kernel, (1,) + self._stride
        elif self._max:
            self.kernel_size, self.stride = (1, 1) + self._kernel, (1, 1) + self._stride


class MaxPool1d(_Pool1d):
    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation, ceil_mode, return_indices)


class MaxPool2d(_Pool):
    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation, ceil_mode, return_indices,
                         data_format=data_format)


class MaxPool3d(_Pool):
    _nd = 3

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation, ceil_mode, return_indices)


class AvgPool1d(_Pool1d):
    _max = False

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode=ceil_mode,
                         count_include_pad=count_include_pad)


class AvgPool2d(_Pool):
    _max = False

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode=ceil_mode,
                         count_include_pad=count_include_pad, divisor_override=divisor_override,
                         data_format=data_format)


class AvgPool3d(_Pool):
    _nd = 3
    _max = False

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode=ceil_mode,
                         count_include_pad=count_include_pad, divisor_override=divisor_override)


class _Adaptive(Cell):
    _nd = 2
    _max = False

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        name = type(self).__name__
        nd = self._nd
        if not (C._is_int(output_size) or (isinstance(output_size, (tuple, list)) and all(
                o is None or C._is_int(o) for o in output_size))):
            raise TypeError(f"For '{name}', the 'output_size' must be an int or a tuple of {nd} ints (or None), but "
                            f"got {output_size!r}.")
        if not C._is_int(output_size) and len(output_size) != nd:
            raise C.ValueRuntimeError(f"For '{name}', the 'output_size' must have {nd} values, but got "
                                      f"{tuple(output_size)}.")
        self.output_size = output_size
        self.return_indices = flag(return_indices, "return_indices", name)

    def construct(self, input):
        name = type(self).__name__
        tensor_input(input, name)
        if self._nd == 1:
            C._divisible_1d(input, self.output_size, name)
        x, squeeze = C.pool_input(input, self._nd, name)
        sizes = C.adaptive_sizes(self.output_size, x.shape[2:], name)
        if self._max:
            return C._unbatch(C.adaptive_max_pool(name, x, sizes, self.return_indices), squeeze)
        return C._unbatch(C.adaptive_avg_pool(name, x, sizes), squeeze)


class AdaptiveAvgPool1d(_Adaptive):
    _nd = 1

    def __init__(self, output_size):
        super().__init__(output_size)


class AdaptiveAvgPool2d(_Adaptive):
    def __init__(self, output_size):
        super().__init__(output_size)


class AdaptiveAvgPool3d(_Adaptive):
    _nd = 3

    def __init__(self, output_size):
        super().__init__(output_size)


class AdaptiveMaxPool1d(_Adaptive):
    _nd = 1
    _max = True

    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size, return_indices)


class AdaptiveMaxPool2d(_Adaptive):
    _max = True

    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size, return_indices)
