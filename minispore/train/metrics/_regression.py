"""Loss, error and similarity metrics: Loss, MAE, MSE, Perplexity, Dice, CosineSimilarity, ROC and ``auc``.
Values, result types and error messages follow MindSpore 2.10."""
import math

import numpy as np

from ._metric import Metric, _binary_clf_curve, _check_value_type, rearrange_inputs


class Loss(Metric):
    """Average of the (per-batch mean) losses given to ``update(loss)``."""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._sum_loss = 0
        self._total_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 1:
            raise ValueError("For 'Loss.update', it needs 1 input (loss), but got {}".format(len(inputs)))
        loss = self._convert_data(inputs[0])
        if loss.ndim == 0:
            loss = loss.reshape(1)
        if loss.ndim != 1:
            raise ValueError("For 'Loss.update', the dimension of your input (loss) must be 1, "
                             "but got {}.".format(loss.ndim))
        # MindSpore (on NumPy 1.x) accumulates into a Python 0, which promotes the float32 mean to float64;
        # the explicit float64 gives the same result on NumPy 2.
        self._sum_loss += np.float64(loss.mean(-1))
        self._total_num += 1

    def eval(self):
        if self._total_num == 0:
            raise RuntimeError("The 'Loss' can not be calculated, because the number of samples is 0, please "
                               "check whether has called update method before calling eval method.")
        return self._sum_loss / self._total_num


class _ErrorMetric(Metric):
    _name = ""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._error_sum = 0
        self._samples_num = 0

    def _error(self, diff):
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For '{}.update', it needs 2 inputs (predicted value, true value), "
                             "but got {}.".format(self._name, len(inputs)))
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        # per-batch sum in the input dtype, accumulated in float64 (MindSpore's result on NumPy 1.x)
        self._error_sum += np.float64(self._error(y.reshape(y_pred.shape) - y_pred).sum())
        self._samples_num += y.shape[0]

    def eval(self):
        if self._samples_num == 0:
            raise RuntimeError("The '{}' can not be calculated, because the number of samples is 0, "
                               "please check whether your inputs(predicted value, true value) are empty, "
                               "or has called update method before calling eval method.".format(self._name))
        return self._error_sum / self._samples_num


class MAE(_ErrorMetric):
    """Mean absolute error: sum |y - y_pred| over all elements divided by the number of samples (axis 0)."""
    _name = "MAE"

    def _error(self, diff):
        return np.abs(diff)


class MSE(_ErrorMetric):
    """Mean squared error: sum (y - y_pred)^2 over all elements divided by the number of samples (axis 0)."""
    _name = "MSE"

    def _error(self, diff):
        return np.power(diff, 2)


class Perplexity(Metric):
    """``exp(-mean(log p[label]))`` of predicted probabilities (..., C) and labels (...)."""

    def __init__(self, ignore_label=None):
        super().__init__()
        self.ignore_label = None if ignore_label is None else _check_value_type("ignore_label", ignore_label, [int])
        self.clear()

    def clear(self):
        self._sum_metric = 0.0
        self._num_inst = 0

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'Perplexity.update', it needs 2 inputs (predicted value, label), but got {}."
                             .format(len(inputs)))
        pred = self._convert_data(inputs[0])
        label = self._convert_data(inputs[1])
        if label.size != pred.size / pred.shape[-1]:
            raise RuntimeError("For 'Perplexity.update', predicted value (input[0]) and label (input[1]) should "
                               "have the same shape, but got predicted value shape {}, label shape {}."
                               .format(pred.shape, label.shape))
        label = label.reshape((label.size,))
        label_expand = np.expand_dims(label.astype(int), axis=1)
        first_indices = np.arange(label_expand.shape[0])[:, None]
        pred = np.squeeze(pred[first_indices, label_expand])
        num = 0
        if self.ignore_label is not None:
            ignore = (label == self.ignore_label).astype(pred.dtype)
            num -= np.sum(ignore)
            pred = pred * (1 - ignore) + ignore
        loss = -np.sum(np.log(np.maximum(1e-10, pred)))
        num += pred.size
        self._sum_metric += loss
        self._num_inst += num

    def eval(self):
        if self._num_inst == 0:
            raise RuntimeError("The 'Perplexity' can not be calculated, because the number of samples is 0, please "
                               "check whether the update method has been called before calling eval method.")
        return math.exp(self._sum_metric / self._num_inst)


