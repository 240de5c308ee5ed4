"""What every vision transform shares: the base class (NumPy blocks, one image, PIL images) and the argument checks,
which raise MindSpore's error classes with messages naming the transform and the offending value."""
import numbers

import numpy as np

from ..transforms.transforms import TensorOperation
from .utils import Border, Inter

FLOAT_MAX_INTEGER = 16777216        # MindSpore's bound for sizes and counts (the largest float32-exact integer)
INT32_MAX = 2147483647


def is_pil(x):
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a core dependency
        return False
    return isinstance(x, Image.Image)


def pil_like(array, img):
    """``array`` (what a kernel made of ``np.asarray(img)``) as a PIL image of ``img``'s mode."""
    from PIL import Image
    array = np.ascontiguousarray(array)
    if img.mode == "CMYK":      # (the one mode fromarray cannot infer from the array's shape and type)
        out = Image.frombytes("CMYK", (array.shape[1], array.shape[0]), array.astype(np.uint8).tobytes())
    else:
        # (Pillow infers RGB, RGBA, L, LA, I and F from the array; its 'mode' argument is deprecated)
        out = Image.fromarray(array)
    if img.mode == "P" and out.mode in ("L", "P"):
        out = out.convert("L")
        out.putpalette(img.getpalette())
    return out


class ImageOp(TensorOperation):
    """Base of the image transforms. ``_batch(x, rng)`` works on a block ``(N, H, W[, C])`` of NumPy images;
    ``_pil(img, rng)`` (for the transforms that have ``_pil_out``) on one PIL image, as MindSpore runs its
    Pillow implementation for PIL inputs. Other transforms convert a PIL input to a NumPy array first. Called
    directly, an image transform takes a NumPy array or a PIL image (not a list or a Tensor, as in MindSpore)."""
    _pil_out = False

    def __call__(self, *input_tensor_list):
        name = type(self).__name__
        if len(input_tensor_list) != self._n_inputs:
            raise TypeError(f"{name}: expected {self._n_inputs} input array(s), but got {len(input_tensor_list)}.")
        if self._n_inputs > 1:
            return self._call_multi(input_tensor_list)
        x = input_tensor_list[0]
        if not is_pil(x) and not isinstance(x, (np.ndarray, np.generic)):
            raise TypeError(f"{name}: the input should be a NumPy array or a PIL image, got {type(x)}.")
        from .. import config
        return self._one(x, config._eager_rng())

    def _one(self, x, rng):
        if is_pil(x):
            if self._pil_out:
                return self._pil(x, rng)
        x = np.asarray(x)
        out = self._batch(x[None], rng)
        return out[0] if isinstance(out, list) else out[0, ...]

    def _pil(self, img, rng):
        return pil_like(self._one(np.asarray(img), rng), img)


def image_rank(x, op, ranks=(2, 3)):
    """The rank of the images of block ``x`` (2: ``<H,W>``, 3: ``<H,W,C>``), or a RuntimeError naming ``op``."""
    r = x.ndim - 1
    if r not in ranks:
        shape = "<H,W> or <H,W,C>" if ranks == (2, 3) else " or ".join(f"rank {k}" for k in ranks)
        hint = ", you may need to perform Decode first" if r == 1 else ""
        raise RuntimeError(f"{op}: the image shape should be {shape}, but got an image of shape "
                           f"{tuple(x.shape[1:])}{hint}.")
    if x.shape[1] == 0 or x.shape[2] == 0:
        raise RuntimeError(f"{op}: the image must have a positive height and width, but got an image of shape "
                           f"{tuple(x.shape[1:])}.")
    return r


def as_hwc(x):
    """A block of ``<H,W>`` or ``<H,W,C>`` images as ``(N, H, W, C)``, and how to undo it."""
    if x.ndim == 3:
        return x[..., None], (lambda y: y[..., 0])
    return x, (lambda y: y)


def _is_int(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _is_num(v):
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def check_int(value, name, op, lo=None, hi=None):
    if not _is_int(value):
        raise TypeError(f"For '{op}', {name} must be an int, but got {value!r} of type {type(value).__name__}.")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ValueError(f"For '{op}', {name} {value} is not within the required interval of [{lo}, {hi}].")
    return int(value)


def check_number(value, name, op, lo=None, hi=None, lo_open=False):
    if not _is_num(value):
        raise TypeError(f"For '{op}', {name} must be a number, but got {value!r} of type {type(value).__name__}.")
    value = float(value)
    if value != value or (lo is not None and (value < lo or (lo_open and value == lo))) or (
            hi is not None and value > hi):
        left = "(" if lo_open else "["
        raise ValueError(f"For '{op}', {name} {value} is not within the required interval of {left}{lo}, {hi}].")
    return value


def check_bool(value, name, op):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"For '{op}', {name} must be a bool, but got {value!r} of type {type(value).__name__}.")
    return bool(value)


