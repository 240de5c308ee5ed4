"""Abstract values and shape arithmetic: what jit traces with instead of arrays.

An ``Abstract`` is a shape and a dtype. A dimension is an int, or a ``Dim`` when an input signature declares it
unknown (``Tensor(shape=[None, 784], ...)``): a polynomial in size symbols, so that the shape arithmetic of
reshapes and concatenations stays exact and a compiled graph can resolve it from its inputs at every call.
"""
import math
import numbers

import numpy as np

from .errors import TracerValueError


def _need_value(what):
    raise TracerValueError(f"{what} needs the value of a Tensor, which is not known while tracing")


class Dim:
    """A dynamic dimension: ``sum(coeff * product of symbols)``, every symbol a size of at least 2.

    Equality is structural (two dimensions are equal when they are the same polynomial); ordering against a
    number is answered when the lower bound decides it, else raises TracerValueError (the function then runs
    with concrete shapes)."""
    __slots__ = ("terms",)

    def __init__(self, terms):
        self.terms = terms      # tuple of (monomial, coeff), monomial a sorted tuple of symbol ids

    @staticmethod
    def symbol(i):
        return Dim((((i,), 1),))

    # ------------------------------------------------------------------ arithmetic
    def __add__(self, other):
        return _make(_add(_terms(self), _terms(other)))

    __radd__ = __add__

    def __neg__(self):
        return _make({m: -c for m, c in self.terms})

    def __sub__(self, other):
        return self + (-_as_poly(other))

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        if not isinstance(other, (Dim, numbers.Integral)):
            return NotImplemented
        out = {}
        for m1, c1 in _terms(self).items():
            for m2, c2 in _terms(other).items():
                m = tuple(sorted(m1 + m2))
                out[m] = out.get(m, 0) + c1 * c2
        return _make(out)

    __rmul__ = __mul__

    def __floordiv__(self, other):
        result = _divide(_terms(self), _terms(other))
        if result is None:
            raise TracerValueError(f"dividing the dynamic dimension {self} by {other} is not exact")
        return result

    def __rfloordiv__(self, other):
        result = _divide(_terms(other), _terms(self))
        if result is None:
            raise TracerValueError(f"dividing {other} by the dynamic dimension {self} is not exact")
        return result

    def __mod__(self, other):
        if _divide(_terms(self), _terms(other)) is None:
            raise TracerValueError(f"{self} % {other} of a dynamic dimension")
        return 0

    def __rmod__(self, other):
        if _divide(_terms(other), _terms(self)) is None:
            raise TracerValueError(f"{other} % {self} of a dynamic dimension")
        return 0

    def __truediv__(self, other):
        raise TracerValueError(f"the size {self} of a dynamic dimension as a number")

    __rtruediv__ = __truediv__

    # ------------------------------------------------------------------ comparisons
    def __eq__(self, other):
        if isinstance(other, Dim):
            return self.terms == other.terms
        return False if isinstance(other, numbers.Number) else NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash(("Dim", self.terms))

    def _lower_bound(self):
        if all(c > 0 for _, c in self.terms):
            return sum(c * 2 ** len(m) for m, c in self.terms)
        return None

    def _compare(self, other, name):
        """``self <name> other`` where the symbols' lower bound (each size >= 2) decides it."""
        if isinstance(other, Dim):
            diff = self - other
            return _ORDER[name](diff, 0) if not isinstance(diff, Dim) else diff._compare(0, name)
        low = self._lower_bound()
        if low is not None:
            if low > other:                     # then self > other, whatever the symbols' sizes
                return name in (">", ">=")
            if low == other and name in (">=", "<"):
                return name == ">="
        raise TracerValueError(f"comparing the dynamic dimension {self} with {other}")

    def __lt__(self, other):
        return self._compare(other, "<")

    def __le__(self, other):
        return self._compare(other, "<=")

    def __gt__(self, other):
        return self._compare(other, ">")

    def __ge__(self, other):
        return self._compare(other, ">=")

    def __bool__(self):
        return True

    # ------------------------------------------------------------------ no value
    def __index__(self):
        raise TracerValueError(f"the size of the dynamic dimension {self} as a Python int")

    __int__ = __float__ = __index__

    def evaluate(self, env):
        return sum(c * math.prod(env[s] for s in m) for m, c in self.terms)

    def __repr__(self):
        parts = []
        for m, c in self.terms:
            names = "*".join(f"s{s}" for s in m)
            parts.append(names if c == 1 and names else f"{c}*{names}" if names else str(c))
        return " + ".join(parts)


_ORDER = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _terms(x):
    if isinstance(x, Dim):
        return dict(x.terms)
    if isinstance(x, numbers.Integral):
        return {(): int(x)} if x else {}
    raise TracerValueError(f"arithmetic between a dynamic dimension and {x!r}")


