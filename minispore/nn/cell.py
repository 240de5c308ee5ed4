"""``nn.Cell``: the base of every network, with MindSpore's attribute routing and parameter naming.

Routing (as in MindSpore/PyTorch): assigning a Parameter registers it in ``_params`` (a generated name is
replaced by the attribute name); assigning a Cell registers it in ``_cells`` and, when the parent has
``auto_prefix``, renames every parameter below it to ``<attribute>.<path>``; assigning a Tensor to an
existing parameter's name calls ``set_data``.
"""
import itertools
import time
import typing
import weakref
from collections import OrderedDict

from .. import context as _context
from .._core import backend
from .._core import dtype as mstype
from .._core import primitive as _primitive
from .._core.tensor import Tensor
from ..common.parameter import Parameter, ParameterTuple
from . import _cell_state


_hook_ids = itertools.count()
_last_create_time = [0]
# bumped whenever a buffer is replaced by another Tensor (or None): compiled graphs read the Tensor objects they
# captured, so every Cell's graphs are compiled again at their next call
_buffer_epoch = [0]


def _next_create_time():
    """A creation timestamp (nanoseconds) that grows with every Cell (MindSpore's ``create_time``)."""
    t = max(time.time_ns(), _last_create_time[0] + 1)
    _last_create_time[0] = t
    return t
   # unique keys: removing one hook never lets a new one overwrite another
_mode = _context._context
_GRAPH_MODE = _context.GRAPH_MODE


def _addindent(text, spaces):
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    return lines[0] + "\n" + "\n".join(" " * spaces + line for line in lines[1:])


