"""Regression tests for the traps of nested functional autodiff (autograd #4, pytorch #32576, tape lifetime,
boxes that escape, Parameters boxed in place, dtypes)."""
import gc
import weakref

import numpy as np
import pytest

import minispore as ms
from minispore import Parameter, Tensor, ops
from util import T, check_grads

_escaped = []


def test_perturbation_confusion_autograd_4():
    # d/dx [x * d/dy (x*y)] = d/dx [x * x] = 2x = 2 at x = 1
    out = ops.grad(lambda x: x * ops.grad(lambda y: x * y)(T(2.0)))(T(1.0))
    np.testing.assert_allclose(out.asnumpy(), 2.0)


def test_perturbation_confusion_pytorch_32576():
    # f1(x) = d/dy [y * (x - y)] at y = x = x - 2x = -x, so f1'(1) = -1
    def f1(x):
        return ops.grad(lambda y: y * (x - y))(x)
    np.testing.assert_allclose(f1(T(1.0)).asnumpy(), -1.0)
    np.testing.assert_allclose(ops.grad(f1)(T(1.0)).asnumpy(), -1.0)


def test_nested_grad_closure_over_outer_variable():
    # d/dx d/dy (x^2 y^3) = 2x * 3y^2
    def inner(x):
        return ops.grad(lambda y: x * x * y ** 3)(T(2.0))
    np.testing.assert_allclose(ops.grad(inner)(T(3.0)).asnumpy(), 2 * 3.0 * 3 * 4.0)


def test_grad_grad_grad_polynomial():
    f = lambda x: x ** 5 - 3 * x ** 3 + x   # noqa: E731
    d3 = ops.grad(ops.grad(ops.grad(f)))
    np.testing.assert_allclose(d3(T(2.0)).asnumpy(), 60 * 4.0 - 18)
    check_grads(f, [np.array([0.5, -1.2])], order=3)


def test_unused_input_gets_zeros():
    gx, gy = ops.grad(lambda x, y: (x * 2).sum(), (0, 1))(T([1.0, 2.0]), T([[3.0, 4.0, 5.0]]))
    np.testing.assert_array_equal(gx.asnumpy(), [2.0, 2.0])
    np.testing.assert_array_equal(gy.asnumpy(), [[0.0, 0.0, 0.0]])
    assert gy.shape == (1, 3) and gy.dtype == ms.float64


def test_tape_is_freed():
    refs = []

    def fn(x):
        h = ops.exp(x) * 3
        refs.append(weakref.ref(h))
        return (h * x).sum()

    g = ops.grad(fn)(T([1.0, 2.0]))
    gc.collect()
    assert refs[0]() is None, "an intermediate Tensor outlived grad: the tape was kept alive"
    np.testing.assert_allclose(g.asnumpy(), 3 * np.exp([1.0, 2.0]) * (1 + np.array([1.0, 2.0])))


def test_vjp_keeps_the_graph_only_while_the_pullback_lives():
    refs = []

    def fn(x):
        h = ops.sin(x)
        refs.append(weakref.ref(h))
        return h * h

    out, pullback = ops.vjp(fn, T([0.5]))
    del pullback
    gc.collect()
    assert refs[0]() is None


def test_no_recording_outside_a_transform():
    x = T([1.0, 2.0])
    y = ops.exp(x) * 2 + x[0]
    assert y._trace is None and x._trace is None
    ops.grad(lambda t: (t * t).sum())(x)
    assert x._trace is None
    z = ops.sin(x)
    assert z._trace is None


def test_parameter_through_closure_is_restored():
    w = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), name="w")
    before = w._trace

    def fn(x):
        return (x * w).sum()

    g = ops.grad(fn, None, [w])(T([3.0, 4.0], np.float32))
    np.testing.assert_allclose(g[0].asnumpy(), [3.0, 4.0])
    assert w._trace is before is None
    assert isinstance(w, Parameter) and w.name == "w"
    # still a plain value afterwards: ops on it record nothing and give plain results
    out = w * 2
    assert out._trace is None
    np.testing.assert_allclose(out.asnumpy(), [2.0, 4.0])


def test_parameter_nested_transforms_restore_each_level():
    w = Parameter(Tensor(np.array([2.0], np.float32)), name="w2")

    def loss(x):
        return (w * w * x).sum()

    def outer(x):
        gw = ops.grad(loss, None, [w])(x)[0]   # 2 w x
        return (gw * w).sum()                  # 2 w^2 x

    g = ops.grad(outer, None, [w])(T([3.0], np.float32))
    np.testing.assert_allclose(g[0].asnumpy(), [4 * 2.0 * 3.0])
    assert w._trace is None


