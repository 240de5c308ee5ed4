"""MindSpore's quick start: train the tutorial network on MNIST, test it, save a checkpoint, reload it and predict.

Written as for MindSpore (``import mindspore``); on minispore run it with

    python -m minispore run examples/mnist.py                 # the MNIST sample shipped with minispore
    python -m minispore run examples/mnist.py --data DIR      # a directory with the four MNIST IDX files
    python -m minispore run examples/mnist.py --download      # fetch the full set into ~/.cache/minispore/mnist
"""
import argparse
import os
import time

import mindspore
from mindspore import nn
from mindspore.dataset import MnistDataset, transforms, vision

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--data", help="directory holding train-images-idx3-ubyte[.gz] and the other three files")
parser.add_argument("--download", action="store_true", help="download the full MNIST set first")
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--batch-size", type=int, default=64)
parser.add_argument("--lr", type=float, default=1e-2)
parser.add_argument("--ckpt", default="model.ckpt", help="where to save the trained weights")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

mindspore.set_seed(args.seed)
if args.download:
    data_dir = os.path.join(os.path.expanduser("~"), ".cache", "minispore", "mnist")
    try:
        mindspore.dataset.download_mnist(data_dir)
    except RuntimeError as e:
        raise SystemExit(f"Could not download MNIST: {e}\nUse --data DIR with the four files, or run without "
                         f"--download to train on the sample that ships with minispore.")
elif args.data:
    data_dir = args.data
else:
    data_dir = mindspore.dataset.mnist_sample_dir()
    print(f"Training on the MNIST sample shipped with minispore ({data_dir}); use --data or --download "
          f"for the full set.")

train_dataset = MnistDataset(data_dir, usage="train")
test_dataset = MnistDataset(data_dir, usage="test", shuffle=False)


def datapipe(dataset, batch_size):
    image_transforms = [
        vision.Rescale(1.0 / 255.0, 0),
        vision.Normalize(mean=(0.1307,), std=(0.3081,)),
        vision.HWC2CHW()
    ]
    label_transform = transforms.TypeCast(mindspore.int32)

    dataset = dataset.map(image_transforms, 'image')
    dataset = dataset.map(label_transform, 'label')
    dataset = dataset.batch(batch_size)
    return dataset


train_dataset = datapipe(train_dataset, args.batch_size)
test_dataset = datapipe(test_dataset, args.batch_size)


class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(28*28, 512),
            nn.ReLU(),
            nn.Dense(512, 512),
            nn.ReLU(),
            nn.Dense(512, 10)
        )

    def construct(self, x):
        x = self.flatten(x)
        logits = self.dense_relu_sequential(x)
        return logits


model = Network()
print(model)

loss_fn = nn.CrossEntropyLoss()
optimizer = nn.SGD(model.trainable_params(), args.lr)


def forward_fn(data, label):
    logits = model(data)
    loss = loss_fn(logits, label)
    return loss, logits


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)


def train_step(data, label):
    (loss, _), grads = grad_fn(data, label)
    optimizer(grads)
    return loss


def train(model, dataset):
    size = dataset.get_dataset_size()
    model.set_train()
    for batch, (data, label) in enumerate(dataset.create_tuple_iterator()):
        loss = train_step(data, label)

        if batch % 100 == 0:
            loss, current = loss.asnumpy(), batch
            print(f"loss: {loss:>7f}  [{current:>3d}/{size:>3d}]")


def test(model, dataset, loss_fn):
    num_batches = dataset.get_dataset_size()
    model.set_train(False)
    total, test_loss, correct = 0, 0, 0
    for data, label in dataset.create_tuple_iterator():
        pred = model(data)
        total += len(data)
        test_loss += loss_fn(pred, label).asnumpy()
        correct += (pred.argmax(1) == label).asnumpy().sum()
    test_loss /= num_batches
    correct /= total
    print(f"Test: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")
    return correct


for t in range(args.epochs):
    print(f"Epoch {t+1}\n-------------------------------")
    start = time.perf_counter()
    train(model, train_dataset)
    print(f"epoch time: {time.perf_counter() - start:.2f} s")
    test(model, test_dataset, loss_fn)
print("Done!")

mindspore.save_checkpoint(model, args.ckpt)
print(f"Saved Model to {args.ckpt}")

model = Network()
param_dict = mindspore.load_checkpoint(args.ckpt)
param_not_load, _ = mindspore.load_param_into_net(model, param_dict)
print(param_not_load)

model.set_train(False)
for data, label in test_dataset:
    pred = model(data)
    predicted = pred.argmax(1)
    print(f'Predicted: "{predicted[:10]}", Actual: "{label[:10]}"')
    break
