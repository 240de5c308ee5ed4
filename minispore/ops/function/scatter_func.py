"""Scatters that write into a Parameter (``scatter_add``, ``scatter_nd_max``, ``inplace_index_add``,
``assign_add``...), the functional scatters that multiply, divide or take extrema (``tensor_scatter_mul``...), and
the slicing and flat-index functions (``slice``, ``strided_slice``, ``take``).

A Parameter-updating function computes the new value with the functional scatters (so its checks and its errors are
theirs) and writes it into the Parameter's buffer with ``Assign`` (an effect that a compiled graph replays), then
returns the Parameter, as MindSpore's do. The ``scatter_*`` family indexes the first axis: ``updates`` has shape
``indices.shape + input_x.shape[1:]``; the ``scatter_nd_*`` family takes (..., K) indices like ``tensor_scatter_*``.
Out-of-range indices raise naming the operation (MindSpore raises RuntimeError from its kernels).
"""
import builtins

from ..._core.dtype import kind_of
from ..._core.primitive import differentiated
from ..._core.tensor import Tensor
from .. import _prims as P
from . import array_func as _A
from . import math_func as _M
from . import more_func as _more
from .math_func import _is_int, _tensor
from .state_func import assign


# ----------------------------------------------------------------------------- functional N-d scatters
def _nd_inputs(input_x, indices, updates, op):
    x = _tensor(input_x, "input_x", op)
    idx = _A._index_tensor(indices, op)
    u = _tensor(updates, "updates", op)
    _A._same_dtype(x, u, op)
    _A._nd_shapes(x.shape, idx, u, op)
    return x, idx, u


def tensor_scatter_mul(input_x, indices, updates):
    """``input_x`` with the slices at ``indices`` (..., K) multiplied by ``updates`` (repeated indices multiply
    each update in)."""
    x, idx, u = _nd_inputs(input_x, indices, updates, "TensorScatterMul")
    return P.tensor_scatter_mul(x, idx, u)


def tensor_scatter_div(input_x, indices, updates):
    """``input_x`` with the slices at ``indices`` divided by ``updates`` (an integer input: truncated)."""
    x, idx, u = _nd_inputs(input_x, indices, updates, "TensorScatterDiv")
    return P.tensor_scatter_div(x, idx, u)


def tensor_scatter_max(input_x, indices, updates):
    """``input_x`` with each slice at ``indices`` the maximum of itself and its updates."""
    x, idx, u = _nd_inputs(input_x, indices, updates, "TensorScatterMax")
    return P.tensor_scatter_max(x, idx, u)


def tensor_scatter_min(input_x, indices, updates):
    """``input_x`` with each slice at ``indices`` the minimum of itself and its updates."""
    x, idx, u = _nd_inputs(input_x, indices, updates, "TensorScatterMin")
    return P.tensor_scatter_min(x, idx, u)


# ----------------------------------------------------------------------------- writing into a Parameter
def _variable(x, op):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', 'input_x' must be a Parameter or Tensor, but got {type(x).__name__}.")
    return x


def _write(x, value, updates, op, differentiable=False):
    """Assign ``value`` to ``x`` and return ``x``. While a gradient is being taken through ``x`` or ``updates``:
    ``value`` itself where MindSpore differentiates the op (IndexAdd, InplaceIndexAdd), else their link to the
    result, whose derivative raises (MindSpore's in-place scatters have none) rather than a silent zero."""
    P.assign(x, value)
    if differentiated(x) or differentiated(updates):
        return value if differentiable else P.parameter_written(x, updates, op)
    return x


def _scatter_nd_value(x, idx, u, kind, op):
    """The new value of ``x`` (its checks name ``op``)."""
    x, idx, u = _nd_inputs(x, idx, u, op)
    if kind == "add":
        return P.add(x, P.scatter_nd(u, idx, x.shape))
    if kind == "sub":
        return P.sub(x, P.scatter_nd(u, idx, x.shape))
    if kind == "update":
        return P.scatter_nd_update(x, idx, u)
    return getattr(P, f"tensor_scatter_{kind}")(x, idx, u)


