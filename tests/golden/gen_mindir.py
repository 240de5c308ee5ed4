"""MindIR files written by real MindSpore 2.10 for the interchange tests (tests/train/test_export.py).

    /tmp/msref/bin/python tests/golden/gen_mindir.py [CASE ...]           # writes tests/golden/mindir/
    /tmp/msref/bin/python tests/golden/gen_mindir.py --check-minispore DIR  # loads minispore's DIR/<case>.mindir

The networks (tiny widths, so the files stay small) are the tutorial MLP (examples/mnist.py's, 784 -> 12x12
here), LeNet-5 (examples/lenet.py's), a small ResNet in the shape of tests/programs/resnet20.py (3x3 stem,
BasicBlocks with a projection shortcut, ReduceMean pooling, Dense head), an LSTM classifier (Embedding +
nn.LSTM + Dense) and the recurrent cases (``RECURRENT``): a 2-layer bidirectional LSTM, a bidirectional GRU
(batch_first), an Elman RNN, and bidirectional LSTM/GRU layers with ``seq_length`` as a second input. Weights come from seeded NumPy arrays, so MindSpore and minispore build the same network; this
module is imported by the test with ``import mindspore`` resolved to minispore.

The first mode writes ``<case>.mindir`` and updates ``expected.json`` (the inputs and MindSpore's outputs of each
case; all cases, or the ones named). The
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


class BiLSTMClassifier(nn.Cell):
    """The sentiment tutorial's shape: a 2-layer bidirectional LSTM (time-major), the last layer's two final h."""

    def __init__(self, vocab=20, embed=8, hidden=6, classes=3):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = nn.LSTM(embed, hidden, num_layers=2, bidirectional=True)
        self.fc = nn.Dense(2 * hidden, classes)

    def construct(self, x):
        out, (h_n, _) = self.rnn(ops.transpose(self.embedding(x), (1, 0, 2)))
        return self.fc(ops.concat((h_n[-2], h_n[-1]), 1)), out


class GRUClassifier(nn.Cell):
    def __init__(self, vocab=20, embed=8, hidden=6, classes=3):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = nn.GRU(embed, hidden, batch_first=True, bidirectional=True)
        self.fc = nn.Dense(2 * hidden, classes)

    def construct(self, x):
        out, h_n = self.rnn(self.embedding(x))
        return self.fc(out[:, -1, :]), h_n


class RNNClassifier(nn.Cell):
    def __init__(self, vocab=20, embed=8, hidden=6, classes=3):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = nn.RNN(embed, hidden)
        self.fc = nn.Dense(hidden, classes)

    def construct(self, x):
        out, _ = self.rnn(ops.transpose(self.embedding(x), (1, 0, 2)))
        return self.fc(out[-1])


class MaskedRNN(nn.Cell):
    """A bidirectional layer with per-sample lengths (``seq_length``, a second input)."""

    def __init__(self, kind, batch_first, size=4, hidden=5, classes=3):
        super().__init__()
        self.rnn = getattr(nn, kind)(size, hidden, batch_first=batch_first, bidirectional=True)
        self.fc = nn.Dense(2 * hidden, classes)
        self.is_lstm = kind == "LSTM"

    def construct(self, x, seq_length):
        out, state = self.rnn(x, seq_length=seq_length)
        h_n = state[0] if self.is_lstm else state
        return self.fc(ops.concat((h_n[0], h_n[1]), 1)), out, h_n


def _ids(shape, seed):
    return np.random.default_rng(seed).integers(0, 20, shape).astype(np.int32)


def _images(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


# name -> (constructor, input maker, weight seed)
CASES = {
    "mlp": (MLP, lambda: _images((2, 1, 12, 12), 1), 11),
    "lenet": (LeNet5, lambda: _images((2, 1, 32, 32), 2), 12),
    "resnet": (SmallResNet, lambda: _images((2, 3, 8, 8), 3), 13),
    "lstm": (LSTMClassifier, lambda: np.random.default_rng(4).integers(0, 20, (2, 5)).astype(np.int32), 14),
    "bilstm": (BiLSTMClassifier, lambda: _ids((3, 5), 5), 15),
    "gru": (GRUClassifier, lambda: _ids((2, 6), 6), 16),
    "rnn": (RNNClassifier, lambda: _ids((2, 4), 7), 17),
    "lstm_seq": (lambda: MaskedRNN("LSTM", False), lambda: (_images((5, 3, 4), 8), np.array([5, 2, 4], np.int32)),
                 18),
    "gru_seq": (lambda: MaskedRNN("GRU", True), lambda: (_images((3, 6, 4), 9), np.array([3, 6, 1], np.int32)), 19),
}
RECURRENT = ["lstm", "bilstm", "gru", "rnn", "lstm_seq", "gru_seq"]


def build(name):
    """The case's network in inference mode with weights drawn from its seed, and its input arrays (a tuple)."""
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
    xs = inputs()
    return net, (xs if isinstance(xs, tuple) else (xs,))


