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
         "LossScaleManager": "train.loss_scale_manager",
         # data parallelism (mindspore.communication)
         "ParallelMode": "context", "set_auto_parallel_context": "context", "get_auto_parallel_context": "context",
         "reset_auto_parallel_context": "context"}

_LAZY.update({name: "train" for name in (
    # MindSpore's top level re-exports the callbacks and metrics of mindspore.train
    "Accuracy", "BleuScore", "Callback", "CheckpointConfig", "ConfusionMatrix", "ConfusionMatrixMetric",
    "CosineSimilarity", "Dice", "EarlyStopping", "F1", "Fbeta", "HausdorffDistance", "History", "LambdaCallback",
    "Loss", "LossMonitor", "MAE", "MSE", "MeanSurfaceDistance", "Metric", "ModelCheckpoint", "OcclusionSensitivity",
    "Perplexity", "Precision", "ROC", "Recall", "ReduceLROnPlateau", "RootMeanSquareDistance", "RunContext",
    "TimeMonitor", "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "TopKCategoricalAccuracy", "auc",
    "get_metric_fn", "names", "rearrange_inputs",
)})
_LAZY.update({name: "runtime" for name in (
    # MindSpore's top level re-exports mindspore.runtime's memory and execution functions
    "empty_cache", "launch_blocking", "max_memory_allocated", "max_memory_reserved", "memory_allocated",
    "memory_reserved", "memory_stats", "memory_summary", "reset_max_memory_allocated", "reset_max_memory_reserved",
    "reset_peak_memory_stats", "set_memory", "synchronize",
)})
_LAZY.update({"set_device": "context", "get_current_device": "context", "set_deterministic": "context"})
_LAZY.update({"tensor": "ops", "jit_class": "common.api", "ms_memory_recycle": "common.api"})
_LAZY.update({name: "common.random_state" for name in (
    "Generator", "default_generator", "get_rng_state", "initial_seed", "manual_seed", "seed", "set_rng_state")})
_LAZY.update({name: "common._toplevel_more" for name in (
    "Int", "TensorType", "byte", "cdouble", "cfloat", "dtype_to_pytype", "from_numpy", "frombuffer",
    "get_py_obj_dtype", "intp", "is_tensor", "lazy_inline", "list_", "mutable", "no_inline", "number", "run_check",
    "set_recursion_limit", "swap_tensors", "tensor_type", "tuple_", "type_none", "ubyte",
    "uintp", "JitConfig")})
_LAZY.update({name: "train" for name in (
    "LearningRateScheduler", "BackupAndRestore", "build_train_network", "ckpt_to_safetensors",
    "safetensors_to_ckpt", "merge_sliced_parameter")})

dtype_to_nptype = dtype.dtype_to_nptype
pytype_to_dtype = dtype.pytype_to_dtype

from ._dropin import module_getattr as _module_getattr  # noqa: E402
__getattr__ = _module_getattr(__name__, _LAZY)
