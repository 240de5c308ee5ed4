"""Old (1.x) import path of the general transforms; the same classes as ``transforms``."""
from .transforms import Compose, OneHot, TypeCast  # noqa: F401
