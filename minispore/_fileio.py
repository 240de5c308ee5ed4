"""Files: nothing lost, nothing left behind.

``atomic_write(path, write, op)`` replaces ``path`` with what ``write(f)`` writes, so that a crash at any point
(even ``kill -9``) leaves either the old file or the new one, complete, and no stray temporary file:

* On Linux the data goes into an unnamed file (``O_TMPFILE``) in the target's directory: if the writer dies,
  the kernel frees it. Once written and fsync'd it is linked under a fresh temporary name and renamed over the
  target (``linkat`` cannot replace an existing file).
* Elsewhere (and on filesystems without ``O_TMPFILE``) it goes into a named temporary file.
* Temporary names say who wrote them, ``.<basename>.<pid>.<host>.<random>.tmp``, so that each save removes the
  temporaries of the same target left by writers that have died (a named temp file killed mid-write, or an
  unnamed one killed between its link and its rename), and never those of a live writer.

``open_regular(path, op)`` opens a file for reading, refusing at once a FIFO, socket or device (reading a FIFO
would block forever).
"""
import errno
import os
import re
import secrets
import shutil
import socket
import stat
import zlib

__all__ = ["atomic_write", "not_regular", "open_regular", "remove_stale_temps"]

_write = os.write       # the low-level write (tests replace it to simulate a full disk or a crash)
_BINARY = getattr(os, "O_BINARY", 0)        # Windows: no newline translation
_FULL = {errno.ENOSPC: "no space left on device to write"}
if hasattr(errno, "EDQUOT"):
    _FULL[errno.EDQUOT] = "the disk quota is exceeded by writing"


def _host_tag():
    # On a shared filesystem (NFS) a temporary file may belong to a live writer on another machine, whose PID
    # means nothing here: a writer's PID is only judged on the host that wrote it.
    return "%08x" % zlib.crc32(socket.gethostname().encode("utf-8", "replace"))


def _kind(mode):
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def not_regular(op, path, mode):
    """The ValueError for ``path`` of ``os.stat`` mode ``mode``, which is not a regular file."""
    return ValueError(f"For '{op}', {path} is {_kind(mode)}, not a regular file.")


def open_regular(path, op):
    """``path`` opened for binary reading; ValueError if it is not a regular file (checked before and after
    opening, so that a FIFO swapped in between cannot block: the open is non-blocking)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):      # checked first: opening some devices has effects of its own
        raise not_regular(op, path, st.st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _BINARY)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise not_regular(op, path, st.st_mode)
        return os.fdopen(fd, "rb")        # O_NONBLOCK does nothing on a regular file
    except BaseException:
        os.close(fd)
        raise


# --------------------------------------------------------------------------------------------- temporaries
_TEMP_TAIL = re.compile(r"([0-9]{1,10})\.([0-9a-f]{8})\.[0-9a-f]{8}\.tmp")     # pid, host tag, random


def _temp_name(path):
    dirname, base = os.path.split(path)
    return os.path.join(dirname, f".{base}.{os.getpid()}.{_host_tag()}.{secrets.token_hex(4)}.tmp")


def _writer_pid(name, base, host):
    """The PID in ``name`` if it is a temporary file of target ``base`` written on ``host``, else None."""
    prefix = "." + base + "."
    if not (name.startswith(prefix) and name.endswith(".tmp")):
        return None
    m = _TEMP_TAIL.fullmatch(name[len(prefix):])
    if m is None or m.group(2) != host or not 0 < int(m.group(1)) < 2 ** 31:   # (os.kill: pid_t, and 0 = group)
        return None
    return int(m.group(1))


def _alive(pid):
    if os.name == "nt":         # os.kill(pid, 0) would terminate the process there: assume alive
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:             # EPERM: alive, someone else's
        return True
    return True                 # (a killed child not yet reaped by its parent still counts as alive)


def remove_stale_temps(path):
    """Delete the temporary files of ``path`` whose writers are dead; errors are ignored (a save never fails
    over the leftovers of another)."""
    dirname, base = os.path.split(path)
    host = _host_tag()
    try:
        names = os.listdir(dirname)
    except OSError:
        return
    for name in names:
        pid = _writer_pid(name, base, host)
        if pid is not None and not _alive(pid):
            try:
                os.remove(os.path.join(dirname, name))
            except OSError:
                pass


# ------------------------------------------------------------------------------------------------ writing
def _open_unnamed(dirname):
    """A write fd of a new file without a name in ``dirname`` (Linux O_TMPFILE), or None where there is none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):     # the link goes through /proc/self/fd
        return None
    try:
        return os.open(dirname, flag | os.O_WRONLY, 0o600)
    except OSError as e:
        # EISDIR: a kernel older than 3.11 (it saw O_DIRECTORY only); EOPNOTSUPP/EINVAL: the filesystem has none
        if e.errno in (errno.EISDIR, errno.EOPNOTSUPP, errno.EINVAL):
            return None
        raise


