"""The Tensor: an array value, and (inside a differentiation transform) a box of the trace watching it.

All arithmetic and methods go through ``minispore.ops`` (bound to ``_F`` when ``minispore.ops`` is imported),
so a Tensor method and the ops function of the same name always agree. The array itself is the backend's
(``_data``); ``asnumpy()`` is the one way out to host NumPy.
"""
import numbers
import warnings

from . import backend, memory
from . import dtype as mstype
from .errors import InputTypeError, RaggedSequenceError, TracerValueError
from .shapes import Placeholder
from .tensor_format import tensor_repr, tensor_str

_F = None  # minispore.ops, set by minispore/ops/__init__.py
_initialize = None  # minispore.common.initializer.initializer, set when that module is imported


class TensorHookHandle:
    """What ``Tensor.register_hook`` returns: ``remove()`` takes the hook off."""
    __slots__ = ("_hooks", "_hook")

    def __init__(self, hooks, hook):
        self._hooks, self._hook = hooks, hook

    def remove(self):
        if self._hook in self._hooks:
            self._hooks.remove(self._hook)


def hook_list(t, create=False):
    """The list ``register_hook`` keeps ``t``'s hooks in: on its node while a transform watches it (the backward
    pass reads them there), else on the tensor (``record`` hands them to the node of its box). None when there is
    none and ``create`` is false."""
    holder, name = (t._node, "hooks") if t._trace is not None else (t, "_hooks")
    hooks = getattr(holder, name, None)
    if hooks is None and create:
        hooks = []
        setattr(holder, name, hooks)
    return hooks


def run_hooks(hooks, grad):
    """``grad`` through each hook in turn (a hook returning None keeps it)."""
    for hook in list(hooks):
        out = hook(grad)
        if out is not None:
            if not isinstance(out, Tensor):
                raise TypeError(f"A Tensor hook must return a Tensor or None, but {hook!r} returned "
                                f"{type(out).__name__}.")
            grad = out
    return grad


def _wrap(array):
    """A Tensor around an existing array, without copying (internal fast path)."""
    t = Tensor.__new__(Tensor)
    t._data = array = array if type(array) is _ndarray else backend.asarray(array)
    if array.nbytes >= memory.SMALL and array.base is None:
        memory.track(array)
    t._trace = None
    return t


_ndarray = backend.ndarray


def _to_array(data, dtype):
    """The backend array for constructor input, with MindSpore's dtype rules for Python data."""
    if isinstance(data, Tensor):
        arr = data._data
        return arr.astype(dtype.np_dtype) if dtype is not None else arr.copy()
    if backend.is_array(data) or hasattr(data, "__array_interface__") or hasattr(data, "dtype"):
        arr = backend.asarray(data)
        if arr.dtype not in mstype._BY_NUMPY:
            if arr.dtype.kind in "US" and dtype is None:
                raise TypeError(f"For 'Tensor', string arrays are not supported (got dtype {arr.dtype})")
            if dtype is None:
                raise TypeError(f"For 'Tensor', NumPy dtype {arr.dtype} is not supported")
        return arr.astype(dtype.np_dtype if dtype is not None else arr.dtype, copy=True)
    if isinstance(data, (list, tuple)):
        data = [_nested_to_host(x) for x in data]
    elif isinstance(data, numbers.Number):
        pass
    else:
        raise TypeError(f"For 'Tensor', the input data must be a Tensor, ndarray, list, tuple or number, "
                        f"but got {type(data).__name__}")
    try:
        with warnings.catch_warnings():
            # NumPy < 1.24 makes an object array of a ragged list, with a VisibleDeprecationWarning
            warnings.simplefilter("ignore")
            arr = backend.asarray(data)
    except ValueError:
        arr = None
    if arr is None or arr.dtype.kind == "O":
        raise RaggedSequenceError("For 'Tensor', the input data is a ragged nested sequence: its rows have "
                                  "different lengths, so it has no shape.")
    if dtype is not None:
        if arr.dtype.kind == "c" and mstype.kind_of(dtype.np_dtype) != "c":
            arr = arr.real          # a complex value as a real type: its real part, as MindSpore's cast
        return arr.astype(dtype.np_dtype)
    if mstype.kind_of(arr.dtype) == "f" and arr.dtype.itemsize == 8:
        return arr.astype(mstype.float32.np_dtype)   # Python floats are Float32 in MindSpore
    if mstype.kind_of(arr.dtype) in "iu" and arr.dtype != mstype.int64.np_dtype:
        return arr.astype(mstype.int64.np_dtype)
    if mstype.kind_of(arr.dtype) not in "biufc":     # Python complex numbers are Complex128, as in MindSpore
        raise TypeError(f"For 'Tensor', cannot make a tensor from data of dtype {arr.dtype}")
    return arr


