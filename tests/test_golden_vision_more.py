"""Check minispore's more_transforms/io additions to mindspore.dataset.vision against MindSpore 2.10.0
(tests/golden/vision_more.json, recorded by ``/tmp/msref/bin/python tests/golden/gen_vision_more.py``).

Comparison rules as tests/test_golden_dataset_vision.py: structure, dtypes and shapes exactly; integers exactly;
floats rtol=1e-5, atol=1e-6; ``TOLERANCE`` cases within their measured bound; errors of the recorded class with the
case's keywords.

Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore itself.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_vision_more  # noqa: E402
import harness  # noqa: E402

FAMILY = harness.Family(cases_vision_more, "vision_more.json")
globals().update(FAMILY.tests())


def test_every_added_name_has_a_row():
    """Every name this family adds is exported by mindspore.dataset.vision and has a recorded case."""
    vis = harness.framework().dataset.vision
    for name in cases_vision_more.ADDED:
        assert hasattr(vis, name), name
        assert any(c.startswith(name + "/") for c in FAMILY.golden), f"{name} has no golden row"


def test_normalize_pad_hwc_pads_each_pixel():
    """The DELIBERATE NormalizePad/hwc case: minispore's value against a NumPy formula."""
    if harness.FRAMEWORK != "minispore":
        return
    vis = harness.framework().dataset.vision
    x = np.random.default_rng(1).integers(0, 256, (3, 4, 3)).astype(np.uint8)
    mean, std = np.array([10.5, 100, 200], np.float32), np.array([20, 30.5, 40], np.float32)
    out = vis.NormalizePad(list(mean), list(std))(x)
    ref = np.concatenate([(x - mean) / std, np.zeros((3, 4, 1), np.float32)], -1)
    assert out.dtype == np.float32 and out.shape == (3, 4, 4)
    np.testing.assert_allclose(out, ref, rtol=1e-6)
