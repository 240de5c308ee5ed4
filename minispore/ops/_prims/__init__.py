"""The differentiable core: every primitive with its impl on the backend's arrays, its shape rule and its VJP rules,
one file per family. A rule is ``rule(dout, out, *args, **params)`` (MindSpore's bprop naming) and returns the
cotangent of one argument, built only from primitives, so that derivatives can be differentiated again."""
from .elementwise import *  # noqa: F401,F403
from .reduce import *  # noqa: F401,F403
from .shape import *  # noqa: F401,F403
from .index import *  # noqa: F401,F403
from .linalg import *  # noqa: F401,F403
from .nn import *  # noqa: F401,F403
from .creation import *  # noqa: F401,F403
from .random import *  # noqa: F401,F403
from .state import *  # noqa: F401,F403
from .conv import *  # noqa: F401,F403
from .pool import *  # noqa: F401,F403
from .resample import *  # noqa: F401,F403
from .norm import *  # noqa: F401,F403
from .scan import *  # noqa: F401,F403
from .attention import *  # noqa: F401,F403
from .scatter import *  # noqa: F401,F403
from .fft import *  # noqa: F401,F403
from .special import *  # noqa: F401,F403
from .einsum import einsum, einsum_p  # noqa: F401
from . import comm  # noqa: F401  (collectives: mindspore.communication)
from . import linalg2  # noqa: F401  (inverse, determinants, solve, Cholesky, expm, pinv, factorizations)
from . import (elementwise, reduce, shape, index, linalg, nn, creation, random, state, conv, pool,  # noqa: F401
               resample, norm, scan)
from . import special  # noqa: F401  (SciPy's special functions and the Bessel functions)
from ._base import const  # noqa: F401
from ..._core.primitive import NONDIFF, Primitive  # noqa: F401
