"""``Model``: the high-level train / eval / predict API of MindSpore 2.10, run eagerly on NumPy.

``Model(network, loss_fn, optimizer, metrics={'accuracy'})`` builds
``TrainOneStepCell(WithLossCell(network, loss_fn), optimizer)`` for training and
``WithEvalCell(network, loss_fn)`` (outputs ``(loss, logits, label)``) for evaluation, exactly as MindSpore does;
``train`` iterates the dataset (``create_tuple_iterator``) and drives the callbacks with MindSpore's hook order
and ``cb_params`` fields. ``dataset_sink_mode=True`` is accepted and runs the same way as ``False`` (MindSpore
does the same on CPU); ``amp_level``, ``loss_scale_manager`` and ``keep_batchnorm_fp32`` build the train network
with ``amp.build_train_network`` as MindSpore does (also with ``DynamicLossScaleManager``, which MindSpore's CPU
build refuses); ``boost_level`` is accepted and checked but changes nothing.

When stdout is a terminal, ``train`` shows a tqdm progress bar per epoch (see ``callback/_progress.py``).
"""
from collections.abc import Iterable
import copy
import functools
import os

import numpy as np

from .._core.tensor import Tensor
from ..nn.cell import Cell
from .callback._callback import (CallbackManager, InternalCallbackParam, RunContext, _check_bool,
                                 _check_non_negative_int, _check_positive_int, logger)
from .callback._progress import _ProgressBar, progress_enabled
from .metrics import Loss, get_metric_fn, get_metrics

_INTERNAL_CB_NAMES = {"Callback", "LossMonitor", "TimeMonitor", "ModelCheckpoint", "FlopsUtilizationCollector",
                      "SummaryCollector", "CheckpointConfig", "RunContext", "LearningRateScheduler",
                      "SummaryLandscape", "History", "LambdaCallback", "ReduceLROnPlateau", "EarlyStopping",
                      "OnRequestExit", "BackupAndRestore", "TrainFaultTolerance"}
_AMP_LEVELS = ("O0", "O1", "O2", "O3", "auto")


def _nn():
    """``minispore.nn`` (imported lazily: it imports this package)."""
    from .. import nn
    return nn


def _save_final_ckpt(func):
    """Decorator of ``Model._train``: when a ``ModelCheckpoint`` among the callbacks has
    ``CheckpointConfig(exception_save=True)`` and training raises, save the train network as
    ``<prefix>-<epoch>_<step>_breakpoint.ckpt`` in its directory, then re-raise (MindSpore 2.10)."""

    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        from .callback._checkpoint import ModelCheckpoint, _chg_ckpt_file_name_if_same_exist
        callbacks = kwargs.get("callbacks")
        obj = None
        if isinstance(callbacks, ModelCheckpoint):
            obj = callbacks
        elif isinstance(callbacks, list):
            for item in callbacks:
                if isinstance(item, ModelCheckpoint):
                    obj = item
        if not (obj and obj._config and obj._config.exception_save):
            return func(self, *args, **kwargs)
        try:
            return func(self, *args, **kwargs)
        except BaseException:
            from .serialization import save_checkpoint
            prefix = _chg_ckpt_file_name_if_same_exist(obj._directory, obj._exception_prefix, True)
            cur_file = os.path.join(obj._directory, f"{prefix}-{self._current_epoch_num}_"
                                                    f"{self._current_step_num}_breakpoint.ckpt")
            if "epoch_num" in obj._append_dict:
                obj._append_dict["epoch_num"] = obj._append_epoch_num + self._current_epoch_num
            if "step_num" in obj._append_dict:
                obj._append_dict["step_num"] = obj._append_step_num + self._current_step_num
            save_checkpoint(self._train_network, cur_file, obj._config.integrated_save, obj._config.async_save,
                            obj._append_dict or None, obj._config.enc_key, obj._config.enc_mode)
            raise

    return wrapper


def _check_dataset(dataset, method, arg):
    from ..dataset.engine import Dataset
    if not isinstance(dataset, Dataset):
        raise TypeError(f"For 'Model.{method}', the argument '{arg}' must be a minispore.dataset Dataset (for "
                        f"example NumpySlicesDataset(...).batch(32)), but got {type(dataset).__name__}.")


def _transfer_tensor_to_tuple(inputs):
    return (inputs,) if isinstance(inputs, Tensor) else inputs


def _check_is_int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"The input value must be int, but got '{type(value).__name__}'")
    return value


