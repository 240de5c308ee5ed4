"""Primitives, the trace stack and ``bind``, the single point where operations are intercepted.

A ``Primitive`` is one entry: an ``impl`` on the backend's arrays, its ``arity`` (the number of array arguments;
metadata such as axes goes in keyword parameters), an ``abstract`` rule giving the output's (shape, dtype) from
the inputs' shapes and dtypes (what jit traces with), and one VJP rule per argument, written only with other
primitives so that every derivative can be differentiated again. A rule is ``NONDIFF`` for an argument with no
derivative on purpose (indices, comparisons: a zero cotangent); a primitive whose rules were never given
raises ``MissingRuleError`` when a gradient has to flow through it, never a silent zero.

Reverse mode is eager tracing in the style of HIPS autograd: while a transform runs, the Tensors it watches are
*boxed*: a box is an ordinary ``Tensor`` whose ``_trace`` is the transform's ``Trace`` and whose ``_inner`` is the
same value one level down. ``bind`` finds the highest live trace among its arguments, runs the primitive one
level down and boxes the result with a ``Node`` that remembers how to send cotangents back. With no boxed
argument it calls ``impl`` directly: no recording happens outside a transform.

Tracing state is per thread: one thread compiling a jit function never sees or changes another thread's work.
"""
import threading

from . import backend, memory
from .errors import MissingRuleError, OutOfMemoryError
from .tensor import Tensor

NONDIFF = "not differentiable"      # a VJP rule slot: this argument's cotangent is zero by definition


class Primitive:
    """``effect``: the impl changes state (an optimizer update, an assignment) and must run at every replay of a
    compiled graph, in order; ``random``: the impl draws random numbers (never merged or folded)."""
    __slots__ = ("name", "impl", "arity", "abstract", "vjps", "vjp_shared", "effect", "random")

    registry = {}

    def __init__(self, name, impl, arity, abstract, effect=False, random=False):
        if name in Primitive.registry:
            raise ValueError(f"A primitive named {name!r} is already defined.")
        self.name = name
        self.impl = impl
        self.arity = arity          # None: any number of arguments (Concat)
        self.abstract = abstract
        self.vjps = None
        self.vjp_shared = None
        self.effect = effect
        self.random = random
        Primitive.registry[name] = self

    def def_vjp(self, *rules, shared=None):
        """One rule per argument: ``rule(dout, out, *args, **params) -> cotangent`` or ``NONDIFF``. A primitive
        of any arity takes one ``VariadicRule``.

        ``shared(dout, out, *args, **params)``, when given, is the work the rules have in common (a recurrent
        layer's backward time loop yields every argument's cotangent at once): the backward pass runs it once
        per node and passes its result to each rule in place of ``dout``."""
        if self.arity is None:
            if len(rules) != 1 or not (isinstance(rules[0], VariadicRule) or rules[0] is NONDIFF):
                raise TypeError(f"Primitive '{self.name}' takes any number of arguments: give one VariadicRule "
                                f"(or NONDIFF).")
        elif len(rules) != self.arity:
            raise TypeError(f"Primitive '{self.name}' has {self.arity} arguments but {len(rules)} VJP rules "
                            f"were given.")
        for i, rule in enumerate(rules):
            if rule is None or not (rule is NONDIFF or callable(rule) or isinstance(rule, VariadicRule)):
                raise TypeError(f"VJP rule {i} of primitive '{self.name}' must be a function or NONDIFF, "
                                f"got {rule!r}.")
        if self.arity is None:
            self.vjps = _ALL_NONDIFF if rules[0] is NONDIFF else rules[0]
        else:
            self.vjps = rules
        if shared is not None and not callable(shared):
            raise TypeError(f"The shared VJP part of primitive '{self.name}' must be a function, got {shared!r}.")
        self.vjp_shared = shared
        return self

    def __repr__(self):
        return f"Primitive({self.name})"


