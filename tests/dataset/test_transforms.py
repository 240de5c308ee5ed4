"""Transforms against NumPy references and values recorded from MindSpore 2.10."""
import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
import minispore.dataset.transforms as T
import minispore.dataset.vision as vision
from minispore.dataset.vision import c_transforms as old_vision  # noqa: F401 - old import path works
from minispore.dataset.vision import transforms as new_vision  # noqa: F401
from minispore.dataset.transforms import c_transforms as old_transforms  # noqa: F401

rng = np.random.default_rng(0)
IMG = rng.integers(0, 256, (5, 7, 3)).astype(np.uint8)
# the (5, 7) grey image the MindSpore values below were recorded on
G = np.array([[224, 20, 14, 171, 86, 146, 38], [220, 115, 229, 203, 180, 59, 196],
              [13, 145, 103, 255, 50, 242, 23], [159, 148, 230, 76, 230, 172, 227],
              [51, 194, 241, 12, 93, 162, 27]], np.uint8)


def test_rescale():
    out = vision.Rescale(1 / 255., 0.5)(IMG)
    assert out.dtype == np.float32 and out.shape == IMG.shape
    np.testing.assert_allclose(out, IMG.astype(np.float32) / 255 + 0.5, rtol=1e-6)
    assert vision.Rescale(2, 0)(IMG.astype(np.float64)).dtype == np.float32
    with pytest.raises(TypeError):
        vision.Rescale("a", 0)
    with pytest.raises(TypeError):
        vision.Rescale(1, 0)([1, 2, 3])


def test_normalize():
    out = vision.Normalize((1., 2., 3.), (2., 3., 4.))(IMG)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, (IMG.astype(np.float32) - np.float32([1, 2, 3])) / np.float32([2, 3, 4]))
    chw = vision.Normalize((1., 2., 3.), (2., 3., 4.), is_hwc=False)(IMG.transpose(2, 0, 1))
    np.testing.assert_array_equal(chw, out.transpose(2, 0, 1))
    assert vision.Normalize((0.5,), (0.2,))(G).shape == (5, 7)
    assert vision.Normalize((0.5,), (0.2,))(IMG).shape == (5, 7, 3)          # one value for every channel
    with pytest.raises(ValueError):
        vision.Normalize((0.5,), (-0.2,))
    with pytest.raises(ValueError):
        vision.Normalize((300,), (0.2,))
    with pytest.raises(RuntimeError):
        vision.Normalize((1., 2.), (1., 1.))(IMG)


def test_rescale_rounds_like_mindspore():
    # MindSpore: float32(x * rescale + shift) with a single rounding (checked on all 256 uint8 values)
    x = np.arange(256, dtype=np.uint8).reshape(16, 16, 1)
    for r, s in ((1 / 255., 0.0), (1 / 255., 0.5), (0.00392, -0.3)):
        ref = (x.astype(np.float64) * np.float32(r) + np.float32(s)).astype(np.float32)
        np.testing.assert_array_equal(vision.Rescale(r, s)(x), ref)


def test_pipeline_chain_equals_step_by_step():
    imgs = rng.integers(0, 256, (50, 6, 6, 3)).astype(np.uint8)
    ops = [vision.Rescale(1 / 255, 0), vision.Normalize((0.4, 0.5, 0.6), (0.2, 0.25, 0.3)), vision.HWC2CHW()]
    d = ds.NumpySlicesDataset({"image": imgs}, shuffle=False).map(ops, "image").batch(50)
    got = next(d.create_tuple_iterator(output_numpy=True))[0]
    ref = np.stack([ops[2](ops[1](ops[0](im))) for im in imgs])
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, ref)       # same float32 operations, in place or not


def test_hwc2chw_and_totensor():
    assert vision.HWC2CHW()(IMG).shape == (3, 5, 7) and vision.HWC2CHW()(IMG).dtype == np.uint8
    np.testing.assert_array_equal(vision.HWC2CHW()(IMG), IMG.transpose(2, 0, 1))
    assert vision.HWC2CHW()(G).shape == (5, 7)
    with pytest.raises(RuntimeError):
        vision.HWC2CHW()(IMG[None])
    t = vision.ToTensor()(IMG)
    assert t.dtype == np.float32 and t.shape == (3, 5, 7)
    np.testing.assert_allclose(t, IMG.transpose(2, 0, 1) / np.float32(255), rtol=1e-6)
    assert vision.ToTensor()(G).shape == (1, 5, 7)


def test_typecast_onehot_compose():
    out = T.TypeCast(ms.int32)(np.array(3, np.uint32))
    assert isinstance(out, np.ndarray) and out.dtype == np.int32 and out.shape == ()
    assert T.TypeCast(np.float16)(np.array([3], np.uint32)).dtype == np.float16
    np.testing.assert_array_equal(T.TypeCast(ms.int32)(np.array([2.7, -2.7])), [2, -2])
    with pytest.raises(TypeError):
        T.TypeCast("foo")
    oh = T.OneHot(4)(np.array(2, np.uint32))
    assert oh.tolist() == [0, 0, 1, 0] and oh.dtype == np.uint32
    assert T.OneHot(4)(np.array([1, 3])).tolist() == [[0, 1, 0, 0], [0, 0, 0, 1]]
    np.testing.assert_allclose(T.OneHot(4, 0.2)(np.array(2)), [0.05, 0.05, 0.85, 0.05], rtol=1e-6)
    with pytest.raises(RuntimeError):
        T.OneHot(4)(np.array(7))
    c = T.Compose([vision.Rescale(1 / 255., 0), vision.HWC2CHW()])
    assert c(IMG).shape == (3, 5, 7) and c(IMG).dtype == np.float32
    d = ds.NumpySlicesDataset({"image": IMG[None].repeat(3, 0)}, shuffle=False).map(c, "image")
    assert d.output_shapes() == [[3, 5, 7]] and d.output_types() == [np.float32]


