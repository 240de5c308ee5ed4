"""More of mindspore.numpy's array creation, manipulation, indexing, logic and dtype helpers: geomspace, the
window functions, vander, diagflat, indices and the diag/tril/triu index helpers, mgrid/ogrid/ix_, rand/randn/
randint, argwhere, broadcast_arrays, choose, rot90, select, piecewise, take_along_axis, unravel_index,
ravel_multi_index, searchsorted, pad, apply_along_axis/apply_over_axes, array_equiv, in1d/isin, intersect1d/
setdiff1d, isscalar, promote_types, result_type, array_str."""
import numbers

from .._core import dtype as mstype
from .._core.tensor import Tensor
from ..ops import function as F
from ._common import dtype_of, tensor

_PI = 3.141592653589793


def _float(t):
    return t if mstype.kind_of(t._data.dtype) in "fc" else F.cast(t, mstype.float32)


def _const(values, dtype=mstype.int32):
    """A Tensor of Python ints computed from static sizes (index helpers)."""
    return Tensor(values, dtype) if values else F.zeros((0,), dtype)


# ---------------------------------------------------------------------------------------------- creation
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale from ``start`` to ``stop`` (Float32 unless ``dtype``)."""
    lo, hi = F.cast(tensor(start), mstype.float32), F.cast(tensor(stop), mstype.float32)
    if float(lo) == 0 or float(hi) == 0:
        raise ValueError("For 'geomspace', geometric sequence cannot include zero.")
    n = num if endpoint else num + 1
    steps = F.cast(F.arange(0, n), mstype.float32)
    frac = F.div(steps, float(n - 1)) if n > 1 else steps
    out = F.mul(lo, F.pow(F.div(hi, lo), frac))[:num]
    return F.cast(out, dtype_of(dtype) or mstype.float32)


def _window(M, fn):
    if M < 1:
        return F.zeros((0,), mstype.float32)
    if M == 1:
        return F.ones((1,), mstype.float32)
    n = F.cast(F.arange(0, M), mstype.float32)
    return fn(F.div(F.mul(n, 2 * _PI), float(M - 1)), n)


def bartlett(M):
    return _window(M, lambda w, n: F.sub(1.0, F.abs(F.sub(F.div(F.mul(n, 2.0), float(M - 1)), 1.0))))


def blackman(M):
    return _window(M, lambda w, n: F.add(F.sub(0.42, F.mul(0.5, F.cos(w))), F.mul(0.08, F.cos(F.mul(w, 2.0)))))


def hamming(M):
    return _window(M, lambda w, n: F.sub(0.54, F.mul(0.46, F.cos(w))))


def hanning(M):
    return _window(M, lambda w, n: F.sub(0.5, F.mul(0.5, F.cos(w))))


def vander(x, N=None, increasing=False):
    t = tensor(x)
    if t.ndim != 1:
        raise ValueError(f"For 'vander', x should be 1-D, but got shape {t.shape}.")
    N = t.shape[0] if N is None else N
    powers = list(range(N)) if increasing else list(range(N - 1, -1, -1))
    return F.pow(F.reshape(t, (-1, 1)), F.cast(_const([powers]), t.dtype))


def diagflat(v, k=0):
    return F.diagflat(F.reshape(tensor(v), (-1,)), k)


def indices(dimensions, dtype=mstype.int32, sparse=False):
    dims = tuple(dimensions)
    dt = dtype_of(dtype)
    out = []
    for i, d in enumerate(dims):
        r = F.cast(F.arange(0, d), dt)
        shape = tuple(d if j == i else 1 for j in range(len(dims)))
        r = F.reshape(r, shape)
        out.append(r if sparse else F.broadcast_to(r, dims))
    return tuple(out)


def diag_indices(n, ndim=2):
    r = F.cast(F.arange(0, n), mstype.int32)
    return tuple(r for _ in range(ndim))


def _tri_indices(n, k, m, upper):
    m = n if m is None else m
    rows, cols = [], []
    for i in range(n):
        for j in range(m):
            if (j - i >= k) if upper else (j - i <= k):
                rows.append(i)
                cols.append(j)
    return _const(rows), _const(cols)


def tril_indices(n, k=0, m=None):
    return _tri_indices(n, k, m, False)


def triu_indices(n, k=0, m=None):
    return _tri_indices(n, k, m, True)


def _square_2d(name, arr):
    t = tensor(arr)
    if t.ndim != 2:
        raise ValueError(f"For '{name}', the input array must be 2-D, but got shape {t.shape}.")
    return t


def tril_indices_from(arr, k=0):
    t = _square_2d("tril_indices_from", arr)
    return tril_indices(t.shape[0], k, t.shape[1])


def triu_indices_from(arr, k=0):
    t = _square_2d("triu_indices_from", arr)
    return triu_indices(t.shape[0], k, t.shape[1])


class _Grid:
    """mgrid / ogrid: ``mgrid[0:2, 0:3]`` (a complex step is a number of points, as in NumPy)."""

    def __init__(self, sparse):
        self.sparse = sparse

    def __getitem__(self, keys):
        single = not isinstance(keys, tuple)
        keys = (keys,) if single else keys
        is_float = any(isinstance(v, (float, complex)) for s in keys for v in (s.start, s.stop, s.step))
        dt = mstype.float32 if is_float else mstype.int32
        axes = []
        for s in keys:
            if not isinstance(s, slice):
                raise TypeError(f"For 'mgrid'/'ogrid', the index must be slices, but got {s!r}.")
            start = 0 if s.start is None else s.start
            step = 1 if s.step is None else s.step
            if isinstance(step, complex):
                axes.append(F.cast(F.linspace(Tensor(float(start), mstype.float32), Tensor(float(s.stop), mstype.float32),
                                              int(abs(step))), dt))
            else:
                axes.append(F.cast(F.arange(start, s.stop, step), dt))
        if single:
            return axes[0]
        if self.sparse:
            n = len(axes)
            return [F.reshape(a, tuple(-1 if j == i else 1 for j in range(n))) for i, a in enumerate(axes)]
        return F.stack(list(F.meshgrid(*axes, indexing="ij")), 0)


mgrid = _Grid(False)
ogrid = _Grid(True)


def ix_(*args):
    ts = [tensor(a) for a in args]
    out = []
    for i, t in enumerate(ts):
        if t.ndim != 1:
            raise ValueError(f"For 'ix_', cross index must be 1 dimensional, but got shape {t.shape}.")
        out.append(F.reshape(t, tuple(-1 if j == i else 1 for j in range(len(ts)))))
    return tuple(out)


def _shape_of(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return tuple(shape[0])
    return tuple(shape)


def rand(*shape, dtype=mstype.float32):
    """Uniform draws in [0, 1)."""
    return F.rand(*_shape_of(shape), dtype=dtype_of(dtype))


def randn(*shape, dtype=mstype.float32):
    """Standard normal draws."""
    return F.randn(*_shape_of(shape), dtype=dtype_of(dtype))


def randint(minval, maxval=None, shape=None, dtype=mstype.int32):
    """Integers drawn uniformly from [minval, maxval) (from [0, minval) without ``maxval``); shape (1,) by
    default, as in mindspore.numpy."""
    if maxval is None:
        minval, maxval = 0, minval
    if maxval <= minval:
        raise ValueError(f"For 'randint', maxval must be greater than minval, but got {minval} and {maxval}.")
    shape = (1,) if shape is None else (shape,) if isinstance(shape, int) else tuple(shape)
    return F.randint(minval, maxval, shape, dtype=dtype_of(dtype))


# ---------------------------------------------------------------------------------------------- manipulation
def argwhere(a):
    return F.argwhere(tensor(a))


def broadcast_arrays(*args):
    ts = [tensor(a) for a in args]
    shape = ()
    for t in ts:
        shape = _bshape(shape, t.shape)
    return [F.broadcast_to(t, shape) for t in ts]


def _bshape(s1, s2):
    n = len(s1) if len(s1) > len(s2) else len(s2)
    s1, s2 = (1,) * (n - len(s1)) + tuple(s1), (1,) * (n - len(s2)) + tuple(s2)
    out = []
    for d1, d2 in zip(s1, s2):
        if d1 != d2 and 1 not in (d1, d2):
            raise ValueError(f"operands could not be broadcast together with shapes {s1} {s2}")
        out.append(d2 if d1 == 1 else d1)
    return tuple(out)


def _index_mode(name, idx, n, mode):
    if mode == "clip":
        return F.clamp(idx, 0, n - 1)
    if mode == "wrap":
        return F.remainder(idx, n)
    if mode == "raise":
        if bool(F.any(F.logical_or(F.less(idx, 0), F.greater_equal(idx, n)))):
            raise ValueError(f"For '{name}', an index is out of range [0, {n}).")
        return idx
    raise ValueError(f"For '{name}', mode must be 'clip', 'wrap' or 'raise', but got {mode!r}.")


def choose(a, choices, mode="clip"):
    """out[i] = choices[a[i]][i], with the index array and the choices broadcast together."""
    idx = tensor(a)
    cs = [tensor(c) for c in choices]
    dt = cs[0].dtype
    for c in cs[1:]:
        dt = mstype.promote(dt, c.dtype)
    shape = idx.shape
    for c in cs:
        shape = _bshape(shape, c.shape)
    stacked = F.stack([F.broadcast_to(F.cast(c, dt), shape) for c in cs], 0)
    idx = _index_mode("choose", F.cast(F.broadcast_to(idx, shape), mstype.int32), len(cs), mode)
    return F.squeeze(F.gather_elements(stacked, 0, F.expand_dims(idx, 0)), 0)


def rot90(a, k=1, axes=(0, 1)):
    t = tensor(a)
    if t.ndim < 2:
        raise ValueError(f"For 'rot90', the array must have at least 2 dimensions, but got shape {t.shape}.")
    a0, a1 = axes[0] % t.ndim, axes[1] % t.ndim
    if a0 == a1:
        raise ValueError(f"For 'rot90', the axes must be different, but got {axes}.")
    k %= 4
    if k == 0:
        return t
    if k == 2:
        return F.flip(t, (a0, a1))
    perm = list(range(t.ndim))
    perm[a0], perm[a1] = perm[a1], perm[a0]
    if k == 1:
        return F.transpose(F.flip(t, (a1,)), tuple(perm))
    return F.flip(F.transpose(t, tuple(perm)), (a1,))


def select(condlist, choicelist, default=0):
    """Where the first true condition picks its choice; ``default`` where none holds."""
    conds, choices = [tensor(c) for c in condlist], [tensor(c) for c in choicelist]
    if len(conds) != len(choices):
        raise ValueError(f"For 'select', list of cases must be same length as list of conditions, but got "
                         f"{len(choices)} and {len(conds)}.")
    if not choices:
        raise ValueError("For 'select', select with an empty condition list is not possible.")
    shape = ()
    for t in conds + choices:
        shape = _bshape(shape, t.shape)
    dt = choices[0].dtype
    for c in choices[1:]:
        dt = mstype.promote(dt, c.dtype)
    out = F.cast(F.full(shape, default, dtype=mstype.float32), dt) if not isinstance(default, Tensor) else \
        F.cast(F.broadcast_to(default, shape), dt)
    for c, v in reversed(list(zip(conds, choices))):
        out = F.where(F.broadcast_to(F.cast(c, mstype.bool_), shape), F.broadcast_to(F.cast(v, dt), shape), out)
    return out


def piecewise(x, condlist, funclist, *args, **kw):
    """funclist[i] (a function of x, or a constant) where condlist[i] holds; an extra last function where none
    does; 0 elsewhere."""
    t = tensor(x)
    conds = [tensor(c) for c in (condlist if isinstance(condlist, (list, tuple)) else [condlist])]
    if len(funclist) not in (len(conds), len(conds) + 1):
        raise ValueError(f"For 'piecewise', with {len(conds)} condition(s), either {len(conds)} or "
                         f"{len(conds) + 1} functions are expected, but got {len(funclist)}.")
    if len(funclist) == len(conds) + 1:
        none = F.logical_not(F.any(F.stack([F.cast(c, mstype.bool_) for c in conds], 0), 0)) if conds else \
            F.ones(t.shape, mstype.bool_)
        conds = conds + [none]
    out = F.zeros_like(t)
    for c, fn in zip(conds, funclist):
        val = fn(t, *args, **kw) if callable(fn) else F.full_like(t, fn)
        out = F.where(F.cast(c, mstype.bool_), F.cast(val, t.dtype), out)
    return out


def take_along_axis(arr, indices, axis):
    t, idx = tensor(arr), tensor(indices)
    if axis is None:
        t, axis = F.reshape(t, (-1,)), 0
    if idx.ndim != t.ndim:
        raise ValueError(f"For 'take_along_axis', indices and arr must have the same number of dimensions, but got "
                         f"{idx.shape} and {t.shape}.")
    axis %= t.ndim
    shape = tuple(idx.shape[i] if i == axis else _bshape((t.shape[i],), (idx.shape[i],))[0] for i in range(t.ndim))
    tshape = tuple(t.shape[i] if i == axis else shape[i] for i in range(t.ndim))
    idx = F.where(F.less(idx, 0), F.add(idx, t.shape[axis]), idx)
    return F.gather_elements(F.broadcast_to(t, tshape), axis, F.broadcast_to(idx, shape))


def _strides(dims, order):
    if order not in ("C", "F"):
        raise ValueError(f"order must be 'C' or 'F', but got {order!r}.")
    strides, acc = [], 1
    for d in (reversed(dims) if order == "C" else dims):
        strides.append(acc)
        acc *= d
    return (strides[::-1] if order == "C" else strides), acc


def unravel_index(indices, shape, order="C"):
    """The coordinates (one Int32 array per dimension of ``shape``) of flat indices."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    idx = tensor(indices)
    if mstype.kind_of(idx._data.dtype) not in "iu":
        raise TypeError(f"For 'unravel_index', only int indices permitted, but got {idx.dtype}.")
    strides, total = _strides(shape, order)
    if bool(F.any(F.logical_or(F.less(idx, -total), F.greater_equal(idx, total)))):
        raise ValueError(f"For 'unravel_index', an index is out of bounds for an array of size {total}.")
    idx = F.cast(F.remainder(idx, total), mstype.int32)
    return tuple(F.remainder(F.floor_divide(idx, s), d) for s, d in zip(strides, shape))


