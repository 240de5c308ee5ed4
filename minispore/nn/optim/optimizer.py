"""``nn.Optimizer``: the base class of optimizers, with MindSpore 2.10's argument handling and attributes.

The base class owns everything but the update rule: parameter groups (``lr``, ``weight_decay``,
``grad_centralization``, ``order_params``), the learning rate (float, list, 1-D Tensor or
``LearningRateSchedule``; ``get_lr()``), ``global_step``, weight decay (added to the gradient, skipping parameters
whose name contains 'beta' or 'gamma' unless parameters are grouped), gradient centralization and loss scale.

A subclass writes only ``_apply(i, w, g, lr)``: the in-place update of parameter ``i``, whose value is the NumPy
array ``w`` (written in place), with gradient array ``g`` (never written) and learning rate ``lr`` (a float32
scalar), plus an optional ``_prepare()`` run once per step. Updates work on raw arrays, so calling an optimizer
records no graph and the Parameter objects (and their arrays) are kept.
"""
import functools
import inspect
from collections.abc import Iterable

from ..._core import backend
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core import primitive as _primitive
from ..._core.tensor import Tensor, _wrap
from ...common.parameter import Parameter, ParameterTuple
from ..cell import Cell
from ..layer.container import CellList
from ..learning_rate_schedule import LearningRateSchedule
from ... import _checkparam as validator

__all__ = ['Optimizer', 'opt_init_args_register']

_F32 = xp.float32


def opt_init_args_register(fn):
    """Record an optimizer's constructor arguments (``init_params``, ``init_learning_rate``, ``init_args``)
    and check them against the signature, as MindSpore's decorator does."""
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def deco(self, *args, **kwargs):
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        arguments.pop('self')
        if 'params' in arguments:
            object.__setattr__(self, 'init_params', {"params": arguments.pop('params')})
        if 'optimizer' in arguments:
            object.__setattr__(self, 'init_params', {"params": arguments.pop('optimizer').init_params["params"]})
        if 'learning_rate' in arguments:
            lr = arguments.pop('learning_rate')
            if isinstance(lr, Tensor):
                lr = lr.asnumpy().tolist()
            object.__setattr__(self, 'init_learning_rate', None if isinstance(lr, Cell) else lr)
        object.__setattr__(self, 'init_args', arguments)
        fn(self, *args, **kwargs)

    return deco


def _scalar32(a):
    """A float32 NumPy scalar from a one-element array."""
    if a.ndim:
        a = a.reshape(())
    v = a[()]
    return v if type(v) is _F32 else _F32(v)


def _as_array(value):
    return value._data if isinstance(value, Tensor) else xp.asarray(value)


