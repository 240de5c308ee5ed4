"""Reference ("golden") cases for mindspore.dataset's image sources (Cifar10Dataset, Cifar100Dataset,
FashionMnistDataset, ImageFolderDataset) and the vision transforms of MindSpore 2.10.

The same code runs under real MindSpore (``gen_dataset_vision.py`` records ``dataset_vision.json``) and under
minispore (``tests/test_golden_dataset_vision.py`` checks against the recording). ``cases(ms, root)`` builds
``(name, thunk)`` pairs on the framework module ``ms``; ``root`` is a folder made by ``make_data(root)``: the same
bytes in, so the same arrays must come out. Inputs are literals, seeded NumPy, or the image files committed under
``images/`` (see gen_dataset_vision.py); results are encoded with describe.py (a PIL image as ``[mode, size,
pixels]``, a long run of rows as its count and sha256).

Random transforms are only recorded where their randomness is pinned (a range of one value, prob 0 or 1, a crop
as large as the image); their statistics and seeding are tested in tests/dataset/test_vision_transforms.py.

Tables (as in cases_engine.py):

* ``DELIBERATE`` -- MindSpore 2.10's behaviour is a bug; minispore is checked against ``INSTEAD[name]`` or, where
  that is not given, only to differ.
* ``TOLERANCE`` -- kernels whose arithmetic minispore does not reproduce bit for bit: ``(max_abs, max_fraction)``,
  the largest difference allowed on any value and the largest fraction of values allowed to differ at all, as
  measured against MindSpore 2.10 when the recording was made (and said in the transform's docstring). OpenCV's
  arithmetic (fixed-point taps, FMA, float vertical passes, nudged remap weights) is reproduced closely enough
  that the table is empty today.
* ``NOTES`` -- observations worth knowing when a case fails.
"""
import hashlib
import os
import shutil

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "images")
DECODE_FILES = ["bw.png", "cmyk.jpg", "g16.png", "gray.jpg", "gray.png", "la.png", "pal.png", "prog.jpg", "rgb.bmp",
                "rgb.png", "rgb.tif", "rgba.png", "s444.jpg", "smooth.jpg"]
CIFAR_RECORDS = 10000


def _err(cls, *keywords):
    return {"error": cls, "keywords": list(keywords)}


DELIBERATE = {
    "folder/class_indexing_subset_size":
        "with class_indexing naming some folders, get_dataset_size() counts the files of every folder (6) while "
        "iterating gives the 4 rows of the named folders; minispore's size is the number of rows",
    "rotate/fill_rgb_ndarray":
        "RandomRotation on a NumPy RGB image fills the corners with (B, G, R): fill_value=(10, 20, 30) gives "
        "(30, 20, 10); its PIL path and the documentation say (R, G, B), which minispore does for both",
    "rotate/pil_gray_fill":
        "RandomRotation on a one-band PIL image fails inside Pillow ('color must be int or single-element "
        "tuple', MindSpore expands the int fill to a 3-tuple); minispore rotates it",
}

INSTEAD = {
    "folder/class_indexing_subset_size": {"int": 4},
}

# (max_abs, max_fraction) per case, measured against MindSpore 2.10 (see the module docstring)
TOLERANCE = {
    # empty: every kernel now reproduces MindSpore 2.10's values exactly on these inputs (uint8 bit for bit,
    # float32 within describe.compare's rtol). A kernel that cannot would be listed here with its measured size.
}

NOTES = {
    "cifar10/all_size": "MindSpore counts 10000 records per CIFAR-10 file without reading them",
    "decode/g16.png": "16-bit PNG: MindSpore (OpenCV) keeps the high byte of each sample",
    "decode/cmyk.jpg": "CMYK JPEG: MindSpore's and Pillow's conversions to RGB agree",
    "decode/error_gif": "MindSpore's C++ decoder rejects GIF (and dumps the file into the working directory)",
}