def _open_named(path):
    while True:
        tmp = _temp_name(path)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600), tmp
        except FileExistsError:
            continue


def _link_unnamed(fd, path):
    """Give the unnamed file ``fd`` a fresh temporary name next to ``path``; returns that name."""
    dirname = os.path.dirname(path)
    dir_fd = os.open(dirname, os.O_RDONLY)
    try:
        while True:
            tmp = _temp_name(path)
            try:
                # dst_dir_fd makes Python call linkat (plain link() would not follow the /proc symlink)
                os.link(f"/proc/self/fd/{fd}", os.path.basename(tmp), dst_dir_fd=dir_fd, follow_symlinks=True)
                return tmp
            except FileExistsError:
                continue
    finally:
        os.close(dir_fd)


class _Output:
    """The file object ``write`` gets: ``write(bytes)`` onto the fd. Once the disk is full it only counts, so that
    the error can say how many bytes the whole file needs."""

    def __init__(self, fd):
        self.fd, self.size, self.full = fd, 0, None

    def write(self, data):
        view = memoryview(data).cast("B")
        self.size += len(view)
        while self.full is None and len(view):
            try:
                n = _write(self.fd, view)
            except OSError as e:
                if e.errno not in _FULL:
                    raise
                self.full = e
                break
            if n <= 0:      # never for a regular file; but looping forever would be worse than an error
                raise OSError(errno.EIO, "write() wrote nothing")
            view = view[n:]
        return len(data)


def _quietly(fn, arg):
    try:
        fn(arg)
    except OSError:
        pass


def _fsync_dir(dirname):
    if os.name != "posix":
        return
    try:
        fd = os.open(dirname, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _named_error(err, path, op, size):
    """``err`` (about the temporary file, or a bare write error) as the same kind of error naming ``path``."""
    if err.errno is None:
        return err
    if err.errno in _FULL:
        sizes = [] if size is None else [f"{size} bytes needed"]
        try:
            sizes.append(f"{shutil.disk_usage(os.path.dirname(path)).free} bytes free")
        except OSError:
            pass
        sizes = f" ({', '.join(sizes)})" if sizes else ""
        return type(err)(err.errno, f"For '{op}', {_FULL[err.errno]} '{path}'{sizes}; the previous file, if any, "
                                    "is unchanged.")
    return type(err)(err.errno, f"For '{op}', cannot write the file {path}: {err.strerror or err}")


def atomic_write(path, write, op, mode=None):
    """Replace ``path`` (a real path) with what ``write(f)`` writes via ``f.write(bytes)``, atomically.

    ``mode`` (e.g. 0o400) is the new file's permission bits, set before it appears; else it is 0o600. An existing
    ``path`` that is not a regular file is refused (ValueError). OSErrors name ``path``; on a full disk the error
    says how many bytes were needed. Whatever fails, the old file is kept and no temporary file remains.
    """
    dirname = os.path.dirname(path)
    if not os.path.isdir(dirname):
        raise FileNotFoundError(f"For '{op}', the directory of the file {path} does not exist.")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise not_regular(op, path, st.st_mode)
    remove_stale_temps(path)
    out, fd, tmp = None, -1, None
    try:
        unnamed = _open_unnamed(dirname)
        fd, tmp = (unnamed, None) if unnamed is not None else _open_named(path)
        out = _Output(fd)
        write(out)
        if out.full is not None:
            raise out.full
        os.fsync(fd)                # a full disk may only show here (or at close), e.g. on NFS
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        if tmp is None:
            tmp = _link_unnamed(fd, path)
        closing, fd = fd, -1        # closed once, even if close fails
        os.close(closing)
        if os.name == "nt" and st is not None:      # Windows can't replace a read-only file
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        named = _named_error(e, path, op, out.size if out is not None else None)
        if named is e:
            raise
        raise named from e
    finally:
        if fd >= 0:
            _quietly(os.close, fd)
        if tmp is not None:
            _quietly(os.remove, tmp)
    if mode is not None and not hasattr(os, "fchmod"):
        os.chmod(path, mode)
    _fsync_dir(dirname)
