"""The e-People hand-off queue: what is waiting, what failed, and how a 신청번호 comes back.

A supervisor's ``forward`` (or ``transfer``) queues the case in the same transaction
(:func:`enqueue`, called by :mod:`sync.hub.workflow`). Then either

* :func:`run_due` hands the due cases to an API connector: the network call is made
  outside any database transaction, and its answer is written in one: the number onto
  the case through :func:`sync.hub.case_log.apply_step` (history, revision, the laptop's
  feed). A temporary failure is tried again with back-off (``BACKOFF_BASE`` doubling up
  to ``BACKOFF_CAP``), up to ``MAX_ATTEMPTS``; a refusal stops at once. Both leave the
  case ``failed`` with the error, for supervisors (``GET /api/v1/epeople/queue``); or
* :mod:`sync.hub.epeople.export` puts the queued cases in an operator's batch
  (``exported``), and the operator records each number (:func:`record_number`).

One case, one 신청번호: the idempotency key is the case's id, so e-People answers a retry
with the number it gave; a number arriving for a case that has one already is not taken
(the first stays) and is kept in the case's history as a problem.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlalchemy as sa

from sync.hub import case_log
from sync.hub.db import now, reader
from sync.hub.epeople.connector import (Connector, Refused, TemporaryFailure,
                                        checked_number)
from sync.hub.epeople.fields import registration
from sync.hub.migrations import awaited_blobs, epeople_forwards, records

MAX_ATTEMPTS = 8
BACKOFF_BASE = _dt.timedelta(minutes=1)
BACKOFF_CAP = _dt.timedelta(hours=6)
ACTOR = "e-people"


def enqueue(conn: sa.Connection, record_id: str, *, agency: str, actor: str) -> None:
    """Queue a forwarded case, in the caller's transaction. A case queued or registered
    already is left as it is (a transfer after a forward does not register it twice)."""
    if conn.execute(sa.select(epeople_forwards.c.record_id)
                    .where(epeople_forwards.c.record_id == record_id)).first() is not None:
        return
    at = now()
    conn.execute(epeople_forwards.insert().values(
        record_id=record_id, agency=agency, state="queued", attempts=0, next_at=at,
        last_error=None, epeople_no=None, queued_at=at, queued_by=actor[:100], updated_at=at))


def backoff(attempts: int) -> _dt.timedelta:
    """The wait before try ``attempts + 1``."""
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))


def _stamp(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.UTC).isoformat(timespec="milliseconds")


def _take_number(conn: sa.Connection, record_id: str, number: str, actor: str) -> str:
    """Write ``number`` onto the case (or keep the first one it has); the outcome."""
    row = conn.execute(sa.select(records).where(records.c.id == record_id)
                       .with_for_update()).first()
    conn.execute(epeople_forwards.update().where(epeople_forwards.c.record_id == record_id)
                 .values(state="sent", epeople_no=row.epeople_no or number, last_error=None,
                         updated_at=now()))
    if row.epeople_no and row.epeople_no != number:
        case_log.apply_step(conn, row, actor=actor, role=case_log.SYSTEM,
                            action="epeople_number_refused", values={},
                            details={"kept": row.epeople_no, "refused": number})
        return "kept_first"
    if row.epeople_no == number:
        return "already"
    case_log.apply_step(conn, row, actor=actor, role=case_log.SYSTEM,
                        action="epeople_registered",
                        values={"epeople_no": number, "status": "forwarded"},
                        details={"epeople_no": number})
    return "registered"


def files_in() -> sa.ColumnElement[bool]:
    """A case goes to e-People only once every file it names is at the hub (protocol 2
    lets a case arrive first: until then its files are not its own to send, and e-People
    would get the case without them)."""
    return ~sa.exists().where(awaited_blobs.c.record_id == records.c.id)


def run_due(engine: sa.Engine, connector: Connector, *, at: _dt.datetime | None = None,
            limit: int = 50) -> dict[str, int]:
    """Send the due queued cases through ``connector``; counts by outcome."""
    moment = at or _dt.datetime.now(_dt.UTC)
    with reader(engine).connect() as conn:
        due = conn.execute(
            sa.select(epeople_forwards.c.record_id, epeople_forwards.c.attempts, records)
            .select_from(epeople_forwards.join(records,
                                               records.c.id == epeople_forwards.c.record_id))
            .where(epeople_forwards.c.state == "queued",
                   epeople_forwards.c.next_at <= _stamp(moment), files_in())
            .order_by(epeople_forwards.c.next_at).limit(limit)).all()
    tally: dict[str, int] = {}
    for row in due:
        try:
            number = checked_number(connector.register(registration(row), row.id))
        except (TemporaryFailure, Refused) as exc:
            attempts = row.attempts + 1
            failed = isinstance(exc, Refused) or attempts >= MAX_ATTEMPTS
            with engine.begin() as conn:
                conn.execute(epeople_forwards.update()
                             .where(epeople_forwards.c.record_id == row.id,
                                    epeople_forwards.c.state == "queued")
                             .values(attempts=attempts, last_error=str(exc)[:500],
                                     state="failed" if failed else "queued",
                                     next_at=_stamp(moment + backoff(attempts)),
                                     updated_at=now()))
            outcome = "failed" if failed else "retry"
        else:
            with engine.begin() as conn:
                outcome = _take_number(conn, row.id, number, ACTOR)
        tally[outcome] = tally.get(outcome, 0) + 1
    return tally


def record_number(engine: sa.Engine, ident: str, number: str, *, actor: str) -> str:
    """An operator records the 신청번호 e-People gave a case of an export batch (or of a
    queue entry that failed). ``LookupError`` when the case was never forwarded."""
    number = checked_number(number)
    with engine.begin() as conn:
        row = conn.execute(sa.select(records.c.id).where(sa.or_(
            records.c.receipt_no == ident, records.c.id == ident))).first()
        queued = row is not None and conn.execute(
            sa.select(epeople_forwards.c.record_id)
            .where(epeople_forwards.c.record_id == row.id)).first() is not None
        if not queued:
            raise LookupError(f"{ident} was not forwarded to e-People")
        return _take_number(conn, row.id, number, actor)


def retry(engine: sa.Engine, ident: str) -> None:
    """A supervisor sends a failed case again (after fixing what e-People refused)."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(records.c.id).where(sa.or_(
            records.c.receipt_no == ident, records.c.id == ident))).first()
        done = row is not None and conn.execute(
            epeople_forwards.update().where(epeople_forwards.c.record_id == row.id,
                                            epeople_forwards.c.state == "failed")
            .values(state="queued", attempts=0, next_at=now(), updated_at=now())).rowcount
        if not done:
            raise LookupError(f"{ident} has no failed hand-off to e-People")


