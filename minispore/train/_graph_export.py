"""The traced graph that MindIR and ONNX export write: minispore's jit graph of a network in inference mode, with
its parameters, its constants and the shape/dtype of every slot (read-only use of ``_core/jit.py``)."""
import numpy as np

from .._core import backend
from .._core.errors import TracerValueError
from .._core.jit import JitFunction, _LEAF, _flatten
from .._core.shapes import Abstract
from .._core.tensor import Tensor
from ..common.parameter import Parameter

GRAPH_NAME = "minispore_export_graph"


class ExportError(ValueError):
    """A network (or one of its primitives) that the chosen file format cannot express."""


class Traced:
    __slots__ = ("inputs", "input_slots", "params", "constants", "eqns", "out_slots", "single", "avals")


def trace_for_export(net, inputs, file_format):
    """Trace ``net(*inputs)`` (in inference mode, as MindSpore exports) into a ``Traced``."""
    from ..nn import Cell
    where = f"For 'export' ({file_format})"
    for k, t in enumerate(inputs):
        if not isinstance(t, Tensor):
            raise TypeError(f"{where}, every input must be a Tensor, but input {k} is {type(t).__name__}: "
                            f"export traces the network on Tensors only.")
    if not inputs:
        raise ValueError(f"{where}, at least one input Tensor is needed to trace the network.")
    is_cell = isinstance(net, Cell)
    mode = net.training if is_cell else None
    if is_cell:
        net.set_train(False)
    try:
        fn = JitFunction(lambda *args: net(*args))
        try:
            graph = fn._trace(tuple(inputs), {}, None)
        except TracerValueError as e:
            raise ValueError(f"{where}, the network needs the value of a Tensor while tracing ({e}); a network "
                             f"whose computation depends on Python values or control flow on Tensor values "
                             f"cannot be exported.") from None
    finally:
        if is_cell:
            net.set_train(mode)
    leaves = []
    template = _flatten(graph.out_template, leaves)
    if not _all_leaves(graph.out_template):
        raise ValueError(f"{where}, the network's output must be a Tensor or a tuple/list of Tensors, but it "
                         f"returned {_describe(graph.out_template)}: an output that is a Python value (not "
                         f"computed from the input Tensors) cannot be exported.")
    del template
    traced = Traced()
    traced.inputs = [t._data for t in inputs]
    traced.input_slots = list(graph.input_slots)
    traced.params = []
    traced.constants = []
    avals = {}
    for slot, t in zip(graph.input_slots, inputs):
        avals[slot] = Abstract(t._data.shape, t._data.dtype)
    for slot, t in graph.consts:
        if isinstance(t, Parameter):
            traced.params.append((slot, t))
        else:
            traced.constants.append((slot, backend.to_numpy(t._data)))
        avals[slot] = Abstract(t._data.shape, t._data.dtype)
    for slot, array in graph.static:
        host = np.asarray(backend.to_numpy(array))
        traced.constants.append((slot, host))
        avals[slot] = Abstract(host.shape, host.dtype)
    for prim, ins, params, out in graph.eqns:
        if prim.effect or prim.random:
            raise ValueError(f"{where}, the primitive '{prim.name}' ({'an effect' if prim.effect else 'random'}) "
                             f"cannot be part of an exported inference graph.")
        shape, dtype = prim.abstract(*[avals[i] for i in ins], **params)
        avals[out] = Abstract(shape, dtype)
    traced.eqns = graph.eqns
    traced.out_slots = list(graph.out_slots)
    traced.single = graph.out_template is _LEAF
    traced.avals = avals
    params = {id(p): p for _, p in traced.params}
    if len({p.name for p in params.values()}) != len(params):
        raise ValueError(f"{where}, two parameters of the network have the same name; give them distinct names "
                         f"(Parameter(name=...)) so that the file can refer to each.")
    return traced


def _all_leaves(template):
    if template is _LEAF:
        return True
    if isinstance(template, (tuple, list)):
        return len(template) > 0 and all(t is _LEAF for t in template)
    return False


def _describe(template):
    if isinstance(template, (tuple, list)):
        return type(template).__name__ + "(" + ", ".join(_describe(t) for t in template) + ")"
    if template is _LEAF:
        return "Tensor"
    return repr(template)


def emit_equations(traced, rules, builder, names, mapping, file_format):
    """Write every equation of ``traced`` with its ``rules[primitive name](builder, input names, input avals,
    output aval, **params)`` into ``names`` (slot -> the format's value name); returns the output names. A
    primitive without a rule is an ExportError naming it; the recurrent workspace may only feed its read step."""
    from . import _rnn_export
    avals = traced.avals
    for prim, ins, params, out in traced.eqns:
        rule = rules.get(prim.name)
        if rule is None:
            raise ExportError(f"For 'export', the primitive '{prim.name}' has no {mapping} mapping, so this network "
                              f"cannot be exported to {file_format}.")
        in_names = [names[i] for i in ins]
        _rnn_export.check_inputs(prim.name, in_names)
        names[out] = rule(builder, in_names, [avals[i] for i in ins], avals[out], **params)
    outs = [names[slot] for slot in traced.out_slots]
    _rnn_export.check_inputs(None, outs)
    return outs
