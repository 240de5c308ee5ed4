"""Convolution and pooling across their parameter modes, in float64: forward values against the loop-based NumPy
reference (tests/ops/conv_reference.py) and derivatives against central differences (second order for a few)."""
import itertools

import numpy as np
import pytest

import minispore as ms
from minispore import nn, ops
from util import check_grads

import conv_reference as cref

rng = np.random.default_rng(7)


def _x(*shape):
    return rng.uniform(-1, 1, shape)


def _distinct(*shape):
    """No ties (a max pool's derivative exists), values spread over [-1, 1]."""
    return (rng.permutation(int(np.prod(shape))).reshape(shape) - np.prod(shape) / 2) / np.prod(shape)


CONV_CASES = [
    # (x shape, w shape, stride, dilation, pad_mode, padding, groups)
    ((2, 3, 7, 9), (4, 3, 3, 3), 1, 1, "valid", 0, 1),
    ((2, 3, 7, 9), (4, 3, 3, 3), 2, 1, "same", 0, 1),
    ((1, 3, 8, 7), (4, 3, 2, 3), (2, 3), 1, "same", 0, 1),
    ((2, 4, 7, 6), (4, 2, 3, 3), 1, 2, "pad", (1, 2), 2),
    ((2, 4, 5, 6), (8, 1, 3, 3), 1, 1, "pad", 1, 4),          # depthwise, multiplier 2
    ((1, 2, 9, 5), (3, 2, 1, 1), 3, 1, "valid", 0, 1),
    ((1, 2, 6, 6), (2, 2, 5, 5), 1, 1, "same", 0, 1),
]


