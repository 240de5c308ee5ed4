"""Regressions from a review of minispore.train; MindSpore 2.10 behaviour as the reference."""
import io
import os
import sys

import numpy as np
import pytest
import tqdm  # noqa: F401 - a core dependency: the progress-bar tests fail without it, never skip

import minispore as ms
import minispore.dataset as ds
from minispore import _fileio, nn
from minispore.train import Callback, CheckpointConfig, Model, ModelCheckpoint
from minispore.train import model as model_mod
from minispore.train import serialization
from minispore.train.callback import _progress

X = np.random.default_rng(0).standard_normal((10, 3)).astype(np.float32)
Y = np.random.default_rng(1).standard_normal((10, 1)).astype(np.float32)
YC = np.random.default_rng(1).integers(0, 2, (10,)).astype(np.int32)


def make(x=X, y=Y, bs=2):
    return ds.NumpySlicesDataset((x, y), ["x", "y"], shuffle=False).batch(bs)


def mse_model(metrics=None):
    net = nn.Dense(3, 1)
    return Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01), metrics=metrics)


class Steps(Callback):
    def __init__(self):
        self.log = []

    def on_train_step_end(self, run_context):
        p = run_context.original_args()
        self.log.append((p.cur_epoch_num, p.cur_step_num))


# ---------------------------------------------------------------------- 1: Model.train on a generator object
def test_train_on_generator_object_runs_every_step():
    def gen():
        for i in range(10):
            yield X[i], Y[i]
    rec = Steps()
    mse_model().train(2, ds.GeneratorDataset(gen(), ["x", "y"]).batch(2), callbacks=[rec])
    # MindSpore 2.10: 5 steps in each epoch (the rows are replayed)
    assert rec.log == [(1, s) for s in range(1, 6)] + [(2, s) for s in range(6, 11)]


# ---------------------------------------------------------------------- 4: the progress bar restores stdout
class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_restores_stdout_after_fit(monkeypatch):
    monkeypatch.delenv("MINISPORE_PROGRESS", raising=False)
    fake = _Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    net = nn.Dense(3, 2)
    m = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.01), metrics={"accuracy"})
    m.fit(2, make(y=YC), make(y=YC))
    assert sys.stdout is fake                        # was left wrapped by the bar
    m.train(1, make(y=YC))
    assert sys.stdout is fake
    assert "Epoch 2/2" in fake.getvalue()


def test_progress_bar_enter_exit_nested(monkeypatch):
    fake = _Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    bar = _progress._ProgressBar(1)
    with bar:
        wrapped = sys.stdout
        assert wrapped is not fake
        with bar:                                    # a second entry keeps the same wrapper and the real stdout
            assert sys.stdout is wrapped
        assert sys.stdout is wrapped                 # the inner exit does not unwrap
    assert sys.stdout is fake
    bar.__exit__(None, None, None)                   # an extra exit is harmless
    assert sys.stdout is fake


def test_progress_bar_not_an_eval_callback(monkeypatch):
    monkeypatch.setenv("MINISPORE_PROGRESS", "1")
    entered = []
    real_enter = _progress._ProgressBar.__enter__

    def spy(self):
        entered.append(self)
        return real_enter(self)
    monkeypatch.setattr(_progress._ProgressBar, "__enter__", spy)
    net = nn.Dense(3, 2)
    m = Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), 0.01), metrics={"accuracy"})
    m.fit(2, make(y=YC), make(y=YC))
    assert len(entered) == 1


# ---------------------------------------------------------------------- 5: CheckpointConfig(exception_save=True)
class Boom(Callback):
    def __init__(self, at):
        self.at = at

    def on_train_step_end(self, run_context):
        if run_context.original_args().cur_step_num == self.at:
            raise RuntimeError("boom")


def test_exception_save_writes_breakpoint_and_reraises(tmp_path):
    m = mse_model()
    cfg = CheckpointConfig(save_checkpoint_steps=100, exception_save=True, append_info=["epoch_num", "step_num"])
    ck = ModelCheckpoint("net", str(tmp_path), cfg)
    with pytest.raises(RuntimeError, match="boom"):
        m.train(3, make(), callbacks=[ck, Boom(7)])
    # MindSpore 2.10 names it <prefix>-<epoch>_<step in epoch>_breakpoint.ckpt
    assert sorted(os.listdir(tmp_path)) == ["net-2_2_breakpoint.ckpt"]
    p = ms.load_checkpoint(str(tmp_path / "net-2_2_breakpoint.ckpt"))
    np.testing.assert_array_equal(p["weight"].asnumpy(), m.predict_network.weight.asnumpy())   # after step 7
    assert int(p["epoch_num"].asnumpy()) == 2 and int(p["step_num"].asnumpy()) == 2
    assert "learning_rate" in p                       # the whole train network, optimizer included
    with pytest.raises(RuntimeError, match="boom"):
        m.train(3, make(), callbacks=[ck, Boom(3)])
    assert sorted(os.listdir(tmp_path)) == ["net-2_2_breakpoint.ckpt", "net_1-1_3_breakpoint.ckpt"]


