"""ResNet-20 for CIFAR-10 (He et al. 2016, section 4.2): a 3x3 stem of 16 channels, three stages of three
building blocks with 16, 32 and 64 channels (the second and third stages halve the size in their first block,
with a 1x1 convolution and BatchNorm on the shortcut), global average pooling and a Dense head, written as
the MindSpore model zoo writes its ResNets (explicit 'pad' convolutions, ReduceMean pooling); on 3x32x32
inputs, batch 4, trained with Momentum and weight decay.

    python tests/programs/resnet20.py [--jit]                     # on MindSpore
    python -m minispore run tests/programs/resnet20.py [--jit]    # on minispore
"""
import mindspore
from mindspore import nn, ops

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)


def conv3x3(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, pad_mode="pad", padding=1,
                     has_bias=False, weight_init="HeNormal")


def conv1x1(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, pad_mode="valid",
                     has_bias=False, weight_init="HeNormal")


class BasicBlock(nn.Cell):
    expansion = 1

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU()
        self.down_sample = stride != 1 or in_channels != out_channels
        if self.down_sample:
            self.down_sample_layer = nn.SequentialCell([conv1x1(in_channels, out_channels, stride),
                                                        nn.BatchNorm2d(out_channels)])

    def construct(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.down_sample:
            identity = self.down_sample_layer(identity)
        return self.relu(out + identity)


class ResNetCifar(nn.Cell):
    """6n + 2 layers: n blocks per stage; n = 3 is ResNet-20."""

    def __init__(self, block, n, channels=(16, 32, 64), num_classes=10):
        super().__init__()
        self.conv1 = conv3x3(3, channels[0])
        self.bn1 = nn.BatchNorm2d(channels[0])
        self.relu = nn.ReLU()
        self.layer1 = self._make_layer(block, channels[0], channels[0], n, stride=1)
        self.layer2 = self._make_layer(block, channels[0], channels[1], n, stride=2)
        self.layer3 = self._make_layer(block, channels[1], channels[2], n, stride=2)
        self.mean = ops.ReduceMean(keep_dims=True)
        self.flatten = nn.Flatten()
        self.end_point = nn.Dense(channels[2], num_classes)

    @staticmethod
    def _make_layer(block, in_channels, out_channels, blocks, stride):
        layers = [block(in_channels, out_channels, stride)]
        for _ in range(1, blocks):
            layers.append(block(out_channels, out_channels))
        return nn.SequentialCell(layers)

    def construct(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.mean(x, (2, 3))
        x = self.flatten(x)
        return self.end_point(x)


def resnet20(num_classes=10):
    return ResNetCifar(BasicBlock, 3, num_classes=num_classes)


args = parse_args(__doc__)
BATCH, CLASSES = 4, 10

net = resnet20(CLASSES)
init_parameters(net, seed=20, gamma_scale=lambda name: 0.3 if name.endswith("bn2.gamma") else 1.0)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(2000, (BATCH, 3, 32, 32))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9, weight_decay=1e-4)


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
    loss, logits, grads = train_step(images(2000 + step, (BATCH, 3, 32, 32)), labels(2100 + step, (BATCH,), CLASSES))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval logits after training", predict(data))
