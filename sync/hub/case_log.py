"""One step of a case at the centre, written in one transaction: the case's row, its history
and the change its laptop pulls.

Every writer of a case's review columns — a supervisor's action (:mod:`sync.hub.workflow`),
the officer's fix arriving (:mod:`sync.hub.push`), the e-People connector bringing a
신청번호 back — goes through :func:`apply_step`, so that none of them can forget the
history entry, the revision (``case_version``: If-Match / ETag) or the laptop's feed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from sync.hub.auth import record_audit
from sync.hub.db import append_change, now
from sync.hub.migrations import case_events, records

#: The role recorded for steps no person took (the officer's fix arriving is the
#: officer's; a 신청번호 coming back from e-People is the system's).
SYSTEM = "system"


class Snapshot(dict):
    """A case's row as it was, with a row's attribute access (a push hands
    :func:`sync.hub.workflow.resume` the case before its own update)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def _asdict(self) -> dict[str, Any]:
        return dict(self)


def case_version(row: Any) -> int:
    """The case's revision (1 for a case no step has touched since it arrived)."""
    return int(row.case_version or 1)


def handler_of(row: Any) -> dict[str, Any] | None:
    return json.loads(row.handler) if row.handler else None


def change_body(row: Mapping[str, Any], *, action: str, by: str, role: str,
                at: str, note: str | None = None) -> dict[str, Any]:
    """The change the case's laptop pulls: the whole review state as it now stands, so a
    laptop that missed a change still ends up right after the next one."""
    return {"type": "review", "id": row["id"], "receipt_no": row["receipt_no"],
            "review_state": row["review_state"], "review_note": row["review_note"],
            "status": row["status"], "epeople_no": row["epeople_no"], "at": at,
            "action": action, "note": note, "by": by, "role": role,
            "deadline_due": row["deadline_due"],
            "agency": row["agency"],
            "handler": json.loads(row["handler"]) if row["handler"] else None,
            "case_version": row["case_version"]}


def apply_step(conn: sa.Connection, row: Any, *, actor: str, role: str, action: str,
               values: Mapping[str, Any], note: str | None = None,
               details: Mapping[str, Any] | None = None, feed: bool = True) -> dict[str, Any]:
    """Write ``values`` to the case ``row`` (read under a row lock by the caller), raise its
    revision, add the history entry and the audit entry, and — unless ``feed`` is False —
    append the laptop's change; call it as the transaction's last write (the feed's
    counter stays locked until the commit: :func:`sync.hub.db.append_change`).

    Returns the change (with its ``seq`` when fed)."""
    at = now()
    version = case_version(row) + 1
    updated = {**row._asdict(), **values, "case_version": version}
    conn.execute(records.update().where(records.c.id == row.id)
                 .values(**values, case_version=version))
    conn.execute(case_events.insert().values(
        record_id=row.id, at=at, actor=actor, role=role, action=action,
        from_state=row.review_state, to_state=updated["review_state"], note=note,
        details=json.dumps(dict(details), ensure_ascii=False, sort_keys=True)
        if details else None, case_version=version))
    record_audit(conn, actor, f"case_{action}", row.receipt_no or row.id)
    body = change_body(updated, action=action, by=actor, role=role, at=at, note=note)
    if not feed:
        return body
    seq = append_change(conn, device_id=row.device_id, record_id=row.id, body=body)
    return {"seq": seq, **body}


def log_arrivals(conn: sa.Connection, entries: list[dict[str, Any]]) -> None:
    """History entries for what a push stored (``received``, ``edited``, ``conflict``),
    in one statement: a push of 500 cases must stay one round trip per table."""
    if entries:
        conn.execute(case_events.insert(), entries)
