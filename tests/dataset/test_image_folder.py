"""ImageFolderDataset: listing, labels, decoding, sampling, unreadable files (and skip_unreadable), decrypt."""
import os
import shutil
import warnings

import numpy as np
import pytest
from PIL import Image

import minispore as ms
import minispore.dataset as ds

GOLDEN_FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden", "images",
                             "folder")


def _png(path, h, w, seed):
    a = np.random.default_rng(seed).integers(0, 256, (h, w, 3)).astype(np.uint8)
    Image.fromarray(a).save(path, format="PNG")
    return a


@pytest.fixture
def folder(tmp_path):
    """Three classes of PNGs (exact pixels known); 'empty' has no files."""
    truth = {}
    for k, cls in enumerate(["dog", "cat", "ant"]):
        (tmp_path / cls).mkdir()
        for j in range(2 + k % 2):
            name = f"{j}.png"
            truth[(cls, name)] = _png(tmp_path / cls / name, 4 + j, 5 + k, 10 * k + j)
    (tmp_path / "empty").mkdir()
    (tmp_path / "stray.png").write_bytes(b"not in a class folder")
    return tmp_path, truth


def _rows(d):
    return list(d.create_dict_iterator(output_numpy=True))


def test_classes_labels_order_and_raw_bytes(folder):
    path, truth = folder
    d = ds.ImageFolderDataset(str(path), shuffle=False)
    assert d.get_col_names() == ["image", "label"]
    assert d.get_class_indexing() == {"ant": 0, "cat": 1, "dog": 2, "empty": 3}
    rows = _rows(d)
    assert [int(r["label"]) for r in rows] == [0, 0, 1, 1, 1, 2, 2]
    assert all(r["label"].dtype == np.int32 and r["label"].shape == () for r in rows)
    order = [("ant", "0.png"), ("ant", "1.png"), ("cat", "0.png"), ("cat", "1.png"), ("cat", "2.png"),
             ("dog", "0.png"), ("dog", "1.png")]
    for r, (cls, name) in zip(rows, order):
        assert r["image"].dtype == np.uint8 and r["image"].ndim == 1
        assert r["image"].tobytes() == (path / cls / name).read_bytes()
    assert d.get_dataset_size() == 7


def test_decode_gives_the_pixels(folder):
    path, truth = folder
    rows = _rows(ds.ImageFolderDataset(str(path), shuffle=False, decode=True))
    np.testing.assert_array_equal(rows[0]["image"], truth[("ant", "0.png")])
    np.testing.assert_array_equal(rows[-1]["image"], truth[("dog", "1.png")])
    assert rows[2]["image"].shape == (4, 6, 3)


def test_class_indexing_and_extensions(folder):
    path, _ = folder
    (path / "cat" / "x.JPG").write_bytes(b"")
    d = ds.ImageFolderDataset(str(path), shuffle=False, class_indexing={"dog": 10, "ant": -1})
    assert d.get_class_indexing() == {"dog": 10, "ant": -1}
    assert [int(r["label"]) for r in _rows(d)] == [-1, -1, 10, 10]
    assert d.get_dataset_size() == 4                 # the rows read (MindSpore 2.10 would count cat's files too)
    assert ds.ImageFolderDataset(str(path), extensions=[".png"]).get_dataset_size() == 7
    assert ds.ImageFolderDataset(str(path), extensions=[".jpg"]).get_dataset_size() == 0   # case-sensitive
    assert ds.ImageFolderDataset(str(path), extensions=[".JPG"]).get_dataset_size() == 1
    with pytest.raises(RuntimeError, match=r"no files with extensions \['\.jpg'\]"):
        _rows(ds.ImageFolderDataset(str(path), extensions=[".jpg"]))


def test_sampling_and_seed(folder):
    path, _ = folder
    d = ds.ImageFolderDataset(str(path), num_shards=2, shard_id=1, shuffle=False)
    assert d.get_dataset_size() == 4 and [int(r["label"]) for r in _rows(d)] == [0, 1, 2, 0]   # rows 1, 3, 5, 0
    assert ds.ImageFolderDataset(str(path), num_samples=3).get_dataset_size() == 3
    ms.set_seed(11)
    a = [r["image"].tobytes() for r in _rows(ds.ImageFolderDataset(str(path)))]
    ms.set_seed(11)
    b = [r["image"].tobytes() for r in _rows(ds.ImageFolderDataset(str(path)))]
    assert a == b and len(set(a)) == 7


