"""More of MindSpore's ``mindspore.ops`` functions: its other names of existing ops (``arctan2``, ``floor_div``,
``truncate_mod``...), the functional forms of the Tensor methods (``ops.fmod(x, y)`` is ``x.fmod(y)``: one
implementation, in ops/_tensor_methods.py) and short compositions of existing ops (``hstack``, ``logsigmoid``,
``margin_ranking_loss``...), with MindSpore 2.10's signatures, defaults and errors.

Like the rest of ops/function, everything computes through primitives and ops (no array library named here).
"""
import builtins
import functools
import math
import numbers

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ..._core.dtype import kind_of
from . import array_func as _A
from . import math_func as _M
from . import nn_func as _N


def _methods():
    """ops/_tensor_methods.py, imported on first use (it imports this package)."""
    from .. import _tensor_methods
    return _tensor_methods


def _input(x, op, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _method(name, op=None, arg="input"):
    """``ops.<op>(input, *args, **kwargs)``: the Tensor method ``input.<name>(*args, **kwargs)``."""
    op = op or name

    def fn(input, *args, **kwargs):
        return getattr(_methods(), name)(_input(input, op, arg), *args, **kwargs)
    fn.__name__ = fn.__qualname__ = op
    fn.__doc__ = f"``ops.{op}(input, ...)``: the same as ``Tensor.{name}`` (MindSpore 2.10's ``ops.{op}``)."
    return fn


# ----------------------------------------------------------------------------- other names of existing ops
def arctan2(input, other):
    return _M.atan2(input, other)


def floor_div(x, y):
    return _M.floor_divide(x, y)


def floordiv(input, other):
    return _M.floor_divide(input, other)


def floor_mod(x, y):
    return _M.remainder(x, y)


def floormod(x, y):
    return _M.remainder(x, y)


def truncate_div(x, y):
    return _M.div(x, y, rounding_mode="trunc")


def truncate_mod(x, y):
    return _methods().fmod(_input(x, "truncate_mod", "x"), y)


def tensor_muls(input, other):
    """``input * other`` for a Number ``other`` (MindSpore's Muls)."""
    _input(input, "tensor_muls")
    if not isinstance(other, numbers.Number) or isinstance(other, bool):
        raise TypeError(f"For 'tensor_muls', 'other' must be a Number, but got {type(other).__name__}.")
    return _M.mul(input, other)


def addn(x):
    """The elementwise sum of a list or tuple of Tensors of one shape and dtype."""
    if not isinstance(x, (list, tuple)) or not x:
        raise TypeError(f"For 'addn', the input must be a non-empty list or tuple of Tensors, but got "
                        f"{type(x).__name__}.")
    return functools.reduce(_M.add, x)


# ----------------------------------------------------------------------------- functional forms of Tensor methods
fmod = _method("fmod")
copysign = _method("copysign", arg="x")
heaviside = _method("heaviside")
logaddexp = _method("logaddexp")
logaddexp2 = _method("logaddexp2")
float_power = _method("float_power")
fmax = _method("fmax")
xdivy = _method("xdivy", arg="x")
ldexp = _method("ldexp", arg="x")
gcd = _method("gcd")
lcm = _method("lcm")
deg2rad = _method("deg2rad", arg="x")
rad2deg = _method("rad2deg", arg="x")
sinc = _method("sinc")
erfc = _method("erfc")
sgn = _method("sgn")
signbit = _method("signbit")
isposinf = _method("isposinf")
isneginf = _method("isneginf")
isreal = _method("isreal")
positive = _method("positive")
invert = _method("invert", arg="x")
bitwise_left_shift = _method("bitwise_left_shift")
bitwise_right_shift = _method("bitwise_right_shift")
approximate_equal = _method("approximate_equal", arg="x")
addmv = _method("addmv")
addr = _method("addr", arg="x")
addbmm = _method("addbmm")
ger = _method("ger")
hardshrink = _method("hardshrink")
soft_shrink = _method("soft_shrink")
softshrink = _method("soft_shrink", "softshrink")
nansum = _method("nansum")
nanmean = _method("nanmean")
aminmax = _method("aminmax")
msort = _method("msort")
argwhere = _method("argwhere")
diagflat = _method("diagflat")
movedim = _method("movedim", arg="x")
view_as = _method("view_as")
fliplr = _method("fliplr")
flipud = _method("flipud")
rot90 = _method("rot90")
reverse = _method("reverse", arg="x")
tensor_split = _method("tensor_split")
hsplit = _method("hsplit")
vsplit = _method("vsplit")
dsplit = _method("dsplit")
logcumsumexp = _method("logcumsumexp")
is_complex = _method("is_complex")
top_k = _method("top_k", arg="input_x")


def addcdiv(input, tensor1, tensor2, value=1):
    return _methods().addcdiv(_input(input, "addcdiv"), tensor1, tensor2, value=value)


def addcmul(input, tensor1, tensor2, value=1):
    return _methods().addcmul(_input(input, "addcmul"), tensor1, tensor2, value=value)


def diagonal(input, offset=0, dim1=0, dim2=1):
    x = _input(input, "diagonal")
    if dim1 % max(x.ndim, 1) == dim2 % max(x.ndim, 1):
        raise ValueError(f"For 'diagonal', 'dim1' and 'dim2' cannot be identical, but got dim1 = {dim1} and "
                         f"dim2 = {dim2}.")
    return _methods().diagonal(x, offset, dim1, dim2)


def trace(input):
    """The sum of the main diagonal of a 2-D Tensor."""
    x = _input(input, "trace")
    if x.ndim != 2:
        raise _M.ValueRuntimeError(f"For 'trace', the input must be 2-D, but got {x.ndim}-D (shape {tuple(x.shape)}).")
    return _methods().trace(x)


def diff(x, n=1, axis=-1, prepend=None, append=None):
    return _methods().diff(_input(x, "diff", "x"), n, axis, prepend, append)


def expand(input_x, size):
    """Broadcast ``input_x`` to ``size`` (a Tensor of the target shape, as MindSpore 2.10 takes it)."""
    _input(input_x, "expand", "input_x")
    if isinstance(size, Tensor):
        size = tuple(int(v) for v in size.asnumpy().reshape(-1).tolist())
    else:
        raise TypeError(f"For 'expand', 'size' must be a Tensor, but got {type(size).__name__}.")
    return _methods().expand(input_x, size)


def is_floating_point(input):
    return kind_of(_input(input, "is_floating_point")._data.dtype) == "f"


def numel(input):
    return _input(input, "numel").numel()


def searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    s = _input(sorted_sequence, "searchsorted", "sorted_sequence")
    if side is None:
        side = "right" if right else "left"
    elif side not in ("left", "right") or (right and side == "left"):
        raise ValueError(f"For 'searchsorted', 'side' must be 'left' or 'right' (and agree with 'right'), but got "
                         f"side={side!r}, right={right!r}.")
    return _methods().searchsorted(s, values, side, sorter, out_int32=out_int32)
cov = _method("cov")
histc = _method("histc")
bincount = _method("bincount")
index_fill = _method("index_fill", arg="x")
diagonal_scatter = _method("diagonal_scatter")
select_scatter = _method("select_scatter")
slice_scatter = _method("slice_scatter")
renorm = _method("renorm")
nanmedian = _method("nanmedian")
reverse_sequence = _method("reverse_sequence", arg="x")
unique_consecutive = _method("unique_consecutive")


# ----------------------------------------------------------------------------- stacking
def _tensor_list(tensors, op):
    if not isinstance(tensors, (list, tuple)):
        raise TypeError(f"For {op}, the input must be list or tuple, but got {type(tensors).__name__}.")
    if not tensors:
        raise ValueError(f"For {op}, the input must have at least one Tensor.")
    return [_input(t, op, "tensors") for t in tensors]


def _at_least(x, nd):
    if x.ndim >= nd:
        return x
    if nd == 3 and x.ndim == 2:
        return _A.reshape(x, tuple(x.shape) + (1,))
    if nd == 3 and x.ndim == 1:
        return _A.reshape(x, (1, x.shape[0], 1))
    return _A.reshape(x, (1,) * (nd - x.ndim) + tuple(x.shape))


def hstack(tensors):
    ts = [_at_least(t, 1) for t in _tensor_list(tensors, "hstack")]
    return _A.concat(ts, 0 if ts[0].ndim == 1 else 1)


def vstack(inputs):
    return _A.concat([_at_least(t, 2) for t in _tensor_list(inputs, "vstack")], 0)


def row_stack(tensors):  # noqa: F811 - MindSpore's argument name
    return vstack(tensors)


def dstack(tensors):
    return _A.concat([_at_least(t, 3) for t in _tensor_list(tensors, "dstack")], 2)


def column_stack(tensors):
    ts = _tensor_list(tensors, "column_stack")
    ts = [_A.reshape(t, (-1, 1)) if t.ndim <= 1 else t for t in ts]
    return _A.concat(ts, 1)


# ----------------------------------------------------------------------------- activations and losses
def logsigmoid(x):
    """``log(sigmoid(x))`` (float inputs only, as MindSpore's Sigmoid kernel)."""
    _input(x, "logsigmoid", "x")
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For 'logsigmoid', the input must be a float Tensor, but got {x.dtype}.")
    return _M.log(_N.sigmoid(x))


_REDUCTIONS = ("mean", "sum", "none")


def _loss(loss, reduction):
    if reduction == "mean":
        return _M.mean(loss)
    if reduction == "sum":
        return _M.sum(loss)
    return loss


def _check_reduction(reduction, op):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{op}', the 'reduction' must be in ['mean', 'sum', 'none'], but got {reduction}.")


def _same_dtype(op, *named):
    (n0, t0) = named[0]
    for n, t in named[1:]:
        if t.dtype != t0.dtype:
            raise TypeError(f"For '{op}', the dtype of '{n}' must be the same as '{n0}' ({t0.dtype}), but got "
                            f"{t.dtype}.")


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction='mean'):
    """``max(0, -target * (input1 - input2) + margin)``, reduced."""
    op = "margin_ranking_loss"
    if not isinstance(margin, float):
        raise TypeError(f"For '{op}', 'margin' must be a float, but got {type(margin).__name__}.")
    for n, t in (("input1", input1), ("input2", input2), ("target", target)):
        _input(t, op, n)
    _same_dtype(op, ("input1", input1), ("input2", input2), ("target", target))
    _check_reduction(reduction, op)
    x = _M.clamp(_M.add(_M.mul(_M.neg(target), _M.sub(input1, input2)), margin), 0)
    return _loss(x, reduction)


