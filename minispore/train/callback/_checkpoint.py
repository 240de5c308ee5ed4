"""``CheckpointConfig`` and ``ModelCheckpoint``: save ``<prefix>-<epoch>_<step>.ckpt`` during training.

File naming, the ``prefix_N`` renaming when files of the prefix already exist, the save policy (every
``save_checkpoint_steps`` steps or ``save_checkpoint_seconds`` seconds, plus once at the end of training) and
the ``keep_checkpoint_max`` pruning follow MindSpore 2.10. No ``-graph.meta`` file is written (MindSpore writes
none in PyNative mode either).
"""
import os
import re
import stat
import time

from ..._core.tensor import Tensor
from ...common.parameter import Parameter
from ._callback import Callback, _check_bool, _check_non_negative_int, logger

_info_list = ["epoch_num", "step_num"]


def _make_directory(path):
    if not isinstance(path, str) or not path.strip():
        raise ValueError(f"For 'ModelCheckpoint', the argument 'directory' must be a non-empty string, "
                         f"but got {path!r}.")
    path = os.path.realpath(os.path.expanduser(path))
    os.makedirs(path, exist_ok=True)
    return path


def _chg_ckpt_file_name_if_same_exist(directory, prefix, exception=False):
    """``prefix`` or ``prefix_N`` (N = 1 + the largest suffix in use) when checkpoints of ``prefix`` exist."""
    if callable(prefix) or callable(directory):
        return prefix
    suffix_num = 0
    pre_len = len(prefix)
    for filename in os.listdir(directory):
        ext = os.path.splitext(filename)[-1]
        if exception and filename[-16:] != "_breakpoint.ckpt":
            continue
        if not exception and (ext not in (".ckpt", ".safetensors") or filename[-16:] == "_breakpoint.ckpt"):
            continue
        if filename.find(prefix) == 0 and len(filename) > pre_len and not filename[pre_len].isalpha():
            index = filename[pre_len:].find("-")
            if index == 0:
                suffix_num = max(suffix_num, 1)
            elif index != -1:
                num = filename[pre_len + 1:pre_len + index]
                if num.isdigit():
                    suffix_num = max(suffix_num, int(num) + 1)
    if suffix_num != 0:
        prefix = f'{prefix}_{suffix_num}'
    return prefix


