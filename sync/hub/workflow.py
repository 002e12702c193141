"""What a supervisor may do to a case, and what each step does to it (issue 13, §1).

States after ODK Central's, then the law's: a case arrives ``received``; a supervisor
returns it for supplement (``has_issues``: the note says what to fix), approves or rejects
it; the officer's fix arriving makes it ``edited`` (:mod:`sync.hub.push`), to be reviewed
again. An approved case is ``forwarded`` to the agency that must answer (queued for
e-People, :mod:`sync.hub.epeople.queue`) and ``closed`` with the result. A rejected or
closed case is finished. Besides moving the state, a supervisor may extend the deadline,
transfer the case to another agency, or name its handler. Anything else — approving a
rejected case, rejecting an approved one, returning a finished one — is refused before
anything changes, so two supervisors cannot undo each other's decision by accident; and
``If-Match`` (the case's revision) refuses a step taken on a case that changed meanwhile.

The law, as data in ``resources/rules/deadlines.json`` and counted by :mod:`sync.deadlines`
(the code that printed the receipt's deadline):

* **보완** (return): the clock stops while the case waits for the fix and resumes when it
  arrives (민원처리법 시행령 제20조 → 행정절차법 시행령 제11조): ``paused_at`` here, the
  move in :func:`resume` (called by the push that brings the fix).
* **연장** (extend): a new day and the reason; a second extension only with the citizen's
  consent, limits per kind (시행령 제21조①; ACRC grievances 60 days, reports 30, in all);
  only before the deadline has passed.
* **이송** (transfer): to the competent agency, within 8 working hours of the case's arrival
  at the centre (시행령 제13조③): a late transfer is recorded as late, never refused.
* **처리담당자** (assign): the handler's 소속·성명·연락처, told on every notice (제31조).

Returning, rejecting, extending, transferring and closing need a note: the officer must
learn what to fix and the citizen why. 민원 처리에 관한 법률 제27조③ (9bow/legalize-kr
kr/민원처리에관한법률/법률.md @ 7711996e): "행정기관의 장은 제1항 또는 제2항에 따라 민원의
처리결과를 통지할 때에 민원의 내용을 거부하는 경우에는 거부 이유와 구제절차를 함께
통지하여야 한다."
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sync import deadlines
from sync.controls import find_control
from sync.errors import ValidationError
from sync.hub import case_log, notices
from sync.hub.db import now
from sync.hub.migrations import records
from sync.rrn import mask_rrns

FINISHED = frozenset({"rejected", "closed"})
OPEN = frozenset({"received", "has_issues", "edited", "approved", "forwarded"})


@dataclass(frozen=True)
class Action:
    """One kind of step: the states it may be taken from, the state it leads to (None:
    the state stays) and what it needs."""

    allowed_from: frozenset[str]
    leads_to: str | None
    note_required: bool = False


ACTIONS: dict[str, Action] = {
    "return": Action(frozenset({"received", "has_issues", "edited"}), "has_issues", True),
    # approved → approved only records the e-People number once known (see :func:`_approve`)
    "approve": Action(frozenset({"received", "edited", "approved"}), "approved"),
    "reject": Action(frozenset({"received", "has_issues", "edited"}), "rejected", True),
    "forward": Action(frozenset({"approved"}), "forwarded"),
    "extend": Action(OPEN, None, True),
    "transfer": Action(frozenset({"received", "edited", "approved", "forwarded"}), "forwarded",
                       True),
    "assign": Action(OPEN, None),
    "close": Action(frozenset({"approved", "forwarded"}), "closed", True),
}
#: The review states of the first API (``{"state": …}``), still accepted: the action each is.
LEGACY_STATES = {"has_issues": "return", "approved": "approve", "rejected": "reject"}
MAX_AGENCY = 200
HANDLER_FIELDS = {"org": 100, "name": 50, "phone": 30}


class ReviewRefused(ValueError):
    """A step the workflow does not allow; ``code`` and ``status`` for the HTTP answer.
    Nothing was changed."""

    status = 409
    code = "invalid_transition"

    def __init__(self, message: str, *, code: str | None = None,
                 status: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status


class NoteRequired(ReviewRefused):
    status = 422
    code = "note_required"


class Invalid(ReviewRefused):
    """A value of the step is missing or wrong (422)."""

    status = 422
    code = "invalid"


class Stale(ReviewRefused):
    """``If-Match`` names a revision the case no longer has: someone changed it (412)."""

    status = 412
    code = "version_mismatch"


@dataclass(frozen=True)
class Step:
    """What a supervisor asks for. ``if_match``: the revision the supervisor saw (None:
    act on whatever the case is now — the command line's and the old API's way)."""

    action: str
    note: str | None = None
    agency: str | None = None
    epeople_no: str | None = None
    new_deadline: str | None = None
    handler: dict[str, Any] | None = None
    citizen_consent: bool | None = None
    answered_on: str | None = None
    if_match: int | None = None


def kept_text(text: str | None, what: str, *, multiline: bool, limit: int) -> str | None:
    """Text as kept: a control character refused, registration numbers masked, stripped."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise Invalid(f"{what} must be text")
    bad = find_control(text, multiline=multiline)
    if bad is not None:
        raise Invalid(f"{what} contains a control character (U+{ord(bad):04X})")
    text = mask_rrns(text)[0].strip()
    if len(text) > limit:
        raise Invalid(f"{what} is longer than {limit} characters")
    return text or None


