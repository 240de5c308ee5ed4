"""``LearningRateScheduler``: set the optimizer's learning rate from a function of (lr, step) after every step."""
import math

import numpy as np

from ..._core import dtype as _dt
from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ._callback import Callback


class LearningRateScheduler(Callback):
    """After each training step, ``learning_rate_function(lr, cur_step_num)`` gives the new learning rate of the
    optimizer (a float); it is written into the optimizer's ``learning_rate`` Parameter when it differs."""

    def __init__(self, learning_rate_function):
        super().__init__()
        if not callable(learning_rate_function):
            raise TypeError(f"For 'LearningRateScheduler', the 'learning_rate_function' must be callable, but got "
                            f"{type(learning_rate_function).__name__}.")
        self.learning_rate_function = learning_rate_function

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        cur_lr = getattr(cb_params.optimizer, "learning_rate", None)
        if not isinstance(cur_lr, Parameter):
            raise ValueError("LearningRateScheduler needs an optimizer whose learning_rate is one Parameter (a fixed "
                             "learning rate), not a dynamic or per-group learning rate.")
        # MindSpore reads the rate back from its printed form (NumPy's 8 significant digits), so match that
        lr = float(np.array2string(cur_lr.asnumpy()))
        new_lr = self.learning_rate_function(lr, cb_params.cur_step_num)
        if not math.isclose(lr, new_lr, rel_tol=1e-10):
            cur_lr.set_data(Tensor(np.full(cur_lr.shape, new_lr, np.float32), _dt.float32))
