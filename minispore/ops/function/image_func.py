"""Image resampling and rearrangement: interpolate, pixel shuffle, unfold/fold, padding modes.

Argument rules are MindSpore 2.10's (``ops.interpolate``'s table of modes, ranks and options, ``ops.pad``'s
ranks per padding length, the shuffles' divisibility), checked here with errors that name the function, the
argument and the shapes. The arithmetic is two primitive families (``minispore.ops._prims.resample``):
``Resample`` for every interpolation mode and padding mode (separable per-axis maps), ``Im2Col``/``Col2Im`` for
unfold and fold; the shuffles are a reshape, a transpose and a reshape.

Where MindSpore 2.10 reads memory it does not own (an empty spatial dimension, circular padding wider than the
input), minispore raises ``ValueError`` instead; tests/golden/cases_resample.py lists each case.
"""
import math
import numbers

from ..._core import shapes
from ..._core.errors import TracerValueError
from ..._core.tensor import Tensor
from .. import _prims as P
from .math_func import ValueRuntimeError, _is_int, _tensor
from ..._core.dtype import kind_of

# mode -> {input rank: the options it accepts}, in MindSpore's order (its error message lists them so)
_INTERPOLATE = {
    "nearest": {3: (), 4: (), 5: ("scale_factor",)},
    "linear": {3: ("align_corners",)},
    "bilinear": {4: ("align_corners",)},
    "bicubic": {4: ("align_corners",)},
    "area": {3: ("scale_factor",), 4: ("scale_factor",), 5: ("scale_factor",)},
    "nearest-exact": {3: (), 4: ()},
    "trilinear": {5: ("align_corners", "scale_factor")},
}
_FLOATS = ("float16", "float32", "float64", "bfloat16")


def _shown(v):
    return f"{type(v).__name__} ({v!r})"


def _static(sizes, op):
    """Spatial sizes as ints: a dimension declared dynamic has no value while tracing (jit then runs eagerly)."""
    if any(shapes.has_dim(s) for s in sizes):
        raise TracerValueError(f"'{op}' needs the value of a dynamic spatial size")
    return tuple(int(s) for s in sizes)


# ----------------------------------------------------------------------------- interpolate
def _positive_int(v, name, op):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError(f"For '{op}', the '{name}' must be an int, but got {_shown(v)}.")
    if v <= 0:
        raise ValueError(f"For '{op}', the '{name}' must be a positive int, but got {v}.")
    return int(v)


def _positive_float(v, name, op):
    if isinstance(v, bool) or not isinstance(v, float):
        raise TypeError(f"For '{op}', the '{name}' must be a float, but got {_shown(v)}.")
    if math.isnan(v) or math.isinf(v):
        raise ValueError(f"For '{op}', the '{name}' must be a finite float, but got {v}.")
    if v <= 0:
        raise ValueError(f"For '{op}', the '{name}' must be a positive float, but got {v}.")
    return float(v)


def _per_dim(value, n, name, op, check):
    """An int/float for every spatial dimension, or a tuple/list of ``n`` of them."""
    if isinstance(value, (tuple, list)):
        value = tuple(check(v, f"{name}[{i}]", op) for i, v in enumerate(value))
        if len(value) != n:
            raise ValueError(f"For '{op}', the input has {n} spatial dimensions but '{name}' has {len(value)}: "
                             f"{value}.")
        return value
    return (check(value, name, op),) * n


