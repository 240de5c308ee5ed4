"""Running a worker script in 2 processes: under ``python -m minispore msrun`` or ``mpiexec ... python -m minispore
run``, always with a timeout (a hang fails the test instead of blocking the suite)."""
import os
import shutil
import subprocess
import sys

import pytest

WORKERS = os.path.join(os.path.dirname(__file__), "workers")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _have_mpi():
    try:
        import mpi4py  # noqa: F401
    except ImportError:
        return "mpi4py is not installed (pip install minispore[distributed])"
    if shutil.which("mpiexec", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")) \
            is None:
        return "mpiexec is not installed (pip install minispore[distributed])"
    return None


_MISSING = _have_mpi()
needs_mpi = pytest.mark.skipif(_MISSING is not None, reason=str(_MISSING))


def _env():
    from minispore.communication._launch import mpiexec_env
    env = mpiexec_env()
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("OMP_NUM_THREADS", "1")     # two workers on a small machine: no BLAS thread oversubscription
    return env


def msrun(script, *args, n=2, log_dir, timeout=60, extra=()):
    cmd = [sys.executable, "-m", "minispore", "msrun", f"--worker_num={n}", f"--local_worker_num={n}",
           f"--log_dir={log_dir}", *extra, os.path.join(WORKERS, script), *map(str, args)]
    return subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def mpirun(script, *args, n=2, timeout=60):
    from minispore.communication._launch import _mpiexec
    cmd = [_mpiexec(), "-n", str(n), "--oversubscribe", sys.executable, "-m", "minispore", "run",
           os.path.join(WORKERS, script), *map(str, args)]
    return subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def single(script, *args, timeout=60):
    cmd = [sys.executable, "-m", "minispore", "run", os.path.join(WORKERS, script), *map(str, args)]
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
