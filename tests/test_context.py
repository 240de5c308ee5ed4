"""``mindspore.set_context`` / ``get_context`` (minispore/context.py)."""
import pytest

import minispore as ms


def test_set_context_gpu_warns_and_stays_on_cpu():
    # review regression: device_target="GPU" switched to an unfinished CuPy backend; now it warns and stays on the
    # CPU
    with pytest.warns(UserWarning, match="runs on the CPU"):
        ms.set_context(device_target="GPU")
    assert ms.get_context("device_target") == "CPU"
