"""``Callback``, ``RunContext`` and the callback manager used by ``Model``, as in MindSpore 2.10.

Hook order per run (each ``on_*`` hook of the base class forwards to its legacy alias):
``on_train_begin`` > per epoch: ``on_train_epoch_begin`` > per step: ``on_train_step_begin``,
``on_train_step_end`` > ``on_train_epoch_end`` > ``on_train_end`` (the same with ``on_eval_*`` in eval).
"""
from contextlib import ExitStack
import logging

import numpy as np

from ..._core.tensor import Tensor

logger = logging.getLogger("minispore")


# ---------------------------------------------------------------------- argument checks (MindSpore's messages)
def _check_int(value, rel, arg_name=None):
    """``Validator.check_non_negative_int`` (rel '>=') / ``check_positive_int`` (rel '>')."""
    prefix = f"The '{arg_name}'" if arg_name else "The input value"
    if isinstance(value, bool):
        raise TypeError(f"{prefix} must be int and must {rel} 0, but got '{value}' with type 'bool'.")
    if not isinstance(value, (int, np.integer)):
        raise TypeError(f"{prefix} must be int, but got '{type(value).__name__}'")
    if (rel == ">=" and value < 0) or (rel == ">" and value <= 0):
        raise ValueError(f"{prefix} must be int and must {rel} 0, but got '{value}' with type "
                         f"'{type(value).__name__}'.")
    return int(value)


def _check_non_negative_int(value, arg_name=None):
    return _check_int(value, ">=", arg_name)


def _check_positive_int(value, arg_name=None):
    return _check_int(value, ">", arg_name)


def _check_bool(value, arg_name=None):
    if not isinstance(value, bool):
        name = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"The {name} must be a bool, but got {type(value).__name__}.")
    return value


def _check_value_type(arg_name, value, valid_types):
    valid_types = tuple(valid_types) if isinstance(valid_types, (list, tuple)) else (valid_types,)
    if not isinstance(value, valid_types) or (isinstance(value, bool) and bool not in valid_types):
        names = [t.__name__ for t in valid_types]
        what = f"'{names[0]}'" if len(names) == 1 else f"one of {names}"
        raise TypeError(f"The type of '{arg_name}' should be {what}, but got type '{type(value).__name__}'.")
    return value


# ---------------------------------------------------------------------- Callback
class Callback:
    """Base class of callbacks. Override the ``on_train_*`` / ``on_eval_*`` hooks (or the legacy ``begin``,
    ``epoch_begin``, ``epoch_end``, ``step_begin``, ``step_end``, ``end``, which the ``on_*`` hooks of this base
    class call). Every hook receives a ``RunContext``; ``run_context.original_args()`` is the ``cb_params``
    dict (also readable by attribute: ``cb_params.cur_step_num``), and ``run_context.request_stop()`` stops
    training after the current step. Callbacks are context managers entered for the duration of a run.
    """

    def __enter__(self):
        return self

    def __exit__(self, *err):
        """Release resources here if any."""

    def begin(self, run_context):
        """Legacy alias called by ``on_train_begin`` and ``on_eval_begin``."""

    def epoch_begin(self, run_context):
        """Legacy alias called by ``on_train_epoch_begin`` and ``on_eval_epoch_begin``."""

    def epoch_end(self, run_context):
        """Legacy alias called by ``on_train_epoch_end`` and ``on_eval_epoch_end``."""

    def step_begin(self, run_context):
        """Legacy alias called by ``on_train_step_begin`` and ``on_eval_step_begin``."""

    def step_end(self, run_context):
        """Legacy alias called by ``on_train_step_end`` and ``on_eval_step_end``."""

    def end(self, run_context):
        """Legacy alias called by ``on_train_end`` and ``on_eval_end``."""

    def on_train_begin(self, run_context):
        self.begin(run_context)

    def on_train_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_train_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_train_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_train_step_end(self, run_context):
        self.step_end(run_context)

    def on_train_end(self, run_context):
        self.end(run_context)

    def on_eval_begin(self, run_context):
        self.begin(run_context)

    def on_eval_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_eval_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_eval_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_eval_step_end(self, run_context):
        self.step_end(run_context)

    def on_eval_end(self, run_context):
        self.end(run_context)


