"""Golden cases for the vision layers: convolutions (1-D/2-D/3-D, transposed), pooling (max, average,
adaptive), normalisation (BatchNorm, GroupNorm, InstanceNorm, LayerNorm over image axes), Dropout2d/3d and the
activations GELU, SiLU, Mish, HSwish, HSigmoid, LeakyReLU -- layers and their functional forms.

`cases(ms, jit=False)` yields (name, thunk).  A thunk uses only the framework module `ms` (MindSpore 2.10 when
recording with gen_vision.py, minispore in tests/test_golden_vision.py) plus NumPy; every input and weight comes
from seeded NumPy (`Parameter.set_data`), never from the framework's random stream.  The recordings are in
vision.json.

What the cases record
---------------------
* `<family>.<variant>`: forward output and the gradients, w.r.t. the input AND every trainable parameter, of
  ``(out * ct).sum()`` (``ct`` a fixed random cotangent of the output's shape).  A tensor of at most SMALL elements
  is recorded whole; a bigger one as a summary (`S`): dtype, shape, abs-sum, square-sum, the abs-sums along the
  last two axes ("profiles", which catch padding put on the wrong side) and 16 values at fixed flat positions
  (first and last included).  Integer tensors (pooling indices) are summarised exactly.
  With ``jit=True`` the same computational cases are produced with the forward and the gradient function
  compiled by ``ms.jit``; they are compared with the same (eager) recording.
* `repr.*`: ``repr(layer)``; MindSpore prints initializer objects with their address
  (``weight_init=<mindspore.common.initializer.HeUniform object at 0x7fcb871ec690>``): the cases replace
  ``at 0x<hex>`` by ``at 0x...`` (`norm_repr`), and minispore's module name ``minispore.common.initializer`` by
  MindSpore's (the one deliberate difference in these reprs).
* `names.*`: parameters_and_names of a small Cell holding the layer (name, Parameter.name, shape, dtype,
  requires_grad) and the holder's repr.
* `init.*`: the default initialisers: the initializer class recorded in the layer (``weight_init`` /
  ``bias_init`` attributes), the parameter's shape/dtype and its statistics; the test checks the statistics against
  the formula in `INIT_BOUND` (bound of the uniform distribution), never against MindSpore's random numbers.
* `err.*`: the exception class and message for bad arguments / inputs; the test requires an instance of the
  recorded class and the case's key words (`KEYWORDS`) in the message, not the full text.

Surprises in MindSpore 2.10.0's CPU build (found while writing these cases; evidence = the recorded case)
--------------------------------------------------------------------------------------------------------
* Conv1d / Conv1dTranspose keep a 4-D weight ``(out, in/group, 1, k)`` / ``(in, out/group, 1, k)``: they are
  Conv2D on ``x.expand_dims(2)``; kernel_size/stride/dilation print as ``(1, k)`` and padding as
  ``(0, 0, p, p)``.  Conv1d accepts only ints (a tuple kernel_size is a TypeError): `err.conv1d_tuple_kernel`.
  ops.conv1d on the other hand takes a 3-D weight ``(out, in/groups, k)``.
* A wrong channel count in Conv2d/ops.conv2d raises RuntimeError (from the Conv2D kernel's shape inference), not
  ValueError: `err.conv2d_wrong_channels`.  A 3-D (CHW) input to Conv2d is a ValueError: `err.conv2d_3d_input`.
  A 3-D input to Conv2dTranspose is a bare tuple-unpacking ValueError ("not enough values to unpack").
* data_format='NHWC' is refused at construction on CPU (ValueError "only support in GPU target"):
  `err.conv2d_nhwc`.
* Conv2dTranspose's output_padding appends ZEROS at the bottom/right after the bias is added (it is an
  ops.Pad of the result, unlike PyTorch, whose extra row holds real values): `conv2dT.pad1_s2_op1_bias`.  It needs
  pad_mode='pad' and 0 <= output_padding < max(stride, dilation), checked at CALL time, not construction:
  `err.conv2dT_output_padding_*`.  For 'valid' with kernel <= stride the output is ``in * stride`` long, the
  tail being zeros (+ bias): `conv2dT.valid_k2_s3`.
* Conv3dTranspose's output_padding, by contrast, goes into the Conv3DTranspose primitive: the extra planes hold
  real values plus the bias, PyTorch-like (`conv3dT.output_padding_real_values`, `conv3dT.pad1_k3_s2_op1`).
* ops.conv_transpose2d raises RuntimeError on CPU ("The kernel ConvTranspose2D unregistered", documented as
  Ascend-only); minispore computes it instead (DELIBERATE; the reference is MindSpore's vjp of ops.conv2d).
* nn.InstanceNorm1d/2d/3d: construction works, every forward raises RuntimeError ("Unsupported op
  [InstanceNorm] on CPU"); minispore computes it (DELIBERATE; reference = MindSpore's GroupNorm(C, C), the same
  normalisation with per-channel affine parameters).
* ops.layer_norm raises RuntimeError on CPU ("Create kernelmod for op LayerNormExt failed"), nn.LayerNorm works;
  DELIBERATE, reference = nn.LayerNorm with epsilon=1e-5.  nn.LayerNorm's default epsilon is 1e-7 (not 1e-5) and
  its repr lacks the '=' after gamma (already DELIBERATE in test_golden_nn).
* AvgPool 'same' does not count the padded positions in the divisor (k3 s2 'same' over 1..7 gives
  [1.5, 3, 5, 6.5]): `avgpool1d.same_k3_s2_ramp`, `avgpool2d.same_k3_s2` == `avgpool2d.pad1_k3_s2_exclude_pad`.
  BUT AvgPool2d accepts ceil_mode / count_include_pad / divisor_override with 'valid' and 'same' too (the docstring
  says ValueError): they switch it to the AvgPool3D kernel, whose 'same' DOES count the pads unless
  count_include_pad=False -- so AvgPool2d(3, 2, pad_mode='same', ceil_mode=True) equals the 'pad' padding=1 result
  (`avgpool2d.same_k3_s2_ceil_mode` == `avgpool2d.pad1_k3_s2`), not the plain 'same' one; divisor_override works
  with 'valid'/'same' (`avgpool2d.valid_k2_s2_divisor3`, `avgpool2d.same_k3_s2_divisor2`).  With 'valid',
  ceil_mode=True constructs but fails at call (RuntimeError from oneDNN): `err.avgpool2d_valid_ceil_mode_call`.
* 'same' padding puts the odd extra pad at the end (bottom/right), like TensorFlow: `conv1d.same_k2_ramp`.
* MaxPool/AvgPool: padding, dilation, return_indices, ceil_mode (and count_include_pad, divisor_override) are only
  allowed with pad_mode='pad' (ValueError otherwise, even count_include_pad=False with 'valid' is accepted for
  AvgPool2d but ignored) -- the 'pad' mode runs MaxPool3DWithArgmax / AvgPool3D, so it may break ties differently
  from 'valid'/'same' (see the `*.ties_*` cases).  MaxPool 'pad' requires padding <= kernel/2.
* ops.avg_pool1d/2d/3d default stride is 1 (not the kernel size); ops.max_pool2d/3d default stride=None means
  the kernel size.
* AdaptiveAvgPool1d / AdaptiveMaxPool1d / ops.adaptive_avg_pool1d require the length to be divisible by
  output_size (9 -> 4 is a ValueError; documented); AdaptiveAvgPool2d/3d and AdaptiveMaxPool2d take any size
  (7 -> 3, 9 -> 4) and None in a tuple keeps that dimension.
* BatchNorm: standalone the moving statistics are named 'mean' and 'variance' (attributes moving_mean /
  moving_variance); inside a Cell they are renamed from the attribute path ('bn.moving_mean').  BatchNorm3d holds a
  BatchNorm2d called bn2d, so its parameters are 'bn2d.gamma', ... ('bn3.bn2d.gamma' in a Cell).
  nn.BatchNorm's momentum=0.9 means moving = 0.9*moving + 0.1*batch and the moving variance takes the UNBIASED
  batch variance; ops.batch_norm's momentum=0.1 is the opposite convention (running = 0.9*running + 0.1*batch) and
  it updates running_mean/running_var IN PLACE even when they are plain Tensors.  use_batch_statistics=True uses
  and UPDATES batch statistics also in eval mode; False uses the moving ones in training and updates nothing.
* nn.BatchNorm*'s `momentum` ATTRIBUTE is 1 - momentum (0.1 for the default 0.9; the repr prints 1 - attribute):
  `attrs.bn2d`.
* Dropout2d(p=0.3) prints "Dropout2d(p=0.7)": the repr shows keep_prob (`repr.dropout2d_p03`); the attribute
  `keep_prob` is 1 - p (`attrs.dropout`).
* Repr of pooling layers: kernel_size/stride as given (MaxPool2d(kernel_size=3, stride=2, pad_mode=PAD)), except
  MaxPool1d/AvgPool1d in 'valid'/'same' ((1, k) tuples) and MaxPool1d 'pad' ((1, 1, k) tuples), while AvgPool1d
  'pad' prints the ints: `repr.mp1d_*`, `repr.ap1d_*`.
* HSwish / HSigmoid / LeakyReLU accept int32 input and return int32 (truncated): `act.HSwish.int32_input`; GELU,
  SiLU and Mish raise TypeError for ints.
* MindSpore's Mish is imprecise (gradient up to 1.9e-4 relative): see `tolerance`.
* nn.GELU's repr is "GELU()" whatever approximate is; nn.GELU(approximate=True) (the default) is the tanh form,
  ops.gelu's default approximate='none' the erf form; nn.GELU(approximate='tanh') is a TypeError.
* A MaxPool2d over int32 raises a TypeError with an empty message.
"""
import re
import zlib

import numpy as np

SMALL = 48          # tensors with at most this many elements are recorded whole
N_SAMPLES = 16


