"""Convolution in one, two and three spatial dimensions, channels first.

One kernel each way, as in MindSpore (Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter): ``Conv(x, w)`` and its
two gradients are primitives of their own, so a transposed convolution is ``ConvBackpropInput`` run forwards and
every derivative can be differentiated again. The three are bilinear and each one's rules are the other two:
with ``y = Conv(x, w)``, ``<dy, Conv(x, w)> = <BackpropInput(dy, w), x> = <BackpropFilter(dy, x), w>``.

The kernels are im2col: a strided *view* of the padded input holds every window (no copy), one copy lays the
windows out as a (N, C*K, P) matrix, and one matrix product per group does the work (the product of the weight
(O, C*K) with each sample's columns writes the output directly in the NC... layout, with no transpose after).
Measured against the alternatives (one (N*P, C*K) product and a transposed copy, or one (C*K, N*P) product) in
benchmarks/cnn_step.py's notes: best or equal on LeNet's and CIFAR ResNet's shapes.

Parameters: ``stride`` and ``dilation`` (one int per spatial dimension), ``pads`` (a (before, after) pair per
spatial dimension, MindSpore's 'same' padding is asymmetric), ``groups``; the gradients also take the shape of
what they compute (``x_shape``, ``w_shape``).
"""
import math

from ..._core import shapes
from ._base import Primitive, bind, xp
from .reduce import sum_

_as_strided = xp.lib.stride_tricks.as_strided


def conv_out_sizes(in_sizes, kernel, stride, dilation, pads):
    """Each spatial dimension's output length (may be < 1: the caller reports it)."""
    return tuple((i + lo + hi - d * (k - 1) - 1) // s + 1
                 for i, k, s, d, (lo, hi) in zip(in_sizes, kernel, stride, dilation, pads))


def _padded(x, pads, value=0):
    """``x`` with (before, after) ``pads`` of ``value`` on each spatial dimension."""
    if not any(lo or hi for lo, hi in pads):
        return x
    shape = x.shape[:2] + tuple(n + lo + hi for n, (lo, hi) in zip(x.shape[2:], pads))
    out = xp.zeros(shape, x.dtype) if value == 0 else xp.full(shape, value, x.dtype)
    out[(Ellipsis,) + tuple(slice(lo, lo + n) for n, (lo, _) in zip(x.shape[2:], pads))] = x
    return out


def _window_view(xpad, kernel, out_sizes, stride, dilation):
    """(N, C, *kernel, *out) view of the padded input: element [n, c, k.., p..] is
    ``xpad[n, c, p * stride + k * dilation]``."""
    st = xpad.strides
    spatial = st[2:]
    return _as_strided(xpad, xpad.shape[:2] + tuple(kernel) + tuple(out_sizes),
                       st[:2] + tuple(s * d for s, d in zip(spatial, dilation))
                       + tuple(s * t for s, t in zip(spatial, stride)), writeable=False)


