"""The second tutorial: train LeNet-5 (the MindSpore model zoo's definition) on MNIST resized to 32x32, test it
after every epoch, save a checkpoint, reload it into a new network and test that one.

Written as for MindSpore (``import mindspore``); on minispore run it with

    python -m minispore run examples/lenet.py                  # the MNIST sample shipped with minispore
    python -m minispore run examples/lenet.py --data DIR       # a directory with the four MNIST IDX files

and on MindSpore with ``python examples/lenet.py --data DIR`` (DIR may hold the files gzipped, as the sample in
minispore/dataset/data does: they are decompressed into a temporary directory first).
"""
import argparse
import atexit
import gzip
import os
import shutil
import tempfile
import time

import mindspore
from mindspore import nn
from mindspore.common.initializer import Normal
from mindspore.dataset import MnistDataset, transforms, vision

MNIST_FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
               "t10k-labels-idx1-ubyte"]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--data", help="directory holding train-images-idx3-ubyte[.gz] and the other three files")
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--steps", type=int, default=None, help="stop each epoch after this many batches")
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--lr", type=float, default=0.01)
parser.add_argument("--momentum", type=float, default=0.9)
parser.add_argument("--jit", action="store_true", help="compile the train step with mindspore.jit")
parser.add_argument("--ckpt", default="lenet.ckpt", help="where to save the trained weights")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()


def mnist_dir(path):
    """``path`` if it holds the four IDX files uncompressed, else a temporary copy with the .gz ones decompressed
    (MindSpore's MnistDataset reads only uncompressed files)."""
    if all(os.path.isfile(os.path.join(path, name)) for name in MNIST_FILES):
        return path
    missing = [name for name in MNIST_FILES if not os.path.isfile(os.path.join(path, name + ".gz"))]
    if missing:
        raise SystemExit(f"{path} lacks {', '.join(missing)} (uncompressed or .gz)")
    target = tempfile.mkdtemp(prefix="mnist-")
    atexit.register(shutil.rmtree, target, True)       # (the copy is removed when the script ends)
    for name in MNIST_FILES:
        with gzip.open(os.path.join(path, name + ".gz"), "rb") as src, open(os.path.join(target, name), "wb") as dst:
            shutil.copyfileobj(src, dst)
    return target


if args.data:
    data_dir = args.data
else:
    sample_dir = getattr(mindspore.dataset, "mnist_sample_dir", None)
    if sample_dir is None:
        raise SystemExit("Give the MNIST files with --data DIR (minispore ships a sample: "
                         "minispore/dataset/data).")
    data_dir = sample_dir()
    print(f"Training on the MNIST sample shipped with minispore ({data_dir}); use --data for the full set.")
data_dir = mnist_dir(data_dir)
mindspore.set_seed(args.seed)


def create_dataset(usage, batch_size, shuffle):
    """The model zoo's LeNet pipeline: resize to 32x32, scale to [0, 1], normalise, HWC -> CHW, int32 labels."""
    dataset = MnistDataset(data_dir, usage=usage, shuffle=False)
    image_ops = [
        vision.Resize((32, 32), interpolation=vision.Inter.LINEAR),
        vision.Rescale(1.0 / 255.0, 0.0),
        vision.Rescale(1 / 0.3081, -1 * 0.1307 / 0.3081),
        vision.HWC2CHW(),
    ]
    dataset = dataset.map(operations=transforms.TypeCast(mindspore.int32), input_columns="label")
    dataset = dataset.map(operations=image_ops, input_columns="image")
    if shuffle:
        dataset = dataset.shuffle(buffer_size=10000)
    return dataset.batch(batch_size, drop_remainder=shuffle)


class LeNet5(nn.Cell):
    def __init__(self, num_class=10, num_channel=1):
        super().__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
        self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
        self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))
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


train_dataset = create_dataset("train", args.batch_size, shuffle=True)
test_dataset = create_dataset("test", 256, shuffle=False)

net = LeNet5()
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=args.lr, momentum=args.momentum)


def forward_fn(data, label):
    logits = net(data)
    return loss_fn(logits, label), logits


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)


def train_step(data, label):
    (loss, _), grads = grad_fn(data, label)
    optimizer(grads)
    return loss


if args.jit:
    train_step = mindspore.jit(train_step)


def train_epoch():
    net.set_train()
    total, steps = 0.0, 0
    for data, label in train_dataset.create_tuple_iterator():
        total += float(train_step(data, label).asnumpy())
        steps += 1
        if args.steps is not None and steps >= args.steps:
            break
    return total / steps


def evaluate(model):
    model.set_train(False)
    loss, correct, count, batches = 0.0, 0, 0, 0
    for data, label in test_dataset.create_tuple_iterator():
        logits = model(data)
        loss += float(loss_fn(logits, label).asnumpy())
        correct += int((logits.argmax(1) == label).asnumpy().sum())
        count += label.shape[0]
        batches += 1
    return loss / batches, 100.0 * correct / count


print(f"{train_dataset.get_dataset_size()} batches of {args.batch_size} per epoch, "
      f"{test_dataset.get_dataset_size()} test batches")
for epoch in range(1, args.epochs + 1):
    start = time.perf_counter()
    train_loss = train_epoch()
    seconds = time.perf_counter() - start
    test_loss, accuracy = evaluate(net)
    print(f"epoch {epoch}: train loss {train_loss:.4f}, test loss {test_loss:.4f}, test accuracy {accuracy:.2f}% "
          f"({seconds:.1f} s)")

mindspore.save_checkpoint(net, args.ckpt)
print(f"saved {args.ckpt}")
reloaded = LeNet5()
param_not_load, _ = mindspore.load_param_into_net(reloaded, mindspore.load_checkpoint(args.ckpt))
print(f"parameters not loaded: {param_not_load}")
_, accuracy = evaluate(reloaded)
print(f"reloaded: test accuracy {accuracy:.2f}%")
