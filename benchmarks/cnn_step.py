"""CNN workloads through minispore (eager and jit), PyTorch (eager, CPU) and MindSpore (PyNative and jit):

- LeNet-5 (model-zoo definition, 1x32x32 input) train step with Momentum, batch 32 and 128;
- CIFAR ResNet-20 (3 stages of 3 basic blocks, 16/32/64 channels, BatchNorm) train step at batch 32 and
  inference at batch 128;
- one LeNet epoch on the MNIST sample that ships with minispore (8000 images, batch 32, padded to 32x32), with
  the data pipeline (MnistDataset + map + batch; PyTorch from in-memory tensors);
- the peak memory of the ResNet-20 train step (the rise of the process's peak RSS over 5 steps, each framework
  in a fresh process), and minispore's achieved GFLOP/s in its convolutions next to this machine's matmul peak.

    python benchmarks/cnn_step.py [--repeat 10] [--skip-epoch]
"""
import argparse
import gzip
import json
import os
import shutil
import tempfile
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _common import MINDSPORE_PYTHON, emit_json, have, median_time, print_table, run_in_mindspore  # noqa: E402


def batch(n, shape, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n,) + shape).astype(np.float32), rng.integers(0, 10, n).astype(np.int32)


# ----------------------------------------------------------------------------- MindSpore-style models
def mindspore_models(ms):
    nn = ms.nn

    class LeNet5(nn.Cell):
        def __init__(self, num_class=10, num_channel=1):
            super().__init__()
            self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode='valid')
            self.conv2 = nn.Conv2d(6, 16, 5, pad_mode='valid')
            self.fc1 = nn.Dense(16 * 5 * 5, 120)
            self.fc2 = nn.Dense(120, 84)
            self.fc3 = nn.Dense(84, num_class)
            self.relu = nn.ReLU()
            self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
            self.flatten = nn.Flatten()

        def construct(self, x):
            x = self.max_pool2d(self.relu(self.conv1(x)))
            x = self.max_pool2d(self.relu(self.conv2(x)))
            x = self.flatten(x)
            x = self.relu(self.fc1(x))
            x = self.relu(self.fc2(x))
            return self.fc3(x)

    class BasicBlock(nn.Cell):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = nn.Conv2d(cin, cout, 3, stride, pad_mode='pad', padding=1)
            self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = nn.Conv2d(cout, cout, 3, 1, pad_mode='pad', padding=1)
            self.bn2 = nn.BatchNorm2d(cout)
            self.relu = nn.ReLU()
            self.down = None
            if stride != 1 or cin != cout:
                self.down = nn.SequentialCell([nn.Conv2d(cin, cout, 1, stride), nn.BatchNorm2d(cout)])

        def construct(self, x):
            identity = x if self.down is None else self.down(x)
            out = self.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            return self.relu(out + identity)

    class ResNet20(nn.Cell):
        def __init__(self, num_classes=10):
            super().__init__()
            self.conv = nn.Conv2d(3, 16, 3, pad_mode='pad', padding=1)
            self.bn = nn.BatchNorm2d(16)
            self.relu = nn.ReLU()
            blocks, cin = [], 16
            for cout, stride in ((16, 1), (32, 2), (64, 2)):
                for i in range(3):
                    blocks.append(BasicBlock(cin, cout, stride if i == 0 else 1))
                    cin = cout
            self.blocks = nn.SequentialCell(blocks)
            self.pool = nn.AdaptiveAvgPool2d(1)
            self.flatten = nn.Flatten()
            self.fc = nn.Dense(64, num_classes)

        def construct(self, x):
            x = self.relu(self.bn(self.conv(x)))
            x = self.blocks(x)
            return self.fc(self.flatten(self.pool(x)))

    return LeNet5, ResNet20


def train_step_for(ms, model, jit):
    loss_fn = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    optimizer = ms.nn.Momentum(model.trainable_params(), 0.01, 0.9)

    def forward_fn(data, label):
        return loss_fn(model(data), label)

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters)

    def train_step(data, label):
        loss, grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    return ms.jit(train_step) if jit else train_step


