"""The vision transforms beyond their MindSpore goldens: random transforms by their structure and statistics (the
exact values of pinned cases are in tests/test_golden_dataset_vision.py), seeding, blocks equal single images,
PIL inputs, and decoding of broken files."""
import os

import numpy as np
import pytest
from PIL import Image, ImageEnhance

import minispore as ms
import minispore.dataset as ds
import minispore.dataset.vision as vision
from minispore.dataset.vision import c_transforms, transforms

DECODE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden", "images",
                          "decode")
rng = np.random.default_rng(0)
IMG = rng.integers(0, 256, (12, 16, 3)).astype(np.uint8)
BLOCK = rng.integers(0, 256, (64, 10, 14, 3)).astype(np.uint8)


def test_import_paths():
    for name in ("Decode", "Resize", "CenterCrop", "RandomCrop", "RandomResizedCrop", "RandomHorizontalFlip",
                 "RandomVerticalFlip", "RandomRotation", "RandomColorAdjust", "Pad", "Normalize", "HWC2CHW",
                 "ToTensor", "Rescale", "Grayscale", "ToPIL", "RandomErasing", "MixUpBatch", "CutMixBatch"):
        assert getattr(vision, name) is getattr(transforms, name) is getattr(c_transforms, name)
    assert vision.ImageBatchFormat.NCHW == 1 and vision.Border.REFLECT.value == "reflect"


def _per_image(op, block):
    return np.stack([op(im) for im in block])


@pytest.mark.parametrize("op", [vision.Resize((7, 9)), vision.Resize((21, 30), vision.Inter.BICUBIC),
                                vision.Resize((5, 7), vision.Inter.AREA), vision.Resize(6, vision.Inter.PILCUBIC),
                                vision.Resize((20, 28), vision.Inter.NEAREST), vision.CenterCrop((13, 9)),
                                vision.Pad((1, 2, 3, 4), padding_mode=vision.Border.SYMMETRIC),
                                vision.RandomRotation((25, 25), resample=vision.Inter.BILINEAR),
                                vision.RandomColorAdjust(contrast=(0.5, 0.5)), vision.HWC2CHW(), vision.ToTensor()],
                         ids=lambda op: repr(op)[:40])
def test_a_block_equals_its_images(op):
    np.testing.assert_array_equal(op._batch(BLOCK, np.random.default_rng(0)), _per_image(op, BLOCK))


def test_pipeline_runs_transforms_per_block():
    ops = [vision.RandomResizedCrop((6, 8)), vision.RandomHorizontalFlip(), vision.RandomRotation(15),
           vision.RandomColorAdjust(0.3, 0.3, 0.3, 0.05), vision.Normalize([120] * 3, [60] * 3), vision.HWC2CHW()]
    d = ds.NumpySlicesDataset({"image": BLOCK}, shuffle=False).map(ops, "image").batch(16)
    ms.set_seed(5)
    a = [b[0] for b in d.create_tuple_iterator(output_numpy=True)]
    ms.set_seed(5)
    b = [b[0] for b in d.create_tuple_iterator(output_numpy=True)]
    assert len(a) == 4 and a[0].shape == (16, 3, 6, 8) and a[0].dtype == np.float32
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)            # a seed reproduces the whole random pipeline
    assert not np.array_equal(a[0], a[1])


def test_eager_random_transforms_follow_the_seeds():
    for seed_fn in (ms.set_seed, ds.config.set_seed):
        outs = []
        for _ in range(2):
            seed_fn(123)
            outs.append([vision.RandomCrop(8)(IMG), vision.RandomResizedCrop(5)(IMG), vision.RandomRotation(40)(IMG),
                         vision.RandomErasing(prob=1.0)(IMG.transpose(2, 0, 1).astype(np.float32))])
        for x, y in zip(*outs):
            np.testing.assert_array_equal(x, y)
    seed_fn(1)
    first = vision.RandomCrop(8)(IMG)
    assert any(not np.array_equal(first, vision.RandomCrop(8)(IMG)) for _ in range(10))


