"""Geometric transforms: ``Resize``, ``CenterCrop``, ``RandomCrop``, ``RandomResizedCrop``, the flips, ``Pad`` and
``RandomRotation``.

NumPy images follow MindSpore's C++ kernels (OpenCV's arithmetic, see ``_kernels``); PIL images follow MindSpore's
Pillow implementation (which the transforms marked ``_pil_out`` run, returning a PIL image). Random transforms draw
their parameters for a whole block of images at once from the engine's seeded generator.
"""
import math

import numpy as np

from . import _kernels as K
from ._base import (FLOAT_MAX_INTEGER, INT32_MAX, ImageOp, as_hwc, check_bool, check_border, check_fill_value,
                    check_inter, check_minmax, check_number, check_padding, check_prob, check_size, image_rank,
                    pad_block, pil_like, size_pair)
from .utils import Border, Inter

__all__ = ["Resize", "CenterCrop", "RandomCrop", "RandomResizedCrop", "HorizontalFlip", "VerticalFlip",
           "RandomHorizontalFlip", "RandomVerticalFlip", "Pad", "RandomRotation"]


def _pil_filter(inter, op):
    from PIL import Image
    table = {Inter.NEAREST: Image.Resampling.NEAREST, Inter.ANTIALIAS: Image.Resampling.LANCZOS,
             Inter.LINEAR: Image.Resampling.BILINEAR, Inter.CUBIC: Image.Resampling.BICUBIC}
    if inter not in table:
        raise TypeError(f"{op}: the current interpolation {inter!r} is not supported with PIL input, only NEAREST, "
                        f"ANTIALIAS, LINEAR and CUBIC are.")
    return table[inter]


def _array_inter(inter, op):
    if inter == Inter.ANTIALIAS:
        raise TypeError(f"{op}: interpolation Inter.ANTIALIAS needs a PIL image, but got a NumPy array (NEAREST, "
                        f"LINEAR, CUBIC, AREA and PILCUBIC resize NumPy images); use ToPIL() first.")
    return inter


class Resize(ImageOp):
    """Resize to ``size`` (``(height, width)``), or make the shorter side ``size`` keeping the aspect ratio (int;
    the longer side is ``int(longer * size / shorter)``).

    NumPy images use OpenCV's ``interpolation`` as MindSpore's CPU kernel does: for uint8 images LINEAR, CUBIC and
    AREA reproduce OpenCV's fixed-point arithmetic, NEAREST its ``floor(dst * src / dst)`` rule, and an exact 2x
    shrink with LINEAR is INTER_AREA, as in OpenCV; PILCUBIC is Pillow's bicubic (which MindSpore's kernel ports).
    Checked against MindSpore 2.10 (tests/golden/cases_dataset_vision.py): every mode matches exactly on uint8
    images, and on float32 images to the last bit or two. PIL images are resized by Pillow (ANTIALIAS =
    Lanczos), as MindSpore does. Blocks are resized in cache-sized pieces, all images of a piece at once.
    """
    _pil_out = True

    def __init__(self, size, interpolation=Inter.LINEAR):
        if interpolation is None:
            raise KeyError("Interpolation should not be None")
        if isinstance(size, (list, tuple)):
            self.size = check_size(size, "Resize", INT32_MAX)
        else:
            self.size = check_size(size, "Resize", FLOAT_MAX_INTEGER)
        self.interpolation = check_inter(interpolation, "Resize")

    def _out_size(self, h, w):
        if isinstance(self.size, tuple):
            return self.size
        s = self.size
        if h <= w:
            return s, int(w * s / h)
        return int(h * s / w), s

    def _batch(self, x, rng):
        image_rank(x, "Resize")
        x4, undo = as_hwc(x)
        oh, ow = self._out_size(*x4.shape[1:3])
        return undo(K.resize(x4, oh, ow, _array_inter(self.interpolation, "Resize")))

    def _pil(self, img, rng):
        f = _pil_filter(self.interpolation, "Resize")
        w, h = img.size
        if isinstance(self.size, int) and ((w <= h and w == self.size) or (h <= w and h == self.size)):
            return img
        if isinstance(self.size, int):
            if w < h:
                return img.resize((self.size, int(self.size / (w / h))), f)
            return img.resize((int(self.size * (w / h)), self.size), f)
        return img.resize((self.size[1], self.size[0]), f)

    def __repr__(self):
        return f"Resize(size={self.size}, interpolation={self.interpolation!r})"


