"""``mindspore.ops``' communication functions (MindSpore's ``ops/function/comm_func.py``): the torch-style process
group API and collectives, on the MPI groups of ``minispore.communication``.

As in MindSpore 2.10 (whose ``set_comm_ops_inplace`` is on for all of them by default) the collectives write their
result into the tensor they are given (``all_reduce(t)`` updates ``t``; ``all_gather_into_tensor(out, x)`` fills
``out``) and return a handle: None, or with ``async_op=True`` a :class:`CommHandle` whose ``wait()`` completes it.
MPI's blocking collectives have finished when the call returns; ``isend``/``irecv``/``batch_isend_irecv`` post real
non-blocking requests, and a received tensor holds its data after ``wait()``. ``all_reduce``,
``all_gather_into_tensor``, ``reduce_scatter_tensor`` and ``broadcast`` write through the differentiable primitives
of ``ops/_prims/comm.py`` (their gradients are MindSpore's bprops); the others move data only.

``group=None`` is the world group; ranks (``src``, ``dst``, ``peer``) are world ranks.
"""
import hashlib
import importlib.util
import warnings

from ..._core.errors import MissingRuleError
from ..._core.primitive import differentiated
from ..._core.tensor import Tensor
from ...communication import _engine
from ...communication import management as _mgmt
from ...communication._engine import GlobalComm, DEFAULT_WORLD_COMM_GROUP
from .._prims import comm as _c

__all__ = ["init_process_group", "destroy_process_group", "is_available", "is_initialized", "get_backend",
           "get_rank", "get_world_size", "get_global_rank", "get_group_rank", "get_process_group_ranks",
           "new_group", "all_reduce", "all_gather", "all_gather_into_tensor", "all_gather_into_tensor_uneven",
           "all_gather_object", "reduce", "reduce_scatter", "reduce_scatter_tensor", "reduce_scatter_tensor_uneven",
           "broadcast", "broadcast_object_list", "barrier", "send", "recv", "isend", "irecv", "batch_isend_irecv",
           "P2POp", "all_to_all", "all_to_all_single", "gather_into_tensor", "scatter_tensor", "gather_object",
           "scatter_object_list", "send_object_list", "recv_object_list"]

BACKEND_HCCL = "hccl"
BACKEND_MCCL = "mccl"
_OPS = ("sum", "prod", "min", "max", "avg")


class CommHandle:
    """The handle of an asynchronous communication: ``wait()`` blocks until it is complete (then the received
    tensors hold their data)."""

    def __init__(self, requests=(), finish=None):
        self._requests = list(requests)
        self._finish = finish

    def wait(self):
        for request in self._requests:
            request.Wait()
        self._requests = []
        if self._finish is not None:
            finish, self._finish = self._finish, None
            finish()


# ----------------------------------------------------------------------------- checks
def _group(group, op="communication"):
    if group is None:
        return GlobalComm.WORLD_COMM_GROUP
    if not isinstance(group, str):
        raise TypeError(f"The argument 'group' must be type of string, but got 'group' type : {type(group)}.")
    return GlobalComm.WORLD_COMM_GROUP if group == DEFAULT_WORLD_COMM_GROUP else group


def _g(group, op):
    return _engine.group(_group(group, op), op)


def _tensor(t, op, what="input tensor"):
    if not isinstance(t, Tensor):
        raise TypeError(f"For {op}, the {what} must be tensor, but got {type(t).__name__}.")


def _int(v, op, what):
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"For {op}, the {what} must be int, but got {type(v).__name__}.")


def _async(async_op):
    if not isinstance(async_op, bool):
        raise TypeError(f"The argument 'async_op' must be a bool, but got {type(async_op)}.")


def _op(op, name, allowed=_OPS):
    if not isinstance(op, str):
        raise TypeError(f"For {name}, the input op type must be str")
    if op not in allowed:
        raise TypeError(f"For {name}, the input op value must be one of {', '.join(allowed)}")


def _handle(async_op):
    return CommHandle() if async_op else None


