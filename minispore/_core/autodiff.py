"""Functional automatic differentiation with MindSpore 2.10's call signatures and return structures.

Everything is built on one pullback builder, ``record``: it boxes the requested inputs (and, in place, the
requested Parameters) on a fresh trace, runs ``fn`` and returns the unboxed output with a ``Pullback``, which runs
the backward pass for given seeds and returns one cotangent per watched input (zeros where nothing flowed).
``grad``, ``value_and_grad``, ``GradOperation`` and ``vjp`` only choose the seeds and shape the result. The trace
is dead once ``fn`` returns, and the graph lives only as long as the pullback.
"""
from . import backend
from . import primitive as _primitive
from .jit import register_alias
from .primitive import Node, Primitive, bind, box, end_trace, missing_rule, new_trace
from .tensor import Tensor, _filled_literal, _literal, run_hooks

# ----------------------------------------------------------------------------- the accumulation of cotangents
# Cotangents reaching one value along several paths are summed by a primitive of the engine's own (MindSpore's
# AddN, JAX's add_jaxvals), so that the backward pass can be differentiated again.
add_n_p = Primitive("AddN", lambda x, y: x + y, 2, lambda x, y: (x.shape, x.dtype))
add_n_p.def_vjp(lambda dout, out, x, y: dout, lambda dout, out, x, y: dout)


def _accumulate(a, b):
    return bind(add_n_p, a, b)


def _filled(t, value):
    """A constant of ``t``'s shape and dtype filled with ``value`` (a gradient seed, a zero cotangent)."""
    return _filled_literal(t._data.shape, t._data.dtype, value)


def zeros_like(t):
    return _filled(t, 0)


# ----------------------------------------------------------------------------- pytrees of outputs
def tensors_in(tree):
    if isinstance(tree, Tensor):
        return [tree]
    if tree is None:
        return []
    if isinstance(tree, (tuple, list)):
        return [t for item in tree for t in tensors_in(item)]
    if isinstance(tree, dict):
        return [t for item in tree.values() for t in tensors_in(item)]
    return []


def _unbox_tree(tree, trace):
    if isinstance(tree, Tensor):
        while tree._trace is not None and tree._trace.level >= trace.level:
            tree = tree._inner
        return tree
    if isinstance(tree, tuple):
        return type(tree)(*[_unbox_tree(t, trace) for t in tree]) if hasattr(tree, "_fields") \
            else tuple(_unbox_tree(t, trace) for t in tree)
    if isinstance(tree, list):
        return [_unbox_tree(t, trace) for t in tree]
    if isinstance(tree, dict):
        return type(tree)((k, _unbox_tree(v, trace)) for k, v in tree.items())
    return tree


# ----------------------------------------------------------------------------- the backward pass
def backward_pass(seeds, leaves, nodes, consume=False):
    """Cotangents of ``leaves`` given ``seeds``: a list of (Node, cotangent), for the graph of ``nodes`` (one
    trace's nodes in creation order). Returns None for a leaf that no path reaches (and for a None entry in
    ``leaves``, which stands for an input that was not watched).

    A node is always created after the nodes it uses, so the nodes are visited in reverse creation order; each
    cotangent is popped when its node is processed, so intermediate cotangents are freed during the pass.
    With ``consume`` the nodes are popped from ``nodes`` too: each node's saved inputs are freed as soon as its
    rules have run (as PyTorch frees saved tensors), instead of living until the pass ends.
    """
    grads = {}
    for node, g in seeds:
        prev = grads.get(node)
        grads[node] = g if prev is None else _accumulate(prev, g)
    if consume:
        seeds.clear()
    pop, get = grads.pop, grads.get
    order = _consumed(nodes) if consume else reversed(nodes)
    for node in order:
        g = pop(node, None)
        if g is None:
            continue
        if node.hooks:
            g = run_hooks(node.hooks, g)
        prim = node.prim
        rules = prim.vjps
        if prim.vjp_shared is not None:
            g = prim.vjp_shared(g, node.out, *node.args, **node.params)
        i = 0
        for parent in node.parents:
            if parent is not None:
                if rules is None:
                    raise missing_rule(prim, i)
                rule = rules[i]
                if rule is not _NONDIFF:
                    params = node.params
                    ct = rule(g, node.out, *node.args, **params) if params else rule(g, node.out, *node.args)
                    prev = get(parent)
                    grads[parent] = ct if prev is None else _accumulate(prev, ct)
            i += 1
    out = []
    for leaf in leaves:
        g = get(leaf)
        if g is not None and leaf.hooks:
            g = run_hooks(leaf.hooks, g)
        out.append(g)
    return out


