"""EarlyStopping and ReduceLROnPlateau (single device), as in MindSpore 2.10.

Both watch ``monitor``: ``'loss'`` is the training loss of the last step; any other name is looked up in
``cb_params.eval_results`` (set by ``Model.fit`` when it evaluates: the metrics plus ``'eval_loss'``).
"""
import numpy as np

from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ._callback import (Callback, _check_bool, _check_non_negative_int, _check_value_type, _handle_loss,
                        logger)

_smaller_better_metrics = ['hausdorff_distance', 'mae', 'mse', 'loss', 'perplexity',
                           'mean_surface_distance', 'root_mean_square_distance', 'eval_loss']


def _monitor_value(cb_params, monitor, what):
    candidates = {}
    if monitor == "loss":
        loss = cb_params.get("net_outputs")
        value = _handle_loss(loss)
        if isinstance(value, Tensor):
            value = float(np.mean(value.asnumpy()))
        if isinstance(value, float) and (np.isnan(value) or np.isinf(value)):
            logger.warning("Invalid %s.", monitor)
    else:
        candidates = cb_params.get("eval_results", {})
        value = candidates.get(monitor)
    if value is None:
        logger.warning('%s is conditioned on %s, which is not available. Available choices are: %s',
                       what, monitor, set(["loss"] + list(candidates.keys())))
    if isinstance(value, np.ndarray) and value.shape != ():
        raise ValueError(f"{'EarlyStopping' if what == 'Early stopping' else 'ReduceLROnPlateau'} only supports "
                         f"scalar monitor now.")
    # MindSpore tests the value's truth here, so a monitored value of exactly 0 counts as unavailable.
    return np.array(value) if value else None


class _PlateauBase(Callback):
    def __init__(self, monitor, mode, min_delta):
        super().__init__()
        self.monitor = _check_value_type('monitor', monitor, [str])
        self.mode = _check_value_type('mode', mode, [str])
        self.min_delta = abs(_check_value_type("min_delta", min_delta, [float, int]))
        if self.mode not in ['auto', 'min', 'max']:
            raise ValueError("mode should be 'auto', 'min' or 'max', but got %s." % self.mode)
        if self._smaller_is_better():
            self.is_improvement = lambda a, b: np.less(a, b - self.min_delta)
        else:
            self.is_improvement = lambda a, b: np.greater(a, b + self.min_delta)
        self._reset_best()

    def _smaller_is_better(self):
        return self.mode == 'min' or (self.mode == 'auto' and self.monitor in _smaller_better_metrics)

    def _reset_best(self):
        self.best = np.inf if self._smaller_is_better() else -np.inf


