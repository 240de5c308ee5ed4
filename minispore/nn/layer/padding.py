"""ZeroPad2d, ReflectionPad1d/2d/3d, ReplicationPad1d/2d/3d, ConstantPad1d/2d/3d and Pad.

The rules are MindSpore 2.10's, which differ by family:

- ``ConstantPad*d``/``ZeroPad2d`` are ``ops.pad(x, padding, 'constant', value)``: ``padding`` (left, right, top,
  bottom, ...) from the last dimension, negative values crop.
- ``ReflectionPad*d`` reflect the last ``len(padding) / 2`` dimensions of an input of any rank up to 5 (MirrorPad),
  each padding smaller than its dimension.
- ``ReplicationPad*d`` add a batch axis to an unbatched input (2-D for 1d, 3-D for 2d, 4-D for 3d), then follow
  ``ops.pad``'s 'replicate' rule: 2k paddings for a (k + 2)-D input; negative values crop.
- ``Pad(paddings, mode)`` takes one (before, after) pair per dimension, from the first; 'CONSTANT' pads zeros,
  'REFLECT' and 'SYMMETRIC' mirror (without and with the edge element).
"""
import numbers

from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...ops import _prims as P
from ...ops.function.image_func import _mirror_pad, _mode_pad
from ..cell import Cell
from ._validation import tensor_input

