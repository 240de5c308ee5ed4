"""Check minispore's resampling and padding family against MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_resample.py), run here on ``minispore``; the recorded results are in
tests/golden/resample.json (made by ``/tmp/msref/bin/python tests/golden/gen_resample.py``). The comparison rules
are tests/test_golden_engine.py's: structure, dtype and shape exactly, float values to rtol 1e-5 / atol 1e-6
(float16 cases 1e-3), an exception of the recorded class (or a subclass) whose message holds the case's keywords;
cases in ``DELIBERATE`` are checked against ``INSTEAD``, or only to differ from MindSpore.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_resample.py`` runs the same checks
on MindSpore itself (a check of the harness).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_resample  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_resample, "resample.json").tests())
