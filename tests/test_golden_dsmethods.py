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


def _column(values):
    def gen():
        for v in values:
            yield (v,)
    return ds.GeneratorDataset(gen, ["a"], shuffle=False)


def test_save_refuses_a_row_its_column_type_would_change_and_writes_nothing(tmp_path):
    """A row whose values the first row's MindRecord type would change (a float in an int column, a string column
    meeting an int, a float64 that overflows float32, an integer out of range) is an error naming the row; no file
    is left behind. (MindSpore 2.10 raises for the first; the others it stores changed or crashes on.)"""
    import numpy as np
    import pytest
    cases = {"int_then_float": [np.int32(1), np.float32(2.7)],
             "str_then_int": [np.array("a"), np.int64(3)],
             "f32_then_f64": [np.array([1.5], np.float32), np.array([1e300])],
             "out_of_range": [np.array([1], np.int32), np.array([2 ** 40], np.int64)]}
    for name, values in cases.items():
        target = str(tmp_path / f"{name}.mindrecord")
        with pytest.raises(RuntimeError, match="save: row 1 of column 'a'"):
            _column(values).save(target)
        assert not os.listdir(tmp_path), name


def test_save_keeps_rows_that_fit(tmp_path):
    import numpy as np
    target = str(tmp_path / "ok.mindrecord")
    _column([np.array([1, 2], np.int32), np.array([3], np.int64)]).save(target)
    got = [r[0].tolist() for r in ds.MindDataset(target, shuffle=False).create_tuple_iterator(output_numpy=True)]
    assert got == [[1, 2], [3]]
