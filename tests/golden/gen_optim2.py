"""Record (or re-check) the optimizer-update goldens (tests/golden/cases_optim2.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_optim2.py            # writes tests/golden/optim2.json
    /tmp/msref/bin/python tests/golden/gen_optim2.py --check    # re-runs every case and compares with optim2.json
    ... gen_optim2.py --only PREFIX --show                       # some cases, printed

The rows live in cases_optim2.py and are shared with tests/test_golden_optim2.py (which runs them on minispore).
Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_optim2  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_optim2, "optim2.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                             "encoding": "tests/golden/describe.py"})
