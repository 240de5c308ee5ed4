"""MindSpore 2.10's linear-algebra functions of ``mindspore.ops``: Cholesky (``cholesky``, ``cholesky_inverse``,
``cholesky_solve``), determinants (``det``, ``slogdet``, ``logdet``...), ``inverse``, ``matrix_power``,
``matrix_exp``, ``matrix_solve``, the factorizations (``qr``, ``svd``, ``eig``), ``pinv``, ``lstsq``, the
diagonal helpers (``matrix_diag``, ``matrix_diag_part``, ``matrix_set_diag``), ``vecdot``, ``cdist``, ``pdist``.

The matrices are the last two dimensions, batched over the others. The primitives are in ops/_prims/linalg2.py;
the rest are compositions of ops (no array library named here), so they differentiate through their parts.
"""
import builtins
import math

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from .. import _prims as P
from .._prims import linalg2 as _L
from . import array_func as _A
from . import math_func as _M

__all__ = [
    "cholesky", "cholesky_inverse", "cholesky_solve", "matrix_determinant", "det", "log_matrix_determinant",
    "slogdet", "logdet", "inverse", "matrix_power", "matrix_exp", "matrix_solve", "qr", "svd", "eig", "eigvals",
    "pinv", "lstsq", "matrix_diag", "matrix_diag_part", "matrix_set_diag", "vecdot", "cdist", "pdist",
]


def _tensor(x, op, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _matrix(x, op, name="input"):
    _tensor(x, op, name)
    if x.ndim < 2:
        raise ValueError(f"For '{op}', the '{name}' must be at least 2-D, but got shape {tuple(x.shape)}.")
    return x


def _mT(x):
    return _A.swapaxes(x, -1, -2)


# ----------------------------------------------------------------------------- Cholesky
def cholesky(input_x, upper=False):
    """The Cholesky factor ``L`` (``A = L L^T``) or with ``upper`` ``U`` (``A = U^T U``) of symmetric positive
    definite matrices."""
    _matrix(input_x, "cholesky", "input_x")
    return _L.cholesky(input_x, upper=bool(upper))


def _from_factor(f, upper):
    return _A.matmul(_mT(f), f) if upper else _A.matmul(f, _mT(f))


def cholesky_inverse(input_x, upper=False):
    """``A^-1`` from the Cholesky factor of ``A``."""
    _matrix(input_x, "cholesky_inverse", "input_x")
    return _L.matrix_inverse(_from_factor(input_x, upper))


def cholesky_solve(input, input2, upper=False):
    """``A^-1 input`` from the Cholesky factor ``input2`` of ``A``."""
    _matrix(input, "cholesky_solve")
    _matrix(input2, "cholesky_solve", "input2")
    return _L.matrix_solve(_from_factor(input2, upper), input)


# ----------------------------------------------------------------------------- determinants and inverse
def matrix_determinant(input):
    _tensor(input, "matrix_determinant")
    return _L.matrix_determinant(input)


def det(input):
    _tensor(input, "det")
    return _L.matrix_determinant(input)


def log_matrix_determinant(input):
    """``(sign, log|det|)``."""
    _tensor(input, "log_matrix_determinant")
    return _L.determinant_sign(input), _L.log_abs_determinant(input)


def slogdet(input):
    _tensor(input, "slogdet")
    return _L.determinant_sign(input), _L.log_abs_determinant(input)


def logdet(input):
    """``log(det)``: NaN where the determinant is negative (as MindSpore), -inf where it is 0."""
    _tensor(input, "logdet")
    return _M.log(_L.matrix_determinant(input))


def inverse(input):
    _tensor(input, "inverse")
    return _L.matrix_inverse(input)


def matrix_power(input, n):
    """``input`` multiplied by itself ``n`` times (the identity for 0, powers of the inverse for negative n), by
    repeated squaring."""
    _tensor(input, "matrix_power")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"For 'matrix_power', 'n' must be an int, but got {type(n).__name__}.")
    _L._square("matrix_power", input)
    if n == 0:
        return _A.broadcast_to(_A.eye(input.shape[-1], dtype=input.dtype), tuple(input.shape))
    base = _L.matrix_inverse(input) if n < 0 else input
    k, result = builtins.abs(n), None
    while k:
        if k & 1:
            result = base if result is None else _A.matmul(result, base)
        k >>= 1
        if k:
            base = _A.matmul(base, base)
    return result


