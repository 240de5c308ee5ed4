"""Record (or re-check) the goldens of the Dataset methods minispore/dataset/dataset_methods.py adds (filter, zip,
split, apply, flat_map, bucket_batch_by_length, num_classes, reset, is_shuffled, is_sharded, save) with MindSpore
2.10.

    /tmp/msref/bin/python tests/golden/gen_dsmethods.py            # writes tests/golden/dsmethods.json
    /tmp/msref/bin/python tests/golden/gen_dsmethods.py --check    # re-runs every case against the recording
    ... gen_dsmethods.py --only PREFIX / --show / --explore

The cases live in cases_dsmethods.py and are shared with tests/test_golden_dsmethods.py; ``save`` writes into a
temporary folder (``cases_dsmethods.make_data``). The recording is laid out as engine.json (one case per line,
describe.py encoding).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_dsmethods  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_dsmethods, "dsmethods.json", __doc__, data=True,
                  meta={"encoding": "tests/golden/describe.py"})
