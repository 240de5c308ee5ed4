"""General transforms (``mindspore.dataset.transforms``): ``TypeCast``, ``OneHot``, ``Compose``, and the
sequence transforms ``PadEnd``, ``Concatenate``, ``Fill``, ``Slice``, ``Mask``.

Every built-in transform is a :class:`TensorOperation`: its ``_batch(x, rng)`` works on a whole block of
samples at once (``x`` has one leading axis of samples), so a ``map`` in a pipeline costs a few NumPy calls per
block of thousands of samples, not a Python call per sample. Calling a transform directly on one array
(``TypeCast(ms.int32)(arr)``) runs the same code on a block of one.
"""
import numbers
import operator

import numpy as np

from ..._core import dtype as mstype
from .. import config

__all__ = ["TensorOperation", "TypeCast", "OneHot", "Compose", "PadEnd", "Concatenate", "Fill", "Slice", "Mask",
           "Relational"]


class TensorOperation:
    """Base of the built-in, vectorised transforms.

    ``_batch(x, rng)`` transforms a block (one leading axis over samples) and returns an array, or a list when
    the results differ in shape; ``_one(x, rng)`` transforms one sample (a block of one, unless a subclass
    handles single samples itself, e.g. PIL images). A transform of ``_n_inputs`` > 1 columns implements
    ``_batch_multi(cols, rng)`` (a list of columns in, a list out) and ``_call_multi(inputs)``.
    """
    _n_inputs = 1
    _fresh_output = False      # True: _batch always returns a new array (a following op may work in place)
    _inplace_ok = False        # True: _batch accepts inplace=True and may then overwrite its input

    def __call__(self, *input_tensor_list):
        name = type(self).__name__
        if len(input_tensor_list) != self._n_inputs:
            raise TypeError(f"{name}: expected {self._n_inputs} input array(s), but got {len(input_tensor_list)}.")
        if self._n_inputs > 1:
            return self._call_multi(input_tensor_list)
        x = input_tensor_list[0]
        if hasattr(x, "asnumpy") and not isinstance(x, np.ndarray):
            x = x.asnumpy()
        elif not isinstance(x, (np.ndarray, np.generic, numbers.Number, list, tuple)):
            raise TypeError(f"{name}: input should be a NumPy array, got {type(x)}.")
        return self._one(np.asarray(x), config._eager_rng())

    def _one(self, x, rng):
        out = self._batch(np.asarray(x)[None], rng)
        return out[0] if isinstance(out, list) else out[0, ...]

    def _batch(self, x, rng):  # pragma: no cover - abstract
        raise NotImplementedError

    def _call_multi(self, inputs):  # pragma: no cover - abstract
        raise NotImplementedError

    def _batch_multi(self, cols, rng):  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}()"


def _ms_type(data_type, op):
    if isinstance(data_type, str):
        raise TypeError(f"For '{op}', data_type must be a mindspore type or a numpy dtype, but got {data_type!r}.")
    try:
        return mstype.canonical(data_type)
    except TypeError:
        raise TypeError(f"For '{op}', data_type must be a mindspore type or a numpy dtype, "
                        f"but got {data_type!r}.") from None


class TypeCast(TensorOperation):
    """Cast to ``data_type`` (a ``mindspore`` type such as ``mindspore.int32``, or a NumPy dtype)."""

    def __init__(self, data_type):
        self.data_type = _ms_type(data_type, "TypeCast")
        self._np = self.data_type.np_dtype

    def _batch(self, x, rng):
        if x.dtype.kind not in "biuf":
            raise RuntimeError(f"TypeCast: cannot cast data of dtype {x.dtype} to {self.data_type}.")
        if x.dtype == self._np:
            return x
        with np.errstate(invalid="ignore", over="ignore"):
            return x.astype(self._np)

    def __repr__(self):
        return f"TypeCast(data_type={self.data_type!r})"


