"""Visits as the centre sees them: the day a bus spent in one town, and the cases taken.

A visit reaches the hub as a record of type ``visit`` (``sync/protocol.py``), stored,
versioned and deduplicated like every record (opened: version 1; closed: version 2). A
case names its visit in its content; :mod:`sync.hub.push` keeps that link in
``record_visits``. A visit lists only cases of the device that made it: a device cannot
file its cases under another bus's visit.

Who sees which visits follows the rule for cases (:mod:`sync.hub.cases`): supervisors see
every visit; officers and counsel the visits of the laptops they enrolled. A visit names
its cases by receipt number and review state only — the cases themselves, with what each
role may not see taken out, are for :func:`sync.hub.cases.list_cases`.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from sync.hub.auth import Person
from sync.hub.db import reader
from sync.hub.migrations import devices, record_visits, records

_FIELDS = ("date", "venue", "region", "team", "opened_at", "opened_by", "closed_at",
           "closed_by")


def list_visits(engine: sa.Engine, person: Person | None = None, *, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:
    """Visits in the order they reached the hub, each with its cases; ``person`` None is
    the hub's admin (the command line)."""
    query = (sa.select(records.c.id, records.c.device_id, records.c.version,
                       records.c.content, records.c.synced_at, devices.c.code)
             .select_from(records.join(devices, records.c.device_id == devices.c.id))
             .where(records.c.type == "visit")
             .order_by(records.c.synced_at, records.c.id).offset(offset).limit(limit))
    if person is not None and person.role != "supervisor":
        query = query.where(devices.c.enrolled_by == person.id)
    with reader(engine).connect() as conn:
        rows = conn.execute(query).all()
        cases = conn.execute(
            sa.select(record_visits.c.visit_id, records.c.id, records.c.type,
                      records.c.receipt_no, records.c.review_state, records.c.device_id)
            .select_from(record_visits.join(records, record_visits.c.record_id == records.c.id))
            .where(record_visits.c.visit_id.in_([row.id for row in rows]))
            .order_by(records.c.receipt_no)).all() if rows else []
    taken: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for case in cases:
        taken.setdefault((case.visit_id, case.device_id), []).append({
            "id": case.id, "type": case.type, "receipt_no": case.receipt_no,
            "review_state": case.review_state})
    found = []
    for row in rows:
        content = json.loads(row.content)
        found.append({"id": row.id, "device": row.code, "version": row.version,
                      **{key: content.get(key) for key in _FIELDS},
                      "synced_at": row.synced_at,
                      "cases": taken.get((row.id, row.device_id), [])})
    return found
