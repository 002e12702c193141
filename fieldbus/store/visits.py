"""Visits: the day the bus spends in one town. Cases taken that day belong to it."""

from __future__ import annotations

import json
from datetime import date, datetime

from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.ids import new_id
from fieldbus.domain.rrn import mask_rrns
from fieldbus.domain.records import Officer, Visit
from fieldbus.domain.text import clean_text
from fieldbus.store import audit, outbox
from fieldbus.store.store import Store

_COLUMNS = "id, day, venue, region, team, opened_by, opened_at, closed_by, closed_at"


def from_row(row) -> Visit:
    return Visit(
        id=row[0], day=date.fromisoformat(row[1]), venue=row[2], region=row[3],
        team=tuple(json.loads(row[4])), opened_by=row[5],
        opened_at=datetime.fromisoformat(row[6]), closed_by=row[7],
        closed_at=datetime.fromisoformat(row[8]) if row[8] else None,
    )


def current(store: Store) -> Visit | None:
    row = store.db.execute(f"SELECT {_COLUMNS} FROM visits WHERE closed_at IS NULL").fetchone()
    return from_row(row) if row else None


def by_id(store: Store, visit_id: str | None) -> Visit | None:
    if visit_id is None:
        return None
    row = store.db.execute(f"SELECT {_COLUMNS} FROM visits WHERE id = ?", (visit_id,)).fetchone()
    return from_row(row) if row else None


def _kept(text: str, field: str, max_len: int) -> str:
    """A visit's text as stored and sent to the hub: cleaned, a registration number
    typed into it masked like everywhere else (docs/security.md §6)."""
    return mask_rrns(clean_text(text, field=field, max_len=max_len) or "")[0]


def open_visit(store: Store, by: Officer, *, venue: str, region: str, day: date | None = None,
               team: tuple[str, ...] = ()) -> Visit:
    now = store.clock()
    visit = Visit(
        id=new_id(),
        day=day or now.date(),
        venue=_kept(venue, "venue", 100),
        region=_kept(region, "region", 100),
        team=tuple(_kept(member, "team", 50) for member in team),
        opened_by=by.id, opened_at=now,
    )
    if abs((visit.day - now.date()).days) > 366:
        raise ValidationError("date", "is more than a year away from today", code="date")
    with store.write():
        if current(store) is not None:
            raise ValidationError("visit", "a visit is already open: close it first",
                                  code="visit_open")
        store.db.execute(
            "INSERT INTO visits (id, day, venue, region, team, opened_by, opened_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (visit.id, visit.day.isoformat(), visit.venue, visit.region,
             json.dumps(list(visit.team), ensure_ascii=False), by.id, now.isoformat()),
        )
        outbox.enqueue(store.db, record_type="visit", record_id=visit.id, version=1,
                       base_version=None, at=now)
        audit.append(store.db, at=now, officer_id=by.id, action="visit_opened",
                     record_type="visit", record_id=visit.id)
    return visit


def close_visit(store: Store, by: Officer) -> Visit:
    now = store.clock()
    with store.write():
        visit = current(store)
        if visit is None:
            raise NotFound("no visit is open")
        store.db.execute("UPDATE visits SET closed_by = ?, closed_at = ? WHERE id = ?",
                         (by.id, now.isoformat(), visit.id))
        closed = Visit(**{**visit.__dict__, "closed_by": by.id, "closed_at": now})
        outbox.enqueue(store.db, record_type="visit", record_id=visit.id, version=2,
                       base_version=1, at=now)
        audit.append(store.db, at=now, officer_id=by.id, action="visit_closed",
                     record_type="visit", record_id=visit.id)
    return closed
