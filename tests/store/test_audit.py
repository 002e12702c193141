"""The audit log is hash-chained: any change, removal or truncation shows in verify()."""

from __future__ import annotations

import json

import pytest

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import complaints, counsel, visits
from fieldbus.store.audit import verify
from fieldbus.store.search import search
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.store.helpers import audit_rows, count, draft


@pytest.fixture
def busy(cstore, clock):
    """A store after a day's work of every kind that is audited."""
    officer = cstore.officer
    visits.open_visit(cstore, officer, venue="선산읍 행정복지센터", region="경상북도 구미시")
    clock.advance(minutes=10)
    first = complaints.add(cstore, draft(cstore), officer)
    complaints.add_many(cstore, [draft(cstore, f"complaint-0{i}.json") for i in (2, 3, 4)],
                        officer)
    clock.advance(minutes=3)
    complaints.edit(cstore, first.receipt_no, {"title": "마을 진입로 포장 재요청"}, officer)
    complaints.view(cstore, first.receipt_no, officer, reason="receipt reprint")
    search(cstore, "진입로", officer)
    session, _ = parse_counsel(sample("counsel-01.json"), now=clock())
    counsel.add(cstore, session, officer)
    visits.close_visit(cstore, officer)
    return cstore


def _entries(store) -> int:
    return count(store, "audit")


def test_the_chain_holds_after_a_day_of_work(busy, data_dir, clock):
    report = busy.verify_audit()
    assert report.ok and report.first_bad is None
    assert report.entries == _entries(busy) >= 12
    actions = [row["action"] for row in audit_rows(busy)]
    for action in ("store_created", "officer_added", "visit_opened", "complaint_created",
                   "complaint_edited", "complaint_viewed", "searched", "counsel_created",
                   "visit_closed"):
        assert action in actions
    assert actions.count("complaint_created") == 4
    busy.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN,
                    clock=clock) as reopened:  # and still holds from the disk
        assert reopened.verify_audit().ok


def test_entries_name_codes_not_personal_data(busy):
    """Names, phones and addresses stay in the encrypted records, not in the log (the one
    exception is a search query, which an auditor must be able to read)."""
    text = json.dumps([r for r in audit_rows(busy) if r["action"] != "searched"],
                      ensure_ascii=False)
    for personal in ("김영수", "010-2345-6789", "단계동길", "한미경", "010-4444-2222",
                     "소득 산정", "재요청"):
        assert personal not in text


def test_every_entry_says_who(busy):
    rows = audit_rows(busy)
    assert all(row["officer_id"] for row in rows)
    assert {row["officer_id"] for row in rows} == {busy.officer.id}


@pytest.mark.parametrize("column", ["details", "at", "action", "officer_id", "record_id",
                                    "reason"])
def test_changing_an_entry_is_caught_at_that_entry(busy, column):
    seq = _entries(busy) // 2
    value = {"details": json.dumps({"receipt_no": "B07A-261126-0099-X"}),
             "at": "2026-11-25T09:00:00.000000+09:00", "action": "searched",
             "officer_id": "someone-else", "record_id": "another-record",
             "reason": "no reason"}[column]
    busy.db.execute(f"UPDATE audit SET {column} = ? WHERE seq = ?", (value, seq))

    report = busy.verify_audit()
    assert not report.ok
    assert report.first_bad == seq
    assert "changed" in report.problem


def test_rehashing_a_changed_entry_is_caught_at_the_next(busy):
    """Someone who recomputes the changed entry's own hash still breaks the link after it."""
    from fieldbus.store.audit import _details_digest, _digest2

    seq = 5
    seq_, at, officer_id, action, rtype, rid, reason, prev = busy.db.execute(
        "SELECT seq, at, officer_id, action, record_type, record_id, reason, prev_hash "
        "FROM audit WHERE seq = ?", (seq,)).fetchone()
    details = json.dumps({"forged": True})
    details_hash = _details_digest(reason, details)
    busy.db.execute("UPDATE audit SET details = ?, details_hash = ?, hash = ? WHERE seq = ?",
                    (details, details_hash, _digest2(seq, at, officer_id, action, rtype, rid,
                                                     details_hash, prev), seq))

    report = busy.verify_audit()
    assert not report.ok and report.first_bad == seq + 1
    assert "does not follow" in report.problem


def test_deleting_the_newest_entry_is_caught(busy):
    last = _entries(busy)
    busy.db.execute("DELETE FROM audit WHERE seq = ?", (last,))
    report = busy.verify_audit()
    assert not report.ok
    assert report.first_bad == last
    assert "removed" in report.problem


def test_deleting_several_newest_entries_is_caught(busy):
    last = _entries(busy)
    busy.db.execute("DELETE FROM audit WHERE seq > ?", (last - 3,))
    assert not busy.verify_audit().ok


def test_deleting_a_middle_entry_is_caught_at_that_entry(busy):
    middle = _entries(busy) // 2
    busy.db.execute("DELETE FROM audit WHERE seq = ?", (middle,))
    report = busy.verify_audit()
    assert not report.ok
    assert report.first_bad == middle
    assert "missing" in report.problem


def test_deleting_the_first_entry_is_caught(busy):
    busy.db.execute("DELETE FROM audit WHERE seq = 1")
    report = busy.verify_audit()
    assert not report.ok and report.first_bad == 1


def test_renumbering_after_a_deletion_is_caught(busy):
    middle = _entries(busy) // 2
    busy.db.execute("DELETE FROM audit WHERE seq = ?", (middle,))
    busy.db.execute("UPDATE audit SET seq = seq - 1 WHERE seq > ?", (middle,))
    report = busy.verify_audit()
    assert not report.ok and report.first_bad == middle


def test_removing_the_recorded_head_is_caught(busy):
    busy.db.execute("DELETE FROM meta WHERE key = 'audit_head'")
    assert not busy.verify_audit().ok


def test_emptying_the_log_is_caught(busy):
    busy.db.execute("DELETE FROM audit")
    report = busy.verify_audit()
    assert not report.ok


def test_verify_reads_the_database_it_is_given(busy):
    assert verify(busy.db) == busy.verify_audit()


def test_a_fresh_store_verifies(data_dir, clock):
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock) as made:
        report = made.verify_audit()
    assert report.ok and report.entries == 2
