"""Reference ("golden") cases for MindSpore 2.10's CNN-family Primitive classes of
``mindspore.ops.operations.nn_ops`` and the image Primitives of ``mindspore.ops`` (minispore's
``ops/operations/cnn_ops.py``, functions in ``ops/function/cnn_func.py``).

``PRIM_ROWS``: ``(class, constructor args, constructor kwargs, inputs, with gradient[, case])``: the case gives the
printed Primitive (``str(prim)``), its ``name``, its output and, where an input is a Parameter
(``("param", array)``), the Parameters after the call (BatchNorm's moving statistics); with gradient also
``<case>/grad``, the gradient (``ms.grad``) of the sum of the first output with respect to the float32 array inputs.
``FUNC_ROWS``: ``(case, function, inputs, kwargs, with gradient)``. ``PRIM_ERROR_ROWS``: calls MindSpore refuses.
``gen_cnnprims.py`` records ``cnnprims.json`` with MindSpore; tests/test_golden_cnnprims.py runs the same rows on
minispore. Inputs are NumPy arrays (made into Tensors), Python values, ``("tuple", ...)`` (a tuple of Tensors),
``("param", array)`` (a Parameter) or dtype names ``"dt:int32"``.
"""
import numpy as np

import rows


_r = rows.uniform


IMG = _r(1, (1, 2, 5, 5))
IMG4 = _r(2, (2, 2, 4, 4))
VOL = _r(3, (1, 2, 4, 4, 4))
VOL3 = _r(4, (1, 2, 3, 3, 3))
SEQ = _r(5, (1, 2, 4))
NHWC = _r(6, (1, 4, 4, 2))
W2 = _r(7, (3, 2, 3, 3))
W3 = _r(8, (3, 2, 2, 2, 2))
WT3 = _r(9, (2, 3, 2, 2, 2))
DOUT2 = _r(10, (1, 3, 3, 3))
DOUT3 = _r(11, (1, 3, 3, 3, 3))
BN_X = _r(12, (2, 3, 2, 2))
BN_S = _r(13, (3,), 0.5, 1.5)
BN_B = _r(14, (3,))
BN_M = _r(15, (3,))
BN_V = _r(16, (3,), 0.5, 1.5)
A = _r(17, (2, 3))
GRID2 = _r(18, (1, 3, 3, 2), -1.1, 1.1)
GRID3 = _r(19, (1, 2, 2, 2, 3), -1.1, 1.1)
THETA2 = _r(20, (1, 2, 3))
THETA3 = _r(21, (1, 3, 4))
ROIS = np.array([[0, 0.5, 0.5, 6.0, 7.0], [0, 2.0, 1.0, 8.0, 9.0]], np.float32)
BOXES = np.array([[0.1, 0.1, 0.8, 0.9], [0.0, 0.2, 0.5, 1.0]], np.float32)
BOX_IDX = np.array([0, 0], np.int32)
OUT_BOXES = np.array([[-0.2, 0.1, 0.8, 1.3], [0.3, -0.5, 0.3, 0.7]], np.float32)     # partly outside the image
DW1 = _r(22, (1, 2, 3, 3))
I32 = np.array([4, 4], np.int32)
IDS = np.array([[1, 0, 3], [3, 1, 1]], np.int32)
EMB = _r(24, (4, 3), -1.0, 1.0)

