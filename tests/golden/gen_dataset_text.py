"""Record (or re-check) the goldens of mindspore.dataset.text, the text sources, the sequence transforms and padded
batching with MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_dataset_text.py            # writes tests/golden/dataset_text.json
    /tmp/msref/bin/python tests/golden/gen_dataset_text.py --check    # re-runs every case against the recording
    ... gen_dataset_text.py --only PREFIX / --show / --explore

The cases live in cases_dataset_text.py and are shared with tests/test_golden_dataset_text.py. Their input files
are written by ``cases_dataset_text.make_data`` into a temporary folder. The recording is laid out as engine.json
(one case per line, describe.py encoding).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_dataset_text  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_dataset_text, "dataset_text.json", __doc__, data=True,
                  meta={"encoding": "tests/golden/describe.py"})
