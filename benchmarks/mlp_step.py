"""The tutorial MLP (784-512-512-10, CrossEntropyLoss, SGD lr 1e-2): one training step at batch 64 and 512,
and inference at batch 64, through minispore (eager and jit), hand-written NumPy, PyTorch and MindSpore.

    python benchmarks/mlp_step.py [--repeat 30]
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import emit_json, have, median_time, print_table, run_in_mindspore  # noqa: E402

BATCHES = (64, 512)


def batch(n, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, n).astype(np.int32)


def bench_mindspore_like(ms, repeat):
    """The tutorial code itself, for minispore and MindSpore alike."""
    from_nn = ms.nn

    class Network(from_nn.Cell):
        def __init__(self):
            super().__init__()
            self.flatten = from_nn.Flatten()
            self.dense_relu_sequential = from_nn.SequentialCell(
                from_nn.Dense(28 * 28, 512), from_nn.ReLU(), from_nn.Dense(512, 512), from_nn.ReLU(),
                from_nn.Dense(512, 10))

        def construct(self, x):
            return self.dense_relu_sequential(self.flatten(x))

    results = {}
    for jit in (False, True):
        model = Network()
        loss_fn = from_nn.CrossEntropyLoss()
        optimizer = from_nn.SGD(model.trainable_params(), 1e-2)

        def forward_fn(data, label):
            logits = model(data)
            return loss_fn(logits, label), logits

        grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

        def train_step(data, label):
            (loss, _), grads = grad_fn(data, label)
            optimizer(grads)
            return loss

        def predict(data):
            return model(data)

        if jit:
            train_step, predict = ms.jit(train_step), ms.jit(predict)
        tag = "jit" if jit else "eager"
        model.set_train()
        for n in BATCHES:
            x, y = batch(n)
            data, label = ms.Tensor(x), ms.Tensor(y)
            results[f"train step, batch {n}, {tag}"] = median_time(lambda: train_step(data, label), repeat)
        model.set_train(False)
        x, _ = batch(64)
        data = ms.Tensor(x)
        results[f"inference, batch 64, {tag}"] = median_time(lambda: predict(data), repeat)
    return results


def bench_numpy(repeat):
    rng = np.random.default_rng(0)
    ws = [rng.uniform(-0.04, 0.04, s).astype(np.float32) for s in ((512, 784), (512, 512), (10, 512))]
    bs = [np.zeros(s, np.float32) for s in (512, 512, 10)]
    lr = np.float32(1e-2)

    def step(x, y):
        h0 = x.reshape(len(x), -1)
        a1 = h0 @ ws[0].T + bs[0]
        h1 = np.maximum(a1, 0)
        a2 = h1 @ ws[1].T + bs[1]
        h2 = np.maximum(a2, 0)
        z = h2 @ ws[2].T + bs[2]
        e = np.exp(z - z.max(1, keepdims=True))
        p = e / e.sum(1, keepdims=True)
        loss = -np.log(p[np.arange(len(y)), y]).mean()
        p[np.arange(len(y)), y] -= 1
        dz = p / np.float32(len(y))
        dh2 = dz @ ws[2]
        da2 = dh2 * (a2 > 0)
        dh1 = da2 @ ws[1]
        da1 = dh1 * (a1 > 0)
        grads = [(da1.T @ h0, da1.sum(0)), (da2.T @ h1, da2.sum(0)), (dz.T @ h2, dz.sum(0))]
        for (gw, gb), w, b in zip(grads, ws, bs):
            w -= lr * gw
            b -= lr * gb
        return loss

    def predict(x):
        h = x.reshape(len(x), -1)
        h = np.maximum(h @ ws[0].T + bs[0], 0)
        h = np.maximum(h @ ws[1].T + bs[1], 0)
        return h @ ws[2].T + bs[2]

    results = {}
    for n in BATCHES:
        x, y = batch(n)
        results[f"train step, batch {n}"] = median_time(lambda: step(x, y), repeat)
    x, _ = batch(64)
    results["inference, batch 64"] = median_time(lambda: predict(x), repeat)
    return results


def bench_torch(repeat):
    import torch
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 512), torch.nn.ReLU(),
                                torch.nn.Linear(512, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), 1e-2)

    def step(x, y):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss

    results = {}
    for n in BATCHES:
        x, y = batch(n)
        x, y = torch.from_numpy(x), torch.from_numpy(y).long()
        results[f"train step, batch {n}"] = median_time(lambda: step(x, y), repeat)
    x, _ = batch(64)
    x = torch.from_numpy(x)
    with torch.no_grad():
        results["inference, batch 64"] = median_time(lambda: model(x), repeat)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["mindspore"])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if args.only == "mindspore":
        import mindspore
        emit_json(bench_mindspore_like(mindspore, args.repeat))
        return
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import minispore
    import warnings
    warnings.simplefilter("ignore")
    mini = bench_mindspore_like(minispore, args.repeat)
    numpy_results = bench_numpy(args.repeat)
    torch_results = bench_torch(args.repeat) if have("torch") else {}
    ms_results = run_in_mindspore(os.path.abspath(__file__), ["--repeat", str(max(5, args.repeat // 3))]) or {}
    rows = {}
    for workload in numpy_results:
        row = {"minispore": mini[f"{workload}, eager"], "minispore jit": mini[f"{workload}, jit"],
               "numpy by hand": numpy_results[workload]}
        if workload in torch_results:
            row["pytorch"] = torch_results[workload]
        if f"{workload}, eager" in ms_results:
            row["mindspore"] = ms_results[f"{workload}, eager"]
            row["mindspore jit"] = ms_results[f"{workload}, jit"]
        rows[workload] = row
    print_table("Tutorial MLP, median per call", rows)


if __name__ == "__main__":
    main()
