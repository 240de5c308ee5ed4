"""What every golden generator (tests/golden/gen_<family>.py) does, written once.

A generator is its docstring (how to run it, what it records), what is really specific to its family, and

    recorder.main(cases_<family>, "<family>.json", __doc__, **options)

which parses the command line::

    --check          re-run every case and compare with the recording (exit status 1 on a mismatch), write nothing
    --jit            (families recorded with jit=True cases) with --check: run the jittable cases under ms.jit
    --only PREFIX    only the cases whose name starts so (never written: use it with --check or --show)
    --show           print each result
    --explore        print every case's error, check no keywords, write nothing

imports MindSpore (NumPy's global generator seeded with 0 first: MindSpore's initialisers draw from it) in PyNative
mode with synchronous kernel launch (an asynchronous kernel error then belongs to the case that caused it), checks
that the cases module's tables (DELIBERATE, INSTEAD, UNSTABLE, NOTES, TOLERANCE, KEYWORDS) name existing cases, runs
every case with `run_case` (errors are results; their message without MindSpore's C++ call stack, `clean_message`),
checks a case's ``keywords`` against MindSpore's own message, stops before a case that MindSpore 2.10's broken
indexing state would pollute (describe.indexing_works), and compares (--check, describe.value_problems: the cases
module's tolerance and special checks) or writes the file with its ``meta``.

Entries are ``{"result": description, ...}`` with, where they apply, the thunk's ``keywords`` and ``note`` and the
module's DELIBERATE / UNSTABLE / TOLERANCE entry (fields ``deliberate``, ``unstable``, ``tolerance``), or with
``bare=True`` the description itself. `dumps` writes one case per line, keys inside a case in describe() order
(describe.compare reads a description's kind from its first key).
"""
import argparse
import contextlib
import json
import os
import platform
import shutil
import sys
import tempfile
import warnings

import numpy as np

from describe import MAX_MESSAGE, describe, describe_error, indexing_works, value_problems

HERE = os.path.dirname(os.path.abspath(__file__))

# entry field -> the cases module's table it is recorded from (in this order)
FIELDS = (("deliberate", "DELIBERATE"), ("unstable", "UNSTABLE"), ("tolerance", "TOLERANCE"))
TABLES = ("DELIBERATE", "INSTEAD", "UNSTABLE", "NOTES", "TOLERANCE", "KEYWORDS")


def clean_message(msg):
    """MindSpore appends C++ call stacks and separator lines to its messages; keep the Python-facing part (of a
    dataset pipeline error, its [ERROR] lines)."""
    if "- C++ Call Stack" in msg:
        msg = msg.split("- C++ Call Stack")[0]
    if "Dataset Pipeline Error Message" in msg:
        lines = [ln for ln in msg.splitlines() if "[ERROR]" in ln]
        if lines:
            msg = " ".join(lines)
    return msg.rstrip("- \n")


def clean_message_lines(msg):
    """The message without MindSpore's C++ call stack / traceback / framework-developer sections, blank lines and
    separator lines (the vision-style recordings: vision.json, rnn.json)."""
    for marker in ("\n----------------------------------------------------\n- C++ Call Stack",
                   "\n----------------------------------------------------\n- The Traceback",
                   "\n----------------------------------------------------\n- Framework Unexpected"):
        msg = msg.split(marker)[0]
    lines = [ln for ln in msg.splitlines() if ln.strip() and not set(ln.strip()) <= set("-")]
    return "\n".join(lines)[:MAX_MESSAGE]


def run_case(thunk, sync=None, clean=clean_message):
    """Describe the thunk's result, or the exception it raised (its message through ``clean``; None keeps
    describe_error's). The result is synchronised and described (read) inside the try, so that an asynchronous
    kernel error belongs to the case that caused it."""
    try:
        res = thunk()
        if sync is not None:
            sync()
        return describe(res)
    except Exception as e:  # noqa: BLE001 - errors are results too
        d = describe_error(e)
        if clean is not None:
            d["message"] = clean(str(e))[:MAX_MESSAGE]
        return d


def compact(d):
    """Floats to float32 precision (shortest repr); structure unchanged."""
    if isinstance(d, float):
        return float(repr(np.float32(d)))
    if isinstance(d, list):
        return [compact(v) for v in d]
    if isinstance(d, dict):
        return {k: compact(v) for k, v in d.items()}
    return d


