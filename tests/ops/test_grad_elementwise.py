"""Gradients of every elementwise op: unary ops over shapes (), (1,), (3,), (2,3), (1,3) up to third order,
binary ops over all broadcasting pairs of those shapes (autograd's ``binary_ufunc_check``), dtypes kept; and their
forward values, in float64 and float32, against an independent NumPy/SciPy reference per table entry (``*_REFERENCE``),
plus MindSpore's semantics at ties, signs, NaN and integer inputs."""
import itertools
import zlib

import numpy as np
import pytest
import numpy_reference as sp   # NumPy/stdlib formulas: SciPy is an optional extra

import minispore as ms
from forward_check import FLOAT_DTYPES, as_f64, assert_forward
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


# Independent forward references (NumPy/SciPy formulas of MindSpore's documented behaviour, never minispore): the
# gradient checks above compare an op with its own finite differences, so only these catch a wrong forward formula.
UNARY_REFERENCE = {
    "neg": np.negative,
    "negative": np.negative,
    "exp": np.exp,
    "exp2": np.exp2,
    "expm1": np.expm1,
    "log": np.log,
    "log1p": np.log1p,
    "log2": np.log2,
    "log10": np.log10,
    "sqrt": np.sqrt,
    "rsqrt": lambda x: 1.0 / np.sqrt(x),
    "reciprocal": lambda x: 1.0 / x,
    "square": lambda x: x * x,
    "abs": np.abs,
    "absolute": np.abs,
    "sign": np.sign,
    "floor": np.floor,
    "ceil": np.ceil,
    "round": np.rint,                                   # half to even, as MindSpore's Round
    "trunc": np.trunc,
    "frac": lambda x: x - np.trunc(x),                  # keeps the sign of x: frac(-1.25) = -0.25
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "asin": np.arcsin,
    "acos": np.arccos,
    "atan": np.arctan,
    "arcsin": np.arcsin,
    "arccos": np.arccos,
    "arctan": np.arctan,
    "sinh": np.sinh,
    "cosh": np.cosh,
    "tanh": np.tanh,
    "asinh": np.arcsinh,
    "acosh": np.arccosh,
    "atanh": np.arctanh,
    "arcsinh": np.arcsinh,
    "arccosh": np.arccosh,
    "arctanh": np.arctanh,
    "erf": sp.erf,
    "sigmoid": sp.expit,
    "logit": sp.logit,
    "logit_eps": lambda x: sp.logit(np.clip(x, 0.2, 0.8)),      # MindSpore: x clipped to [eps, 1 - eps] first
    "nan_to_num": lambda x: np.nan_to_num(x, nan=0.0),
    "clamp": lambda x: np.clip(x, -0.9, 0.8),
    "clamp_min": lambda x: np.maximum(x, 0.5),
    "clip_max": lambda x: np.minimum(x, -0.5),
    "round_decimals": lambda x: np.round(x, 1),
    "identity": lambda x: x,
    "cast_roundtrip": lambda x: x,
    "tensor_pow_scalar": lambda x: x ** 3,
    "scalar_pow_tensor": lambda x: np.power(2.0, x),
    "rsub_scalar": lambda x: 1.5 - x,
    "rdiv_scalar": lambda x: 1.5 / x,
}

# the table's shapes plus one with enough elements to cover the domain
VALUE_SHAPES = SHAPES + [(7, 11)]


def test_every_unary_op_has_a_reference():
    assert sorted(UNARY_REFERENCE) == sorted(UNARY), \
        f"missing: {sorted(set(UNARY) - set(UNARY_REFERENCE))}, stale: {sorted(set(UNARY_REFERENCE) - set(UNARY))}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("shape", VALUE_SHAPES, ids=str)
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_values(name, shape, dtype):
    fn, domain = UNARY[name]
    x = domain(shape, _rng(name, shape, "values")).astype(dtype)
    assert_forward(fn(T(x, dtype)), UNARY_REFERENCE[name](as_f64(x)), dtype, what=f"{name}{shape}")


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

BINARY_REFERENCE = {
    "add": np.add,
    "sub": np.subtract,
    "subtract": np.subtract,
    "mul": np.multiply,
    "multiply": np.multiply,
    "div": np.divide,
    "divide": np.divide,
    "true_divide": np.divide,
    "pow": np.power,
    # MindSpore's CPU kernel is ``x > y ? x : y``: NaN only from the second argument (test_maximum_minimum_nan)
    "maximum": lambda x, y: np.where(x > y, x, y),
    "minimum": lambda x, y: np.where(x < y, x, y),
    "atan2": np.arctan2,
    # remainder: x - floor(x / y) * y, the sign of the divisor (MindSpore's documented formula)
    "remainder": lambda x, y: x - np.floor(x / y) * y,
    "mod": lambda x, y: x - np.floor(x / y) * y,      # minispore's ops.mod is remainder (divisor's sign)
    "floor_divide": lambda x, y: np.floor(x / y),
    "div_floor": lambda x, y: np.floor(x / y),
    "div_trunc": lambda x, y: np.trunc(x / y),
    "xlogy": sp.xlogy,
    "hypot": np.hypot,
    "lerp_half": lambda x, y: x + 0.3 * (y - x),
    "operator_add": np.add,
    "operator_rsub": lambda x, y: y - x,
    "operator_mul": np.multiply,
    "operator_div": np.divide,
    "operator_pow": np.power,
    "operator_mod": lambda x, y: x - np.floor(x / y) * y,
}


