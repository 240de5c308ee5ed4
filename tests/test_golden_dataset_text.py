"""Check minispore's dataset.text, text sources, sequence transforms and padded batching against MindSpore 2.10.0
(tests/golden/dataset_text.json, recorded by ``/tmp/msref/bin/python tests/golden/gen_dataset_text.py``).

The cases are code (tests/golden/cases_dataset_text.py), run here on the same input files (written by
``cases_dataset_text.make_data`` into a temporary folder).

Comparison rules: structure, dtypes and shapes exactly; integers and strings exactly; floats rtol=1e-5, atol=1e-6;
cases in ``TOLERANCE`` (kernels not reproduced bit for bit) may differ by at most ``max_abs`` on any value and on at
most a fraction ``max_fraction`` of the values; exceptions must be of the recorded class with the case's keywords
in the message; ``DELIBERATE`` cases (a MindSpore bug) are checked against ``INSTEAD`` or only to differ.

Set GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself.
"""
import json
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_DIR = os.path.join(HERE, "golden")
sys.path.insert(0, GOLDEN_DIR)

import cases_dataset_text as C  # noqa: E402
from describe import Stub, compare, describe, describe_error  # noqa: E402

with open(os.path.join(GOLDEN_DIR, "dataset_text.json")) as _fh:
    GOLDEN = json.load(_fh)["cases"]

FRAMEWORK = os.environ.get("GOLDEN_FRAMEWORK", "minispore")
DEFINED = [n for n, _ in C.cases(Stub(), "/nonexistent")]
NAMES = [n for n in DEFINED if n in GOLDEN] + sorted(set(GOLDEN) - set(DEFINED))


@pytest.fixture(scope="module")
def ms():
    import importlib
    return importlib.import_module(FRAMEWORK)


@pytest.fixture(scope="module")
def ms_cases(ms, tmp_path_factory):
    root = str(tmp_path_factory.mktemp("dataset_text"))
    C.make_data(root)
    return dict(C.cases(ms, root))


def _run(thunk):
    try:
        return describe(thunk())
    except Exception as e:  # noqa: BLE001
        return describe_error(e)


def _flat(d, out):
    """The numbers of a description, in order (for tolerance comparisons)."""
    if isinstance(d, dict):
        for k, v in d.items():
            if k == "value":
                out.extend(np.ravel(np.asarray(v, dtype=np.float64)).tolist() if not isinstance(v, str) else [])
            elif k not in ("tensor", "ndarray", "npscalar", "shape"):
                _flat(v, out)
    elif isinstance(d, list):
        for v in d:
            _flat(v, out)
    return out


def _strip_values(d):
    if isinstance(d, dict):
        return {k: (None if k == "value" else _strip_values(v)) for k, v in d.items()}
    if isinstance(d, list):
        return [_strip_values(v) for v in d]
    return d


def _check_tolerance(expected, actual, tol, name):
    assert _strip_values(expected) == _strip_values(actual), f"{name}: structure, dtype or shape differs"
    e, a = np.array(_flat(expected, [])), np.array(_flat(actual, []))
    assert e.shape == a.shape
    max_abs, max_frac = tol
    diff = np.abs(e - a)
    assert diff.max(initial=0) <= max_abs, f"{name}: largest difference {diff.max()} > {max_abs}"
    frac = float((diff > 1e-6 * np.maximum(1, np.abs(e))).mean()) if e.size else 0.0
    assert frac <= max_frac, f"{name}: {frac:.3%} of the values differ (allowed {max_frac:.1%})"


def _check(expected, keywords, thunk, name, note=""):
    if isinstance(expected, dict) and "error" in expected:
        try:
            res = thunk()
        except Exception as exc:  # noqa: BLE001
            assert any(c.__name__ == expected["error"] for c in type(exc).__mro__), (
                f"expected {expected['error']}({expected.get('message', '')!r}); got {type(exc).__name__}({exc})"
                f"{note}")
            missing = [k for k in keywords if k.lower() not in str(exc).lower()]
            assert not missing, f"message {str(exc)!r} lacks the key words {missing}{note}"
            return
        pytest.fail(f"expected {expected['error']}: {expected.get('message', keywords)!r}; got "
                    f"{str(describe(res))[:300]}{note}")
    actual = _run(thunk)
    if isinstance(actual, dict) and "error" in actual:
        pytest.fail(f"{FRAMEWORK} raised {actual['error']}: {actual['message']}{note}")
    if name in C.TOLERANCE:
        _check_tolerance(expected, actual, C.TOLERANCE[name], name)
        return
    errs = compare(expected, actual)
    assert not errs, "\n".join(errs[:8]) + note


@pytest.mark.parametrize("name", NAMES)
def test_golden_dataset_text(name, ms_cases):
    entry = GOLDEN[name]
    if name not in ms_cases:
        pytest.fail(f"case {name!r} is recorded in dataset_text.json but no longer defined")
    thunk = ms_cases[name]
    note = f"\n(note: {entry['note']})" if entry.get("note") else ""
    if FRAMEWORK == "minispore" and name in C.DELIBERATE:
        why = f"\n(MindSpore 2.10 differs deliberately: {C.DELIBERATE[name]})"
        if name in C.INSTEAD:
            instead = C.INSTEAD[name]
            _check(instead, instead.get("keywords", []) if "error" in instead else [], thunk, name, why)
        else:
            actual = _run(thunk)
            assert compare(entry["result"], actual), f"{name} now matches MindSpore's recorded bug{why}"
        return
    _check(entry["result"], entry.get("keywords", []), thunk, name, note)


def test_every_case_is_recorded():
    assert len(DEFINED) == len(set(DEFINED))
    missing = sorted(set(DEFINED) - set(GOLDEN))
    assert not missing, f"not recorded in dataset_text.json (re-run gen_dataset_text.py): {missing[:10]}"


def test_tables_name_existing_cases():
    for label, table in (("DELIBERATE", C.DELIBERATE), ("INSTEAD", C.INSTEAD), ("TOLERANCE", C.TOLERANCE),
                         ("NOTES", C.NOTES)):
        unknown = sorted(set(table) - set(DEFINED))
        assert not unknown, f"{label} names unknown cases: {unknown}"
    assert set(C.INSTEAD) <= set(C.DELIBERATE)
    for name in C.TOLERANCE:
        assert GOLDEN[name].get("tolerance") == list(C.TOLERANCE[name]), \
            f"{name}: the recorded tolerance differs from cases_dataset_text.TOLERANCE (re-run the generator)"