class OneHot(TensorOperation):
    """One-hot encode integer labels: ``(...)`` -> ``(..., num_classes)`` with the label's dtype
    (float32 when ``smoothing_rate`` > 0: ``1 - rate + rate/num_classes`` on, ``rate/num_classes`` off)."""

    def __init__(self, num_classes, smoothing_rate=0.0):
        if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes <= 0:
            raise ValueError(f"For 'OneHot', num_classes must be a positive int, but got {num_classes!r}.")
        if not isinstance(smoothing_rate, numbers.Real) or not 0.0 <= smoothing_rate <= 1.0:
            raise ValueError(f"For 'OneHot', smoothing_rate must be in [0.0, 1.0], but got {smoothing_rate!r}.")
        self.num_classes = int(num_classes)
        self.smoothing_rate = float(smoothing_rate)

    def _batch(self, x, rng):
        if x.dtype.kind not in "iu":
            raise RuntimeError(f"OneHot: the input should be integer class indices, but got dtype {x.dtype}.")
        if x.size:
            hi, lo = x.max(), x.min()
            if hi >= self.num_classes or lo < 0:
                bad = hi if hi >= self.num_classes else lo
                raise RuntimeError(f"OneHot: index values should be in [0, {self.num_classes}), "
                                   f"but got: {int(bad)}.")
        hot = x[..., None] == np.arange(self.num_classes, dtype=x.dtype)
        if self.smoothing_rate > 0:
            r = self.smoothing_rate
            return np.where(hot, np.float32(1 - r + r / self.num_classes),
                            np.float32(r / self.num_classes)).astype(np.float32)
        return hot.astype(x.dtype)

    def __repr__(self):
        return f"OneHot(num_classes={self.num_classes})"


class Compose:
    """Apply ``transforms`` in order. In ``Dataset.map`` it behaves exactly like passing the list (and stays
    vectorised when every member is a built-in transform)."""

    def __init__(self, transforms):
        if not isinstance(transforms, (list, tuple)) or not transforms:
            raise TypeError(f"For 'Compose', transforms must be a non-empty list of callables, "
                            f"but got {transforms!r}.")
        for t in transforms:
            if not callable(t):
                raise TypeError(f"For 'Compose', every transform must be callable, but got {t!r}.")
        self.transforms = list(transforms)

    def _flat(self):
        out = []
        for t in self.transforms:
            out.extend(t._flat() if isinstance(t, Compose) else [t])
        return out

    def __call__(self, *args):
        for t in self.transforms:
            args = t(*args)
            if not isinstance(args, tuple):
                args = (args,)
        return args[0] if len(args) == 1 else args

    def __repr__(self):
        return f"Compose({self.transforms!r})"


# ---------------------------------------------------------------------------------------------- sequences
def _pad_scalar(value, dtype, op):
    """``value`` (None: 0, or '' for strings) as a scalar of an array of ``dtype``."""
    if dtype.kind in "US":
        if value is None:
            return ""
        if not isinstance(value, (str, bytes)):
            raise RuntimeError(f"{op}: the pad value {value!r} is not a string, but the input holds strings.")
        return value
    if value is None:
        return 0
    if isinstance(value, (str, bytes)):
        raise RuntimeError(f"{op}: the pad value {value!r} is a string, but the input holds {dtype}.")
    return value


def _pad_to(x, shape, value, op):
    """``x`` truncated and padded at the end of each axis to ``shape`` (entries None: keep that axis)."""
    if len(shape) != x.ndim:
        raise RuntimeError(f"{op}: invalid pad_shape, the rank of pad_shape must be equal to the rank of the input "
                           f"tensor, but got pad_shape rank {len(shape)} and input shape {list(x.shape)}.")
    target = tuple(x.shape[i] if s is None else s for i, s in enumerate(shape))
    if target == x.shape:
        return x
    fill = _pad_scalar(value, x.dtype, op)
    dt = x.dtype
    if dt.kind == "U":
        dt = np.dtype(f"<U{max(dt.itemsize // 4, len(fill), 1)}")
    out = np.full(target, fill, dtype=dt)
    src = tuple(slice(0, min(a, b)) for a, b in zip(x.shape, target))
    out[src] = x[src]
    return out