def test_unreadable_file_names_its_path(folder):
    path, _ = folder
    (path / "cat" / "1.png").write_bytes((path / "cat" / "1.png").read_bytes()[:40])     # truncated
    d = ds.ImageFolderDataset(str(path), shuffle=False, decode=True)
    with pytest.raises(RuntimeError, match=r"cat[/\\]1\.png.*(broken|truncated).*skip_unreadable=True"):
        _rows(d)
    raw = _rows(ds.ImageFolderDataset(str(path), shuffle=False))        # undecoded, the bytes are still read
    assert len(raw) == 7
    (path / "dog" / "sub").mkdir()
    with pytest.raises(RuntimeError, match=r"dog[/\\]sub.*directory"):
        _rows(ds.ImageFolderDataset(str(path), shuffle=False))


def test_skip_unreadable_keeps_the_rest(folder):
    path, truth = folder
    (path / "cat" / "1.png").write_bytes((path / "cat" / "1.png").read_bytes()[:40])
    (path / "ant" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (path / "dog" / "notes.txt").write_text("hello")
    (path / "dog" / "sub").mkdir()
    jpg = (path / "dog" / "2.jpg")
    Image.fromarray(truth[("dog", "0.png")]).save(jpg, quality=90)
    jpg.write_bytes(jpg.read_bytes()[:len(jpg.read_bytes()) // 2])       # a truncated JPEG
    with pytest.warns(UserWarning, match=r"left out 5 of 11 files") as rec:
        d = ds.ImageFolderDataset(str(path), shuffle=False, decode=True, skip_unreadable=True)
        assert d.get_dataset_size() == 6
    msg = str(rec[0].message)
    for bad in ("1.png", ".DS_Store", "notes.txt", "sub", "2.jpg"):
        assert bad in msg
    rows = _rows(d)
    assert [int(r["label"]) for r in rows] == [0, 0, 1, 1, 2, 2]
    np.testing.assert_array_equal(rows[3]["image"], truth[("cat", "2.png")])
    # the verdicts are cached: a new dataset over the same files warns again but decodes nothing new
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert ds.ImageFolderDataset(str(path), skip_unreadable=True, num_shards=2, shard_id=0).get_dataset_size() == 3
    assert len(w) == 1
    # a repaired file is read again
    shutil.copy(path / "cat" / "0.png", path / "cat" / "1.png")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert ds.ImageFolderDataset(str(path), skip_unreadable=True).get_dataset_size() == 7


def test_decrypt(folder):
    path, truth = folder
    for p in path.rglob("*.png"):
        p.write_bytes(bytes(b ^ 0x5A for b in p.read_bytes()))

    def decrypt(p):
        with open(p, "rb") as f:
            return bytes(b ^ 0x5A for b in f.read())
    rows = _rows(ds.ImageFolderDataset(str(path), shuffle=False, decode=True, decrypt=decrypt))
    np.testing.assert_array_equal(rows[0]["image"], truth[("ant", "0.png")])
    with pytest.raises(RuntimeError, match="decrypt"):
        _rows(ds.ImageFolderDataset(str(path), decrypt=lambda p: 42))


def test_no_classes_and_argument_errors(tmp_path, folder):
    assert ds.ImageFolderDataset(str(tmp_path / "empty")).get_dataset_size() == 0
    with pytest.raises(RuntimeError, match="no files"):
        _rows(ds.ImageFolderDataset(str(tmp_path / "empty")))
    with pytest.raises(ValueError, match="does not exist"):
        ds.ImageFolderDataset(str(tmp_path / "nope"))
    with pytest.raises(TypeError, match="extensions"):
        ds.ImageFolderDataset(str(tmp_path), extensions=".png")
    with pytest.raises(TypeError, match="extensions"):
        ds.ImageFolderDataset(str(tmp_path), extensions=[1])
    with pytest.raises(TypeError, match="class_indexing"):
        ds.ImageFolderDataset(str(tmp_path), class_indexing={"cat": "a"})
    with pytest.raises(TypeError, match="decode"):
        ds.ImageFolderDataset(str(tmp_path), decode="yes")
    with pytest.raises(TypeError, match="skip_unreadable"):
        ds.ImageFolderDataset(str(tmp_path), skip_unreadable=1)
    with pytest.raises(TypeError, match="decrypt"):
        ds.ImageFolderDataset(str(tmp_path), decrypt="key")


def test_committed_folder_pipeline():
    v = ds.vision
    d = ds.ImageFolderDataset(GOLDEN_FOLDER, decode=True, shuffle=False)
    d = d.map([v.Resize((8, 8)), v.RandomHorizontalFlip(), v.ToTensor()], "image").batch(4)
    batches = list(d.create_tuple_iterator())
    assert d.get_dataset_size() == 2 == len(batches)
    assert batches[0][0].shape == (4, 3, 8, 8) and batches[0][0].dtype == ms.float32
    assert batches[1][1].asnumpy().tolist() == [1, 2, 2, 2]
