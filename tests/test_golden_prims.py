"""Check minispore's Primitive classes (``ops.ReLU()``, ``P.Concat(axis=1)``...) against MindSpore 2.10.0 (CPU,
PyNative): one row per class in tests/golden/cases_prims.py, recorded in tests/golden/prims.json by
``/tmp/msref/bin/python tests/golden/gen_prims.py``. A case compares the printed Primitive, its ``name`` and its
outputs (structure, dtype and shape exactly, floats to rtol 1e-5 / atol 1e-6), and for differentiable rows the
gradient through ``ms.grad``; a recorded error must be raised as the same class.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_prims.py`` runs the same
checks on MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_prims  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_prims, "prims.json").tests())


def _recorded_elsewhere():
    """The names of the cases recorded by the other families (tests/golden/<family>.json), up to the first '/':
    a family that adds Primitive classes (scatter.json's ``ScatterAdd``...) names a case after each."""
    import glob
    import json
    names = set()
    for path in glob.glob(os.path.join(HERE, "golden", "*.json")):
        with open(path) as f:
            data = json.load(f)
        cases = data.get("cases", {}) if isinstance(data, dict) else {}
        names |= {name.split("/")[0] for name in cases}
    return names


def test_every_primitive_class_has_a_row():
    """Every Primitive class minispore exports under ops.operations is in the table, or in another family's."""
    import minispore.ops.operations as P
    rows = {r[0] for r in cases_prims.ROWS} | {r[0] for r in cases_prims.RANDOM_ROWS} | \
        {r[0] for r in cases_prims.STATE_ROWS} | _recorded_elsewhere()
    missing = sorted(set(P.__all__) - rows - {"Primitive", "PrimitiveOp"})
    assert not missing, f"Primitive classes without a golden row: {missing}"
