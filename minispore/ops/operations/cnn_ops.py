"""MindSpore's CNN-family Primitive classes of ``mindspore.ops.operations.nn_ops`` (adaptive and 3-D pooling,
BatchNorm, the transposed / backprop-input and 3-D convolutions, upsampling, grid sampling, ROIAlign) and the image
Primitives of ``mindspore.ops`` (the Resize family, CropAndResize, AffineGrid): each a thin wrapper over the
functional ops (``ops/function/conv_func.py``, ``nn_func.py``, ``image_func.py``, ``cnn_func.py``), with MindSpore
2.10's constructor attributes and their printed form (checked by tests/golden/cases_cnnprims.py)."""
from .. import function as F
from ..function import cnn_func as C
from ..function import conv_func as CF
from ..._core.tensor import Tensor
from ..function.math_func import ValueRuntimeError
from ._base import _MISSING, collect, prim
# classes MindSpore defines in nn_ops that minispore keeps elsewhere: the same objects, re-exported (their golden
# rows are those of their own families)
from .array_ops import Flatten, OneHot  # noqa: F401
from .linalg_ops import NuclearNorm, Pdist  # noqa: F401
from .sort_ops import ChannelShuffle, InTopK, L2Normalize, MirrorPad, NthElement, Pad, PadV3  # noqa: F401

REEXPORTED = ("Flatten", "OneHot", "NuclearNorm", "Pdist", "ChannelShuffle", "InTopK", "L2Normalize", "MirrorPad",
              "NthElement", "Pad", "PadV3")


def _ints(v, n):
    return (int(v),) * n if isinstance(v, int) else tuple(int(i) for i in v)


def _values(v):
    """A size given as a tuple, a list or an int Tensor, as a tuple of ints."""
    if isinstance(v, Tensor):
        return tuple(int(i) for i in v.asnumpy().reshape(-1))
    return _ints(v, 1) if isinstance(v, int) else tuple(int(i) for i in v)


def _lead(v, n):
    """A kernel / stride attribute as MindSpore records it: (1, 1, *spatial)."""
    v = _ints(v, n)
    return (1, 1) + v[-n:] if len(v) in (n, n + 2) else v


# ------------------------------------------------------------------------------------------ adaptive pooling
def _adaptive_size(n):
    return lambda v: _ints(v, n) if isinstance(v, int) else tuple(v)


AdaptiveAvgPool2D = prim("AdaptiveAvgPool2D", lambda self, x: F.adaptive_avg_pool2d(x, self.output_size),
                         [("output_size", _MISSING)], shown={"output_size": _adaptive_size(2)})
AdaptiveAvgPool3D = prim("AdaptiveAvgPool3D", lambda self, x: F.adaptive_avg_pool3d(x, self.output_size),
                         [("output_size", _MISSING)], shown={"output_size": _adaptive_size(3)})
def _adaptive_max2d(self, x):
    size = self.output_size
    if not (isinstance(size, int) or isinstance(size, (tuple, list)) and all(isinstance(v, int) for v in size)):
        raise TypeError(f"For 'AdaptiveMaxPool2D', the 'output_size' must be an int or a tuple of ints (MindSpore "
                        f"2.10's Primitive takes no None), but got {size!r}.")
    return F.adaptive_max_pool2d(x, size, True)


AdaptiveMaxPool2D = prim("AdaptiveMaxPool2D", _adaptive_max2d, [("output_size", _MISSING)],
                         shown={"output_size": _adaptive_size(2)})


def _adaptive_max3d(self, x, output_size):
    op = "AdaptiveMaxPool3D"
    x, squeeze = CF.pool_input(x, 3, op)
    sizes = CF.adaptive_sizes(_values(output_size), x.shape[2:], op)
    out, idx = CF._unbatch(CF.adaptive_max_pool(op, x, sizes, True), squeeze)
    return out, F.cast(idx, "int32")        # MindSpore's 3-D kernel gives Int32 indices (the 2-D one Int64)


AdaptiveMaxPool3D = prim("AdaptiveMaxPool3D", _adaptive_max3d)


