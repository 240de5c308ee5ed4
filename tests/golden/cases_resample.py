"""Reference ("golden") cases for the resampling and padding family of MindSpore 2.10: ``ops.interpolate``/
``ops.upsample`` in every mode, ``ops.pad``'s modes, pixel (un)shuffle, channel shuffle, ``ops.unfold``/``ops.fold``
and the layers (``nn.Upsample``, ``nn.PixelShuffle``/``PixelUnshuffle``, ``nn.ChannelShuffle``, ``nn.Unfold``,
``nn.Pad``, ``nn.ZeroPad2d``, ``nn.ConstantPad*d``, ``nn.ReflectionPad*d``, ``nn.ReplicationPad*d``): forward values
on odd sizes (both ``align_corners`` settings where a mode takes it), gradients with respect to the input, reprs,
and the error class of bad input.

Laid out as tests/golden/cases_engine.py: ``cases(ms)`` builds ``(name, thunk)`` pairs on the framework module
``ms`` (inputs are literals or ``np.random.default_rng(seed)``), ``gen_resample.py`` records them with MindSpore
into ``resample.json``, ``tests/test_golden_resample.py`` checks minispore against the recording. ``thunk.keywords``
are words that must appear in the error message; ``DELIBERATE`` lists where minispore differs on purpose (with
``INSTEAD``: what it gives, computed here with NumPy); ``NOTES`` are observations.
"""
import numpy as np

from cases_engine import _signature


def _t(dtype, shape, value):
    return {"tensor": dtype, "shape": list(shape), "value": value}


def _err(cls, *keywords):
    return {"error": cls, "keywords": list(keywords)}


def f32(seed, shape, np_dtype=np.float32):
    return np.random.default_rng(seed).standard_normal(shape).astype(np_dtype)


def _described(arr, dtype="Float32"):
    arr = np.asarray(arr, np.float64)
    return _t(dtype, arr.shape, arr.tolist())


# ---------------------------------------------------------------------------------------------------------------
# NumPy references for the cases where MindSpore 2.10 cannot give the answer
# ---------------------------------------------------------------------------------------------------------------
def _weights(seed, shape):
    return f32(seed, shape).astype(np.float64)


