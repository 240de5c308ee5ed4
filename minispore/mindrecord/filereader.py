"""Reading MindRecord files: ``_ShardSet`` (the files of a data set, checked whole at open: every row's raw and
blob bytes must lie inside its file, so that a truncated or corrupt file fails before anything is read) and the
public ``FileReader``."""
import mmap
import os
import struct

import numpy as np

from .. import _fileio
from . import _format as F
from ._index import IndexFileError, read_index
from .exceptions import ParamTypeError, ParamValueError

__all__ = ["FileReader"]

_LE_Q = struct.Struct("<Q")
_BE_Q = struct.Struct(">Q")


def _read_header_file(path, op):
    """The header dict of the data file ``path`` (RuntimeError naming it when it is not a MindRecord file)."""
    if not os.path.exists(path):
        raise RuntimeError(f"For '{op}', the MindRecord file {path} does not exist.")
    try:
        with _fileio.open_regular(path, op) as f:
            head = f.read(F.MIN_HEADER_SIZE)
            if len(head) >= 8:
                n = _LE_Q.unpack_from(head)[0]
                if 8 + n > len(head) and n < F.MAX_HEADER_SIZE:
                    head += f.read(8 + n - len(head))
    except ValueError as e:
        raise RuntimeError(str(e)) from None
    try:
        return F.parse_header(head)
    except F.FormatError as e:
        raise RuntimeError(f"For '{op}', {path} is not a MindRecord file or is corrupt: {e}.") from None


class _Shard:
    """One opened data file: header, memory map and the row locations of its ``.db``."""

    def __init__(self, path, op):
        self.path = path
        self.header = _read_header_file(path, op)
        try:
            name, loc = read_index(path + ".db", path)
        except IndexFileError as e:
            raise RuntimeError(f"For '{op}', {e}") from None
        if name != os.path.basename(path):
            raise RuntimeError(f"For '{op}', the index file {path}.db belongs to a data file named {name!r}, not "
                               f"{os.path.basename(path)!r}: a MindRecord file cannot be renamed.")
        h = self.header
        size = os.stat(path).st_size
        base = h["header_size"] + h["page_size"] * loc[:, [1, 4]]
        expect = sum(p["end_row_id"] - p["start_row_id"] for p in h["page"] if p["page_type"] == "BLOB_DATA")
        if len(loc) != expect:
            raise RuntimeError(f"For '{op}', the index file {path}.db lists {len(loc)} rows but the header of {path} "
                               f"has {expect}: the files do not belong together or one is corrupt.")
        if len(loc):
            bad = (loc[:, 3] - loc[:, 2] < 8) | (loc[:, 6] - loc[:, 5] < 8) | (loc[:, 2] < 0) | (loc[:, 5] < 0)
            ends = np.maximum(base[:, 0] + loc[:, 3], base[:, 1] + loc[:, 6])
            over = ends > size
            if bad.any() or over.any():
                i = int(np.nonzero(bad | over)[0][0])
                raise RuntimeError(f"For '{op}', {path} is truncated or corrupt: row {int(loc[i, 0])} lies at bytes up "
                                   f"to {int(ends[i])}, but the file has {size} bytes.")
        self.raw_at = base[:, 0] + loc[:, 2]
        self.raw_end = base[:, 0] + loc[:, 3]
        self.blob_at = base[:, 1] + loc[:, 5]
        self.blob_end = base[:, 1] + loc[:, 6]
        self.rows = len(loc)
        self._mm = None

    @property
    def mm(self):
        if self._mm is None:
            with open(self.path, "rb") as f:
                self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if os.fstat(f.fileno()).st_size \
                    else b""
        return self._mm

    def close(self):
        if self._mm is not None and not isinstance(self._mm, bytes):
            self._mm.close()
        self._mm = None


