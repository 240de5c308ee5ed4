"""What every tests/test_golden_<family>.py does, written once: run a family's cases (tests/golden/cases_<family>.py)
on the framework under test and check them against MindSpore 2.10's recording (tests/golden/<family>.json, made by
tests/golden/gen_<family>.py through recorder.py). A test file keeps its docstring (what it checks, the comparison
rules) and its really specific tests, and gets the parametrised ones from here::

    FAMILY = harness.Family(cases_engine, "engine.json")
    globals().update(FAMILY.tests())

which gives ``test_golden_<family>[case]`` (with ``jit="separate"`` also ``test_golden_<family>_jit[case]`` over
the cases of ``cases(ms, jit=True)``; with ``jit="param"`` every case as ``[case-eager]`` and ``[case-jit]``),
``test_every_case_is_recorded``, ``test_every_recording_is_defined``, ``test_tables_name_existing_cases`` (where the
family has a non-empty table) and a module fixture that drops the built cases when the module is done.

The rules:
* the thunks are built once per framework and jit flag (NumPy's global generator seeded with 0 first), the names
  with ``describe.Stub``;
* a recorded error: the thunk must raise the recorded class (or a subclass; ``error_subclasses=False``: the class
  itself) and the message must hold the case's keywords (the entry's ``keywords``, else the module's KEYWORDS),
  case-insensitive; the exact message is not compared;
* a recorded result: describe.value_problems (the module's tolerance(name), TOLERANCE, special checks; UNSTABLE
  cases by structure only when the framework is MindSpore);
* a DELIBERATE case (minispore differs from MindSpore on purpose): checked against its "instead" (the module's
  INSTEAD, the recording's "instead" section, or with ``instead_names`` the recording of the case it names), or
  where there is none, to still differ from the recording;
* MINISPORE_GOLDEN_FRAMEWORK=mindspore (or GOLDEN_FRAMEWORK=mindspore) runs the same checks on MindSpore itself,
  a check of the harness: ``/tmp/msref/bin/python -m pytest tests/test_golden_<family>.py``; DELIBERATE cases are
  then compared with the recording.
"""
import importlib
import json
import os
import warnings

import numpy as np
import pytest

from describe import Stub, describe, describe_error, value_problems
from recorder import FIELDS, TABLES, data_folder

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORK = os.environ.get("MINISPORE_GOLDEN_FRAMEWORK") or os.environ.get("GOLDEN_FRAMEWORK") or "minispore"
_FRAMEWORK = {}


def framework():
    """The framework under test, imported once (MindSpore in PyNative mode with synchronous kernel launch)."""
    if "ms" not in _FRAMEWORK:
        ms = importlib.import_module(FRAMEWORK)
        if FRAMEWORK == "mindspore":
            ms.set_context(mode=ms.PYNATIVE_MODE)
            ms.runtime.launch_blocking()
        _FRAMEWORK["ms"] = ms
    return _FRAMEWORK["ms"]


def _short(d):
    s = json.dumps(d) if not isinstance(d, str) else repr(d)
    return s if len(s) < 300 else s[:300] + "..."


def _jsonable(v):
    return json.loads(json.dumps(v))