def check_size(size, op, hi=FLOAT_MAX_INTEGER):
    """An int, or a (height, width) list/tuple of ints, each in [1, hi]."""
    if _is_int(size):
        check_int(size, "size", op, 1, hi)
        return int(size)
    if isinstance(size, (list, tuple)) and len(size) == 2:
        for i, s in enumerate(size):
            check_int(s, f"size[{i}]", op, 1, hi)
        return int(size[0]), int(size[1])
    raise TypeError(f"For '{op}', size should be a single integer or a list/tuple (h, w) of length 2, "
                    f"but got {size!r}.")


def size_pair(size):
    return (size, size) if isinstance(size, int) else tuple(size)


def check_prob(prob, op):
    return check_number(prob, "prob", op, 0.0, 1.0)


def check_fill_value(fill_value, op):
    """An int in [0, 255] or a 3-tuple of them (one per channel); returned as a tuple of 1 or 3 ints."""
    if _is_int(fill_value):
        return (check_int(fill_value, "fill_value", op, 0, 255),)
    if isinstance(fill_value, tuple) and len(fill_value) == 3:
        return tuple(check_int(v, f"fill_value[{i}]", op, 0, 255) for i, v in enumerate(fill_value))
    raise TypeError(f"For '{op}', fill_value should be a single integer or a 3-tuple, but got {fill_value!r}.")


def check_padding(padding, op):
    """An int, (left/right, top/bottom) or (left, top, right, bottom), all >= 0; returned as (l, t, r, b)."""
    if _is_int(padding):
        p = check_int(padding, "padding", op, 0, INT32_MAX)
        return (p, p, p, p)
    if isinstance(padding, (list, tuple)):
        if len(padding) not in (2, 4):
            raise ValueError(f"For '{op}', the size of the padding list or tuple should be 2 or 4, "
                             f"but got {padding!r}.")
        vals = tuple(check_int(p, f"padding[{i}]", op, 0, INT32_MAX) for i, p in enumerate(padding))
        return vals * 2 if len(vals) == 2 else vals
    raise TypeError(f"For '{op}', padding must be an int or a list/tuple of 2 or 4 ints, but got {padding!r}.")


def check_enum(value, enum, name, op):
    if not isinstance(value, enum):
        raise TypeError(f"For '{op}', {name} must be of type {enum.__name__}, but got {value!r}.")
    return value


def check_inter(inter, op, name="interpolation"):
    return check_enum(inter, Inter, name, op)


def check_border(mode, op):
    return check_enum(mode, Border, "padding_mode", op)


def check_minmax(value, name, op, lo=0.0, hi=float(FLOAT_MAX_INTEGER), positive_max=False):
    """A (min, max) list/tuple of numbers in [lo, hi] with min <= max."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise TypeError(f"For '{op}', {name} should be a list/tuple of length 2, but got {value!r}.")
    a, b = (check_number(v, f"{name}[{i}]", op) for i, v in enumerate(value))
    if a > b:
        raise ValueError(f"For '{op}', {name} should be in (min,max) format, but got {tuple(value)}.")
    for i, v in enumerate((a, b)):
        if not lo <= v <= hi:
            raise ValueError(f"For '{op}', {name}[{i}] {v} is not within the required interval of [{lo}, {hi}].")
    if positive_max and b <= 0:
        raise ValueError(f"For '{op}', {name}[1] must be greater than 0, but got {b}.")
    return a, b


def pad_block(x, left, top, right, bottom, mode, fill):
    """Pad a block ``(N, H, W[, C])``: ``mode`` a Border, ``fill`` one value or one per channel."""
    if not (left or top or right or bottom):
        return x
    n, h, w = x.shape[:3]
    if mode is Border.CONSTANT:
        out = np.empty((n, h + top + bottom, w + left + right) + x.shape[3:], x.dtype)
        f = np.asarray(fill)
        if f.size > 1 and x.ndim == 4 and x.shape[3] != f.size:          # cv::Scalar(r, g, b, 0) per channel
            f = np.concatenate([f, np.zeros(max(0, x.shape[3] - f.size), f.dtype)])[:x.shape[3]]
        elif f.size > 1 and x.ndim == 3:
            f = f[0]
        out[...] = f.astype(np.float64).astype(x.dtype) if x.dtype.kind == "f" else f.astype(x.dtype)
        out[:, top:top + h, left:left + w] = x
        return out
    if mode is Border.REFLECT and (max(top, bottom) >= h or max(left, right) >= w):
        raise RuntimeError(f"Pad: reflect padding by {(left, top, right, bottom)} (left, top, right, bottom) needs "
                           f"an image larger than the padding, but got an image of {h}x{w}.")
    widths = [(0, 0), (top, bottom), (left, right)] + [(0, 0)] * (x.ndim - 3)
    return np.pad(x, widths, mode=mode.value)