class Optimizer(Cell):
    """Base class for updating parameters; instantiate one of its subclasses (or subclass it).

    Args:
        learning_rate (Union[float, int, Tensor, Iterable, LearningRateSchedule]): a fixed value (>= 0), a 0-d
            Tensor, or a dynamic rate: a 1-D Tensor or iterable (step ``i`` uses element ``i``) or a
            ``LearningRateSchedule`` called with the global step.
        parameters (Union[list[Parameter], list[dict]]): the parameters, or groups
            ``{'params': [...], 'lr': ..., 'weight_decay': ..., 'grad_centralization': bool}`` plus an optional
            ``{'order_params': [...]}`` fixing the order of the parameters.
        weight_decay (Union[float, int, Cell]): added to the gradient as ``weight_decay * w``. Default: 0.0.
        loss_scale (float): gradients are divided by it. Default: 1.0.
    """
    _support_parallel_optimizer = False
    # How the base class prepares each gradient before ``_apply``; AdamWeightDecay applies decay itself.
    _decay_in_grad = True
    _scale_in_grad = True
    _centralize_in_grad = True

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0):
        super().__init__(auto_prefix=False)
        parameters = self._parameters_base_check(parameters, "parameters")
        self.param_rank = None
        self.optim_filter = None
        if not all(isinstance(x, Parameter) for x in parameters) and not all(isinstance(x, dict) for x in parameters):
            raise TypeError("For 'Optimizer', all elements of the argument 'parameters' must be 'Parameter' or 'dict',"
                            " please check the 'parameters'.")
        if isinstance(loss_scale, int):
            loss_scale = float(loss_scale)
        validator.check_value_type("loss_scale", loss_scale, [float], self.cls_name)
        validator.check_positive_float(loss_scale, "loss_scale", self.cls_name)
        self.loss_scale = loss_scale
        self.dynamic_weight_decay = False
        self.grad_centralization = False
        self._unique = True
        self._target = "CPU"
        self.dynamic_lr = False
        self.global_step = Parameter(Tensor(xp.zeros((1,), xp.int32)), name='global_step')
        self.is_group = False
        self.is_group_lr = False
        self.is_group_params_ordered = False
        learning_rate = self._preprocess_single_lr(learning_rate)
        if isinstance(parameters[0], dict):
            self.is_group = True
            self.group_params = []
            self.group_lr = []
            self.group_weight_decay = []
            self.group_grad_centralization = []
            self._init_group_params(parameters, learning_rate, weight_decay, self.grad_centralization)
        self._init_opt_attrs(learning_rate, parameters, weight_decay)
        self._build_fast_path()

    # ------------------------------------------------------------------ construction (MindSpore's logic)
    def _init_opt_attrs(self, learning_rate, parameters, weight_decay):
        weight_decay = self._preprocess_weight_decay(weight_decay)
        if self.is_group_lr:
            if self.dynamic_lr:
                cells = CellList()
                cells.__dict__["_auto_prefix"] = False
                cells.extend(self.group_lr)
                self.learning_rate = cells
            else:
                self._set_parameter_tuple('learning_rate', ParameterTuple(self.group_lr))
        else:
            self.learning_rate = self._build_single_lr(learning_rate, 'learning_rate')

        if self.is_group:
            self._set_parameter_tuple('parameters', ParameterTuple(self.group_params))
            self._parameters = self.parameters
            self.decay_flags = tuple(isinstance(x, Cell) or x > 0 for x in self.group_weight_decay)
            self.dynamic_decay_flags = tuple(isinstance(x, Cell) for x in self.group_weight_decay)
            self.weight_decay = tuple(x if flag else Tensor(x, mstype.float32)
                                      for x, flag in zip(self.group_weight_decay, self.dynamic_decay_flags))
            self.exec_weight_decay = any(self.decay_flags)
            self.grad_centralization_flags = tuple(self.group_grad_centralization)
        else:
            self._set_parameter_tuple('parameters', ParameterTuple(parameters))
            self._parameters = self.parameters
            self.decay_flags = tuple('beta' not in x.name and 'gamma' not in x.name for x in self._parameters)
            self.dynamic_decay_flags = isinstance(weight_decay, Cell)
            self.exec_weight_decay = isinstance(weight_decay, Cell) or weight_decay > 0
            self.weight_decay = weight_decay if self.dynamic_decay_flags else Tensor(weight_decay, mstype.float32)
        self.reciprocal_scale = Tensor(1.0 / self.loss_scale, mstype.float32)
        self.need_scale = self.loss_scale != 1.0
        self.global_step_increase_tensor = Tensor(xp.ones((1,), xp.int32))
        self.param_length = len(self._parameters)
        self.use_parallel = False
        self.optim_filter = (True,) * self.param_length

    def _set_parameter_tuple(self, name, params):
        """``setattr(self, name, params)``, rejecting two different parameters with one name as MindSpore does."""
        table = self._params
        seen = {}
        for p in params:
            other = seen.setdefault(p.name, p)
            existing = table.get(p.name)
            if other is not p or (existing is not None and existing is not p):
                raise ValueError(f"The value {p!r} , its name '{p.name}' already exists. "
                                 f"Please set a unique name for the parameter.")
        setattr(self, name, params)

    @staticmethod
    def _parameters_base_check(parameters, param_info):
        if parameters is None:
            raise ValueError(f"For 'Optimizer', the argument {param_info} can not be None.")
        if not isinstance(parameters, Iterable):
            raise TypeError(f"For 'Optimizer', the argument {param_info} must be Iterable type, "
                            f"but got {type(parameters)}.")
        parameters = list(parameters)
        if not parameters:
            raise ValueError(f"For 'Optimizer', the argument {param_info} must not be empty.")
        return parameters

    @staticmethod
    def _preprocess_grad_centralization(grad_centralization):
        if not isinstance(grad_centralization, bool):
            raise TypeError("For 'Optimizer', the 'gradients_centralization' must be bool type, "
                            "but got {}.".format(type(grad_centralization)))
        return grad_centralization

    def _preprocess_weight_decay(self, weight_decay):
        if isinstance(weight_decay, (float, int)):
            weight_decay = float(weight_decay)
            validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
            weight_decay = weight_decay * self.loss_scale
        elif isinstance(weight_decay, Cell):
            self.dynamic_weight_decay = True
            weight_decay = _WrappedWeightDecay(weight_decay, self.loss_scale)
        else:
            raise TypeError("For 'Optimizer', the argument 'Weight_decay' must be int, "
                            "float or Cell.but got {}".format(type(weight_decay)))
        return weight_decay

    def _preprocess_single_lr(self, learning_rate):
        """Check a learning rate; convert it to a float, a Tensor or a LearningRateSchedule."""
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            validator.check_non_negative_float(learning_rate, "learning rate", self.cls_name)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        self.dynamic_lr = True
        if isinstance(learning_rate, LearningRateSchedule):
            return learning_rate
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim > 1:
                raise ValueError(f"For 'Optimizer', if 'learning_rate' is Tensor type, then the dimension of it should "
                                 f"be 0 or 1, but got {learning_rate.ndim}.")
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        if isinstance(learning_rate, Iterable):
            return Tensor(xp.array(list(learning_rate)).astype(xp.float32))
        raise TypeError("For 'Optimizer', the argument 'learning_rate' must be int, float, Tensor, Iterable or "
                        "LearningRateSchedule, but got {}.".format(type(learning_rate)))

    def _build_single_lr(self, learning_rate, name):
        """A Parameter (fixed rate) or a LearningRateSchedule (dynamic rate)."""
        if isinstance(learning_rate, float):
            learning_rate = Parameter(Tensor(learning_rate, mstype.float32), name)
            if self.is_group_lr and self.dynamic_lr:
                learning_rate = _ConvertToCell(learning_rate)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            learning_rate = Parameter(learning_rate, name)
            if self.is_group_lr and self.dynamic_lr:
                learning_rate = _ConvertToCell(learning_rate)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1:
            return _IteratorLearningRate(learning_rate, name)
        return learning_rate

    def _check_group_params(self, parameters):
        parse_keys = ['params', 'lr', 'weight_decay', 'order_params', 'grad_centralization']
        for group_param in parameters:
            invalid_key = list(filter(lambda x: x not in parse_keys, group_param.keys()))
            if invalid_key:
                raise KeyError(f"For 'Optimizer', the key in group params must be one of in {parse_keys}, "
                               f"but got {invalid_key}.")
            if 'order_params' in group_param.keys():
                if len(group_param.keys()) > 1:
                    raise ValueError(f"For 'Optimizer', the order params dict in group parameters should only "
                                     f"include the 'order_params' key, but got {group_param.keys()}.")
                if not isinstance(group_param['order_params'], Iterable):
                    raise TypeError("For 'Optimizer', the value of 'order_params' in group parameters should "
                                    "be Iterable type, but got {}.".format(type(group_param['order_params'])))
                continue
            params = self._parameters_base_check(group_param['params'], "group `params`")
            for index, param in enumerate(params):
                if not isinstance(param, Parameter):
                    raise TypeError(f"For 'Optimizer', the element in group parameters must be Parameter type, "
                                    f"but got {type(param)} at index {index}.")

    def _parse_group_params(self, parameters, learning_rate):
        self._check_group_params(parameters)
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1:
            tensor_lr_length = learning_rate.size
        else:
            tensor_lr_length = 0
        for group_param in parameters:
            if 'order_params' in group_param.keys():
                self.is_group_params_ordered = True
                continue
            if 'lr' in group_param.keys():
                self.is_group_lr = True
                group_lr = self._preprocess_single_lr(group_param['lr'])
                if isinstance(group_lr, Tensor) and group_lr.ndim == 1:
                    group_lr_length = group_lr.size
                    if tensor_lr_length == 0:
                        tensor_lr_length = group_lr_length
                    elif group_lr_length != tensor_lr_length:
                        raise ValueError("For 'Optimizer', the Tensor type dynamic learning rate in group must be "
                                         "the same size as the argument 'learning_rate'.")

    def _init_group_params(self, parameters, learning_rate, weight_decay, grad_centralization):
        self._parse_group_params(parameters, learning_rate)
        default_lr = self._build_single_lr(learning_rate, 'learning_rate')
        params_store = []
        ordered_parameters = []
        for group_num, group_param in enumerate(parameters):
            if 'order_params' in group_param.keys():
                ordered_parameters = list(group_param['order_params'])
                continue
            group_params = list(group_param['params'])
            self.group_params += group_params
            if 'lr' in group_param.keys():
                lr = self._preprocess_single_lr(group_param['lr'])
                lr = self._build_single_lr(lr, 'learning_rate_group_' + str(group_num))
            else:
                lr = default_lr
            if 'weight_decay' in group_param.keys():
                weight_decay_ = self._preprocess_weight_decay(group_param['weight_decay'])
            else:
                weight_decay_ = self._preprocess_weight_decay(weight_decay)
            if 'grad_centralization' in group_param.keys():
                self.grad_centralization = self._preprocess_grad_centralization(group_param['grad_centralization'])
                grad_centralization_ = self.grad_centralization
            else:
                grad_centralization_ = grad_centralization
            for param in group_params:
                validator.check_value_type("parameter", param, [Parameter], self.cls_name)
                if param.name in params_store:
                    raise RuntimeError(f"For 'Optimizer', the {param.name} parameter already exists, it does not "
                                       f"support repeated setting. Please check whether the optimizer parameter "
                                       f"has been set multiple times.")
                params_store.append(param.name)
                self.group_lr.append(lr)
                self.group_weight_decay.append(weight_decay_)
                self.group_grad_centralization.append(grad_centralization_)
        if self.is_group_params_ordered and ordered_parameters:
            self._order_and_adjust_group_params(ordered_parameters)

    def _order_and_adjust_group_params(self, ordered_parameters):
        params_length = len(self.group_params)
        if len(ordered_parameters) != len(self.group_params):
            raise ValueError(f"For 'Optimizer',"
                             f"the length of order parameters must be the same as the length of group parameters, "
                             f"but got order parameters' length {len(ordered_parameters)}, "
                             f"group parameters' length {len(self.group_params)}.")
        ordered = [[None] * params_length for _ in range(4)]
        params_name = [param.name for param in ordered_parameters]
        for param, lr, wd, gc in zip(self.group_params, self.group_lr, self.group_weight_decay,
                                     self.group_grad_centralization):
            if param.name not in params_name:
                raise ValueError(f"For 'Optimizer', the parameter {param.name} of the groups is not in "
                                 f"'order_params'.")
            index = params_name.index(param.name)
            for store, value in zip(ordered, (param, lr, wd, gc)):
                store[index] = value
        self.group_params, self.group_lr, self.group_weight_decay, self.group_grad_centralization = ordered

    # ------------------------------------------------------------------ the per-step fast path
    def _build_fast_path(self):
        """Precompute what ``construct`` needs each step, so a step costs a few attribute reads per parameter.

        Kept in ``__dict__`` (not routed through Cell's attribute handling); Parameter objects are cached, their
        arrays are not (``set_data`` and checkpoint loading replace a Parameter's array)."""
        d = self.__dict__
        n = len(self._parameters)
        d["_plist"] = list(self._parameters)
        d["_ret"] = (True,) * n
        d["_gs"] = self.global_step
        # learning rate: 0 = one fixed Parameter, 1 = one dynamic rate, 2 = per-group rates
        if self.is_group_lr:
            objs, index = [], []
            for lr in self.group_lr:
                for k, o in enumerate(objs):
                    if o is lr:
                        index.append(k)
                        break
                else:
                    index.append(len(objs))
                    objs.append(lr)
            d["_lr_kind"] = 2
            d["_lr_evals"] = [_evaluator(o) for o in objs]
            d["_lr_index"] = index
        elif self.dynamic_lr:
            d["_lr_kind"] = 1
            d["_lr_eval"] = _evaluator(self.learning_rate)
        else:
            d["_lr_kind"] = 0
            d["_lr_param"] = self.learning_rate
        # weight decay: None, or one entry per parameter (None: no decay, a float32, or an _evaluator spec)
        decay = None
        if self.exec_weight_decay:
            if self.is_group:
                decay = [None if not flag else (_evaluator(wd) if dyn else _F32(wd))
                         for flag, dyn, wd in zip(self.decay_flags, self.dynamic_decay_flags,
                                                  self.group_weight_decay)]
            elif self.dynamic_decay_flags:
                ev = _evaluator(self.weight_decay)
                decay = [ev if flag else None for flag in self.decay_flags]
            else:
                wd = _F32(self.weight_decay.asnumpy())
                decay = [wd if flag else None for flag in self.decay_flags]
        d["_decay"] = decay
        d["_decay_dynamic"] = self.dynamic_weight_decay
        d["_cur_wd"] = decay
        d["_rscale"] = _F32(1.0 / self.loss_scale) if self.need_scale else None
        gc = list(self.grad_centralization_flags) if self.is_group and any(self.grad_centralization_flags) else None
        d["_gc"] = gc
        d["_simple"] = ((decay is None or not self._decay_in_grad)
                        and (d["_rscale"] is None or not self._scale_in_grad)
                        and (gc is None or not self._centralize_in_grad) and not self.is_group_lr)

    def construct(self, gradients):
        """Update every parameter in place from ``gradients`` (one per parameter, in ``self.parameters``
        order) and return a tuple of True."""
        try:
            grads = [g._data for g in gradients]
        except (AttributeError, TypeError):
            grads = self._grad_arrays(gradients)
        if _primitive.staging_active():
            # inside a jit compilation: record the whole update as one effect, run at every replay
            n = len(self.__dict__["_plist"])
            if len(grads) != n:
                raise ValueError(f"For '{self.cls_name}', the number of gradients must equal the number of "
                                 f"parameters ({n}), but got {len(grads)}.")
            _primitive.bind(_OPTIMIZER_STEP, *gradients, optimizer=self)
            return self.__dict__["_ret"]
        return self._step_arrays(grads)

    def _step_arrays(self, grads):
        """One step from the gradients' arrays: the learning rate, weight decay, global step and updates."""
        d = self.__dict__
        params = d["_plist"]
        n = len(params)
        if len(grads) != n:
            raise ValueError(f"For '{self.cls_name}', the number of gradients must equal the number of parameters "
                             f"({n}), but got {len(grads)}.")
        for p, g in zip(params, grads):
            if g.shape != p._data.shape:
                raise ValueError(f"For '{self.cls_name}', the shape of the gradient of parameter '{p.name}' must be "
                                 f"the parameter's shape {p._data.shape}, but got {g.shape}.")
        gs = d["_gs"]._data
        kind = d["_lr_kind"]
        if kind == 0:
            lr = d["_lr_param"]._data[()]
        elif kind == 1:
            lr = _evaluate(d["_lr_eval"], gs)
        else:
            values = [_evaluate(spec, gs) for spec in d["_lr_evals"]]
            lr = [values[k] for k in d["_lr_index"]]
        if d["_decay_dynamic"]:
            d["_cur_wd"] = [_evaluate(wd, gs) if type(wd) is tuple else wd for wd in d["_decay"]]
        if gs.ndim:
            gs[0] += 1          # indexing: a tenth of the cost of a ufunc call on a one-element array
        else:
            gs[()] += 1
        self._prepare()
        apply = self._apply
        if d["_simple"]:
            for i in range(n):
                apply(i, params[i]._data, grads[i], lr)
        else:
            wds = d["_cur_wd"] if self._decay_in_grad else None
            gc = d["_gc"] if self._centralize_in_grad else None
            rscale = d["_rscale"] if self._scale_in_grad else None
            per_param_lr = kind == 2
            for i in range(n):
                w = params[i]._data
                g = grads[i]
                if wds is not None:
                    wd = wds[i]
                    if wd is not None:
                        g = w * wd + g
                if gc is not None and gc[i]:
                    g = _centralize(g)
                if rscale is not None:
                    g = g * rscale
                apply(i, w, g, lr[i] if per_param_lr else lr)
        return d["_ret"]

    def _grad_arrays(self, gradients):
        if not isinstance(gradients, (tuple, list)):
            raise TypeError(f"For '{self.cls_name}', the gradients must be a tuple or list of Tensors, "
                            f"but got {type(gradients).__name__}.")
        out = []
        for i, g in enumerate(gradients):
            if isinstance(g, Tensor):
                out.append(g._data)
            elif isinstance(g, xp.ndarray):
                out.append(g)
            else:
                raise TypeError(f"For '{self.cls_name}', gradient {i} must be a Tensor, "
                                f"but got {type(g).__name__}.")
        return out

    def _prepare(self):
        """Run once per step, after the learning rate is read and ``global_step`` incremented."""

    def _apply(self, i, w, g, lr):
        raise NotImplementedError(f"For '{self.cls_name}', define 'construct(gradients)' or the per-parameter "
                                  f"update '_apply(i, w, g, lr)'.")

    # ------------------------------------------------------------------ MindSpore's public helpers
    @property
    def unique(self):
        return self._unique

    @unique.setter
    def unique(self, value):
        if not isinstance(value, bool):
            raise TypeError("For 'Optimizer', the property 'unique' must be bool, but got {}".format(type(value)))
        self._unique = value

    @property
    def target(self):
        return self._target

    @target.setter
    def target(self, value):
        if not isinstance(value, str):
            raise TypeError("For 'Optimizer', the property 'target' must be string, but got {}".format(type(value)))
        if value not in ('CPU', 'Ascend', 'GPU'):
            raise ValueError("For 'Optimizer', the property 'target' must be one of ['CPU', 'Ascend' ,'GPU'], "
                             "but got {}".format(value))
        if value != "CPU":
            raise ValueError("For 'Optimizer', the property 'target' cannot be set to 'GPU' or 'Ascend' "
                             "in the 'CPU' environment.")
        self._target = value

    def get_lr(self):
        """The learning rate of the current step: the ``learning_rate`` Parameter for a fixed rate, a 0-d Tensor
        for a dynamic one, a tuple (one per parameter) when groups set their own rates."""
        lr = self.learning_rate
        if self.dynamic_lr:
            step = _wrap(self.global_step._data.copy())
            if self.is_group_lr:
                return tuple(_wrap(_as_array(cell(step)).astype(xp.float32).reshape(())) for cell in lr)
            return _wrap(_as_array(lr(step)).astype(xp.float32).reshape(()))
        return lr

    def get_weight_decay(self):
        """The weight decay of the current step (a Tensor, or a tuple of them with groups)."""
        if self.dynamic_weight_decay:
            step = _wrap(self.global_step._data.copy())
            if self.is_group:
                return tuple(wd(step) if flag else wd for wd, flag in zip(self.weight_decay, self.dynamic_decay_flags))
            return self.weight_decay(step)
        return self.weight_decay

    def get_lr_parameter(self, param):
        """The learning-rate Parameter (or schedule) used for ``param`` (a Parameter or a list of them)."""
        def lr_value(learning_rate):
            if isinstance(learning_rate, (_ConvertToCell, _IteratorLearningRate)):
                return learning_rate.learning_rate
            return learning_rate

        if isinstance(param, Parameter):
            param_list = [param]
        elif isinstance(param, list):
            param_list = param
        else:
            raise TypeError(f"For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' type, "
                            f"but got {type(param)}.")
        ids = [id(p) for p in self._parameters]
        lr = []
        for p in param_list:
            validator.check_value_type("parameter", p, [Parameter], self.cls_name)
            if id(p) not in ids:
                raise ValueError(f"For 'get_lr_parameter', the parameter {p.name} is not in optimizer, please check "
                                 f"whether the argument 'param' is correct.")
            if self.is_group_lr:
                lr.append(lr_value(self.learning_rate[ids.index(id(p))]))
            else:
                lr.append(lr_value(self.learning_rate))
        return lr if isinstance(param, list) else lr[0]

    def decay_weight(self, gradients):
        """``gradients`` with ``weight_decay * w`` added where weight decay applies (a new tuple)."""
        if not self.exec_weight_decay:
            return gradients
        d = self.__dict__
        gs = d["_gs"]._data
        out = []
        for p, g, wd in zip(d["_plist"], gradients, d["_decay"]):
            if type(wd) is tuple:
                wd = _evaluate(wd, gs)
            out.append(g if wd is None else _wrap(p._data * wd + g._data))
        return tuple(out)

    def gradients_centralization(self, gradients):
        """``gradients`` centralized where a group set ``grad_centralization`` (a new tuple)."""
        if not self.is_group:
            return gradients
        return tuple(_wrap(_centralize(g._data)) if flag else g
                     for g, flag in zip(gradients, self.grad_centralization_flags))

    def scale_grad(self, gradients):
        """``gradients`` divided by the loss scale (a new tuple)."""
        if not self.need_scale:
            return gradients
        r = _F32(1.0 / self.loss_scale)
        return tuple(_wrap(g._data * r) for g in gradients)

    def flatten_gradients(self, gradients):
        return gradients

    def _is_dynamic_lr_or_weight_decay(self):
        return self.dynamic_lr or self.dynamic_weight_decay


