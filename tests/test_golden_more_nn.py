"""Check minispore's further ``nn`` activations and losses (minispore/nn/layer/more_activation.py,
minispore/nn/loss/more_loss.py) against MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_more_nn.py), run here on ``minispore``; the recorded results are in
tests/golden/more_nn.json (made by ``/tmp/msref/bin/python tests/golden/gen_more_nn.py``). The comparison rules are
tests/golden/harness.py's: structure, dtype and shape exactly, float values to rtol 1e-4 / atol 1e-5, an exception
of the recorded class (or a subclass) whose message holds the case's keywords; a ``DELIBERATE`` case must still
differ from the recording.

``MINISPORE_GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_more_nn.py`` runs the same
checks on MindSpore itself (a check of the harness).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_more_nn  # noqa: E402
import harness  # noqa: E402

FAMILY = harness.Family(cases_more_nn, "more_nn.json")
globals().update(FAMILY.tests())


def test_selu_gradient_is_the_derivative():
    """act/selu is DELIBERATE (MindSpore's gradient is wrong for x < 0): the forward value against MindSpore's
    recording, the gradient against the NumPy derivative ``scale * (x > 0 ? 1 : alpha * exp(x))``."""
    import numpy as np
    import minispore as ms

    alpha, scale = 1.6732632423543772, 1.0507009873554805
    x = cases_more_nn.f32(1, (2, 3, 4), 2.0)
    w = cases_more_nn.f32(99, (2, 3, 4))
    cell = ms.nn.SeLU()
    y, g = ms.value_and_grad(lambda t: (cell(t) * ms.Tensor(w)).sum())(ms.Tensor(x))
    recorded = FAMILY.golden["act/selu"]["result"]["tuple"][0]["value"]
    np.testing.assert_allclose(cell(ms.Tensor(x)).asnumpy(), np.array(recorded, np.float32), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(g.asnumpy(), np.where(x > 0, scale, scale * alpha * np.exp(x)) * w, rtol=1e-5,
                               atol=1e-6)
