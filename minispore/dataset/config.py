"""Global settings of the dataset engine (``mindspore.dataset.config``).

The engine has a random generator of its own, used for sample shuffling, ``Dataset.shuffle`` and the random
transforms. ``set_seed`` (or ``minispore.set_seed``, which calls :func:`_seed_from_global`) resets it, so the
whole sequence of epochs that follows is reproducible.

Deviation from MindSpore: in MindSpore, with a seed set, every *new* iterator replays the same shuffle order;
here each new epoch (new iterator, ``for`` loop or ``repeat``) draws a fresh order from the seeded generator, so
training epochs are reshuffled while a run stays reproducible from ``set_seed``.
"""
import numpy as np

from ..common import seed as _global_seed

_DEFAULT_SEED = 5489          # what MindSpore's get_seed() answers when no seed was set
_seed = None
_rng = np.random.default_rng()
_num_parallel_workers = 8
_prefetch_size = 16


def _check_seed(seed, op):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) <= 2 ** 32 - 1:
        raise ValueError(f"For '{op}', the seed must be an int in [0, 4294967295], but got {seed!r}.")
    return int(seed)


def set_seed(seed):
    """Seed the dataset engine's generator (shuffling and random transforms)."""
    global _seed, _rng
    _seed = _check_seed(seed, "set_seed")
    _rng = np.random.default_rng(_seed)


def get_seed():
    """The seed set by :func:`set_seed` (MindSpore's default 5489 when none was set)."""
    return _DEFAULT_SEED if _seed is None else _seed


def _seed_from_global(seed):
    """Called by ``minispore.set_seed``: the dataset engine follows the global seed, as in MindSpore."""
    set_seed(seed)


_global_seed.on_seed(_seed_from_global)


def _epoch_rng():
    """A generator for one epoch of one pipeline node, drawn from the global one."""
    return np.random.default_rng(int(_rng.integers(0, 2 ** 63 - 1)))


def _eager_rng():
    """The generator used by random transforms called directly on an array."""
    return _rng


def set_num_parallel_workers(num):
    """Accepted for compatibility: minispore's pipeline is vectorised in one thread."""
    global _num_parallel_workers
    if isinstance(num, bool) or not isinstance(num, (int, np.integer)) or num <= 0:
        raise ValueError(f"For 'set_num_parallel_workers', num must be a positive int, but got {num!r}.")
    _num_parallel_workers = int(num)


def check_dataset_dir(dataset_dir, op):
    """A data set source's ``dataset_dir``: a path to an existing folder (MindSpore's messages), as a str."""
    import os
    if not isinstance(dataset_dir, (str, os.PathLike)):
        raise TypeError(f"For '{op}', dataset_dir must be a path, but got {dataset_dir!r}.")
    dataset_dir = os.fspath(dataset_dir)
    if not os.path.isdir(dataset_dir):
        raise ValueError(f"The folder {dataset_dir} does not exist or is not a directory or permission denied!")
    return dataset_dir


def check_num_parallel_workers(num, op):
    """MindSpore's bounds for a ``num_parallel_workers`` argument: an int in [1, the CPU count] (None: default)."""
    if num is None:
        return None
    import os
    cpus = os.cpu_count() or 1
    if isinstance(num, bool) or not isinstance(num, (int, np.integer)):
        raise TypeError(f"For '{op}', num_parallel_workers must be an int, but got {type(num).__name__}.")
    if not 1 <= num <= cpus:
        raise ValueError(f"For '{op}', num_parallel_workers exceeds the boundary between 1 and {cpus}: got {num}.")
    return int(num)


def get_num_parallel_workers():
    return _num_parallel_workers


def set_prefetch_size(size):
    """Accepted for compatibility (there is no prefetch queue)."""
    global _prefetch_size
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size <= 0:
        raise ValueError(f"For 'set_prefetch_size', size must be a positive int, but got {size!r}.")
    _prefetch_size = int(size)


def get_prefetch_size():
    return _prefetch_size


# ---------------------------------------------------------------- the other settings of MindSpore's dataset.config
# minispore's pipeline runs in one process and thread, so these are stored and read back (with MindSpore's
# defaults, checks and messages) and change nothing.
import enum  # noqa: E402

_INT32_MAX = 2147483647


class ErrorSamplesMode(enum.IntEnum):
    """What the pipeline does with a sample whose transform fails (only RETURN, the error, is implemented)."""
    RETURN = 0
    REPLACE = 1
    SKIP = 2

    def __str__(self):      # its number, as MindSpore's (an IntEnum) prints on Python 3.11+, on every Python
        return str(int(self))


_settings = {"numa_enable": False, "callback_timeout": 60, "monitor_sampling_interval": 1000,
             "auto_num_workers": False, "enable_shared_mem": True, "sending_batches": 0, "auto_offload": False,
             "enable_autotune": False, "autotune_interval": 0, "enable_watchdog": True,
             "multiprocessing_timeout_interval": 300, "error_samples_mode": ErrorSamplesMode.RETURN,
             "debug_mode": False, "fast_recovery": True, "iterator_mode": {"do_copy": False, "parallel_convert": False},
             "multiprocessing_start_method": "fork", "dynamic_shape": False, "video_backend": "CPU"}


def _bool(value, message):
    if not isinstance(value, bool):
        raise TypeError(message)
    return value


def _int(value, message):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(message)
    return int(value)


