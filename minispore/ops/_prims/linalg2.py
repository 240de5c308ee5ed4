"""Linear algebra on square matrices, batched over the leading dimensions: inverse, determinant, log-determinant,
solve, Cholesky factor, matrix exponential, pseudo-inverse, and the forward-only factorizations (QR, SVD, LU...).

Each differentiable rule is written with primitives (MatMul, Transpose, this file's own), so it can be
differentiated again: d(inv) = -A^-T g A^-T, d(det) = g det A^-T, d(log|det|) = g A^-T, d(solve) through a solve
with A^T, Cholesky by Murray's formula (arXiv:1602.07527), expm through the exponential of the block matrix
[[A^T, g], [0, A^T]] (Najfeld and Havel), pinv by Golub and Pereyra's formula.
"""
from ._base import NONDIFF, Primitive, bind, const, xp
from ..._core.errors import MissingRuleError
from .elementwise import add, mul, neg, reciprocal, sub
from .linalg import matmul
from .shape import broadcast_to, concat, reshape, slice_, transpose, tril


# ----------------------------------------------------------------------------- shape rules and helpers
def _square(op, a):
    s = tuple(a.shape)
    if len(s) < 2 or s[-1] != s[-2]:
        raise ValueError(f"For '{op}', the input must be a (batch of) square matrix with shape (..., N, N), but "
                         f"got shape {s}.")
    return s


def _float(op, a):
    if a.dtype.kind not in "fc":
        raise TypeError(f"For '{op}', the input must be a float or complex tensor, but got {a.dtype}.")


def _square_rule(op):
    def rule(a, **params):
        _float(op, a)
        return _square(op, a), a.dtype
    return rule


def _batch_scalar_rule(op):
    def rule(a, **params):
        _float(op, a)
        return _square(op, a)[:-2], a.dtype
    return rule


def _mT(t):
    """The transpose of the last two dimensions."""
    perm = tuple(range(t.ndim - 2)) + (t.ndim - 1, t.ndim - 2)
    return transpose(t, perm)


def _as_matrix_scale(s, like):
    """A batch of scalars ``(...)`` broadcast to ``like``'s ``(..., N, N)``."""
    return broadcast_to(reshape(s, tuple(s._data.shape) + (1, 1)), tuple(like._data.shape))


def _singular(op, a):
    return ValueError(f"For '{op}', the input matrix of shape {tuple(a.shape)} is singular (not invertible).")


# ----------------------------------------------------------------------------- inverse
def _inv_impl(a):
    try:
        return xp.linalg.inv(a)
    except xp.linalg.LinAlgError:
        raise _singular("MatrixInverse", a) from None


matrix_inverse_p = Primitive("MatrixInverse", _inv_impl, 1, _square_rule("MatrixInverse"))


def matrix_inverse(a):
    return bind(matrix_inverse_p, a)


matrix_inverse_p.def_vjp(lambda dout, out, a: neg(matmul(matmul(_mT(out), dout), _mT(out))))


# ----------------------------------------------------------------------------- determinants
matrix_determinant_p = Primitive("MatrixDeterminant", lambda a: xp.asarray(xp.linalg.det(a)), 1,
                                 _batch_scalar_rule("MatrixDeterminant"))


def matrix_determinant(a):
    return bind(matrix_determinant_p, a)


matrix_determinant_p.def_vjp(lambda dout, out, a: mul(_as_matrix_scale(mul(dout, out), a), _mT(matrix_inverse(a))))

log_abs_determinant_p = Primitive("LogAbsDeterminant", lambda a: xp.asarray(xp.linalg.slogdet(a)[1]), 1,
                                  _batch_scalar_rule("LogMatrixDeterminant"))


def log_abs_determinant(a):
    """``log|det a|``."""
    return bind(log_abs_determinant_p, a)


log_abs_determinant_p.def_vjp(lambda dout, out, a: mul(_as_matrix_scale(dout, a), _mT(matrix_inverse(a))))

determinant_sign_p = Primitive("DeterminantSign", lambda a: xp.asarray(xp.linalg.slogdet(a)[0]), 1,
                               _batch_scalar_rule("LogMatrixDeterminant"))
determinant_sign_p.def_vjp(NONDIFF)       # piecewise constant


def determinant_sign(a):
    return bind(determinant_sign_p, a)


# ----------------------------------------------------------------------------- solve
def _solve_rule(a, b):
    _float("MatrixSolve", a)
    sa, sb = _square("MatrixSolve", a), tuple(b.shape)
    if len(sb) != len(sa) or sb[:-2] != sa[:-2] or sb[-2] != sa[-1]:
        raise ValueError(f"For 'MatrixSolve', 'rhs' must have shape (..., N, K) matching 'matrix' (..., N, N), but "
                         f"got matrix {sa} and rhs {sb}.")
    return sb, a.dtype


