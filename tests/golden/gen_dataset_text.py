"""Record (or re-check) the goldens of mindspore.dataset.text, the text sources, the sequence transforms and padded
batching with MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_dataset_text.py            # writes tests/golden/dataset_text.json
    /tmp/msref/bin/python tests/golden/gen_dataset_text.py --check    # re-runs every case against the recording
    ... gen_dataset_text.py --only PREFIX / --show / --explore

The cases live in cases_dataset_text.py and are shared with tests/test_golden_dataset_text.py. Their input files
are written by ``cases_dataset_text.make_data`` into a temporary folder. The recording is laid out as engine.json
(one case per line, describe.py encoding).
"""
import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402

import cases_dataset_text as C  # noqa: E402
from describe import compare  # noqa: E402
from gen_engine import dumps  # noqa: E402

OUT = os.path.join(HERE, "dataset_text.json")


def run(ms, thunk, root):
    from describe import describe, describe_error
    try:
        return describe(thunk())
    except Exception as e:  # noqa: BLE001 - errors are results too
        d = describe_error(e)
        d["message"] = C.clean_message(str(e)).replace(root, "<root>")[:600]   # (the folder's name is random)
        return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--explore", action="store_true", help="print every case's error, check no keywords, write nothing")
    args = ap.parse_args()

    warnings.filterwarnings("ignore")
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)

    root = tempfile.mkdtemp(prefix="ms_dst_")
    cwd = os.getcwd()
    try:
        C.make_data(root)
        os.chdir(root)
        all_cases = C.cases(ms, root)
        names = [n for n, _ in all_cases]
        assert len(names) == len(set(names)), "duplicate case names"
        unknown = (set(C.DELIBERATE) | set(C.INSTEAD) | set(C.TOLERANCE) | set(C.NOTES)) - set(names)
        assert not unknown, "tables name cases that do not exist: %s" % sorted(unknown)
        results = {}
        for name, thunk in all_cases:
            if args.only and not name.startswith(args.only):
                continue
            entry = {"result": run(ms, thunk, root)}
            for attr in ("keywords", "note"):
                if getattr(thunk, attr, None):
                    entry[attr] = getattr(thunk, attr)
            if name in C.DELIBERATE:
                entry["deliberate"] = C.DELIBERATE[name]
            if name in C.TOLERANCE:
                entry["tolerance"] = C.TOLERANCE[name]
            results[name] = entry
            if args.show:
                print(name, json.dumps(entry["result"])[:300])
            kw = entry.get("keywords")
            if args.explore:
                if "error" in entry["result"]:
                    print(f"{name}: {entry['result']['error']}: {entry['result']['message'][:250]}")
                continue
            if "error" in entry["result"] and kw:
                msg = entry["result"]["message"].lower()
                missing = [k for k in kw if k.lower() not in msg]
                assert not missing, f"{name}: keywords {missing} are not in MindSpore's message {msg!r}"
    finally:
        os.chdir(cwd)
        shutil.rmtree(root, ignore_errors=True)

    if args.explore:
        return
    if args.check:
        with open(OUT) as fh:
            golden = json.load(fh)["cases"]
        bad = 0
        for name, entry in results.items():
            if name not in golden:
                print("NOT RECORDED", name)
                bad += 1
                continue
            errs = compare(golden[name]["result"], entry["result"])
            if errs:
                bad += 1
                print("MISMATCH", name, *errs[:3], sep="\n  ")
        print(f"checked {len(results)} cases, {bad} mismatches")
        sys.exit(1 if bad else 0)
    if args.only:
        print("not writing dataset_text.json for a subset (--only); use --check or --show")
        sys.exit(2)
    doc = {"meta": {"mindspore": ms.__version__, "numpy": np.__version__,
                    "python": platform.python_version(), "generator": "tests/golden/gen_dataset_text.py",
                    "encoding": "tests/golden/describe.py"},
           "cases": results}
    with open(OUT, "w") as fh:
        fh.write(dumps(doc))
    n_err = sum(1 for e in results.values() if "error" in e["result"])
    print(f"wrote {OUT}: {len(results)} cases ({n_err} record an exception), {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
