"""Record what real MindSpore 2.10's own ``msrun`` prints for the 2-worker scripts of tests/communication (run
with MindSpore's environment first on PATH, so that ``msrun`` and ``python`` are MindSpore's):

    PATH=/tmp/msref/bin:$PATH python tests/communication/golden/gen_msrun.py

* callbacks.json: workers/callbacks.py (Model.train with LossMonitor and two ModelCheckpoints): each rank's
  printed lines (from msrun's worker_<rank>.log, MindSpore's own log lines, which start with '[', left out)
  and the checkpoint files each folder holds at the end.
* tutorial.json: tutorial/net.py, MindSpore's msrun tutorial script (docs/sample_code/startup_method/net.py),
  unmodified, on tutorial/make_data.py's synthetic MNIST: each rank's printed lines and msrun's own
  ``Start worker process ...`` lines.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
COMM = HERE.parent
sys.path.insert(0, str(COMM / "tutorial"))
from make_data import write_mnist  # noqa: E402


def msrun(tmp, script, *args, port):
    cmd = ["msrun", "--worker_num=2", "--local_worker_num=2", f"--master_port={port}", "--log_dir=msrun_log",
           "--join=True", "--cluster_time_out=120", str(script), *map(str, args)]
    res = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=600)
    if res.returncode:
        raise SystemExit(f"{script.name}: msrun failed ({res.returncode}):\n{res.stdout[-3000:]}{res.stderr[-3000:]}")
    logs = {}
    for r in (0, 1):
        text = (pathlib.Path(tmp) / "msrun_log" / f"worker_{r}.log").read_text()
        logs[str(r)] = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("[")]
    starts = [ln.replace(str(script), script.name) for ln in res.stdout.splitlines()
              if ln.startswith("Start worker process")]
    return logs, starts


def version():
    return subprocess.run(["python", "-c", "import mindspore; print(mindspore.__version__)"], capture_output=True,
                          text=True, check=True).stdout.strip()


def main():
    ver = version()
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out"
        out.mkdir()
        logs, _ = msrun(tmp, COMM / "workers" / "callbacks.py", out, port=8121)
        files = {d.name: sorted(p.name for p in d.iterdir()) for d in sorted(out.iterdir())}
    (HERE / "callbacks.json").write_text(json.dumps({"mindspore": ver, "logs": logs, "files": files}, indent=1)
                                         + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        data = write_mnist(os.path.join(tmp, "MNIST_Data", "train"))
        os.environ["DATA_PATH"] = data
        logs, starts = msrun(tmp, COMM / "tutorial" / "net.py", port=8122)
    (HERE / "tutorial.json").write_text(json.dumps({"mindspore": ver, "logs": logs, "msrun_stdout": starts},
                                                   indent=1) + "\n")


if __name__ == "__main__":
    main()