class CenterCrop(ImageOp):
    """Crop the centre ``size`` (int or ``(height, width)``). The crop starts at ``(h - crop_h) // 2`` as MindSpore's
    kernel does (PIL images: Python's ``round``, as MindSpore's Pillow path); an image smaller than ``size`` is
    first padded with zeros (images of any number of channels; MindSpore's padding kernel takes 1 or 3)."""
    _pil_out = True

    def __init__(self, size):
        self.size = size_pair(check_size(size, "CenterCrop"))

    def _batch(self, x, rng):
        image_rank(x, "CenterCrop")
        ch, cw = self.size
        h, w = x.shape[1:3]
        dh, dw = max(0, ch - h), max(0, cw - w)
        if dh or dw:
            top, left = -(-dh // 2), -(-dw // 2)         # the image lands at ceil(shortfall / 2)
            x = pad_block(x, left, top, dw - left, dh - top, Border.CONSTANT, 0)
            h, w = x.shape[1:3]
        top, left = (h - ch) // 2, (w - cw) // 2
        return x[:, top:top + ch, left:left + cw].copy()

    def _pil(self, img, rng):
        w, h = img.size
        ch, cw = self.size
        top, left = int(round((h - ch) / 2.)), int(round((w - cw) / 2.))
        return img.crop((left, top, left + cw, top + ch))

    def __repr__(self):
        return f"CenterCrop(size={self.size})"


class RandomCrop(ImageOp):
    """Crop a random ``size`` window, after the optional ``padding`` (an int, (left/right, top/bottom) or
    (left, top, right, bottom)); with ``pad_if_needed`` a side shorter than the crop is padded by the shortfall on
    both ends. ``fill_value`` (an int or an (R, G, B) tuple) fills a CONSTANT padding."""
    _pil_out = True

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        self.size = size_pair(check_size(size, "RandomCrop"))
        self.padding = (0, 0, 0, 0) if padding is None else check_padding(padding, "RandomCrop")
        self.pad_if_needed = check_bool(pad_if_needed, "pad_if_needed", "RandomCrop")
        self.fill_value = check_fill_value(0 if fill_value is None else fill_value, "RandomCrop")
        self.padding_mode = check_border(Border.CONSTANT if padding_mode is None else padding_mode, "RandomCrop")

    def _prepare(self, x):
        x = pad_block(x, *self.padding, self.padding_mode, self.fill_value)
        ch, cw = self.size
        if self.pad_if_needed and (x.shape[1] < ch or x.shape[2] < cw):
            dh, dw = max(0, ch - x.shape[1]), max(0, cw - x.shape[2])
            x = pad_block(x, dw, dh, dw, dh, self.padding_mode, self.fill_value)
        return x

    def _batch(self, x, rng):
        image_rank(x, "RandomCrop")
        x = self._prepare(x)
        ch, cw = self.size
        h, w = x.shape[1:3]
        if ch > h or cw > w:
            raise RuntimeError(f"RandomCrop: invalid crop size, crop size is bigger than the image dimensions, "
                               f"got crop height: {ch}, crop width: {cw}, image (padded) height: {h}, width: {w}.")
        return self._crop(x, rng)

    def _crop(self, x, rng):
        ch, cw = self.size
        n, h, w = x.shape[:3]
        if (ch, cw) == (h, w):
            return x
        top = rng.integers(0, h - ch + 1, n)
        left = rng.integers(0, w - cw + 1, n)
        rows = (top[:, None] + np.arange(ch))[:, :, None]
        cols = (left[:, None] + np.arange(cw))[:, None, :]
        return x[np.arange(n)[:, None, None], rows, cols]

    def _pil(self, img, rng):
        a = self._prepare(np.asarray(img)[None])
        ch, cw = self.size
        if ch > a.shape[1] or cw > a.shape[2]:
            raise ValueError(f"Crop size {self.size} is larger than input image size {tuple(a.shape[1:3])}.")
        return pil_like(self._crop(a, rng)[0], img)

    def __repr__(self):
        return f"RandomCrop(size={self.size}, padding={self.padding})"


def _crop_boxes(n, h, w, scale, ratio, attempts, rng):
    """RandomResizedCrop's crop boxes for ``n`` images of ``h`` x ``w``: ``attempts`` tries per image of an area
    fraction in ``scale`` and a log-uniform aspect ratio in ``ratio``; where none fits, the centred crop of the
    closest allowed ratio."""
    area = h * w
    s = rng.uniform(scale[0], scale[1], (n, attempts)) * area
    ar = np.exp(rng.uniform(math.log(ratio[0]), math.log(ratio[1]), (n, attempts)))
    cw = np.floor(np.sqrt(s * ar) + 0.5).astype(np.int64)
    ch = np.floor(cw / ar + 0.5).astype(np.int64)
    ok = (cw > 0) & (cw <= w) & (ch > 0) & (ch <= h)
    first = np.argmax(ok, axis=1)
    found = ok[np.arange(n), first]
    cw, ch = cw[np.arange(n), first], ch[np.arange(n), first]
    top = np.floor(rng.random(n) * (h - ch + 1)).astype(np.int64)
    left = np.floor(rng.random(n) * (w - cw + 1)).astype(np.int64)
    if not found.all():
        r = w / h
        if r < ratio[0]:
            fw, fh = w, int(round(w / ratio[0]))
        elif r > ratio[1]:
            fw, fh = int(round(h * ratio[1])), h
        else:
            fw, fh = w, h
        miss = ~found
        cw[miss], ch[miss] = fw, fh
        top[miss], left[miss] = (h - fh) // 2, (w - fw) // 2
    return top, left, ch, cw


class RandomResizedCrop(ImageOp):
    """Crop a random area (a fraction in ``scale`` of the image, an aspect ratio in ``ratio``, up to
    ``max_attempts`` tries, else the centre) and resize it to ``size``. The boxes of a whole block are drawn at
    once and, with LINEAR, the crops are resized together (OpenCV's fixed-point bilinear on each crop)."""
    _pil_out = True

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        op = "RandomResizedCrop"
        self.size = size_pair(check_size(size, op))
        self.scale = check_minmax(scale, "scale", op, positive_max=True)
        self.ratio = check_minmax(ratio, "ratio", op, lo=0.0)
        if self.ratio[0] <= 0:
            raise ValueError(f"For '{op}', ratio[0] {self.ratio[0]} is not within the required interval of "
                             f"(0, {FLOAT_MAX_INTEGER}].")
        self.interpolation = check_inter(interpolation, op)
        from ._base import check_int
        self.max_attempts = check_int(max_attempts, "max_attempts", op, 1, INT32_MAX)

    def _batch(self, x, rng):
        image_rank(x, "RandomResizedCrop")
        x4, undo = as_hwc(x)
        n, h, w = x4.shape[:3]
        oh, ow = self.size
        top, left, ch, cw = _crop_boxes(n, h, w, self.scale, self.ratio, self.max_attempts, rng)
        inter = _array_inter(self.interpolation, "RandomResizedCrop")
        if inter == Inter.LINEAR:
            exact2 = (ch == 2 * oh) & (cw == 2 * ow)        # OpenCV shrinks these by INTER_AREA
            out = K.resize_crops(x4, top, left, ch, cw, oh, ow)
            for i in np.nonzero(exact2)[0]:
                out[i] = self._one_crop(x4, i, top, left, ch, cw, inter)
        else:
            out = np.empty((n, oh, ow) + x4.shape[3:], x4.dtype)
            for i in range(n):
                out[i] = self._one_crop(x4, i, top, left, ch, cw, inter)
        return undo(out)

    def _one_crop(self, x4, i, top, left, ch, cw, inter):
        crop = x4[i:i + 1, top[i]:top[i] + ch[i], left[i]:left[i] + cw[i]]
        return K.resize(crop, self.size[0], self.size[1], inter)[0]

    def _pil(self, img, rng):
        f = _pil_filter(self.interpolation, "RandomResizedCrop")
        w, h = img.size
        top, left, ch, cw = (int(v[0]) for v in _crop_boxes(1, h, w, self.scale, self.ratio, self.max_attempts, rng))
        return img.crop((left, top, left + cw, top + ch)).resize((self.size[1], self.size[0]), f)

    def __repr__(self):
        return f"RandomResizedCrop(size={self.size}, scale={self.scale}, ratio={self.ratio})"


class _Flip(ImageOp):
    _axis = 2          # in a block (N, H, W[, C]): 2 = horizontal, 1 = vertical

    def _flip_all(self, x):
        image_rank(x, type(self).__name__)
        return np.flip(x, self._axis).copy()

    def _pil_flip(self, img):
        from PIL import Image
        return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT if self._axis == 2 else Image.Transpose.FLIP_TOP_BOTTOM)