def matrix_exp(input):
    """``exp`` of square matrices (the power series). MindSpore 2.10's CPU build has no kernel for it."""
    _tensor(input, "matrix_exp")
    return _L.matrix_exp(input)


def matrix_solve(matrix, rhs, adjoint=False):
    """``matrix^-1 rhs`` (``matrix^-H rhs`` with ``adjoint``)."""
    _tensor(matrix, "matrix_solve", "matrix")
    _tensor(rhs, "matrix_solve", "rhs")
    a = _mT(matrix) if adjoint else matrix
    return _L.matrix_solve(a, rhs)


# ----------------------------------------------------------------------------- factorizations
def qr(input, mode="reduced"):
    """``(Q, R)``; ``mode`` 'reduced' (Q is (M, K), K = min(M, N)) or 'complete' (Q is (M, M))."""
    _matrix(input, "qr")
    if mode not in ("reduced", "complete"):
        raise ValueError(f"For 'qr', 'mode' must be 'reduced' or 'complete', but got {mode!r}.")
    full = mode == "complete"
    return _L.qr_part(input, full=full, part="q"), _L.qr_part(input, full=full, part="r")


def svd(input, full_matrices=False, compute_uv=True):
    """``(S, U, V)`` (V, not its transpose), or ``S`` without ``compute_uv``. The singular vectors carry LAPACK's
    signs."""
    _matrix(input, "svd")
    s = _L.svd_part(input, full=bool(full_matrices), part="s")
    if not compute_uv:
        return s
    return s, _L.svd_part(input, full=bool(full_matrices), part="u"), _L.svd_part(input, full=bool(full_matrices),
                                                                                   part="v")


def eig(A):
    """``(eigenvalues, eigenvectors)``, complex."""
    _tensor(A, "eig", "A")
    return _L.eig_part(A, part="values"), _L.eig_part(A, part="vectors")


def eigvals(A):
    _tensor(A, "eigvals", "A")
    return _L.eig_part(A, part="values")


def pinv(x, *, atol=None, rtol=None, hermitian=False):
    """The Moore-Penrose pseudo-inverse; singular values at most ``max(atol, rtol * largest)`` count as zero
    (``rtol`` defaults to ``max(M, N) * eps`` when ``atol`` is not given, else 0)."""
    _matrix(x, "pinv", "x")
    eps = {mstype.float64: 2.220446049250313e-16}.get(x.dtype, 1.1920928955078125e-07)
    if rtol is None:
        rtol = builtins.max(x.shape[-1], x.shape[-2]) * eps if atol is None or atol <= 0 else 0.0
    return _L.pinv(x, atol=float(atol or 0.0), rtol=float(rtol))


def _least_squares(op, a, b, l2=0.0):
    """``argmin_x |a x - b|^2 + l2 |x|^2``: with ``l2`` through the (then positive definite) normal equations, without
    it as ``pinv(a) b`` (the SVD: rank-deficient and ill-conditioned ``a`` too, the minimum-norm solution)."""
    _matrix(a, op)
    _matrix(b, op)
    if a.shape[-2] != b.shape[-2]:
        raise ValueError(f"For '{op}', the matrix and the right-hand side must have the same number of rows, but "
                         f"got shapes {tuple(a.shape)} and {tuple(b.shape)}.")
    if not l2:
        if a.dtype == mstype.float64:
            return _A.matmul(pinv(a), b)
        # in float64: the product with the pseudo-inverse cancels cond(a)-sized terms
        a64, b64 = _A.cast(a, mstype.float64), _A.cast(b, mstype.float64)
        return _A.cast(_A.matmul(pinv(a64), b64), a.dtype)
    at = _mT(a)
    gram = _M.add(_A.matmul(at, a), _M.mul(_A.eye(a.shape[-1], dtype=a.dtype), l2))
    return _L.matrix_solve(gram, _A.matmul(at, b))


