"""Graph mode: jit-compiled functions give the eager results, fall back with a warning when they cannot be
traced, retrace on new signatures, and read Parameters afresh at every call."""
import warnings

import numpy as np
import pytest

import minispore as ms
from minispore import Parameter, Tensor, nn, ops


def tutorial_inputs(seed=0):
    rng = np.random.default_rng(seed)
    x = ops.ones(5, ms.float32)
    y = ops.zeros(3, ms.float32)
    w = Parameter(Tensor(rng.standard_normal((5, 3)).astype(np.float32)), name='w')
    b = Parameter(Tensor(rng.standard_normal(3).astype(np.float32)), name='b')
    return x, y, w, b


def function(x, y, w, b):
    z = ops.matmul(x, w) + b
    return ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))


def function_with_logits(x, y, w, b):
    z = ops.matmul(x, w) + b
    return ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z)), z


def assert_same(a, b):
    if isinstance(a, (tuple, list)):
        assert type(a) is type(b) and len(a) == len(b)
        for u, v in zip(a, b):
            assert_same(u, v)
    else:
        assert isinstance(b, Tensor) and a.dtype == b.dtype and a.shape == b.shape
        np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("make", [
    lambda: function,
    lambda: ms.grad(function, (2, 3)),
    lambda: ms.grad(function_with_logits, (2, 3)),
    lambda: ms.grad(function_with_logits, (2, 3), has_aux=True),
    lambda: ms.value_and_grad(function, (0, 2, 3)),
    lambda: ms.grad(ms.grad(lambda x, y, w, b: ops.sum(ops.sin(x) * x), 0), 0),
])
def test_jit_equals_eager(make):
    args = tutorial_inputs()
    fn = make()
    compiled = ms.jit(fn)
    expected = fn(*args)
    assert_same(expected, compiled(*args))    # the compiling call
    assert_same(expected, compiled(*args))    # a replay


def test_parameters_are_read_at_every_call():
    x, y, w, b = tutorial_inputs()

    def forward(x, y):
        return function(x, y, w, b)

    grad_fn = ms.jit(ms.value_and_grad(forward, None, weights=[w, b]))
    eager = ms.value_and_grad(forward, None, weights=[w, b])
    grad_fn(x, y)
    w.set_data(w * 2.0)
    b.set_data(b - 1.0)
    assert_same(eager(x, y), grad_fn(x, y))


def test_python_control_flow_on_values_falls_back_with_one_warning():
    calls = []

    @ms.jit
    def clipped(x):
        calls.append(1)
        if x.sum() > 0:
            return x * 2
        return x

    x = ops.ones(3, ms.float32)
    with pytest.warns(UserWarning, match=r"JIT Fallback.*if x.sum\(\) > 0"):
        out = clipped(x)
    np.testing.assert_array_equal(out.asnumpy(), [2, 2, 2])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(clipped(-x).asnumpy(), [-1, -1, -1])   # eager now, no new warning


def test_new_signature_recompiles_with_a_warning():
    f = ms.jit(lambda x: x * 2 + 1)
    f(ops.ones(3, ms.float32))
    f(ops.ones(3, ms.float32) * 5)
    assert f.compile_count == 1
    with pytest.warns(UserWarning, match="compiled again"):
        out = f(ops.ones((2, 2), ms.float32))
    assert out.shape == (2, 2) and f.compile_count == 2


def test_dead_code_and_common_subexpressions_are_removed():
    def f(x):
        unused = ops.exp(x) * 3      # noqa: F841
        return ops.sin(x) + ops.sin(x)

    compiled = ms.jit(f)
    x = Tensor(np.array([0.1, 0.2], np.float32))
    assert_same(f(x), compiled(x))
    graph = next(iter(compiled.graphs.values()))
    assert graph.n_eqns == 2            # one sin, one add


