"""Conv1d/2d/3d and Conv1dTranspose/2dTranspose/3dTranspose, with MindSpore 2.10's arguments, weight layouts,
default initialisation and reprs.

MindSpore's 1-D layers are its 2-D ones on a height of 1: their weights are (out, in/group, 1, k), their reprs
show 2-D kernel sizes, and checkpoints hold the 4-D weights, so these do the same. The transposed layers' weights
are (in, out/group, *k). Default initialisation (2.10): weight HeUniform(sqrt(5)), i.e. U(+-1/sqrt(fan_in)), and
bias U(+-1/sqrt(fan_in)), fan_in = weight.shape[1] * prod(kernel).
"""
import math

from ...ops import _prims as P
from ...ops.function import conv_func as C
from ..._core import dtype as mstype
from ...common.initializer import HeUniform, Initializer, Uniform, initializer
from ...common.parameter import Parameter
from ..cell import Cell
from ._validation import flag, positive_int, tensor_input
from ..._core.dtype import kind_of

__all__ = ["Conv1d", "Conv2d", "Conv3d", "Conv1dTranspose", "Conv2dTranspose", "Conv3dTranspose"]


def _shown(init):
    """An initializer as MindSpore's repr shows it: the object's default repr, a string as itself."""
    return object.__repr__(init) if isinstance(init, Initializer) else init


class _Conv(Cell):
    _nd = 2                 # the spatial dimensions computed (1-D layers compute on 2-D with a height of 1)
    _transposed = False
    _formats = ("NCHW",)

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                 has_bias, weight_init, bias_init, data_format, dtype, output_padding=0):
        super().__init__()
        name = type(self).__name__
        self.in_channels = positive_int(in_channels, "in_channels", name)
        self.out_channels = positive_int(out_channels, "out_channels", name)
        self.group = positive_int(group, "group", name)
        if self.in_channels % self.group or self.out_channels % self.group:
            raise ValueError(f"For '{name}', the 'in_channels' ({in_channels}) and 'out_channels' ({out_channels}) "
                             f"must both be divisible by 'group' ({group}).")
        self.kernel_size = self._spatial(kernel_size, "kernel_size")
        self.stride = self._spatial(stride, "stride")
        self.dilation = self._spatial(dilation, "dilation")
        self.pad_mode = C.pad_mode_arg(pad_mode, name)
        self.padding = self._padding_arg(padding)
        self._pads = self._pad_pairs(self.padding)
        C.check_pad_mode(self.pad_mode, self._pads, padding, name)
        self.output_padding = self._spatial(output_padding, "output_padding", low=0)
        if any(self.output_padding) and self.pad_mode != "pad":
            raise ValueError(f"For '{name}', when 'output_padding' is not zero, 'pad_mode' must be 'pad', but got "
                             f"{pad_mode!r}.")
        self.has_bias = flag(has_bias, "has_bias", name)
        if data_format == "NHWC":
            raise ValueError(f"For '{name}', the \"NHWC\" format only support in GPU target, but got the 'format' is "
                             f"NHWC and the platform is CPU (minispore computes channels first, as MindSpore's CPU "
                             f"build does).")
        if data_format not in self._formats:
            raise ValueError(f"For '{name}', the 'data_format' must be one of {list(self._formats)}, but got "
                             f"{data_format!r}.")
        self.format = self.data_format = data_format
        channels = (self.in_channels, self.out_channels // self.group) if self._transposed else \
            (self.out_channels, self.in_channels // self.group)
        weight_shape = channels + self.kernel_size
        fan_in = channels[1] * math.prod(self.kernel_size)
        self.weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(self.weight_init, weight_shape, dtype), name="weight")
        self.bias_init = bias_init      # kept (and printed) without a bias too, as MindSpore does
        self.bias = None
        if self.has_bias:
            self.bias_init = Uniform(1 / math.sqrt(fan_in)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(self.bias_init, [self.out_channels], dtype), name="bias")

    # --------------------------------------------------------------- arguments
    def _spatial(self, value, name, low=1):
        """A kernel size / stride / dilation: an int or one per user-facing spatial dimension."""
        if self._user_nd == 1:
            if not C._is_int(value):
                raise TypeError(f"For '{self.cls_name}', the type of '{name}' should be 'int', but got type "
                                f"'{type(value).__name__}'.")
            return (0 if low == 0 else 1,) + C.int_tuple(value, 1, name, self.cls_name, low)
        return C.int_tuple(value, self._nd, name, self.cls_name, low)

    def _padding_arg(self, padding):
        return padding if isinstance(padding, int) else tuple(padding) if isinstance(padding, list) else padding

    def _pad_pairs(self, padding):
        return C.padding_pairs(padding, self._nd, self.cls_name)

    _user_nd = 2

    # --------------------------------------------------------------- call
    def _check_input(self, x):
        tensor_input(x, self.cls_name)
        if kind_of(x._data.dtype) != "f":
            raise TypeError(f"For '{self.cls_name}', the input must be a float Tensor, but got {x.dtype}.")
        nd = self._user_nd
        if x.ndim != nd + 2:
            layout = {1: "(N, C, L)", 2: "(N, C, H, W)", 3: "(N, C, D, H, W)"}[nd]
            raise ValueError(f"For '{self.cls_name}', the input must be {nd + 2}-D {layout}, but got a {x.ndim}-D "
                             f"input of shape {x.shape}.")
        if x.shape[1] != self.in_channels:
            raise C.ValueRuntimeError(f"For '{self.cls_name}', the input's channels ('C_in', dimension 1) must be "
                                      f"in_channels={self.in_channels}, but got an input of shape {x.shape}.")
        if x.dtype != self.weight.dtype and self._cast_type is None:
            raise TypeError(f"For '{self.cls_name}', the input's dtype {x.dtype} must equal the weight's "
                            f"{self.weight.dtype}.")

    def construct(self, x):
        self._check_input(x)
        if self._user_nd == 1:
            x = P.reshape(x, x.shape[:2] + (1,) + x.shape[2:])
        w, b = self.weight, self.bias
        if x.dtype != w.dtype:          # (to_float: the parameters compute in the cell's type too)
            w = P.cast(w, x._data.dtype)
            b = None if b is None else P.cast(b, x._data.dtype)
        out = self._compute(x, w)
        if self.has_bias:
            out = P.bias_add(out, b)
        out = self._after_bias(out)
        if self._user_nd == 1:
            out = P.reshape(out, out.shape[:2] + out.shape[3:])
        return out

    def _after_bias(self, out):
        return out

    def _compute(self, x, w):
        pads = C.resolve_pads(self.pad_mode, self._pads, x.shape[2:], self.kernel_size, self.stride, self.dilation)
        C.check_kernel_fits(self.cls_name, self._user_shape(x), self._shown(self.kernel_size),
                            self._shown(self.dilation), self._shown(pads), self.padding)
        return P.conv(x, w, self.stride, self.dilation, pads, self.group)

    def _shown(self, t):
        return t[1:] if self._user_nd == 1 else t

    def _user_shape(self, x):
        return x.shape[:2] + x.shape[3:] if self._user_nd == 1 else x.shape

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, kernel_size="
                f"{self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, padding={self.padding}, "
                f"dilation={self.dilation}, group={self.group}, has_bias={self.has_bias}, weight_init="
                f"{_shown(self.weight_init)}, bias_init={_shown(self.bias_init)}, format={self._repr_format}")

    @property
    def _repr_format(self):
        return self.format


