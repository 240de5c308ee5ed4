"""``mindspore.nn``: Cells, layers, losses, optimizers, learning-rate schedules and training wrappers."""
from .cell import Cell
from .layer import *  # noqa: F401,F403
from .layer import get_activation
from .loss import *  # noqa: F401,F403
from .optim import *  # noqa: F401,F403
from .learning_rate_schedule import *  # noqa: F401,F403
from .dynamic_lr import *  # noqa: F401,F403
from .wrap import *  # noqa: F401,F403

from .._dropin import module_getattr as _module_getattr  # noqa: E402
_getattr = _module_getattr(__name__)


# MindSpore's nn re-exports the metrics of mindspore.train (nn.Accuracy, nn.Loss, nn.MAE ...): imported on first use
_METRICS = ("Accuracy", "BleuScore", "ConfusionMatrix", "ConfusionMatrixMetric", "CosineSimilarity", "Dice", "F1",
            "Fbeta", "HausdorffDistance", "Loss", "MAE", "MSE", "MeanSurfaceDistance", "Metric", "OcclusionSensitivity",
            "Perplexity", "Precision", "ROC", "Recall", "RootMeanSquareDistance", "Top1CategoricalAccuracy",
            "Top5CategoricalAccuracy", "TopKCategoricalAccuracy", "auc", "get_metric_fn", "names", "rearrange_inputs")


def __getattr__(name):
    if name in _METRICS:
        from ..train import metrics
        return getattr(metrics, name)
    if name in ("Jvp", "Vjp"):
        from . import grad
        return getattr(grad, name)
    if name == "GraphCell":     # defined with mindspore.load (minispore/train/mindir.py), imported on first use
        from ..train.mindir import GraphCell
        return GraphCell
    return _getattr(name)