def hinge_embedding_loss(inputs, targets, margin=1.0, reduction='mean'):
    """``inputs`` where ``targets`` > 0, ``max(0, margin - inputs)`` where ``targets`` < 0, reduced."""
    op = "hinge_embedding_loss"
    _input(inputs, op, "inputs")
    _input(targets, op, "targets")
    if not isinstance(margin, (float, int)) or isinstance(margin, bool):
        raise TypeError(f"For '{op}', 'margin' must be a float or int, but got {type(margin).__name__}.")
    _check_reduction(reduction, op)
    pos = _M.mul(_A.cast(_M.greater(targets, 0), inputs.dtype), inputs)
    neg_index = _A.cast(_M.less(targets, 0), inputs.dtype)
    neg = _M.clamp(_M.sub(_M.mul(neg_index, margin), _M.mul(neg_index, inputs)), 0)
    return _loss(_M.add(pos, neg), reduction)


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """``1 - cos(input1, input2)`` where ``target`` is 1, ``max(0, cos - margin)`` where it is -1 (rows along
    axis 1), reduced."""
    op = "ops.cosine_embedding_loss"
    for n, t in (("input1", input1), ("input2", input2), ("target", target)):
        _input(t, op, n)
    _same_dtype(op, ("input1", input1), ("input2", input2))
    margin = float(margin) if isinstance(margin, int) and not isinstance(margin, bool) else margin
    if not isinstance(margin, float):
        raise TypeError(f"For {op}, 'margin' must be float, but got {type(margin).__name__}.")
    if margin > 1.0 or margin < -1.0:
        raise ValueError(f"For {op}, the value of 'margin' should be in [-1, 1], but got {margin}.")
    _check_reduction(reduction, "cosine_embedding_loss")
    expect = tuple(d for i, d in enumerate(input1.shape) if i != 1)
    if tuple(target.shape) != expect:
        raise ValueError(f"For {op}, 'target' must have the shape of 'input1' {tuple(input1.shape)} without axis 1, "
                         f"{expect}, but got {tuple(target.shape)}.")
    if input1.dtype in (mstype.int32, mstype.int64):
        input1 = _A.cast(input1, mstype.float32)
    if input2.dtype in (mstype.int32, mstype.int64):
        input2 = _A.cast(input2, mstype.float32)
    prod = _M.sum(_M.mul(input1, input2), 1)
    denom = _M.mul(_M.sqrt(_M.sum(_M.square(input1), 1)), _M.sqrt(_M.sum(_M.square(input2), 1)))
    cosine = _M.div(prod, denom)
    zeros = _A.zeros_like(cosine)
    pos = _A.where(_M.equal(target, 1), _M.sub(1.0, cosine), zeros)
    neg = _A.where(_M.equal(target, -1), _M.maximum(_M.sub(cosine, margin), 0.0), zeros)
    return _loss(_M.add(pos, neg), reduction)


