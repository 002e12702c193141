"""Complaints: numbered, saved, queued and audited together, or not at all."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime

import pytest

from sync.deadlines import KST, statutory_deadline
from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.receipt_numbers import is_check_valid, parse_receipt_no
from fieldbus.store import complaints, outbox
from fieldbus.store.search import search
from fieldbus.store.sqlcipher import IntegrityError
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.store.helpers import all_text, audit_rows, count, draft

RECEIPT = re.compile(r"^B07A-(\d{6})-(\d{4})-([0-9A-Z])$")


def _sequence(store) -> dict[str, int]:
    return dict(store.db.execute("SELECT day, last FROM number_sequence").fetchall())


def _snapshot(store) -> dict[str, object]:
    """Everything a saved complaint touches."""
    return {
        "complaints": count(store, "complaints"),
        "fts": count(store, "complaints_fts"),
        "history": count(store, "complaint_history"),
        "outbox": count(store, "outbox"),
        "audit": count(store, "audit"),
        "sequence": _sequence(store),
        "head": store.db.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone(),
    }


# -- numbering ---------------------------------------------------------------------------


def test_a_saved_complaint_gets_a_valid_receipt_number_for_today(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    match = RECEIPT.match(saved.receipt_no)
    assert match, saved.receipt_no
    assert match[1] == "261126" and match[2] == "0001"
    assert is_check_valid(saved.receipt_no)
    assert parse_receipt_no(saved.receipt_no).text == saved.receipt_no
    assert complaints.get(cstore, saved.receipt_no).id == saved.id


def test_the_sequence_counts_up_within_a_day_and_restarts_on_the_next(cstore, clock):
    first_day = [complaints.add(cstore, draft(cstore), cstore.officer).receipt_no
                 for _ in range(3)]
    assert [RECEIPT.match(n)[2] for n in first_day] == ["0001", "0002", "0003"]

    clock.advance(days=1)
    next_day = complaints.add(cstore, draft(cstore), cstore.officer).receipt_no
    assert RECEIPT.match(next_day).group(1, 2) == ("261127", "0001")
    assert len(set(first_day + [next_day])) == 4


def test_a_paper_form_entered_later_is_numbered_on_its_own_day(cstore, clock):
    complaints.add(cstore, draft(cstore), cstore.officer)
    earlier = complaints.add(
        cstore, draft(cstore, received_at="2026-11-24T14:00:00+09:00"), cstore.officer)
    assert RECEIPT.match(earlier.receipt_no).group(1, 2) == ("261124", "0001")
    assert earlier.received_at == datetime(2026, 11, 24, 14, 0, tzinfo=KST)
    assert earlier.deadline == statutory_deadline("grievance", earlier.received_at).date


def test_numbers_survive_a_restart(cstore, data_dir, clock):
    complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        officer = reopened.sign_in("홍길동", PIN)
        again = complaints.add(reopened, draft(reopened), officer)
    assert RECEIPT.match(again.receipt_no)[2] == "0002"


# -- all or nothing ------------------------------------------------------------------------


def test_add_many_is_all_or_nothing_when_a_draft_fails_mid_batch(cstore):
    """The day's numbers run out on the third draft: the first two are not kept either."""
    cstore.db.execute("INSERT INTO number_sequence (day, last) VALUES ('2026-11-26', 9997)")
    before = _snapshot(cstore)
    drafts = [draft(cstore, title=f"민원 {i}") for i in range(3)]

    with pytest.raises(ValidationError) as caught:
        complaints.add_many(cstore, drafts, cstore.officer)

    assert caught.value.code == "sequence_exhausted"
    assert _snapshot(cstore) == before
    assert cstore.verify_audit().ok
    # and the two that fit are saved once the batch is fixed
    saved = complaints.add_many(cstore, drafts[:2], cstore.officer)
    assert [RECEIPT.match(c.receipt_no)[2] for c in saved] == ["9998", "9999"]


def test_add_many_keeps_nothing_when_the_input_breaks_off(cstore):
    before = _snapshot(cstore)

    def drafts():
        yield draft(cstore, title="첫째")
        yield draft(cstore, title="둘째")
        raise OSError("the USB stick was pulled out")

    with pytest.raises(OSError):
        complaints.add_many(cstore, drafts(), cstore.officer)
    assert _snapshot(cstore) == before


