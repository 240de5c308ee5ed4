"""Reference ("golden") cases for the ops of the sequence models in MindSpore 2.10: ``bmm``/``baddbmm``/``einsum``,
``masked_fill``, ``triu``/``tril``, the cumulative ops (``cumsum``, ``cumprod``, ``cummax``, ``cummin``), ``sort``/
``argsort``/``topk``, the scatters (``scatter``, ``scatter_nd``, ``tensor_scatter_elements``/``_add``/``_update``,
``index_add``) and gathers (``gather_elements``, ``gather_nd``), ``unique``, ``repeat_interleave``, ``narrow``,
``roll``, ``flip``, ``logsumexp``, ``unstack``, ``masked_select``, and ``nn.Embedding`` (``padding_idx``,
``use_one_hot``) / ``nn.EmbeddingLookup`` (CPU target): forward values and dtypes, gradients (``ms.grad``) and the
error class of bad input.

Laid out as tests/golden/cases_resample.py: ``cases(ms, jit=False)`` builds ``(name, thunk)`` pairs on the
framework module ``ms`` (inputs are literals or ``np.random.default_rng(seed)``); with ``jit=True`` every op call
and every gradient runs through ``ms.jit`` (tests/test_golden_seq_ops.py compares both with the one eager
recording). ``gen_seq_ops.py`` records ``seq_ops.json`` with MindSpore. ``thunk.keywords`` are words the error
message must hold; ``DELIBERATE`` lists where minispore differs on purpose, with ``INSTEAD`` (NumPy-computed here)
what it gives.

Surprises in MindSpore 2.10.0's CPU build (evidence: the recorded case)
----------------------------------------------------------------------
* ``ops.einsum``, ``ops.roll`` and the gradients of ``cummax``/``cummin`` and ``unique`` raise RuntimeError (no CPU
  kernel).
* ``tensor_scatter_elements`` silently drops an update whose index is out of range.
* ``nn.EmbeddingLookup``'s gradient is the sparse rows (one per id, shape ``(n_ids, embedding_size)``), not the
  table's shape; its ``max_norm`` does not clip each looked-up vector.
* ``nn.Embedding(padding_idx=i)`` zeroes row i at construction only: the gradient still reaches that row.
* ``ops.index_add`` writes into its input ``x`` in place, even a plain Tensor (minispore is functional).
* ``cummax`` gives Int64 positions and ``cummin`` Int32; ties take the latest position. ``cumprod`` of integers is
  Int64 while ``cumsum`` keeps the dtype; ``unique`` keeps the order of first appearance (Int64 positions only for
  an Int64 input).
"""
import numpy as np



def _t(dtype, shape, value):
    return {"tensor": dtype, "shape": list(shape), "value": value}


def _err(cls, *keywords):
    return {"error": cls, "keywords": list(keywords)}


def _described(arr, dtype="Float32"):
    arr = np.asarray(arr, np.float64)
    return _t(dtype, arr.shape, arr.tolist())


