"""The hub's retention: destroying a finished case's personal data once its period is over.

The hub is the centre's record of every case, so it keeps a case whole far longer than a
laptop does (30 days after the hub has it): for the period of the centre's record
schedule, counted as 공공기록물 관리에 관한 법률 시행령 제26조③ counts it — from 1 January
of the year after the record was finished, in whole years. A complaint is finished by the
review that approved (forwarded) or rejected it (``records.finished_at``), a counsel
session when the hub received it (``synced_at``). A record finished in year Y (Korean
time: the year turns at 00:00 KST) with a period of N years is destroyed once now is at
or past 1 January Y+1+N, 00:00 KST. The period and its basis are data,
``resources/rules/hub-retention.json`` (개인정보 보호법 제21조; the period, 10 years, is a
setting marked ``"verified": false`` there). Then the petitioner or appellant, title,
body, notes, signature and review note are destroyed, with every earlier version
(``record_versions``), every conflicting edit kept for a person (``conflicts``), the
review notes in the pull feed and the attachments no other record names; the record keeps
its receipt number, kind, status and dates, so the citizen's QR page and the centre's
figures still answer. Every purge is audited (``record_purged``, by receipt number).

A purged record keeps its ``content_hash``: a laptop pushing that version again is
answered "already held", not stored anew. On SQLite ``secure_delete`` (``db.connect``)
zeroes the freed bytes and a TRUNCATE checkpoint empties the write-ahead log; on
PostgreSQL a VACUUM of the touched tables lets the space be reused (docs/security.md §7
says what that does not guarantee).

This module reads a JSON file of ``resources/`` (the data-only package
``fieldbus_resources``), located by :mod:`sync.resources` like every rule table.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync.hub.auth import record_audit
from sync.resources import resource_path
from sync.hub.migrations import (blob_owners, blobs, case_events, changes, conflicts,
                                 record_versions, records)

RULES = ("rules", "hub-retention.json")
log = logging.getLogger("fieldbus_hub")


#: The hub's stamps are UTC; the year of 제26조③ is Korea's (UTC+9, no summer time).
KST = _dt.timezone(_dt.timedelta(hours=9), "KST")


@dataclass(frozen=True)
class Rule:
    years: int  # whole years from 1 January after the finishing year (제26조③)
    basis: str
    version: str
    kept_content: tuple[str, ...]
    verified: bool


def _rules_file() -> Path:
    return resource_path(*RULES)


@cache
def rule(kind: str = "complaint") -> Rule:
    """The rule for ``"complaint"`` or ``"counsel"`` records."""
    path = _rules_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = data[kind]
    years = entry.get("years")
    if not isinstance(years, int) or isinstance(years, bool) or years < 1:
        # never a silently wrong period: a "days" left from before is refused too
        raise ValueError(f"{path}: {kind}: 'years' must be an integer of at least 1, "
                         f"not {years!r}")
    return Rule(years=years, basis=entry["basis"], version=data["version"],
                kept_content=tuple(entry["kept_content"]),
                verified=entry.get("verified") is True)


def _stamp(at: _dt.datetime) -> str:
    return at.astimezone(_dt.UTC).isoformat(timespec="milliseconds")


def cutoff(now: _dt.datetime, years: int) -> str:
    """The hub stamp before which a record finished is due at ``now``.

    Finished in year Y (KST), kept ``years`` whole years from 1 January Y+1: due once
    now >= 1 January Y+1+years 00:00 KST, i.e. once Y <= now's KST year - years - 1, i.e.
    finished before 1 January (now's KST year - years) 00:00 KST. That instant in UTC
    (the previous day, 15:00) written as the hub writes its stamps, so the comparison
    is one string comparison on the column (and its index)."""
    start = _dt.datetime(now.astimezone(KST).year - years, 1, 1, tzinfo=KST)
    return _stamp(start)


def due(conn: sa.Connection, now: _dt.datetime) -> list[sa.Row]:
    """The records whose period is over at ``now``: complaints finished, counsel sessions
    received, in a year at least their rule's years before the year before now's
    (:func:`cutoff`)."""
    finished = cutoff(now, rule("complaint").years)
    received = cutoff(now, rule("counsel").years)
    return conn.execute(
        sa.select(records.c.id, records.c.type, records.c.receipt_no, records.c.content)
        .where(records.c.purged_at.is_(None), sa.or_(
            sa.and_(records.c.type == "complaint", records.c.finished_at.is_not(None),
                    records.c.finished_at < finished),
            sa.and_(records.c.type == "counsel", records.c.synced_at < received)))
        .order_by(records.c.id).with_for_update()).all()


def _kept(record_type: str, content: dict[str, Any]) -> dict[str, Any]:
    kept = {key: content[key] for key in rule(record_type).kept_content if key in content}
    if record_type == "complaint":
        kept["attachments"] = []  # a listing reads it
    return {**kept, "purged": True}


def _shas(text: str) -> set[str]:
    """The blobs a record's content names: its attachments and its signature."""
    content = json.loads(text)
    if not isinstance(content, dict):
        return set()
    named = [*(content.get("attachments") or ()), content.get("signature")]
    return {ref["sha256"] for ref in named if isinstance(ref, dict)
            and isinstance(ref.get("sha256"), str)}


def purge(engine: sa.Engine, *, now: _dt.datetime | None = None,
          actor: str = "retention") -> list[str]:
    """Destroy the personal data of every record that is due; their receipt numbers."""
    now = now or _dt.datetime.now(_dt.UTC)
    stamp = _stamp(now)
    with engine.begin() as conn:
        rows = due(conn, now)
        if not rows:
            return []
        ids = [row.id for row in rows]
        shas: set[str] = set()
        for row in rows:
            shas |= _shas(row.content)
        for table in (record_versions, conflicts):
            for (text,) in conn.execute(sa.select(table.c.content)
                                        .where(table.c.record_id.in_(ids))):
                shas |= _shas(text)
        for row in rows:
            kept = json.dumps(_kept(row.type, json.loads(row.content)), ensure_ascii=False,
                              sort_keys=True, separators=(",", ":"))
            conn.execute(records.update().where(records.c.id == row.id).values(
                content=kept, review_note=None, title=None, search_text=None, search_grams=None,
                purged_at=stamp))
            record_audit(conn, actor, "record_purged", row.receipt_no or row.id)
        conn.execute(record_versions.delete().where(record_versions.c.record_id.in_(ids)))
        conn.execute(conflicts.delete().where(conflicts.c.record_id.in_(ids)))
        # The history keeps who did what and when; the words written about the case go.
        conn.execute(case_events.update().where(case_events.c.record_id.in_(ids))
                     .values(note=None))
        _forget_review_notes(conn, ids)
        _drop_unnamed_blobs(conn, shas)
    _reclaim(engine)
    return [row.receipt_no or row.id for row in rows]


def _forget_review_notes(conn: sa.Connection, ids: list[str]) -> None:
    """The pull feed's review changes carry the supervisor's note and the step's: emptied."""
    for seq, body in conn.execute(sa.select(changes.c.seq, changes.c.body)
                                  .where(changes.c.record_id.in_(ids))).all():
        change = json.loads(body)
        if change.get("review_note") is not None or change.get("note") is not None:
            change["review_note"] = None
            change["note"] = None
            conn.execute(changes.update().where(changes.c.seq == seq).values(
                body=json.dumps(change, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":"))))


