"""The Primitive classes of mindspore.ops.operations.comm_ops on every rank, checked against NumPy on the inputs of
all ranks (gathered with mpi4py's pickled allgather). Any number of ranks >= 2. Prints 'comm prims OK <rank>'."""
import faulthandler; faulthandler.dump_traceback_later(50, exit=True)  # a hang prints where each rank waits
import numpy as np
from mpi4py import MPI

import mindspore as ms
from mindspore import ops
from mindspore.communication import init
from mindspore.ops.operations import comm_ops

init()
world = MPI.COMM_WORLD
r, n = world.rank, world.size
rng = np.random.default_rng(7 + r)
x = rng.uniform(0.5, 2.0, (2 * n, 3))
xs = world.allgather(x)


def close(a, b, what):
    np.testing.assert_allclose(a.asnumpy(), b, rtol=1e-12, atol=1e-12, err_msg=what)


assert comm_ops.get_rank() == r and comm_ops.get_group_size() == n
assert ops.AlltoAll is comm_ops.AlltoAll and ops.operations.comm_ops.AllReduce is ops.AllReduce

# Reduce to group rank 1: elsewhere a (1,) tensor
y = ops.Reduce(1)(ms.Tensor(x))
close(y, np.sum(xs, axis=0) if r == 1 else np.zeros(1), "Reduce")
y = ops.Reduce(0, ops.ReduceOp.MAX)(ms.Tensor(x))
close(y, np.max(xs, axis=0) if r == 0 else np.zeros(1), "Reduce(MAX)")
# CollectiveGather / CollectiveScatter
y = ops.CollectiveGather(0)(ms.Tensor(x))
close(y, np.concatenate(xs) if r == 0 else np.zeros(1), "CollectiveGather")
y = ops.CollectiveScatter(1)(ms.Tensor(x))
close(y, xs[1][2 * r:2 * r + 2], "CollectiveScatter")
# AlltoAll: split dim 0, concat dim 1; and its gradient (the reverse exchange)
prim = ops.AlltoAll(n, 0, 1)
y = prim(ms.Tensor(x))
close(y, np.concatenate([xs[s][2 * r:2 * r + 2] for s in range(n)], axis=1), "AlltoAll")
w = rng.uniform(-1, 1, (2, 3 * n))
ws = world.allgather(w)
g = ms.grad(lambda t: (prim(t) * ms.Tensor(w)).sum())(ms.Tensor(x))
# d x_r[block s] = w_s[:, columns of block r]
close(g, np.concatenate([ws[s][:, 3 * r:3 * r + 3] for s in range(n)]), "grad AlltoAll")
# AllGatherV / ReduceScatterV / AlltoAllV on 1-D inputs
sizes = [s + 1 for s in range(n)]
v = rng.uniform(size=sizes[r])
vs = world.allgather(v)
close(ops.AllGatherV()(ms.Tensor(v), sizes), np.concatenate(vs), "AllGatherV")
flat = rng.uniform(size=sum(sizes))
flats = world.allgather(flat)
start = sum(sizes[:r])
close(ops.ReduceScatterV()(ms.Tensor(flat), sizes), np.sum(flats, axis=0)[start:start + sizes[r]], "ReduceScatterV")
close(ops.AlltoAllV()(ms.Tensor(flat), sizes, [r + 1] * n),
      np.concatenate([flats[s][start:start + r + 1] for s in range(n)]), "AlltoAllV")
# Send / Receive around a ring (even ranks send first)
nxt, prv = (r + 1) % n, (r - 1) % n
recv = ops.Receive(sr_tag=3, src_rank=prv, shape=[2 * n, 3], dtype=ms.float64)
if r % 2 == 0:
    ops.Send(3, nxt)(ms.Tensor(x))
    y = recv()
else:
    y = recv()
    ops.Send(3, nxt)(ms.Tensor(x))
close(y, xs[prv], "Send/Receive")
# BatchISendIRecv: receive from prv and send to nxt at once
out = ops.BatchISendIRecv(("irecv", "isend"), (prv, nxt), ([2 * n, 3],), (ms.float64,))((ms.Tensor(2 * x),))
assert len(out) == 1
close(out[0], 2 * xs[prv], "BatchISendIRecv")
assert ops.Barrier()().shape == (1,)
try:
    ops.NeighborExchange([nxt], [prv], ([1],), ([1],), ms.float32)(ms.Tensor(x))
except NotImplementedError:
    pass
else:
    raise AssertionError("NeighborExchange ran")
assert str(ops.Reduce(1)) == "Prim[Reduce]<group=mccl_world_group, dest_rank=1>", str(ops.Reduce(1))
print(f"comm prims OK {r}", flush=True)