def test_resize_matches_mindspore():
    g1 = G[..., None]
    # recorded with MindSpore 2.10 (OpenCV INTER_LINEAR)
    assert vision.Resize((3, 4))(g1)[..., 0].tolist() == [[158, 98, 125, 100], [63, 122, 76, 105],
                                                          [121, 212, 125, 120]]
    f = vision.Resize((3, 4))(g1.astype(np.float32))[..., 0]
    np.testing.assert_allclose(f, [[158.54165649414062, 97.66666412353516, 125.375, 100.54167175292969],
                                   [62.5, 122.0, 75.625, 105.125],
                                   [121.375, 211.8333282470703, 125.49999237060547, 120.54165649414062]],
                               rtol=1e-6)
    assert vision.Resize((3, 4), vision.Inter.NEAREST)(g1)[..., 0].tolist() == [
        [224, 20, 171, 146], [220, 115, 203, 59], [159, 148, 76, 172]]
    up = vision.Resize((10, 14))(g1)[..., 0][:3].astype(int)
    ms_up = np.array([[224, 173, 71, 18, 15, 53, 132, 150, 107, 101, 131, 119, 65, 38],
                      [223, 178, 89, 50, 62, 95, 151, 162, 127, 113, 121, 113, 89, 78],
                      [221, 189, 124, 112, 154, 180, 190, 185, 166, 138, 100, 100, 138, 157]])
    np.testing.assert_array_equal(up, ms_up)       # border rows mix the border row with itself, as OpenCV does
    assert vision.Resize(3)(IMG).shape == (3, 4, 3) and vision.Resize(10)(IMG).shape == (10, 14, 3)
    assert vision.Resize((3, 4))(G).shape == (3, 4) and vision.Resize((3, 4))(G).dtype == np.uint8
    with pytest.raises(ValueError):
        vision.Resize(-1)
    with pytest.raises(TypeError):              # ANTIALIAS needs a PIL image, as in MindSpore
        vision.Resize(3, vision.Inter.ANTIALIAS)(IMG)


def test_resize_vectorised_equals_per_image():
    imgs = rng.integers(0, 256, (6, 28, 28, 1)).astype(np.uint8)
    d = ds.NumpySlicesDataset({"image": imgs}, shuffle=False).map(vision.Resize((20, 33)), "image").batch(6)
    got = next(d.create_tuple_iterator(output_numpy=True))[0]
    np.testing.assert_array_equal(got, np.stack([vision.Resize((20, 33))(im) for im in imgs]))


def test_random_crop_and_flip():
    out = vision.RandomCrop(4)(IMG)
    assert out.shape == (4, 4, 3) and out.dtype == np.uint8
    found = any((IMG[t:t + 4, l:l + 4] == out).all() for t in range(2) for l in range(4))
    assert found
    assert vision.RandomCrop((5, 7), padding=2)(IMG).shape == (5, 7, 3)
    assert vision.RandomCrop(9, pad_if_needed=True)(IMG).shape == (9, 9, 3)
    with pytest.raises(RuntimeError):
        vision.RandomCrop(9)(IMG)
    padded = vision.RandomCrop((9, 11), padding=2, fill_value=7)(IMG)
    assert (padded[:2] == 7).all() and (padded[2:7, 2:9] == IMG).all()
    np.testing.assert_array_equal(vision.RandomHorizontalFlip(1.0)(IMG), IMG[:, ::-1])
    np.testing.assert_array_equal(vision.RandomHorizontalFlip(0.0)(IMG), IMG)
    np.testing.assert_array_equal(vision.RandomHorizontalFlip(1.0)(G), G[:, ::-1])
    with pytest.raises(ValueError):
        vision.RandomHorizontalFlip(1.5)
    # about half the images of a block get flipped
    imgs = rng.integers(0, 256, (400, 3, 3, 1)).astype(np.uint8)
    f = vision.RandomHorizontalFlip()._batch(imgs, np.random.default_rng(0))
    flipped = (f == imgs[:, :, ::-1]).all(axis=(1, 2, 3)) & ~(f == imgs).all(axis=(1, 2, 3))
    assert 150 < flipped.sum() < 250


def test_inter_enum():
    assert vision.Inter.LINEAR is vision.Inter.BILINEAR
    # MindSpore 2.10's numbering (an IntEnum)
    assert [int(vision.Inter[n]) for n in ("NEAREST", "ANTIALIAS", "BILINEAR", "BICUBIC", "AREA", "PILCUBIC")] == \
        [0, 1, 2, 3, 4, 5]
    assert {"NEAREST", "LINEAR", "BILINEAR", "CUBIC", "BICUBIC", "AREA", "PILCUBIC", "ANTIALIAS"} <= set(
        vision.Inter.__members__)
