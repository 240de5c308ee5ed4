"""Record (or re-check) the goldens of more ``nn`` activations and losses with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_more_nn.py            # writes tests/golden/more_nn.json
    /tmp/msref/bin/python tests/golden/gen_more_nn.py --check    # re-runs every case and compares with more_nn.json
    ... gen_more_nn.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_more_nn.py --explore                                 # print every case's error, write nothing

The cases live in cases_more_nn.py and are shared with tests/test_golden_more_nn.py (which runs them on
minispore). The encoding, the file layout and the entry fields are recorder.py's: ``result``, and where they
apply ``keywords`` and ``note``.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_more_nn  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_more_nn, "more_nn.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                               "encoding": "tests/golden/describe.py"})
