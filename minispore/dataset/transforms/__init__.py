"""``mindspore.dataset.transforms``: general transforms (TypeCast, OneHot, Compose, PadEnd, Concatenate, Fill,
Slice, Mask)."""
from .transforms import (Compose, Concatenate, Fill, Mask, OneHot, PadEnd, Relational, Slice,  # noqa: F401
                         TensorOperation, TypeCast)
from . import transforms, c_transforms  # noqa: F401

__all__ = ["Compose", "OneHot", "TypeCast", "PadEnd", "Concatenate", "Fill", "Slice", "Mask", "Relational"]
