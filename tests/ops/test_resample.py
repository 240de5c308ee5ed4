"""ops.interpolate/upsample, the modes of ops.pad, pixel (un)shuffle, channel_shuffle, unfold and fold: forward values
against NumPy (tests/ops/resample_reference.py) over sweeps of odd sizes, derivatives to second order against central
differences, jit == eager, dtypes, and the errors of bad input (MindSpore 2.10's values and error classes are
checked in tests/test_golden_resample.py)."""
import itertools

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, ops
from util import check_grads

import resample_reference as ref

rng = np.random.default_rng(20261207)


def _x(*shape, dtype=np.float64):
    return rng.uniform(-1, 1, shape).astype(dtype)


SIZES = [(a, b) for a in (1, 2, 3, 5, 7) for b in (1, 2, 4, 5, 9)]


# ----------------------------------------------------------------------------- interpolate: forward values
@pytest.mark.parametrize("n_in,n_out", SIZES)
@pytest.mark.parametrize("align", [False, True])
def test_linear_modes_match_the_coordinate_rule(n_in, n_out, align):
    x1, x2, x3 = _x(2, 3, n_in), _x(2, 1, n_in, 3), _x(1, 2, 2, 3, n_in)
    lin = ref.linear_matrix(n_in, n_out, align, 0.0 if n_out == 1 and not align else None)
    np.testing.assert_allclose(ops.interpolate(Tensor(x1), size=(n_out,), mode="linear",
                                               align_corners=align).asnumpy(), ref.apply(x1, [lin]), atol=1e-12)
    got = ops.interpolate(Tensor(x2), size=(n_out, 4), mode="bilinear", align_corners=align).asnumpy()
    expected = ref.apply(x2, [ref.linear_matrix(n_in, n_out, align), ref.linear_matrix(3, 4, align)])
    np.testing.assert_allclose(got, expected, atol=1e-12)
    got = ops.interpolate(Tensor(x3), size=(3, 2, n_out), mode="trilinear", align_corners=align).asnumpy()
    expected = ref.apply(x3, [ref.linear_matrix(2, 3, align), ref.linear_matrix(3, 2, align),
                              ref.linear_matrix(n_in, n_out, align)])
    np.testing.assert_allclose(got, expected, atol=1e-12)


@pytest.mark.parametrize("n_in,n_out", SIZES)
@pytest.mark.parametrize("align", [False, True])
def test_bicubic_matches_tensorflows_cubic_convolution(n_in, n_out, align):
    x = _x(2, 2, n_in, 3)
    got = ops.interpolate(Tensor(x), size=(n_out, 5), mode="bicubic", align_corners=align).asnumpy()
    expected = ref.apply(x, [ref.cubic_matrix(n_in, n_out, align), ref.cubic_matrix(3, 5, align)])
    np.testing.assert_allclose(got, expected, atol=1e-12)


@pytest.mark.parametrize("n_in,n_out", SIZES)
def test_nearest_area_and_nearest_exact(n_in, n_out):
    x = _x(1, 2, n_in, 4)
    for mode, rows, cols in (("nearest", ref.nearest_matrix(n_in, n_out), ref.nearest_matrix(4, 3)),
                             ("nearest-exact", ref.nearest_exact_matrix(n_in, n_out), ref.nearest_exact_matrix(4, 3)),
                             ("area", ref.area_matrix(n_in, n_out), ref.area_matrix(4, 3))):
        got = ops.interpolate(Tensor(x), size=(n_out, 3), mode=mode).asnumpy()
        np.testing.assert_allclose(got, ref.apply(x, [rows, cols]), atol=1e-12, err_msg=mode)
    x3 = _x(2, 3, n_in)
    np.testing.assert_array_equal(ops.interpolate(Tensor(x3), size=n_out).asnumpy(),
                                  ref.apply(x3, [ref.nearest_matrix(n_in, n_out)]))


@pytest.mark.parametrize("scale", [0.4, 0.7, 1.0, 1.3, 1.7, 2.0, 2.5])
def test_scale_factor_paths_use_one_over_the_factor(scale):
    x = _x(1, 2, 3, 11, 2)
    outs = [int(np.floor(n * s)) for n, s in zip((3, 11, 2), (1.5, scale, 2.0))]
    got = ops.interpolate(Tensor(x), scale_factor=(1.5, scale, 2.0), mode="nearest").asnumpy()
    mats = [ref.nearest_matrix(n, o, s) for n, o, s in zip((3, 11, 2), outs, (1.5, scale, 2.0))]
    np.testing.assert_array_equal(got, ref.apply(x, mats))
    for align in (False, True):
        got = ops.interpolate(Tensor(x), scale_factor=(1.5, scale, 2.0), mode="trilinear",
                              align_corners=align).asnumpy()
        mats = [np.eye(n) if n == o else ref.linear_matrix(n, o, align, 1 / s)
                for n, o, s in zip((3, 11, 2), outs, (1.5, scale, 2.0))]
        np.testing.assert_allclose(got, ref.apply(x, mats), atol=1e-12)


