"""Check minispore's dataset.text, text sources, sequence transforms and padded batching against MindSpore 2.10.0
(tests/golden/dataset_text.json, recorded by ``/tmp/msref/bin/python tests/golden/gen_dataset_text.py``).

The cases are code (tests/golden/cases_dataset_text.py), run here on the same input files (written by
``cases_dataset_text.make_data`` into a temporary folder).

Comparison rules: structure, dtypes and shapes exactly; integers and strings exactly; floats rtol=1e-5, atol=1e-6;
cases in ``TOLERANCE`` (kernels not reproduced bit for bit) may differ by at most ``max_abs`` on any value and on at
most a fraction ``max_fraction`` of the values; exceptions must be of the recorded class with the case's keywords
in the message; ``DELIBERATE`` cases (a MindSpore bug) are checked against ``INSTEAD`` or only to differ.

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_dataset_text  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_dataset_text, "dataset_text.json", data=True).tests())
