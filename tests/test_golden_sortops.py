"""Check minispore's segment, sort/search, counting/reduction and array-creation names (the Primitive classes of
minispore/ops/operations/sort_ops.py, the functions of minispore/ops/function/sort_func.py) against MindSpore
2.10.0 (CPU, PyNative): one row per case in tests/golden/cases_sortops.py, recorded in tests/golden/sortops.json by
``/tmp/msref/bin/python tests/golden/gen_sortops.py``. A case compares the outputs (structure, dtype and shape
exactly, floats to rtol 1e-5 / atol 1e-6) and the printed Primitive, for differentiable rows the gradient through
``ms.grad``; a recorded error must be raised as the same class. The names MindSpore 2.10's CPU build refuses
(DELIBERATE in the cases module) are checked against NumPy formulas (the cases module's INSTEAD) or, for
BatchToSpace/SpaceToBatch, against the recording of their ND forms.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_sortops  # noqa: E402
import harness  # noqa: E402

# MindSpore's CPU build has no BatchToSpace / SpaceToBatch kernel: their ND forms with a square block, recorded
ND_FORM = {"BatchToSpace": ("BatchToSpaceND", "Prim[BatchToSpace]<block_size=2, crops=((0, 0), (0, 0))>"),
           "SpaceToBatch": ("SpaceToBatchND", "Prim[SpaceToBatch]<block_size=2, paddings=((0, 0), (0, 0))>")}


def _nd_form(name, entry):
    if name not in ND_FORM:
        return None
    other, text = ND_FORM[name]
    recorded = FAMILY.golden[other]["result"]["tuple"]
    return {"tuple": [text, name, recorded[2]]}


FAMILY = harness.Family(cases_sortops, "sortops.json", instead_of=_nd_form)
globals().update(FAMILY.tests())


def test_every_added_name_has_a_row():
    """Every class sort_ops.py defines and every function sort_func.py exports is exercised by a row."""
    from minispore.ops.function import sort_func
    from minispore.ops.operations import sort_ops
    used = {r[0] for r in cases_sortops.PRIM_ROWS} | {r[1] for r in cases_sortops.FUNC_ROWS} | \
        {r[1] for r in cases_sortops.ERROR_ROWS} | {r[1] for r in cases_sortops.PRIM_ERROR_ROWS}
    missing = sorted((set(sort_ops.__all__) | set(sort_func.__all__)) - used)
    assert not missing, f"names without a golden row: {missing}"


def test_names_are_exported_where_mindspore_has_them():
    import minispore as ms
    from minispore.ops.operations import array_ops, math_ops
    for name in ("SegmentSum", "UniqueWithPad", "Bincount", "DepthToSpace", "Roll", "Meshgrid", "SplitV"):
        assert getattr(array_ops, name) is getattr(ms.ops, name)
    for name in ("Median", "LpNorm", "Einsum", "Bucketize", "ArgMaxWithValue"):
        assert getattr(math_ops, name) is getattr(ms.ops, name)
    for name in ("bucketize", "quantile", "nanquantile", "cross", "mirror_pad", "batch_to_space_nd", "col2im"):
        assert callable(getattr(ms.ops, name))
