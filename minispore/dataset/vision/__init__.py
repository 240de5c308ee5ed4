"""``mindspore.dataset.vision``: image transforms, vectorised over blocks of images (see ``transforms``)."""
from .transforms import *  # noqa: F401,F403
from .transforms import __all__  # noqa: F401
from . import transforms, c_transforms, utils  # noqa: F401