def f32(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


# ---------------------------------------------------------------------------------------------------------------
# NumPy references where MindSpore 2.10 cannot give the answer
# ---------------------------------------------------------------------------------------------------------------
W23 = np.array([[1., 2., 3.], [4., 5., 6.]])
CM_X = np.array([[1., 3., 3.], [2., 1., 4.]])
CN_X = np.array([[1., 3., 0.], [2., 2., 4.]])
EMB_TABLE = np.arange(15, dtype=np.float32).reshape(5, 3) / 4


def _running_grad(x, w, better_or_equal):
    """d/dx sum(cum-extremum(x, 1) * w): each output's weight goes to the latest position holding the extremum."""
    g = np.zeros_like(x)
    for r in range(x.shape[0]):
        best = 0
        for j in range(x.shape[1]):
            if better_or_equal(x[r, j], x[r, best]):
                best = j
            g[r, best] += w[r, j]
    return g


def _clip_rows(v, max_norm):
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return np.where(n > max_norm, v * max_norm / np.where(n > 0, n, 1), v)


def _lookup_grad(ids, vocab, size):
    g = np.zeros((vocab, size))
    for i in np.ravel(ids):
        if 0 <= i < vocab:
            g[i] += 1
    return g


_EIN_A, _EIN_B = f32(71, (2, 2, 3)), f32(72, (2, 3, 4))

DELIBERATE = {
    "einsum/bmm": "MindSpore 2.10's CPU build has no Einsum kernel (RuntimeError); minispore computes it",
    "einsum/trace": "no CPU Einsum kernel; minispore computes it",
    "einsum/grad": "no CPU Einsum kernel; minispore differentiates it",
    "roll/1d": "MindSpore 2.10's CPU build has no Roll kernel (RuntimeError); minispore computes it",
    "roll/2d_two_axes": "no CPU Roll kernel; minispore computes it",
    "cummax/grad": "MindSpore 2.10 raises RuntimeError for the gradient of cummax on CPU; it reaches the running "
                   "maxima",
    "cummin/grad": "no CPU gradient of cummin in MindSpore 2.10; it reaches the running minima",
    "tse/err_index_out_of_range": "MindSpore drops an update whose index is out of range, silently; minispore "
                                  "raises",
    "tsu/err_index_out_of_range": "MindSpore raises ValueError here but RuntimeError for the same index in "
                                  "tensor_scatter_add/scatter_nd; minispore raises one class (IndexError, "
                                  "RuntimeError) for an out-of-range index",
    "err/unique_grad": "MindSpore 2.10 has no gradient for unique (RuntimeError); minispore's values are the input "
                       "gathered at each value's first position, so the gradient reaches those",
    "lookup/grad": "MindSpore's CPU gradient of EmbeddingLookup is the sparse rows (4, 3); minispore gives the "
                   "dense gradient of the (5, 3) table, what the optimizers update",
    "lookup/max_norm": "MindSpore's ClipByNorm does not clip each looked-up vector (here [3, 3.25, 3.5], of norm "
                       "5.8, comes back unchanged with max_norm=2); minispore clips each to L2 norm max_norm",
}

INSTEAD = {
    "einsum/bmm": _described(np.einsum("bij,bjk->bik", _EIN_A, _EIN_B)),
    "einsum/trace": _described(np.einsum("ii", np.arange(9.).reshape(3, 3))),
    "einsum/grad": {"tuple": [_described(np.einsum("bjk->bj", _EIN_B)[:, None, :].repeat(2, 1)),
                              _described(np.einsum("bij->bj", _EIN_A)[:, :, None].repeat(4, 2))]},
    "roll/1d": _described(np.roll(np.arange(5.), 2)),
    "roll/2d_two_axes": _described(np.roll(np.arange(6.).reshape(2, 3), (1, -1), (0, 1))),
    "cummax/grad": _described(_running_grad(CM_X, W23, lambda a, b: a >= b)),
    "cummin/grad": _described(_running_grad(CN_X, W23, lambda a, b: a <= b)),
    "tse/err_index_out_of_range": _err("RuntimeError", "3"),
    "tsu/err_index_out_of_range": _err("RuntimeError", "TensorScatterUpdate"),
    "err/unique_grad": _described([1., 1., 0.]),
    "lookup/grad": {"tuple": [_described(_lookup_grad([[0, 4], [4, 7]], 5, 3))]},
    "lookup/max_norm": _described(_clip_rows(EMB_TABLE[[0, 1, 4]], 2.0)),
}

UNSTABLE = {}

NOTES = {
    "embedding/padding_grad": "the gradient reaches the padding row (MindSpore 2.10's nn.Embedding only zeroes it "
                              "at construction)",
    "index_add/basic": "MindSpore also writes the result into x in place; only the result is recorded",
    "cummax/ties": "ties take the latest position",
    "unique/int32": "first-appearance order, Int32 positions",
}


def tolerance(name):
    return 1e-5, 1e-6


def cases(ms, jit=False):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``; ``jit``: every op call and
    gradient runs compiled."""
    ops = ms.ops
    nn = ms.nn
    Tensor = ms.Tensor
    J = ms.jit if jit else (lambda f: f)
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        elif name in DELIBERATE:
            thunk.note = DELIBERATE[name]
        out.append((name, thunk))

    def T(a, np_dtype=np.float32):
        return Tensor(np.asarray(a, dtype=np_dtype))

    def I32(a):
        return T(a, np.int32)

    def call(f, *make):
        """A thunk: ``f`` (compiled with jit=True) applied to the tensors ``make`` builds."""
        return lambda: J(f)(*[m() for m in make])

    def grad(f, *make, wrt=None):
        """A thunk: the gradient of sum(f(*inputs)) with respect to every input (or ``wrt``)."""
        def thunk():
            args = [m() for m in make]
            pos = tuple(range(len(args))) if wrt is None else wrt
            return J(ms.grad(lambda *a: ops.sum(f(*a)), pos if len(pos) > 1 else pos[0]))(*args)
        return thunk

    x23 = lambda: T([[3., 1., 2.], [1., 5., 5.]])       # noqa: E731
    i23 = lambda: I32([[3, 1, 2], [1, 5, 5]])           # noqa: E731
    w23 = lambda: T(W23)                                # noqa: E731
    a = lambda: T(f32(1, (2, 2, 3)))                    # noqa: E731
    b = lambda: T(f32(2, (2, 3, 4)))                    # noqa: E731

    # ---- products
    add("bmm/f32", call(ops.bmm, a, b))
    add("bmm/int32", call(ops.bmm, lambda: I32(np.arange(12).reshape(2, 2, 3)), lambda: I32(np.ones((2, 3, 2)))))
    add("bmm/grad", grad(lambda p, q: ops.bmm(p, q) * T(f32(3, (2, 2, 4))), a, b))
    add("baddbmm/basic", call(lambda c, p, q: ops.baddbmm(c, p, q, beta=0.5, alpha=2), lambda: T(f32(4, (2, 2, 4))),
                              a, b))
    add("baddbmm/broadcast_input", call(lambda c, p, q: ops.baddbmm(c, p, q), lambda: T(f32(5, (4,))), a, b))
    add("baddbmm/grad", grad(lambda c, p, q: ops.baddbmm(c, p, q, beta=0.5, alpha=2) * T(f32(6, (2, 2, 4))),
                             lambda: T(f32(4, (2, 2, 4))), a, b))
    add("einsum/bmm", call(lambda p, q: ops.einsum("bij,bjk->bik", p, q), lambda: T(_EIN_A), lambda: T(_EIN_B)))
    add("einsum/trace", call(lambda p: ops.einsum("ii", p), lambda: T(np.arange(9.).reshape(3, 3))))
    add("einsum/grad", grad(lambda p, q: ops.einsum("bij,bjk->bik", p, q), lambda: T(_EIN_A), lambda: T(_EIN_B)))

    # ---- masks and triangles
    mask3 = lambda: T([True, False, True], np.bool_)    # noqa: E731
    add("masked_fill/f32", call(lambda x, m: ops.masked_fill(x, m, -1e9), x23, mask3))
    add("masked_fill/int32", call(lambda x, m: ops.masked_fill(x, m, 7), i23, mask3))
    add("masked_fill/column_mask", call(lambda x, m: ops.masked_fill(x, m, 0.5), x23,
                                        lambda: T([[True], [False]], np.bool_)))
    add("masked_fill/grad", grad(lambda x: ops.masked_fill(x, T([True, False, True], np.bool_), 2.0) * T(W23), x23))
    for k in (-1, 0, 1):
        add(f"triu/f32_k{k}", call(lambda x, k=k: ops.triu(x, k), lambda: T(np.arange(12.).reshape(3, 4))))
        add(f"tril/f32_k{k}", call(lambda x, k=k: ops.tril(x, k), lambda: T(np.arange(12.).reshape(4, 3))))
    add("triu/int32_batch", call(lambda x: ops.triu(x, 1), lambda: I32(np.arange(18).reshape(2, 3, 3))))
    add("tril/bool", call(lambda x: ops.tril(x, -1), lambda: T(np.ones((3, 3)), np.bool_)))
    add("triu/grad", grad(lambda x: ops.triu(x) * T(f32(7, (3, 3))), lambda: T(f32(8, (3, 3)))))

    # ---- cumulative
    add("cumsum/f32", call(lambda x: ops.cumsum(x, 1), x23))
    add("cumsum/int32", call(lambda x: ops.cumsum(x, 0), i23))
    add("cumsum/int8", call(lambda x: ops.cumsum(x, 0), lambda: T([1, 2, 3], np.int8)))
    add("cumsum/dtype", call(lambda x: ops.cumsum(x, -1, ms.float32), i23))
    add("cumsum/grad", grad(lambda x: ops.cumsum(x, 1) * T(W23), x23))
    add("cumprod/f32", call(lambda x: ops.cumprod(x, 1), x23))
    add("cumprod/int32", call(lambda x: ops.cumprod(x, 1), i23))
    add("cumprod/grad", grad(lambda x: ops.cumprod(x, 1) * T(W23), x23))
    add("cummax/f32", call(lambda x: ops.cummax(x, 1), x23))
    add("cummax/ties", call(lambda x: ops.cummax(x, 0), lambda: T([1., 3., 3., 2., 3.])))
    add("cummax/int8", call(lambda x: ops.cummax(x, 0), lambda: T([1, 3, 2], np.int8)))
    add("cummin/int32", call(lambda x: ops.cummin(x, 0), i23))
    add("cummin/ties", call(lambda x: ops.cummin(x, -1), lambda: T([3., 1., 1., 2., 1.])))
    add("cummax/grad", grad(lambda x: ops.cummax(x, 1)[0] * T(W23), lambda: T(CM_X)))
    add("cummin/grad", grad(lambda x: ops.cummin(x, 1)[0] * T(W23), lambda: T(CN_X)))

    # ---- orders
    add("sort/f32", call(lambda x: ops.sort(x), x23))
    add("sort/descending_axis0", call(lambda x: ops.sort(x, 0, True), x23))
    add("sort/int32", call(lambda x: ops.sort(x), i23))
    add("sort/int64", call(lambda x: ops.sort(x), lambda: T([3, 1, 2], np.int64)))
    add("argsort/f32", call(lambda x: ops.argsort(x), x23))
    add("argsort/descending", call(lambda x: ops.argsort(x, descending=True), x23))
    add("topk/f32", call(lambda x: ops.topk(x, 2), x23))
    add("topk/smallest_dim0", call(lambda x: ops.topk(x, 1, dim=0, largest=False), x23))
    add("topk/int32", call(lambda x: ops.topk(x, 2), i23))
    add("topk/f64", call(lambda x: ops.topk(x, 2), lambda: T([1., 3., 2.], np.float64)))
    add("sort/grad", grad(lambda x: ops.sort(x, 1)[0] * T(W23), x23))
    add("topk/grad", grad(lambda x: ops.topk(x, 2)[0] * T(W23[:, :2]), x23))

    # ---- scatters and gathers
    col = lambda: I32([[0], [2]])                       # noqa: E731
    col_u = lambda: T([[9.], [8.]])                     # noqa: E731
    add("tse/none", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1), x23, col, col_u))
    add("tse/add", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1, "add"), x23,
                        lambda: I32([[0, 0], [2, 2]]), lambda: T([[9., 1.], [8., 1.]])))
    add("tse/negative_index", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1), x23,
                                   lambda: I32([[-1], [2]]), col_u))
    add("tse/axis0", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u), x23, lambda: I32([[1, 0, 1]]),
                          lambda: T([[7., 8., 9.]])))
    add("scatter/basic", call(lambda x, i, u: ops.scatter(x, 1, i, u), x23,
                              lambda: Tensor(np.array([[0], [2]], np.int64)), col_u))
    add("tse/grad", grad(lambda x, u: ops.tensor_scatter_elements(x, I32([[0], [2]]), u, 1) * T(W23), x23, col_u))
    add("tse/grad_add", grad(lambda x, u: ops.tensor_scatter_elements(x, I32([[0], [2]]), u, 1, "add") * T(W23),
                             x23, col_u))
    nd = lambda: I32([[0], [2], [0]])                   # noqa: E731
    add("scatter_nd/1d", call(lambda i, u: ops.scatter_nd(i, u, (4,)), nd, lambda: T([1., 2., 3.])))
    add("scatter_nd/rows", call(lambda i, u: ops.scatter_nd(i, u, (2, 2, 2)), lambda: I32([[0, 1], [1, 1]]),
                                lambda: T([[1., 2.], [3., 4.]])))
    add("scatter_nd/int32", call(lambda i, u: ops.scatter_nd(i, u, (4,)), lambda: I32([[0], [2]]),
                                 lambda: I32([1, 2])))
    add("scatter_nd/grad", grad(lambda u: ops.scatter_nd(I32([[0], [2], [0]]), u, (4,)) * T([1., 2., 3., 4.]),
                                lambda: T([1., 2., 3.])))
    add("tsa/repeated", call(lambda x, i, u: ops.tensor_scatter_add(x, i, u), x23, lambda: I32([[0, 0], [0, 0]]),
                             lambda: T([1., 2.])))
    add("tsa/rows", call(lambda x, i, u: ops.tensor_scatter_add(x, i, u), x23, lambda: I32([[1]]),
                         lambda: T([[1., 2., 3.]])))
    add("tsa/grad", grad(lambda x, u: ops.tensor_scatter_add(x, I32([[0, 0], [0, 0]]), u) * T(W23), x23,
                         lambda: T([1., 2.])))
    add("tsu/elements", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23, lambda: I32([[0, 0], [1, 2]]),
                             lambda: T([1., 2.])))
    add("tsu/repeated_last_wins", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23,
                                       lambda: I32([[0, 0], [0, 0]]), lambda: T([1., 2.])))
    add("tsu/rows", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23, lambda: I32([[1]]),
                         lambda: T([[7., 8., 9.]])))
    add("tsu/grad", grad(lambda x, u: ops.tensor_scatter_update(x, I32([[0, 0], [1, 2]]), u) * T(W23), x23,
                         lambda: T([1., 2.])))
    add("index_add/basic", call(lambda x, i, y: ops.index_add(x, i, y, 1), x23, lambda: I32([0, 0]),
                                lambda: T(np.ones((2, 2)))))
    add("index_add/int32", call(lambda x, i, y: ops.index_add(x, i, y, 0), lambda: I32(np.zeros((3, 2))),
                                lambda: I32([2, 0]), lambda: I32([[1, 2], [3, 4]])))
    add("index_add/tensor_method_alpha", lambda: x23().index_add(1, I32([0, 2]), T(np.ones((2, 2))), alpha=2))
    add("index_add/grad", grad(lambda x, y: ops.index_add(x, I32([0, 2]), y, 1) * T(W23), x23,
                               lambda: T(np.ones((2, 2)))))
    add("gather_elements/basic", call(lambda x, i: ops.gather_elements(x, 1, i), x23, lambda: I32([[2, 0], [1, 1]])))
    add("gather_nd/basic", call(lambda x, i: ops.gather_nd(x, i), x23, lambda: I32([[1, 2], [0, 0]])))
    add("gather_nd/rows", call(lambda x, i: ops.gather_nd(x, i), x23, lambda: I32([[1], [0], [1]])))
    add("gather_nd/grad", grad(lambda x: ops.gather_nd(x, I32([[1, 2], [1, 2]])) * T([2., 3.]), x23))

    # ---- unique, repeats, slices
    add("unique/int32", call(ops.unique, lambda: I32([3, 1, 3, 2])))
    add("unique/f32", call(ops.unique, lambda: T([3., 1., 3., 2.])))
    add("unique/f64", call(ops.unique, lambda: T([1., 2., 1.], np.float64)))
    add("unique/int64_2d", call(ops.unique, lambda: T([[3, 1], [3, 2]], np.int64)))
    add("repeat_interleave/axis1", call(lambda x: ops.repeat_interleave(x, 2, 1), i23))
    add("repeat_interleave/flat", call(lambda x: ops.repeat_interleave(x, 2), i23))
    add("repeat_interleave/list", call(lambda x: ops.repeat_interleave(x, [1, 2], 0), x23))
    add("repeat_interleave/grad", grad(lambda x: ops.repeat_interleave(x, 2, 1) * T(np.arange(12.).reshape(2, 6)),
                                       x23))
    add("narrow/basic", call(lambda x: ops.narrow(x, 1, 1, 2), x23))
    add("narrow/grad", grad(lambda x: ops.narrow(x, 1, 1, 2) * T([[1., 2.], [3., 4.]]), x23))
    add("flip/both", call(lambda x: ops.flip(x, (0, 1)), x23))
    add("flip/int32", call(lambda x: ops.flip(x, (-1,)), i23))
    add("flip/grad", grad(lambda x: ops.flip(x, (1,)) * T(W23), x23))
    add("roll/1d", call(lambda x: ops.roll(x, 2), lambda: T(np.arange(5.))))
    add("roll/2d_two_axes", call(lambda x: ops.roll(x, (1, -1), (0, 1)), lambda: T(np.arange(6.).reshape(2, 3))))
    add("unstack/axis0", call(ops.unstack, x23))
    add("unstack/axis1", call(lambda x: ops.unstack(x, 1), x23))
    add("masked_select/basic", call(ops.masked_select, x23, mask3))
    add("masked_select/broadcast_mask", call(ops.masked_select, x23, lambda: T([[True], [False]], np.bool_)))
    add("masked_select/int32", call(ops.masked_select, lambda: I32([1, 2, 3]), mask3))
    add("masked_select/grad", grad(lambda x: ops.masked_select(x, T([True, False, True], np.bool_)) * 2, x23))

    # ---- logsumexp
    add("logsumexp/tuple_keepdim", call(lambda x: ops.logsumexp(x, (0, 1), True), x23))
    add("logsumexp/neg_axis_keepdim", call(lambda x: ops.logsumexp(x, -1, True), x23))
    add("logsumexp/axis0", call(lambda x: ops.logsumexp(x, 0), lambda: T(f32(9, (3, 4)))))
    add("logsumexp/f64", call(lambda x: ops.logsumexp(x, 0), lambda: T([1., 2.], np.float64)))
    add("logsumexp/grad", grad(lambda x: ops.logsumexp(x, (0, 1)), x23))
    add("logsumexp/grad_axis1", grad(lambda x: ops.logsumexp(x, 1) * T([1., 2.]), x23))

    # ---- embeddings
    def embedding(padding_idx=None, use_one_hot=False):
        e = nn.Embedding(5, 3, use_one_hot=use_one_hot, padding_idx=padding_idx)
        e.embedding_table.set_data(T(EMB_TABLE))
        return e

    def emb_grad():
        e = embedding(padding_idx=1)
        ids = I32([[1, 2, 1]])
        return J(ms.grad(lambda i: ops.sum(e(i) * T(f32(10, (1, 3, 3)))), None, e.trainable_params()))(ids)

    add("embedding/padding_row_zero", lambda: nn.Embedding(5, 3, padding_idx=1).embedding_table[1])
    add("embedding/forward", lambda: J(embedding())(I32([[0, 4], [2, 2]])))
    add("embedding/forward_int64", lambda: J(embedding())(Tensor(np.array([3, 1], np.int64))))
    add("embedding/padding_grad", emb_grad)
    add("embedding/one_hot_out_of_range", lambda: J(embedding(use_one_hot=True))(I32([[1, 7]])))
    add("embedding/repr", lambda: repr(nn.Embedding(5, 3, padding_idx=2)))

    def lookup(**kw):
        return nn.EmbeddingLookup(5, 3, param_init=T(EMB_TABLE), **kw)

    def lookup_grad():
        el = lookup()
        return J(ms.grad(lambda i: ops.sum(el(i)), None, el.trainable_params()))(I32([[0, 4], [4, 7]]))

    add("lookup/forward_out_of_range_zero", lambda: J(lookup())(I32([[0, 4], [7, -1]])))
    add("lookup/int64", lambda: J(lookup())(Tensor(np.array([0, 4], np.int64))))
    add("lookup/grad", lookup_grad)
    add("lookup/max_norm", lambda: J(lookup(max_norm=2.0))(I32([0, 1, 4])))
    add("lookup/repr", lambda: repr(lookup()))
    add("lookup/attributes", lambda: (lookup().vocab_size, lookup().embedding_size, lookup().target,
                                      lookup().max_norm, lookup().sparse, lookup().embedding_table.name))
    add("lookup/float16_table", lambda: nn.EmbeddingLookup(5, 3, dtype=ms.float16).embedding_table.dtype)

    # ---- errors (last: MindSpore 2.10 may keep a failed operation's state for its next call)
    add("err/bmm_batch", call(ops.bmm, lambda: T(np.ones((2, 2, 3))), lambda: T(np.ones((1, 3, 2)))))
    add("err/bmm_inner", call(ops.bmm, lambda: T(np.ones((2, 2, 3))), lambda: T(np.ones((2, 2, 2)))))
    add("err/baddbmm_inner", call(ops.baddbmm, lambda: T(np.ones((2, 2, 2))), lambda: T(np.ones((2, 2, 3))),
                                  lambda: T(np.ones((2, 2, 2)))))
    add("err/masked_fill_broadcast", call(lambda x, m: ops.masked_fill(x, m, 1.0), x23,
                                          lambda: T([True, False], np.bool_)), ["masked"])
    add("err/masked_fill_float_into_int", call(lambda x, m: ops.masked_fill(x, m, 7.5), i23, mask3))
    add("err/triu_1d", call(ops.triu, lambda: T(np.ones(3))), ["1"])
    add("err/cumsum_axis", call(lambda x: ops.cumsum(x, 2), x23), ["2"])
    add("err/cumsum_bool", call(lambda x: ops.cumsum(x, 0), lambda: T([True, False], np.bool_)))
    add("err/cummax_axis", call(lambda x: ops.cummax(x, 2), x23), ["2"])
    add("err/cummax_bool", call(lambda x: ops.cummax(x, 0), lambda: T([True, False], np.bool_)))
    add("err/topk_k_too_big", call(lambda x: ops.topk(x, 4), x23), ["4"])
    add("err/topk_k0", call(lambda x: ops.topk(x, 0), x23), ["0"])
    add("tse/err_index_out_of_range", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1), x23,
                                           lambda: I32([[0], [3]]), col_u))
    add("err/tse_shape", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1), x23, col,
                              lambda: T([[9., 1.], [8., 1.]])))
    add("err/tse_dtype", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1), x23, col,
                              lambda: I32([[9], [8]])))
    add("err/tse_reduction", call(lambda x, i, u: ops.tensor_scatter_elements(x, i, u, 1, "mul"), x23, col, col_u),
        ["mul"])
    add("err/scatter_nd_out_of_range", call(lambda i, u: ops.scatter_nd(i, u, (4,)), lambda: I32([[0], [5]]),
                                            lambda: T([1., 2.])), ["5"])
    add("err/scatter_nd_list_shape", call(lambda i, u: ops.scatter_nd(i, u, [4]), lambda: I32([[0], [2]]),
                                          lambda: T([1., 2.])))
    add("err/scatter_nd_float_indices", call(lambda i, u: ops.scatter_nd(i, u, (4,)), lambda: T([[0.], [2.]]),
                                             lambda: T([1., 2.])))
    add("err/tsa_out_of_range", call(lambda x, i, u: ops.tensor_scatter_add(x, i, u), x23, lambda: I32([[0, 5]]),
                                     lambda: T([1.])), ["5"])
    add("tsu/err_index_out_of_range", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23,
                                           lambda: I32([[2, 0]]), lambda: T([1.])))
    add("err/tsu_shape", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23, lambda: I32([[1]]),
                              lambda: T([[7., 8.]])))
    add("err/tsu_dtype", call(lambda x, i, u: ops.tensor_scatter_update(x, i, u), x23, lambda: I32([[1]]),
                              lambda: I32([[7, 8, 9]])))
    add("err/index_add_shape", call(lambda x, i, y: ops.index_add(x, i, y, 1), x23, lambda: I32([0, 1]),
                                    lambda: T(np.ones((2, 3)))))
    add("err/index_add_out_of_range", call(lambda x, i, y: ops.index_add(x, i, y, 1), x23, lambda: I32([0, 5]),
                                           lambda: T(np.ones((2, 2)))))
    add("err/gather_elements_out_of_range", call(lambda x, i: ops.gather_elements(x, 1, i), x23, lambda: I32([[3]])),
        ["3"])
    add("err/unique_grad", grad(lambda x: ops.unique(x)[0], lambda: T([3., 1., 3.])))
    add("err/unique_bool", call(ops.unique, lambda: T([True, False, True], np.bool_)))
    add("err/unstack_axis", call(lambda x: ops.unstack(x, 2), x23), ["2"])
    add("err/masked_select_broadcast", call(ops.masked_select, x23, lambda: T([True, False], np.bool_)))
    add("err/masked_select_int_mask", call(ops.masked_select, x23, lambda: I32([1, 0, 1])))
    add("err/logsumexp_axis", call(lambda x: ops.logsumexp(x, 2), x23), ["2"])
    add("err/embedding_padding_idx", lambda: nn.Embedding(5, 3, padding_idx=5), ["padding_idx", "5"])
    add("err/embedding_padding_idx_negative", lambda: nn.Embedding(5, 3, padding_idx=-1), ["padding_idx", "-1"])
    add("err/embedding_id_out_of_range", lambda: J(embedding())(I32([7])), ["7"])
    add("err/embedding_float_ids", lambda: J(embedding())(T([1.])))
    add("err/lookup_target", lambda: nn.EmbeddingLookup(5, 3, target="GPU"), ["target"])
    add("err/lookup_sparse_cpu", lambda: nn.EmbeddingLookup(5, 3, sparse=False), ["sparse"])
    add("err/lookup_vocab0", lambda: nn.EmbeddingLookup(0, 3), ["vocab_size"])
    add("err/lookup_float_ids", lambda: J(lookup())(T([0., 4.])))
    return out
