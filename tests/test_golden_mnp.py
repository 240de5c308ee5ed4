"""Check ``minispore.numpy`` (MindSpore's ``mindspore.numpy``: creation, math, reductions, manipulation, logic)
against MindSpore 2.10.0 (CPU, PyNative): the table tests/golden/cases_mnp.py, one row per call, recorded in
tests/golden/mnp.json by ``/tmp/msref/bin/python tests/golden/gen_mnp.py``. Values to 1e-5, dtypes (Python ints
Int32, floats Float32) and shapes exactly.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_mnp  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_mnp, "mnp.json").tests())


def test_every_public_function_has_a_row():
    import minispore.numpy as mnp
    tested = {name.split("/")[0] for name, *_ in cases_mnp.ROWS}
    import cases_mnp2                  # the second family (more_math, more_array, stats: test_golden_mnp2.py)
    tested |= {name.split("/")[0] for name, _ in cases_mnp2.cases(harness.Stub())}
    functions = {n for n in dir(mnp) if not n.startswith("_") and callable(getattr(mnp, n))
                 and getattr(getattr(mnp, n), "__module__", "").startswith("minispore.numpy")}
    assert not functions - tested, sorted(functions - tested)


def test_dropin_import_path():
    """``import mindspore.numpy as mnp`` under the drop-in finder is minispore.numpy."""
    import subprocess
    code = ("from minispore import _dropin; _dropin.install(); import mindspore.numpy as mnp; "
            "print(mnp.arange(3).dtype, mnp.where(mnp.arange(3) > 0, 1, 2))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["Int32", "[2", "1", "1]"], out