# (class, constructor args, constructor kwargs, inputs, with gradient[, case])
PRIM_ROWS = [
    # adaptive pooling
    ("AdaptiveAvgPool2D", ((2, 3),), {}, [IMG], True),
    ("AdaptiveAvgPool2D", (3,), {}, [IMG], False, "AdaptiveAvgPool2D/int"),
    ("AdaptiveAvgPool3D", ((2, 2, 3),), {}, [VOL], True),
    ("AdaptiveMaxPool2D", ((2, 3),), {}, [IMG], True),
    ("AdaptiveMaxPool3D", (), {}, [VOL, np.array([2, 2, 3], np.int32)], True),
    ("UpsampleNearest3D", (), {}, [VOL3, None, (1.5, 1.4, 0.8)], False, "UpsampleNearest3D/scales"),
    ("UpsampleTrilinear3D", (), {}, [VOL3, None, (1.5, 1.4, 0.8)], False, "UpsampleTrilinear3D/scales"),
    # 3-D pooling
    ("AvgPool3D", (), {"kernel_size": 2, "strides": 2}, [VOL], True),
    ("AvgPool3D", (), {"kernel_size": 3, "strides": 1, "pad_mode": "same"}, [VOL3], True, "AvgPool3D/same"),
    ("AvgPool3D", (), {"kernel_size": 2, "strides": 1, "pad_mode": "pad", "pad": 1, "count_include_pad": False},
     [VOL3], True, "AvgPool3D/pad"),
    ("MaxPool3D", (), {"kernel_size": 2, "strides": 2}, [VOL], True),
    ("MaxPool3D", (), {"kernel_size": 3, "strides": 1, "pad_mode": "same"}, [VOL3], True, "MaxPool3D/same"),
    ("MaxPool3DWithArgmax", (), {"ksize": 2, "strides": 2, "pads": 0}, [VOL], True),
    ("MaxPool3DWithArgmax", (), {"ksize": 3, "strides": 2, "pads": 1, "argmax_type": "dt:int32"}, [VOL], False,
     "MaxPool3DWithArgmax/pad"),
    ("MaxPool3D", (), {"kernel_size": 2, "strides": 2, "pad_mode": "pad", "pad_list": 1}, [VOL3], True,
     "MaxPool3D/pad"),
    ("AvgPool3D", (), {"kernel_size": 2, "strides": 2, "ceil_mode": True}, [VOL3], False, "AvgPool3D/ceil"),
    ("AdaptiveMaxPool2D", ((None, 2),), {}, [IMG], False, "AdaptiveMaxPool2D/none"),
    # batch norm: inference, and training (the moving statistics updated in place)
    ("BatchNorm", (), {}, [BN_X, BN_S, BN_B, BN_M, BN_V], True),
    ("BatchNorm", (), {"is_training": True, "momentum": 0.2},
     [BN_X, ("param", BN_S), ("param", BN_B), ("param", BN_M), ("param", BN_V)], False, "BatchNorm/train"),
    # convolutions
    ("Conv2DBackpropInput", (3, 3), {}, [DOUT2, W2, (1, 2, 5, 5)], True),
    ("Conv2DTranspose", (3, 3), {}, [DOUT2, W2, (1, 2, 5, 5)], True),
    ("Conv2DTranspose", (3, 3), {"pad_mode": "pad", "pad": 1, "stride": 2}, [DOUT2, W2, (1, 2, 5, 5)], True,
     "Conv2DTranspose/stride"),
    ("Conv3D", (3, 2), {}, [VOL, W3], True),
    ("Conv3D", (3, 2), {"pad_mode": "pad", "pad": 1, "stride": 2}, [VOL, W3], True, "Conv3D/pad"),
    ("Conv3DTranspose", (2, 3, 2), {}, [VOL3, WT3], True),
    ("Conv3DTranspose", (2, 3, 2), {"pad_mode": "pad", "pad": 1, "stride": 2, "output_padding": 1}, [VOL3, WT3],
     True, "Conv3DTranspose/stride"),
    ("Conv3DBackpropInput", (3, 2), {"pad_mode": "same"}, [W3, _r(25, (1, 3, 4, 4, 4)), (1, 2, 4, 4, 4)], False,
     "Conv3DBackpropInput/same"),
    ("Conv3D", (3, 2), {"pad_mode": "same", "dilation": 2}, [VOL, W3], True, "Conv3D/same"),
    ("Conv3DBackpropInput", (3, 2), {}, [W3, DOUT3, (1, 2, 4, 4, 4)], False),
    # the softmax / softplus forms
    ("SoftplusExt", (), {}, [A, 2.0, 1.0], False),
    # (rows MindSpore 2.10's CPU build has no kernel for are DELIBERATE, spread out: a run of kernel errors breaks
    # MindSpore's indexing state for the cases after it)
    ("LogSoftmaxExt", (), {}, [A, 1], False),
    ("AllFinite", (), {}, [("tuple", A, IMG)], False),
    ("AllFinite", (), {}, [("tuple", A, np.array([1.0, np.inf], np.float32))], False, "AllFinite/inf"),
    # upsampling
    ("UpsampleNearest1D", (), {}, [SEQ, (7,), None], True),
    ("UpsampleNearest2D", (), {}, [IMG, (7, 3), None], True),
    ("UpsampleNearest3D", (), {}, [VOL3, (5, 4, 2), None], True),
    ("UpsampleTrilinear3D", (), {}, [VOL3, (5, 4, 2), None], True),
    ("UpsampleTrilinear3D", (True,), {}, [VOL3, (5, 4, 2), None], False, "UpsampleTrilinear3D/align"),
    ("UpsampleLinear1D", (), {}, [SEQ, (7,), None, False], True),
    ("UpsampleBilinear2D", (), {}, [IMG, (7, 3), None, True], False, "UpsampleBilinear2D/align"),
    # resizing (mindspore.ops)
    ("ResizeBilinearV2", (), {}, [IMG, I32], True),
    ("ResizeBilinearV2", (True,), {}, [IMG, np.array([7, 3], np.int32)], False, "ResizeBilinearV2/align"),
    ("ResizeBilinearV2", (False, True), {}, [IMG, np.array([7, 3], np.int32)], False, "ResizeBilinearV2/half"),
    ("ResizeNearestNeighbor", ((7, 3),), {}, [IMG], True),
    ("ResizeNearestNeighbor", ((7, 3), True), {}, [IMG], False, "ResizeNearestNeighbor/align"),
    # 4 -> 7 with aligned corners: the sources land on halves (0.5, 2.5), which round up (roundf)
    ("ResizeNearestNeighbor", ((7, 9), True), {}, [_r(40, (1, 2, 4, 5))], False, "ResizeNearestNeighbor/align_half"),
    ("ResizeNearestNeighborV2", (), {}, [IMG, np.array([7, 3], np.int32)], False),
    ("ResizeBicubic", (), {}, [IMG, np.array([7, 3], np.int32)], False),
    ("ResizeBicubic", (True,), {}, [IMG, np.array([7, 3], np.int32)], False, "ResizeBicubic/align"),
    ("ResizeBicubic", (False, True), {}, [IMG, np.array([7, 3], np.int32)], True, "ResizeBicubic/half"),
    ("ResizeNearestNeighborV2", (False, True), {}, [IMG, np.array([7, 3], np.int32)], False,
     "ResizeNearestNeighborV2/half"),
    ("ResizeNearestNeighborV2", (True,), {}, [IMG, np.array([3, 8], np.int32)], False,
     "ResizeNearestNeighborV2/align"),
    ("ResizeBilinearV2", (), {}, [IMG, np.array([3, 8], np.int32)], False, "ResizeBilinearV2/down"),
    ("ResizeArea", (True,), {}, [NHWC, np.array([3, 5], np.int32)], False, "ResizeArea/align"),
    ("ResizeLinear1D", (), {}, [SEQ, np.array([7], np.int64)], False),
    ("ResizeLinear1D", ("half_pixel",), {}, [SEQ, np.array([7], np.int64)], False, "ResizeLinear1D/half"),
    ("ResizeArea", (), {}, [NHWC, np.array([3, 2], np.int32)], False),
    ("CropAndResize", (), {}, [NHWC, BOXES, BOX_IDX, (3, 3)], True),
    ("CropAndResize", ("nearest", 0.5), {}, [NHWC, OUT_BOXES, BOX_IDX, (3, 4)], False, "CropAndResize/nearest"),
    ("CropAndResize", ("bilinear", -1.0), {}, [NHWC, OUT_BOXES, BOX_IDX, (4, 1)], False, "CropAndResize/extrapolate"),
    ("Embedding", (), {}, [IDS, ("param", EMB), None, 1.0], False, "Embedding/max_norm"),
    ("AffineGrid", (), {}, [THETA2, (1, 1, 3, 4)], False),
    ("AffineGrid", (True,), {}, [THETA3, (1, 1, 2, 3, 2)], False, "AffineGrid/3d"),
    ("GridSampler2D", (), {}, [IMG, GRID2], True),
    ("GridSampler2D", ("nearest", "border", True), {}, [IMG, GRID2], False, "GridSampler2D/nearest"),
    ("GridSampler3D", (), {}, [VOL3, GRID3], True),
    ("GridSampler3D", ("nearest", "border", True), {}, [VOL3, GRID3], False, "GridSampler3D/nearest"),
    ("GridSampler2D", ("bilinear", "border"), {}, [IMG, GRID2], True, "GridSampler2D/border"),
    ("ROIAlign", (2, 2, 0.5), {}, [_r(23, (1, 2, 6, 6)), ROIS], True),
    ("ROIAlign", (3, 2, 0.25, 3, 0), {}, [_r(23, (1, 2, 6, 6)), ROIS], False, "ROIAlign/end0"),
    # the Embedding rows (CPU-refused too, DELIBERATE)
    ("DepthwiseConv2dNative", (1, 3), {}, [IMG, DW1], True),
    ("DepthwiseConv2dNative", (1, 3), {"pad_mode": "pad", "pad": 1, "stride": 2}, [IMG, DW1], False,
     "DepthwiseConv2dNative/pad"),
    ("Embedding", (), {}, [IDS, ("param", EMB)], False),
    ("Embedding", (), {}, [IDS, EMB, 1], True, "Embedding/padding_idx"),
]

