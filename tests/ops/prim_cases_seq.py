"""Direct cases for the sequence-model primitives (collected by test_primitives_direct.py): the N-d gathers and
scatters, the element scatter along an axis and Einsum. Each forward value is checked against a NumPy formula
written out here, each derivative against central differences to second order."""
import numpy as np

from minispore._core.tensor import _wrap

rng = np.random.default_rng(1129)

ND = np.array([[0, 2], [1, 0], [0, 2]])          # (3, 2) indices into the first two dims; (0, 2) repeats
ND_ROWS = np.array([[1], [0]])                   # (2, 1): whole rows
ELEM = np.array([[2, 0], [1, 0]])                # (2, 2) distinct positions along axis 1 of a (2, 3) input


def _gather_nd(x, idx):
    return np.stack([x[tuple(i)] for i in idx])


def _scatter_nd(u, idx, shape):
    out = np.zeros(shape)
    for k, i in enumerate(idx):
        out[tuple(i)] += u[k]
    return out


def _update_nd(x, idx, u):
    out = x.copy()
    for k, i in enumerate(idx):
        out[tuple(i)] = u[k]
    return out


def _scatter_elements(x, idx, u):
    out = x.copy()
    for i in range(idx.shape[0]):
        for j in range(idx.shape[1]):
            out[i, idx[i, j]] = u[i, j]
    return out


def _bmm_einsum(a, b):
    return np.stack([a[k] @ b[k] for k in range(a.shape[0])])


CASES = {
    "GatherNd": dict(args=[rng.uniform(-1, 1, (2, 3, 2))], fixed=[_wrap(ND)], ref=_gather_nd),
    "ScatterNd": dict(args=[rng.uniform(-1, 1, (3, 2))], fixed=[_wrap(ND)], params=dict(shape=(2, 3, 2)),
                      ref=lambda u, idx: _scatter_nd(u, idx, (2, 3, 2))),
    # distinct positions (a repeated one has no derivative with respect to the overwritten update)
    "ScatterNdUpdate": dict(args=[rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 3))], fixed=[_wrap(ND_ROWS)],
                            ref=lambda x, u, idx: _update_nd(x, idx, u)),
    "TensorScatterElements": dict(args=[rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 2))],
                                  fixed=[_wrap(ELEM)], params=dict(axis=1),
                                  ref=lambda x, u, idx: _scatter_elements(x, idx, u)),
    "Einsum": dict(args=[rng.uniform(-1, 1, (2, 3, 4)), rng.uniform(-1, 1, (2, 4, 5))],
                   params=dict(equation="bij,bjk->bik"), ref=_bmm_einsum),
}
