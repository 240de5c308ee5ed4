"""Record Tensor.register_hook's behaviour with real MindSpore 2.10 (tests/golden/cases_tensor_hooks.py):

    /tmp/msref/bin/python tests/golden/gen_tensor_hooks.py       # writes tests/golden/tensor_hooks.json
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases_tensor_hooks  # noqa: E402

if __name__ == "__main__":
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE)
    data = {"mindspore_version": ms.__version__, "cases": cases_tensor_hooks.run(ms)}
    with open(os.path.join(HERE, "tensor_hooks.json"), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