def gaussian_nll_loss(x, target, var, full=False, eps=1e-6, reduction='mean'):
    """``0.5 * (log(max(var, eps)) + (x - target)^2 / max(var, eps))`` (+ ``0.5 * log(2 pi)`` with ``full``),
    reduced."""
    op = "gaussian_nll_loss"
    for n, t in (("x", x), ("target", target), ("var", var)):
        if not isinstance(t, Tensor):
            raise TypeError(f"For '{op}', '{n}' must be a tensor, but got {type(t).__name__}.")
    if not isinstance(full, bool):
        raise TypeError(f"For '{op}', 'full' must be a bool, but got {type(full).__name__}.")
    if not isinstance(eps, float) or eps <= 0:
        raise ValueError(f"For '{op}', 'eps' must be a positive float, but got {eps}.")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{op}', 'reduction' must be one of 'none', 'mean', or 'sum', but got {reduction}.")
    if tuple(x.shape) != tuple(var.shape) and tuple(x.shape[:-1]) == tuple(var.shape):
        var = _A.expand_dims(var, -1)
    v = _M.maximum(var, eps)
    loss = _M.mul(0.5, _M.add(_M.log(v), _M.div(_M.square(_M.sub(x, target)), v)))
    if full:
        loss = _M.add(loss, 0.5 * math.log(2 * math.pi))
    return _loss(loss, reduction)


# ----------------------------------------------------------------------------- tensor predicates, at least n-D
def is_tensor(obj):
    return isinstance(obj, Tensor)


def _atleast(inputs, nd, op):
    if isinstance(inputs, Tensor):
        return _at_least(inputs, nd)
    if not isinstance(inputs, (list, tuple)):
        raise TypeError(f"For '{op}', the input must be a Tensor or a list/tuple of Tensors, but got "
                        f"{type(inputs).__name__}.")
    return tuple(_at_least(_input(t, op), nd) for t in inputs)


def atleast_1d(inputs):
    return _atleast(inputs, 1, "atleast_1d")


def atleast_2d(inputs):
    return _atleast(inputs, 2, "atleast_2d")


def atleast_3d(inputs):
    return _atleast(inputs, 3, "atleast_3d")


# ----------------------------------------------------------------------------- products
def mv(mat, vec):
    """The product of a 2-D matrix and a 1-D vector."""
    _input(mat, "mv", "mat")
    _input(vec, "mv", "vec")
    if mat.ndim != 2 or vec.ndim != 1 or mat.shape[1] != vec.shape[0]:
        raise ValueError(f"For 'mv', 'mat' must be 2-D and 'vec' 1-D with mat.shape[1] == vec.shape[0], but got "
                         f"{tuple(mat.shape)} and {tuple(vec.shape)}.")
    return _A.matmul(mat, vec)


