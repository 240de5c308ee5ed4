"""``FileWriter``: rows into MindRecord files that MindSpore reads, byte for byte what MindSpore 2.10 writes for the
same rows (see ``_format`` for the layout and the README of ``tests/golden/mindrecord`` for what differs).

Nothing is written under the target names until ``commit``: the data go into temporary files next to them
(``.<name>.<pid>.<host>.<random>.tmp``), which ``commit`` completes (header, then the ``.db`` index) and renames
over the targets; a failure removes them and leaves whatever was there before untouched.
"""
import os
import struct
import warnings

import numpy as np

from .. import _fileio
from . import _format as F
from ._index import write_index
from .exceptions import (MRMAddIndexError, MRMAddSchemaError, MRMDefineIndexError, MRMInvalidHeaderSizeError,
                         MRMInvalidPageSizeError, MRMInvalidSchemaError, MRMOpenForAppendError, MRMSetHeaderError,
                         MRMWriteDatasetError, ParamTypeError, ParamValueError)

__all__ = ["FileWriter"]

_VALUE_TYPES = {"int": ("int32", "int64"), "float": ("float32", "float64"), "str": ("string",), "bytes": ("bytes",),
                "int32": ("int32",), "int64": ("int64",), "float32": ("float32",), "float64": ("float64",),
                "ndarray": F.ARRAY_TYPES}
_LE_Q = struct.Struct("<Q")
_BE_Q = struct.Struct(">Q")
_I32 = (-(1 << 31), (1 << 31) - 1)
_I64 = (-(1 << 63), (1 << 63) - 1)


def check_filename(path, arg_name="File path"):
    """MindSpore's file-name rules (ParamValueError)."""
    if not path:
        raise ParamValueError(f"{arg_name} is not allowed None or empty!")
    if not isinstance(path, str):
        raise ParamValueError(f"File path: {path} is not string.")
    if path.endswith("/"):
        raise ParamValueError("File path can not end with '/'")
    base = os.path.basename(path)
    if set(base) & set("\\/:*?\"<>|`&';"):
        raise ParamValueError("File name should not contains \\/:*?\"<>|`&;'")
    if base.startswith(" ") or base.endswith(" "):
        raise ParamValueError("File name should not start/end with space.")
    return True


class _Shard:
    """One data file being written: its pages (dicts in page-id order) and its temporary file."""

    def __init__(self, path, shard_id):
        self.path, self.shard_id = path, shard_id
        self.pages = []
        self.fd, self.tmp = -1, None

    def last(self, kind):
        for p in reversed(self.pages):
            if p["page_type"] == kind:
                return p
        return None

    def pwrite(self, data, offset):
        view = memoryview(data)
        while view:
            n = os.pwrite(self.fd, view, offset)
            view, offset = view[n:], offset + n

    def pread(self, n, offset):
        out = b""
        while len(out) < n:
            got = os.pread(self.fd, n - len(out), offset + len(out))
            if not got:
                raise OSError(f"unexpected end of the temporary file of {self.path}")
            out += got
        return out


