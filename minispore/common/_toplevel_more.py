"""More of MindSpore 2.10's top-level names: tensors from NumPy arrays and buffers, type queries and the remaining
dtype objects (``number``, ``list_``, ``tuple_``, ``type_none``, ``TensorType``, ``Int``...), and the switches whose
graph-compiler meaning minispore does not need (``set_recursion_limit``, ``mutable``,
``lazy_inline``, ``no_inline``), each checking its arguments as MindSpore does."""
import functools
import sys

import numpy as np

from .._core import dtype as _dt
from .._core.tensor import Tensor, _wrap

__all__ = ["from_numpy", "frombuffer", "is_tensor", "dtype_to_pytype", "get_py_obj_dtype", "byte", "ubyte", "intp",
           "uintp", "cfloat", "cdouble", "number", "list_", "tuple_", "type_none", "TensorType", "Int",
           "tensor_type", "type_type", "set_recursion_limit", "mutable",
           "lazy_inline", "no_inline", "swap_tensors", "run_check", "JitConfig"]

# MindSpore's NumPy-style aliases
byte, ubyte, intp, uintp = _dt.int8, _dt.uint8, _dt.int64, _dt.uint64
cfloat, cdouble = _dt.complex64, _dt.complex128


class _ObjectType(_dt.Type):
    """A type of non-tensor values (``Number``, ``List``, ``Tuple``, ``None``, ``TypeType``): no tensor has it."""
    __slots__ = ("_repr",)

    def __init__(self, name, repr_name):
        self.name, self.kind, self.bits, self._repr = name, "O", None, repr_name

    def __repr__(self):
        return "mindspore." + self._repr

    @property
    def np_dtype(self):
        raise TypeError(f"{self!r} is not a tensor data type")


number = _ObjectType("Number", "number")
list_ = _ObjectType("List", "list_")
tuple_ = _ObjectType("Tuple", "tuple_")
type_none = _ObjectType("None", "type_none")
type_type = _ObjectType("TypeType", "type_type")


class TensorType(_dt.Type):
    """``TensorType(element_type)``: the type of a tensor (``mindspore.tensor[float32]``); ``TensorType()`` is
    ``tensor_type`` (``mindspore.tensor``)."""
    __slots__ = ("_element",)

    def __init__(self, element_type=None):
        if element_type is not None and not isinstance(element_type, _dt.Type):
            raise TypeError(f"For 'TensorType', the element type must be a mindspore dtype, but got "
                            f"{type(element_type).__name__}.")
        self.name, self.kind, self.bits, self._element = "Tensor", "T", None, element_type

    def element_type(self):
        return self._element

    def __str__(self):
        return "Tensor" if self._element is None else f"Tensor[{self._element}]"

    def __repr__(self):
        return "mindspore.tensor" if self._element is None else f"mindspore.tensor[{self._element.name.lower()}]"

    def __eq__(self, other):
        if isinstance(other, TensorType):
            return self._element is other._element
        return NotImplemented

    def __hash__(self):
        return hash(("Tensor", None if self._element is None else self._element.name))

    def __reduce__(self):
        return (TensorType, (self._element,))

    @property
    def np_dtype(self):
        raise TypeError(f"{self!r} is not a tensor data type")


tensor_type = TensorType()


class _IntMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _dt.Type) and (obj.kind == "i" and obj.name.startswith("Int"))


class Int(metaclass=_IntMeta):
    """``Int(bits)``: the signed integer type of that width (``Int(8)`` is ``int8``); ``Int()`` is ``int_``;
    ``isinstance(mindspore.int32, Int)`` holds for the signed integer types."""

    def __new__(cls, bits=None):
        if bits is None:
            return _dt.int_
        table = {8: _dt.int8, 16: _dt.int16, 32: _dt.int32, 64: _dt.int64}
        if isinstance(bits, bool) or not isinstance(bits, int):
            raise TypeError(f"For 'Int', the number of bits must be an int, but got {type(bits).__name__}.")
        if bits not in table:
            raise RuntimeError(f"For Int type only support number of 8bits, 16bits, 32bits and 64bits, but got "
                               f"{bits}bits")
        return table[bits]