# ---------------------------------------------------------------------------------------------------- data files
def _write_cifar(path, n_records, record, seed, label_classes):
    """A full-size CIFAR file that is mostly zeros (sparse on disk): records at the start, middle and end are
    random (labels within range)."""
    rng = np.random.default_rng(seed)
    with open(path, "wb") as f:
        f.truncate(n_records * record)
        for i in list(range(0, 6)) + list(range(n_records // 2, n_records // 2 + 4)) + list(
                range(n_records - 5, n_records)):
            rec = rng.integers(0, 256, record).astype(np.uint8)
            for j, classes in enumerate(label_classes):
                rec[j] = rng.integers(0, classes)
            f.seek(i * record)
            f.write(rec.tobytes())


def _idx_images(n, seed):
    data = np.random.default_rng(seed).integers(0, 256, (n, 28, 28)).astype(np.uint8)
    return (2051).to_bytes(4, "big") + n.to_bytes(4, "big") + (28).to_bytes(4, "big") + (28).to_bytes(4, "big") \
        + data.tobytes()


def _idx_labels(n, seed):
    lab = np.random.default_rng(seed).integers(0, 10, n).astype(np.uint8)
    return (2049).to_bytes(4, "big") + n.to_bytes(4, "big") + lab.tobytes()


def make_data(root):
    """Write the inputs of the dataset cases under ``root`` (deterministic)."""
    c10 = os.path.join(root, "cifar10")
    os.makedirs(c10)
    for k, name in enumerate(["data_batch_1.bin", "data_batch_2.bin", "test_batch.bin"]):
        _write_cifar(os.path.join(c10, name), CIFAR_RECORDS, 3073, 100 + k, (10,))
    with open(os.path.join(c10, "readme.html"), "w") as f:
        f.write("not a .bin file")
    c100 = os.path.join(root, "cifar100")
    os.makedirs(c100)
    _write_cifar(os.path.join(c100, "train.bin"), 5 * CIFAR_RECORDS, 3074, 200, (20, 100))
    _write_cifar(os.path.join(c100, "test.bin"), CIFAR_RECORDS, 3074, 201, (20, 100))
    fm = os.path.join(root, "fmnist")
    os.makedirs(fm)
    for stem, n, seed in (("train", 7, 300), ("t10k", 5, 301)):
        with open(os.path.join(fm, f"{stem}-images-idx3-ubyte"), "wb") as f:
            f.write(_idx_images(n, seed))
        with open(os.path.join(fm, f"{stem}-labels-idx1-ubyte"), "wb") as f:
            f.write(_idx_labels(n, seed))
    shutil.copytree(os.path.join(IMAGES, "folder"), os.path.join(root, "folder"))
    os.makedirs(os.path.join(root, "folder", "empty"))         # git keeps no empty folder
    return root


# ---------------------------------------------------------------------------------------------------- helpers
def digest(dataset, columns=None):
    """(row count, sha256 over every row's columns: dtype, shape and bytes) of one pass, in order."""
    h = hashlib.sha256()
    n = 0
    for row in dataset.create_tuple_iterator(columns=columns, output_numpy=True):
        for a in row:
            a = np.ascontiguousarray(a)
            h.update(f"{a.dtype}{a.shape}".encode())
            h.update(a.tobytes())
        n += 1
    return n, h.hexdigest()


def labelled_digest(dataset):
    """The labels of every row (all columns but the first) and the digest of the whole."""
    labels = [[int(v) for v in list(r.values())[1:]] for r in rows(dataset)]
    return labels, digest(dataset)


def rows(dataset, n=None):
    out = []
    for r in dataset.create_dict_iterator(output_numpy=True):
        out.append(r)
        if n is not None and len(out) >= n:
            break
    return out


def sig(dataset):
    """Column names, size, and the (dtype, shape) of the first row's columns."""
    first = rows(dataset, 1)[0]
    return [dataset.get_col_names(), dataset.get_dataset_size(),
            [[str(v.dtype), list(v.shape)] for v in first.values()]]


def pil(img):
    """A PIL image as [mode, (width, height), pixels]; anything else as it is."""
    if hasattr(img, "mode") and hasattr(img, "size") and not isinstance(img, np.ndarray):
        return [img.mode, list(img.size), np.asarray(img)]
    return img


def kind(x):
    return "PIL" if hasattr(x, "mode") and not isinstance(x, np.ndarray) else type(x).__name__


def test_images():
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:12, 0:16]
    smooth = np.clip(np.stack([yy * 19 + xx * 6, 230 - xx * 11 + yy * 2, (yy * xx * 5) % 256], -1)
                     + rng.integers(-10, 11, (12, 16, 3)), 0, 255).astype(np.uint8)
    noise = rng.integers(0, 256, (12, 16, 3)).astype(np.uint8)
    return {"smooth": smooth, "noise": noise, "gray": noise[..., 0].copy(),
            "f32": (smooth.astype(np.float32) / np.float32(255)).astype(np.float32)}


def _read(path):
    return np.fromfile(path, np.uint8)


