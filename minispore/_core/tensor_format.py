"""MindSpore's printed forms of a Tensor.

``str(t)`` is NumPy's formatting of the values. ``repr(t)`` reproduces the C++ formatter of MindSpore 2.10:
``Tensor(shape=[2, 3], dtype=Float32, value=...)`` with '%.8e' floats right-justified to 15 columns (11 and
'%.4e' for float16), ints right-justified to the widest shown element, summarised with '...' when the tensor
has two or more dimensions or more than 1000 elements and a dimension is longer than 6. bfloat16 prints as
MindSpore prints it: '%g' cells justified like ints in repr, '%f' elements in str.  An unsummarised 1-D tensor
wraps after every 12 float/bool (24 int) elements; an empty 1-D tensor prints ``value= )``.
"""
import numpy as np

from .dtype import kind_of

# NumPy 2.3 moved the float16/float32 array switch to scientific notation (to 1e4 / 1e8 by precision); 1.26 used
# 1e8 for every float type.  legacy='2.2' restores the old rule on those versions.
_NP_NEW_FLOAT_CUTOFF = tuple(int(p) for p in np.__version__.split(".")[:2]) >= (2, 3)

_EDGE = 3          # items kept at each end of a summarised dimension
_THRESHOLD = 1000  # sizes above this are summarised even in 1-D


def _float_cell(v, half):
    if np.isfinite(v):
        s = ("%.4e" if half else "%.8e") % v
    else:
        s = "nan" if np.isnan(v) else ("inf" if v > 0 else "-inf")
    return s.rjust(11 if half else 15)


def _is_bfloat16(dtype):
    """bfloat16 (ml_dtypes): a float to MindSpore, NumPy kind 'V'. MindSpore prints it with C++'s default
    stream format ('%g', 6 significant digits) in repr, right-justified to the widest shown element as its ints
    are, and ``str`` formats each element '%f' (its NumPy extension type's own str)."""
    return dtype.kind != "f" and kind_of(dtype) == "f"


def _g(v):
    v = float(v)
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return "%g" % v


def _scalar_text(v, kind):
    if kind == "b":
        return "True" if v else "False"
    if kind == "f":
        v = float(v)
        if np.isnan(v):
            return "nan"
        if np.isinf(v):
            return "inf" if v > 0 else "-inf"
        return "%g" % v
    return str(int(v))


def _complex_text(v):
    """A complex element as MindSpore's printer writes it: the real part '%g', the imaginary part's sign ('+' for
    zero and -0), its magnitude '%g', 'j' (``1+2j``, ``-0.25+0j``, ``inf-infj``); no padding."""
    re, im = float(v.real), float(v.imag)
    sign = "-" if im < 0 else "+"
    return _g(re) + sign + _g(abs(im)) + "j"


def _shown(a, summarise):
    """Indices kept along each dimension (all, or first and last three)."""
    return [list(range(n)) if not summarise or n <= 2 * _EDGE else
            list(range(_EDGE)) + [None] + list(range(n - _EDGE, n)) for n in a.shape]


def format_repr_value(a):
    """The text after ``value=`` for an ndarray ``a``."""
    kind = a.dtype.kind
    bf16 = _is_bfloat16(a.dtype)
    if a.ndim == 0:
        if kind == "c":
            return " " + _complex_text(a[()])
        return " " + (_g(a[()]) if bf16 else _scalar_text(a[()], kind))
    if a.size == 0:
        return "\n" if a.ndim > 1 else " "
    summarise = a.ndim >= 2 or a.size > _THRESHOLD
    keep = _shown(a, summarise)
    if bf16:
        shown = a[np.ix_(*[[i for i in k if i is not None] for k in keep])]
        width = max(len(_g(v)) for v in shown.flat)
        cell = lambda v: _g(v).rjust(width)
        kind = "i"          # rows of 24, as the ints
    elif kind == "f":
        half = a.dtype == np.float16
        cell = lambda v: _float_cell(float(v), half)
    elif kind == "b":
        cell = lambda v: " True" if v else "False"
    elif kind == "c":
        cell = _complex_text
        kind = "i"          # no row of 12 seen: rows of 24, as the ints (tests/golden/complex.json)
    else:
        shown = a[np.ix_(*[[i for i in k if i is not None] for k in keep])]
        width = max(len(str(int(v))) for v in shown.flat)
        cell = lambda v: str(int(v)).rjust(width)

    def block(sub, depth):
        k = keep[depth]
        if depth == a.ndim - 1:
            parts = ["..." if i is None else cell(sub[i]) for i in k]
            text = ", ".join(parts).replace(", ..., ", " ... ")
            return "[" + text + "]"
        sep = ",\n" + " " * (depth + 1)
        out = []
        for i in k:
            if i is None:
                out.append(None)
            else:
                out.append(block(sub[i], depth + 1))
        text = ""
        for j, part in enumerate(out):
            if part is None:
                text += "\n" + " " * (depth + 1) + "..." + "\n" + " " * (depth + 1)
                continue
            if j > 0 and out[j - 1] is not None:
                text += sep
            text += part
            if j + 1 < len(out) and out[j + 1] is None:
                text += ","
        return "[" + text + "]"

    if a.ndim == 1 and not summarise:
        # MindSpore's 1-D printer breaks the line after every 12th float/bool cell (24th int cell): the cell, its
        # ", " when more follow, then "\n " -- so a length that is a multiple of the row ends in "\n ]".
        per_row = 24 if kind in "iu" else 12
        text = ""
        n = a.shape[0]
        for i in range(n):
            text += cell(a[i])
            if i + 1 < n:
                text += ", "
            if (i + 1) % per_row == 0:
                text += "\n "
        return " [" + text + "]"
    body = block(a, 0)
    return (" " if a.ndim <= 1 else "\n") + body


def tensor_str(a):
    """``str(t)``: MindSpore prints ``str(t.asnumpy())`` under NumPy 1.26 (2.10 requires numpy<2).

    NumPy 2 changed where floats switch to scientific notation (by the type's precision: 0-d float32 123456789
    prints 1.2345679e+08 on NumPy 2; arrays followed in 2.3).  A 0-d array prints like its scalar.
    NumPy 1.x rule, reproduced here on both: shortest round-trip digits, positional when 1e-4 <= |x| < 1e16 (or
    x == 0) and scientific otherwise.
    """
    if _is_bfloat16(a.dtype):
        def cell(v):
            v = float(v)
            return "%f" % v if np.isfinite(v) else ("nan" if np.isnan(v) else ("inf" if v > 0 else "-inf"))
        if a.ndim == 0:
            return cell(a[()])
        return np.array2string(a.astype(np.float32), separator=" ", formatter={"float_kind": cell})
    if a.ndim == 0 and a.dtype.kind == "f":
        x = a[()]
        m = abs(float(x))
        if m != m or m == float("inf"):
            return str(a)
        if m == 0.0 or 1e-4 <= m < 1e16:
            return np.format_float_positional(x, unique=True, trim="0")
        return np.format_float_scientific(x, unique=True, trim="-")
    # (complex arrays format their parts with the same float rule)
    if _NP_NEW_FLOAT_CUTOFF and a.dtype.kind in "fc" and np.get_printoptions()["legacy"] is False:
        with np.printoptions(legacy="2.2"):
            return str(a)
    return str(a)


def tensor_repr(a, dtype_name):
    shape = "[" + ", ".join(str(d) for d in a.shape) + "]"
    return f"Tensor(shape={shape}, dtype={dtype_name}, value={format_repr_value(a)})"
