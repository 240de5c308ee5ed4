"""``mindspore.context``: execution mode and device selection."""
import warnings

GRAPH_MODE = 0
PYNATIVE_MODE = 1
# jit_syntax_level: how much Python a graph may use. minispore's jit traces any Python (values it cannot trace
# run eagerly, as JIT Fallback does), so the level is stored and read back, and changes nothing.
STRICT = 0
COMPATIBLE = 1
LAX = 2

_context = {"mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": 0, "max_call_depth": 1000,
            "save_graphs": False, "pynative_synchronize": False, "jit_level": "O0",
            "jit_syntax_level": LAX}


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
