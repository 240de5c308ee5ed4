"""minispore.train.metrics against NumPy references and values recorded with MindSpore 2.10."""
import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
from minispore import nn
from minispore import train as mt
from minispore.train import (MAE, MSE, ROC, Accuracy, ConfusionMatrix, CosineSimilarity, Dice, F1, Fbeta, Loss,
                             Metric, Perplexity, Precision, Recall, Top1CategoricalAccuracy,
                             Top5CategoricalAccuracy, TopKCategoricalAccuracy, auc)

T = ms.Tensor
P = np.array([[0.1, 0.6, 0.3], [0.7, 0.2, 0.1], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3], [0.5, 0.1, 0.4]], np.float32)
L = np.array([1, 0, 1, 2, 0], np.int32)
ML_P = np.array([[1, 0, 1], [0, 1, 1], [1, 1, 0], [0, 0, 1]], np.float32)
ML_Y = np.array([[1, 0, 0], [0, 1, 1], [1, 0, 0], [0, 1, 1]], np.float32)


def np_confusion(pred, y, c):
    m = np.zeros((c, c))
    for a, b in zip(y, pred):
        m[a, b] += 1
    return m


# ---------------------------------------------------------------------- NumPy references
def test_classification_metrics_match_numpy():
    rng = np.random.default_rng(5)
    logits = rng.standard_normal((40, 5)).astype(np.float32)
    y = rng.integers(0, 5, 40).astype(np.int32)
    pred = logits.argmax(1)
    cm = np_confusion(pred, y, 5)
    tp = np.diag(cm)
    eps = np.finfo(np.float64).tiny
    acc = Accuracy()
    acc.update(T(logits[:25]), T(y[:25]))
    acc.update(T(logits[25:]), T(y[25:]))
    assert acc.eval() == pytest.approx(np.mean(pred == y))
    prec, rec, f1 = Precision(), Recall(), F1()
    for m in (prec, rec, f1):
        m.update(T(logits), T(y))
    np.testing.assert_allclose(prec.eval(), tp / (cm.sum(0) + eps))
    np.testing.assert_allclose(rec.eval(), tp / (cm.sum(1) + eps))
    np.testing.assert_allclose(f1.eval(), 2 * tp / (cm.sum(0) + cm.sum(1) + eps))
    assert prec.eval(average=True) == pytest.approx(np.mean(tp / (cm.sum(0) + eps)))
    top3 = TopKCategoricalAccuracy(3)
    top3.update(logits, y)
    ranks = (logits > logits[np.arange(40), y][:, None]).sum(1)
    assert top3.eval() == pytest.approx(np.mean(ranks < 3))
    assert Top1CategoricalAccuracy()(logits, y) == pytest.approx(np.mean(pred == y))
    assert Top5CategoricalAccuracy()(logits, y) == 1.0
    np.testing.assert_array_equal(ConfusionMatrix(5)(logits, y), cm)


def test_regression_metrics_match_numpy():
    rng = np.random.default_rng(6)
    a = rng.standard_normal((6, 3)).astype(np.float32)
    b = rng.standard_normal((6, 3)).astype(np.float32)
    mae, mse = MAE(), MSE()
    for m in (mae, mse):
        m.update(T(a[:4]), T(b[:4]))
        m.update(T(a[4:]), T(b[4:]))
    assert mae.eval() == pytest.approx(np.abs(a - b).sum() / 6, rel=1e-6)
    assert mse.eval() == pytest.approx(((a - b) ** 2).sum() / 6, rel=1e-6)
    assert type(mae.eval()) is np.float64 and type(mse.eval()) is np.float64
    loss = Loss()
    for v in (1.0, 2.0, np.array([3.0, 5.0])):
        loss.update(T(np.asarray(v, np.float32)))
    assert loss.eval() == pytest.approx((1 + 2 + 4) / 3) and type(loss.eval()) is np.float64


def test_accuracy_result_type_and_onehot_labels():
    r = Accuracy()(T(P), T(L))
    assert r == pytest.approx(0.6) and type(r) is np.float64
    assert Accuracy()(P, np.eye(3, dtype=np.float32)[L]) == pytest.approx(0.6)
    assert Accuracy()(P.tolist(), L.tolist()) == pytest.approx(0.6)