def dumps(doc, sort_keys=False):
    """Pretty at the top two levels (each section of the doc but "meta", one case per line), compact inside a case,
    meta last with its keys sorted. Cases keep their order and their keys describe()'s, unless ``sort_keys``
    (core.json: cases and keys sorted)."""
    lines = ["{"]
    for section in (s for s in doc if s != "meta"):
        lines.append(' "%s": {' % section)
        names = sorted(doc[section]) if sort_keys else list(doc[section])
        for i, name in enumerate(names):
            body = json.dumps(doc[section][name], sort_keys=sort_keys, separators=(",", ":"))
            lines.append(f"  {json.dumps(name)}: {body}" + ("," if i < len(names) - 1 else ""))
        lines.append(" },")
    lines.append(' "meta": ' + json.dumps(doc["meta"], sort_keys=True))
    lines.append("}")
    return "\n".join(lines) + "\n"


def dumps_one_line(doc):
    """The whole doc on one compact line, in its own order (nn.json)."""
    return json.dumps(doc, indent=None, separators=(",", ":"), sort_keys=False) + "\n"


@contextlib.contextmanager
def data_folder(module, prefix="golden_"):
    """A temporary folder holding the files ``module.make_data(root)`` writes, the working directory meanwhile
    (MindSpore dumps unsupported images into it); removed afterwards."""
    root = tempfile.mkdtemp(prefix=prefix)
    cwd = os.getcwd()
    try:
        module.make_data(root)
        os.chdir(root)
        yield root
    finally:
        os.chdir(cwd)
        shutil.rmtree(root, ignore_errors=True)


def import_mindspore():
    warnings.filterwarnings("ignore")
    np.random.seed(0)   # MindSpore's initialisers draw from NumPy's global generator
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)
    # synchronous kernel launch: otherwise an asynchronous kernel error is re-raised by later, unrelated cases
    ms.runtime.launch_blocking()
    return ms


def check_tables(module, names):
    """The cases module's tables name existing cases; INSTEAD is a subset of DELIBERATE."""
    assert len(names) == len(set(names)), "duplicate case names: %s" % sorted({n for n in names if names.count(n) > 1})
    tables = {t: getattr(module, t) for t in TABLES if hasattr(module, t)}
    unknown = set().union(*tables.values()) - set(names) if tables else set()
    assert not unknown, "tables name cases that do not exist: %s" % sorted(unknown)
    assert set(tables.get("INSTEAD", {})) <= set(tables.get("DELIBERATE", {})), "INSTEAD names non-DELIBERATE cases"


def _entry(module, name, thunk, result):
    entry = {"result": result}
    for attr in ("keywords", "note"):
        if getattr(thunk, attr, None):
            entry[attr] = getattr(thunk, attr)
    for field, table in FIELDS:
        if name in getattr(module, table, {}):
            entry[field] = getattr(module, table)[name]
    return entry


