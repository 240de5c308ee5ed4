"""Complex-number and FFT primitives: ``Real``, ``Imag``, ``Conj``, ``Complex``, ``Angle``, ``ComplexAbs`` and the
discrete Fourier transforms on ``xp.fft`` (complex-to-complex, real-to-complex, complex-to-real) with the resize
(crop or zero-pad) that their ``n``/``s`` arguments do.

Gradients follow MindSpore's (and PyTorch's) convention for complex values, checked against ``ms.grad`` in
tests/golden/complex.json: the cotangent of a complex ``z`` for a real loss L is dL/dRe(z) + i dL/dIm(z), so a
complex-linear map's rule is its adjoint (the FFT's is the inverse FFT with the dual normalisation), ``Imag``'s is
``i * dout`` and ``Real``'s ``dout + 0i``.
"""
import math

from ._base import Primitive, bind, xp
from .elementwise import add, div, mul, neg, square

_DUAL_NORM = {"backward": "forward", "forward": "backward", "ortho": "ortho"}


def _complex_of(np_dtype):
    """The complex dtype that holds a float dtype's values (complex64 for float32 and below)."""
    return xp.dtype(xp.complex128) if np_dtype in (xp.float64, xp.complex128) else xp.dtype(xp.complex64)


def _real_of(np_dtype):
    return xp.dtype(xp.float64) if np_dtype == xp.complex128 else xp.dtype(xp.float32)


# ----------------------------------------------------------------------------- complex parts
def _part_abstract(x, **params):
    return x.shape, _real_of(x.dtype)


real_p = Primitive("Real", lambda x: xp.real(x).copy(), 1, _part_abstract)
imag_p = Primitive("Imag", lambda x: xp.imag(x).copy(), 1, _part_abstract)
conj_p = Primitive("Conj", xp.conjugate, 1, lambda x: (x.shape, x.dtype))
angle_p = Primitive("Angle", lambda x: xp.angle(x).astype(_real_of(x.dtype)), 1, _part_abstract)
complex_abs_p = Primitive("ComplexAbs", lambda x: xp.abs(x).astype(_real_of(x.dtype)), 1, _part_abstract)


def _complex_impl(re, im):
    out = xp.empty(xp.broadcast_shapes(re.shape, im.shape), _complex_of(re.dtype))
    out.real, out.imag = re, im
    return out


complex_p = Primitive("Complex", _complex_impl, 2,
                      lambda re, im: (re.shape if len(re.shape) >= len(im.shape) else im.shape,
                                      _complex_of(re.dtype)))


def real(x):
    return bind(real_p, x)


def imag(x):
    return bind(imag_p, x)


def conj(x):
    return bind(conj_p, x)


def angle(x):
    return bind(angle_p, x)


def complex_abs(x):
    return bind(complex_abs_p, x)


def complex_(re, im):
    """``re + i * im`` of two real tensors of one dtype and shape."""
    return bind(complex_p, re, im)


def _zeros(t):
    from .elementwise import zeros_like
    return zeros_like(t)


real_p.def_vjp(lambda dout, out, x: complex_(dout, _zeros(dout)))
imag_p.def_vjp(lambda dout, out, x: complex_(_zeros(dout), dout))
conj_p.def_vjp(lambda dout, out, x: conj(dout))
complex_p.def_vjp(lambda dout, out, re, im: real(dout), lambda dout, out, re, im: imag(dout))


def _angle_vjp(dout, out, x):
    # angle = atan2(Im, Re): d/dRe = -Im / |z|^2, d/dIm = Re / |z|^2
    re, im = real(x), imag(x)
    r2 = add(square(re), square(im))
    return complex_(neg(div(mul(dout, im), r2)), div(mul(dout, re), r2))


def _complex_abs_vjp(dout, out, x):
    # |z| = sqrt(Re^2 + Im^2): d/dRe = Re / |z|, d/dIm = Im / |z|
    return complex_(div(mul(dout, real(x)), out), div(mul(dout, imag(x)), out))


angle_p.def_vjp(_angle_vjp)
complex_abs_p.def_vjp(_complex_abs_vjp)


# ----------------------------------------------------------------------------- resize (the n / s arguments)
def _resize_impl(x, shape):
    if tuple(x.shape) == tuple(shape):
        return x.copy()
    out = xp.zeros(shape, x.dtype)
    common = tuple(slice(0, min(a, b)) for a, b in zip(x.shape, shape))
    out[common] = x[common]
    return out


fft_resize_p = Primitive("FFTResize", _resize_impl, 1, lambda x, shape: (tuple(shape), x.dtype))


def fft_resize(x, shape):
    """``x`` cropped or zero-padded (at the end of each dimension) to ``shape``; a no-op when it already fits."""
    shape = tuple(int(d) for d in shape)
    if tuple(x.shape) == shape:
        return x
    return bind(fft_resize_p, x, shape=shape)


# the adjoint of a crop is a zero-pad and the other way round
fft_resize_p.def_vjp(lambda dout, out, x, shape: fft_resize(dout, x.shape))


# ----------------------------------------------------------------------------- transforms
def _c2c_impl(x, axes, inverse, norm):
    f = xp.fft.ifftn if inverse else xp.fft.fftn
    return f(x, axes=axes, norm=norm).astype(x.dtype, copy=False)


def _r2c_impl(x, axes, norm):
    return xp.fft.rfftn(x, axes=axes, norm=norm).astype(_complex_of(x.dtype), copy=False)


