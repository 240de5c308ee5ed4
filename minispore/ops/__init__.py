"""``mindspore.ops``: the functional API, functional autodiff and the Primitive-style operator classes."""
from .._core import backend as _backend
from .._core import tensor as _tensor_module
from .._core.autodiff import GradOperation, get_grad, grad, jvp, value_and_grad, vjp
from . import _prims, function
from .function import *  # noqa: F401,F403
from .function.grad_func import jacfwd, jacrev, vmap
from . import _tensor_methods
from .operations import *  # noqa: F401,F403
from . import operations

_tensor_module._F = function
_tensor_methods.attach()
_backend.silence_floating_point_warnings()

# MindSpore's ``ops`` exposes the builtins-shadowing names too
max = function.max  # noqa: A001
min = function.min  # noqa: A001

from .._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__)