class Family:
    """One family's recording and cases.

    bare: the recording's entries are the descriptions themselves (no "result", "keywords", "note").
    data: the cases read files ``module.make_data(root)`` writes into a temporary folder (the working directory
      while the module's tests run): cases(ms, root).
    jit: None, "separate" or "param" (see the module docstring).
    special / compare: describe.value_problems' special checks ({prefix: fn(name, expected, actual)}) and own
      comparison; describe_fn: fn(obj, ms) -> description, for a module with an encoding of its own.
    deliberate / instead: tables given by the test file instead of the module's DELIBERATE / INSTEAD.
    instead_of: fn(name, entry) -> the expected description of a DELIBERATE case, or None for the tables' rule.
    instead_names: INSTEAD's values name the case whose recording is the reference.
    stub: False where cases(Stub()) cannot run: the recording's names are the cases.
    skip: an exception class that skips the case (a missing data set).
    teardown: fn() run when the module is done.
    """

    def __init__(self, module, json_name, *, bare=False, data=False, jit=None, special=None, compare=None,
                 describe_fn=None, deliberate=None, instead=None, instead_of=None, instead_names=False,
                 error_subclasses=True, stub=True, skip=None, teardown=None):
        self.module, self.json_name = module, json_name
        self.family = os.path.splitext(json_name)[0]
        with open(os.path.join(HERE, json_name)) as fh:
            self.doc = json.load(fh)
        self.golden = self.doc["cases"]
        self.bare, self.data, self.jit = bare, data, jit
        self.special, self.compare, self.describe_fn = special, compare, describe_fn
        self.deliberate = deliberate if deliberate is not None else getattr(module, "DELIBERATE", {})
        if instead is None:
            instead = getattr(module, "INSTEAD", None)
        self.instead = instead if instead is not None else self.doc.get("instead", {})
        self.instead_of, self.instead_names = instead_of, instead_names
        self.error_subclasses, self.skip, self.teardown = error_subclasses, skip, teardown
        self.explicit = {"DELIBERATE": deliberate, "INSTEAD": instead} if deliberate is not None else {}
        extra = ("/nonexistent",) if data else ()
        if stub:
            self.defined = [n for n, _ in module.cases(Stub(), *extra)]
            self.names = [n for n in self.defined if n in self.golden] + sorted(set(self.golden) - set(self.defined))
            self.jit_names = ([n for n, _ in module.cases(Stub(), *extra, jit=True) if n in self.golden]
                              if jit == "separate" else [])
        else:
            self.defined, self.names, self.jit_names = None, list(self.golden), []
        self._cache = {}
        self._folder = None

    # ------------------------------------------------------------------------------------------------ running
    def thunks(self, jit=False):
        if jit not in self._cache:
            ms = framework()
            extra = ()
            if self.data:
                if self._folder is None:
                    self._folder = data_folder(self.module, f"golden_{self.family}_")
                    self._root = self._folder.__enter__()
                extra = (self._root,)
            np.random.seed(0)   # initialisers draw from NumPy's global generator
            try:
                self._cache[jit] = dict(self.module.cases(ms, *extra, **({"jit": True} if jit else {})))
            except Exception as e:  # the framework (or part of it) cannot build the cases yet
                pytest.fail("building the cases failed: %s: %s" % (type(e).__name__, e))
        return self._cache[jit]

    def close(self):
        self._cache.clear()
        if self._folder is not None:
            self._folder.__exit__(None, None, None)
            self._folder = None
        if self.teardown is not None:
            self.teardown()

    def run(self, thunk):
        """(description, exception or None); the JIT Fallback warning of value-dependent ops silenced."""
        ms = framework()
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="jit: ")
                res = thunk()
                if FRAMEWORK == "mindspore":
                    ms.runtime.synchronize()
                return (self.describe_fn(res, ms) if self.describe_fn else describe(res)), None
        except Exception as e:  # noqa: BLE001 - errors are results too
            if self.skip is not None and isinstance(e, self.skip):
                pytest.skip(str(e))
            return describe_error(e), e

    # ------------------------------------------------------------------------------------------------ checking
    def expected(self, name):
        entry = self.golden[name]
        return entry if self.bare else entry["result"]

    def keywords(self, name):
        if not self.bare and "keywords" in self.golden[name]:
            return self.golden[name]["keywords"]
        return getattr(self.module, "KEYWORDS", {}).get(name, [])

    def reference(self, name):
        """(expected, keywords) for a DELIBERATE case, or None where it only has to differ."""
        if self.instead_of is not None:
            fixed = self.instead_of(name, self.golden[name])
            if fixed is not None:
                return fixed, []
        if name not in self.instead:
            return None
        ref = self.instead[name]
        if self.instead_names:
            return self.expected(ref), self.keywords(ref)
        if isinstance(ref, dict) and "error" in ref:
            return ref, ref.get("keywords", getattr(self.module, "KEYWORDS", {}).get(name, []))
        return ref, []

    def problems(self, name, expected, keywords, actual, exc):
        if isinstance(expected, dict) and "error" in expected:
            shown = expected.get("message", f"key words {keywords}")
            if exc is None:
                return [f"expected {expected['error']}({shown!r}); {FRAMEWORK} returned {_short(actual)}"]
            classes = type(exc).__mro__ if self.error_subclasses else (type(exc),)
            if not any(c.__name__ == expected["error"] for c in classes):
                return [f"expected {expected['error']}({shown!r}); {FRAMEWORK} raised {type(exc).__name__}({exc})"]
            missing = [k for k in keywords if k.lower() not in str(exc).lower()]
            return [f"message {str(exc)!r} lacks the key words {missing}"] if missing else []
        if exc is not None:
            return [f"{FRAMEWORK} raised {actual['error']}: {actual['message']}\nexpected {_short(expected)}"]
        return value_problems(self.module, name, expected, actual, self.special, self.compare,
                              unstable=FRAMEWORK == "mindspore")

    def check(self, name, jit=False):
        thunks = self.thunks(jit)
        if name not in thunks:
            pytest.fail(f"case {name!r} is recorded in {self.json_name} but no longer defined in "
                        f"{self.module.__name__}.py")
        entry = self.golden[name]
        actual, exc = self.run(thunks[name])
        if FRAMEWORK == "minispore" and name in self.deliberate:
            why = f"\n(MindSpore 2.10 differs deliberately: {self.deliberate[name]})"
            ref = self.reference(name)
            if ref is not None:
                probs = self.problems(name, ref[0], ref[1], actual, exc)
                assert not probs, "minispore should give its reference:\n" + "\n".join(probs[:8]) + why
            else:
                assert self.problems(name, self.expected(name), self.keywords(name), actual, exc), (
                    f"{name} now matches MindSpore's recorded behaviour; remove it from DELIBERATE{why}")
            return
        note = f"\n(note: {entry['note']})" if not self.bare and entry.get("note") else ""
        probs = self.problems(name, self.expected(name), self.keywords(name), actual, exc)
        assert not probs, "\n".join(probs[:8]) + note

    # ------------------------------------------------------------------------------------------------ the tests
    def tables(self):
        tables = {t: getattr(self.module, t) for t in TABLES if getattr(self.module, t, None)}
        tables.update({k: v for k, v in self.explicit.items() if v})
        return tables

    def tests(self):
        """The test functions (and the module fixture) to put into the test module's namespace."""
        fam, out = self, {}

        def named(fn, name):
            fn.__name__ = fn.__qualname__ = name
            out[name] = fn
            return fn

        if self.jit == "param":
            @pytest.mark.parametrize("jit", [False, True], ids=["eager", "jit"])
            @pytest.mark.parametrize("name", self.names)
            def test_golden(name, jit):
                if jit and FRAMEWORK == "mindspore":
                    pytest.skip("the recording is eager")
                fam.check(name, jit)
        else:
            @pytest.mark.parametrize("name", self.names)
            def test_golden(name):
                fam.check(name)
        named(test_golden, f"test_golden_{self.family}")

        if self.jit == "separate":
            @pytest.mark.parametrize("name", self.jit_names)
            def test_golden_jit(name):
                """The same forward and gradients with ms.jit-compiled functions, against the eager recording."""
                fam.check(name, jit=True)
            named(test_golden_jit, f"test_golden_{self.family}_jit")

        @pytest.fixture(scope="module", autouse=True)
        def _golden_family_cleanup():
            yield
            fam.close()
        out["_golden_family_cleanup"] = _golden_family_cleanup

        if self.defined is None:
            return out

        def test_every_case_is_recorded():
            """Cases added to the cases module must be recorded (re-run its generator with MindSpore)."""
            dup = sorted({n for n in fam.defined if fam.defined.count(n) > 1})
            assert not dup, f"duplicate case names: {dup}"
            missing = [n for n in fam.defined if n not in fam.golden]
            assert not missing, f"not recorded in {fam.json_name} (re-run gen_{fam.family}.py): {missing[:10]}"
            unrecorded = [n for n in fam.deliberate if n not in fam.golden]
            assert not unrecorded, f"DELIBERATE cases without a recording: {unrecorded}"
        named(test_every_case_is_recorded, "test_every_case_is_recorded")

        def test_every_recording_is_defined():
            gone = sorted(set(fam.golden) - set(fam.defined))
            assert not gone, f"recorded in {fam.json_name} but no longer defined: {gone[:10]}"
        named(test_every_recording_is_defined, "test_every_recording_is_defined")

        if self.tables():
            def test_tables_name_existing_cases():
                tables = fam.tables()
                for label, table in tables.items():
                    unknown = sorted(set(table) - set(fam.defined))
                    assert not unknown, f"{label} names unknown cases: {unknown}"
                assert set(tables.get("INSTEAD", {})) <= set(tables.get("DELIBERATE", {}))
                assert set(tables.get("UNSTABLE", {})) <= set(tables.get("DELIBERATE", {})), \
                    "an unstable MindSpore value cannot be a reference"
                if fam.instead_names:
                    assert set(fam.instead.values()) <= set(fam.defined)
                if fam.bare:
                    return
                for field, label in FIELDS:
                    for name, value in getattr(fam.module, label, {}).items():
                        assert fam.golden[name].get(field) == _jsonable(value), (
                            f"{name}: {fam.json_name}'s {field!r} differs from {fam.module.__name__}.{label} "
                            f"(re-run gen_{fam.family}.py)")
            named(test_tables_name_existing_cases, "test_tables_name_existing_cases")
        return out
