"""Gradients of every elementwise op: unary ops over shapes (), (1,), (3,), (2,3), (1,3) up to third order,
binary ops over all broadcasting pairs of those shapes (autograd's ``binary_ufunc_check``), dtypes kept."""
import itertools
import zlib

import numpy as np
import pytest

import minispore as ms
from minispore import ops
from util import T, check_dtypes, check_grads

SHAPES = [(), (1,), (3,), (2, 3), (1, 3)]


def _rng(*key):
    return np.random.default_rng(zlib.crc32(repr(key).encode()))   # str hashes vary between runs


def normal(shape, rng):
    # values kept away from 0 (kinks of abs/sign/relu and the like)
    x = rng.uniform(0.3, 1.5, shape) * rng.choice([-1.0, 1.0], shape)
    return np.asarray(x)


def positive(shape, rng):
    return np.asarray(rng.uniform(0.5, 2.0, shape))


def unit(shape, rng):
    return np.asarray(rng.uniform(-0.8, 0.8, shape))


def prob(shape, rng):
    return np.asarray(rng.uniform(0.1, 0.9, shape))


def above_one(shape, rng):
    return np.asarray(rng.uniform(1.3, 3.0, shape))


def off_integer(shape, rng):
    # piecewise-constant ops: keep away from the jumps
    return np.asarray(rng.integers(-3, 3, shape) + rng.uniform(0.2, 0.8, shape))


UNARY = {
    "neg": (ops.neg, normal),
    "negative": (ops.negative, normal),
    "exp": (ops.exp, normal),
    "exp2": (ops.exp2, normal),
    "expm1": (ops.expm1, normal),
    "log": (ops.log, positive),
    "log1p": (ops.log1p, positive),
    "log2": (ops.log2, positive),
    "log10": (ops.log10, positive),
    "sqrt": (ops.sqrt, positive),
    "rsqrt": (ops.rsqrt, positive),
    "reciprocal": (ops.reciprocal, positive),
    "square": (ops.square, normal),
    "abs": (ops.abs, normal),
    "absolute": (ops.absolute, normal),
    "sign": (ops.sign, normal),
    "floor": (ops.floor, off_integer),
    "ceil": (ops.ceil, off_integer),
    "round": (ops.round, off_integer),
    "trunc": (ops.trunc, off_integer),
    "frac": (ops.frac, off_integer),
    "sin": (ops.sin, normal),
    "cos": (ops.cos, normal),
    "tan": (ops.tan, unit),
    "asin": (ops.asin, unit),
    "acos": (ops.acos, unit),
    "atan": (ops.atan, normal),
    "arcsin": (ops.arcsin, unit),
    "arccos": (ops.arccos, unit),
    "arctan": (ops.arctan, normal),
    "sinh": (ops.sinh, normal),
    "cosh": (ops.cosh, normal),
    "tanh": (ops.tanh, normal),
    "asinh": (ops.asinh, normal),
    "acosh": (ops.acosh, above_one),
    "atanh": (ops.atanh, unit),
    "arcsinh": (ops.arcsinh, normal),
    "arccosh": (ops.arccosh, above_one),
    "arctanh": (ops.arctanh, unit),
    "erf": (ops.erf, normal),
    "sigmoid": (ops.sigmoid, normal),
    "logit": (ops.logit, prob),
    "logit_eps": (lambda x: ops.logit(x, eps=0.2), prob),
    "nan_to_num": (ops.nan_to_num, normal),
    "clamp": (lambda x: ops.clamp(x, -0.9, 0.8), normal),
    "clamp_min": (lambda x: ops.clamp(x, min=0.5), normal),
    "clip_max": (lambda x: ops.clip(x, max=-0.5), normal),
    "round_decimals": (lambda x: ops.round(x, decimals=1), lambda s, r: off_integer(s, r) / 10 + 0.005),
    "identity": (ops.identity, normal),
    "cast_roundtrip": (lambda x: ops.cast(ops.cast(x, ms.float64), x.dtype), normal),
    "tensor_pow_scalar": (lambda x: x ** 3, normal),
    "scalar_pow_tensor": (lambda x: 2.0 ** x, normal),
    "rsub_scalar": (lambda x: 1.5 - x, normal),
    "rdiv_scalar": (lambda x: 1.5 / x, positive),
}


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary(name, shape):
    fn, domain = UNARY[name]
    x = domain(shape, _rng(name, shape))
    check_grads(fn, [x], order=2)


