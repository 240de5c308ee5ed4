"""Direct cases for the N-d scatters that multiply, divide or take extrema (ops/_prims/scatter.py; collected by
test_primitives_direct.py): each forward value against a NumPy loop written out here, each derivative against
central differences to second order. The positions are distinct (MindSpore's Mul/Div rules assume so) and the
updates keep away from the values they meet (Max/Min have a kink at a tie)."""
import numpy as np

from minispore._core.tensor import _wrap

rng = np.random.default_rng(2026)

ND = np.array([[0, 1], [2, 3], [1, 0]])         # (3, 2): three distinct elements of a (3, 4) input
ROWS = np.array([[2], [0]])                     # (2, 1): two whole rows


def _loop(fn):
    def ref(x, u, idx):
        out = x.copy()
        for k, i in enumerate(idx):
            out[tuple(i)] = fn(out[tuple(i)], u[k])
        return out
    return ref


def _away(shape, sign):
    """Values whose magnitudes are far from those of ``_u``: the extremum never ties."""
    return sign * rng.uniform(1.5, 2.5, shape)


def _u(*shape):
    return rng.uniform(-1, 1, shape)


CASES = {
    "TensorScatterMul": dict(args=[_u(3, 4), _u(3)], fixed=[_wrap(ND)], ref=_loop(np.multiply)),
    "TensorScatterDiv": dict(args=[_u(3, 4), rng.uniform(0.5, 2.0, (3,))], fixed=[_wrap(ND)],
                             ref=_loop(np.divide)),
    # half the updates win (above every input value), half lose
    "TensorScatterMax": dict(args=[_u(3, 4), np.concatenate([_away((1, 4), 1), _away((1, 4), -1)])],
                             fixed=[_wrap(ROWS)], ref=_loop(np.maximum)),
    "TensorScatterMin": dict(args=[_u(3, 4), np.array([_away((), 1), _away((), -1), _away((), -1)])],
                             fixed=[_wrap(ND)], ref=_loop(np.minimum)),
}
