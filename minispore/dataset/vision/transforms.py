"""Image transforms (``mindspore.dataset.vision``), vectorised over blocks of images.

Images are NumPy arrays ``(H, W)`` or ``(H, W, C)`` (HWC, as MindSpore's decoders give), or ``(C, H, W)`` after
``HWC2CHW``. In a pipeline each transform runs once per block of samples (its ``_batch`` method sees an extra
leading axis), so one MNIST epoch is a few dozen NumPy calls rather than 60000 Python calls per transform.

Output dtypes follow MindSpore 2.10: ``Rescale``, ``Normalize`` and ``ToTensor`` give float32; ``Resize``,
``RandomCrop``, flips and ``HWC2CHW`` keep the input dtype.

``Resize`` reproduces OpenCV's ``INTER_LINEAR`` (which MindSpore's CPU kernels call): half-pixel centres,
borders clamped, no antialiasing; for uint8 images the 11-bit fixed-point weights and OpenCV's rounding are
reproduced too (``2x`` integer downscales, which OpenCV routes to ``INTER_AREA``, give the same values).
Checked against MindSpore 2.10: downscaling uint8 images matches exactly; when *upscaling* uint8 images,
MindSpore's kernel rounds some ties differently, so about 1-10% of pixels differ by 1. Float images follow the
exact bilinear formula.
``NEAREST`` uses OpenCV's ``floor(dst * src/dst)`` rule. The other interpolations are not implemented.
"""
import numbers

import numpy as np

from ..transforms.transforms import TensorOperation
from .utils import Border, Inter

__all__ = ["Rescale", "Normalize", "HWC2CHW", "ToTensor", "Resize", "RandomCrop", "RandomHorizontalFlip",
           "RandomVerticalFlip", "HorizontalFlip", "VerticalFlip", "Inter", "Border"]


def _check_number(value, name, op):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"For '{op}', {name} must be a number, but got {value!r} of type {type(value).__name__}.")
    return float(value)


def _image_rank(x, op, ranks=(2, 3)):
    r = x.ndim - 1
    if r not in ranks:
        shape = "<H,W> or <H,W,C>" if ranks == (2, 3) else " or ".join(f"rank {k}" for k in ranks)
        raise RuntimeError(f"{op}: image shape should be {shape}, but got an image of shape {x.shape[1:]}.")
    return r


def _size_pair(size, op):
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        if size <= 0:
            raise ValueError(f"For '{op}', size must be positive, but got {size}.")
        return int(size), int(size)
    if isinstance(size, (list, tuple)) and len(size) == 2 and all(
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in size):
        if min(size) <= 0:
            raise ValueError(f"For '{op}', size values must be positive, but got {tuple(size)}.")
        return int(size[0]), int(size[1])
    raise TypeError(f"For '{op}', size must be an int or a (height, width) pair of ints, but got {size!r}.")


class _ImageOp(TensorOperation):
    _accepts = "image"


class Rescale(_ImageOp):
    """``image * rescale + shift``, as float32."""

    def __init__(self, rescale, shift):
        self.rescale = _check_number(rescale, "rescale", "Rescale")
        self.shift = _check_number(shift, "shift", "Rescale")
        self._r, self._s = np.float32(self.rescale), np.float32(self.shift)

    _fresh_output = True

    def _batch(self, x, rng):
        # MindSpore computes float32(x * rescale + shift) with one rounding. Without a shift a float32 product is
        # already that (an 8-to-24-bit integer times a float32 is exact in float64); with one, go through float64.
        if not self._s and (x.dtype.kind in "biu" and x.dtype.itemsize <= 2 or x.dtype == np.float32):
            y = x.astype(np.float32)
            y *= self._r
            return y
        y = x.astype(np.float64)
        y *= np.float64(self._r)
        y += np.float64(self._s)
        return y.astype(np.float32)

    def __repr__(self):
        return f"Rescale(rescale={self.rescale}, shift={self.shift})"