def bench_mindspore_like(ms, repeat):
    LeNet5, ResNet20 = mindspore_models(ms)
    results = {}
    for jit in (False, True):
        tag = "jit" if jit else "eager"
        for n in (32, 128):
            model = LeNet5()
            model.set_train()
            step = train_step_for(ms, model, jit)
            x, y = batch(n, (1, 32, 32))
            data, label = ms.Tensor(x), ms.Tensor(y)
            results[f"LeNet-5 train step, batch {n}, {tag}"] = median_time(lambda: step(data, label), repeat, 3)
        model = ResNet20()
        model.set_train()
        step = train_step_for(ms, model, jit)
        x, y = batch(32, (3, 32, 32))
        data, label = ms.Tensor(x), ms.Tensor(y)
        results[f"ResNet-20 train step, batch 32, {tag}"] = median_time(lambda: step(data, label), repeat, 2)
        model.set_train(False)
        predict = ms.jit(model.construct) if jit else model
        x, _ = batch(128, (3, 32, 32))
        data = ms.Tensor(x)
        results[f"ResNet-20 inference, batch 128, {tag}"] = median_time(lambda: predict(data), repeat, 2)
    return results


# ----------------------------------------------------------------------------- PyTorch
def torch_models():
    import torch
    tnn = torch.nn

    class LeNet5(tnn.Module):
        def __init__(self):
            super().__init__()
            self.conv1, self.conv2 = tnn.Conv2d(1, 6, 5, bias=False), tnn.Conv2d(6, 16, 5, bias=False)
            self.fc1, self.fc2, self.fc3 = tnn.Linear(400, 120), tnn.Linear(120, 84), tnn.Linear(84, 10)

        def forward(self, x):
            x = torch.max_pool2d(torch.relu(self.conv1(x)), 2, 2)
            x = torch.max_pool2d(torch.relu(self.conv2(x)), 2, 2)
            x = torch.flatten(x, 1)
            return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))

    class BasicBlock(tnn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = tnn.Conv2d(cin, cout, 3, stride, 1, bias=False)
            self.bn1 = tnn.BatchNorm2d(cout)
            self.conv2 = tnn.Conv2d(cout, cout, 3, 1, 1, bias=False)
            self.bn2 = tnn.BatchNorm2d(cout)
            self.down = None
            if stride != 1 or cin != cout:
                self.down = tnn.Sequential(tnn.Conv2d(cin, cout, 1, stride, bias=False), tnn.BatchNorm2d(cout))

        def forward(self, x):
            identity = x if self.down is None else self.down(x)
            out = torch.relu(self.bn1(self.conv1(x)))
            return torch.relu(self.bn2(self.conv2(out)) + identity)

    class ResNet20(tnn.Module):
        def __init__(self):
            super().__init__()
            self.conv, self.bn = tnn.Conv2d(3, 16, 3, 1, 1, bias=False), tnn.BatchNorm2d(16)
            blocks, cin = [], 16
            for cout, stride in ((16, 1), (32, 2), (64, 2)):
                for i in range(3):
                    blocks.append(BasicBlock(cin, cout, stride if i == 0 else 1))
                    cin = cout
            self.blocks = tnn.Sequential(*blocks)
            self.fc = tnn.Linear(64, 10)

        def forward(self, x):
            x = self.blocks(torch.relu(self.bn(self.conv(x))))
            return self.fc(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(x, 1), 1))

    return LeNet5, ResNet20


def torch_step(model):
    import torch
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum=0.9)

    def step(x, y):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss
    return step


def bench_torch(repeat):
    import torch
    LeNet5, ResNet20 = torch_models()
    results = {}
    for n in (32, 128):
        step = torch_step(LeNet5())
        x, y = batch(n, (1, 32, 32))
        x, y = torch.from_numpy(x), torch.from_numpy(y).long()
        results[f"LeNet-5 train step, batch {n}"] = median_time(lambda: step(x, y), repeat, 3)
    model = ResNet20()
    step = torch_step(model)
    x, y = batch(32, (3, 32, 32))
    x, y = torch.from_numpy(x), torch.from_numpy(y).long()
    results["ResNet-20 train step, batch 32"] = median_time(lambda: step(x, y), repeat, 2)
    model.eval()
    x, _ = batch(128, (3, 32, 32))
    x = torch.from_numpy(x)
    with torch.no_grad():
        results["ResNet-20 inference, batch 128"] = median_time(lambda: model(x), repeat, 2)
    return results


