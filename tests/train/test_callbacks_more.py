"""LearningRateScheduler and BackupAndRestore (minispore/train/callback/_lr_scheduler.py, _backup_restore.py): the
behaviour beyond the golden cases of tests/golden/cases_toplevel.py (which compare trained weights and learning
rates with MindSpore 2.10): argument errors and the files written."""
import os

import numpy as np
import pytest

import minispore as ms
from minispore import nn


def _fit(cb, epochs=1, lr=0.1):
    net = nn.Dense(3, 1)
    net.weight.set_data(ms.Tensor(np.full((1, 3), 0.5, np.float32)))
    net.bias.set_data(ms.Tensor(np.zeros(1, np.float32)))
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    x = np.arange(24, dtype=np.float32).reshape(8, 3) / 24
    data = ms.dataset.NumpySlicesDataset({"x": x, "y": x[:, :1]}, shuffle=False).batch(4)
    ms.Model(net, nn.MSELoss(), opt).train(epochs, data, callbacks=[cb], dataset_sink_mode=False)
    return net, opt


def test_lr_scheduler_sets_the_rate_each_step():
    net, opt = _fit(ms.LearningRateScheduler(lambda lr, step: 0.01 * step), epochs=2)
    assert opt.learning_rate.asnumpy() == np.float32(0.04)     # 4 steps: set after the last one


def test_lr_scheduler_needs_a_callable_and_a_fixed_rate():
    with pytest.raises(TypeError, match="learning_rate_function"):
        ms.LearningRateScheduler(0.1)
    with pytest.raises(ValueError, match="LearningRateScheduler"):
        _fit(ms.LearningRateScheduler(lambda lr, step: lr), lr=nn.exponential_decay_lr(0.1, 0.9, 8, 2, 1))


def test_backup_creates_its_folder_and_deletes_the_file(tmp_path):
    folder = tmp_path / "a" / "b"
    cb = ms.BackupAndRestore(str(folder))
    assert folder.is_dir() and cb.backup_file == os.path.join(os.path.realpath(folder), "backup.ckpt")
    _fit(cb, epochs=2)
    assert os.listdir(folder) == []


def test_backup_file_is_a_loadable_checkpoint_of_the_train_network(tmp_path):
    net, _ = _fit(ms.BackupAndRestore(str(tmp_path), delete_checkpoint=False), epochs=1)
    saved = ms.load_checkpoint(str(tmp_path / "backup.ckpt"))
    np.testing.assert_array_equal(saved["weight"].asnumpy(), net.weight.asnumpy())


@pytest.mark.parametrize("kwargs, error", [({"save_freq": "step"}, TypeError), ({"save_freq": -1}, ValueError),
                                           ({"delete_checkpoint": "yes"}, TypeError)])
def test_backup_argument_errors(tmp_path, kwargs, error):
    with pytest.raises(error):
        ms.BackupAndRestore(str(tmp_path), **kwargs)
    with pytest.raises(TypeError, match="backup_dir"):
        ms.BackupAndRestore(None)