def main(module, out, doc=None, *, bare=False, compact_floats=False, clean=clean_message, jit=False, instead=None,
         special=None, compare=None, run=None, layout="lines", meta=None, count=False, before=None, data=False,
         actions=None):
    """Record ``module.cases(ms)`` into tests/golden/<out>, or --check them against it.

    bare: entries are the descriptions themselves.  compact_floats: floats stored with float32 precision.
    clean: an error message's cleaner (None: describe_error's message).  jit: offer --jit (cases(ms, jit=True)).
    instead: fn(ms) -> {name: thunk}, recorded under "instead" (MindSpore's reference for a DELIBERATE case).
    special / compare: describe.value_problems' special checks and own comparison, for --check.
    run: fn(thunk, ms) -> description, instead of run_case (a module with an encoding of its own).
    layout: "lines" (dumps), "sorted" (dumps with sort_keys) or "one_line" (dumps_one_line).
    meta: extra meta fields (a callable value is called); count: meta["count"] = number of cases.
    before: fn(ms, args), run before the cases.  data: cases(ms, root) read the files module.make_data(root) writes.
    actions: {"--flag": (fn, help)}: the flag runs fn() instead of recording.
    """
    family = os.path.splitext(out)[0]
    path = os.path.join(HERE, out)
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-run every case and compare with " + out)
    if jit:
        ap.add_argument("--jit", action="store_true", help="with --check: run the jittable cases under ms.jit")
    ap.add_argument("--only", default="", help="only the cases whose name starts so")
    ap.add_argument("--show", action="store_true", help="print each result")
    ap.add_argument("--explore", action="store_true", help="print every case's error, check no keywords, "
                                                           "write nothing")
    for flag, (_, text) in (actions or {}).items():
        ap.add_argument(flag, action="store_true", help=text)
    args = ap.parse_args()
    for flag, (fn, _) in (actions or {}).items():
        if getattr(args, flag.lstrip("-").replace("-", "_")):
            fn()
            return
    use_jit = jit and args.jit
    if use_jit and not args.check:
        ap.error("--jit only with --check: the recording is eager")

    ms = import_mindspore()
    if before is not None:
        before(ms, args)
    with contextlib.ExitStack() as stack:
        extra = (stack.enter_context(data_folder(module, f"golden_{family}_")),) if data else ()

        def clean_here(msg):
            msg = clean(msg)
            return msg.replace(extra[0], "<root>") if extra else msg     # (the data folder's name is random)
        all_cases = list(module.cases(ms, *extra, **({"jit": True} if use_jit else {})))
        names = [n for n, _ in all_cases]
        if not use_jit:
            check_tables(module, names)
        if run is not None:
            def describe_case(thunk):
                return run(thunk, ms)
        else:
            def describe_case(thunk):
                return run_case(thunk, ms.runtime.synchronize, clean_here if clean is not None else None)
        results, corrupted = _run_all(module, all_cases, describe_case, ms, args, bare, compact_floats)
        instead_results = {}
        if instead is not None and not use_jit:
            for name, thunk in instead(ms).items():
                if name.startswith(args.only):
                    instead_results[name] = r = _compacted(describe_case(thunk), compact_floats)
                    if "error" in _as_dict(r):
                        print("[instead error] %s: %s: %s" % (name, r["error"], r["message"][:160].replace("\n", " ")))
    if corrupted:
        print("WARNING: MindSpore's indexing state was broken before:", ", ".join(corrupted))
    if args.explore:
        return
    if args.check:
        sys.exit(_check(path, results, instead_results, module, bare, special, compare))

    if corrupted:
        print(f"not writing {out}: reorder the cases so that the state is reset before the next case")
        sys.exit(2)
    if args.only:
        print(f"not writing {out} for a subset (--only); use --check or --show")
        sys.exit(2)
    info = {"mindspore": ms.__version__, "numpy": np.__version__, "python": platform.python_version(),
            "generator": f"tests/golden/gen_{family}.py"}
    info.update({k: (v() if callable(v) else v) for k, v in (meta or {}).items()})
    if count:
        info["count"] = len(results)
    if layout == "one_line":
        text = dumps_one_line({"meta": info, "cases": results})
    else:
        sections = {"cases": results, "instead": instead_results} if instead is not None else {"cases": results}
        text = dumps(dict(sections, meta=info), sort_keys=layout == "sorted")
    with open(path, "w") as fh:
        fh.write(text)
    n_err = sum(1 for r in results.values() if "error" in _as_dict(r if bare else r["result"]))
    more = f" (+{len(instead_results)} instead)" if instead is not None else ""
    print(f"wrote {path}: {len(results)} cases{more} ({n_err} record an exception), {os.path.getsize(path)} bytes")


def _as_dict(d):
    return d if isinstance(d, dict) else {}


def _compacted(d, yes):
    return compact(d) if yes else d


def _run_all(module, all_cases, describe_case, ms, args, bare, compact_floats):
    results, corrupted = {}, []
    for name, thunk in all_cases:
        if not name.startswith(args.only):
            continue
        if not indexing_works(ms):
            corrupted.append(name)
        result = _compacted(describe_case(thunk), compact_floats)
        results[name] = result if bare else _entry(module, name, thunk, result)
        err = _as_dict(result).get("error")
        kw = getattr(thunk, "keywords", None)
        if args.show:
            print(name, json.dumps(result)[:400])
        elif args.explore:
            if err:
                print(f"{name}: {err}: {result['message'][:250]}")
        elif err and not kw and not name.startswith("err"):
            print("[error] %s: %s: %s" % (name, err, result["message"][:160].replace("\n", " ")))
        if err and kw and not args.explore:
            msg = result["message"].lower()
            missing = [k for k in kw if k.lower() not in msg]
            assert not missing, f"{name}: keywords {missing} are not in MindSpore's message {msg!r}"
    return results, corrupted


def _check(path, results, instead_results, module, bare, special, compare):
    with open(path) as fh:
        doc = json.load(fh)
    bad = 0
    for section, got in (("cases", results), ("instead", instead_results)):
        golden = doc.get(section, {})
        for name, entry in got.items():
            if name not in golden:
                print(f"NOT RECORDED in {os.path.basename(path)}[{section}]: {name}")
                bad += 1
                continue
            exp, act = (golden[name], entry) if bare or section == "instead" else (golden[name]["result"],
                                                                                   entry["result"])
            if isinstance(exp, dict) and "error" in exp or isinstance(act, dict) and "error" in act:
                probs = [] if _as_dict(exp).get("error") == _as_dict(act).get("error") else [
                    "expected %s, got %s" % (_as_dict(exp).get("error", json.dumps(exp)[:200]),
                                             _as_dict(act).get("error", json.dumps(act)[:200]))]
            else:
                probs = value_problems(module, name, exp, act, special, compare, unstable=True)
            if probs:
                bad += 1
                print("MISMATCH %s %s:\n  %s" % (section, name, "\n  ".join(probs[:10])))
    print("checked %d cases (+%d instead), %d mismatches" % (len(results), len(instead_results), bad))
    return 1 if bad else 0
