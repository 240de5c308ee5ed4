"""Check minispore's scatter, in-place and indexing ops (minispore/ops/function/scatter_func.py, the classes of
minispore/ops/operations/scatter_ops.py) against MindSpore 2.10.0 (CPU, PyNative): one row per case in
tests/golden/cases_scatter.py, recorded in tests/golden/scatter.json by ``/tmp/msref/bin/python
tests/golden/gen_scatter.py``. A case compares the printed Primitive, its ``name`` and its outputs (structure, dtype
and shape exactly, floats to rtol 1e-5 / atol 1e-6), the Parameters after a writing call, for differentiable rows
the gradient through ``ms.grad``; a recorded error must be raised as the same class.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_scatter.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_scatter  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_scatter, "scatter.json").tests())


def test_every_added_name_has_a_row():
    """Every function scatter_func.py exports (and ops.slice) and every class of scatter_ops.py is in a row."""
    from minispore.ops.function import scatter_func
    from minispore.ops.operations import scatter_ops
    used = {r[0] for r in cases_scatter.PRIM_ROWS} | {r[1] for r in cases_scatter.STATE_ROWS} | \
        {r[1] for r in cases_scatter.FUNC_ROWS}
    names = set(scatter_func.__all__) | {"slice"} | set(scatter_ops.__all__) | set(scatter_ops.MATH_OPS)
    missing = sorted(names - used)
    assert not missing, f"names without a golden row: {missing}"


def test_the_classes_are_in_mindspores_submodules():
    """``mindspore.ops.X`` and ``mindspore.ops.operations.<array_ops|math_ops>.X`` are the same class."""
    import minispore.ops as ops
    from minispore.ops.operations import array_ops, math_ops, scatter_ops
    for name in scatter_ops.__all__:
        assert getattr(array_ops, name) is getattr(ops, name) is getattr(scatter_ops, name), name
    for name in scatter_ops.MATH_OPS:
        assert getattr(math_ops, name) is getattr(ops, name) is getattr(scatter_ops, name), name


def test_a_compiled_step_writes_the_parameter_at_every_call():
    """Under jit the write is an effect replayed at each call (checked against a NumPy loop), and an out-of-range
    index raises naming the operation."""
    import numpy as np
    import pytest
    import minispore as ms
    from minispore import Parameter, Tensor, ops
    w = Parameter(Tensor(np.zeros((3, 2), np.float32)), name="w")

    @ms.jit
    def step(i, u):
        ops.scatter_add(w, i, u)
        return ops.tensor_scatter_max(w, ops.expand_dims(i, -1), u)

    expected = np.zeros((3, 2), np.float32)
    i, u = np.array([1, 1, 2], np.int32), np.arange(6, dtype=np.float32).reshape(3, 2)
    for _ in range(2):
        out = step(Tensor(i), Tensor(u))
        for k, r in enumerate(i):
            expected[r] += u[k]
    np.testing.assert_allclose(w.asnumpy(), expected)
    np.testing.assert_allclose(out.asnumpy(), np.maximum(expected, np.array([[0, 0], [2, 3], [4, 5]])))
    with pytest.raises(IndexError, match="ScatterAdd"):
        step(Tensor(np.array([5, 1, 0], np.int32)), Tensor(u))


def _grad_through(fn):
    import minispore as ms
    idx = ms.Tensor(np.array([0, 1], np.int32))
    p = ms.Parameter(ms.Tensor(np.ones((3, 2), np.float32)), name="written")
    w = ms.Tensor(np.arange(6, dtype=np.float32).reshape(3, 2))
    return ms.grad(lambda u: (fn(p, idx, u) * w).sum())(ms.Tensor(np.ones((2, 2), np.float32))), p


@pytest.mark.parametrize("name", ["scatter_add", "scatter_update", "scatter_max"])
def test_a_gradient_through_a_parameter_scatter_is_an_error_not_a_zero(name):
    """MindSpore 2.10: "Illegal primitive ScatterAdd's bprop not defined"; before, minispore's came out as zeros."""
    from minispore import ops
    from minispore._core.errors import MissingRuleError
    with pytest.raises(MissingRuleError, match="no derivative is defined: it writes into a Parameter"):
        _grad_through(getattr(ops, name))


@pytest.mark.parametrize("make", [lambda ops: (lambda p, i, u: ops.inplace_index_add(p, i, u, 0)),
                                  lambda ops: (lambda p, i, u: ops.IndexAdd(0)(p, i, u))],
                         ids=["inplace_index_add", "IndexAdd"])
def test_index_add_into_a_parameter_is_differentiated_as_mindspore(make):
    from minispore import ops
    grad, p = _grad_through(make(ops))
    np.testing.assert_array_equal(grad.asnumpy(), [[0., 1.], [2., 3.]])        # MindSpore 2.10's gradient
    np.testing.assert_array_equal(p.asnumpy(), [[2., 2.], [2., 2.], [1., 1.]])   # and the write happened
