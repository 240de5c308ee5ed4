"""``mindspore.context``: execution mode and device selection."""
import collections
import os
import warnings

GRAPH_MODE = 0
PYNATIVE_MODE = 1
# jit_syntax_level: how much Python a graph may use. minispore's jit traces any Python (values it cannot trace
# run eagerly, as JIT Fallback does), so the level is stored and read back, and changes nothing.
STRICT = 0
COMPATIBLE = 1
LAX = 2

def _env_device_id():
    """MindSpore reads the device id from the environment (``export DEVICE_ID=k``)."""
    value = os.environ.get("DEVICE_ID", "0")
    try:
        return max(int(value), 0)
    except ValueError:
        return 0


_context = {"mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": _env_device_id(), "max_call_depth": 1000,
            "save_graphs": False, "pynative_synchronize": False, "jit_level": "O0",
            "jit_syntax_level": LAX, "deterministic": "OFF"}


def set_context(**kwargs):
    """Set ``mode`` (``GRAPH_MODE``/``PYNATIVE_MODE``), ``device_target`` (only 'CPU' is available) and
    MindSpore's other context keys (accepted and stored)."""
    for key, value in kwargs.items():
        if key == "mode":
            if value not in (GRAPH_MODE, PYNATIVE_MODE):
                raise ValueError(f"For 'set_context', 'mode' must be GRAPH_MODE (0) or PYNATIVE_MODE (1), "
                                 f"but got {value!r}.")
        elif key == "jit_syntax_level":
            if value not in (STRICT, COMPATIBLE, LAX) or isinstance(value, bool):
                raise ValueError(f"For 'jit_syntax_level', the value should be context.STRICT or context.LAX, but "
                                 f"got {value}.")
        elif key == "deterministic":
            if value not in ("ON", "OFF"):
                raise ValueError(f"For 'context.set_context', the argument 'deterministic' must be one of "
                                 f"['ON', 'OFF'], but got {value}.")
        elif key == "device_target":
            if value not in ("CPU", "GPU", "Ascend"):
                raise ValueError(f"For 'set_context', 'device_target' must be 'CPU', 'GPU' or 'Ascend', "
                                 f"but got {value!r}.")
            if value != "CPU":
                # scripts written for a GPU or Ascend keep running: say once that they run on the CPU here
                warnings.warn(f"minispore runs on the CPU with NumPy; device_target={value!r} is ignored.",
                              stacklevel=2)
                continue
        _context[key] = value


class DeviceInfo(collections.namedtuple("DeviceInfo", ["device_target", "device_id"])):
    """``(device_target, device_id)``, printed as the plain tuple (as MindSpore's is)."""
    __slots__ = ()
    __repr__ = tuple.__repr__


_device_set = []


def set_device(device_target, device_id=None):
    """Choose the device, once per process (MindSpore 2.x's form of ``set_context(device_target=...)``). The CPU
    is the device of this build: 'GPU' and 'Ascend' are accepted, with a warning, and run on the CPU."""
    if not isinstance(device_target, str):
        raise TypeError(f"The parameter 'device_target' must be {str}, but got {type(device_target)}")
    if device_target not in ("CPU", "GPU", "Ascend"):
        raise ValueError(f"The argument 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], but got "
                         f"{device_target}.")
    if device_id is not None:
        if not isinstance(device_id, int):          # a bool passes, as in MindSpore (True is device 1)
            raise TypeError(f"The parameter 'device_id' must be {int}, but got {type(device_id)}")
        device_id = int(device_id)
        if device_id < 0:
            raise ValueError("The device id must bigger than or equal to 0.")
    if _device_set:
        raise RuntimeError("The 'mindspore.set_device' can not be modified.")
    _device_set.append((device_target, device_id))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # said below, once, naming set_device
        set_context(device_target=device_target)
    if device_target != "CPU":
        warnings.warn(f"minispore runs on the CPU with NumPy; set_device({device_target!r}) is ignored.",
                      stacklevel=2)
    if device_id is not None:
        _context["device_id"] = device_id


def get_current_device():
    """``(device_target, device_id)`` of this process: the id given to ``set_device``, else 0 (MindSpore's
    ``DEVICE_ID`` sets ``get_context('device_id')`` only)."""
    chosen = _device_set[0][1] if _device_set and _device_set[0][1] is not None else 0
    return DeviceInfo(_context["device_target"], chosen)


def set_deterministic(deterministic):
    """Ask for deterministic kernels: ``get_context('deterministic')`` reads 'ON'/'OFF' back. minispore's NumPy
    kernels are always deterministic."""
    if not isinstance(deterministic, bool):
        raise TypeError(f"The parameter 'deterministic' must be {bool}, but got {type(deterministic)}")
    _context["deterministic"] = "ON" if deterministic else "OFF"


