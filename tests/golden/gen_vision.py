"""Record the vision-layer goldens (convolution, pooling, normalisation, dropout, activations) from real MindSpore.

Run with the MindSpore venv (MindSpore 2.10 needs NumPy < 2):
    /tmp/msref/bin/python tests/golden/gen_vision.py            # writes tests/golden/vision.json
    /tmp/msref/bin/python tests/golden/gen_vision.py --check    # re-runs every case, compares with vision.json
    /tmp/msref/bin/python tests/golden/gen_vision.py --check --jit   # the jittable cases under ms.jit vs the file
    ... --only PREFIX                                            # only cases whose name starts so
    ... --show                                                   # print each result

The cases live in cases_vision.py (shared with tests/test_golden_vision.py).  vision.json holds, per case, the
describe.py encoding of MindSpore's result (errors: class and message without the C++ call stack); floats are
stored with float32 precision (shortest repr), which keeps the file small and is far inside the tolerances.
Cases in cases_vision.DELIBERATE that have a reference in cases_vision.instead_cases() get it recorded under
"instead" (computed with MindSpore by an equivalent route).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import functools  # noqa: E402

import cases_vision  # noqa: E402
import recorder  # noqa: E402
from recorder import compact, dumps  # noqa: E402,F401  (other generators import them from here)

run_case = functools.partial(recorder.run_case, clean=recorder.clean_message_lines)   # run_case(thunk, sync)

if __name__ == "__main__":
    recorder.main(cases_vision, "vision.json", __doc__, bare=True, compact_floats=True,
                  clean=recorder.clean_message_lines, jit=True, instead=cases_vision.instead_cases,
                  special={"init.": lambda name, e, a: cases_vision.check_init(e, a)},
                  meta={"mode": "PYNATIVE (CPU)"}, count=True)