# (case, function, inputs, kwargs, with gradient)
FUNC_ROWS = [
    ("crop_and_resize", "crop_and_resize", [NHWC, BOXES, BOX_IDX, (3, 3)], {}, False),
    ("affine_grid", "affine_grid", [THETA2, (1, 1, 3, 4)], {"align_corners": False}, False),
    ("grid_sample", "grid_sample", [IMG, GRID2], {"align_corners": False}, True),
]

# (case, class, constructor args, constructor kwargs, inputs): calls MindSpore refuses (the error class recorded)
PRIM_ERROR_ROWS = [
    ("AdaptiveAvgPool2D/2d", "AdaptiveAvgPool2D", ((2, 2),), {}, [A]),
    ("Conv3D/channels", "Conv3D", (3, 2), {}, [VOL, _r(30, (3, 3, 2, 2, 2))]),
    ("Conv3D/kernel", "Conv3D", (3, 5), {}, [VOL, _r(31, (3, 2, 5, 5, 5))]),
    ("Conv2DBackpropInput/size", "Conv2DBackpropInput", (3, 3), {}, [DOUT2, W2, (1, 2, 6, 6)]),
    ("MaxPool3D/kernel", "MaxPool3D", (), {"kernel_size": 5}, [VOL]),
    ("MaxPool3D/pad_valid", "MaxPool3D", (2, 2, "valid", 1), {}, [VOL]),
    ("AvgPool3D/rank", "AvgPool3D", (), {"kernel_size": 2}, [IMG]),
    ("ResizeBilinearV2/both", "ResizeBilinearV2", (True, True), {}, [IMG, I32]),
    ("ResizeBilinearV2/rank", "ResizeBilinearV2", (), {}, [SEQ, I32]),
    ("GridSampler2D/batch", "GridSampler2D", (), {}, [IMG4, GRID2]),
    ("AffineGrid/size", "AffineGrid", (), {}, [THETA2, (2, 1, 3, 4)]),
    ("CropAndResize/index", "CropAndResize", (), {}, [NHWC, BOXES, np.array([0, 3], np.int32), (3, 3)]),
    ("BatchNorm/scale", "BatchNorm", (), {}, [BN_X, np.ones(2, np.float32), BN_B, BN_M, BN_V]),
    ("UpsampleNearest1D/both", "UpsampleNearest1D", (), {}, [SEQ, (7,), (2.0,)]),
    ("ROIAlign/rois", "ROIAlign", (2, 2, 0.5), {}, [IMG, ROIS[:, :4]]),
]
_CPU = "MindSpore 2.10's CPU build has no kernel for it (RuntimeError); minispore computes it: "
DELIBERATE = {
    "BatchNorm": "MindSpore 2.10's CPU kernel leaves the four statistics outputs of inference uninitialised (they "
                 "hold what the memory held before: zeros in a fresh process, other values later); minispore "
                 "gives zeros, and the normalised output as recorded",
    "LogSoftmaxExt": _CPU + "log_softmax along dim (None: 0 for 0-, 1- and 3-D inputs, else 1)",
    "AllFinite": _CPU + "a Bool scalar, True when some element is not finite (the overflow flag amp negates)",
    "AllFinite/inf": _CPU + "a Bool scalar, True when some element is not finite (the overflow flag amp negates)",
    "UpsampleLinear1D": _CPU + "linear interpolation, half-pixel coordinates clamped at 0 (ops.interpolate's)",
    "UpsampleLinear1D/grad": _CPU + "the transposed interpolation",
    "UpsampleBilinear2D/align": _CPU + "bilinear interpolation with aligned corners",
    "Conv3D/kernel": "MindSpore 2.10 returns an empty (1, 3, 0, 0, 0) output for a kernel larger than the input; "
                     "minispore raises ValueError naming the shapes (as its other convolutions do)",
    "Embedding": _CPU + "the rows of weight at the indices",
    "DepthwiseConv2dNative": _CPU + "each channel convolved with its own filter",
    "DepthwiseConv2dNative/grad": _CPU + "each channel convolved with its own filter",
    "DepthwiseConv2dNative/pad": _CPU + "each channel convolved with its own filter",
    "Embedding/padding_idx": _CPU + "the rows of weight at the indices",
    "Embedding/padding_idx/grad": _CPU + "index counts, none for the padding_idx row",
    "Embedding/max_norm": _CPU + "rows over max_norm scaled in place by max_norm / (norm + 1e-7) first",
}


