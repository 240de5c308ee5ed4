"""Record (or re-check) the Tensor-method goldens (tests/golden/cases_methods.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_methods.py            # writes tests/golden/methods.json
    /tmp/msref/bin/python tests/golden/gen_methods.py --check    # re-runs every case and compares with methods.json
    ... gen_methods.py --only PREFIX --show                      # only cases whose name starts so, printed

The cases live in cases_methods.py (one row per method call) and are shared with tests/test_golden_methods.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_methods  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_methods, "methods.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                "encoding": "tests/golden/describe.py"})
