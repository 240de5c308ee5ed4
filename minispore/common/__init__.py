"""``mindspore.common``: dtypes, Tensor, Parameter, initializers and seeding."""
from . import dtype
from .dtype import *  # noqa: F401,F403
from .._core.tensor import Tensor
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed
