"""The main job, examples/mnist.py, end to end through the drop-in runner."""
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
MNIST = ROOT.parent / "shared" / "data" / "mnist"


def run_example(tmp_path, *args):
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(ROOT / "examples" / "mnist.py"),
                             "--ckpt", str(tmp_path / "model.ckpt"), *args],
                            capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def accuracies(out):
    return [float(a) for a in re.findall(r"Accuracy: ([\d.]+)%", out)]


def test_mnist_example_on_shipped_sample(tmp_path):
    out = run_example(tmp_path, "--epochs", "1")
    assert "Training on the MNIST sample shipped with minispore" in out
    assert re.search(r"loss: \d\.\d{6}  \[  0/125\]", out)
    assert accuracies(out)[0] > 60.0          # one epoch on 8000 images
    assert "Saved Model to" in out and (tmp_path / "model.ckpt").exists()
    assert "\n[]\n" in out                      # every parameter loaded back
    predicted = re.search(r'Predicted: "\[([\d ]+)\]", Actual: "\[([\d ]+)\]"', out)
    assert predicted and len(predicted.group(1).split()) == 10


@pytest.mark.skipif(not MNIST.exists(), reason="the full MNIST set is only in the development checkout")
def test_one_epoch_on_full_mnist_reaches_90_percent(tmp_path):
    out = run_example(tmp_path, "--epochs", "1", "--data", str(MNIST))
    assert re.search(r"\[  0/938\]", out)
    assert accuracies(out)[0] >= 90.0
