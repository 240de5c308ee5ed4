"""Indexing primitives: ``x[index]`` and its scatter-add, functional assignment, gathers along an axis, one-hot,
sorting orders, and the range checks that keep out-of-range indices and labels from giving silent answers.

An index given as a parameter (``getitem``) is host metadata, fixed when a graph is traced; indices given as a
tensor input (``gather``, ``take_along_axis``) are read at every call.
"""
from ..._core import backend
from ..._core import shapes
from ..._core.errors import IndexOutOfRangeError, LabelOutOfRangeError, TracerValueError
from ._base import NONDIFF, Primitive, _literal, bind, xp
from .elementwise import zeros_like
from .shape import sum_to
from ..._core.dtype import kind_of


# ----------------------------------------------------------------------------- x[index]
def _getitem_impl(x, index):
    out = x[index]
    # a basic index gives a view; copy so that writing into either tensor never changes the other
    return out.copy() if isinstance(out, backend.ndarray) and out.base is not None else backend.asarray(out)


getitem_p = Primitive("Getitem", _getitem_impl, 1,
                      lambda x, index: (shapes.index_shape(x.shape, index, "getitem"), x.dtype))


def getitem(x, index):
    """``index`` is a NumPy index (ints, slices, None, Ellipsis, integer or boolean host arrays)."""
    return bind(getitem_p, x, index=index)


def _index_add_impl(dout, index, shape):
    out = backend.xp.zeros(shape, dout.dtype)
    xp.add.at(out, index, dout)
    return out


index_add_p = Primitive("GetitemGrad", _index_add_impl, 1, lambda dout, index, shape: (tuple(shape), dout.dtype))


def index_add_zeros(dout, index, shape):
    """Zeros of ``shape`` with ``dout`` added at ``index`` (repeated indices accumulate)."""
    return bind(index_add_p, dout, index=index, shape=shape)


getitem_p.def_vjp(lambda dout, out, x, index: index_add_zeros(dout, index, x._data.shape))
index_add_p.def_vjp(lambda ddout, out, dout, index, shape: getitem(ddout, index))


def _setitem_impl(x, value, index):
    out = x.copy()
    out[index] = value
    return out


def _setitem_abstract(x, value, index):
    target = shapes.index_shape(x.shape, index, "setitem")
    if shapes.broadcast_shapes(value.shape, target, op="setitem") != target:
        raise ValueError(f"For 'setitem', cannot assign a value of shape {tuple(value.shape)} to the selection of "
                         f"shape {target} of a tensor of shape {tuple(x.shape)}.")
    return x.shape, x.dtype


setitem_p = Primitive("TensorScatterUpdate", _setitem_impl, 2, _setitem_abstract)


def setitem(x, value, index):
    """A copy of ``x`` with ``x[index] = value`` (functional, so it can be differentiated)."""
    return bind(setitem_p, x, value, index=index)


setitem_p.def_vjp(lambda dout, out, x, value, index: setitem(dout, zeros_like(value), index),
                  lambda dout, out, x, value, index: sum_to(getitem(dout, index), value._data.shape))


# ----------------------------------------------------------------------------- gathers with tensor indices
def _check_indices(indices, n, op):
    if indices.size:
        low, high = indices.min(), indices.max()
        if high >= n or low < -n:
            bad = int(high) if high >= n else int(low)
            raise IndexOutOfRangeError(f"For '{op}', the indices must be in [{-n}, {n}), but got {bad}.")


def _gather_impl(x, indices, axis):
    _check_indices(indices, x.shape[axis], "Gather")
    return xp.take(x, indices, axis=axis)


def _gather_abstract(x, indices, axis):
    if kind_of(indices.dtype) not in "iu":
        raise TypeError(f"For 'Gather', the indices must be integers, but got {indices.dtype}.")
    return x.shape[:axis] + tuple(indices.shape) + x.shape[axis + 1:], x.dtype


gather_p = Primitive("Gather", _gather_impl, 2, _gather_abstract)


def gather(x, indices, axis):
    """Slices ``indices`` (an integer tensor, read at every call of a compiled graph) along ``axis``."""
    return bind(gather_p, x, indices, axis=axis)


def take(x, indices, axis):
    """``gather`` with host integer indices fixed by the caller (a constant of the graph)."""
    return bind(gather_p, x, _literal(backend.asarray(indices)), axis=axis)


def _gather_grad_impl(dout, indices, axis, shape):
    out = backend.xp.zeros(shape, dout.dtype)
    idx = xp.where(indices < 0, indices + shape[axis], indices) if indices.size and indices.min() < 0 else indices
    where = (slice(None),) * axis + (idx,)
    ordered = xp.sort(idx, axis=None)
    if (ordered[1:] != ordered[:-1]).all():     # no index repeats (a permutation, a selection): a plain scatter
        out[where] = dout
    else:
        xp.add.at(out, where, dout)
    return out


