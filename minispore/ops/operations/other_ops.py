"""MindSpore's ``mindspore.ops.operations.other_ops`` and the state primitives: ``Assign``/``AssignAdd``/
``AssignSub`` (write into a Parameter), ``Depend``, ``StopGradient``."""
from .. import function as F
from ._base import collect, prim

_MEM = (("side_effect_mem", True),)
Assign = prim("Assign", lambda self, variable, value: F.assign(variable, value), hidden=_MEM)
AssignAdd = prim("AssignAdd", lambda self, variable, value: F.assign(variable, F.add(variable, value)), hidden=_MEM)
AssignSub = prim("AssignSub", lambda self, variable, value: F.assign(variable, F.sub(variable, value)), hidden=_MEM)
Depend = prim("Depend", lambda self, value, expr: F.depend(value, expr), hidden=(("side_effect_propagate", 1),))
StopGradient = prim("StopGradient", lambda self, x: F.stop_gradient(x))

# MindSpore's spectral_ops (minispore/ops/operations/spectral_ops.py)
from .spectral_ops import BartlettWindow, BlackmanWindow  # noqa: F401,E402

__all__ = collect(globals())