def _day(text: str | None, what: str) -> _dt.date | None:
    if text is None:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise Invalid(f"{what} must be a date (YYYY-MM-DD)") from None


def allowed(state: str) -> list[str]:
    """The actions a case in ``state`` may take (for screens and for refusals)."""
    return [name for name, action in ACTIONS.items() if state in action.allowed_from]


def check(current: str, action_name: str, note: str | None) -> Action:
    """Raise :class:`ReviewRefused` unless ``action_name`` may be taken on a case that is
    ``current``; the action."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise Invalid(f"no action {action_name!r} (one of {', '.join(ACTIONS)})")
    if current not in action.allowed_from:
        options = ", ".join(allowed(current)) or "nothing: the case is finished"
        wanted = action.leads_to or action_name
        raise ReviewRefused(f"a case that is {current} cannot be made {wanted} "
                            f"(it may: {options})" if action.leads_to else
                            f"a case that is {current} cannot be given '{action_name}' "
                            f"(it may: {options})")
    if action.note_required and not (note or "").strip():
        raise NoteRequired(f"'{action_name}' needs a note saying why")
    return action


def _deadline(row: Any) -> deadlines.Deadline:
    if row.deadline_due is None or row.deadline_rule is None or row.received_at is None:
        raise Invalid("this case has no statutory deadline to extend", code="no_deadline")
    try:
        return deadlines.deadline_of(row.deadline_rule, _dt.datetime.fromisoformat(row.received_at),
                                     _dt.datetime.fromisoformat(row.deadline_due),
                                     extended_by=row.extended_by or 0)
    except (ValueError, ValidationError) as exc:
        raise Invalid(f"this case's deadline cannot be counted: {exc}",
                      code="no_deadline") from None


def _moment(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text)


def _values(row: Any, action_name: str, step: Step, note: str | None, at: str,
            details: dict[str, Any]) -> dict[str, Any]:
    """The columns the step changes (and what the history says about it, in ``details``)."""
    action = ACTIONS[action_name]
    values: dict[str, Any] = {}
    if action.leads_to is not None:
        values["review_state"] = action.leads_to
    if action.leads_to is not None:
        values["review_note"] = note
    agency = kept_text(step.agency, "the agency", multiline=False, limit=MAX_AGENCY)
    epeople = kept_text(step.epeople_no, "the e-People number", multiline=False, limit=40)
    if action_name == "return":
        values["paused_at"] = row.paused_at or at   # a second note keeps the first pause
    elif row.paused_at is not None and action_name in ("reject",):
        values["paused_at"] = None
    if action_name == "approve":
        if row.review_state == "approved" and epeople is None:
            raise ReviewRefused("a case that is approved cannot be made approved "
                                "(it may: forward, or record its e-People number)")
        if epeople is not None:
            values.update(epeople_no=epeople, status="forwarded")
        # Approved or rejected finishes the review: retention's period starts (retention.py).
        values["finished_at"] = row.finished_at or at
    elif action_name == "reject":
        values["finished_at"] = row.finished_at or at
    elif action_name in ("forward", "transfer"):
        if agency is None:
            raise Invalid(f"'{action_name}' needs the agency that must answer",
                          code="agency_required")
        values.update(agency=agency, status="forwarded")
        if epeople is not None:
            values["epeople_no"] = epeople
        details["agency"] = agency
        if action_name == "forward":
            values["forwarded_at"] = row.forwarded_at or at
        else:
            due = deadlines.transfer_due(_moment(row.synced_at))
            details.update(from_agency=row.agency, due_by=due.isoformat(),
                           late=_moment(at) > due)
            values.update(transferred_at=at, forwarded_at=row.forwarded_at or at)
    elif action_name == "extend":
        new_day = _day(step.new_deadline, "new_deadline")
        if new_day is None:
            raise Invalid("'extend' needs new_deadline", code="new_deadline_required")
        current = _deadline(row)
        try:
            extended = deadlines.extended_to(current, new_day, now=_moment(at),
                                             earlier=row.extensions or 0,
                                             consent=step.citizen_consent is True)
        except ValidationError as exc:
            raise Invalid(str(exc), code=exc.code) from None
        values.update(deadline_due=extended.due.isoformat(),
                      extended_by=extended.extended_by, extensions=(row.extensions or 0) + 1)
        details.update(old_deadline=row.deadline_due, new_deadline=extended.due.isoformat(),
                       citizen_consent=step.citizen_consent is True,
                       extension=(row.extensions or 0) + 1)
    elif action_name == "assign":
        values["handler"] = json.dumps(_handler(step.handler), ensure_ascii=False,
                                       sort_keys=True)
        details["handler"] = json.loads(values["handler"])
    elif action_name == "close":
        answered = _day(step.answered_on, "answered_on") or _moment(at).astimezone(
            deadlines.KST).date()
        received = _day((row.received_at or row.synced_at)[:10], "received_at")
        if answered > _moment(at).astimezone(deadlines.KST).date() or (
                received is not None and answered < received):
            raise Invalid("answered_on must lie between the case's receipt and today")
        values.update(closed_at=at, answered_on=answered.isoformat(), status="closed",
                      finished_at=row.finished_at or at, paused_at=None)
        details["answered_on"] = answered.isoformat()
    if epeople is not None:
        details["epeople_no"] = epeople
    return values


def _handler(handler: dict[str, Any] | None) -> dict[str, str]:
    if not isinstance(handler, dict):
        raise Invalid("'assign' needs the handler's org, name and phone (소속·성명·연락처: "
                      f"{deadlines.steps().handler.basis})", code="handler_required")
    kept = {}
    for key, limit in HANDLER_FIELDS.items():
        value = kept_text(handler.get(key), f"the handler's {key}", multiline=False,
                           limit=limit)
        if value is None:
            raise Invalid(f"the handler's {key} is missing", code="handler_required")
        kept[key] = value
    unknown = set(handler) - set(HANDLER_FIELDS)
    if unknown:
        raise Invalid(f"unknown handler field {sorted(unknown)[0]!r}")
    return kept


def find_case(conn: sa.Connection, ident: str) -> Any:
    """The case by receipt number, else by id, locked for this transaction."""
    for column in (records.c.receipt_no, records.c.id):
        row = conn.execute(sa.select(records).where(column == ident,
                                                    records.c.receipt_no.is_not(None),
                                                    records.c.type == "complaint")
                           .with_for_update()).first()
        if row is not None:
            return row
    raise LookupError(f"no case {ident}")


def take(engine: sa.Engine, ident: str, step: Step, *, actor: str,
         role: str = "supervisor") -> dict[str, Any]:
    """Take ``step`` on the case ``ident`` (receipt number or id): one transaction, all or
    nothing. Returns the change the laptop pulls (with ``case_version``). Raises
    ``LookupError`` for an unknown case and :class:`ReviewRefused` (nothing changed) for
    a step the workflow, the law or the case's revision does not allow."""
    note_limit = 4000
    note = kept_text(step.note, "the note", multiline=True, limit=note_limit)
    with engine.begin() as conn:
        row = find_case(conn, ident)
        if step.if_match is not None and step.if_match != case_log.case_version(row):
            raise Stale(f"the case changed meanwhile: it is at version "
                        f"{case_log.case_version(row)}, not {step.if_match}")
        check(row.review_state, step.action, note)
        at = now()
        details: dict[str, Any] = {}
        values = _values(row, step.action, step, note, at, details)
        if step.action == "forward" and values.get("epeople_no") is None \
                and row.epeople_no is None:
            _enqueue(conn, row, values["agency"], actor)
        if step.action == "transfer" and row.epeople_no is None:
            _enqueue(conn, row, values["agency"], actor)
        notices.for_step(conn, row, step.action, revision=case_log.case_version(row) + 1,
                         values=values, note=note)
        return case_log.apply_step(conn, row, actor=actor, role=role, action=step.action,
                                   values=values, note=note, details=details)


