"""Record MindSpore 2.10's ``mindspore.runtime`` memory API and device selection facts for tests/runtime/:

    /tmp/msref/bin/python tests/golden/gen_runtime.py         # writes tests/golden/runtime.json

What is recorded: the errors of ``set_memory`` and ``set_device`` for bad arguments (class and message), the
repeated ``set_memory``, ``get_current_device()``'s printed form, ``memory_stats()``'s keys, and
``memory_summary()``'s table for chosen statistics (MindSpore's CPU build reports 0 for every statistic, so the
table's format is recorded by giving its formatter chosen numbers).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SET_MEMORY_CALLS = [("2G",), ("0GB",), ("abc",), (2,), ("1GB", "1GB", "4GB", "O2"), ("1GB", "1GB", "4GB", "O0", "x"),
                    ("1GB", "1.5GB", "0.5GB", "O1", "0GB")]
SET_DEVICE_CALLS = [("TPU",), ("CPU", -1), ("CPU", "0"), (1,), ("CPU", True)]
SUMMARY_STATS = [0, 1536, 786431, 786432, 5 * 2 ** 30 + 12345, 3 * 2 ** 40]


def _error(fn, *args):
    try:
        fn(*args)
    except Exception as e:  # noqa: BLE001 - recording whatever MindSpore raises
        return {"error": type(e).__name__, "message": str(e).splitlines()[0]}
    return {"ok": True}


def main():
    import mindspore as ms
    import mindspore.runtime.memory as memory
    out = {"set_memory": [], "set_device": []}
    for args in SET_MEMORY_CALLS[:-1]:
        out["set_memory"].append({"args": list(args), **_error(ms.runtime.set_memory, *args)})
    good = SET_MEMORY_CALLS[-1]
    out["set_memory"].append({"args": list(good), **_error(ms.runtime.set_memory, *good)})
    out["set_memory_again"] = _error(ms.runtime.set_memory, *good)
    for args in SET_DEVICE_CALLS:
        out["set_device"].append({"args": list(args), **_error(ms.set_device, *args)})
    out["set_device_cpu"] = _error(ms.set_device, "CPU")
    out["current_device"] = repr(ms.get_current_device())
    out["set_device_again"] = _error(ms.set_device, "CPU", 0)
    out["memory_stats_keys"] = sorted(ms.runtime.memory_stats())
    out["memory_stats_cpu"] = ms.runtime.memory_stats()
    original = memory._memory_stats
    summaries = []
    for value in SUMMARY_STATS:
        stats = {k: value for k in ("total_reserved_memory", "total_allocated_memory", "total_idle_memory",
                                    "total_eager_free_memory", "max_reserved_memory", "max_allocated_memory")}
        memory._memory_stats = lambda target, stats=stats: stats
        summaries.append({"value": value, "summary": ms.runtime.memory_summary()})
    memory._memory_stats = original
    out["memory_summary"] = summaries
    out["mindspore_version"] = ms.__version__
    with open(os.path.join(HERE, "runtime.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
