"""Unit tests of the nn.Cell methods of issue 9 round 3 beyond the MindSpore goldens (tests/test_golden_cell.py):
gradient hooks under higher-order differentiation and their errors, buffers through copies and pickling,
load_state_dict writing in place, Cell.to with training."""
import copy
import pickle

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops


class Cube(nn.Cell):
    def construct(self, x):
        return x * x * x


def test_backward_hook_is_differentiated_again():
    """The hook's replacement gradient is written with ops, so grad of grad sees it: d/dx (2 * 3x^2) = 12x."""
    cube = Cube()
    cube.register_backward_hook(lambda cell, gi, go: (gi[0] * 2,))
    x = Tensor(np.array([0.5, -1.5, 2.0], np.float32))
    first = ms.grad(lambda t: cube(t).sum())(x)
    np.testing.assert_allclose(first.asnumpy(), 6 * x.asnumpy() ** 2, rtol=1e-6)
    second = ms.grad(lambda t: ms.grad(lambda u: cube(u).sum())(t).sum())(x)
    np.testing.assert_allclose(second.asnumpy(), 12 * x.asnumpy(), rtol=1e-6)


def test_backward_pre_hook_sees_the_output_gradient():
    seen = []
    cube = Cube()
    handle = cube.register_backward_pre_hook(lambda cell, go: seen.append(go[0].asnumpy().copy()))
    x = Tensor(np.array([1., 2.], np.float32))
    g = ms.grad(lambda t: (cube(t) * Tensor(np.array([3., 5.], np.float32))).sum())(x)
    np.testing.assert_allclose(seen[0], [3., 5.])
    np.testing.assert_allclose(g.asnumpy(), [9., 60.])           # the hook returned None: unchanged
    handle.remove()
    ms.grad(lambda t: cube(t).sum())(x)
    assert len(seen) == 1


def test_backward_hooks_do_not_run_without_grad():
    calls = []
    cube = Cube()
    cube.register_backward_hook(lambda cell, gi, go: calls.append(1))
    np.testing.assert_allclose(cube(Tensor(np.array([2.], np.float32))).asnumpy(), [8.])
    assert calls == []


def test_backward_hook_wrong_result_size():
    cube = Cube()
    x = Tensor(np.array([1.], np.float32))
    cube.register_backward_hook(lambda cell, gi, go: (gi[0], gi[0]))
    with pytest.raises(TypeError, match="size is 2 not equal to expect grad input size 1"):
        ms.grad(lambda t: cube(t).sum())(x)


def test_backward_hook_wrong_result_type():
    cube = Cube()
    cube.register_backward_pre_hook(lambda cell, go: 3.0)
    with pytest.raises(TypeError, match="backward pre hook must return"):
        ms.grad(lambda t: cube(t).sum())(Tensor(np.array([1.], np.float32)))


class Mul(nn.Cell):
    def construct(self, a, b):
        return a * b


def test_backward_hook_on_two_tensor_inputs_is_refused_clearly():
    m = Mul()
    m.register_backward_hook(lambda cell, gi, go: None)
    x = Tensor(np.array([1.], np.float32))
    with pytest.raises(TypeError, match="'Mul', a Cell with backward hooks takes at most one Tensor input"):
        ms.grad(lambda a, b: m(a, b).sum(), (0, 1))(x, x)
    np.testing.assert_allclose(m(x, x).asnumpy(), [1.])       # (forward alone: no hook involved)


def _buffered():
    net = nn.Dense(2, 2, weight_init=Tensor(np.eye(2, dtype=np.float32)), bias_init="zeros")
    net.register_buffer("steps", Tensor(np.array([4], np.int32)))
    return net


def test_buffers_survive_deepcopy_and_pickle():
    net = _buffered()
    count = nn.Cell.total_instance_count
    for clone in (copy.deepcopy(net), pickle.loads(pickle.dumps(net))):
        assert list(clone.state_dict()) == ["weight", "bias", "steps"]
        assert clone.steps.asnumpy().tolist() == [4]
        assert clone.steps is not net.steps
    assert nn.Cell.total_instance_count >= count     # copies are live Cells too (never negative bookkeeping)


