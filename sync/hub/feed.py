"""What the centre decides about cases, and the pull feed that carries it to the laptops.

A review changes the case and appends a ``Change`` for the laptop that took it, in one
transaction (see :func:`sync.hub.db.append_change` for why the feed's numbers follow
commit order). A laptop pulls the changes after its cursor; the cursor is the last
number it has seen, wrapped so that clients treat it as opaque.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.controls import find_control
from sync.hub.auth import record_audit
from sync.hub.db import append_change, now, reader
from sync.hub import workflow
from sync.hub.migrations import changes, records
from sync.rrn import mask_rrns

_CURSOR_PREFIX = "c1:"


class BadCursor(ValueError):
    """A cursor this hub never handed out."""


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        if text.startswith(_CURSOR_PREFIX) and text[3:].isdigit() and len(text) < 22:
            return int(text[3:])  # below 10**18: fits the feed's 64-bit numbers
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise BadCursor("this cursor was not handed out by this hub")


def pull(engine: sa.Engine, device_id: int, cursor: str | None,
         limit: int = protocol.PULL_LIMIT) -> dict[str, Any]:
    after = decode_cursor(cursor)
    with reader(engine).connect() as conn:
        rows = conn.execute(
            sa.select(changes.c.seq, changes.c.body)
            .where(changes.c.device_id == device_id, changes.c.seq > after)
            .order_by(changes.c.seq).limit(limit + 1)).all()
    page = rows[:limit]
    last = page[-1].seq if page else after
    return {"protocol": protocol.PROTOCOL_VERSION,
            "changes": [{"seq": row.seq, **json.loads(row.body)} for row in page],
            "cursor": encode_cursor(last), "more": len(rows) > limit}


def _kept_text(text: str | None, what: str, *, multiline: bool) -> str | None:
    if text is None:
        return None
    bad = find_control(text, multiline=multiline)
    if bad is not None:
        raise ValueError(f"{what} contains a control character (U+{ord(bad):04X})")
    return mask_rrns(text)[0]


def review(engine: sa.Engine, *, record_id: str | None = None, receipt_no: str | None = None,
           state: str, note: str | None, epeople_no: str | None, actor: str) -> dict[str, Any]:
    """Sets a case's review state; the laptop that took it learns it on its next pull.

    The note is kept and sent as the supervisor wrote it but for registration numbers,
    which are masked; a control character in it (or in ``epeople_no``) is a ValueError. A
    step the workflow does not allow (``sync.hub.workflow``) is a ``ReviewRefused``."""
    note = _kept_text(note, "the review note", multiline=True)
    epeople_no = _kept_text(epeople_no, "the e-people number", multiline=False)
    where = records.c.id == record_id if record_id is not None \
        else records.c.receipt_no == receipt_no
    with engine.begin() as conn:
        row = conn.execute(sa.select(records).where(where, records.c.receipt_no.is_not(None))
                           .with_for_update()).first()
        if row is None:
            raise LookupError(f"no case {record_id or receipt_no}")
        workflow.check(row.review_state, state, note)  # nothing changes when refused
        epeople = epeople_no if epeople_no is not None else row.epeople_no
        status = "forwarded" if state == "approved" and epeople else row.status
        # Approved or rejected finishes the case: its retention period starts (retention.py).
        finished = now() if state in ("approved", "rejected") else None
        conn.execute(records.update().where(records.c.id == row.id).values(
            review_state=state, review_note=note, epeople_no=epeople, status=status,
            finished_at=finished))
        body = {"type": "review", "id": row.id, "receipt_no": row.receipt_no,
                "review_state": state, "review_note": note, "status": status,
                "epeople_no": epeople, "at": now()}
        record_audit(conn, actor, f"review_{state}", row.receipt_no)
        seq = append_change(conn, device_id=row.device_id, record_id=row.id, body=body)
    return {"seq": seq, **body}
