"""Check more of minispore's ``mindspore.ops`` functions (minispore/ops/function/more_func.py: other names of
existing ops, the functional forms of Tensor methods, short compositions) against MindSpore 2.10.0 (CPU, PyNative):
one row per case in tests/golden/cases_more_ops.py, recorded in tests/golden/more_ops.json by
``/tmp/msref/bin/python tests/golden/gen_more_ops.py``. A case compares the outputs (structure, dtype and shape
exactly, floats to rtol 1e-5 / atol 1e-6), for differentiable rows the gradient through ``ms.grad``; a recorded
error must be raised as the same class.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_more_ops.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_more_ops  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_more_ops, "more_ops.json").tests())


def test_every_added_function_has_a_row():
    """Every function more_func.py exports is exercised by a row of the table."""
    from minispore.ops.function import more_func
    used = {r[1] for r in cases_more_ops.ROWS} | {r[1] for r in cases_more_ops.ERROR_ROWS}
    missing = sorted(set(more_func.__all__) - used)
    assert not missing, f"functions without a golden row: {missing}"
