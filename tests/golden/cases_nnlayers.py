"""Reference ("golden") cases for MindSpore 2.10's further neural-network names: the functions of
minispore/ops/function/nn_more_func.py (``soft_margin_loss``, ``multilabel_margin_loss``, ``triplet_margin_loss``,
``lp_pool1d/2d``, ``max_unpool1d/2d/3d``, ``lrn``, ``bidense``, ``clip_by_global_norm``, ``rrelu``), the Primitive
classes of minispore/ops/operations/nn_more_ops.py and the Cells of minispore/nn/layer/more_layers.py,
minispore/nn/layer/pooling2.py and minispore/nn/loss/losses2.py.

``FUNC_ROWS``: ``(case, function, inputs, kwargs, with gradient)``; ``PRIM_ROWS``: ``(case, class, constructor args,
constructor kwargs, inputs, with gradient)`` giving the printed Primitive and its outputs; with gradient also
``<case>/grad``, the gradient (``ms.grad``) of the sum of the first output with respect to the float32 array inputs.
``ERROR_ROWS``: calls MindSpore refuses (the error class). Cells: ``cell/<name>`` (output and gradients of
``sum(output * w)`` w.r.t. the float inputs, weights set from seeded NumPy arrays) and ``repr/<name>``.
``gen_nnlayers.py`` records ``nnlayers.json`` with MindSpore; tests/test_golden_nnlayers.py runs the same cases on
minispore. Inputs are NumPy arrays (made into Tensors), Python values, ``("tuple", ...)`` (a tuple of Tensors) or
dtype names ``"dt:int32"``.
"""
import numpy as np

import rows


_r = rows.uniform
_i = rows.integers


