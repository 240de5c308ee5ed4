"""Direct cases for the complex-number and FFT primitives (minispore/ops/_prims/fft.py), collected by
test_primitives_direct.py. The table runs in float64 on real arrays, so each complex primitive is checked through a
real -> complex -> real chain (``wrap``): its complex inputs are built with ``Complex`` from real and imaginary
parts, its complex output is returned as its real parts followed by its imaginary parts. Forward values against
NumPy (np.fft, np.arctan2, np.hypot), derivatives against central differences to second order: for the chain, the
real gradients of a real function, which is what MindSpore's convention for complex cotangents must give."""
import numpy as np

from minispore.ops import _prims as P

rng = np.random.default_rng(1201)


def _u(*shape):
    return rng.uniform(-1, 1, shape)


def _z(re, im):
    return P.complex_(re, im)


def _parts(z):
    """A complex tensor as one real tensor: its real parts, then its imaginary parts (along axis 0)."""
    return P.concat([P.real(z), P.imag(z)], 0)


def _np_parts(z):
    return np.concatenate([z.real, z.imag], 0)


def _c_in(call, re, im):
    return call(_z(re, im))


def _c_in_out(call, re, im):
    return _parts(call(_z(re, im)))


def _resize(x, shape):
    out = np.zeros(shape)
    common = tuple(slice(0, min(a, b)) for a, b in zip(x.shape, shape))
    out[common] = x[common]
    return out


CASES = {
    "Complex": dict(args=[_u(2, 3), _u(2, 3)], wrap=lambda call, re, im: _parts(call(re, im)),
                    ref=lambda re, im: np.concatenate([re, im], 0)),
    "Real": dict(args=[_u(2, 3), _u(2, 3)], wrap=_c_in, ref=lambda re, im: re),
    "Imag": dict(args=[_u(2, 3), _u(2, 3)], wrap=_c_in, ref=lambda re, im: im),
    "Conj": dict(args=[_u(2, 3), _u(2, 3)], wrap=_c_in_out, ref=lambda re, im: np.concatenate([re, -im], 0)),
    # away from 0, where the angle and the modulus have no derivative
    "Angle": dict(args=[_u(2, 3) + 2.0, _u(2, 3)], wrap=_c_in, ref=lambda re, im: np.arctan2(im, re)),
    "ComplexAbs": dict(args=[_u(2, 3) + 2.0, _u(2, 3)], wrap=_c_in, ref=np.hypot),
    "FFTResize": dict(args=[_u(3, 4)], params=dict(shape=(5, 2)), ref=lambda x: _resize(x, (5, 2))),
    "FFTC2C": dict(args=[_u(3, 4), _u(3, 4)], params=dict(axes=(0, 1), inverse=False, norm="backward"),
                   wrap=_c_in_out, ref=lambda re, im: _np_parts(np.fft.fftn(re + 1j * im, axes=(0, 1)))),
    "FFTR2C": dict(args=[_u(3, 5)], params=dict(axes=(1,), norm="ortho"),
                   wrap=lambda call, x: _parts(call(x)),
                   ref=lambda x: _np_parts(np.fft.rfftn(x, axes=(1,), norm="ortho"))),
    "FFTC2R": dict(args=[_u(3, 4), _u(3, 4)], params=dict(axes=(0, 1), last=6, norm="forward"),
                   wrap=_c_in,
                   ref=lambda re, im: np.fft.irfftn(re + 1j * im, s=(3, 6), axes=(0, 1), norm="forward")),
}
