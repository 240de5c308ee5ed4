"""Time to ``import minispore`` (and, for comparison, NumPy, PyTorch and MindSpore) in a fresh interpreter, with
minispore's bytecode cached.

    python benchmarks/import_time.py
"""
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import MINDSPORE_PYTHON, have, print_table  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def import_seconds(python, module, runs=7):
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": ROOT})
        if out.returncode != 0:
            return None
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def compile_package():
    """Write minispore's bytecode first: with PYTHONDONTWRITEBYTECODE set (or a fresh checkout) every import would
    otherwise compile each changed module again, and that, not the import, is what would be timed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "minispore")], env=env,
                   capture_output=True, check=True)


def main():
    compile_package()
    row = {"minispore": import_seconds(sys.executable, "minispore"),
           "numpy": import_seconds(sys.executable, "numpy")}
    if have("torch"):
        row["pytorch"] = import_seconds(sys.executable, "torch", runs=3)
    if os.path.exists(MINDSPORE_PYTHON):
        t = import_seconds(MINDSPORE_PYTHON, "mindspore", runs=3)
        if t is not None:
            row["mindspore"] = t
    print_table("import time, median of fresh interpreters", {"import": {k: v for k, v in row.items() if v}})


if __name__ == "__main__":
    main()
