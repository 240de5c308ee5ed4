"""Check more of ``minispore.numpy`` (elementwise math, NaN reductions, linear algebra, statistics, histograms,
polynomials, windows, index helpers, padding, sets) against MindSpore 2.10.0 (CPU, PyNative): the table
tests/golden/cases_mnp2.py, one row per call, recorded in tests/golden/mnp2.json by
``/tmp/msref/bin/python tests/golden/gen_mnp2.py``. Values to 1e-5, dtypes and shapes exactly; random draws by
shape, dtype and range.
"""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_mnp2  # noqa: E402
import harness  # noqa: E402

globals().update(harness.Family(cases_mnp2, "mnp2.json").tests())


def _tested():
    return {name.split("/")[0] for name, _ in cases_mnp2.cases(harness.Stub())}


def test_every_added_name_has_a_row():
    import minispore.numpy as mnp
    from minispore.numpy import more_array, more_math, stats
    added = set(more_math.__all__) | set(more_array.__all__) | set(stats.__all__)
    assert not added - _tested(), sorted(added - _tested())
    assert all(hasattr(mnp, n) for n in added)