__all__ = ["ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ReflectionPad1d", "ReflectionPad2d",
           "ReflectionPad3d", "ZeroPad2d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "Pad"]


def _is_int(v):
    return isinstance(v, numbers.Integral)      # (MindSpore's isinstance(v, int): True counts as 1)


def _pairs_from_last(padding):
    """(l0, r0, l1, r1, ...) from the last dimension -> [[before, after], ...] from the first of those dims."""
    return [[padding[2 * i], padding[2 * i + 1]] for i in range(len(padding) // 2)][::-1]


# ----------------------------------------------------------------------------- constant
class _ConstantPadNd(Cell):
    _MAX = None         # the most paddings a tuple may hold (1d: exactly 2)

    def __init__(self, padding, value):
        super().__init__()
        name = type(self).__name__
        n = self._DIMS
        if _is_int(padding) and not isinstance(padding, bool):
            padding = (int(padding),) * (2 * n)
        elif isinstance(padding, tuple):
            if len(padding) % 2:
                raise ValueError(f"For '{name}', the length of the 'padding' tuple must be a multiple of 2, but got "
                                 f"{len(padding)}: {padding}.")
            if n == 1 and len(padding) != 2:
                raise ValueError(f"For '{name}', the 'padding' tuple must hold 2 values, but got {len(padding)}: "
                                 f"{padding}.")
            if len(padding) > 2 * n:
                raise ValueError(f"For '{name}', the 'padding' tuple must hold at most {2 * n} values, but got "
                                 f"{len(padding)}: {padding}.")
        else:
            raise TypeError(f"For '{name}', the 'padding' must be an int or a tuple, but got "
                            f"{type(padding).__name__} ({padding!r}).")
        if not isinstance(value, (int, float)):
            raise TypeError(f"For '{name}', the 'value' must be an int or a float, but got {type(value).__name__} "
                            f"({value!r}).")
        self.value = value
        self.padding = padding

    def construct(self, x):
        return ops.pad(tensor_input(x, type(self).__name__), padding=self.padding, mode="constant", value=self.value)


class ConstantPad1d(_ConstantPadNd):
    """Pad the last dimension with ``value``: ``padding`` an int or (left, right)."""
    _DIMS = 1


class ConstantPad2d(_ConstantPadNd):
    """Pad the last two dimensions with ``value``: ``padding`` an int or (left, right, top, bottom)."""
    _DIMS = 2


class ConstantPad3d(_ConstantPadNd):
    """Pad the last three dimensions with ``value``: an int or (left, right, top, bottom, front, back)."""
    _DIMS = 3


class ZeroPad2d(_ConstantPadNd):
    """Pad the last two dimensions with zeros: ``padding`` an int or (left, right, top, bottom)."""
    _DIMS = 2

    def __init__(self, padding):
        super().__init__(padding, 0)


# ----------------------------------------------------------------------------- reflection and replication
def _mode_padding(padding, name, non_negative):
    if not isinstance(padding, tuple):
        raise TypeError(f"For '{name}', the 'padding' must be an int or a tuple, but got {type(padding).__name__} "
                        f"({padding!r}).")
    if len(padding) % 2:
        raise ValueError(f"For '{name}', the length of the 'padding' tuple must be divisible by 2, but got "
                         f"{len(padding)}: {padding}.")
    if not all(_is_int(p) for p in padding):
        raise TypeError(f"For '{name}', every element of 'padding' must be an int, but got {padding}.")
    if non_negative and not all(p >= 0 for p in padding):
        raise ValueError(f"For '{name}', every element of 'padding' must be >= 0, but got {padding}.")
    return tuple(int(p) for p in padding)


class _ReflectionPadNd(Cell):
    def __init__(self, padding):
        super().__init__()
        self.name = type(self).__name__
        if _is_int(padding):
            padding = (padding,) * (2 * self._DIMS)
        padding = _mode_padding(padding, self.name, True)
        self.padding = _pairs_from_last(padding)

    def construct(self, x):
        x = tensor_input(x, self.name)
        if not self.padding:
            return x
        if x.ndim < len(self.padding):
            raise ValueError(f"For '{self.name}', {2 * len(self.padding)} paddings need an input of at least "
                             f"{len(self.padding)} dimensions, but got shape {x.shape}.")
        pairs = [[0, 0]] * (x.ndim - len(self.padding)) + self.padding
        return _mirror_pad(x, pairs, "REFLECT", self.name)


class ReflectionPad1d(_ReflectionPadNd):
    """Reflect the last dimension (without repeating the edge): ``padding`` an int or (left, right)."""
    _DIMS = 1


class ReflectionPad2d(_ReflectionPadNd):
    """Reflect the last two dimensions: ``padding`` an int or (left, right, top, bottom)."""
    _DIMS = 2


class ReflectionPad3d(_ReflectionPadNd):
    """Reflect the last three dimensions: an int or (left, right, top, bottom, front, back)."""
    _DIMS = 3


class _ReplicationPadNd(Cell):
    def __init__(self, padding):
        super().__init__()
        self.name = type(self).__name__
        if _is_int(padding):
            padding = (padding,) * (2 * self._DIMS)
        self.padding = _mode_padding(padding, self.name, False)

    def construct(self, x):
        x = tensor_input(x, self.name)
        if not self.padding:
            return x
        k = len(self.padding) // 2
        rank = x.ndim + 1 if x.ndim == self._DIMS + 1 else x.ndim      # an unbatched input gains a batch axis
        if rank < 3 or rank > 5 or rank != k + 2:
            ranks = f"{k + 1}-D or {k + 2}-D" if k == self._DIMS else f"{k + 2}-D"
            raise ValueError(f"For '{self.name}', {len(self.padding)} paddings replicate the last {k} dimensions of "
                             f"a {ranks} input (3-D to 5-D once batched), but got an input of shape {x.shape}.")
        widths = [(self.padding[2 * i], self.padding[2 * i + 1]) for i in range(k)][::-1]
        return _mode_pad(x, widths, "edge", self.name)


class ReplicationPad1d(_ReplicationPadNd):
    """Repeat the edge elements of the last dimension: ``padding`` an int or (left, right); 2-D or 3-D input."""
    _DIMS = 1


class ReplicationPad2d(_ReplicationPadNd):
    """Repeat the edges of the last two dimensions: an int or (left, right, top, bottom); 3-D or 4-D input."""
    _DIMS = 2


class ReplicationPad3d(_ReplicationPadNd):
    """Repeat the edges of the last three dimensions: an int or six values; 4-D or 5-D input."""
    _DIMS = 3


# ----------------------------------------------------------------------------- Pad
_PAD_MODES = ("CONSTANT", "REFLECT", "SYMMETRIC")


class Pad(Cell):
    """Pad every dimension by ``paddings`` ((before, after), ...), one pair per dimension from the first (up to 4)."""

    def __init__(self, paddings, mode="CONSTANT"):
        super().__init__()
        name = type(self).__name__
        if not isinstance(mode, str) or mode not in _PAD_MODES:
            raise ValueError(f"For '{name}', the 'mode' must be one of {list(_PAD_MODES)}, but got {mode!r}.")
        if not isinstance(paddings, tuple):
            raise TypeError(f"For '{name}', the 'paddings' must be a tuple of (before, after) pairs, but got "
                            f"{type(paddings).__name__} ({paddings!r}).")
        for item in paddings:
            if not isinstance(item, (tuple, list)):
                raise TypeError(f"For '{name}', the 'paddings' must be a tuple of (before, after) pairs, but got "
                                f"{paddings!r}.")
            if len(item) != 2:
                raise ValueError(f"For '{name}', the 'paddings' must have the shape (n, 2), but got {paddings}.")
        if len(paddings) > 4:
            raise ValueError(f"For '{name}', 'paddings' may pad at most 4 dimensions, but got {len(paddings)}.")
        self.mode = mode
        # (MindSpore keeps the mirror modes' paddings as an Int64 Tensor)
        self.paddings = paddings if mode == "CONSTANT" else Tensor([list(p) for p in paddings], mstype.int64)
        self._pairs = tuple(tuple(p) for p in paddings)

    def construct(self, x):
        name = type(self).__name__
        x = tensor_input(x, name)
        pairs = self._pairs
        if not all(_is_int(v) and not isinstance(v, bool) for p in pairs for v in p):
            raise TypeError(f"For '{name}', the 'paddings' must be ints, but got {pairs}.")
        if self.mode != "CONSTANT":
            return _mirror_pad(x, pairs, self.mode, name)
        if len(pairs) != x.ndim:
            raise ValueError(f"For '{name}', the {len(pairs)} pairs of 'paddings' must match the rank of the input "
                             f"of shape {x.shape}.")
        if any(v < 0 for p in pairs for v in p):
            raise ValueError(f"For '{name}', the 'paddings' must not be negative, but got {pairs}.")
        return P.pad(x, pairs, 0)