class Cell:
    """Base class of all network layers and models.

    Subclasses call ``super().__init__()``, create Parameters and sub-Cells as attributes in ``__init__`` and
    define the forward computation in ``construct``. Calling the cell runs ``construct``.
    """
    # the attributes MindSpore's Cell keeps out of the names it checks; the live Cells and their count
    IGNORE_LIST = ['_scope', '_cell_init_args', '_auto_prefix', '_cells', '_params', '_create_time',
                   '_func_graph_flags', '_parameter_layout_dict', '_params_list', '_phase', '_bprop_debug',
                   '_forward_pre_hook', '_forward_hook', '_backward_pre_hook', '_backward_hook',
                   '_cell_backward_pre_hook', '_cell_backward_hook', '_param_prefix', 'requires_grad', 'cell_type',
                   '_in_strategy', '_out_strategy']
    T_destination = typing.TypeVar("T_destination", bound=typing.Dict[str, typing.Any])
    total_instance_count = 0
    global_cells = weakref.WeakKeyDictionary()

    def __init__(self, auto_prefix=True, flags=None):
        d = self.__dict__
        d["_params"] = OrderedDict()
        d["_cells"] = OrderedDict()
        d["_buffers"] = OrderedDict()
        d["_non_persistent_buffers_set"] = set()
        d["_create_time"] = _next_create_time()
        d["_param_prefix"] = ''
        d["_scope"] = None
        d["_func_graph_flags"] = {}
        d["_jit_config_dict"] = {}
        d["_backward_hooks"] = OrderedDict()
        d["_backward_pre_hooks"] = OrderedDict()
        d["_state_dict_hooks"] = OrderedDict()
        d["_state_dict_pre_hooks"] = OrderedDict()
        d["_load_state_dict_pre_hooks"] = OrderedDict()
        d["_load_state_dict_post_hooks"] = OrderedDict()
        d["_counted"] = True
        Cell.total_instance_count += 1
        d["_auto_prefix"] = auto_prefix
        d["training"] = False
        d["_phase"] = "train"
        d["requires_grad"] = False
        d["_cast_type"] = None
        d["_forward_pre_hooks"] = OrderedDict()
        d["_forward_hooks"] = OrderedDict()
        if flags:
            d.update(flags)

    # ------------------------------------------------------------------ attribute routing
    def _check_init(self, name):
        if "_params" not in self.__dict__:
            raise AttributeError(
                f"The '{type(self).__name__}' object has no attribute '_params': its __init__ must call "
                f"super().__init__() before assigning '{name}'.")

    def __getattr__(self, name):
        d = self.__dict__
        for store in ("_params", "_buffers", "_cells"):
            table = d.get(store)
            if table is not None and name in table:
                return table[name]
        if "_params" not in d and not name.startswith("__"):
            raise AttributeError(f"The '{type(self).__name__}' object has no attribute '{name}': its __init__ "
                                 f"must call super().__init__() first.")
        raise AttributeError(f"The '{type(self).__name__}' object has no attribute '{name}'.")

    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self._check_init(name)
            self.__dict__.pop(name, None)
            self.insert_param_to_cell(name, value)
        elif isinstance(value, ParameterTuple):
            self._check_init(name)
            seen = set()
            for p in value:
                if id(p) in seen:
                    continue
                seen.add(id(p))
                self.insert_param_to_cell(p.name, p, check_name_contain_dot=False)
            object.__setattr__(self, name, value)
        elif isinstance(value, Cell):
            self._check_init(name)
            self.__dict__.pop(name, None)
            if self._auto_prefix:
                value.update_parameters_name(name + ".")
            self.insert_child_to_cell(name, value)
        else:
            d = self.__dict__
            params = d.get("_params")
            if params is not None and name in params:
                if value is None:
                    params[name] = None
                elif isinstance(value, Tensor):
                    params[name].set_data(value)
                else:
                    raise TypeError(f"Parameter '{name}' already exists in network, can not assign this type: "
                                    f"'{type(value).__name__}' as a parameter.")
                return
            buffers = d.get("_buffers")
            if buffers is not None and name in buffers:
                # (MindSpore 2.10 quirk: only None can be assigned to a buffer's name, even a Tensor is refused;
                # register_buffer replaces one)
                if value is not None:
                    raise TypeError(f"Buffer '{name}' already exists in network, can not assign this type: "
                                    f"'{type(value)}' as a buffer.")
                if buffers[name] is not None:
                    _buffer_epoch[0] += 1
                buffers[name] = None
                return
            cells = d.get("_cells")
            if cells is not None and name in cells:
                if value is not None:
                    raise TypeError(f"Sub cell '{name}' already exists in network, can not assign this type: "
                                    f"'{type(value).__name__}' as a cell.")
                cells[name] = None
                return
            object.__setattr__(self, name, value)

    def __delattr__(self, name):
        for store in ("_params", "_buffers", "_cells"):
            table = self.__dict__.get(store)
            if table is not None and name in table:
                del table[name]
                return
        object.__delattr__(self, name)

    def insert_param_to_cell(self, param_name, param, check_name_contain_dot=True):
        if not param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not be None.")
        if check_name_contain_dot and "." in param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not contain '.'.")
        if "_params" not in self.__dict__:
            raise AttributeError("For 'insert_param_to_cell', please call Cell.__init__() firstly.")
        if param_name in self.__dict__ or param_name in self._cells:
            raise KeyError(f"For 'insert_param_to_cell', the {param_name} parameter already exists in the "
                           f"network. Cannot insert another parameter with the same name.")
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"For 'insert_param_to_cell', the argument 'param' must be 'Parameter' if not None, "
                            f"but got {type(param).__name__}.")
        if param is not None and param._name_generated:
            param.name = param_name
        self._params[param_name] = param

    def insert_child_to_cell(self, child_name, child_cell):
        if not isinstance(child_name, str):
            raise TypeError(f"For 'insert_child_to_cell', the type of parameter 'child_name' must be str, "
                            f"but got {type(child_name).__name__}.")
        if not child_name or "." in child_name:
            raise KeyError("For 'insert_child_to_cell', the parameter 'child_name' can not be None and can not "
                           "contain '.'")
        if "_cells" not in self.__dict__:
            raise AttributeError("For 'insert_child_to_cell', please call Cell.__init__() firstly.")
        if child_name in self.__dict__ or child_name in self._params:
            raise KeyError(f"For 'insert_child_to_cell', the {child_name} child cell already exists in the "
                           f"network. Cannot insert another child cell with the same name.")
        if child_cell is not None and not isinstance(child_cell, Cell):
            raise TypeError(f"For 'insert_child_to_cell', the argument 'child_cell' must be 'Cell' if not None, "
                            f"but got type {type(child_cell).__name__}.")
        self._cells[child_name] = child_cell

    def update_parameters_name(self, prefix='', recurse=True):
        if not isinstance(prefix, str):
            raise TypeError(f"For 'update_parameters_name', the prefix must be a string, got {prefix!r}.")
        for name, param in self.parameters_and_names(expand=recurse):
            param.name = prefix + name

    # ------------------------------------------------------------------ calling
    def construct(self, *args, **kwargs):
        raise AttributeError(f"For '{type(self).__name__}', the method 'construct' is not defined.")

    def __call__(self, *args, **kwargs):
        d = self.__dict__
        if "_params" not in d:
            raise AttributeError(f"The '{type(self).__name__}' object has no attribute '_params': its __init__ "
                                 f"must call super().__init__().")
        for a in args:
            if backend.is_array(a):
                raise TypeError(f"For '{type(self).__name__}', the inputs must be Tensors, but got an array of "
                                f"shape {a.shape}; wrap it with mindspore.Tensor(...).")
        if _mode["mode"] == _GRAPH_MODE and not _primitive.tracing():
            # GRAPH_MODE: the outermost Cell call is compiled (once per input signature) and replayed
            # (one graph per training mode: Dropout and BatchNorm behave differently in each)
            graph_fns = d.setdefault("_graph_fns", {})
            if d.get("_graph_epoch", 0) != _buffer_epoch[0]:
                graph_fns.clear()           # a buffer was replaced: the graphs captured the old Tensor
                d["_graph_epoch"] = _buffer_epoch[0]
            graph_fn = graph_fns.get(d["training"])
            if graph_fn is None:
                from .._core.jit import JitFunction
                graph_fn = graph_fns[d["training"]] = JitFunction(self._run_construct, self._declared_inputs)
            return graph_fn(*args, **kwargs)
        if _has_bprop(type(self)) and _primitive.tracing():
            from ..ops.custom import call_with_bprop     # differentiated through the user's bprop
            return call_with_bprop(self, args, kwargs)
        if d["_cast_type"] is None and not d["_forward_pre_hooks"] and not d["_forward_hooks"] \
                and not d.get("_backward_hooks") and not d.get("_backward_pre_hooks"):
            return self.construct(*args, **kwargs)
        return self._run_construct(*args, **kwargs)

    # ------------------------------------------------------------------ dynamic shapes
    def set_inputs(self, *inputs, **kwargs):
        """Declare the inputs of ``construct`` for graph mode: Tensors whose None dimensions may vary between
        calls (``Tensor(shape=[None, 784], dtype=mindspore.float32)``), so that one compiled graph serves them
        all. Calls that do not fit the declaration raise ValueError / TypeError."""
        from .._core.jit import DynamicSignature
        if kwargs:
            raise TypeError(f"For 'set_inputs', keyword inputs are not supported, but got {sorted(kwargs)}.")
        DynamicSignature(inputs, "set_inputs")     # checks the declaration now
        self.__dict__["_dynamic_inputs"] = tuple(inputs)

    def get_inputs(self):
        return self.__dict__.get("_dynamic_inputs")

    def _declared_inputs(self):
        return self.__dict__.get("_dynamic_inputs")

    def _run_construct(self, *args, **kwargs):
        cast = self._cast_type
        if cast is not None:
            # to_float: the float inputs and the trainable float Parameters compute in the cell's type while
            # construct runs (the Parameters themselves stay float32 masters: the cast is on the tape, so their
            # gradients come back in float32); state Parameters (BatchNorm's moving statistics) are left alone
            args = tuple(_to_float_cast(a, cast) for a in args)
            if kwargs:
                kwargs = {k: _to_float_cast(v, cast) for k, v in kwargs.items()}
            params = self._params
            masters = {name: p for name, p in params.items()
                       if p is not None and p.requires_grad and p.dtype.is_float and p.dtype is not cast}
            if masters:
                for name, p in masters.items():
                    params[name] = _to_float_cast(p, cast)
                try:
                    out = self._construct_hooked(args, kwargs)
                finally:
                    params.update(masters)
            else:
                out = self._construct_hooked(args, kwargs)
            # amp O1's white-list cells hand float32 back to the float32 code around them
            return _to_float_cast(out, mstype.float32) if self.__dict__.get("_amp_output_fp32") else out
        return self._construct_hooked(args, kwargs)

    def _construct_hooked(self, args, kwargs):
        d = self.__dict__
        if d.get("_backward_hooks") or d.get("_backward_pre_hooks"):
            from ._cell_hooks import call_hooked
            return call_hooked(self, args, kwargs, self._construct_forward_hooked)
        return self._construct_forward_hooked(args, kwargs)

    def _construct_forward_hooked(self, args, kwargs):
        for hook in self._forward_pre_hooks.values():
            result = hook(self, args)
            if result is not None:
                args = result if isinstance(result, tuple) else (result,)
        out = self.construct(*args, **kwargs)
        for hook in self._forward_hooks.values():
            result = hook(self, args, out)
            if result is not None:
                out = result
        return out

    def register_forward_pre_hook(self, hook_fn):
        key = next(_hook_ids)
        self._forward_pre_hooks[key] = hook_fn
        return _HookHandle(self._forward_pre_hooks, key)

    def register_forward_hook(self, hook_fn):
        key = next(_hook_ids)
        self._forward_hooks[key] = hook_fn
        return _HookHandle(self._forward_hooks, key)

    def register_backward_pre_hook(self, hook_fn):
        """``hook_fn(cell, grad_output)`` runs during ``grad`` when the gradient reaches this Cell's output
        (a tuple with one Tensor); a result that is not None replaces it. See ``nn/_cell_hooks.py`` for the one
        limit (one Tensor input, one Tensor output)."""
        return self._add_backward_hook("_backward_pre_hooks", hook_fn)

    def register_backward_hook(self, hook_fn):
        """``hook_fn(cell, grad_input, grad_output)`` runs during ``grad`` when the gradient reaches this Cell's
        input; a result that is not None replaces ``grad_input`` (tuples with one Tensor each)."""
        return self._add_backward_hook("_backward_hooks", hook_fn)

    def _add_backward_hook(self, table, hook_fn):
        if not callable(hook_fn):
            raise TypeError(f"Expected a callable hook function, but got {type(hook_fn).__name__}.")
        hooks = self.__dict__.setdefault(table, OrderedDict())
        key = next(_hook_ids)
        hooks[key] = hook_fn
        return _HookHandle(hooks, key)

    # ------------------------------------------------------------------ buffers and state_dict
    def register_buffer(self, name, tensor, persistent=True):
        """Add a buffer: a Tensor of the Cell's state that is not a Parameter (read as an attribute; in
        ``state_dict`` unless ``persistent=False``)."""
        d = self.__dict__
        if "_buffers" not in d:
            raise AttributeError("cannot assign buffer before Cell.__init__() call")
        if not isinstance(name, str):
            raise TypeError(f"buffer name should be a string.But got this type: {type(name)}")
        if "." in name:
            raise KeyError('buffer name can\'t contain "."')
        if name == "":
            raise KeyError('buffer name can\'t be empty string ""')
        if hasattr(self, name) and name not in d["_buffers"]:
            raise KeyError(f"attribute '{name}' already exists")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"cannot assign '{type(tensor)}' object to buffer '{name}' (mindspore Tensor or None "
                            f"required)")
        if d["_buffers"].get(name) is not None and d["_buffers"][name] is not tensor:
            _buffer_epoch[0] += 1
        d["_buffers"][name] = tensor
        if persistent:
            d["_non_persistent_buffers_set"].discard(name)
        else:
            d["_non_persistent_buffers_set"].add(name)

    def get_sub_cell(self, target):
        """The Cell at the dotted path ``target`` ("" is this Cell)."""
        cell = self
        if target == "":
            return cell
        for item in target.split("."):
            if not hasattr(cell, item):
                raise AttributeError(f"{cell._get_name()} has no attribute `{item}`")
            cell = getattr(cell, item)
            if not isinstance(cell, Cell):
                raise AttributeError(f"`{item}` is not an nn.Cell")
        return cell

    def get_buffer(self, target):
        cell_path, _, name = target.rpartition(".")
        cell = self.get_sub_cell(cell_path)
        if not hasattr(cell, name):
            raise AttributeError(f"{cell._get_name()} has no attribute `{name}`")
        if name not in cell.__dict__.get("_buffers", {}):
            raise AttributeError(f"`{name}` is not a buffer")
        return getattr(cell, name)

    def named_buffers(self, prefix='', recurse=True, remove_duplicate=True):
        seen = set()
        cells = self.cells_and_names(name_prefix=prefix) if recurse else [(prefix, self)]
        for cell_name, cell in cells:
            for name, buf in cell.__dict__.get("_buffers", {}).items():
                if buf is None or id(buf) in seen:
                    continue
                if remove_duplicate:
                    seen.add(id(buf))
                yield (f"{cell_name}.{name}" if cell_name else name), buf

    def buffers(self, recurse=True):
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    def get_extra_state(self):
        """Override (with ``set_extra_state``) to save more state in ``state_dict`` under ``_extra_state``."""
        raise RuntimeError("Reached a code path in Cell.get_extra_state() that should never be called.")

    def set_extra_state(self, state):
        raise RuntimeError("Reached a code path in Cell.set_extra_state() that should never be called.")

    def state_dict(self, *args, destination=None, prefix='', keep_vars=False):
        """An OrderedDict of the Parameters and persistent buffers by attribute path (the objects themselves)."""
        return _cell_state.state_dict(self, Cell, args, destination, prefix, keep_vars)

    def load_state_dict(self, state_dict, strict=True):
        """Copy the values of ``state_dict`` into the Parameters and buffers of the same keys; returns
        ``IncompatibleKeys(missing_keys, unexpected_keys)`` (with ``strict``, either raises RuntimeError)."""
        return _cell_state.load_state_dict(self, Cell, state_dict, strict)

    def register_state_dict_pre_hook(self, hook):
        return self._add_table_hook("_state_dict_pre_hooks", hook)

    def register_state_dict_post_hook(self, hook):
        return self._add_table_hook("_state_dict_hooks", hook)

    def register_load_state_dict_pre_hook(self, hook):
        return self._add_table_hook("_load_state_dict_pre_hooks", hook)

    def register_load_state_dict_post_hook(self, hook):
        return self._add_table_hook("_load_state_dict_post_hooks", hook)

    def _add_table_hook(self, table, hook):
        hooks = self.__dict__.setdefault(table, OrderedDict())
        key = next(_hook_ids)
        hooks[key] = hook
        return _HookHandle(hooks, key)

    def apply(self, fn):
        """Call ``fn`` on every sub-Cell (depth first, children before their parent) and on this Cell; returns
        this Cell."""
        for cell in self.cells():
            cell.apply(fn)
        fn(self)
        return self

    def to(self, dtype):
        """Cast the float Parameters and buffers of this Cell and the Cells below it to ``dtype`` (in place);
        returns the Cell. (minispore: one device, so ``to`` takes a dtype only.)"""
        if not isinstance(dtype, mstype.Type) or dtype.kind not in "fc" or not mstype.is_concrete(dtype):
            raise TypeError(f"Cell.to only accepts floating point or complex dtypes, but got desired dtype={dtype}")
        for _, cell in self.cells_and_names():
            for p in cell._params.values():
                if p is not None and p.dtype.kind in "fc" and p.dtype is not dtype:
                    p._data = p.astype(dtype)._data     # (set_data keeps a Parameter's dtype; to changes it)
            bufs = cell.__dict__.get("_buffers", {})
            for name, b in bufs.items():
                if b is not None and b.dtype.kind in "fc" and b.dtype is not dtype:
                    bufs[name] = b.astype(dtype)
        _buffer_epoch[0] += 1       # (the compiled graphs were traced for the old dtypes)
        return self

    # ------------------------------------------------------------------ configuration MindSpore keeps
    def get_flags(self):
        """The flags ``add_flags`` set for graph compilation (a dict)."""
        return self.__dict__.setdefault("_func_graph_flags", {})

    def get_scope(self):
        return self.__dict__.get("_scope")

    def set_jit_config(self, jit_config):
        """Keep ``jit_config`` (a ``mindspore.JitConfig``) for this Cell's graph compilation; set only once, as in
        MindSpore. minispore's compiler has no levels: the configuration is stored and read back through
        ``jit_config_dict``, with no other effect."""
        if self.__dict__.get("_jit_config_dict"):
            from .. import log
            log.warning("For Cell, jit config can only be set once, ignore this setting.")
            return
        self.__dict__["_jit_config_dict"] = jit_config.jit_config_dict

    @property
    def jit_config_dict(self):
        return self.__dict__.get("_jit_config_dict", {})

    def cast_inputs(self, inputs, dst_type):
        """Deprecated in MindSpore (it only warns and returns None); kept for the programs that still call it."""
        from .. import log
        log.warning("'cast_inputs' will be deprecated in future versions.")

    def remove_redundant_parameters(self):
        """Deprecated in MindSpore (it only warns); kept for the programs that still call it."""
        from .. import log
        log.warning("'remove_redundant_parameters' will be deprecated in future versions.")

    def init_parameters_data(self, auto_parallel_mode=False):
        """Initialise the Parameters' data; returns {Parameter: initialised Parameter}. minispore's Parameters
        hold their data from creation, so each maps to itself (with ``auto_parallel_mode``, to which no Parameter
        belongs on one device: an empty dict)."""
        if auto_parallel_mode:
            return {}
        return {p: p.init_data() for p in self.get_parameters()}

    def generate_scope(self):
        """Name every Cell below this one by its path, as MindSpore's graph dumps do: ``Default/<attr>-<Class>/...``
        (read with ``get_scope``; this Cell's own scope is left as it is)."""
        def visit(cell, scope):
            for name, child in cell.name_cells().items():
                child_scope = f"{scope}/{name}-{type(child).__name__}"
                child.__dict__["_scope"] = child_scope
                visit(child, child_scope)
        visit(self, "Default")

    def check_names_and_refresh_name(self):
        """When two Parameters share a name, rename every Parameter to its attribute path (then check again)."""
        if "_params" not in self.__dict__:
            return
        names = [p.name for _, p in self.parameters_and_names()]
        if len(set(names)) < len(names):
            self.update_parameters_name()
            self.check_names()

    def compile_and_run(self, *args, **kwargs):
        """Compile ``construct`` for these inputs (once per signature, as a GRAPH_MODE call does) and run it."""
        d = self.__dict__
        graph_fns = d.setdefault("_graph_fns", {})
        if d.get("_graph_epoch", 0) != _buffer_epoch[0]:
            graph_fns.clear()
            d["_graph_epoch"] = _buffer_epoch[0]
        graph_fn = graph_fns.get(d["training"])
        if graph_fn is None:
            from .._core.jit import JitFunction
            graph_fn = graph_fns[d["training"]] = JitFunction(self._run_construct, self._declared_inputs)
        return graph_fn(*args, **kwargs)

    def offload(self, backward_prefetch='Auto'):
        """Mark this Cell's operators for host offloading (Ascend memory saving): checked as MindSpore checks it;
        one CPU device has no device memory to offload from, so it has no other effect."""
        if isinstance(backward_prefetch, str):
            if backward_prefetch != 'Auto':
                raise ValueError(f"For '{type(self).__name__}', the 'backward_prefetch' must be str and must be in "
                                 f"'['Auto']', but got '{backward_prefetch}'.")
        elif isinstance(backward_prefetch, bool) or not isinstance(backward_prefetch, int):
            raise TypeError(f"The input value must be int, but got '{type(backward_prefetch).__name__}'")
        elif backward_prefetch < 0:
            raise ValueError(f"The input value must be int and must >= 0, but got '{backward_prefetch}' with type "
                             f"'int'.")

    @property
    def bprop_debug(self):
        """MindSpore's switch for running a user ``bprop`` in PyNative while debugging (stored; minispore always
        runs a Cell's bprop as Python)."""
        return self.__dict__.get("_bprop_debug", False)

    @bprop_debug.setter
    def bprop_debug(self, value):
        if not isinstance(value, bool):
            raise TypeError(f"For 'Cell', the property 'bprop_debug' must be bool, but got {type(value).__name__}.")
        self.__dict__["_bprop_debug"] = value

    # (the layouts of model parallelism: one device holds every Parameter whole, so they stay empty)
    @property
    def parameter_layout_dict(self):
        return self.__dict__.setdefault("_parameter_layout_dict", {})

    @property
    def parallel_parameter_name_list(self):
        return self.__dict__.get("_parallel_parameter_name_list", ())

    @property
    def parallel_parameter_merge_net_dict(self):
        return self.__dict__.setdefault("_parallel_parameter_merge_net_dict", {})

    def set_data_parallel(self):
        """Ask the auto-parallel planner for data parallelism for every operator of this Cell (MindSpore marks
        each Primitive); one device runs the whole batch, so there is nothing to plan and nothing changes."""
        return None

    def set_broadcast_flag(self, mode=True):
        """Set the ``broadcast_flag`` MindSpore's data parallelism reads (no effect on one device)."""
        self.add_flags_recursive(broadcast_flag=mode)
        return self

    def parameters_broadcast_dict(self, recurse=True):
        """The Parameters (by name) broadcast in data parallelism: those not ``layerwise_parallel``; None if none."""
        found = OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse) if not p.layerwise_parallel)
        return found or None

    def check_names(self):
        """Raise ValueError if two Parameters of this Cell have the same name."""
        names = set()
        for path, p in self.parameters_and_names():
            if p.name in names:
                raise ValueError(f"The value of {path} is {p}, its name '{p.name}' already exists. Please set a "
                                 f"unique name for the parameter.")
            names.add(p.name)

    def update_cell_prefix(self):
        """Record each Cell's path below this one as its ``param_prefix``."""
        for name, cell in self.cells_and_names():
            cell.__dict__["_param_prefix"] = name

    def update_cell_type(self, cell_type):
        self.cell_type = cell_type

    @property
    def param_prefix(self):
        return self.__dict__.get("_param_prefix", '')

    @property
    def create_time(self):
        return self.__dict__.get("_create_time", 0)

    @property
    def exist_names(self):
        return self.__dict__.setdefault("_exist_names", set())

    @property
    def exist_objs(self):
        return self.__dict__.setdefault("_exist_objs", set())

    def __del__(self):
        try:
            if self.__dict__.get("_counted"):
                Cell.total_instance_count -= 1
        except (AttributeError, TypeError, NameError):     # (interpreter shutdown: the module is gone)
            pass

    # ------------------------------------------------------------------ introspection
    def cells_and_names(self, cells=None, name_prefix=''):
        seen = cells if cells else set()
        if self in seen:
            return
        seen.add(self)
        yield name_prefix, self
        for name, cell in self._cells.items():
            if cell is not None:
                yield from cell.cells_and_names(seen, f"{name_prefix}.{name}" if name_prefix else name)

    def parameters_and_names(self, name_prefix='', expand=True):
        cells = self.cells_and_names(name_prefix=name_prefix) if expand else [(name_prefix, self)]
        seen = set()
        for cell_name, cell in cells:
            for par_name, par in cell._params.items():
                if par is not None and id(par) not in seen:
                    seen.add(id(par))
                    yield (f"{cell_name}.{par_name}" if cell_name else par_name), par

    def get_parameters(self, expand=True):
        for _, param in self.parameters_and_names(expand=expand):
            yield param

    def trainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if p.requires_grad]

    def untrainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if not p.requires_grad]

    def parameters_dict(self, recurse=True):
        return OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse))

    def name_cells(self):
        return OrderedDict((name, cell) for name, cell in self._cells.items() if cell is not None)

    def cells(self):
        return self.name_cells().values()

    def __bool__(self):
        return True

    # ------------------------------------------------------------------ modes
    def set_train(self, mode=True):
        self._phase = "train" if mode else "predict"
        for _, cell in self.cells_and_names():
            cell.__dict__["training"] = mode
        return self

    @property
    def phase(self):
        return self._phase

    @phase.setter
    def phase(self, value):
        self.__dict__["_phase"] = value

    def set_grad(self, requires_grad=True):
        self.__dict__["requires_grad"] = requires_grad
        return self

    def to_float(self, dst_type):
        """Run this cell and every cell below it in ``dst_type`` (float16, bfloat16 or float32): each one casts
        its float inputs and its trainable float Parameters to ``dst_type`` when it is called, as MindSpore's
        PyNative mixed precision does; the Parameters keep their own dtype (float32 master weights). Sets the
        ``fp16`` / ``fp32`` / ``bf16`` flags MindSpore sets. Returns the cell.

        Differences from MindSpore: MindSpore casts the float inputs of every operation run inside the cell, so
        a float32 Tensor made inside ``construct`` (``ops.ones(..., mindspore.float32)``, a Tensor attribute)
        computes in ``dst_type`` there; here only the cell's inputs and Parameters are cast, and such a Tensor
        promotes the result to float32."""
        if dst_type not in (mstype.float16, mstype.float32, mstype.bfloat16):
            raise ValueError(f"For 'to_float', the argument 'dst_type' must be mstype.float32, mstype.float16 or "
                             f"mstype.bfloat16, but got type: {type(dst_type)} and value: {dst_type}.")
        flags = {"fp16": dst_type == mstype.float16, "fp32": dst_type == mstype.float32,
                 "bf16": dst_type == mstype.bfloat16}
        for _, cell in self.cells_and_names():
            cell.__dict__.update(flags)
            cell.__dict__["_cast_type"] = dst_type
        return self

    def add_flags(self, **flags):
        self.__dict__.update(flags)
        self.__dict__.setdefault("_func_graph_flags", {}).update(flags)     # (what get_flags reads)
        return self

    def add_flags_recursive(self, **flags):
        for _, cell in self.cells_and_names():
            cell.__dict__.update(flags)
            cell.__dict__.setdefault("_func_graph_flags", {}).update(flags)
        return self

    def set_boost(self, boost_type):
        return self

    def compile(self, *args, **kwargs):
        return None

    def load_parameter_slice(self, params):
        return None

    # ------------------------------------------------------------------ printing
    def extend_repr(self):
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extend = self.extend_repr()
        extra_lines = extend.split("\n") if extend else []
        child_lines = ["(" + key + "): " + _addindent(repr(cell), 2)
                       for key, cell in self._cells.items()]
        lines = extra_lines + child_lines
        main = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main += extra_lines[0]
            else:
                main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"

    def __str__(self):
        return self.__repr__()

    # ------------------------------------------------------------------ pickling and copying
    def __getstate__(self):
        return self.__dict__.copy()

    def __setstate__(self, state):
        self.__dict__.update(state)
        if state.get("_counted"):
            Cell.total_instance_count += 1      # (a copy is one more live Cell)

    @property
    def cls_name(self):
        return type(self).__name__


def _to_float_cast(value, dtype):
    """``value`` in ``dtype`` when it is a float Tensor (or a tuple/list of them); anything else as is."""
    if isinstance(value, Tensor):
        return value.astype(dtype) if value.dtype.is_float and value.dtype is not dtype else value
    if isinstance(value, (tuple, list)):
        return type(value)(_to_float_cast(v, dtype) for v in value)
    return value


class _HookHandle:
    def __init__(self, table, key):
        self.table, self.key = table, key

    def remove(self):
        self.table.pop(self.key, None)


_BPROP = {}


def _has_bprop(cls):
    """Whether a Cell class defines ``bprop(self, *inputs, out, dout)`` (its own derivative)."""
    has = _BPROP.get(cls)
    if has is None:
        has = _BPROP[cls] = callable(getattr(cls, "bprop", None))
    return has
