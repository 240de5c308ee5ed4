"""Graph mode: ``jit`` traces a function once per input signature into a flat graph of primitives and replays
it without Tensors, traces or tapes.

Tracing runs the function on *abstract* tensors that carry only a shape and a dtype (their ``_data`` is an
``Abstract``); each primitive reached through ``bind`` is recorded as an equation whose output shape comes from
the primitive's shape rule, so no kernel runs while tracing. Gradient transforms inside the function record
their backward pass the same way, and optimizer updates, assignments and value checks (labels in range, ...)
are recorded as effects. The graph is cleaned (dead code, common subexpressions, constant folding) before use.

Anything that needs a value while tracing (Python control flow on a Tensor, ``asnumpy()``, printing) raises
``TracerValueError``: that input signature then runs eagerly, with one warning naming the line, as MindSpore's
JIT Fallback does. An error in the function itself is raised at the call, and the next call compiles again.

Dimensions declared unknown (``Cell.set_inputs(Tensor(shape=[None, 784], ...))`` or
``jit(input_signature=...)``) are traced as symbols, so one graph serves every batch size.
"""
import functools
import linecache
import os
import sys
import traceback
import warnings
import weakref

from . import backend, memory
from . import primitive as _primitive
from .errors import TracerValueError
from .primitive import Trace, end_trace, fail, new_trace
from .shapes import Abstract, Dim, has_dim, resolve
from .tensor import Literal, Tensor

_new_tensor = Tensor.__new__


class StagingTrace(Trace):
    """Records ``bind`` calls as equations ``(prim, input slots, params, output slot)``."""
    __slots__ = ("eqns", "n_slots", "consts", "const_slot", "aliases", "literal_slots")
    staging = True

    def __init__(self, level):
        super().__init__(level)
        self.eqns = []
        self.n_slots = 0
        self.consts = []        # (slot, Tensor) read at every replay: parameters change between calls
        self.const_slot = {}    # id(Tensor) -> slot
        self.aliases = {}       # id(snapshot Tensor) -> the Parameter it stands for (grad boxes weights)
        self.literal_slots = set()  # constants the framework made (Literal): safe to fold

    def new_slot(self):
        self.n_slots += 1
        return self.n_slots - 1

    def tracer(self, slot, shape, dtype):
        t = _new_tensor(Tensor)
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
            if type(source) is Literal:
                self.literal_slots.add(slot)
        return slot

    def record(self, prim, args, params):
        ins = tuple(a._inner if a._trace is self else self.const(a) for a in args)
        try:
            shape, dtype = prim.abstract(*[a._data for a in args], **params)
        except TracerValueError:
            raise
        except (ValueError, TypeError, IndexError) as e:
            raise fail(prim, args, params, e) from None
        out = self.new_slot()
        self.eqns.append((prim, ins, params, out))
        return self.tracer(out, shape, dtype)


# ----------------------------------------------------------------------------- graph
class Graph:
    """A traced function: input slots, constants read at call time, equations and the output template.

    ``symbols``: (input index, dimension, symbol) for every dynamic dimension, read from the inputs at each call
    to resolve the parameters that mention them."""

    def __init__(self, trace, input_slots, out_template, out_slots, symbols=()):
        self.input_slots = input_slots
        self.out_template = out_template
        eqns, out_slots = _cse(_dce(trace.eqns, out_slots))
        eqns, static = _fold(eqns, {slot: t._data for slot, t in trace.consts if slot in trace.literal_slots})
        self.consts = [(slot, t) for slot, t in trace.consts if slot not in static]
        used = {i for _, ins, _, _ in eqns for i in ins} | set(out_slots)
        self.static = [(slot, array) for slot, array in static.items() if slot in used]
        self.static_outs = {slot for slot in out_slots if slot in static}
        self.out_slots = out_slots
        self.n_slots = trace.n_slots
        self.eqns = eqns
        self.symbols = tuple(symbols)
        # each value is dropped right after its last use, so a replay holds no more memory than the eager run
        # (and the allocator reuses warm buffers instead of faulting in fresh pages)
        last_use = {}
        for k, (_, ins, _, _) in enumerate(eqns):
            for i in ins:
                last_use[i] = k
        keep = set(out_slots)
        dead = [[] for _ in eqns]
        for slot, k in last_use.items():
            if slot not in keep:
                dead[k].append(slot)
        self.program = [(prim.impl, ins, params, out, has_dim(params), tuple(dead[k]))
                        for k, (prim, ins, params, out) in enumerate(eqns)]
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
        env = {sym: arrays[i].shape[d] for i, d, sym in self.symbols} if self.symbols else None
        k = -1
        try:
            for k, (impl, ins, params, out, symbolic, dead) in enumerate(self.program):
                if symbolic:
                    params = resolve(params, env)
                if len(ins) == 1:
                    vals[out] = impl(vals[ins[0]], **params)
                elif len(ins) == 2:
                    vals[out] = impl(vals[ins[0]], vals[ins[1]], **params)
                else:
                    vals[out] = impl(*[vals[i] for i in ins], **params)
                v = vals[out]
                if type(v) is _ndarray and v.nbytes >= _SMALL and v.base is None:
                    _track(v)
                for slot in dead:
                    vals[slot] = None
        except backend.KERNEL_ERRORS as e:
            prim, ins, params, _ = self.eqns[k]
            raise fail(prim, [_wrap_array(vals[i]) for i in ins], resolve(params, env or {}), e) from None
        outs = []
        for slot in self.out_slots:
            v = vals[slot]
            if slot in self.static_outs:
                v = v.copy()       # a folded constant is shared between calls: hand out a copy
            t = _new_tensor(Tensor)
            t._data = v if type(v) is _ndarray else _track(backend.asarray(v))
            t._trace = None
            outs.append(t)
        template = self.out_template
        if template is _LEAF:
            return outs[0]
        if self.flat_tuple:
            return tuple(outs)
        return _fill(template, iter(outs))


