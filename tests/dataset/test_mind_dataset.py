"""MindDataset against what MindSpore 2.10's MindDataset yields for the same files (tests/golden/mindrecord):
columns, dtypes, shapes and values in file order, sharding; and its place in the pipeline."""
import importlib.util
import os
import shutil

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
from minispore.mindrecord import FileWriter

_spec = importlib.util.spec_from_file_location(
    "_mr_golden", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mindrecord",
                               "_mr_golden.py"))
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)
NAMES = sorted(G.cases.CASES)


@pytest.mark.parametrize("name", NAMES)
def test_rows_as_mindspore_yields_them(name):
    want = G.EXPECTED[name]
    d = ds.MindDataset(G.first_file(name), shuffle=False)
    assert d.get_col_names() == want["columns"]
    assert d.get_dataset_size() == len(want["mind_dataset"])
    got = [{k: G.cases.encode(v) for k, v in row.items()} for row in d.create_dict_iterator(output_numpy=True)]
    assert G.normalise(got) == want["mind_dataset"]


@pytest.mark.parametrize("name", NAMES)
def test_shards_as_mindspore(name):
    want = G.EXPECTED[name]
    for sid in range(2):
        d = ds.MindDataset(G.first_file(name), shuffle=False, num_shards=2, shard_id=sid)
        key = want["columns"][0]
        got = [G.cases.encode(r[key]) for r in d.create_dict_iterator(output_numpy=True)]
        assert G.normalise(got) == want["shards"][sid]
        assert d.get_dataset_size() == len(want["shards"][sid])


def test_columns_list_num_samples_and_tensors():
    d = ds.MindDataset(G.first_file("all_types"), columns_list=["s", "i32", "b"], shuffle=False, num_samples=3)
    assert d.get_col_names() == ["s", "i32", "b"] and d.get_dataset_size() == 3
    rows = list(d.create_tuple_iterator())
    assert len(rows) == 3
    s, i32, b = rows[0]
    written = G.cases.CASES["all_types"]()["writes"][0][0]
    assert isinstance(i32, ms.Tensor) and i32.dtype == ms.int32 and int(i32) == written["i32"]
    assert isinstance(s, np.ndarray) and s.dtype.kind == "U" and str(s) == written["s"]
    assert b.dtype.kind == "S" and b.shape == (1,) and b[0] == written["b"].rstrip(b"\0")


def test_shuffle_default_is_global_and_reshuffles():
    d = ds.MindDataset(G.first_file("multi_shard"))
    ids = [int(r["id"]) for r in d.create_dict_iterator(output_numpy=True)]
    file_order = [int(r["id"]) for r in ds.MindDataset(G.first_file("multi_shard"), shuffle=False)
                  .create_dict_iterator(output_numpy=True)]
    assert sorted(ids) == sorted(file_order)
    orders = {tuple(int(r["id"]) for r in d.create_dict_iterator(output_numpy=True)) for _ in range(3)}
    assert len(orders | {tuple(ids)}) > 1 and tuple(file_order) not in orders


def test_shuffle_files_and_infile():
    first = G.first_file("multi_shard")
    per_file = [[0, 1, 2, 100, 101], [3, 4, 5, 102, 103], [6, 7, 8, 104, 105]]
    ids = [int(r["id"]) for r in ds.MindDataset(first, shuffle=ds.Shuffle.FILES).create_dict_iterator(
        output_numpy=True)]
    assert sorted([ids[i:i + 5] for i in range(0, 15, 5)]) == per_file
    ids = [int(r["id"]) for r in ds.MindDataset(first, shuffle=ds.Shuffle.INFILE).create_dict_iterator(
        output_numpy=True)]
    assert [sorted(ids[i:i + 5]) for i in range(0, 15, 5)] == per_file


def test_pipeline_map_batch(tmp_path):
    path = str(tmp_path / "img.mindrecord")
    w = FileWriter(path)
    w.add_schema({"image": {"type": "float32", "shape": [2, 2]}, "label": {"type": "int32"}, "b": {"type": "bytes"}})
    w.write_raw_data([{"image": np.full((2, 2), i, np.float32), "label": i, "b": bytes([i])} for i in range(10)])
    w.commit()
    d = ds.MindDataset(path, columns_list=["image", "label"], shuffle=False)
    d = d.map(lambda x: x * 2, input_columns="image").batch(4)
    batches = list(d.create_tuple_iterator())
    assert [tuple(b[0].shape) for b in batches] == [(4, 2, 2), (4, 2, 2), (2, 2, 2)]
    assert batches[0][1].asnumpy().tolist() == [0, 1, 2, 3] and float(batches[1][0].asnumpy()[0, 0, 0]) == 8.0
    assert d.get_dataset_size() == 3


def test_padded_sample(tmp_path):
    path = str(tmp_path / "p.mindrecord")
    w = FileWriter(path)
    w.add_schema({"id": {"type": "int32"}, "b": {"type": "bytes"}})
    w.write_raw_data([{"id": i, "b": b"x"} for i in range(3)])
    w.commit()
    got = []
    for sid in range(2):
        d = ds.MindDataset(path, shuffle=False, num_shards=2, shard_id=sid, padded_sample={"id": -1, "b": b""},
                           num_padded=1)
        got.append([int(r["id"]) for r in d.create_dict_iterator(output_numpy=True)])
    assert got == [[0, 2], [1, -1]]
    with pytest.raises(RuntimeError, match="do not divide"):
        ds.MindDataset(path, num_shards=2, shard_id=0, padded_sample={"id": -1, "b": b""}, num_padded=2)


def test_errors(tmp_path):
    with pytest.raises(RuntimeError, match=r"columns_list \['nope'\] are not fields"):
        ds.MindDataset(G.first_file("scalars"), columns_list=["nope"])
    src = G.first_file("scalars")
    shutil.copy(src, tmp_path)
    path = str(tmp_path / os.path.basename(src))
    with pytest.raises(RuntimeError, match=r"MindDataset.*index file .*scalars.mindrecord.db .*does not exist"):
        ds.MindDataset(path)
    with pytest.raises(RuntimeError, match="does not exist"):
        ds.MindDataset(str(tmp_path / "nothing.mindrecord"))
    with pytest.raises(TypeError, match="dataset_files"):
        ds.MindDataset(3)
    with pytest.raises(RuntimeError, match="share one schema"):
        ds.MindDataset([G.first_file("scalars"), G.first_file("int_arrays")])
    with pytest.raises(RuntimeError, match="shard_id is specified but num_shards is not"):
        ds.MindDataset(G.first_file("scalars"), shard_id=0)


def test_tutorial_dataset_page_prints_what_mindspore_prints(tmp_path):
    """The MindRecord part of the beginner tutorial's dataset page, unchanged, through ``python -m minispore run``."""
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    page = os.path.join(G.GOLDEN, "tutorial_dataset_page.py")
    out = subprocess.run([sys.executable, "-m", "minispore", "run", page], cwd=tmp_path, capture_output=True,
                         text=True, env=dict(os.environ, PYTHONPATH=root))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == G.EXPECTED["tutorial_dataset_page"]
    assert sorted(os.listdir(tmp_path)) == ["test.mindrecord", "test.mindrecord.db"]