class HorizontalFlip(_Flip):
    """Mirror the image left-right."""

    def _batch(self, x, rng):
        return self._flip_all(x)


class VerticalFlip(_Flip):
    """Mirror the image top-bottom."""
    _axis = 1

    def _batch(self, x, rng):
        return self._flip_all(x)


class RandomHorizontalFlip(_Flip):
    """Mirror each image left-right with probability ``prob``."""
    _pil_out = True

    def __init__(self, prob=0.5):
        self.prob = check_prob(prob, type(self).__name__)

    def _batch(self, x, rng):
        image_rank(x, type(self).__name__)
        mask = rng.random(x.shape[0]) < self.prob
        out = x.copy()
        if mask.any():
            out[mask] = np.flip(x[mask], self._axis)
        return out

    def _pil(self, img, rng):
        return self._pil_flip(img) if rng.random() < self.prob else img

    def __repr__(self):
        return f"{type(self).__name__}(prob={self.prob})"


class RandomVerticalFlip(RandomHorizontalFlip):
    """Mirror each image top-bottom with probability ``prob``."""
    _axis = 1


class Pad(ImageOp):
    """Pad the borders by ``padding`` (an int, (left/right, top/bottom) or (left, top, right, bottom)), with
    ``fill_value`` (an int or an (R, G, B) tuple) for CONSTANT, or mirroring the border (``padding_mode``).
    Images of any number of channels are padded (MindSpore's kernel takes 1 or 3; beyond 3 channels the
    constant is (R, G, B, 0, ...))."""
    _pil_out = True

    def __init__(self, padding, fill_value=0, padding_mode=Border.CONSTANT):
        self.padding = check_padding(padding, "Pad")
        self.fill_value = check_fill_value(fill_value, "Pad")
        self.padding_mode = check_border(padding_mode, "Pad")

    def _batch(self, x, rng):
        image_rank(x, "Pad")
        return pad_block(x, *self.padding, self.padding_mode, self.fill_value)

    def __repr__(self):
        return f"Pad(padding={self.padding}, fill_value={self.fill_value}, padding_mode={self.padding_mode!r})"