def test_recompute_scale_factor_turns_the_factor_into_a_size():
    x = Tensor(_x(1, 1, 5, 3))
    got = ops.interpolate(x, scale_factor=(1.7, 2.5), mode="bilinear", recompute_scale_factor=True)
    np.testing.assert_allclose(got.asnumpy(), ops.interpolate(x, size=(8, 7), mode="bilinear").asnumpy())
    assert ops.interpolate(x, scale_factor=1.5, mode="area").shape == (1, 1, 7, 4)


def test_dtypes_are_kept():
    for dt in (np.float16, np.float32, np.float64):
        y = ops.interpolate(Tensor(_x(1, 2, 3, 4, dtype=dt)), size=(5, 7), mode="bicubic")
        assert y.asnumpy().dtype == dt
    x = np.arange(12, dtype=np.uint8).reshape(1, 1, 3, 4)
    y = ops.interpolate(Tensor(x), size=(6, 8))
    assert y.dtype == ms.uint8
    np.testing.assert_array_equal(y.asnumpy(), x.repeat(2, 2).repeat(2, 3))
    x16 = _x(1, 1, 4, 4, dtype=np.float16)
    half = ops.interpolate(Tensor(x16), size=(7, 3), mode="bilinear").asnumpy()
    full = ops.interpolate(Tensor(x16.astype(np.float32)), size=(7, 3), mode="bilinear").asnumpy()
    np.testing.assert_array_equal(half, full.astype(np.float16))     # computed in float, rounded once


def test_upsample_is_interpolate():
    x = Tensor(_x(1, 2, 3, 5))
    np.testing.assert_array_equal(ops.upsample(x, size=(4, 4), mode="bicubic", align_corners=True).asnumpy(),
                                  ops.interpolate(x, size=(4, 4), mode="bicubic", align_corners=True).asnumpy())


# ----------------------------------------------------------------------------- padding modes
PADS = [((3, 5), (2, 3)), ((2, 3, 5), (1, 2)), ((2, 4, 5), (2, 1, 3, 0)), ((1, 2, 4, 5), (1, 3, -2, 1)),
        ((2, 3, 5), (-1, 2)), ((1, 1, 3, 4, 5), (1, 2, 2, 1, 1, 1)), ((1, 3, 4, 5), (2, 1, 1, 2, 2, 0))]
PAD_CASES = [(mode, np_mode, shape, padding)
             for mode, np_mode in (("reflect", "reflect"), ("replicate", "edge"), ("circular", "wrap"))
             for shape, padding in PADS if not (mode == "reflect" and len(padding) == 6)]  # (reflect: 2 dims at most)


@pytest.mark.parametrize("mode,np_mode,shape,padding", PAD_CASES)
def test_pad_modes_against_numpy(mode, np_mode, shape, padding):
    x = _x(*shape)
    expected = x
    for i in range(len(padding) // 2):
        expected = ref.pad_axis(expected, x.ndim - 1 - i, padding[2 * i], padding[2 * i + 1], np_mode)
    np.testing.assert_array_equal(ops.pad(Tensor(x), padding, mode=mode).asnumpy(), expected)


def test_pad_keeps_int_dtypes_and_takes_tensor_paddings():
    x = np.arange(10, dtype=np.int32).reshape(1, 2, 5)
    y = ops.pad(Tensor(x), Tensor(np.array([2, 1])), mode="reflect")
    assert y.dtype == ms.int32
    np.testing.assert_array_equal(y.asnumpy(), np.pad(x, ((0, 0), (0, 0), (2, 1)), mode="reflect"))


# ----------------------------------------------------------------------------- shuffles, unfold, fold
def test_pixel_shuffle_and_unshuffle_are_inverse_permutations():
    x = _x(2, 1, 12, 3, 5)
    y = ops.pixel_shuffle(Tensor(x), 2)
    assert y.shape == (2, 1, 3, 6, 10)
    # element (c, h * r + i, w * r + j) of the output is element (c * r * r + i * r + j, h, w) of the input
    for c, h, w, i, j in itertools.product(range(3), range(3), range(5), range(2), range(2)):
        assert y.asnumpy()[1, 0, c, h * 2 + i, w * 2 + j] == x[1, 0, c * 4 + i * 2 + j, h, w]
    np.testing.assert_array_equal(ops.pixel_unshuffle(y, 2).asnumpy(), x)


def test_channel_shuffle_interleaves_the_groups():
    x = _x(2, 6, 3, 2)
    y = ops.channel_shuffle(Tensor(x), 3).asnumpy()
    for g in range(3):
        for j in range(2):
            np.testing.assert_array_equal(y[:, j * 3 + g], x[:, g * 2 + j])


@pytest.mark.parametrize("kernel,dilation,padding,stride", [(2, 1, 0, 1), ((2, 3), (1, 2), (1, 0), (2, 1)),
                                                            (3, 2, 2, (1, 3)), ((1, 1), 1, 0, 2)])
def test_unfold_and_fold_against_loops(kernel, dilation, padding, stride):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)
    k, d, p, s = pair(kernel), pair(dilation), pair(padding), pair(stride)
    x = _x(2, 3, 6, 7)
    cols = ops.unfold(Tensor(x), kernel, dilation, padding, stride)
    expected = ref.unfold(x, k, d, ((p[0], p[0]), (p[1], p[1])), s)
    np.testing.assert_allclose(cols.asnumpy(), expected, atol=1e-12)
    c = _x(*expected.shape)
    back = ops.fold(Tensor(c), Tensor(np.array([6, 7], np.int32)), kernel, dilation, padding, stride)
    np.testing.assert_allclose(back.asnumpy(), ref.adjoint(lambda t: ref.unfold(t, k, d, ((p[0], p[0]), (p[1], p[1])),
                                                                                 s), x.shape, c), atol=1e-12)


