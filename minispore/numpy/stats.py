"""mindspore.numpy's statistics, histograms, signals and polynomials: cov, corrcoef, diff, ediff1d, gradient,
trapz, histogram (and _bin_edges, 2d, dd), bincount, digitize, interp, convolve, correlate, unwrap, and
polyadd/polysub/polymul/polyval/polyder/polyint. Everything is built on minispore's ops, so the float results
are differentiable; bin counts are Float32, as in mindspore.numpy."""
from builtins import range as _range

from .._core import dtype as mstype
from .._core.tensor import Tensor
from ..ops import function as F
from ._common import tensor
from .math_ops import _cast

_PI = 3.141592653589793


def _float(t):
    return t if mstype.kind_of(t._data.dtype) in "fc" else F.cast(t, mstype.float32)


def _along(t, axis, start, stop):
    """t[..., start:stop, ...] on ``axis``."""
    idx = [slice(None)] * t.ndim
    idx[axis] = slice(start, stop)
    return t[tuple(idx)]


# ---------------------------------------------------------------------------------------------- covariance
def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, dtype=None):
    """The covariance matrix of the variables (rows, or columns with ``rowvar=False``) of ``m`` (and ``y``)."""
    x = _float(tensor(m))
    if x.ndim > 2:
        raise ValueError(f"For 'cov', m must have at most 2 dimensions, but got shape {x.shape}.")
    x = F.reshape(x, (1, -1)) if x.ndim < 2 else x
    if not rowvar:
        x = F.transpose(x, (1, 0))
    if y is not None:
        yt = _float(tensor(y))
        yt = F.reshape(yt, (1, -1)) if yt.ndim < 2 else yt
        if not rowvar:
            yt = F.transpose(yt, (1, 0))
        x = F.concat([x, F.cast(yt, x.dtype)], 0)
    ddof = (0 if bias else 1) if ddof is None else ddof
    n = x.shape[1]
    w = None
    if fweights is not None:
        w = F.cast(tensor(fweights), x.dtype)
    if aweights is not None:
        aw = F.cast(tensor(aweights), x.dtype)
        w = aw if w is None else F.mul(w, aw)
    if w is None:
        avg = F.mean(x, 1, True)
        fact = float(n - ddof)
    else:
        if w.shape != (n,):
            raise ValueError(f"For 'cov', the weights must have shape ({n},), but got {w.shape}.")
        wsum = F.sum(w)
        avg = F.div(F.sum(F.mul(x, w), 1, True), wsum)
        if ddof == 0:
            fact = wsum
        elif aweights is None:
            fact = F.sub(wsum, ddof)
        else:
            fact = F.sub(wsum, F.div(F.mul(ddof, F.sum(F.mul(w, F.cast(tensor(aweights), x.dtype)))), wsum))
    xc = F.sub(x, avg)
    xw = xc if w is None else F.mul(xc, w)
    out = F.div(F.matmul(xw, F.transpose(xc, (1, 0))), fact)
    out = F.squeeze(out) if out.shape == (1, 1) else out
    return _cast(out, dtype)


def corrcoef(x, y=None, rowvar=True, dtype=None):
    c = cov(x, y, rowvar)
    if c.ndim == 0:
        return _cast(F.div(c, c), dtype)
    d = F.sqrt(F.diagonal(c))
    out = F.div(F.div(c, F.reshape(d, (-1, 1))), F.reshape(d, (1, -1)))
    return _cast(F.clamp(out, -1.0, 1.0), dtype)


# ---------------------------------------------------------------------------------------------- differences
def _edge(v, t, axis):
    """A prepend/append value as a Tensor shaped like one slice of ``t`` on ``axis``."""
    v = F.cast(tensor(v), t.dtype)
    if v.ndim == 0:
        shape = list(t.shape)
        shape[axis] = 1
        v = F.broadcast_to(v, tuple(shape))
    return v


def diff(a, n=1, axis=-1, prepend=None, append=None):
    t = tensor(a)
    if t.ndim == 0:
        raise ValueError("For 'diff', the input must have at least 1 dimension.")
    axis %= t.ndim
    parts = ([_edge(prepend, t, axis)] if prepend is not None else []) + [t] + \
        ([_edge(append, t, axis)] if append is not None else [])
    t = F.concat(parts, axis) if len(parts) > 1 else t
    for _ in range(n):
        t = F.sub(_along(t, axis, 1, None), _along(t, axis, 0, -1))
    return t


