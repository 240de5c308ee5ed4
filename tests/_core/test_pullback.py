"""The one pullback builder behind grad, value_and_grad, GradOperation and vjp, and what it leaves behind."""
import gc
import weakref

import numpy as np

import minispore as ms
from minispore import Parameter, Tensor, ops
from minispore._core import autodiff


def test_after_grad_a_parameter_keeps_no_node_or_old_buffer():
    p = Parameter(Tensor(np.ones((2, 3), np.float32)), name="p")
    old = weakref.ref(p._data)
    ms.grad(lambda x: ops.sum(x * p), grad_position=None, weights=[p])(ops.ones((2, 3), ms.float32))
    assert p._trace is None and not hasattr(p, "_node") and not hasattr(p, "_inner")
    p.set_data(Tensor(np.ones((4,), np.float32)))       # a new shape: the old buffer can go
    gc.collect()
    assert old() is None
    g = ms.grad(lambda x: ops.sum(x * p), grad_position=None, weights=[p])(ops.ones((4,), ms.float32))
    assert g[0].shape == (4,)


def test_a_box_kept_by_user_code_holds_no_tape():
    kept = []

    def f(x):
        h = ops.exp(x)
        kept.append(h)                    # escapes the transform
        return ops.sum(h * 2)

    big = Tensor(np.ones(10 ** 5, np.float32))
    ms.grad(f)(big)
    assert kept[0]._trace.nodes is None   # the trace is dead and its node list went with the pullback
    np.testing.assert_allclose(kept[0].asnumpy()[:2], np.exp(1.0))   # and the box reads as its value


def test_grad_value_and_grad_grad_operation_and_vjp_share_one_pullback():
    x = Tensor(np.array([1.0, 2.0, 3.0]))
    f = lambda a: ops.sum(a * a * a)      # noqa: E731
    expected = 3 * np.array([1.0, 4.0, 9.0])
    np.testing.assert_allclose(ms.grad(f)(x).asnumpy(), expected)
    np.testing.assert_allclose(ms.value_and_grad(f)(x)[1].asnumpy(), expected)
    np.testing.assert_allclose(ops.GradOperation()(f)(x).asnumpy(), expected)
    out, pull = ms.vjp(f, x)
    np.testing.assert_allclose(pull(ops.ones_like(out))[0].asnumpy(), expected)
    calls = []
    real = autodiff.record

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    autodiff.record = counting
    try:
        ms.grad(f)(x)
        ms.value_and_grad(f)(x)
        ops.GradOperation()(f)(x)
        ms.vjp(f, x)
    finally:
        autodiff.record = real
    assert len(calls) == 4


def test_a_vjp_can_be_pulled_back_many_times():
    x = Tensor(np.array([1.0, 2.0]))
    out, pull = ms.vjp(lambda a: a * a, x)
    for scale in (1.0, 2.0, 3.0):
        np.testing.assert_allclose(pull(Tensor(np.array([scale, scale])))[0].asnumpy(), 2 * scale * x.asnumpy())
