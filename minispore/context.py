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
