"""``mindspore.runtime``: the device's memory (``memory_allocated``, ``max_memory_allocated``, ``memory_summary``,
``set_memory(max_size=...)``...) and execution (``launch_blocking``, ``synchronize``).

minispore's kernels run synchronously on the CPU: ``launch_blocking`` and ``synchronize`` have nothing to wait
for."""
from .memory import (empty_cache, max_memory_allocated, max_memory_reserved, memory_allocated, memory_reserved,
                     memory_stats, memory_summary, reset_max_memory_allocated, reset_max_memory_reserved,
                     reset_peak_memory_stats, set_memory)

__all__ = ["empty_cache", "max_memory_allocated", "max_memory_reserved", "memory_allocated", "memory_reserved",
           "memory_stats", "memory_summary", "reset_max_memory_allocated", "reset_max_memory_reserved",
           "reset_peak_memory_stats", "set_memory", "launch_blocking", "synchronize"]


def launch_blocking():
    """Run every kernel synchronously: minispore's always are."""


def synchronize():
    """Wait for the device's queued work: on minispore's CPU there is none."""
