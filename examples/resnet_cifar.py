"""Train a CIFAR ResNet (ResNet-20 by default: three stages of building blocks with 16, 32 and 64 channels) on
CIFAR-10, test it after every epoch, save a checkpoint, reload it into a new network and test that one.

Written as for MindSpore (``import mindspore``); on minispore run it with

    python -m minispore run examples/resnet_cifar.py                    # a small synthetic CIFAR-shaped set
    python -m minispore run examples/resnet_cifar.py --data DIR         # DIR = cifar-10-batches-bin

and on MindSpore with ``python examples/resnet_cifar.py [--data DIR]``. DIR holds the binary version of
CIFAR-10 (data_batch_1.bin ... data_batch_5.bin, test_batch.bin), read with Cifar10Dataset. Without it the
images are synthetic: each class is a coloured stripe pattern of its own orientation and frequency under noise,
so that a few hundred steps show learning.
"""
import argparse
import time

import numpy as np

import mindspore
from mindspore import nn, ops
from mindspore.dataset import Cifar10Dataset, GeneratorDataset, transforms, vision

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--data", help="the cifar-10-batches-bin directory; without it, synthetic data")
parser.add_argument("--depth", type=int, default=20, help="6n + 2 layers: 20, 32, 44, 56, 110")
parser.add_argument("--epochs", type=int, default=4)
parser.add_argument("--steps", type=int, default=None, help="stop each epoch after this many batches")
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--lr", type=float, default=0.05)
parser.add_argument("--num-samples", type=int, default=None, help="read only this many CIFAR-10 images per split")
parser.add_argument("--train-size", type=int, default=640, help="synthetic training images")
parser.add_argument("--test-size", type=int, default=256, help="synthetic test images")
parser.add_argument("--jit", action="store_true", help="compile the train step with mindspore.jit")
parser.add_argument("--ckpt", default="resnet_cifar.ckpt", help="where to save the trained weights")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
if (args.depth - 2) % 6:
    parser.error("--depth must be 6n + 2")
mindspore.set_seed(args.seed)


class SyntheticCifar:
    """``size`` 32x32x3 uint8 images in 10 classes: class k is a sinusoidal stripe pattern (orientation k * 18
    degrees, a class-dependent frequency and colour) plus uniform noise; random access, for GeneratorDataset."""

    def __init__(self, size, seed):
        rng = np.random.default_rng(seed)
        self.labels = rng.integers(0, 10, size).astype(np.int32)
        yy, xx = np.mgrid[0:32, 0:32].astype(np.float32) / 32.0
        classes = []
        for k in range(10):
            angle = np.pi * k / 10
            wave = np.sin(2 * np.pi * (1.5 + 0.25 * k) * (xx * np.cos(angle) + yy * np.sin(angle)))
            colour = 0.5 + 0.5 * np.array([np.cos(k), np.sin(k), np.cos(2 * k)], np.float32)
            classes.append(wave[:, :, None] * colour[None, None, :])
        phase = rng.uniform(0.6, 1.0, (size, 1, 1, 1)).astype(np.float32)
        noise = rng.uniform(-0.5, 0.5, (size, 32, 32, 3)).astype(np.float32)
        pattern = np.stack(classes)[self.labels] * phase + noise
        self.images = np.clip(127.5 + 100.0 * pattern, 0, 255).astype(np.uint8)

    def __getitem__(self, index):
        return self.images[index], self.labels[index]

    def __len__(self):
        return len(self.labels)


