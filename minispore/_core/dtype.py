"""MindSpore's data types and the one promotion rule used by every binary operation.

A ``Type`` prints like MindSpore's (``str`` is ``Float32``, ``repr`` is ``mindspore.float32``) and maps to a
NumPy dtype. Promotion follows MindSpore: bool < integers < floats by kind; within a kind the wider type wins;
a float tensor meeting an integer tensor keeps the float tensor's type; Python scalars are *weak* (they never
widen a tensor of their own kind or above).
"""
import numpy as np

__all__ = ["Type", "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
           "float32", "float64", "bfloat16", "complex64", "complex128", "string", "half", "single", "double", "short", "intc", "int_", "long", "ushort", "uintc",
           "uint", "float_", "number_type", "float_type", "int_type", "uint_type", "complex_type", "all_types",
           "pytype_to_dtype", "dtype_to_nptype"]


class Type:
    __slots__ = ("name", "np_dtype", "kind", "bits")

    def __init__(self, name, np_dtype, kind, bits):
        self.name, self.np_dtype, self.kind, self.bits = name, np_dtype, kind, bits

    def __str__(self):
        return self.name

    def __repr__(self):
        return "mindspore." + self.name.lower()

    def __eq__(self, other):
        if isinstance(other, Type):
            return self is other
        return NotImplemented

    def __hash__(self):
        return hash(self.name)

    def __reduce__(self):
        return (_type_by_name, (self.name,))

    @property
    def is_float(self):
        return self.kind == "f"

    @property
    def is_int(self):
        return self.kind in "iu"


class _GenericType(Type):
    """MindSpore's width-less ``float_`` / ``int_`` / ``uint`` (``Float``, ``Int``, ``UInt``).

    They are distinct from every concrete type (``ms.float_ != ms.float32``) and no tensor has one as its dtype.
    Operations that take a generic type use its default width (``ops.cast(x, ms.float_)``, ``ops.zeros(...,
    ms.int_)`` give Float32 / Int32); ``Tensor(data, ms.float_)``, ``Tensor.astype`` and ``ops.full`` reject it
    (``is_concrete``).  MindSpore has no default for ``uint`` ("Not support the type: uint").
    """
    __slots__ = ("default",)

    def __init__(self, name, kind, default):
        self.name, self.kind, self.default = name, kind, default
        self.bits = default.bits if default is not None else None

    @property
    def np_dtype(self):
        if self.default is None:
            raise RuntimeError(f"Not support the type: {self.name.lower()}")
        return self.default.np_dtype


def is_concrete(t):
    """False for the generic ``float_`` / ``int_`` / ``uint``, which MindSpore does not accept as a tensor dtype."""
    return type(t) is Type or t is bfloat16


def _type_by_name(name):
    return _BY_NAME[name] if name in _BY_NAME else _GENERIC_BY_NAME[name]


# kind: 'b' bool, 'u' unsigned, 'i' signed, 'f' float (as NumPy's dtype.kind)
bool_ = Type("Bool", np.dtype(np.bool_), "b", 8)
int8 = Type("Int8", np.dtype(np.int8), "i", 8)
int16 = Type("Int16", np.dtype(np.int16), "i", 16)
int32 = Type("Int32", np.dtype(np.int32), "i", 32)
int64 = Type("Int64", np.dtype(np.int64), "i", 64)
uint8 = Type("UInt8", np.dtype(np.uint8), "u", 8)
uint16 = Type("UInt16", np.dtype(np.uint16), "u", 16)
uint32 = Type("UInt32", np.dtype(np.uint32), "u", 32)
uint64 = Type("UInt64", np.dtype(np.uint64), "u", 64)
float16 = Type("Float16", np.dtype(np.float16), "f", 16)
float32 = Type("Float32", np.dtype(np.float32), "f", 32)
float64 = Type("Float64", np.dtype(np.float64), "f", 64)
# kind 'c': MindSpore's complex types, a float pair each (bits: the whole number's width)
complex64 = Type("Complex64", np.dtype(np.complex64), "c", 64)
complex128 = Type("Complex128", np.dtype(np.complex128), "c", 128)


