"""``mindspore.numpy``: MindSpore's NumPy-style functions (array creation, math, reductions, array manipulation,
logic), thin wrappers over ``minispore.ops`` with mindspore.numpy's dtype rules (Python ints are Int32, floats
Float32; ``arange`` of ints is Int32)."""
from .._core.dtype import (bool_, float16, float32, float64, int8, int16, int32, int64, uint8,  # noqa: F401
                           uint16, uint32, uint64)
from .._core.tensor import Tensor as ndarray  # noqa: F401
from .array_creations import *  # noqa: F401,F403
from .array_ops import *  # noqa: F401,F403
from .logic_ops import *  # noqa: F401,F403
from .math_ops import *  # noqa: F401,F403
from .more_math import *  # noqa: F401,F403
from .more_array import *  # noqa: F401,F403
from .stats import *  # noqa: F401,F403
from . import array_creations, array_ops, logic_ops, math_ops, more_array, more_math, stats  # noqa: F401

pi = 3.141592653589793
e = 2.718281828459045
inf = float("inf")
nan = float("nan")
float_ = float32
int_ = int32
