"""Mixed-precision training: O2 on the MNIST MLP (examples/mnist.py's network) reaches the float32 accuracy, and
the loss-scaled step skips the updates whose gradients have inf/nan (MindSpore's CPU build cannot run
TrainOneStepWithLossScaleCell, so these are checked against NumPy, not a recording)."""
import gzip
import pathlib

import numpy as np
import pytest

import minispore as ms
from minispore import amp, nn

MNIST = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mnist"
N_TRAIN, N_TEST = 8000, 10000     # a subset of the training set keeps the two runs under ~20 s


def _load(kind, n):
    with gzip.open(MNIST / f"{kind}-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:n]
    with gzip.open(MNIST / f"{kind}-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
    return ((x.astype(np.float32) / 255 - 0.1307) / 0.3081), y.astype(np.int32)


class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(nn.Dense(28 * 28, 512), nn.ReLU(), nn.Dense(512, 512),
                                                       nn.ReLU(), nn.Dense(512, 10))

    def construct(self, x):
        return self.dense_relu_sequential(self.flatten(x))


def _accuracy(level, data):
    (xtr, ytr), (xte, yte) = data
    ms.set_seed(1)
    net = Network()
    train = amp.build_train_network(net, nn.SGD(net.trainable_params(), 5e-2), nn.CrossEntropyLoss(), level=level)
    for i in range(0, len(xtr), 64):
        train(ms.Tensor(xtr[i:i + 64]), ms.Tensor(ytr[i:i + 64]))
    logits = net(ms.Tensor(xte))
    return train, net, (logits.asnumpy().argmax(1) == yte).mean() * 100


@pytest.mark.skipif(not MNIST.exists(), reason="the full MNIST set (../shared/data/mnist) is only in the "
                                               "development checkout")
def test_o2_mnist_reaches_float32_accuracy():
    data = _load("train", N_TRAIN), _load("t10k", N_TEST)
    _, _, acc32 = _accuracy("O0", data)
    train, net, acc16 = _accuracy("O2", data)
    assert isinstance(train, nn.TrainOneStepWithLossScaleCell)
    assert all(p.dtype == ms.float32 for p in net.trainable_params())          # float32 master weights
    assert net(ms.Tensor(data[1][0][:2])).dtype == ms.float16                 # the backbone computes in float16
    assert acc32 > 85, acc32
    assert abs(acc16 - acc32) <= 0.5, (acc32, acc16)


def _dense_step_reference(w, b, x, y, lr):
    """One SGD step of Dense + MSELoss in float64: the new (w, b)."""
    out = x @ w.T + b
    d = 2 * (out - y) / out.size
    return w - lr * d.T @ x, b - lr * d.sum(0)


@pytest.mark.parametrize("sense", ["dynamic", "fixed", "tensor"])
def test_loss_scaled_step_skips_overflow_and_matches_numpy(sense):
    rng = np.random.default_rng(0)
    net = nn.Dense(3, 2)
    net.weight.set_data(ms.Tensor(rng.standard_normal((2, 3)).astype(np.float32)))
    net.bias.set_data(ms.Tensor(rng.standard_normal(2).astype(np.float32)))
    update = {"dynamic": nn.DynamicLossScaleUpdateCell(2.0 ** 12, 2, 2), "fixed": nn.FixedLossScaleUpdateCell(256.0),
              "tensor": ms.Tensor(np.float32(64.0))}[sense]
    train = nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.1),
                                             update)
    w, b = net.weight.asnumpy().astype(np.float64), net.bias.asnumpy().astype(np.float64)
    scale = {"dynamic": 2.0 ** 12, "fixed": 256.0, "tensor": 64.0}[sense]
    clean = 0
    for step, bad in enumerate([False, True, False, False, True, True, False]):
        x = rng.standard_normal((4, 3)).astype(np.float32)
        y = rng.standard_normal((4, 2)).astype(np.float32)
        if bad:
            x[1, 2] = np.inf if step % 2 else np.nan
        loss, cond, scale_t = train(ms.Tensor(x), ms.Tensor(y))
        assert bool(cond.asnumpy()) is bad
        if not bad:
            w, b = _dense_step_reference(w, b, x.astype(np.float64), y.astype(np.float64), 0.1)
        np.testing.assert_allclose(net.weight.asnumpy(), w, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(net.bias.asnumpy(), b, rtol=1e-5, atol=1e-6)
        if sense == "dynamic":          # halve on overflow; double after 2 clean steps since the last change
            if bad:
                scale, clean = max(scale / 2, 1.0), 0
            else:
                clean += 1
                if clean == 2:
                    scale, clean = scale * 2, 0
        assert float(scale_t.asnumpy()) == scale, (step, float(scale_t.asnumpy()), scale)


def test_model_trains_with_dynamic_loss_scale_manager():
    """MindSpore's CPU build refuses this (ValueError, recorded in amp.json as model.O0.dynamic); minispore trains."""
    rng = np.random.default_rng(1)
    net = nn.Dense(4, 3)
    manager = ms.DynamicLossScaleManager(2 ** 8, 2, 2)
    model = ms.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                     nn.Momentum(net.trainable_params(), 0.1, 0.9), amp_level="O2", loss_scale_manager=manager)
    assert isinstance(model.train_network, nn.TrainOneStepWithLossScaleCell)
    before = net.weight.asnumpy().copy()
    ds = ms.dataset.NumpySlicesDataset({"x": rng.standard_normal((16, 4)).astype(np.float32),
                                        "y": rng.integers(0, 3, 16).astype(np.int32)}, shuffle=False).batch(4)
    model.train(1, ds)
    assert not np.array_equal(before, net.weight.asnumpy())
    assert net.weight.dtype == ms.float32


def test_to_float_keeps_float32_masters_and_gradients():
    net = nn.Dense(3, 2).to_float(ms.float16)
    x = ms.Tensor(np.ones((2, 3), np.float32))
    out, grads = ms.value_and_grad(lambda v: net(v).sum(), None, net.trainable_params())(x)
    assert out.dtype == ms.float16 and net.weight.dtype == ms.float32
    assert [g.dtype for g in grads] == [ms.float32, ms.float32]
    np.testing.assert_allclose(grads[0].asnumpy(), np.full((2, 3), 2.0))
    assert net.fp16 and not net.fp32


def test_auto_rejects_functions_with_a_clear_error():
    with pytest.raises(NotImplementedError, match="auto"):
        amp.auto_mixed_precision(lambda x: x, "auto")
    with pytest.raises(TypeError, match="O2"):
        amp.auto_mixed_precision(lambda x: x, "O2")
