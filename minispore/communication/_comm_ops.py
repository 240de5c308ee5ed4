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


# ----------------------------------------------------------------------------- the rest of MindSpore's comm_ops
# (thin classes over ``mindspore.ops``' communication functions and the engine; ranks are ranks of ``group``
# unless MindSpore's documentation says global. Where MindSpore's output on a non-root rank is "a tensor of shape
# [1] with no mathematical meaning", minispore's is zeros of shape (1,).)
import numpy as np  # noqa: E402

from . import _engine  # noqa: E402
from .._core.tensor import Tensor, _wrap  # noqa: E402
from .. import ops as _ops  # noqa: E402

__all__ += ["AllGatherV", "AlltoAll", "AlltoAllV", "Barrier", "BatchISendIRecv", "CollectiveGather",
            "CollectiveScatter", "NeighborExchange", "Receive", "Reduce", "ReduceScatterV", "Send"]


def _rank_int(v, name, what):
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"For '{name}', the '{what}' must be an int, but got {v!r}.")
    return v


def _tensor_in(x, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x


def _meaningless(x):
    return _wrap(np.zeros((1,), x.asnumpy().dtype))


def _sizes(sizes, name, what):
    if isinstance(sizes, Tensor):
        sizes = sizes.asnumpy().tolist()
    if not isinstance(sizes, (list, tuple)) or any(isinstance(s, bool) or not isinstance(s, int) for s in sizes):
        raise TypeError(f"For '{name}', '{what}' must be a tuple, list or Tensor of ints, but got {sizes!r}.")
    return [int(s) for s in sizes]


class _CommPrim(PrimitiveOp):
    def __init__(self, **attrs):
        PrimitiveOp.__init__(self)
        if "group" in attrs:        # MindSpore records the default group as the running backend's world group
            attrs["group"] = self.group = _resolve(attrs["group"])
        for k, v in attrs.items():
            self.add_prim_attr(k, v)

    def _g(self):
        return _engine.group(_resolve(self.group), type(self).__name__)


class Reduce(_CommPrim):
    """``op`` of the input over the ranks of ``group``, on group rank ``dest_rank``; the others get a meaningless
    tensor of shape (1,)."""

    def __init__(self, dest_rank, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        self.dest_rank = _rank_int(dest_rank, "Reduce", "dest_rank")
        self.op = _op(op, "Reduce")
        self.group = _group(group, "Reduce")
        super().__init__(group=self.group, dest_rank=dest_rank)

    def __call__(self, x):
        g = self._g()
        out = _engine.reduce_to(g, _tensor_in(x, "Reduce").asnumpy(), self.dest_rank, self.op, "Reduce")
        return _meaningless(x) if out is None else _wrap(out)


class CollectiveGather(_CommPrim):
    """The ranks' inputs concatenated along dimension 0 on global rank ``dest_rank``; the others get a meaningless
    tensor of shape (1,)."""

    def __init__(self, dest_rank, group=GlobalComm.WORLD_COMM_GROUP):
        self.dest_rank = _rank_int(dest_rank, "CollectiveGather", "dest_rank")
        self.group = _group(group, "CollectiveGather")
        g = self._g()
        self.rank_id, self.rank_size = g.rank, g.size
        super().__init__(rank_size=g.size, group=self.group, dest_rank=dest_rank, rank_id=g.rank)

    def __call__(self, x):
        g = self._g()
        root = _root_of(g, self.dest_rank, "CollectiveGather")
        out = _engine.gather_to(g, _tensor_in(x, "CollectiveGather").asnumpy(), root, "CollectiveGather")
        return _meaningless(x) if out is None else _wrap(out)


class CollectiveScatter(_CommPrim):
    """Block r (dimension 0 split evenly) of global rank ``src_rank``'s input, on rank r. Every rank passes a
    tensor of the source's shape (only the source's values are read)."""

    def __init__(self, src_rank=0, group=GlobalComm.WORLD_COMM_GROUP):
        self.src_rank = _rank_int(src_rank, "CollectiveScatter", "src_rank")
        self.group = _group(group, "CollectiveScatter")
        g = self._g()
        self.rank_id, self.rank_size = g.rank, g.size
        super().__init__(rank_id=g.rank, src_rank=src_rank, rank_size=g.size, group=self.group)

    def __call__(self, x):
        g = self._g()
        x = _tensor_in(x, "CollectiveScatter").asnumpy()
        if x.ndim == 0 or x.shape[0] % g.size:
            raise ValueError(f"For 'CollectiveScatter', the first dimension of the input must be divisible by the "
                             f"group size {g.size}, but got shape {x.shape}.")
        shape = (x.shape[0] // g.size,) + x.shape[1:]
        root = _root_of(g, self.src_rank, "CollectiveScatter")
        return _wrap(_engine.scatter_from(g, x, shape, x.dtype, root, "CollectiveScatter"))


def _root_of(g, world_rank, name):
    if world_rank not in g.world_ranks:
        raise ValueError(f"For '{name}', the rank {world_rank} is not in the group {g.name!r} (world ranks "
                         f"{list(g.world_ranks)}).")
    return g.world_ranks.index(world_rank)


class Barrier(_CommPrim):
    """Wait until every rank of ``group`` has called it; returns a meaningless float32 tensor of shape (1,)."""

    def __init__(self, group=GlobalComm.WORLD_COMM_GROUP):
        self.group = _group(group, "Barrier")
        super().__init__(group=self.group, side_effect_mem=True)

    def __call__(self):
        self._g().comm.Barrier()
        return _wrap(np.zeros((1,), np.float32))


class Send(_CommPrim):
    """Send the input to group rank ``dest_rank`` with tag ``sr_tag`` (a ``Receive`` of the same tag there gets
    it); returns the input."""

    def __init__(self, sr_tag, dest_rank, group=GlobalComm.WORLD_COMM_GROUP, group_back=GlobalComm.WORLD_COMM_GROUP):
        self.sr_tag = _rank_int(sr_tag, "Send", "sr_tag")
        self.rank = _rank_int(dest_rank, "Send", "dest_rank")
        self.group = _group(group, "Send")
        super().__init__(sr_tag=sr_tag, dest_rank=dest_rank, group=self.group, group_back=group_back,
                         no_eliminate=True)

    def __call__(self, x):
        g = self._g()
        request, _ = _engine.post_send(g, _tensor_in(x, "Send").asnumpy(), self.rank, self.sr_tag)
        request.Wait()
        return x


class Receive(_CommPrim):
    """The tensor of ``shape`` and ``dtype`` that group rank ``src_rank`` sends with tag ``sr_tag``."""

    def __init__(self, sr_tag, src_rank, shape, dtype, group=GlobalComm.WORLD_COMM_GROUP,
                 group_recv=GlobalComm.WORLD_COMM_GROUP):
        from .._core import dtype as mstype
        self.tag = _rank_int(sr_tag, "Receive", "sr_tag")
        self.rank = _rank_int(src_rank, "Receive", "src_rank")
        if not isinstance(shape, (list, tuple)):
            raise TypeError(f"For 'Receive', the 'shape' must be a list of ints, but got {shape!r}.")
        self.shape = shape
        self.dtype = mstype.canonical(dtype)
        self.group = _group(group, "Receive")
        super().__init__(sr_tag=sr_tag, src_rank=src_rank, shape=shape, dtype=self.dtype, group=self.group,
                         group_recv=group_recv, no_eliminate=True)

    def __call__(self, *unused):
        g = self._g()
        request, buf = _engine.post_recv(g, tuple(self.shape), self.dtype.np_dtype, self.rank, self.tag)
        request.Wait()
        return _wrap(buf)


class AlltoAll(_CommPrim):
    """The input split into ``split_count`` blocks along ``split_dim``; block r goes to rank r, and the blocks
    received are concatenated along ``concat_dim`` in rank order. Differentiable (built on AllGather: its gradient
    is the reverse exchange)."""

    def __init__(self, split_count, split_dim, concat_dim, group=GlobalComm.WORLD_COMM_GROUP):
        for what, v in (("split_count", split_count), ("split_dim", split_dim), ("concat_dim", concat_dim)):
            _rank_int(v, "AlltoAll", what)
        self.split_count, self.split_dim, self.concat_dim = split_count, split_dim, concat_dim
        self.group = _group(group, "AlltoAll")
        self.rank_size = self._g().size
        super().__init__(split_count=split_count, split_dim=split_dim, concat_dim=concat_dim, group=self.group,
                         no_eliminate=True, rank_size=self.rank_size)

    def __call__(self, x):
        g = self._g()
        x = _tensor_in(x, "AlltoAll")
        nd = len(x.shape)
        sd = self.split_dim + nd if self.split_dim < 0 else self.split_dim
        cd = self.concat_dim + nd if self.concat_dim < 0 else self.concat_dim
        if not (0 <= sd < nd and 0 <= cd < nd):
            raise ValueError(f"For 'AlltoAll', split_dim {self.split_dim} and concat_dim {self.concat_dim} must be "
                             f"dimensions of the input of shape {tuple(x.shape)}.")
        if self.split_count != g.size or x.shape[sd] % g.size:
            raise ValueError(f"For 'AlltoAll', split_count {self.split_count} must be the group size {g.size} and "
                             f"divide dimension {sd} of the input of shape {tuple(x.shape)}.")
        gathered = _c.all_gather(_ops.expand_dims(x, 0), _resolve(self.group))      # (size, *x.shape)
        block = x.shape[sd] // g.size
        index = [slice(None)] * (nd + 1)
        index[sd + 1] = slice(g.rank * block, (g.rank + 1) * block)
        mine = gathered[tuple(index)]                    # every rank's block for this rank
        return _ops.concat([mine[r] for r in range(g.size)], cd)


class AllGatherV(_CommPrim):
    """The ranks' 1-D inputs (``output_split_sizes[r]`` elements from rank r) concatenated."""

    def __init__(self, group=GlobalComm.WORLD_COMM_GROUP):
        self.group = _group(group, "AllGatherV")
        g = self._g()
        self.rank, self.rank_size, self.rank_id = g.rank, g.size, g.rank
        super().__init__(group=self.group, rank_size=g.size, mean_flag=False, rank_id=g.rank)

    def __call__(self, x, output_split_sizes):
        x = _tensor_in(x, "AllGatherV").asnumpy().reshape(-1)
        sizes = _sizes(output_split_sizes, "AllGatherV", "output_split_sizes")
        return _wrap(_engine.all_gather_v(self._g(), x, sizes, "AllGatherV"))


class ReduceScatterV(_CommPrim):
    """``op`` of the ranks' 1-D inputs; rank r keeps its block of ``input_split_sizes[r]`` elements."""

    def __init__(self, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        self.op = _op(op, "ReduceScatterV")
        if op == ReduceOp.PROD:
            raise ValueError("For 'ReduceScatterV', the op PROD is not supported (SUM, MIN, MAX).")
        self.group = _group(group, "ReduceScatterV")
        g = self._g()
        self.rank_size, self.rank_id = g.size, g.rank
        super().__init__(op=op, group=self.group, rank_size=g.size, rank_id=g.rank)

    def __call__(self, x, input_split_sizes):
        x = _tensor_in(x, "ReduceScatterV").asnumpy().reshape(-1)
        sizes = _sizes(input_split_sizes, "ReduceScatterV", "input_split_sizes")
        return _wrap(_engine.reduce_scatter_v(self._g(), x, sizes, self.op, "ReduceScatterV"))


class AlltoAllV(_CommPrim):
    """1-D input: ``send_numel_list[r] * block_size`` elements go to rank r; the output concatenates the
    ``recv_numel_list[r] * block_size`` elements received from each rank r."""

    def __init__(self, group=GlobalComm.WORLD_COMM_GROUP, block_size=1):
        self.group = _group(GlobalComm.WORLD_COMM_GROUP if group is None else group, "AlltoAllV")
        self.block_size = _rank_int(block_size, "AlltoAllV", "block_size")
        self.rank_size = self._g().size
        super().__init__(group=self.group, block_size=block_size)

    def __call__(self, x, send_numel_list, recv_numel_list):
        x = _tensor_in(x, "AlltoAllV").asnumpy().reshape(-1)
        send = [s * self.block_size for s in _sizes(send_numel_list, "AlltoAllV", "send_numel_list")]
        recv = [s * self.block_size for s in _sizes(recv_numel_list, "AlltoAllV", "recv_numel_list")]
        if sum(send) != x.size:
            raise ValueError(f"For 'AlltoAllV', send_numel_list * block_size adds up to {sum(send)}, but the input "
                             f"has {x.size} elements.")
        return _wrap(_engine.all_to_all_v(self._g(), x, send, recv, x.dtype, "AlltoAllV"))


class BatchISendIRecv(_CommPrim):
    """Sends and receives at once: ``op_types[i]`` ('isend'/'irecv') with group rank ``remote_ranks[i]``; the
    inputs are the tensors to send, in order; returns the received tensors (``receive_shapes``/``receive_dtypes``,
    in order)."""

    def __init__(self, op_types, remote_ranks, receive_shapes=None, receive_dtypes=None, group=None):
        from .._core import dtype as mstype
        receive_shapes = () if receive_shapes is None else receive_shapes
        receive_dtypes = () if receive_dtypes is None else receive_dtypes
        for what, v in (("receive_shapes", receive_shapes), ("receive_dtypes", receive_dtypes),
                        ("op_types", op_types), ("remote_ranks", remote_ranks)):
            if not isinstance(v, (list, tuple)):
                raise TypeError(f"For 'BatchISendIRecv', the '{what}' must be a tuple or list, but got {v!r}.")
        if len(receive_shapes) != len(receive_dtypes):
            raise ValueError(f"length of receive_shapes and receive_dtypes must be the same, but got receive_shapes: "
                             f"{len(receive_shapes)} and receive_dtypes: {len(receive_dtypes)}")
        if len(op_types) != len(remote_ranks):
            raise ValueError("length of op_types and remote_ranks must be the same.")
        if any(t not in ("isend", "irecv") for t in op_types):
            raise ValueError(f"For 'BatchISendIRecv', op_types must be 'isend' or 'irecv', but got {op_types!r}.")
        if sum(t == "irecv" for t in op_types) != len(receive_shapes):
            raise ValueError(f"For 'BatchISendIRecv', there must be one receive shape per 'irecv', but got "
                             f"{len(receive_shapes)} shapes for {sum(t == 'irecv' for t in op_types)} receives.")
        self.group = _group(GlobalComm.WORLD_COMM_GROUP if group is None else group, "BatchISendIRecv")
        self.op_types, self.remote_ranks = tuple(op_types), tuple(remote_ranks)
        self.receive_shapes = tuple(tuple(s) for s in receive_shapes)
        self.receive_dtypes = tuple(mstype.canonical(d) for d in receive_dtypes)
        super().__init__(group=self.group, op_types=op_types, remote_ranks=remote_ranks,
                         receive_shapes=receive_shapes, receive_dtypes=receive_dtypes, no_eliminate=True)

    def __call__(self, x=()):
        g = self._g()
        sends = list(x) if isinstance(x, (list, tuple)) else [x]
        if len(sends) != sum(t == "isend" for t in self.op_types):
            raise ValueError(f"For 'BatchISendIRecv', there must be one input per 'isend' "
                             f"({sum(t == 'isend' for t in self.op_types)}), but got {len(sends)}.")
        requests, bufs, si, ri = [], [], 0, 0
        for kind, peer in zip(self.op_types, self.remote_ranks):
            if kind == "isend":
                request, _ = _engine.post_send(g, _tensor_in(sends[si], "BatchISendIRecv").asnumpy(), peer)
                si += 1
            else:
                request, buf = _engine.post_recv(g, self.receive_shapes[ri], self.receive_dtypes[ri].np_dtype, peer)
                bufs.append(buf)
                ri += 1
            requests.append(request)
        for request in requests:
            request.Wait()
        return tuple(_wrap(b) for b in bufs)


class NeighborExchange(_CommPrim):
    """MindSpore's graph-mode neighbour exchange; as in MindSpore 2.10, calling it directly raises
    NotImplementedError."""

    def __init__(self, send_rank_ids, recv_rank_ids, recv_shapes, send_shapes, recv_type,
                 group=GlobalComm.WORLD_COMM_GROUP):
        self.send_rank_ids, self.recv_rank_ids = send_rank_ids, recv_rank_ids
        self.recv_shapes, self.send_shapes, self.recv_type = recv_shapes, send_shapes, recv_type
        self.group = _group(group, "NeighborExchange")
        super().__init__(send_rank_ids=send_rank_ids, recv_rank_ids=recv_rank_ids, recv_shapes=recv_shapes,
                         send_shapes=send_shapes, recv_type=recv_type, group=self.group, no_eliminate=True)

    def __call__(self, tensor):
        raise NotImplementedError("For 'NeighborExchange', calling the primitive directly is not supported (as in "
                                  "MindSpore 2.10: it runs in compiled graphs of a parallel job only).")