def _optimizer_step_impl(*grads, optimizer):
    optimizer._step_arrays([g if backend.is_array(g) else backend.asarray(g) for g in grads])
    return _DONE


_DONE = backend.asarray(True)
# A jit-compiled train step records ``optimizer(grads)`` as this effect: replaying the graph runs the update.
_OPTIMIZER_STEP = _primitive.Primitive("OptimizerStep", _optimizer_step_impl, None,
                                       lambda *grads, optimizer: ((), _DONE.dtype), effect=True)
_OPTIMIZER_STEP.def_vjp(_primitive.NONDIFF)


def _centralize(g):
    """MindSpore's gradient centralization: subtract the mean over all axes but the first, for gradients of rank
    >= 2 whose second dimension is a multiple of 16 (convolution kernels)."""
    if g.ndim < 2 or g.shape[1] % 16 != 0:
        return g
    return g - g.mean(axis=tuple(range(1, g.ndim)), keepdims=True, dtype=g.dtype)


_FIXED, _CONVERTED, _ITERATOR, _SCHEDULE, _CONSTANT = range(5)


def _evaluator(obj):
    """A spec ``(kind, obj)`` for ``_evaluate``: how to read a learning rate / weight decay each step. Plain
    data, not a closure, so optimizers stay picklable and deep-copyable."""
    if isinstance(obj, Parameter):
        return (_FIXED, obj)
    if isinstance(obj, _ConvertToCell):
        return (_CONVERTED, obj.learning_rate)
    if isinstance(obj, _IteratorLearningRate):
        return (_ITERATOR, obj)
    if isinstance(obj, Cell):
        return (_SCHEDULE, obj)
    return (_CONSTANT, _F32(obj))


