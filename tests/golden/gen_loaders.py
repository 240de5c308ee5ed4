"""Record (or re-check) the goldens of more mindspore.dataset sources and samplers with MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_loaders.py            # writes tests/golden/loaders.json
    /tmp/msref/bin/python tests/golden/gen_loaders.py --check    # re-runs every case against the recording
    ... gen_loaders.py --only PREFIX / --show

The cases live in cases_loaders.py and are shared with tests/test_golden_loaders.py; their input files (IDX, libsvm
text, .mat, raw binary) are written by ``cases_loaders.make_data`` from seeded NumPy into a temporary folder.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_loaders as C  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(C, "loaders.json", __doc__, data=True, meta={"encoding": "tests/golden/describe.py"})
