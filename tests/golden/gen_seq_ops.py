"""Record (or re-check) the sequence-model op goldens (tests/golden/cases_seq_ops.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_seq_ops.py            # writes tests/golden/seq_ops.json
    /tmp/msref/bin/python tests/golden/gen_seq_ops.py --check    # re-runs every case and compares with seq_ops.json
    ... gen_seq_ops.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_seq_ops.py --show                                    # print each result

The cases live in cases_seq_ops.py and are shared with tests/test_golden_seq_ops.py (which runs them on
minispore). The encoding, the file layout and the entry fields are gen_engine.py's (whose helpers this uses):
``result``, and where they apply ``keywords``, ``note`` and ``deliberate``.
"""
import argparse
import json
import os
import platform
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402

import cases_seq_ops  # noqa: E402
from describe import compare, indexing_works  # noqa: E402
from gen_engine import dumps, run_case  # noqa: E402

OUT = os.path.join(HERE, "seq_ops.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true", help="print each result")
    args = ap.parse_args()

    warnings.filterwarnings("ignore")
    import mindspore as ms

    ms.set_context(mode=ms.PYNATIVE_MODE)
    ms.runtime.launch_blocking()

    all_cases = cases_seq_ops.cases(ms)
    names = [n for n, _ in all_cases]
    assert len(names) == len(set(names)), "duplicate case names"
    unknown = (set(cases_seq_ops.DELIBERATE) | set(cases_seq_ops.INSTEAD) | set(cases_seq_ops.UNSTABLE)
               | set(cases_seq_ops.NOTES)) - set(names)
    assert not unknown, "tables name cases that do not exist: %s" % sorted(unknown)
    assert set(cases_seq_ops.INSTEAD) <= set(cases_seq_ops.DELIBERATE)

    results = {}
    corrupted = []
    for name, thunk in all_cases:
        if args.only and not name.startswith(args.only):
            continue
        if not indexing_works(ms):
            corrupted.append(name)
        entry = {"result": run_case(thunk)}
        kw = getattr(thunk, "keywords", None)
        if kw:
            entry["keywords"] = kw
        note = getattr(thunk, "note", None)
        if note:
            entry["note"] = note
        if name in cases_seq_ops.DELIBERATE:
            entry["deliberate"] = cases_seq_ops.DELIBERATE[name]
        results[name] = entry
        if args.show:
            print(name, json.dumps(entry["result"])[:300])
        if "error" in entry["result"] and kw:
            msg = entry["result"]["message"].lower()
            missing = [k for k in kw if k.lower() not in msg]
            assert not missing, f"{name}: keywords {missing} are not in MindSpore's message {msg!r}"

    if corrupted:
        print("WARNING: MindSpore's indexing state was broken before:", ", ".join(corrupted))

    if args.check:
        with open(OUT) as fh:
            golden = json.load(fh)["cases"]
        bad = 0
        for name, entry in results.items():
            if name not in golden:
                print("NOT RECORDED", name)
                bad += 1
                continue
            rtol, atol = cases_seq_ops.tolerance(name)
            errs = compare(golden[name]["result"], entry["result"], rtol=rtol, atol=atol)
            if errs:
                bad += 1
                print("MISMATCH", name, *errs[:3], sep="\n  ")
        print(f"checked {len(results)} cases, {bad} mismatches")
        sys.exit(1 if bad else 0)

    if corrupted:
        print("not writing seq_ops.json: reorder the cases so that the state is reset before the next case")
        sys.exit(2)
    if args.only:
        print("not writing seq_ops.json for a subset (--only); use --check or --show")
        sys.exit(2)
    doc = {
        "meta": {
            "mindspore": ms.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "mode": "PYNATIVE_MODE, CPU",
            "generator": "tests/golden/gen_seq_ops.py",
            "encoding": "tests/golden/describe.py",
        },
        "cases": results,
    }
    with open(OUT, "w") as fh:
        fh.write(dumps(doc))
    n_err = sum(1 for e in results.values() if "error" in e["result"])
    print(f"wrote {OUT}: {len(results)} cases ({n_err} record an exception), {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