def missing_rule(prim, i):
    return MissingRuleError(f"For '{prim.name}', no derivative rule is defined, so its argument {i} cannot be "
                            f"differentiated.")


class _AllNondiff:
    """The rules of a primitive of any arity none of whose arguments has a derivative."""
    __slots__ = ()

    def __getitem__(self, i):
        return NONDIFF


_ALL_NONDIFF = _AllNondiff()


class VariadicRule:
    """The VJP rules of a primitive of any arity: ``rule(i, dout, out, *args, **params)`` for argument i."""
    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __getitem__(self, i):
        fn = self.fn
        return lambda dout, out, *args, **params: fn(i, dout, out, *args, **params)


class Trace:
    """One active transform of one thread. Ordered by level, owned by identity. Differentiation traces box
    values and list the nodes they create, in creation order (a valid order for the backward pass, read in
    reverse); a staging trace (``minispore._core.jit``) records a graph instead (``staging`` is True)."""
    __slots__ = ("level", "alive", "owner", "nodes")
    staging = False

    def __init__(self, level):
        self.level = level
        self.alive = True
        self.owner = _get_ident()
        self.nodes = []


class Node:
    """How a boxed value was computed: the primitive, its (unboxed) arguments and its unboxed output.

    ``parents[i]`` is the Node of argument i when that argument was boxed by the same trace, else None.
    Nodes never point at boxes, so a box dies as soon as user code drops it.
    """
    __slots__ = ("prim", "params", "args", "out", "parents", "hooks")

    def __init__(self, prim, params, args, out, parents):
        self.prim, self.params, self.args, self.out, self.parents = prim, params, args, out, parents
        self.hooks = None       # Tensor.register_hook's functions, run on this value's total cotangent
_get_ident = threading.get_ident


class _ThreadState(threading.local):
    def __init__(self):
        self.stack = []             # this thread's active traces, innermost last
        self.recording = None       # this thread's jit compilation in progress, if any


_state = _ThreadState()
_n_recording = 0                    # threads with a compilation in progress: bind's fast path reads only this
_lock = threading.Lock()


def new_trace(kind=Trace):
    global _n_recording
    stack = _state.stack
    trace = kind(len(stack) + 1)
    stack.append(trace)
    if trace.staging and _state.recording is None:
        _state.recording = trace
        with _lock:
            _n_recording += 1
    return trace


def end_trace(trace):
    global _n_recording
    trace.alive = False
    stack = _state.stack
    if stack[-1] is trace:
        stack.pop()
    else:
        stack.remove(trace)
    if trace is _state.recording:
        _state.recording = None
        with _lock:
            _n_recording -= 1


def tracing():
    """Whether a transform (grad, jit, ...) is active in this thread."""
    return bool(_state.stack)


def staging_active():
    """Whether this thread is recording a jit compilation right now."""
    return _n_recording > 0 and _state.recording is not None


def differentiated(t):
    """Whether a differentiation transform (not a jit compilation) watches Tensor ``t``."""
    return t._trace is not None and not t._trace.staging


def staging_traces():
    return [t for t in _state.stack if t.staging]


def box(value, trace):
    """A new box of Tensor ``value`` at ``trace``: a leaf of the graph."""
    b = Tensor.__new__(Tensor)
    b._data = value._data
    b._trace = trace
    b._inner = value
    b._node = Node(None, None, (), value, ())
    return b


def _visible(t):
    """``t`` without the boxes of finished transforms and of other threads' transforms: their values."""
    me = _get_ident()
    while t._trace is not None and (not t._trace.alive or t._trace.owner != me):
        if t._trace.staging:
            raise RuntimeError("A Tensor traced inside a jit-compiled function was used after the function returned "
                               "(it was stored outside the function, or passed to another thread); return it from "
                               "the function instead.")
        t = t._inner
    return t