def kron(input, other):
    """The Kronecker product: ``out[i*p+k, j*q+l] = input[i, j] * other[k, l]`` (any rank)."""
    a, b = _input(input, "kron"), _input(other, "kron", "other")
    nd = max(a.ndim, b.ndim)
    a = _A.reshape(a, (1,) * (nd - a.ndim) + tuple(a.shape))
    b = _A.reshape(b, (1,) * (nd - b.ndim) + tuple(b.shape))
    a2 = _A.reshape(a, tuple(d for n in a.shape for d in (n, 1)))
    b2 = _A.reshape(b, tuple(d for n in b.shape for d in (1, n)))
    return _A.reshape(_M.mul(a2, b2), tuple(m * n for m, n in zip(a.shape, b.shape)))


def _contract(x1, x2, ax1, ax2, op):
    for a1, a2 in zip(ax1, ax2):
        if x1.shape[a1] != x2.shape[a2]:
            raise ValueError(f"For '{op}', the contracted axes must have the same size, but got x1.shape[{a1}] = "
                             f"{x1.shape[a1]} and x2.shape[{a2}] = {x2.shape[a2]}.")
    keep1 = [i for i in builtins.range(x1.ndim) if i not in ax1]
    keep2 = [i for i in builtins.range(x2.ndim) if i not in ax2]
    k = 1
    for a in ax1:
        k *= x1.shape[a]
    m = 1
    for i in keep1:
        m *= x1.shape[i]
    n = 1
    for i in keep2:
        n *= x2.shape[i]
    a = _A.reshape(_A.transpose(x1, tuple(keep1 + list(ax1))), (m, k))
    b = _A.reshape(_A.transpose(x2, tuple(list(ax2) + keep2)), (k, n))
    return _A.reshape(_A.matmul(a, b), tuple(x1.shape[i] for i in keep1) + tuple(x2.shape[i] for i in keep2))


def tensor_dot(x1, x2, axes):
    """Contract ``axes`` (an int: the last/first that many; or two sequences of axes) of ``x1`` and ``x2``."""
    op = "tensor_dot"
    _input(x1, op, "x1")
    _input(x2, op, "x2")
    if isinstance(axes, int) and not isinstance(axes, bool):
        ax1, ax2 = list(builtins.range(x1.ndim - axes, x1.ndim)), list(builtins.range(axes))
    elif isinstance(axes, (list, tuple)) and len(axes) == 2:
        ax1 = [axes[0]] if isinstance(axes[0], int) else list(axes[0])
        ax2 = [axes[1]] if isinstance(axes[1], int) else list(axes[1])
        if len(ax1) != len(ax2):
            raise ValueError(f"For '{op}', the two sequences of 'axes' must have the same length, but got {axes}.")
        ax1, ax2 = [a % x1.ndim for a in ax1], [a % x2.ndim for a in ax2]
    else:
        raise TypeError(f"For '{op}', 'axes' must be an int or a pair of int sequences, but got {axes!r}.")
    return _contract(x1, x2, ax1, ax2, op)


def batch_dot(x1, x2, axes=None):
    """The dot product along ``axes`` of each pair of batch entries (axis 0 is the batch); a 1-D result per batch
    entry is shaped ``(batch, 1)``."""
    op = "batch_dot"
    _input(x1, op, "x1")
    _input(x2, op, "x2")
    if x1.ndim < 2 or x2.ndim < 2:
        raise ValueError(f"For '{op}', the inputs must be at least 2-D, but got {tuple(x1.shape)} and "
                         f"{tuple(x2.shape)}.")
    if x1.shape[0] != x2.shape[0]:
        raise ValueError(f"For '{op}', the batch sizes must agree, but got {x1.shape[0]} and {x2.shape[0]}.")
    if axes is None:
        axes = (x1.ndim - 1, x2.ndim - 1 if x2.ndim == 2 else x2.ndim - 2)
    elif isinstance(axes, int) and not isinstance(axes, bool):
        axes = (axes, axes)
    a1, a2 = axes[0] % x1.ndim, axes[1] % x2.ndim
    if a1 == 0 or a2 == 0:
        raise ValueError(f"For '{op}', 'axes' cannot contain the batch axis 0, but got {axes}.")
    if x1.shape[a1] != x2.shape[a2]:
        raise ValueError(f"For '{op}', x1.shape[{a1}] and x2.shape[{a2}] must be equal, but got {x1.shape[a1]} "
                         f"and {x2.shape[a2]}.")
    b = x1.shape[0]
    k1 = [i for i in builtins.range(1, x1.ndim) if i != a1]
    k2 = [i for i in builtins.range(1, x2.ndim) if i != a2]
    m = 1
    for i in k1:
        m *= x1.shape[i]
    n = 1
    for i in k2:
        n *= x2.shape[i]
    a = _A.reshape(_A.transpose(x1, tuple([0] + k1 + [a1])), (b, m, x1.shape[a1]))
    c = _A.reshape(_A.transpose(x2, tuple([0, a2] + k2)), (b, x2.shape[a2], n))
    shape = (b,) + tuple(x1.shape[i] for i in k1) + tuple(x2.shape[i] for i in k2)
    return _A.reshape(_A.bmm(a, c), shape if len(shape) > 1 else (b, 1))


def dist(input, other, p=2):
    """The ``p``-norm of ``input - other`` over all elements."""
    _input(input, "dist")
    _input(other, "dist", "other")
    return _M.vector_norm(_M.sub(input, other), p)


# ----------------------------------------------------------------------------- elementwise compositions
def clip_by_value(x, clip_value_min=None, clip_value_max=None):
    """Clip a Tensor, or each Tensor of a list or tuple, into ``[clip_value_min, clip_value_max]``."""
    if clip_value_min is None and clip_value_max is None:
        raise ValueError("For 'clip_by_value', at least one of 'clip_value_min' and 'clip_value_max' must be given.")
    if isinstance(x, (list, tuple)):
        return tuple(_M.clamp(_input(t, "clip_by_value", "x"), clip_value_min, clip_value_max) for t in x)
    return _M.clamp(_input(x, "clip_by_value", "x"), clip_value_min, clip_value_max)


