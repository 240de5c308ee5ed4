"""What every program in this folder shares: the command line, deterministic weights and inputs from seeded NumPy,
and the summaries it prints.

The programs are MindSpore scripts (``import mindspore``); they run unchanged on MindSpore 2.10 (which recorded
tests/golden/programs/*.out, see tests/golden/gen_programs.py) and through ``python -m minispore run``.

Summaries are computed with NumPy in float64 from the float32 values a network returns (``asnumpy()``), so they
do not depend on how a framework orders its own reductions. Each printed line holds numbers of one scale (a
``sum`` with its ``abs_sum``, or a handful of values), which is what tests/test_programs.py's tolerance is
relative to. Floats are always printed with a decimal point (``#.7g``), integers (shapes, counts) without, so a
comparison can tell them apart.

``PROGRAM_PERTURB="EPS,SEED"`` in the environment multiplies every initial value by (1 + EPS * N(0, 1)) from a
second generator: tests/golden/gen_programs.py uses it to measure how far MindSpore's own output moves when its
starting point moves at float32-rounding scale, which sets the tolerance of each printed line.
"""
import argparse
import os

import numpy as np

import mindspore
from mindspore import Tensor


def parse_args(description):
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--jit", action="store_true",
                        help="run the train step and the predictions wrapped in mindspore.jit (graph mode)")
    parser.add_argument("--steps", type=int, default=3, help="training steps")
    return parser.parse_args()


def maybe_jit(fn, enabled):
    return mindspore.jit(fn) if enabled else fn


def fmt(values):
    return "[" + ", ".join(f"{float(v):#.7g}" for v in values) + "]"


def summary(name, tensor, count=4):
    """Three lines: the shape and dtype; sum, abs_sum and sum of squares; the first ``count`` values."""
    array = tensor.asnumpy().astype(np.float64)
    print(f"{name}: shape={tuple(tensor.shape)} dtype={tensor.dtype}")
    print(f"  sum={array.sum():#.7g} abs_sum={np.abs(array).sum():#.7g} sq_sum={np.square(array).sum():#.7g}")
    print(f"  values={fmt(array.reshape(-1)[:count])}")


def he_std(shape):
    """He-like standard deviation sqrt(2 / fan_in), fan_in the product of all but the first axis: Dense
    (out, in), Conv2d (out, in/group, kh, kw); for Conv2dTranspose's (in, out/group, kh, kw) the same product,
    which keeps the upsampling layers at a sensible scale too."""
    return float(np.sqrt(2.0 / max(1, int(np.prod(shape[1:])))))


def init_parameters(net, seed, weight_std=he_std, gamma_scale=lambda name: 1.0):
    """Sets every Parameter of ``net`` from one seeded NumPy generator, in ``parameters_and_names`` order:
    weights N(0, weight_std(shape)^2), biases 0.01 * N(0, 1), BatchNorm gamma s * (1 + 0.1 * N(0, 1)) with
    s = gamma_scale(name) (residual networks damp the last BatchNorm of a block) and beta 0.1 * N(0, 1),
    moving_mean 0.1 * N(0, 1) and moving_variance uniform in [0.5, 1.5]. Prints what it set."""
    rng = np.random.default_rng(seed)
    perturb = os.environ.get("PROGRAM_PERTURB")
    if perturb:
        eps, perturb_seed = perturb.split(",")
        eps, noise = float(eps), np.random.default_rng(int(perturb_seed))
    count, total = 0, 0
    names = []
    for name, param in net.parameters_and_names():
        shape = tuple(param.shape)
        leaf = name.rsplit(".", 1)[-1]
        if leaf == "moving_variance":
            value = rng.uniform(0.5, 1.5, shape)
        elif leaf == "moving_mean":
            value = 0.1 * rng.standard_normal(shape)
        elif leaf == "gamma":
            value = gamma_scale(name) * (1.0 + 0.1 * rng.standard_normal(shape))
        elif leaf == "beta":
            value = 0.1 * rng.standard_normal(shape)
        elif leaf == "bias" or len(shape) < 2:
            value = 0.01 * rng.standard_normal(shape)
        else:
            value = weight_std(shape) * rng.standard_normal(shape)
        if perturb:
            value = value * (1.0 + eps * noise.standard_normal(shape))
        param.set_data(Tensor(value.astype(np.float32)))
        count += 1
        total += int(np.prod(shape))
        names.append(f"{name}{list(shape)}")
    trainable = sum(int(np.prod(p.shape)) for p in net.trainable_params())
    print(f"parameters: {count} tensors, {total} values ({trainable} trainable)")
    print("  first: " + " ".join(names[:3]))
    print("  last: " + " ".join(names[-3:]))


def images(seed, shape, low=-1.0, high=1.0):
    rng = np.random.default_rng(seed)
    return Tensor(rng.uniform(low, high, shape).astype(np.float32))


def labels(seed, shape, classes):
    rng = np.random.default_rng(seed)
    return Tensor(rng.integers(0, classes, shape).astype(np.int32))


def moving_stats(net):
    """(sum of every BatchNorm's moving_mean, sum of every moving_variance), in float64."""
    mean, var = 0.0, 0.0
    for name, param in net.parameters_and_names():
        leaf = name.rsplit(".", 1)[-1]
        if leaf == "moving_mean":
            mean += float(param.asnumpy().astype(np.float64).sum())
        elif leaf == "moving_variance":
            var += float(param.asnumpy().astype(np.float64).sum())
    return mean, var


def print_step(step, loss, *nets):
    """The loss of one step and, after it, the sums of the moving statistics of ``nets``."""
    print(f"step {step}: loss={float(loss.asnumpy()):#.7g}")
    for net in nets:
        mean, var = moving_stats(net)
        print(f"  {type(net).__name__}: moving_mean_sum={mean:#.7g} moving_variance_sum={var:#.7g}")


def _chosen(items, show):
    return items[:show] + items[-show:] if len(items) > 2 * show else items


def print_grads(params, grads, show=3):
    """The gradients of one step: their total abs_sum, and a summary of the first and last ``show``."""
    total = sum(float(np.abs(g.asnumpy().astype(np.float64)).sum()) for g in grads)
    print(f"grads: {len(grads)} tensors, abs_sum={total:#.7g}")
    for param, grad in _chosen(list(zip(params, grads)), show):
        g = grad.asnumpy().astype(np.float64)
        print(f"  {param.name}: shape={tuple(grad.shape)} sum={g.sum():#.7g} abs_sum={np.abs(g).sum():#.7g}")


def snapshot(net):
    """Copies of the trainable parameters' values, in ``trainable_params`` order."""
    return [param.asnumpy().astype(np.float64) for param in net.trainable_params()]


def print_updates(before, net, show=3):
    """How far training moved the trainable parameters: the total L1 change, and the change (sum and abs_sum of
    after - before) of the first and last ``show``."""
    params = net.trainable_params()
    rows = [(param.name, param.asnumpy().astype(np.float64) - old) for param, old in zip(params, before)]
    total = sum(float(np.abs(delta).sum()) for _, delta in rows)
    print(f"updates of {type(net).__name__}: abs_sum={total:#.7g} over {len(params)} trainable parameters")
    for name, delta in _chosen(rows, show):
        print(f"  {name}: delta_sum={delta.sum():#.7g} delta_abs_sum={np.abs(delta).sum():#.7g}")
