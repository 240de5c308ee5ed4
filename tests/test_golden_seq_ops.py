"""Check minispore's sequence-model ops (products, masks, triangles, cumulative ops, orders, scatters and gathers,
unique, repeats, slices, logsumexp, nn.Embedding, nn.EmbeddingLookup) against MindSpore 2.10.0 (CPU, PyNative).

The cases are code (tests/golden/cases_seq_ops.py), run here on ``minispore``; the recorded results are in
tests/golden/seq_ops.json (made by ``/tmp/msref/bin/python tests/golden/gen_seq_ops.py``). The comparison rules
are tests/test_golden_engine.py's: structure, dtype and shape exactly, float values to rtol 1e-5 / atol 1e-6
an exception of the recorded class (or a subclass) whose message holds the case's keywords;
cases in ``DELIBERATE`` are checked against ``INSTEAD``, or only to differ from MindSpore.

``GOLDEN_FRAMEWORK=mindspore /tmp/msref/bin/python -m pytest tests/test_golden_seq_ops.py`` runs the same checks
on MindSpore itself (a check of the harness).

Every case runs twice on minispore: eagerly, and with every op call and gradient compiled by ``jit``
(``cases_seq_ops.cases(ms, jit=True)``); both must match the one eager recording (eager == jit). The ops whose output
shape depends on the values (``unique``, ``masked_select``) run eagerly inside jit (JIT Fallback, as in MindSpore):
the warning is expected.
"""
import warnings
import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_DIR = os.path.join(HERE, "golden")
sys.path.insert(0, GOLDEN_DIR)

import cases_seq_ops  # noqa: E402
from cases_seq_ops import DELIBERATE, INSTEAD, NOTES, UNSTABLE  # noqa: E402
from describe import Stub, compare  # noqa: E402
from gen_engine import run_case  # noqa: E402

with open(os.path.join(GOLDEN_DIR, "seq_ops.json")) as _fh:
    GOLDEN = json.load(_fh)["cases"]

DEFINED = [n for n, _ in cases_seq_ops.cases(Stub())]
NAMES = [n for n in DEFINED if n in GOLDEN] + sorted(set(GOLDEN) - set(DEFINED))

FRAMEWORK = os.environ.get("GOLDEN_FRAMEWORK", "minispore")


_CASES = {}


def _cases(jit):
    if jit not in _CASES:
        import importlib
        mod = importlib.import_module(FRAMEWORK)
        if FRAMEWORK == "mindspore":
            mod.set_context(mode=mod.PYNATIVE_MODE)
            mod.runtime.launch_blocking()
        _CASES[jit] = dict(cases_seq_ops.cases(mod, jit=jit))
    return _CASES[jit]


def _raised(thunk):
    try:
        return None, thunk()
    except Exception as exc:  # noqa: BLE001 - errors are results too
        return exc, None


def _check(expected, keywords, thunk, name, what, note):
    if isinstance(expected, dict) and "error" in expected:
        exc, res = _raised(thunk)
        shown = expected.get("message", f"key words {keywords}")
        if exc is None:
            pytest.fail(f"{what} {expected['error']}: {shown!r}; {FRAMEWORK} returned "
                        f"{json.dumps(run_case(lambda: res))[:300]}{note}")
        assert any(c.__name__ == expected["error"] for c in type(exc).__mro__), (
            f"{what} {expected['error']}({shown!r}); {FRAMEWORK} raised {type(exc).__name__}({exc}){note}")
        missing = [k for k in keywords if k.lower() not in str(exc).lower()]
        assert not missing, f"message {str(exc)!r} lacks the key words {missing}{note}"
        return
    actual = run_case(thunk)
    if isinstance(actual, dict) and "error" in actual:
        pytest.fail(f"{FRAMEWORK} raised {actual['error']}: {actual['message']}\n{what} "
                    f"{json.dumps(expected)[:300]}{note}")
    rtol, atol = cases_seq_ops.tolerance(name)
    errs = compare(expected, actual, rtol=rtol, atol=atol)
    assert not errs, "\n".join(errs[:8]) + note


@pytest.mark.parametrize("jit", [False, True], ids=["eager", "jit"])
@pytest.mark.parametrize("name", NAMES)
def test_golden_seq_ops(name, jit):
    if jit and FRAMEWORK == "mindspore":
        pytest.skip("the recording is eager")
    ms_cases = _cases(jit)
    entry = GOLDEN[name]
    if name not in ms_cases:
        pytest.fail(f"case {name!r} is recorded in seq_ops.json but no longer defined in cases_seq_ops.py")
    thunk = _quiet(ms_cases[name])
    note = f"\n(note: {entry['note']})" if entry.get("note") else ""
    if FRAMEWORK == "minispore" and name in DELIBERATE:
        why = f"\n(MindSpore 2.10 differs deliberately: {DELIBERATE[name]})"
        if name in INSTEAD:
            instead = INSTEAD[name]
            _check(instead, instead.get("keywords", []), thunk, name, "minispore should give", why)
        else:
            assert compare(entry["result"], run_case(thunk)), (
                f"{name} now matches MindSpore's recorded behaviour; remove it from DELIBERATE{why}")
        return
    _check(entry["result"], entry.get("keywords", []), thunk, name, "MindSpore", note)


def _quiet(thunk):
    """The thunk, with the JIT Fallback warning of the value-dependent ops silenced."""
    def run():
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="jit: ")
            return thunk()
    return run


def test_every_case_is_recorded():
    assert len(DEFINED) == len(set(DEFINED))
    missing = sorted(set(DEFINED) - set(GOLDEN))
    assert not missing, f"not recorded in seq_ops.json: {missing[:10]}"


def test_tables_name_existing_cases():
    for label, table in (("DELIBERATE", DELIBERATE), ("INSTEAD", INSTEAD), ("UNSTABLE", UNSTABLE),
                         ("NOTES", NOTES)):
        unknown = sorted(set(table) - set(DEFINED))
        assert not unknown, f"{label} names unknown cases: {unknown}"
    assert set(INSTEAD) <= set(DELIBERATE)
    for name in DELIBERATE:
        assert GOLDEN.get(name, {}).get("deliberate") == DELIBERATE[name], \
            f"{name}: seq_ops.json's 'deliberate' differs from cases_seq_ops.DELIBERATE (re-run gen_seq_ops.py)"