def scatter_nd_op(kind, op, input_x, indices, updates):
    """``input_x[indices] (kind)= updates`` for (..., K) ``indices``, written into ``input_x``."""
    x = _variable(input_x, op)
    u = _tensor(updates, "updates", op)
    return _write(x, _scatter_nd_value(x, _A._index_tensor(indices, op), u, kind, op), u, op)


def scatter_op(kind, op, input_x, indices, updates):
    """``input_x[indices] (kind)= updates`` along the first axis, written into ``input_x``."""
    x = _variable(input_x, op)
    idx = _A._index_tensor(indices, op)
    u = _tensor(updates, "updates", op)
    if x.ndim == 0:
        raise ValueError(f"For '{op}', 'input_x' must have at least one dimension, but got a 0-d tensor.")
    expected = tuple(idx.shape) + tuple(x.shape[1:])
    if tuple(u.shape) != expected:
        raise ValueError(f"For '{op}', updates_shape = indices_shape + input_x_shape[1:] = {expected}, but got "
                         f"input_x_shape: {tuple(x.shape)}, indices_shape: {tuple(idx.shape)}, updates_shape: "
                         f"{tuple(u.shape)}.")
    nd = P.reshape(P.check_range(idx, x.shape[0], op), tuple(idx.shape) + (1,))
    return _write(x, _scatter_nd_value(x, nd, u, kind, op), u, op)


def scatter_add(input_x, indices, updates):
    return scatter_op("add", "ScatterAdd", input_x, indices, updates)


def scatter_mul(input_x, indices, updates):
    return scatter_op("mul", "ScatterMul", input_x, indices, updates)


def scatter_div(input_x, indices, updates):
    return scatter_op("div", "ScatterDiv", input_x, indices, updates)


def scatter_max(input_x, indices, updates):
    return scatter_op("max", "ScatterMax", input_x, indices, updates)


def scatter_min(input_x, indices, updates):
    return scatter_op("min", "ScatterMin", input_x, indices, updates)


def scatter_update(input_x, indices, updates):
    """Rows ``indices`` of ``input_x`` replaced by ``updates`` (of repeated indices, the last wins)."""
    return scatter_op("update", "ScatterUpdate", input_x, indices, updates)