def test_no_breakpoint_without_exception_save_or_exception(tmp_path):
    cfg = CheckpointConfig(save_checkpoint_steps=100)
    with pytest.raises(RuntimeError, match="boom"):
        mse_model().train(1, make(), callbacks=[ModelCheckpoint("a", str(tmp_path), cfg), Boom(2)])
    assert os.listdir(tmp_path) == []
    cfg = CheckpointConfig(save_checkpoint_steps=100, exception_save=True)
    mse_model().train(1, make(), callbacks=ModelCheckpoint("b", str(tmp_path), cfg))
    assert os.listdir(tmp_path) == ["b-1_5.ckpt"]      # only the end-of-training save


# ---------------------------------------------------------------------- 6: pruning only after a successful save
def test_failed_save_keeps_the_oldest_checkpoint(tmp_path, monkeypatch):
    real = serialization.save_checkpoint
    calls = []

    def flaky(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)
    monkeypatch.setattr(serialization, "save_checkpoint", flaky)
    ck = ModelCheckpoint("k", str(tmp_path), CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=2))
    with pytest.raises(OSError, match="No space"):
        mse_model().train(1, make(), callbacks=ck)
    assert sorted(os.listdir(tmp_path)) == ["k-1_1.ckpt", "k-1_2.ckpt"]   # nothing pruned by the failed save
    monkeypatch.setattr(serialization, "save_checkpoint", real)
    ck = ModelCheckpoint("k", str(tmp_path), CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=2))
    mse_model().train(1, make(), callbacks=ck)
    assert sorted(f for f in os.listdir(tmp_path) if f.startswith("k_1")) == ["k_1-1_4.ckpt", "k_1-1_5.ckpt"]


# ---------------------------------------------------------------------- 7: errors that name what failed
def test_save_checkpoint_error_names_the_target(tmp_path, monkeypatch):
    target = str(tmp_path / "net.ckpt")

    def refuse(*args):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".net.ckpt.1.0.abc.tmp"))
    monkeypatch.setattr(_fileio, "_open_unnamed", refuse)
    with pytest.raises(PermissionError) as info:
        ms.save_checkpoint(nn.Dense(2, 2), target)
    msg = str(info.value)
    assert target in msg and "Permission denied" in msg and ".tmp" not in msg
    monkeypatch.undo()
    if os.path.isdir("/proc/self"):                  # a directory where no file can be created
        with pytest.raises(OSError, match="/proc/x.ckpt") as info:
            ms.save_checkpoint(nn.Dense(2, 2), "/proc/x.ckpt")
        assert ".tmp" not in str(info.value)


def test_model_rejects_a_non_dataset():
    m = mse_model(metrics={"mae"})
    with pytest.raises(TypeError, match="must be a minispore.dataset Dataset.*list"):
        m.train(1, [1, 2])
    with pytest.raises(TypeError, match="'train_dataset' must be a minispore.dataset Dataset"):
        m.fit(1, (X, Y))
    with pytest.raises(TypeError, match="'valid_dataset' must be a minispore.dataset Dataset"):
        m.fit(1, make(), [1])
    with pytest.raises(TypeError, match="'valid_dataset' must be a minispore.dataset Dataset"):
        m.eval(None)


def test_eval_with_one_column_says_what_was_expected():
    m = mse_model(metrics={"mae"})
    d = ds.NumpySlicesDataset(np.ones((4, 3), np.float32), shuffle=False).batch(2)
    with pytest.raises(ValueError, match=r"two columns \(data, label\).*1 column\(s\) \['column_0'\]"):
        m.eval(d)
    assert set(m.eval(make())) == {"mae"}


# ---------------------------------------------------------------------- 8: Model builds minispore.nn's cells
def test_model_uses_nn_wrapper_cells():
    m = mse_model(metrics={"mae"})
    assert type(m.train_network) is nn.TrainOneStepCell
    assert type(m.train_network.network) is nn.WithLossCell
    assert type(m.eval_network) is nn.WithEvalCell
    for name in ("_WithLossCell", "_TrainOneStepCell", "_WithEvalCell", "_nn_cell"):
        assert not hasattr(model_mod, name)
    net = nn.Dense(3, 1)
    assert type(Model(net, nn.MSELoss()).train_network) is nn.WithLossCell