# third order on one shape per op (the jvp of the vjp of the vjp...)
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_third_order(name):
    fn, domain = UNARY[name]
    check_grads(fn, [domain((2, 3), _rng(name, 3))], order=3, modes=("rev",))


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_dtypes(name):
    fn, domain = UNARY[name]
    check_dtypes(fn, [domain((2, 3), _rng(name))])


def not_near_multiple(shape, rng):
    return positive(shape, rng)


BINARY = {
    "add": (ops.add, normal, normal),
    "sub": (ops.sub, normal, normal),
    "subtract": (ops.subtract, normal, normal),
    "mul": (ops.mul, normal, normal),
    "multiply": (ops.multiply, normal, normal),
    "div": (ops.div, normal, normal),
    "divide": (ops.divide, normal, normal),
    "true_divide": (ops.true_divide, normal, normal),
    "pow": (ops.pow, positive, normal),
    "maximum": (ops.maximum, normal, normal),
    "minimum": (ops.minimum, normal, normal),
    "atan2": (ops.atan2, normal, normal),
    "remainder": (ops.remainder, normal, lambda s, r: positive(s, r) + 2.5),
    "mod": (ops.mod, normal, lambda s, r: -positive(s, r) - 2.5),
    "floor_divide": (ops.floor_divide, off_integer, lambda s, r: np.ones(s)),
    "div_floor": (lambda x, y: ops.div(x, y, rounding_mode="floor"), off_integer, lambda s, r: np.ones(s)),
    "div_trunc": (lambda x, y: ops.div(x, y, rounding_mode="trunc"), off_integer, lambda s, r: np.ones(s)),
    "xlogy": (ops.xlogy, normal, positive),
    "hypot": (ops.hypot, normal, normal),
    "lerp_half": (lambda x, y: ops.lerp(x, y, 0.3), normal, normal),
    "operator_add": (lambda x, y: x + y, normal, normal),
    "operator_rsub": (lambda x, y: y - x, normal, normal),
    "operator_mul": (lambda x, y: x * y, normal, normal),
    "operator_div": (lambda x, y: x / y, normal, normal),
    "operator_pow": (lambda x, y: x ** y, positive, normal),
    "operator_mod": (lambda x, y: x % y, normal, lambda s, r: positive(s, r) + 2.5),
}

PAIRS = list(itertools.product(SHAPES, SHAPES))


@pytest.mark.parametrize("shapes", PAIRS, ids=lambda p: f"{p[0]}-{p[1]}")
@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_broadcast(name, shapes):
    fn, dx, dy = BINARY[name]
    rng = _rng(name, shapes)
    check_grads(fn, [dx(shapes[0], rng), dy(shapes[1], rng)], order=1)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_higher_order(name):
    fn, dx, dy = BINARY[name]
    rng = _rng(name, "order")
    check_grads(fn, [dx((2, 3), rng), dy((3,), rng)], order=2)
    check_grads(fn, [dx((1, 3), rng), dy((2, 1), rng)], order=3, modes=("rev",))


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_dtypes(name):
    fn, dx, dy = BINARY[name]
    rng = _rng(name, "dtype")
    check_dtypes(fn, [dx((2, 3), rng), dy((2, 3), rng)])


def test_lerp_weight_tensor():
    rng = _rng("lerp")
    check_grads(ops.lerp, [normal((2, 3), rng), normal((3,), rng), prob((2, 1), rng)], order=2)


def test_addmm():
    rng = _rng("addmm")
    check_grads(lambda b, m1, m2: ops.addmm(b, m1, m2, beta=0.5, alpha=2.0),
                [normal((3,), rng), normal((2, 4), rng), normal((4, 3), rng)], order=2)


# ----------------------------------------------------------------------------- values at kinks and ties
# (MindSpore 2.10's conventions, recorded from /tmp/msref)
def test_abs_grad_at_zero():
    g = ops.grad(lambda x: ops.abs(x).sum())(T([-1.0, 0.0, 2.0]))
    np.testing.assert_array_equal(g.asnumpy(), [-1.0, 0.0, 1.0])   # MindSpore: [-1, 0, 1]


