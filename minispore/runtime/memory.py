"""``mindspore.runtime``'s memory API on minispore's accounting of the arrays that Tensors hold
(``minispore/_core/memory.py``).

Arrays under 512 bytes are not counted (see ``_core/memory.py``). The CPU has no memory pool: every byte a Tensor
holds is allocated for it and goes back to the C allocator when the Tensor's array is freed, so "reserved" equals
"allocated" and nothing is idle. (MindSpore's CPU build
reports 0 for all of these; minispore counts.) ``set_memory(max_size=...)`` is enforced: a result that would
take the Tensors past it raises "Malloc device memory failed", saying who holds the memory.
"""
import re

from .._core import memory as _memory

_SIZE = re.compile(r"[1-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB", re.ASCII)
_RESERVE = re.compile(r"[0-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB", re.ASCII)
_configured = {}
_reserved_peak = [0]


def _check_size(value, name, pattern):
    if not isinstance(value, str):
        raise TypeError(f"The parameter '{name}' must be {str}, but got {type(value)}")
    if pattern.fullmatch(value) is None or (pattern is _SIZE and float(value[:-2]) == 0):
        raise ValueError(f"The '{value}' is illegal, it must be match regular'{pattern.pattern}' by flags're.ASCII.'")
    return float(value[:-2])


def set_memory(init_size="2GB", increase_size="2GB", max_size="1024GB", optimize_level="O0",
               huge_page_reserve_size="0GB"):
    """Configure the device memory: sizes as ``"xxGB"`` strings, once per process. ``max_size`` bounds what the
    Tensors of this process may hold; the pool sizes (``init_size``, ``increase_size``), ``optimize_level`` and
    the huge-page reserve are checked and recorded (the CPU has no pool to size)."""
    if _configured:
        raise RuntimeError("The 'set_memory' can not be set repeatedly.")
    sizes = {name: _check_size(value, name, _SIZE) for name, value in
             (("init_size", init_size), ("increase_size", increase_size), ("max_size", max_size))}
    sizes["huge_page_reserve_size"] = _check_size(huge_page_reserve_size, "huge_page_reserve_size", _RESERVE)
    if optimize_level not in ("O0", "O1"):
        raise ValueError(f"The optimize_level must be one of ['O0', 'O1'], but got {optimize_level}.")
    _configured.update(sizes, optimize_level=optimize_level)
    _memory.set_max_size(int(sizes["max_size"] * (1 << 30)))


def memory_allocated():
    """Bytes the live Tensors' arrays occupy now."""
    return _memory.held()


def max_memory_allocated():
    """The most bytes the Tensors held at once since the start (or the last reset)."""
    return _memory.peak()


def memory_reserved():
    """Bytes reserved for Tensors: on the CPU, what they hold (no pool)."""
    return _memory.held()


def max_memory_reserved():
    _reserved_peak[0] = max(_reserved_peak[0], _memory.peak())
    return _reserved_peak[0]


def reset_max_memory_allocated():
    _reserved_peak[0] = max_memory_reserved()
    _memory.reset_peak()


def reset_max_memory_reserved():
    _reserved_peak[0] = _memory.held()


def reset_peak_memory_stats():
    """Reset both peaks to what is held now."""
    _memory.reset_peak()
    _reserved_peak[0] = _memory.held()


def empty_cache():
    """Hand the C allocator's free memory back to the operating system (glibc's ``malloc_trim``): minispore keeps
    freed arrays in the heap for speed (``backend.tune_allocator``)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def memory_stats():
    """MindSpore's dictionary of memory statistics (the CPU has no pool: the pool entries are empty)."""
    held = _memory.held()
    return {"total_reserved_memory": held, "total_allocated_memory": held, "total_idle_memory": 0,
            "total_eager_free_memory": 0, "max_reserved_memory": max_memory_reserved(),
            "max_allocated_memory": max_memory_allocated(),
            "common_mem_pool_stats": {"block_unit_size": 0, "block_counts": 0, "blocks_info": {}},
            "persistent_mem_pool_stats": {"block_counts": 0, "block_unit_size": 0, "blocks_info": {}}}


def _format_size(n):
    """MindSpore's summary format: the count in the largest unit that keeps it at or above 768 of the unit
    below, floored, right-aligned in 6 digits."""
    units = ["B  ", "KB", "MB", "GB", "TB", "PB"]
    value, scaled, unit = int(n), float(n), units[0]
    for next_unit in units[1:]:
        if scaled < 768 * 1024:
            break
        unit, value, scaled = next_unit, value // 1024, scaled / 1024
    return f"{value:6d} {unit}"


def memory_summary():
    """The memory statistics as MindSpore's 45-column table."""
    stats = memory_stats()
    rows = [("Reserved memory", "total_reserved_memory"), ("Allocated memory", "total_allocated_memory"),
            ("Idle memory", "total_idle_memory"), ("Eager free memory", "total_eager_free_memory"),
            ("Max reserved memory", "max_reserved_memory"), ("Max allocated memory", "max_allocated_memory")]
    lines = ["=" * 45, f" {'Memory summary':^43} ", "=" * 45, f" {'Metric':<20} | {'Data':<20} "]
    for label, key in rows:
        lines += ["-" * 45, f" {label:<20} | {_format_size(stats[key]):<20} "]
    lines.append("=" * 45)
    return "|" + "|\n|".join(lines) + "|\n"


def _reset_for_tests():
    """Forget set_memory's configuration (MindSpore allows it once per process; the tests need it again)."""
    _configured.clear()
    _memory.set_max_size(None)
