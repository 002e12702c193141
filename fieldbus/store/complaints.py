"""Complaints in the store: numbered, saved, indexed, queued for the hub and audited in
one transaction, so a receipt is only ever printed for a case that is on disk."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from sync.deadlines import ANONYMOUS, Deadline, complaint_deadline
from fieldbus.domain.errors import NotFound, PermissionDenied, ValidationError
from fieldbus.domain.ids import new_id
from fieldbus.domain.masking import mask_name
from fieldbus.domain.receipt_numbers import check_character, format_receipt_no, parse_receipt_no
from fieldbus.domain.records import (
    Attachment,
    CentreReview,
    Complaint,
    ComplaintDraft,
    Consent,
    Guidance,
    Officer,
    OralReport,
    Petitioner,
)
from fieldbus.store import audit, outbox, visits
from fieldbus.store.store import Store, rows_by_rowid

MAX_DAILY = 9999
_json = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: saves build thousands a second

_COLUMNS = (
    "id, receipt_no, kind, title, body, agency, region, channel, petitioner, consent, "
    "disclosure, notify_by, outcome, referred_to, received_at, deadline, deadline_due, "
    "deadline_rule, visit_id, status, review_state, review_note, epeople_no, sync_state, "
    "version, created_by, updated_at, purged_at, intake_extra"
)
#: What a read takes: the columns written at intake, and what the centre last said
#: (``centre``: JSON, written only by a pulled review — :mod:`fieldbus.store.reviews`).
_READ = f"{_COLUMNS}, centre"


class Numbers:
    """Hands out this laptop's receipt (and session) numbers inside one write transaction.

    Each day's counter is read once and written back by :meth:`close`, in the same
    transaction as the records that use the numbers: a rollback returns them all.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.last: dict[date, int] = {}
        self.prefix: dict[date, str] = {}

    def next(self, day: date) -> str:
        if day not in self.last:
            row = self.store.db.execute("SELECT last FROM number_sequence WHERE day = ?",
                                        (day.isoformat(),)).fetchone()
            self.last[day] = row[0] if row else 0
        seq = self.last[day] + 1
        if seq > MAX_DAILY:
            raise ValidationError("receipt_no", f"this laptop has used all {MAX_DAILY} "
                                  f"numbers for {day.isoformat()}", code="sequence_exhausted")
        if seq == 1 or day not in self.prefix:  # validate device and date once per day
            self.prefix[day] = format_receipt_no(self.store.device, day, seq)[:-7]
        self.last[day] = seq
        payload = f"{self.prefix[day]}-{seq:04d}"
        return f"{payload}-{check_character(payload)}"

    def close(self) -> None:
        for day, last in self.last.items():
            self.store.db.execute(
                "INSERT INTO number_sequence (day, last) VALUES (?, ?) "
                "ON CONFLICT (day) DO UPDATE SET last = excluded.last", (day.isoformat(), last))


def next_number(store: Store, day: date) -> str:
    """One number, for callers that take one record per transaction."""
    numbers = Numbers(store)
    number = numbers.next(day)
    numbers.close()
    return number


#: The kind whose petitioner is sealed (부패·공익신고): DESIGN §4, docs/security.md §3.
SEALED_KIND = "report"
#: How many records a listing's audit entry names; past it, the count and filter only.
AUDIT_NAMES_MAX = 200


def searchable_name(kind: str, name: str | None) -> str | None:
    """The petitioner's name as the search index may hold it: never a reporter's.

    A sealed reporter must not be findable by name — not even by a supervisor's search,
    whose results would tell whoever watches the screen who reported. The column
    ``petitioner_name`` exists only for the index, so it is left empty for a report."""
    return None if kind == SEALED_KIND else name


def _petitioner_json(p: Petitioner | None) -> str | None:
    return _json(vars(p)) if p is not None else None


