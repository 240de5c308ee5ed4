"""MindSpore's MindRecord file format, read from MindSpore's shard writer/reader (C++, ``minddata/mindrecord``) and
from files MindSpore 2.10 writes.

A data file (one per shard) is a header region of ``header_size`` bytes (default 16 MiB) followed by pages of
``page_size`` bytes (default 32 MiB); the last page is not padded, the gaps are zeros. The header region starts
with the 8-byte little-endian length of a JSON text (keys in a fixed order, no spaces): ``header_size``,
``index_fields``, ``page`` (the pages of this shard), ``page_size``, ``compression_size``, ``schema``,
``shard_addresses`` (base names of all the shards), ``shard_id``, ``statistics`` (null), ``version`` ("3.0").

Two kinds of page: a BLOB_DATA page holds the rows ``start_row_id`` to ``end_row_id`` (exclusive) of this shard,
each an 8-byte little-endian length and the row's blob; a RAW_DATA page holds *row groups* (``row_group_ids``:
id and byte offset), row group ``k`` being the raw rows of the blob page whose ``page_type_id`` is ``k``, each an
8-byte little-endian length and a MessagePack map (as nlohmann::json writes it: keys sorted, the smallest integer
encoding, a float as float32 when that is exact) of the row's scalar fields.

A row's blob holds the ``blob_fields`` (bytes and shaped arrays, in schema order): one field as it is; several,
each preceded by its 8-byte big-endian length. When the schema has an int32/int64 array, the int32/int64 fields
of the blob are compressed: a 4-byte big-endian element count, a bitmap of 2 bits per element (most significant
first; 0-3 = 1, 2, 4 or 8 bytes) and each element in that many little-endian bytes. A schema without blob
fields still gets a 4-byte zero blob per row; one with only blob fields gets the raw map ``{"id": 0}``.

The ``.db`` next to each data file is an SQLite database: ``INDEXES`` (one row per row: where its raw and blob
bytes are, and the index fields) and ``SHARD_NAME`` (the data file's base name).
"""
import json
import math
import struct

import numpy as np

from .exceptions import MRMInvalidSchemaError

DEFAULT_HEADER_SIZE = 1 << 24
DEFAULT_PAGE_SIZE = 1 << 25
MIN_HEADER_SIZE, MAX_HEADER_SIZE = 1 << 14, 1 << 27
MIN_PAGE_SIZE, MAX_PAGE_SIZE = 1 << 15, 1 << 28
MIN_SHARD_COUNT, MAX_SHARD_COUNT = 1, 1000
VERSION = "3.0"

SCALAR_TYPES = ("int32", "int64", "float32", "float64", "string", "bytes")
ARRAY_TYPES = ("int32", "int64", "float32", "float64")
NP_DTYPE = {"int32": np.int32, "int64": np.int64, "float32": np.float32, "float64": np.float64}
SQL_TYPE = {"int32": "INTEGER", "int64": "INTEGER", "float32": "REAL", "float64": "REAL", "string": "TEXT"}
DUMMY_RAW = b"\x81\xa2id\x00"           # {"id": 0}: the raw row of a schema whose fields are all blobs
DUMMY_BLOB = b"\x00\x00\x00\x00"        # the blob of a schema without blob fields


# ------------------------------------------------------------------------------------------- MessagePack
def _pack_int(v, out):
    if v >= 0:
        if v < 128:
            out.append(v)
        elif v < 256:
            out += b"\xcc" + struct.pack(">B", v)
        elif v < 65536:
            out += b"\xcd" + struct.pack(">H", v)
        elif v < 1 << 32:
            out += b"\xce" + struct.pack(">I", v)
        else:
            out += b"\xcf" + struct.pack(">Q", v)
    elif v >= -32:
        out.append(v & 0xFF)
    elif v >= -128:
        out += b"\xd0" + struct.pack(">b", v)
    elif v >= -32768:
        out += b"\xd1" + struct.pack(">h", v)
    elif v >= -(1 << 31):
        out += b"\xd2" + struct.pack(">i", v)
    else:
        out += b"\xd3" + struct.pack(">q", v)


