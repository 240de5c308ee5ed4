"""``mindspore.set_context`` / ``get_context`` (minispore/context.py)."""
import pytest

import minispore as ms


def test_set_context_gpu_warns_and_stays_on_cpu():
    # review regression: device_target="GPU" switched to an unfinished CuPy backend; now it warns and stays on the
    # CPU
    with pytest.warns(UserWarning, match="runs on the CPU"):
        ms.set_context(device_target="GPU")
    assert ms.get_context("device_target") == "CPU"


def test_deterministic_is_a_context_key_set_deterministic_writes():
    """MindSpore 2.10: get_context('deterministic') is 'OFF', set_context takes 'ON'/'OFF' and set_deterministic(bool)
    writes the same key (recorded by hand from MindSpore 2.10)."""
    assert ms.get_context("deterministic") == "OFF"
    ms.set_deterministic(True)
    assert ms.get_context("deterministic") == "ON"
    ms.set_context(deterministic="OFF")
    assert ms.get_context("deterministic") == "OFF"
    with pytest.raises(ValueError, match="the argument 'deterministic' must be one of \\['ON', 'OFF'\\], but got X"):
        ms.set_context(deterministic="X")
