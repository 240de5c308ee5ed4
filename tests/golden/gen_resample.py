"""Record (or re-check) the resampling and padding goldens with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_resample.py            # writes tests/golden/resample.json
    /tmp/msref/bin/python tests/golden/gen_resample.py --check    # re-runs every case and compares with resample.json
    ... gen_resample.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_resample.py --show                                    # print each result

The cases live in cases_resample.py and are shared with tests/test_golden_resample.py (which runs them on
minispore). The encoding, the file layout and the entry fields are gen_engine.py's (recorder.py):
``result``, and where they apply ``keywords``, ``note`` and ``deliberate``.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_resample  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_resample, "resample.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU", "encoding": "tests/golden/describe.py"})