_ndarray = backend.ndarray
_track = memory.track
_SMALL = memory.SMALL


def _wrap_array(array):
    t = _new_tensor(Tensor)
    t._data = array
    t._trace = None
    return t


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
        if not (prim.effect or prim.random) and all(i in static for i in ins) and not has_dim(params):
            try:
                static[out] = backend.asarray(prim.impl(*[static[i] for i in ins], **params))
            except backend.KERNEL_ERRORS as e:
                raise fail(prim, [_wrap_array(static[i]) for i in ins], params, e) from None
            continue
        kept.append((prim, ins, params, out))
    return kept, static


def _freeze(value):
    if backend.is_array(value):
        host = backend.to_numpy(value)
        return ("array", host.shape, host.dtype.str, host.tobytes())
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


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _in_minispore(filename):
    return os.path.abspath(filename).startswith(_PACKAGE)


def _warn_at_caller(message):
    """A UserWarning attributed to the innermost frame outside minispore (the user's call)."""
    frame, level = sys._getframe(0), 1
    while frame is not None and _in_minispore(frame.f_code.co_filename):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, stacklevel=level)


def _user_line(tb):
    """'file:line: code' of the innermost frame outside minispore, for the fallback warning."""
    found = None
    for frame in traceback.extract_tb(tb):
        if not _in_minispore(frame.filename):
            found = frame
    if found is None:
        return "an unknown line"
    code = (found.line or linecache.getline(found.filename, found.lineno)).strip()
    return f"{found.filename}:{found.lineno}: {code}"


# ----------------------------------------------------------------------------- dynamic input signatures
class DynamicSignature:
    """The declared inputs of a function: per Tensor argument its dtype and shape, None for a dimension of any
    size. Calls that fit share graphs keyed by which dynamic dimensions are equal to each other (and which are 1,
    as 1 broadcasts): a graph traced with ``N == M`` is only replayed where that still holds."""

    def __init__(self, specs, owner):
        self.specs = []
        for i, t in enumerate(specs):
            if not isinstance(t, Tensor):
                raise TypeError(f"For '{owner}', every input of the signature must be a Tensor, but input {i} is "
                                f"{type(t).__name__}.")
            self.specs.append((declared_shape(t), t._data.dtype))
        self.dynamic = [(i, d) for i, (shape, _) in enumerate(self.specs) for d, n in enumerate(shape) if n is None]
        self.owner = owner

    def key(self, arrays):
        """The graph key of a call; ValueError when the call does not fit the declaration."""
        if len(arrays) != len(self.specs):
            raise ValueError(f"For '{self.owner}', the inputs were declared as {len(self.specs)} Tensors "
                             f"({self._describe()}), but {len(arrays)} were given.")
        for i, (a, (shape, dtype)) in enumerate(zip(arrays, self.specs)):
            if a.dtype != dtype:
                raise TypeError(f"For {self.owner}, input {i} must be a Tensor[{_type_name(dtype)}] as declared, "
                                f"but got Tensor[{_type_name(a.dtype)}].")
            if len(a.shape) != len(shape):
                raise ValueError(f"For {self.owner}, input {i} must have {len(shape)} dimensions as declared "
                                 f"({_shape_text(shape)}), but got {len(a.shape)}: shape {tuple(a.shape)}.")
            for d, (n, m) in enumerate(zip(shape, a.shape)):
                if n is not None and n != m:
                    raise ValueError(f"For {self.owner}, dimension {d} of input {i} must be {n} as declared "
                                     f"({_shape_text(shape)}), but got {m}: shape {tuple(a.shape)}.")
        groups = {}
        key = ["dynamic"]
        for i, d in self.dynamic:
            n = arrays[i].shape[d]
            key.append("one" if n == 1 else groups.setdefault(n, len(groups)))
        return tuple(key)

    def _describe(self):
        return ", ".join(f"{_shape_text(s)} {d}" for s, d in self.specs)

    def shapes(self, arrays):
        """Trace shapes for ``arrays``: a symbol per group of equal dynamic dimensions; and (input, dim, symbol)."""
        groups = {}
        shapes = [list(a.shape) for a in arrays]
        symbols = []
        for i, d in self.dynamic:
            n = arrays[i].shape[d]
            if n == 1:
                continue
            if n not in groups:
                groups[n] = len(groups)
                symbols.append((i, d, groups[n]))
            shapes[i][d] = Dim.symbol(groups[n])
        return [tuple(s) for s in shapes], symbols