_ONE = _F32(1)


def _evaluate(spec, step):
    """The float32 value of a spec from ``_evaluator`` at ``step`` (the global step's array)."""
    kind, obj = spec
    if kind == _FIXED:
        return _scalar32(obj._data)
    if kind == _CONVERTED:
        return (_scalar32(obj._data) + _ONE) - _ONE      # MindSpore's 'lr + 1.0 - 1.0', in float32
    if kind == _ITERATOR:
        values = obj.learning_rate._data
        i = int(step[0]) if step.ndim else int(step)
        if not 0 <= i < values.shape[0]:
            raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {values.shape[0]}), "
                               f"but got {i}: the dynamic learning rate has {values.shape[0]} values and step "
                               f"{i} needs one more.")
        return _scalar32(values[i])
    if kind == _SCHEDULE:
        return _scalar32(xp.asarray(_as_array(obj(_wrap(step.copy()))), dtype=_F32))
    return obj


class _ConvertToCell(LearningRateSchedule):
    """Inner api: a fixed learning-rate Parameter as a schedule (used when other groups' rates are dynamic)."""

    def __init__(self, learning_rate):
        super().__init__()
        if not isinstance(learning_rate, Parameter):
            raise TypeError("For 'Optimizer', the argument 'learning_rate' must be Parameter, "
                            "but got {}.".format(type(learning_rate)))
        self.learning_rate = learning_rate

    def construct(self, global_step):
        one = xp.ones((), self.learning_rate._data.dtype)
        return _wrap(self.learning_rate._data + one - one)


