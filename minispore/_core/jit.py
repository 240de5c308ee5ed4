"""Graph mode: ``jit`` traces a function once per input signature into a flat graph of primitives and replays
it without Tensors, traces or tapes.

Tracing runs the function on *abstract* tensors that carry only a shape and a dtype (their ``_data`` is an
``Abstract``). Every primitive reached through ``bind`` is recorded as an equation; gradient transforms inside
the function record their backward pass the same way, and optimizer updates are recorded as effects. Anything
that needs a value while tracing (Python control flow on a Tensor, ``asnumpy()``, printing, NumPy code on the
data) raises ``TracerValueError``; the function then runs eagerly from then on, with one warning naming the
line, as MindSpore's JIT Fallback does. The graph is cleaned (dead code, common subexpressions) before use.
"""
import functools
import weakref
import linecache
import os
import traceback
import warnings

import numpy as np

from . import primitive as _primitive
from .primitive import Trace, end_trace, new_trace
from .tensor import Literal, Tensor


_new_tensor = Tensor.__new__


class TracerValueError(RuntimeError):
    """A value was needed while tracing a function for jit."""


def _need_value(what):
    raise TracerValueError(f"{what} needs the value of a Tensor, which is not known while tracing")


class Abstract:
    """The ``_data`` of a traced Tensor: a shape and a dtype, and no values."""
    __slots__ = ("shape", "dtype")

    def __init__(self, shape, dtype):
        self.shape = tuple(shape)
        self.dtype = np.dtype(dtype)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return int(np.prod(self.shape, dtype=np.int64))

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    def __getattr__(self, name):
        _need_value(f"reading the Tensor's data (.{name})")

    def __array__(self, *args, **kwargs):
        _need_value("converting to a NumPy array")

    def __bool__(self):
        _need_value("a Python condition on a Tensor")

    def __float__(self):
        _need_value("float()")

    def __int__(self):
        _need_value("int()")

    def __index__(self):
        _need_value("using a Tensor as an index")

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        _need_value("iterating over a Tensor's values")

    def __getitem__(self, index):
        _need_value("reading elements")

    def __format__(self, spec):
        _need_value("formatting a Tensor")

    def __str__(self):
        _need_value("printing a Tensor")

    def __repr__(self):
        return f"Abstract(shape={self.shape}, dtype={self.dtype})"

    def _binary(self, *args):
        _need_value("NumPy arithmetic on a Tensor's data")

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _binary
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __matmul__ = __rmatmul__ = _binary
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _binary
    __lt__ = __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _binary
    __neg__ = __pos__ = __abs__ = __invert__ = _binary
    __hash__ = object.__hash__


class StagingTrace(Trace):
    """Records ``bind`` calls as equations ``(prim, input slots, params, output slot)``."""
    __slots__ = ("eqns", "n_slots", "consts", "const_slot", "dummies", "aliases", "literal_slots")
    staging = True

    def __init__(self, level):
        super().__init__(level)
        self.eqns = []
        self.n_slots = 0
        self.consts = []        # (slot, Tensor) read at every replay: parameters change between calls
        self.const_slot = {}    # id(Tensor) -> slot
        self.dummies = {}       # slot -> an array of the slot's shape and dtype, for shape inference
        self.aliases = {}       # id(snapshot Tensor) -> the Parameter it stands for (grad boxes weights)
        self.literal_slots = set()  # constants the framework made (Literal): safe to fold

    def new_slot(self):
        self.n_slots += 1
        return self.n_slots - 1

    def tracer(self, slot, shape, dtype):
        t = Tensor.__new__(Tensor)
        t._data = Abstract(shape, dtype)
        t._trace = self
        t._inner = slot
        t._node = None
        return t

    def const(self, t):
        source = self.aliases.get(id(t), t)
        slot = self.const_slot.get(id(source))
        if slot is None:
            slot = self.new_slot()
            self.const_slot[id(source)] = slot
            self.consts.append((slot, source))
            self.dummies[slot] = source._data
            if type(source) is Literal:
                self.literal_slots.add(slot)
        return slot

    def record(self, prim, args, params):
        ins = tuple(a._inner if a._trace is self else self.const(a) for a in args)
        if prim.effect or prim.random:
            # never run at compile time (an update, or a random draw); the output has the first input's shape
            first = args[0]._data
            shape, dtype = first.shape, first.dtype
            dummy = None
        else:
            with np.errstate(all="ignore"):
                try:
                    dummy = np.asarray(prim.impl(*[self.dummies[i] for i in ins], **params))
                except TracerValueError:
                    raise
                except Exception as e:
                    raise _primitive._fail(prim, args, params, e) from None
            shape, dtype = dummy.shape, dummy.dtype
        out = self.new_slot()
        if dummy is not None:
            self.dummies[out] = dummy
        else:
            self.dummies[out] = np.ones(shape, dtype)
        self.eqns.append((prim, ins, params, out))
        return self.tracer(out, shape, dtype)