def ediff1d(ary, to_end=None, to_begin=None):
    t = F.reshape(tensor(ary), (-1,))
    out = F.sub(t[1:], t[:-1])
    parts = []
    if to_begin is not None:
        parts.append(F.reshape(F.cast(tensor(to_begin), out.dtype), (-1,)))
    parts.append(out)
    if to_end is not None:
        parts.append(F.reshape(F.cast(tensor(to_end), out.dtype), (-1,)))
    return F.concat(parts, 0) if len(parts) > 1 else out


def gradient(f, *varargs, axis=None, edge_order=1):
    """Central differences inside, one-sided differences at the ends, with a scalar spacing per axis; a list of
    results for several axes."""
    t = _float(tensor(f))
    axes = tuple(range(t.ndim)) if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
    axes = tuple(a % t.ndim for a in axes)
    if edge_order != 1:
        raise NotImplementedError("edge_order != 1 not implemented")
    if not varargs:
        dx = (1,) * len(axes)
    elif len(varargs) == 1:
        dx = varargs * len(axes)
    elif len(varargs) == len(axes):
        dx = varargs
    else:
        raise TypeError(f"For 'gradient', invalid number of spacing arguments: {len(varargs)} for {len(axes)} axes.")
    out = []
    for h, ax in zip(dx, axes):
        if isinstance(h, Tensor) and h.ndim != 0 or not isinstance(h, (int, float, Tensor)):
            raise NotImplementedError("Non-constant spacing not implemented")
        if t.shape[ax] < 2:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at least 2 elements are "
                             "required.")
        first = F.div(F.sub(_along(t, ax, 1, 2), _along(t, ax, 0, 1)), h)
        last = F.div(F.sub(_along(t, ax, -1, None), _along(t, ax, -2, -1)), h)
        parts = [first]
        if t.shape[ax] > 2:
            parts.append(F.div(F.sub(_along(t, ax, 2, None), _along(t, ax, 0, -2)), F.mul(h, 2.0)))
        parts.append(last)
        out.append(F.concat(parts, ax))
    return out[0] if len(out) == 1 else out


def trapz(y, x=None, dx=1.0, axis=-1):
    t = _float(tensor(y))
    axis %= t.ndim
    avg = F.div(F.add(_along(t, axis, 1, None), _along(t, axis, 0, -1)), 2.0)
    if x is None:
        return F.mul(F.sum(avg, axis), dx)
    xs = _float(tensor(x))
    d = F.sub(xs[1:], xs[:-1]) if xs.ndim == 1 else F.sub(_along(xs, axis, 1, None), _along(xs, axis, 0, -1))
    if xs.ndim == 1 and t.ndim > 1:
        shape = [1] * t.ndim
        shape[axis] = -1
        d = F.reshape(d, tuple(shape))
    return F.sum(F.mul(avg, d), axis)


def unwrap(p, discont=_PI, axis=-1):
    """Unwraps the phase: differences larger than ``discont`` become their 2*pi complement."""
    if not isinstance(discont, (int, float)):
        raise TypeError("For 'unwrap', discont should be a float.")
    t = _float(tensor(p))
    axis %= t.ndim
    dd = diff(t, axis=axis)
    ddmod = F.sub(F.remainder(F.add(dd, _PI), 2 * _PI), _PI)
    ddmod = F.where(F.logical_and(F.equal(ddmod, -_PI), F.greater(dd, 0)), F.full_like(ddmod, _PI), ddmod)
    correct = F.sub(ddmod, dd)
    correct = F.where(F.less(F.abs(dd), discont), F.zeros_like(correct), correct)
    return F.concat([_along(t, axis, 0, 1), F.add(_along(t, axis, 1, None), F.cumsum(correct, axis))], axis)


