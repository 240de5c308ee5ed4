"""Reference ("golden") cases for MindSpore 2.10's special functions and more elementwise math (minispore's
``ops/function/special_func.py``, ``ops/operations/special_ops.py``, ``nn/layer/math.py``): ``ops.lgamma``,
``ops.digamma``, ``ops.polygamma``, ``ops.igamma``, ``ops.zeta``, ``ops.mvlgamma``, the Bessel functions, their
Primitive classes (``ops.Lgamma()``, ``ops.BesselJ0()``, ``ops.Betainc()``...), the elementwise classes over
existing ops (``ops.Erfc()``, ``ops.Gcd()``, ``ops.Addcdiv()``...) and the Cells ``nn.LGamma``, ``nn.DiGamma``,
``nn.IGamma``, ``nn.LBeta``.

Tables:
- ``ROWS``: ``(case, function name, inputs, kwargs, with gradient)``: the output of ``ops.<function>``; with
  gradient also ``<case>/grad``, ``ms.grad`` of the sum of the output with respect to the float32 array inputs.
- ``PRIM_ROWS``: ``(case, class, constructor kwargs, inputs, with gradient)``: the printed Primitive, its ``name``
  and its output (and ``<case>/grad``).
- ``CELL_ROWS``: ``(case, Cell class, inputs, with gradient)``: the Cell's repr and output (and ``<case>/grad``).
- ``ERROR_ROWS``: ``(case, function or "P:Class" / "nn:Cell", inputs)``: the error class MindSpore raises.

``gen_special.py`` records ``special.json`` with MindSpore; tests/test_golden_special.py runs the same rows on
minispore. Inputs are NumPy arrays (made into Tensors) or Python values.
"""
import numpy as np

import rows


_r = rows.uniform
_i = rows.integers


POS = _r(1, (2, 3), 0.3, 4.0)            # positive, away from the poles
POS2 = _r(2, (2, 3), 0.3, 4.0)
WIDE = _r(3, (2, 3), 0.2, 12.0)          # a wider positive range (the K and Y functions, igamma's large x)
SGN = _r(4, (2, 3), -4.0, 4.0)           # both signs (the I and J functions)
NEG = np.array([-2.5, -0.5, 0.25, 1.0, 3.5, 7.0], np.float32)   # lgamma/digamma across the reflection
UNIT = _r(5, (2, 3), 0.05, 0.95)
ZEROS = np.array([0.0, 1.0, -1.0], np.float32)
A = _r(6, (2, 3))
B = _r(7, (2, 3))
P = _r(8, (2, 3), 0.2, 2.0)
I23 = _i(9, (2, 3), -40, 40)
J23 = _i(10, (2, 3), 1, 9)
SH = _i(11, (2, 3), 0, 5)
HALF = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 3.7, -2.2], np.float32)
NANS = np.array([1.0, np.nan, np.nan, -2.0], np.float32)
NANS2 = np.array([np.nan, 3.0, np.nan, -1.0], np.float32)
F64 = _r(12, (3,), 0.5, 3.0, np.float64)
F16 = _r(13, (3,), 0.5, 3.0, np.float16)
MV = _r(14, (2, 3), 2.0, 5.0)
ZX = _r(15, (2, 3), 1.5, 5.0)            # zeta's exponent (> 1)
N1 = np.array(1, np.int64)
N3 = np.array(3, np.int32)

BESSEL = ["bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e", "bessel_j0", "bessel_j1"]
BESSEL_POS = ["bessel_k0", "bessel_k0e", "bessel_k1", "bessel_k1e", "bessel_y0", "bessel_y1"]

# (case, function, inputs, kwargs, with gradient)
ROWS = [
    ("lgamma", "lgamma", [POS], {}, True),
    ("lgamma/neg", "lgamma", [NEG], {}, True),
    ("lgamma/f64", "lgamma", [F64], {}, False),
    ("lgamma/f16", "lgamma", [F16], {}, False),
    ("lgamma/int", "lgamma", [J23], {}, False),        # MindSpore computes an integer input in float32
    ("digamma/int", "digamma", [J23], {}, False),
    ("digamma", "digamma", [POS], {}, True),
    ("digamma/neg", "digamma", [NEG], {}, True),
    ("polygamma/1", "polygamma", [N1, POS], {}, True),
    ("polygamma/3", "polygamma", [N3, POS2], {}, True),
    ("igamma", "igamma", [POS, WIDE], {}, True),
    ("igamma/f64", "igamma", [F64, F64 * 2], {}, False),
    ("igamma/broadcast", "igamma", [POS, np.float32(1.5) * np.ones((3,), np.float32)], {}, True),
    ("igammac", "igammac", [POS2, WIDE], {}, True),
    ("zeta", "zeta", [ZX, POS], {}, True),
    ("mvlgamma/1", "mvlgamma", [MV], {"p": 1}, True),
    ("mvlgamma/3", "mvlgamma", [MV], {"p": 3}, True),
    ("i0", "i0", [SGN], {}, True),
    *[(n, n, [SGN], {}, True) for n in BESSEL],
    *[(n, n, [WIDE], {}, True) for n in BESSEL_POS],
    *[(n + "/zero", n, [ZEROS], {}, False) for n in BESSEL],
    ("bessel_j0/f64", "bessel_j0", [F64], {}, False),
    ("bessel_i1e/f16", "bessel_i1e", [F16], {}, False),
    ("nextafter", "nextafter", [A, B], {}, True),
    ("nextafter/f64", "nextafter", [F64, np.zeros(3)], {}, False),
    ("fmin", "fmin", [NANS, NANS2], {}, False),
    ("population_count", "population_count", [I23], {}, False),
    ("population_count/int8", "population_count", [I23.astype(np.int8)], {}, False),
    ("population_count/int64", "population_count", [I23.astype(np.int64) * 99991], {}, False),
    ("pows", "pows", [P, B], {}, True),
    ("pows/scalar", "pows", [P, 2.5], {}, True),
    ("float_power_ext", "float_power_ext", [P, B], {}, False),
    ("float_power_ext/int", "float_power_ext", [J23, 2], {}, False),
]

