"""Record (or re-check) the goldens of more top-level names (tests/golden/cases_toplevel.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_toplevel.py            # writes tests/golden/toplevel.json
    /tmp/msref/bin/python tests/golden/gen_toplevel.py --check    # re-runs every case and compares with toplevel.json
    ... gen_toplevel.py --only PREFIX --show                       # some cases, printed

The cases live in cases_toplevel.py and are shared with tests/test_golden_toplevel.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_toplevel  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_toplevel, "toplevel.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                  "encoding": "tests/golden/describe.py"})