def _channel_shuffle_grad(shape, groups, seed):
    """d/dx sum(channel_shuffle(x) * w) = w with the shuffle undone."""
    w = _weights(seed, shape)
    n, c = shape[:2]
    undone = w.reshape((n, c // groups, groups) + shape[2:]).swapaxes(1, 2).reshape(shape)
    return undone


def _patch_positions(shape, k, s, r, padding):
    """TensorFlow's ExtractImagePatches on NCHW, depth ordered (kernel row, kernel column, channel): for each
    output (depth, row, col), the padded input position (channel, row, col) it reads, and the padding."""
    n, c, h, w = shape
    eff = [(k[i] - 1) * r[i] + 1 for i in range(2)]
    if padding == "SAME":
        outs = [-(-d // s[i]) for i, d in enumerate((h, w))]
        tot = [max((outs[i] - 1) * s[i] + eff[i] - d, 0) for i, d in enumerate((h, w))]
    else:
        outs = [-(-(d - eff[i] + 1) // s[i]) for i, d in enumerate((h, w))]
        tot = [0, 0]
    pads = ((0, 0), (0, 0), (tot[0] // 2, tot[0] - tot[0] // 2), (tot[1] // 2, tot[1] - tot[1] // 2))
    positions = [((a * k[1] + b) * c + ch, i, j, ch, i * s[0] + a * r[0], j * s[1] + b * r[1])
                 for i in range(outs[0]) for j in range(outs[1])
                 for a in range(k[0]) for b in range(k[1]) for ch in range(c)]
    return (n, k[0] * k[1] * c, outs[0], outs[1]), pads, positions


def _extract_patches(x, k, s, r, padding):
    x = np.asarray(x, np.float64)
    out_shape, pads, positions = _patch_positions(x.shape, k, s, r, padding)
    xp = np.pad(x, pads)
    out = np.zeros(out_shape)
    for d, i, j, ch, row, col in positions:
        out[:, d, i, j] = xp[:, ch, row, col]
    return out


def _extract_patches_adjoint(w, shape, k, s, r, padding):
    """The gradient of sum(w * patches(x)) with respect to x."""
    _, pads, positions = _patch_positions(shape, k, s, r, padding)
    gp = np.zeros(tuple(n + lo + hi for n, (lo, hi) in zip(shape, pads)))
    for d, i, j, ch, row, col in positions:
        gp[:, ch, row, col] += w[:, d, i, j]
    return gp[:, :, pads[2][0]:pads[2][0] + shape[2], pads[3][0]:pads[3][0] + shape[3]]


def _adjoint(f, in_shape, v):
    """The transpose of the linear map ``f`` applied to ``v``: sum_i <v, f(e_i)> e_i."""
    size = int(np.prod(in_shape))
    return np.array([np.sum(v * f(np.eye(size)[i].reshape(in_shape))) for i in range(size)]).reshape(in_shape)


def _second_order(f, shape, seed):
    """What ``grad2_of`` computes, for a linear ``f``: d/dx <grad(sum(f(x) ** 3)), w> = 6 f^T(f(x) * f(w))."""
    x, w = _weights(seed, shape), _weights(seed + 1, shape)
    return _described(6 * _adjoint(f, shape, f(x) * f(w)))


def _np_pixel_shuffle(x, r):
    n, c, h, w = x.shape
    return x.reshape(n, c // (r * r), r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c // (r * r), h * r, w * r)


def _np_pixel_unshuffle(x, r):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // r, r, w // r, r).transpose(0, 1, 3, 5, 2, 4).reshape(n, c * r * r, h // r, w // r)


def _np_bilinear(x, out_h, out_w):
    """Half-pixel bilinear resize of the last two axes, one output element at a time."""
    h, w = x.shape[-2:]
    out = np.zeros(x.shape[:-2] + (out_h, out_w))

    def taps(j, n_in, n_out):
        src = max((j + 0.5) * n_in / n_out - 0.5, 0.0)
        i0 = min(int(np.floor(src)), n_in - 1)
        return i0, min(i0 + 1, n_in - 1), src - i0
    for i in range(out_h):
        a0, a1, fa = taps(i, h, out_h)
        for j in range(out_w):
            b0, b1, fb = taps(j, w, out_w)
            out[..., i, j] = ((1 - fa) * ((1 - fb) * x[..., a0, b0] + fb * x[..., a0, b1])
                              + fa * ((1 - fb) * x[..., a1, b0] + fb * x[..., a1, b1]))
    return out


def _np_unfold(x, k, d, p, s):
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    oh = (h + 2 * p[0] - d[0] * (k[0] - 1) - 1) // s[0] + 1
    ow = (w + 2 * p[1] - d[1] * (k[1] - 1) - 1) // s[1] + 1
    out = np.zeros((n, c, k[0], k[1], oh, ow))
    for a in range(k[0]):
        for b in range(k[1]):
            out[:, :, a, b] = xp[:, :, a * d[0]:a * d[0] + s[0] * (oh - 1) + 1:s[0],
                                 b * d[1]:b * d[1] + s[1] * (ow - 1) + 1:s[1]]
    return out.reshape(n, c * k[0] * k[1], oh * ow)


_UNFOLD_CASES = {   # name: (input shape, ksizes, strides, rates, padding)
    "valid": ((2, 3, 5, 7), (2, 3), (1, 2), (1, 1), "valid"),
    "valid_rates": ((1, 2, 7, 6), (3, 2), (2, 3), (2, 1), "valid"),
    "same": ((1, 2, 5, 5), (2, 2), (2, 2), (1, 1), "same"),
    "same_rates": ((2, 1, 6, 7), (3, 2), (2, 3), (1, 2), "SAME"),
}

# ---------------------------------------------------------------------------------------------------------------
# where minispore should not copy MindSpore 2.10
# ---------------------------------------------------------------------------------------------------------------
DELIBERATE = {
    "interp/empty_spatial_bilinear": "an input with an empty spatial dimension returns values read from memory it "
                                     "does not own; minispore raises ValueError",
    "interp/empty_spatial_nearest": "same uninitialised output for mode 'nearest'",
    "interp/empty_spatial_linear": "same uninitialised output for mode 'linear'",
    "pad/circular_wider_than_input": "circular padding wider than the dimension reads neighbouring rows (garbage "
                                     "values); minispore raises ValueError (PyTorch: 'wrapping around more than once')",
    "pad/circular_crop_then_wider": "after cropping, the circular padding is wider than what is left: garbage",
    "pad/replicate_empty_dim": "replicating an empty dimension returns uninitialised memory; minispore raises",
    "cs/ops_grad": "ops.channel_shuffle has no bprop in MindSpore 2.10 (RuntimeError); the gradient of a "
                   "permutation is the inverse permutation",
    "cs/nn_not_divisible": "nn.ChannelShuffle(4) on 6 channels reshapes (1, 4, 1, 3) and returns a scrambled tensor; "
                           "minispore raises ValueError",
    "grad2/bilinear": "ResizeBilinearGrad has no bprop (RuntimeError); minispore differentiates it again (linear)",
    "grad2/channel_shuffle": "no bprop for ChannelShuffle (RuntimeError)",
    "unfold/len1_grad": "unfold with 1-element tuples works forwards, but its gradient fails (Col2Im wants 2 "
                        "kernel sizes): ValueError",
}
for _k in ("pad_reflect", "pad_replicate", "pad_circular", "pixel_shuffle", "pixel_unshuffle", "nearest_3d", "fold"):
    DELIBERATE[f"grad2/{_k}"] = ("MindSpore 2.10 returns zeros for this second derivative (silently wrong: the map is "
                                 "linear, so the derivative of its gradient is 6 A^T (Ax * Aw), not 0)")
for _k in _UNFOLD_CASES:
    DELIBERATE[f"nn_unfold/{_k}"] = ("MindSpore 2.10's CPU build has no ExtractImagePatches kernel (RuntimeError); "
                                     "minispore computes the documented patches")
    DELIBERATE[f"nn_unfold/{_k}_grad"] = "the same missing kernel"

INSTEAD = {
    "interp/empty_spatial_bilinear": _err("ValueError", "interpolate", "empty"),
    "interp/empty_spatial_nearest": _err("ValueError", "interpolate", "empty"),
    "interp/empty_spatial_linear": _err("ValueError", "interpolate", "empty"),
    "pad/circular_wider_than_input": _err("ValueError", "pad", "circular"),
    "pad/circular_crop_then_wider": _err("ValueError", "pad", "circular"),
    "pad/replicate_empty_dim": _err("ValueError", "pad", "empty"),
    "cs/ops_grad": _described(_channel_shuffle_grad((2, 6, 2, 3), 3, 31)),
    "cs/nn_not_divisible": _err("ValueError", "ChannelShuffle", "divisible"),
    "unfold/len1_grad": _described(_adjoint(lambda t: _np_unfold(t, (2, 2), (1, 1), (1, 1), (2, 2)), (1, 2, 4, 5),
                                            _weights(92, (1, 8, 9)))),
    "grad2/pad_reflect": _second_order(lambda t: np.pad(t, ((0, 0), (2, 1), (1, 2)), mode="reflect"), (1, 3, 4), 34),
    "grad2/pad_replicate": _second_order(lambda t: np.pad(t, ((0, 0), (2, 1), (1, 2)), mode="edge"), (1, 3, 4), 34),
    "grad2/pad_circular": _second_order(lambda t: np.pad(t, ((0, 0), (2, 1), (1, 2)), mode="wrap"), (1, 3, 4), 34),
    "grad2/pixel_shuffle": _second_order(lambda t: _np_pixel_shuffle(t, 2), (1, 8, 2, 3), 72),
    "grad2/pixel_unshuffle": _second_order(lambda t: _np_pixel_unshuffle(t, 2), (1, 2, 4, 2), 72),
    "grad2/nearest_3d": _second_order(lambda t: t[..., [0, 0, 0, 1, 1, 2, 2]], (1, 2, 3), 72),
    "grad2/fold": _second_order(lambda t: _adjoint(lambda u: _np_unfold(u, (2, 2), (1, 1), (0, 0), (1, 1)),
                                                   (1, 2, 3, 4), t), (1, 8, 6), 96),
    "grad2/bilinear": _second_order(lambda t: _np_bilinear(t, 5, 7), (1, 2, 3, 4), 72),
    "grad2/channel_shuffle": _second_order(
        lambda t: t.reshape(1, 2, 2, 2, 3).swapaxes(1, 2).reshape(1, 4, 2, 3), (1, 4, 2, 3), 72),
}
for _k, (_shape, _ks, _st, _ra, _pad) in _UNFOLD_CASES.items():
    _x = f32(40, _shape)
    INSTEAD[f"nn_unfold/{_k}"] = _described(_extract_patches(_x, _ks, _st, _ra, _pad.upper()))
    _w = _weights(41, _extract_patches(_x, _ks, _st, _ra, _pad.upper()).shape)
    INSTEAD[f"nn_unfold/{_k}_grad"] = _described(_extract_patches_adjoint(_w, _shape, _ks, _st, _ra, _pad.upper()))

UNSTABLE = {}

NOTES = {
    "interp/sf_bilinear": "bilinear, bicubic and linear take no scale_factor unless recompute_scale_factor=True",
    "interp/linear_out1": "ResizeLinear1D samples element 0 for a single output (not the centre, as bilinear does)",
    "interp/nearest_sf_5d": "5-D nearest with a scale factor uses 1/scale_factor in float32 (the last index of "
                            "11 * 1.7 is 9, not 10), j // 2 for a doubled size and a copy for an equal one",
    "pad/reflect_neg": "negative reflect/replicate paddings crop the padded result; circular crops first",
    "pad/edge_mode": "mode 'edge' is accepted (it is what 'replicate' becomes)",
    "cs/ops_3d": "ops.channel_shuffle needs more than 3 dimensions and says so with a TypeError",
    "nn_pad/reflection1d_4tuple_2x3": "ReflectionPad1d takes a 4-tuple and reflects two dimensions (no length check)",
    "fold/tuple_size": "output_size must be a Tensor, not a tuple",
    "interp/area_3d_not_divisible": "3-D 'area' is adaptive_avg_pool1d, which needs the length divisible by the size",
}

# tolerances (rtol, atol) by case-name prefix; the default is describe.compare's 1e-5 / 1e-6
_TOLERANCE = {"interp/f16": (1e-3, 1e-3), "pad/f16": (1e-3, 1e-3)}


def tolerance(name):
    for prefix, tol in _TOLERANCE.items():
        if name.startswith(prefix):
            return tol
    return 1e-5, 1e-6


def cases(ms):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``."""
    ops = ms.ops
    nn = ms.nn
    Tensor = ms.Tensor
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        elif name in DELIBERATE:
            thunk.note = DELIBERATE[name]
        out.append((name, thunk))

    def T(a, np_dtype=np.float32):
        return Tensor(np.asarray(a, dtype=np_dtype))

    def X(seed, shape, np_dtype=np.float32):
        return Tensor(f32(seed, shape, np_dtype))

    def grad_of(f, seed, shape, wseed=None):
        """d/dx sum(f(x) * w) at a random x, w fixed."""
        def thunk():
            x = X(seed, shape)
            w = X(seed + 1 if wseed is None else wseed, f(x).shape)
            return ms.grad(lambda t: ops.sum(f(t) * w))(x)
        return thunk

    def grad2_of(f, seed, shape):
        """The second derivative of sum(f(x) ** 3) contracted with w (MindSpore supports it for a few ops)."""
        def thunk():
            x = X(seed, shape)
            w = X(seed + 1, shape)
            g = ms.grad(lambda t: ops.sum(f(t) * f(t) * f(t)))
            return ms.grad(lambda t: ops.sum(g(t) * w))(x)
        return thunk

    I = ops.interpolate

    # ==========================================================================================================
    # 1. interpolate: values and gradients, odd sizes, both align_corners settings
    # ==========================================================================================================
    forward = [  # name, input shape, keyword arguments
        ("nearest_3d", (2, 3, 5), dict(size=(8,), mode="nearest")),
        ("nearest_3d_down", (1, 2, 7), dict(size=(3,), mode="nearest")),
        ("nearest_3d_int", (1, 2, 7), dict(size=9, mode="nearest")),
        ("nearest_4d", (2, 3, 5, 7), dict(size=(9, 4), mode="nearest")),
        ("nearest_4d_same_h", (1, 2, 5, 7), dict(size=(5, 11), mode="nearest")),
        ("nearest_5d", (1, 2, 3, 5, 4), dict(size=(5, 3, 7), mode="nearest")),
        ("nearest_sf_5d", (1, 1, 2, 11, 5), dict(scale_factor=(2.0, 1.7, 0.6), mode="nearest")),
        ("nearest_sf_5d_scalar", (1, 2, 3, 2, 5), dict(scale_factor=1.5, mode="nearest")),
        ("nearest_sf_5d_equal", (1, 1, 2, 3, 5), dict(scale_factor=(1.3, 1.0, 2.1), mode="nearest")),
        ("nearest_rsf_4d", (1, 2, 5, 3), dict(scale_factor=(1.7, 2.5), mode="nearest", recompute_scale_factor=True)),
        ("nearest_exact_3d", (1, 2, 5), dict(size=(7,), mode="nearest-exact")),
        ("nearest_exact_4d", (2, 1, 5, 7), dict(size=(3, 11), mode="nearest-exact")),
        ("area_3d", (1, 2, 9), dict(size=(3,), mode="area")),
        ("area_3d_not_divisible", (1, 2, 7), dict(size=(3,), mode="area")),
        ("area_4d", (2, 3, 7, 5), dict(size=(3, 8), mode="area")),
        ("area_5d", (1, 2, 5, 3, 4), dict(size=(2, 5, 3), mode="area")),
        ("area_sf", (1, 2, 5, 7), dict(scale_factor=(1.5, 0.6), mode="area")),
        ("linear_out1", (1, 2, 5), dict(size=(1,), mode="linear")),
        ("bilinear_out1", (1, 2, 5, 4), dict(size=(1, 1), mode="bilinear")),
    ]
    for ac_name, ac in (("", None), ("_ac0", False), ("_ac1", True)):
        forward += [
            (f"linear{ac_name}", (2, 3, 5), dict(size=(8,), mode="linear", align_corners=ac)),
            (f"linear_down{ac_name}", (1, 2, 9), dict(size=(4,), mode="linear", align_corners=ac)),
            (f"bilinear{ac_name}", (2, 3, 5, 7), dict(size=(9, 4), mode="bilinear", align_corners=ac)),
            (f"bilinear_odd{ac_name}", (1, 2, 3, 5), dict(size=(7, 3), mode="bilinear", align_corners=ac)),
            (f"bicubic{ac_name}", (2, 2, 5, 7), dict(size=(9, 4), mode="bicubic", align_corners=ac)),
            (f"bicubic_up{ac_name}", (1, 1, 3, 4), dict(size=(7, 11), mode="bicubic", align_corners=ac)),
            (f"trilinear{ac_name}", (1, 2, 3, 5, 4), dict(size=(5, 3, 7), mode="trilinear", align_corners=ac)),
            (f"trilinear_sf{ac_name}", (1, 1, 2, 5, 3),
             dict(scale_factor=(1.5, 1.7, 2.3), mode="trilinear", align_corners=ac)),
            (f"trilinear_sf_equal{ac_name}", (1, 1, 2, 3, 5),
             dict(scale_factor=(1.3, 1.0, 0.7), mode="trilinear", align_corners=ac)),
            (f"bilinear_rsf{ac_name}", (1, 2, 5, 3),
             dict(scale_factor=(1.5, 2.7), mode="bilinear", align_corners=ac, recompute_scale_factor=True)),
            (f"bicubic_rsf{ac_name}", (1, 1, 5, 4),
             dict(scale_factor=0.7, mode="bicubic", align_corners=ac, recompute_scale_factor=True)),
        ]
    for k, (name, shape, kw) in enumerate(forward):
        add(f"interp/{name}", lambda shape=shape, kw=kw, k=k: I(X(100 + k, shape), **kw))
        add(f"interp/{name}_grad", grad_of(lambda t, kw=kw: I(t, **kw), 300 + 2 * k, shape))

    add("interp/upsample", lambda: ops.upsample(X(1, (1, 2, 5, 3)), size=(4, 7), mode="bilinear",
                                                align_corners=True))
    add("interp/upsample_grad", grad_of(lambda t: ops.upsample(t, size=(4, 7), mode="bicubic"), 2, (1, 2, 5, 3)))
    for dt, np_dt in (("f16", np.float16), ("f64", np.float64)):
        for mode, shape, kw in (("nearest", (1, 2, 3, 5), dict(size=(5, 4))), ("bilinear", (1, 2, 3, 5),
                                                                              dict(size=(5, 4))),
                                ("bicubic", (1, 1, 3, 5), dict(size=(4, 7))), ("linear", (1, 2, 5), dict(size=(3,))),
                                ("trilinear", (1, 1, 2, 3, 5), dict(size=(3, 2, 4))),
                                ("area", (1, 2, 5, 3), dict(size=(2, 4)))):
            add(f"interp/{dt}_{mode}", lambda shape=shape, np_dt=np_dt, mode=mode, kw=kw:
                I(X(5, shape, np_dt), mode=mode, **kw))
    add("interp/uint8_nearest", lambda: I(T(np.arange(15).reshape(1, 1, 3, 5), np.uint8), size=(5, 4)))
    add("interp/uint8_nearest_exact", lambda: I(T(np.arange(15).reshape(1, 1, 3, 5), np.uint8), size=(4, 7),
                                                mode="nearest-exact"))
    add("interp/empty_batch", lambda: I(X(6, (0, 2, 3, 5)), size=(4, 4), mode="bilinear"))
    add("interp/sf_tiny_5d", lambda: I(X(6, (1, 1, 2, 3, 4)), scale_factor=0.1, mode="nearest"))

    # ---- errors ----------------------------------------------------------------------------------------------
    x4 = lambda: X(7, (1, 2, 3, 4))  # noqa: E731
    add("interp/both", lambda: I(x4(), size=(2, 2), scale_factor=2.0), ["interpolate", "size", "scale_factor"])
    add("interp/neither", lambda: I(x4()), ["interpolate", "size", "scale_factor"])
    add("interp/bad_mode", lambda: I(x4(), size=(2, 2), mode="cubic"), ["interpolate", "mode", "cubic"])
    add("interp/mode_upper", lambda: I(x4(), size=(2, 2), mode="BILINEAR"), ["interpolate", "BILINEAR"])
    add("interp/mode_list", lambda: I(x4(), size=(2, 2), mode=["bilinear"]), ["interpolate", "mode"])
    add("interp/bilinear_3d", lambda: I(X(7, (1, 3, 4)), size=(2,), mode="bilinear"), ["interpolate", "bilinear", "3"])
    add("interp/bilinear_5d", lambda: I(X(7, (1, 1, 2, 3, 4)), size=(2, 2, 2), mode="bilinear"),
        ["interpolate", "bilinear", "5"])
    add("interp/linear_4d", lambda: I(x4(), size=(2, 2), mode="linear"), ["interpolate", "linear", "4"])
    add("interp/bicubic_5d", lambda: I(X(7, (1, 1, 2, 3, 4)), size=(2, 2, 2), mode="bicubic"),
        ["interpolate", "bicubic", "5"])
    add("interp/trilinear_4d", lambda: I(x4(), size=(2, 2), mode="trilinear"), ["interpolate", "trilinear", "4"])
    add("interp/nearest_6d", lambda: I(X(7, (1, 1, 1, 2, 3, 4)), size=(2, 2, 2, 2)), ["interpolate", "6"])
    add("interp/nearest_exact_5d", lambda: I(X(7, (1, 1, 2, 3, 4)), size=(2, 2, 2), mode="nearest-exact"),
        ["interpolate", "5"])
    add("interp/size_len", lambda: I(x4(), size=(2, 2, 2), mode="bilinear"), ["interpolate", "size"])
    add("interp/size_zero", lambda: I(x4(), size=(0, 2), mode="bilinear"), ["interpolate", "size", "0"])
    add("interp/size_neg_int", lambda: I(x4(), size=-3, mode="bilinear"), ["interpolate", "size", "-3"])
    add("interp/size_float", lambda: I(x4(), size=(2.0, 2), mode="bilinear"), ["interpolate", "size", "float"])
    add("interp/size_str", lambda: I(x4(), size="3", mode="bilinear"), ["interpolate", "size", "str"])
    add("interp/size_bool", lambda: I(X(7, (1, 1, 3)), size=True, mode="linear"), ["interpolate", "size"])
    add("interp/sf_int", lambda: I(X(7, (1, 1, 2, 3, 4)), scale_factor=2, mode="nearest"),
        ["interpolate", "scale_factor", "int"])
    add("interp/sf_neg", lambda: I(X(7, (1, 1, 2, 3, 4)), scale_factor=-2.0, mode="nearest"),
        ["interpolate", "scale_factor", "-2.0"])
    add("interp/sf_inf", lambda: I(X(7, (1, 1, 2, 3, 4)), scale_factor=float("inf"), mode="trilinear"),
        ["interpolate", "scale_factor", "inf"])
    add("interp/sf_len", lambda: I(X(7, (1, 1, 2, 3, 4)), scale_factor=(2.0, 2.0), mode="nearest"),
        ["interpolate", "scale_factor"])
    add("interp/sf_bilinear", lambda: I(x4(), scale_factor=2.0, mode="bilinear"),
        ["interpolate", "scale_factor", "bilinear"])
    add("interp/sf_nearest_4d", lambda: I(x4(), scale_factor=2.0, mode="nearest"),
        ["interpolate", "scale_factor", "nearest"])
    add("interp/sf_rsf_false", lambda: I(x4(), scale_factor=2.0, mode="bicubic", recompute_scale_factor=False),
        ["interpolate", "scale_factor"])
    add("interp/rsf_with_size", lambda: I(x4(), size=(2, 2), mode="bilinear", recompute_scale_factor=True),
        ["interpolate", "recompute_scale_factor", "size"])
    add("interp/rsf_int", lambda: I(x4(), scale_factor=2.0, mode="bilinear", recompute_scale_factor=1),
        ["interpolate", "recompute_scale_factor", "int"])
    add("interp/rsf_to_zero", lambda: I(x4(), scale_factor=0.1, mode="bilinear", recompute_scale_factor=True),
        ["0"])
    add("interp/ac_nearest", lambda: I(x4(), size=(2, 2), mode="nearest", align_corners=False),
        ["interpolate", "align_corners", "nearest"])
    add("interp/ac_area", lambda: I(x4(), size=(2, 2), mode="area", align_corners=True),
        ["interpolate", "align_corners", "area"])
    add("interp/ac_int", lambda: I(x4(), size=(2, 2), mode="bilinear", align_corners=1),
        ["interpolate", "align_corners", "int"])
    add("interp/int32_bilinear", lambda: I(T(np.ones((1, 1, 2, 3)), np.int32), size=(3, 3), mode="bilinear"),
        ["Int32"])
    add("interp/int64_nearest", lambda: I(T(np.ones((1, 1, 2, 3)), np.int64), size=(3, 3)), ["Int64"])
    add("interp/uint8_bicubic", lambda: I(T(np.ones((1, 1, 2, 3)), np.uint8), size=(3, 3), mode="bicubic"),
        ["UInt8"])
    add("interp/bool_nearest", lambda: I(T(np.ones((1, 1, 2, 3)), np.bool_), size=(3, 3)), ["Bool"])
    add("interp/list_input", lambda: I([[[1.0, 2.0]]], size=(3,), mode="linear"), ["interpolate"])
    add("interp/empty_spatial_bilinear", lambda: I(X(8, (1, 1, 0, 3)), size=(2, 2), mode="bilinear"))
    add("interp/empty_spatial_nearest", lambda: I(X(8, (1, 1, 0, 3)), size=(2, 2), mode="nearest"))
    add("interp/empty_spatial_linear", lambda: I(X(8, (1, 1, 0)), size=(2,), mode="linear"))
    add("interp/empty_spatial_trilinear", lambda: I(X(8, (1, 1, 0, 1, 1)), size=(2, 1, 1), mode="trilinear"))
    add("interp/empty_spatial_area", lambda: I(X(8, (1, 1, 0, 3)), size=(2, 2), mode="area"))
    add("interp/signature", lambda: _signature(ops.interpolate))
    add("interp/upsample_signature", lambda: _signature(ops.upsample))

    # ---- nn.Upsample -----------------------------------------------------------------------------------------
    add("upsample/repr", lambda: repr(nn.Upsample(size=(2, 3))))
    add("upsample/attrs", lambda: (lambda c: (c.size, c.scale_factor, c.mode, c.align_corners,
                                              c.recompute_scale_factor))(
        nn.Upsample(scale_factor=2.0, mode="trilinear", align_corners=True)))
    add("upsample/bilinear_ac", lambda: nn.Upsample(size=(7, 4), mode="bilinear", align_corners=True)(
        X(9, (1, 2, 3, 5))))
    add("upsample/default_nearest", lambda: nn.Upsample(size=(5, 7))(X(9, (1, 2, 3, 5))))
    add("upsample/trilinear_sf", lambda: nn.Upsample(scale_factor=1.5, mode="trilinear")(X(9, (1, 1, 2, 3, 5))))
    add("upsample/grad", grad_of(lambda t: nn.Upsample(size=(5, 2), mode="bicubic")(t), 10, (1, 2, 3, 5)))
    add("upsample/bad_mode_construct", lambda: (nn.Upsample(mode="foo"), "constructed")[1])
    add("upsample/bad_mode_call", lambda: nn.Upsample(size=(2, 2), mode="foo")(x4()), ["interpolate", "foo"])
    add("upsample/nothing_call", lambda: nn.Upsample()(x4()), ["interpolate"])
    add("upsample/no_resize_bilinear", lambda: hasattr(nn, "ResizeBilinear"))

    # ==========================================================================================================
    # 2. ops.pad modes
    # ==========================================================================================================
    pads = [  # name, input shape, padding
        ("2d_last", (2, 5), (2, 3)),
        ("3d_last", (2, 3, 5), (1, 2)),
        ("3d_two", (2, 3, 5), (2, 1, 1, 2)),
        ("4d_two", (1, 2, 3, 5), (1, 3, 2, 1)),
        ("neg", (1, 3, 5), (-1, 2)),
        ("neg_both", (1, 4, 5), (2, -3, -1, 1)),
        ("zero", (1, 3, 5), (0, 0)),
    ]
    for mode in ("reflect", "replicate", "circular"):
        for k, (name, shape, padding) in enumerate(pads):
            add(f"pad/{mode}_{name}", lambda shape=shape, padding=padding, mode=mode, k=k:
                ops.pad(X(20 + k, shape), padding, mode=mode))
            add(f"pad/{mode}_{name}_grad", grad_of(lambda t, padding=padding, mode=mode: ops.pad(t, padding, mode=mode),
                                                   40 + 2 * k, shape))
    for mode in ("replicate", "circular"):
        add(f"pad/{mode}_4d_three", lambda mode=mode: ops.pad(X(27, (1, 3, 2, 4)), (1, 2, 2, 1, 1, 2), mode=mode))
        add(f"pad/{mode}_5d_three", lambda mode=mode: ops.pad(X(28, (1, 1, 3, 2, 4)), (1, 2, 2, 1, 1, 2), mode=mode))
        add(f"pad/{mode}_5d_three_grad", grad_of(lambda t, mode=mode: ops.pad(t, (1, 2, 2, 1, 1, 2), mode=mode),
                                                 29, (1, 1, 3, 2, 4)))
    add("pad/replicate_wide", lambda: ops.pad(X(30, (1, 2, 3)), (7, 0, 0, 5), mode="replicate"))
    add("pad/circular_full", lambda: ops.pad(X(30, (1, 2, 3)), (3, 3, 2, 2), mode="circular"))
    add("pad/edge_mode", lambda: ops.pad(X(30, (1, 2, 3)), (1, 2), mode="edge"))
    add("pad/reflect_crop_past_pad", lambda: ops.pad(X(30, (1, 2, 3)), (-3, 1), mode="reflect"))
    add("pad/f16_reflect", lambda: ops.pad(X(31, (1, 2, 5), np.float16), (2, 1), mode="reflect"))
    add("pad/f64_circular", lambda: ops.pad(X(31, (1, 2, 5), np.float64), (2, 1), mode="circular"))
    add("pad/int32_replicate", lambda: ops.pad(T(np.arange(10).reshape(1, 2, 5), np.int32), (2, 1), mode="replicate"))
    add("pad/int64_reflect", lambda: ops.pad(T(np.arange(10).reshape(1, 2, 5), np.int64), (1, 3), mode="reflect"))
    add("pad/tensor_padding", lambda: ops.pad(X(32, (1, 2, 5)), T([1, 2], np.int64), mode="reflect"))
    add("pad/list_padding", lambda: ops.pad(X(32, (1, 2, 5)), [2, 1], mode="circular"))
    add("pad/empty_padding", lambda: ops.pad(X(32, (4,)), (), mode="reflect"))
    add("pad/constant_value", lambda: ops.pad(X(33, (2, 3, 5)), (1, 2, -1, 1), value=1.5))
    add("pad/constant_tensor_value", lambda: ops.pad(X(33, (2, 3)), (1, 1), value=T(2.0)))
    for mode in ("reflect", "replicate", "circular"):
        add(f"grad2/pad_{mode}", grad2_of(lambda t, mode=mode: ops.pad(t, (1, 2, 2, 1), mode=mode), 34, (1, 3, 4)))
    # ---- errors ----------------------------------------------------------------------------------------------
    add("pad/reflect_1d", lambda: ops.pad(X(35, (4,)), (1, 2), mode="reflect"), ["pad"])
    add("pad/reflect_2d_two", lambda: ops.pad(X(35, (2, 4)), (1, 2, 2, 1), mode="reflect"), ["pad"])
    add("pad/reflect_4d_one", lambda: ops.pad(X(35, (1, 2, 3, 4)), (1, 2), mode="reflect"), ["pad"])
    add("pad/reflect_three", lambda: ops.pad(X(35, (1, 1, 2, 3, 4)), (1, 1, 1, 1, 1, 1), mode="reflect"), ["pad"])
    add("pad/replicate_5d_one", lambda: ops.pad(X(35, (1, 1, 2, 3, 4)), (1, 2), mode="replicate"), ["pad"])
    add("pad/replicate_6d", lambda: ops.pad(X(35, (1, 1, 1, 2, 3, 4)), (1, 1, 1, 1, 1, 1), mode="replicate"),
        ["pad"])
    add("pad/circular_3d_three", lambda: ops.pad(X(35, (2, 3, 4)), (1, 1, 1, 1, 1, 1), mode="circular"), ["pad"])
    add("pad/eight", lambda: ops.pad(X(35, (1, 1, 1, 2, 3, 4)), (1,) * 8, mode="replicate"), ["pad", "8"])
    add("pad/reflect_too_wide", lambda: ops.pad(X(35, (1, 2, 3)), (3, 0), mode="reflect"), ["pad", "3"])
    add("pad/reflect_too_wide_h", lambda: ops.pad(X(35, (1, 3, 3)), (1, 1, 3, 0), mode="reflect"), ["pad", "3"])
    add("pad/value_with_reflect", lambda: ops.pad(X(35, (1, 2, 3)), (1, 1), mode="reflect", value=1.0),
        ["pad", "value"])
    add("pad/value_zero_with_circular", lambda: ops.pad(X(35, (1, 2, 3)), (1, 1), mode="circular", value=0),
        ["pad", "value"])
    add("pad/bad_mode", lambda: ops.pad(X(35, (1, 2, 3)), (1, 1), mode="symmetric"), ["symmetric"])
    add("pad/odd", lambda: ops.pad(X(35, (1, 2, 3)), (1, 1, 1), mode="reflect"), ["pad", "3"])
    add("pad/float_padding", lambda: ops.pad(X(35, (1, 2, 3)), (1.0, 1), mode="reflect"), ["pad"])
    add("pad/bool_replicate", lambda: ops.pad(T(np.ones((1, 2, 3)), np.bool_), (1, 1), mode="replicate"), ["Bool"])
    add("pad/reflect_empty_dim", lambda: ops.pad(X(35, (1, 0, 3)), (1, 1, 1, 1), mode="reflect"))
    add("pad/circular_wider_than_input", lambda: ops.pad(X(36, (1, 2, 3)), (4, 0), mode="circular"))
    add("pad/circular_crop_then_wider", lambda: ops.pad(X(36, (1, 2, 3)), (2, -3), mode="circular"))
    add("pad/replicate_empty_dim", lambda: ops.pad(X(36, (1, 2, 0)), (1, 1), mode="replicate"))

    # ==========================================================================================================
    # 3. padding layers
    # ==========================================================================================================
    layers = [  # name, constructor, input shapes
        ("zero2d_int", lambda: nn.ZeroPad2d(1), [(2, 3), (1, 2, 3), (1, 1, 2, 3), (1, 1, 1, 2, 3)]),
        ("zero2d_tuple", lambda: nn.ZeroPad2d((1, 2, 0, 3)), [(2, 3), (1, 2, 5)]),
        ("zero2d_two", lambda: nn.ZeroPad2d((1, 2)), [(3,), (2, 3)]),
        ("zero2d_neg", lambda: nn.ZeroPad2d((-1, 2, 0, -1)), [(2, 3)]),
        ("const1d", lambda: nn.ConstantPad1d(2, 0.5), [(3,), (2, 3), (1, 1, 1, 2, 3)]),
        ("const1d_tuple", lambda: nn.ConstantPad1d((3, 1), -1), [(2, 5)]),
        ("const2d", lambda: nn.ConstantPad2d((1, 2, 3, 0), 1), [(2, 3), (1, 2, 3)]),
        ("const3d", lambda: nn.ConstantPad3d(1, 2.5), [(1, 2, 3), (1, 1, 2, 3)]),
        ("const3d_tuple", lambda: nn.ConstantPad3d((1, 0, 0, 2, 1, 1), 0.0), [(2, 2, 3)]),
        ("reflection1d", lambda: nn.ReflectionPad1d(2), [(3,), (2, 3), (1, 2, 5), (1, 1, 2, 3)]),
        ("reflection1d_tuple", lambda: nn.ReflectionPad1d((2, 1)), [(1, 2, 5)]),
        ("reflection1d_4tuple", lambda: nn.ReflectionPad1d((1, 0, 1, 0)), [(2, 3)]),
        ("reflection2d", lambda: nn.ReflectionPad2d(1), [(2, 3), (1, 2, 3), (1, 1, 2, 3), (1, 1, 1, 2, 3)]),
        ("reflection2d_tuple", lambda: nn.ReflectionPad2d((1, 2, 2, 0)), [(1, 3, 5)]),
        ("reflection2d_two", lambda: nn.ReflectionPad2d((1, 2)), [(2, 3)]),
        ("reflection3d", lambda: nn.ReflectionPad3d(1), [(2, 2, 3), (1, 1, 2, 2, 3)]),
        ("reflection3d_tuple", lambda: nn.ReflectionPad3d((1, 2, 0, 1, 1, 0)), [(1, 2, 2, 4)]),
        ("replication1d", lambda: nn.ReplicationPad1d(2), [(2, 3), (1, 2, 3)]),
        ("replication1d_neg", lambda: nn.ReplicationPad1d((-1, 2)), [(1, 2, 3)]),
        ("replication2d", lambda: nn.ReplicationPad2d(1), [(1, 2, 3), (1, 1, 2, 3)]),
        ("replication2d_tuple", lambda: nn.ReplicationPad2d((1, 3, 2, 0)), [(2, 2, 3)]),
        ("replication3d", lambda: nn.ReplicationPad3d(1), [(1, 2, 2, 3), (1, 1, 2, 2, 3)]),
        ("replication3d_tuple", lambda: nn.ReplicationPad3d((2, 0, 1, 1, 0, 2)), [(1, 1, 2, 2, 3)]),
        ("pad_constant", lambda: nn.Pad(((1, 1), (2, 0))), [(2, 3)]),
        ("pad_constant_3d", lambda: nn.Pad(((0, 1), (1, 1), (2, 3))), [(1, 2, 3)]),
        ("pad_reflect", lambda: nn.Pad(((1, 1), (2, 2)), mode="REFLECT"), [(2, 3), (3, 5)]),
        ("pad_symmetric", lambda: nn.Pad(((1, 1), (2, 2)), mode="SYMMETRIC"), [(2, 3), (2, 2), (1, 2)]),
        ("pad_symmetric_4d", lambda: nn.Pad(((0, 0), (1, 0), (0, 2), (3, 1)), mode="SYMMETRIC"), [(1, 2, 2, 3)]),
    ]
    for k, (name, make, shapes) in enumerate(layers):
        add(f"nn_pad/{name}_repr", lambda make=make: repr(make()))
        for shape in shapes:
            tag = "x".join(map(str, shape))
            add(f"nn_pad/{name}_{tag}", lambda make=make, shape=shape, k=k: make()(X(50 + k, shape)))
        add(f"nn_pad/{name}_grad", grad_of(lambda t, make=make: make()(t), 80 + 2 * k, shapes[-1]))
    add("nn_pad/attrs_const", lambda: (lambda c: (c.padding, c.value))(nn.ConstantPad3d(2, 0.5)))
    add("nn_pad/attrs_zero", lambda: (lambda c: (c.padding, c.value))(nn.ZeroPad2d((1, 2, 3, 4))))
    add("nn_pad/attrs_reflection", lambda: nn.ReflectionPad2d((1, 2, 3, 4)).padding)
    add("nn_pad/attrs_replication", lambda: nn.ReplicationPad3d(2).padding)
    add("nn_pad/attrs_pad", lambda: (lambda c: (c.mode, c.paddings))(nn.Pad(((1, 1), (2, 2)))))
    add("nn_pad/attrs_pad_mirror", lambda: (lambda c: (c.mode, c.paddings))(nn.Pad(((1, 1), (2, 2)), "REFLECT")))
    add("nn_pad/int32_reflection", lambda: nn.ReflectionPad1d(1)(T(np.arange(4).reshape(2, 2), np.int64)))
    add("nn_pad/bool_reflection", lambda: nn.ReflectionPad1d(1)(T([[True, False], [False, False]], np.bool_)))
    add("nn_pad/int_replication", lambda: nn.ReplicationPad1d(1)(T(np.arange(4).reshape(2, 2), np.int64)))
    add("nn_pad/int_constant", lambda: nn.ConstantPad1d(1, 0.5)(T(np.arange(4).reshape(2, 2), np.int64)))
    add("nn_pad/empty_reflection", lambda: nn.ReflectionPad1d(())(X(60, (2, 2))))
    # ---- errors ----------------------------------------------------------------------------------------------
    for name, ctor, kw in [
        ("reflection_neg", "nn.ReflectionPad1d(-1)", ["ReflectionPad1d", "-1"]),
        ("reflection_float", "nn.ReflectionPad1d(1.0)", ["ReflectionPad1d", "float"]),
        ("reflection_list", "nn.ReflectionPad1d([1, 1])", ["ReflectionPad1d", "list"]),
        ("reflection_odd", "nn.ReflectionPad2d((1, 1, 1))", ["ReflectionPad2d", "3"]),
        ("reflection_float_elem", "nn.ReflectionPad1d((1.0, 1))", ["ReflectionPad1d"]),
        ("replication_list", "nn.ReplicationPad1d([1, 1])", ["ReplicationPad1d", "list"]),
        ("replication_odd", "nn.ReplicationPad1d((1, 1, 1))", ["ReplicationPad1d", "3"]),
        ("zero_odd", "nn.ZeroPad2d((1, 1, 1))", ["ZeroPad2d", "3"]),
        ("zero_six", "nn.ZeroPad2d((1, 1, 1, 1, 1, 1))", ["ZeroPad2d", "6"]),
        ("zero_list", "nn.ZeroPad2d([1, 1])", ["ZeroPad2d", "list"]),
        ("zero_float", "nn.ZeroPad2d(1.0)", ["ZeroPad2d", "float"]),
        ("const1d_four", "nn.ConstantPad1d((1, 1, 1, 1), 0)", ["ConstantPad1d", "4"]),
        ("const1d_value_str", "nn.ConstantPad1d(1, '0')", ["ConstantPad1d", "value"]),
        ("const1d_value_none", "nn.ConstantPad1d(1, None)", ["ConstantPad1d", "value"]),
        ("const3d_eight", "nn.ConstantPad3d((1,) * 8, 0)", ["ConstantPad3d", "8"]),
        ("pad_mode_lower", "nn.Pad(((1, 1), (2, 2)), mode='constant')", ["Pad", "constant"]),
        ("pad_list", "nn.Pad([[1, 1]])", ["Pad", "list"]),
        ("pad_triple", "nn.Pad(((1, 1, 1),))", ["Pad"]),
        ("pad_five", "nn.Pad(((1, 1),) * 5)", ["Pad", "5"]),
    ]:
        add(f"nn_pad/err_{name}", lambda ctor=ctor: eval(ctor, {"nn": nn}), kw)
    for name, make, shape, kw in [
        ("reflection_too_wide", lambda: nn.ReflectionPad1d(2), (1, 2, 2), ["2"]),
        ("reflection_too_small_rank", lambda: nn.ReflectionPad2d(1), (3,), ["2"]),
        ("reflection3d_6d", lambda: nn.ReflectionPad3d(1), (1, 1, 1, 2, 2, 3), ["5"]),
        ("reflection3d_width1", lambda: nn.ReflectionPad3d(1), (1, 2, 3), ["1"]),
        ("replication1d_1d", lambda: nn.ReplicationPad1d(2), (3,), []),
        ("replication1d_4d", lambda: nn.ReplicationPad1d(2), (1, 1, 2, 3), []),
        ("replication2d_2d", lambda: nn.ReplicationPad2d(1), (2, 3), []),
        ("replication2d_5d", lambda: nn.ReplicationPad2d(1), (1, 1, 1, 2, 3), []),
        ("replication3d_3d", lambda: nn.ReplicationPad3d(1), (1, 2, 3), []),
        ("replication2d_two_paddings", lambda: nn.ReplicationPad2d((1, 2)), (1, 2, 3), []),
        ("zero2d_1d", lambda: nn.ZeroPad2d(1), (3,), []),
        ("const3d_2d", lambda: nn.ConstantPad3d(1, 0.5), (2, 3), []),
        ("const2d_float_padding", lambda: nn.ConstantPad2d((1.5, 1), 0), (2, 2), ["pad"]),
        ("pad_rank", lambda: nn.Pad(((1, 1), (2, 2))), (3,), ["Pad"]),
        ("pad_negative", lambda: nn.Pad(((-1, 1), (2, 2))), (2, 3), ["Pad"]),
        ("pad_reflect_rank", lambda: nn.Pad(((1, 1), (2, 2)), mode="REFLECT"), (1, 2, 3), []),
        ("pad_reflect_wide", lambda: nn.Pad(((1, 1), (2, 2)), mode="REFLECT"), (2, 2), ["2"]),
        ("pad_symmetric_wide", lambda: nn.Pad(((0, 0), (3, 0)), mode="SYMMETRIC"), (2, 2), ["3"]),
        ("pad_reflect_negative", lambda: nn.Pad(((-1, 1), (2, 2)), mode="REFLECT"), (2, 3), []),
    ]:
        add(f"nn_pad/err_{name}", lambda make=make, shape=shape: make()(X(61, shape)), kw)

    # ==========================================================================================================
    # 4. pixel shuffle, channel shuffle
    # ==========================================================================================================
    for name, f, shape in [
        ("ps_4d", lambda t: ops.pixel_shuffle(t, 2), (2, 8, 3, 5)),
        ("ps_3d", lambda t: ops.pixel_shuffle(t, 3), (9, 2, 3)),
        ("ps_5d", lambda t: ops.pixel_shuffle(t, 2), (2, 1, 4, 3, 1)),
        ("ps_r1", lambda t: ops.pixel_shuffle(t, 1), (1, 3, 2, 3)),
        ("pu_4d", lambda t: ops.pixel_unshuffle(t, 2), (2, 3, 4, 6)),
        ("pu_3d", lambda t: ops.pixel_unshuffle(t, 3), (1, 3, 6)),
        ("pu_5d", lambda t: ops.pixel_unshuffle(t, 2), (1, 2, 1, 2, 4)),
        ("nn_ps", lambda t: nn.PixelShuffle(3)(t), (1, 18, 2, 3)),
        ("nn_pu", lambda t: nn.PixelUnshuffle(2)(t), (2, 1, 6, 2)),
        ("cs_4d", lambda t: ops.channel_shuffle(t, 3), (2, 6, 2, 3)),
        ("cs_5d", lambda t: ops.channel_shuffle(t, 2), (1, 4, 1, 2, 3)),
        ("cs_groups1", lambda t: ops.channel_shuffle(t, 1), (1, 4, 1, 2)),
        ("nn_cs", lambda t: nn.ChannelShuffle(3)(t), (2, 6, 2, 3)),
        ("nn_cs_3d", lambda t: nn.ChannelShuffle(2)(t), (1, 6, 5)),
        ("nn_cs_2d", lambda t: nn.ChannelShuffle(3)(t), (2, 6)),
    ]:
        add(f"shuffle/{name}", lambda f=f, shape=shape: f(X(70, shape)))
        if not name.startswith("cs_"):
            add(f"shuffle/{name}_grad", grad_of(f, 71, shape))
    add("cs/ops_grad", grad_of(lambda t: ops.channel_shuffle(t, 3), 30, (2, 6, 2, 3)))
    add("cs/nn_grad", grad_of(lambda t: nn.ChannelShuffle(3)(t), 30, (2, 6, 2, 3)))
    add("grad2/pixel_shuffle", grad2_of(lambda t: ops.pixel_shuffle(t, 2), 72, (1, 8, 2, 3)))
    add("grad2/pixel_unshuffle", grad2_of(lambda t: ops.pixel_unshuffle(t, 2), 72, (1, 2, 4, 2)))
    add("grad2/bilinear", grad2_of(lambda t: ops.interpolate(t, size=(5, 7), mode="bilinear"), 72, (1, 2, 3, 4)))
    add("grad2/nearest_3d", grad2_of(lambda t: ops.interpolate(t, size=(7,), mode="nearest"), 72, (1, 2, 3)))
    add("grad2/channel_shuffle", grad2_of(lambda t: ops.channel_shuffle(t, 2), 72, (1, 4, 2, 3)))
    add("shuffle/ps_int", lambda: ops.pixel_shuffle(T(np.arange(16).reshape(1, 4, 2, 2), np.int32), 2))
    add("shuffle/ps_bool", lambda: ops.pixel_shuffle(T(np.arange(4).reshape(1, 4, 1, 1) % 2, np.bool_), 2))
    add("shuffle/cs_int", lambda: ops.channel_shuffle(T(np.arange(12).reshape(1, 6, 1, 2), np.int32), 3))
    add("shuffle/reprs", lambda: (repr(nn.PixelShuffle(2)), repr(nn.PixelUnshuffle(3)), repr(nn.ChannelShuffle(2))))
    add("shuffle/attrs", lambda: (nn.PixelShuffle(2).upscale_factor, nn.PixelUnshuffle(3).downscale_factor,
                                  nn.ChannelShuffle(2).groups))
    # ---- errors ----------------------------------------------------------------------------------------------
    add("ps/err_2d", lambda: ops.pixel_shuffle(X(73, (4, 2)), 2), ["pixel_shuffle", "2"])
    add("ps/err_not_divisible", lambda: ops.pixel_shuffle(X(73, (1, 6, 2, 3)), 2), ["pixel_shuffle"])
    add("ps/err_zero", lambda: ops.pixel_shuffle(X(73, (1, 4, 2, 3)), 0), ["upscale_factor", "0"])
    add("ps/err_float", lambda: ops.pixel_shuffle(X(73, (1, 4, 2, 3)), 2.0), ["upscale_factor", "float"])
    add("ps/err_bool", lambda: ops.pixel_shuffle(X(73, (1, 4, 2, 3)), True), ["upscale_factor"])
    add("ps/err_list", lambda: ops.pixel_shuffle([1.0, 2.0], 2), ["pixel_shuffle"])
    add("ps/nn_zero_construct", lambda: (nn.PixelShuffle(0), "constructed")[1])
    add("ps/nn_zero_call", lambda: nn.PixelShuffle(0)(X(73, (1, 4, 2, 3))), ["upscale_factor", "0"])
    add("pu/err_not_divisible", lambda: ops.pixel_unshuffle(X(73, (1, 2, 3, 6)), 2), ["pixel_unshuffle"])
    add("pu/err_2d", lambda: ops.pixel_unshuffle(X(73, (4, 2)), 2), ["pixel_unshuffle"])
    add("pu/err_zero", lambda: ops.pixel_unshuffle(X(73, (1, 2, 4, 6)), 0), ["downscale_factor", "0"])
    add("cs/ops_3d", lambda: ops.channel_shuffle(X(74, (1, 6, 2)), 3), ["3"])
    add("cs/ops_not_divisible", lambda: ops.channel_shuffle(X(74, (1, 6, 1, 2)), 4), ["divisible"])
    add("cs/ops_zero", lambda: ops.channel_shuffle(X(74, (1, 6, 1, 2)), 0), ["0"])
    add("cs/ops_negative", lambda: ops.channel_shuffle(X(74, (1, 6, 1, 2)), -2), ["-2"])
    add("cs/ops_float", lambda: ops.channel_shuffle(X(74, (1, 6, 1, 2)), 2.0), ["group"])
    add("cs/ops_bool_input", lambda: ops.channel_shuffle(T(np.ones((1, 6, 1, 2)), np.bool_), 2), ["Bool"])
    add("cs/nn_zero", lambda: nn.ChannelShuffle(0), ["ChannelShuffle", "0"])
    add("cs/nn_float", lambda: nn.ChannelShuffle(2.0), ["ChannelShuffle", "float"])
    add("cs/nn_not_divisible", lambda: nn.ChannelShuffle(4)(X(74, (1, 6, 2))))

    # ==========================================================================================================
    # 5. unfold, fold, nn.Unfold
    # ==========================================================================================================
    geometries = [  # name, input shape, kernel_size, dilation, padding, stride
        ("k2", (1, 2, 3, 4), 2, 1, 0, 1),
        ("odd", (2, 3, 5, 7), (2, 3), (1, 2), (1, 0), (2, 1)),
        ("pad_stride", (1, 2, 5, 5), 3, 1, 1, 2),
        ("dilated", (1, 1, 7, 6), (3, 2), 2, (2, 1), (1, 3)),
        ("len1", (1, 2, 4, 5), (2,), (1,), (1,), (2,)),
        ("big_pad", (1, 1, 3, 4), 2, 1, 3, 1),
    ]
    for name, shape, k, d, p, s in geometries:
        add(f"unfold/{name}", lambda shape=shape, k=k, d=d, p=p, s=s: ops.unfold(X(90, shape), k, d, p, s))
        add(f"unfold/{name}_grad", grad_of(lambda t, k=k, d=d, p=p, s=s: ops.unfold(t, k, d, p, s), 91, shape))
        if name != "len1":
            def cols(shape=shape, k=k, d=d, p=p, s=s):
                return ops.unfold(X(92, shape), k, d, p, s)

            def fold(c, shape=shape, k=k, d=d, p=p, s=s):
                return ops.fold(c, T(shape[2:], np.int32), k, d, p, s)
            add(f"fold/{name}", lambda cols=cols, fold=fold: fold(cols()))
            add(f"fold/{name}_grad", lambda cols=cols, fold=fold: (lambda c: grad_of(fold, 93, c.shape)())(cols()))
    add("fold/int64_size", lambda: ops.fold(ops.unfold(X(94, (1, 2, 3, 4)), 2), T([3, 4], np.int64), 2))
    add("fold/f64", lambda: ops.fold(ops.unfold(X(94, (1, 2, 3, 4), np.float64), 2), T([3, 4], np.int32), 2))
    add("unfold/int32", lambda: ops.unfold(T(np.arange(24).reshape(1, 2, 3, 4), np.int32), 2))
    add("unfold/f16", lambda: ops.unfold(X(95, (1, 2, 3, 4), np.float16), 2, padding=1))
    add("grad2/unfold", grad2_of(lambda t: ops.unfold(t, 2, padding=1, stride=2), 96, (1, 2, 3, 4)))
    add("grad2/fold", grad2_of(lambda t: ops.fold(t, T([3, 4], np.int32), 2), 96, (1, 8, 6)))
    # ---- errors ----------------------------------------------------------------------------------------------
    x = lambda: X(97, (1, 2, 3, 4))  # noqa: E731
    add("unfold/err_3d", lambda: ops.unfold(X(97, (2, 5, 7)), 2), ["4"])
    add("unfold/err_5d", lambda: ops.unfold(X(97, (1, 2, 2, 5, 7)), 2), ["4"])
    add("unfold/err_k0", lambda: ops.unfold(x(), 0), ["unfold", "kernel_size", "0"])
    add("unfold/err_k3", lambda: ops.unfold(x(), (1, 2, 3)), ["unfold", "kernel_size"])
    add("unfold/err_kfloat", lambda: ops.unfold(x(), 2.0), ["unfold", "kernel_size", "float"])
    add("unfold/err_kelem_float", lambda: ops.unfold(x(), (2.0, 2)), ["unfold", "kernel_size", "float"])
    add("unfold/err_pad_neg", lambda: ops.unfold(x(), 2, padding=-1), ["unfold", "padding", "-1"])
    add("unfold/err_pad4", lambda: ops.unfold(x(), 2, padding=(1, 1, 1, 1)), ["unfold", "padding"])
    add("unfold/err_dil0", lambda: ops.unfold(x(), 2, dilation=0), ["unfold", "dilation", "0"])
    add("unfold/err_stride0", lambda: ops.unfold(x(), 2, stride=0), ["unfold", "stride", "0"])
    add("unfold/err_too_big", lambda: ops.unfold(x(), 5), ["5"])
    add("unfold/err_too_big4", lambda: ops.unfold(x(), 4), ["4"])
    add("unfold/err_bool", lambda: ops.unfold(T(np.ones((1, 2, 3, 4)), np.bool_), 2), ["Bool"])
    c = lambda: ops.unfold(X(98, (1, 2, 3, 4)), 2)  # noqa: E731
    add("fold/tuple_size", lambda: ops.fold(c(), (3, 4), 2), ["output_size"])
    add("fold/list_size", lambda: ops.fold(c(), [3, 4], 2), ["output_size"])
    add("fold/float_size", lambda: ops.fold(c(), T([3.0, 4.0]), 2), ["output_size"])
    add("fold/size_2d", lambda: ops.fold(c(), T([[3, 4]], np.int32), 2), ["output_size"])
    add("fold/size_three", lambda: ops.fold(c(), T([3, 4, 1], np.int32), 2), ["output_size", "3"])
    add("fold/bad_blocks", lambda: ops.fold(c(), T([4, 4], np.int32), 2), ["6", "9"])
    add("fold/size_zero", lambda: ops.fold(c(), T([0, 4], np.int32), 2))
    add("fold/bad_channels", lambda: ops.fold(X(98, (1, 7, 6)), T([3, 4], np.int32), 2))
    add("fold/int_input", lambda: ops.fold(T(np.ones((1, 8, 6)), np.int32), T([3, 4], np.int32), 2))
    add("fold/err_k0", lambda: ops.fold(c(), T([3, 4], np.int32), 0), ["fold", "kernel_size", "0"])
    add("fold/err_kfloat", lambda: ops.fold(c(), T([3, 4], np.int32), 2.0), ["fold", "kernel_size", "float"])
    add("fold/err_k3", lambda: ops.fold(c(), T([3, 4], np.int32), [2, 2, 2]), ["fold", "kernel_size"])
    add("fold/err_pad_neg", lambda: ops.fold(c(), T([3, 4], np.int32), 2, padding=-1), ["fold", "padding", "-1"])

    for name, (shape, ks, st, ra, pad) in _UNFOLD_CASES.items():
        def make(ks=ks, st=st, ra=ra, pad=pad):
            return nn.Unfold([1, *ks, 1], [1, *st, 1], [1, *ra, 1], padding=pad)
        add(f"nn_unfold/{name}", lambda make=make, shape=shape: make()(X(40, shape)))
        add(f"nn_unfold/{name}_grad", grad_of(lambda t, make=make: make()(t), 40, shape, wseed=41))
    add("nn_unfold/repr", lambda: repr(nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1])))
    add("nn_unfold/3d", lambda: nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1])(X(99, (2, 3, 3))), ["4"])
    add("nn_unfold/too_big", lambda: nn.Unfold([1, 4, 4, 1], [1, 1, 1, 1], [1, 1, 1, 1])(X(99, (1, 1, 3, 3))))
    for name, args, kw in [
        ("bad_ksizes", ([2, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), ["Unfold", "ksizes"]),
        ("bad_ksizes_len", ([1, 2, 2], [1, 1, 1, 1], [1, 1, 1, 1]), ["Unfold", "ksizes"]),
        ("bad_ksizes_zero", ([1, 0, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), ["Unfold", "ksize_row"]),
        ("bad_ksizes_float", ([1, 2.0, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), ["Unfold", "ksize_row"]),
        ("ksizes_int", (2, [1, 1, 1, 1], [1, 1, 1, 1]), ["Unfold", "ksizes"]),
        ("bad_strides", ([1, 2, 2, 1], [1, 0, 1, 1], [1, 1, 1, 1]), ["Unfold", "stride_row"]),
        ("bad_rates", ([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 3, 2]), ["Unfold", "rates"]),
    ]:
        add(f"nn_unfold/err_{name}", lambda args=args: nn.Unfold(*args), kw)
    add("nn_unfold/err_padding_int", lambda: nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], padding=1),
        ["padding"])
    add("nn_unfold/err_padding_value", lambda: nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], padding="full")(
        X(99, (1, 1, 3, 3))), [])
    add("nn_unfold/tuple_args", lambda: (nn.Unfold((1, 2, 2, 1), (1, 1, 1, 1), (1, 1, 1, 1)), "constructed")[1])
    return out

