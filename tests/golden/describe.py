"""Framework-neutral description of results, shared by the golden generators and tests.

`describe(obj)` turns a result made of Tensors, Parameters, NumPy arrays, tuples, lists,
dicts, numbers, strings and dtypes into a JSON-able structure that keeps the structure:

  Tensor      -> {"tensor": "Float32", "shape": [..], "value": nested list}
  Parameter   -> same, plus "param_name": name, "requires_grad": bool
  ndarray     -> {"ndarray": "float32", "shape": [..], "value": nested list}
  np scalar   -> {"npscalar": "float32", "value": v}
  bool/int/float -> {"bool": v} / {"int": v} / {"float": v}
  str         -> the string itself;  None -> None
  tuple/list  -> {"tuple": [..]} / {"list": [..]}
  dict        -> {"dict": [[key, value], ..]}   (keys described too, order kept)
  dtype       -> {"dtype": "Float32"}
  exception   -> {"error": "ClassName", "message": str(e)}

Non-finite floats are written as the strings "nan", "inf", "-inf".
`compare(expected, actual, rtol, atol)` returns a list of mismatch strings (empty = equal).
Errors compare by class name only.  `value_problems(module, name, expected, actual)` is the comparison of one case
under its cases module's rules (shared by the generators' --check and the tests).  Works with MindSpore and with minispore: it duck-types
Tensors by class name / attributes and never imports either framework.
"""
import math

import numpy as np

MAX_MESSAGE = 600


def _is_tensor(obj):
    names = {c.__name__ for c in type(obj).__mro__}
    return ("Tensor" in names or "Parameter" in names) and hasattr(obj, "asnumpy")


def _is_parameter(obj):
    return any(c.__name__ == "Parameter" for c in type(obj).__mro__) and hasattr(obj, "asnumpy")


def _is_dtype(obj):
    mod = type(obj).__module__ or ""
    return (mod.startswith("mindspore") or mod.startswith("minispore")) and \
        type(obj).__name__ in ("Type", "Number", "Float", "Int", "UInt", "Bool", "BFloat", "TensorType",
                               "DType", "dtype", "Complex", "String")