_NONDIFF = _primitive.NONDIFF


def _consumed(nodes):
    while nodes:
        yield nodes.pop()


# ----------------------------------------------------------------------------- recording
def _snapshot(t):
    """A Tensor with ``t``'s current state: what ``t`` is one level below a new box."""
    s = Tensor.__new__(Tensor)
    s._data = t._data
    s._trace = t._trace
    if t._trace is not None:
        s._inner = t._inner
        s._node = t._node
    return s


def _restore(w, snap):
    """Put Parameter ``w`` back in the state ``snap`` recorded, dropping this trace's node (and the buffer it
    holds) when ``w`` was not boxed before."""
    w._trace = snap._trace
    if snap._trace is not None:
        w._inner = snap._inner
        w._node = snap._node
    else:
        del w._inner, w._node


class Pullback:
    """The backward pass of one recorded call of ``fn``.

    ``out``: the unboxed output. ``pullback(seeds)``, with ``seeds`` a list of (output Tensor, cotangent), returns
    one cotangent per watched input (positions, then weights): zeros where nothing flowed, in the input's dtype,
    and None for an entry that is not a Tensor."""
    __slots__ = ("out", "_outputs", "_leaves", "_primals", "_graph")

    def __init__(self, out, outputs, leaves, primals, graph):
        self.out = out
        self._outputs = outputs       # id(unboxed output Tensor) -> its Node
        self._leaves = leaves
        self._primals = primals
        self._graph = graph           # the trace's nodes, in creation order

    def __call__(self, seeds, consume=False):
        """``consume``: this is the only call (grad, value_and_grad): the graph is freed as the pass runs."""
        node_of = self._outputs
        if self._graph is None:
            raise RuntimeError("This backward pass has already run and freed its graph; record the function again.")
        roots = [(node_of[id(t)], g) for t, g in seeds if id(t) in node_of]
        graph = self._graph
        if consume:
            # (the output nodes reach every node through their parents: no reference to them may outlive the
            # start of the pass)
            self._graph = self._outputs = node_of = None
        # (no roots: the output does not depend on any watched input, e.g. a constant: zero gradients)
        return self._cotangents(backward_pass(roots, self._leaves, graph, consume))

    def _cotangents(self, cts):
        result = []
        for g, x in zip(cts, self._primals):
            if not isinstance(x, Tensor):
                result.append(None)
            elif g is None:
                result.append(zeros_like(x))
            else:
                result.append(g)
        return result


def record(fn, args, kwargs, positions, weights):
    """Run ``fn(*args, **kwargs)`` with ``args[positions]`` and the trainable ``weights`` watched; returns a
    ``Pullback`` (whose ``out`` is the output)."""
    staging = _primitive.staging_active()
    trace = new_trace()
    leaves = []
    primals = []
    boxed_params = []
    try:
        if positions:
            args = list(args)
            for i in positions:
                a = args[i]
                primals.append(a)
                if isinstance(a, Tensor):
                    # a Parameter may also be boxed in place as a weight: box a snapshot of its current state
                    b = box(a if type(a) is Tensor and a._trace is None else _snapshot(a), trace)
                    b._node.hooks = getattr(a, "_hooks", None)      # Tensor.register_hook before the grad
                    args[i] = b
                    leaves.append(b._node)
                else:
                    leaves.append(None)
        for w in weights:
            primals.append(w)
            if not isinstance(w, Tensor) or not getattr(w, "requires_grad", False):
                leaves.append(None)     # MindSpore gives zeros for plain Tensors and frozen Parameters
                continue
            if w._trace is trace:       # listed twice: one leaf
                leaves.append(w._node)
                continue
            snap = _snapshot(w)
            if staging:
                register_alias(snap, w)
            boxed_params.append((w, snap))
            w._inner = snap
            w._trace = trace
            w._node = node = Node(None, None, (), snap, ())
            node.hooks = getattr(w, "_hooks", None)
            leaves.append(node)
        out = fn(*args, **kwargs)
        if type(out) is Tensor:
            outputs = {id(out._inner): out._node} if out._trace is trace else {}
        else:
            outputs = {id(t._inner): t._node for t in tensors_in(out) if t._trace is trace}
    finally:
        for w, snap in reversed(boxed_params):
            _restore(w, snap)
        end_trace(trace)
    graph, trace.nodes = trace.nodes, None      # owned by the pullback: a box kept by user code holds no tape
    return Pullback(_unbox_tree(out, trace), outputs, leaves, primals, graph)


