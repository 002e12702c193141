"""The store's side of sync (fieldbus/store/sync.py): what is pushed, what the hub's answers
do to the outbox and the cases, and pulled changes that must not overwrite local ones."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

import pytest

from sync.deadlines import KST
from fieldbus.domain.records import AttachmentFile
from fieldbus.store import complaints, counsel
from fieldbus.store import sync as store_sync
from fieldbus.store.store import Store
from sync import protocol
from tests.conftest import PIN
from tests.store.helpers import audit_rows, count, draft

PHOTO = b"\x89PNG made-up photo of a pothole"
SIGNATURE = b"\x89PNG made-up signature strokes"


def _with_files(store):
    return replace(draft(store), signature=SIGNATURE, attachments=(AttachmentFile(
        filename="pothole.png", media_type="image/png", size=len(PHOTO),
        sha256=hashlib.sha256(PHOTO).hexdigest(), data=PHOTO),))


def _answer(items, outcome="accepted", reason=None):
    return [{"id": i.record["id"], "version": i.record["version"], "outcome": outcome,
             "reason": reason} for i in items]


def _review(case, seq=1, state="has_issues", note="연락처를 확인해 주십시오."):
    return {"seq": seq, "type": "review", "id": case.id, "receipt_no": case.receipt_no,
            "review_state": state, "review_note": note, "status": None, "epeople_no": None,
            "at": "2026-11-27T09:15:00+09:00"}


def test_a_new_store_has_a_device_key(cstore):
    assert len(bytes.fromhex(cstore.meta("device_key"))) == 32


def test_pending_builds_each_record_from_the_store_with_its_blobs(cstore):
    saved = complaints.add(cstore, _with_files(cstore), cstore.officer)
    [item] = store_sync.pending(cstore, limit=10)
    record = item.record
    assert (record["type"], record["id"], record["version"], record["base_version"]) == (
        "complaint", saved.id, 1, None)
    content = record["content"]
    assert content["receipt_no"] == saved.receipt_no
    assert content["petitioner"]["name"] == saved.draft.petitioner.name  # whole, for the hub
    assert content["attachments"] == [{"sha256": hashlib.sha256(PHOTO).hexdigest(),
                                       "size": len(PHOTO), "filename": "pothole.png",
                                       "media_type": "image/png"}]
    assert content["signature"] == {"sha256": hashlib.sha256(SIGNATURE).hexdigest(),
                                    "size": len(SIGNATURE)}
    assert record["content_hash"] == protocol.content_hash(content)
    assert {b["sha256"] for b in item.blobs} == {hashlib.sha256(PHOTO).hexdigest(),
                                                 hashlib.sha256(SIGNATURE).hexdigest()}
    for ref in item.blobs:
        assert hashlib.sha256(store_sync.blob(cstore, ref["sha256"])).hexdigest() == ref["sha256"]
    # Built again, the same version hashes the same (a resend is a duplicate on the hub).
    assert store_sync.pending(cstore, limit=10)[0].record == record


def test_counsel_sessions_are_pushed_as_counsel(cstore):
    from fieldbus.domain.intake import parse_counsel
    from tests.conftest import sample

    session = counsel.add(cstore, parse_counsel(sample("counsel-01.json"), now=cstore.clock())[0],
                          cstore.officer)
    [item] = store_sync.pending(cstore, limit=10)
    assert item.record["type"] == "counsel" and item.record["id"] == session.id
    assert item.record["content"]["number"] == session.number


def test_edits_before_a_sync_are_sent_once_at_the_current_version(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    store_sync.record_results(cstore, batch := store_sync.pending(cstore, limit=10),
                              _answer(batch), by=cstore.officer)
    complaints.edit(cstore, saved.receipt_no, {"title": "고친 제목 하나"}, cstore.officer)
    complaints.edit(cstore, saved.receipt_no, {"title": "고친 제목 둘"}, cstore.officer)
    [item] = store_sync.pending(cstore, limit=10)
    assert (item.record["version"], item.record["base_version"]) == (3, 1)
    assert item.record["content"]["title"] == "고친 제목 둘"


def test_acknowledged_cases_are_synced_and_never_offered_again(cstore, clock):
    saved = complaints.add_many(cstore, [draft(cstore)] * 3, cstore.officer)
    batch = store_sync.pending(cstore, limit=2)
    assert [i.record["id"] for i in batch] == [c.id for c in saved[:2]]
    tally = store_sync.record_results(cstore, batch, _answer(batch), by=cstore.officer)
    assert tally.acknowledged == 2
    got = complaints.get(cstore, saved[0].receipt_no)
    assert got.sync_state == "synced"
    assert cstore.db.execute("SELECT synced_at FROM complaints WHERE id = ?",
                             (saved[0].id,)).fetchone()[0] == clock().isoformat()
    assert [i.record["id"] for i in store_sync.pending(cstore, limit=10)] == [saved[2].id]
    assert store_sync.counts(cstore) == (1, 0)
    assert [r["action"] for r in audit_rows(cstore)][-2:] == ["sync_accepted"] * 2


def test_an_edit_made_while_a_push_was_under_way_stays_pending(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    complaints.edit(cstore, saved.receipt_no, {"title": "보내는 사이에 고침"}, cstore.officer)
    store_sync.record_results(cstore, batch, _answer(batch), by=cstore.officer)
    assert complaints.get(cstore, saved.receipt_no).sync_state == "pending"
    [item] = store_sync.pending(cstore, limit=10)
    assert (item.record["version"], item.record["base_version"]) == (2, 1)


def test_invalid_and_conflicting_records_are_quarantined_without_blocking(cstore):
    saved = complaints.add_many(cstore, [draft(cstore)] * 4, cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    answers = _answer(batch)
    answers[0].update(outcome="invalid", reason="content.kind has the wrong type")
    answers[1].update(outcome="conflict", reason="the hub holds version 2")
    answers[2].update(outcome="missing_attachment", reason="blob abc is missing")
    tally = store_sync.record_results(cstore, batch, answers, by=cstore.officer)
    assert (tally.acknowledged, tally.quarantined, tally.retry) == (1, 2, 1)
    states = [complaints.get(cstore, c.receipt_no).sync_state for c in saved]
    assert states == ["quarantined", "quarantined", "pending", "synced"]
    assert cstore.db.execute("SELECT last_error FROM outbox WHERE record_id = ?",
                             (saved[0].id,)).fetchone()[0] == \
        "invalid: content.kind has the wrong type"
    assert [i.record["id"] for i in store_sync.pending(cstore, limit=10)] == [saved[2].id]
    # Offered once a run: a run asks for what comes after what it has seen.
    assert store_sync.pending(cstore, limit=10, after=batch[-1].order) == []
    assert store_sync.counts(cstore) == (1, 2)


def test_a_pulled_review_and_its_cursor_are_stored_together(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    store_sync.record_results(cstore, batch := store_sync.pending(cstore, limit=10),
                              _answer(batch), by=cstore.officer)
    tally = store_sync.apply_pull(cstore, [_review(saved)], "c-1", by=cstore.officer)
    assert tally.applied == 1 and store_sync.cursor(cstore) == "c-1"
    got = complaints.get(cstore, saved.receipt_no)
    assert (got.review_state, got.review_note) == ("has_issues", "연락처를 확인해 주십시오.")
    assert got.sync_state == "synced" and count(cstore, "outbox", "state = 'pending'") == 0


def test_a_page_that_fails_half_way_stores_nothing_not_even_its_cursor(cstore, monkeypatch):
    cases = complaints.add_many(cstore, [draft(cstore)] * 2, cstore.officer)
    store_sync.record_results(cstore, batch := store_sync.pending(cstore, limit=10),
                              _answer(batch), by=cstore.officer)
    from fieldbus.store import reviews

    real, calls = reviews.write_many, []

    def fails_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(reviews, "write_many", fails_second)
    with pytest.raises(OSError):
        store_sync.apply_pull(cstore, [_review(c, seq=i) for i, c in enumerate(cases)], "c-2",
                              by=cstore.officer)
    assert store_sync.cursor(cstore) == ""
    assert complaints.get(cstore, cases[0].receipt_no).review_state is None


def test_a_pulled_change_waits_for_a_pending_local_change(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    store_sync.record_results(cstore, batch := store_sync.pending(cstore, limit=10),
                              _answer(batch), by=cstore.officer)
    complaints.edit(cstore, saved.receipt_no, {"title": "현장에서 고친 제목"}, cstore.officer)

    tally = store_sync.apply_pull(cstore, [_review(saved, state="approved", note=None)], "c-1",
                                  by=cstore.officer)
    assert (tally.applied, tally.deferred) == (0, 1)
    got = complaints.get(cstore, saved.receipt_no)
    assert got.review_state is None and got.draft.title == "현장에서 고친 제목"
    assert store_sync.cursor(cstore) == "c-1"  # the page is done; the change waits locally

    batch = store_sync.pending(cstore, limit=10)
    tally = store_sync.record_results(cstore, batch, _answer(batch), by=cstore.officer)
    assert tally.applied_later == 1 and count(cstore, "pull_deferred") == 0
    got = complaints.get(cstore, saved.receipt_no)
    assert (got.review_state, got.draft.title, got.version) == ("approved", "현장에서 고친 제목", 2)


def test_a_pulled_change_for_an_unknown_case_is_skipped_and_audited(cstore):
    tally = store_sync.apply_pull(cstore, [{"seq": 1, "type": "review", "id": "nope",
                                            "review_state": "approved", "at": "2026-11-27"}],
                                  "c-1", by=cstore.officer)
    assert tally.skipped == 1 and store_sync.cursor(cstore) == "c-1"
    assert audit_rows(cstore)[-2]["action"] == "sync_change_skipped"
    assert cstore.verify_audit().ok


def test_the_device_key_stays_the_same_across_opens(data_dir, clock):
    from fieldbus.store import schema

    store = Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock)
    key = store.meta("device_key")
    store.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as again:
        assert again.meta("device_key") == key
        assert schema.version_of(again.db) == schema.SCHEMA_VERSION


def test_the_audit_chain_holds_after_a_sync(cstore):
    complaints.add_many(cstore, [draft(cstore)] * 2, cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    store_sync.record_results(cstore, batch, _answer(batch), by=cstore.officer)
    store_sync.apply_pull(cstore, [], "c-0", by=cstore.officer)
    assert cstore.verify_audit().ok
    assert datetime.fromisoformat(cstore.db.execute(
        "SELECT acknowledged_at FROM outbox LIMIT 1").fetchone()[0]).tzinfo == KST


def test_pulled_changes_for_a_case_set_aside_keep_waiting_in_their_order(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    store_sync.record_results(cstore, batch := store_sync.pending(cstore, limit=10),
                              _answer(batch), by=cstore.officer)
    complaints.edit(cstore, saved.receipt_no, {"title": "현장에서 고친 제목"}, cstore.officer)
    store_sync.apply_pull(cstore, [_review(saved, seq=1, state="has_issues")], "c-1",
                          by=cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    store_sync.record_results(cstore, batch, _answer(batch, "conflict", "hub has v2"),
                              by=cstore.officer)

    # A newer review must not be applied before the older one still held back.
    tally = store_sync.apply_pull(cstore, [_review(saved, seq=2, state="approved", note=None)],
                                  "c-2", by=cstore.officer)
    assert (tally.applied, tally.deferred) == (0, 1)
    assert complaints.get(cstore, saved.receipt_no).review_state is None

    complaints.edit(cstore, saved.receipt_no, {"title": "다시 고친 제목"}, cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    store_sync.record_results(cstore, batch, _answer(batch), by=cstore.officer)
    assert complaints.get(cstore, saved.receipt_no).review_state == "approved"
    assert count(cstore, "pull_deferred") == 0


def test_an_edit_after_a_push_whose_answer_was_lost_is_based_on_the_version_sent(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    store_sync.mark_sending(cstore, store_sync.pending(cstore, limit=10))  # no answer came
    complaints.edit(cstore, saved.receipt_no, {"title": "고친 제목"}, cstore.officer)
    [item] = store_sync.pending(cstore, limit=10)
    # The hub may hold version 1 (then the edit is based on it) or nothing (then any base
    # is taken as a new record): base 1 is right either way; None would be a conflict.
    assert (item.record["version"], item.record["base_version"]) == (2, 1)


def test_a_version_the_hub_did_not_keep_is_no_base(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    batch = store_sync.pending(cstore, limit=10)
    store_sync.mark_sending(cstore, batch)
    store_sync.record_results(cstore, batch, _answer(batch, "missing_attachment", "upload"),
                              by=cstore.officer)
    complaints.edit(cstore, saved.receipt_no, {"title": "고친 제목"}, cstore.officer)
    [item] = store_sync.pending(cstore, limit=10)
    assert (item.record["version"], item.record["base_version"]) == (2, None)
