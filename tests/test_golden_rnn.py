"""Check minispore's recurrent layers and cells against outputs recorded from real MindSpore 2.10.0 (CPU, PyNative):
tests/golden/rnn.json, made by ``/tmp/msref/bin/python tests/golden/gen_rnn.py`` from tests/golden/cases_rnn.py.

Every case runs eagerly; the computational ones (outputs, final states and the gradients w.r.t. the input, the
initial states and every parameter) run again with the forward and the gradient compiled by ``ms.jit`` and must
equal the same recording. Floats with cases_rnn.tolerance; errors by class (a subclass is fine); the rest exactly.
``init.LSTM_uniform`` holds booleans of the draws' bounds, ``init.GRU_seeded_numpy`` the weights NumPy's seeded
global generator gives (MindSpore draws from it).
"""
import importlib
import json
import os
import sys

import numpy as np
import pytest

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
sys.path.insert(0, GOLDEN_DIR)

import cases_rnn  # noqa: E402
from describe import Stub, compare, describe, describe_error  # noqa: E402

with open(os.path.join(GOLDEN_DIR, "rnn.json")) as _f:
    GOLDEN = json.load(_f)["cases"]

FRAMEWORK = os.environ.get("MINISPORE_GOLDEN_FRAMEWORK", "minispore")
DEFINED = [n for n, _ in cases_rnn.cases(Stub())]
JIT_NAMES = [n for n, _ in cases_rnn.cases(Stub(), jit=True)]
_CACHE = {}


def _thunks(jit):
    if jit not in _CACHE:
        ms = importlib.import_module(FRAMEWORK)
        _CACHE[jit] = dict(cases_rnn.cases(ms, jit=jit))
    return _CACHE[jit]


def _check(name, jit):
    expected = GOLDEN[name]
    try:
        actual, exc = describe(_thunks(jit)[name]()), None
    except Exception as e:  # noqa: BLE001 - errors are results too
        actual, exc = describe_error(e), e
    if isinstance(expected, dict) and "error" in expected:
        assert exc is not None, f"expected {expected['error']}({expected['message'][:200]!r}), got a result"
        assert any(c.__name__ == expected["error"] for c in type(exc).__mro__), (
            f"expected {expected['error']}({expected['message'][:200]!r}), got {type(exc).__name__}({exc})")
        return
    assert exc is None, f"raised {type(exc).__name__}: {exc}"
    probs = compare(expected, actual, *cases_rnn.tolerance(name))
    assert not probs, "\n".join(probs[:20])


@pytest.mark.parametrize("name", DEFINED)
def test_golden_rnn(name):
    assert name in GOLDEN, f"case {name} has no recording (run gen_rnn.py)"
    _check(name, jit=False)


@pytest.mark.parametrize("name", JIT_NAMES)
def test_golden_rnn_jit(name):
    _check(name, jit=True)


def test_every_recording_is_defined():
    assert sorted(set(GOLDEN) - set(DEFINED)) == []


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
    ms = importlib.import_module(FRAMEWORK)
    recorded = GOLDEN["ckpt.lstm_classifier"]["dict"]
    path = tmp_path / "mindspore_lstm.ckpt"
    path.write_bytes(bytes.fromhex(recorded[0][1]))
    net = cases_rnn.lstm_classifier(ms)
    assert ms.load_param_into_net(net, ms.load_checkpoint(str(path))) == ([], [])
    out = net(ms.Tensor(cases_rnn.CLASSIFIER_IDS))
    assert not compare(recorded[1][1], describe(out), *cases_rnn.tolerance("ckpt"))