def _nested_to_host(x):
    """Nested lists of host values; every leaf must be a number (or a Tensor or array): the first that is not is
    named."""
    if isinstance(x, Tensor):
        return backend.to_numpy(x._data)
    if isinstance(x, (list, tuple)):
        return [_nested_to_host(v) for v in x]
    if not (isinstance(x, numbers.Number) or backend.is_array(x) or hasattr(x, "dtype")):
        raise InputTypeError(f"For 'Tensor', the input data must hold numbers only, but it holds {x!r} "
                             f"(a {type(x).__name__}).")
    return x


class Tensor:
    """A multi-dimensional array with MindSpore's dtype rules, printing and methods.

    Args:
        input_data: a Tensor, NumPy array, Python number or (nested) list/tuple.
        dtype: a ``mindspore`` type (``mindspore.float32`` ...); the data is cast to it.
        shape, init: with ``input_data=None``, create a tensor of ``shape`` filled by initializer ``init``.
    """
    __slots__ = ("_data", "_trace", "_inner", "_node", "_hooks", "__weakref__")
    __array_priority__ = 100

    def __init__(self, input_data=None, dtype=None, shape=None, init=None, internal=False, const_arg=False,
                 device=None):
        if dtype is not None:
            try:
                dtype = mstype.canonical(dtype)
            except TypeError:
                raise TypeError(f"For 'Tensor', the 'dtype' must be a mindspore type such as mindspore.float32, "
                                f"but got {dtype!r}.") from None
            if not mstype.is_concrete(dtype):
                raise TypeError(f"For 'Tensor', the 'dtype' should be a concrete type such as mindspore.float32, "
                                f"but got {dtype!r}")
        if input_data is None:
            if shape is None:
                raise InputTypeError("For 'Tensor', the 'input_data' must be a Tensor, an array, a number or a "
                                     "(nested) list or tuple of numbers, but got None (and no 'shape').")
            shape = (shape,) if isinstance(shape, numbers.Integral) else tuple(shape)
            if any(d is None or (isinstance(d, numbers.Integral) and d < 0) for d in shape):
                # a declaration of an input with dimensions of any size (Cell.set_inputs, jit input_signature)
                if dtype is None or init is not None:
                    raise ValueError(f"For 'Tensor', a dynamic shape {list(shape)} needs a dtype and no init "
                                     f"(If setting dynamic shape, dtype must not be None, init must be None).")
                self._data = Placeholder(tuple(-1 if d is None else int(d) for d in shape), dtype.np_dtype)
                self._trace = None
                return
            if init is None:
                self._data = backend.xp.zeros(shape, dtype=(dtype or mstype.float32).np_dtype)
            else:
                self._data = _initialize(init, shape, dtype or mstype.float32)._data
        else:
            self._data = _to_array(input_data, dtype)
        memory.track(self._data, "Tensor")
        self._trace = None

    # ------------------------------------------------------------------ gradient hooks
    def register_hook(self, hook):
        """Run ``hook(grad)`` on the gradient that reaches this tensor in a backward pass (``grad``,
        ``value_and_grad``, ``vjp``); a result that is not None replaces the gradient. On a tensor computed inside
        the differentiated function the hook sees the total gradient of that value; on an input or a Parameter,
        the gradient with respect to it. Returns a handle whose ``remove()`` takes the hook off."""
        if not callable(hook):
            raise TypeError(f"Expected a callable hook function, but got {type(hook).__name__}.")
        hooks = hook_list(self, create=True)
        hooks.append(hook)
        return TensorHookHandle(hooks, hook)

    # ------------------------------------------------------------------ properties
    @property
    def shape(self):
        return self._data.shape

    @property
    def dtype(self):
        return mstype._BY_NUMPY[self._data.dtype]

    @property
    def ndim(self):
        return self._data.ndim

    @property
    def size(self):
        return self._data.size

    @property
    def itemsize(self):
        return self._data.itemsize

    @property
    def nbytes(self):
        return self._data.nbytes

    @property
    def strides(self):
        return self._data.strides

    @property
    def T(self):
        return _F.transpose(self, tuple(range(self.ndim - 1, -1, -1)))

    @property
    def mT(self):
        return _F.swapaxes(self, -1, -2)

    # ------------------------------------------------------------------ conversion
    def asnumpy(self):
        """The values as a host NumPy array (on the CPU it shares memory with the tensor, as in MindSpore)."""
        return backend.to_numpy(self._data)

    def numpy(self):
        return backend.to_numpy(self._data)

    def __array__(self, dtype=None, copy=None):
        # np.array(t) copies (as for MindSpore); np.asarray(t) shares, like asnumpy()
        host = backend.to_numpy(self._data)
        if copy or (dtype is not None and dtype != host.dtype):
            return host.astype(dtype or host.dtype, copy=True)
        return host

    def item(self, index=None):
        if index is None:
            if self._data.size != 1:
                raise ValueError(f"For 'Tensor.item', the tensor must have exactly one element, "
                                 f"but its shape is {self.shape}")
            return self.asnumpy().item()
        return self.asnumpy().item(index)

    def tolist(self):
        return self.asnumpy().tolist()

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d Tensor")
        return self._data.shape[0]

    def __float__(self):
        return float(self._scalar("float"))

    def __int__(self):
        return int(self._scalar("int"))

    def __bool__(self):
        return bool(self._scalar("bool"))

    def __index__(self):
        if mstype.kind_of(self._data.dtype) not in "iu":
            raise TypeError(f"only integer tensors can be used as an index, got {self.dtype}")
        return int(self._scalar("index"))

    def _scalar(self, what):
        if self._data.size != 1:
            raise ValueError(f"The truth value / {what}() of a Tensor with more than one element is ambiguous "
                             f"(shape {self.shape})")
        return backend.to_numpy(self._data).reshape(())[()]

    def __hash__(self):
        return id(self)

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d Tensor")
        return (self[i] for i in range(self._data.shape[0]))

    def __copy__(self):
        return _wrap(self._data.copy())

    def __deepcopy__(self, memo):
        return type(self)(self) if type(self) is not Tensor else _wrap(self._data.copy())

    def __reduce__(self):
        return (Tensor, (self._data,))

    # ------------------------------------------------------------------ printing
    def __str__(self):
        if type(self._data) is Placeholder:
            return repr(self)
        return tensor_str(self.asnumpy())

    def __repr__(self):
        if type(self._data) is Placeholder:
            return f"Tensor(shape={list(self._data.shape)}, dtype={self.dtype.name}, value=\n)"
        return tensor_repr(self.asnumpy(), self.dtype.name)

    def __format__(self, spec):
        if self._data.ndim == 0 and spec:
            return format(self.item(), spec)
        return str(self)

    # ------------------------------------------------------------------ dtype / copy helpers
    def astype(self, dtype, copy=True):
        if not mstype.is_concrete(dtype) and isinstance(dtype, mstype.Type):
            raise TypeError(f"For Tensor.astype, the input type must be a concrete type such as mindspore.float32, "
                            f"but got {dtype!r}")
        return _F.cast(self, dtype)

    def to(self, dtype):
        return _F.cast(self, dtype)

    def float(self):
        return _F.cast(self, mstype.float32)

    def half(self):
        return _F.cast(self, mstype.float16)

    def double(self):
        return _F.cast(self, mstype.float64)

    def int(self):
        return _F.cast(self, mstype.int32)

    def long(self):
        return _F.cast(self, mstype.int64)

    def bool(self):
        return _F.cast(self, mstype.bool_)

    def copy(self):
        return _F.identity(self)

    def clone(self):
        return _F.identity(self)

    def is_floating_point(self):
        return mstype.kind_of(self._data.dtype) == "f"

    def dim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    def nelement(self):
        return self._data.size

    def is_contiguous(self):
        return True

    def contiguous(self):
        return self

    def init_data(self):
        return self

    def assign_value(self, value):
        value = value if isinstance(value, Tensor) else Tensor(value)
        self._data = value._data.astype(self._data.dtype, copy=False)
        return self

    def set_dtype(self, dtype):
        self._data = self._data.astype(mstype.canonical(dtype).np_dtype)
        return self

    @staticmethod
    def from_numpy(array):
        return _wrap(backend.asarray(array))

    # ------------------------------------------------------------------ indexing
    def __getitem__(self, index):
        return _F.getitem(self, index)

    def __setitem__(self, index, value):
        out = _F.setitem(self, index, value)
        if out._trace is not None and out._trace.staging and self._trace is not out._trace:
            # writing a traced value into a tensor that lives outside a compiled function cannot be replayed
            raise TracerValueError("assigning into a Tensor created outside the compiled function")
        self._data = out._data
        self._trace = out._trace
        if out._trace is not None:
            self._inner = out._inner
            self._node = out._node

    # ------------------------------------------------------------------ operators
    # (the arithmetic, matrix, comparison and bitwise operators are attached by minispore.ops, one call layer
    # from bind)
    def __neg__(self): return _F.neg(self)
    def __pos__(self): return self
    def __abs__(self): return _F.abs(self)
    def __invert__(self):
        return _F.logical_not(self) if mstype.kind_of(self._data.dtype) == "b" else _F.bitwise_not(self)


