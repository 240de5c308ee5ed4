"""More layer Cells of MindSpore 2.10: ``BiDense``, ``DenseBnAct``, ``Conv2dBnAct``, ``LRN``, the math Cells
(``Moments``, ``Norm``, ``OneHot``, ``Range``, ``Roll``, ``Tril``, ``Triu``, ``ReduceLogSumExp``, ``MatMul``,
``ClipByNorm``, ``L1Regularizer``), the image Cells (``CentralCrop``, ``ImageGradients``, ``PSNR``),
``TimeDistributed`` and ``RReLU``. Each is a short composition of the ops."""
import math
import numbers

from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter
from ..cell import Cell
from .activation import LeakyReLU, get_activation
from .basic import Dense, _positive_int
from .normalization import BatchNorm1d, BatchNorm2d
from ._validation import flag


def _tensor(x, name, cell):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cell}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _activation(activation, alpha, cell):
    if activation == "leakyrelu":
        return LeakyReLU(alpha)
    act = get_activation(activation) if isinstance(activation, str) else activation
    if activation is not None and not isinstance(act, Cell) and not callable(act):
        raise TypeError(f"For '{cell}', the 'activation' must be str or Cell or Primitive, but got "
                        f"{type(activation).__name__}.")
    return act


# ---------------------------------------------------------------------------------------------------- dense
class BiDense(Cell):
    """The bilinear layer ``y = x1^T W x2 + b`` with ``W`` of shape (out, in1, in2) (``ops.bidense``); weight and
    bias default to ``U(±1/sqrt(in1_channels))``."""

    def __init__(self, in1_channels, in2_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
                 dtype=mstype.float32):
        super().__init__()
        name = "BiDense"
        self.in1_channels = _positive_int(in1_channels, "in1_channels", name)
        self.in2_channels = _positive_int(in2_channels, "in2_channels", name)
        self.out_channels = _positive_int(out_channels, "out_channels", name)
        self.has_bias = flag(has_bias, "has_bias", name)
        bound = 1 / math.sqrt(in1_channels)
        shape = (out_channels, in1_channels, in2_channels)
        if isinstance(weight_init, Tensor) and tuple(weight_init.shape) != shape:
            raise ValueError(f"For '{name}', weight init shape error: 'weight_init' must have shape {shape} "
                             f"(out_channels, in1_channels, in2_channels), but got {tuple(weight_init.shape)}.")
        self.weight = Parameter(initializer(Uniform(bound) if weight_init is None else weight_init, shape,
                                            dtype=dtype), name="weight")
        self.bias = None
        if has_bias:
            if isinstance(bias_init, Tensor) and tuple(bias_init.shape) != (out_channels,):
                raise ValueError(f"For '{name}', bias init shape error: 'bias_init' must have shape "
                                 f"({out_channels},), but got {tuple(bias_init.shape)}.")
            self.bias = Parameter(initializer(Uniform(bound) if bias_init is None else bias_init, [out_channels],
                                              dtype=dtype), name="bias")

    def construct(self, input1, input2):
        _tensor(input1, "input1", "BiDense")
        _tensor(input2, "input2", "BiDense")
        for t, n, want in ((input1, "input1", self.in1_channels), (input2, "input2", self.in2_channels)):
            if not t.shape or t.shape[-1] != want:
                raise ValueError(f"For 'BiDense', the last dimension of '{n}' must be {want}, but got shape "
                                 f"{t.shape}.")
        return ops.bidense(input1, input2, self.weight, self.bias)

    def extend_repr(self):
        s = f"in1_channels={self.in1_channels}, in2_channels={self.in2_channels}, " \
            f"output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        return s


