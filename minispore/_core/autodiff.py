"""Functional automatic differentiation with MindSpore 2.10's call signatures and return structures.

Everything is built on one function, ``_record``: it boxes the requested inputs (and, in place, the requested
Parameters) on a fresh trace, runs ``fn`` and returns its output unboxed together with a ``pullback`` that runs
the backward pass. The trace is dead once ``fn`` returns, and the graph lives only as long as the pullback.
"""
import operator

import numpy as np

from . import primitive as _primitive
from .jit import register_alias
from .primitive import Node, box, end_trace, new_trace
from .tensor import Tensor, _literal, _wrap


_prims = None  # minispore.ops._prims, set by minispore/ops/__init__.py (the engine is imported first)


def _P():
    return _prims


def _ones_like(t):
    a = np.empty(t._data.shape, t._data.dtype)
    a.fill(1)
    return _literal(a)


# ----------------------------------------------------------------------------- pytrees of outputs
def _tensors_in(tree):
    if isinstance(tree, Tensor):
        return [tree]
    if isinstance(tree, (tuple, list)):
        return [t for item in tree for t in _tensors_in(item)]
    if isinstance(tree, dict):
        return [t for item in tree.values() for t in _tensors_in(item)]
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
def backward_pass(seeds, leaves):
    """Cotangents of ``leaves`` given ``seeds``: a list of (Node, cotangent). Returns None for a leaf that no
    path reaches (and for a None entry in ``leaves``, which stands for an input that was not watched).

    The nodes reachable from the seeds are visited in reverse creation order (a node is always created after
    the nodes it uses), and each cotangent is popped when its node is processed, so intermediate cotangents
    are freed during the pass.
    """
    add = _prims.add
    grads = {}
    stack = []
    for node, g in seeds:
        prev = grads.get(node)
        grads[node] = g if prev is None else add(prev, g)
        stack.append(node)
    seen = set()
    order = []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node.prim is not None:
            order.append(node)
            for parent in node.parents:
                if parent is not None and parent not in seen:
                    stack.append(parent)
    order.sort(key=_seq, reverse=True)
    for node in order:
        g = grads.pop(node, None)
        if g is None:
            continue
        rules = node.prim.vjps
        if rules is None:
            continue
        out, args, params = node.out, node.args, node.params
        for i, parent in enumerate(node.parents):
            if parent is None:
                continue
            rule = rules[i]
            if rule is None:
                continue
            ct = rule(g, out, *args, **params)
            prev = grads.get(parent)
            grads[parent] = ct if prev is None else add(prev, ct)
    return [grads.get(leaf) for leaf in leaves]


_seq = operator.attrgetter("seq")


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


def _record(fn, args, kwargs, positions, weights):
    """Run ``fn`` with ``args[positions]`` and ``weights`` watched.

    Returns ``(out, out_nodes, leaves)``: the unboxed output, the (node, output tensor) of every boxed output
    tensor, and one leaf Node (or None for non-Tensor / non-trainable entries) per position then per weight.
    """
    staging = _primitive._trace_stack and _primitive.staging_active()
    trace = new_trace()
    args = list(args)
    leaves = []
    boxed_params = []
    try:
        for i in positions:
            a = args[i]
            if isinstance(a, Tensor):
                # a Parameter may also be boxed in place as a weight: box a snapshot of its current state
                b = box(a if type(a) is Tensor and a._trace is None else _snapshot(a), trace)
                args[i] = b
                leaves.append(b._node)
            else:
                leaves.append(None)
        for w in weights:
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
            w._node = Node(None, None, (), snap, ())
            leaves.append(w._node)
        out = fn(*args, **kwargs)
        boxed = [t for t in _tensors_in(out) if t._trace is trace]
        out_nodes = [(t._node, t._inner) for t in boxed]
    finally:
        for w, snap in reversed(boxed_params):
            w._trace = snap._trace
            if snap._trace is not None:
                w._inner = snap._inner
                w._node = snap._node
        end_trace(trace)
    return _unbox_tree(out, trace), out_nodes, leaves


def _seeds_ones(out_nodes):
    return [(node, _ones_like(value)) for node, value in out_nodes]


def _leaf_grads(leaves, cotangents, primals):
    """Cotangents for each primal, zeros where nothing flowed, in the primal's dtype."""
    P = _prims
    result = []
    for leaf, g, x in zip(leaves, cotangents, primals):
        if g is None:
            g = P.zeros_like(x) if isinstance(x, Tensor) else None
        elif g._data.dtype != x._data.dtype:
            g = P.cast(g, x._data.dtype)
        result.append(g)
    return result


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


