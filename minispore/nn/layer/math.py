"""MindSpore's ``mindspore.nn.layer.math`` Cells of the special functions: ``LGamma``, ``DiGamma``, ``IGamma`` and
``LBeta`` (``lgamma(x) + lgamma(y) - lgamma(x + y)``). They take float16/float32 inputs (``IGamma`` float32 only),
as MindSpore's do, and compute with the ``ops`` special functions (MindSpore's Cells evaluate Lanczos and Stirling
series of their own: the values agree to float32 rounding).
"""
from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ..cell import Cell

__all__ = ["LGamma", "DiGamma", "IGamma", "LBeta"]


def _check(x, name, cell, allowed, like=None):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cell}', the input '{name}' must be a Tensor, but got {type(x).__name__}.")
    if like is not None:
        if x.dtype != like.dtype:
            raise TypeError(f"For '{cell}', the input '{name}' must have the same dtype as the first input "
                            f"({like.dtype}), but got {x.dtype}.")
    elif x.dtype not in allowed:
        raise TypeError(f"For '{cell}', the input '{name}' must be a Tensor of "
                        f"{' or '.join(str(t) for t in allowed)}, but got {x.dtype}.")


_HALF_SINGLE = (mstype.float16, mstype.float32)


class LGamma(Cell):
    """``log |Gamma(x)|``, elementwise."""

    def construct(self, x):
        _check(x, "x", "LGamma", _HALF_SINGLE)
        return ops.lgamma(x)


class DiGamma(Cell):
    """``digamma(x)``, the derivative of ``lgamma``, elementwise."""

    def construct(self, x):
        _check(x, "x", "DiGamma", _HALF_SINGLE)
        return ops.digamma(x)


class IGamma(Cell):
    """``P(a, x)``, the regularized lower incomplete gamma function (NaN where ``a`` or ``x`` is negative)."""

    def __init__(self):
        super().__init__()
        self.lgamma = LGamma()      # (MindSpore's IGamma holds one: it shows in the repr)

    def construct(self, a, x):
        _check(a, "a", "IGamma", (mstype.float32,))
        _check(x, "x", "IGamma", None, like=a)
        return ops.igamma(a, x)


class LBeta(Cell):
    """``log |Beta(x, y)| = lgamma(x) + lgamma(y) - lgamma(x + y)``, computed in float64 so that large arguments
    do not cancel."""

    def __init__(self):
        super().__init__()
        self.lgamma = LGamma()

    def construct(self, x, y):
        _check(x, "x", "LBeta", _HALF_SINGLE)
        _check(y, "y", "LBeta", None, like=x)
        x64, y64 = ops.cast(x, mstype.float64), ops.cast(y, mstype.float64)
        out = ops.lgamma(x64) + ops.lgamma(y64) - ops.lgamma(x64 + y64)
        return ops.cast(out, x.dtype)