def _axis_map(mode, n_in, n_out, align, scale_factor):
    """The Resample axis map of one spatial dimension (see minispore/ops/_prims/resample.py)."""
    if n_in == n_out:
        return ("id", n_in)     # (MindSpore's kernels copy such a dimension, whatever the scale factor)
    if mode == "nearest":
        return ("nearest", n_in, n_out, scale_factor)
    if mode == "nearest-exact":
        return ("nearest_exact", n_in, n_out)
    if mode == "bicubic":
        return ("cubic", n_in, n_out, align)
    if mode == "area":
        return ("area", n_in, n_out)
    if mode == "linear" and n_out == 1:
        return ("linear", n_in, n_out, align, 0.0)   # ResizeLinear1D samples element 0 for a single output
    return ("linear", n_in, n_out, align, None if scale_factor is None else 1.0 / scale_factor)


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
    """Resize the spatial dimensions (all but the first two) of ``input``: by ``size``, or by ``scale_factor``
    where the mode takes it (trilinear, 5-D nearest, area) or ``recompute_scale_factor`` turns it into a size."""
    op = "interpolate"
    x = _tensor(input, "input", op)
    rank = x.ndim
    if isinstance(size, list):
        size = tuple(size)
    if isinstance(scale_factor, list):
        scale_factor = tuple(scale_factor)
    if size is not None and scale_factor is not None:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot both be given, but got size="
                         f"{size!r} and scale_factor={scale_factor!r}.")
    if size is not None:
        size = _per_dim(size, max(rank - 2, 0), "size", op, _positive_int)
    elif scale_factor is not None:
        scale_factor = _per_dim(scale_factor, max(rank - 2, 0), "scale_factor", op, _positive_float)
    else:
        raise ValueError("For 'interpolate', one of 'size' and 'scale_factor' must be given.")
    if not isinstance(mode, str) or mode not in _INTERPOLATE:
        raise ValueError(f"For 'interpolate', the 'mode' must be one of {list(_INTERPOLATE)}, but got {mode!r}.")
    ranks = _INTERPOLATE[mode]
    if rank not in ranks:
        raise ValueError(f"For 'interpolate', mode '{mode}' takes a {' or '.join(f'{r}-D' for r in ranks)} input, "
                         f"but got a {rank}-D input of shape {x.shape}.")
    options = ranks[rank]
    in_sizes = _static(x.shape[2:], op)
    if mode == "area" and size is None:
        recompute_scale_factor = True
    if recompute_scale_factor is not None and recompute_scale_factor:
        if recompute_scale_factor is not True:
            raise TypeError(f"For 'interpolate', the 'recompute_scale_factor' must be a bool, but got "
                            f"{_shown(recompute_scale_factor)}.")
        if size is not None:
            raise ValueError("For 'interpolate', 'recompute_scale_factor' cannot be True when 'size' is given.")
        size = tuple(math.floor(n * s) for n, s in zip(in_sizes, scale_factor))
        if min(size) < 1:
            raise ValueError(f"For 'interpolate', the scale factors {scale_factor} turn the spatial size "
                             f"{in_sizes} into {size}: every size must be positive.")
        scale_factor = None
    elif scale_factor is not None and "scale_factor" not in options:
        raise ValueError(f"For 'interpolate', 'scale_factor' cannot be used with mode '{mode}' and a {rank}-D "
                         f"input: give 'size', or set 'recompute_scale_factor' to True.")
    if align_corners is not None:
        if align_corners is not True and align_corners is not False:
            raise TypeError(f"For 'interpolate', the 'align_corners' must be a bool, but got "
                            f"{_shown(align_corners)}.")
        if "align_corners" not in options:
            raise ValueError(f"For 'interpolate', 'align_corners' cannot be set with mode '{mode}' and a {rank}-D "
                             f"input.")
    align = bool(align_corners)
    dtype = x._data.dtype.name
    if dtype not in _FLOATS and not (dtype == "uint8" and mode in ("nearest", "nearest-exact")):
        kinds = "Float16, Float32, Float64, BFloat16" + (" or UInt8" if mode in ("nearest", "nearest-exact") else "")
        raise TypeError(f"For 'interpolate', mode '{mode}' takes a {kinds} input, but got {x.dtype}.")
    if min(in_sizes) < 1:
        raise ValueRuntimeError(f"For 'interpolate', the input of shape {x.shape} has an empty spatial "
                                f"dimension: there is nothing to interpolate from.")
    if mode == "area" and rank == 3 and in_sizes[0] % size[0]:
        raise ValueError(f"For 'interpolate', mode 'area' on a 3-D input is adaptive_avg_pool1d, which needs the "
                         f"input length {in_sizes[0]} to be divisible by the output size {size[0]}.")
    if scale_factor is not None:
        out_sizes = tuple(math.floor(n * s) for n, s in zip(in_sizes, scale_factor))
    else:
        out_sizes = size
        scale_factor = (None,) * len(in_sizes)
    maps = tuple(_axis_map(mode, n, m, align, s) for n, m, s in zip(in_sizes, out_sizes, scale_factor))
    return P.resample_axes(x, maps)


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
    """``interpolate`` under its other name (MindSpore 2.10 keeps both)."""
    return interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor)


# ----------------------------------------------------------------------------- padding modes
_PAD_KINDS = {"reflect": "reflect", "replicate": "edge", "edge": "edge", "circular": "circular"}