# ------------------------------------------------------------------------------------------ 3-D pooling
def _pool3d_pads(op, x, mode, pad, kernel, stride):
    mode = CF.pad_mode_arg(mode, op)
    if mode == "pad":
        pad = _ints(pad, 6)
        if len(pad) != 6:
            raise ValueError(f"For '{op}', the 'pad' must be an int or a tuple of 6 ints, but got {pad}.")
        return tuple((pad[2 * i], pad[2 * i + 1]) for i in range(3)), True
    if any(_ints(pad, 6)):
        raise ValueError(f"For '{op}', the pad must be zero when 'pad_mode' is not 'pad', but got pad {pad!r} and "
                         f"pad_mode {mode!r}.")
    return CF.resolve_pads(mode, ((0, 0),) * 3, x.shape[2:], kernel, stride, (1, 1, 1)), False


def _avg_pool3d(self, x):
    op = "AvgPool3D"
    x = CF.conv_input(x, 3, op)
    kernel, stride = _ints(self.kernel_size, 3)[-3:], _ints(self.strides, 3)[-3:]
    pads, explicit = _pool3d_pads(op, x, self.pad_mode, self.pad, kernel, stride)
    return CF.avg_pool(op, x, kernel, stride, pads, self.ceil_mode, self.count_include_pad, self.divisor_override,
                       explicit_pads=explicit)


def _pad_list(self):
    mode = self.pad_mode.lower()
    return _ints(self.attrs.get("pad", 0), 6) if mode == "pad" else (0,) * 6


AvgPool3D = prim("AvgPool3D", _avg_pool3d,
                 [("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"), ("pad", 0), ("ceil_mode", False),
                  ("count_include_pad", True), ("divisor_override", 0), ("data_format", "NCDHW")],
                 shown={"kernel_size": lambda v: _lead(v, 3), "strides": lambda v: _lead(v, 3),
                        "pad_mode": str.upper})


def _with_pad_list(cls, pad_attr):
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        pad = getattr(self, pad_attr)
        self.attrs["pad_list"] = _ints(pad, 6) if self.pad_mode.lower() == "pad" else (0,) * 6
        if pad_attr == "pad_list":
            self.attrs["pad_mode"], self.attrs["pad_list"] = self.attrs.pop("pad_mode"), self.attrs.pop("pad_list")
            self.attrs["ceil_mode"] = self.attrs.pop("ceil_mode")
            self.attrs["data_format"] = self.attrs.pop("data_format")
    cls.__init__ = __init__
    return cls


AvgPool3D = _with_pad_list(AvgPool3D, "pad")


def _max_pool3d(self, x):
    op = "MaxPool3D"
    x = CF.conv_input(x, 3, op)
    kernel, stride = _ints(self.kernel_size, 3)[-3:], _ints(self.strides, 3)[-3:]
    pads, explicit = _pool3d_pads(op, x, self.pad_mode, self.pad_list, kernel, stride)
    return CF.max_pool(op, x, kernel, stride, (1, 1, 1), pads, bool(self.ceil_mode), False, explicit=explicit)


MaxPool3D = _with_pad_list(prim(
    "MaxPool3D", _max_pool3d, [("kernel_size", 1), ("strides", 1), ("pad_mode", "VALID"), ("pad_list", 0),
                               ("ceil_mode", None), ("data_format", "NCDHW")],
    shown={"kernel_size": lambda v: _lead(v, 3), "strides": lambda v: _lead(v, 3),
           "pad_mode": lambda m: "CALCULATED" if m.upper() == "PAD" else m.upper(),     # (MindSpore's record)
           "ceil_mode": lambda v: int(bool(v))}), "pad_list")


def _max_pool3d_argmax(self, x):
    op = "MaxPool3DWithArgmax"
    x = CF.conv_input(x, 3, op)
    kernel, stride, dilation = _ints(self.ksize, 3), _ints(self.strides, 3), _ints(self.dilation, 3)
    pads = tuple((p, p) for p in _ints(self.pads, 3))
    out, idx = CF.max_pool(op, x, kernel, stride, dilation, pads, self.ceil_mode, True)
    return out, F.cast(idx, self.argmax_type)


