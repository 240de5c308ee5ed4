"""Who holds the memory: the devices, their total and free memory, and the processes holding it, for the
"Malloc device memory failed" error and for ``python -m minispore smi`` (the ``npu-smi info`` of MindSpore's
FAQ, so that the error itself says what to do).

Host memory and its processes come from ``psutil``. The CPU is the one device of this build: NVIDIA GPUs (NVML
through ``nvidia-ml-py``) join this table with the CuPy backend.
"""
import os
import sys
import time

from .backend import available_memory, format_bytes

TOP_PROCESSES = 5


def _psutil():
    try:
        import psutil
        return psutil
    except ImportError:
        return None


def _command(proc_cmdline, name):
    """The command line, its program without its directory (``python -m ...``), on one line."""
    words = list(proc_cmdline or [])
    if words:
        words[0] = os.path.basename(words[0])
    text = " ".join(" ".join(words).split()) or name or "?"
    return text if len(text) <= 60 else text[:57] + "..."


def host_device():
    """The CPU's memory: {'name', 'total', 'free', 'used'} (None where unknown)."""
    ps = _psutil()
    if ps is not None:
        vm = ps.virtual_memory()
        return {"name": "host memory", "total": int(vm.total),
                "free": int(vm.available), "used": int(vm.total - vm.available)}
    free = available_memory()
    return {"name": "host memory", "total": None, "free": free, "used": None}


def this_process():
    """{'pid', 'command', 'resident'} of this process."""
    ps = _psutil()
    if ps is None:
        return {"pid": os.getpid(), "command": _command(sys.argv, sys.executable), "resident": None}
    p = ps.Process()
    return {"pid": p.pid, "command": _command(p.cmdline(), p.name()), "resident": int(p.memory_info().rss)}


def host_processes(limit=TOP_PROCESSES, exclude=None):
    """The processes with the most resident memory, biggest first: [{'pid', 'command', 'resident'}]; None
    without psutil."""
    ps = _psutil()
    if ps is None:
        return None
    rows = []
    for p in ps.process_iter(["pid", "name", "cmdline", "memory_info"]):
        info = p.info
        if info.get("memory_info") is None or info["pid"] == exclude:
            continue
        rows.append({"pid": info["pid"], "command": _command(info.get("cmdline"), info.get("name")),
                     "resident": int(info["memory_info"].rss)})
    rows.sort(key=lambda r: -r["resident"])
    return rows[:limit]


def _size(n):
    return "unknown" if n is None else format_bytes(n)


def malloc_failed_message(nbytes, held, peak, limit=None, op=None, cause=None, shape=None, dtype=None):
    """The text of the "Malloc device memory failed" error (see the module docstring): ``nbytes`` requested (None:
    unknown), ``held``/``peak`` the bytes this process's Tensors hold and held at most, ``limit`` set_memory's
    max_size, ``cause`` the operating system's MemoryError."""
    dev = host_device()
    me = this_process()
    where = f"For '{op}', " if op else ""
    if cause is None and limit is not None:
        why = (f"set_memory(max_size=...) allows {_size(limit)} and this process's Tensors already hold "
               f"{_size(held)}")
    else:
        why = "the operating system refused the allocation"
    what = f" for an array of shape {tuple(shape)} and dtype {dtype}" if shape is not None else ""
    asked = "memory" if nbytes is None else f"{_size(nbytes)} ({nbytes} bytes)"
    lines = [f"Malloc device memory failed: {where}{asked}{what} could not be allocated on device CPU "
             f"({dev['name']}): {why}.",
             f"Device CPU: total {_size(dev['total'])}, free {_size(dev['free'])}.",
             f"This process (PID {me['pid']}: {me['command']}): Tensors hold {_size(held)} (peak "
             f"{_size(peak)}); resident {_size(me['resident'])}."]
    others = host_processes(exclude=me["pid"])
    if others is None:
        lines.append("Other processes: unknown (pip install psutil to list them).")
    elif others:
        lines.append("Other processes holding the most memory on CPU:")
        lines.append(f"    {'PID':>8}  {'resident':>10}  command")
        lines += [f"    {r['pid']:>8}  {_size(r['resident']):>10}  {r['command']}" for r in others]
    lines.append("Other devices: none (this build of minispore computes on the CPU only).")
    advice = ["stop a process above that you do not need (kill <PID>)", "use a smaller batch size"]
    if limit is not None:
        enough = _gb(max(limit, held + (nbytes or 0)))
        advice.append(f"raise the limit: mindspore.runtime.set_memory(max_size=\"{enough}\") (once per process)")
    lines.append("To go on: " + "; or ".join(advice) + ".")
    return "\n".join(lines)


def _gb(n):
    gb = -(-n * 100 // (1 << 30)) / 100     # rounded up to 0.01 GB
    return f"{gb:g}GB"


def smi(limit=TOP_PROCESSES):
    """The table ``python -m minispore smi`` prints: every device, its memory, and the processes holding it."""
    width = 79
    rule = "+" + "-" * (width - 2) + "+"

    def row(text):
        return "| " + text.ljust(width - 4) + " |"

    dev = host_device()
    out = ["minispore smi".ljust(width - 24) + time.strftime("%a %b %d %H:%M:%S %Y"), rule,
           row(f"{'Device':<10}{'Name':<16}{'Total':>12}{'Used':>12}{'Free':>12}"), "|" + "=" * (width - 2) + "|",
           row(f"{'CPU 0':<10}{dev['name']:<16}{_size(dev['total']):>12}{_size(dev['used']):>12}"
               f"{_size(dev['free']):>12}"), rule,
           row("Processes (the most resident memory first):"),
           row(f"{'Device':<10}{'PID':>8}  {'Memory':>10}  Command")]
    procs = host_processes(limit=limit)
    if procs is None:
        out.append(row("unknown: pip install psutil to list the processes"))
    else:
        out += [row(f"{'CPU 0':<10}{r['pid']:>8}  {_size(r['resident']):>10}  {r['command']}"[:width - 4])
                for r in procs]
    out.append(rule)
    out.append("GPUs: none listed (this build of minispore computes on the CPU only).")
    return "\n".join(out)
