"""The ten pages of MindSpore's beginner tutorial (tests/tutorials/PAGE.py: each page's code cells in order,
unchanged but for the marked lines listed in its header) run unmodified through ``python -m minispore run`` and
print what real MindSpore 2.10 printed for them (tests/golden/tutorials/PAGE.out, recorded by
tests/golden/gen_tutorials.py).

How a page's output is compared with MindSpore's: numbers are taken out of the text; the remaining text must be
the same up to whitespace (NumPy pads and wraps columns by the widest value), and the numbers are compared one
by one with the tolerance of the recorded line they sit on (a line of a multi-line array inherits the tolerance of
the line that began it). The default is float32 agreement (rtol 1e-5, atol 1e-6). Where a page prints numbers
that depend on random initial weights or a shuffled data order, which minispore does not draw like MindSpore's
C++ generators even from the same seeds, the page's LOOSE rules below say how those lines are compared:

* quick_start, train: the losses every 100 steps within 0.45, the test accuracy within 6 points and the average
  test loss within 0.3 of MindSpore's (3 epochs on the first 6,400 MNIST images); the ten predicted and the
  ten actual labels of a shuffled test batch only by count, and at least 6 of the ten predictions must be right.
* model: the predicted class, the hidden activations only by count (structural); the first two rows of each
  parameter within 0.1 (weights drawn N(0, 0.01), biases zero).
* accelerate_with_static_graph: the six (64, 10) outputs of a randomly initialised MLP only by count, and each
  must be 64 equal rows (the input is ones) of values below 1 in magnitude.
* mixed_precision: the losses within 0.45.
* dataset: the three rows of ``GeneratorDataset(source=[np.array(0), np.array(1), np.array(2)])`` come in a
  shuffled order (shuffle=True is the default for a random-access source), compared as a set (UNORDERED).
* tensor, dataset, transforms, autograd, save_load: everything else at float32 agreement (autograd seeds NumPy
  itself; transforms prints np.random values drawn after the page's added ``np.random.seed(0)``, the same on
  both).

Normalised before the comparison (documented differences, on both outputs):

* ``type(x)`` prints minispore's module path (``<class 'minispore._core.tensor.Tensor'>``) where MindSpore prints
  its own (``mindspore.common.tensor.Tensor``); only the class name is compared.
* A printed dict (transforms: ``vocab.vocab()``) is compared as a dict: MindSpore's order is the iteration order
  of its C++ hash map, which is not part of the API.

Known differences (test_known_difference_*, marked xfail strict, so they report when fixed):

* dataset: a Tensor that comes out of a dataset iterator (or ``Tensor.from_numpy``) is backed by its NumPy array
  in MindSpore and its repr is NumPy's (``value= [1., 1.]``); minispore prints every Tensor in MindSpore's own
  format (``value= [ 1.00000000e+00,  1.00000000e+00]``). The numbers are the same.

MindSpore's CPU refusals: mixed_precision's ``build_train_network(..., loss_scale_manager=
FixedLossScaleManager())`` and ``Model(..., amp_level="O2", loss_scale_manager=FixedLossScaleManager())`` raise
ValueError on MindSpore's CPU build (only ``drop_overflow_update=False`` is accepted there); minispore accepts
them and skips overflowing steps as MindSpore does on GPU/Ascend. The golden was recorded with
``drop_overflow_update=False`` (gen_tutorials.py's CPU_WORKAROUNDS), which prints the same losses because no step
of the page overflows. minispore runs the page's ``@ms.jit`` train step with ``if is_finite:`` eagerly (a
UserWarning on stderr says so); MindSpore compiles the branch. The printed losses agree. The recorded
LossMonitor lines print the loss as a Python float (``loss is 1.7060781717300415``): with
drop_overflow_update=False MindSpore trains through a plain TrainOneStepCell whose output is the loss Tensor;
the page's own manager gives a loss-scale cell whose output is a tuple, and LossMonitor then prints the loss
Tensor (``loss is 1.6958073``), in minispore as in MindSpore on GPU/Ascend. minispore run on the recorded copy
prints the float form too.

The MNIST pages skip, saying so, when the shared MNIST copy (``$TUTORIAL_MNIST`` or ../shared/data/mnist) is
absent; tensor, model, autograd, save_load and accelerate_with_static_graph need no data and always run.
"""
import ast
import importlib.util
import math
import pathlib
import re
import subprocess
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "tests" / "tutorials"
GOLDEN = ROOT / "tests" / "golden" / "tutorials"

