"""Checkpoint files: nothing lost, nothing left behind.

A save killed with SIGKILL keeps the old file and leaves no temporary file after the next save; a full disk says
which file and how many bytes; hand-made records, FIFOs and devices give clear errors instead of tracebacks from
NumPy or protobuf, MemoryErrors or hangs.
"""
import errno
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading

import numpy as np
import pytest

from minispore import _fileio
from minispore.train import load_checkpoint, save_checkpoint
from minispore.train._checkpoint_proto import Checkpoint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL, FIFOs and sockets (POSIX)")


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _temps(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".tmp"))


# ------------------------------------------------------------------------------------------------- kill -9
# The child saves {"w": <n float32 of value v>} to the target. 'loop' saves for real, over and over; the others
# stop at one point of the save and print 'blocked', to be killed there: 'write' half-way through writing the
# unnamed (O_TMPFILE) file, 'named' half-way through a named temporary file (the fallback), 'link' after the
# unnamed file got its temporary name and before the rename.
CHILD = r"""
import os, sys, time
import numpy as np
from minispore import _fileio
from minispore.train import save_checkpoint

target, how, n, v = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])

def block(*args):
    print("blocked", flush=True)
    time.sleep(60)

if how == "named":
    _fileio._open_unnamed = lambda dirname: None
if how in ("write", "named"):
    real_write = _fileio._write
    _fileio._write = lambda fd, data: (real_write(fd, data[: len(data) // 2]), block())
if how == "link":
    _fileio.os.replace = block
print("saving", flush=True)
while True:
    save_checkpoint({"w": np.full(n, v, np.float32)}, target)
    if how != "loop":
        break
"""