def test_load_state_dict_writes_in_place():
    src, dst = _buffered(), _buffered()
    src.weight.set_data(Tensor(np.full((2, 2), 3., np.float32)))
    src.register_buffer("steps", Tensor(np.array([9], np.int32)))
    weight, steps = dst.weight, dst.steps
    dst.load_state_dict(src.state_dict())
    assert dst.weight is weight and dst.steps is steps
    assert weight.asnumpy().tolist() == [[3., 3.], [3., 3.]] and steps.asnumpy().tolist() == [9]
    assert src.weight.asnumpy().tolist() == [[3., 3.], [3., 3.]]         # the source is not aliased
    dst.weight.set_data(Tensor(np.zeros((2, 2), np.float32)))
    assert src.weight.asnumpy()[0, 0] == 3.


def test_state_dict_keep_vars_positional_is_deprecated():
    with pytest.warns(FutureWarning, match="Positional args are being deprecated"):
        sd = _buffered().state_dict(None, "p.")
    assert list(sd) == ["p.weight", "p.bias", "p.steps"]


def test_to_float16_then_train_step():
    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros").to(ms.float16)
    assert net.weight.dtype == ms.float16
    x = Tensor(np.array([[1., 2.]], np.float16))
    grads = ms.grad(lambda t: net(t).sum(), None, net.trainable_params())(x)
    assert [g.dtype for g in grads] == [ms.float16, ms.float16]
    np.testing.assert_allclose(grads[0].asnumpy(), [[1., 2.]])
    with pytest.raises(TypeError, match="Cell.to only accepts floating point"):
        net.to(ms.int8)


def test_apply_reaches_every_cell_once():
    seq = nn.SequentialCell([nn.Dense(2, 2), nn.ReLU(), nn.Dense(2, 1)])
    names = []
    seq.apply(lambda c: names.append(type(c).__name__))
    assert names == ["Dense", "ReLU", "Dense", "SequentialCell"]


def test_get_flags_follows_add_flags_recursive():
    seq = nn.SequentialCell([nn.Dense(2, 2)])
    seq.add_flags_recursive(defer_inline=True)
    assert seq.get_flags() == {"defer_inline": True} and seq[0].get_flags() == {"defer_inline": True}
    assert seq.defer_inline is True          # (the attribute minispore's code reads is still set)


def test_buffers_in_graph_mode():
    class WithMean(nn.Cell):
        def __init__(self):
            super().__init__()
            self.register_buffer("mean", Tensor(np.array([1., 2.], np.float32)))

        def construct(self, x):
            return x - self.mean
    net = WithMean()
    out = ms.jit(net.construct)(Tensor(np.array([3., 3.], np.float32)))
    np.testing.assert_allclose(out.asnumpy(), [2., 1.])
    assert ops.sum(out).asnumpy() == 3.


def test_graph_mode_sees_replaced_buffers_and_new_dtypes():
    class WithMean(nn.Cell):
        def __init__(self):
            super().__init__()
            self.register_buffer("mean", Tensor(np.array([1., 2.], np.float32)))

        def construct(self, x):
            return x - self.mean
    mode = ms.get_context("mode")
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        net = WithMean()
        x = Tensor(np.array([3., 3.], np.float32))
        assert net(x).asnumpy().tolist() == [2., 1.]
        net.mean.assign_value(Tensor(np.array([0., 1.], np.float32)))      # in place: the same Tensor
        assert net(x).asnumpy().tolist() == [3., 2.]
        net.register_buffer("mean", Tensor(np.array([5., 5.], np.float32)))
        assert net(x).asnumpy().tolist() == [-2., -2.]
        net.load_state_dict({"mean": Tensor(np.array([1., 1.], np.float32))})
        assert net(x).asnumpy().tolist() == [2., 2.]
        net.to(ms.float16)
        out = net(Tensor(np.array([3., 3.], np.float16)))
        assert out.dtype == ms.float16 and out.asnumpy().tolist() == [2., 2.]
    finally:
        ms.set_context(mode=mode)
