"""mindspore.ops' communication functions on every rank, checked against NumPy on the inputs of all ranks (gathered
with mpi4py's own pickled allgather, an independent path). Works for any number of ranks >= 2. Prints
'ops comm OK <rank>'."""
import faulthandler; faulthandler.dump_traceback_later(50, exit=True)  # a hang prints where each rank waits
import hashlib

import numpy as np
from mpi4py import MPI

import mindspore as ms
from mindspore import ops

world = MPI.COMM_WORLD
assert ops.is_available() and not ops.is_initialized()
assert ops.get_rank() == 0 and ops.get_world_size() == 1          # before init: the one process's view
ops.init_process_group()
assert ops.is_initialized()
r, n = ops.get_rank(), ops.get_world_size()
assert (r, n) == (world.rank, world.size)
assert ops.get_backend() == "hccl" and ops.get_backend("mccl_world_group") == "mccl"
assert ops.get_process_group_ranks() == list(range(n))
assert ops.get_global_rank(None, 1) == 1 and ops.get_group_rank(None, 1) == 1
rng = np.random.default_rng(100 + r)


def allg(a):
    return world.allgather(a)


def close(a, b, what):
    a = a.asnumpy() if isinstance(a, ms.Tensor) else np.asarray(a)
    np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12, err_msg=what)


x = rng.uniform(0.5, 2.0, (2 * n, 3))
xs = allg(x)

# all_reduce, in place, every op (avg: the mean); async handle
for op, ref in (("sum", np.sum), ("max", np.max), ("min", np.min), ("prod", np.prod), ("avg", np.mean)):
    t = ms.Tensor(x)
    assert ops.all_reduce(t, op) is None
    close(t, ref(np.stack(xs), axis=0), f"all_reduce({op})")
t = ms.Tensor(x)
h = ops.all_reduce(t, async_op=True)
h.wait()
close(t, np.sum(xs, axis=0), "all_reduce async")
ti = ms.Tensor(np.arange(4, dtype=np.int32) + r)
ops.all_reduce(ti, "max")
assert ti.dtype == ms.int32
close(ti, np.arange(4) + n - 1, "all_reduce int32 max")

# gradient through the in-place all_reduce: d/dx sum(w * allreduce(x)) = sum_s w_s
w = rng.uniform(-1, 1, x.shape)
W = np.sum(allg(w), axis=0)


def loss(v):
    y = v * 1.0
    ops.all_reduce(y)
    return (y * ms.Tensor(w)).sum()


close(ms.grad(loss)(ms.Tensor(x)), W, "grad all_reduce")

# all_gather_into_tensor / all_gather (list) / uneven
out = ms.Tensor(np.zeros((2 * n * n, 3)))
ops.all_gather_into_tensor(out, ms.Tensor(x))
close(out, np.concatenate(xs), "all_gather_into_tensor")
lst = [ms.Tensor(np.zeros((2 * n, 3))) for _ in range(n)]
ops.all_gather(lst, ms.Tensor(x))
for s in range(n):
    close(lst[s], xs[s], f"all_gather[{s}]")
sizes = [s + 1 for s in range(n)]
mine = rng.uniform(size=(sizes[r], 3))
mines = allg(mine)
out = ms.Tensor(np.zeros((sum(sizes), 3)))
ops.all_gather_into_tensor_uneven(out, ms.Tensor(mine), sizes)
close(out, np.concatenate(mines), "all_gather_into_tensor_uneven")

# reduce_scatter_tensor / reduce_scatter (list) / uneven
out = ms.Tensor(np.zeros((2, 3)))
ops.reduce_scatter_tensor(out, ms.Tensor(x))
close(out, np.sum(xs, axis=0)[2 * r:2 * r + 2], "reduce_scatter_tensor")
ops.reduce_scatter_tensor(out, ms.Tensor(x), "min")
close(out, np.min(xs, axis=0)[2 * r:2 * r + 2], "reduce_scatter_tensor(min)")
ins = [ms.Tensor(x[2 * s:2 * s + 2]) for s in range(n)]
out = ms.Tensor(np.zeros((2, 3)))
ops.reduce_scatter(out, ins, "max")
close(out, np.max(xs, axis=0)[2 * r:2 * r + 2], "reduce_scatter(max)")
splits = [1] * (n - 1) + [2 * n - (n - 1)]
start = sum(splits[:r])
out = ms.Tensor(np.zeros((splits[r], 3)))
ops.reduce_scatter_tensor_uneven(out, ms.Tensor(x), splits)
close(out, np.sum(xs, axis=0)[start:start + splits[r]], "reduce_scatter_tensor_uneven")

