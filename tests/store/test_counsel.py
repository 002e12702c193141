"""Counsel sessions: numbered with the complaints, deadline kept, notes confidential."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldbus.domain.appeal import appeal_deadline
from fieldbus.domain.errors import NotFound
from fieldbus.domain.intake import parse_counsel
from fieldbus.domain.receipt_numbers import is_check_valid
from fieldbus.domain.serialize import counsel_json
from fieldbus.store import complaints, counsel, outbox
from fieldbus.store.store import DB_FILE, Store
from tests.conftest import sample
from tests.store.helpers import audit_rows, count, draft, team
from tests.conftest import PIN

NOTES = "처분 사유서 미수령. 소득 산정에 오류 가능성. 행정심판 청구서 작성 지원 필요."


def _session_draft(store, **changes):
    data = sample("counsel-01.json")
    data.update(changes)
    return parse_counsel(data, now=store.clock())[0]


def test_a_session_is_saved_numbered_queued_and_audited(cstore):
    session = counsel.add(cstore, _session_draft(cstore), cstore.officer)

    assert session.number.startswith("B07A-261126-0001-") and is_check_valid(session.number)
    expected = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22))
    assert session.appeal_deadline == expected.due == date(2026, 12, 21)  # 90 days, earlier

    assert cstore.db.execute("SELECT record_type, record_id, version, base_version FROM outbox"
                             ).fetchall() == [("counsel_session", session.id, 1, None)]
    last = audit_rows(cstore)[-1]
    assert last["action"] == "counsel_created" and last["record_id"] == session.id
    assert last["details"] == {"number": session.number}
    assert "소득" not in json.dumps(audit_rows(cstore), ensure_ascii=False)
    assert cstore.verify_audit().ok


def test_sessions_and_complaints_share_one_sequence(cstore):
    """Both print a number of the same shape on the same day: they must never collide."""
    first = complaints.add(cstore, draft(cstore), cstore.officer).receipt_no
    session = counsel.add(cstore, _session_draft(cstore), cstore.officer).number
    second = complaints.add(cstore, draft(cstore), cstore.officer).receipt_no
    assert [n.split("-")[2] for n in (first, session, second)] == ["0001", "0002", "0003"]


def test_a_session_round_trips_from_disk(cstore, data_dir, clock):
    saved = counsel.add(cstore, _session_draft(cstore), cstore.officer)
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as store:
        officer = store.sign_in("홍길동", PIN)
        got = counsel.view(store, saved.number, officer, reason="follow-up call")
        assert got.draft == saved.draft
        assert got.appeal_deadline == saved.appeal_deadline
        assert counsel.view(store, saved.id, officer, reason="by id").number == saved.number
        assert [s.number for s in counsel.recent(store)] == [saved.number]


def test_reading_a_session_is_audited_and_notes_are_for_counsel_only(data_dir, clock):
    cstore, boss = team(data_dir, clock)
    saved = counsel.add(cstore, _session_draft(cstore), cstore.officer)
    lawyer = cstore.add_officer(boss, name="오세진", role="counsel", pin="593017")

    as_officer = counsel.view(cstore, saved.number, cstore.officer, reason="receipt")
    assert audit_rows(cstore)[-1]["details"] == {"notes_shown": False}
    assert counsel_json(as_officer, viewer=cstore.officer, reveal=True)["notes"] is None

    as_counsel = counsel.view(cstore, saved.number, lawyer, reason="advice")
    last = audit_rows(cstore)[-1]
    assert last["details"] == {"notes_shown": True} and last["officer_id"] == lawyer.id
    assert last["reason"] == "advice"
    assert counsel_json(as_counsel, viewer=lawyer, reveal=True)["notes"] == NOTES


def test_an_unknown_session_is_not_found(cstore):
    with pytest.raises(NotFound):
        counsel.view(cstore, "B07A-261126-0009-" + "X", cstore.officer, reason="x")


def test_a_failed_session_save_keeps_nothing(cstore, monkeypatch):
    before = (count(cstore, "counsel_sessions"), count(cstore, "outbox"),
              count(cstore, "audit"), count(cstore, "number_sequence"))

    def enqueue_fails(*args, **kwargs):
        raise RuntimeError("outbox failed")

    monkeypatch.setattr(outbox, "enqueue", enqueue_fails)
    with pytest.raises(RuntimeError):
        counsel.add(cstore, _session_draft(cstore), cstore.officer)
    monkeypatch.undo()

    assert (count(cstore, "counsel_sessions"), count(cstore, "outbox"),
            count(cstore, "audit"), count(cstore, "number_sequence")) == before
    assert counsel.add(cstore, _session_draft(cstore), cstore.officer).number.split("-")[2] \
        == "0001"


def test_advice_notes_are_encrypted_at_rest(cstore, data_dir):
    counsel.add(cstore, _session_draft(cstore), cstore.officer)
    cstore.close()
    raw = (data_dir / DB_FILE).read_bytes()
    for secret in ("소득 산정", "한미경", "010-4444-2222"):
        assert secret.encode("utf-8") not in raw
