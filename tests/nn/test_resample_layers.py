"""The resampling and padding layers: Upsample, PixelShuffle/PixelUnshuffle, ChannelShuffle, Unfold, Pad, ZeroPad2d,
ConstantPad*d, ReflectionPad*d, ReplicationPad*d -- values against NumPy, gradients, jit, reprs and the errors of bad
arguments (MindSpore 2.10's own results are checked in tests/test_golden_resample.py)."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ops"))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import resample_reference as ref  # noqa: E402
from util import check_grads  # noqa: E402

rng = np.random.default_rng(20261208)


def _x(*shape, dtype=np.float64):
    return rng.uniform(-1, 1, shape).astype(dtype)


def _np_pad(x, pairs, mode):
    """NumPy padding by (before, after) pairs of the last dimensions (negative crops)."""
    first = x.ndim - len(pairs)
    for i, (b, a) in enumerate(pairs):
        if mode == "constant":
            x = np.pad(x, [(0, 0)] * (first + i) + [(max(b, 0), max(a, 0))] + [(0, 0)] * (len(pairs) - i - 1))
            x = np.moveaxis(np.moveaxis(x, first + i, -1)[..., max(-b, 0):x.shape[first + i] - max(-a, 0)], -1,
                            first + i)
        else:
            x = ref.pad_axis(x, first + i, b, a, mode)
    return x


LAYERS = [  # constructor, input shape, NumPy reference
    (lambda: nn.ZeroPad2d((1, 2, 0, 3)), (2, 3, 4), lambda x: _np_pad(x, [(0, 3), (1, 2)], "constant")),
    (lambda: nn.ZeroPad2d((-1, 2, 0, -1)), (2, 3), lambda x: _np_pad(x, [(0, -1), (-1, 2)], "constant")),
    (lambda: nn.ConstantPad1d(2, 0.5), (3, 4), lambda x: _np_pad(x - 0.5, [(2, 2)], "constant") + 0.5),
    (lambda: nn.ConstantPad3d((1, 0, 0, 2, 1, 1), -1.0), (2, 2, 3, 4),
     lambda x: _np_pad(x + 1, [(1, 1), (0, 2), (1, 0)], "constant") - 1),
    (lambda: nn.ReflectionPad1d((2, 1)), (1, 2, 5), lambda x: _np_pad(x, [(2, 1)], "reflect")),
    (lambda: nn.ReflectionPad2d(1), (3, 4), lambda x: _np_pad(x, [(1, 1), (1, 1)], "reflect")),
    (lambda: nn.ReflectionPad3d((1, 2, 0, 1, 1, 0)), (1, 2, 3, 4), lambda x: _np_pad(x, [(1, 0), (0, 1), (1, 2)],
                                                                                    "reflect")),
    (lambda: nn.ReplicationPad1d((-1, 3)), (2, 4), lambda x: _np_pad(x, [(-1, 3)], "edge")),
    (lambda: nn.ReplicationPad2d((1, 3, 2, 0)), (1, 2, 2, 3), lambda x: _np_pad(x, [(2, 0), (1, 3)], "edge")),
    (lambda: nn.ReplicationPad3d(1), (2, 2, 3, 2), lambda x: _np_pad(x, [(1, 1)] * 3, "edge")),
    (lambda: nn.Pad(((1, 1), (2, 0))), (2, 3), lambda x: np.pad(x, ((1, 1), (2, 0)))),
    (lambda: nn.Pad(((0, 1), (1, 1), (2, 2)), mode="REFLECT"), (2, 3, 4),
     lambda x: np.pad(x, ((0, 1), (1, 1), (2, 2)), mode="reflect")),
    (lambda: nn.Pad(((1, 2), (3, 0)), mode="SYMMETRIC"), (2, 3), lambda x: np.pad(x, ((1, 2), (3, 0)),
                                                                                mode="symmetric")),
    (lambda: nn.PixelShuffle(2), (1, 8, 2, 3),
     lambda x: x.reshape(1, 2, 2, 2, 2, 3).transpose(0, 1, 4, 2, 5, 3).reshape(1, 2, 4, 6)),
    (lambda: nn.PixelUnshuffle(2), (1, 2, 4, 6),
     lambda x: x.reshape(1, 2, 2, 2, 3, 2).transpose(0, 1, 3, 5, 2, 4).reshape(1, 8, 2, 3)),
    (lambda: nn.ChannelShuffle(3), (2, 6, 5), lambda x: x.reshape(2, 3, 2, 5).swapaxes(1, 2).reshape(2, 6, 5)),
    (lambda: nn.Upsample(size=(5, 2), mode="bicubic", align_corners=True), (1, 2, 3, 4),
     lambda x: ref.apply(x, [ref.cubic_matrix(3, 5, True), ref.cubic_matrix(4, 2, True)])),
    (lambda: nn.Upsample(scale_factor=(2.0, 1.5, 1.0), mode="trilinear"), (1, 1, 2, 3, 2),
     lambda x: ref.apply(x, [ref.linear_matrix(2, 4, False, 0.5), ref.linear_matrix(3, 4, False, 1 / 1.5),
                             np.eye(2)])),
]


@pytest.mark.parametrize("k", range(len(LAYERS)))
def test_layer_values_and_gradients(k):
    make, shape, expected = LAYERS[k]
    x = _x(*shape)
    np.testing.assert_allclose(make()(Tensor(x)).asnumpy(), expected(x), atol=1e-12)
    check_grads(lambda t: make()(t), [x], order=2)


@pytest.mark.parametrize("k", range(len(LAYERS)))
def test_layers_under_jit(k):
    make, shape, _ = LAYERS[k]
    cell = make()
    x = Tensor(_x(*shape, dtype=np.float32))
    expected = cell(x)
    compiled = ms.jit(cell.construct)
    for _ in range(2):
        np.testing.assert_allclose(compiled(x).asnumpy(), expected.asnumpy(), rtol=1e-6, atol=1e-6)


def test_unfold_extracts_tensorflow_patches():
    x = _x(2, 3, 5, 7)
    cell = nn.Unfold([1, 2, 3, 1], [1, 2, 1, 1], [1, 2, 1, 1], padding="same")
    y = cell(Tensor(x)).asnumpy()
    assert y.shape == (2, 18, 3, 7)
    # 'same': 3 and 7 patches, kernel span (3, 3), zero padding (1, 1) rows and (1, 1) columns
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    for i, j, a, b, c in [(0, 0, 0, 0, 0), (1, 3, 1, 2, 2), (2, 6, 1, 1, 1), (0, 5, 0, 2, 2)]:
        assert y[1, (a * 3 + b) * 3 + c, i, j] == padded[1, c, i * 2 + a * 2, j + b]
    valid = nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1])(Tensor(x)).asnumpy()
    assert valid.shape == (2, 12, 4, 6)
    check_grads(lambda t: nn.Unfold([1, 2, 3, 1], [1, 2, 1, 1], [1, 2, 1, 1], padding="same")(t),
                [_x(1, 2, 4, 5)], order=2)


def test_reprs_and_attributes():
    assert repr(nn.Upsample(size=(2, 3))) == "Upsample()"
    assert repr(nn.ReflectionPad2d(1)) == "ReflectionPad2d()"
    assert nn.ReflectionPad2d((1, 2, 3, 4)).padding == [[3, 4], [1, 2]]
    assert nn.ReplicationPad3d(2).padding == (2,) * 6
    c = nn.ConstantPad2d(1, 0.5)
    assert (c.padding, c.value) == ((1, 1, 1, 1), 0.5)
    p = nn.Pad(((1, 1), (2, 2)), mode="REFLECT")
    assert p.mode == "REFLECT" and p.paddings.dtype == ms.int64 and p.paddings.shape == (2, 2)
    assert not hasattr(nn, "ResizeBilinear")
    assert repr(nn.SequentialCell([nn.ZeroPad2d(1), nn.PixelShuffle(2)])) == (
        "SequentialCell(\n  (0): ZeroPad2d()\n  (1): PixelShuffle()\n)")


@pytest.mark.parametrize("make,kind,words", [
    (lambda: nn.ReflectionPad1d(-1), ValueError, ["ReflectionPad1d", "-1"]),
    (lambda: nn.ReflectionPad2d([1, 1]), TypeError, ["ReflectionPad2d", "list"]),
    (lambda: nn.ReplicationPad1d((1, 1, 1)), ValueError, ["ReplicationPad1d", "3"]),
    (lambda: nn.ZeroPad2d((1, 1, 1, 1, 1, 1)), ValueError, ["ZeroPad2d", "6"]),
    (lambda: nn.ConstantPad1d(1, "0"), TypeError, ["ConstantPad1d", "value", "str"]),
    (lambda: nn.Pad(((1, 1),), mode="constant"), ValueError, ["Pad", "constant"]),
    (lambda: nn.Pad(((1, 1, 1),)), ValueError, ["Pad", "(n, 2)"]),
    (lambda: nn.ChannelShuffle(0), ValueError, ["ChannelShuffle", "0"]),
    (lambda: nn.ChannelShuffle(2.0), TypeError, ["ChannelShuffle", "float"]),
    (lambda: nn.Unfold([1, 2, 2], [1, 1, 1, 1], [1, 1, 1, 1]), ValueError, ["Unfold", "ksizes"]),
    (lambda: nn.Unfold([1, 2, 2, 1], 1, [1, 1, 1, 1]), TypeError, ["Unfold", "strides"]),
    (lambda: nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], padding="full"), ValueError, ["Unfold", "full"]),
])
def test_construction_errors_name_the_cell(make, kind, words):
    with pytest.raises(kind) as info:
        make()
    for w in words:
        assert w in str(info.value), (w, str(info.value))


@pytest.mark.parametrize("make,shape,kind,words", [
    (lambda: nn.ReflectionPad1d(2), (1, 2, 2), ValueError, ["ReflectionPad1d", "reflect", "2"]),
    (lambda: nn.ReflectionPad3d(1), (1, 1, 1, 2, 2, 3), ValueError, ["ReflectionPad3d", "(1, 1, 1, 2, 2, 3)"]),
    (lambda: nn.ReplicationPad2d(1), (2, 3), ValueError, ["ReplicationPad2d", "(2, 3)"]),
    (lambda: nn.ReplicationPad1d(1), (1, 2, 0), ValueError, ["ReplicationPad1d", "empty"]),
    (lambda: nn.ChannelShuffle(4), (1, 6, 2), ValueError, ["ChannelShuffle", "6", "(1, 6, 2)"]),
    (lambda: nn.Pad(((1, 1), (2, 2))), (3,), ValueError, ["Pad", "(3,)"]),
    (lambda: nn.Pad(((0, 0), (3, 0)), mode="SYMMETRIC"), (2, 2), ValueError, ["Pad", "symmetric", "2"]),
    (lambda: nn.Upsample(size=(2, 2), mode="foo"), (1, 1, 2, 2), ValueError, ["interpolate", "foo"]),
    (lambda: nn.Unfold([1, 4, 4, 1], [1, 1, 1, 1], [1, 1, 1, 1]), (1, 1, 3, 3), ValueError, ["Unfold", "(1, 1, 3, 3)"]),
    (lambda: nn.PixelShuffle(2), (1, 6, 2, 2), ValueError, ["pixel_shuffle", "6"]),
])
def test_call_errors_name_the_cell_and_the_shape(make, shape, kind, words):
    with pytest.raises(kind) as info:
        make()(Tensor(_x(*shape, dtype=np.float32)))
    for w in words:
        assert w in str(info.value), (w, str(info.value))


def test_inputs_must_be_tensors():
    for cell in (nn.ReflectionPad1d(1), nn.ReplicationPad1d(1), nn.ChannelShuffle(2), nn.ZeroPad2d(1),
                 nn.Pad(((1, 1),))):
        with pytest.raises(TypeError, match=type(cell).__name__):
            cell([[1.0, 2.0]])
    with pytest.raises(TypeError, match="interpolate"):
        nn.Upsample(size=(2, 2))([[1.0]])
    assert ops.pad(Tensor(_x(2, 3)), ()).shape == (2, 3)