# ----------------------------------------------------------------------------- one epoch, peak memory
def epoch_mindspore_like(ms, jit):
    sys.path.insert(0, os.path.join(HERE, ".."))
    from minispore.dataset import mnist_sample_dir
    data_dir = mnist_sample_dir()
    if ms.__name__ == "mindspore":      # (MindSpore reads only uncompressed IDX files: the same bytes, unpacked)
        data_dir = _unpacked(data_dir)
        try:
            return _epoch(ms, data_dir, jit)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    return _epoch(ms, data_dir, jit)


def _epoch(ms, data_dir, jit):
    LeNet5, _ = mindspore_models(ms)
    ds = ms.dataset
    vision, transforms = ds.vision, ds.transforms
    dataset = ds.MnistDataset(data_dir, usage="train", shuffle=False)
    dataset = dataset.map([vision.Resize((32, 32)), vision.Rescale(1.0 / 255.0, 0),
                           vision.Normalize(mean=(0.1307,), std=(0.3081,)), vision.HWC2CHW()], "image")
    dataset = dataset.map(transforms.TypeCast(ms.int32), "label").batch(32)
    model = LeNet5()
    model.set_train()
    step = train_step_for(ms, model, jit)
    t = time.perf_counter()
    steps = 0
    for data, label in dataset.create_tuple_iterator():
        step(data, label)
        steps += 1
    return time.perf_counter() - t, steps


def _unpacked(sample_dir):
    target = tempfile.mkdtemp(prefix="mnist_sample_")
    try:
        for name in os.listdir(sample_dir):
            if name.endswith(".gz"):
                with gzip.open(os.path.join(sample_dir, name), "rb") as src, \
                        open(os.path.join(target, name[:-3]), "wb") as dst:
                    shutil.copyfileobj(src, dst)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


def epoch_torch():
    import torch
    sys.path.insert(0, os.path.join(HERE, ".."))
    from minispore.dataset import mnist_sample_dir
    sys.path.insert(0, HERE)
    from mnist_epoch import find, read_idx
    images = read_idx(find(mnist_sample_dir(), "train-images-idx3-ubyte"))
    labels = read_idx(find(mnist_sample_dir(), "train-labels-idx1-ubyte"))
    t = time.perf_counter()
    x = torch.from_numpy(images.astype(np.float32) / 255.0)[:, None]
    x = torch.nn.functional.interpolate(x, size=(32, 32), mode="bilinear", align_corners=False)
    x = (x - 0.1307) / 0.3081
    y = torch.from_numpy(labels.astype(np.int64))
    LeNet5, _ = torch_models()
    step = torch_step(LeNet5())
    steps = 0
    for i in range(0, len(x), 32):
        step(x[i:i + 32], y[i:i + 32])
        steps += 1
    return time.perf_counter() - t, steps


