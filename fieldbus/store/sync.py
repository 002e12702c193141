"""The store's side of sync: what waits for the hub, what the hub answered, what it sent.

The sync engine (``sync/client.py``) knows nothing of this store; ``fieldbus/services/sync_link.py``
hands it these functions. Why they work as they do (DESIGN.md §5):

* **Content from the record itself.** The outbox names a record and a version; the
  payload is built here, when it is sent, from the record's columns — personal data is
  never copied into the queue. It is built for a whole batch with one query a table, so
  10,000 waiting cases cost a few queries, not 10,000.
* **One record, one push.** Several local edits before a sync leave several outbox rows
  for one record; the record is sent once, at its current version, based on the version
  the hub holds: the base of its oldest waiting row, or a later version already sent
  whose answer was lost (``attempts`` of that version's row, set before a push leaves) —
  else an edit made after a lost answer would come back a conflict.
* **Acknowledged only as pushed.** A case is marked ``synced`` (with ``synced_at``, which
  retention counts from) only while its version is still the one pushed: an edit made
  during the push stays pending. ``conflict``/``invalid`` set the record aside
  (``quarantined``, with the hub's reason) without blocking the rest;
  ``missing_attachment`` stays pending for the next run.
* **Pulls never overwrite a pending change.** A pulled change for a record with a local
  change still waiting is kept in ``pull_deferred`` and applied once the hub has
  acknowledged the local change. A pulled page and its cursor are stored in one
  transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.records import Officer
from fieldbus.store import audit, reviews
from fieldbus.store.store import Store
from sync import protocol

CURSOR_KEY = "sync_cursor"
#: The outbox's record types as the protocol names them: what a sync sends, and so the
#: only rows counted as waiting (nothing is counted that no sync will send).
PROTOCOL_TYPE = {"complaint": "complaint", "counsel_session": "counsel", "visit": "visit"}
_TABLE = {"complaint": "complaints", "counsel_session": "counsel_sessions"}


@dataclass(frozen=True)
class Outgoing:
    """One record to push: its payload (a protocol ``PushRecord``) and the blobs it names.

    ``order`` is the seq of its oldest waiting outbox row: a run asks for records after
    the last ``order`` it saw, so a record left pending is offered once per run."""

    order: int
    record_type: str              # the outbox's name: complaint, counsel_session, visit
    record: dict[str, Any]
    blobs: list[dict[str, Any]] = field(default_factory=list)


def _in(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _visits(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Each visit's fixed facts (not its closing time: closing a visit is not an edit of
    its cases, and a resent version must hash the same)."""
    ids.discard(None)  # type: ignore[arg-type]
    if not ids:
        return {}
    rows = store.db.execute(f"SELECT id, day, venue, region, team FROM visits WHERE id IN "
                            f"({_in(list(ids))})", list(ids)).fetchall()
    return {r[0]: {"id": r[0], "date": r[1], "venue": r[2], "region": r[3],
                   "team": json.loads(r[4])} for r in rows}