def ravel_multi_index(multi_index, dims, mode="clip", order="C"):
    """The flat index of each coordinate tuple. Float32, as mindspore.numpy returns it (a quirk of 2.10)."""
    dims = (dims,) if isinstance(dims, int) else tuple(dims)
    coords = [tensor(c) for c in multi_index]
    if len(coords) != len(dims):
        raise ValueError(f"For 'ravel_multi_index', parameter multi_index must be a sequence of length {len(dims)}.")
    strides, _ = _strides(dims, order)
    out = None
    for c, s, d in zip(coords, strides, dims):
        if mstype.kind_of(c._data.dtype) not in "iu":
            raise TypeError("For 'ravel_multi_index', only int indices permitted.")
        term = F.mul(_index_mode("ravel_multi_index", F.cast(c, mstype.int32), d, mode), s)
        out = term if out is None else F.add(out, term)
    return F.cast(out, mstype.float32)


def searchsorted(a, v, side="left", sorter=None):
    """Where to insert ``v`` into the sorted 1-D ``a`` (Int32)."""
    t = tensor(a)
    if side not in ("left", "right"):
        raise ValueError(f"For 'searchsorted', side must be 'left' or 'right', but got {side!r}.")
    if t.ndim != 1:
        raise ValueError(f"For 'searchsorted', a should be 1-D, but got shape {t.shape}.")
    if sorter is not None:
        t = F.gather(t, F.cast(tensor(sorter), mstype.int32), 0)
    vals = F.cast(tensor(v), t.dtype)
    return F.cast(F.searchsorted(t, vals, side=side), mstype.int32)


