"""Record (or re-check) the core goldens with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_core.py            # writes tests/golden/core.json
    /tmp/msref/bin/python tests/golden/gen_core.py --check    # re-runs every case and compares with core.json
    ... gen_core.py --only PREFIX                             # (with --check) only cases whose name starts so

The cases live in cases_core.py and are shared with tests/test_golden_core.py (which runs them on minispore).
"""
import argparse
import json
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402

import cases_core  # noqa: E402
from describe import indexing_works  # noqa: E402

OUT = os.path.join(HERE, "core.json")


def dumps(doc):
    """Pretty at the top two levels (one case per line, keys sorted), compact inside each case: keeps the file
    small and its diffs readable."""
    lines = ["{", ' "cases": {']
    names = sorted(doc["cases"])
    for i, name in enumerate(names):
        body = json.dumps(doc["cases"][name], sort_keys=True, separators=(",", ":"))
        lines.append(f"  {json.dumps(name)}: {body}" + ("," if i < len(names) - 1 else ""))
    lines.append(" },")
    lines.append(' "meta": ' + json.dumps(doc["meta"], sort_keys=True))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true", help="print each result")
    args = ap.parse_args()

    warnings.filterwarnings("ignore")
    import mindspore as ms

    ms.set_context(mode=ms.PYNATIVE_MODE)
    # synchronous kernel launch: otherwise an asynchronous kernel error is re-raised by later, unrelated cases
    ms.runtime.launch_blocking()
    # (the case order in cases_core.py avoids MindSpore's broken-indexing state; indexing_works checks it)
    results = {}
    corrupted = []
    for name, thunk in cases_core.cases(ms):
        if args.only and not name.startswith(args.only):
            continue
        if not indexing_works(ms):
            corrupted.append(name)
        entry = {"result": cases_core.run_case(thunk, ms)}
        kw = getattr(thunk, "keywords", None)
        if kw:
            entry["keywords"] = kw
        note = getattr(thunk, "note", None)
        if note:
            entry["note"] = note
        results[name] = entry
        if args.show:
            print(name, json.dumps(entry["result"])[:300])

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
            errs = cases_core.compare(golden[name]["result"], entry["result"])
            if errs:
                bad += 1
                print("MISMATCH", name, *errs[:3], sep="\n  ")
        print(f"checked {len(results)} cases, {bad} mismatches")
        sys.exit(1 if bad else 0)

    if corrupted:
        print("not writing core.json: reorder the cases so that the state is reset before the next case")
        sys.exit(2)
    doc = {
        "meta": {
            "mindspore": ms.__version__,
            "numpy": np.__version__,
            "python": sys.version.split()[0],
            "mode": "PYNATIVE_MODE, CPU",
            "generator": "tests/golden/gen_core.py",
        },
        "cases": results,
    }
    with open(OUT, "w") as fh:
        fh.write(dumps(doc))
    n_err = sum(1 for e in results.values() if "error" in e["result"])
    print(f"wrote {OUT}: {len(results)} cases ({n_err} record an exception), {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
