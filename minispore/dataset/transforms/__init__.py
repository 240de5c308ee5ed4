"""``mindspore.dataset.transforms``: general transforms (TypeCast, OneHot, Compose)."""
from .transforms import Compose, OneHot, TensorOperation, TypeCast  # noqa: F401
from . import transforms, c_transforms  # noqa: F401

__all__ = ["Compose", "OneHot", "TypeCast"]
