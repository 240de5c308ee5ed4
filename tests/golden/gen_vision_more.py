"""Record (or re-check) the goldens of the more_transforms/io additions to mindspore.dataset.vision with MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_vision_more.py            # writes tests/golden/vision_more.json
    /tmp/msref/bin/python tests/golden/gen_vision_more.py --check    # re-runs every case against the recording
    ... gen_vision_more.py --only PREFIX / --show

The cases live in cases_vision_more.py and are shared with tests/test_golden_vision_more.py; the inputs are seeded
NumPy images.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_vision_more as C  # noqa: E402
import recorder  # noqa: E402


def _pillow_version():
    import PIL
    return PIL.__version__


if __name__ == "__main__":
    recorder.main(C, "vision_more.json", __doc__, meta={"pillow": _pillow_version,
                                                         "encoding": "tests/golden/describe.py"})