def test_escaped_box_is_a_plain_value_afterwards():
    def fn(x):
        h = x * 3
        _escaped.append(h)
        return (h * h).sum()

    ops.grad(fn)(T([1.0, 2.0]))
    leaked = _escaped.pop()
    out = leaked + 1
    np.testing.assert_allclose(out.asnumpy(), [4.0, 7.0])
    assert out._trace is None
    # usable inside a new transform as a constant
    g = ops.grad(lambda y: (y * leaked).sum())(T([1.0, 1.0]))
    np.testing.assert_allclose(g.asnumpy(), [3.0, 6.0])
    # and as the differentiated input of a new transform
    g = ops.grad(lambda y: (y * y).sum())(leaked)
    np.testing.assert_allclose(g.asnumpy(), [6.0, 12.0])


def test_int32_inputs_get_int32_gradients():
    x = Tensor(np.array([1, 2, 3], np.int32))
    g = ops.grad(lambda a: (a * a).sum())(x)
    assert g.dtype == ms.int32
    np.testing.assert_array_equal(g.asnumpy(), [2, 4, 6])   # MindSpore 2.10: Int32 [2, 4, 6]


def test_float64_and_float16_keep_their_dtype():
    for dt in (np.float64, np.float16, np.float32):
        x = Tensor(np.array([1.0, 2.0], dt))
        g = ops.grad(lambda a: (a * a * 0.5).sum())(x)
        assert g.asnumpy().dtype == dt
        np.testing.assert_allclose(g.asnumpy(), [1.0, 2.0])


def test_mixed_dtype_gradients_come_back_in_each_inputs_dtype():
    a, b = Tensor(np.array([1.0, 2.0], np.float32)), Tensor(np.array([3.0, 4.0], np.float64))
    ga, gb = ops.grad(lambda x, y: (x * y).sum(), (0, 1))(a, b)
    assert ga.dtype == ms.float32 and gb.dtype == ms.float64


def test_same_tensor_twice():
    x = T([1.0, 2.0])
    gx, gy = ops.grad(lambda a, b: (a * b).sum(), (0, 1))(x, x)
    np.testing.assert_array_equal(gx.asnumpy(), [1.0, 2.0])
    np.testing.assert_array_equal(gy.asnumpy(), [1.0, 2.0])


def test_jvp_and_vjp_agree_with_jacobians():
    f = lambda x: ops.sin(x) * x[::-1]   # noqa: E731
    x = T([0.3, -0.7, 1.1])
    jr = ops.jacrev(f)(x).asnumpy()
    jf = ops.jacfwd(f)(x).asnumpy()
    np.testing.assert_allclose(jr, jf, rtol=1e-12)
    v = T([1.0, 2.0, -1.0])
    _, t = ops.jvp(f, x, v)
    np.testing.assert_allclose(t.asnumpy(), jr @ v.asnumpy(), rtol=1e-12)


def test_grad_of_value_and_grad_and_hessian_vector():
    f = lambda x: (x ** 3).sum()   # noqa: E731

    def hvp(x, v):
        return ops.jvp(ops.grad(f), x, v)[1]
    np.testing.assert_allclose(hvp(T([1.0, 2.0]), T([1.0, 0.0])).asnumpy(), [6.0, 0.0])
    vg = ops.value_and_grad(lambda x: ops.grad(f)(x).sum())
    value, g = vg(T([1.0, 2.0]))
    np.testing.assert_allclose(value.asnumpy(), 15.0)
    np.testing.assert_allclose(g.asnumpy(), [6.0, 12.0])


def test_in_place_operator_inside_grad():
    def fn(x):
        y = x * 1
        y += x * x
        y *= 2
        return y.sum()
    g = ops.grad(fn)(T([1.0, 3.0]))
    np.testing.assert_allclose(g.asnumpy(), 2 * (1 + 2 * np.array([1.0, 3.0])))


def test_sens_param_checks_the_sensitivity_shape():
    # review regression: with sens_param=True the sensitivity's shape was not checked against the output's
    fn = ms.grad(lambda x: x * 2, 0, sens_param=True)
    with pytest.raises(ValueError, match="sensitivity of shape"):
        fn(Tensor(np.ones(3, np.float32)), Tensor(np.ones((2, 3), np.float32)))


def test_vmap_with_negative_in_axes_and_unmapped_output():
    # review regression: vmap sliced the wrong axis for a negative in_axes, and out_axes=None stacked the unmapped
    # output (one copy per iteration) instead of returning it once
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_allclose(ms.vmap(lambda v: v * 2, in_axes=-1)(x).asnumpy(), (x.asnumpy() * 2).T)
    out = ms.vmap(lambda v: ops.ones(2, ms.float32), in_axes=0, out_axes=None)(x)
    assert out.shape == (2,)
