"""Reference ("golden") cases for MindSpore 2.10's segment, sort/search, counting/reduction and array-creation
``mindspore.ops`` names (minispore's ``ops/operations/sort_ops.py`` Primitive classes and
``ops/function/sort_func.py`` functions).

``PRIM_ROWS``: ``(class, constructor args, constructor kwargs, inputs, with gradient[, case])``: the case gives the
printed Primitive (``str(prim)``), its ``name`` and its output; with gradient also ``<case>/grad``, the gradient
(``ms.grad``) of the sum of the first output with respect to the float32 array inputs. ``FUNC_ROWS``: ``(case,
function, inputs, kwargs, with gradient)``. ``ERROR_ROWS`` / ``PRIM_ERROR_ROWS``: calls MindSpore refuses (the error class).
``gen_sortops.py`` records ``sortops.json`` with MindSpore; tests/test_golden_sortops.py runs the same rows on
minispore. Inputs are NumPy arrays (made into Tensors), Python values, ``("tuple", ...)`` (a tuple of Tensors) or
dtype names ``"dt:int32"``.
"""
import numpy as np

import rows


_r = rows.uniform
_i = rows.integers


A = _r(1, (2, 3))
B = _r(2, (2, 3))
X43 = _r(3, (4, 3))
A3 = _r(4, (2, 3, 4))
SQ = _r(5, (3, 3))
M34 = _r(6, (3, 4))
V2 = _r(7, (2,))
V3 = _r(8, (3,))
P = _r(9, (2, 3), 0.2, 2.0)
IMG = _r(10, (1, 2, 4, 4))
I23 = np.array([[0, 3, 0], [2, 0, 5]], np.int32)
SEG = np.array([0, 0, 1, 3], np.int32)
SORTED = np.array([1., 3., 5., 7., 9.], np.float32)
SORTED2 = np.array([[1., 3., 5., 7., 9.], [0., 2., 4., 6., 8.]], np.float32)
VALS2 = np.array([[0., 3., 6.], [4., 4.5, 10.]], np.float32)
NANS = np.array([[1., np.nan, 2., 0.5], [np.nan, 3., 4., -1.]], np.float32)
CONSEC = np.array([1, 1, 2, 2, 3, 1, 1], np.int32)
I32 = "dt:int32"

