"""``mindspore.common``: dtypes, Tensor, Parameter, initializers and seeding."""
from . import dtype
from .dtype import *  # noqa: F401,F403
from .._core.tensor import Tensor
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed
# not ``seed``: mindspore.common.seed is minispore's seeding module (common/seed.py), which the framework imports
from .random_state import Generator, default_generator, get_rng_state, initial_seed, manual_seed, set_rng_state
from ._toplevel_more import (Int, JitConfig, TensorType, byte, cdouble, cfloat, dtype_to_pytype, from_numpy, get_py_obj_dtype,
                             intp, is_tensor, lazy_inline, list_, mutable, no_inline, number,
                             set_recursion_limit, swap_tensors, tensor_type, tuple_, type_none, ubyte, uintp)

from .._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__)