def _pool_argmax(x, k):
    """Max-pool values and flat spatial argmax indices (kernel = stride = k, no padding) of (N, C, *spatial)."""
    nd = len(k)
    spatial = x.shape[-nd:]
    outs = tuple(s // kk for s, kk in zip(spatial, k))
    vals = np.zeros(x.shape[:-nd] + outs, x.dtype)
    idx = np.zeros(x.shape[:-nd] + outs, np.int64)
    for lead in np.ndindex(*x.shape[:-nd]):
        for o in np.ndindex(*outs):
            sl = tuple(slice(oo * kk, oo * kk + kk) for oo, kk in zip(o, k))
            win = x[lead + sl]
            j = np.unravel_index(int(np.argmax(win)), win.shape)
            pos = tuple(oo * kk + jj for oo, kk, jj in zip(o, k, j))
            vals[lead + o] = win[j]
            idx[lead + o] = np.ravel_multi_index(pos, spatial)
    return vals, idx


A = _r(1, (3, 4))
B = _r(2, (3, 4))
C = _r(3, (3, 4))
PM = np.where(_r(4, (3, 4)) > 0, 1.0, -1.0).astype(np.float32)
ML_T = np.array([[3, 0, -1, 1], [0, 1, 2, 3], [1, -1, 0, 0]], np.int32)
POS3 = _r(5, (2, 3, 8), 0.1, 2.0)
POS4 = _r(6, (2, 3, 6, 6), 0.1, 2.0)
X1 = _r(7, (2, 3, 8))
X4 = _r(8, (2, 5, 3, 3))
V1, I1 = _pool_argmax(_r(9, (2, 3, 8)), (2,))
V2, I2 = _pool_argmax(_r(10, (2, 3, 4, 6)), (2, 2))
V3, I3 = _pool_argmax(_r(11, (1, 2, 4, 4, 4)), (2, 2, 2))
BI1 = _r(12, (3, 4))
BI2 = _r(13, (3, 5))
BIW = _r(14, (2, 4, 5))
BIB = _r(15, (2,))
MM_T = np.array([0, 4, 2], np.int64)
CTC_LP = np.log(np.random.default_rng(33).dirichlet(np.ones(5), (6, 3))).astype(np.float32)   # (T, N, C)
CTC_T = np.array([[1, 2, 2], [1, 3, 0], [4, 4, 4]], np.int32)
CTC_IL = np.array([6, 5, 6], np.int32)
CTC_TL = np.array([3, 2, 3], np.int32)
GREEDY = np.round(_r(34, (6, 3, 4), 0.0, 1.0) * 3).astype(np.float32) + _r(35, (6, 3, 4), 0.0, 0.01)  # repeats
CTC_TL_LONG = np.array([3, 2, 3], np.int32)
CTC_IL_SHORT = np.array([6, 5, 4], np.int32)          # the third sample cannot align (4 4 4 needs 5 steps)

# (case, function, inputs, kwargs, with gradient)
FUNC_ROWS = [
    ("lp_pool1d", "lp_pool1d", [POS3, 2, 3], {}, True),
    ("soft_margin_loss", "soft_margin_loss", [A, PM], {}, False),
    ("lp_pool1d/stride", "lp_pool1d", [POS3, 1.5, 2], {"stride": 1}, True),
    ("lp_pool1d/2d", "lp_pool1d", [POS3[0], 3, 2], {}, True),
    ("multilabel_margin_loss", "multilabel_margin_loss", [A, ML_T], {}, False),
    ("lp_pool2d", "lp_pool2d", [POS4, 2, 2], {}, True),
    ("lp_pool2d/stride", "lp_pool2d", [POS4, 3, (3, 2)], {"stride": (2, 1)}, True),
    ("triplet_margin_loss", "triplet_margin_loss", [A, B, C], {}, False),
    ("max_unpool1d", "max_unpool1d", [V1, I1, 2], {}, True),
    ("max_unpool1d/output_size", "max_unpool1d", [V1, I1, 2], {"output_size": (2, 3, 9)}, True),
    ("max_unpool2d", "max_unpool2d", [V2, I2, 2], {}, True),
    ("max_unpool2d/stride", "max_unpool2d", [V2, I2, (2, 2)], {"stride": (2, 2)}, True),
    ("max_unpool3d", "max_unpool3d", [V3, I3, 2], {}, True),
    ("lrn", "lrn", [X4], {}, True),
    ("lrn/args", "lrn", [X4, 2, 0.5, 0.3, 0.75], {}, True),
    ("bidense", "bidense", [BI1, BI2, BIW, BIB], {}, True),
    ("bidense/no_bias", "bidense", [BI1, BI2, BIW], {}, True),
    ("ctc_loss", "ctc_loss", [CTC_LP, CTC_T, CTC_IL, CTC_TL], {}, True),
    ("ctc_loss/sum", "ctc_loss", [CTC_LP, CTC_T, CTC_IL, CTC_TL], {"reduction": "sum"}, True),
    ("ctc_loss/none_blank", "ctc_loss", [CTC_LP, CTC_T - 1 + (CTC_T == 0) * 5, CTC_IL, CTC_TL],
     {"reduction": "none", "blank": 4}, True),
    ("ctc_loss/impossible", "ctc_loss", [CTC_LP, CTC_T, CTC_IL_SHORT, CTC_TL], {"reduction": "none"}, False),
    ("ctc_loss/zero_infinity", "ctc_loss", [CTC_LP, CTC_T, CTC_IL_SHORT, CTC_TL], {"zero_infinity": True}, True),
    ("ctc_greedy_decoder", "ctc_greedy_decoder", [GREEDY, np.array([6, 4, 0], np.int32)], {}, False),
    ("ctc_greedy_decoder/no_merge", "ctc_greedy_decoder", [GREEDY, np.array([6, 5, 3], np.int32)],
     {"merge_repeated": False}, False),
    ("clip_by_global_norm", "clip_by_global_norm", [("tuple", A * 2, B)], {}, False),
    ("clip_by_global_norm/big", "clip_by_global_norm", [("tuple", A, B)], {"clip_norm": 10.0}, False),
]

# (case, class, constructor args, constructor kwargs, inputs, with gradient)
PRIM_ROWS = [
    ("MultiMarginLoss", "MultiMarginLoss", (), {}, [_r(16, (3, 5)), MM_T], True),
    ("MultiMarginLoss/p2", "MultiMarginLoss", (2, 0.5), {"reduction": "none"},
     [_r(16, (3, 5)), MM_T, _r(17, (5,), 0.1, 1.0)], True),
    ("SoftMarginLoss", "SoftMarginLoss", (), {}, [A, PM], False),
    ("CTCLossV2", "CTCLossV2", (), {}, [CTC_LP, CTC_T, CTC_IL, CTC_TL], True),
    ("CTCLossV2/mean", "CTCLossV2", (0, "mean"), {}, [CTC_LP, CTC_T, CTC_IL, CTC_TL], True),
    ("CTCGreedyDecoder", "CTCGreedyDecoder", (), {}, [GREEDY, np.array([6, 4, 2], np.int32)], False),
    ("CTCGreedyDecoder/no_merge", "CTCGreedyDecoder", (False,), {}, [GREEDY, np.array([6, 5, 3], np.int32)], False),
    ("LRN", "LRN", (), {}, [X4], True),
    ("LRN/args", "LRN", (2, 0.5, 0.3, 0.75), {}, [X4], True),
    ("PReLU", "PReLU", (), {}, [X4, _r(18, (5,), 0.0, 0.5)], True),
    ("MultilabelMarginLoss", "MultilabelMarginLoss", (), {}, [A, ML_T], False),
    ("HShrink", "HShrink", (), {}, [A], True),
    ("HShrink/lambd", "HShrink", (0.3,), {}, [A], True),
    ("TripletMarginLoss", "TripletMarginLoss", (), {}, [A, B, C, np.float32(1.0)], False),
    ("SoftShrink", "SoftShrink", (), {}, [A], True),
    ("SoftShrink/lambd", "SoftShrink", (0.3,), {}, [A], True),
    ("FastGelu", "FastGelu", (), {}, [A * 3], True),
    ("Gelu", "Gelu", (), {}, [A * 3], True),
    ("MaxUnpool2D", "MaxUnpool2D", (2,), {}, [V2, I2], True),
    ("MaxUnpool2D/strides", "MaxUnpool2D", ((2, 2), (2, 2)), {}, [V2, I2], True),
    ("MaxUnpool3D", "MaxUnpool3D", (2,), {}, [V3, I3], True),
    ("MaxPoolWithArgmaxV2", "MaxPoolWithArgmaxV2", (2,), {}, [_r(10, (2, 3, 4, 6))], True),
    ("MaxPoolWithArgmaxV2/strides", "MaxPoolWithArgmaxV2", ((3, 2), (1, 2)), {}, [_r(10, (2, 3, 4, 6))], True),
    ("MaxPoolWithArgmax", "MaxPoolWithArgmax", (2, 2), {}, [_r(10, (2, 3, 4, 6))], True),
]

# (case, class, constructor kwargs, inputs): random outputs, shape and dtype recorded
RANDOM_PRIM_ROWS = [
    ("Dropout2D", "Dropout2D", {}, [X4]),
    ("Dropout2D/keep", "Dropout2D", {"keep_prob": 0.8}, [X4]),
    ("Dropout3D", "Dropout3D", {}, [_r(19, (2, 3, 2, 2, 2))]),
]

# (case, function, inputs, kwargs): MindSpore refuses these
ERROR_ROWS = [
    ("err/soft_margin_loss_shape", "soft_margin_loss", [A, PM[:, :2]], {}),
    ("err/soft_margin_loss_reduction", "soft_margin_loss", [A, PM], {"reduction": "max"}),
    ("err/lp_pool1d_norm_zero", "lp_pool1d", [POS3, 0, 2], {}),
    ("err/lp_pool1d_norm_str", "lp_pool1d", [POS3, "2", 2], {}),
    ("err/triplet_margin_loss_shape", "triplet_margin_loss", [A, B, C[:2]], {}),
    ("err/bidense_shape", "bidense", [BI1, BI2, BIW[:, :3]], {}),
    ("err/rrelu_bounds", "rrelu", [A, 0.5, 0.1], {}),
    ("err/rrelu_type", "rrelu", [A, "a"], {}),
    ("err/multilabel_margin_loss_shape", "multilabel_margin_loss", [A, ML_T[:2]], {}),
]

_CPU = "MindSpore 2.10 has no CPU kernel for it (RuntimeError at the call); minispore computes it, checked against " \
       "NumPy in tests/test_golden_nnlayers.py"
DELIBERATE = {"soft_margin_loss": _CPU, "multilabel_margin_loss": _CPU, "triplet_margin_loss": _CPU,
              "SoftMarginLoss": _CPU, "MultilabelMarginLoss": _CPU, "TripletMarginLoss": _CPU,
              "cell/clip_by_norm_axis": "MindSpore 2.10's CPU ClipByNorm with an axis scales the rows by factors that "
                                        "are not clip_norm / max(||row||, clip_norm) (row 1 by 0.2215 where "
                                        "1 / ||row|| = 0.4207); minispore follows the documented formula, checked "
                                        "against NumPy in tests/test_golden_nnlayers.py",
              "ctc_loss/zero_infinity": "MindSpore 2.10's CPU ctc_loss ignores zero_infinity=True (the mean is inf); "
                                        "minispore zeroes the impossible sample's loss, checked in "
                                        "tests/test_golden_nnlayers.py against the recorded per-sample losses",
              "cell/ctc_sum_zero_inf": "as ctc_loss/zero_infinity: MindSpore 2.10 ignores zero_infinity=True",
              "cell/roll": _CPU, "cell/roll_two": _CPU,
              "cell/psnr": "MindSpore 2.10's PSNR fails for every input in PyNative mode (ValueError from ScalarCast of its "
                           "float max_val); minispore computes it, checked against NumPy in tests/test_golden_nnlayers.py",
              "MultiMarginLoss/p2/grad": "MindSpore 2.10's MultiMarginLoss gives a zero gradient for 'weight'; "
                                              "minispore gives its derivative (the gradient for the input matches)"}
for _also in ("cell/psnr_uint8", "cell/ssim", "cell/msssim"):
    DELIBERATE[_also] = DELIBERATE["cell/psnr"].replace("PSNR", _also[5:].upper())
TOLERANCE = {}


def cases(ms):
    ops = ms.ops
    out = []

    R = rows.Rows(ms, forms=("dt", "tuple"))
    arg, grad_of = R.arg, R.grad_of

    for case, fname, inputs, kw, with_grad in FUNC_ROWS:
        def thunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, thunk))
        if with_grad:
            def gthunk(fname=fname, inputs=inputs, kw=kw):
                return grad_of(lambda *a: getattr(ops, fname)(*a, **kw), inputs)
            out.append((case + "/grad", gthunk))

    for case, name, a, kw, inputs, with_grad in PRIM_ROWS:
        def pthunk(name=name, a=a, kw=kw, inputs=inputs):
            p = getattr(ops, name)(*a, **kw)
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, pthunk))
        if with_grad:
            def pgthunk(name=name, a=a, kw=kw, inputs=inputs):
                p = getattr(ops, name)(*a, **kw)
                return grad_of(p, inputs)
            out.append((case + "/grad", pgthunk))

    for case, name, kw, inputs in RANDOM_PRIM_ROWS:
        def rthunk(name=name, kw=kw, inputs=inputs):
            p = getattr(ops, name)(**kw)
            r = p(*[arg(v) for v in inputs])
            rs = r if isinstance(r, tuple) else (r,)
            return str(p), p.name, tuple((tuple(t.shape), str(t.dtype)) for t in rs)
        out.append((case, rthunk))

    out.extend(cell_cases(ms))

    for case, fname, inputs, kw in ERROR_ROWS:
        def ethunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, ethunk))
    return out


