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
from dataclasses import dataclass, replace
from collections.abc import Collection
from typing import Any

import sqlalchemy as sa

from sync.hub import case_queue
from sync.hub.auth import Person
from sync.hub.case_queue import Filters
from sync.hub.db import reader
from sync.hub.migrations import (awaited_blobs, blobs, case_events, conflicts, devices, records,
                                 sealed_records)


def _of(value: Any, kind: type) -> Any:
    """``value`` when it is a ``kind``, else None: the hub checks a counsel session's
    content less closely than a complaint's, and a listing must not fail on it."""
    return value if isinstance(value, kind) else None


def _awaited(conn: sa.Connection, ids: list[str]) -> dict[str, set[str]]:
    """record id → the blobs it names that its device has not uploaded yet (protocol 2)."""
    found: dict[str, set[str]] = {}
    if ids:
        for row in conn.execute(sa.select(awaited_blobs.c.record_id, awaited_blobs.c.sha256)
                                .where(awaited_blobs.c.record_id.in_(ids))):
            found.setdefault(row.record_id, set()).add(row.sha256)
    return found


def _entry(row: sa.Row, waiting: Collection[str] = ()) -> dict[str, Any]:
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
        "attachments": [{"sha256": a["sha256"], "size": a["size"],
                         "received": a["sha256"] not in waiting}
                        for a in content["attachments"]] if row.type == "complaint" else [],
        # Files the case went ahead of (protocol 2): "첨부 수신 중" until they arrive.
        "attachments_pending": len(waiting),
        "review_state": row.review_state, "review_note": row.review_note,
        "status": row.status or _of(content.get("status"), str), "epeople_no": row.epeople_no,
        "received_at": row.received_at, "synced_at": row.synced_at, "content": content,
        # The review workflow (sync/hub/workflow.py): the revision to send as If-Match,
        # the deadline as it stands now, and where the case went.
        "case_version": row.case_version or 1, "deadline_due": row.deadline_due,
        "deadline_rule": row.deadline_rule, "paused_since": row.paused_at,
        "extensions": row.extensions or 0, "agency": row.agency,
        "handler": json.loads(row.handler) if row.handler else None,
        "forwarded_at": row.forwarded_at, "transferred_at": row.transferred_at,
        "closed_at": row.closed_at, "answered_on": row.answered_on, "region": row.region,
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


def _visible(person: Person | None, filters: Filters, dialect: str, *, indexed: bool = True
             ) -> list[sa.ColumnElement[bool]]:
    where = [records.c.type.in_(("complaint", "counsel")),
             *case_queue.conditions(filters, dialect, indexed=indexed)]
    if person is not None and person.role != "supervisor":
        where.append(devices.c.enrolled_by == person.id)
    return where


_FROM = records.join(devices, records.c.device_id == devices.c.id)


def selected(person: Person | None, filters: Filters, dialect: str,
             *columns: sa.ColumnElement[Any]) -> sa.Select:
    """``columns`` of the cases ``person`` may see that ``filters`` keep (for counts that
    must see exactly what the queue sees: :mod:`sync.hub.case_summary`)."""
    return sa.select(*columns).select_from(_FROM).where(*_visible(person, filters, dialect))


