"""Reference ("golden") cases for more of mindspore.dataset's sources and samplers (EMnistDataset, KMnistDataset,
QMnistDataset, USPSDataset, SVHNDataset, STL10Dataset, SemeionDataset, FakeImageDataset, RandomDataset,
PaddedDataset, WeightedRandomSampler, PKSampler) of MindSpore 2.10.

The same code runs under real MindSpore (``gen_loaders.py`` records ``loaders.json``) and under minispore
(``tests/test_golden_loaders.py``). ``cases(ms, root)`` builds ``(name, thunk)`` pairs; ``root`` is a folder made
by ``make_data(root)``: tiny files in each format, written from seeded NumPy (the same bytes in, so the same arrays
must come out). Random sources (FakeImageDataset, RandomDataset) and random samplers are recorded by their
deterministic properties only: column names, dtypes, shapes, counts, classes per batch.
"""
import os

import numpy as np

from cases_dataset_vision import digest, rows, sig

DELIBERATE = {}
NOTES = {}

# the names this family adds to minispore.dataset (test_every_added_name_has_a_row checks each has a row)
ADDED = ["EMnistDataset", "KMnistDataset", "QMnistDataset", "USPSDataset", "SVHNDataset", "STL10Dataset",
         "SemeionDataset", "FakeImageDataset", "RandomDataset", "PaddedDataset", "WeightedRandomSampler",
         "PKSampler"]


# ---------------------------------------------------------------------------------------------------- data files
def _idx(magic, arr):
    head = magic.to_bytes(4, "big") + b"".join(int(d).to_bytes(4, "big") for d in arr.shape)
    return head + arr.astype(">i4" if arr.dtype.kind == "i" and arr.itemsize == 4 else np.uint8).tobytes()


def _write(path, data, mode="wb"):
    with open(path, mode) as f:
        f.write(data)


def _mnist_pair(folder, img_name, lab_name, n, seed, classes=10):
    rng = np.random.default_rng(seed)
    _write(os.path.join(folder, img_name), _idx(2051, rng.integers(0, 256, (n, 28, 28)).astype(np.uint8)))
    _write(os.path.join(folder, lab_name), _idx(2049, rng.integers(0, classes, n).astype(np.uint8)))


