"""Old (1.x) import path of the image transforms; the same classes as ``vision``."""
from .transforms import *  # noqa: F401,F403
from .transforms import __all__  # noqa: F401