class Conv2d(_Conv):
    """2-D convolution over (N, C, H, W); ``padding`` an int or (top, bottom, left, right)."""
    _formats = ("NCHW", "NHWC")

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format='NCHW',
                 dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, dtype)


class Conv1d(_Conv):
    """1-D convolution over (N, C, L); ``padding`` an int (both ends). The weight is (out, in/group, 1, k)."""
    _user_nd = 1

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, "NCHW", dtype)

    def _padding_arg(self, padding):
        if isinstance(padding, bool) or not isinstance(padding, int):
            raise TypeError(f"For '{self.cls_name}', the type of 'padding' should be 'int', but got type "
                            f"'{type(padding).__name__}'.")
        if padding < 0:
            raise ValueError(f"For '{self.cls_name}', the 'padding' must not be negative, but got {padding}.")
        return (0, 0, padding, padding)


class Conv3d(_Conv):
    """3-D convolution over (N, C, D, H, W); ``padding`` an int or (head, tail, top, bottom, left, right)."""
    _nd = 3
    _user_nd = 3
    _formats = ("NCDHW",)

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format='NCDHW',
                 dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, dtype)


class _ConvTranspose(_Conv):
    """``output_padding``: MindSpore's Conv2dTranspose (and 1-D) appends zeros after the bias is added; its
    Conv3dTranspose computes the extra rows (and adds the bias to them)."""
    _transposed = True
    _zero_extra = True

    def _compute(self, x, w):
        return C.conv_transpose(self.cls_name, self._nd, x, w, None, self.stride, self.pad_mode, self._pads,
                                self.output_padding, self.dilation, self.group, zero_extra=self._zero_extra,
                                pad_extra=False)

    def _after_bias(self, out):
        if self._zero_extra and any(self.output_padding):
            out = P.pad(out, ((0, 0), (0, 0)) + tuple((0, e) for e in self.output_padding))
        return out


class Conv2dTranspose(_ConvTranspose):
    """2-D transposed convolution; the weight is (in, out/group, kH, kW). Output size per ``pad_mode``: 'same'
    in * stride, 'valid' in * stride + max(span - stride, 0), 'pad' (in - 1) * stride + span - padding +
    output_padding, with span = dilation * (k - 1) + 1."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0,
                 output_padding=0, dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, "NCHW", dtype, output_padding)


class Conv1dTranspose(_ConvTranspose):
    _user_nd = 1

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, "NCHW", dtype)

    _padding_arg = Conv1d._padding_arg


class Conv3dTranspose(_ConvTranspose):
    _zero_extra = False
    _nd = 3
    _user_nd = 3
    _formats = ("NCDHW",)

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, output_padding=0, has_bias=False, weight_init=None, bias_init=None, data_format='NCDHW',
                 dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, dtype, output_padding)
