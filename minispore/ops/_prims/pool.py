"""Max and average pooling in one, two and three spatial dimensions, channels first.

The windows are a strided view of the padded input (as in ``conv``); ``pads`` already hold any ceil_mode
extension at the end. Max pooling pads with -inf and sends each window's gradient to its first maximum (the
element MindSpore's and PyTorch's kernels pick); ``MaxPoolGrad`` is linear in ``dout`` and flat in ``x`` (its
derivative there is zero almost everywhere), and its adjoint ``MaxPoolGradGrad`` gathers at the same maxima.
Average pooling divides each window's sum by a divisor fixed by the parameters (``counted``: the padding that
counts as elements, or a ``divisor`` override), so ``AvgPool`` and ``AvgPoolGrad`` are each other's adjoints.
"""
from ..._core import backend
from ._base import NONDIFF, Primitive, bind, xp
from .conv import _crop, _offsets, _padded, _target, conv_out_sizes, scatter_windows
from ..._core.dtype import kind_of


def _out(x_shape, kernel, stride, dilation, pads):
    return conv_out_sizes(x_shape[2:], kernel, stride, dilation, pads)


# ----------------------------------------------------------------------------- max
def _max_windows(x, kernel, stride, dilation, pads):
    out_sizes = _out(x.shape, kernel, stride, dilation, pads)
    xpad = _padded(x, pads, -xp.inf if kind_of(x.dtype) == "f" else xp.iinfo(x.dtype).min)
    return xpad, out_sizes


def _slices(xpad, kernel, stride, dilation, out_sizes):
    """Each kernel offset's strided slice of the padded input, (N, C, *out) views: elementwise work over K
    slices is much faster than a reduction over the strided window axes."""
    for offset in _offsets(kernel):
        yield xpad[_target(offset, dilation, stride, out_sizes)]


def _max_pool_impl(x, kernel, stride, dilation, pads):
    xpad, out_sizes = _max_windows(x, kernel, stride, dilation, pads)
    slices = _slices(xpad, kernel, stride, dilation, out_sizes)
    out = next(slices).copy()
    for s in slices:
        xp.maximum(out, s, out=out)
    return out


def _first_max(x, kernel, stride, dilation, pads):
    """Each window's first maximum, as an index into the flattened kernel: (N, C, *out). A NaN is the maximum
    of its window (as in the forward pass); a window of -inf and padding picks its first real element."""
    xpad, out_sizes = _max_windows(x, kernel, stride, dilation, pads)
    slices = list(_slices(xpad, kernel, stride, dilation, out_sizes))
    best = slices[0].copy()
    arg = xp.zeros(best.shape, xp.int8 if len(slices) < 128 else xp.int64)
    padded = any(lo or hi for lo, hi in pads)
    if not padded:
        # one pass per offset: where an offset is strictly greater, it becomes the maximum (ties keep the first);
        # arithmetic on the 1-byte mask is several times faster than a masked assignment
        for i, s in enumerate(slices[1:], 1):
            greater = (s > best).view(xp.int8)
            xp.maximum(best, s, out=best)
            arg += greater * (i - arg)
        if kind_of(x.dtype) != "f" or not xp.isnan(best).any():
            return arg, out_sizes
        arg[...] = 0
    else:
        for s in slices[1:]:
            xp.maximum(best, s, out=best)
    # the general case (padding, or NaN): mark each offset that reaches the maximum, from last to first
    nan = xp.isnan(best) if kind_of(x.dtype) == "f" else None
    inside = _inside(x.shape, kernel, stride, dilation, pads, out_sizes) if padded else None
    for i in range(len(slices) - 1, -1, -1):
        hit = slices[i] == best
        if nan is not None and nan.any():
            hit |= xp.isnan(slices[i])
        if inside is not None:
            hit &= inside[i]
        xp.putmask(arg, hit, i)
    return arg, out_sizes


def _inside(x_shape, kernel, stride, dilation, pads, out_sizes):
    """For each kernel offset, whether its element of each window is a real (not padding) element, as arrays
    broadcasting against (N, C, *out)."""
    result = []
    for offset in _offsets(kernel):
        mask = True
        for dim, (k, s, d, (lo, _), n, p) in enumerate(zip(offset, stride, dilation, pads, x_shape[2:], out_sizes)):
            pos = xp.arange(p) * s + k * d - lo
            m = ((pos >= 0) & (pos < n)).reshape((-1,) + (1,) * (len(out_sizes) - dim - 1))
            mask = mask & m
        result.append(mask)
    return result


