"""The outbox: every change that must reach the hub, written in the change's transaction.

A row names the record, the version it reached and the version it was edited from; the
sync client builds what it sends from the record itself. The client reads pending rows
in order and marks them acknowledged or quarantined; a row is never deleted before the
hub has acknowledged it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils


@dataclass(frozen=True)
class Entry:
    record_type: str
    record_id: str
    version: int
    base_version: int | None
    at: datetime


def enqueue_many(db: sqlite_utils.Database, entries: Iterable[Entry]) -> None:
    db.conn.executemany(
        "INSERT INTO outbox (record_type, record_id, version, base_version, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(e.record_type, e.record_id, e.version, e.base_version, e.at.isoformat())
         for e in entries],
    )


def enqueue(db: sqlite_utils.Database, *, record_type: str, record_id: str, version: int,
            base_version: int | None, at: datetime) -> None:
    enqueue_many(db, [Entry(record_type, record_id, version, base_version, at)])


def pending_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
