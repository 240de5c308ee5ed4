"""The class-style collective operators of ``mindspore.ops``: ``AllReduce``, ``AllGather``, ``ReduceScatter``,
``Broadcast`` (MindSpore's constructor arguments), over the primitives of ``ops/_prims/comm.py``."""
from ._engine import GlobalComm, DEFAULT_WORLD_COMM_GROUP
from .comm_func import ReduceOp
from ..ops._prims import comm as _c
from ..ops.operations import PrimitiveOp

__all__ = ["ReduceOp", "AllReduce", "AllGather", "ReduceScatter", "Broadcast"]


def _group(group, name):
    if not isinstance(group, str):
        raise TypeError(f"For '{name}', the 'group' must be a str, but got {type(group).__name__}.")
    return group


def _resolve(group):
    return GlobalComm.WORLD_COMM_GROUP if group == DEFAULT_WORLD_COMM_GROUP else group


def _op(op, name):
    if op not in (ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN, ReduceOp.PROD):
        raise TypeError(f"For '{name}', the 'op' must be one of ReduceOp.SUM, MAX, MIN, PROD, but got {op!r}.")
    return op


class AllReduce(PrimitiveOp):
    """``op`` of the input over every rank of ``group``, elementwise."""

    def __init__(self, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        self.op = _op(op, "AllReduce")
        self.group = _group(group, "AllReduce")

    def __call__(self, x):
        return _c.all_reduce(x, self.op, _resolve(self.group))


class AllGather(PrimitiveOp):
    """The inputs of every rank of ``group``, concatenated along dimension 0 in rank order."""

    def __init__(self, group=GlobalComm.WORLD_COMM_GROUP):
        self.group = _group(group, "AllGather")

    def __call__(self, x):
        return _c.all_gather(x, _resolve(self.group))


class ReduceScatter(PrimitiveOp):
    """``op`` over the ranks of ``group``, split along dimension 0: rank r gets block r."""

    def __init__(self, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        self.op = _op(op, "ReduceScatter")
        self.group = _group(group, "ReduceScatter")

    def __call__(self, x):
        return _c.reduce_scatter(x, self.op, _resolve(self.group))


class Broadcast(PrimitiveOp):
    """Rank ``root_rank``'s tensors on every rank: takes and returns a tuple of Tensors."""

    def __init__(self, root_rank, group=GlobalComm.WORLD_COMM_GROUP):
        if isinstance(root_rank, bool) or not isinstance(root_rank, int):
            raise TypeError(f"For 'Broadcast', the 'root_rank' must be an int, but got {root_rank!r}.")
        self.root_rank = root_rank
        self.group = _group(group, "Broadcast")

    def __call__(self, x):
        if not isinstance(x, tuple):
            raise TypeError(f"For 'Broadcast', the input must be a tuple of Tensors, but got "
                            f"{type(x).__name__}.")
        return tuple(_c.broadcast(t, self.root_rank, _resolve(self.group)) for t in x)
