"""Special-function primitives: the gamma family (lgamma, digamma, polygamma, the regularized incomplete gamma
functions, Hurwitz's zeta, the regularized incomplete beta) and the Bessel functions, with their derivatives.

The kernels are SciPy's (``scipy.special``, the 'scipy' extra), imported on first use. Half precision is computed in
float32 and every result has its input's dtype. Each derivative is written with these primitives and the
elementwise ones, so it can be differentiated again (the derivative of a Bessel function is another one; the
derivative of a derivative with respect to ``igamma``'s ``a`` is the one rule that raises).
"""
import math

from ._base import NONDIFF, Primitive, bind, broadcast, const, same, xp
from .elementwise import add, div, equal, exp, log, log1p, mul, neg, ones_like, sign, sub, where

__all__ = [
    "lgamma", "digamma", "polygamma", "igamma", "igammac", "igamma_grad_a", "zeta", "betainc",
    "bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e", "bessel_j0", "bessel_j1", "bessel_k0", "bessel_k0e",
    "bessel_k1", "bessel_k1e", "bessel_y0", "bessel_y1", "nextafter_p", "population_count_p",
    "mul_no_nan",
]

_sp = None


def _scipy(name):
    """scipy.special's ``name``; a clear error when SciPy is missing."""
    global _sp
    if _sp is None:
        try:
            import scipy.special as sp
        except ImportError:
            raise ImportError(f"minispore computes the special function '{name}' with SciPy, which is not "
                              f"installed: pip install minispore[scipy] (or pip install scipy)") from None
        _sp = sp
    return getattr(_sp, name)


def _kernel(name):
    """An impl computing scipy.special's ``name`` on arrays of one float dtype (float16 through float32)."""
    def impl(*arrays, **params):
        dtype = arrays[-1].dtype
        work = [a.astype(xp.float32) if a.dtype.itemsize < 4 else a for a in arrays]
        with xp.errstate(all="ignore"):     # poles give inf/nan, as MindSpore's kernels do
            out = _scipy(name)(*params.values(), *work)
        return xp.asarray(out).astype(dtype, copy=False)
    return impl


def _unary(name, kernel):
    p = Primitive(name, _kernel(kernel), 1, same)
    return p, (lambda x: bind(p, x))


def _binary(name, kernel):
    p = Primitive(name, _kernel(kernel), 2, broadcast)
    return p, (lambda x, y: bind(p, x, y))


# ----------------------------------------------------------------------------- the gamma family
lgamma_p, lgamma = _unary("Lgamma", "gammaln")
digamma_p, digamma = _unary("Digamma", "psi")
polygamma_p = Primitive("Polygamma", _kernel("polygamma"), 1, same)


def polygamma(n, x):
    """The ``n``-th derivative of digamma (``n`` a Python int >= 0)."""
    return bind(polygamma_p, x, n=int(n))


lgamma_p.def_vjp(lambda dout, out, x: mul(dout, digamma(x)))
digamma_p.def_vjp(lambda dout, out, x: mul(dout, polygamma(1, x)))
polygamma_p.def_vjp(lambda dout, out, x, n: mul(dout, polygamma(n + 1, x)))

igamma_p, igamma = _binary("Igamma", "gammainc")       # P(a, x), regularized lower incomplete gamma
igammac_p, igammac = _binary("Igammac", "gammaincc")   # Q(a, x) = 1 - P(a, x)


def _igamma_grad_a_impl(a, x):
    """dP(a, x)/da from P's series: P = sum_n exp((a + n) log x - x - lgamma(a + n + 1)), differentiated term by
    term (each term's log-derivative is log x - digamma(a + n + 1)); summed in float64 until the terms vanish."""
    dtype = x.dtype
    a64, x64 = xp.broadcast_arrays(a.astype(xp.float64), x.astype(xp.float64))
    gammaln, psi = _scipy("gammaln"), _scipy("psi")
    pos = x64 > 0
    xs = xp.where(pos, x64, 1.0)
    logx = xp.log(xs)
    top = float(xs.max()) if xs.size else 0.0
    terms = int(min(top + 12.0 * math.sqrt(top) + 40.0, 20000.0))
    total = xp.zeros_like(x64)
    with xp.errstate(all="ignore"):
        for n in range(terms):
            t = xp.exp((a64 + n) * logx - xs - gammaln(a64 + n + 1.0))
            total += t * (logx - psi(a64 + n + 1.0))
    return xp.where(pos, total, 0.0).astype(dtype, copy=False)


