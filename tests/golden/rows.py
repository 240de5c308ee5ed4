"""Helpers shared by the golden table families' ``cases(ms)`` (cases_<family>.py): they turn a row's literals into
the framework's values and take gradients the same way, with ``ms`` either minispore or real MindSpore.

    R = rows.Rows(ms, forms=("dt", "tuple"))
    R.arg(v)                       # NumPy array/scalar -> ms.Tensor; the accepted literal forms below; else v as is
    R.grad_of(call, inputs)        # ms.grad of sum(first output of call(*inputs)) w.r.t. the differentiated inputs

Literal forms a family may accept (``forms``; a literal of a form it does not name is passed as it is):
``"dt"``: ``"dt:int32"`` -> ``ms.int32``; ``"T"``: ``("T", data, "float16")`` -> ``ms.Tensor(data, ms.float16)``;
``"list"``: ``("list", a, b...)`` -> a list of converted items; ``"tuple"``: ``("tuple", a, b...)`` -> a tuple of
converted items; ``"param"``: ``("param", array)`` -> an ``ms.Parameter`` named ``p<n>`` (n: how many the list
``made`` holds, appended to; ``p0`` without one).
"""
import numpy as np


def pick(r, i=0, seqs=(tuple, list)):
    """Output ``i`` of a result that is a tuple/list (the kinds in ``seqs``); a single result as it is."""
    return r[i] if isinstance(r, seqs) else r


def first(r):
    return pick(r, 0)


def differentiated(dtypes=(np.float32,), tuples=False, min_ndim=0):
    """The predicate ``Rows.grad_of`` picks inputs by: NumPy arrays of ``dtypes`` with at least ``min_ndim``
    dimensions, and with ``tuples`` also ``("tuple", ...)`` literals."""
    def wrt(v):
        if isinstance(v, np.ndarray) and v.dtype in dtypes and v.ndim >= min_ndim:
            return True
        return tuples and isinstance(v, tuple) and bool(v) and v[0] == "tuple"
    return wrt


FLOAT32 = differentiated()


class Rows:
    def __init__(self, ms, forms=(), wrt=FLOAT32, seqs=(tuple, list)):
        self.ms = ms
        self.forms = frozenset(forms)
        self.wrt = wrt
        self.seqs = seqs

    def arg(self, v, made=None):
        ms, forms = self.ms, self.forms
        if isinstance(v, (np.ndarray, np.generic)):
            return ms.Tensor(v)
        if "dt" in forms and isinstance(v, str) and v.startswith("dt:"):
            return getattr(ms, v[3:])
        if isinstance(v, tuple) and v:
            if "T" in forms and v[0] == "T":
                return ms.Tensor(v[1], getattr(ms, v[2]))
            if "list" in forms and v[0] == "list":
                return [self.arg(x) for x in v[1:]]
            if "tuple" in forms and v[0] == "tuple":
                return tuple(self.arg(x) for x in v[1:])
            if "param" in forms and v[0] == "param":
                p = ms.Parameter(ms.Tensor(v[1].copy()), name=f"p{len(made)}" if made is not None else "p0")
                if made is not None:
                    made.append(p)
                return p
        return v

    def args(self, inputs, made=None):
        return [self.arg(v, made) for v in inputs]

    def kwargs(self, kw):
        return {k: self.arg(v) for k, v in kw.items()}

    def grad_of(self, call, inputs, out=0, loss=None):
        """``ms.grad`` of ``loss(call(*args))`` with respect to the inputs ``wrt`` picks (one gradient for one
        input, a tuple for more); ``loss`` defaults to the sum of output ``out`` (the whole result with None)."""
        ms = self.ms
        if loss is None:
            def loss(r):
                return ms.ops.sum(r if out is None else pick(r, out, self.seqs))
        args = self.args(inputs)
        pos = tuple(i for i, v in enumerate(inputs) if self.wrt(v))

        def f(*diff):
            full = list(args)
            for i, d in zip(pos, diff):
                full[i] = d
            return loss(call(*full))
        return ms.grad(f, tuple(range(len(pos))) if len(pos) > 1 else 0)(*[args[i] for i in pos])


def uniform(seed, shape, lo=-1.0, hi=1.0, dtype=np.float32):
    """A table's random input: ``np.random.default_rng(seed)``'s uniform draw in [lo, hi), as ``dtype``."""
    return np.random.default_rng(seed).uniform(lo, hi, shape).astype(dtype)


def integers(seed, shape, lo, hi, dtype=np.int32):
    """A table's random integer input in [lo, hi), as ``dtype``."""
    return np.random.default_rng(seed).integers(lo, hi, shape).astype(dtype)
