"""What every primitive family uses: the backend's array module, constants for rules, shape-rule helpers."""
from ..._core import backend
from ..._core import shapes
from ..._core.primitive import NONDIFF, Primitive, VariadicRule, bind  # noqa: F401 (re-exported to families)
from ..._core.tensor import _literal

xp = backend.xp     # ufuncs bound here also accept other backends' arrays (__array_ufunc__)

_consts = {}


def const(value, like):
    """An untraced 0-d constant of ``like``'s dtype, for derivative rules (cached: constants are never written)."""
    dtype = like._data.dtype
    key = (value, dtype)
    c = _consts.get(key)
    if c is None:
        c = _consts[key] = _literal(backend.asarray(value, dtype))
    return c


# ----------------------------------------------------------------------------- shape rules
def same(x, **params):
    return x.shape, x.dtype


def broadcast(x, y, **params):
    return shapes.broadcast_shapes(x.shape, y.shape), x.dtype


def broadcast_bool(x, y, **params):
    return shapes.broadcast_shapes(x.shape, y.shape), _BOOL


def same_bool(x, **params):
    return x.shape, _BOOL


_BOOL = backend.xp.dtype(bool)


def unary(name, impl, abstract=same):
    prim = Primitive(name, impl, 1, abstract)
    return prim, (lambda x: bind(prim, x))


def binary(name, impl, abstract=broadcast):
    prim = Primitive(name, impl, 2, abstract)
    return prim, (lambda x, y: bind(prim, x, y))
