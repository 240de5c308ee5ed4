"""The cost of one untraced elementwise operation on a small tensor: the framework's dispatch, not the kernel.

    python benchmarks/dispatch.py

``ops.add`` and ``x * y`` on (5, 3) float32 tensors through minispore, next to PyTorch eager (``torch.add``,
``x * y``) and NumPy on the same arrays, with ratios to PyTorch.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import have, median_time, print_table  # noqa: E402

REPEAT = 300
NUMBER = 200
rng = np.random.default_rng(0)
A = rng.standard_normal((5, 3)).astype(np.float32)
B = rng.standard_normal((5, 3)).astype(np.float32)


def main():
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import minispore as ms
    x, y = ms.Tensor(A), ms.Tensor(B)
    add = ms.ops.add
    rows = {"ops.add": {"minispore": median_time(lambda: add(x, y), REPEAT, number=NUMBER),
                        "numpy": median_time(lambda: np.add(A, B), REPEAT, number=NUMBER)},
            "x * y": {"minispore": median_time(lambda: x * y, REPEAT, number=NUMBER),
                      "numpy": median_time(lambda: A * B, REPEAT, number=NUMBER)}}
    if have("torch"):
        import torch
        torch.set_num_threads(1)
        tx, ty = torch.tensor(A), torch.tensor(B)
        rows["ops.add"]["pytorch"] = median_time(lambda: torch.add(tx, ty), REPEAT, number=NUMBER)
        rows["x * y"]["pytorch"] = median_time(lambda: tx * ty, REPEAT, number=NUMBER)
    print_table("one untraced elementwise op on (5, 3) float32, median per call", rows)


if __name__ == "__main__":
    main()
