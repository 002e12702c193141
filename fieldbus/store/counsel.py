"""Counsel sessions (행정심판 국선대리인 상담). Their advice notes are confidential:
only counsel and supervisors read them, and every reading is audited."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime

from fieldbus.domain.appeal import appeal_deadline, facts_from_json, facts_json
from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.ids import new_id
from fieldbus.domain.masking import mask_name
from fieldbus.domain.receipt_numbers import parse_receipt_no
from fieldbus.domain.records import CounselDraft, CounselSession, Officer, Petitioner
from fieldbus.store import audit, outbox, visits
from fieldbus.store.complaints import AUDIT_NAMES_MAX, next_number
from fieldbus.store.store import Store, rows_by_rowid

_COLUMNS = ("id, number, appellant, disposition, eligibility, counsel, notes, next_step, "
            "outcome, appeal_deadline, visit_id, sync_state, version, created_by, created_at")
_READ = f"{_COLUMNS}, masked_name, purged_at"


def add(store: Store, draft: CounselDraft, by: Officer) -> CounselSession:
    now = store.clock()
    deadline = appeal_deadline(disposed_on=draft.disposed_on, learned_on=draft.learned_on,
                               facts=draft.appeal)
    with store.write():
        visit = visits.current(store)
        session = CounselSession(
            id=new_id(), number=next_number(store, now.date()), draft=draft,
            appeal_deadline=deadline.due, visit=visit, sync_state="pending", version=1,
            created_by=by.id, created_at=now)
        store.db.execute(
            f"INSERT INTO counsel_sessions ({_COLUMNS}, masked_name, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?, ?, ?)",
            (session.id, session.number, json.dumps(asdict(draft.appellant), ensure_ascii=False),
             json.dumps({"agency": draft.disposition_agency, "title": draft.disposition_title,
                         "disposed_on": draft.disposed_on.isoformat(),
                         "learned_on": draft.learned_on.isoformat() if draft.learned_on else None,
                         "appeal": facts_json(draft.appeal)},
                        ensure_ascii=False),
             json.dumps({"basis": draft.eligibility_basis,
                         "checked_by": draft.eligibility_checked_by,
                         "shared_info_consent": draft.shared_info_consent}),
             json.dumps({"name": draft.counsel_name,
                         "qualification": draft.counsel_qualification}, ensure_ascii=False),
             # No period (제27조⑦) is stored as '' (the column is NOT NULL).
             draft.notes, draft.next_step, draft.outcome,
             deadline.due.isoformat() if deadline.due else "",
             visit.id if visit else None, by.id, now.isoformat(),
             mask_name(draft.appellant.name), now.isoformat()))
        outbox.enqueue(store.db, record_type="counsel_session", record_id=session.id,
                       version=1, base_version=None, at=now)
        audit.append(store.db, at=now, officer_id=by.id, action="counsel_created",
                     record_type="counsel_session", record_id=session.id,
                     details={"number": session.number})
    return session


def _from_row(store: Store, row) -> CounselSession:
    (sid, number, appellant, disposition, eligibility, counsel, notes, next_step, outcome,
     deadline, visit_id, sync_state, version, created_by, created_at, masked_name,
     purged_at) = row
    disp, elig, couns = json.loads(disposition), json.loads(eligibility), json.loads(counsel)
    # After retention only the masked name is left of the appellant (retention.py).
    person = Petitioner(**json.loads(appellant)) if appellant else Petitioner(name=masked_name)
    draft = CounselDraft(
        appellant=person,
        disposition_agency=disp["agency"], disposition_title=disp["title"],
        disposed_on=date.fromisoformat(disp["disposed_on"]),
        learned_on=date.fromisoformat(disp["learned_on"]) if disp["learned_on"] else None,
        eligibility_basis=elig["basis"], eligibility_checked_by=elig["checked_by"],
        counsel_name=couns["name"], counsel_qualification=couns["qualification"],
        notes=notes, next_step=next_step, outcome=outcome,
        appeal=facts_from_json(disp.get("appeal")),
        shared_info_consent=elig.get("shared_info_consent"))
    return CounselSession(
        id=sid, number=number, draft=draft,
        appeal_deadline=date.fromisoformat(deadline) if deadline else None,
        visit=visits.by_id(store, visit_id), sync_state=sync_state, version=version,
        created_by=created_by, created_at=datetime.fromisoformat(created_at),
        purged=purged_at is not None)


def get(store: Store, ident: str) -> CounselSession:
    """By session number (``B07A-261126-0003-X``) or id, not audited: callers audit."""
    text = ident.strip() if isinstance(ident, str) else ""
    try:
        key, column = parse_receipt_no(text, field="id").text, "number"
    except ValidationError:
        key, column = text, "id"
    row = store.db.execute(f"SELECT {_READ} FROM counsel_sessions WHERE {column} = ?",
                           (key,)).fetchone()
    if row is None:
        raise NotFound(f"no counsel session {text} on this laptop")
    return _from_row(store, row)


def view(store: Store, ident: str, by: Officer, *, reason: str) -> CounselSession:
    """By session number or id; audited, notes or not."""
    session = get(store, ident)
    store.audit(by, "counsel_viewed", record_type="counsel_session", record_id=session.id,
                reason=reason, details={"notes_shown": by.may_read_counsel_notes})
    return session


def recent(store: Store, *, limit: int | None = None) -> list[CounselSession]:
    """Newest first, not audited: for screens that show no more than a masked name and a
    deadline (today's sessions); a person's listing goes through :func:`listing`."""
    sql = f"SELECT {_READ} FROM counsel_sessions ORDER BY created_at DESC, rowid DESC"
    params = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_from_row(store, row) for row in store.db.execute(sql, params).fetchall()]


def listing(store: Store, by: Officer, *, limit: int | None = None) -> list[CounselSession]:
    """:func:`recent` for a person to read: one audit entry for the whole listing, naming
    the sessions shown (up to ``AUDIT_NAMES_MAX``; past that the count tells) and whether
    their advice notes were — a listing shows the disposition and the eligibility basis
    to every role, and the notes to counsel and supervisors."""
    found = recent(store, limit=limit)
    store.audit(by, "counsel_listed", record_type="counsel_session",
                details={"count": len(found), "limit": limit,
                         "notes_shown": by.may_read_counsel_notes,
                         "sessions": [s.number for s in found[:AUDIT_NAMES_MAX]]})
    return found


def by_rowids(store: Store, rowids: list[int]) -> list[CounselSession]:
    """The sessions with these row ids, in the order given (a search's, :mod:`fieldbus.
    store.search`); not audited: the search is."""
    return rows_by_rowid(store, "counsel_sessions", _READ, rowids, _from_row)
