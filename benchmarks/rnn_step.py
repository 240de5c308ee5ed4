"""Sequence-model train steps through minispore (eager and jit), PyTorch (eager, CPU) and MindSpore (PyNative and
jit), the workloads of the sequence-model issue:

- the sentiment model (the RNN tutorial's): Embedding 5000x100, 2-layer bidirectional LSTM with hidden size 128,
  the two last hidden states into Dense(256, 1), BCEWithLogits, Adam; batch 32, sequence 64;
- a 2-layer TransformerEncoder (d_model 128, 4 heads, feed-forward 512, dropout 0), mean-pooled into Dense(128, 2),
  cross-entropy, Adam; batch 16, sequence 64;
- the peak memory of each train step (the rise of the process's peak RSS over its RSS once the model, the
  optimizer and the batch exist, over 5 steps, each framework in a fresh process).

    python benchmarks/rnn_step.py [--repeat 10] [--skip-memory]
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _common import MINDSPORE_PYTHON, emit_json, have, median_time, print_table, run_in_mindspore  # noqa: E402

VOCAB, EMBED, HIDDEN, SEQ, BATCH = 5000, 100, 128, 64, 32
D_MODEL, HEADS, FFN, T_SEQ, T_BATCH = 128, 4, 512, 64, 16
WORKLOADS = ("LSTM sentiment train step", "TransformerEncoder train step")


def data(workload, seed=0):
    rng = np.random.default_rng(seed)
    if workload == WORKLOADS[0]:
        return rng.integers(0, VOCAB, (BATCH, SEQ)).astype(np.int32), rng.integers(0, 2, (BATCH, 1)).astype(np.float32)
    return rng.standard_normal((T_BATCH, T_SEQ, D_MODEL)).astype(np.float32), \
        rng.integers(0, 2, T_BATCH).astype(np.int32)


# ----------------------------------------------------------------------------- MindSpore-style models
def mindspore_step(ms, workload, jit):
    nn, ops = ms.nn, ms.ops

    class Sentiment(nn.Cell):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(VOCAB, EMBED)
            self.rnn = nn.LSTM(EMBED, HIDDEN, num_layers=2, bidirectional=True, batch_first=True)
            self.fc = nn.Dense(HIDDEN * 2, 1)

        def construct(self, ids):
            _, (hidden, _) = self.rnn(self.embedding(ids))
            return self.fc(ops.concat((hidden[-2, :, :], hidden[-1, :, :]), axis=1))

    class Encoder(nn.Cell):
        def __init__(self):
            super().__init__()
            layer = nn.TransformerEncoderLayer(D_MODEL, HEADS, FFN, dropout=0.0, batch_first=True)
            self.encoder = nn.TransformerEncoder(layer, 2)
            self.fc = nn.Dense(D_MODEL, 2)

        def construct(self, x):
            return self.fc(self.encoder(x).mean(1))

    if workload == WORKLOADS[0]:
        model, loss_fn = Sentiment(), nn.BCEWithLogitsLoss()
    else:
        model, loss_fn = Encoder(), nn.CrossEntropyLoss()
    model.set_train()
    optimizer = nn.Adam(model.trainable_params(), 1e-3)

    def forward_fn(x, y):       # (a def, not a lambda: MindSpore's graph mode parses the source)
        return loss_fn(model(x), y)
    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters)

    def train_step(x, y):
        loss, grads = grad_fn(x, y)
        optimizer(grads)
        return loss
    step = ms.jit(train_step) if jit else train_step
    x, y = data(workload)
    x, y = ms.Tensor(x), ms.Tensor(y)
    return lambda: step(x, y)


def bench_mindspore_like(ms, repeat):
    results = {}
    for jit in (False, True):
        for workload in WORKLOADS:
            try:
                run = mindspore_step(ms, workload, jit)
                results[f"{workload}, {'jit' if jit else 'eager'}"] = median_time(run, repeat, 2)
            except Exception as e:  # noqa: BLE001 - a layer this build lacks, a graph it cannot compile
                print(f"({workload}, {'jit' if jit else 'eager'}: {type(e).__name__}: {str(e)[:200]})",
                      file=sys.stderr)
    return results


# ----------------------------------------------------------------------------- PyTorch
def torch_step(workload):
    import torch
    tnn = torch.nn

    class Sentiment(tnn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = tnn.Embedding(VOCAB, EMBED)
            self.rnn = tnn.LSTM(EMBED, HIDDEN, num_layers=2, bidirectional=True, batch_first=True)
            self.fc = tnn.Linear(HIDDEN * 2, 1)

        def forward(self, ids):
            _, (hidden, _) = self.rnn(self.embedding(ids))
            return self.fc(torch.cat((hidden[-2], hidden[-1]), 1))

    class Encoder(tnn.Module):
        def __init__(self):
            super().__init__()
            layer = tnn.TransformerEncoderLayer(D_MODEL, HEADS, FFN, dropout=0.0, batch_first=True)
            self.encoder = tnn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
            self.fc = tnn.Linear(D_MODEL, 2)

        def forward(self, x):
            return self.fc(self.encoder(x).mean(1))

    if workload == WORKLOADS[0]:
        model, loss_fn = Sentiment(), tnn.BCEWithLogitsLoss()
    else:
        model, loss_fn = Encoder(), tnn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    x, y = data(workload)
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    if workload == WORKLOADS[0]:
        x = x.long()
    else:
        y = y.long()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss
    return step


def bench_torch(repeat):
    return {w: median_time(torch_step(w), repeat, 2) for w in WORKLOADS}


# ----------------------------------------------------------------------------- peak memory
def _rss_mb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory_child(workload, framework):
    if framework == "pytorch":
        run = torch_step(workload)
    else:
        ms = __import__("mindspore" if framework.startswith("mindspore") else "minispore")
        run = mindspore_step(ms, workload, framework.endswith("jit"))
    before = _rss_mb("VmRSS")      # the model, the optimizer and the batch exist; no step has run
    for _ in range(5):
        run()
    return _rss_mb("VmHWM") - before


def child(workload, framework):
    python = MINDSPORE_PYTHON if framework.startswith("mindspore") else sys.executable
    proc = subprocess.run([python, os.path.abspath(__file__), "--child", workload, framework], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": os.path.join(HERE, "..")})
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        print(f"({workload} / {framework} failed: {proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(lines[-1])["value"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["mindspore"])
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"value": memory_child(*args.child)}))
        return
    if args.only == "mindspore":
        import mindspore
        mindspore.set_context(mode=mindspore.PYNATIVE_MODE)
        emit_json(bench_mindspore_like(mindspore, args.repeat))
        return
    sys.path.insert(0, os.path.join(HERE, ".."))
    import minispore
    mini = bench_mindspore_like(minispore, args.repeat)
    torch_results = bench_torch(args.repeat) if have("torch") else {}
    ms_results = run_in_mindspore(os.path.abspath(__file__), ["--repeat", str(max(3, args.repeat // 2))]) or {}
    rows = {}
    for workload in WORKLOADS:
        row = {}
        for name, key in (("minispore", "eager"), ("minispore jit", "jit")):
            if f"{workload}, {key}" in mini:
                row[name] = mini[f"{workload}, {key}"]
        if workload in torch_results:
            row["pytorch"] = torch_results[workload]
        for name, key in (("mindspore", "eager"), ("mindspore jit", "jit")):
            if f"{workload}, {key}" in ms_results:
                row[name] = ms_results[f"{workload}, {key}"]
        rows[workload] = row
    print_table("Sequence-model train steps, median per step", rows)
    if not args.skip_memory:
        for workload in WORKLOADS:
            memory = {fw: child(workload, fw) for fw in ("minispore", "minispore jit", "pytorch", "mindspore",
                                                         "mindspore jit")}
            print(f"\n{workload}: peak RSS over the RSS before the steps, 5 steps (MB): " +
                  ", ".join(f"{k} {v:.1f}" for k, v in memory.items() if v is not None))


if __name__ == "__main__":
    main()
