"""Record (or re-check) the goldens of the special functions and more elementwise math
(tests/golden/cases_special.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_special.py            # writes tests/golden/special.json
    /tmp/msref/bin/python tests/golden/gen_special.py --check    # re-runs every case and compares with special.json
    ... gen_special.py --only PREFIX --show                       # some cases, printed

The rows live in cases_special.py and are shared with tests/test_golden_special.py (which runs them on minispore).
Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_special  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_special, "special.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                         "encoding": "tests/golden/describe.py"})
