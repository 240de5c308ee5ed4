"""Tracing state is per thread: one thread compiling a jit function never sees or changes another's work."""
import threading

import numpy as np

import minispore as ms
from minispore import nn, ops


def _model(seed):
    ms.set_seed(seed)
    net = nn.SequentialCell([nn.Dense(6, 8), nn.ReLU(), nn.Dense(8, 3)])
    opt = nn.SGD(net.trainable_params(), 0.1)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.CrossEntropyLoss()), opt)
    step.set_train()
    return step


def _data():
    rng = np.random.default_rng(0)
    return ms.Tensor(rng.random((16, 6)).astype(np.float32)), ms.Tensor(rng.integers(0, 3, 16).astype(np.int32))


def _train(step, x, y, n, seen):
    losses = []
    for _ in range(n):
        loss = step(x, y)
        value = loss.asnumpy()
        seen.append(type(value))
        losses.append(float(value))
        # eager code that reads values while another thread traces
        seen.append(type(ops.mean(x * 2).asnumpy()))
    return losses


def test_one_thread_compiles_while_another_trains():
    x, y = _data()
    reference = _train(_model(1), x, y, 30, [])

    inside = threading.Event()
    release = threading.Event()
    compiled_results = []

    def slow_to_trace(a):
        # while this thread traces, the training thread runs many eager steps and reads values
        out = a * 2
        inside.set()
        release.wait(10)
        return ops.sum(out + 1)

    compiled = ms.jit(slow_to_trace)

    def compiler():
        compiled_results.append(compiled(ms.Tensor(np.arange(4, dtype=np.float32))))

    errors = []
    seen = []

    def trainer():
        try:
            inside.wait(10)
            losses.extend(_train(_model(1), x, y, 30, seen))
        except Exception as e:      # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            release.set()

    losses = []
    threads = [threading.Thread(target=compiler), threading.Thread(target=trainer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert set(seen) == {np.ndarray}, "an eager value read during another thread's compile was not an array"
    np.testing.assert_allclose(losses, reference, rtol=1e-6)
    assert float(compiled_results[0]) == float(np.sum(np.arange(4) * 2 + 1))
    assert compiled.compile_count == 1


def test_two_threads_training_eagerly_and_under_jit_agree():
    x, y = _data()
    reference = _train(_model(2), x, y, 20, [])
    results = {}

    # (the models are built first: set_seed and the initializers' draws share one global generator, as in
    # MindSpore, so two threads building models at once would interleave their draws)
    models = {"eager": _model(2), "jit": _model(2)}

    def run(name, use_jit):
        step = models[name]
        fn = ms.jit(step.construct) if use_jit else step
        results[name] = [float(fn(x, y)) for _ in range(20)]

    threads = [threading.Thread(target=run, args=("eager", False)), threading.Thread(target=run, args=("jit", True))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    np.testing.assert_allclose(results["eager"], reference, rtol=1e-6)
    np.testing.assert_allclose(results["jit"], reference, rtol=1e-5)
