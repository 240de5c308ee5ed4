"""Record (or re-check) the module-path and name-parity goldens (tests/golden/cases_parity.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_parity.py            # writes tests/golden/parity.json
    /tmp/msref/bin/python tests/golden/gen_parity.py --check    # re-runs every case and compares with parity.json
    ... gen_parity.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_parity.py --show                                    # print each result

The cases live in cases_parity.py and are shared with tests/test_golden_parity.py (which runs them on
minispore). The encoding, the file layout and the entry fields are gen_engine.py's (recorder.py):
``result``, and where they apply ``keywords``, ``note`` and ``deliberate``.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_parity  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_parity, "parity.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU", "encoding": "tests/golden/describe.py"})
