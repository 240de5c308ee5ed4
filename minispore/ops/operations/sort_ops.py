"""MindSpore's segment, sort/search, counting/reduction and array-creation Primitive classes (``SegmentSum``,
``SearchSorted``, ``Median``, ``LpNorm``, ``Range``, ``DepthToSpace``...), each a thin wrapper over a functional op
(ops/function, sort_func.py for the ones without a public functional form). Re-exported by math_ops.py and
array_ops.py, where MindSpore defines them. Printed as MindSpore 2.10 prints them (``Prim[Meshgrid]<indexing=1>``,
``Prim[LpNorm]`` without its attributes...)."""
from .. import function as F
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ..function import sort_func as S
from ._base import _MISSING, prim


def _type_id(t):
    """MindSpore records some dtype attributes as their type id."""
    return {mstype.int32: 34, mstype.int64: 35}.get(t, t)


def _listed(v):
    """An attribute MindSpore prints as a list (``axis=[1]``)."""
    return "[" + ", ".join(str(i) for i in ((v,) if isinstance(v, (int, float)) else v)) + "]"


def _tuple(v):
    return (v,) if isinstance(v, (int, float)) else tuple(v)


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def _quiet(cls, *names):
    """MindSpore prints these attributes of the class nowhere (``Prim[Pack]``): keep them off ``attrs``."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        for n in (names or list(self.attrs)):
            self.attrs.pop(n, None)
    cls.__init__ = __init__
    return cls


def _num(v):
    return int(v.asnumpy()) if isinstance(v, Tensor) else v


# ------------------------------------------------------------------------------------------ segments
_SEG = (("max_length", 1000000),)
SegmentSum = prim("SegmentSum", lambda self, x, ids: S.segment_reduce(x, ids, "sum"), hidden=_SEG)
SegmentMean = prim("SegmentMean", lambda self, x, ids: S.segment_reduce(x, ids, "mean"), hidden=_SEG)
SegmentMax = prim("SegmentMax", lambda self, x, ids: S.segment_reduce(x, ids, "max"), hidden=_SEG)
SegmentMin = prim("SegmentMin", lambda self, x, ids: S.segment_reduce(x, ids, "min"), hidden=_SEG)
SegmentProd = prim("SegmentProd", lambda self, x, ids: S.segment_reduce(x, ids, "prod"), hidden=_SEG)
UnsortedSegmentSum = prim("UnsortedSegmentSum", lambda self, x, ids, n: F.unsorted_segment_sum(x, ids, _num(n)))
UnsortedSegmentMax = prim("UnsortedSegmentMax", lambda self, x, ids, n: F.unsorted_segment_max(x, ids, _num(n)))
UnsortedSegmentMin = prim("UnsortedSegmentMin", lambda self, x, ids, n: F.unsorted_segment_min(x, ids, _num(n)))
UnsortedSegmentProd = prim("UnsortedSegmentProd", lambda self, x, ids, n: F.unsorted_segment_prod(x, ids, _num(n)))

# ------------------------------------------------------------------------------------------ sort / search
SearchSorted = prim("SearchSorted", lambda self, s, v: F.cast(F.searchsorted(s, v, right=self.right), self.dtype),
                    [("dtype", mstype.int64), ("right", False)], shown={"dtype": _type_id})
Bucketize = prim("Bucketize", lambda self, x: S.bucketize(x, list(self.boundaries), right=True),
                 [("boundaries", _MISSING)], shown={"boundaries": lambda b: _listed([float(v) for v in b])})
LowerBound = prim("LowerBound", lambda self, s, v: S.bound(s, v, False, self.out_type, "LowerBound"),
                  [("out_type", mstype.int32)])
UpperBound = prim("UpperBound", lambda self, s, v: S.bound(s, v, True, self.out_type, "UpperBound"),
                  [("out_type", mstype.int32)])
NonZero = prim("NonZero", lambda self, x: F.cast(F.nonzero(x), mstype.int64))


def _unique_consecutive(self, x):
    vals, inverse, counts = F.unique_consecutive(x, True, True, self.dim)
    zero = Tensor(0, mstype.int64)          # MindSpore returns a 0 for an output not asked for
    return vals, inverse if self.return_inverse else zero, counts if self.return_counts else zero


UniqueConsecutive = prim("UniqueConsecutive", _unique_consecutive,
                         [("return_inverse", False), ("return_counts", False), ("dim", None)])
UniqueWithPad = prim("UniqueWithPad", lambda self, x, pad_num: S.unique_with_pad(x, pad_num))
NthElement = prim("NthElement", lambda self, x, n: S.nth_element(x, n, self.reverse), [("reverse", False)])
InTopK = prim("InTopK", lambda self, x1, x2: S.intopk(x1, x2, self.k), [("k", _MISSING)])


def _with_value(fn, argfn):
    def call(self, x):
        return (F.cast(argfn(x, self.axis, self.keep_dims), mstype.int64), fn(x, self.axis, self.keep_dims))
    return call


ArgMaxWithValue = prim("ArgMaxWithValue", _with_value(F.amax, F.argmax), [("axis", 0), ("keep_dims", False)])
ArgMinWithValue = prim("ArgMinWithValue", _with_value(F.amin, F.argmin), [("axis", 0), ("keep_dims", False)])
Cummin = prim("Cummin", lambda self, x: tuple(F.cummin(x, self.axis)), [("axis", _MISSING)])
CumulativeLogsumexp = prim("CumulativeLogsumexp",
                           lambda self, x, axis: S.cumulative_logsumexp(x, axis, self.exclusive, self.reverse),
                           [("exclusive", False), ("reverse", False)])


def _median(self, x):
    if self.global_median:
        x = F.reshape(x, (-1,))
    axis = 0 if self.global_median else self.axis
    keep = False if self.global_median else self.keep_dims
    if self.ignore_nan:
        value, index = F.nanmedian(x, axis, keep)
    else:
        value, index = F.median(x, axis, keep)
        # a slice holding NaN: NaN, at the first NaN (MindSpore's kernel; ops.median skips NaNs)
        nan = F.isnan(x)
        has_nan = F.any(nan, axis, keep)
        value = F.where(has_nan, F.full(tuple(value.shape), float("nan"), dtype=value.dtype), value)
        index = F.where(has_nan, F.argmax(F.cast(nan, mstype.int32), axis, keep), index)
    if self.global_median:
        # MindSpore 2.10's CPU kernel returns index 0 for the global median (it computes no index)
        return value, Tensor(0, mstype.int64)
    return value, F.cast(index, mstype.int64)


Median = prim("Median", _median, [("global_median", False), ("axis", 0), ("keep_dims", False),
                                  ("ignore_nan", False)], hidden=(("cust_aicpu", "Median"),))


def _quantile_call(self, x, q):
    dim = None if self.dim == 10000 else self.dim
    return (F.nanquantile if self.ignore_nan else F.quantile)(x, q, dim, self.keep_dims)


Quantile = prim("Quantile", _quantile_call, [("dim", 10000), ("keep_dims", False), ("ignore_nan", False)],
                shown={"dim": lambda d: 10000 if d is None else d})

# ------------------------------------------------------------------------------------------ counting / reductions
Bincount = prim("Bincount", lambda self, x, size, weights: S.bincount_sized(x, size, weights))
Histogram = prim("Histogram", lambda self, x: F.histc(x, self.bins, self.min, self.max),
                 [("bins", 100), ("min", 0.0), ("max", 0.0)])
HistogramFixedWidth = prim("HistogramFixedWidth",
                           lambda self, x, r: S.histogram_fixed_width(x, r, self.nbins, mstype.int32),
                           [("nbins", _MISSING), ("dtype", "int32")], shown={"dtype": lambda d: 3})


def _count_nonzero(self, x):
    axis = () if self.dims is None else _tuple(self.dims)
    return F.count_nonzero(x, axis, False, mstype.int64)


CountNonZero = prim("CountNonZero", _count_nonzero, [("dims", None)],
                    shown={"dims": lambda d: _listed([] if d is None else _tuple(d))})


def _axes(axes):
    return tuple(int(a) for a in (axes.asnumpy().reshape(-1).tolist() if isinstance(axes, Tensor) else _tuple(axes)))


EuclideanNorm = prim("EuclideanNorm",
                     lambda self, x, axes: F.sqrt(F.sum(F.square(x), _axes(axes), self.keep_dims)),
                     [("keep_dims", False)])


def _lp_norm(self, x):
    axes = _tuple(self.axis)
    if self.p == 0:
        return F.sum(F.cast(F.not_equal(x, 0), x.dtype), axes, self.keep_dims)
    return F.pow(F.sum(F.pow(F.abs(x), self.p), axes, self.keep_dims), 1.0 / self.p)


LpNorm = _quiet(prim("LpNorm", _lp_norm, [("axis", _MISSING), ("p", 2), ("keep_dims", False), ("epsilon", 1e-12)]))
Renorm = prim("Renorm", lambda self, x: F.renorm(x, self.p, self.dim, self.maxnorm),
              [("p", _MISSING), ("dim", _MISSING), ("maxnorm", _MISSING)], shown={"p": float})


def _reduce_std(self, x):
    axis = _tuple(self.axis)
    axis = None if axis == () else axis
    std, mean = F.std_mean(x, axis, 1 if self.unbiased else 0, self.keep_dims)
    return std, mean


ReduceStd = prim("ReduceStd", _reduce_std, [("axis", []), ("unbiased", True), ("keep_dims", False)],
                 shown={"axis": _tuple})
SquareSumAll = prim("SquareSumAll", lambda self, x, y: (F.sum(F.square(x)), F.sum(F.square(y))))
EqualCount = prim("EqualCount", lambda self, x, y: F.cast(F.reshape(F.sum(F.cast(F.equal(x, y), mstype.int32)), (1,)),
                                                            mstype.int32))
L2Normalize = prim("L2Normalize", lambda self, x: S.l2_normalize(x, self.axis, self.epsilon),
                   [("axis", 0), ("epsilon", 0.0001)], shown={"axis": _listed})

# ------------------------------------------------------------------------------------------ creation
def _range(self, start, limit, delta):
    out = F.range(start.asnumpy().item(), limit.asnumpy().item(), delta.asnumpy().item(), self.maxlen)
    return out


Range = prim("Range", _range, [("maxlen", 1000000)])
LinSpace = prim("LinSpace", lambda self, start, stop, num: F.linspace(start, stop, _num(num)))
LogSpace = prim("LogSpace", lambda self, start, end: F.logspace(start, end, self.steps, self.base, dtype=self.dtype),
                [("steps", 10), ("base", 10), ("dtype", mstype.float32)])
Meshgrid = prim("Meshgrid", lambda self, inputs: tuple(F.meshgrid(*inputs, indexing=self.indexing)),
                [("indexing", "xy")], shown={"indexing": lambda i: {"xy": 1, "ij": 0}.get(i, i)})
TrilIndices = prim("TrilIndices", lambda self: F.tril_indices(self.row, self.col, self.offset, dtype=self.dtype),
                   [("row", _MISSING), ("col", _MISSING), ("offset", 0), ("dtype", mstype.int32)])
TriuIndices = prim("TriuIndices", lambda self: F.triu_indices(self.row, self.col, self.offset, dtype=self.dtype),
                   [("row", _MISSING), ("col", _MISSING), ("offset", 0), ("dtype", mstype.int32)])
UnravelIndex = prim("UnravelIndex", lambda self, indices, dims: S.unravel_index(indices, dims))
InvertPermutation = prim("InvertPermutation", lambda self, x: S.invert_permutation(x))

# ------------------------------------------------------------------------------------------ manipulation
ReverseSequence = prim("ReverseSequence",
                       lambda self, x, seq_lengths: F.reverse_sequence(x, seq_lengths, self.seq_dim, self.batch_dim),
                       [("seq_dim", _MISSING), ("batch_dim", 0)])
Pack = _quiet(prim("Pack", lambda self, tensors: F.stack(tuple(tensors), self.axis), [("axis", 0)]))
Unpack = _quiet(prim("Unpack", lambda self, x: tuple(F.unstack(x, self.axis)), [("axis", 0)]))
Roll = prim("Roll", lambda self, x: F.roll(x, self.shifts, self.dims), [("shifts", _MISSING), ("dims", None)],
            shown={"shifts": _tuple, "dims": lambda d: d if d is None else _tuple(d)})
IdentityN = prim("IdentityN", lambda self, xs: tuple(F.identity(x) for x in xs))
Fills = prim("Fills", lambda self, x, value: F.fills(x, value))
FillV2 = prim("FillV2", lambda self, shape, value: F.full(tuple(S._ints(shape, "FillV2", "shape")),
                                                          value.asnumpy().item(), dtype=value.dtype))
ListDiff = prim("ListDiff", lambda self, x, y: S.list_diff(x, y, self.out_idx), [("out_idx", mstype.int32)])
MirrorPad = prim("MirrorPad", lambda self, x, paddings: F.mirror_pad(x, paddings, self.mode), [("mode", "REFLECT")])


def _pad(self, x):
    flat = []
    for before, after in reversed(list(self.paddings)):
        flat += [before, after]
    return F.pad(x, tuple(flat))


Pad = prim("Pad", _pad, [("paddings", _MISSING)])


def _pad_v3(self, x, paddings, value=None):
    pads = S._ints(paddings, "PadV3", "paddings")
    if not self.paddings_contiguous:       # (begin_1, begin_2, ..., end_1, end_2, ...)
        half = len(pads) // 2
        pads = [p for pair in zip(pads[:half], pads[half:]) for p in pair]
    if self.mode == "constant":
        v = 0 if value is None else (value.asnumpy().item() if isinstance(value, Tensor) else value)
        return F.pad(x, tuple(pads), "constant", v)
    return F.pad(x, tuple(pads), self.mode)


PadV3 = prim("PadV3", _pad_v3, [("mode", "constant"), ("paddings_contiguous", True)])
Padding = prim("Padding", lambda self, x: F.padding(x, self.pad_dim_size), [("pad_dim_size", 8)])
DepthToSpace = prim("DepthToSpace", lambda self, x: S.depth_to_space(x, self.block_size), [("block_size", _MISSING)],
                    hidden=(("data_format", "NCHW"),))
SpaceToDepth = prim("SpaceToDepth", lambda self, x: S.space_to_depth(x, self.block_size), [("block_size", _MISSING)],
                    hidden=(("data_format", "NCHW"),))
BatchToSpace = prim("BatchToSpace", lambda self, x: F.batch_to_space_nd(x, (self.block_size,) * 2, self.crops),
                    [("block_size", _MISSING), ("crops", _MISSING)])
SpaceToBatch = prim("SpaceToBatch", lambda self, x: F.space_to_batch_nd(x, (self.block_size,) * 2, self.paddings),
                    [("block_size", _MISSING), ("paddings", _MISSING)])
BatchToSpaceND = _quiet(prim("BatchToSpaceND", lambda self, x: F.batch_to_space_nd(x, self.block_shape, self.crops),
                             [("block_shape", _MISSING), ("crops", _MISSING)], shown={"block_shape": _tuple}),
                        "crops")
SpaceToBatchND = prim("SpaceToBatchND", lambda self, x: F.space_to_batch_nd(x, self.block_shape, self.paddings),
                      [("block_shape", _MISSING), ("paddings", _MISSING)], shown={"block_shape": _tuple})
DiagPart = prim("DiagPart", lambda self, x: S.diag_part(x))
FillDiagonal = prim("FillDiagonal", lambda self, x: S.fill_diagonal(x, self.fill_value, self.wrap),
                    [("fill_value", _MISSING), ("wrap", False)])
ChannelShuffle = prim("ChannelShuffle", lambda self, x: F.channel_shuffle(x, self.group), [("group", _MISSING)])
Im2Col = prim("Im2Col", lambda self, x: S.im2col(x, self.ksizes, self.strides, self.dilations, self.pads),
              [("ksizes", _MISSING), ("strides", 1), ("dilations", 1), ("pads", 0)],
              shown={"ksizes": _pair, "strides": _pair, "dilations": _pair, "pads": _pair},
              hidden=(("padding_mode", "CALCULATED"),))
Col2Im = prim("Col2Im", lambda self, x, output_size: F.col2im(x, output_size, self.kernel_size, self.dilation,
                                                              self.padding, self.stride),
              [("kernel_size", _MISSING), ("dilation", 1), ("padding", 0), ("stride", 1)],
              shown={"kernel_size": _pair, "dilation": _pair, "padding": _pair, "stride": _pair})

__all__ = [n for n, v in list(globals().items()) if isinstance(v, type) and not n.startswith("_")
           and n not in ("Tensor",)]