# ---------------------------------------------------------------------------------------------- histograms
def _edges(a, bins, rng):
    if isinstance(bins, int):
        if bins < 1:
            raise ValueError(f"For 'histogram', bins must be a positive integer, but got {bins}.")
        if rng is None:
            lo, hi = F.amin(a), F.amax(a)
        else:
            lo, hi = F.cast(tensor(float(rng[0])), a.dtype), F.cast(tensor(float(rng[1])), a.dtype)
        if float(lo) > float(hi):
            raise ValueError(f"For 'histogram', max must be larger than min in range parameter, got {rng}.")
        if float(lo) == float(hi):
            lo, hi = F.sub(lo, 0.5), F.add(hi, 0.5)
        step = F.div(F.sub(hi, lo), float(bins))
        inner = F.add(lo, F.mul(F.cast(F.arange(0, bins), a.dtype), step))
        return F.concat([inner, F.reshape(hi, (1,))], 0)      # the last edge is exactly the maximum
    e = F.cast(tensor(bins), a.dtype)
    if e.ndim != 1:
        raise ValueError(f"For 'histogram', bins must be an int or a 1-D array, but got shape {e.shape}.")
    return e


def _bin_index(a, edges):
    """Each value's bin (the last edge belongs to the last bin), and whether it falls inside the edges."""
    nb = edges.shape[0] - 1
    idx = F.sub(F.cast(F.searchsorted(edges, a, side="right"), mstype.int32), 1)
    idx = F.where(F.equal(a, edges[-1]), F.full_like(idx, nb - 1), idx)
    inside = F.logical_and(F.greater_equal(a, edges[0]), F.less_equal(a, edges[-1]))
    return F.clamp(idx, 0, nb - 1), inside


def _counts(flat_idx, inside, weights, n):
    onehot = F.cast(F.equal(F.reshape(flat_idx, (-1, 1)), F.reshape(F.arange(0, n), (1, -1))), mstype.float32)
    w = F.cast(inside, mstype.float32)
    if weights is not None:
        w = F.mul(w, F.cast(F.reshape(tensor(weights), (-1,)), mstype.float32))
    return F.sum(F.mul(onehot, F.reshape(w, (-1, 1))), 0)


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002
    t = _float(F.reshape(tensor(a), (-1,)))
    return _edges(t, bins, range)


def histogram(a, bins=10, range=None, weights=None, density=False):  # noqa: A002
    """(counts, bin edges); counts are Float32 (weighted sums with ``weights``), densities with ``density``."""
    t = _float(F.reshape(tensor(a), (-1,)))
    if weights is not None and tuple(tensor(weights).shape) != tuple(tensor(a).shape):
        raise ValueError(f"For 'histogram', weights should have the same shape as a, but got "
                         f"{tensor(weights).shape} and {tensor(a).shape}.")
    edges = _edges(t, bins, range)
    idx, inside = _bin_index(t, edges)
    counts = _counts(idx, inside, weights, edges.shape[0] - 1)
    if density:
        widths = F.cast(F.sub(edges[1:], edges[:-1]), mstype.float32)
        counts = F.div(F.div(counts, F.sum(counts)), widths)
    return counts, edges


def histogramdd(sample, bins=10, range=None, weights=None, density=False):  # noqa: A002
    """(counts of shape (bins_1, ..., bins_D), a list of D edge arrays) for an (N, D) sample."""
    s = _float(tensor(sample))
    if s.ndim != 2:
        raise ValueError(f"For 'histogramdd', sample must be an (N, D) array, but got shape {s.shape}.")
    d = s.shape[1]
    bins = [bins] * d if isinstance(bins, int) else list(bins)
    ranges = [None] * d if range is None else list(range)
    if len(bins) != d or len(ranges) != d:
        raise ValueError(f"For 'histogramdd', bins and range must have one entry per dimension ({d}).")
    edges, flat, inside, shape = [], None, None, []
    for i in _range(d):
        col = s[:, i]
        e = _edges(col, bins[i], ranges[i])
        idx, ins = _bin_index(col, e)
        nb = e.shape[0] - 1
        flat = idx if flat is None else F.add(F.mul(flat, nb), idx)
        inside = ins if inside is None else F.logical_and(inside, ins)
        edges.append(e)
        shape.append(nb)
    n = 1
    for nb in shape:
        n *= nb
    counts = F.reshape(_counts(flat, inside, weights, n), tuple(shape))
    if density:
        vol = None
        for i, e in enumerate(edges):
            w = F.cast(F.sub(e[1:], e[:-1]), mstype.float32)
            w = F.reshape(w, tuple(-1 if j == i else 1 for j in _range(d)))
            vol = w if vol is None else F.mul(vol, w)
        counts = F.div(F.div(counts, F.sum(counts)), vol)
    return counts, edges