def _pad_map(kind, n, before, after, op, dim):
    """The Resample axis map padding one dimension of size ``n`` by (before, after), checked."""
    out = n + before + after
    if kind in ("reflect", "symmetric"):
        limit = n - 1 if kind == "reflect" else n
        if max(before, 0) > limit or max(after, 0) > limit:
            what = "smaller than" if kind == "reflect" else "at most"
            raise ValueError(f"For '{op}', {kind} padding ({before}, {after}) must be {what} the size {n} of "
                             f"dimension {dim}.")
    elif kind == "circular":
        kept = n - max(-before, 0) - max(-after, 0)
        if kept < 1 or max(before, 0) > kept or max(after, 0) > kept:
            raise ValueError(f"For '{op}', circular padding ({before}, {after}) of dimension {dim} (size {n}) "
                             f"wraps around more than once: each side must be at most the size left after "
                             f"cropping, {max(kept, 0)}.")
    elif n < 1:
        raise ValueError(f"For '{op}', dimension {dim} is empty: there is no edge to replicate.")
    if out < 1:
        raise ValueError(f"For '{op}', padding ({before}, {after}) leaves nothing of dimension {dim} (size {n}).")
    if before == 0 and after == 0:
        return ("id", n)
    return (kind, n, before, after)


def _mode_pad(x, widths, kind, op):
    """``x`` padded by the per-dimension (before, after) ``widths`` of its last ``len(widths)`` dimensions."""
    if kind_of(x._data.dtype) == "b":
        raise TypeError(f"For '{op}', {kind} padding takes a number Tensor, but got {x.dtype}.")
    sizes = _static(x.shape[x.ndim - len(widths):], op)
    first = x.ndim - len(widths)
    maps = tuple(_pad_map(kind, n, b, a, op, first + i) for i, (n, (b, a)) in enumerate(zip(sizes, widths)))
    if all(m[0] == "id" for m in maps):
        return x
    return P.resample_axes(x, maps)


def _pad_rank(x, padding, mode):
    """MindSpore's PadV3 rule: 2k paddings pad the last k dimensions of a (k+1)- or (k+2)-D input, 3-D to 5-D
    after a batch axis is added (4-D for reflect)."""
    k = len(padding) // 2
    rank = x.ndim + 1 if x.ndim == k + 1 else x.ndim
    top = 4 if mode == "reflect" else 5
    if rank < 3 or rank > top or rank != k + 2:
        wanted = (f"the last {k} dimensions of a {k + 1}-D or {k + 2}-D input" if k + 2 <= top
                  else f"at most {top - 2} dimensions with this mode")
        raise ValueError(f"For 'pad', {len(padding)} paddings in mode {mode!r} pad {wanted}, but got an input of "
                         f"shape {x.shape}.")


def _pad_modes(x, padding, mode, value):
    """The non-constant modes of ``ops.pad`` (``padding`` already checked to be an even-length int tuple)."""
    if not isinstance(mode, str) or mode not in _PAD_KINDS:
        raise ValueError(f"For 'pad', the 'mode' must be one of 'constant', 'reflect', 'replicate' or 'circular', "
                         f"but got {mode!r}.")
    if len(padding) > 6:
        raise ValueError(f"For 'pad', mode {mode!r} takes at most 6 paddings (3 dimensions), but got "
                         f"{len(padding)}: {padding}.")
    if value is not None:
        raise ValueError(f"For 'pad', the 'value' is only used in 'constant' mode, but got value={value!r} with "
                         f"mode {mode!r}.")
    _pad_rank(x, padding, mode)
    k = len(padding) // 2
    widths = [(padding[2 * i], padding[2 * i + 1]) for i in range(k)][::-1]
    return _mode_pad(x, widths, _PAD_KINDS[mode], "pad")


def _mirror_pad(x, pairs, mode, op):
    """MindSpore's MirrorPad: ``pairs`` (before, after) for every dimension, from the first; mode 'REFLECT' (pads
    smaller than the size) or 'SYMMETRIC' (edges repeated, pads up to the size). Used by nn.Pad and
    nn.ReflectionPad*d."""
    if x.ndim > 5:
        raise ValueError(f"For '{op}', {mode.lower()} padding takes an input of at most 5 dimensions, but got shape "
                         f"{x.shape}.")
    if len(pairs) != x.ndim:
        raise ValueError(f"For '{op}', the paddings {tuple(tuple(p) for p in pairs)} give {len(pairs)} dimensions, "
                         f"but the input has shape {x.shape}.")
    if any(b < 0 or a < 0 for b, a in pairs):
        raise ValueError(f"For '{op}', the paddings must not be negative, but got {tuple(tuple(p) for p in pairs)}.")
    sizes = _static(x.shape, op)
    kind = "reflect" if mode == "REFLECT" else "symmetric"
    maps = tuple(_pad_map(kind, n, b, a, op, i) for i, (n, (b, a)) in enumerate(zip(sizes, pairs)))
    if all(m[0] == "id" for m in maps):
        return x
    return P.resample_axes(x, maps)


