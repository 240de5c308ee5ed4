"""Record tests/golden/ops_comm.json with real MindSpore 2.10: /tmp/msref/bin/python tests/golden/gen_ops_comm.py"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_ops_comm import CASES, DELIBERATE_CASES  # noqa: E402


def run(ms, ops, expr):
    scope = {"ms": ms, "ops": ops, "np": np, "T": ms.Tensor(np.ones((2, 2), np.float32))}
    try:
        return {"value": repr(eval(expr, scope))}      # noqa: S307 - the expressions are this repository's cases
    except Exception as e:                              # noqa: BLE001 - the exception is what is recorded
        return {"error": type(e).__name__, "message": str(e)}


def main():
    import mindspore as ms
    from mindspore import ops
    out = {name: run(ms, ops, expr) for name, expr in {**CASES, **DELIBERATE_CASES}.items()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops_comm.json")
    with open(path, "w") as f:
        json.dump({"mindspore": ms.__version__, "cases": out}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