def lstsq(input, A):
    """The least-squares solution ``X`` of ``input X = A`` (``input`` (M, N), ``A`` (M, K)); of several, the one of
    minimum norm."""
    _tensor(input, "lstsq")
    _tensor(A, "lstsq", "A")
    return _least_squares("lstsq", input, A)


# ----------------------------------------------------------------------------- diagonals
def _k_value(k, op):
    if isinstance(k, Tensor):
        values = k.asnumpy().reshape(-1).tolist()
        if len(values) != 1:
            raise ValueError(f"For '{op}', only a single diagonal 'k' is supported, but got k={values}.")
        k = values[0]
    if isinstance(k, (tuple, list)):
        if len(k) != 1 and not (len(k) == 2 and k[0] == k[1]):
            raise ValueError(f"For '{op}', only a single diagonal 'k' is supported, but got k={list(k)}.")
        k = k[0]
    return int(k)


def _scalar(v):
    return v.asnumpy().item() if isinstance(v, Tensor) else v


def _diag_positions(length, rows, cols, k):
    """The flat positions (in a rows*cols matrix) of the first ``length`` entries of diagonal k, as an index."""
    start = k if k >= 0 else -k * cols
    return _A.arange(start, start + length * (cols + 1), cols + 1, dtype=mstype.int32)


def _placed(values, pos, rows, cols):
    """(..., rows*cols) zeros with ``values`` (..., L) at the flat positions ``pos``."""
    batch = tuple(values.shape[:-1])
    return P.index_add_along(values, pos, len(batch), batch + (rows * cols,))


def _diag_length(rows, cols, k):
    return builtins.max(0, builtins.min(rows, cols - k) if k >= 0 else builtins.min(rows + k, cols))


