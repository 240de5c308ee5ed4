"""Every collective and its gradient on each rank, checked against NumPy on the inputs of all ranks (gathered with
mpi4py's own pickled allgather, an independent path). Prints 'collectives OK <rank>'."""
import numpy as np
from mpi4py import MPI

import mindspore as ms
from mindspore import ops
from mindspore.communication import get_group_size, get_rank, init, create_group, get_world_rank_from_group_rank
from mindspore.communication import comm_func as F

init()
r, n = get_rank(), get_group_size()
world = MPI.COMM_WORLD
rng = np.random.default_rng(100 + r)
x = rng.uniform(0.5, 2.0, (4, 3))          # float64: exact comparisons
w = rng.uniform(-1, 1, (4, 3))             # the weights of this rank's loss sum(w * y)
xs = world.allgather(x)
ws = world.allgather(w)
W = sum(ws)


def close(a, b, what):
    np.testing.assert_allclose(np.asarray(a), b, rtol=1e-12, atol=1e-12, err_msg=what)


def value_and_grad(f, x, weight):
    def loss(t):
        return (f(t) * ms.Tensor(weight)).sum()
    t = ms.Tensor(x)
    return f(t).asnumpy(), ms.grad(loss)(t).asnumpy()


# AllReduce, each op
for op, np_op in (("sum", np.sum), ("max", np.max), ("min", np.min), ("prod", np.prod)):
    y, g = value_and_grad(ops.AllReduce(op), x, w)
    expected = np_op(np.stack(xs), axis=0)
    close(y, expected, f"AllReduce({op})")
    dx = {"sum": W, "max": W * (x == expected), "min": W * (x == expected), "prod": W * expected / x}[op]
    close(g, dx, f"grad AllReduce({op})")

# AllGather: d x_r = sum_s w_s[block r] (w of the gathered shape)
wg = rng.uniform(-1, 1, (4 * n, 3))
wgs = world.allgather(wg)
y, g = value_and_grad(ops.AllGather(), x, wg)
close(y, np.concatenate(xs), "AllGather")
close(g, sum(wgs)[4 * r:4 * r + 4], "grad AllGather")

# ReduceScatter(SUM): y_r = sum_s x_s[block r]; d x_r = the w_s gathered
wr = rng.uniform(-1, 1, (4 // n, 3))
wrs = world.allgather(wr)
y, g = value_and_grad(ops.ReduceScatter(), x, wr)
close(y, np.sum(xs, axis=0)[(4 // n) * r:(4 // n) * (r + 1)], "ReduceScatter")
close(g, np.concatenate(wrs), "grad ReduceScatter")
ymax = ops.ReduceScatter(ops.ReduceOp.MAX)(ms.Tensor(x)).asnumpy()
close(ymax, np.max(xs, axis=0)[(4 // n) * r:(4 // n) * (r + 1)], "ReduceScatter(MAX)")

# Broadcast from rank 1: the root's input everywhere; d x_root = sum_s w_s, zero elsewhere
y, g = value_and_grad(lambda t: ops.Broadcast(1)((t,))[0], x, w)
close(y, xs[1], "Broadcast")
close(g, W if r == 1 else np.zeros_like(W), "grad Broadcast")

# comm_func
out, handle = F.all_reduce(ms.Tensor(x), F.ReduceOp.MAX)
assert handle is None
close(out.asnumpy(), np.max(xs, axis=0), "comm_func.all_reduce")
close(F.all_gather_into_tensor(ms.Tensor(x))[0].asnumpy(), np.concatenate(xs), "comm_func.all_gather_into_tensor")
close(F.reduce_scatter_tensor(ms.Tensor(x))[0].asnumpy(), np.sum(xs, axis=0)[(4 // n) * r:(4 // n) * (r + 1)],
      "comm_func.reduce_scatter_tensor")
close(F.broadcast(ms.Tensor(x), src=0).asnumpy(), xs[0], "comm_func.broadcast")
F.barrier()
if r == 0:
    F.send(ms.Tensor(x), dst=1)
else:
    close(F.recv(ms.Tensor(np.zeros((4, 3))), src=0).asnumpy(), xs[0], "send/recv")

# under jit, the same values
jitted = ms.jit(lambda t: ops.AllReduce()(t) * 2)
close(jitted(ms.Tensor(x)).asnumpy(), 2 * np.sum(xs, axis=0), "AllReduce under jit")

# a sub-group of one rank per process and the rank maps
create_group(f"solo{r}", [r])
close(ops.AllReduce(group=f"solo{r}")(ms.Tensor(x)).asnumpy(), x, "AllReduce on a group of one")
assert get_world_rank_from_group_rank(f"solo{r}", 0) == r
assert get_group_size(f"solo{r}") == 1
print(f"collectives OK {r}", flush=True)
