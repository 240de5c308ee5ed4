"""Reference ("golden") cases for MindSpore 2.10's Primitive classes (``ops.ReLU()``, ``P.Concat(axis=1)``,
``ops.ReduceSum(keep_dims=True)``...): one table row per class, its constructor arguments and its inputs.

Each row gives the case ``<Name>``: the printed Primitive (``str(prim)``, MindSpore's ``Prim[Name]<attrs>``), its
``name`` and its output (values and dtypes); where the row says so, ``<Name>/grad``: the gradient (``ms.grad``) of
the sum of the first output with respect to the float inputs. Rows of the random samplers record the shape and
dtype only; the state primitives (``Assign``, ``ApplyMomentum``, ``Adam``...) also the Parameters after the update.
``gen_prims.py`` records ``prims.json`` with MindSpore; tests/test_golden_prims.py runs the same rows on minispore.

Inputs are literals or ``np.random.default_rng(seed)``: a row's inputs are NumPy arrays (made into Tensors), Python
values (passed as they are) or dtype names ``"dt:int32"``.
"""
import numpy as np

import rows


_r = rows.uniform


def _i(seed, shape, hi, dtype=np.int32):
    return np.random.default_rng(seed).integers(0, hi, shape).astype(dtype)


A = _r(1, (2, 3))
B = _r(2, (2, 3))
P = _r(3, (2, 3), 0.2, 2.0)              # positive
U = _r(4, (2, 3), -0.9, 0.9)             # inside (-1, 1)
G = _r(5, (2, 3), 1.1, 3.0)              # above 1
X4 = _r(6, (2, 3, 4))
IMG = _r(7, (1, 2, 5, 5))
W = _r(8, (3, 2, 3, 3))
I23 = _i(9, (2, 3), 5)
BOOL_A = A > 0
BOOL_B = B > 0
M34 = _r(10, (3, 4))
LAB = np.array([0, 2], np.int32)
PROB = np.array([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]], np.float32)
T01 = np.array([[0., 1., 1.], [1., 0., 0.]], np.float32)

