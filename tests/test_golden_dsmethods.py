"""Check minispore's Dataset methods filter, zip, split, apply, flat_map, bucket_batch_by_length, num_classes,
reset, is_shuffled, is_sharded and save (minispore/dataset/dataset_methods.py) against MindSpore 2.10.0
(tests/golden/dsmethods.json, recorded by ``/tmp/msref/bin/python tests/golden/gen_dsmethods.py``).

The cases are code (tests/golden/cases_dsmethods.py); ``save`` writes into a temporary folder. Comparison rules as
in test_golden_dataset_text.py. Set MINISPORE_GOLDEN_FRAMEWORK=mindspore to run the same checks against MindSpore.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))

import cases_dsmethods  # noqa: E402
import harness  # noqa: E402

import minispore as ms  # noqa: E402
import minispore.dataset as ds  # noqa: E402

globals().update(harness.Family(cases_dsmethods, "dsmethods.json", data=True).tests())


def test_every_added_name_has_a_row():
    names = {n for n, _ in cases_dsmethods.cases(ms, "/nonexistent")}
    for added in cases_dsmethods.ADDED:
        if added == "dataset.zip":
            assert callable(ds.zip)
        else:
            assert callable(getattr(ds.Dataset, added)), added
        assert any(n.startswith(added + "/") for n in names), f"no golden case for {added}"