def _max_pool_grad_impl(dout, x, kernel, stride, dilation, pads):
    arg, out_sizes = _first_max(x, kernel, stride, dilation, pads)
    dxpad = xp.zeros(x.shape[:2] + tuple(n + lo + hi for n, (lo, hi) in zip(x.shape[2:], pads)), dout.dtype)
    # windows that do not overlap (stride >= the dilated kernel) write disjoint slices: no accumulation
    disjoint = all(s >= d * (k - 1) + 1 for s, d, k in zip(stride, dilation, kernel))
    for i, offset in enumerate(_offsets(kernel)):
        target = _target(offset, dilation, stride, out_sizes)
        if disjoint:
            xp.multiply(dout, arg == i, out=dxpad[target])
        else:
            dxpad[target] += dout * (arg == i)
    return _crop(dxpad, x.shape, pads)


def _max_pool_grad_grad_impl(g, x, kernel, stride, dilation, pads):
    arg, out_sizes = _first_max(x, kernel, stride, dilation, pads)
    out = xp.zeros(arg.shape, g.dtype)
    for i, s in enumerate(_slices(_padded(g, pads, 0), kernel, stride, dilation, out_sizes)):
        xp.copyto(out, s, where=arg == i)
    return out


def _max_pool_argmax_impl(x, kernel, stride, dilation, pads):
    """The flat index (into each channel's unpadded spatial elements) of every window's first maximum."""
    arg, out_sizes = _first_max(x, kernel, stride, dilation, pads)
    position = 0
    k_index = xp.unravel_index(arg, kernel)
    for dim, (size, (lo, _)) in enumerate(zip(x.shape[2:], pads)):
        grid = xp.arange(out_sizes[dim]).reshape((-1,) + (1,) * (len(out_sizes) - dim - 1)) * stride[dim]
        coord = grid + k_index[dim] * dilation[dim] - lo
        position = position * size + coord
    return position.astype(backend.xp.int64)


def _check(name, x, kernel, stride, dilation, pads):
    nd = len(kernel)
    if len(x.shape) != nd + 2:
        raise ValueError(f"For '{name}', the input must be {nd + 2}-D, but got shape {tuple(x.shape)}.")
    out = _out(x.shape, kernel, stride, dilation, pads)
    if min(out) < 1:
        raise ValueError(f"For '{name}', the kernel {tuple(kernel)} is larger than the padded input: input shape "
                         f"{tuple(x.shape)}, pads {pads}.")
    return tuple(x.shape[:2]) + out


def _max_abstract(x, kernel, stride, dilation, pads):
    return _check("MaxPool", x, kernel, stride, dilation, pads), x.dtype


max_pool_p = Primitive("MaxPool", _max_pool_impl, 1, _max_abstract)
max_pool_grad_p = Primitive("MaxPoolGrad", _max_pool_grad_impl, 2,
                            lambda dout, x, **p: (x.shape, dout.dtype))
max_pool_grad_grad_p = Primitive("MaxPoolGradGrad", _max_pool_grad_grad_impl, 2,
                                 lambda g, x, **p: (_check("MaxPoolGradGrad", x, **p), g.dtype))
max_pool_argmax_p = Primitive("MaxPoolArgmax", _max_pool_argmax_impl, 1,
                              lambda x, **p: (_check("MaxPool", x, **p), xp.dtype("int64")))

max_pool_p.def_vjp(lambda dout, out, x, **p: bind(max_pool_grad_p, dout, x, **p))
max_pool_grad_p.def_vjp(lambda g, out, dout, x, **p: bind(max_pool_grad_grad_p, g, x, **p), NONDIFF)
max_pool_grad_grad_p.def_vjp(lambda g, out, gin, x, **p: bind(max_pool_grad_p, g, x, **p), NONDIFF)
max_pool_argmax_p.def_vjp(NONDIFF)


def _geometry(kernel, stride, dilation, pads):
    return dict(kernel=tuple(kernel), stride=tuple(stride), dilation=tuple(dilation),
                pads=tuple(map(tuple, pads)))


def max_pool(x, kernel, stride, dilation, pads):
    return bind(max_pool_p, x, **_geometry(kernel, stride, dilation, pads))


def max_pool_argmax(x, kernel, stride, dilation, pads):
    return bind(max_pool_argmax_p, x, **_geometry(kernel, stride, dilation, pads))


