"""Record real MindSpore's output of the programs in tests/programs/ (run with MindSpore's interpreter):

    /tmp/msref/bin/python tests/golden/gen_programs.py [NAME ...]

For each program it writes into tests/golden/programs/:

* ``NAME.out``: what ``python tests/programs/NAME.py`` printed on MindSpore 2.10 (PyNative).
* ``NAME.jit.out``: only where ``--jit`` (mindspore.jit around the train step and the predictions) printed
  something else than PyNative; otherwise the one recording serves both modes.
* ``NAME.sens.json``: each line's sensitivity. The program runs PERTURB_RUNS more times with its initial values
  multiplied by (1 + 1e-6 * N(0, 1)) (``PROGRAM_PERTURB``, see tests/programs/_harness.py), about the
  difference float32 rounding in another order makes; a line's sensitivity is the largest change of its floats
  over those runs, relative to the line's scale. tests/test_programs.py allows a line ``FLOOR + SAFETY *
  sensitivity`` of that scale, so well-conditioned lines (a forward pass) are held to float32 precision and
  lines that follow a few training steps through ReLU kinks and small-batch BatchNorm get what MindSpore's own
  output varies by.

The programs import ``mindspore``, so the same files run on real MindSpore here and on minispore in the tests.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "programs"
OUT = ROOT / "tests" / "golden" / "programs"
sys.path.insert(0, str(PROGRAMS))
from _compare import line_errors  # noqa: E402

NAMES = ["lenet5", "resnet18", "resnet20", "resnet50", "mobilenetv2", "shufflenetv1", "fcn8s", "dcgan",
         "sentiment_lstm", "lstm_crf", "vit_tiny", "char_gpt"]
PERTURBATION = 1e-6
PERTURB_RUNS = 3


def run(name, *args, perturb=None):
    env = dict(os.environ)
    env.pop("PROGRAM_PERTURB", None)
    if perturb is not None:
        env["PROGRAM_PERTURB"] = f"{PERTURBATION},{perturb}"
    result = subprocess.run([sys.executable, str(PROGRAMS / f"{name}.py"), *args], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{name} {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def main(names):
    import mindspore
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names:
        plain = run(name)
        (OUT / f"{name}.out").write_text(plain)
        jit = run(name, "--jit")
        jit_file = OUT / f"{name}.jit.out"
        if jit != plain:
            jit_file.write_text(jit)
            worst = max(line_errors(jit, plain))
            print(f"{name}: --jit printed something else (largest line difference {worst:.2e}), kept in "
                  f"{jit_file.name}")
        elif jit_file.exists():
            jit_file.unlink()
        sensitivity = [0.0] * len(plain.splitlines())
        for seed in range(1, PERTURB_RUNS + 1):
            errors = line_errors(run(name, perturb=seed), plain)
            sensitivity = [max(s, e) for s, e in zip(sensitivity, errors)]
        (OUT / f"{name}.sens.json").write_text(json.dumps({
            "mindspore": mindspore.__version__, "perturbation": PERTURBATION, "runs": PERTURB_RUNS,
            "line_sensitivity": [float(f"{s:.3g}") for s in sensitivity]}, indent=0) + "\n")
        print(f"wrote {name}.out ({len(plain)} chars), largest line sensitivity {max(sensitivity):.2e}")


if __name__ == "__main__":
    main(sys.argv[1:] or NAMES)
