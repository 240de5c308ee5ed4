"""Record (or re-check) the engine edge-case goldens with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_engine.py            # writes tests/golden/engine.json
    /tmp/msref/bin/python tests/golden/gen_engine.py --check    # re-runs every case and compares with engine.json
    ... gen_engine.py --only PREFIX                             # only cases whose name starts so
    ... gen_engine.py --show                                    # print each result

The cases live in cases_engine.py and are shared with tests/test_golden_engine.py (which runs them on minispore).
Results are encoded with describe.py; engine.json is laid out like core.json (one case per line).  Each entry holds
``result`` (MindSpore's behaviour, the exception message without its C++ call stack), and where they apply
``keywords``, ``note``, ``deliberate`` (why minispore should differ) and ``unstable`` (values vary run to run).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_engine  # noqa: E402
import recorder  # noqa: E402
from recorder import dumps, run_case  # noqa: E402,F401  (other generators import them from here)
from describe import strip_values  # noqa: E402,F401

if __name__ == "__main__":
    recorder.main(cases_engine, "engine.json", __doc__,
                  meta={"mode": "PYNATIVE_MODE, CPU (dyn/set_inputs_graph_* switch to GRAPH_MODE)",
                        "encoding": "tests/golden/describe.py"})
