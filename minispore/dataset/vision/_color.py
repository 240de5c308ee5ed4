"""``RandomColorAdjust``: brightness, contrast, saturation and hue, each by a random factor, in a random order."""
import numbers

import numpy as np

from . import _kernels as K
from ._base import FLOAT_MAX_INTEGER, ImageOp

__all__ = ["RandomColorAdjust"]

_NAMES = ("brightness", "contrast", "saturation", "hue")


def _factor_range(value, name, center, bound):
    op = "RandomColorAdjust"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f"For '{op}', the input value of {name} cannot be negative, but got {value}.")
        if name == "hue" and value > 0.5:
            raise ValueError(f"For '{op}', hue {value} is not within the required interval of [0, 0.5].")
        lo, hi = center - float(value), center + float(value)
        return (max(0.0, lo) if name != "hue" else lo), hi
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise TypeError(f"For '{op}', if {name} is a sequence, the length must be 2, but got {value!r}.")
        for v in value:
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise TypeError(f"For '{op}', {name} values must be numbers, but got {value!r}.")
        if value[0] > value[1]:
            raise ValueError(f"For '{op}', {name} value should be in (min,max) format. Got ({value[0]}, {value[1]}).")
        if not bound[0] <= value[0] <= value[1] <= bound[1]:
            raise ValueError(f"For '{op}', {name} {tuple(value)} is not within the required interval of "
                             f"[{bound[0]}, {bound[1]}].")
        return float(value[0]), float(value[1])
    raise TypeError(f"For '{op}', {name} should be a number or a (min, max) list/tuple, but got {value!r}.")


class RandomColorAdjust(ImageOp):
    """Adjust brightness, contrast, saturation and hue by factors drawn uniformly from their ranges (a number v
    gives [max(0, 1 - v), 1 + v], for ``hue`` [-v, v] with v <= 0.5; or a (min, max) pair), applied in a random
    order per image as MindSpore does; an adjustment whose range is the identity is skipped.

    NumPy images (``<H,W,3>``) follow MindSpore's OpenCV kernels: brightness ``x * f``, contrast and saturation
    ``cv::addWeighted`` with the grey mean / grey image (OpenCV's fixed-point RGB2GRAY), hue a shift of the hue
    byte of OpenCV's RGB2HSV_FULL (read back, as OpenCV does, with a hue range of 255), with OpenCV's fused
    multiply-adds and rounding; each adjustment matches MindSpore 2.10 exactly (tests/golden). PIL images use
    Pillow's ``ImageEnhance`` and an HSV hue shift, as MindSpore's Pillow path does (which applies all four, the
    identities too, so its lossy HSV round trip always happens).
    """
    _pil_out = True

    def __init__(self, brightness=(1, 1), contrast=(1, 1), saturation=(1, 1), hue=(0, 0)):
        bound = (0.0, float(FLOAT_MAX_INTEGER))
        self.brightness = _factor_range(brightness, "brightness", 1.0, bound)
        self.contrast = _factor_range(contrast, "contrast", 1.0, bound)
        self.saturation = _factor_range(saturation, "saturation", 1.0, bound)
        self.hue = _factor_range(hue, "hue", 0.0, (-0.5, 0.5))

    def _ranges(self):
        return (self.brightness, self.contrast, self.saturation, self.hue)

    def _active(self):
        centers = (1.0, 1.0, 1.0, 0.0)
        return [not (lo == hi == c) for (lo, hi), c in zip(self._ranges(), centers)]

    def _batch(self, x, rng):
        if x.ndim != 4 or x.shape[-1] != 3:
            raise RuntimeError(f"RandomColorAdjust: the image should be <H,W,C> with 3 channels (RGB), but got an "
                               f"image of shape {tuple(x.shape[1:])}.")
        n = x.shape[0]
        factors = [rng.uniform(lo, hi, n).astype(np.float32) for lo, hi in self._ranges()]
        order = np.argsort(rng.random((n, 4)), axis=1)
        out = x.copy()
        for p in K._chunks(n, int(np.prod(x.shape[1:])) * 8):
            out[p] = self._adjust(out[p], [f[p] for f in factors], order[p])
        return out

    def _adjust(self, out, factors, order):
        kernels = (K.adjust_brightness, K.adjust_contrast, K.adjust_saturation, K.adjust_hue)
        active = self._active()
        for k in range(4):
            for j in range(4):
                if not active[j]:
                    continue
                sel = order[:, k] == j
                if sel.all():
                    out = kernels[j](out, factors[j])
                elif sel.any():
                    out[sel] = kernels[j](out[sel], factors[j][sel])
        return out

    def _pil(self, img, rng):
        from PIL import Image, ImageEnhance
        f = [float(rng.uniform(lo, hi)) for lo, hi in self._ranges()]

        def hue(im):
            if im.mode in ("L", "1", "I", "F"):
                return im
            h, s, v = im.convert("HSV").split()
            a = (np.asarray(h, np.int64) + (int(f[3] * 255) & 0xFF)) & 0xFF
            return Image.merge("HSV", (Image.fromarray(a.astype(np.uint8)), s, v)).convert(im.mode)

        steps = [lambda im: ImageEnhance.Brightness(im).enhance(f[0]),
                 lambda im: ImageEnhance.Contrast(im).enhance(f[1]),
                 lambda im: ImageEnhance.Color(im).enhance(f[2]), hue]
        for j in rng.permutation(4):
            img = steps[j](img)
        return img

    def __repr__(self):
        return (f"RandomColorAdjust(brightness={self.brightness}, contrast={self.contrast}, "
                f"saturation={self.saturation}, hue={self.hue})")
