"""Record (or re-check) the third-round Tensor-method goldens (tests/golden/cases_methods2.py) with real MindSpore
2.10.

    /tmp/msref/bin/python tests/golden/gen_methods2.py            # writes tests/golden/methods2.json
    /tmp/msref/bin/python tests/golden/gen_methods2.py --check    # re-runs every case and compares with methods2.json

The cases live in cases_methods2.py (one row per method call) and are shared with tests/test_golden_methods2.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_methods2  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_methods2, "methods2.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                  "encoding": "tests/golden/describe.py"})