# ---------------------------------------------------------------------------------------------- pad
def _pairs(name, width, ndim):
    if isinstance(width, Tensor):
        width = width.asnumpy().tolist()
    if isinstance(width, numbers.Number):
        return [(width, width)] * ndim
    width = list(width)
    if all(isinstance(w, numbers.Number) for w in width):
        if len(width) == 1:
            return [(width[0], width[0])] * ndim
        if len(width) == 2:
            return [tuple(width)] * ndim
    pairs = [tuple(w) if not isinstance(w, numbers.Number) else (w, w) for w in width]
    pairs = [(p[0], p[0]) if len(p) == 1 else p for p in pairs]
    if len(pairs) == 1:
        pairs = pairs * ndim
    if len(pairs) != ndim:
        raise ValueError(f"For '{name}', the pad width {width} does not fit an array of {ndim} dimensions.")
    return [(int(a), int(b)) for a, b in pairs]


def _index_map(mode, n, before, after):
    out = []
    for i in range(-before, n + after):
        if mode == "edge":
            j = 0 if i < 0 else n - 1 if i >= n else i
        elif mode == "wrap":
            j = i % n
        elif mode == "reflect":
            p = 2 * n - 2
            j = 0 if p == 0 else i % p
            j = p - j if j >= n else j
        else:                                   # symmetric
            j = i % (2 * n)
            j = 2 * n - 1 - j if j >= n else j
        out.append(j)
    return out


