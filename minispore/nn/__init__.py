"""``mindspore.nn``: Cells, layers, losses, optimizers and training wrappers."""
from .cell import Cell
from .layer import *  # noqa: F401,F403
from .layer import get_activation
from .loss import *  # noqa: F401,F403