class EarlyStopping(_PlateauBase):
    """Stop training when ``monitor`` has stopped improving for ``patience`` epochs.

    Args:
        monitor (str): 'eval_loss' (default), 'loss' or a metric name of ``Model.fit``'s evaluation.
        min_delta (float): smallest change that counts as an improvement.
        patience (int): epochs without improvement before stopping (0: stop at the first such epoch).
        verbose (bool): print ``Epoch 00003: early stopping`` at the end.
        mode (str): 'auto', 'min' or 'max' ('auto' minimizes losses and errors, maximizes the rest).
        baseline (float): the value to beat before ``wait`` is reset.
        restore_best_weights (bool): load the weights of the best epoch when stopping.
    """

    def __init__(self, monitor='eval_loss', min_delta=0, patience=0, verbose=False, mode='auto', baseline=None,
                 restore_best_weights=False):
        _check_value_type("min_delta", min_delta, [float, int])
        self.patience = _check_non_negative_int(patience)
        self.verbose = _check_bool(verbose)
        # (MindSpore 2.10 stores min_delta as the baseline value when a baseline is given; that looks like a
        # typo, and minispore uses the baseline itself.)
        self.baseline = _check_value_type("baseline", baseline, [float, int]) if baseline else None
        self.restore_best_weights = _check_bool(restore_best_weights)
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights_param_dict = None
        super().__init__(monitor, mode, min_delta)

    def on_train_begin(self, run_context):
        self.wait = 0
        self.stopped_epoch = 0
        self._reset_best()
        self.best_weights_param_dict = None

    @staticmethod
    def _snapshot(network):
        return {name: Parameter(Tensor(p.asnumpy().copy()), name=name, requires_grad=p.requires_grad)
                for name, p in network.parameters_dict().items()}

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        current = _monitor_value(cb_params, self.monitor, "Early stopping")
        if current is None:
            return
        if self.restore_best_weights and self.best_weights_param_dict is None:
            self.best_weights_param_dict = self._snapshot(cb_params.train_network)
        self.wait += 1
        if self.is_improvement(current, self.best):
            self.best = current
            if self.restore_best_weights:
                self.best_weights_param_dict = self._snapshot(cb_params.train_network)
            if self.baseline is None or self.is_improvement(current, self.baseline):
                self.wait = 0
        if self.wait >= self.patience:
            self.stopped_epoch = cb_params.get("cur_epoch_num")
            run_context.request_stop()
            if self.restore_best_weights and self.best_weights_param_dict is not None:
                from ..serialization import load_param_into_net
                if self.verbose:
                    print('Restoring model weights from the end of the best epoch.')
                load_param_into_net(cb_params.train_network, self.best_weights_param_dict)

    def on_train_end(self, run_context):
        if self.stopped_epoch > 0 and self.verbose:
            print('Epoch %05d: early stopping' % self.stopped_epoch)


class ReduceLROnPlateau(_PlateauBase):
    """Multiply the optimizer's learning rate by ``factor`` when ``monitor`` has not improved for ``patience``
    epochs (not below ``min_lr``; then wait ``cooldown`` epochs). The optimizer's ``learning_rate`` must be a
    single (non-dynamic) Parameter."""

    def __init__(self, monitor='eval_loss', factor=0.1, patience=10, verbose=False, mode='auto', min_delta=1e-4,
                 cooldown=0, min_lr=0):
        if isinstance(factor, bool) or not isinstance(factor, float) or not 0.0 < factor < 1.0:
            raise ValueError(f"The input value must be float and must be in range (0.0, 1.0), but got "
                             f"'{factor}' with type '{type(factor).__name__}'.")
        self.factor = factor
        self.patience = _check_non_negative_int(patience)
        self.verbose = _check_bool(verbose)
        self.cooldown = _check_non_negative_int(cooldown)
        self.min_lr = _check_value_type("min_lr", min_lr, [float, int])
        self.cooldown_counter = 0
        self.wait = 0
        super().__init__(monitor, mode, min_delta)

    def on_train_begin(self, run_context):
        self.cooldown_counter = 0
        self.wait = 0
        self._reset_best()

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        cur_lr = getattr(cb_params.optimizer, "learning_rate", None)
        if not isinstance(cur_lr, Parameter):
            raise ValueError("ReduceLROnPlateau does not support dynamic learning rate and group learning rate now.")
        current = _monitor_value(cb_params, self.monitor, "Learning rate reduction")
        if current is None:
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                lr = np.asarray(cur_lr.asnumpy()).reshape(-1)[0]     # a scalar of the lr's dtype (float32)
                if lr > self.min_lr:
                    # computed in the lr's dtype, so verbose prints "0.05" as MindSpore (a Tensor there) does
                    new_lr = max(lr.dtype.type(lr * self.factor), self.min_lr)
                    cur_lr.set_data(Tensor(np.full(cur_lr.shape, new_lr, dtype=lr.dtype)))
                    if self.verbose:
                        print('Epoch %05d: ReduceLROnPlateau reducing learning rate to %s.'
                              % (cb_params.cur_epoch_num, new_lr))
                self.cooldown_counter = self.cooldown
                self.wait = 0
