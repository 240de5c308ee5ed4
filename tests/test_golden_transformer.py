"""Check minispore's attention and Transformer layers against MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_transformer.py), run here on ``minispore``; the recorded results are in
tests/golden/transformer.json (made by ``/tmp/msref/bin/python tests/golden/gen_transformer.py``). The comparison
rules are tests/test_golden_engine.py's: structure, dtype and shape exactly, float values to rtol 1e-4 / atol 1e-5,
an exception of the recorded class (or a subclass) whose message holds the case's keywords; a case in
``DELIBERATE`` is checked against MindSpore's recording of the case ``INSTEAD`` names (the same computation by a
route MindSpore accepts).

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_transformer.py`` runs the same checks
on MindSpore itself (a check of the harness).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_transformer  # noqa: E402
import harness  # noqa: E402


def _layernorm_repr(name, entry):
    """MindSpore's LayerNorm repr lacks the '=' in 'gamma=Parameter (...)': minispore gives the recording, fixed."""
    if name not in cases_transformer.LAYERNORM_REPR:
        return None
    assert "gammaParameter" in entry["result"], f"{name}: the recording no longer shows MindSpore's typo"
    return entry["result"].replace("gammaParameter (", "gamma=Parameter (")


globals().update(harness.Family(cases_transformer, "transformer.json", instead_of=_layernorm_repr,
                                instead_names=True).tests())
