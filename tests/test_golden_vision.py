"""Check minispore's convolution, pooling, normalisation, dropout and activation layers against outputs recorded from
real MindSpore 2.10.0 (CPU, PyNative): tests/golden/vision.json, made by
``/tmp/msref/bin/python tests/golden/gen_vision.py`` from the cases in tests/golden/cases_vision.py.

Every case runs eagerly; the computational ones (forward values and the gradients w.r.t. the input and every weight)
run a second time with the forward and the gradient function compiled by ``ms.jit`` and must equal the same
(eager) recording.

Comparison rules (describe.py encoding): structure, dtypes, shapes, ints, bools and strings exactly (reprs
included, with initializer addresses normalised to ``at 0x...``); floats with cases_vision.tolerance (rtol 1e-4,
atol 2e-5; float16 2e-3); errors: an instance of the recorded class (a subclass is fine) whose message holds the
case's key words (cases_vision.KEYWORDS, case-insensitive) -- never the full text; ``init.*``: the initializer
class, shape and dtype as recorded, the statistics against the uniform bound's formula (cases_vision.check_init);
cases in cases_vision.DELIBERATE (MindSpore CPU limitations and repr typos): against the MindSpore-computed
reference in vision.json's "instead" section where there is one, else only to differ from the recording.

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run this file against MindSpore itself (a check of the harness; the
DELIBERATE cases are then compared with the recording).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_vision  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_vision, "vision.json", bare=True, jit="separate",
                                special={"init.": lambda name, e, a: cases_vision.check_init(e, a)}).tests())
