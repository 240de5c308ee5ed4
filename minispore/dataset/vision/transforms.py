"""Image transforms (``mindspore.dataset.vision``), vectorised over blocks of images.

Images are NumPy arrays ``(H, W)`` or ``(H, W, C)`` (HWC, as MindSpore's decoders give), or ``(C, H, W)`` after
``HWC2CHW``/``ToTensor``, or PIL images. In a pipeline each transform runs once per block of samples (its
``_batch`` method sees an extra leading axis), so one epoch is a few dozen NumPy calls rather than a Python call
per sample and transform; random transforms draw the parameters of the whole block at once from the dataset
engine's generator, which ``mindspore.set_seed`` / ``mindspore.dataset.config.set_seed`` seed.

As in MindSpore, a PIL image given to ``Resize``, the crops, the random flips, ``Pad``, ``RandomRotation``,
``RandomColorAdjust`` or ``Grayscale`` is processed by Pillow and stays a PIL image; the other transforms convert
it to a NumPy array first, and a ``map`` turns the PIL images it ends with into arrays.

Output dtypes follow MindSpore 2.10: ``Rescale``, ``Normalize`` and ``ToTensor`` give float32; the geometric and
colour transforms keep the input dtype; ``MixUpBatch``/``CutMixBatch`` give float32 labels.

The modules: ``_convert`` (Decode, ToPIL, ToTensor, HWC2CHW, Rescale, Normalize, Grayscale), ``_geometry``
(Resize, CenterCrop, RandomCrop, RandomResizedCrop, flips, Pad, RandomRotation), ``_color``
(RandomColorAdjust), ``_erase_mix`` (RandomErasing, MixUpBatch, CutMixBatch); the OpenCV-equivalent arithmetic is
in ``_kernels``.
"""
from ._color import RandomColorAdjust
from ._convert import HWC2CHW, Decode, Grayscale, Normalize, Rescale, ToPIL, ToTensor
from ._erase_mix import CutMixBatch, MixUpBatch, RandomErasing
from ._geometry import (CenterCrop, HorizontalFlip, Pad, RandomCrop, RandomHorizontalFlip, RandomResizedCrop,
                        RandomRotation, RandomVerticalFlip, Resize, VerticalFlip)
from .utils import Border, ImageBatchFormat, ImageReadMode, Inter

__all__ = ["Decode", "ToPIL", "ToTensor", "HWC2CHW", "Rescale", "Normalize", "Grayscale", "Resize", "CenterCrop",
           "RandomCrop", "RandomResizedCrop", "HorizontalFlip", "VerticalFlip", "RandomHorizontalFlip",
           "RandomVerticalFlip", "Pad", "RandomRotation", "RandomColorAdjust", "RandomErasing", "MixUpBatch",
           "CutMixBatch", "Inter", "Border", "ImageBatchFormat", "ImageReadMode"]