def _ones_seeds(tensors):
    return [(t, _one_like(t)) for t in tensors]


def _one_like(t):
    """The default sensitivity: ones of ``t``'s shape (a scalar loss's is cached: constants are never written)."""
    d = t._data
    if d.shape == ():
        one = _scalar_ones.get(d.dtype)
        if one is None:
            one = _scalar_ones[d.dtype] = _filled(t, 1)
        return one
    return _filled(t, 1)


_scalar_ones = {}


def _sens_seeds(tensors, sens, what):
    """Seeds from a user-given sensitivity with one Tensor per output Tensor, of the same shapes."""
    sens_list = [sens] if isinstance(sens, Tensor) else tensors_in(sens)
    if len(sens_list) != len(tensors):
        raise ValueError(f"For '{what}', the sensitivity has {len(sens_list)} tensors but the function returned "
                         f"{len(tensors)}.")
    seeds = []
    for t, s in zip(tensors, sens_list):
        if not isinstance(s, Tensor):
            raise TypeError(f"For '{what}', the sensitivity must be Tensors, but got {type(s).__name__}.")
        if s.shape != t.shape:
            raise ValueError(f"For '{what}', the sensitivity of shape {s.shape} does not match the output of shape "
                             f"{t.shape}.")
        if s._data.dtype != t._data.dtype:
            if s._trace is not None:
                raise TypeError(f"For '{what}', the sensitivity of dtype {s.dtype} must have the output's dtype "
                                f"{t.dtype} when it is itself differentiated; cast it first.")
            s = _literal(backend.asarray(s._data, t._data.dtype))
        seeds.append((t, s))
    return seeds


# ----------------------------------------------------------------------------- argument checking
def _check_position(grad_position):
    if grad_position is None:
        return None
    # MindSpore accepts an int or a tuple only: a list raises TypeError
    if isinstance(grad_position, bool) or not isinstance(grad_position, (int, tuple)):
        raise TypeError(f"For 'F.grad', the 'grad_position' must be int or tuple, "
                        f"but got {type(grad_position).__name__}.")
    if isinstance(grad_position, int):
        grad_position = (grad_position,)
    grad_position = tuple(grad_position)
    for p in grad_position:
        if isinstance(p, bool) or not isinstance(p, int):
            raise TypeError(f"For 'F.grad', the element in 'grad_position' must be int, "
                            f"but got {type(p).__name__} ({p!r}).")
        if p < 0:
            raise ValueError(f"grad_position must be >= 0, but got {p}.")
    if len(set(grad_position)) != len(grad_position):
        raise ValueError(f"There are duplicate positions in `grad_position` {grad_position}, please check it")
    return grad_position


def _check_weights(weights):
    """(list of weights, whether the result is a bare Tensor)."""
    if weights is None:
        return [], False
    if isinstance(weights, Tensor):
        return [weights], True
    if isinstance(weights, (list, tuple)):
        for w in weights:
            if not isinstance(w, Tensor):
                raise TypeError(f"For 'grad', every element of 'weights' must be a Parameter or Tensor, "
                                f"but got {type(w).__name__}.")
        return list(weights), False
    if isinstance(weights, dict):
        return list(weights.values()), False
    if hasattr(weights, "__iter__"):
        return _check_weights(list(weights))
    raise TypeError(f"For 'grad', 'weights' must be a Parameter, a list or tuple of Parameters or a "
                    f"ParameterTuple, but got {type(weights).__name__}.")


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise TypeError(f"For '_Grad', the '{name}' should be bool, but got {type(value).__name__}")


def _split_sens(args, kwargs, sens_param):
    if not sens_param:
        return args, kwargs, None
    if "sens" in kwargs:
        kwargs = dict(kwargs)
        return args, kwargs, kwargs.pop("sens")
    if not args:
        raise ValueError("sens_param=True needs the sensitivity as the last positional argument (or sens=)")
    return args[:-1], kwargs, args[-1]


def _check_output(fn, out):
    if out is None or isinstance(out, str):
        name = getattr(fn, "__name__", type(fn).__name__)
        raise TypeError(f"For 'grad', the function '{name}' must return a Tensor or a tuple of Tensors, "
                        f"but it returned {type(out).__name__}.")


