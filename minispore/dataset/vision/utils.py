"""Enums of ``mindspore.dataset.vision``."""
from enum import Enum


class Inter(Enum):
    """Interpolation modes. minispore's ``Resize`` implements ``LINEAR``/``BILINEAR`` and ``NEAREST``."""
    NEAREST = 0
    LINEAR = 1
    BILINEAR = 1
    CUBIC = 2
    BICUBIC = 2
    AREA = 3
    PILCUBIC = 4
    ANTIALIAS = 5


class Border(Enum):
    """Padding modes of ``RandomCrop``/``Pad``."""
    CONSTANT = "constant"
    EDGE = "edge"
    REFLECT = "reflect"
    SYMMETRIC = "symmetric"
