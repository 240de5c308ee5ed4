"""Upsample, PixelShuffle/PixelUnshuffle and Unfold.

MindSpore 2.10 has no ``nn.ResizeBilinear`` any more (``nn.Upsample(mode='bilinear')`` replaces it), so neither
has minispore. ``nn.Unfold`` is MindSpore's deprecated TensorFlow-style patch extraction (ExtractImagePatches,
which 2.10's CPU build cannot run): ``ksizes``/``strides``/``rates`` as ``[1, row, col, 1]``, padding 'same' or
'valid', and the output channels ordered (kernel row, kernel column, input channel).
"""
import logging
import numbers

from ... import ops
from ...ops import _prims as P
from ..cell import Cell
from ._validation import tensor_input

__all__ = ["Upsample", "PixelShuffle", "PixelUnshuffle", "Unfold"]

_logger = logging.getLogger("minispore")


class Upsample(Cell):
    """``ops.interpolate`` with the arguments fixed at construction (checked at the call, as in MindSpore)."""

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
        super().__init__()
        self.size = size
        self.scale_factor = scale_factor
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def construct(self, x):
        return ops.interpolate(x, self.size, self.scale_factor, self.mode, self.align_corners,
                               self.recompute_scale_factor)


class PixelShuffle(Cell):
    """(..., C * r * r, H, W) -> (..., C, H * r, W * r)."""

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def construct(self, input):
        return ops.pixel_shuffle(input, self.upscale_factor)


class PixelUnshuffle(Cell):
    """(..., C, H * r, W * r) -> (..., C * r * r, H, W)."""

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def construct(self, input):
        return ops.pixel_unshuffle(input, self.downscale_factor)


def _patch_arg(value, name, cell):
    """``[1, row, col, 1]`` -> (row, col)."""
    if not isinstance(value, (tuple, list)):
        raise TypeError(f"For '{cell}', the '{name}s' must be a tuple or list [1, {name}_row, {name}_col, 1], but got "
                        f"{type(value).__name__} ({value!r}).")
    if len(value) != 4 or value[0] != 1 or value[3] != 1:
        raise ValueError(f"For '{cell}', the '{name}s' must be [1, {name}_row, {name}_col, 1], but got {value}.")
    row, col = value[1], value[2]
    if not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= 1 for v in (row, col)):
        raise ValueError(f"For '{cell}', the {name}_row and {name}_col in '{name}s' must be positive ints, but got "
                         f"{name}_row {row!r} and {name}_col {col!r}.")
    return int(row), int(col)


_warned = []


class Unfold(Cell):
    """The patches of a (N, C, H, W) input: (N, kh * kw * C, out_row, out_col), each patch's elements ordered
    (kernel row, kernel column, channel). 'valid' keeps the patches inside the image; 'same' gives
    ceil(size / stride) patches per dimension, zero-padded, the odd pixel at the end."""

    def __init__(self, ksizes, strides, rates, padding="valid"):
        super().__init__()
        name = type(self).__name__
        if not _warned:
            _warned.append(True)
            _logger.warning("'Unfold' is deprecated from version 2.8.0 and will be removed in a future version, use "
                            "'ops.unfold' instead.")
        self.ksizes = _patch_arg(ksizes, "ksize", name)
        self.strides = _patch_arg(strides, "stride", name)
        self.rates = _patch_arg(rates, "rate", name)
        if not isinstance(padding, str):
            raise TypeError(f"For '{name}', the 'padding' must be a str, 'same' or 'valid', but got "
                            f"{type(padding).__name__} ({padding!r}).")
        if padding.upper() not in ("SAME", "VALID"):
            raise ValueError(f"For '{name}', the 'padding' must be 'same' or 'valid', but got {padding!r}.")
        self.padding = padding.upper()

    def _pads(self, sizes):
        pads, outs = [], []
        for n, k, s, r in zip(sizes, self.ksizes, self.strides, self.rates):
            span = (k - 1) * r + 1
            out = -(-n // s) if self.padding == "SAME" else -(-(n - span + 1) // s)
            total = max((out - 1) * s + span - n, 0) if self.padding == "SAME" else 0
            pads.append((total // 2, total - total // 2))
            outs.append(out)
        return tuple(pads), tuple(outs)

    def construct(self, input_x):
        name = type(self).__name__
        x = tensor_input(input_x, name, "input_x")
        if x.ndim != 4:
            raise ValueError(f"For '{name}', the input must be 4-D (N, C, H, W), but got shape {x.shape}.")
        n, c, h, w = x.shape
        pads, outs = self._pads((h, w))
        if min(outs) < 1:
            raise ValueError(f"For '{name}', the patches {self.ksizes} with rates {self.rates} do not fit the input "
                             f"of shape {x.shape} with padding '{self.padding.lower()}': the output would be "
                             f"{outs}.")
        kh, kw = self.ksizes
        cols = P.im2col(x, self.ksizes, self.rates, pads, self.strides)           # (N, C * kh * kw, L)
        cols = P.reshape(cols, (n, c, kh, kw) + outs)
        cols = P.transpose(cols, (0, 2, 3, 1, 4, 5))
        return P.reshape(cols, (n, kh * kw * c) + outs)