def rnd(seed, *shape, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def unif(seed, *shape, low=0.0, high=1.0):
    return np.random.default_rng(seed).uniform(low, high, shape).astype(np.float32)


def ties(seed, *shape, levels=3):
    """Small integers as floats: many equal values inside every pooling window."""
    return np.random.default_rng(seed).integers(0, levels, shape).astype(np.float32)


def norm_repr(s):
    # DELIBERATE: an initializer object prints its own module, mindspore.common.initializer in MindSpore and
    # minispore.common.initializer in minispore (the rest of the text is the same; the address never is)
    s = re.sub(r"<minispore\.common\.initializer\.", "<mindspore.common.initializer.", s)
    return re.sub(r" at 0x[0-9a-fA-F]+", " at 0x...", s)


def _is_tensor(t):
    return hasattr(t, "asnumpy") and hasattr(t, "shape")


def S(t):
    """A tensor whole when small, else a summary; tuples/lists elementwise."""
    if isinstance(t, (tuple, list)):
        return type(t)(S(a) for a in t)
    if not _is_tensor(t):
        return t
    a = t.asnumpy()
    if a.size <= SMALL:
        return t
    flat = a.reshape(-1)
    idx = np.unique(np.linspace(0, flat.size - 1, N_SAMPLES).round().astype(np.int64))
    out = {"dtype": str(t.dtype), "shape": tuple(int(s) for s in a.shape)}
    if a.dtype.kind in "iub":
        w = (np.arange(flat.size) % 7 + 1).astype(np.int64)
        out["isum"] = np.array([flat.astype(np.int64).sum(), (flat.astype(np.int64) * w).sum()], np.int64)
        out["samples"] = flat[idx].astype(np.int64)
        return out
    d = a.astype(np.float64)
    out["stats"] = np.array([np.abs(d).sum(), (d * d).sum()])
    if d.ndim >= 2:
        out["prof_w"] = np.abs(d).reshape(-1, d.shape[-1]).sum(0)
    if d.ndim >= 3:
        out["prof_h"] = np.abs(np.moveaxis(d, -2, -1)).reshape(-1, d.shape[-2]).sum(0)
    out["samples"] = flat[idx].astype(np.float32)
    return out


def _seed_of(name):
    return zlib.crc32(name.split(".")[-1].encode()) % 997


def set_params(net, ms, seed, scale=0.3):
    """Overwrite every parameter from seeded NumPy; the seed depends on the parameter's short name (weight, bias,
    gamma, beta, moving_mean, moving_variance), so equivalent layers get the same values."""
    for name, p in net.parameters_and_names():
        short = name.split(".")[-1]
        shape = tuple(p.shape)
        s = seed + _seed_of(name)
        if short in ("moving_variance", "variance"):
            v = unif(s, *shape, low=0.5, high=1.5)
        elif short == "gamma":
            v = 1.0 + rnd(s, *shape, scale=0.2)
        elif short in ("beta", "moving_mean", "mean"):
            v = rnd(s, *shape, scale=0.2)
        else:
            v = rnd(s, *shape, scale=scale)
        p.set_data(ms.Tensor(v))
    return net


# Cases where minispore deliberately differs from MindSpore 2.10's CPU build: reason.  For those with an entry in
# INSTEAD (a thunk maker in `instead_cases`), minispore is checked against that MindSpore-computed reference; for
# the others only to differ from the recording.
DELIBERATE = {}
KEYWORDS = {}    # err.* case -> key words the message must contain (case-insensitive)
UNIT = {}        # name -> note (documentation only)


# ----------------------------------------------------------------------------------------
def cases(ms, jit=False):
    nn = ms.nn
    ops = ms.ops
    T = ms.Tensor
    out = []

    def add(name, thunk, jittable=False):
        out.append((name, thunk, jittable))

    def comp(name, thunk):
        add(name, thunk, True)

    def wrap(f):
        return ms.jit(f) if jit else f

    # ---------------------------------------------------------------- computational helpers
    def fwd_grad(net, x, seed, train=False, after=None):
        """Forward of a Cell on x, then the gradient of (out[0] * ct).sum() w.r.t. x and every trainable
        parameter.  `after(net)` may add entries (e.g. moving statistics) to the result."""
        net.set_train(train)

        def forward(x):
            return net(x)
        y = wrap(forward)(x)
        main = y[0] if isinstance(y, tuple) else y
        ct = T(rnd(seed + 1000, *tuple(main.shape)))
        if isinstance(y, tuple):
            def loss(x):
                return (net(x)[0] * ct).sum()
        else:
            def loss(x):
                return (net(x) * ct).sum()
        params = net.trainable_params()
        res = {"out": S(y)}
        if params:
            gx, gw = wrap(ms.grad(loss, 0, params))(x)
            res["gx"] = S(gx)
            res["gw"] = [(p.name, S(g)) for p, g in zip(params, gw)]
        else:
            res["gx"] = S(wrap(ms.grad(loss, 0))(x))
        if after is not None:
            res.update(after(net))
        return res

    def fn_grad(f, args, seed, n_grad=None):
        """Forward of a function of tensors, then the gradient of (out[0] * ct).sum() w.r.t. its first n_grad
        arguments (all by default)."""
        n = len(args) if n_grad is None else n_grad
        y = wrap(f)(*args)
        main = y[0] if isinstance(y, tuple) else y
        ct = T(rnd(seed + 1000, *tuple(main.shape)))
        if isinstance(y, tuple):
            def loss(*a):
                return (f(*a)[0] * ct).sum()
        else:
            def loss(*a):
                return (f(*a) * ct).sum()
        pos = 0 if n == 1 else tuple(range(n))
        g = wrap(ms.grad(loss, pos))(*args)
        return {"out": S(y), "grads": S(g)}

    def layer(make, xshape, seed, scale=0.3, train=False, after=None, data=None, setp=True):
        """setp=False keeps the layer's own initial parameters (affine=False norms: gamma/beta stay 1/0)."""
        def thunk():
            net = set_params(make(), ms, seed, scale) if setp else make()
            x = T(data if data is not None else rnd(seed, *xshape))
            return fwd_grad(net, x, seed, train=train, after=after)
        return thunk

    def rep(make):
        return lambda: norm_repr(repr(make()))

    def holder(attr, cell):
        """A small Cell holding `cell` as attribute `attr` (the class is made when a case runs, not when the cases
        are listed with describe.Stub)."""
        class Holder(nn.Cell):
            def __init__(self):
                super().__init__()
                setattr(self, attr, cell)
        return Holder()

    def names(attr, make):
        def thunk():
            h = holder(attr, make())
            return {"params": [(n, p.name, tuple(p.shape), str(p.dtype), p.requires_grad)
                               for n, p in h.parameters_and_names()],
                    "trainable": [p.name for p in h.trainable_params()],
                    "repr": norm_repr(repr(h))}
        return thunk

    def standalone(make):
        return lambda: [(n, p.name, tuple(p.shape), str(p.dtype), p.requires_grad)
                        for n, p in make().parameters_and_names()]

    def err(name, thunk, *keywords):
        KEYWORDS[name] = [k for k in keywords if k]
        add(name, thunk)

    X2 = (2, 3, 7, 9)          # NCHW images, odd sizes
    X1 = (2, 3, 9)             # NCL
    X3 = (2, 2, 5, 6, 7)       # NCDHW

    # ================================================================ Conv2d
    C2 = nn.Conv2d
    conv2d_variants = [
        ("same_k3", lambda: C2(3, 4, 3)),
        ("same_k3_bias", lambda: C2(3, 4, 3, has_bias=True)),
        ("same_k1", lambda: C2(3, 4, 1, has_bias=True)),
        ("same_k5", lambda: C2(3, 4, 5)),
        ("same_k2x3_s2_bias", lambda: C2(3, 4, (2, 3), stride=2, has_bias=True)),
        ("same_k4_s3", lambda: C2(3, 4, 4, stride=3)),
        ("same_k3_s2x3", lambda: C2(3, 4, 3, stride=(2, 3), has_bias=True)),
        ("same_k3_d2", lambda: C2(3, 4, 3, dilation=2)),
        ("same_k2_d2x1_s2", lambda: C2(3, 4, 2, stride=2, dilation=(2, 1))),
        ("valid_k3", lambda: C2(3, 4, 3, pad_mode="valid")),
        ("valid_k3_bias_s2", lambda: C2(3, 4, 3, stride=2, pad_mode="valid", has_bias=True)),
        ("valid_k5_s3", lambda: C2(3, 4, 5, stride=3, pad_mode="valid")),
        ("valid_k1", lambda: C2(3, 4, 1, pad_mode="valid")),
        ("valid_k2x3_d2", lambda: C2(3, 4, (2, 3), dilation=2, pad_mode="valid")),
        ("valid_k7x9_full", lambda: C2(3, 4, (7, 9), pad_mode="valid", has_bias=True)),
        ("pad1_k3", lambda: C2(3, 4, 3, pad_mode="pad", padding=1)),
        ("pad2_k3_bias", lambda: C2(3, 4, 3, pad_mode="pad", padding=2, has_bias=True)),
        ("pad_tuple_k2x3_s2x1", lambda: C2(3, 4, (2, 3), stride=(2, 1), pad_mode="pad", padding=(1, 2, 0, 3))),
        ("pad_tuple_k3_s2", lambda: C2(3, 4, 3, stride=2, pad_mode="pad", padding=(0, 1, 2, 0), has_bias=True)),
        ("pad2_k3_d2_s2", lambda: C2(3, 4, 3, stride=2, dilation=2, pad_mode="pad", padding=2)),
        ("pad1_k5_s3", lambda: C2(3, 4, 5, stride=3, pad_mode="pad", padding=1)),
    ]
    for v, mk in conv2d_variants:
        comp("conv2d." + v, layer(mk, X2, 11))
    comp("conv2d.group2", layer(lambda: C2(4, 6, 3, group=2, has_bias=True), (2, 4, 7, 9), 12))
    comp("conv2d.group2_valid_s2", layer(lambda: C2(4, 6, (2, 3), stride=2, group=2, pad_mode="valid"),
                                         (2, 4, 7, 9), 13))
    comp("conv2d.depthwise", layer(lambda: C2(3, 3, 3, group=3, has_bias=True), X2, 14))
    comp("conv2d.depthwise_mult2_pad", layer(lambda: C2(3, 6, 3, group=3, pad_mode="pad", padding=1), X2, 15))
    comp("conv2d.depthwise_s2_same", layer(lambda: C2(4, 4, 5, stride=2, group=4), (2, 4, 7, 9), 16))
    comp("conv2d.batch1_c1", layer(lambda: C2(1, 2, 3, has_bias=True), (1, 1, 7, 9), 17))
    comp("conv2d.batch3", layer(lambda: C2(3, 2, 3, stride=2), (3, 3, 7, 9), 18))

    def conv_ramp():
        c = C2(1, 1, (1, 2), pad_mode="same")
        c.weight.set_data(T(np.array([1.0, 10.0], np.float32).reshape(1, 1, 1, 2)))
        return c(T(np.arange(1, 10, dtype=np.float32).reshape(1, 1, 1, 9)))
    add("conv2d.same_k1x2_ramp", conv_ramp)

    add("repr.conv2d_default", rep(lambda: C2(3, 4, 3)))
    add("repr.conv2d_bias", rep(lambda: C2(3, 4, 3, has_bias=True)))
    add("repr.conv2d_full", rep(lambda: C2(4, 6, (2, 3), stride=(2, 1), pad_mode="pad", padding=(1, 2, 0, 3),
                                            dilation=(1, 2), group=2, has_bias=True)))
    add("repr.conv2d_str_init", rep(lambda: C2(3, 4, 3, weight_init="normal", bias_init="zeros", has_bias=True)))
    add("repr.conv2d_init_object", rep(lambda: C2(3, 4, 3, weight_init=ms.common.initializer.Normal(0.02),
                                                  has_bias=True, bias_init=ms.common.initializer.Constant(0.5))))
    add("names.conv2d", names("conv", lambda: C2(3, 4, 3, has_bias=True)))
    add("names.conv2d_nobias", names("conv", lambda: C2(3, 4, (2, 3), group=1)))
    add("names.conv2d_standalone", standalone(lambda: C2(4, 6, (2, 3), group=2, has_bias=True)))
    add("attrs.conv2d", lambda: (lambda c: (c.in_channels, c.out_channels, c.kernel_size, c.stride, c.pad_mode,
                                            c.padding, c.dilation, c.group, c.has_bias, c.data_format,
                                            type(c.weight_init).__name__, c.bias_init is None,
                                            type(c.bias).__name__))(C2(3, 4, (2, 3), stride=2)))
    add("attrs.conv2d_bias", lambda: (lambda c: (type(c.weight_init).__name__, type(c.bias_init).__name__,
                                                 tuple(c.bias.shape)))(C2(3, 4, 3, has_bias=True)))
    add("conv2d.weight_init_str_normal", lambda: (lambda c: (tuple(c.weight.shape), str(c.weight.dtype),
                                                             abs(float(c.weight.asnumpy().std()) - 0.01) < 0.001))(
        C2(16, 64, 3, weight_init="normal")))
    add("conv2d.weight_init_tensor", lambda: C2(2, 3, (1, 2), weight_init=T(rnd(5, 3, 2, 1, 2)), has_bias=True,
                                                bias_init=T(rnd(6, 3))).weight)
    add("conv2d.float16_layer", lambda: (lambda c, x: (lambda y: (str(y.dtype), S(y)))(c(x)))(
        set_params(C2(3, 4, 3, has_bias=True), ms, 19).to_float(ms.float16), T(rnd(19, *X2))))

    # ================================================================ Conv1d
    C1 = nn.Conv1d
    conv1d_variants = [
        ("same_k3", lambda: C1(3, 4, 3)),
        ("same_k3_bias", lambda: C1(3, 4, 3, has_bias=True)),
        ("same_k4_s2", lambda: C1(3, 4, 4, stride=2, has_bias=True)),
        ("same_k2_s3", lambda: C1(3, 4, 2, stride=3)),
        ("same_k3_d2", lambda: C1(3, 4, 3, dilation=2)),
        ("valid_k3", lambda: C1(3, 4, 3, pad_mode="valid")),
        ("valid_k5_s2_bias", lambda: C1(3, 4, 5, stride=2, pad_mode="valid", has_bias=True)),
        ("valid_k1", lambda: C1(3, 4, 1, pad_mode="valid")),
        ("pad1_k3", lambda: C1(3, 4, 3, pad_mode="pad", padding=1)),
        ("pad2_k3_d2_s3", lambda: C1(3, 4, 3, stride=3, dilation=2, pad_mode="pad", padding=2, has_bias=True)),
    ]
    for v, mk in conv1d_variants:
        comp("conv1d." + v, layer(mk, X1, 21))
    comp("conv1d.group2", layer(lambda: C1(4, 6, 3, group=2, has_bias=True), (2, 4, 9), 22))
    comp("conv1d.depthwise", layer(lambda: C1(3, 3, 3, group=3), X1, 23))

    def conv1d_ramp(k, w, s):
        def thunk():
            c = C1(1, 1, k, stride=s, pad_mode="same")
            c.weight.set_data(T(np.array(w, np.float32).reshape(1, 1, 1, k)))
            return c(T(np.arange(1, 8, dtype=np.float32).reshape(1, 1, 7)))
        return thunk
    add("conv1d.same_k2_ramp", conv1d_ramp(2, [1, 10], 1))
    add("conv1d.same_k4_s2_ramp", conv1d_ramp(4, [1, 10, 100, 1000], 2))
    add("repr.conv1d_default", rep(lambda: C1(3, 4, 3)))
    add("repr.conv1d_pad", rep(lambda: C1(3, 4, 3, stride=2, pad_mode="pad", padding=2, dilation=2, has_bias=True)))
    add("names.conv1d", names("conv", lambda: C1(4, 6, 3, group=2, has_bias=True)))
    add("attrs.conv1d", lambda: (lambda c: (c.kernel_size, c.stride, c.padding, c.dilation, c.pad_mode))(
        C1(3, 4, 5, stride=2, pad_mode="pad", padding=1)))

    # ================================================================ Conv3d
    C3 = nn.Conv3d
    conv3d_variants = [
        ("same_k3", lambda: C3(2, 3, 3)),
        ("same_k2_s2_bias", lambda: C3(2, 3, 2, stride=2, has_bias=True)),
        ("same_k3_s_1x2x3", lambda: C3(2, 3, 3, stride=(1, 2, 3))),
        ("same_k3_d2", lambda: C3(2, 3, 3, dilation=2, has_bias=True)),
        ("valid_k3", lambda: C3(2, 3, 3, pad_mode="valid")),
        ("valid_k_2x3x1_s2", lambda: C3(2, 3, (2, 3, 1), stride=2, pad_mode="valid", has_bias=True)),
        ("valid_k1", lambda: C3(2, 3, 1, pad_mode="valid")),
        ("pad1_k3", lambda: C3(2, 3, 3, pad_mode="pad", padding=1)),
        ("pad_6tuple_k_2x3x2", lambda: C3(2, 3, (2, 3, 2), stride=(1, 2, 1), pad_mode="pad",
                                          padding=(1, 0, 2, 1, 0, 1), has_bias=True)),
        ("pad1_k3_d2_s2", lambda: C3(2, 3, 3, stride=2, dilation=2, pad_mode="pad", padding=1)),
    ]
    for v, mk in conv3d_variants:
        comp("conv3d." + v, layer(mk, X3, 31))
    comp("conv3d.group2", layer(lambda: C3(4, 6, 3, group=2, has_bias=True), (2, 4, 3, 4, 5), 32))
    comp("conv3d.depthwise", layer(lambda: C3(2, 2, 3, group=2), X3, 33))
    add("repr.conv3d_default", rep(lambda: C3(2, 3, 3)))
    add("repr.conv3d_pad", rep(lambda: C3(2, 4, (2, 3, 2), stride=(1, 2, 1), pad_mode="pad",
                                          padding=(1, 0, 2, 1, 0, 1), group=2, has_bias=True)))
    add("names.conv3d", names("conv", lambda: C3(2, 3, 3, has_bias=True)))

    # ================================================================ transposed convolutions
    CT1, CT2, CT3 = nn.Conv1dTranspose, nn.Conv2dTranspose, nn.Conv3dTranspose
    convT1_variants = [
        ("same_k3", lambda: CT1(3, 4, 3)),
        ("same_k3_s2_bias", lambda: CT1(3, 4, 3, stride=2, has_bias=True)),
        ("same_k4_s3", lambda: CT1(3, 4, 4, stride=3)),
        ("valid_k3_s2", lambda: CT1(3, 4, 3, stride=2, pad_mode="valid")),
        ("valid_k2_s3", lambda: CT1(3, 4, 2, stride=3, pad_mode="valid", has_bias=True)),
        ("valid_k3_d2", lambda: CT1(3, 4, 3, dilation=2, pad_mode="valid")),
        ("pad1_k3_s2", lambda: CT1(3, 4, 3, stride=2, pad_mode="pad", padding=1, has_bias=True)),
        ("pad2_k5_s2", lambda: CT1(3, 4, 5, stride=2, pad_mode="pad", padding=2)),
    ]
    for v, mk in convT1_variants:
        comp("conv1dT." + v, layer(mk, (2, 3, 6), 41))
    comp("conv1dT.group2", layer(lambda: CT1(4, 6, 3, stride=2, group=2, has_bias=True), (2, 4, 6), 42))

    def convT1_ramp(mode, padding):
        def thunk():
            c = CT1(1, 1, 3, stride=2, pad_mode=mode, padding=padding)
            c.weight.set_data(T(np.array([1.0, 10.0, 100.0], np.float32).reshape(1, 1, 1, 3)))
            return c(T(np.arange(1, 8, dtype=np.float32).reshape(1, 1, 7)))
        return thunk
    add("conv1dT.same_s2_ramp", convT1_ramp("same", 0))
    add("conv1dT.valid_s2_ramp", convT1_ramp("valid", 0))
    add("conv1dT.pad1_s2_ramp", convT1_ramp("pad", 1))

    XT2 = (2, 3, 5, 6)
    convT2_variants = [
        ("same_k3", lambda: CT2(3, 4, 3)),
        ("same_k3_s2_bias", lambda: CT2(3, 4, 3, stride=2, has_bias=True)),
        ("same_k4_s2", lambda: CT2(3, 4, 4, stride=2)),
        ("same_k2x3_s_3x2", lambda: CT2(3, 4, (2, 3), stride=(3, 2))),
        ("valid_k3_s2", lambda: CT2(3, 4, 3, stride=2, pad_mode="valid", has_bias=True)),
        ("valid_k2_s3", lambda: CT2(3, 4, 2, stride=3, pad_mode="valid", has_bias=True)),
        ("valid_k1", lambda: CT2(3, 4, 1, pad_mode="valid")),
        ("valid_k3_d2", lambda: CT2(3, 4, 3, dilation=2, pad_mode="valid")),
        ("pad1_k3_s2", lambda: CT2(3, 4, 3, stride=2, pad_mode="pad", padding=1)),
        ("pad_tuple_k3_s2", lambda: CT2(3, 4, 3, stride=2, pad_mode="pad", padding=(1, 0, 2, 1), has_bias=True)),
        ("pad1_s2_op1_bias", lambda: CT2(3, 4, 3, stride=2, pad_mode="pad", padding=1, output_padding=1,
                                         has_bias=True)),
        ("pad1_s2_op_tuple", lambda: CT2(3, 4, 3, stride=(2, 3), pad_mode="pad", padding=1,
                                         output_padding=(1, 2))),
        ("pad0_s3_op2", lambda: CT2(3, 4, 2, stride=3, pad_mode="pad", padding=0, output_padding=2)),
        ("pad2_k5_s2_d2", lambda: CT2(3, 4, 5, stride=2, dilation=2, pad_mode="pad", padding=2)),
    ]
    for v, mk in convT2_variants:
        comp("conv2dT." + v, layer(mk, XT2, 51))
    comp("conv2dT.group2", layer(lambda: CT2(4, 6, 3, stride=2, group=2, has_bias=True), (2, 4, 5, 6), 52))
    comp("conv2dT.depthwise", layer(lambda: CT2(3, 3, 3, stride=2, group=3, pad_mode="valid"), XT2, 53))

    def convT2_op_small():
        c = CT2(1, 1, 3, stride=2, pad_mode="pad", padding=1, output_padding=1, has_bias=True)
        c.weight.set_data(T(np.ones((1, 1, 3, 3), np.float32)))
        c.bias.set_data(T(np.array([5.0], np.float32)))
        return c(T(np.ones((1, 1, 3, 3), np.float32)))
    add("conv2dT.output_padding_zeros_after_bias", convT2_op_small)

    XT3 = (2, 2, 3, 4, 5)
    convT3_variants = [
        ("same_k3", lambda: CT3(2, 3, 3)),
        ("same_k3_s2_bias", lambda: CT3(2, 3, 3, stride=2, has_bias=True)),
        ("valid_k2_s2", lambda: CT3(2, 3, 2, stride=2, pad_mode="valid")),
        ("valid_k3_s_1x2x1", lambda: CT3(2, 3, 3, stride=(1, 2, 1), pad_mode="valid", has_bias=True)),
        ("pad1_k3_s2", lambda: CT3(2, 3, 3, stride=2, pad_mode="pad", padding=1)),
        ("pad_6tuple_k3_s2", lambda: CT3(2, 3, 3, stride=2, pad_mode="pad", padding=(1, 0, 0, 1, 1, 1))),
        ("pad1_k3_s2_op1", lambda: CT3(2, 3, 3, stride=2, pad_mode="pad", padding=1, output_padding=1,
                                       has_bias=True)),
    ]
    for v, mk in convT3_variants:
        comp("conv3dT." + v, layer(mk, XT3, 61))
    comp("conv3dT.group2", layer(lambda: CT3(4, 6, 3, stride=2, group=2, has_bias=True), (2, 4, 3, 4, 5), 62))

    def convT3_op_small():
        c = CT3(1, 1, 3, stride=2, pad_mode="pad", padding=1, output_padding=1, has_bias=True)
        c.weight.set_data(T(np.ones((1, 1, 3, 3, 3), np.float32)))
        c.bias.set_data(T(np.array([5.0], np.float32)))
        return c(T(np.ones((1, 1, 2, 2, 2), np.float32)))
    add("conv3dT.output_padding_real_values", convT3_op_small)

    add("repr.conv1dT_default", rep(lambda: CT1(3, 4, 3)))
    add("repr.conv2dT_default", rep(lambda: CT2(3, 4, 3)))
    add("repr.conv2dT_full", rep(lambda: CT2(4, 6, (2, 3), stride=2, pad_mode="pad", padding=(1, 0, 2, 1),
                                             output_padding=1, dilation=1, group=2, has_bias=True)))
    add("repr.conv3dT_default", rep(lambda: CT3(2, 3, 3, has_bias=True)))
    add("names.conv1dT", names("deconv", lambda: CT1(3, 4, 3, has_bias=True)))
    add("names.conv2dT", names("deconv", lambda: CT2(4, 6, (2, 3), group=2, has_bias=True)))
    add("names.conv3dT", names("deconv", lambda: CT3(2, 3, 3, has_bias=True)))

    # ================================================================ functional convolutions
    def fconv(fn, xs, ws, bias, seed, **kw):
        def thunk():
            x = T(rnd(seed, *xs))
            w = T(rnd(seed + 1, *ws, scale=0.3))
            if bias:
                b = T(rnd(seed + 2, ws[0], scale=0.3))

                def f(x, w, b):
                    return fn(x, w, b, **kw)
                return fn_grad(f, [x, w, b], seed)

            def f(x, w):
                return fn(x, w, **kw)
            return fn_grad(f, [x, w], seed)
        return thunk

    comp("ops.conv2d.default_valid", fconv(ops.conv2d, X2, (4, 3, 3, 3), False, 71))
    comp("ops.conv2d.bias_same_s2", fconv(ops.conv2d, X2, (4, 3, 3, 3), True, 72, stride=2, pad_mode="same"))
    comp("ops.conv2d.same_k2x3_d2", fconv(ops.conv2d, X2, (4, 3, 2, 3), False, 73, dilation=2, pad_mode="same"))
    comp("ops.conv2d.pad1", fconv(ops.conv2d, X2, (4, 3, 3, 3), True, 74, pad_mode="pad", padding=1))
    comp("ops.conv2d.pad_tuple2_s_2x3", fconv(ops.conv2d, X2, (4, 3, 3, 3), False, 75, pad_mode="pad",
                                              padding=(2, 1), stride=(2, 3)))
    comp("ops.conv2d.groups2", fconv(ops.conv2d, (2, 4, 7, 9), (6, 2, 3, 3), True, 76, groups=2))
    comp("ops.conv2d.depthwise_same", fconv(ops.conv2d, (2, 4, 7, 9), (4, 1, 3, 3), False, 77, groups=4,
                                            pad_mode="same"))
    comp("ops.conv1d.default_valid", fconv(ops.conv1d, X1, (4, 3, 3), False, 81))
    comp("ops.conv1d.bias_same_s2_k4", fconv(ops.conv1d, X1, (4, 3, 4), True, 82, stride=2, pad_mode="same"))
    comp("ops.conv1d.pad1_d2", fconv(ops.conv1d, X1, (4, 3, 3), False, 83, pad_mode="pad", padding=1, dilation=2))
    comp("ops.conv1d.pad_tuple1", fconv(ops.conv1d, X1, (4, 3, 3), True, 84, pad_mode="pad", padding=(2,)))
    comp("ops.conv1d.groups3", fconv(ops.conv1d, X1, (3, 1, 3), False, 85, groups=3))
    comp("ops.conv3d.default_valid", fconv(ops.conv3d, X3, (3, 2, 3, 3, 3), False, 91))
    comp("ops.conv3d.bias_s_1x2x2", fconv(ops.conv3d, X3, (3, 2, 3, 3, 3), True, 92, stride=(1, 2, 2)))
    comp("ops.conv3d.same_d2", fconv(ops.conv3d, X3, (3, 2, 2, 3, 2), False, 93, pad_mode="same", dilation=2))
    comp("ops.conv3d.pad_tuple3", fconv(ops.conv3d, X3, (3, 2, 3, 3, 3), True, 94, pad_mode="pad",
                                        padding=(1, 0, 2)))
    comp("ops.conv3d.groups2", fconv(ops.conv3d, (2, 4, 3, 4, 5), (6, 2, 3, 3, 3), True, 95, groups=2,
                                     pad_mode="same"))

    # ops.conv_transpose2d: RuntimeError on CPU (kernel ConvTranspose2D unregistered); see instead_cases
    for v, *_ in CONV_T2D_OPS:
        comp("ops.conv_transpose2d." + v, _conv_t2d_case(ms, fn_grad, v))
        DELIBERATE["ops.conv_transpose2d." + v] = (
            "MindSpore 2.10's CPU build has no ConvTranspose2D kernel (RuntimeError); minispore computes it, "
            "checked against MindSpore's vjp of ops.conv2d")

    # ================================================================ max pooling
    MP1, MP2, MP3 = nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d
    mp2_variants = [
        ("default_k1", lambda: MP2()),
        ("valid_k2", lambda: MP2(2)),
        ("valid_k3_s2", lambda: MP2(3, 2)),
        ("valid_k2x3_s_1x2", lambda: MP2((2, 3), (1, 2))),
        ("same_k3_s2", lambda: MP2(3, 2, pad_mode="same")),
        ("same_k2_s3", lambda: MP2(2, 3, pad_mode="same")),
        ("same_k4_s1", lambda: MP2(4, 1, pad_mode="same")),
        ("pad1_k3_s2", lambda: MP2(3, 2, pad_mode="pad", padding=1)),
        ("pad_tuple_k3_s2", lambda: MP2(3, 2, pad_mode="pad", padding=(1, 0))),
        ("pad0_k2_s2_ceil", lambda: MP2(2, 2, pad_mode="pad", padding=0, ceil_mode=True)),
        ("pad1_k3_s3_ceil", lambda: MP2(3, 3, pad_mode="pad", padding=1, ceil_mode=True)),
        ("pad1_k3_s2_d2", lambda: MP2(3, 2, pad_mode="pad", padding=1, dilation=2)),
        ("pad1_k3_s2_indices", lambda: MP2(3, 2, pad_mode="pad", padding=1, return_indices=True)),
        ("pad0_k2_s2_ceil_indices", lambda: MP2(2, 2, pad_mode="pad", ceil_mode=True, return_indices=True)),
    ]
    for v, mk in mp2_variants:
        comp("maxpool2d." + v, layer(mk, X2, 101))
    comp("maxpool2d.chw_input", layer(lambda: MP2(3, 2), (3, 7, 9), 102))
    comp("maxpool2d.chw_input_pad_indices", layer(lambda: MP2(3, 2, pad_mode="pad", padding=1,
                                                              return_indices=True), (3, 7, 9), 103))
    XT = (1, 2, 5, 6)
    comp("maxpool2d.ties_valid_k2_s1", layer(lambda: MP2(2, 1), XT, 104, data=ties(104, *XT)))
    comp("maxpool2d.ties_valid_k3_s2", layer(lambda: MP2(3, 2), XT, 105, data=ties(105, *XT)))
    comp("maxpool2d.ties_same_k3_s2", layer(lambda: MP2(3, 2, pad_mode="same"), XT, 106, data=ties(106, *XT)))
    comp("maxpool2d.ties_pad1_k3_s2_indices", layer(lambda: MP2(3, 2, pad_mode="pad", padding=1,
                                                                return_indices=True), XT, 107,
                                                    data=ties(107, *XT)))
    comp("maxpool2d.ties_pad0_k2_s1_indices", layer(lambda: MP2(2, 1, pad_mode="pad", return_indices=True), XT,
                                                    108, data=ties(108, *XT)))
    comp("maxpool2d.all_equal_k2_s1", layer(lambda: MP2(2, 1), (1, 1, 3, 4), 109,
                                            data=np.full((1, 1, 3, 4), 2.0, np.float32)))
    comp("maxpool2d.all_equal_pad_k2_s1_indices", layer(lambda: MP2(2, 1, pad_mode="pad", return_indices=True),
                                                        (1, 1, 3, 4), 110,
                                                        data=np.full((1, 1, 3, 4), 2.0, np.float32)))
    comp("maxpool2d.negative_pad1", layer(lambda: MP2(3, 2, pad_mode="pad", padding=1, return_indices=True),
                                          (1, 1, 4, 5), 111, data=-unif(111, 1, 1, 4, 5, low=1.0, high=2.0)))
    comp("maxpool2d.negative_same", layer(lambda: MP2(2, 2, pad_mode="same"), (1, 1, 5, 5), 112,
                                          data=-unif(112, 1, 1, 5, 5, low=1.0, high=2.0)))

    mp1_variants = [
        ("valid_k3_s2", lambda: MP1(3, 2)),
        ("same_k2_s2", lambda: MP1(2, 2, pad_mode="same")),
        ("same_k4_s3", lambda: MP1(4, 3, pad_mode="same")),
        ("pad1_k3_s2", lambda: MP1(3, 2, pad_mode="pad", padding=1)),
        ("pad1_k3_s2_ceil_indices", lambda: MP1(3, 2, pad_mode="pad", padding=1, ceil_mode=True,
                                                return_indices=True)),
        ("pad0_k2_s2_d2", lambda: MP1(2, 2, pad_mode="pad", dilation=2)),
    ]
    for v, mk in mp1_variants:
        comp("maxpool1d." + v, layer(mk, X1, 121))
    comp("maxpool1d.cl_input", layer(lambda: MP1(3, 2), (3, 9), 122))
    comp("maxpool1d.ties_valid_k3_s1", layer(lambda: MP1(3, 1), (1, 2, 8), 123, data=ties(123, 1, 2, 8)))
    comp("maxpool1d.ties_pad_k3_s1_indices", layer(lambda: MP1(3, 1, pad_mode="pad", padding=1,
                                                               return_indices=True), (1, 2, 8), 124,
                                                   data=ties(124, 1, 2, 8)))

    mp3_variants = [
        ("valid_k2", lambda: MP3(2)),
        ("valid_k3_s2", lambda: MP3(3, 2)),
        ("same_k3_s2", lambda: MP3(3, 2, pad_mode="same")),
        ("same_k2_s_1x2x3", lambda: MP3(2, (1, 2, 3), pad_mode="same")),
        ("pad1_k3_s2_indices", lambda: MP3(3, 2, pad_mode="pad", padding=1, return_indices=True)),
        ("pad_tuple_k3_s2", lambda: MP3(3, 2, pad_mode="pad", padding=(1, 0, 1))),
        ("pad0_k2_s2_ceil", lambda: MP3(2, 2, pad_mode="pad", ceil_mode=True)),
        ("pad1_k3_s2_d2", lambda: MP3(3, 2, pad_mode="pad", padding=1, dilation=2)),
    ]
    for v, mk in mp3_variants:
        comp("maxpool3d." + v, layer(mk, X3, 131))
    comp("maxpool3d.ties_valid_k2_s1", layer(lambda: MP3(2, 1), (1, 1, 3, 4, 4), 132,
                                             data=ties(132, 1, 1, 3, 4, 4)))
    comp("maxpool3d.ties_pad_k2_s1_indices", layer(lambda: MP3(2, 1, pad_mode="pad", return_indices=True),
                                                   (1, 1, 3, 4, 4), 133, data=ties(133, 1, 1, 3, 4, 4)))

    for v, mk in [("mp2d_default", lambda: MP2()), ("mp2d_pad", lambda: MP2(3, 2, pad_mode="pad", padding=1,
                                                                             return_indices=True, ceil_mode=True)),
                  ("mp2d_same_tuple", lambda: MP2((2, 3), (1, 2), pad_mode="same")),
                  ("mp1d_default", lambda: MP1()), ("mp1d_valid", lambda: MP1(3, 2)),
                  ("mp1d_pad", lambda: MP1(3, 2, pad_mode="pad", padding=1)),
                  ("mp3d_default", lambda: MP3()), ("mp3d_pad", lambda: MP3(3, 2, pad_mode="pad", padding=1)),
                  ("mp3d_same", lambda: MP3((1, 2, 3), 2, pad_mode="same"))]:
        add("repr." + v, rep(mk))

    # functional max pooling
    def fpool(fn, xs, seed, data=None, **kw):
        def thunk():
            x = T(data if data is not None else rnd(seed, *xs))

            def f(x):
                return fn(x, **kw)
            return fn_grad(f, [x], seed)
        return thunk
    comp("ops.max_pool2d.k3_stride_none", fpool(ops.max_pool2d, X2, 141, kernel_size=3))
    comp("ops.max_pool2d.k3_s2_p1", fpool(ops.max_pool2d, X2, 142, kernel_size=3, stride=2, padding=1))
    comp("ops.max_pool2d.indices", fpool(ops.max_pool2d, X2, 143, kernel_size=3, stride=2, padding=1,
                                         return_indices=True))
    comp("ops.max_pool2d.k2_ceil_indices", fpool(ops.max_pool2d, X2, 144, kernel_size=2, ceil_mode=True,
                                                 return_indices=True))
    comp("ops.max_pool2d.k2x3_s_1x2_p1_d_1x2", fpool(ops.max_pool2d, X2, 145, kernel_size=(2, 3), stride=(1, 2),
                                                     padding=(1, 1), dilation=(1, 2)))
    comp("ops.max_pool2d.ties_indices", fpool(ops.max_pool2d, XT, 146, data=ties(146, *XT), kernel_size=2,
                                              stride=1, return_indices=True))
    comp("ops.max_pool3d.k2", fpool(ops.max_pool3d, X3, 151, kernel_size=2))
    comp("ops.max_pool3d.k3_s2_p1_indices", fpool(ops.max_pool3d, X3, 152, kernel_size=3, stride=2, padding=1,
                                                  return_indices=True))
    comp("ops.max_pool3d.k2_ceil", fpool(ops.max_pool3d, X3, 153, kernel_size=2, stride=2, ceil_mode=True))

    # ================================================================ average pooling
    AP1, AP2, AP3 = nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d
    ap2_variants = [
        ("default_k1", lambda: AP2()),
        ("valid_k2", lambda: AP2(2)),
        ("valid_k3_s2", lambda: AP2(3, 2)),
        ("valid_k2x3_s_1x2", lambda: AP2((2, 3), (1, 2))),
        ("same_k3_s2", lambda: AP2(3, 2, pad_mode="same")),
        ("same_k2_s3", lambda: AP2(2, 3, pad_mode="same")),
        ("same_k4_s1", lambda: AP2(4, 1, pad_mode="same")),
        ("pad1_k3_s2", lambda: AP2(3, 2, pad_mode="pad", padding=1)),
        ("pad1_k3_s2_exclude_pad", lambda: AP2(3, 2, pad_mode="pad", padding=1, count_include_pad=False)),
        ("pad_tuple_k3_s2", lambda: AP2(3, 2, pad_mode="pad", padding=(1, 0))),
        ("pad0_k2_s2_ceil", lambda: AP2(2, 2, pad_mode="pad", ceil_mode=True)),
        ("pad1_k3_s3_ceil", lambda: AP2(3, 3, pad_mode="pad", padding=1, ceil_mode=True)),
        ("pad1_k3_s3_ceil_exclude_pad", lambda: AP2(3, 3, pad_mode="pad", padding=1, ceil_mode=True,
                                                    count_include_pad=False)),
        ("pad1_k3_s2_divisor2", lambda: AP2(3, 2, pad_mode="pad", padding=1, divisor_override=2)),
        ("pad0_k2_s2_ceil_divisor3", lambda: AP2(2, 2, pad_mode="pad", ceil_mode=True, divisor_override=3)),
    ]
    # accepted although the docstring says ValueError: these switch AvgPool2d to the AvgPool3D kernel
    ap2_variants += [
        ("valid_k3_s2_exclude_pad_flag", lambda: AP2(3, 2, count_include_pad=False)),
        ("valid_k2_s2_divisor3", lambda: AP2(2, 2, divisor_override=3)),
        ("same_k3_s2_ceil_mode", lambda: AP2(3, 2, pad_mode="same", ceil_mode=True)),
        ("same_k3_s2_divisor2", lambda: AP2(3, 2, pad_mode="same", divisor_override=2)),
        ("same_k3_s2_include_pad_false", lambda: AP2(3, 2, pad_mode="same", count_include_pad=False)),
    ]
    for v, mk in ap2_variants:
        comp("avgpool2d." + v, layer(mk, X2, 161))
    comp("avgpool2d.chw_input", layer(lambda: AP2(3, 2), (3, 7, 9), 162))
    comp("avgpool2d.chw_input_pad", layer(lambda: AP2(3, 2, pad_mode="pad", padding=1), (3, 7, 9), 163))

    def ramp_pool(make, n=7):
        return lambda: make()(T(np.arange(1, n + 1, dtype=np.float32).reshape(1, 1, n)))
    add("avgpool1d.same_k3_s2_ramp", ramp_pool(lambda: AP1(3, 2, pad_mode="same")))
    add("avgpool1d.same_k2_s2_ramp", ramp_pool(lambda: AP1(2, 2, pad_mode="same")))
    add("avgpool1d.pad1_k3_s2_ramp", ramp_pool(lambda: AP1(3, 2, pad_mode="pad", padding=1)))
    add("avgpool1d.pad1_k3_s2_exclude_ramp", ramp_pool(lambda: AP1(3, 2, pad_mode="pad", padding=1,
                                                                   count_include_pad=False)))
    add("maxpool1d.same_k2_s2_ramp", ramp_pool(lambda: MP1(2, 2, pad_mode="same")))
    add("avgpool2d.same_k3_s2_ramp", lambda: AP2(3, 2, pad_mode="same")(
        T(np.tile(np.arange(5, dtype=np.float32), (1, 1, 5, 1)))))

    ap1_variants = [
        ("valid_k3_s2", lambda: AP1(3, 2)),
        ("same_k3_s2", lambda: AP1(3, 2, pad_mode="same")),
        ("same_k4_s3", lambda: AP1(4, 3, pad_mode="same")),
        ("pad1_k3_s2", lambda: AP1(3, 2, pad_mode="pad", padding=1)),
        ("pad1_k3_s2_exclude_pad", lambda: AP1(3, 2, pad_mode="pad", padding=1, count_include_pad=False)),
        ("pad0_k2_s2_ceil", lambda: AP1(2, 2, pad_mode="pad", ceil_mode=True)),
    ]
    for v, mk in ap1_variants:
        comp("avgpool1d." + v, layer(mk, X1, 171))
    comp("avgpool1d.cl_input", layer(lambda: AP1(3, 2), (3, 9), 172))

    ap3_variants = [
        ("valid_k2", lambda: AP3(2)),
        ("valid_k3_s2", lambda: AP3(3, 2)),
        ("same_k3_s2", lambda: AP3(3, 2, pad_mode="same")),
        ("pad1_k3_s2", lambda: AP3(3, 2, pad_mode="pad", padding=1)),
        ("pad1_k3_s2_exclude_pad", lambda: AP3(3, 2, pad_mode="pad", padding=1, count_include_pad=False)),
        ("pad_tuple_k3_s2", lambda: AP3(3, 2, pad_mode="pad", padding=(1, 0, 1))),
        ("pad0_k2_s2_ceil", lambda: AP3(2, 2, pad_mode="pad", ceil_mode=True)),
        ("pad1_k3_s2_divisor5", lambda: AP3(3, 2, pad_mode="pad", padding=1, divisor_override=5)),
    ]
    for v, mk in ap3_variants:
        comp("avgpool3d." + v, layer(mk, X3, 181))

    for v, mk in [("ap2d_default", lambda: AP2()), ("ap2d_pad", lambda: AP2((2, 3), (1, 2), pad_mode="pad",
                                                                             padding=(1, 1), divisor_override=3)),
                  ("ap2d_same", lambda: AP2(3, 2, pad_mode="same")),
                  ("ap1d_default", lambda: AP1()), ("ap1d_valid", lambda: AP1(3, 2)),
                  ("ap1d_pad", lambda: AP1(3, 2, pad_mode="pad", padding=1)),
                  ("ap3d_default", lambda: AP3()), ("ap3d_same", lambda: AP3(3, 2, pad_mode="same")),
                  ("ap3d_pad", lambda: AP3(3, 2, pad_mode="pad", padding=1, count_include_pad=False))]:
        add("repr." + v, rep(mk))

    comp("ops.avg_pool1d.k3_default_stride", fpool(ops.avg_pool1d, X1, 191, kernel_size=3))
    comp("ops.avg_pool1d.k3_s2_p1", fpool(ops.avg_pool1d, X1, 192, kernel_size=3, stride=2, padding=1))
    comp("ops.avg_pool1d.k3_s2_p1_exclude", fpool(ops.avg_pool1d, X1, 193, kernel_size=3, stride=2, padding=1,
                                                  count_include_pad=False))
    comp("ops.avg_pool1d.k2_s2_ceil", fpool(ops.avg_pool1d, X1, 194, kernel_size=2, stride=2, ceil_mode=True))
    comp("ops.avg_pool2d.k3_default_stride", fpool(ops.avg_pool2d, X2, 195, kernel_size=3))
    comp("ops.avg_pool2d.k3_s2_p1", fpool(ops.avg_pool2d, X2, 196, kernel_size=3, stride=2, padding=1))
    comp("ops.avg_pool2d.k3_s2_p1_exclude", fpool(ops.avg_pool2d, X2, 197, kernel_size=3, stride=2, padding=1,
                                                  count_include_pad=False))
    comp("ops.avg_pool2d.k2_s2_p1_ceil_div3", fpool(ops.avg_pool2d, X2, 198, kernel_size=2, stride=2, padding=1,
                                                    ceil_mode=True, divisor_override=3))
    comp("ops.avg_pool2d.k2x3_s_2x1", fpool(ops.avg_pool2d, X2, 199, kernel_size=(2, 3), stride=(2, 1)))
    comp("ops.avg_pool3d.k2_default_stride", fpool(ops.avg_pool3d, X3, 201, kernel_size=2))
    comp("ops.avg_pool3d.k3_s2_p1_exclude", fpool(ops.avg_pool3d, X3, 202, kernel_size=3, stride=2, padding=1,
                                                  count_include_pad=False))
    comp("ops.avg_pool3d.k2_s2_p1_div2", fpool(ops.avg_pool3d, X3, 203, kernel_size=2, stride=2, padding=1,
                                               divisor_override=2))
    comp("ops.avg_pool3d.k2_s2_ceil", fpool(ops.avg_pool3d, X3, 204, kernel_size=2, stride=2, ceil_mode=True))

    # ================================================================ adaptive pooling
    AAP1, AAP2, AAP3 = nn.AdaptiveAvgPool1d, nn.AdaptiveAvgPool2d, nn.AdaptiveAvgPool3d
    AMP1, AMP2 = nn.AdaptiveMaxPool1d, nn.AdaptiveMaxPool2d
    comp("aavgpool1d.9_to_3", layer(lambda: AAP1(3), X1, 211))
    comp("aavgpool1d.9_to_1", layer(lambda: AAP1(1), X1, 212))
    comp("aavgpool1d.9_to_9", layer(lambda: AAP1(9), X1, 213))
    comp("aavgpool2d.7x9_to_3x4", layer(lambda: AAP2((3, 4)), X2, 214))
    comp("aavgpool2d.7x9_to_3", layer(lambda: AAP2(3), X2, 215))
    comp("aavgpool2d.7x9_to_1", layer(lambda: AAP2(1), X2, 216))
    comp("aavgpool2d.none_4", layer(lambda: AAP2((None, 4)), X2, 217))
    comp("aavgpool2d.5_none", layer(lambda: AAP2((5, None)), X2, 218))
    comp("aavgpool2d.upsample_9x11", layer(lambda: AAP2((9, 11)), (1, 2, 7, 9), 219))
    comp("aavgpool2d.chw_input", layer(lambda: AAP2((3, 4)), (3, 7, 9), 220))
    comp("aavgpool3d.5x6x7_to_2x3x4", layer(lambda: AAP3((2, 3, 4)), X3, 221))
    comp("aavgpool3d.to_3", layer(lambda: AAP3(3), X3, 222))
    comp("aavgpool3d.none_3_none", layer(lambda: AAP3((None, 3, None)), X3, 223))
    comp("aavgpool3d.cdhw_input", layer(lambda: AAP3((2, 3, 4)), (2, 5, 6, 7), 224))
    comp("amaxpool1d.9_to_3", layer(lambda: AMP1(3), X1, 225))
    comp("amaxpool1d.9_to_1", layer(lambda: AMP1(1), X1, 226))
    comp("amaxpool2d.7x9_to_3x4", layer(lambda: AMP2((3, 4)), X2, 227))
    comp("amaxpool2d.7x9_to_3_indices", layer(lambda: AMP2(3, return_indices=True), X2, 228))
    comp("amaxpool2d.none_4_indices", layer(lambda: AMP2((None, 4), return_indices=True), X2, 229))
    comp("amaxpool2d.chw_input", layer(lambda: AMP2((3, 4)), (3, 7, 9), 230))
    comp("amaxpool2d.ties_indices", layer(lambda: AMP2((2, 3), return_indices=True), XT, 231,
                                          data=ties(231, *XT)))
    comp("amaxpool1d.ties", layer(lambda: AMP1(2), (1, 2, 8), 232, data=ties(232, 1, 2, 8)))
    for v, mk in [("aap1d", lambda: AAP1(3)), ("aap2d", lambda: AAP2((None, 3))), ("aap3d", lambda: AAP3(2)),
                  ("amp1d", lambda: AMP1(3)), ("amp2d", lambda: AMP2(3, True))]:
        add("repr." + v, rep(mk))
    add("attrs.adaptive", lambda: (AAP1(3).output_size, AMP1(3).output_size, AMP2((None, 2)).output_size,
                                   AMP2(3, True).return_indices))
    comp("ops.adaptive_avg_pool1d.9_to_3", fpool(ops.adaptive_avg_pool1d, X1, 241, output_size=3))
    comp("ops.adaptive_avg_pool2d.3x4", fpool(ops.adaptive_avg_pool2d, X2, 242, output_size=(3, 4)))
    comp("ops.adaptive_avg_pool2d.3_none", fpool(ops.adaptive_avg_pool2d, X2, 243, output_size=(3, None)))
    comp("ops.adaptive_avg_pool2d.int4", fpool(ops.adaptive_avg_pool2d, X2, 244, output_size=4))
    comp("ops.adaptive_avg_pool3d.none_3_4", fpool(ops.adaptive_avg_pool3d, X3, 245, output_size=(None, 3, 4)))
    comp("ops.adaptive_max_pool1d.9_to_3", fpool(ops.adaptive_max_pool1d, X1, 246, output_size=3))
    comp("ops.adaptive_max_pool2d.3x4", fpool(ops.adaptive_max_pool2d, X2, 247, output_size=(3, 4)))
    comp("ops.adaptive_max_pool2d.none_4_indices", fpool(ops.adaptive_max_pool2d, X2, 248,
                                                         output_size=(None, 4), return_indices=True))

    # ================================================================ BatchNorm
    def moving(net):
        return {"moving": [(p.name, S(p)) for p in net.untrainable_params()]}

    BN1, BN2, BN3 = nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d
    for tag, mk, xs in [("bn1d", lambda **k: BN1(4, **k), (6, 4)), ("bn1d_ncl", lambda **k: BN1(3, **k), X1),
                        ("bn2d", lambda **k: BN2(3, **k), X2), ("bn3d", lambda **k: BN3(2, **k), X3)]:
        comp(tag + ".eval", layer(mk, xs, 301, after=moving))
        comp(tag + ".train", layer(mk, xs, 302, train=True, after=moving))
        comp(tag + ".train_momentum0.5_eps1e-3", layer(lambda mk=mk: mk(momentum=0.5, eps=1e-3), xs, 303,
                                                       train=True, after=moving))
        comp(tag + ".eval_use_batch_statistics", layer(lambda mk=mk: mk(use_batch_statistics=True), xs, 304,
                                                       after=moving))
        comp(tag + ".train_no_batch_statistics", layer(lambda mk=mk: mk(use_batch_statistics=False), xs, 305,
                                                       train=True, after=moving))
        comp(tag + ".train_affine_false", layer(lambda mk=mk: mk(affine=False), xs, 306, train=True,
                                                after=moving, setp=False))
        comp(tag + ".steps", _bn_steps(ms, mk, xs, 307, wrap))
        add("repr." + tag, rep(mk))
        add("names." + tag, names("bn", mk))
        add("names.%s_standalone" % tag, standalone(mk))
    add("repr.bn2d_affine_false", rep(lambda: BN2(3, affine=False, momentum=0.8, eps=1e-3)))
    add("attrs.bn2d", lambda: (lambda b: (b.momentum, b.eps, b.use_batch_statistics, b.training))(BN2(3)))
    add("bn2d.init_values", lambda: [(n, S(p)) for n, p in BN2(3, gamma_init="zeros", beta_init="ones",
                                                                 moving_mean_init="ones",
                                                                 moving_var_init="zeros").parameters_and_names()])

    def fbn(training, momentum, eps, seed, xs=X2, params=True):
        def thunk():
            c = xs[1]
            x = T(rnd(seed, *xs))
            rm = T(rnd(seed + 1, c, scale=0.2))
            rv = T(unif(seed + 2, c, low=0.5, high=1.5))
            w = T(1.0 + rnd(seed + 3, c, scale=0.2))
            b = T(rnd(seed + 4, c, scale=0.2))

            def f(x, w, b):
                return ops.batch_norm(x, rm, rv, w, b, training=training, momentum=momentum, eps=eps)
            r = fn_grad(f, [x, w, b], seed)
            r["running"] = [S(rm), S(rv)]
            return r
        return thunk
    comp("ops.batch_norm.eval", fbn(False, 0.1, 1e-5, 311))
    comp("ops.batch_norm.train", fbn(True, 0.1, 1e-5, 312))
    comp("ops.batch_norm.train_momentum0.3_eps1e-3", fbn(True, 0.3, 1e-3, 313))
    comp("ops.batch_norm.train_2d", fbn(True, 0.1, 1e-5, 314, xs=(6, 4)))

    def fbn_params():
        rm = ms.Parameter(T(np.zeros(3, np.float32)), name="rm")
        rv = ms.Parameter(T(np.ones(3, np.float32)), name="rv")
        x = T(rnd(315, *X2))
        y = ops.batch_norm(x, rm, rv, T(np.ones(3, np.float32)), T(np.zeros(3, np.float32)), training=True)
        return {"out": S(y), "rm": rm, "rv": rv}
    add("ops.batch_norm.parameters_updated", fbn_params)

    # ================================================================ GroupNorm
    GN = nn.GroupNorm
    comp("gn.g2_c6", layer(lambda: GN(2, 6), (2, 6, 7, 9), 321))
    comp("gn.g1_c6", layer(lambda: GN(1, 6), (2, 6, 7, 9), 322))
    comp("gn.g3_c6_eps1e-2", layer(lambda: GN(3, 6, eps=1e-2), (2, 6, 7, 9), 323))
    comp("gn.g6_c6", layer(lambda: GN(6, 6), (2, 6, 7, 9), 324))
    comp("gn.affine_false", layer(lambda: GN(2, 4, affine=False), (2, 4, 7, 9), 325, setp=False))
    comp("gn.ncl_input", layer(lambda: GN(2, 4), (2, 4, 9), 326))
    comp("gn.ncdhw_input", layer(lambda: GN(2, 4), (2, 4, 3, 5, 6), 327))
    comp("gn.nc_input", layer(lambda: GN(2, 4), (3, 4), 328))
    comp("gn.train_mode", layer(lambda: GN(2, 4), (2, 4, 7, 9), 329, train=True))
    add("repr.gn", rep(lambda: GN(2, 6)))
    add("repr.gn_affine_false", rep(lambda: GN(3, 6, eps=1e-3, affine=False)))
    add("names.gn", names("gn", lambda: GN(2, 6)))
    add("names.gn_affine_false", names("gn", lambda: GN(2, 6, affine=False)))

    def fgn(seed, groups, xs, wb=True, eps=1e-5):
        def thunk():
            c = xs[1]
            x = T(rnd(seed, *xs))
            if wb:
                w = T(1.0 + rnd(seed + 3, c, scale=0.2))
                b = T(rnd(seed + 4, c, scale=0.2))

                def f(x, w, b):
                    return ops.group_norm(x, groups, w, b, eps)
                return fn_grad(f, [x, w, b], seed)

            def f(x):
                return ops.group_norm(x, groups)
            return fn_grad(f, [x], seed)
        return thunk
    comp("ops.group_norm.g2", fgn(331, 2, (2, 6, 7, 9)))
    comp("ops.group_norm.g3_eps1e-2", fgn(332, 3, (2, 6, 7, 9), eps=1e-2))
    comp("ops.group_norm.no_weight", fgn(333, 2, (2, 4, 7, 9), wb=False))
    comp("ops.group_norm.ncl", fgn(334, 2, (2, 4, 9)))

    # ================================================================ InstanceNorm (no CPU kernel: DELIBERATE)
    IN = {1: nn.InstanceNorm1d, 2: nn.InstanceNorm2d, 3: nn.InstanceNorm3d}
    IN_X = {1: X1, 2: X2, 3: (2, 3, 3, 5, 6)}
    for d in (1, 2, 3):
        for v, kw, train in [("eval", {}, False), ("train", {}, True), ("eps1e-3", {"eps": 1e-3}, False),
                             ("affine_false", {"affine": False}, False)]:
            name = "in%dd.%s" % (d, v)
            comp(name, layer(lambda d=d, kw=kw: IN[d](3, **kw), IN_X[d], 340 + d, train=train,
                             setp="affine" not in kw))
            DELIBERATE[name] = ("MindSpore 2.10's CPU build has no InstanceNorm kernel (RuntimeError 'Unsupported "
                                "op [InstanceNorm] on CPU'); minispore computes it, checked against MindSpore's "
                                "GroupNorm(C, C) (the same normalisation, per-channel gamma/beta)")
        add("repr.in%dd" % d, rep(lambda d=d: IN[d](3)))
        add("names.in%dd" % d, names("inorm", lambda d=d: IN[d](3)))
    add("repr.in2d_affine_false", rep(lambda: IN[2](3, eps=1e-3, momentum=0.2, affine=False)))

    # ================================================================ LayerNorm over image axes
    LN = nn.LayerNorm
    comp("ln.chw_axis1", layer(lambda: LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1), X2, 351))
    comp("ln.hw_axis2", layer(lambda: LN((7, 9), begin_norm_axis=2, begin_params_axis=2), X2, 352))
    comp("ln.norm1_params_last", layer(lambda: LN((9,), begin_norm_axis=1, begin_params_axis=-1), X2, 353))
    comp("ln.chw_eps1e-5", layer(lambda: LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1, epsilon=1e-5),
                                 X2, 354))
    comp("ln.cdhw_axis1", layer(lambda: LN((2, 5, 6, 7), begin_norm_axis=1, begin_params_axis=1), X3, 355))
    comp("ln.train_mode", layer(lambda: LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1), X2, 356,
                                train=True))
    add("repr.ln_chw", rep(lambda: LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1)))
    DELIBERATE["repr.ln_chw"] = "MindSpore's LayerNorm repr lacks the '=' in 'gamma=Parameter (...)'"
    add("names.ln_chw", names("ln", lambda: LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1)))
    DELIBERATE["names.ln_chw"] = "the holder's repr shows the same LayerNorm repr typo"
    add("attrs.ln", lambda: (lambda n: (n.epsilon, n.begin_norm_axis, n.begin_params_axis, n.normalized_shape))(
        LN((3, 7, 9), begin_norm_axis=1, begin_params_axis=1)))

    def fln(seed, shape, wb=True):
        def thunk():
            x = T(rnd(seed, *X2))
            if wb:
                w = T(1.0 + rnd(seed + 3, *shape, scale=0.2))
                b = T(rnd(seed + 4, *shape, scale=0.2))

                def f(x, w, b):
                    return ops.layer_norm(x, shape, w, b)
                return fn_grad(f, [x, w, b], seed)

            def f(x):
                return ops.layer_norm(x, shape)
            return fn_grad(f, [x], seed)
        return thunk
    for v, shape, wb in [("chw", (3, 7, 9), True), ("hw_no_weight", (7, 9), False)]:
        comp("ops.layer_norm." + v, fln(357, shape, wb))
        DELIBERATE["ops.layer_norm." + v] = ("MindSpore 2.10's CPU build fails ops.layer_norm (RuntimeError 'Create "
                                             "kernelmod for op LayerNormExt failed'); minispore computes it, checked "
                                             "against nn.LayerNorm(epsilon=1e-5)")

    # ================================================================ Dropout2d / Dropout3d
    D2, D3 = nn.Dropout2d, nn.Dropout3d
    comp("drop2d.eval_identity", layer(lambda: D2(0.5), X2, 361))
    comp("drop3d.eval_identity", layer(lambda: D3(0.5), X3, 362))
    comp("drop2d.train_p0_identity", layer(lambda: D2(0.0), X2, 363, train=True))
    comp("drop3d.train_p0_identity", layer(lambda: D3(0.0), X3, 364, train=True))

    def drop_struct(make, xs, p, seed, train=True, fn=None):
        """Structural properties of a channel dropout in training: every (n, c) slice is either all zero or
        x / (1 - p); the kept fraction is close to 1 - p; the gradient uses the same mask."""
        def thunk():
            x = np.abs(rnd(seed, *xs)) + 0.5      # no zeros in x, so a zero in y is a dropped element
            xt = T(x)
            if fn is None:
                net = make()
                net.set_train(train)

                def f(x):
                    return net(x)
            else:
                def f(x):
                    return fn(x)
            if fn is None:
                def with_aux(a):
                    y = f(a)
                    return y.sum(), y
                (_, y), g = ms.value_and_grad(with_aux, 0, has_aux=True)(xt)   # one call: one mask
            else:
                y, g = f(xt), None
            ya = y.asnumpy()
            n, c = xs[0], xs[1]
            sl = ya.reshape(n * c, -1)
            xs_ = x.reshape(n * c, -1)
            zero = (sl == 0).all(1)
            scaled = np.isclose(sl, xs_ / (1 - p), rtol=1e-5).all(1) if p < 1 else zero
            kept = float((~zero).mean())
            res = {"shape": tuple(y.shape), "dtype": str(y.dtype), "zero_or_scaled": bool((zero | scaled).all()),
                   "kept_close": bool(abs(kept - (1 - p)) < 0.06), "some_dropped": bool(zero.any()) if p > 0 else None}
            if g is not None:
                ga = g.asnumpy().reshape(n * c, -1)
                res["grad_same_mask"] = bool(((ga == 0).all(1) == zero).all())
                res["grad_scale"] = bool(np.allclose(ga[~zero], 1 / (1 - p), rtol=1e-5)) if p < 1 else None
            return res
        return thunk
    add("drop2d.train_p0.5_structure", drop_struct(lambda: D2(0.5), (40, 25, 3, 4), 0.5, 365))
    add("drop2d.train_p0.2_structure", drop_struct(lambda: D2(0.2), (40, 25, 3, 4), 0.2, 366))
    add("drop3d.train_p0.5_structure", drop_struct(lambda: D3(0.5), (40, 25, 2, 3, 2), 0.5, 367))
    add("drop2d.train_p1_all_zero", drop_struct(lambda: D2(1.0), (4, 5, 3, 4), 1.0, 368))
    add("ops.dropout2d.train_p0.5_structure", drop_struct(None, (40, 25, 3, 4), 0.5, 369,
                                                          fn=lambda x: ops.dropout2d(x, 0.5)))
    add("ops.dropout3d.train_p0.3_structure", drop_struct(None, (40, 25, 2, 3, 2), 0.3, 370,
                                                          fn=lambda x: ops.dropout3d(x, 0.3)))
    comp("ops.dropout2d.training_false", fpool(ops.dropout2d, X2, 371, p=0.5, training=False))
    comp("ops.dropout3d.training_false", fpool(ops.dropout3d, X3, 372, p=0.5, training=False))
    for v, mk in [("dropout2d_default", lambda: D2()), ("dropout2d_p03", lambda: D2(0.3)),
                  ("dropout3d_p02", lambda: D3(p=0.2)), ("dropout2d_p1", lambda: D2(1.0))]:
        add("repr." + v, rep(mk))
    add("attrs.dropout", lambda: (D2(0.3).keep_prob, D3().keep_prob, D2().training))
    add("names.dropout2d", names("drop", lambda: D2(0.3)))

    # ================================================================ activations
    special = np.array([-20.0, -6.0, -3.5, -3.0, -2.5, -1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0, 2.5, 3.0, 3.5, 6.0,
                        20.0, -3.0001, 2.9999, 1e-4], np.float32)
    acts = [("GELU_tanh", lambda: nn.GELU()), ("GELU_tanh_explicit", lambda: nn.GELU(approximate=True)),
            ("GELU_erf", lambda: nn.GELU(approximate=False)), ("SiLU", lambda: nn.SiLU()),
            ("Mish", lambda: nn.Mish()), ("HSwish", lambda: nn.HSwish()), ("HSigmoid", lambda: nn.HSigmoid()),
            ("LeakyReLU", lambda: nn.LeakyReLU()), ("LeakyReLU_0.3", lambda: nn.LeakyReLU(0.3)),
            ("LeakyReLU_neg0.5", lambda: nn.LeakyReLU(-0.5)), ("LeakyReLU_1.5", lambda: nn.LeakyReLU(1.5)),
            ("LeakyReLU_int_alpha", lambda: nn.LeakyReLU(1))]
    for v, mk in acts:
        comp("act.%s.special" % v, layer(mk, special.shape, 401, data=special))
        comp("act.%s.image" % v, layer(mk, X2, 402, data=rnd(402, *X2, scale=3.0)))
        add("repr.act_" + v, rep(mk))
        add("act.%s.float16" % v, lambda mk=mk: (lambda y: (str(y.dtype), y))(
            mk()(T(special.astype(np.float16)))))
    factual = [("gelu_none", ops.gelu, {}), ("gelu_tanh", ops.gelu, {"approximate": "tanh"}),
               ("silu", ops.silu, {}), ("mish", ops.mish, {}), ("hardswish", ops.hardswish, {}),
               ("hardsigmoid", ops.hardsigmoid, {}), ("leaky_relu", ops.leaky_relu, {}),
               ("leaky_relu_0.1", ops.leaky_relu, {"alpha": 0.1})]
    for v, fn, kw in factual:
        comp("act.ops.%s.special" % v, fpool(fn, special.shape, 403, data=special, **kw))
    add("attrs.act", lambda: (nn.GELU().approximate, nn.GELU(False).approximate, nn.LeakyReLU().alpha,
                              nn.LeakyReLU(0.3).alpha))

    # ================================================================ default initialisers
    init_specs = [
        # name, maker, fan_in of weight (formula), parameter
        ("conv2d.weight", lambda: C2(4, 2048, 3, has_bias=True), 4 * 9, "weight"),
        ("conv2d.bias", lambda: C2(4, 2048, 3, has_bias=True), 4 * 9, "bias"),
        ("conv2d_group4.weight", lambda: C2(8, 2048, 3, group=4, has_bias=True), 2 * 9, "weight"),
        ("conv2d_group4.bias", lambda: C2(8, 2048, 3, group=4, has_bias=True), 2 * 9, "bias"),
        ("conv2d_k2x3.weight", lambda: C2(16, 512, (2, 3)), 16 * 6, "weight"),
        ("conv1d.weight", lambda: C1(16, 2048, 3, has_bias=True), 16 * 3, "weight"),
        ("conv1d.bias", lambda: C1(16, 2048, 3, has_bias=True), 16 * 3, "bias"),
        ("conv3d.weight", lambda: C3(4, 1024, 3, has_bias=True), 4 * 27, "weight"),
        ("conv3d.bias", lambda: C3(4, 1024, 3, has_bias=True), 4 * 27, "bias"),
        ("conv1dT.weight", lambda: CT1(4, 2048, 3, has_bias=True), 2048 * 3, "weight"),
        ("conv1dT.bias", lambda: CT1(4, 2048, 3, has_bias=True), 2048 * 3, "bias"),
        ("conv2dT.weight", lambda: CT2(4, 2048, 3, has_bias=True), 2048 * 9, "weight"),
        ("conv2dT.bias", lambda: CT2(4, 2048, 3, has_bias=True), 2048 * 9, "bias"),
        ("conv2dT_in_big.weight", lambda: CT2(2048, 4, 3, has_bias=True), 4 * 9, "weight"),
        ("conv2dT_group2.weight", lambda: CT2(4, 2048, 3, group=2, has_bias=True), 1024 * 9, "weight"),
        ("conv2dT_group2.bias", lambda: CT2(4, 2048, 3, group=2, has_bias=True), 1024 * 9, "bias"),
        ("conv3dT.weight", lambda: CT3(4, 1024, 3, has_bias=True), 1024 * 27, "weight"),
        ("conv3dT.bias", lambda: CT3(4, 1024, 3, has_bias=True), 1024 * 27, "bias"),
    ]
    for v, mk, fan_in, pname in init_specs:
        def th(mk=mk, fan_in=fan_in, pname=pname):
            net = mk()
            p = getattr(net, pname)
            a = p.asnumpy().astype(np.float64)
            init = net.weight_init if pname == "weight" else net.bias_init
            return {"class": type(init).__name__, "shape": tuple(p.shape), "dtype": str(p.dtype),
                    "bound": float(1.0 / np.sqrt(fan_in)), "n": int(a.size),
                    "mean": float(a.mean()), "std": float(a.std()), "min": float(a.min()), "max": float(a.max())}
        add("init." + v, th)
    for v, mk in [("bn2d", lambda: BN2(3)), ("bn3d", lambda: BN3(3)), ("gn", lambda: GN(2, 4)),
                  ("in2d", lambda: IN[2](3)), ("ln", lambda: LN((3, 7, 9), 1, 1))]:
        add("init_values." + v, lambda mk=mk: [(n, S(p)) for n, p in mk().parameters_and_names()])

    # ================================================================ errors
    x4 = lambda: T(rnd(501, *X2))                   # noqa: E731
    x3 = lambda: T(rnd(502, 3, 7, 9))               # noqa: E731
    err("err.conv2d_wrong_channels", lambda: C2(4, 6, 3)(x4()), "C_in")
    err("err.conv2d_kernel_larger_than_input", lambda: C2(3, 4, 8, pad_mode="valid")(x4()), "kernel")
    err("err.conv2d_kernel_larger_than_padded", lambda: C2(3, 4, (10, 3), pad_mode="pad", padding=1)(x4()),
        "kernel")
    err("err.conv2d_3d_input", lambda: C2(3, 4, 3)(x3()), "4")
    err("err.conv2d_5d_input", lambda: C2(3, 4, 3)(T(rnd(503, 1, 3, 2, 7, 9))), "4")
    err("err.conv2d_group_not_dividing_out", lambda: C2(4, 6, 3, group=4), "group")
    err("err.conv2d_group_not_dividing_in", lambda: C2(3, 6, 3, group=2), "group")
    err("err.conv2d_group0", lambda: C2(4, 6, 3, group=0), "group")
    err("err.conv2d_negative_padding", lambda: C2(3, 4, 3, pad_mode="pad", padding=-1), "padding")
    err("err.conv2d_negative_padding_tuple", lambda: C2(3, 4, 3, pad_mode="pad", padding=(1, -1, 0, 0)),
        "padding")
    err("err.conv2d_same_with_padding", lambda: C2(3, 4, 3, pad_mode="same", padding=1), "pad")
    err("err.conv2d_valid_with_padding_tuple", lambda: C2(3, 4, 3, pad_mode="valid", padding=(1, 1, 1, 1)), "pad")
    err("err.conv2d_bad_pad_mode", lambda: C2(3, 4, 3, pad_mode="full"), "pad_mode")
    err("err.conv2d_padding_3_tuple", lambda: C2(3, 4, 3, pad_mode="pad", padding=(1, 1, 1)), "pad")
    err("err.conv2d_padding_float", lambda: C2(3, 4, 3, pad_mode="pad", padding=1.0), "padding")
    err("err.conv2d_bad_data_format", lambda: C2(3, 4, 3, data_format="NCWH"), "format")
    err("err.conv2d_nhwc", lambda: C2(3, 4, 3, data_format="NHWC"), "NHWC")
    err("err.conv2d_stride0", lambda: C2(3, 4, 3, stride=0), "stride")
    err("err.conv2d_kernel0", lambda: C2(3, 4, 0), "kernel_size")
    err("err.conv2d_in_channels0", lambda: C2(0, 4, 3), "in_channels")
    err("err.conv2d_dilation0", lambda: C2(3, 4, 3, dilation=0), "dilation")
    err("err.conv2d_float16_input", lambda: C2(3, 4, 3)(T(rnd(504, *X2).astype(np.float16))), "type")
    err("err.conv1d_tuple_kernel", lambda: C1(3, 4, (3,)), "kernel_size")
    err("err.conv1d_4d_input", lambda: C1(3, 4, 3)(x4()), "4")
    err("err.conv1d_bad_pad_mode", lambda: C1(3, 4, 3, pad_mode="full"), "pad_mode")
    err("err.conv1d_negative_padding", lambda: C1(3, 4, 3, pad_mode="pad", padding=-2), "padding")
    err("err.conv1d_group", lambda: C1(3, 4, 3, group=2), "group")
    err("err.conv3d_4d_input", lambda: C3(3, 4, 3)(x4()), "5")
    err("err.conv3d_padding_4_tuple", lambda: C3(2, 4, 3, pad_mode="pad", padding=(1, 1, 1, 1)), "padding")
    err("err.conv3d_group", lambda: C3(2, 3, 3, group=2), "group")
    err("err.conv3d_same_with_padding", lambda: C3(2, 3, 3, padding=1), "pad")
    err("err.conv1dT_4d_input", lambda: CT1(3, 4, 3)(x4()), "3")
    err("err.conv2dT_3d_input", lambda: CT2(3, 4, 3)(x3()), "")
    err("err.conv2dT_output_padding_not_pad_mode", lambda: CT2(3, 4, 3, stride=2, output_padding=1)(x4()),
        "output_padding")
    err("err.conv2dT_output_padding_too_big", lambda: CT2(3, 4, 3, stride=2, pad_mode="pad",
                                                          output_padding=2)(x4()), "output_padding")
    err("err.conv2dT_group", lambda: CT2(3, 4, 3, group=2), "group")
    err("err.conv2dT_bad_pad_mode", lambda: CT2(3, 4, 3, pad_mode="full"), "pad_mode")
    err("err.ops.conv2d_padding_4_tuple", lambda: ops.conv2d(x4(), T(rnd(505, 4, 3, 3, 3)), pad_mode="pad",
                                                             padding=(1, 2, 0, 1)), "padding")
    err("err.ops.conv2d_wrong_channels", lambda: ops.conv2d(x4(), T(rnd(506, 4, 2, 3, 3))), "C_in")
    err("err.ops.conv2d_same_with_padding", lambda: ops.conv2d(x4(), T(rnd(507, 4, 3, 3, 3)), pad_mode="same",
                                                               padding=1), "pad")
    err("err.ops.conv1d_padding_2_tuple", lambda: ops.conv1d(T(rnd(508, *X1)), T(rnd(509, 4, 3, 3)),
                                                             pad_mode="pad", padding=(1, 2)), "padding")
    err("err.ops.conv3d_padding_6_tuple", lambda: ops.conv3d(T(rnd(510, *X3)), T(rnd(511, 3, 2, 3, 3, 3)),
                                                             pad_mode="pad", padding=(1, 0, 2, 1, 0, 1)), "padding")
    err("err.maxpool2d_same_with_padding", lambda: MP2(3, 2, pad_mode="same", padding=1), "pad_mode")
    err("err.maxpool2d_ceil_without_pad", lambda: MP2(3, 2, ceil_mode=True), "pad_mode")
    err("err.maxpool2d_indices_without_pad", lambda: MP2(3, 2, return_indices=True), "pad_mode")
    err("err.maxpool2d_dilation_without_pad", lambda: MP2(3, 2, dilation=2), "pad_mode")
    err("err.maxpool2d_bad_pad_mode", lambda: MP2(3, 2, pad_mode="full"), "pad_mode")
    err("err.maxpool2d_padding_over_half_kernel", lambda: MP2(3, 2, pad_mode="pad", padding=2)(x4()), "pad")
    err("err.maxpool2d_kernel_larger_than_input", lambda: MP2(8, 1)(x4()), "")
    err("err.maxpool2d_5d_input", lambda: MP2(3, 2)(T(rnd(512, 1, 2, 3, 7, 9))), "")
    err("err.maxpool2d_int32_input", lambda: MP2(2)(T(np.arange(36, dtype=np.int32).reshape(1, 1, 6, 6))), "")
    err("err.maxpool2d_kernel0", lambda: MP2(0), "kernel_size")
    err("err.maxpool2d_stride0", lambda: MP2(2, 0), "stride")
    err("err.maxpool1d_ceil_without_pad", lambda: MP1(3, 2, ceil_mode=True), "pad_mode")
    err("err.maxpool1d_4d_input", lambda: MP1(3, 2)(x4()), "")
    err("err.maxpool3d_indices_without_pad", lambda: MP3(3, 2, return_indices=True), "pad_mode")
    err("err.maxpool3d_3d_input", lambda: MP3(3, 2)(x3()), "")
    err("err.avgpool2d_divisor0", lambda: AP2(3, 2, pad_mode="pad", divisor_override=0), "divisor_override")
    err("err.avgpool2d_padding_without_pad", lambda: AP2(3, 2, padding=1), "pad")
    err("err.avgpool2d_valid_ceil_mode_call", lambda: AP2(2, 2, ceil_mode=True)(x4()), "")
    err("err.avgpool2d_bad_data_format", lambda: AP2(3, 2, data_format="NCWH"), "format")
    err("err.avgpool2d_kernel_larger_than_input", lambda: AP2(8, 1)(x4()), "")
    err("err.avgpool1d_padding_without_pad", lambda: AP1(3, 2, padding=1), "pad")
    err("err.avgpool1d_4d_input", lambda: AP1(3, 2)(x4()), "")
    err("err.avgpool3d_divisor_negative", lambda: AP3(3, 2, pad_mode="pad", divisor_override=-1),
        "divisor_override")
    err("err.avgpool3d_padding_without_pad", lambda: AP3(3, 2, padding=1), "pad")
    err("err.aavgpool1d_not_divisible", lambda: AAP1(4)(T(rnd(513, *X1))), "divisible")
    err("err.aavgpool1d_2d_input", lambda: AAP1(3)(T(rnd(514, 3, 9))), "3")
    err("err.amaxpool1d_not_divisible", lambda: AMP1(4)(T(rnd(515, *X1))), "divisible")
    err("err.ops.adaptive_avg_pool1d_not_divisible", lambda: ops.adaptive_avg_pool1d(T(rnd(516, *X1)), 4),
        "divisible")
    err("err.aavgpool2d_3_tuple", lambda: AAP2((1, 2, 3)), "output_size")
    err("err.aavgpool2d_5d_input", lambda: AAP2(3)(T(rnd(517, *X3))), "")
    err("err.amaxpool2d_3_tuple", lambda: AMP2((1, 2, 3))(T(rnd(520, *X2))), "output_size")
    err("err.bn2d_wrong_channels", lambda: BN2(4)(x4()), "")
    err("err.bn2d_3d_input", lambda: BN2(3)(x3()), "4")
    err("err.bn1d_4d_input", lambda: BN1(3)(x4()), "dims")
    err("err.bn3d_4d_input", lambda: BN3(3)(x4()), "")
    err("err.bn2d_momentum_over_1", lambda: BN2(3, momentum=1.5), "momentum")
    err("err.bn2d_float64_input", lambda: BN2(3)(T(rnd(518, *X2).astype(np.float64))), "")
    err("err.bn2d_num_features0", lambda: BN2(0), "num_features")
    err("err.gn_groups_not_dividing", lambda: GN(3, 4), "num_groups")
    err("err.gn_wrong_channels", lambda: GN(2, 6)(T(rnd(519, 2, 4, 7, 9))), "")
    err("err.in2d_3d_input", lambda: IN[2](3)(x3()), "")
    err("err.in2d_momentum_over_1", lambda: IN[2](3, momentum=1.5), "momentum")
    err("err.in2d_num_features0", lambda: IN[2](0), "num_features")
    err("err.in2d_eps_int", lambda: IN[2](3, eps=1), "eps")
    err("err.ln_wrong_shape", lambda: LN((3, 7, 8), 1, 1)(x4()), "shape")
    err("err.drop2d_p_negative", lambda: D2(-0.1), "p")
    err("err.drop2d_p_over_1", lambda: D2(1.5), "p")
    err("err.drop2d_train_3d_input", lambda: D2().set_train()(x3()), "")
    err("err.drop3d_train_4d_input", lambda: D3().set_train()(x4()), "")
    err("err.gelu_approximate_str", lambda: nn.GELU(approximate="tanh"), "approximate")
    err("err.gelu_int_input", lambda: nn.GELU()(T(np.array([1, 2], np.int32))), "")
    err("err.ops.gelu_bad_approximate", lambda: ops.gelu(x4(), approximate="x"), "approximate")
    err("err.silu_int_input", lambda: nn.SiLU()(T(np.array([1, 2], np.int32))), "")
    add("act.HSwish.int32_input", lambda: nn.HSwish()(T(np.array([-4, -1, 1, 2, 5], np.int32))))
    add("act.HSigmoid.int32_input", lambda: nn.HSigmoid()(T(np.array([-4, -1, 1, 2, 5], np.int32))))
    add("act.LeakyReLU.int32_input", lambda: nn.LeakyReLU()(T(np.array([-4, -1, 1, 2, 5], np.int32))))
    err("err.mish_int_input", lambda: nn.Mish()(T(np.array([1, 2], np.int32))), "")

    for name, thunk, jittable in out:
        if not jit or jittable:
            yield name, thunk


