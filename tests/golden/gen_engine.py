"""Record (or re-check) the engine edge-case goldens with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_engine.py            # writes tests/golden/engine.json
    /tmp/msref/bin/python tests/golden/gen_engine.py --check    # re-runs every case and compares with engine.json
    ... gen_engine.py --only PREFIX                             # only cases whose name starts so
    ... gen_engine.py --show                                    # print each result

The cases live in cases_engine.py and are shared with tests/test_golden_engine.py (which runs them on minispore).
Results are encoded with describe.py; engine.json is laid out like core.json (one case per line).  Each entry holds
``result`` (MindSpore's behaviour, the exception message without its C++ call stack), and where they apply
``keywords``, ``note``, ``deliberate`` (why minispore should differ) and ``unstable`` (values vary run to run).
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

import cases_engine  # noqa: E402
from describe import compare, describe, describe_error, indexing_works  # noqa: E402

OUT = os.path.join(HERE, "engine.json")


def dumps(doc):
    """Laid out like gen_core.dumps (one case per line, compact inside), but in definition order and with the keys
    inside a case *not* sorted: describe.compare reads a description's kind from its first key ("tensor" before
    "shape"), so the order describe() produced must survive the round trip."""
    lines = ["{", ' "cases": {']
    names = list(doc["cases"])
    for i, name in enumerate(names):
        body = json.dumps(doc["cases"][name], separators=(",", ":"))
        lines.append(f"  {json.dumps(name)}: {body}" + ("," if i < len(names) - 1 else ""))
    lines.append(" },")
    lines.append(' "meta": ' + json.dumps(doc["meta"], sort_keys=True))
    lines.append("}")
    return "\n".join(lines) + "\n"


def run_case(thunk):
    """Describe the thunk's result, or the exception it raised.  The result is described (read) inside the try: with
    ms.runtime.launch_blocking() (set in main) an asynchronous kernel error then belongs to the case that caused it."""
    try:
        return describe(thunk())
    except Exception as e:  # noqa: BLE001 - errors are results too
        d = describe_error(e)
        d["message"] = cases_engine.clean_message(str(e))[:600]
        return d


def strip_values(d):
    """A description with every tensor value replaced by 0 (for UNSTABLE cases): structure, dtype and shape remain
    comparable, the numbers do not."""
    def zero(v):
        return [zero(x) for x in v] if isinstance(v, list) else 0

    if isinstance(d, dict):
        return {k: (zero(v) if k == "value" else strip_values(v)) for k, v in d.items()}
    if isinstance(d, list):
        return [strip_values(v) for v in d]
    return d


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

    all_cases = cases_engine.cases(ms)
    names = [n for n, _ in all_cases]
    assert len(names) == len(set(names)), "duplicate case names"
    unknown = (set(cases_engine.DELIBERATE) | set(cases_engine.INSTEAD) | set(cases_engine.UNSTABLE)
               | set(cases_engine.NOTES)) - set(names)
    assert not unknown, "tables name cases that do not exist: %s" % sorted(unknown)
    assert set(cases_engine.INSTEAD) <= set(cases_engine.DELIBERATE)

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
        if name in cases_engine.DELIBERATE:
            entry["deliberate"] = cases_engine.DELIBERATE[name]
        if name in cases_engine.UNSTABLE:
            entry["unstable"] = cases_engine.UNSTABLE[name]
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
            exp, act = golden[name]["result"], entry["result"]
            if name in cases_engine.UNSTABLE:
                exp, act = strip_values(exp), strip_values(act)
            rtol, atol = cases_engine.tolerance(name)
            errs = compare(exp, act, rtol=rtol, atol=atol)
            if errs:
                bad += 1
                print("MISMATCH", name, *errs[:3], sep="\n  ")
        print(f"checked {len(results)} cases, {bad} mismatches")
        sys.exit(1 if bad else 0)

    if corrupted:
        print("not writing engine.json: reorder the cases so that the state is reset before the next case")
        sys.exit(2)
    if args.only:
        print("not writing engine.json for a subset (--only); use --check or --show")
        sys.exit(2)
    doc = {
        "meta": {
            "mindspore": ms.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "mode": "PYNATIVE_MODE, CPU (dyn/set_inputs_graph_* switch to GRAPH_MODE)",
            "generator": "tests/golden/gen_engine.py",
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
