"""LossMonitor and ModelCheckpoint per rank, in 2 processes under msrun, against real MindSpore 2.10's msrun run
of the same script (golden/callbacks.json, recorded by golden/gen_msrun.py).

What MindSpore's callbacks do per rank (mindspore/train/callback/_loss_monitor.py, _checkpoint.py): nothing
rank-specific. Every rank's LossMonitor prints its own (local-shard) loss into its own worker log, and every
rank's ModelCheckpoint writes ``<prefix>-<epoch>_<step>.ckpt`` into the directory it was given, with no rank in
the prefix or the folder: the user gives each rank its folder (``rank_<id>``), which is what the worker does.
"""
import json
import os

import numpy as np
import pytest

from mpi_util import msrun, needs_mpi

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = json.load(open(os.path.join(HERE, "golden", "callbacks.json")))


def _lines(path):
    return [ln for ln in path.read_text().splitlines() if ln.startswith(("epoch:", "params", "latest"))]


def _numbers(line):
    return [float(t.rstrip(",")) for t in line.split() if t.rstrip(",").replace(".", "", 1).isdigit()]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("callbacks")
    logs = out / "logs"
    res = msrun("callbacks.py", out / "ckpt", "shared", log_dir=logs, timeout=90)
    assert res.returncode == 0, res.stdout + res.stderr + "".join(p.read_text() for p in logs.glob("*.log"))
    return out


@needs_mpi
@pytest.mark.parametrize("rank", [0, 1])
def test_every_rank_prints_its_loss_as_mindspore_does(run, rank):
    got, want = _lines(run / "logs" / f"worker_{rank}.log"), GOLDEN["logs"][str(rank)]
    assert [ln.split("loss is")[0].split()[:-1] for ln in got] == [ln.split("loss is")[0].split()[:-1]
                                                                  for ln in want]
    for g, w in zip(got, want):
        g_text, w_text = g.split(), w.split()
        assert [t for t in g_text if not _numbers(t)] == [t for t in w_text if not _numbers(t)], (g, w)
        np.testing.assert_allclose(_numbers(g), _numbers(w), rtol=2e-6, atol=1e-6, err_msg=f"{g!r} vs {w!r}")


@needs_mpi
def test_each_rank_writes_the_files_mindspore_writes_into_its_folder(run):
    from minispore import load_checkpoint
    ckpt = run / "ckpt"
    for rank in (0, 1):
        assert sorted(os.listdir(ckpt / f"rank_{rank}")) == GOLDEN["files"][f"rank_{rank}"]
    # data parallel: the ranks save the same parameters
    for name in GOLDEN["files"]["rank_0"]:
        a, b = (load_checkpoint(str(ckpt / f"rank_{r}" / name)) for r in (0, 1))
        assert sorted(a) == sorted(b) and {"weight", "bias", "moments.weight", "moments.bias"} <= set(a), sorted(a)
        for key in a:
            np.testing.assert_array_equal(a[key].asnumpy(), b[key].asnumpy(), err_msg=f"{name} {key}")


@needs_mpi
def test_two_ranks_saving_into_one_folder_leave_complete_files(run):
    # MindSpore 2.10 fails here at random (both ranks write <name>.tmp and rename it: the second rename raises
    # FileNotFoundError); minispore's temporaries are per writer, so both ranks' saves succeed. The prefix is
    # not renamed to net_1 (both ranks built their callbacks before either saved), and the folder holds at most
    # keep_checkpoint_max=3 files of the names a rank's own folder holds (the ranks prune the same oldest file,
    # one of them in vain: a warning), each of them complete.
    from minispore import load_checkpoint
    shared = sorted(os.listdir(run / "ckpt" / "shared"))
    assert shared and set(shared) <= {"net-1_2.ckpt", "net-1_4.ckpt", "net-2_2.ckpt", "net-2_4.ckpt"}, shared
    assert {"net-2_2.ckpt", "net-2_4.ckpt"} <= set(shared), shared
    assert len(shared) <= 3, shared
    for name in shared:
        a = load_checkpoint(str(run / "ckpt" / "shared" / name))
        b = load_checkpoint(str(run / "ckpt" / "rank_0" / name)) if os.path.exists(run / "ckpt" / "rank_0" / name) \
            else a
        for key in a:
            np.testing.assert_array_equal(a[key].asnumpy(), b[key].asnumpy(), err_msg=f"{name} {key}")


def test_pruning_skips_a_checkpoint_another_rank_removed(tmp_path):
    # the race of the shared folder made deterministic: the oldest listed file is gone when the pruning sorts
    from minispore.train.callback._checkpoint import CheckpointManager
    for i, name in enumerate(["net-1_1.ckpt", "net-1_2.ckpt", "net-1_3.ckpt"]):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, ns=(10 ** 18 + i * 10 ** 9,) * 2)
    manager = CheckpointManager()
    manager.update_ckpoint_filelist(str(tmp_path), "net")
    assert manager.ckpoint_num == 3
    os.remove(tmp_path / "net-1_1.ckpt")                     # pruned by the other rank meanwhile
    manager.remove_oldest_ckpoint_file()
    assert sorted(os.listdir(tmp_path)) == ["net-1_3.ckpt"]
    assert manager.ckpoint_filelist == [str(tmp_path / "net-1_3.ckpt")]
    os.remove(tmp_path / "net-1_3.ckpt")
    manager.keep_one_ckpoint_per_minutes(1, 2e9)             # nothing left to keep or remove: no error
    assert manager.ckpoint_num == 0
