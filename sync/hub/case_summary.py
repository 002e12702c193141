"""The supervisors' dashboard in numbers (issue 13 §3, ``GET /api/v1/cases/summary``):
what the queue's filter keeps, counted by visit, region, kind, review state, on-site
outcome and month, how many are overdue or due this week, and the median days from
receipt to forwarding.

Counted over exactly the cases the queue would list to the same person with the same
filter (:func:`sync.hub.cases.selected`), so a chart never disagrees with the list. No
case text and no person in it: a count, and labels the cases' own fields give (a visit's
day and venue, a region's name).
"""

from __future__ import annotations

import datetime as _dt
import json
import statistics
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.deadlines import KST
from sync.hub.auth import Person
from sync.hub.case_queue import Filters
from sync.hub.cases import selected
from sync.hub.db import reader
from sync.hub.migrations import record_visits, records

#: Visits and regions beyond these many (the largest first) are summed as one "기타" row:
#: a chart of 300 bars says nothing.
TOP = 20
OTHER = protocol.SUMMARY_OTHER


def _counts(conn: sa.Connection, person: Person | None, filters: Filters, dialect: str,
            key: sa.ColumnElement[Any], *, visits: bool = False) -> list[dict[str, Any]]:
    labelled = key.label("key")
    query = selected(person, filters, dialect, labelled, sa.func.count())
    if visits:
        query = query.outerjoin(record_visits, record_visits.c.record_id == records.c.id)
    rows = conn.execute(query.group_by(labelled)).all()
    return [{"key": row[0] if row[0] is not None else "", "count": row[1]}
            for row in sorted(rows, key=lambda r: (-r[1], str(r[0])))]


def _top(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(entries) <= TOP:
        return entries
    rest = sum(e["count"] for e in entries[TOP - 1:])
    return entries[:TOP - 1] + [{"key": OTHER, "label": OTHER, "count": rest}]


def visit_labels(conn: sa.Connection, visit_ids: list[str]) -> dict[str, str]:
    """A visit's day and venue, from the content of one of its cases (the hub keeps no
    visit table of its own: a visit travels inside its cases)."""
    first = (sa.select(record_visits.c.visit_id, sa.func.min(record_visits.c.record_id))
             .where(record_visits.c.visit_id.in_(visit_ids))
             .group_by(record_visits.c.visit_id))
    visit_of = {record_id: visit_id for visit_id, record_id in conn.execute(first)}
    labels = {}
    for record_id, content in conn.execute(sa.select(records.c.id, records.c.content)
                                           .where(records.c.id.in_(list(visit_of)))):
        visit = json.loads(content).get("visit")
        if isinstance(visit, dict):
            parts = [visit.get("date"), visit.get("venue") or visit.get("region")]
            labels[visit_of[record_id]] = " ".join(p for p in parts if isinstance(p, str) and p)
    return labels


def _days_to_forward(conn: sa.Connection, person: Person | None, filters: Filters,
                     dialect: str) -> float | None:
    if dialect == "postgresql":
        seconds = sa.func.extract("epoch", sa.cast(records.c.forwarded_at, sa.DateTime(True))
                                  - sa.cast(records.c.received_at, sa.DateTime(True)))
        median = sa.func.percentile_cont(0.5).within_group(seconds)
        found = conn.execute(selected(person, filters, dialect, median)
                             .where(records.c.forwarded_at.is_not(None))).scalar()
        return None if found is None else round(float(found) / 86400, 1)
    days = sa.func.julianday(records.c.forwarded_at) - sa.func.julianday(records.c.received_at)
    spans = [d for d in conn.execute(selected(person, filters, dialect, days)
                                     .where(records.c.forwarded_at.is_not(None))).scalars()
             if d is not None]
    return round(statistics.median(spans), 1) if spans else None


def summary(engine: sa.Engine, person: Person | None, filters: Filters,
            now: _dt.datetime | None = None) -> dict[str, Any]:
    """The counts (see the module's docstring); ``now`` for tests."""
    dialect = engine.dialect.name
    filters = replace(filters, now=now or _dt.datetime.now(KST))
    count = sa.func.count()
    with reader(engine).connect() as conn:
        total = conn.execute(selected(person, filters, dialect, count)).scalar_one()
        overdue = conn.execute(selected(person, replace(filters, overdue=True), dialect,
                                        count)).scalar_one()
        week = conn.execute(selected(person, replace(filters, due_within=7), dialect,
                                     count)).scalar_one()
        forwarded = conn.execute(selected(person, filters, dialect, count)
                                 .where(records.c.forwarded_at.is_not(None))).scalar_one()
        median = _days_to_forward(conn, person, filters, dialect)
        visits = _counts(conn, person, filters, dialect, record_visits.c.visit_id,
                         visits=True)
        visits = [v for v in visits if v["key"]]
        labels = visit_labels(conn, [v["key"] for v in visits[:TOP]]) if visits else {}
        by = {name: _counts(conn, person, filters, dialect, column) for name, column in (
            ("region", records.c.region), ("kind", records.c.kind),
            ("state", records.c.review_state), ("outcome", records.c.outcome),
            ("month", sa.func.substr(records.c.received_at, 1, 7)))}
    provinces: dict[str, int] = {}
    for entry in by["region"]:
        province = entry["key"].split(" ")[0] if entry["key"] else ""
        provinces[province] = provinces.get(province, 0) + entry["count"]
    for entry in visits:
        entry["label"] = labels.get(entry["key"], entry["key"])
    return {
        "total": total, "overdue": overdue, "due_this_week": week, "forwarded": forwarded,
        "median_days_to_forward": median,
        "by_visit": _top(visits),
        "by_province": [{"key": k, "count": c} for k, c in
                        sorted(provinces.items(), key=lambda kc: (-kc[1], kc[0]))],
        "by_region": _top(by["region"]), "by_kind": by["kind"], "by_state": by["state"],
        "by_outcome": by["outcome"],
        "by_month": sorted(by["month"], key=lambda e: e["key"]),
    }