# (class, constructor args, constructor kwargs, inputs, with gradient[, case])
PRIM_ROWS = [
    # segments
    ("SegmentSum", (), {}, [X43, SEG], True),
    ("SegmentMean", (), {}, [X43, SEG], True),
    ("SegmentMax", (), {}, [X43, SEG], True),
    ("SegmentMin", (), {}, [X43, SEG], True),
    ("SegmentProd", (), {}, [X43, SEG], True),
    ("UnsortedSegmentSum", (), {}, [A3, np.array([1, 0], np.int32), 3], True),
    ("UnsortedSegmentMax", (), {}, [X43, np.array([1, 0, 1, 2], np.int32), 3], True),
    ("UnsortedSegmentMin", (), {}, [X43, np.array([1, 0, 1, 2], np.int32), 4], False),
    ("UnsortedSegmentProd", (), {}, [X43, np.array([1, 0, 1, 2], np.int32), 3], True),
    # sort / search
    ("SearchSorted", (), {}, [SORTED, np.array([0., 3., 6., 10.], np.float32)], False),
    # (a 2-D sorted_sequence, or an Int32 output after an Int64 one, fails in MindSpore 2.10's CPU kernel)
    ("SearchSorted", (), {"right": True}, [SORTED, np.array([0., 3., 6., 10.], np.float32)],
     False, "SearchSorted/right"),
    ("Bucketize", ([0., 1., 5.],), {}, [np.array([[-1., 0., 0.5], [1., 3., 7.]], np.float32)], False),
    ("LowerBound", (), {}, [SORTED2, VALS2], False),
    ("UpperBound", (), {"out_type": "dt:int64"}, [SORTED2, VALS2], False),
    ("NonZero", (), {}, [I23], False),
    ("UniqueConsecutive", (), {}, [CONSEC], False),
    ("UniqueConsecutive", (True, True), {}, [CONSEC], False, "UniqueConsecutive/inverse_counts"),
    ("UniqueWithPad", (), {}, [np.array([3, 1, 3, 2, 1, 5], np.int32), np.int32(-1)], False),
    ("NthElement", (), {}, [M34, 1], True),
    ("NthElement", (True,), {}, [M34, 0], False, "NthElement/reverse"),
    ("InTopK", (2,), {}, [M34, np.array([0, 3, 1], np.int32)], False),
    ("ArgMaxWithValue", (), {}, [M34], False),
    ("ArgMaxWithValue", (1, True), {}, [M34], False, "ArgMaxWithValue/keep"),
    ("ArgMinWithValue", (), {"axis": 1}, [M34], False),
    ("Cummin", (1,), {}, [M34], False),
    ("CumulativeLogsumexp", (), {}, [M34, np.array(1, np.int32)], True),
    ("CumulativeLogsumexp", (True, True), {}, [M34, np.array(0, np.int32)], False, "CumulativeLogsumexp/excl_rev"),
    ("Median", (), {}, [M34], False),
    ("Median", (), {"axis": 1, "keep_dims": True}, [M34], False, "Median/axis1"),
    ("Median", (True,), {}, [M34], False, "Median/global"),
    ("Median", (), {"axis": 1}, [NANS], False, "Median/nan"),
    ("Median", (), {"axis": 1, "ignore_nan": True}, [NANS], False, "Median/ignore_nan"),
    ("Median", (), {"axis": 1}, [M34], True, "Median/axis1_grad"),
    ("Quantile", (), {}, [M34, np.array([0.25, 0.5], np.float32)], False),
    ("Quantile", (), {"dim": 1, "keep_dims": True}, [M34, np.array([0.3], np.float32)], False, "Quantile/dim"),
    # counting / reductions
    ("Bincount", (), {}, [np.array([0, 1, 1, 3, 2, 1], np.int32), np.array(5, np.int32),
                          np.array([.5, 1., 2., 3., 1.5, .25], np.float32)], False),
    ("Histogram", (), {"bins": 4, "min": -1.0, "max": 1.0}, [A], False),
    ("HistogramFixedWidth", (4,), {}, [A, np.array([-1., 1.], np.float32)], False),
    ("CountNonZero", (), {}, [I23], False),
    ("CountNonZero", (), {"dims": [1]}, [I23], False, "CountNonZero/dims"),
    ("EuclideanNorm", (), {}, [A3, np.array([1, 2], np.int32)], True),
    ("EuclideanNorm", (True,), {}, [A3, np.array([0], np.int32)], False, "EuclideanNorm/keep"),
    ("LpNorm", ([1],), {}, [A3], True),
    ("LpNorm", ([0, 2],), {"p": 1, "keep_dims": True}, [A3], False, "LpNorm/p1"),
    ("Renorm", (2, 0, 1.0), {}, [A3 * 2], True),
    ("ReduceStd", (), {"axis": 1}, [A3], True),
    ("ReduceStd", (), {}, [A3], False, "ReduceStd/all"),
    ("ReduceStd", (), {"axis": [0, 2], "unbiased": False, "keep_dims": True}, [A3], False, "ReduceStd/biased"),
    ("SquareSumAll", (), {}, [A, B], True),
    ("EqualCount", (), {}, [I23, np.array([[0, 1, 0], [2, 2, 5]], np.int32)], False),
    ("L2Normalize", (), {"axis": 1}, [A], True),
    ("L2Normalize", (), {}, [A3], True, "L2Normalize/axis0"),
    # array creation / manipulation
    ("Range", (), {}, [np.array(1, np.int32), np.array(10, np.int32), np.array(3, np.int32)], False),
    ("Range", (), {}, [np.array(0.5, np.float32), np.array(2., np.float32), np.array(0.5, np.float32)], False,
     "Range/float"),
    ("LinSpace", (), {}, [np.array(1., np.float32), np.array(10., np.float32), 4], False),
    ("LogSpace", (), {"steps": 4}, [np.array(0., np.float32), np.array(2., np.float32)], False),
    ("Meshgrid", (), {}, [("tuple", V2, V3)], False),
    ("Meshgrid", (), {"indexing": "ij"}, [("tuple", V2, V3)], False, "Meshgrid/ij"),
    ("TrilIndices", (3, 4, 1), {}, [], False),
    ("TriuIndices", (3, 4, -1), {"dtype": "dt:int64"}, [], False),
    ("UnravelIndex", (), {}, [np.array([5, 11, 0], np.int32), np.array([3, 4], np.int32)], False),
    ("InvertPermutation", (), {}, [(3, 4, 0, 2, 1)], False),
    ("ReverseSequence", (2,), {}, [A3, np.array([2, 4], np.int32)], True),
    ("Pack", (1,), {}, [("tuple", A, B)], False),
    ("Unpack", (1,), {}, [A], False),
    ("Einsum", ("ij,jk->ik",), {}, [("tuple", A, M34)], False),
    ("Cross", (), {"dim": 1}, [A, B], True),
    ("Roll", (1,), {"dims": 0}, [A], False),
    ("Roll", ((1, -1),), {"dims": (0, 1)}, [A], False, "Roll/two"),
    ("SplitV", ((1, 2), 1, 2), {}, [A], False),
    ("IdentityN", (), {}, [("tuple", A, B)], False),
    ("Fills", (), {}, [A, 2.5], False),
    ("FillV2", (), {}, [np.array([2, 3], np.int32), np.array(1.5, np.float32)], False),
    ("ListDiff", (), {}, [np.array([1, 2, 3, 4, 5, 6], np.int32), np.array([1, 3, 5], np.int32)], False),
    ("MirrorPad", (), {}, [A, np.array([[1, 1], [2, 1]], np.int64)], True),
    ("MirrorPad", ("SYMMETRIC",), {}, [A, np.array([[1, 0], [2, 1]], np.int64)], False, "MirrorPad/symmetric"),
    ("Pad", (((1, 1), (2, 0)),), {}, [A], True),
    ("PadV3", (), {}, [A3, np.array([1, 2], np.int64), np.array(0.5, np.float32)], True),
    ("PadV3", ("reflect",), {}, [A3, np.array([1, 2], np.int64)], False, "PadV3/reflect"),
    ("Padding", (), {"pad_dim_size": 4}, [np.array([[1.], [2.]], np.float32)], True),
    ("DepthToSpace", (2,), {}, [_r(11, (1, 8, 2, 2))], True),
    ("SpaceToDepth", (2,), {}, [IMG], True),
    ("BatchToSpace", (2, ((0, 0), (0, 0))), {}, [_r(12, (4, 1, 2, 2))], False),
    ("SpaceToBatch", (2, ((0, 0), (0, 0))), {}, [IMG], False),
    ("BatchToSpaceND", ((2, 2), ((0, 0), (0, 0))), {}, [_r(12, (4, 1, 2, 2))], True),
    ("SpaceToBatchND", ((2, 2), ((0, 0), (0, 0))), {}, [IMG], True),
    ("DiagPart", (), {}, [_r(13, (2, 3, 2, 3))], True),
    ("FillDiagonal", (5.0,), {}, [M34], True),
    ("ChannelShuffle", (2,), {}, [_r(14, (1, 4, 2, 2))], True),
    ("Im2Col", (2,), {}, [IMG], True),
    ("Col2Im", (2,), {}, [_r(15, (1, 2, 4, 9)), np.array([4, 4], np.int32)], True),
]