def from_numpy(array):
    """A Tensor sharing ``array``'s memory (a NumPy array; writes to one show in the other)."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"For 'from_numpy', expected a NumPy array, but got {type(array).__name__}.")
    if array.dtype not in _dt._BY_NUMPY:
        raise TypeError(f"For 'from_numpy', NumPy dtype {array.dtype} is not supported.")
    if not array.flags.c_contiguous:
        array = np.ascontiguousarray(array)
    return _wrap(array)


def frombuffer(buffer, dtype, count=-1, offset=0):
    """A 1-D Tensor over the bytes of an object with the buffer protocol (``bytes``, ``bytearray``, ``memoryview``,
    ``array.array``...), as ``numpy.frombuffer``; the buffer's length after ``offset`` must be a multiple of the
    element size."""
    try:
        view = memoryview(buffer)
    except TypeError:
        raise TypeError(f"For 'frombuffer', the buffer must implement Python's buffer protocol, but got "
                        f"{type(buffer).__name__}.") from None
    np_dtype = _dt.to_numpy(dtype)
    size = view.nbytes - offset
    if offset < 0 or size < 0:
        raise ValueError(f"For 'frombuffer', offset must be in [0, {view.nbytes}] (the buffer's length), "
                         f"but got {offset}.")
    if count == -1 and size % np_dtype.itemsize:
        raise ValueError(f"For 'frombuffer', the buffer's length ({view.nbytes} bytes) after offset ({offset} bytes) "
                         f"must be a multiple of the element size ({np_dtype.itemsize}).")
    if count != -1 and (count <= 0 or count * np_dtype.itemsize > size):
        raise ValueError(f"For 'frombuffer', count must be -1 or in [1, {size // np_dtype.itemsize}], but got "
                         f"{count}.")
    return Tensor(np.frombuffer(view, np_dtype, count, offset))


def is_tensor(obj):
    """Whether ``obj`` is a Tensor (a Parameter is one)."""
    return isinstance(obj, Tensor)


def dtype_to_pytype(type_):
    """The Python type of a dtype's values: ``float32`` -> ``float``, ``int8`` -> ``int``, ``list_`` -> ``list``..."""
    if isinstance(type_, _dt.Type) and not isinstance(type_, TensorType):
        if type_.kind == "b":
            return bool
        if type_.kind in "iu":
            return int
        if type_.kind == "f":
            return float
        if type_.kind == "c":
            return complex
        known = {"String": str, "List": list, "Tuple": tuple, "None": type(None)}
        if type_.name in known:
            return known[type_.name]
    raise KeyError(type_)


def get_py_obj_dtype(obj):
    """MindSpore's type of a Python object: ``1`` -> ``int64``, ``1.0`` -> ``float64``, a Tensor ->
    ``TensorType(its dtype)``, a list -> ``list_``, a NumPy scalar -> its dtype, a dtype -> ``type_type``."""
    if isinstance(obj, Tensor):
        return TensorType(obj.dtype)
    if isinstance(obj, _dt.Type):
        return type_type
    if isinstance(obj, type):
        table = {bool: _dt.bool_, int: _dt.int64, float: _dt.float64, complex: _dt.complex128, str: _dt.string,
                 list: list_, tuple: tuple_, type(None): type_none}
        if obj in table:
            return table[obj]
    else:
        if isinstance(obj, np.generic):
            return _dt.from_numpy(obj.dtype)
        for py, t in ((bool, _dt.bool_), (int, _dt.int64), (float, _dt.float64), (complex, _dt.complex128),
                      (str, _dt.string), (list, list_), (tuple, tuple_), (type(None), type_none)):
            if isinstance(obj, py):
                return t
    raise NotImplementedError(f"The python type {obj if isinstance(obj, type) else type(obj)} cannot be converted to "
                              f"MindSpore type.")


def set_recursion_limit(recursion_limit=1000):
    """The depth to which graph compilation follows calls; minispore's tracing is Python recursion, so this raises
    Python's recursion limit to at least ``recursion_limit`` (it never lowers it)."""
    if isinstance(recursion_limit, bool) or not isinstance(recursion_limit, int) or recursion_limit <= 0:
        raise ValueError(f"The input value must be int and must > 0, but got '{recursion_limit}' with type "
                         f"'{type(recursion_limit).__name__}'.")
    if recursion_limit > sys.getrecursionlimit():
        sys.setrecursionlimit(recursion_limit)


def _check_mutable(value, seen):
    if isinstance(value, (bool, int, float, Tensor)):
        return True
    if isinstance(value, (tuple, list, dict)):
        if id(value) in seen:
            return False
        seen = seen | {id(value)}
        items = value.values() if isinstance(value, dict) else value
        return all(_check_mutable(v, seen) for v in items)
    return False


