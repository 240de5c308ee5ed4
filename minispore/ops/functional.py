"""``mindspore.ops.functional`` (``from mindspore.ops import functional as F``): the functional ops, and the
graph-level helpers older MindSpore code calls through ``F`` (``F.tuple_getitem``, ``F.scalar_add``,
``F.make_tuple``, ``F.reduce_sum``, ``F.tensor_add`` ...).

Every functional op of ``mindspore.ops`` is reached here too (looked up in ``ops`` on first use, so ops added there
appear here); MindSpore's ``F`` holds no Primitive classes but a few, which are listed in ``_CLASSES``. The helpers
below work on Python values (tuples, scalars, strings) as MindSpore's graph compiler evaluates them, and on Tensors
through the functional ops.
"""
import builtins
import functools
import math
import operator

from . import function as _function
from .function import *  # noqa: F401,F403
from .._core.tensor import Tensor as _Tensor

# MindSpore's F.reduce_* are Primitive instances: F.reduce_sum(x, axis) with keep_dims=False
from .operations import ReduceMax as _ReduceMax, ReduceMean as _ReduceMean, ReduceMin as _ReduceMin, \
    ReduceSum as _ReduceSum

reduce_sum = _ReduceSum()
reduce_mean = _ReduceMean()
reduce_max = _ReduceMax()
reduce_min = _ReduceMin()

# ------------------------------------------------------------------ Tensor aliases (MindSpore's older names)
tensor_add = _function.add
tensor_sub = _function.sub
tensor_mul = _function.mul
tensor_div = _function.div
tensor_floordiv = _function.floor_divide
tensor_mod = _function.remainder
tensor_pow = _function.pow
tensor_exp = _function.exp
tensor_expm1 = _function.expm1
tensor_gt = _function.gt
tensor_ge = _function.ge
tensor_lt = _function.lt
tensor_le = _function.le


def inv(input):
    """1 / input elementwise (MindSpore's ``ops.inv``); an integer input gives C's integer quotient 1 / x (so 0
    wherever |x| > 1; 0 for 0 too, where C's is undefined)."""
    x = input if isinstance(input, _Tensor) else _function.tensor(input)
    if x.dtype.is_float or x.dtype.kind == "c":
        return _function.reciprocal(x)
    if x.dtype.kind == "b":
        raise TypeError(f"For 'inv', the input must be a number Tensor, but got {x.dtype}.")
    zero = _function.zeros_like(x)
    return _function.where(_function.equal(x, 1), zero + 1, _function.where(_function.equal(x, -1), zero - 1, zero))


partial = functools.partial


def _check_sequence(op, name, value, kinds=(tuple, list)):
    if not isinstance(value, kinds):
        kinds_text = " or ".join(k.__name__ for k in kinds)
        raise TypeError(f"For '{op}', '{name}' must be a {kinds_text}, but got {type(value).__name__}.")


def _check_scalar(op, *values):
    for v in values:
        if isinstance(v, _Tensor) or not isinstance(v, (int, float, bool)):
            raise TypeError(f"For '{op}', the inputs must be Python scalars (int, float or bool), but got "
                            f"{type(v).__name__}.")


# ------------------------------------------------------------------ sequences
def tuple_getitem(data, index):
    _check_sequence("TupleGetItem", "data", data, (tuple,))
    return data[index]


def list_getitem(data, index):
    _check_sequence("list_getitem", "data", data, (list,))
    return data[index]


def dict_getitem(data, key):
    return data[key]


def tuple_setitem(data, index, value):
    _check_sequence("tuple_setitem", "data", data, (tuple,))
    items = list(data)
    items[index] = value
    return tuple(items)


def list_setitem(data, index, value):
    _check_sequence("list_setitem", "data", data, (list,))
    items = list(data)
    items[index] = value
    return items


def dict_setitem(data, key, value):
    out = dict(data)
    out[key] = value
    return out


def make_tuple(*items):
    return tuple(items)


def make_list(*items):
    return list(items)


def make_dict(keys, values):
    return dict(zip(keys, values))


def make_slice(start, stop, step):
    return builtins.slice(start, stop, step)    # ``slice`` here is ops.slice (star-imported from .function)


def make_range(*args):
    if not 1 <= len(args) <= 3 or not builtins.all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise TypeError(f"For 'make_range', the inputs must be 1 to 3 ints, but got {args!r}.")
    return tuple(builtins.range(*args))


def tuple_len(data):
    _check_sequence("sequence_len", "data", data)
    return len(data)


list_len = tuple_len


def tuple_reversed(data):
    _check_sequence("tuple_reversed", "data", data, (tuple,))
    return tuple(builtins.reversed(data))


def tuple_equal(x, y):
    return tuple(x) == tuple(y)


def list_equal(x, y):
    return list(x) == list(y)


