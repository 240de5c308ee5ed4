"""Primitives, the trace stack and ``bind``, the single point where operations are intercepted.

A ``Primitive`` has an ``impl`` on raw arrays and one VJP rule per differentiable argument, written only with
other primitives (through ``minispore.ops``), so every derivative can be differentiated again.

Reverse mode is eager tracing in the style of HIPS autograd: while a transform runs, the Tensors it watches are
*boxed*: a box is an ordinary ``Tensor`` whose ``_trace`` is the transform's ``Trace`` and whose ``_inner`` is the
same value one level down. ``bind`` finds the highest live trace among its arguments, runs the primitive one
level down and boxes the result with a ``Node`` that remembers how to send cotangents back. With no boxed
argument it calls ``impl`` directly: no recording happens outside a transform.
"""
import itertools

import numpy as np

from .tensor import Tensor


class Primitive:
    """``effect``: the impl changes state (an optimizer update) and must run at every replay of a compiled
    graph; ``random``: the impl draws random numbers (it is never merged with another call)."""
    __slots__ = ("name", "impl", "vjps", "effect", "random")

    def __init__(self, name, impl, effect=False, random=False):
        self.name = name
        self.impl = impl
        self.vjps = None
        self.effect = effect
        self.random = random

    def def_vjp(self, *rules):
        """One rule per positional argument: ``rule(dout, out, *args, **params) -> cotangent``; ``None`` marks an
        argument with no derivative."""
        self.vjps = rules
        return self

    def __repr__(self):
        return f"Primitive({self.name})"


class Trace:
    """One active transform. Ordered by level, owned by identity. Differentiation traces box values;
    a staging trace (``minispore._core.jit``) records a graph instead (``staging`` is True)."""
    __slots__ = ("level", "alive")
    staging = False

    def __init__(self, level):
        self.level = level
        self.alive = True


class Node:
    """How a boxed value was computed: the primitive, its (unboxed) arguments and its unboxed output.

    ``parents[i]`` is the Node of argument i when that argument was boxed by the same trace, else None.
    ``seq`` grows with creation, so reverse creation order is a valid order for the backward pass.
    Nodes never point at boxes, so a box dies as soon as user code drops it.
    """
    __slots__ = ("prim", "params", "args", "out", "parents", "seq")

    def __init__(self, prim, params, args, out, parents):
        self.prim, self.params, self.args, self.out, self.parents = prim, params, args, out, parents
        self.seq = next(_node_counter)


_node_counter = itertools.count()


_trace_stack = []


_recording = None   # the staging trace of the jit compilation in progress, if any


def new_trace(kind=Trace):
    global _recording
    trace = kind(len(_trace_stack) + 1)
    _trace_stack.append(trace)
    if trace.staging:
        _recording = trace
    return trace


def staging_active():
    """Whether a jit compilation is recording right now."""
    return _recording is not None


def end_trace(trace):
    global _recording
    trace.alive = False
    _trace_stack.remove(trace)
    if trace is _recording:
        _recording = None


def box(value, trace):
    """A new box of Tensor ``value`` at ``trace``: a leaf of the graph."""
    b = Tensor.__new__(type(value) if type(value) is Tensor else Tensor)
    b._data = value._data
    b._trace = trace
    b._inner = value
    b._node = Node(None, None, (), value, ())
    return b


def unbox(value, trace):
    """The value one level below ``trace`` (constants pass through)."""
    while isinstance(value, Tensor) and value._trace is not None and value._trace.level >= trace.level:
        value = value._inner
    return value


def _strip_dead(t):
    while t._trace is not None and not t._trace.alive:
        if t._trace.staging:
            raise RuntimeError("A Tensor traced inside a jit-compiled function was used after the function "
                               "returned (it was stored outside the function); return it instead.")
        t = t._inner
    return t



def _fail(prim, args, params, err):
    shapes = ", ".join(str(tuple(a._data.shape)) for a in args)
    extra = "".join(f", {k}={v!r}" for k, v in params.items() if not isinstance(v, np.ndarray))
    kind = TypeError if isinstance(err, TypeError) else IndexError if isinstance(err, IndexError) else ValueError
    return kind(f"For '{prim.name}', the operation failed on inputs of shapes ({shapes}){extra}: {err}")


def bind(prim, *args, **params):
    top = None
    dead = False
    for a in args:
        t = a._trace
        if t is not None:
            if not t.alive:
                dead = True
            elif top is None or t.level > top.level:
                top = t
    if dead:
        # a box that escaped a finished transform is just its value
        return bind(prim, *[_strip_dead(a) for a in args], **params)
    if top is None:
        if _recording is not None:
            # while compiling, an operation on constants only (Parameters, captured tensors) is still part of
            # the graph: its inputs are read at every replay
            return _recording.record(prim, args, params)
        # the untraced fast path: no node, no recording
        try:
            if len(args) == 1:
                data = prim.impl(args[0]._data, **params)
            elif len(args) == 2:
                data = prim.impl(args[0]._data, args[1]._data, **params)
            else:
                data = prim.impl(*[a._data for a in args], **params)
        except (ValueError, TypeError, IndexError) as e:
            raise _fail(prim, args, params, e) from None
        out = _new(Tensor)
        out._data = data if type(data) is ndarray else _asarray(data)
        out._trace = None
        return out
    if top.staging:
        return top.record(prim, args, params)
    inner = []
    parents = []
    for a in args:
        if a._trace is top:
            inner.append(a._inner)
            parents.append(a._node)
        else:
            inner.append(a)
            parents.append(None)
    out_inner = bind(prim, *inner, **params)
    out = _new(Tensor)
    out._data = out_inner._data
    out._trace = top
    out._inner = out_inner
    out._node = Node(prim, params, inner, out_inner, parents)
    return out


_new = Tensor.__new__
ndarray = np.ndarray
_asarray = np.asarray
