"""One call of ``grad(function, (2, 3))`` from the MindSpore autodiff tutorial (5x3 weights).

    python benchmarks/small_grad.py

Runs minispore (eager and under ``jit``), hand-written NumPy, PyTorch eager (``torch.autograd.grad``) and, where
installed, MindSpore 2.10 (PyNative and jit), and prints median latencies with ratios to PyTorch.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import emit_json, have, median_time, print_table, run_in_mindspore  # noqa: E402

REPEAT = 300
rng = np.random.default_rng(0)
W = rng.standard_normal((5, 3)).astype(np.float32)
B = rng.standard_normal(3).astype(np.float32)


def bench_mindspore_like(ms):
    from_ops = ms.ops
    x = from_ops.ones(5, ms.float32)
    y = from_ops.zeros(3, ms.float32)
    w = ms.Parameter(ms.Tensor(W), name='w')
    b = ms.Parameter(ms.Tensor(B), name='b')

    def function(x, y, w, b):
        z = from_ops.matmul(x, w) + b
        return from_ops.binary_cross_entropy_with_logits(z, y, from_ops.ones_like(z), from_ops.ones_like(z))

    grad_fn = ms.grad(function, (2, 3))
    results = {"eager": median_time(lambda: grad_fn(x, y, w, b), REPEAT, number=10)}
    if hasattr(ms, "jit"):
        jitted = ms.jit(grad_fn)
        jitted(x, y, w, b)
        results["jit"] = median_time(lambda: jitted(x, y, w, b), REPEAT, number=10)
    return results


def bench_numpy():
    x, y = np.ones(5, np.float32), np.zeros(3, np.float32)

    def step():
        z = x @ W + B
        s = 1 / (1 + np.exp(-z))
        dz = (s - y) / np.float32(3)
        return np.outer(x, dz), dz

    return median_time(step, REPEAT, number=10)


def bench_torch():
    import torch
    torch.set_num_threads(1)
    x, y = torch.ones(5), torch.zeros(3)
    w = torch.tensor(W, requires_grad=True)
    b = torch.tensor(B, requires_grad=True)

    def step():
        z = torch.matmul(x, w) + b
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y, torch.ones_like(z),
                                                                    pos_weight=torch.ones_like(z))
        return torch.autograd.grad(loss, (w, b))

    return median_time(step, REPEAT, number=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["mindspore"])
    args = parser.parse_args()
    if args.only == "mindspore":
        import mindspore
        emit_json(bench_mindspore_like(mindspore))
        return
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import minispore
    row = {}
    mini = bench_mindspore_like(minispore)
    row["minispore"] = mini["eager"]
    if "jit" in mini:
        row["minispore jit"] = mini["jit"]
    row["numpy by hand"] = bench_numpy()
    if have("torch"):
        row["pytorch"] = bench_torch()
    ms = run_in_mindspore(os.path.abspath(__file__))
    if ms:
        row["mindspore"] = ms["eager"]
        if "jit" in ms:
            row["mindspore jit"] = ms["jit"]
    print_table("grad(function, (2, 3)) from the autodiff tutorial, median per call", {"small grad": row})


if __name__ == "__main__":
    main()
