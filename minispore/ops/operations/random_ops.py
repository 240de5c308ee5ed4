"""MindSpore's ``mindspore.ops.operations.random_ops``: the seeded samplers (``seed``/``seed2`` attributes)."""
from .. import function as F
from ..._core import dtype as mstype
from ._base import collect, prim

_SEEDS = [("seed", 0), ("seed2", 0)]
_HIDDEN = (("side_effect_hidden", True),)


def _seed(self):
    return None if not self.seed and not self.seed2 else self.seed


UniformReal = prim("UniformReal", lambda self, shape: F.uniform(tuple(shape), F.tensor(0.0, mstype.float32),
                                                                 F.tensor(1.0, mstype.float32), _seed(self)),
                   _SEEDS, hidden=_HIDDEN)
StandardNormal = prim("StandardNormal", lambda self, shape: F.standard_normal(tuple(shape), _seed(self)), _SEEDS,
                      hidden=_HIDDEN)
UniformInt = prim("UniformInt", lambda self, shape, minval, maxval:
                  F.cast(F.randint(int(minval), int(maxval), tuple(shape), _seed(self)), mstype.int32), _SEEDS,
                  hidden=_HIDDEN)
Multinomial = prim("Multinomial", lambda self, x, num_samples:
                   F.cast(F.multinomial(x, num_samples, True, _seed(self)), self.dtype),
                   _SEEDS + [("dtype", mstype.int32)], hidden=_HIDDEN)

# not yet checked against MindSpore 2.10 (no golden row): not exported
del Multinomial
__all__ = collect(globals())
