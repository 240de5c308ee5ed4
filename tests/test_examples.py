"""The tutorial examples, written with ``import mindspore``, run unmodified through ``python -m minispore run``
and print what real MindSpore 2.10 printed (tests/golden/examples/*.out, made by gen_examples.py)."""
import pathlib
import re
import subprocess
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def split_numbers(text):
    """(text with numbers replaced by '#', the numbers)."""
    return NUMBER.sub("#", text), [float(n) for n in NUMBER.findall(text)]


def assert_same_output(actual, expected, rtol=1e-5, atol=1e-6):
    a_text, a_nums = split_numbers(actual)
    e_text, e_nums = split_numbers(expected)
    # NumPy pads and wraps float columns by the widest value, so a last-digit difference can move whitespace
    assert re.sub(r"\s+", "", a_text) == re.sub(r"\s+", "", e_text)
    np.testing.assert_allclose(a_nums, e_nums, rtol=rtol, atol=atol)


@pytest.mark.parametrize("name", ["tutorial_autodiff", "tutorial_network"])
def test_example_matches_mindspore(name):
    expected = (ROOT / "tests" / "golden" / "examples" / f"{name}.out").read_text()
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(ROOT / "examples" / f"{name}.py")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert_same_output(result.stdout, expected)


def test_runner_names_missing_api(tmp_path):
    script = tmp_path / "uses_missing.py"
    script.write_text("import mindspore\nmindspore.nn.NoSuchLayer(3)\n")
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(script)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode != 0
    assert "mindspore.nn.NoSuchLayer is not available in minispore" in result.stderr


def test_runner_passes_arguments(tmp_path):
    script = tmp_path / "args.py"
    script.write_text("import sys, mindspore\nprint(sys.argv[1:], mindspore.__name__)\n")
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(script), "--epochs", "2"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['--epochs', '2'] minispore"


def test_allocator_tuning_can_be_switched_off():
    code = "import minispore._core.backend as b; print(b.tune_allocator())"
    off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={**__import__("os").environ, "MINISPORE_MALLOC_TUNING": "0"})
    assert off.stdout.strip() == "False"
