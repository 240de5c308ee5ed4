"""Jacobians and vmap, built on the engine's ``vjp``/``jvp`` and ordinary ops."""
from ..._core import autodiff as _autodiff
from ..._core.autodiff import _check_bool, _check_position, jvp, vjp
from ..._core.tensor import Tensor
from .. import _prims as P


def _stack(tensors):
    return P.concat([P.reshape(t, (1,) + t.shape) for t in tensors], 0)


def _basis(shape, dtype):
    """The unit tensors of ``shape``, one per element (rows of an identity), as a (size,) + shape tensor."""
    n = 1
    for d in shape:
        n *= d
    return P.reshape(P.eye(n, n, dtype), (n,) + tuple(shape))


def _jacobian(fn, grad_position, has_aux, forward):
    positions = _check_position(grad_position)
    _check_bool("has_aux", has_aux)

    def run(*args):
        xs = [args[p] for p in positions]

        def f_of(*sel):
            full = list(args)
            for p, s in zip(positions, sel):
                full[p] = s
            return fn(*full)

        res = vjp(f_of, *xs, has_aux=has_aux)
        out, pullback = res[0], res[1]
        if not isinstance(out, Tensor):
            raise TypeError("jacfwd/jacrev support a function with one Tensor output")
        jacs = []
        for k, x in enumerate(xs):
            rows = []
            if forward:
                units = _basis(x.shape, x._data.dtype)
                for idx in range(x.size):
                    t = [_autodiff.zeros_like(a) for a in xs]
                    t[k] = P.reshape(P.slice_(units, (idx,) + (0,) * x.ndim, (idx + 1,) + x.shape), x.shape)
                    rows.append(jvp(lambda *s: f_of(*s) if not has_aux else f_of(*s)[0], tuple(xs), tuple(t))[1])
                jac = P.transpose(P.reshape(_stack(rows), x.shape + out.shape),
                                  tuple(range(x.ndim, x.ndim + out.ndim)) + tuple(range(x.ndim)))
            else:
                units = _basis(out.shape, out._data.dtype)
                for idx in range(out.size):
                    e = P.reshape(P.slice_(units, (idx,) + (0,) * out.ndim, (idx + 1,) + out.shape), out.shape)
                    rows.append(pullback(e)[k])
                jac = P.reshape(_stack(rows), out.shape + x.shape)
            jacs.append(jac)
        result = jacs[0] if len(jacs) == 1 else tuple(jacs)
        return (result, res[2]) if has_aux else result

    return run


def jacfwd(fn, grad_position=0, has_aux=False):
    return _jacobian(fn, grad_position, has_aux, forward=True)


def jacrev(fn, grad_position=0, has_aux=False):
    return _jacobian(fn, grad_position, has_aux, forward=False)


def vmap(fn, in_axes=0, out_axes=0):
    """Map ``fn`` over an axis of its inputs (evaluated as a loop over the batch, then stacked)."""

    def run(*args):
        axes = in_axes if isinstance(in_axes, (tuple, list)) else (in_axes,) * len(args)
        if len(axes) != len(args):
            raise ValueError(f"For 'vmap', 'in_axes' has {len(axes)} entries but the function got "
                             f"{len(args)} arguments")
        sizes = {a.shape[ax] for a, ax in zip(args, axes) if ax is not None and isinstance(a, Tensor)}
        if len(sizes) != 1:
            raise ValueError(f"For 'vmap', the mapped axes must all have one size, got {sorted(sizes)}")
        n = sizes.pop()
        results = []
        for i in range(n):
            sliced = [P.getitem(a, (slice(None),) * (ax % a.ndim) + (i,))
                      if ax is not None and isinstance(a, Tensor) else a for a, ax in zip(args, axes)]
            results.append(fn(*sliced))

        def stack_at(items, oax):
            if oax is None:        # an unmapped output: every iteration gives the same value
                return items[0]
            s = _stack(items)
            if oax == 0:
                return s
            oax = oax % s.ndim
            perm = list(range(1, s.ndim))
            perm.insert(oax, 0)
            return P.transpose(s, tuple(perm))

        first = results[0]
        if isinstance(first, Tensor):
            return stack_at(results, out_axes)
        oaxes = out_axes if isinstance(out_axes, (tuple, list)) else (out_axes,) * len(first)
        return type(first)(stack_at([r[j] for r in results], oaxes[j]) for j in range(len(first)))

    return run


__all__ = ["jacfwd", "jacrev", "vmap"]
