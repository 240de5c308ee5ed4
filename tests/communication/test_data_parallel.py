"""Data parallelism in 2 processes: every collective and its gradient against NumPy on the gathered data; two
workers at global batch 128 end where one worker ends (SGD and Adam, gradients_mean True and False); faults end
the job with an error naming the failed rank. Every run has a timeout."""
import numpy as np
import pytest

from mpi_util import msrun, mpirun, needs_mpi, single


@needs_mpi
def test_collectives_and_their_gradients_equal_numpy_under_mpirun():
    res = mpirun("collectives.py")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "collectives OK 0" in res.stdout and "collectives OK 1" in res.stdout


CONFIGS = [("sgd", True), ("sgd", False), ("adam", True), ("adam", False)]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """The four configurations trained by 2 workers under msrun and by one process alone."""
    out = tmp_path_factory.mktemp("dp")
    logs = out / "logs"
    configs = [f"{o}:{m}" for o, m in CONFIGS]
    res = msrun("dp_train.py", out, *configs, log_dir=logs, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr + "".join(p.read_text() for p in logs.glob("*.log"))
    res1 = single("dp_train.py", out, *configs, timeout=120)
    assert res1.returncode == 0, res1.stdout + res1.stderr
    return out, res


@needs_mpi
def test_msrun_writes_a_log_per_worker(trained):
    out, res = trained
    logs = out / "logs"
    assert sorted(p.name for p in logs.glob("worker_*.log")) == ["worker_0.log", "worker_1.log"]
    assert "trained 1" in (logs / "worker_1.log").read_text()
    assert f"Start worker process with rank id:1, log file:{logs / 'worker_1.log'}" in res.stdout


@needs_mpi
@pytest.mark.parametrize("opt,mean", CONFIGS)
def test_two_workers_end_with_the_parameters_of_one(trained, opt, mean):
    out, _ = trained
    one = np.load(out / f"{opt}_{mean}_0.npz")
    for rank in (0, 1):
        two = np.load(out / f"{opt}_{mean}_{rank}.npz")
        for name in one.files:
            np.testing.assert_allclose(two[name], one[name], rtol=2e-4, atol=2e-5, err_msg=f"rank {rank} {name}")


@needs_mpi
@pytest.mark.parametrize("how", ["raise", "kill"])
def test_a_failed_worker_ends_the_job_naming_its_rank(tmp_path, how):
    res = msrun("fault.py", how, log_dir=tmp_path, timeout=60)
    assert res.returncode != 0
    assert "msrun: worker rank 1 failed" in res.stderr, res.stdout + res.stderr
    assert "survived" not in (tmp_path / "worker_0.log").read_text()
    if how == "raise":
        assert "ValueError: rank 1 gives up" in (tmp_path / "worker_1.log").read_text()


@needs_mpi
def test_mismatched_shapes_across_ranks_are_a_clear_error(tmp_path):
    res = msrun("fault.py", "shape", log_dir=tmp_path, timeout=60)
    assert res.returncode != 0
    text = "".join(p.read_text() for p in tmp_path.glob("worker_*.log"))
    assert ("For 'AllReduce', every rank of the group 'mccl_world_group' must pass a tensor of the same shape and "
            "dtype, but got rank 0: (2, 3) float32, rank 1: (3, 3) float32") in text
