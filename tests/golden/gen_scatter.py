"""Record (or re-check) the scatter, in-place and indexing goldens (tests/golden/cases_scatter.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_scatter.py            # writes tests/golden/scatter.json
    /tmp/msref/bin/python tests/golden/gen_scatter.py --check    # re-runs every case and compares with scatter.json
    ... gen_scatter.py --only PREFIX --show                       # some cases, printed

The rows live in cases_scatter.py (one per class or function) and are shared with tests/test_golden_scatter.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_scatter  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_scatter, "scatter.json", __doc__, instead=cases_scatter.instead_cases, meta={"mode": "PYNATIVE_MODE, CPU",
                                                           "encoding": "tests/golden/describe.py"})