def _per_axis(value, ndim, axis):
    if isinstance(value, numbers.Number) or value is None:
        return value, value
    pairs = _pairs("pad", value, ndim)
    return pairs[axis]


def pad(arr, pad_width, mode="constant", stat_length=None, constant_values=0, end_values=0, reflect_type="even",
        **kwargs):
    """NumPy's pad modes (constant, edge, linear_ramp, maximum, mean, median, minimum, reflect, symmetric, wrap,
    empty), each axis in turn, built from slices, gathers and concatenations of the input."""
    t = tensor(arr)
    if callable(mode):
        raise NotImplementedError("For 'pad', a function as mode is not supported.")
    modes = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum", "reflect", "symmetric",
             "wrap", "empty")
    if mode not in modes:
        raise ValueError(f"For 'pad', mode must be one of {modes}, but got {mode!r}.")
    if reflect_type != "even":
        raise NotImplementedError("For 'pad', only reflect_type='even' is supported.")
    widths = _pairs("pad", pad_width, t.ndim)
    if any(w < 0 for p in widths for w in p):
        raise ValueError(f"For 'pad', the pad widths must be non-negative, but got {pad_width}.")
    for axis, (before, after) in enumerate(widths):
        if before == 0 and after == 0:
            continue
        n = t.shape[axis]
        if mode in ("constant", "empty"):
            cb, ca = _per_axis(constant_values if mode == "constant" else 0, t.ndim, axis)
            parts = [_fill_like(t, axis, before, cb), t, _fill_like(t, axis, after, ca)]
        elif mode in ("edge", "wrap", "reflect", "symmetric"):
            if n == 0:
                raise ValueError(f"For 'pad', can't extend the empty axis {axis} using modes other than 'constant' "
                                 f"or 'empty'.")
            t = F.gather(t, _const(_index_map(mode, n, before, after)), axis)
            continue
        elif mode == "linear_ramp":
            eb, ea = _per_axis(end_values, t.ndim, axis)
            first, last = _slice(t, axis, 0, 1), _slice(t, axis, n - 1, n)
            parts = [_ramp(first, eb, before, axis, True), t, _ramp(last, ea, after, axis, False)]
        else:
            lb, la = _per_axis(stat_length, t.ndim, axis)
            lb = n if lb is None else lb
            la = n if la is None else la
            stat = {"maximum": F.amax, "minimum": F.amin, "mean": F.mean, "median": _median}[mode]
            sb = stat(_slice(t, axis, 0, lb), axis, True)
            sa = stat(_slice(t, axis, n - la, n), axis, True)
            parts = [_repeat(sb, axis, before), t, _repeat(sa, axis, after)]
        t = F.concat([p for p in parts if p is not None and p.shape[axis] > 0], axis)
    return t


