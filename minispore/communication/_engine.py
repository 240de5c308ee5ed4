"""The process groups behind ``mindspore.communication``: MPI communicators (``mpi4py``) by group name.

A group is an MPI communicator plus the world ranks it holds. ``init`` opens the world group from the launcher's
environment (``mpiexec``/``mpirun``, or ``python -m minispore msrun`` which runs ``mpiexec``); without a launcher
it raises, showing the command. A process-local group of size 1 (``SELF_GROUP``) exists without ``init``: the
collectives on it are the identity, which is what a single process's tests and the direct primitive table use.
"""
import os
import sys

import numpy as np

HCCL_WORLD_COMM_GROUP = "hccl_world_group"
NCCL_WORLD_COMM_GROUP = "nccl_world_group"
MCCL_WORLD_COMM_GROUP = "mccl_world_group"
DEFAULT_WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
SELF_GROUP = "minispore_self_group"

# environment variables that the MPI launchers set in every process they start
_LAUNCHER_ENV = ("OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK", "MPI_LOCALNRANKS")

LAUNCH_HELP = ("launch the script with one of\n"
               "    python -m minispore msrun --worker_num=2 --local_worker_num=2 script.py [args]\n"
               "    mpirun -n 2 python -m minispore run script.py [args]\n"
               "(the launchers come with the distributed extra: pip install minispore[distributed])")


class GlobalComm:
    """MindSpore's record of the communication backend: ``BACKEND``, ``WORLD_COMM_GROUP`` and ``INITED``."""
    BACKEND = "hccl"
    WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
    INITED = False
    CHECK_ENVS = True


_OPS = {"sum": "SUM", "max": "MAX", "min": "MIN", "prod": "PROD"}


class _LocalComm:
    """A communicator of one process (no MPI needed): every collective is a copy."""
    rank, size = 0, 1

    def Allreduce(self, send, recv, op=None):      # noqa: N802 - mpi4py's names
        recv[...] = send

    def Allgather(self, send, recv):               # noqa: N802
        recv[...] = send.reshape(recv.shape)

    def Reduce_scatter_block(self, send, recv, op=None):     # noqa: N802
        recv[...] = send.reshape(recv.shape)

    def Bcast(self, buf, root=0):                  # noqa: N802
        pass

    def Barrier(self):                             # noqa: N802
        pass

    def Free(self):                                # noqa: N802
        pass


class Group:
    __slots__ = ("name", "comm", "world_ranks", "rank", "size", "mpi")

    def __init__(self, name, comm, world_ranks, mpi):
        self.name, self.comm, self.world_ranks, self.mpi = name, comm, tuple(world_ranks), mpi
        self.rank, self.size = comm.rank, comm.size

    def op(self, name):
        return None if self.mpi is None else getattr(self.mpi, _OPS[name])


_groups = {}
_state = {"mpi": None, "local_rank": 0, "local_size": 1, "world": None}


def _mpi():
    try:
        import mpi4py
    except ImportError:
        raise RuntimeError("mindspore.communication needs mpi4py and an MPI library: pip install "
                           "minispore[distributed]") from None
    mpi4py.rc.thread_level = "serialized"
    from mpi4py import MPI
    return MPI


def launched():
    """Whether an MPI launcher started this process."""
    return any(k in os.environ for k in _LAUNCHER_ENV)


def init(backend_name=None):
    if backend_name is not None and backend_name not in ("hccl", "nccl", "mccl"):
        raise ValueError(f"For 'init', backend_name must be one of 'hccl', 'nccl', 'mccl' or None, but got "
                         f"{backend_name!r}.")
    if GlobalComm.INITED:
        return
    if not launched():
        raise RuntimeError("For 'init', this process was not started by a launcher, so there is no group of "
                           "processes to join: " + LAUNCH_HELP)
    MPI = _mpi()
    world = MPI.COMM_WORLD
    local = world.Split_type(MPI.COMM_TYPE_SHARED, key=world.rank)
    _state.update(mpi=MPI, local_rank=local.rank, local_size=local.size, world=world)
    local.Free()
    group = Group(MCCL_WORLD_COMM_GROUP, world, range(world.size), MPI)
    _groups[MCCL_WORLD_COMM_GROUP] = group
    _groups[HCCL_WORLD_COMM_GROUP] = group
    _groups[NCCL_WORLD_COMM_GROUP] = group
    GlobalComm.BACKEND = "mccl"
    GlobalComm.WORLD_COMM_GROUP = MCCL_WORLD_COMM_GROUP
    GlobalComm.INITED = True
    install_fault_handler()


