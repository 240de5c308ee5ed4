"""More ``mindspore.dataset.vision`` transforms (issue 9): the per-pixel adjustments (``Adjust*``, ``AutoContrast``,
``Equalize``, ``Invert``, ``Posterize``, ``Solarize``), colour conversions (``ConvertColor``, ``RgbToHsv``,
``HsvToRgb``), fixed crops and pads (``Crop``, ``ResizedCrop``, ``FiveCrop``, ``TenCrop``, ``PadToSize``,
``Erase``), ``ToNumpy``/``ToType``, ``get_image_num_channels``/``get_image_size``, and the random variants that
apply one of them with a probability.

NumPy images follow MindSpore 2.10's C++ (OpenCV) kernels, checked against MindSpore on fixed images
(tests/golden/cases_vision_more.py); PIL images take Pillow's path where MindSpore has one.
"""
from enum import Enum, IntEnum

import numpy as np

from . import _kernels as K
from ._base import (ImageOp, as_hwc, check_bool, check_fill_value, check_int, check_inter, check_number,
                    check_border, check_prob, check_size, image_rank, is_pil, pad_block, size_pair)
from ._convert import Normalize
from ._geometry import RandomRotation
from .utils import Border, Inter

__all__ = ["AdjustBrightness", "AdjustContrast", "AdjustGamma", "AdjustHue", "AdjustSaturation", "AdjustSharpness",
           "AutoContrast", "Equalize", "Invert", "Posterize", "Solarize", "ConvertColor", "ConvertMode",
           "RgbToHsv", "HsvToRgb", "Crop", "ResizedCrop", "FiveCrop", "TenCrop", "PadToSize", "Erase", "ToNumpy",
           "ToType", "get_image_num_channels", "get_image_size", "RandomAutoContrast", "RandomEqualize",
           "RandomInvert", "RandomPosterize", "RandomSolarize", "RandomAdjustSharpness", "RandomGrayscale", "Rotate",
           "Affine", "GaussianBlur", "NormalizePad", "LinearTransformation", "RandomColor", "RandomSharpness",
           "RandomLighting", "CutOut", "MixUp", "RandomResize", "RandomAffine", "Perspective", "RandomPerspective",
           "SliceMode", "SlicePatches", "RandomCropDecodeResize", "UniformAugment", "RandomSelectSubpolicy",
           "not_random", "RandomHorizontalFlipWithBBox", "RandomVerticalFlipWithBBox", "ResizeWithBBox",
           "RandomResizeWithBBox"]

_F32_MAX = 16777216.0


def _rgb3(x, op):
    if x.ndim != 4 or x.shape[-1] != 3:
        raise RuntimeError(f"{op}: the image should be <H,W,C> with 3 channels (RGB), but got an image of shape "
                           f"{tuple(x.shape[1:])}.")


def _u8(x, op):
    if x.dtype != np.uint8:
        raise RuntimeError(f"{op}: the image should be of type uint8, but got {x.dtype}.")


# ------------------------------------------------------------------------------------------- the Adjust* family
class _PilOp(ImageOp):
    """A transform that MindSpore runs with Pillow on a PIL image (its Python implementation), giving a PIL image."""
    _pil_out = True


def _enhance(img, kind, f):
    from PIL import ImageEnhance
    return getattr(ImageEnhance, kind)(img).enhance(f)


class AdjustBrightness(_PilOp):
    """Multiply every value by ``brightness_factor`` (>= 0), rounding and saturating to the input dtype (OpenCV's
    ``convertTo``, MindSpore's kernel); a PIL image: Pillow's ``ImageEnhance.Brightness``."""

    def __init__(self, brightness_factor):
        self.brightness_factor = check_number(brightness_factor, "brightness_factor", "AdjustBrightness", 0,
                                              _F32_MAX)

    def _batch(self, x, rng):
        image_rank(x, "AdjustBrightness")
        return K.adjust_brightness(x, np.full(x.shape[0], self.brightness_factor, np.float32))

    def _pil(self, img, rng):
        return _enhance(img, "Brightness", self.brightness_factor)


class AdjustContrast(_PilOp):
    """Blend with the (rounded) mean of the grey image: ``cv::addWeighted(mean, 1 - f, image, f)``; a PIL image:
    Pillow's ``ImageEnhance.Contrast``."""

    def __init__(self, contrast_factor):
        self.contrast_factor = check_number(contrast_factor, "contrast_factor", "AdjustContrast", 0, _F32_MAX)

    def _batch(self, x, rng):
        _rgb3(x, "AdjustContrast")
        return K.adjust_contrast(x, np.full(x.shape[0], self.contrast_factor, np.float32))

    def _pil(self, img, rng):
        return _enhance(img, "Contrast", self.contrast_factor)


class AdjustSaturation(_PilOp):
    """Blend with the grey image (OpenCV's fixed-point RGB2GRAY): ``cv::addWeighted(grey, 1 - f, image, f)``; a PIL
    image: Pillow's ``ImageEnhance.Color``."""

    def __init__(self, saturation_factor):
        self.saturation_factor = check_number(saturation_factor, "saturation_factor", "AdjustSaturation", 0,
                                              _F32_MAX)

    def _batch(self, x, rng):
        _rgb3(x, "AdjustSaturation")
        return K.adjust_saturation(x, np.full(x.shape[0], self.saturation_factor, np.float32))

    def _pil(self, img, rng):
        return _enhance(img, "Color", self.saturation_factor)


class AdjustHue(_PilOp):
    """Shift the hue byte of OpenCV's RGB2HSV_FULL by ``uint8(hue_factor * 255)`` (``hue_factor`` in [-0.5, 0.5])
    and convert back, as MindSpore's kernel does (uint8 images); a PIL image: the hue band of Pillow's HSV shifted
    by the same byte (grey modes unchanged)."""

    def __init__(self, hue_factor):
        self.hue_factor = check_number(hue_factor, "hue_factor", "AdjustHue", -0.5, 0.5)

    def _batch(self, x, rng):
        _rgb3(x, "AdjustHue")
        return K.adjust_hue(x, np.full(x.shape[0], self.hue_factor, np.float32))

    def _pil(self, img, rng):
        from PIL import Image
        if img.mode in ("L", "1", "I", "F"):
            return img
        h, s, v = img.convert("HSV").split()
        shift = int(np.float64(self.hue_factor) * 255) & 0xFF       # NumPy's uint8 of a negative: wraps
        h = Image.fromarray(((np.asarray(h, np.int64) + shift) & 0xFF).astype(np.uint8))
        return Image.merge("HSV", (h, s, v)).convert(img.mode)


class AdjustGamma(_PilOp):
    """uint8 images: the table ``floor(min((i / 255) ** gamma * (256 - 1e-3) * gain, 255))`` in float32 (MindSpore's
    kernel); float images: ``min(max((x * gain) ** gamma, 0), 1)`` in float32 (the gain inside the power, as
    MindSpore's kernel has it); a PIL image: Pillow's ``point`` with ``int((256 - 1e-3) * gain * (i / 255) **
    gamma)``."""

    def __init__(self, gamma, gain=1):
        self.gamma = check_number(gamma, "gamma", "AdjustGamma", 0, _F32_MAX)
        self.gain = check_number(gain, "gain", "AdjustGamma")

    def _batch(self, x, rng):
        image_rank(x, "AdjustGamma")
        f32 = np.float32
        if x.dtype == np.uint8:
            lut = np.power(np.arange(256, dtype=f32) / f32(255), f32(self.gamma)).astype(f32)
            lut = np.minimum(lut * f32(256 - 1e-3) * f32(self.gain), f32(255))
            return np.floor(lut).astype(np.uint8)[x]
        if x.dtype.kind != "f":
            raise RuntimeError(f"AdjustGamma: the image should be uint8 or float, but got {x.dtype}.")
        with np.errstate(invalid="ignore"):
            y = np.power(x.astype(f32) * f32(self.gain), f32(self.gamma))
        return np.clip(y, 0, 1).astype(x.dtype)

    def _pil(self, img, rng):
        table = [int((255 + 1 - 1e-3) * self.gain * pow(v / 255., self.gamma)) for v in range(256)]
        bands = len(img.getbands())
        if bands == 3:
            return img.point(table * 3)
        return img.point(table) if bands == 1 else img


def _sharpen(x, f):
    """PIL's SHARPEN filter ([[1,1,1],[1,5,1],[1,1,1]] / 13, the border kept) blended with the image by ``f``."""
    xf = x.astype(np.float32)
    h, w = x.shape[1:3]
    deg = x.astype(np.float32).copy()
    if h > 2 and w > 2:
        acc = np.zeros_like(xf[:, 1:-1, 1:-1])
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                acc = acc + xf[:, 1 + dy:h - 1 + dy, 1 + dx:w - 1 + dx] * (5.0 if dy == dx == 0 else 1.0)
        deg[:, 1:-1, 1:-1] = acc / np.float32(13)
        if x.dtype == np.uint8:
            deg = np.clip(np.rint(deg), 0, 255)
    return K.blend(deg.astype(x.dtype), x, np.full(x.shape[0], f, np.float32))


class AdjustSharpness(ImageOp):
    """Blend with a smoothed copy (``sharpness_factor`` 0: blurred, 1: the image, 2: sharpened)."""

    def __init__(self, sharpness_factor):
        self.sharpness_factor = check_number(sharpness_factor, "sharpness_factor", "AdjustSharpness", 0,
                                             _F32_MAX)

    def _batch(self, x, rng):
        image_rank(x, "AdjustSharpness")
        y, back = as_hwc(x)
        return back(_sharpen(y, self.sharpness_factor))