# reduce to the last rank; broadcast from rank 1
t = ms.Tensor(x)
ops.reduce(t, n - 1, "sum")
close(t, np.sum(xs, axis=0) if r == n - 1 else x, "reduce")
t = ms.Tensor(x)
ops.broadcast(t, 1)
close(t, xs[1], "broadcast")

# gather_into_tensor to rank 0; scatter_tensor from rank 1
out = ms.Tensor(np.zeros((2 * n * n, 3)))
ops.gather_into_tensor(out, ms.Tensor(x), dst=0)
close(out, np.concatenate(xs) if r == 0 else np.zeros((2 * n * n, 3)), "gather_into_tensor")
out = ms.Tensor(np.zeros((2, 3)))
ops.scatter_tensor(out, ms.Tensor(x), src=1)
close(out, xs[1][2 * r:2 * r + 2], "scatter_tensor")

# all_to_all: rank r sends a (r + s + 1, 2) block to rank s
ins = [ms.Tensor(np.full((r + s + 1, 2), 10.0 * r + s)) for s in range(n)]
outs = [ms.Tensor(np.zeros((s + r + 1, 2))) for s in range(n)]
ops.all_to_all(outs, ins)
for s in range(n):
    close(outs[s], np.full((s + r + 1, 2), 10.0 * s + r), f"all_to_all from {s}")
# all_to_all_single, equal and uneven splits
out = ms.Tensor(np.zeros((2 * n, 3)))
ops.all_to_all_single(out, ms.Tensor(x))
close(out, np.concatenate([xs[s][2 * r:2 * r + 2] for s in range(n)]), "all_to_all_single")
in_split = [s + 1 for s in range(n)]            # rank r sends s + 1 rows to rank s
data = rng.uniform(size=(sum(in_split), 3))
datas = allg(data)
out = ms.Tensor(np.zeros((n * (r + 1), 3)))
ops.all_to_all_single(out, ms.Tensor(data), [r + 1] * n, in_split)
start = sum(in_split[:r])
close(out, np.concatenate([datas[s][start:start + r + 1] for s in range(n)]), "all_to_all_single uneven")

# point to point: a ring, blocking and non-blocking
nxt, prv = (r + 1) % n, (r - 1) % n
if r % 2 == 0:
    ops.send(ms.Tensor(x), nxt)
    t = ms.Tensor(np.zeros_like(x))
    assert ops.recv(t, prv) == 0
else:
    t = ms.Tensor(np.zeros_like(x))
    assert ops.recv(t, prv) == 0
    ops.send(ms.Tensor(x), nxt)
close(t, xs[prv], "send/recv")
t = ms.Tensor(np.zeros_like(x))
hr = ops.irecv(t, prv)                           # every rank posts its receive first: non-blocking, no deadlock
hs = ops.isend(ms.Tensor(x * 2), nxt)
hs.wait()
hr.wait()
close(t, 2 * xs[prv], "isend/irecv")
t = ms.Tensor(np.zeros_like(x))
handles = ops.batch_isend_irecv([ops.P2POp("irecv", t, prv), ops.P2POp(ops.isend, ms.Tensor(x * 3), nxt)])
assert len(handles) == 1
handles[0].wait()
close(t, 3 * xs[prv], "batch_isend_irecv")

# objects
objs = [None] * n
ops.all_gather_object(objs, {"rank": r, "v": [r] * r})
assert objs == [{"rank": s, "v": [s] * s} for s in range(n)], objs
lst = ["a", r] if r == 1 else [None, None]
ops.broadcast_object_list(lst, src=1)
assert lst == ["a", 1], lst
gl = [None] * n if r == 0 else None
ops.gather_object(("g", r), gl, dst=0)
assert gl == ([("g", s) for s in range(n)] if r == 0 else None), gl
got = [None]
ops.scatter_object_list(got, [f"item{s}" for s in range(n)] if r == 0 else None, src=0)
assert got == [f"item{r}"], got
if r == 0:
    ops.send_object_list([1, "two", {3: 4}], dst=1)
