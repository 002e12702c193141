"""A supervisor's review of a complaint, arriving from the hub (DESIGN.md §5).

Review states are ODK Central's: ``received``, ``has_issues`` (returned to the officer with
a note), ``edited`` (resubmitted), ``approved``, ``rejected``. The hub decides them; this
laptop only records what it is told, when the sync client pulls it. So applying a review
writes the case's ``review_state``/``review_note``, a history row and an audit entry — and
**no outbox row**: the change came from the hub, sending it back would echo it. The case's
version and sync state are left alone (the review is not a local change to the intake).

The officer's answer to ``has_issues`` is an ordinary edit (``complaints.edit``), which
turns the state into ``edited`` and queues the case for the hub again.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.receipt_numbers import parse_receipt_no
from fieldbus.domain.records import REVIEW_STATES, Officer
from fieldbus.domain.rrn import mask_rrns
from fieldbus.store import audit
from fieldbus.store.store import Store
from sync.controls import strip_controls

STATES = REVIEW_STATES
MAX_NOTE = 2000
#: The centre's words kept with a case (who, which step, the agency, the handler), cut
#: here: they are shown on screen and printed, never trusted to be short.
MAX_WORDS = 200


@dataclass(frozen=True)
class Review:
    """One review as the hub sends it. ``complaint`` is the case's id or receipt number;
    ``at`` is when the supervisor reviewed it (timezone-aware)."""

    complaint: str
    state: str
    note: str | None
    at: datetime
    #: What the centre says besides the state (issue 13), when the hub sends it: who took
    #: the step, in which role, which step, the deadline as it stands now, the agency the
    #: case went to, its handler, and the case's revision at the hub.
    by: str | None = None
    role: str | None = None
    action: str | None = None
    deadline_due: str | None = None
    agency: str | None = None
    handler: dict[str, Any] | None = None
    case_version: int | None = None


def _note(note: str | None) -> str | None:
    if note is None:
        return None
    if not isinstance(note, str):
        raise ValidationError("note", "a review note must be text", code="type")
    # The hub refuses control characters in a note and masks registration numbers; the
    # laptop does both again rather than trust it (a note is shown on screen and kept
    # with the case). Stripped, not refused: refusing would stop the whole pulled page.
    text = strip_controls(unicodedata.normalize("NFC", note)).strip()
    if len(text) > MAX_NOTE:
        raise ValidationError("note", f"longer than {MAX_NOTE} characters", code="too_long")
    return mask_rrns(text)[0] or None


def _words(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = strip_controls(unicodedata.normalize("NFC", value)).strip()[:MAX_WORDS]
    return mask_rrns(text)[0] or None


def _moment(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.isoformat() if moment.tzinfo is not None else None


def centre_json(review: Review) -> str | None:
    """The ``centre`` column for ``review`` (None when the hub said nothing besides the
    state: a hub from before the workflow). Every value is screened like the note: the
    centre's words are shown and printed here."""
    handler = None
    if isinstance(review.handler, dict):
        handler = {key: _words(review.handler.get(key)) for key in ("org", "name", "phone")}
        handler = handler if all(handler.values()) else None
    centre = {"by": _words(review.by), "role": _words(review.role),
              "at": review.at.isoformat(), "action": _words(review.action),
              "deadline_due": _moment(review.deadline_due), "agency": _words(review.agency),
              "handler": handler,
              "case_version": review.case_version
              if isinstance(review.case_version, int) else None}
    if not any(v for k, v in centre.items() if k != "at"):
        return None
    return json.dumps(centre, ensure_ascii=False, sort_keys=True)


def _check(review: Review) -> str | None:
    if review.state not in STATES:
        raise ValidationError("state", f"not a review state: {review.state!r} (one of "
                              f"{', '.join(STATES)})", code="enum")
    if not isinstance(review.at, datetime) or review.at.tzinfo is None:
        raise ValidationError("at", "the review time needs a timezone", code="type")
    return _note(review.note)


def _complaint_row(store: Store, ident: str
                   ) -> tuple[str, str, str | None, str | None, str | None]:
    """(id, receipt number, review state, review note, centre) by receipt number or id."""
    try:
        key, column = parse_receipt_no(ident, field="complaint").text, "receipt_no"
    except ValidationError:
        key, column = ident, "id"
    row = store.db.execute(f"SELECT id, receipt_no, review_state, review_note, centre "
                           f"FROM complaints "
                           f"WHERE {column} = ?", (key,)).fetchone()
    if row is None:
        raise NotFound(f"no complaint {ident} on this laptop")
    return row


def apply_many(store: Store, reviews: Iterable[Review], *, by: Officer) -> int:
    """Record several reviews in one transaction (a pulled batch: all or none); the
    number of cases whose review changed.

    ``by`` is the officer signed in on this laptop whose sync brought the reviews in: the
    history row and the audit entry need a local officer (the reviewing supervisor works
    at the hub and has no account here). A review identical to the one held (a batch
    pulled twice) changes nothing and writes nothing.
    """
    with store.write():
        chain = audit.Chain(store.db)
        changed = write_many(store, reviews, by=by, chain=chain)
        chain.close()
    return changed


def write_many(store: Store, reviews: Iterable[Review], *, by: Officer,
               chain: audit.Chain) -> int:
    """:func:`apply_many` inside the caller's write transaction and audit chain (the sync
    client applies a pulled page and stores its cursor in one transaction). Every review
    is checked before anything is written."""
    checked = [(review, _check(review), centre_json(review)) for review in reviews]
    changed = 0
    now = store.clock()
    for review, note, centre in checked:
        complaint_id, receipt_no, state, old_note, old_centre = _complaint_row(
            store, review.complaint)
        centre = centre if centre is not None else old_centre
        if (state, old_note, old_centre) == (review.state, note, centre):
            continue
        store.db.execute("UPDATE complaints SET review_state = ?, review_note = ?, "
                         "centre = ? WHERE id = ?", (review.state, note, centre, complaint_id))
        fields = (["review_state"] if (state, old_note) != (review.state, note) else []) \
            + (["review_note"] if note != old_note else []) \
            + (["centre"] if centre != old_centre else [])
        # A step that leaves the state (an extension, a handler named) is named for itself.
        action = f"review_{review.state}" if fields[:1] == ["review_state"] or not review.action \
            else f"centre_{_words(review.action)}"
        store.db.execute(
            "INSERT INTO complaint_history (complaint_id, at, officer_id, action, fields) "
            "VALUES (?, ?, ?, ?, ?)", (complaint_id, review.at.isoformat(), by.id,
                                       action, json.dumps(fields)))
        # The note is the supervisor's words about a case: kept on the case, not in
        # the audit log (which holds codes and field names only).
        chain.append(at=now, officer_id=by.id, action="complaint_reviewed",
                     record_type="complaint", record_id=complaint_id,
                     details={"receipt_no": receipt_no, "state": review.state,
                              "reviewed_at": review.at.isoformat(),
                              "note": note is not None})
        changed += 1
    return changed


def apply(store: Store, complaint: str, state: str, note: str | None, at: datetime, *,
          by: Officer) -> bool:
    """Record one review of ``complaint`` (its id or receipt number) from the hub: True
    when the case's review changed. Raises ``ValidationError`` for a state that is not
    one of :data:`STATES` and ``NotFound`` for a case this laptop does not hold."""
    return apply_many(store, [Review(complaint, state, note, at)], by=by) == 1