def set_numa_enable(numa_enable):
    _settings["numa_enable"] = _bool(numa_enable, "numa_enable must be a boolean dtype.")


def get_numa_enable():
    return _settings["numa_enable"]


def set_callback_timeout(timeout):
    timeout = _int(timeout, "timeout isn't of type int.")
    if not 0 < timeout <= _INT32_MAX:
        raise ValueError("Timeout given is not within the required range.")
    _settings["callback_timeout"] = timeout


def get_callback_timeout():
    return _settings["callback_timeout"]


def set_monitor_sampling_interval(interval):
    interval = _int(interval, "interval isn't of type int.")
    if not 0 < interval <= _INT32_MAX:
        raise ValueError("Interval given is not within the required range (0, INT32_MAX(2147483647)].")
    _settings["monitor_sampling_interval"] = interval


def get_monitor_sampling_interval():
    return _settings["monitor_sampling_interval"]


def set_auto_num_workers(enable):
    _settings["auto_num_workers"] = _bool(enable, "enable must be of type bool.")


def get_auto_num_workers():
    return _settings["auto_num_workers"]


def set_enable_shared_mem(enable):
    _settings["enable_shared_mem"] = _bool(enable, "enable must be of type bool.")


def get_enable_shared_mem():
    return _settings["enable_shared_mem"]


def set_sending_batches(batch_num):
    _settings["sending_batches"] = _int(batch_num, "batch_num must be an int dtype.")


def set_auto_offload(offload):
    _settings["auto_offload"] = _bool(offload, "offload must be a bool dtype")


def get_auto_offload():
    return _settings["auto_offload"]


def set_enable_autotune(enable, filepath_prefix=None):
    _settings["enable_autotune"] = _bool(enable, "enable must be of type bool.")


def get_enable_autotune():
    return _settings["enable_autotune"]


def set_autotune_interval(interval):
    interval = _int(interval, "interval must be of type int.")
    if not 0 <= interval <= _INT32_MAX:
        raise ValueError("Interval given is not within the required range [0, INT32_MAX(2147483647)].")
    _settings["autotune_interval"] = interval


def get_autotune_interval():
    return _settings["autotune_interval"]


def set_enable_watchdog(enable):
    _settings["enable_watchdog"] = _bool(enable, "enable must be a boolean dtype.")


def get_enable_watchdog():
    return _settings["enable_watchdog"]


def set_multiprocessing_timeout_interval(interval):
    interval = _int(interval, "interval isn't of type int.")
    if not 0 < interval < _INT32_MAX:
        raise ValueError("Interval given is not within the required range (0, INT32_MAX(2147483647)).")
    _settings["multiprocessing_timeout_interval"] = interval


def get_multiprocessing_timeout_interval():
    return _settings["multiprocessing_timeout_interval"]


def set_error_samples_mode(error_samples_mode):
    if not isinstance(error_samples_mode, ErrorSamplesMode):
        raise TypeError(f"Argument error_samples_mode with value {error_samples_mode!r} is not of type "
                        f"[{ErrorSamplesMode!r}], but got {type(error_samples_mode)!r}.")
    _settings["error_samples_mode"] = error_samples_mode


def get_error_samples_mode():
    return _settings["error_samples_mode"]


def set_debug_mode(debug_mode_flag, debug_hook_list=None):
    _settings["debug_mode"] = _bool(debug_mode_flag, "debug_mode_flag isn't of type boolean.")


def get_debug_mode():
    return _settings["debug_mode"]


def set_fast_recovery(fast_recovery):
    _settings["fast_recovery"] = _bool(fast_recovery, "fast_recovery must be a boolean dtype.")


def get_fast_recovery():
    return _settings["fast_recovery"]


def set_iterator_mode(do_copy=False, parallel_convert=False):
    for name, value in (("do_copy", do_copy), ("parallel_convert", parallel_convert)):
        if not isinstance(value, bool):
            raise TypeError(f"Argument {name} with value {value!r} is not of type [{bool!r}], but got "
                            f"{type(value)!r}.")
    _settings["iterator_mode"] = {"do_copy": do_copy, "parallel_convert": parallel_convert}


def get_iterator_mode():
    return dict(_settings["iterator_mode"])


def set_multiprocessing_start_method(start_method="fork"):
    if start_method not in ("fork", "spawn"):
        raise ValueError("Input start_method is not within the valid set of ['fork', 'spawn'].")
    _settings["multiprocessing_start_method"] = start_method


def get_multiprocessing_start_method():
    return _settings["multiprocessing_start_method"]


def get_dynamic_shape():
    return _settings["dynamic_shape"]


def get_video_backend():
    return _settings["video_backend"]


def load(file):
    """Read settings from a JSON file of MindSpore's keys (``numWorkers``, ``prefetchSize``, ``seed``,
    ``monitorSamplingInterval``, ``callbackTimeout``)."""
    import json
    import os
    if not os.path.isfile(os.fspath(file)):
        raise RuntimeError(f"Failed to load the config file {file}: it does not exist.")
    with open(file) as f:
        conf = json.load(f)
    setters = {"numParallelWorkers": set_num_parallel_workers, "numWorkers": set_num_parallel_workers,
               "prefetchSize": set_prefetch_size, "seed": set_seed,
               "monitorSamplingInterval": set_monitor_sampling_interval, "callbackTimeout": set_callback_timeout}
    for key, value in conf.items():
        if key in setters:
            setters[key](value)