def test_jit_on_cell_construct_and_graph_mode():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(4, 3)

        @ms.jit
        def construct(self, x):
            return ops.relu(self.fc(x))

    net = Net()
    x = Tensor(np.random.default_rng(1).standard_normal((2, 4)).astype(np.float32))
    expected = ops.relu(net.fc(x))
    assert_same(expected, net(x))
    assert_same(expected, net(x))

    plain = nn.Dense(4, 3)
    eager = plain(x)
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        assert_same(eager, plain(x))
        assert_same(eager, plain(x))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def test_escaped_tracer_is_an_error():
    leaked = []

    @ms.jit
    def f(x):
        y = x + 1
        leaked.append(y)
        return y

    f(ops.ones(2, ms.float32))
    with pytest.raises(RuntimeError, match="after the function returned"):
        leaked[0] + 1


def test_constant_parts_of_a_gradient_are_folded():
    grad_fn = ms.jit(ms.grad(lambda x: ops.sum(x * 2.0)))
    x = Tensor(np.array([1.0, -3.0, 5.0], np.float32))
    np.testing.assert_array_equal(grad_fn(x).asnumpy(), [2, 2, 2])
    assert next(iter(grad_fn.graphs.values())).n_eqns == 0    # seed, broadcast and scale all folded
    out = grad_fn(x * 10)
    np.testing.assert_array_equal(out.asnumpy(), [2, 2, 2])
    out[0] = 7.0                                               # the caller's copy, not the folded constant
    np.testing.assert_array_equal(grad_fn(x).asnumpy(), [2, 2, 2])


@pytest.mark.parametrize("optimizer_name", ["SGD", "Momentum", "Adam"])
def test_tutorial_train_step_compiled_equals_eager(optimizer_name):
    def build():
        ms.set_seed(3)
        if optimizer_name == "Momentum":
            return _tutorial_train_step(lambda params: nn.Momentum(params, 0.1, 0.9))
        return _tutorial_train_step(lambda params: getattr(nn, optimizer_name)(params, 0.05))

    rng = np.random.default_rng(0)
    batches = [(Tensor(rng.standard_normal((8, 3, 4)).astype(np.float32)),
                Tensor(rng.integers(0, 4, 8).astype(np.int32))) for _ in range(4)]
    eager_model, eager_step = build()
    jit_model, jit_step = build()
    jit_step = ms.jit(jit_step)
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # compiled, not fallen back
        for data, label in batches:
            assert_same(eager_step(data, label), jit_step(data, label))
    for (_, p), (_, q) in zip(eager_model.parameters_and_names(), jit_model.parameters_and_names()):
        np.testing.assert_allclose(p.asnumpy(), q.asnumpy(), rtol=1e-6, atol=1e-7)


def _losses(step, n=4):
    return [float(step()) for _ in range(n)]


def test_operations_on_parameters_only_are_part_of_the_graph():
    def build():
        w = Parameter(Tensor(np.array([1.0, 1.0], np.float32)), name='w')
        log_s = Parameter(Tensor(np.zeros(2, np.float32)), name='log_s')
        optimizer = nn.SGD([w, log_s], 0.1)
        grad_fn = ms.value_and_grad(lambda: ops.sum((w * ops.exp(log_s)) ** 2), None, optimizer.parameters)

        def step():
            loss, grads = grad_fn()
            optimizer(grads)
            return loss
        return step

    eager = _losses(build())
    assert eager[0] > eager[1] > eager[2]                      # it trains
    np.testing.assert_allclose(_losses(ms.jit(build())), eager, rtol=1e-6)


def test_reads_after_an_optimizer_update_are_not_merged_with_reads_before_it():
    def build():
        w = Parameter(Tensor(np.array([1.0], np.float32)), name='w')
        optimizer = nn.SGD([w], 0.1)
        grad_fn = ms.value_and_grad(lambda x: ops.sum(x * w * w), None, [w])

        def two_steps(x):
            first, grads = grad_fn(x)
            optimizer(grads)
            second, _ = grad_fn(x)
            return first, second
        return two_steps

    x = Tensor(np.array([1.0], np.float32))
    expected = build()(x)
    assert float(expected[0]) != float(expected[1])
    assert_same(expected, ms.jit(build())(x))