class RandomRotation(ImageOp):
    """Rotate each image counter-clockwise by an angle drawn uniformly from ``degrees`` (a number d: [-d, d]; or
    (min, max)), about ``center`` ((x, y), default the image centre), with ``resample`` (NEAREST, BILINEAR or
    BICUBIC); ``expand`` grows the output to hold the whole rotated image; ``fill_value`` (an int or (R, G, B))
    fills the corners.

    NumPy images are warped as OpenCV's ``warpAffine`` does (10-bit fixed-point coordinates quantised to 1/32
    pixel, OpenCV's table of 15-bit weights): NEAREST, BILINEAR and BICUBIC match MindSpore 2.10 exactly
    (tests/golden). All images of a block are warped at once. Deliberate difference:
    MindSpore 2.10's kernel fills a NumPy RGB image with (B, G, R) -- ``fill_value=(10, 20, 30)`` gives
    corners of (30, 20, 10) -- while its PIL path and its documentation say (R, G, B); minispore fills (R, G, B)
    for both. PIL images are rotated by Pillow (``Image.rotate``), as MindSpore does; for a one-band image an int
    ``fill_value`` is used as is (MindSpore 2.10 fails there with Pillow's "color must be int or single-element
    tuple").
    """
    _pil_out = True

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        op = "RandomRotation"
        if isinstance(degrees, (list, tuple)):
            if len(degrees) != 2:
                raise TypeError(f"For '{op}', if degrees is a sequence, the length must be 2, but got {degrees!r}.")
            lo, hi = (check_number(d, f"degrees[{i}]", op) for i, d in enumerate(degrees))
            if lo > hi:
                raise ValueError(f"For '{op}', degrees should be in (min,max) format, but got {tuple(degrees)}.")
            self.degrees = (lo, hi)
        else:
            d = check_number(degrees, "degrees", op, 0.0, float(FLOAT_MAX_INTEGER))
            self.degrees = (-d, d)
        self.resample = check_inter(resample, op, "resample")
        self.expand = check_bool(expand, "expand", op)
        if center is not None:
            if not isinstance(center, (list, tuple)):
                raise TypeError(f"For '{op}', center must be a (x, y) pair of numbers, but got {center!r}.")
            if len(center) != 2:
                raise ValueError(f"For '{op}', center needs to be a 2-tuple (x, y), but got {center!r}.")
            center = tuple(check_number(c, "center", op, -INT32_MAX - 1, INT32_MAX) for c in center)
        self.center = center
        self.fill_value = check_fill_value(fill_value, op)

    def _inter(self):
        inter = self.resample
        if inter == Inter.ANTIALIAS:
            raise RuntimeError("RandomRotation: unsupported resample Inter.ANTIALIAS for a NumPy image, only "
                               "support NEAREST, BILINEAR and BICUBIC.")
        return {Inter.AREA: Inter.LINEAR, Inter.PILCUBIC: Inter.CUBIC}.get(inter, inter)

    def _fill(self, c):
        f = self.fill_value
        return f[:1] * c if len(f) == 1 else (f + (0,) * max(0, c - 3))[:c] if c != 1 else f[:1]

    def _batch(self, x, rng):
        image_rank(x, "RandomRotation")
        x4, undo = as_hwc(x)
        n, h, w, c = x4.shape
        angles = rng.uniform(self.degrees[0], self.degrees[1], n)
        cx, cy = self.center if self.center is not None else ((w - 1) * 0.5, (h - 1) * 0.5)
        m = K.rotation_matrices(angles, cx, cy)
        inter, fill = self._inter(), self._fill(c)
        if not self.expand:
            return undo(K.warp_affine(x4, m, h, w, inter, fill))
        outs = []
        for i in range(n):
            a = np.deg2rad(angles[i])
            bw = abs(w * math.cos(a)) + abs(h * math.sin(a))
            bh = abs(w * math.sin(a)) + abs(h * math.cos(a))
            mi = m[i:i + 1].copy()
            mi[0, 0, 2] += bw / 2.0 - w / 2.0
            mi[0, 1, 2] += bh / 2.0 - h / 2.0
            outs.append(undo(K.warp_affine(x4[i:i + 1], mi, int(np.rint(bh)), int(np.rint(bw)), inter, fill))[0])
        shapes = {o.shape for o in outs}
        return np.stack(outs) if len(shapes) == 1 else outs

    def _pil(self, img, rng):
        from PIL import Image
        angle = float(rng.uniform(self.degrees[0], self.degrees[1])) % 360.0
        resample = {Inter.NEAREST: Image.Resampling.NEAREST, Inter.LINEAR: Image.Resampling.BILINEAR,
                    Inter.CUBIC: Image.Resampling.BICUBIC}.get(self.resample)
        if self.resample == Inter.ANTIALIAS:
            if angle not in (0, 90, 180, 270) or self.center:
                raise ValueError("When using Inter.ANTIALIAS, center needs to be None and angle needs to be an "
                                 "integer multiple of 90.")
            resample = Image.Resampling.LANCZOS
        if resample is None:
            raise RuntimeError(f"RandomRotation: unsupported resample {self.resample!r} for a PIL image, only "
                               f"support NEAREST, BILINEAR, BICUBIC and ANTIALIAS.")
        bands = len(img.getbands())
        f = self.fill_value
        fill = f[0] if bands == 1 else (f * 3 if len(f) == 1 else f) + ((0,) if bands == 4 else ())
        return img.rotate(angle, resample, self.expand, self.center, fillcolor=fill)

    def __repr__(self):
        return f"RandomRotation(degrees={self.degrees}, resample={self.resample!r}, expand={self.expand})"

