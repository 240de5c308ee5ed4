"""Reference ("golden") cases for the core of MindSpore 2.10: Tensor, ops, functional autodiff.

The same code runs under real MindSpore (``gen_core.py`` records ``core.json``) and under minispore
(``tests/test_golden_core.py`` checks against the recording).  Every case is a ``(name, thunk)`` pair; the thunk
uses only the framework module ``ms`` that ``cases(ms)`` was given, and inputs come from
``np.random.default_rng(seed)`` or literals, never from the framework's RNG.

A thunk may carry ``thunk.keywords``: words (case-insensitive) that must appear in the message of the exception it
is expected to raise.  Exception *classes* are compared; exact messages are not.
"""
import math
import re

import numpy as np

# --------------------------------------------------------------------------------------------------------------
# describing results
# --------------------------------------------------------------------------------------------------------------


def _is_tensor(obj):
    return hasattr(obj, "asnumpy") and hasattr(obj, "dtype") and hasattr(obj, "shape")


def _is_param(obj, ms=None):
    if ms is not None and hasattr(ms, "Parameter"):
        try:
            return isinstance(obj, ms.Parameter)
        except TypeError:
            pass
    return any(c.__name__ == "Parameter" for c in type(obj).__mro__)


def _num(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    return v


def _values(arr):
    lst = np.asarray(arr).tolist()

    def fix(x):
        if isinstance(x, list):
            return [fix(i) for i in x]
        return _num(x)

    return fix(lst)


def describe(obj, ms=None):
    """Turn a case result into a JSON-able structure that keeps the structure and types exactly."""
    if _is_tensor(obj):
        arr = obj.asnumpy()
        d = {"tensor": str(obj.dtype), "shape": [int(s) for s in obj.shape], "value": _values(arr)}
        if _is_param(obj, ms):
            d["param_name"] = obj.name
        return d
    if isinstance(obj, (bool, np.bool_)):
        return {"bool": bool(obj)}
    if isinstance(obj, (int, np.integer)):
        return {"int": int(obj)}
    if isinstance(obj, (float, np.floating)):
        return {"float": _num(float(obj))}
    if isinstance(obj, str):
        return {"str": obj}
    if obj is None:
        return {"none": None}
    if isinstance(obj, tuple):
        return {"tuple": [describe(o, ms) for o in obj]}
    if isinstance(obj, list):
        return {"list": [describe(o, ms) for o in obj]}
    if isinstance(obj, dict):
        return {"dict": {str(k): describe(v, ms) for k, v in obj.items()}}
    if isinstance(obj, np.ndarray):
        return {"ndarray": str(obj.dtype), "shape": list(obj.shape), "value": _values(obj)}
    return {"unknown": type(obj).__name__, "repr": repr(obj)}


def run_case(thunk, ms=None):
    """Run one thunk; return its description, or the description of the exception it raised."""
    # MindSpore's PyNative mode runs kernels asynchronously: an error may only surface when the result is read,
    # so the result is described (read) inside the try.  gen_core.py also turns on ms.runtime.launch_blocking().
    try:
        res = thunk()
        return describe(res, ms)
    except Exception as e:  # noqa: BLE001 - recording every failure is the point
        msg = str(e)
        if "- C++ Call Stack" in msg:
            msg = msg.split("- C++ Call Stack")[0].rstrip("- \n")
        msg = re.sub(r"0x[0-9a-fA-F]{6,}", "0x...", msg)  # object addresses vary from run to run
        if len(msg) > 400:
            msg = msg[:400] + "..."
        return {"error": type(e).__name__, "message": msg}


# --------------------------------------------------------------------------------------------------------------
# comparing descriptions (used by gen_core.py --check and by tests/test_golden_core.py)
# --------------------------------------------------------------------------------------------------------------

_TOL = {  # dtype -> (rtol, atol)
    "Float32": (1e-5, 1e-6),
    "Float64": (1e-5, 1e-6),
    "Float16": (1e-3, 1e-3),
    "BFloat16": (1e-2, 1e-2),
}

_NUM_RE = re.compile(r"[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")


def _token_unit(tok):
    """One unit in the last displayed digit of a printed number."""
    m = re.match(r"[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$", tok)
    if not m or not re.search(r"[.eE]", tok):
        return 0.0  # integers (shapes, int elements) get no rounding allowance
    frac = m.group(2) or ""
    exp = int(m.group(3) or 0)
    return 10.0 ** (exp - len(frac))


def strings_match(expected, actual, rtol=1e-5, atol=1e-6):
    """Exact match, or the same text with numbers that differ by at most float32 noise / last-digit rounding.

    When some printed number differs, NumPy-style layouts may shift (``0.272825  `` vs ``0.27282503``), so the
    text between numbers is then compared with whitespace removed.  When all numbers are printed identically the
    whitespace must match exactly too.
    """
    if expected == actual:
        return True
    e_parts = _NUM_RE.split(expected)
    a_parts = _NUM_RE.split(actual)
    e_nums = _NUM_RE.findall(expected)
    a_nums = _NUM_RE.findall(actual)
    if len(e_nums) != len(a_nums):
        return False
    if e_nums == a_nums:
        return False  # same numbers, different text: a formatting difference
    if [re.sub(r"\s+", "", p) for p in e_parts] != [re.sub(r"\s+", "", p) for p in a_parts]:
        return False
    for e, a in zip(e_nums, a_nums):
        if e == a:
            continue
        try:
            ev, av = float(e), float(a)
        except ValueError:
            return False
        if math.isnan(ev) or math.isnan(av) or math.isinf(ev) or math.isinf(av):
            return False
        if ("e" in e.lower()) != ("e" in a.lower()):
            return False  # fixed vs scientific notation is a formatting difference
        tol = max(atol, rtol * abs(ev), 1.01 * _token_unit(e), 1.01 * _token_unit(a))
        if abs(ev - av) > tol:
            return False
    return True


def _cmp_values(exp, act, dtype, path, errs):
    if isinstance(exp, list):
        if not isinstance(act, list) or len(exp) != len(act):
            errs.append(f"{path}: value shape differs: {exp!r} vs {act!r}")
            return
        for i, (e, a) in enumerate(zip(exp, act)):
            _cmp_values(e, a, dtype, f"{path}[{i}]", errs)
            if len(errs) > 5:
                return
        return
    if dtype in _TOL:
        rtol, atol = _TOL[dtype]
        if isinstance(exp, str) or isinstance(act, str):  # nan / inf
            if exp != act:
                errs.append(f"{path}: {exp!r} != {act!r}")
            return
        if abs(exp - act) > atol + rtol * abs(exp):
            errs.append(f"{path}: {exp!r} != {act!r} ({dtype})")
    else:
        if exp != act or type(exp) is not type(act):
            errs.append(f"{path}: {exp!r} != {act!r} ({dtype})")


def compare(expected, actual, path="result", errs=None):
    """Compare two descriptions; return a list of differences (empty when they match)."""
    if errs is None:
        errs = []
    if not isinstance(expected, dict) or not isinstance(actual, dict):
        errs.append(f"{path}: malformed {expected!r} / {actual!r}")
        return errs
    ek = next(iter(sorted(k for k in expected if k in _KINDS)), None)
    ak = next(iter(sorted(k for k in actual if k in _KINDS)), None)
    if ek != ak:
        errs.append(f"{path}: expected {ek} {_short(expected)}, got {ak} {_short(actual)}")
        return errs
    if ek == "tensor":
        if expected["tensor"] != actual["tensor"]:
            errs.append(f"{path}: dtype {expected['tensor']} != {actual['tensor']}")
        if expected["shape"] != actual["shape"]:
            errs.append(f"{path}: shape {expected['shape']} != {actual['shape']}")
            return errs
        if "param_name" in expected and expected.get("param_name") != actual.get("param_name"):
            errs.append(f"{path}: param_name {expected.get('param_name')!r} != {actual.get('param_name')!r}")
        if "param_name" not in expected and "param_name" in actual:
            errs.append(f"{path}: got a Parameter ({actual['param_name']!r}) where a plain Tensor was expected")
        _cmp_values(expected["value"], actual["value"], expected["tensor"], path, errs)
    elif ek == "ndarray":
        if expected["ndarray"] != actual["ndarray"] or expected["shape"] != actual["shape"]:
            errs.append(f"{path}: ndarray {expected['ndarray']}{expected['shape']} != "
                        f"{actual['ndarray']}{actual['shape']}")
            return errs
        dt = {"float32": "Float32", "float64": "Float64", "float16": "Float16"}.get(expected["ndarray"], "int")
        _cmp_values(expected["value"], actual["value"], dt, path, errs)
    elif ek in ("tuple", "list"):
        e, a = expected[ek], actual[ek]
        if len(e) != len(a):
            errs.append(f"{path}: {ek} length {len(e)} != {len(a)}: {_short(expected)} vs {_short(actual)}")
            return errs
        for i, (x, y) in enumerate(zip(e, a)):
            compare(x, y, f"{path}[{i}]", errs)
    elif ek == "dict":
        e, a = expected["dict"], actual["dict"]
        if sorted(e) != sorted(a):
            errs.append(f"{path}: dict keys {sorted(e)} != {sorted(a)}")
            return errs
        for k in e:
            compare(e[k], a[k], f"{path}[{k!r}]", errs)
    elif ek == "float":
        _cmp_values(expected["float"], actual["float"], "Float64", path, errs)
    elif ek == "str":
        if not strings_match(expected["str"], actual["str"]):
            errs.append(f"{path}: string differs:\nexpected: {expected['str']!r}\nactual:   {actual['str']!r}")
    elif ek in ("int", "bool", "none"):
        if expected[ek] != actual[ek]:
            errs.append(f"{path}: {expected[ek]!r} != {actual[ek]!r}")
    elif ek == "error":
        if expected["error"] != actual["error"]:
            errs.append(f"{path}: expected {expected['error']}, got {actual['error']}: {actual.get('message')}")
    else:
        if expected != actual:
            errs.append(f"{path}: {expected!r} != {actual!r}")
    return errs


_KINDS = ("tensor", "ndarray", "tuple", "list", "dict", "float", "int", "bool", "str", "none", "error", "unknown")


def _short(d):
    s = repr(d)
    return s if len(s) < 200 else s[:200] + "..."


# --------------------------------------------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------------------------------------------


# Observations about MindSpore 2.10 that look like quirks or bugs; they are recorded as MindSpore behaves, and the
# note is shown when the case fails so that the implementer can decide deliberately.
NOTES = {
    "op/create_full_float": "ops.full((2,), 1.5) gives Int64 [1, 1] in MindSpore 2.10 (fill value truncated).",
    "op/create_full_bool": "ops.full((2,), True) gives Int64 [1, 1] in MindSpore 2.10.",
    "op/red_max_all": "ops.max(x) without axis returns (value, index) and the index is always 0 in 2.10.",
    "op/red_min_all": "ops.min(x) without axis returns (value, index) and the index is always 0 in 2.10.",
    "op/ew_maximum_nan": "CPU maximum: maximum(nan, 0) = 0 but maximum(1, nan) = nan (NaN only from 2nd arg).",
    "promote/int32_big_scalar": "int32 tensor + 2**40 stays Int32 and wraps (2**40 mod 2**32 == 0).",
    "print/str_scalar_123456789.0": "str(t) is str(t.asnumpy()) under NumPy 1.26 (MindSpore 2.10 needs numpy<2); "
                                    "NumPy 2 prints 0-d float32 123456790 as 1.2345679e+08.",
    "op/shape_squeeze_non1": "ops.squeeze on an axis whose size is not 1 silently leaves it (no error).",
    "op/shape_flatten_1d": "ops.flatten (start_dim=1 default) of a 1-D tensor returns it unchanged.",
    "op/red_mean_int": "ops.mean of an Int32 tensor stays Int32 (truncated mean).",
    "op/red_argmin_all": "argmin returns Int32 while argmax returns Int64.",
}


def f32(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def cases(ms):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``."""
    ops = ms.ops
    Tensor = ms.Tensor
    Parameter = ms.Parameter
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        out.append((name, thunk))

    def T(a, dtype=None):
        return Tensor(np.asarray(a), dtype) if dtype is not None else Tensor(np.asarray(a))

    def T32(a):
        return Tensor(np.asarray(a, dtype=np.float32))

    # ==========================================================================================================
    # 1. tutorial autodiff section
    # ==========================================================================================================
    def tut_inputs():
        rng = np.random.default_rng(2024)
        x = ops.ones(5, ms.float32)
        y = ops.zeros(3, ms.float32)
        w = Parameter(Tensor(rng.standard_normal((5, 3)).astype(np.float32)), name='w')
        b = Parameter(Tensor(rng.standard_normal((3,)).astype(np.float32)), name='b')
        return x, y, w, b

    def function(x, y, w, b):
        z = ops.matmul(x, w) + b
        loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
        return loss

    def function_with_logits(x, y, w, b):
        z = ops.matmul(x, w) + b
        loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
        return loss, z

    def function_stop_gradient(x, y, w, b):
        z = ops.matmul(x, w) + b
        loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
        return loss, ops.stop_gradient(z)

    add("tut/inputs", lambda: tut_inputs())
    add("tut/function", lambda: function(*tut_inputs()))
    add("tut/str_loss", lambda: str(function(*tut_inputs())))
    add("tut/grad_2_3", lambda: ms.grad(function, (2, 3))(*tut_inputs()))
    add("tut/str_grads", lambda: str(ms.grad(function, (2, 3))(*tut_inputs())))
    add("tut/repr_grad0", lambda: repr(ms.grad(function, (2, 3))(*tut_inputs())[0]))
    add("tut/repr_grad1", lambda: repr(ms.grad(function, (2, 3))(*tut_inputs())[1]))
    add("tut/str_grad0", lambda: str(ms.grad(function, (2, 3))(*tut_inputs())[0]))
    add("tut/grad_logits_summed", lambda: ms.grad(function_with_logits, (2, 3))(*tut_inputs()))
    add("tut/str_grad_logits_summed", lambda: str(ms.grad(function_with_logits, (2, 3))(*tut_inputs())))
    add("tut/grad_has_aux", lambda: ms.grad(function_with_logits, (2, 3), has_aux=True)(*tut_inputs()))
    add("tut/str_grad_has_aux_grads",
        lambda: str(ms.grad(function_with_logits, (2, 3), has_aux=True)(*tut_inputs())[0]))
    add("tut/str_z", lambda: str(ms.grad(function_with_logits, (2, 3), has_aux=True)(*tut_inputs())[1][0]))
    add("tut/grad_stop_gradient", lambda: ms.grad(function_stop_gradient, (2, 3))(*tut_inputs()))
    add("tut/grad_stop_gradient_has_aux",
        lambda: ms.grad(function_stop_gradient, (2, 3), has_aux=True)(*tut_inputs()))
    add("tut/value_and_grad", lambda: ms.value_and_grad(function, (2, 3))(*tut_inputs()))
    add("tut/value_and_grad_logits",
        lambda: ms.value_and_grad(function_with_logits, (2, 3))(*tut_inputs()))
    add("tut/value_and_grad_has_aux",
        lambda: ms.value_and_grad(function_with_logits, (2, 3), has_aux=True)(*tut_inputs()))
    add("tut/str_value_and_grad_loss",
        lambda: str(ms.value_and_grad(function, (2, 3))(*tut_inputs())[0]))

    def tut_weights(vag=False, has_aux=False):
        x, y, w, b = tut_inputs()

        def fw(x, y):
            z = ops.matmul(x, w) + b
            loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
            return (loss, z) if has_aux else loss

        maker = ms.value_and_grad if vag else ms.grad
        return maker(fw, None, weights=[w, b], has_aux=has_aux)(x, y)

    add("tut/weights_grad", lambda: tut_weights())
    add("tut/weights_value_and_grad", lambda: tut_weights(True))
    add("tut/weights_value_and_grad_has_aux", lambda: tut_weights(True, True))
    add("tut/weights_grad_has_aux", lambda: tut_weights(False, True))

    # ==========================================================================================================
    # 2. return structures (reference §1.2 - §1.9)
    # ==========================================================================================================
    def xy():
        return T32([1., 2., 3.]), T32([4., 5., 6.])

    def wb():
        return Parameter(T32([2., 3., 4.]), name='w'), Parameter(T32([0.5, -1.]), name='b')

    def f(x, y):
        return ops.sum(x * x * y)

    # (label, grad_position, weights-spec)
    combos = [
        ("pos0", 0, None), ("pos_t0", (0,), None), ("pos01", (0, 1), None), ("pos10", (1, 0), None),
        ("pos1", 1, None),
        ("none_wlist", None, "list"), ("none_wtuple", None, "tuple"), ("none_wptuple", None, "ptuple"),
        ("none_wsingle", None, "single"), ("none_w1list", None, "list1"), ("none_w1tuple", None, "tuple1"),
        ("none_wempty", None, "empty"), ("none_wemptytuple", None, "emptytuple"),
        ("pos0_wlist", 0, "list"), ("pos0_wsingle", 0, "single"), ("pos_t0_wsingle", (0,), "single"),
        ("pos01_wlist", (0, 1), "list"), ("pos0_wempty", 0, "empty"), ("pos1_wlist", 1, "list"),
        ("pos0_wptuple", 0, "ptuple"), ("pos01_wsingle", (0, 1), "single"),
    ]

    def weights_of(spec, w, b):
        return {None: None, "list": [w, b], "tuple": (w, b), "ptuple": ms.ParameterTuple([w, b]),
                "single": w, "list1": [w], "tuple1": (w,), "empty": [], "emptytuple": ()}[spec]

    def struct_case(pos, spec, vag, has_aux=False, return_ids=False):
        def thunk():
            x, y = xy()
            w, b = wb()

            def g(x, y):
                out = ops.sum(x * x * y) + ops.sum(x * w) + 2 * ops.sum(b)
                if has_aux:
                    return out, x * 2
                return out

            maker = ms.value_and_grad if vag else ms.grad
            return maker(g, pos, weights_of(spec, w, b), has_aux=has_aux, return_ids=return_ids)(x, y)
        return thunk

    for label, pos, spec in combos:
        add(f"struct/grad_{label}", struct_case(pos, spec, False))
        add(f"struct/vag_{label}", struct_case(pos, spec, True))
        add(f"struct/grad_{label}_aux", struct_case(pos, spec, False, has_aux=True))
        add(f"struct/vag_{label}_aux", struct_case(pos, spec, True, has_aux=True))

    add("struct/grad_default_pos", lambda: ms.grad(f)(*xy()))
    add("struct/grad_kw_weights", lambda: (lambda w, b: ms.grad(
        lambda x: ops.sum(x * w) + 2 * ops.sum(b), weights=[w, b])(xy()[0]))(*wb()))
    add("struct/vag_tuple_output", lambda: ms.value_and_grad(lambda x, y: (ops.sum(x * y), x * 2))(*xy()))
    add("struct/vag_list_output", lambda: ms.value_and_grad(lambda x, y: [ops.sum(x * y), x * 2])(*xy()))
    add("struct/grad_returns_param_input", lambda: (lambda w, b: ms.grad(f, (0, 1))(w, xy()[1]))(*wb()))

    # §1.3 outputs summed / sens
    add("out/nonscalar", lambda: ms.grad(lambda x: x * x)(xy()[0]))
    add("out/two_outputs_summed", lambda: ms.grad(lambda x, y: (x * x, ops.sum(x * y)))(*xy()))
    add("out/three_outputs_summed", lambda: ms.grad(lambda x: (x * 2, x * 3, x[0]))(xy()[0]))
    add("out/list_outputs_summed", lambda: ms.grad(lambda x, y: [x * x, ops.sum(x * y)])(*xy()))
    add("out/dict_outputs_summed", lambda: ms.grad(lambda x, y: {"a": x * x, "b": ops.sum(x * y)})(*xy()))
    add("out/nested_first_has_aux",
        lambda: ms.grad(lambda x: ((ops.sum(x * x), x), x + 5), has_aux=True)(xy()[0]))
    add("out/constant_output", lambda: ms.grad(lambda x: 3.0)(xy()[0]))
    add("out/argmax_output", lambda: ms.grad(lambda x: ops.argmax(x))(xy()[0]))
    add("out/sens_param", lambda: ms.grad(lambda a: a * a, 0, sens_param=True)(xy()[0], T32([1., 0., 2.])))
    add("out/sens_param_vag",
        lambda: ms.value_and_grad(lambda a: a * a, 0, sens_param=True)(xy()[0], T32([1., 0., 2.])))
    add("out/sens_param_tuple_out",
        lambda: ms.grad(lambda a: (a * a, a * 3), 0, sens_param=True)(xy()[0], (T32([1., 0., 2.]), T32([1., 1., 1.]))))
    add("out/sens_param_weights", lambda: (lambda w, b: ms.grad(
        lambda x: x * w, 0, [w], sens_param=True)(xy()[0], T32([1., 2., 3.])))(*wb()))

    # §1.4 has_aux
    add("aux/three_outputs", lambda: ms.grad(lambda x: (ops.sum(x * x), x * 2, x + 1), has_aux=True)(xy()[0]))
    add("aux/vag_three_outputs",
        lambda: ms.value_and_grad(lambda x: (ops.sum(x * x), x * 2, x + 1), has_aux=True)(xy()[0]))
    # (order matters for recording: two of these has_aux ValueErrors in a row leave MindSpore 2.10 in a state where
    # tensor[int] fails; the RuntimeError cases in between reset it.  gen_core.py checks this.)
    add("aux/err_single_output", lambda: ms.grad(lambda x: ops.sum(x * x), has_aux=True)(xy()[0]),
        keywords=["has_aux"])
    add("aux/err_int_aux", lambda: ms.grad(lambda x: (ops.sum(x * x), 3), has_aux=True)(xy()[0]),
        keywords=["has_aux"])
    add("aux/err_list_output", lambda: ms.grad(lambda x: [ops.sum(x * x), x], has_aux=True)(xy()[0]),
        keywords=["has_aux"])
    add("aux/err_none_aux", lambda: ms.grad(lambda x: (ops.sum(x * x), None), has_aux=True)(xy()[0]),
        keywords=["has_aux"])
    add("aux/err_vag_single_output",
        lambda: ms.value_and_grad(lambda x: ops.sum(x * x), has_aux=True)(xy()[0]), keywords=["has_aux"])

    # §1.1 validation errors (raised when building the grad function)
    add("valid/none_none", lambda: ms.grad(f, None, None), keywords=["grad_position", "None"])
    add("valid/vag_none_none", lambda: ms.value_and_grad(f, None, None), keywords=["grad_position", "None"])
    add("valid/neg_position", lambda: ms.grad(f, -1), keywords=["grad_position"])
    add("valid/neg_in_tuple", lambda: ms.grad(f, (0, -1)), keywords=["grad_position"])
    add("valid/duplicate", lambda: ms.grad(f, (0, 0)), keywords=["duplicate"])
    add("valid/float_position", lambda: ms.grad(f, 1.5), keywords=["grad_position"])
    add("valid/float_in_tuple", lambda: ms.grad(f, (0, 1.5)), keywords=["grad_position"])
    add("valid/list_position", lambda: ms.grad(f, [0, 1]), keywords=["grad_position"])
    add("valid/has_aux_int", lambda: ms.grad(f, 0, has_aux=1), keywords=["has_aux"])
    add("valid/vag_neg_position", lambda: ms.value_and_grad(f, -1), keywords=["grad_position"])
    add("valid/vag_duplicate", lambda: ms.value_and_grad(f, (1, 1)), keywords=["duplicate"])
    add("valid/position_past_end", lambda: ms.grad(f, 2)(*xy()), keywords=["2"])
    add("valid/position_past_end_tuple", lambda: ms.grad(f, (0, 5))(*xy()), keywords=["5"])

    # §1.5 non-Tensor inputs
    def k(a, x):
        return ops.sum(a * x * x)

    add("nontensor/float_only", lambda: ms.grad(lambda a: a * 2, 0)(2.0))
    add("nontensor/vag_int_pos0", lambda: ms.value_and_grad(k, 0)(3, xy()[0]))
    add("nontensor/int_pos01", lambda: ms.grad(k, (0, 1))(3, xy()[0]))
    add("nontensor/0d_tensor_pos01", lambda: ms.grad(k, (0, 1))(T32(3.), xy()[0]))
    add("nontensor/list_arg", lambda: ms.grad(lambda a, x: ops.sum(x * a[0]), (0, 1))([T32(2.)], xy()[0]))
    add("nontensor/tuple_arg", lambda: ms.grad(lambda a, x: ops.sum(x * a[0]), (0, 1))((T32(2.),), xy()[0]))
    add("nontensor/ndarray_arg",
        lambda: ms.grad(lambda a, x: ops.sum(x * Tensor(a)), (0, 1))(np.float32([1, 2, 3]), xy()[0]))
    add("nontensor/kwarg", lambda: ms.grad(lambda x, b=None: ops.sum(x * b), 0)(xy()[0], b=xy()[1]))
    add("nontensor/no_inputs", lambda: ms.grad(lambda: T32(1.0), 0)())
    add("nontensor/unused_input", lambda: ms.grad(lambda x, y: ops.sum(x * 2), (0, 1))(xy()[0], T32(np.ones((2, 2)))))
    add("nontensor/param_positional",
        lambda: (lambda w, b: ms.grad(lambda x, w: ops.sum(x * w), (0, 1))(xy()[0], w))(*wb()))
    add("nontensor/none_arg", lambda: ms.grad(lambda a, x: ops.sum(x * x), (0, 1))(None, xy()[0]))

    # §1.6 dtypes
    I32 = lambda a: Tensor(np.asarray(a, dtype=np.int32))  # noqa: E731
    add("dtype/int32_grad", lambda: ms.grad(lambda a: ops.sum(a * a))(I32([1, 2, 3])))
    add("dtype/int32_half_truncated",
        lambda: ms.grad(lambda a: ops.sum(a.astype(ms.float32) * 0.5))(I32([1, 2, 3])))
    add("dtype/int32_2_7", lambda: ms.grad(lambda a: ops.sum(a.astype(ms.float32) * 2.7))(I32([1, 2, 3])))
    add("dtype/int64_grad", lambda: ms.grad(lambda a: ops.sum(a * a))(Tensor(np.array([1, 2, 3], np.int64))))
    add("dtype/bool_grad",
        lambda: ms.grad(lambda a: ops.sum(a.astype(ms.float32) * 2))(Tensor(np.array([True, False]))))
    add("dtype/float16_grad",
        lambda: ms.grad(lambda a: ops.sum(a * a))(Tensor(np.array([1.5, 2.25, -3], np.float16))))
    add("dtype/float64_grad",
        lambda: ms.grad(lambda a: ops.sum(a * a))(Tensor(np.array([1.5, 2.25, -3], np.float64))))
    add("dtype/float64_vag",
        lambda: ms.value_and_grad(lambda a: ops.sum(a * a))(Tensor(np.array([1.5, 2.25, -3], np.float64))))
    add("dtype/cast_passes_grad",
        lambda: ms.grad(lambda a: ops.sum(a.astype(ms.int32).astype(ms.float32)))(T32([1.5, 2.5])))
    add("dtype/float_item_constant", lambda: ms.grad(lambda a: ops.sum(a * float(a[0])))(xy()[0]))
    add("dtype/asnumpy_constant", lambda: ms.grad(lambda a: ops.sum(Tensor(a.asnumpy() * 2)) + ops.sum(a * 0))(xy()[0]))
    add("dtype/mixed_f16_f32",
        lambda: ms.grad(lambda a, b: ops.sum(a * b), (0, 1))(Tensor(np.array([1., 2.], np.float16)), T32([3., 4.])))

    # §1.7 stop_gradient / weights
    add("stopgrad/tuple", lambda: ops.stop_gradient((xy()[0], xy()[1])))
    add("stopgrad/partial", lambda: ms.grad(
        lambda a, b: ops.sum(a * a) + ops.sum(ops.stop_gradient(a * b)), (0, 1))(*xy()))
    add("stopgrad/tuple_in_fn", lambda: ms.grad(
        lambda a, b: ops.sum(ops.stop_gradient((a * b, a))[0] * a), (0, 1))(*xy()))
    add("stopgrad/detach_missing", lambda: xy()[0].detach())

    def unused_weight():
        x, _ = xy()
        w, b = wb()
        return ms.grad(lambda x: ops.sum(x * w), None, [w, b])(x)

    def frozen_weight():
        x, _ = xy()
        w = Parameter(T32([2., 3., 4.]), name='w', requires_grad=False)
        b = Parameter(T32([1., 1., 1.]), name='b')
        return ms.grad(lambda x: ops.sum(x * w * b), None, [w, b])(x)

    def tensor_weight():
        x, _ = xy()
        w = T32([2., 3., 4.])
        b = Parameter(T32([1., 1., 1.]), name='b')
        return ms.grad(lambda x: ops.sum(x * w * b), None, [w, b])(x)

    def weight_order():
        x, _ = xy()
        w, b = wb()
        return ms.grad(lambda x: ops.sum(x * w) + 2 * ops.sum(b), None, [b, w])(x)

    add("weights/unused_zero", unused_weight)
    add("weights/requires_grad_false_zero", frozen_weight)
    add("weights/plain_tensor_zero", tensor_weight)
    add("weights/order", weight_order)
    add("weights/param_requires_grad_attr",
        lambda: (Parameter(T32([1.]), name='p').requires_grad,
                 Parameter(T32([1.]), name='q', requires_grad=False).requires_grad))

    # §1.8 return_ids / get_grad
    def g2(x, y):
        return ops.sum(x * x * y)

    def ids_case(pos, spec, vag=False, has_aux=False):
        def thunk():
            x, y = xy()
            w, b = wb()

            def g(x, y):
                out = ops.sum(x * x * y) + ops.sum(x * w) + 2 * ops.sum(b)
                return (out, y * 3) if has_aux else out

            maker = ms.value_and_grad if vag else ms.grad
            return maker(g, pos, weights_of(spec, w, b), has_aux=has_aux, return_ids=True)(x, y)
        return thunk

    add("ids/pos01", ids_case((0, 1), None))
    add("ids/pos10", ids_case((1, 0), None))
    add("ids/pos0", ids_case(0, None))
    add("ids/pos_t0", ids_case((0,), None))
    add("ids/weights_list", ids_case(None, "list"))
    add("ids/weights_single", ids_case(None, "single"))
    add("ids/pos0_weights_list", ids_case(0, "list"))
    add("ids/pos01_weights_list", ids_case((0, 1), "list"))
    add("ids/pos01_has_aux", ids_case((0, 1), None, has_aux=True))
    add("ids/pos0_weights_has_aux", ids_case(0, "list", has_aux=True))
    add("ids/vag_pos01", ids_case((0, 1), None, vag=True))
    add("ids/vag_pos0_weights", ids_case(0, "list", vag=True))
    add("ids/vag_pos01_has_aux", ids_case((0, 1), None, vag=True, has_aux=True))

    def get_grad_case(ident):
        def thunk():
            x, y = xy()
            w, b = wb()

            def g(x, y):
                return ops.sum(x * x * y) + ops.sum(x * w) + 2 * ops.sum(b)

            res = ms.grad(g, (0, 1), [w, b], return_ids=True)(x, y)
            return ms.get_grad(res, {"pos0": 0, "pos1": 1, "w": w, "b": b, "str": "w", "missing": 7}[ident])
        return thunk

    add("getgrad/pos0", get_grad_case("pos0"))
    add("getgrad/pos1", get_grad_case("pos1"))
    add("getgrad/param_w", get_grad_case("w"))
    add("getgrad/param_b", get_grad_case("b"))
    add("getgrad/err_string", get_grad_case("str"))
    add("getgrad/err_missing", get_grad_case("missing"))
    add("getgrad/weights_only", lambda: (lambda w, b: ms.get_grad(
        ms.grad(lambda x: ops.sum(x * w) + ops.sum(b), None, (w, b), return_ids=True)(xy()[0]), b))(*wb()))

    # §1.9 GradOperation
    def gnet_parts():
        x, y = xy()
        w = Parameter(T32([2., 3., 4.]), name='w')

        def net(x, y):
            return ops.sum(x * y * w)
        return x, y, w, net

    def gop(kind):
        def thunk():
            x, y, w, net = gnet_parts()
            if kind == "default":
                return ops.GradOperation()(net)(x, y)
            if kind == "get_all":
                return ops.GradOperation(get_all=True)(net)(x, y)
            if kind == "get_all_single":
                return ops.GradOperation(get_all=True)(lambda x: ops.sum(x * w))(x)
            if kind == "by_list":
                return ops.GradOperation(get_by_list=True)(net, ms.ParameterTuple([w]))(x, y)
            if kind == "by_list_pylist":
                return ops.GradOperation(get_by_list=True)(net, [w])(x, y)
            if kind == "by_single_param":
                return ops.GradOperation(get_by_list=True)(net, w)(x, y)
            if kind == "all_and_list":
                return ops.GradOperation(get_all=True, get_by_list=True)(net, ms.ParameterTuple([w]))(x, y)
            if kind == "sens":
                return ops.GradOperation(sens_param=True)(net)(x, y, T32(2.0))
            if kind == "sens_all":
                return ops.GradOperation(get_all=True, sens_param=True)(net)(x, y, T32(2.0))
            if kind == "no_inputs_all":
                return ops.GradOperation(get_all=True)(lambda: ops.sum(w * 2))()
            if kind == "default_nontensor_first":
                return ops.GradOperation()(lambda a, x: ops.sum(x * a))(2.0, x)
        return thunk

    for kind in ["default", "get_all", "get_all_single", "by_list", "by_list_pylist", "by_single_param",
                 "all_and_list", "sens", "sens_all", "no_inputs_all", "default_nontensor_first"]:
        add(f"gradop/{kind}", gop(kind))

    # §1.10 vjp / jvp / jacfwd / jacrev / vmap / higher order
    def sq(x):
        return x * x

    def mul(x, y):
        return x * y

    def sq_aux(x):
        return x * x, x + 1

    def cube(x):
        return x * x * x

    def sin(x):
        return ops.sin(x)

    def sumsq(x):
        return ops.sum(x * x)

    def two_in(x, y):
        return x * y + x * x

    add("vjp/basic", lambda: (lambda r: (r[0], r[1](T32([1., 1., 1.]))))(ops.vjp(sq, xy()[0])))
    add("vjp/weighted_v", lambda: (lambda r: (r[0], r[1](T32([1., 0., 2.]))))(ops.vjp(sq, xy()[0])))
    add("vjp/two_inputs", lambda: (lambda r: (r[0], r[1](T32([1., 1., 1.]))))(ops.vjp(mul, *xy())))
    add("vjp/has_aux", lambda: (lambda r: (len(r), r[0], r[1](T32([1., 1., 1.])), r[2]))(
        ops.vjp(sq_aux, xy()[0], has_aux=True)))
    add("jvp/single", lambda: ops.jvp(sq, xy()[0], T32([1., 1., 1.])))
    add("jvp/tuple_inputs", lambda: ops.jvp(mul, xy(), (T32([1., 1., 1.]), T32([0., 0., 0.]))))
    add("jvp/has_aux", lambda: ops.jvp(sq_aux, xy()[0], T32([1., 1., 1.]), has_aux=True))
    add("jac/jacfwd", lambda: ops.jacfwd(sq)(xy()[0]))
    add("jac/jacrev", lambda: ops.jacrev(sq)(xy()[0]))
    add("jac/jacrev_scalar_out", lambda: ops.jacrev(sumsq)(xy()[0]))
    add("jac/jacfwd_pos01", lambda: ops.jacfwd(two_in, grad_position=(0, 1))(*xy()))
    add("jac/jacrev_pos01", lambda: ops.jacrev(two_in, grad_position=(0, 1))(*xy()))
    add("jac/jacrev_2d", lambda: ops.jacrev(sq)(T32([[1., 2.], [3., 4.]])))
    add("jac/jacfwd_has_aux", lambda: ops.jacfwd(sq_aux, has_aux=True)(xy()[0]))

    def vsum(x):
        return ops.sum(x * x)

    def vadd(x, y):
        return x + y

    add("vmap/sum_sq", lambda: ops.vmap(vsum)(T32([[1., 2., 0.], [3., 4., 5.]])))
    add("vmap/in_axes_1", lambda: ops.vmap(vsum, in_axes=1)(T32([[1., 2., 0.], [3., 4., 5.]])))
    add("vmap/in_axes_none", lambda: ops.vmap(vadd, in_axes=(0, None))(T32([[1., 2.], [3., 4.]]), T32([10., 20.])))
    add("vmap/out_axes_1", lambda: ops.vmap(sq, in_axes=0, out_axes=1)(T32([[1., 2., 0.], [3., 4., 5.]])))

    add("higher/grad2_cube", lambda: ms.grad(ms.grad(cube))(xy()[0]))
    add("higher/grad3_cube", lambda: ms.grad(ms.grad(ms.grad(cube)))(xy()[0]))
    add("higher/grad2_sin", lambda: ms.grad(ms.grad(sin))(xy()[0]))

    def perturbation():
        def outer(x):
            def inner(y):
                return x * y
            return x * ms.grad(inner)(T32(2.))
        return ms.grad(outer)(T32(1.))

    add("higher/perturbation_confusion", perturbation)

    # ==========================================================================================================
    # 3. Tensor creation, dtypes
    # ==========================================================================================================
    def dt(t):
        return str(t.dtype)

    add("create/list_int", lambda: Tensor([1, 2, 3]))
    add("create/list_float", lambda: Tensor([1., 2.]))
    add("create/list_mixed", lambda: Tensor([1, 2.5]))
    add("create/float_scalar", lambda: Tensor(1.5))
    add("create/int_scalar", lambda: Tensor(3))
    add("create/bool_scalar", lambda: Tensor(True))
    add("create/list_bool", lambda: Tensor([True, False]))
    add("create/np_float64", lambda: Tensor(np.array([1.5, 2.5])))
    add("create/np_float32", lambda: Tensor(np.array([1.5, 2.5], np.float32)))
    add("create/np_int32", lambda: Tensor(np.array([1, 2], np.int32)))
    add("create/np_int64", lambda: Tensor(np.array([1, 2], np.int64)))
    add("create/np_uint8", lambda: Tensor(np.array([1, 255], np.uint8)))
    add("create/np_float16_explicit", lambda: Tensor(np.array([1.5, 2.25]), ms.float16))
    add("create/list_dtype_f32", lambda: Tensor([1, 2, 3], ms.float32))
    add("create/list_dtype_kw", lambda: Tensor([1, 2, 3], dtype=ms.float64))
    add("create/float_to_int32", lambda: Tensor([1.7, -1.7], ms.int32))
    add("create/nested_list", lambda: Tensor([[1, 2], [3, 4]]))
    add("create/tuple_input", lambda: Tensor((1.0, 2.0)))
    add("create/from_tensor", lambda: Tensor(Tensor([1, 2])))
    add("create/np_scalar_f32", lambda: Tensor(np.float32(2.5)))
    # the automatic name ("Parameter#N") depends on a global counter, so only dtype/shape/value are recorded
    add("create/parameter_int", lambda: (lambda p: (str(p.dtype), p.shape, p.asnumpy()))(Parameter(3)))
    add("create/parameter_float", lambda: (lambda p: (str(p.dtype), p.shape, p.asnumpy()))(Parameter(2.5)))
    add("create/parameter_named", lambda: Parameter(Tensor([1., 2.]), name='p0'))
    add("create/parameter_repr", lambda: repr(Parameter(T32([1., 2.]), name='weight')))
    add("create/parameter_repr_nograd",
        lambda: repr(Parameter(T32([1., 2.]), name='bias', requires_grad=False)))
    add("create/parameter_str", lambda: str(Parameter(T32([1., 2.]), name='weight')))
    add("create/shape_is_tuple", lambda: (type(Tensor([[1, 2]]).shape).__name__, Tensor([[1, 2]]).shape))
    add("create/ndim_size_len", lambda: (T32(np.zeros((2, 3))).ndim, T32(np.zeros((2, 3))).size,
                                         len(T32(np.zeros((2, 3))))))
    add("create/asnumpy", lambda: T32([1., 2.]).asnumpy())
    add("create/dtype_eq", lambda: (Tensor([1., 2.]).dtype == ms.float32, Tensor([1, 2]).dtype == ms.int64,
                                    Tensor([1, 2]).dtype == ms.int32))
    for dname in ["float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool_",
                  "float_", "int_", "half", "double", "single"]:
        add(f"dtype_obj/{dname}", (lambda dn: lambda: (str(getattr(ms, dn)), repr(getattr(ms, dn))))(dname))
    add("dtype_obj/eq", lambda: (ms.float32 == ms.float32, ms.float32 == ms.float64, ms.float_ == ms.float32,
                                 ms.half == ms.float16, ms.double == ms.float64))

    # ==========================================================================================================
    # 4. str / repr
    # ==========================================================================================================
    def mk(dtype, shape, seed, scale=1.0):
        rng = np.random.default_rng(seed)
        if dtype in ("float32", "float16", "float64"):
            return Tensor((rng.standard_normal(shape) * scale).astype(dtype))
        if dtype == "bool":
            return Tensor(rng.random(shape) > 0.5)
        if dtype == "uint8":
            return Tensor(rng.integers(0, 256, shape).astype(np.uint8))
        return Tensor(rng.integers(-300, 300, shape).astype(dtype))

    shapes = [(), (3,), (2, 3), (2, 2, 3)]
    for dtype in ["float32", "float16", "float64", "int32", "int64", "uint8", "bool"]:
        for i, shape in enumerate(shapes):
            sname = "x".join(map(str, shape)) or "scalar"
            add(f"print/str_{dtype}_{sname}", (lambda d, s, i: lambda: str(mk(d, s, 10 + i)))(dtype, shape, i))
            add(f"print/repr_{dtype}_{sname}", (lambda d, s, i: lambda: repr(mk(d, s, 10 + i)))(dtype, shape, i))
    for shape in [(7, 3), (1001,), (10, 10), (3, 8, 9), (6, 6), (1000,), (2, 7)]:
        sname = "x".join(map(str, shape))
        add(f"print/str_float32_{sname}", (lambda s: lambda: str(mk("float32", s, 5)))(shape))
        add(f"print/repr_float32_{sname}", (lambda s: lambda: repr(mk("float32", s, 5)))(shape))
    for shape in [(1001,), (10, 10)]:
        sname = "x".join(map(str, shape))
        add(f"print/repr_int32_{sname}", (lambda s: lambda: repr(mk("int32", s, 6)))(shape))
        add(f"print/str_int32_{sname}", (lambda s: lambda: str(mk("int32", s, 6)))(shape))
        add(f"print/repr_bool_{sname}", (lambda s: lambda: repr(mk("bool", s, 6)))(shape))
    # long 1-D tensors are printed in full (up to 1000 elements) and wrapped over several lines
    for n in [12, 13, 25, 30, 49]:
        add(f"print/repr_wrap_float32_{n}", (lambda n: lambda: repr(Tensor(np.arange(n, dtype=np.float32) - 3)))(n))
        add(f"print/repr_wrap_float16_{n}", (lambda n: lambda: repr(Tensor(np.arange(n, dtype=np.float16))))(n))
        add(f"print/repr_wrap_int32_{n}", (lambda n: lambda: repr(Tensor(np.arange(n, dtype=np.int32) - 5)))(n))
        add(f"print/repr_wrap_int64_wide_{n}",
            (lambda n: lambda: repr(Tensor(np.arange(n, dtype=np.int64) * 123457 - 1000)))(n))
        add(f"print/repr_wrap_bool_{n}", (lambda n: lambda: repr(Tensor(np.arange(n) % 3 == 0)))(n))
        add(f"print/repr_wrap_uint8_{n}", (lambda n: lambda: repr(Tensor(np.arange(n, dtype=np.uint8))))(n))
    add("print/repr_wrap_float32_random_40", lambda: repr(mk("float32", (40,), 8)))
    specials = np.array([1.0, -2.5, np.nan, np.inf, -np.inf, 0.0], np.float32)
    add("print/str_nan_inf", lambda: str(Tensor(specials)))
    add("print/repr_nan_inf", lambda: repr(Tensor(specials)))
    add("print/repr_nan_inf_f16", lambda: repr(Tensor(specials.astype(np.float16))))
    add("print/repr_nan_scalar", lambda: repr(Tensor(np.float32(np.nan))))
    add("print/repr_inf_scalar", lambda: repr(Tensor(np.float32(-np.inf))))
    add("print/str_empty", lambda: str(Tensor(np.zeros((0, 3), np.float32))))
    add("print/repr_empty", lambda: repr(Tensor(np.zeros((0, 3), np.float32))))
    add("print/repr_empty_1d", lambda: repr(Tensor(np.zeros((0,), np.float32))))
    big_small = np.array([1.5e10, -3.25e-8, 7.0, 1e-30], np.float32)
    add("print/str_big_small", lambda: str(Tensor(big_small)))
    add("print/repr_big_small", lambda: repr(Tensor(big_small)))
    add("print/repr_big_small_2d", lambda: repr(Tensor(big_small.reshape(2, 2))))
    add("print/str_big_small_2d", lambda: str(Tensor(big_small.reshape(2, 2))))
    for v in [78.0, 0.494371, 123456789.0, 1e-7, -0.0, 2.0, 1.0 / 3.0, -5.5e20]:
        add(f"print/repr_scalar_{v!r}", (lambda v: lambda: repr(Tensor(np.float32(v))))(v))
        add(f"print/str_scalar_{v!r}", (lambda v: lambda: str(Tensor(np.float32(v))))(v))
    add("print/repr_scalar_f64", lambda: repr(Tensor(np.float64(1.0 / 3.0))))
    add("print/repr_scalar_int", lambda: repr(Tensor(np.int64(-42))))
    add("print/repr_scalar_bool", lambda: repr(Tensor(np.bool_(False))))
    add("print/repr_ints_widths", lambda: repr(Tensor(np.array([1, -2, 300], np.int32))))
    add("print/repr_ints_2d_widths", lambda: repr(Tensor(np.array([[1, -2, 300], [4, 5, -6000]], np.int64))))
    add("print/str_in_tuple", lambda: str((T32([1., 2.]), Tensor([1, 2]))))
    add("print/str_in_list", lambda: str([T32([1., 2.])]))
    add("print/repr_argmax", lambda: (str(T32([[1., 5., 2.]]).argmax(1)), repr(T32([[1., 5., 2.]]).argmax(1))))
    add("print/format_f", lambda: "{:.3f}".format(T32(2.5).item()))
    add("print/repr_integral_floats", lambda: repr(T32([1., 2., 3.])))
    add("print/str_integral_floats", lambda: str(T32([1., 2., 3.])))

    # ==========================================================================================================
    # 5. dtype promotion
    # ==========================================================================================================
    pdtypes = ["bool", "uint8", "int32", "int64", "float16", "float32", "float64"]

    def pt(name):
        if name == "bool":
            return Tensor(np.array([True, False, True]))
        return Tensor(np.array([1, 2, 3]).astype(name))

    def pt2(name):
        if name == "bool":
            return Tensor(np.array([True, True, False]))
        return Tensor(np.array([2, 4, 5]).astype(name))

    binops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
              "sub": lambda a, b: a - b}
    for oname, fn in binops.items():
        for i, d1 in enumerate(pdtypes):
            for d2 in pdtypes[i:]:
                if oname == "sub" and (d1 == "bool" or d2 == "bool"):
                    continue
                add(f"promote/{oname}_{d1}_{d2}", (lambda fn, d1, d2: lambda: fn(pt(d1), pt2(d2)))(fn, d1, d2))
                if d1 != d2 and oname in ("add", "div"):
                    add(f"promote/{oname}_{d2}_{d1}", (lambda fn, d1, d2: lambda: fn(pt(d2), pt2(d1)))(fn, d1, d2))
    scalars = {"int": 2, "float": 2.5, "bool": True}
    for d in pdtypes:
        for sname, sv in scalars.items():
            for oname, fn in [("add", lambda a, b: a + b), ("mul", lambda a, b: a * b), ("div", lambda a, b: a / b)]:
                add(f"promote/scalar_{oname}_{d}_{sname}",
                    (lambda fn, d, sv: lambda: fn(pt(d), sv))(fn, d, sv))
            add(f"promote/scalar_radd_{d}_{sname}", (lambda d, sv: lambda: sv + pt(d))(d, sv))
            add(f"promote/scalar_rsub_{d}_{sname}", (lambda d, sv: lambda: sv - pt(d))(d, sv))
            add(f"promote/scalar_rdiv_{d}_{sname}", (lambda d, sv: lambda: sv / pt(d))(d, sv))
    add("promote/int_div_int", lambda: Tensor([1, 2, 3]) / Tensor([2, 2, 2]))
    add("promote/int32_div_int32", lambda: pt("int32") / pt2("int32"))
    add("promote/int_floordiv_int", lambda: Tensor([7, -7, 3]) // Tensor([2, 2, 2]))
    add("promote/float_floordiv", lambda: T32([7., -7., 3.5]) // 2)
    add("promote/int_mod", lambda: Tensor([7, -7, 3]) % 3)
    add("promote/float_mod", lambda: T32([7., -7., 3.5]) % 3)
    add("promote/int_pow_int", lambda: Tensor([1, 2, 3]) ** 2)
    add("promote/int_pow_float", lambda: Tensor([1, 2, 3]) ** 0.5)
    add("promote/float_pow_tensor", lambda: T32([1., 2., 3.]) ** Tensor([2, 2, 2]))
    add("promote/rpow", lambda: 2 ** T32([1., 2., 3.]))
    add("promote/neg_int", lambda: -Tensor([1, 2]))
    add("promote/neg_uint8", lambda: -Tensor(np.array([1, 2], np.uint8)))
    add("promote/uint8_overflow", lambda: Tensor(np.array([250], np.uint8)) + Tensor(np.array([10], np.uint8)))
    add("promote/int32_big_scalar", lambda: pt("int32") + 2 ** 40)
    add("promote/f16_big_scalar", lambda: pt("float16") * 1e5)
    add("promote/0d_f64_with_f32", lambda: pt("float32") + Tensor(np.float64(1.5)))
    add("promote/0d_int64_with_int32", lambda: pt("int32") + Tensor(np.int64(1)))
    add("promote/0d_f32_with_int32", lambda: pt("int32") + Tensor(np.float32(1.5)))
    for cname, fn in [("eq", lambda a, b: a == b), ("lt", lambda a, b: a < b), ("ge", lambda a, b: a >= b),
                      ("ne", lambda a, b: a != b)]:
        add(f"promote/cmp_{cname}_f32_i32", (lambda fn: lambda: fn(pt("float32"), pt2("int32")))(fn))
        add(f"promote/cmp_{cname}_f32_scalar", (lambda fn: lambda: fn(pt("float32"), 2))(fn))
        add(f"promote/cmp_{cname}_int_scalar_float", (lambda fn: lambda: fn(pt("int64"), 2.5))(fn))
    add("promote/matmul_int_float", lambda: ops.matmul(pt("int32").reshape(1, 3), pt("float32").reshape(3, 1)))
    add("promote/ops_add_scalar", lambda: ops.add(pt("int32"), 2.5))
    add("promote/ops_mul_f16_f32", lambda: ops.mul(pt("float16"), pt2("float32")))
    add("promote/ops_div_int", lambda: ops.div(pt("int32"), pt2("int32")))
    add("promote/ops_div_floor", lambda: ops.div(T32([7., -7.]), T32([2., 2.]), rounding_mode="floor"))
    add("promote/ops_div_trunc", lambda: ops.div(T32([7., -7.]), T32([2., 2.]), rounding_mode="trunc"))
    add("promote/ops_div_int_floor", lambda: ops.div(Tensor([7, -7]), Tensor([2, 2]), rounding_mode="floor"))

    # ==========================================================================================================
    # 6. forward op table
    # ==========================================================================================================
    A = f32(1, (3, 4))
    B = f32(2, (3, 4))
    P = (np.abs(A) + 0.1).astype(np.float32)
    V = f32(3, (5,))
    I = np.array([[1, -2, 3], [4, 5, -6]], np.int32)

    def tA():
        return Tensor(A)

    def tB():
        return Tensor(B)

    def tP():
        return Tensor(P)

    def tV():
        return Tensor(V)

    # creation
    creation = {
        "ones_int": lambda: ops.ones(3), "ones_tuple": lambda: ops.ones((2, 3)),
        "ones_list": lambda: ops.ones([2, 1]), "ones_dtype": lambda: ops.ones((2,), ms.int32),
        "ones_tensor_shape": lambda: ops.ones(Tensor([2, 2])), "ones_two_ints": lambda: ops.ones(2, 3),
        "zeros": lambda: ops.zeros((2, 2)), "zeros_dtype": lambda: ops.zeros(2, ms.float16),
        "zeros_like": lambda: ops.zeros_like(Tensor(I)), "ones_like_dtype": lambda: ops.ones_like(Tensor(I), dtype=ms.float32),
        "ones_like_pos_dtype": lambda: ops.ones_like(Tensor(I), ms.float32),
        "full_int": lambda: ops.full((2, 2), 7), "full_float": lambda: ops.full((2,), 1.5),
        "full_bool": lambda: ops.full((2,), True), "full_dtype": lambda: ops.full((2,), 7, dtype=ms.float32),
        "full_like": lambda: ops.full_like(Tensor(A), 2), "fill": lambda: ops.fill(ms.float32, (2, 2), 3),
        "fill_int": lambda: ops.fill(ms.int32, (3,), 5.7),
        "arange_int": lambda: ops.arange(5), "arange_start_end": lambda: ops.arange(2, 7),
        "arange_step": lambda: ops.arange(0, 10, 3), "arange_float": lambda: ops.arange(0.0, 1.0, 0.25),
        "arange_mixed": lambda: ops.arange(0, 2, 0.5), "arange_neg_step": lambda: ops.arange(5, 0, -2),
        "arange_dtype": lambda: ops.arange(4, dtype=ms.float32),
        "arange_float_end_only": lambda: ops.arange(3.0),
        "linspace": lambda: ops.linspace(0, 1, 5), "linspace_tensor": lambda: ops.linspace(T32(0.), T32(2.), 3),
        "linspace_one": lambda: ops.linspace(2, 3, 1),
        "eye": lambda: ops.eye(3), "eye_rect": lambda: ops.eye(2, 3), "eye_dtype": lambda: ops.eye(2, 2, ms.int32),
    }
    for n, fn in creation.items():
        add(f"op/create_{n}", fn)

    # elementwise
    ew = {
        "add": lambda: ops.add(tA(), tB()), "add_scalar": lambda: ops.add(tA(), 2),
        "sub": lambda: ops.sub(tA(), tB()), "mul": lambda: ops.mul(tA(), tB()), "div": lambda: ops.div(tA(), tB()),
        "div_by_zero": lambda: ops.div(T32([1., -1., 0.]), T32([0., 0., 0.])),
        "int_div_by_zero": lambda: ops.div(Tensor([1, -1, 0]), Tensor([0, 0, 0])),
        "pow": lambda: ops.pow(tP(), 2.5), "pow_tensor": lambda: ops.pow(tP(), tB()),
        "pow_int": lambda: ops.pow(Tensor(I), 2), "pow_neg_base": lambda: ops.pow(T32([-2., -8.]), 0.5),
        "neg": lambda: ops.neg(tA()), "exp": lambda: ops.exp(tA()), "log": lambda: ops.log(tP()),
        "log_nonpos": lambda: ops.log(T32([0., -1.])), "log1p": lambda: ops.log1p(tP()),
        "sqrt": lambda: ops.sqrt(tP()), "sqrt_neg": lambda: ops.sqrt(T32([-1., 0.])),
        "rsqrt": lambda: ops.rsqrt(tP()), "square": lambda: ops.square(tA()),
        "square_int": lambda: ops.square(Tensor(I)),
        "abs": lambda: ops.abs(tA()), "abs_int": lambda: ops.abs(Tensor(I)),
        "sign": lambda: ops.sign(T32([-2., 0., 3.])), "sign_int": lambda: ops.sign(Tensor(I)),
        "sin": lambda: ops.sin(tA()), "cos": lambda: ops.cos(tA()), "tanh": lambda: ops.tanh(tA()),
        "sigmoid": lambda: ops.sigmoid(tA()), "relu": lambda: ops.relu(tA()), "relu_int": lambda: ops.relu(Tensor(I)),
        "gelu": lambda: ops.gelu(tA()), "gelu_tanh": lambda: ops.gelu(tA(), approximate='tanh'),
        "softplus": lambda: ops.softplus(tA()), "softplus_beta": lambda: ops.softplus(tA(), beta=2, threshold=1),
        "maximum": lambda: ops.maximum(tA(), tB()), "minimum": lambda: ops.minimum(tA(), tB()),
        "maximum_bcast": lambda: ops.maximum(tA(), T32([0., 0.5, -0.5, 0.])),
        "maximum_nan": lambda: ops.maximum(T32([np.nan, 1.]), T32([0., np.nan])),
        "maximum_int_float": lambda: ops.maximum(Tensor(I), T32(np.ones((2, 3)))),
        "clamp": lambda: ops.clamp(tA(), -0.5, 0.5), "clamp_min": lambda: ops.clamp(tA(), min=0.),
        "clamp_max": lambda: ops.clamp(tA(), max=0.), "clamp_tensor": lambda: ops.clamp(tA(), T32(-0.2), T32(0.3)),
        "clamp_int": lambda: ops.clamp(Tensor(I), -1, 3), "clamp_int_float_bound": lambda: ops.clamp(Tensor(I), -1.5, 3.5),
        "clip": lambda: ops.clip(tA(), -0.5, 0.5), "clamp_none": lambda: ops.clamp(tA()),
        "where": lambda: ops.where(tA() > 0, tA(), tB()), "where_scalar": lambda: ops.where(tA() > 0, tA(), 0.),
        "where_int_float": lambda: ops.where(Tensor(I) > 0, Tensor(I), T32(np.zeros((2, 3)))),
        "equal": lambda: ops.equal(Tensor(I), 3), "ne": lambda: ops.ne(tA(), tB()), "gt": lambda: ops.gt(tA(), tB()),
        "lt": lambda: ops.lt(tA(), 0), "ge": lambda: ops.ge(tA(), tB()), "le": lambda: ops.le(tA(), 0.1),
        "eq_op": lambda: ops.eq(Tensor(I), Tensor(I)),
        "greater": lambda: ops.greater(tA(), tB()), "less_equal": lambda: ops.less_equal(tA(), tB()),
        "logical_and": lambda: ops.logical_and(tA() > 0, tB() > 0),
        "logical_or": lambda: ops.logical_or(tA() > 0, tB() > 0),
        "logical_not": lambda: ops.logical_not(tA() > 0),
        "logical_xor": lambda: ops.logical_xor(tA() > 0, tB() > 0),
        "logical_and_float": lambda: ops.logical_and(T32([0., 1., 2.]), T32([1., 1., 0.])),
        "logical_not_int": lambda: ops.logical_not(Tensor([0, 1, 2])),
        "op_and": lambda: (tA() > 0) & (tB() > 0), "op_or": lambda: (tA() > 0) | (tB() > 0),
        "op_invert": lambda: ~(tA() > 0),
        "floor_divide": lambda: ops.floor_divide(tA(), 0.3), "remainder": lambda: ops.remainder(tA(), 0.3),
        "true_divide": lambda: ops.true_divide(Tensor(I), 4),
    }
    for n, fn in ew.items():
        add(f"op/ew_{n}", fn)

    # reductions
    R = np.array([[1., 5., 5., 2.], [7., 0., 7., -1.], [3., 3., 2., 9.]], np.float32)

    def tR():
        return Tensor(R)

    red = {
        "sum_all": lambda: ops.sum(tA()), "sum_dim0": lambda: ops.sum(tA(), 0), "sum_dim1_keep": lambda: ops.sum(tA(), 1, True),
        "sum_dim_tuple": lambda: ops.sum(tA(), (0, 1)), "sum_kw": lambda: ops.sum(tA(), dim=1, keepdim=True),
        "sum_axis_kw": lambda: ops.sum(tA(), axis=1), "sum_int": lambda: ops.sum(Tensor(I)),
        "sum_int32_dim": lambda: ops.sum(Tensor(I), 0), "sum_bool": lambda: ops.sum(tA() > 0),
        "sum_dtype": lambda: ops.sum(Tensor(I), dtype=ms.float32),
        "mean_all": lambda: ops.mean(tA()), "mean_axis": lambda: ops.mean(tA(), 1),
        "mean_keep": lambda: ops.mean(tA(), 0, True), "mean_kw": lambda: ops.mean(tA(), axis=0, keep_dims=True),
        "mean_dim_kw": lambda: ops.mean(tA(), dim=0), "mean_int": lambda: ops.mean(Tensor(I)),
        "mean_tuple": lambda: ops.mean(tA(), (0, 1)),
        "max_all": lambda: ops.max(tR()), "max_axis": lambda: ops.max(tR(), 1), "max_axis0": lambda: ops.max(tR(), 0),
        "max_axis_keep": lambda: ops.max(tR(), 1, True), "max_kw": lambda: ops.max(tR(), axis=1, keepdims=True),
        "max_dim_kw": lambda: ops.max(tR(), dim=1), "max_int": lambda: ops.max(Tensor(I), 0),
        "min_all": lambda: ops.min(tR()), "min_axis": lambda: ops.min(tR(), 1), "min_axis_keep": lambda: ops.min(tR(), 0, True),
        "amax": lambda: ops.amax(tR(), 1), "amin": lambda: ops.amin(tR(), 0), "amax_all": lambda: ops.amax(tR()),
        "prod_all": lambda: ops.prod(tA()), "prod_axis": lambda: ops.prod(tA(), 1),
        "prod_keep": lambda: ops.prod(tA(), 0, True), "prod_int": lambda: ops.prod(Tensor(I), 1),
        "argmax_all": lambda: ops.argmax(tR()), "argmax_dim": lambda: ops.argmax(tR(), 1),
        "argmax_keep": lambda: ops.argmax(tR(), 1, True), "argmax_kw": lambda: ops.argmax(tR(), dim=0, keepdim=True),
        "argmax_axis_kw": lambda: ops.argmax(tR(), axis=1),
        "argmin_all": lambda: ops.argmin(tR()), "argmin_axis": lambda: ops.argmin(tR(), 1),
        "argmin_keep": lambda: ops.argmin(tR(), 0, True), "argmin_dim_kw": lambda: ops.argmin(tR(), dim=1),
        "logsumexp": lambda: ops.logsumexp(tA(), 1), "logsumexp_keep": lambda: ops.logsumexp(tA(), 0, True),
        "logsumexp_tuple": lambda: ops.logsumexp(tA(), (0, 1)),
        "norm_all": lambda: ops.norm(tA()), "norm_dim": lambda: ops.norm(tA(), dim=1),
        "norm_ord1": lambda: ops.norm(tV(), 1), "norm_inf": lambda: ops.norm(tV(), float('inf')),
        "norm_fro": lambda: ops.norm(tA(), 'fro'), "norm_keep": lambda: ops.norm(tA(), dim=0, keepdim=True),
        "norm_matrix_ord2": lambda: ops.norm(tA(), 2),
        "vector_norm": lambda: ops.vector_norm(tA()),
        "var_all": lambda: ops.var(tA()), "var_axis": lambda: ops.var(tA(), 1),
        "var_ddof": lambda: ops.var(tA(), 1, ddof=1), "var_keep": lambda: ops.var(tA(), 0, keepdims=True),
        "std_all": lambda: ops.std(tA()), "std_axis": lambda: ops.std(tA(), 0),
        "std_ddof": lambda: ops.std(tA(), 1, ddof=1), "std_keep": lambda: ops.std(tA(), 1, keepdims=True),
    }
    for n, fn in red.items():
        add(f"op/red_{n}", fn)

    # shape ops
    X3 = np.arange(24, dtype=np.float32).reshape(2, 3, 4)

    def tX():
        return Tensor(X3)

    sh = {
        "reshape": lambda: ops.reshape(tA(), (4, 3)), "reshape_neg": lambda: ops.reshape(tA(), (-1, 2)),
        "reshape_list": lambda: ops.reshape(tA(), [2, 6]),
        "transpose": lambda: ops.transpose(tX(), (2, 0, 1)), "permute": lambda: ops.permute(tX(), (1, 0, 2)),
        "squeeze": lambda: ops.squeeze(Tensor(np.zeros((1, 3, 1), np.float32))),
        "squeeze_axis": lambda: ops.squeeze(Tensor(np.zeros((1, 3, 1), np.float32)), 2),
        "squeeze_tuple": lambda: ops.squeeze(Tensor(np.zeros((1, 3, 1), np.float32)), (0, 2)),
        "squeeze_non1": lambda: ops.squeeze(Tensor(np.zeros((1, 3, 1), np.float32)), 1),
        "expand_dims": lambda: ops.expand_dims(tA(), 1), "expand_dims_neg": lambda: ops.expand_dims(tA(), -1),
        "unsqueeze": lambda: ops.unsqueeze(tA(), 0),
        "flatten": lambda: ops.flatten(tX()), "flatten_start0": lambda: ops.flatten(tX(), start_dim=0),
        "flatten_range": lambda: ops.flatten(tX(), start_dim=1, end_dim=2),
        "flatten_1d": lambda: ops.flatten(tV()),
        "broadcast_to": lambda: ops.broadcast_to(tV(), (2, 5)), "broadcast_to_neg": lambda: ops.broadcast_to(
            Tensor(np.ones((3, 1), np.float32)), (-1, 4)),
        "tile": lambda: ops.tile(Tensor(I), (2, 1)), "tile_more_dims": lambda: ops.tile(tV(), (2, 2)),
        "cat": lambda: ops.cat((tA(), tB())), "cat_axis1": lambda: ops.cat([tA(), tB()], 1),
        "concat": lambda: ops.concat((tA(), tB()), axis=1),
        "stack": lambda: ops.stack((tA(), tB())), "stack_axis": lambda: ops.stack([tV(), tV()], 1),
        "split_int": lambda: ops.split(tX(), 1), "split_int_axis": lambda: ops.split(tX(), 2, axis=2),
        "split_uneven": lambda: ops.split(tV(), 2), "split_sections": lambda: ops.split(tV(), [1, 4]),
        "split_tuple_sections": lambda: ops.split(tX(), (1, 3), 2),
        "chunk": lambda: ops.chunk(tV(), 2), "chunk_axis": lambda: ops.chunk(tX(), 3, 1),
        "chunk_more": lambda: ops.chunk(tV(), 4),
        "gather": lambda: ops.gather(tA(), Tensor(np.array([2, 0], np.int32)), 0),
        "gather_axis1": lambda: ops.gather(tA(), Tensor(np.array([[1, 3], [0, 0]], np.int32)), 1),
        "gather_int64_idx": lambda: ops.gather(tA(), Tensor([2, 0]), 0),
        "gather_elements": lambda: ops.gather_elements(tA(), 1, Tensor(np.array([[0, 1], [3, 3], [2, 0]], np.int32))),
        "gather_d": lambda: ops.gather_d(tA(), 0, Tensor(np.array([[0, 1, 2, 0]], np.int64))),
        "index_select": lambda: ops.index_select(tA(), 1, Tensor(np.array([3, 1], np.int32))),
        "one_hot": lambda: ops.one_hot(Tensor(np.array([0, 2, 1], np.int32)), 3),
        "one_hot_values": lambda: ops.one_hot(Tensor(np.array([0, 2], np.int32)), 3, T32(5.), T32(-1.)),
        "one_hot_int64": lambda: ops.one_hot(Tensor([1, 0]), 2),
        "pad": lambda: ops.pad(tA(), (1, 2)), "pad_2d": lambda: ops.pad(tA(), (1, 0, 0, 2), value=9.),
        "pad_reflect": lambda: ops.pad(Tensor(np.arange(8, dtype=np.float32).reshape(1, 2, 4)), (2, 1), mode='reflect'),
        "pad_neg": lambda: ops.pad(tA(), (-1, 1)),
    }
    for n, fn in sh.items():
        add(f"op/shape_{n}", fn)

    # matmul
    M1 = f32(20, (3,))
    M2 = f32(21, (3, 4))
    M3 = f32(22, (2, 4, 3))
    M4 = f32(23, (2, 3, 5))
    mm = {
        "1d_1d": lambda: ops.matmul(Tensor(M1), Tensor(M1)), "1d_2d": lambda: ops.matmul(Tensor(M1), Tensor(M2)),
        "2d_1d": lambda: ops.matmul(Tensor(M2.T.copy()), Tensor(M1)), "2d_2d": lambda: ops.matmul(Tensor(M2.T.copy()), Tensor(M2)),
        "batched": lambda: ops.matmul(Tensor(M3), Tensor(M4)), "batched_bcast": lambda: ops.matmul(Tensor(M3), Tensor(M2)),
        "at_operator": lambda: Tensor(M3) @ Tensor(M4), "bmm": lambda: ops.bmm(Tensor(M3), Tensor(M4)),
        "int": lambda: ops.matmul(Tensor(I), Tensor(I.T.copy())), "int_float": lambda: ops.matmul(Tensor(I), Tensor(M2)),
        "f64": lambda: ops.matmul(Tensor(M2.T.astype(np.float64)), Tensor(M2.astype(np.float64))),
        "mismatch": lambda: ops.matmul(Tensor(M2), Tensor(M2)),
        "mm": lambda: ops.mm(Tensor(M2.T.copy()), Tensor(M2)),
    }
    for n, fn in mm.items():
        add(f"op/matmul_{n}", fn)

    # softmax / cast
    sm = {
        "softmax": lambda: ops.softmax(tA()), "softmax_axis0": lambda: ops.softmax(tA(), 0),
        "softmax_axis_kw": lambda: ops.softmax(tA(), axis=0), "softmax_dtype": lambda: ops.softmax(tA(), dtype=ms.float64),
        "log_softmax": lambda: ops.log_softmax(tA()), "log_softmax_axis0": lambda: ops.log_softmax(tA(), 0),
        "softmax_large": lambda: ops.softmax(T32([1000., 0., -1000.])),
        "cast_f16": lambda: ops.cast(tA(), ms.float16), "cast_int32": lambda: ops.cast(tA() * 3, ms.int32),
        "cast_bool": lambda: ops.cast(T32([0., 0.5, -2.]), ms.bool_), "cast_uint8": lambda: ops.cast(T32([-1., 256., 3.7]), ms.uint8),
        "cast_int_to_float": lambda: ops.cast(Tensor(I), ms.float32),
    }
    for n, fn in sm.items():
        add(f"op/{n}", fn)

    # Tensor methods
    tm = {
        "sum": lambda: tA().sum(), "sum_axis": lambda: tA().sum(1), "sum_axis_kw": lambda: tA().sum(axis=1, keepdims=True),
        "sum_dim_kw": lambda: tA().sum(dim=0, keepdim=True), "sum_int": lambda: Tensor(I).sum(),
        "mean": lambda: tA().mean(), "mean_axis": lambda: tA().mean(1), "mean_axis_kw": lambda: tA().mean(axis=0, keep_dims=True),
        "mean_dim_kw": lambda: tA().mean(dim=0, keepdim=True), "mean_keepdims_kw": lambda: tA().mean(0, keepdims=True),
        "max": lambda: tR().max(), "max_axis": lambda: tR().max(1), "max_axis_kw": lambda: tR().max(axis=1, keepdims=True),
        "max_dim_kw": lambda: tR().max(dim=1), "max_dim_keepdim": lambda: tR().max(dim=1, keepdim=True),
        "max_return_indices": lambda: tR().max(axis=1, return_indices=True),
        "min": lambda: tR().min(), "min_axis": lambda: tR().min(0), "min_dim_kw": lambda: tR().min(dim=0),
        "argmax": lambda: tR().argmax(), "argmax_axis": lambda: tR().argmax(1),
        "argmax_axis_kw": lambda: tR().argmax(axis=0, keepdims=True), "argmax_dim_kw": lambda: tR().argmax(dim=1, keepdim=True),
        "argmin": lambda: tR().argmin(), "argmin_axis": lambda: tR().argmin(1),
        "reshape_tuple": lambda: tA().reshape((2, 6)), "reshape_args": lambda: tA().reshape(6, 2),
        "reshape_neg": lambda: tA().reshape(-1), "view": lambda: tA().view(2, 6), "view_tuple": lambda: tA().view((4, 3)),
        "transpose_2": lambda: tX().transpose(0, 2), "transpose_perm": lambda: tX().transpose((2, 0, 1)),
        "transpose_noargs": lambda: tA().transpose(), "transpose_args3": lambda: tX().transpose(2, 0, 1),
        "T": lambda: tA().T, "T_3d": lambda: tX().T, "permute": lambda: tX().permute(2, 0, 1),
        "astype": lambda: tA().astype(ms.int32), "astype_str": lambda: tA().astype("float16"),
        "squeeze": lambda: Tensor(np.zeros((1, 3, 1), np.float32)).squeeze(),
        "squeeze_axis": lambda: Tensor(np.zeros((1, 3, 1), np.float32)).squeeze(0),
        "expand_dims": lambda: tV().expand_dims(0), "unsqueeze": lambda: tV().unsqueeze(1),
        "flatten": lambda: tX().flatten(), "flatten_start1": lambda: tX().flatten(start_dim=1),
        "abs": lambda: tA().abs(), "exp": lambda: tA().exp(), "log": lambda: tP().log(), "sqrt": lambda: tP().sqrt(),
        "pow": lambda: tP().pow(2), "clip": lambda: tA().clip(-0.3, 0.3), "clamp": lambda: tA().clamp(min=0.),
        "item": lambda: T32([2.5]).item(), "item_int": lambda: Tensor(7).item(), "item_bool": lambda: Tensor(True).item(),
        "item_multi": lambda: tA().item(), "tolist": lambda: Tensor(I).tolist(), "tolist_f32": lambda: T32([[0.5, 1.]]).tolist(),
        "tolist_scalar": lambda: T32(1.5).tolist(), "float_cast": lambda: float(T32(2.5)), "int_cast": lambda: int(Tensor(7)),
        "bool_cast": lambda: bool(Tensor(True)), "float_method": lambda: Tensor(I).float(), "int_method": lambda: tA().int(),
        "len": lambda: len(tA()), "size": lambda: tA().size, "ndim": lambda: tX().ndim, "shape": lambda: tX().shape,
        "numel": lambda: tA().numel(), "dim": lambda: tX().dim(), "copy": lambda: tA().copy(),
        "float_of_1elem": lambda: float(T32([3.5])), "neg_op": lambda: -tA(), "abs_builtin": lambda: abs(tA()),
        "sum_ones_grad_check": lambda: ops.sum(tA() * 0 + 1),
    }
    for n, fn in tm.items():
        add(f"method/{n}", fn)

    # indexing
    ix = {
        "int": lambda: tX()[1], "neg": lambda: tX()[-1], "two_ints": lambda: tX()[1, 2], "scalar": lambda: tX()[1, 2, 3],
        "slice": lambda: tX()[:, 1:], "step": lambda: tX()[:, ::2, 1::2], "neg_slice": lambda: tX()[..., -2:],
        "ellipsis": lambda: tX()[..., 0], "none": lambda: tX()[None, 0].shape, "none_tensor": lambda: tX()[:, None],
        "int_list": lambda: tX()[[1, 0]], "int_array": lambda: tX()[Tensor(np.array([1, 0, 1], np.int32))],
        "int_array_axis1": lambda: tX()[:, Tensor([2, 0])], "bool_mask": lambda: tA()[tA() > 0],
        "bool_mask_rows": lambda: tA()[Tensor(np.array([True, False, True]))],
        "two_int_arrays": lambda: tA()[Tensor([0, 2]), Tensor([1, 3])],
        "out_of_range": lambda: tX()[5],
        "1d_neg": lambda: tV()[-2], "1d_step_neg": lambda: tV()[::-1],
    }
    for n, fn in ix.items():
        add(f"index/{n}", fn)

    def setitem(kind):
        def thunk():
            t = Tensor(X3.copy())
            if kind == "int":
                t[0] = 1.5
            elif kind == "two_ints":
                t[0, 1] = -1
            elif kind == "slice":
                t[:, 1:] = 0
            elif kind == "tensor_value":
                t[1, 0] = T32([9., 8., 7., 6.])
            elif kind == "bool_mask":
                t[t > 10] = 0
            elif kind == "int_array":
                t[Tensor([1])] = 2.0
            elif kind == "scalar_elem":
                t[1, 2, 3] = 100
            elif kind == "step":
                t[:, ::2] = -5
            elif kind == "broadcast_row":
                t[0] = T32([1., 2., 3., 4.])
            elif kind == "int_tensor_float_value":
                t = Tensor(I.copy())
                t[0, 0] = 2.7
            elif kind == "ellipsis":
                t[..., 0] = 3
            return t
        return thunk

    for kind in ["int", "two_ints", "slice", "tensor_value", "bool_mask", "int_array", "scalar_elem", "step",
                 "broadcast_row", "int_tensor_float_value", "ellipsis"]:
        add(f"setitem/{kind}", setitem(kind))

    # ==========================================================================================================
    # 7. losses (forward and gradient w.r.t. the input)
    # ==========================================================================================================
    Z = f32(30, (4, 3))
    Y01 = (np.random.default_rng(31).random((4, 3)) > 0.5).astype(np.float32)
    PR = (1 / (1 + np.exp(-f32(32, (4, 3))))).astype(np.float32)
    WT = np.abs(f32(33, (4, 3))).astype(np.float32)
    PW = np.array([1.0, 2.0, 0.5], np.float32)
    CE_IN = f32(34, (4, 5))
    CE_T = np.array([1, 0, 4, 2], np.int32)
    CE_P = np.random.default_rng(35).random((4, 5)).astype(np.float32)
    CE_P = (CE_P / CE_P.sum(1, keepdims=True)).astype(np.float32)
    CE_W = np.array([1.0, 2.0, 0.5, 1.5, 1.0], np.float32)
    RG_T = f32(36, (4, 3))

    def loss_case(name, fn):
        add(f"loss/{name}", lambda: fn(Tensor(Z)))
        add(f"loss/{name}_grad", lambda: ms.grad(lambda z: ops.sum(fn(z)))(Tensor(Z)))

    def ce_case(name, fn):
        add(f"loss/{name}", lambda: fn(Tensor(CE_IN)))
        add(f"loss/{name}_grad", lambda: ms.grad(lambda z: ops.sum(fn(z)))(Tensor(CE_IN)))

    for red_ in ["mean", "sum", "none"]:
        loss_case(f"bcewl_{red_}", (lambda r: lambda z: ops.binary_cross_entropy_with_logits(
            z, Tensor(Y01), reduction=r))(red_))
        loss_case(f"bcewl_weight_posw_{red_}", (lambda r: lambda z: ops.binary_cross_entropy_with_logits(
            z, Tensor(Y01), Tensor(WT), Tensor(PW), reduction=r))(red_))
        loss_case(f"bce_{red_}", (lambda r: lambda z: ops.binary_cross_entropy(
            ops.sigmoid(z), Tensor(Y01), reduction=r))(red_))
        loss_case(f"bce_weight_{red_}", (lambda r: lambda z: ops.binary_cross_entropy(
            ops.sigmoid(z), Tensor(Y01), Tensor(WT), reduction=r))(red_))
        loss_case(f"mse_{red_}", (lambda r: lambda z: ops.mse_loss(z, Tensor(RG_T), reduction=r))(red_))
        loss_case(f"l1_{red_}", (lambda r: lambda z: ops.l1_loss(z, Tensor(RG_T), reduction=r))(red_))
        loss_case(f"smooth_l1_{red_}", (lambda r: lambda z: ops.smooth_l1_loss(z, Tensor(RG_T), reduction=r))(red_))
        ce_case(f"ce_int_{red_}", (lambda r: lambda z: ops.cross_entropy(z, Tensor(CE_T), reduction=r))(red_))
        ce_case(f"ce_prob_{red_}", (lambda r: lambda z: ops.cross_entropy(z, Tensor(CE_P), reduction=r))(red_))
        ce_case(f"ce_weight_{red_}", (lambda r: lambda z: ops.cross_entropy(
            z, Tensor(CE_T), Tensor(CE_W), reduction=r))(red_))
        ce_case(f"nll_{red_}", (lambda r: lambda z: ops.nll_loss(ops.log_softmax(z, 1), Tensor(CE_T), reduction=r))(red_))
    add("loss/bcewl_default", lambda: ops.binary_cross_entropy_with_logits(Tensor(Z), Tensor(Y01)))
    add("loss/bcewl_posw_only", lambda: ops.binary_cross_entropy_with_logits(Tensor(Z), Tensor(Y01), pos_weight=Tensor(PW)))
    add("loss/bcewl_ones_ones", lambda: ops.binary_cross_entropy_with_logits(
        Tensor(Z), Tensor(Y01), ops.ones_like(Tensor(Z)), ops.ones_like(Tensor(Z))))
    add("loss/bce_default", lambda: ops.binary_cross_entropy(Tensor(PR), Tensor(Y01)))
    add("loss/smooth_l1_beta", lambda: ops.smooth_l1_loss(Tensor(Z), Tensor(RG_T), beta=0.5))
    add("loss/smooth_l1_beta_mean", lambda: ops.smooth_l1_loss(Tensor(Z), Tensor(RG_T), beta=0.5, reduction='mean'))
    add("loss/smooth_l1_beta_grad", lambda: ms.grad(lambda z: ops.sum(ops.smooth_l1_loss(z, Tensor(RG_T), beta=0.5)))(Tensor(Z)))
    add("loss/smooth_l1_default", lambda: ops.smooth_l1_loss(Tensor(Z), Tensor(RG_T)))
    add("loss/mse_default", lambda: ops.mse_loss(Tensor(Z), Tensor(RG_T)))
    add("loss/l1_default", lambda: ops.l1_loss(Tensor(Z), Tensor(RG_T)))
    add("loss/ce_default", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T)))
    add("loss/ce_int64_target", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T.astype(np.int64))))
    add("loss/ce_ignore_index", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T), ignore_index=0))
    add("loss/ce_ignore_index_grad", lambda: ms.grad(lambda z: ops.cross_entropy(z, Tensor(CE_T), ignore_index=0))(Tensor(CE_IN)))
    add("loss/ce_weight_ignore", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T), Tensor(CE_W), ignore_index=4))
    add("loss/ce_label_smoothing", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T), label_smoothing=0.1))
    add("loss/ce_label_smoothing_grad",
        lambda: ms.grad(lambda z: ops.cross_entropy(z, Tensor(CE_T), label_smoothing=0.1))(Tensor(CE_IN)))
    add("loss/ce_label_smoothing_weight",
        lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_T), Tensor(CE_W), label_smoothing=0.2))
    add("loss/ce_prob_label_smoothing", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_P), label_smoothing=0.1))
    add("loss/ce_prob_weight", lambda: ops.cross_entropy(Tensor(CE_IN), Tensor(CE_P), Tensor(CE_W)))
    add("loss/ce_1d_input", lambda: ops.cross_entropy(Tensor(CE_IN[0]), Tensor(np.int32(1))))
    add("loss/nll_default", lambda: ops.nll_loss(ops.log_softmax(Tensor(CE_IN), 1), Tensor(CE_T)))
    add("loss/nll_weight", lambda: ops.nll_loss(ops.log_softmax(Tensor(CE_IN), 1), Tensor(CE_T), Tensor(CE_W)))
    add("loss/nll_ignore", lambda: ops.nll_loss(ops.log_softmax(Tensor(CE_IN), 1), Tensor(CE_T), ignore_index=2))
    add("loss/nll_label_smoothing",
        lambda: ops.nll_loss(ops.log_softmax(Tensor(CE_IN), 1), Tensor(CE_T), label_smoothing=0.1))
    add("loss/nll_raw_grad", lambda: ms.grad(lambda z: ops.nll_loss(z, Tensor(CE_T)))(Tensor(CE_IN)))

    # ==========================================================================================================
    # 8. gradient conventions at kinks
    # ==========================================================================================================
    K = np.array([-1.0, 0.0, 1.0], np.float32)
    kinks = {
        "relu": lambda: ms.grad(lambda x: ops.sum(ops.relu(x)))(Tensor(K)),
        "abs": lambda: ms.grad(lambda x: ops.sum(ops.abs(x)))(Tensor(K)),
        "sign": lambda: ms.grad(lambda x: ops.sum(ops.sign(x)))(Tensor(K)),
        "maximum_ties": lambda: ms.grad(lambda x, y: ops.sum(ops.maximum(x, y)), (0, 1))(
            T32([1., 2., 3.]), T32([1., 3., 2.])),
        "minimum_ties": lambda: ms.grad(lambda x, y: ops.sum(ops.minimum(x, y)), (0, 1))(
            T32([1., 2., 3.]), T32([1., 3., 2.])),
        "max_all_ties": lambda: ms.grad(lambda x: ops.max(x))(T32([1., 3., 3., 2.])),
        "max_axis_ties": lambda: ms.grad(lambda x: ops.sum(ops.max(x, 1)[0]))(Tensor(R)),
        "min_all_ties": lambda: ms.grad(lambda x: ops.min(x))(T32([2., 1., 1., 3.])),
        "amax_ties": lambda: ms.grad(lambda x: ops.sum(ops.amax(x, 1)))(Tensor(R)),
        "amax_all_ties": lambda: ms.grad(lambda x: ops.amax(x))(T32([1., 3., 3., 2.])),
        "method_max_ties": lambda: ms.grad(lambda x: x.max())(T32([1., 3., 3., 2.])),
        "method_max_axis_ties": lambda: ms.grad(lambda x: ops.sum(x.max(axis=1)))(Tensor(R)),
        "sqrt": lambda: ms.grad(lambda x: ops.sum(ops.sqrt(x)))(T32([0., 1., 4.])),
        "clamp_bounds": lambda: ms.grad(lambda x: ops.sum(ops.clamp(x, 0., 1.)))(T32([-1., 0., 0.5, 1., 2.])),
        "clip_bounds": lambda: ms.grad(lambda x: ops.sum(ops.clip(x, 0., 1.)))(T32([-1., 0., 0.5, 1., 2.])),
        "clamp_tensor_bounds": lambda: ms.grad(lambda x, lo: ops.sum(ops.clamp(x, lo, T32(1.))), (0, 1))(
            T32([-1., 0., 0.5, 1., 2.]), T32(0.)),
        "where": lambda: ms.grad(lambda x: ops.sum(ops.where(x > 0, x * 2, x * 3)))(Tensor(K)),
        "pow_zero_base": lambda: ms.grad(lambda x: ops.sum(ops.pow(x, 2.)))(Tensor(K)),
        "pow_exponent": lambda: ms.grad(lambda e: ops.sum(ops.pow(T32([0., 2., 3.]), e)))(T32([1., 2., 2.])),
        "norm_at_zero": lambda: ms.grad(lambda x: ops.norm(x))(T32([0., 0.])),
        "log_softmax": lambda: ms.grad(lambda x: ops.sum(ops.log_softmax(x) * T32([1., 2., 3.])))(Tensor(K)),
        "softmax": lambda: ms.grad(lambda x: ops.sum(ops.softmax(x) * T32([1., 2., 3.])))(Tensor(K)),
        "mean": lambda: ms.grad(lambda x: ops.mean(x))(Tensor(A)),
        "var": lambda: ms.grad(lambda x: ops.var(x))(Tensor(V)),
        "std": lambda: ms.grad(lambda x: ops.std(x, ddof=1))(Tensor(V)),
        "prod_with_zero": lambda: ms.grad(lambda x: ops.prod(x))(T32([2., 0., 3.])),
        "logsumexp": lambda: ms.grad(lambda x: ops.logsumexp(x, 0))(Tensor(K)),
        "gelu": lambda: ms.grad(lambda x: ops.sum(ops.gelu(x)))(Tensor(K)),
        "sigmoid": lambda: ms.grad(lambda x: ops.sum(ops.sigmoid(x)))(Tensor(K)),
        "tanh": lambda: ms.grad(lambda x: ops.sum(ops.tanh(x)))(Tensor(K)),
        "softplus": lambda: ms.grad(lambda x: ops.sum(ops.softplus(x)))(Tensor(K)),
        "getitem": lambda: ms.grad(lambda x: ops.sum(x[1:] * 2) + x[0])(Tensor(V)),
        "getitem_repeat": lambda: ms.grad(lambda x: ops.sum(x[Tensor([0, 0, 2])]))(Tensor(V)),
        "gather": lambda: ms.grad(lambda x: ops.sum(ops.gather(x, Tensor(np.array([0, 0, 2], np.int32)), 0)))(Tensor(V)),
        "matmul": lambda: ms.grad(lambda a, b: ops.sum(ops.matmul(a, b)), (0, 1))(Tensor(M2.T.copy()), Tensor(M2)),
        "matmul_1d": lambda: ms.grad(lambda a, b: ops.matmul(a, b), (0, 1))(Tensor(M1), Tensor(M1)),
        "broadcast_add": lambda: ms.grad(lambda a, b: ops.sum(a + b), (0, 1))(Tensor(A), T32([1., 2., 3., 4.])),
        "broadcast_mul_keepdim": lambda: ms.grad(lambda a, b: ops.sum(a * b), (0, 1))(Tensor(A), T32(np.ones((3, 1)))),
        "div": lambda: ms.grad(lambda a, b: ops.sum(a / b), (0, 1))(Tensor(A), Tensor(P)),
        "cat_split": lambda: ms.grad(lambda a, b: ops.sum(ops.cat((a, b))[1:] * 2), (0, 1))(Tensor(V), Tensor(V)),
        "reshape_transpose": lambda: ms.grad(lambda a: ops.sum(a.reshape(4, 3).T * Tensor(B)))(Tensor(A)),
        "setitem_inside": lambda: ms.grad(lambda a: ops.sum(a * 2))(Tensor(A)),
        "exp_log": lambda: ms.grad(lambda a: ops.sum(ops.exp(a) + ops.log(a)), 0)(Tensor(P)),
        "rsqrt": lambda: ms.grad(lambda a: ops.sum(ops.rsqrt(a)))(Tensor(P)),
    }
    for n, fn in kinks.items():
        add(f"kink/{n}", fn)

    return out
