"""Check minispore against engine edge cases recorded from real MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_engine.py), run here on ``minispore``; the recorded results are in
tests/golden/engine.json (made by ``/tmp/msref/bin/python tests/golden/gen_engine.py``).

Comparison rules (as tests/test_golden_core.py, with the describe.py encoding):
* structure (Tensor / Parameter / tuple / list / Python scalar / str / dtype) must match exactly, Tensor dtype and
  shape exactly; float values rtol=1e-5, atol=1e-6 (``num/f16_*``: 1e-3); ints and bools exactly;
* exceptions: the raised exception must be an instance of the recorded class (a subclass is fine), and the case's
  keywords must appear in the message (case-insensitive).  Exact MindSpore messages are not required;
* cases in ``cases_engine.DELIBERATE`` record a MindSpore bug: minispore is checked against
  ``cases_engine.INSTEAD`` (what it should do instead), or, where that is not given, only to differ from MindSpore.

Set GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself (a sanity check of the harness:
``/tmp/msref/bin/python -m pytest tests/test_golden_engine.py`` with that variable set); DELIBERATE cases are
then compared with the recording, and UNSTABLE ones by structure, dtype and shape only.
"""
import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_DIR = os.path.join(HERE, "golden")
sys.path.insert(0, GOLDEN_DIR)

import cases_engine  # noqa: E402
from cases_engine import DELIBERATE, INSTEAD, UNSTABLE  # noqa: E402
from describe import Stub, compare  # noqa: E402
from gen_engine import run_case, strip_values  # noqa: E402

with open(os.path.join(GOLDEN_DIR, "engine.json")) as _fh:
    GOLDEN = json.load(_fh)["cases"]


# Definition order (grouped by topic), then anything recorded but no longer defined (reported as a failure).
DEFINED = [n for n, _ in cases_engine.cases(Stub())]
NAMES = [n for n in DEFINED if n in GOLDEN] + sorted(set(GOLDEN) - set(DEFINED))

FRAMEWORK = os.environ.get("GOLDEN_FRAMEWORK", "minispore")


@pytest.fixture(scope="module")
def ms():
    import importlib
    mod = importlib.import_module(FRAMEWORK)
    if FRAMEWORK == "mindspore":
        mod.set_context(mode=mod.PYNATIVE_MODE)
        mod.runtime.launch_blocking()
    return mod


@pytest.fixture(scope="module")
def ms_cases(ms):
    return dict(cases_engine.cases(ms))


def _class_matches(exc, recorded):
    return any(c.__name__ == recorded for c in type(exc).__mro__)


def _short(d):
    s = json.dumps(d)
    return s if len(s) < 300 else s[:300] + "..."


def _check(expected, keywords, thunk, name, what, note):
    """Run the thunk and check it against `expected` (a description, or an error class + keywords)."""
    if isinstance(expected, dict) and "error" in expected:
        shown = expected.get("message", "key words %s" % (keywords,))
        try:
            res = thunk()
        except Exception as exc:  # noqa: BLE001
            assert _class_matches(exc, expected["error"]), (
                f"{what} {expected['error']}({shown!r}); "
                f"{FRAMEWORK} raised {type(exc).__name__}({exc}){note}")
            msg = str(exc).lower()
            missing = [k for k in keywords if k.lower() not in msg]
            assert not missing, f"message {str(exc)!r} lacks the key words {missing}{note}"
            return
        got = run_case(lambda: res)
        pytest.fail(f"{what} {expected['error']}: {shown!r}; "
                    f"{FRAMEWORK} returned {_short(got)}{note}")

    actual = run_case(thunk)
    if isinstance(actual, dict) and "error" in actual:
        pytest.fail(f"{FRAMEWORK} raised {actual['error']}: {actual['message']}\n"
                    f"{what} {_short(expected)}{note}")
    if FRAMEWORK == "mindspore" and name in UNSTABLE:
        expected, actual = strip_values(expected), strip_values(actual)
    rtol, atol = cases_engine.tolerance(name)
    errs = compare(expected, actual, rtol=rtol, atol=atol)
    assert not errs, "\n".join(errs[:8]) + note


@pytest.mark.parametrize("name", NAMES)
def test_golden_engine(name, ms, ms_cases):
    entry = GOLDEN[name]
    if name not in ms_cases:
        pytest.fail(f"case {name!r} is recorded in engine.json but no longer defined in cases_engine.py")
    thunk = ms_cases[name]
    note = f"\n(note: {entry['note']})" if entry.get("note") else ""

    if FRAMEWORK == "minispore" and name in DELIBERATE:
        why = f"\n(MindSpore 2.10 differs deliberately: {DELIBERATE[name]})"
        if name in INSTEAD:
            instead = INSTEAD[name]
            keywords = instead.get("keywords", []) if isinstance(instead, dict) else []
            _check(instead, keywords, thunk, name, "minispore should give", why)
        else:
            actual = run_case(thunk)
            assert compare(entry["result"], actual), (
                f"{name} now matches MindSpore's recorded bug; remove it from DELIBERATE{why}")
        return

    _check(entry["result"], entry.get("keywords", []), thunk, name, "MindSpore", note)


def test_every_case_is_recorded():
    """Cases added to cases_engine.py must be recorded (re-run gen_engine.py with MindSpore)."""
    assert len(DEFINED) == len(set(DEFINED))
    missing = sorted(set(DEFINED) - set(GOLDEN))
    assert not missing, f"not recorded in engine.json: {missing[:10]}"


def test_tables_name_existing_cases():
    tables = {"DELIBERATE": DELIBERATE, "INSTEAD": INSTEAD, "UNSTABLE": UNSTABLE, "NOTES": cases_engine.NOTES}
    for label, table in tables.items():
        unknown = sorted(set(table) - set(DEFINED))
        assert not unknown, f"{label} names unknown cases: {unknown}"
    assert set(INSTEAD) <= set(DELIBERATE)
    assert set(UNSTABLE) <= set(DELIBERATE), "an unstable MindSpore value cannot be a reference"
    for name in DELIBERATE:
        assert GOLDEN.get(name, {}).get("deliberate") == DELIBERATE[name], \
            f"{name}: engine.json's 'deliberate' differs from cases_engine.DELIBERATE (re-run gen_engine.py)"


def test_recording_keeps_description_key_order():
    """describe.compare takes a description's kind from its first key, so engine.json must not sort keys."""
    kinds = ("tensor", "ndarray", "npscalar", "error")

    def walk(d, path):
        if isinstance(d, dict):
            for kind in kinds:
                if kind in d:
                    assert next(iter(d)) == kind, f"{path}: {kind!r} is not the first key of {list(d)}"
            for k, v in d.items():
                walk(v, f"{path}.{k}")
        elif isinstance(d, list):
            for i, v in enumerate(d):
                walk(v, f"{path}[{i}]")

    for name, entry in GOLDEN.items():
        walk(entry["result"], name)
    for name, instead in INSTEAD.items():
        walk(instead, "INSTEAD " + name)
