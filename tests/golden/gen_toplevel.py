"""Record (or re-check) the goldens of more top-level names (tests/golden/cases_toplevel.py) with real MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_toplevel.py            # writes tests/golden/toplevel.json
    /tmp/msref/bin/python tests/golden/gen_toplevel.py --check    # re-runs every case and compares with toplevel.json
    ... gen_toplevel.py --only PREFIX --show                       # some cases, printed
    /tmp/msref/bin/python tests/golden/gen_toplevel.py --files    # writes ckpt/sample_from_safetensors.ckpt

--files converts the MindSpore-written ckpt/sample.safetensors with MindSpore's safetensors_to_ckpt into
ckpt/sample_from_safetensors.ckpt (MindSpore's ckpt_to_safetensors of ckpt/sample.ckpt gives the bytes of
ckpt/sample.safetensors again, so that direction needs no file); tests/train/test_ckpt_convert.py compares
minispore's conversions with these bytes.

The cases live in cases_toplevel.py and are shared with tests/test_golden_toplevel.py (which runs them on
minispore). Layout and entry fields: recorder.py's.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cases_toplevel  # noqa: E402
import recorder  # noqa: E402

CKPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ckpt")


def write_files():
    import shutil
    import tempfile
    ms = recorder.import_mindspore()
    tmp = tempfile.mkdtemp()
    try:
        ms.safetensors_to_ckpt(os.path.join(CKPT, "sample.safetensors"), tmp)
        shutil.copyfile(os.path.join(tmp, "sample.ckpt"), os.path.join(CKPT, "sample_from_safetensors.ckpt"))
        ms.ckpt_to_safetensors(os.path.join(CKPT, "sample.ckpt"), tmp)
        with open(os.path.join(tmp, "sample.safetensors"), "rb") as a, \
                open(os.path.join(CKPT, "sample.safetensors"), "rb") as b:
            assert a.read() == b.read(), "MindSpore's ckpt_to_safetensors no longer gives sample.safetensors"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", os.path.join(CKPT, "sample_from_safetensors.ckpt"))

if __name__ == "__main__":
    recorder.main(cases_toplevel, "toplevel.json", __doc__, meta={"mode": "PYNATIVE_MODE, CPU",
                                                                  "encoding": "tests/golden/describe.py"},
                  actions={"--files": (write_files, "write ckpt/sample_from_safetensors.ckpt (MindSpore's "
                                                    "conversion of ckpt/sample.safetensors)")})