def test_random_flips_flip_about_prob_of_the_images():
    for op, axis in ((vision.RandomHorizontalFlip(0.3), 2), (vision.RandomVerticalFlip(0.7), 1)):
        out = op._batch(BLOCK.repeat(8, 0), np.random.default_rng(1))
        src = BLOCK.repeat(8, 0)
        flipped = (out == np.flip(src, axis)).all(axis=(1, 2, 3))
        kept = (out == src).all(axis=(1, 2, 3))
        assert (flipped | kept).all()
        assert abs(flipped.mean() - op.prob) < 0.08
    pil = Image.fromarray(IMG)
    assert np.array_equal(np.asarray(vision.RandomHorizontalFlip(1.0)(pil)), IMG[:, ::-1])
    assert isinstance(vision.HorizontalFlip()(pil), np.ndarray)          # as MindSpore: an array comes back


def test_random_crop_windows():
    out = vision.RandomCrop((5, 7))._batch(BLOCK, np.random.default_rng(0))
    for src, o in zip(BLOCK, out):
        assert any(np.array_equal(src[t:t + 5, l:l + 7], o) for t in range(6) for l in range(8))
    padded = vision.RandomCrop((10, 14), padding=2, fill_value=(7, 8, 9))._batch(BLOCK[:8], np.random.default_rng(0))
    assert padded.shape == (8, 10, 14, 3)
    big = vision.RandomCrop((14, 18), pad_if_needed=True)(IMG)            # pads each side by the shortfall
    assert big.shape == (14, 18, 3)
    with pytest.raises(RuntimeError, match="crop size is bigger"):
        vision.RandomCrop(20)(IMG)


def test_random_resized_crop_draws_areas_and_ratios_in_range():
    op = vision.RandomResizedCrop((6, 6), scale=(0.25, 0.5), ratio=(0.5, 2.0))
    from minispore.dataset.vision._geometry import _crop_boxes
    top, left, ch, cw = _crop_boxes(4000, 50, 50, op.scale, op.ratio, op.max_attempts, np.random.default_rng(0))
    area = ch * cw / (50 * 50)
    assert (top >= 0).all() and (left >= 0).all() and (top + ch <= 50).all() and (left + cw <= 50).all()
    assert area.min() > 0.2 and area.max() < 0.56 and 0.3 < area.mean() < 0.45
    r = cw / ch
    assert r.min() > 0.45 and r.max() < 2.2 and abs(np.log(r).mean()) < 0.03   # log-uniform around 1
    whole = vision.RandomResizedCrop((7, 9), scale=(1, 1), ratio=(16 / 12, 16 / 12))(IMG)
    np.testing.assert_array_equal(whole, vision.Resize((7, 9))(IMG))
    # a crop of one block equals the same crop resized on its own (the vectorised bilinear path)
    out = op._batch(BLOCK, np.random.default_rng(3))
    top, left, ch, cw = _crop_boxes(len(BLOCK), 10, 14, op.scale, op.ratio, op.max_attempts, np.random.default_rng(3))
    for i in range(len(BLOCK)):
        crop = BLOCK[i, top[i]:top[i] + ch[i], left[i]:left[i] + cw[i]]
        np.testing.assert_array_equal(out[i], vision.Resize((6, 6))(crop))


