"""Record (or re-check) the Primitive-class goldens (tests/golden/cases_prims.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_prims.py            # writes tests/golden/prims.json
    /tmp/msref/bin/python tests/golden/gen_prims.py --check    # re-runs every case and compares with prims.json
    ... gen_prims.py --only PREFIX --show                       # some cases, printed

The rows live in cases_prims.py (one per class) and are shared with tests/test_golden_prims.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_prims  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_prims, "prims.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                           "encoding": "tests/golden/describe.py"})
