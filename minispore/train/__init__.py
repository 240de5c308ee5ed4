"""``mindspore.train``: checkpoints (and, later, Model, callbacks and metrics)."""
from .serialization import load_checkpoint, load_param_into_net, save_checkpoint
