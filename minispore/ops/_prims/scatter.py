"""N-d scatters that combine the updates with the input by multiplying, dividing, or taking the maximum or minimum
(``TensorScatterMul/Div/Max/Min``); the adding and replacing ones are in ``index.py``.

Each is ``x`` with ``x[indices[j]] (op)= updates[j]`` for every j in order, ``indices`` (..., K) an integer tensor
read at every call (out-of-range indices raise naming the op). The derivatives are MindSpore's bprops
(``ops/_grad_experimental/grad_array_ops.py``): for ``Mul``/``Div`` they assume no index repeats (as MindSpore's do);
for ``Max``/``Min`` the cotangent is shared among the input and the updates that reach the winning value.
"""
from ..._core.errors import MissingRuleError
from ._base import NONDIFF, Primitive, bind, xp
from .elementwise import add, cast, div, equal, mul, neg, square
from .index import _nd_abstract_check, _nd_index, gather_nd, scatter_nd

_UFUNCS = {"TensorScatterMul": "multiply", "TensorScatterDiv": "true_divide",
           "TensorScatterMax": "maximum", "TensorScatterMin": "minimum"}


def _make(name):
    ufunc = getattr(xp, _UFUNCS[name])

    def impl(x, updates, indices):
        out = x.copy()
        where = _nd_index(indices, x.shape, name)
        if name == "TensorScatterDiv" and out.dtype.kind in "iu":
            # integer division, truncated as MindSpore's kernel does, one update at a time
            flat = updates.reshape((-1,) + updates.shape[len(indices.shape) - 1:])
            if (flat == 0).any():
                raise ValueError(f"For '{name}', an integer input cannot be divided by an update of 0.")
            for j, pos in enumerate(zip(*(w.reshape(-1) for w in where))):
                out[pos] = xp.trunc(out[pos] / flat[j]).astype(out.dtype)
            return out
        with xp.errstate(divide="ignore", invalid="ignore"):
            ufunc.at(out, where, updates)
        return out

    def abstract(x, updates, indices):
        _nd_abstract_check(x.shape, indices, updates.shape, name)
        if updates.dtype != x.dtype:
            raise TypeError(f"For '{name}', the input and the updates must have the same dtype, but got {x.dtype} "
                            f"and {updates.dtype}.")
        return x.shape, x.dtype

    return Primitive(name, impl, 3, abstract)


tensor_scatter_mul_p = _make("TensorScatterMul")
tensor_scatter_div_p = _make("TensorScatterDiv")
tensor_scatter_max_p = _make("TensorScatterMax")
tensor_scatter_min_p = _make("TensorScatterMin")


def tensor_scatter_mul(x, indices, updates):
    return bind(tensor_scatter_mul_p, x, updates, indices)


def tensor_scatter_div(x, indices, updates):
    return bind(tensor_scatter_div_p, x, updates, indices)


def tensor_scatter_max(x, indices, updates):
    return bind(tensor_scatter_max_p, x, updates, indices)


def tensor_scatter_min(x, indices, updates):
    return bind(tensor_scatter_min_p, x, updates, indices)


# d/dx: the scatter of the cotangent by the same updates; d/du: the input (and the cotangent) at the indices
tensor_scatter_mul_p.def_vjp(
    lambda dout, out, x, updates, indices: tensor_scatter_mul(dout, indices, updates),
    lambda dout, out, x, updates, indices: gather_nd(mul(dout, x), indices),
    NONDIFF)
tensor_scatter_div_p.def_vjp(
    lambda dout, out, x, updates, indices: tensor_scatter_div(dout, indices, updates),
    lambda dout, out, x, updates, indices: neg(div(gather_nd(mul(dout, x), indices), square(updates))),
    NONDIFF)


def _winners(out, x, updates, indices):
    """(where the input is the result, where each update is, how many share each result) as ``x``'s dtype."""
    x_wins = cast(equal(x, out), x._data.dtype)
    u_wins = cast(equal(updates, gather_nd(out, indices)), x._data.dtype)
    count = add(x_wins, scatter_nd(u_wins, indices, tuple(x._data.shape)))
    return x_wins, u_wins, count


def _extremum_dx(dout, out, x, updates, indices):
    x_wins, _, count = _winners(out, x, updates, indices)
    return div(mul(dout, x_wins), count)


def _extremum_du(dout, out, x, updates, indices):
    _, u_wins, count = _winners(out, x, updates, indices)
    return mul(u_wins, gather_nd(div(dout, count), indices))


tensor_scatter_max_p.def_vjp(_extremum_dx, _extremum_du, NONDIFF)
tensor_scatter_min_p.def_vjp(_extremum_dx, _extremum_du, NONDIFF)

# ------------------------------------------------------------------ the result of a scatter into a Parameter
def _no_derivative(dout, out, var, updates, op):
    raise MissingRuleError(f"For '{op}', no derivative is defined: it writes into a Parameter (MindSpore 2.10 has no "
                           f"bprop for it either); for a differentiable scatter use the out-of-place "
                           f"ops.tensor_scatter_* functions.")


# the Parameter after an in-place scatter, as a value a gradient can reach (and is refused at): without it the
# updates would not be connected to the result at all, and their gradient would come out as a silent zero
parameter_written_p = Primitive("ParameterWritten", lambda var, updates, op: var, 2,
                                lambda var, updates, op: (var.shape, var.dtype))
parameter_written_p.def_vjp(_no_derivative, _no_derivative)


def parameter_written(var, updates, op):
    return bind(parameter_written_p, var, updates, op=op)


__all__ = ["parameter_written_p", "parameter_written", "tensor_scatter_mul_p", "tensor_scatter_div_p", "tensor_scatter_max_p", "tensor_scatter_min_p",
           "tensor_scatter_mul", "tensor_scatter_div", "tensor_scatter_max", "tensor_scatter_min"]
