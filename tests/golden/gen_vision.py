"""Record the vision-layer goldens (convolution, pooling, normalisation, dropout, activations) from real MindSpore.

Run with the MindSpore venv (MindSpore 2.10 needs NumPy < 2):
    /tmp/msref/bin/python tests/golden/gen_vision.py            # writes tests/golden/vision.json
    /tmp/msref/bin/python tests/golden/gen_vision.py --check    # re-runs every case, compares with vision.json
    /tmp/msref/bin/python tests/golden/gen_vision.py --check --jit   # the jittable cases under ms.jit vs the file
    ... --only PREFIX                                            # only cases whose name starts so
    ... --show                                                   # print each result

The cases live in cases_vision.py (shared with tests/test_golden_vision.py).  vision.json holds, per case, the
describe.py encoding of MindSpore's result (errors: class and message without the C++ call stack); floats are
stored with float32 precision (shortest repr), which keeps the file small and is far inside the tolerances.
Cases in cases_vision.DELIBERATE that have a reference in cases_vision.instead_cases() get it recorded under
"instead" (computed with MindSpore by an equivalent route).
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

import cases_vision  # noqa: E402
from describe import compare, describe, describe_error, indexing_works  # noqa: E402

OUT = os.path.join(HERE, "vision.json")


def clean_message(msg):
    """The message without MindSpore's C++ call stack / framework-developer sections and blank lines."""
    for marker in ("\n----------------------------------------------------\n- C++ Call Stack",
                   "\n----------------------------------------------------\n- The Traceback",
                   "\n----------------------------------------------------\n- Framework Unexpected"):
        msg = msg.split(marker)[0]
    lines = [ln for ln in msg.splitlines() if ln.strip() and not set(ln.strip()) <= set("-")]
    return "\n".join(lines)[:600]


def run_case(thunk, sync):
    try:
        res = thunk()
        sync()
        return describe(res)
    except Exception as e:  # noqa: BLE001 - errors are results too
        d = describe_error(e)
        d["message"] = clean_message(str(e))
        return d


def compact(d):
    """Floats to float32 precision (shortest repr); structure unchanged."""
    if isinstance(d, float):
        return float(repr(np.float32(d)))
    if isinstance(d, list):
        return [compact(v) for v in d]
    if isinstance(d, dict):
        return {k: compact(v) for k, v in d.items()}
    return d


def dumps(doc):
    """One case per line, keys inside a case in describe() order (describe.compare reads a description's kind from
    its first key)."""
    lines = ["{"]
    for section in ("cases", "instead"):
        lines.append(' "%s": {' % section)
        names = list(doc[section])
        for i, name in enumerate(names):
            body = json.dumps(doc[section][name], separators=(",", ":"))
            lines.append(f"  {json.dumps(name)}: {body}" + ("," if i < len(names) - 1 else ""))
        lines.append(" },")
    lines.append(' "meta": ' + json.dumps(doc["meta"], sort_keys=True))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--jit", action="store_true", help="with --check: run the jittable cases under ms.jit")
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()

    warnings.filterwarnings("ignore")
    np.random.seed(0)
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)
    ms.runtime.launch_blocking()  # synchronous kernels: errors and values belong to the case that made them
    sync = ms.runtime.synchronize

    all_cases = [(n, t) for n, t in cases_vision.cases(ms, jit=args.jit) if n.startswith(args.only)]
    names = [n for n, _ in all_cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, "duplicate case names: %s" % sorted(dup)

    results = {}
    for name, thunk in all_cases:
        assert indexing_works(ms), "MindSpore's tensor indexing is broken before %s" % name
        results[name] = compact(run_case(thunk, sync))
        r = results[name]
        if args.show:
            print(name, json.dumps(r)[:400])
        elif isinstance(r, dict) and "error" in r and not name.startswith("err."):
            print("[error] %s: %s: %s" % (name, r["error"], r["message"][:160].replace("\n", " ")))

    instead = {}
    for name, thunk in cases_vision.instead_cases(ms).items():
        if name.startswith(args.only) and not args.jit:
            instead[name] = compact(run_case(thunk, sync))
            r = instead[name]
            if isinstance(r, dict) and "error" in r:
                print("[instead error] %s: %s: %s" % (name, r["error"], r["message"][:160].replace("\n", " ")))

    if args.check:
        with open(OUT) as f:
            doc = json.load(f)
        bad = 0
        for section, got in (("cases", results), ("instead", instead)):
            golden = doc[section]
            for name, res in got.items():
                if name not in golden:
                    print("MISSING in vision.json[%s]: %s" % (section, name))
                    bad += 1
                    continue
                if name.startswith("init."):
                    probs = cases_vision.check_init(golden[name], res)
                else:
                    rtol, atol = cases_vision.tolerance(name)
                    probs = compare(golden[name], res, rtol=rtol, atol=atol)
                if probs:
                    bad += 1
                    print("MISMATCH %s %s:\n  %s" % (section, name, "\n  ".join(probs[:10])))
        print("checked %d cases (+%d instead), %d mismatches" % (len(results), len(instead), bad))
        sys.exit(1 if bad else 0)

    meta = {"mindspore": ms.__version__, "numpy": np.__version__, "python": platform.python_version(),
            "generator": "tests/golden/gen_vision.py", "count": len(results), "mode": "PYNATIVE (CPU)"}
    with open(OUT, "w") as f:
        f.write(dumps({"cases": results, "instead": instead, "meta": meta}))
    print("wrote %s: %d cases (+%d instead), %d bytes" % (OUT, len(results), len(instead), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