def _slice(t, axis, start, stop):
    idx = [slice(None)] * t.ndim
    idx[axis] = slice(start, stop)
    return t[tuple(idx)]


def _fill_like(t, axis, count, value):
    shape = list(t.shape)
    shape[axis] = count
    return F.cast(F.full(tuple(shape), value, dtype=mstype.float32), t.dtype)


def _repeat(s, axis, count):
    shape = list(s.shape)
    shape[axis] = count
    return F.broadcast_to(s, tuple(shape))


def _median(t, axis, keepdims):
    return F.median(t, axis, keepdims)[0] if isinstance(F.median(t, axis, keepdims), tuple) else \
        F.median(t, axis, keepdims)


def _ramp(edge, end, count, axis, before):
    """``count`` values going linearly from ``end`` to the edge value (before), or from the edge to ``end``."""
    if count == 0:
        return None
    shape = [1] * edge.ndim
    shape[axis] = count
    k = F.reshape(F.cast(F.arange(0, count), mstype.float32), tuple(shape))
    e = edge if mstype.kind_of(edge._data.dtype) in "fc" else F.cast(edge, mstype.float32)
    if before:
        vals = F.add(float(end), F.mul(F.sub(e, float(end)), F.div(k, float(count))))
    else:
        vals = F.add(e, F.mul(F.sub(float(end), e), F.div(F.add(k, 1.0), float(count))))
    return F.cast(vals, edge.dtype)


