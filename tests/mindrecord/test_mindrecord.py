"""minispore.mindrecord against MindRecord files written by MindSpore 2.10 (tests/golden/mindrecord, made by
tests/golden/gen_mindrecord.py): FileReader reads MindSpore's files as MindSpore does, and FileWriter writes the
same bytes MindSpore writes for the same rows. Bad files fail at open, naming the file; nothing is left half
written."""
import os
import shutil
import sqlite3
import struct
import warnings

import numpy as np
import pytest

import minispore.mindrecord as mr
from minispore.mindrecord import FileReader, FileWriter

from _mr_golden import EXPECTED, GOLDEN, cases, db_dump, first_file, normalise

NAMES = sorted(cases.CASES)


def _rows(path, **kw):
    r = FileReader(path, **kw)
    try:
        return [{k: cases.encode(v) for k, v in row.items()} for row in r.get_next()]
    finally:
        r.close()


def _match_file_reader(name, got):
    """``got`` against what MindSpore's FileReader read. MindSpore's FileReader gives some float fields back as
    ints (3.0 -> 3, but also 2.5e-10 -> 0): there the value must be the float that was written."""
    schema = cases.CASES[name]()["schema"]
    written = [r for w in cases.CASES[name]()["writes"] for r in w]
    want = EXPECTED[name]["file_reader"]
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want)):
        assert sorted(g) == sorted(w)
        for k in g:
            if schema[k]["type"].startswith("float") and "shape" not in schema[k] and isinstance(w[k], int) \
                    and not isinstance(g[k], int):
                assert g[k] == written[i][k], (i, k)
            else:
                assert g[k] == w[k], (i, k)


@pytest.mark.parametrize("name", NAMES)
def test_reads_mindspore_files_as_mindspore(name):
    _match_file_reader(name, normalise(_rows(first_file(name))))


@pytest.mark.parametrize("name", NAMES)
def test_writes_mindspore_bytes(name, tmp_path):
    case = cases.CASES[name]()
    cases.write(mr, str(tmp_path), name, case)
    for fn in cases.data_files(name, case):
        with open(os.path.join(GOLDEN, name, fn), "rb") as a, open(tmp_path / fn, "rb") as b:
            assert a.read() == b.read(), fn
        assert db_dump(str(tmp_path / (fn + ".db"))) == db_dump(os.path.join(GOLDEN, name, fn + ".db"))
    assert sorted(os.listdir(tmp_path)) == sorted(sum(([f, f + ".db"] for f in cases.data_files(name, case)), []))
    _match_file_reader(name, normalise(_rows(first_file(name, str(tmp_path)))))


def test_reader_values_and_types():
    r = FileReader(first_file("all_types"))
    rows = list(r.get_next())
    assert r.len() == 8 and sorted(r.schema()) == ["ad", "af", "ai", "b", "f32", "f64", "i32", "i64", "s"]
    r.close()
    written = [row for w in cases.CASES["all_types"]()["writes"] for row in w]
    for got, want in zip(rows, written):
        assert isinstance(got["i32"], int) and got["i32"] == want["i32"] and got["i64"] == want["i64"]
        assert isinstance(got["f64"], float) and got["f64"] == want["f64"] and got["f32"] == want["f32"]
        assert got["s"] == want["s"] and got["b"] == want["b"] and isinstance(got["b"], bytes)
        assert got["ai"].dtype == np.int32 and np.array_equal(got["ai"], want["ai"])
        assert got["af"].shape == (2, 3) and np.array_equal(got["af"], want["af"])
        assert got["ad"].shape == want["ad"].shape and np.array_equal(got["ad"], want["ad"])


def test_reader_columns():
    rows = list(FileReader(first_file("all_types"), columns=["s", "ai"]).get_next())
    assert all(sorted(r) == ["ai", "s"] for r in rows)
    with pytest.raises(ValueError, match="not in the schema"):
        FileReader(first_file("all_types"), columns=["nope"])


def test_multi_shard_order_and_file_lists():
    one = [r["id"] for r in FileReader(first_file("multi_shard")).get_next()]
    assert one == [0, 1, 2, 100, 101, 3, 4, 5, 102, 103, 6, 7, 8, 104, 105]
    d = os.path.join(GOLDEN, "multi_shard")
    some = [r["id"] for r in FileReader([os.path.join(d, "multi_shard.mindrecord2"),
                                         os.path.join(d, "multi_shard.mindrecord0")]).get_next()]
    assert some == [6, 7, 8, 104, 105, 0, 1, 2, 100, 101]


