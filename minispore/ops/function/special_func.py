"""MindSpore's special functions (``ops.lgamma``, ``ops.digamma``, ``ops.polygamma``, ``ops.igamma``, ``ops.zeta``,
``ops.mvlgamma``, the Bessel functions...) and the few elementwise names MindSpore 2.10 adds on top of existing ops
(``nextafter``, ``fmin``, ``population_count``, ``pows``, ``float_power_ext``).

The special functions are SciPy's kernels (the 'scipy' extra, loaded on first use) bound as primitives in
``ops/_prims/special.py``; they take float Tensors only, as MindSpore's kernels do.
"""
import math

from ..._core import dtype as mstype
from ..._core.dtype import kind_of
from ..._core.primitive import bind
from ..._core.tensor import Tensor
from .._prims import special as S
from . import array_func as _A
from . import math_func as _M

__all__ = [
    "lgamma", "digamma", "polygamma", "igamma", "igammac", "zeta", "mvlgamma", "i0",
    "bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e", "bessel_j0", "bessel_j1", "bessel_k0", "bessel_k0e",
    "bessel_k1", "bessel_k1e", "bessel_y0", "bessel_y1",
    "nextafter", "fmin", "population_count", "pows", "float_power_ext",
]


def _float_tensor(x, op, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor of float16, float32 or float64, but got "
                        f"{x.dtype}.")
    return x


def _float_pair(x, y, op, names=("input", "other")):
    _float_tensor(x, op, names[0])
    _float_tensor(y, op, names[1])
    if x._data.dtype != y._data.dtype:
        raise TypeError(f"For '{op}', '{names[0]}' and '{names[1]}' must have the same dtype, but got {x.dtype} "
                        f"and {y.dtype}.")
    return _M._coerce(x, y, op)


def _unary(binder, name):
    def op(input):
        return binder(_float_tensor(input, name))
    op.__name__ = op.__qualname__ = name
    op.__doc__ = f"MindSpore's ``ops.{name}``, elementwise (SciPy's kernel)."
    return op


def lgamma(input):
    """``log |Gamma(input)|``; an integer input is computed in float32 (as MindSpore does, unlike digamma)."""
    if isinstance(input, Tensor) and kind_of(input._data.dtype) in ("i", "u"):
        input = _A.cast(input, mstype.float32)
    return S.lgamma(_float_tensor(input, "lgamma"))

digamma = _unary(S.digamma, "digamma")
i0 = _unary(S.bessel_i0, "i0")
bessel_i0 = _unary(S.bessel_i0, "bessel_i0")
bessel_i0e = _unary(S.bessel_i0e, "bessel_i0e")
bessel_i1 = _unary(S.bessel_i1, "bessel_i1")
bessel_i1e = _unary(S.bessel_i1e, "bessel_i1e")
bessel_j0 = _unary(S.bessel_j0, "bessel_j0")
bessel_j1 = _unary(S.bessel_j1, "bessel_j1")
bessel_k0 = _unary(S.bessel_k0, "bessel_k0")
bessel_k0e = _unary(S.bessel_k0e, "bessel_k0e")
bessel_k1 = _unary(S.bessel_k1, "bessel_k1")
bessel_k1e = _unary(S.bessel_k1e, "bessel_k1e")
bessel_y0 = _unary(S.bessel_y0, "bessel_y0")
bessel_y1 = _unary(S.bessel_y1, "bessel_y1")


def polygamma(n, input):
    """The ``n``-th derivative of digamma; ``n`` a 0-d integer Tensor (MindSpore refuses a Python int)."""
    if not isinstance(n, Tensor):
        raise TypeError(f"For 'polygamma', 'n' must be a Tensor, but got {type(n).__name__}.")
    if kind_of(n._data.dtype) not in ("i", "u") or n.ndim != 0:
        raise TypeError(f"For 'polygamma', 'n' must be a 0-d Tensor of int32 or int64, but got a {n.ndim}-D "
                        f"Tensor of {n.dtype}.")
    order = int(n._data)
    if order < 0:
        raise ValueError(f"For 'polygamma', 'n' must be >= 0, but got {order}.")
    return S.polygamma(order, _float_tensor(input, "polygamma"))


def igamma(input, other):
    """P(input, other): the regularized lower incomplete gamma function."""
    a, x = _float_pair(input, other, "igamma")
    return bind(S.igamma_p, a, x)