elif r == 1:
    recvd = [None] * 3
    assert ops.recv_object_list(recvd, src=0) == 0
    assert recvd == [1, "two", {3: 4}], recvd

# new_group: MindSpore's name; collectives on it; ranks outside it get ''
ranks = [1, 0]
with_warn = r not in ranks
import warnings  # noqa: E402
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    name = ops.new_group(ranks)
if r in ranks:
    assert name == "hccl_2_" + hashlib.sha1(b"0_1").hexdigest(), name
    assert ops.get_world_size(name) == 2 and ops.get_rank(name) == r
    assert ops.get_process_group_ranks(name) == [0, 1]
    assert ops.get_global_rank(name, 1) == 1 and ops.get_group_rank(name, 0) == 0
    assert ops.get_backend(name) == "hccl"
    t = ms.Tensor(x)
    ops.all_reduce(t, group=name)
    close(t, xs[0] + xs[1], "all_reduce on new_group")
    assert ops.new_group(ranks) == name          # asking again: the same group
else:
    assert name == "" and any("not one of the ranks" in str(c.message) for c in caught)

# errors a user can act on
for call, kind, text in (
        (lambda: ops.all_reduce(x), TypeError, "the input tensor must be tensor"),
        (lambda: ops.all_reduce(ms.Tensor(x), "mean"), TypeError, "one of sum, prod, min, max, avg"),
        (lambda: ops.all_reduce(ms.Tensor(x), async_op=1), TypeError, "'async_op' must be a bool"),
        (lambda: ops.broadcast(ms.Tensor(x), n), ValueError, f"src {n} is not a rank of the group"),
        (lambda: ops.send(ms.Tensor(x), r), ValueError, "this process's own rank"),
        (lambda: ops.all_gather_into_tensor(ms.Tensor(np.zeros(3)), ms.Tensor(x)), ValueError,
         "output tensor must have shape"),
        (lambda: ops.all_gather([ms.Tensor(x)] * (n + 1), ms.Tensor(x)), TypeError, "one tensor per rank"),
        (lambda: ops.all_to_all_single(ms.Tensor(np.zeros((2 * n, 3))), ms.Tensor(x), None, [1] * n),
         ValueError, "must hold one size per rank"),
        (lambda: ops.get_group_rank(None, "0"), TypeError, "global_rank argument must be integer"),
        (lambda: ops.init_process_group("nccl"), ValueError, "Only support hccl now")):
    try:
        call()
    except kind as e:
        assert text in str(e), (text, str(e))
    else:
        raise AssertionError(f"no {kind.__name__} for {text!r}")
# a mismatch across ranks is named, not a hang: the ranks pass different shapes to all_to_all_single's splits
try:
    ops.all_to_all_single(ms.Tensor(np.zeros((2 * n + (r == 0), 3))), ms.Tensor(np.zeros((2 * n, 3))),
                          [2] * (n - 1) + [2 + (r == 0)], [2] * n)
except ValueError as e:
    assert "expects" in str(e) and "they send it" in str(e), str(e)
else:
    raise AssertionError("no error for mismatched all_to_all splits")

# the collectives that move data through host buffers have no derivative: a gradient through them is an error
from minispore._core.errors import MissingRuleError  # noqa: E402
even = [2] * n
for name, call in (
        ("all_to_all_single", lambda v: ops.all_to_all_single(ms.Tensor(np.zeros((2 * n, 3))), v, even, even)),
        ("reduce_scatter_tensor_uneven", lambda v: ops.reduce_scatter_tensor_uneven(
            ms.Tensor(np.zeros((2, 3))), v, even)),
        ("all_gather_into_tensor_uneven", lambda v: ops.all_gather_into_tensor_uneven(
            ms.Tensor(np.zeros((2 * n * n, 3))), v, [2 * n] * n))):
    try:
        ms.grad(lambda v: (call(v * 1.0), v.sum())[1])(ms.Tensor(x))
    except MissingRuleError as e:
        assert f"For '{name}', minispore has no derivative" in str(e), str(e)
    else:
        raise AssertionError(f"no error for a gradient through {name}")

ops.barrier()
h = ops.barrier(async_op=True)
h.wait()
ops.destroy_process_group()
assert not ops.is_initialized()
print(f"ops comm OK {r}", flush=True)