class Literal(Tensor):
    """A constant the framework itself made (a gradient seed, a scalar in a derivative rule), never user data:
    a compiled graph may fold operations on it at compile time."""
    __slots__ = ()


def _literal(array):
    t = Literal.__new__(Literal)
    t._data = array
    t._trace = None
    return t


def _filled_literal(shape, dtype, value):
    """A framework constant of ``shape`` and NumPy ``dtype`` holding ``value`` (a gradient seed, a zero)."""
    a = backend.xp.empty(shape, dtype)
    a.fill(value)
    return _literal(a)


# Methods that forward to the ops function of the same name (attached in minispore/ops/__init__.py):
TENSOR_METHODS = (
    "abs", "absolute", "acos", "add", "addmm", "all", "any", "argmax", "argmin", "argsort", "asin", "atan",
    "atan2", "broadcast_to", "ceil", "chunk", "clamp", "clip", "cos", "cosh", "cumsum", "cumprod", "diag",
    "div", "divide", "equal", "erf", "exp", "expand_as", "expand_dims", "expm1", "flatten", "flip", "floor",
    "gather", "gather_elements", "greater", "greater_equal", "index_select", "isclose", "isfinite", "isinf",
    "isnan", "less", "less_equal", "log", "log10", "log1p", "log2", "log_softmax", "logical_and",
    "logical_not", "logical_or", "logsumexp", "masked_fill", "matmul", "max", "maximum", "mean", "min",
    "minimum", "mul", "multiply", "nan_to_num", "narrow", "neg", "negative", "norm", "not_equal", "permute",
    "pow", "prod", "reciprocal", "relu", "remainder", "repeat", "repeat_interleave", "reshape", "round",
    "rsqrt", "sigmoid", "sign", "sin", "sinh", "softmax", "sort", "split", "sqrt", "square", "squeeze",
    "std", "sub", "subtract", "sum", "swapaxes", "t", "tan", "tanh", "tile", "topk", "transpose", "tril",
    "triu", "true_divide", "trunc", "unsqueeze", "var", "where", "logit", "fill_", "roll",
    "amax", "amin", "median", "count_nonzero", "floor_divide", "moveaxis", "unbind", "new_ones",
    "new_zeros", "ravel", "view_as", "reshape_as", "erfinv", "bitwise_and", "bitwise_or", "bitwise_xor",
)