def test_uneven_rows_over_shards(tmp_path):
    w = FileWriter(str(tmp_path / "u.mindrecord"), shard_num=3)
    w.add_schema({"id": {"type": "int32"}})
    w.write_raw_data([{"id": i} for i in range(5)])
    w.commit()
    assert sorted(os.listdir(tmp_path)) == ["u.mindrecord0", "u.mindrecord0.db", "u.mindrecord1",
                                            "u.mindrecord1.db", "u.mindrecord2", "u.mindrecord2.db"]
    per = [[r["id"] for r in FileReader([str(tmp_path / f"u.mindrecord{k}")]).get_next()] for k in range(3)]
    assert per == [[0, 1], [2, 3], [4]]


def test_open_for_append_mindspore_file(tmp_path):
    shutil.copy(first_file("scalars"), tmp_path)
    shutil.copy(first_file("scalars") + ".db", tmp_path)
    path = str(tmp_path / "scalars.mindrecord")
    w = FileWriter.open_for_append(path)
    w.write_raw_data([{"f": 1.5, "g": 2.5, "k": 7, "s": "new"}])
    w.commit()
    rows = list(FileReader(path).get_next())
    assert [r["s"] for r in rows] == ["é" * 40, "y", "", "new"] and rows[-1]["k"] == 7
    con = sqlite3.connect(path + ".db")
    assert [r[0] for r in con.execute("SELECT s_0 FROM INDEXES ORDER BY ROW_ID")] == ["é" * 40, "y", "", "new"]
    con.close()
    assert sorted(os.listdir(tmp_path)) == ["scalars.mindrecord", "scalars.mindrecord.db"]


def test_append_equals_one_writer(tmp_path):
    """Appending in a second writer gives the bytes of one writer that wrote both calls."""
    case = cases.CASES["all_types"]()
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    cases.write(mr, str(a), "all_types", case)
    one = dict(case, writes=case["writes"][:1])
    cases.write(mr, str(b), "all_types", one)
    w = FileWriter.open_for_append(str(b / "all_types.mindrecord"))
    w.write_raw_data(case["writes"][1])
    w.commit()
    assert (a / "all_types.mindrecord").read_bytes() == (b / "all_types.mindrecord").read_bytes()


# ---------------------------------------------------------------------------------------------- bad input
def _copy(name, tmp_path):
    src = first_file(name)
    shutil.copy(src, tmp_path)
    shutil.copy(src + ".db", tmp_path)
    return str(tmp_path / os.path.basename(src))


def test_missing_db(tmp_path):
    path = _copy("scalars", tmp_path)
    os.remove(path + ".db")
    with pytest.raises(RuntimeError, match=r"index file .*scalars.mindrecord.db .* does not exist"):
        FileReader(path)


def test_truncated_file(tmp_path):
    path = _copy("pages", tmp_path)
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) - 10)
    with pytest.raises(RuntimeError, match=r"pages.mindrecord is truncated or corrupt"):
        FileReader(path)


def test_not_a_mindrecord_file(tmp_path):
    p = tmp_path / "x.mindrecord"
    p.write_bytes(b"hello, this is not a MindRecord file at all" * 10)
    with pytest.raises(RuntimeError, match=r"x.mindrecord is not a MindRecord file or is corrupt"):
        FileReader(str(p))
    path = _copy("scalars", tmp_path)
    with open(path, "r+b") as f:
        f.write(struct.pack("<Q", 5) + b"{bad}")
    with pytest.raises(RuntimeError, match="header is not JSON"):
        FileReader(path)


def test_db_not_sqlite_or_of_another_file(tmp_path):
    path = _copy("scalars", tmp_path)
    with open(path + ".db", "wb") as f:
        f.write(b"garbage" * 100)
    with pytest.raises(RuntimeError, match=r"scalars.mindrecord.db .* not a MindRecord index"):
        FileReader(path)
    path = _copy("scalars", tmp_path)
    os.rename(path, str(tmp_path / "renamed.mindrecord"))
    os.rename(path + ".db", str(tmp_path / "renamed.mindrecord.db"))
    with pytest.raises(RuntimeError, match="scalars.mindrecord'] are missing .*cannot be renamed"):
        FileReader(str(tmp_path / "renamed.mindrecord"))
    with pytest.raises(RuntimeError, match="index file .*renamed.mindrecord.db belongs to .* cannot be renamed"):
        FileReader([str(tmp_path / "renamed.mindrecord")])


