"""One MNIST epoch of the tutorial (784-512-512-10, SGD lr 1e-2, batch 64, CrossEntropyLoss) with its data
pipeline: minispore (MnistDataset + map + batch, eager and jit), PyTorch (in-memory tensors), MindSpore.
Prints epoch wall time, test accuracy after each epoch and the process's peak memory, each framework in a
fresh process.

    python benchmarks/mnist_epoch.py [--data DIR] [--epochs 3]
"""
import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _common import MINDSPORE_PYTHON, have  # noqa: E402

DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data", "mnist")


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def find(data_dir, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(data_dir, name)):
            return os.path.join(data_dir, name)
    raise FileNotFoundError(f"{stem}[.gz] not found in {data_dir}")


def tutorial(ms, data_dir, epochs, jit):
    nn, ds = ms.nn, ms.dataset
    vision, transforms = ds.vision, ds.transforms
    ms.set_seed(1)

    def datapipe(usage, batch_size):
        dataset = ds.MnistDataset(data_dir, usage=usage, shuffle=(usage == "train"))
        image_transforms = [vision.Rescale(1.0 / 255.0, 0), vision.Normalize(mean=(0.1307,), std=(0.3081,)),
                            vision.HWC2CHW()]
        dataset = dataset.map(image_transforms, 'image')
        dataset = dataset.map(transforms.TypeCast(ms.int32), 'label')
        return dataset.batch(batch_size)

    class Network(nn.Cell):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.dense_relu_sequential = nn.SequentialCell(
                nn.Dense(28 * 28, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(), nn.Dense(512, 10))

        def construct(self, x):
            return self.dense_relu_sequential(self.flatten(x))

    model = Network()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.SGD(model.trainable_params(), 1e-2)

    def forward_fn(data, label):
        logits = model(data)
        return loss_fn(logits, label), logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    if jit:
        train_step = ms.jit(train_step)
    times, accuracies = [], []
    for _ in range(epochs):
        train_ds = datapipe("train", 64)
        start = time.perf_counter()
        model.set_train()
        for data, label in train_ds.create_tuple_iterator():
            train_step(data, label)
        times.append(time.perf_counter() - start)
        model.set_train(False)
        correct = total = 0
        for data, label in datapipe("test", 64).create_tuple_iterator():
            correct += int((model(data).argmax(1) == label).asnumpy().sum())
            total += len(data)
        accuracies.append(correct / total)
    return {"epoch_s": times, "accuracy": accuracies, "peak_mb": peak_mb()}


def torch_run(data_dir, epochs):
    import torch
    torch.manual_seed(1)

    def load(prefix):
        x = read_idx(find(data_dir, f"{prefix}-images-idx3-ubyte")).astype(np.float32) / 255.0
        y = read_idx(find(data_dir, f"{prefix}-labels-idx1-ubyte")).astype(np.int64)
        x = (x - 0.1307) / 0.3081
        return torch.from_numpy(x[:, None]), torch.from_numpy(y)

    xtr, ytr = load("train")
    xte, yte = load("t10k")
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 512), torch.nn.ReLU(),
                                torch.nn.Linear(512, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), 1e-2)
    times, accuracies = [], []
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        perm = torch.randperm(len(xtr))
        for i in range(0, len(xtr), 64):
            idx = perm[i:i + 64]
            optimizer.zero_grad()
            loss = loss_fn(model(xtr[idx]), ytr[idx])
            loss.backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
        model.eval()
        with torch.no_grad():
            correct = sum(int((model(xte[i:i + 64]).argmax(1) == yte[i:i + 64]).sum())
                          for i in range(0, len(xte), 64))
        accuracies.append(correct / len(xte))
    return {"epoch_s": times, "accuracy": accuracies, "peak_mb": peak_mb()}


def child(which, data_dir, epochs):
    if which == "pytorch":
        return torch_run(data_dir, epochs)
    if which == "mindspore":
        import mindspore
        import tempfile
        # MindSpore's MnistDataset reads only uncompressed IDX files
        with tempfile.TemporaryDirectory() as raw_dir:
            for stem in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                         "t10k-labels-idx1-ubyte"):
                src = find(data_dir, stem)
                opener = gzip.open if src.endswith(".gz") else open
                with opener(src, "rb") as f, open(os.path.join(raw_dir, stem), "wb") as out:
                    out.write(f.read())
            return tutorial(mindspore, raw_dir, epochs, jit=False)
    sys.path.insert(0, os.path.join(HERE, ".."))
    import minispore
    import warnings
    warnings.simplefilter("ignore")
    return tutorial(minispore, data_dir, epochs, jit=(which == "minispore jit"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--only")
    args = parser.parse_args()
    data_dir = os.path.abspath(args.data)
    if args.only:
        print(json.dumps(child(args.only, data_dir, args.epochs)))
        return
    runs = [("minispore", sys.executable), ("minispore jit", sys.executable)]
    if have("torch"):
        runs.append(("pytorch", sys.executable))
    if os.path.exists(MINDSPORE_PYTHON):
        runs.append(("mindspore", MINDSPORE_PYTHON))
    results = {}
    for name, python in runs:
        proc = subprocess.run([python, os.path.abspath(__file__), "--only", name, "--data", data_dir,
                               "--epochs", str(args.epochs)], capture_output=True, text=True)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode or not lines:
            print(f"{name}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        results[name] = json.loads(lines[-1])
    ref = results.get("pytorch")
    print(f"\nOne MNIST epoch (batch 64, tutorial MLP, SGD 1e-2), {args.epochs} epoch(s), data in {data_dir}")
    print("| framework | first epoch | vs pytorch | later epochs (mean) | vs pytorch | test accuracy per epoch "
          "| peak memory |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        first = r["epoch_s"][0]
        later = sum(r["epoch_s"][1:]) / (len(r["epoch_s"]) - 1) if len(r["epoch_s"]) > 1 else None
        ref_later = (sum(ref["epoch_s"][1:]) / (len(ref["epoch_s"]) - 1)) if ref and later else None
        ratio = f"{first / ref['epoch_s'][0]:.2f}x" if ref else "-"
        later_text = f"{later:.2f} s" if later else "-"
        later_ratio = f"{later / ref_later:.2f}x" if ref_later else "-"
        acc = ", ".join(f"{100 * a:.1f}%" for a in r["accuracy"])
        print(f"| {name} | {first:.2f} s | {ratio} | {later_text} | {later_ratio} | {acc} | {r['peak_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
