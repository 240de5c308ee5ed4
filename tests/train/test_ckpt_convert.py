"""ckpt_to_safetensors / safetensors_to_ckpt (minispore/train/_ckpt_convert.py) against files MindSpore 2.10 wrote:
tests/golden/ckpt/sample.ckpt and sample.safetensors (MindSpore's save_checkpoint of the same net) and
sample_from_safetensors.ckpt (MindSpore's safetensors_to_ckpt of sample.safetensors, written by
``/tmp/msref/bin/python tests/golden/gen_toplevel.py --files``). MindSpore's ckpt_to_safetensors of sample.ckpt gives
the bytes of sample.safetensors, which gen_toplevel.py --files checks."""
import os
import shutil

import numpy as np
import pytest

import minispore as ms

CKPT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden", "ckpt")


def _bytes(path):
    with open(path, "rb") as f:
        return f.read()


def test_ckpt_to_safetensors_gives_mindspores_bytes(tmp_path):
    ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), str(tmp_path / "out"))
    assert os.listdir(tmp_path / "out") == ["sample.safetensors"]
    assert _bytes(tmp_path / "out" / "sample.safetensors") == _bytes(os.path.join(CKPT, "sample.safetensors"))


def test_safetensors_to_ckpt_gives_mindspores_bytes(tmp_path):
    shutil.copyfile(os.path.join(CKPT, "sample.safetensors"), tmp_path / "sample.safetensors")
    ms.safetensors_to_ckpt(str(tmp_path / "sample.safetensors"))          # written next to the source
    assert sorted(os.listdir(tmp_path)) == ["sample.ckpt", "sample.safetensors"]
    assert _bytes(tmp_path / "sample.ckpt") == _bytes(os.path.join(CKPT, "sample_from_safetensors.ckpt"))


def test_name_map_renames_and_values_survive(tmp_path):
    src = ms.load_checkpoint(os.path.join(CKPT, "sample.ckpt"))
    first = sorted(src)[0]
    ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), str(tmp_path), name_map={first: "renamed"})
    out = ms.load_checkpoint(str(tmp_path / "sample.safetensors"), format="safetensors")
    assert "renamed" in out and first not in out
    np.testing.assert_array_equal(out["renamed"].asnumpy(), src[first].asnumpy())
    for k in set(src) - {first}:
        np.testing.assert_array_equal(out[k].asnumpy(), src[k].asnumpy())


def test_rank_directories_and_regex(tmp_path):
    for r in ("rank_0", "rank_1"):
        os.makedirs(tmp_path / "src" / r)
        shutil.copyfile(os.path.join(CKPT, "sample.ckpt"), tmp_path / "src" / r / "net.ckpt")
        shutil.copyfile(os.path.join(CKPT, "sample.ckpt"), tmp_path / "src" / r / "other.ckpt")
    os.makedirs(tmp_path / "src" / "notrank")
    ms.ckpt_to_safetensors(str(tmp_path / "src"), file_name_regex="^net")
    for r in ("rank_0", "rank_1"):
        assert sorted(os.listdir(tmp_path / "src" / r)) == ["net.ckpt", "net.safetensors", "other.ckpt"]
    assert os.listdir(tmp_path / "src" / "notrank") == []
    ms.safetensors_to_ckpt(str(tmp_path / "src"), str(tmp_path / "back"))
    assert sorted(os.listdir(tmp_path / "back")) == ["rank_0", "rank_1"]
    assert _bytes(tmp_path / "back" / "rank_0" / "net.ckpt") == _bytes(
        os.path.join(CKPT, "sample_from_safetensors.ckpt"))


@pytest.mark.parametrize("call, words", [
    (lambda d: ms.ckpt_to_safetensors(os.path.join(d, "missing.ckpt")), "valid path"),
    (lambda d: ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.safetensors")), "must be a .ckpt file"),
    (lambda d: ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), os.path.join(d, "x.safetensors")),
     "must be a directory"),
    (lambda d: ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), d, name_map=[("a", "b")]), "name_map"),
    (lambda d: ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), d, file_name_regex="^zzz"),
     "regular expression"),
    (lambda d: ms.ckpt_to_safetensors(d), "no directories starting with 'rank'"),
    (lambda d: ms.safetensors_to_ckpt(os.path.join(CKPT, "sample.ckpt")), "must be a .safetensors file"),
    (lambda d: ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), d, processes_num=0), "processes_num"),
])
def test_errors_name_the_function_and_argument(tmp_path, call, words):
    with pytest.raises(ValueError, match="ckpt") as info:
        call(str(tmp_path))
    assert words in str(info.value)