def _child(target, how, n=1 << 16, v=2.0):
    return subprocess.Popen([sys.executable, "-c", CHILD, target, how, str(n), str(v)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": ROOT})


def _kill(proc):
    proc.send_signal(signal.SIGKILL)
    proc.wait()             # reaped: a zombie would still count as a live writer
    proc.stdout.close()


def _wait_for(proc, word):
    line = proc.stdout.readline().strip()
    assert line == word, f"child said {line!r}, expected {word!r}"


@posix_only
def test_kill_9_mid_save_keeps_old_file_and_next_save_leaves_no_temp(tmp_path):
    target = str(tmp_path / "model.ckpt")
    save_checkpoint({"w": np.full(1000, 1.0, np.float32)}, target)
    before = _read(target)
    # killed at each point of the save: all at once, on the same target
    blocked = [_child(target, how) for how in ("write", "named", "named", "link")]
    for proc in blocked:
        _wait_for(proc, "saving")
        _wait_for(proc, "blocked")
    for proc in blocked:
        _kill(proc)
    assert _read(target) == before
    # a temp of each named writer and of the one killed between link and rename; the unnamed one left nothing,
    # unless the filesystem has no O_TMPFILE (then it fell back to a named temp too)
    unnamed_ok = _fileio._open_unnamed(str(tmp_path))
    if unnamed_ok is not None:
        os.close(unnamed_ok)
    assert len(_temps(tmp_path)) == (3 if unnamed_ok is not None else 4)
    # and for real: a loop of 64 MB saves, killed at some point, twice
    for delay in (0.15, 0.4):
        proc = _child(target, "loop", n=16 << 20, v=3.0)
        _wait_for(proc, "saving")
        threading.Event().wait(delay)
        _kill(proc)
        w = load_checkpoint(target)["w"].asnumpy()      # complete: the old file or one of the child's
        assert w.shape in ((1000,), (16 << 20,)) and np.all(w == (1.0 if w.shape == (1000,) else 3.0))
    save_checkpoint({"w": np.full(10, 4.0, np.float32)}, target)
    assert os.listdir(tmp_path) == ["model.ckpt"]
    np.testing.assert_array_equal(load_checkpoint(target)["w"].asnumpy(), np.full(10, 4.0, np.float32))


@posix_only
def test_temp_of_a_live_writer_is_kept(tmp_path):
    target = str(tmp_path / "model.ckpt")
    proc = _child(target, "named")
    try:
        _wait_for(proc, "saving")
        _wait_for(proc, "blocked")
        (live,) = _temps(tmp_path)
        assert live.startswith(f".model.ckpt.{proc.pid}.")
        # the temp of another target, and a file that only looks like a temp, are never touched
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout.strip()
        other = f".other.ckpt.{dead}.{_fileio._host_tag()}.0011aabb.tmp"
        mine = f".model.ckpt.{dead}.notahost.0011aabb.tmp"
        for name in (other, mine):
            open(tmp_path / name, "wb").close()
        save_checkpoint({"w": np.ones(3, np.float32)}, target)
        assert _temps(tmp_path) == sorted([live, other, mine])
    finally:
        _kill(proc)
    save_checkpoint({"w": np.ones(3, np.float32)}, target)
    assert _temps(tmp_path) == sorted([other, mine])


def test_stale_temp_names_are_parsed_strictly():
    host = _fileio._host_tag()
    assert _fileio._writer_pid(f".m.ckpt.123.{host}.00ff00ff.tmp", "m.ckpt", host) == 123
    for name in (f".m.ckpt.x.{host}.00ff00ff.tmp", f".m.ckpt.123.{host}.tmp", "m.ckpt.123.h.r.tmp",
                 f".m.ckpt.\u00b2.{host}.00ff00ff.tmp", f".m.ckpt.0.{host}.00ff00ff.tmp",    # '²'.isdigit()
                 f".m.ckpt.99999999999.{host}.00ff00ff.tmp",                                  # os.kill: overflow
                 f".m.ckpt.1.ckpt.123.{host}.00ff00ff.tmp"):     # the last: a temp of target 'm.ckpt.1.ckpt'
        assert _fileio._writer_pid(name, "m.ckpt", host) is None


def test_without_o_tmpfile_a_named_temp_is_used_and_removed(tmp_path, monkeypatch):
    """Where the filesystem has no O_TMPFILE (EOPNOTSUPP), the named temp file does the job, and goes away."""
    real_open, flag = os.open, getattr(os, "O_TMPFILE", 0)
    opened = []

    def no_tmpfile(path, flags, *args, **kwargs):
        if flag and flags & flag == flag:
            raise OSError(errno.EOPNOTSUPP, "Operation not supported")
        opened.append(os.path.basename(path))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(_fileio.os, "open", no_tmpfile)
    path = str(tmp_path / "model.ckpt")
    save_checkpoint({"w": np.ones(3, np.float32)}, path)
    assert any(name.startswith(f".model.ckpt.{os.getpid()}.") and name.endswith(".tmp") for name in opened)
    assert os.listdir(tmp_path) == ["model.ckpt"] and stat.S_IMODE(os.stat(path).st_mode) == 0o400
    monkeypatch.setattr(_fileio, "_write", _disk_full_after(10))
    with pytest.raises(OSError, match="no space left on device"):
        save_checkpoint({"w": np.zeros(3, np.float32)}, path)
    assert os.listdir(tmp_path) == ["model.ckpt"]
    np.testing.assert_array_equal(load_checkpoint(path)["w"].asnumpy(), np.ones(3, np.float32))


# ------------------------------------------------------------------------------------------------ disk full
def _disk_full_after(budget):
    """os.write for a disk that is full after ``budget`` bytes."""
    left = [budget]

    def write(fd, data):
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = os.write(fd, data[: left[0]])
        left[0] -= n
        return n
    return write


@pytest.mark.parametrize("fmt", ["ckpt", "safetensors"])
def test_disk_full_names_file_and_bytes_and_keeps_old(tmp_path, monkeypatch, fmt):
    big = {f"p{i}": np.full(1000, i, np.float32) for i in range(5)}
    path = str(tmp_path / ("model." + fmt))
    save_checkpoint(big, str(tmp_path / ("size." + fmt)), format=fmt)
    size = os.path.getsize(tmp_path / ("size." + fmt))
    os.remove(tmp_path / ("size." + fmt))
    save_checkpoint({"w": np.ones(2, np.float32)}, path, format=fmt)
    before = _read(path)
    monkeypatch.setattr(_fileio, "_write", _disk_full_after(5000))
    with pytest.raises(OSError) as e:
        save_checkpoint(big, path, format=fmt)
    assert e.value.errno == errno.ENOSPC
    assert f"For 'save_checkpoint', no space left on device to write '{path}' ({size} bytes needed" in str(e.value)
    assert _read(path) == before
    assert os.listdir(tmp_path) == ["model." + fmt]


def test_disk_full_at_fsync(tmp_path, monkeypatch):
    path = str(tmp_path / "model.ckpt")

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(_fileio.os, "fsync", fsync)
    with pytest.raises(OSError, match="no space left on device to write") as e:
        save_checkpoint({"w": np.ones(2, np.float32)}, path)
    assert path in str(e.value)
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------------------------ FIFOs, sockets, devices
def _no_hang(fn, fifo=None, timeout=5):
    """fn()'s exception, raising AssertionError if it takes longer than ``timeout`` (a blocked open of ``fifo`` is
    released, so that a regression fails instead of hanging the suite)."""
    result = []

    def run():
        try:
            fn()
            result.append(None)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            result.append(e)
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        if fifo is not None:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)     # lets the blocked reader through
            os.close(fd)
        raise AssertionError(f"{fn} still blocked after {timeout} s")
    return result[0]


@posix_only
def test_fifo_socket_and_device_are_refused_at_once(tmp_path):
    fifo = str(tmp_path / "pipe.ckpt")
    os.mkfifo(fifo)
    e = _no_hang(lambda: load_checkpoint(fifo), fifo)
    assert isinstance(e, ValueError) and f"{fifo} is a FIFO (named pipe), not a regular file" in str(e)
    e = _no_hang(lambda: load_checkpoint(fifo.replace("ckpt", "safetensors"), format="safetensors"))
    assert isinstance(e, ValueError)            # (does not exist)
    os.rename(fifo, str(tmp_path / "pipe.safetensors"))
    e = _no_hang(lambda: load_checkpoint(str(tmp_path / "pipe.safetensors"), format="safetensors"),
                 str(tmp_path / "pipe.safetensors"))
    assert isinstance(e, ValueError) and "FIFO" in str(e)
    os.rename(str(tmp_path / "pipe.safetensors"), fifo)
    e = _no_hang(lambda: save_checkpoint({"w": np.ones(2, np.float32)}, fifo), fifo)
    assert isinstance(e, ValueError) and "FIFO" in str(e)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)             # left as it was

    zero = str(tmp_path / "zero.ckpt")
    os.symlink("/dev/zero", zero)
    e = _no_hang(lambda: load_checkpoint(zero))
    assert isinstance(e, ValueError) and "/dev/zero is a character device" in str(e)

    sock_path = str(tmp_path / "s.ckpt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(sock_path)
        e = _no_hang(lambda: load_checkpoint(sock_path))
        assert isinstance(e, ValueError) and "is a socket" in str(e)
    finally:
        sock.close()


@posix_only
def test_open_regular_checks_again_after_opening(tmp_path, monkeypatch):
    """A FIFO swapped in between the stat and the open is refused too (the open does not block)."""
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)
    regular, real_stat = os.stat(__file__), os.stat
    monkeypatch.setattr(_fileio.os, "stat", lambda path, *a, **k: regular if path == fifo else real_stat(path, *a, **k))
    e = _no_hang(lambda: _fileio.open_regular(fifo, "load_checkpoint"), fifo)
    assert isinstance(e, ValueError) and "FIFO" in str(e)