def _solve_impl(a, b):
    try:
        return xp.linalg.solve(a, b)
    except xp.linalg.LinAlgError:
        raise _singular("MatrixSolve", a) from None


matrix_solve_p = Primitive("MatrixSolve", _solve_impl, 2, _solve_rule)


def matrix_solve(a, b):
    """``a^-1 b`` for ``a`` (..., N, N) and ``b`` (..., N, K)."""
    return bind(matrix_solve_p, a, b)


matrix_solve_p.def_vjp(lambda dout, out, a, b: neg(matmul(matrix_solve(_mT(a), dout), _mT(out))),
                       lambda dout, out, a, b: matrix_solve(_mT(a), dout))


# ----------------------------------------------------------------------------- Cholesky
def _cholesky_impl(a, upper):
    """The factor of the symmetric part ``(a + a^T) / 2`` (the same matrix for a symmetric input; a perturbation
    of one entry is then a symmetric one, so the symmetric derivative below is the exact one)."""
    try:
        low = xp.linalg.cholesky((a + xp.swapaxes(a, -1, -2)) / 2)
    except xp.linalg.LinAlgError:
        raise ValueError(f"For 'Cholesky', the input matrix of shape {tuple(a.shape)} is not positive "
                         f"definite.") from None
    return xp.ascontiguousarray(xp.swapaxes(low, -1, -2)) if upper else low


cholesky_p = Primitive("Cholesky", _cholesky_impl, 1, _square_rule("Cholesky"))


def cholesky(a, upper=False):
    return bind(cholesky_p, a, upper=upper)


def _cholesky_vjp(dout, out, a, upper):
    low, g = (_mT(out), _mT(dout)) if upper else (out, dout)
    n = a._data.shape[-1]
    eye = _eye_like(a, n)
    m = matmul(_mT(low), g)                              # Phi(L^T G): lower triangle, diagonal halved
    phi = sub(tril(m), mul(mul(m, eye), const(0.5, a)))
    linv = matrix_inverse(low)
    s = matmul(matmul(_mT(linv), phi), linv)
    return mul(add(s, _mT(s)), const(0.5, a))


def _eye_like(a, n):
    from ..._core.tensor import _literal
    return _literal(xp.eye(n, dtype=a._data.dtype))


cholesky_p.def_vjp(_cholesky_vjp)


# ----------------------------------------------------------------------------- matrix exponential
def _expm_impl(a):
    """Scaling and squaring with a Taylor polynomial of degree 18 (the error is below float64's precision once
    the scaled norm is at most 1/2)."""
    work = a.astype(xp.float64) if a.dtype.kind == "f" and a.dtype.itemsize < 8 else a
    norm = float(xp.max(xp.sum(xp.abs(work), axis=-1))) if work.size else 0.0
    s = max(0, int(xp.ceil(xp.log2(norm / 0.5)))) if norm > 0.5 else 0
    x = work / (2.0 ** s)
    eye = xp.broadcast_to(xp.eye(a.shape[-1], dtype=work.dtype), work.shape)
    result, term = eye.copy(), eye.copy()
    for k in range(1, 19):
        term = xp.matmul(term, x) / k
        result = result + term
    for _ in range(s):
        result = xp.matmul(result, result)
    return result.astype(a.dtype)


matrix_exp_p = Primitive("MatrixExp", _expm_impl, 1, _square_rule("MatrixExp"))


def matrix_exp(a):
    return bind(matrix_exp_p, a)


def _expm_vjp(dout, out, a):
    shape = tuple(a._data.shape)
    n = shape[-1]
    at = _mT(a)
    zeros = mul(at, const(0.0, a))
    last = len(shape) - 1
    big = concat([concat([at, dout], last), concat([zeros, at], last)], last - 1)
    block = matrix_exp(big)
    starts = (0,) * (len(shape) - 2) + (0, n)
    stops = shape[:-2] + (n, 2 * n)
    return slice_(block, starts, stops)


matrix_exp_p.def_vjp(_expm_vjp)


# ----------------------------------------------------------------------------- pseudo-inverse
def _pinv_rule(a, **params):
    _float("Pinv", a)
    s = tuple(a.shape)
    if len(s) < 2:
        raise ValueError(f"For 'pinv', the input must be at least 2-D, but got shape {s}.")
    return s[:-2] + (s[-1], s[-2]), a.dtype