def _extra_json(draft: ComplaintDraft, received_at: datetime) -> str | None:
    """The optional intake fields of issue 11 (column ``intake_extra``); an oral report
    read back without its own time was read back at receipt."""
    from fieldbus.domain.serialize import intake_extras

    extras = intake_extras(draft)
    if "oral_report" in extras:
        extras["oral_report"].setdefault("at", received_at.isoformat())
    return _json(extras) if extras else None


def _extras(text: str | None) -> dict:
    """``intake_extra`` read back: Guidance and OralReport."""
    data = json.loads(text) if text else {}
    oral = data.get("oral_report")
    return {
        "guidance": Guidance(**data.get("guidance", {})),
        "oral_report": OralReport(read_back=oral["read_back"],
                                  at=datetime.fromisoformat(oral["at"]) if oral.get("at")
                                  else None) if oral else None,
    }


def _consent_json(c: Consent, received_at: datetime) -> str:
    """Consent given without its own time was given at receipt."""
    return _json({"personal_info": c.personal_info, "notice_version": c.notice_version,
                  "items": list(c.items), "at": (c.at or received_at).isoformat()})


class _Rows:
    """Rows of one save, written with one ``executemany`` per table: an import of
    thousands of cases spends its time in SQLite, not in statement overhead."""

    def __init__(self) -> None:
        self.complaints: list[tuple] = []
        self.index: list[tuple] = []
        self.history: list[tuple] = []
        self.outbox: list[outbox.Entry] = []
        self.blobs: list[tuple] = []
        self.attachments: list[tuple] = []  # after the complaints they reference

    def write(self, store: Store) -> None:
        conn = store.db.conn
        conn.executemany(
            f"INSERT INTO complaints (rowid, {_COLUMNS}, petitioner_name, masked_name, "
            "signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "NULL, NULL, NULL, 'pending', 1, ?, ?, NULL, ?, ?, ?, ?)", self.complaints)
        conn.executemany(  # see schema.py: indexed here, padded, rather than by a trigger
            "INSERT INTO complaints_fts (rowid, receipt_no, title, body, agency, "
            "petitioner_name) VALUES (?, ?, ?, ?, ?, ?)", self.index)
        if self.attachments:
            conn.executemany("INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) "
                             "ON CONFLICT (sha256) DO NOTHING", self.blobs)
            conn.executemany(
                "INSERT INTO attachments (complaint_id, position, sha256, filename, "
                "media_type, size) VALUES (?, ?, ?, ?, ?, ?)", self.attachments)
        _write_history(store, self.history)
        outbox.enqueue_many(store.db, self.outbox)


def _deadline(draft: ComplaintDraft, received_at: datetime) -> Deadline | None:
    """The case's processing deadline; none for a request without name and address (not
    a 민원 under 민원처리법 제2조제1호·제2호, 시행령 제2조①3 — ``deadlines.anonymous_basis``)."""
    return complaint_deadline(draft.kind, received_at, anonymous=draft.petitioner is None)


def _deadline_columns(deadline: Deadline | None) -> tuple[str, str, str]:
    """``deadline``, ``deadline_due``, ``deadline_rule`` as stored. The columns are NOT NULL
    (schema 1): no deadline is stored as two empty texts and the rule ``anonymous``."""
    if deadline is None:
        return "", "", ANONYMOUS
    return deadline.date.isoformat(), deadline.due.isoformat(), deadline.rule.rule


def _deadline_fields(deadline: Deadline | None) -> dict:
    if deadline is None:
        return {"deadline": None, "deadline_due": None, "deadline_rule": ANONYMOUS}
    return {"deadline": deadline.date, "deadline_due": deadline.due,
            "deadline_rule": deadline.rule.rule}


def _write_history(store: Store, rows: list[tuple]) -> None:
    store.db.conn.executemany(
        "INSERT INTO complaint_history (complaint_id, at, officer_id, action, fields) "
        "VALUES (?, ?, ?, ?, ?)", rows)


