"""minispore: MindSpore's programming model on NumPy.

``import minispore as mindspore`` and MindSpore 2.x code (Tensors, Cells, ``ops``, functional autodiff,
optimizers, datasets, training, checkpoints) runs unchanged on any machine where NumPy runs.
"""
__version__ = "0.1.0"

from ._core import backend as _backend

_backend.tune_allocator()

from ._core.dtype import *  # noqa: F401,F403
from ._core.tensor import Tensor
from .common.parameter import Parameter, ParameterTuple
from .common.seed import get_seed, set_seed
from .common import dtype
from . import common, ops, nn
from ._core.autodiff import get_grad, grad, jvp, value_and_grad, vjp
from .ops import jacfwd, jacrev, vmap
from ._core.jit import jit
from .context import COMPATIBLE, GRAPH_MODE, LAX, PYNATIVE_MODE, STRICT, get_context, set_context
from . import context

# dataset and train (and the names below) are imported on first use, to keep `import minispore` fast
_LAZY = {"Model": "train", "load_checkpoint": "train", "load_param_into_net": "train", "save_checkpoint": "train",
         "export": "train", "load": "train",
         # mixed precision
         "DynamicLossScaleManager": "train.loss_scale_manager", "FixedLossScaleManager": "train.loss_scale_manager",
         "LossScaleManager": "train.loss_scale_manager"}

dtype_to_nptype = dtype.dtype_to_nptype
pytype_to_dtype = dtype.pytype_to_dtype

from ._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__, _LAZY)
