"""The primitive registry: every primitive is one complete entry, and a missing derivative is an error."""
import numpy as np
import pytest

import minispore as ms
from minispore import ops
from minispore._core.errors import MissingRuleError
from minispore._core.primitive import NONDIFF, Primitive, VariadicRule, bind
from minispore._core.tensor import _wrap

PRIMS = sorted(Primitive.registry.values(), key=lambda p: p.name)


@pytest.mark.parametrize("prim", PRIMS, ids=lambda p: p.name)
def test_every_primitive_is_a_complete_entry(prim):
    assert callable(prim.impl), "no impl"
    assert callable(prim.abstract), "no shape rule"
    assert prim.arity is None or (isinstance(prim.arity, int) and prim.arity >= 0)
    assert prim.vjps is not None, "no VJP rules (NONDIFF marks an argument without a derivative)"
    if prim.arity is not None:
        assert len(prim.vjps) == prim.arity
        for rule in prim.vjps:
            assert rule is NONDIFF or callable(rule)


def test_the_registry_holds_the_families():
    names = {p.name for p in PRIMS}
    for expected in ("Add", "Exp", "ReduceSum", "Reshape", "Getitem", "Gather", "MatMul", "Softmax",
                     "SparseSoftmaxCrossEntropy", "Fill", "RandomDraw", "Assign", "AddN"):
        assert expected in names
    assert len(PRIMS) > 100


def test_names_are_unique():
    with pytest.raises(ValueError, match="already defined"):
        Primitive("Add", lambda x, y: x + y, 2, lambda x, y: (x.shape, x.dtype))


def test_the_rule_count_is_checked_against_the_arity():
    p = Primitive("TestArity", lambda x, y: x, 2, lambda x, y: (x.shape, x.dtype))
    try:
        with pytest.raises(TypeError, match="'TestArity' has 2 arguments but 1 VJP rules"):
            p.def_vjp(lambda dout, out, x, y: dout)
        with pytest.raises(TypeError, match="must be a function or NONDIFF"):
            p.def_vjp(lambda dout, out, x, y: dout, None)
        v = Primitive("TestVariadic", lambda *xs: xs[0], None, lambda *xs: (xs[0].shape, xs[0].dtype))
        with pytest.raises(TypeError, match="any number of arguments"):
            v.def_vjp(lambda dout, out, *xs: dout)
        v.def_vjp(VariadicRule(lambda i, dout, out, *xs: dout))
    finally:
        Primitive.registry.pop("TestArity")
        Primitive.registry.pop("TestVariadic", None)


def test_a_missing_rule_is_an_error_naming_the_primitive_and_the_argument():
    double = Primitive("TestNoRule", lambda x, y: x * 2 + y, 2, lambda x, y: (x.shape, x.dtype))
    try:
        x = _wrap(np.ones(3))
        # untraced, and with no gradient flowing through it: fine
        assert bind(double, x, x).shape == (3,)
        with pytest.raises(MissingRuleError, match="For 'TestNoRule', no derivative rule.*argument 1"):
            ms.grad(lambda a, b: ops.sum(bind(double, a, b)), 1)(x, x)
        assert isinstance(MissingRuleError("x"), NotImplementedError)
    finally:
        Primitive.registry.pop("TestNoRule")


def test_not_differentiable_is_a_zero_on_purpose():
    x = _wrap(np.array([3.0, 1.0, 2.0]))
    g = ms.grad(lambda a: ops.sum(a * ops.cast(ops.argmax(a), ms.float64)))(x)
    np.testing.assert_array_equal(g.asnumpy(), [0.0, 0.0, 0.0])     # argmax(x) = 0: d/dx (x * 0) = 0
    g = ms.grad(lambda a: ops.sum(ops.where(a > 1.5, a, a * 0)))(x)
    np.testing.assert_array_equal(g.asnumpy(), [1.0, 0.0, 1.0])      # the condition itself has no gradient


def test_tensor_methods_are_listed_once_and_all_exist():
    from minispore._core.tensor import TENSOR_METHODS, Tensor
    assert len(TENSOR_METHODS) == len(set(TENSOR_METHODS))
    missing = [m for m in TENSOR_METHODS if not hasattr(Tensor, m)]
    assert missing == []
