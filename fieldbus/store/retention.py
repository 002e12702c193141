"""Retention: destroying a case's personal data once the centre holds it (issue 5 item 6).

A laptop on a bus can be lost or stolen, so it keeps personal data no longer than it needs
it (개인정보 보호법 제21조; the rule and its basis are in ``resources/rules/retention.json``).
The clock starts when the hub acknowledged the case's current version (``synced_at``);
after the retention period the petitioner's details, the title and body, the supervisor's
note, the signature, the receipt's guidance texts (``intake_extra``) and the attachments
are destroyed (blobs no other case names are
deleted; ``secure_delete`` overwrites their pages), and only the receipt number, status
and masked name stay — enough to answer "what became of B07A-…?" at the next visit.
Counsel sessions follow the same rule: the appellant's details, the confidential notes,
the next step and the disposition's title go; the number, outcome, appeal deadline,
masked name and the disposition's agency and dates stay.

A case with a local change the hub has not acknowledged is never purged. Purging is
audited per case, idempotent, and cheap when nothing is due (one indexed query), so it
runs at every start.

Destruction is complete (issue 9 §7; docs/security.md): the search index forgets the
text too (FTS5 ``secure-delete``, schema), the free text of the audit entries about a
purged record goes with it, and the same run destroys drafts past their limit
(``draft``), the supervisor's offline copies of the review queue past theirs
(``review_cache``, :mod:`fieldbus.store.review_cache`), the free text of audit entries
older than ``audit_details`` (a search query, a reason), and receipt PDFs that older
versions left in the data folder (:mod:`fieldbus.store.receipt_files`).

The laptop keeps no institutional record: the centre's record of a case follows the
records rule (``records`` in the table: 공공기록물 관리에 관한 법률 시행령 제26조③, the
period counted from 1 January of the year after the case was finished, its length — 10
years — a configurable value marked unverified). :func:`record_period_start` and
:func:`record_destroy_on` are that arithmetic. The table is checked whole on first read
(:mod:`sync.rule_tables`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sync import rule_tables
from fieldbus.domain.records import Officer
from fieldbus.store import audit
from fieldbus.store.store import Store


@dataclass(frozen=True)
class Rule:
    days: int
    basis: str
    version: str


@cache
def rule(kind: str = "complaint") -> Rule:
    """The rule for ``"complaint"`` or ``"counsel"`` records, ``"draft"``,
    ``"review_cache"`` or ``"audit_details"``."""
    data = rule_tables.retention_table()
    entry = data[kind]
    return Rule(days=int(entry["days"]), basis=entry["basis"], version=data["version"])


@dataclass(frozen=True)
class RecordsRule:
    """How long the centre keeps a case record, from when (``records`` in the table)."""

    years: int
    verified: bool  # False: the ACRC's records schedule was not found; a setting
    why: str
    law: rule_tables.Law


@cache
def records_rule() -> RecordsRule:
    entry = rule_tables.retention_table()["records"]
    law = rule_tables.Entry("resources/rules/retention.json", "records", entry).law()
    return RecordsRule(years=int(entry["years"]), verified=bool(entry["verified"]),
                       why=entry["why"], law=law)


def record_period_start(finished_on: date) -> date:
    """시행령 제26조③: the period starts on 1 January of the year after the one the case
    was finished in (처리가 완결된 날이 속하는 다음 연도의 1월 1일)."""
    return date(finished_on.year + 1, 1, 1)


def record_destroy_on(finished_on: date, years: int | None = None) -> date:
    """The first day the record may be destroyed: ``years`` whole years after the start
    (kept through 31 December of the last one). ``years`` defaults to the table's."""
    start = record_period_start(finished_on)
    return date(start.year + (records_rule().years if years is None else years), 1, 1)


def _due(store: Store, table: str, number: str, days: int) -> list[tuple[str, str]]:
    cutoff = store.clock() - timedelta(days=days)
    # A case whose attachments or signature the hub has not received yet (protocol 2:
    # the case went first) keeps them until they are sent.
    unsent = ("AND id NOT IN (SELECT record_id FROM blob_uploads) AND id NOT IN (SELECT "
              "a.complaint_id FROM attachments a JOIN blob_uploads u USING (sha256))"
              if table == "complaints" else "")
    rows = store.db.execute(
        f"SELECT id, {number}, synced_at FROM {table} WHERE purged_at IS NULL AND "
        f"synced_at IS NOT NULL AND synced_at <= ? AND sync_state = 'synced' {unsent}",
        # a day's slack in the indexed filter for offsets; the exact test is below
        ((cutoff + timedelta(days=1)).isoformat(),)).fetchall()
    return [(rid, num) for rid, num, at in rows if datetime.fromisoformat(at) <= cutoff]


def due(store: Store, *, days: int | None = None) -> list[tuple[str, str]]:
    """(id, receipt number) of the cases whose personal data is due for destruction."""
    return _due(store, "complaints", "receipt_no", rule().days if days is None else days)


def due_counsel(store: Store, *, days: int | None = None) -> list[tuple[str, str]]:
    """(id, session number) of the counsel sessions due for destruction."""
    return _due(store, "counsel_sessions", "number",
                rule("counsel").days if days is None else days)