def _enqueue(conn: sa.Connection, row: Any, agency: str, actor: str) -> None:
    """Queue the case for e-People (:mod:`sync.hub.epeople.queue`), in this transaction."""
    from sync.hub.epeople import queue

    queue.enqueue(conn, row.id, agency=agency, actor=actor)


def resume(conn: sa.Connection, row: Any, *, actor: str) -> dict[str, Any]:
    """The officer's fix of a returned case arrived (:mod:`sync.hub.push`): the case is
    ``edited`` and its deadline moves by the time it waited (:func:`sync.deadlines.resumed`).
    ``row`` is the case before the push, read under the push's lock."""
    at = now()
    values: dict[str, Any] = {"review_state": "edited", "paused_at": None}
    details: dict[str, Any] = {}
    if row.paused_at is not None and row.deadline_due is not None:
        try:
            moved = deadlines.resumed(_deadline(row), _moment(row.paused_at), _moment(at))
        except ReviewRefused:
            moved = None
        if moved is not None and moved.due.isoformat() != row.deadline_due:
            values["deadline_due"] = moved.due.isoformat()
            details.update(old_deadline=row.deadline_due, new_deadline=values["deadline_due"],
                           paused_from=row.paused_at, basis=deadlines.steps().supplement.basis)
    return case_log.apply_step(conn, row, actor=actor, role="officer", action="edited",
                               values=values, details=details)
