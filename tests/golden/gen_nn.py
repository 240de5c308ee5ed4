"""Record nn / optimizer / checkpoint / dataset / Model goldens from real MindSpore.

Run with the MindSpore venv:
    /tmp/msref/bin/python tests/golden/gen_nn.py          # writes nn.json and ckpt/*
    /tmp/msref/bin/python tests/golden/gen_nn.py --check  # re-runs under MindSpore, compares with nn.json
    ... --check --only PREFIX                             # restrict to cases whose name starts with PREFIX
"""
import argparse
import json
import os
import platform
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from describe import compare, run_case  # noqa: E402
import cases_nn  # noqa: E402

OUT = os.path.join(HERE, "nn.json")
CKPT_DIR = os.path.join(HERE, "ckpt")

# Reference §5.3: the exact bytes of sample.ckpt.
SAMPLE_HEX = ("0a150a0473746570120d1205496e7433321a04070000000a340a0966632e7765696768741227080208031207466c6f61"
              "7433321a180000803f0000004000004040000080400000a0400000c0400a200a0766632e62696173121508021207466c"
              "6f617433321a080000003f000000bf")

# case name -> committed file written from the bytes that case produced
CKPT_FILES = {
    "ckpt.save_sample_bytes": "sample.ckpt",
    "ckpt.save_sample_append_bytes": "sample_append.ckpt",
    "ckpt.save_sample_crc_bytes": "sample_crc.ckpt",
    "ckpt.save_sample_safetensors_bytes": "sample.safetensors",
    "ckpt.save_multi_bytes": "multi.ckpt",
}


def write_ckpts(ms):
    os.makedirs(CKPT_DIR, exist_ok=True)
    table = dict(cases_nn.cases(ms))
    for cname, fname in CKPT_FILES.items():
        res = table[cname]()
        data = bytes.fromhex(res["hex"])
        path = os.path.join(CKPT_DIR, fname)
        if os.path.exists(path):
            os.chmod(path, 0o644)
        with open(path, "wb") as f:
            f.write(data)
        print("wrote %s (%d bytes)" % (path, len(data)))
    with open(os.path.join(CKPT_DIR, "sample.ckpt"), "rb") as f:
        got = f.read().hex()
    assert got == SAMPLE_HEX, "sample.ckpt differs from the reference hex:\n%s" % got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", default="")
    args = ap.parse_args()

    np.random.seed(0)  # MindSpore initializers draw from NumPy's global RNG
    import mindspore as ms
    ms.runtime.launch_blocking()  # synchronous kernels: errors and values belong to the case that made them

    if not args.check:
        write_ckpts(ms)

    all_cases = [(n, t) for n, t in cases_nn.cases(ms) if n.startswith(args.only)]
    names = [n for n, _ in all_cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, "duplicate case names: %s" % sorted(dup)

    def synced(thunk):
        # MindSpore executes asynchronously: make a case's deferred errors surface inside that case
        def run():
            res = thunk()
            ms.runtime.synchronize()
            return res
        return run

    results = {}
    for name, thunk in all_cases:
        results[name] = run_case(synced(thunk))
        r = results[name]
        if isinstance(r, dict) and "error" in r:
            print("[error] %s: %s: %s" % (name, r["error"], r["message"][:160].replace("\n", " ")))

    if args.check:
        with open(OUT) as f:
            golden = json.load(f)["cases"]
        bad = 0
        for name in names:
            if name not in golden:
                print("MISSING in nn.json:", name)
                bad += 1
                continue
            if name.startswith("init_stats."):
                probs = cases_nn.check_init_stats(name, golden[name], results[name])
            else:
                rtol, atol = cases_nn.tolerance(name)
                probs = compare(golden[name], results[name], rtol=rtol, atol=atol)
            if probs:
                bad += 1
                print("MISMATCH %s:\n  %s" % (name, "\n  ".join(probs[:10])))
        print("checked %d cases, %d mismatches" % (len(names), bad))
        sys.exit(1 if bad else 0)

    meta = {"mindspore": ms.__version__, "numpy": np.__version__, "python": platform.python_version(),
            "generator": "tests/golden/gen_nn.py", "count": len(results)}
    with open(OUT, "w") as f:
        json.dump({"meta": meta, "cases": results}, f, indent=None, separators=(",", ":"), sort_keys=False)
        f.write("\n")
    print("wrote %s: %d cases, %d bytes" % (OUT, len(results), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
