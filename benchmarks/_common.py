"""Shared benchmark helpers: medians, a results table with ratios to PyTorch, and running the MindSpore part of
a benchmark in MindSpore's own interpreter (it needs NumPy < 2, so it lives in a separate virtualenv).

Set MINDSPORE_PYTHON to that interpreter (default /tmp/msref/bin/python); a framework that cannot be imported
is skipped. Benchmarks are run by hand, never in CI.
"""
import json
import os
import statistics
import subprocess
import sys
import time

MINDSPORE_PYTHON = os.environ.get("MINDSPORE_PYTHON", "/tmp/msref/bin/python")


def median_time(fn, repeat=50, warmup=5, number=1):
    """Median wall time of ``number`` calls of ``fn``, in seconds per call."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - t) / number)
    return statistics.median(samples)


def have(module):
    try:
        __import__(module)
        return True
    except Exception:
        return False


def run_in_mindspore(script, args=()):
    """Run ``script --only mindspore`` under MindSpore's interpreter; returns its JSON results or None."""
    if not os.path.exists(MINDSPORE_PYTHON):
        return None
    proc = subprocess.run([MINDSPORE_PYTHON, script, "--only", "mindspore", *args], capture_output=True, text=True)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        print(f"(MindSpore run failed: {proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(lines[-1])


def format_time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def print_table(title, rows, reference="pytorch"):
    """rows: {workload: {framework: seconds}}; prints medians and each framework's ratio to ``reference``."""
    frameworks = []
    for result in rows.values():
        for name in result:
            if name not in frameworks:
                frameworks.append(name)
    print(f"\n{title}")
    header = "| workload | " + " | ".join(frameworks) + " | " + \
        " | ".join(f"{f} / {reference}" for f in frameworks if f != reference) + " |"
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for workload, result in rows.items():
        cells = [format_time(result[f]) if f in result else "-" for f in frameworks]
        ref = result.get(reference)
        ratios = [f"{result[f] / ref:.2f}x" if ref and f in result else "-" for f in frameworks if f != reference]
        print(f"| {workload} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


def emit_json(results):
    print(json.dumps(results))
