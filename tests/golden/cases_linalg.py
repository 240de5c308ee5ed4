"""Reference ("golden") cases for MindSpore 2.10's linear algebra (minispore's ops/function/linalg_func.py,
ops/operations/linalg_ops.py and nn/layer/linalg_cells.py): the functions (``ops.cholesky``, ``ops.det``,
``ops.qr``...), the Primitive classes (``ops.Cholesky()``, ``ops.MatrixSolve()``...) and the matrix Cells
(``nn.MatDet``...).

``FUNCTION_ROWS``: ``(case, function name, inputs, keyword arguments, gradient)``; ``PRIM_ROWS``: ``(case, class,
constructor kwargs, inputs, gradient)`` (the case records the printed Primitive too); ``CELL_ROWS``: ``(case, Cell,
inputs)``. A case gives the output (values and dtypes); ``gradient`` is None (no gradient row) or the index of
the output whose sum ``<case>/grad`` differentiates (``ms.grad``) with respect to the float32 array inputs.
``ERROR_ROWS`` are calls MindSpore refuses (the error class). ``gen_linalg.py`` records ``linalg.json`` with
MindSpore; tests/test_golden_linalg.py runs the same rows on minispore.

The singular vectors, eigenvectors and QR factors are fixed only up to signs (columns): the SVD rows record the
absolute values of U and V, the QR rows are on matrices where LAPACK's signs are the recorded ones.
"""
import numpy as np

import rows


_r = rows.uniform


def _spd(seed, batch=()):
    m = _r(seed, batch + (3, 3)).astype(np.float64)
    return (m @ np.swapaxes(m, -1, -2) + 3 * np.eye(3)).astype(np.float32)


SPD = _spd(1)
SPD2 = _spd(2, (2,))
WELL = _r(3, (3, 3), -0.5, 0.5) + 2 * np.eye(3, dtype=np.float32)
WELL2 = _r(4, (2, 3, 3), -0.5, 0.5) + 2 * np.eye(3, dtype=np.float32)
NEG = WELL * np.array([[1.], [-1.], [1.]], np.float32)          # a negative determinant
B32 = _r(5, (3, 2))
B232 = _r(6, (2, 3, 2))
TALL = _r(7, (4, 3))
TALL42 = _r(8, (4, 2))
RHS43 = _r(9, (4, 3))
UPPER = np.triu(_r(10, (3, 3))) + np.diag([3., -1., 2.]).astype(np.float32)   # real, distinct eigenvalues
X243 = _r(11, (2, 4, 3))
X253 = _r(12, (2, 5, 3))
X43 = _r(13, (4, 3))
V3 = _r(14, (3,))
V2 = _r(15, (2,))
D3 = _r(16, (3,))
D2 = _r(17, (2,))
D23 = _r(18, (2, 3))
M34 = _r(19, (3, 4))
F64 = np.random.default_rng(20).uniform(-1, 1, (4, 3))
RHS64 = np.random.default_rng(21).uniform(-1, 1, (4, 2))
TRI = [_r(22, (1, 4)), _r(23, (1, 4)), _r(24, (1, 4)), _r(25, (4, 2))]