def tuple_div(x, y):
    """Elementwise integer division of two shape tuples (each pair must divide exactly)."""
    _check_sequence("tuple_div", "x", x, (tuple,))
    _check_sequence("tuple_div", "y", y, (tuple,))
    if len(x) != len(y):
        raise ValueError(f"For 'tuple_div', the two tuples must have the same length, but got {x} and {y}.")
    if builtins.any(b == 0 or a % b for a, b in zip(x, y)):
        raise ValueError(f"For 'tuple_div', each element of {x} must be divisible by the one of {y}.")
    return tuple(a // b for a, b in zip(x, y))


def shape_mul(shape):
    _check_sequence("shape_mul", "shape", shape, (tuple,))
    return math.prod(shape)


def in_dict(key, data):
    return key in data


def not_in_dict(key, data):
    return key not in data


def is_(x, y):
    return x is y


def is_not(x, y):
    return x is not y


# ------------------------------------------------------------------ scalars and strings
def _scalar_op(name, fn, check=True):
    def op(*args):
        if check:
            _check_scalar(name, *args)
        return fn(*args)
    op.__name__ = op.__qualname__ = name
    op.__doc__ = f"MindSpore's graph-level scalar ``{name}`` on Python scalars."
    return op


def _scalar_div(x, y):
    if y == 0:
        raise ValueError("For 'ScalarDiv', the divisor can not be zero.")
    return x / y


def _scalar_floordiv(x, y):
    if y == 0:
        raise ValueError("For 'ScalarFloorDiv', the divisor can not be zero.")
    return x // y


def _scalar_mod(x, y):
    if y == 0:
        raise ValueError("For 'ScalarMod', the divisor can not be zero.")
    return x - y * math.floor(x / y) if isinstance(x, float) or isinstance(y, float) else x % y


scalar_add = _scalar_op("scalar_add", operator.add)
scalar_sub = _scalar_op("scalar_sub", operator.sub)
scalar_mul = _scalar_op("scalar_mul", operator.mul)
scalar_div = _scalar_op("scalar_div", _scalar_div)
scalar_floordiv = _scalar_op("scalar_floordiv", _scalar_floordiv)
scalar_mod = _scalar_op("scalar_mod", _scalar_mod)
scalar_pow = _scalar_op("scalar_pow", operator.pow)
scalar_eq = _scalar_op("scalar_eq", operator.eq)
scalar_ne = _scalar_op("scalar_ne", operator.ne)
scalar_lt = _scalar_op("scalar_lt", operator.lt)
scalar_le = _scalar_op("scalar_le", operator.le)
scalar_gt = _scalar_op("scalar_gt", operator.gt)
scalar_ge = _scalar_op("scalar_ge", operator.ge)
scalar_max = _scalar_op("scalar_max", builtins.max)
scalar_min = _scalar_op("scalar_min", builtins.min)
scalar_uadd = _scalar_op("scalar_uadd", operator.pos)
scalar_usub = _scalar_op("scalar_usub", operator.neg)
scalar_log = _scalar_op("scalar_log", math.log)
bool_and = _scalar_op("bool_and", lambda x, y: bool(x and y))
bool_or = _scalar_op("bool_or", lambda x, y: bool(x or y))
bool_not = _scalar_op("bool_not", lambda x: not x)
bool_eq = _scalar_op("bool_eq", operator.eq)


def string_concat(x, y):
    if not isinstance(x, str) or not isinstance(y, str):
        raise TypeError(f"For 'string_concat', both inputs must be str, but got {type(x).__name__} and "
                        f"{type(y).__name__}.")
    return x + y


def string_eq(x, y):
    if not isinstance(x, str) or not isinstance(y, str):
        raise TypeError(f"For 'string_eq', both inputs must be str, but got {type(x).__name__} and "
                        f"{type(y).__name__}.")
    return x == y


# ------------------------------------------------------------------ types and tensors
def dtype(x):
    """The dtype of a Tensor (MindSpore's ``F.dtype``, the ``DType`` primitive)."""
    if not isinstance(x, _Tensor):
        raise TypeError(f"For 'DType', the input must be a Tensor, but got {type(x).__name__}.")
    return x.dtype


def hastype(x, t):
    """Whether ``x``'s type is ``t`` (for a Tensor, its type is ``TensorType``, never a bare number type)."""
    return type(x) is t


def identity(x):
    return x


def mixed_precision_cast(dst_type, x):
    """Cast ``x`` (a Tensor, or a tuple/list/dict of them) to ``dst_type`` where it is floating point."""
    if isinstance(x, _Tensor):
        return _function.cast(x, dst_type) if x.dtype.is_float else x
    if isinstance(x, (tuple, list)):
        return type(x)(mixed_precision_cast(dst_type, v) for v in x)
    if isinstance(x, dict):
        return {k: mixed_precision_cast(dst_type, v) for k, v in x.items()}
    return x


def array_to_scalar(x):
    if not isinstance(x, _Tensor) or x.size != 1:
        raise TypeError(f"For 'array_to_scalar', the input must be a one-element Tensor, but got {x!r}.")
    return x.asnumpy().reshape(()).item()


# the few Primitive classes MindSpore's F holds, and the names it reaches in ops
_CLASSES = {"Roll", "Median", "UniqueConsecutive", "AdaptiveMaxPool2D", "TensorToTuple", "SliceGetItem",
            "DtypeToEnum"}


def __getattr__(name):
    import minispore.ops as ops
    if name == "P":
        return ops.operations
    if not name.startswith("_"):
        try:
            value = getattr(ops, name)
        except AttributeError:
            value = None
        if value is not None and (not isinstance(value, type) or name in _CLASSES):
            return value
    from .._dropin import missing
    raise missing(__name__, name)
