"""MobileNetV2 as the MindSpore model zoo writes it: a backbone of ConvBNReLU (ReLU6) and inverted residual
blocks (1x1 expansion, 3x3 depthwise convolution, linear 1x1 projection, residual add when the shape is kept)
with channels rounded to multiples of 8 after a width multiplier, and a head of global average pooling and
Dense; width 0.35 on 3x64x64 inputs, batch 4, trained with Momentum, weight decay and label smoothing.

    python tests/programs/mobilenetv2.py [--jit]                  # on MindSpore
    python -m minispore run tests/programs/mobilenetv2.py [--jit] # on minispore
"""
import mindspore
from mindspore import nn, ops

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)


def _make_divisible(v, divisor, min_value=None):
    """``v`` rounded to the nearest multiple of ``divisor`` (at least ``min_value``), never 10% below ``v``."""
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


class GlobalAvgPooling(nn.Cell):
    def __init__(self):
        super().__init__()
        self.mean = ops.ReduceMean(keep_dims=False)

    def construct(self, x):
        return self.mean(x, (2, 3))


class ConvBNReLU(nn.Cell):
    """Convolution (depthwise when groups > 1), BatchNorm, ReLU6."""

    def __init__(self, in_planes, out_planes, kernel_size=3, stride=1, groups=1):
        super().__init__()
        padding = (kernel_size - 1) // 2
        if groups == 1:
            conv = nn.Conv2d(in_planes, out_planes, kernel_size, stride, pad_mode="pad", padding=padding)
        else:
            conv = nn.Conv2d(in_planes, in_planes, kernel_size, stride, pad_mode="pad", padding=padding,
                             group=in_planes)
        self.features = nn.SequentialCell([conv, nn.BatchNorm2d(out_planes), nn.ReLU6()])

    def construct(self, x):
        return self.features(x)


class InvertedResidual(nn.Cell):
    def __init__(self, inp, oup, stride, expand_ratio):
        super().__init__()
        assert stride in [1, 2]
        hidden_dim = int(round(inp * expand_ratio))
        self.use_res_connect = stride == 1 and inp == oup
        layers = []
        if expand_ratio != 1:
            layers.append(ConvBNReLU(inp, hidden_dim, kernel_size=1))
        layers.extend([
            ConvBNReLU(hidden_dim, hidden_dim, stride=stride, groups=hidden_dim),
            nn.Conv2d(hidden_dim, oup, kernel_size=1, stride=1, has_bias=False),
            nn.BatchNorm2d(oup),
        ])
        self.conv = nn.SequentialCell(layers)

    def construct(self, x):
        identity = x
        x = self.conv(x)
        if self.use_res_connect:
            return ops.add(identity, x)
        return x


class MobileNetV2Backbone(nn.Cell):
    def __init__(self, width_mult=1.0, round_nearest=8, input_channel=32, last_channel=1280):
        super().__init__()
        # t (expansion), c (channels), n (blocks), s (stride of the first block)
        self.cfgs = [
            [1, 16, 1, 1],
            [6, 24, 2, 2],
            [6, 32, 3, 2],
            [6, 64, 4, 2],
            [6, 96, 3, 1],
            [6, 160, 3, 2],
            [6, 320, 1, 1],
        ]
        input_channel = _make_divisible(input_channel * width_mult, round_nearest)
        self.out_channels = _make_divisible(last_channel * max(1.0, width_mult), round_nearest)
        features = [ConvBNReLU(3, input_channel, stride=2)]
        for t, c, n, s in self.cfgs:
            output_channel = _make_divisible(c * width_mult, round_nearest)
            for i in range(n):
                stride = s if i == 0 else 1
                features.append(InvertedResidual(input_channel, output_channel, stride, expand_ratio=t))
                input_channel = output_channel
        features.append(ConvBNReLU(input_channel, self.out_channels, kernel_size=1))
        self.features = nn.SequentialCell(features)

    def construct(self, x):
        return self.features(x)


class MobileNetV2Head(nn.Cell):
    def __init__(self, input_channel=1280, num_classes=1000, has_dropout=False):
        super().__init__()
        head = [GlobalAvgPooling(), nn.Dropout(p=0.2)] if has_dropout else [GlobalAvgPooling()]
        self.head = nn.SequentialCell(head)
        self.dense = nn.Dense(input_channel, num_classes, has_bias=True)

    def construct(self, x):
        return self.dense(self.head(x))


class MobileNetV2(nn.Cell):
    def __init__(self, num_classes=1000, width_mult=1.0):
        super().__init__()
        self.backbone = MobileNetV2Backbone(width_mult=width_mult)
        self.head = MobileNetV2Head(self.backbone.out_channels, num_classes)

    def construct(self, x):
        return self.head(self.backbone(x))


args = parse_args(__doc__)
BATCH, CLASSES, SIZE = 4, 10, 64

net = MobileNetV2(CLASSES, width_mult=0.35)
# the last BatchNorm of each inverted residual starts damped, so that eval-mode activations stay moderate
init_parameters(net, seed=2, gamma_scale=lambda name: 0.3 if name.endswith("conv.3.gamma") else 1.0)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(3000, (BATCH, 3, SIZE, SIZE))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
optimizer = nn.Momentum(net.trainable_params(), learning_rate=1e-4, momentum=0.9, weight_decay=4e-5)


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
    loss, logits, grads = train_step(images(3000 + step, (BATCH, 3, SIZE, SIZE)),
                                     labels(3100 + step, (BATCH,), CLASSES))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval logits after training", predict(data))
