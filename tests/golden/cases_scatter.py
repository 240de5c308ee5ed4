"""Reference ("golden") cases for MindSpore 2.10's scatter, in-place and indexing ops (minispore's
``ops/function/scatter_func.py`` and ``ops/operations/scatter_ops.py``).

``PRIM_ROWS`` are Primitive classes: ``(class, constructor args, constructor kwargs, inputs, with gradient)``; a case
gives the printed Primitive (``Prim[Name]<attrs>``), its ``name`` and its output, and with gradient ``<Name>/grad``,
the gradient (``ms.grad``) of the sum of the first output with respect to the float32 array inputs.
``STATE_ROWS`` write into Parameters: ``(case, class or function, constructor kwargs, Parameter values, inputs)``
(a class name starts with a capital); a case gives the result and the Parameters after the call.
``FUNC_ROWS`` are functions: ``(case, function, inputs, kwargs, with gradient)``. ``ERROR_ROWS``: calls MindSpore
refuses, the error class. ``gen_scatter.py`` records ``scatter.json`` with MindSpore; tests/test_golden_scatter.py
runs the same rows on minispore. Inputs are literals or ``np.random.default_rng(seed)``: NumPy arrays (made into
Tensors), Python values, ``("tuple", ...)`` (a tuple of Tensors), ``("param", array)`` (a Parameter).
``DELIBERATE`` cases are checked against ``instead_cases``: MindSpore's result of a call it supports that computes
the same (or a NumPy formula where MindSpore's own gradient is wrong), recorded under "instead".
"""
import numpy as np

import rows


_r = rows.uniform


X = _r(1, (3, 4))                                  # the input (or Parameter) of the scatters
P = _r(2, (3, 4), 0.5, 2.0)                        # positive (divisors)
X3 = _r(3, (2, 3, 4))
I1 = np.array([2, 0], np.int32)                    # rows of X, distinct
I1R = np.array([[0, 1], [1, 2]], np.int32)         # (2, 2) rows, 1 repeats (accumulates)
U1 = _r(4, (2, 4))                                 # updates for I1
U1P = _r(5, (2, 4), 0.5, 2.0)
U1R = _r(6, (2, 2, 4))                             # updates for I1R
ND = np.array([[0, 1], [2, 3], [1, 0]], np.int32)  # (3, 2): elements of X, distinct
UND = _r(7, (3,))
UNDP = _r(8, (3,), 0.5, 2.0)
NDR = np.array([[0, 1], [0, 1], [2, 2]], np.int32)  # (0, 1) repeats
NDROW = np.array([[2], [0]], np.int32)             # (2, 1): whole rows
INT_X = np.arange(12, dtype=np.int32).reshape(3, 4) * 3 - 10
INT_U = np.array([[3, -2, 5, 7], [2, 2, -3, 4]], np.int32)
ELEM = np.array([[1, 0], [2, 1], [0, 3]], np.int32)   # (3, 2) positions along axis 1 of X, distinct per row
UE = _r(9, (3, 2))
MASK = np.array([[True, False, True, False], [False, False, True, True], [True, False, False, False]])
SRC = _r(10, (6,))
TABLE = _r(11, (5, 3))
EMB_IDX = np.array([[1, 4], [7, 2]], np.int32)     # 7 - offset 2 = 5 is outside the table: a zero row
# float values that tie: X2's entries and the updates meet at the same maximum
TIE_X = np.array([[1., 2.], [3., 4.]], np.float32)
TIE_U = np.array([2., 5.], np.float32)
TIE_I = np.array([[0, 1], [1, 0]], np.int32)

# (class, constructor args, constructor kwargs, inputs, with gradient)
PRIM_ROWS = [
    ("TensorScatterMul", (), {}, [X, ND, UND], True),
    ("TensorScatterDiv", (), {}, [X, ND, UNDP], True),
    ("TensorScatterMax", (), {}, [X, ND, UND], True),
    ("TensorScatterMin", (), {}, [X, ND, UND], True),
    ("TensorScatterSub", (), {}, [X, NDR, UND], True),
    ("TensorScatterElements", (), {"axis": 1}, [X, ELEM, UE], True),
    ("TensorScatterElements", (), {"axis": 1, "reduction": "add"}, [X, ELEM, UE], True, "TensorScatterElements/add"),
    ("ScatterAddWithAxis", (), {"axis": 1}, [X, ELEM, UE], False),
    ("InplaceAdd", ((2, 0),), {}, [X, U1], True),
    ("InplaceSub", ((2, 0),), {}, [X, U1], True),
    ("InplaceUpdate", ((2, 0),), {}, [X, U1], True),
    ("InplaceUpdateV2", (), {}, [X, I1, U1], True),
    ("IndexFill", (), {}, [X, 1, np.array([0, 2], np.int32), np.float32(-5.0)], False),
    ("IndexPut", (), {}, [X, np.array([7., 8.], np.float32), ("tuple", np.array([0, 2]), np.array([1, 3]))], False),
    ("IndexPut", (), {"accumulate": 1}, [X, np.array([7., 8.], np.float32),
                                        ("tuple", np.array([0, 0]), np.array([1, 1]))], False, "IndexPut/accumulate"),
    ("MaskedScatter", (), {}, [X, MASK, SRC], False),
    ("GatherV2", (), {}, [TABLE, np.array([3, 0, 3], np.int32), 0], True),
    ("GatherV2", (), {}, [TABLE, np.array([[1], [4]], np.int32), 0, 0], False, "GatherV2/batch_dims"),
    ("SparseGatherV2", (), {}, [TABLE, np.array([4, 1], np.int32), 0], True),
    ("EmbeddingLookup", (), {}, [TABLE, EMB_IDX, 2], False),
    ("Expand", (), {}, [_r(12, (3, 1)), np.array([2, 3, 4], np.int32)], False),
]

