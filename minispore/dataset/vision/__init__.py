"""``mindspore.dataset.vision``: image transforms, vectorised over blocks of images (see ``transforms``)."""
from .transforms import *  # noqa: F401,F403
from .transforms import __all__  # noqa: F401
from . import transforms, c_transforms, utils  # noqa: F401
from .more_transforms import *  # noqa: F401,F403,E402
from .io import *  # noqa: F401,F403,E402
from . import more_transforms as _more, io as _io  # noqa: E402
__all__ = __all__ + _more.__all__ + _io.__all__
