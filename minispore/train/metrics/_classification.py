"""Classification metrics: Accuracy, Precision, Recall, Fbeta/F1, TopK/Top1/Top5 categorical accuracy,
ConfusionMatrix. Values, result types and error messages follow MindSpore 2.10."""
import sys

import numpy as np

from ._metric import EvaluationBase, Metric, _check_onehot_data, _check_value_type, rearrange_inputs

_EPS = sys.float_info.min


def _check_n_inputs(name, inputs, n=2):
    if len(inputs) != n:
        raise ValueError(f"For '{name}.update', it needs 2 inputs (predicted value, true value), "
                         f"but got {len(inputs)}.")


def _check_class_num(metric, name, y_pred, suffix="."):
    if metric._class_num == 0:
        metric._class_num = y_pred.shape[1]
    elif y_pred.shape[1] != metric._class_num:
        raise ValueError("For '{}.update', class number not match, last input predicted data contain {} "
                         "classes, but current predicted data contain {} classes, please check your predicted "
                         "value(inputs[0]){}".format(name, metric._class_num, y_pred.shape[1], suffix))


class Accuracy(EvaluationBase):
    """Fraction of correct predictions. ``update(y_pred, y)``: y_pred (N, C, ...) scores, y (N, ...) class
    indices or one-hot (N, C, ...); with ``eval_type='multilabel'`` both are 0/1 of the same shape."""

    def __init__(self, eval_type='classification'):
        super().__init__(eval_type)
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._total_num = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'Accuracy.update', it needs 2 inputs (predicted value, true value), "
                             "but got {}".format(len(inputs)))
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if self._type == 'classification' and y_pred.ndim == y.ndim and _check_onehot_data(y):
            y = y.argmax(axis=1)
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        if self._class_num == 0:
            self._class_num = y_pred.shape[1]
        elif y_pred.shape[1] != self._class_num:
            raise ValueError("For 'Accuracy.update', class number not match, last input predicted data contain {} "
                             "classes, but current predicted data contain {} classes, please check your predicted "
                             "value(inputs[0]).".format(self._class_num, y_pred.shape[1]))
        if self._type == 'classification':
            result = (np.equal(y_pred.argmax(axis=1), y) * 1).reshape(-1)
        else:
            last = y_pred.ndim - 1
            y_pred = y_pred.swapaxes(1, last).reshape(-1, self._class_num)
            y = y.swapaxes(1, last).reshape(-1, self._class_num)
            result = np.equal(y_pred, y).all(axis=1) * 1
        self._correct_num += result.sum()
        self._total_num += result.shape[0]

    def eval(self):
        if self._total_num == 0:
            raise RuntimeError("The 'Accuracy' can not be calculated, because the number of samples is 0, "
                               "please check whether your inputs(predicted value, true value) are empty, "
                               "or has called update method before calling eval method.")
        return self._correct_num / self._total_num


