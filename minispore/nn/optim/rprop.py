"""``nn.Rprop``: resilient backpropagation (per-element step sizes grown or shrunk by the gradient's sign)."""
from ..._core.backend import xp

from .optimizer import Optimizer, opt_init_args_register

__all__ = ['Rprop']

_F32 = xp.float32


class Rprop(Optimizer):
    r"""Rprop. With ``s = sign(g * prev)``: the step size is multiplied by ``etaplus`` where ``s > 0``, by
    ``etaminus`` where ``s < 0`` (and that element's gradient is taken as 0), clipped to ``step_sizes``;
    ``w -= sign(g) * step_size``; ``prev = g``. The step sizes start at ``lr``.

    Args:
        params: Parameters or parameter groups (see ``Optimizer``).
        learning_rate: Default 0.1.
        etas (tuple[float, float]): (etaminus, etaplus). Default (0.5, 1.2).
        step_sizes (tuple[float, float]): (min, max) step size. Default (1e-6, 50.).
        weight_decay: Default 0.0.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.), weight_decay=0.):
        super().__init__(learning_rate, params, weight_decay)
        if not isinstance(etas, tuple):
            raise TypeError("For Rprop, etas must be a tuple, but got {}.".format(type(etas)))
        if len(etas) != 2:
            raise ValueError("For Rprop, etas must be a tuple with the size of 2, but got {}.".format(len(etas)))
        if not isinstance(step_sizes, tuple):
            raise TypeError("For Rprop, step_sizes must be a tuple, but got {}.".format(type(etas)))
        if len(step_sizes) != 2:
            raise ValueError("For Rprop, step_sizes must be a tuple with the size of 2, "
                             "but got {}.".format(len(step_sizes)))
        if step_sizes[0] > step_sizes[1]:
            raise ValueError("For Rprop, maximal step size should not be less than minimal step size, "
                             "but got {} > {}.".format(step_sizes[0], step_sizes[1]))
        if etas[1] <= 1.0:
            raise ValueError("For Rprop, etaplus must be greater than 1.0, but got etaplus {}.".format(etas[1]))
        self.etaminus, self.etaplus = etas
        self.step_size_min, self.step_size_max = step_sizes
        self.prev = self._parameters.clone(prefix="prev", init='zeros')
        self.step_size = self._parameters.clone(prefix="step_size", init='zeros')
        self.__dict__["_c"] = (_F32(etas[0]), _F32(etas[1]), _F32(step_sizes[0]), _F32(step_sizes[1]))

    def _apply(self, i, w, g, lr):
        etaminus, etaplus, lo, hi = self._c
        prev, step = self.prev[i]._data, self.step_size[i]._data
        if self.global_step._data.reshape(-1)[0] == 1:
            step_size = xp.full_like(step, lr)
        else:
            step_size = step
        s = xp.sign(g * prev)
        factor = xp.where(s > 0, etaplus, xp.where(s < 0, etaminus, _F32(1))).astype(xp.float32)
        step_size = xp.clip(step_size * factor, lo, hi)
        g_upd = xp.where(factor == etaminus, _F32(0), g).astype(xp.float32)
        w -= xp.sign(g_upd) * step_size
        xp.copyto(prev, g_upd)
        xp.copyto(step, step_size)