def _rss_mb(field):
    """VmRSS (now) or VmHWM (the peak so far) of this process, in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory_child(framework):
    """How far 5 ResNet-20 train steps at batch 32 raise the process's peak RSS above its RSS once the model, the
    optimizer and the batch exist (MB): the memory the steps themselves need."""
    x, y = batch(32, (3, 32, 32))
    if framework == "pytorch":
        import torch
        _, ResNet20 = torch_models()
        step = torch_step(ResNet20())
        data, label = torch.from_numpy(x), torch.from_numpy(y).long()
    else:
        ms = __import__("mindspore" if framework == "mindspore" else "minispore")
        _, ResNet20 = mindspore_models(ms)
        model = ResNet20()
        model.set_train()
        step = train_step_for(ms, model, framework.endswith("jit"))
        data, label = ms.Tensor(x), ms.Tensor(y)
    before = _rss_mb("VmRSS")
    for _ in range(5):
        step(data, label)
    return _rss_mb("VmHWM") - before


def child(args):
    python = MINDSPORE_PYTHON if args[1].startswith("mindspore") else sys.executable
    proc = subprocess.run([python, os.path.abspath(__file__), "--child", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.path.join(HERE, "..")})
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        print(f"({' '.join(args)} failed: {proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(lines[-1])["value"]


def run_child(kind, framework):
    if kind == "memory":
        return memory_child(framework)
    if framework == "pytorch":
        return list(epoch_torch())
    if framework.startswith("mindspore"):
        import mindspore as ms
        return list(epoch_mindspore_like(ms, framework.endswith("jit")))
    import minispore as ms
    return list(epoch_mindspore_like(ms, framework.endswith("jit")))


# ----------------------------------------------------------------------------- GFLOP/s
def conv_gflops():
    """minispore's convolution kernels alone on ResNet-20's 3x3 shapes at batch 32, forward and both
    gradients, against the float32 GEMM peak of this machine (a 2048^3 product)."""
    sys.path.insert(0, os.path.join(HERE, ".."))
    import minispore as ms
    from minispore.ops import _prims as P
    a = np.random.rand(2048, 2048).astype(np.float32)
    peak = 2 * 2048 ** 3 / median_time(lambda: a @ a, 5, 1) / 1e9
    flops = seconds = 0.0
    for c, size in ((16, 32), (32, 16), (64, 8)):
        x = ms.Tensor(np.random.rand(32, c, size, size).astype(np.float32))
        w = ms.Tensor(np.random.rand(c, c, 3, 3).astype(np.float32))
        geo = ((1, 1), (1, 1), ((1, 1), (1, 1)), 1)
        dy = P.conv(x, w, *geo)
        f = 2 * 32 * c * c * 9 * size * size
        seconds += median_time(lambda: P.conv(x, w, *geo), 10, 2)
        seconds += median_time(lambda: P.conv_backprop_input(dy, w, x.shape, *geo), 10, 2)
        seconds += median_time(lambda: P.conv_backprop_filter(dy, x, w.shape, *geo), 10, 2)
        flops += 3 * f
    return flops / seconds / 1e9, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["mindspore"])
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--skip-epoch", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"value": run_child(*args.child)}))
        return
    if args.only == "mindspore":
        import mindspore
        emit_json(bench_mindspore_like(mindspore, args.repeat))
        return
    sys.path.insert(0, os.path.join(HERE, ".."))
    import minispore
    mini = bench_mindspore_like(minispore, args.repeat)
    torch_results = bench_torch(args.repeat) if have("torch") else {}
    ms_results = run_in_mindspore(os.path.abspath(__file__), ["--repeat", str(max(3, args.repeat // 2))]) or {}
    rows = {}
    for workload in sorted({k.rsplit(", ", 1)[0] for k in mini}, key=lambda w: list(mini).index(w + ", eager")):
        row = {"minispore": mini[f"{workload}, eager"], "minispore jit": mini[f"{workload}, jit"]}
        if workload in torch_results:
            row["pytorch"] = torch_results[workload]
        if f"{workload}, eager" in ms_results:
            row["mindspore"] = ms_results[f"{workload}, eager"]
            row["mindspore jit"] = ms_results[f"{workload}, jit"]
        rows[workload] = row
    print_table("CNN workloads, median per call", rows)
    if not args.skip_epoch:
        epoch = {}
        for fw in ("minispore", "minispore jit", "pytorch", "mindspore", "mindspore jit"):
            value = child(["epoch", fw])
            if value:
                epoch[fw] = value[0]
        print_table("One LeNet-5 epoch on the MNIST sample (8000 images, batch 32), data pipeline included",
                    {"epoch": epoch})
    memory = {fw: child(["memory", fw]) for fw in ("minispore", "minispore jit", "pytorch", "mindspore",
                                                   "mindspore jit")}
    print("\nResNet-20 train step, batch 32: peak RSS over the RSS before the first step, 5 steps (MB): " +
          ", ".join(f"{k} {v:.1f}" for k, v in memory.items() if v is not None))
    achieved, peak = conv_gflops()
    print(f"minispore 3x3 convolutions (ResNet-20 shapes, batch 32, forward + both gradients): {achieved:.1f} "
          f"GFLOP/s; this machine's float32 matmul peak: {peak:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
