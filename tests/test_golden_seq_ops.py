"""Check minispore's sequence-model ops (products, masks, triangles, cumulative ops, orders, scatters and gathers,
unique, repeats, slices, logsumexp, nn.Embedding, nn.EmbeddingLookup) against MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_seq_ops.py), run here on ``minispore``; the recorded results are in
tests/golden/seq_ops.json (made by ``/tmp/msref/bin/python tests/golden/gen_seq_ops.py``). The comparison rules
are tests/test_golden_engine.py's: structure, dtype and shape exactly, float values to rtol 1e-5 / atol 1e-6
an exception of the recorded class (or a subclass) whose message holds the case's keywords;
cases in ``DELIBERATE`` are checked against ``INSTEAD``, or only to differ from MindSpore.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_seq_ops.py`` runs the same checks
on MindSpore itself (a check of the harness).

Every case runs twice on minispore: eagerly, and with every op call and gradient compiled by ``jit``
(``cases_seq_ops.cases(ms, jit=True)``); both must match the one eager recording (eager == jit). The ops whose output
shape depends on the values (``unique``, ``masked_select``) run eagerly inside jit (JIT Fallback, as in MindSpore):
the warning is expected.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_seq_ops  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_seq_ops, "seq_ops.json", jit="param").tests())
