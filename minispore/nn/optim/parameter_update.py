"""``nn.ParameterUpdate``: a Cell that writes its input into one Parameter (MindSpore's ``nn.ParameterUpdate``)."""
from ...common.parameter import Parameter
from ...ops import function as F
from ..cell import Cell

__all__ = ['ParameterUpdate']


class ParameterUpdate(Cell):
    """``ParameterUpdate(param)(x)`` assigns ``x`` to ``param`` and returns ``x``.

    Args:
        param (Parameter): the Parameter to update.
    """

    def __init__(self, param):
        super().__init__(auto_prefix=False)
        if not isinstance(param, Parameter):
            raise TypeError("For 'ParameterUpdate', 'param' must be 'Parameter', but got {}.".format(type(param)))
        self._param = param

    def construct(self, x):
        F.assign(self._param, x)
        return x