def _t(a, dt):
    a = np.asarray(a)
    return {"tensor": dt, "shape": list(a.shape), "value": a.tolist()}


def _p(text, name, out):
    return {"tuple": [text, name, out]}


def _log_softmax(a, axis):
    a = a.astype(np.float64)
    z = a - a.max(axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis, keepdims=True))


def _lin(n_in, n_out, align):
    """PyTorch's linear interpolation matrix (n_out, n_in)."""
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        src = j * (n_in - 1) / (n_out - 1) if align else max((j + 0.5) * n_in / n_out - 0.5, 0.0)
        i0 = min(int(np.floor(src)), n_in - 1)
        i1 = min(i0 + 1, n_in - 1)
        m[j, i0] += 1 - (src - i0)
        m[j, i1] += src - i0
    return m


def _renormed(w, ids, max_norm):
    w = w.astype(np.float64).copy()
    for r in np.unique(ids):
        n = np.linalg.norm(w[r])
        if n > max_norm:
            w[r] *= max_norm / (n + 1e-7)
    return w


_L17 = _lin(4, 7, False)
_EMB_RN = _renormed(EMB, IDS, 1.0)
_EMB_COUNTS = np.stack([np.full(3, (IDS == r).sum() * (r != 1), np.float64) for r in range(4)])

