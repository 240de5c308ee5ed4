"""``mindspore.common.tensor``."""
from .._core.tensor import Tensor  # noqa: F401