@pytest.mark.parametrize("case", CONV_CASES, ids=lambda c: f"{c[0]}-{c[1]}-s{c[2]}-d{c[3]}-{c[4]}-g{c[6]}")
def test_conv2d_values_and_gradients(case):
    xs, ws, stride, dilation, mode, padding, groups = case
    x, w = _x(*xs), _x(*ws)

    def f(x, w):
        return ops.conv2d(x, w, None, stride, mode, padding, dilation, groups)

    out = f(ms.Tensor(x), ms.Tensor(w)).asnumpy()
    s2 = (stride, stride) if isinstance(stride, int) else stride
    d2 = (dilation, dilation)
    if mode == "same":
        pads = []
        for n, k, s, d in zip(xs[2:], ws[2:], s2, d2):
            total = max((-(-n // s) - 1) * s + d * (k - 1) + 1 - n, 0)
            pads.append((total // 2, total - total // 2))
    elif mode == "valid":
        pads = [(0, 0), (0, 0)]
    else:
        p = (padding, padding) if isinstance(padding, int) else padding
        pads = [(p[0], p[0]), (p[1], p[1])]
    np.testing.assert_allclose(out, cref.conv(x, w, s2, d2, pads, groups), rtol=1e-10, atol=1e-12)
    check_grads(f, [x, w], order=1)


def test_conv_second_order():
    check_grads(lambda x, w: ops.conv2d(x, w, None, 2, "same", 0, 1, 1), [_x(1, 2, 5, 4), _x(3, 2, 3, 2)], order=2)


@pytest.mark.parametrize("layer", [
    lambda: nn.Conv1d(3, 4, 3, stride=2, pad_mode="pad", padding=1, has_bias=True, dtype=ms.float64),
    lambda: nn.Conv3d(2, 4, (2, 3, 2), stride=(1, 2, 1), pad_mode="same", group=2, has_bias=True,
                      dtype=ms.float64),
    lambda: nn.Conv2dTranspose(4, 6, 3, stride=2, pad_mode="pad", padding=1, group=2, has_bias=True,
                               dtype=ms.float64),
    lambda: nn.Conv2dTranspose(3, 2, (2, 3), stride=3, pad_mode="valid", dtype=ms.float64),
    lambda: nn.Conv1dTranspose(3, 2, 3, stride=2, pad_mode="same", dtype=ms.float64),
    lambda: nn.Conv3dTranspose(2, 2, 2, stride=2, pad_mode="same", dtype=ms.float64),
], ids=["conv1d", "conv3d", "conv2dT-pad", "conv2dT-valid", "conv1dT", "conv3dT"])
def test_conv_layers_gradients(layer):
    net = layer()
    nd = len(net.kernel_size) if not isinstance(net, (nn.Conv1d, nn.Conv1dTranspose)) else 1
    x = _x(*((1, net.in_channels) + (5, 4, 3)[:nd]))
    check_grads(lambda x: net(x), [x], order=2)
    # the weights' gradients: directional derivatives against central differences of a fixed projection
    params = net.trainable_params()
    cot = ms.Tensor(_x(*net(ms.Tensor(x)).shape))
    grads = ms.grad(lambda x: (net(x) * cot).sum(), None, params)(ms.Tensor(x))
    for p, g in zip(params, grads):
        base = p.asnumpy().copy()
        v = _x(*base.shape)
        values = []
        for sign in (1, -1):
            p.set_data(ms.Tensor(base + sign * 1e-6 * v))
            values.append(float((net(ms.Tensor(x)) * cot).sum()))
        p.set_data(ms.Tensor(base))
        np.testing.assert_allclose((values[0] - values[1]) / 2e-6, float((g.asnumpy() * v).sum()), rtol=1e-6)


POOL_CASES = [
    # (kernel, stride, padding, ceil_mode)
    (2, 2, 0, False), (3, 2, 1, False), (3, 2, 1, True), ((2, 3), (1, 2), (1, 0), True), (3, 3, 0, True),
]


def _pool_geometry(spatial, kernel, stride, padding, ceil):
    """The kernel, stride and (before, after) pads per dimension, the after-pad extended for ceil_mode by
    PyTorch's rule (the last window starts inside the input or its leading padding)."""
    k2 = (kernel,) * 2 if isinstance(kernel, int) else kernel
    s2 = (stride,) * 2 if isinstance(stride, int) else stride
    p2 = (padding,) * 2 if isinstance(padding, int) else padding
    pads = []
    for n, k, s, p in zip(spatial, k2, s2, p2):
        hi = p
        if ceil:
            count = -(-(n + 2 * p - k) // s) + 1
            if (count - 1) * s >= n + p:
                count -= 1
            hi = max(p, (count - 1) * s + k - n - p)
        pads.append((p, hi))
    return k2, s2, p2, pads


@pytest.mark.parametrize("kernel,stride,padding,ceil", POOL_CASES)
def test_max_pool2d_values_and_gradients(kernel, stride, padding, ceil):
    x = _distinct(2, 2, 7, 8)

    def f(x):
        return ops.max_pool2d(x, kernel, stride, padding, 1, False, ceil)
    out = f(ms.Tensor(x)).asnumpy()
    k2, s2, _, pads = _pool_geometry(x.shape[2:], kernel, stride, padding, ceil)
    np.testing.assert_allclose(out, cref.max_pool(x, k2, s2, (1, 1), pads))
    check_grads(f, [x], order=2)


def test_max_pool_ties_send_the_gradient_to_the_first_maximum():
    x = ms.Tensor(np.ones((1, 1, 2, 2)))
    g = ms.grad(lambda x: ops.max_pool2d(x, 2, 2).sum())(x).asnumpy()
    assert g.tolist() == [[[[1.0, 0.0], [0.0, 0.0]]]]


@pytest.mark.parametrize("kernel,stride,padding,ceil", POOL_CASES)
@pytest.mark.parametrize("count_include_pad", [True, False])
def test_avg_pool2d_values_and_gradients(kernel, stride, padding, ceil, count_include_pad):
    x = _x(2, 2, 7, 8)

    def f(x):
        return ops.avg_pool2d(x, kernel, stride, padding, ceil, count_include_pad)
    k2, s2, p2, pads = _pool_geometry(x.shape[2:], kernel, stride, padding, ceil)
    counted = [(p, p) if count_include_pad else (0, 0) for p in p2]
    np.testing.assert_allclose(f(ms.Tensor(x)).asnumpy(), cref.avg_pool(x, k2, s2, pads, counted, 0), rtol=1e-12)
    check_grads(f, [x], order=2)


@pytest.mark.parametrize("out", [1, 3, (2, 5), (4, None)])
def test_adaptive_pools_values_and_gradients(out):
    x = _distinct(2, 2, 7, 9)
    o = (out, out) if isinstance(out, int) else tuple(n if v is None else v for v, n in zip(out, (7, 9)))

    def windows(size, count):
        return [(i * size // count, -(-(i + 1) * size // count)) for i in range(count)]
    avg = np.zeros((2, 2) + o)
    mx = np.zeros((2, 2) + o)
    for (i, (a, b)), (j, (c, d)) in itertools.product(enumerate(windows(7, o[0])), enumerate(windows(9, o[1]))):
        avg[:, :, i, j] = x[:, :, a:b, c:d].mean((2, 3))
        mx[:, :, i, j] = x[:, :, a:b, c:d].max((2, 3))
    np.testing.assert_allclose(ops.adaptive_avg_pool2d(ms.Tensor(x), out).asnumpy(), avg, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ops.adaptive_max_pool2d(ms.Tensor(x), out).asnumpy(), mx)
    check_grads(lambda x: ops.adaptive_avg_pool2d(x, out), [x], order=2)
    check_grads(lambda x: ops.adaptive_max_pool2d(x, out), [x], order=1)


def test_group_norm_and_batch_norm_gradients():
    x, w, b = _x(2, 4, 3, 3), _x(4), _x(4)
    check_grads(lambda x, w, b: ops.group_norm(x, 2, w, b), [x, w, b], order=2)
    rm = ms.Parameter(ms.Tensor(np.zeros(4)), name="rm")
    rv = ms.Parameter(ms.Tensor(np.ones(4)), name="rv")
    check_grads(lambda x, w, b: ops.batch_norm(x, rm, rv, w, b, training=False), [x, w, b], order=2)


# ----------------------------------------------------------------------------- edge cases found in review
def test_a_kernel_larger_than_the_input_is_an_error_at_every_stride():
    x, w = ms.Tensor(_x(1, 1, 3)), ms.Tensor(_x(1, 1, 5))
    with pytest.raises(ValueError, match="conv1d.*larger than the padded input"):
        ops.conv1d(x, w, stride=2)


def test_an_empty_batch_has_zero_weight_gradients():
    w = ms.Tensor(_x(2, 3, 3, 3))
    g = ms.grad(lambda w: ops.conv2d(ms.Tensor(np.zeros((0, 3, 5, 5))), w).sum())(w)
    assert g.shape == (2, 3, 3, 3) and not g.asnumpy().any()


def test_adaptive_pools_refuse_empty_spatial_dimensions():
    for fn in (ops.adaptive_avg_pool2d, ops.adaptive_max_pool2d):
        with pytest.raises(ValueError, match="must not be empty"):
            fn(ms.Tensor(np.zeros((1, 3, 0, 5))), 2)


def test_max_pool_indices_follow_nan_and_skip_padding():
    x = np.random.default_rng(0).random((1, 1, 4, 4))
    x[0, 0, 1, 1] = np.nan
    _, idx = ops.max_pool2d(ms.Tensor(x), 2, 2, return_indices=True)
    expected = []
    for i, j in itertools.product((0, 2), (0, 2)):
        window = x[0, 0, i:i + 2, j:j + 2].ravel()
        k = int(np.argmax(np.isnan(window))) if np.isnan(window).any() else int(np.argmax(window))
        expected.append((i + k // 2) * 4 + j + k % 2)
    assert idx.asnumpy().ravel().tolist() == expected                 # the NaN's index, as in PyTorch
    assert expected[0] == 5
    _, idx = ops.max_pool2d(ms.Tensor(np.full((1, 1, 3, 3), -np.inf)), 2, 2, 1, return_indices=True)
    assert idx.asnumpy().ravel().tolist() == [0, 1, 3, 4]             # a real element, never the padding


def test_channel_shuffle_refuses_a_bool_group_count():
    with pytest.raises(TypeError):
        nn.ChannelShuffle(True)
