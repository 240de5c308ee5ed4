"""Record (or re-check) the goldens of the CNN-family Primitive classes (tests/golden/cases_cnnprims.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_cnnprims.py            # writes tests/golden/cnnprims.json
    /tmp/msref/bin/python tests/golden/gen_cnnprims.py --check    # re-runs every case and compares with cnnprims.json
    ... gen_cnnprims.py --only PREFIX --show                       # some cases, printed

The rows live in cases_cnnprims.py (one per function case) and are shared with tests/test_golden_more_ops.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_cnnprims  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_cnnprims, "cnnprims.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                           "encoding": "tests/golden/describe.py"})
