"""More of MindSpore's neural-network Primitive classes (``ops.SoftMarginLoss()``, ``ops.LRN()``,
``ops.MaxUnpool2D(2)``, ``ops.MaxPoolWithArgmaxV2(2)``...): thin wrappers over the functional ops of
ops/function/nn_more_func.py, nn_func.py and conv_func.py, with MindSpore 2.10's constructor attributes and the
form it prints them in (``Prim[MaxUnpool2D]<ksize=(1, 1, 2, 2), ...>``)."""
from .. import function as F
from ..function.more_func import _multi_margin as _multi_margin_loss
from ..._core import dtype as mstype
from ._base import prim


# ------------------------------------------------------------------------------------------ losses
SoftMarginLoss = prim("SoftMarginLoss", lambda self, x, y: F.soft_margin_loss(x, y, self.reduction),
                      [("reduction", "mean")])


def _multilabel_margin(self, x, target):
    loss = F.multilabel_margin_loss(x, target, self.reduction)
    # is_target: 1 where a class is one of the sample's targets (those before the first -1)
    y = F.cast(target, mstype.int32)
    valid = F.cumprod(F.cast(F.ge(y, 0), mstype.int32), -1)
    hot = F.mul(F.one_hot(F.maximum(y, F.zeros_like(y)), x.shape[-1]), F.expand_dims(valid, -1))
    return loss, F.cast(F.amax(hot, -2), target.dtype)


MultilabelMarginLoss = prim("MultilabelMarginLoss", _multilabel_margin, [("reduction", "mean")])


def _triplet(self, x, positive, negative, margin):
    m = float(margin.asnumpy()) if hasattr(margin, "asnumpy") else float(margin)
    return F.triplet_margin_loss(x, positive, negative, m, self.p, self.eps, self.swap, self.reduction)


TripletMarginLoss = prim("TripletMarginLoss", _triplet, [("p", 2), ("swap", False), ("eps", 1e-06),
                                                         ("reduction", "mean")])


def _multi_margin(self, x, target, weight=None):
    return _multi_margin_loss(x, target, self.p, self.margin, weight, self.reduction, "MultiMarginLoss")


MultiMarginLoss = prim("MultiMarginLoss", _multi_margin, [("p", 1), ("margin", 1.0), ("reduction", "mean")])

def _ctc_v2(self, log_probs, targets, input_lengths, target_lengths):
    if self.reduction != "none":
        raise ValueError(f"For 'CTCLossV2', the 'reduction' must be str and must be in '['none']', but got "
                         f"{self.reduction!r}.")
    return F.ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, "none", self.zero_infinity)


CTCLossV2 = prim("CTCLossV2", _ctc_v2, [("blank", 0), ("reduction", "none"), ("zero_infinity", False)])

CTCGreedyDecoder = prim("CTCGreedyDecoder", lambda self, inputs, sequence_length: F.ctc_greedy_decoder(
    inputs, sequence_length, self.merge_repeated), [("merge_repeated", True)])


# ------------------------------------------------------------------------------------------ activations
PReLU = prim("PReLU", lambda self, x, weight: F.prelu(x, weight))
HShrink = prim("HShrink", lambda self, x: F.hardshrink(x, self.lambd), [("lambd", 0.5)])
SoftShrink = prim("SoftShrink", lambda self, x: F.softshrink(x, self.lambd), [("lambd", 0.5)])
FastGelu = prim("FastGelu", lambda self, x: F.fast_gelu(x))


def _quiet(cls):
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.attrs.clear()
    cls.__init__ = __init__
    return cls


LRN = _quiet(prim("LRN", lambda self, x: F.lrn(x, self.depth_radius, self.bias, self.alpha, self.beta,
                                               self.norm_region),
                  [("depth_radius", 5), ("bias", 1.0), ("alpha", 1.0), ("beta", 0.5),
                   ("norm_region", "ACROSS_CHANNELS")]))


def _channel_dropout(nd):
    def call(self, x):
        op = self.name
        if not 0.0 <= self.keep_prob <= 1.0:
            raise ValueError(f"For '{op}', the 'keep_prob' must be in [0, 1], but got {self.keep_prob}.")
        if x.ndim != nd + 2:
            raise ValueError(f"For '{op}', the 'x' must be {nd + 2}-D, but got shape {tuple(x.shape)}.")
        keep = F.less(F.rand(tuple(x.shape[:2]) + (1,) * nd), self.keep_prob)
        mask = F.broadcast_to(keep, tuple(x.shape))
        if self.keep_prob == 0:
            return F.zeros_like(x), mask
        return F.div(F.mul(x, F.cast(mask, x.dtype)), self.keep_prob), mask
    return call


Dropout2D = _quiet(prim("Dropout2D", _channel_dropout(2), [("keep_prob", 0.5)]))
Dropout3D = _quiet(prim("Dropout3D", _channel_dropout(3), [("keep_prob", 0.5)]))


# ------------------------------------------------------------------------------------------ pooling
def _nchw(value, nd):
    """MindSpore's record of a window attribute: ``(1, 1, k...)`` for NCHW."""
    v = tuple(value) if isinstance(value, (tuple, list)) else (value,) * nd
    return (1, 1) + v if len(v) == nd else v


def _unpool(nd):
    def call(self, x, argmax):
        ks = self.ksize[-nd:]
        st = self.strides[-nd:] if any(self.strides[-nd:]) else ks
        pads = self.pads[-nd:]
        out = tuple(self.output_shape) or None
        fn = F.max_unpool2d if nd == 2 else F.max_unpool3d
        return fn(x, argmax, ks, st, pads, out)
    return call


