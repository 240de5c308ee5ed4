"""LossMonitor, TimeMonitor, History and LambdaCallback, with MindSpore 2.10's printed formats."""
import time

import numpy as np

from ..._core.tensor import Tensor
from ._callback import Callback, _check_bool, _check_non_negative_int, _check_positive_int, _handle_loss


class LossMonitor(Callback):
    """Print the loss every ``per_print_times`` steps: ``epoch: 1 step: 50, loss is 0.4362862706184387``
    (the step is counted within the epoch). Raises ValueError when the loss is NaN or Inf. In ``Model.fit``
    it also prints ``Eval result: epoch 1, metrics: {...}`` at the end of evaluated epochs.
    ``per_print_times=0`` prints nothing.
    """

    def __init__(self, per_print_times=1):
        super().__init__()
        _check_non_negative_int(per_print_times)
        self._per_print_times = per_print_times
        self._last_print_time = 0

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        cur_epoch_num = cb_params.get("cur_epoch_num", 1)
        loss = _handle_loss(cb_params.net_outputs)
        cur_step_in_epoch = (cb_params.cur_step_num - 1) % cb_params.batch_num + 1
        if isinstance(loss, float) and (np.isnan(loss) or np.isinf(loss)):
            raise ValueError("In epoch: {} step: {}, loss is NAN or INF, training process cannot continue, "
                             "terminating training.".format(cur_epoch_num, cur_step_in_epoch))
        if self._per_print_times != 0 and cb_params.cur_step_num <= self._last_print_time:
            while cb_params.cur_step_num <= self._last_print_time:
                self._last_print_time -= max(self._per_print_times,
                                             cb_params.batch_num if cb_params.get("dataset_sink_mode") else 1)
        if self._per_print_times != 0 and (cb_params.cur_step_num - self._last_print_time) >= self._per_print_times:
            self._last_print_time = cb_params.cur_step_num
            print("epoch: %s step: %s, loss is %s" % (cur_epoch_num, cur_step_in_epoch, loss), flush=True)

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        metrics = cb_params.get("metrics")
        if metrics:
            print("Eval result: epoch %d, metrics: %s" % (cb_params.cur_epoch_num, metrics))


class TimeMonitor(Callback):
    """Print the epoch time at each epoch end: ``Train epoch time: 12.345 ms, per step time: 4.115 ms``
    (``Eval ...`` in evaluation). ``data_size`` is the step count used when ``batch_num`` is unknown;
    ``data_time=True`` appends `` (data time: x ms)``, the average time spent fetching data per step.
    """

    def __init__(self, data_size=None, data_time=False):
        super().__init__()
        self.data_size = data_size
        self.epoch_time = time.time()
        self.data_time = data_time
        self.data_time_sum = 0.0
        self.data_time_start = 0.0
        _check_bool(data_time, "data_time")

    def on_train_step_begin(self, run_context):
        if self.data_time:
            self.data_time_sum += time.time() - self.data_time_start

    def on_train_step_end(self, run_context):
        if self.data_time:
            self.data_time_start = time.time()

    def epoch_begin(self, run_context):
        self.epoch_time = time.time()
        if self.data_time:
            self.data_time_sum = 0.0
            self.data_time_start = time.time()

    def epoch_end(self, run_context):
        epoch_seconds = (time.time() - self.epoch_time) * 1000
        step_size = self.data_size
        cb_params = run_context.original_args()
        mode = cb_params.get("mode", "")
        batch_num = cb_params.get("batch_num")
        if isinstance(batch_num, int) and batch_num > 0:
            step_size = batch_num
        _check_positive_int(step_size)
        step_seconds = epoch_seconds / step_size
        train_log = "{} epoch time: {:5.3f} ms, per step time: {:5.3f} ms".format(
            mode.title(), epoch_seconds, step_seconds)
        if self.data_time:
            train_log += " (data time: {:5.3f} ms)".format(self.data_time_sum * 1000 / step_size)
        print(train_log, flush=True)


class History(Callback):
    """Record ``net_output`` (the loss) and any eval metrics at each epoch end into ``self.history``
    (``{'net_output': [...], 'accuracy': [...]}``); ``self.epoch`` is ``{'epoch': [1, 2, ...]}``."""

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = None

    def begin(self, run_context):
        self.epoch = {"epoch": []}

    def epoch_end(self, run_context):
        cb_params = run_context.original_args()
        epoch = cb_params.get("cur_epoch_num", 1)
        if self.epoch is None:
            self.epoch = {"epoch": []}
        self.epoch.get("epoch").append(epoch)
        net_output = cb_params.get("net_outputs")
        if isinstance(net_output, (tuple, list)):
            if isinstance(net_output[0], Tensor) and isinstance(net_output[0].asnumpy(), np.ndarray):
                net_output = net_output[0]
        if isinstance(net_output, Tensor) and isinstance(net_output.asnumpy(), np.ndarray):
            net_output = np.mean(net_output.asnumpy())
        metrics = cb_params.get("metrics")
        cur_history = {"net_output": net_output}
        if metrics:
            cur_history.update(metrics)
        for k, v in cur_history.items():
            self.history.setdefault(k, []).append(v)


class LambdaCallback(Callback):
    """A callback from plain functions: ``LambdaCallback(on_train_epoch_end=lambda run_context: ...)``."""

    def __init__(self, on_train_epoch_begin=None, on_train_epoch_end=None, on_train_step_begin=None,
                 on_train_step_end=None, on_train_begin=None, on_train_end=None,
                 on_eval_epoch_begin=None, on_eval_epoch_end=None, on_eval_step_begin=None,
                 on_eval_step_end=None, on_eval_begin=None, on_eval_end=None):
        super().__init__()
        given = dict(on_train_epoch_begin=on_train_epoch_begin, on_train_epoch_end=on_train_epoch_end,
                     on_train_step_begin=on_train_step_begin, on_train_step_end=on_train_step_end,
                     on_train_begin=on_train_begin, on_train_end=on_train_end,
                     on_eval_epoch_begin=on_eval_epoch_begin, on_eval_epoch_end=on_eval_epoch_end,
                     on_eval_step_begin=on_eval_step_begin, on_eval_step_end=on_eval_step_end,
                     on_eval_begin=on_eval_begin, on_eval_end=on_eval_end)
        for name, fn in given.items():
            setattr(self, name, fn if fn else (lambda run_context: None))
