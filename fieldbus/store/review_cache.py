"""The supervisor's last fetched review queue, kept inside the encrypted store.

The review workspace (:mod:`fieldbus.services.review_desk`) fetches queue pages, case
files and dashboard summaries from the hub. A bus loses its signal often, so the last
answer to each question is kept here, under the desk's key for it, and stays readable
offline until the next connection. Those answers hold petitioners' personal data, so they
live nowhere but in the SQLCipher store (never a cache file beside it: a copied data
folder must give nothing away) and are destroyed like the rest of the store's personal
data: :func:`purge` runs with every retention run
(:func:`fieldbus.store.retention.purge`, at each start) and removes the copies older than
the ``review_cache`` rule (``resources/rules/retention.json``: 7 days).

Writing a copy is not audited: it is a copy of what the hub served, and the hub audited
serving it. Reading one is, because offline the hub never hears of that look.

This module reads the rule from :mod:`sync.rule_tables` itself rather than through
:mod:`fieldbus.store.retention`, which calls :func:`purge`: no import cycle.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sync import rule_tables
from fieldbus.domain.records import Officer
from fieldbus.store import audit
from fieldbus.store.store import Store

RULE = "review_cache"  # the entry of resources/rules/retention.json


def keep(store: Store, key: str, body: dict | list, *, by: Officer | None) -> None:
    """Keep ``body`` (the hub's answer, as JSON) under ``key``, replacing the older copy,
    stamped with the store's clock. ``by`` is who fetched it (not recorded: see above)."""
    del by  # the hub's audit of the fetch names them
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    with store.write():
        store.db.execute(
            "INSERT INTO review_cache (key, body, fetched_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET body = excluded.body, "
            "fetched_at = excluded.fetched_at",
            (key, text, store.clock().isoformat()))


def read(store: Store, key: str, *, by: Officer | None) -> tuple[Any, str] | None:
    """(body, fetched_at as ISO 8601) of the copy under ``key``, or None; audited."""
    row = store.db.execute("SELECT body, fetched_at FROM review_cache WHERE key = ?",
                           (key,)).fetchone()
    if row is None:
        return None
    with store.write():
        audit.append(store.db, at=store.clock(), officer_id=by.id if by else None,
                     action="review_cache_read", details={"key": key})
    return json.loads(row[0]), row[1]


def forget(store: Store, *, by: Officer | None) -> int:
    """Destroy every copy (the supervisor signs out of the hub for good, or another hub
    account signs in: its queue is not theirs to read). Audited; the count destroyed."""
    with store.write():
        count = store.db.execute("DELETE FROM review_cache").rowcount
        audit.append(store.db, at=store.clock(), officer_id=by.id if by else None,
                     action="review_cache_cleared", details={"entries": count})
    _checkpoint(store, count)
    return count


def purge(store: Store, by: Officer | None) -> int:
    """Destroy the copies fetched more than the rule's days ago; audited when there
    were any. One indexed query when nothing is due, so it runs at every start."""
    days, version = _rule()
    cutoff = store.clock() - timedelta(days=days)
    # A day's slack in the indexed text comparison for other UTC offsets; exact below.
    candidates = store.db.execute(
        "SELECT key, fetched_at FROM review_cache WHERE fetched_at <= ?",
        ((cutoff + timedelta(days=1)).isoformat(),)).fetchall()
    due = [key for key, at in candidates if _older(at, cutoff)]
    if not due:
        return 0
    with store.write():
        store.db.conn.executemany("DELETE FROM review_cache WHERE key = ?",
                                  [(key,) for key in due])
        audit.append(store.db, at=store.clock(), officer_id=by.id if by else None,
                     action="review_cache_purged",
                     details={"entries": len(due), "rule": version})
    _checkpoint(store, len(due))
    return len(due)


def _rule() -> tuple[int, str]:
    """(days, table version) of the rule; the table is checked whole on first read."""
    table = rule_tables.retention_table()
    return int(table[RULE]["days"]), str(table["version"])


def _older(fetched_at: str, cutoff: datetime) -> bool:
    try:
        return datetime.fromisoformat(fetched_at) < cutoff
    except ValueError:
        return True  # a stamp this version cannot read: the copy's age is unknown, so due


def _checkpoint(store: Store, deleted: int) -> None:
    """Let the deleted pages leave the write-ahead log too (``secure_delete`` has zeroed
    them in the file; in the log they are encrypted anyway)."""
    if deleted:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
