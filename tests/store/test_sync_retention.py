"""Retention (fieldbus/store/retention.py): personal data destroyed once the hub holds the
case and the retention period has passed; receipt number, status and masked name kept."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from fieldbus.domain.records import AttachmentFile
from fieldbus.store import complaints, retention
from fieldbus.store import sync as store_sync
from tests.store.helpers import audit_rows, count, draft

PHOTO = b"\x89PNG made-up photo of a broken streetlight"
SHARED = b"\x89PNG made-up map both petitioners brought"


def _file(data: bytes, name: str) -> AttachmentFile:
    return AttachmentFile(filename=name, media_type="image/png", size=len(data),
                          sha256=hashlib.sha256(data).hexdigest(), data=data)


def _acknowledge(store):
    batch = store_sync.pending(store, limit=100)
    store_sync.record_results(store, batch, [
        {"id": i.record["id"], "version": i.record["version"], "outcome": "accepted",
         "reason": None} for i in batch], by=store.officer)


def _row(store, case):
    return store.db.execute(
        "SELECT receipt_no, status, masked_name, title, body, petitioner, petitioner_name, "
        "signature, review_note, purged_at FROM complaints WHERE id = ?", (case.id,)).fetchone()


def test_after_the_retention_period_personal_data_is_destroyed(cstore, clock):
    assert retention.rule().days == 30
    first = complaints.add(cstore, replace(draft(cstore), signature=b"made-up signature",
                                           attachments=(_file(PHOTO, "light.png"),
                                                        _file(SHARED, "map.png"))),
                           cstore.officer)
    _acknowledge(cstore)
    clock.advance(days=10)
    second = complaints.add(cstore, replace(draft(cstore),
                                            attachments=(_file(SHARED, "map.png"),)),
                            cstore.officer)
    _acknowledge(cstore)
    before = _row(cstore, first)

    clock.advance(days=20, seconds=1)
    assert retention.purge(cstore, cstore.officer) == [first.receipt_no]

    number, status, masked, title, body, petitioner, name, signature, note, purged_at = \
        _row(cstore, first)
    assert (number, status, masked) == before[:3] and masked
    assert (title, body, petitioner, name, signature, note) == ("", None, None, None, None, None)
    assert purged_at == clock().isoformat()
    assert count(cstore, "attachments", "complaint_id = ?", (first.id,)) == 0
    assert count(cstore, "blobs", "sha256 = ?", (hashlib.sha256(PHOTO).hexdigest(),)) == 0
    # A file another case still names stays.
    assert count(cstore, "blobs", "sha256 = ?", (hashlib.sha256(SHARED).hexdigest(),)) == 1
    # Not findable by the petitioner's name any more.
    from fieldbus.store import search

    rowid = cstore.db.execute("SELECT rowid FROM complaints WHERE id = ?",
                              (first.id,)).fetchone()[0]
    assert rowid not in search.matching_rowids(cstore, first.draft.petitioner.name)
    assert search.matching_rowids(cstore, first.draft.petitioner.name)  # the second still is
    got = complaints.get(cstore, first.receipt_no)
    assert got.purged and got.draft.petitioner is None
    assert _row(cstore, second)[9] is None
    entry = audit_rows(cstore)[-1]
    assert (entry["action"], entry["record_id"]) == ("complaint_purged", first.id)
    assert cstore.verify_audit().ok
    # Idempotent.
    assert retention.purge(cstore, cstore.officer) == []


def test_nothing_is_purged_before_the_hub_acknowledged_it(cstore, clock):
    case = complaints.add(cstore, draft(cstore), cstore.officer)
    clock.advance(days=400)
    assert retention.purge(cstore, cstore.officer) == []
    assert _row(cstore, case)[5] is not None


def test_a_case_with_a_local_change_still_pending_is_kept(cstore, clock):
    case = complaints.add(cstore, draft(cstore), cstore.officer)
    _acknowledge(cstore)
    clock.advance(days=31)
    complaints.edit(cstore, case.receipt_no, {"title": "보존기간 뒤에 고친 제목"}, cstore.officer)
    assert retention.purge(cstore, cstore.officer) == []
    _acknowledge(cstore)  # the edit reaches the hub: the period starts again
    clock.advance(days=29)
    assert retention.purge(cstore, cstore.officer) == []
    clock.advance(days=2)
    assert retention.purge(cstore, cstore.officer) == [case.receipt_no]


def test_counsel_sessions_lose_the_appellant_and_the_notes_too(cstore, clock):
    from fieldbus.domain.intake import parse_counsel
    from fieldbus.store import counsel
    from tests.conftest import sample

    session_draft, _ = parse_counsel(sample("counsel-01.json"), now=clock())
    assert session_draft.notes  # the sample has confidential notes to destroy
    session = counsel.add(cstore, session_draft, cstore.officer)
    case = complaints.add(cstore, draft(cstore), cstore.officer)
    clock.advance(days=29)
    assert retention.purge(cstore, cstore.officer) == []  # not acknowledged yet: kept
    _acknowledge(cstore)
    clock.advance(days=29)
    assert retention.purge(cstore, cstore.officer) == []  # 29 days after the hub took it
    clock.advance(days=1, seconds=1)
    assert sorted(retention.purge(cstore, cstore.officer)) == sorted(
        [case.receipt_no, session.number])

    appellant, notes, next_step, disposition, masked, purged_at = cstore.db.execute(
        "SELECT appellant, notes, next_step, disposition, masked_name, purged_at "
        "FROM counsel_sessions WHERE id = ?", (session.id,)).fetchone()
    assert (appellant, notes, next_step) == (None, None, None)
    assert session_draft.disposition_title not in disposition
    assert masked and purged_at == clock().isoformat()
    got = counsel.get(cstore, session.number)  # still readable: number, outcome, deadline
    assert got.purged and got.draft.appellant.name == masked and got.draft.notes is None
    assert got.appeal_deadline == session.appeal_deadline
    assert got.draft.disposition_agency == session_draft.disposition_agency
    actions = [(r["action"], r["record_id"]) for r in audit_rows(cstore)[-2:]]
    assert ("counsel_purged", session.id) in actions
    assert cstore.verify_audit().ok
    assert retention.purge(cstore, cstore.officer) == []  # idempotent


def test_the_receipts_guidance_texts_are_destroyed_with_the_case(cstore, clock):
    """The intake's free-text guidance (시행령 제6조④: what is missing, the procedure, a
    planned site check) may name the citizen's circumstances: it goes with the body."""
    from fieldbus.domain.records import Guidance

    told = Guidance(documents="incomplete", documents_missing="가족관계증명서 (가상의 서류)",
                    procedure="현장 확인 후 회신", site_check="12월 중 현장 방문")
    case = complaints.add(cstore, replace(draft(cstore), guidance=told), cstore.officer)
    _acknowledge(cstore)
    stored = cstore.db.execute("SELECT intake_extra FROM complaints WHERE id = ?",
                               (case.id,)).fetchone()[0]
    assert "가족관계증명서" in stored
    clock.advance(days=31)
    assert retention.purge(cstore, cstore.officer) == [case.receipt_no]
    assert cstore.db.execute("SELECT intake_extra FROM complaints WHERE id = ?",
                             (case.id,)).fetchone()[0] is None
