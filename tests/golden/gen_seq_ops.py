"""Record (or re-check) the sequence-model op goldens (tests/golden/cases_seq_ops.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_seq_ops.py            # writes tests/golden/seq_ops.json
    /tmp/msref/bin/python tests/golden/gen_seq_ops.py --check    # re-runs every case and compares with seq_ops.json
    ... gen_seq_ops.py --only PREFIX                             # only cases whose name starts so (with --show)
    ... gen_seq_ops.py --show                                    # print each result

The cases live in cases_seq_ops.py and are shared with tests/test_golden_seq_ops.py (which runs them on
minispore). The encoding, the file layout and the entry fields are gen_engine.py's (recorder.py):
``result``, and where they apply ``keywords``, ``note`` and ``deliberate``.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_seq_ops  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_seq_ops, "seq_ops.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU", "encoding": "tests/golden/describe.py"})