# ---------------------------------------------------------------------------------------------------- cases
def cases(ms, root):
    """The list of ``(name, thunk)`` pairs on framework ``ms`` and data folder ``root`` (``make_data``)."""
    dsm = ms.dataset
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

    c10, c100 = os.path.join(root, "cifar10"), os.path.join(root, "cifar100")
    fm, folder = os.path.join(root, "fmnist"), os.path.join(root, "folder")
    dec = os.path.join(IMAGES, "decode")

    # ---------------------------------------------------------------------------------------- CIFAR-10
    add("cifar10/sig", lambda: sig(dsm.Cifar10Dataset(c10, shuffle=False)))
    add("cifar10/types", lambda: [str(t) for t in dsm.Cifar10Dataset(c10, shuffle=False).output_types()])
    add("cifar10/all_size", lambda: dsm.Cifar10Dataset(c10).get_dataset_size())
    add("cifar10/train_size", lambda: dsm.Cifar10Dataset(c10, usage="train").get_dataset_size())
    add("cifar10/test_size", lambda: dsm.Cifar10Dataset(c10, usage="test").get_dataset_size())
    add("cifar10/first_rows", lambda: rows(dsm.Cifar10Dataset(c10, usage="train", shuffle=False), 2))
    add("cifar10/tensor_row", lambda: list(next(dsm.Cifar10Dataset(c10, usage="test", shuffle=False)
                                                .create_tuple_iterator())))
    add("cifar10/test_digest", lambda: digest(dsm.Cifar10Dataset(c10, usage="test", shuffle=False)))
    add("cifar10/all_digest", lambda: digest(dsm.Cifar10Dataset(c10, shuffle=False)))
    add("cifar10/subset_sampler", lambda: labelled_digest(dsm.Cifar10Dataset(
        c10, sampler=dsm.SubsetSampler([10003, 5001, 19999, 2, 15000]))))
    add("cifar10/num_samples", lambda: (lambda d: (d.get_dataset_size(), digest(d)))(
        dsm.Cifar10Dataset(c10, usage="test", num_samples=7, shuffle=False)))
    add("cifar10/shard", lambda: (lambda d: (d.get_dataset_size(), digest(d)))(
        dsm.Cifar10Dataset(c10, usage="test", num_shards=3, shard_id=1, shuffle=False)))
    add("cifar10/shard_sizes", lambda: [dsm.Cifar10Dataset(c10, num_shards=7, shard_id=k).get_dataset_size()
                                        for k in range(7)])
    add("cifar10/labels_column", lambda: digest(dsm.Cifar10Dataset(c10, usage="train", shuffle=False), ["label"]))
    add("cifar10/err_dir", lambda: dsm.Cifar10Dataset(os.path.join(root, "nope")), ["nope"])
    add("cifar10/err_file_as_dir", lambda: dsm.Cifar10Dataset(os.path.join(c10, "test_batch.bin")),
        ["test_batch.bin"])
    add("cifar10/err_usage", lambda: dsm.Cifar10Dataset(c10, usage="val"), ["usage"])
    add("cifar10/err_usage_type", lambda: dsm.Cifar10Dataset(c10, usage=3), ["usage"])
    add("cifar10/err_num_samples", lambda: dsm.Cifar10Dataset(c10, num_samples=-1), ["num_samples"])
    add("cifar10/err_shuffle", lambda: dsm.Cifar10Dataset(c10, shuffle=1), ["shuffle"])
    add("cifar10/err_shard_only", lambda: dsm.Cifar10Dataset(c10, num_shards=2), ["shard_id"])
    add("cifar10/err_shard_id", lambda: dsm.Cifar10Dataset(c10, num_shards=2, shard_id=2), ["shard_id"])
    add("cifar10/err_sampler_shuffle",
        lambda: dsm.Cifar10Dataset(c10, sampler=dsm.SequentialSampler(), shuffle=True), ["sampler", "shuffle"])
    add("cifar10/err_no_bin", lambda: dsm.Cifar10Dataset(fm).get_dataset_size(), [])
    add("cifar10/err_cifar100_files", lambda: dsm.Cifar10Dataset(c100).get_dataset_size(), [])

    # ---------------------------------------------------------------------------------------- CIFAR-100
    add("cifar100/sig", lambda: sig(dsm.Cifar100Dataset(c100, usage="test", shuffle=False)))
    add("cifar100/sizes", lambda: [dsm.Cifar100Dataset(c100, usage=u).get_dataset_size()
                                   for u in ("train", "test", "all")])
    add("cifar100/first_rows", lambda: rows(dsm.Cifar100Dataset(c100, usage="test", shuffle=False), 1))
    add("cifar100/test_digest", lambda: digest(dsm.Cifar100Dataset(c100, usage="test", shuffle=False)))
    add("cifar100/train_tail", lambda: labelled_digest(dsm.Cifar100Dataset(
        c100, usage="train", sampler=dsm.SubsetSampler([49999, 25001, 0]))))
    add("cifar100/all_order", lambda: labelled_digest(dsm.Cifar100Dataset(
        c100, sampler=dsm.SubsetSampler([50000, 49999]))))

    # ---------------------------------------------------------------------------------------- Fashion-MNIST
    add("fmnist/sig", lambda: sig(dsm.FashionMnistDataset(fm, shuffle=False)))
    add("fmnist/sizes", lambda: [dsm.FashionMnistDataset(fm, usage=u).get_dataset_size()
                                 for u in ("train", "test", "all")])
    add("fmnist/digest_all", lambda: digest(dsm.FashionMnistDataset(fm, shuffle=False)))
    add("fmnist/digest_train", lambda: digest(dsm.FashionMnistDataset(fm, usage="train", shuffle=False)))
    add("fmnist/labels", lambda: [int(r["label"]) for r in rows(dsm.FashionMnistDataset(fm, shuffle=False))])
    add("fmnist/first_row", lambda: rows(dsm.FashionMnistDataset(fm, usage="test", shuffle=False), 1))
    add("fmnist/shard", lambda: digest(dsm.FashionMnistDataset(fm, num_shards=2, shard_id=1, shuffle=False)))
    add("fmnist/err_usage", lambda: dsm.FashionMnistDataset(fm, usage="valid"), ["usage"])
    add("fmnist/err_dir", lambda: dsm.FashionMnistDataset(os.path.join(root, "nope")), ["nope"])

    # ---------------------------------------------------------------------------------------- ImageFolder
    IF = dsm.ImageFolderDataset
    add("folder/sig_raw", lambda: sig(IF(folder, shuffle=False)))
    add("folder/sig_decoded", lambda: sig(IF(folder, shuffle=False, decode=True)))
    add("folder/class_indexing", lambda: IF(folder).get_class_indexing())
    add("folder/class_indexing_through_pipeline", lambda: IF(folder).map(
        ms.dataset.vision.Decode(), "image").batch(2).get_class_indexing())
    add("folder/class_indexing_other_sources", lambda: [dsm.NumpySlicesDataset(np.arange(3)).get_class_indexing(),
                                                        dsm.Cifar10Dataset(c10).get_class_indexing()])
    add("folder/labels", lambda: [int(r["label"]) for r in rows(IF(folder, shuffle=False))])
    add("folder/raw_digest", lambda: digest(IF(folder, shuffle=False)))
    add("folder/raw_lengths", lambda: [int(r["image"].shape[0]) for r in rows(IF(folder, shuffle=False))])
    add("folder/decoded_digest", lambda: digest(IF(folder, shuffle=False, decode=True)))
    add("folder/decoded_shapes", lambda: [list(r["image"].shape) for r in rows(IF(folder, shuffle=False,
                                                                                  decode=True))])
    add("folder/decoded_first", lambda: rows(IF(folder, shuffle=False, decode=True), 2))
    add("folder/extensions_png", lambda: (lambda d: (d.get_dataset_size(), [int(r["label"]) for r in rows(d)],
                                                     digest(d)))(IF(folder, shuffle=False, extensions=[".png"])))
    add("folder/extensions_case", lambda: IF(folder, shuffle=False, extensions=[".PNG", ".jpg"]).get_dataset_size())
    add("folder/class_indexing_given", lambda: (lambda d: (d.get_class_indexing(),
                                                           [int(r["label"]) for r in rows(d)]))(
        IF(folder, shuffle=False, class_indexing={"bird": 0, "cat": 1, "dog": 2, "empty": 3})))
    add("folder/class_indexing_subset", lambda: (lambda d: (d.get_class_indexing(),
                                                            [int(r["label"]) for r in rows(d)]))(
        IF(folder, shuffle=False, extensions=[".png", ".jpg"], class_indexing={"dog": 7, "cat": 5, "nope": 1})))
    add("folder/class_indexing_subset_size", lambda: IF(folder, shuffle=False, extensions=[".png", ".jpg"],
                                                        class_indexing={"dog": 7, "cat": 5}).get_dataset_size())
    add("folder/num_samples", lambda: (lambda d: (d.get_dataset_size(), digest(d)))(
        IF(folder, shuffle=False, num_samples=3)))
    add("folder/shards", lambda: [digest(IF(folder, shuffle=False, num_shards=3, shard_id=k)) for k in range(3)])
    add("folder/sampler", lambda: [int(r["label"]) for r in rows(IF(folder, sampler=dsm.SubsetSampler([7, 0, 4])))])
    add("folder/pipeline", lambda: (lambda d: (d.get_dataset_size(), sig(d), digest(d)))(
        IF(folder, shuffle=False, decode=True).map(ms.dataset.vision.Resize((6, 6)), "image").batch(3)))
    mean, std = [0.485 * 255, 0.456 * 255, 0.406 * 255], [0.229 * 255, 0.224 * 255, 0.225 * 255]
    add("folder/eval_pipeline", lambda: (lambda d: (sig(d), digest(d)))(IF(folder, shuffle=False, decode=True).map(
        [ms.dataset.vision.Resize(9), ms.dataset.vision.CenterCrop(7), ms.dataset.vision.Normalize(mean, std),
         ms.dataset.vision.HWC2CHW()], "image").batch(4, drop_remainder=True)))
    add("folder/train_pipeline_sig", lambda: sig(IF(folder, decode=True).map(
        [ms.dataset.vision.RandomResizedCrop(7), ms.dataset.vision.RandomHorizontalFlip(),
         ms.dataset.vision.Normalize(mean, std), ms.dataset.vision.HWC2CHW()], "image").batch(3)))
    add("folder/pipeline_raw_decode", lambda: digest(IF(folder, shuffle=False).map(
        [ms.dataset.vision.Decode(), ms.dataset.vision.CenterCrop(5)], "image")))
    add("folder/err_extensions_str", lambda: IF(folder, extensions=".png"), ["extensions"])
    add("folder/err_class_indexing_list", lambda: IF(folder, class_indexing=["cat"]), ["class_indexing"])
    add("folder/err_decode_int", lambda: IF(folder, decode=1), ["decode"])
    add("folder/err_dir", lambda: IF(os.path.join(root, "nope")), ["nope"])
    add("folder/err_empty", lambda: IF(os.path.join(folder, "empty")).get_dataset_size())

    # ---------------------------------------------------------------------------------------- transforms
    vis = ms.dataset.vision
    Inter, Border = vis.Inter, vis.Border
    imgs = test_images()

    def img(name):
        return imgs[name].copy()

    def pil_of(name):
        from PIL import Image
        return Image.fromarray(imgs[name] if name != "f32" else imgs["smooth"])

    # Decode
    for f in DECODE_FILES:
        add(f"decode/{f}", lambda f=f: vis.Decode()(_read(os.path.join(dec, f))))
        add(f"decode_pil/{f}", lambda f=f: pil(vis.Decode(to_pil=True)(_read(os.path.join(dec, f)))))
    add("decode/bytes_input", lambda: vis.Decode()(open(os.path.join(dec, "rgb.png"), "rb").read()))
    add("decode_pil/rgb.gif", lambda: pil(vis.Decode(to_pil=True)(_read(os.path.join(dec, "rgb.gif")))))
    add("decode_pil/rgb.webp", lambda: pil(vis.Decode(to_pil=True)(_read(os.path.join(dec, "rgb.webp")))))
    add("decode/error_gif", lambda: vis.Decode()(_read(os.path.join(dec, "rgb.gif"))), ["gif"])
    add("decode/error_webp", lambda: vis.Decode()(_read(os.path.join(dec, "rgb.webp"))), ["webp"])
    add("decode/error_garbage", lambda: vis.Decode()(_read(os.path.join(dec, "garbage.png"))), ["decode"])
    add("decode/error_trunc_png", lambda: vis.Decode()(_read(os.path.join(dec, "trunc.png"))), ["decode"])
    add("decode/error_empty", lambda: vis.Decode()(np.zeros(0, np.uint8)))
    add("decode/error_2d", lambda: vis.Decode()(np.zeros((2, 2), np.uint8)), ["dimensions", "2"])
    add("decode/error_str", lambda: vis.Decode()("image.png"), ["type"])
    add("decode/error_pil_input", lambda: vis.Decode()(pil_of("noise")), ["type"])
    add("decode_pil/error_garbage", lambda: vis.Decode(to_pil=True)(_read(os.path.join(dec, "garbage.png"))),
        ["decode"])
    add("decode/error_to_pil_int", lambda: vis.Decode(to_pil=1), ["to_pil"])
    add("decode/pipeline", lambda: digest(dsm.NumpySlicesDataset(
        {"data": [_read(os.path.join(dec, f)) for f in ("rgb.png", "rgb.bmp", "smooth.jpg")]},
        shuffle=False).map(vis.Decode(), "data")))

    # Resize
    for src in ("smooth", "noise"):
        add(f"resize/linear_down/{src}", lambda s=src: vis.Resize((7, 9))(img(s)))
        add(f"resize/linear_up/{src}", lambda s=src: vis.Resize((20, 30))(img(s)))
        add(f"resize/linear_half/{src}", lambda s=src: vis.Resize((6, 8))(img(s)))
        add(f"resize/nearest_down/{src}", lambda s=src: vis.Resize((7, 9), Inter.NEAREST)(img(s)))
        add(f"resize/nearest_up/{src}", lambda s=src: vis.Resize((20, 30), Inter.NEAREST)(img(s)))
        add(f"resize/cubic_down/{src}", lambda s=src: vis.Resize((7, 9), Inter.BICUBIC)(img(s)))
        add(f"resize/cubic_up/{src}", lambda s=src: vis.Resize((20, 30), Inter.BICUBIC)(img(s)))
        add(f"resize/area_down/{src}", lambda s=src: vis.Resize((7, 9), Inter.AREA)(img(s)))
        add(f"resize/area_half/{src}", lambda s=src: vis.Resize((6, 8), Inter.AREA)(img(s)))
        add(f"resize/area_third/{src}", lambda s=src: vis.Resize((4, 4), Inter.AREA)(img(s)))
        add(f"resize/area_up/{src}", lambda s=src: vis.Resize((20, 30), Inter.AREA)(img(s)))
        add(f"resize/pilcubic_down/{src}", lambda s=src: vis.Resize((7, 9), Inter.PILCUBIC)(img(s)))
        add(f"resize/pilcubic_up/{src}", lambda s=src: vis.Resize((20, 30), Inter.PILCUBIC)(img(s)))
        for m in ("NEAREST", "BILINEAR", "BICUBIC", "ANTIALIAS"):
            add(f"resize/pil_{m.lower()}/{src}", lambda s=src, m=m: pil(vis.Resize((7, 9), getattr(Inter, m))(
                pil_of(s))))
    add("resize/linear_int/noise", lambda: vis.Resize(13)(img("noise")))
    add("resize/linear_int_down/noise", lambda: vis.Resize(5)(img("noise")))
    add("resize/pil_int/noise", lambda: pil(vis.Resize(5)(pil_of("noise"))))
    add("resize/linear_gray", lambda: vis.Resize((7, 9))(img("gray")))
    add("resize/linear_down/f32", lambda: vis.Resize((7, 9))(img("f32")))
    add("resize/linear_up/f32", lambda: vis.Resize((20, 30))(img("f32")))
    add("resize/cubic_down/f32", lambda: vis.Resize((7, 9), Inter.BICUBIC)(img("f32")))
    add("resize/cubic_up/f32", lambda: vis.Resize((20, 30), Inter.BICUBIC)(img("f32")))
    add("resize/area_down/f32", lambda: vis.Resize((7, 9), Inter.AREA)(img("f32")))
    add("resize/nearest_up/f32", lambda: vis.Resize((20, 30), Inter.NEAREST)(img("f32")))
    add("resize/shapes", lambda: [list(vis.Resize(s)(np.zeros(shape, np.uint8)).shape)
                                  for s in (4, 7, 13) for shape in ((7, 10, 3), (10, 7, 3), (3, 100, 1))])
    add("resize/err_zero", lambda: vis.Resize(0), ["16777216"])
    add("resize/err_negative_pair", lambda: vis.Resize((4, -1)), ["size"])
    add("resize/err_str", lambda: vis.Resize("4"), ["size"])
    add("resize/err_inter_type", lambda: vis.Resize(4, 2), ["interpolation"])
    add("resize/err_inter_none", lambda: vis.Resize(4, None), ["interpolation"])
    add("resize/err_antialias_ndarray", lambda: vis.Resize(4, Inter.ANTIALIAS)(img("noise")))
    add("resize/err_area_pil", lambda: vis.Resize(4, Inter.AREA)(pil_of("noise")), ["interpolation"])
    add("resize/err_1d", lambda: vis.Resize(4)(np.zeros(5, np.uint8)))

    # CenterCrop
    for s in ((4, 4), (3, 5), (5, 9), (12, 16), (14, 20), (13, 17), (5, 20), 6):
        key = "x".join(map(str, s)) if isinstance(s, tuple) else str(s)
        add(f"center_crop/{key}", lambda s=s: vis.CenterCrop(s)(img("noise")))
        add(f"center_crop_pil/{key}", lambda s=s: pil(vis.CenterCrop(s)(pil_of("noise"))))
    add("center_crop/gray", lambda: vis.CenterCrop((5, 7))(img("gray")))
    add("center_crop/f32", lambda: vis.CenterCrop((5, 7))(img("f32")))
    add("center_crop/err_size", lambda: vis.CenterCrop(0), ["16777216"])
    add("center_crop/err_size_type", lambda: vis.CenterCrop(2.5), ["size"])

    # Pad
    for mode in ("CONSTANT", "EDGE", "REFLECT", "SYMMETRIC"):
        for p in (2, (1, 3), (1, 2, 3, 4)):
            key = "_".join(map(str, p)) if isinstance(p, tuple) else str(p)
            add(f"pad/{mode.lower()}/{key}", lambda m=mode, p=p: vis.Pad(p, fill_value=(1, 2, 3),
                                                                         padding_mode=getattr(Border, m))(img("noise")))
            add(f"pad_pil/{mode.lower()}/{key}", lambda m=mode, p=p: pil(vis.Pad(
                p, fill_value=(1, 2, 3), padding_mode=getattr(Border, m))(pil_of("noise"))))
    add("pad/gray_fill_tuple", lambda: vis.Pad(2, fill_value=(9, 8, 7))(img("gray")))
    add("pad/f32", lambda: vis.Pad((1, 2), fill_value=5)(img("f32")))
    add("pad/err_padding_len", lambda: vis.Pad((1, 2, 3)), ["padding"])
    add("pad/err_padding_negative", lambda: vis.Pad(-1))
    add("pad/err_padding_float", lambda: vis.Pad(1.5), ["padding"])
    add("pad/err_fill", lambda: vis.Pad(1, fill_value=(1, 2)), ["fill_value"])
    add("pad/err_fill_range", lambda: vis.Pad(1, fill_value=256))
    add("pad/err_mode", lambda: vis.Pad(1, padding_mode="edge"), ["padding_mode"])

    # RandomCrop, with its randomness pinned (the crop is the whole padded image)
    for mode in ("CONSTANT", "EDGE", "REFLECT", "SYMMETRIC"):
        add(f"random_crop/pad_{mode.lower()}", lambda m=mode: vis.RandomCrop(
            (16, 22), padding=(3, 2), fill_value=(4, 5, 6), padding_mode=getattr(Border, m))(img("noise")))
        add(f"random_crop_pil/pad_{mode.lower()}", lambda m=mode: pil(vis.RandomCrop(
            (16, 22), padding=(3, 2), fill_value=(4, 5, 6), padding_mode=getattr(Border, m))(pil_of("noise"))))
    add("random_crop/full", lambda: vis.RandomCrop((12, 16))(img("noise")))
    add("random_crop/pad_if_needed_shape", lambda: list(vis.RandomCrop((15, 20), pad_if_needed=True)(
        img("noise")).shape))
    add("random_crop/err_too_big", lambda: vis.RandomCrop(20)(img("noise")))
    add("random_crop_pil/err_too_big", lambda: vis.RandomCrop(20)(pil_of("noise")))
    add("random_crop/err_pad_if_needed", lambda: vis.RandomCrop(4, pad_if_needed=1), ["pad_if_needed"])
    add("random_crop/err_padding", lambda: vis.RandomCrop(4, padding=(1, 2, 3)), ["padding"])
    add("random_crop/err_fill", lambda: vis.RandomCrop(4, fill_value=-1))

    # RandomResizedCrop (pinned: the whole image, scale 1 and its own aspect ratio)
    add("random_resized_crop/whole_linear", lambda: vis.RandomResizedCrop((7, 9), scale=(1, 1), ratio=(4 / 3, 4 / 3))(
        img("smooth")))
    add("random_resized_crop/whole_nearest", lambda: vis.RandomResizedCrop(
        (7, 9), scale=(1, 1), ratio=(4 / 3, 4 / 3), interpolation=Inter.NEAREST)(img("smooth")))
    add("random_resized_crop_pil/whole", lambda: pil(vis.RandomResizedCrop(
        (7, 9), scale=(1, 1), ratio=(4 / 3, 4 / 3))(pil_of("smooth"))))
    add("random_resized_crop/shape", lambda: [list(vis.RandomResizedCrop(s)(img("noise")).shape)
                                              for s in (5, (4, 9), (30, 20))])
    add("random_resized_crop/fallback_center", lambda: vis.RandomResizedCrop(
        (6, 6), scale=(4, 5), ratio=(1, 1), max_attempts=1)(img("noise")))
    add("random_resized_crop/err_scale_order", lambda: vis.RandomResizedCrop(4, scale=(0.9, 0.1)), ["scale"])
    add("random_resized_crop/err_ratio_len", lambda: vis.RandomResizedCrop(4, ratio=(0.9,)), ["ratio"])
    add("random_resized_crop/err_ratio_zero", lambda: vis.RandomResizedCrop(4, ratio=(0, 1)))
    add("random_resized_crop/err_attempts", lambda: vis.RandomResizedCrop(4, max_attempts=0))
    add("random_resized_crop/err_inter", lambda: vis.RandomResizedCrop(4, interpolation="bilinear"),
        ["interpolation"])

    # flips
    for name in ("RandomHorizontalFlip", "RandomVerticalFlip"):
        add(f"flip/{name}_1", lambda n=name: getattr(vis, n)(1.0)(img("noise")))
        add(f"flip/{name}_0", lambda n=name: getattr(vis, n)(0.0)(img("noise")))
        add(f"flip/{name}_gray", lambda n=name: getattr(vis, n)(1)(img("gray")))
        add(f"flip/{name}_pil", lambda n=name: pil(getattr(vis, n)(1.0)(pil_of("noise"))))
        add(f"flip/{name}_err_prob", lambda n=name: getattr(vis, n)(1.5), ["prob"])
        add(f"flip/{name}_err_prob_type", lambda n=name: getattr(vis, n)("1"), ["prob"])
    for name in ("HorizontalFlip", "VerticalFlip"):
        add(f"flip/{name}", lambda n=name: getattr(vis, n)()(img("noise")))
        add(f"flip/{name}_pil_kind", lambda n=name: kind(getattr(vis, n)()(pil_of("noise"))))
        add(f"flip/{name}_chw", lambda n=name: getattr(vis, n)()(img("f32").transpose(2, 0, 1).copy()))

    # RandomRotation, pinned to one angle
    for deg in (30, -45, 90, 17.3):
        for res, rname in ((Inter.NEAREST, "nearest"), (Inter.BILINEAR, "bilinear"), (Inter.BICUBIC, "bicubic")):
            add(f"rotate/{rname}/{deg}", lambda d=deg, r=res: vis.RandomRotation((d, d), resample=r)(img("noise")))
            add(f"rotate/{rname}_expand/{deg}", lambda d=deg, r=res: vis.RandomRotation(
                (d, d), resample=r, expand=True)(img("noise")))
        add(f"rotate_pil/{deg}", lambda d=deg: pil(vis.RandomRotation((d, d), resample=Inter.BILINEAR, fill_value=(
            10, 20, 30))(pil_of("noise"))))
        add(f"rotate_pil_expand/{deg}", lambda d=deg: pil(vis.RandomRotation((d, d), expand=True)(pil_of("noise"))))
    add("rotate/center", lambda: vis.RandomRotation((30, 30), center=(2, 3))(img("noise")))
    add("rotate/f32", lambda: vis.RandomRotation((30, 30), resample=Inter.BILINEAR)(img("f32")))
    add("rotate/gray_fill", lambda: vis.RandomRotation((30, 30), resample=Inter.BILINEAR, fill_value=7)(img("gray")))
    add("rotate/fill_int", lambda: vis.RandomRotation((30, 30), fill_value=200)(img("noise")))
    add("rotate/fill_rgb_ndarray", lambda: vis.RandomRotation((30, 30), fill_value=(10, 20, 30))(img("noise")))
    add("rotate/pil_gray_fill", lambda: pil(vis.RandomRotation((30, 30), fill_value=7)(pil_of("noise").convert("L"))))
    add("rotate/zero_range", lambda: vis.RandomRotation(0)(img("noise")))
    add("rotate/err_degrees_neg", lambda: vis.RandomRotation(-5), ["degrees"])
    add("rotate/err_degrees_order", lambda: vis.RandomRotation((30, 10)), ["degrees"])
    add("rotate/err_degrees_len", lambda: vis.RandomRotation((1, 2, 3)), ["degrees"])
    add("rotate/err_resample", lambda: vis.RandomRotation(5, resample=0), ["resample"])
    add("rotate/err_expand", lambda: vis.RandomRotation(5, expand=1), ["expand"])
    add("rotate/err_center", lambda: vis.RandomRotation(5, center=(1, 2, 3)), ["center"])
    add("rotate/err_fill", lambda: vis.RandomRotation(5, fill_value=(1, 2)), ["fill_value"])

    # RandomColorAdjust, one adjustment at a time with a range of one value (so the random order does not matter)
    single = {"brightness": dict(brightness=(1.3, 1.3)), "contrast": dict(contrast=(0.6, 0.6)),
              "saturation": dict(saturation=(1.7, 1.7)), "hue_pos": dict(hue=(0.2, 0.2)),
              "hue_neg": dict(hue=(-0.3, -0.3)), "identity": {}}
    for key, kw in single.items():
        add(f"color/{key}", lambda kw=kw: vis.RandomColorAdjust(**kw)(img("smooth")))
    # the Pillow path applies all four adjustments (identities too, and the hue's lossy HSV round trip) in a
    # random order, so only the identity is pinned
    add("color_pil/identity", lambda: pil(vis.RandomColorAdjust()(pil_of("smooth"))))
    add("color/brightness_f32", lambda: vis.RandomColorAdjust(brightness=(1.3, 1.3))(img("f32")))
    add("color/err_gray", lambda: vis.RandomColorAdjust(brightness=(1.3, 1.3))(img("gray")))
    add("color/err_brightness_neg", lambda: vis.RandomColorAdjust(brightness=-1), ["brightness"])
    add("color/err_contrast_order", lambda: vis.RandomColorAdjust(contrast=(2, 1)), ["contrast"])
    add("color/err_hue_range", lambda: vis.RandomColorAdjust(hue=(-0.6, 0.1)))
    add("color/err_saturation_type", lambda: vis.RandomColorAdjust(saturation="1"), ["saturation"])
    add("color/err_len", lambda: vis.RandomColorAdjust(brightness=(1, 2, 3)), ["brightness"])

    # conversions
    add("normalize/hwc", lambda: vis.Normalize([10.5, 100, 200], [20, 30.5, 40])(img("noise")))
    add("normalize/chw", lambda: vis.Normalize([10.5, 100, 200], [20, 30.5, 40], is_hwc=False)(
        img("noise").transpose(2, 0, 1).copy()))
    add("normalize/pil", lambda: vis.Normalize([10.5, 100, 200], [20, 30.5, 40])(pil_of("noise")))
    add("normalize/one_value", lambda: vis.Normalize([100], [50])(img("noise")))
    add("normalize/err_channels", lambda: vis.Normalize([1, 2], [1, 2])(img("noise")))
    add("normalize/err_std", lambda: vis.Normalize([1], [0]), ["std"])
    add("normalize/err_mean", lambda: vis.Normalize([256], [1]), ["mean"])
    add("normalize/err_len", lambda: vis.Normalize([1, 2], [1]))
    add("rescale/values", lambda: vis.Rescale(1 / 255, -0.5)(img("noise")))
    add("rescale/pil", lambda: vis.Rescale(2.0, 1)(pil_of("noise")))
    add("rescale/err_type", lambda: vis.Rescale("1", 0), ["rescale"])
    add("hwc2chw/values", lambda: vis.HWC2CHW()(img("noise")))
    add("hwc2chw/gray", lambda: vis.HWC2CHW()(img("gray")))
    add("hwc2chw/pil", lambda: vis.HWC2CHW()(pil_of("noise")))
    add("to_tensor/hwc", lambda: vis.ToTensor()(img("noise")))
    add("to_tensor/gray", lambda: vis.ToTensor()(img("gray")))
    add("to_tensor/pil", lambda: vis.ToTensor()(pil_of("noise")))
    add("to_tensor/float64", lambda: vis.ToTensor(np.float64)(img("noise")))
    add("grayscale/1", lambda: pil(vis.Grayscale()(pil_of("noise"))))
    add("grayscale/3", lambda: pil(vis.Grayscale(3)(pil_of("noise"))))
    add("grayscale/err_ndarray", lambda: vis.Grayscale()(img("noise")), ["PIL"])
    add("grayscale/err_channels", lambda: vis.Grayscale(2))
    add("to_pil/hwc", lambda: pil(vis.ToPIL()(img("noise"))))
    add("to_pil/hw", lambda: pil(vis.ToPIL()(img("gray"))))
    add("to_pil/f32_hw", lambda: pil(vis.ToPIL()(img("f32")[..., 0].copy())))
    add("to_pil/rgba", lambda: pil(vis.ToPIL()(np.dstack([img("noise"), img("gray")]))))
    add("to_pil/err_channels", lambda: vis.ToPIL()(np.zeros((4, 4, 5), np.uint8)), ["channel"])
    add("to_pil/err_dtype", lambda: vis.ToPIL()(np.zeros((4, 4, 3), np.float32)), ["float32"])
    add("to_pil/err_rank", lambda: vis.ToPIL()(np.zeros((2, 4, 4, 3), np.uint8)), ["dimension"])
    add("pil_pipeline/topil_resize_totensor", lambda: digest(dsm.NumpySlicesDataset(
        {"image": np.stack([img("smooth"), img("noise")])}, shuffle=False).map(
        [vis.ToPIL(), vis.Resize((5, 7)), vis.ToTensor()], "image")))
    add("pil_pipeline/ends_pil", lambda: sig(dsm.NumpySlicesDataset(
        {"image": np.stack([img("smooth"), img("noise")])}, shuffle=False).map([vis.ToPIL(), vis.Grayscale()],
                                                                               "image")))
    add("pil_pipeline/decode_pil_crop", lambda: digest(dsm.NumpySlicesDataset(
        {"data": [_read(os.path.join(dec, f)) for f in ("rgb.png", "smooth.jpg")]}, shuffle=False).map(
        [vis.Decode(to_pil=True), vis.CenterCrop(5), vis.RandomHorizontalFlip(1.0)], "data")))

    # RandomErasing, MixUpBatch, CutMixBatch (pinned, or structure only)
    add("erase/prob0", lambda: vis.RandomErasing(prob=0.0)(img("f32").transpose(2, 0, 1).copy()))
    add("erase/shape_dtype", lambda: (lambda o: [list(o.shape), str(o.dtype)])(
        vis.RandomErasing(prob=1.0)(img("f32").transpose(2, 0, 1).copy())))
    add("erase/err_pil", lambda: vis.RandomErasing(prob=1.0)(pil_of("noise")), ["NumPy"])
    add("erase/err_value", lambda: vis.RandomErasing(value="noise"), ["value"])
    add("erase/err_scale", lambda: vis.RandomErasing(scale=(0.5, 0.1)), ["scale"])
    add("erase/err_prob", lambda: vis.RandomErasing(prob=2), ["prob"])
    add("erase/err_inplace", lambda: vis.RandomErasing(inplace=1), ["inplace"])
    labels = np.eye(4, dtype=np.int32)[[0, 1, 2, 3, 1]]
    batch = np.stack([img("noise")] * 2 + [img("smooth")] * 3)
    add("mix/cutmix_prob0", lambda: vis.CutMixBatch(vis.ImageBatchFormat.NHWC, 1.0, 0.0)(batch.copy(), labels))
    add("mix/cutmix_shapes", lambda: (lambda o: [[list(a.shape), str(a.dtype)] for a in o])(
        vis.CutMixBatch(vis.ImageBatchFormat.NCHW)(batch.transpose(0, 3, 1, 2).copy(), labels)))
    add("mix/mixup_shapes", lambda: (lambda o: [[list(a.shape), str(a.dtype)] for a in o])(
        vis.MixUpBatch(0.5)(batch.copy(), labels)))
    add("mix/mixup_label_sums", lambda: np.round(vis.MixUpBatch(0.5)(batch.copy(), labels)[1].sum(axis=1), 5))
    add("mix/mixup_err_unbatched", lambda: vis.MixUpBatch()(img("noise"), labels[0]))
    add("mix/cutmix_err_channels", lambda: vis.CutMixBatch(vis.ImageBatchFormat.NCHW)(batch.copy(), labels))
    add("mix/mixup_err_alpha", lambda: vis.MixUpBatch(0), ["alpha"])
    add("mix/cutmix_err_format", lambda: vis.CutMixBatch("NHWC"), ["image_batch_format"])
    add("mix/cutmix_err_prob", lambda: vis.CutMixBatch(vis.ImageBatchFormat.NHWC, 1.0, 1.5), ["prob"])

    def mix_pipeline(op):
        d = dsm.NumpySlicesDataset({"image": batch, "label": np.array([0, 1, 2, 3, 1], np.int32)}, shuffle=False)
        d = d.map(ms.dataset.transforms.OneHot(4), "label").batch(5)
        return d.map(op, ["image", "label"])
    add("mix/mixup_pipeline", lambda: sig(mix_pipeline(vis.MixUpBatch())))
    add("mix/mixup_pipeline_sums", lambda: rows(mix_pipeline(vis.MixUpBatch()))[0]["label"].sum(axis=1))
    add("mix/cutmix_pipeline", lambda: sig(mix_pipeline(vis.CutMixBatch(vis.ImageBatchFormat.NHWC))))
    add("mix/cutmix_pipeline_prob0", lambda: rows(mix_pipeline(vis.CutMixBatch(vis.ImageBatchFormat.NHWC, 1.0, 0.0))))

    return out
