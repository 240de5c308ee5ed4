"""``mindspore.common``: dtypes, Tensor, Parameter, initializers and seeding."""
from . import dtype
from .dtype import *  # noqa: F401,F403
from .._core.tensor import Tensor
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed

from .._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__)
