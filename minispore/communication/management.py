"""``mindspore.communication.management``: the communication service and its groups (MPI underneath)."""
from . import _engine
from ._engine import (GlobalComm, HCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP, NCCL_WORLD_COMM_GROUP,  # noqa: F401
                      DEFAULT_WORLD_COMM_GROUP)

__all__ = ["GlobalComm", "init", "release", "get_rank", "get_local_rank", "get_group_size", "get_local_rank_size",
           "get_world_rank_from_group_rank", "get_group_rank_from_world_rank", "create_group", "destroy_group",
           "get_process_group_ranks", "get_comm_name", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP",
           "MCCL_WORLD_COMM_GROUP"]


def _group(group, op):
    return _engine.group(GlobalComm.WORLD_COMM_GROUP if group == DEFAULT_WORLD_COMM_GROUP else group, op)


def init(backend_name=None):
    """Join the group of processes that the launcher started (``msrun`` or ``mpirun``); the world group is
    ``GlobalComm.WORLD_COMM_GROUP`` afterwards. Raises RuntimeError, showing the launch command, in a process that
    no launcher started. ``backend_name`` ('hccl', 'nccl', 'mccl' or None) is accepted: MPI carries every one."""
    _engine.init(backend_name)


def release():
    """Release the groups (the processes stay connected until they exit)."""
    _engine.release()


def get_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank in ``group``."""
    return _group(group, "get_rank").rank


def get_group_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes in ``group``."""
    return _group(group, "get_group_size").size


def get_local_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank among the processes of its machine."""
    _group(group, "get_local_rank")
    return _engine.local_rank()


def get_local_rank_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes on this machine."""
    _group(group, "get_local_rank_size")
    return _engine.local_size()


def get_world_rank_from_group_rank(group, group_rank_id):
    g = _group(group, "get_world_rank_from_group_rank")
    if isinstance(group_rank_id, bool) or not isinstance(group_rank_id, int) or not 0 <= group_rank_id < g.size:
        raise ValueError(f"For 'get_world_rank_from_group_rank', group_rank_id must be an int in [0, {g.size}), "
                         f"but got {group_rank_id!r}.")
    return g.world_ranks[group_rank_id]


def get_group_rank_from_world_rank(world_rank_id, group):
    g = _group(group, "get_group_rank_from_world_rank")
    if world_rank_id not in g.world_ranks:
        raise ValueError(f"For 'get_group_rank_from_world_rank', the world rank {world_rank_id!r} is not in the "
                         f"group {g.name!r} (ranks {list(g.world_ranks)}).")
    return g.world_ranks.index(world_rank_id)


def get_process_group_ranks(group=GlobalComm.WORLD_COMM_GROUP):
    return list(_group(group, "get_process_group_ranks").world_ranks)


def get_comm_name(group=GlobalComm.WORLD_COMM_GROUP):
    return _group(group, "get_comm_name").name


def create_group(group, rank_ids, options=None):
    """A new group of the world ranks ``rank_ids``; every one of those ranks calls it, with the same list."""
    _engine.create_group(group, rank_ids)


def destroy_group(group):
    _engine.destroy_group(group)
