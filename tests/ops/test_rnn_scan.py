"""The fused recurrent kernel in every mode (LSTM, GRU, RNN tanh/relu), one and two directions, with and without
per-sample lengths: workspace, outputs and final states against the plain NumPy recurrence, derivatives in float64
against central differences to second order, and its argument checks."""
import numpy as np
import pytest

from minispore import ops
from minispore._core.tensor import _wrap
from minispore.ops._prims import rnn
from util import check_grads

import rnn_reference as ref

MODES = ["LSTM", "GRU", "RNN_TANH", "RNN_RELU"]


def _inputs(mode, d, masked, seed, t_len=4, batch=3, h=2):
    rng = np.random.default_rng(seed)
    g = ref.GATES[mode] * h
    s = 2 * h if mode == "LSTM" else h
    xg = rng.normal(size=(t_len, batch, d * g))
    w = rng.normal(size=(d, g, h)) * 0.6
    b = rng.normal(size=(d, g)) * 0.5
    s0 = rng.normal(size=(d, batch, s)) * 0.5
    lengths = np.array([t_len, 1, 3][:batch]) if masked else np.full(batch, t_len)
    return xg, w, b, s0, lengths, h


def _layer(mode, masked, lengths, h, t_len):
    """The kernel on inputs in MindSpore's gate layout, converted with the layers' kernel_layout."""
    lt = _wrap(lengths)

    def f(xg, w, b, s0):
        t, batch, dg = xg.shape
        d = w.shape[0]
        g = dg // d
        xk = ops.concat([rnn.kernel_layout(ops.reshape(ops.transpose(ops.narrow(xg, 2, j * g, g), (2, 0, 1)),
                                                       (g, t * batch)), mode, h) for j in range(d)], 0)
        xk = ops.reshape(ops.transpose(ops.reshape(xk, (d * g, t, batch)), (1, 2, 0)), (t, batch, d * g))
        wk = ops.stack([rnn.kernel_layout(w[j], mode, h) for j in range(d)])
        bk = ops.stack([rnn.kernel_layout(b[j], mode, h) for j in range(d)])
        r = rnn.recurrent_scan(xk, wk, bk, s0, lt, mode, masked)
        y, h_last, c_last = rnn.read_scan(r, lt, mode, h, masked)
        return y, (h_last if c_last is None else ops.concat([h_last, c_last], 2))
    return f


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("mode", MODES)
def test_forward_against_the_numpy_recurrence(mode, d, masked):
    xg, w, b, s0, lengths, h = _inputs(mode, d, masked, 1)
    y, final = _layer(mode, masked, lengths, h, xg.shape[0])(*[_wrap(a) for a in (xg, w, b, s0)])
    _, ry, rfinal = ref.scan(mode, xg, w, b, s0, lengths)
    np.testing.assert_allclose(y.asnumpy(), ry, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(final.asnumpy(), rfinal, rtol=1e-12, atol=1e-13)
    if masked:      # past a sample's length: exactly +0.0, as MindSpore's selection gives
        assert not np.signbit(y.asnumpy()[2:, 1]).any()


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("mode", MODES)
def test_derivatives_against_central_differences(mode, d, masked):
    xg, w, b, s0, lengths, h = _inputs(mode, d, masked, 2, t_len=3, batch=2)
    check_grads(_layer(mode, masked, lengths, h, xg.shape[0]), [xg, w, b, s0], order=2)


@pytest.mark.parametrize("mode", MODES)
def test_the_kernel_layout_against_numpy_index_arithmetic(mode):
    h = 3
    w = np.random.default_rng(5).normal(size=(ref.GATES[mode] * h, 4))
    got = rnn.kernel_layout(_wrap(w), mode, h).asnumpy()
    np.testing.assert_array_equal(got, ref.to_kernel(w, mode, h, 0))
    np.testing.assert_array_equal(ref.from_kernel(got, mode, h, 0), w)


def test_float32_stays_float32():
    xg, w, b, s0, lengths, h = _inputs("LSTM", 2, True, 3)
    y, final = _layer("LSTM", True, lengths, h, xg.shape[0])(
        *[_wrap(a.astype(np.float32)) for a in (xg, w, b, s0)])
    assert y.asnumpy().dtype == final.asnumpy().dtype == np.float32


def test_shape_and_length_checks_name_the_operation():
    xg, w, b, s0, lengths, h = _inputs("GRU", 1, True, 4)
    args = [_wrap(a) for a in (xg, w, b, s0)]          # (the layout does not matter for the checks)
    with pytest.raises(ValueError, match="RecurrentScan.*do not fit"):
        rnn.recurrent_scan(args[0], _wrap(np.ones((1, 5, 2))), args[2], args[3], _wrap(lengths), "GRU", True)
    with pytest.raises(ValueError, match="initial state"):
        rnn.recurrent_scan(args[0], args[1], args[2], _wrap(np.ones((1, 2, 2))), _wrap(lengths), "GRU", True)
    with pytest.raises(ValueError, match=r"For 'GRU', every 'seq_length' must be in \[0, 4\]"):
        rnn.recurrent_scan(*args, _wrap(np.array([5, 1, 1])), "GRU", True)