def prelu(input, weight):
    """``input`` where it is >= 0, ``weight * input`` elsewhere; ``weight`` is per channel (axis 1) or one value."""
    x, w = _input(input, "prelu"), _input(weight, "prelu", "weight")
    if w.ndim > 1 or (w.ndim == 1 and w.shape[0] not in (1, x.shape[1] if x.ndim >= 2 else 1)):
        raise ValueError(f"For 'prelu', 'weight' must be 1-D with 1 or input.shape[1] elements, but got "
                         f"{tuple(w.shape)} for an input of shape {tuple(x.shape)}.")
    if x.ndim >= 2 and w.ndim == 1:
        w = _A.reshape(w, (w.shape[0],) + (1,) * (x.ndim - 2))
    return _A.where(_M.greater_equal(x, 0), x, _M.mul(w, x))


def repeat_elements(x, rep, axis=0):
    """Repeat each element ``rep`` times along ``axis``."""
    _input(x, "repeat_elements", "x")
    if not isinstance(rep, int) or isinstance(rep, bool) or rep < 1:
        raise ValueError(f"For 'repeat_elements', 'rep' must be a positive int, but got {rep!r}.")
    return _A.repeat_interleave(x, rep, axis)


def sequence_mask(lengths, maxlen=None):
    """``mask[..., j] = j < lengths[...]`` with ``maxlen`` columns (default: the largest length)."""
    _input(lengths, "sequence_mask", "lengths")
    if maxlen is None:
        maxlen = int(_M.max(lengths).asnumpy())
    if not isinstance(maxlen, int) or isinstance(maxlen, bool) or maxlen <= 0:
        raise ValueError(f"For 'sequence_mask', 'maxlen' must be a positive int, but got {maxlen!r}.")
    steps = _A.arange(0, maxlen, 1, dtype=lengths.dtype)
    return _M.less(steps, _A.expand_dims(lengths, -1))


def _triangle_indices(row, col, offset, dtype, op, lower):
    for n, v in (("row", row), ("col", col), ("offset", offset)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"For '{op}', '{n}' must be an int, but got {type(v).__name__}.")
    if dtype not in (mstype.int32, mstype.int64):
        raise TypeError(f"For '{op}', the 'dtype' should be one of [mindspore.int32, mindspore.int64], but got "
                        f"{dtype!r}.")
    pairs = [(i, j) for i in builtins.range(row) for j in builtins.range(col) if ((j - i <= offset) if lower else (j - i >= offset))]
    return Tensor([[i for i, _ in pairs], [j for _, j in pairs]], dtype) if pairs else _A.zeros((2, 0), dtype)


def tril_indices(row, col, offset=0, *, dtype=mstype.int64):
    return _triangle_indices(row, col, offset, dtype, "tril_indices", True)


def triu_indices(row, col, offset=0, *, dtype=mstype.int64):
    return _triangle_indices(row, col, offset, dtype, "triu_indices", False)


def block_diag(*inputs):
    """The Tensors (scalars, 1-D as one row, 2-D) on the diagonal of a 2-D Tensor, zeros elsewhere."""
    blocks = []
    for t in inputs:
        _input(t, "block_diag", "inputs")
        if t.ndim > 2:
            raise ValueError(f"For 'block_diag', each input must be at most 2-D, but got shape {tuple(t.shape)}.")
        blocks.append(_A.reshape(t, (1, 1)) if t.ndim == 0 else _A.reshape(t, (1, -1)) if t.ndim == 1 else t)
    width = builtins.sum(b.shape[1] for b in blocks)
    rows, left = [], 0
    for b in blocks:
        parts = []
        if left:
            parts.append(_A.zeros((b.shape[0], left), b.dtype))
        parts.append(b)
        right = width - left - b.shape[1]
        if right:
            parts.append(_A.zeros((b.shape[0], right), b.dtype))
        rows.append(_A.concat(parts, 1) if len(parts) > 1 else b)
        left += b.shape[1]
    return _A.concat(rows, 0)


def cartesian_prod(*inputs):
    """All combinations of the elements of the 1-D inputs, one per row."""
    for t in inputs:
        if _input(t, "cartesian_prod", "inputs").ndim != 1:
            raise ValueError(f"For 'cartesian_prod', each input must be 1-D, but got shape {tuple(t.shape)}.")
    grids = _A.meshgrid(*inputs, indexing="ij")
    return _A.stack([_A.reshape(g, (-1,)) for g in grids], 1)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    """A Tensor whose (dim1, dim2) planes hold ``input``'s last axis on the diagonal ``offset``."""
    x = _input(input, "diag_embed")
    n = x.shape[-1]
    size = n + abs(offset)
    nd = x.ndim + 1
    d1, d2 = dim1 % nd, dim2 % nd
    if d1 == d2:
        raise ValueError(f"For 'diag_embed', 'dim1' and 'dim2' must be different, but got {dim1} and {dim2}.")
    eye = Tensor([[1 if j == i + max(offset, 0) else 0 for j in builtins.range(size)] for i in builtins.range(n)], x.dtype)
    out = _M.mul(_A.expand_dims(x, -1), eye)              # (..., n, size): row i holds x[..., i] at its column
    pad = _A.zeros(tuple(x.shape[:-1]) + (abs(offset), size), x.dtype)
    if offset > 0:
        out = _A.concat([out, pad], -2)
    elif offset < 0:
        out = _A.concat([pad, out], -2)
    if (d1, d2) != (nd - 2, nd - 1):
        out = movedim(out, (nd - 2, nd - 1), (d1, d2))
    return out


