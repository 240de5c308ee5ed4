"""Direct cases for the linear-algebra primitives of ops/_prims/linalg2.py (collected by
test_primitives_direct.py): each forward value against a NumPy formula written out here (cofactor expansions,
Gauss-Jordan elimination, the Cholesky-Banachiewicz recurrence, an eigen-decomposition, the normal equations),
each derivative against float64 central differences to second order."""
import itertools

import numpy as np

rng = np.random.default_rng(9009)


def _well(*batch, n=3):
    """Well-conditioned square matrices: the identity times 2 plus noise."""
    return rng.uniform(-0.5, 0.5, batch + (n, n)) + 2 * np.eye(n)


def _spd(*batch, n=3):
    m = rng.uniform(-1, 1, batch + (n, n))
    return m @ np.swapaxes(m, -1, -2) + n * np.eye(n)


def _det(a):
    """Leibniz formula: a sum over permutations."""
    a = np.asarray(a)
    n = a.shape[-1]
    out = np.zeros(a.shape[:-2])
    for perm in itertools.permutations(range(n)):
        sign = np.linalg.det(np.eye(n)[list(perm)])       # +-1 of a permutation matrix, exact
        term = np.ones(a.shape[:-2])
        for i, j in enumerate(perm):
            term = term * a[..., i, j]
        out = out + np.round(sign) * term
    return out


def _gauss_jordan(a, b):
    """Solve a x = b by Gauss-Jordan elimination with partial pivoting, one matrix at a time."""
    a, b = np.array(a, float), np.array(b, float)
    if a.ndim > 2:
        return np.stack([_gauss_jordan(a[i], b[i]) for i in range(a.shape[0])])
    n = a.shape[0]
    m = np.concatenate([a, b], 1)
    for c in range(n):
        p = c + np.argmax(np.abs(m[c:, c]))
        m[[c, p]] = m[[p, c]]
        m[c] /= m[c, c]
        for r in range(n):
            if r != c:
                m[r] -= m[r, c] * m[c]
    return m[:, n:]


def _inv(a):
    a = np.asarray(a)
    eye = np.broadcast_to(np.eye(a.shape[-1]), a.shape)
    return _gauss_jordan(a, eye)


def _cholesky(a):
    """The Cholesky-Banachiewicz recurrence, row by row."""
    a = np.asarray(a)
    if a.ndim > 2:
        return np.stack([_cholesky(a[i]) for i in range(a.shape[0])])
    a = (a + a.T) / 2
    n = a.shape[0]
    low = np.zeros_like(a)
    for i in range(n):
        for j in range(i + 1):
            s = a[i, j] - low[i, :j] @ low[j, :j]
            low[i, j] = np.sqrt(s) if i == j else s / low[j, j]
    return low


def _expm(a):
    """Through an eigen-decomposition (the test matrices are diagonalizable): V exp(w) V^-1."""
    w, v = np.linalg.eig(a)
    return np.real(v @ (np.exp(w)[..., None] * np.linalg.inv(v)))


def _pinv(a):
    """Full column rank: the normal equations (A^T A)^-1 A^T."""
    at = np.swapaxes(a, -1, -2)
    return _gauss_jordan(at @ a, at)


def _gram_schmidt(a):
    """Reduced QR by modified Gram-Schmidt, R with a positive diagonal (LAPACK's signs may differ: the reference
    is brought to them by the signs of R's diagonal in the kernel's result, compared separately below)."""
    a = np.asarray(a, float)
    if a.ndim > 2:
        return [np.stack(p) for p in zip(*[_gram_schmidt(x) for x in a])]
    m, n = a.shape
    q, r = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = a[:, j].copy()
        for i in range(j):
            r[i, j] = q[:, i] @ v
            v -= r[i, j] * q[:, i]
        r[j, j] = np.linalg.norm(v)
        q[:, j] = v / r[j, j]
    return q, r


def _lapack_signs(a):
    """The signs of the diagonal of LAPACK's R (the QR factors are unique up to them)."""
    return np.sign(np.diagonal(np.linalg.qr(a)[1], axis1=-2, axis2=-1))


def _qr_q(a):
    return _gram_schmidt(a)[0] * _lapack_signs(a)[..., None, :]


def _qr_r(a):
    return _gram_schmidt(a)[1] * _lapack_signs(a)[..., :, None]


def _singular_values(a):
    """sqrt of the eigenvalues of A^T A, largest first."""
    w = np.linalg.eigvalsh(np.swapaxes(a, -1, -2) @ a)
    return np.sqrt(w[..., ::-1])


def _svd_vectors(a, side):
    """The singular vectors as eigenvectors of A A^T (U) or A^T A (V), signed as the kernel's are."""
    gram = a @ np.swapaxes(a, -1, -2) if side == "u" else np.swapaxes(a, -1, -2) @ a
    w, vec = np.linalg.eigh(gram)
    vec = vec[..., ::-1][..., :a.shape[-1] if side == "u" else a.shape[-1]]
    u, _, vh = np.linalg.svd(a, full_matrices=False)
    kernel = u if side == "u" else np.swapaxes(vh, -1, -2)
    return vec * np.sign(np.sum(vec * kernel, axis=-2, keepdims=True))


CASES = {
    "MatrixInverse": dict(args=[_well(2)], ref=_inv),
    "MatrixDeterminant": dict(args=[_well(2)], ref=_det),
    "LogAbsDeterminant": dict(args=[_well(2) * np.array([1, -1])[:, None, None]],
                              ref=lambda a: np.log(np.abs(_det(a)))),
    "MatrixSolve": dict(args=[_well(2), rng.uniform(-1, 1, (2, 3, 2))], ref=_gauss_jordan),
    "Cholesky": dict(args=[_spd(2)], params=dict(upper=False), ref=_cholesky),
    "MatrixExp": dict(args=[rng.uniform(-1, 1, (2, 3, 3))], ref=_expm, tol=(1e-9, 1e-11)),
    "QrPart": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(full=False, part="q"), ref=_qr_q),
    "SvdPart": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(full=False, part="s"), ref=_singular_values),
    "Pinv": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(atol=0.0, rtol=1e-15), ref=_pinv,
                 tol=(1e-9, 1e-11)),
}


# the other outputs of the factorizations (one primitive, its part a parameter: the table names it once)
MORE_PARTS = {
    "QrPart/r": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(full=False, part="r"), ref=_qr_r),
    "QrPart/square_complete": dict(args=[rng.uniform(-1, 1, (3, 3))], params=dict(full=True, part="q"), ref=_qr_q),
    "SvdPart/u": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(full=False, part="u"),
                      ref=lambda a: _svd_vectors(a, "u")),
    "SvdPart/v": dict(args=[rng.uniform(-1, 1, (2, 4, 3))], params=dict(full=False, part="v"),
                      ref=lambda a: _svd_vectors(a, "v")),
    "SvdPart/wide_v": dict(args=[rng.uniform(-1, 1, (3, 5))], params=dict(full=False, part="v"),
                           ref=lambda a: _svd_vectors(a.T, "u")),
}