def scatter_nd_add(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("add", "ScatterNdAdd", input_x, indices, updates)


def scatter_nd_sub(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("sub", "ScatterNdSub", input_x, indices, updates)


def scatter_nd_mul(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("mul", "ScatterNdMul", input_x, indices, updates)


def scatter_nd_div(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("div", "ScatterNdDiv", input_x, indices, updates)


def scatter_nd_max(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("max", "ScatterNdMax", input_x, indices, updates)


def scatter_nd_min(input_x, indices, updates, use_locking=False):
    return scatter_nd_op("min", "ScatterNdMin", input_x, indices, updates)


def scatter_nd_update(input_x, indices, updates, use_locking=True):
    return scatter_nd_op("update", "ScatterNdUpdate", input_x, indices, updates)


def inplace_index_add(var, indices, updates, axis):
    """``var`` with the slices of ``updates`` added at the 1-D ``indices`` of ``axis``, written into ``var``."""
    u = _tensor(updates, "updates", "inplace_index_add")
    return _write(_variable(var, "inplace_index_add"), _A.index_add(var, indices, u, axis), u, "inplace_index_add",
                  differentiable=True)


def assign_add(variable, value):
    """``variable += value``, written into ``variable``; returns it."""
    v = _variable(variable, "assign_add")
    return assign(v, _M.add(v, value))


def assign_sub(variable, value):
    """``variable -= value``, written into ``variable``; returns it."""
    v = _variable(variable, "assign_sub")
    return assign(v, _M.sub(v, value))


def inplace_update_v2(x, indices, v):
    """``x`` with row ``indices[i]`` replaced by ``v[i]`` (``indices`` an int, a tuple of ints or an integer
    Tensor); returned, ``x`` is left as it is."""
    op = "InplaceUpdateV2"
    if not isinstance(indices, Tensor):
        return _more.inplace_update(x, v, indices)
    xt, vt = _tensor(x, "x", op), _tensor(v, "v", op)
    idx = _A._index_tensor(indices, op)
    _A._same_dtype(xt, vt, op, "v")
    rows = P.reshape(idx, (idx._data.size,))
    expected = (rows.shape[0],) + tuple(xt.shape[1:])
    if tuple(vt.shape) != expected:
        raise ValueError(f"For '{op}', 'v' must have the shape {expected} (one row per index), but got "
                         f"{tuple(vt.shape)}.")
    rows = P.check_range(rows, xt.shape[0], op)
    return _A.tensor_scatter_update(xt, P.reshape(rows, expected[:1] + (1,)), vt)


# ----------------------------------------------------------------------------- slicing and flat indices
def _ints(v, name, op):
    if isinstance(v, Tensor):
        v = v.tolist()
    if not isinstance(v, (tuple, list)) or not all(_is_int(i) for i in v):
        raise TypeError(f"For '{op}', '{name}' must be a tuple of ints, but got {v!r}.")
    return tuple(int(i) for i in v)


def slice(input_x, begin, size):  # noqa: A001  (MindSpore's name)
    """The block of ``input_x`` that starts at ``begin`` and has ``size`` (-1: to the end) in each dimension."""
    op = "slice"
    x = _tensor(input_x, "input_x", op)
    begin, size = _ints(begin, "begin", op), _ints(size, "size", op)
    if len(begin) != x.ndim or len(size) != x.ndim:
        raise ValueError(f"For '{op}', 'begin' and 'size' must have one entry per dimension of the input of shape "
                         f"{tuple(x.shape)}, but got begin {begin} and size {size}.")
    for b, s, n in zip(begin, size, x.shape):
        if not 0 <= b <= n or s < -1 or (s != -1 and b + s > n):
            raise ValueError(f"For '{op}', the block begin {begin}, size {size} does not fit in the input of shape "
                             f"{tuple(x.shape)}.")
    return _A.getitem(x, tuple(builtins.slice(b, None if s == -1 else b + s) for b, s in zip(begin, size)))


def tensor_slice(input, begin, size):
    """``slice`` (MindSpore's name for the Slice primitive's functional form)."""
    return slice(input, begin, size)


def strided_slice(input_x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
                  shrink_axis_mask=0):
    """``input_x[begin[0]:end[0]:strides[0], ...]``; bit i of a mask: ``begin_mask`` starts dimension i at its
    beginning, ``end_mask`` ends it at its end, ``new_axis_mask`` inserts a dimension, ``shrink_axis_mask`` takes
    the single index ``begin[i]``."""
    op = "strided_slice"
    x = _tensor(input_x, "input_x", op)
    begin, end, strides = _ints(begin, "begin", op), _ints(end, "end", op), _ints(strides, "strides", op)
    if not len(begin) == len(end) == len(strides):
        raise ValueError(f"For '{op}', 'begin', 'end' and 'strides' must have one length, but got {begin}, {end} "
                         f"and {strides}.")
    if 0 in strides:
        raise ValueError(f"For '{op}', the strides must not be 0, but got {strides}.")
    if ellipsis_mask:
        raise ValueError(f"For '{op}', ellipsis_mask is not supported by minispore; index the Tensor with ... "
                         f"instead.")
    index = []
    for i, (b, e, s) in enumerate(zip(begin, end, strides)):
        bit = 1 << i
        if new_axis_mask & bit:
            index.append(None)
        elif shrink_axis_mask & bit:
            index.append(b)
        else:
            index.append(builtins.slice(None if begin_mask & bit else b, None if end_mask & bit else e, s))
    return _A.getitem(x, tuple(index))


def take(input, index):
    """The elements of the flattened ``input`` at ``index`` (an integer tensor; the result has its shape).

    MindSpore 2.10's CPU build has no Take kernel (RuntimeError); minispore computes it."""
    x = _tensor(input, "input", "take")
    idx = _A._index_tensor(index, "take")
    return P.gather(P.reshape(x, (x._data.size,)), P.check_range(idx, x._data.size, "take"), 0)


def embedding_lookup(input_params, input_indices, offset):
    """Rows ``input_indices - offset`` of ``input_params``; an index outside the table gives a row of zeros (the
    ``EmbeddingLookup`` primitive's rule)."""
    op = "EmbeddingLookup"
    table = _tensor(input_params, "input_params", op)
    idx = _A._index_tensor(input_indices, op)
    if not _is_int(offset):
        raise TypeError(f"For '{op}', 'offset' must be an int, but got {type(offset).__name__}.")
    shifted = _M.sub(idx, int(offset))
    inside = _M.logical_and(_M.ge(shifted, 0), _M.lt(shifted, table.shape[0]))
    rows = _A.gather(table, _A.where(inside, shifted, _A.zeros_like(shifted)), 0)
    keep = _A.reshape(inside, tuple(inside.shape) + (1,) * (table.ndim - 1))
    return _A.where(_A.broadcast_to(keep, rows.shape), rows, _A.zeros_like(rows))


def index_put(x1, x2, indices, accumulate=False):
    """``x1`` with ``x1[indices] = x2`` (``accumulate``: added, repeated positions accumulate); ``indices`` a tuple
    of 1-D integer tensors, one per leading dimension indexed."""
    op = "IndexPut"
    x = _tensor(x1, "x1", op)
    v = _tensor(x2, "x2", op)
    _A._same_dtype(x, v, op, "x2")
    if not isinstance(indices, (tuple, list)) or not indices or len(indices) > x.ndim:
        raise ValueError(f"For '{op}', 'indices' must be a non-empty tuple of at most {x.ndim} index tensors, but "
                         f"got {indices!r}.")
    idx = [_A._index_tensor(i, op) for i in indices]
    n = builtins.max(i.shape[0] if i.ndim else 1 for i in idx)
    cols = []
    for i in idx:
        if i.ndim > 1 or (i.ndim == 1 and i.shape[0] not in (1, n)):
            raise ValueError(f"For '{op}', each index tensor must be 1-D of length 1 or {n}, but got shape "
                             f"{tuple(i.shape)}.")
        cols.append(_A.broadcast_to(_A.reshape(P.cast(i, _A.mstype.int64.np_dtype), (1,)) if i.ndim == 0 or
                                    i.shape[0] == 1 else P.cast(i, _A.mstype.int64.np_dtype), (n,)))
    nd = _A.stack(cols, 1)
    target = (n,) + tuple(x.shape[len(idx):])
    try:
        v = _A.broadcast_to(v, target)
    except (ValueError, TypeError):
        raise ValueError(f"For '{op}', x2 of shape {tuple(v.shape)} cannot be broadcast to the {target} selected "
                         f"by the indices.") from None
    return _A.tensor_scatter_add(x, nd, v) if accumulate else _A.tensor_scatter_update(x, nd, v)


def masked_scatter(input, mask, updates):
    """``input`` with its elements where ``mask`` is True replaced, in order, by the first elements of
    ``updates``."""
    op = "MaskedScatter"
    x = _tensor(input, "input", op)
    m = _tensor(mask, "mask", op)
    u = _tensor(updates, "updates", op)
    if kind_of(m._data.dtype) != "b":
        raise TypeError(f"For '{op}', the mask must be a bool Tensor, but got {m.dtype}.")
    _A._same_dtype(x, u, op)
    if m._trace is None and int(_A.broadcast_to(m, x.shape).asnumpy().sum()) > u._data.size:
        raise ValueError(f"For '{op}', the mask selects {int(_A.broadcast_to(m, x.shape).asnumpy().sum())} "
                         f"elements, but the updates have only {u._data.size}.")
    return x.masked_scatter(m, u)


__all__ = ["tensor_scatter_mul", "tensor_scatter_div", "tensor_scatter_max", "tensor_scatter_min",
           "scatter_add", "scatter_mul", "scatter_div", "scatter_max", "scatter_min", "scatter_update",
           "scatter_nd_add", "scatter_nd_sub", "scatter_nd_mul", "scatter_nd_div", "scatter_nd_max", "scatter_nd_min",
           "scatter_nd_update", "inplace_index_add", "assign_add", "assign_sub", "tensor_slice",
           "strided_slice", "take", "slice"]
# ``slice`` shadows the builtin in the modules that star-import the functions (ops/functional.py): they write
# ``builtins.slice``