def test_every_binary_op_has_a_reference():
    assert sorted(BINARY_REFERENCE) == sorted(BINARY), \
        f"missing: {sorted(set(BINARY) - set(BINARY_REFERENCE))}, stale: {sorted(set(BINARY_REFERENCE) - set(BINARY))}"


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("shapes", PAIRS + [((4, 1, 5), (3, 1)), ((6, 7), (6, 7))], ids=lambda p: f"{p[0]}-{p[1]}")
@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_values(name, shapes, dtype):
    fn, dx, dy = BINARY[name]
    rng = _rng(name, shapes, "values")
    x, y = dx(shapes[0], rng).astype(dtype), dy(shapes[1], rng).astype(dtype)
    assert_forward(fn(T(x, dtype), T(y, dtype)), BINARY_REFERENCE[name](as_f64(x), as_f64(y)), dtype,
                   what=f"{name}{shapes}")


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


# ----------------------------------------------------------------------------- forward values: MindSpore's semantics
# Special inputs (ties, signs, zeros, NaN, infinities) where MindSpore's documented or recorded behaviour is specific;
# the expected values are again NumPy formulas of that behaviour (the table's references where they apply).
def _f(values, dtype):
    return np.array(values, dtype)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_round_is_half_to_even(dtype):
    # the example of MindSpore's documentation of ops.round: [0.8, 1.5, 2.3, 2.5, -4.5] -> [1, 2, 2, 2, -4]
    assert_forward(ops.round(T(_f([0.8, 1.5, 2.3, 2.5, -4.5], dtype), dtype)), [1.0, 2.0, 2.0, 2.0, -4.0], dtype)
    ties = _f([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5], dtype)
    assert_forward(ops.round(T(ties, dtype)), UNARY_REFERENCE["round"](as_f64(ties)), dtype)
    # with decimals (the documentation's second example; the scaling is done in the input's precision)
    assert_forward(ops.round(T(_f([0.81, 1.52, 2.35, 2.53, -4.57], np.float32), np.float32), decimals=1),
                   _f([0.8, 1.5, 2.4, 2.5, -4.6], np.float32).astype(np.float64), np.float32)


def test_round_keeps_an_integer_tensor():
    # MindSpore documents ops.round's output as "the same shape and data type as the input"
    i = np.array([1, -2, 3], np.int32)
    assert_forward(ops.round(T(i, np.int32)), i, np.int32)