gather_grad_p = Primitive("GatherGrad", _gather_grad_impl, 2,
                          lambda dout, indices, axis, shape: (tuple(shape), dout.dtype))
gather_p.def_vjp(lambda dout, out, x, indices, axis:
                 bind(gather_grad_p, dout, indices, axis=axis, shape=x._data.shape), NONDIFF)
gather_grad_p.def_vjp(lambda ddout, out, dout, indices, axis, shape: gather(ddout, indices, axis), NONDIFF)


def _along_impl(x, indices, axis):
    _check_indices(indices, x.shape[axis], "GatherD")
    return xp.take_along_axis(x, indices, axis=axis)


def _along_abstract(x, indices, axis):
    if len(indices.shape) != len(x.shape):
        raise ValueError(f"For 'GatherD', the index must have the rank of the input ({len(x.shape)}), but got "
                         f"shape {tuple(indices.shape)}.")
    return tuple(indices.shape), x.dtype


take_along_p = Primitive("GatherD", _along_impl, 2, _along_abstract)


def take_along_axis(x, indices, axis):
    return bind(take_along_p, x, indices, axis=axis)


def _along_grad_impl(dout, indices, axis, shape):
    out = backend.xp.zeros(shape, dout.dtype)
    idx = list(xp.ix_(*[xp.arange(n) for n in indices.shape]))
    idx[axis] = indices
    xp.add.at(out, tuple(idx), dout)
    return out


take_along_grad_p = Primitive("GatherDGrad", _along_grad_impl, 2,
                              lambda dout, indices, axis, shape: (tuple(shape), dout.dtype))
take_along_p.def_vjp(lambda dout, out, x, indices, axis:
                     bind(take_along_grad_p, dout, indices, axis=axis, shape=x._data.shape), NONDIFF)
take_along_grad_p.def_vjp(lambda ddout, out, dout, indices, axis, shape: take_along_axis(ddout, indices, axis),
                          NONDIFF)


# ----------------------------------------------------------------------------- checks
def _check_labels_impl(target, num_classes, ignore_index, op):
    if target.size:
        bad = (target != ignore_index) & ((target < 0) | (target >= num_classes))
        if bad.any():
            value = int(target[bad].flat[0])
            raise LabelOutOfRangeError(f"For '{op}', the target values must be in [0, {num_classes}) or equal "
                                       f"ignore_index ({ignore_index}), but got {value}.")
    return target


check_labels_p = Primitive("CheckLabels", _check_labels_impl, 1,
                           lambda target, num_classes, ignore_index, op: (target.shape, target.dtype))
check_labels_p.def_vjp(NONDIFF)


def check_labels(target, num_classes, ignore_index, op):
    """``target`` after checking that every class index is in range (or ignored): an error at the call, also
    when a compiled graph runs, instead of a label that silently counts as another class."""
    return bind(check_labels_p, target, num_classes=num_classes, ignore_index=ignore_index, op=op)


# ----------------------------------------------------------------------------- one-hot and orders
def _one_hot_impl(indices, on, off, depth, axis):
    hot = indices[..., None] == xp.arange(depth)
    out = xp.where(hot, on, off)
    return xp.ascontiguousarray(xp.moveaxis(out, -1, axis)) if axis not in (-1, indices.ndim) else out


def _one_hot_abstract(indices, on, off, depth, axis):
    shape = list(indices.shape)
    shape.insert(len(shape) if axis == -1 else axis, depth)
    return tuple(shape), on.dtype


one_hot_p = Primitive("OneHot", _one_hot_impl, 3, _one_hot_abstract)
one_hot_p.def_vjp(NONDIFF, NONDIFF, NONDIFF)      # MindSpore's OneHot has no gradient


def one_hot(indices, on, off, depth, axis):
    """Ids outside [0, depth) give a row of ``off`` (MindSpore's OneHot)."""
    return bind(one_hot_p, indices, on, off, depth=depth, axis=axis)


def _argsort_impl(x, axis, descending):
    """Stable sorting indices along ``axis``; descending order keeps ties in their original order."""
    if not descending:
        return xp.argsort(x, axis=axis, kind="stable")
    if kind_of(x.dtype) in "bu":     # negating would wrap around (or fail for bool): widen first
        x = x.astype(xp.int64 if x.dtype.itemsize < 8 else xp.float64)
    return xp.argsort(-x, axis=axis, kind="stable")