# (case, function, inputs, kwargs, with gradient)
FUNC_ROWS = [
    ("bucketize", "bucketize", [np.array([[-1., 0., 0.5], [1., 3., 7.]], np.float32), [0., 1., 5.]], {}, False),
    ("bucketize/right", "bucketize", [np.array([[-1., 0., 0.5], [1., 3., 7.]], np.float32), [0., 1., 5.]],
     {"right": True}, False),
    ("bucketize/unsorted", "bucketize", [A, [2., 1.]], {}, False),
    ("unique_with_pad", "unique_with_pad", [np.array([3, 1, 3, 2, 1, 5], np.int32), -1], {}, False),
    ("intopk", "intopk", [M34, np.array([0, 3, 1], np.int32), 1], {}, False),
    ("quantile", "quantile", [M34, 0.3], {}, True),
    ("quantile/axis", "quantile", [M34, np.array([0.25, 0.75], np.float32)], {"axis": 1, "keepdims": True}, False),
    ("nanquantile", "nanquantile", [NANS, np.array([0.5], np.float32)], {"axis": 1}, False),
    ("cross", "cross", [A, B], {"dim": 1}, True),
    ("cross/default", "cross", [_r(16, (3, 2)), _r(17, (3, 2))], {}, False),
    ("fills", "fills", [A, 2], {}, False),
    ("mirror_pad", "mirror_pad", [A, np.array([[1, 1], [2, 1]], np.int64), "REFLECT"], {}, True),
    ("padding", "padding", [np.array([[1.], [2.]], np.float32), 3], {}, False),
    ("batch_to_space_nd", "batch_to_space_nd", [_r(12, (4, 1, 2, 2)), (2, 2), ((0, 0), (0, 1))], {}, True),
    ("space_to_batch_nd", "space_to_batch_nd", [IMG, (2, 2), ((0, 0), (2, 0))], {}, True),
    ("col2im", "col2im", [_r(15, (1, 2, 4, 9)), np.array([4, 4], np.int32), 2, 1, 0, 1], {}, False),
]

