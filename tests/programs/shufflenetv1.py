"""ShuffleNetV1 as the MindSpore tutorial camp builds it: a 3x3/2 stem, 3x3/2 max pooling, three stages of
ShuffleV1Blocks ([4, 8, 4]: 1x1 group convolution, channel shuffle, 3x3 depthwise convolution, 1x1 group
convolution, each with BatchNorm; a stride-2 block concatenates a 3x3/2 average-pooled shortcut, the others add
the input), global average pooling and Dense. Size 0.5x with 3 groups on 3x64x64 inputs, batch 4.

The camp writes the group convolutions as a GroupConv cell splitting the channels over one Conv2d per group;
here they are nn.Conv2d(group=g), MindSpore's grouped convolution (the same function, one weight per layer).
The camp's global pooling is AvgPool2d(7) for 224x224 inputs; here its kernel is the last stage's size.

    python tests/programs/shufflenetv1.py [--jit]                     # on MindSpore
    python -m minispore run tests/programs/shufflenetv1.py [--jit]    # on minispore
"""
import mindspore
from mindspore import nn, ops

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)


class ShuffleV1Block(nn.Cell):
    def __init__(self, inp, oup, group, first_group, mid_channels, ksize, stride):
        super().__init__()
        self.stride = stride
        pad = ksize // 2
        self.group = group
        outputs = oup - inp if stride == 2 else oup
        self.relu = nn.ReLU()
        branch_main_1 = [
            nn.Conv2d(inp, mid_channels, kernel_size=1, stride=1, pad_mode="pad", padding=0,
                      group=1 if first_group else group, weight_init="xavier_uniform", has_bias=False),
            nn.BatchNorm2d(mid_channels),
            nn.ReLU(),
        ]
        branch_main_2 = [
            nn.Conv2d(mid_channels, mid_channels, kernel_size=ksize, stride=stride, pad_mode="pad",
                      padding=pad, group=mid_channels, weight_init="xavier_uniform", has_bias=False),
            nn.BatchNorm2d(mid_channels),
            nn.Conv2d(mid_channels, outputs, kernel_size=1, stride=1, pad_mode="pad", padding=0,
                      group=group, weight_init="xavier_uniform", has_bias=False),
            nn.BatchNorm2d(outputs),
        ]
        self.branch_main_1 = nn.SequentialCell(branch_main_1)
        self.branch_main_2 = nn.SequentialCell(branch_main_2)
        if stride == 2:
            self.branch_proj = nn.AvgPool2d(kernel_size=3, stride=2, pad_mode="same")

    def construct(self, old_x):
        left = old_x
        right = self.branch_main_1(old_x)
        if self.group > 1:
            right = self.channel_shuffle(right)
        right = self.branch_main_2(right)
        if self.stride == 1:
            return self.relu(left + right)
        left = self.branch_proj(left)
        return self.relu(ops.cat((left, right), 1))

    def channel_shuffle(self, x):
        """(N, g * n, H, W) -> (N, n * g, H, W): channel j of group i goes to position j * g + i."""
        batchsize, num_channels, height, width = ops.shape(x)
        group_channels = num_channels // self.group
        x = ops.reshape(x, (batchsize, group_channels, self.group, height, width))
        x = ops.transpose(x, (0, 2, 1, 3, 4))
        return ops.reshape(x, (batchsize, num_channels, height, width))


class ShuffleNetV1(nn.Cell):
    def __init__(self, n_class=1000, model_size="2.0x", group=3, input_size=224):
        super().__init__()
        self.stage_repeats = [4, 8, 4]
        self.model_size = model_size
        if group == 3:
            self.stage_out_channels = {"0.5x": [-1, 12, 120, 240, 480], "1.0x": [-1, 24, 240, 480, 960],
                                       "1.5x": [-1, 24, 360, 720, 1440], "2.0x": [-1, 48, 480, 960, 1920]}[model_size]
        elif group == 8:
            self.stage_out_channels = {"0.5x": [-1, 16, 192, 384, 768], "1.0x": [-1, 24, 384, 768, 1536],
                                       "1.5x": [-1, 24, 576, 1152, 2304], "2.0x": [-1, 48, 768, 1536, 3072]}[model_size]
        else:
            raise NotImplementedError(f"group {group}")
        input_channel = self.stage_out_channels[1]
        self.first_conv = nn.SequentialCell(
            nn.Conv2d(3, input_channel, 3, 2, "pad", 1, weight_init="xavier_uniform", has_bias=False),
            nn.BatchNorm2d(input_channel),
            nn.ReLU(),
        )
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, pad_mode="same")
        features = []
        for idxstage, numrepeat in enumerate(self.stage_repeats):
            output_channel = self.stage_out_channels[idxstage + 2]
            for i in range(numrepeat):
                stride = 2 if i == 0 else 1
                first_group = idxstage == 0 and i == 0
                features.append(ShuffleV1Block(input_channel, output_channel, group=group, first_group=first_group,
                                               mid_channels=output_channel // 4, ksize=3, stride=stride))
                input_channel = output_channel
        self.features = nn.SequentialCell(features)
        self.globalpool = nn.AvgPool2d(input_size // 32)
        self.classifier = nn.Dense(self.stage_out_channels[-1], n_class)

    def construct(self, x):
        x = self.first_conv(x)
        x = self.maxpool(x)
        x = self.features(x)
        x = self.globalpool(x)
        x = ops.reshape(x, (-1, self.stage_out_channels[-1]))
        return self.classifier(x)


args = parse_args(__doc__)
BATCH, CLASSES, SIZE = 4, 10, 64

net = ShuffleNetV1(n_class=CLASSES, model_size="0.5x", group=3, input_size=SIZE)
init_parameters(net, seed=3, gamma_scale=lambda name: 0.3 if name.endswith("branch_main_2.3.gamma") else 1.0)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(4000, (BATCH, 3, SIZE, SIZE))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.CrossEntropyLoss(weight=None, reduction="mean", label_smoothing=0.1)
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.001, momentum=0.9, weight_decay=4e-5)


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
    loss, logits, grads = train_step(images(4000 + step, (BATCH, 3, SIZE, SIZE)),
                                     labels(4100 + step, (BATCH,), CLASSES))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads)
    print_step(step, loss, net)
print_updates(before, net)

net.set_train(False)
summary("eval logits after training", predict(data))