def release():
    for name, g in list(_groups.items()):
        if g.comm is not _state["world"] and name != SELF_GROUP:
            g.comm.Free()
    _groups.clear()
    GlobalComm.INITED = False
    GlobalComm.BACKEND = "hccl"
    GlobalComm.WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP


def group(name, op="communication"):
    if not isinstance(name, str):
        raise TypeError(f"For '{op}', the group must be a str, but got {type(name).__name__}.")
    if name == SELF_GROUP:
        g = _groups.get(SELF_GROUP)
        if g is None:
            g = _groups[SELF_GROUP] = Group(SELF_GROUP, _LocalComm(), (0,), None)
        return g
    g = _groups.get(name)
    if g is None:
        if not GlobalComm.INITED:
            raise RuntimeError(f"For '{op}', the communication service is not initialized: call "
                               f"mindspore.communication.init() first, and " + LAUNCH_HELP)
        raise ValueError(f"For '{op}', the group {name!r} does not exist (create it with create_group); the "
                         f"groups are {sorted(n for n in _groups if n != SELF_GROUP)}.")
    return g


def local_rank():
    group(GlobalComm.WORLD_COMM_GROUP, "get_local_rank")
    return _state["local_rank"]


def local_size():
    group(GlobalComm.WORLD_COMM_GROUP, "get_local_rank_size")
    return _state["local_size"]


def create_group(name, rank_ids):
    if not isinstance(name, str) or not name:
        raise TypeError(f"For 'create_group', the group name must be a non-empty str, but got {name!r}.")
    world = group(GlobalComm.WORLD_COMM_GROUP, "create_group")
    if name in _groups:
        raise ValueError(f"For 'create_group', the group {name!r} already exists.")
    ranks = list(rank_ids) if isinstance(rank_ids, (list, tuple)) else None
    if (ranks is None or len(ranks) < 1 or len(set(ranks)) != len(ranks)
            or any(isinstance(r, bool) or not isinstance(r, int) or not 0 <= r < world.size for r in ranks)):
        raise ValueError(f"For 'create_group', rank_ids must be a list of distinct world ranks in [0, "
                         f"{world.size}), but got {rank_ids!r}.")
    if world.rank not in ranks:
        raise ValueError(f"For 'create_group', the calling process (rank {world.rank}) must be one of the group's "
                         f"ranks {ranks}.")
    sub = world.comm.Create_group(world.comm.group.Incl(ranks))
    _groups[name] = Group(name, sub, ranks, world.mpi)


def destroy_group(name):
    if name in (HCCL_WORLD_COMM_GROUP, NCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP, SELF_GROUP):
        raise ValueError(f"For 'destroy_group', the world group {name!r} cannot be destroyed.")
    g = group(name, "destroy_group")
    g.comm.Free()
    del _groups[name]


# ----------------------------------------------------------------------------- faults
def install_fault_handler():
    """An uncaught exception in one worker aborts the whole job (the others may be waiting in a collective):
    say which rank failed, then ``MPI_Abort``, which makes the launcher end every process."""
    previous = sys.excepthook

    def hook(kind, value, tb):
        rank = _state["world"].rank if _state["world"] is not None else "?"
        try:
            previous(kind, value, tb)
            sys.stderr.write(f"minispore: worker rank {rank} failed with {kind.__name__}; aborting the other "
                             f"workers.\n")
            sys.stderr.flush()
            sys.stdout.flush()
        finally:
            if _state["world"] is not None and kind is not KeyboardInterrupt:
                _state["world"].Abort(1)
    sys.excepthook = hook


# ----------------------------------------------------------------------------- checks
_SIGNATURE_DIMS = 8


def check_same_shapes(g, x, op):
    """Every rank of ``g`` passes the same shape and dtype (a mismatch would hang or read garbage in MPI)."""
    if g.size == 1:
        return
    # (rank, leading dims, dtype) as a few integers in one buffer collective, far cheaper than a pickled
    # allgather; every rank sees the same result, so all of them take the slow path together when it is needed
    mine = np.full(_SIGNATURE_DIMS + 2, -1, np.int64)
    ndim = min(x.ndim, _SIGNATURE_DIMS)
    mine[0], mine[1:1 + ndim], mine[-1] = x.ndim, x.shape[:ndim], np.dtype(x.dtype).num
    every = np.empty((g.size, mine.size), np.int64)
    g.comm.Allgather(mine, every)
    if (every == mine).all() and (every[:, 0] <= _SIGNATURE_DIMS).all():
        return
    mine = (tuple(x.shape), np.dtype(x.dtype).str)
    every = g.comm.allgather(mine)
    if any(s != mine for s in every):
        listing = ", ".join(f"rank {g.world_ranks[i]}: {s[0]} {np.dtype(s[1]).name}" for i, s in enumerate(every))
        raise ValueError(f"For '{op}', every rank of the group {g.name!r} must pass a tensor of the same shape "
                         f"and dtype, but got {listing}.")


