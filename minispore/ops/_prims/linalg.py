"""Linear algebra: matrix products (NumPy's ``matmul`` rules, vectors included) and singular vectors."""
from ..._core import shapes
from ._base import NONDIFF, Primitive, bind, xp
from .elementwise import _cj, mul
from .shape import broadcast_to, reshape, sum_to, transpose
from ..._core.dtype import kind_of


def _matmul_abstract(x, y):
    xs, ys = tuple(x.shape), tuple(y.shape)
    if not xs or not ys:
        raise ValueError(f"For 'MatMul', the inputs must not be scalars, but got shapes {xs} and {ys}.")
    k = ys[-2] if len(ys) > 1 else ys[0]
    if xs[-1] != k:
        raise ValueError(f"For 'MatMul', the last dimension of input {xs} must equal the "
                         f"{'second-to-last' if len(ys) > 1 else 'only'} dimension of other {ys}.")
    batch = shapes.broadcast_shapes(xs[:-2], ys[:-2], op="MatMul")
    out = batch + (xs[-2:-1] if len(xs) > 1 else ()) + (ys[-1:] if len(ys) > 1 else ())
    return out, x.dtype


def _matmul_impl(x, y):
    """``x @ y``; float16 and bfloat16 products accumulate in float32 and round once (NumPy has no BLAS kernel
    for either: its float16 loop is ~100x slower and rounds at every step, and it has no bfloat16 loop)."""
    dt = x.dtype
    if dt.itemsize == 2 and kind_of(dt) != "i" and kind_of(dt) != "u" and dt == y.dtype:
        return xp.matmul(x.astype(xp.float32), y.astype(xp.float32)).astype(dt)
    return xp.matmul(x, y)


matmul_p = Primitive("MatMul", _matmul_impl, 2, _matmul_abstract)


def matmul(x, y):
    return bind(matmul_p, x, y)


def _swap_last(t):
    perm = tuple(range(t.ndim - 2)) + (t.ndim - 1, t.ndim - 2)
    return transpose(t, perm)


def _bmul(a, b):
    """``a * b`` with NumPy broadcasting made explicit, so that the product's own VJP returns each cotangent in
    its operand's shape (primitives never unbroadcast)."""
    shape = shapes.broadcast_shapes(a._data.shape, b._data.shape)
    return mul(broadcast_to(a, shape), broadcast_to(b, shape))


def _matmul_vjp_x(dout, out, x, y):
    y = _cj(y)          # complex operands: dout @ conj(y)^T (MindSpore's convention; see elementwise._cj)
    if x.ndim == 1 and y.ndim == 1:
        return _bmul(dout, y)
    if y.ndim == 1:   # (..., k) @ (k,) -> (...): dx = dout[..., None] * y
        return sum_to(_bmul(reshape(dout, dout._data.shape + (1,)), y), x._data.shape)
    if x.ndim == 1:   # (k,) @ (..., k, n) -> (..., n)
        d = reshape(dout, dout._data.shape[:-1] + (1, dout._data.shape[-1]))
        return reshape(sum_to(matmul(d, _swap_last(y)), (1, x._data.shape[0])), x._data.shape)
    return sum_to(matmul(dout, _swap_last(y)), x._data.shape)


def _matmul_vjp_y(dout, out, x, y):
    x = _cj(x)
    if x.ndim == 1 and y.ndim == 1:
        return _bmul(dout, x)
    if x.ndim == 1 and y.ndim == 2:     # dy[k, n] = x[k] * dout[n]
        return outer(x, dout)
    if x.ndim == 1:   # dy[..., k, n] = x[k] * dout[..., n]
        d = reshape(dout, dout._data.shape[:-1] + (1, dout._data.shape[-1]))
        return sum_to(matmul(reshape(x, (x._data.shape[0], 1)), d), y._data.shape)
    if y.ndim == 1:   # dy[k] = sum over batch of x[..., k] * dout[...]
        d = reshape(dout, dout._data.shape + (1,))
        return reshape(sum_to(_bmul(x, d), (1, y._data.shape[0])), y._data.shape)
    return sum_to(matmul(_swap_last(x), dout), y._data.shape)


matmul_p.def_vjp(_matmul_vjp_x, _matmul_vjp_y)


def _outer_abstract(x, y):
    if len(x.shape) != 1 or len(y.shape) != 1:
        raise ValueError(f"For 'Outer', both inputs must be 1-D, but got shapes {tuple(x.shape)} and "
                         f"{tuple(y.shape)}.")
    return (x.shape[0], y.shape[0]), x.dtype


outer_p = Primitive("Outer", xp.multiply.outer, 2, _outer_abstract)


def outer(x, y):
    """``x[:, None] * y[None, :]`` for vectors (the gradient of a vector-matrix product, in one kernel)."""
    return bind(outer_p, x, y)


outer_p.def_vjp(lambda dout, out, x, y: matmul(dout, _cj(y)), lambda dout, out, x, y: matmul(_cj(x), dout))


# ----------------------------------------------------------------------------- singular vectors
def _singular_vectors_impl(a, side, pick):
    """Columns ``pick`` (a slice of singular-value ranks) of U (side 'u') or V (side 'v') of the matrices in the
    last two dimensions, in float32 as MindSpore computes its matrix norms."""
    u, _, vh = xp.linalg.svd(a.astype(xp.float32), full_matrices=False)
    vectors = u if side == "u" else xp.swapaxes(vh, -1, -2)
    return xp.ascontiguousarray(vectors[..., :, pick])


def _singular_vectors_abstract(a, side, pick):
    m, n = a.shape[-2], a.shape[-1]
    k = len(range(*pick.indices(min(m, n))))
    return tuple(a.shape[:-2]) + ((m if side == "u" else n), k), xp.dtype(xp.float32)


singular_vectors_p = Primitive("SingularVectors", _singular_vectors_impl, 1, _singular_vectors_abstract)
# the vectors are held constant where they are used: the singular values' first derivative is exact (u v^T)
singular_vectors_p.def_vjp(NONDIFF)


def singular_vectors(a, side, pick):
    return bind(singular_vectors_p, a, side=side, pick=pick)