# ops.conv_transpose2d variants: (name, kwargs, x shape, weight shape (in, out/groups, kh, kw))
CONV_T2D_OPS = [
    ("s1", {}, (2, 3, 5, 6), (3, 4, 3, 3)),
    ("s2_p1_bias", {"stride": 2, "padding": 1, "bias": True}, (2, 3, 5, 6), (3, 4, 3, 3)),
    ("s2_p1_op1", {"stride": 2, "padding": 1, "output_padding": 1}, (2, 3, 5, 6), (3, 4, 3, 3)),
    ("s_2x3_k2x3_groups2", {"stride": (2, 3), "groups": 2, "bias": True}, (2, 4, 5, 6), (4, 3, 2, 3)),
    ("d2_p2", {"dilation": 2, "padding": 2}, (2, 3, 5, 6), (3, 4, 3, 3)),
]


def _pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def _conv_t2d_case(ms, fn_grad, variant, instead=False):
    """ops.conv_transpose2d on MindSpore (which raises on CPU), or -- instead=True -- the same transposed
    convolution computed with MindSpore as the vjp of ops.conv2d w.r.t. its input (plus the bias)."""
    ops = ms.ops
    T = ms.Tensor
    _, kw, xs, ws = next(c for c in CONV_T2D_OPS if c[0] == variant)
    kw = dict(kw)
    has_bias = kw.pop("bias", False)
    seed = 96

    def thunk():
        x = T(rnd(seed, *xs))
        w = T(rnd(seed + 1, *ws, scale=0.3))
        b = T(rnd(seed + 2, ws[1] * kw.get("groups", 1), scale=0.3)) if has_bias else None
        if not instead:
            def f(*a):
                return ops.conv_transpose2d(a[0], a[1], a[2] if has_bias else None, **kw)
        else:
            s, p, op, d = (_pair(kw.get(k, dv)) for k, dv in
                           (("stride", 1), ("padding", 0), ("output_padding", 0), ("dilation", 1)))
            g = kw.get("groups", 1)
            n, _, h, wd = xs
            kh, kwid = ws[2], ws[3]
            ho = (h - 1) * s[0] - 2 * p[0] + d[0] * (kh - 1) + op[0] + 1
            wo = (wd - 1) * s[1] - 2 * p[1] + d[1] * (kwid - 1) + op[1] + 1
            cout = ws[1] * g

            def f(*a):
                z = ops.zeros((n, cout, ho, wo), ms.float32)
                _, vjp = ms.vjp(lambda z_, w_: ops.conv2d(z_, w_, None, s, "pad", p, d, g), z, a[1])
                y = vjp(a[0])[0]
                if has_bias:
                    y = y + a[2].reshape(1, -1, 1, 1)
                return y
        return fn_grad(f, [x, w, b] if has_bias else [x, w], seed)
    return thunk