def vander(x, N=None):
    """Columns ``x ** (N-1), ..., x ** 0`` of a 1-D ``x``."""
    _input(x, "vander", "x")
    if x.ndim != 1:
        raise ValueError(f"For 'vander', 'x' must be 1-D, but got shape {tuple(x.shape)}.")
    n = x.shape[0] if N is None else N
    if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
        raise ValueError(f"For 'vander', 'N' must be a positive int, but got {N!r}.")
    powers = Tensor(list(builtins.range(n - 1, -1, -1)), x.dtype)
    return _M.pow(_A.expand_dims(x, 1), powers)


def cdist(x1, x2, p=2.0):
    """The ``p``-norm distance between each row of ``x1`` and each row of ``x2`` (batched over leading axes)."""
    _input(x1, "cdist", "x1")
    _input(x2, "cdist", "x2")
    if x1.ndim < 2 or x1.ndim != x2.ndim or x1.shape[-1] != x2.shape[-1]:
        raise ValueError(f"For 'cdist', the inputs must have the same rank (at least 2) and last axis, but got "
                         f"{tuple(x1.shape)} and {tuple(x2.shape)}.")
    d = _M.sub(_A.expand_dims(x1, -2), _A.expand_dims(x2, -3))
    return _M.vector_norm(d, p, -1)


def pdist(input, p=2.0):
    """The ``p``-norm distance of each pair of rows ``i < j`` of a 2-D ``input``."""
    x = _input(input, "pdist")
    if x.ndim != 2:
        raise ValueError(f"For 'pdist', the input must be 2-D, but got shape {tuple(x.shape)}.")
    n = x.shape[0]
    i = [a for a in builtins.range(n) for b in builtins.range(a + 1, n)]
    j = [b for a in builtins.range(n) for b in builtins.range(a + 1, n)]
    if not i:
        return _A.zeros((0,), x.dtype)
    d = _M.sub(_A.gather(x, Tensor(i, mstype.int32), 0), _A.gather(x, Tensor(j, mstype.int32), 0))
    return _M.vector_norm(d, p, -1)


def multilabel_soft_margin_loss(input, target, weight=None, reduction='mean'):
    """``-mean_c(target * log(sigmoid(input)) + (1 - target) * log(sigmoid(-input)))`` (times ``weight``) per row,
    reduced."""
    op = "multilabel_soft_margin_loss"
    _input(input, op)
    _input(target, op, "target")
    _check_reduction(reduction, op)
    if tuple(input.shape) != tuple(target.shape):
        raise ValueError(f"For '{op}', 'input' and 'target' must have the same shape, but got {tuple(input.shape)} "
                         f"and {tuple(target.shape)}.")
    pos = _M.mul(target, logsigmoid(input))
    neg = _M.mul(_M.sub(1.0, target), logsigmoid(_M.neg(input)))
    loss = _M.neg(_M.add(pos, neg))
    if weight is not None:
        loss = _M.mul(loss, weight)
    c = input.shape[-1]
    loss = _M.div(_M.sum(loss, input.ndim - 1), c)
    return _loss(loss, reduction)


def trapz(y, x=None, *, dx=1.0, dim=-1):
    """The trapezoid-rule integral of ``y`` along ``dim``, at points ``x`` (1-D or of y's shape) or spacing ``dx``."""
    _input(y, "trapz", "y")
    n = y.shape[dim]
    hi = _A.narrow(y, dim, 1, n - 1)
    lo = _A.narrow(y, dim, 0, n - 1)
    mid = _M.div(_M.add(hi, lo), 2.0)
    if x is None:
        return _M.mul(_M.sum(mid, dim), dx)
    _input(x, "trapz", "x")
    if x.ndim == 1:
        step = _M.sub(_A.narrow(x, 0, 1, n - 1), _A.narrow(x, 0, 0, n - 1))
        d = dim % y.ndim
        step = _A.reshape(step, (n - 1,) + (1,) * (y.ndim - 1 - d))
    else:
        step = _M.sub(_A.narrow(x, dim, 1, n - 1), _A.narrow(x, dim, 0, n - 1))
    return _M.sum(_M.mul(step, mid), dim)


def matrix_band_part(x, lower, upper):
    """Keep the band of each innermost matrix: ``lower`` diagonals below and ``upper`` above (negative: all)."""
    _input(x, "matrix_band_part", "x")
    if x.ndim < 2:
        raise ValueError(f"For 'matrix_band_part', 'x' must be at least 2-D, but got shape {tuple(x.shape)}.")
    m, n = x.shape[-2], x.shape[-1]
    keep = [[(lower < 0 or i - j <= lower) and (upper < 0 or j - i <= upper) for j in builtins.range(n)] for i in builtins.range(m)]
    return _A.where(Tensor(keep, mstype.bool_), x, _A.zeros_like(x))


# ----------------------------------------------------------------------------- segments and in-place forms
unsorted_segment_max = _method("unsorted_segment_max", arg="x")
unsorted_segment_min = _method("unsorted_segment_min", arg="x")
unsorted_segment_prod = _method("unsorted_segment_prod", arg="x")


