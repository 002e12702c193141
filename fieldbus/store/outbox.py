"""The outbox: every change that must reach the hub, written in the change's transaction.

A row names the record, the version it reached and the version it was edited from; the
sync client builds what it sends from the record itself. The client reads pending rows
in order and marks them acknowledged or quarantined; a row is never deleted before the
hub has acknowledged it.
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils


def enqueue(db: sqlite_utils.Database, *, record_type: str, record_id: str, version: int,
            base_version: int | None, at: datetime) -> None:
    db.execute(
        "INSERT INTO outbox (record_type, record_id, version, base_version, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (record_type, record_id, version, base_version, at.isoformat()),
    )


def pending_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