# ----------------------------------------------------------------------------- graph
class Graph:
    """A traced function: input slots, constants read at call time, equations and the output template."""

    def __init__(self, trace, input_slots, out_template, out_slots):
        self.input_slots = input_slots
        self.consts = trace.consts
        self.out_template = out_template
        eqns, out_slots = _cse(_dce(trace.eqns, out_slots))
        eqns, static = _fold(eqns, {slot: t._data for slot, t in trace.consts if slot in trace.literal_slots})
        self.consts = [(slot, t) for slot, t in trace.consts if slot not in static]
        used = {i for _, ins, _, _ in eqns for i in ins} | set(out_slots)
        self.static = [(slot, array) for slot, array in static.items() if slot in used]
        self.static_outs = {slot for slot in out_slots if slot in static}
        self.out_slots = out_slots
        self.n_slots = trace.n_slots
        self.program = [(prim.impl, ins, params, out) for prim, ins, params, out in eqns]
        self.n_eqns = len(self.program)
        self.flat_tuple = type(out_template) is tuple and all(t is _LEAF for t in out_template)

    def run(self, arrays):
        vals = [None] * self.n_slots
        for slot, array in zip(self.input_slots, arrays):
            vals[slot] = array
        for slot, t in self.consts:
            vals[slot] = t._data
        for slot, array in self.static:
            vals[slot] = array
        for impl, ins, params, out in self.program:
            if len(ins) == 1:
                vals[out] = impl(vals[ins[0]], **params)
            elif len(ins) == 2:
                vals[out] = impl(vals[ins[0]], vals[ins[1]], **params)
            else:
                vals[out] = impl(*[vals[i] for i in ins], **params)
        outs = []
        for slot in self.out_slots:
            v = vals[slot]
            if slot in self.static_outs:
                v = v.copy()       # a folded constant is shared between calls: hand out a copy
            t = _new_tensor(Tensor)
            t._data = v if type(v) is np.ndarray else np.asarray(v)
            t._trace = None
            outs.append(t)
        template = self.out_template
        if template is _LEAF:
            return outs[0]
        if self.flat_tuple:
            return tuple(outs)
        return _fill(template, iter(outs))


def _dce(eqns, out_slots):
    """Drop equations whose results are never used (effects are always kept)."""
    live = set(out_slots)
    kept = []
    for eqn in reversed(eqns):
        prim, ins, params, out = eqn
        if out in live or prim.effect:
            kept.append(eqn)
            live.update(ins)
    kept.reverse()
    return kept, out_slots


def _fold(eqns, static):
    """Constant folding: evaluate now every equation whose inputs are all framework-made constants (or
    results of such equations). Returns the remaining equations and {slot: folded array}."""
    static = dict(static)
    kept = []
    for prim, ins, params, out in eqns:
        if not (prim.effect or prim.random) and all(i in static for i in ins):
            with np.errstate(all="ignore"):
                static[out] = np.asarray(prim.impl(*[static[i] for i in ins], **params))
            continue
        kept.append((prim, ins, params, out))
    return kept, static