def test_corrupt_row_bytes(tmp_path):
    path = _copy("scalars", tmp_path)
    con = sqlite3.connect(path + ".db")
    at = con.execute("SELECT PAGE_ID_RAW, PAGE_OFFSET_RAW FROM INDEXES WHERE ROW_ID=1").fetchone()
    con.close()
    with open(path, "r+b") as f:
        f.seek(cases.H16K + cases.P32K * at[0] + at[1] + 8)
        f.write(b"\xc1")                 # a MessagePack byte that is never used
    r = FileReader(path)
    with pytest.raises(RuntimeError, match=r"scalars.mindrecord is corrupt: row 1"):
        list(r.get_next())


def test_missing_shard(tmp_path):
    for f in os.listdir(os.path.join(GOLDEN, "multi_shard")):
        shutil.copy(os.path.join(GOLDEN, "multi_shard", f), tmp_path)
    os.remove(tmp_path / "multi_shard.mindrecord1")
    with pytest.raises(RuntimeError, match="are missing"):
        FileReader(str(tmp_path / "multi_shard.mindrecord0"))


def test_overwrite_false_keeps_the_file(tmp_path):
    path = _copy("scalars", tmp_path)
    before = open(path, "rb").read()
    w = FileWriter(path)
    w.add_schema({"f": {"type": "float32"}})
    with pytest.raises(RuntimeError, match="mindrecord files already exist.*overwrite"):
        w.write_raw_data([{"f": 1.0}])
    with pytest.raises(RuntimeError, match="already exist"):
        w.commit()
    assert open(path, "rb").read() == before
    assert sorted(os.listdir(tmp_path)) == ["scalars.mindrecord", "scalars.mindrecord.db"]


def test_nothing_in_place_before_commit_and_no_temp_after(tmp_path):
    path = str(tmp_path / "t.mindrecord")
    w = FileWriter(path)
    w.add_schema({"x": {"type": "int64"}})
    w.write_raw_data([{"x": 1}])
    assert not os.path.exists(path) and not os.path.exists(path + ".db")
    w.commit()
    assert sorted(os.listdir(tmp_path)) == ["t.mindrecord", "t.mindrecord.db"]


def test_failed_commit_keeps_old_files_and_leaves_no_temp(tmp_path, monkeypatch):
    path = _copy("scalars", tmp_path)
    before, before_db = open(path, "rb").read(), open(path + ".db", "rb").read()
    w = FileWriter(path, overwrite=True)
    w.add_schema({"x": {"type": "int64"}})
    w.write_raw_data([{"x": 1}])

    def boom(*a, **k):
        raise OSError("disk on fire")
    import minispore.mindrecord.filewriter as fw
    monkeypatch.setattr(fw, "write_index", boom)
    with pytest.raises(OSError, match="disk on fire"):
        w.commit()
    assert open(path, "rb").read() == before and open(path + ".db", "rb").read() == before_db
    assert sorted(os.listdir(tmp_path)) == ["scalars.mindrecord", "scalars.mindrecord.db"]


def test_header_too_big(tmp_path):
    w = FileWriter(str(tmp_path / "h.mindrecord"))
    w.set_header_size(1 << 14)
    w.set_page_size(1 << 15)
    w.add_schema({"b": {"type": "bytes"}})
    for _ in range(400):        # one page per row: the header outgrows 16 KiB
        w.write_raw_data([{"b": bytes(20000)}])
    with pytest.raises(mr.MRMWriteDatasetError, match="set_header_size"):
        w.commit()
    assert os.listdir(tmp_path) == []


