"""MindSpore's ``mindspore.ops.operations.nn_ops``: activations, convolution and pooling, normalisation, losses and
the optimizer-update primitives (``ApplyMomentum``, ``Adam``: written with ``assign`` on the Parameters)."""
from .. import function as F
from ._base import _MISSING, collect, prim, unary

ReLU = unary("ReLU", F.relu)
ReLU6 = unary("ReLU6", F.relu6)
Sigmoid = unary("Sigmoid", F.sigmoid)
Tanh = unary("Tanh", F.tanh)
Softsign = unary("Softsign", F.softsign)
Mish = unary("Mish", F.mish)
SeLU = unary("SeLU", F.selu)
HSwish = unary("HSwish", F.hardswish)
HSigmoid = unary("HSigmoid", F.hardsigmoid)
FastGeLU = unary("FastGeLU", F.fast_gelu)
Softplus = unary("Softplus", F.softplus)
GeLU = unary("GeLU", lambda x: F.gelu(x, approximate="tanh"))      # the primitive is the tanh approximation
Gelu = unary("Gelu", lambda x: F.gelu(x, approximate="tanh"))
Elu = prim("Elu", lambda self, x: F.elu(x, self.alpha), [("alpha", 1.0)])
CeLU = prim("CeLU", lambda self, x: F.celu(x, self.alpha), [("alpha", 1.0)])
GLU = prim("GLU", lambda self, x: F.glu(x, self.axis), [("axis", -1)])


def _axis1(axis):
    if isinstance(axis, (tuple, list)):
        if len(axis) != 1:
            raise ValueError(f"For 'Softmax', the axis must be one int (or a tuple of one), but got {axis!r}.")
        return axis[0]
    return axis


class _Softmax:
    pass


def _softmax_init(cls):
    init = cls.__init__

    def __init__(self, axis=-1):
        init(self, axis)
        self.axis = self.attrs["axis"] = (axis,) if isinstance(axis, int) else tuple(axis)
    cls.__init__ = __init__
    return cls


Softmax = _softmax_init(prim("Softmax", lambda self, x: F.softmax(x, _axis1(self.axis)), [("axis", -1)]))
LogSoftmax = prim("LogSoftmax", lambda self, x: F.log_softmax(x, self.axis), [("axis", -1)])
BiasAdd = prim("BiasAdd", lambda self, x, b: F.bias_add(x, b, self.data_format), [("data_format", "NCHW")],
               shown={"data_format": lambda f: {"NCHW": 0, "NHWC": 1}.get(f, f)})
Dense = prim("Dense", lambda self, x, w, b=None: F.dense(x, w, b))


def _pairs4(v, what):
    if isinstance(v, int):
        return (v, v)
    v = tuple(v)
    return v[-2:] if len(v) == 4 else v


def _nchw(v):
    return (1, 1) + _pairs4(v, "")


def _hw(v):
    return _pairs4(v, "")


def _conv2d(self, x, w):
    pad = self.pad
    if self.pad_mode == "pad" and not isinstance(pad, int):
        pad = tuple(pad)
    return F.conv2d(x, w, None, _pairs4(self.stride, "stride"), self.pad_mode, pad if self.pad_mode == "pad" else 0,
                    _pairs4(self.dilation, "dilation"), self.group)


Conv2D = prim("Conv2D", _conv2d, [("out_channel", _MISSING), ("kernel_size", _MISSING), ("mode", 1),
                                  ("pad_mode", "valid"), ("pad", 0), ("stride", 1), ("dilation", 1), ("group", 1),
                                  ("data_format", "NCHW")],
              shown={"pad": lambda p: (p,) * 4 if isinstance(p, int) else tuple(p), "stride": _nchw,
                     "dilation": _nchw}, hidden=(("groups", 1),))


def _pool(layer):
    def call(self, x):
        cell = self.__dict__.get("_cell")
        if cell is None:
            from ... import nn
            cell = self._cell = getattr(nn, layer)(_pairs4(self.kernel_size, "kernel_size"),
                                                   _pairs4(self.strides, "strides"), self.pad_mode.lower())
        return cell(x)
    return call




MaxPool = prim("MaxPool", _pool("MaxPool2d"), [("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"),
                                                ("data_format", "NCHW")],
               shown={"kernel_size": _nchw, "strides": _nchw, "pad_mode": str.upper})
AvgPool = prim("AvgPool", _pool("AvgPool2d"), [("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"),
                                                ("data_format", "NCHW")],
               shown={"kernel_size": _hw, "strides": _hw, "pad_mode": lambda m: {"same": 1, "valid": 2}.get(
                   m.lower(), m), "data_format": lambda f: {"NCHW": 0, "NHWC": 1}.get(f, f)})


def _layer_norm(self, x, gamma, beta):
    axis = self.begin_norm_axis % x.ndim
    mean = F.mean(x, tuple(range(axis, x.ndim)), True)
    var = F.mean(F.square(F.sub(x, mean)), tuple(range(axis, x.ndim)), True)
    y = F.layer_norm(x, tuple(x.shape[axis:]), None, None, self.epsilon)
    pa = self.begin_params_axis % x.ndim
    shape = (1,) * (pa - 0) + tuple(gamma.shape)
    y = F.add(F.mul(y, F.reshape(gamma, shape[-x.ndim:])), F.reshape(beta, shape[-x.ndim:]))
    return y, mean, var


