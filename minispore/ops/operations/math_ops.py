"""MindSpore's ``mindspore.ops.operations.math_ops``: elementwise math, comparisons, reductions, matmul."""
from .. import function as F
from ..._core import dtype as mstype
from ._base import _MISSING, binary, collect, prim, unary

_U = {  # class name -> functional op, one input
    "Abs": F.abs, "Neg": F.neg, "Exp": F.exp, "Sqrt": F.sqrt, "Rsqrt": F.rsqrt, "Square": F.square,
    "Reciprocal": F.reciprocal, "Sign": F.sign, "Floor": F.floor, "Ceil": F.ceil, "Trunc": F.trunc,
    "Sin": F.sin, "Cos": F.cos, "Tan": F.tan, "Asin": F.asin, "ACos": F.acos, "Atan": F.atan,
    "Sinh": F.sinh, "Cosh": F.cosh, "Asinh": F.asinh, "Acosh": F.acosh, "Atanh": F.atanh,
    "Erf": F.erf, "Erfinv": F.erfinv, "Expm1": F.expm1, "Log1p": F.log1p, "LogicalNot": F.logical_not,
    "IsNan": F.isnan, "IsInf": F.isinf, "IsFinite": F.isfinite, "Invert": F.bitwise_not,
}
_B = {  # class name -> functional op, two inputs
    "Add": F.add, "Sub": F.sub, "Mul": F.mul, "RealDiv": F.div, "Div": F.div, "Pow": F.pow,
    "Maximum": F.maximum, "Minimum": F.minimum, "FloorDiv": F.floor_divide, "FloorMod": F.remainder,
    "Atan2": F.atan2, "Hypot": F.hypot, "Xlogy": F.xlogy,
    "Equal": F.equal, "NotEqual": F.not_equal, "Less": F.less, "LessEqual": F.less_equal, "Greater": F.greater,
    "GreaterEqual": F.greater_equal, "LogicalAnd": F.logical_and, "LogicalOr": F.logical_or,
    "LogicalXor": F.logical_xor, "BitwiseAnd": F.bitwise_and, "BitwiseOr": F.bitwise_or,
    "BitwiseXor": F.bitwise_xor,
}
for _n, _f in _U.items():
    globals()[_n] = unary(_n, _f)
for _n, _f in _B.items():
    globals()[_n] = binary(_n, _f)
Log = prim("Log", lambda self, x: F.log(x), hidden=(("cust_aicpu", "Log"), ("base", -1.0), ("scale", 1.0),
                                                      ("shift", 0.0)))
TensorAdd = binary("Add", F.add)      # MindSpore's old name of Add: it prints as Add
TensorAdd.__name__ = TensorAdd.__qualname__ = "TensorAdd"


def _sq_diff(x, y):
    return F.square(F.sub(x, y))


Mod = binary("Mod", lambda x, y: F.sub(x, F.mul(F.trunc(F.div(x, y)), y)))     # C's fmod: the sign of x
SquaredDifference = binary("SquaredDifference", _sq_diff)
DivNoNan = binary("DivNoNan", lambda x, y: F.where(F.equal(y, 0), F.zeros_like(F.div(x, y)),
                                                   F.div(x, F.where(F.equal(y, 0), F.ones_like(y), y))))
Round = prim("Round", lambda self, x, decimals=0: F.round(x, decimals=decimals) if decimals else F.round(x))
Lerp = prim("Lerp", lambda self, start, end, weight: F.lerp(start, end, weight))
Logit = prim("Logit", lambda self, x: F.logit(x, None if self.eps < 0 else self.eps), [("eps", -1.0)])
NanToNum = prim("NanToNum", lambda self, x: F.nan_to_num(x, 0.0 if self.nan is None else self.nan, self.posinf,
                                                                   self.neginf), [("nan", None), ("posinf", None), ("neginf", None)])
IsClose = prim("IsClose", lambda self, x, y: F.isclose(x, y, self.rtol, self.atol, self.equal_nan),
               [("rtol", 1e-05), ("atol", 1e-08), ("equal_nan", False)])