def test_unfold_of_a_1x1_kernel_does_not_share_the_inputs_memory():
    x = Tensor(_x(1, 2, 3, 4))
    cols = ops.unfold(x, 1)
    before = x.asnumpy().copy()
    cols.asnumpy()[...] = 7.0
    np.testing.assert_array_equal(x.asnumpy(), before)


# ----------------------------------------------------------------------------- derivatives
GRADS = {
    "nearest_3d": (lambda t: ops.interpolate(t, size=(7,)), (1, 2, 3)),
    "nearest_5d_sf": (lambda t: ops.interpolate(t, scale_factor=(1.5, 1.7, 0.6), mode="nearest"), (1, 1, 2, 3, 5)),
    "nearest_exact": (lambda t: ops.interpolate(t, size=(5, 2), mode="nearest-exact"), (1, 2, 3, 4)),
    "linear": (lambda t: ops.interpolate(t, size=(7,), mode="linear"), (2, 1, 4)),
    "linear_ac": (lambda t: ops.interpolate(t, size=(2,), mode="linear", align_corners=True), (1, 2, 5)),
    "bilinear": (lambda t: ops.interpolate(t, size=(5, 2), mode="bilinear"), (1, 2, 3, 4)),
    "bilinear_ac": (lambda t: ops.interpolate(t, size=(5, 7), mode="bilinear", align_corners=True), (1, 1, 3, 4)),
    "bicubic": (lambda t: ops.interpolate(t, size=(5, 3), mode="bicubic"), (1, 1, 3, 4)),
    "bicubic_ac": (lambda t: ops.interpolate(t, size=(2, 7), mode="bicubic", align_corners=True), (1, 1, 3, 4)),
    "trilinear_sf": (lambda t: ops.interpolate(t, scale_factor=(1.5, 1.0, 2.5), mode="trilinear"), (1, 1, 2, 3, 2)),
    "area": (lambda t: ops.interpolate(t, size=(2, 5), mode="area"), (1, 2, 5, 3)),
    "pad_reflect": (lambda t: ops.pad(t, (2, 1, -1, 2), mode="reflect"), (1, 3, 4)),
    "pad_replicate": (lambda t: ops.pad(t, (3, 0, 1, 1, 2, 1), mode="replicate"), (1, 1, 2, 3, 2)),
    "pad_circular": (lambda t: ops.pad(t, (-1, 2, 3, 1), mode="circular"), (2, 3, 4)),
    "pixel_shuffle": (lambda t: ops.pixel_shuffle(t, 2), (1, 8, 2, 3)),
    "pixel_unshuffle": (lambda t: ops.pixel_unshuffle(t, 2), (2, 1, 4, 2)),
    "channel_shuffle": (lambda t: ops.channel_shuffle(t, 2), (1, 4, 2, 3)),
    "unfold": (lambda t: ops.unfold(t, (2, 3), 1, (1, 0), (1, 2)), (1, 2, 4, 5)),
    "fold": (lambda t: ops.fold(t, Tensor(np.array([3, 4], np.int32)), 2, padding=1, stride=2), (1, 8, 6)),
}


@pytest.mark.parametrize("name", sorted(GRADS))
def test_derivatives_to_second_order(name):
    f, shape = GRADS[name]
    check_grads(f, [_x(*shape)], order=2)


