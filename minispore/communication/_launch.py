"""Launchers: ``python -m minispore msrun`` (MindSpore's msrun flags, on ``mpiexec`` from the MPI wheel) and the
worker side of ``python -m minispore run`` under ``mpirun``.

A worker that raises (or exits with a non-zero code) prints its traceback and ``MPI_Abort``s, so the launcher
ends every other worker at once (MPI would otherwise leave them waiting in a collective); a worker killed by a
signal is noticed by the launcher, which ends the others too. ``msrun`` then names the failed rank.
"""
import os
import re
import runpy
import shutil
import subprocess
import sys

from . import _engine

_RANK_ENV = ("OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK")


def _env_rank():
    for k in _RANK_ENV:
        if k in os.environ:
            return int(os.environ[k])
    return 0


def _abort(code):
    """End the whole job: MPI_Abort when MPI is up (or can be brought up), else a plain exit."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        MPI = _engine._mpi()
        MPI.COMM_WORLD.Abort(code)
    finally:
        os._exit(code)


def run_worker(script, args, log_dir=None):
    """Run ``script`` as ``__main__`` in this MPI process (MindSpore's ``import mindspore`` resolving to
    minispore); ``log_dir``: write this worker's output to ``log_dir/worker_<rank>.log`` (msrun's files)."""
    rank = _env_rank()
    if log_dir is not None:
        path = os.path.join(log_dir, f"worker_{rank}.log")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        sys.stdout = open(1, "w", buffering=1, closefd=False)
        sys.stderr = open(2, "w", buffering=1, closefd=False)
    from .._dropin import install
    install()
    sys.argv = [script] + list(args)
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if code:
            if e.code is not None and not isinstance(e.code, int):
                print(e.code, file=sys.stderr)
            print(f"minispore: worker rank {rank} exited with code {code}; aborting the other workers.",
                  file=sys.stderr)
            _abort(code)
    except BaseException:   # noqa: BLE001 - any failure of a worker ends the job
        import traceback
        traceback.print_exc()
        print(f"minispore: worker rank {rank} failed with {sys.exc_info()[0].__name__}; aborting the other "
              f"workers.", file=sys.stderr)
        _abort(1)
    return 0


def _mpiexec():
    found = shutil.which("mpiexec", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if found is None:
        raise SystemExit("msrun: mpiexec was not found; install the distributed extra: "
                         "pip install minispore[distributed]")
    return found


def mpiexec_env():
    """The environment for mpiexec: Open MPI refuses root unless told (containers and CI run as root)."""
    env = dict(os.environ)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    return env


def add_msrun_arguments(p):
    """MindSpore's msrun flags (those that matter on MPI; the others are accepted)."""
    p.add_argument("--worker_num", type=int, default=8, help="the number of workers of the job")
    p.add_argument("--local_worker_num", type=int, default=8, help="the number of workers on this machine")
    p.add_argument("--master_addr", default="127.0.0.1", help="the address of the machine of rank 0")
    p.add_argument("--master_port", type=int, default=8118, help="accepted (MPI's launcher connects the workers)")
    p.add_argument("--node_rank", type=int, default=-1, help="this machine's index (-1: assigned)")
    p.add_argument("--log_dir", default=".", help="the folder of the worker_<rank>.log files")
    p.add_argument("--join", type=_bool, default=False, help="print the workers' logs at the end (--tail_worker_log); "
                                                             "msrun always waits for the workers here")
    p.add_argument("--cluster_time_out", type=int, default=600, help="accepted")
    p.add_argument("--bind_core", type=_bool, default=False, help="accepted")
    p.add_argument("--tail_worker_log", default="-1", help="the ranks whose log is also printed here "
                                                             "('-1': all with --join=True, else none; 'all'; '0,1')")
    p.add_argument("task_script", help="the training script")
    p.add_argument("task_script_args", nargs="...", help="its arguments")


def _bool(text):
    if str(text).lower() in ("true", "1"):
        return True
    if str(text).lower() in ("false", "0"):
        return False
    raise ValueError(text)


