"""The audit log: who did what to which record, when and why, hash-chained.

Each entry's hash covers its content and the previous entry's hash, and the newest hash
is also kept in ``meta`` in the same transaction, so editing, deleting or reordering any
entry — including cutting off the newest ones — shows in :func:`verify`.
Entries hold field names and codes, never personal data values.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

GENESIS = "0" * 64
_canonical = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_canonical_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")).encode
HEAD_KEY = "audit_head"


def _digest(seq: int, at: str, officer_id: str | None, action: str, record_type: str | None,
            record_id: str | None, reason: str | None, details: str, prev_hash: str) -> str:
    canonical = _canonical(
        [seq, at, officer_id, action, record_type, record_id, reason, details, prev_hash])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Chain:
    """Appends entries within one write transaction, reading the head once.

    :meth:`close` records the new head in ``meta``; an import of thousands of cases
    writes it once, not once a case.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        self.seq, self.head = (row[0], row[1]) if row else (0, GENESIS)
        self.rows: list[tuple] = []

    def append(self, *, at: datetime, officer_id: str | None, action: str,
               record_type: str | None = None, record_id: str | None = None,
               reason: str | None = None, details: dict | None = None) -> str:
        seq, prev = self.seq + 1, self.head
        at_text = at.isoformat(timespec="microseconds")
        details_text = _canonical_sorted(details or {})
        digest = _digest(seq, at_text, officer_id, action, record_type, record_id, reason,
                         details_text, prev)
        self.rows.append((seq, at_text, officer_id, action, record_type, record_id, reason,
                          details_text, prev, digest))
        self.seq, self.head = seq, digest
        return digest

    def close(self) -> None:
        """Write the entries and the new head (still inside the caller's transaction)."""
        self.db.conn.executemany(
            "INSERT INTO audit (seq, at, officer_id, action, record_type, record_id, reason, "
            "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.rows)
        self.rows.clear()
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (HEAD_KEY, f"{self.seq}:{self.head}"),
        )


def append(db: sqlite_utils.Database, **entry) -> str:
    """Add one entry; must run inside the caller's write transaction."""
    chain = Chain(db)
    digest = chain.append(**entry)
    chain.close()
    return digest


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad: int | None = None
    problem: str | None = None


def verify(db: sqlite_utils.Database) -> ChainReport:
    """Walk the whole chain; report the first entry that does not hold."""
    prev, expected_seq, count = GENESIS, 1, 0
    cursor = db.execute(
        "SELECT seq, at, officer_id, action, record_type, record_id, reason, details, "
        "prev_hash, hash FROM audit ORDER BY seq"
    )
    for seq, at, officer_id, action, rtype, rid, reason, details, prev_hash, digest in cursor:
        if seq != expected_seq:
            return ChainReport(False, count, expected_seq, f"entry {expected_seq} is missing")
        if prev_hash != prev:
            return ChainReport(False, count, seq, "does not follow the entry before it")
        if _digest(seq, at, officer_id, action, rtype, rid, reason, details, prev_hash) != digest:
            return ChainReport(False, count, seq, "its content was changed")
        prev, expected_seq, count = digest, seq + 1, count + 1
    head = db.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    recorded = head[0] if head else None
    actual = f"{count}:{prev}" if count else None
    if recorded != actual:
        return ChainReport(False, count, count + 1, "newer entries were removed")
    return ChainReport(True, count)
