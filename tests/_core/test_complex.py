"""Complex64 / Complex128: the types, their promotion, the elementwise ops on them against NumPy, and gradients of
real -> complex -> real chains (complex functions and FFTs) against float64 central differences. The MindSpore
2.10 recordings of the same ops are in tests/golden/complex.json (tests/test_golden_complex.py)."""
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import ops
from minispore._core import dtype as mstype
from minispore.ops.function.complex_func import complex as make_complex

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden"))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from util import check_grads  # noqa: E402

rng = np.random.default_rng(7)
Z = (rng.uniform(-1, 1, (2, 3)) + 1j * rng.uniform(-1, 1, (2, 3))).astype(np.complex64)


def test_types_print_and_map_to_numpy():
    assert str(ms.complex64) == "Complex64" and repr(ms.complex128) == "mindspore.complex128"
    assert ms.complex64.np_dtype == np.complex64 and mstype.complex_type == (ms.complex64, ms.complex128)
    t = ms.Tensor(Z)
    assert t.dtype == ms.complex64 and t.asnumpy().dtype == np.complex64
    np.testing.assert_array_equal(t.asnumpy(), Z)
    assert ms.Tensor(Z.astype(np.complex128)).dtype == ms.complex128


@pytest.mark.parametrize("other, expected", [
    (np.float16, "Complex64"), (np.float32, "Complex64"), (np.float64, "Complex128"), (np.int32, "Complex64"),
    (np.int64, "Complex64"), (np.bool_, "Complex64"), (np.uint8, "Complex64")])
def test_promotion_with_real_types(other, expected):
    """MindSpore 2.10's rule (recorded by hand from its ops.add): the complex type wins, Float64 widens Complex64."""
    assert str(mstype.promote(ms.complex64, mstype.from_numpy(np.dtype(other)))) == expected
    assert mstype.promote(ms.complex128, mstype.from_numpy(np.dtype(other))) is ms.complex128
    assert mstype.promote(ms.complex64, ms.complex128) is ms.complex128


def test_python_complex_scalars_are_refused_in_arithmetic():
    with pytest.raises(TypeError, match="complex"):
        ops.add(ms.Tensor(Z), 1 + 2j)


