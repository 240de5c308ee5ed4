"""``mindspore.train``: checkpoints (and, later, Model, callbacks and metrics)."""
from .serialization import load_checkpoint, load_param_into_net, save_checkpoint
from . import callback, metrics
from .callback import (Callback, CheckpointConfig, EarlyStopping, History, LambdaCallback, LossMonitor,
                       ModelCheckpoint, ReduceLROnPlateau, RunContext, TimeMonitor)
from .callback import BackupAndRestore, LearningRateScheduler
from .metrics import (Accuracy, BleuScore, ConfusionMatrix, ConfusionMatrixMetric, CosineSimilarity, Dice, F1,
                      Fbeta, HausdorffDistance, Loss, MAE, MSE, MeanSurfaceDistance, Metric, OcclusionSensitivity,
                      Perplexity, Precision, ROC, Recall, RootMeanSquareDistance, Top1CategoricalAccuracy,
                      Top5CategoricalAccuracy, TopKCategoricalAccuracy, auc, get_metric_fn, names, rearrange_inputs)
from .model import Model
from .mindir import GraphCell, export, load
from .loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager
from . import amp
from .amp import build_train_network
from ._ckpt_convert import ckpt_to_safetensors, merge_sliced_parameter, safetensors_to_ckpt
