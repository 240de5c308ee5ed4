"""File and encoding functions of ``mindspore.dataset.vision``: ``read_file``/``write_file`` (raw bytes as a uint8
array), ``encode_jpeg``/``encode_png`` and ``write_jpeg``/``write_png`` (Pillow's encoders), ``read_image``
(decoded as ``Decode`` does, in an ``ImageReadMode``)."""
import io as _io
import os

import numpy as np

from .utils import ImageReadMode

__all__ = ["read_file", "write_file", "encode_jpeg", "encode_png", "write_jpeg", "write_png", "read_image"]


def _filename(filename, op, exists=True):
    if not isinstance(filename, str):
        raise TypeError(f"{op}: filename should be a str, but got {type(filename).__name__}.")
    if exists and not os.path.isfile(filename):
        raise RuntimeError(f"{op}: the file {filename!r} does not exist or is not a file.")
    return filename


def read_file(filename):
    """The bytes of the file as a 1-D uint8 NumPy array."""
    with open(_filename(filename, "read_file"), "rb") as f:
        return np.frombuffer(f.read(), np.uint8).copy()


def _bytes_array(data, op):
    if hasattr(data, "asnumpy"):
        data = data.asnumpy()
    if not isinstance(data, np.ndarray):
        raise TypeError(f"{op}: the input data should be a NumPy array or a Tensor, but got {type(data)}.")
    if data.dtype != np.uint8 or data.ndim != 1:
        raise RuntimeError(f"{op}: the data should be a 1-D uint8 array, but got shape {data.shape} and "
                           f"dtype {data.dtype}.")
    return data


def write_file(filename, data):
    """Write a 1-D uint8 array (NumPy or Tensor) to ``filename``, atomically: a write that fails (a full disk, an
    interrupt) keeps the file that was there and leaves no partial or temporary file."""
    _filename(filename, "write_file", exists=False)
    _write_bytes(filename, _bytes_array(data, "write_file").tobytes(), "write_file")


def _write_bytes(filename, payload, op):
    from ..._fileio import atomic_write
    umask = os.umask(0)
    os.umask(umask)
    try:
        atomic_write(os.path.abspath(filename), lambda f: f.write(payload), op, mode=0o666 & ~umask)
    except (OSError, ValueError) as e:      # MindSpore raises RuntimeError, naming the file
        raise RuntimeError(f"{op}: cannot write the file {filename!r}: {e}") from None


def _image(image, op):
    if hasattr(image, "asnumpy"):
        image = image.asnumpy()
    if not isinstance(image, np.ndarray):
        raise TypeError(f"{op}: the input image should be a NumPy array or a Tensor, but got {type(image)}.")
    if image.dtype != np.uint8:
        raise RuntimeError(f"{op}: the image should be of type uint8, but got {image.dtype}.")
    if image.size == 0:
        raise RuntimeError(f"{op}: the image should not be empty, but got shape {image.shape}.")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        raise RuntimeError(f"{op}: the image should be <H,W> or <H,W,C> with C of 1 or 3, but got shape "
                           f"{image.shape}.")
    return np.ascontiguousarray(image)


def _encode(image, fmt, **kw):
    from PIL import Image
    buf = _io.BytesIO()
    Image.fromarray(image).save(buf, format=fmt, **kw)
    return np.frombuffer(buf.getvalue(), np.uint8).copy()


def encode_jpeg(image, quality=75):
    """JPEG bytes (a 1-D uint8 array) of a uint8 <H,W[,1|3]> image, ``quality`` in [1, 100] (Pillow's libjpeg;
    other encoders can give other bytes of the same image)."""
    if not isinstance(quality, int) or isinstance(quality, bool):
        raise TypeError(f"encode_jpeg: quality should be an int, but got {type(quality).__name__}.")
    if not 1 <= quality <= 100:
        raise RuntimeError(f"encode_jpeg: invalid quality {quality}, should be in range of [1, 100].")
    return _encode(_image(image, "encode_jpeg"), "JPEG", quality=quality)


def encode_png(image, compression_level=6):
    """PNG bytes (a 1-D uint8 array) of a uint8 <H,W[,1|3]> image, ``compression_level`` in [0, 9]."""
    level = compression_level
    if not isinstance(level, int) or isinstance(level, bool):
        raise TypeError(f"encode_png: compression_level should be an int, but got {type(level).__name__}.")
    if not 0 <= level <= 9:
        raise RuntimeError(f"encode_png: invalid compression_level {level}, should be in range of [0, 9].")
    return _encode(_image(image, "encode_png"), "PNG", compress_level=level)


def write_jpeg(filename, image, quality=75):
    _filename(filename, "write_jpeg", exists=False)
    write_file(filename, encode_jpeg(image, quality))


def write_png(filename, image, compression_level=6):
    _filename(filename, "write_png", exists=False)
    write_file(filename, encode_png(image, compression_level))


def _gray(im):
    """A file's grey image as MindSpore's decoders give it: JPEG decoded to its luma by libjpeg (Pillow's draft
    mode), PNG through libpng's rgb_to_gray (weights 9797/19234/3737 of 32768, truncated; what OpenCV asks libpng
    for), anything else OpenCV's RGB2GRAY."""
    from . import _kernels as K
    if im.format == "JPEG":
        im.draft("L", im.size)
    im.load()
    if im.mode in ("L", "1", "P", "I", "I;16", "F") or im.format == "JPEG":
        return np.asarray(im.convert("L"))
    rgb = np.asarray(im.convert("RGB"))
    if im.format == "PNG":
        x = rgb.astype(np.int64)
        return ((9797 * x[..., 0] + 19234 * x[..., 1] + 3737 * x[..., 2]) >> 15).astype(np.uint8)
    return K.rgb_to_gray(rgb)


def read_image(filename, mode=ImageReadMode.UNCHANGED):
    """Decode an image file to a uint8 <H,W,C> array: UNCHANGED keeps grey as <H,W,1> and colour as <H,W,3> (an
    alpha channel is dropped, as MindSpore 2.10 does), GRAYSCALE gives <H,W,1>, COLOR <H,W,3>."""
    from PIL import Image
    if not isinstance(filename, str):
        raise TypeError(f"read_image: filename should be a str, but got {type(filename).__name__}.")
    if not isinstance(mode, ImageReadMode):
        raise TypeError(f"read_image: mode should be of type ImageReadMode, but got {mode!r}.")
    _filename(filename, "read_image")
    try:
        return _read_image(Image.open(filename), mode)
    except (OSError, SyntaxError, ValueError) as e:    # PIL's UnidentifiedImageError, truncated data...
        raise RuntimeError(f"read_image: cannot decode {filename!r} as an image: {e}") from None


def _read_image(opened, mode):
    with opened as im:
        if mode == ImageReadMode.GRAYSCALE:
            return _gray(im)[..., None]
        im.load()
        if mode == ImageReadMode.COLOR:
            im = im.convert("RGB")
        elif im.mode not in ("L", "RGB"):
            # (MindSpore's decoder drops an alpha channel even in UNCHANGED mode)
            im = im.convert("L" if im.mode in ("LA", "1", "I", "I;16", "F") else "RGB")
        a = np.asarray(im)
    return a[..., None] if a.ndim == 2 else a.copy()