def _scalar(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            return "nan"
        if math.isinf(f):
            return "inf" if f > 0 else "-inf"
        return f
    if isinstance(v, (complex, np.complexfloating)):
        return [_scalar(v.real), _scalar(v.imag)]
    if isinstance(v, bytes):
        return v.decode("latin-1")
    return str(v)


def _nested(arr):
    arr = np.asarray(arr)
    if arr.dtype.kind == "f" and arr.dtype.itemsize < 4:
        arr = arr.astype(np.float32)
    if arr.ndim == 0:
        return _scalar(arr.item() if arr.dtype.kind != "f" else arr.astype(np.float64).item())
    if arr.dtype.kind == "f":
        arr = arr.astype(np.float64)
    return [_nested(a) for a in arr]


def describe_error(e):
    msg = str(e)
    if len(msg) > MAX_MESSAGE:
        msg = msg[:MAX_MESSAGE] + "..."
    return {"error": type(e).__name__, "message": msg}


def describe(obj):
    if isinstance(obj, BaseException):
        return describe_error(obj)
    if obj is None:
        return None
    if isinstance(obj, str):
        return obj
    if isinstance(obj, (bool, np.bool_)):
        return {"bool": bool(obj)}
    if isinstance(obj, (int, np.integer)) and not isinstance(obj, np.integer):
        return {"int": int(obj)}
    if isinstance(obj, float):
        return {"float": _scalar(obj)}
    if _is_tensor(obj):
        arr = obj.asnumpy()
        d = {"tensor": str(obj.dtype), "shape": [int(s) for s in obj.shape], "value": _nested(arr)}
        if _is_parameter(obj):
            d["param_name"] = obj.name
            d["requires_grad"] = bool(obj.requires_grad)
        return d
    if isinstance(obj, np.ndarray):
        return {"ndarray": str(obj.dtype), "shape": list(obj.shape), "value": _nested(obj)}
    if isinstance(obj, np.generic):
        return {"npscalar": str(obj.dtype), "value": _scalar(obj.item())}
    if isinstance(obj, tuple):
        return {"tuple": [describe(o) for o in obj]}
    if isinstance(obj, list):
        return {"list": [describe(o) for o in obj]}
    if isinstance(obj, dict):
        return {"dict": [[describe(k), describe(v)] for k, v in obj.items()]}
    if _is_dtype(obj):
        return {"dtype": str(obj)}
    if isinstance(obj, bytes):
        return {"bytes": obj.hex()}
    raise TypeError("describe: unsupported result type %r" % (type(obj),))


def run_case(thunk):
    """Run a thunk; describe its result or the exception it raised."""
    try:
        res = thunk()
        # describing may force lazy/asynchronous evaluation, which may raise too
        return describe(res)
    except Exception as e:  # noqa: BLE001 - errors are results too
        return describe_error(e)


def _num_close(e, a, rtol, atol):
    if isinstance(e, str) or isinstance(a, str):  # nan / inf markers
        return e == a
    if isinstance(e, bool) or isinstance(a, bool):
        return e == a and type(e) is type(a)
    return abs(a - e) <= atol + rtol * abs(e)


def _cmp_values(e, a, rtol, atol, path, out, exact):
    if isinstance(e, list):
        if not isinstance(a, list) or len(a) != len(e):
            out.append("%s: value structure %r != %r" % (path, _short(e), _short(a)))
            return
        for i, (x, y) in enumerate(zip(e, a)):
            _cmp_values(x, y, rtol, atol, "%s[%d]" % (path, i), out, exact)
            if len(out) > 20:
                return
        return
    if isinstance(a, list):
        out.append("%s: value %r != %r" % (path, _short(e), _short(a)))
        return
    if exact:
        if e != a or type(e) is not type(a):
            out.append("%s: %r != %r" % (path, e, a))
    elif not _num_close(e, a, rtol, atol):
        out.append("%s: %r != %r" % (path, e, a))


def _short(x):
    s = repr(x)
    return s if len(s) < 200 else s[:200] + "..."


def _is_float_dtype(name):
    n = str(name).lower()
    return "float" in n


def compare(expected, actual, rtol=1e-5, atol=1e-6, path="$"):
    """Return a list of mismatches between two described results."""
    out = []
    _compare(expected, actual, rtol, atol, path, out)
    return out


def _compare(e, a, rtol, atol, path, out):
    if isinstance(e, dict) and "error" in e:
        if not (isinstance(a, dict) and "error" in a):
            out.append("%s: expected error %s(%s), got %s" % (path, e["error"], e["message"][:200], _short(a)))
        elif a["error"] != e["error"]:
            out.append("%s: expected error %s, got %s(%s)" % (path, e["error"], a["error"], a["message"][:200]))
        return
    if isinstance(a, dict) and "error" in a:
        out.append("%s: unexpected error %s: %s" % (path, a["error"], a["message"][:300]))
        return
    if e is None or isinstance(e, str):
        if e != a:
            out.append("%s: %r != %r" % (path, e, a))
        return
    if not isinstance(e, dict) or not isinstance(a, dict):
        out.append("%s: %r != %r" % (path, _short(e), _short(a)))
        return
    kind = next(iter(e))
    if kind not in a:
        out.append("%s: expected %s, got %s" % (path, kind, _short(a)))
        return
    if kind in ("tuple", "list"):
        if len(e[kind]) != len(a[kind]):
            out.append("%s: %s length %d != %d" % (path, kind, len(e[kind]), len(a[kind])))
            return
        for i, (x, y) in enumerate(zip(e[kind], a[kind])):
            _compare(x, y, rtol, atol, "%s[%d]" % (path, i), out)
        return
    if kind == "dict":
        ek = [k for k, _ in e["dict"]]
        ak = [k for k, _ in a["dict"]]
        if ek != ak:
            out.append("%s: dict keys %r != %r" % (path, _short(ek), _short(ak)))
            return
        for (k, x), (_, y) in zip(e["dict"], a["dict"]):
            _compare(x, y, rtol, atol, "%s[%r]" % (path, k), out)
        return
    if kind in ("tensor", "ndarray"):
        if e[kind] != a[kind]:
            out.append("%s: dtype %s != %s" % (path, e[kind], a[kind]))
        if e["shape"] != a["shape"]:
            out.append("%s: shape %s != %s" % (path, e["shape"], a["shape"]))
            return
        for extra in ("param_name", "requires_grad"):
            if extra in e and e.get(extra) != a.get(extra):
                out.append("%s: %s %r != %r" % (path, extra, e.get(extra), a.get(extra)))
        _cmp_values(e["value"], a["value"], rtol, atol, path, out, exact=not _is_float_dtype(e[kind]))
        return
    if kind == "npscalar":
        if e[kind] != a[kind]:
            out.append("%s: dtype %s != %s" % (path, e[kind], a[kind]))
        _cmp_values(e["value"], a["value"], rtol, atol, path, out, exact=not _is_float_dtype(e[kind]))
        return
    if kind == "float":
        if not _num_close(e["float"], a["float"], rtol, atol):
            out.append("%s: %r != %r" % (path, e["float"], a["float"]))
        return
    if e != a:
        out.append("%s: %r != %r" % (path, e, a))


def strip_values(d):
    """A description with every value replaced by 0: structure, dtype and shape remain comparable, the numbers do
    not (UNSTABLE cases, whose values vary run to run, and the structure check of TOLERANCE cases)."""
    def zero(v):
        return [zero(x) for x in v] if isinstance(v, list) else 0

    if isinstance(d, dict):
        return {k: (zero(v) if k == "value" else strip_values(v)) for k, v in d.items()}
    if isinstance(d, list):
        return [strip_values(v) for v in d]
    return d


def _numbers(d, out):
    """The numbers of a description, in order."""
    if isinstance(d, dict):
        for k, v in d.items():
            if k == "value":
                out.extend(np.ravel(np.asarray(v, dtype=np.float64)).tolist() if not isinstance(v, str) else [])
            elif k not in ("tensor", "ndarray", "npscalar", "shape"):
                _numbers(v, out)
    elif isinstance(d, list):
        for v in d:
            _numbers(v, out)
    return out


def tolerance_problems(expected, actual, tol):
    """For kernels not reproduced bit for bit, tol = (max_abs, max_fraction): structure, dtype and shape exactly,
    every number within max_abs, and at most a fraction max_fraction of them different at all."""
    if strip_values(expected) != strip_values(actual):
        return ["structure, dtype or shape differs: %s != %s" % (_short(expected), _short(actual))]
    e, a = np.array(_numbers(expected, [])), np.array(_numbers(actual, []))
    max_abs, max_frac = tol
    diff = np.abs(e - a)
    if diff.max(initial=0) > max_abs:
        return ["largest difference %s > %s" % (diff.max(), max_abs)]
    frac = float((diff > 1e-6 * np.maximum(1, np.abs(e))).mean()) if e.size else 0.0
    if frac > max_frac:
        return ["%.3f%% of the values differ (allowed %.1f%%)" % (100 * frac, 100 * max_frac)]
    return []


def value_problems(module, name, expected, actual, special=None, compare_fn=None, unstable=False):
    """The mismatches of one case's (non-error) description under its cases module's rules, in this order: a
    special check by name prefix (``special``: {prefix: fn(name, expected, actual)}, e.g. random initialisers
    against their distribution), the module's own encoding (``compare_fn``), the values dropped for an UNSTABLE
    case (where ``unstable``), the module's TOLERANCE[name] (max_abs, max_fraction), else describe.compare with the
    module's tolerance(name) (rtol, atol) or the defaults."""
    for prefix, fn in (special or {}).items():
        if name.startswith(prefix):
            return fn(name, expected, actual)
    if compare_fn is not None:
        return compare_fn(expected, actual)
    if unstable and name in getattr(module, "UNSTABLE", {}):
        expected, actual = strip_values(expected), strip_values(actual)
    table = getattr(module, "TOLERANCE", {})
    if name in table:
        return tolerance_problems(expected, actual, table[name])
    rtol, atol = module.tolerance(name) if hasattr(module, "tolerance") else (1e-5, 1e-6)
    return compare(expected, actual, rtol=rtol, atol=atol)


def indexing_works(ms):
    """False once a MindSpore 2.10 bug has broken ``tensor[int]`` for the rest of the process (after two has_aux
    ValueErrors in a row it raises TypeError until some other grad error resets the state). The generators check
    it before each case, so that no recording is polluted."""
    try:
        ms.Tensor(np.arange(3, dtype=np.float32))[1].asnumpy()
        return True
    except Exception:  # noqa: BLE001
        return False


class Stub:
    """Enough of a framework module for a ``cases(ms)`` function to build its thunks (they are not run)."""
    def __getattr__(self, item):
        return Stub()

    def __call__(self, *a, **k):
        return Stub()
