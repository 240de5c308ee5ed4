"""Record the recurrent-layer goldens (nn.RNN/LSTM/GRU and the cells) from real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_rnn.py            # writes tests/golden/rnn.json
    /tmp/msref/bin/python tests/golden/gen_rnn.py --check    # re-runs every case, compares with rnn.json
    ... --check --jit                                         # the computational cases under ms.jit
    ... --only PREFIX / --show

The cases live in cases_rnn.py (shared with tests/test_golden_rnn.py); the file is laid out and compacted as
vision.json (recorder.py, as gen_vision.py).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_rnn  # noqa: E402
import recorder  # noqa: E402

if __name__ == "__main__":
    recorder.main(cases_rnn, "rnn.json", __doc__, bare=True, compact_floats=True, clean=recorder.clean_message_lines,
                  jit=True, instead=lambda ms: {}, meta={"mode": "PYNATIVE (CPU)"}, count=True)
