"""Convolution and pooling in the functional API: conv1d/2d/3d, transposed convolution, bias_add, and the
argument rules (MindSpore's ``pad_mode``/``padding`` conventions) that the layers in ``nn`` share.

MindSpore's conventions, kept here once:
- ``pad_mode`` 'valid' pads nothing; 'same' pads so that the output is ceil(input / stride), the odd pixel at
  the end (bottom/right), as TensorFlow does; 'pad' pads ``padding`` zeros.
- ``padding`` is an int (every side) or one (before, after) pair per spatial dimension in the layers
  ((top, bottom, left, right) for 2-D) and one symmetric int per dimension in ``ops.conv*d``; a nonzero padding
  with a mode other than 'pad' is an error.
"""
from .. import _prims as P
from ..._core import shapes
from ..._core.tensor import Tensor
from ..._core.errors import TracerValueError
from .math_func import ValueRuntimeError, _is_int, _tensor
from ..._core.dtype import kind_of

PAD_MODES = ("same", "valid", "pad")


def int_tuple(value, n, name, op, low=1):
    """An int or a tuple/list of ``n`` ints, each >= ``low``, as a tuple of ``n`` ints."""
    if _is_int(value):
        value = (value,) * n
    elif not (isinstance(value, (tuple, list)) and len(value) == n and all(_is_int(v) for v in value)):
        raise TypeError(f"For '{op}', the '{name}' must be an int or a tuple of {n} ints, but got "
                        f"{type(value).__name__} ({value!r}).")
    if any(v < low for v in value):
        raise ValueError(f"For '{op}', every value of '{name}' must be at least {low}, but got {tuple(value)}.")
    return tuple(int(v) for v in value)


def pad_mode_arg(pad_mode, op):
    if not isinstance(pad_mode, str):
        raise TypeError(f"For '{op}', the 'pad_mode' must be a str, but got {type(pad_mode).__name__}.")
    mode = pad_mode.lower()
    if mode not in PAD_MODES:
        raise ValueError(f"For '{op}', the 'pad_mode' must be one of {list(PAD_MODES)}, but got {pad_mode!r}.")
    return mode


def padding_pairs(padding, nd, op, symmetric_only=False):
    """``padding`` as one (before, after) pair per spatial dimension: an int, ``nd`` ints (each dimension's both
    sides; ``ops.conv*d``), or ``2 * nd`` ints ((top, bottom, left, right) for 2-D; the layers)."""
    size = nd if symmetric_only else 2 * nd
    if _is_int(padding):
        values = (padding,) * (2 * nd)
    elif isinstance(padding, (tuple, list)) and all(_is_int(p) for p in padding):
        if len(padding) != size:
            raise ValueError(f"For '{op}', the 'padding' must be an int or a tuple of {size} ints, but got "
                             f"{tuple(padding)} ({len(padding)} values).")
        values = tuple(v for p in padding for v in (p, p)) if symmetric_only else tuple(padding)
    else:
        raise TypeError(f"For '{op}', the 'padding' must be an int or a tuple of {size} ints, but got "
                        f"{type(padding).__name__} ({padding!r}).")
    if any(v < 0 for v in values):
        raise ValueError(f"For '{op}', the 'padding' must not be negative, but got {padding!r}.")
    return tuple((int(values[2 * i]), int(values[2 * i + 1])) for i in range(nd))


def check_pad_mode(mode, pads, padding, op):
    if mode != "pad" and any(lo or hi for lo, hi in pads):
        raise ValueError(f"For '{op}', the 'padding' must be zero when 'pad_mode' is not 'pad', but got "
                         f"padding {padding!r} and pad_mode {mode!r}.")