def mutable(input_data, dynamic_len=False):
    """Mark a value as a variable input of compiled graphs (MindSpore then does not specialise on it). minispore's
    jit traces every argument as a variable already; this checks the value as MindSpore does and returns it."""
    if not _check_mutable(input_data, frozenset()):
        raise TypeError(f"For 'mutable', the 'input_data' should be one of (bool, int, float, Tensor, tuple, list, "
                        f"dict) or their nested structures with no self-reference, but got "
                        f"{type(input_data).__name__}: {input_data}.")
    if not isinstance(dynamic_len, bool):
        raise TypeError(f"For 'mutable', the 'dynamic_len' should be a bool, but got {type(dynamic_len).__name__}.")
    if dynamic_len and not isinstance(input_data, (tuple, list)):
        raise TypeError(f"For 'mutable', when the 'dynamic_len' is True, the 'input_data' should be a tuple or list, "
                        f"but got {type(input_data).__name__}.")
    return input_data


def lazy_inline(fn=None, attrs=None, policy=None):
    """Decorate a Cell's ``__init__`` so that graph mode compiles the cell once and reuses it: minispore's graphs
    inline everything, so the decorated ``__init__`` runs unchanged. As MindSpore, only an ``__init__`` may be
    decorated."""
    def wrap(func):
        if func.__name__ != "__init__":
            raise ValueError(f"The lazy_inline should decorate the __init__ function, not the function: "
                             f"{func.__name__}.")

        @functools.wraps(func)
        def init(self, *args, **kwargs):
            return func(self, *args, **kwargs)
        return init
    return wrap if fn is None else wrap(fn)


def no_inline(fn=None):
    """Keep a function as a called subgraph instead of inlining it: minispore inlines every call (the result is
    the same), so ``fn`` is returned as it is."""
    def wrap(func):
        return func
    return wrap if fn is None else wrap(fn)


def swap_tensors(t1, t2):
    """Exchange the contents (data, dtype, shape) of two Tensors in place."""
    if not isinstance(t1, Tensor) or not isinstance(t2, Tensor):
        raise TypeError(f"For 'swap_tensors', both inputs must be Tensors, but got {type(t1).__name__} and "
                        f"{type(t2).__name__}.")
    if type(t1) is not type(t2):
        raise TypeError(f"For 'swap_tensors', both inputs must be of the same class, but got {type(t1).__name__} "
                        f"and {type(t2).__name__}.")
    for slot in Tensor.__slots__:
        if slot == "__weakref__":
            continue
        a, b = getattr(t1, slot, None), getattr(t2, slot, None)
        object.__setattr__(t1, slot, b)
        object.__setattr__(t2, slot, a)
    if hasattr(t1, "__dict__"):
        t1.__dict__, t2.__dict__ = t2.__dict__, t1.__dict__


def run_check():
    """Check the installation by a multiplication, printing what MindSpore prints."""
    version = sys.modules[__name__.split(".")[0]].__version__      # the package is imported before its modules
    print(f"MindSpore version:  {version}")
    a = Tensor(np.array([1.0, 2.0, 3.0], np.float32))
    ok = np.array_equal((a * a).asnumpy(), np.array([1.0, 4.0, 9.0], np.float32))
    if ok:
        print("The result of multiplication calculation is correct, MindSpore has been installed on platform [CPU] "
              "successfully!")
    else:
        print("The result of multiplication calculation is wrong, MindSpore has not been installed successfully.")


class JitConfig:
    """The compile options of a Cell or function (``Model(..., )``, ``Cell.set_jit_config``, ``jit``):
    checked as MindSpore checks them and kept in ``jit_config_dict``. minispore's graphs have one compilation
    level, so the options do not change what runs."""

    def __init__(self, jit_level="", exc_mode="auto", jit_syntax_level="", debug_level="RELEASE",
                 infer_boost="off", **kwargs):
        kwargs.pop("suppress_infer_boost_warning", None)
        choices = (("jit_level", jit_level, ("", "O0", "O1", "O2")),
                   ("exc_mode", exc_mode, ("auto", "sink", "no_sink")),
                   ("jit_syntax_level", jit_syntax_level, ("", "STRICT", "COMPATIBLE", "LAX")),
                   ("debug_level", debug_level, ("RELEASE", "DEBUG")),
                   ("infer_boost", infer_boost, ("", "on", "off")))
        for name, value, allowed in choices:
            if value not in allowed:
                shown = [a for a in allowed if a]
                raise ValueError(f"For 'JitConfig', '{name}' must be one of {shown}, but got {value!r}.")
        self.jit_config_dict = dict(kwargs)
        self.jit_config_dict.update(jit_level=jit_level, exc_mode=exc_mode, jit_syntax_level=jit_syntax_level,
                                    debug_level=debug_level, infer_boost=infer_boost)
        if "backend" not in self.jit_config_dict and jit_level:
            self.jit_config_dict["backend"] = "GE" if jit_level == "O2" else "ms_backend"