def test_add_many_saves_a_batch_with_consecutive_numbers(cstore):
    saved = complaints.add_many(cstore, [draft(cstore, title=f"민원 {i}") for i in range(5)],
                                cstore.officer)
    assert [RECEIPT.match(c.receipt_no)[2] for c in saved] == [f"{i:04d}" for i in range(1, 6)]
    assert count(cstore, "complaints") == count(cstore, "outbox") == 5


def test_record_and_outbox_are_one_transaction(cstore, monkeypatch):
    """The outbox row fails after the complaint row is in: none of it stays."""
    before = _snapshot(cstore)

    def enqueue_fails(*args, **kwargs):
        raise RuntimeError("outbox failed")

    monkeypatch.setattr(outbox, "enqueue_many", enqueue_fails)
    with pytest.raises(RuntimeError, match="outbox failed"):
        complaints.add(cstore, draft(cstore), cstore.officer)
    monkeypatch.undo()

    assert _snapshot(cstore) == before
    assert not cstore.db.conn.in_transaction
    assert cstore.verify_audit().ok
    # the store is usable afterwards, and the number the failure took is given again
    again = complaints.add(cstore, draft(cstore), cstore.officer)
    assert RECEIPT.match(again.receipt_no)[2] == "0001"


@pytest.mark.parametrize("table", ["complaints", "complaint_history", "outbox", "audit",
                                   "number_sequence", "meta"])
def test_a_failure_in_any_part_of_saving_keeps_nothing(cstore, table):
    """Whichever write fails — the row, its history, the outbox, the audit entry, the
    sequence or the audit head — the whole save is rolled back. The failure is made by the
    database itself (a temporary trigger), whatever code path writes the row."""
    complaints.add(cstore, draft(cstore), cstore.officer)  # so later rows exist too
    before = _snapshot(cstore)
    for event in ("INSERT", "UPDATE"):
        cstore.db.execute(f"CREATE TEMP TRIGGER fail_{event.lower()} BEFORE {event} ON "
                          f"main.{table} BEGIN SELECT RAISE(ABORT, '{table} failed'); END")

    with pytest.raises(IntegrityError, match=f"{table} failed"):
        complaints.add_many(cstore, [draft(cstore, title=f"민원 {i}") for i in range(3)],
                            cstore.officer)

    cstore.db.execute("DROP TRIGGER temp.fail_insert")
    cstore.db.execute("DROP TRIGGER temp.fail_update")
    assert _snapshot(cstore) == before
    assert not cstore.db.conn.in_transaction
    assert cstore.verify_audit().ok
    again = complaints.add(cstore, draft(cstore), cstore.officer)
    assert RECEIPT.match(again.receipt_no)[2] == "0002"


def test_a_saved_complaint_writes_its_row_history_outbox_and_audit(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)

    (history,) = cstore.db.execute(
        "SELECT action, fields, officer_id FROM complaint_history WHERE complaint_id = ?",
        (saved.id,)).fetchall()
    assert history == ("created", "[]", cstore.officer.id)

    (row,) = cstore.db.execute(
        "SELECT record_type, record_id, version, base_version, state FROM outbox").fetchall()
    assert row == ("complaint", saved.id, 1, None, "pending")

    last = audit_rows(cstore)[-1]
    assert last["action"] == "complaint_created"
    assert (last["officer_id"], last["record_type"], last["record_id"]) == (
        cstore.officer.id, "complaint", saved.id)
    assert last["details"] == {"receipt_no": saved.receipt_no}
    assert cstore.verify_audit().ok


# -- reading -------------------------------------------------------------------------------


