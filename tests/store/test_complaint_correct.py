"""Correcting a saved case (issue 12): only the officer who took it or a supervisor, with
the reason kept in the audit log and shown in the case's history; a new version queued
for the hub. A colleague calling the store directly is refused, and nothing is written."""

from __future__ import annotations

import json

import pytest

from fieldbus.domain.errors import PermissionDenied, ValidationError
from fieldbus.services import case_edit
from fieldbus.store import case_list, complaints, reviews
from tests.conftest import PIN
from tests.store.helpers import BOSS, audit_rows, count, draft, team

COLLEAGUE, COLLEAGUE_PIN = "김철수", "615283"
COUNSEL, COUNSEL_PIN = "오세진", "739105"
REASON = "전화번호 잘못 들음"


@pytest.fixture
def crew(data_dir, clock):
    """(store, taker, colleague, counsel, supervisor): 홍길동 took one case."""
    store, boss = team(data_dir, clock)
    colleague = store.add_officer(boss, name=COLLEAGUE, role="officer", pin=COLLEAGUE_PIN)
    counsel = store.add_officer(boss, name=COUNSEL, role="counsel", pin=COUNSEL_PIN)
    taker = store.sign_in("홍길동", PIN)
    store.case = complaints.add(store, draft(store), taker)
    yield store, taker, colleague, counsel, boss
    store.close()


def _written(store) -> tuple[int, int, int]:
    return (count(store, "complaint_history"), count(store, "outbox"), count(store, "audit"))


def test_the_taker_corrects_with_a_reason_kept_in_history_and_audit(crew, clock):
    store, taker, *_ = crew
    case = store.case
    clock.advance(minutes=3)
    edited, _ = complaints.edit(store, case.receipt_no,
                                {"petitioner": {"phone": "010-2345-6780"}}, taker,
                                reason=REASON)
    assert (edited.version, edited.sync_state) == (2, "pending")
    assert edited.draft.petitioner.phone == "010-2345-6780"
    assert store.db.execute("SELECT version, base_version FROM outbox WHERE record_id = ? "
                            "ORDER BY seq", (case.id,)).fetchall() == [(1, None), (2, 1)]
    last = audit_rows(store)[-1]
    assert (last["action"], last["reason"]) == ("complaint_edited", REASON)
    assert last["details"] == {"receipt_no": case.receipt_no, "fields": ["petitioner.phone"]}
    history = case_list.history(store, case.id)
    assert [(h.action, h.fields, h.reason) for h in history] == [
        ("created", (), None), ("edited", ("petitioner.phone",), REASON)]
    assert store.verify_audit().ok


def test_a_colleague_who_did_not_take_the_case_is_refused_and_nothing_is_written(crew):
    store, _taker, colleague, counsel, _boss = crew
    case = store.case
    before = _written(store)
    for who in (colleague, counsel):
        with pytest.raises(PermissionDenied) as refused:
            complaints.edit(store, case.receipt_no, {"title": "남이 고친 제목"}, who,
                            reason="고쳐 봄")
        assert refused.value.code == "not_taker"
        assert not case_edit.may_correct(case, who)
    assert _written(store) == before
    got = complaints.get(store, case.receipt_no)
    assert (got.version, got.draft.title) == (1, case.draft.title)


def test_a_supervisor_corrects_any_case_and_the_history_names_the_supervisor(crew):
    store, taker, _colleague, _counsel, boss = crew
    assert case_edit.may_correct(store.case, boss) and case_edit.may_correct(store.case, taker)
    edited, _ = complaints.edit(store, store.case.receipt_no, {"region": "안동시 풍천면"},
                                boss, reason="지역 잘못 적음")
    assert edited.version == 2
    last = case_list.history(store, store.case.id)[-1]
    assert (last.officer, last.action, last.reason) == (BOSS, "edited", "지역 잘못 적음")


def test_a_returned_case_is_still_resubmitted_by_any_officer_without_a_reason(crew, clock):
    store, taker, colleague, _counsel, boss = crew
    reviews.apply(store, store.case.receipt_no, "has_issues", "제목을 고쳐 주십시오.",
                  clock(), by=boss)
    edited, _ = complaints.edit(store, store.case.receipt_no, {"title": "고친 제목"}, colleague)
    assert (edited.review_state, edited.version) == ("edited", 2)
    assert case_list.history(store, store.case.id)[-1].reason is None


@pytest.mark.parametrize("status", ["forwarded", "closed"])
def test_a_forwarded_or_closed_case_is_corrected_by_a_supervisor_only(crew, status):
    store, taker, _colleague, _counsel, boss = crew
    with store.write():
        store.db.execute("UPDATE complaints SET status = ? WHERE id = ?",
                         (status, store.case.id))  # as the hub's pulled change sets it
    case = complaints.get(store, store.case.receipt_no)
    assert not case_edit.may_correct(case, taker)
    before = _written(store)
    with pytest.raises(PermissionDenied) as refused:
        complaints.edit(store, case.receipt_no, {"title": "늦게 고친 제목"}, taker,
                        reason="오타")
    assert refused.value.code == "case_closed"
    assert _written(store) == before
    assert case_edit.may_correct(case, boss)
    edited, _ = complaints.edit(store, case.receipt_no, {"title": "늦게 고친 제목"}, boss,
                                reason="오타")
    assert (edited.version, edited.status) == (2, status)


def test_a_purged_case_cannot_be_corrected(crew):
    store, taker, *_ = crew
    with store.write():
        store.db.execute("UPDATE complaints SET purged_at = '2027-01-01T00:00:00+09:00' "
                         "WHERE id = ?", (store.case.id,))
    case = complaints.get(store, store.case.receipt_no)
    assert not case_edit.may_correct(case, taker)
    with pytest.raises(ValidationError) as refused:
        complaints.edit(store, case.receipt_no, {"title": "x"}, taker, reason="오타")
    assert refused.value.code == "purged"


def test_a_reason_is_kept_with_resident_numbers_masked(crew):
    store, taker, *_ = crew
    complaints.edit(store, store.case.receipt_no, {"title": "고친 제목"}, taker,
                    reason="본인 확인 900101-2345678")
    reason = audit_rows(store)[-1]["reason"]
    assert "2345678" not in reason and "900101" in reason
    assert json.dumps(case_list.history(store, store.case.id)[-1].reason,
                      ensure_ascii=False).count("2345678") == 0
