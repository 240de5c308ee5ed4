"""Einstein summation: one primitive on an explicit equation (``"ab,bc->ac"``: no ellipsis, no implicit output,
no broadcasting; ``ops.einsum`` rewrites the user's equation into that form).

The derivative with respect to operand i is another einsum: the output's cotangent contracted with the other
operands onto operand i's subscripts; a subscript only operand i has (summed out) comes back by broadcasting.
"""
from ._base import Primitive, VariadicRule, bind, xp
from .shape import broadcast_to, reshape


def parse(equation):
    """(input subscripts, output subscripts) of an explicit equation."""
    lhs, out = equation.split("->")
    return lhs.split(","), out


def _einsum_abstract(*xs, equation):
    ins, out = parse(equation)
    if len(ins) != len(xs):
        raise ValueError(f"For 'Einsum', the equation {equation!r} names {len(ins)} operands, but {len(xs)} were "
                         f"given.")
    sizes = {}
    for sub, x in zip(ins, xs):
        if len(sub) != len(x.shape):
            raise ValueError(f"For 'Einsum', the subscripts {sub!r} do not match an operand of shape "
                             f"{tuple(x.shape)} (equation {equation!r}).")
        for letter, n in zip(sub, x.shape):
            if sizes.setdefault(letter, n) != n:
                raise ValueError(f"For 'Einsum', the subscript {letter!r} has sizes {sizes[letter]} and {n} in "
                                 f"{equation!r} (shapes {[tuple(t.shape) for t in xs]}).")
    if any(letter not in sizes for letter in out):
        raise ValueError(f"For 'Einsum', the output subscripts {out!r} name a letter no operand has.")
    dtype = xs[0].dtype
    for x in xs[1:]:
        if x.dtype != dtype:
            raise TypeError(f"For 'Einsum', the operands must have one dtype, but got {[str(t.dtype) for t in xs]}.")
    return tuple(sizes[letter] for letter in out), dtype


einsum_p = Primitive("Einsum", lambda *xs, equation: xp.asarray(xp.einsum(equation, *xs)), None, _einsum_abstract)


def einsum(equation, *xs):
    return bind(einsum_p, *xs, equation=equation)


def _einsum_vjp(i, dout, out, *xs, equation):
    ins, out_sub = parse(equation)
    mine = ins[i]
    if len(set(mine)) != len(mine):
        raise ValueError(f"For 'Einsum', the derivative with respect to an operand with a repeated subscript "
                         f"({mine!r} in {equation!r}, a diagonal) is not supported.")
    others = [s for j, s in enumerate(ins) if j != i]
    seen = set(out_sub).union(*others) if others else set(out_sub)
    kept = "".join(letter for letter in mine if letter in seen)
    g = einsum(f"{','.join([out_sub] + others)}->{kept}", dout, *[x for j, x in enumerate(xs) if j != i])
    shape = xs[i]._data.shape
    if kept != mine:
        g = reshape(g, tuple(n if letter in seen else 1 for letter, n in zip(mine, shape)))
        g = broadcast_to(g, tuple(shape))
    return g


einsum_p.def_vjp(VariadicRule(_einsum_vjp))

