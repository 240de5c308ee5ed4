"""MindSpore's scatter, in-place and indexing Primitive classes (``P.ScatterAdd()``, ``P.TensorScatterMax()``,
``P.InplaceUpdateV2()``, ``P.EmbeddingLookup()``...), each a thin call of the functional op
(ops/function/scatter_func.py and array_func.py). Those that write into their first input (a Parameter) record
``side_effect_mem=True``, as MindSpore's do. ``array_ops`` re-exports the array ones, ``math_ops`` ``MATH_OPS``.
"""
from .. import function as F
from ..function import scatter_func as S
from ._base import _MISSING, prim

_MEM = (("side_effect_mem", True),)


def _scatter(name, fn, use_locking=False):
    return prim(name, lambda self, input_x, indices, updates: fn(input_x, indices, updates),
                [("use_locking", use_locking)], hidden=_MEM)


# ----------------------------------------------------------------------------- writing into a Parameter
ScatterAdd = _scatter("ScatterAdd", S.scatter_add)
ScatterSub = _scatter("ScatterSub", lambda x, i, u: S.scatter_op("sub", "ScatterSub", x, i, u))
ScatterMul = _scatter("ScatterMul", S.scatter_mul)
ScatterDiv = _scatter("ScatterDiv", S.scatter_div)
ScatterMax = _scatter("ScatterMax", S.scatter_max)
ScatterMin = _scatter("ScatterMin", S.scatter_min)
ScatterUpdate = _scatter("ScatterUpdate", S.scatter_update, use_locking=True)
ScatterNdAdd = _scatter("ScatterNdAdd", S.scatter_nd_add)
ScatterNdSub = _scatter("ScatterNdSub", S.scatter_nd_sub)
ScatterNdMul = _scatter("ScatterNdMul", S.scatter_nd_mul)
ScatterNdDiv = _scatter("ScatterNdDiv", S.scatter_nd_div)
ScatterNdMax = _scatter("ScatterNdMax", S.scatter_nd_max)
ScatterNdMin = _scatter("ScatterNdMin", S.scatter_nd_min)
ScatterNdUpdate = _scatter("ScatterNdUpdate", S.scatter_nd_update, use_locking=True)
# (MindSpore 2.10's CPU build has no ScatterNonAliasingAdd kernel; minispore computes it: ScatterNdAdd)
ScatterNonAliasingAdd = prim("ScatterNonAliasingAdd", lambda self, input_x, indices, updates:
                             S.scatter_nd_op("add", "ScatterNonAliasingAdd", input_x, indices, updates), hidden=_MEM)
InplaceIndexAdd = prim("InplaceIndexAdd", lambda self, var, indices, updates:
                       S.inplace_index_add(var, indices, updates, self.axis), [("axis", _MISSING)], hidden=_MEM)
IndexAdd = prim("IndexAdd", lambda self, input_x, indices, y:
                S._write(S._variable(input_x, "IndexAdd"),
                         F.index_add(input_x, indices, y, self.axis, self.use_lock, self.check_index_bound), y,
                         "IndexAdd", differentiable=True),
                [("axis", _MISSING), ("use_lock", True), ("check_index_bound", True)], hidden=_MEM)

# ----------------------------------------------------------------------------- functional scatters
TensorScatterMul = prim("TensorScatterMul", lambda self, x, indices, updates: F.tensor_scatter_mul(x, indices, updates))
TensorScatterDiv = prim("TensorScatterDiv", lambda self, x, indices, updates: F.tensor_scatter_div(x, indices, updates))
TensorScatterMax = prim("TensorScatterMax", lambda self, x, indices, updates: F.tensor_scatter_max(x, indices, updates))
TensorScatterMin = prim("TensorScatterMin", lambda self, x, indices, updates: F.tensor_scatter_min(x, indices, updates))
TensorScatterSub = prim("TensorScatterSub", lambda self, x, indices, updates: F.tensor_scatter_sub(x, indices, updates))
ScatterAddWithAxis = prim("ScatterAddWithAxis", lambda self, x, indices, updates:
                          F.tensor_scatter_elements(x, indices, updates, self.axis, "add"), [("axis", 0)])

_TensorScatterElements = prim("TensorScatterElements", lambda self, x, indices, updates:
                              F.tensor_scatter_elements(x, indices, updates, self.axis, self.reduction),
                              [("axis", 0), ("reduction", "none")])


class TensorScatterElements(_TensorScatterElements):
    """MindSpore records ``reduction`` as the attribute ``reduce``: 0 for 'none', 1 for 'add'."""

    def __init__(self, axis=0, reduction="none"):
        super().__init__(axis, reduction)
        if reduction not in ("none", "add"):
            raise ValueError(f"For 'TensorScatterElements', 'reduction' must be 'none' or 'add', but got "
                             f"{reduction!r}.")
        del self.attrs["reduction"]
        self.attrs["reduce"] = {"none": 0, "add": 1}[reduction]


TensorScatterElements.__name__ = TensorScatterElements.__qualname__ = "TensorScatterElements"

# ----------------------------------------------------------------------------- out of place, by rows
InplaceAdd = prim("InplaceAdd", lambda self, x, v: F.inplace_add(x, v, self.indices), [("indices", _MISSING)])
InplaceSub = prim("InplaceSub", lambda self, x, v: F.inplace_sub(x, v, self.indices), [("indices", _MISSING)])
InplaceUpdate = prim("InplaceUpdate", lambda self, x, v: F.inplace_update(x, v, self.indices),
                     [("indices", _MISSING)])
InplaceUpdateV2 = prim("InplaceUpdateV2", lambda self, x, indices, v: S.inplace_update_v2(x, indices, v))

# ----------------------------------------------------------------------------- indexing
IndexFill = prim("IndexFill", lambda self, x, dim, index, value: F.index_fill(x, dim, index, value))
IndexPut = prim("IndexPut", lambda self, x1, x2, indices: S.index_put(x1, x2, indices, bool(self.accumulate)),
                [("accumulate", 0)])
MaskedScatter = prim("MaskedScatter", lambda self, x, mask, updates: S.masked_scatter(x, mask, updates))
# (MindSpore 2.10 demands the batch_dims input; minispore defaults it to 0)
GatherV2 = prim("GatherV2", lambda self, params, indices, axis, batch_dims=0:
                F.gather(params, indices, axis, batch_dims), hidden=(("batch_dims", 0),))
# (MindSpore 2.10's CPU build has no SparseGatherV2 kernel; minispore computes it: Gather)
SparseGatherV2 = prim("SparseGatherV2", lambda self, params, indices, axis: F.gather(params, indices, axis),
                      hidden=(("bprop_return_sparse", True),))
EmbeddingLookup = prim("EmbeddingLookup", lambda self, params, indices, offset:
                       S.embedding_lookup(params, indices, offset), hidden=(("bprop_return_sparse", True),))
Expand = prim("Expand", lambda self, x, shape: F.expand(x, shape), hidden=(("max_length", 1000000),))

MATH_OPS = ("IndexAdd", "InplaceAdd", "InplaceIndexAdd", "InplaceSub", "InplaceUpdateV2")
__all__ = sorted(n for n, v in list(globals().items()) if isinstance(v, type) and not n.startswith("_")
                 and n not in MATH_OPS)