def histogram2d(x, y, bins=10, range=None, weights=None, density=False):  # noqa: A002
    counts, edges = histogramdd(F.stack([F.reshape(tensor(x), (-1,)), F.reshape(tensor(y), (-1,))], 1), bins, range,
                                weights, density)
    return counts, edges[0], edges[1]


def bincount(x, weights=None, minlength=0, length=None):
    """How often each value 0..length-1 occurs in the 1-D integer ``x`` (weighted sums with ``weights``), Float32
    as in mindspore.numpy; negative values are counted in bin 0 (mindspore.numpy clips them)."""
    t = tensor(x)
    if t.ndim != 1:
        raise ValueError(f"For 'bincount', x should be one-dimensional, but got shape {t.shape}.")
    if mstype.kind_of(t._data.dtype) not in "iu":
        raise TypeError(f"For 'bincount', x should be an array of ints, but got {t.dtype}.")
    t = F.clamp(t, 0, None)
    if length is None:
        top = int(F.amax(t)) if t.shape[0] else -1
        length = (top if top > minlength - 1 else minlength - 1) + 1
    if weights is not None and tuple(tensor(weights).shape) != tuple(t.shape):
        raise ValueError(f"For 'bincount', x and weights must have the same length, but got {t.shape} and "
                         f"{tensor(weights).shape}.")
    return _counts(t, F.greater_equal(t, 0), weights, length)


def digitize(x, bins, right=False):
    """The index of the bin each value falls in (increasing or decreasing ``bins``), Int32."""
    t, b = tensor(x), tensor(bins)
    if b.ndim != 1:
        raise ValueError(f"For 'digitize', bins should be 1-dimensional, but got shape {b.shape}.")
    dt = mstype.promote(t.dtype, b.dtype)
    t, b = F.cast(t, dt), F.cast(b, dt)
    side = "left" if right else "right"
    n = b.shape[0]
    if n == 0:
        return F.zeros(t.shape, mstype.int32)
    if float(b[0]) <= float(b[-1]):
        return F.cast(F.searchsorted(b, t, side=side), mstype.int32)
    return F.cast(F.sub(n, F.searchsorted(F.flip(b, (0,)), t, side=side)), mstype.int32)


def interp(x, xp, fp, left=None, right=None):
    """Piecewise-linear interpolation of (xp, fp) at x; ``left``/``right`` outside (default fp[0], fp[-1])."""
    xs, xps, fps = _float(tensor(x)), _float(tensor(xp)), _float(tensor(fp))
    if xps.ndim != 1 or fps.ndim != 1 or xps.shape != fps.shape:
        raise ValueError(f"For 'interp', xp and fp must be 1-D arrays of the same length, but got {xps.shape} "
                         f"and {fps.shape}.")
    n = xps.shape[0]
    i = F.clamp(F.cast(F.searchsorted(xps, xs, side="right"), mstype.int32), 1, n - 1)
    x0, x1 = F.gather(xps, F.sub(i, 1), 0), F.gather(xps, i, 0)
    f0, f1 = F.gather(fps, F.sub(i, 1), 0), F.gather(fps, i, 0)
    out = F.add(f0, F.mul(F.div(F.sub(xs, x0), F.sub(x1, x0)), F.sub(f1, f0)))
    out = F.where(F.less(xs, xps[0]), F.full_like(out, 0) + (fps[0] if left is None else left), out)
    out = F.where(F.greater(xs, xps[-1]), F.full_like(out, 0) + (fps[-1] if right is None else right), out)
    out = F.where(F.equal(xs, xps[-1]), F.full_like(out, 0) + fps[-1], out)
    return out


# ---------------------------------------------------------------------------------------------- convolution
def _correlate_full(a, v):
    """c[k] = sum_n a[n + k - (m - 1)] * v[n], k = 0 .. len(a) + len(v) - 2 (numpy.correlate's 'full')."""
    m = v.shape[0]
    ap = F.pad(a, (m - 1, m - 1))
    return F.reshape(F.conv1d(F.reshape(ap, (1, 1, -1)), F.reshape(v, (1, 1, -1))), (-1,))