def _freeze(value):
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, slice):
        return ("slice", value.start, value.stop, value.step)
    hash(value)
    return value


def _cse(dce_result):
    """Merge equations that apply the same primitive with the same parameters to the same inputs."""
    eqns, out_slots = dce_result
    rename = {}
    seen = {}
    result = []
    for prim, ins, params, out in eqns:
        ins = tuple(rename.get(i, i) for i in ins)
        key = None
        if not (prim.effect or prim.random):
            try:
                key = (prim, ins, tuple(sorted((k, _freeze(v)) for k, v in params.items())))
            except TypeError:
                key = None
        if key is not None and key in seen:
            rename[out] = seen[key]
            continue
        if key is not None:
            seen[key] = out
        if prim.effect:
            seen.clear()    # an effect (an optimizer update) changes Parameters: later reads are new values
        result.append((prim, ins, params, out))
    return result, [rename.get(s, s) for s in out_slots]


# ----------------------------------------------------------------------------- argument structures
def _flatten(tree, leaves):
    """A template of ``tree`` with each Tensor replaced by a marker; the Tensors go to ``leaves``."""
    if isinstance(tree, Tensor):
        leaves.append(tree)
        return _LEAF
    if isinstance(tree, tuple) and not hasattr(tree, "_fields"):
        return tuple(_flatten(t, leaves) for t in tree)
    if isinstance(tree, list):
        return [_flatten(t, leaves) for t in tree]
    if isinstance(tree, dict):
        # sorted, like _signature, so that f(x=a, y=b) and f(y=b, x=a) give the same slots
        return {k: _flatten(tree[k], leaves) for k in sorted(tree)}
    return tree


class _Leaf:
    def __repr__(self):
        return "<tensor>"


_LEAF = _Leaf()


def _fill(template, values):
    if template is _LEAF:
        return next(values)
    if isinstance(template, tuple):
        return tuple(_fill(t, values) for t in template)
    if isinstance(template, list):
        return [_fill(t, values) for t in template]
    if isinstance(template, dict):
        return {k: _fill(v, values) for k, v in template.items()}
    return template


def _signature(value):
    """What a compiled graph depends on: shapes and dtypes of Tensors, values of the other arguments."""
    if isinstance(value, Tensor):
        return ("T", value._data.shape, value._data.dtype.str)
    if isinstance(value, (tuple, list)):
        return (type(value).__name__,) + tuple(_signature(v) for v in value)
    if isinstance(value, dict):
        return ("dict",) + tuple((k, _signature(v)) for k, v in sorted(value.items()))
    if isinstance(value, (int, float, bool, str, type(None), complex)):
        return (type(value).__name__, value)
    try:
        # a weak reference compares equal only while its object lives: a new object that reuses a dead one's
        # address never picks up the dead one's graph
        return ("obj", weakref.ref(value))
    except TypeError:
        return ("obj", value)