class CheckpointConfig:
    """Checkpoint policy for ``ModelCheckpoint``.

    Args:
        save_checkpoint_steps (int): save every this many steps (default 1); takes precedence over seconds.
        save_checkpoint_seconds (int): save every this many seconds (used when steps is 0/None).
        keep_checkpoint_max (int): keep at most this many files of the prefix (oldest removed first).
        keep_checkpoint_per_n_minutes (int): otherwise keep one file per this many minutes.
        integrated_save, async_save, enc_key, enc_mode, crc_check, format: passed to ``save_checkpoint``.
        saved_network (Cell): save this network instead of the train network.
        append_info (list): ``'epoch_num'``, ``'step_num'`` and/or one dict of extra values to save.
        exception_save (bool): also save ``<prefix>-<epoch>_<step>_breakpoint.ckpt`` when training raises.
    """

    def __init__(self, save_checkpoint_steps=1, save_checkpoint_seconds=0, keep_checkpoint_max=5,
                 keep_checkpoint_per_n_minutes=0, integrated_save=True, async_save=False, saved_network=None,
                 append_info=None, enc_key=None, enc_mode='AES-GCM', exception_save=False, crc_check=False,
                 remove_redundancy=False, format="ckpt", **kwargs):
        from ...nn.cell import Cell
        if save_checkpoint_steps is not None:
            save_checkpoint_steps = _check_non_negative_int(save_checkpoint_steps)
        if save_checkpoint_seconds is not None:
            save_checkpoint_seconds = _check_non_negative_int(save_checkpoint_seconds)
        if keep_checkpoint_max is not None:
            keep_checkpoint_max = _check_non_negative_int(keep_checkpoint_max)
        if keep_checkpoint_per_n_minutes is not None:
            keep_checkpoint_per_n_minutes = _check_non_negative_int(keep_checkpoint_per_n_minutes)
        if saved_network is not None and not isinstance(saved_network, Cell):
            raise TypeError("For 'CheckpointConfig', the type of 'saved_network' must be None or Cell, "
                            f"but got {str(type(saved_network))}.")
        if not save_checkpoint_steps and not save_checkpoint_seconds and \
                not keep_checkpoint_max and not keep_checkpoint_per_n_minutes:
            raise ValueError("For 'CheckpointConfig', the input arguments 'save_checkpoint_steps', "
                             "'save_checkpoint_seconds', "
                             "'keep_checkpoint_max' and 'keep_checkpoint_per_n_minutes' can't be all None or 0.")
        self.exception_save = _check_bool(exception_save)
        self._save_checkpoint_steps = save_checkpoint_steps
        self._save_checkpoint_seconds = save_checkpoint_seconds
        if self._save_checkpoint_steps and self._save_checkpoint_steps > 0:
            self._save_checkpoint_seconds = None
        self._keep_checkpoint_max = keep_checkpoint_max
        self._keep_checkpoint_per_n_minutes = keep_checkpoint_per_n_minutes
        if self._keep_checkpoint_max and self._keep_checkpoint_max > 0:
            self._keep_checkpoint_per_n_minutes = None
        elif not self._keep_checkpoint_per_n_minutes:
            self._keep_checkpoint_max = 1
        self._integrated_save = _check_bool(integrated_save)
        if not isinstance(async_save, (bool, str)) or (isinstance(async_save, str)
                                                       and async_save not in ("thread", "process")):
            raise TypeError(f"For 'CheckpointConfig', 'async_save' must be bool, 'thread' or 'process', "
                            f"but got {async_save!r}.")
        self._async_save = async_save
        self._saved_network = saved_network
        self._append_dict = self._handle_append_info(append_info)
        if enc_key is not None and not isinstance(enc_key, bytes):
            raise TypeError(f"The type of 'enc_key' should be one of ['NoneType', 'bytes'], "
                            f"but got type '{type(enc_key).__name__}'.")
        self._enc_key = enc_key
        if not isinstance(enc_mode, str):
            raise TypeError(f"The type of 'enc_mode' should be 'str', but got type '{type(enc_mode).__name__}'.")
        self._enc_mode = enc_mode
        self._crc_check = _check_bool(crc_check, "crc_check")
        if not isinstance(format, str):
            raise TypeError(f"The type of 'format' should be 'str', but got type '{type(format).__name__}'.")
        self._format = format
        self._map_param_inc = kwargs.get('incremental', False)
        self.enable_redundance = kwargs.get('enable_redundance', False)
        self.remove_redundancy = _check_bool(remove_redundancy, "remove_redundancy")
        if format == "safetensors" and (enc_key is not None or enc_mode != "AES-GCM" or crc_check or exception_save
                                        or self._map_param_inc):
            raise ValueError("For 'save_checkpoint', when format is 'safetensors', other param must be default.")

    save_checkpoint_steps = property(lambda self: self._save_checkpoint_steps)
    save_checkpoint_seconds = property(lambda self: self._save_checkpoint_seconds)
    keep_checkpoint_max = property(lambda self: self._keep_checkpoint_max)
    keep_checkpoint_per_n_minutes = property(lambda self: self._keep_checkpoint_per_n_minutes)
    integrated_save = property(lambda self: self._integrated_save)
    async_save = property(lambda self: self._async_save)
    saved_network = property(lambda self: self._saved_network)
    enc_key = property(lambda self: self._enc_key)
    enc_mode = property(lambda self: self._enc_mode)
    crc_check = property(lambda self: self._crc_check)
    format = property(lambda self: self._format)
    append_dict = property(lambda self: self._append_dict)
    map_param_inc = property(lambda self: self._map_param_inc)

    def get_checkpoint_policy(self):
        return {'save_checkpoint_steps': self.save_checkpoint_steps,
                'save_checkpoint_seconds': self.save_checkpoint_seconds,
                'keep_checkpoint_max': self.keep_checkpoint_max,
                'keep_checkpoint_per_n_minutes': self.keep_checkpoint_per_n_minutes,
                'saved_network': self.saved_network}

    @staticmethod
    def _handle_append_info(append_info):
        if append_info is None or append_info == []:
            return None
        if not isinstance(append_info, list):
            raise TypeError("For 'CheckpointConfig', the type of 'append_info' must be list,"
                            f"but got {str(type(append_info))}.")
        handled = {}
        if "epoch_num" in append_info:
            handled["epoch_num"] = 0
        if "step_num" in append_info:
            handled["step_num"] = 0
        dict_num = 0
        for element in append_info:
            if not isinstance(element, (str, dict)):
                raise TypeError("For 'CheckpointConfig', the type of 'append_info' element must be str or dict,"
                                f"but got {str(type(element))}.")
            if isinstance(element, str) and element not in _info_list:
                raise ValueError("For 'CheckpointConfig', the value of element in the argument 'append_info' "
                                 f"must be in {_info_list}, but got {element}.")
            if isinstance(element, dict):
                dict_num += 1
                if dict_num > 1:
                    raise TypeError("For 'CheckpointConfig', the element of 'append_info' must has only one dict, "
                                    "but got {dict_num}")
                for key, value in element.items():
                    if isinstance(key, str) and isinstance(value, (int, float, bool, str, Parameter, Tensor)):
                        handled[key] = value
                    else:
                        raise TypeError("For 'CheckpointConfig', the key type of the dict 'append_info' "
                                        "must be string, the value type must be int or float or bool, "
                                        f"but got key type {type(key)}, value type {type(value)}")
        return handled