def instead_cases(ms):
    """name -> thunk computing, with MindSpore, what minispore should give for a DELIBERATE case."""
    nn = ms.nn
    T = ms.Tensor
    res = {}

    def fn_grad(f, args, seed):
        y = f(*args)
        ct = T(rnd(seed + 1000, *tuple(y.shape)))

        def loss(*a):
            return (f(*a) * ct).sum()
        g = ms.grad(loss, tuple(range(len(args))) if len(args) > 1 else 0)(*args)
        return {"out": S(y), "grads": S(g)}

    for v, *_ in CONV_T2D_OPS:
        res["ops.conv_transpose2d." + v] = _conv_t2d_case(ms, fn_grad, v, instead=True)

    def net_grad(net, x, seed):
        y = net(x)
        ct = T(rnd(seed + 1000, *tuple(y.shape)))

        def loss(x):
            return (net(x) * ct).sum()
        params = net.trainable_params()
        r = {"out": S(y)}
        if params:
            gx, gw = ms.grad(loss, 0, params)(x)
            r["gx"] = S(gx)
            r["gw"] = [(p.name, S(g)) for p, g in zip(params, gw)]
        else:
            r["gx"] = S(ms.grad(loss, 0)(x))
        return r

    IN_X = {1: (2, 3, 9), 2: (2, 3, 7, 9), 3: (2, 3, 3, 5, 6)}
    for d in (1, 2, 3):
        for v, kw, train in [("eval", {}, False), ("train", {}, True), ("eps1e-3", {"eps": 1e-3}, False),
                             ("affine_false", {"affine": False}, False)]:
            def th(d=d, kw=kw, train=train):
                seed = 340 + d
                net = nn.GroupNorm(3, 3, **kw)
                if "affine" not in kw:
                    set_params(net, ms, seed, 0.3)
                net.set_train(train)
                return net_grad(net, T(rnd(seed, *IN_X[d])), seed)
            res["in%dd.%s" % (d, v)] = th

    def ln_th(shape, wb):
        def th():
            x = T(rnd(357, 2, 3, 7, 9))
            net = nn.LayerNorm(shape, begin_norm_axis=4 - len(shape), begin_params_axis=4 - len(shape),
                               epsilon=1e-5)
            if wb:
                net.gamma.set_data(T(1.0 + rnd(357 + 3, *shape, scale=0.2)))
                net.beta.set_data(T(rnd(357 + 4, *shape, scale=0.2)))
            y = net(x)
            ct = T(rnd(357 + 1000, *tuple(y.shape)))
            if wb:
                gx, (gg, gb) = ms.grad(lambda x: (net(x) * ct).sum(), 0, net.trainable_params())(x)
                return {"out": S(y), "grads": (S(gx), S(gg), S(gb))}
            return {"out": S(y), "grads": S(ms.grad(lambda x: (net(x) * ct).sum(), 0)(x))}
        return th
    res["ops.layer_norm.chw"] = ln_th((3, 7, 9), True)
    res["ops.layer_norm.hw_no_weight"] = ln_th((7, 9), False)
    return res