def create_dataset(usage, batch_size):
    """The CIFAR-10 pipeline of MindSpore's ResNet tutorials: random crop with 4-pixel padding and horizontal
    flips for training, then scale to [0, 1], normalise per channel, HWC -> CHW; int32 labels."""
    train = usage == "train"
    if args.data:
        dataset = Cifar10Dataset(args.data, usage=usage, num_samples=args.num_samples, shuffle=train)
    else:
        source = SyntheticCifar(args.train_size if train else args.test_size, seed=1 if train else 2)
        dataset = GeneratorDataset(source, column_names=["image", "label"], shuffle=train)
    image_ops = [vision.RandomCrop((32, 32), (4, 4, 4, 4)), vision.RandomHorizontalFlip(prob=0.5)] if train else []
    image_ops += [
        vision.Rescale(1.0 / 255.0, 0.0),
        vision.Normalize([0.4914, 0.4822, 0.4465], [0.2023, 0.1994, 0.2010]),
        vision.HWC2CHW(),
    ]
    dataset = dataset.map(operations=image_ops, input_columns="image")
    dataset = dataset.map(operations=transforms.TypeCast(mindspore.int32), input_columns="label")
    return dataset.batch(batch_size, drop_remainder=train)


def conv3x3(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, pad_mode="pad", padding=1,
                     has_bias=False, weight_init="HeNormal")


class BasicBlock(nn.Cell):
    """Two 3x3 convolutions with BatchNorm; a 1x1 convolution and BatchNorm on the shortcut when the block
    changes size or width."""

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU()
        self.down_sample = stride != 1 or in_channels != out_channels
        if self.down_sample:
            self.down_sample_layer = nn.SequentialCell([
                nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, has_bias=False,
                          weight_init="HeNormal"),
                nn.BatchNorm2d(out_channels)])

    def construct(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.down_sample:
            identity = self.down_sample_layer(identity)
        return self.relu(out + identity)


class ResNetCifar(nn.Cell):
    def __init__(self, depth=20, channels=(16, 32, 64), num_classes=10):
        super().__init__()
        n = (depth - 2) // 6
        self.conv1 = conv3x3(3, channels[0])
        self.bn1 = nn.BatchNorm2d(channels[0])
        self.relu = nn.ReLU()
        self.layer1 = self._make_layer(channels[0], channels[0], n, stride=1)
        self.layer2 = self._make_layer(channels[0], channels[1], n, stride=2)
        self.layer3 = self._make_layer(channels[1], channels[2], n, stride=2)
        self.mean = ops.ReduceMean(keep_dims=True)
        self.flatten = nn.Flatten()
        self.end_point = nn.Dense(channels[2], num_classes)

    @staticmethod
    def _make_layer(in_channels, out_channels, blocks, stride):
        layers = [BasicBlock(in_channels, out_channels, stride)]
        layers += [BasicBlock(out_channels, out_channels) for _ in range(1, blocks)]
        return nn.SequentialCell(layers)

    def construct(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        x = self.flatten(self.mean(x, (2, 3)))
        return self.end_point(x)


if args.data:
    print(f"Training on the CIFAR-10 binaries in {args.data}")
else:
    print(f"Training on synthetic CIFAR-shaped data ({args.train_size} training and {args.test_size} test images); "
          f"use --data for CIFAR-10.")
train_dataset = create_dataset("train", args.batch_size)
test_dataset = create_dataset("test", 128)

net = ResNetCifar(args.depth)
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=args.lr, momentum=0.9, weight_decay=1e-4)


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


params = sum(int(np.prod(p.shape)) for p in net.trainable_params())
print(f"ResNet-{args.depth}: {params} trainable parameters; {train_dataset.get_dataset_size()} batches of "
      f"{args.batch_size} per epoch")
for epoch in range(1, args.epochs + 1):
    start = time.perf_counter()
    train_loss = train_epoch()
    seconds = time.perf_counter() - start
    test_loss, accuracy = evaluate(net)
    print(f"epoch {epoch}: train loss {train_loss:.4f}, test loss {test_loss:.4f}, test accuracy {accuracy:.2f}% "
          f"({seconds:.1f} s)")

mindspore.save_checkpoint(net, args.ckpt)
print(f"saved {args.ckpt}")
reloaded = ResNetCifar(args.depth)
param_not_load, _ = mindspore.load_param_into_net(reloaded, mindspore.load_checkpoint(args.ckpt))
print(f"parameters not loaded: {param_not_load}")
_, accuracy = evaluate(reloaded)
print(f"reloaded: test accuracy {accuracy:.2f}%")