class PadEnd(TensorOperation):
    """Pad (or truncate) each axis at its end to ``pad_shape``; ``pad_value`` fills (None: 0, or '' for
    strings)."""

    def __init__(self, pad_shape, pad_value=None):
        if not isinstance(pad_shape, list):
            raise TypeError(f"Argument pad_shape with value {pad_shape!r} is not of type [<class 'list'>], but got "
                            f"{type(pad_shape)}.")
        for i, d in enumerate(pad_shape):
            if isinstance(d, bool) or not isinstance(d, int) or d <= 0:
                raise ValueError(f"PadEnd: pad_shape[{i}] must be a positive int, but got {d!r}.")
        if pad_value is not None and (isinstance(pad_value, bool) or
                                      not isinstance(pad_value, (str, bytes, int, float))):
            raise TypeError(f"Argument pad_value with value {pad_value!r} is not of type [<class 'str'>, "
                            f"<class 'float'>, <class 'bool'>, <class 'int'>, <class 'bytes'>], but got "
                            f"{type(pad_value)}.")
        self.pad_shape, self.pad_value = list(pad_shape), pad_value

    def _one(self, x, rng):
        return _pad_to(np.asarray(x), self.pad_shape, self.pad_value, "PadEnd")

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]

    def __repr__(self):
        return f"PadEnd(pad_shape={self.pad_shape}, pad_value={self.pad_value!r})"


def _opt_array(a, name):
    if a is None:
        return None
    if not isinstance(a, np.ndarray):
        raise TypeError(f"Argument {name} with value {a!r} is not of type [<class 'numpy.ndarray'>], but got "
                        f"{type(a)}.")
    return a


class Concatenate(TensorOperation):
    """``prepend`` + the input + ``append`` along ``axis`` (0 or -1: 1-D inputs)."""

    def __init__(self, axis=0, prepend=None, append=None):
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise TypeError(f"Argument axis with value {axis!r} is not of type [<class 'int'>], but got "
                            f"{type(axis)}.")
        self.axis = axis
        self.prepend, self.append = _opt_array(prepend, "prepend"), _opt_array(append, "append")
        for name, a in (("prepend", self.prepend), ("append", self.append)):
            if a is not None and a.ndim != 1:
                raise ValueError(f"can only {name} 1D arrays.")

    def _one(self, x, rng):
        x = np.asarray(x)
        if self.axis not in (0, -1):
            raise RuntimeError(f"Concatenate: only 1D concatenation is supported, axis must be 0 or -1, but got "
                               f"{self.axis}.")
        parts = [p for p in (self.prepend, x, self.append) if p is not None]
        for p in parts:
            if p.ndim != 1:
                raise RuntimeError(f"Concatenate: only 1D input supported, but got an input of shape "
                                   f"{list(p.shape)}.")
        kinds = {("str" if p.dtype.kind in "US" else p.dtype) for p in parts}
        if len(kinds) > 1:
            raise RuntimeError(f"Concatenate: the input, prepend and append must have the same type, but got "
                               f"{[str(p.dtype) for p in parts]}.")
        return np.concatenate(parts)

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]

    def __repr__(self):
        return f"Concatenate(axis={self.axis})"


