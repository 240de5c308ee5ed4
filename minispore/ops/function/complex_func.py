"""MindSpore's complex-number functions: ``real``, ``imag``, ``conj``, ``angle``, ``polar``, ``view_as_real``, and
the forms the Primitive classes use (``complex``: ``ops.Complex``, ``complex_abs``: ``ops.ComplexAbs``,
``conjugate_transpose``: ``ops.ConjugateTranspose``).

Checked against MindSpore 2.10 (tests/golden/complex.json). MindSpore's rules, recorded there: ``real``/``conj`` of
a real tensor give it back, ``imag`` gives zeros, ``angle`` refuses a real tensor's integer types; ``polar`` and
``Complex`` take two real tensors of one float type (Float32 -> Complex64, Float64 -> Complex128).
"""
from ..._core import dtype as mstype
from ..._core.dtype import kind_of
from .. import _prims as P
from .math_func import _tensor

__all__ = ["real", "imag", "conj", "angle", "polar", "view_as_real"]


def _is_complex(x):
    return kind_of(x._data.dtype) == "c"


def real(input):
    x = _tensor(input, "input", "real")
    return P.real(x) if _is_complex(x) else x


def imag(input):
    x = _tensor(input, "input", "imag")
    return P.imag(x) if _is_complex(x) else P.zeros_like(x)


def conj(input):
    x = _tensor(input, "input", "conj")
    return P.conj(x) if _is_complex(x) else x


def angle(input):
    x = _tensor(input, "input", "angle")
    if not _is_complex(x):
        if kind_of(x._data.dtype) != "f":
            raise TypeError(f"For 'angle', the 'input' must be a float or complex Tensor, but got {x.dtype}.")
        # the angle of a real number: pi below zero, 0 elsewhere (MindSpore's Angle of a float tensor)
        return P.where(P.less(x, P.const(0, x)), P.full_like(x, 3.141592653589793), P.zeros_like(x))
    return P.angle(x)


def _real_pair(a, b, op, names):
    a, b = _tensor(a, names[0], op), _tensor(b, names[1], op)
    for t, name in ((a, names[0]), (b, names[1])):
        if t.dtype not in (mstype.float32, mstype.float64):
            raise TypeError(f"For '{op}', the '{name}' must be a Float32 or Float64 Tensor, but got {t.dtype}.")
    if a.dtype != b.dtype:
        raise TypeError(f"For '{op}', '{names[0]}' and '{names[1]}' must have the same dtype, but got {a.dtype} and "
                        f"{b.dtype}.")
    if a.shape != b.shape:
        from ..._core import shapes
        try:
            shape = shapes.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            raise ValueError(f"For '{op}', the shapes of '{names[0]}' {list(a.shape)} and '{names[1]}' "
                             f"{list(b.shape)} cannot be broadcast.") from None
        a, b = P.broadcast_to(a, shape), P.broadcast_to(b, shape)
    return a, b


def complex(real, imag):
    """``real + i * imag`` (``ops.Complex``)."""
    re, im = _real_pair(real, imag, "Complex", ("real", "imag"))
    return P.complex_(re, im)


def polar(abs, angle):
    """``abs * (cos(angle) + i * sin(angle))``."""
    r, t = _real_pair(abs, angle, "polar", ("abs", "angle"))
    return P.complex_(P.mul(r, P.cos(t)), P.mul(r, P.sin(t)))


def complex_abs(x):
    """``|x|`` of a complex tensor, a real tensor (``ops.ComplexAbs``)."""
    x = _tensor(x, "x", "ComplexAbs")
    if not _is_complex(x):
        raise TypeError(f"For 'ComplexAbs', the 'x' must be a Complex64 or Complex128 Tensor, but got {x.dtype}.")
    return P.complex_abs(x)


def view_as_real(input):
    """A complex tensor of shape S as a real one of shape S + [2]: the real and imaginary parts."""
    x = _tensor(input, "input", "view_as_real")
    if not _is_complex(x):
        raise TypeError(f"For 'view_as_real', the 'input' must be a Complex64 or Complex128 Tensor, but got "
                        f"{x.dtype}.")
    from .array_func import stack
    return stack([P.real(x), P.imag(x)], -1)


def conjugate_transpose(x, perm):
    """``conj(transpose(x, perm))`` (``ops.ConjugateTranspose``)."""
    from .array_func import transpose
    x = _tensor(x, "x", "ConjugateTranspose")
    y = transpose(x, perm)
    return P.conj(y) if _is_complex(y) else y

