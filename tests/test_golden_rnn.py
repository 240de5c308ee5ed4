"""Check minispore's recurrent layers and cells against outputs recorded from real MindSpore 2.10.0 (CPU, PyNative):
tests/golden/rnn.json, made by ``/tmp/msref/bin/python tests/golden/gen_rnn.py`` from tests/golden/cases_rnn.py.

Every case runs eagerly; the computational ones (outputs, final states and the gradients w.r.t. the input, the
initial states and every parameter) run again with the forward and the gradient compiled by ``ms.jit`` and must
equal the same recording. Floats with cases_rnn.tolerance; errors by class (a subclass is fine); the rest exactly.
``init.LSTM_uniform`` holds booleans of the draws' bounds, ``init.GRU_seeded_numpy`` the weights NumPy's seeded
global generator gives (MindSpore draws from it).

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run this file against MindSpore itself.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import numpy as np  # noqa: E402

import cases_rnn  # noqa: E402
import harness  # noqa: E402
from describe import compare, describe  # noqa: E402

FAMILY = harness.Family(cases_rnn, "rnn.json", bare=True, jit="separate")
GOLDEN = FAMILY.golden
globals().update(FAMILY.tests())


def test_seeded_numpy_gives_mindspores_weights():
    """The recording of init.GRU_seeded_numpy is what NumPy's generator gives in MindSpore's draw order."""
    np.random.seed(123)
    bound = 1 / np.sqrt(4)
    draws = [np.random.uniform(-bound, bound, shape).astype(np.float32)
             for _ in range(2) for shape in [(12, 3), (12, 4), (12,), (12,)]]
    recorded = {name: np.asarray(t["value"], np.float32) for name, t in
                ((e["tuple"][0], e["tuple"][1]) for e in GOLDEN["init.GRU_seeded_numpy"]["list"])}
    order = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse",
             "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse"]
    for name, draw in zip(order, draws):
        np.testing.assert_allclose(recorded[name], draw, rtol=1e-6)


def test_mindspores_lstm_checkpoint_loads_with_its_outputs(tmp_path):
    """The checkpoint real MindSpore wrote (recorded bytes) loads into minispore's model and gives MindSpore's
    outputs; test_golden_rnn[ckpt.lstm_classifier] checks that minispore writes the same bytes."""
    ms = harness.framework()
    recorded = GOLDEN["ckpt.lstm_classifier"]["dict"]
    path = tmp_path / "mindspore_lstm.ckpt"
    path.write_bytes(bytes.fromhex(recorded[0][1]))
    net = cases_rnn.lstm_classifier(ms)
    assert ms.load_param_into_net(net, ms.load_checkpoint(str(path))) == ([], [])
    out = net(ms.Tensor(cases_rnn.CLASSIFIER_IDS))
    assert not compare(recorded[1][1], describe(out), *cases_rnn.tolerance("ckpt"))
