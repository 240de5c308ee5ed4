"""Reference ("golden") cases for the Tensor methods of MindSpore 2.10 added in issue 9 item 3's third round (the
linear-algebra and special-function methods, DLPack) and for ops.median's NaN rule: one table row per method call,
``(case name, self, args, kwargs)`` as in cases_methods.py (same argument encoding), the method the name before
the ``/``.

Decompositions whose factors are fixed only up to signs (``qr``, ``svd``) are recorded by the absolute values of
their factors (``POST``); ``EXTRA`` holds the cases that are not one method call (the DLPack round trip).

``gen_methods2.py`` records ``methods2.json`` with MindSpore; tests/test_golden_methods2.py runs the same rows on
minispore. DELIBERATE lists where minispore differs on purpose, with INSTEAD (NumPy-computed here) what it gives.

Surprises in MindSpore 2.10.0's CPU build (evidence: the recorded case)
----------------------------------------------------------------------
* ``Tensor.eigvals()`` raises TypeError: the method calls ``ops.eigvals`` without the tensor (a bug);
* ``Tensor.triangular_solve`` raises AttributeError (the method's registry has no ``triangular_solve``) and
  ``mint.triangular_solve`` has no CPU kernel; minispore solves, as mint.triangular_solve documents;
* ``ops.median``/``Tensor.median``: a slice holding NaN has median NaN, its index the first NaN's.
"""
import numpy as np

from cases_methods import _convert, _t, f32, pos32

_RNG = np.random.default_rng(20)
A33 = f32(21, (3, 3))
SPD = (A33 @ A33.T + 3 * np.eye(3)).astype(np.float32)
LOW = np.linalg.cholesky(SPD.astype(np.float64)).astype(np.float32)
B32 = f32(22, (3, 2))
A43 = f32(23, (4, 3))
B42 = f32(24, (4, 2))
P23 = pos32(25, (2, 3))
Q23 = pos32(26, (2, 3))
TRI = (np.triu(A33) + 3 * np.eye(3)).astype(np.float32)
MED = np.array([[1., np.nan, 3., 0.], [2., 5., np.nan, np.nan], [4., 1., 2., 3.]], np.float32)

ROWS = [
    ("cholesky/lower", SPD, (), {}), ("cholesky/upper", SPD, (), {"upper": True}),
    ("cholesky_inverse/lower", LOW, (), {}), ("cholesky_inverse/upper", LOW.T.copy(), (True,), {}),
    ("cholesky_solve/lower", B32, (LOW,), {}), ("cholesky_solve/upper", B32, (LOW.T.copy(),), {"upper": True}),
    ("det/f32", A33, (), {}), ("matrix_determinant/f32", A33, (), {}), ("logdet/f32", SPD, (), {}),
    ("slogdet/f32", A33, (), {}), ("log_matrix_determinant/f32", A33, (), {}), ("inverse/f32", A33, (), {}),
    ("lstsq/f32", A43, (B42,), {}),
    ("digamma/f32", P23, (), {}), ("lgamma/f32", P23, (), {}), ("i0/f32", P23, (), {}),
    ("igamma/f32", P23, (Q23,), {}), ("igammac/f32", P23, (Q23,), {}), ("mvlgamma/p2", P23 + 2, (2,), {}),
    ("nextafter/f32", P23, (np.zeros((2, 3), np.float32),), {}),
    ("qr/reduced", A43, (), {}), ("qr/complete", A43, (), {"some": False}), ("qr/err_some_int", A43, (1,), {}),
    ("svd/f32", A43, (), {}), ("svd/full", A43, (), {"full_matrices": True}),
    ("svd/values_only", A43, (), {"compute_uv": False}),
    ("eigvals/triangular", TRI, (), {}),
    ("triangular_solve/upper", B32, (A33,), {}),
    ("triangular_solve/lower_transpose_unit", B32, (A33,), {"upper": False, "transpose": True,
                                                             "unitriangular": True}),
    ("median/nan_last_axis", MED, (), {}), ("median/nan_axis0", MED, (), {"axis": 0}),
    ("median/nan_keepdims", MED, (), {"axis": 1, "keepdims": True}),
    ("hooks/none", P23, (), {}),
]


def _abs_all(ms, res):
    return tuple(ms.ops.abs(r) for r in res)


def _parts(ms, res):
    """(sorted real parts, imaginary parts): LAPACK's order of the eigenvalues is its own."""
    return ms.ops.sort(ms.ops.real(res))[0], ms.ops.imag(res)


POST = {"qr": _abs_all, "svd": lambda ms, res: _abs_all(ms, res) if isinstance(res, tuple) else res,
        "eigvals": _parts}


def _roundtrip(ms):
    t = ms.Tensor(A33)
    return ms.Tensor.from_dlpack(t.to_dlpack())


def _consumed_twice(ms):
    cap = ms.Tensor(A33).to_dlpack()
    ms.Tensor.from_dlpack(cap)
    return ms.Tensor.from_dlpack(cap)


def _int_roundtrip(ms):
    t = ms.Tensor(np.array([[3, -1], [7, 2]], np.int64))
    return ms.Tensor.from_dlpack(t.to_dlpack())


EXTRA = {"to_dlpack/roundtrip": _roundtrip, "to_dlpack/int64": _int_roundtrip,
         "from_dlpack/consumed_twice": _consumed_twice}


def _lower_unit(a):
    m = np.tril(a.astype(np.float64))
    np.fill_diagonal(m, 1)
    return m


DELIBERATE = {
    "eigvals/triangular": "MindSpore 2.10's Tensor.eigvals calls ops.eigvals without the tensor (TypeError); "
                          "minispore gives the eigenvalues",
    "triangular_solve/upper": "MindSpore 2.10's Tensor.triangular_solve raises AttributeError (and "
                              "mint.triangular_solve has no CPU kernel); minispore solves",
    "triangular_solve/lower_transpose_unit": "as triangular_solve/upper",
}
INSTEAD = {
    "eigvals/triangular": {"tuple": [_t(np.sort(np.diag(TRI))), _t(np.zeros(3))]},
    "triangular_solve/upper": {"tuple": [_t(np.linalg.solve(np.triu(A33.astype(np.float64)), B32)), _t(A33)]},
    "triangular_solve/lower_transpose_unit": {"tuple": [_t(np.linalg.solve(_lower_unit(A33).T, B32)), _t(A33)]},
}
UNSTABLE = {}
NOTES = {}
KEYWORDS = {"qr/err_some_int": ["qr", "some"], "from_dlpack/consumed_twice": ["from_dlpack", "once"]}


def tolerance(name):
    return 1e-4, 1e-5


def cases(ms, jit=False):
    out = []
    for name, x, args, kwargs in ROWS:
        method = name.split("/")[0]

        def thunk(x=x, args=args, kwargs=kwargs, method=method):
            res = getattr(ms.Tensor(x), method)(*_convert(ms, args), **{k: _convert(ms, v) for k, v in kwargs.items()})
            return POST[method](ms, res) if method in POST else res
        if name in KEYWORDS:
            thunk.keywords = KEYWORDS[name]
        out.append((name, thunk))
    for name, fn in EXTRA.items():
        def thunk(fn=fn):
            return fn(ms)
        if name in KEYWORDS:
            thunk.keywords = KEYWORDS[name]
        out.append((name, thunk))
    return out