# ----------------------------------------------------------------------------- average
def _counts(size, k, s, lo, out, counted):
    """How many elements of each window along one dimension count in the divisor: those inside the input or
    inside the ``counted`` (before, after) part of the padding."""
    c_lo, c_hi = counted
    starts = [p * s - lo for p in range(out)]
    return [max(0, min(st + k, size + c_hi) - max(st, -c_lo)) for st in starts]


def _divisor(x_shape, kernel, stride, pads, counted, divisor, dtype):
    out_sizes = _out(x_shape, kernel, stride, (1,) * len(kernel), pads)
    if divisor:
        return backend.asarray(divisor, dtype)
    total = None
    for dim, (size, k, s, (lo, _), c) in enumerate(zip(x_shape[2:], kernel, stride, pads, counted)):
        counts = backend.asarray(_counts(size, k, s, lo, out_sizes[dim], c), dtype)
        counts = counts.reshape((-1,) + (1,) * (len(kernel) - dim - 1))
        total = counts if total is None else total * counts
    return xp.maximum(total, 1)     # (a window of padding only: MindSpore's kernels give 0, not nan)


def _avg_pool_impl(x, kernel, stride, pads, counted, divisor):
    out_sizes = _out(x.shape, kernel, stride, (1,) * len(kernel), pads)
    slices = _slices(_padded(x, pads, 0), kernel, stride, (1,) * len(kernel), out_sizes)
    total = next(slices).copy()
    for s in slices:
        total += s
    total /= _divisor(x.shape, kernel, stride, pads, counted, divisor, x.dtype)
    return total


def _avg_pool_grad_impl(dout, kernel, stride, pads, counted, divisor, x_shape):
    out_sizes = dout.shape[2:]
    share = dout / _divisor(x_shape, kernel, stride, pads, counted, divisor, dout.dtype)
    dxpad = xp.zeros(tuple(x_shape[:2]) + tuple(n + lo + hi for n, (lo, hi) in zip(x_shape[2:], pads)),
                     dout.dtype)
    scatter_windows(dxpad, lambda offset: share, kernel, (1,) * len(kernel), stride, out_sizes)
    return _crop(dxpad, x_shape, pads)


def _avg_abstract(x, kernel, stride, pads, counted, divisor):
    return _check("AvgPool", x, kernel, stride, (1,) * len(kernel), pads), x.dtype


avg_pool_p = Primitive("AvgPool", _avg_pool_impl, 1, _avg_abstract)
avg_pool_grad_p = Primitive("AvgPoolGrad", _avg_pool_grad_impl, 1,
                            lambda dout, x_shape, **p: (tuple(x_shape), dout.dtype))
avg_pool_p.def_vjp(lambda dout, out, x, **p: bind(avg_pool_grad_p, dout, x_shape=tuple(x._data.shape), **p))
avg_pool_grad_p.def_vjp(lambda g, out, dout, x_shape, **p: bind(avg_pool_p, g, **p))


def avg_pool(x, kernel, stride, pads, counted=None, divisor=0):
    """Average over windows; ``counted``: the (before, after) padding per dimension that counts in the divisor
    (default: none, only real elements count); ``divisor``: a fixed divisor instead."""
    nd = len(kernel)
    counted = ((0, 0),) * nd if counted is None else tuple(map(tuple, counted))
    return bind(avg_pool_p, x, kernel=tuple(kernel), stride=tuple(stride), pads=tuple(map(tuple, pads)),
                counted=counted, divisor=int(divisor))


# ----------------------------------------------------------------------------- adaptive windows
def adaptive_bounds(size, out):
    """Window i of ``out`` over ``size`` elements: [floor(i * size / out), ceil((i + 1) * size / out))."""
    return [((i * size) // out, -(-((i + 1) * size) // out)) for i in range(out)]


def adaptive_average_matrix(size, out, dtype):
    """(out, size): row i averages window i."""
    m = xp.zeros((out, size), dtype)
    for i, (lo, hi) in enumerate(adaptive_bounds(size, out)):
        m[i, lo:hi] = 1.0 / (hi - lo)
    return m


def adaptive_gather_index(size, out):
    """(positions, window length): window i's elements at positions [i * K, (i + 1) * K), short windows filled
    with ``size`` (the index of a -inf pad element)."""
    bounds = adaptive_bounds(size, out)
    k = max(hi - lo for lo, hi in bounds)
    positions = []
    for lo, hi in bounds:
        positions += list(range(lo, hi)) + [size] * (k - (hi - lo))
    return backend.asarray(positions, xp.int64), k
