"""MindSpore's matrix Cells (its nn/layer/math.py and basic.py): ``MatDet`` and ``MatInverse`` of symmetric
positive definite matrices (through their Cholesky factor, as MindSpore computes them), ``MatrixDiag``,
``MatrixDiagPart`` and ``MatrixSetDiag`` of batched matrices. MindSpore 2.10's CPU build has no kernels for these
Cells (it raises at the first call); minispore computes them."""
from ... import ops
from ..cell import Cell
from ._validation import tensor_input

__all__ = ["MatDet", "MatInverse", "MatrixDiag", "MatrixDiagPart", "MatrixSetDiag"]


class MatDet(Cell):
    """The determinant of symmetric positive definite matrices (..., N, N): the squared product of the diagonal of
    their Cholesky factor."""

    def construct(self, a):
        tensor_input(a, "MatDet", "a")
        low = ops.cholesky(a)
        return ops.square(ops.prod(ops.matrix_diag_part(low), -1))


class MatInverse(Cell):
    """The inverse of symmetric positive definite matrices (..., N, N), from their Cholesky factor."""

    def construct(self, a):
        tensor_input(a, "MatInverse", "a")
        return ops.cholesky_inverse(ops.cholesky(a))


class MatrixDiag(Cell):
    """Diagonal matrices (..., N, N) from the diagonals ``x`` (..., N)."""

    def construct(self, input_x):
        tensor_input(input_x, "MatrixDiag", "input_x")
        return ops.matrix_diag(input_x)


class MatrixDiagPart(Cell):
    """The main diagonals (..., min(M, N)) of matrices (..., M, N)."""

    def construct(self, input_x):
        tensor_input(input_x, "MatrixDiagPart", "input_x")
        return ops.matrix_diag_part(input_x)


class MatrixSetDiag(Cell):
    """Matrices ``input_x`` (..., M, N) with their main diagonal replaced by ``diagonal`` (..., min(M, N))."""

    def construct(self, input_x, diagonal):
        tensor_input(input_x, "MatrixSetDiag", "input_x")
        return ops.matrix_set_diag(input_x, diagonal)
