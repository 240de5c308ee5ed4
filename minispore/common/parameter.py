"""Parameter: a named, trainable Tensor; ParameterTuple: a tuple of them."""
import copy
import itertools

import numpy as np

from .._core import backend, memory
from .._core.tensor import Tensor, _to_array, _wrap

_counter = itertools.count(1)


def _initial_array(default_input):
    if isinstance(default_input, bool):
        return backend.asarray(default_input)
    if isinstance(default_input, int):
        return backend.asarray(default_input, np.int32)     # Parameter(3) is Int32 in MindSpore
    if hasattr(default_input, "init_data") and not isinstance(default_input, Tensor):
        default_input = default_input.init_data()
    return _to_array(default_input, None)


class Parameter(Tensor):
    """A Tensor that a Cell owns and optimizers update.

    Args:
        default_input: a Tensor, NumPy array, list or number.
        name: the parameter's name; generated (``Parameter#N``) and replaced by the attribute path when the
            parameter is put into a Cell.
        requires_grad: whether optimizers and ``trainable_params`` include it.
    """
    __slots__ = ("_name", "requires_grad", "layerwise_parallel", "parallel_optimizer", "_name_generated",
                 "_user_named", "__dict__")

    def __init__(self, default_input, name=None, requires_grad=True, layerwise_parallel=False,
                 parallel_optimizer=True, storage_format='', device=None):
        self._data = memory.track(_initial_array(default_input))
        self._trace = None
        if name is not None and not isinstance(name, str):
            raise TypeError(f"For 'Parameter', the name must be a string, but got {type(name).__name__}.")
        self._name_generated = name is None
        self._name = f"Parameter#{next(_counter)}" if name is None else name
        if not isinstance(requires_grad, bool):
            raise TypeError(f"For 'Parameter', 'requires_grad' must be bool, but got {type(requires_grad).__name__}")
        self.requires_grad = requires_grad
        self.layerwise_parallel = layerwise_parallel
        self.parallel_optimizer = parallel_optimizer

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        if not isinstance(value, str):
            raise TypeError(f"For 'Parameter', the name must be a string, but got {type(value).__name__}.")
        self._name = value
        self._name_generated = False

    @property
    def data(self):
        return self

    def __repr__(self):
        return (f"Parameter (name={self._name}, shape={tuple(self._data.shape)}, dtype={self.dtype}, "
                f"requires_grad={self.requires_grad})")

    __str__ = __repr__

    def set_data(self, data, slice_shape=False):
        """Replace the values (keeping this Parameter's dtype); returns the Parameter."""
        if isinstance(data, Tensor):
            arr = data._data
        elif isinstance(data, (np.ndarray, list, tuple, int, float, bool, np.generic)):
            arr = backend.asarray(data)           # host data onto the device
        else:
            raise TypeError(f"For 'Parameter.set_data', the data must be a Tensor, ndarray or number, "
                            f"but got {type(data).__name__}.")
        current = self._data
        if arr.shape == current.shape and current.flags.writeable and not backend.xp.shares_memory(arr, current):
            # write into the existing buffer: arrays obtained from asnumpy() (shared memory, as in MindSpore)
            # and compiled graphs that read this Parameter see the new values
            backend.xp.copyto(current, arr, casting="unsafe")
        else:
            self._data = memory.track(backend.xp.array(arr, dtype=current.dtype, copy=True))
        return self

    def value(self):
        return _wrap(self._data) if self._trace is None else self + 0

    def clone(self, init='same'):
        new = copy.copy(self)
        new._data = memory.track(self._data.copy())
        new._trace = None
        return new

    def __copy__(self):
        new = Parameter.__new__(Parameter)
        new._data = self._data
        new._trace = None
        for k in ("_name", "requires_grad", "layerwise_parallel", "parallel_optimizer", "_name_generated"):
            setattr(new, k, getattr(self, k))
        return new

    def __deepcopy__(self, memo):
        new = self.__copy__()
        new._data = memory.track(self._data.copy())
        return new

    def __reduce__(self):
        return (_rebuild_parameter, (self._data, self._name, self.requires_grad))

    def init_data(self, *args, **kwargs):
        return self

    @property
    def is_init(self):
        return True

    @property
    def sliced(self):
        return False


def _rebuild_parameter(data, name, requires_grad):
    return Parameter(Tensor(data), name=name, requires_grad=requires_grad)


class ParameterTuple(tuple):
    """A tuple of Parameters (what ``optimizer.parameters`` is)."""

    def __new__(cls, iterable):
        items = tuple(iterable)
        for p in items:
            if not isinstance(p, Parameter):
                raise TypeError(f"ParameterTuple accepts only Parameters, but got {type(p).__name__}.")
        return super().__new__(cls, items)

    def clone(self, prefix, init='same'):
        """Copies of the parameters named ``prefix + '.' + name``, initialised with ``init`` ('same',
        'zeros' or another initializer)."""
        from .initializer import initializer
        out = []
        for p in self:
            new = p.clone()
            new.name = f"{prefix}.{p.name}"
            if init != 'same':
                new._data = memory.track(initializer(init, p.shape, p.dtype)._data)
            out.append(new)
        return ParameterTuple(out)