# (case, class or function, constructor kwargs, Parameter values, inputs)
STATE_ROWS = [
    ("ScatterAdd", "ScatterAdd", {}, [X], [I1R, U1R]),
    ("ScatterSub", "ScatterSub", {}, [X], [I1R, U1R]),
    ("ScatterMul", "ScatterMul", {}, [X], [I1, U1]),
    ("ScatterDiv", "ScatterDiv", {}, [X], [I1, U1P]),
    ("ScatterDiv/int", "ScatterDiv", {}, [INT_X], [I1, INT_U]),
    ("ScatterMax", "ScatterMax", {}, [X], [I1R, U1R]),
    ("ScatterMin", "ScatterMin", {}, [X], [I1R, U1R]),
    ("ScatterUpdate", "ScatterUpdate", {}, [X], [I1, U1]),
    ("ScatterNdAdd", "ScatterNdAdd", {}, [X], [NDR, UND]),
    ("ScatterNdSub", "ScatterNdSub", {}, [X], [NDR, UND]),
    ("ScatterNdMul", "ScatterNdMul", {}, [X], [ND, UND]),
    ("ScatterNdDiv", "ScatterNdDiv", {}, [X], [ND, UNDP]),
    ("ScatterNdMax", "ScatterNdMax", {}, [X], [NDR, UND]),
    ("ScatterNdMin", "ScatterNdMin", {}, [X], [NDR, UND]),
    ("ScatterNdUpdate", "ScatterNdUpdate", {}, [X], [NDROW, U1]),
    ("ScatterNonAliasingAdd", "ScatterNonAliasingAdd", {}, [X], [NDR, UND]),
    ("InplaceIndexAdd", "InplaceIndexAdd", {"axis": 0}, [X], [np.array([0, 2, 0], np.int32), _r(13, (3, 4))]),
    ("IndexAdd", "IndexAdd", {"axis": 1}, [X], [np.array([3, 0], np.int32), _r(14, (3, 2))]),
    ("scatter_add", "scatter_add", {}, [X], [I1R, U1R]),
    ("scatter_mul", "scatter_mul", {}, [X], [I1, U1]),
    ("scatter_div", "scatter_div", {}, [X], [I1, U1P]),
    ("scatter_max", "scatter_max", {}, [X], [I1R, U1R]),
    ("scatter_min", "scatter_min", {}, [X], [I1R, U1R]),
    ("scatter_update", "scatter_update", {}, [X], [I1, U1]),
    ("scatter_nd_add", "scatter_nd_add", {}, [X], [NDR, UND]),
    ("scatter_nd_sub", "scatter_nd_sub", {}, [X], [NDR, UND]),
    ("scatter_nd_mul", "scatter_nd_mul", {}, [X], [ND, UND]),
    ("scatter_nd_div", "scatter_nd_div", {}, [X], [ND, UNDP]),
    ("scatter_nd_max", "scatter_nd_max", {}, [X], [NDR, UND]),
    ("scatter_nd_min", "scatter_nd_min", {}, [X], [NDR, UND]),
    ("scatter_nd_update", "scatter_nd_update", {}, [X], [NDROW, U1]),
    ("inplace_index_add", "inplace_index_add", {}, [X], [np.array([1, 1], np.int32), _r(15, (3, 2)), 1]),
    ("assign_add", "assign_add", {}, [X], [P]),
    ("assign_sub", "assign_sub", {}, [X], [P]),
]

