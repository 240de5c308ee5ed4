"""User-defined derivatives: ``ops.Custom`` with a Python function and its bprop, and Cells that define ``bprop``
(MindSpore differentiates both through the user's rule): values, first and second derivatives, jit, errors."""
import numpy as np
import pytest

import minispore as ms
from minispore import nn, ops, Tensor
from minispore._core.errors import MissingRuleError


def _x(*shape, seed=0):
    return Tensor(np.random.default_rng(seed).normal(size=shape).astype(np.float32))


def test_custom_pyfunc_forward_and_its_bprop():
    calls = []

    def bprop(x, y, out, dout):
        calls.append(1)
        return dout * y, dout * x * 10       # deliberately not the true derivative of x * y in y

    mul = ops.Custom(lambda a, b: a * b, out_shape=lambda a, b: a, out_dtype=lambda a, b: a, func_type="pyfunc",
                     bprop=bprop)
    x, y = _x(2, 3), _x(2, 3, seed=1)
    np.testing.assert_allclose(mul(x, y).asnumpy(), x.asnumpy() * y.asnumpy(), rtol=1e-6)
    gx, gy = ms.grad(lambda x, y: mul(x, y).sum(), (0, 1))(x, y)
    np.testing.assert_allclose(gx.asnumpy(), y.asnumpy(), rtol=1e-6)
    np.testing.assert_allclose(gy.asnumpy(), 10 * x.asnumpy(), rtol=1e-6)
    assert calls == [1]          # one bprop call for both inputs
    gj = ms.jit(ms.grad(lambda x, y: mul(x, y).sum(), (0, 1)))(x, y)
    np.testing.assert_allclose(gj[1].asnumpy(), 10 * x.asnumpy(), rtol=1e-6)


def test_custom_without_bprop_cannot_be_differentiated():
    square = ops.Custom(lambda a: a * a, out_shape=(3,), out_dtype=ms.float32, func_type="pyfunc")
    x = _x(3)
    np.testing.assert_allclose(square(x).asnumpy(), x.asnumpy() ** 2, rtol=1e-6)
    with pytest.raises(MissingRuleError, match="no bprop"):
        ms.grad(lambda x: square(x).sum())(x)
    with pytest.raises(ValueError, match="func_type='pyfunc'"):
        ops.Custom(lambda a: a, (3,), ms.float32, func_type="aot")


class ClipGrad(nn.Cell):
    """Forward: x * w; backward: the gradient clipped to [-1, 1] (a straight-through style rule)."""

    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(Tensor(np.float32(3.0)), name="w")

    def construct(self, x):
        return x * self.w

    def bprop(self, x, out, dout):
        return (ops.clamp(dout * 3.0, -1.0, 1.0),)


def test_a_cells_bprop_replaces_its_derivative_eager_and_jit():
    net = ClipGrad()
    x = Tensor(np.array([0.1, -2.0, 0.5], np.float32))
    ct = Tensor(np.array([0.2, 1.0, -5.0], np.float32))
    np.testing.assert_allclose(net(x).asnumpy(), 3 * x.asnumpy())
    g = ms.grad(lambda x: (net(x) * ct).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), np.clip(3 * ct.asnumpy(), -1, 1))
    gj = ms.jit(ms.grad(lambda x: (net(x) * ct).sum()))(x)
    np.testing.assert_allclose(gj.asnumpy(), g.asnumpy())


class Cube(nn.Cell):
    def construct(self, x):
        return x * x * x

    def bprop(self, x, out, dout):
        return (3 * x * x * dout,)


def test_a_bprop_written_with_ops_differentiates_again():
    x = Tensor(np.array([0.5, -1.5, 2.0], np.float32))
    second = ms.grad(ms.grad(lambda x: Cube()(x).sum()))(x)
    np.testing.assert_allclose(second.asnumpy(), 6 * x.asnumpy(), rtol=1e-6)


def test_a_bprop_of_the_wrong_arity_or_shape_is_named():
    class Bad(nn.Cell):
        def construct(self, x, y):
            return x + y

        def bprop(self, x, y, out, dout):
            return (dout,)
    with pytest.raises(TypeError, match=r"For 'Bad.bprop', the bprop must return a tuple of 2 cotangents"):
        ms.grad(lambda x, y: Bad()(x, y).sum())(_x(2), _x(2))