def test_maximum_minimum_ties():
    x, y = T([1.0, 2.0, 3.0]), T([1.0, 1.0, 4.0])
    gx, gy = ops.grad(lambda a, b: ops.maximum(a, b).sum(), (0, 1))(x, y)
    # MindSpore 2.10 splits the gradient equally between tied arguments
    np.testing.assert_array_equal(gx.asnumpy(), MAXIMUM_TIE[0])
    np.testing.assert_array_equal(gy.asnumpy(), MAXIMUM_TIE[1])
    gx, gy = ops.grad(lambda a, b: ops.minimum(a, b).sum(), (0, 1))(x, y)
    np.testing.assert_array_equal(gx.asnumpy(), MINIMUM_TIE[0])
    np.testing.assert_array_equal(gy.asnumpy(), MINIMUM_TIE[1])


MAXIMUM_TIE = ([0.5, 1.0, 0.0], [0.5, 0.0, 1.0])   # MindSpore: ([0.5, 1, 0], [0.5, 0, 1])
MINIMUM_TIE = ([0.5, 0.0, 1.0], [0.5, 1.0, 0.0])   # MindSpore: ([0.5, 0, 1], [0.5, 1, 0])


def test_pow_grad_at_zero_base():
    gx, gy = ops.grad(lambda a, b: ops.pow(a, b).sum(), (0, 1))(T([0.0, 2.0]), T([2.0, 3.0]))
    np.testing.assert_allclose(gx.asnumpy(), [0.0, 12.0])
    np.testing.assert_allclose(gy.asnumpy(), [0.0, 8 * np.log(2.0)])   # MindSpore: dy = 0 at x == 0


def test_clamp_at_bounds():
    # MindSpore: the gradient passes to x on the closed interval [min, max], to min/max only strictly outside
    x, lo, hi = T([0.0, 0.5, 1.0, 2.0]), T([0.5] * 4), T([1.5, 1.5, 1.0, 1.5])
    gx, glo, ghi = ops.grad(lambda a, b, c: ops.clamp(a, b, c).sum(), (0, 1, 2))(x, lo, hi)
    np.testing.assert_array_equal(gx.asnumpy(), [0.0, 1.0, 1.0, 0.0])
    np.testing.assert_array_equal(glo.asnumpy(), [1.0, 0.0, 0.0, 0.0])
    np.testing.assert_array_equal(ghi.asnumpy(), [0.0, 0.0, 0.0, 1.0])
    g = ops.grad(lambda a: ops.clamp(a, 0.0, 1.0).sum())(T([0.0, 0.5, 1.0, 2.0]))
    np.testing.assert_array_equal(g.asnumpy(), [1.0, 1.0, 1.0, 0.0])   # MindSpore: [1, 1, 1, 0]


def test_xlogy_at_zero():
    gx, gy = ops.grad(lambda a, b: ops.xlogy(a, b).sum(), (0, 1))(T([0.0, 1.0]), T([0.0, 2.0]))
    np.testing.assert_allclose(gx.asnumpy(), [0.0, np.log(2.0)])   # MindSpore: [0, 0.693147]
    # MindSpore gives dy = NaN (0/0) at x = y = 0; we give 0
    np.testing.assert_allclose(gy.asnumpy()[1], 0.5)


def test_relu_clamp_at_kinks():
    g = ops.grad(lambda x: ops.relu(x).sum())(T([-1.0, 0.0, 1.0]))
    np.testing.assert_array_equal(g.asnumpy(), [0.0, 0.0, 1.0])    # MindSpore: relu'(0) = 0


def test_integer_grads_are_integer():
    x = ops.cast(T([1.0, 2.0, 3.0]), np.int32)
    g = ops.grad(lambda a: (a * a).sum())(x)
    assert g.dtype == x.dtype
    np.testing.assert_array_equal(g.asnumpy(), [2, 4, 6])


def test_grad_grad_grad_polynomial():
    f = lambda x: 3 * x ** 4 - 2 * x ** 3 + x * x - 7 * x + 1   # noqa: E731
    x = T(1.5)
    d1 = ops.grad(f)
    d2 = ops.grad(d1)
    d3 = ops.grad(d2)
    d4 = ops.grad(d3)
    np.testing.assert_allclose(d1(x).asnumpy(), 12 * 1.5 ** 3 - 6 * 1.5 ** 2 + 2 * 1.5 - 7)
    np.testing.assert_allclose(d2(x).asnumpy(), 36 * 1.5 ** 2 - 12 * 1.5 + 2)
    np.testing.assert_allclose(d3(x).asnumpy(), 72 * 1.5 - 12)
    np.testing.assert_allclose(d4(x).asnumpy(), 72)
    assert d3(x).dtype == x.dtype
