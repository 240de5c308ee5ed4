"""Write a shared update rule's result (``ops/operations/optim_ops.py``, run on the backend's arrays) back into
the optimizer's arrays in place."""
from ..._core.backend import xp
from ...ops.operations import optim_ops as rules

ARRAYS = rules.ARRAYS


def write(targets, values):
    for t, v in zip(targets, values):
        xp.copyto(t, v, casting="unsafe")