# (class, constructor args, constructor kwargs, inputs, with gradient)
ROWS = [
    # elementwise, one input
    ("Abs", (), {}, [A], True), ("Neg", (), {}, [A], True), ("Exp", (), {}, [A], True),
    ("Log", (), {}, [P], True), ("Sqrt", (), {}, [P], True), ("Rsqrt", (), {}, [P], True),
    ("Square", (), {}, [A], True), ("Reciprocal", (), {}, [P], True), ("Sign", (), {}, [A], False),
    ("Floor", (), {}, [A * 3], False), ("Ceil", (), {}, [A * 3], False), ("Trunc", (), {}, [A * 3], False),
    ("Round", (), {}, [A * 3], False), ("Sin", (), {}, [A], True), ("Cos", (), {}, [A], True),
    ("Tan", (), {}, [A], True), ("Asin", (), {}, [U], True), ("ACos", (), {}, [U], True),
    ("Atan", (), {}, [A], True), ("Sinh", (), {}, [A], True), ("Cosh", (), {}, [A], True),
    ("Asinh", (), {}, [A], True), ("Acosh", (), {}, [G], True), ("Atanh", (), {}, [U], True),
    ("Erf", (), {}, [A], True), ("Erfinv", (), {}, [U], True), ("Expm1", (), {}, [A], True),
    ("Log1p", (), {}, [P], True), ("LogicalNot", (), {}, [BOOL_A], False), ("IsNan", (), {}, [A], False),
    ("IsInf", (), {}, [A], False), ("IsFinite", (), {}, [A], False), ("Invert", (), {}, [I23], False),
    # elementwise, two inputs
    ("Add", (), {}, [A, B], True), ("TensorAdd", (), {}, [A, B], False), ("Sub", (), {}, [A, B], True),
    ("Mul", (), {}, [A, B], True), ("RealDiv", (), {}, [A, P], True), ("Div", (), {}, [A, P], True),
    ("Pow", (), {}, [P, B], True), ("Maximum", (), {}, [A, B], True), ("Minimum", (), {}, [A, B], True),
    ("FloorDiv", (), {}, [A * 3, P], False), ("FloorMod", (), {}, [A * 3, P], False),
    ("Mod", (), {}, [A * 3, P], False), ("Atan2", (), {}, [A, B], True), ("Hypot", (), {}, [A, B], False),
    ("Xlogy", (), {}, [A, P], True), ("SquaredDifference", (), {}, [A, B], True),
    ("DivNoNan", (), {}, [A, np.array([[1., 0., 2.], [0., 4., 1.]], np.float32)], False),
    ("Equal", (), {}, [A, A * (A > 0)], False), ("NotEqual", (), {}, [A, A * (A > 0)], False),
    ("Less", (), {}, [A, B], False), ("LessEqual", (), {}, [A, B], False), ("Greater", (), {}, [A, B], False),
    ("GreaterEqual", (), {}, [A, B], False), ("LogicalAnd", (), {}, [BOOL_A, BOOL_B], False),
    ("LogicalOr", (), {}, [BOOL_A, BOOL_B], False), ("LogicalXor", (), {}, [BOOL_A, BOOL_B], False),
    ("BitwiseAnd", (), {}, [I23, I23 + 1], False), ("BitwiseOr", (), {}, [I23, I23 + 1], False),
    ("BitwiseXor", (), {}, [I23, I23 + 1], False), ("Lerp", (), {}, [A, B, P * 0.4], True),
    ("AddN", (), {}, [("tuple", A, B, P)], False),
    ("IsClose", (), {}, [A, A + np.float32(1e-6)], False),
    ("NanToNum", (), {}, [np.array([np.nan, np.inf, -np.inf, 1.], np.float32)], False),
    ("Logit", (), {"eps": 0.1}, [P * 0.4], False),
    # matmul
    ("MatMul", (), {}, [A, M34], True), ("MatMul", (), {"transpose_b": True}, [A, B], True, "MatMul/tb"),
    ("MatMul", (True,), {}, [A, B], True, "MatMul/ta"),
    ("BatchMatMul", (), {}, [X4, _r(11, (2, 4, 2))], True),
    ("BatchMatMul", (), {"transpose_a": True}, [X4, _r(12, (2, 3, 2))], True, "BatchMatMul/ta"),
    # reductions
    ("ReduceSum", (), {}, [X4, 1], True), ("ReduceSum", (True,), {}, [X4, (0, 2)], True, "ReduceSum/keep"),
    ("ReduceSum", (), {}, [X4], True, "ReduceSum/all"), ("ReduceMean", (), {"keep_dims": True}, [X4, 2], True),
    ("ReduceMax", (), {}, [X4, 1], True), ("ReduceMin", (), {}, [X4, -1], True), ("ReduceProd", (), {}, [X4, 2], True),
    ("ReduceAll", (), {}, [BOOL_A, 1], False), ("ReduceAny", (), {"keep_dims": True}, [BOOL_A, 1], False),
    ("CumSum", (), {}, [A, 1], True), ("CumSum", (True, True), {}, [A, 1], True, "CumSum/exclusive_reverse"),
    ("CumProd", (), {}, [P, 1], True), ("CumProd", (), {"exclusive": True}, [P, 0], False, "CumProd/exclusive"),
    ("Argmax", (), {}, [A], False), ("Argmax", (0,), {}, [A], False, "Argmax/axis0"), ("Argmin", (), {}, [A], False),
    
    ("Cummax", (1,), {}, [A], False),
    # array
    ("Reshape", (), {}, [A, (3, 2)], True), ("Transpose", (), {}, [X4, (2, 0, 1)], True),
    ("ExpandDims", (), {}, [A, 1], True), ("Squeeze", (), {}, [A.reshape(2, 1, 3)], True),
    ("Squeeze", (1,), {}, [A.reshape(2, 1, 3, 1)], False, "Squeeze/axis"), ("Flatten", (), {}, [X4], True),
    ("Tile", (), {}, [A, (2, 1)], True), ("BroadcastTo", ((3, 2, 3),), {}, [A], True),
    ("Concat", (1,), {}, [("tuple", A, B)], True), ("Concat", (), {}, [("tuple", A, B)], False, "Concat/default"),
    ("Stack", (), {"axis": 1}, [("tuple", A, B)], True),
    ("Unstack", (), {}, [A], False), ("Unstack", (1,), {}, [A], False, "Unstack/axis1"),
    ("Split", (1, 3), {}, [A], False), ("Split", (0, 2), {}, [A], False, "Split/axis0"),
    ("Cast", (), {}, [A * 3, "dt:int32"], False), ("Cast", (), {}, [I23, "dt:float16"], False, "Cast/f16"),
    ("Shape", (), {}, [X4], False), ("Rank", (), {}, [X4], False), ("Size", (), {}, [X4], False),
    ("DType", (), {}, [X4], False), ("ZerosLike", (), {}, [A], False), ("OnesLike", (), {}, [I23], False),
    ("Fill", (), {}, ["dt:float32", (2, 2), 3.0], False), ("Zeros", (), {}, [(2, 3), "dt:int32"], False),
    ("Ones", (), {}, [(2, 3), "dt:float32"], False), ("Eye", (), {}, [2, 3, "dt:float32"], False),
    ("Select", (), {}, [BOOL_A, A, B], True), ("Identity", (), {}, [A], False),
    ("Gather", (), {}, [M34, np.array([2, 0], np.int32), 0], True),
    ("Gather", (), {}, [M34, np.array([[3, 1]], np.int32), 1], True, "Gather/axis1"),
    ("GatherD", (), {}, [A, 1, np.array([[0, 0, 2], [1, 2, 0]], np.int32)], True),
    ("GatherNd", (), {}, [A, np.array([[0, 1], [1, 2]], np.int32)], True),
    ("ScatterNd", (), {}, [np.array([[0], [2]], np.int32), np.array([[1., 2.], [3., 4.]], np.float32), (3, 2)],
     False),
    ("TensorScatterUpdate", (), {}, [A, np.array([[0, 1]], np.int32), np.array([9.], np.float32)], False),
    ("TensorScatterAdd", (), {}, [A, np.array([[0, 1], [0, 1]], np.int32), np.array([1., 2.], np.float32)], False),
    ("OneHot", (), {}, [np.array([0, 2, 1], np.int32), 3, np.float32(1), np.float32(0)], False),
    ("MaskedFill", (), {}, [A, BOOL_A, np.float32(0.5)], False), ("MaskedSelect", (), {}, [A, BOOL_A], False),
    ("Sort", (), {}, [A], False), ("Sort", (0, True), {}, [A], False, "Sort/descending"),
    ("TopK", (), {}, [A, 2], False), ("Unique", (), {}, [np.array([3, 1, 3, 2, 1], np.int32)], False),
    ("Tril", (), {}, [M34], False), ("Triu", (1,), {}, [M34], False), ("Diag", (), {}, [A[0]], False),
    ("ReverseV2", ((1,),), {}, [A], False),
    ("Slice", (), {}, [X4, (0, 1, 1), (2, 2, -1)], True),
    ("StridedSlice", (), {}, [X4, (0, 0, 1), (2, 3, 4), (1, 2, 2)], True),
    ("StridedSlice", (1, 2, 0, 0, 4), {}, [X4, (1, 1, 1), (2, 3, 3), (1, 1, 1)], False, "StridedSlice/masks"),
    # activations
    ("ReLU", (), {}, [A], True), ("ReLU6", (), {}, [A * 8], True), ("Sigmoid", (), {}, [A], True),
    ("Tanh", (), {}, [A], True), ("Softsign", (), {}, [A], True), ("Mish", (), {}, [A], True),
    ("SeLU", (), {}, [A], False), ("HSwish", (), {}, [A * 4], True), ("HSigmoid", (), {}, [A * 4], True),
    ("FastGeLU", (), {}, [A], True), ("Softplus", (), {}, [A], True), ("GeLU", (), {}, [A], True),
    ("Elu", (), {}, [A], True), ("Elu", (0.5,), {}, [A], False, "Elu/alpha"), ("CeLU", (), {"alpha": 2.0}, [A], True),
    ("GLU", (), {}, [X4], True), ("Softmax", (), {}, [A], True), ("Softmax", (0,), {}, [A], False, "Softmax/axis0"),
    ("LogSoftmax", (), {}, [A], True), ("BiasAdd", (), {}, [IMG, np.array([0.5, -1.], np.float32)], True),
    ("Dense", (), {}, [A, M34.T.copy(), np.array([1., 2., 3., 4.], np.float32)], True),
    # convolution, pooling, normalisation
    ("Conv2D", (3, 3), {}, [IMG, W], True),
    ("Conv2D", (3, 3), {"pad_mode": "pad", "pad": 1, "stride": 2}, [IMG, W], False, "Conv2D/pad_stride"),
    ("Conv2D", (3, 3), {"pad_mode": "same"}, [IMG, W], False, "Conv2D/same"),
    ("MaxPool", (2, 2), {}, [IMG], True), ("MaxPool", (3, 2), {"pad_mode": "same"}, [IMG], False, "MaxPool/same"),
    ("AvgPool", (2, 1), {}, [IMG], True), ("AvgPool", (3, 2), {"pad_mode": "same"}, [IMG], False, "AvgPool/same"),
    ("LayerNorm", (), {}, [A, np.array([1., 2., 3.], np.float32), np.array([0., 1., 0.], np.float32)], False),
    ("LayerNorm", (-1, -1), {"epsilon": 1e-5}, [X4, _r(13, (4,)), _r(14, (4,))], False, "LayerNorm/last"),
    # losses
    ("SoftmaxCrossEntropyWithLogits", (), {}, [A, PROB], False),
    ("SparseSoftmaxCrossEntropyWithLogits", (), {}, [A, LAB], False),
    ("SigmoidCrossEntropyWithLogits", (), {}, [A, T01], False),
    ("BCEWithLogitsLoss", (), {}, [A, T01, np.ones((2, 3), np.float32), np.ones((3,), np.float32)], False),
    ("BinaryCrossEntropy", (), {"reduction": "sum"}, [P * 0.4, T01, np.ones((2, 3), np.float32)], False),
    ("L2Loss", (), {}, [A], True), ("SmoothL1Loss", (), {}, [A, B], True),
    ("SmoothL1Loss", (0.5, "mean"), {}, [A, B], False, "SmoothL1Loss/mean"),
    ("KLDivLoss", (), {"reduction": "sum"}, [np.log(PROB), PROB[::-1].copy()], False),
    ("NLLLoss", (), {}, [np.log(PROB), LAB, np.array([1., 2., 0.5], np.float32)], False),
    # other
    ("StopGradient", (), {}, [A], False), ("Depend", (), {}, [A, B], False),
]