IMG = _r(20, (2, 3, 6, 6), 0.0, 1.0)
IMG2 = _r(21, (2, 3, 6, 6), 0.0, 1.0)
ONE_HOT_LAB = np.eye(4, dtype=np.float32)[[0, 2, 1]]
SEG = _r(22, (2, 3, 4, 4), 0.0, 1.0)
SEG_LAB = (np.random.default_rng(23).random((2, 3, 4, 4)) > 0.5).astype(np.float32)


def cell_cases(ms):
    """``cell/<name>``: the Cell's output and the gradients of ``sum(output * w)`` w.r.t. its float inputs;
    ``repr/<name>``: its repr."""
    nn, T = ms.nn, ms.Tensor
    out = []

    def value_and_grads(make, inputs, n_grad=None):
        def thunk():
            cell = make()
            args = [T(a) if isinstance(a, (np.ndarray, np.generic)) else a for a in inputs]
            y = cell(*args)
            first = y[0] if isinstance(y, tuple) else y
            w = T(_r(99, first.shape)) if first.shape else T(np.float32(1.5))
            pos = [i for i, a in enumerate(inputs) if isinstance(a, np.ndarray) and a.dtype == np.float32]
            pos = pos if n_grad is None else pos[:n_grad]
            if not pos:
                return y

            def f(*diff):
                full = list(args)
                for i, d in zip(pos, diff):
                    full[i] = d
                r = cell(*full)
                return ((r[0] if isinstance(r, tuple) else r) * w).sum()
            return y, ms.grad(f, tuple(range(len(pos))))(*[args[i] for i in pos])
        return thunk

    def add(name, make, inputs, n_grad=None, with_repr=True, repr_make=None):
        out.append(("cell/" + name, value_and_grads(make, inputs, n_grad)))
        if with_repr:
            out.append(("repr/" + name, lambda: repr((repr_make or make)())))

    # losses
    add("triplet_margin_with_distance", lambda: nn.TripletMarginWithDistanceLoss(), [A, B, C])
    add("triplet_margin_with_distance_swap", lambda: nn.TripletMarginWithDistanceLoss(swap=True, margin=0.3,
                                                                                      reduction="none"), [A, B, C])
    add("dice", lambda: nn.DiceLoss(), [SEG, SEG_LAB], 1)
    add("dice_smooth", lambda: nn.DiceLoss(smooth=0.5), [SEG, SEG_LAB], 1)
    add("multiclass_dice", lambda: nn.MultiClassDiceLoss(), [SEG, SEG_LAB], 1)
    add("multiclass_dice_weights", lambda: nn.MultiClassDiceLoss(weights=T(_r(24, (3, 1), 0.5, 1.0)),
                                                                 ignore_indiex=1, activation="sigmoid"),
        [SEG, SEG_LAB], 1)
    add("focal", lambda: nn.FocalLoss(), [A, ONE_HOT_LAB], 1)
    add("focal_index", lambda: nn.FocalLoss(weight=T(_r(25, (4,), 0.5, 1.5)), gamma=1.5),
        [A, np.array([[0], [3], [1]], np.int32)], 1)
    add("focal_4d", lambda: nn.FocalLoss(reduction="none"), [SEG, SEG_LAB], 1)
    add("ctc", lambda: nn.CTCLoss(), [CTC_LP, CTC_T, CTC_IL, CTC_TL])
    add("ctc_sum_zero_inf", lambda: nn.CTCLoss(reduction="sum", zero_infinity=True),
        [CTC_LP, CTC_T, CTC_IL_SHORT, CTC_TL])
    def sampled(k, s_ids, tc, sc):
        return (T(np.array(s_ids, np.int32)), T(np.full((3, k), tc, np.float32)), T(np.full((len(s_ids),), sc,
                                                                                            np.float32)))
    add("sampled_softmax", lambda: nn.SampledSoftmaxLoss(4, 7, sampled_values=sampled(1, [6, 2, 5, 0], 0.4, 0.5)),
        [_r(36, (7, 5)), _r(37, (7,)), np.array([0, 3, 6], np.int32), _r(38, (3, 5))])
    add("sampled_softmax_two_true", lambda: nn.SampledSoftmaxLoss(3, 7, num_true=2, reduction="mean",
                                                                  sampled_values=sampled(2, [1, 4, 5], 0.3, 0.45)),
        [_r(36, (7, 5)), _r(37, (7,)), np.array([[0, 3], [6, 2], [1, 1]], np.int64), _r(38, (3, 5))])
    # pooling
    add("lp_pool1d", lambda: nn.LPPool1d(2, 3, 2), [POS3])
    add("lp_pool2d", lambda: nn.LPPool2d(1.5, 2), [POS4])
    add("max_unpool1d", lambda: nn.MaxUnpool1d(2), [V1, I1])
    add("max_unpool2d", lambda: nn.MaxUnpool2d(2, 2), [V2, I2])
    add("max_unpool3d", lambda: nn.MaxUnpool3d(2), [V3, I3])
    add("lrn", lambda: nn.LRN(), [X4])
    add("lrn_args", lambda: nn.LRN(2, 0.5, 0.3, 0.75), [X4])
    # layers
    add("bidense", lambda: nn.BiDense(4, 5, 2, weight_init=T(BIW), bias_init=T(BIB)), [BI1, BI2])
    add("bidense_no_bias", lambda: nn.BiDense(4, 5, 2, weight_init=T(BIW), has_bias=False), [BI1, BI2])
    add("dense_bn_act", lambda: nn.DenseBnAct(4, 3, weight_init=T(_r(26, (3, 4))), activation="relu"), [A],
        repr_make=lambda: nn.DenseBnAct(4, 3, activation="relu"))
    add("dense_bn_act_bn", lambda: nn.DenseBnAct(4, 3, weight_init=T(_r(26, (3, 4))), has_bn=True,
                                                 activation="leakyrelu", alpha=0.1), [A],
        repr_make=lambda: nn.DenseBnAct(4, 3, has_bn=True, activation="leakyrelu", alpha=0.1))
    add("conv2d_bn_act", lambda: nn.Conv2dBnAct(3, 2, 3, weight_init=T(_r(27, (2, 3, 3, 3))), activation="relu"),
        [IMG], repr_make=lambda: nn.Conv2dBnAct(3, 2, 3, activation="relu"))
    add("conv2d_bn_act_bn", lambda: nn.Conv2dBnAct(3, 2, 3, pad_mode="valid", has_bias=True,
                                                   weight_init=T(_r(27, (2, 3, 3, 3))), has_bn=True), [IMG],
        repr_make=lambda: nn.Conv2dBnAct(3, 2, 3, pad_mode="valid", has_bias=True, has_bn=True))
    add("moments", lambda: nn.Moments(), [A])
    add("moments_axis", lambda: nn.Moments(axis=1, keep_dims=True), [A])
    add("norm", lambda: nn.Norm(), [A])
    add("norm_axis", lambda: nn.Norm(axis=1, keep_dims=True), [A])
    add("one_hot", lambda: nn.OneHot(depth=4), [np.array([0, 3, 1], np.int32)])
    add("one_hot_axis", lambda: nn.OneHot(axis=0, depth=3, on_value=5.0, off_value=-1.0),
        [np.array([0, 2, 1, 1], np.int32)])
    add("range", lambda: nn.Range(5), [])
    add("range_float", lambda: nn.Range(1.0, 3.0, 0.5), [])
    add("range_args", lambda: nn.Range(2, 11, 3), [])
    add("roll", lambda: nn.Roll(1, 0), [A])
    add("roll_two", lambda: nn.Roll((1, -2), (0, 1)), [A])
    add("tril", lambda: nn.Tril(), [A])
    add("tril_k", lambda: nn.Tril(), [A, 1])
    add("triu", lambda: nn.Triu(), [A])
    add("triu_k", lambda: nn.Triu(), [A, -1])
    add("reduce_logsumexp", lambda: nn.ReduceLogSumExp(1), [A * 3])
    add("reduce_logsumexp_keep", lambda: nn.ReduceLogSumExp((0, 1), True), [A * 3])
    add("matmul", lambda: nn.MatMul(), [A, B.T.copy()])
    add("matmul_t", lambda: nn.MatMul(transpose_x1=True, transpose_x2=True), [_r(28, (2, 4, 3)), _r(29, (5, 4))])
    add("clip_by_norm", lambda: nn.ClipByNorm(), [A * 3, np.float32(1.0)], 1)
    add("clip_by_norm_axis", lambda: nn.ClipByNorm(axis=1), [A * 3, np.float32(1.0)], 1)
    add("l1_regularizer", lambda: nn.L1Regularizer(0.5), [A])
    add("central_crop", lambda: nn.CentralCrop(0.5), [IMG])
    add("central_crop_3d", lambda: nn.CentralCrop(0.7), [IMG[0]])
    add("image_gradients", lambda: nn.ImageGradients(), [IMG])
    add("psnr", lambda: nn.PSNR(), [IMG, IMG2])
    add("psnr_uint8", lambda: nn.PSNR(255), [(IMG * 255).astype(np.uint8), (IMG2 * 255).astype(np.uint8)])
    add("ssim", lambda: nn.SSIM(filter_size=3), [IMG, IMG2], with_repr=False)
    add("msssim", lambda: nn.MSSSIM(filter_size=3, power_factors=(0.3, 0.7)), [IMG, IMG2], with_repr=False)
    add("time_distributed", lambda: nn.TimeDistributed(nn.Dense(4, 3, weight_init=T(_r(30, (3, 4))),
                                                                bias_init=T(_r(31, (3,)))), time_axis=1),
        [_r(32, (2, 5, 4))])
    add("time_distributed_reshape", lambda: nn.TimeDistributed(
        nn.Dense(4, 3, weight_init=T(_r(30, (3, 4))), bias_init=T(_r(31, (3,)))), time_axis=1,
        reshape_with_axis=0), [_r(32, (2, 5, 4))])

    out.append(("repr/rrelu", lambda: repr(nn.RReLU())))
    for name, make in {"soft_margin": lambda: nn.SoftMarginLoss(), "multilabel_margin": lambda: nn.MultilabelMarginLoss(),
                       "triplet_margin": lambda: nn.TripletMarginLoss()}.items():
        out.append(("repr/" + name, lambda make=make: repr(make())))
    return out
