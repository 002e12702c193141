"""Cases as the centre sees them, with what each role may not see taken out.

* Supervisors see every case, whole.
* Officers and counsel see the cases taken on the laptops they enrolled (their bus).
* Counsel notes are confidential between the appellant and counsel: never shown to an
  officer (``notes`` becomes null and ``notes_withheld`` true).
* A public-interest report's reporter is protected by law: the petitioner is sealed
  (``{"sealed": true}``) for everyone but supervisors — decided by the hub from the first
  version that was a report (:mod:`sync.hub.sealing`), never from the kind a later
  version claims.
* Every case lists the conflicting edits kept for it (``conflicts``), so a person sees
  what a laptop tried to change; the edit's content is shown to supervisors only.

The admin command line (``fieldbus-hub cases``) runs on the hub's own machine with the
database's credentials and sees everything.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from sync.hub.auth import Person
from sync.hub.db import reader
from sync.hub.migrations import conflicts, devices, records, sealed_records


def _of(value: Any, kind: type) -> Any:
    """``value`` when it is a ``kind``, else None: the hub checks a counsel session's
    content less closely than a complaint's, and a listing must not fail on it."""
    return value if isinstance(value, kind) else None


def _entry(row: sa.Row) -> dict[str, Any]:
    content = json.loads(row.content)
    if row.type == "counsel":
        title = _of((_of(content.get("disposition"), dict) or {}).get("title"), str)
        body, petitioner = content.get("notes"), content.get("appellant")
    else:
        title, body, petitioner = content.get("title"), content.get("body"), \
            content.get("petitioner")
    return {
        "id": row.id, "type": row.type, "receipt_no": row.receipt_no, "device": row.code,
        "version": row.version, "kind": _of(content.get("kind"), str), "title": title,
        "body": body, "petitioner": petitioner,
        "attachments": [{"sha256": a["sha256"], "size": a["size"]}
                        for a in content["attachments"]] if row.type == "complaint" else [],
        "review_state": row.review_state, "review_note": row.review_note,
        "status": row.status or _of(content.get("status"), str), "epeople_no": row.epeople_no,
        "received_at": row.received_at, "synced_at": row.synced_at, "content": content,
    }


def _seal(entry: dict[str, Any], person: Person, sealed: bool) -> dict[str, Any]:
    content = entry["content"]
    if entry["type"] == "counsel" and person.role == "officer":
        withheld = content.get("notes") is not None
        entry["content"] = content = {**content, "notes": None, "notes_withheld": withheld}
        entry["body"] = None
    if (sealed or entry["kind"] == "report") and person.role != "supervisor" \
            and content.get("petitioner") is not None:
        entry["content"] = {**content, "petitioner": {"sealed": True}}
        entry["petitioner"] = {"sealed": True}
    return entry


def list_cases(engine: sa.Engine, person: Person | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
    """Complaints and counsel sessions, oldest first; ``person`` None is the hub's admin."""
    query = (sa.select(records, devices.c.code,
                       sealed_records.c.record_id.is_not(None).label("sealed"))
             .select_from(records.join(devices, records.c.device_id == devices.c.id)
                          .outerjoin(sealed_records, sealed_records.c.record_id == records.c.id))
             .where(records.c.type.in_(("complaint", "counsel")))
             .order_by(records.c.synced_at, records.c.id).offset(offset).limit(limit))
    if person is not None and person.role != "supervisor":
        query = query.where(devices.c.enrolled_by == person.id)
    with reader(engine).connect() as conn:
        rows = conn.execute(query).all()
        kept = conn.execute(
            sa.select(conflicts).where(conflicts.c.record_id.in_([row.id for row in rows]))
            .order_by(conflicts.c.id)).all()
    entries = [_entry(row) for row in rows]
    whole = person is None or person.role == "supervisor"
    by_record: dict[str, list[dict[str, Any]]] = {entry["id"]: [] for entry in entries}
    for conflict in kept:
        by_record[conflict.record_id].append({
            "version": conflict.version, "base_version": conflict.base_version,
            "held_version": conflict.held_version, "at": conflict.at,
            # The edit itself only for those who see cases whole (it may hold what
            # sealing hides from others).
            "content": json.loads(conflict.content) if whole else None})
    for entry in entries:
        entry["conflicts"] = by_record[entry["id"]]
    if person is not None:
        entries = [_seal(entry, person, bool(row.sealed)) for entry, row in zip(entries, rows)]
    return entries
