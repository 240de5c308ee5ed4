"""Record (or re-check) the goldens of the further neural-network functions, Primitive classes and Cells
(losses, pools, layers) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_nnlayers.py            # writes tests/golden/nnlayers.json
    /tmp/msref/bin/python tests/golden/gen_nnlayers.py --check    # re-runs every case and compares with nnlayers.json
    ... gen_nnlayers.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_nnlayers.py --explore                                 # print every case's error, write nothing

The cases live in cases_nnlayers.py and are shared with tests/test_golden_nnlayers.py (which runs them on
minispore). The encoding, the file layout and the entry fields are recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_nnlayers  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_nnlayers, "nnlayers.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                 "encoding": "tests/golden/describe.py"})