# (case, function, inputs, kwargs): MindSpore raises
ERROR_ROWS = [
    ("err/quantile_q", "quantile", [M34, 1.5], {}),
    ("err/cross_shape", "cross", [A, _r(18, (2, 4))], {"dim": 1}),
    ("err/padding_dim", "padding", [A, 3], {}),
    ("err/unique_with_pad_2d", "unique_with_pad", [I23, 0], {}),
]

_CPU = "MindSpore 2.10's CPU build has no kernel for it (RuntimeError); minispore computes it: "
# (case, class, constructor args, constructor kwargs, inputs): MindSpore raises
PRIM_ERROR_ROWS = [
    ("err/SegmentSum_unsorted", "SegmentSum", (), {}, [X43, np.array([1, 0, 1, 3], np.int32)]),
    ("err/NthElement_n", "NthElement", (), {}, [M34, 5]),
    ("err/InvertPermutation_duplicate", "InvertPermutation", (), {}, [(0, 0, 1)]),
    ("err/MirrorPad_too_wide", "MirrorPad", (), {}, [X43, np.array([[4, 0], [0, 0]], np.int64)]),
    ("err/DepthToSpace_channels", "DepthToSpace", (2,), {}, [_r(19, (1, 3, 2, 2))]),
    ("err/FillDiagonal_1d", "FillDiagonal", (1.0,), {}, [V3]),
    ("err/InTopK_rows", "InTopK", (1,), {}, [X43, np.array([0, 1], np.int32)]),
    ("err/ListDiff_2d", "ListDiff", (), {}, [X43, X43]),
    ("err/UnravelIndex_bound", "UnravelIndex", (), {}, [np.array([12], np.int32), np.array([3, 4], np.int32)]),
]