def _insert(store: Store, draft: ComplaintDraft, by: Officer, visit, now: datetime, *,
            rowid: int, numbers: Numbers, chain: audit.Chain, rows: _Rows) -> Complaint:
    received_at = draft.received_at or now
    deadline = _deadline(draft, received_at)
    receipt_no = numbers.next(received_at.date())
    complaint_id = new_id()
    name = draft.petitioner.name if draft.petitioner else None
    indexed = searchable_name(draft.kind, name)
    rows.complaints.append(
        (rowid, complaint_id, receipt_no, draft.kind, draft.title, draft.body, draft.agency,
         draft.region, draft.channel, _petitioner_json(draft.petitioner),
         _consent_json(draft.consent, received_at), draft.disclosure, draft.notify_by,
         draft.outcome, draft.referred_to, received_at.isoformat(), *_deadline_columns(deadline),
         visit.id if visit else None,
         draft.status, by.id, now.isoformat(), _extra_json(draft, received_at), indexed,
         mask_name(name), draft.signature))
    rows.index.append((rowid, f"{receipt_no}  ", f"{draft.title}  ", f"{draft.body}  ",
                       f"{draft.agency}  ", f"{indexed}  " if indexed is not None else None))
    attachments = ()
    if draft.attachments:
        attachments = _attach(complaint_id, draft, rows)
    if draft.attachments or draft.signature is not None:  # on disk now, not kept in memory
        draft = replace(draft, attachments=(), signature=None)
    complaint = Complaint(
        id=complaint_id, receipt_no=receipt_no, draft=draft,
        received_at=received_at, **_deadline_fields(deadline), visit=visit, status=draft.status,
        review_state=None, review_note=None, epeople_no=None, sync_state="pending",
        version=1, created_by=by.id, updated_at=now, attachments=attachments,
    )
    _record_change(complaint, by, now, action="created", fields=None, base_version=None,
                   chain=chain, rows=rows)
    return complaint


def _attach(complaint_id: str, draft: ComplaintDraft, rows: _Rows) -> tuple[Attachment, ...]:
    attachments = []
    for position, file in enumerate(draft.attachments):
        rows.blobs.append((file.sha256, file.size, file.data))
        rows.attachments.append(
            (complaint_id, position, file.sha256, file.filename, file.media_type, file.size))
        attachments.append(Attachment(sha256=file.sha256, size=file.size,
                                      filename=file.filename, media_type=file.media_type))
    return tuple(attachments)


def _record_change(complaint: Complaint, by: Officer, now: datetime, *, action: str,
                   fields: list[str] | None, base_version: int | None, chain: audit.Chain,
                   rows: _Rows, reason: str | None = None) -> None:
    rows.history.append((complaint.id, now.isoformat(), by.id, action, _json(fields or [])))
    rows.outbox.append(outbox.Entry(record_type="complaint", record_id=complaint.id,
                                    version=complaint.version, base_version=base_version,
                                    at=now))
    chain.append(at=now, officer_id=by.id, action=f"complaint_{action}",
                 record_type="complaint", record_id=complaint.id, reason=reason,
                 details={"receipt_no": complaint.receipt_no, "fields": fields}
                 if fields is not None else {"receipt_no": complaint.receipt_no})


def add(store: Store, draft: ComplaintDraft, by: Officer) -> Complaint:
    """Save one complaint durably; the receipt may be printed once this returns."""
    return add_many(store, [draft], by)[0]


def add_many(store: Store, drafts: Iterable[ComplaintDraft], by: Officer) -> list[Complaint]:
    """Save several complaints in one transaction (all or none)."""
    now = store.clock()
    with store.write():
        visit = visits.current(store)
        numbers, chain, rows = Numbers(store), audit.Chain(store.db), _Rows()
        first = store.db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM complaints").fetchone()[0]
        saved = [_insert(store, draft, by, visit, now, rowid=first + i, numbers=numbers,
                         chain=chain, rows=rows)
                 for i, draft in enumerate(drafts)]
        rows.write(store)
        numbers.close()
        chain.close()
        return saved


