"""``mindspore.ops``: the functional API, functional autodiff and the Primitive-style operator classes."""
from .._core import autodiff as _autodiff
from .._core import tensor as _tensor_module
from .._core.autodiff import (GradOperation, get_grad, grad, jacfwd, jacrev, jvp, value_and_grad, vjp,
                              vmap)
from . import _prims, function
from .function import *  # noqa: F401,F403
from . import _tensor_methods
from .operations import *  # noqa: F401,F403
from . import operations

_tensor_module._F = function
_autodiff._prims = _prims
_tensor_methods.attach()

# MindSpore's ``ops`` exposes the builtins-shadowing names too
max = function.max  # noqa: A001
min = function.min  # noqa: A001

from .._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__)
