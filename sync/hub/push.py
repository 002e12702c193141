"""Taking a batch of pushed records: the rules of ``sync.protocol`` on the hub's side.

A batch is judged in memory against what the hub holds (two to four queries, whatever
its size) and written in **one transaction**: a crash or a lost connection mid-push leaves
every record of the batch either stored or not at all, and the laptop's resend is then
answered ``duplicate`` for what did arrive. Nothing is ever overwritten without the base
version it was edited from; what would be is kept in ``conflicts`` for a person.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from typing import Any

import sqlalchemy as sa

from sync import protocol, receipt_check
from sync.hub import case_log, device_text, workflow
from sync.hub.auth import Device
from sync.hub.case_fields import QUEUE_COLUMNS, case_fields
from sync.hub.db import insert_many, now
from sync.hub.migrations import (awaited_blobs, blob_owners, blobs, conflicts, devices,
                                 record_versions, record_visits, records)
from sync.hub.sealing import seal_accepted

RECEIPT_NO = re.compile(r"^[A-Z0-9]{2,6}-[0-9]{6}-[0-9]{4}-[0-9A-Z]$")
_RETRIES = 3


class Invalid(Exception):
    """Why a record can never be accepted as sent (the ``invalid`` outcome's reason)."""


def _need(content: dict[str, Any], key: str, kind: type,
          *, optional: bool = False) -> Any:
    if key not in content:
        if optional:
            return None
        raise Invalid(f"content.{key} is missing")
    value = content[key]
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise Invalid(f"content.{key} has the wrong type")
    return value


def _timestamp(content: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = _need(content, key, str, optional=optional)
    if value is not None:
        try:
            _dt.datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(f"content.{key} is not an ISO 8601 date") from None
    return value


def _blob_ref(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not isinstance(value.get("sha256"), str) \
            or not protocol.is_sha256(value["sha256"]):
        raise Invalid(f"{where}.sha256 is not a lowercase hex SHA-256")
    size = value.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or not \
            0 <= size <= protocol.MAX_ATTACHMENT_BYTES:
        raise Invalid(f"{where}.size is not a size the hub accepts")
    return value


def blob_refs(record_type: str, content: dict[str, Any]) -> list[dict[str, Any]]:
    """Validates ``content`` for its type; returns the blobs it names.

    Enough to refuse nonsense (missing keys, wrong types, a malformed receipt number),
    not a second copy of the laptop's intake rules: the laptop validated the case when
    it was taken, and the hub must not refuse what a newer laptop adds.
    """
    refs: list[dict[str, Any]] = []
    if record_type == "complaint":
        number = _need(content, "receipt_no", str)
        if not RECEIPT_NO.match(number):
            raise Invalid("content.receipt_no is not a receipt number")
        for key in ("kind", "title", "body", "status"):
            _need(content, key, str)
        _timestamp(content, "received_at")
        _timestamp(content, "deadline", optional=True)
        _need(content, "petitioner", dict, optional=True)
        _need(content, "visit", dict, optional=True)
        signature = _need(content, "signature", dict, optional=True)
        if signature is not None:
            refs.append(_blob_ref(signature, "content.signature"))
        for i, item in enumerate(_need(content, "attachments", list)):
            where = f"content.attachments[{i}]"
            refs.append(_blob_ref(item, where))
            for key in ("filename", "media_type"):
                if not isinstance(item.get(key), str):
                    raise Invalid(f"{where}.{key} is missing")
    elif record_type == "counsel":
        number = _need(content, "number", str)
        if not RECEIPT_NO.match(number):
            raise Invalid("content.number is not a receipt number")
        _timestamp(content, "received_at")
        _need(content, "notes", str, optional=True)
        _need(content, "appellant", dict, optional=True)
        _need(content, "visit", dict, optional=True)
    elif record_type == "visit":
        _visit(content)
    return refs


def _visit(content: dict[str, Any]) -> None:
    """A visit: its day, place and team, who opened it and when, and once it is closed
    who closed it and when (both or neither)."""
    day = _need(content, "date", str)
    try:
        _dt.date.fromisoformat(day)
    except ValueError:
        raise Invalid("content.date is not an ISO 8601 date") from None
    for key in ("venue", "region", "opened_by"):
        _need(content, key, str)
    if not all(isinstance(name, str) for name in _need(content, "team", list)):
        raise Invalid("content.team is not a list of names")
    _timestamp(content, "opened_at")
    closed = _timestamp(content, "closed_at", optional=True)
    if (closed is None) != (_need(content, "closed_by", str, optional=True) is None):
        raise Invalid("content.closed_at and content.closed_by go together")


def visit_of(record_type: str, content: dict[str, Any]) -> str | None:
    """The id of the visit a case was taken on, from its content (None for none)."""
    visit = content.get("visit") if record_type in ("complaint", "counsel") else None
    ident = visit.get("id") if isinstance(visit, dict) else None
    return ident if isinstance(ident, str) and 0 < len(ident) <= 64 else None


def check_claim(device: Device, record_type: str, content: dict[str, Any]) -> None:
    """A device may push only receipt numbers it made: its own code in front and a check
    character that matches. Else another laptop could take a case's number first, and the
    real case would be refused and its citizen's QR page answer 404 (docs/security.md §4).
    Call after :func:`blob_refs` (which checks the shape)."""
    number = receipt_of(record_type, content)
    if number is None:
        return
    made_on = number.partition("-")[0]
    if made_on != device.code:
        raise Invalid(f"receipt number {number} was made on device {made_on}, not on this "
                      f"device ({device.code})")
    if not receipt_check.is_check_valid(number):
        raise Invalid(f"the check character of receipt number {number} is wrong")


def receipt_of(record_type: str, content: dict[str, Any]) -> str | None:
    """The receipt number a record claims (None for a visit, or when it is no text)."""
    key = {"complaint": "receipt_no", "counsel": "number"}.get(record_type)
    number = content.get(key) if key else None
    return number if isinstance(number, str) else None


def _result(record: dict[str, Any], outcome: str, reason: str | None = None) -> dict[str, Any]:
    return {"id": record["id"], "version": record["version"], "outcome": outcome,
            "reason": reason}


def push(engine: sa.Engine, device: Device, batch: list[dict[str, Any]], *,
         early: bool = False) -> list[dict[str, Any]]:
    """One ``PushResult`` per record, in order; everything written in one transaction.

    ``early`` (protocol 2): a record naming blobs this device has not uploaded yet is
    accepted all the same, the blobs listed in its result's ``awaiting`` and kept in
    ``awaited_blobs`` until they arrive (:func:`arrived`). Without it (protocol 1) such a
    record is ``missing_attachment``, as before."""
    for attempt in range(_RETRIES):
        try:
            with engine.begin() as conn:
                return _push(conn, device, batch, early)
        except sa.exc.IntegrityError:
            # Two pushes of the same new record raced (two requests of one laptop after
            # a timeout): the loser is judged again against what the winner stored.
            if attempt == _RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _push(conn: sa.Connection, device: Device, batch: list[dict[str, Any]],
          early: bool) -> list[dict[str, Any]]:
    ids = list({r["id"] for r in batch})
    held = {row.id: row._asdict() for row in conn.execute(
        sa.select(records.c.id, records.c.device_id, records.c.version, records.c.content_hash,
                  records.c.review_state, records.c.receipt_no, records.c.case_version)
        # FOR UPDATE (PostgreSQL; SQLite's writers are serialised anyway): a concurrent
        # push of the same record waits for this one instead of judging a stale version.
        .where(records.c.id.in_(ids)).with_for_update())}
    numbers = {receipt_of(r["type"], r["content"]) for r in batch} - {None}
    number_owner = {row.receipt_no: row.id for row in conn.execute(
        sa.select(records.c.id, records.c.receipt_no).where(records.c.receipt_no.in_(numbers)))}
    # Kept conflicts and held blobs are asked for only when there can be any: a first
    # push of new cases without attachments — the common one — makes two queries.
    kept_conflicts = {(row.record_id, row.content_hash) for row in conn.execute(
        sa.select(conflicts.c.record_id, conflicts.c.content_hash)
        .where(conflicts.c.record_id.in_(list(held))))} if held else set()
    judged: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    wanted: set[str] = set()
    results: list[dict[str, Any] | None] = []
    for record in batch:
        try:
            # The hash is taken over the canonical form of what the device sent.
            canonical = protocol.canonical_json(record["content"])
            if hashlib.sha256(canonical).hexdigest() != record["content_hash"]:
                raise Invalid("content_hash is not the SHA-256 of the canonical content")
            # What is kept is the screened content (registration numbers masked; a
            # control character refuses the record): see sync/hub/device_text.py.
            try:
                screened = device_text.screen(record["content"])
            except device_text.UnsafeText as exc:
                raise Invalid(str(exc)) from None
            if screened is not record["content"]:
                record["content"] = screened
                canonical = protocol.canonical_json(screened)
            record["text"] = canonical.decode("utf-8")
            refs = blob_refs(record["type"], record["content"])
            check_claim(device, record["type"], record["content"])
        except Invalid as exc:
            results.append(_result(record, "invalid", str(exc)))
            continue
        except ValueError:  # NaN or infinity in the content: not JSON
            results.append(_result(record, "invalid", "content is not plain JSON"))
            continue
        judged.append((record, refs))
        wanted.update(ref["sha256"] for ref in refs)
        results.append(None)
    # Only the blobs this device uploaded count as held: naming another device's blob
    # (learnt somehow) is answered missing_attachment, and uploading the bytes proves it.
    have = {row.sha256: row.size for row in conn.execute(
        sa.select(blobs.c.sha256, blobs.c.size)
        .select_from(blobs.join(blob_owners, blob_owners.c.sha256 == blobs.c.sha256))
        .where(blob_owners.c.device_id == device.id, blobs.c.sha256.in_(wanted)))
    } if wanted else {}

    stamp = now()
    indexed = conn.dialect.name == "postgresql"  # only its index reads the bigrams
    held_before = {rid: dict(row) for rid, row in held.items()}
    new_rows, updates, versions, new_conflicts = [], [], [], []
    slots = iter(i for i, r in enumerate(results) if r is None)
    for (record, refs), slot in zip(judged, slots):
        results[slot] = _judge(record, refs, device, held, number_owner, have, kept_conflicts,
                               stamp, new_rows, updates, versions, new_conflicts, early,
                               indexed)
    insert_many(conn, records, new_rows)
    if updates:
        conn.execute(records.update().where(records.c.id == sa.bindparam("_id")).values(
            version=sa.bindparam("version"), content_hash=sa.bindparam("content_hash"),
            content=sa.bindparam("content"), receipt_no=sa.bindparam("receipt_no"),
            received_at=sa.bindparam("received_at"),
            review_state=sa.bindparam("review_state"),
            # The hub's revision of the case: the laptop's edit is a new one (If-Match).
            case_version=records.c.case_version + 1,
            **{k: sa.bindparam(k) for k in QUEUE_COLUMNS}),
            updates)
    insert_many(conn, record_versions, versions)
    _link_visits(conn, judged, results, [u["_id"] for u in updates])
    if early:
        _await(conn, device, judged, results, have)
    seal_accepted(conn, judged, results, stamp)
    if new_conflicts:
        conn.execute(conflicts.insert(), new_conflicts)
    _log(conn, device, held_before, new_rows, updates, new_conflicts, stamp)
    return results  # type: ignore[return-value]


def _log(conn: sa.Connection, device: Device, held_before: dict[str, dict[str, Any]],
         new_rows, updates, new_conflicts, stamp: str) -> None:
    """The cases' history of this push; a returned case whose fix arrived resumes its
    clock and tells its laptop the moved deadline (:func:`sync.hub.workflow.resume`, the
    feed's write, so last)."""
    actor = f"device {device.code}"

    def entry(rid: str, action: str, version: int, before: str | None, after: str | None):
        return {"record_id": rid, "at": stamp, "actor": actor, "role": "device",
                "action": action, "from_state": before, "to_state": after, "note": None,
                "details": None, "case_version": version}

    def prior(rid: str) -> tuple[str, int]:
        """(state, revision) the case had before this push (a case new in this batch:
        received, 1)."""
        held = held_before.get(rid) or {}
        return held.get("review_state", "received"), held.get("case_version") or 1

    resumed = sorted({u["_id"] for u in updates if prior(u["_id"])[0] == "has_issues"})
    case_log.log_arrivals(conn, [
        *(entry(row["id"], "received", 1, None, "received") for row in new_rows),
        *(entry(u["_id"], "updated", prior(u["_id"])[1] + 1, prior(u["_id"])[0],
                u["review_state"]) for u in updates if u["_id"] not in resumed),
        *(entry(c["record_id"], "conflict_kept", prior(c["record_id"])[1],
                prior(c["record_id"])[0], prior(c["record_id"])[0]) for c in new_conflicts)])
    if resumed:
        rows = conn.execute(sa.select(records).where(records.c.id.in_(resumed))
                            .order_by(records.c.id).with_for_update()).all()
        for row in rows:
            # The row as it was before this push's update: the pause and revision it had.
            before = case_log.Snapshot(row._asdict(), review_state="has_issues",
                                       case_version=prior(row.id)[1])
            workflow.resume(conn, before, actor=actor)


def _link_visits(conn: sa.Connection, judged, results, updated: list[str]) -> None:
    """Which visit each accepted case was taken on (``record_visits``), as the content
    stored now says (an edit replaces the link of the version before)."""
    accepted = {r["id"] for r in results if r and r["outcome"] == "accepted"}
    links = {record["id"]: visit_of(record["type"], record["content"])
             for record, _ in judged if record["id"] in accepted}
    if updated:
        conn.execute(record_visits.delete().where(record_visits.c.record_id.in_(updated)))
    insert_many(conn, record_visits, [{"record_id": rid, "visit_id": visit}
                                      for rid, visit in links.items() if visit is not None])


def _await(conn: sa.Connection, device: Device, judged, results, have) -> None:
    """The blobs each case accepted in this push still waits for: its rows replaced by
    what the content stored now names and this device has not uploaded."""
    accepted = {r["id"] for r in results if r and r["outcome"] == "accepted"}
    if not accepted:
        return
    conn.execute(awaited_blobs.delete().where(awaited_blobs.c.record_id.in_(list(accepted))))
    insert_many(conn, awaited_blobs, [
        {"record_id": record["id"], "device_id": device.id, "sha256": sha, "size": size}
        for record, refs in judged if record["id"] in accepted
        for sha, size in {ref["sha256"]: ref["size"] for ref in refs
                          if ref["sha256"] not in have}.items()])


def arrived(conn: sa.Connection, device_id: int, sha256: str) -> list[str]:
    """A blob ``device_id`` uploaded is here: the cases of that device waiting for it stop
    waiting for it; those now complete get a history entry. Returns their ids."""
    waiting = [row.record_id for row in conn.execute(
        sa.select(awaited_blobs.c.record_id).where(awaited_blobs.c.device_id == device_id,
                                                   awaited_blobs.c.sha256 == sha256))]
    if not waiting:
        return []
    conn.execute(awaited_blobs.delete().where(awaited_blobs.c.device_id == device_id,
                                              awaited_blobs.c.sha256 == sha256))
    still = {row.record_id for row in conn.execute(
        sa.select(awaited_blobs.c.record_id).where(awaited_blobs.c.record_id.in_(waiting)))}
    done = sorted(set(waiting) - still)
    stamp = now()
    case_log.log_arrivals(conn, [
        {"record_id": row.id, "at": stamp, "actor": f"device {row.code}", "role": "device",
         "action": "attachments_received", "from_state": row.review_state,
         "to_state": row.review_state, "note": None, "details": None,
         "case_version": row.case_version or 1}
        for row in conn.execute(sa.select(records.c.id, records.c.review_state,
                                          records.c.case_version, devices.c.code)
                                .select_from(records.join(devices,
                                                          devices.c.id == records.c.device_id))
                                .where(records.c.id.in_(done)))])
    return done


def awaiting(conn: sa.Connection, record_ids: list[str]) -> dict[str, int]:
    """record id → how many attachments it still waits for (absent: none)."""
    if not record_ids:
        return {}
    return {row.record_id: row.n for row in conn.execute(
        sa.select(awaited_blobs.c.record_id, sa.func.count().label("n"))
        .where(awaited_blobs.c.record_id.in_(record_ids))
        .group_by(awaited_blobs.c.record_id))}


def _judge(record, refs, device, held, number_owner, have, kept_conflicts, stamp,
           new_rows, updates, versions, new_conflicts, early, indexed) -> dict[str, Any]:
    result = _judged(record, refs, device, held, number_owner, have, kept_conflicts, stamp,
                     new_rows, updates, versions, new_conflicts, early, indexed)
    if early and result["outcome"] != "invalid":
        result["awaiting"] = sorted({ref["sha256"] for ref in refs
                                     if ref["sha256"] not in have})
    return result


def _judged(record, refs, device, held, number_owner, have, kept_conflicts, stamp,
            new_rows, updates, versions, new_conflicts, early, indexed) -> dict[str, Any]:
    rid, version, content = record["id"], record["version"], record["content"]
    missing = [ref["sha256"] for ref in refs if ref["sha256"] not in have]
    if missing and not early:
        return _result(record, "missing_attachment",
                       f"upload attachment {missing[0]} first ({len(missing)} missing)")
    wrong_size = [ref["sha256"] for ref in refs
                  if ref["sha256"] in have and have[ref["sha256"]] != ref["size"]]
    if wrong_size:
        return _result(record, "invalid", f"attachment {wrong_size[0]} has another size")
    number = receipt_of(record["type"], content)
    if number is not None and number_owner.get(number, rid) != rid:
        return _result(record, "invalid", f"receipt number {number} belongs to another record")
    current = held.get(rid)
    text = record["text"]
    if current is None:
        row = {"id": rid, "type": record["type"], "device_id": device.id, "version": version,
               "content_hash": record["content_hash"], "content": text, "receipt_no": number,
               "received_at": content.get("received_at"), "synced_at": stamp,
               "review_state": "received", "review_note": None, "status": None,
               "epeople_no": None, "case_version": 1, "extended_by": 0, "extensions": 0,
               **case_fields(record["type"], content, indexed=indexed)}
        new_rows.append(row)
    else:
        if current["device_id"] != device.id:
            return _result(record, "invalid", "this record belongs to another device")
        if current["content_hash"] == record["content_hash"]:
            return _result(record, "duplicate")
        if version < current["version"]:
            # An older state from the same laptop, arriving late (a reordered resend):
            # the hub already holds what it was edited into.
            return _result(record, "duplicate",
                           f"superseded by version {current['version']} on the hub")
        if record["base_version"] != current["version"] or version == current["version"]:
            if (rid, record["content_hash"]) not in kept_conflicts:
                kept_conflicts.add((rid, record["content_hash"]))
                new_conflicts.append({
                    "record_id": rid, "device_id": device.id, "version": version,
                    "base_version": record["base_version"], "held_version": current["version"],
                    "content_hash": record["content_hash"], "content": text, "at": stamp})
            return _result(record, "conflict",
                           f"the hub holds version {current['version']}; this edit was made "
                           f"from version {record['base_version']} — kept for a supervisor")
        review_state = "edited" if current["review_state"] == "has_issues" \
            else current["review_state"]
        fields = case_fields(record["type"], content, indexed=indexed)
        updates.append({"_id": rid, "version": version, "content_hash": record["content_hash"],
                        "content": text, "receipt_no": number,
                        "received_at": content.get("received_at"),
                        "review_state": review_state,
                        **{k: fields[k] for k in QUEUE_COLUMNS}})
    held[rid] = {"device_id": device.id, "version": version,
                 "content_hash": record["content_hash"],
                 "review_state": "received" if current is None else review_state}
    if number is not None:
        number_owner[number] = rid
    versions.append({"record_id": rid, "version": version,
                     "base_version": record["base_version"],
                     "content_hash": record["content_hash"], "content": text,
                     "stored_at": stamp})
    return _result(record, "accepted")