def _bn_steps(ms, mk, xs, seed, wrap):
    """Three training steps on different batches (forward only), the moving statistics after each, then an eval
    forward with the accumulated statistics."""
    T = ms.Tensor

    def thunk():
        net = set_params(mk(), ms, seed)
        net.set_train(True)

        def step(x):
            return net(x)
        step = wrap(step)
        hist = []
        for i in range(3):
            y = step(T(rnd(seed + 10 * i, *xs) * (1.0 + i) + i))
            hist.append([S(y)] + [(p.name, S(p)) for p in net.untrainable_params()])
        net.set_train(False)

        def ev(x):
            return net(x)
        return {"steps": hist, "eval": S(wrap(ev)(T(rnd(seed + 99, *xs))))}
    return thunk


def tolerance(name):
    """(rtol, atol).  MindSpore's CPU float32 kernels (convolutions via oneDNN, tanh/exp-based activations) sum in
    other orders than NumPy and are only accurate to a few ulps x the number of terms; gradients of weights sum over
    batch and space.  float16 cases get 2e-3."""
    if name.endswith(".float16") or "float16" in name:
        return 2e-3, 2e-3
    if "Mish" in name or "mish" in name:
        # MindSpore's CPU Mish gradient is off by up to 1.9e-4 relative: at x = 4.2344 (act.Mish.image, gx sample
        # 12) it gives 1.4191921 where the float64 value of ct * mish'(x) is 1.4194566; at x = 6.0 -0.58557 for
        # -0.5856485 (act.Mish.special)
        return 1e-3, 2e-5
    return 1e-4, 2e-5


