"""Check minispore's more dataset sources and samplers against MindSpore 2.10.0 (tests/golden/loaders.json,
recorded by ``/tmp/msref/bin/python tests/golden/gen_loaders.py``).

The cases are code (tests/golden/cases_loaders.py), run on the same input bytes (tiny IDX, libsvm, .mat, binary
and text files written from seeded NumPy into a temporary folder). Comparison rules as in
test_golden_dataset_vision.py.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_loaders  # noqa: E402
import harness  # noqa: E402

# SVHNDataset reads .mat files with SciPy (the 'scipy' extra): without it the reader says so and its cases skip
globals().update(harness.Family(cases_loaders, "loaders.json", data=True, skip=ImportError).tests())


def test_every_added_name_has_a_row():
    import json
    with open(os.path.join(HERE, "golden", "loaders.json")) as f:
        recorded = json.load(f)["cases"]
    import minispore.dataset as ds
    for name in cases_loaders.ADDED:
        assert hasattr(ds, name), name
        prefix = {"EMnistDataset": "emnist/", "KMnistDataset": "kmnist/", "QMnistDataset": "qmnist/",
                  "USPSDataset": "usps/", "SVHNDataset": "svhn/", "STL10Dataset": "stl10/",
                  "SemeionDataset": "semeion/", "FakeImageDataset": "fake/", "RandomDataset": "random/",
                  "PaddedDataset": "padded/", "WeightedRandomSampler": "weighted/", "PKSampler": "pk/"}[name]
        assert any(k.startswith(prefix) for k in recorded), name
