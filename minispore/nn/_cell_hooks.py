"""Gradient hooks of a Cell (``register_backward_hook`` / ``register_backward_pre_hook``), as MindSpore's
``CellBackwardHook``: one identity primitive on the Cell's Tensor input and one on its output, whose VJP rules call
the hooks during ``grad``.

Backward, the output's node runs first: the pre-hooks ``hook(cell, grad_output)`` see (and may replace) the
gradient reaching the Cell's output, which is then kept as ``grad_output``; the input's node calls the backward
hooks ``hook(cell, grad_input, grad_output)``, whose result (when not None) replaces the gradient passed on to the
Cell's input. Gradients are tuples of Tensors, one per Tensor input/output, as in MindSpore. When the input is not
differentiated (``grad`` with respect to the weights only) the backward hooks get ``grad_input == (None,)``, as
MindSpore's do.

Limit (minispore): a Cell with backward hooks takes at most one Tensor positional input and returns one Tensor;
other calls raise TypeError (MindSpore hands a hook every input's gradient at once, which one identity primitive
per Tensor cannot).
"""
from .._core.primitive import Primitive, bind, tracing
from .._core.tensor import Tensor


class HookState:
    """What one call of a hooked Cell shares between its output node and its input node."""
    __slots__ = ("cell", "grad_output", "input_traced", "below")

    def __init__(self, cell, input_traced):
        self.cell = cell
        self.grad_output = None
        self.input_traced = input_traced
        self.below = {}       # role -> the trace of the innermost node's argument (see _innermost)


def _innermost(state, role, t):
    """Remember which of the nodes a nested differentiation records for ``t`` is the innermost one: the hooks run
    in the backward pass that differentiates the Cell's call (the innermost), and the outer passes, which
    differentiate that backward pass, go through the hook as an identity (so the hook's effect is differentiated
    once, as the ops it returned)."""
    state.below[role] = t._inner._trace if t._trace is not None else None


def _grads(result, expected, what):
    """A hook's result as a tuple of ``expected`` gradients, or None (keep the gradients)."""
    if result is None:
        return None
    if isinstance(result, Tensor):
        result = (result,)
    if not isinstance(result, (tuple, list)) or not all(isinstance(g, Tensor) or g is None for g in result):
        raise TypeError(f"The {what} must return a Tensor, a tuple of Tensors or None, but got "
                        f"{type(result).__name__}.")
    if len(result) != expected:
        raise TypeError(f"The {what} return value size is {len(result)} not equal to expect grad input size "
                        f"{expected}.")
    return tuple(result)


def _run_backward_hooks(state, grad_input):
    cell = state.cell
    for hook in list(cell.__dict__["_backward_hooks"].values()):
        new = _grads(hook(cell, grad_input, state.grad_output), len(grad_input), "backward hook")
        if new is not None:
            grad_input = new
    return grad_input


def _output_rule(dout, out, x, state, role):
    if x._trace is not state.below.get(role, x._trace):
        return dout                           # an outer level: the identity
    if role == "in":
        grad_input = _run_backward_hooks(state, (dout,))
        return grad_input[0]
    cell = state.cell
    grad_output = (dout,)
    for hook in list(cell.__dict__["_backward_pre_hooks"].values()):
        new = _grads(hook(cell, grad_output), 1, "backward pre hook")
        if new is not None:
            grad_output = new
    state.grad_output = grad_output
    if cell.__dict__["_backward_hooks"] and not state.input_traced:
        _run_backward_hooks(state, (None,))      # the input is not differentiated: the hooks still run
    return grad_output[0]


cell_backward_hook_p = Primitive("CellBackwardHook", lambda x, state, role: x, 1,
                                 lambda x, state, role: (x.shape, x.dtype))
cell_backward_hook_p.def_vjp(_output_rule)


def call_hooked(cell, args, kwargs, run):
    """``run(args, kwargs)`` (the Cell's construct with its forward hooks) with the backward hooks around it."""
    if not tracing():
        return run(args, kwargs)
    tensors = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
    if len(tensors) > 1 or any(isinstance(v, Tensor) for v in kwargs.values()):
        raise TypeError(f"For '{type(cell).__name__}', a Cell with backward hooks takes at most one Tensor input in "
                        f"minispore, but got {len(tensors) + sum(isinstance(v, Tensor) for v in kwargs.values())}.")
    state = HookState(cell, bool(tensors) and args[tensors[0]]._trace is not None)
    if tensors and cell.__dict__["_backward_hooks"]:
        args = list(args)
        _innermost(state, "in", args[tensors[0]])
        args[tensors[0]] = bind(cell_backward_hook_p, args[tensors[0]], state=state, role="in")
        args = tuple(args)
    out = run(args, kwargs)
    if not isinstance(out, Tensor):
        raise TypeError(f"For '{type(cell).__name__}', a Cell with backward hooks must return one Tensor in "
                        f"minispore, but got {type(out).__name__}.")
    _innermost(state, "out", out)
    return bind(cell_backward_hook_p, out, state=state, role="out")