def make_data(root):
    """Write the inputs of the loader cases under ``root`` (deterministic)."""
    d = os.path.join(root, "kmnist")
    os.makedirs(d)
    _mnist_pair(d, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", 5, 1)
    _mnist_pair(d, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 3, 2)
    d = os.path.join(root, "emnist")
    os.makedirs(d)
    for k, name in enumerate(["letters", "digits"]):
        for j, split in enumerate(["train", "test"]):
            _mnist_pair(d, f"emnist-{name}-{split}-images-idx3-ubyte", f"emnist-{name}-{split}-labels-idx1-ubyte",
                        4 - j, 10 + 2 * k + j, 27 if name == "letters" else 10)
    d = os.path.join(root, "qmnist")
    os.makedirs(d)
    for j, (stem, n) in enumerate((("qmnist-train", 4), ("qmnist-test", 3), ("xnist", 2))):
        rng = np.random.default_rng(20 + j)
        _write(os.path.join(d, f"{stem}-images-idx3-ubyte"),
               _idx(2051, rng.integers(0, 256, (n, 28, 28)).astype(np.uint8)))
        lab = rng.integers(0, 1000, (n, 8)).astype(np.int32)
        lab[:, 0] %= 10
        _write(os.path.join(d, f"{stem}-labels-idx2-int"), _idx(3074, lab))
    d = os.path.join(root, "usps")
    os.makedirs(d)
    for j, (name, n) in enumerate((("usps", 4), ("usps.t", 3))):
        rng = np.random.default_rng(30 + j)
        lines = []
        for i in range(n):
            vals = np.round(rng.uniform(-1, 1, 256), 6)
            lines.append(f"{int(rng.integers(1, 11))} " + " ".join(f"{k + 1}:{v:.6f}" for k, v in enumerate(vals)) + " ")
        _write(os.path.join(d, name), ("\n".join(lines) + "\n").encode())
    d = os.path.join(root, "svhn")
    os.makedirs(d)
    try:
        import scipy.io
    except ImportError:     # pragma: no cover - the SVHN cases then fail with a clear error
        scipy = None
    if scipy is not None:
        for j, (name, n) in enumerate((("train", 3), ("test", 2), ("extra", 2))):
            rng = np.random.default_rng(40 + j)
            scipy.io.savemat(os.path.join(d, f"{name}_32x32.mat"),
                             {"X": rng.integers(0, 256, (32, 32, 3, n)).astype(np.uint8),
                              "y": rng.integers(1, 11, (n, 1)).astype(np.uint8)})
    d = os.path.join(root, "stl10")
    os.makedirs(d)
    for j, (name, n) in enumerate((("train", 3), ("test", 2), ("unlabeled", 2))):
        rng = np.random.default_rng(50 + j)
        _write(os.path.join(d, f"{name}_X.bin"), rng.integers(0, 256, (n, 3, 96, 96)).astype(np.uint8).tobytes())
        if name != "unlabeled":
            _write(os.path.join(d, f"{name}_y.bin"), rng.integers(1, 11, n).astype(np.uint8).tobytes())
    d = os.path.join(root, "semeion")
    os.makedirs(d)
    rng = np.random.default_rng(60)
    lines = []
    for i in range(5):
        px = rng.integers(0, 2, 256)
        lab = np.eye(10, dtype=int)[int(rng.integers(0, 10))]
        lines.append(" ".join(f"{v}.0000" for v in px) + " " + " ".join(str(v) for v in lab) + " ")
    _write(os.path.join(d, "semeion.data"), ("\n".join(lines) + "\n").encode())
    return root


def labels(dataset, col="label"):
    return [np.asarray(r[col]).tolist() for r in rows(dataset)]


def structure(dataset):
    """Column names, size, and every row's (dtype, shape) per column (random values left out)."""
    out = []
    for r in dataset.create_dict_iterator(output_numpy=True):
        out.append([[k, str(v.dtype), list(v.shape)] for k, v in r.items()])
    return [dataset.get_col_names(), dataset.get_dataset_size(), out]


# ---------------------------------------------------------------------------------------------------- cases
def cases(ms, root):
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

    p = {k: os.path.join(root, k) for k in ("kmnist", "emnist", "qmnist", "usps", "svhn", "stl10", "semeion")}

    # KMNIST (MNIST's files)
    K = dsm.KMnistDataset
    add("kmnist/sig", lambda: sig(K(p["kmnist"], shuffle=False)))
    add("kmnist/sizes", lambda: [K(p["kmnist"], usage=u).get_dataset_size() for u in ("train", "test", "all")])
    add("kmnist/digest_all", lambda: digest(K(p["kmnist"], shuffle=False)))
    add("kmnist/labels", lambda: labels(K(p["kmnist"], shuffle=False)))
    add("kmnist/shard", lambda: labels(K(p["kmnist"], num_shards=3, shard_id=2, shuffle=False)))
    add("kmnist/num_samples", lambda: labels(K(p["kmnist"], usage="train", num_samples=2, shuffle=False)))
    add("kmnist/err_usage", lambda: K(p["kmnist"], usage="valid"), ["usage"])
    add("kmnist/err_dir", lambda: K(os.path.join(root, "nope")), ["nope"])

    # EMNIST
    E = dsm.EMnistDataset
    add("emnist/sig", lambda: sig(E(p["emnist"], "letters", shuffle=False)))
    add("emnist/sizes", lambda: [E(p["emnist"], n, usage=u).get_dataset_size()
                                 for n in ("letters", "digits") for u in ("train", "test", "all")])
    add("emnist/digest_all", lambda: digest(E(p["emnist"], "letters", shuffle=False)))
    add("emnist/digest_digits_test", lambda: digest(E(p["emnist"], "digits", usage="test", shuffle=False)))
    add("emnist/labels_all", lambda: labels(E(p["emnist"], "digits", usage="all", shuffle=False)))
    add("emnist/err_name", lambda: E(p["emnist"], "nope"), ["name"])
    add("emnist/err_usage", lambda: E(p["emnist"], "letters", usage="valid"), ["usage"])

    # QMNIST
    Q = dsm.QMnistDataset
    add("qmnist/sig", lambda: sig(Q(p["qmnist"], usage="train", shuffle=False)))
    add("qmnist/sig_nocompat", lambda: sig(Q(p["qmnist"], usage="train", compat=False, shuffle=False)))
    add("qmnist/sizes", lambda: [Q(p["qmnist"], usage=u).get_dataset_size()
                                 for u in ("train", "test", "nist", "all")])
    add("qmnist/digest_train", lambda: digest(Q(p["qmnist"], usage="train", shuffle=False)))
    add("qmnist/labels_all", lambda: labels(Q(p["qmnist"], usage="all", shuffle=False)))
    add("qmnist/labels_nocompat", lambda: labels(Q(p["qmnist"], usage="test", compat=False, shuffle=False)))
    add("qmnist/err_usage", lambda: Q(p["qmnist"], usage="valid"), ["usage"])

    # USPS
    U = dsm.USPSDataset
    add("usps/sig", lambda: sig(U(p["usps"], usage="train", shuffle=False)))
    add("usps/sizes", lambda: [U(p["usps"], usage=u).get_dataset_size() for u in ("train", "test", "all")])
    add("usps/digest_all", lambda: digest(U(p["usps"], shuffle=False)))
    add("usps/first_row", lambda: rows(U(p["usps"], usage="test", shuffle=False), 1))
    add("usps/labels", lambda: labels(U(p["usps"], shuffle=False)))
    add("usps/err_usage", lambda: U(p["usps"], usage="valid"), ["usage"])

    # SVHN
    S = dsm.SVHNDataset
    add("svhn/sig", lambda: sig(S(p["svhn"], usage="train", shuffle=False)))
    add("svhn/sizes", lambda: [S(p["svhn"], usage=u).get_dataset_size() for u in ("train", "test", "extra", "all")])
    add("svhn/digest_all", lambda: digest(S(p["svhn"], shuffle=False)))
    add("svhn/labels_all", lambda: labels(S(p["svhn"], shuffle=False)))
    add("svhn/err_usage", lambda: S(p["svhn"], usage="valid"), ["usage"])

    # STL-10
    T = dsm.STL10Dataset
    add("stl10/sig", lambda: sig(T(p["stl10"], usage="train", shuffle=False)))
    add("stl10/sizes", lambda: [T(p["stl10"], usage=u).get_dataset_size()
                                for u in ("train", "test", "unlabeled", "train+unlabeled", "all")])
    add("stl10/digest_train", lambda: digest(T(p["stl10"], usage="train", shuffle=False)))
    add("stl10/labels_all", lambda: labels(T(p["stl10"], usage="all", shuffle=False)))
    add("stl10/labels_train_unlabeled", lambda: labels(T(p["stl10"], usage="train+unlabeled", shuffle=False)))
    add("stl10/err_usage", lambda: T(p["stl10"], usage="valid"), ["usage"])

    # Semeion
    M = dsm.SemeionDataset
    add("semeion/sig", lambda: sig(M(p["semeion"], shuffle=False)))
    add("semeion/digest", lambda: digest(M(p["semeion"], shuffle=False)))
    add("semeion/first_row", lambda: rows(M(p["semeion"], shuffle=False), 1))
    add("semeion/labels", lambda: labels(M(p["semeion"], shuffle=False)))

    # FakeImageDataset (random pixels: structure and labels' range only)
    F = dsm.FakeImageDataset
    add("fake/structure", lambda: structure(F(num_images=3, image_size=(5, 4, 3), num_classes=4, shuffle=False)))
    add("fake/label_range", lambda: sorted({int(v) < 4 for v in labels(F(num_images=20, image_size=(2, 2, 1),
                                                                           num_classes=4))}))
    add("fake/num_samples", lambda: F(num_images=10, image_size=(2, 2, 3), num_samples=4).get_dataset_size())
    add("fake/err_num_images", lambda: F(num_images=0), ["num_images"])
    add("fake/err_image_size", lambda: F(image_size=(2, 2)), ["image_size"])

    # RandomDataset
    R = dsm.RandomDataset
    # without a schema MindSpore draws the number of columns at random: only their naming and the row count
    add("random/no_schema", lambda: (lambda d: [d.get_dataset_size(), all(c.startswith("c") and c[1:].isdigit()
                                                                            for c in d.get_col_names())])(
        R(total_rows=2)))
    add("random/schema", lambda: structure(R(schema=_schema(ms, [("img", "uint8", [2, 3]), ("lab", "int32", [1])]),
                                             total_rows=3)))
    # (a Schema's num_rows without total_rows crashes MindSpore 2.10 with a segmentation fault: not recorded)
    add("random/num_samples", lambda: R(schema=_schema(ms, [("x", "float32", [4])]), total_rows=6,
                                        num_samples=2).get_dataset_size())

    # PaddedDataset
    P = dsm.PaddedDataset
    pads = [{"image": np.arange(4, dtype=np.uint8).reshape(2, 2), "label": np.array(1, np.int32)},
            {"image": np.arange(4, 8, dtype=np.uint8).reshape(2, 2), "label": np.array(3, np.int32)}]
    add("padded/rows", lambda: rows(P(pads)))
    add("padded/sig", lambda: sig(P(pads)))
    add("padded/concat", lambda: _padded_concat(dsm, pads))
    add("padded/err_type", lambda: P([1, 2]), ["padded_element"])
    add("padded/err_empty", lambda: P([]), ["padded_samples"])

    # samplers
    data = {"label": np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 3], np.int32), "x": np.arange(10, dtype=np.int32)}
    add("weighted/count", lambda: dsm.NumpySlicesDataset(data, sampler=dsm.WeightedRandomSampler(
        [1] * 10, 7)).get_dataset_size())
    add("weighted/only_positive", lambda: sorted(set(labels(dsm.NumpySlicesDataset(data, sampler=dsm.WeightedRandomSampler(
        [0, 0, 0, 1, 0, 0, 0, 0, 0, 2], 12)), "x"))))
    add("weighted/no_replacement", lambda: sorted(labels(dsm.NumpySlicesDataset(
        data, sampler=dsm.WeightedRandomSampler([1] * 10, 10, replacement=False)), "x")))
    add("weighted/negative_accepted", lambda: dsm.WeightedRandomSampler([1, -1]).get_num_samples())
    add("weighted/err_num_samples", lambda: dsm.WeightedRandomSampler([1, 1], -2).get_num_samples(),
        ["num_samples"])
    # PKSampler on a labelled source (MindSpore refuses it on GeneratorDataset / NumpySlicesDataset)
    add("pk/size", lambda: K(p["kmnist"], sampler=dsm.PKSampler(2)).get_dataset_size())
    add("pk/labels", lambda: labels(K(p["kmnist"], sampler=dsm.PKSampler(2))))
    add("pk/per_class", lambda: _pk_counts(labels(K(p["kmnist"], sampler=dsm.PKSampler(3, None, True)))))
    add("pk/num_samples", lambda: K(p["kmnist"], sampler=dsm.PKSampler(2, num_samples=5)).get_dataset_size())
    add("pk/num_samples_labels", lambda: labels(K(p["kmnist"], sampler=dsm.PKSampler(1, num_samples=3))))
    add("pk/num_class", lambda: labels(E(p["emnist"], "digits", usage="train", sampler=dsm.PKSampler(1, 2))))
    add("pk/err_numpy_slices", lambda: dsm.NumpySlicesDataset(data, sampler=dsm.PKSampler(2)).get_dataset_size(),
        ["PKSampler"])
    # (which rows of a class MindSpore 2.10 picks depends on the process's earlier random draws, even unshuffled:
    # only the labels and counts are recorded)
    add("pk/num_val_zero", lambda: dsm.PKSampler(0).get_num_samples())
    add("pk/err_shuffle", lambda: dsm.PKSampler(2, shuffle=1).get_num_samples(), ["shuffle"])
    return out


def _pk_counts(labs):
    return sorted([[c, labs.count(c)] for c in set(labs)])


def _padded_concat(dsm, pads):
    base = dsm.NumpySlicesDataset({"image": np.zeros((3, 2, 2), np.uint8), "label": np.array([7, 8, 9], np.int32)},
                                  shuffle=False)
    both = base + dsm.PaddedDataset(pads)
    return [both.get_dataset_size(), [int(r["label"]) for r in rows(both)]]


def _schema(ms, cols, num_rows=None):
    s = ms.dataset.Schema()
    for name, dt, shape in cols:
        s.add_column(name, de_type=getattr(ms, dt), shape=shape)
    if num_rows is not None:
        s.num_rows = num_rows
    return s