def _unpool_cls(name, nd, fmt):
    cls = prim(name, _unpool(nd), [("ksize", None), ("strides", 0), ("pads", 0), ("output_shape", ()),
                                   ("data_format", fmt)])
    init = cls.__init__

    def __init__(self, ksize, strides=0, pads=0, output_shape=(), data_format=fmt):
        init(self, ksize, strides, pads, output_shape, data_format)
        self.ksize = _nchw(ksize, nd)
        self.strides = _nchw(strides, nd) if strides else self.ksize
        # MindSpore 2.10 records pads as (1, 1, p...) (a quirk: the batch and channel entries are 1, not 0)
        self.pads = _nchw(pads, nd)
        self.output_shape = tuple(output_shape)
        self.attrs.update(ksize=self.ksize, strides=self.strides, pads=self.pads, output_shape=self.output_shape)
    cls.__init__ = __init__
    return cls


MaxUnpool2D = _unpool_cls("MaxUnpool2D", 2, "NCHW")
MaxUnpool3D = _unpool_cls("MaxUnpool3D", 3, "NCDHW")


def _pool_argmax(self, x):
    ks, st = self.kernel_size[-2:], self.strides[-2:]
    pads = self.pads[-2:]
    dil = self.dilation[-2:]
    out, idx = F.max_pool2d(x, ks, st, pads, dil, return_indices=True, ceil_mode=self.ceil_mode)
    return out, F.cast(idx, self.argmax_type)


def _argmax_v2_cls():
    cls = prim("MaxPoolWithArgmaxV2", _pool_argmax, [("kernel_size", None), ("strides", None), ("pads", 0),
                                                     ("dilation", (1, 1)), ("ceil_mode", False),
                                                     ("argmax_type", mstype.int64)])
    init = cls.__init__

    def __init__(self, kernel_size, strides=None, pads=0, dilation=(1, 1), ceil_mode=False,
                 argmax_type=mstype.int64):
        init(self, kernel_size, strides, pads, dilation, ceil_mode, argmax_type)
        if argmax_type not in (mstype.int32, mstype.int64):
            raise TypeError(f"For 'MaxPoolWithArgmaxV2', the 'argmax_type' must be int32 or int64, but got "
                            f"{argmax_type}.")
        self.kernel_size = _nchw(kernel_size, 2)
        self.strides = _nchw(strides, 2) if strides is not None else self.kernel_size
        self.pads = _nchw(pads, 2)
        self.dilation = _nchw(dilation, 2)
        # MindSpore prints argmax_type as its type id (4 for int64, 3 for int32)
        self.attrs.update(kernel_size=self.kernel_size, strides=self.strides, pads=self.pads,
                          dilation=self.dilation, argmax_type=4 if argmax_type == mstype.int64 else 3)
    cls.__init__ = __init__
    return cls


MaxPoolWithArgmaxV2 = _argmax_v2_cls()


def _pool_argmax_v1(self, x):
    if self.pad_mode != "VALID":
        pads = 0
        ks, st = self.kernel_size[1:3], self.strides[1:3]
        raise ValueError(f"For 'MaxPoolWithArgmax', only pad_mode='valid' is supported by minispore, got "
                         f"{self.pad_mode!r} (kernel {ks}, strides {st}, pads {pads}).")
    out, idx = F.max_pool2d(x, self.kernel_size[1:3], self.strides[1:3], 0, 1, return_indices=True)
    # MindSpore's argmax counts over each sample's flattened (C, H, W), not each channel's plane
    c, h, w = x.shape[-3:]
    offset = F.reshape(F.arange(0, c * h * w, h * w, dtype=mstype.int32), (c, 1, 1))
    return out, F.add(F.cast(idx, mstype.int32), offset)


def _argmax_v1_cls():
    cls = prim("MaxPoolWithArgmax", _pool_argmax_v1, [("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"),
                                                      ("data_format", "NCHW")])
    init = cls.__init__

    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        init(self, kernel_size, strides, pad_mode, data_format)
        if not isinstance(pad_mode, str) or pad_mode.upper() not in ("VALID", "SAME"):
            raise ValueError(f"For 'MaxPoolWithArgmax', the 'pad_mode' must be 'valid' or 'same', but got "
                             f"{pad_mode!r}.")

        def nhwc(v):   # MindSpore records the window as (1, kh, kw, 1)
            v = tuple(v) if isinstance(v, (tuple, list)) else (v, v)
            return (1,) + v[-2:] + (1,) if len(v) == 2 else v
        self.pad_mode, self.kernel_size, self.strides = pad_mode.upper(), nhwc(kernel_size), nhwc(strides)
        self.attrs.clear()
        self.attrs.update(pad_mode=self.pad_mode, kernel_size=self.kernel_size, strides=self.strides)
    cls.__init__ = __init__
    return cls


MaxPoolWithArgmax = _argmax_v1_cls()

__all__ = ["SoftMarginLoss", "MultilabelMarginLoss", "TripletMarginLoss", "MultiMarginLoss", "PReLU", "HShrink",
           "SoftShrink", "FastGelu", "LRN", "Dropout2D", "Dropout3D", "MaxUnpool2D", "MaxUnpool3D",
           "MaxPoolWithArgmaxV2", "MaxPoolWithArgmax", "CTCLossV2",
           "CTCGreedyDecoder"]