def from_row(store: Store, row, attachments: tuple[Attachment, ...] = ()) -> Complaint:
    (cid, receipt_no, kind, title, body, agency, region, channel, petitioner, consent,
     disclosure, notify_by, outcome, referred_to, received_at, deadline, deadline_due,
     deadline_rule, visit_id, status, review_state, review_note, epeople_no, sync_state,
     version, created_by, updated_at, purged_at, intake_extra, centre) = row
    consent_data = json.loads(consent)
    draft = ComplaintDraft(
        kind=kind, title=title, body=body or "", agency=agency, region=region,
        channel=channel,
        petitioner=Petitioner(**json.loads(petitioner)) if petitioner else None,
        consent=Consent(personal_info=consent_data["personal_info"],
                        notice_version=consent_data["notice_version"],
                        items=tuple(consent_data.get("items") or ()),
                        at=datetime.fromisoformat(consent_data["at"])
                        if consent_data.get("at") else None),
        disclosure=disclosure, notify_by=notify_by, outcome=outcome, referred_to=referred_to,
        received_at=datetime.fromisoformat(received_at),
        **_extras(intake_extra),
    )
    return Complaint(
        id=cid, receipt_no=receipt_no, draft=draft,
        received_at=datetime.fromisoformat(received_at),
        deadline=date.fromisoformat(deadline) if deadline else None,  # '': none (anonymous)
        deadline_due=datetime.fromisoformat(deadline_due) if deadline_due else None,
        deadline_rule=deadline_rule,
        visit=visits.by_id(store, visit_id), status=status, review_state=review_state,
        review_note=review_note, epeople_no=epeople_no, sync_state=sync_state,
        version=version, created_by=created_by, updated_at=datetime.fromisoformat(updated_at),
        attachments=attachments, purged=purged_at is not None,
        centre=centre_review(centre),
    )


def centre_review(text: str | None) -> CentreReview | None:
    """The ``centre`` column read back (None: the centre has said nothing yet)."""
    if not text:
        return None
    data = json.loads(text)

    def moment(key: str) -> datetime | None:
        return datetime.fromisoformat(data[key]) if data.get(key) else None

    return CentreReview(by=data.get("by"), role=data.get("role"), at=moment("at"),
                        action=data.get("action"), deadline_due=moment("deadline_due"),
                        agency=data.get("agency"), handler=data.get("handler"),
                        case_version=data.get("case_version"))


def _attachments(store: Store, complaint_id: str) -> tuple[Attachment, ...]:
    rows = store.db.execute(
        "SELECT sha256, size, filename, media_type FROM attachments WHERE complaint_id = ? "
        "ORDER BY position", (complaint_id,)).fetchall()
    return tuple(Attachment(sha256=r[0], size=r[1], filename=r[2], media_type=r[3]) for r in rows)


def get(store: Store, receipt_no: str) -> Complaint:
    """Look a complaint up by its receipt number (check character verified first)."""
    number = parse_receipt_no(receipt_no).text
    row = store.db.execute(f"SELECT {_READ} FROM complaints WHERE receipt_no = ?",
                           (number,)).fetchone()
    if row is None:
        raise NotFound(f"no complaint with receipt number {number} on this laptop")
    return from_row(store, row, _attachments(store, row[0]))


def signature(store: Store, complaint_id: str) -> bytes | None:
    """The petitioner's signature (PNG) when one was captured (시행령 제35조)."""
    row = store.db.execute("SELECT signature FROM complaints WHERE id = ?",
                           (complaint_id,)).fetchone()
    return row[0] if row else None


def view(store: Store, receipt_no: str, by: Officer, *, reason: str) -> Complaint:
    """Get a complaint to show its personal data to ``by``; the access is audited."""
    complaint = get(store, receipt_no)
    store.audit(by, "complaint_viewed", record_type="complaint", record_id=complaint.id,
                reason=reason, details={"receipt_no": complaint.receipt_no})
    return complaint


