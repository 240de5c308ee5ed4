"""Checkpoints written during a failed 2-worker run are never half-written (workers/ckpt_fault.py): both ranks
are stopped in the middle of writing their step-4 checkpoints, rank 1 by SIGKILL or by an exception, rank 0 by
the launcher ending the job. Each rank's folder must then hold exactly the complete checkpoints of steps 1-3
(``net-1_<step>.ckpt``) and ``latest.ckpt`` (replaced at every step) still the complete step-3 one: no partial
``net-1_4.ckpt``, no truncated ``latest.ckpt``, no temporary file. A writer that truncated or deleted the target
before writing it (MindSpore's order) fails this test."""
import os

import numpy as np
import pytest

from mpi_util import msrun, needs_mpi


@needs_mpi
@pytest.mark.parametrize("how", ["kill", "raise"])
def test_a_run_failing_while_checkpoints_are_written_leaves_only_complete_ones(tmp_path, how):
    from minispore import load_checkpoint
    out = tmp_path / "ckpt"
    res = msrun("ckpt_fault.py", out, how, log_dir=tmp_path / "logs", timeout=90)
    logs = {r: (tmp_path / "logs" / f"worker_{r}.log").read_text() for r in (0, 1)}
    assert res.returncode != 0
    assert "msrun: worker rank 1 failed" in res.stderr, res.stdout + res.stderr + logs[0] + logs[1]
    for r in (0, 1):       # both were inside a save when the job ended
        assert f"rank {r} stopped in the middle of a checkpoint at step 4" in logs[r], logs[r]
        assert "not failed" not in logs[r] and "was not stopped" not in logs[r], logs[r]
    if how == "raise":
        assert "OSError: rank 1: the disk went away" in logs[1]
    for r in (0, 1):
        folder = out / f"rank_{r}"
        assert sorted(os.listdir(folder)) == ["latest.ckpt", "net-1_1.ckpt", "net-1_2.ckpt", "net-1_3.ckpt"]
        saved = {name: load_checkpoint(str(folder / name)) for name in os.listdir(folder)}
        for step in (1, 2, 3):
            params = saved[f"net-1_{step}.ckpt"]
            assert int(params["step_num"].asnumpy()) == step
            assert {"0.weight", "0.bias", "2.weight", "2.bias"} <= set(params), sorted(params)
        assert int(saved["latest.ckpt"]["step_num"].asnumpy()) == 3
        for key, value in saved["net-1_3.ckpt"].items():
            np.testing.assert_array_equal(saved["latest.ckpt"][key].asnumpy(), value.asnumpy(), err_msg=key)
    for key, value in load_checkpoint(str(out / "rank_0" / "latest.ckpt")).items():   # data parallel: equal
        np.testing.assert_array_equal(load_checkpoint(str(out / "rank_1" / "latest.ckpt"))[key].asnumpy(),
                                      value.asnumpy(), err_msg=key)