# (case, class, constructor kwargs, inputs, with gradient)
PRIM_ROWS = [
    ("Lgamma", "Lgamma", {}, [NEG], True),
    ("Lgamma/int", "Lgamma", {}, [J23], False),
    ("Digamma", "Digamma", {}, [POS], True),
    ("Polygamma", "Polygamma", {}, [N1, POS], True),
    ("Igamma", "Igamma", {}, [POS, WIDE], True),
    ("Igammac", "Igammac", {}, [POS, WIDE], True),
    ("Zeta", "Zeta", {}, [ZX, POS2], True),
    ("Mvlgamma", "Mvlgamma", {"p": 2}, [MV], True),
    ("Betainc", "Betainc", {}, [POS, POS2, UNIT], False),
    ("BesselI0", "BesselI0", {}, [SGN], True), ("BesselI0e", "BesselI0e", {}, [SGN], True),
    ("BesselI1", "BesselI1", {}, [SGN], True), ("BesselI1e", "BesselI1e", {}, [SGN], True),
    ("BesselJ0", "BesselJ0", {}, [SGN], True), ("BesselJ1", "BesselJ1", {}, [SGN], True),
    ("BesselK0", "BesselK0", {}, [WIDE], True), ("BesselK0e", "BesselK0e", {}, [WIDE], True),
    ("BesselK1", "BesselK1", {}, [WIDE], True), ("BesselK1e", "BesselK1e", {}, [WIDE], True),
    ("BesselY0", "BesselY0", {}, [WIDE], True), ("BesselY1", "BesselY1", {}, [WIDE], True),
    ("Erfc", "Erfc", {}, [A], True),
    ("Sinc", "Sinc", {}, [SGN], True),
    ("NextAfter", "NextAfter", {}, [A, B], False),
    ("Gcd", "Gcd", {}, [I23, J23], False),
    ("Lcm", "Lcm", {}, [I23, J23], False),
    ("Heaviside", "Heaviside", {}, [np.array([-1., 0., 2., 0.], np.float32), np.array([.5, .25, .5, 3.], np.float32)],
     False),
    ("Xdivy", "Xdivy", {}, [A, P], True),
    ("MulNoNan", "MulNoNan", {}, [np.array([1., np.inf, np.nan, 2.], np.float32),
                                   np.array([0., 0., 0., 3.], np.float32)], False),
    ("MulNoNan/values", "MulNoNan", {}, [A, B * (B > 0)], True),
    ("TruncateDiv", "TruncateDiv", {}, [I23, J23], False),
    ("TruncateMod", "TruncateMod", {}, [I23, J23], False),
    ("TruncateMod/float", "TruncateMod", {}, [A * 3, P], False),
    ("Fmax", "Fmax", {}, [NANS, NANS2], False),
    ("Fmax/values", "Fmax", {}, [A, B], False),
    ("Fmin", "Fmin", {}, [NANS, NANS2], False),
    ("Rint", "Rint", {}, [HALF], False),
    ("Inv", "Inv", {}, [P], True),
    ("ApproximateEqual", "ApproximateEqual", {}, [A, A + np.float32(3e-6) * (A > 0)], False),
    ("ApproximateEqual/tol", "ApproximateEqual", {"tolerance": 0.5}, [A, B], False),
    ("LeftShift", "LeftShift", {}, [I23, SH], False),
    ("RightShift", "RightShift", {}, [I23, SH], False),
    ("PopulationCount", "PopulationCount", {}, [I23], False),
    ("Trace", "Trace", {}, [_r(16, (3, 4))], True),
    ("Addcdiv", "Addcdiv", {}, [A, B, P, np.array(0.5, np.float32)], True),
    ("Addcmul", "Addcmul", {}, [A, B, P, np.array(-1.5, np.float32)], True),
]