class _BFloat16(Type):
    """``mindspore.bfloat16``: NumPy's bfloat16 comes from the ``ml_dtypes`` package, imported the first time the
    type's arrays are needed (importing its extension costs ~0.5 s, ten times the rest of ``import minispore``).
    Without the package the type still prints and compares, and any use that needs arrays says what to install.
    MindSpore's kind is float (8 exponent bits, 7 mantissa bits); NumPy's kind for the extension type is 'V'."""
    __slots__ = ()

    def __init__(self):
        self.name, self.kind, self.bits = "BFloat16", "f", 16

    @property
    def np_dtype(self):
        return _bf16_numpy()


def _bf16_numpy():
    global _BF16_NUMPY
    if _BF16_NUMPY is None:
        try:
            import ml_dtypes
        except ImportError:
            raise TypeError("mindspore.bfloat16 needs the 'ml_dtypes' package (NumPy's bfloat16): "
                            "pip install ml_dtypes") from None
        _BF16_NUMPY = np.dtype(ml_dtypes.bfloat16)
        dict.__setitem__(_BY_NUMPY, _BF16_NUMPY, bfloat16)
    return _BF16_NUMPY


def _is_bf16_numpy(np_dtype):
    """Whether a NumPy dtype is ml_dtypes' bfloat16 (without importing the package: such an array can only exist
    once something imported it)."""
    return getattr(np_dtype, "kind", None) == "V" and getattr(np_dtype, "name", None) == "bfloat16"


_BF16_NUMPY = None
bfloat16 = _BFloat16()


def kind_of(np_dtype):
    """MindSpore's kind letter of a NumPy dtype (of an array's ``.dtype``): NumPy's own ('b', 'i', 'u', 'f', ...),
    except 'f' for bfloat16, an ml_dtypes extension type whose NumPy kind is 'V'. Every kind check on an array goes
    through here, so that bfloat16 is a float wherever float16 is."""
    kind = np_dtype.kind
    if kind == "V" and np_dtype.name == "bfloat16":
        return "f"
    return kind


class _StringType(Type):
    """MindSpore's ``mstype.string`` (``String``): the type of Python strings in graphs; no tensor has it."""
    __slots__ = ()

    def __init__(self):
        self.name, self.kind, self.bits = "String", "S", None

    @property
    def np_dtype(self):
        raise TypeError("mindspore.string is not a tensor data type")


string = _StringType()

# MindSpore's aliases
half, single, double = float16, float32, float64
short, intc, long = int16, int32, int64
ushort, uintc = uint16, uint32
float_ = _GenericType("Float", "f", float32)
int_ = _GenericType("Int", "i", int32)
uint = _GenericType("UInt", "u", None)
_GENERIC_BY_NAME = {t.name: t for t in (float_, int_, uint, string)}

all_types = (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, bfloat16,
             complex64, complex128)
_BY_NAME = {t.name: t for t in all_types}


class _ByNumpy(dict):
    """NumPy dtype -> Type. bfloat16 joins when its NumPy type is first seen (see ``_bf16_numpy``)."""

    def __missing__(self, np_dtype):
        if _is_bf16_numpy(np_dtype):
            _bf16_numpy()
            return bfloat16
        raise KeyError(np_dtype)

    def get(self, np_dtype, default=None):
        t = dict.get(self, np_dtype)
        if t is None and _is_bf16_numpy(np_dtype):
            return self[np_dtype]
        return default if t is None else t

    def __contains__(self, np_dtype):
        return dict.__contains__(self, np_dtype) or _is_bf16_numpy(np_dtype)


_BY_NUMPY = _ByNumpy((t.np_dtype, t) for t in all_types if t is not bfloat16)
number_type = tuple(t for t in all_types if t is not bool_)
float_type = (float16, float32, float64, bfloat16)
int_type = (int8, int16, int32, int64)
uint_type = (uint8, uint16, uint32, uint64)
complex_type = (complex64, complex128)