class Normalize(_ImageOp):
    """``(image - mean) / std`` per channel, as float32. ``mean``/``std`` are in pixel units of the input (for a
    uint8 image, ``[0, 255]``); one value applies to every channel."""

    def __init__(self, mean, std, is_hwc=True):
        self.mean = self._values(mean, "mean")
        self.std = self._values(std, "std")
        if len(self.mean) != len(self.std):
            raise ValueError(f"For 'Normalize', mean and std must have the same length, "
                             f"but got {len(self.mean)} and {len(self.std)}.")
        for i, m in enumerate(self.mean):
            if not 0 <= m <= 255:
                raise ValueError(f"Input mean[{i}] is not within the required interval of [0, 255].")
        for i, s in enumerate(self.std):
            if not 0 < s <= 255:
                raise ValueError(f"Input std[{i}] is not within the required interval of (0, 255].")
        if not isinstance(is_hwc, bool):
            raise TypeError(f"For 'Normalize', is_hwc must be a bool, but got {is_hwc!r}.")
        self.is_hwc = is_hwc
        self._m = np.array(self.mean, np.float32)
        self._s = np.array(self.std, np.float32)

    @staticmethod
    def _values(v, name):
        if isinstance(v, numbers.Real) and not isinstance(v, bool):
            return [float(v)]
        if not isinstance(v, (list, tuple)) or not v:
            raise TypeError(f"For 'Normalize', {name} must be a non-empty list or tuple of numbers, but got {v!r}.")
        return [_check_number(a, name, "Normalize") for a in v]

    def _params(self, x, m, s):
        r = _image_rank(x, "Normalize")
        c = 1 if r == 2 else (x.shape[-1] if self.is_hwc else x.shape[1])
        if len(self.mean) not in (1, c):
            raise RuntimeError(f"Normalize: the image has {c} channels but {len(self.mean)} mean/std values "
                               f"were given (image shape {x.shape[1:]}).")
        if r == 3 and not self.is_hwc:
            m, s = m[:, None, None], s[:, None, None]
        return m, s

    _fresh_output = True
    _inplace_ok = True

    def _batch(self, x, rng, inplace=False):
        m, s = self._params(x, self._m, self._s)
        if inplace and x.dtype == np.float32:
            y = np.subtract(x, m, out=x)
        else:
            y = np.subtract(x, m, dtype=np.float32)
        y /= s
        return y

    def __repr__(self):
        return f"Normalize(mean={self.mean}, std={self.std}, is_hwc={self.is_hwc})"


class HWC2CHW(_ImageOp):
    """``(H, W, C)`` -> ``(C, H, W)``; a ``(H, W)`` image passes unchanged."""

    def _batch(self, x, rng):
        if _image_rank(x, "HWC2CHW") == 2:
            return x
        return np.ascontiguousarray(x.transpose(0, 3, 1, 2))


class ToTensor(_ImageOp):
    """HWC image in ``[0, 255]`` -> CHW ``output_type`` (float32) in ``[0, 1]``; ``(H, W)`` gives ``(1, H, W)``."""

    def __init__(self, output_type=np.float32):
        from ..transforms.transforms import _ms_type
        self.output_type = _ms_type(output_type, "ToTensor").np_dtype

    def _batch(self, x, rng):
        r = _image_rank(x, "ToTensor")
        y = x[:, None] if r == 2 else x.transpose(0, 3, 1, 2)
        y = y.astype(self.output_type)
        y /= self.output_type.type(255)
        return y