_F32_MAX = float(np.finfo(np.float32).max)


def _pack_float(v, out):
    if -_F32_MAX <= v <= _F32_MAX and float(np.float32(v)) == v:
        out += b"\xca" + struct.pack(">f", v)
    else:
        out += b"\xcb" + struct.pack(">d", v)


def _pack_str(s, out):
    b = s.encode("utf-8")
    n = len(b)
    if n < 32:
        out.append(0xA0 | n)
    elif n < 256:
        out += b"\xd9" + struct.pack(">B", n)
    elif n < 65536:
        out += b"\xda" + struct.pack(">H", n)
    else:
        out += b"\xdb" + struct.pack(">I", n)
    out += b


def pack_map(row):
    """``row`` (a dict of int/float/str, already checked) as nlohmann::json's MessagePack: keys sorted."""
    out = bytearray()
    n = len(row)
    if n < 16:
        out.append(0x80 | n)
    elif n < 65536:
        out += b"\xde" + struct.pack(">H", n)
    else:
        out += b"\xdf" + struct.pack(">I", n)
    for k in sorted(row):
        _pack_str(k, out)
        v = row[k]
        if isinstance(v, str):
            _pack_str(v, out)
        elif isinstance(v, float):
            _pack_float(v, out)
        else:
            _pack_int(int(v), out)
    return bytes(out)


class FormatError(ValueError):
    """Bytes that are not what the format says (caught by the reader, which names the file)."""


_FIXED = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
          0xCA: ">f", 0xCB: ">d"}
_FIXED = {k: struct.Struct(v) for k, v in _FIXED.items()}
_LEN = {0xD9: struct.Struct(">B"), 0xDA: struct.Struct(">H"), 0xDB: struct.Struct(">I"),
        0xC4: struct.Struct(">B"), 0xC5: struct.Struct(">H"), 0xC6: struct.Struct(">I")}


def _unpack(buf, p):
    t = buf[p]
    p += 1
    if t < 0x80:
        return t, p
    if t >= 0xE0:
        return t - 256, p
    if 0xA0 <= t <= 0xBF:
        n = t & 0x1F
        return bytes(buf[p:p + n]).decode("utf-8"), p + n
    s = _FIXED.get(t)
    if s is not None:
        return s.unpack_from(buf, p)[0], p + s.size
    s = _LEN.get(t)
    if s is not None:
        n = s.unpack_from(buf, p)[0]
        p += s.size
        raw = bytes(buf[p:p + n])
        return (raw.decode("utf-8") if t >= 0xD9 else raw), p + n
    if t == 0xC0:
        return None, p
    if t in (0xC2, 0xC3):
        return t == 0xC3, p
    if 0x80 <= t <= 0x8F or t in (0xDE, 0xDF):
        if t <= 0x8F:
            n = t & 0x0F
        else:
            s = struct.Struct(">H" if t == 0xDE else ">I")
            n = s.unpack_from(buf, p)[0]
            p += s.size
        d = {}
        for _ in range(n):
            k, p = _unpack(buf, p)
            d[k], p = _unpack(buf, p)
        return d, p
    if 0x90 <= t <= 0x9F or t in (0xDC, 0xDD):
        if t <= 0x9F:
            n = t & 0x0F
        else:
            s = struct.Struct(">H" if t == 0xDC else ">I")
            n = s.unpack_from(buf, p)[0]
            p += s.size
        a = []
        for _ in range(n):
            v, p = _unpack(buf, p)
            a.append(v)
        return a, p
    raise FormatError(f"MessagePack type byte 0x{t:02x} is not supported")


def unpack_map(buf):
    """The dict of one raw row; FormatError if ``buf`` is not exactly one MessagePack map."""
    try:
        d, p = _unpack(buf, 0)
    except (IndexError, struct.error, UnicodeDecodeError) as e:
        raise FormatError(f"a raw row is not valid MessagePack ({type(e).__name__}: {e})") from None
    if not isinstance(d, dict) or p != len(buf):
        raise FormatError("a raw row is not one MessagePack map")
    return d


