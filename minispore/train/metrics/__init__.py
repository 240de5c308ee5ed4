"""``mindspore.train.metrics``: evaluation metrics for ``Model.eval`` (and stand-alone use).

``names()`` lists every name MindSpore 2.10 accepts in ``Model(metrics={...})`` / ``get_metric_fn``. The
segmentation-distance metrics (HausdorffDistance, MeanSurfaceDistance, RootMeanSquareDistance), BleuScore,
OcclusionSensitivity and ConfusionMatrixMetric are not implemented: constructing them raises
NotImplementedError.
"""
from ._metric import Metric, EvaluationBase, rearrange_inputs
from ._classification import (Accuracy, ConfusionMatrix, F1, Fbeta, Precision, Recall, Top1CategoricalAccuracy,
                              Top5CategoricalAccuracy, TopKCategoricalAccuracy)
from ._regression import MAE, MSE, ROC, CosineSimilarity, Dice, Loss, Perplexity, auc


def _not_implemented(cls_name):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"minispore does not implement mindspore.train.{cls_name} yet.")
    return type(cls_name, (Metric,), {"__init__": __init__, "clear": lambda self: None,
                                      "update": lambda self, *inputs: None, "eval": lambda self: None,
                                      "__doc__": f"Not implemented in minispore (MindSpore's {cls_name})."})


HausdorffDistance = _not_implemented("HausdorffDistance")
MeanSurfaceDistance = _not_implemented("MeanSurfaceDistance")
RootMeanSquareDistance = _not_implemented("RootMeanSquareDistance")
BleuScore = _not_implemented("BleuScore")
OcclusionSensitivity = _not_implemented("OcclusionSensitivity")
ConfusionMatrixMetric = _not_implemented("ConfusionMatrixMetric")

__all__ = [
    "names", "get_metric_fn", "get_metrics",
    "Accuracy", "MAE", "MSE", "Metric", "rearrange_inputs", "Precision", "HausdorffDistance", "Recall", "Fbeta",
    "BleuScore", "CosineSimilarity", "OcclusionSensitivity", "F1", "Dice", "ROC", "auc",
    "TopKCategoricalAccuracy", "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss",
    "MeanSurfaceDistance", "RootMeanSquareDistance", "Perplexity", "ConfusionMatrix", "ConfusionMatrixMetric",
]

__factory__ = {
    'accuracy': Accuracy,
    'acc': Accuracy,
    'precision': Precision,
    'recall': Recall,
    'F1': F1,
    'dice': Dice,
    'roc': ROC,
    'auc': auc,
    'bleu_score': BleuScore,
    'cosine_similarity': CosineSimilarity,
    'occlusion_sensitivity': OcclusionSensitivity,
    'topk': TopKCategoricalAccuracy,
    'hausdorff_distance': HausdorffDistance,
    'top_1_accuracy': Top1CategoricalAccuracy,
    'top_5_accuracy': Top5CategoricalAccuracy,
    'mae': MAE,
    'mse': MSE,
    'loss': Loss,
    'mean_surface_distance': MeanSurfaceDistance,
    'root_mean_square_distance': RootMeanSquareDistance,
    'perplexity': Perplexity,
    'confusion_matrix': ConfusionMatrix,
    'confusion_matrix_metric': ConfusionMatrixMetric,
}


def names():
    """The sorted names accepted by ``get_metric_fn`` and by ``Model(metrics={'name', ...})``."""
    return sorted(__factory__.keys())


def get_metric_fn(name, *args, **kwargs):
    """A new metric object from its name (see ``names()``), constructed with ``*args, **kwargs``."""
    if name not in __factory__:
        raise KeyError(f"For 'get_metric_fn', unsupported metric {name}, please refer to official website "
                       f"for more details about supported metrics.")
    return __factory__[name](*args, **kwargs)


def get_metrics(metrics):
    """``{name: Metric}`` from a dict of Metrics (returned as is) or a set of names; None stays None."""
    if metrics is None:
        return metrics
    if isinstance(metrics, dict):
        for name, metric in metrics.items():
            if not isinstance(name, str) or not isinstance(metric, Metric):
                raise TypeError(f"For 'get_metrics', if 'metrics' is dict, the key in 'metrics' must be string and "
                                f"value in 'metrics' must be Metric, but got key:{type(name)}, value:{type(metric)}.")
        return metrics
    if isinstance(metrics, set):
        return {name: get_metric_fn(name) for name in metrics}
    raise TypeError("For 'get_metrics', the argument 'metrics' must be None, dict or set, "
                    "but got {}".format(metrics))