def msrun(ns):
    if ns.worker_num < 1 or ns.local_worker_num < 1:
        raise SystemExit(f"msrun: --worker_num and --local_worker_num must be positive, got {ns.worker_num} and "
                         f"{ns.local_worker_num}.")
    if ns.local_worker_num != ns.worker_num:
        raise SystemExit(
            f"msrun: --worker_num={ns.worker_num} with --local_worker_num={ns.local_worker_num} spans machines; on "
            f"minispore MPI starts every machine's workers from one command with a host file:\n"
            f"    mpirun --hostfile hosts -n {ns.worker_num} python -m minispore run {ns.task_script}\n"
            f"(hosts: one line per machine, 'ADDRESS slots={ns.local_worker_num}').")
    if not os.path.isfile(ns.task_script):
        raise SystemExit(f"msrun: no such script: {ns.task_script}")
    os.makedirs(ns.log_dir, exist_ok=True)
    log_dir = os.path.abspath(ns.log_dir)
    cmd = [_mpiexec(), "-n", str(ns.worker_num), "--oversubscribe",
           sys.executable, "-m", "minispore.communication._launch", log_dir, ns.task_script] + list(ns.task_script_args)
    script_cmd = " ".join(["python", ns.task_script] + list(ns.task_script_args))
    for r in range(ns.worker_num):
        print(f"Start worker process with rank id:{r}, log file:{os.path.join(ns.log_dir, f'worker_{r}.log')}. "
              f"Environment variable [RANK_ID={r}] is exported. Execute command: {script_cmd}", flush=True)
    env = mpiexec_env()
    # one machine's cores shared out between its workers (as torchrun does), unless the user chose: workers that
    # each start a BLAS thread per core oversubscribe the machine and slow every step
    threads = str(max(1, (os.cpu_count() or 1) // ns.local_worker_num))
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, threads)
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tails = _tail_ranks(ns.tail_worker_log, ns.worker_num, ns.join)
    for r in tails:
        _print_log(log_dir, r)
    if proc.returncode == 0:
        return 0
    failed = _failed_rank(proc.stdout, log_dir, ns.worker_num)
    if failed is not None and failed not in tails:
        _print_log(log_dir, failed, last=40)
    print(proc.stdout.strip(), file=sys.stderr)
    who = f"worker rank {failed}" if failed is not None else "a worker"
    print(f"msrun: {who} failed (log: {os.path.join(log_dir, f'worker_{failed}.log') if failed is not None else log_dir}); "
          f"the other workers were stopped.", file=sys.stderr)
    return proc.returncode or 1


def _tail_ranks(spec, n, join):
    """The ranks whose log is printed at the end: by default (``-1``) every rank's with ``--join=True`` and none
    without, as MindSpore's msrun tails every worker's log only when it joins them (here once the job has ended,
    rank by rank, not interleaved); ranks named (``0,1``) or ``all`` are printed either way (msrun always waits
    for its workers here)."""
    if spec in ("-1", "", None):
        return list(range(n)) if join else []
    if spec == "all":
        return list(range(n))
    return [int(r) for r in spec.split(",") if r.strip()]


def _print_log(log_dir, rank, last=None):
    path = os.path.join(log_dir, f"worker_{rank}.log")
    if not os.path.isfile(path):
        return
    with open(path, errors="replace") as f:
        lines = f.readlines()
    if last is not None:
        lines = lines[-last:]
    sys.stdout.write("".join(lines))
    sys.stdout.flush()


_KILLED = re.compile(r"process rank (\d+) with PID")
_ABORTED = re.compile(r"MPI_ABORT was invoked on rank (\d+)")


def _failed_rank(text, log_dir, n):
    for rx in (_ABORTED, _KILLED):
        m = rx.search(text)
        if m:
            return int(m.group(1))
    for r in range(n):      # a worker's own last words
        path = os.path.join(log_dir, f"worker_{r}.log")
        if os.path.isfile(path):
            with open(path, errors="replace") as f:
                if "aborting the other workers" in f.read():
                    return r
    return None


if __name__ == "__main__":      # a worker started by msrun: LOG_DIR SCRIPT ARGS...
    sys.exit(run_worker(sys.argv[2], sys.argv[3:], log_dir=sys.argv[1]))
