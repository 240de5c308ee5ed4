"""``mindspore.dataset.vision``: image transforms, vectorised over blocks of images (see ``transforms``)."""
from .transforms import (HWC2CHW, Border, HorizontalFlip, Inter, Normalize, RandomCrop,  # noqa: F401
                         RandomHorizontalFlip, RandomVerticalFlip, Rescale, Resize, ToTensor, VerticalFlip)
from . import transforms, c_transforms, utils  # noqa: F401

__all__ = ["HWC2CHW", "Border", "HorizontalFlip", "Inter", "Normalize", "RandomCrop", "RandomHorizontalFlip",
           "RandomVerticalFlip", "Rescale", "Resize", "ToTensor", "VerticalFlip"]