def _pinv_impl(a, atol, rtol):
    """Singular values at most ``max(atol, rtol * largest)`` count as zero. Float32 is decomposed in float64: the
    pseudo-inverse of an ill-conditioned matrix (and the least-squares solutions built on it) keeps float32's
    precision instead of losing cond(a) times it."""
    dtype = a.dtype
    if dtype == xp.float32:
        a = a.astype(xp.float64)
    u, s, vh = xp.linalg.svd(a, full_matrices=False)
    cutoff = xp.maximum(atol, rtol * xp.max(s, axis=-1, keepdims=True, initial=0.0))
    s_inv = xp.where(s > cutoff, 1.0 / xp.where(s > cutoff, s, 1.0), 0.0).astype(s.dtype)
    out = xp.matmul(xp.swapaxes(vh, -1, -2).conj() * s_inv[..., None, :], xp.swapaxes(u, -1, -2).conj())
    return out.astype(dtype, copy=False)


pinv_p = Primitive("Pinv", _pinv_impl, 1, _pinv_rule)


def pinv(a, atol, rtol):
    return bind(pinv_p, a, atol=atol, rtol=rtol)


def _pinv_vjp(dout, out, a, atol, rtol):
    m, n = a._data.shape[-2], a._data.shape[-1]
    p, pt, gt = out, _mT(out), _mT(dout)
    term1 = neg(matmul(matmul(pt, dout), pt))
    ap = matmul(a, p)                                       # (m, m)
    term2 = matmul(matmul(sub(_eye_like(a, m), ap), gt), matmul(p, pt))
    pa = matmul(p, a)                                       # (n, n)
    term3 = matmul(matmul(matmul(pt, p), gt), sub(_eye_like(a, n), pa))
    return add(add(term1, term2), term3)


pinv_p.def_vjp(_pinv_vjp)


# ----------------------------------------------------------------------------- forward-only factorizations
def _fwd(name, impl, rule):
    p = Primitive(name, impl, 1, rule)
    return p


def _qr_impl(a, full, part):
    q, r = xp.linalg.qr(a, mode="complete" if full else "reduced")
    return xp.ascontiguousarray(q if part == "q" else r)


def _qr_rule(a, full, part):
    s = tuple(a.shape)
    if len(s) < 2:
        raise ValueError(f"For 'Qr', the input must be at least 2-D, but got shape {s}.")
    m, n = s[-2], s[-1]
    k = m if full else min(m, n)
    return s[:-2] + ((m, k) if part == "q" else (k, n)), a.dtype


qr_part_p = _fwd("QrPart", _qr_impl, _qr_rule)


def qr_part(a, full, part):
    return bind(qr_part_p, a, full=full, part=part)


def _copyltu(m):
    """The lower triangle of ``m`` mirrored onto the upper one."""
    return add(tril(m), _mT(tril(m, -1)))


def _qr_vjp(dout, out, a, full, part):
    """A = QR with M >= N (Q (M, N) or square): Abar = (Qbar + Q copyltu(M)) R^-T with M = R Rbar^T - Qbar^T Q
    (each output's share: the other's cotangent is zero)."""
    m, n = a._data.shape[-2], a._data.shape[-1]
    if m < n or (full and m != n):
        raise ValueError(f"For 'Qr', the gradient is defined for inputs (..., M, N) with M >= N in reduced mode "
                         f"(Q is then unique), but got shape {tuple(a._data.shape)} with "
                         f"mode {'complete' if full else 'reduced'}.")
    if part == "q":
        q, r = out, qr_part(a, full, "r")
        b = add(dout, matmul(q, _copyltu(neg(matmul(_mT(dout), q)))))
    else:
        q, r = qr_part(a, full, "q"), out
        b = matmul(q, _copyltu(matmul(r, _mT(dout))))
    return matmul(b, _mT(matrix_inverse(r)))


qr_part_p.def_vjp(_qr_vjp)


def _svd_impl(a, full, part):
    if part == "s":
        return xp.linalg.svd(a, compute_uv=False)
    u, _, vh = xp.linalg.svd(a, full_matrices=full)
    return xp.ascontiguousarray(u if part == "u" else xp.swapaxes(vh, -1, -2))


def _svd_rule(a, full, part):
    s = tuple(a.shape)
    if len(s) < 2:
        raise ValueError(f"For 'Svd', the input must be at least 2-D, but got shape {s}.")
    m, n = s[-2], s[-1]
    k = min(m, n)
    if part == "s":
        return s[:-2] + (k,), a.dtype
    return s[:-2] + ((m, m if full else k) if part == "u" else (n, n if full else k)), a.dtype


svd_part_p = _fwd("SvdPart", _svd_impl, _svd_rule)


def svd_part(a, full, part):
    return bind(svd_part_p, a, full=full, part=part)


