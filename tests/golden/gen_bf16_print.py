"""How MindSpore 2.10 prints bfloat16 Tensors (str and repr), for tests/test_bfloat16.py.

    /tmp/msref/bin/python tests/golden/gen_bf16_print.py        # writes tests/golden/bf16_print.json

MindSpore's repr formats bfloat16 with C++'s default stream format ('%g'), right-justified to the widest shown
element and wrapped after 24 cells as its integers are; its str is NumPy's printing of its bfloat16 extension
type ('%f' elements).
"""
import json
import os

import numpy as np

# name -> float32 values, cast to bfloat16 by the framework
CASES = {
    "vector": [1.5, 2.3333, -0.1, 300.7],
    "matrix": [[1.5, 2.3333, -0.1, 300.7], [1e-8, 3e10, 0.0, -7.0]],
    "scalar": 2.5,
    "negative_scalar": -0.3,
    "long_vector": list(range(30)),
    "specials": [float("nan"), float("inf"), float("-inf"), 1.0],
    "summarised": np.arange(20).reshape(2, 10).tolist(),
    "cube": (np.arange(24).reshape(2, 3, 4) / 7.0).tolist(),
    "big": np.linspace(-5, 5, 1200).tolist(),
}


def record(ms):
    out = {}
    for name, values in CASES.items():
        t = ms.Tensor(np.asarray(values, np.float32), ms.bfloat16)
        out[name] = {"str": str(t), "repr": repr(t)}
    return out


if __name__ == "__main__":
    import mindspore
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bf16_print.json")
    with open(path, "w") as f:
        json.dump({"mindspore": mindspore.__version__, "cases": record(mindspore)}, f, indent=1)
        f.write("\n")