def _complaint_contents(store: Store, ids: list[str]
                        ) -> dict[str, tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    """id → (version, content, blob refs) for these complaints, one query a table."""
    if not ids:
        return {}
    rows = store.db.execute(
        "SELECT id, version, receipt_no, kind, title, body, agency, region, channel, "
        "petitioner, consent, disclosure, notify_by, outcome, referred_to, received_at, "
        f"deadline, status, visit_id, signature, deadline_due, deadline_rule "
        f"FROM complaints WHERE id IN ({_in(ids)})",
        ids).fetchall()
    files: dict[str, list[dict[str, Any]]] = {}
    for cid, sha, size, filename, media_type in store.db.execute(
            "SELECT complaint_id, sha256, size, filename, media_type FROM attachments "
            f"WHERE complaint_id IN ({_in(ids)}) ORDER BY complaint_id, position", ids):
        files.setdefault(cid, []).append({"sha256": sha, "size": size, "filename": filename,
                                          "media_type": media_type})
    visits = _visits(store, {r[18] for r in rows})
    found = {}
    for (cid, version, receipt_no, kind, title, body, agency, region, channel, petitioner,
         consent, disclosure, notify_by, outcome, referred_to, received_at, deadline, status,
         visit_id, signature, deadline_due, deadline_rule) in rows:
        sig = ({"sha256": hashlib.sha256(signature).hexdigest(), "size": len(signature)}
               if signature is not None else None)
        attachments = files.get(cid, [])
        content = {
            "receipt_no": receipt_no, "kind": kind, "title": title, "body": body,
            "agency": agency, "region": region, "channel": channel,
            "petitioner": json.loads(petitioner) if petitioner else None,
            "consent": json.loads(consent), "disclosure": disclosure, "notify_by": notify_by,
            "outcome": outcome, "referred_to": referred_to, "received_at": received_at,
            "deadline": deadline or None,  # '' is stored for none (anonymous case)
            # The receipt's due moment and its rule: the hub moves the deadline from here
            # (a supplement's pause, an extension) with the same rules (sync.deadlines).
            "deadline_due": deadline_due or None, "deadline_rule": deadline_rule,
            "status": status, "visit": visits.get(visit_id),
            "signature": sig, "attachments": attachments,
        }
        blobs = [{"sha256": a["sha256"], "size": a["size"]} for a in attachments]
        if sig is not None:
            blobs.append(sig)
        found[cid] = (version, content, blobs)
    return found


def _counsel_contents(store: Store, ids: list[str]
                      ) -> dict[str, tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    if not ids:
        return {}
    rows = store.db.execute(
        "SELECT id, version, number, appellant, disposition, eligibility, counsel, notes, "
        "next_step, outcome, appeal_deadline, created_at, visit_id FROM counsel_sessions "
        f"WHERE id IN ({_in(ids)})", ids).fetchall()
    visits = _visits(store, {r[12] for r in rows})
    return {
        sid: (version, {
            "number": number, "appellant": json.loads(appellant) if appellant else None,
            "disposition": json.loads(disposition), "eligibility": json.loads(eligibility),
            "counsel": json.loads(counsel), "notes": notes, "next_step": next_step,
            "outcome": outcome, "appeal_deadline": appeal_deadline or None,  # '': none (⑦)
            "received_at": created_at,
            "visit": visits.get(visit_id),
        }, [])
        for (sid, version, number, appellant, disposition, eligibility, counsel, notes,
             next_step, outcome, appeal_deadline, created_at, visit_id) in rows
    }


def _visit_contents(store: Store, ids: list[str]
                    ) -> dict[str, tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    """A visit at its version: 1 while open, 2 once closed (the two outbox rows
    :mod:`fieldbus.store.visits` writes). Officers go by name: the hub does not know the
    laptop's officer ids."""
    if not ids:
        return {}
    rows = store.db.execute(
        "SELECT v.id, v.day, v.venue, v.region, v.team, v.opened_at, o.name, v.closed_at, "
        "c.name FROM visits v JOIN officers o ON o.id = v.opened_by "
        f"LEFT JOIN officers c ON c.id = v.closed_by WHERE v.id IN ({_in(ids)})",
        ids).fetchall()
    return {
        vid: (1 if closed_at is None else 2, {
            "date": day, "venue": venue, "region": region, "team": json.loads(team),
            "opened_at": opened_at, "opened_by": opened_by, "closed_at": closed_at,
            "closed_by": closed_by if closed_at is not None else None,
        }, [])
        for vid, day, venue, region, team, opened_at, opened_by, closed_at, closed_by in rows
    }


def pending(store: Store, *, limit: int, after: int = 0) -> list[Outgoing]:
    """Up to ``limit`` records waiting for the hub, oldest first, whose oldest waiting row
    comes after ``after``; each at its current version (see the module's notes)."""
    groups = store.db.execute(
        "SELECT record_type, record_id, min(seq) AS first, max(CASE WHEN attempts > 0 THEN "
        "version END) FROM outbox WHERE state = 'pending' GROUP BY record_type, record_id "
        "HAVING first > ? ORDER BY first LIMIT ?", (after, limit)).fetchall()
    if not groups:
        return []
    firsts = [g[2] for g in groups]
    base = dict(store.db.execute(f"SELECT seq, base_version FROM outbox WHERE seq IN "
                                 f"({_in(firsts)})", firsts).fetchall())
    contents = {
        **_complaint_contents(store, [g[1] for g in groups if g[0] == "complaint"]),
        **_counsel_contents(store, [g[1] for g in groups if g[0] == "counsel_session"]),
        **_visit_contents(store, [g[1] for g in groups if g[0] == "visit"]),
    }
    out = []
    for record_type, record_id, first, sent_unanswered in groups:
        if record_type not in PROTOCOL_TYPE or record_id not in contents:
            continue  # nothing this version can send (left pending, never lost)
        version, content, blobs = contents[record_id]
        # A version sent whose answer never came may be what the hub holds now: edits made
        # since are based on it (a hub that holds nothing takes any base).
        known = [v for v in (base[first], sent_unanswered) if v is not None and v < version]
        out.append(Outgoing(order=first, record_type=record_type, blobs=blobs, record={
            "type": PROTOCOL_TYPE[record_type], "id": record_id, "version": version,
            "base_version": max(known, default=None), "content_hash": protocol.content_hash(content),
            "content": content}))
    return out


def mark_sending(store: Store, sent: Sequence[Outgoing]) -> None:
    """Note, before a push leaves, which version of each record goes out (``attempts`` of
    the outbox row of that version): if the answer is lost, the hub may hold it, and an
    edit made before the next sync is based on it."""
    with store.write():
        store.db.conn.executemany(
            "UPDATE outbox SET attempts = attempts + 1 WHERE record_id = ? AND state = "
            "'pending' AND version = ?",
            [(item.record["id"], item.record["version"]) for item in sent])


def blob(store: Store, sha256: str) -> bytes | None:
    """The bytes of an attachment or a signature named by a pushed record, or None."""
    row = store.db.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if row is not None and row[0] is not None:
        return bytes(row[0])
    # Signatures live on their case; only cases waiting to be sent, or whose signature
    # the hub still waits for (protocol 2), are ever asked for.
    for (signature,) in store.db.execute(
            "SELECT c.signature FROM complaints c JOIN blob_uploads u ON u.record_id = c.id "
            "WHERE u.sha256 = ? AND c.signature IS NOT NULL UNION ALL "
            "SELECT c.signature FROM complaints c JOIN outbox o ON o.record_id = c.id "
            "WHERE o.state = 'pending' AND c.signature IS NOT NULL", (sha256,)):
        if hashlib.sha256(signature).hexdigest() == sha256:
            return bytes(signature)
    return None


@dataclass(frozen=True)
class WaitingUpload:
    """A file the hub accepted a case before (protocol 2) and still waits for."""

    sha256: str
    size: int
    name: str | None
    upload_url: str | None
    state: str               # waiting, creating (a creation's answer not known), failed
    last_error: str | None = None


def _queue_uploads(store: Store, sent: Sequence[Outgoing],
                   results: Sequence[dict[str, Any]], stamp: str) -> int:
    """Queue the files each answered record's ``awaiting`` names (in the transaction that
    marks the answer, so a case acknowledged is never left without its files queued)."""
    rows = []
    for item, result in zip(sent, results, strict=True):
        awaiting = result.get("awaiting")
        if not isinstance(awaiting, list) or result.get("id") != item.record["id"]:
            continue
        sizes = {b["sha256"]: b["size"] for b in item.blobs}
        rows += [(sha, sizes[sha], item.record["id"], stamp) for sha in awaiting
                 if isinstance(sha, str) and sha in sizes]
    store.db.conn.executemany(
        "INSERT INTO blob_uploads (sha256, size, record_id, queued_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (sha256) DO NOTHING", rows)
    return len(rows)


def waiting_uploads(store: Store) -> list[WaitingUpload]:
    """Every file the hub still waits for, oldest first, with a file name when it has one."""
    return [WaitingUpload(*row) for row in store.db.execute(
        "SELECT u.sha256, u.size, (SELECT a.filename FROM attachments a WHERE a.sha256 = "
        "u.sha256 LIMIT 1), u.upload_url, u.state, u.last_error FROM blob_uploads u "
        "ORDER BY u.queued_at, u.sha256")]


def upload_state(store: Store, sha256: str, *, state: str, upload_url: str | None = None,
                 error: str | None = None) -> None:
    """Remember where a file's upload stands: 'creating' (before a creation leaves),
    'waiting' with the hub's upload address (or none: start again), 'failed' and why."""
    with store.write():
        store.db.execute("UPDATE blob_uploads SET state = ?, upload_url = ?, last_error = ? "
                         "WHERE sha256 = ?", (state, upload_url, error, sha256))


def upload_done(store: Store, sha256: str, *, by: Officer | None) -> None:
    """The hub holds the file: it leaves the queue (audited: what left the laptop)."""
    now = store.clock()
    with store.write():
        row = store.db.execute("DELETE FROM blob_uploads WHERE sha256 = ? RETURNING "
                               "record_id, size", (sha256,)).fetchone()
        if row is not None:
            audit.append(store.db, at=now, officer_id=by.id if by else None,
                         action="sync_attachment_sent", record_type="complaint",
                         record_id=row[0], details={"sha256": sha256, "size": row[1]})


def uploads_waiting(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM blob_uploads").fetchone()[0])


@dataclass
class Tally:
    acknowledged: int = 0
    quarantined: int = 0
    retry: int = 0
    applied_later: int = 0


def record_results(store: Store, sent: Sequence[Outgoing], results: Sequence[dict[str, Any]],
                   *, by: Officer | None) -> Tally:
    """Mark what the hub answered for ``sent`` (same order), in one transaction."""
    now = store.clock()
    stamp = now.isoformat()
    officer_id = by.id if by else None
    acked, set_aside, retried = [], [], []
    for item, result in zip(sent, results, strict=True):
        rid, version = item.record["id"], item.record["version"]
        if result.get("id") != rid or result.get("version") != version:
            continue  # an answer that does not match what was sent: leave it pending
        outcome = result.get("outcome")
        why = f"{outcome}: {result.get('reason') or ''}".strip()
        if outcome in protocol.ACKNOWLEDGED:
            acked.append((item, outcome))
        elif outcome in protocol.NEEDS_ATTENTION:
            set_aside.append((item, outcome, why))
        else:  # missing_attachment, or an outcome this version does not know: retry
            retried.append((why, rid, version))
    with store.write():
        conn = store.db.conn
        conn.executemany("UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, "
                         "last_error = NULL WHERE record_id = ? AND state = 'pending' AND "
                         "version <= ?",
                         [(stamp, i.record["id"], i.record["version"]) for i, _ in acked])
        conn.executemany("UPDATE outbox SET state = 'quarantined', last_error = ? WHERE "
                         "record_id = ? AND state = 'pending' AND version <= ?",
                         [(why, i.record["id"], i.record["version"]) for i, _, why in set_aside])
        conn.executemany("UPDATE outbox SET last_error = ? WHERE record_id = ? AND state = "
                         "'pending' AND version <= ?", retried)
        # The hub did not keep the version sent: it cannot be what the hub holds.
        conn.executemany("UPDATE outbox SET attempts = 0 WHERE record_id = ? AND state = "
                         "'pending' AND version = ?", [r[1:] for r in retried])
        for record_type, table in _TABLE.items():
            conn.executemany(f"UPDATE {table} SET sync_state = 'synced', synced_at = ? WHERE "
                             "id = ? AND version = ?",
                             [(stamp, i.record["id"], i.record["version"]) for i, _ in acked
                              if i.record_type == record_type])
            conn.executemany(f"UPDATE {table} SET sync_state = 'quarantined' WHERE id = ? AND "
                             "version = ?",
                             [(i.record["id"], i.record["version"]) for i, _, _ in set_aside
                              if i.record_type == record_type])
        chain = audit.Chain(store.db)
        # Codes only: the hub's reason may quote the record; it stays in the outbox.
        for item, outcome, *_ in (*acked, *set_aside):
            chain.append(at=now, officer_id=officer_id, action=f"sync_{outcome}",
                         record_type=item.record_type, record_id=item.record["id"],
                         details={"version": item.record["version"]})
        _queue_uploads(store, sent, results, stamp)
        tally = Tally(acknowledged=len(acked), quarantined=len(set_aside), retry=len(retried))
        tally.applied_later = _apply_deferred(store, [i.record["id"] for i, _ in acked],
                                              by=by, chain=chain)
        chain.close()
    return tally


# -- pull ------------------------------------------------------------------------------


def cursor(store: Store) -> str:
    return store.meta(CURSOR_KEY) or ""


def _waiting(store: Store, record_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM outbox WHERE record_id = ? AND state = 'pending' "
                            "LIMIT 1", (record_id,)).fetchone() is not None


def _held_back(store: Store, record_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM pull_deferred WHERE record_id = ? LIMIT 1",
                            (record_id,)).fetchone() is not None


def _at(text: Any) -> datetime:
    try:
        at = datetime.fromisoformat(str(text))
    except ValueError:
        raise ValidationError("at", "not an ISO 8601 time", code="format") from None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _apply_change(store: Store, change: dict[str, Any], *, by: Officer | None,
                  chain: audit.Chain) -> bool:
    """Apply one pulled review; False when it cannot be (unknown case, bad values): the
    rest of the page still applies, and the audit log says what was skipped."""
    try:
        if by is None:
            raise ValidationError("officer", "a pulled review needs a signed-in officer",
                                  code="required")
        review = reviews.Review(
            complaint=str(change["id"]), state=change["review_state"],
            note=change.get("review_note"), at=_at(change.get("at")), by=change.get("by"),
            role=change.get("role"), action=change.get("action"),
            deadline_due=change.get("deadline_due"), agency=change.get("agency"),
            handler=change.get("handler"), case_version=change.get("case_version"))
        reviews.write_many(store, [review], by=by, chain=chain)
    except (NotFound, ValidationError, KeyError) as exc:
        chain.append(at=store.clock(), officer_id=by.id if by else None,
                     action="sync_change_skipped", record_type="complaint",
                     record_id=str(change.get("id")),
                     details={"seq": change.get("seq"), "why": type(exc).__name__})
        return False
    updates = {k: change[k] for k in ("status", "epeople_no") if change.get(k)}
    if updates:
        store.db.execute(
            f"UPDATE complaints SET {', '.join(f'{k} = ?' for k in updates)} WHERE id = ?",
            (*updates.values(), change["id"]))
        chain.append(at=store.clock(), officer_id=by.id, action="complaint_updated_by_hub",
                     record_type="complaint", record_id=str(change["id"]),
                     details={"fields": sorted(updates)})
    return True


def _apply_deferred(store: Store, record_ids: Iterable[str], *, by: Officer | None,
                    chain: audit.Chain) -> int:
    """Apply the pulled changes that waited for these records' local changes."""
    applied = 0
    waiting_changes = {r[0] for r in store.db.execute("SELECT DISTINCT record_id FROM "
                                                      "pull_deferred")}
    for record_id in dict.fromkeys(r for r in record_ids if r in waiting_changes):
        if _waiting(store, record_id):
            continue
        rows = store.db.execute("SELECT seq, change FROM pull_deferred WHERE record_id = ? "
                                "ORDER BY seq", (record_id,)).fetchall()
        for seq, change in rows:
            applied += _apply_change(store, json.loads(change), by=by, chain=chain)
            store.db.execute("DELETE FROM pull_deferred WHERE seq = ?", (seq,))
    return applied


@dataclass
class PullTally:
    applied: int = 0
    deferred: int = 0
    skipped: int = 0


def apply_pull(store: Store, changes: Sequence[dict[str, Any]], new_cursor: str, *,
               by: Officer | None) -> PullTally:
    """Apply one pulled page and store its cursor, in one transaction."""
    tally = PullTally()
    now = store.clock()
    with store.write():
        chain = audit.Chain(store.db)
        for change in changes:
            if change.get("type") != "review":
                tally.skipped += 1  # a kind of change this version does not know
                continue
            record_id = str(change.get("id"))
            if _waiting(store, record_id) or _held_back(store, record_id):  # keep the order
                store.db.execute("INSERT INTO pull_deferred (record_id, change) VALUES (?, ?)",
                                 (record_id, json.dumps(change, ensure_ascii=False)))
                tally.deferred += 1
            elif _apply_change(store, change, by=by, chain=chain):
                tally.applied += 1
            else:
                tally.skipped += 1
        store.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (CURSOR_KEY, new_cursor))
        if changes:
            chain.append(at=now, officer_id=by.id if by else None, action="sync_pulled",
                         details={"applied": tally.applied, "deferred": tally.deferred,
                                  "skipped": tally.skipped})
        chain.close()
    return tally


def counts(store: Store) -> tuple[int, int]:
    """(records waiting for the hub, records set aside for a person) — only of the types a
    sync sends. A visit has no sync state of its own: it is set aside while its newest
    outbox row is."""
    types = list(PROTOCOL_TYPE)
    waiting = store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT record_type, record_id FROM outbox WHERE "
        f"state = 'pending' AND record_type IN ({_in(types)}))", types).fetchone()[0]
    quarantined = store.db.execute(
        "SELECT (SELECT count(*) FROM complaints WHERE sync_state = 'quarantined') + "
        "(SELECT count(*) FROM counsel_sessions WHERE sync_state = 'quarantined') + "
        "(SELECT count(*) FROM outbox o WHERE o.record_type = 'visit' AND o.state = "
        "'quarantined' AND o.seq = (SELECT max(seq) FROM outbox n WHERE n.record_id = "
        "o.record_id))").fetchone()[0]
    return int(waiting), int(quarantined)


# -- the audit chain's head, vouched for by the hub (docs/security.md §9) ---------------

VOUCHED_KEY = "audit_vouched"    # JSON: the head the hub last vouched for {seq, hash, at}
HUB_FLAG_KEY = "audit_hub_flag"  # the hub's words when it flagged this laptop's audit log


def audit_report(store: Store, vouched: dict[str, Any] | None) -> dict[str, Any] | None:
    """What to tell the hub about the audit chain, given the head the hub ``vouched`` for
    last (``protocol.AuditHeadReport`` without ``protocol`` and ``device``): the head, the
    hash the chain has now at the vouched entry, and whether the entries since hold and
    follow it (:func:`audit.holds_after`). None when the head is the one vouched for:
    nothing new to vouch for, and an idle sync walks nothing."""
    seq, digest = audit.head(store.db)
    if vouched is not None and (vouched.get("seq"), vouched.get("hash")) == (seq, digest):
        return None
    at_vouched, since = None, 0
    if vouched is not None and isinstance(vouched.get("seq"), int):
        since = vouched["seq"]
        row = store.db.execute("SELECT hash FROM audit WHERE seq = ?", (since,)).fetchone()
        at_vouched = {"seq": since, "hash": row[0] if row else None}
    return {"seq": seq, "hash": digest, "intact": audit.holds_after(store.db, since),
            "at_vouched": at_vouched}


def _is_head(value: Any) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("seq"), int)
            and isinstance(value.get("hash"), str) and isinstance(value.get("at"), str))


