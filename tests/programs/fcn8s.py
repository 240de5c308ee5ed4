"""FCN-8s as the MindSpore tutorial camp builds it: a VGG-16 backbone with BatchNorm (five blocks of 3x3
convolutions, 2x2 max pooling), conv6 (7x7) and conv7 (1x1) as convolutions, 1x1 class scores, and the 8s
decoder: a 4x4/2 Conv2dTranspose of the scores added to the pool4 scores, another 4x4/2 Conv2dTranspose added
to the pool3 scores, and a 16x16/8 Conv2dTranspose back to the input size. Trained with a per-pixel
CrossEntropyLoss(ignore_index=255) and Momentum with weight decay, as the camp does.

The tiny configuration divides every width by 8 (8-16-32-64-64 channels, 512 in conv6/conv7) and uses 5 classes
on 3x64x64 images (pool5 is 2x2), batch 2; labels hold some 255 (ignored) pixels.

    python tests/programs/fcn8s.py [--jit]                     # on MindSpore
    python -m minispore run tests/programs/fcn8s.py [--jit]    # on minispore
"""
import numpy as np

import mindspore
from mindspore import Tensor, nn

from _harness import (images, init_parameters, maybe_jit, parse_args, print_grads, print_step, print_updates,
                      snapshot, summary)


def conv_block(in_channels, out_channels, count):
    """``count`` times: 3x3 convolution ('same' padding), BatchNorm, ReLU."""
    layers = []
    for i in range(count):
        layers += [nn.Conv2d(in_channels if i == 0 else out_channels, out_channels, kernel_size=3,
                             weight_init="xavier_uniform"),
                   nn.BatchNorm2d(out_channels),
                   nn.ReLU()]
    return nn.SequentialCell(layers)


class FCN8s(nn.Cell):
    def __init__(self, n_class, width=(64, 128, 256, 512, 512, 4096)):
        super().__init__()
        self.n_class = n_class
        c1, c2, c3, c4, c5, c6 = width
        self.conv1 = conv_block(3, c1, 2)
        self.pool1 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv2 = conv_block(c1, c2, 2)
        self.pool2 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv3 = conv_block(c2, c3, 3)
        self.pool3 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv4 = conv_block(c3, c4, 3)
        self.pool4 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv5 = conv_block(c4, c5, 3)
        self.pool5 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv6 = nn.SequentialCell(
            nn.Conv2d(c5, c6, kernel_size=7, weight_init="xavier_uniform"),
            nn.BatchNorm2d(c6),
            nn.ReLU(),
        )
        self.conv7 = nn.SequentialCell(
            nn.Conv2d(c6, c6, kernel_size=1, weight_init="xavier_uniform"),
            nn.BatchNorm2d(c6),
            nn.ReLU(),
        )
        self.score_fr = nn.Conv2d(c6, n_class, kernel_size=1, weight_init="xavier_uniform")
        self.upscore2 = nn.Conv2dTranspose(n_class, n_class, kernel_size=4, stride=2, weight_init="xavier_uniform")
        self.score_pool4 = nn.Conv2d(c4, n_class, kernel_size=1, weight_init="xavier_uniform")
        self.upscore_pool4 = nn.Conv2dTranspose(n_class, n_class, kernel_size=4, stride=2,
                                                weight_init="xavier_uniform")
        self.score_pool3 = nn.Conv2d(c3, n_class, kernel_size=1, weight_init="xavier_uniform")
        self.upscore8 = nn.Conv2dTranspose(n_class, n_class, kernel_size=16, stride=8, weight_init="xavier_uniform")

    def construct(self, x):
        p1 = self.pool1(self.conv1(x))
        p2 = self.pool2(self.conv2(p1))
        p3 = self.pool3(self.conv3(p2))
        p4 = self.pool4(self.conv4(p3))
        p5 = self.pool5(self.conv5(p4))
        x7 = self.conv7(self.conv6(p5))
        sf = self.score_fr(x7)
        u2 = self.upscore2(sf)
        f4 = self.score_pool4(p4) + u2
        u4 = self.upscore_pool4(f4)
        f3 = self.score_pool3(p3) + u4
        return self.upscore8(f3)


def masks(seed, shape, classes):
    """Per-pixel labels: class blocks of 8x8 pixels with about 5% of the pixels 255 (ignored)."""
    rng = np.random.default_rng(seed)
    n, h, w = shape
    blocks = rng.integers(0, classes, (n, h // 8, w // 8))
    label = np.repeat(np.repeat(blocks, 8, axis=1), 8, axis=2)
    label[rng.random(shape) < 0.05] = 255
    return Tensor(label.astype(np.int32))


args = parse_args(__doc__)
BATCH, CLASSES, SIZE = 2, 5, 64

net = FCN8s(n_class=CLASSES, width=(8, 16, 32, 64, 64, 512))
init_parameters(net, seed=8)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(8000, (BATCH, 3, SIZE, SIZE))
net.set_train(False)
summary("eval scores", predict(data))

loss_fn = nn.CrossEntropyLoss(ignore_index=255)
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.001, momentum=0.9, weight_decay=0.0001)


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
    loss, logits, grads = train_step(images(8000 + step, (BATCH, 3, SIZE, SIZE)),
                                     masks(8100 + step, (BATCH, SIZE, SIZE), CLASSES))
    if step == 1:
        summary("train scores (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval scores after training", predict(data))
