"""Running extrema: the positions of ``cummax``/``cummin`` along an axis.

Only the positions are a primitive (not differentiable: integers); the values are ``GatherD`` of the input at
those positions, so the gradient of a running maximum flows to the element that is the maximum, as in MindSpore.
Ties go to the latest position (MindSpore's Cummax/Cummin: ``[1, 3, 3] -> [0, 1, 2]``).
"""
from ._base import NONDIFF, Primitive, bind, xp
from ..._core.dtype import kind_of


def _running_arg(accumulate, np_index):
    def impl(x, axis):
        if x.shape[axis] == 0:
            return xp.zeros(x.shape, np_index)
        moved = xp.moveaxis(x, axis, -1)
        running = accumulate(moved, axis=-1)
        positions = xp.arange(moved.shape[-1], dtype=np_index)
        # position i holds the running extremum when x[i] equals it; the latest such position up to j wins. A NaN
        # is an extremum from its position on (it propagates through maximum.accumulate), so it is its own index.
        hit = (moved == running) | (moved != moved)
        out = xp.maximum.accumulate(xp.where(hit, positions, np_index.type(0)), axis=-1)
        return xp.ascontiguousarray(xp.moveaxis(out, -1, axis))
    return impl


def _abstract(np_index, op):
    def abstract(x, axis):
        if not 0 <= axis < len(x.shape):
            raise ValueError(f"For '{op}', the axis {axis} is out of range for shape {tuple(x.shape)}.")
        if kind_of(x.dtype) not in "iuf":
            raise TypeError(f"For '{op}', the input must be a number tensor, but got {x.dtype}.")
        return x.shape, np_index
    return abstract


# MindSpore's kernels: Cummax gives Int64 positions, Cummin Int32
_I64, _I32 = xp.dtype(xp.int64), xp.dtype(xp.int32)
cummax_index_p = Primitive("CummaxIndex", _running_arg(xp.maximum.accumulate, _I64), 1, _abstract(_I64, "cummax"))
cummin_index_p = Primitive("CumminIndex", _running_arg(xp.minimum.accumulate, _I32), 1, _abstract(_I32, "cummin"))
cummax_index_p.def_vjp(NONDIFF)
cummin_index_p.def_vjp(NONDIFF)


def cummax_index(x, axis):
    """Where the running maximum along ``axis`` (non-negative) was taken: Int64."""
    return bind(cummax_index_p, x, axis=axis)


def cummin_index(x, axis):
    """Where the running minimum along ``axis`` (non-negative) was taken: Int32."""
    return bind(cummin_index_p, x, axis=axis)