def test_random_draws_are_not_frozen_into_the_graph():
    ones = ops.ones(1000, ms.float32)
    dropout = ms.jit(lambda x: ops.dropout(x, 0.5))
    assert (dropout(ones).asnumpy() != dropout(ones).asnumpy()).any()     # a new mask at every call
    noisy = ms.jit(lambda x: x + ops.rand(3))
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # ops.rand is a random primitive: traced, no fallback
        first = noisy(ops.ones(3, ms.float32))
        assert (first.asnumpy() != noisy(ops.ones(3, ms.float32)).asnumpy()).any()
    assert noisy.compile_count == 1


def test_keyword_arguments_in_any_order():
    f = ms.jit(lambda x, y: x - y)
    a, b = Tensor(np.array([5.0], np.float32)), Tensor(np.array([-4.0], np.float32))
    assert float(f(x=a, y=b)) == float(f(y=b, x=a)) == 9.0


def test_jit_method_compiles_per_instance():
    class Scale(nn.Cell):
        def __init__(self, v):
            super().__init__()
            self.v = v

        @ms.jit
        def construct(self, x):
            return x * self.v

    one = Tensor(np.array([1.0], np.float32))
    assert [float(Scale(v)(one)) for v in (1.0, 2.0, 3.0)] == [1.0, 2.0, 3.0]


def test_embedding_compiles_and_reads_new_ids_at_every_call():
    ms.set_seed(0)
    emb = nn.Embedding(10, 3)
    f = ms.jit(lambda ids: emb(ids))
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # traced, no fallback
        for ids in ([1, 2, 3], [9, 0, 4]):
            t = Tensor(np.array(ids, np.int32))
            np.testing.assert_array_equal(f(t).asnumpy(), emb.embedding_table.asnumpy()[ids])
    with pytest.raises(IndexError, match="Gather.*indices must be in.*10"):
        ops.gather(emb.embedding_table, Tensor(np.array([10], np.int32)), 0)
    with pytest.raises(IndexError, match="Gather.*indices must be in.*10"):     # also when the graph runs
        f(Tensor(np.array([1, 10, 2], np.int32)))


@pytest.mark.parametrize("fn", [lambda x: ops.topk(x, 2)[0], lambda x: ops.sort(x, descending=True)[0],
                                lambda x: ops.max(x, 1)[0], lambda x: ops.median(x, 1)[0],
                                lambda x: ops.argsort(x), lambda x: ops.isclose(x, x * 1.0000001)])
def test_sorting_and_arg_reductions_compile(fn):
    x = Tensor(np.random.default_rng(0).random((3, 4)).astype(np.float32))
    compiled = ms.jit(fn)
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # their orders are primitives now: traced, no fallback
        out = compiled(x)
    assert_same(fn(x), out)
    y = Tensor(np.random.default_rng(1).random((3, 4)).astype(np.float32))
    assert_same(fn(y), compiled(y))


# ----------------------------------------------------------------------------- tracing with shape rules
def test_tracing_runs_no_kernel():
    """jit traces with the primitives' shape rules: not one impl runs while a train step is traced."""
    from minispore._core import primitive as _primitive
    from minispore._core.primitive import Primitive
    ran = []
    saved = {p: p.impl for p in Primitive.registry.values()}

    def watch(p, impl):
        def run(*a, **k):
            if _primitive.staging_active():
                ran.append(p.name)
            return impl(*a, **k)
        return run

    for p in Primitive.registry.values():
        p.impl = watch(p, p.impl)
    try:
        step, x, y = _train_step(64)
        compiled = ms.jit(step)
        compiled(x, y)
    finally:
        for p, impl in saved.items():
            p.impl = impl
    assert compiled.compile_count == 1 and ran == []


def _tutorial_net():
    class Network(nn.Cell):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.dense_relu_sequential = nn.SequentialCell(nn.Dense(12, 16), nn.ReLU(), nn.Dense(16, 4))

        def construct(self, x):
            return self.dense_relu_sequential(self.flatten(x))
    return Network()