argsort_p = Primitive("Argsort", _argsort_impl, 1, lambda x, axis, descending: (x.shape, xp.dtype(xp.int64)))
argsort_p.def_vjp(NONDIFF)


def argsort(x, axis, descending=False):
    return bind(argsort_p, x, axis=axis, descending=descending)


# ----------------------------------------------------------------------------- value-dependent shapes
def _value_dependent(name):
    def abstract(*args, **params):
        raise TracerValueError(f"'{name}', whose output shape depends on the values,")
    return abstract


nonzero_p = Primitive("NonZero", lambda x: xp.stack(xp.nonzero(x), axis=1).astype(xp.int64), 1,
                      _value_dependent("nonzero"))
nonzero_p.def_vjp(NONDIFF)


def nonzero(x):
    """(count, ndim) indices of the non-zero elements."""
    return bind(nonzero_p, x)


def _unique_impl(x, part):
    """Of the flattened ``x``: where each distinct value first appears, in that order (``part="first"``: MindSpore's
    CPU kernel orders the values so), or each element's position among the distinct values (``"inverse"``)."""
    flat = x.reshape(-1)
    _, first, inverse = xp.unique(flat, return_index=True, return_inverse=True)
    order = xp.argsort(first, kind="stable")
    if part == "first":
        return first[order].astype(xp.int64)
    rank = xp.empty_like(order)
    rank[order] = xp.arange(order.size)
    # Int64 positions for an Int64 input, Int32 otherwise (MindSpore's Unique)
    return rank[inverse.reshape(x.shape)].astype(xp.int64 if x.dtype == xp.int64 else xp.int32)


unique_p = Primitive("Unique", _unique_impl, 1, _value_dependent("unique"))
unique_p.def_vjp(NONDIFF)       # integer positions: the values are a Gather at them (ops.unique)


def unique(x, part):
    return bind(unique_p, x, part=part)


# ----------------------------------------------------------------------------- range checks of index tensors
def _check_range_impl(indices, n, op):
    _check_indices(indices, n, op)
    return indices


check_range_p = Primitive("CheckIndexRange", _check_range_impl, 1,
                          lambda indices, n, op: (indices.shape, indices.dtype))
check_range_p.def_vjp(NONDIFF)


def check_range(indices, n, op):
    """``indices`` after checking that each lies in [-n, n): an error naming ``op`` at the call, also when a
    compiled graph runs (NumPy would wrap some and fail on others with its own message)."""
    return bind(check_range_p, indices, n=n, op=op)


# ----------------------------------------------------------------------------- N-d gathers and scatters
def _nd_index(indices, shape, op):
    """The NumPy index of ``indices`` (..., K) into the first K dimensions of ``shape``, after a range check."""
    k = indices.shape[-1]
    if indices.size:
        bound = backend.asarray(shape[:k], indices.dtype)
        bad = (indices >= bound) | (indices < -bound)
        if bad.any():
            pos = tuple(int(i) for i in xp.argwhere(bad)[0])
            raise IndexOutOfRangeError(f"For '{op}', the index {indices[pos[:-1]].tolist()} is out of range for the "
                                       f"first {k} dimensions {tuple(shape[:k])} of shape {tuple(shape)}.")
    return tuple(indices[..., i] for i in range(k))


def _nd_abstract_check(x_shape, indices, updates_shape, op):
    k = indices.shape[-1] if len(indices.shape) else None
    if kind_of(indices.dtype) not in "iu":
        raise TypeError(f"For '{op}', the indices must be integers, but got {indices.dtype}.")
    if k is None or k > len(x_shape):
        raise ValueError(f"For '{op}', the last dimension of the indices (shape {tuple(indices.shape)}) must be at "
                         f"most the rank {len(x_shape)} of shape {tuple(x_shape)}.")
    expected = tuple(indices.shape[:-1]) + tuple(x_shape[k:])
    if updates_shape is not None and tuple(updates_shape) != expected:
        raise ValueError(f"For '{op}', the updates must have shape indices.shape[:-1] + shape[indices.shape[-1]:] = "
                         f"{expected}, but got {tuple(updates_shape)} (indices {tuple(indices.shape)}, shape "
                         f"{tuple(x_shape)}).")
    return expected


def _gather_nd_impl(x, indices):
    return x[_nd_index(indices, x.shape, "GatherNd")]


gather_nd_p = Primitive("GatherNd", _gather_nd_impl, 2,
                        lambda x, indices: (_nd_abstract_check(x.shape, indices, None, "GatherNd"), x.dtype))


def gather_nd(x, indices):
    """``x[indices[..., 0], ..., indices[..., K-1]]``: slices of ``x`` at the (..., K) integer ``indices``."""
    return bind(gather_nd_p, x, indices)