class Model:
    """High-level training and evaluation.

    Args:
        network (Cell): the network (the backbone when ``loss_fn`` is given).
        loss_fn (Cell): the loss; with it each dataset row must be ``(data, label)``. Without it, ``network``
            is trained as is (it must return the loss) and gets every column of a row.
        optimizer (Optimizer): updates the weights; without it ``train`` only runs the forward pass.
        metrics (Union[dict, set]): ``{'accuracy', 'loss'}`` (names from ``metrics.names()``) or
            ``{'acc': Accuracy()}``; needed by ``eval``.
        eval_network (Cell): the evaluation network; by default ``WithEvalCell(network, loss_fn)``.
        eval_indexes (list): 3 indexes into the eval network's outputs: loss, prediction, label.
        amp_level (str): mixed precision, 'O0'...'O3' or 'auto' (see ``mindspore.amp``). Default 'O0'.
        boost_level (str): accepted ('O0'...'O2'); it changes nothing in minispore.
        kwargs: ``loss_scale_manager``, ``keep_batchnorm_fp32``, ``boost_config_dict``, ``acc_level``.
    """

    def __init__(self, network, loss_fn=None, optimizer=None, metrics=None, eval_network=None, eval_indexes=None,
                 amp_level="O0", boost_level="O0", **kwargs):
        if loss_fn is not None and not callable(loss_fn):
            raise TypeError(f"For 'Model', 'loss_fn' must be a loss Cell or a callable, but got "
                            f"{type(loss_fn).__name__} ({loss_fn!r}).")
        if optimizer is not None and not callable(optimizer):
            raise TypeError(f"For 'Model', 'optimizer' must be an optimizer Cell, but got {type(optimizer).__name__}.")
        self._network = network
        self._loss_fn = loss_fn
        self._optimizer = optimizer
        self._loss_scale_manager = None
        self._loss_scale_manager_set = False
        self._keep_bn_fp32 = None
        for arg in kwargs:
            if arg not in ['loss_scale_manager', 'keep_batchnorm_fp32', 'boost_config_dict', 'acc_level']:
                raise ValueError(f"The argument in 'kwargs' should be 'loss_scale_manager' or "
                                 f"'keep_batchnorm_fp32' or 'boost_config_dict' or 'acc_level', but got '{arg}'.")
        self._amp_level = amp_level
        self._boost_level = kwargs.get('acc_level', boost_level)
        self._eval_network = eval_network
        if 'keep_batchnorm_fp32' in kwargs:
            self._keep_bn_fp32 = kwargs['keep_batchnorm_fp32']
        if 'loss_scale_manager' in kwargs:
            self._loss_scale_manager = kwargs['loss_scale_manager']
            self._loss_scale_manager_set = True
        self._parallel_mode = "stand_alone"
        self._device_number = 1
        self._parameter_broadcast = False
        self._metrics = metrics
        if optimizer is None and amp_level != "O0":
            raise ValueError(
                "Auto mixed precision will not work because 'optimizer' is None.Please set amp_level='O0' "
                "to disable auto mixed precision or set 'optimizer' not be None to use auto mixed precision.")
        if amp_level not in _AMP_LEVELS:
            raise ValueError(f"The amp level {amp_level!r} is not supported, it should be one of "
                             f"{list(_AMP_LEVELS)}.")
        self._train_network = self._build_train_network()
        self._build_eval_network(metrics, self._eval_network, eval_indexes)
        self._predict_network = self._network
        self._current_epoch_num = 0
        self._current_step_num = 0
        self.epoch_iter = 0
        self._backbone_is_train = True
        self.batch_num = -1
        self._initial_step = None

    # ------------------------------------------------------------------ building
    def _build_train_network(self):
        network = self._network
        if not isinstance(network, Cell):
            raise TypeError(f"The type of 'network' should be 'Cell', but got type '{type(network).__name__}'.")
        if self._loss_scale_manager is not None and self._optimizer is None:
            raise ValueError("The argument 'optimizer' can not be None when set 'loss_scale_manager'.")
        if self._optimizer:
            amp_config = {}
            if self._loss_scale_manager_set:
                amp_config['loss_scale_manager'] = self._loss_scale_manager
            if self._keep_bn_fp32 is not None:
                amp_config['keep_batchnorm_fp32'] = self._keep_bn_fp32
            if self._amp_level != "O0" or amp_config:
                # mixed precision (amp.build_train_network); MindSpore's CPU build refuses a loss scale manager
                # with an update cell (DynamicLossScaleManager, and level O2's default), minispore trains with it
                from . import amp
                return amp.build_train_network(network, self._optimizer, self._loss_fn, level=self._amp_level,
                                               boost_level=self._boost_level, **amp_config)
            if self._loss_fn:
                network = _nn().WithLossCell(network, self._loss_fn)
            network = _nn().TrainOneStepCell(network, self._optimizer).set_train()
        elif self._loss_fn:
            network = _nn().WithLossCell(network, self._loss_fn)
        return network

    def _build_eval_network(self, metrics, eval_network, eval_indexes):
        self._metric_fns = get_metrics(metrics)
        self._eval_indexes = None
        self._default_eval_network = False
        if not self._metric_fns:
            return
        if eval_network is not None:
            if eval_indexes is not None and not (isinstance(eval_indexes, list) and len(eval_indexes) == 3):
                raise ValueError("The argument 'eval_indexes' must be a list or None. If 'eval_indexes' is a list, "
                                 "length of it must be three. But got 'eval_indexes' {}".format(eval_indexes))
            self._eval_network = eval_network
            self._eval_indexes = eval_indexes
        else:
            if self._loss_fn is None:
                raise ValueError("If `metrics` is set, `eval_network` must not be None. Do not set `metrics` if you"
                                 " don't want an evaluation.\n"
                                 "If evaluation is required, you need to specify `eval_network`, which will be used in"
                                 " the framework to evaluate the model.\n"
                                 "For the simple scenarios with one data, one label and one logits, `eval_network` is"
                                 " optional, and then you can set `eval_network` or `loss_fn`. For the latter case,"
                                 " framework will automatically build an evaluation network with `network` and"
                                 " `loss_fn`.")
            self._eval_network = _nn().WithEvalCell(
                self._network, self._loss_fn, self._amp_level in ["O2", "O3", "auto"])
            self._eval_indexes = [0, 1, 2]
            self._default_eval_network = True

    # ------------------------------------------------------------------ metrics
    def _clear_metrics(self):
        for metric in self._metric_fns.values():
            metric.clear()

    def _update_metrics(self, outputs):
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        if isinstance(outputs, list):
            outputs = tuple(outputs)
        if not isinstance(outputs, tuple):
            raise ValueError(f"The argument 'outputs' should be tuple, but got {type(outputs)}.")
        if self._eval_indexes is not None and len(outputs) < 3:
            raise ValueError("The length of 'outputs' must be >= 3, but got {}".format(len(outputs)))
        for metric in self._metric_fns.values():
            if self._eval_indexes is None:
                metric.update(*outputs)
            elif isinstance(metric, Loss):
                metric.update(outputs[self._eval_indexes[0]])
            else:
                metric.update(outputs[self._eval_indexes[1]], outputs[self._eval_indexes[2]])

    def _get_metrics(self):
        # NumPy float scalars become Python floats (equal values): MindSpore returns numpy.float64, which
        # NumPy >= 2 prints as "np.float64(0.9)"; as floats, ``print(model.eval(ds))`` shows
        # "{'accuracy': 0.9}" as MindSpore (on NumPy 1.x) does.
        metrics = {}
        for key, metric in self._metric_fns.items():
            value = metric.eval()
            metrics[key] = float(value) if isinstance(value, np.floating) else value
        return metrics

    # ------------------------------------------------------------------ helpers
    def _check_network_mode(self, network, is_train):
        if self._backbone_is_train != is_train:
            network.set_train(is_train)
            self._backbone_is_train = is_train
        if not is_train:
            network.set_grad(False)
        return network

    def _exec_preprocess(self, is_train, dataset, epoch_num=1):
        network = self._train_network if is_train else self._eval_network
        iterator = dataset.create_tuple_iterator(num_epochs=epoch_num)
        network.set_train(is_train)
        network.phase = 'train' if is_train else 'eval'
        self._backbone_is_train = is_train
        return iterator, network

    @staticmethod
    def _transform_callbacks(callbacks):
        if callbacks is None:
            return []
        if isinstance(callbacks, Iterable):
            return list(callbacks)
        return [callbacks]

    @staticmethod
    def _check_methods_for_custom_callbacks(callbacks, current_mode):
        old_names = {'begin', 'end', 'epoch_begin', 'epoch_end', 'step_begin', 'step_end'}
        if not isinstance(callbacks, list):
            callbacks = [callbacks]
        for cb in callbacks:
            cb_name = cb.__class__.__name__
            if cb_name in _INTERNAL_CB_NAMES:
                continue
            invalid = set(cb.__class__.__dict__.keys()) & old_names
            if invalid:
                msg = ("For %s callback, %s methods may not be supported in later version, Use methods prefixed "
                       "with 'on_train' or 'on_eval' instead when using customized callbacks." % (cb_name, invalid))
                if current_mode in ("train", "eval"):
                    logger.warning(msg)
                else:
                    raise ValueError(msg)

    @staticmethod
    def _should_eval(epoch, validation_freq):
        return epoch % validation_freq == 0 if isinstance(validation_freq, int) else epoch in validation_freq

    @staticmethod
    def _check_train_args(name, epoch, train_dataset, dataset_sink_mode, sink_size, initial_epoch):
        _check_dataset(train_dataset, name, "train_dataset")
        _check_bool(dataset_sink_mode)
        _check_is_int(sink_size)
        _check_positive_int(epoch)
        _check_non_negative_int(initial_epoch)
        if initial_epoch >= epoch:
            raise ValueError(f"For 'Model.{name}', the parameter 'epoch' must bigger than parameter 'initial_epoch',"
                             f" but got the parameter 'epoch' is {epoch}, 'initial_epoch' is {initial_epoch}.")
        dataset_size = train_dataset.get_dataset_size()
        if dataset_size == 0:
            raise ValueError("There is no valid data in dataset, please check dataset file firstly.")
        if sink_size == -1:
            sink_size = dataset_size
        if sink_size < -1 or sink_size == 0:
            what = "argument" if name == "train" else "parameter"
            raise ValueError(f"For 'Model.{name}', The {what} 'sink_size' must be -1 or positive, "
                             f"but got {sink_size}.")
        return sink_size

    # ------------------------------------------------------------------ train
    def train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Train for ``epoch`` epochs (counting from ``initial_epoch``) over ``train_dataset``.

        Each row of the dataset is passed to the train network: ``(data, label)`` when ``loss_fn`` is set.
        ``callbacks`` is a Callback or a list of them. ``dataset_sink_mode`` / ``sink_size`` are accepted and the
        data is fed step by step either way (as MindSpore on CPU); with ``dataset_sink_mode=True`` and
        ``sink_size > 0``, ``cb_params.batch_num`` is ``sink_size``, as in MindSpore.
        """
        sink_size = self._check_train_args("train", epoch, train_dataset, dataset_sink_mode, sink_size,
                                           initial_epoch)
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "train")
        self._train(epoch, train_dataset, callbacks=callbacks, dataset_sink_mode=dataset_sink_mode,
                    sink_size=sink_size, initial_epoch=initial_epoch)

    def fit(self, epoch, train_dataset, valid_dataset=None, valid_frequency=1, callbacks=None,
            dataset_sink_mode=False, valid_dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Train, evaluating on ``valid_dataset`` every ``valid_frequency`` epochs (an int, or a list of epochs).

        After each evaluation ``cb_params.metrics`` holds the metrics and ``cb_params.eval_results`` the metrics
        plus ``'eval_loss'`` (what ``EarlyStopping`` / ``ReduceLROnPlateau`` monitor); LossMonitor prints
        ``Eval result: epoch N, metrics: {...}``. Custom callbacks must use the ``on_train_*`` / ``on_eval_*``
        hooks (legacy names raise ValueError, as in MindSpore).
        """
        _check_bool(valid_dataset_sink_mode)
        sink_size = self._check_train_args("fit", epoch, train_dataset, dataset_sink_mode, sink_size,
                                           initial_epoch)
        if not isinstance(valid_frequency, (int, list)):
            raise TypeError(f"For 'Model.fit', the type of 'valid_frequency' must be a list or an integer, but got "
                            f"type {type(valid_frequency)}.")
        if valid_dataset is not None:
            _check_dataset(valid_dataset, "fit", "valid_dataset")
        if valid_dataset and not self._metric_fns:
            raise ValueError("For 'Model.fit', if valid_dataset is not None, the model argument 'metrics' can not be"
                             "None or empty, you should set the argument 'metrics' for model.")
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "fit")
        self._train(epoch, train_dataset, callbacks=callbacks, dataset_sink_mode=dataset_sink_mode,
                    sink_size=sink_size, initial_epoch=initial_epoch, valid_dataset=valid_dataset,
                    valid_frequency=valid_frequency, valid_dataset_sink_mode=valid_dataset_sink_mode)

    @_save_final_ckpt
    def _train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=True, sink_size=-1, initial_epoch=0,
               valid_dataset=None, valid_frequency=1, valid_dataset_sink_mode=True, initial_step=0):
        cb_params = InternalCallbackParam()
        cb_params.cur_step_num = initial_step
        cb_params.train_network = self._train_network
        cb_params.epoch_num = epoch - initial_epoch
        if dataset_sink_mode and sink_size > 0:
            cb_params.batch_num = sink_size
        else:
            cb_params.batch_num = train_dataset.get_dataset_size()
        self.batch_num = cb_params.batch_num
        cb_params.mode = "train"
        cb_params.loss_fn = self._loss_fn
        cb_params.optimizer = self._optimizer
        cb_params.parallel_mode = self._parallel_mode
        cb_params.device_number = self._device_number
        cb_params.train_dataset = train_dataset
        cb_params.list_callback = self._transform_callbacks(callbacks)
        valid_infos = (valid_dataset, valid_frequency, valid_dataset_sink_mode)
        cb_params.train_dataset_element = None
        cb_params.network = self._network
        cb_params.last_save_ckpt_step = None
        cb_params.latest_ckpt_file = None
        cb_params.loss_scale_mananger = self._loss_scale_manager   # (sic: MindSpore's key)
        cb_params.initial_step = self._initial_step
        run_list = list(cb_params.list_callback)
        if progress_enabled():
            run_list.insert(0, _ProgressBar(epoch))
        with CallbackManager(run_list) as list_callback:
            self._train_process(epoch, train_dataset, list_callback, cb_params, initial_epoch, valid_infos)

    def _train_process(self, epoch, train_dataset, list_callback, cb_params, initial_epoch, valid_infos):
        iterator, _ = self._exec_preprocess(True, train_dataset, epoch_num=epoch)
        cb_params.dataset_sink_mode = False
        run_context = RunContext(cb_params)
        list_callback.on_train_begin(run_context)
        for i in range(initial_epoch, epoch):
            cb_params.cur_epoch_num = i + 1
            self._current_epoch_num = cb_params.cur_epoch_num
            self._current_step_num = 0
            list_callback.on_train_epoch_begin(run_context)
            for next_element in iterator:
                len_element = len(next_element)
                next_element = _transfer_tensor_to_tuple(next_element)
                if self._loss_fn and len_element != 2:
                    raise ValueError("When 'loss_fn' is not None, 'train_dataset' should return "
                                     "two elements, but got {}, please check the number of elements "
                                     "returned by 'train_dataset'".format(len_element))
                cb_params.cur_step_num += 1
                self._current_step_num = int((cb_params.cur_step_num - 1) % cb_params.batch_num + 1)
                cb_params.train_dataset_element = next_element
                list_callback.on_train_step_begin(run_context)
                self._check_network_mode(self._train_network, True)
                outputs = self._train_network(*next_element)
                cb_params.net_outputs = outputs
                list_callback.on_train_step_end(run_context)
                if run_context.get_stop_requested():
                    break
            self._eval_during_train(valid_infos, cb_params, list_callback)
            list_callback.on_train_epoch_end(run_context)
            cb_params.pop("metrics", None)
            cb_params.pop("eval_results", None)
            if run_context.get_stop_requested():
                break
        list_callback.on_train_end(run_context)

    def _eval_during_train(self, valid_infos, cb_params, list_callback):
        valid_dataset, valid_frequency, _ = valid_infos
        if not (valid_dataset and self._should_eval(cb_params.cur_epoch_num, valid_frequency)):
            return
        saved = {k: cb_params.get(k) for k in ("cur_step_num", "batch_num", "dataset_sink_mode", "net_outputs")}
        # MindSpore's rule (the user's callbacks and TimeMonitor), minus minispore's own progress bar
        eval_callback = [cb for cb in list_callback._callbacks if not isinstance(cb, _ProgressBar) and (
            cb.__class__.__name__ not in _INTERNAL_CB_NAMES or cb.__class__.__name__ == "TimeMonitor")]
        cb_params.eval_network = self._eval_network
        cb_params.valid_dataset = valid_dataset
        cb_params.batch_num = valid_dataset.get_dataset_size()
        cb_params.mode = "eval"
        cb_params.cur_step_num = 0
        self._clear_metrics()
        with CallbackManager(eval_callback) as eval_list:
            self._eval_process(valid_dataset, eval_list, cb_params, add_eval_loss=True)
        cb_params.mode = "train"
        cb_params.update(saved)

    # ------------------------------------------------------------------ eval
    def _eval_process(self, valid_dataset, list_callback, cb_params, add_eval_loss=False):
        run_context = RunContext(cb_params)
        cb_params.dataset_sink_mode = False
        list_callback.on_eval_begin(run_context)
        iterator, _ = self._exec_preprocess(False, valid_dataset)
        list_callback.on_eval_epoch_begin(run_context)
        eval_loss_fn = get_metric_fn("loss") if add_eval_loss else None
        for next_element in iterator:
            cb_params.cur_step_num += 1
            next_element = _transfer_tensor_to_tuple(next_element)
            if self._default_eval_network and len(next_element) != 2:
                raise ValueError(f"The evaluation network built from 'network' and 'loss_fn' (WithEvalCell) takes "
                                 f"two columns (data, label), but the dataset gives {len(next_element)} column(s) "
                                 f"{valid_dataset.get_col_names()}; give a dataset of (data, label) rows or an "
                                 f"'eval_network' that takes these columns.")
            cb_params.eval_dataset_element = next_element
            list_callback.on_eval_step_begin(run_context)
            self._check_network_mode(self._eval_network, False)
            outputs = self._eval_network(*next_element)
            cb_params.net_outputs = outputs
            list_callback.on_eval_step_end(run_context)
            self._update_metrics(outputs)
            if add_eval_loss:
                eval_loss_fn.update(outputs[self._eval_indexes[0]] if self._eval_indexes else outputs[0])
            if run_context.get_stop_requested():
                break
        list_callback.on_eval_epoch_end(run_context)
        metrics = self._get_metrics()
        cb_params.metrics = metrics
        if add_eval_loss:
            cb_params.eval_results = copy.deepcopy(metrics)
            cb_params.eval_results.update({"eval_loss": eval_loss_fn.eval()})
        list_callback.on_eval_end(run_context)
        return metrics

    def eval(self, valid_dataset, callbacks=None, dataset_sink_mode=False):
        """Evaluate the metrics over ``valid_dataset``: returns ``{name: value}``, e.g. ``{'accuracy': 0.9}``."""
        _check_bool(dataset_sink_mode)
        _check_dataset(valid_dataset, "eval", "valid_dataset")
        if not self._metric_fns:
            raise ValueError("For Model.eval, the model argument 'metrics' can not be None or empty, "
                             "you should set the argument 'metrics' for model.")
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "eval")
        cb_params = InternalCallbackParam()
        cb_params.eval_network = self._eval_network
        cb_params.valid_dataset = valid_dataset
        cb_params.batch_num = valid_dataset.get_dataset_size()
        cb_params.mode = "eval"
        cb_params.cur_step_num = 0
        cb_params.list_callback = self._transform_callbacks(callbacks)
        cb_params.network = self._network
        self._clear_metrics()
        with CallbackManager(callbacks) as list_callback:
            return self._eval_process(valid_dataset, list_callback, cb_params)

    # ------------------------------------------------------------------ predict
    def predict(self, *predict_data, backend=None, config=None):
        """Run the network (in inference mode) on ``predict_data`` and return its output."""
        if backend not in ['lite', None]:
            raise ValueError(f"For Model.predict, `backend` should be 'lite' or None, but got {backend}")
        self._check_network_mode(self._predict_network, False)
        for item in predict_data:
            if item is None:
                continue
            if isinstance(item, Tensor):
                if item.size == 0:
                    raise ValueError("The input data can not be empty.")
                continue
            if not isinstance(item, (int, float, str)):
                data_class_str = "Tensor, None, int, float, str"
                raise TypeError(f'The types of input data must be in the Union({data_class_str}, '
                                f'tuple[{data_class_str}], list[{data_class_str}], dict[{data_class_str}]), '
                                f'but got type {type(item).__name__}.')
        return self._predict_network(*predict_data)

    def build(self, train_dataset=None, valid_dataset=None, sink_size=-1, epoch=1, sink_mode=True):
        """Nothing to compile in minispore: accepted for compatibility."""
        if not train_dataset and not valid_dataset:
            raise ValueError("The argument 'train_dataset' and 'valid_dataset' can not both be None or empty.")

    @property
    def train_network(self):
        """The train network (``TrainOneStepCell`` when ``optimizer`` is given)."""
        return self._train_network

    @property
    def predict_network(self):
        """The network used by ``predict`` (the network given to the Model)."""
        return self._predict_network

    @property
    def eval_network(self):
        """The evaluation network (``WithEvalCell`` unless one was given)."""
        return self._eval_network


__all__ = ["Model"]