class DenseBnAct(Cell):
    """``Dense``, then (``has_bn``) ``BatchNorm1d``, then ``activation``."""

    def __init__(self, in_channels, out_channels, weight_init='normal', bias_init='zeros', has_bias=True,
                 has_bn=False, momentum=0.9, eps=1e-5, activation=None, alpha=0.2, after_fake=True):
        super().__init__()
        self.dense = Dense(in_channels, out_channels, weight_init, bias_init, has_bias)
        self.has_bn = flag(has_bn, "has_bn", "DenseBnAct")
        self.after_fake = flag(after_fake, "after_fake", "DenseBnAct")
        self.has_act = activation is not None
        if has_bn:
            self.batchnorm = BatchNorm1d(out_channels, eps, momentum)
        self.activation = _activation(activation, alpha, "DenseBnAct")

    def construct(self, x):
        x = self.dense(x)
        if self.has_bn:
            x = self.batchnorm(x)
        if self.has_act:
            x = self.activation(x)
        return x


class Conv2dBnAct(Cell):
    """``Conv2d``, then (``has_bn``) ``BatchNorm2d``, then ``activation``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init='normal', bias_init='zeros', has_bn=False, momentum=0.997,
                 eps=1e-5, activation=None, alpha=0.2, after_fake=True):
        super().__init__()
        from .conv import Conv2d
        self.conv = Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=stride, pad_mode=pad_mode,
                           padding=padding, dilation=dilation, group=group, has_bias=has_bias,
                           weight_init=weight_init, bias_init=bias_init)
        self.has_bn = flag(has_bn, "has_bn", "Conv2dBnAct")
        self.after_fake = flag(after_fake, "after_fake", "Conv2dBnAct")
        self.has_act = activation is not None
        if has_bn:
            self.batchnorm = BatchNorm2d(out_channels, eps, momentum)
        self.activation = _activation(activation, alpha, "Conv2dBnAct")

    def construct(self, x):
        x = self.conv(x)
        if self.has_bn:
            x = self.batchnorm(x)
        if self.has_act:
            x = self.activation(x)
        return x


class LRN(Cell):
    """Local response normalisation over the channels of (N, C, H, W) (``ops.lrn``)."""

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
        super().__init__()
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta
        self.norm_region = norm_region

    def construct(self, input):
        return ops.lrn(input, self.depth_radius, self.bias, self.alpha, self.beta, self.norm_region)


# ---------------------------------------------------------------------------------------------------- math
def _axis_arg(axis, cell):
    if isinstance(axis, bool) or not isinstance(axis, (int, tuple, list)) or (
            isinstance(axis, (tuple, list)) and not all(isinstance(a, int) and not isinstance(a, bool)
                                                        for a in axis)):
        raise TypeError(f"For '{cell}', the 'axis' must be an int or a tuple of ints, but got {axis!r}.")
    return tuple(axis) if isinstance(axis, list) else axis


def _reduce_axes(axis, ndim):
    if axis == () or axis is None:
        return tuple(range(ndim))
    return (axis,) if isinstance(axis, int) else tuple(axis)


class Moments(Cell):
    """The mean and the (biased) variance over ``axis`` (all axes by default); float16 computes in float32."""

    def __init__(self, axis=None, keep_dims=None):
        super().__init__()
        self.axis = _axis_arg((), "Moments") if axis is None else _axis_arg(axis, "Moments")
        self.keep_dims = False if keep_dims is None else flag(keep_dims, "keep_dims", "Moments")

    def construct(self, x):
        _tensor(x, "x", "Moments")
        if x.dtype not in (mstype.float16, mstype.float32):
            raise TypeError(f"For 'Moments', the 'input x' dtype must be Float16 or Float32, but got {x.dtype}.")
        half = x.dtype == mstype.float16
        if half:
            x = ops.cast(x, mstype.float32)
        axes = _reduce_axes(self.axis, x.ndim)
        mean = ops.mean(x, axes, True)
        var = ops.mean(ops.square(ops.sub(x, ops.stop_gradient(mean))), axes, True)
        if not self.keep_dims:
            mean, var = ops.squeeze(mean, axes), ops.squeeze(var, axes)
        if half:
            mean, var = ops.cast(mean, mstype.float16), ops.cast(var, mstype.float16)
        return mean, var


class Norm(Cell):
    """``sqrt(sum(x ** 2))`` over ``axis`` (all axes for ``()``)."""

    def __init__(self, axis=(), keep_dims=False):
        super().__init__()
        self.keep_dims = flag(keep_dims, "keep_dims", "Norm")
        self.axis = axis

    def construct(self, x):
        axes = _reduce_axes(self.axis, x.ndim)
        y = ops.sqrt(ops.sum(ops.square(x), axes, True))
        return y if self.keep_dims else ops.squeeze(y, axes)

    def extend_repr(self):
        return f"axis={self.axis}, keep_dims={self.keep_dims}"


class OneHot(Cell):
    """``ops.one_hot(indices, depth, on_value, off_value, axis)`` in ``dtype``."""

    def __init__(self, axis=-1, depth=1, on_value=1.0, off_value=0.0, dtype=mstype.float32):
        super().__init__()
        self.axis, self.depth, self.on_value, self.off_value, self.dtype = axis, depth, on_value, off_value, dtype

    def construct(self, indices):
        return ops.one_hot(indices, self.depth, Tensor(self.on_value, self.dtype), Tensor(self.off_value, self.dtype),
                           self.axis)


class Range(Cell):
    """The constant ``arange(start, limit, delta)``: Int32 for ints, Float32 otherwise (``Range(5)`` counts from
    0 to 5)."""

    def __init__(self, start, limit=None, delta=1):
        super().__init__()
        if delta == 0:
            raise ValueError("For 'Range', the 'delta' can not be zero.")
        if limit is None:
            start, limit = 0, start
        values = [start, limit, delta]
        is_float = any(isinstance(v, float) for v in values)
        self.result_tensor = ops.arange(start, limit, delta, dtype=mstype.float32 if is_float else mstype.int32)

    def construct(self):
        return self.result_tensor


class Roll(Cell):
    """Rolls ``input_x`` by ``shift`` along ``axis`` (ints or equal-length tuples)."""

    def __init__(self, shift, axis):
        super().__init__()
        for name, v in (("shift", shift), ("axis", axis)):
            if isinstance(v, bool) or not isinstance(v, (int, tuple, list)):
                raise TypeError(f"For 'Roll', the '{name}' must be an int, a tuple or a list, but got "
                                f"{type(v).__name__}.")
        self.shift = list(shift) if isinstance(shift, (tuple, list)) else [shift]
        self.axis = list(axis) if isinstance(axis, (tuple, list)) else [axis]
        if len(self.shift) != len(self.axis):
            raise ValueError(f"For 'Roll', the shape of 'shift' and the shape of 'axis' must be the same, but got "
                             f"the length of 'shift' {len(self.shift)} and the length of 'axis' {len(self.axis)}.")

    def construct(self, input_x):
        return ops.roll(input_x, tuple(self.shift), tuple(self.axis))


class Tril(Cell):
    """The lower triangle (``k``-th diagonal and below) of ``x``."""

    def construct(self, x, k=0):
        return ops.tril(x, k)


class Triu(Cell):
    """The upper triangle (``k``-th diagonal and above) of ``x``."""

    def construct(self, x, k=0):
        return ops.triu(x, k)


class ReduceLogSumExp(Cell):
    """``log(sum(exp(x), axis))``, computed around the maximum."""

    def __init__(self, axis, keep_dims=False):
        super().__init__()
        self.axis = _axis_arg(axis, "ReduceLogSumExp")
        self.keep_dims = flag(keep_dims, "keep_dims", "ReduceLogSumExp")

    def construct(self, x):
        axes = _reduce_axes(self.axis, x.ndim)
        top = ops.stop_gradient(ops.amax(x))
        return ops.add(ops.log(ops.sum(ops.exp(ops.sub(x, top)), axes, self.keep_dims)), top)


class MatMul(Cell):
    """``x1 @ x2`` with broadcast batch axes, each optionally transposed in its last two axes."""

    def __init__(self, transpose_x1=False, transpose_x2=False):
        super().__init__()
        self.transpose_x1 = flag(transpose_x1, "transpose_x1", "MatMul")
        self.transpose_x2 = flag(transpose_x2, "transpose_x2", "MatMul")

    def construct(self, x1, x2):
        if self.transpose_x1:
            x1 = ops.swapaxes(x1, -1, -2)
        if self.transpose_x2:
            x2 = ops.swapaxes(x2, -1, -2)
        return ops.matmul(x1, x2)


class ClipByNorm(Cell):
    """``x * clip_norm / max(||x||_2 over axis, clip_norm)`` (``ops.clip_by_norm``'s rule with a Tensor bound)."""

    def __init__(self, axis=None):
        super().__init__()
        self.axis = () if axis is None else axis

    def construct(self, x, clip_norm):
        _tensor(x, "x", "ClipByNorm")
        axes = _reduce_axes(self.axis, x.ndim)
        norm = ops.sqrt(ops.sum(ops.square(ops.cast(x, mstype.float32)), axes, True))
        bound = ops.cast(clip_norm, mstype.float32) if isinstance(clip_norm, Tensor) else float(clip_norm)
        scaled = ops.div(ops.mul(ops.cast(x, mstype.float32), bound), ops.maximum(norm, bound))
        return scaled


class L1Regularizer(Cell):
    """``scale * sum(|weights|)``."""

    def __init__(self, scale):
        super().__init__()
        if isinstance(scale, bool) or not isinstance(scale, (int, float)):
            raise TypeError(f"For 'L1Regularizer', the 'scale' must be an int or a float, but got "
                            f"{type(scale).__name__}.")
        if scale <= 0:
            raise ValueError(f"For 'L1Regularizer', the 'scale' must be greater than 0, but got {scale}.")
        if math.isinf(scale) or math.isnan(scale):
            raise ValueError(f"For 'L1Regularizer', the 'scale' can not be INF or NAN, but got {scale}.")
        self.scale = Tensor(scale, mstype.float32)

    def construct(self, weights):
        return ops.mul(self.scale, ops.sum(ops.abs(weights)))


# ---------------------------------------------------------------------------------------------------- images
class CentralCrop(Cell):
    """The central ``central_fraction`` of the height and width of a (C, H, W) or (N, C, H, W) image."""

    def __init__(self, central_fraction):
        super().__init__()
        if not isinstance(central_fraction, float):
            raise TypeError(f"For 'CentralCrop', the 'central_fraction' must be a float, but got "
                            f"{type(central_fraction).__name__}.")
        if not 0.0 < central_fraction <= 1.0:
            raise ValueError(f"For 'CentralCrop', the 'central_fraction' must be in (0.0, 1.0], but got "
                             f"{central_fraction}.")
        self.central_fraction = central_fraction

    def construct(self, image):
        if image.ndim not in (3, 4):
            raise ValueError(f"CentralCrop image must be 3d or 4d, but got shape {image.shape}")
        if self.central_fraction == 1.0:
            return image
        h, w = image.shape[-2:]
        top = int((float(h) - float(h * self.central_fraction)) / 2)
        left = int((float(w) - float(w * self.central_fraction)) / 2)
        return image[..., top:h - top, left:w - left]


def _check_4d(x, name, cell):
    if len(x.shape) != 4:
        raise ValueError(f"For '{cell}', the dimension of '{name}' must be 4d, but got {len(x.shape)}.")


class ImageGradients(Cell):
    """The forward differences ``(dy, dx)`` of (N, C, H, W) images, zero in the last row / column."""

    def construct(self, images):
        _check_4d(images, "images", "ImageGradients")
        dy = ops.pad(ops.sub(images[:, :, 1:, :], images[:, :, :-1, :]), (0, 0, 0, 1))
        dx = ops.pad(ops.sub(images[:, :, :, 1:], images[:, :, :, :-1]), (0, 1, 0, 0))
        return dy, dx


def _int_max(dtype):
    """The largest value of an integer dtype (1.0 for the others)."""
    if dtype.kind not in ("i", "u"):
        return 1.0
    return float(2 ** dtype.bits - 1) if dtype.kind == "u" else float(2 ** (dtype.bits - 1) - 1)


def _to_unit(x, dtype):
    """An image as float32 in [0, 1]: integer images are divided by their dtype's maximum."""
    x = ops.cast(x, mstype.float32)
    top = _int_max(dtype)
    return ops.div(x, top) if top > 1 else x


class PSNR(Cell):
    """``10 * log10(max_val ** 2 / mean((img1 - img2) ** 2))`` per image of (N, C, H, W)."""

    def __init__(self, max_val=1.0):
        super().__init__()
        if isinstance(max_val, bool) or not isinstance(max_val, (int, float)):
            raise TypeError(f"For 'PSNR', the 'max_val' must be an int or a float, but got "
                            f"{type(max_val).__name__}.")
        if not max_val > 0:
            raise ValueError(f"For 'PSNR', the 'max_val' must be greater than 0, but got {max_val}.")
        self.max_val = max_val

    def construct(self, img1, img2):
        _check_4d(img1, "img1", "PSNR")
        _check_4d(img2, "img2", "PSNR")
        if img1.dtype != img2.dtype or tuple(img1.shape) != tuple(img2.shape):
            raise TypeError(f"For 'PSNR', 'img1' and 'img2' must have the same dtype and shape, but got "
                            f"{img1.dtype}{tuple(img1.shape)} and {img2.dtype}{tuple(img2.shape)}.")
        max_val = float(self.max_val)
        top = _int_max(img1.dtype)
        max_val = max_val / top if top > 1 else max_val
        a, b = _to_unit(img1, img1.dtype), _to_unit(img2, img2.dtype)
        mse = ops.mean(ops.square(ops.sub(a, b)), (-3, -2, -1))
        return ops.div(ops.mul(ops.log(ops.div(max_val * max_val, mse)), 10.0), math.log(10.0))


def _gauss_window(size, sigma):
    """The normalised (1, 1, size, size) Gaussian window MindSpore's SSIM filters with."""
    r = [i - size // 2 for i in range(size)] if size % 2 else [i - size // 2 + 1 for i in range(size)]
    g = [[math.exp(-(a * a + b * b) / (2 * sigma ** 2)) for b in r] for a in r]
    total = sum(sum(row) for row in g)
    return Tensor([[[[v / total for v in row] for row in g]]], mstype.float32)


def _ssim_and_cs(img1, img2, window, c1, c2):
    """Per image and channel, the mean SSIM and contrast-structure maps (a 'valid' Gaussian filter)."""
    n, c, h, w = img1.shape

    def filt(x):
        y = ops.conv2d(ops.reshape(x, (n * c, 1) + tuple(x.shape[2:])), window)
        return ops.reshape(y, (n, c) + tuple(y.shape[2:]))
    mu1, mu2 = filt(img1), filt(img2)
    mu1_sq, mu2_sq, mu12 = ops.mul(mu1, mu1), ops.mul(mu2, mu2), ops.mul(mu1, mu2)
    s1 = ops.sub(filt(ops.mul(img1, img1)), mu1_sq)
    s2 = ops.sub(filt(ops.mul(img2, img2)), mu2_sq)
    s12 = ops.sub(filt(ops.mul(img1, img2)), mu12)
    v1 = ops.add(ops.mul(s12, 2), c2)
    v2 = ops.add(ops.add(s1, s2), c2)
    ssim = ops.div(ops.mul(ops.add(ops.mul(mu12, 2), c1), v1), ops.mul(ops.add(ops.add(mu1_sq, mu2_sq), c1), v2))
    return ops.mean(ssim, (2, 3)), ops.mean(ops.div(v1, v2), (2, 3))


def _image_pair(img1, img2, cell, dtypes):
    _check_4d(img1, "img1", cell)
    _check_4d(img2, "img2", cell)
    if img1.dtype not in dtypes:
        raise TypeError(f"For '{cell}', the dtype of 'img1' must be in {[str(d) for d in dtypes]}, but got "
                        f"{img1.dtype}.")
    if img1.dtype != img2.dtype or tuple(img1.shape) != tuple(img2.shape):
        raise TypeError(f"For '{cell}', 'img1' and 'img2' must have the same dtype and shape, but got "
                        f"{img1.dtype}{tuple(img1.shape)} and {img2.dtype}{tuple(img2.shape)}.")


def _ssim_args(cell, max_val, filter_size, filter_sigma, k1, k2):
    if isinstance(max_val, bool) or not isinstance(max_val, (int, float)) or not max_val > 0:
        raise (TypeError if not isinstance(max_val, (int, float)) else ValueError)(
            f"For '{cell}', the 'max_val' must be a number greater than 0, but got {max_val!r}.")
    if isinstance(filter_size, bool) or not isinstance(filter_size, int) or filter_size < 1:
        raise ValueError(f"For '{cell}', the 'filter_size' must be an int >= 1, but got {filter_size!r}.")
    if not isinstance(filter_sigma, float) or not filter_sigma > 0:
        raise ValueError(f"For '{cell}', the 'filter_sigma' must be a positive float, but got {filter_sigma!r}.")
    for name, v in (("k1", k1), ("k2", k2)):
        if not isinstance(v, float):
            raise TypeError(f"For '{cell}', the '{name}' must be a float, but got {type(v).__name__}.")


class SSIM(Cell):
    """The structural similarity of (N, C, H, W) images: per image, the mean over channels of the mean SSIM map
    under an ``filter_size`` Gaussian window of ``filter_sigma`` ('valid' filtering)."""

    def __init__(self, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__()
        _ssim_args("SSIM", max_val, filter_size, filter_sigma, k1, k2)
        self.max_val, self.filter_size, self.filter_sigma, self.k1, self.k2 = max_val, filter_size, filter_sigma, \
            k1, k2
        self._window = _gauss_window(filter_size, filter_sigma)

    def construct(self, img1, img2):
        _image_pair(img1, img2, "SSIM", (mstype.float32, mstype.float16))
        if img1.shape[2] < self.filter_size or img1.shape[3] < self.filter_size:
            raise ValueError(f"For 'SSIM', the height and width of 'img1' must be at least filter_size="
                             f"{self.filter_size}, but got shape {img1.shape}.")
        mv = float(self.max_val)
        c1, c2 = (self.k1 * mv) ** 2, (self.k2 * mv) ** 2
        ssim, _ = _ssim_and_cs(ops.cast(img1, mstype.float32), ops.cast(img2, mstype.float32), self._window, c1, c2)
        return ops.mean(ssim, -1)


class MSSSIM(Cell):
    """The multi-scale SSIM: the contrast-structure terms of the first ``len(power_factors) - 1`` scales and the
    SSIM of the last (each scale a 2x2 average pool of the one before), clipped at 0, raised to
    ``power_factors`` and multiplied; the mean over channels."""

    def __init__(self, max_val=1.0, power_factors=(0.0448, 0.2856, 0.3001, 0.2363, 0.1333), filter_size=11,
                 filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__()
        _ssim_args("MSSSIM", max_val, filter_size, filter_sigma, k1, k2)
        if not isinstance(power_factors, (tuple, list)):
            raise TypeError(f"For 'MSSSIM', the 'power_factors' must be a tuple or a list, but got "
                            f"{type(power_factors).__name__}.")
        self.max_val, self.filter_size, self.filter_sigma, self.k1, self.k2 = max_val, filter_size, filter_sigma, \
            k1, k2
        self.power_factors = tuple(power_factors)
        self._window = _gauss_window(filter_size, filter_sigma)

    def construct(self, img1, img2):
        _image_pair(img1, img2, "MSSSIM", (mstype.float64, mstype.float32, mstype.float16, mstype.uint8))
        top = _int_max(img1.dtype)
        mv = float(self.max_val) / top if top > 1 else float(self.max_val)
        c1, c2 = (self.k1 * mv) ** 2, (self.k2 * mv) ** 2
        a, b = _to_unit(img1, img1.dtype), _to_unit(img2, img2.dtype)
        terms = []
        for i in range(len(self.power_factors)):
            ssim, cs = _ssim_and_cs(a, b, self._window, c1, c2)
            if i < len(self.power_factors) - 1:
                terms.append(ops.relu(cs))
                a, b = ops.avg_pool2d(a, 2, 2), ops.avg_pool2d(b, 2, 2)
        terms.append(ops.relu(ssim))
        stacked = ops.stack(terms, -1)
        powered = ops.pow(stacked, Tensor(list(self.power_factors), mstype.float32))
        return ops.mean(ops.prod(powered, -1), -1)


# ---------------------------------------------------------------------------------------------------- wrappers
class TimeDistributed(Cell):
    """Applies ``layer`` to each slice of the input along ``time_axis`` and stacks the results there."""

    def __init__(self, layer, time_axis, reshape_with_axis=None):
        from ...ops.operations._base import Primitive
        if not isinstance(layer, (Cell, Primitive)):
            raise TypeError(f"For 'TimeDistributed', the 'layer' must be Cell or Primitive instance, but got "
                            f"type: {type(layer).__name__}.")
        super().__init__()
        for name, v in (("time_axis", time_axis), ("reshape_with_axis", reshape_with_axis)):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise TypeError(f"For 'TimeDistributed', the '{name}' must be an int, but got {type(v).__name__}.")
        self.layer, self.time_axis, self.reshape_with_axis = layer, time_axis, reshape_with_axis

    def construct(self, inputs):
        _tensor(inputs, "inputs", "TimeDistributed")
        if inputs.ndim < 3:
            raise ValueError(f"For 'TimeDistributed', the dimension of 'inputs' must be at least 3, but got "
                             f"{inputs.ndim}.")
        axis = self.time_axis % inputs.ndim
        steps = ops.unstack(inputs, axis)
        outs = [self.layer(s) for s in steps]
        return ops.stack(outs, axis)


class RReLU(Cell):
    """The randomised leaky ReLU: a slope from ``U(lower, upper)`` per element for ``x < 0`` (``ops.rrelu``), in
    training and evaluation alike (as MindSpore 2.10's Cell, which has no fixed evaluation slope)."""

    def __init__(self, lower=1 / 8, upper=1 / 3):
        super().__init__()
        for name, v in (("lower", lower), ("upper", upper)):
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise TypeError(f"For 'RReLU', the '{name}' must be an int or a float, but got "
                                f"{type(v).__name__}.")
        if lower > upper:
            raise ValueError(f"For 'RReLU', the value of 'upper' must be greater than 'lower', but got upper: "
                             f"{upper}, lower: {lower}.")
        self.lower, self.upper = Tensor(float(lower), mstype.float32), Tensor(float(upper), mstype.float32)
        self._lo, self._hi = float(lower), float(upper)

    def construct(self, x):
        _tensor(x, "x", "RReLU")
        return ops.rrelu(x, self._lo, self._hi)


__all__ = ["BiDense", "DenseBnAct", "Conv2dBnAct", "LRN", "Moments", "Norm", "OneHot", "Range", "Roll", "Tril",
           "Triu", "ReduceLogSumExp", "MatMul", "ClipByNorm", "L1Regularizer", "CentralCrop", "ImageGradients",
           "PSNR", "SSIM", "MSSSIM", "TimeDistributed", "RReLU"]