@pytest.mark.parametrize("name, np_fn", [
    ("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("equal", np.equal),
    ("not_equal", np.not_equal)])
def test_binary_against_numpy(name, np_fn):
    w = Z[::-1].copy()
    out = getattr(ops, name)(ms.Tensor(Z), ms.Tensor(w))
    np.testing.assert_allclose(out.asnumpy(), np_fn(Z, w), rtol=1e-6)


def test_abs_keeps_the_complex_dtype_and_cast_takes_the_real_part():
    out = ops.abs(ms.Tensor(Z))
    assert out.dtype == ms.complex64           # MindSpore's Abs of a complex tensor (complex.json: abs)
    np.testing.assert_allclose(out.asnumpy(), np.abs(Z).astype(np.complex64), rtol=1e-6)
    np.testing.assert_array_equal(ops.cast(ms.Tensor(Z), ms.float32).asnumpy(), Z.real)
    np.testing.assert_array_equal(ops.cast(ms.Tensor(np.array([1j, 0.5], np.complex64)), ms.bool_).asnumpy(),
                                  [False, True])


@pytest.mark.parametrize("name, np_fn", [
    ("exp", np.exp), ("log", np.log), ("sqrt", np.sqrt), ("sin", np.sin), ("cos", np.cos), ("tanh", np.tanh),
    ("reciprocal", np.reciprocal)])
def test_unary_float_ops_on_complex(name, np_fn):
    out = getattr(ops, name)(ms.Tensor(Z))
    assert out.dtype == ms.complex64
    np.testing.assert_allclose(out.asnumpy(), np_fn(Z), rtol=1e-5)


@pytest.mark.parametrize("name", ["tan", "erf", "asin", "sigmoid", "var"])
def test_float_only_ops_without_complex_rules_refuse_complex(name):
    with pytest.raises(TypeError, match=f"For '{name}', the input must be a real tensor, but got Complex64"):
        getattr(ops, name)(ms.Tensor(Z))


def test_div_on_complex():
    w = Z[::-1].copy()
    out = ops.div(ms.Tensor(Z), ms.Tensor(w))
    assert out.dtype == ms.complex64
    np.testing.assert_allclose(out.asnumpy(), Z / w, rtol=1e-5)


# ----------------------------------------------------------------------------- gradients of real chains
def _parts(z):
    return ops.concat([ops.real(z), ops.imag(z)], 0)


X = rng.uniform(-1, 1, (3, 4))
Y = rng.uniform(-1, 1, (3, 4))
CHAINS = {
    "complex_abs": (lambda x, y: ops.ComplexAbs()(make_complex(x + 2.0, y)), [X, Y]),
    "angle": (lambda x, y: ops.angle(make_complex(x + 2.0, y)), [X, Y]),
    "polar": (lambda r, t: _parts(ops.polar(r + 2.0, t)), [X, Y]),
    "mul_conj": (lambda x, y: _parts(ops.mul(make_complex(x, y), ops.conj(make_complex(y, x)))), [X, Y]),
    "square": (lambda x, y: _parts(ops.square(make_complex(x, y))), [X, Y]),
    "exp": (lambda x, y: _parts(ops.exp(make_complex(x, y))), [X, Y]),
    "log": (lambda x, y: _parts(ops.log(make_complex(x + 2.0, y))), [X, Y]),
    "sqrt": (lambda x, y: _parts(ops.sqrt(make_complex(x + 2.0, y))), [X, Y]),
    "reciprocal": (lambda x, y: _parts(ops.reciprocal(make_complex(x + 2.0, y))), [X, Y]),
    "sin": (lambda x, y: _parts(ops.sin(make_complex(x, y))), [X, Y]),
    "cos": (lambda x, y: _parts(ops.cos(make_complex(x, y))), [X, Y]),
    "tanh": (lambda x, y: _parts(ops.tanh(make_complex(x, y))), [X, Y]),
    "div": (lambda x, y: _parts(ops.div(make_complex(x, y), make_complex(y + 2.0, x))), [X, Y]),
    "abs": (lambda x, y: ops.real(ops.abs(make_complex(x + 2.0, y))), [X, Y]),
    "view_as_real": (lambda x, y: ops.view_as_real(make_complex(x, y) * make_complex(y, x)), [X, Y]),
    "fft_n": (lambda x: _parts(ops.fft(x, n=6, norm="ortho")), [X]),
    "ifft2_s": (lambda x, y: _parts(ops.ifft2(make_complex(x, y), s=(2, 5))), [X, Y]),
    "fftn": (lambda x, y: _parts(ops.fftn(make_complex(x, y), norm="forward")), [X, Y]),
    "rfft": (lambda x: _parts(ops.rfft(x, n=5)), [X]),
    "irfft": (lambda x, y: ops.irfft(make_complex(x, y), n=7), [X, Y]),
    "irfft2": (lambda x, y: ops.irfft2(make_complex(x, y), norm="ortho"), [X, Y]),
    "rfftn": (lambda x: _parts(ops.rfftn(x)), [X]),
    "hfft": (lambda x, y: ops.hfft(make_complex(x, y)), [X, Y]),
    "ihfft": (lambda x: _parts(ops.ihfft(x)), [X]),
    "ihfft2": (lambda x: _parts(ops.ihfft2(x, norm="ortho")), [X]),
    "hfftn": (lambda x, y: ops.hfftn(make_complex(x, y), s=(3, 4)), [X, Y]),
    "stft": (lambda x, w: ops.stft(x, 4, hop_length=2, window=w + 2.0, return_complex=False),
             [rng.uniform(-1, 1, (2, 10)), rng.uniform(-1, 1, (4,))]),
}


@pytest.mark.parametrize("name", sorted(CHAINS))
def test_real_chain_gradients_against_central_differences(name):
    f, args = CHAINS[name]
    check_grads(f, args, order=2)


def _loss_np(x):
    y = np.fft.ihfft(x)
    w = np.linspace(-1, 1, y.size)
    return float((y.real * w).sum() + (y.imag * (2 * w - 0.5)).sum())


def test_ihfft_gradient_is_not_mirrored():
    """MindSpore 2.10's ihfft gradient is mirrored (DELIBERATE in cases_complex.py); minispore's agrees with
    central differences of the same loss."""
    x = rng.uniform(-1, 1, 8)
    w = ms.Tensor(np.linspace(-1, 1, 5))

    def loss(t):
        y = ops.ihfft(t)
        return ops.sum(ops.real(y) * w) + ops.sum(ops.imag(y) * (w * 2 - 0.5))
    g = ms.grad(loss)(ms.Tensor(x)).asnumpy()
    eye = np.eye(8) * 1e-6
    numeric = np.array([(_loss_np(x + eye[i]) - _loss_np(x - eye[i])) / 2e-6 for i in range(8)])
    np.testing.assert_allclose(g, numeric, rtol=1e-6, atol=1e-8)


def test_fft_against_numpy_and_errors():
    x = rng.uniform(-1, 1, (3, 4)).astype(np.float32)
    np.testing.assert_allclose(ops.fft2(ms.Tensor(x), s=(4, 2)).asnumpy(), np.fft.fft2(x, s=(4, 2)), rtol=1e-5,
                               atol=1e-6)
    np.testing.assert_allclose(ops.irfftn(ops.rfftn(ms.Tensor(x))).asnumpy(), x, rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="norm"):
        ops.fft(ms.Tensor(x), norm="xx")
    with pytest.raises(ValueError, match="dim"):
        ops.fft(ms.Tensor(x), dim=2)
    with pytest.raises(ValueError, match="same length"):
        ops.fft2(ms.Tensor(x), s=(3,))


def test_complex_ops_under_jit():
    @ms.jit
    def f(x):
        return ops.real(ops.ifft(ops.fft(x) * 2)), ops.angle(ops.polar(x + 2.0, x))

    x = np.linspace(-1, 1, 6).astype(np.float32)
    re, ang = f(ms.Tensor(x))
    np.testing.assert_allclose(re.asnumpy(), 2 * x, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(ang.asnumpy(), x, rtol=1e-5, atol=1e-6)

    @ms.jit
    def bad(x):
        return ops.fft(x, norm="bad")
    with pytest.raises(ValueError, match="norm"):
        bad(ms.Tensor(x))


def test_matmul_complex_gradient():
    c = ms.Tensor(rng.uniform(-1, 1, (3, 2)) + 1j * rng.uniform(-1, 1, (3, 2)))
    check_grads(lambda x, y: ops.view_as_real(ops.matmul(make_complex(x, y), c)),
                [rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 3))], order=1)
    d = ms.Tensor(rng.uniform(-1, 1, (4, 2)) + 1j * rng.uniform(-1, 1, (4, 2)))
    check_grads(lambda x, y: ops.view_as_real(ops.matmul(d, make_complex(x, y))),         # the right operand
                [rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 3))], order=1)
    v = ms.Tensor(rng.uniform(-1, 1, 3) + 1j * rng.uniform(-1, 1, 3))
    check_grads(lambda x, y: ops.view_as_real(ops.matmul(make_complex(x, y), v)),         # matrix @ vector
                [rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 3))], order=1)


