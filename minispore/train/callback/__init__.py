"""``mindspore.train.callback``: callbacks for ``Model.train`` / ``Model.eval`` / ``Model.fit``."""
from ._callback import Callback, RunContext
from ._callback import CallbackManager as _CallbackManager
from ._callback import InternalCallbackParam as _InternalCallbackParam
from ._checkpoint import CheckpointConfig, ModelCheckpoint
from ._checkpoint import CheckpointManager as _CheckpointManager
from ._monitors import History, LambdaCallback, LossMonitor, TimeMonitor
from ._plateau import EarlyStopping, ReduceLROnPlateau
from ._lr_scheduler import LearningRateScheduler
from ._backup_restore import BackupAndRestore

__all__ = ["Callback", "LossMonitor", "TimeMonitor", "ModelCheckpoint", "CheckpointConfig", "RunContext",
           "History", "LambdaCallback", "ReduceLROnPlateau", "EarlyStopping", "LearningRateScheduler",
           "BackupAndRestore"]
