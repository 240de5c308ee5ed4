"""Data-parallel scaling on this machine: training steps per second with 1 and 2 workers at a fixed global batch,

- the MNIST MLP (784-512-512-10, global batch 128, SGD) and a CIFAR ResNet-20 step (global batch 32, Momentum);
- minispore under ``python -m minispore msrun`` (MPI), PyTorch DDP (gloo, ``torchrun --nproc_per_node=N``) and
  MindSpore 2.10's CPU data parallel (``msrun``, at /tmp/msref) where it runs;
- minispore's all-reduce time per step (the DistributedGradReducer call) next to a raw mpi4py ``Allreduce`` of
  the same bytes.

The speedup column is steps/s(2 workers) / steps/s(1 worker) at the same global batch: 2.0 is perfect
scaling (each worker does half the work in half the time), 1.0 no gain. On a 2-core machine shared with other
work, the numbers are noisy; compare columns of one run.

    python benchmarks/dp_scaling.py [--steps 20]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
MS_PYTHON = "/tmp/msref/bin/python"
GLOBAL = {"mlp": 128, "resnet20": 32}


def data(kind, n, seed):
    rng = np.random.default_rng(seed)
    shape = (784,) if kind == "mlp" else (3, 32, 32)
    return rng.standard_normal((n,) + shape).astype(np.float32), rng.integers(0, 10, n).astype(np.int32)


# ----------------------------------------------------------------------------- MindSpore-style worker
def worker_mindspore_like(ms, kind, steps, size_hint):
    from mindspore import nn
    from mindspore.communication import get_group_size, get_rank, init
    init()
    rank, size = get_rank(), get_group_size()
    if size > 1:
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    ms.set_seed(1)
    if kind == "mlp":
        net = nn.SequentialCell(nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(), nn.Dense(512, 10))
        opt = nn.SGD(net.trainable_params(), 0.01)
    else:
        from cnn_step import mindspore_models
        net = mindspore_models(ms)[1]()
        opt = nn.Momentum(net.trainable_params(), 0.01, 0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True,
                                                                                     reduction="mean")), opt)
    step.set_train()
    x, y = data(kind, GLOBAL[kind] // size, rank)
    x, y = ms.Tensor(x), ms.Tensor(y)
    reducer_time = [0.0]
    reducer = getattr(step, "grad_reducer", None)
    if getattr(step, "reducer_flag", False) and ms.__name__ == "minispore":
        inner = reducer.construct

        def timed(grads):
            t = time.perf_counter()
            out = inner(grads)
            reducer_time[0] += time.perf_counter() - t
            return out
        reducer.construct = timed
    for _ in range(3):
        step(x, y)
    reducer_time[0] = 0.0
    from mindspore.communication import comm_func
    if size > 1:
        comm_func.barrier()
    t = time.perf_counter()
    for _ in range(steps):
        loss = step(x, y)
    float(loss.asnumpy())
    elapsed = time.perf_counter() - t
    result = {"steps_per_s": steps / elapsed}
    if size > 1 and ms.__name__ == "minispore":
        # the reducer alone on this step's gradients, and a raw Allreduce of the same bytes, each call after a
        # barrier (inside a step the reducer also waits for the slower rank's backward pass)
        from mpi4py import MPI
        world = MPI.COMM_WORLD
        grads = tuple(ms.Tensor(np.ones(p.shape, np.float32)) for p in net.trainable_params())
        nbytes = sum(p.asnumpy().nbytes for p in net.trainable_params())
        buf = np.ones(nbytes // 4, np.float32)
        out = np.empty_like(buf)
        raw = red = 0.0
        for _ in range(steps):
            world.Barrier()
            t = time.perf_counter()
            world.Allreduce(buf, out)
            raw += time.perf_counter() - t
            world.Barrier()
            t = time.perf_counter()
            inner(grads)
            red += time.perf_counter() - t
        result["raw_allreduce_ms"] = raw / steps * 1e3
        result["allreduce_ms"] = red / steps * 1e3
        result["in_step_reducer_ms"] = reducer_time[0] / steps * 1e3
        result["grad_mb"] = nbytes / 2 ** 20
    if rank == 0:
        print("RESULT " + json.dumps(result), flush=True)


# ----------------------------------------------------------------------------- PyTorch DDP worker
def worker_torch(kind, steps):
    import torch
    import torch.distributed as dist
    from torch import nn as tnn
    torch.set_num_threads(1)
    dist.init_process_group("gloo")
    rank, size = dist.get_rank(), dist.get_world_size()
    torch.manual_seed(1)
    if kind == "mlp":
        model = tnn.Sequential(tnn.Linear(784, 512), tnn.ReLU(), tnn.Linear(512, 512), tnn.ReLU(),
                               tnn.Linear(512, 10))
        opt = torch.optim.SGD(model.parameters(), 0.01)
    else:
        from cnn_step import torch_models
        model = torch_models()[1]()
        opt = torch.optim.SGD(model.parameters(), 0.01, momentum=0.9)
    ddp = tnn.parallel.DistributedDataParallel(model)
    x, y = data(kind, GLOBAL[kind] // size, rank)
    x, y = torch.from_numpy(x), torch.from_numpy(y).long()
    loss_fn = tnn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(ddp(x), y)
        loss.backward()
        opt.step()
        return loss
    for _ in range(3):
        step()
    dist.barrier()
    t = time.perf_counter()
    for _ in range(steps):
        loss = step()
    float(loss)
    elapsed = time.perf_counter() - t
    if rank == 0:
        print("RESULT " + json.dumps({"steps_per_s": steps / elapsed}), flush=True)
    dist.destroy_process_group()


# ----------------------------------------------------------------------------- launching
def _result(text):
    for line in text.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return None


def run_minispore(kind, n, steps):
    from minispore.communication._launch import mpiexec_env
    env = mpiexec_env()
    env["OMP_NUM_THREADS"] = "1"
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as logs:
        proc = subprocess.run([sys.executable, "-m", "minispore", "msrun", f"--worker_num={n}",
                               f"--local_worker_num={n}", f"--log_dir={logs}", "--tail_worker_log=0", __file__,
                               "--role", "minispore", kind, "--steps", str(steps)],
                              env=env, capture_output=True, text=True, timeout=900)
    return _result(proc.stdout) or {"error": (proc.stdout + proc.stderr)[-300:]}


def run_torch(kind, n, steps):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, "-m", "torch.distributed.run", f"--nproc_per_node={n}",
                           "--master_port=29533", __file__, "--role", "torch", kind, "--steps", str(steps)],
                          env=env, capture_output=True, text=True, timeout=900)
    return _result(proc.stdout) or {"error": (proc.stdout + proc.stderr)[-300:]}


def run_mindspore(kind, n, steps):
    if not os.path.exists(MS_PYTHON):
        return {"error": "MindSpore 2.10 is not installed at /tmp/msref"}
    # msrun starts its workers with the 'python' on PATH
    env = dict(os.environ, OMP_NUM_THREADS="1", PATH=os.path.dirname(MS_PYTHON) + os.pathsep + os.environ["PATH"])
    with tempfile.TemporaryDirectory() as logs:
        try:
            proc = subprocess.run([MS_PYTHON, "-m", "mindspore.parallel.cluster.run", f"--worker_num={n}",
                                   f"--local_worker_num={n}", "--master_port=8129", f"--log_dir={logs}", "--join=True",
                                   __file__, "--role", "mindspore", kind, "--steps", str(steps)],
                                  env=env, capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return {"error": "msrun did not finish in 300 s"}
        text = ""
        for name in sorted(os.listdir(logs)):
            with open(os.path.join(logs, name), errors="replace") as f:
                text += f.read()
    return _result(text) or {"error": (proc.stdout + proc.stderr + text)[-300:]}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--role", nargs=2, help="(internal) run one worker: FRAMEWORK WORKLOAD")
    p.add_argument("--skip-mindspore", action="store_true")
    args = p.parse_args()
    if args.role:
        framework, kind = args.role
        if framework == "torch":
            return worker_torch(kind, args.steps)
        import mindspore as ms      # minispore under msrun's worker (its drop-in), or real MindSpore
        if framework == "mindspore":
            ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
        return worker_mindspore_like(ms, kind, args.steps if kind == "mlp" else max(3, args.steps // 4), None)
    runners = [("minispore", run_minispore), ("pytorch DDP", run_torch)]
    if not args.skip_mindspore:
        runners.append(("mindspore", run_mindspore))
    rows = []
    for kind in ("mlp", "resnet20"):
        for name, runner in runners:
            r1 = runner(kind, 1, args.steps)
            r2 = runner(kind, 2, args.steps)
            rows.append((kind, name, r1, r2))
            print(kind, name, json.dumps(r1), json.dumps(r2), flush=True)
    print()
    print(f"| workload | framework | 1 worker steps/s | 2 workers steps/s | speedup | all-reduce ms/step "
          f"| raw mpi4py Allreduce ms |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for kind, name, r1, r2 in rows:
        if "error" in r1 or "error" in r2:
            err = (r1.get("error") or r2.get("error")).replace("\n", " ")[-120:]
            print(f"| {kind} | {name} | did not run: {err} | | | | |")
            continue
        eff = r2["steps_per_s"] / r1["steps_per_s"]
        ar = f"{r2['allreduce_ms']:.3f}" if "allreduce_ms" in r2 else ""
        raw = f"{r2['raw_allreduce_ms']:.3f} ({r2['grad_mb']:.2f} MiB)" if "raw_allreduce_ms" in r2 else ""
        print(f"| {kind} | {name} | {r1['steps_per_s']:.1f} | {r2['steps_per_s']:.1f} | {eff:.2f} | {ar} | {raw} |")


if __name__ == "__main__":
    main()
