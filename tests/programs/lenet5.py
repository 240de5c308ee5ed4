"""LeNet-5 as the MindSpore model zoo defines it (two valid 5x5 convolutions, 2x2 max pooling, three Dense
layers), on MNIST-shaped 1x32x32 inputs: a forward pass, three Momentum steps, an evaluation.

    python tests/programs/lenet5.py [--jit]                       # on MindSpore
    python -m minispore run tests/programs/lenet5.py [--jit]      # on minispore
"""
import mindspore
from mindspore import nn
from mindspore.common.initializer import Normal

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)


class LeNet5(nn.Cell):
    """conv(6, 5x5) - relu - pool - conv(16, 5x5) - relu - pool - flatten - dense 120 - dense 84 - dense classes."""

    def __init__(self, num_class=10, num_channel=1, include_top=True):
        super().__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.relu = nn.ReLU()
        self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
        self.include_top = include_top
        if include_top:
            self.flatten = nn.Flatten()
            self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
            self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
            self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        if not self.include_top:
            return x
        x = self.flatten(x)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)


args = parse_args(__doc__)
BATCH = 8

net = LeNet5()
init_parameters(net, seed=1)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(100, (BATCH, 1, 32, 32))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)


def forward_fn(data, label):
    logits = net(data)
    loss = loss_fn(logits, label)
    return loss, logits


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)


def train_step(data, label):
    (loss, logits), grads = grad_fn(data, label)
    optimizer(grads)
    return loss, logits, grads


train_step = maybe_jit(train_step, args.jit)

net.set_train()
before = snapshot(net)
for step in range(1, args.steps + 1):
    loss, logits, grads = train_step(images(100 + step, (BATCH, 1, 32, 32)), labels(200 + step, (BATCH,), 10))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval logits after training", predict(data))
