"""Record MindRecord goldens with real MindSpore 2.10 (run with /tmp/msref/bin/python):

    /tmp/msref/bin/python tests/golden/gen_mindrecord.py                 # writes tests/golden/mindrecord/<case>/
    python tests/golden/gen_mindrecord.py --write-minispore DIR          # minispore writes the cases into DIR
    /tmp/msref/bin/python tests/golden/gen_mindrecord.py --check-minispore DIR

The first writes every case of ``mindrecord/cases.py`` with MindSpore's FileWriter and records, in
``mindrecord/expected.json``, what MindSpore's FileReader and MindDataset (shuffle=False, and two shards) read back.
``--check-minispore`` reads the files minispore wrote with MindSpore (the same rows, in the same order, are
required) and compares them byte for byte with the files MindSpore writes for the same rows: the data files must
be identical, the ``.db`` files hold the same tables and rows (their bytes differ in SQLite's version stamp).
"""
import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "mindrecord"))
import cases as C  # noqa: E402

OUT = os.path.join(HERE, "mindrecord")


def read_back(directory, name, case):
    import mindspore.dataset as ds
    from mindspore.mindrecord import FileReader
    first = os.path.join(directory, C.data_files(name, case)[0])
    r = FileReader(first)
    rows = [{k: C.encode(v) for k, v in row.items()} for row in r.get_next()]
    r.close()
    out = {"file_reader": rows}
    d = ds.MindDataset(first, shuffle=False)
    out["columns"] = d.get_col_names()
    out["mind_dataset"] = [{k: C.encode(v) for k, v in row.items()}
                           for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)]
    out["shards"] = []
    for sid in range(2):
        d = ds.MindDataset(first, shuffle=False, num_shards=2, shard_id=sid)
        key = out["columns"][0]
        out["shards"].append([C.encode(row[key]) for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)])
    return out


def db_dump(path):
    con = sqlite3.connect(path)
    try:
        return {"sql": [r[0] for r in con.execute("SELECT sql FROM sqlite_master ORDER BY name")],
                "indexes": [list(r) for r in con.execute("SELECT * FROM INDEXES")],
                "name": [list(r) for r in con.execute("SELECT * FROM SHARD_NAME")]}
    finally:
        con.close()


def generate():
    import mindspore.mindrecord as mr
    expected = {}
    for name, make in C.CASES.items():
        case = make()
        d = os.path.join(OUT, name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        C.write(mr, d, name, case)
        expected[name] = read_back(d, name, case)
        print(name, sorted(os.listdir(d)))
    import subprocess
    with tempfile.TemporaryDirectory() as t:
        out = subprocess.run([sys.executable, os.path.join(OUT, "tutorial_dataset_page.py")], cwd=t,
                             capture_output=True, text=True, check=True).stdout
    expected["tutorial_dataset_page"] = out.splitlines()
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=0, sort_keys=True)


def write_minispore(directory):
    sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
    import minispore.mindrecord as mr
    os.makedirs(directory, exist_ok=True)
    for name, make in C.CASES.items():
        d = os.path.join(directory, name)
        os.makedirs(d, exist_ok=True)
        C.write(mr, d, name, make())
    print("written", directory)


def check_minispore(directory):
    import mindspore.mindrecord as mr
    with open(os.path.join(OUT, "expected.json")) as f:
        expected = json.load(f)
    bad = 0
    for name, make in C.CASES.items():
        case = make()
        d = os.path.join(directory, name)
        got = json.loads(json.dumps(read_back(d, name, case), sort_keys=True))
        same_rows = got == expected[name]
        with tempfile.TemporaryDirectory() as t:
            C.write(mr, t, name, case)
            diffs = []
            for fn in C.data_files(name, case):
                a, b = open(os.path.join(t, fn), "rb").read(), open(os.path.join(d, fn), "rb").read()
                if a != b:
                    diffs.append(f"{fn}: data bytes differ ({len(a)} vs {len(b)} bytes)")
                if db_dump(os.path.join(t, fn + ".db")) != db_dump(os.path.join(d, fn + ".db")):
                    diffs.append(f"{fn}.db: tables differ")
        ok = same_rows and not diffs
        bad += not ok
        print(f"{name}: rows read by MindSpore {'match' if same_rows else 'DIFFER'}; "
              f"{'; '.join(diffs) if diffs else 'files identical to MindSpore-written (.db: same tables/rows)'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--write-minispore")
    ap.add_argument("--check-minispore")
    a = ap.parse_args()
    if a.write_minispore:
        write_minispore(a.write_minispore)
    elif a.check_minispore:
        check_minispore(a.check_minispore)
    else:
        generate()
