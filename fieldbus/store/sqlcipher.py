"""The one way a SQLCipher connection is made.

sqlite-utils catches the ``OperationalError`` of the driver it imported. It prefers a
module named ``pysqlite3``; registering sqlcipher3 under that name before sqlite-utils is
first imported makes its internal ``except`` clauses catch SQLCipher's errors rather than
the standard library's, which would never be raised here. Import this module before
anything imports ``sqlite_utils``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

if "sqlite_utils" in sys.modules and sys.modules.get("pysqlite3") is not sqlcipher3:
    raise ImportError("sqlite_utils was imported before fieldbus.store.sqlcipher")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = dbapi2

import sqlite_utils  # noqa: E402  (must follow the registration above)

DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError
IntegrityError = dbapi2.IntegrityError

#: Durability over speed: a citizen holding a receipt means the case is on disk.
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA temp_store = MEMORY",
    # 64 MiB of decrypted pages: with 100,000 cases the indexes no longer fit the 8 MiB
    # default, and every miss is a read plus an AES decryption.
    "PRAGMA cache_size = -65536",
)


def connect(path: Path, key: bytes) -> sqlite_utils.Database:
    """Open (or create) the encrypted database at ``path`` with a raw 256-bit key.

    Raises ``DatabaseError`` when the key does not open the file. The key is passed as a
    raw hex key, so SQLCipher skips its passphrase KDF: the key is already random.
    """
    if len(key) != 32:
        raise ValueError("store key must be 32 bytes")
    conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
        for pragma in PRAGMAS:
            conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn, execute_plugins=False)


_DISK_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN",
                "SQLITE_PERM", "SQLITE_BUSY", "SQLITE_LOCKED")


def is_disk_error(exc: BaseException) -> bool:
    """True for the errors that mean the disk refused a write, not that our SQL is wrong."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(exc, DatabaseError) and name:  # the result code, not words in a message
        return name.startswith(_DISK_ERRORS)
    text = str(exc).lower()
    return isinstance(exc, DatabaseError) and any(
        word in text
        for word in ("disk", "full", "readonly", "read-only", "i/o", "unable to open", "locked")
    )