def _sens_seeds(out_nodes, out, sens, trace_outputs):
    """Seeds from a user-given sensitivity matching the output structure."""
    tensors = _tensors_in(out)
    sens_list = _tensors_in(sens) if not isinstance(sens, Tensor) else [sens]
    if len(sens_list) != len(tensors):
        raise ValueError(f"For 'grad' with sens_param=True, the sensitivity has {len(sens_list)} tensors but "
                         f"the function returned {len(tensors)}")
    seeds = []
    by_id = {id(v): n for n, v in out_nodes}
    for t, s in zip(trace_outputs, sens_list):
        s = s if isinstance(s, Tensor) else Tensor(s)
        if s.shape != t.shape:
            raise ValueError(f"For 'grad' with sens_param=True, the sensitivity of shape {s.shape} does not match "
                             f"the output of shape {t.shape}.")
        node = by_id.get(id(t))
        if node is not None:
            seeds.append((node, _prims.cast(s, t._data.dtype)))
    return seeds


# ----------------------------------------------------------------------------- grad / value_and_grad
def _grad_impl(fn, grad_position, weights, has_aux, return_ids, sens_param, with_value):
    _check_bool("has_aux", has_aux)
    positions = _check_position(grad_position)
    weight_list, single_weight = _check_weights(weights)
    if positions is None and weights is None:
        raise ValueError("`grad_position` and `weight` can not be None at the same time.")

    def run(*args, **kwargs):
        args, kwargs, sens = _split_sens(args, kwargs, sens_param)
        for p in positions or ():
            # a function with no positional inputs at all gives () in PyNative (nothing to differentiate)
            if p >= len(args) and args:
                raise RuntimeError(f"Position index {p} is exceed input size. The function got {len(args)} "
                                   f"positional inputs.")
        used_positions = [p for p in positions or () if p < len(args) and isinstance(args[p], Tensor)]
        out, out_nodes, leaves = _record(fn, args, kwargs, used_positions, weight_list)
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
        diff_ids = {id(t) for t in _tensors_in(diff_out)}
        nodes = [(n, v) for n, v in out_nodes if id(v) in diff_ids]
        if sens is not None:
            seeds = _sens_seeds(nodes, diff_out, sens, _tensors_in(diff_out))
        else:
            seeds = _seeds_ones(nodes)
        # (no seeds: the output does not depend on any input, e.g. a Python constant: zero gradients)
        all_cts = backward_pass(seeds, leaves)
        n_pos = len(used_positions)
        pos_grads = _leaf_grads(leaves[:n_pos], all_cts[:n_pos], [args[p] for p in used_positions])
        w_grads = _leaf_grads(leaves[n_pos:], all_cts[n_pos:], weight_list)
        grads = _structure(positions, used_positions, pos_grads, weight_list, w_grads, single_weight,
                           weights is not None, return_ids)
        if with_value:
            return out, grads
        if has_aux:
            return grads, tuple(out[1:])
        return grads

    return run


def _check_output(fn, out):
    if out is None or isinstance(out, str):
        name = getattr(fn, "__name__", type(fn).__name__)
        raise TypeError(f"For 'grad', the function '{name}' must return a Tensor or a tuple of Tensors, "
                        f"but it returned {type(out).__name__}.")


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
            out, out_nodes, leaves = _record(fn, args, kwargs, positions, weight_list)
            _check_output(fn, out)
            seeds = _sens_seeds(out_nodes, out, sens, _tensors_in(out)) if sens is not None \
                else _seeds_ones(out_nodes)
            all_cts = backward_pass(seeds, leaves)
            n = len(positions)
            pos_grads = tuple(_leaf_grads(leaves[:n], all_cts[:n], [args[p] for p in positions]))
            w_grads = tuple(_leaf_grads(leaves[n:], all_cts[n:], weight_list))
            w_part = w_grads[0] if single else w_grads
            if get_all and get_by_list:
                return pos_grads, w_part
            if get_by_list:
                return w_part
            if get_all:
                return pos_grads
            return pos_grads[0] if pos_grads else ()

        return run


