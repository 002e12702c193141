"""The outbox: every change that must reach the hub, written in the change's transaction.

The sync client reads pending rows in order, and marks them acknowledged or quarantined;
a row is never deleted before the hub has acknowledged it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import sqlite_utils


def canonical_json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def enqueue(db: sqlite_utils.Database, *, record_type: str, record_id: str, version: int,
            base_version: int | None, payload: dict, at: datetime) -> None:
    text = canonical_json(payload)
    db.execute(
        "INSERT INTO outbox (record_type, record_id, version, base_version, payload, "
        "content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record_type, record_id, version, base_version, text,
         hashlib.sha256(text.encode("utf-8")).hexdigest(), at.isoformat()),
    )


def pending_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