def _linear_taps(src, dst):
    """OpenCV's INTER_LINEAR source indices and weights along one axis."""
    scale = 1.0 / (dst / src)
    f = ((np.arange(dst) + 0.5) * scale - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    f = (f - s.astype(np.float32)).astype(np.float32)
    low = s < 0
    f[low], s[low] = 0, 0
    high = s >= src - 1
    f[high], s[high] = 0, src - 1
    return s, np.minimum(s + 1, src - 1), (np.float32(1) - f).astype(np.float32), f


class Resize(_ImageOp):
    """Resize to ``size`` (``(h, w)``), or make the shorter side ``size`` keeping the aspect ratio (int)."""

    def __init__(self, size, interpolation=Inter.LINEAR):
        if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
            if not 1 <= size <= 16777216:
                raise ValueError(f"For 'Resize', size {size} is not within the required interval of [1, 16777216].")
            self.size = int(size)
        else:
            self.size = _size_pair(size, "Resize")
        if not isinstance(interpolation, Inter):
            raise TypeError(f"For 'Resize', interpolation must be a vision.Inter, but got {interpolation!r}.")
        if interpolation not in (Inter.LINEAR, Inter.NEAREST):
            raise NotImplementedError(f"Resize: interpolation {interpolation} is not implemented in minispore "
                                      f"(LINEAR/BILINEAR and NEAREST are).")
        self.interpolation = interpolation

    def _out_size(self, h, w):
        if isinstance(self.size, tuple):
            return self.size
        s = self.size
        if h <= w:
            return s, int(w * s / h)
        return int(h * s / w), s

    def _batch(self, x, rng):
        r = _image_rank(x, "Resize")
        h, w = x.shape[1:3]
        oh, ow = self._out_size(h, w)
        if (oh, ow) == (h, w):
            return x.copy()
        x4 = x if r == 3 else x[..., None]
        if self.interpolation is Inter.NEAREST:
            yi = np.minimum(np.floor(np.arange(oh) * (h / oh)).astype(np.int64), h - 1)
            xi = np.minimum(np.floor(np.arange(ow) * (w / ow)).astype(np.int64), w - 1)
            out = x4[:, yi][:, :, xi]
        else:
            y0, y1, wy0, wy1 = _linear_taps(h, oh)
            x0, x1, wx0, wx1 = _linear_taps(w, ow)
            if x4.dtype == np.uint8:   # OpenCV's fixed-point path
                ax0 = np.rint(wx0 * 2048).astype(np.int32)[:, None]
                ax1 = np.rint(wx1 * 2048).astype(np.int32)[:, None]
                by0 = np.rint(wy0 * 2048).astype(np.int32)[:, None, None]
                by1 = np.rint(wy1 * 2048).astype(np.int32)[:, None, None]
                xi = x4.astype(np.int32)
                rows = xi[:, :, x0] * ax0 + xi[:, :, x1] * ax1
                out = (((by0 * (rows[:, y0] >> 4)) >> 16) + ((by1 * (rows[:, y1] >> 4)) >> 16) + 2) >> 2
                out = np.clip(out, 0, 255).astype(np.uint8)
            else:
                ft = np.float64 if x4.dtype == np.float64 else np.float32
                xf = x4.astype(ft, copy=False)
                rows = xf[:, :, x0] * wx0.astype(ft)[:, None] + xf[:, :, x1] * wx1.astype(ft)[:, None]
                out = rows[:, y0] * wy0.astype(ft)[:, None, None] + rows[:, y1] * wy1.astype(ft)[:, None, None]
                if x4.dtype.kind in "iu":
                    info = np.iinfo(x4.dtype)
                    out = np.clip(np.rint(out), info.min, info.max)
                out = out.astype(x4.dtype, copy=False)
        return out if r == 3 else out[..., 0]

    def __repr__(self):
        return f"Resize(size={self.size}, interpolation={self.interpolation})"


class RandomCrop(_ImageOp):
    """Crop a random ``size`` window (after optional ``padding``: an int, (left/right, top/bottom) or
    (left, top, right, bottom))."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        self.size = _size_pair(size, "RandomCrop")
        if padding is None:
            pad = (0, 0, 0, 0)
        elif isinstance(padding, (int, np.integer)) and not isinstance(padding, bool):
            pad = (int(padding),) * 4
        elif isinstance(padding, (list, tuple)) and len(padding) in (2, 4):
            pad = tuple(int(p) for p in padding)
            if len(pad) == 2:
                pad = (pad[0], pad[1], pad[0], pad[1])
        else:
            raise TypeError(f"For 'RandomCrop', padding must be an int or a sequence of 2 or 4 ints, "
                            f"but got {padding!r}.")
        if min(pad) < 0:
            raise ValueError(f"For 'RandomCrop', padding values must be non-negative, but got {padding!r}.")
        self.padding = pad
        self.pad_if_needed = bool(pad_if_needed)
        if not isinstance(padding_mode, Border):
            raise TypeError(f"For 'RandomCrop', padding_mode must be a vision.Border, but got {padding_mode!r}.")
        self.fill_value = fill_value
        self.padding_mode = padding_mode

    def _pad(self, x, left, top, right, bottom):
        if not (left or top or right or bottom):
            return x
        widths = [(0, 0), (top, bottom), (left, right)] + [(0, 0)] * (x.ndim - 3)
        if self.padding_mode is Border.CONSTANT:
            shape = (x.shape[0], x.shape[1] + top + bottom, x.shape[2] + left + right) + x.shape[3:]
            out = np.empty(shape, x.dtype)
            out[...] = np.asarray(self.fill_value).astype(x.dtype)
            out[:, top:top + x.shape[1], left:left + x.shape[2]] = x
            return out
        return np.pad(x, widths, mode=self.padding_mode.value)

    def _batch(self, x, rng):
        _image_rank(x, "RandomCrop")
        l, t, r, b = self.padding
        x = self._pad(x, l, t, r, b)
        ch, cw = self.size
        if self.pad_if_needed and (x.shape[1] < ch or x.shape[2] < cw):
            dh, dw = max(0, ch - x.shape[1]), max(0, cw - x.shape[2])
            x = self._pad(x, dw, dh, dw, dh)
        n, h, w = x.shape[:3]
        if ch > h or cw > w:
            raise RuntimeError(f"RandomCrop: invalid crop size, crop size is bigger than the image dimensions, "
                               f"got crop height: {ch}, crop width: {cw}, image (padded) height: {h}, width: {w}.")
        if (ch, cw) == (h, w):
            return x
        top = rng.integers(0, h - ch + 1, n)
        left = rng.integers(0, w - cw + 1, n)
        rows = (top[:, None] + np.arange(ch))[:, :, None]
        cols = (left[:, None] + np.arange(cw))[:, None, :]
        return x[np.arange(n)[:, None, None], rows, cols]

    def __repr__(self):
        return f"RandomCrop(size={self.size}, padding={self.padding})"


def _check_prob(prob, op):
    if isinstance(prob, bool) or not isinstance(prob, numbers.Real) or not 0.0 <= prob <= 1.0:
        raise ValueError(f"For '{op}', prob {prob!r} is not within the required interval of [0.0, 1.0].")
    return float(prob)


class _Flip(_ImageOp):
    _axis = 2          # in a block (N, H, W[, C]): 2 = horizontal, 1 = vertical

    def _flip_all(self, x):
        _image_rank(x, type(self).__name__)
        return np.flip(x, self._axis).copy()


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

    def __init__(self, prob=0.5):
        self.prob = _check_prob(prob, type(self).__name__)

    def _batch(self, x, rng):
        _image_rank(x, type(self).__name__)
        mask = rng.random(x.shape[0]) < self.prob
        out = x.copy()
        if mask.any():
            out[mask] = np.flip(x[mask], self._axis)
        return out

    def __repr__(self):
        return f"{type(self).__name__}(prob={self.prob})"


class RandomVerticalFlip(RandomHorizontalFlip):
    """Mirror each image top-bottom with probability ``prob``."""
    _axis = 1