def igammac(input, other):
    """Q(input, other) = 1 - P(input, other): the regularized upper incomplete gamma function."""
    a, x = _float_pair(input, other, "igammac")
    return bind(S.igammac_p, a, x)


def zeta(input, other):
    """Hurwitz's zeta function, sum over k >= 0 of (k + other) ** -input."""
    x, q = _float_pair(input, other, "zeta")
    return bind(S.zeta_p, x, q)


def mvlgamma(input, p):
    """The multivariate log-gamma of dimension ``p``: p(p-1)/4 log(pi) + sum_{j<p} lgamma(input - j/2). Every
    element must exceed (p - 1) / 2."""
    x = _float_tensor(input, "mvlgamma")
    if isinstance(p, bool) or not isinstance(p, int):
        raise TypeError(f"For 'mvlgamma', 'p' must be an int, but got {type(p).__name__}.")
    if p < 1:
        raise ValueError(f"For 'mvlgamma', 'p' must be >= 1, but got {p}.")
    low = (p - 1) / 2
    if x._trace is None:        # (values are known eagerly; a traced input is checked when it runs)
        data = x._data
        if data.size and not bool((data > low).all()):
            raise ValueError(f"For 'mvlgamma', all elements of 'input' must be greater than (p - 1) / 2 = {low}, "
                             f"but got a minimum of {float(data.min())}.")
    out = None
    for j in range(p):
        term = S.lgamma(_M.sub(x, j / 2) if j else x)
        out = term if out is None else _M.add(out, term)
    return _M.add(out, p * (p - 1) / 4 * math.log(math.pi))


# ----------------------------------------------------------------------------- elementwise names
def nextafter(input, other):
    """The next float after ``input`` towards ``other`` (no derivative: a step of one ulp)."""
    x, y = _float_pair(input, other, "nextafter")
    return bind(S.nextafter_p, x, y)


def fmin(input, other):
    """The elementwise minimum that ignores NaN (NaN only where both are NaN)."""
    return _A.where(_M.isnan(other), input, _A.where(_M.isnan(input), other, _M.minimum(input, other)))


def population_count(input_x):
    """The number of set bits of each element (uint8), for integer Tensors."""
    if not isinstance(input_x, Tensor):
        raise TypeError(f"For 'population_count', the 'input_x' must be a Tensor, but got {type(input_x).__name__}.")
    if kind_of(input_x._data.dtype) not in ("i", "u"):
        raise TypeError(f"For 'population_count', the 'input_x' must be a Tensor of int8, int16, int32, int64, "
                        f"uint8, uint16, uint32 or uint64, but got {input_x.dtype}.")
    return bind(S.population_count_p, input_x)


def pows(input, exponent):
    """MindSpore's other name of ``ops.pow``."""
    return _M.pow(input, exponent)


def float_power_ext(input, exponent):
    """``input ** exponent`` computed in float64 (MindSpore's ``float_power``)."""
    x = _A.cast(input, mstype.float64) if isinstance(input, Tensor) else input
    y = _A.cast(exponent, mstype.float64) if isinstance(exponent, Tensor) else exponent
    return _M.pow(x, y)



def betainc(a, b, x):
    """I_x(a, b), the regularized incomplete beta function (MindSpore 2.10 has only the ``Betainc`` class: not in
    ``__all__``)."""
    for v, name in ((a, "a"), (b, "b"), (x, "x")):
        _float_tensor(v, "Betainc", name)
    if not a._data.dtype == b._data.dtype == x._data.dtype:
        raise TypeError(f"For 'Betainc', 'a', 'b' and 'x' must have the same dtype, but got {a.dtype}, {b.dtype} "
                        f"and {x.dtype}.")
    if not a.shape == b.shape == x.shape:
        raise ValueError(f"For 'Betainc', 'a', 'b' and 'x' must have the same shape, but got {tuple(a.shape)}, "
                         f"{tuple(b.shape)} and {tuple(x.shape)}.")
    return S.betainc(a, b, x)


def mul_no_nan(x, y):
    """``x * y``, 0 wherever ``y`` is 0 (MindSpore 2.10 has only the ``MulNoNan`` class: not in ``__all__``)."""
    for v, name in ((x, "x"), (y, "y")):
        if not isinstance(v, Tensor) and not isinstance(v, (int, float)):
            raise TypeError(f"For 'MulNoNan', the '{name}' must be a Tensor or a number, but got {type(v).__name__}.")
    x, y = _M._coerce(x, y, "MulNoNan")
    return S.mul_no_nan(x, y)
