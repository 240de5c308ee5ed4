"""50 steps of the MNIST MLP at global batch 128 on synthetic data; argv: OUT_DIR OPTIMIZER:MEAN ... (one
training run per configuration, in one process to pay the start-up once).

Under a launcher (2 workers) it runs MindSpore's data-parallel recipe: init(), DATA_PARALLEL with gradients_mean,
the dataset sharded by default, TrainOneStepCell inserting the reducer; rank 1 starts from other weights (the
reducer broadcasts rank 0's). Alone it trains on the whole batch, with sens = 2 when gradients_mean is False (the
sum of two half-batch means is twice the whole batch's mean). Writes OUT_DIR/<opt>_<mean>_<rank>.npz."""
import os
import sys

import numpy as np
import mindspore as ms
from mindspore import nn
import mindspore.dataset as ds
from mindspore.communication import get_group_size, get_rank, init

out_dir, configs = sys.argv[1], [c.split(":") for c in sys.argv[2:]]
distributed = "OMPI_COMM_WORLD_SIZE" in os.environ or "PMI_SIZE" in os.environ
if distributed:
    init()
rank, size = (get_rank(), get_group_size()) if distributed else (0, 1)
rng = np.random.default_rng(7)
images = rng.uniform(0, 1, (50 * 128, 784)).astype(np.float32)
labels = rng.integers(0, 10, 50 * 128).astype(np.int32)


def train(opt_name, mean):
    if distributed:
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=mean)
    ms.set_seed(1 + rank)
    data = ds.NumpySlicesDataset({"image": images, "label": labels}, shuffle=False).batch(128 // size)
    net = nn.SequentialCell(nn.Dense(784, 128), nn.ReLU(), nn.Dense(128, 64), nn.ReLU(), nn.Dense(64, 10))
    loss = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    opt = nn.SGD(net.trainable_params(), 0.1) if opt_name == "sgd" else nn.Adam(net.trainable_params(), 1e-3)
    sens = None if distributed or mean else 2.0
    step = nn.TrainOneStepCell(loss, opt, sens=sens)
    assert step.reducer_flag == distributed
    steps = 0
    for image, label in data.create_tuple_iterator():
        step(image, label)
        steps += 1
    assert steps == 50, steps
    np.savez(os.path.join(out_dir, f"{opt_name}_{mean}_{rank}.npz"),
             **{p.name: p.asnumpy() for p in net.get_parameters()})


for opt_name, mean in configs:
    train(opt_name, mean == "True")
print("trained", rank, flush=True)