DELIBERATE = {
    "Quantile": _CPU + "NumPy's quantile", "Quantile/dim": _CPU + "NumPy's quantile",
    "quantile": _CPU + "NumPy's quantile", "quantile/grad": _CPU + "the weights of the two order statistics",
    "quantile/axis": _CPU + "NumPy's quantile", "nanquantile": _CPU + "NumPy's nanquantile",
    "HistogramFixedWidth": _CPU + "TensorFlow's fixed-width histogram",
    "CountNonZero": _CPU + "NumPy's count_nonzero (Int64)", "CountNonZero/dims": _CPU + "NumPy's count_nonzero",
    "EuclideanNorm": _CPU + "sqrt(sum(x**2))", "EuclideanNorm/grad": _CPU + "x / norm",
    "EuclideanNorm/keep": _CPU + "sqrt(sum(x**2))",
    "Einsum": _CPU + "NumPy's einsum",
    "Roll": "MindSpore 2.10's CPU build does not register the Roll kernel (RuntimeError); minispore computes "
            "NumPy's roll", "Roll/two": "as Roll",
    "SplitV": _CPU + "NumPy's split", "Fills": _CPU + "NumPy's full", "fills": _CPU + "NumPy's full",
    "SegmentProd/grad": "MindSpore 2.10 defines no bprop for SegmentProd (RuntimeError); minispore differentiates "
                        "it: the product of the other elements of the segment",
    "FillDiagonal/grad": "MindSpore 2.10 defines no bprop for FillDiagonal (RuntimeError); minispore differentiates "
                         "it: 1 off the diagonal, 0 on it",
    "ChannelShuffle/grad": "MindSpore 2.10 defines no bprop for ChannelShuffle (RuntimeError); minispore "
                           "differentiates it: a permutation, so all ones",
    "UniqueConsecutive": "MindSpore 2.10's CPU kernel leaves the outputs not asked for (inverse, counts) "
                         "uninitialised (0 in one run, 4575657222473777152 in another); minispore gives 0",
    "bucketize/unsorted": "MindSpore 2.10 answers for boundaries that are not sorted (a meaningless bucket); "
                          "minispore raises a ValueError that says they must be sorted",
    "BatchToSpace": _CPU + "BatchToSpaceND with a square block (its recording)",
    "SpaceToBatch": _CPU + "SpaceToBatchND with a square block (its recording)",
}
UNSTABLE = {"UniqueConsecutive": "uninitialised memory in the inverse and counts outputs not asked for"}
TOLERANCE = {}


def _t(a, dt):
    a = np.asarray(a)
    return {"tensor": dt, "shape": list(a.shape), "value": a.tolist()}


def _f(a):
    return _t(np.asarray(a, np.float64).astype(np.float32), "Float32")


def _p(text, name, out):
    return {"tuple": [text, name, out]}


def _quantile_grad():
    flat = M34.astype(np.float64).reshape(-1)
    order = np.argsort(flat, kind="stable")
    pos = 0.3 * (flat.size - 1)
    lo = int(np.floor(pos))
    g = np.zeros(flat.size)
    g[order[lo]] += 1 - (pos - lo)
    g[order[lo + 1]] += pos - lo
    return _f(g.reshape(M34.shape))


def _hist_fixed(x, lo, hi, n):
    pos = np.clip(np.floor((x.astype(np.float64).reshape(-1) - lo) / (hi - lo) * n), 0, n - 1).astype(int)
    return np.bincount(pos, minlength=n).astype(np.int32)


