"""minispore.train callbacks: hook order, cb_params, printed formats and checkpoint files.

Expected orders, key sets, file names and printed lines were recorded by running the same cases with
MindSpore 2.10 (CPU, PyNative).
"""
import os
import re

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
from minispore import nn
from minispore.train import (Callback, CheckpointConfig, EarlyStopping, History, LambdaCallback, LossMonitor,
                             Model, ModelCheckpoint, ReduceLROnPlateau, RunContext, TimeMonitor)
from minispore.train.callback import _InternalCallbackParam as CbParams


def make_dataset(data, label, batch_size):
    return ds.NumpySlicesDataset({"data": data, "label": label}, shuffle=False).batch(batch_size)


RNG = np.random.default_rng(3)
X = RNG.standard_normal((10, 4)).astype(np.float32)
Y = RNG.integers(0, 3, 10).astype(np.int32)


def make_model(metrics=None, lr=0.1):
    net = nn.Dense(4, 3)
    return Model(net, nn.CrossEntropyLoss(), nn.SGD(net.trainable_params(), lr), metrics=metrics), net


HOOKS = ["on_train_begin", "on_train_epoch_begin", "on_train_step_begin", "on_train_step_end",
         "on_train_epoch_end", "on_train_end", "on_eval_begin", "on_eval_epoch_begin", "on_eval_step_begin",
         "on_eval_step_end", "on_eval_epoch_end", "on_eval_end"]
LEGACY = ["begin", "epoch_begin", "step_begin", "step_end", "epoch_end", "end"]


class Recorder(Callback):
    def __init__(self):
        self.calls = []

    def __getattribute__(self, name):
        attr = object.__getattribute__(self, name)
        if name in HOOKS or name in LEGACY:
            def wrapped(run_context):
                cb = run_context.original_args()
                self.calls.append((name, cb.get("cur_epoch_num"), cb.get("cur_step_num"), cb.get("mode")))
                return attr(run_context)
            return wrapped
        return attr


# ---------------------------------------------------------------------- hook order and cb_params
def test_train_hook_order_and_legacy_aliases():
    model, _ = make_model()
    rec = Recorder()
    model.train(2, make_dataset(X, Y, 4), callbacks=rec)
    expected = [("on_train_begin", None, 0, "train"), ("begin", None, 0, "train")]
    step = 0
    for epoch in (1, 2):
        expected += [("on_train_epoch_begin", epoch, step, "train"), ("epoch_begin", epoch, step, "train")]
        for _ in range(3):
            step += 1
            expected += [("on_train_step_begin", epoch, step, "train"), ("step_begin", epoch, step, "train"),
                         ("on_train_step_end", epoch, step, "train"), ("step_end", epoch, step, "train")]
        expected += [("on_train_epoch_end", epoch, step, "train"), ("epoch_end", epoch, step, "train")]
    expected += [("on_train_end", 2, 6, "train"), ("end", 2, 6, "train")]
    assert rec.calls == expected


def test_eval_hook_order():
    model, _ = make_model(metrics={"acc"})
    rec = Recorder()
    model.eval(make_dataset(X, Y, 4), callbacks=[rec])
    names = [c[0] for c in rec.calls if c[0].startswith("on_")]
    assert names == ["on_eval_begin", "on_eval_epoch_begin"] + ["on_eval_step_begin", "on_eval_step_end"] * 3 + \
        ["on_eval_epoch_end", "on_eval_end"]
    assert [c[2] for c in rec.calls if c[0] == "on_eval_step_end"] == [1, 2, 3]
    assert all(c[3] == "eval" and c[1] is None for c in rec.calls)


