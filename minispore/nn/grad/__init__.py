"""``mindspore.nn.grad``: ``Jvp`` and ``Vjp`` as Cells."""
from .cell_grad import Jvp, Vjp

__all__ = ["Jvp", "Vjp"]