def recent(store: Store, *, limit: int | None = None, status: str | None = None) -> list[Complaint]:
    """Newest first; ``status`` filters. Not audited: see :func:`listing`."""
    sql = f"SELECT {_READ} FROM complaints"
    params: list = []
    if status is not None:
        sql += " WHERE status = ?"
        params.append(status)
    sql += " ORDER BY received_at DESC, rowid DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [from_row(store, row) for row in store.db.execute(sql, params).fetchall()]


def listing(store: Store, by: Officer, *, limit: int | None = None,
            status: str | None = None) -> list[Complaint]:
    """:func:`recent` for a person to read (titles and bodies in full, contacts masked by
    the caller): one audit entry per listing, with the filter and the count — not one
    per case, which would bury the log under every ``complaint list``."""
    found = recent(store, limit=limit, status=status)
    store.audit(by, "complaints_listed", record_type="complaint",
                details={"count": len(found), "limit": limit, "status": status})
    return found


def by_rowids(store: Store, rowids: list[int]) -> list[Complaint]:
    """The complaints with these row ids, in the order given (a search's ranking)."""
    return rows_by_rowid(store, "complaints", _READ, rowids, from_row)


#: Statuses the hub sets once a case has left the bus (pulled changes): the agency holds
#: the case as it was sent, so only a supervisor corrects it afterwards.
LEFT_THE_BUS = ("forwarded", "closed")


def correction_refusal(complaint: Complaint, by: Officer) -> str | None:
    """Why ``by`` may not correct ``complaint`` (a code), or None when they may (issue 12).

    A case is corrected by the officer who took it or by a supervisor; a case destroyed
    after retention (``purged``) by nobody; a case the hub forwarded to the agency or
    closed (:data:`LEFT_THE_BUS`) by a supervisor only. A case the supervisor returned
    (``has_issues``) is not a correction but a resubmission, open to any officer on the
    laptop as before: see :func:`edit`."""
    if complaint.purged:
        return "purged"
    if by.role == "supervisor":
        return None
    if complaint.created_by != by.id:
        return "not_taker"
    if complaint.status in LEFT_THE_BUS:
        return "case_closed"
    return None


_REFUSALS = {
    "not_taker": "only the officer who took this case or a supervisor can correct it",
    "case_closed": "this case was already forwarded or closed by the centre; only a "
                   "supervisor can correct it now",
}