def test_cb_params_fields():
    seen = {}

    class Spy(Callback):
        def on_train_begin(self, run_context):
            cb = run_context.original_args()
            seen["begin_keys"] = sorted(cb.keys())
            seen["list"] = cb.list_callback
            seen["meta"] = (cb.batch_num, cb.epoch_num, cb.parallel_mode, cb.device_number, cb.mode)

        def on_train_step_end(self, run_context):
            cb = run_context.original_args()
            seen["out"] = cb.net_outputs
            seen["elem"] = cb.train_dataset_element

        def on_eval_end(self, run_context):
            cb = run_context.original_args()
            seen["eval_keys"] = sorted(cb.keys())
            seen["metrics"] = cb.metrics

    spy = Spy()
    model, net = make_model(metrics={"acc"})
    dataset = make_dataset(X, Y, 4)
    model.train(2, dataset, callbacks=[spy])
    # MindSpore 2.10 (CPU, PyNative) has exactly these keys at on_train_begin
    assert seen["begin_keys"] == ['batch_num', 'cur_step_num', 'dataset_sink_mode', 'device_number', 'epoch_num',
                                  'initial_step', 'last_save_ckpt_step', 'latest_ckpt_file', 'list_callback',
                                  'loss_fn', 'loss_scale_mananger', 'mode', 'network', 'optimizer',
                                  'parallel_mode', 'train_dataset', 'train_dataset_element', 'train_network']
    assert seen["list"] == [spy]
    assert seen["meta"] == (3, 2, "stand_alone", 1, "train")
    assert isinstance(seen["out"], ms.Tensor) and seen["out"].shape == () and seen["out"].dtype == ms.float32
    assert len(seen["elem"]) == 2
    model.eval(dataset, callbacks=spy)
    assert seen["eval_keys"] == ['batch_num', 'cur_step_num', 'dataset_sink_mode', 'eval_dataset_element',
                                 'eval_network', 'list_callback', 'metrics', 'mode', 'net_outputs', 'network',
                                 'valid_dataset']
    assert list(seen["metrics"]) == ["acc"]


def test_run_context():
    rc = RunContext({"a": 1})
    assert rc.original_args() == {"a": 1} and not rc.get_stop_requested()
    rc.request_stop()
    assert rc.get_stop_requested()
    with pytest.raises(TypeError, match="The argument 'original_args' of RunContext should be dict type"):
        RunContext(1)


def test_callbacks_are_context_managers_and_type_checked():
    events = []

    class Ctx(Callback):
        def __enter__(self):
            events.append("enter")
            return self

        def __exit__(self, *err):
            events.append("exit")

        def on_train_end(self, run_context):
            events.append("end")

    model, _ = make_model()
    model.train(1, make_dataset(X, Y, 4), callbacks=[Ctx()])
    assert events == ["enter", "end", "exit"]
    with pytest.raises(TypeError, match="the elements in 'callbacks' must be Callback functions"):
        model.train(1, make_dataset(X, Y, 4), callbacks=[1])


def test_lambda_callback():
    log = []
    model, _ = make_model()
    model.train(2, make_dataset(X, Y, 5), callbacks=LambdaCallback(
        on_train_epoch_end=lambda rc: log.append(rc.original_args().cur_epoch_num),
        on_train_step_end=lambda rc: log.append("s")))
    assert log == ["s", "s", 1, "s", "s", 2]


# ---------------------------------------------------------------------- LossMonitor / TimeMonitor formats
LINE = re.compile(r"^epoch: (\d+) step: (\d+), loss is (\S+)$")


def test_loss_monitor_per_print_times(capsys):
    model, _ = make_model()
    model.train(2, make_dataset(X, Y, 2), callbacks=LossMonitor(per_print_times=3))
    lines = capsys.readouterr().out.splitlines()
    # 5 steps per epoch; MindSpore prints global steps 3, 6, 9 -> (1, 3), (2, 1), (2, 4)
    assert [LINE.match(l).groups()[:2] for l in lines] == [("1", "3"), ("2", "1"), ("2", "4")]
    float(LINE.match(lines[0]).group(3))


def test_loss_monitor_zero_prints_nothing_and_checks_args(capsys):
    model, _ = make_model()
    model.train(1, make_dataset(X, Y, 4), callbacks=LossMonitor(0))
    assert capsys.readouterr().out == ""
    with pytest.raises(ValueError, match=r"^The input value must be int and must >= 0, but got '-1' with type 'int'\.$"):
        LossMonitor(-1)
    with pytest.raises(TypeError, match=r"^The input value must be int, but got 'float'$"):
        LossMonitor(1.5)


def test_loss_monitor_nan_stops_training():
    cb = LossMonitor()
    rc = RunContext(CbParams(cur_epoch_num=2, cur_step_num=5, batch_num=3,
                             net_outputs=ms.Tensor(np.float32(np.nan)), dataset_sink_mode=False))
    with pytest.raises(ValueError, match=r"^In epoch: 2 step: 2, loss is NAN or INF, training process cannot "
                                         r"continue, terminating training\.$"):
        cb.step_end(rc)


def test_loss_monitor_tuple_output_prints_tensor(capsys):
    rc = RunContext(CbParams(cur_epoch_num=1, cur_step_num=1, batch_num=3,
                             net_outputs=(ms.Tensor(np.float32(0.5)), ms.Tensor(np.float32(1.0)))))
    LossMonitor().step_end(rc)
    assert capsys.readouterr().out == "epoch: 1 step: 1, loss is %s\n" % ms.Tensor(np.float32(0.5))


