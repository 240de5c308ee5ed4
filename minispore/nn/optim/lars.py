"""``nn.LARS``: layer-wise adaptive rate scaling around another optimizer.

MindSpore 2.10's CPU build has no ``LARSUpdate`` kernel (its ``nn.LARS`` raises RuntimeError at the first step);
minispore computes the documented rule with the same update as ``ops.LARSUpdate`` (tests/golden/cases_optim2.py
lists it as DELIBERATE). The step runs eagerly (not inside a compiled graph)."""
from ..._core.backend import xp

from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ... import _checkparam as validator
from ._rules import ARRAYS, rules
from .optimizer import Optimizer, _evaluate, opt_init_args_register

__all__ = ['LARS']

_F32 = xp.float32


def _check_param_value(optimizer, epsilon, coefficient, use_clip, prim_name):
    validator.check_value_type("optimizer", optimizer, Optimizer, prim_name)
    validator.check_value_type("epsilon", epsilon, [float], prim_name)
    validator.check_value_type("coefficient", coefficient, [float], prim_name)
    validator.check_value_type("use_clip", use_clip, [bool], prim_name)


class LARS(Optimizer):
    r"""Wraps ``optimizer``: each gradient selected by ``lars_filter`` is replaced by
    ``ratio * (g + wd * w)`` with ``ratio = coefficient * ||w|| / (||g|| + wd ||w|| + epsilon)`` (1 where a norm
    is 0; with ``use_clip``, ``min(ratio / lr, 1)``), then ``optimizer`` takes the step. The weight decay and
    loss scale of ``optimizer`` are applied here (and switched off in it), as in MindSpore.

    Args:
        optimizer (Optimizer): the wrapped optimizer.
        epsilon (float): Default 1e-05.
        coefficient (float): the trust coefficient. Default 0.001.
        use_clip (bool): Default False.
        lars_filter (Callable): which parameters LARS applies to. Default: those whose name contains neither
            'LayerNorm' nor 'bias'.
    """

    @opt_init_args_register
    def __init__(self, optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False,
                 lars_filter=lambda x: 'LayerNorm' not in x.name and 'bias' not in x.name):
        super().__init__(0.0, [Parameter(Tensor(0.0), name="fake_param")])
        _check_param_value(optimizer, epsilon, coefficient, use_clip, self.cls_name)
        if optimizer.dynamic_weight_decay:
            raise ValueError("For 'LARS', a dynamic weight decay of the wrapped optimizer is not supported by "
                             "minispore.")
        self.opt = optimizer
        self.use_clip = use_clip
        self.lars_flag = tuple(lars_filter(x) for x in optimizer.parameters)
        self.epsilon, self.coefficient = epsilon, coefficient
        self.loss_scale = optimizer.loss_scale
        od = optimizer.__dict__
        scale = _F32(optimizer.loss_scale)
        decay = od["_decay"]
        d = self.__dict__
        d["_wd"] = [_F32(0) if decay is None or decay[i] is None else _F32(decay[i]) / scale
                    for i in range(len(self.lars_flag))]
        d["_rs"] = od["_rscale"]
        if use_clip and optimizer.is_group_lr and optimizer.dynamic_lr:
            raise ValueError("For 'LARS', if the argument 'use_clip' is set to True, then the dynamic "
                             "learning rate and group learning rate cannot both be true.")
        # the wrapped optimizer no longer decays or unscales: LARS does
        optimizer.decay_flags = tuple(False for _ in optimizer.decay_flags)
        optimizer.exec_weight_decay = False
        optimizer.need_scale = False
        optimizer.dynamic_weight_decay = False
        optimizer._build_fast_path()

    def _inner_lr(self):
        od = self.opt.__dict__
        gs = self.opt.global_step._data
        kind = od["_lr_kind"]
        if kind == 0:
            return [od["_lr_param"]._data[()]] * len(self.lars_flag)
        if kind == 1:
            return [_evaluate(od["_lr_eval"], gs)] * len(self.lars_flag)
        values = [_evaluate(spec, gs) for spec in od["_lr_evals"]]
        return [values[k] for k in od["_lr_index"]]

    def construct(self, gradients):
        grads = self._grad_arrays(gradients)
        params = list(self.opt.parameters)
        if len(grads) != len(params):
            raise ValueError(f"For 'LARS', the number of gradients must equal the number of parameters "
                             f"({len(params)}), but got {len(grads)}.")
        lrs = self._inner_lr() if self.use_clip else [_F32(0)] * len(params)
        rs = self.__dict__["_rs"]
        out = []
        for i, (p, g) in enumerate(zip(params, grads)):
            if rs is not None:
                g = g * rs
            if self.lars_flag[i]:
                w = p._data
                g = rules.lars_update(ARRAYS, w, g, xp.sum(w * w), xp.sum(g * g), self._wd[i], lrs[i],
                                      _F32(self.epsilon), _F32(self.coefficient), self.use_clip)
            out.append(Tensor(xp.asarray(g, dtype=p._data.dtype)))
        return self.opt(tuple(out))