AddN = prim("AddN", lambda self, xs: _addn(xs))


def _addn(xs):
    out = xs[0]
    for x in xs[1:]:
        out = F.add(out, x)
    return out


# ------------------------------------------------------------------------------------------ matmul
def _matmul(self, x, y):
    if self.transpose_a:
        x = F.swapaxes(x, -1, -2)
    if self.transpose_b:
        y = F.swapaxes(y, -1, -2)
    return F.matmul(x, y)


MatMul = prim("MatMul", _matmul, [("transpose_a", False), ("transpose_b", False)])
BatchMatMul = prim("BatchMatMul", _matmul, [("transpose_a", False), ("transpose_b", False)])


# ------------------------------------------------------------------------------------------ reductions
def _axis(axis):
    if axis == () or axis == [] or axis is None:
        return None
    return tuple(axis) if isinstance(axis, list) else axis


def _reduction(name, fn):
    return prim(name, lambda self, x, axis=(): fn(x, _axis(axis), self.keep_dims), [("keep_dims", False)])


ReduceSum = prim("ReduceSum", lambda self, x, axis=(): F.sum(x, _axis(axis), self.keep_dims),
                 [("keep_dims", False), ("skip_mode", False)])
ReduceMean = _reduction("ReduceMean", F.mean)
ReduceMax = _reduction("ReduceMax", F.amax)
ReduceMin = _reduction("ReduceMin", F.amin)
ReduceProd = _reduction("ReduceProd", F.prod)
ReduceAll = _reduction("ReduceAll", F.all)
ReduceAny = _reduction("ReduceAny", F.any)


def _cum(fn):
    def call(self, x, axis):
        if self.reverse:
            x = F.flip(x, (axis,))
        out = fn(x, axis)
        if self.exclusive:      # shifted by one along the axis, the first element the identity
            n = x.shape[axis]
            first = F.narrow(x, axis, 0, 1)
            first = F.zeros_like(first) if fn is F.cumsum else F.ones_like(first)
            out = F.cat((first, F.narrow(out, axis, 0, n - 1)), axis) if n > 1 else first
        return F.flip(out, (axis,)) if self.reverse else out
    return call


CumSum = prim("CumSum", _cum(F.cumsum), [("exclusive", False), ("reverse", False)])
CumProd = prim("CumProd", _cum(F.cumprod), [("exclusive", False), ("reverse", False)])


def _TYPE_ID(t):
    """MindSpore records a dtype attribute as its type id."""
    return {mstype.int32: 34, mstype.int64: 35}.get(t, t)


def _arg(fn):
    def call(self, x):
        return F.cast(fn(x, self.axis), self.output_type)
    return call


Argmax = prim("Argmax", _arg(F.argmax), [("axis", -1), ("output_type", mstype.int32)], shown={"output_type": _TYPE_ID})
Argmin = prim("Argmin", _arg(F.argmin), [("axis", -1), ("output_type", mstype.int32)], shown={"output_type": _TYPE_ID})


Cummax = prim("Cummax", lambda self, x: F.cummax(x, self.axis), [("axis", _MISSING)])
Einsum = prim("Einsum", lambda self, operands: F.einsum(self.equation, *operands), [("equation", _MISSING)])
Cross = prim("Cross", lambda self, x, y: F.cross(x, y, self.dim), [("dim", -65530)]) if hasattr(F, "cross") else None
if Cross is None:
    del Cross

from .spectral_ops import Angle, Complex, ComplexAbs, Conj, FFTWithSize, Imag, Polar, Real, STFT  # noqa: F401,E402

from .special_ops import *  # noqa: F401,F403,E402

from .linalg_ops import *  # noqa: F401,F403,E402  (Cholesky, MatrixInverse, MatrixSolve, Qr, Svd, Cdist...)

from .scatter_ops import IndexAdd, InplaceAdd, InplaceIndexAdd, InplaceSub, InplaceUpdateV2  # noqa: F401,E402

from .sort_ops import *  # noqa: F401,F403,E402
__all__ = collect(globals())
