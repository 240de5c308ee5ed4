"""A ViT-tiny on CIFAR-sized 3x32x32 images: patch embedding by an 8x8/stride-8 Conv2d (16 patches), a class token
and learned position embeddings, a pre-norm nn.TransformerEncoder (2 layers, 2 heads, GELU, dropout 0) with a
final LayerNorm, and a Dense head on the class token; a forward pass, three Adam steps, an evaluation.

    python tests/programs/vit_tiny.py [--jit]                       # on MindSpore
    python -m minispore run tests/programs/vit_tiny.py [--jit]      # on minispore
"""
import numpy as np

import mindspore
from mindspore import nn, ops, Parameter, Tensor

from _harness import (images, init_parameters, labels, maybe_jit, parse_args, print_grads, print_step,
                      print_updates, snapshot, summary)


class PatchEmbedding(nn.Cell):
    """(B, C, H, W) -> (B, H/p * W/p, D): a Conv2d with kernel and stride p, flattened and transposed."""

    def __init__(self, image_size=32, patch_size=8, embed_dim=16, input_channels=3):
        super().__init__()
        self.num_patches = (image_size // patch_size) ** 2
        self.conv = nn.Conv2d(input_channels, embed_dim, kernel_size=patch_size, stride=patch_size, has_bias=True)

    def construct(self, x):
        x = self.conv(x)
        b, c, h, w = x.shape
        x = ops.reshape(x, (b, c, h * w))
        return ops.transpose(x, (0, 2, 1))


class ViT(nn.Cell):
    def __init__(self, image_size=32, patch_size=8, embed_dim=16, num_heads=2, num_layers=2, mlp_dim=32,
                 num_classes=10):
        super().__init__()
        self.patch_embedding = PatchEmbedding(image_size, patch_size, embed_dim)
        num_patches = self.patch_embedding.num_patches
        self.cls_token = Parameter(Tensor(np.zeros((1, 1, embed_dim), np.float32)), name="cls")
        self.pos_embedding = Parameter(Tensor(np.zeros((1, num_patches + 1, embed_dim), np.float32)),
                                       name="pos_embedding")
        layer = nn.TransformerEncoderLayer(embed_dim, num_heads, dim_feedforward=mlp_dim, dropout=0.0,
                                           activation="gelu", batch_first=True, norm_first=True)
        self.transformer = nn.TransformerEncoder(layer, num_layers, norm=nn.LayerNorm((embed_dim,)))
        self.head = nn.Dense(embed_dim, num_classes)

    def construct(self, x):
        x = self.patch_embedding(x)
        cls_tokens = ops.tile(self.cls_token, (x.shape[0], 1, 1))
        x = ops.concat((cls_tokens, x), axis=1)
        x = x + self.pos_embedding
        x = self.transformer(x)
        return self.head(x[:, 0])


args = parse_args(__doc__)
BATCH = 4

net = ViT()
init_parameters(net, seed=5)


def predict(data):
    return net(data)


predict = maybe_jit(predict, args.jit)

data = images(300, (BATCH, 3, 32, 32))
net.set_train(False)
summary("eval logits", predict(data))

loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Adam(net.trainable_params(), learning_rate=0.001)


def forward_fn(data, label):
    logits = net(data)
    return loss_fn(logits, label), logits


grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)


def train_step(data, label):
    (loss, logits), grads = grad_fn(data, label)
    optimizer(grads)
    return loss, logits, grads


train_step = maybe_jit(train_step, args.jit)

net.set_train()
before = snapshot(net)
for step in range(1, args.steps + 1):
    loss, logits, grads = train_step(images(300 + step, (BATCH, 3, 32, 32)), labels(400 + step, (BATCH,), 10))
    if step == 1:
        summary("train logits (step 1)", logits)
        print_grads(optimizer.parameters, grads, show=4)
    print_step(step, loss)
print_updates(before, net, show=4)

net.set_train(False)
summary("eval logits after training", predict(data))