def poll_statuses(engine: sa.Engine, connector: Connector) -> int:
    """Bring e-People's news of registered cases to them: a status, and an answered case
    closed with its answer date. The number of cases changed."""
    with reader(engine).connect() as conn:
        numbers = dict(conn.execute(
            sa.select(records.c.epeople_no, records.c.id)
            .select_from(epeople_forwards.join(records,
                                               records.c.id == epeople_forwards.c.record_id))
            .where(epeople_forwards.c.state == "sent", records.c.epeople_no.is_not(None),
                   records.c.review_state.not_in(("closed", "rejected")))).all())
    changed = 0
    for number, news in connector.statuses(sorted(numbers)).items():
        with engine.begin() as conn:
            row = conn.execute(sa.select(records).where(records.c.id == numbers[number])
                               .with_for_update()).first()
            values: dict[str, Any] = {}
            if news.answered_on and row.review_state in ("approved", "forwarded"):
                values = {"review_state": "closed", "status": "closed", "closed_at": now(),
                          "answered_on": news.answered_on[:10],
                          "finished_at": row.finished_at or now()}
            elif news.status != row.status and row.review_state not in ("closed", "rejected"):
                values = {"status": news.status[:40]}
            if values:
                case_log.apply_step(conn, row, actor=ACTOR, role=case_log.SYSTEM,
                                    action="epeople_status",
                                    values=values, details={"epeople_status": news.status,
                                                            "answered_on": news.answered_on})
                changed += 1
    return changed


def listing(engine: sa.Engine) -> list[dict[str, Any]]:
    """The queue for supervisors: every hand-off with its state, tries and last error."""
    with reader(engine).connect() as conn:
        rows = conn.execute(
            sa.select(epeople_forwards, records.c.receipt_no)
            .select_from(epeople_forwards.join(records,
                                               records.c.id == epeople_forwards.c.record_id))
            .order_by(epeople_forwards.c.state, epeople_forwards.c.next_at)).all()
    return [{"receipt_no": r.receipt_no, "agency": r.agency, "state": r.state,
             "attempts": r.attempts, "next_at": r.next_at, "last_error": r.last_error,
             "epeople_no": r.epeople_no, "queued_at": r.queued_at, "queued_by": r.queued_by,
             "updated_at": r.updated_at} for r in rows]
