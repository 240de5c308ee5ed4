"""Record (or re-check) the goldens of the segment, sort/search, reduction and array-creation names (tests/golden/cases_sortops.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_sortops.py            # writes tests/golden/sortops.json
    /tmp/msref/bin/python tests/golden/gen_sortops.py --check    # re-runs every case and compares with sortops.json
    ... gen_sortops.py --only PREFIX --show                       # some cases, printed

The rows live in cases_sortops.py (one per function case) and are shared with tests/test_golden_more_ops.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_sortops  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_sortops, "sortops.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                           "encoding": "tests/golden/describe.py"})