class CheckpointManager:
    """The checkpoint files of one prefix in a directory, for pruning."""

    def __init__(self, format='ckpt'):
        self._ckpoint_filelist = []
        self._format = format

    @property
    def ckpoint_filelist(self):
        return self._ckpoint_filelist

    @property
    def ckpoint_num(self):
        return len(self._ckpoint_filelist)

    def update_ckpoint_filelist(self, directory, prefix):
        self._ckpoint_filelist = []
        ext = f".{self._format}"
        for filename in os.listdir(directory):
            if os.path.splitext(filename)[-1] == ext and filename.startswith(prefix + "-"):
                mid_name = filename[len(prefix):-len(ext)]
                if not any(ch.isalpha() for ch in mid_name):
                    self._ckpoint_filelist.append(os.path.join(directory, filename))

    def remove_ckpoint_file(self, file_name):
        try:
            os.chmod(file_name, stat.S_IWRITE | stat.S_IREAD)
            os.remove(file_name)
            self._ckpoint_filelist.remove(file_name)
        except OSError:
            logger.warning("OSError, failed to remove the older ckpt file %s.", file_name)
        except ValueError:
            logger.warning("ValueError, failed to remove the older ckpt file %s.", file_name)

    @staticmethod
    def _age_key(path):
        # Oldest first by modification time; files written within the same clock tick are ordered by their
        # <epoch>_<step> numbers (MindSpore sorts by mtime only, which is ambiguous on coarse clocks).
        nums = tuple(int(n) for n in re.findall(r"\d+", os.path.basename(path).rsplit("-", 1)[-1]))
        return os.stat(path).st_mtime_ns, nums

    def _forget_vanished(self):
        """The listed files with their age keys, dropping those that are gone since the listing: data-parallel
        ranks that save into one folder prune the same oldest file, and one of them finds it removed (MindSpore's
        sort by mtime raises FileNotFoundError then, ending the training)."""
        keyed = []
        for path in list(self._ckpoint_filelist):
            try:
                keyed.append((self._age_key(path), path))
            except FileNotFoundError:
                self._ckpoint_filelist.remove(path)
        return keyed

    def remove_oldest_ckpoint_file(self):
        keyed = self._forget_vanished()
        if keyed:
            self.remove_ckpoint_file(min(keyed)[1])

    def keep_one_ckpoint_per_minutes(self, minutes, cur_time):
        del_list = []
        oldest_file = ''
        oldest_time = cur_time
        for (mtime_ns, _), ck_file in self._forget_vanished():
            modify_time = mtime_ns / 1e9
            if cur_time - modify_time < 60 * minutes:
                del_list.append(ck_file)
                if modify_time < oldest_time:
                    oldest_time = modify_time
                    oldest_file = ck_file
        for mv_file in del_list:
            if mv_file != oldest_file:
                self.remove_ckpoint_file(mv_file)