class FileWriter:
    """Write rows (dicts) into ``shard_num`` MindRecord files: ``file_name`` itself when ``shard_num`` is 1, else
    ``file_name0``, ``file_name1`` ... (zero-padded to the width of ``shard_num - 1``), each with its ``.db``.

    Rows that do not match the schema are left out with a warning, as in MindSpore (the warning names the file,
    the row and the field). ``overwrite=False`` refuses existing files at the first ``write_raw_data``/``commit``.
    Each ``write_raw_data`` call spreads its rows over the shards in contiguous runs of ``len // shard_num`` (the
    first ``len % shard_num`` shards get one more; MindSpore picks those shards at random).
    """

    def __init__(self, file_name, shard_num=1, overwrite=False):
        check_filename(file_name)
        if shard_num is None:
            raise ParamValueError("Parameter shard_num is None.")
        if not isinstance(shard_num, int) or isinstance(shard_num, bool):
            raise ParamValueError("Parameter shard_num's type is not int.")
        if not F.MIN_SHARD_COUNT <= shard_num <= F.MAX_SHARD_COUNT:
            raise ParamValueError(f"Parameter shard_num's value: {shard_num} should between {F.MIN_SHARD_COUNT} and "
                                  f"{F.MAX_SHARD_COUNT}.")
        if not isinstance(overwrite, bool):
            raise ParamValueError("Parameter overwrite's type is not bool.")
        self._file_name = file_name
        if shard_num == 1:
            self._paths = [file_name]
        else:
            w = len(str(shard_num - 1))
            self._paths = [f"{file_name}{str(i).rjust(w, '0')}" for i in range(shard_num)]
        self._overwrite = overwrite
        self._append = False
        self._schema, self._desc, self._index = None, "", None
        self._header_size, self._page_size = F.DEFAULT_HEADER_SIZE, F.DEFAULT_PAGE_SIZE
        self._compression = 0
        self._shards = None             # opened at the first write_raw_data / commit
        self._committed = False
        self._parallel = None

    # ------------------------------------------------------------------------------------------ set up
    @classmethod
    def open_for_append(cls, file_name):
        """A FileWriter that appends rows to the existing MindRecord ``file_name`` (and the other shards of its
        set); the files are replaced at ``commit``."""
        check_filename(file_name)
        from .filereader import _read_header_file
        try:
            header = _read_header_file(file_name, "FileWriter.open_for_append")
        except (OSError, RuntimeError) as e:
            raise MRMOpenForAppendError(f"Failed to open {file_name} for append: {e}") from None
        d = os.path.dirname(file_name)
        paths = [os.path.join(d, a) for a in header["shard_addresses"]]
        self = cls.__new__(cls)
        cls.__init__(self, paths[0] if len(paths) == 1 else file_name)
        self._paths, self._append, self._overwrite = paths, True, True
        schema = header["schema"][0]
        self._schema, self._desc = schema["schema"], schema.get("desc", "")
        self._index = [f["index_field"] for f in (header.get("index_fields") or [])]
        self._header_size, self._page_size = header["header_size"], header["page_size"]
        self._compression = header.get("compression_size", 0) or 0
        self._blobs = F.blob_fields_of(self._schema)
        shards = []
        for i, p in enumerate(paths):
            h = header if os.path.basename(p) == os.path.basename(file_name) else \
                _read_header_file(p, "FileWriter.open_for_append")
            s = _Shard(p, i)
            s.pages = [dict(q, row_group_ids=[(g["id"], g["offset"]) for g in q["row_group_ids"]])
                       for q in h["page"]]
            for q in s.pages:
                if q["page_type"] == "RAW_DATA" and q["row_group_ids"] == [(0, 0)] and q["page_size"] == 0:
                    q["row_group_ids"] = []
            shards.append(s)
        self._shards = shards
        try:
            for s in shards:
                self._open_temp(s, copy_from=s.path)
        except BaseException:
            self._discard()
            raise
        return self

    def add_schema(self, content, desc=None):
        """Describe the fields: ``{name: {"type": t}}`` with t in int32/int64/float32/float64/string/bytes, or
        ``{"type": t, "shape": [...]}`` (t numeric, one dimension may be -1) for an ndarray field."""
        ok, msg = F.validate_schema(content)
        if not ok:
            raise MRMInvalidSchemaError(msg)
        if self._schema is not None:
            raise MRMAddSchemaError(f"For 'FileWriter.add_schema', {self._file_name} already has a schema: "
                                    f"a MindRecord file has exactly one.")
        if desc is not None and not isinstance(desc, str):
            raise ParamTypeError("desc", "str")
        self._schema = F.canonical_schema(content)
        self._desc = "" if desc is None else desc

    def add_index(self, index_fields):
        """Fields to index in the ``.db`` (scalar fields only); by default every scalar field is indexed."""
        if not index_fields or not isinstance(index_fields, list):
            raise ParamTypeError("index_fields", "list")
        if self._schema is None:
            raise MRMAddIndexError("For 'FileWriter.add_index', add the schema first (add_schema).")
        blobs = F.blob_fields_of(self._schema)
        for field in index_fields:
            if field in blobs:
                raise MRMDefineIndexError(f"Failed to set field {field} since it's not primitive type.")
            if not isinstance(field, str):
                raise ParamTypeError("index field", "str")
            if field not in self._schema:
                raise MRMAddIndexError(f"For 'FileWriter.add_index', the field {field!r} is not in the schema "
                                       f"{sorted(self._schema)}.")
        if len(set(index_fields)) != len(index_fields):
            raise MRMAddIndexError(f"For 'FileWriter.add_index', the fields {index_fields} repeat a field.")
        self._index = list(index_fields)

    def set_header_size(self, header_size):
        """The header region's size in bytes: 16 KiB to 128 MiB, a multiple of 4 (default 16 MiB)."""
        if isinstance(header_size, bool) or not isinstance(header_size, int) or \
                not F.MIN_HEADER_SIZE <= header_size <= F.MAX_HEADER_SIZE or header_size % 4:
            raise MRMInvalidHeaderSizeError(f"Header size should between 16KB and 128MB and be divided by four, "
                                            f"but got {header_size!r}.")
        self._check_not_started("set_header_size")
        self._header_size = header_size

    def set_page_size(self, page_size):
        """The page size in bytes: 32 KiB to 256 MiB, a multiple of 4 (default 32 MiB); a row must fit in one."""
        if isinstance(page_size, bool) or not isinstance(page_size, int) or \
                not F.MIN_PAGE_SIZE <= page_size <= F.MAX_PAGE_SIZE or page_size % 4:
            raise MRMInvalidPageSizeError(f"Page size should between 32KB and 256MB and be divided by four, "
                                          f"but got {page_size!r}.")
        self._check_not_started("set_page_size")
        self._page_size = page_size

    def _check_not_started(self, op):
        if self._shards is not None:
            raise RuntimeError(f"For 'FileWriter.{op}', it must be called before the first write_raw_data "
                               f"(the files of {self._file_name} are already being written).")

    # ------------------------------------------------------------------------------------------ files
    def _open_temp(self, shard, copy_from=None):
        _fileio.remove_stale_temps(os.path.abspath(shard.path))
        while True:
            tmp = _fileio._temp_name(os.path.abspath(shard.path))
            try:
                fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
                break
            except FileExistsError:
                continue
        shard.fd, shard.tmp = fd, tmp
        if copy_from is not None:
            with open(copy_from, "rb") as src:
                off = 0
                while True:
                    chunk = src.read(1 << 22)
                    if not chunk:
                        break
                    if chunk.count(0) != len(chunk):      # keep the zero runs as holes
                        shard.pwrite(chunk, off)
                    off += len(chunk)
                os.ftruncate(fd, off)

    def _open(self):
        if self._shards is not None:
            return
        if self._schema is None:
            raise MRMSetHeaderError(f"For 'FileWriter', {self._file_name} has no schema: call add_schema before "
                                    f"write_raw_data/commit.")
        for p in self._paths:
            d = os.path.dirname(os.path.abspath(p))
            if not os.path.isdir(d):
                raise RuntimeError(f"Invalid file, the directory of the MindRecord file {p} does not exist.")
            if not self._overwrite and (os.path.exists(p) or os.path.exists(p + ".db")):
                raise RuntimeError(f"Invalid file, mindrecord files already exist. Please check file path: "
                                   f"{os.path.abspath(p)}.\nIf you do not want to keep the files, set the "
                                   f"'overwrite' parameter to True and try again.")
        if self._index is None:
            self._index = [k for k, v in self._schema.items() if v["type"] == "string" or
                           (v["type"] in F.ARRAY_TYPES and "shape" not in v)]
        self._blobs = F.blob_fields_of(self._schema)
        shards = [_Shard(p, i) for i, p in enumerate(self._paths)]
        self._shards = shards
        try:
            for s in shards:
                self._open_temp(s)
        except BaseException:
            self._discard()
            raise

    def _discard(self):
        for s in self._shards or ():
            if s.fd >= 0:
                _fileio._quietly(os.close, s.fd)
                s.fd = -1
            if s.tmp is not None:
                _fileio._quietly(os.remove, s.tmp)
                s.tmp = None

    def __del__(self):
        try:
            self._discard()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    # ------------------------------------------------------------------------------------------ rows
    def _row_error(self, i, row):
        """Why ``row`` (the ``i``-th of the call) does not match the schema, or None (MindSpore's checks, plus the
        int32/int64 range, which MindSpore leaves to fail at read time)."""
        for field, spec in self._schema.items():
            if field not in row:
                return f"there is not field: '{field}' in the raw data"
            v = row[field]
            tname = type(v).__name__
            allowed = _VALUE_TYPES.get(tname)
            if allowed is None or spec["type"] not in allowed:
                return f"data type: '{tname}' for field: '{field}' is not matched with the schema type " \
                       f"'{spec['type']}'"
            if tname == "ndarray":
                if "shape" not in spec:
                    return f"data shape for field: '{field}' is not specified"
                if spec["type"] != str(v.dtype):
                    return f"data type: '{v.dtype}' for field: '{field}' is not matched with '{spec['type']}'"
                try:
                    np.reshape(v, spec["shape"])
                except ValueError:
                    return f"data shape: '{v.shape}' for field: '{field}' is not matched with {spec['shape']}"
            elif "shape" in spec:
                return f"field: '{field}' has shape {spec['shape']} in the schema but got a {tname}, not an ndarray"
            elif spec["type"] in ("int32", "int64"):
                lo, hi = _I32 if spec["type"] == "int32" else _I64
                if not lo <= int(v) <= hi:
                    return f"field: '{field}' type: {spec['type']} value: {int(v)} is out of range"
        return None

    def _encode(self, row):
        raw = {}
        for f, spec in self._schema.items():
            if f in self._blobs:
                continue
            v = row[f]
            if isinstance(v, np.generic):
                v = v.item()
            raw[f] = v
        rb = F.pack_map(raw) if raw else F.DUMMY_RAW
        if not self._blobs:
            bb = F.DUMMY_BLOB
        else:
            comp = F.compresses(self._schema)
            parts = []
            for f in self._blobs:
                v = row[f]
                spec = self._schema[f]
                b = np.ascontiguousarray(v).tobytes() if isinstance(v, np.ndarray) else bytes(v)
                if comp and spec["type"] in ("int32", "int64"):
                    b = F.compress_ints(b, 4 if spec["type"] == "int32" else 8)
                parts.append(b)
            if len(parts) == 1:
                bb = parts[0]
            else:
                bb = b"".join(_BE_Q.pack(len(b)) + b for b in parts)
            if comp:
                plain = sum(8 + (np.asarray(row[f]).nbytes if isinstance(row[f], np.ndarray) else len(row[f]))
                            for f in self._blobs) - (8 if len(parts) == 1 else 0)
                self._compression += plain - len(bb)
        return rb, bb, raw

    def write_raw_data(self, raw_data, parallel_writer=False):
        """Append the rows ``raw_data`` (a list of dicts, one entry per schema field). Rows that do not match the
        schema are left out, each with a warning; if none is left, RuntimeError."""
        if not isinstance(parallel_writer, bool):
            raise TypeError("The parameter `parallel_writer` must be bool.")
        if self._parallel is None:
            self._parallel = parallel_writer
        if self._parallel != parallel_writer:
            raise RuntimeError("The parameter `parallel_writer` must be consistent during use.")
        if self._committed:
            raise RuntimeError("Not allowed to call `write_raw_data` on flushed MindRecord files. When creating new "
                               "MindRecord files, please remove `commit` before `write_raw_data`. In other cases, "
                               "when appending to existing MindRecord files, please call `open_for_append` first "
                               "and then `write_raw_data`.")
        self._open()
        if not isinstance(raw_data, list):
            raise ParamTypeError("raw_data", "list")
        for r in raw_data:
            if not isinstance(r, dict):
                raise ParamTypeError("raw_data item", "dict")
        good = []
        for i, r in enumerate(raw_data):
            err = self._row_error(i, r)
            if err is None:
                good.append(r)
            else:
                warnings.warn(f"FileWriter({self._file_name}): row {i} of this write_raw_data call is left out, it "
                              f"does not match the schema: {err}.", stacklevel=2)
        if not good:
            raise RuntimeError("There is no valid data which can be written by 'write_raw_data' to mindrecord file. "
                               "Please check the abnormal input data indicated in the warning log above.")
        saved = self._compression
        enc = [self._encode(r) for r in good]
        P = self._page_size
        for j, (rb, bb, _) in enumerate(enc):
            if 8 + len(rb) > P or 8 + len(bb) > P:
                self._compression = saved
                raise MRMWriteDatasetError(
                    f"For 'FileWriter.write_raw_data', row {j} needs {8 + max(len(rb), len(bb))} bytes, more than the "
                    f"page size {P} of {self._file_name}: set_page_size to a larger size before writing.")
        n, k = len(enc), len(self._shards)
        per, extra = divmod(n, k)
        start = 0
        for sid, shard in enumerate(self._shards):
            end = start + per + (1 if sid < extra else 0)
            if end > start:
                self._write_shard(shard, enc[start:end])
            start = end

    def _write_shard(self, s, rows):
        """MindSpore's page placement for the rows of one call on one shard."""
        P, H = self._page_size, self._header_size
        rs = [8 + len(r[0]) for r in rows]
        bs = [8 + len(r[1]) for r in rows]
        lb, lr = s.last("BLOB_DATA"), s.last("RAW_DATA")
        n_blob = lb["page_size"] if lb else 0
        n_raw = (lr["page_size"] - lr["row_group_ids"][-1][1]) if lr and lr["row_group_ids"] else 0
        groups, g0 = [], 0
        for i in range(len(rows)):
            if n_blob == 0 or n_blob + bs[i] > P or n_raw + rs[i] > P:
                groups.append((g0, i))
                g0, n_blob, n_raw = i, bs[i], rs[i]
            else:
                n_blob += bs[i]
                n_raw += rs[i]
        groups.append((g0, len(rows)))

        def blob_chunk(a, b):
            return b"".join(_LE_Q.pack(len(r[1])) + r[1] for r in rows[a:b])

        def raw_chunk(a, b):
            return b"".join(_LE_Q.pack(len(r[0])) + r[0] for r in rows[a:b])

        a, b = groups[0]
        if b > a:                                        # more rows in the last blob page
            s.pwrite(blob_chunk(a, b), H + P * lb["page_id"] + lb["page_size"])
            lb["page_size"] += sum(bs[a:b])
            lb["end_row_id"] += b - a
        page_id = len(s.pages) - 1
        ptid = lb["page_type_id"] if lb else -1
        row = lb["end_row_id"] if lb else 0
        for a, b in groups[1:]:                          # new blob pages
            page_id += 1
            ptid += 1
            s.pwrite(blob_chunk(a, b), H + P * page_id)
            s.pages.append({"page_id": page_id, "shard_id": s.shard_id, "page_type": "BLOB_DATA",
                            "page_type_id": ptid, "start_row_id": row, "end_row_id": row + b - a,
                            "row_group_ids": [], "page_size": sum(bs[a:b])})
            row += b - a
        a, b = groups[0]                                 # the last row group moves to a new raw page if it outgrows
        if b > a and sum(rs[a:b]) + lr["page_size"] > P:
            off = lr["row_group_ids"][-1][1]
            moved = s.pread(lr["page_size"] - off, H + P * lr["page_id"] + off)
            pid = len(s.pages)
            s.pwrite(moved, H + P * pid)
            gid = lr["row_group_ids"][-1][0]
            lr["page_size"] = off
            lr["row_group_ids"].pop()
            if lr["row_group_ids"]:
                gid = lr["row_group_ids"][-1][0] + 1
            new = {"page_id": pid, "shard_id": s.shard_id, "page_type": "RAW_DATA",
                   "page_type_id": lr["page_id"] + 1, "start_row_id": 0, "end_row_id": 0,
                   "row_group_ids": [(gid, 0)], "page_size": len(moved)}
            s.pages.append(new)
            lr = new
        last_gid = lr["row_group_ids"][-1][0] if lr and lr["row_group_ids"] else -1
        for ci, (a, b) in enumerate(groups):
            if b == a:
                continue
            size = sum(rs[a:b])
            if lr is None or lr["page_size"] + size > P:
                new = {"page_id": len(s.pages), "shard_id": s.shard_id, "page_type": "RAW_DATA",
                       "page_type_id": (lr["page_id"] if lr else -1) + 1, "start_row_id": 0, "end_row_id": 0,
                       "row_group_ids": [], "page_size": 0}
                s.pages.append(new)
                lr = new
            if ci > 0:
                last_gid += 1
                lr["row_group_ids"].append((last_gid, lr["page_size"]))
            s.pwrite(raw_chunk(a, b), H + P * lr["page_id"] + lr["page_size"])
            lr["page_size"] += size

    # ------------------------------------------------------------------------------------------ commit
    def commit(self):
        """Write the headers and the ``.db`` indexes and put the files in place (each replaced atomically)."""
        if self._committed:
            return
        self._open()
        names = [os.path.basename(p) for p in self._paths]
        dbs = []
        try:
            comp = max(self._compression, 0)
            for s in self._shards:
                pages = [dict(p, row_group_ids=p["row_group_ids"] or [(0, 0)]) for p in s.pages]
                head = F.serialize_header(self._header_size, self._page_size, self._index, pages, comp,
                                          self._schema, self._desc, names, s.shard_id)
                if len(head) + 8 > self._header_size:
                    raise MRMWriteDatasetError(
                        f"For 'FileWriter.commit', the header of {s.path} needs {len(head) + 8} bytes, more than "
                        f"the header size {self._header_size}: set_header_size to a larger size (or write fewer "
                        f"pages per shard).")
                s.pwrite(_LE_Q.pack(len(head)) + head, 0)
                os.fsync(s.fd)
            for s in self._shards:
                tmp_db = _fileio._temp_name(os.path.abspath(s.path + ".db"))
                dbs.append(tmp_db)
                write_index(tmp_db, os.path.basename(s.path), self._schema, self._index, self._index_rows(s))
            for s, tmp_db in zip(self._shards, dbs):
                os.close(s.fd)
                s.fd = -1
                os.chmod(s.tmp, 0o600)
                os.replace(s.tmp, s.path)
                s.tmp = None
                os.chmod(tmp_db, 0o600)
                os.replace(tmp_db, s.path + ".db")
            dbs = []
        finally:
            for t in dbs:
                _fileio._quietly(os.remove, t)
            self._discard()
        self._committed = True

    def _index_rows(self, s):
        """The ``.db`` rows of shard ``s``, read back from its temporary file as MindSpore's index generator does:
        raw pages in order, their row groups, each the rows of the blob page of that id."""
        H, P = self._header_size, self._page_size
        by_type_id = {p["page_type_id"]: p for p in s.pages if p["page_type"] == "BLOB_DATA"}
        out = []
        for rp in s.pages:
            if rp["page_type"] != "RAW_DATA":
                continue
            for gid, off in rp["row_group_ids"]:
                bp = by_type_id[gid]
                boff = 0
                for row in range(bp["start_row_id"], bp["end_row_id"]):
                    rlen = _LE_Q.unpack(s.pread(8, H + P * rp["page_id"] + off))[0]
                    raw = F.unpack_map(s.pread(rlen, H + P * rp["page_id"] + off + 8))
                    blen = _LE_Q.unpack(s.pread(8, H + P * bp["page_id"] + boff))[0]
                    out.append((row, gid, rp["page_id"], off, off + 8 + rlen, bp["page_id"], boff, boff + 8 + blen,
                                raw))
                    off += 8 + rlen
                    boff += 8 + blen
        return out