# (case, function, inputs, kwargs, with gradient)
FUNC_ROWS = [
    ("tensor_scatter_mul", "tensor_scatter_mul", [X, ND, UND], {}, True),
    ("tensor_scatter_mul/rows", "tensor_scatter_mul", [X, NDROW, U1], {}, True),
    ("tensor_scatter_div", "tensor_scatter_div", [X, ND, UNDP], {}, True),
    ("tensor_scatter_max", "tensor_scatter_max", [X, NDR, UND], {}, True),
    ("tensor_scatter_max/ties", "tensor_scatter_max", [TIE_X, TIE_I, TIE_U], {}, True),
    ("tensor_scatter_min", "tensor_scatter_min", [X, NDR, UND], {}, True),
    ("tensor_scatter_min/rows", "tensor_scatter_min", [X, NDROW, U1], {}, True),
    ("take", "take", [X, np.array([[0, 11], [5, 5]], np.int64)], {}, True),
    ("slice", "slice", [X3, (0, 1, 1), (2, -1, 2)], {}, True),
    ("tensor_slice", "tensor_slice", [X3, (1, 0, 0), (1, 2, 3)], {}, True),
    ("strided_slice", "strided_slice", [X3, (0, 0, 0), (2, 3, 4), (1, 2, 2)], {}, True),
    ("strided_slice/masks", "strided_slice", [X3, (1, 0, 1), (2, 2, 3), (1, 1, 1)],
     {"begin_mask": 2, "end_mask": 4, "shrink_axis_mask": 1}, True),
    ("strided_slice/negative", "strided_slice", [X3, (0, -1, 3), (2, 0, 0), (1, -1, -2)], {}, True),
]

ERROR_ROWS = [
    ("err/scatter_add_range", "scatter_add", [("param", X), np.array([3], np.int32), U1[:1]], {}),
    ("err/scatter_add_shape", "scatter_add", [("param", X), np.array([1], np.int32), U1], {}),
    ("err/scatter_nd_add_range", "scatter_nd_add", [("param", X), np.array([[3, 0]], np.int32), UND[:1]], {}),
    ("err/tensor_scatter_max_range", "tensor_scatter_max", [X, np.array([[3, 0]], np.int32), UND[:1]], {}),
    ("err/tensor_scatter_mul_shape", "tensor_scatter_mul", [X, ND, U1], {}),
    ("err/tensor_scatter_max_dtype", "tensor_scatter_max", [X, ND, UND.astype(np.float64)], {}),
    ("err/tensor_scatter_div_float_indices", "tensor_scatter_div", [X, ND.astype(np.float32), UNDP], {}),
]

_ZERO_GRAD = ("MindSpore 2.10's bprop of this in-place row op returns zeros for both inputs (a silently wrong "
              "gradient); minispore differentiates it: the reference is MindSpore's gradient of the same "
              "tensor_scatter_add/sub/update")
_NO_CPU = "MindSpore 2.10's CPU build has no kernel for it (RuntimeError); minispore computes it: the reference is "
DELIBERATE = {
    "InplaceAdd/grad": _ZERO_GRAD, "InplaceSub/grad": _ZERO_GRAD, "InplaceUpdate/grad": _ZERO_GRAD,
    "InplaceUpdateV2/grad": _ZERO_GRAD,
    "GatherV2": "MindSpore 2.10's GatherV2 demands a 4th input (batch_dims) that its signature makes optional "
                "(RuntimeError); minispore defaults it to 0: the reference is GatherV2 with batch_dims=0",
    "GatherV2/grad": "as GatherV2: the reference is the gradient of GatherV2 with batch_dims=0",
    "SparseGatherV2": _NO_CPU + "MindSpore's Gather", "SparseGatherV2/grad": _NO_CPU + "MindSpore's Gather's gradient",
    "ScatterNonAliasingAdd": _NO_CPU + "MindSpore's ScatterNdAdd (with this class's printed form)",
    "take": _NO_CPU + "MindSpore's gather of the flattened input",
    "take/grad": _NO_CPU + "the gradient of MindSpore's gather of the flattened input",
    "slice/grad": "MindSpore 2.10's SliceGrad refuses a size of -1 (RuntimeError), which Slice accepts; the reference "
                  "is MindSpore's gradient of the same slice with the size written out",
    "strided_slice/masks/grad": "MindSpore 2.10's StridedSliceGrad ignores end_mask (it stops at end[i], a silently "
                                "wrong gradient); the reference is 1 at each selected element (NumPy)",
    "strided_slice/negative/grad": "MindSpore 2.10's StridedSliceGrad fails on negative strides (RuntimeError); the "
                                   "reference is 1 at each selected element (NumPy)",
}
TOLERANCE = {}


def _selected(shape, index):
    """1 at each element of a tensor of ``shape`` that ``index`` selects (once), 0 elsewhere."""
    mark = np.zeros(shape, np.float32)
    mark[index] = 1.0
    return mark


