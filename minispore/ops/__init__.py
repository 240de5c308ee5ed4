"""``mindspore.ops``: the functional API, functional autodiff and the Primitive-style operator classes."""
from .._core import backend as _backend
from .._core import tensor as _tensor_module
from .._core.autodiff import GradOperation, get_grad, grad, jvp, value_and_grad, vjp
from . import _prims, function
from .function import *  # noqa: F401,F403
from .function.grad_func import jacfwd, jacrev, vmap
from .function.more_func import *  # noqa: F401,F403
from . import _tensor_methods
from .operations import *  # noqa: F401,F403
from . import operations
from ..communication._comm_ops import AllGather, AllReduce, Broadcast, ReduceOp, ReduceScatter  # noqa: F401

from . import composite, functional, primitive  # noqa: E402
from .composite import HyperMap, Map, MultitypeFuncGraph, add_flags, hyper_add, tail, zip_operation  # noqa: F401,E402
from .primitive import PrimitiveWithCheck, PrimitiveWithInfer, constexpr, prim_arg_register, prim_attr_register  # noqa
# the graph-level helpers and older aliases of mindspore.ops.functional that MindSpore's ops exports too
from .functional import (  # noqa: F401,E402
    array_to_scalar, bool_and, bool_eq, bool_not, bool_or, dict_getitem, dict_setitem, dtype, hastype, in_dict, inv,
    is_, is_not, list_equal, list_getitem, list_len, list_setitem, make_dict, make_list, make_range, make_slice,
    make_tuple, mixed_precision_cast, not_in_dict, partial, reduce_max, reduce_mean, reduce_min, reduce_sum,
    scalar_add, scalar_div, scalar_eq, scalar_floordiv, scalar_ge, scalar_gt, scalar_le, scalar_log, scalar_lt,
    scalar_max, scalar_min, scalar_mod, scalar_mul, scalar_ne, scalar_pow, scalar_sub, scalar_uadd, scalar_usub,
    shape_mul, string_concat, string_eq, tensor_add, tensor_div, tensor_exp, tensor_expm1, tensor_floordiv,
    tensor_ge, tensor_gt, tensor_le, tensor_lt, tensor_mod, tensor_mul, tensor_pow, tensor_sub, tuple_div,
    tuple_equal, tuple_getitem, tuple_len, tuple_reversed, tuple_setitem)

_tensor_module._F = function
_tensor_methods.attach()
_backend.silence_floating_point_warnings()

# MindSpore's ``ops`` exposes the builtins-shadowing names too
max = function.max  # noqa: A001
min = function.min  # noqa: A001

from .custom import Custom  # noqa: E402,F401
from .._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__)
from .operations.comm_ops import *  # noqa: F401,F403,E402
