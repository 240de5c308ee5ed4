"""Record (or re-check) the mindspore.numpy goldens (tests/golden/cases_mnp2.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_mnp.py            # writes tests/golden/mnp2.json
    /tmp/msref/bin/python tests/golden/gen_mnp.py --check    # re-runs every case and compares with mnp2.json
    ... gen_mnp.py --only PREFIX --show                      # only cases whose name starts so, printed

The cases live in cases_mnp2.py (one row per method call) and are shared with tests/test_golden_mnp2.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_mnp2  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_mnp2, "mnp2.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                "encoding": "tests/golden/describe.py"})
