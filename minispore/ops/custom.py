"""User-defined operations with their own derivative: ``ops.Custom`` with a Python function (``func_type='pyfunc'``)
and Cells that define ``bprop``.

Both are one variadic primitive each. The forward runs the user's code on the inputs' values (no recording inside),
and the primitive's rules share one call of the user's bprop (``def_vjp(shared=...)``): ``bprop(*inputs, out,
dout)`` returns one cotangent per input. A bprop written with ``ops`` is itself recorded when a higher derivative is
taken, so it differentiates again as far as its own operations do.
"""
from .._core import backend
from .._core import dtype as mstype
from .._core.errors import MissingRuleError
from .._core.primitive import Primitive, VariadicRule, bind
from .._core.tensor import Tensor, _wrap

__all__ = ["Custom"]


def _cotangents(name, result, inputs):
    if isinstance(result, Tensor):
        result = (result,)
    if not isinstance(result, (tuple, list)) or len(result) != len(inputs):
        raise TypeError(f"For '{name}', the bprop must return a tuple of {len(inputs)} cotangents (one per input), "
                        f"but got {type(result).__name__}"
                        f"{f' of length {len(result)}' if isinstance(result, (tuple, list)) else ''}.")
    for x, g in zip(inputs, result):
        if not isinstance(g, Tensor) or tuple(g.shape) != tuple(x._data.shape):
            raise ValueError(f"For '{name}', the bprop's cotangent of an input of shape {tuple(x._data.shape)} must "
                             f"be a Tensor of that shape, but got "
                             f"{g.shape if isinstance(g, Tensor) else type(g).__name__}.")
    return tuple(result)


# ----------------------------------------------------------------------------- ops.Custom (pyfunc)
def _custom_impl(*arrays, func, shape, dtype, bprop, name):
    out = func(*[backend.to_numpy(a) for a in arrays])
    return backend.asarray(out, dtype)


def _custom_abstract(*xs, func, shape, dtype, bprop, name):
    return tuple(shape), dtype


def _custom_shared(dout, out, *args, func, shape, dtype, bprop, name):
    if bprop is None:
        raise MissingRuleError(f"For 'Custom' ({name}), no bprop was given, so its inputs cannot be differentiated.")
    return _cotangents(f"Custom ({name})", bprop(*args, out, dout), args)


custom_p = Primitive("Custom", _custom_impl, None, _custom_abstract)
custom_p.def_vjp(VariadicRule(lambda i, cts, out, *args, **params: cts[i]), shared=_custom_shared)


class Custom:
    """``ops.Custom(func, out_shape, out_dtype, func_type='pyfunc', bprop=None)``: ``func`` takes and returns NumPy
    arrays; ``out_shape``/``out_dtype`` are the output's shape and dtype or functions of the inputs' shapes and
    dtypes; ``bprop(*inputs, out, dout)`` gives the inputs' cotangents (without it, differentiating is an error)."""

    def __init__(self, func, out_shape=None, out_dtype=None, func_type="hybrid", bprop=None, reg_info=None):
        if func_type != "pyfunc":
            raise ValueError(f"For 'Custom', only func_type='pyfunc' (a Python function on NumPy arrays) runs on "
                             f"minispore's CPU backend, but got func_type={func_type!r}.")
        if not callable(func):
            raise TypeError(f"For 'Custom', 'func' must be a function, but got {type(func).__name__}.")
        if bprop is not None and not callable(bprop):
            raise TypeError(f"For 'Custom', 'bprop' must be a function, but got {type(bprop).__name__}.")
        self.func, self.out_shape, self.out_dtype, self.func_type, self.bprop = func, out_shape, out_dtype, \
            func_type, bprop
        self.name = getattr(func, "__name__", "Custom")

    def __call__(self, *inputs):
        for x in inputs:
            if not isinstance(x, Tensor):
                raise TypeError(f"For 'Custom' ({self.name}), every input must be a Tensor, but got "
                                f"{type(x).__name__}.")
        shape = self.out_shape(*[x.shape for x in inputs]) if callable(self.out_shape) else self.out_shape
        dtype = self.out_dtype(*[x.dtype for x in inputs]) if callable(self.out_dtype) else self.out_dtype
        if shape is None or dtype is None:
            shape = inputs[0].shape if shape is None else shape
            dtype = inputs[0].dtype if dtype is None else dtype
        if not isinstance(dtype, mstype.Type):
            raise TypeError(f"For 'Custom' ({self.name}), 'out_dtype' must be a mindspore dtype, but got {dtype!r}.")
        return bind(custom_p, *inputs, func=self.func, shape=tuple(int(d) for d in shape), dtype=dtype.np_dtype,
                    bprop=self.bprop, name=self.name)

    def __repr__(self):
        return f"Prim[Custom]<func_type={self.func_type}, func={self.name}>"


# ----------------------------------------------------------------------------- Cell.bprop
def _cell_impl(*arrays, cell):
    out = type(cell).construct(cell, *[_wrap(a) for a in arrays])
    if not isinstance(out, Tensor):
        raise TypeError(f"For '{type(cell).__name__}' with a bprop, construct must return one Tensor, but got "
                        f"{type(out).__name__}.")
    return out._data


def _cell_shared(dout, out, *args, cell):
    return _cotangents(f"{type(cell).__name__}.bprop", cell.bprop(*args, out, dout), args)


cell_bprop_p = Primitive("CellBprop", _cell_impl, None, lambda *xs, cell: _bprop_shape(cell, xs))
cell_bprop_p.def_vjp(VariadicRule(lambda i, cts, out, *args, **params: cts[i]), shared=_cell_shared)


def _bprop_shape(cell, xs):
    """The output's shape and dtype: construct run once on zeros of the inputs' shapes (a bprop Cell is opaque to
    the shape rules)."""
    if not all(isinstance(d, int) for x in xs for d in x.shape):
        raise TypeError(f"For '{type(cell).__name__}', a Cell with a bprop cannot be compiled with symbolic input "
                        f"shapes; declare fixed shapes.")
    out = _cell_impl(*[backend.xp.zeros(x.shape, x.dtype) for x in xs], cell=cell)
    return out.shape, out.dtype


def call_with_bprop(cell, args, kwargs):
    """``cell(*args)`` for a Cell that defines ``bprop``: one primitive whose derivative is the user's bprop."""
    if kwargs or not all(isinstance(a, Tensor) for a in args):
        raise TypeError(f"For '{type(cell).__name__}', a Cell with a bprop takes Tensor positional inputs only, "
                        f"but got {[type(a).__name__ for a in args]}{' and keywords' if kwargs else ''}.")
    return bind(cell_bprop_p, *args, cell=cell)
