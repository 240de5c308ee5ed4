"""The DCGAN of the MindSpore tutorial camp: a generator of Conv2dTranspose layers (4x4 'valid' from the latent
vector, then 4x4/2 with padding 1) with BatchNorm2d and ReLU ending in Tanh, and a discriminator of 4x4/2
convolutions with BatchNorm2d and LeakyReLU(0.2) ending in a 4x4 'valid' convolution and Sigmoid; BCELoss,
two Adam optimizers (beta1 0.5), one generator and one discriminator update per step.

The tiny configuration makes 3x32x32 images (one up/down-sampling layer fewer than the camp's 64x64) from a
latent size of 16 with 8 base channels, batch 4. The latent vectors come from seeded NumPy, not from
ops.standard_normal inside the step, so that both frameworks see the same ones.

    python tests/programs/dcgan.py [--jit]                     # on MindSpore
    python -m minispore run tests/programs/dcgan.py [--jit]    # on minispore
"""
import numpy as np

import mindspore
from mindspore import Tensor, nn, ops
from mindspore.common.initializer import Normal

from _harness import (images, init_parameters, maybe_jit, parse_args, print_grads, print_step, print_updates,
                      snapshot, summary)

nz, ngf, ndf, nc = 16, 8, 8, 3
weight_init = Normal(mean=0, sigma=0.02)
gamma_init = Normal(mean=1, sigma=0.02)


class Generator(nn.Cell):
    def __init__(self):
        super().__init__()
        self.generator = nn.SequentialCell()
        self.generator.append(nn.Conv2dTranspose(nz, ngf * 4, 4, 1, "valid", weight_init=weight_init))
        self.generator.append(nn.BatchNorm2d(ngf * 4, gamma_init=gamma_init))
        self.generator.append(nn.ReLU())
        self.generator.append(nn.Conv2dTranspose(ngf * 4, ngf * 2, 4, 2, "pad", 1, weight_init=weight_init))
        self.generator.append(nn.BatchNorm2d(ngf * 2, gamma_init=gamma_init))
        self.generator.append(nn.ReLU())
        self.generator.append(nn.Conv2dTranspose(ngf * 2, ngf, 4, 2, "pad", 1, weight_init=weight_init))
        self.generator.append(nn.BatchNorm2d(ngf, gamma_init=gamma_init))
        self.generator.append(nn.ReLU())
        self.generator.append(nn.Conv2dTranspose(ngf, nc, 4, 2, "pad", 1, weight_init=weight_init))
        self.generator.append(nn.Tanh())

    def construct(self, x):
        return self.generator(x)


class Discriminator(nn.Cell):
    def __init__(self):
        super().__init__()
        self.discriminator = nn.SequentialCell()
        self.discriminator.append(nn.Conv2d(nc, ndf, 4, 2, "pad", 1, weight_init=weight_init))
        self.discriminator.append(nn.LeakyReLU(0.2))
        self.discriminator.append(nn.Conv2d(ndf, ndf * 2, 4, 2, "pad", 1, weight_init=weight_init))
        self.discriminator.append(nn.BatchNorm2d(ngf * 2, gamma_init=gamma_init))
        self.discriminator.append(nn.LeakyReLU(0.2))
        self.discriminator.append(nn.Conv2d(ndf * 2, ndf * 4, 4, 2, "pad", 1, weight_init=weight_init))
        self.discriminator.append(nn.BatchNorm2d(ngf * 4, gamma_init=gamma_init))
        self.discriminator.append(nn.LeakyReLU(0.2))
        self.discriminator.append(nn.Conv2d(ndf * 4, 1, 4, 1, "valid", weight_init=weight_init))
        self.adv_layer = nn.Sigmoid()

    def construct(self, x):
        out = self.discriminator(x)
        out = out.reshape(out.shape[0], -1)
        return self.adv_layer(out)


def latent(seed, batch):
    return Tensor(np.random.default_rng(seed).standard_normal((batch, nz, 1, 1)).astype(np.float32))


args = parse_args(__doc__)
BATCH = 4

generator = Generator()
discriminator = Discriminator()
# the camp's initialisation: every weight N(0, 0.02^2), BatchNorm gamma about 1
init_parameters(generator, seed=70, weight_std=lambda shape: 0.02)
init_parameters(discriminator, seed=71, weight_std=lambda shape: 0.02)


def generate(z):
    return generator(z)


def judge(imgs):
    return discriminator(imgs)


generate = maybe_jit(generate, args.jit)
judge = maybe_jit(judge, args.jit)

z_fixed = latent(7000, BATCH)
real_fixed = images(7001, (BATCH, nc, 32, 32))
generator.set_train(False)
discriminator.set_train(False)
summary("eval generated images", generate(z_fixed))
summary("eval judgement of real images", judge(real_fixed))

adversarial_loss = nn.BCELoss(reduction="mean")
optimizer_d = nn.Adam(discriminator.trainable_params(), learning_rate=2e-4, beta1=0.5)
optimizer_g = nn.Adam(generator.trainable_params(), learning_rate=2e-4, beta1=0.5)
optimizer_g.update_parameters_name("optim_g.")
optimizer_d.update_parameters_name("optim_d.")


def generator_forward(z, valid):
    gen_imgs = generator(z)
    g_loss = adversarial_loss(discriminator(gen_imgs), valid)
    return g_loss, gen_imgs


def discriminator_forward(real_imgs, gen_imgs, valid, fake):
    real_loss = adversarial_loss(discriminator(real_imgs), valid)
    fake_loss = adversarial_loss(discriminator(gen_imgs), fake)
    return (real_loss + fake_loss) / 2


grad_generator_fn = mindspore.value_and_grad(generator_forward, None, optimizer_g.parameters, has_aux=True)
grad_discriminator_fn = mindspore.value_and_grad(discriminator_forward, None, optimizer_d.parameters)


def train_step(real_imgs, z):
    valid = ops.ones((real_imgs.shape[0], 1), mindspore.float32)
    fake = ops.zeros((real_imgs.shape[0], 1), mindspore.float32)
    (g_loss, gen_imgs), g_grads = grad_generator_fn(z, valid)
    optimizer_g(g_grads)
    d_loss, d_grads = grad_discriminator_fn(real_imgs, gen_imgs, valid, fake)
    optimizer_d(d_grads)
    return g_loss, d_loss, gen_imgs, g_grads, d_grads


train_step = maybe_jit(train_step, args.jit)

generator.set_train()
discriminator.set_train()
before_g, before_d = snapshot(generator), snapshot(discriminator)
for step in range(1, args.steps + 1):
    g_loss, d_loss, gen_imgs, g_grads, d_grads = train_step(images(7100 + step, (BATCH, nc, 32, 32)),
                                                            latent(7200 + step, BATCH))
    if step == 1:
        summary("generated images (step 1)", gen_imgs)
        print_grads(optimizer_g.parameters, g_grads)
        print_grads(optimizer_d.parameters, d_grads)
    print_step(step, g_loss, generator, discriminator)
    print(f"  d_loss={float(d_loss.asnumpy()):#.7g}")
print_updates(before_g, generator)
print_updates(before_d, discriminator)

generator.set_train(False)
discriminator.set_train(False)
summary("eval generated images after training", generate(z_fixed))
summary("eval judgement of real images after training", judge(real_fixed))