def check_init(expected, actual):
    """init.* cases: class / shape / dtype / n / bound exactly as recorded; the statistics against U(-b, b)."""
    def d(x):
        return {k if not isinstance(k, dict) else next(iter(k.values())): v for k, v in x["dict"]}
    if not (isinstance(actual, dict) and "dict" in actual):
        return ["expected a stats dict, got %r" % (str(actual)[:300],)]
    e, a = d(expected), d(actual)
    probs = []
    for k in ("class", "shape", "dtype", "n"):
        if e.get(k) != a.get(k):
            probs.append("%s: %r != %r" % (k, e.get(k), a.get(k)))
    if not isinstance(a.get("bound"), dict) or abs(a["bound"]["float"] - e["bound"]["float"]) > 1e-6 * e["bound"][
            "float"]:
        probs.append("bound: %r != %r" % (e.get("bound"), a.get("bound")))
    if probs:
        return probs
    b = e["bound"]["float"]
    n = e["n"]["int"]
    std = b / np.sqrt(3.0)
    am, astd, amin, amax = (a[k]["float"] for k in ("mean", "std", "min", "max"))
    if abs(am) > 5 * std / np.sqrt(n):
        probs.append("mean %g too far from 0 (uniform bound %g, n %d)" % (am, b, n))
    if abs(astd - std) > 5 * 0.9 * std / np.sqrt(n) + 1e-3 * std:
        probs.append("std %g, expected %g" % (astd, std))
    if amax > b * (1 + 1e-6) or amin < -b * (1 + 1e-6):
        probs.append("range [%g, %g] exceeds the bound %g" % (amin, amax, b))
    if amax < b * (1 - 20.0 / n) or amin > -b * (1 - 20.0 / n):
        probs.append("range [%g, %g] too narrow for the bound %g" % (amin, amax, b))
    return probs
