"""The ``.db`` index of a MindRecord data file (SQLite, through the standard ``sqlite3`` module): written with the
statements MindSpore's index generator runs, read back as one int64 array of row locations."""
import os
import sqlite3

import numpy as np

from ._format import SQL_TYPE, is_nan

_CREATE = ("CREATE TABLE INDEXES(  ROW_ID               INT  NOT NULL, PAGE_ID_RAW          INT  NOT NULL"
           ", PAGE_OFFSET_RAW      INT  NOT NULL, PAGE_OFFSET_RAW_END  INT  NOT NULL"
           ", ROW_GROUP_ID         INT  NOT NULL, PAGE_ID_BLOB         INT  NOT NULL"
           ", PAGE_OFFSET_BLOB     INT  NOT NULL, PAGE_OFFSET_BLOB_END INT  NOT NULL")
LOCATION = ("ROW_ID", "PAGE_ID_RAW", "PAGE_OFFSET_RAW", "PAGE_OFFSET_RAW_END", "PAGE_ID_BLOB", "PAGE_OFFSET_BLOB",
            "PAGE_OFFSET_BLOB_END")


def write_index(path, shard_name, schema, index_fields, rows):
    """Create the SQLite file ``path`` (which must not exist). ``rows``: (row_id, row_group_id, raw_page,
    raw_start, raw_end, blob_page, blob_start, blob_end, raw_dict) in MindSpore's order (raw pages, then their row
    groups)."""
    sql = _CREATE
    for k, f in enumerate(index_fields):
        sql += f",INC_{k} INT, {f}_0 {SQL_TYPE[schema[f]['type']]}"
    sql += ", PRIMARY KEY(ROW_ID" + "".join(f",INC_{k}" for k in range(len(index_fields))) + "));"
    cols = "ROW_ID,ROW_GROUP_ID,PAGE_ID_RAW,PAGE_OFFSET_RAW,PAGE_OFFSET_RAW_END,PAGE_ID_BLOB,PAGE_OFFSET_BLOB," \
           "PAGE_OFFSET_BLOB_END" + "".join(f",INC_{k},{f}_0" for k, f in enumerate(index_fields))
    insert = f"INSERT INTO INDEXES ({cols}) VALUES({','.join('?' * (8 + 2 * len(index_fields)))})"
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("DROP TABLE IF EXISTS INDEXES;")
        con.execute(sql)
        con.execute("DROP TABLE IF EXISTS SHARD_NAME;")
        con.execute("CREATE TABLE SHARD_NAME(NAME TEXT NOT NULL);")
        con.execute("INSERT INTO SHARD_NAME (NAME) VALUES (?);", (shard_name,))
        con.execute("BEGIN TRANSACTION;")
        values = []
        for r in rows:
            v = list(r[:8])
            raw = r[8]
            for f in index_fields:
                x = raw.get(f)
                v += [0, None if is_nan(x) else (float(x) if SQL_TYPE[schema[f]["type"]] == "REAL" else x)]
            values.append(v)
        con.executemany(insert, values)
        con.execute("END TRANSACTION;")
    finally:
        con.close()


class IndexFileError(Exception):
    """A ``.db`` that is missing or is not a MindRecord index (the reader turns it into a RuntimeError)."""


def read_index(path, data_path):
    """(shard name, int64 array of LOCATION columns ordered by ROW_ID) of the ``.db`` file ``path``; raises
    IndexFileError with a message naming ``path`` when it is not MindRecord's index."""
    if not os.path.exists(path):
        raise IndexFileError(f"the index file {path} of the MindRecord file {data_path} does not exist: a MindRecord "
                          f"file is read together with the .db file written next to it by FileWriter.commit().")
    try:
        con = sqlite3.connect(f"file:{_quote(path)}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise IndexFileError(f"cannot open the index file {path} of {data_path}: {e}") from None
    try:
        names = con.execute("SELECT NAME FROM SHARD_NAME").fetchall()
        rows = con.execute(f"SELECT {','.join(LOCATION)} FROM INDEXES ORDER BY ROW_ID").fetchall()
    except sqlite3.Error as e:
        raise IndexFileError(f"the index file {path} of {data_path} is not a MindRecord index (an SQLite database "
                          f"with the tables INDEXES and SHARD_NAME): {e}") from None
    finally:
        con.close()
    if len(names) != 1:
        raise IndexFileError(f"the index file {path} of {data_path} is corrupt: its SHARD_NAME table has "
                          f"{len(names)} rows, not 1.")
    try:
        loc = np.array(rows, dtype=np.int64).reshape(len(rows), len(LOCATION))
    except (TypeError, ValueError, OverflowError):
        raise IndexFileError(f"the index file {path} of {data_path} is corrupt: its INDEXES rows are not all "
                          f"integers.") from None
    return names[0][0], loc


def _quote(path):
    from urllib.parse import quote
    return quote(os.path.abspath(path))