# ----------------------------------------------------------------------------- vjp / jvp / jacobians / vmap
def vjp(fn, *inputs, weights=None, has_aux=False):
    """``(outputs, vjp_fn)``; ``vjp_fn(v)`` returns one cotangent per input (a tuple), plus the weights'
    cotangents as a second item when ``weights`` is given. With ``has_aux``: ``(out, vjp_fn, aux)``."""
    for i, x in enumerate(inputs):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'vjp', every input must be a Tensor, but input {i} is {type(x).__name__}")
    weight_list, single = _check_weights(weights)
    out, out_nodes, leaves = _record(fn, inputs, {}, list(range(len(inputs))), weight_list)
    if has_aux:
        if not isinstance(out, tuple) or len(out) < 2:
            raise ValueError("When has_aux is True, origin fn requires more than one outputs.")
        out, aux = out[0], tuple(out[1:]) if len(out) > 2 else out[1]
    diff_tensors = _tensors_in(out)
    by_id = {id(v): n for n, v in out_nodes}

    def vjp_fn(*v):
        v = v[0] if len(v) == 1 else v
        v_list = [v] if isinstance(v, Tensor) else _tensors_in(v)
        if len(v_list) != len(diff_tensors):
            raise ValueError(f"For 'vjp_fn', expected {len(diff_tensors)} cotangent tensors, got {len(v_list)}")
        seeds = []
        for t, s in zip(diff_tensors, v_list):
            if s.shape != t.shape:
                raise ValueError(f"For 'vjp_fn', the cotangent shape {s.shape} does not match the output "
                                 f"shape {t.shape}")
            node = by_id.get(id(t))
            if node is not None:
                seeds.append((node, s))
        all_cts = backward_pass(seeds, leaves)
        n = len(inputs)
        in_grads = tuple(_leaf_grads(leaves[:n], all_cts[:n], inputs))
        if weights is None:
            return in_grads
        w_grads = tuple(_leaf_grads(leaves[n:], all_cts[n:], weight_list))
        return in_grads, (w_grads[0] if single else w_grads)

    if has_aux:
        return out, vjp_fn, aux
    return out, vjp_fn


def _as_tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def jvp(fn, inputs, v, has_aux=False):
    """Forward-mode product ``J v`` by the double-VJP trick: the VJP of the (linear) pullback.

    Returns ``(out, jvp_out)``, or ``(out, jvp_out, aux)`` with ``has_aux``."""
    P = _prims
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
    outs = _tensors_in(out)
    dummies = [P.zeros_like(o) for o in outs]

    def linear(*us):
        return pullback(*us) if len(us) > 1 else pullback(us[0])

    _, pull2 = vjp(linear, *dummies)
    tangents = pull2(vs if len(vs) > 1 else vs[0])
    jvp_out = tangents[0] if isinstance(out, Tensor) else type(out)(tangents)
    if has_aux:
        return out, jvp_out, res[2]
    return out, jvp_out


def _jacobian(fn, grad_position, has_aux, forward):
    positions = _check_position(grad_position)
    _check_bool("has_aux", has_aux)
    P = _prims

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
                for idx in range(x.size):
                    t = [P.zeros_like(a) for a in xs]
                    e = np.zeros(x.shape, x._data.dtype)
                    e.reshape(-1)[idx] = 1
                    t[k] = _wrap(e)
                    rows.append(jvp(lambda *s: f_of(*s) if not has_aux else f_of(*s)[0], tuple(xs), tuple(t))[1])
                jac = P.transpose(P.reshape(_stack(rows), x.shape + out.shape),
                                  tuple(range(x.ndim, x.ndim + out.ndim)) + tuple(range(x.ndim)))
            else:
                for idx in range(out.size):
                    e = np.zeros(out.shape, out._data.dtype)
                    e.reshape(-1)[idx] = 1
                    rows.append(pullback(_wrap(e))[k])
                jac = P.reshape(_stack(rows), out.shape + x.shape)
            jacs.append(jac)
        result = jacs[0] if len(jacs) == 1 else tuple(jacs)
        return (result, res[2]) if has_aux else result

    return run


def _stack(tensors):
    P = _prims
    return P.concat([P.reshape(t, (1,) + t.shape) for t in tensors], 0)


def jacfwd(fn, grad_position=0, has_aux=False):
    return _jacobian(fn, grad_position, has_aux, forward=True)


def jacrev(fn, grad_position=0, has_aux=False):
    return _jacobian(fn, grad_position, has_aux, forward=False)


def vmap(fn, in_axes=0, out_axes=0):
    """Map ``fn`` over an axis of its inputs (evaluated as a loop over the batch, then stacked)."""
    P = _prims

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
