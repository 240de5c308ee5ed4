"""MindSpore's Primitive classes of the special functions (``ops.Lgamma()``, ``ops.BesselJ0()``, ``ops.Igamma()``...)
and of more elementwise math (``ops.Erfc()``, ``ops.Gcd()``, ``ops.Addcdiv()``...), each a thin wrapper over the
functional op (``ops/function/special_func.py`` and the existing functional forms). Re-exported by ``math_ops``.
"""
from .. import function as F
from ..._core.tensor import Tensor
from ..function import special_func as _S
from ._base import _MISSING, Primitive, binary, collect, prim, unary

_U = {  # class name -> functional op, one input
    "Lgamma": F.lgamma, "Digamma": F.digamma, "BesselI0": F.bessel_i0, "BesselI0e": F.bessel_i0e,
    "BesselI1": F.bessel_i1, "BesselI1e": F.bessel_i1e, "BesselJ0": F.bessel_j0, "BesselJ1": F.bessel_j1,
    "BesselK0": F.bessel_k0, "BesselK0e": F.bessel_k0e, "BesselK1": F.bessel_k1, "BesselK1e": F.bessel_k1e,
    "BesselY0": F.bessel_y0, "BesselY1": F.bessel_y1, "Erfc": F.erfc, "Sinc": F.sinc,
    "PopulationCount": F.population_count, "Trace": F.trace,
}
_B = {  # class name -> functional op, two inputs
    "Igamma": F.igamma, "Igammac": F.igammac, "Zeta": F.zeta, "NextAfter": F.nextafter, "Gcd": F.gcd,
    "Lcm": F.lcm, "Heaviside": F.heaviside, "Xdivy": F.xdivy, "TruncateDiv": F.truncate_div,
    "TruncateMod": F.truncate_mod, "LeftShift": F.bitwise_left_shift, "RightShift": F.bitwise_right_shift,
}
for _n, _f in _U.items():
    globals()[_n] = unary(_n, _f)
for _n, _f in _B.items():
    globals()[_n] = binary(_n, _f)


def _rint(x):
    if not isinstance(x, Tensor) or not F.is_floating_point(x):
        raise TypeError(f"For 'Rint', the input must be a float Tensor, but got "
                        f"{x.dtype if isinstance(x, Tensor) else type(x).__name__}.")
    return F.round(x)       # half to even, as C's rint (and MindSpore's Rint)


def _inv(x):
    from .. import functional      # (ops.functional imports the Primitive classes: looked up at the call)
    return functional.inv(x)


Inv = unary("Inv", _inv)
MulNoNan = binary("MulNoNan", _S.mul_no_nan)
Rint = unary("Rint", _rint)
Polygamma = prim("Polygamma", lambda self, n, x: F.polygamma(n, x))


class _Checked(Primitive):
    """A Primitive whose constructor attributes are checked (``_check_<attr>(self, value)``) as they are set."""

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)
        check = type(self).__dict__.get("_check_" + name)
        if check is not None:
            check(self, value)


def _check_p(self, p):
    if isinstance(p, bool) or not isinstance(p, int):
        raise TypeError(f"For 'Mvlgamma', the type of 'p' should be 'int', but got type {type(p).__name__!r}.")
    if p < 1:
        raise ValueError(f"For 'Mvlgamma', the 'p' must be int and must > 0, but got {p!r} with type "
                         f"{type(p).__name__!r}.")


def _check_tolerance(self, tolerance):
    if isinstance(tolerance, bool) or not isinstance(tolerance, float):
        raise TypeError(f"For 'ApproximateEqual', the type of 'tolerance' should be 'float', but got type "
                        f"{type(tolerance).__name__!r}.")


Mvlgamma = prim("Mvlgamma", lambda self, x: F.mvlgamma(x, self.p), [("p", _MISSING)], base=_Checked)
Mvlgamma._check_p = _check_p
Betainc = prim("Betainc", lambda self, a, b, x: _S.betainc(a, b, x))
Fmax = prim("Fmax", lambda self, x, y: F.fmax(x, y), hidden=(("ignore_nan", True),))
Fmin = prim("Fmin", lambda self, x, y: F.fmin(x, y), hidden=(("ignore_nan", True),))
ApproximateEqual = prim("ApproximateEqual", lambda self, x, y: F.approximate_equal(x, y, self.tolerance),
                        [("tolerance", 1e-05)], base=_Checked)
ApproximateEqual._check_tolerance = _check_tolerance
Addcdiv = prim("Addcdiv", lambda self, x, t1, t2, value: F.addcdiv(x, t1, t2, value))
Addcmul = prim("Addcmul", lambda self, x, t1, t2, value: F.addcmul(x, t1, t2, value))

__all__ = collect(globals())