class ModelCheckpoint(Callback):
    """Save checkpoints during training as ``<directory>/<prefix>-<epoch>_<step-in-epoch>.ckpt``.

    Args:
        prefix (Union[str, callable]): file name prefix (default ``'CKP'``); when files of this prefix already
            exist in the directory, ``<prefix>_1``, ``<prefix>_2``, ... is used, as in MindSpore. A callable gets
            ``cb_params`` and returns the whole file stem.
        directory (Union[str, callable]): folder (created if missing; default the working directory).
        config (CheckpointConfig): the save/keep policy (default ``CheckpointConfig()``).
    """

    def __init__(self, prefix='CKP', directory=None, config=None):
        super().__init__()
        self._latest_ckpt_file_name = ""
        self._init_time = time.time()
        self._last_time = time.time()
        self._last_time_for_keep = time.time()
        self._last_triggered_step = 0
        self._prefix_func = None
        self._directory_func = None
        if not callable(prefix) and (not isinstance(prefix, str) or prefix.find('/') >= 0):
            raise ValueError("For 'ModelCheckpoint', the argument 'prefix' "
                             "for checkpoint file name is invalid, it must be "
                             "callable or string that does not contain '/', but got {}.".format(prefix))
        self._prefix = prefix
        self._exception_prefix = prefix
        if directory is not None:
            if callable(directory):
                self._directory_func = directory
                self._directory = None
            else:
                self._directory = _make_directory(directory)
        else:
            self._directory = os.getcwd()
        if callable(prefix):
            self._prefix_func = prefix
        if config is None:
            self._config = CheckpointConfig()
        else:
            if not isinstance(config, CheckpointConfig):
                raise TypeError("For 'ModelCheckpoint', the type of argument 'config' should be "
                                "'CheckpointConfig', "
                                "but got {}.".format(type(config)))
            self._config = config
        self._manager = CheckpointManager(self._config.format)
        if not callable(directory) and not callable(prefix):
            self._prefix = _chg_ckpt_file_name_if_same_exist(self._directory, self._prefix)
        self._append_dict = self._config.append_dict or {}
        self._append_epoch_num = self._append_dict.get("epoch_num", 0)
        self._append_step_num = self._append_dict.get("step_num", 0)

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        if self._prefix_func:
            self._prefix = self._prefix_func(cb_params)
            if not isinstance(self._prefix, str) or self._prefix.find('/') >= 0:
                raise ValueError("For 'ModelCheckpoint', the argument 'prefix' "
                                 "for checkpoint file name is callable, it must return a "
                                 "string that does not contain '/', but got {}.".format(self._prefix))
        if self._directory_func:
            self._directory = _make_directory(self._directory_func(cb_params))
        self._save_ckpt(cb_params)

    def end(self, run_context):
        self._save_ckpt(run_context.original_args(), True)

    def _check_save_ckpt(self, cb_params, force_to_save):
        cfg = self._config
        if cfg.save_checkpoint_steps and cfg.save_checkpoint_steps > 0:
            if cb_params.cur_step_num >= self._last_triggered_step + cfg.save_checkpoint_steps or force_to_save:
                return True
        elif cfg.save_checkpoint_seconds and cfg.save_checkpoint_seconds > 0:
            cur_time = time.time()
            if (cur_time - self._last_time) > cfg.save_checkpoint_seconds or force_to_save:
                self._last_time = cur_time
                return True
        return False

    def _append_dict_content(self, epoch_num, step_num):
        if "epoch_num" in self._append_dict:
            self._append_dict["epoch_num"] = self._append_epoch_num + epoch_num
        if "step_num" in self._append_dict:
            self._append_dict["step_num"] = self._append_step_num + step_num

    def _save_ckpt(self, cb_params, force_to_save=False):
        from ..serialization import save_checkpoint
        if cb_params.cur_step_num == self._last_triggered_step:
            return
        if not self._check_save_ckpt(cb_params, force_to_save):
            return
        cfg = self._config
        step_num_in_epoch = int((cb_params.cur_step_num - 1) % cb_params.batch_num + 1)
        if self._prefix_func:
            cur_ckpoint_file = self._prefix + f".{cfg.format}"
        else:
            cur_ckpoint_file = f"{self._prefix}-{cb_params.cur_epoch_num}_{step_num_in_epoch}.{cfg.format}"
        cur_file = os.path.join(self._directory, cur_ckpoint_file)
        # The files that exist before this save; they are pruned (as MindSpore prunes them) only once the new
        # file is written, so a failed save does not lose a checkpoint.
        self._manager.update_ckpoint_filelist(self._directory, self._prefix)
        if cur_file in self._manager.ckpoint_filelist:      # overwritten below: it becomes the newest file
            self._manager.ckpoint_filelist.remove(cur_file)
        prune_oldest = bool(cfg.keep_checkpoint_max and 0 < cfg.keep_checkpoint_max <= self._manager.ckpoint_num)
        prune_minutes_at = None
        if not prune_oldest and cfg.keep_checkpoint_per_n_minutes and cfg.keep_checkpoint_per_n_minutes > 0:
            cur_time_for_keep = time.time()
            if (cur_time_for_keep - self._last_time_for_keep) < cfg.keep_checkpoint_per_n_minutes * 60:
                prune_minutes_at = cur_time_for_keep
        self._last_time_for_keep = time.time()
        self._last_triggered_step = cb_params.cur_step_num
        self._append_dict_content(cb_params.cur_epoch_num, cb_params.cur_step_num)
        network = cfg.saved_network if cfg.saved_network is not None else cb_params.train_network
        save_checkpoint(network, cur_file, cfg.integrated_save, cfg.async_save, self._append_dict or None,
                        cfg.enc_key, cfg.enc_mode, crc_check=cfg.crc_check, format=cfg.format)
        self._latest_ckpt_file_name = cur_file
        if prune_oldest and self._manager.ckpoint_num:
            self._manager.remove_oldest_ckpoint_file()
        elif prune_minutes_at is not None:
            self._manager.keep_one_ckpoint_per_minutes(cfg.keep_checkpoint_per_n_minutes, prune_minutes_at)

    @property
    def latest_ckpt_file_name(self):
        """The path of the latest checkpoint this callback saved."""
        return self._latest_ckpt_file_name

    @property
    def _get_save_checkpoint_steps(self):
        return self._config.save_checkpoint_steps

    @property
    def _get_last_trigger_step(self):
        return self._last_triggered_step