# ---------------------------------------------------------------------------------------- hand-made records
def _record(tag="w", dims=(2,), ttype="Float32", content=b"\0" * 8):
    msg = Checkpoint()
    v = msg.value.add()
    v.tag = tag
    v.tensor.dims.extend(dims)
    v.tensor.tensor_type = ttype
    v.tensor.tensor_content = content
    return msg.SerializeToString()


def _corrupt_error(tmp_path, data, name="bad.ckpt"):
    path = str(tmp_path / name)
    with open(path, "wb") as f:
        f.write(data)
    with pytest.raises(ValueError) as e:    # (not MemoryError, not a protobuf or NumPy error)
        load_checkpoint(path)
    assert type(e.value) is ValueError and path in str(e.value)
    return str(e.value)


@pytest.mark.parametrize("dims,content,match", [
    ((1 << 32,), b"\0" * 8, r"shape \(4294967296,\) and type Float32 needs 17179869184 bytes but has 8"),
    ((1 << 32, 1 << 32), b"", r"needs 73786976294838206464 bytes but has 0"),    # int64 product: 0
    ((-1, 2), b"\0" * 8, r"negative dimension in its shape \(-1, 2\)"),
    ((-2, -1), b"\0" * 8, r"negative dimension"),                                # product: 2
    ((1,) * 40, b"\0" * 4, r"40 dimensions"),
], ids=["2**32", "2**32x2**32", "negative", "two-negatives", "40-dims"])
def test_hand_made_dims(tmp_path, dims, content, match):
    msg = _corrupt_error(tmp_path, _record(dims=dims, content=content))
    assert msg.startswith(f"corrupt checkpoint {tmp_path / 'bad.ckpt'}: parameter 'w'")
    assert re.search(match, msg), msg


def test_hand_made_strings_and_names(tmp_path):
    # a str entry cut inside a character, and one that is not UTF-32 (NumPy: SystemError)
    msg = _corrupt_error(tmp_path, _record(tag="note", dims=(0,), ttype="str", content="hi".encode("utf-32-le")[:-1]))
    assert "string entry 'note' has 7 bytes" in msg and msg.startswith("corrupt checkpoint ")
    msg = _corrupt_error(tmp_path, _record(tag="note", dims=(0,), ttype="str", content=b"\0\0\x11\0"))
    assert "string entry 'note' is not UTF-32" in msg
    # names and types that are not UTF-8 (protobuf hands them back as bytes, or raises UnicodeDecodeError)
    data = _record(tag="AAAA").replace(b"AAAA", b"\xff\xfe\xfd\xfc")
    msg = _corrupt_error(tmp_path, data)
    assert ("not UTF-8" in msg and "\\xff\\xfe" in msg) or "cannot be parsed" in msg
    msg = _corrupt_error(tmp_path, _record(ttype="Float32").replace(b"Float32", b"Float\xff2"))
    assert "not UTF-8" in msg or "cannot be parsed" in msg
    # the raw bytes of a string entry, cut short
    data = _record() + _record(tag="note", dims=(0,), ttype="str", content="hello".encode("utf-32-le"))
    msg = _corrupt_error(tmp_path, data[:-3])
    assert "truncated" in msg
    # the string entries that MindSpore writes still load ('' is 4 NUL bytes)
    with open(tmp_path / "ok.ckpt", "wb") as f:
        f.write(_record() + _record(tag="s", dims=(0,), ttype="str", content="h\u00e9\U0001f600".encode("utf-32-le"))
                + _record(tag="e", dims=(0,), ttype="str", content=b"\0" * 4))
    d = load_checkpoint(str(tmp_path / "ok.ckpt"))
    assert d["s"] == "h\u00e9\U0001f600" and d["e"] == ""
