"""``mindspore.ops.composite`` (``from mindspore.ops import composite as C``): ``GradOperation``, ``HyperMap``,
``Map``, ``MultitypeFuncGraph`` and ``zip_operation``, and the composite functional ops MindSpore keeps here
(``C.matmul``, ``C.normal``, ``C.repeat_elements`` ..., the functional ops of ``mindspore.ops``).

MindSpore compiles these into graphs; here they run as Python on the values they get, so they also work in
PyNative mode and inside ``jit`` (which traces through them).
"""
from .._core.autodiff import GradOperation
from .._core.tensor import Tensor as _Tensor

__all__ = ["GradOperation", "HyperMap", "Map", "MultitypeFuncGraph", "zip_operation", "add_flags", "tail",
           "hyper_add"]

# a MultitypeFuncGraph type name -> the Python types it accepts, most specific first in _RANK
_TYPES = {
    "Tensor": (_Tensor,), "Number": (int, float), "Int": (int,), "Float": (float,), "Bool": (bool,),
    "Tuple": (tuple,), "List": (list,), "Dictionary": (dict,), "Dict": (dict,), "String": (str,),
    "None": (type(None),), "Function": (), "Slice": (slice,), "Ellipsis": (type(Ellipsis),),
}
_BROAD = {"Number": 1, "Function": 1}     # a match through these counts less than an exact one


def _type_name(value):
    if isinstance(value, _Tensor):
        return f"Tensor[{value.dtype}]"
    if isinstance(value, bool):
        return "Bool"
    if isinstance(value, int):
        return "Int64"
    if isinstance(value, float):
        return "Float32"
    return type(value).__name__.capitalize()


def _type_key(t):
    """A registered type: MindSpore's type name (``"Tensor"``, ``"Number"``, ...) or a dtype object."""
    if isinstance(t, str):
        if t not in _TYPES:
            raise TypeError(f"For 'MultitypeFuncGraph.register', the type name {t!r} is not one of "
                            f"{sorted(_TYPES)}.")
        return t
    name = getattr(t, "name", None) or getattr(t, "__name__", None) or str(t)
    return _type_key(name.capitalize() if name.capitalize() in _TYPES else "Tensor")


def _matches(key, value):
    if key == "Function":
        return callable(value) and not isinstance(value, _Tensor)
    if key in ("Number", "Int", "Float") and isinstance(value, bool):
        return key == "Number"
    return isinstance(value, _TYPES[key])


class MultitypeFuncGraph:
    """A function chosen by the types of its arguments: ``register("Tensor", "Number")`` decorates one
    implementation per signature; a call runs the most specific match."""

    def __init__(self, name, read_value=False, doc_url=""):
        self.name = name
        self.read_value = read_value
        self.entries = []

    def register(self, *type_names):
        keys = tuple(_type_key(t) for t in type_names)

        def deco(fn):
            self.entries = [(k, f) for k, f in self.entries if k != keys] + [(keys, fn)]
            return fn
        return deco

    def __call__(self, *args):
        best, best_score = None, None
        for keys, fn in self.entries:
            if len(keys) != len(args) or not all(_matches(k, a) for k, a in zip(keys, args)):
                continue
            score = sum(_BROAD.get(k, 0) for k in keys)
            if best_score is None or score < best_score:
                best, best_score = fn, score
        if best is None:
            registered = "\n".join("    (" + ", ".join(k) + ")" for k, _ in self.entries) or "    (none)"
            raise TypeError(f"For 'MultitypeFuncGraph' {self.name!r}, the input types ("
                            f"{', '.join(_type_name(a) for a in args)}) match no registered signature; "
                            f"registered:\n{registered}")
        return best(*args)

    def __repr__(self):
        return f"MultitypeFuncGraph({self.name!r})"


def _is_sequence(value):
    return isinstance(value, (tuple, list))


def _map(op, args, recurse, reverse, name):
    first = args[0]
    if _is_sequence(first) or isinstance(first, dict):
        for a in args[1:]:
            if type(a) is not type(first) or len(a) != len(first):
                raise ValueError(f"For '{name}', the sequences to map over must have the same type and length, "
                                 f"but got {_describe(first)} and {_describe(a)}.")
        if isinstance(first, dict):
            keys = list(first)
            return {k: _leaf(op, [a[k] for a in args], recurse, reverse, name) for k in keys}
        idx = range(len(first) - 1, -1, -1) if reverse else range(len(first))
        out = [None] * len(first)
        for i in idx:
            out[i] = _leaf(op, [a[i] for a in args], recurse, reverse, name)
        return type(first)(out)
    return op(*args)


def _leaf(op, items, recurse, reverse, name):
    if recurse and (_is_sequence(items[0]) or isinstance(items[0], dict)):
        return _map(op, items, recurse, reverse, name)
    return op(*items)


def _describe(value):
    return f"{type(value).__name__} of length {len(value)}" if hasattr(value, "__len__") else type(value).__name__


class HyperMap:
    """Apply ``ops`` to the elements of tuples/lists (and dicts), recursively into nested ones:
    ``HyperMap()(fn, grads, params)`` or ``HyperMap(fn)(grads, params)``."""

    _recurse = True

    def __init__(self, ops=None, reverse=False):
        self.ops = ops
        self.reverse = reverse

    def __call__(self, *args):
        op = self.ops
        if op is None:
            if not args:
                raise TypeError(f"For '{type(self).__name__}', the first input must be the function to apply.")
            op, args = args[0], args[1:]
        if not callable(op):
            raise TypeError(f"For '{type(self).__name__}', the function to apply must be callable, but got "
                            f"{type(op).__name__}.")
        if not args:
            raise TypeError(f"For '{type(self).__name__}', there must be at least one sequence to map over.")
        if not (_is_sequence(args[0]) or isinstance(args[0], dict)):
            return op(*args)
        return _map(op, list(args), self._recurse, self.reverse, type(self).__name__)


class Map(HyperMap):
    """``HyperMap`` over one level: elements that are sequences are passed to ``ops`` whole."""

    _recurse = False


def zip_operation(*sequences):
    """``zip`` of tuples/lists into a tuple of tuples."""
    for s in sequences:
        if not _is_sequence(s):
            raise TypeError(f"For 'zip_operation', every input must be a tuple or list, but got "
                            f"{type(s).__name__}.")
    return tuple(zip(*sequences))


def add_flags(fn=None, **flags):
    """Set attributes (graph compilation flags) on a function or Cell and return it."""
    def deco(f):
        for k, v in flags.items():
            try:
                setattr(f, k, v)
            except AttributeError:
                pass
        return f
    return deco(fn) if fn is not None else deco


def tail(sequence):
    if not _is_sequence(sequence):
        raise TypeError(f"For 'tail', the input must be a tuple or list, but got {type(sequence).__name__}.")
    return tuple(sequence[1:])


def _add(x, y):
    return x + y


hyper_add = HyperMap(_add)


def __getattr__(name):
    import minispore.ops as ops
    if not name.startswith("_"):
        value = getattr(ops, name, None)
        if value is not None and not isinstance(value, type):
            return value
    from .._dropin import missing
    raise missing(__name__, name)
