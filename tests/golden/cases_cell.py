"""Reference ("golden") cases for the ``nn.Cell`` methods of minispore's round 3 (issue 9): buffers, ``state_dict`` /
``load_state_dict`` and their hooks, extra state, ``get_sub_cell``, ``apply``, ``to``, the gradient hooks
(``register_backward_hook`` / ``register_backward_pre_hook``) and the configuration MindSpore keeps (``get_flags``,
``set_jit_config``, ``param_prefix``, ``parameters_broadcast_dict``, ``check_names``...).

Each case is a thunk ``fn(ms)`` returning plain data (key lists, Tensors, the hooks' call records, reprs) or raising
(the error class is the result). ``gen_cell.py`` records ``cell.json`` with MindSpore 2.10; tests/test_golden_cell.py
runs the same thunks on minispore. ``NAMES`` maps every Cell member this family adds to the cases using it.
"""
import numpy as np

W = np.array([[1., 2.], [3., 4.]], np.float32)
B = np.array([0.5, -0.5], np.float32)
X = np.array([[1., -1.]], np.float32)
XP = np.array([[1., 0.5]], np.float32)     # (Dense(W, B) of 2 * XP is positive: the ReLU lets the gradient pass)


def _net(ms):
    nn = ms.nn

    class Inner(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(2, 2, weight_init=ms.Tensor(W), bias_init=ms.Tensor(B))
            self.register_buffer("count", ms.Tensor(np.array([3], np.int32)))
            self.register_buffer("scratch", ms.Tensor(np.zeros((2,), np.float32)), persistent=False)

        def construct(self, x):
            return self.dense(x)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.scale = ms.Parameter(ms.Tensor(np.array([2.], np.float32)), name="scale")
            self.inner = Inner()
            self.register_buffer("mean", ms.Tensor(np.array([0.25, 0.75], np.float32)))

        def construct(self, x):
            return self.inner(x * self.scale) + self.mean

    return Net()


def _values(net):
    return {k: v for k, v in net.state_dict().items()}


def state_dict_keys(ms):
    return list(_net(ms).state_dict().keys())


def state_dict_values(ms):
    sd = _net(ms).state_dict()
    return [(k, v.asnumpy(), type(v).__name__ == "Parameter") for k, v in sd.items()]


def state_dict_prefix(ms):
    return list(_net(ms).state_dict(prefix="model.").keys())


def state_dict_destination(ms):
    from collections import OrderedDict
    dest = OrderedDict(first=ms.Tensor(np.ones(1, np.float32)))
    out = _net(ms).state_dict(destination=dest)
    return [out is dest, list(out.keys())]


def state_dict_bad_prefix(ms):
    return _net(ms).state_dict(prefix=1)


def state_dict_hooks(ms):
    net = _net(ms)
    log = []
    net.register_state_dict_pre_hook(lambda cell, prefix, keep_vars: log.append(f"pre {type(cell).__name__} "
                                                                               f"{prefix!r} {keep_vars}"))
    net.inner.register_state_dict_pre_hook(lambda cell, prefix, keep_vars: log.append(f"pre {type(cell).__name__} "
                                                                                     f"{prefix!r}"))
    net.register_state_dict_post_hook(lambda cell, sd, prefix, meta: log.append(f"post {type(cell).__name__} "
                                                                              f"{sorted(sd)}"))
    h = net.inner.register_state_dict_post_hook(lambda cell, sd, prefix, meta: log.append(f"post inner {len(sd)}"))
    net.state_dict()
    h.remove()
    net.state_dict()
    return log


def state_dict_post_hook_returns(ms):
    net = _net(ms)
    net.register_state_dict_post_hook(lambda cell, sd, prefix, meta: 1)
    return net.state_dict()


def load_state_dict_roundtrip(ms):
    src, dst = _net(ms), _net(ms)
    src.scale.set_data(ms.Tensor(np.array([5.], np.float32)))
    src.register_buffer("mean", ms.Tensor(np.array([9., 8.], np.float32)))
    res = dst.load_state_dict(src.state_dict())
    return [repr(res), list(res.missing_keys), dst.scale.asnumpy(), dst.mean.asnumpy(),
            dst(ms.Tensor(X)).asnumpy()]


def load_state_dict_numpy_dtype(ms):
    dst = _net(ms)
    sd = {k: v for k, v in dst.state_dict().items()}
    sd["scale"] = ms.Tensor(np.array([7.], np.float64))
    dst.load_state_dict(sd)
    return [dst.scale.dtype, dst.scale.asnumpy()]


def load_state_dict_nonstrict(ms):
    dst = _net(ms)
    sd = dict(dst.state_dict())
    del sd["inner.dense.bias"]
    sd["extra"] = ms.Tensor(np.ones(1, np.float32))
    sd["inner.unknown.weight"] = ms.Tensor(np.ones(1, np.float32))
    res = dst.load_state_dict(sd, strict=False)
    return [repr(res), res.missing_keys, res.unexpected_keys]


def load_state_dict_missing(ms):
    dst = _net(ms)
    sd = dict(dst.state_dict())
    del sd["mean"]
    return dst.load_state_dict(sd)


def load_state_dict_unexpected(ms):
    dst = _net(ms)
    sd = dict(dst.state_dict())
    sd["extra"] = ms.Tensor(np.ones(1, np.float32))
    return dst.load_state_dict(sd)


def load_state_dict_size_mismatch(ms):
    dst = _net(ms)
    sd = dict(dst.state_dict())
    sd["scale"] = ms.Tensor(np.ones((3,), np.float32))
    return dst.load_state_dict(sd, strict=False)


def load_state_dict_not_mapping(ms):
    return _net(ms).load_state_dict([1, 2])


def load_state_dict_hooks(ms):
    net = _net(ms)
    log = []

    def pre(cell, sd, prefix, meta, strict, missing, unexpected, errors):
        log.append(f"pre {type(cell).__name__} {prefix!r} {strict} {sorted(sd)}")

    def post(cell, keys):
        log.append(f"post {type(cell).__name__} {keys.missing_keys} {keys.unexpected_keys}")
        keys.unexpected_keys.clear()

    net.register_load_state_dict_pre_hook(pre)
    net.inner.register_load_state_dict_pre_hook(pre)
    net.register_load_state_dict_post_hook(post)
    net.inner.register_load_state_dict_post_hook(post)
    sd = dict(net.state_dict())
    sd["junk"] = ms.Tensor(np.ones(1, np.float32))
    res = net.load_state_dict(sd, strict=False)
    return [log, repr(res)]


def _extra_net(ms):
    nn = ms.nn

    class WithExtra(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(2, 2, weight_init=ms.Tensor(W), bias_init=ms.Tensor(B))
            self.note = "initial"

        def get_extra_state(self):
            return {"note": self.note}

        def set_extra_state(self, state):
            self.note = state["note"]

        def construct(self, x):
            return self.dense(x)

    return WithExtra()


def extra_state(ms):
    src, dst = _extra_net(ms), _extra_net(ms)
    src.note = "saved"
    sd = src.state_dict()
    res = dst.load_state_dict(sd)
    return [list(sd.keys()), sd["_extra_state"], dst.note, repr(res)]


def extra_state_unexpected(ms):
    net = _net(ms)
    sd = dict(net.state_dict())
    sd["_extra_state"] = 1
    res = net.load_state_dict(sd, strict=False)
    return [res.missing_keys, res.unexpected_keys]


def extra_state_default(ms):
    return _net(ms).get_extra_state()


def buffers_named(ms):
    net = _net(ms)
    return [[n for n, _ in net.named_buffers()], [n for n, _ in net.named_buffers(prefix="m", recurse=False)],
            [b.asnumpy() for b in net.buffers()], net.inner.count]


def buffers_shared(ms):
    net = _net(ms)
    net.inner.register_buffer("alias", net.mean)
    return [[n for n, _ in net.named_buffers()], [n for n, _ in net.named_buffers(remove_duplicate=False)]]


def buffers_assign(ms):
    net = _net(ms)
    net.mean = ms.Tensor(np.array([1., 2.], np.float32))      # (MindSpore 2.10 refuses it: TypeError)


def buffers_assign_none(ms):
    net = _net(ms)
    net.mean = None
    net.inner.register_buffer("count", None)
    return [[n for n, _ in net.named_buffers()], list(net.state_dict().keys()), net.inner.count is None,
            net.mean is None]


def buffers_replace(ms):
    net = _net(ms)
    net.register_buffer("mean", ms.Tensor(np.array([1., 2.], np.float32)), persistent=False)
    return [net.mean, list(net.state_dict().keys())]


def buffers_delete(ms):
    net = _net(ms)
    del net.mean
    return [[n for n, _ in net.named_buffers()], hasattr(net, "mean")]


def get_buffer(ms):
    net = _net(ms)
    return [net.get_buffer("mean"), net.get_buffer("inner.count")]


def get_buffer_not_buffer(ms):
    return _net(ms).get_buffer("scale")


def get_buffer_missing(ms):
    return _net(ms).get_buffer("inner.nothing")


def register_buffer_dot(ms):
    return _net(ms).register_buffer("a.b", ms.Tensor(np.ones(1, np.float32)))


def register_buffer_empty(ms):
    return _net(ms).register_buffer("", ms.Tensor(np.ones(1, np.float32)))


def register_buffer_exists(ms):
    return _net(ms).register_buffer("scale", ms.Tensor(np.ones(1, np.float32)))


def register_buffer_not_tensor(ms):
    return _net(ms).register_buffer("b", np.ones(1, np.float32))


def register_buffer_name_type(ms):
    return _net(ms).register_buffer(1, ms.Tensor(np.ones(1, np.float32)))


def get_sub_cell(ms):
    net = _net(ms)
    return [type(net.get_sub_cell("inner.dense")).__name__, net.get_sub_cell("") is net]


def get_sub_cell_missing(ms):
    return _net(ms).get_sub_cell("inner.conv")


def get_sub_cell_not_cell(ms):
    return _net(ms).get_sub_cell("inner.count")


def apply_order(ms):
    net = _net(ms)
    seen = []
    out = net.apply(lambda cell: seen.append(type(cell).__name__))
    return [seen, out is net]


def apply_init(ms):
    net = _net(ms)

    def init(cell):
        if isinstance(cell, ms.nn.Dense):
            cell.weight.set_data(ms.Tensor(np.full((2, 2), 0.5, np.float32)))
    net.apply(init)
    return net.inner.dense.weight


def to_float16(ms):
    net = _net(ms)
    net.to(ms.float16)
    return [[(k, v.dtype) for k, v in net.state_dict().items()], net.scale.name, net(ms.Tensor(X, ms.float16))]


def to_int(ms):
    return _net(ms).to(ms.int32)


# ----------------------------------------------------------------------------- gradient hooks
def _hooked(ms, pre=True, post=True, remove=None):
    nn = ms.nn
    log = []

    def backward_hook(cell, grad_input, grad_output):
        log.append(["hook", type(cell).__name__, list(grad_input), list(grad_output)])
        return None if grad_input[0] is None else (grad_input[0] * 3,)

    def backward_pre_hook(cell, grad_output):
        log.append(["pre", type(cell).__name__, list(grad_output)])
        return (grad_output[0] * 2,)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(2, 2, weight_init=ms.Tensor(W), bias_init=ms.Tensor(B))
            self.relu = nn.ReLU()
            self.handles = []
            if post:
                self.handles.append(self.dense.register_backward_hook(backward_hook))
            if pre:
                self.handles.append(self.dense.register_backward_pre_hook(backward_pre_hook))

        def construct(self, x):
            return self.relu(self.dense(x * 2)).sum()

    net = Net()
    if remove is not None:
        net.handles[remove].remove()
    return net, log


def backward_hooks_input(ms):
    net, log = _hooked(ms)
    g = ms.grad(net, grad_position=0, weights=net.trainable_params())(ms.Tensor(XP))
    return [g, log]


def backward_hooks_weights_only(ms):
    net, log = _hooked(ms)
    g = ms.grad(net, grad_position=None, weights=net.trainable_params())(ms.Tensor(XP))
    return [g, log]


def backward_hooks_forward_only(ms):
    net, log = _hooked(ms)
    return [net(ms.Tensor(XP)), log]


def backward_hook_only(ms):
    net, log = _hooked(ms, pre=False)
    return [ms.grad(net)(ms.Tensor(XP)), log]


def backward_pre_hook_only(ms):
    net, log = _hooked(ms, post=False)
    return [ms.grad(net)(ms.Tensor(XP)), log]


def backward_hook_removed(ms):
    net, log = _hooked(ms, remove=0)
    return [ms.grad(net)(ms.Tensor(XP)), log]


def backward_hook_value_and_grad(ms):
    net, log = _hooked(ms)
    return [ms.value_and_grad(net)(ms.Tensor(XP)), len(log)]


def _triple(cell, grad_input, grad_output):
    return (grad_input[0] * 3,)


def backward_hook_graph_mode(ms):
    mode = ms.get_context("mode")
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        nn = ms.nn

        class Net(nn.Cell):
            def __init__(self):
                super().__init__()
                self.relu = nn.ReLU()
                self.relu.register_backward_hook(_triple)     # (MindSpore's graph parser refuses a lambda)

            def construct(self, x):
                return self.relu(x * 2).sum()
        net = Net()
        return [ms.grad(net)(ms.Tensor(XP)), ms.grad(net)(ms.Tensor(-XP))]
    finally:
        ms.set_context(mode=mode)


def backward_hook_not_callable(ms):
    return ms.nn.ReLU().register_backward_hook(1)


def backward_pre_hook_not_callable(ms):
    return ms.nn.ReLU().register_backward_pre_hook("f")


# ----------------------------------------------------------------------------- configuration
def flags(ms):
    net = _net(ms)
    first = dict(net.get_flags())
    net.add_flags(a=1)
    net.set_broadcast_flag()
    return [first, net.get_flags(), net.inner.get_flags(), net.get_scope()]


def _jit_config(ms):
    # (mindspore.common.api.JitConfig: the top-level mindspore.JitConfig is the same class)
    import importlib
    return importlib.import_module(ms.__name__ + ".common.api").JitConfig


def jit_config(ms):
    JitConfig = _jit_config(ms)
    net = _net(ms)
    before = dict(net.jit_config_dict)
    net.set_jit_config(JitConfig(jit_level="O1"))
    net.set_jit_config(JitConfig(jit_level="O2"))
    return [before, net.jit_config_dict, JitConfig(infer_boost="on", foo=1).jit_config_dict]


def jit_config_bad_level(ms):
    return _jit_config(ms)(jit_level="O3")


def jit_config_compatible(ms):
    return _jit_config(ms)(jit_syntax_level="COMPATIBLE").jit_config_dict


def jit_config_bad_mode(ms):
    return _jit_config(ms)(exc_mode="fast")


def jit_config_bad_boost(ms):
    return _jit_config(ms)(infer_boost="yes")


def param_prefix(ms):
    net = _net(ms)
    before = net.inner.dense.param_prefix
    net.update_cell_prefix()
    return [before, net.param_prefix, net.inner.param_prefix, net.inner.dense.param_prefix]


def update_cell_type(ms):
    net = _net(ms)
    net.update_cell_type("quant")
    return net.cell_type


def parameters_broadcast_dict(ms):
    net = _net(ms)
    d = net.parameters_broadcast_dict()
    return [list(d.keys()), list(net.parameters_broadcast_dict(recurse=False).keys()),
            ms.nn.ReLU().parameters_broadcast_dict()]


def check_names(ms):
    net = _net(ms)
    net.check_names()
    return "ok"


def check_names_duplicate(ms):
    nn = ms.nn

    class Dup(nn.Cell):
        def __init__(self):
            super().__init__()
            self.a = ms.Parameter(ms.Tensor(np.ones(1, np.float32)), name="same")
            self.b = ms.Parameter(ms.Tensor(np.ones(1, np.float32)), name="same")
    return Dup().check_names()


def instance_bookkeeping(ms):
    Cell = ms.nn.Cell
    before = Cell.total_instance_count
    a, b = ms.nn.ReLU(), ms.nn.ReLU()
    made = Cell.total_instance_count - before
    later = b.create_time > a.create_time
    del a
    return [made, later, Cell.total_instance_count - before, isinstance(b.create_time, int)]


def checkpoint_skips_buffers(ms):
    import os
    import tempfile
    net = _net(ms)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "net.ckpt")
        ms.save_checkpoint(net, path)
        return sorted(ms.load_checkpoint(path).keys())


def deprecated_no_ops(ms):
    net = _net(ms)
    return [net.cast_inputs((ms.Tensor(X),), ms.float16), net.remove_redundant_parameters(),
            net.set_data_parallel()]


def init_parameters_data(ms):
    net = _net(ms)
    r = net.init_parameters_data()
    return [sorted(k.name for k in r), all(v is k for k, v in r.items()), net.init_parameters_data(True)]


def generate_scope(ms):
    net = ms.nn.SequentialCell([ms.nn.Dense(2, 2), ms.nn.SequentialCell([ms.nn.ReLU()])])
    net.generate_scope()
    return [[n, c.get_scope()] for n, c in net.cells_and_names()]


def check_names_and_refresh_name(ms):
    nn = ms.nn

    class Dup(nn.Cell):
        def __init__(self):
            super().__init__()
            self.a = ms.Parameter(ms.Tensor(np.ones(1, np.float32)), name="same")
            self.b = ms.Parameter(ms.Tensor(np.ones(1, np.float32)), name="same")
    d = Dup()
    d.check_names_and_refresh_name()
    net = _net(ms)
    net.check_names_and_refresh_name()
    return [[p.name for p in d.get_parameters()], [p.name for p in net.get_parameters()]]


def compile_and_run(ms):
    net = _net(ms)
    return [net.compile_and_run(ms.Tensor(X)), net(ms.Tensor(X))]


def offload(ms):
    net = _net(ms)
    return [net.offload(), net.offload(3)]


def offload_bad_string(ms):
    return _net(ms).offload("x")


def offload_negative(ms):
    return _net(ms).offload(-1)


def offload_float(ms):
    return _net(ms).offload(1.5)


def parallel_bookkeeping(ms):
    net = _net(ms)
    before = net.bprop_debug
    net.bprop_debug = True
    return [before, net.bprop_debug, net.parameter_layout_dict, net.parallel_parameter_name_list,
            net.parallel_parameter_merge_net_dict]


def global_cells(ms):
    net = _net(ms)
    return [type(ms.nn.Cell.global_cells).__name__, net in ms.nn.Cell.global_cells]


def class_attributes(ms):
    Cell = ms.nn.Cell
    return [Cell.IGNORE_LIST, repr(Cell.T_destination), sorted(_net(ms).exist_names), sorted(_net(ms).exist_objs)]


CASES = [(name, fn) for name, fn in list(globals().items())
         if callable(fn) and not name.startswith("_") and fn.__module__ == __name__ and name not in ("cases",)]

# every Cell member this family adds -> the cases that exercise it
NAMES = {
    "apply": "apply_order", "buffers": "buffers_named", "named_buffers": "buffers_named",
    "register_buffer": "register_buffer_dot", "get_buffer": "get_buffer", "state_dict": "state_dict_keys",
    "load_state_dict": "load_state_dict_roundtrip", "register_state_dict_pre_hook": "state_dict_hooks",
    "register_state_dict_post_hook": "state_dict_hooks", "register_load_state_dict_pre_hook": "load_state_dict_hooks",
    "register_load_state_dict_post_hook": "load_state_dict_hooks", "get_extra_state": "extra_state",
    "set_extra_state": "extra_state", "register_backward_hook": "backward_hooks_input",
    "register_backward_pre_hook": "backward_hooks_input", "get_sub_cell": "get_sub_cell", "to": "to_float16",
    "set_jit_config": "jit_config", "jit_config_dict": "jit_config", "get_flags": "flags", "get_scope": "flags",
    "set_broadcast_flag": "flags", "param_prefix": "param_prefix", "update_cell_prefix": "param_prefix",
    "update_cell_type": "update_cell_type", "parameters_broadcast_dict": "parameters_broadcast_dict",
    "check_names": "check_names_duplicate", "total_instance_count": "instance_bookkeeping",
    "create_time": "instance_bookkeeping", "IGNORE_LIST": "class_attributes", "T_destination": "class_attributes",
    "exist_names": "class_attributes", "exist_objs": "class_attributes", "cast_inputs": "deprecated_no_ops",
    "remove_redundant_parameters": "deprecated_no_ops", "init_parameters_data": "init_parameters_data",
    "generate_scope": "generate_scope", "set_data_parallel": "deprecated_no_ops", "check_names_and_refresh_name": "check_names_and_refresh_name",
    "compile_and_run": "compile_and_run", "offload": "offload_bad_string", "bprop_debug": "parallel_bookkeeping",
    "parameter_layout_dict": "parallel_bookkeeping", "parallel_parameter_name_list": "parallel_bookkeeping",
    "parallel_parameter_merge_net_dict": "parallel_bookkeeping", "global_cells": "global_cells",
}

DELIBERATE = {}
TOLERANCE = {}


def cases(ms):
    return [(name, (lambda fn=fn: fn(ms))) for name, fn in CASES]