# ----------------------------------------------------------------------------- grad / value_and_grad
def _grad_impl(fn, grad_position, weights, has_aux, return_ids, sens_param, with_value):
    _check_bool("has_aux", has_aux)
    positions = _check_position(grad_position)
    weight_list, single_weight = _check_weights(weights)
    if positions is None and weights is None:
        raise ValueError("`grad_position` and `weight` can not be None at the same time.")

    def run(*args, **kwargs):
        sens = None
        if sens_param:
            args, kwargs, sens = _split_sens(args, kwargs, sens_param)
        n_args = len(args)
        used = []
        for p in positions or ():
            if p < n_args:
                if isinstance(args[p], Tensor):
                    used.append(p)
            elif args:
                # (a function with no positional inputs at all gives () in PyNative: nothing to differentiate)
                raise RuntimeError(f"Position index {p} is exceed input size. The function got {n_args} "
                                   f"positional inputs.")
        pb = record(fn, args, kwargs, used, weight_list)
        out = pb.out
        if has_aux:
            if not isinstance(out, tuple) or len(out) < 2:
                raise ValueError("When has_aux is True, origin fn requires more than one outputs, but got "
                                 f"{type(out).__name__}.")
            for a in out[1:]:
                if not isinstance(a, Tensor) and not isinstance(a, (tuple, list)):
                    raise RuntimeError("If you set has_aux for grad or value_and_grad, that forward function "
                                       f"should be multi output, but got an auxiliary output of type "
                                       f"{type(a).__name__}.")
            diff_out = out[0]
        else:
            diff_out = out
        _check_output(fn, diff_out)
        diff = tensors_in(diff_out)
        cts = pb(_sens_seeds(diff, sens, "grad") if sens is not None else _ones_seeds(diff), consume=True)
        n = len(used)
        grads = _structure(positions, used, cts[:n], weight_list, cts[n:], single_weight, weights is not None,
                           return_ids)
        if with_value:
            return out, grads
        if has_aux:
            return grads, tuple(out[1:])
        return grads

    return run


def _structure(positions, used, pos_grads, weight_list, w_grads, single_weight, has_weights, return_ids):
    if return_ids:
        pos_items = tuple((p, g) for p, g in zip(used, pos_grads))
        w_items = tuple((getattr(w, "name", None), g) for w, g in zip(weight_list, w_grads))
    else:
        pos_items, w_items = tuple(pos_grads), tuple(w_grads)
    pos_part = pos_items[0] if len(pos_items) == 1 else pos_items
    w_part = w_items[0] if single_weight else w_items
    if positions is None:
        return w_part
    if not has_weights:
        return pos_part
    return (pos_part, w_part)


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """A function computing the gradient of ``fn`` with respect to inputs ``grad_position`` and/or ``weights``.

    Non-scalar outputs are seeded with ones and the gradients of all outputs are summed (MindSpore's rule);
    with ``has_aux=True`` only the first output is differentiated and the rest are returned as a tuple.
    """
    return _grad_impl(fn, grad_position, weights, has_aux, return_ids, sens_param, with_value=False)


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """Like ``grad`` but returns ``(fn's full output, gradients)``."""
    return _grad_impl(fn, grad_position, weights, has_aux, return_ids, sens_param, with_value=True)


def get_grad(gradients, identifier):
    """Look up one gradient in the output of ``grad(..., return_ids=True)`` by position or by Parameter."""
    if isinstance(identifier, str) or not (isinstance(identifier, (int, Tensor))):
        raise TypeError(f"For 'get_grad', the identifier must be a position (int) or a Parameter, "
                        f"but got {type(identifier).__name__}.")
    key = identifier if isinstance(identifier, int) else getattr(identifier, "name", None)

    def search(tree):
        if isinstance(tree, tuple):
            if len(tree) == 2 and isinstance(tree[0], (int, str)) and not isinstance(tree[0], bool) \
                    and isinstance(tree[1], Tensor):
                return tree[1] if tree[0] == key and type(tree[0]) is type(key) else None
            for item in tree:
                found = search(item)
                if found is not None:
                    return found
        return None

    found = search(gradients)
    if found is None:
        raise RuntimeError(f"For 'get_grad', can not find the gradient for identifier {key!r}; make sure it "
                           f"was requested and return_ids=True was set.")
    return found


