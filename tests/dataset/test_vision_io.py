"""``mindspore.dataset.vision``'s file functions: writes are atomic (a failed write keeps the old file and leaves
nothing behind), and bad files or arguments are RuntimeErrors naming the file, as in MindSpore 2.10."""
import os

import numpy as np
import pytest

from minispore.dataset import vision

IMG = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)


def test_write_png_then_read_it_back(tmp_path):
    path = str(tmp_path / "a.png")
    vision.write_png(path, IMG)
    np.testing.assert_array_equal(vision.read_image(path), IMG)
    assert os.listdir(tmp_path) == ["a.png"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = str(tmp_path / "keep.bin")
    vision.write_file(path, np.arange(10, dtype=np.uint8))

    class Interrupted(np.ndarray):
        def tobytes(self, *args, **kwargs):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        vision.write_file(path, np.zeros(5, np.uint8).view(Interrupted))
    assert vision.read_file(path).tolist() == list(range(10))
    assert os.listdir(tmp_path) == ["keep.bin"]


@pytest.mark.parametrize("call, words", [
    (lambda d: vision.read_image(str(d / "bad.png")), "cannot decode"),
    (lambda d: vision.encode_png(np.zeros((0, 4, 3), np.uint8)), "should not be empty"),
    (lambda d: vision.write_file(str(d), np.zeros(3, np.uint8)), "is a directory"),
    (lambda d: vision.write_file(str(d / "no" / "x.bin"), np.zeros(3, np.uint8)), "does not exist"),
], ids=["undecodable", "empty_image", "a_directory", "no_directory"])
def test_bad_files_are_runtime_errors_naming_them(tmp_path, call, words):
    (tmp_path / "bad.png").write_bytes(b"not a png")
    with pytest.raises(RuntimeError, match=words):
        call(tmp_path)