def get_context(attr_key):
    if attr_key not in _context:
        raise ValueError(f"For 'get_context', unknown key {attr_key!r}; known keys: {sorted(_context)}.")
    return _context[attr_key]


# ----------------------------------------------------------------------------- parallel context
class ParallelMode:
    """The parallel modes of ``set_auto_parallel_context``; minispore runs STAND_ALONE and DATA_PARALLEL (the
    others are accepted and train as DATA_PARALLEL: every parameter is whole on every rank)."""
    STAND_ALONE = "stand_alone"
    DATA_PARALLEL = "data_parallel"
    HYBRID_PARALLEL = "hybrid_parallel"
    SEMI_AUTO_PARALLEL = "semi_auto_parallel"
    AUTO_PARALLEL = "auto_parallel"
    MODE_LIST = [STAND_ALONE, DATA_PARALLEL, HYBRID_PARALLEL, SEMI_AUTO_PARALLEL, AUTO_PARALLEL]


_PARALLEL_DEFAULTS = {"parallel_mode": ParallelMode.STAND_ALONE, "gradients_mean": False, "device_num": 1,
                      "global_rank": 0, "parameter_broadcast": False, "gradient_fp32_sync": True,
                      "loss_repeated_mean": True, "full_batch": False, "enable_parallel_optimizer": False,
                      "search_mode": "recursive_programming", "pipeline_stages": 1, "grad_accumulation_step": 1,
                      "strategy_ckpt_load_file": "", "strategy_ckpt_save_file": "", "dataset_strategy": "data_parallel",
                      "comm_fusion": None, "auto_parallel_search_mode": "recursive_programming"}
_parallel = dict(_PARALLEL_DEFAULTS)
_parallel_set = set()       # the keys a user set (device_num and global_rank otherwise follow the world group)


def _check_bool(key, value):
    if not isinstance(value, bool):
        raise TypeError(f"The parameter '{key}' must be {bool}, but got {type(value)}")


def _check_positive(key, value):
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"The context configuration parameter '{key}' must be a positive integer, but got the "
                         f"value of {key} : {value}.")


def set_auto_parallel_context(**kwargs):
    """MindSpore's parallel settings: ``parallel_mode`` (``ParallelMode``), ``gradients_mean``, ``device_num``,
    ``global_rank``, ``parameter_broadcast`` and the others (stored). In DATA_PARALLEL mode ``TrainOneStepCell``
    and ``Model`` reduce the gradients over the world group, and datasets read the shard of their rank."""
    for key, value in kwargs.items():
        if key not in _PARALLEL_DEFAULTS:
            raise ValueError(f"Set context keyword {key} is not recognized!")
        if key == "parallel_mode":
            if value not in ParallelMode.MODE_LIST:
                raise ValueError(f"The context configuration parameter 'parallel_mode' only support 'stand_alone', "
                                 f"'data_parallel', 'hybrid_parallel', 'semi_auto_parallel' and 'auto_parallel', "
                                 f"but got the value : {value}.")
        elif key in ("gradients_mean", "parameter_broadcast", "gradient_fp32_sync", "loss_repeated_mean",
                     "full_batch", "enable_parallel_optimizer"):
            _check_bool(key, value)
        elif key in ("device_num", "pipeline_stages", "grad_accumulation_step"):
            _check_positive(key, value)
        elif key == "global_rank":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"The context configuration parameter 'global_rank' must be a non-negative "
                                 f"integer, but got the value of global_rank : {value}.")
        _parallel[key] = value
        _parallel_set.add(key)


def get_auto_parallel_context(attr_key):
    if attr_key not in _PARALLEL_DEFAULTS:
        raise ValueError(f"Get context keyword {attr_key} is not recognized!")
    if attr_key in ("device_num", "global_rank") and attr_key not in _parallel_set:
        from .communication import _engine
        if _engine.GlobalComm.INITED:
            world = _engine.group(_engine.GlobalComm.WORLD_COMM_GROUP)
            return world.size if attr_key == "device_num" else world.rank
    return _parallel[attr_key]


def reset_auto_parallel_context():
    """Back to the defaults (STAND_ALONE, gradients_mean False, ...)."""
    _parallel.clear()
    _parallel.update(_PARALLEL_DEFAULTS)
    _parallel_set.clear()


def _data_parallel():
    """Whether gradients are reduced over the world group: a parallel mode other than STAND_ALONE, with the
    communication service initialized and more than one rank."""
    if _parallel["parallel_mode"] == ParallelMode.STAND_ALONE:
        return False
    from .communication import _engine
    return _engine.GlobalComm.INITED and _engine.group(_engine.GlobalComm.WORLD_COMM_GROUP).size > 1
