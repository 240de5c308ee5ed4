"""Record (or re-check) the core goldens with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_core.py            # writes tests/golden/core.json
    /tmp/msref/bin/python tests/golden/gen_core.py --check    # re-runs every case and compares with core.json
    ... gen_core.py --only PREFIX                             # (with --check / --show) only cases whose name starts so

The cases live in cases_core.py and are shared with tests/test_golden_core.py (which runs them on minispore).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_core  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    # core.json has an encoding of its own (cases_core.describe / compare) and is sorted by case name
    recorder.main(cases_core, "core.json", __doc__, run=cases_core.run_case, compare=cases_core.compare,
                  layout="sorted", meta={"mode": "PYNATIVE_MODE, CPU"})