# (case, Cell, inputs, with gradient)
CELL_ROWS = [
    ("nn.LGamma", "LGamma", [POS], True),
    ("nn.DiGamma", "DiGamma", [POS], True),
    ("nn.IGamma", "IGamma", [POS, WIDE], True),
    ("nn.LBeta", "LBeta", [POS, POS2], True),
    ("nn.LBeta/small", "LBeta", [np.array([0.5, 1.5, 2.5], np.float32), np.array([1.0, 2.0, 0.7], np.float32)], True),
    ("nn.LBeta/large", "LBeta", [np.array([2., 4., 9., 10.], np.float32), np.array([2., 14., 15., 30.], np.float32)],
     False),
]

# (case, function or "P:Class" or "nn:Cell", inputs)
ERROR_ROWS = [
    ("err/bessel_j0_int", "bessel_j0", [J23]),
    ("err/polygamma_int_n", "polygamma", [1, POS]),
    ("err/igamma_dtypes", "igamma", [POS, F64]),
    ("err/zeta_int", "zeta", [J23, J23]),
    ("err/mvlgamma_domain", "mvlgamma", [MV - 4.0, 2]),
    ("err/population_count_float", "population_count", [A]),
    ("err/nextafter_dtypes", "nextafter", [A, F64]),
    ("err/P:Gcd_float", "P:Gcd", [A, B]),
    ("err/P:Rint_int", "P:Rint", [J23]),
    ("err/nn:IGamma_f64", "nn:IGamma", [F64, F64]),
    ("err/nn:LBeta_f64", "nn:LBeta", [F64, F64]),
    ("err/nn:DiGamma_int", "nn:DiGamma", [J23]),
]

# (case, class, constructor kwargs): the error class MindSpore's constructor raises
CTOR_ERROR_ROWS = [
    ("err/Mvlgamma_no_p", "Mvlgamma", {}),
    ("err/Mvlgamma_p0", "Mvlgamma", {"p": 0}),
    ("err/Mvlgamma_p_float", "Mvlgamma", {"p": 2.0}),
    ("err/ApproximateEqual_str", "ApproximateEqual", {"tolerance": "a"}),
]

DELIBERATE = {
    "fmin": "MindSpore 2.10's CPU build has no Fmin kernel (RuntimeError 'Unsupported op [Fmin] on CPU'); minispore "
            "computes it (np.fmin's rule, checked against NumPy in tests/test_golden_special.py)",
    "Fmin": "as 'fmin': MindSpore 2.10's CPU build has no Fmin kernel; minispore computes it",
    "nn.LBeta/small/grad": "MindSpore 2.10's nn.LBeta evaluates every branch of its select (the two-large-arguments "
                     "Stirling branch takes log of x / (x + y) and log1p(x / y)) and so its gradient is NaN for "
                     "small arguments; minispore's is the derivative, digamma(x) - digamma(x + y) (checked in "
                     "tests/test_golden_special.py)",
}
INSTEAD = {}
TOLERANCE = {}


def cases(ms):
    ops, nn = ms.ops, ms.nn
    out = []

    R = rows.Rows(ms, wrt=rows.differentiated(min_ndim=1))
    arg = R.arg

    def grad_of(call, inputs):         # the sum of the whole output
        return R.grad_of(call, inputs, out=None)

    for case, fname, inputs, kw, with_grad in ROWS:
        def thunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **kw)
        out.append((case, thunk))
        if with_grad:
            out.append((case + "/grad", lambda fname=fname, inputs=inputs, kw=kw:
                        grad_of(lambda *a: getattr(ops, fname)(*a, **kw), inputs)))

    for case, name, kw, inputs, with_grad in PRIM_ROWS:
        def pthunk(name=name, kw=kw, inputs=inputs):
            p = getattr(ops, name)(**kw)
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, pthunk))
        if with_grad:
            out.append((case + "/grad", lambda name=name, kw=kw, inputs=inputs:
                        grad_of(getattr(ops, name)(**kw), inputs)))

    for case, name, inputs, with_grad in CELL_ROWS:
        def cthunk(name=name, inputs=inputs):
            cell = getattr(nn, name)()
            return repr(cell), cell(*[arg(v) for v in inputs])
        out.append((case, cthunk))
        if with_grad:
            out.append((case + "/grad", lambda name=name, inputs=inputs: grad_of(getattr(nn, name)(), inputs)))

    for case, target, inputs in ERROR_ROWS:
        def ethunk(target=target, inputs=inputs):
            if target.startswith("P:"):
                fn = getattr(ops, target[2:])()
            elif target.startswith("nn:"):
                fn = getattr(nn, target[3:])()
            else:
                fn = getattr(ops, target)
            return fn(*[arg(v) for v in inputs])
        out.append((case, ethunk))

    for case, name, kw in CTOR_ERROR_ROWS:
        out.append((case, lambda name=name, kw=kw: str(getattr(ops, name)(**kw))))
    return out