def _batch(n, seed=0):
    rng = np.random.default_rng(seed)
    return (Tensor(rng.random((n, 3, 4)).astype(np.float32)),
            Tensor(rng.integers(0, 4, n).astype(np.int32)))


def _tutorial_train_step(make_optimizer):
    """The quick start's model and train step (value_and_grad over the optimizer's parameters)."""
    model = _tutorial_net()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = make_optimizer(model.trainable_params())

    def forward_fn(data, label):
        logits = model(data)
        return loss_fn(logits, label), logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    return model, train_step


def _train_step(n, seed=0):
    ms.set_seed(seed)
    _, train_step = _tutorial_train_step(lambda params: nn.SGD(params, 1e-2))
    x, y = _batch(n)
    return train_step, x, y


# ----------------------------------------------------------------------------- recompilation
def test_a_failing_call_does_not_make_the_function_eager_for_good():
    f = ms.jit(lambda x, w: ops.matmul(x, w) * 2)
    w = ops.ones((3, 2), ms.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # no fallback warning: the error is the function's own
        with pytest.raises((ValueError, RuntimeError), match="matmul|MatMul"):
            f(ops.ones((4, 5), ms.float32), w)
        out = f(ops.ones((4, 3), ms.float32), w)
    np.testing.assert_array_equal(out.asnumpy(), np.full((4, 2), 6.0))
    assert f.compile_count == 1 and f.fallback is None


def test_an_untraceable_signature_runs_eagerly_and_the_others_still_compile():
    @ms.jit
    def f(x):
        if x.shape[0] == 2 and float(x.sum()) > 0:     # needs a value, for this shape only
            return x * 3
        return x * 2

    with pytest.warns(UserWarning, match="JIT Fallback"):
        np.testing.assert_array_equal(f(ops.ones(2, ms.float32)).asnumpy(), [3, 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.testing.assert_array_equal(f(ops.ones(3, ms.float32)).asnumpy(), [2, 2, 2])
    assert f.compile_count == 1         # the (3,) signature compiled; the (2,) one runs eagerly


def test_the_recompile_warning_is_shown_once_per_function_with_a_count():
    f = ms.jit(lambda x: x + 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for n in range(1, 6):
            f(ops.ones(n, ms.float32))
    messages = [str(w.message) for w in caught if "compiled again" in str(w.message)]
    assert len(messages) == 1 and "2 compilations" in messages[0]
    assert f.compile_count == 5


def test_dynamic_batch_declared_with_input_signature_compiles_once():
    step, _, _ = _train_step(8)
    eager, _, _ = _train_step(8)
    compiled = ms.jit(step, input_signature=(Tensor(shape=[None, 3, 4], dtype=ms.float32),
                                             Tensor(shape=[None], dtype=ms.int32)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # no recompilation warning
        for n in (64, 32, 17, 64, 5):
            x, y = _batch(n, seed=n)
            np.testing.assert_allclose(float(compiled(x, y)), float(eager(x, y)), rtol=1e-5)
    assert compiled.compile_count == 1
    with pytest.raises(ValueError, match="input_signature.*dimension 1.*5"):
        compiled(Tensor(np.ones((2, 5, 4), np.float32)), Tensor(np.zeros(2, np.int32)))
    with pytest.raises(TypeError, match="Tensor\\[Float32\\].*Float64"):
        compiled(Tensor(np.ones((2, 3, 4))), Tensor(np.zeros(2, np.int32)))


def test_dynamic_batch_declared_with_set_inputs_compiles_once_in_graph_mode():
    ms.set_seed(0)
    net = _tutorial_net()
    reference = _tutorial_net()
    for p, q in zip(reference.trainable_params(), net.trainable_params()):
        p.set_data(q)
    net.set_inputs(Tensor(shape=[None, 3, 4], dtype=ms.float32))
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for n in (4, 9, 33):
                x, _ = _batch(n, seed=n)
                out = net(x)
                assert out.shape == (n, 4)
                ms.set_context(mode=ms.PYNATIVE_MODE)
                np.testing.assert_allclose(out.asnumpy(), reference(x).asnumpy(), rtol=1e-6)
                ms.set_context(mode=ms.GRAPH_MODE)
        graph_fn = net.__dict__["_graph_fns"][False]
        assert graph_fn.compile_count == 1
        with pytest.raises(ValueError, match="set_inputs.*3 dimensions"):
            net(Tensor(np.ones((2, 12), np.float32)))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def test_dynamic_dimensions_that_were_equal_stay_equal():
    """Dimensions equal at the first call share a symbol; a call where they differ gets its own graph."""
    f = ms.jit(lambda a, b: a * b, input_signature=(Tensor(shape=[None], dtype=ms.float32),
                                                    Tensor(shape=[None], dtype=ms.float32)))
    np.testing.assert_array_equal(f(ops.ones(4, ms.float32), ops.ones(4, ms.float32) * 2).asnumpy(), [2] * 4)
    np.testing.assert_array_equal(f(ops.ones(6, ms.float32), ops.ones(6, ms.float32) * 3).asnumpy(), [3] * 6)
    assert f.compile_count == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.testing.assert_array_equal(f(ops.ones(6, ms.float32), ops.ones(1, ms.float32) * 5).asnumpy(), [5] * 6)
    assert f.compile_count == 2


# ----------------------------------------------------------------------------- effects and checks in graphs
def test_batchnorm_training_step_compiles_and_updates_the_moving_statistics():
    def make():
        ms.set_seed(3)
        net = nn.SequentialCell([nn.Dense(5, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Dense(4, 3)])
        step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.CrossEntropyLoss()), nn.SGD(net.trainable_params(), .1))
        step.set_train()
        return net, step

    rng = np.random.default_rng(0)
    x = Tensor(rng.random((8, 5)).astype(np.float32))
    y = Tensor(rng.integers(0, 3, 8).astype(np.int32))
    net_e, step_e = make()
    net_j, step_j = make()
    compiled = ms.jit(step_j.construct)
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # traced: no fallback
        for _ in range(3):
            np.testing.assert_allclose(float(compiled(x, y)), float(step_e(x, y)), rtol=1e-5)
    assert compiled.compile_count == 1
    for name in ("moving_mean", "moving_variance"):
        np.testing.assert_allclose(getattr(net_j[1], name).asnumpy(), getattr(net_e[1], name).asnumpy(), rtol=1e-5)
    assert not np.allclose(net_j[1].moving_mean.asnumpy(), 0)


@pytest.mark.parametrize("loss", [lambda l, t: ops.cross_entropy(l, t),
                                  lambda l, t: ops.cross_entropy(l, t, reduction="none"),
                                  lambda l, t: ops.nll_loss(ops.log_softmax(l, 1), t)])
def test_compiled_losses_check_their_labels_at_every_call(loss):
    from minispore._core.errors import LabelOutOfRangeError
    logits = Tensor(np.random.default_rng(0).random((3, 5)).astype(np.float32))
    f = ms.jit(loss)
    good = Tensor(np.array([0, 4, 2], np.int32))
    assert_same(loss(logits, good), f(logits, good))
    for bad, shown in (([0, 7, 1], "7"), ([-1, 0, 1], "-1")):
        with pytest.raises(LabelOutOfRangeError, match=shown):
            f(logits, Tensor(np.array(bad, np.int32)))
        with pytest.raises(LabelOutOfRangeError, match=shown):
            loss(logits, Tensor(np.array(bad, np.int32)))
    with pytest.raises(RuntimeError):       # MindSpore's class for a label out of range
        f(logits, Tensor(np.array([9, 0, 0], np.int32)))
    assert f.compile_count == 1
    ignored = Tensor(np.array([-100, 1, -100], np.int32))    # ignore_index is not out of range
    assert_same(loss(logits, ignored), f(logits, ignored))