@pytest.mark.parametrize("data, shape", [(1 + 2j, ()), ([1 + 2j, 3], (2,)), ([[1j], [2]], (2, 1)), ((1.5, 2j), (2,))])
def test_python_complex_data_makes_complex128_tensors(data, shape):
    """MindSpore 2.10: ``Tensor(1+2j)`` and lists holding complex numbers are Complex128."""
    t = ms.Tensor(data)
    assert t.dtype == ms.complex128 and t.shape == shape
    np.testing.assert_array_equal(t.asnumpy(), np.array(data, np.complex128))


def test_complex_data_as_a_real_dtype_keeps_the_real_part(recwarn):
    assert ms.Tensor(1 + 2j, ms.float32).asnumpy() == 1.0          # MindSpore prints 1.0
    assert ms.Tensor(1 + 2j, ms.complex64).dtype == ms.complex64
    assert not [w for w in recwarn if issubclass(w.category, np.exceptions.ComplexWarning if hasattr(
        np, "exceptions") else np.ComplexWarning)]


def test_tensor_methods_on_complex_tensors():
    t = ms.Tensor(np.array([[1 + 2j, -3 + 0j], [0.5j, 2 - 1j]], np.complex64))
    z = t.asnumpy()
    assert t.is_complex() and not ms.Tensor(X).is_complex()
    np.testing.assert_array_equal(t.real().asnumpy(), z.real)
    np.testing.assert_array_equal(t.imag().asnumpy(), z.imag)
    np.testing.assert_array_equal(t.conj().asnumpy(), z.conj())
    np.testing.assert_allclose(t.angle().asnumpy(), np.angle(z), rtol=1e-6)
    np.testing.assert_array_equal(t.isreal().asnumpy(), z.imag == 0)
    np.testing.assert_array_equal(t.H.asnumpy(), z.conj().T)
    np.testing.assert_array_equal(t.mH.asnumpy(), z.conj().T)


@pytest.mark.parametrize("name", ["mean", "sum", "prod"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_complex_reductions_keep_the_imaginary_part(name, axis):
    z = np.array([[1 + 2j, 3 - 1j], [0.5j, 2]], np.complex64)
    args = () if axis is None else (axis,)
    out = getattr(ops, name)(ms.Tensor(z), *args)
    assert out.dtype == ms.complex64
    np.testing.assert_allclose(out.asnumpy(), getattr(np, name)(z, axis=axis), rtol=1e-6)


def test_complex_mean_gradient():
    check_grads(lambda x, y: _parts(ops.mean(make_complex(x, y), 1)), [X, Y], order=1)