def _type_name(np_dtype):
    from .dtype import _BY_NUMPY
    t = _BY_NUMPY.get(np_dtype)
    return t.name if t is not None else str(np_dtype)


def _shape_text(shape):
    return "[" + ", ".join("None" if n is None else str(n) for n in shape) + "]"


def declared_shape(t):
    """The shape of a signature Tensor, None for a dynamic dimension."""
    shape = t._data.shape
    return tuple(None if (n is None or (isinstance(n, int) and n < 0)) else n for n in shape)


# ----------------------------------------------------------------------------- the public decorator
_EAGER = "eager"
_SPECIALIZE = "specialize"


class _Done:
    """The result of a call that ran eagerly while deciding how to compile."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class JitFunction:
    """A function compiled per input signature; see ``jit``.

    ``signature``: a sequence of Tensors declaring the inputs (None dimensions are dynamic), or a callable
    returning one (a Cell's ``set_inputs``)."""

    def __init__(self, fn, signature=None, declared_by="set_inputs"):
        self.fn = fn
        self._declared_by = declared_by
        self.graphs = {}
        self.compile_count = 0
        self.fallback = None        # the reason a signature runs eagerly, if one does
        self._warned = set()
        self._signature_source = signature
        self._signature = None
        self._signature_of = None
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
            source = self._signature_source
            if source is None:
                # a Cell's set_inputs declares its construct's inputs
                def source(obj=weakref.ref(obj)):
                    o = obj()
                    return None if o is None else o.__dict__.get("_dynamic_inputs")
            bound = JitFunction(functools.partial(self.fn, obj), source, self._declared_by)
            store.setdefault("_jit_methods", {})[id(self)] = bound
        return bound

    def _dynamic(self):
        source = self._signature_source
        if source is None:
            return None
        specs = source() if callable(source) else source
        if specs is None:
            return None
        if specs is not self._signature_of:
            self._signature = DynamicSignature(tuple(specs), self._declared_by)
            self._signature_of = specs
            self.graphs = {}
        return self._signature

    def __call__(self, *args, **kwargs):
        if _primitive._state.stack:
            # called inside another transform: run as written
            return self.fn(*args, **kwargs)
        if not kwargs:
            # the common case, all arguments Tensors: a cheap key, and the arguments are the leaves
            try:
                arrays = [a._data for a in args]
            except AttributeError:
                arrays = None
            if arrays is not None and not (arrays and type(arrays[0]) is Abstract):
                dynamic = self._dynamic() if self._signature_source is not None else None
                if dynamic is not None:
                    key = dynamic.key(arrays)
                    graph = self.graphs.get(key)
                    if graph is None:
                        graph = self._compile(args, kwargs, key, dynamic)
                    if graph is not _SPECIALIZE:
                        return self._run(graph, args, kwargs, arrays)
                key = ("tensors",) + tuple((a.shape, a.dtype) for a in arrays)
                graph = self.graphs.get(key)
                if graph is None:
                    graph = self._compile(args, kwargs, key)
                return self._run(graph, args, kwargs, arrays)
        try:
            key = (_signature(args), _signature(kwargs))
            hash(key)
        except TypeError:
            return self.fn(*args, **kwargs)
        graph = self.graphs.get(key)
        if graph is None:
            graph = self._compile(args, kwargs, key)
        if type(graph) is Graph:
            leaves = []
            _flatten((args, kwargs), leaves)
            return graph.run([t._data for t in leaves])
        return self._run(graph, args, kwargs, None)

    def _run(self, graph, args, kwargs, arrays):
        if type(graph) is Graph:
            return graph.run(arrays)
        if type(graph) is _Done:
            return graph.value
        return self.fn(*args, **kwargs)     # _EAGER

    def _compile(self, args, kwargs, key, dynamic=None):
        """A Graph for ``key``; or _EAGER / _SPECIALIZE (recorded for the key), or _Done(result of an eager run)."""
        try:
            graph = self._trace(args, kwargs, dynamic)
        except TracerValueError as e:
            if dynamic is not None:
                self._note(key, _SPECIALIZE, f"the dynamic dimensions cannot be traced ({e}); it is compiled for "
                           f"each input shape instead", e)
                return _SPECIALIZE
            self._note(key, _EAGER, f"it runs eagerly (JIT Fallback): {e}", e)
            return _EAGER
        except Exception as e:      # noqa: BLE001 - decided by the eager run below
            # The function's own error for these inputs is raised by running it as written, at this call, and
            # the next call compiles again; a failure only tracing hits makes this signature run eagerly.
            result = self.fn(*args, **kwargs)
            self._note(key, _EAGER, f"it runs eagerly (JIT Fallback): {type(e).__name__}: {e}", e)
            return _Done(result)
        self.compile_count += 1
        if len(self.graphs) and "recompile" not in self._warned:
            self._warned.add("recompile")
            _warn_at_caller(f"jit: '{self._name()}' has been compiled again for a new input signature "
                            f"({self.compile_count} compilations so far; this warning is shown once per function, "
                            f"the count is its compile_count). Inputs of varying shape, dtype or non-Tensor value "
                            f"each cost a compilation; declare varying dimensions as None with "
                            f"Cell.set_inputs(...) or jit(input_signature=...).")
        self.graphs[key] = graph
        return graph

    def _name(self):
        return getattr(self.fn, "__qualname__", None) or getattr(getattr(self.fn, "func", None), "__qualname__",
                                                                  str(self.fn))

    def _note(self, key, decision, reason, err):
        self.graphs[key] = decision
        self.fallback = f"{reason} (at {_user_line(err.__traceback__)})"
        if decision not in self._warned:
            self._warned.add(decision)
            _warn_at_caller(f"jit: '{self._name()}': {self.fallback}.")

    def _trace(self, args, kwargs, dynamic):
        leaves = []
        template = _flatten((args, kwargs), leaves)
        if dynamic is not None:
            shapes, symbols = dynamic.shapes([t._data for t in leaves])
        else:
            shapes, symbols = [t._data.shape for t in leaves], ()
        trace = new_trace(StagingTrace)
        try:
            tracers = []
            input_slots = []
            for t, shape in zip(leaves, shapes):
                slot = trace.new_slot()
                input_slots.append(slot)
                tracers.append(trace.tracer(slot, shape, t._data.dtype))
            targs, tkwargs = _fill(template, iter(tracers))
            out = self.fn(*targs, **tkwargs)
            out_leaves = []
            out_template = _flatten(out, out_leaves)
            out_slots = []
            for t in out_leaves:
                if t._trace is trace:
                    out_slots.append(t._inner)
                else:
                    out_slots.append(trace.const(_primitive._visible(t) if t._trace is not None else t))
        finally:
            end_trace(trace)
        return Graph(trace, input_slots, out_template, out_slots, symbols)


def jit(function=None, *, capture_mode='ast', jit_level='O0', dynamic=0, fullgraph=False, backend='', **options):
    """Compile ``function`` into a graph (a decorator, or ``jit(fn)``), traced once per input signature and
    replayed. MindSpore's options are accepted. ``input_signature=`` (MindSpore 2.2's option, which 2.10 ignores):
    Tensors declaring the inputs, with None for dimensions of any size (``Tensor(shape=[None, ...], dtype=...)``),
    so that one graph serves every size; calls that do not fit raise."""
    signature = options.pop("input_signature", None)
    if function is None:
        return lambda fn: jit(fn, input_signature=signature)
    if isinstance(function, JitFunction):
        return function
    if isinstance(signature, Tensor):
        signature = (signature,)
    if signature is None:
        return JitFunction(function)
    DynamicSignature(tuple(signature), "jit input_signature")     # checks the declaration now
    return JitFunction(function, signature, "jit input_signature")


def register_alias(snapshot, param):
    """grad boxes a Parameter in place and works on a snapshot of it: a graph must read the Parameter."""
    for t in _primitive.staging_traces():
        t.aliases[id(snapshot)] = param
