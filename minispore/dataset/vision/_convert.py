"""Decoding and conversions: ``Decode``, ``ToPIL``, ``ToTensor``, ``HWC2CHW``, ``Rescale``, ``Normalize``,
``Grayscale``."""
import io
import numbers

import numpy as np

from ._base import ImageOp, check_bool, check_int, image_rank, is_pil

__all__ = ["Decode", "ToPIL", "ToTensor", "HWC2CHW", "Rescale", "Normalize", "Grayscale", "decode_image"]


# ---------------------------------------------------------------------------------------------------- decoding
def _sniff(data):
    head = bytes(data[:12])
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:2] == b"BM":
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _rgb_array(im):
    """A decoded PIL image as MindSpore's decoder gives it: RGB ``(H, W, 3)`` uint8; 16-bit samples keep their
    high byte (as OpenCV does), alpha is dropped, grey and palette images are expanded to three channels."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        a = np.asarray(im).astype(np.int64) >> 8
        a = np.clip(a, 0, 255).astype(np.uint8)
        return np.repeat(a[..., None], 3, axis=2)
    if im.mode == "F":
        a = np.clip(np.rint(np.asarray(im)), 0, 255).astype(np.uint8)
        return np.repeat(a[..., None], 3, axis=2)
    return np.asarray(im.convert("RGB"))


def decode_image(data, where="Decode"):
    """Decode the bytes ``data`` (JPEG, PNG, BMP or TIFF, as MindSpore's C++ decoder accepts) with Pillow into an
    RGB ``(H, W, 3)`` uint8 array. ``where`` names the transform, or the file, in the RuntimeError a broken or
    unsupported image raises."""
    from PIL import Image
    data = bytes(data)
    if not data:
        raise RuntimeError(f"{where}: the input has no data (an empty file or an empty bytes array).")
    kind = _sniff(data)
    if kind in ("gif", "webp"):
        raise RuntimeError(f"{where}: unsupported image type [{kind}]: the decoder reads JPEG, PNG, BMP and TIFF "
                           f"images; Decode(to_pil=True) reads {kind.upper()} too.")
    if kind is None:
        raise RuntimeError(f"{where}: image decode failed: the data ({len(data)} bytes, starting {data[:8]!r}) is "
                           f"not a JPEG, PNG, BMP or TIFF image.")
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            return _rgb_array(im)
    except Exception as e:  # noqa: BLE001 - Pillow raises OSError, ValueError, SyntaxError, struct.error ...
        raise RuntimeError(f"{where}: image decode failed, the {kind.upper()} image is broken or truncated "
                           f"({type(e).__name__}: {e}).") from None


def _decode_pil(data):
    from PIL import Image
    try:
        im = Image.open(io.BytesIO(bytes(data)))
        return im.convert("RGB")
    except AttributeError as e:
        raise ValueError(f"{e}\n: Failed to decode, Image might already be decoded.") from None
    except Exception as e:      # noqa: BLE001 - any Pillow failure (OSError, SyntaxError, DecompressionBombError)
        raise ValueError(f"{e}\n: Failed to decode given image.") from None


class Decode(ImageOp):
    """Decode encoded image bytes (a 1-D uint8 array, or ``bytes``) into an RGB ``(H, W, 3)`` uint8 array, or a
    PIL image with ``to_pil=True``.

    JPEG, PNG, BMP and TIFF are read (with Pillow, whose JPEG decoder gives MindSpore's values exactly);
    ``to_pil=True`` reads anything Pillow reads (GIF and WEBP too), as MindSpore's does. A broken, truncated or
    unsupported image raises a RuntimeError (ValueError with ``to_pil=True``, as MindSpore).
    """

    def __init__(self, to_pil=False):
        self.to_pil = check_bool(to_pil, "to_pil", "Decode")

    def __call__(self, img):
        if isinstance(img, (bytes, bytearray, memoryview)):
            img = np.frombuffer(bytes(img), np.uint8)
        if not isinstance(img, np.ndarray):
            raise TypeError(f"The type of the encoded image should be {np.ndarray}, but got {type(img)}.")
        if img.dtype.type is np.str_:
            raise TypeError(f"The data type of the encoded image can not be {img.dtype.type}.")
        if img.ndim != 1:
            raise TypeError(f"The number of array dimensions of the encoded image should be 1, but got {img.ndim}.")
        from .. import config
        return self._one(img, config._eager_rng())

    def _one(self, x, rng):
        if is_pil(x):
            raise TypeError(f"Decode: the input is already a decoded PIL image ({x.mode}, {x.size}).")
        x = np.asarray(x)
        if x.ndim != 1:
            raise RuntimeError(f"Decode: the encoded image should be a 1-D array of bytes, but got shape {x.shape}"
                               f"{' (already decoded?)' if x.ndim in (2, 3) else ''}.")
        if x.dtype != np.uint8:
            raise RuntimeError(f"Decode: the encoded image should be uint8 bytes, but got dtype {x.dtype}.")
        return _decode_pil(x) if self.to_pil else decode_image(x)

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]

    def __repr__(self):
        return f"Decode(to_pil={self.to_pil})"


class ToPIL(ImageOp):
    """A NumPy ``<H,W>`` / ``<H,W,C>`` image (C <= 4) as a PIL image; a PIL image passes unchanged."""

    def _one(self, img, rng):
        from PIL import Image
        if is_pil(img):
            return img
        if not isinstance(img, np.ndarray):
            raise TypeError(f"The input image should be of type numpy.ndarray or PIL.Image.Image. Got {type(img)}.")
        if img.ndim not in (2, 3):
            raise ValueError(f"The dimension of input image should be 2 or 3. Got {img.ndim}.")
        if img.ndim == 2:
            img = img[:, :, None]
        if img.shape[-1] > 4:
            raise ValueError(f"The channel of input image should not exceed 4. Got {img.shape[-1]}.")
        if img.shape[-1] == 1:
            if img.dtype not in (np.bool_, np.int8, np.int16, np.int32, np.uint8, np.uint16, np.uint32, np.float32,
                                 np.float64):
                raise TypeError(f"The input image type {img.dtype} is not supported when image shape is [H, W] or "
                                f"[H, W, 1].")
            img = img[:, :, 0]
            if img.dtype in (np.int8, np.uint16, np.uint32, np.float64):
                raise TypeError(f"ToPIL: Pillow cannot hold a single-channel image of dtype {img.dtype}; cast it "
                                f"to uint8, int16, int32 or float32 first.")
        elif img.dtype != np.uint8:
            raise TypeError(f"The input image type {img.dtype} is not supported when image shape is [H, W, 2], "
                            f"[H, W, 3] or [H, W, 4].")
        return Image.fromarray(np.ascontiguousarray(img))

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]


class ToTensor(ImageOp):
    """HWC image in ``[0, 255]`` -> CHW ``output_type`` (float32) in ``[0, 1]``; ``(H, W)`` gives ``(1, H, W)``."""

    def __init__(self, output_type=np.float32):
        from ..transforms.transforms import _ms_type
        if isinstance(output_type, str):
            try:
                output_type = np.dtype(output_type)
            except TypeError:
                raise TypeError(f"For 'ToTensor', output_type must be a mindspore type or a numpy dtype, "
                                f"but got {output_type!r}.") from None
        self.output_type = _ms_type(output_type, "ToTensor").np_dtype

    def _batch(self, x, rng):
        r = image_rank(x, "ToTensor")
        y = x[:, None] if r == 2 else x.transpose(0, 3, 1, 2)
        y = y.astype(np.float32)
        y *= np.float32(1 / 255)           # MindSpore: float32(x) * float32(1/255), then output_type
        return y if self.output_type == np.float32 else y.astype(self.output_type)


class HWC2CHW(ImageOp):
    """``(H, W, C)`` -> ``(C, H, W)``; a ``(H, W)`` image passes unchanged."""

    def _batch(self, x, rng):
        if image_rank(x, "HWC2CHW") == 2:
            return x
        return np.ascontiguousarray(x.transpose(0, 3, 1, 2))


def _check_number(value, name, op):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"For '{op}', {name} must be a number, but got {value!r} of type {type(value).__name__}.")
    return float(value)


class Rescale(ImageOp):
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


class Normalize(ImageOp):
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
        r = image_rank(x, "Normalize")
        c = 1 if r == 2 else (x.shape[-1] if self.is_hwc else x.shape[1])
        if len(self.mean) not in (1, c):
            raise RuntimeError(f"Normalize: number of channels does not match the size of mean and std vectors, "
                               f"got channels: {c}, size of mean: {len(self.mean)} (image shape {x.shape[1:]}).")
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


class Grayscale(ImageOp):
    """Convert a PIL image to grey (Pillow's ``convert('L')``); ``num_output_channels=3`` repeats the grey
    layer as RGB. Like MindSpore's, it takes PIL images only (``ToPIL`` converts a NumPy image)."""
    _pil_out = True

    def __init__(self, num_output_channels=1):
        check_int(num_output_channels, "num_output_channels", "Grayscale")
        if num_output_channels not in (1, 3):
            raise ValueError(f"Number of channels of the output grayscale image should be either 1 or 3. "
                             f"Got {num_output_channels}.")
        self.num_output_channels = int(num_output_channels)

    def _one(self, x, rng):
        if not is_pil(x):
            raise TypeError(f"img should be PIL image. Got {type(x)}. Use Decode() for encoded data or ToPIL() for "
                            f"decoded data.")
        return self._pil(x, rng)

    def _pil(self, img, rng):
        from PIL import Image
        g = img.convert("L")
        if self.num_output_channels == 1:
            return g
        a = np.asarray(g)
        return Image.fromarray(np.dstack([a, a, a]))          # (uint8, 3 channels: RGB)

    def _batch(self, x, rng):
        return self._one(x, rng)        # a NumPy block: the TypeError above
