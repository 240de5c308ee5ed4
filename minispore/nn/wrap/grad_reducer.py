"""``nn.DistributedGradReducer``: the gradients of a data-parallel step, summed (or averaged) over the ranks of a
group in a few flat buckets (one AllReduce per bucket, not one per parameter)."""
import math

from ..cell import Cell
from ...communication import _engine
from ...communication._engine import GlobalComm, DEFAULT_WORLD_COMM_GROUP
from ...ops._prims import comm as _comm
from ...ops._prims.shape import concat, reshape, slice_
from ...ops._prims.elementwise import mul
from ...ops._prims._base import const

__all__ = ['DistributedGradReducer']

BUCKET_BYTES = _engine.BUCKET_BYTES
_buckets = _engine.buckets
broadcast_parameters = _engine.broadcast_parameters


class DistributedGradReducer(Cell):
    """Sum the gradients over the ranks of ``group`` (``mean``: divided by ``degree``, the group size by default;
    None: the ``gradients_mean`` of ``set_auto_parallel_context``). ``construct(grads)`` returns the reduced
    gradients as a tuple in the same order. Building one broadcasts ``parameters`` from rank 0, so that every rank
    starts from the same weights. ``fusion_type`` is accepted: the gradients go in flat buckets of one dtype."""

    def __init__(self, parameters, mean=None, degree=None, fusion_type=1, group=GlobalComm.WORLD_COMM_GROUP):
        super().__init__(auto_prefix=False)
        from ... import context
        if mean is None:
            mean = context.get_auto_parallel_context("gradients_mean")
        if not isinstance(mean, bool):
            raise TypeError(f"For 'DistributedGradReducer', 'mean' must be a bool or None, but got {mean!r}.")
        self.group = GlobalComm.WORLD_COMM_GROUP if group == DEFAULT_WORLD_COMM_GROUP else group
        world = _engine.group(self.group, "DistributedGradReducer")
        if degree is None:
            degree = world.size
        if isinstance(degree, bool) or not isinstance(degree, int) or degree <= 0:
            raise ValueError(f"For 'DistributedGradReducer', 'degree' must be a positive int, but got {degree!r}.")
        self.mean = mean
        self.degree = degree
        self.fusion_type = fusion_type
        self._layout = None
        # every rank builds its reducer at the same point of the script: start all of them from rank 0's weights
        # (MindSpore leaves this to parameter_broadcast or an equal seed; broadcasting always costs one call)
        broadcast_parameters(parameters, 0, self.group)

    def construct(self, grads):
        grads = tuple(grads)
        shapes = tuple(tuple(g.shape) for g in grads)
        dtypes = tuple(g._data.dtype for g in grads)
        if self._layout is None or self._layout[0] != (shapes, dtypes):
            # every rank must reduce the same buckets: checked once per layout, not at every AllReduce
            _engine.check_same_layout(_engine.group(self.group, "DistributedGradReducer"), (shapes, dtypes),
                                      "DistributedGradReducer")
            self._layout = ((shapes, dtypes), _buckets(shapes, dtypes))
        out = [None] * len(grads)
        for bucket in self._layout[1]:
            # (explicit sizes: the Reshape primitive takes no -1, and a traced -1 made graph mode fall back)
            flat = concat([reshape(grads[i], (math.prod(shapes[i]),)) for i in bucket], 0) if len(bucket) > 1 \
                else reshape(grads[bucket[0]], (math.prod(shapes[bucket[0]]),))
            flat = _comm.all_reduce(flat, "sum", self.group, checked=True)
            if self.mean:
                flat = mul(flat, const(1.0 / self.degree, flat))
            start = 0
            for i in bucket:
                n = math.prod(shapes[i])
                piece = flat if len(bucket) == 1 else slice_(flat, (start,), (start + n,))
                out[i] = reshape(piece, shapes[i])
                start += n
        return tuple(out)