def _group_rank(g, world_rank, op, what):
    _int(world_rank, op, what)
    if world_rank not in g.world_ranks:
        raise ValueError(f"For '{op}', the {what} {world_rank} is not a rank of the group {g.name!r} (world ranks "
                         f"{list(g.world_ranks)}).")
    return g.world_ranks.index(world_rank)


def _write(target, value, op):
    """``target`` takes ``value`` in place (through setitem, so a gradient flows through it)."""
    if tuple(target.shape) != tuple(value.shape):
        raise ValueError(f"For '{op}', the output tensor must have shape {tuple(value.shape)}, but got "
                         f"{tuple(target.shape)}.")
    if target.dtype != value.dtype:
        raise TypeError(f"For '{op}', the output dtype should be {value.dtype}, but got {target.dtype}.")
    target[...] = value


def _host(t, op):
    """``t``'s values on the host, for the collectives that move data through host buffers. They have no
    derivative here: while a gradient is being taken through ``t`` that is an error, never a silent zero."""
    if differentiated(t):
        raise MissingRuleError(f"For '{op}', minispore has no derivative (the data moves through host buffers); "
                               f"differentiate through all_reduce, all_gather_into_tensor, reduce_scatter_tensor or "
                               f"broadcast instead.")
    return t.asnumpy()


def _write_np(target, array, op):
    _write(target, Tensor.from_numpy(array), op)


def _reduced(x, op, group):
    """``op`` over the ranks through the differentiable AllReduce ('avg': the sum divided by the group size)."""
    if op != "avg":
        return _c.all_reduce(x, op, group)
    size = _engine.group(group, "all_reduce").size
    total = _c.all_reduce(x, "sum", group)
    return (total / size).astype(x.dtype)


def _np_reduce(op):
    return "sum" if op == "avg" else op


def _np_avg(array, op, size):
    return (array / size).astype(array.dtype) if op == "avg" else array


# ----------------------------------------------------------------------------- process groups
def is_available():
    """Whether the communication package can run here: mpi4py (the distributed extra) is installed."""
    return importlib.util.find_spec("mpi4py") is not None


def is_initialized():
    """Whether the communication service has been initialized (``init_process_group`` or ``init``)."""
    return bool(GlobalComm.INITED)


def init_process_group(backend="hccl", init_method=None, timeout=None, world_size=-1, rank=-1, store=None,
                       group_name="", pg_options=None, device_id=None):
    """Join the processes that the launcher started (as ``mindspore.communication.init``). ``backend`` must be
    'hccl' (MindSpore's only choice; MPI carries it); ``init_method``/``store`` (TCP rendezvous) are not supported:
    launch with ``msrun`` or ``mpirun``. ``world_size``, when given, must be the number of processes."""
    for name, value, kind in (("init_method", init_method, str), ("world_size", world_size, int),
                              ("rank", rank, int), ("group_name", group_name, str)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, kind)):
            raise TypeError(f"The parameter '{name}' must be {kind}, but got {type(value)}")
    if backend != "hccl":
        raise ValueError("Only support hccl now, please setting backend to hccl or using default value")
    if init_method is not None and store is not None:
        raise ValueError("Only one of init_method and store is supported.")
    if init_method is not None or store is not None:
        raise ValueError("For 'init_process_group', a TCP rendezvous (init_method or store) is not supported: the "
                         "processes find each other through their launcher; " + _engine.LAUNCH_HELP)
    _engine.init(None)
    size = _mgmt.get_group_size(group_name) if group_name else _mgmt.get_group_size()
    if world_size not in (-1, size):
        raise ValueError(f"For 'init_process_group', world_size is wrong: the launcher started {size} processes, "
                         f"but world_size is {world_size} (use the default -1 or {size}).")
    if rank not in (-1, _mgmt.get_rank()):
        raise ValueError(f"For 'init_process_group', rank {rank} is not this process's rank {_mgmt.get_rank()}.")


def destroy_process_group(group=None):
    """Destroy ``group``; the world group (None) releases every group."""
    if group is None or group == GlobalComm.WORLD_COMM_GROUP or group == DEFAULT_WORLD_COMM_GROUP:
        _engine.release()
        return
    if not isinstance(group, str):
        raise TypeError(f"For 'destroy_group', the argument 'group' must be type of string or None, but got "
                        f"'group' type : {type(group)}.")
    _engine.destroy_group(group)


