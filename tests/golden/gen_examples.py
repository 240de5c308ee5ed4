"""Record real MindSpore's output of the tutorial examples (run with MindSpore's interpreter):

    /tmp/msref/bin/python tests/golden/gen_examples.py

The examples import ``mindspore``, so the same files run on real MindSpore here and on minispore in the tests.
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ["tutorial_autodiff", "tutorial_network"]

for name in EXAMPLES:
    out = subprocess.run([sys.executable, str(ROOT / "examples" / f"{name}.py")], check=True,
                         capture_output=True, text=True).stdout
    (ROOT / "tests" / "golden" / "examples" / f"{name}.out").write_text(out)
    print(f"wrote {name}.out ({len(out)} chars)")
