"""Enums of ``mindspore.dataset.vision``, with MindSpore 2.10's names and values."""
from enum import Enum, IntEnum

__all__ = ["Inter", "Border", "ImageBatchFormat", "ImageReadMode"]


class Inter(IntEnum):
    """Interpolation modes (MindSpore 2.10 numbers them so: ``Inter.BILINEAR == 2``).

    On NumPy images ``Resize`` implements NEAREST, LINEAR/BILINEAR, CUBIC/BICUBIC and AREA as OpenCV does
    (which MindSpore's CPU kernels call) and PILCUBIC as Pillow's bicubic; ANTIALIAS needs a PIL image. On PIL
    images NEAREST, ANTIALIAS (Lanczos), LINEAR and CUBIC are Pillow's own filters.
    """
    NEAREST = 0
    ANTIALIAS = 1
    BILINEAR = 2
    LINEAR = 2
    BICUBIC = 3
    CUBIC = 3
    AREA = 4
    PILCUBIC = 5


class Border(str, Enum):
    """Padding modes of ``Pad``/``RandomCrop``: CONSTANT (``fill_value``), EDGE (repeat the border pixel),
    REFLECT (mirror without repeating it) and SYMMETRIC (mirror repeating it)."""
    CONSTANT = "constant"
    EDGE = "edge"
    REFLECT = "reflect"
    SYMMETRIC = "symmetric"


class ImageBatchFormat(IntEnum):
    """Layout of an image batch (``CutMixBatch``)."""
    NHWC = 0
    NCHW = 1


class ImageReadMode(IntEnum):
    UNCHANGED = 0
    GRAYSCALE = 1
    COLOR = 2