@pytest.mark.parametrize("name", sorted(GRADS))
def test_jit_equals_eager(name):
    f, shape = GRADS[name]
    x = Tensor(_x(*shape, dtype=np.float32))
    w = Tensor(_x(*f(x).shape, dtype=np.float32))

    def loss(t):
        return ops.sum(f(t) * w)
    for fn in (f, ms.grad(loss)):
        compiled = ms.jit(fn)
        expected = fn(x)
        for _ in range(2):                   # the compiling call, then a replay
            got = compiled(x)
            assert got.shape == expected.shape and got.dtype == expected.dtype
            np.testing.assert_allclose(got.asnumpy(), expected.asnumpy(), rtol=1e-6, atol=1e-6)


def test_jit_with_a_dynamic_batch_compiles_once():
    fn = ms.jit(lambda t: ops.interpolate(ops.pad(t, (1, 1, 1, 1), mode="reflect"), size=(5, 9), mode="bilinear"),
                input_signature=(Tensor(shape=[None, 2, 3, 4], dtype=ms.float32),))
    for n in (2, 5):
        x = Tensor(_x(n, 2, 3, 4, dtype=np.float32))
        expected = ops.interpolate(ops.pad(x, (1, 1, 1, 1), mode="reflect"), size=(5, 9), mode="bilinear")
        np.testing.assert_allclose(fn(x).asnumpy(), expected.asnumpy(), rtol=1e-6, atol=1e-6)
    assert fn.compile_count == 1


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize("call,kind,words", [
    (lambda: ops.interpolate(Tensor(_x(1, 3, 4)), size=(2,), mode="bilinear"), ValueError,
     ["interpolate", "bilinear", "(1, 3, 4)"]),
    (lambda: ops.interpolate(Tensor(_x(1, 1, 3, 4)), size=(2, 2), scale_factor=2.0), ValueError,
     ["interpolate", "size", "scale_factor"]),
    (lambda: ops.interpolate(Tensor(_x(1, 1, 3, 4)), size=(2, 2), mode="nearest", align_corners=True), ValueError,
     ["interpolate", "align_corners", "nearest"]),
    (lambda: ops.interpolate(Tensor(_x(1, 1, 3, 4)), scale_factor=2.0, mode="bilinear"), ValueError,
     ["interpolate", "scale_factor", "recompute_scale_factor"]),
    (lambda: ops.interpolate(Tensor(np.ones((1, 1, 3, 4), np.int32)), size=(2, 2)), TypeError,
     ["interpolate", "Int32"]),
    (lambda: ops.interpolate(Tensor(_x(1, 1, 0, 4)), size=(2, 2)), ValueError, ["interpolate", "(1, 1, 0, 4)"]),
    (lambda: ops.pad(Tensor(_x(1, 2, 3)), (3, 0), mode="reflect"), ValueError, ["pad", "reflect", "(3, 0)", "3"]),
    (lambda: ops.pad(Tensor(_x(1, 2, 3)), (4, 0), mode="circular"), ValueError, ["pad", "circular", "(4, 0)"]),
    (lambda: ops.pad(Tensor(_x(1, 2, 3, 4)), (1, 1), mode="replicate"), ValueError, ["pad", "(1, 2, 3, 4)"]),
    (lambda: ops.pad(Tensor(_x(1, 2, 3)), (1, 1), mode="reflect", value=0.0), ValueError, ["pad", "value"]),
    (lambda: ops.pixel_shuffle(Tensor(_x(1, 6, 2, 3)), 2), ValueError, ["pixel_shuffle", "6", "(1, 6, 2, 3)"]),
    (lambda: ops.channel_shuffle(Tensor(_x(1, 6, 2, 3)), 4), ValueError, ["channel_shuffle", "6", "groups=4"]),
    (lambda: ops.unfold(Tensor(_x(1, 2, 3, 4)), 5), ValueError, ["unfold", "(5, 5)", "(3, 4)"]),
    (lambda: ops.unfold(Tensor(_x(2, 3, 4)), 2), ValueError, ["unfold", "(2, 3, 4)"]),
    (lambda: ops.fold(Tensor(_x(1, 8, 6)), Tensor(np.array([4, 4], np.int32)), 2), ValueError,
     ["fold", "9", "(1, 8, 6)"]),
    (lambda: ops.fold(Tensor(_x(1, 8, 6)), (3, 4), 2), TypeError, ["fold", "output_size"]),
])
def test_errors_name_the_operation_and_the_shapes(call, kind, words):
    with pytest.raises(kind) as info:
        call()
    for w in words:
        assert w in str(info.value), (w, str(info.value))


def test_errors_are_raised_at_the_call_under_jit():
    bad = ms.jit(lambda t: ops.pad(t, (3, 0), mode="reflect"))
    with pytest.raises(ValueError, match="reflect"):
        bad(Tensor(_x(1, 2, 3, dtype=np.float32)))
    bad = ms.jit(lambda t: ops.interpolate(t, size=(2,), mode="bilinear"))
    with pytest.raises(ValueError, match="bilinear"):
        bad(Tensor(_x(1, 2, 3, dtype=np.float32)))
