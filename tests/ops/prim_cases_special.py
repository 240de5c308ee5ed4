"""Direct cases for the special-function primitives (ops/_prims/special.py; collected by test_primitives_direct.py).

The kernels are SciPy's; the references here are written independently of it: the standard library's lgamma,
recurrences with asymptotic (Euler-Maclaurin) tails for digamma, polygamma and zeta, power series for the incomplete
gamma and beta functions, and the Bessel functions from their integral representations (the trapezoid rule on the
periodic ones, Simpson's on the others). Each derivative is checked against central differences to second order.
They need SciPy (the 'scipy' extra, which CI installs); without it each case is skipped, naming the extra. Arguments a primitive has no derivative for (zeta's exponent, Betainc's a and b, IgammaGradA's a)
are held fixed.
"""
import math

import numpy as np

from minispore._core.tensor import _wrap

rng = np.random.default_rng(1201)


def _pos(*shape, lo=0.5, hi=2.5):
    return rng.uniform(lo, hi, shape)


def _lgamma(x):
    return np.vectorize(math.lgamma)(x)


def _digamma(x, shift=30):
    s = sum(1.0 / (x + k) for k in range(shift))
    z = x + shift
    return np.log(z) - 1 / (2 * z) - 1 / (12 * z ** 2) + 1 / (120 * z ** 4) - 1 / (252 * z ** 6) - s


def _hurwitz(s, q, n=60):
    """sum_k (k + q)**-s with the Euler-Maclaurin tail after n terms."""
    total = sum((q + k) ** -s for k in range(n))
    z = q + n
    return (total + z ** (1 - s) / (s - 1) + z ** -s / 2 + s * z ** (-s - 1) / 12
            - s * (s + 1) * (s + 2) * z ** (-s - 3) / 720)


def _polygamma(n, x):
    return (-1) ** (n + 1) * math.factorial(n) * _hurwitz(n + 1.0, x)


def _igamma(a, x, terms=300):
    n = np.arange(terms).reshape((-1,) + (1,) * np.ndim(x))
    return np.exp((a + n) * np.log(x) - x - _lgamma(a + n + 1)).sum(0)


def _igamma_da(a, x, h=1e-5):
    return (_igamma(a + h, x) - _igamma(a - h, x)) / (2 * h)


def _betainc(a, b, x, terms=600):
    """I_x(a, b) = x**a / B(a, b) sum_n (1 - b)_n x**n / (n! (a + n))."""
    out = np.empty_like(x)
    for i in np.ndindex(x.shape):
        ai, bi, xi = a[i], b[i], x[i]
        term, total = 1.0, 1.0 / ai
        for n in range(1, terms):
            term *= (n - bi) * xi / n
            total += term / (ai + n)
        out[i] = xi ** ai * total / math.exp(math.lgamma(ai) + math.lgamma(bi) - math.lgamma(ai + bi))
    return out


_TAU = np.linspace(0, 2 * np.pi, 129)[:-1]     # the trapezoid rule on a period


def _periodic(f, x):
    return np.mean(f(x[..., None], _TAU), axis=-1)


def _simpson(f, x, lo, hi, n=4000):
    t = np.linspace(lo, hi, n + 1)
    w = np.ones(n + 1)
    w[1:-1:2], w[2:-1:2] = 4, 2
    return (f(x[..., None], t) * w).sum(-1) * (hi - lo) / (3 * n)


def _j(n):
    return lambda x: _periodic(lambda x, t: np.cos(n * t - x * np.sin(t)), x)


def _i(n):
    return lambda x: _periodic(lambda x, t: np.exp(x * np.cos(t)) * np.cos(n * t), x)


def _k(n):
    return lambda x: _simpson(lambda x, t: np.exp(-x * np.cosh(t)) * np.cosh(n * t), x, 0.0, 12.0)


def _y(n):
    def y(x):
        first = _simpson(lambda x, t: np.sin(x * np.sin(t) - n * t), x, 0.0, np.pi) / np.pi
        second = _simpson(lambda x, t: (np.exp(n * t) + (-1) ** n * np.exp(-n * t)) * np.exp(-x * np.sinh(t)),
                          x, 0.0, 10.0) / np.pi
        return first - second
    return y


def _nextafter(x, y):
    """One step of the float64 bit pattern towards y (x nonzero: sign and magnitude)."""
    bits = x.copy().view(np.int64)
    bits += np.where((y > x) == (x > 0), 1, -1)
    return np.where(y == x, x, bits.view(np.float64))


SGN = np.array([[-1.7, -0.6, 0.4], [0.9, 1.3, 2.2]])
A = _pos(2, 3)
X = _pos(2, 3, lo=0.3, hi=4.0)
TOL = dict(tol=(1e-8, 1e-10))

CASES = {
    "Lgamma": dict(args=[_pos(2, 3, lo=0.3, hi=5.0)], ref=_lgamma),
    "Digamma": dict(args=[_pos(2, 3)], ref=_digamma, **TOL),
    "Polygamma": dict(args=[_pos(2, 3)], params=dict(n=2), ref=lambda x: _polygamma(2, x), **TOL),
    "Igamma": dict(args=[X], fixed=[_wrap(A)], fixed_first=True, ref=_igamma),
    "Igammac": dict(args=[X], fixed=[_wrap(A)], fixed_first=True, ref=lambda a, x: 1 - _igamma(a, x)),
    "IgammaGradA": dict(args=[X], fixed=[_wrap(A)], fixed_first=True, ref=_igamma_da, tol=(1e-6, 1e-8)),
    "Zeta": dict(args=[_pos(2, 3)], fixed=[_wrap(_pos(2, 3, lo=1.5, hi=4.0))], fixed_first=True, ref=_hurwitz,
                 **TOL),
    "Betainc": dict(args=[_pos(2, 3, lo=0.1, hi=0.6)], fixed=[_wrap(_pos(2, 3)), _wrap(_pos(2, 3))],
                    fixed_first=True, ref=_betainc, **TOL),
    "BesselJ0": dict(args=[SGN], ref=_j(0)),
    "BesselJ1": dict(args=[SGN], ref=_j(1)),
    "BesselI0": dict(args=[SGN], ref=_i(0)),
    "BesselI1": dict(args=[SGN], ref=_i(1)),
    "BesselI0e": dict(args=[SGN], ref=lambda x: np.exp(-np.abs(x)) * _i(0)(x)),
    "BesselI1e": dict(args=[SGN], ref=lambda x: np.exp(-np.abs(x)) * _i(1)(x)),
    "BesselK0": dict(args=[_pos(2, 3)], ref=_k(0), **TOL),
    "BesselK1": dict(args=[_pos(2, 3)], ref=_k(1), **TOL),
    "BesselK0e": dict(args=[_pos(2, 3)], ref=lambda x: np.exp(x) * _k(0)(x), **TOL),
    "BesselK1e": dict(args=[_pos(2, 3)], ref=lambda x: np.exp(x) * _k(1)(x), **TOL),
    "BesselY0": dict(args=[_pos(2, 3)], ref=_y(0), **TOL),
    "BesselY1": dict(args=[_pos(2, 3)], ref=_y(1), **TOL),
    "NextAfter": dict(args=[rng.uniform(-1, 1, (2, 3))], fixed=[_wrap(rng.uniform(-1, 1, (2, 3)))],
                      ref=_nextafter),
    "MulNoNan": dict(args=[rng.uniform(-1, 1, (2, 3)), rng.uniform(0.5, 1.5, (2, 3))], ref=lambda x, y: x * y),
}


for _case in CASES.values():
    _case["needs"] = "scipy"       # the kernels are SciPy's: skipped without the extra
