"""Reviews from the hub: recorded on the case, in its history and the audit log, never
queued back to the hub; the officer's fix is an ordinary edit."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from sync.deadlines import KST
from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.store import complaints, reviews
from tests.store.helpers import audit_rows, count, draft

AT = datetime(2026, 11, 27, 9, 15, tzinfo=KST)
NOTE = "연락처를 확인해 주십시오."


def _history(store, complaint_id):
    return store.db.execute("SELECT at, officer_id, action, fields FROM complaint_history "
                            "WHERE complaint_id = ? ORDER BY seq", (complaint_id,)).fetchall()


def test_a_returned_case_holds_the_note_with_history_and_audit_but_no_outbox_row(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    outbox_before = count(cstore, "outbox")

    assert reviews.apply(cstore, saved.receipt_no, "has_issues", f"  {NOTE} ", AT,
                         by=cstore.officer)

    got = complaints.get(cstore, saved.receipt_no)
    assert (got.review_state, got.review_note) == ("has_issues", NOTE)
    assert (got.version, got.sync_state) == (1, "pending")  # not a local change
    assert count(cstore, "outbox") == outbox_before
    assert _history(cstore, saved.id)[-1] == (
        AT.isoformat(), cstore.officer.id, "review_has_issues",
        json.dumps(["review_state", "review_note"]))
    entry = audit_rows(cstore)[-1]
    assert entry["action"] == "complaint_reviewed" and entry["record_id"] == saved.id
    assert entry["details"] == {"receipt_no": saved.receipt_no, "state": "has_issues",
                                "reviewed_at": AT.isoformat(), "note": True}
    assert "연락처" not in json.dumps(audit_rows(cstore), ensure_ascii=False)
    assert cstore.verify_audit().ok


def test_the_case_can_be_named_by_its_id_and_the_fix_is_an_ordinary_edit(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    reviews.apply(cstore, saved.id, "has_issues", NOTE, AT, by=cstore.officer)
    edited, _ = complaints.edit(cstore, saved.receipt_no, {"title": "마을 진입로 포장 재요청"},
                                cstore.officer)
    assert (edited.review_state, edited.version) == ("edited", 2)
    assert count(cstore, "outbox", "version = 2 AND base_version = 1") == 1
    assert reviews.apply(cstore, saved.id, "approved", None, AT, by=cstore.officer)
    got = complaints.get(cstore, saved.receipt_no)
    assert (got.review_state, got.review_note, got.version) == ("approved", None, 2)
    assert [h[2] for h in _history(cstore, saved.id)] == [
        "created", "review_has_issues", "edited", "review_approved"]


def test_the_same_review_pulled_twice_writes_nothing_the_second_time(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    assert reviews.apply(cstore, saved.receipt_no, "has_issues", NOTE, AT, by=cstore.officer)
    before = (count(cstore, "complaint_history"), count(cstore, "audit"))
    assert not reviews.apply(cstore, saved.receipt_no, "has_issues", NOTE, AT,
                             by=cstore.officer)
    assert (count(cstore, "complaint_history"), count(cstore, "audit")) == before


@pytest.mark.parametrize(("state", "note", "at", "field"), [
    ("returned", NOTE, AT, "state"),
    ("", NOTE, AT, "state"),
    ("has_issues", 12, AT, "note"),
    ("has_issues", "가" * 2001, AT, "note"),
    ("approved", None, datetime(2026, 11, 27, 9, 15), "at"),
])
def test_a_bad_review_is_refused_and_a_batch_is_all_or_nothing(cstore, state, note, at, field):
    first = complaints.add(cstore, draft(cstore), cstore.officer)
    second = complaints.add(cstore, draft(cstore), cstore.officer)
    before = (count(cstore, "complaint_history"), count(cstore, "audit"))
    batch = [reviews.Review(first.receipt_no, "approved", None, AT),
             reviews.Review(second.receipt_no, state, note, at)]
    with pytest.raises(ValidationError) as caught:
        reviews.apply_many(cstore, batch, by=cstore.officer)
    assert caught.value.field == field
    assert complaints.get(cstore, first.receipt_no).review_state is None
    assert (count(cstore, "complaint_history"), count(cstore, "audit")) == before


def test_a_review_of_an_unknown_case_rolls_the_batch_back(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    batch = [reviews.Review(saved.receipt_no, "approved", None, AT),
             reviews.Review("no-such-id", "approved", None, AT)]
    with pytest.raises(NotFound):
        reviews.apply_many(cstore, batch, by=cstore.officer)
    assert complaints.get(cstore, saved.receipt_no).review_state is None