def _segment_ids(ids, x, op):
    _input(ids, op, "segment_ids")
    if kind_of(ids._data.dtype) not in "iu":
        raise TypeError(f"For '{op}', 'segment_ids' must be an integer Tensor, but got {ids.dtype}.")
    if tuple(x.shape[:ids.ndim]) != tuple(ids.shape):
        raise ValueError(f"For '{op}', the shape of 'segment_ids' {tuple(ids.shape)} must be a prefix of the shape "
                         f"of the input {tuple(x.shape)}.")


def unsorted_segment_sum(input_x, segment_ids, num_segments):
    """``out[s] = sum of input_x[i] over segment_ids[i] == s`` for ``s < num_segments`` (other ids are dropped)."""
    op = "unsorted_segment_sum"
    x = _input(input_x, op, "input_x")
    _segment_ids(segment_ids, x, op)
    if isinstance(num_segments, Tensor):
        num_segments = int(num_segments.asnumpy())
    if not isinstance(num_segments, int) or isinstance(num_segments, bool) or num_segments <= 0:
        raise ValueError(f"For '{op}', 'num_segments' must be a positive int, but got {num_segments!r}.")
    ids = _A.cast(segment_ids, mstype.int32)
    segs = _A.arange(0, num_segments, 1, dtype=mstype.int32)
    # one-hot of the ids against every segment: ids outside [0, num_segments) match no segment
    hot = _A.cast(_M.equal(_A.expand_dims(ids, -1), segs), x.dtype)          # ids.shape + (num_segments,)
    k = ids.ndim
    rest = tuple(x.shape[k:])
    n = 1
    for d in ids.shape:
        n *= d
    flat_hot = _A.reshape(hot, (n, num_segments))
    flat_x = _A.reshape(x, (n, -1))
    out = _A.matmul(_A.transpose(flat_hot, (1, 0)), flat_x)
    return _A.reshape(out, (num_segments,) + rest)


def _rows(indices, op):
    if isinstance(indices, int) and not isinstance(indices, bool):
        return [indices]
    if isinstance(indices, (list, tuple)) and all(isinstance(i, int) and not isinstance(i, bool) for i in indices):
        return list(indices)
    raise TypeError(f"For '{op}', 'indices' must be an int or a tuple of ints, but got {indices!r}.")


def _inplace(x, v, indices, op, sign):
    _input(x, op, "x")
    _input(v, op, "v")
    rows = _rows(indices, op)
    if tuple(v.shape) != (len(rows),) + tuple(x.shape[1:]):
        raise ValueError(f"For '{op}', 'v' must have the shape {(len(rows),) + tuple(x.shape[1:])} (one row per "
                         f"index), but got {tuple(v.shape)}.")
    for r in rows:
        if not -x.shape[0] <= r < x.shape[0]:
            raise ValueError(f"For '{op}', each index must be in [{-x.shape[0]}, {x.shape[0]}), but got {r}.")
    idx = Tensor([[r % x.shape[0]] for r in rows], mstype.int32)
    if sign == 0:
        if len(set(r % x.shape[0] for r in rows)) != len(rows):
            raise ValueError(f"For '{op}', 'indices' must not repeat a row, but got {indices!r}.")
        return _A.tensor_scatter_update(x, idx, v)
    return _A.tensor_scatter_add(x, idx, v if sign > 0 else _M.neg(v))


def inplace_update(x, v, indices):
    """``x`` with row ``indices[i]`` replaced by ``v[i]``."""
    return _inplace(x, v, indices, "inplace_update", 0)


def inplace_add(x, v, indices):
    """``x`` with ``v[i]`` added to row ``indices[i]`` (returned; minispore's Tensors are not written)."""
    return _inplace(x, v, indices, "inplace_add", 1)


def inplace_sub(x, v, indices):
    """``x`` with ``v[i]`` subtracted from row ``indices[i]``."""
    return _inplace(x, v, indices, "inplace_sub", -1)


def tensor_scatter_sub(input_x, indices, updates):
    """``input_x`` with ``updates`` subtracted at ``indices`` (repeated indices subtract each update)."""
    return _A.tensor_scatter_add(input_x, indices, _M.neg(_input(updates, "tensor_scatter_sub", "updates")))


def scalar_to_tensor(input_x, dtype=mstype.float32):
    if not isinstance(input_x, numbers.Number):
        raise TypeError(f"For 'scalar_to_tensor', 'input_x' must be a Number, but got {type(input_x).__name__}.")
    return Tensor(input_x, dtype)


def is_nonzero(input):
    """Whether the one element of ``input`` is not zero."""
    x = _input(input, "is_nonzero")
    if x.numel() != 1:
        raise ValueError(f"For is_nonzero, the numel of input must be 1, but got {x.numel()}.")
    return bool(_M.not_equal(_A.reshape(x, ()), 0).asnumpy())


def combinations(input, r=2, with_replacement=False):
    """The ``r``-element combinations of a 1-D ``input``, one per row (as itertools orders them)."""
    import itertools
    x = _input(input, "combinations")
    if x.ndim != 1:
        raise ValueError(f"For 'combinations', the dimension 'x' must be 1, but got {x.ndim}.")
    if not isinstance(r, int) or isinstance(r, bool) or r < 0:
        raise ValueError(f"For 'combinations', 'r' must be a non-negative int, but got {r!r}.")
    make = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    picks = list(make(builtins.range(x.shape[0]), r))
    if not picks or r == 0:
        return _A.zeros((0,) if r == 0 else (0, r), x.dtype)
    idx = Tensor([i for p in picks for i in p], mstype.int32)
    return _A.reshape(_A.gather(x, idx, 0), (len(picks), r))


