"""Training wrappers (WithLossCell, TrainOneStepCell, WithEvalCell, WithGradCell, ForwardValueAndGrad) against
MindSpore 2.10 goldens and the functional API."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden"))
import gen_optim as G  # noqa: E402

GOLD = np.load(G.OUT)


@pytest.mark.parametrize("name", G.WRAP_CASES)
def test_wrapper_trajectory_matches_mindspore(name):
    prefix = f"wrap:{name}:"
    exp = {k[len(prefix):]: GOLD[k] for k in GOLD.files if k.startswith(prefix)}
    got = G.run_wrap(ms, name)
    assert sorted(got) == sorted(exp)
    for k, e in exp.items():
        if e.dtype.kind in "US":
            assert [str(x) for x in got[k]] == [str(x) for x in e]
        else:
            assert got[k].dtype == e.dtype, k
            np.testing.assert_allclose(got[k], e, rtol=1e-4, atol=1e-6, err_msg=k)


WRAP_ERRORS = [n for n in G.error_cases(ms) if n.startswith("wrap")]


@pytest.mark.parametrize("name", WRAP_ERRORS)
def test_argument_errors_match_mindspore(name):
    cls, msg = (str(x) for x in GOLD[f"err:{name}"])
    assert G.record_error(G.error_cases(ms)[name]) == (cls, msg)


def setup():
    net = G.make_net(ms, "mlp")
    return net, nn.CrossEntropyLoss(), Tensor(G.X4), Tensor(G.Y_CLS)


def test_with_loss_cell_keeps_names_and_matches_functional():
    net, loss_fn, x, y = setup()
    names = [p.name for p in net.trainable_params()]
    wl = nn.WithLossCell(net, loss_fn)
    assert wl.backbone_network is net
    assert [p.name for p in wl.trainable_params()] == names
    np.testing.assert_allclose(wl(x, y).asnumpy(), loss_fn(net(x), y).asnumpy(), rtol=1e-6)


def test_train_one_step_equals_manual_loop():
    net_a, loss_fn, x, y = setup()
    net_b, _, _, _ = setup()
    opt_a = nn.Adam(net_a.trainable_params(), 0.05)
    train = nn.TrainOneStepCell(nn.WithLossCell(net_a, loss_fn), opt_a)
    opt_b = nn.Adam(net_b.trainable_params(), 0.05)
    grad_fn = ms.value_and_grad(lambda d, l: loss_fn(net_b(d), l), None, opt_b.parameters)
    for _ in range(3):
        la = train(x, y)
        lb, grads = grad_fn(x, y)
        opt_b(grads)
        np.testing.assert_allclose(la.asnumpy(), lb.asnumpy(), rtol=1e-6)
        assert la._trace is None
    for pa, pb in zip(net_a.trainable_params(), net_b.trainable_params()):
        np.testing.assert_allclose(pa.asnumpy(), pb.asnumpy(), rtol=1e-6)
        assert pa._trace is None
    assert train.weights is opt_a.parameters and train.sens == 1.0 and not train.sense_flag


def test_train_one_step_sens_tensor_scales_gradients():
    net_a, loss_fn, x, y = setup()
    net_b, _, _, _ = setup()
    ta = nn.TrainOneStepCell(nn.WithLossCell(net_a, loss_fn), nn.SGD(net_a.trainable_params(), 0.1),
                             sens=Tensor(np.float32(3.0)))
    tb = nn.TrainOneStepCell(nn.WithLossCell(net_b, loss_fn), nn.SGD(net_b.trainable_params(), 0.3))
    ta(x, y)
    tb(x, y)
    for pa, pb in zip(net_a.trainable_params(), net_b.trainable_params()):
        np.testing.assert_allclose(pa.asnumpy(), pb.asnumpy(), rtol=1e-5, atol=1e-7)


def test_with_grad_cell_and_forward_value_and_grad_get_all():
    net, loss_fn, x, y = setup()
    weights = net.trainable_params()
    expected = ms.grad(lambda d, l: loss_fn(net(d), l), None, weights)(x, y)
    got = nn.WithGradCell(net, loss_fn)(x, y)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g.asnumpy(), e.asnumpy(), rtol=1e-6)
    fvg = nn.ForwardValueAndGrad(nn.WithLossCell(net, loss_fn), weights=weights, get_all=True, get_by_list=True)
    loss, (input_grads, weight_grads) = fvg(x, y)
    np.testing.assert_allclose(loss.asnumpy(), loss_fn(net(x), y).asnumpy(), rtol=1e-6)
    assert input_grads[0].shape == x.shape
    for g, e in zip(weight_grads, expected):
        np.testing.assert_allclose(g.asnumpy(), e.asnumpy(), rtol=1e-6)


def test_with_eval_cell_cast():
    net, loss_fn, x, y = setup()
    loss, out, label = nn.WithEvalCell(net, loss_fn, add_cast_fp32=True)(x, y)
    assert out.dtype == ms.float32
    np.testing.assert_array_equal(label.asnumpy(), y.asnumpy())
    np.testing.assert_allclose(loss.asnumpy(), loss_fn(net(x), y).asnumpy(), rtol=1e-6)


@pytest.mark.parametrize("get_by_list", [False, True])
def test_forward_value_and_grad_runs_the_network_once(get_by_list):
    # review regression: with get_all, ForwardValueAndGrad ran the network once for the loss and again for the
    # gradients (so BatchNorm statistics and Dropout masks of the returned loss were not those of the gradients)
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
