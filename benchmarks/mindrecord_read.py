"""MindDataset read throughput: one file written by MindSpore 2.10's FileWriter (image bytes, an int32 label, a
float32 feature vector and a string per row), read in file order through ``create_tuple_iterator(output_numpy=True)``
by minispore and by MindSpore, each in its own process, and the same rows batched by 32. Prints rows/s and the
minispore / MindSpore ratio (above 1: minispore reads faster).

    python benchmarks/mindrecord_read.py [--rows 20000] [--repeat 3]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _common import MINDSPORE_PYTHON, emit_json  # noqa: E402

SCHEMA = {"image": {"type": "bytes"}, "label": {"type": "int32"}, "feature": {"type": "float32", "shape": [32]},
          "name": {"type": "string"}}


def write(mindrecord, path, rows):
    import numpy as np
    rng = np.random.default_rng(0)
    w = mindrecord.FileWriter(path, overwrite=True)
    w.add_schema(SCHEMA, "benchmark")
    for start in range(0, rows, 1000):
        w.write_raw_data([{"image": rng.integers(0, 256, 3072).astype(np.uint8).tobytes(), "label": i % 10,
                           "feature": rng.normal(size=32).astype(np.float32), "name": f"img_{i:06d}.jpg"}
                          for i in range(start, min(rows, start + 1000))])
    w.commit()


def measure(ds, path, repeat):
    """Best rows/s of ``repeat`` passes, each from a fresh dataset (so nothing is carried over between them)."""
    out = {}
    for label, batch in (("rows", None), ("batches of 32", 32)):
        best = 0.0
        for _ in range(repeat):
            t = time.perf_counter()
            d = ds.MindDataset(path, shuffle=False)
            if batch:
                d = d.batch(batch)
            n = 0
            for row in d.create_tuple_iterator(output_numpy=True, num_epochs=1):
                n += len(row[1]) if batch else 1
            best = max(best, n / (time.perf_counter() - t))
        out[label] = best
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only")
    ap.add_argument("--path")
    a = ap.parse_args()
    if a.only == "mindspore":
        import mindspore.dataset as ds
        import mindspore.mindrecord as mr
        if a.path and not os.path.exists(a.path):
            write(mr, a.path, a.rows)
            return
        emit_json(measure(ds, a.path, a.repeat))
        return
    if a.only == "minispore":
        sys.path.insert(0, os.path.dirname(HERE))
        import minispore.dataset as ds
        emit_json(measure(ds, a.path, a.repeat))
        return
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bench.mindrecord")
        run = [MINDSPORE_PYTHON, __file__, "--only", "mindspore", "--path", path, "--rows", str(a.rows)]
        if subprocess.run(run, capture_output=True, text=True).returncode or not os.path.exists(path):
            sys.exit(f"MindSpore ({MINDSPORE_PYTHON}) could not write the benchmark file.")
        res = {}
        for name, py in (("minispore", sys.executable), ("mindspore", MINDSPORE_PYTHON)):
            p = subprocess.run([py, __file__, "--only", name, "--path", path, "--repeat", str(a.repeat)],
                               capture_output=True, text=True)
            lines = [x for x in p.stdout.splitlines() if x.startswith("{")]
            res[name] = json.loads(lines[-1]) if lines else None
            if not lines:
                print(f"({name} failed: {p.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
    print(f"\nMindDataset, {a.rows} rows (3 KB bytes + int32 + float32[32] + string), file order, rows/s (best of "
          f"{a.repeat})")
    print("| read | minispore | MindSpore | minispore / MindSpore |")
    print("| --- | --- | --- | --- |")
    for k in ("rows", "batches of 32"):
        m, s = (res[n][k] if res[n] else None for n in ("minispore", "mindspore"))
        ratio = f"{m / s:.2f}x" if m and s else "-"
        print(f"| {k} | {m:,.0f} | {s:,.0f} | {ratio} |" if m and s else f"| {k} | {m} | {s} | - |")


if __name__ == "__main__":
    main()