RANDOM_ROWS = [
    ("UniformReal", (), {"seed": 1}, [(2, 3)]), ("StandardNormal", (3, 4), {}, [(3, 2)]),
    ("UniformInt", (), {}, [(4,), np.int32(0), np.int32(5)]),
    ("Dropout", (0.7,), {}, [np.ones((4, 5), np.float32)]),
]

# (class, constructor kwargs, parameter initial values, further inputs)
STATE_ROWS = [
    ("Assign", {}, [A], [B]), ("AssignAdd", {}, [A], [B]), ("AssignSub", {}, [A], [B]),
    ("ApplyMomentum", {}, [A, B], [np.float32(0.1), P, np.float32(0.9)]),
    ("ApplyGradientDescent", {}, [A], [np.float32(0.1), B]),
]

DELIBERATE = {
    "Elu/alpha": "MindSpore 2.10's CPU Elu primitive refuses alpha != 1.0 (ValueError); minispore computes it",
    "Slice/grad": "MindSpore 2.10's SliceGrad refuses a size of -1 (RuntimeError), which Slice accepts; minispore "
                  "differentiates it",
}
TOLERANCE = {}


def cases(ms):
    ops = ms.ops
    out = []

    # (the gradient's output: the first of a tuple only; a tuple input is differentiated as a whole)
    R = rows.Rows(ms, forms=("dt", "tuple"), wrt=rows.differentiated(tuples=True), seqs=(tuple,))
    arg = R.arg

    for row in ROWS:
        name, a, kw, inputs, with_grad = row[:5]
        case = row[5] if len(row) > 5 else name

        def thunk(name=name, a=a, kw=kw, inputs=inputs):
            p = getattr(ops, name)(*a, **kw)
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, thunk))
        if with_grad:
            def gthunk(name=name, a=a, kw=kw, inputs=inputs):
                p = getattr(ops, name)(*a, **kw)
                return R.grad_of(p, inputs)
            out.append((case + "/grad", gthunk))

    for name, a, kw, inputs in RANDOM_ROWS:
        def rthunk(name=name, a=a, kw=kw, inputs=inputs):
            p = getattr(ops, name)(*a, **kw)
            r = p(*[arg(v) for v in inputs])
            rs = r if isinstance(r, tuple) else (r,)
            return str(p), p.name, tuple((tuple(t.shape), str(t.dtype)) for t in rs)
        out.append((name, rthunk))

    for row in STATE_ROWS:
        name, kw, params, inputs = row[:4]
        case = row[4] if len(row) > 4 else name

        def sthunk(name=name, kw=kw, params=params, inputs=inputs):
            p = getattr(ops, name)(**kw)
            ps = [ms.Parameter(ms.Tensor(v.copy()), name=f"p{i}") for i, v in enumerate(params)]
            r = p(*ps, *[arg(v) for v in inputs])
            return str(p), p.name, r, tuple(ms.Tensor(q.asnumpy()) for q in ps)
        out.append((case, sthunk))

    # errors a user can act on
    out.append(("err/Concat_shapes", lambda: ops.Concat(1)((ms.Tensor(A), ms.Tensor(X4)))))
    out.append(("err/MatMul_shapes", lambda: ops.MatMul()(ms.Tensor(A), ms.Tensor(B))))
    out.append(("err/Reshape_size", lambda: ops.Reshape()(ms.Tensor(A), (4, 2))))
    out.append(("err/Split_divisible", lambda: ops.Split(1, 2)(ms.Tensor(A))))
    # the Primitive API
    out.append(("api/add_prim_attr", lambda: str(ops.ReduceSum(True).add_prim_attr("foo", 1))))
    out.append(("api/attrs", lambda: ops.Concat(1).attrs))
    out.append(("api/keep_dims", lambda: (ops.ReduceMean(True).keep_dims, ops.MatMul(transpose_b=True).transpose_b)))
    return out