def check_same_layout(g, layout, op):
    """Every rank of ``g`` holds the same gradient layout (shapes and dtypes), checked once per layout."""
    if g.size == 1:
        return
    mine = (tuple(tuple(s) for s in layout[0]), tuple(np.dtype(d).str for d in layout[1]))
    every = g.comm.allgather(mine)
    if any(s != mine for s in every):
        bad = [g.world_ranks[i] for i, s in enumerate(every) if s != every[0]]
        raise ValueError(f"For '{op}', every rank must have the same parameters (shapes and dtypes), but ranks "
                         f"{bad} differ from rank {g.world_ranks[0]} ({len(every[0][0])} gradients there).")


# ----------------------------------------------------------------------------- data parallelism
BUCKET_BYTES = 64 << 20     # gradients are fused up to this many bytes per AllReduce


def buckets(shapes, dtypes, limit=BUCKET_BYTES):
    """Lists of gradient positions: consecutive gradients of one dtype, at most ``limit`` bytes each (a larger
    gradient is a bucket of its own)."""
    by_dtype = {}
    for i, dt in enumerate(dtypes):
        by_dtype.setdefault(np.dtype(dt), []).append(i)
    out = []
    for dt, positions in by_dtype.items():
        current, size = [], 0
        for i in positions:
            nbytes = int(np.prod(shapes[i], dtype=np.int64)) * dt.itemsize
            if current and size + nbytes > limit:
                out.append(current)
                current, size = [], 0
            current.append(i)
            size += nbytes
        if current:
            out.append(current)
    return out


def broadcast_parameters(parameters, root=0, name=DEFAULT_WORLD_COMM_GROUP):
    """Overwrite ``parameters`` in place with rank ``root``'s values: one Bcast per dtype bucket."""
    g = group(GlobalComm.WORLD_COMM_GROUP if name == DEFAULT_WORLD_COMM_GROUP else name, "broadcast_parameters")
    params = list(parameters)
    if g.size == 1 or not params:
        return
    datas = [p._data for p in params]
    for bucket in buckets([d.shape for d in datas], [d.dtype for d in datas]):
        flat = np.concatenate([np.ravel(datas[i]) for i in bucket])
        check_same_shapes(g, flat, "broadcast_parameters")
        g.comm.Bcast(flat, root=root)
        start = 0
        for i in bucket:
            n = datas[i].size
            np.copyto(datas[i], flat[start:start + n].reshape(datas[i].shape))
            start += n


# ----------------------------------------------------------------------------- torch-style collectives
# (``mindspore.ops``' communication functions: uneven blocks, rooted collectives, point-to-point requests; NumPy
# buffers in, NumPy buffers out, every one checked before MPI sees it)
def _block_counts(g, sizes, row, op, what):
    sizes = [int(s) for s in sizes]
    if len(sizes) != g.size or any(s < 0 for s in sizes):
        raise ValueError(f"For '{op}', {what} must hold one non-negative size per rank of the group ({g.size}), "
                         f"but got {sizes}.")
    return np.array(sizes, np.int64) * row


def all_gather_v(g, x, sizes, op="all_gather_into_tensor_uneven"):
    """The ranks' ``x`` (``sizes[r]`` rows on rank r) concatenated along dimension 0."""
    x = np.ascontiguousarray(x)
    row = int(np.prod(x.shape[1:], dtype=np.int64))
    counts = _block_counts(g, sizes, row, op, "output_split_sizes")
    if x.shape[0] != sizes[g.rank]:
        raise ValueError(f"For '{op}', this rank's input has {x.shape[0]} rows, but output_split_sizes gives it "
                         f"{sizes[g.rank]}.")
    out = np.empty((int(sum(sizes)),) + tuple(x.shape[1:]), x.dtype)
    g.comm.Allgatherv(x, [out, counts])
    return out


