"""Record what real MindSpore 2.10 prints for the ten beginner tutorial pages in tests/tutorials/ (run with
MindSpore's interpreter):

    /tmp/msref/bin/python tests/golden/gen_tutorials.py [PAGE ...]

Each page runs as ``python tests/tutorials/PAGE.py`` in a fresh temporary folder (the pages write MNIST_Data/,
model.ckpt, model.mindir, test.mindrecord into their working folder); its stdout goes to
tests/golden/tutorials/PAGE.out and meta.json records MindSpore's version and what was changed for the
recording. The MNIST pages need the shared MNIST copy (``$TUTORIAL_MNIST`` or ../shared/data/mnist, see
tests/tutorials/download.py).

The pages seed NumPy and MindSpore themselves (their ``# ADDED`` lines), so a rerun writes the same files.

Where MindSpore's CPU build refuses a line of a page, the recording runs a copy of the page with that line
replaced by the nearest thing MindSpore accepts on CPU (CPU_WORKAROUNDS below, also written into meta.json);
minispore runs the page as it is (tests/test_tutorials.py); the note on each workaround says why the printed
numbers are the same (tests/test_tutorials.py's docstring lists the one change of format it brings).
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES_DIR = ROOT / "tests" / "tutorials"
OUT = ROOT / "tests" / "golden" / "tutorials"
PAGES = ["quick_start", "tensor", "dataset", "transforms", "model", "autograd", "train", "save_load",
         "accelerate_with_static_graph", "mixed_precision"]

# page -> [(line as the page has it, line the recording runs instead, why)]
REFUSAL = ("MindSpore 2.10's CPU build refuses build_train_network (and so Model's amp_level) with a "
           "FixedLossScaleManager whose drop_overflow_update is True, the default: 'Only `loss_scale_manager=None` or "
           "`loss_scale_manager=FixedLossScaleManager(drop_overflow_update=False)`are supported on device `CPU`.'")
CPU_WORKAROUNDS = {
    "mixed_precision": [
        ("model = Network()\nloss_scale_manager = FixedLossScaleManager()\n",
         "model = Network()\nloss_scale_manager = FixedLossScaleManager(drop_overflow_update=False)\n",
         REFUSAL + " Cell 9 only builds the network and prints nothing."),
        ("optimizer = nn.SGD(model.trainable_params(), 1e-2)\n\nloss_scale_manager = FixedLossScaleManager()\n"
         "trainer = Model(",
         "optimizer = nn.SGD(model.trainable_params(), 1e-2, loss_scale=128.0)\n\n"
         "loss_scale_manager = FixedLossScaleManager(drop_overflow_update=False)\ntrainer = Model(",
         REFUSAL + " With drop_overflow_update=False MindSpore leaves the unscaling to the optimizer's loss_scale "
         "(without it the gradients stay 128 times too large and the loss is NaN by step 11), so the recording "
         "gives SGD loss_scale=128.0, the manager's fixed scale: the same updates as the page's manager makes "
         "when no step overflows, and none does in this run (the loss is printed finite at every 100 steps)."),
    ],
}


def page_source(page):
    text = (PAGES_DIR / f"{page}.py").read_text()
    for old, new, _ in CPU_WORKAROUNDS.get(page, []):
        if text.count(old) != 1:
            raise SystemExit(f"{page}: the lines {old!r} of CPU_WORKAROUNDS are not once in the page")
        text = text.replace(old, new)
    return text


def run_page(page):
    with tempfile.TemporaryDirectory(prefix=f"tutorial_{page}_") as work:
        script = pathlib.Path(work) / f"{page}.py"
        script.write_text(page_source(page))
        env = dict(os.environ)
        # download.py and the headless matplotlib next to the pages, as when the page itself is run
        env["PYTHONPATH"] = os.pathsep.join([str(PAGES_DIR)] + [p for p in [env.get("PYTHONPATH")] if p])
        result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=work, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{page} failed on MindSpore:\n{result.stderr[-4000:]}")
    return result.stdout


def main(pages):
    import mindspore
    sys.path.insert(0, str(PAGES_DIR))
    from download import mnist_source  # noqa: E402  (tests/tutorials/download.py)
    if mnist_source() is None:
        raise SystemExit("no MNIST copy: set TUTORIAL_MNIST (see tests/tutorials/download.py)")
    OUT.mkdir(parents=True, exist_ok=True)
    meta_file = OUT / "meta.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    meta["mindspore"] = mindspore.__version__
    meta["cpu_workarounds"] = {page: [{"page": old, "recorded_with": new, "why": why} for old, new, why in items]
                               for page, items in CPU_WORKAROUNDS.items()}
    for page in pages:
        out = run_page(page)
        (OUT / f"{page}.out").write_text(out)
        print(f"wrote {page}.out ({len(out.splitlines())} lines)")
    meta_file.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:] or PAGES)
