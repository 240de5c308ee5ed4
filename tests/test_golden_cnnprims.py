"""Check minispore's CNN-family Primitive classes (minispore/ops/operations/cnn_ops.py: adaptive and 3-D pooling,
BatchNorm with its moving statistics, the transposed / backprop-input / 3-D convolutions, upsampling, the Resize
family, CropAndResize, AffineGrid, GridSampler2D/3D, ROIAlign) and the functions of ops/function/cnn_func.py
against MindSpore 2.10.0 (CPU, PyNative): one row per case in tests/golden/cases_cnnprims.py, recorded in
tests/golden/cnnprims.json by ``/tmp/msref/bin/python tests/golden/gen_cnnprims.py``. A case compares the outputs
(structure, dtype and shape exactly, floats to rtol 1e-5 / atol 1e-6), the printed Primitive and, for
differentiable rows, the gradient through ``ms.grad``. The names MindSpore 2.10's CPU build has no kernel for
(DELIBERATE in the cases module) are checked against NumPy formulas (INSTEAD).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_cnnprims  # noqa: E402
import harness  # noqa: E402

FAMILY = harness.Family(cases_cnnprims, "cnnprims.json")
globals().update(FAMILY.tests())


def test_every_added_name_has_a_row():
    """Every class cnn_ops.py defines and every function cnn_func.py exports is exercised by a row."""
    from minispore.ops.function import cnn_func
    from minispore.ops.operations import cnn_ops
    used = {r[0] for r in cases_cnnprims.PRIM_ROWS} | {r[1] for r in cases_cnnprims.FUNC_ROWS} | \
        {r[1] for r in cases_cnnprims.PRIM_ERROR_ROWS}
    missing = sorted((set(cnn_ops.__all__) - set(cnn_ops.REEXPORTED) | set(cnn_func.__all__)) - used)
    assert not missing, f"names without a golden row: {missing}"


def test_names_are_exported_where_mindspore_has_them():
    import minispore as ms
    from minispore.ops.operations import array_ops, linalg_ops, nn_ops, sort_ops
    for name in ("AdaptiveAvgPool2D", "MaxPool3D", "BatchNorm", "Conv3D", "GridSampler2D", "ROIAlign",
                 "UpsampleTrilinear3D", "ResizeBilinearV2", "CropAndResize", "AffineGrid"):
        assert getattr(ms.ops, name) is getattr(nn_ops, name) or name in ("ResizeBilinearV2", "CropAndResize",
                                                                          "AffineGrid")
    for name in ("Flatten", "OneHot"):
        assert getattr(nn_ops, name) is getattr(array_ops, name)
    for name in ("InTopK", "NthElement", "L2Normalize", "MirrorPad", "Pad", "PadV3", "ChannelShuffle"):
        assert getattr(nn_ops, name) is getattr(sort_ops, name)
    for name in ("NuclearNorm", "Pdist"):
        assert getattr(nn_ops, name) is getattr(linalg_ops, name)
    for name in ("crop_and_resize", "affine_grid", "grid_sample"):
        assert callable(getattr(ms.ops, name))


def test_grid_sample_stages_under_jit():
    """Grid sampling is written with primitives only (no value read back), so ms.jit stages it without the
    eager fallback, forward and gradient alike."""
    import warnings

    import numpy as np

    import minispore as ms
    x, g = ms.Tensor(cases_cnnprims.IMG), ms.Tensor(cases_cnnprims.GRID2)

    def f(x, g):
        return ms.ops.sum(ms.ops.GridSampler2D()(x, g) * ms.ops.GridSampler2D()(x, g))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        staged = ms.jit(ms.grad(f, (0, 1)))(x, g)
    eager = ms.grad(f, (0, 1))(x, g)
    for a, b in zip(staged, eager):
        np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=1e-6, atol=1e-7)


def test_errors_are_raised_at_the_call_under_jit():
    import numpy as np
    import pytest

    import minispore as ms
    x = ms.Tensor(cases_cnnprims.IMG)
    with pytest.raises(ValueError, match="ResizeBilinearV2"):
        ms.jit(lambda x: ms.ops.ResizeBilinearV2(True, True)(x, ms.Tensor(np.array([4, 4], np.int32))))(x)
    with pytest.raises(ValueError, match="AvgPool3D"):
        ms.jit(lambda x: ms.ops.AvgPool3D(2, 2)(x))(x)