# ------------------------------------------------------------------------------------- blob compression
_CODE_SIZE = (1, 2, 4, 8)
_LE = {1: np.dtype("<i1"), 2: np.dtype("<i2"), 4: np.dtype("<i4"), 8: np.dtype("<i8")}


def compress_ints(data, itemsize):
    """The compressed form of the little-endian int32/int64 bytes ``data``."""
    a = np.frombuffer(data, dtype=_LE[itemsize])
    n = a.size
    codes = np.full(n, 3, np.uint8)
    for code, t in ((2, np.int32), (1, np.int16), (0, np.int8)):
        info = np.iinfo(t)
        codes[(a >= info.min) & (a <= info.max)] = code
    padded = np.zeros(-(-n // 4) * 4, np.uint8)
    padded[:n] = codes
    q = padded.reshape(-1, 4)
    bitmap = (q[:, 0] << 6) | (q[:, 1] << 4) | (q[:, 2] << 2) | q[:, 3]
    parts = [struct.pack(">I", n), bitmap.astype(np.uint8).tobytes()]
    if n:
        if (codes == codes[0]).all():
            parts.append(a.astype(_LE[_CODE_SIZE[codes[0]]]).tobytes())
        else:
            parts.extend(np.asarray(v).astype(_LE[_CODE_SIZE[c]]).tobytes() for v, c in zip(a, codes))
    return b"".join(parts)


def uncompress_ints(buf, dtype):
    """The int array of the compressed bytes ``buf`` (FormatError when they are inconsistent)."""
    if len(buf) < 4:
        raise FormatError("a compressed integer field is shorter than its 4-byte element count")
    n = struct.unpack_from(">I", buf)[0]
    nb = -(-n // 4)
    bitmap = np.frombuffer(buf, np.uint8, nb, 4) if 4 + nb <= len(buf) else None
    if bitmap is None:
        raise FormatError(f"a compressed integer field of {n} elements is truncated")
    codes = np.stack([(bitmap >> s) & 3 for s in (6, 4, 2, 0)], axis=1).reshape(-1)[:n]
    start = 4 + nb
    sizes = np.array(_CODE_SIZE, np.int64)[codes]
    if start + int(sizes.sum()) != len(buf):
        raise FormatError(f"a compressed integer field of {n} elements has {len(buf) - start} data bytes, "
                          f"its bitmap says {int(sizes.sum())}")
    if n and (codes == codes[0]).all():
        return np.frombuffer(buf, _LE[int(sizes[0])], n, start).astype(dtype)
    out = np.empty(n, dtype)
    offs = start + np.concatenate([[0], np.cumsum(sizes)[:-1]]) if n else []
    for i in range(n):
        s = int(sizes[i])
        out[i] = int.from_bytes(buf[int(offs[i]):int(offs[i]) + s], "little", signed=True)
    return out


# ----------------------------------------------------------------------------------------------- schema
def validate_schema(content):
    """MindSpore's schema check: (ok, message)."""
    import re
    if not content:
        return False, "Schema content is empty."
    if not isinstance(content, dict):
        return False, "Schema content should be dict."
    for k, v in content.items():
        if not isinstance(k, str) or not re.match(r"^[0-9a-zA-Z_]+$", k):
            return False, f"Field '{k}' should be composed of '0-9' or 'a-z' or 'A-Z' or '_'."
        if not v or not isinstance(v, dict):
            return False, f"Field '{k}' should be dict."
        if len(v) == 1 and "type" in v:
            if v["type"] not in SCALAR_TYPES:
                return False, f"Field '{k}' contain illegal attribute '{v['type']}'."
        elif len(v) == 2 and "type" in v:
            if v["type"] not in ARRAY_TYPES:
                return False, f"Field '{k}' contain illegal attribute '{v['type']}'."
            if "shape" not in v:
                return False, f"Field '{v}' contains illegal attributes."
            shape = v["shape"]
            if not isinstance(shape, list) or not shape or not all(
                    isinstance(d, int) and not isinstance(d, bool) and (d > 0 or d == -1) for d in shape) \
                    or shape.count(-1) > 1:
                return False, (f"Field '{k}' contain illegal attribute '{shape}': a shape is a non-empty list of "
                               f"positive ints with at most one -1.")
        else:
            return False, f"Field '{v}' contains illegal attributes."
    return True, ""


def blob_fields_of(schema):
    """The fields stored in the blob: bytes and shaped arrays, in schema (name) order."""
    return [k for k in sorted(schema) if schema[k]["type"] == "bytes" or "shape" in schema[k]]


def compresses(schema):
    """Does the blob of ``schema`` compress its integer fields? (It has an int32/int64 array.)"""
    return any(v["type"] in ("int32", "int64") and "shape" in v for v in schema.values())


def canonical_schema(content):
    """The schema as MindSpore stores it: fields sorted, each ``{"shape": [...], "type": ...}``."""
    try:
        return {k: ({"shape": list(v["shape"]), "type": v["type"]} if "shape" in v else {"type": v["type"]})
                for k, v in sorted(content.items())}
    except (TypeError, KeyError) as e:
        raise MRMInvalidSchemaError(f"Schema is invalid: {e}") from None


# ----------------------------------------------------------------------------------------------- header
def _dumps(x):
    return json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def page_json(p):
    return {"end_row_id": p["end_row_id"], "page_id": p["page_id"], "page_size": p["page_size"],
            "page_type": p["page_type"], "page_type_id": p["page_type_id"],
            "row_group_ids": [{"id": i, "offset": o} for i, o in p["row_group_ids"]],
            "shard_id": p["shard_id"], "start_row_id": p["start_row_id"]}


def serialize_header(header_size, page_size, index_fields, pages, compression_size, schema, desc, addresses,
                     shard_id):
    """The header JSON of one shard, in MindSpore's key order, as bytes."""
    fields = None if not index_fields else [{"index_field": f, "schema_id": 0} for f in index_fields]
    parts = [
        ("header_size", _dumps(header_size)), ("index_fields", _dumps(fields)),
        ("page", _dumps([page_json(p) for p in pages])), ("page_size", _dumps(page_size)),
        ("compression_size", _dumps(compression_size)),
        ("schema", _dumps([{"blob_fields": blob_fields_of(schema), "desc": desc, "schema": schema}])),
        ("shard_addresses", _dumps(addresses)), ("shard_id", _dumps(shard_id)), ("statistics", "null"),
        ("version", _dumps(VERSION))]
    return ("{" + ",".join(f'"{k}":{v}' for k, v in parts) + "}").encode("utf-8")


def parse_header(data):
    """The header dict of a data file's first bytes; FormatError when it is not a MindRecord header."""
    if len(data) < 8:
        raise FormatError(f"it has {len(data)} bytes, fewer than the 8-byte header length")
    n = struct.unpack_from("<Q", data)[0]
    if n == 0 or n + 8 > len(data):
        raise FormatError(f"its header length {n} does not fit in the file ({len(data)} bytes)")
    try:
        h = json.loads(bytes(data[8:8 + n]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise FormatError(f"its header is not JSON ({e})") from None
    need = ("header_size", "page_size", "page", "schema", "shard_addresses", "shard_id")
    if not isinstance(h, dict) or any(k not in h for k in need):
        raise FormatError(f"its header lacks {[k for k in need if not isinstance(h, dict) or k not in h]}")
    if n + 8 > h["header_size"]:
        raise FormatError(f"its header ({n + 8} bytes) is larger than its header_size {h['header_size']}")
    if not h["schema"] or not isinstance(h["schema"], list) or "schema" not in h["schema"][0]:
        raise FormatError("its header has no schema")
    return h


def is_nan(v):
    return isinstance(v, float) and math.isnan(v)