def get_rank(group=None):
    """This process's rank in ``group``. Before initialization: 0, the rank of the only process.
    DELIBERATE: MindSpore 2.10 returns its RANK_SIZE default (1) there, a rank that does not exist in a world of
    one process."""
    if group is not None and not isinstance(group, str):
        raise TypeError(f"For 'get_rank', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    if not GlobalComm.INITED:
        return 0
    try:
        return _g(group, "get_rank").rank
    except (RuntimeError, ValueError) as e:       # MindSpore logs the failure and answers -1
        warnings.warn(str(e), RuntimeWarning, stacklevel=2)
        return -1


def get_world_size(group=None):
    """The number of processes in ``group`` (1 before initialization)."""
    if group is not None and not isinstance(group, str):
        raise TypeError(f"For 'get_world_size', the argument 'group' must be type of string, but got 'group' type "
                        f": {type(group)}.")
    if not GlobalComm.INITED:
        return 1
    try:
        return _g(group, "get_world_size").size
    except (RuntimeError, ValueError) as e:
        warnings.warn(str(e), RuntimeWarning, stacklevel=2)
        return -1


def new_group(ranks=None, timeout=None, backend=None, pg_options=None, use_local_synchronization=False,
              group_desc=None):
    """A group of the world ranks ``ranks`` (every one of them calls it); its name, MindSpore's
    ``<backend>_<n>_<sha1 of the sorted ranks>``. ``ranks=None`` is the world group. A process outside ``ranks``
    gets '' (with a warning), as in MindSpore."""
    if ranks is None:
        return GlobalComm.WORLD_COMM_GROUP
    if not isinstance(ranks, list):
        raise TypeError("ranks must be list, but got {}".format(type(ranks)))
    ranks = sorted(ranks)
    backend = "hccl" if backend is None else backend
    if not isinstance(backend, str) or backend not in ("hccl", "mccl"):
        raise TypeError(f"the input backend must be hccl or mccl, but got {backend}")
    name = backend + "_" + str(len(ranks)) + "_" + hashlib.sha1("_".join(map(str, ranks)).encode()).hexdigest()
    existing = _engine._groups.get(name)
    if existing is not None and list(existing.world_ranks) == ranks:
        return name
    world = _engine.group(GlobalComm.WORLD_COMM_GROUP, "new_group")
    if world.rank not in ranks:
        warnings.warn(f"For 'new_group', this process (rank {world.rank}) is not one of the ranks {ranks}: no "
                      f"group is created here.", RuntimeWarning, stacklevel=2)
        return ""
    _engine.create_group(name, ranks)
    return name


def get_backend(group=None):
    """The backend of ``group``: 'hccl' for the default, the one a group's name says, else the running one."""
    if group is None:
        return BACKEND_HCCL
    if not isinstance(group, str):
        raise TypeError(f"For 'get_backend', the argument 'group' must be type of string or None, but got 'group' "
                        f"type : {type(group)}.")
    if BACKEND_HCCL in group:
        return BACKEND_HCCL
    if BACKEND_MCCL in group:
        return BACKEND_MCCL
    return GlobalComm.BACKEND


def get_global_rank(group, group_rank):
    """The world rank of rank ``group_rank`` of ``group``."""
    if isinstance(group_rank, bool) or not isinstance(group_rank, int):
        raise TypeError(f"The group_rank argument must be integer, but got {type(group_rank)}.")
    if group is None or group == GlobalComm.WORLD_COMM_GROUP:
        return group_rank
    if not isinstance(group, str):
        raise TypeError(f"For 'get_global_rank', the argument 'group' must be type of string or None, but got "
                        f"'group' type : {type(group)}.")
    return _mgmt.get_world_rank_from_group_rank(group, group_rank)


def get_group_rank(group, global_rank):
    """The rank in ``group`` of world rank ``global_rank``."""
    if isinstance(global_rank, bool) or not isinstance(global_rank, int):
        raise TypeError(f"The global_rank argument must be integer, but got {type(global_rank)}.")
    return _mgmt.get_group_rank_from_world_rank(global_rank, _group(group, "get_group_rank"))


def get_process_group_ranks(group=None):
    """The world ranks of ``group``, in group-rank order."""
    return _mgmt.get_process_group_ranks(_group(group, "get_process_group_ranks"))


# ----------------------------------------------------------------------------- collectives
def all_reduce(tensor, op="sum", group=None, async_op=False):
    """``tensor`` becomes ``op`` ('sum', 'prod', 'min', 'max', 'avg') of the ranks' tensors. Returns the handle."""
    _tensor(tensor, "all_reduce")
    _op(op, "all_reduce")
    _async(async_op)
    name = _group(group)
    _write(tensor, _reduced(tensor, op, name), "all_reduce")
    return _handle(async_op)


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """``output_tensor`` becomes the ranks' ``input_tensor`` concatenated along dimension 0."""
    _tensor(input_tensor, "all_gather_into_tensor")
    _tensor(output_tensor, "all_gather_into_tensor", "output tensor")
    _async(async_op)
    _write(output_tensor, _c.all_gather(input_tensor, _group(group)), "all_gather_into_tensor")
    return _handle(async_op)


def all_gather_into_tensor_uneven(output, input, output_split_sizes=None, group=None, async_op=False):  # noqa: A002
    """As ``all_gather_into_tensor`` with ``output_split_sizes[r]`` rows from rank r (None: equal blocks)."""
    _tensor(input, "all_gather_into_tensor_uneven")
    _tensor(output, "all_gather_into_tensor_uneven", "output tensor")
    _async(async_op)
    g = _g(group, "all_gather_into_tensor_uneven")
    if not output_split_sizes:
        if output.shape[0] % g.size:
            raise ValueError(f"For 'all_gather_into_tensor_uneven', the output's first dimension {output.shape[0]} "
                             f"must be divisible by the group size {g.size} when output_split_sizes is empty.")
        output_split_sizes = [output.shape[0] // g.size] * g.size
    gathered = _engine.all_gather_v(g, _host(input, "all_gather_into_tensor_uneven"), list(output_split_sizes))
    _write_np(output, gathered,
              "all_gather_into_tensor_uneven")
    return _handle(async_op)


def all_gather(tensor_list, tensor, group=None, async_op=False):
    """``tensor_list[r]`` becomes rank r's ``tensor`` (a list of one tensor per rank)."""
    _tensors(tensor_list, "all_gather")
    _tensor(tensor, "all_gather")
    _async(async_op)
    g = _g(group, "all_gather")
    _one_per_rank(tensor_list, g, "all_gather")
    _same_as(tensor, tensor_list[g.rank], "all_gather")
    gathered = _c.all_gather(tensor.reshape((1,) + tuple(tensor.shape)), g.name)
    for r, t in enumerate(tensor_list):
        _write(t, gathered[r], "all_gather")
    return _handle(async_op)


def reduce_scatter_tensor(output, input, op="sum", group=None, async_op=False):  # noqa: A002
    """``output`` becomes block r (of dimension 0) of ``op`` of the ranks' ``input``, on rank r."""
    _tensor(input, "reduce_scatter_tensor")
    _tensor(output, "reduce_scatter_tensor", "output tensor")
    _op(op, "reduce_scatter_tensor")
    _async(async_op)
    name = _group(group)
    if op == "avg":
        size = _engine.group(name, "reduce_scatter_tensor").size
        out = (_c.reduce_scatter(input, "sum", name) / size).astype(input.dtype)
    else:
        out = _c.reduce_scatter(input, op, name)
    _write(output, out, "reduce_scatter_tensor")
    return _handle(async_op)


def reduce_scatter_tensor_uneven(output, input, input_split_sizes=None, op="sum", group=None,  # noqa: A002
                                 async_op=False):
    """As ``reduce_scatter_tensor`` with rank r keeping ``input_split_sizes[r]`` rows (None: equal blocks)."""
    _tensor(input, "reduce_scatter_tensor_uneven")
    _tensor(output, "reduce_scatter_tensor_uneven", "output tensor")
    _op(op, "reduce_scatter_tensor_uneven", ("sum", "min", "max", "avg"))
    _async(async_op)
    g = _g(group, "reduce_scatter_tensor_uneven")
    if not input_split_sizes:
        if input.shape[0] % g.size:
            raise ValueError(f"For 'reduce_scatter_tensor_uneven', the input's first dimension {input.shape[0]} "
                             f"must be divisible by the group size {g.size} when input_split_sizes is empty.")
        input_split_sizes = [input.shape[0] // g.size] * g.size
    out = _engine.reduce_scatter_v(g, _host(input, "reduce_scatter_tensor_uneven"), list(input_split_sizes),
                                   _np_reduce(op))
    _write_np(output, _np_avg(out, op, g.size), "reduce_scatter_tensor_uneven")
    return _handle(async_op)


def reduce_scatter(output, input_list, op="sum", group=None, async_op=False):
    """``output`` becomes ``op`` over the ranks of their ``input_list[r]``, on rank r."""
    _tensors(input_list, "reduce_scatter")
    _tensor(output, "reduce_scatter", "output tensor")
    _op(op, "reduce_scatter")
    _async(async_op)
    g = _g(group, "reduce_scatter")
    _one_per_rank(input_list, g, "reduce_scatter")
    _same_as(output, input_list[g.rank], "reduce_scatter")
    stacked = _engine.stack([_host(t, "reduce_scatter") for t in input_list])
    out = _engine.reduce_scatter_v(g, stacked, [1] * g.size, _np_reduce(op), "reduce_scatter")[0]
    _write_np(output, _np_avg(out, op, g.size), "reduce_scatter")
    return _handle(async_op)


def reduce(tensor, dst, op="sum", group=None, async_op=False):
    """On world rank ``dst``, ``tensor`` becomes ``op`` of the ranks' tensors (the others' stay as they are)."""
    _tensor(tensor, "reduce")
    _int(dst, "reduce", "dst")
    _op(op, "reduce")
    _async(async_op)
    g = _g(group, "reduce")
    root = _group_rank(g, dst, "reduce", "dst")
    out = _engine.reduce_to(g, _host(tensor, "reduce"), root, _np_reduce(op))
    if out is not None:
        _write_np(tensor, _np_avg(out, op, g.size), "reduce")
    return _handle(async_op)


def broadcast(tensor, src, group=None, async_op=False):
    """``tensor`` becomes world rank ``src``'s tensor on every rank of the group."""
    _tensor(tensor, "broadcast")
    _int(src, "broadcast", "src")
    _async(async_op)
    g = _g(group, "broadcast")
    _write(tensor, _c.broadcast(tensor, _group_rank(g, src, "broadcast", "src"), g.name), "broadcast")
    return _handle(async_op)


def barrier(group=None, async_op=False, device_ids=None):
    """Wait until every rank of the group has called it."""
    _async(async_op)
    _g(group, "barrier").comm.Barrier()
    return _handle(async_op)


def gather_into_tensor(output_tensor, input_tensor, dst=0, group=None, async_op=False):
    """On world rank ``dst``, ``output_tensor`` becomes the ranks' ``input_tensor`` concatenated along dimension
    0 (the other ranks' ``output_tensor`` is left alone)."""
    _tensor(input_tensor, "gather_into_tensor")
    _tensor(output_tensor, "gather_into_tensor", "output tensor")
    _int(dst, "gather_into_tensor", "dst")
    _async(async_op)
    g = _g(group, "gather_into_tensor")
    out = _engine.gather_to(g, _host(input_tensor, "gather_into_tensor"),
                            _group_rank(g, dst, "gather_into_tensor", "dst"))
    if out is not None:
        _write_np(output_tensor, out, "gather_into_tensor")
    return _handle(async_op)


def scatter_tensor(output_tensor, input_tensor, src=0, group=None, async_op=False):
    """``output_tensor`` becomes block r (along dimension 0) of world rank ``src``'s ``input_tensor``, on rank r."""
    _tensor(input_tensor, "scatter_tensor")
    _tensor(output_tensor, "scatter_tensor", "output tensor")
    _int(src, "scatter_tensor", "src")
    _async(async_op)
    g = _g(group, "scatter_tensor")
    root = _group_rank(g, src, "scatter_tensor", "src")
    out = _engine.scatter_from(g, _host(input_tensor, "scatter_tensor"), tuple(output_tensor.shape),
                               output_tensor.asnumpy().dtype, root)
    _write_np(output_tensor, out, "scatter_tensor")
    return _handle(async_op)


def all_to_all(output_tensor_list, input_tensor_list, group=None, async_op=False):
    """``output_tensor_list[r]`` becomes rank r's ``input_tensor_list[this rank]`` (shapes may differ per pair)."""
    _async(async_op)
    _tensors(input_tensor_list, "all_to_all")
    _tensors(output_tensor_list, "all_to_all")
    g = _g(group, "all_to_all")
    dtypes = {t.dtype for t in list(input_tensor_list) + list(output_tensor_list)}
    if len(dtypes) != 1:
        raise TypeError(f"all_to_all input dtype must be the same, but got {sorted(map(str, dtypes))}.")
    dtype = output_tensor_list[0].asnumpy().dtype
    send = _engine.flat_concat([_host(t, "all_to_all") for t in input_tensor_list], dtype)
    out = _engine.all_to_all_v(g, send, [_engine.numel(t.shape) for t in input_tensor_list],
                               [_engine.numel(t.shape) for t in output_tensor_list], dtype)
    start = 0
    for t in output_tensor_list:
        n = _engine.numel(t.shape)
        _write_np(t, out[start:start + n].reshape(t.shape), "all_to_all")
        start += n
    return _handle(async_op)


def all_to_all_single(output, input, output_split_sizes=None, input_split_sizes=None, group=None,  # noqa: A002
                      async_op=False):
    """Rows ``input_split_sizes[r]`` of ``input`` go to rank r; ``output`` becomes the blocks received, rank by rank
    (``output_split_sizes[r]`` rows from rank r). Empty split sizes: equal blocks."""
    _tensor(input, "all_to_all_single")
    _tensor(output, "all_to_all_single", "output tensor")
    _async(async_op)
    g = _g(group, "all_to_all_single")
    sizes = []
    for t, split, what in ((input, input_split_sizes, "input"), (output, output_split_sizes, "output")):
        if not split:
            if len(t.shape) == 0 or t.shape[0] % g.size:
                raise ValueError(f"For 'all_to_all_single', the {what}'s first dimension must be divisible by the "
                                 f"group size {g.size} when {what}_split_sizes is empty, but got shape "
                                 f"{tuple(t.shape)}.")
            split = [t.shape[0] // g.size] * g.size
        split = [int(s) for s in split]
        if len(split) != g.size or sum(split) != t.shape[0]:
            raise ValueError(f"For 'all_to_all_single', {what}_split_sizes {split} must hold one size per rank "
                             f"({g.size}) adding up to the {what}'s first dimension {t.shape[0]}.")
        row = _engine.numel(t.shape[1:])
        sizes.append([s * row for s in split])
    if input.dtype != output.dtype:
        raise TypeError(f"For 'all_to_all_single', the output dtype should be {input.dtype}, but got "
                        f"{output.dtype}.")
    dtype = output.asnumpy().dtype
    out = _engine.all_to_all_v(g, _host(input, "all_to_all_single"), sizes[0], sizes[1], dtype,
                               "all_to_all_single")
    _write_np(output, out.reshape(output.shape), "all_to_all_single")
    return _handle(async_op)


def _tensors(tensor_list, op):
    if not isinstance(tensor_list, (list, tuple)):
        raise TypeError(f"For {op}, expected list or tuple, but got {type(tensor_list)}.")
    for t in tensor_list:
        if not isinstance(t, Tensor):
            raise TypeError(f"For {op}, expected tensor, but got {type(t)}")


def _one_per_rank(tensor_list, g, op):
    if len(tensor_list) != g.size:
        raise TypeError(f"For {op}, the tensor list must hold one tensor per rank of the group ({g.size}), but got "
                        f"{len(tensor_list)}.")


def _same_as(t, ref, op):
    if tuple(t.shape) != tuple(ref.shape) or t.dtype != ref.dtype:
        raise TypeError(f"For {op}, the tensor must have this rank's list entry's shape and dtype "
                        f"{tuple(ref.shape)} {ref.dtype}, but got {tuple(t.shape)} {t.dtype}.")


# ----------------------------------------------------------------------------- point to point
def _peer(g, rank, op, what):
    peer = _group_rank(g, rank, op, what)
    if peer == g.rank:
        raise ValueError(f"Invalid {what} {rank} for '{op}': it is this process's own rank.")
    return peer


def send(tensor, dst=0, group=None, tag=0):
    """Send ``tensor`` to world rank ``dst`` (a matching ``recv`` there receives it)."""
    _tensor(tensor, "send")
    _int(dst, "send", "dst")
    g = _g(group, "send")
    request, _ = _engine.post_send(g, _host(tensor, "send"), _peer(g, dst, "send", "dst"), tag)
    request.Wait()


def recv(tensor, src=0, group=None, tag=0):
    """``tensor`` becomes the tensor world rank ``src`` sends (same shape and dtype). Returns 0."""
    _tensor(tensor, "recv")
    _int(src, "recv", "src")
    g = _g(group, "recv")
    request, buf = _engine.post_recv(g, tuple(tensor.shape), tensor.asnumpy().dtype, _peer(g, src, "recv", "src"),
                                     tag)
    request.Wait()
    _write_np(tensor, buf, "recv")
    return 0


def isend(tensor, dst=0, group=None, tag=0):
    """Start sending ``tensor`` to world rank ``dst``; the handle's ``wait()`` completes it."""
    _tensor(tensor, "isend")
    _int(dst, "isend", "dst")
    g = _g(group, "isend")
    request, _ = _engine.post_send(g, _host(tensor, "isend"), _peer(g, dst, "isend", "dst"), tag)
    return CommHandle([request])


def irecv(tensor, src=0, group=None, tag=0):
    """Start receiving into ``tensor`` from world rank ``src``; after the handle's ``wait()`` it holds the data."""
    _tensor(tensor, "irecv")
    _int(src, "irecv", "src")
    g = _g(group, "irecv")
    request, buf = _engine.post_recv(g, tuple(tensor.shape), tensor.asnumpy().dtype,
                                     _peer(g, src, "irecv", "src"), tag)
    return CommHandle([request], lambda: _write_np(tensor, buf, "irecv"))


class P2POp:
    """One point-to-point operation of ``batch_isend_irecv``: ``op`` is ``isend``/``irecv`` (the function or its
    name), ``peer`` a world rank; only ``tag=0`` (MindSpore's limit)."""

    def __new__(cls, op, tensor, peer, group=None, tag=0):
        if isinstance(op, str):
            if op not in ("isend", "irecv"):
                raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        elif op not in (isend, irecv):
            raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        if not isinstance(tensor, Tensor):
            raise TypeError(f"Expected tensor to be Tensor, but got {type(tensor)}.")
        if isinstance(peer, bool) or not isinstance(peer, int):
            raise TypeError("For P2POp, the peer must be int")
        if tag != 0:
            raise NotImplementedError("tag is not support yet.")
        return object.__new__(cls)

    def __init__(self, op, tensor, peer, group=None, tag=0):
        self.op = op
        self.tensor = tensor
        self.peer = peer
        self.group = group
        self.tag = tag


def batch_isend_irecv(p2p_op_list):
    """Start every operation of the list (one group for all); returns ``[handle]``, whose ``wait()`` completes
    them all."""
    if not isinstance(p2p_op_list, (list, tuple)) or not p2p_op_list:
        raise TypeError(f"p2p_op_list must be a non-empty list of P2POp, but got {p2p_op_list!r}.")
    if not all(isinstance(p, P2POp) for p in p2p_op_list):
        raise TypeError("All elements in p2p_op_list must be type of P2POp.")
    group = p2p_op_list[0].group
    if any(p.group != group for p in p2p_op_list):
        raise ValueError("All groups in p2p_op_list must be the same.")
    g = _g(group, "batch_isend_irecv")
    requests, receives = [], []
    for p in p2p_op_list:
        kind = p.op if isinstance(p.op, str) else p.op.__name__
        peer = _peer(g, p.peer, "batch_isend_irecv", "peer")
        if kind == "isend":
            request, _ = _engine.post_send(g, _host(p.tensor, "batch_isend_irecv"), peer, p.tag)
        else:
            request, buf = _engine.post_recv(g, tuple(p.tensor.shape), p.tensor.asnumpy().dtype, peer, p.tag)
            receives.append((p.tensor, buf))
        requests.append(request)

    def finish():
        for t, buf in receives:
            _write_np(t, buf, "batch_isend_irecv")
    return [CommHandle(requests, finish)]


# ----------------------------------------------------------------------------- Python objects (pickled)
def _object_list(object_list, op, size=None):
    if not isinstance(object_list, list) or (size is not None and len(object_list) != size) or \
            (size is None and not object_list):
        want = f"of length {size}" if size is not None else "non-empty"
        raise TypeError(f"For {op}, the object list must be a list {want}, but got {object_list!r}.")


def all_gather_object(object_list, obj, group=None):
    """``object_list[r]`` becomes rank r's ``obj`` (any picklable object)."""
    g = _g(group, "all_gather_object")
    _object_list(object_list, "all_gather_object", g.size)
    object_list[:] = g.comm.allgather(obj)


def broadcast_object_list(object_list, src=0, group=None, device=None):
    """``object_list`` becomes world rank ``src``'s list (same length on every rank)."""
    _int(src, "broadcast_object_list", "src")
    g = _g(group, "broadcast_object_list")
    _object_list(object_list, "broadcast_object_list")
    root = _group_rank(g, src, "broadcast_object_list", "src")
    got = g.comm.bcast(list(object_list) if g.rank == root else None, root=root)
    if len(got) != len(object_list):
        raise ValueError(f"For broadcast_object_list, rank {src} sends {len(got)} objects, but this rank's list "
                         f"holds {len(object_list)}.")
    object_list[:] = got


def gather_object(obj, object_gather_list=None, dst=0, group=None):
    """On world rank ``dst``, ``object_gather_list[r]`` becomes rank r's ``obj``."""
    _int(dst, "gather_object", "dst")
    g = _g(group, "gather_object")
    root = _group_rank(g, dst, "gather_object", "dst")
    if g.rank == root:
        _object_list(object_gather_list, "gather_object", g.size)
    got = g.comm.gather(obj, root=root)
    if g.rank == root:
        object_gather_list[:] = got


def scatter_object_list(scatter_object_output_list, scatter_object_input_list, src=0, group=None):
    """``scatter_object_output_list[0]`` becomes entry r of world rank ``src``'s input list, on rank r."""
    _int(src, "scatter_object_list", "src")
    g = _g(group, "scatter_object_list")
    if not isinstance(scatter_object_output_list, list) or not scatter_object_output_list:
        raise TypeError("The scatter_object_output_list can not be empty.")
    root = _group_rank(g, src, "scatter_object_list", "src")
    if g.rank == root:
        _object_list(scatter_object_input_list, "scatter_object_list", g.size)
    scatter_object_output_list[0] = g.comm.scatter(list(scatter_object_input_list) if g.rank == root else None,
                                                   root=root)


def send_object_list(object_list, dst, group=None, device=None):
    """Send the objects of ``object_list`` to world rank ``dst``."""
    _int(dst, "send_object_list", "dst")
    g = _g(group, "send_object_list")
    if not isinstance(object_list, list):
        raise TypeError(f"For send_object_list, the object_list must be a list, but got {type(object_list)}.")
    g.comm.send(list(object_list), dest=_peer(g, dst, "send_object_list", "dst"))


def recv_object_list(object_list, src=0, group=None, device=None):
    """``object_list`` becomes the objects world rank ``src`` sends (as many as it holds). Returns 0."""
    _int(src, "recv_object_list", "src")
    g = _g(group, "recv_object_list")
    if not isinstance(object_list, list):
        raise TypeError(f"For recv_object_list, the object_list must be a list, but got {type(object_list)}.")
    got = g.comm.recv(source=_peer(g, src, "recv_object_list", "src"))
    if len(got) != len(object_list):
        raise ValueError(f"For recv_object_list, rank {src} sent {len(got)} objects, but the list holds "
                         f"{len(object_list)}.")
    object_list[:] = got
    return 0
