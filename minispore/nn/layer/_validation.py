"""Argument checks shared by the layers and losses: a wrong argument is a TypeError or ValueError naming the Cell and
the value, raised at construction (or at the call, for the input), never an error from deep inside a kernel."""
import numbers

from ..._core.tensor import Tensor
from ..._core.dtype import kind_of


def _name(v):
    return f"{type(v).__name__} ({v!r})"


def int_arg(value, name, cell, low=None):
    """An int (not bool); ``low``: the smallest value allowed (ValueError below it)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{cell}', the '{name}' must be an int, but got {_name(value)}.")
    if low is not None and value < low:
        raise ValueError(f"For '{cell}', the '{name}' must be {'positive' if low == 1 else f'at least {low}'}, "
                         f"but got {value}.")
    return int(value)


def positive_int(value, name, cell):
    return int_arg(value, name, cell, 1)


def number(value, name, cell, positive=False, low=None, high=None):
    """A real number (not bool), optionally > 0 or in [low, high]; NaN is refused."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"For '{cell}', the '{name}' must be a number, but got {_name(value)}.")
    if value != value:
        raise ValueError(f"For '{cell}', the '{name}' must be a number, but got nan.")
    if positive and not value > 0:
        raise ValueError(f"For '{cell}', the '{name}' must be positive, but got {value}.")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"For '{cell}', the '{name}' must be in [{low}, {high}], but got {value}.")
    return value


def flag(value, name, cell):
    if value is True or value is False:
        return value
    raise TypeError(f"For '{cell}', the '{name}' must be a bool, but got {_name(value)}.")


def int_tuple(value, name, cell):
    """A tuple or list of ints, as a tuple."""
    if not isinstance(value, (tuple, list)) or not all(
            isinstance(d, numbers.Integral) and not isinstance(d, bool) for d in value):
        raise TypeError(f"For '{cell}', the '{name}' must be a tuple or list of ints, but got {_name(value)}.")
    return tuple(int(d) for d in value)


def tensor_input(x, cell, name="input"):
    """The input of a Cell's call: a Tensor."""
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cell}', the {name} must be a Tensor, but got {type(x).__name__}.")
    return x


def float_input(x, cell, name="input"):
    """The input of a Cell whose kernel takes floats only (LayerNorm, BatchNorm)."""
    tensor_input(x, cell, name)
    if kind_of(x._data.dtype) != "f":
        raise TypeError(f"For '{cell}', the {name} must be a float Tensor (Float16, Float32 or Float64), but got "
                        f"{x.dtype}.")
    return x
