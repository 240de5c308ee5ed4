"""Collective communication across the processes of a group (``mindspore.communication``), on MPI.

Each collective is an effect (it runs at every replay of a compiled graph, in program order, never folded or
merged: every rank must make the same calls in the same order). ``group`` names a group of
``minispore.communication``; its communicator is looked up at each call. The derivative rules are collectives
too, MindSpore's bprops: the cotangent of AllGather is ReduceScatter(SUM) of the output's cotangent, that of
ReduceScatter(SUM) AllGather, that of AllReduce(SUM) AllReduce(SUM), of Broadcast the sum of the cotangents at
the root (zero elsewhere). AllReduce(MAX/MIN) sends the summed cotangent to the ranks holding the extremum, as
MindSpore's bprop does (each holder gets all of it); AllReduce(PROD) uses out / x.
"""
from ._base import NONDIFF, Primitive, bind, const, xp
from .elementwise import mul, div, equal, cast
from ...communication import _engine

_REDUCE_OPS = ("sum", "max", "min", "prod")


def _check_op(op, name):
    if op not in _REDUCE_OPS:
        raise ValueError(f"For '{name}', the reduce op must be one of {list(_REDUCE_OPS)} (ReduceOp.SUM, MAX, MIN, "
                         f"PROD), but got {op!r}.")


def _contig(x):
    return xp.ascontiguousarray(x)


# ----------------------------------------------------------------------------- AllReduce
def _all_reduce_impl(x, op, group, checked=False):
    g = _engine.group(group, "AllReduce")
    if not checked:     # (the gradient reducer checks its bucket layout once, when it is made)
        _engine.check_same_shapes(g, x, "AllReduce")
    x = _contig(x)
    out = xp.empty_like(x)
    g.comm.Allreduce(x, out, op=g.op(op))
    return out


def _all_reduce_abstract(x, op, group, checked=False):
    _check_op(op, "AllReduce")
    _engine.group(group, "AllReduce")
    return x.shape, x.dtype


def _all_reduce_vjp(dout, out, x, op, group, checked=False):
    total = all_reduce(dout, "sum", group)
    if op == "sum":
        return total
    if op == "prod":
        return mul(total, div(out, x))
    return mul(total, cast(equal(x, out), total._data.dtype))


all_reduce_p = Primitive("AllReduce", _all_reduce_impl, 1, _all_reduce_abstract, effect=True)
all_reduce_p.def_vjp(_all_reduce_vjp)


def all_reduce(x, op="sum", group=_engine.SELF_GROUP, checked=False):
    """The elementwise ``op`` ('sum', 'max', 'min', 'prod') of ``x`` over every rank of ``group``; ``checked``: the
    caller has verified that every rank passes this shape and dtype (else each call verifies it)."""
    if checked:
        return bind(all_reduce_p, x, op=op, group=group, checked=True)
    return bind(all_reduce_p, x, op=op, group=group)


# ----------------------------------------------------------------------------- AllGather
def _all_gather_impl(x, group):
    g = _engine.group(group, "AllGather")
    _engine.check_same_shapes(g, x, "AllGather")
    x = _contig(x)
    out = xp.empty((g.size * x.shape[0],) + tuple(x.shape[1:]), x.dtype)
    g.comm.Allgather(x, out)
    return out


def _all_gather_abstract(x, group):
    g = _engine.group(group, "AllGather")
    if len(x.shape) == 0:
        raise ValueError("For 'AllGather', the input must have at least one dimension (ranks are stacked along "
                         "dimension 0), but got a scalar.")
    return (g.size * x.shape[0],) + tuple(x.shape[1:]), x.dtype


all_gather_p = Primitive("AllGather", _all_gather_impl, 1, _all_gather_abstract, effect=True)
all_gather_p.def_vjp(lambda dout, out, x, group: reduce_scatter(dout, "sum", group))


def all_gather(x, group=_engine.SELF_GROUP):
    """Every rank's ``x`` concatenated along dimension 0, in rank order."""
    return bind(all_gather_p, x, group=group)


# ----------------------------------------------------------------------------- ReduceScatter
def _reduce_scatter_impl(x, op, group):
    g = _engine.group(group, "ReduceScatter")
    _engine.check_same_shapes(g, x, "ReduceScatter")
    x = _contig(x)
    out = xp.empty((x.shape[0] // g.size,) + tuple(x.shape[1:]), x.dtype)
    g.comm.Reduce_scatter_block(x, out, op=g.op(op))
    return out


def _reduce_scatter_abstract(x, op, group):
    _check_op(op, "ReduceScatter")
    g = _engine.group(group, "ReduceScatter")
    if len(x.shape) == 0 or x.shape[0] % g.size:
        raise ValueError(f"For 'ReduceScatter', the first dimension of the input must be divisible by the group "
                         f"size {g.size}, but got shape {tuple(x.shape)}.")
    return (x.shape[0] // g.size,) + tuple(x.shape[1:]), x.dtype


def _reduce_scatter_vjp(dout, out, x, op, group):
    if op != "sum":
        raise ValueError(f"For 'ReduceScatter', only the 'sum' reduction has a gradient, but got {op!r}.")
    return all_gather(dout, group)


reduce_scatter_p = Primitive("ReduceScatter", _reduce_scatter_impl, 1, _reduce_scatter_abstract, effect=True)
reduce_scatter_p.def_vjp(_reduce_scatter_vjp)


def reduce_scatter(x, op="sum", group=_engine.SELF_GROUP):
    """``op`` over the ranks of ``x``, split along dimension 0: rank r keeps block r."""
    return bind(reduce_scatter_p, x, op=op, group=group)


# ----------------------------------------------------------------------------- Broadcast
def _broadcast_impl(x, root, group):
    g = _engine.group(group, "Broadcast")
    _engine.check_same_shapes(g, x, "Broadcast")
    out = xp.array(x, copy=True, order="C")
    g.comm.Bcast(out, root=root)
    return out


def _broadcast_abstract(x, root, group):
    g = _engine.group(group, "Broadcast")
    if isinstance(root, bool) or not isinstance(root, int) or not 0 <= root < g.size:
        raise ValueError(f"For 'Broadcast', the root rank must be an int in [0, {g.size}), but got {root!r}.")
    return x.shape, x.dtype


def _broadcast_vjp(dout, out, x, root, group):
    total = all_reduce(dout, "sum", group)
    g = _engine.group(group, "Broadcast")
    return total if g.rank == root else mul(total, const(0.0, total))


broadcast_p = Primitive("Broadcast", _broadcast_impl, 1, _broadcast_abstract, effect=True)
broadcast_p.def_vjp(_broadcast_vjp)


def broadcast(x, root=0, group=_engine.SELF_GROUP):
    """Rank ``root``'s ``x`` (group rank) on every rank."""
    return bind(broadcast_p, x, root=root, group=group)