_HOOKS = ("begin", "epoch_begin", "epoch_end", "step_begin", "step_end", "end",
          "on_train_begin", "on_train_epoch_begin", "on_train_epoch_end", "on_train_step_begin",
          "on_train_step_end", "on_train_end", "on_eval_begin", "on_eval_epoch_begin", "on_eval_epoch_end",
          "on_eval_step_begin", "on_eval_step_end", "on_eval_end")


class CallbackManager(Callback):
    """Runs a list of callbacks in order (and enters them as context managers)."""

    def __init__(self, callbacks):
        self._callbacks, self._stack = [], None
        if isinstance(callbacks, Callback):
            self._callbacks.append(callbacks)
        elif isinstance(callbacks, list):
            for cb in callbacks:
                if not isinstance(cb, Callback):
                    raise TypeError("When the 'callbacks' is a list, the elements in "
                                    "'callbacks' must be Callback functions.")
                self._callbacks.append(cb)
        elif callbacks is not None:
            raise TypeError("The 'callbacks' is not a Callback or a list of Callback.")

    def __enter__(self):
        if self._stack is None:
            callbacks, self._stack = [], ExitStack().__enter__()
            for callback in self._callbacks:
                target = self._stack.enter_context(callback)
                if not isinstance(target, Callback):
                    logger.warning("Please return 'self' or a Callback as the enter target.")
                    callbacks.append(callback)
                else:
                    callbacks.append(target)
            self._callbacks = callbacks
        return self

    def __exit__(self, *err):
        return self._stack.__exit__(*err)


def _make_dispatch(name):
    def dispatch(self, run_context):
        for cb in self._callbacks:
            getattr(cb, name)(run_context)
    dispatch.__name__ = name
    dispatch.__doc__ = f"Call ``{name}`` of every callback, in order."
    return dispatch


for _name in _HOOKS:
    setattr(CallbackManager, _name, _make_dispatch(_name))
del _name


class InternalCallbackParam(dict):
    """The ``cb_params`` dict; its keys are also attributes."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key, value):
        self[key] = value


class RunContext:
    """Holds the model's run information for callbacks.

    ``original_args()`` returns the ``cb_params`` dict. In training it holds ``train_network``, ``epoch_num``,
    ``batch_num``, ``train_dataset``, ``loss_fn``, ``optimizer``, ``parallel_mode``, ``device_number``,
    ``list_callback``, ``network``, ``mode`` ('train'), ``dataset_sink_mode``, ``cur_epoch_num``,
    ``cur_step_num`` (counted over all epochs), ``train_dataset_element``, ``net_outputs``,
    ``last_save_ckpt_step``, ``latest_ckpt_file``; in eval ``eval_network``, ``valid_dataset``, ``batch_num``,
    ``mode`` ('eval'), ``cur_step_num``, ``eval_dataset_element``, ``net_outputs``, ``metrics`` (at the end).
    ``request_stop()`` asks ``Model.train`` to stop after the current step.
    """

    def __init__(self, original_args):
        if not isinstance(original_args, dict):
            raise TypeError("The argument 'original_args' of RunContext should be dict type, "
                            "but got {}.".format(type(original_args)))
        self._original_args = original_args
        self._stop_requested = False

    def original_args(self):
        return self._original_args

    def request_stop(self):
        self._stop_requested = True

    def get_stop_requested(self):
        return self._stop_requested


def _handle_loss(loss):
    """The loss to report from ``net_outputs``: the first Tensor of a tuple/list (kept a Tensor, as in
    MindSpore), or the mean of a Tensor as a Python float."""
    if isinstance(loss, (tuple, list)):
        if isinstance(loss[0], Tensor) and isinstance(loss[0].asnumpy(), np.ndarray):
            loss = loss[0]
    elif isinstance(loss, Tensor) and isinstance(loss.asnumpy(), np.ndarray):
        loss = float(np.mean(loss.asnumpy()))
    return loss