def same_pads(in_sizes, kernel, stride, dilation):
    """MindSpore's 'same' padding: output ceil(in / stride), the odd pixel padded at the end."""
    pads = []
    for n, k, s, d in zip(in_sizes, kernel, stride, dilation):
        if shapes.has_dim(n):
            raise TracerValueError("'same' padding needs the value of a dynamic spatial size")
        out = -(-n // s)
        total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
        pads.append((total // 2, total - total // 2))
    return tuple(pads)


def resolve_pads(mode, pads, in_sizes, kernel, stride, dilation):
    if mode == "same":
        return same_pads(in_sizes, kernel, stride, dilation)
    if mode == "valid":
        return ((0, 0),) * len(in_sizes)
    return pads


def conv_input(x, nd, op, name="input"):
    x = _tensor(x, name, op)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the '{name}' must be a float Tensor, but got {x.dtype}.")
    if x.ndim != nd + 2:
        layout = {1: "(N, C, L)", 2: "(N, C, H, W)", 3: "(N, C, D, H, W)"}[nd]
        raise ValueError(f"For '{op}', the '{name}' must be {nd + 2}-D {layout}, but got shape {x.shape}.")
    return x


def check_channels(op, channels, weight_channels, groups, w_shape):
    """The input's channels against the weight's (MindSpore raises RuntimeError, from its kernel)."""
    if channels != weight_channels * groups:
        raise ValueRuntimeError(f"For '{op}', the input's {channels} channels ('C_in') divided by 'groups' ({groups}) "
                                f"must equal the weight's input channels {weight_channels} (weight shape "
                                f"{tuple(w_shape)}).")
    if w_shape[0] % groups:
        raise ValueError(f"For '{op}', the weight's {w_shape[0]} output channels must be divisible by 'groups' "
                         f"({groups}).")


def check_kernel_fits(op, x_shape, kernel, dilation, pads, padding, shown=None):
    """The (dilated) kernel must fit in the padded input (with a stride of 2 or more the kernels would give an
    empty output instead of an error)."""
    for n, (lo, hi), k, d in zip(x_shape[2:], pads, kernel, dilation):
        if n + lo + hi < d * (k - 1) + 1:
            raise ValueError(f"For '{op}', the kernel size {shown or tuple(kernel)} (dilation {tuple(dilation)}) is "
                             f"larger than the padded input: input shape {tuple(x_shape)}, padding {padding!r}.")


def bias_add(input_x, bias, data_format="NCHW"):
    """``input_x + bias`` along the channel dimension 1 (MindSpore's BiasAdd)."""
    x = _tensor(input_x, "input_x", "bias_add")
    b = _tensor(bias, "bias", "bias_add")
    if data_format not in ("NCHW", "NCDHW", "NCL"):
        raise ValueError(f"For 'bias_add', the 'data_format' must be 'NCHW' (channels first), but got "
                         f"{data_format!r}.")
    if x.ndim < 2 or b.ndim != 1 or b.shape[0] != x.shape[1]:
        raise ValueError(f"For 'bias_add', the bias must be 1-D with one value per channel (dimension 1) of the "
                         f"input, but got input {x.shape} and bias {b.shape}.")
    if x.dtype != b.dtype:
        raise TypeError(f"For 'bias_add', the input and the bias must have the same dtype, but got {x.dtype} and "
                        f"{b.dtype}.")
    return P.bias_add(x, b)


def _conv(op, nd, input, weight, bias, stride, pad_mode, padding, dilation, groups):
    x = conv_input(input, nd, op)
    w = conv_input(weight, nd, op, "weight")
    stride = int_tuple(stride, nd, "stride", op)
    dilation = int_tuple(dilation, nd, "dilation", op)
    if not _is_int(groups) or groups < 1:
        raise ValueError(f"For '{op}', the 'groups' must be a positive int, but got {groups!r}.")
    mode = pad_mode_arg(pad_mode, op)
    pads = padding_pairs(padding, nd, op, symmetric_only=True)
    check_pad_mode(mode, pads, padding, op)
    pads = resolve_pads(mode, pads, x.shape[2:], w.shape[2:], stride, dilation)
    if x.dtype != w.dtype:
        raise TypeError(f"For '{op}', the input and the weight must have the same dtype, but got {x.dtype} and "
                        f"{w.dtype}.")
    check_channels(op, x.shape[1], w.shape[1], int(groups), w.shape)
    check_kernel_fits(op, x.shape, w.shape[2:], dilation, pads, padding)
    out = P.conv(x, w, stride, dilation, pads, int(groups))
    return out if bias is None else bias_add(out, bias)


def conv1d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """1-D convolution of ``input`` (N, C, L) with ``weight`` (O, C/groups, K)."""
    return _conv("conv1d", 1, input, weight, bias, stride, pad_mode, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """2-D convolution of ``input`` (N, C, H, W) with ``weight`` (O, C/groups, kH, kW); ``padding`` is an int or
    (pad_h, pad_w), both sides of each dimension."""
    return _conv("conv2d", 2, input, weight, bias, stride, pad_mode, padding, dilation, groups)


def conv3d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """3-D convolution of ``input`` (N, C, D, H, W) with ``weight`` (O, C/groups, kD, kH, kW)."""
    return _conv("conv3d", 3, input, weight, bias, stride, pad_mode, padding, dilation, groups)


def transposed_out_sizes(mode, in_sizes, kernel, stride, dilation, pads, output_padding):
    """The output lengths of a transposed convolution (MindSpore's rule per pad_mode)."""
    out = []
    for n, k, s, d, (lo, hi), op in zip(in_sizes, kernel, stride, dilation, pads, output_padding):
        span = d * (k - 1) + 1
        if mode == "same":
            out.append(n * s)
        elif mode == "valid":
            out.append(n * s + max(span - s, 0))
        else:
            out.append((n - 1) * s + span - lo - hi + op)
    return tuple(out)


def conv_transpose(op, nd, x, w, bias, stride, mode, pads, output_padding, dilation, groups, zero_extra=False,
                   pad_extra=True):
    """The transposed convolution of checked arguments: the input-gradient of the convolution that maps the
    output back to ``x``; ``w`` is (C_in, C_out/groups, *K). ``output_padding`` extends the output at the end:
    with values (the input-gradient's, as ``ops.conv_transpose2d`` documents) or, with ``zero_extra``, with zeros
    (what MindSpore's transposed layers compute)."""
    kernel = w.shape[2:]
    if x.shape[1] != w.shape[0]:
        raise ValueError(f"For '{op}', the input's {x.shape[1]} channels must equal the weight's dimension 0 "
                         f"(in_channels), but got input {x.shape} and weight {w.shape}.")
    if any(p >= max(s, d) for p, s, d in zip(output_padding, stride, dilation)):
        raise ValueError(f"For '{op}', the 'output_padding' {output_padding} must be smaller than the stride "
                         f"{stride} or the dilation {dilation}.")
    extra = output_padding
    if zero_extra:
        output_padding = (0,) * nd
    sizes = transposed_out_sizes(mode, x.shape[2:], kernel, stride, dilation, pads, output_padding)
    if mode == "same":
        pads = same_pads(sizes, kernel, stride, dilation)
    elif mode == "valid":
        pads = ((0, 0),) * nd
    if min(sizes) < 1:
        raise ValueError(f"For '{op}', the padding {pads} leaves no output for the input of shape {x.shape} and the "
                         f"kernel {tuple(kernel)}.")
    out_shape = (x.shape[0], w.shape[1] * groups) + sizes
    out = P.conv_backprop_input(x, w, out_shape, stride, dilation, pads, groups)
    if pad_extra and zero_extra and any(extra):
        out = P.pad(out, ((0, 0), (0, 0)) + tuple((0, e) for e in extra))
    return out if bias is None else bias_add(out, bias)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """2-D transposed convolution of ``input`` (N, C_in, H, W) with ``weight`` (C_in, C_out/groups, kH, kW);
    ``padding`` (an int or (pad_h, pad_w)) is taken off both sides of the output, ``output_padding`` added to
    its end (MindSpore 2.10's CPU build has no kernel for it; this follows its documented semantics)."""
    op = "conv_transpose2d"
    x = conv_input(input, 2, op)
    w = conv_input(weight, 2, op, "weight")
    stride = int_tuple(stride, 2, "stride", op)
    dilation = int_tuple(dilation, 2, "dilation", op)
    output_padding = int_tuple(output_padding, 2, "output_padding", op, low=0)
    if not _is_int(groups) or groups < 1 or x.shape[1] % groups:
        raise ValueError(f"For '{op}', the 'groups' must be a positive int dividing the input's {x.shape[1]} "
                         f"channels, but got {groups!r}.")
    pads = padding_pairs(padding, 2, op, symmetric_only=True)
    return conv_transpose(op, 2, x, w, bias, stride, "pad", pads, output_padding, dilation, int(groups))


# ----------------------------------------------------------------------------- pooling
def pool_input(x, nd, op):
    """A batched (N, C, *S) float or int input; an unbatched (C, *S) one gets a batch of 1 (``squeeze`` says to
    take it off again)."""
    x = _tensor(x, "input", op)
    if kind_of(x._data.dtype) not in "fiu":
        raise TypeError(f"For '{op}', the input must be a number Tensor, but got {x.dtype}.")
    if x.ndim == nd + 1:
        return P.reshape(x, (1,) + x.shape), True
    if x.ndim != nd + 2:
        raise ValueError(f"For '{op}', the input must be {nd + 1}-D or {nd + 2}-D, but got shape {x.shape}.")
    return x, False


def _unbatch(out, squeeze):
    if not squeeze:
        return out
    if isinstance(out, tuple):
        return tuple(P.reshape(o, o.shape[1:]) for o in out)
    return P.reshape(out, out.shape[1:])


def ceil_pads(in_sizes, kernel, stride, dilation, pads, ceil_mode):
    """``pads`` extended at the end so that the last, partial window is kept (ceil_mode, PyTorch's rule: a window
    must start inside the input or its leading padding)."""
    if not ceil_mode:
        return pads
    out = []
    for n, k, s, d, (lo, hi) in zip(in_sizes, kernel, stride, dilation, pads):
        span = d * (k - 1) + 1
        count = -(-(n + lo + hi - span) // s) + 1
        if (count - 1) * s >= n + lo:
            count -= 1
        out.append((lo, max(hi, (count - 1) * s + span - n - lo)))
    return tuple(out)


def check_pool_fits(op, x, kernel, stride, dilation, pads, explicit=None):
    """``explicit``: the user's padding, at most half the kernel on each side (MindSpore's and PyTorch's rule)."""
    for k, (lo, hi) in zip(kernel, explicit or ()):
        if max(lo, hi) > k // 2:
            raise ValueError(f"For '{op}', the padding {tuple(explicit)} must be at most half the kernel size "
                             f"{tuple(kernel)} on each side.")
    for n, k, d, (lo, hi) in zip(x.shape[2:], kernel, dilation, pads):
        if n + lo + hi < d * (k - 1) + 1:
            raise ValueRuntimeError(f"For '{op}', the kernel size {tuple(kernel)} is larger than the padded input: "
                                    f"input shape {x.shape}, padding {tuple(pads)}.")


def max_pool(op, x, kernel, stride, dilation, pads, ceil_mode, return_indices, explicit=True):
    """Max pooling of a checked (N, C, *S) input, with MindSpore's -inf padding; (out, int64 indices) if asked.
    ``explicit``: ``pads`` are the user's (not computed 'same' padding)."""
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the input must be a float Tensor (MindSpore's CPU MaxPool takes Float16, "
                        f"Float32 and Float64), but got {x.dtype}.")
    user = pads if explicit else None
    pads = ceil_pads(x.shape[2:], kernel, stride, dilation, pads, ceil_mode)
    check_pool_fits(op, x, kernel, stride, dilation, pads, user)
    out = P.max_pool(x, kernel, stride, dilation, pads)
    if return_indices:
        return out, P.max_pool_argmax(x, kernel, stride, dilation, pads)
    return out


def avg_pool(op, x, kernel, stride, pads, ceil_mode, count_include_pad, divisor_override, explicit_pads=True):
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the input must be a float Tensor, but got {x.dtype}.")
    explicit = pads
    pads = ceil_pads(x.shape[2:], kernel, stride, (1,) * len(kernel), pads, ceil_mode)
    check_pool_fits(op, x, kernel, stride, (1,) * len(kernel), pads, explicit if explicit_pads else None)
    counted = explicit if count_include_pad else None
    return P.avg_pool(x, kernel, stride, pads, counted, divisor_override or 0)


def _stride_arg(stride, kernel, nd, op):
    return kernel if stride is None else int_tuple(stride, nd, "stride", op)


def _max_pool_nd(op, nd, x, kernel_size, stride, padding, dilation, return_indices, ceil_mode):
    x, squeeze = pool_input(x, nd, op)
    kernel = int_tuple(kernel_size, nd, "kernel_size", op)
    stride = _stride_arg(stride, kernel, nd, op)
    dilation = int_tuple(dilation, nd, "dilation", op)
    pads = padding_pairs(padding, nd, op, symmetric_only=True)
    return _unbatch(max_pool(op, x, kernel, stride, dilation, pads, ceil_mode, return_indices), squeeze)


def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
    """2-D max pooling (PyTorch-style arguments, as MindSpore 2.10's ``ops.max_pool2d``): ``padding`` an int or
    (pad_h, pad_w) of -inf on both sides; ``stride`` defaults to the kernel size."""
    return _max_pool_nd("max_pool2d", 2, x, kernel_size, stride, padding, dilation, return_indices, ceil_mode)


def max_pool3d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _max_pool_nd("max_pool3d", 3, x, kernel_size, stride, padding, dilation, return_indices, ceil_mode)


def _avg_pool_nd(op, nd, input_x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    x, squeeze = pool_input(input_x, nd, op)
    kernel = int_tuple(kernel_size, nd, "kernel_size", op)
    stride = _stride_arg(stride, kernel, nd, op)
    if isinstance(padding, (tuple, list)) and len(padding) == 2 * nd:
        pads = padding_pairs(padding, nd, op)
    else:
        pads = padding_pairs(padding, nd, op, symmetric_only=True)
    if divisor_override is not None and (not _is_int(divisor_override) or divisor_override < 0):
        raise ValueError(f"For '{op}', the 'divisor_override' must be a non-negative int, but got "
                         f"{divisor_override!r}.")
    return _unbatch(avg_pool(op, x, kernel, stride, pads, ceil_mode, count_include_pad, divisor_override), squeeze)


def avg_pool1d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True):
    return _avg_pool_nd("avg_pool1d", 1, input_x, kernel_size, stride, padding, ceil_mode, count_include_pad, 0)


def avg_pool2d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    return _avg_pool_nd("avg_pool2d", 2, input_x, kernel_size, stride, padding, ceil_mode, count_include_pad,
                        divisor_override)


def avg_pool3d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    return _avg_pool_nd("avg_pool3d", 3, input_x, kernel_size, stride, padding, ceil_mode, count_include_pad,
                        divisor_override)


# ----------------------------------------------------------------------------- adaptive pooling
def adaptive_sizes(output_size, in_sizes, op):
    """``output_size``: an int or a tuple with one entry per spatial dimension (None keeps that size)."""
    nd = len(in_sizes)
    if _is_int(output_size):
        output_size = (output_size,) * nd
    if not (isinstance(output_size, (tuple, list)) and all(o is None or _is_int(o) for o in output_size)):
        raise TypeError(f"For '{op}', the 'output_size' must be an int or a tuple of {nd} ints (or None), but got "
                        f"{output_size!r}.")
    if len(output_size) != nd:
        raise ValueRuntimeError(f"For '{op}', the 'output_size' must have {nd} values, but got {tuple(output_size)}.")
    if min(in_sizes) < 1:
        raise ValueError(f"For '{op}', the input's spatial dimensions must not be empty, but got {tuple(in_sizes)}.")
    sizes = tuple(n if o is None else int(o) for o, n in zip(output_size, in_sizes))
    if any(o < 1 for o in sizes):
        raise ValueError(f"For '{op}', the 'output_size' must be positive, but got {output_size!r}.")
    return sizes


def adaptive_avg_pool(op, x, sizes):
    """Each spatial dimension's windows averaged by one matrix product (the windows are boxes)."""
    nd = len(sizes)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{op}', the input must be a float Tensor, but got {x.dtype}.")
    if all(o == 1 for o in sizes):
        return P.mean(x, tuple(range(2, 2 + nd)), True)
    for dim in range(nd):
        n, o = x.shape[2 + dim], sizes[dim]
        if n == o:
            continue
        m = Tensor(P.adaptive_average_matrix(n, o, x._data.dtype))      # (o, n)
        axis = 2 + dim
        perm = tuple(i for i in range(x.ndim) if i != axis) + (axis,)
        moved = P.matmul(P.transpose(x, perm), P.transpose(m, (1, 0)))
        back = tuple(perm.index(i) for i in range(x.ndim))
        x = P.transpose(moved, back)
    return x


def adaptive_max_pool(op, x, sizes, return_indices):
    """Each window's elements gathered into a (K, K..) block (short windows filled with -inf), then one max pool
    over the blocks: the first maximum takes the gradient, as in MindSpore's kernel."""
    nd = len(sizes)
    index = [slice(None), slice(None)]
    lengths = []
    spatial = x.shape[2:]
    for dim in range(nd):
        positions, k = P.adaptive_gather_index(spatial[dim], sizes[dim])
        index.append(positions.reshape((-1,) + (1,) * (nd - dim - 1)))
        lengths.append(k)
    fill = -float("inf") if kind_of(x._data.dtype) == "f" else None
    if fill is None:
        raise TypeError(f"For '{op}', the input must be a float Tensor, but got {x.dtype}.")
    padded = P.pad(x, ((0, 0), (0, 0)) + ((0, 1),) * nd, value=fill)
    blocks = P.getitem(padded, tuple(index))
    kernel = tuple(lengths)
    unit = (1,) * nd
    out = P.max_pool(blocks, kernel, kernel, unit, ((0, 0),) * nd)
    if not return_indices:
        return out
    flat = P.max_pool_argmax(blocks, kernel, kernel, unit, ((0, 0),) * nd)
    source = 0
    for dim in range(nd):      # the input position (in x's flattened spatial dims) of every block element
        source = source * spatial[dim] + Tensor(index[2 + dim])
    source = P.cast(source, _INT64)
    source = P.reshape(source, (source._data.size,))
    return out, P.gather(source, flat, 0)


def _divisible_1d(x, output_size, op):
    """MindSpore's 1-D adaptive pools take only batched (N, C, L) inputs and output sizes that divide L."""
    if x.ndim != 3:
        raise ValueError(f"For '{op}', the input must have 3 dims (N, C, L), but got shape {x.shape}.")
    if _is_int(output_size) and output_size > 0 and x.shape[-1] % output_size:
        raise ValueError(f"For '{op}', the input's last dimension must be divisible by output size {output_size}, but "
                         f"got {x.shape[-1]}.")


def adaptive_avg_pool1d(input, output_size):
    _divisible_1d(_tensor(input, "input", "adaptive_avg_pool1d"), output_size, "adaptive_avg_pool1d")
    x, squeeze = pool_input(input, 1, "adaptive_avg_pool1d")
    return _unbatch(adaptive_avg_pool("adaptive_avg_pool1d", x, adaptive_sizes(output_size, x.shape[2:],
                                                                                "adaptive_avg_pool1d")), squeeze)


def adaptive_avg_pool2d(input, output_size):
    x, squeeze = pool_input(input, 2, "adaptive_avg_pool2d")
    return _unbatch(adaptive_avg_pool("adaptive_avg_pool2d", x, adaptive_sizes(output_size, x.shape[2:],
                                                                                "adaptive_avg_pool2d")), squeeze)


def adaptive_avg_pool3d(input, output_size):
    x, squeeze = pool_input(input, 3, "adaptive_avg_pool3d")
    return _unbatch(adaptive_avg_pool("adaptive_avg_pool3d", x, adaptive_sizes(output_size, x.shape[2:],
                                                                                "adaptive_avg_pool3d")), squeeze)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    _divisible_1d(_tensor(input, "input", "adaptive_max_pool1d"), output_size, "adaptive_max_pool1d")
    x, squeeze = pool_input(input, 1, "adaptive_max_pool1d")
    sizes = adaptive_sizes(output_size, x.shape[2:], "adaptive_max_pool1d")
    return _unbatch(adaptive_max_pool("adaptive_max_pool1d", x, sizes, return_indices), squeeze)


def adaptive_max_pool2d(input, output_size, return_indices=False):
    x, squeeze = pool_input(input, 2, "adaptive_max_pool2d")
    sizes = adaptive_sizes(output_size, x.shape[2:], "adaptive_max_pool2d")
    return _unbatch(adaptive_max_pool("adaptive_max_pool2d", x, sizes, return_indices), squeeze)


_INT64 = P.xp.dtype('int64')

# (the argument helpers above are shared with nn's layers, not part of ops)
__all__ = ["bias_add", "conv1d", "conv2d", "conv3d", "conv_transpose2d", "max_pool2d", "max_pool3d", "avg_pool1d",
           "avg_pool2d", "avg_pool3d", "adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d",
           "adaptive_max_pool1d", "adaptive_max_pool2d"]