def _c2r_sizes(shape, axes, last):
    return [shape[a] for a in axes[:-1]] + [last]


def _c2r_impl(x, axes, last, norm):
    s = _c2r_sizes(x.shape, axes, last)
    return xp.fft.irfftn(x, s=s, axes=axes, norm=norm).astype(_real_of(x.dtype), copy=False)


def _r2c_abstract(x, axes, norm):
    shape = list(x.shape)
    shape[axes[-1]] = shape[axes[-1]] // 2 + 1
    return tuple(shape), _complex_of(x.dtype)


def _c2r_abstract(x, axes, last, norm):
    shape = list(x.shape)
    shape[axes[-1]] = last
    return tuple(shape), _real_of(x.dtype)


fft_c2c_p = Primitive("FFTC2C", _c2c_impl, 1, lambda x, axes, inverse, norm: (x.shape, x.dtype))
fft_r2c_p = Primitive("FFTR2C", _r2c_impl, 1, _r2c_abstract)
fft_c2r_p = Primitive("FFTC2R", _c2r_impl, 1, _c2r_abstract)


def fft_c2c(x, axes, inverse, norm):
    """The n-dimensional DFT (``inverse``: its inverse) over ``axes`` of a complex tensor."""
    return bind(fft_c2c_p, x, axes=tuple(axes), inverse=bool(inverse), norm=norm)


def fft_r2c(x, axes, norm):
    """``rfftn``: the DFT of a real tensor over ``axes``, the last of them halved to n // 2 + 1."""
    return bind(fft_r2c_p, x, axes=tuple(axes), norm=norm)


def fft_c2r(x, axes, last, norm):
    """``irfftn``: the inverse of ``fft_r2c``, giving ``last`` real values along the last of ``axes``."""
    return bind(fft_c2r_p, x, axes=tuple(axes), last=int(last), norm=norm)


def _c2r_weights(m, n, like):
    """The weights of the half spectrum in the adjoint of the c2r transform: the bins that stand for two (a
    frequency and its conjugate) count twice; the zero frequency (and the Nyquist one, for even n) once."""
    from ..._core.tensor import _literal
    w = xp.full((m,), 2.0, like._data.dtype if like._data.dtype.kind != "c" else _real_of(like._data.dtype))
    w[0] = 1.0
    if n % 2 == 0 and m - 1 == n // 2:
        w[m - 1] = 1.0
    return _literal(w)


def _c2r_vjp(dout, out, x, axes, last, norm):
    # irfftn = (complex-linear inverse over the leading axes) o (irfft over the last axis); the adjoint of irfft is
    # the weighted rfft of the cotangent, and the transforms commute with the weights on the last axis
    g = fft_r2c(dout, axes, _DUAL_NORM[norm])
    w = _c2r_weights(g.shape[axes[-1]], last, g)
    axis = axes[-1] % len(g.shape)
    from .shape import reshape
    w = reshape(w, tuple(g.shape[axis] if i == axis else 1 for i in range(len(g.shape))))
    g = mul(g, complex_(w, _zeros(w)))
    return fft_resize(g, x.shape)


def _r2c_vjp(dout, out, x, axes, norm):
    # rfftn = (crop of the last axis to n // 2 + 1) o fftn; a real input's cotangent is the real part of the adjoint
    full = list(dout.shape)
    full[axes[-1]] = x.shape[axes[-1]]
    return real(fft_c2c(fft_resize(dout, full), axes, True, _DUAL_NORM[norm]))


fft_c2c_p.def_vjp(lambda dout, out, x, axes, inverse, norm: fft_c2c(dout, axes, not inverse, _DUAL_NORM[norm]))
fft_r2c_p.def_vjp(_r2c_vjp)
fft_c2r_p.def_vjp(_c2r_vjp)



# ----------------------------------------------------------------------------- constant tables
class fft_tables:
    """Host tables of the window and frequency functions (constants: no argument is a tensor)."""

    @staticmethod
    def fftfreq(n, d):
        return xp.fft.fftfreq(n, d)

    @staticmethod
    def rfftfreq(n, d):
        return xp.fft.rfftfreq(n, d)

    @staticmethod
    def cosine_window(m, periodic, coeffs, dtype):
        """sum_k (-1)^k a_k cos(2 pi k n / N), N = m (periodic) or m - 1 (symmetric), computed in ``dtype``."""
        dt = xp.dtype(dtype)
        if m <= 1:
            return xp.ones((m,), dt)
        big_n = m if periodic else m - 1
        n = xp.arange(m, dtype=dt)
        out = xp.zeros((m,), dt)
        for k, a in enumerate(coeffs):
            out = out + dt.type((-1) ** k * a) * xp.cos(dt.type(2 * math.pi * k / big_n) * n)
        return out.astype(dt)

    @staticmethod
    def bartlett(m, periodic):
        return xp.bartlett(m + 1)[:-1] if periodic and m > 1 else xp.bartlett(m)

    @staticmethod
    def kaiser(m, periodic, beta):
        return xp.kaiser(m + 1, beta)[:-1] if periodic and m > 1 else xp.kaiser(m, beta)


__all__ = ["fft_tables", "real_p", "imag_p", "conj_p", "angle_p", "complex_abs_p", "complex_p", "fft_resize_p", "fft_c2c_p",
           "fft_r2c_p", "fft_c2r_p", "real", "imag", "conj", "angle", "complex_abs", "complex_", "fft_resize",
           "fft_c2c", "fft_r2c", "fft_c2r"]
