"""General transforms (``mindspore.dataset.transforms``): ``TypeCast``, ``OneHot``, ``Compose``.

Every built-in transform is a :class:`TensorOperation`: its ``_batch(x, rng)`` works on a whole block of
samples at once (``x`` has one leading axis of samples), so a ``map`` in a pipeline costs a few NumPy calls per
block of thousands of samples, not a Python call per sample. Calling a transform directly on one array
(``TypeCast(ms.int32)(arr)``) runs the same code on a block of one.
"""
import numbers

import numpy as np

from ..._core import dtype as mstype
from .. import config

__all__ = ["TensorOperation", "TypeCast", "OneHot", "Compose"]


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