class Fill(TensorOperation):
    """An array of the input's shape and dtype, every element ``fill_value``."""

    def __init__(self, fill_value):
        if isinstance(fill_value, bool) or not isinstance(fill_value, (str, bytes, int, float)):
            raise TypeError(f"Argument fill_value with value {fill_value!r} is not of type [<class 'str'>, "
                            f"<class 'float'>, <class 'bool'>, <class 'int'>, <class 'bytes'>], but got "
                            f"{type(fill_value)}.")
        self.fill_value = fill_value

    def _batch(self, x, rng):
        if (x.dtype.kind in "US") != isinstance(self.fill_value, (str, bytes)):
            raise RuntimeError(f"Fill: the fill value {self.fill_value!r} and the input of dtype {x.dtype} are not "
                               f"both strings or both numbers.")
        if x.dtype.kind == "U":
            return np.full(x.shape, self.fill_value, dtype=f"<U{max(len(self.fill_value), 1)}")
        with np.errstate(invalid="ignore", over="ignore"):
            return np.full(x.shape, np.asarray(self.fill_value).astype(x.dtype), dtype=x.dtype)

    def __repr__(self):
        return f"Fill(fill_value={self.fill_value!r})"


class Slice(TensorOperation):
    """Index the input with one item per axis: an int, a list of ints, a ``slice``, None or Ellipsis (the
    whole axis)."""

    def __init__(self, *slices):
        for s in slices:
            ok = s is None or s is Ellipsis or isinstance(s, slice) or (
                isinstance(s, int) and not isinstance(s, bool)) or (
                isinstance(s, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in s))
            if not ok:
                raise TypeError(f"Slice: each slice must be an int, a list of ints, a slice, None or Ellipsis, but "
                                f"got {s!r}.")
        self.slices = slices

    def _one(self, x, rng):
        x = np.asarray(x)
        if len(self.slices) > x.ndim:
            raise RuntimeError(f"Slice: {len(self.slices)} slices given for an input of rank {x.ndim}.")
        out = x
        for axis, s in enumerate(self.slices):
            if s is None or s is Ellipsis:
                continue
            if isinstance(s, int):
                s = [s]                  # (the axis is kept, as MindSpore does)
            if isinstance(s, list):
                n = x.shape[axis]
                for i in s:
                    if not -n <= i < n:
                        raise RuntimeError(f"Slice: index {i} is out of bounds for axis {axis} of size {n}.")
                out = np.take(out, s, axis=axis)
            else:
                out = out[(slice(None),) * axis + (s,)]
        return out

    def _batch(self, x, rng):
        return [self._one(r, rng) for r in x]

    def __repr__(self):
        return f"Slice{self.slices!r}"


class Relational:
    """The comparisons of :class:`Mask`."""
    EQ = "EQ"
    NE = "NE"
    GT = "GT"
    GE = "GE"
    LT = "LT"
    LE = "LE"


# the operators, not np.equal & co.: NumPy before 1.25 has no comparison ufunc loops for strings
_RELATIONS = {"EQ": operator.eq, "NE": operator.ne, "GT": operator.gt, "GE": operator.ge, "LT": operator.lt,
              "LE": operator.le}


class Mask(TensorOperation):
    """``input <operator> constant`` elementwise, as ``dtype`` (bool by default)."""

    def __init__(self, operator, constant, dtype=mstype.bool_):
        if operator not in _RELATIONS:
            raise TypeError(f"Argument operator with value {operator!r} is not of type [Relational].")
        if isinstance(constant, bool) or not isinstance(constant, (str, bytes, int, float)):
            raise TypeError(f"Argument constant with value {constant!r} is not of type [<class 'str'>, "
                            f"<class 'float'>, <class 'bool'>, <class 'int'>, <class 'bytes'>], but got "
                            f"{type(constant)}.")
        self.operator, self.constant, self.dtype = operator, constant, _ms_type(dtype, "Mask")

    def _batch(self, x, rng):
        if (x.dtype.kind in "US") != isinstance(self.constant, (str, bytes)):
            raise RuntimeError(f"Mask: the constant {self.constant!r} and the input of dtype {x.dtype} are not "
                               f"both strings or both numbers.")
        c = self.constant if x.dtype.kind in "US" else np.asarray(self.constant).astype(x.dtype)
        return _RELATIONS[self.operator](x, c).astype(self.dtype.np_dtype)

    def __repr__(self):
        return f"Mask(operator={self.operator}, constant={self.constant!r})"
