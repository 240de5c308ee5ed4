"""MindSpore's ``mindspore.ops.operations.array_ops``: shapes, joins and splits, gathers and scatters, creation."""
from .. import function as F
from ..._core import dtype as mstype
from ._base import _MISSING, collect, prim, unary


def _dims(x):
    return tuple(x.shape)


Reshape = prim("Reshape", lambda self, x, shape: F.reshape(x, shape))
Transpose = prim("Transpose", lambda self, x, perm: F.transpose(x, perm))
ExpandDims = prim("ExpandDims", lambda self, x, axis: F.expand_dims(x, axis))
Squeeze = prim("Squeeze", lambda self, x: F.squeeze(x, self.axis if self.axis != () else None), [("axis", ())],
               shown={"axis": lambda a: (a,) if isinstance(a, int) else tuple(a)})
Flatten = prim("Flatten", lambda self, x: F.reshape(x, (x.shape[0], -1)) if x.ndim > 0 else F.reshape(x, (1, 1)))
Tile = prim("Tile", lambda self, x, multiples: F.tile(x, multiples))
BroadcastTo = prim("BroadcastTo", lambda self, x: F.broadcast_to(x, self.shape), [("shape", _MISSING)])
Concat = prim("Concat", lambda self, tensors: F.cat(tuple(tensors), self.axis), [("axis", 0)])
Stack = prim("Stack", lambda self, tensors: F.stack(tuple(tensors), self.axis), [("axis", 0)])
Pack = prim("Pack", lambda self, tensors: F.stack(tuple(tensors), self.axis), [("axis", 0)])
Unstack = prim("Unstack", lambda self, x: tuple(F.unstack(x, self.axis)), [("axis", 0), ("num", None)])
Unpack = prim("Unpack", lambda self, x: tuple(F.unstack(x, self.axis)), [("axis", 0), ("num", None)])


