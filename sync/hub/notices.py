"""The notices the law owes a petitioner, produced by the hub when their event happens
(issue 14 §2): handler named, deadline extended, case transferred, progress every 30 days
while unfinished, and the result — each with its law in ``resources/rules/notices.json``.

**When.** A review step queues its notice in the step's own transaction
(:func:`for_step`, called by :mod:`sync.hub.workflow`): ``assign`` → handler, ``extend``
→ extension (the new date and the reason the law says to give), ``transfer`` →
transfer, ``close`` → result. :func:`schedule_progress` queues the progress notice of
every unfinished case whose period (``deadlines.json`` ``progress_notices``: 30 days,
again every 30 for the 민원처리법, once for an ACRC grievance) has come.

**How.** Only through the channel the citizen chose at the bus (``notify_by``: sms, email,
post) and only with their consent recorded (``consent.personal_info``); without either,
or without the contact for that channel, the notice is kept as ``skipped`` with the
reason, for supervisors to see and act on — never sent another way.

**Once.** A notice is one row per (case, kind, event): the step's revision, or the
progress period; queuing it again does nothing. :func:`run_due` sends what is due
through a sender (:mod:`sync.hub.notice_senders`) with retries and back-off, and marks it
sent in the same transaction that audits it; the sender gets the notice's key as its
idempotency key (the file name, the e-mail's Message-ID), so a send whose mark was lost
is not a second message.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa

from sync import deadlines, rule_tables
from sync.hub.auth import record_audit
from sync.hub.clock import now
from sync.hub.db import reader
from sync.hub.migrations import notices, records

#: A review step's notice kind (the table's ``event`` of each).
STEP_NOTICES = {"assign": "handler", "extend": "extension", "transfer": "transfer",
                "close": "result"}
FINISHED = ("rejected", "closed")
ACTOR = "notices"


@dataclass(frozen=True)
class Outgoing:
    """One notice as a sender needs it: where to, and what it says."""

    key: str            # unique and stable: the sender's idempotency key
    channel: str        # sms, email or post
    to: str             # the phone number, e-mail address or postal address
    name: str | None
    receipt_no: str
    subject: str
    text: str
    postcode: str | None = None


class Sender(Protocol):
    def send(self, notice: Outgoing) -> str:
        """Deliver (or hand over) ``notice``; a reference to it. Raises to be retried."""


def _table() -> dict[str, Any]:
    return rule_tables.notices_table()


def _contact(content: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(channel, address, why not) for this case's petitioner."""
    channel = content.get("notify_by")
    petitioner = content.get("petitioner") if isinstance(content.get("petitioner"), dict) \
        else None
    if channel not in _table()["channels"]:
        return None, None, "no_channel"
    if not isinstance(content.get("consent"), dict) or \
            content["consent"].get("personal_info") is not True:
        return None, None, "no_consent"
    if petitioner is None:
        return None, None, "anonymous"
    address = {"sms": petitioner.get("phone"), "email": petitioner.get("email"),
               "post": petitioner.get("address")}[channel]
    if not isinstance(address, str) or not address.strip():
        return channel, None, "no_contact"
    return channel, address.strip(), None


def queue(conn: sa.Connection, row: Any, kind: str, key: str,
          details: dict[str, Any] | None = None) -> bool:
    """Queue (or keep as skipped) the ``kind`` notice of the case ``row`` for the event
    ``key``, in the caller's transaction; False when it was queued before."""
    held = conn.execute(sa.select(notices.c.id).where(
        notices.c.record_id == row.id, notices.c.kind == kind, notices.c.key == key)).first()
    if held is not None:
        return False
    content = json.loads(row.content)
    channel, _address, why = _contact(content)
    at = now()
    conn.execute(notices.insert().values(
        record_id=row.id, kind=kind, key=key, channel=channel,
        state="skipped" if why else "queued", reason=why, attempts=0, next_at=at,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        created_at=at, updated_at=at))
    record_audit(conn, ACTOR, f"notice_{'skipped' if why else 'queued'}_{kind}",
                 row.receipt_no or row.id)
    return True


