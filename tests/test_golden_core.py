"""Check minispore against outputs recorded from real MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_core.py), run here on ``minispore``; the recorded results are in
tests/golden/core.json (made by ``/tmp/msref/bin/python tests/golden/gen_core.py``).

Comparison rules:
* structure (Tensor / tuple / list / dict / Python scalar / str) must match exactly, Tensor dtype and shape exactly,
  and a Parameter only where MindSpore returned a Parameter (with the same name);
* float values: rtol=1e-5, atol=1e-6 for Float32/Float64 (Float16: 1e-3); ints and bools exactly;
* strings (printed tensors): exactly, except that a printed number may differ by rounding in its last digit;
* exceptions: the raised exception must be an instance of the recorded class (a subclass is fine), and the
  case's keywords, if any, must appear in the message.  Exact MindSpore messages are not required;
* ``DELIBERATE`` cases: against ``INSTEAD`` (what minispore gives instead).

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself (a check of the harness:
``/tmp/msref/bin/python -m pytest tests/test_golden_core.py`` with that variable set).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_core  # noqa: E402
import harness  # noqa: E402

# Where minispore deliberately gives something else than the recording, and what it gives instead
DELIBERATE = {
    "kink/norm_at_zero": "MindSpore's gradient of norm at the zero vector is NaN; minispore gives the zero "
                         "subgradient, as PyTorch (also tests/golden/engine.json grad/norm_at_zero)",
}
INSTEAD = {
    "kink/norm_at_zero": {"tensor": "Float32", "shape": [2], "value": [0.0, 0.0]},
}

globals().update(harness.Family(cases_core, "core.json", describe_fn=cases_core.describe, compare=cases_core.compare,
                                deliberate=DELIBERATE, instead=INSTEAD).tests())


def test_compare_detects_differences():
    """The comparison itself (no framework needed): it must catch dtype, shape, structure and value changes."""
    t = {"tensor": "Float32", "shape": [2], "value": [1.0, 2.0]}
    assert cases_core.compare(t, dict(t)) == []
    assert cases_core.compare(t, dict(t, value=[1.0, 2.0 + 1e-7])) == []
    assert cases_core.compare(t, dict(t, value=[1.0, 2.001]))
    assert cases_core.compare(t, dict(t, tensor="Float64"))
    assert cases_core.compare(t, dict(t, shape=[1, 2], value=[[1.0, 2.0]]))
    assert cases_core.compare(t, dict(t, param_name="w"))
    assert cases_core.compare({"tuple": [t]}, {"list": [t]})
    assert cases_core.compare({"tuple": [t]}, t)
    assert cases_core.compare({"tuple": [t, t]}, {"tuple": [t]})
    assert cases_core.compare({"int": 3}, {"float": 3.0})
    assert cases_core.compare({"tensor": "Int64", "shape": [1], "value": [1]},
                              {"tensor": "Int64", "shape": [1], "value": [2]})
    assert cases_core.compare({"error": "ValueError", "message": ""}, {"tuple": []})
    assert cases_core.strings_match("[[0.26588354 0.27282503]]", "[[0.26588356 0.272825  ]]")
    assert not cases_core.strings_match("123456790.0", "1.2345679e+08")
    assert not cases_core.strings_match("Tensor(shape=[3], dtype=Int64, value= [1, 2, 3])",
                                        "Tensor(shape=[3], dtype=Int64, value= [1, 2, 4])")
