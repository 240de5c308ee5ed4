"""Check minispore's ``nn.Cell`` methods of issue 9 round 3 (buffers, state_dict / load_state_dict and their hooks,
extra state, get_sub_cell, apply, to, the gradient hooks, the configuration MindSpore keeps) against MindSpore
2.10.0 (CPU, PyNative): one case per thunk in tests/golden/cases_cell.py, recorded in tests/golden/cell.json by
``/tmp/msref/bin/python tests/golden/gen_cell.py``. A case compares its whole result (key lists, the hooks' call
records with the gradients they saw, reprs, values and dtypes); a recorded error must be raised as the same class.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_cell.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_cell  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_cell, "cell.json").tests())


def test_every_added_name_has_a_row():
    """Every Cell member this family adds is a minispore Cell attribute and is exercised by a recorded case."""
    from minispore import nn
    case_names = {name for name, _ in cases_cell.CASES}
    assert sorted(set(cases_cell.NAMES.values()) - case_names) == []
    assert [n for n in cases_cell.NAMES if not hasattr(nn.Cell, n)] == []