class Dice(Metric):
    """Dice coefficient ``2|X.Y| / (|X|^2 + |Y|^2 + smooth)`` averaged over samples."""

    def __init__(self, smooth=1e-5):
        super().__init__()
        if isinstance(smooth, bool) or not isinstance(smooth, float) or not smooth > 0:
            raise ValueError(f"The input value must be float and must > 0, but got '{smooth}' with type "
                             f"'{type(smooth).__name__}'.")
        self.smooth = smooth
        self.clear()

    def clear(self):
        self._dice_coeff_sum = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'Dice.update', it needs 2 inputs (predicted value, true value), "
                             "but got {}.".format(len(inputs)))
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        self._samples_num += y.shape[0]
        if y_pred.shape != y.shape:
            raise ValueError(f"For 'Dice.update', predicted value (input[0]) and true value (input[1]) "
                             f"should have same shape, but got predicted value shape: {y_pred.shape}, "
                             f"true value shape: {y.shape}.")
        a, b = y_pred.flatten(), y.flatten()
        intersection = np.dot(a, b)
        union = np.dot(a, a) + np.dot(b, b)
        self._dice_coeff_sum += 2 * float(intersection) / float(union + self.smooth)

    def eval(self):
        if self._samples_num == 0:
            raise RuntimeError("The 'Dice coefficient' can not be calculated, because the number of samples is 0, "
                               "please check whether your inputs(predicted value, true value) are empty, or has "
                               "called update method before calling eval method.")
        return self._dice_coeff_sum / float(self._samples_num)


class CosineSimilarity(Metric):
    """Pairwise similarity matrix of the rows of ``update``'s input ('cosine' or 'dot'), reduced by
    'none', 'sum' or 'mean' over the last axis."""

    def __init__(self, similarity='cosine', reduction='none', zero_diagonal=True):
        super().__init__()
        _check_value_type("similarity", similarity, [str])
        if similarity not in ('dot', 'cosine'):
            raise ValueError(f"For 'CosineSimilarity', the argument 'similarity' must be in ['dot', 'cosine'], "
                             f"but got {similarity}.")
        _check_value_type("reduction", reduction, [str])
        if reduction not in ('none', 'sum', 'mean'):
            raise ValueError(f"For 'CosineSimilarity', the argument 'reduction' must be in ['none', 'sum', "
                             f"'mean'], but got {reduction}.")
        self.similarity = similarity
        self.reduction = reduction
        self.zero_diagonal = _check_value_type("zero_diagonal", zero_diagonal, [bool])
        self.clear()

    def clear(self):
        self.sqr_mtx_res = 0
        self._is_update = False

    @rearrange_inputs
    def update(self, inputs):
        data = self._convert_data(inputs)
        if self.similarity == 'cosine':
            data = data / np.expand_dims(np.linalg.norm(data, ord=2, axis=1), 1)
        self.sqr_mtx_res = np.dot(data, data.transpose(1, 0))
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        if self.zero_diagonal:
            np.fill_diagonal(self.sqr_mtx_res, 0)
        if self.reduction == 'mean':
            self.sqr_mtx_res = np.mean(self.sqr_mtx_res, axis=-1)
        if self.reduction == 'sum':
            self.sqr_mtx_res = np.sum(self.sqr_mtx_res, axis=-1)
        return self.sqr_mtx_res


def _roc_inputs(y_pred, y, class_num, pos_label):
    if not (y_pred.ndim == y.ndim or y_pred.ndim == y.ndim + 1):
        raise ValueError(f"For 'ROC', predicted value (input[0]) and true value (input[1]) must have same "
                         f"dimensions, or the dimension of predicted value equal the dimension of true value add "
                         f"1, but got predicted value ndim: {y_pred.ndim}, true value ndim: {y.ndim}.")
    if y_pred.ndim == y.ndim:
        if class_num is not None and class_num != 1:
            raise ValueError(f"For 'ROC', when predicted value (input[0]) and true value (input[1]) have the same "
                             f"shape, the 'class_num' must be 1, but got {class_num}.")
        return y_pred.flatten(), y.flatten(), 1, 1 if pos_label is None else pos_label
    if pos_label is not None:
        raise ValueError(f"For 'ROC', when the dimension of predicted value (input[0]) equals the dimension "
                         f"of true value (input[1]) add 1, the 'pos_label' must be None, but got {pos_label}.")
    if class_num != y_pred.shape[1]:
        raise ValueError("For 'ROC', the 'class_num' must equal the number of classes from predicted value "
                         "(input[0]), but got 'class_num' {}, the number of classes from predicted value {}."
                         .format(class_num, y_pred.shape[1]))
    # MindSpore reshapes (N, C) to (C, N) here (a port of torch's transpose), which only works when N == C;
    # minispore keeps the (N, C) layout so any batch size works (identical results when N == C is not claimed).
    return y_pred.reshape(-1, class_num), y.flatten(), class_num, None


