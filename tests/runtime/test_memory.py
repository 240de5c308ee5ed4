"""``mindspore.runtime``'s memory API on minispore's accounting of the arrays Tensors hold, ``set_memory(max_size=)``
and the "Malloc device memory failed" error that says who holds the memory, ``python -m minispore smi``, and
``set_device``/``get_current_device``.

MindSpore's CPU build reports 0 for every memory statistic (recorded in tests/golden/runtime.json); minispore
counts, which is the deliberate difference these tests check. The recorded facts that do hold: the errors of
``set_memory``/``set_device``, ``memory_stats()``'s keys and ``memory_summary()``'s table format.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import context, nn, ops
from minispore._core import memory
from minispore.runtime import memory as runtime_memory

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "golden", "runtime.json")) as _f:
    GOLDEN = json.load(_f)


@pytest.fixture(autouse=True)
def fresh_configuration():
    """set_memory and set_device may be called once per process: each test starts unconfigured."""
    runtime_memory._reset_for_tests()
    context._device_set.clear()
    yield
    runtime_memory._reset_for_tests()
    context._device_set.clear()
    context._context["device_target"] = "CPU"


def _f32(*shape):
    return ms.Tensor(np.ones(shape, np.float32))


# ---------------------------------------------------------------------------------------------- accounting
def test_allocated_counts_the_bytes_tensors_hold_and_frees_them_with_the_array():
    base = ms.memory_allocated()
    x = _f32(1000)
    assert ms.memory_allocated() - base == 4000
    y = x * 2
    assert ms.memory_allocated() - base == 8000
    z = y.reshape(10, 100)                    # a view: no memory of its own
    assert ms.memory_allocated() - base == 8000
    del y                                     # the view keeps y's array alive: still counted
    assert ms.memory_allocated() - base == 8000
    del z
    assert ms.memory_allocated() - base == 4000
    del x
    assert ms.memory_allocated() == base
    assert ms.memory_reserved() == ms.memory_allocated()       # no pool on the CPU


def test_arrays_below_512_bytes_are_not_counted():
    """MindSpore's pool rounds every allocation up to 512 bytes; below that minispore does not count (a weak
    reference per scalar would double the cost of small operations)."""
    base = ms.memory_allocated()
    small = [_f32(127), _f32(3) * 2, ops.ones((2, 2), ms.float32)]
    assert ms.memory_allocated() == base
    big = _f32(128)                          # 512 bytes
    assert ms.memory_allocated() - base == 512
    del small, big


def test_peak_and_its_resets():
    ms.reset_peak_memory_stats()
    base = ms.memory_allocated()
    a = _f32(25000)                            # 100 kB
    b = a + 1
    del a, b
    assert ms.max_memory_allocated() - base == 200000
    assert ms.max_memory_reserved() - base == 200000
    ms.runtime.reset_max_memory_allocated()
    assert ms.max_memory_allocated() == ms.memory_allocated()
    assert ms.max_memory_reserved() - base == 200000           # reset separately
    ms.runtime.reset_max_memory_reserved()
    assert ms.max_memory_reserved() == ms.memory_allocated()


def test_parameters_gradients_and_compiled_graphs_are_counted():
    base = ms.memory_allocated()
    net = nn.Dense(100, 10, bias_init="zeros")
    assert ms.memory_allocated() - base == 100 * 10 * 4      # the 40-byte bias is below memory.SMALL
    ms.reset_peak_memory_stats()
    f = ms.jit(lambda x: ((x * 3) + 1).sum())
    x = _f32(10000)
    f(x)
    peak_eagerly_free = ms.max_memory_allocated()
    ms.reset_peak_memory_stats()
    f(x)                                       # a replay: its intermediates are counted while they live
    assert ms.max_memory_allocated() - ms.memory_allocated() >= 40000
    assert peak_eagerly_free >= ms.memory_allocated()
    del net


def test_memory_stats_has_mindspores_keys_and_the_counts():
    x = _f32(1000)
    stats = ms.memory_stats()
    assert sorted(stats) == GOLDEN["memory_stats_keys"]
    assert stats["total_allocated_memory"] == ms.memory_allocated() >= 4000
    assert stats["total_idle_memory"] == 0
    assert stats["common_mem_pool_stats"] == GOLDEN["memory_stats_cpu"]["common_mem_pool_stats"]
    del x


@pytest.mark.parametrize("entry", GOLDEN["memory_summary"], ids=lambda e: str(e["value"]))
def test_memory_summary_is_mindspores_table(entry, monkeypatch):
    value = entry["value"]
    stats = {k: value for k in ("total_reserved_memory", "total_allocated_memory", "total_idle_memory",
                                "total_eager_free_memory", "max_reserved_memory", "max_allocated_memory")}
    monkeypatch.setattr(runtime_memory, "memory_stats", lambda: stats)
    assert ms.memory_summary() == entry["summary"]


def test_empty_cache_runs():
    ms.empty_cache()
    ms.runtime.synchronize()
    ms.runtime.launch_blocking()


# ---------------------------------------------------------------------------------------------- set_memory
@pytest.mark.parametrize("entry", GOLDEN["set_memory"], ids=lambda e: "/".join(map(str, e["args"])))
def test_set_memory_checks_its_arguments_as_mindspore(entry):
    if "ok" in entry:
        ms.set_memory(*entry["args"])
        assert memory.max_size() == int(0.5 * 2 ** 30)
        with pytest.raises(RuntimeError) as info:
            ms.set_memory(*entry["args"])
        assert str(info.value) == GOLDEN["set_memory_again"]["message"]
        return
    with pytest.raises(getattr(__builtins__, entry["error"], None) or eval(entry["error"])) as info:
        ms.runtime.set_memory(*entry["args"])
    assert str(info.value) == entry["message"]


def _limit_to(extra_bytes):
    """set_memory with a max_size ``extra_bytes`` above what is held now (in MindSpore's 'xxGB' form)."""
    gb = (ms.memory_allocated() + extra_bytes) / 2 ** 30
    ms.set_memory(max_size=f"{gb:.9f}GB")


def test_max_size_is_enforced_eagerly_naming_the_op_and_what_to_do():
    _limit_to(100000)
    small = ops.ones((1000,), ms.float32)               # fits
    with pytest.raises(RuntimeError) as info:
        ops.ones((100000,), ms.float32) * 2
    text = str(info.value)
    assert isinstance(info.value, MemoryError)
    assert text.startswith("Malloc device memory failed: For 'ones' (Fill), 390.6 KiB (400000 bytes)")
    assert "set_memory(max_size=...) allows" in text
    assert f"This process (PID {os.getpid()}" in text
    assert "Device CPU: total" in text
    assert "Other devices: none" in text
    assert 'mindspore.runtime.set_memory(max_size="' in text and "kill <PID>" in text
    with pytest.raises(RuntimeError, match="^Malloc device memory failed: For 'Mul'"):
        small * ops.ones((30, 1), ms.float32)                  # the (30, 1000) product is the one too big
    with pytest.raises(RuntimeError, match="^Malloc device memory failed: For 'Tensor'"):
        ms.Tensor(np.ones(200000, np.float32))
    del small


def test_max_size_is_enforced_in_compiled_graphs_and_gradients():
    f = ms.jit(lambda x: (x * 2 + 1) * 3)
    x = _f32(20000)
    f(x)                                                  # compiled before the limit
    _limit_to(100000)                                     # room for one 80 kB result, not three at once
    with pytest.raises(RuntimeError, match="^Malloc device memory failed: For '(Mul|Add)'"):
        f(x)
    g = ms.grad(lambda x: (x * x).sum())
    with pytest.raises(RuntimeError, match="^Malloc device memory failed"):
        g(x)


def test_the_error_names_another_process_holding_memory():
    """A second process holds 768 MiB of host memory: the error and smi list it with its PID."""
    holder = subprocess.Popen([sys.executable, "-c", "import numpy, sys, time; a = numpy.ones(96 * 2 ** 20); "
                               "print('ready', flush=True); time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        _limit_to(1000)
        with pytest.raises(RuntimeError) as info:
            ops.zeros((10000,), ms.float32)
        text = str(info.value)
        assert "Other processes holding the most memory on CPU:" in text
        listed = [line.split() for line in text.splitlines() if line.startswith("    ") and "MiB" in line]
        assert str(holder.pid) in [row[0] for row in listed], text
        out = subprocess.run([sys.executable, "-m", "minispore", "smi"], capture_output=True, text=True, check=True)
        assert f" {holder.pid} " in out.stdout and "host memory" in out.stdout, out.stdout
    finally:
        holder.kill()
        holder.wait()


def test_an_allocation_the_system_refuses_is_the_same_error():
    with pytest.raises(RuntimeError) as info:
        ops.zeros((10 ** 6, 10 ** 7), ms.float32)
    text = str(info.value)
    assert text.startswith("Malloc device memory failed: For 'zeros' (Fill), 36.4 TiB (40000000000000 bytes) "
                           "for an array of shape (1000000, 10000000) and dtype float32")
    assert "the operating system refused the allocation" in text


def test_smi_prints_the_devices_and_processes():
    out = subprocess.run([sys.executable, "-m", "minispore", "smi", "--top", "3"], capture_output=True, text=True,
                         check=True).stdout
    lines = out.splitlines()
    assert lines[0].startswith("minispore smi")
    assert any(line.startswith("| CPU 0     host memory") for line in lines)
    header = next(i for i, line in enumerate(lines) if line.startswith("| Device") and "PID" in line)
    rows = lines[header + 1:lines.index(lines[1], header)]       # up to the closing rule
    assert len(rows) == 3 and all(row.startswith("| CPU 0 ") and "iB  " in row for row in rows), out
    assert "GPUs: none listed" in out


# ---------------------------------------------------------------------------------------------- devices
@pytest.mark.parametrize("entry", GOLDEN["set_device"], ids=lambda e: "/".join(map(str, e["args"])))
def test_set_device_checks_its_arguments_as_mindspore(entry):
    if "ok" in entry:
        ms.set_device(*entry["args"])
        assert repr(ms.get_current_device()) == GOLDEN["current_device"]
        with pytest.raises(RuntimeError) as info:
            ms.set_device("CPU", 0)
        assert str(info.value) == GOLDEN["set_device_again"]["message"]
        return
    with pytest.raises((ValueError, TypeError)) as info:
        ms.set_device(*entry["args"])
    assert type(info.value).__name__ == entry["error"] and str(info.value) == entry["message"]


def test_set_device_gpu_warns_and_stays_on_the_cpu():
    with pytest.warns(UserWarning, match="set_device\\('GPU'\\) is ignored"):
        ms.set_device("GPU", 1)
    assert ms.get_context("device_target") == "CPU"
    assert ms.get_current_device() == ("CPU", 1)


def test_device_id_comes_from_the_environment():
    code = "import minispore as ms; print(ms.get_context('device_id'), tuple(ms.get_current_device()))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, DEVICE_ID="3")).stdout
    assert out.split("\n")[0] == "3 ('CPU', 0)"        # as MindSpore: the context's id, the CPU's device 0