_spec = importlib.util.spec_from_file_location("_tutorial_download", PAGES_DIR / "download.py")
_download = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_download)
HAVE_MNIST = _download.mnist_source() is not None

MNIST_PAGES = ["quick_start", "dataset", "transforms", "train", "mixed_precision"]
PAGES = ["quick_start", "tensor", "dataset", "transforms", "model", "autograd", "train", "save_load",
         "accelerate_with_static_graph", "mixed_precision"]
STRUCTURE = math.inf
TRAINING = [(r"^loss: ", 0.45), (r"^ Accuracy: ", [6.0, 0.3]), (r"^Predicted: ", STRUCTURE)]
# page -> [(regex on the recorded line, atol or a list of atols for the line's numbers in order)]
LOOSE = {
    "quick_start": TRAINING,
    "train": TRAINING,
    "model": [(r"^Predicted class: ", STRUCTURE), (r"^(Before|After) ReLU: ", STRUCTURE), (r"^Values : ", 0.1)],
    "accelerate_with_static_graph": [(r"^\[\[", STRUCTURE)],
    "mixed_precision": [(r"^loss: ", 0.45), (r"^epoch: \d+ step: \d+, loss is ", 0.45)],
}
# page -> [(first, last + 1)]: recorded lines printed from a shuffled source, compared as a set of lines
UNORDERED = {"dataset": [(5, 8)]}
RTOL, ATOL = 1e-5, 1e-6

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])|\b(?:nan|inf)\b")
CLASS = re.compile(r"<class '(?:[\w]+\.)*(\w+)'>")


def normalise(text):
    """The documented differences: class paths reduced to the class name, printed dicts sorted by key."""
    lines = []
    for line in CLASS.sub(r"<class '\1'>", text).splitlines():
        if line.startswith("{") and line.endswith("}"):
            try:
                value = ast.literal_eval(line)
            except (ValueError, SyntaxError):
                value = None
            if isinstance(value, dict):
                line = repr(dict(sorted(value.items(), key=lambda kv: repr(kv[0]))))
        lines.append(line)
    return lines


def numbers_of(line):
    return [float(n) for n in NUMBER.findall(line)]


def masked(line):
    return re.sub(r"\s+", "", NUMBER.sub("#", line))


def tolerances(page, golden_lines):
    """Per recorded line: None (float32 agreement) or the line's atol (a number or a list)."""
    rules = [(re.compile(p), tol) for p, tol in LOOSE.get(page, [])]
    result, previous = [], None
    for line in golden_lines:
        tol = next((t for p, t in rules if p.search(line)), None)
        if tol is None and previous is not None and not re.search(r"[A-Za-z]", NUMBER.sub("#", line)):
            tol = previous                 # a continuation line of a multi-line array
        result.append(tol)
        previous = tol
    return result


def compare(page, actual, golden):
    """The list of differences between minispore's and MindSpore's output (empty when they agree)."""
    a_lines, g_lines = normalise(actual), normalise(golden)
    for start, stop in UNORDERED.get(page, []):
        a_lines[start:stop], g_lines[start:stop] = sorted(a_lines[start:stop]), sorted(g_lines[start:stop])
    a_text, g_text = "".join(masked(x) for x in a_lines), "".join(masked(x) for x in g_lines)
    if a_text != g_text:
        at = next((i for i, (x, y) in enumerate(zip(a_text, g_text)) if x != y), min(len(a_text), len(g_text)))
        return [f"text differs at character {at}: minispore ...{a_text[max(0, at - 80):at + 80]!r}... "
                f"MindSpore ...{g_text[max(0, at - 80):at + 80]!r}..."]
    a_nums = [n for x in a_lines for n in numbers_of(x)]
    expected = []                          # (value, atol or None, recorded line)
    for line, tol in zip(g_lines, tolerances(page, g_lines)):
        for k, n in enumerate(numbers_of(line)):
            t = tol[min(k, len(tol) - 1)] if isinstance(tol, list) else tol
            expected.append((n, t, line))
    assert len(a_nums) == len(expected)    # the masked texts are equal
    problems = []
    for a, (g, tol, line) in zip(a_nums, expected):
        if not math.isfinite(a) and not (math.isnan(a) and math.isnan(g)) and a != g:
            problems.append(f"{a} where MindSpore printed {g} on {line!r}")
        elif tol is None and not abs(a - g) <= ATOL + RTOL * abs(g):
            problems.append(f"{a} where MindSpore printed {g} (float32 agreement) on {line!r}")
        elif tol is not None and not abs(a - g) <= tol:
            problems.append(f"{a} where MindSpore printed {g} (allowed {tol}) on {line!r}")
    return problems