# ----------------------------------------------------------------------------------------- histogram operations
def _autocontrast_lut(hist, cutoff, ignore):
    """PIL ImageOps.autocontrast's table for one channel's histogram (256,)."""
    h = hist.copy()
    if ignore is not None:
        h[list(ignore)] = 0
    if cutoff:
        n = h.sum()
        cut = int(n * cutoff[0] / 100)
        for lo in range(256):
            if cut > h[lo]:
                cut -= h[lo]
                h[lo] = 0
            else:
                h[lo] -= cut
                cut = 0
            if cut <= 0:
                break
        cut = int(n * cutoff[1] / 100)
        for hi in range(255, -1, -1):
            if cut > h[hi]:
                cut -= h[hi]
                h[hi] = 0
            else:
                h[hi] -= cut
                cut = 0
            if cut <= 0:
                break
    nz = np.nonzero(h)[0]
    if nz.size == 0 or nz[-1] <= nz[0]:
        return np.arange(256, dtype=np.uint8)
    lo, hi = nz[0], nz[-1]
    scale = np.float32(255.0 / (hi - lo))
    offset = np.float32(-lo * scale)
    ix = (np.arange(256, dtype=np.float32) * scale + offset).astype(np.float32)
    return np.clip(np.trunc(ix), 0, 255).astype(np.uint8)


def _per_channel(x, lut_of):
    y, back = as_hwc(x)
    out = np.empty_like(y)
    for n in range(y.shape[0]):
        for c in range(y.shape[3]):
            ch = y[n, :, :, c]
            out[n, :, :, c] = lut_of(np.bincount(ch.ravel(), minlength=256))[ch]
    return back(out)


class AutoContrast(_PilOp):
    """Stretch each channel's histogram to [0, 255] after cutting ``cutoff`` percent (in [0, 50)) from both ends and
    ignoring the values in ``ignore`` (PIL's algorithm in float32, as MindSpore's kernel); uint8 images. A PIL
    image: Pillow's ``ImageOps.autocontrast``."""

    def __init__(self, cutoff=0.0, ignore=None):
        op = "AutoContrast"
        c = check_number(cutoff, "cutoff", op, 0, 50)
        if c >= 50:
            raise ValueError(f"For '{op}', cutoff {c} is not within the required interval of [0, 50).")
        cut = (c, c)
        if ignore is not None:
            vals = [ignore] if not isinstance(ignore, (list, tuple)) else list(ignore)
            ignore = [check_int(v, "ignore", op, 0, 255) for v in vals]
        self.cutoff, self.ignore = cut, ignore

    def _batch(self, x, rng):
        image_rank(x, "AutoContrast")
        _u8(x, "AutoContrast")
        cut = self.cutoff if any(self.cutoff) else None
        return _per_channel(x, lambda h: _autocontrast_lut(h, cut, self.ignore))

    def _pil(self, img, rng):
        from PIL import ImageOps
        return ImageOps.autocontrast(img, self.cutoff[0], self.ignore)


def _equalize_lut(hist):
    """OpenCV's equalizeHist table."""
    total = hist.sum()
    nz = np.nonzero(hist)[0]
    i = nz[0]
    if hist[i] == total:
        return np.full(256, i, np.uint8)
    scale = np.float32(255.0) / np.float32(total - hist[i])
    lut = np.zeros(256, np.uint8)
    cum = np.cumsum(hist[i + 1:])
    lut[i + 1:] = np.clip(np.rint((cum * scale).astype(np.float32)), 0, 255).astype(np.uint8)
    return lut


class Equalize(_PilOp):
    """Equalise each channel's histogram (OpenCV's ``equalizeHist``, MindSpore's kernel); uint8 images. A PIL
    image: Pillow's ``ImageOps.equalize`` (another table: Pillow spreads the histogram without OpenCV's shift of
    the first bin to 0)."""

    def _pil(self, img, rng):
        from PIL import ImageOps
        return ImageOps.equalize(img)

    def _batch(self, x, rng):
        image_rank(x, "Equalize")
        _u8(x, "Equalize")
        return _per_channel(x, _equalize_lut)


class Invert(_PilOp):
    """``255 - x`` for every value of a uint8 RGB image (a PIL image: Pillow's ``ImageOps.invert``)."""

    def _pil(self, img, rng):
        from PIL import ImageOps
        return ImageOps.invert(img)

    def _batch(self, x, rng):
        _rgb3(x, "Invert")
        _u8(x, "Invert")
        return 255 - x


class Posterize(ImageOp):
    """Keep the ``bits`` (0..8) high bits of every uint8 value."""

    def __init__(self, bits):
        self.bits = check_int(bits, "bits", "Posterize", 0, 8)

    def _batch(self, x, rng):
        image_rank(x, "Posterize")
        _u8(x, "Posterize")
        mask = np.uint8((0xFF << (8 - self.bits)) & 0xFF)
        return x & mask


class Solarize(ImageOp):
    """Invert (``255 - x``) the values in ``[threshold_min, threshold_max]`` (a number t, or min == max: all the
    values >= t)."""

    def __init__(self, threshold):
        op = "Solarize"
        if isinstance(threshold, (list, tuple)):
            if len(threshold) != 2:
                raise TypeError(f"For '{op}', threshold should be a number or a (min, max) pair, but got "
                                f"{threshold!r}.")
            lo, hi = (check_number(t, f"threshold[{i}]", op, 0, 255) for i, t in enumerate(threshold))
            if lo > hi:
                raise ValueError(f"For '{op}', threshold_min must be smaller or equal to threshold_max, but got "
                                 f"{tuple(threshold)}.")
        else:
            lo, hi = check_number(threshold, "threshold", op, 0, 255), 255.0
        self.threshold = (lo, hi)

    def _batch(self, x, rng):
        image_rank(x, "Solarize")
        lo, hi = self.threshold
        if lo == hi:            # MindSpore: a range of one value inverts every value >= it
            hi = float("inf")
        return np.where((x >= lo) & (x <= hi), (255 - x.astype(np.int64)).astype(x.dtype) if x.dtype == np.uint8
                        else (255 - x).astype(x.dtype), x)


# --------------------------------------------------------------------------------------------------- colour
class ConvertMode(IntEnum):
    """The colour conversions of ``ConvertColor`` (MindSpore 2.10's names and values)."""
    COLOR_BGR2BGRA = 0
    COLOR_RGB2RGBA = 0
    COLOR_BGRA2BGR = 1
    COLOR_RGBA2RGB = 1
    COLOR_BGR2RGBA = 2
    COLOR_RGB2BGRA = 2
    COLOR_RGBA2BGR = 3
    COLOR_BGRA2RGB = 3
    COLOR_BGR2RGB = 4
    COLOR_RGB2BGR = 4
    COLOR_BGRA2RGBA = 5
    COLOR_RGBA2BGRA = 5
    COLOR_BGR2GRAY = 6
    COLOR_RGB2GRAY = 7
    COLOR_GRAY2BGR = 8
    COLOR_GRAY2RGB = 8
    COLOR_GRAY2BGRA = 9
    COLOR_GRAY2RGBA = 9
    COLOR_BGRA2GRAY = 10
    COLOR_RGBA2GRAY = 11


# mode -> (output channels, swap R and B); the colour modes take 3 or 4 channels (a missing alpha is 255, as
# OpenCV's cvtColor), the grey ones 3 or 4 (GRAY*: 1)
_COLOR = {0: (4, False), 1: (3, False), 2: (4, True), 3: (3, True), 4: (3, True), 5: (4, True)}
_TO_GRAY = {6: True, 7: False, 10: True, 11: False}
_FROM_GRAY = {8: 3, 9: 4}


def _convert(x, mode):
    """``cvtColor`` of a block (N, H, W, C) in mode ``mode`` (an int), or None when the channels do not fit."""
    c = x.shape[-1]
    if mode in _FROM_GRAY:
        if c != 1:
            return None
        out = np.repeat(x, 3, -1)
        return np.concatenate([out, _alpha(x)], -1) if _FROM_GRAY[mode] == 4 else out
    if c == 1 and mode not in _TO_GRAY:
        x, c = np.repeat(x, 3, -1), 3          # MindSpore: a one-channel image is taken as grey RGB
    if c not in (3, 4):
        return None
    rgb = x[..., 2::-1] if _COLOR.get(mode, (0, _TO_GRAY.get(mode)))[1] else x[..., :3]
    if mode in _TO_GRAY:
        return K.rgb_to_gray(np.ascontiguousarray(rgb))
    if _COLOR[mode][0] == 3:
        return rgb
    return np.concatenate([rgb, x[..., 3:] if c == 4 else _alpha(x)], -1)


def _alpha(x):
    return np.full(x.shape[:-1] + (1,), 255 if x.dtype == np.uint8 else 1, x.dtype)


class ConvertColor(ImageOp):
    """Convert between RGB/BGR/RGBA/BGRA/grey (``ConvertMode``), as OpenCV's ``cvtColor``."""

    def __init__(self, convert_mode):
        if not isinstance(convert_mode, ConvertMode):
            raise TypeError(f"For 'ConvertColor', convert_mode must be of type ConvertMode, but got "
                            f"{convert_mode!r}.")
        self.convert_mode = convert_mode

    def _batch(self, x, rng):
        y = x[..., None] if x.ndim == 3 else x
        out = _convert(y, int(self.convert_mode)) if y.ndim == 4 else None
        if out is None:
            need = "1 channel" if int(self.convert_mode) in _FROM_GRAY else "3 or 4 channels"
            raise RuntimeError(f"ConvertColor: {self.convert_mode.name} needs an image of {need}, but got an image "
                               f"of shape {tuple(x.shape[1:])}.")
        return np.ascontiguousarray(out)


def _check_hsv_input(x, op, is_hwc):
    if x.ndim not in (4, 5):
        raise TypeError(f"{op}: the image should be 3 or 4 dimensional, but got {x.ndim - 1} dimensions.")
    axis = -1 if is_hwc else -3
    if x.shape[axis] != 3:
        raise TypeError(f"{op}: the image should have 3 channels on axis {'-1' if is_hwc else '-3'}, but got "
                        f"shape {tuple(x.shape[1:])}.")
    return axis