def matrix_diag(x, k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """Matrices with ``x`` (..., L) on diagonal ``k`` and ``padding_value`` elsewhere (a single diagonal: the
    alignment does not matter then)."""
    _tensor(x, "matrix_diag", "x")
    k = _k_value(k, "matrix_diag")
    n = x.shape[-1]
    rows, cols = int(_scalar(num_rows)), int(_scalar(num_cols))
    if rows <= 0 and cols <= 0:          # MindSpore's default: the smallest square matrix that holds it
        rows = cols = n + builtins.abs(k)
    elif rows <= 0:
        rows = builtins.max(cols - k, n + builtins.max(-k, 0))
    elif cols <= 0:
        cols = builtins.max(rows + k, n + builtins.max(k, 0))
    if _diag_length(rows, cols, k) < n:
        raise ValueError(f"For 'matrix_diag', a diagonal of length {n} does not fit diagonal k={k} of a "
                         f"{rows}x{cols} matrix.")
    pos = _diag_positions(n, rows, cols, k)
    out = _A.reshape(_placed(x, pos, rows, cols), tuple(x.shape[:-1]) + (rows, cols))
    pad = _scalar(padding_value)
    if pad:
        mask = _A.reshape(_placed(_A.ones((n,), x.dtype), pos, rows, cols), (rows, cols))
        out = _M.add(out, _M.mul(_M.sub(1.0, mask), pad))
    return out


def matrix_diag_part(x, k=0, padding_value=0, align="RIGHT_LEFT"):
    """Diagonal ``k`` of each innermost matrix, (..., L)."""
    _matrix(x, "matrix_diag_part", "x")
    k = _k_value(k, "matrix_diag_part")
    rows, cols = x.shape[-2], x.shape[-1]
    length = _diag_length(rows, cols, k)
    if length == 0:
        raise ValueError(f"For 'matrix_diag_part', diagonal k={k} is outside a {rows}x{cols} matrix.")
    flat = _A.reshape(x, tuple(x.shape[:-2]) + (rows * cols,))
    return P.gather(flat, _diag_positions(length, rows, cols, k), x.ndim - 2)


def matrix_set_diag(x, diagonal, k=0, align="RIGHT_LEFT"):
    """``x`` with diagonal ``k`` of each innermost matrix replaced by ``diagonal`` (..., L)."""
    _matrix(x, "matrix_set_diag", "x")
    _tensor(diagonal, "matrix_set_diag", "diagonal")
    k = _k_value(k, "matrix_set_diag")
    rows, cols = x.shape[-2], x.shape[-1]
    length = _diag_length(rows, cols, k)
    if tuple(diagonal.shape) != tuple(x.shape[:-2]) + (length,):
        raise ValueError(f"For 'matrix_set_diag', 'diagonal' must have shape {tuple(x.shape[:-2]) + (length,)} "
                         f"for diagonal k={k} of 'x' {tuple(x.shape)}, but got {tuple(diagonal.shape)}.")
    pos = _diag_positions(length, rows, cols, k)
    keep = _A.reshape(_M.sub(1.0, _placed(_A.ones((length,), x.dtype), pos, rows, cols)), (rows, cols))
    placed = _A.reshape(_placed(diagonal, pos, rows, cols), tuple(x.shape))
    return _M.add(_M.mul(x, keep), placed)


# ----------------------------------------------------------------------------- products and distances
def vecdot(x, y, *, axis=-1):
    """``sum(conj(x) * y, axis)``."""
    _tensor(x, "vecdot", "x")
    _tensor(y, "vecdot", "y")
    if str(x.dtype).startswith("Complex"):
        from .. import function as _F
        if not hasattr(_F, "conj"):
            raise TypeError(f"For 'vecdot', complex inputs need ops.conj, which this build lacks.")
        x = _F.conj(x)
    return _M.sum(_M.mul(x, y), axis)


def _p_norm(diff, p, op):
    """The ``p``-norm over the last axis (``p`` >= 0; 0 counts the nonzeros, inf takes the largest)."""
    if p == 0:
        return _M.sum(_A.cast(_M.not_equal(diff, 0), diff.dtype), -1)
    a = _M.abs(diff)
    if math.isinf(p):
        return _M.amax(a, -1)
    if p == 1:
        return _M.sum(a, -1)
    if p == 2:
        return _M.sqrt(_M.sum(_M.square(diff), -1))
    return _M.pow(_M.sum(_M.pow(a, p), -1), 1.0 / p)


def _check_p(p, op):
    if isinstance(p, bool) or not isinstance(p, (int, float)) or p < 0:
        raise ValueError(f"For '{op}', 'p' must be a non-negative number, but got {p!r}.")
    return float(p)


def cdist(x1, x2, p=2.0):
    """``out[..., i, j] = |x1[..., i, :] - x2[..., j, :]|_p`` for x1 (B, P, M) and x2 (B, R, M)."""
    _tensor(x1, "cdist", "x1")
    _tensor(x2, "cdist", "x2")
    p = _check_p(p, "cdist")
    if x1.ndim not in (2, 3) or x1.ndim != x2.ndim or x1.shape[-1] != x2.shape[-1] or x1.shape[:-2] != x2.shape[:-2]:
        raise ValueError(f"For 'cdist', 'x1' and 'x2' must be 2-D or 3-D with the same batch and last dimension, "
                         f"but got shapes {tuple(x1.shape)} and {tuple(x2.shape)}.")
    diff = _M.sub(_A.unsqueeze(x1, -2), _A.unsqueeze(x2, -3))
    return _p_norm(diff, p, "cdist")


def pdist(input, p=2.0):
    """The ``p``-norm distances between the rows of ``input`` (..., N, M), pairs ``i < j`` in row order:
    (..., N (N - 1) / 2)."""
    _matrix(input, "pdist")
    p = _check_p(p, "pdist")
    n = input.shape[-2]
    first = [i for i in builtins.range(n) for j in builtins.range(i + 1, n)]
    second = [j for i in builtins.range(n) for j in builtins.range(i + 1, n)]
    axis = input.ndim - 2
    diff = _M.sub(_A.gather(input, Tensor(first, mstype.int32), axis),
                  _A.gather(input, Tensor(second, mstype.int32), axis))
    return _p_norm(diff, p, "pdist")