class _IteratorLearningRate(LearningRateSchedule):
    """Inner api: a 1-D Tensor of per-step learning rates as a schedule (element ``global_step``)."""

    def __init__(self, learning_rate, name):
        super().__init__()
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim != 1:
                raise ValueError(f"For 'Optimizer', the dimension of the argument 'learning_rate' should "
                                 f"be 1, but got {learning_rate.ndim}.")
        else:
            raise TypeError("For 'Optimizer', the argument 'learning_rate' must be Tensor, "
                            "but got {}.".format(type(learning_rate)))
        self.learning_rate = Parameter(learning_rate, name)

    def construct(self, global_step):
        values = self.learning_rate._data
        index = _as_array(global_step).astype(xp.int64)
        if index.size and (index.min() < 0 or index.max() >= values.shape[0]):
            bad = int(index.max()) if index.max() >= values.shape[0] else int(index.min())
            raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {values.shape[0]}), "
                               f"but got {bad}.")
        return _wrap(values[index])


class _WrappedWeightDecay(Cell):
    """Inner api: a dynamic weight decay (a Cell of the step) times the loss scale."""

    def __init__(self, weight_decay, loss_scale=1.0):
        super().__init__()
        self.weight_decay = weight_decay
        self.loss_scale = Tensor(loss_scale, mstype.float32)

    def construct(self, global_step):
        value = _as_array(self.weight_decay(global_step)).astype(xp.float32)
        return _wrap(value * self.loss_scale._data)
