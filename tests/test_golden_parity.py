"""Check minispore's module paths (``ops.functional``, ``ops.composite``, ``ops.primitive``, ``common.api``,
``nn.grad``, ``log``), the names programs reach first (``nn.Accuracy``, ``mindspore.tensor``, the top-level
callbacks, ``ops.inv``, ``dataset.config``, ``int()``/``float()`` of a one-element Tensor) and the known differences
of issue 9 against MindSpore 2.10.0 (CPU, PyNative; the graph-level helpers inside ``jit``).

The cases are code (tests/golden/cases_parity.py), run here on ``minispore``; the recorded results are in
tests/golden/parity.json (made by ``/tmp/msref/bin/python tests/golden/gen_parity.py``). The comparison rules are
tests/golden/harness.py's: structure, dtype and shape exactly, float values to rtol 1e-5 / atol 1e-6, an exception
of the recorded class whose message holds the case's keywords.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_parity  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_parity, "parity.json", stub=False).tests())