def fail(prim, args, params, err):
    """The error to raise when ``prim``'s impl or shape rule failed on ``args``: it names the operation."""
    shapes = ", ".join(str(tuple(a._data.shape)) for a in args)
    extra = "".join(f", {k}={v!r}" for k, v in params.items() if not backend.is_array(v))
    if isinstance(err, OutOfMemoryError) and getattr(err, "op", None) is None:
        return memory.malloc_failed(err.nbytes, prim.name, err.cause)    # raised by the accounting: name the op
    if isinstance(err, MemoryError) and not isinstance(err, OutOfMemoryError):
        return memory.malloc_failed(None, prim.name, cause=err)
    if type(err) in (ValueError, TypeError, IndexError) or isinstance(err, backend.xp.linalg.LinAlgError):
        # a kernel's own message (NumPy's wording): the shape rule usually says it better
        try:
            prim.abstract(*[a._data for a in args], **params)
        except (ValueError, TypeError, IndexError) as rule_err:
            text = str(rule_err).replace("For 'ops',", f"For '{prim.name}',", 1)
            if text.startswith("For '"):
                return type(rule_err)(text)
        except Exception:       # noqa: BLE001 - the rule cannot judge these inputs: keep the kernel's message
            pass
    if type(err).__module__ == __name__.rsplit(".", 1)[0] + ".errors":
        kind = type(err)        # one of minispore's own classes: keep it
    else:
        kind = TypeError if isinstance(err, TypeError) else IndexError if isinstance(err, IndexError) \
            else ValueError
    text = str(err)
    if text.startswith("For '"):
        return kind(text)
    return kind(f"For '{prim.name}', the operation failed on inputs of shapes ({shapes}){extra}: {text}")


def bind(prim, *args, **params):
    for a in args:
        if a._trace is not None:
            return _bind_traced(prim, args, params)
    if _n_recording and _state.recording is not None:
        # while compiling, an operation on constants only (Parameters, captured tensors) is still part of the
        # graph: its inputs are read at every replay
        return _state.recording.record(prim, args, params)
    return _apply(prim, args, params)


def _apply(prim, args, params):
    """Run ``prim``'s impl on untraced ``args``: the fast path, no node, no recording."""
    try:
        if params:
            data = prim.impl(*[a._data for a in args], **params)
        elif len(args) == 2:
            data = prim.impl(args[0]._data, args[1]._data)
        elif len(args) == 1:
            data = prim.impl(args[0]._data)
        else:
            data = prim.impl(*[a._data for a in args])
    except backend.KERNEL_ERRORS as e:
        raise fail(prim, args, params, e) from None
    out = _new(Tensor)
    out._data = data = data if type(data) is _ndarray else _asarray(data)
    if data.nbytes >= _SMALL and data.base is None:
        _track(data, prim.name)
    out._trace = None
    return out


def _bind_traced(prim, args, params):
    top = None
    for a in args:
        t = a._trace
        if t is not None and (top is None or t.level > top.level):
            top = t
    if not top.alive or top.owner != _get_ident():
        # a box that escaped a finished transform, or another thread's, is just its value
        return bind(prim, *[_visible(a) for a in args], **params)
    if top.staging:
        return top.record(prim, args, params)
    inner = []
    parents = []
    deeper = False
    for a in args:
        if a._trace is top:
            v = a._inner
            inner.append(v)
            parents.append(a._node)
            if v._trace is not None:
                deeper = True
        else:
            inner.append(a)
            parents.append(None)
            if a._trace is not None:
                deeper = True
    # one level down: another transform's boxes, a compilation, or the plain impl
    out_inner = bind(prim, *inner, **params) if deeper or _n_recording else _apply(prim, inner, params)
    out = _new(Tensor)
    out._data = out_inner._data
    out._trace = top
    out._inner = out_inner
    out._node = node = Node(prim, params, inner, out_inner, parents)
    top.nodes.append(node)
    return out


_new = Tensor.__new__
_ndarray = backend.ndarray
_track = memory.track
_SMALL = memory.SMALL
_asarray = backend.asarray
