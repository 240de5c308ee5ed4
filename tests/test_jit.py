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

        class Network(nn.Cell):
            def __init__(self):
                super().__init__()
                self.flatten = nn.Flatten()
                self.dense_relu_sequential = nn.SequentialCell(nn.Dense(12, 16), nn.ReLU(), nn.Dense(16, 4))

            def construct(self, x):
                return self.dense_relu_sequential(self.flatten(x))

        model = Network()
        loss_fn = nn.CrossEntropyLoss()
        if optimizer_name == "Momentum":
            optimizer = nn.Momentum(model.trainable_params(), 0.1, 0.9)
        else:
            optimizer = getattr(nn, optimizer_name)(model.trainable_params(), 0.05)

        def forward_fn(data, label):
            logits = model(data)
            return loss_fn(logits, label), logits

        grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

        def train_step(data, label):
            (loss, _), grads = grad_fn(data, label)
            optimizer(grads)
            return loss

        return model, train_step

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