class ROC(Metric):
    """Receiver operating characteristic: ``eval()`` returns (fpr, tpr, thresholds), per class (lists) when
    ``class_num`` > 1."""

    def __init__(self, class_num=None, pos_label=None):
        super().__init__()
        self.class_num = class_num if class_num is None else _check_value_type("class_num", class_num, [int])
        self.pos_label = pos_label if pos_label is None else _check_value_type("pos_label", pos_label, [int])
        self.clear()

    def clear(self):
        self.y_pred = 0
        self.y = 0
        self.sample_weights = None
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'ROC.update', it needs 2 inputs (predicted value, true value), but got {}"
                             .format(len(inputs)))
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        self.y_pred, self.y, self.class_num, self.pos_label = _roc_inputs(y_pred, y, self.class_num,
                                                                          self.pos_label)
        self._is_update = True

    def _roc_eval(self, y_pred, y, class_num, pos_label, sample_weights=None):
        if class_num == 1:
            fps, tps, thresholds = _binary_clf_curve(y_pred, y, sample_weights=sample_weights, pos_label=pos_label)
            tps = np.squeeze(np.hstack([np.zeros(1, dtype=tps.dtype), tps]))
            fps = np.squeeze(np.hstack([np.zeros(1, dtype=fps.dtype), fps]))
            thresholds = np.hstack([thresholds[0][None] + 1, thresholds])
            if fps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no negative samples in true value, "
                                 "false positive value is meaningless.")
            if tps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no positive samples in true value, "
                                 "true positive value is meaningless.")
            return fps / fps[-1], tps / tps[-1], thresholds
        fpr, tpr, thresholds = [], [], []
        for c in range(class_num):
            p, t, _, pl = _roc_inputs(y_pred[:, c], y, 1, c)
            res = self._roc_eval(p, t, 1, pl, sample_weights)
            fpr.append(res[0])
            tpr.append(res[1])
            thresholds.append(res[2])
        return fpr, tpr, thresholds

    def eval(self):
        if self._is_update is False:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        return self._roc_eval(np.squeeze(self.y_pred), np.squeeze(self.y), self.class_num, self.pos_label)


def auc(x, y, reorder=False):
    """Area under the curve (x, y) by the trapezoidal rule; ``x`` must be monotonic unless ``reorder``."""
    if not isinstance(x, np.ndarray) or not isinstance(y, np.ndarray):
        raise TypeError("For 'auc', the argument 'x' and 'y' must all be np.ndarray, but got {}, {}"
                        .format(type(x), type(y)))
    lengths = [a.shape[0] if a.ndim else 0 for a in (x, y)]
    if lengths[0] != lengths[1]:
        raise ValueError("Found input variables with inconsistent numbers of samples: {}.".format(lengths))
    x, y = _column_or_1d(x), _column_or_1d(y)
    if x.shape[0] < 2:
        raise ValueError("For 'auc', the shape of the argument 'x' in axis 0 must be greater than 2, "
                         "but got {}.".format(x.shape[0]))
    direction = 1
    if reorder:
        order = np.lexsort((y, x))
        x, y = x[order], y[order]
    else:
        dx = np.diff(x)
        if np.any(dx < 0):
            if np.all(dx <= 0):
                direction = -1
            else:
                raise ValueError("For 'auc', if the argument is False, the argument 'x' array must be increasing "
                                 "or decreasing, but got 'x': {}".format(x))
    trapezoid = getattr(np, 'trapezoid', None) or np.trapz
    return direction * trapezoid(y, x)


def _column_or_1d(y):
    shape = np.shape(y)
    if len(shape) == 1 or (len(shape) == 2 and shape[1] == 1):
        return np.ravel(y)
    raise ValueError("For 'auc', the input must be a 1-dimensional array, or a 2-dimensional array with the second "
                     "dimension of 1, but got shape {}.".format(shape))