class _ShardSet:
    """The MindRecord files of ``file_name`` (one name: it and the other shards its header lists; a list: those
    files only), with their common schema."""

    def __init__(self, file_name, op):
        self.op = op
        if isinstance(file_name, str):
            h = _read_header_file(file_name, op)
            d = os.path.dirname(file_name)
            paths = [os.path.join(d, a) for a in h["shard_addresses"]]
            missing = [p for p in paths if not os.path.exists(p)]
            if missing:
                raise RuntimeError(f"For '{op}', {file_name} is one of {len(paths)} MindRecord files written "
                                   f"together, and {missing} are missing (MindRecord files cannot be renamed; pass a list of files to read only some of "
                                   f"them).")
        elif isinstance(file_name, (list, tuple)) and file_name and all(isinstance(p, str) for p in file_name):
            paths = list(file_name)
        else:
            raise ParamValueError(f"For '{op}', the file name must be a str or a non-empty list of str, but got "
                                  f"{file_name!r}.")
        self.shards = [_Shard(p, op) for p in paths]
        first = self.shards[0].header["schema"][0]
        for s in self.shards[1:]:
            other = s.header["schema"][0]
            if other.get("schema") != first.get("schema"):
                raise RuntimeError(f"For '{op}', {s.path} has the schema {other.get('schema')}, and "
                                   f"{self.shards[0].path} has {first.get('schema')}: files read together must "
                                   f"share one schema.")
        self.schema = first["schema"]
        ok, msg = F.validate_schema(self.schema)
        if not ok:
            raise RuntimeError(f"For '{op}', the schema in {self.shards[0].path} is not a MindRecord schema: {msg}")
        self.blob_fields = list(first.get("blob_fields", F.blob_fields_of(self.schema)))
        self.compress = F.compresses(self.schema)
        self.sizes = [s.rows for s in self.shards]
        self.starts = np.concatenate([[0], np.cumsum(self.sizes)]).astype(np.int64)
        self.total = int(self.starts[-1])

    def close(self):
        for s in self.shards:
            s.close()

    def locate(self, i):
        k = int(np.searchsorted(self.starts, i, side="right") - 1)
        return self.shards[k], int(i - self.starts[k])

    def _fail(self, shard, j, what):
        raise RuntimeError(f"For '{self.op}', {shard.path} is corrupt: row {j}: {what}.")

    def raw(self, shard, j):
        mm = shard.mm
        a, b = int(shard.raw_at[j]), int(shard.raw_end[j])
        n = _LE_Q.unpack_from(mm, a)[0]
        if n != b - a - 8:
            self._fail(shard, j, f"its raw data say {n} bytes, the index {b - a - 8}")
        try:
            return F.unpack_map(mm[a + 8:b])
        except F.FormatError as e:
            self._fail(shard, j, str(e))

    def blob(self, shard, j):
        """{field: bytes or ndarray} of the blob fields of row ``j`` of ``shard``."""
        mm = shard.mm
        a, b = int(shard.blob_at[j]), int(shard.blob_end[j])
        n = _LE_Q.unpack_from(mm, a)[0]
        if n != b - a - 8:
            self._fail(shard, j, f"its blob says {n} bytes, the index {b - a - 8}")
        data = mm[a + 8:b]
        fields = self.blob_fields
        if not fields:
            return {}
        if len(fields) == 1:
            parts = [data]
        else:
            parts, p = [], 0
            for f in fields:
                if p + 8 > len(data):
                    self._fail(shard, j, f"its blob ends before the field {f!r}")
                m = _BE_Q.unpack_from(data, p)[0]
                if p + 8 + m > len(data):
                    self._fail(shard, j, f"the field {f!r} of its blob is truncated")
                parts.append(data[p + 8:p + 8 + m])
                p += 8 + m
        out = {}
        for f, part in zip(fields, parts):
            spec = self.schema[f]
            if spec["type"] == "bytes":
                out[f] = bytes(part)
                continue
            dt = F.NP_DTYPE[spec["type"]]
            if self.compress and spec["type"] in ("int32", "int64"):
                try:
                    arr = F.uncompress_ints(part, dt)
                except F.FormatError as e:
                    self._fail(shard, j, f"field {f!r}: {e}")
            else:
                if len(part) % np.dtype(dt).itemsize:
                    self._fail(shard, j, f"field {f!r} has {len(part)} bytes, not a whole number of {spec['type']}")
                arr = np.frombuffer(part, dt).copy()
            try:
                out[f] = arr.reshape(spec["shape"])
            except ValueError:
                self._fail(shard, j, f"field {f!r} has {arr.size} elements, which do not fit the shape "
                                     f"{spec['shape']} of the schema")
        return out

    def row(self, i, columns=None):
        shard, j = self.locate(i)
        raw = self.raw(shard, j) if self._needs_raw(columns) else {}
        raw = {k: v for k, v in raw.items() if k in self.schema and (columns is None or k in columns)}
        if self.blob_fields and (columns is None or any(c in self.blob_fields for c in columns)):
            blob = self.blob(shard, j)
            raw.update((k, v) for k, v in blob.items() if columns is None or k in columns)
        return raw

    def _needs_raw(self, columns):
        return columns is None or any(c not in self.blob_fields for c in columns)


class FileReader:
    """Read the rows of MindRecord files as dicts: scalar fields as Python int/float/str, bytes fields as bytes,
    array fields as ndarrays of the schema's shape. ``file_name``: one file (the other shards written with it are
    read too) or a list of files. ``num_consumer`` is checked and otherwise ignored; ``operator`` is ignored."""

    def __init__(self, file_name, num_consumer=4, columns=None, operator=None):
        if isinstance(file_name, list):
            for f in file_name:
                _check_name(f)
        else:
            _check_name(file_name)
        if num_consumer is None:
            raise ParamValueError("Parameter num_consumer is None.")
        if not isinstance(num_consumer, int) or isinstance(num_consumer, bool):
            raise ParamValueError("Parameter num_consumer is not int.")
        cpus = os.cpu_count() or 1
        if not 1 <= num_consumer <= max(cpus, 4):
            raise ParamValueError(f"Parameter num_consumer: {num_consumer} should between 1 and {max(cpus, 4)}.")
        if columns:
            if not isinstance(columns, list):
                raise ParamTypeError("columns", "list")
        else:
            columns = None
        self._set = _ShardSet(file_name, "FileReader")
        if columns is not None:
            bad = [c for c in columns if c not in self._set.schema]
            if bad:
                self._set.close()
                raise ParamValueError(f"For 'FileReader', the columns {bad} are not in the schema "
                                      f"{sorted(self._set.schema)} of {self._set.shards[0].path}.")
        self._columns = columns
        self._closed = False

    def get_next(self):
        """Yield the rows, in file order (the shards in order, each in the order it was written)."""
        for i in range(self._set.total):
            if self._closed:
                return
            yield self._set.row(i, self._columns)

    def close(self):
        if not self._closed:
            self._set.close()
            self._closed = True

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    def schema(self):
        return {k: dict(v) for k, v in self._set.schema.items()}

    def len(self):
        return self._set.total


def _check_name(path):
    from .filewriter import check_filename
    check_filename(path)