def test_random_rotation_geometry():
    sq = rng.integers(0, 256, (9, 9, 3)).astype(np.uint8)
    np.testing.assert_array_equal(vision.RandomRotation((90, 90))(sq), np.rot90(sq, 1))   # counter-clockwise
    np.testing.assert_array_equal(vision.RandomRotation((180, 180))(IMG), IMG[::-1, ::-1])
    out = vision.RandomRotation((0, 0), expand=True)(IMG)
    np.testing.assert_array_equal(out, IMG)
    tall = vision.RandomRotation((90, 90), expand=True)(IMG)
    assert tall.shape == (16, 12, 3)
    ragged = vision.RandomRotation(60, expand=True)._batch(BLOCK[:6], np.random.default_rng(0))
    assert isinstance(ragged, list) and len({r.shape for r in ragged}) > 1
    corners = vision.RandomRotation((45, 45), fill_value=(10, 20, 30))(IMG)
    assert corners[0, 0].tolist() == [10, 20, 30]                      # (R, G, B), see the docstring
    angles = []
    for _ in range(40):
        o = vision.RandomRotation((-30, 30), resample=vision.Inter.BILINEAR)(sq)
        angles.append(not np.array_equal(o, sq))
    assert all(angles)
    pil = vision.RandomRotation((30, 30), fill_value=7)(Image.fromarray(IMG[..., 0]))
    assert pil.mode == "L" and np.asarray(pil)[0, 0] == 7


def test_random_color_adjust_per_image_factors():
    ones = np.full((200, 4, 4, 3), 100, np.uint8)
    out = vision.RandomColorAdjust(brightness=(0.5, 1.5))._batch(ones, np.random.default_rng(0))
    f = out[:, 0, 0, 0] / 100
    assert 0.5 <= f.min() and f.max() <= 1.5 and len(np.unique(f)) > 50 and abs(f.mean() - 1) < 0.06
    grey = np.repeat(rng.integers(0, 256, (10, 4, 4, 1)), 3, -1).astype(np.uint8)
    sat = vision.RandomColorAdjust(saturation=(0.2, 3.0), hue=(-0.5, 0.5))._batch(grey, np.random.default_rng(0))
    np.testing.assert_array_equal(sat, grey)                           # no colour to change
    two = vision.RandomColorAdjust(brightness=(1.3, 1.3), contrast=(0.7, 0.7))
    a = two._batch(np.repeat(IMG[None], 40, 0), np.random.default_rng(0))
    orders = {a[i].tobytes() for i in range(40)}
    assert len(orders) == 2                                            # the two orders, each drawn
    with pytest.raises(RuntimeError, match="3 channels"):
        vision.RandomColorAdjust(brightness=(1.3, 1.3))(IMG[..., :2])


def test_random_color_adjust_pil_uses_pillow():
    pil = Image.fromarray(IMG)
    out = np.asarray(vision.RandomColorAdjust(brightness=(1.4, 1.4))(pil))

    def hue_trip(im):
        h, s, v = im.convert("HSV").split()
        return Image.merge("HSV", (h, s, v)).convert("RGB")
    candidates = [np.asarray(ImageEnhance.Brightness(pil).enhance(1.4)),
                  np.asarray(ImageEnhance.Brightness(hue_trip(pil)).enhance(1.4)),
                  np.asarray(hue_trip(ImageEnhance.Brightness(pil).enhance(1.4)))]
    assert any(np.array_equal(out, c) for c in candidates)


