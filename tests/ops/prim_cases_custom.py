"""Direct cases for the user-rule primitives (collected by test_primitives_direct.py): a pyfunc ``Custom`` and a Cell
with a ``bprop``, each with its true derivative as the user's rule (written with ops, so it differentiates again)."""
import numpy as np

from minispore import nn, ops

rng = np.random.default_rng(1213)


def _sin_bprop(x, out, dout):
    return (ops.cos(x) * dout,)


class _Cube(nn.Cell):
    def construct(self, x):
        return x * x * x

    def bprop(self, x, out, dout):
        return (3 * x * x * dout,)


CASES = {
    "Custom": dict(args=[rng.uniform(-2, 2, (2, 3))],
                   params=dict(func=np.sin, shape=(2, 3), dtype=np.dtype("float64"), bprop=_sin_bprop, name="sin"),
                   ref=np.sin),
    "CellBprop": dict(args=[rng.uniform(-2, 2, (3, 2))], params=dict(cell=_Cube()), ref=lambda x: x ** 3),
}