# (case, function, inputs, kwargs, gradient of output #)
FUNCTION_ROWS = [
    ("cholesky", "cholesky", [SPD], {}, None),
    ("cholesky/upper", "cholesky", [SPD], {"upper": True}, None),
    ("cholesky/batch", "cholesky", [SPD2], {}, None),
    ("cholesky_inverse", "cholesky_inverse", [np.linalg.cholesky(SPD)], {}, 0),
    ("cholesky_inverse/upper", "cholesky_inverse", [np.linalg.cholesky(SPD).T.copy()], {"upper": True}, 0),
    ("cholesky_solve", "cholesky_solve", [B32, np.linalg.cholesky(SPD)], {}, 0),
    ("cholesky_solve/upper", "cholesky_solve", [B32, np.linalg.cholesky(SPD).T.copy()], {"upper": True}, 0),
    ("matrix_determinant", "matrix_determinant", [WELL2], {}, 0),
    ("det", "det", [NEG], {}, 0),
    ("log_matrix_determinant", "log_matrix_determinant", [WELL2], {}, 1),
    ("slogdet", "slogdet", [NEG], {}, 1),
    ("logdet", "logdet", [WELL], {}, 0),
    ("inverse", "inverse", [WELL2], {}, 0),
    ("matrix_power", "matrix_power", [WELL, 3], {}, 0),
    ("matrix_power/0", "matrix_power", [WELL, 0], {}, None),
    ("matrix_power/neg", "matrix_power", [WELL, -2], {}, 0),
    ("matrix_solve", "matrix_solve", [WELL2, B232], {}, 0),
    ("matrix_solve/adjoint", "matrix_solve", [WELL, B32], {"adjoint": True}, 0),
    ("qr", "qr", [TALL], {}, None),
    ("qr/complete", "qr", [TALL], {"mode": "complete"}, None),
    ("svd/values", "svd", [TALL], {"compute_uv": False}, 0),
    ("svd/batch", "svd", [X243], {"compute_uv": False}, 0),
    ("eigvals", "eigvals", [UPPER], {}, None),
    ("pinv", "pinv", [TALL], {}, 0),
    ("lstsq", "lstsq", [TALL42, RHS43], {}, None),
    # columns 1e-4 apart (the normal equations lose this in float32); rank-deficient: MindSpore's basic solution
    ("lstsq/ill_conditioned", "lstsq", [np.array([[1., 1.], [1., 1.0001], [1., 0.9999]], np.float32),
                                        np.array([[2.], [2.0001], [1.9999]], np.float32)], {}, None),
    ("lstsq/rank_deficient", "lstsq", [np.ones((3, 2), np.float32), np.ones((3, 1), np.float32)], {}, None),
    ("matrix_diag", "matrix_diag", [D3], {}, 0),
    ("matrix_diag/k", "matrix_diag", [D2], {"k": 1, "padding_value": 9.0}, None),
    ("matrix_diag/rows", "matrix_diag", [D23], {"k": -1, "num_rows": 4, "num_cols": 3}, None),
    ("matrix_diag_part", "matrix_diag_part", [M34, np.int32(0), np.float32(0.0)], {}, None),
    ("matrix_diag_part/k", "matrix_diag_part", [M34, np.int32(1), np.float32(0.0)], {}, None),
    ("matrix_set_diag", "matrix_set_diag", [M34, D3], {}, None),
    ("matrix_set_diag/k", "matrix_set_diag", [M34, D2, -1], {}, None),
    ("vecdot", "vecdot", [X43, _r(26, (4, 3))], {}, 0),
    ("vecdot/axis", "vecdot", [X43, _r(26, (4, 3))], {"axis": 0}, None),
    ("cdist", "cdist", [X243, X253], {}, 0),
    ("cdist/p1", "cdist", [X243, X253], {"p": 1.0}, 0),
    ("cdist/p3", "cdist", [X243, X253], {"p": 3.0}, None),
    ("pdist", "pdist", [X43], {}, 0),
    ("pdist/p1", "pdist", [X43], {"p": 1.0}, None),
    ("matrix_exp", "matrix_exp", [WELL * 0.5], {}, None),
]