def _bn_infer():
    x = BN_X.astype(np.float64)
    r = (1, 3, 1, 1)
    y = (x - BN_M.reshape(r)) / np.sqrt(BN_V.reshape(r) + 1e-5) * BN_S.reshape(r) + BN_B.reshape(r)
    z = _t(np.zeros(3), "Float32")
    return _p("Prim[BatchNorm]<is_training=False, epsilon=1e-05, momentum=0.1, data_format=NCHW>", "BatchNorm",
              {"tuple": [_t(y, "Float32"), z, z, z, z]})


def _depthwise(x, w, pad, stride):
    x = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    k = w.shape[-1]
    oh, ow = (x.shape[2] - k) // stride + 1, (x.shape[3] - k) // stride + 1
    out = np.zeros((x.shape[0], x.shape[1], oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = x[:, :, i * stride:i * stride + k, j * stride:j * stride + k]
            out[:, :, i, j] = (win * w[0][None]).sum((2, 3))
    return out


def _depthwise_grads():
    gx = np.zeros(IMG.shape)
    gw = np.zeros(DW1.shape)
    for i in range(3):
        for j in range(3):
            gx[:, :, i:i + 3, j:j + 3] += DW1[0][None]
            gw[0] += IMG[0, :, i:i + 3, j:j + 3]
    return {"tuple": [_t(gx, "Float32"), _t(gw, "Float32")]}


_DW_TEXT = ("Prim[DepthwiseConv2dNative]<channel_multiplier=1, kernel_size=3, mode=3, pad_mode=%s, "
            "pad=(%d, %d, %d, %d), stride=(1, 1, %d, %d), dilation=(1, 1, 1, 1), group=1, data_format=NCHW, "
            "offset_a=0>")

INSTEAD = {
    "DepthwiseConv2dNative": _p(_DW_TEXT % ("valid", 0, 0, 0, 0, 1, 1), "DepthwiseConv2dNative",
                                _t(_depthwise(IMG, DW1, 0, 1), "Float32")),
    "DepthwiseConv2dNative/grad": _depthwise_grads(),
    "DepthwiseConv2dNative/pad": _p(_DW_TEXT % ("pad", 1, 1, 1, 1, 2, 2), "DepthwiseConv2dNative",
                                    _t(_depthwise(IMG, DW1, 1, 2), "Float32")),
    "BatchNorm": _bn_infer(),
    "Conv3D/kernel": {"error": "ValueError", "keywords": ["Conv3D", "kernel"]},
    "UpsampleLinear1D": _p("Prim[UpsampleLinear1D]", "UpsampleLinear1D", _t(
        np.einsum("oi,nci->nco", _L17, SEQ.astype(np.float64)), "Float32")),
    "UpsampleLinear1D/grad": _t(np.broadcast_to(_L17.sum(0), SEQ.shape), "Float32"),
    "UpsampleBilinear2D/align": _p("Prim[UpsampleBilinear2D]", "UpsampleBilinear2D", _t(np.einsum(
        "ph,qw,nchw->ncpq", _lin(5, 7, True), _lin(5, 3, True), IMG.astype(np.float64)), "Float32")),
    "Embedding": {"tuple": ["Prim[Embedding]<side_effect_mem=True>", "Embedding", _t(EMB[IDS], "Float32"),
                            {"tuple": [_t(EMB, "Float32")]}]},
    "Embedding/padding_idx": _p("Prim[Embedding]<side_effect_mem=True>", "Embedding", _t(EMB[IDS], "Float32")),
    "Embedding/padding_idx/grad": _t(_EMB_COUNTS, "Float32"),
    "Embedding/max_norm": {"tuple": ["Prim[Embedding]<side_effect_mem=True>", "Embedding",
                                     _t(_EMB_RN[IDS], "Float32"), {"tuple": [_t(_EMB_RN, "Float32")]}]},
    "LogSoftmaxExt": _p("Prim[LogSoftmaxExt]", "LogSoftmaxExt", _t(_log_softmax(A, 1), "Float32")),
    "AllFinite": _p("Prim[AllFinite]", "AllFinite", _t(np.bool_(False), "Bool")),
    "AllFinite/inf": _p("Prim[AllFinite]", "AllFinite", _t(np.bool_(True), "Bool")),
}
UNSTABLE = {"BatchNorm": "uninitialised memory in the four statistics outputs of inference"}
TOLERANCE = {}
# words both frameworks' messages hold (case-insensitive)
KEYWORDS = {"Conv3D/channels": ["Conv3D", "C_in"], "Conv2DBackpropInput/size": ["convolution"],
            "MaxPool3D/kernel": ["MaxPool3D"], "MaxPool3D/pad_valid": ["MaxPool3D", "pad_mode"], "AvgPool3D/rank": ["AvgPool3D", "5"],
            "ResizeBilinearV2/both": ["ResizeBilinearV2", "half_pixel_centers", "align_corners"],
            "ResizeBilinearV2/rank": ["ResizeBilinearV2", "4"], "GridSampler2D/batch": ["grid", "(1, 3, 3, 2)"],
            "AffineGrid/size": ["AffineGrid", "theta"], "CropAndResize/index": ["CropAndResize", "[0, 1)"],
            "BatchNorm/scale": ["BatchNorm"], "UpsampleNearest1D/both": ["UpsampleNearest1D", "output_size", "scales"],
            "ROIAlign/rois": ["rois", "5"]}


def cases(ms):
    ops = ms.ops
    nn_ops = ms.ops.operations.nn_ops
    out = []

    R = rows.Rows(ms, forms=("dt", "tuple", "param"))
    arg, grad_of = R.arg, R.grad_of

    def cls(name):
        return getattr(ops, name, None) or getattr(nn_ops, name)

    for case, name, a, kw, inputs in PRIM_ERROR_ROWS:
        out.append((case, lambda name=name, a=a, kw=kw, inputs=inputs: cls(name)(*a, **kw)(*[arg(v) for v in inputs])))

    for case, fname, inputs, kw, with_grad in FUNC_ROWS:
        def fn(*args, fname=fname, kw=kw):
            return getattr(ops, fname)(*args, **kw)
        out.append((case, lambda fn=fn, inputs=inputs: fn(*[arg(v) for v in inputs])))
        if with_grad:
            out.append((case + "/grad", lambda fn=fn, inputs=inputs: grad_of(fn, inputs)))

    for row in PRIM_ROWS:
        name, a, kw, inputs, with_grad = row[:5]
        case = row[5] if len(row) > 5 else name

        def make(name=name, a=a, kw=kw):
            return cls(name)(*a, **{k: arg(v) for k, v in kw.items()})

        def thunk(make=make, inputs=inputs):
            p = make()
            made = []
            res = p(*[arg(v, made) for v in inputs])
            if made:
                return str(p), p.name, res, tuple(ms.Tensor(q.asnumpy()) for q in made)
            return str(p), p.name, res
        out.append((case, thunk))
        if with_grad:
            out.append((case + "/grad", lambda make=make, inputs=inputs: grad_of(make(), inputs)))


    return out