def instead_cases(ms):
    """MindSpore's own results for the DELIBERATE cases, from the calls it supports that compute the same."""
    ops = ms.ops
    T = ms.Tensor
    rows = T(np.array([[2], [0]], np.int32))

    def g(f, *args):
        return ms.grad(lambda *a: ops.sum(f(*a)), tuple(range(len(args))) if len(args) > 1 else 0)(*args)

    def scatter_nd_add():
        p = ms.Parameter(T(X.copy()), name="p0")
        r = ops.ScatterNdAdd()(p, T(NDR), T(UND))
        return str(ops.ScatterNonAliasingAdd()), "ScatterNonAliasingAdd", r, (T(p.asnumpy()),)

    flat = np.array([[0, 11], [5, 5]], np.int64)
    return {
        "InplaceAdd/grad": lambda: g(lambda x, v: ops.tensor_scatter_add(x, rows, v), T(X), T(U1)),
        "InplaceSub/grad": lambda: g(lambda x, v: ops.tensor_scatter_sub(x, rows, v), T(X), T(U1)),
        "InplaceUpdate/grad": lambda: g(lambda x, v: ops.tensor_scatter_update(x, rows, v), T(X), T(U1)),
        "InplaceUpdateV2/grad": lambda: g(lambda x, v: ops.tensor_scatter_update(x, rows, v), T(X), T(U1)),
        "GatherV2": lambda: (str(ops.GatherV2()), "GatherV2",
                             ops.GatherV2()(T(TABLE), T(np.array([3, 0, 3], np.int32)), 0, 0)),
        "GatherV2/grad": lambda: g(lambda t: ops.GatherV2()(t, T(np.array([3, 0, 3], np.int32)), 0, 0), T(TABLE)),
        "SparseGatherV2": lambda: (str(ops.SparseGatherV2()), "SparseGatherV2",
                                   ops.Gather()(T(TABLE), T(np.array([4, 1], np.int32)), 0)),
        "SparseGatherV2/grad": lambda: g(lambda t: ops.Gather()(t, T(np.array([4, 1], np.int32)), 0), T(TABLE)),
        "ScatterNonAliasingAdd": scatter_nd_add,
        "take": lambda: ops.gather(ops.reshape(T(X), (-1,)), T(flat), 0),
        "take/grad": lambda: g(lambda x: ops.gather(ops.reshape(x, (-1,)), T(flat), 0), T(X)),
        "slice/grad": lambda: g(lambda x: ops.slice(x, (0, 1, 1), (2, 2, 2)), T(X3)),
        "strided_slice/masks/grad": lambda: T(_selected(X3.shape, (1, slice(0, 2), slice(1, None)))),
        "strided_slice/negative/grad": lambda: T(_selected(X3.shape, (slice(0, 2), slice(-1, 0, -1),
                                                                      slice(3, 0, -2)))),
    }


def cases(ms):
    ops = ms.ops
    out = []

    R = rows.Rows(ms, forms=("tuple", "param"))
    arg, grad_of = R.arg, R.grad_of

    for row in PRIM_ROWS:
        name, a, kw, inputs, with_grad = row[:5]
        case = row[5] if len(row) > 5 else name

        def thunk(name=name, a=a, kw=kw, inputs=inputs):
            p = getattr(ops, name)(*a, **kw)
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, thunk))
        if with_grad:
            def gthunk(name=name, a=a, kw=kw, inputs=inputs):
                return grad_of(getattr(ops, name)(*a, **kw), inputs)
            out.append((case + "/grad", gthunk))

    for case, name, kw, params, inputs in STATE_ROWS:
        def sthunk(name=name, kw=kw, params=params, inputs=inputs):
            ps = [ms.Parameter(ms.Tensor(v.copy()), name=f"p{i}") for i, v in enumerate(params)]
            if name[0].isupper():
                p = getattr(ops, name)(**kw)
                r = p(*ps, *[arg(v) for v in inputs])
                return str(p), p.name, r, tuple(ms.Tensor(q.asnumpy()) for q in ps)
            r = getattr(ops, name)(*ps, *[arg(v) for v in inputs], **kw)
            return r, tuple(ms.Tensor(q.asnumpy()) for q in ps)
        out.append((case, sthunk))

    for case, fname, inputs, kw, with_grad in FUNC_ROWS:
        def fthunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **kw)
        out.append((case, fthunk))
        if with_grad:
            def fgthunk(fname=fname, inputs=inputs, kw=kw):
                return grad_of(lambda *a: getattr(ops, fname)(*a, **kw), inputs)
            out.append((case + "/grad", fgthunk))

    for case, fname, inputs, kw in ERROR_ROWS:
        def ethunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **kw)
        out.append((case, ethunk))
    return out