def _first(out):
    return out[0] if isinstance(out, (tuple, list)) else out


def _all(out):
    return list(out) if isinstance(out, (tuple, list)) else [out]


def inputs_of(case):
    """A recorded case's input arrays (one 'input', or 'inputs' for a network of several)."""
    if "inputs" in case:
        return tuple(np.asarray(v, d) for v, d in zip(case["inputs"], case["input_dtypes"]))
    return (np.asarray(case["input"], case["input_dtype"]),)


def outputs_of(case):
    """MindSpore's outputs of a recorded case (all of them where recorded, else the first)."""
    return [np.asarray(v, np.float32) for v in case.get("outputs", [case["output"]])]


def generate(names):
    os.makedirs(HERE, exist_ok=True)
    path_json = os.path.join(HERE, "expected.json")
    expected = {}
    if os.path.exists(path_json):
        with open(path_json) as f:
            expected = json.load(f)
    for name in names:
        net, xs = build(name)
        outs = [o.asnumpy() for o in _all(net(*[Tensor(x) for x in xs]))]
        mindspore.export(net, *[Tensor(x) for x in xs], file_name=os.path.join(HERE, name), file_format="MINDIR")
        path = os.path.join(HERE, name + ".mindir")
        os.chmod(path, 0o644)       # MindSpore leaves the file read-only
        graph_out = _first(nn.GraphCell(mindspore.load(path))(*[Tensor(x) for x in xs])).asnumpy()
        entry = {"output": outs[0].tolist(), "graph_output": graph_out.tolist(), "bytes": os.path.getsize(path)}
        if len(xs) == 1:
            entry.update(input=xs[0].tolist(), input_dtype=str(xs[0].dtype))
        else:
            entry.update(inputs=[x.tolist() for x in xs], input_dtypes=[str(x.dtype) for x in xs])
        if len(outs) > 1:
            entry["outputs"] = [o.tolist() for o in outs]
        expected[name] = entry
        print(name, os.path.getsize(path), "bytes")
    with open(path_json, "w") as f:
        json.dump({k: expected[k] for k in CASES if k in expected}, f, indent=1)
        f.write("\n")


def check_minispore(directory):
    """Load minispore's exported files in MindSpore and compare with MindSpore's own outputs (all of them)."""
    with open(os.path.join(HERE, "expected.json")) as f:
        expected = json.load(f)
    report = {"mindspore": mindspore.__version__, "cases": {}}
    for name, case in expected.items():
        path = os.path.join(directory, name + ".mindir")
        entry = {}
        try:
            xs = inputs_of(case)
            outs = _all(nn.GraphCell(mindspore.load(path))(*[Tensor(x) for x in xs]))
            want = outputs_of(case)
            if len(outs) < len(want):
                raise ValueError(f"{len(outs)} outputs, expected {len(want)}")
            err = max(float(np.max(np.abs(o.asnumpy() - e))) for o, e in zip(outs, want))
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
        generate(sys.argv[1:] or list(CASES))
