"""Check more of minispore's top-level names (common/_toplevel_more.py, common/random_state.py,
train/_ckpt_convert.py, train/callback/_lr_scheduler.py, the top-level build_train_network) against MindSpore
2.10.0 (CPU, PyNative): the cases of tests/golden/cases_toplevel.py, recorded in tests/golden/toplevel.json by
``/tmp/msref/bin/python tests/golden/gen_toplevel.py``. Values, dtypes and shapes exactly (floats to rtol 1e-5 /
atol 1e-6); a recorded error must be raised as the same class with the case's key words; DELIBERATE cases give their
INSTEAD description.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_toplevel.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_toplevel  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_toplevel, "toplevel.json").tests())


def test_every_added_name_has_a_row():
    """Every top-level name this family adds exists on minispore and is exercised by a recorded case."""
    import minispore
    from minispore.common import _toplevel_more, random_state
    added = (set(_toplevel_more.__all__) - {"get_deterministic", "type_type"}) | set(random_state.__all__) | {
        "LearningRateScheduler", "ckpt_to_safetensors", "safetensors_to_ckpt", "build_train_network"}
    missing_attr = sorted(n for n in added if not hasattr(minispore, n))
    assert not missing_attr, f"names not reachable as minispore.<name>: {missing_attr}"
    names = [n for n, _ in cases_toplevel.cases(harness.framework())]
    without = sorted(n for n in added if not any(c.startswith(cases_toplevel.NAMES.get(n, "\0")) for c in names))
    assert not without, f"names without a golden case: {without}"
