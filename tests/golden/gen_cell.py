"""Record (or re-check) the goldens of the nn.Cell methods (tests/golden/cases_cell.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_cell.py            # writes tests/golden/cell.json
    /tmp/msref/bin/python tests/golden/gen_cell.py --check    # re-runs every case and compares with cell.json
    ... gen_cell.py --only PREFIX --show                       # some cases, printed

The cases live in cases_cell.py and are shared with tests/test_golden_cell.py (which runs them on minispore).
Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_cell  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_cell, "cell.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                     "encoding": "tests/golden/describe.py"})