def list_cases(engine: sa.Engine, person: Person | None = None, *, limit: int | None = None,
               offset: int = 0, filters: Filters | None = None,
               ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Complaints and counsel sessions kept by ``filters`` (:mod:`sync.hub.case_queue`;
    none: all, oldest first) — or, with ``ids``, those cases in that order (a page the
    search walk has found); ``person`` None is the hub's admin."""
    filters = filters or Filters()
    query = (sa.select(records, devices.c.code,
                       sealed_records.c.record_id.is_not(None).label("sealed"))
             .select_from(_FROM.outerjoin(sealed_records,
                                          sealed_records.c.record_id == records.c.id)))
    if ids is None:
        query = (query.where(*_visible(person, filters, engine.dialect.name))
                 .order_by(*case_queue.ordering(filters)).offset(offset).limit(limit))
    else:
        query = query.where(records.c.id.in_(ids))
    with reader(engine).connect() as conn:
        rows = conn.execute(query).all()
        if ids is not None:
            place = {ident: n for n, ident in enumerate(ids)}
            rows.sort(key=lambda row: place[row.id])
        kept = conn.execute(
            sa.select(conflicts).where(conflicts.c.record_id.in_([row.id for row in rows]),
                                       conflicts.c.resolved_at.is_(None))
            .order_by(conflicts.c.id)).all()
        waiting = _awaited(conn, [row.id for row in rows])
    entries = [_entry(row, waiting.get(row.id, ())) for row in rows]
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


def page(engine: sa.Engine, person: Person | None, filters: Filters, *, limit: int,
         offset: int) -> dict[str, Any]:
    """A page of the queue, with how many cases the filter keeps (exact up to
    :data:`sync.hub.case_queue.TOTAL_CAP`, ``total_capped`` beyond) and where the next
    page starts (None at the end)."""
    walked = _walk(engine, person, filters, offset + limit + 1) \
        if case_queue.uses_index(filters, engine.dialect.name) else None
    if walked is not None and walked.ids is not None:
        found = list_cases(engine, person, filters=filters,
                           ids=walked.ids[offset:offset + limit + 1])
    else:
        found = list_cases(engine, person, limit=limit + 1, offset=offset, filters=filters)
    more = len(found) > limit
    if walked is not None and walked.total is not None:
        total = walked.total
    else:
        capped = (sa.select(sa.literal(1)).select_from(_FROM)
                  .where(*_visible(person, filters, engine.dialect.name))
                  .limit(case_queue.TOTAL_CAP + 1).subquery())
        with reader(engine).connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(capped)).scalar_one()
    return {"cases": found[:limit], "total": min(total, case_queue.TOTAL_CAP),
            "total_capped": total > case_queue.TOTAL_CAP,
            "next_offset": offset + limit if more else None}


@dataclass(frozen=True)
class _Walked:
    """What reading the first :data:`~sync.hub.case_queue.WALK` cases told: the ids of
    the page's matches in order (None: not enough there, ask the index) and the total
    (None: not known from them)."""

    ids: list[str] | None
    total: int | None


def _walk(engine: sa.Engine, person: Person | None, filters: Filters,
          needed: int) -> _Walked:
    """A search read through the filtered cases in the page's order, before the index.

    The bigram index finds the cases holding every pair of the search's letters, but a
    word that many cases hold (포장 in an eighth of them) makes it fetch every one of them
    to sort and recheck: seconds at a million. Such a word is found at once by walking the
    page's order and checking each case's text; a rare word is not, and goes to the
    index, which is quick when it finds few. The planner cannot choose between the two —
    it takes the pairs of a word for independent and thinks every word rare — so the hub
    does: the first :data:`~sync.hub.case_queue.WALK` cases in order, read once for how
    many match; if that holds the page (or is all there is), the page comes from them."""
    wanted = case_queue.searched(filters)
    assert wanted is not None
    order = case_queue.ordering(filters)
    unsearched = replace(filters, q=None)
    prefix = (sa.select(records.c.id, records.c.search_text,
                        *(column.label(f"o{n}") for n, column in enumerate(order)))
              .select_from(_FROM).where(*_visible(person, unsearched, engine.dialect.name))
              .order_by(*order).limit(case_queue.WALK).subquery())
    hit = case_queue.matches(prefix.c.search_text, wanted)
    with reader(engine).connect() as conn:
        scanned, hits = conn.execute(sa.select(sa.func.count(),
                                               sa.func.count().filter(hit))
                                     .select_from(prefix)).one()
        whole = scanned < case_queue.WALK
        ids = None
        if whole or hits >= needed:
            ids = list(conn.execute(
                sa.select(prefix.c.id).where(hit)
                .order_by(*(prefix.c[f"o{n}"] for n in range(len(order))))
                .limit(needed)).scalars())
    known = hits if whole or hits > case_queue.TOTAL_CAP else None
    return _Walked(ids, known)


# -- one case and its history (issue 13) -------------------------------------------------


