"""MindSpore's linear-algebra Primitive classes (its ``ops/operations/linalg_ops.py`` and the matrix classes of
``math_ops.py``): ``Cholesky``, ``MatrixInverse``, ``MatrixSolve``, ``Qr``, ``Svd``, ``Cdist``... Each is a thin
wrapper over the functional op of ops/function/linalg_func.py (or more_func.py), re-exported by math_ops.py."""
from .. import function as F
from ..function import linalg_func as _LF
from ._base import _MISSING, collect, prim


def _adjoint(x):
    return F.swapaxes(x, -1, -2)


def _triangular_solve(self, matrix, rhs):
    """Only the ``lower`` (or upper) triangle of ``matrix`` is read; ``adjoint`` solves with its transpose."""
    tri = F.tril(matrix) if self.lower else F.triu(matrix)
    return F.matrix_solve(_adjoint(tri) if self.adjoint else tri, rhs)


def _tridiagonal_matmul(self, superdiag, maindiag, subdiag, rhs):
    """``T @ rhs`` for the tridiagonal T (..., M, M) given by its three diagonals (..., 1, M): the last entry of
    ``superdiag`` and the first of ``subdiag`` are not used."""
    m = maindiag.shape[-1]
    sup, main, sub = (F.reshape(d, tuple(d.shape[:-2]) + (m,)) for d in (superdiag, maindiag, subdiag))
    t = F.matrix_diag(main)
    if m > 1:
        t = F.add(t, F.matrix_diag(sup[..., :m - 1], 1, m, m))
        t = F.add(t, F.matrix_diag(sub[..., 1:], -1, m, m))
    return F.matmul(t, rhs)


def _nuclear_norm(self, x):
    dim = self.dim if self.dim is not None else (-2, -1)
    return F.norm(x, "nuc", tuple(dim), self.keepdim)


def _quiet(cls, *names, hidden=()):
    """MindSpore prints some classes without their constructor arguments (``Prim[MatrixPower]``) or with extra
    attributes (``max_length``): the same ``attrs`` here."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        for n in names:
            self.attrs.pop(n, None)
        for n, v in hidden:
            self.attrs[n] = v
    cls.__init__ = __init__
    return cls


def _svd(self, x):
    """Without ``compute_uv`` MindSpore's Svd still returns three outputs, the last two a zero of shape (1,)."""
    out = F.svd(x, self.full_matrices, self.compute_uv)
    if self.compute_uv:
        return out
    return out, F.zeros((1,), x.dtype), F.zeros((1,), x.dtype)


def _eig(self, x):
    values, vectors = F.eig(x)
    return values, vectors if self.compute_v else None


Cholesky = prim("Cholesky", lambda self, x: F.cholesky(x, self.upper), [("upper", False)])
CholeskyInverse = prim("CholeskyInverse", lambda self, x: F.cholesky_inverse(x, self.upper), [("upper", False)])
CholeskySolve = prim("CholeskySolve", lambda self, x1, x2: F.cholesky_solve(x1, x2, self.upper), [("upper", False)])
MatrixDeterminant = prim("MatrixDeterminant", lambda self, x: F.matrix_determinant(x))
LogMatrixDeterminant = prim("LogMatrixDeterminant", lambda self, x: F.log_matrix_determinant(x))
MatrixInverse = prim("MatrixInverse", lambda self, x: F.inverse(_adjoint(x) if self.adjoint else x),
                     [("adjoint", False)])
MatrixPower = prim("MatrixPower", lambda self, x: F.matrix_power(x, self.n), [("n", _MISSING)])
MatrixExp = prim("MatrixExp", lambda self, x: F.matrix_exp(x))
MatrixSolve = prim("MatrixSolve", lambda self, matrix, rhs: F.matrix_solve(matrix, rhs, self.adjoint),
                   [("adjoint", False)])
MatrixSolveLs = prim("MatrixSolveLs", lambda self, matrix, rhs, l2: _LF._least_squares(
    "MatrixSolveLs", matrix, rhs, float(l2.asnumpy()) if hasattr(l2, "asnumpy") else float(l2)), [("fast", True)])
MatrixTriangularSolve = prim("MatrixTriangularSolve", _triangular_solve, [("lower", True), ("adjoint", False)])
Qr = prim("Qr", lambda self, x: F.qr(x, "complete" if self.full_matrices else "reduced"), [("full_matrices", False)])
Svd = prim("Svd", _svd,
           [("full_matrices", False), ("compute_uv", True)])
Lstsq = prim("Lstsq", lambda self, x, y: _LF._least_squares("Lstsq", x, y, self.l2_regularizer),
             [("fast", True), ("l2_regularizer", 0.0)])
Ger = prim("Ger", lambda self, x1, x2: F.outer(x1, x2))
TridiagonalMatMul = prim("TridiagonalMatMul", _tridiagonal_matmul)
MatrixBandPart = prim("MatrixBandPart", lambda self, x, lower, upper: F.matrix_band_part(
    x, int(lower.asnumpy()) if hasattr(lower, "asnumpy") else lower,
    int(upper.asnumpy()) if hasattr(upper, "asnumpy") else upper))
MatrixDiagV3 = prim("MatrixDiagV3", lambda self, x, k, num_rows, num_cols, padding_value: F.matrix_diag(
    x, k, num_rows, num_cols, padding_value, self.align), [("align", "RIGHT_LEFT")])
MatrixDiagPartV3 = prim("MatrixDiagPartV3", lambda self, x, k, padding_value: F.matrix_diag_part(
    x, k, padding_value, self.align), [("align", "RIGHT_LEFT")])
MatrixSetDiagV3 = prim("MatrixSetDiagV3", lambda self, x, diagonal, k: F.matrix_set_diag(x, diagonal, k, self.align),
                       [("align", "RIGHT_LEFT")])
Cdist = prim("Cdist", lambda self, x1, x2: F.cdist(x1, x2, self.p), [("p", 2.0)])
Pdist = prim("Pdist", lambda self, x: F.pdist(x, self.p), [("p", 2.0)])
# MindSpore records dim=None as its sentinel list [1000] (printed so): the text is kept as it prints
NuclearNorm = prim("NuclearNorm", _nuclear_norm, [("dim", None), ("keepdim", False)],
                   shown={"dim": lambda v: "[1000]" if v is None else v})
Eig = prim("Eig", _eig, [("compute_v", False)])

_quiet(MatrixPower, "n")
_quiet(MatrixSolve, "adjoint")
_quiet(MatrixDiagPartV3, hidden=(("max_length", 200000000),))
_quiet(MatrixSetDiagV3, hidden=(("max_length", 200000000),))

__all__ = collect(globals())
