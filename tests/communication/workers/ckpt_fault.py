"""A run that fails while checkpoints are being written; argv: OUT_DIR HOW ('kill' or 'raise').

Both ranks train (data parallel, Model.train) with two ModelCheckpoints saving every step:
  OUT_DIR/rank_<r>/net-1_<step>.ckpt   a new file per step (keep_checkpoint_max=3)
  OUT_DIR/rank_<r>/latest.ckpt         one file replaced at every step (a callable prefix)
each with ``step_num`` appended. At step FAIL_STEP both ranks are stopped in the middle of writing a checkpoint:
``_fileio._write`` writes half of the first chunk of the file and then, on rank 1, SIGKILLs the process ('kill')
or raises OSError ('raise'); on rank 0 it waits until the launcher ends it because rank 1 failed. Whatever is
on disk afterwards must be complete checkpoints of steps < FAIL_STEP and no temporary file.
"""
import os
import signal
import sys
import time

import numpy as np
import mindspore as ms
from mindspore import nn
import mindspore.dataset as ds
from mindspore.communication import get_group_size, get_rank, init
from mindspore.train import Callback, CheckpointConfig, Model, ModelCheckpoint

from minispore import _fileio

FAIL_STEP = 4
out_dir, how = sys.argv[1], sys.argv[2]
init()
ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
rank, size = get_rank(), get_group_size()
rng = np.random.RandomState(3)
data = ds.NumpySlicesDataset({"image": rng.uniform(0, 1, (64, 16)).astype(np.float32),
                              "label": rng.randint(0, 4, 64).astype(np.int32)}, shuffle=False,
                             num_shards=size, shard_id=rank).batch(4)
net = nn.SequentialCell(nn.Dense(16, 256), nn.ReLU(), nn.Dense(256, 4))
model = Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
              nn.SGD(net.trainable_params(), 0.1))
state = {"step": 0}
_real_write = _fileio._write


def _write(fd, data):
    if state["step"] < FAIL_STEP:
        return _real_write(fd, data)
    _real_write(fd, bytes(data[:len(data) // 2]))
    print(f"rank {rank} stopped in the middle of a checkpoint at step {state['step']}", flush=True)
    if rank == 1:
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError("rank 1: the disk went away")
    time.sleep(120)             # the launcher ends this rank once rank 1 has failed
    raise SystemExit("rank 0 was not stopped")


_fileio._write = _write


class Step(Callback):
    def on_train_step_begin(self, run_context):
        state["step"] = run_context.original_args().cur_step_num


folder = os.path.join(out_dir, f"rank_{rank}")
config = CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=3, append_info=["step_num"])
model.train(1, data, callbacks=[Step(), ModelCheckpoint(prefix="net", directory=folder, config=config),
                                ModelCheckpoint(prefix=lambda cb: "latest", directory=folder, config=config)],
            dataset_sink_mode=False)
print("not failed", rank, flush=True)
