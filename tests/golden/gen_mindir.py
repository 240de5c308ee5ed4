"""MindIR files written by real MindSpore 2.10 for the interchange tests (tests/train/test_export.py).

    /tmp/msref/bin/python tests/golden/gen_mindir.py                      # writes tests/golden/mindir/
    /tmp/msref/bin/python tests/golden/gen_mindir.py --check-minispore DIR  # loads minispore's DIR/<case>.mindir

The networks (tiny widths, so the files stay small) are the tutorial MLP (examples/mnist.py's, 784 -> 12x12
here), LeNet-5 (examples/lenet.py's), a small ResNet in the shape of tests/programs/resnet20.py (3x3 stem,
BasicBlocks with a projection shortcut, ReduceMean pooling, Dense head) and an LSTM classifier (Embedding +
nn.LSTM + Dense). Weights come from seeded NumPy arrays, so MindSpore and minispore build the same network; this
module is imported by the test with ``import mindspore`` resolved to minispore.

The first mode writes ``<case>.mindir`` and ``expected.json`` (input and MindSpore's output of each case). The
second loads the files minispore exported (the test writes them with ``MINISPORE_MINDIR_OUT=DIR``) through
``mindspore.load`` + ``nn.GraphCell`` and records whether MindSpore's outputs equal ``expected.json``'s in
``minispore_in_mindspore.json``.
"""
import json
import os
import sys

import numpy as np

import mindspore
from mindspore import Tensor, nn, ops

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mindir")


class MLP(nn.Cell):
    def __init__(self, width=16):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(nn.Dense(12 * 12, width), nn.ReLU(), nn.Dense(width, width),
                                                       nn.ReLU(), nn.Dense(width, 10))

    def construct(self, x):
        return self.dense_relu_sequential(self.flatten(x))


class LeNet5(nn.Cell):
    def __init__(self, num_class=10, num_channel=1):
        super().__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.fc1 = nn.Dense(16 * 5 * 5, 12)
        self.fc2 = nn.Dense(12, 8)
        self.fc3 = nn.Dense(8, num_class)
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
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, pad_mode="pad", padding=1, has_bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, pad_mode="pad", padding=1, has_bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU()
        self.down_sample = stride != 1 or cin != cout
        if self.down_sample:
            self.down_sample_layer = nn.SequentialCell([nn.Conv2d(cin, cout, 1, stride=stride, pad_mode="valid",
                                                                  has_bias=False), nn.BatchNorm2d(cout)])

    def construct(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.down_sample:
            identity = self.down_sample_layer(identity)
        return self.relu(out + identity)


class SmallResNet(nn.Cell):
    def __init__(self, channels=(4, 8), num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, channels[0], 3, pad_mode="pad", padding=1, has_bias=False)
        self.bn1 = nn.BatchNorm2d(channels[0])
        self.relu = nn.ReLU()
        self.layer1 = nn.SequentialCell([BasicBlock(channels[0], channels[0])])
        self.layer2 = nn.SequentialCell([BasicBlock(channels[0], channels[1], 2)])
        self.mean = ops.ReduceMean(keep_dims=True)
        self.flatten = nn.Flatten()
        self.end_point = nn.Dense(channels[1], num_classes)

    def construct(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer2(self.layer1(x))
        x = self.mean(x, (2, 3))
        return self.end_point(self.flatten(x))


class LSTMClassifier(nn.Cell):
    def __init__(self, vocab=20, embed=8, hidden=6, classes=3):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = nn.LSTM(embed, hidden, num_layers=1, batch_first=True)
        self.fc = nn.Dense(hidden, classes)

    def construct(self, x):
        out, _ = self.rnn(self.embedding(x))
        return self.fc(out[:, -1, :])


def _images(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


# name -> (constructor, input maker, weight seed)
CASES = {
    "mlp": (MLP, lambda: _images((2, 1, 12, 12), 1), 11),
    "lenet": (LeNet5, lambda: _images((2, 1, 32, 32), 2), 12),
    "resnet": (SmallResNet, lambda: _images((2, 3, 8, 8), 3), 13),
    "lstm": (LSTMClassifier, lambda: np.random.default_rng(4).integers(0, 20, (2, 5)).astype(np.int32), 14),
}


def build(name):
    """The case's network in inference mode with weights drawn from its seed, and its input array."""
    make, inputs, seed = CASES[name]
    net = make()
    rng = np.random.default_rng(seed)
    for p in net.get_parameters():
        if p.name.endswith("moving_variance"):
            value = rng.uniform(0.5, 1.5, p.shape)
        elif p.name.endswith("gamma"):
            value = rng.uniform(0.5, 1.5, p.shape)
        else:
            value = rng.standard_normal(p.shape) * (0.5 / np.sqrt(max(1, int(np.prod(p.shape[1:])))))
        p.set_data(Tensor(value.astype(np.float32)))
    net.set_train(False)
    return net, inputs()


def _first(out):
    return out[0] if isinstance(out, (tuple, list)) else out


def generate():
    os.makedirs(HERE, exist_ok=True)
    expected = {}
    for name in CASES:
        net, x = build(name)
        out = _first(net(Tensor(x))).asnumpy()
        mindspore.export(net, Tensor(x), file_name=os.path.join(HERE, name), file_format="MINDIR")
        path = os.path.join(HERE, name + ".mindir")
        os.chmod(path, 0o644)       # MindSpore leaves the file read-only
        graph_out = _first(nn.GraphCell(mindspore.load(path))(Tensor(x))).asnumpy()
        expected[name] = {"input": x.tolist(), "input_dtype": str(x.dtype), "output": out.tolist(),
                          "graph_output": graph_out.tolist(), "bytes": os.path.getsize(path)}
        print(name, os.path.getsize(path), "bytes")
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


def check_minispore(directory):
    """Load minispore's exported files in MindSpore and compare with MindSpore's own outputs."""
    with open(os.path.join(HERE, "expected.json")) as f:
        expected = json.load(f)
    report = {"mindspore": mindspore.__version__, "cases": {}}
    for name, case in expected.items():
        path = os.path.join(directory, name + ".mindir")
        entry = {}
        try:
            x = np.asarray(case["input"], case["input_dtype"])
            out = _first(nn.GraphCell(mindspore.load(path))(Tensor(x))).asnumpy()
            err = float(np.max(np.abs(out - np.asarray(case["output"], np.float32))))
            entry = {"loaded": True, "max_abs_error": err, "equal": bool(err <= 1e-5)}
        except Exception as e:     # noqa: BLE001 - recorded
            entry = {"loaded": False, "error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
        report["cases"][name] = entry
        print(name, entry)
    with open(os.path.join(HERE, "minispore_in_mindspore.json"), "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--check-minispore":
        check_minispore(sys.argv[2])
    else:
        generate()