def edit(store: Store, receipt_no: str, patch: dict, by: Officer, *,
         reason: str | None = None) -> tuple[Complaint, list]:
    """Apply a JSON Merge Patch to a complaint's intake; validated like a new intake.

    A returned case (``has_issues``) is resubmitted by any officer; any other change is a
    correction, refused with :class:`PermissionDenied` unless
    :func:`correction_refusal` allows it. ``reason`` (why it was changed; optional, the
    window always asks) is kept in the audit entry's ``reason`` — with RRNs masked, and
    removed with the rest of the audit's free text by retention — and read back into the
    case's history (:func:`fieldbus.store.case_list.history`)."""
    from fieldbus.domain.intake import parse_complaint
    from fieldbus.domain.merge_patch import merge_patch
    from fieldbus.domain.serialize import draft_to_intake

    if not isinstance(patch, dict):
        raise ValidationError("", "an edit must be a JSON object (a merge patch)", code="type")
    for frozen in ("received_at", "attachments", "receipt_no"):
        if frozen in patch:
            raise ValidationError(frozen, "cannot be changed by an edit", code="frozen")
    now = store.clock()
    with store.write():
        current = get(store, receipt_no)
        if current.purged:
            raise ValidationError("", "this case's personal data was destroyed after the "
                                  "retention period; it can no longer be edited", code="purged")
        refusal = None if current.review_state == "has_issues" else \
            correction_refusal(current, by)
        if refusal is not None:
            raise PermissionDenied(_REFUSALS[refusal], code=refusal)
        base = draft_to_intake(current.draft)
        merged = merge_patch(base, patch)
        for key in ("petitioner", "notify_by"):  # required but nullable: removing means none
            merged.setdefault(key, None)
        draft, warnings = parse_complaint(merged, now=now)
        after = draft_to_intake(draft)
        changed = sorted(k for k in set(base) | set(after) if base.get(k) != after.get(k))
        if not changed:
            return current, warnings
        kind_change = _check_sealing(current, draft, changed, by)
        deadline = _deadline(draft, current.received_at)
        review_state = "edited" if current.review_state == "has_issues" else current.review_state
        status = draft.status if "outcome" in changed else current.status
        name = draft.petitioner.name if draft.petitioner else None
        store.db.execute(
            "UPDATE complaints SET kind = ?, title = ?, body = ?, agency = ?, region = ?, "
            "channel = ?, petitioner = ?, petitioner_name = ?, masked_name = ?, consent = ?, "
            "disclosure = ?, notify_by = ?, outcome = ?, referred_to = ?, deadline = ?, "
            "deadline_due = ?, deadline_rule = ?, status = ?, review_state = ?, "
            "intake_extra = ?, sync_state = 'pending', version = version + 1, "
            "updated_at = ? WHERE id = ?",
            (draft.kind, draft.title, draft.body, draft.agency, draft.region, draft.channel,
             _petitioner_json(draft.petitioner), searchable_name(draft.kind, name),
             mask_name(name),
             _consent_json(draft.consent, current.received_at), draft.disclosure,
             draft.notify_by, draft.outcome,
             draft.referred_to, *_deadline_columns(deadline), status, review_state,
             _extra_json(draft, current.received_at), now.isoformat(), current.id))
        updated = replace(
            current, draft=draft, **_deadline_fields(deadline), status=status,
            review_state=review_state,
            sync_state="pending", version=current.version + 1, updated_at=now)
        chain, rows = audit.Chain(store.db), _Rows()
        _record_change(updated, by, now, action="edited", fields=_described(base, after),
                       base_version=current.version, chain=chain, rows=rows,
                       reason=reason.strip() if reason and reason.strip() else None)
        if kind_change is not None:
            chain.append(at=now, officer_id=by.id, action="complaint_kind_changed",
                         record_type="complaint", record_id=current.id,
                         details={"receipt_no": current.receipt_no, "from": kind_change[0],
                                  "to": kind_change[1]})
        _write_history(store, rows.history)
        outbox.enqueue_many(store.db, rows.outbox)
        chain.close()
    return updated, warnings


def _described(before: dict, after: dict) -> list[str]:
    """The fields an edit changed as the history and the audit name them: a part of a
    group by its path (``petitioner.phone``, not the whole ``petitioner``), so that "수정
    (전화번호)" says what a correction touched."""
    found = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            found.extend(f"{key}.{part}" for part in sorted(set(old) | set(new))
                         if old.get(part) != new.get(part))
        else:
            found.append(key)
    return found


def _check_sealing(current: Complaint, draft: ComplaintDraft, changed: list[str],
                   by: Officer) -> tuple[str, str] | None:
    """Whether a case is a public-interest report is fixed when it is taken: only a
    supervisor moves a case into or out of ``report`` (audited with both kinds by the
    caller), and only a supervisor changes a sealed reporter's details — an officer who
    may not see them may not overwrite them either. Returns (old, new) for a report
    boundary crossed, else None."""
    was, now = current.draft.kind == SEALED_KIND, draft.kind == SEALED_KIND
    if by.may_read_sealed_identity:
        return (current.draft.kind, draft.kind) if was != now else None
    if was != now:
        raise PermissionDenied(
            "kind: whether a case is a public-interest report (report) is fixed when it is "
            "taken; only a supervisor can change it", code="kind_sealed")
    if was and "petitioner" in changed:
        raise PermissionDenied(
            "petitioner: a public-interest reporter's details are sealed; only a supervisor "
            "can change them", code="identity_sealed")
    return None
