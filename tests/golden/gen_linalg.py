"""Record (or re-check) the goldens of the linear-algebra functions, Primitive classes and Cells
(tests/golden/cases_linalg.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_linalg.py            # writes tests/golden/linalg.json
    /tmp/msref/bin/python tests/golden/gen_linalg.py --check    # re-runs every case and compares with linalg.json
    ... gen_linalg.py --only PREFIX --show                       # some cases, printed

The rows live in cases_linalg.py and are shared with tests/test_golden_linalg.py (which runs them on minispore).
Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_linalg  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_linalg, "linalg.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                          "encoding": "tests/golden/describe.py"})
