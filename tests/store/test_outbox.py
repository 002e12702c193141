"""The outbox: every change that must reach the hub is queued in the change's transaction."""

from __future__ import annotations

import pytest

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import complaints, counsel, visits
from fieldbus.store.outbox import pending_count
from fieldbus.store.search import search
from fieldbus.store.sqlcipher import IntegrityError
from fieldbus.store.store import Store
from tests.conftest import sample
from tests.store.helpers import count, draft
from tests.conftest import PIN


def _queue(store) -> list[tuple]:
    return store.db.execute("SELECT record_type, record_id, version, base_version, state "
                            "FROM outbox ORDER BY seq").fetchall()


def _counsel_draft(store):
    return parse_counsel(sample("counsel-01.json"), now=store.clock())[0]


def test_every_change_is_queued_in_order(cstore):
    officer = cstore.officer
    visit = visits.open_visit(cstore, officer, venue="도개면사무소", region="경상북도 구미시")
    case = complaints.add(cstore, draft(cstore), officer)
    complaints.edit(cstore, case.receipt_no, {"title": "마을 진입로 포장 재요청"}, officer)
    session = counsel.add(cstore, _counsel_draft(cstore), officer)
    visits.close_visit(cstore, officer)

    assert _queue(cstore) == [
        ("visit", visit.id, 1, None, "pending"),
        ("complaint", case.id, 1, None, "pending"),
        ("complaint", case.id, 2, 1, "pending"),
        ("counsel_session", session.id, 1, None, "pending"),
        ("visit", visit.id, 2, 1, "pending"),
    ]
    assert pending_count(cstore.db) == 5


def test_a_batch_queues_one_row_per_case(cstore):
    saved = complaints.add_many(cstore, [draft(cstore, title=f"민원 {i}") for i in range(50)],
                                cstore.officer)
    assert [row[1] for row in _queue(cstore)] == [c.id for c in saved]
    assert pending_count(cstore.db) == 50


def test_reading_queues_nothing(cstore):
    case = complaints.add(cstore, draft(cstore), cstore.officer)
    before = _queue(cstore)
    cstore.sign_in("홍길동", PIN)
    search(cstore, "진입로", cstore.officer)
    complaints.view(cstore, case.receipt_no, cstore.officer, reason="check")
    complaints.recent(cstore)
    assert _queue(cstore) == before


def test_the_queue_survives_a_restart(cstore, data_dir, clock):
    complaints.add(cstore, draft(cstore), cstore.officer)
    queued = _queue(cstore)
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        assert _queue(reopened) == queued
        assert pending_count(reopened.db) == 1


def test_the_queue_holds_no_personal_data(cstore):
    complaints.add(cstore, draft(cstore), cstore.officer)
    counsel.add(cstore, _counsel_draft(cstore), cstore.officer)
    rows = repr(cstore.db.execute("SELECT * FROM outbox").fetchall())
    for personal in ("김영수", "010-2345-6789", "한미경", "소득 산정"):
        assert personal not in rows


def test_only_known_states(cstore):
    complaints.add(cstore, draft(cstore), cstore.officer)
    with pytest.raises(IntegrityError, match="CHECK"):
        cstore.db.execute("UPDATE outbox SET state = 'lost'")


def _open(store):
    visits.open_visit(store, store.officer, venue="선산읍", region="경상북도 구미시")


def _close(store):
    visits.close_visit(store, store.officer)


def _add(store):
    complaints.add(store, draft(store), store.officer)


def _edit(store):
    number = store.db.execute("SELECT receipt_no FROM complaints").fetchone()[0]
    complaints.edit(store, number, {"title": "고친 제목"}, store.officer)


def _counsel(store):
    counsel.add(store, _counsel_draft(store), store.officer)


@pytest.mark.parametrize("change", [_open, _close, _add, _edit, _counsel],
                         ids=["visit open", "visit close", "complaint add", "complaint edit",
                              "counsel add"])
def test_a_change_whose_outbox_row_fails_is_not_kept(cstore, change):
    visits.open_visit(cstore, cstore.officer, venue="도개면", region="경상북도 구미시")
    complaints.add(cstore, draft(cstore), cstore.officer)
    if change is _open:
        visits.close_visit(cstore, cstore.officer)
    tables = ("visits", "complaints", "complaint_history", "counsel_sessions", "outbox",
              "audit", "number_sequence")

    def state():
        return {t: cstore.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}

    before = state()
    cstore.db.execute("CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON main.outbox "
                      "BEGIN SELECT RAISE(ABORT, 'outbox is full'); END")
    with pytest.raises(IntegrityError, match="outbox is full"):
        change(cstore)
    assert state() == before
    assert cstore.verify_audit().ok

    cstore.db.execute("DROP TRIGGER temp.outbox_fails")
    change(cstore)  # the same change goes through once the outbox takes it
    assert count(cstore, "outbox") == len(before["outbox"]) + 1