def test_schema_mismatch_rows_are_left_out_with_a_warning(tmp_path):
    path = str(tmp_path / "m.mindrecord")
    w = FileWriter(path)
    w.add_schema({"a": {"type": "int32"}, "f": {"type": "float32"}, "v": {"type": "int64", "shape": [2]}})
    rows = [{"a": 1, "f": 1.0, "v": np.array([1, 2])},
            {"a": 2, "f": 1, "v": np.array([1, 2])},                     # int for a float field
            {"a": 3, "f": 1.0},                                           # missing field
            {"a": 4, "f": 1.0, "v": np.array([1, 2], np.int32)},         # dtype differs from the schema
            {"a": 5, "f": 1.0, "v": np.array([1, 2, 3])},                # shape does not fit
            {"a": 2 ** 40, "f": 1.0, "v": np.array([1, 2])},             # out of int32 range
            {"a": 7, "f": 2.0, "v": np.array([[3], [4]])}]
    with pytest.warns(UserWarning) as rec:
        w.write_raw_data(rows)
    msgs = [str(r.message) for r in rec]
    assert len(msgs) == 5 and all("m.mindrecord" in m for m in msgs)
    assert "row 1" in msgs[0] and "'f'" in msgs[0] and "row 2" in msgs[1] and "'v'" in msgs[1]
    with pytest.raises(RuntimeError, match="no valid data"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w.write_raw_data([{"a": "x", "f": 1.0, "v": np.array([1, 2])}])
    w.commit()
    got = list(FileReader(path).get_next())
    assert [r["a"] for r in got] == [1, 7] and np.array_equal(got[1]["v"], [3, 4])


@pytest.mark.parametrize("schema, match", [
    ({}, "empty"), ({"a b": {"type": "int32"}}, "composed of"), ({"a": {"type": "int8"}}, "illegal attribute"),
    ({"a": {"type": "string", "shape": [2]}}, "illegal attribute"), ({"a": {"type": "int32", "shape": 2}}, "illegal"),
    ({"a": {"type": "int32", "shape": [-1, -1]}}, "at most one -1"), ({"a": "int32"}, "should be dict")])
def test_invalid_schema(schema, match):
    w = FileWriter("x.mindrecord")
    with pytest.raises(mr.MRMInvalidSchemaError, match=match):
        w.add_schema(schema)


def test_argument_errors(tmp_path):
    with pytest.raises(mr.ParamValueError, match="shard_num"):
        FileWriter("x.mindrecord", shard_num=0)
    with pytest.raises(mr.ParamValueError, match="overwrite"):
        FileWriter("x.mindrecord", overwrite=1)
    with pytest.raises(mr.ParamValueError, match="File name should not contains"):
        FileWriter(str(tmp_path / "a:b.mindrecord"))
    w = FileWriter(str(tmp_path / "x.mindrecord"))
    w.add_schema({"b": {"type": "bytes"}, "i": {"type": "int32"}})
    with pytest.raises(mr.MRMDefineIndexError, match="not primitive"):
        w.add_index(["b"])
    with pytest.raises(mr.MRMAddIndexError, match="not in the schema"):
        w.add_index(["q"])
    with pytest.raises(mr.ParamTypeError, match="index_fields"):
        w.add_index("i")
    with pytest.raises(mr.MRMInvalidPageSizeError):
        w.set_page_size(1000)
    with pytest.raises(mr.MRMInvalidHeaderSizeError):
        w.set_header_size((1 << 14) + 2)
    w.set_page_size(1 << 15)
    with pytest.raises(mr.ParamTypeError, match="raw_data"):
        w.write_raw_data({"b": b"", "i": 1})
    with pytest.raises(mr.MRMWriteDatasetError, match="page size"):
        w.write_raw_data([{"b": bytes(40000), "i": 1}])
    w.write_raw_data([{"b": b"ok", "i": 1}])
    with pytest.raises(RuntimeError, match="before the first write_raw_data"):
        w.set_page_size(1 << 16)
    w.commit()
    with pytest.raises(RuntimeError, match="flushed"):
        w.write_raw_data([{"b": b"ok", "i": 1}])
    assert str(mr.ParamValueError("x")) == "[ParamValueError]: Invalid parameter value. x"


def test_empty_commit(tmp_path):
    path = str(tmp_path / "e.mindrecord")
    w = FileWriter(path)
    w.add_schema({"i": {"type": "int32"}})
    w.commit()
    r = FileReader(path)
    assert r.len() == 0 and list(r.get_next()) == []


def test_dropin_import(tmp_path):
    import subprocess
    import sys
    script = tmp_path / "s.py"
    script.write_text("import mindspore\nfrom mindspore.mindrecord import FileWriter, FileReader\n"
                      "import mindspore.dataset as ds\nprint(FileWriter.__module__, ds.MindDataset.__name__)\n")
    root = os.path.dirname(os.path.dirname(GOLDEN.rstrip(os.sep).rsplit(os.sep, 1)[0]))
    out = subprocess.run([sys.executable, "-m", "minispore", "run", str(script)], capture_output=True, text=True,
                         cwd=root, env=dict(os.environ, PYTHONPATH=root))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["minispore.mindrecord.filewriter", "MindDataset"]
