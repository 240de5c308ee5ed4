"""Check minispore's complex dtypes, complex functions, FFTs and window functions (minispore/_core/dtype.py,
ops/function/complex_func.py, ops/function/fft_func.py, ops/operations/spectral_ops.py) against MindSpore 2.10.0
(CPU, PyNative): one row per case in tests/golden/cases_complex.py, recorded in tests/golden/complex.json by
``/tmp/msref/bin/python tests/golden/gen_complex.py``. Outputs compare exactly in structure, dtype and shape;
numbers (complex ones too: the recording's [real, imag] pairs) to rtol 1e-5 / atol 1e-5 (float32 FFTs of
another library); gradients through ``ms.grad`` as values; a recorded error must be raised as the same class.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_complex  # noqa: E402
import describe  # noqa: E402
import harness  # noqa: E402


def _compare(expected, actual, path="$"):
    """describe.compare, except that complex tensors' values compare as numbers (describe compares non-float
    dtypes exactly)."""
    if isinstance(expected, dict) and expected.get("tensor", "").startswith("Complex"):
        if not isinstance(actual, dict) or "tensor" not in actual:
            return [f"{path}: expected a complex tensor, got {str(actual)[:200]}"]
        out = []
        if actual["tensor"] != expected["tensor"]:
            out.append(f"{path}: dtype {expected['tensor']} != {actual['tensor']}")
        if actual["shape"] != expected["shape"]:
            return out + [f"{path}: shape {expected['shape']} != {actual['shape']}"]
        e = np.asarray(expected["value"], dtype=object)
        a = np.asarray(actual["value"], dtype=object)
        num = lambda v: np.array(np.where(v == "nan", np.nan, np.where(v == "inf", np.inf, np.where(  # noqa: E731
            v == "-inf", -np.inf, v))), dtype=np.float64)
        if num(e).shape != num(a).shape:
            out.append(f"{path}: values {str(expected['value'])[:200]} != {str(actual['value'])[:200]}")
        elif not np.allclose(num(e), num(a), rtol=1e-5, atol=1e-5, equal_nan=True):
            out.append(f"{path}: values {str(expected['value'])[:200]} != {str(actual['value'])[:200]}")
        return out
    for kind in ("tuple", "list"):
        if isinstance(expected, dict) and kind in expected and isinstance(actual, dict) and kind in actual \
                and len(expected[kind]) == len(actual[kind]):
            return [p for i, (x, y) in enumerate(zip(expected[kind], actual[kind]))
                    for p in _compare(x, y, f"{path}[{i}]")]
    return describe.compare(expected, actual, rtol=1e-5, atol=1e-5, path=path)


globals().update(harness.Family(cases_complex, "complex.json", compare=_compare).tests())


def test_every_added_name_has_a_row():
    """Every function and Primitive class this family adds is exercised by a row of the tables."""
    from minispore.ops.function import complex_func, fft_func
    from minispore.ops.operations import spectral_ops
    used = {r[1] for r in cases_complex.ROWS} | {r[1] for r in cases_complex.ERROR_ROWS} | \
        {r[0] for r in cases_complex.PRIM_ROWS}
    missing = sorted(n for n in set(complex_func.__all__) | set(fft_func.__all__) | set(spectral_ops.__all__)
                     if n not in used)
    assert not missing, f"names without a golden row: {missing}"