def _scatter_nd_impl(updates, indices, shape):
    out = backend.xp.zeros(shape, updates.dtype)
    xp.add.at(out, _nd_index(indices, shape, "ScatterNd"), updates)
    return out


def _scatter_nd_abstract(updates, indices, shape):
    _nd_abstract_check(shape, indices, updates.shape, "ScatterNd")
    return tuple(shape), updates.dtype


scatter_nd_p = Primitive("ScatterNd", _scatter_nd_impl, 2, _scatter_nd_abstract)


def scatter_nd(updates, indices, shape):
    """Zeros of ``shape`` with ``updates`` added at ``indices`` (repeated indices accumulate)."""
    return bind(scatter_nd_p, updates, indices, shape=tuple(shape))


gather_nd_p.def_vjp(lambda dout, out, x, indices: scatter_nd(dout, indices, x._data.shape), NONDIFF)
scatter_nd_p.def_vjp(lambda ddout, out, updates, indices, shape: gather_nd(ddout, indices), NONDIFF)


def _scatter_nd_update_impl(x, updates, indices):
    out = x.copy()
    out[_nd_index(indices, x.shape, "TensorScatterUpdate")] = updates     # repeated indices: the last one wins
    return out


def _scatter_nd_update_abstract(x, updates, indices):
    _nd_abstract_check(x.shape, indices, updates.shape, "TensorScatterUpdate")
    return x.shape, x.dtype


scatter_nd_update_p = Primitive("ScatterNdUpdate", _scatter_nd_update_impl, 3, _scatter_nd_update_abstract)


def scatter_nd_update(x, indices, updates):
    """A copy of ``x`` with the slices at ``indices`` replaced by ``updates``."""
    return bind(scatter_nd_update_p, x, updates, indices)


scatter_nd_update_p.def_vjp(
    lambda dout, out, x, updates, indices: scatter_nd_update(dout, indices, zeros_like(updates)),
    lambda dout, out, x, updates, indices: gather_nd(dout, indices),
    NONDIFF)


def _elements_index(indices, axis):
    idx = list(xp.ix_(*[xp.arange(n) for n in indices.shape]))
    idx[axis] = indices
    return tuple(idx)


def _scatter_elements_impl(x, updates, indices, axis):
    _check_indices(indices, x.shape[axis], "TensorScatterElements")
    out = x.copy()
    out[_elements_index(indices, axis)] = updates
    return out


def _scatter_elements_abstract(x, updates, indices, axis):
    if kind_of(indices.dtype) not in "iu":
        raise TypeError(f"For 'TensorScatterElements', the indices must be integers, but got {indices.dtype}.")
    if tuple(indices.shape) != tuple(updates.shape) or len(indices.shape) != len(x.shape):
        raise ValueError(f"For 'TensorScatterElements', the indices and the updates must have one shape of the "
                         f"input's rank ({len(x.shape)}), but got indices {tuple(indices.shape)} and updates "
                         f"{tuple(updates.shape)} for an input of shape {tuple(x.shape)}.")
    if any(i != axis and e > n for i, (e, n) in enumerate(zip(indices.shape, x.shape))):
        raise ValueError(f"For 'TensorScatterElements', the indices of shape {tuple(indices.shape)} must not be "
                         f"larger than the input of shape {tuple(x.shape)} outside axis {axis}.")
    return x.shape, x.dtype


scatter_elements_p = Primitive("TensorScatterElements", _scatter_elements_impl, 3, _scatter_elements_abstract)


def scatter_elements(x, indices, updates, axis):
    """A copy of ``x`` with ``x[..., indices[i, j], ...] = updates[i, j]`` along ``axis`` (the last of repeated
    positions wins)."""
    return bind(scatter_elements_p, x, updates, indices, axis=axis)


scatter_elements_p.def_vjp(
    lambda dout, out, x, updates, indices, axis: scatter_elements(dout, indices, zeros_like(updates), axis),
    lambda dout, out, x, updates, indices, axis: take_along_axis(dout, indices, axis),
    NONDIFF)


def scatter_add_elements(updates, indices, axis, shape):
    """Zeros of ``shape`` with ``updates`` added at ``indices`` along ``axis`` (GatherD's adjoint)."""
    return bind(take_along_grad_p, updates, indices, axis=axis, shape=tuple(shape))


def index_add_along(updates, indices, axis, shape):
    """Zeros of ``shape`` with the slices of ``updates`` added at the 1-D ``indices`` of ``axis`` (Gather's
    adjoint)."""
    return bind(gather_grad_p, updates, indices, axis=axis, shape=tuple(shape))
