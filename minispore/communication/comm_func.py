"""``mindspore.communication.comm_func``: collectives as functions on Tensors (differentiable, as the
primitives in ``ops`` are)."""
import numpy as np

from . import _engine
from ._engine import GlobalComm, DEFAULT_WORLD_COMM_GROUP
from .._core.tensor import Tensor, _wrap
from ..ops._prims import comm as _c

__all__ = ["ReduceOp", "all_reduce", "all_gather_into_tensor", "reduce_scatter_tensor", "broadcast", "barrier",
           "send", "recv"]


class ReduceOp:
    """The reductions of AllReduce and ReduceScatter."""
    SUM = "sum"
    MAX = "max"
    MIN = "min"
    PROD = "prod"


def _group(group):
    if not isinstance(group, str):
        raise TypeError(f"group must be type of string, but got {type(group)}")
    return GlobalComm.WORLD_COMM_GROUP if group == DEFAULT_WORLD_COMM_GROUP else group


def _tensor(tensor, op):
    if not isinstance(tensor, Tensor):
        raise TypeError(f"For {op}, the input tensor must be tensor")


def _reduce_op(op, name):
    if not isinstance(op, str):
        raise TypeError(f"For {name}, the input op type must be str")
    if op not in ("sum", "prod", "min", "max"):
        raise TypeError(f"For {name}, the input op value must be one of sum, prod, min, max")


def _async(async_op, name):
    if not isinstance(async_op, bool):
        raise TypeError(f"For {name}, the async_op must be bool, but got {type(async_op).__name__}.")


def all_reduce(tensor, op=ReduceOp.SUM, group=DEFAULT_WORLD_COMM_GROUP, async_op=False):
    """``(output, handle)``: ``op`` of ``tensor`` over the group; ``handle`` is None (the call completes)."""
    _tensor(tensor, "all_reduce")
    _reduce_op(op, "all_reduce")
    _async(async_op, "all_reduce")
    return _c.all_reduce(tensor, op, _group(group)), None


def all_gather_into_tensor(tensor, group=DEFAULT_WORLD_COMM_GROUP, async_op=False):
    """``(output, handle)``: the ranks' tensors concatenated along dimension 0."""
    _tensor(tensor, "all_gather_into_tensor")
    _async(async_op, "all_gather_into_tensor")
    return _c.all_gather(tensor, _group(group)), None


def reduce_scatter_tensor(tensor, op=ReduceOp.SUM, group=DEFAULT_WORLD_COMM_GROUP, async_op=False):
    """``(output, handle)``: ``op`` over the ranks, rank r keeping block r of dimension 0."""
    _tensor(tensor, "reduce_scatter_tensor")
    _reduce_op(op, "reduce_scatter_tensor")
    _async(async_op, "reduce_scatter_tensor")
    return _c.reduce_scatter(tensor, op, _group(group)), None


def broadcast(tensor, src=0, group=DEFAULT_WORLD_COMM_GROUP):
    """World rank ``src``'s tensor on every rank of the group."""
    _tensor(tensor, "broadcast")
    if isinstance(src, bool) or not isinstance(src, int):
        raise TypeError("For broadcast, the src must be int")
    group = _group(group)
    root = _root(src, group, "broadcast")
    return _c.broadcast(tensor, root, group)


def _root(world_rank, group, op):
    g = _engine.group(group, op)
    if world_rank not in g.world_ranks:
        raise ValueError(f"For '{op}', the rank {world_rank} is not in the group {g.name!r} (world ranks "
                         f"{list(g.world_ranks)}).")
    return g.world_ranks.index(world_rank)


def barrier(group=DEFAULT_WORLD_COMM_GROUP):
    """Wait until every rank of the group has called it."""
    _engine.group(_group(group), "barrier").comm.Barrier()


def send(tensor, dst=0, group=DEFAULT_WORLD_COMM_GROUP, tag=0):
    """Send ``tensor`` to world rank ``dst`` (a matching ``recv`` there receives it)."""
    _tensor(tensor, "send")
    group = _group(group)
    g = _engine.group(group, "send")
    peer = _root(dst, group, "send")
    if peer == g.rank:
        raise ValueError(f"For 'send', the destination rank {dst} is this process.")
    g.comm.Send(np.ascontiguousarray(tensor.asnumpy()), dest=peer, tag=tag)


def recv(tensor, src=0, group=DEFAULT_WORLD_COMM_GROUP, tag=0):
    """A tensor of ``tensor``'s shape and dtype received from world rank ``src``."""
    _tensor(tensor, "recv")
    if isinstance(src, bool) or not isinstance(src, int):
        raise TypeError("For recv, the src must be int")
    group = _group(group)
    g = _engine.group(group, "recv")
    peer = _root(src, group, "recv")
    if peer == g.rank:
        raise ValueError(f"For 'recv', the source rank {src} is this process.")
    buf = np.empty(tensor.shape, tensor.asnumpy().dtype)
    status = g.mpi.Status()
    g.comm.Recv(buf, source=peer, tag=tag, status=status)
    got = status.Get_count(g.mpi.BYTE)
    if got != buf.nbytes:
        raise ValueError(f"For 'recv', the message from rank {src} has {got} bytes, but a tensor of shape "
                         f"{tuple(tensor.shape)} holds {buf.nbytes}.")
    return _wrap(buf)