class RgbToHsv(ImageOp):
    """RGB (float, in [0, 1]) to HSV by colorsys' formulas; ``is_hwc`` False (default): CHW images."""

    def __init__(self, is_hwc=False):
        self.is_hwc = check_bool(is_hwc, "is_hwc", "RgbToHsv")

    def _batch(self, x, rng):
        axis = _check_hsv_input(x, "RgbToHsv", self.is_hwc)
        xf = np.moveaxis(x.astype(np.float64), axis, -1)
        r, g, b = xf[..., 0], xf[..., 1], xf[..., 2]
        mx, mn = xf.max(-1), xf.min(-1)
        d = mx - mn
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(mx > 0, d / np.where(mx > 0, mx, 1), 0.0)
            dd = np.where(d > 0, d, 1)
            rc, gc, bc = (mx - r) / dd, (mx - g) / dd, (mx - b) / dd
        h = np.where(r == mx, bc - gc, np.where(g == mx, 2.0 + rc - bc, 4.0 + gc - rc))
        h = np.where(d > 0, (h / 6.0) % 1.0, 0.0)
        out = np.stack([h, s, mx], -1)
        return np.moveaxis(out, -1, axis)     # float64, whatever the input (MindSpore's colorsys path)


class HsvToRgb(ImageOp):
    """HSV (float, in [0, 1]) to RGB by colorsys' formulas; ``is_hwc`` False (default): CHW images."""

    def __init__(self, is_hwc=False):
        self.is_hwc = check_bool(is_hwc, "is_hwc", "HsvToRgb")

    def _batch(self, x, rng):
        axis = _check_hsv_input(x, "HsvToRgb", self.is_hwc)
        xf = np.moveaxis(x.astype(np.float64), axis, -1)
        h, s, v = xf[..., 0], xf[..., 1], xf[..., 2]
        i = np.floor(h * 6.0)
        f = h * 6.0 - i
        p, q, t = v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f))
        i = i.astype(np.int64) % 6
        sel = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
        out = np.zeros(xf.shape, np.float64)
        for k, (a, b, c) in enumerate(sel):
            m = i == k
            out[..., 0] = np.where(m, a, out[..., 0])
            out[..., 1] = np.where(m, b, out[..., 1])
            out[..., 2] = np.where(m, c, out[..., 2])
        out = np.where((s == 0)[..., None], v[..., None], out)
        return np.moveaxis(out, -1, axis)     # float64, whatever the input (MindSpore's colorsys path)


# ------------------------------------------------------------------------------------------- crops and pads
class Crop(ImageOp):
    """Crop ``size`` (int or (height, width)) at ``coordinates`` (top, left)."""

    def __init__(self, coordinates, size):
        op = "Crop"
        if not isinstance(coordinates, (list, tuple)) or len(coordinates) != 2:
            raise TypeError(f"For '{op}', coordinates should be a list/tuple (top, left) of length 2, but got "
                            f"{coordinates!r}.")
        self.coordinates = tuple(check_int(c, f"coordinates[{i}]", op, 0, 2147483647)
                                 for i, c in enumerate(coordinates))
        self.size = size_pair(check_size(size, op, 2147483647))

    def _batch(self, x, rng):
        image_rank(x, "Crop")
        (top, left), (ch, cw) = self.coordinates, self.size
        h, w = x.shape[1:3]
        if top + ch > h or left + cw > w:
            raise RuntimeError(f"Crop: the crop box (top={top}, left={left}, height={ch}, width={cw}) is out of "
                               f"the image of height {h} and width {w}.")
        return x[:, top:top + ch, left:left + cw].copy()


class ResizedCrop(ImageOp):
    """Crop the box (top, left, height, width) and resize it to ``size`` (bilinear: OpenCV's INTER_LINEAR)."""

    def __init__(self, top, left, height, width, size, interpolation=Inter.BILINEAR):
        op = "ResizedCrop"
        self.top = check_int(top, "top", op, 0, 2147483647)
        self.left = check_int(left, "left", op, 0, 2147483647)
        self.height = check_int(height, "height", op, 1, 2147483647)
        self.width = check_int(width, "width", op, 1, 2147483647)
        self.size = size_pair(check_size(size, op))
        self.interpolation = check_inter(interpolation, op)

    def _batch(self, x, rng):
        image_rank(x, "ResizedCrop")
        h, w = x.shape[1:3]
        if self.top + self.height > h or self.left + self.width > w:
            raise RuntimeError(f"ResizedCrop: the crop box (top={self.top}, left={self.left}, height={self.height}, "
                               f"width={self.width}) is out of the image of height {h} and width {w}.")
        crop = x[:, self.top:self.top + self.height, self.left:self.left + self.width]
        y, back = as_hwc(crop)
        return back(K.resize(np.ascontiguousarray(y), self.size[0], self.size[1], self.interpolation))


def _five_boxes(w, h, cw, ch):
    if cw > w or ch > h:
        raise ValueError(f"Crop size {(ch, cw)} is larger than the image size {(h, w)}.")
    t, l_ = int(round((h - ch) / 2.)), int(round((w - cw) / 2.))
    return [(0, 0, cw, ch), (w - cw, 0, w, ch), (0, h - ch, cw, h), (w - cw, h - ch, w, h),
            (l_, t, l_ + cw, t + ch)]


class FiveCrop(ImageOp):
    """The four corner crops and the centre crop of a PIL image, as a tuple of PIL images."""
    _pil_out = True

    def __init__(self, size):
        self.size = size_pair(check_size(size, "FiveCrop"))

    def _one(self, x, rng):
        if not is_pil(x):
            raise TypeError(f"{type(self).__name__}: the input should be a PIL image, but got {type(x)}.")
        return self._pil(x, rng)

    def _batch(self, x, rng):
        raise TypeError(f"{type(self).__name__}: the input should be a PIL image, but got {type(x)}.")

    def _pil(self, img, rng):
        w, h = img.size
        return tuple(img.crop(b) for b in _five_boxes(w, h, self.size[1], self.size[0]))


class TenCrop(FiveCrop):
    """``FiveCrop`` of the image and of its flip (horizontal, or vertical with ``use_vertical_flip``)."""

    def __init__(self, size, use_vertical_flip=False):
        super().__init__(size)
        self.use_vertical_flip = check_bool(use_vertical_flip, "use_vertical_flip", "TenCrop")

    def _pil(self, img, rng):
        from PIL import Image
        flip = img.transpose(Image.FLIP_TOP_BOTTOM if self.use_vertical_flip else Image.FLIP_LEFT_RIGHT)
        return super()._pil(img, rng) + super()._pil(flip, rng)