# ----------------------------------------------------------------------------- ranges, adjoint, norm clipping, a multi-class margin loss
def _range_op(start, end, step, maxlen=1000000):
    """``[start, end)`` by ``step`` from Python numbers: Int64 for ints, Float32 otherwise."""
    vals = (start, end, step)
    for n, v in zip(("start", "end", "step"), vals):
        if not isinstance(v, numbers.Real) or isinstance(v, bool):
            raise TypeError(f"For Range, '{n}' must be an int or a float, but got {type(v).__name__}.")
    if step == 0:
        raise ValueError("For Range, delta cannot be equal to zero.")
    if (end - start) * step < 0:
        raise ValueError(f"For Range, 'step' must move 'start' ({start}) toward 'end' ({end}), but got {step}.")
    dtype = mstype.int64 if all(isinstance(v, int) for v in vals) else mstype.float32
    n = math.ceil((end - start) / step)
    if n > maxlen:
        raise ValueError(f"For Range, the number of elements ({n}) must not exceed 'maxlen' ({maxlen}).")
    return _A.arange(start, end, step, dtype=dtype)


def tensor_range(start, end, step):
    """``range`` from 0-D Tensors: Int64 for integer Tensors, Float32 otherwise."""
    vals = []
    for n, v in (("start", start), ("end", end), ("step", step)):
        _input(v, "tensor_range", n)
        vals.append(v.asnumpy().item())
    kinds = {kind_of(v._data.dtype) for v in (start, end, step)}
    if kinds <= set("iu"):
        vals = [int(v) for v in vals]
    else:
        vals = [float(v) for v in vals]
    return _range_op(*vals)


def adjoint(x):
    """The transpose of the two innermost axes (real Tensors; the conjugate of a complex one is not provided)."""
    _input(x, "adjoint", "x")
    if kind_of(x._data.dtype) == "c":
        raise TypeError("For 'adjoint', complex Tensors are not supported by minispore.")
    return _A.swapaxes(x, -1, -2)


def clip_by_norm(x, max_norm, norm_type=2.0, error_if_nonfinite=False):
    """Scale a Tensor (or all Tensors of a list/tuple, by their total ``norm_type``-norm) to total norm at most
    ``max_norm``: ``x * max_norm / (total + 1e-6)`` where that factor is below 1."""
    single = isinstance(x, Tensor)
    xs = [x] if single else list(x) if isinstance(x, (list, tuple)) else None
    if xs is None:
        raise TypeError(f"For clip_by_norm, 'x' must be a Tensor or a list/tuple of Tensors, but got "
                        f"{type(x).__name__}.")
    for t in xs:
        _input(t, "clip_by_norm", "x")
    if norm_type == float("inf"):
        total = functools.reduce(_M.maximum, [_M.max(_M.abs(t)) for t in xs])
    else:
        total = _M.vector_norm(_A.stack([_M.vector_norm(t, norm_type) for t in xs]), norm_type)
    if error_if_nonfinite and not bool(_M.isfinite(total).asnumpy()):
        raise _M.ValueRuntimeError(f"For clip_by_norm, the total norm of order {norm_type} from input is "
                                   f"non-finite.")
    coef = _M.div(max_norm, _M.add(total, 1e-6))
    coef = _A.where(_M.less(coef, 1.0), coef, _A.ones_like(coef))
    out = [_M.mul(t, _A.cast(coef, t.dtype)) for t in xs]
    return out[0] if single else tuple(out)


def multi_margin_loss(input, target, p=1, margin=1, weight=None, reduction='mean'):
    """``sum_{i != y} weight[y] * max(0, margin - input[y] + input[i]) ** p / C`` per row (``y = target``), reduced."""
    op = "multi_margin_loss"
    if not isinstance(margin, int) or isinstance(margin, bool):
        raise TypeError(f"For '{op}', the type of 'margin' must be int, but got {type(margin).__name__}.")
    return _multi_margin(input, target, p, margin, weight, reduction, op)


def _multi_margin(input, target, p, margin, weight, reduction, op):
    """The multi-class margin loss for any real ``margin`` (the MultiMarginLoss Primitive takes a float one)."""
    if p not in (1, 2):
        raise ValueError(f"For '{op}', 'p' must be 1 or 2, but got {p!r}.")
    x, y = _input(input, op), _input(target, op, "target")
    _check_reduction(reduction, op)
    if x.ndim != 2 or y.ndim != 1 or y.shape[0] != x.shape[0]:
        raise ValueError(f"For '{op}', 'input' must be 2-D (N, C) and 'target' 1-D (N,), but got "
                         f"{tuple(x.shape)} and {tuple(y.shape)}.")
    c = x.shape[1]
    hot = _A.one_hot(_A.cast(y, mstype.int32), c, Tensor(1.0, x.dtype), Tensor(0.0, x.dtype))
    picked = _M.sum(_M.mul(x, hot), 1, True)
    terms = _M.clamp(_M.add(_M.sub(x, picked), float(margin)), 0)
    if p == 2:
        terms = _M.square(terms)
    terms = _M.mul(terms, _M.sub(1.0, hot))
    if weight is not None:
        terms = _M.mul(terms, _A.expand_dims(_A.gather(_input(weight, op, "weight"), _A.cast(y, mstype.int32), 0),
                                             1))
    return _loss(_M.div(_M.sum(terms, 1), c), reduction)


def range(start, end, step, maxlen=1000000):  # noqa: A001 - MindSpore's name
    """``[start, end)`` by ``step`` from Python numbers: Int64 for ints, Float32 otherwise."""
    return _range_op(start, end, step, maxlen)


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