def _columns(x, kernel, out_sizes, stride, dilation, pads, groups):
    """The im2col matrix, channel-major across the batch: (groups, C/groups * K, N * P), one copy of the
    windows. One matrix product per group then covers the whole batch (BLAS runs a few large products much
    faster than one small product per sample)."""
    n, c = x.shape[:2]
    nd = len(kernel)
    view = _window_view(_padded(x, pads), kernel, out_sizes, stride, dilation)
    # (N, C, *K, *P) -> (C, *K, N, *P)
    view = view.transpose((1,) + tuple(range(2, 2 + nd)) + (0,) + tuple(range(2 + nd, 2 + 2 * nd)))
    return view.reshape(groups, (c // groups) * math.prod(kernel), n * math.prod(out_sizes))


def _batch_major(y, n, out_sizes):
    """(O, N * P) -> a contiguous (N, O, *P)."""
    o = y.shape[0]
    return xp.ascontiguousarray(y.reshape((o, n) + tuple(out_sizes)).swapaxes(0, 1))


def _channel_major(dy, groups):
    """(N, O, *P) -> (groups, O/groups, N * P), contiguous."""
    n, o = dy.shape[:2]
    return xp.ascontiguousarray(dy.swapaxes(0, 1)).reshape(groups, o // groups, -1)


_CHUNK_BYTES = 8 << 20     # im2col matrices past this size are built a few samples at a time


def _chunks(n, per_sample):
    """Batch slices whose im2col matrices stay near _CHUNK_BYTES (a matrix that leaves the cache makes the copy
    and the product memory-bound: ~20% slower at batch 128 on ResNet-20's layers)."""
    step = max(1, min(n, _CHUNK_BYTES // max(per_sample, 1)))
    return [slice(i, min(i + step, n)) for i in range(0, n, step)]


_FEW_ROWS = 32     # im2col matrices with at most this many rows (C*K) are built per sample (see _sample_columns)


def _sample_columns(x, kernel, out_sizes, stride, dilation, pads):
    """The im2col matrix sample-major, (N, C*K, P): for a thin matrix (LeNet's first layer, C*K = 25) this
    copy and one product per sample beat the channel-major transpose (measured 0.25 vs 0.40 ms at batch 32)."""
    n, c = x.shape[:2]
    view = _window_view(_padded(x, pads), kernel, out_sizes, stride, dilation)
    return view.reshape(n, c * math.prod(kernel), math.prod(out_sizes))


def _conv_impl(x, w, stride, dilation, pads, groups):
    out = _conv_products(x, w, stride, dilation, pads, groups)
    # NumPy's matmul of two bfloat16 (ml_dtypes) arrays gives float32: the result keeps the input's type
    return out if out.dtype == x.dtype else out.astype(x.dtype)


def _conv_products(x, w, stride, dilation, pads, groups):
    n = x.shape[0]
    o, kernel = w.shape[0], w.shape[2:]
    out_sizes = conv_out_sizes(x.shape[2:], kernel, stride, dilation, pads)
    if groups == 1 and x.shape[1] * math.prod(kernel) <= _FEW_ROWS:
        cols = _sample_columns(x, kernel, out_sizes, stride, dilation, pads)
        return xp.matmul(w.reshape(o, -1), cols).reshape((n, o) + tuple(out_sizes))
    wg = w.reshape(groups, o // groups, -1)
    per_sample = x.shape[1] * math.prod(kernel) * math.prod(out_sizes) * x.itemsize
    parts = _chunks(n, per_sample)
    if len(parts) == 1:
        cols = _columns(x, kernel, out_sizes, stride, dilation, pads, groups)
        return _batch_major(xp.matmul(wg, cols).reshape(o, -1), n, out_sizes)     # (O, N * P) -> (N, O, *P)
    out = xp.empty((n, o) + tuple(out_sizes), xp.result_type(x, w))
    for part in parts:
        cols = _columns(x[part], kernel, out_sizes, stride, dilation, pads, groups)
        out[part] = _batch_major(xp.matmul(wg, cols).reshape(o, -1), part.stop - part.start, out_sizes)
    return out


def _conv_backprop_filter_impl(dy, x, stride, dilation, pads, groups, w_shape):
    kernel = w_shape[2:]
    out_sizes = dy.shape[2:]
    if groups == 1 and x.shape[1] * math.prod(kernel) <= _FEW_ROWS:
        cols = _sample_columns(x, kernel, out_sizes, stride, dilation, pads)
        dy3 = dy.reshape(dy.shape[0], dy.shape[1], math.prod(out_sizes))
        return xp.matmul(dy3, cols.transpose(0, 2, 1)).sum(axis=0, dtype=dy.dtype).reshape(w_shape)
    per_sample = x.shape[1] * math.prod(kernel) * math.prod(out_sizes) * x.itemsize
    dw_t = None
    for part in _chunks(x.shape[0], per_sample):
        cols = _columns(x[part], kernel, out_sizes, stride, dilation, pads, groups)
        # (C*K, N*P) x (N*P, O) then a transpose of the small result: BLAS runs this orientation about twice as
        # fast as (O, N*P) x (N*P, C*K) on these long, thin operands
        piece = xp.matmul(cols, _channel_major(dy[part], groups).transpose(0, 2, 1))  # (groups, C/g * K, O/g)
        dw_t = piece if dw_t is None else dw_t + piece
    if dw_t is None:            # an empty batch
        return xp.zeros(w_shape, xp.result_type(dy, x))
    return xp.ascontiguousarray(dw_t.transpose(0, 2, 1)).reshape(w_shape)


def _full_correlation_pads(x_sizes, out_sizes, kernel, dilation, pads):
    """For stride 1: the padding of ``dy`` under which the input-gradient is a plain convolution of ``dy`` with
    the flipped kernel; None when the user's padding exceeds the kernel's span (a crop would be needed)."""
    result = []
    for n, p, k, d, (lo, _) in zip(x_sizes, out_sizes, kernel, dilation, pads):
        left = d * (k - 1) - lo
        right = n + d * (k - 1) - left - p
        if left < 0 or right < 0:
            return None
        result.append((left, right))
    return tuple(result)


def _conv_backprop_input_impl(dy, w, stride, dilation, pads, groups, x_shape):
    n, c = x_shape[:2]
    o, kernel = w.shape[0], w.shape[2:]
    out_sizes = dy.shape[2:]
    # (measured: the convolution form wins unless dy has many more channels than x, when its im2col is the
    # larger copy: LeNet's 6 -> 16 layer keeps the scatter-adds)
    if groups == 1 and all(s == 1 for s in stride) and o <= 2 * c:
        full = _full_correlation_pads(x_shape[2:], out_sizes, kernel, dilation, pads)
        if full is not None:
            # stride 1: a convolution of dy with the flipped, transposed kernel (im2col + one product) instead of
            # one product and K scatter-adds
            flipped = w.swapaxes(0, 1)[(slice(None), slice(None)) + (slice(None, None, -1),) * len(kernel)]
            return _conv_impl(dy, xp.ascontiguousarray(flipped), stride, dilation, full, 1)
    wg = w.reshape(groups, o // groups, -1)
    dcols = xp.matmul(wg.transpose(0, 2, 1), _channel_major(dy, groups))   # (groups, C/groups * K, N * P)
    dcols = dcols.reshape((c,) + tuple(kernel) + (n,) + tuple(out_sizes))
    padded = tuple(s + lo + hi for s, (lo, hi) in zip(x_shape[2:], pads))
    dxpad = xp.zeros((c, n) + padded, dy.dtype)                       # channel-major, like the columns
    scatter_windows(dxpad, lambda offset: dcols[(slice(None),) + offset], kernel, dilation, stride, out_sizes)
    crop = tuple(slice(lo, lo + s) for s, (lo, _) in zip(x_shape[2:], pads))
    return xp.ascontiguousarray(dxpad[(slice(None), slice(None)) + crop].swapaxes(0, 1))


def _target(offset, dilation, stride, out_sizes):
    """The strided slice of a padded input that one kernel offset's elements of all the windows occupy."""
    return (Ellipsis,) + tuple(slice(k * d, k * d + s * (p - 1) + 1, s)
                               for k, d, s, p in zip(offset, dilation, stride, out_sizes))


def _crop(xpad, x_shape, pads):
    """The unpadded part of ``xpad`` (spatial dimensions last), contiguous."""
    if not any(lo or hi for lo, hi in pads):
        return xpad
    return xp.ascontiguousarray(xpad[(Ellipsis,) + tuple(slice(lo, lo + n) for n, (lo, _) in
                                                         zip(x_shape[-len(pads):], pads))])


def scatter_windows(target, windows_at, kernel, dilation, stride, out_sizes):
    """Scatter-add each kernel offset's window elements (``windows_at(offset)``) into ``target``, the padded
    input, in place (shared by the convolution's, pooling's and fold's gradients)."""
    for offset in _offsets(kernel):
        target[_target(offset, dilation, stride, out_sizes)] += windows_at(offset)
    return target


def _offsets(kernel):
    offsets = [()]
    for k in kernel:
        offsets = [o + (i,) for o in offsets for i in range(k)]
    return offsets


# ----------------------------------------------------------------------------- shape rules
def _check_geometry(name, x_shape, w_shape, stride, dilation, pads, groups):
    nd = len(stride)
    if len(x_shape) != nd + 2 or len(w_shape) != nd + 2:
        raise ValueError(f"For '{name}', the input and weight must be {nd + 2}-D, but got shapes {tuple(x_shape)} "
                         f"and {tuple(w_shape)}.")
    c, o = x_shape[1], w_shape[0]
    if o % groups or c != w_shape[1] * groups:
        raise ValueError(f"For '{name}', the input's {c} channels must equal the weight's {w_shape[1]} input "
                         f"channels times the groups ({groups}), and the weight's {o} output channels must be "
                         f"divisible by the groups; got input {tuple(x_shape)} and weight {tuple(w_shape)}.")


def _conv_abstract(x, w, stride, dilation, pads, groups):
    name = "Conv2D" if len(stride) == 2 else f"Conv{len(stride)}D"
    _check_geometry(name, x.shape, w.shape, stride, dilation, pads, groups)
    out = conv_out_sizes(x.shape[2:], w.shape[2:], stride, dilation, pads)
    if any(shapes.has_dim(s) for s in out):
        return (x.shape[0], w.shape[0]) + out, x.dtype
    if min(out) < 1:
        padded = tuple(s + lo + hi for s, (lo, hi) in zip(x.shape[2:], pads))
        reach = tuple(d * (k - 1) + 1 for k, d in zip(w.shape[2:], dilation))
        raise ValueError(f"For '{name}', the kernel {tuple(w.shape[2:])} (with dilation {tuple(dilation)}, "
                         f"spanning {reach}) is larger than the padded input {padded} of the input of shape "
                         f"{tuple(x.shape)}.")
    return (x.shape[0], w.shape[0]) + out, x.dtype


def _backprop_filter_abstract(dy, x, stride, dilation, pads, groups, w_shape):
    return tuple(w_shape), x.dtype


def _backprop_input_abstract(dy, w, stride, dilation, pads, groups, x_shape):
    name = "Conv2DBackpropInput" if len(stride) == 2 else f"Conv{len(stride)}DBackpropInput"
    _check_geometry(name, x_shape, w.shape, stride, dilation, pads, groups)
    if len(dy.shape) != len(x_shape) or dy.shape[1] != w.shape[0]:
        raise ValueError(f"For '{name}', the input of shape {tuple(dy.shape)} must have {len(x_shape)} dimensions "
                         f"and {w.shape[0]} channels (the weight's dimension 0, weight shape {tuple(w.shape)}).")
    need = tuple((p - 1) * s + d * (k - 1) + 1
                 for p, s, d, k in zip(dy.shape[2:], stride, dilation, w.shape[2:]))
    padded = tuple(s + lo + hi for s, (lo, hi) in zip(x_shape[2:], pads))
    if any(not shapes.has_dim(a) and not shapes.has_dim(b) and a > b for a, b in zip(need, padded)):
        raise ValueError(f"For '{name}', an input of spatial shape {tuple(dy.shape[2:])} needs an output of at "
                         f"least {need} (padded), but the output shape is {tuple(x_shape)} with pads {pads}.")
    return tuple(x_shape), dy.dtype


conv_p = Primitive("Conv", _conv_impl, 2, _conv_abstract)
conv_backprop_input_p = Primitive("ConvBackpropInput", _conv_backprop_input_impl, 2, _backprop_input_abstract)
conv_backprop_filter_p = Primitive("ConvBackpropFilter", _conv_backprop_filter_impl, 2, _backprop_filter_abstract)


def conv(x, w, stride, dilation, pads, groups):
    """Cross-correlation of ``x`` (N, C, *S) with ``w`` (O, C/groups, *K)."""
    return bind(conv_p, x, w, stride=tuple(stride), dilation=tuple(dilation), pads=tuple(map(tuple, pads)),
                groups=groups)


def conv_backprop_input(dy, w, x_shape, stride, dilation, pads, groups):
    """The input-gradient of ``conv`` (a transposed convolution): ``dy`` (N, O, *P) -> (N, C, *S) = x_shape."""
    return bind(conv_backprop_input_p, dy, w, stride=tuple(stride), dilation=tuple(dilation),
                pads=tuple(map(tuple, pads)), groups=groups, x_shape=tuple(x_shape))


def conv_backprop_filter(dy, x, w_shape, stride, dilation, pads, groups):
    return bind(conv_backprop_filter_p, dy, x, stride=tuple(stride), dilation=tuple(dilation),
                pads=tuple(map(tuple, pads)), groups=groups, w_shape=tuple(w_shape))


def _shape(t):
    return tuple(t._data.shape)


conv_p.def_vjp(
    lambda dout, out, x, w, **p: bind(conv_backprop_input_p, dout, w, x_shape=_shape(x), **p),
    lambda dout, out, x, w, **p: bind(conv_backprop_filter_p, dout, x, w_shape=_shape(w), **p))

conv_backprop_input_p.def_vjp(
    lambda g, out, dy, w, x_shape, **p: bind(conv_p, g, w, **p),
    lambda g, out, dy, w, x_shape, **p: bind(conv_backprop_filter_p, dy, g, w_shape=_shape(w), **p))

conv_backprop_filter_p.def_vjp(
    lambda g, out, dy, x, w_shape, **p: bind(conv_p, x, g, **p),
    lambda g, out, dy, x, w_shape, **p: bind(conv_backprop_input_p, dy, g, x_shape=_shape(x), **p))


# ----------------------------------------------------------------------------- bias along the channels
def _bias_add_impl(x, b):
    return x + b.reshape((-1,) + (1,) * (x.ndim - 2))


def _bias_add_abstract(x, b):
    if len(b.shape) != 1 or len(x.shape) < 2 or b.shape[0] != x.shape[1]:
        raise ValueError(f"For 'BiasAdd', the bias must be 1-D with one value per channel (dimension 1), but got "
                         f"input {tuple(x.shape)} and bias {tuple(b.shape)}.")
    return x.shape, x.dtype


bias_add_p = Primitive("BiasAdd", _bias_add_impl, 2, _bias_add_abstract)


def bias_add(x, b):
    return bind(bias_add_p, x, b)


def _bias_grad(dout, out, x, b):
    return sum_(dout, (0,) + tuple(range(2, dout._data.ndim)), False)


bias_add_p.def_vjp(lambda dout, out, x, b: dout, _bias_grad)