# (case, class, constructor kwargs, inputs, gradient of output #)
PRIM_ROWS = [
    ("Cholesky", "Cholesky", {}, [SPD], None),
    ("Cholesky/upper", "Cholesky", {"upper": True}, [SPD], None),
    ("CholeskyInverse", "CholeskyInverse", {}, [np.linalg.cholesky(SPD)], 0),
    ("CholeskySolve", "CholeskySolve", {}, [B32, np.linalg.cholesky(SPD)], 0),
    ("MatrixDeterminant", "MatrixDeterminant", {}, [WELL2], 0),
    ("LogMatrixDeterminant", "LogMatrixDeterminant", {}, [NEG], 1),
    ("MatrixInverse", "MatrixInverse", {}, [WELL], 0),
    ("MatrixInverse/adjoint", "MatrixInverse", {"adjoint": True}, [WELL], None),
    ("MatrixPower", "MatrixPower", {"n": 2}, [WELL], 0),
    ("MatrixSolve", "MatrixSolve", {}, [WELL, B32], 0),
    ("MatrixSolveLs", "MatrixSolveLs", {}, [F64, RHS64, np.float64(0.0)], None),
    ("MatrixSolveLs/l2", "MatrixSolveLs", {}, [F64, RHS64, np.float64(0.5)], None),
    ("MatrixTriangularSolve", "MatrixTriangularSolve", {}, [WELL, B32], 0),
    ("MatrixTriangularSolve/upper_adjoint", "MatrixTriangularSolve", {"lower": False, "adjoint": True}, [WELL, B32],
     None),
    ("Qr", "Qr", {}, [TALL], None),
    ("Qr/full", "Qr", {"full_matrices": True}, [TALL], None),
    ("Svd/values", "Svd", {"compute_uv": False}, [TALL], None),
    ("Lstsq", "Lstsq", {}, [TALL42, RHS43], None),
    ("Ger", "Ger", {}, [V3, V2], 0),
    ("TridiagonalMatMul", "TridiagonalMatMul", {}, TRI, None),
    ("MatrixBandPart", "MatrixBandPart", {}, [M34, 1, 0], None),
    ("MatrixDiagV3", "MatrixDiagV3", {}, [D3, np.int32(0), np.int32(-1), np.int32(-1), np.float32(0)], None),
    ("MatrixDiagV3/k", "MatrixDiagV3", {}, [D2, np.int32(1), np.int32(-1), np.int32(-1), np.float32(5)], None),
    ("MatrixDiagPartV3", "MatrixDiagPartV3", {}, [M34, np.int32(1), np.float32(0)], None),
    ("MatrixSetDiagV3", "MatrixSetDiagV3", {}, [M34, D3, np.int32(0)], None),
    ("Cdist", "Cdist", {}, [X243, X253], 0),
    ("Cdist/p1", "Cdist", {"p": 1.0}, [X243, X253], None),
    ("Pdist", "Pdist", {}, [X43], 0),
    ("NuclearNorm", "NuclearNorm", {}, [WELL], None),
    ("Eig", "Eig", {"compute_v": False}, [UPPER], None),
    ("MatrixExp", "MatrixExp", {}, [WELL * 0.5], None),
]

# (case, Cell, inputs)
CELL_ROWS = [
    ("nn.MatDet", "MatDet", [SPD2]),
    ("nn.MatInverse", "MatInverse", [SPD]),
    ("nn.MatrixDiag", "MatrixDiag", [D23]),
    ("nn.MatrixDiagPart", "MatrixDiagPart", [M34]),
    ("nn.MatrixSetDiag", "MatrixSetDiag", [M34, D3]),
]

# (case, function, inputs, kwargs): MindSpore raises
ERROR_ROWS = [
    ("err/inverse_nonsquare", "inverse", [M34], {}),
    ("err/matrix_solve_shapes", "matrix_solve", [WELL, TALL42], {}),
    ("err/cholesky_nonsquare", "cholesky", [M34], {}),
    ("err/det_nonsquare", "det", [M34], {}),
]

