"""The tutorial examples, written with ``import mindspore``, run unmodified through ``python -m minispore run``
and print what real MindSpore 2.10 printed (tests/golden/examples/*.out, made by gen_examples.py); the
sequence examples (examples/sentiment_lstm.py, examples/char_gpt.py) train, save, reload and predict."""
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


def run_example(name, *args, cwd):
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(ROOT / "examples" / f"{name}.py"), *args],
                            capture_output=True, text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, result.stderr[-6000:]
    return result.stdout


EPOCH = re.compile(r"epoch (\d): train loss ([\d.]+), test loss ([\d.]+), test accuracy ([\d.]+)%")


def test_sentiment_example_on_synthetic_reviews(tmp_path):
    out = run_example("sentiment_lstm", "--epochs", "2", "--train-size", "256", "--test-size", "64", "--ckpt",
                      str(tmp_path / "sentiment.ckpt"), cwd=tmp_path)
    assert "Training on synthetic reviews (256 training, 64 test)" in out
    epochs = EPOCH.findall(out)
    assert [e[0] for e in epochs] == ["1", "2"]
    assert float(epochs[1][1]) < float(epochs[0][1])            # the sentiment words are learnable
    assert float(epochs[1][3]) > 70.0
    assert "parameters not loaded: []" in out
    best = min(epochs, key=lambda e: float(e[2]))                # the checkpoint holds the best test loss
    reloaded = re.search(r"reloaded: test loss ([\d.]+), test accuracy ([\d.]+)%", out)
    assert reloaded and reloaded.groups() == (best[2], best[3])
    assert "'This film is terrible': Negative" in out and "'This film is great': Positive" in out


def write_aclimdb(root, per_class):
    """aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt, with IMDB's <br /> and punctuation."""
    rng = np.random.default_rng(3)
    words = {"pos": ["good", "fine", "great"], "neg": ["bad", "poor", "dull"]}
    for usage in ("train", "test"):
        for label in ("pos", "neg"):
            folder = root / "aclImdb" / usage / label
            folder.mkdir(parents=True)
            for i in range(per_class):
                review = " ".join(rng.choice(["the", "film", "is", "a", "plot", "zebra"], 8).tolist())
                review += f", {rng.choice(words[label])}!<br /><br />Truly {rng.choice(words[label])}."
                (folder / f"{i}_{8 if label == 'pos' else 2}.txt").write_text(review)
    return root / "aclImdb"


def test_sentiment_example_reads_an_aclimdb_folder_and_glove_vectors(tmp_path):
    data = write_aclimdb(tmp_path, 8)
    glove = tmp_path / "glove.6B.8d.txt"
    rng = np.random.default_rng(4)
    glove.write_text("".join(f"{w} " + " ".join(f"{v:.4f}" for v in rng.normal(size=8)) + "\n" for w in
                             ["the", "film", "is", "a", "plot", "good", "fine", "great", "bad", "poor", "dull",
                              "truly", "this", "terrible"]))
    out = run_example("sentiment_lstm", "--data", str(data), "--glove", str(glove), "--epochs", "1",
                      "--batch-size", "4", "--ckpt", str(tmp_path / "s.ckpt"), cwd=tmp_path)
    assert f"Reviews from {data}, vectors from {glove}" in out
    assert "vocabulary: 16 tokens, embeddings (16, 8)" in out          # the file's 14 words, <unk> and <pad>
    assert "4 batches of 4 per epoch" in out
    assert EPOCH.search(out) and "parameters not loaded: []" in out
    # without --glove: the vocabulary of the training reviews (Vocab.from_dataset) and random embeddings
    out = run_example("sentiment_lstm", "--data", str(data), "--epochs", "1", "--batch-size", "4",
                      "--embedding-dim", "6", "--ckpt", str(tmp_path / "s.ckpt"), cwd=tmp_path)
    assert "vocabulary: 15 tokens, embeddings (15, 6)" in out          # 13 words of the train split + 2
    assert EPOCH.search(out) and "parameters not loaded: []" in out


def test_char_gpt_example_trains_samples_and_reloads(tmp_path):
    out = run_example("char_gpt", "--steps", "80", "--block", "16", "--embed", "32", "--length", "40",
                      "--ckpt", str(tmp_path / "gpt.ckpt"), cwd=tmp_path)
    assert "2102 characters (57 distinct) from " in out
    losses = [float(v) for v in re.findall(r"step \d+: loss [\d.]+ \(running ([\d.]+)", out)]
    assert len(losses) == 8 and losses[-1] < losses[0] - 0.5     # from ln(57) = 4.0 towards the text's statistics
    greedy = re.search(r"greedy:\n(.*)\n\nsampled \(", out, re.DOTALL).group(1)      # (the text may hold newlines)
    sampled = re.search(r"sampled \(temperature 0.8, seed 1\):\n(.*)\n\nsaved ", out, re.DOTALL).group(1)
    assert greedy.startswith("Shall I ") and len(greedy) == 8 + 40
    assert sampled.startswith("Shall I ") and len(sampled) == 8 + 40
    assert "parameters not loaded: []" in out
    assert "reloaded: greedy continuation the same" in out
    result = subprocess.run([sys.executable, "-m", "minispore", "run", str(ROOT / "examples" / "char_gpt.py"),
                             "--prompt", "Shall I \u00e9"], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120)
    assert result.returncode != 0 and "--prompt has characters the text lacks: ['\u00e9']" in result.stderr