def test_random_erasing():
    chw = BLOCK.transpose(0, 3, 1, 2).astype(np.float32) / 255
    op = vision.RandomErasing(prob=1.0, scale=(0.1, 0.3), ratio=(0.5, 2.0), value=(1, 2, 3))
    out = op._batch(chw.copy(), np.random.default_rng(0))
    erased = (out != chw).any(axis=1)
    for i in range(len(chw)):
        ys, xs = np.nonzero(erased[i])
        if not len(ys):
            continue
        box = erased[i, ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        assert box.mean() > 0.9                                        # one rectangle
        assert np.allclose(out[i, :, ys.min(), xs.min()], [1, 2, 3])
        assert 0.05 < box.size / (10 * 14) < 0.4
    assert erased.any(axis=(1, 2)).mean() > 0.8
    never = vision.RandomErasing(prob=0.0)._batch(chw.copy(), np.random.default_rng(0))
    np.testing.assert_array_equal(never, chw)
    x = chw[0].copy()
    vision.RandomErasing(prob=1.0, inplace=True)(x)
    assert not np.array_equal(x, chw[0])
    noise = vision.RandomErasing(prob=1.0, value="random")(chw[0])
    assert len(np.unique(noise[:, (noise != chw[0]).any(0)])) > 10
    with pytest.raises(TypeError, match="NumPy"):
        vision.RandomErasing(prob=1.0)(Image.fromarray(IMG))
    with pytest.raises(ValueError, match="C,H,W"):
        vision.RandomErasing(prob=1.0)(IMG[..., 0])


def test_mixup_batch_mixes_pairs():
    labels = np.eye(5, dtype=np.float32)[[0, 1, 2, 3, 4, 0, 1, 2]]
    imgs = BLOCK[:8].astype(np.float32)
    ms.set_seed(2)
    out, lab = vision.MixUpBatch(0.4)(imgs, labels)
    assert lab.dtype == np.float32 and out.dtype == np.float32
    np.testing.assert_allclose(lab.sum(1), 1, rtol=1e-6)
    # each image is lam * x + (1 - lam) * x[p]: find lam from the labels and check the images with it
    lam = lab[np.arange(8), labels.argmax(1)].min()
    partner = [int(np.argmax(np.where(labels[i] == 1, -1, lab[i]))) for i in range(8)]
    for i in range(8):
        if lab[i].max() >= 0.999:
            continue
        j = [k for k in range(8) if labels[k].argmax() == partner[i]]
        assert any(np.allclose(out[i], lam * imgs[i] + (1 - lam) * imgs[k], atol=1e-3) or
                   np.allclose(out[i], (1 - lam) * imgs[i] + lam * imgs[k], atol=1e-3) for k in j)
    u8, _ = vision.MixUpBatch()(BLOCK[:8], labels)
    assert u8.dtype == np.uint8
    with pytest.raises(RuntimeError, match="batched"):
        vision.MixUpBatch()(IMG, labels[0])


def test_cutmix_batch_pastes_boxes():
    labels = np.eye(8, dtype=np.float32)
    imgs = np.stack([np.full((10, 14, 3), k, np.uint8) for k in range(8)])
    out, lab = vision.CutMixBatch(vision.ImageBatchFormat.NHWC, alpha=1.0, prob=1.0)(imgs, labels)
    for i in range(8):
        vals, counts = np.unique(out[i, ..., 0], return_counts=True)
        assert i in vals and len(vals) <= 2
        own = counts[list(vals).index(i)] / out[i, ..., 0].size
        assert abs(lab[i, i] - own) < 1e-6                       # the label weight is the area left uncovered
        if len(vals) == 2:
            other = int(vals[vals != i][0])
            assert abs(lab[i, other] - (1 - own)) < 1e-6
    nchw, _ = vision.CutMixBatch(vision.ImageBatchFormat.NCHW)(imgs.transpose(0, 3, 1, 2), labels)
    assert nchw.shape == (8, 3, 10, 14)
    same, lab0 = vision.CutMixBatch(vision.ImageBatchFormat.NHWC, prob=0.0)(imgs, labels.astype(np.int32))
    np.testing.assert_array_equal(same, imgs)
    assert lab0.dtype == np.float32
    with pytest.raises(RuntimeError, match="channel"):
        vision.CutMixBatch(vision.ImageBatchFormat.NCHW)(imgs, labels)


def test_batch_mixers_in_a_pipeline():
    d = ds.NumpySlicesDataset({"image": BLOCK[:12], "label": np.arange(12, dtype=np.int32) % 4}, shuffle=False)
    d = d.map(ds.transforms.OneHot(4), "label").batch(4)
    for op in (vision.MixUpBatch(), vision.CutMixBatch(vision.ImageBatchFormat.NHWC, prob=0.5)):
        rows = list(d.map(op, ["image", "label"]).create_tuple_iterator(output_numpy=True))
        assert len(rows) == 3 and rows[0][0].shape == (4, 10, 14, 3) and rows[0][1].dtype == np.float32
        np.testing.assert_allclose(rows[0][1].sum(1), 1, rtol=1e-6)


def test_decode_and_pil_path():
    raw = np.fromfile(os.path.join(DECODE_DIR, "smooth.jpg"), np.uint8)
    arr = vision.Decode()(raw)
    np.testing.assert_array_equal(arr, np.asarray(Image.open(os.path.join(DECODE_DIR, "smooth.jpg")).convert("RGB")))
    pil = vision.Decode(to_pil=True)(raw)
    assert isinstance(pil, Image.Image) and pil.mode == "RGB"
    gif = vision.Decode(to_pil=True)(np.fromfile(os.path.join(DECODE_DIR, "rgb.gif"), np.uint8))
    assert gif.size == (16, 12)
    # MindSpore 2.10 exits the whole process on a truncated JPEG; minispore raises
    trunc = np.fromfile(os.path.join(DECODE_DIR, "trunc.jpg"), np.uint8)
    with pytest.raises(RuntimeError, match="(?i)decode failed.*(broken|truncated)"):
        vision.Decode()(trunc)
    with pytest.raises(RuntimeError, match=r"unsupported image type \[gif\]"):
        vision.Decode()(np.fromfile(os.path.join(DECODE_DIR, "rgb.gif"), np.uint8))
    with pytest.raises(TypeError):
        vision.Decode()(arr)
    # PIL in, PIL out for the transforms MindSpore runs with Pillow; arrays out for the others
    p = Image.fromarray(IMG)
    for op in (vision.Resize((5, 6)), vision.CenterCrop(4), vision.RandomCrop(4), vision.RandomResizedCrop(4),
               vision.Pad(1), vision.RandomRotation(10), vision.RandomColorAdjust(0.2), vision.Grayscale()):
        assert isinstance(op(p), Image.Image), op
    for op in (vision.Normalize([1], [2]), vision.HWC2CHW(), vision.ToTensor(), vision.Rescale(1, 0)):
        assert isinstance(op(p), np.ndarray), op
    np.testing.assert_array_equal(np.asarray(vision.Resize((5, 6))(p)), np.asarray(p.resize((6, 5), Image.BILINEAR)))
    np.testing.assert_array_equal(np.asarray(vision.ToPIL()(IMG)), IMG)
    with pytest.raises(TypeError, match="PIL"):
        vision.Grayscale()(IMG)


def test_pil_images_flow_through_one_map():
    seen = []

    def spy(im):
        seen.append(type(im).__name__)
        return im
    d = ds.NumpySlicesDataset({"image": BLOCK[:3]}, shuffle=False).map([vision.ToPIL(), spy, vision.Grayscale(3)],
                                                                       "image")
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert seen == ["Image"] * 3
    assert rows[0][0].shape == (10, 14, 3) and rows[0][0].dtype == np.uint8     # made an array at the map's end
    assert (rows[0][0][..., 0] == rows[0][0][..., 2]).all()


def test_numpy_slices_of_encoded_images():
    files = ["rgb.png", "smooth.jpg", "rgb.bmp"]
    blobs = [np.fromfile(os.path.join(DECODE_DIR, f), np.uint8) for f in files]      # of different lengths
    d = ds.NumpySlicesDataset({"data": blobs}, shuffle=False)
    assert d.get_dataset_size() == 3
    raw = [r[0] for r in d.create_tuple_iterator(output_numpy=True)]
    assert [len(r) for r in raw] == [len(b) for b in blobs]
    out = [r[0] for r in d.map(vision.Decode(), "data").create_tuple_iterator(output_numpy=True)]
    for f, o in zip(files, out):
        np.testing.assert_array_equal(o, np.asarray(Image.open(os.path.join(DECODE_DIR, f)).convert("RGB")))


def test_an_image_without_pixels_is_an_error_naming_the_transform():
    empty = np.zeros((0, 5, 3), np.uint8)
    for op in (vision.Resize((4, 4)), vision.Pad(1, padding_mode=vision.Border.EDGE)):
        with pytest.raises(RuntimeError, match="positive height and width"):
            op(empty)