def test_get_round_trips_what_was_saved(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    got = complaints.get(cstore, saved.receipt_no)
    assert got.draft.petitioner == saved.draft.petitioner
    assert got.draft.title == "마을 진입로 포장 요청"
    assert (got.status, got.sync_state, got.version, got.review_state) == (
        "received", "pending", 1, None)
    assert got.deadline == saved.deadline


def test_a_mistyped_receipt_number_is_told_apart_from_a_missing_one(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    wrong_check = saved.receipt_no[:-1] + ("A" if saved.receipt_no[-1] != "A" else "B")
    with pytest.raises(ValidationError) as caught:
        complaints.get(cstore, wrong_check)
    assert caught.value.code == "receipt_check"
    with pytest.raises(NotFound):
        complaints.get(cstore, "B07A-261126-0002-" + _check("B07A-261126-0002"))
    assert complaints.get(cstore, saved.receipt_no.lower()).id == saved.id


def _check(payload: str) -> str:
    from fieldbus.domain.receipt_numbers import check_character

    return check_character(payload)


def test_viewing_personal_data_is_audited_with_the_reason(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    complaints.view(cstore, saved.receipt_no, cstore.officer, reason="citizen called 110")
    last = audit_rows(cstore)[-1]
    assert last["action"] == "complaint_viewed" and last["reason"] == "citizen called 110"
    assert last["record_id"] == saved.id and last["officer_id"] == cstore.officer.id


# -- editing --------------------------------------------------------------------------------


def test_an_edit_merges_bumps_the_version_and_records_field_names_only(cstore, clock):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    clock.advance(minutes=5)
    patch = {"title": "마을 진입로 포장 재요청", "petitioner": {"phone": "010-1111-2222"}}

    edited, warnings = complaints.edit(cstore, saved.receipt_no, patch, cstore.officer)

    assert warnings == []
    assert edited.version == 2
    assert edited.draft.title == "마을 진입로 포장 재요청"
    # a merge patch: the rest of the petitioner is kept
    assert edited.draft.petitioner == replace(saved.draft.petitioner, phone="010-1111-2222")
    got = complaints.get(cstore, saved.receipt_no)
    assert (got.version, got.draft.title, got.sync_state) == (2, edited.draft.title, "pending")
    assert got.received_at == saved.received_at and got.receipt_no == saved.receipt_no

    history = cstore.db.execute(
        "SELECT action, fields FROM complaint_history WHERE complaint_id = ? ORDER BY seq",
        (saved.id,)).fetchall()
    assert history[-1] == ("edited", json.dumps(["petitioner.phone", "title"]))
    assert "재요청" not in repr(history) and "1111" not in repr(history)

    rows = cstore.db.execute("SELECT record_id, version, base_version, state FROM outbox "
                             "ORDER BY seq").fetchall()
    assert rows == [(saved.id, 1, None, "pending"), (saved.id, 2, 1, "pending")]

    last = audit_rows(cstore)[-1]
    assert last["action"] == "complaint_edited"
    assert last["details"] == {"receipt_no": saved.receipt_no,
                               "fields": ["petitioner.phone", "title"]}
    assert "1111" not in json.dumps(audit_rows(cstore), ensure_ascii=False)
    assert cstore.verify_audit().ok


def test_null_in_a_merge_patch_removes_an_optional_field(cstore):
    saved = complaints.add(cstore, draft(cstore, notify_by=None), cstore.officer)
    edited, _ = complaints.edit(cstore, saved.receipt_no, {"petitioner": {"address": None}},
                                cstore.officer)
    assert edited.draft.petitioner.address is None
    assert edited.draft.petitioner.phone == "010-2345-6789"


def test_null_stops_notification_and_withdraws_consent(cstore):
    """notify_by and petitioner are required in an intake but may be null: removing them
    with a merge patch means "none", or a citizen could never withdraw consent."""
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    edited, _ = complaints.edit(cstore, saved.receipt_no, {"notify_by": None}, cstore.officer)
    assert edited.draft.notify_by is None and edited.version == 2

    edited, warnings = complaints.edit(
        cstore, saved.receipt_no, {"consent": {"personal_info": False}}, cstore.officer)
    assert [w.code for w in warnings] == ["contact_dropped"]
    assert edited.draft.petitioner.phone is None and edited.draft.petitioner.name == "김영수"
    (petitioner,) = cstore.db.execute("SELECT petitioner FROM complaints").fetchone()
    # Name and address are kept on the basis of 민원처리법, not of consent (issue 11).
    assert "010-2345-6789" not in petitioner and "단계동길" in petitioner

    edited, _ = complaints.edit(cstore, saved.receipt_no, {"petitioner": None}, cstore.officer)
    assert edited.draft.petitioner is None
    assert cstore.db.execute("SELECT petitioner, petitioner_name FROM complaints"
                             ).fetchone() == (None, None)
    assert search(cstore, "김영수", cstore.officer) == []


def test_a_returned_case_becomes_edited_when_it_is_fixed(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.db.execute("UPDATE complaints SET review_state = 'has_issues', "
                      "review_note = '기관명 확인' WHERE id = ?", (saved.id,))
    edited, _ = complaints.edit(cstore, saved.receipt_no, {"agency": "구미시 선산읍사무소"},
                                cstore.officer)
    assert edited.review_state == "edited"
    assert complaints.get(cstore, saved.receipt_no).review_state == "edited"
    assert count(cstore, "outbox", "version = 2 AND base_version = 1") == 1


def test_an_edit_that_changes_nothing_writes_nothing(cstore):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    before = _snapshot(cstore)
    edited, _ = complaints.edit(cstore, saved.receipt_no, {"title": saved.draft.title},
                                cstore.officer)
    assert edited.version == 1
    assert _snapshot(cstore) == before


@pytest.mark.parametrize(("patch", "field"), [
    ({"received_at": "2026-11-25T10:00:00+09:00"}, "received_at"),
    ({"receipt_no": "B07A-261126-0009-X"}, "receipt_no"),
    ({"kind": "complaint-of-a-kind-we-do-not-know"}, "kind"),
    ({"petitioner": {"phone": "12345"}}, "petitioner.phone"),
    ({"title": "제목\x00"}, "title"),
    ({"surprise": 1}, "surprise"),
])
def test_a_refused_edit_changes_nothing(cstore, patch, field):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    before = _snapshot(cstore)
    with pytest.raises(ValidationError) as caught:
        complaints.edit(cstore, saved.receipt_no, patch, cstore.officer)
    assert caught.value.field == field
    assert _snapshot(cstore) == before
    assert complaints.get(cstore, saved.receipt_no).version == 1


# -- consent ------------------------------------------------------------------------------


def _no_consent(store, **changes):
    return draft(store, consent={"personal_info": False, "notice_version": "2026-01"},
                 notify_by=None, **changes)


def test_without_consent_no_contact_details_are_stored_anywhere(cstore):
    saved = complaints.add(cstore, _no_consent(cstore), cstore.officer)
    assert RECEIPT.match(saved.receipt_no)  # still taken and receipted

    (petitioner,) = cstore.db.execute("SELECT petitioner FROM complaints WHERE id = ?",
                                      (saved.id,)).fetchone()
    kept = json.loads(petitioner)
    # Name and address: 민원처리법 (개인정보 보호법 제15조①2·3), kept without consent;
    # the consented items (consent.json consent_items) are not stored anywhere.
    assert kept["name"] == "김영수" and "단계동길" in kept["address"]
    assert all(kept[k] is None for k in ("phone", "email", "postcode", "birth_year"))
    everything = all_text(cstore)
    for detail in ("010-2345-6789", "01023456789", "39140", "1951"):
        assert detail not in everything, detail


def test_contact_details_cannot_be_added_by_an_edit_without_consent(cstore):
    saved = complaints.add(cstore, _no_consent(cstore), cstore.officer)
    edited, warnings = complaints.edit(
        cstore, saved.receipt_no, {"petitioner": {"phone": "010-3333-4444"}}, cstore.officer)
    assert [w.code for w in warnings] == ["contact_dropped"]
    assert edited.draft.petitioner.phone is None
    assert "010-3333-4444" not in all_text(cstore)


def test_an_anonymous_complaint_is_receipted(cstore):
    saved = complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    assert RECEIPT.match(saved.receipt_no)
    row = cstore.db.execute("SELECT petitioner, petitioner_name, masked_name FROM complaints"
                            ).fetchone()
    assert row == (None, None, "")


# -- two writers -------------------------------------------------------------------------------


def test_two_open_stores_on_one_folder_never_share_a_number(cstore, data_dir, clock):
    """The window and a command line can have the store open at once."""
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as other:
        other_officer = other.sign_in("홍길동", PIN)
        numbers = []
        for _ in range(3):
            numbers.append(complaints.add(cstore, draft(cstore), cstore.officer).receipt_no)
            numbers.append(complaints.add(other, draft(other), other_officer).receipt_no)
        assert [RECEIPT.match(n)[2] for n in numbers] == [f"{i:04d}" for i in range(1, 7)]
        assert other.verify_audit().ok and cstore.verify_audit().ok


def test_a_writer_that_cannot_get_the_lock_saves_nothing(cstore, data_dir, clock):
    from fieldbus.store.errors import StoreWriteFailed

    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as other:
        other.db.execute("PRAGMA busy_timeout = 50")
        cstore.db.execute("BEGIN IMMEDIATE")  # someone else is writing
        try:
            with pytest.raises(StoreWriteFailed):
                complaints.add(other, draft(other), other.list_officers()[0])
        finally:
            cstore.db.execute("COMMIT")
        assert count(other, "complaints") == 0
        saved = complaints.add(other, draft(other), other.list_officers()[0])
        assert RECEIPT.match(saved.receipt_no)[2] == "0001"
