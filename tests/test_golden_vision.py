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
import importlib
import json
import os
import sys

import numpy as np
import pytest

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
sys.path.insert(0, GOLDEN_DIR)

import cases_vision  # noqa: E402
from describe import Stub, compare, describe, describe_error  # noqa: E402

with open(os.path.join(GOLDEN_DIR, "vision.json")) as _f:
    _DOC = json.load(_f)
GOLDEN = _DOC["cases"]
INSTEAD = _DOC["instead"]

FRAMEWORK = os.environ.get("MINISPORE_GOLDEN_FRAMEWORK", "minispore")

DEFINED = [n for n, _ in cases_vision.cases(Stub())]
JIT_NAMES = [n for n, _ in cases_vision.cases(Stub(), jit=True)]
NAMES = [n for n in DEFINED if n in GOLDEN] + sorted(set(GOLDEN) - set(DEFINED))
_CACHE = {}


def _framework():
    if "ms" not in _CACHE:
        np.random.seed(0)
        ms = importlib.import_module(FRAMEWORK)
        if FRAMEWORK == "mindspore":
            ms.set_context(mode=ms.PYNATIVE_MODE)
            ms.runtime.launch_blocking()
        _CACHE["ms"] = ms
    return _CACHE["ms"]


def _thunks(jit):
    key = ("thunks", jit)
    if key not in _CACHE:
        _CACHE[key] = dict(cases_vision.cases(_framework(), jit=jit))
    return _CACHE[key]


def _run(thunk):
    """(description, exception or None)."""
    try:
        res = thunk()
        sync = getattr(getattr(_framework(), "runtime", None), "synchronize", None)
        if FRAMEWORK == "mindspore" and sync is not None:
            sync()
        return describe(res), None
    except Exception as e:  # noqa: BLE001 - errors are results too
        return describe_error(e), e


def _problems(name, expected, actual, exc):
    if isinstance(expected, dict) and "error" in expected:
        if exc is None:
            return ["expected %s(%r), got %s" % (expected["error"], expected["message"][:200],
                                                 json.dumps(actual)[:300])]
        if not any(c.__name__ == expected["error"] for c in type(exc).__mro__):
            return ["expected %s(%r), %s raised %s(%s)" % (expected["error"], expected["message"][:200], FRAMEWORK,
                                                          type(exc).__name__, str(exc)[:300])]
        msg = str(exc).lower()
        missing = [k for k in cases_vision.KEYWORDS.get(name, []) if k.lower() not in msg]
        return ["message %r lacks the key words %s" % (str(exc)[:300], missing)] if missing else []
    if name.startswith("init."):
        return cases_vision.check_init(expected, actual)
    rtol, atol = cases_vision.tolerance(name)
    return compare(expected, actual, rtol=rtol, atol=atol)


def _check(name, jit):
    try:
        thunks = _thunks(jit)
    except Exception as e:  # the framework (or part of it) cannot build the cases yet
        pytest.fail("building the cases failed: %s: %s" % (type(e).__name__, e))
    assert name in thunks, "case %s is no longer produced by cases_vision.cases" % name
    actual, exc = _run(thunks[name])
    if FRAMEWORK != "mindspore" and name in cases_vision.DELIBERATE:
        why = cases_vision.DELIBERATE[name]
        if name in INSTEAD:
            probs = _problems(name, INSTEAD[name], actual, exc)
            assert not probs, "(DELIBERATE: %s)\n%s" % (why, "\n".join(probs[:20]))
        else:
            assert _problems(name, GOLDEN[name], actual, exc), (
                "%s now matches MindSpore; remove it from DELIBERATE (%s)" % (name, why))
        return
    probs = _problems(name, GOLDEN[name], actual, exc)
    assert not probs, "\n".join(probs[:20])


@pytest.mark.parametrize("name", NAMES)
def test_golden_vision(name):
    assert name in DEFINED, "recorded case %s is no longer defined in cases_vision.py" % name
    _check(name, jit=False)


@pytest.mark.parametrize("name", [n for n in JIT_NAMES if n in GOLDEN])
def test_golden_vision_jit(name):
    """The same forward and gradients with ms.jit-compiled functions."""
    _check(name, jit=True)


def test_every_case_is_recorded():
    missing = [n for n in DEFINED if n not in GOLDEN]
    assert not missing, "cases without a recording (run gen_vision.py): %s" % missing[:20]
    no_ref = [n for n in cases_vision.DELIBERATE if n not in GOLDEN]
    assert not no_ref, no_ref