def _split(self, x):
    n = x.shape[self.axis]
    if n % self.output_num:
        raise ValueError(f"For 'Split', the size of axis {self.axis} ({n}) must be divisible by output_num "
                         f"({self.output_num}), but got input shape {_dims(x)}.")
    return tuple(F.split(x, n // self.output_num, self.axis))


Split = prim("Split", _split, [("axis", 0), ("output_num", 1)])
SplitV = prim("SplitV", lambda self, x: tuple(F.split(x, list(self.size_splits), self.split_dim)),
              [("size_splits", _MISSING), ("split_dim", _MISSING), ("num_split", _MISSING)])
Cast = prim("Cast", lambda self, x, dtype: F.cast(x, dtype))
Shape = prim("Shape", lambda self, x: tuple(x.shape))
TensorShape = prim("TensorShape", lambda self, x: F.tensor(list(x.shape), mstype.int64) if hasattr(F, "tensor")
                   else None)
Rank = prim("Rank", lambda self, x: x.ndim)
Size = prim("Size", lambda self, x: x.size)
DType = prim("DType", lambda self, x: x.dtype)
ZerosLike = unary("ZerosLike", F.zeros_like)
OnesLike = unary("OnesLike", F.ones_like)
Fill = prim("Fill", lambda self, dtype, shape, value: F.fill(dtype, shape, value))
Zeros = prim("Zeros", lambda self, shape, dtype: F.zeros(shape, dtype))
Ones = prim("Ones", lambda self, shape, dtype: F.ones(shape, dtype))
Eye = prim("Eye", lambda self, n, m, dtype: F.eye(n, m, dtype))
Select = prim("Select", lambda self, cond, x, y: F.where(cond, x, y))
Identity = unary("Identity", lambda x: F.identity(x))
Gather = prim("Gather", lambda self, params, indices, axis: F.gather(params, indices, axis, self.batch_dims),
              [("batch_dims", 0)])
GatherV2 = prim("GatherV2", lambda self, params, indices, axis: F.gather(params, indices, axis))
GatherD = prim("GatherD", lambda self, x, dim, index: F.gather_d(x, dim, index))
GatherNd = prim("GatherNd", lambda self, x, indices: F.gather_nd(x, indices))
ScatterNd = prim("ScatterNd", lambda self, indices, updates, shape: F.scatter_nd(indices, updates, shape))
TensorScatterUpdate = prim("TensorScatterUpdate", lambda self, x, i, u: F.tensor_scatter_update(x, i, u))
TensorScatterAdd = prim("TensorScatterAdd", lambda self, x, i, u: F.tensor_scatter_add(x, i, u))
TensorScatterElements = prim("TensorScatterElements",
                             lambda self, x, i, u: F.tensor_scatter_elements(x, i, u, self.axis, self.reduction),
                             [("axis", 0), ("reduction", "none")],
                             shown={"reduction": lambda r: {"none": 0, "add": 1}.get(r, r)})
OneHot = prim("OneHot", lambda self, indices, depth, on_value, off_value:
              F.one_hot(indices, depth, on_value, off_value, self.axis), [("axis", -1)])
MaskedFill = prim("MaskedFill", lambda self, x, mask, value: F.masked_fill(x, mask, value))
MaskedSelect = prim("MaskedSelect", lambda self, x, mask: F.masked_select(x, mask))
Sort = prim("Sort", lambda self, x: tuple(F.sort(x, self.axis, self.descending)),
            [("axis", -1), ("descending", False)])


def _topk(self, x, k):
    values, indices = F.topk(x, k, sorted=self.sorted)
    return values, F.cast(indices, mstype.int32)


TopK = prim("TopK", _topk, [("sorted", True)])
Unique = prim("Unique", lambda self, x: tuple(F.unique(x)))
Tril = prim("Tril", lambda self, x: F.tril(x, self.diagonal), [("diagonal", 0)])
Triu = prim("Triu", lambda self, x: F.triu(x, self.diagonal), [("diagonal", 0)])
Diag = unary("Diag", F.diag)
Meshgrid = prim("Meshgrid", lambda self, inputs: tuple(F.meshgrid(*inputs, indexing=self.indexing)),
                [("indexing", "xy")])
Roll = prim("Roll", lambda self, x: F.roll(x, self.shift, self.axis), [("shift", _MISSING), ("axis", _MISSING)])
ReverseV2 = prim("ReverseV2", lambda self, x: F.flip(x, tuple(self.axis)), [("axis", _MISSING)])
IndexAdd = prim("IndexAdd", lambda self, x, indices, y: F.index_add(x, indices, y, self.axis),
                [("axis", _MISSING), ("use_lock", True), ("check_index_bound", True)])
Argsort = None
del Argsort


def _slice(self, x, begin, size):
    index = tuple(slice(b, None if s == -1 else b + s) for b, s in zip(begin, size))
    return F.getitem(x, index)


Slice = prim("Slice", _slice)


def _strided_slice(self, x, begin, end, strides):
    if self.ellipsis_mask:
        raise ValueError("For 'StridedSlice', ellipsis_mask is not supported by minispore; index the Tensor with "
                         "... instead.")
    index = []
    for i, (b, e, s) in enumerate(zip(begin, end, strides)):
        bit = 1 << i
        if self.new_axis_mask & bit:
            index.append(None)
        elif self.shrink_axis_mask & bit:
            index.append(b)
        else:
            index.append(slice(None if self.begin_mask & bit else b, None if self.end_mask & bit else e, s))
    return F.getitem(x, tuple(index))


StridedSlice = prim("StridedSlice", _strided_slice,
                    [("begin_mask", 0), ("end_mask", 0), ("ellipsis_mask", 0), ("new_axis_mask", 0),
                     ("shrink_axis_mask", 0)])

from .spectral_ops import ConjugateTranspose, HammingWindow  # noqa: F401,E402

from .sort_ops import *  # noqa: F401,F403,E402

from .scatter_ops import *  # noqa: F401,F403,E402

# not yet checked against MindSpore 2.10 (no golden row): not exported
del IndexAdd, TensorShape
__all__ = collect(globals())
