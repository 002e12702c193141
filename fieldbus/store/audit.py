"""The audit log: who did what to which record, when and why, hash-chained.

Each entry's hash covers its content and the previous entry's hash, and the newest hash
is also kept in ``meta`` in the same transaction, so editing, deleting or reordering any
entry — including cutting off the newest ones — shows in :func:`verify`.
Entries hold field names and codes, never personal data values — except the free text an
officer gives: a ``reason`` and a search ``query``. So that those need not outlive the
retention period, an entry's hash covers a digest of its reason and details
(``details_hash``) rather than the text itself: :func:`redact` removes the free text
later (marking the entry ``redacted_at``) and the chain still verifies, while a change to
an entry not redacted, or to who, what, when and which record of any entry, still shows.
Entries written before this form hashed the text itself (format 1, ``details_hash``
NULL); the schema upgrade re-hashes a chain that verifies into it (:func:`rechain`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from fieldbus.domain.rrn import mask_rrns

GENESIS = "0" * 64
_canonical = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_canonical_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")).encode
HEAD_KEY = "audit_head"
V1_HEAD_KEY = "audit_v1_head"  # the head before the upgrade re-hashed the chain
#: Keys of ``details`` that hold free text an officer typed (redacted like ``reason``).
FREE_TEXT = ("query",)


def _digest(seq: int, at: str, officer_id: str | None, action: str, record_type: str | None,
            record_id: str | None, reason: str | None, details: str, prev_hash: str) -> str:
    canonical = _canonical(
        [seq, at, officer_id, action, record_type, record_id, reason, details, prev_hash])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _details_digest(reason: str | None, details: str) -> str:
    return hashlib.sha256(_canonical([reason, details]).encode("utf-8")).hexdigest()


def _digest2(seq: int, at: str, officer_id: str | None, action: str, record_type: str | None,
             record_id: str | None, details_hash: str, prev_hash: str) -> str:
    canonical = _canonical(
        [2, seq, at, officer_id, action, record_type, record_id, details_hash, prev_hash])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def masked(value: Any) -> Any:
    """``value`` (a reason, a details dict) with resident registration numbers masked in
    every string: an officer's ``--reason`` or search query may hold one, and the audit
    log outlives the case (docs/security.md §6)."""
    if isinstance(value, str):
        return mask_rrns(value)[0]
    if isinstance(value, dict):
        return {key: masked(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [masked(item) for item in value]
    return value


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
        reason, details = masked(reason), masked(details)
        seq, prev = self.seq + 1, self.head
        at_text = at.isoformat(timespec="microseconds")
        details_text = _canonical_sorted(details or {})
        details_hash = _details_digest(reason, details_text)
        digest = _digest2(seq, at_text, officer_id, action, record_type, record_id,
                          details_hash, prev)
        self.rows.append((seq, at_text, officer_id, action, record_type, record_id, reason,
                          details_text, details_hash, prev, digest))
        self.seq, self.head = seq, digest
        return digest

    def close(self) -> None:
        """Write the entries and the new head (still inside the caller's transaction)."""
        self.db.conn.executemany(
            "INSERT INTO audit (seq, at, officer_id, action, record_type, record_id, reason, "
            "details, details_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.rows)
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


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    """(sequence, hash) of the newest entry — (0, GENESIS) for an empty log: what the hub
    is told, so a later rewrite of the history can be detected."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def _holds(seq, at, officer_id, action, rtype, rid, reason, details, details_hash,
           redacted_at, prev_hash, digest) -> bool:
    if details_hash is None:  # format 1: the text itself is hashed
        return _digest(seq, at, officer_id, action, rtype, rid, reason, details,
                       prev_hash) == digest
    if _digest2(seq, at, officer_id, action, rtype, rid, details_hash, prev_hash) != digest:
        return False
    return redacted_at is not None or _details_digest(reason, details) == details_hash


_ROWS = ("SELECT seq, at, officer_id, action, record_type, record_id, reason, details, "
         "details_hash, redacted_at, prev_hash, hash FROM audit ORDER BY seq")


def verify(db: sqlite_utils.Database) -> ChainReport:
    """Walk the whole chain; report the first entry that does not hold."""
    prev, expected_seq, count = GENESIS, 1, 0
    for row in db.execute(_ROWS):
        seq, prev_hash, digest = row[0], row[10], row[11]
        if seq != expected_seq:
            return ChainReport(False, count, expected_seq, f"entry {expected_seq} is missing")
        if prev_hash != prev:
            return ChainReport(False, count, seq, "does not follow the entry before it")
        if not _holds(*row):
            return ChainReport(False, count, seq, "its content was changed")
        prev, expected_seq, count = digest, seq + 1, count + 1
    head = db.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    recorded = head[0] if head else None
    actual = f"{count}:{prev}" if count else None
    if recorded != actual:
        return ChainReport(False, count, count + 1, "newer entries were removed")
    return ChainReport(True, count)


def holds_after(db: sqlite_utils.Database, seq: int) -> bool:
    """Whether the entries after entry ``seq`` hold and follow it, up to the head kept in
    ``meta`` (the whole chain for 0). What a sync checks before it reports its head: the
    entries up to ``seq`` are covered by the head the hub vouched for — changing them
    changes entry ``seq``'s hash — so only the newer ones need walking (a walk of the
    whole chain costs seconds once it holds 100,000 entries)."""
    if seq <= 0:
        return verify(db).ok
    row = db.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    if row is None:
        return False
    prev, expected = row[0], seq + 1
    for entry in db.execute(_ROWS.replace(" ORDER BY", " WHERE seq > ? ORDER BY"), (seq,)):
        if entry[0] != expected or entry[10] != prev or not _holds(*entry):
            return False
        prev, expected = entry[11], expected + 1
    recorded = db.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    return recorded is not None and recorded[0] == f"{expected - 1}:{prev}"


def rechain(db: sqlite_utils.Database) -> bool:
    """Re-hash a format-1 chain that verifies into the current form, so that its entries
    can be redacted too; the old head is kept in ``meta`` (``audit_v1_head``). A chain
    that does not verify is left as it is, and :func:`verify` goes on naming its first bad
    entry. Runs once, in the schema upgrade's transaction; True when it re-hashed."""
    if not verify(db).ok:
        return False
    old = db.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    prev, seq, updates = GENESIS, 0, []
    for row in db.execute(_ROWS).fetchall():
        seq, at, officer_id, action, rtype, rid, reason, details = row[:8]
        details_hash = _details_digest(reason, details)
        digest = _digest2(seq, at, officer_id, action, rtype, rid, details_hash, prev)
        updates.append((details_hash, prev, digest, seq))
        prev = digest
    if not updates:
        return False
    db.conn.executemany("UPDATE audit SET details_hash = ?, prev_hash = ?, hash = ? "
                        "WHERE seq = ?", updates)
    for key, value in ((V1_HEAD_KEY, old[0] if old else None), (HEAD_KEY, f"{seq}:{prev}")):
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
    return True


#: Entries that still hold free text (the partial index ``audit_free_text``).
_FREE = ("redacted_at IS NULL AND details_hash IS NOT NULL AND (reason IS NOT NULL OR "
         "json_extract(details, '$.query') IS NOT NULL)")


def free_text(db: sqlite_utils.Database, *, before: datetime | None = None,
              record_ids: list[str] = ()) -> list[tuple[int, str]]:
    """(seq, details) of the entries still holding free text that were written before
    ``before`` or are about one of ``record_ids`` (an indexed query: cheap when none)."""
    found: list[tuple[int, str]] = []
    if before is not None:
        found += db.execute(f"SELECT seq, details FROM audit WHERE {_FREE} AND at < ?",
                            (before.isoformat(timespec="microseconds"),)).fetchall()
    for start in range(0, len(record_ids), 500):
        part = list(record_ids[start:start + 500])
        found += db.execute(f"SELECT seq, details FROM audit WHERE {_FREE} AND record_id IN "
                            f"({','.join('?' * len(part))})", part).fetchall()
    return list(dict(found).items())


def redact(db: sqlite_utils.Database, entries: list[tuple[int, str]], *, at: datetime) -> int:
    """Remove the free text (``reason``, the :data:`FREE_TEXT` keys of ``details``) of
    ``entries`` (from :func:`free_text`); who, what, when and which record stay, and the
    chain still verifies. Inside the caller's write transaction; returns the count."""
    stamp = at.isoformat(timespec="microseconds")
    updates = [(_canonical_sorted({k: v for k, v in json.loads(details).items()
                                   if k not in FREE_TEXT}), stamp, seq)
               for seq, details in entries]
    db.conn.executemany("UPDATE audit SET reason = NULL, details = ?, redacted_at = ? "
                        "WHERE seq = ? AND redacted_at IS NULL", updates)
    return len(updates)