def purge(store: Store, by: Officer | None, *, days: int | None = None) -> list[str]:
    """Destroy the personal data of every case and counsel session that is due, the
    drafts, the review workspace's offline copies and audit free text past their limits
    and leftover receipt files; the receipt and session numbers purged."""
    from fieldbus.store import receipt_files, review_cache

    numbers = _purge_complaints(store, by, days=days) + _purge_counsel(store, by, days=days)
    _purge_drafts(store, by)
    review_cache.purge(store, by)
    _redact_audit(store, by)
    receipt_files.destroy_leftovers(store.data_dir)
    return numbers


def _purge_drafts(store: Store, by: Officer | None) -> None:
    from fieldbus.store import drafts

    limit = rule("draft")
    before = store.clock() - timedelta(days=limit.days)
    stale = drafts.stale(store, before)
    if not stale:
        return
    now = store.clock()
    with store.write():
        chain = audit.Chain(store.db)
        for officer_id, prefix in stale:
            store.db.execute("DELETE FROM meta WHERE key = ?", (f"{prefix}:{officer_id}",))
            chain.append(at=now, officer_id=by.id if by else None, action="draft_purged",
                         record_type="officer", record_id=officer_id,
                         details={"form": drafts.PREFIXES.get(prefix, prefix),
                                  "rule": limit.version})
        chain.close()


def _redact_audit(store: Store, by: Officer | None) -> None:
    limit = rule("audit_details")
    before = store.clock() - timedelta(days=limit.days)
    due = audit.free_text(store.db, before=before)
    if not due:
        return
    now = store.clock()
    with store.write():
        redacted = audit.redact(store.db, due, at=now)
        audit.append(store.db, at=now, officer_id=by.id if by else None,
                     action="audit_redacted", details={"entries": redacted,
                                                       "rule": limit.version})


def _purge_counsel(store: Store, by: Officer | None, *, days: int | None) -> list[str]:
    sessions = due_counsel(store, days=days)
    if not sessions:
        return []
    now = store.clock()
    numbers = dict(sessions)
    with store.write():
        marks = ",".join("?" * len(numbers))
        rows = store.db.execute(
            f"SELECT id, disposition FROM counsel_sessions WHERE id IN ({marks}) AND "
            "purged_at IS NULL AND sync_state = 'synced'", list(numbers)).fetchall()
        audit.redact(store.db, audit.free_text(store.db, record_ids=[r[0] for r in rows]),
                     at=now)
        chain = audit.Chain(store.db)
        for sid, disposition in rows:
            kept = {**json.loads(disposition), "title": ""}
            store.db.execute(
                "UPDATE counsel_sessions SET appellant = NULL, notes = NULL, next_step = NULL, "
                "disposition = ?, purged_at = ? WHERE id = ?",
                (json.dumps(kept, ensure_ascii=False), now.isoformat(), sid))
            chain.append(at=now, officer_id=by.id if by else None, action="counsel_purged",
                         record_type="counsel_session", record_id=sid,
                         details={"number": numbers[sid], "rule": rule("counsel").version})
        chain.close()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return [numbers[sid] for sid, _ in rows]


def _purge_complaints(store: Store, by: Officer | None, *, days: int | None) -> list[str]:
    cases = due(store, days=days)
    if not cases:
        return []
    now = store.clock()
    ids = [cid for cid, _ in cases]
    marks = ",".join("?" * len(ids))
    with store.write():
        # Re-checked inside the transaction: an edit may have arrived in between.
        ids = [r[0] for r in store.db.execute(
            f"SELECT id FROM complaints WHERE id IN ({marks}) AND purged_at IS NULL AND "
            "sync_state = 'synced'", ids)]
        marks = ",".join("?" * len(ids))
        shas = [r[0] for r in store.db.execute(
            f"SELECT DISTINCT sha256 FROM attachments WHERE complaint_id IN ({marks})", ids)]
        store.db.execute(f"DELETE FROM attachments WHERE complaint_id IN ({marks})", ids)
        if shas:
            store.db.execute(
                f"DELETE FROM blobs WHERE sha256 IN ({','.join('?' * len(shas))}) AND sha256 "
                "NOT IN (SELECT sha256 FROM attachments)", shas)
        store.db.execute(
            "UPDATE complaints SET petitioner = NULL, petitioner_name = NULL, title = '', "
            "body = NULL, review_note = NULL, signature = NULL, intake_extra = NULL, purged_at = ? "
            f"WHERE id IN ({marks})", (now.isoformat(), *ids))
        audit.redact(store.db, audit.free_text(store.db, record_ids=ids), at=now)
        chain = audit.Chain(store.db)
        numbers = dict(cases)
        for cid in ids:
            chain.append(at=now, officer_id=by.id if by else None, action="complaint_purged",
                         record_type="complaint", record_id=cid,
                         details={"receipt_no": numbers[cid], "rule": rule().version})
        chain.close()
    # Let the old pages leave the write-ahead log too (they are encrypted there anyway).
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return [numbers[cid] for cid in ids]