def _one(conn: sa.Connection, person: Person | None, ident: str) -> sa.Row:
    """The complaint or counsel session ``ident`` (receipt number, else id) as ``person``
    may see it; LookupError otherwise — the same for a case of another bus as for one that
    does not exist, so a number's existence is not told to whoever guesses it."""
    base = (sa.select(records, devices.c.code, devices.c.enrolled_by,
                      sealed_records.c.record_id.is_not(None).label("sealed"))
            .select_from(records.join(devices, records.c.device_id == devices.c.id)
                         .outerjoin(sealed_records, sealed_records.c.record_id == records.c.id))
            .where(records.c.type.in_(("complaint", "counsel"))))
    for column in (records.c.receipt_no, records.c.id):
        row = conn.execute(base.where(column == ident)).first()
        if row is not None:
            if person is not None and person.role != "supervisor" \
                    and row.enrolled_by != person.id:
                break
            return row
    raise LookupError(f"no case {ident}")


def get_case(engine: sa.Engine, person: Person | None, ident: str) -> dict[str, Any]:
    """One case whole for supervisors, sealed and withheld as in :func:`list_cases` for
    the others, with its kept conflicts."""
    with reader(engine).connect() as conn:
        row = _one(conn, person, ident)
        kept = conn.execute(sa.select(conflicts).where(conflicts.c.record_id == row.id,
                                                       conflicts.c.resolved_at.is_(None))
                            .order_by(conflicts.c.id)).all()
        waiting = _awaited(conn, [row.id]).get(row.id, set())
    entry = _entry(row, waiting)
    whole = person is None or person.role == "supervisor"
    entry["conflicts"] = [{
        "version": c.version, "base_version": c.base_version, "held_version": c.held_version,
        "at": c.at, "content": json.loads(c.content) if whole else None} for c in kept]
    return entry if person is None else _seal(entry, person, bool(row.sealed))


def history(engine: sa.Engine, person: Person | None, ident: str) -> dict[str, Any]:
    """Every step of the case at the centre, oldest first, with who took it and in which
    role (sync/hub/case_log.py writes them)."""
    with reader(engine).connect() as conn:
        row = _one(conn, person, ident)
        events = conn.execute(sa.select(case_events).where(case_events.c.record_id == row.id)
                              .order_by(case_events.c.id)).all()
    return {"receipt_no": row.receipt_no or row.id, "events": [{
        "at": e.at, "actor": e.actor, "role": e.role, "action": e.action,
        "from_state": e.from_state, "to_state": e.to_state, "note": e.note,
        "details": json.loads(e.details) if e.details else None,
        "case_version": e.case_version} for e in events]}


def attachment(engine: sa.Engine, person: Person | None, ident: str,
               sha256: str) -> tuple[bytes, str, str]:
    """One attachment (or the drawn signature) of a case ``person`` may see: its bytes,
    media type and file name. LookupError when the case does not name it — a person
    reads a blob through a case, never by guessing hashes — or, for a sealed report's
    signature, when ``person`` is not a supervisor (it identifies the reporter)."""
    with reader(engine).connect() as conn:
        row = _one(conn, person, ident)
        content = json.loads(row.content)
        named = {a.get("sha256"): (a.get("media_type") or "application/octet-stream",
                                   a.get("filename") or sha256)
                 for a in _of(content.get("attachments"), list) or [] if isinstance(a, dict)}
        signature = _of(content.get("signature"), dict)
        sealed = bool(row.sealed) or content.get("kind") == "report"
        if signature and (person is None or person.role == "supervisor" or not sealed):
            named.setdefault(signature.get("sha256"), ("image/png", "signature.png"))
        if sha256 not in named:
            raise LookupError(f"case {ident} names no attachment {sha256}")
        # Not before its own device sent it: the same bytes from another bus must not be
        # readable through a case that only names them (docs/security.md §4).
        if sha256 in _awaited(conn, [row.id]).get(row.id, set()):
            raise LookupError(f"the hub is still receiving attachment {sha256} of {ident}")
        data = conn.execute(sa.select(blobs.c.data).where(blobs.c.sha256 == sha256)).scalar()
    if data is None:
        raise LookupError(f"the hub does not hold {sha256}")
    return data, *named[sha256]