# ----------------------------------------------------------------------------- pixel and channel shuffles
def _factor(v, name):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError(f"The '{name}' must be an int, but got {_shown(v)}.")
    if v <= 0:
        raise ValueError(f"The '{name}' must be a positive int, but got {v}.")
    return int(v)


def _image_input(input, op):
    x = _tensor(input, "input", op)
    if x.ndim < 3:
        raise ValueError(f"For '{op}', the input must have at least 3 dimensions (..., C, H, W), but got shape "
                         f"{x.shape}.")
    return x


def pixel_shuffle(input, upscale_factor):
    """(..., C * r * r, H, W) -> (..., C, H * r, W * r)."""
    r = _factor(upscale_factor, "upscale_factor")
    x = _image_input(input, "pixel_shuffle")
    pre, (c, h, w) = tuple(x.shape[:-3]), x.shape[-3:]
    if c % (r * r):
        raise ValueError(f"For 'pixel_shuffle', the channel dimension {c} of the input of shape {x.shape} must be "
                         f"divisible by upscale_factor squared ({r} * {r} = {r * r}).")
    n = len(pre)
    t = P.reshape(x, pre + (c // (r * r), r, r, h, w))
    t = P.transpose(t, tuple(range(n + 1)) + (n + 3, n + 1, n + 4, n + 2))
    return P.reshape(t, pre + (c // (r * r), h * r, w * r))


def pixel_unshuffle(input, downscale_factor):
    """(..., C, H * r, W * r) -> (..., C * r * r, H, W)."""
    r = _factor(downscale_factor, "downscale_factor")
    x = _image_input(input, "pixel_unshuffle")
    pre, (c, h, w) = tuple(x.shape[:-3]), x.shape[-3:]
    if h % r or w % r:
        raise ValueError(f"For 'pixel_unshuffle', the height and width of the input of shape {x.shape} must be "
                         f"divisible by downscale_factor {r}.")
    n = len(pre)
    t = P.reshape(x, pre + (c, h // r, r, w // r, r))
    t = P.transpose(t, tuple(range(n + 1)) + (n + 2, n + 4, n + 1, n + 3))
    return P.reshape(t, pre + (c * r * r, h // r, w // r))


def _shuffle_channels(x, groups):
    """(N, C, ...) with its C = groups * k channels read in the order (k, groups) (checked by the caller)."""
    shape = tuple(x.shape)
    t = P.reshape(x, (shape[0], groups, shape[1] // groups) + shape[2:])
    t = P.transpose(t, (0, 2, 1) + tuple(range(3, len(shape) + 1)))
    return P.reshape(t, shape)


def channel_shuffle(x, groups):
    """Interleave the channels (axis 1) of ``x`` (N, C, H, W, ...) in ``groups`` groups: channel j of group g
    goes to position j * groups + g."""
    if isinstance(groups, bool) or not isinstance(groups, numbers.Integral):
        raise ValueError(f"For 'channel_shuffle', the 'groups' must be a positive int, but got {_shown(groups)}.")
    t = _tensor(x, "x", "channel_shuffle")
    if t.ndim < 4:
        raise TypeError(f"For 'channel_shuffle', the input must have more than 3 dimensions (N, C, H, W, ...), "
                        f"but got shape {t.shape}.")
    if groups <= 0:
        raise ValueError(f"For 'channel_shuffle', the 'groups' must be positive, but got {groups}.")
    c = t.shape[1]
    if c % groups:
        raise ValueError(f"For 'channel_shuffle', the {c} channels of the input of shape {t.shape} must be "
                         f"divisible by groups={groups}.")
    if kind_of(t._data.dtype) == "b":
        raise TypeError(f"For 'channel_shuffle', the input must be a number Tensor, but got {t.dtype}.")
    return _shuffle_channels(t, int(groups))


# ----------------------------------------------------------------------------- unfold and fold
def _window_arg(value, name, op, lengths, low):
    """An int or a tuple/list of ints (of a length in ``lengths``), each >= ``low``, as a pair."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, tuple, list)):
        raise TypeError(f"For '{op}', the '{name}' must be an int, tuple or list, but got {_shown(value)}.")
    if not isinstance(value, (tuple, list)):
        value = (value, value)
    if len(value) not in lengths:
        raise ValueError(f"For '{op}', the '{name}' must hold {' or '.join(map(str, lengths))} ints, but got "
                         f"{tuple(value)}.")
    for i, v in enumerate(value):
        if not _is_int(v):
            raise TypeError(f"For '{op}', the '{name}[{i}]' must be an int, but got {_shown(v)}.")
        if v < low:
            raise ValueError(f"For '{op}', the '{name}[{i}]' must be {'positive' if low else 'non-negative'}, but "
                             f"got {v}.")
    value = tuple(int(v) for v in value)
    return value * 2 if len(value) == 1 else value


def _check_blocks(op, spatial, kernel, dilation, padding, stride):
    return P.sliding_blocks(op, spatial, kernel, dilation, tuple((p, p) for p in padding), stride)


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """The sliding blocks of ``input`` (N, C, H, W) as columns (N, C * kh * kw, L), L the number of blocks."""
    op = "unfold"
    kernel = _window_arg(kernel_size, "kernel_size", op, (1, 2), 1)
    dilation = _window_arg(dilation, "dilation", op, (1, 2), 1)
    padding = _window_arg(padding, "padding", op, (1, 2), 0)
    stride = _window_arg(stride, "stride", op, (1, 2), 1)
    x = _tensor(input, "input", op)
    if x.ndim != 4:
        raise ValueError(f"For 'unfold', the input must be 4-D (N, C, H, W), but got shape {x.shape}.")
    if kind_of(x._data.dtype) == "b":
        raise TypeError(f"For 'unfold', the input must be a number Tensor, but got {x.dtype}.")
    _check_blocks(op, _static(x.shape[2:], op), kernel, dilation, padding, stride)
    return P.im2col(x, kernel, dilation, tuple((p, p) for p in padding), stride)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """The inverse layout of ``unfold``: columns (N, C * kh * kw, L) summed into an image (N, C, *output_size);
    ``output_size`` is a 1-D int Tensor of 2 elements, as in MindSpore."""
    op = "fold"
    kernel = _window_arg(kernel_size, "kernel_size", op, (2,), 1)
    dilation = _window_arg(dilation, "dilation", op, (2,), 1)
    padding = _window_arg(padding, "padding", op, (2,), 0)
    stride = _window_arg(stride, "stride", op, (2,), 1)
    if not isinstance(output_size, Tensor):
        raise TypeError(f"For 'fold', the 'output_size' must be a 1-D int Tensor of 2 elements, but got "
                        f"{_shown(output_size)}; wrap it with mindspore.Tensor(...).")
    if kind_of(output_size._data.dtype) not in "iu":
        raise TypeError(f"For 'fold', the 'output_size' must be an Int32 or Int64 Tensor, but got "
                        f"{output_size.dtype}.")
    if output_size.ndim != 1 or output_size.shape[0] != 2:
        raise ValueError(f"For 'fold', the 'output_size' must be a 1-D Tensor of 2 elements, but got shape "
                         f"{output_size.shape}.")
    size = tuple(int(v) for v in output_size.tolist())
    x = _tensor(input, "input", op)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For 'fold', the input must be a float Tensor, but got {x.dtype}.")
    k = kernel[0] * kernel[1]
    if x.ndim != 3 or x.shape[1] % k:
        raise ValueError(f"For 'fold', the input must be 3-D (N, C * {k}, L) for the kernel {kernel}, but got shape "
                         f"{x.shape}.")
    if min(size) < 1:
        raise ValueError(f"For 'fold', the 'output_size' must be positive, but got {size}.")
    blocks = _check_blocks(op, size, kernel, dilation, padding, stride)
    if x.shape[2] != blocks[0] * blocks[1]:
        raise ValueError(f"For 'fold', the input's last dimension must be the number of sliding blocks "
                         f"{blocks[0]} * {blocks[1]} = {blocks[0] * blocks[1]} of the output size {size}, but got "
                         f"shape {x.shape}.")
    return P.col2im(x, size, kernel, dilation, tuple((p, p) for p in padding), stride)


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