# ---------------------------------------------------------------------------------------------- apply
def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """func1d applied to each 1-D slice along ``axis``; its results (scalars or arrays) take that axis's place."""
    t = tensor(arr)
    axis %= t.ndim
    moved = F.moveaxis(t, axis, -1)
    outer = moved.shape[:-1]
    flat = F.reshape(moved, (-1, moved.shape[-1]))
    results = [tensor(func1d(flat[i], *args, **kwargs)) for i in range(flat.shape[0])]
    res = F.stack(results, 0)
    res = F.reshape(res, outer + res.shape[1:])
    if res.ndim == len(outer):
        return res
    lead, inner = list(range(len(outer))), list(range(len(outer), res.ndim))
    return F.transpose(res, tuple(lead[:axis] + inner + lead[axis:]))


def apply_over_axes(func, a, axes):
    t = tensor(a)
    for ax in ((axes,) if isinstance(axes, int) else axes):
        res = func(t, ax)
        t = res if res.ndim == t.ndim else F.expand_dims(res, ax)
        if t.ndim != tensor(a).ndim:
            raise ValueError("For 'apply_over_axes', the function is not returning an array of the correct shape.")
    return t


# ---------------------------------------------------------------------------------------------- logic and sets
def array_equiv(a1, a2):
    """Whether the arrays are equal after broadcasting (False where they cannot broadcast)."""
    t1, t2 = tensor(a1), tensor(a2)
    try:
        shape = _bshape(t1.shape, t2.shape)
    except ValueError:
        return Tensor(False)
    return F.all(F.equal(F.broadcast_to(t1, shape), F.broadcast_to(t2, shape)))


def in1d(ar1, ar2, invert=False):
    a, b = F.reshape(tensor(ar1), (-1, 1)), F.reshape(tensor(ar2), (1, -1))
    found = F.any(F.equal(a, b), 1)
    return F.logical_not(found) if invert else found


def isin(element, test_elements, invert=False):
    t = tensor(element)
    return F.reshape(in1d(t, test_elements, invert), t.shape)


def _sorted_unique(t):
    s = F.sort(F.reshape(t, (-1,)))[0]
    if s.shape[0] < 2:
        return s
    keep = F.concat([F.ones((1,), mstype.bool_), F.not_equal(s[1:], s[:-1])], 0)
    return F.masked_select(s, keep)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """The sorted values found in both arrays."""
    if return_indices:
        raise NotImplementedError("For 'intersect1d', return_indices is not supported.")
    u1 = _sorted_unique(tensor(ar1))
    return F.masked_select(u1, in1d(u1, _sorted_unique(tensor(ar2))))


def setdiff1d(ar1, ar2, assume_unique=False):
    """The sorted unique values of ar1 that are not in ar2."""
    u1 = _sorted_unique(tensor(ar1)) if not assume_unique else F.reshape(tensor(ar1), (-1,))
    return F.masked_select(u1, in1d(u1, tensor(ar2), invert=True))


def isscalar(element):
    return isinstance(element, (numbers.Number, str, bytes))


def promote_types(type1, type2):
    return mstype.promote(dtype_of(type1), dtype_of(type2))


def result_type(*arrays_and_dtypes):
    if not arrays_and_dtypes:
        raise ValueError("For 'result_type', at least one array or dtype is required.")
    out = None
    for v in arrays_and_dtypes:
        if isinstance(v, Tensor):
            dt = v.dtype
        elif isinstance(v, bool):
            dt = mstype.bool_
        elif isinstance(v, int):
            dt = mstype.int32
        elif isinstance(v, float):
            dt = mstype.float32
        else:
            dt = dtype_of(v)
        out = dt if out is None else mstype.promote(out, dt)
    return out


def array_str(a):
    """The array's values as NumPy prints them (str of the data)."""
    return str(tensor(a).asnumpy())


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
__all__ += ["mgrid", "ogrid"]