LayerNorm = prim("LayerNorm", _layer_norm, [("begin_norm_axis", 1), ("begin_params_axis", 1), ("epsilon", 1e-7)])


def _dropout(self, x):
    from .. import _prims
    if self.keep_prob >= 1:
        return x, F.ones_like(x)
    scaled = _prims.dropout_mask(x, 1 - self.keep_prob)
    return F.mul(x, scaled), F.cast(F.greater(scaled, 0), x.dtype)


Dropout = prim("Dropout", _dropout, [("keep_prob", 0.5), ("Seed0", 0), ("Seed1", 0)],
               hidden=(("side_effect_hidden", True),))


# ------------------------------------------------------------------------------------------ losses
def _RED(r):
    return {"sum": 0, "mean": 1, "none": 2}.get(r, r)


def _softmax_ce(self, logits, labels):
    loss = F.neg(F.sum(F.mul(labels, F.log_softmax(logits, -1)), -1))
    return loss, F.sub(F.softmax(logits, -1), labels)


SoftmaxCrossEntropyWithLogits = prim("SoftmaxCrossEntropyWithLogits", _softmax_ce)


def _sparse_softmax_ce(self, logits, labels):
    if self.is_grad:
        onehot = F.one_hot(labels, logits.shape[-1], F.ones_like(logits[0, 0]), F.zeros_like(logits[0, 0]))
        return F.div(F.sub(F.softmax(logits, -1), onehot), logits.shape[0])
    return F.cross_entropy(logits, labels, reduction="mean")


SparseSoftmaxCrossEntropyWithLogits = prim("SparseSoftmaxCrossEntropyWithLogits", _sparse_softmax_ce,
                                           [("is_grad", False)], hidden=(("sens", 1.0),))
SigmoidCrossEntropyWithLogits = prim("SigmoidCrossEntropyWithLogits", lambda self, x, y:
                                     F.binary_cross_entropy_with_logits(x, y, reduction="none"))
BCEWithLogitsLoss = prim("BCEWithLogitsLoss", lambda self, x, y, weight=None, pos_weight=None:
                         F.binary_cross_entropy_with_logits(x, y, weight, pos_weight, self.reduction),
                         [("reduction", "mean")], shown={"reduction": _RED})
BinaryCrossEntropy = prim("BinaryCrossEntropy", lambda self, x, y, weight=None:
                          F.binary_cross_entropy(x, y, weight, self.reduction), [("reduction", "mean")], shown={"reduction": _RED})
L2Loss = prim("L2Loss", lambda self, x: F.div(F.sum(F.square(x)), 2))
SmoothL1Loss = prim("SmoothL1Loss", lambda self, x, y: F.smooth_l1_loss(x, y, self.beta, self.reduction),
                    [("beta", 1.0), ("reduction", "none")], shown={"reduction": _RED})
KLDivLoss = prim("KLDivLoss", lambda self, x, y: F.kl_div(x, y, self.reduction), [("reduction", "mean")])


def _nll(self, logits, labels, weight):
    loss = F.nll_loss(logits, labels, weight, self.ignore_index, self.reduction)
    picked = F.gather_d(F.broadcast_to(F.reshape(weight, (1, -1)), logits.shape), 1, F.reshape(labels, (-1, 1)))
    return loss, F.sum(picked)


NLLLoss = prim("NLLLoss", _nll, [("reduction", "mean"), ("ignore_index", -100)], shown={"reduction": _RED})


# ------------------------------------------------------------------------------------------ optimizer updates
def _apply_momentum(self, variable, accumulation, learning_rate, gradient, momentum):
    acc = F.add(F.mul(accumulation, momentum), gradient)
    F.assign(accumulation, acc)
    # use_nesterov is recorded but, as MindSpore 2.10's CPU ApplyMomentum kernel does (checked numerically,
    # tests/golden/cases_optim2.py 'ApplyMomentum/nesterov'), the step is the plain momentum one; nn.Momentum agrees
    F.assign(variable, F.sub(variable, F.mul(acc, learning_rate)))
    return variable


ApplyMomentum = prim("ApplyMomentum", _apply_momentum, [("use_nesterov", False), ("use_locking", False),
                                                        ("gradient_scale", 1.0)], hidden=(("side_effect_mem", True),))


def _apply_gd(self, var, alpha, delta):
    F.assign(var, F.sub(var, F.mul(delta, alpha)))
    return var


ApplyGradientDescent = prim("ApplyGradientDescent", _apply_gd, (),
                            hidden=(("side_effect_mem", True),))

from .optim_ops import *  # noqa: F401,F403
from .nn_more_ops import *  # noqa: F401,F403
from .cnn_ops import *  # noqa: F401,F403
__all__ = collect(globals())
