"""Model.train in data parallel with LossMonitor and ModelCheckpoint, as MindSpore users write it; argv: OUT_DIR
[shared].

Runs unchanged on real MindSpore (its msrun) and on minispore (tests/communication/test_callbacks_per_rank.py,
whose golden tests/communication/golden/callbacks.json gen_callbacks.py records). Every rank trains 2 epochs of
4 steps on its shard and saves
  OUT_DIR/rank_<r>/   ModelCheckpoint(prefix="net", directory=OUT_DIR/rank_<r>), MindSpore's per-rank recipe
  OUT_DIR/shared/     with ``shared``: also ModelCheckpoint(prefix="net", directory=OUT_DIR/shared), both ranks
                      writing the same files into one folder. MindSpore 2.10 fails there at random: both ranks
                      write ``net-1_2.tmp`` and rename it, and the second rename raises FileNotFoundError; so
                      the golden is recorded without it and only minispore runs it (its temporary files are
                      unnamed or per writer).
and prints ``params <rank> <sum of |weights|>`` at the end (equal on both ranks: the reducer keeps them equal).
"""
import os
import sys

import numpy as np
import mindspore as ms
from mindspore import nn
import mindspore.dataset as ds
from mindspore.communication import get_group_size, get_rank, init
from mindspore.train import CheckpointConfig, LossMonitor, Model, ModelCheckpoint

out_dir, with_shared = sys.argv[1], sys.argv[2:] == ["shared"]
init()
ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
rank, size = get_rank(), get_group_size()
rng = np.random.RandomState(3)
images = rng.uniform(0, 1, (64, 16)).astype(np.float32)
labels = rng.randint(0, 4, 64).astype(np.int32)
data = ds.NumpySlicesDataset({"image": images, "label": labels}, shuffle=False, num_shards=size,
                             shard_id=rank).batch(8)
net = nn.Dense(16, 4)
net.weight.set_data(ms.Tensor(np.random.RandomState(5).normal(0, 0.1, (4, 16)).astype(np.float32)))
net.bias.set_data(ms.Tensor(np.zeros(4, np.float32)))
loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
model = Model(net, loss, nn.Momentum(net.trainable_params(), 0.1, 0.9))
config = CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=3)
callbacks = [LossMonitor(2), ModelCheckpoint(prefix="net", directory=os.path.join(out_dir, f"rank_{rank}"),
                                             config=config)]
if with_shared:
    callbacks.append(ModelCheckpoint(prefix="net", directory=os.path.join(out_dir, "shared"), config=config))
model.train(2, data, callbacks=callbacks, dataset_sink_mode=False)
print("params", rank, float(np.abs(net.weight.asnumpy()).sum()), flush=True)
print("latest", rank, os.path.basename(callbacks[1].latest_ckpt_file_name), flush=True)