def test_time_monitor_format(capsys):
    model, _ = make_model(metrics={"acc"})
    model.train(2, make_dataset(X, Y, 4), callbacks=TimeMonitor())
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        m = re.match(r"^Train epoch time: (\d+\.\d{3}) ms, per step time: (\d+\.\d{3}) ms$", line)
        assert m and float(m.group(2)) == pytest.approx(float(m.group(1)) / 3, abs=2e-3)
    model.eval(make_dataset(X, Y, 4), callbacks=TimeMonitor(data_time=True))
    line = capsys.readouterr().out.strip()
    assert re.match(r"^Eval epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms \(data time: \d+\.\d{3} ms\)$",
                    line), line
    with pytest.raises(TypeError, match="^The 'data_time' must be a bool, but got int.$"):
        TimeMonitor(data_time=1)


def test_time_monitor_uses_data_size_without_batch_num(capsys):
    tm = TimeMonitor(data_size=4)
    rc = RunContext({"mode": "train"})
    tm.epoch_begin(rc)
    tm.epoch_end(rc)
    assert capsys.readouterr().out.startswith("Train epoch time: ")


# ---------------------------------------------------------------------- ModelCheckpoint
def test_checkpoint_naming_and_keep_max(tmp_path):
    # MindSpore 2.10: 3 steps/epoch, 2 epochs, save every 2 steps, keep 2 -> ['net-2_1.ckpt', 'net-2_3.ckpt']
    model, _ = make_model()
    cfg = CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=2)
    mc = ModelCheckpoint(prefix="net", directory=str(tmp_path), config=cfg)
    model.train(2, make_dataset(X, Y, 4), callbacks=[mc])
    assert sorted(os.listdir(tmp_path)) == ["net-2_1.ckpt", "net-2_3.ckpt"]
    assert mc.latest_ckpt_file_name == os.path.join(str(tmp_path), "net-2_3.ckpt")


def test_checkpoint_defaults_prefix_renaming_and_contents(tmp_path):
    from minispore.train.serialization import load_checkpoint
    model, net = make_model()
    dataset = make_dataset(np.concatenate([X, X[:6]]), np.concatenate([Y, Y[:6]]), 2)    # 8 steps per epoch
    model.train(2, dataset, callbacks=[ModelCheckpoint(directory=str(tmp_path))])
    # default: every step, keep 5 (the same list MindSpore 2.10 leaves)
    assert sorted(os.listdir(tmp_path)) == ['CKP-2_4.ckpt', 'CKP-2_5.ckpt', 'CKP-2_6.ckpt', 'CKP-2_7.ckpt',
                                            'CKP-2_8.ckpt']
    mc2 = ModelCheckpoint(directory=str(tmp_path), config=CheckpointConfig(save_checkpoint_steps=3,
                                                                          keep_checkpoint_max=10))
    assert mc2._prefix == "CKP_1"
    model.train(1, dataset, callbacks=[mc2])
    # saved at steps 3 and 6, and at the end of training (step 8)
    assert sorted(f for f in os.listdir(tmp_path) if f.startswith("CKP_1")) == \
        ['CKP_1-1_3.ckpt', 'CKP_1-1_6.ckpt', 'CKP_1-1_8.ckpt']
    assert ModelCheckpoint(directory=str(tmp_path))._prefix == "CKP_2"
    params = load_checkpoint(os.path.join(str(tmp_path), "CKP_1-1_8.ckpt"))
    assert {"weight", "bias"} <= set(params)
    np.testing.assert_array_equal(params["weight"].asnumpy(), net.weight.asnumpy())


def test_checkpoint_pruning_order_is_oldest_first(tmp_path):
    model, _ = make_model()
    cfg = CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=3)
    model.train(4, make_dataset(X, Y, 5), callbacks=ModelCheckpoint("m", str(tmp_path), cfg))
    assert sorted(os.listdir(tmp_path)) == ["m-3_2.ckpt", "m-4_1.ckpt", "m-4_2.ckpt"]


