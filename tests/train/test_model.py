"""minispore.train.Model: train / eval / predict / fit, against NumPy references and MindSpore's formats.

The networks, optimizers and datasets are the real minispore.nn / minispore.dataset ones.
"""
import io
import re
import sys

import numpy as np
import pytest
import tqdm  # noqa: F401 - a core dependency: the progress-bar test fails without it, never skips

import minispore as ms
import minispore.dataset as ds
from minispore import nn
from minispore.train import Accuracy, Callback, EarlyStopping, History, Loss, LossMonitor, Model
from minispore.train.callback import _progress


def make_dataset(data, label, batch_size):
    return ds.NumpySlicesDataset({"data": data, "label": label}, shuffle=False).batch(batch_size)


# ---------------------------------------------------------------------- fixtures
RNG = np.random.default_rng(0)
X = RNG.standard_normal((8, 4)).astype(np.float32)
Y = np.array([0, 1, 2, 1, 0, 2, 1, 0], np.int32)
W0 = (RNG.standard_normal((3, 4)) * 0.5).astype(np.float32)
B0 = (RNG.standard_normal(3) * 0.5).astype(np.float32)


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(4, 3)
        self.fc.weight.set_data(ms.Tensor(W0))
        self.fc.bias.set_data(ms.Tensor(B0))

    def construct(self, x):
        return self.fc(x)


def np_ce(logits, y):
    z = logits - logits.max(1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(1, keepdims=True))
    return -logp[np.arange(len(y)), y].mean(), logp


def np_sgd_run(epochs, bs, lr):
    """Reference trajectory: losses per step and final weights of softmax-CE + SGD on (X, Y)."""
    w, b = W0.astype(np.float64), B0.astype(np.float64)
    losses = []
    for _ in range(epochs):
        for i in range(0, len(X), bs):
            x, y = X[i:i + bs].astype(np.float64), Y[i:i + bs]
            loss, logp = np_ce(x @ w.T + b, y)
            p = np.exp(logp)
            p[np.arange(len(y)), y] -= 1
            p /= len(y)
            w, b = w - lr * p.T @ x, b - lr * p.sum(0)
            losses.append(loss)
    return losses, w, b


LINE = re.compile(r"^epoch: (\d+) step: (\d+), loss is (\S+)$")


# ---------------------------------------------------------------------- tests
def test_train_matches_numpy_reference_and_lossmonitor_format(capsys):
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1), metrics={"accuracy"})
    model.train(2, make_dataset(X, Y, 4), callbacks=[LossMonitor()])
    lines = capsys.readouterr().out.splitlines()
    ref_losses, w, b = np_sgd_run(2, 4, 0.1)
    assert [LINE.match(l).groups()[:2] for l in lines] == [("1", "1"), ("1", "2"), ("2", "1"), ("2", "2")]
    np.testing.assert_allclose([float(LINE.match(l).group(3)) for l in lines], ref_losses, rtol=1e-5)
    np.testing.assert_allclose(net.fc.weight.asnumpy(), w, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(net.fc.bias.asnumpy(), b, rtol=1e-5, atol=1e-6)


def test_lossmonitor_prints_float_repr_of_the_float32_loss(capsys):
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1))
    model.train(1, make_dataset(X, Y, 8), callbacks=LossMonitor())
    out = capsys.readouterr().out
    loss = float(np.float32(np_ce(X @ W0.T + B0, Y)[0]))
    assert LINE.match(out.strip()).group(3) == repr(loss) or abs(float(LINE.match(out.strip()).group(3)) - loss) < 1e-6


def test_training_reduces_loss_on_synthetic_problem():
    rng = np.random.default_rng(1)
    centers = rng.standard_normal((3, 4)).astype(np.float32) * 3
    y = rng.integers(0, 3, 96).astype(np.int32)
    x = (centers[y] + rng.standard_normal((96, 4)).astype(np.float32) * 0.5).astype(np.float32)
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.2), metrics={"acc", "loss"})
    before = model.eval(make_dataset(x, y, 16))
    hist = History()
    model.train(5, make_dataset(x, y, 16), callbacks=[hist])
    after = model.eval(make_dataset(x, y, 16))
    assert after["loss"] < 0.5 * before["loss"]
    assert after["acc"] > 0.9
    assert hist.epoch == {"epoch": [1, 2, 3, 4, 5]}
    assert hist.history["net_output"][-1] < hist.history["net_output"][0]


def test_eval_values_and_types():
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), metrics={"acc": Accuracy(), "loss": Loss()})
    res = model.eval(make_dataset(X, Y, 4))
    logits = X @ W0.T + B0
    assert list(res) == ["acc", "loss"]
    assert res["acc"] == pytest.approx(np.mean(logits.argmax(1) == Y))
    batch_losses = [np_ce(logits[i:i + 4], Y[i:i + 4])[0] for i in (0, 4)]
    assert res["loss"] == pytest.approx(np.mean(batch_losses), rel=1e-5)
    assert isinstance(res["loss"], float) and isinstance(res["acc"], float)
    assert Model(Net(), nn.CrossEntropyLoss(), metrics={"accuracy"}).eval(make_dataset(X, Y, 4)).keys() == \
        {"accuracy"}