# ---------------------------------------------------------------------- values recorded with MindSpore 2.10
def test_values_recorded_with_mindspore():
    assert Accuracy('multilabel')(ML_P, ML_Y) == 0.25
    m = Precision('multilabel')
    m.update(ML_P, ML_Y)
    np.testing.assert_allclose(m.eval(), [0.5, 1., 0.5, 1.])
    assert m.eval(True) == pytest.approx(0.75)
    m = Recall('multilabel')
    m.update(ML_P, ML_Y)
    np.testing.assert_allclose(m.eval(), [1., 1., 1., 0.5])
    assert m.eval(True) == pytest.approx(0.875)
    m = Fbeta(0.5)
    m.update(P, L)
    np.testing.assert_allclose(m.eval(), [1., 0.5, 0.])
    assert m.eval(True) == pytest.approx(0.5)
    assert TopKCategoricalAccuracy(2)(P, L) == pytest.approx(0.6)
    assert Perplexity()(P, L) == pytest.approx(2.3984237354603173, rel=1e-6)
    assert Perplexity(ignore_label=0)(P, L) == pytest.approx(3.02853437433459, rel=1e-6)
    assert Dice()(ML_P, ML_Y) == pytest.approx(0.19230754437881203)
    np.testing.assert_allclose(CosineSimilarity()(ML_P), [[0., 0.5, 0.5, 0.70710677], [0.5, 0., 0.5, 0.70710677],
                                                          [0.5, 0.5, 0., 0.], [0.70710677, 0.70710677, 0., 0.]],
                               rtol=1e-6)
    np.testing.assert_allclose(CosineSimilarity(reduction='mean', similarity='dot')(ML_P), [0.75, 0.75, 0.5, 0.5])
    np.testing.assert_array_equal(ConfusionMatrix(3)(P, L), [[2., 0., 0.], [0., 1., 1.], [0., 1., 0.]])
    np.testing.assert_array_equal(ConfusionMatrix(3, 'target')(P, L), [[1., 0., 0.], [0., .5, .5], [0., 1., 0.]])
    np.testing.assert_array_equal(ConfusionMatrix(2)(np.array([0.2, 0.7, 0.9, 0.4]), np.array([0, 1, 0, 1])),
                                  [[1., 1.], [1., 1.]])
    assert MAE()(T(P[:, :2]), T(P[:, 1:])) == pytest.approx(0.5400000095367432)
    m = Accuracy()
    m.set_indexes([1, 0])
    m.update(L, P)
    assert m.eval() == pytest.approx(0.6)


def test_roc_and_auc_recorded_with_mindspore():
    m = ROC(class_num=4)
    x = np.array([[0.28, 0.55, 0.15, 0.05], [0.10, 0.20, 0.05, 0.05], [0.20, 0.05, 0.15, 0.05],
                  [0.05, 0.05, 0.05, 0.75]], np.float32)
    m.update(x, np.array([0, 1, 2, 3]))
    fpr, tpr, thr = m.eval()
    np.testing.assert_allclose(fpr[0], [0., 0., 1 / 3, 2 / 3, 1.])
    np.testing.assert_allclose(tpr[1], [0., 0., 1., 1.])
    np.testing.assert_allclose(thr[3], [1.75, 0.75, 0.05], rtol=1e-6)
    m = ROC(pos_label=2)
    m.update(np.array([0., 1, 2, 3]), np.array([0, 1, 2, 2]))
    fpr, tpr, thr = m.eval()
    np.testing.assert_allclose(fpr, [0., 0., 0., 0.5, 1.])
    np.testing.assert_allclose(tpr, [0., 0.5, 1., 1., 1.])
    np.testing.assert_allclose(thr, [4., 3., 2., 1., 0.])
    assert auc(fpr, tpr) == 1.0
    assert auc(np.array([0., 1., 2.]), np.array([0., 1., 0.])) == pytest.approx(1.0)


