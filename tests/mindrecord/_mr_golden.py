"""Access to the MindRecord goldens recorded from MindSpore 2.10 (tests/golden/mindrecord, see gen_mindrecord.py)."""
import importlib.util
import json
import os
import sqlite3

GOLDEN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden", "mindrecord")
_spec = importlib.util.spec_from_file_location("mindrecord_cases", os.path.join(GOLDEN, "cases.py"))
cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases)

with open(os.path.join(GOLDEN, "expected.json")) as _f:
    EXPECTED = json.load(_f)


def first_file(name, directory=None):
    d = os.path.join(GOLDEN, name) if directory is None else directory
    return os.path.join(d, cases.data_files(name, cases.CASES[name]())[0])


def normalise(x):
    """``x`` as it reads back from JSON (tuples -> lists ...), for comparison with EXPECTED."""
    return json.loads(json.dumps(x, sort_keys=True))


def db_dump(path):
    con = sqlite3.connect(path)
    try:
        return {"sql": [r[0] for r in con.execute("SELECT sql FROM sqlite_master ORDER BY name")],
                "indexes": [list(r) for r in con.execute("SELECT * FROM INDEXES")],
                "name": [list(r) for r in con.execute("SELECT * FROM SHARD_NAME")]}
    finally:
        con.close()