igamma_grad_a_p = Primitive("IgammaGradA", _igamma_grad_a_impl, 2, broadcast)


def igamma_grad_a(a, x):
    return bind(igamma_grad_a_p, a, x)


def _igamma_dx(a, x):
    """dP(a, x)/dx = x**(a - 1) exp(-x) / Gamma(a)."""
    return exp(sub(sub(mul(sub(a, const(1, a)), log(x)), x), lgamma(a)))


def _no_second_a(dout, out, a, x):
    raise NotImplementedError("minispore has no second derivative of igamma/igammac with respect to 'a' "
                              "(IgammaGradA is differentiable with respect to x only).")


igamma_p.def_vjp(lambda dout, out, a, x: mul(dout, igamma_grad_a(a, x)),
                 lambda dout, out, a, x: mul(dout, _igamma_dx(a, x)))
igammac_p.def_vjp(lambda dout, out, a, x: neg(mul(dout, igamma_grad_a(a, x))),
                  lambda dout, out, a, x: neg(mul(dout, _igamma_dx(a, x))))
# d/dx dP/da = dP/dx (log x - digamma(a)) (the mixed partial, taken the other way round)
igamma_grad_a_p.def_vjp(_no_second_a,
                        lambda dout, out, a, x: mul(dout, mul(_igamma_dx(a, x), sub(log(x), digamma(a)))))

# Hurwitz's zeta(x, q) = sum_k (k + q)**-x. MindSpore has no derivative with respect to x (its gradient is 0):
# NONDIFF gives the same zeros.
zeta_p, zeta = _binary("Zeta", "zeta")
zeta_p.def_vjp(NONDIFF, lambda dout, out, x, q: neg(mul(dout, mul(x, zeta(add(x, const(1, x)), q)))))


def _betainc_abstract(a, b, x, **params):
    from ..._core import shapes
    return shapes.broadcast_shapes(a.shape, b.shape, x.shape, op="Betainc"), x.dtype


betainc_p = Primitive("Betainc", _kernel("betainc"), 3, _betainc_abstract)


def betainc(a, b, x):
    """I_x(a, b), the regularized incomplete beta function."""
    return bind(betainc_p, a, b, x)


def _lbeta(a, b):
    return sub(add(lgamma(a), lgamma(b)), lgamma(add(a, b)))


# MindSpore's Betainc has no derivative with respect to a and b (zeros): NONDIFF, the same zeros
betainc_p.def_vjp(NONDIFF, NONDIFF, lambda dout, out, a, b, x: mul(dout, exp(sub(add(
    mul(sub(a, const(1, a)), log(x)), mul(sub(b, const(1, b)), log1p(neg(x)))), _lbeta(a, b)))))

# ----------------------------------------------------------------------------- Bessel functions
bessel_i0_p, bessel_i0 = _unary("BesselI0", "i0")
bessel_i0e_p, bessel_i0e = _unary("BesselI0e", "i0e")
bessel_i1_p, bessel_i1 = _unary("BesselI1", "i1")
bessel_i1e_p, bessel_i1e = _unary("BesselI1e", "i1e")
bessel_j0_p, bessel_j0 = _unary("BesselJ0", "j0")
bessel_j1_p, bessel_j1 = _unary("BesselJ1", "j1")
bessel_k0_p, bessel_k0 = _unary("BesselK0", "k0")
bessel_k0e_p, bessel_k0e = _unary("BesselK0e", "k0e")
bessel_k1_p, bessel_k1 = _unary("BesselK1", "k1")
bessel_k1e_p, bessel_k1e = _unary("BesselK1e", "k1e")
bessel_y0_p, bessel_y0 = _unary("BesselY0", "y0")
bessel_y1_p, bessel_y1 = _unary("BesselY1", "y1")


