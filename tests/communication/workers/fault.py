"""A worker that fails: argv[1] is 'raise', 'kill' (SIGKILL) or 'shape' (mismatched AllReduce shapes)."""
import os
import signal
import sys

import numpy as np
import mindspore as ms
from mindspore import ops
from mindspore.communication import get_rank, init

init()
r = get_rank()
how = sys.argv[1]
if r == 1 and how == "raise":
    raise ValueError("rank 1 gives up")
if r == 1 and how == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
shape = (2, 3) if r == 0 or how != "shape" else (3, 3)
ops.AllReduce()(ms.Tensor(np.ones(shape, np.float32)))
ops.AllReduce()(ms.Tensor(np.ones(shape, np.float32)))
print("survived", r, flush=True)