def for_step(conn: sa.Connection, row: Any, action: str, *, revision: int,
             values: dict[str, Any], note: str | None) -> None:
    """The notice a review step owes the petitioner, if any (see the module)."""
    kind = STEP_NOTICES.get(action)
    if kind is None or row.type != "complaint":
        return
    details: dict[str, Any] = {}
    if kind == "handler":
        details["handler"] = json.loads(values["handler"])
    elif kind == "extension":
        details.update(new_deadline=values.get("deadline_due"), reason=note)
    elif kind == "transfer":
        details["agency"] = values.get("agency")
    elif kind == "result":
        details.update(answered_on=values.get("answered_on"), result=note,
                       agency=values.get("agency") or row.agency)
    queue(conn, row, kind, f"r{revision}", details)


def schedule_progress(engine: sa.Engine, *, at: _dt.datetime | None = None) -> int:
    """Queue the progress notices whose period has come; how many were queued."""
    moment = (at or _dt.datetime.now(_dt.UTC)).astimezone(deadlines.KST)
    queued = 0
    with engine.begin() as conn:
        rows = conn.execute(sa.select(records).where(
            records.c.type == "complaint", records.c.received_at.is_not(None),
            sa.or_(records.c.review_state.is_(None),
                   records.c.review_state.not_in(FINISHED)))).all()
        for row in rows:
            try:
                duty = deadlines.progress_notice(row.deadline_rule or row.kind or "other")
                received = _dt.datetime.fromisoformat(row.received_at)
            except (KeyError, ValueError):
                continue
            if duty is None:
                continue
            period = (moment - received).days // duty.after_days
            if period < 1 or (period > 1 and not duty.repeats):
                continue
            due = received + _dt.timedelta(days=duty.after_days * period)
            queued += queue(conn, row, "progress", f"p{period}",
                            {"period": period, "as_of": due.date().isoformat(),
                             "deadline": row.deadline_due, "state": row.review_state})
    return queued


# -- the words ----------------------------------------------------------------------------

_STATES = {None: "접수", "received": "검토 중", "has_issues": "보완 요청", "edited": "보완 검토 중",
           "approved": "검토 완료", "forwarded": "처리 기관에서 처리 중"}


def _day(value: Any) -> str:
    text = str(value or "")
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return text[:10] or "—"
    if moment.tzinfo is not None:
        moment = moment.astimezone(deadlines.KST)
    return moment.date().isoformat()


def words(kind: str, receipt_no: str, details: dict[str, Any]) -> tuple[str, str]:
    """(subject, text) of a notice, in Korean, from what its event recorded."""
    head = f"[이동신문고] 접수번호 {receipt_no}"
    if kind == "handler":
        handler = details.get("handler") or {}
        body = (f"민원의 처리담당자가 지정되었습니다.\n담당: {handler.get('org', '')} "
                f"{handler.get('name', '')} (연락처 {handler.get('phone', '')})")
        subject = "처리담당자 지정 안내"
    elif kind == "extension":
        body = (f"민원의 처리기간이 {_day(details.get('new_deadline'))}까지 연장되었습니다.\n"
                f"연장 사유: {details.get('reason') or '—'}")
        subject = "처리기간 연장 안내"
    elif kind == "transfer":
        body = f"민원이 소관 기관인 {details.get('agency') or '—'}(으)로 이송되었습니다."
        subject = "민원 이송 안내"
    elif kind == "progress":
        body = (f"민원을 처리하고 있습니다 ({details.get('as_of')} 기준).\n"
                f"진행 상황: {_STATES.get(details.get('state'), '처리 중')}\n"
                f"처리완료 예정일: {_day(details.get('deadline'))}")
        subject = "처리 진행상황 안내"
    else:
        body = (f"민원의 처리가 끝났습니다 ({_day(details.get('answered_on'))}).\n"
                f"처리 결과: {details.get('result') or '—'}")
        if details.get("agency"):
            body += f"\n처리 기관: {details['agency']}"
        subject = "처리 결과 안내"
    footer = ("\n진행 상황은 접수증의 QR 코드로도 볼 수 있습니다. 문의: 정부민원안내콜센터 110")
    return f"{head} {subject}", f"{head}\n{body}{footer}"