def run_page(page, cwd):
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(PAGES_DIR / f"{page}.py")],
                            capture_output=True, text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, f"{page} failed on minispore:\n{result.stderr[-4000:]}"
    return result.stdout


_outputs = {}


def page_output(page, tmp_path_factory):
    if page in MNIST_PAGES and not HAVE_MNIST:
        pytest.skip("this page trains or reads MNIST: no shared MNIST copy here (set TUTORIAL_MNIST to a folder "
                    "with the four gzipped IDX files, or put them in ../shared/data/mnist)")
    if page not in _outputs:
        _outputs[page] = run_page(page, tmp_path_factory.mktemp(page))
    return _outputs[page]


@pytest.mark.parametrize("page", PAGES)
def test_page_prints_what_mindspore_prints(page, tmp_path_factory):
    out = page_output(page, tmp_path_factory)
    problems = compare(page, out, (GOLDEN / f"{page}.out").read_text())
    assert not problems, f"{page}: {len(problems)} difference(s):\n" + "\n".join(problems[:20])


def _predictions(out):
    return [(p.split(), a.split()) for p, a in re.findall(r'Predicted: "\[([\d ]+)\]", Actual: "\[([\d ]+)\]"', out)]


@pytest.mark.parametrize("page", ["quick_start"])
def test_trained_network_predicts_most_labels(page, tmp_path_factory):
    (predicted, actual), = _predictions(page_output(page, tmp_path_factory))
    assert len(predicted) == len(actual) == 10
    assert sum(p == a for p, a in zip(predicted, actual)) >= 6


def test_static_graph_outputs_are_equal_rows(tmp_path_factory):
    out = page_output("accelerate_with_static_graph", tmp_path_factory)
    values = np.array(numbers_of(out))
    assert values.size == 6 * 64 * 10
    blocks = values.reshape(6, 64, 10)
    np.testing.assert_array_equal(blocks, np.broadcast_to(blocks[:, :1], blocks.shape))
    assert np.abs(blocks).max() < 1.0
    # the jit cells build their own Network, so the six outputs differ: six initialisations, not one reused
    assert len({tuple(b[0]) for b in blocks}) == 6


def test_comparison_catches_a_wrong_number_and_wrong_text():
    golden = "x_shape: (2, 2)\nloss: 2.302585  [  0/200]\n"
    assert compare("tensor", "x_shape: (2, 2)\nloss: 2.302585  [  0/200]\n", golden) == []
    assert compare("tensor", "x_shape: (2, 3)\nloss: 2.302585  [  0/200]\n", golden)
    assert compare("tensor", "x_shape: [2, 2]\nloss: 2.302585  [  0/200]\n", golden)
    assert compare("train", "x_shape: (2, 2)\nloss: 2.5  [  0/200]\n", golden) == []      # loose line
    assert compare("train", "x_shape: (2, 2)\nloss: 3.0  [  0/200]\n", golden)
    assert compare("train", "x_shape: (2, 2)\nloss: 2.302585  [  1/200]\n", golden)


@pytest.mark.xfail(strict=True, reason="minispore prints a dataset row's Tensor in MindSpore's own format; "
                                       "MindSpore prints a NumPy-backed Tensor with NumPy's repr (see docstring)")
def test_known_difference_dataset_rows_print_like_numpy(tmp_path_factory):
    out = page_output("dataset", tmp_path_factory)
    golden = (GOLDEN / "dataset.out").read_text()
    first = golden.splitlines()[0]
    assert first == "[Tensor(shape=[2], dtype=Float64, value= [1., 1.]), Tensor(shape=[1], dtype=Float64, value= [0.])]"
    assert out.splitlines()[0] == first