def _drop_unnamed_blobs(conn: sa.Connection, shas: set[str]) -> None:
    """Delete the purged records' attachments that no other record, version or kept
    conflict names. One pass over the contents that can name one (only when the purged
    records had attachments at all)."""
    if not shas:
        return
    named: set[str] = set()
    for table in (records, record_versions, conflicts):
        for (text,) in conn.execute(sa.select(table.c.content).where(
                sa.or_(*[table.c.content.contains(sha) for sha in shas]))):
            named |= _shas(text) & shas
    gone = list(shas - named)
    if gone:
        conn.execute(blob_owners.delete().where(blob_owners.c.sha256.in_(gone)))
        conn.execute(blobs.delete().where(blobs.c.sha256.in_(gone)))


def _reclaim(engine: sa.Engine) -> None:
    """Let the destroyed bytes leave the files: SQLite copies the write-ahead log back
    and truncates it (the freed pages were zeroed by secure_delete); PostgreSQL vacuums."""
    connection = engine.raw_connection()
    driver = connection.driver_connection
    try:
        cursor = connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            driver.autocommit = True  # VACUUM cannot run inside a transaction
            for table in ("records", "record_versions", "conflicts", "changes", "blobs"):
                cursor.execute(f"VACUUM {table}")
        cursor.close()
    except Exception as exc:  # the data is destroyed already; the space comes back later
        log.warning("reclaiming space after a purge failed: %s", type(exc).__name__)
    finally:
        if engine.dialect.name != "sqlite":
            driver.autocommit = False
        connection.close()


class Daily:
    """Runs :func:`purge` now and then every day, on a thread of its own, while the hub
    serves (``fieldbus-hub serve``), and deletes the uploads that expired
    (:func:`sync.hub.uploads.expire`). A failed purge is logged and tried the next day."""

    def __init__(self, engine: sa.Engine, interval: float = 86400.0):
        self._engine, self._interval = engine, interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fieldbus-hub-retention",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(30)

    def _run(self) -> None:
        while True:
            try:
                purged = purge(self._engine)
                from sync.hub import uploads  # (imports push, which this module must not)

                expired = uploads.expire(self._engine)
                if expired:
                    log.info("uploads: %d unfinished upload(s) expired", expired)
                if purged:
                    log.info("retention: personal data of %d record(s) destroyed",
                             len(purged))
            except Exception as exc:  # noqa: BLE001 - tried again tomorrow
                log.warning("retention purge failed: %s", type(exc).__name__)
            if self._stopping.wait(self._interval):
                return
