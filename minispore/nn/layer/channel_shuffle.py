"""ChannelShuffle."""
import numbers

from ...ops.function.image_func import _shuffle_channels
from ..cell import Cell
from ._validation import tensor_input

__all__ = ["ChannelShuffle"]


class ChannelShuffle(Cell):
    """Interleave the channels (axis 1) of an (N, C, ...) input in ``groups`` groups (ShuffleNet): channel j of
    group g goes to position j * groups + g. Unlike ``ops.channel_shuffle`` it takes inputs of any rank >= 2."""

    def __init__(self, groups):
        super().__init__()
        name = type(self).__name__
        if isinstance(groups, bool) or not isinstance(groups, numbers.Integral):
            raise TypeError(f"For '{name}', the 'groups' must be an int, but got {type(groups).__name__} "
                            f"({groups!r}).")
        if groups < 1:
            raise ValueError(f"For '{name}', the 'groups' must be positive, but got {groups}.")
        self.groups = int(groups)

    def construct(self, x):
        name = type(self).__name__
        x = tensor_input(x, name)
        if x.ndim < 2:
            raise ValueError(f"For '{name}', the input must be (N, C, ...), at least 2-D, but got shape {x.shape}.")
        c = x.shape[1]
        if c % self.groups:
            raise ValueError(f"For '{name}', the {c} channels of the input of shape {x.shape} must be divisible by "
                             f"groups={self.groups}.")
        return _shuffle_channels(x, self.groups)