def _as_poly(x):
    return x if isinstance(x, Dim) else int(x)


def _add(a, b):
    out = dict(a)
    for m, c in b.items():
        out[m] = out.get(m, 0) + c
    return out


def _make(terms):
    terms = tuple(sorted((m, c) for m, c in terms.items() if c))
    if not terms:
        return 0
    if len(terms) == 1 and terms[0][0] == ():
        return terms[0][1]
    return Dim(terms)


def _divide(num, den):
    """``num / den`` when exact for every value of the symbols (``den`` a single term), else None."""
    if len(den) != 1:
        if not num:
            return 0
        return 1 if num == den else None
    (dm, dc), = den.items()
    out = {}
    for m, c in num.items():
        rest = list(m)
        for s in dm:
            if s not in rest:
                return None
            rest.remove(s)
        if c % dc:
            return None
        out[tuple(rest)] = c // dc
    return _make(out)


def is_static(shape):
    for d in shape:
        if type(d) is Dim:
            return False
    return True


def resolve(value, env):
    """``value`` (a shape, a parameter) with every Dim replaced by its size under ``env`` {symbol: size}."""
    if isinstance(value, Dim):
        return value.evaluate(env)
    if isinstance(value, dict):
        return {k: resolve(v, env) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(resolve(v, env) for v in value)
    if isinstance(value, list):
        return [resolve(v, env) for v in value]
    if isinstance(value, slice):
        return slice(resolve(value.start, env), resolve(value.stop, env), resolve(value.step, env))
    return value


def has_dim(value):
    if isinstance(value, Dim):
        return True
    if isinstance(value, dict):
        return any(has_dim(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return any(has_dim(v) for v in value)
    if isinstance(value, slice):
        return has_dim(value.start) or has_dim(value.stop) or has_dim(value.step)
    return False


# ----------------------------------------------------------------------------- the abstract value
class Abstract:
    """The ``_data`` of a traced Tensor: a shape and a dtype, and no values."""
    __slots__ = ("shape", "dtype")

    def __init__(self, shape, dtype):
        self.shape = tuple(shape)
        self.dtype = np.dtype(dtype)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return math.prod(self.shape)

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    def __getattr__(self, name):
        if name.startswith("__"):       # protocol probes (NumPy's __array_struct__ ...): not there
            raise AttributeError(name)
        _need_value(f"reading the Tensor's data (.{name})")

    def __array__(self, *args, **kwargs):
        _need_value("converting to a NumPy array")

    def __bool__(self):
        _need_value("a Python condition on a Tensor")

    def __float__(self):
        _need_value("float()")

    def __int__(self):
        _need_value("int()")

    def __index__(self):
        _need_value("using a Tensor as an index")

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        _need_value("iterating over a Tensor's values")

    def __getitem__(self, index):
        _need_value("reading elements")

    def __format__(self, spec):
        _need_value("formatting a Tensor")

    def __str__(self):
        _need_value("printing a Tensor")

    def __repr__(self):
        return f"Abstract(shape={self.shape}, dtype={self.dtype})"

    def _binary(self, *args):
        _need_value("NumPy arithmetic on a Tensor's data")

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _binary
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __matmul__ = __rmatmul__ = _binary
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _binary
    __lt__ = __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _binary
    __neg__ = __pos__ = __abs__ = __invert__ = _binary
    __hash__ = object.__hash__
    __array_ufunc__ = None      # NumPy functions on it raise TypeError at once instead of converting


class Placeholder(Abstract):
    """The ``_data`` of a declaration ``Tensor(shape=[None, 784], dtype=...)``: a shape with -1 for each dimension
    of any size, a dtype, and no values (it only describes inputs, for ``Cell.set_inputs`` and ``jit``)."""
    __slots__ = ()

    @property
    def size(self):
        return 0

    def _no_values(self, *args, **kwargs):
        raise ValueError(f"This Tensor has the dynamic shape {list(self.shape)}: it declares an input's shape for "
                         f"set_inputs / input_signature and holds no values (a dimension of -1 has no size).")

    __array__ = __getitem__ = __iter__ = __bool__ = __float__ = __int__ = __index__ = _no_values


# ----------------------------------------------------------------------------- shape rules shared by primitives
def broadcast_shapes(*shapes, op="ops"):
    """NumPy's broadcasting of ``shapes`` (dynamic dimensions included); ValueError naming ``op`` otherwise."""
    ndim = max(len(s) for s in shapes)
    out = []
    for i in range(ndim):
        d = 1
        for s in shapes:
            k = i - ndim + len(s)
            if k < 0:
                continue
            e = s[k]
            if e == 1 or e == d:
                continue
            if d == 1:
                d = e
            else:
                raise ValueError(f"For '{op}', the shapes {' and '.join(str(tuple(s)) for s in shapes)} cannot be "
                                 f"broadcast together.")
        out.append(d)
    return tuple(out)


def reduced_shape(shape, axis, keepdims):
    """The shape of a reduction over ``axis`` (None or a tuple of non-negative ints)."""
    if axis is None:
        return (1,) * len(shape) if keepdims else ()
    if keepdims:
        return tuple(1 if i in axis else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axis)


def _is_int(i):
    return isinstance(i, (numbers.Integral, np.integer)) and not isinstance(i, (bool, np.bool_))


def _slice_length(s, n):
    if isinstance(n, Dim):
        if s.step in (None, 1) and s.start in (None, 0) and s.stop is None:
            return n
        raise TracerValueError(f"slicing the dynamic dimension {n} with bounds")
    return len(range(*s.indices(n)))


def index_shape(shape, index, op="getitem"):
    """The shape of ``array[index]`` under NumPy's rules, for an index of ints, slices, None, Ellipsis and integer
    or boolean arrays (as host NumPy arrays). Raises IndexError naming ``op`` for an index that does not fit."""
    items = list(index) if isinstance(index, tuple) else [index]
    consumed = 0
    for i in items:
        if i is None or i is Ellipsis:
            continue
        if isinstance(i, np.ndarray) and i.dtype == np.bool_:
            consumed += i.ndim
        elif isinstance(i, (bool, np.bool_)):
            continue
        else:
            consumed += 1
    if sum(i is Ellipsis for i in items) > 1:
        raise IndexError(f"For '{op}', an index can only have a single ellipsis ('...').")
    if consumed > len(shape):
        raise IndexError(f"For '{op}', too many indices for a tensor of shape {tuple(shape)}: "
                         f"{consumed} were given.")
    if Ellipsis in [i for i in items if not isinstance(i, np.ndarray)]:
        k = next(j for j, i in enumerate(items) if i is Ellipsis and not isinstance(i, np.ndarray))
        # an empty ellipsis still separates the advanced indices around it (NumPy's rule)
        items[k:k + 1] = [slice(None)] * (len(shape) - consumed) or [_GAP]
    else:
        items += [slice(None)] * (len(shape) - consumed)
    has_array = any(isinstance(i, (np.ndarray, bool, np.bool_)) for i in items)
    out = []                    # entries: a dim, or the marker for the advanced-index block
    advanced = []               # shapes of the advanced indices
    positions = []
    dim = 0
    for pos, i in enumerate(items):
        if i is _GAP:
            continue
        if i is None:
            out.append(1)
            continue
        if isinstance(i, (bool, np.bool_)) or (isinstance(i, np.ndarray) and i.dtype == np.bool_):
            arr = np.asarray(i)
            got = tuple(shape[dim:dim + arr.ndim])
            if not all(isinstance(d, Dim) or d == e for d, e in zip(got, arr.shape)):
                raise IndexError(f"For '{op}', the boolean index of shape {arr.shape} does not match the indexed "
                                 f"dimensions {got} of a tensor of shape {tuple(shape)}.")
            advanced.append((int(np.count_nonzero(arr)),))
            positions.append(pos)
            out.append(_ADVANCED)
            dim += arr.ndim
            continue
        n = shape[dim]
        if isinstance(i, slice):
            out.append(_slice_length(i, n))
        elif _is_int(i):
            if not isinstance(n, Dim) and not -n <= i < n:
                raise IndexError(f"For '{op}', index {int(i)} is out of bounds for dimension {dim} with size {n} "
                                 f"(shape {tuple(shape)}).")
            if has_array:
                advanced.append(())
                positions.append(pos)
        elif isinstance(i, np.ndarray) and i.dtype.kind in "iu":
            if i.size and not isinstance(n, Dim) and (i.max() >= n or i.min() < -n):
                raise IndexError(f"For '{op}', index values in [{i.min()}, {i.max()}] are out of bounds for dimension "
                                 f"{dim} with size {n} (shape {tuple(shape)}).")
            advanced.append(i.shape)
            positions.append(pos)
        else:
            raise IndexError(f"For '{op}', unsupported index {i!r}.")
        dim += 1
        if positions and positions[-1] == pos:
            out.append(_ADVANCED)
    if not advanced:
        return tuple(d for d in out if d is not _ADVANCED)
    try:
        block = broadcast_shapes(*advanced, op=op)
    except ValueError:
        raise IndexError(f"For '{op}', the index arrays of shapes {advanced} cannot be broadcast together.") from None
    contiguous = positions == list(range(positions[0], positions[0] + len(positions)))
    rest = [d for d in out if d is not _ADVANCED]
    if not contiguous:
        return block + tuple(rest)
    first = out.index(_ADVANCED)
    before = [d for d in out[:first] if d is not _ADVANCED]
    return tuple(before) + block + tuple(rest[len(before):])


_ADVANCED = object()
_GAP = object()