def test_checkpoint_append_info_and_callable_prefix(tmp_path):
    from minispore.train.serialization import load_checkpoint
    model, _ = make_model()
    cfg = CheckpointConfig(append_info=["epoch_num", "step_num", {"lr": 0.01}])
    model.train(1, make_dataset(X, Y, 5), callbacks=[ModelCheckpoint("app", str(tmp_path), cfg)])
    assert sorted(os.listdir(tmp_path)) == ["app-1_1.ckpt", "app-1_2.ckpt"]
    p = load_checkpoint(os.path.join(str(tmp_path), "app-1_2.ckpt"))
    assert int(p["epoch_num"].asnumpy()) == 1 and int(p["step_num"].asnumpy()) == 2
    assert float(p["lr"].asnumpy()) == pytest.approx(0.01)
    sub = tmp_path / "fn"
    model.train(1, make_dataset(X, Y, 5), callbacks=[ModelCheckpoint(
        prefix=lambda cb: "step%d" % cb.cur_step_num, directory=str(sub))])
    assert sorted(os.listdir(sub)) == ["step1.ckpt", "step2.ckpt"]


def test_checkpoint_config_errors():
    with pytest.raises(ValueError, match="can't be all None or 0"):
        CheckpointConfig(0, 0, 0, 0)
    with pytest.raises(ValueError, match="must be int and must >= 0"):
        CheckpointConfig(-1)
    with pytest.raises(ValueError, match="must be callable or string that does not contain '/', but got a/b"):
        ModelCheckpoint(prefix="a/b")
    with pytest.raises(TypeError, match="the type of argument 'config' should be 'CheckpointConfig'"):
        ModelCheckpoint(config=1)
    with pytest.raises(ValueError, match=r"must be in \['epoch_num', 'step_num'\]"):
        CheckpointConfig(append_info=["x"])
    cfg = CheckpointConfig(save_checkpoint_steps=0, save_checkpoint_seconds=10, keep_checkpoint_max=0,
                           keep_checkpoint_per_n_minutes=1)
    assert cfg.get_checkpoint_policy() == {'save_checkpoint_steps': 0, 'save_checkpoint_seconds': 10,
                                           'keep_checkpoint_max': 0, 'keep_checkpoint_per_n_minutes': 1,
                                           'saved_network': None}


# ---------------------------------------------------------------------- EarlyStopping / History / ReduceLR
def test_early_stopping_on_loss_verbose(capsys):
    # MindSpore 2.10: monitor='loss', patience=1, min_delta=10 -> stops after epoch 2, prints this line
    model, _ = make_model()
    hist = History()
    es = EarlyStopping(monitor="loss", patience=1, verbose=True, min_delta=10)
    model.train(5, make_dataset(X, Y, 5), callbacks=[hist, es])
    assert capsys.readouterr().out == "Epoch 00002: early stopping\n"
    assert es.stopped_epoch == 2
    assert hist.epoch == {"epoch": [1, 2]}
    assert [type(v).__name__ for v in hist.history["net_output"]] == ["float32", "float32"]


def test_early_stopping_patience_and_restore_best_weights():
    es = EarlyStopping(monitor="acc", patience=2, mode="max", restore_best_weights=True)
    net = nn.Dense(2, 2)
    values = iter([0.5, 0.7, 0.6, 0.65, 0.9])
    weights = []

    def epoch(n):
        net.weight.set_data(ms.Tensor(np.full((2, 2), n, np.float32)))
        weights.append(n)
        cb = CbParams(cur_epoch_num=n, eval_results={"acc": next(values)}, train_network=net)
        rc = RunContext(cb)
        es.on_train_epoch_end(rc)
        return rc.get_stop_requested()

    es.on_train_begin(None)
    assert [epoch(n) for n in (1, 2, 3)] == [False, False, False]
    assert epoch(4) is True and es.stopped_epoch == 4 and es.best == pytest.approx(0.7)
    np.testing.assert_array_equal(net.weight.asnumpy(), np.full((2, 2), 2, np.float32))   # best epoch's


def test_early_stopping_errors():
    with pytest.raises(ValueError, match="mode should be 'auto', 'min' or 'max', but got x."):
        EarlyStopping(mode="x")
    with pytest.raises(ValueError, match="must be int and must >= 0"):
        EarlyStopping(patience=-1)


def test_reduce_lr_on_plateau(capsys):
    model, _ = make_model()
    r = ReduceLROnPlateau(monitor="loss", patience=0, verbose=True, min_delta=10, factor=0.5)
    model.train(2, make_dataset(X, Y, 5), callbacks=[r])
    # MindSpore 2.10 prints exactly this line and leaves lr 0.05
    assert capsys.readouterr().out == "Epoch 00002: ReduceLROnPlateau reducing learning rate to 0.05.\n"
    assert float(model._optimizer.learning_rate.asnumpy()) == pytest.approx(0.05)