def reduce_scatter_v(g, x, sizes, op_name, op="reduce_scatter_tensor_uneven"):
    """``op_name`` of the ranks' ``x`` over the ranks, rank r keeping the ``sizes[r]`` rows of its block."""
    x = np.ascontiguousarray(x)
    check_same_shapes(g, x, op)
    row = int(np.prod(x.shape[1:], dtype=np.int64))
    counts = _block_counts(g, sizes, row, op, "input_split_sizes")
    if sum(sizes) != x.shape[0]:
        raise ValueError(f"For '{op}', input_split_sizes {list(sizes)} must add up to the input's first dimension "
                         f"{x.shape[0]}.")
    out = np.empty((int(sizes[g.rank]),) + tuple(x.shape[1:]), x.dtype)
    g.comm.Reduce_scatter(x, out, counts, op=g.op(op_name))
    return out


def reduce_to(g, x, root, op_name, op="reduce"):
    """``op_name`` of the ranks' ``x`` on group rank ``root`` (None on the others)."""
    x = np.ascontiguousarray(x)
    check_same_shapes(g, x, op)
    out = np.empty_like(x) if g.rank == root else None
    g.comm.Reduce(x, out, op=g.op(op_name), root=root)
    return out


def gather_to(g, x, root, op="gather_into_tensor"):
    """The ranks' ``x`` stacked along dimension 0 on group rank ``root`` (None on the others)."""
    x = np.ascontiguousarray(x)
    check_same_shapes(g, x, op)
    out = np.empty((g.size * x.shape[0],) + tuple(x.shape[1:]), x.dtype) if g.rank == root else None
    g.comm.Gather(x, out, root=root)
    return out


def scatter_from(g, x, shape, dtype, root, op="scatter_tensor"):
    """Block r (of ``shape``) of root's ``x``, split along dimension 0, on rank r."""
    out = np.empty(shape, dtype)
    if g.rank == root:
        x = np.ascontiguousarray(x, dtype=dtype)
        if x.shape[:1] != (g.size * shape[0],) or x.shape[1:] != tuple(shape[1:]):
            raise ValueError(f"For '{op}', the source's input of shape {x.shape} must be the group size {g.size} "
                             f"times the output's shape {tuple(shape)} along dimension 0.")
    g.comm.Scatter(x if g.rank == root else None, out, root=root)
    return out


def all_to_all_v(g, send, send_counts, recv_counts, dtype, op="all_to_all"):
    """Flat buffers: ``send_counts[r]`` elements of ``send`` go to rank r, ``recv_counts[r]`` come from it."""
    send = np.ascontiguousarray(send, dtype=dtype).reshape(-1)
    send_counts = np.asarray(send_counts, np.int64)
    recv_counts = np.asarray(recv_counts, np.int64)
    if send_counts.size != g.size or recv_counts.size != g.size:
        raise ValueError(f"For '{op}', there must be one block per rank of the group ({g.size}), but got "
                         f"{send_counts.size} to send and {recv_counts.size} to receive.")
    # the ranks must agree on what each sends to whom: both count matrices, gathered once, so that every rank
    # sees a mismatch (and raises) rather than some of them waiting in Alltoallv
    mine = np.concatenate([send_counts, recv_counts])
    every = np.empty((g.size, 2 * g.size), np.int64)
    g.comm.Allgather(mine, every)
    sent, expected = every[:, :g.size], every[:, g.size:]
    if not (sent.T == expected).all():
        bad = int(np.nonzero((sent.T != expected).any(axis=1))[0][0])
        raise ValueError(f"For '{op}', rank {g.world_ranks[bad]} expects {expected[bad].tolist()} elements from "
                         f"the ranks, but they send it {sent[:, bad].tolist()}.")
    out = np.empty(int(recv_counts.sum()), dtype)
    g.comm.Alltoallv([send, send_counts], [out, recv_counts])
    return out


def post_send(g, x, peer, tag=0):
    """A started send of ``x`` to group rank ``peer``: the MPI request (it keeps ``x`` alive)."""
    x = np.ascontiguousarray(x)
    request = g.comm.Isend(x, dest=peer, tag=tag)
    return request, x


def post_recv(g, shape, dtype, peer, tag=0):
    """A started receive of a ``shape``/``dtype`` buffer from group rank ``peer``: (request, buffer)."""
    buf = np.empty(shape, dtype)
    return g.comm.Irecv(buf, source=peer, tag=tag), buf


def numel(shape):
    return int(np.prod(tuple(shape), dtype=np.int64))


def flat_concat(arrays, dtype):
    """The arrays raveled and concatenated (an empty buffer of ``dtype`` for none)."""
    return np.concatenate([np.ravel(a) for a in arrays]) if arrays else np.empty(0, dtype)


def stack(arrays):
    return np.stack(arrays)