def test_predict_and_networks():
    net = Net()
    model = Model(net)
    out = model.predict(ms.Tensor(X))
    np.testing.assert_allclose(out.asnumpy(), X @ W0.T + B0, rtol=1e-5, atol=1e-6)
    assert model.predict_network is net and model.train_network is net and model.eval_network is None
    model2 = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1), metrics={"acc"})
    # (names without the leading underscore of Model's fallbacks, used until minispore.nn has the wrappers)
    assert type(model2.train_network).__name__.lstrip("_") == "TrainOneStepCell"
    assert type(model2.eval_network).__name__.lstrip("_") == "WithEvalCell"
    with pytest.raises(ValueError, match="can not be empty"):
        model.predict(ms.Tensor(np.zeros((0, 4), np.float32)))


def test_constructor_and_argument_errors():
    with pytest.raises(TypeError, match="The type of 'network' should be 'Cell'"):
        Model(1)
    with pytest.raises(ValueError, match="If `metrics` is set, `eval_network` must not be None"):
        Model(Net(), metrics={"acc"})
    with pytest.raises(TypeError, match="must be None, dict or set"):
        Model(Net(), nn.CrossEntropyLoss(), metrics=["acc"])
    with pytest.raises(ValueError, match="The argument in 'kwargs' should be"):
        Model(Net(), foo=1)
    with pytest.raises(ValueError, match="'metrics' can not be None or empty"):
        Model(Net()).eval(make_dataset(X, Y, 4))
    model = Model(Net(), nn.CrossEntropyLoss(), nn.SGD(Net().trainable_params(), 0.1))
    with pytest.raises(ValueError, match="must > 0"):
        model.train(0, make_dataset(X, Y, 4))
    with pytest.raises(ValueError, match="must bigger than parameter 'initial_epoch'"):
        model.train(1, make_dataset(X, Y, 4), initial_epoch=1)


def test_train_without_loss_fn_uses_network_as_train_network(capsys):
    class WithLoss(nn.Cell):
        def __init__(self):
            super().__init__()
            self.net = Net()
            self.loss = nn.CrossEntropyLoss()

        def construct(self, x, y):
            return self.loss(self.net(x), y)

    net = WithLoss()
    model = Model(net)
    model.train(1, make_dataset(X, Y, 4), callbacks=LossMonitor())
    assert len(capsys.readouterr().out.splitlines()) == 2
    np.testing.assert_allclose(net.net.fc.weight.asnumpy(), W0)   # no optimizer: forward only


def test_initial_epoch_and_sink_mode_run_the_same(capsys):
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1))
    model.train(3, make_dataset(X, Y, 4), callbacks=LossMonitor(), dataset_sink_mode=True, initial_epoch=1)
    lines = capsys.readouterr().out.splitlines()
    assert [LINE.match(l).groups()[:2] for l in lines] == [("2", "1"), ("2", "2"), ("3", "1"), ("3", "2")]
    np.testing.assert_allclose([float(LINE.match(l).group(3)) for l in lines], np_sgd_run(2, 4, 0.1)[0],
                               rtol=1e-5)


def test_request_stop_ends_training_after_the_step():
    class StopAt3(Callback):
        def on_train_step_end(self, run_context):
            if run_context.original_args().cur_step_num == 3:
                run_context.request_stop()

    steps = []

    class Count(Callback):
        def on_train_step_end(self, run_context):
            steps.append(run_context.original_args().cur_step_num)

    net = Net()
    Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1)).train(
        5, make_dataset(X, Y, 2), callbacks=[StopAt3(), Count()])
    assert steps == [1, 2, 3]


def test_fit_evaluates_and_early_stopping_uses_eval_results(capsys):
    net = Net()
    model = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1), metrics={"acc"})
    seen = []

    class Spy(Callback):
        def on_train_epoch_end(self, run_context):
            cb = run_context.original_args()
            seen.append((cb.mode, sorted(cb.eval_results), cb.cur_step_num, cb.batch_num))

    es = EarlyStopping(monitor="acc", patience=0, mode="max")
    model.fit(10, make_dataset(X, Y, 4), make_dataset(X, Y, 4), callbacks=[Spy(), LossMonitor(), es])
    out = capsys.readouterr().out.splitlines()
    assert seen[0] == ("train", ["acc", "eval_loss"], 2, 2)
    assert re.match(r"^Eval result: epoch 1, metrics: \{'acc': [0-9.]+\}$", out[2])
    assert len(seen) == es.stopped_epoch < 10


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("MINISPORE_PROGRESS", raising=False)
    assert not _progress.progress_enabled(io.StringIO())
    assert _progress.progress_enabled(Tty())
    monkeypatch.setenv("MINISPORE_PROGRESS", "0")
    assert not _progress.progress_enabled(Tty())
    monkeypatch.delenv("MINISPORE_PROGRESS")

    fake = Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    net = Net()
    Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1)).train(
        2, make_dataset(X, Y, 4), callbacks=LossMonitor())
    assert sys.stdout is fake                      # restored after training
    text = fake.getvalue()
    assert "Epoch 1/2" in text and "Epoch 2/2" in text and "loss=" in text
    # LossMonitor's lines are written whole, each on its own line
    assert len([l for l in re.split(r"[\r\n]", text) if LINE.match(l)]) == 4


def test_progress_bar_absent_when_captured(capsys):
    net = Net()
    Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.1)).train(1, make_dataset(X, Y, 4))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