class GradOperation:
    """The legacy higher-order function ``ops.GradOperation(get_all, get_by_list, sens_param)``."""

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        for name, v in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(v, bool):
                raise TypeError(f"For 'GradOperation', the '{name}' should be bool, but got {type(v).__name__}")
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param

    def __call__(self, fn, weights=None):
        get_all, get_by_list, sens_param = self.get_all, self.get_by_list, self.sens_param
        if get_by_list and weights is None:
            raise ValueError("GradOperation(get_by_list=True) needs the weights: grad_op(fn, weights)")
        weight_list, single = _check_weights(weights if get_by_list else None)

        def run(*args, **kwargs):
            args, kwargs, sens = _split_sens(args, kwargs, sens_param)
            positions = [i for i, a in enumerate(args) if isinstance(a, Tensor)] if get_all else \
                ([0] if args and isinstance(args[0], Tensor) else [])
            pb = record(fn, args, kwargs, positions, weight_list)
            _check_output(fn, pb.out)
            outs = tensors_in(pb.out)
            cts = pb(_sens_seeds(outs, sens, "GradOperation") if sens is not None else _ones_seeds(outs))
            n = len(positions)
            pos_grads, w_grads = tuple(cts[:n]), tuple(cts[n:])
            w_part = w_grads[0] if single else w_grads
            if get_all and get_by_list:
                return pos_grads, w_part
            if get_by_list:
                return w_part
            if get_all:
                return pos_grads
            return pos_grads[0] if pos_grads else ()

        return run


# ----------------------------------------------------------------------------- vjp / jvp
def vjp(fn, *inputs, weights=None, has_aux=False):
    """``(outputs, vjp_fn)``; ``vjp_fn(v)`` returns one cotangent per input (a tuple), plus the weights'
    cotangents as a second item when ``weights`` is given. With ``has_aux``: ``(out, vjp_fn, aux)``."""
    for i, x in enumerate(inputs):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'vjp', every input must be a Tensor, but input {i} is {type(x).__name__}")
    weight_list, single = _check_weights(weights)
    pb = record(fn, inputs, {}, list(range(len(inputs))), weight_list)
    out = pb.out
    if has_aux:
        if not isinstance(out, tuple) or len(out) < 2:
            raise ValueError("When has_aux is True, origin fn requires more than one outputs.")
        out, aux = out[0], tuple(out[1:]) if len(out) > 2 else out[1]
    diff = tensors_in(out)

    def vjp_fn(*v):
        v = v[0] if len(v) == 1 else v
        cts = pb(_sens_seeds(diff, v, "vjp_fn"))
        n = len(inputs)
        if weights is None:
            return tuple(cts[:n])
        w_grads = tuple(cts[n:])
        return tuple(cts[:n]), (w_grads[0] if single else w_grads)

    if has_aux:
        return out, vjp_fn, aux
    return out, vjp_fn


def _as_tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def jvp(fn, inputs, v, has_aux=False):
    """Forward-mode product ``J v`` by the double-VJP trick: the VJP of the (linear) pullback.

    Returns ``(out, jvp_out)``, or ``(out, jvp_out, aux)`` with ``has_aux``."""
    ins, vs = _as_tuple(inputs), _as_tuple(v)
    if len(ins) != len(vs):
        raise ValueError(f"For 'jvp', 'inputs' and 'v' must have the same length, got {len(ins)} and {len(vs)}")
    for x, t in zip(ins, vs):
        if not isinstance(x, Tensor) or not isinstance(t, Tensor):
            raise TypeError("For 'jvp', 'inputs' and 'v' must be Tensors or tuples of Tensors")
        if x.shape != t.shape:
            raise ValueError(f"For 'jvp', the tangent shape {t.shape} does not match the input shape {x.shape}")
    res = vjp(fn, *ins, has_aux=has_aux)
    out, pullback = res[0], res[1]
    dummies = [zeros_like(o) for o in tensors_in(out)]

    def linear(*us):
        return pullback(*us) if len(us) > 1 else pullback(us[0])

    _, pull2 = vjp(linear, *dummies)
    tangents = pull2(vs if len(vs) > 1 else vs[0])
    jvp_out = tangents[0] if isinstance(out, Tensor) else type(out)(tangents)
    if has_aux:
        return out, jvp_out, res[2]
    return out, jvp_out


def vjp_of(fn, args, cotangent):
    """The cotangents of ``args`` for ``fn(*args)``'s output seeded with ``cotangent``: the rule of a fused kernel
    whose derivative is the pullback of a formula written with primitives (built from primitives itself, so it
    can be differentiated again)."""
    pb = record(fn, args, {}, list(range(len(args))), [])
    return pb([(pb.out, cotangent)], consume=True)