class _PrecisionRecall(EvaluationBase):
    """Shared code of Precision and Recall; ``_denominator`` picks predicted or actual positives."""
    _name = ""
    _pred_side = True

    def __init__(self, eval_type='classification'):
        super().__init__(eval_type)
        self.eps = _EPS
        self.clear()

    def clear(self):
        self._class_num = 0
        if self._type == "multilabel":
            self._true_positives = np.empty(0)
            self._denom = np.empty(0)
            self._true_positives_average = 0
            self._denom_average = 0
        else:
            self._true_positives = 0
            self._denom = 0

    @rearrange_inputs
    def update(self, *inputs):
        name = self._name
        _check_n_inputs(name, inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if self._type == 'classification' and y_pred.ndim == y.ndim and _check_onehot_data(y):
            y = y.argmax(axis=1)
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        _check_class_num(self, name, y_pred, "" if name == "Precision" else ".")
        class_num = self._class_num
        if self._type == "classification":
            if y.max() + 1 > class_num:
                if name == "Precision":
                    raise ValueError("For 'Precision.update', predicted value (input[0]) should have the same "
                                     "classes number as true value (input[1]), but got predicted value classes {}, "
                                     "true value classes {}.".format(class_num, y.max() + 1))
                raise ValueError("For 'Recall.update', predicted value (input[0]) should have the same classes "
                                 "number as true value (input[1]), but got predicted value classes {}, true value "
                                 "classes {}.".format(class_num, y.max() + 1))
            y = np.eye(class_num)[y.reshape(-1)]
            y_pred = np.eye(class_num)[y_pred.argmax(axis=1).reshape(-1)]
        else:
            y_pred = y_pred.swapaxes(1, 0).reshape(class_num, -1)
            y = y.swapaxes(1, 0).reshape(class_num, -1)
        denom = (y_pred if self._pred_side else y).sum(axis=0)
        true_positives = (y * y_pred).sum(axis=0)
        if self._type == "multilabel":
            self._true_positives_average += np.sum(true_positives / (denom + self.eps))
            self._denom_average += len(denom)
            self._true_positives = np.concatenate((self._true_positives, true_positives), axis=0)
            self._denom = np.concatenate((self._denom, denom), axis=0)
        else:
            self._true_positives += true_positives
            self._denom += denom

    def eval(self, average=False):
        if self._class_num == 0:
            if self._name == "Precision":
                raise RuntimeError("The 'Precision' can not be calculated, because the number of samples is 0, "
                                   "please check whether your inputs (predicted value, true value) are empty, or "
                                   "has called update method before calling eval method.")
            raise RuntimeError("The 'Recall' can not be calculated, because the number of samples is 0, please "
                               "check whether your inputs (predicted value, true value) are empty, or has called "
                               "update method before calling eval method.")
        _check_value_type("average", average, [bool], type(self).__name__)
        result = self._true_positives / (self._denom + self.eps)
        if average:
            if self._type == "multilabel":
                result = self._true_positives_average / (self._denom_average + self.eps)
            return result.mean()
        return result


class Precision(_PrecisionRecall):
    """Per-class precision TP / (TP + FP) as a float64 array; ``eval(average=True)`` gives the mean."""
    _name = "Precision"
    _pred_side = True


class Recall(_PrecisionRecall):
    """Per-class recall TP / (TP + FN) as a float64 array; ``eval(average=True)`` gives the mean."""
    _name = "Recall"
    _pred_side = False


class Fbeta(Metric):
    """Per-class F-beta score ``(1+b^2) TP / (b^2 (TP+FN) + TP + FP)``; ``eval(average=True)`` gives the mean."""

    def __init__(self, beta):
        super().__init__()
        self.eps = _EPS
        if not beta > 0:
            raise ValueError("For 'Fbeta', the argument 'beta' must be greater than 0, but got {}.".format(beta))
        self.beta = beta
        self.clear()

    def clear(self):
        self._true_positives = 0
        self._actual_positives = 0
        self._positives = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        _check_n_inputs("Fbeta", inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if y_pred.ndim == y.ndim and _check_onehot_data(y):
            y = y.argmax(axis=1)
        if self._class_num == 0:
            self._class_num = y_pred.shape[1]
        elif y_pred.shape[1] != self._class_num:
            raise ValueError("For 'Fbeta.update', class number not match, last input predicted data contain {} "
                             "classes, but current predicted data contain {} classes, please check your "
                             "predicted value(inputs[0]).".format(self._class_num, y_pred.shape[1]))
        class_num = self._class_num
        if y.max() + 1 > class_num:
            raise ValueError("For 'Fbeta.update', predicted value(inputs[0]) and true value(inputs[1]) "
                             "should contain same classes, but got predicted value contains {} classes"
                             " and true value contains {} classes.".format(class_num, y.max() + 1))
        y = np.eye(class_num)[y.reshape(-1)]
        y_pred = np.eye(class_num)[y_pred.argmax(axis=1).reshape(-1)]
        self._true_positives += (y * y_pred).sum(axis=0)
        self._positives += y_pred.sum(axis=0)
        self._actual_positives += y.sum(axis=0)

    def eval(self, average=False):
        _check_value_type("average", average, [bool], type(self).__name__)
        if self._class_num == 0:
            raise RuntimeError("The 'Fbeta' can not be calculated, because the number of samples is 0, "
                               "please check whether your inputs(predicted value, true value) are empty, "
                               "or has called update method before calling eval method.")
        b2 = self.beta ** 2
        fbeta = (1.0 + b2) * self._true_positives / (b2 * self._actual_positives + self._positives + self.eps)
        if average:
            return fbeta.mean()
        return fbeta


class F1(Fbeta):
    """``Fbeta(1.0)``."""

    def __init__(self):
        super().__init__(1.0)


class TopKCategoricalAccuracy(Metric):
    """Fraction of samples whose true class is among the ``k`` highest scores."""

    def __init__(self, k):
        super().__init__()
        if not isinstance(k, int):
            raise TypeError("For 'TopKCategoricalAccuracy', the type of "
                            "the argument 'k' should be int, but got 'k' type: {}.".format(type(k)))
        if k < 1:
            raise ValueError("For 'TopKCategoricalAccuracy', "
                             "the argument 'k' must be at least 1, but got 'k' value: {}.".format(k))
        self.k = k
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'TopKCategoricalAccuracy.update', "
                             "it needs 2 inputs (predicted value, true value), "
                             "but got 'inputs' size: {}.".format(len(inputs)))
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if y_pred.ndim == y.ndim and _check_onehot_data(y):
            y = y.argmax(axis=1)
        indices = np.argsort(-y_pred, axis=1)[:, :self.k]
        repeated_y = y.reshape(-1, 1).repeat(self.k, axis=1)
        correct = np.equal(indices, repeated_y).sum(axis=1)
        self._correct_num += correct.sum()
        self._samples_num += repeated_y.shape[0]

    def eval(self):
        if self._samples_num == 0:
            raise RuntimeError("The 'TopKCategoricalAccuracy' "
                               "can not be calculated, because the number of samples is 0, "
                               "please check whether your inputs (predicted value, true value) are empty, "
                               "or has called update method before calling eval method.")
        return self._correct_num / self._samples_num


class Top1CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(1)``."""

    def __init__(self):
        super().__init__(1)


class Top5CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(5)``."""

    def __init__(self):
        super().__init__(5)


class ConfusionMatrix(Metric):
    """Confusion matrix (rows: true class, columns: predicted), optionally normalized by 'target',
    'prediction' or 'all'."""

    def __init__(self, num_classes, normalize="no_norm", threshold=0.5):
        super().__init__()
        self.num_classes = _check_value_type("num_classes", num_classes, [int])
        if normalize not in ["target", "prediction", "all", "no_norm"]:
            raise ValueError("For 'ConfusionMatrix', the argument 'normalize' must be in "
                             "['all', 'prediction', 'label', 'no_norm'(None)], but got {}.".format(normalize))
        self.normalize = normalize
        self.threshold = _check_value_type("threshold", threshold, [float])
        self.clear()

    def clear(self):
        self.confusion_matrix = np.zeros((self.num_classes, self.num_classes))
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        _check_n_inputs("ConfusionMatrix", inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if not (y_pred.ndim == y.ndim or y_pred.ndim == y.ndim + 1):
            raise ValueError(f"For 'ConfusionMatrix.update', predicted value (input[0]) and true value "
                             f"(input[1]) should have same dimensions, or the dimension of predicted value "
                             f"equals the dimension of true value add 1, but got predicted value ndim: "
                             f"{y_pred.ndim}, true value ndim: {y.ndim}.")
        if y_pred.ndim == y.ndim + 1:
            y_pred = np.argmax(y_pred, axis=1)
        if y_pred.ndim == y.ndim and y_pred.dtype in (np.float16, np.float32, np.float64):
            y_pred = (y_pred >= self.threshold).astype(int)
        trans = (y.reshape(-1) * self.num_classes + y_pred.reshape(-1)).astype(int)
        counts = np.bincount(trans, minlength=self.num_classes ** 2)
        self.confusion_matrix += counts.reshape(self.num_classes, self.num_classes)
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        cm = self.confusion_matrix.astype(float)
        if self.normalize == "no_norm":
            return cm
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.normalize == "target":
                matrix = cm / cm.sum(axis=1, keepdims=True)
            elif self.normalize == "prediction":
                matrix = cm / cm.sum(axis=0, keepdims=True)
            else:
                matrix = cm / cm.sum()
        matrix[np.isnan(matrix)] = 0
        return matrix