def _one_d(name, a, v):
    a, v = tensor(a), tensor(v)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError(f"For '{name}', the inputs must be 1-D, but got shapes {a.shape} and {v.shape}.")
    if a.shape[0] == 0 or v.shape[0] == 0:
        raise ValueError(f"For '{name}', the inputs cannot be empty.")
    dt = mstype.promote(a.dtype, v.dtype)
    work = dt if mstype.kind_of(dt.np_dtype) == "f" else mstype.float32
    return F.cast(a, work), F.cast(v, work), dt


def _mode(name, full, n, m, mode):
    if mode == "full":
        return full
    small, big = (n, m) if n < m else (m, n)
    if mode == "same":
        start = (small - 1) // 2
        return full[start:start + big]
    if mode == "valid":
        return full[small - 1:big]
    raise ValueError(f"For '{name}', mode must be 'full', 'same' or 'valid', but got {mode!r}.")


def convolve(a, v, mode="full"):
    a, v, dt = _one_d("convolve", a, v)
    if v.shape[0] > a.shape[0]:
        a, v = v, a
    full = _correlate_full(a, F.flip(v, (0,)))
    return F.cast(_mode("convolve", full, a.shape[0], v.shape[0], mode), dt)


def correlate(a, v, mode="valid"):
    a, v, dt = _one_d("correlate", a, v)
    n, m = a.shape[0], v.shape[0]
    full = _correlate_full(a, v) if n >= m else F.flip(_correlate_full(v, a), (0,))
    return F.cast(_mode("correlate", full, n, m, mode), dt)


# ---------------------------------------------------------------------------------------------- polynomials
def _poly(p):
    t = tensor(p)
    if t.ndim != 1:
        raise ValueError(f"For the polynomial functions, coefficients must be 1-D, but got shape {t.shape}.")
    return t


def _poly_pair(a1, a2):
    a, b = _poly(a1), _poly(a2)
    dt = mstype.promote(a.dtype, b.dtype)
    a, b = F.cast(a, dt), F.cast(b, dt)
    n = a.shape[0] if a.shape[0] > b.shape[0] else b.shape[0]
    return F.pad(a, (n - a.shape[0], 0)), F.pad(b, (n - b.shape[0], 0))


def polyadd(a1, a2):
    a, b = _poly_pair(a1, a2)
    return F.add(a, b)


def polysub(a1, a2):
    a, b = _poly_pair(a1, a2)
    return F.sub(a, b)


def polymul(a1, a2):
    return convolve(a1, a2)


def polyval(p, x):
    """p[0] * x**(N-1) + ... + p[N-1], by Horner's rule."""
    pt = _poly(p)
    xs = tensor(x)
    dt = mstype.promote(pt.dtype, xs.dtype)
    dt = dt if mstype.kind_of(dt.np_dtype) in "fc" else mstype.float32       # Float32 for ints, as in mnp
    pt, xs = F.cast(pt, dt), F.cast(xs, dt)
    out = F.broadcast_to(pt[0], xs.shape)
    for i in _range(1, pt.shape[0]):
        out = F.add(F.mul(out, xs), pt[i])
    return out


def polyder(p, m=1):
    if m < 0:
        raise ValueError(f"For 'polyder', the order of derivation m must be non-negative, but got {m}.")
    t = _poly(p)
    for _ in _range(m):
        n = t.shape[0]
        if n <= 1:
            return F.zeros((1,), t.dtype)
        t = F.mul(t[:-1], F.cast(F.arange(n - 1, 0, -1), t.dtype))
    return t


def polyint(p, m=1, k=None):
    """The m-th antiderivative; ``k`` the integration constants (a scalar for all, or one per step)."""
    if m < 0:
        raise ValueError(f"For 'polyint', the order of integration m must be non-negative, but got {m}.")
    t = _float(_poly(p))
    if k is None:
        ks = [0.0] * m
    elif isinstance(k, (int, float)):
        ks = [float(k)] * m
    else:
        kt = F.reshape(tensor(k), (-1,))
        ks = [kt[i] for i in _range(kt.shape[0])] if kt.shape[0] != 1 else [kt[0]] * m
        if len(ks) != m:
            raise ValueError(f"For 'polyint', k must be a scalar or have length m={m}, but got {len(ks)}.")
    for i in _range(m):
        n = t.shape[0]
        t = F.concat([F.div(t, F.cast(F.arange(n, 0, -1), t.dtype)),
                      F.reshape(F.cast(tensor(ks[i]), t.dtype), (1,))], 0)
    return t



__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
