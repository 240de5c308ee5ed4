"""ResNet-18: the tutorial camp's ResNet (7x7/2 stem, 3x3/2 max pooling, four stages, AvgPool2d(), Dense) with
building blocks ([2, 2, 2, 2], two 3x3 convolutions, 64-128-256-512 channels) on 3x32x32 inputs, batch 8.

The camp's ResidualBlockBase shares one BatchNorm between its two convolutions and builds the second convolution
with in_channel inputs, which only runs when a stage keeps its width; this block gives each convolution its own
BatchNorm and the second one out_channel inputs, as the ResNet paper (and the model zoo) does.

    python tests/programs/resnet18.py [--jit]                     # on MindSpore
    python -m minispore run tests/programs/resnet18.py [--jit]    # on minispore
"""
from typing import List, Optional

import mindspore
from mindspore import nn
from mindspore.common.initializer import Normal

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)

weight_init = Normal(mean=0, sigma=0.02)
gamma_init = Normal(mean=1, sigma=0.02)


class ResidualBlockBase(nn.Cell):
    """Building block: 3x3 (carrying the stride) and 3x3, each with BatchNorm; the shortcut is added before the
    last ReLU."""
    expansion: int = 1

    def __init__(self, in_channel: int, out_channel: int, stride: int = 1,
                 down_sample: Optional[nn.Cell] = None) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channel, out_channel, kernel_size=3, stride=stride, weight_init=weight_init)
        self.norm1 = nn.BatchNorm2d(out_channel)
        self.conv2 = nn.Conv2d(out_channel, out_channel, kernel_size=3, weight_init=weight_init)
        self.norm2 = nn.BatchNorm2d(out_channel)
        self.relu = nn.ReLU()
        self.down_sample = down_sample

    def construct(self, x):
        identity = x
        out = self.relu(self.norm1(self.conv1(x)))
        out = self.norm2(self.conv2(out))
        if self.down_sample is not None:
            identity = self.down_sample(x)
        out += identity
        return self.relu(out)


def make_layer(last_out_channel, block, channel: int, block_nums: int, stride: int = 1):
    """One stage: the first block changes stride and width (with a projected shortcut), the rest keep them."""
    down_sample = None
    if stride != 1 or last_out_channel != channel * block.expansion:
        down_sample = nn.SequentialCell([
            nn.Conv2d(last_out_channel, channel * block.expansion, kernel_size=1, stride=stride,
                      weight_init=weight_init),
            nn.BatchNorm2d(channel * block.expansion, gamma_init=gamma_init)
        ])
    layers = [block(last_out_channel, channel, stride=stride, down_sample=down_sample)]
    in_channel = channel * block.expansion
    for _ in range(1, block_nums):
        layers.append(block(in_channel, channel))
    return nn.SequentialCell(layers)


class ResNet(nn.Cell):
    def __init__(self, block, layer_nums: List[int], num_classes: int, input_channel: int) -> None:
        super().__init__()
        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, weight_init=weight_init)
        self.norm = nn.BatchNorm2d(64)
        self.max_pool = nn.MaxPool2d(kernel_size=3, stride=2, pad_mode="same")
        self.layer1 = make_layer(64, block, 64, layer_nums[0])
        self.layer2 = make_layer(64 * block.expansion, block, 128, layer_nums[1], stride=2)
        self.layer3 = make_layer(128 * block.expansion, block, 256, layer_nums[2], stride=2)
        self.layer4 = make_layer(256 * block.expansion, block, 512, layer_nums[3], stride=2)
        self.avg_pool = nn.AvgPool2d()
        self.flatten = nn.Flatten()
        self.fc = nn.Dense(in_channels=input_channel, out_channels=num_classes)

    def construct(self, x):
        x = self.max_pool(self.relu(self.norm(self.conv1(x))))
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)
        x = self.avg_pool(x)
        x = self.flatten(x)
        return self.fc(x)


def resnet18(num_classes: int = 1000):
    return ResNet(ResidualBlockBase, [2, 2, 2, 2], num_classes, 512)


args = parse_args(__doc__)
BATCH, CLASSES, SIZE = 8, 10, 32

net = resnet18(CLASSES)
# the last BatchNorm of each block starts damped, so that the eval-mode activations stay moderate over 8 blocks
init_parameters(net, seed=18, gamma_scale=lambda name: 0.2 if name.endswith("norm2.gamma") else 1.0)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(1800, (BATCH, 3, SIZE, SIZE))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.CrossEntropyLoss()
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.001, momentum=0.9)


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
    loss, logits, grads = train_step(images(1800 + step, (BATCH, 3, SIZE, SIZE)),
                                     labels(1900 + step, (BATCH,), CLASSES))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval logits after training", predict(data))