def record_vouched(store: Store, answer: dict[str, Any]) -> None:
    """Keep what the hub vouches for (and whether it flagged this laptop) for ``audit
    verify``. Deleting it locally hides nothing: the hub sends it again on the next sync."""
    vouched, flagged = answer.get("vouched"), answer.get("flagged") is True
    values = {}
    if _is_head(vouched):
        values[VOUCHED_KEY] = json.dumps({k: vouched[k] for k in ("seq", "hash", "at")})
    if flagged:
        values[HUB_FLAG_KEY] = str(answer.get("problem") or "flagged by the hub")
    if not values:
        return
    with store.write():
        store.db.conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value", list(values.items()))


@dataclass(frozen=True)
class Vouched:
    """The local chain against the head the hub last vouched for."""

    seq: int
    at: str
    holds: bool            # the entry at ``seq`` still has the hash the hub vouched for
    hub_flag: str | None   # the hub flagged this laptop's audit log, in its words


def vouched(store: Store) -> Vouched | None:
    """None before the hub has vouched for anything."""
    text, flag = store.meta(VOUCHED_KEY), store.meta(HUB_FLAG_KEY)
    try:
        head = json.loads(text) if text else None
    except ValueError:
        head = None
    if not _is_head(head):
        return None if flag is None else Vouched(0, "", False, flag)
    row = store.db.execute("SELECT hash FROM audit WHERE seq = ?", (head["seq"],)).fetchone()
    return Vouched(head["seq"], head["at"], row is not None and row[0] == head["hash"], flag)
