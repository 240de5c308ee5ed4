"""Regression tests for bugs found in review (each test names what used to go wrong)."""
import warnings

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops


def test_np_array_of_a_tensor_is_a_copy_but_asarray_shares():
    t = Tensor(np.array([1.0, 2.0], np.float32))
    a = np.array(t)
    a[0] = 9
    assert t.asnumpy()[0] == 1.0
    assert np.asarray(t) is t.asnumpy()


@pytest.mark.parametrize("dtype", [np.uint8, np.uint32, np.bool_, np.int16, np.float32])
def test_descending_sort_and_topk_for_every_dtype(dtype):
    data = np.array([0, 1, 2, 1], dtype)
    values, _ = ops.sort(Tensor(data), descending=True)
    np.testing.assert_array_equal(values.asnumpy(), np.sort(data)[::-1])
    top, _ = ops.topk(Tensor(data), 2)
    np.testing.assert_array_equal(top.asnumpy(), np.sort(data)[::-1][:2])


def test_inner_contracts_the_last_axes():
    x, y = np.ones((2, 3), np.float32), np.arange(12, dtype=np.float32).reshape(4, 3)
    np.testing.assert_allclose(ops.inner(Tensor(x), Tensor(y)).asnumpy(), np.inner(x, y))


def test_broadcast_to_rejects_minus_one_in_a_new_dimension():
    with pytest.raises(ValueError, match="broadcast_to"):
        ops.broadcast_to(Tensor(np.ones(3, np.float32)), (-1, 3))


def test_sens_param_checks_the_sensitivity_shape():
    fn = ms.grad(lambda x: x * 2, 0, sens_param=True)
    with pytest.raises(ValueError, match="sensitivity of shape"):
        fn(Tensor(np.ones(3, np.float32)), Tensor(np.ones((2, 3), np.float32)))


def test_vmap_with_negative_in_axes_and_unmapped_output():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_allclose(ms.vmap(lambda v: v * 2, in_axes=-1)(x).asnumpy(), (x.asnumpy() * 2).T)
    out = ms.vmap(lambda v: ops.ones(2, ms.float32), in_axes=0, out_axes=None)(x)
    assert out.shape == (2,)


def test_amax_initial_and_where():
    x = Tensor(np.array([1.0, 5.0, 3.0], np.float32))
    assert float(ops.amax(x, initial=10.0)) == 10.0
    mask = Tensor(np.array([True, False, True]))
    assert float(ops.amax(x, initial=-1.0, where=mask)) == 3.0


def test_removing_a_hook_never_lets_a_new_one_overwrite_another():
    cell = nn.ReLU()
    seen = []
    h0 = cell.register_forward_hook(lambda c, i, o: seen.append(0))
    cell.register_forward_hook(lambda c, i, o: seen.append(1))
    h0.remove()
    cell.register_forward_hook(lambda c, i, o: seen.append(2))
    cell(Tensor(np.ones(2, np.float32)))
    assert seen == [1, 2]


def test_primitive_style_ops_take_their_options():
    x, y = np.ones((2, 3, 4), np.float32), np.ones((2, 5, 4), np.float32)
    assert ops.BatchMatMul(transpose_b=True)(Tensor(x), Tensor(y)).shape == (2, 3, 5)
    out, mask = ops.Dropout(keep_prob=0.5)(Tensor(np.ones(1000, np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), mask.asnumpy() * 2)


def test_narrow_and_roll_reject_what_they_cannot_do():
    x = Tensor(np.arange(6, dtype=np.float32))
    with pytest.raises(ValueError, match="narrow"):
        ops.narrow(x, 0, 4, 5)
    with pytest.raises(ValueError, match="roll"):
        ops.roll(Tensor(np.ones((2, 2), np.float32)), (1, 2), (0,))


def test_assigning_a_traced_value_into_an_outside_tensor_falls_back():
    buf = Tensor(np.zeros(2, np.float32))

    @ms.jit
    def f(x):
        buf[0] = x.sum()
        return x * 2

    with pytest.warns(UserWarning, match="JIT Fallback.*outside the compiled function"):
        out = f(Tensor(np.ones(2, np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), [2, 2])
    np.testing.assert_array_equal(buf.asnumpy(), [2, 0])     # the eager run did the assignment
    assert float((buf + 1)[0]) == 3.0                        # and buf is still a usable tensor


def test_set_context_gpu_warns_and_stays_on_cpu():
    with pytest.warns(UserWarning, match="runs on the CPU"):
        ms.set_context(device_target="GPU")
    assert ms.get_context("device_target") == "CPU"


@pytest.mark.parametrize("get_by_list", [False, True])
def test_forward_value_and_grad_runs_the_network_once(get_by_list):
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 1)
            self.calls = 0

        def construct(self, x, y):
            self.calls += 1
            return ops.sum(self.fc(x) * y)

    net = Net()
    x, y = Tensor(np.ones((2, 3), np.float32)), Tensor(np.full((2, 1), 2.0, np.float32))
    weights = net.trainable_params() if get_by_list else None
    loss, grads = nn.ForwardValueAndGrad(net, weights, get_all=True, get_by_list=get_by_list)(x, y)
    assert net.calls == 1
    expected = ops.GradOperation(get_all=True, get_by_list=get_by_list)(net, weights)(x, y) if get_by_list \
        else ops.GradOperation(get_all=True)(net)(x, y)
    flat = lambda t: [g for part in t for g in (part if isinstance(part, tuple) else (part,))]  # noqa: E731
    for a, b in zip(flat(grads), flat(expected)):
        np.testing.assert_allclose(a.asnumpy(), b.asnumpy())


def test_optimizer_rejects_gradients_of_the_wrong_shape():
    net = nn.Dense(3, 2)
    grads = (Tensor(np.ones(3, np.float32)), Tensor(np.ones(1, np.float32)))
    for optimizer in (nn.SGD(net.trainable_params(), 0.1), nn.Adam(net.trainable_params())):
        with pytest.raises(ValueError, match=r"gradient of parameter 'weight'.*\(2, 3\).*\(3,\)"):
            optimizer(grads)
