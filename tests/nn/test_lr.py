"""Learning-rate schedules (Cells) and dynamic learning-rate lists against MindSpore 2.10 goldens."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Parameter, Tensor, nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden"))
import gen_optim as G  # noqa: E402

GOLD = np.load(G.OUT)


@pytest.mark.parametrize("name", list(G.lr_schedules(ms)))
def test_schedule_values(name):
    got = G.run_schedule(ms, G.lr_schedules(ms)[name])
    np.testing.assert_allclose(got, GOLD[f"lr_sched:{name}"], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("name", list(G.lr_functions(ms)))
def test_function_values(name):
    got = G.lr_functions(ms)[name]()
    assert isinstance(got, list) and all(isinstance(v, float) for v in got)
    np.testing.assert_allclose(np.array(got), GOLD[f"lr_fn:{name}"], rtol=1e-12, atol=0)


LR_ERRORS = [n for n in G.error_cases(ms) if n.startswith("lr")]


@pytest.mark.parametrize("name", LR_ERRORS)
def test_argument_errors_match_mindspore(name):
    cls, msg = (str(x) for x in GOLD[f"err:{name}"])
    assert G.record_error(G.error_cases(ms)[name]) == (cls, msg)


@pytest.mark.parametrize("sched", list(G.lr_schedules(ms).values()), ids=list(G.lr_schedules(ms)))
def test_schedule_output_is_float32_tensor_of_the_step_shape(sched):
    out = sched(Tensor(np.array(3, np.int32)))
    assert isinstance(out, Tensor) and out.dtype == ms.float32 and out.shape == ()
    out = sched(Tensor(np.array([3], np.int32)))     # the optimizer's global_step has shape (1,)
    assert out.dtype == ms.float32 and out.shape == (1,)
    assert out._trace is None


def test_exported_names():
    for name in ("ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR", "PolynomialDecayLR",
                 "WarmUpLR", "piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr",
                 "inverse_decay_lr", "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr"):
        assert hasattr(nn, name), name
    # as in MindSpore, the base class lives in the module only
    assert not hasattr(nn, "LearningRateSchedule")
    assert issubclass(nn.WarmUpLR, nn.learning_rate_schedule.LearningRateSchedule)


def test_optimizer_evaluates_schedule_each_step():
    w = Parameter(Tensor(np.zeros(1, np.float32)), name="w")
    sched = nn.ExponentialDecayLR(0.1, 0.5, 1)
    opt = nn.SGD([w], learning_rate=sched)
    assert opt.learning_rate is sched and opt.dynamic_lr
    seen = []
    for _ in range(4):
        lr = opt.get_lr()
        assert isinstance(lr, Tensor) and lr.shape == () and lr.dtype == ms.float32
        seen.append(float(lr.asnumpy()))
        opt((Tensor(np.ones(1, np.float32)),))
    np.testing.assert_allclose(seen, [0.1, 0.05, 0.025, 0.0125], rtol=1e-6)
    np.testing.assert_allclose(w.asnumpy(), [-sum(seen)], rtol=1e-6)


def test_custom_schedule_built_from_ops():
    class Halve(nn.learning_rate_schedule.LearningRateSchedule):
        def construct(self, global_step):
            return 0.4 / (ms.ops.cast(global_step, ms.float32) + 1.0)

    w = Parameter(Tensor(np.zeros(1, np.float32)), name="w")
    opt = nn.SGD([w], learning_rate=Halve())
    for _ in range(2):
        opt((Tensor(np.ones(1, np.float32)),))
    np.testing.assert_allclose(w.asnumpy(), [-0.6], rtol=1e-6)


def test_list_and_tensor_learning_rates():
    for lr in ([0.1, 0.2, 0.3], Tensor(np.array([0.1, 0.2, 0.3], np.float32)), (0.1, 0.2, 0.3)):
        w = Parameter(Tensor(np.zeros(1, np.float32)), name="w")
        opt = nn.SGD([w], learning_rate=lr)
        assert type(opt.learning_rate).__name__ == "_IteratorLearningRate"
        assert [n for n, _ in opt.parameters_and_names()][-1] == "learning_rate.learning_rate"
        for _ in range(3):
            opt((Tensor(np.ones(1, np.float32)),))
        np.testing.assert_allclose(w.asnumpy(), [-0.6], rtol=1e-6)
