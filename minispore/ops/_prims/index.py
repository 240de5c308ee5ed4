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
    if indices.dtype.kind not in "iu":
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
    xp.add.at(out, (slice(None),) * axis + (indices,), dout)
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
    if x.dtype.kind in "bu":     # negating would wrap around (or fail for bool): widen first
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
    values, inverse = xp.unique(x, return_inverse=True)
    return values if part == "values" else inverse.reshape(x.shape).astype(xp.int64)


unique_p = Primitive("Unique", _unique_impl, 1, _value_dependent("unique"))
unique_p.def_vjp(NONDIFF)


def unique(x, part):
    return bind(unique_p, x, part=part)