MaxPool3DWithArgmax = prim(
    "MaxPool3DWithArgmax", _max_pool3d_argmax,
    [("ksize", _MISSING), ("strides", _MISSING), ("pads", _MISSING), ("dilation", (1, 1, 1)), ("ceil_mode", False),
     ("data_format", "NCDHW"), ("argmax_type", "int64")],
    shown={"ksize": lambda v: _ints(v, 3), "strides": lambda v: _ints(v, 3), "pads": lambda v: _ints(v, 3),
           "dilation": lambda v: _ints(v, 3), "argmax_type": lambda t: str(t).lower()})


# ------------------------------------------------------------------------------------------ batch norm
def _batch_norm(self, x, scale, bias, mean, variance):
    x = CF._tensor(x, "input_x", "BatchNorm")
    if x.ndim < 2:
        raise ValueError(f"For 'BatchNorm', the input must be at least 2-D (N, C, ...), but got shape {x.shape}.")
    c = x.shape[1]
    for what, t in (("scale", scale), ("bias", bias), ("mean", mean), ("variance", variance)):
        if not isinstance(t, Tensor) or tuple(t.shape) != (c,):
            raise ValueError(f"For 'BatchNorm', the {what} must be a Tensor of shape ({c},) (the input's channels), "
                             f"but got {getattr(t, 'shape', type(t).__name__)}.")
    if self.is_training:
        xs = F.stop_gradient(x)
        axes = (0,) + tuple(range(2, x.ndim))
        batch_mean = F.mean(xs, axes)
        batch_var = F.mean(F.square(F.sub(xs, F.reshape(batch_mean, (1, c) + (1,) * (x.ndim - 2)))), axes)
        y = F.batch_norm(x, mean, variance, scale, bias, True, self.momentum, self.epsilon)
        # MindSpore 2.10's CPU kernel (a quirk, matched): the second output holds the per-channel element count,
        # the third zeros, the last two the batch mean and the biased batch variance
        count = F.full((c,), x.size // c, dtype=x.dtype)
        return y, count, F.zeros((c,), x.dtype), batch_mean, batch_var
    # the moving statistics are constants of the inference form (MindSpore's gradient for them is zero)
    y = F.batch_norm(x, F.stop_gradient(mean), F.stop_gradient(variance), scale, bias, False, self.momentum,
                     self.epsilon)
    zeros = F.zeros((c,), x.dtype)      # MindSpore 2.10's CPU kernel leaves the four statistics outputs zero
    return y, zeros, zeros, zeros, zeros


BatchNorm = prim("BatchNorm", _batch_norm, [("is_training", False), ("epsilon", 1e-5), ("momentum", 0.1),
                                            ("data_format", "NCHW")])
_bn_init = BatchNorm.__init__


def _bn_init_effect(self, *args, **kwargs):
    _bn_init(self, *args, **kwargs)
    if self.is_training:
        self.attrs["side_effect_mem"] = True


BatchNorm.__init__ = _bn_init_effect


# ------------------------------------------------------------------------------------------ convolutions
def _nchw(v):
    v = _ints(v, 2)
    return (1, 1) + v[-2:] if len(v) in (2, 4) else v


def _pad4(p):
    return _ints(p, 4)


def _conv_pads(op, mode, pad, nd, in_sizes, kernel, stride, dilation):
    mode = CF.pad_mode_arg(mode, op)
    pad = _ints(pad, 2 * nd)
    if len(pad) != 2 * nd:
        raise ValueError(f"For '{op}', the 'pad' must be an int or a tuple of {2 * nd} ints, but got {pad}.")
    pairs = tuple((pad[2 * i], pad[2 * i + 1]) for i in range(nd))
    CF.check_pad_mode(mode, pairs, pad, op)
    return CF.resolve_pads(mode, pairs, in_sizes, kernel, stride, dilation)


def _backprop_input(op, nd, dout, weight, input_size, self):
    dout = CF.conv_input(dout, nd, op, "dout")
    w = CF.conv_input(weight, nd, op, "weight")
    size = _values(input_size)
    if len(size) != nd + 2:
        raise ValueError(f"For '{op}', the 'input_size' must have {nd + 2} values, but got {size}.")
    kernel, stride, dilation = w.shape[2:], _ints(self.stride, nd)[-nd:], _ints(self.dilation, nd)[-nd:]
    pads = _conv_pads(op, self.pad_mode, self.pad, nd, size[2:], kernel, stride, dilation)
    if dout.shape[1] != w.shape[0]:
        raise ValueError(f"For '{op}', the dout's {dout.shape[1]} channels must equal the weight's dimension 0 "
                         f"({w.shape[0]}), but got dout {dout.shape} and weight {w.shape}.")
    if size[1] != w.shape[1] * self.group:
        raise ValueError(f"For '{op}', the 'input_size' {size} must have weight.shape[1] * group = "
                         f"{w.shape[1] * self.group} channels (weight {w.shape}).")
    expect = tuple((n + lo + hi - d * (k - 1) - 1) // s + 1
                   for n, (lo, hi), k, s, d in zip(size[2:], pads, kernel, stride, dilation))
    if tuple(dout.shape[2:]) != expect:
        raise ValueRuntimeError(f"For '{op}', the dout of shape {dout.shape} does not match the convolution of an "
                                f"input {size} with the weight {w.shape} (its output would be {expect}).")
    from .. import _prims as P
    return P.conv_backprop_input(dout, w, size, stride, dilation, pads, int(self.group))


def _conv2d_bp(self, dout, weight, input_size):
    return _backprop_input(self.name, 2, dout, weight, input_size, self)


_CONV2D_BP = [("out_channel", _MISSING), ("kernel_size", _MISSING), ("pad_mode", "valid"), ("pad", 0),
              ("pad_list", None), ("mode", 1), ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", "NCHW")]
_CONV2D_BP_SHOWN = {"kernel_size": lambda v: _ints(v, 2), "pad_mode": str.upper, "pad": _pad4, "stride": _nchw,
                    "dilation": _nchw}
Conv2DBackpropInput = prim("Conv2DBackpropInput", _conv2d_bp, _CONV2D_BP, shown=_CONV2D_BP_SHOWN,
                           hidden=(("groups", 1),))
Conv2DTranspose = prim("Conv2DTranspose", _conv2d_bp, _CONV2D_BP, shown=_CONV2D_BP_SHOWN, hidden=(("groups", 1),))


def _conv3d(self, x, w, bias=None):
    op = "Conv3D"
    x = CF.conv_input(x, 3, op)
    w = CF.conv_input(w, 3, op, "weight")
    stride, dilation = _ints(self.stride, 3)[-3:], _ints(self.dilation, 3)[-3:]
    pads = _conv_pads(op, self.pad_mode, self.pad, 3, x.shape[2:], w.shape[2:], stride, dilation)
    CF.check_channels(op, x.shape[1], w.shape[1], self.group, w.shape)
    CF.check_kernel_fits(op, x.shape, w.shape[2:], dilation, pads, self.pad)
    from .. import _prims as P
    out = P.conv(x, w, stride, dilation, pads, int(self.group))
    return out if bias is None else CF.bias_add(out, bias)


def _lead5(v):
    v = _ints(v, 3)
    return (1, 1) + v[-3:] if len(v) in (3, 5) else v


def _conv3d_hidden(cls, extra):
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.attrs["strides"] = _lead5(self.stride)
        self.attrs["dilations"] = _lead5(self.dilation)
        for k, f in extra:
            self.attrs[k] = f(self)
    cls.__init__ = __init__
    return cls


_3D = {"kernel_size": lambda v: _ints(v, 3), "pad_mode": str.lower}
Conv3D = _conv3d_hidden(prim(
    "Conv3D", _conv3d, [("out_channel", _MISSING), ("kernel_size", _MISSING), ("mode", 1), ("pad_mode", "valid"),
                        ("pad", 0), ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", "NCDHW")],
    shown=dict(_3D, pad=lambda p: _ints(p, 6))), (("groups", lambda s: s.group), ("offset_x", lambda s: 0)))


def _conv3d_bp(self, weight, dout, input_size):
    return _backprop_input("Conv3DBackpropInput", 3, dout, weight, input_size, self)


Conv3DBackpropInput = _conv3d_hidden(prim(
    "Conv3DBackpropInput", _conv3d_bp,
    [("out_channel", _MISSING), ("kernel_size", _MISSING), ("mode", 1), ("pad_mode", "valid"), ("pad", 0),
     ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", "NCDHW")],
    shown={"pad_mode": str.lower, "pad": lambda p: _ints(p, 6)}), (("groups", lambda s: s.group),))


def _conv3d_transpose(self, x, w, bias=None):
    op = "Conv3DTranspose"
    x = CF.conv_input(x, 3, op)
    w = CF.conv_input(w, 3, op, "weight")
    stride, dilation = _ints(self.stride, 3)[-3:], _ints(self.dilation, 3)[-3:]
    mode = CF.pad_mode_arg(self.pad_mode, op)
    pad = _ints(self.pad, 6)
    pairs = tuple((pad[2 * i], pad[2 * i + 1]) for i in range(3))
    CF.check_pad_mode(mode, pairs, self.pad, op)
    output_padding = _ints(self.output_padding, 3)[-3:]
    # output_padding extends the output with computed values (the input-gradient of the larger convolution)
    return CF.conv_transpose(op, 3, x, w, bias, stride, mode, pairs, output_padding, dilation, int(self.group))


Conv3DTranspose = _conv3d_hidden(prim(
    "Conv3DTranspose", _conv3d_transpose,
    [("in_channel", _MISSING), ("out_channel", _MISSING), ("kernel_size", _MISSING), ("mode", 1),
     ("pad_mode", "valid"), ("pad", 0), ("stride", 1), ("dilation", 1), ("group", 1), ("output_padding", 0),
     ("data_format", "NCDHW")],
    shown=dict(_3D, output_padding=lambda v: (0, 0) + _ints(v, 3)[-3:])),
    (("pad_list", lambda s: _ints(s.pad, 6) if s.pad_mode.lower() == "pad" else (0,) * 6),
     ("groups", lambda s: s.group)))


def _depthwise(self, x, w, bias=None):
    op = "DepthwiseConv2dNative"
    x = CF.conv_input(x, 2, op)
    w = CF.conv_input(w, 2, op, "weight")
    if w.shape[0] != 1 or w.shape[1] != x.shape[1]:
        raise ValueError(f"For '{op}', the weight must be (1, C, kh, kw) with the input's C = {x.shape[1]}, but got "
                         f"weight {w.shape}.")
    if self.channel_multiplier != 1:
        raise ValueError(f"For '{op}', a weight of batch 1 gives one filter per channel: minispore computes "
                         f"channel_multiplier=1 only, but got {self.channel_multiplier}.")
    if tuple(w.shape[2:]) != _ints(self.kernel_size, 2):
        raise ValueError(f"For '{op}', the kernel_size {self.kernel_size} must equal the weight's {w.shape[2:]}.")
    stride, dilation = _ints(self.stride, 2)[-2:], _ints(self.dilation, 2)[-2:]
    pads = _conv_pads(op, self.pad_mode, self.pad, 2, x.shape[2:], w.shape[2:], stride, dilation)
    CF.check_kernel_fits(op, x.shape, w.shape[2:], dilation, pads, self.pad)
    from .. import _prims as P
    c = x.shape[1]
    out = P.conv(x, F.reshape(w, (c, 1) + tuple(w.shape[2:])), stride, dilation, pads, c)
    return out if bias is None else CF.bias_add(out, bias)


DepthwiseConv2dNative = prim(
    "DepthwiseConv2dNative", _depthwise,
    [("channel_multiplier", _MISSING), ("kernel_size", _MISSING), ("mode", 3), ("pad_mode", "valid"), ("pad", 0),
     ("stride", 1), ("dilation", 1), ("group", 1)],
    shown={"pad_mode": str.lower, "pad": _pad4, "stride": _nchw, "dilation": _nchw},
    hidden=(("data_format", "NCHW"), ("offset_a", 0)))


# ------------------------------------------------------------------------------------------ activations
SoftplusExt = prim("SoftplusExt", lambda self, x, beta=1, threshold=20: F.softplus(x, beta, threshold))
LogSoftmaxExt = prim("LogSoftmaxExt", lambda self, x, dim=None, dtype=None: C.log_softmax_ext(x, dim, dtype))
AllFinite = prim("AllFinite", lambda self, tensors: C.all_finite(tensors))


# ------------------------------------------------------------------------------------------ upsampling
def _upsample(mode, nd):
    def call(self, x, output_size=None, scales=None, align_corners=None):
        if align_corners is None:
            align_corners = getattr(self, "align_corners", False)
        return C.upsample_nd(self.name, mode, nd, x, output_size, scales, align_corners)
    return call


UpsampleNearest1D = prim("UpsampleNearest1D", _upsample("nearest", 1))
UpsampleNearest2D = prim("UpsampleNearest2D", _upsample("nearest", 2))
UpsampleNearest3D = prim("UpsampleNearest3D", _upsample("nearest", 3))
UpsampleTrilinear3D = prim("UpsampleTrilinear3D", _upsample("trilinear", 3), [("align_corners", False)])
UpsampleLinear1D = prim("UpsampleLinear1D", _upsample("linear", 1))
UpsampleBilinear2D = prim("UpsampleBilinear2D", _upsample("bilinear", 2))
Embedding = prim("Embedding", lambda self, input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
                 scale_grad_by_freq=False: C.embedding(input, weight, padding_idx, max_norm, norm_type,
                                                       scale_grad_by_freq), hidden=(("side_effect_mem", True),))


# ------------------------------------------------------------------------------------------ resizing
def _resize(method):
    def call(self, x, size):
        return C.resize_tf(self.name, method, x, _values(size), self.align_corners, self.half_pixel_centers)
    return call


_TF = [("align_corners", False), ("half_pixel_centers", False)]
ResizeBilinearV2 = prim("ResizeBilinearV2", _resize("linear"), _TF)
ResizeNearestNeighborV2 = prim("ResizeNearestNeighborV2", _resize("nearest"), _TF)
ResizeBicubic = prim("ResizeBicubic", _resize("cubic"), _TF)
ResizeNearestNeighbor = prim(
    "ResizeNearestNeighbor", lambda self, x: C.resize_tf(self.name, "nearest", x, _values(self.size),
                                                         self.align_corners, self.half_pixel_centers),
    [("size", _MISSING)] + _TF, shown={"size": lambda v: tuple(v)})
_LINEAR1D = {"align_corners": 1, "half_pixel": 2, "asymmetric": 0}
ResizeLinear1D = prim(
    "ResizeLinear1D", lambda self, x, size: C.resize_linear_1d(x, _values(size), self.coordinate_transformation_mode),
    [("coordinate_transformation_mode", "align_corners")],
    shown={"coordinate_transformation_mode": lambda m: _LINEAR1D.get(m, m)})
ResizeArea = prim("ResizeArea", lambda self, x, size: C.resize_area(x, _values(size), self.align_corners),
                  [("align_corners", False)])
CropAndResize = prim(
    "CropAndResize", lambda self, image, boxes, box_index, crop_size:
    C.crop_and_resize_op(self.name, image, boxes, box_index, _values(crop_size), self.method,
                         self.extrapolation_value),
    [("method", "bilinear"), ("extrapolation_value", 0.0)])
AffineGrid = prim("AffineGrid", lambda self, theta, output_size: C.affine_grid_op(self.name, theta,
                                                                                    _values(output_size),
                                                                                    self.align_corners),
                  [("align_corners", False)])

_GRID = {"bilinear": 0, "nearest": 1, "bicubic": 2, "zeros": 0, "border": 1, "reflection": 2}
_GRID_SHOWN = {"interpolation_mode": lambda m: _GRID.get(m, m), "padding_mode": lambda m: _GRID.get(m, m)}
_GRID_ARGS = [("interpolation_mode", "bilinear"), ("padding_mode", "zeros"), ("align_corners", False)]
GridSampler2D = prim("GridSampler2D", lambda self, x, grid: C.grid_sample_nd(
    "GridSampler2D", 2, x, grid, self.interpolation_mode, self.padding_mode, self.align_corners), _GRID_ARGS,
    shown=_GRID_SHOWN)
GridSampler3D = prim("GridSampler3D", lambda self, x, grid: C.grid_sample_nd(
    "GridSampler3D", 3, x, grid, self.interpolation_mode, self.padding_mode, self.align_corners), _GRID_ARGS,
    shown=_GRID_SHOWN)
ROIAlign = prim("ROIAlign", lambda self, features, rois: C.roi_align(
    features, rois, self.pooled_height, self.pooled_width, self.spatial_scale, self.sample_num, self.roi_end_mode),
    [("pooled_height", _MISSING), ("pooled_width", _MISSING), ("spatial_scale", _MISSING), ("sample_num", 2),
     ("roi_end_mode", 1)])

__all__ = collect(globals())
