"""nn.RNN/LSTM/GRU and the cells beyond the MindSpore goldens (tests/test_golden_rnn.py): errors that name the layer
and the shapes, the sequence-length rules, dropout between layers, float64 derivatives through a whole stack, and
a compiled train step equal to the eager one."""
import numpy as np
import pytest

import minispore as ms
from minispore import nn, ops, Tensor
from util import check_grads


def _x(*shape, seed=0, dtype=np.float32):
    return Tensor(np.random.default_rng(seed).normal(size=shape).astype(dtype))


@pytest.mark.parametrize("call, match", [
    (lambda: nn.LSTM(3, 4)(_x(5, 2, 4)), r"For 'LSTM', the last dimension of 'x' must be input_size=3.*\(5, 2, 4\)"),
    (lambda: nn.GRU(3, 4)(_x(5, 3)), r"For 'GRU', the input 'x' must be 3-D.*\(5, 3\)"),
    (lambda: nn.GRU(3, 4, bidirectional=True)(_x(5, 2, 3), _x(1, 2, 4)),
     r"For 'GRU', the shape of 'hx' must be .* = \(2, 2, 4\), but got \(1, 2, 4\)"),
    (lambda: nn.LSTM(3, 4)(_x(5, 2, 3), (_x(1, 2, 4), _x(1, 3, 4))), r"'hx\[1\]'.*\(1, 2, 4\), but got \(1, 3, 4\)"),
    (lambda: nn.LSTM(3, 4)(_x(5, 2, 3), None, Tensor(np.array([6, 2], np.int32))),
     r"For 'LSTM', every 'seq_length' must be in \[0, 5\].*\[6, 2\]"),
    (lambda: nn.RNN(3, 4)(_x(5, 2, 3), None, Tensor(np.array([5, 2, 1], np.int32))),
     r"batch size of x and seq_length must be equal"),
    (lambda: nn.LSTMCell(3, 4)(_x(2, 3), (_x(2, 4), _x(3, 4))), r"'hx\[1\]' must be \(batch_size, hidden_size\)"),
    (lambda: nn.RNNCell(3, 4)(_x(2, 5), _x(2, 4)), r"For 'RNNCell', the input 'x' must have shape"),
])
def test_bad_input_names_the_layer_and_shapes(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_the_length_check_holds_under_jit():
    net = nn.GRU(3, 4)

    @ms.jit
    def f(x, lengths):
        return net(x, None, lengths)[0]
    x = _x(5, 2, 3)
    assert f(x, Tensor(np.array([5, 3], np.int32))).shape == (5, 2, 4)
    with pytest.raises(ValueError, match="seq_length"):
        f(x, Tensor(np.array([7, 3], np.int32)))


def test_a_zero_length_sample_keeps_its_initial_state():
    net = nn.GRU(3, 4, bidirectional=True)
    h0 = _x(2, 2, 4, seed=1)
    y, h = net(_x(5, 2, 3), h0, Tensor(np.array([5, 0], np.int32)))
    np.testing.assert_array_equal(y.asnumpy()[:, 1], 0)
    np.testing.assert_array_equal(h.asnumpy()[:, 1], h0.asnumpy()[:, 1])


def test_dropout_acts_between_layers_in_training_only():
    net = nn.LSTM(3, 4, num_layers=2, dropout=0.5)
    x = _x(5, 2, 3)
    net.set_train(False)
    a = net(x)[0].asnumpy()
    np.testing.assert_array_equal(a, net(x)[0].asnumpy())
    net.set_train(True)
    ms.set_seed(3)
    b = net(x)[0].asnumpy()
    ms.set_seed(3)
    np.testing.assert_array_equal(b, net(x)[0].asnumpy())
    assert not np.allclose(a, b)
    single = nn.LSTM(3, 4, num_layers=1, dropout=0.5)       # the last layer's output is never dropped
    single.set_train(True)
    np.testing.assert_array_equal(single(x)[0].asnumpy(), single(x)[0].asnumpy())


@pytest.mark.parametrize("cls", ["LSTM", "GRU", "RNN"])
def test_float64_derivatives_through_a_stack(cls):
    np.random.seed(0)
    net = getattr(nn, cls)(2, 3, num_layers=2, bidirectional=True, batch_first=True, dtype=ms.float64)
    lengths = Tensor(np.array([4, 2], np.int64))

    def f(x):
        y, h = net(x, None, lengths)
        return y, (h[0] if cls == "LSTM" else h)
    check_grads(f, [np.random.default_rng(1).normal(size=(2, 4, 2))], order=2)


def test_a_compiled_train_step_equals_the_eager_one():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(20, 6)
            self.lstm = nn.LSTM(6, 5, num_layers=2, bidirectional=True, batch_first=True)
            self.fc = nn.Dense(20, 2)

        def construct(self, ids, lengths):
            _, (h, _) = self.lstm(self.embedding(ids), seq_length=lengths)
            return self.fc(ops.concat([h[-2], h[-1], h[0], h[1]], 1))

    def run(compiled):
        np.random.seed(0)
        ms.set_seed(0)
        net = Net()
        opt = nn.Adam(net.trainable_params(), 0.01)
        loss_fn = nn.CrossEntropyLoss()
        grad_fn = ms.value_and_grad(lambda i, l, y: loss_fn(net(i, l), y), None, opt.parameters)

        def step(i, l, y):
            loss, grads = grad_fn(i, l, y)
            opt(grads)
            return loss
        step = ms.jit(step) if compiled else step
        rng = np.random.default_rng(5)
        losses = []
        for _ in range(4):
            ids = Tensor(rng.integers(0, 20, (3, 7)).astype(np.int32))
            lengths = Tensor(rng.integers(1, 8, 3).astype(np.int32))
            y = Tensor(rng.integers(0, 2, 3).astype(np.int32))
            losses.append(float(step(ids, lengths, y).asnumpy()))
        return losses, [p.asnumpy() for p in net.trainable_params()]
    eager, jitted = run(False), run(True)
    np.testing.assert_allclose(eager[0], jitted[0], rtol=1e-6)
    for a, b in zip(eager[1], jitted[1]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7)


def test_an_id_outside_the_vocabulary_names_the_embedding():
    emb = nn.Embedding(10, 3)
    with pytest.raises(RuntimeError, match=r"For 'Embedding', every id must be in \[-10, 10\).*\(1, 2\) hold 10"):
        emb(Tensor(np.array([[1, 10]], np.int32)))
    np.testing.assert_array_equal(emb(Tensor(np.array([-1], np.int32))).asnumpy(),       # MindSpore wraps -1
                                  emb.embedding_table.asnumpy()[-1:])
