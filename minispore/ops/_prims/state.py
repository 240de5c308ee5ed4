"""Effects on state: writing into a Parameter. A compiled graph replays them in order at every call."""
from ._base import NONDIFF, Primitive, bind, xp


def _assign_impl(variable, value):
    xp.copyto(variable, value, casting="unsafe")
    return variable


def _assign_abstract(variable, value):
    if tuple(value.shape) != tuple(variable.shape):
        raise ValueError(f"For 'Assign', the value of shape {tuple(value.shape)} does not match the variable of "
                         f"shape {tuple(variable.shape)}.")
    return variable.shape, variable.dtype


assign_p = Primitive("Assign", _assign_impl, 2, _assign_abstract, effect=True)
assign_p.def_vjp(NONDIFF, NONDIFF)


def assign(variable, value):
    """Write ``value`` into ``variable``'s buffer in place (a Parameter's moving statistics); returns it."""
    return bind(assign_p, variable, value)