# MindSpore 2.10's CPU build has no kernel for these ("Unsupported op"): minispore computes them (checked against
# NumPy formulas in tests/test_golden_linalg.py and tests/ops/prim_cases_linalg2.py)
_NO_CPU_KERNEL = "MindSpore 2.10's CPU build has no kernel for it; minispore computes it"
# MindSpore's CholeskyInverse bprop is not the derivative of inv(L L^T) (central differences agree with minispore's,
# tests/test_golden_linalg.py::test_gradients_through_the_compositions_match_central_differences)
_WRONG_BPROP = "MindSpore 2.10's CholeskyInverse gradient is not the derivative (checked by central differences)"
DELIBERATE = {
    "matrix_exp": _NO_CPU_KERNEL,
    "MatrixExp": _NO_CPU_KERNEL,
    "nn.MatDet": _NO_CPU_KERNEL,
    "nn.MatInverse": _NO_CPU_KERNEL,
    "nn.MatrixDiag": _NO_CPU_KERNEL,
    "nn.MatrixDiagPart": _NO_CPU_KERNEL,
    "nn.MatrixSetDiag": _NO_CPU_KERNEL,
    # a bug: without compute_v MindSpore returns an uninitialised 0-d complex as the eigenvectors; minispore None
    "cholesky_inverse/grad": _WRONG_BPROP,
    "CholeskyInverse/grad": _WRONG_BPROP,
    "Eig": "MindSpore 2.10 returns uninitialised memory as the eigenvectors without compute_v; minispore None",
    "lstsq/rank_deficient": "of the least-squares solutions MindSpore 2.10 returns a basic one ([1, 0]); minispore the "
                            "one of minimum norm ([0.5, 0.5], NumPy's lstsq)",
}
TOLERANCE = {}


def cases(ms):
    ops, nn = ms.ops, ms.nn
    out = []

    R = rows.Rows(ms)
    arg, grad_of = R.arg, R.grad_of

    for case, fname, inputs, kw, g in FUNCTION_ROWS:
        def fn(*a, fname=fname, kw=kw):
            return getattr(ops, fname)(*a, **kw)
        out.append((case, lambda fn=fn, inputs=inputs: fn(*[arg(v) for v in inputs])))
        if g is not None:
            out.append((case + "/grad", lambda fn=fn, inputs=inputs, g=g: grad_of(fn, inputs, out=g)))

    for case, cname, kw, inputs, g in PRIM_ROWS:
        def thunk(cname=cname, kw=kw, inputs=inputs):
            p = getattr(ops, cname)(**kw)
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, thunk))
        if g is not None:
            def gthunk(cname=cname, kw=kw, inputs=inputs, g=g):
                return grad_of(getattr(ops, cname)(**kw), inputs, out=g)
            out.append((case + "/grad", gthunk))

    for case, cname, inputs in CELL_ROWS:
        out.append((case, lambda cname=cname, inputs=inputs: getattr(nn, cname)()(*[arg(v) for v in inputs])))

    for case, fname, inputs, kw in ERROR_ROWS:
        out.append((case, lambda fname=fname, inputs=inputs, kw=kw: getattr(ops, fname)(*[arg(v) for v in inputs],
                                                                                       **kw)))

    # the factors fixed up to signs: |U|, |V| and the reconstruction U diag(S) V^T
    def svd_parts(full):
        s, u, v = ops.svd(ms.Tensor(TALL), full_matrices=full)
        k = s.shape[-1]
        rebuilt = ops.matmul(u[:, :k] * s, v[:, :k].T)
        return s, ops.abs(u), ops.abs(v), rebuilt
    out.append(("svd/abs_vectors", lambda: svd_parts(False)))
    out.append(("svd/abs_vectors_full", lambda: svd_parts(True)))

    def svd_vectors_grad():        # sum |U| + 2 sum |V|: its gradient does not depend on the columns' signs
        def f(x):
            _, u, v = ops.svd(x)
            return ops.sum(ops.abs(u)) + 2 * ops.sum(ops.abs(v))
        return ms.grad(f)(ms.Tensor(TALL))
    out.append(("svd/abs_vectors/grad", svd_vectors_grad))

    def svd_prim():
        s, u, v = ops.Svd()(ms.Tensor(TALL))
        return str(ops.Svd()), s, ops.abs(u), ops.abs(v)
    out.append(("Svd/abs_vectors", svd_prim))

    def eig_values_vectors():      # (the phase of a complex eigenvector is free: |v| through NumPy)
        w, v = ops.eig(ms.Tensor(UPPER))
        return w, ms.Tensor(np.abs(v.asnumpy()).astype(np.float32))
    out.append(("eig/abs_vectors", eig_values_vectors))
    return out
