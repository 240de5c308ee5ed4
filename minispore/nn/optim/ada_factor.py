"""``nn.AdaFactor``: Adafactor (Shazeer & Stern, 2018) with MindSpore 2.10's state names and defaults: factored
second moments (a row and a column mean) for parameters of rank >= 2, update clipping, relative step size."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter, ParameterTuple
from ... import _checkparam as validator
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['AdaFactor']

_F32 = xp.float32


def _rms(x):
    return xp.sqrt(xp.mean(xp.square(x)))


class AdaFactor(Optimizer):
    r"""AdaFactor. At step ``t`` with ``beta2t = 1 - t^{-decay\_rate}``: ``u = g^2 + eps[0]``; for a matrix the
    row and column means of ``u`` are averaged into ``exp_avg_sq_row``/``exp_avg_sq_col`` and the update is
    ``g / sqrt(row / mean(row) * col)``, otherwise ``exp_avg_sq`` takes ``u`` and the update is
    ``g / sqrt(exp_avg_sq)``; it is divided by ``max(1, rms(update) / clip_threshold)`` and scaled by the rate
    (``min(1e-2, 1 / sqrt(t))`` with ``relative_step``, times ``max(eps[1], rms(w))`` with ``scale_parameter``);
    with ``beta1`` it is averaged into ``exp_avg``; ``weight_decay`` shrinks ``w`` by ``weight_decay * rate``.
    The gradients are used as given (no loss-scale or weight-decay preprocessing, as in MindSpore).

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate (float): None with ``relative_step``. Default None.
        eps (tuple[float, float]): Default (1e-30, 1e-3).
        clip_threshold (float): Default 1.0.
        decay_rate (float): in (0, 1). Default 0.8.
        beta1 (float): Default 0.9 (0 or None: no first moment).
        weight_decay (float): in [0, 1). Default 0.0.
        scale_parameter, relative_step (bool): Default True.
        warmup_init (bool): Default False.
        compression (bool): Default False.
        loss_scale (float): Default 1.0.
    """
    _support_parallel_optimizer = True
    _decay_in_grad = False
    _scale_in_grad = False
    _centralize_in_grad = False

    @opt_init_args_register
    def __init__(self, params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8,
                 beta1=0.9, weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False,
                 compression=False, loss_scale=1.0):
        if learning_rate is not None and relative_step:
            raise ValueError("Cannot combine manual lr and relative_step options", learning_rate)
        if warmup_init and not relative_step:
            raise ValueError("warmup_init requires relative_step=True")
        if learning_rate is None and not relative_step:
            raise ValueError("Cannot learning_rate is None and relative_step=False")
        if learning_rate is None:
            learning_rate = 0.0
        if beta1 is None:
            beta1 = 0.0
        self.scale_lr = isinstance(learning_rate, (float, int))
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("eps", eps, [list, tuple], self.cls_name)
        if len(eps) != 2:
            raise ValueError("eps must have 2 value: (eps1, eps2).")
        for i, ele in enumerate(eps):
            validator.check_value_type("eps{}".format(i), ele, [float], self.cls_name)
            validator.check_non_negative_float(ele, "eps{}".format(i), self.cls_name)
        validator.check_value_type("clip_threshold", clip_threshold, [float], self.cls_name)
        validator.check_non_negative_float(clip_threshold, "clip_threshold", self.cls_name)
        validator.check_value_type("decay_rate", decay_rate, [float], self.cls_name)
        if not 0 < decay_rate < 1:
            raise ValueError(f"For '{self.cls_name}', the 'decay_rate' must be in range of (0, 1), but got "
                             f"{decay_rate} with type '{type(decay_rate).__name__}'.")
        if not 0 <= weight_decay < 1:
            raise ValueError(f"For '{self.cls_name}', the 'weight_decay' must be in range of [0, 1), but got "
                             f"{weight_decay} with type '{type(weight_decay).__name__}'.")
        for name, v in (("scale_parameter", scale_parameter), ("relative_step", relative_step),
                        ("compression", compression)):
            validator.check_value_type(name, v, [bool], self.cls_name)
        validator.check_value_type("beta1", beta1, [int, float], self.cls_name)
        validator.check_non_negative_float(float(beta1), "beta1", self.cls_name)
        self.eps = tuple(Tensor(e, mstype.float32) for e in eps)
        self.clip_threshold = Tensor(clip_threshold, mstype.float32)
        self.decay_rate = Tensor(-decay_rate, mstype.float32)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.weight_decay_flag = bool(weight_decay)
        self.scale_parameter = scale_parameter if self.scale_lr else False
        self.relative_step = relative_step
        self.warmup_init = warmup_init
        self.compression = compression
        self.use_first_moment = beta1 > 0
        if self.use_first_moment:
            self.exp_avg = self._parameters.clone(prefix="exp_avg", init='zeros')
        else:
            self.exp_avg = ParameterTuple([Parameter(Tensor(0.0))] * len(self._parameters))   # one placeholder
        rows, cols, sqs = [], [], []
        for p in self._parameters:
            shape, dt = tuple(p.shape), p._data.dtype
            if len(shape) > 1:
                rows.append(Parameter(Tensor(xp.zeros(shape[:-1], dt)), name=f"exp_avg_sq_row_{p.name}"))
                cols.append(Parameter(Tensor(xp.zeros(shape[:-2] + shape[-1:], dt)),
                                      name=f"exp_avg_sq_col_{p.name}"))
                sqs.append(Parameter(Tensor(xp.zeros((1,), dt)), name=f"exp_avg_sq_{p.name}"))
            else:
                rows.append(Parameter(Tensor(xp.zeros((1,), dt)), name=f"exp_avg_sq_row_{p.name}"))
                cols.append(Parameter(Tensor(xp.zeros((1,), dt)), name=f"exp_avg_sq_col_{p.name}"))
                sqs.append(Parameter(Tensor(xp.zeros(shape, xp.float16 if compression else dt)),
                                     name=f"exp_avg_sq_{p.name}"))
        self.exp_avg_sq_row = ParameterTuple(rows)
        self.exp_avg_sq_col = ParameterTuple(cols)
        self.exp_avg_sq = ParameterTuple(sqs)
        self.step = Parameter(Tensor(xp.zeros((1,), xp.float32)), name='afactor_step')
        d = self.__dict__
        d["_c"] = (_F32(eps[0]), _F32(eps[1]), _F32(clip_threshold), _F32(decay_rate), _F32(beta1),
                   _F32(weight_decay))
        d["_step_lr"] = None
        d["_beta2t"] = None

    def _prepare(self):
        d = self.__dict__
        s = self.step._data
        s += 1
        t = _F32(s[0])
        d["_beta2t"] = _F32(1) - t ** -self._c[3]
        if self.scale_lr and self.relative_step:
            min_step = _F32(1e-6) * t if self.warmup_init else _F32(1e-2)
            d["_step_lr"] = min(min_step, _F32(1) / xp.sqrt(t))
        else:
            d["_step_lr"] = None

    def _apply(self, i, w, g, lr):
        eps0, eps1, clip, _, beta1, wd = self._c
        if self._step_lr is not None:
            lr = self._step_lr
        b2 = self._beta2t
        rate = lr * max(eps1, _rms(w)) if self.scale_parameter else lr
        u = g * g + eps0
        if g.ndim >= 2:
            row, col = self.exp_avg_sq_row[i]._data, self.exp_avg_sq_col[i]._data
            xp.copyto(row, row * b2 + xp.mean(u, -1) * (_F32(1) - b2))
            xp.copyto(col, col * b2 + xp.mean(u, -2) * (_F32(1) - b2))
            r = _F32(1) / xp.sqrt(row / xp.mean(row, -1, keepdims=True))
            c = _F32(1) / xp.sqrt(col)
            update = xp.expand_dims(r, -1) * xp.expand_dims(c, -2) * g
        else:
            sq = self.exp_avg_sq[i]._data
            xp.copyto(sq, sq * b2 + u * (_F32(1) - b2), casting="unsafe")
            update = g / xp.sqrt(sq.astype(xp.float32))
        update = update / max(_rms(update) / clip, _F32(1)) * rate
        if self.use_first_moment:
            m = self.exp_avg[i]._data
            xp.copyto(m, m * beta1 + update * (_F32(1) - beta1), casting="unsafe")
            update = m
        if self.weight_decay_flag:
            w += w * (-wd * rate)
        w -= update
