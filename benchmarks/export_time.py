"""mindspore.export of ResNet-50 (tests/programs/resnet50.py's definition, CIFAR-shaped 1x3x32x32 input) to MINDIR
and ONNX: wall time of each, best of a few runs (the issue's target: under 2 s).

    python benchmarks/export_time.py
"""
import os
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from minispore._dropin import install  # noqa: E402

install()
import minispore as ms  # noqa: E402
from minispore import Tensor  # noqa: E402


def resnet50():
    """The network definition of tests/programs/resnet50.py (the lines before its script part)."""
    path = os.path.join(ROOT, "tests", "programs", "resnet50.py")
    src = open(path).read()
    src = src[:src.index("from _harness")] + src[src.index("weight_init ="):src.index("args = parse_args")]
    ns = {}
    exec(compile(src, path, "exec"), ns)
    return ns["resnet50"](10)


def main():
    net = resnet50()
    x = Tensor(np.random.default_rng(0).standard_normal((1, 3, 32, 32)).astype(np.float32))
    formats = ["MINDIR"]
    try:
        import onnx  # noqa: F401
        formats.append("ONNX")
    except ImportError:
        print("onnx is not installed: ONNX export not measured (pip install minispore[onnx])")
    with tempfile.TemporaryDirectory() as d:
        for fmt in formats:
            times = []
            for _ in range(3):
                start = time.perf_counter()
                ms.export(net, x, file_name=os.path.join(d, "resnet50"), file_format=fmt)
                times.append(time.perf_counter() - start)
            size = os.path.getsize(os.path.join(d, "resnet50." + fmt.lower())) / 2 ** 20
            print(f"export ResNet-50 to {fmt}: best {min(times):.3f} s of {len(times)} ({size:.1f} MiB file)")


if __name__ == "__main__":
    main()