@pytest.mark.parametrize("dtype", [np.int32, np.int64], ids=lambda d: np.dtype(d).name)
def test_round_of_an_integer_tensor_with_decimals_raises(dtype):
    # MindSpore 2.5+ documents a RuntimeError "if input type is int32 or int64, the decimals is not 0" (minispore
    # returned a Float32 tensor, against the documented "same data type as the input")
    with pytest.raises(RuntimeError):
        ops.round(T(np.array([1, -2, 3], dtype), dtype), decimals=1)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_frac_trunc_floor_ceil_keep_the_sign_rules(dtype):
    x = _f([-2.75, -1.25, -0.5, 0.5, 1.25, 2.75], dtype)
    for name in ("frac", "trunc", "floor", "ceil"):
        assert_forward(UNARY[name][0](T(x, dtype)), UNARY_REFERENCE[name](as_f64(x)), dtype, what=name)
    np.testing.assert_array_equal(ops.frac(T(x, dtype)).asnumpy(), _f([-0.75, -0.25, -0.5, 0.5, 0.25, 0.75], dtype))


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_maximum_minimum_nan(dtype):
    # MindSpore 2.10's CPU kernel is "x > y ? x : y" (tests/golden/core.json op/ew_maximum_nan: maximum(nan, 0) = 0,
    # maximum(1, nan) = nan); minimum is its mirror, "x < y ? x : y"
    x, y = _f([np.nan, 1.0, np.nan, 2.0], dtype), _f([0.0, np.nan, np.nan, -1.0], dtype)
    for name in ("maximum", "minimum"):
        assert_forward(BINARY[name][0](T(x, dtype), T(y, dtype)), BINARY_REFERENCE[name](as_f64(x), as_f64(y)),
                       dtype, what=name)
    np.testing.assert_array_equal(ops.maximum(T(x, dtype), T(y, dtype)).asnumpy(), _f([0, np.nan, np.nan, 2], dtype))


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_remainder_and_floor_divide_signs(dtype):
    # remainder takes the sign of the divisor: x - floor(x / y) * y
    x, y = _f([-7.0, -7.0, 7.0, 7.0, 5.5, -5.5], dtype), _f([3.0, -3.0, 3.0, -3.0, -2.0, 2.0], dtype)
    for name in ("remainder", "mod", "operator_mod", "floor_divide", "div_floor", "div_trunc"):
        assert_forward(BINARY[name][0](T(x, dtype), T(y, dtype)), BINARY_REFERENCE[name](as_f64(x), as_f64(y)),
                       dtype, what=name)
    np.testing.assert_array_equal(ops.remainder(T(x, dtype), T(y, dtype)).asnumpy(), _f([2, -1, 1, -2, -0.5, 0.5],
                                                                                           dtype))


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_division_by_zero_and_logs_of_non_positive_numbers(dtype):
    # tests/golden/core.json: op/ew_div_by_zero [inf, -inf, nan], op/ew_log_nonpos [-inf, nan], op/ew_sqrt_neg
    with np.errstate(divide="ignore", invalid="ignore"):
        x, zero = _f([1.0, -1.0, 0.0], dtype), _f([0.0, 0.0, 0.0], dtype)
        assert_forward(ops.div(T(x, dtype), T(zero, dtype)), as_f64(x) / as_f64(zero), dtype)
        assert_forward(ops.floor_divide(T(x, dtype), T(zero, dtype)), np.floor(as_f64(x) / as_f64(zero)), dtype)
        v = _f([0.0, -1.0], dtype)
        for name in ("log", "log2", "log10", "sqrt", "rsqrt", "log1p"):
            assert_forward(UNARY[name][0](T(v, dtype)), UNARY_REFERENCE[name](as_f64(v)), dtype, what=name)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_nan_to_num_defaults_and_values(dtype):
    # MindSpore: NaN -> nan (0.0), +inf -> posinf (the dtype's largest finite value when None), -inf -> neginf
    x = _f([np.nan, np.inf, -np.inf, -1.5, 0.0], dtype)
    info = np.finfo(dtype)
    assert_forward(ops.nan_to_num(T(x, dtype)), _f([0.0, info.max, info.min, -1.5, 0.0], dtype), dtype)
    assert_forward(ops.nan_to_num(T(x, dtype), 1.0, 2.0, -3.0), [1.0, 2.0, -3.0, -1.5, 0.0], dtype)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def test_clamp_with_min_above_max_gives_max(dtype):
    # MindSpore documents: "If min is greater than max, the value of all elements in input will be set to max"
    x = _f([-1.0, 0.5, 1.5, 3.0], dtype)
    assert_forward(ops.clamp(T(x, dtype), 2.0, 1.0), np.full(4, 1.0), dtype)
    assert_forward(ops.clamp(T(x, dtype), T(_f([2.0] * 4, dtype), dtype), T(_f([1.0] * 4, dtype), dtype)),
                   np.full(4, 1.0), dtype)


# float-only ops compute integer and bool inputs in float32 (MindSpore 2.3+ documents their output as "the same
# shape as the input", no longer "the same dtype"); sign-and-size ops keep the integer dtype (tests/golden/core.json
# op/ew_abs_int, op/ew_square_int, op/ew_sign_int, op/ew_pow_int, promote/neg_int); a float bound makes clamp Float32
# (op/ew_clamp_int_float_bound); a float scalar makes the result Float32 (promote/scalar_*)
INTEGER_INPUT_DTYPES = {
    **{name: np.float32 for name in (
        "exp", "exp2", "expm1", "log", "log1p", "log2", "log10", "sqrt", "rsqrt", "reciprocal", "sin", "cos", "tan",
        "asin", "acos", "atan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
        "arcsinh", "arccosh", "arctanh", "erf", "sigmoid", "logit", "clamp", "clamp_min", "clip_max",
        "scalar_pow_tensor", "rsub_scalar", "rdiv_scalar")},
    **{name: None for name in ("neg", "negative", "abs", "absolute", "square", "sign", "tensor_pow_scalar",
                               "identity")},
}


INTEGER_INPUT_CASES = [(name, dt) for name, out in sorted(INTEGER_INPUT_DTYPES.items())
                       for dt in ((np.int32, np.int64, np.bool_) if out else (np.int32, np.int64))]


@pytest.mark.parametrize("name,in_dtype", INTEGER_INPUT_CASES,
                         ids=lambda v: v if isinstance(v, str) else np.dtype(v).name)
def test_unary_integer_and_bool_inputs(name, in_dtype):
    out_dtype = INTEGER_INPUT_DTYPES[name]
    x = np.array([-3, -2, -1, 0, 1, 2, 3], in_dtype) if in_dtype != np.bool_ else np.array([True, False, True])
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if out_dtype is None:
            expected = UNARY_REFERENCE[name](x.astype(np.int64)).astype(in_dtype)
        else:
            expected = UNARY_REFERENCE[name](x.astype(np.float32).astype(np.float64))
        assert_forward(UNARY[name][0](T(x, in_dtype)), expected, np.float32, out_dtype=out_dtype or in_dtype,
                       what=f"{name} of {np.dtype(in_dtype).name}")
