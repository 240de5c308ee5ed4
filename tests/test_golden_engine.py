"""Check minispore against engine edge cases recorded from real MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_engine.py), run here on ``minispore``; the recorded results are in
tests/golden/engine.json (made by ``/tmp/msref/bin/python tests/golden/gen_engine.py``).

Comparison rules (as tests/test_golden_core.py, with the describe.py encoding):
* structure (Tensor / Parameter / tuple / list / Python scalar / str / dtype) must match exactly, Tensor dtype and
  shape exactly; float values rtol=1e-5, atol=1e-6 (``num/f16_*``: 1e-3); ints and bools exactly;
* exceptions: the raised exception must be an instance of the recorded class (a subclass is fine), and the case's
  keywords must appear in the message (case-insensitive).  Exact MindSpore messages are not required;
* cases in ``cases_engine.DELIBERATE`` record a MindSpore bug: minispore is checked against
  ``cases_engine.INSTEAD`` (what it should do instead), or, where that is not given, only to differ from MindSpore.

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself (a sanity check of the harness:
``/tmp/msref/bin/python -m pytest tests/test_golden_engine.py`` with that variable set); DELIBERATE cases are
then compared with the recording, and UNSTABLE ones by structure, dtype and shape only.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_engine  # noqa: E402
import harness  # noqa: E402

FAMILY = harness.Family(cases_engine, "engine.json")
GOLDEN = FAMILY.golden
INSTEAD = cases_engine.INSTEAD
globals().update(FAMILY.tests())


def test_recording_keeps_description_key_order():
    """describe.compare takes a description's kind from its first key, so engine.json must not sort keys."""
    kinds = ("tensor", "ndarray", "npscalar", "error")

    def walk(d, path):
        if isinstance(d, dict):
            for kind in kinds:
                if kind in d:
                    assert next(iter(d)) == kind, f"{path}: {kind!r} is not the first key of {list(d)}"
            for k, v in d.items():
                walk(v, f"{path}.{k}")
        elif isinstance(d, list):
            for i, v in enumerate(d):
                walk(v, f"{path}[{i}]")

    for name, entry in GOLDEN.items():
        walk(entry["result"], name)
    for name, instead in INSTEAD.items():
        walk(instead, "INSTEAD " + name)
