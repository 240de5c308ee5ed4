"""``nn.ASGD``: averaged stochastic gradient descent (MindSpore's per-parameter ``mu``/``eta``/``ax`` state)."""
from ..._core.backend import xp

from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.parameter import Parameter, ParameterTuple
from .optimizer import Optimizer, opt_init_args_register

__all__ = ['ASGD']

_F32 = xp.float32


class ASGD(Optimizer):
    r"""ASGD. At step ``t`` (from 1), for each parameter with its ``eta`` (``lr`` at step 1) and ``mu``:

    .. math::
        w = w (1 - \lambda \eta) - \eta g, \quad ax = ax + (w - ax) \mu \;(ax = w \text{ when } \mu = 1), \quad
        \eta = lr / (1 + \lambda\, lr\, t)^\alpha, \quad \mu = 1 / \max(1, t - t_0)

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 0.1.
        lambd (float): decay term. Default 1e-4.
        alpha (float): power of the eta update. Default 0.75.
        t0 (float): the step averaging starts at. Default 1e6.
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = Tensor([t0], dtype=mstype.float32)
        mu, eta = [], []
        for param in self._parameters:
            mu.append(Parameter(Tensor(1., dtype=mstype.float32), name="mu_" + param.name))
            eta.append(Parameter(Tensor(0., dtype=mstype.float32), name="eta_" + param.name))
        self.lens = len(self._parameters)
        self.mu = ParameterTuple(mu)
        self.eta = ParameterTuple(eta)
        self.ax = self._parameters.clone(prefix="ax_", init='zeros')
        self.__dict__["_c"] = (_F32(lambd), _F32(alpha), _F32(t0))

    def _apply(self, i, w, g, lr):
        lambd, alpha, t0 = self._c
        mu, eta, ax = self.mu[i]._data, self.eta[i]._data, self.ax[i]._data
        step = _F32(self.global_step._data.reshape(-1)[0])
        if step == 1:
            eta[()] = lr
        e = eta[()]
        new_w = w * (_F32(1) - lambd * e) - e * g
        xp.copyto(w, new_w, casting="unsafe")
        if mu[()] != 1:
            ax += (new_w - ax) * mu[()]
        else:
            xp.copyto(ax, w)
        eta[()] = lr / (_F32(1) + lambd * lr * step) ** alpha
        mu[()] = _F32(1) / max(_F32(1), step - t0)