def from_numpy(np_dtype):
    """The MindSpore Type of a NumPy dtype; raises TypeError for dtypes MindSpore has no tensor type for."""
    t = _BY_NUMPY.get(np_dtype)
    if t is None:
        t = _BY_NUMPY.get(np.dtype(np_dtype))
        if t is None:
            raise TypeError(f"NumPy dtype {np.dtype(np_dtype)} has no MindSpore tensor type")
    return t


def to_numpy(dtype):
    """The NumPy dtype for a MindSpore Type (a NumPy dtype or a Python type is accepted too)."""
    if isinstance(dtype, Type):
        return dtype.np_dtype
    return from_numpy(np.dtype(dtype)).np_dtype


def canonical(dtype):
    """Accept a Type, a NumPy dtype or a Python type (float, int, bool) and return the Type."""
    if isinstance(dtype, Type):
        return dtype
    if dtype is None:
        raise TypeError("None is not a MindSpore data type")
    if dtype is float:
        return float32
    if dtype is int:
        return int64
    if dtype is bool:
        return bool_
    try:
        return from_numpy(np.dtype(dtype))
    except TypeError:
        raise TypeError(f"{dtype!r} is not a MindSpore data type") from None


def pytype_to_dtype(py_type):
    return canonical(py_type)


def dtype_to_nptype(dtype):
    return to_numpy(dtype)


_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _promote_pair(a, b):
    if a is b:
        return a
    ra, rb = _KIND_RANK[a.kind], _KIND_RANK[b.kind]
    if ra != rb:
        hi, lo = (a, b) if ra > rb else (b, a)
        if hi.kind == "c" and lo.kind == "f" and lo.bits == 64:
            return complex128      # Float64 with Complex64 (MindSpore 2.10: Complex128, no precision lost)
        return hi
    if a.kind == "c":
        return a if a.bits >= b.bits else b
    if a.kind == "f":
        if a.bits == b.bits:
            return float32         # BFloat16 with Float16 (MindSpore's rule: neither holds the other)
        return a if a.bits >= b.bits else b
    # integers: NumPy's rule (int + uint of the same width widens), capped at int64
    t = np.promote_types(a.np_dtype, b.np_dtype)
    return _BY_NUMPY.get(t, int64)


_PROMOTE = {(a, b): _promote_pair(a, b) for a in all_types for b in all_types}


def promote(a, b):
    """Result type of a binary operation between two tensors of types ``a`` and ``b``."""
    return _PROMOTE[a, b]


def promote_scalar(t, scalar):
    """Result type of ``tensor(t) op python_scalar``: the scalar is weak and only lifts the kind."""
    if isinstance(scalar, bool):
        return t
    if isinstance(scalar, int):
        return int64 if t is bool_ else t
    if isinstance(scalar, float):
        return t if t.kind in "fc" else float32
    if isinstance(scalar, complex):
        # MindSpore 2.10's arithmetic takes no Python complex number ("Failed calling Mul with ... other=<class
        # 'complex'>"), whatever the tensor's type
        raise TypeError(f"Python complex numbers are not supported in tensor arithmetic (got {scalar!r}); make "
                        f"a complex Tensor of it")
    return t


def limits(np_dtype):
    """(lowest, highest) finite values of a NumPy dtype, as Python numbers."""
    np_dtype = np.dtype(np_dtype)
    if _is_bf16_numpy(np_dtype):
        import ml_dtypes
        info = ml_dtypes.finfo(np_dtype)
        return float(info.min), float(info.max)
    info = np.finfo(np_dtype) if np_dtype.kind == "f" else np.iinfo(np_dtype)
    return info.min.item() if np_dtype.kind == "f" else int(info.min), \
        info.max.item() if np_dtype.kind == "f" else int(info.max)


def is_dtype_like(value):
    """Whether ``value`` names a dtype (a mindspore type, a NumPy dtype or scalar type, or a type name)."""
    try:
        canonical(value)
        return True
    except (TypeError, ValueError, KeyError, AttributeError):
        return False