# ---------------------------------------------------------------------- errors (class and message as MindSpore)
@pytest.mark.parametrize("make, message", [
    (Accuracy, "The 'Accuracy' can not be calculated, because the number of samples is 0, please check whether "
               "your inputs(predicted value, true value) are empty, or has called update method before calling "
               "eval method."),
    (Precision, "The 'Precision' can not be calculated, because the number of samples is 0, please check whether "
                "your inputs (predicted value, true value) are empty, or has called update method before calling "
                "eval method."),
    (Recall, "The 'Recall' can not be calculated, because the number of samples is 0, please check whether your "
             "inputs (predicted value, true value) are empty, or has called update method before calling eval "
             "method."),
    (F1, "The 'Fbeta' can not be calculated, because the number of samples is 0, please check whether your "
         "inputs(predicted value, true value) are empty, or has called update method before calling eval method."),
    (Loss, "The 'Loss' can not be calculated, because the number of samples is 0, please check whether has "
           "called update method before calling eval method."),
    (MAE, "The 'MAE' can not be calculated, because the number of samples is 0, please check whether your "
          "inputs(predicted value, true value) are empty, or has called update method before calling eval method."),
    (MSE, "The 'MSE' can not be calculated, because the number of samples is 0, please check whether your "
          "inputs(predicted value, true value) are empty, or has called update method before calling eval method."),
    (Top1CategoricalAccuracy, "The 'TopKCategoricalAccuracy' can not be calculated, because the number of samples "
                              "is 0, please check whether your inputs (predicted value, true value) are empty, or "
                              "has called update method before calling eval method."),
    (Dice, "The 'Dice coefficient' can not be calculated, because the number of samples is 0, please check whether "
           "your inputs(predicted value, true value) are empty, or has called update method before calling eval "
           "method."),
    (Perplexity, "The 'Perplexity' can not be calculated, because the number of samples is 0, please check whether "
                 "the update method has been called before calling eval method."),
    (lambda: ConfusionMatrix(3), "Please call the 'update' method before calling 'eval' method."),
    (ROC, "Please call the 'update' method before calling 'eval' method."),
    (CosineSimilarity, "Please call the 'update' method before calling 'eval' method."),
])
def test_eval_before_update_errors(make, message):
    m = make()
    m.clear()
    with pytest.raises(RuntimeError) as info:
        m.eval()
    assert str(info.value) == message


def test_argument_errors():
    with pytest.raises(TypeError, match="The argument 'eval_type' must be in"):
        Accuracy('x')
    with pytest.raises(ValueError, match=r"^For 'TopKCategoricalAccuracy', the argument 'k' must be at least 1, "
                                         r"but got 'k' value: 0\.$"):
        TopKCategoricalAccuracy(0)
    with pytest.raises(TypeError, match="the type of the argument 'k' should be int"):
        TopKCategoricalAccuracy(1.0)
    with pytest.raises(ValueError, match=r"^For 'Accuracy.update', it needs 2 inputs \(predicted value, true "
                                         r"value\), but got 1$"):
        Accuracy().update(P)
    with pytest.raises(TypeError, match=r"the input data type must be tensor, list or numpy.ndarray, but got "
                                        r"<class 'int'>\."):
        Accuracy().update(1, 2)
    with pytest.raises(ValueError, match="In classification case, y_pred \\(predicted value\\) shape and y"):
        Precision().update(np.zeros((2, 3)), np.zeros((3,)))
    m = Precision()
    m.update(np.eye(3), np.arange(3))
    with pytest.raises(TypeError, match=r"^For 'Precision', the type of 'average' should be 'bool', but got type "
                                        r"'int'\.$"):
        m.eval(average=1)
    with pytest.raises(ValueError, match="the dimension of your input \\(loss\\) must be 1, but got 2"):
        Loss()(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="the argument 'beta' must be greater than 0"):
        Fbeta(0)


# ---------------------------------------------------------------------- names / factory
def test_names_and_factory():
    assert mt.names() == ["F1", "acc", "accuracy", "auc", "bleu_score", "confusion_matrix",
                          "confusion_matrix_metric", "cosine_similarity", "dice", "hausdorff_distance", "loss", "mae",
                          "mean_surface_distance", "mse", "occlusion_sensitivity", "perplexity", "precision",
                          "recall", "roc", "root_mean_square_distance", "top_1_accuracy", "top_5_accuracy", "topk"]
    assert isinstance(mt.get_metric_fn("acc"), Accuracy)
    assert mt.get_metric_fn("topk", 3).k == 3
    with pytest.raises(KeyError, match="unsupported metric xx"):
        mt.get_metric_fn("xx")
    from minispore.train.metrics import get_metrics
    assert get_metrics(None) is None
    got = get_metrics({"accuracy", "loss"})
    assert isinstance(got["accuracy"], Accuracy) and isinstance(got["loss"], Loss)
    with pytest.raises(TypeError, match="the key in 'metrics' must be string"):
        get_metrics({"a": 1})
    with pytest.raises(NotImplementedError):
        mt.get_metric_fn("hausdorff_distance")


def test_custom_metric_subclass_works_in_model():
    class Count(Metric):
        def __init__(self):
            super().__init__()
            self.clear()

        def clear(self):
            self.n = 0

        def update(self, *inputs):
            self.n += inputs[1].shape[0]

        def eval(self):
            return self.n

    data = ds.NumpySlicesDataset({"data": P, "label": L}, shuffle=False).batch(2)
    model = mt.Model(nn.Dense(3, 3), nn.CrossEntropyLoss(), metrics={"n": Count(), "acc": Accuracy()})
    res = model.eval(data)
    assert res["n"] == 5 and 0 <= res["acc"] <= 1
    with pytest.raises(TypeError):
        Metric()