def _row_scale(x, s):
    """``x @ diag(s)``: column j of x times s[j]."""
    shape = tuple(x._data.shape)
    return mul(x, broadcast_to(reshape(s, tuple(s._data.shape[:-1]) + (1, s._data.shape[-1])), shape))


def _col_scale(x, s):
    """``diag(s) @ x``: row i of x times s[i]."""
    shape = tuple(x._data.shape)
    return mul(x, broadcast_to(reshape(s, tuple(s._data.shape) + (1,)), shape))


def _svd_vjp(dout, out, a, full, part):
    """The reduced SVD's derivative (Townsend 2016), for distinct nonzero singular values, each output's share:
    S: U diag(Sbar) V^T; U: U (F o (U^T Ubar - Ubar^T U)) S V^T + (I - U U^T) Ubar S^-1 V^T;
    V: U S (F o (V^T Vbar - Vbar^T V)) V^T + U S^-1 Vbar^T (I - V V^T); F_ij = 1 / (s_j^2 - s_i^2) off the
    diagonal."""
    m, n = a._data.shape[-2], a._data.shape[-1]
    if full and m != n:
        raise ValueError(f"For 'Svd', the gradient is defined for full_matrices=False (or square inputs), but got "
                         f"shape {tuple(a._data.shape)} with full_matrices=True.")
    u, v = svd_part(a, full, "u"), svd_part(a, full, "v")
    if part == "s":
        return matmul(_row_scale(u, dout), _mT(v))
    s = svd_part(a, full, "s")
    k = s._data.shape[-1]
    eye = _eye_like(a, k)
    s2 = mul(s, s)
    batch = tuple(s._data.shape[:-1])
    sq = batch + (k, k)
    diff = sub(broadcast_to(reshape(s2, batch + (1, k)), sq), broadcast_to(reshape(s2, batch + (k, 1)), sq))
    f = mul(reciprocal(add(diff, eye)), sub(const(1.0, a), eye))
    inv_s = reciprocal(s)
    if part == "u":
        j = mul(f, sub(matmul(_mT(u), dout), matmul(_mT(dout), u)))
        inner = matmul(u, _row_scale(j, s))
        rest = sub(dout, matmul(u, matmul(_mT(u), dout)))             # (I - U U^T) Ubar
        return matmul(add(inner, _row_scale(rest, inv_s)), _mT(v))
    j = mul(f, sub(matmul(_mT(v), dout), matmul(_mT(dout), v)))
    inner = matmul(matmul(u, _col_scale(j, s)), _mT(v))
    rest = sub(_mT(dout), matmul(matmul(_mT(dout), v), _mT(v)))    # Vbar^T (I - V V^T)
    return add(inner, matmul(_row_scale(u, inv_s), rest))


svd_part_p.def_vjp(_svd_vjp)


def _eigen_order(values):
    """The order MindSpore's CPU kernel (Eigen's ComplexEigenSolver) leaves the eigenvalues in: a selection sort
    by real part that swaps the smallest of the rest into place (so not stable for equal real parts)."""
    order = list(range(len(values)))
    real = [float(v.real) for v in values]
    for i in range(len(order)):
        k = min(range(i, len(order)), key=lambda j: (real[order[j]], j))
        order[i], order[k] = order[k], order[i]
    return order


def _eig_impl(a, part):
    w, v = xp.linalg.eig(a)
    flat_w = w.reshape((-1, w.shape[-1]))
    flat_v = v.reshape((-1,) + v.shape[-2:])
    orders = [_eigen_order(row) for row in flat_w]
    if part == "values":
        return xp.stack([row[o] for row, o in zip(flat_w, orders)]).reshape(w.shape)
    return xp.stack([m[:, o] for m, o in zip(flat_v, orders)]).reshape(v.shape)


def _eig_rule(a, part):
    s = _square("Eig", a)
    c = xp.dtype(xp.complex128 if a.dtype in (xp.dtype(xp.float64), xp.dtype(xp.complex128)) else xp.complex64)
    return (s[:-1] if part == "values" else s), c


eig_part_p = _fwd("EigPart", lambda a, part: _eig_impl(a, part).astype(_eig_rule(a, part)[1]), _eig_rule)
def _eig_no_derivative(dout, out, a, part):
    # MindSpore 2.10's Eig has no bprop: a gradient through eig is an error, never a zero
    raise MissingRuleError("For 'Eig', no derivative is defined (MindSpore 2.10 has none), so a gradient cannot "
                           "flow through eig or eigvals; compute the eigen-decomposition on a stop_gradient input.")


eig_part_p.def_vjp(_eig_no_derivative)


def eig_part(a, part):
    return bind(eig_part_p, a, part=part)