def _over_x(f, x, at_zero):
    """f / x, taken as ``at_zero`` at x == 0 (the limit there: f'(0) for the order-1 functions, f(0) = 0)."""
    zero = equal(x, const(0, x))
    return where(zero, mul(const(at_zero, x), ones_like(x)), div(f, where(zero, ones_like(x), x)))


bessel_i0_p.def_vjp(lambda dout, out, x: mul(dout, bessel_i1(x)))
bessel_i0e_p.def_vjp(lambda dout, out, x: mul(dout, sub(bessel_i1e(x), mul(sign(x), out))))
# I1' = I0 - I1/x; I1e' = I0e - I1e (sign(x) + 1/x)
bessel_i1_p.def_vjp(lambda dout, out, x: mul(dout, sub(bessel_i0(x), _over_x(out, x, 0.5))))
bessel_i1e_p.def_vjp(lambda dout, out, x: mul(dout, sub(sub(bessel_i0e(x), mul(sign(x), out)), _over_x(out, x, 0.5))))
bessel_j0_p.def_vjp(lambda dout, out, x: neg(mul(dout, bessel_j1(x))))
bessel_j1_p.def_vjp(lambda dout, out, x: mul(dout, sub(bessel_j0(x), _over_x(out, x, 0.5))))
bessel_k0_p.def_vjp(lambda dout, out, x: neg(mul(dout, bessel_k1(x))))
bessel_k0e_p.def_vjp(lambda dout, out, x: mul(dout, sub(out, bessel_k1e(x))))
# K1' = -K0 - K1/x; K1e' = K1e - K0e - K1e/x
bessel_k1_p.def_vjp(lambda dout, out, x: neg(mul(dout, add(bessel_k0(x), div(out, x)))))
bessel_k1e_p.def_vjp(lambda dout, out, x: mul(dout, sub(sub(out, bessel_k0e(x)), div(out, x))))
bessel_y0_p.def_vjp(lambda dout, out, x: neg(mul(dout, bessel_y1(x))))
bessel_y1_p.def_vjp(lambda dout, out, x: mul(dout, sub(bessel_y0(x), div(out, x))))

# ----------------------------------------------------------------------------- elementwise: NextAfter, PopulationCount
nextafter_p = Primitive("NextAfter", xp.nextafter, 2, broadcast)
# MindSpore passes the gradient to x unchanged (a step of one ulp) and gives none to the direction
nextafter_p.def_vjp(lambda dout, out, x, y: dout, NONDIFF)


def _popcount_impl(x):
    u = x.view(xp.dtype(f"u{x.dtype.itemsize}"))
    count = xp.zeros(x.shape, xp.uint8)
    for _ in range(8 * x.dtype.itemsize):
        count += (u & 1).astype(xp.uint8)
        u = u >> 1
    return count


population_count_p = Primitive("PopulationCount", _popcount_impl, 1, lambda x: (x.shape, xp.dtype(xp.uint8)))
population_count_p.def_vjp(NONDIFF)


# ----------------------------------------------------------------------------- MulNoNan
def _mul_no_nan_impl(x, y):
    with xp.errstate(all="ignore"):
        return xp.where(y == 0, xp.zeros((), x.dtype), x * y).astype(x.dtype, copy=False)


mul_no_nan_p = Primitive("MulNoNan", _mul_no_nan_impl, 2, broadcast)


def mul_no_nan(x, y):
    """x * y, 0 wherever y is 0 (even where x is inf or NaN)."""
    return bind(mul_no_nan_p, x, y)


# MindSpore's rules: dx = mul_no_nan(dout, y) (0 where y is 0), dy = mul_no_nan(x, dout) (x, also where y is 0)
mul_no_nan_p.def_vjp(lambda dout, out, x, y: mul_no_nan(dout, y), lambda dout, out, x, y: mul_no_nan(x, dout))
