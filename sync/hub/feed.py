"""The pull feed that carries what the centre decides about cases to the laptops.

A review step changes the case and appends a ``Change`` for the laptop that took it, in
one transaction (:mod:`sync.hub.workflow` through :mod:`sync.hub.case_log`; see
:func:`sync.hub.db.append_change` for why the feed's numbers follow commit order). A laptop pulls the changes after its cursor; the cursor is the last
number it has seen, wrapped so that clients treat it as opaque.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.hub.db import reader
from sync.hub.migrations import changes

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