_EN = np.sqrt((A3.astype(np.float64) ** 2).sum((1, 2)))
# the independent references of the DELIBERATE cases (NumPy formulas); BatchToSpace / SpaceToBatch are compared
# with the recordings of their ND forms (tests/test_golden_sortops.py)
INSTEAD = {
    "Quantile": _p("Prim[Quantile]<dim=10000, keep_dims=False, ignore_nan=False>", "Quantile",
                   _f(np.quantile(M34.astype(np.float64), [0.25, 0.5]))),
    "Quantile/dim": _p("Prim[Quantile]<dim=1, keep_dims=True, ignore_nan=False>", "Quantile",
                       _f(np.quantile(M34.astype(np.float64), [0.3], axis=1, keepdims=True))),
    "quantile": _f(np.quantile(M34.astype(np.float64), 0.3)),
    "quantile/grad": _quantile_grad(),
    "quantile/axis": _f(np.quantile(M34.astype(np.float64), [0.25, 0.75], axis=1, keepdims=True)),
    "nanquantile": _f(np.nanquantile(NANS.astype(np.float64), [0.5], axis=1)),
    "HistogramFixedWidth": _p("Prim[HistogramFixedWidth]<nbins=4, dtype=3>", "HistogramFixedWidth",
                              _t(_hist_fixed(A, -1.0, 1.0, 4), "Int32")),
    "CountNonZero": _p("Prim[CountNonZero]<dims=[]>", "CountNonZero", _t(np.int64(np.count_nonzero(I23)), "Int64")),
    "CountNonZero/dims": _p("Prim[CountNonZero]<dims=[1]>", "CountNonZero",
                            _t(np.count_nonzero(I23, axis=1).astype(np.int64), "Int64")),
    "EuclideanNorm": _p("Prim[EuclideanNorm]<keep_dims=False>", "EuclideanNorm", _f(_EN)),
    "EuclideanNorm/grad": _f(A3 / _EN[:, None, None]),
    "EuclideanNorm/keep": _p("Prim[EuclideanNorm]<keep_dims=True>", "EuclideanNorm",
                             _f(np.sqrt((A3.astype(np.float64) ** 2).sum(0, keepdims=True)))),
    "Einsum": _p("Prim[Einsum]<equation=ij,jk->ik>", "Einsum", _f(A.astype(np.float64) @ M34)),
    "Roll": _p("Prim[Roll]<shifts=(1,), dims=(0,)>", "Roll", _f(np.roll(A, 1, 0))),
    "Roll/two": _p("Prim[Roll]<shifts=(1, -1), dims=(0, 1)>", "Roll", _f(np.roll(A, (1, -1), (0, 1)))),
    "SplitV": _p("Prim[SplitV]<size_splits=(1, 2), split_dim=1, num_split=2>", "SplitV",
                 {"tuple": [_f(A[:, :1]), _f(A[:, 1:])]}),
    "Fills": _p("Prim[Fills]", "Fills", _f(np.full((2, 3), 2.5))),
    "fills": _f(np.full((2, 3), 2.0)),
    "bucketize/unsorted": {"error": "ValueError", "keywords": ["bucketize", "sorted"]},
    "UniqueConsecutive": _p("Prim[UniqueConsecutive]<return_inverse=False, return_counts=False, dim=None>",
                            "UniqueConsecutive", {"tuple": [_t(np.array([1, 2, 3, 1], np.int32), "Int32"),
                                                            _t(np.int64(0), "Int64"), _t(np.int64(0), "Int64")]}),
    "SegmentProd/grad": _f(np.stack([X43[1], X43[0], np.ones(3), np.ones(3)])),
    "FillDiagonal/grad": _f(1 - np.eye(3, 4)),
    "ChannelShuffle/grad": _f(np.ones((1, 4, 2, 2))),
}


def cases(ms):
    ops = ms.ops
    out = []

    R = rows.Rows(ms, forms=("dt", "tuple"), wrt=rows.differentiated(tuples=True))
    arg, grad_of = R.arg, R.grad_of

    for row in PRIM_ROWS:
        name, a, kw, inputs, with_grad = row[:5]
        case = row[5] if len(row) > 5 else name

        def make(name=name, a=a, kw=kw):
            return getattr(ops, name)(*[arg(v) for v in a], **{k: arg(v) for k, v in kw.items()})

        def thunk(make=make, inputs=inputs):
            p = make()
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, thunk))
        if with_grad:
            out.append((case + "/grad", lambda make=make, inputs=inputs: grad_of(make(), inputs)))

    for case, fname, inputs, kw, with_grad in FUNC_ROWS:
        def fn(*args, fname=fname, kw=kw):
            return getattr(ops, fname)(*args, **{k: arg(v) for k, v in kw.items()})
        out.append((case, lambda fn=fn, inputs=inputs: fn(*[arg(v) for v in inputs])))
        if with_grad:
            out.append((case + "/grad", lambda fn=fn, inputs=inputs: grad_of(fn, inputs)))

    for case, name, a, kw, inputs in PRIM_ERROR_ROWS:
        out.append((case, lambda name=name, a=a, kw=kw, inputs=inputs:
                    getattr(ops, name)(*a, **kw)(*[arg(v) for v in inputs])))

    for case, fname, inputs, kw in ERROR_ROWS:
        def ethunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, ethunk))
    return out
