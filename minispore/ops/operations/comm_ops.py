"""``mindspore.ops.operations.comm_ops``: MindSpore's collective Primitive classes (``AllReduce``, ``AlltoAll``,
``Send``/``Receive``...), defined in ``minispore/communication/_comm_ops.py`` over the MPI groups, and the names
MindSpore's module exports with them."""
from ...communication._comm_ops import (AllGather, AllGatherV, AllReduce, AlltoAll, AlltoAllV, Barrier,  # noqa: F401
                                        BatchISendIRecv, Broadcast, CollectiveGather, CollectiveScatter,
                                        NeighborExchange, ReduceOp, ReduceScatter, ReduceScatterV, Receive, Reduce,
                                        Send)
from ...communication._engine import GlobalComm  # noqa: F401
from ...communication.management import get_group_size, get_rank  # noqa: F401

# the Primitive classes (what ``mindspore.ops`` exports from here; get_rank, get_group_size and GlobalComm are
# attributes of the module only: ``mindspore.ops.get_rank`` is the function of ops/function/comm_func.py)
__all__ = ["AllGather", "AllGatherV", "AllReduce", "AlltoAll", "AlltoAllV", "Barrier", "BatchISendIRecv",
           "Broadcast", "CollectiveGather", "CollectiveScatter", "NeighborExchange", "ReduceOp", "ReduceScatter",
           "ReduceScatterV", "Receive", "Reduce", "Send"]