class PadToSize(ImageOp):
    """Pad the image to ``size`` (height, width) with the image at ``offset`` (top, left; default: centred, the
    extra pixel at the bottom/right), filled as ``Pad`` does."""

    def __init__(self, size, offset=None, fill_value=0, padding_mode=Border.CONSTANT):
        op = "PadToSize"
        self.size = size_pair(check_size(size, op, 2147483647))
        if offset is not None:
            if isinstance(offset, (list, tuple)):
                if len(offset) != 2:
                    raise TypeError(f"For '{op}', offset should be an int or a (top, left) pair, but got "
                                    f"{offset!r}.")
                offset = tuple(check_int(o, f"offset[{i}]", op, 0, 2147483647) for i, o in enumerate(offset))
            else:
                offset = (check_int(offset, "offset", op, 0, 2147483647),) * 2
        self.offset = offset
        self.fill_value = check_fill_value(fill_value, op)
        self.padding_mode = check_border(padding_mode, op)

    def _batch(self, x, rng):
        image_rank(x, "PadToSize")
        h, w = x.shape[1:3]
        th, tw = self.size
        if th < h or tw < w:
            raise RuntimeError(f"PadToSize: the target size {(th, tw)} should be no less than the image size "
                               f"{(h, w)}.")
        top, left = self.offset if self.offset is not None else ((th - h) // 2, (tw - w) // 2)
        if top + h > th or left + w > tw:
            raise RuntimeError(f"PadToSize: the offset {(top, left)} plus the image size {(h, w)} exceeds the "
                               f"target size {(th, tw)}.")
        return pad_block(x, left, top, tw - w - left, th - h - top, self.padding_mode, self.fill_value)


class Erase(ImageOp):
    """Fill the box (top, left, height, width) of an <H,W,C> image with ``value`` (one number or one per channel;
    the part of the box inside the image)."""

    def __init__(self, top, left, height, width, value=0, inplace=False):
        op = "Erase"
        self.top = check_int(top, "top", op, 0, 2147483647)
        self.left = check_int(left, "left", op, 0, 2147483647)
        self.height = check_int(height, "height", op, 1, 2147483647)
        self.width = check_int(width, "width", op, 1, 2147483647)
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise TypeError(f"For '{op}', value should be a number or a 3-tuple, but got {value!r}.")
            self.value = tuple(check_number(v, f"value[{i}]", op, 0, 255) for i, v in enumerate(value))
        else:
            self.value = (check_number(value, "value", op, 0, 255),)
        self.inplace = check_bool(inplace, "inplace", op)

    def _batch(self, x, rng):
        if x.ndim != 4 or x.shape[-1] != 3:
            raise RuntimeError(f"Erase: the image should be <H,W,C> with 3 channels, but got an image of shape "
                               f"{tuple(x.shape[1:])}.")
        out = x.copy()
        v = np.asarray(self.value, np.float64)
        out[:, self.top:self.top + self.height, self.left:self.left + self.width] = (
            np.rint(v).astype(x.dtype) if x.dtype.kind in "iu" else v.astype(x.dtype))
        return out


# ------------------------------------------------------------------------------------------------- conversions
class ToNumpy(ImageOp):
    """A PIL image (or array) as a NumPy array."""

    def _one(self, x, rng):
        return np.array(x)

    def _batch(self, x, rng):
        return x.copy()


class ToType(ImageOp):
    """Cast the image to ``data_type`` (a NumPy dtype or a ``mindspore`` dtype)."""

    def __init__(self, data_type):
        from ..transforms.transforms import _ms_type
        self.data_type = data_type
        self._dtype = _ms_type(data_type, "ToType").np_dtype

    def _one(self, x, rng):
        return np.asarray(x).astype(self._dtype)

    def _batch(self, x, rng):
        return x.astype(self._dtype)


def _image_array(image, op):
    if is_pil(image):
        return None
    if not isinstance(image, np.ndarray):
        raise TypeError(f"{op}: the input image should be a NumPy array or a PIL image, but got {type(image)}.")
    if image.ndim < 2:
        raise RuntimeError(f"{op}: the image should be at least 2 dimensional, but got shape {image.shape}.")
    return image


def get_image_num_channels(image):
    """The number of channels of a NumPy <H,W[,C]> image (1 for <H,W>) or of a PIL image (its bands)."""
    a = _image_array(image, "get_image_num_channels")
    if a is None:
        return len(image.getbands())
    return 1 if a.ndim == 2 else int(a.shape[-1])


def get_image_size(image):
    """``[height, width]`` of a NumPy <H,W[,C]> image or a PIL image."""
    a = _image_array(image, "get_image_size")
    if a is None:
        return [image.size[1], image.size[0]]
    return [int(a.shape[0]), int(a.shape[1])]


# ----------------------------------------------------------------------------------------- random variants
class _RandomApply(ImageOp):
    """Apply ``self._op`` to each image with probability ``prob``."""

    def _batch(self, x, rng):
        n = x.shape[0]
        take = rng.random(n) < self.prob
        if not take.any():
            return x.copy()
        out = x.copy()
        out[take] = self._op._batch(x[take], rng)
        return out


class RandomAutoContrast(_RandomApply):
    def __init__(self, cutoff=0.0, ignore=None, prob=0.5):
        self._op = AutoContrast(cutoff, ignore)
        self.prob = check_prob(prob, "RandomAutoContrast")


class RandomEqualize(_RandomApply):
    def __init__(self, prob=0.5):
        self._op = Equalize()
        self.prob = check_prob(prob, "RandomEqualize")


class RandomInvert(_RandomApply):
    def __init__(self, prob=0.5):
        self._op = Invert()
        self.prob = check_prob(prob, "RandomInvert")


class RandomAdjustSharpness(_RandomApply):
    def __init__(self, degree, prob=0.5):
        self.degree = check_number(degree, "degree", "RandomAdjustSharpness", 0, _F32_MAX)
        self._op = AdjustSharpness(self.degree)
        self.prob = check_prob(prob, "RandomAdjustSharpness")


class RandomPosterize(ImageOp):
    """Posterize with ``bits`` drawn uniformly (integers) from ``bits`` (an int: exactly that; or (min, max))."""

    def __init__(self, bits=(8, 8)):
        op = "RandomPosterize"
        if isinstance(bits, (list, tuple)):
            if len(bits) != 2:
                raise TypeError(f"For '{op}', bits should be an int or a (min, max) pair, but got {bits!r}.")
            lo, hi = (check_int(b, f"bits[{i}]", op, 1, 8) for i, b in enumerate(bits))
            if lo > hi:
                raise ValueError(f"For '{op}', bits should be in (min,max) format, but got {tuple(bits)}.")
        else:
            lo = hi = check_int(bits, "bits", op, 1, 8)
        self.bits = (lo, hi)

    def _batch(self, x, rng):
        image_rank(x, "RandomPosterize")
        _u8(x, "RandomPosterize")
        b = rng.integers(self.bits[0], self.bits[1] + 1, x.shape[0])
        mask = ((0xFF << (8 - b)) & 0xFF).astype(np.uint8)
        return x & mask.reshape((-1,) + (1,) * (x.ndim - 1))


class RandomSolarize(ImageOp):
    """Solarize with a threshold range [a, b] drawn from ``threshold`` (min, max): a and b uniform integers,
    ordered."""

    def __init__(self, threshold=(0, 255)):
        op = "RandomSolarize"
        if not isinstance(threshold, (list, tuple)) or len(threshold) != 2:
            raise TypeError(f"For '{op}', threshold should be a (min, max) pair, but got {threshold!r}.")
        lo, hi = (check_int(t, f"threshold[{i}]", op, 0, 255) for i, t in enumerate(threshold))
        if lo > hi:
            raise ValueError(f"For '{op}', threshold should be in (min,max) format, but got {tuple(threshold)}.")
        self.threshold = (lo, hi)

    def _batch(self, x, rng):
        image_rank(x, "RandomSolarize")
        out = x.copy()
        for n in range(x.shape[0]):
            a, b = np.sort(rng.integers(self.threshold[0], self.threshold[1] + 1, 2))
            out[n] = Solarize((float(a), float(b)))._batch(x[n:n + 1], rng)[0]
        return out


class RandomGrayscale(ImageOp):
    """With probability ``prob`` make a PIL image grey (kept with its number of bands: 'L' for one band, else the
    grey copied into three bands)."""
    _pil_out = True

    def __init__(self, prob=0.1):
        self.prob = check_prob(prob, "RandomGrayscale")

    def _one(self, x, rng):
        if not is_pil(x):
            raise TypeError(f"RandomGrayscale: the input should be a PIL image, but got {type(x)}.")
        return self._pil(x, rng)

    def _batch(self, x, rng):
        raise TypeError(f"RandomGrayscale: the input should be a PIL image, but got {type(x)}.")

    def _pil(self, img, rng):
        if rng.random() >= self.prob:
            return img
        bands = len(img.getbands())
        g = img.convert("L")
        if bands == 1:
            return g
        from PIL import Image
        return Image.merge("RGB", [g, g, g])


# ------------------------------------------------------------------------------------------------ geometry
class Rotate(RandomRotation):
    """Rotate by ``degrees`` counter-clockwise (``RandomRotation``'s kernel with a range of one angle: OpenCV's
    ``warpAffine`` for NumPy images; MindSpore has no Pillow path here, so a PIL image is rotated as an array)."""
    _pil_out = False

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        d = check_number(degrees, "degrees", "Rotate", -_F32_MAX, _F32_MAX)
        super().__init__((d, d), resample, expand, center, fill_value)

    def __repr__(self):
        return f"Rotate(degrees={self.degrees[0]}, resample={self.resample!r}, expand={self.expand})"


class Affine(ImageOp):
    """Rotate by ``degrees`` (in [-180, 180]), translate by ``translate`` (fractions of the width and height), scale
    and shear (``shear``: x angle, or (x, y) angles, in degrees) about the image centre ``((w - 1) / 2, (h - 1) / 2)``,
    as MindSpore's kernel builds the matrix (in float32), warped by OpenCV's ``warpAffine`` (NEAREST, BILINEAR or
    BICUBIC) with ``fill_value`` (an int or (R, G, B)) outside."""

    def __init__(self, degrees, translate, scale, shear, resample=Inter.NEAREST, fill_value=0):
        op = "Affine"
        self.degrees = check_number(degrees, "degrees", op, -180, 180)
        if not isinstance(translate, (list, tuple)):
            raise TypeError(f"For '{op}', translate must be a list/tuple of 2 numbers, but got {translate!r}.")
        if len(translate) != 2:
            raise TypeError(f"For '{op}', the length of translate should be 2, but got {translate!r}.")
        self.translate = tuple(check_number(t, f"translate[{i}]", op, -1, 1) for i, t in enumerate(translate))
        self.scale = check_number(scale, "scale", op, 0, _F32_MAX, lo_open=True)
        if isinstance(shear, (list, tuple)):
            if len(shear) != 2:
                raise TypeError(f"For '{op}', the length of shear should be 2, but got {shear!r}.")
            self.shear = tuple(check_number(v, f"shear[{i}]", op, -180, 180) for i, v in enumerate(shear))
        else:
            self.shear = (check_number(shear, "shear", op, -180, 180), 0.0)
        self.resample = check_inter(resample, op, "resample")
        self.fill_value = check_fill_value(fill_value, op)

    def _matrix(self, h, w):
        f32 = np.float32
        a = np.deg2rad(self.degrees)
        sx, sy = np.deg2rad(self.shear[0]), np.deg2rad(-self.shear[1])
        s = self.scale
        m = np.array([s * np.cos(a + sy) / np.cos(sy), s * (-np.cos(a + sy) * np.tan(sx) / np.cos(sy) - np.sin(a)),
                      0, s * np.sin(a + sy) / np.cos(sy),
                      s * (-np.sin(a + sy) * np.tan(sx) / np.cos(sy) + np.cos(a)), 0], np.float64).astype(f32)
        cx, cy = f32((w - 1) / 2.0), f32((h - 1) / 2.0)
        tx, ty = f32(self.translate[0] * w), f32(self.translate[1] * h)
        m[2] = (f32(1) - m[0]) * cx - m[1] * cy + tx
        m[5] = (f32(1) - m[4]) * cy - m[3] * cx + ty
        return m.astype(np.float64).reshape(1, 2, 3)

    def _batch(self, x, rng):
        image_rank(x, "Affine")
        inter = {Inter.AREA: Inter.LINEAR, Inter.PILCUBIC: Inter.CUBIC}.get(self.resample, self.resample)
        if inter == Inter.ANTIALIAS:
            raise RuntimeError("Affine: unsupported resample Inter.ANTIALIAS, only support NEAREST, BILINEAR and "
                               "BICUBIC.")
        x4, undo = as_hwc(x)
        n, h, w, c = x4.shape
        f = self.fill_value * 3 if len(self.fill_value) == 1 else self.fill_value
        fill = f[:1] if c == 1 else (f + (0,) * max(0, c - 3))[:c]
        m = np.repeat(self._matrix(h, w), n, 0)
        return undo(K.warp_affine(x4, m, h, w, inter, fill))


def _gaussian_kernel(k, sigma, fixed=False):
    """The Gaussian kernel of size ``k`` as OpenCV's ``getGaussianKernel`` samples it, normalised. A sigma of 0
    becomes ``0.3 * ((k - 1) / 2 - 1) + 0.8`` before OpenCV sees it (so OpenCV's fixed tables for k <= 7 are never
    used: MindSpore 2.10's values say so). ``fixed``: in OpenCV's fixed point for 8-bit images, multiples of 1/256
    whose rounding errors are carried to the next tap (error diffusion from the ends) and the centre making the sum
    exactly 256."""
    if sigma <= 0:
        sigma = 0.3 * ((k - 1) * 0.5 - 1) + 0.8
    t = np.arange(k) - (k - 1) * 0.5
    g = np.exp(-t * t / (2 * sigma * sigma))
    g = g / g.sum()
    if not fixed:
        return g
    out = np.zeros(k, np.int64)
    err = 0.0
    for i in range(k // 2):
        v = g[i] * 256 + err
        out[i] = out[k - 1 - i] = int(np.rint(v))
        err = v - out[i]
    out[k // 2] = 256 - 2 * out[:k // 2].sum()
    return out


def _reflect101(n, pad):
    idx = np.arange(-pad, n + pad)
    if n == 1:
        return np.zeros_like(idx)
    period = 2 * (n - 1)
    idx = np.mod(idx, period)
    return np.where(idx >= n, period - idx, idx)


class GaussianBlur(ImageOp):
    """Blur with a Gaussian kernel of ``kernel_size`` (odd; an int, or (width, height)) and ``sigma`` (None/0: from
    the kernel width, for both axes; a number, or (x, y)), as OpenCV's ``GaussianBlur`` with its reflect-101 border
    (uint8 images in its bit-exact fixed point: matches MindSpore 2.10 exactly on the recorded cases)."""

    def __init__(self, kernel_size, sigma=None):
        op = "GaussianBlur"
        ks = [kernel_size] if not isinstance(kernel_size, (list, tuple)) else list(kernel_size)
        if len(ks) not in (1, 2):
            raise TypeError(f"For '{op}', kernel_size should be a single integer or a list/tuple (kernel_width, "
                            f"kernel_height) of length 2, but got {kernel_size!r}.")
        for i, k in enumerate(ks):
            check_int(k, "kernel_size", op, 1, 16777216)
            if k % 2 == 0:
                raise ValueError(f"For '{op}', kernel_size {k} is not an odd value.")
        self.kernel_size = tuple(int(k) for k in ks) * (2 if len(ks) == 1 else 1)
        if sigma is None:
            sig = [0.0]
        elif isinstance(sigma, (list, tuple)):
            if len(sigma) != 2:
                raise TypeError(f"For '{op}', sigma should be a single number or a list/tuple of length 2, but got "
                                f"{sigma!r}.")
            sig = list(sigma)
        else:
            sig = [sigma]
        sig = [check_number(v, "sigma", op, 0, _F32_MAX) for v in sig]
        self.sigma = tuple(sig) * (2 if len(sig) == 1 else 1)

    def _batch(self, x, rng):
        image_rank(x, "GaussianBlur")
        x4, undo = as_hwc(x)
        n, h, w, c = x4.shape
        kx, ky = self.kernel_size
        # MindSpore: a sigma of 0 is taken from the kernel width, and the height's sigma (0 or not given) is the
        # width's (MindSpore 2.10's values for kernel_size=(3, 5) say so)
        sx = self.sigma[0] if self.sigma[0] > 0 else 0.3 * ((kx - 1) * 0.5 - 1) + 0.8
        sy = self.sigma[1] if self.sigma[1] > 0 else sx
        if x.dtype == np.uint8:          # OpenCV's bit-exact fixed-point path: 8 fraction bits per pass
            gx, gy = _gaussian_kernel(kx, sx, True), _gaussian_kernel(ky, sy, True)
            xi = x4.astype(np.int64)[:, :, _reflect101(w, kx // 2)]
            xi = sum(gx[i] * xi[:, :, i:i + w] for i in range(kx))
            xi = xi[:, _reflect101(h, ky // 2)]
            xi = sum(gy[i] * xi[:, i:i + h] for i in range(ky))
            return undo(np.clip((xi + (1 << 15)) >> 16, 0, 255).astype(np.uint8))
        gx, gy = _gaussian_kernel(kx, sx), _gaussian_kernel(ky, sy)
        xf = x4.astype(np.float64)
        xf = xf[:, :, _reflect101(w, kx // 2)]
        xf = sum(gx[i] * xf[:, :, i:i + w] for i in range(kx))
        xf = xf[:, _reflect101(h, ky // 2)]
        xf = sum(gy[i] * xf[:, i:i + h] for i in range(ky))
        if x.dtype.kind in "iu":
            info = np.iinfo(x.dtype)
            return undo(np.clip(np.floor(xf + 0.5), info.min, info.max).astype(x.dtype))
        return undo(xf.astype(x.dtype))


# ------------------------------------------------------------------------------------------- more colour
class NormalizePad(Normalize):
    """``Normalize`` followed by a fourth channel of zeros (HWC: the last axis; CHW: the first), in ``dtype``
    ("float32" or "float16"). Deliberate difference: MindSpore 2.10 appends the zeros to the end of the buffer,
    which for HWC images shifts the values across pixels (tests/golden/cases_vision_more.py, DELIBERATE)."""

    def __init__(self, mean, std, dtype="float32", is_hwc=True):
        super().__init__(mean, std, is_hwc)
        if not isinstance(dtype, str):
            raise TypeError(f"For 'NormalizePad', dtype must be a str, but got {dtype!r}.")
        if dtype not in ("float32", "float16"):
            raise ValueError(f"For 'NormalizePad', dtype only supports float32 or float16, but got {dtype!r}.")
        self.dtype = dtype

    def _batch(self, x, rng, inplace=False):
        if x.ndim != 4:
            raise RuntimeError(f"NormalizePad: the image should be <H,W,C> or <C,H,W>, but got an image of shape "
                               f"{tuple(x.shape[1:])}.")
        y = super()._batch(x, rng).astype(self.dtype)
        axis = 3 if self.is_hwc else 1
        shape = list(y.shape)
        shape[axis] = 1
        return np.concatenate([y, np.zeros(shape, y.dtype)], axis)

    def __repr__(self):
        return f"NormalizePad(mean={self.mean}, std={self.std}, dtype={self.dtype!r}, is_hwc={self.is_hwc})"


class LinearTransformation(ImageOp):
    """``(image.flatten() - mean_vector) @ transformation_matrix``, reshaped to the image's shape (float64, as
    MindSpore's NumPy implementation)."""

    def __init__(self, transformation_matrix, mean_vector):
        op = "LinearTransformation"
        for name, v in (("transformation_matrix", transformation_matrix), ("mean_vector", mean_vector)):
            if not isinstance(v, np.ndarray):
                raise TypeError(f"For '{op}', {name} must be a numpy.ndarray, but got {type(v).__name__}.")
        if transformation_matrix.ndim != 2 or transformation_matrix.shape[0] != transformation_matrix.shape[1]:
            raise ValueError(f"For '{op}', transformation_matrix should be a square matrix, but got shape "
                             f"{transformation_matrix.shape}.")
        if mean_vector.shape[0] != transformation_matrix.shape[0]:
            raise ValueError(f"For '{op}', mean_vector length {mean_vector.shape[0]} should match the "
                             f"transformation_matrix {transformation_matrix.shape}.")
        self.transformation_matrix, self.mean_vector = transformation_matrix, mean_vector

    def _batch(self, x, rng):
        n = x.shape[0]
        k = self.transformation_matrix.shape[0]
        if int(np.prod(x.shape[1:])) != k:
            raise ValueError(f"LinearTransformation: transformation_matrix shape {self.transformation_matrix.shape} "
                             f"not compatible with the image shape {tuple(x.shape[1:])}.")
        y = (x.reshape(n, -1) - self.mean_vector) @ self.transformation_matrix
        return y.reshape(x.shape)


def _degrees_range(degrees, op):
    if not isinstance(degrees, (list, tuple)) or len(degrees) != 2:
        raise TypeError(f"For '{op}', degrees should be a (min, max) list/tuple, but got {degrees!r}.")
    lo, hi = (check_number(d, f"degrees[{i}]", op, 0, _F32_MAX) for i, d in enumerate(degrees))
    if lo > hi:
        raise ValueError(f"For '{op}', degrees should be in (min,max) format, but got {tuple(degrees)}.")
    return lo, hi


class RandomColor(_PilOp):
    """Saturation by a factor drawn uniformly from ``degrees`` (``AdjustSaturation``'s kernel; PIL: Pillow's
    ``ImageEnhance.Color``)."""

    def __init__(self, degrees=(0.1, 1.9)):
        self.degrees = _degrees_range(degrees, "RandomColor")

    def _batch(self, x, rng):
        _rgb3(x, "RandomColor")
        return K.adjust_saturation(x, rng.uniform(self.degrees[0], self.degrees[1], x.shape[0]).astype(np.float32))

    def _pil(self, img, rng):
        return _enhance(img, "Color", float(rng.uniform(*self.degrees)))


class RandomSharpness(_PilOp):
    """Sharpness by a factor drawn uniformly from ``degrees`` (``AdjustSharpness``'s kernel; PIL: Pillow's
    ``ImageEnhance.Sharpness``)."""

    def __init__(self, degrees=(0.1, 1.9)):
        self.degrees = _degrees_range(degrees, "RandomSharpness")

    def _batch(self, x, rng):
        image_rank(x, "RandomSharpness")
        y, back = as_hwc(x)
        f = rng.uniform(self.degrees[0], self.degrees[1], x.shape[0])
        out = np.empty_like(y)
        for i in range(y.shape[0]):
            out[i] = _sharpen(y[i:i + 1], f[i])[0]
        return back(out)

    def _pil(self, img, rng):
        return _enhance(img, "Sharpness", float(rng.uniform(*self.degrees)))


_EIGVAL = np.array([55.46, 4.794, 1.148])
_EIGVEC = np.array([[-0.5675, 0.7192, 0.4009], [-0.5808, -0.0045, -0.8140], [-0.5836, -0.6948, 0.4203]])


class RandomLighting(_PilOp):
    """AlexNet's PCA lighting noise: add ``eigvec @ (eigval * a)`` per channel, ``a ~ N(0, alpha)``; a <H,W,3>
    image (uint8 results saturated)."""

    def __init__(self, alpha=0.05):
        self.alpha = check_number(alpha, "alpha", "RandomLighting", 0, _F32_MAX)

    def _batch(self, x, rng):
        _rgb3(x, "RandomLighting")
        a = rng.normal(0.0, self.alpha, (x.shape[0], 3)) if self.alpha > 0 else np.zeros((x.shape[0], 3))
        shift = (a * _EIGVAL) @ _EIGVEC.T                                      # (N, 3)
        y = x.astype(np.float64) + shift[:, None, None, :]
        if x.dtype.kind in "iu":
            info = np.iinfo(x.dtype)
            return np.clip(y, info.min, info.max).astype(x.dtype)
        return y.astype(x.dtype)

    def _pil(self, img, rng):
        from PIL import Image
        img = img.convert("RGB") if img.mode != "RGB" else img
        return Image.fromarray(self._batch(np.asarray(img)[None], rng)[0])


class CutOut(ImageOp):
    """Zero ``num_patches`` squares of side ``length`` (at most the image's height and width) at random positions
    (HWC, or CHW with ``is_hwc=False``); as in MindSpore, a square may lie partly (or wholly) outside the image, so
    fewer values, or none, may be zeroed."""

    def __init__(self, length, num_patches=1, is_hwc=True):
        op = "CutOut"
        self.length = check_int(length, "length", op, 1, 2147483647)
        self.num_patches = check_int(num_patches, "num_patches", op, 1, 2147483647)
        self.is_hwc = check_bool(is_hwc, "is_hwc", op)

    def _batch(self, x, rng):
        if x.ndim != 4:
            raise RuntimeError(f"CutOut: the image should be <H,W,C> or <C,H,W>, but got an image of shape "
                               f"{tuple(x.shape[1:])}.")
        h, w = (x.shape[1], x.shape[2]) if self.is_hwc else (x.shape[2], x.shape[3])
        L = self.length
        if L > h or L > w:
            raise RuntimeError(f"CutOut: box size is too large for image erase, got box height: {L}, box width: "
                               f"{L}, and image height: {h}, image width: {w}.")
        out = x.copy()
        # MindSpore's CutOut draws the corner in [-length, size] (the box may stick out of the image and is clipped)
        tops = rng.integers(0, h + L + 1, (x.shape[0], self.num_patches)) - L
        lefts = rng.integers(0, w + L + 1, (x.shape[0], self.num_patches)) - L
        for i in range(x.shape[0]):
            for t, l_ in zip(tops[i], lefts[i]):
                t0, l0 = max(0, t), max(0, l_)
                if self.is_hwc:
                    out[i, t0:t + L, l0:l_ + L] = 0
                else:
                    out[i, :, t0:t + L, l0:l_ + L] = 0
        return out


class MixUp(ImageOp):
    """Mix a batch (``batch_size`` images NHWC and their one-hot labels) by ``lam ~ Beta(alpha, alpha)`` per image,
    as MindSpore's Python implementation: ``is_single=True`` with the batch's circular shift, else with the
    previous batch's mixed result (the first batch stays as it is). Float64 results; takes (image, label)."""
    _n_inputs = 2

    def __init__(self, batch_size, alpha, is_single=True):
        op = "MixUp"
        self.batch_size = check_int(batch_size, "batch_size", op, 1, 2147483647)
        self.alpha = check_number(alpha, "alpha", op, 0, _F32_MAX, lo_open=True)
        self.is_single = check_bool(is_single, "is_single", op)
        self._prev = None

    def _mix(self, image, label, rng):
        image, label = np.asarray(image), np.asarray(label)
        b = self.batch_size
        if image.ndim != 4 or label.ndim != 2 or image.shape[0] != b or label.shape[0] != b:
            raise ValueError(f"MixUp: the image batch should be (batch_size={b}, H, W, C) and the labels "
                             f"(batch_size, num_classes), but got shapes {image.shape} and {label.shape}.")
        lam = rng.beta(self.alpha, self.alpha, b)
        if not self.is_single and self._prev is None:
            lam = np.ones(b)
        li, ll = lam.reshape(b, 1, 1, 1), lam.reshape(b, 1)
        if self.is_single:
            img2, lab2 = image[list(range(1, b)) + [0]], label[list(range(1, b)) + [0]]
        else:
            img2, lab2 = self._prev if self._prev is not None else (0, 0)
        out = (li * image + (1 - li) * img2, ll * label + (1 - ll) * lab2)
        if not self.is_single:
            self._prev = out
        return out

    def _call_multi(self, args):
        from .. import config
        return self._mix(args[0], args[1], config._eager_rng())

    def _batch_multi(self, cols, rng):
        rows = [self._mix(cols[0][i], cols[1][i], rng) for i in range(len(cols[0]))]
        return [[r[0] for r in rows], [r[1] for r in rows]]


_RANDOM_INTERS = (Inter.LINEAR, Inter.NEAREST, Inter.CUBIC, Inter.AREA)


class RandomResize(ImageOp):
    """``Resize(size)`` with an interpolation drawn per image from LINEAR, NEAREST, CUBIC and AREA (OpenCV's
    kernels, as ``Resize``)."""

    def __init__(self, size):
        self.size = check_size(size, "RandomResize")

    def _batch(self, x, rng):
        from ._geometry import Resize
        choice = rng.integers(0, 4, x.shape[0])
        outs = [Resize(self.size, _RANDOM_INTERS[k])._batch(x[i:i + 1], rng)[0] for i, k in enumerate(choice)]
        shapes = {o.shape for o in outs}
        return np.stack(outs) if len(shapes) == 1 else outs


def _pairs(v, name, op, length, default):
    if v is None:
        return default
    if not isinstance(v, (list, tuple)) or len(v) not in length:
        raise TypeError(f"For '{op}', {name} should be a list or tuple of length {' or '.join(map(str, length))}, "
                        f"but got {v!r}.")
    return tuple(check_number(a, f"{name}[{i}]", op) for i, a in enumerate(v))


class RandomAffine(ImageOp):
    """``Affine`` with parameters drawn uniformly per image: the angle from ``degrees`` (d: [-d, d]), the
    translations (fractions) from ``translate`` ((x_min, x_max) or (x_min, x_max, y_min, y_max)), the scale from
    ``scale`` and the shears from ``shear`` (s: x in [-s, s]; (x_min, x_max) or (x_min, x_max, y_min, y_max)).
    NumPy images only (MindSpore's Pillow path for PIL images is not implemented: a PIL image raises)."""

    def __init__(self, degrees, translate=None, scale=None, shear=None, resample=Inter.NEAREST, fill_value=0):
        op = "RandomAffine"
        if isinstance(degrees, (list, tuple)):
            self.degrees = _pairs(degrees, "degrees", op, (2,), None)
            if self.degrees[0] > self.degrees[1]:
                raise ValueError(f"For '{op}', degrees should be in (min,max) format, but got {tuple(degrees)}.")
        else:
            d = check_number(degrees, "degrees", op, 0, _F32_MAX)
            self.degrees = (-d, d)
        t = _pairs(translate, "translate", op, (2, 4), (0.0, 0.0, 0.0, 0.0))
        for i, v in enumerate(t):
            if not -1 <= v <= 1:
                raise ValueError(f"For '{op}', translate at {i} {v} is not within the required interval of "
                                 f"[-1.0, 1.0].")
        self.translate = t + (0.0, 0.0) if len(t) == 2 else t
        sc = _pairs(scale, "scale", op, (2,), (1.0, 1.0))
        if sc[0] > sc[1]:
            raise ValueError(f"For '{op}', scale[1] must be equal to or greater than scale[0].")
        if sc[1] <= 0 or sc[0] < 0:
            raise ValueError(f"For '{op}', scale {sc} must be non-negative with scale[1] > 0.")
        self.scale = sc
        if shear is None:
            sh = (0.0, 0.0, 0.0, 0.0)
        elif isinstance(shear, (list, tuple)):
            sh = _pairs(shear, "shear", op, (2, 4), None)
            if sh[0] > sh[1] or (len(sh) == 4 and sh[2] > sh[3]):
                raise ValueError(f"For '{op}', shear should be in (min,max) format, but got {tuple(shear)}.")
            sh = sh + (0.0, 0.0) if len(sh) == 2 else sh
        else:
            s_ = check_number(shear, "shear", op, 0, _F32_MAX, lo_open=True)
            sh = (-s_, s_, 0.0, 0.0)
        self.shear = sh
        self.resample = check_inter(resample, op, "resample")
        self.fill_value = check_fill_value(fill_value, op)

    def _one(self, x, rng):
        if is_pil(x):
            raise TypeError("RandomAffine: minispore implements the NumPy path only; convert the PIL image with "
                            "numpy.asarray first.")
        return super()._one(x, rng)

    def _batch(self, x, rng):
        image_rank(x, "RandomAffine")
        out = np.empty_like(x)
        for i in range(x.shape[0]):
            d = rng.uniform(*self.degrees)
            t = (rng.uniform(self.translate[0], self.translate[1]), rng.uniform(self.translate[2], self.translate[3]))
            s = rng.uniform(*self.scale)
            sh = (rng.uniform(self.shear[0], self.shear[1]), rng.uniform(self.shear[2], self.shear[3]))
            op = Affine.__new__(Affine)
            op.degrees, op.translate, op.scale, op.shear = d, t, s, sh
            op.resample, op.fill_value = self.resample, self.fill_value
            out[i] = op._batch(x[i:i + 1], rng)[0]
        return out


# ------------------------------------------------------------------------------------------- perspective
def _check_points(points, name, op):
    if not isinstance(points, (list, tuple)) or len(points) != 4:
        raise TypeError(f"For '{op}', {name} should be a list/tuple of 4 (x, y) points, but got {points!r}.")
    out = []
    for i, p in enumerate(points):
        if not isinstance(p, (list, tuple)) or len(p) != 2:
            raise TypeError(f"For '{op}', {name}[{i}] should be a list/tuple (x, y), but got {p!r}.")
        out.append(tuple(check_int(v, f"{name}[{i}]", op, -2147483648, 2147483647) for v in p))
    return out


def _perspective_matrix(src, dst):
    """OpenCV's ``getPerspectiveTransform(src, dst)``: the 3x3 matrix taking src to dst (float64)."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -x * u, -y * u])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -x * v, -y * v])
        b.append(v)
    m = np.linalg.solve(np.array(a, np.float64), np.array(b, np.float64))
    return np.append(m, 1.0).reshape(3, 3)


def _warp_perspective(x, m, inter):
    """``cv::warpPerspective(img, M, size, inter, BORDER_CONSTANT, 0)`` of a block (N, H, W, C)."""
    n, h, w, c = x.shape
    im = np.linalg.inv(m)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
    X0 = im[0, 0] * xs + im[0, 1] * ys + im[0, 2]
    Y0 = im[1, 0] * xs + im[1, 1] * ys + im[1, 2]
    W = im[2, 0] * xs + im[2, 1] * ys + im[2, 2]
    ni = np.arange(n)[:, None, None]
    big = float(2 ** 31 - 1)
    if inter == Inter.NEAREST:
        with np.errstate(divide="ignore"):
            Wi = np.where(W != 0, 1.0 / np.where(W != 0, W, 1), 0.0)
        sx = np.rint(np.clip(X0 * Wi, -big, big)).astype(np.int64)
        sy = np.rint(np.clip(Y0 * Wi, -big, big)).astype(np.int64)
        inside = (sx >= 0) & (sx < w) & (sy >= 0) & (sy < h)
        out = x[ni, np.clip(sy, 0, h - 1)[None], np.clip(sx, 0, w - 1)[None]]
        out[:, ~inside] = 0
        return out
    tab = 1 << K._INTER_BITS
    with np.errstate(divide="ignore"):
        Wi = np.where(W != 0, tab / np.where(W != 0, W, 1), 0.0)
    gx = np.rint(np.clip(X0 * Wi, -big, big)).astype(np.int64)
    gy = np.rint(np.clip(Y0 * Wi, -big, big)).astype(np.int64)
    sx, sy = gx >> K._INTER_BITS, gy >> K._INTER_BITS
    cubic = inter == Inter.CUBIC
    offs = np.arange(-1, 3) if cubic else np.arange(2)
    integer = x.dtype.kind in "iu"
    mask = tab - 1
    if integer:
        table = K._remap_table(cubic)[gy & mask, gx & mask]
    else:
        fx = (gx & mask).astype(np.float32) / np.float32(tab)
        fy = (gy & mask).astype(np.float32) / np.float32(tab)
        if cubic:
            wxs, wys = K.cubic_coeffs(fx), K.cubic_coeffs(fy)
        else:
            wxs = np.stack([np.float32(1) - fx, fx], -1)
            wys = np.stack([np.float32(1) - fy, fy], -1)
    acc = np.int64 if integer else np.float32
    out = 0
    for i, dy in enumerate(offs):
        yy = sy + dy
        for j, dx in enumerate(offs):
            xx = sx + dx
            inside = (xx >= 0) & (xx < w) & (yy >= 0) & (yy < h)
            v = x[ni, np.clip(yy, 0, h - 1)[None], np.clip(xx, 0, w - 1)[None]].astype(acc)
            v = np.where(inside[None, ..., None], v, 0)
            wk = table[..., i, j] if integer else wys[..., i] * wxs[..., j]
            out = out + v * wk[None, ..., None]
    if integer:
        return K._rint_clip((out + (1 << (K._REMAP_BITS - 1))) >> K._REMAP_BITS, x.dtype)
    return out.astype(x.dtype)


def _pil_perspective(img, start_points, end_points, inter):
    from PIL import Image
    a, b = [], []
    for (x, y), (u, v) in zip(end_points, start_points):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.extend([u, v])
    coeffs = np.linalg.lstsq(np.array(a, float), np.array(b, float), rcond=None)[0].tolist()
    resample = {Inter.NEAREST: Image.Resampling.NEAREST, Inter.LINEAR: Image.Resampling.BILINEAR,
                Inter.CUBIC: Image.Resampling.BICUBIC}.get(inter)
    if resample is None:
        raise TypeError(f"Perspective: interpolation {inter!r} is not supported with a PIL image.")
    return img.transform(img.size, Image.Transform.PERSPECTIVE, coeffs, resample)


class Perspective(_PilOp):
    """Warp the four ``start_points`` (x, y) onto ``end_points``: NumPy images by OpenCV's
    ``getPerspectiveTransform``/``warpPerspective`` (NEAREST, BILINEAR, BICUBIC; zeros outside), PIL images by
    Pillow's ``Image.transform(PERSPECTIVE)`` with the coefficients MindSpore solves for."""

    def __init__(self, start_points, end_points, interpolation=Inter.BILINEAR):
        op = "Perspective"
        self.start_points = _check_points(start_points, "start_points", op)
        self.end_points = _check_points(end_points, "end_points", op)
        self.interpolation = check_inter(interpolation, op)

    def _batch(self, x, rng):
        image_rank(x, "Perspective")
        inter = {Inter.AREA: Inter.LINEAR, Inter.PILCUBIC: Inter.CUBIC}.get(self.interpolation, self.interpolation)
        if inter == Inter.ANTIALIAS:
            raise RuntimeError("Perspective: unsupported interpolation Inter.ANTIALIAS for a NumPy image.")
        x4, undo = as_hwc(x)
        m = _perspective_matrix(self.start_points, self.end_points)
        return undo(_warp_perspective(x4, m, inter))

    def _pil(self, img, rng):
        return _pil_perspective(img, self.start_points, self.end_points, self.interpolation)


class RandomPerspective(ImageOp):
    """With probability ``prob``, a perspective warp of a PIL image whose corners move inward by up to
    ``distortion_scale`` of half the width/height (MindSpore's Pillow implementation; PIL images only)."""
    _pil_out = True

    def __init__(self, distortion_scale=0.5, prob=0.5, interpolation=Inter.BICUBIC):
        op = "RandomPerspective"
        self.distortion_scale = check_number(distortion_scale, "distortion_scale", op, 0, 1)
        self.prob = check_prob(prob, op)
        self.interpolation = check_inter(interpolation, op)

    def _one(self, x, rng):
        if not is_pil(x):
            raise ValueError(f"RandomPerspective: the input image should be a Pillow image, but got {type(x)}.")
        return self._pil(x, rng)

    def _batch(self, x, rng):
        raise ValueError(f"RandomPerspective: the input image should be a Pillow image, but got {type(x)}.")

    def _pil(self, img, rng):
        if rng.random() >= self.prob:
            return img
        w, h = img.size
        hw, hh = int(self.distortion_scale * w / 2), int(self.distortion_scale * h / 2)
        tl = (int(rng.integers(0, hw + 1)), int(rng.integers(0, hh + 1)))
        tr = (w - 1 - int(rng.integers(0, hw + 1)), int(rng.integers(0, hh + 1)))
        br = (w - 1 - int(rng.integers(0, hw + 1)), h - 1 - int(rng.integers(0, hh + 1)))
        bl = (int(rng.integers(0, hw + 1)), h - 1 - int(rng.integers(0, hh + 1)))
        start = [(0, 0), (w - 1, 0), (w - 1, h - 1), (0, h - 1)]
        return _pil_perspective(img, start, [tl, tr, br, bl], self.interpolation)


# ------------------------------------------------------------------------------------------- compositions
class SliceMode(Enum):
    """How ``SlicePatches`` treats a size that the patches do not divide: PAD (pad right/bottom) or DROP."""
    PAD = 0
    DROP = 1


class SlicePatches(ImageOp):
    """Cut an <H,W[,C]> image into ``num_height`` x ``num_width`` patches, row by row (a list of arrays); with
    ``SliceMode.PAD`` the image is first padded right and bottom with ``fill_value`` to a multiple of the patch
    size (ceil), with DROP the remainder is dropped. A tuple of patches (one patch: the array). Called directly only
    (several output columns)."""

    def __init__(self, num_height=1, num_width=1, slice_mode=SliceMode.PAD, fill_value=0):
        op = "SlicePatches"
        self.num_height = check_int(num_height, "num_height", op, 1, 32768)
        self.num_width = check_int(num_width, "num_width", op, 1, 32768)
        if not isinstance(slice_mode, SliceMode):
            raise TypeError(f"For '{op}', slice_mode must be of type SliceMode, but got {slice_mode!r}.")
        self.slice_mode = slice_mode
        self.fill_value = check_int(fill_value, "fill_value", op, 0, 255)

    def _one(self, x, rng):
        x = np.asarray(x)
        image_rank(x[None], "SlicePatches")
        nh, nw = self.num_height, self.num_width
        h, w = x.shape[:2]
        if nh > h or nw > w:
            raise RuntimeError(f"SlicePatches: the number of patches ({nh}, {nw}) should not be greater than the "
                               f"image height and width ({h}, {w}).")
        ph, pw = h // nh, w // nw
        if self.slice_mode is SliceMode.PAD:
            ph, pw = -(-h // nh), -(-w // nw)
            pad = ((0, ph * nh - h), (0, pw * nw - w)) + ((0, 0),) * (x.ndim - 2)
            x = np.pad(x, pad, constant_values=np.asarray(self.fill_value).astype(x.dtype))
        out = tuple(x[i * ph:(i + 1) * ph, j * pw:(j + 1) * pw].copy() for i in range(nh) for j in range(nw))
        return out[0] if len(out) == 1 else out          # (one patch: the array itself, as MindSpore)

    def _batch(self, x, rng):
        raise RuntimeError("SlicePatches: minispore runs it on one image (called directly); in a map pipeline its "
                           "several output columns are not supported yet.")


class RandomCropDecodeResize(ImageOp):
    """``Decode`` then ``RandomResizedCrop(size, scale, ratio, interpolation, max_attempts)`` of encoded image bytes
    (a 1-D uint8 array)."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        from ._geometry import RandomResizedCrop
        self._crop = RandomResizedCrop(size, scale, ratio, interpolation, max_attempts)
        self.size, self.scale, self.ratio = self._crop.size, self._crop.scale, self._crop.ratio
        self.interpolation, self.max_attempts = self._crop.interpolation, self._crop.max_attempts

    def _one(self, x, rng):
        from ._convert import Decode
        if is_pil(x) or np.asarray(x).ndim != 1:
            raise TypeError("RandomCropDecodeResize: the input should be an encoded image with uint8 type in 1-D "
                            f"NumPy format, but got an array of shape {np.shape(x)}.")
        img = Decode()._one(x, rng)
        return self._crop._batch(img[None], rng)[0]

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]


def _check_ops(transforms, op):
    if not isinstance(transforms, (list, tuple)) or not transforms:
        raise TypeError(f"For '{op}', transforms should be a non-empty list of data processing operations, but "
                        f"got {transforms!r}.")
    for t in transforms:
        if not callable(t):
            raise TypeError(f"For '{op}', transforms should be data processing operations, but got {t!r}.")
    return list(transforms)


def _apply(t, x, rng):
    if isinstance(t, ImageOp):
        return t._one(x, rng)
    return t(x)


class UniformAugment(ImageOp):
    """Choose ``num_ops`` of ``transforms`` (distinct, at random) and apply each, in the chosen order, with
    probability 1/2 (MindSpore's "a chosen transformation may not be applied")."""

    def __init__(self, transforms, num_ops=2):
        self.transforms = _check_ops(transforms, "UniformAugment")
        self.num_ops = check_int(num_ops, "num_ops", "UniformAugment", 1, 2147483647)
        if self.num_ops > len(self.transforms):
            raise ValueError(f"For 'UniformAugment', num_ops {self.num_ops} is greater than the number of "
                             f"transforms {len(self.transforms)}.")

    def _one(self, x, rng):
        chosen = rng.permutation(len(self.transforms))[:self.num_ops]
        for k in chosen:
            if rng.random() < 0.5:
                x = _apply(self.transforms[k], x, rng)
        return x

    def _batch(self, x, rng):
        outs = [self._one(r, rng) for r in x]
        return np.stack(outs) if len({np.shape(o) for o in outs}) == 1 else outs


class RandomSelectSubpolicy(ImageOp):
    """Pick one of the sub-policies (lists of ``(transform, prob)``) at random and apply its transforms in order,
    each with its probability."""

    def __init__(self, policy):
        op = "RandomSelectSubpolicy"
        if not isinstance(policy, (list, tuple)) or not policy:
            raise TypeError(f"For '{op}', policy should be a non-empty list of sub-policies, but got {policy!r}.")
        for sub in policy:
            if not isinstance(sub, (list, tuple)) or not sub:
                raise TypeError(f"For '{op}', each sub-policy should be a non-empty list of (op, prob), but got "
                                f"{sub!r}.")
            for pair in sub:
                if not isinstance(pair, (list, tuple)) or len(pair) != 2 or not callable(pair[0]):
                    raise TypeError(f"For '{op}', each sub-policy entry should be (op, prob), but got {pair!r}.")
                check_prob(pair[1], op)
        self.policy = [[(t, float(p)) for t, p in sub] for sub in policy]

    def _one(self, x, rng):
        sub = self.policy[int(rng.integers(0, len(self.policy)))]
        for t, p in sub:
            if rng.random() < p:
                x = _apply(t, x, rng)
        return x

    def _batch(self, x, rng):
        outs = [self._one(r, rng) for r in x]
        return np.stack(outs) if len({np.shape(o) for o in outs}) == 1 else outs


def not_random(func):
    """Mark a Python function as deterministic (``func.random = False``), so that a pipeline may cache its results."""
    func.random = False
    return func


# ------------------------------------------------------------------------------------------- bounding boxes
class _BBoxOp(ImageOp):
    """A transform of (image, bbox): ``bbox`` is (N, 4+) float32 [x_min, y_min, width, height, ...] in pixels."""
    _n_inputs = 2
    _fresh_output = False

    def _check(self, image, bbox):
        name = type(self).__name__
        image, bbox = np.asarray(image), np.asarray(bbox)
        if image.ndim not in (2, 3):
            raise RuntimeError(f"{name}: the image should be <H,W> or <H,W,C>, but got shape {image.shape}.")
        if bbox.ndim != 2 or bbox.shape[1] < 4:
            raise RuntimeError(f"{name}: the bounding boxes should be of shape (N, 4 or more) [x, y, width, "
                               f"height, ...], but got shape {bbox.shape}.")
        h, w = image.shape[:2]
        b = bbox.astype(np.float64)
        if (b[:, :4] < 0).any() or (b[:, 0] + b[:, 2] > w).any() or (b[:, 1] + b[:, 3] > h).any():
            raise RuntimeError(f"{name}: a bounding box is out of the image of height {h} and width {w}: {bbox}.")
        return image, bbox

    def _call_multi(self, inputs):
        from .. import config
        image, bbox = self._check(*(a.asnumpy() if hasattr(a, "asnumpy") else a for a in inputs))
        return self._compute(image, bbox, config._eager_rng())

    def _batch_multi(self, cols, rng):
        outs = [self._compute(*self._check(cols[0][i], cols[1][i]), rng) for i in range(len(cols[0]))]
        return [[o[0] for o in outs], [o[1] for o in outs]]


class RandomHorizontalFlipWithBBox(_BBoxOp):
    """With probability ``prob`` flip the image left-right and its boxes (``x -> width - x - box_width``)."""

    def __init__(self, prob=0.5):
        self.prob = check_prob(prob, "RandomHorizontalFlipWithBBox")

    def _compute(self, image, bbox, rng):
        if rng.random() >= self.prob:
            return image.copy(), bbox.copy()
        out = bbox.copy()
        out[:, 0] = (image.shape[1] - bbox[:, 0].astype(np.float64) - bbox[:, 2]).astype(bbox.dtype)
        return image[:, ::-1].copy(), out


class RandomVerticalFlipWithBBox(_BBoxOp):
    """With probability ``prob`` flip the image top-bottom and its boxes (``y -> height - y - box_height``)."""

    def __init__(self, prob=0.5):
        self.prob = check_prob(prob, "RandomVerticalFlipWithBBox")

    def _compute(self, image, bbox, rng):
        if rng.random() >= self.prob:
            return image.copy(), bbox.copy()
        out = bbox.copy()
        out[:, 1] = (image.shape[0] - bbox[:, 1].astype(np.float64) - bbox[:, 3]).astype(bbox.dtype)
        return image[::-1].copy(), out


def _resize_with_boxes(image, bbox, size, inter):
    from ._geometry import Resize
    h, w = image.shape[:2]
    out = Resize(size, inter)._batch(image[None], None)[0]
    oh, ow = out.shape[:2]
    b = bbox.copy()
    f32 = np.float32
    b[:, 0] = (bbox[:, 0].astype(f32) * f32(ow) / f32(w)).astype(bbox.dtype)
    b[:, 2] = (bbox[:, 2].astype(f32) * f32(ow) / f32(w)).astype(bbox.dtype)
    b[:, 1] = (bbox[:, 1].astype(f32) * f32(oh) / f32(h)).astype(bbox.dtype)
    b[:, 3] = (bbox[:, 3].astype(f32) * f32(oh) / f32(h)).astype(bbox.dtype)
    return out, b


class ResizeWithBBox(_BBoxOp):
    """``Resize(size, interpolation)`` of the image, the boxes scaled by the output/input width and height."""

    def __init__(self, size, interpolation=Inter.LINEAR):
        self.size = check_size(size, "ResizeWithBBox")
        self.interpolation = check_inter(interpolation, "ResizeWithBBox")

    def _compute(self, image, bbox, rng):
        return _resize_with_boxes(image, bbox, self.size, self.interpolation)


class RandomResizeWithBBox(_BBoxOp):
    """``ResizeWithBBox(size)`` with an interpolation drawn from LINEAR, NEAREST, CUBIC and AREA."""

    def __init__(self, size):
        self.size = check_size(size, "RandomResizeWithBBox")

    def _compute(self, image, bbox, rng):
        return _resize_with_boxes(image, bbox, self.size, _RANDOM_INTERS[int(rng.integers(0, 4))])