# -- sending ------------------------------------------------------------------------------

def _backoff(attempts: int) -> _dt.timedelta:
    retry = _table()["retry"]
    seconds = min(retry["cap_seconds"], retry["base_seconds"] * 2 ** max(0, attempts - 1))
    return _dt.timedelta(seconds=seconds)


def _stamp(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.UTC).isoformat(timespec="milliseconds")


def run_due(engine: sa.Engine, senders: dict[str, Sender], *,
            at: _dt.datetime | None = None, limit: int = 100) -> dict[str, int]:
    """Send the due queued notices, each through its channel's sender; counts by
    outcome (``sent``, ``retry``, ``failed``: out of tries, ``no_sender``)."""
    moment = at or _dt.datetime.now(_dt.UTC)
    with reader(engine).connect() as conn:
        due = conn.execute(
            sa.select(notices, records.c.receipt_no, records.c.content)
            .select_from(notices.join(records, records.c.id == notices.c.record_id))
            .where(notices.c.state == "queued", notices.c.next_at <= _stamp(moment))
            .order_by(notices.c.id).limit(limit)).all()
    tally: dict[str, int] = {}
    attempts_allowed = _table()["retry"]["attempts"]
    for row in due:
        sender = senders.get(row.channel)
        if sender is None:
            tally["no_sender"] = tally.get("no_sender", 0) + 1
            continue
        content = json.loads(row.content)
        _channel, address, why = _contact(content)
        petitioner = content.get("petitioner") or {}
        subject, text = words(row.kind, row.receipt_no, json.loads(row.details or "{}"))
        try:
            if why or address is None:
                raise LookupError(f"the contact is gone ({why})")
            reference = sender.send(Outgoing(
                key=f"N{row.id:08d}", channel=row.channel, to=address,
                name=petitioner.get("name"), receipt_no=row.receipt_no, subject=subject,
                text=text, postcode=petitioner.get("postcode")))
        except Exception as exc:  # a sender's failure of any kind is retried, and said
            attempts = row.attempts + 1
            state = "failed" if attempts >= attempts_allowed else "queued"
            with engine.begin() as conn:
                conn.execute(notices.update().where(notices.c.id == row.id).values(
                    attempts=attempts, state=state, last_error=f"{type(exc).__name__}: "
                    f"{str(exc)[:300]}", next_at=_stamp(moment + _backoff(attempts)),
                    updated_at=now()))
                if state == "failed":
                    record_audit(conn, ACTOR, f"notice_failed_{row.kind}", row.receipt_no)
            outcome = "failed" if state == "failed" else "retry"
        else:
            with engine.begin() as conn:
                conn.execute(notices.update().where(notices.c.id == row.id,
                                                    notices.c.state == "queued").values(
                    attempts=row.attempts + 1, state="sent", sent_at=now(),
                    reference=str(reference)[:300], last_error=None, updated_at=now()))
                record_audit(conn, ACTOR, f"notice_sent_{row.kind}", row.receipt_no)
            outcome = "sent"
        tally[outcome] = tally.get(outcome, 0) + 1
    return tally


def listing(engine: sa.Engine, *, limit: int = 500) -> list[dict[str, Any]]:
    """The notices for supervisors, newest first: what, how, and how it went — never the
    petitioner's contact."""
    with reader(engine).connect() as conn:
        rows = conn.execute(
            sa.select(notices, records.c.receipt_no)
            .select_from(notices.join(records, records.c.id == notices.c.record_id))
            .order_by(notices.c.id.desc()).limit(limit)).all()
    return [{"receipt_no": r.receipt_no, "kind": r.kind, "channel": r.channel,
             "state": r.state, "reason": r.reason, "attempts": r.attempts,
             "last_error": r.last_error, "created_at": r.created_at, "sent_at": r.sent_at}
            for r in rows]