def _user_line(tb):
    """'file:line: code' of the innermost frame outside minispore, for the fallback warning."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found = None
    for frame in traceback.extract_tb(tb):
        if not os.path.abspath(frame.filename).startswith(package):
            found = frame
    if found is None:
        return "an unknown line"
    code = (found.line or linecache.getline(found.filename, found.lineno)).strip()
    return f"{found.filename}:{found.lineno}: {code}"


# ----------------------------------------------------------------------------- the public decorator
class JitFunction:
    """A function compiled per input signature; see ``jit``."""

    def __init__(self, fn):
        self.fn = fn
        self.graphs = {}
        self.fallback = None        # the reason, once the function has been found untraceable
        self.compile_count = 0
        functools.update_wrapper(self, fn)

    def __get__(self, obj, objtype=None):
        # decorating a method (e.g. Cell.construct): one compiled function per instance, bound to it
        if obj is None:
            return self
        store = getattr(obj, "__dict__", None)
        if store is None:
            return functools.partial(self.__call__, obj)
        bound = store.get("_jit_methods", {}).get(id(self))
        if bound is None:
            bound = JitFunction(functools.partial(self.fn, obj))
            store.setdefault("_jit_methods", {})[id(self)] = bound
        return bound

    def __call__(self, *args, **kwargs):
        if self.fallback is not None or _primitive._trace_stack:
            # untraceable, or called inside another transform: run as written
            return self.fn(*args, **kwargs)
        if not kwargs:
            # the common case, all arguments Tensors: a cheap key, and the arguments are the leaves
            try:
                arrays = [a._data for a in args]
                key = ("tensors",) + tuple((a.shape, a.dtype) for a in arrays)
                graph = self.graphs.get(key)
            except (AttributeError, TypeError):
                graph = key = None
            if key is not None and type(arrays[0] if arrays else None) is not Abstract:
                if graph is None:
                    graph = self._compile(args, kwargs, key)
                    if graph is None:
                        return self.fn(*args, **kwargs)
                return graph.run(arrays)
        try:
            key = (_signature(args), _signature(kwargs))
            hash(key)
        except TypeError:
            return self.fn(*args, **kwargs)
        graph = self.graphs.get(key)
        if graph is None:
            graph = self._compile(args, kwargs, key)
            if graph is None:
                return self.fn(*args, **kwargs)
        leaves = []
        _flatten((args, kwargs), leaves)
        return graph.run([t._data for t in leaves])

    def _compile(self, args, kwargs, key):
        leaves = []
        template = _flatten((args, kwargs), leaves)
        trace = new_trace(StagingTrace)
        try:
            tracers = []
            input_slots = []
            for t in leaves:
                slot = trace.new_slot()
                input_slots.append(slot)
                trace.dummies[slot] = np.ones(t._data.shape, t._data.dtype)
                tracers.append(trace.tracer(slot, t._data.shape, t._data.dtype))
            targs, tkwargs = _fill(template, iter(tracers))
            try:
                out = self.fn(*targs, **tkwargs)
            except Exception as e:    # noqa: BLE001 - any failure to trace means: run the function as written
                # (a real error in the function is raised again by the eager run that follows)
                what = str(e) if isinstance(e, TracerValueError) else f"{type(e).__name__}: {e}"
                self.fallback = f"{what} (at {_user_line(e.__traceback__)})"
                warnings.warn(f"jit: '{getattr(self.fn, '__qualname__', self.fn)}' runs eagerly (JIT Fallback): "
                              f"{self.fallback}.", stacklevel=3)
                return None
            out_leaves = []
            out_template = _flatten(out, out_leaves)
            out_slots = []
            for t in out_leaves:
                if t._trace is trace:
                    out_slots.append(t._inner)
                else:
                    out_slots.append(trace.const(t))
        finally:
            end_trace(trace)
        graph = Graph(trace, input_slots, out_template, out_slots)
        self.compile_count += 1
        if self.graphs:
            warnings.warn(f"jit: '{getattr(self.fn, '__qualname__', self.fn)}' has been compiled again for a new "
                          f"input signature ({self.compile_count} compilations); inputs of varying shape, dtype "
                          f"or non-Tensor value each cost a compilation.", stacklevel=3)
        self.graphs[key] = graph
        return graph


def jit(function=None, *, capture_mode='ast', jit_level='O0', dynamic=0, fullgraph=False, backend='',
        mode=None, input_signature=None, hash_args=None, jit_config=None, compile_once=False, **options):
    """Compile ``function`` into a graph (a decorator, or ``jit(fn)``). MindSpore's options are accepted;
    the graph is traced once per input signature and replayed."""
    if function is None:
        return lambda fn: jit(fn)
    if isinstance(function, JitFunction):
        return function
    return JitFunction(function)


def register_alias(snapshot, param):
    """grad boxes a Parameter in place and works on a snapshot of it: a graph must read the Parameter."""
    for t in _primitive._trace_stack:
        if t.staging:
            t.aliases[id(snapshot)] = param
