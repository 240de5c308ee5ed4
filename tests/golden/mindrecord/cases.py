"""The MindRecord golden cases, shared by ``tests/golden/gen_mindrecord.py`` (which writes them with MindSpore 2.10
and records what MindSpore reads back) and the tests (which write them with minispore and compare). Rows are
built from seeded NumPy generators. Small header/page sizes keep the committed files small and make the rows
spill over pages."""
import numpy as np

H16K, P32K = 1 << 14, 1 << 15


def _all_types():
    rng = np.random.default_rng(1)
    schema = {"i32": {"type": "int32"}, "i64": {"type": "int64"}, "f32": {"type": "float32"},
              "f64": {"type": "float64"}, "s": {"type": "string"}, "b": {"type": "bytes"},
              "ai": {"type": "int32", "shape": [-1]}, "af": {"type": "float32", "shape": [2, 3]},
              "ad": {"type": "float64", "shape": [-1, 2]}}
    writes = []
    for n, base in ((5, 0), (3, 100)):
        rows = []
        for i in range(n):
            k = int(rng.integers(1, 6))   # (an empty int array comes out of MindSpore's MindDataset as a 0-d garbage value)
            rows.append({"i32": int(rng.integers(-2 ** 31, 2 ** 31)), "i64": int(rng.integers(-2 ** 62, 2 ** 62)),
                         "f32": float(np.float32(rng.normal())), "f64": float(rng.normal()),
                         "s": ["", "abc", "中文字符", "x" * 40, "é" * 300][i % 5] + str(base + i),
                         "b": rng.integers(0, 256, int(rng.integers(0, 20))).astype(np.uint8).tobytes(),
                         "ai": rng.integers(-70000, 70000, k).astype(np.int32),
                         "af": rng.normal(size=(2, 3)).astype(np.float32),
                         "ad": rng.normal(size=(k + 1, 2))})
        writes.append(rows)
    return dict(schema=schema, desc="all column types", index=["i32", "s"], shard_num=1, header_size=H16K,
                page_size=P32K, writes=writes)


def _pages():
    # blob pages that fill up, raw pages that fill up, and a row group moved to a new raw page
    schema = {"id": {"type": "int32"}, "s": {"type": "string"}, "b": {"type": "bytes"}}
    w1 = [{"id": i, "s": "a" * 4000, "b": bytes([i]) * 15000} for i in range(3)]
    w2 = [{"id": 10, "s": "b" * 24000, "b": b"0123456789"}]
    w3 = [{"id": 20 + i, "s": "c" * (500 + 3000 * i), "b": bytes([i]) * (9000 - 2000 * i)} for i in range(5)]
    return dict(schema=schema, desc=None, index=None, shard_num=1, header_size=H16K, page_size=P32K,
                writes=[w1, w2, w3])


def _multi_shard():
    rng = np.random.default_rng(2)
    schema = {"id": {"type": "int64"}, "x": {"type": "float64", "shape": [-1]}, "name": {"type": "string"}}
    writes = [[{"id": base + i, "x": rng.normal(size=int(rng.integers(1, 5))), "name": f"n{base + i}"}
               for i in range(n)] for n, base in ((9, 0), (6, 100))]
    return dict(schema=schema, desc="three shards", index=["name", "id"], shard_num=3, header_size=H16K,
                page_size=P32K, writes=writes)


def _all_blob():
    rng = np.random.default_rng(3)
    schema = {"b": {"type": "bytes"}, "x": {"type": "int64", "shape": [2]}}
    writes = [[{"b": rng.integers(0, 256, 7).astype(np.uint8).tobytes(),
                "x": np.array([300 * i, -(1 << 40) * i], np.int64)} for i in range(4)]]
    return dict(schema=schema, desc=None, index=None, shard_num=1, header_size=H16K, page_size=P32K, writes=writes)


def _scalars():
    # (MindSpore's FileReader gives an integral float64 beyond the int64 range, e.g. -1e300, as -2**63)
    schema = {"f": {"type": "float32"}, "g": {"type": "float64"}, "k": {"type": "int64"}, "s": {"type": "string"}}
    vals = [(0.1, -1.25e-300, -5, "é" * 40), (3.0, 2.5e-10, 2 ** 63 - 1, "y"), (-2.5, 0.0, -(2 ** 63), "")]
    writes = [[{"f": f, "g": g, "k": k, "s": s} for f, g, k, s in vals]]
    return dict(schema=schema, desc="scalars", index=["s", "g", "f", "k"], shard_num=1, header_size=H16K,
                page_size=P32K, writes=writes)


def _int_arrays():
    rng = np.random.default_rng(4)
    schema = {"a64": {"type": "int64", "shape": [-1]}, "a32": {"type": "int32", "shape": [2, 3]},
              "label": {"type": "int32"}}
    writes = [[{"a64": np.array([0, 127, -128, 128, -32769, 2 ** 31, -(2 ** 63), 2 ** 63 - 1][:i + 1], np.int64),
                "a32": rng.integers(-2 ** 31, 2 ** 31, (2, 3)).astype(np.int32), "label": i} for i in range(8)]]
    return dict(schema=schema, desc=None, index=["label"], shard_num=1, header_size=H16K, page_size=P32K,
                writes=writes)


CASES = {"all_types": _all_types, "pages": _pages, "multi_shard": _multi_shard, "all_blob": _all_blob,
         "scalars": _scalars, "int_arrays": _int_arrays}


def file_name(name):
    return f"{name}.mindrecord"


def data_files(name, case):
    n = case["shard_num"]
    base = file_name(name)
    return [base] if n == 1 else [f"{base}{str(i).rjust(len(str(n - 1)), '0')}" for i in range(n)]


def write(mindrecord, directory, name, case):
    """Write ``case`` with ``mindrecord`` (mindspore.mindrecord or minispore.mindrecord) into ``directory``."""
    import os
    w = mindrecord.FileWriter(os.path.join(directory, file_name(name)), shard_num=case["shard_num"], overwrite=True)
    w.set_header_size(case["header_size"])
    w.set_page_size(case["page_size"])
    w.add_schema(case["schema"], case["desc"])
    if case["index"]:
        w.add_index(case["index"])
    for rows in case["writes"]:
        w.write_raw_data([dict(r) for r in rows])
    w.commit()


def _long(x):
    import hashlib
    data = x.encode("utf-8") if isinstance(x, str) else x
    return {"len": len(x), "sha1": hashlib.sha1(data).hexdigest()}


def encode(v):
    """A value read back, as JSON (strings and bytes over 64 long as their length and SHA-1)."""
    if isinstance(v, (str, bytes)) and len(v) > 64:
        return _long(v)
    if isinstance(v, np.ndarray) and v.dtype.kind in "SU" and any(len(x) > 64 for x in v.reshape(-1).tolist()):
        return {"long": [_long(x) for x in v.reshape(-1).tolist()], "shape": list(v.shape), "dtype": v.dtype.kind}
    if isinstance(v, np.ndarray):
        if v.dtype.kind == "S":
            return {"S": [x.hex() for x in v.reshape(-1).tolist()], "shape": list(v.shape), "dtype": str(v.dtype)}
        if v.dtype.kind == "U":
            return {"U": v.reshape(-1).tolist(), "shape": list(v.shape)}
        return {"nd": v.reshape(-1).tolist(), "shape": list(v.shape), "dtype": str(v.dtype)}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    return v
