"""Record the mixed-precision goldens (mindspore.amp, loss scaling, to_float, bfloat16) from real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_amp.py            # writes tests/golden/amp.json
    /tmp/msref/bin/python tests/golden/gen_amp.py --check    # re-runs every case, compares with amp.json
    ... --only PREFIX / --show

The cases live in cases_amp.py (shared with tests/test_golden_amp.py); the file is laid out and compacted as
vision.json (gen_vision.py's helpers).
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

import cases_amp  # noqa: E402
from describe import compare  # noqa: E402
from gen_vision import compact, dumps, run_case  # noqa: E402

OUT = os.path.join(HERE, "amp.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    np.random.seed(0)
    os.environ["MINISPORE_AMP_FRAMEWORK"] = "mindspore"
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)
    ms.runtime.launch_blocking()
    results = {}
    for name, thunk in cases_amp.cases(ms):
        if not name.startswith(args.only):
            continue
        results[name] = r = compact(run_case(thunk, ms.runtime.synchronize))
        if args.show:
            print(name, json.dumps(r)[:400])
        elif isinstance(r, dict) and "error" in r and not name.startswith("err."):
            print("[error] %s: %s: %s" % (name, r["error"], r["message"][:200].replace("\n", " ")))
    if args.check:
        with open(OUT) as f:
            golden = json.load(f)["cases"]
        bad = 0
        for name, res in results.items():
            probs = compare(golden[name], res, *cases_amp.tolerance(name)) if name in golden else ["missing"]
            if probs:
                bad += 1
                print("MISMATCH %s:\n  %s" % (name, "\n  ".join(probs[:10])))
        print("checked %d cases, %d mismatches" % (len(results), bad))
        sys.exit(1 if bad else 0)
    meta = {"mindspore": ms.__version__, "numpy": np.__version__, "python": platform.python_version(),
            "generator": "tests/golden/gen_amp.py", "count": len(results), "mode": "PYNATIVE (CPU)"}
    with open(OUT, "w") as f:
        f.write(dumps({"cases": results, "instead": {}, "meta": meta}))
    print("wrote %s: %d cases, %d bytes" % (OUT, len(results), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
