"""``mindspore.ops.operations`` (``P``): MindSpore's Primitive classes (``P.ReLU()(x)``, ``P.Concat(axis=1)``,
``P.ReduceMean(keep_dims=True)(x, axis)``), each a thin callable over the functional API, in MindSpore's
submodules (``math_ops``, ``array_ops``, ``nn_ops``, ``random_ops``, ``other_ops``)."""
from . import array_ops, math_ops, nn_ops, other_ops, random_ops
from ._base import Primitive, PrimitiveOp  # noqa: F401
from .array_ops import *  # noqa: F401,F403
from .math_ops import *  # noqa: F401,F403
from .nn_ops import *  # noqa: F401,F403
from .other_ops import *  # noqa: F401,F403
from .random_ops import *  # noqa: F401,F403

__all__ = sorted(set(array_ops.__all__ + math_ops.__all__ + nn_ops.__all__ + other_ops.__all__
                     + random_ops.__all__))
from . import comm_ops  # noqa: E402
from .comm_ops import *  # noqa: F401,F403,E402  (P.AlltoAll...; mindspore.ops exports them from comm_ops)
