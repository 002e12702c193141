"""Issue 11: a request with neither name nor address is not a 민원 (민원처리법 제2조제1호·
제2호, 시행령 제2조①3), so its case has no statutory deadline — stored as none, read back
as none, sent to the hub as null, never "overdue" — against a real SQLCipher store."""

from __future__ import annotations

from datetime import datetime

from sync.deadlines import ANONYMOUS, KST
from fieldbus.domain.serialize import complaint_json
from fieldbus.store import case_list, complaints
from fieldbus.store import sync as store_sync
from fieldbus.store.case_list import Filters
from tests.store.helpers import draft


def test_anonymous_case_is_saved_with_no_deadline(cstore):
    saved = complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    assert saved.draft.petitioner is None
    assert (saved.deadline, saved.deadline_due, saved.deadline_rule) == (None, None, ANONYMOUS)
    row = cstore.db.execute("SELECT deadline, deadline_due, deadline_rule FROM complaints "
                            "WHERE id = ?", (saved.id,)).fetchone()
    assert tuple(row) == ("", "", "anonymous")
    again = complaints.get(cstore, saved.receipt_no)
    assert (again.deadline, again.deadline_due, again.deadline_rule) == (None, None, ANONYMOUS)
    data = complaint_json(again, viewer=cstore.officer, reveal=False)
    assert data["deadline"] is None and data["deadline_due"] is None
    assert data["deadline_rule"] == "anonymous"


def test_a_named_case_keeps_its_deadline_and_naming_later_gives_one(cstore):
    # complaint-05 is an `other` case (3 working hours). Received Thursday 2026-11-26
    # 10:30 (the store clock): 10:30–12:00 = 1.5 h, 13:00–14:30 = 1.5 h → 14:30.
    named = complaints.add(cstore, draft(cstore, "complaint-05.json", petitioner={
        "name": "가상인"}), cstore.officer)
    assert named.deadline_rule == "other"
    assert named.deadline_due == datetime(2026, 11, 26, 14, 30, tzinfo=KST)
    anonymous = complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    edited, _ = complaints.edit(cstore, anonymous.receipt_no,
                                {"petitioner": {"name": "나가상"}}, cstore.officer)
    # counted from the original receipt (10:30), so the same 14:30
    assert edited.deadline_due == datetime(2026, 11, 26, 14, 30, tzinfo=KST)
    assert edited.deadline_rule == "other"
    back, _ = complaints.edit(cstore, anonymous.receipt_no, {"petitioner": None},
                              cstore.officer)
    assert back.deadline is None and back.deadline_rule == ANONYMOUS


def test_an_anonymous_case_is_never_overdue_in_the_list(cstore, clock):
    complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    complaints.add(cstore, draft(cstore, "complaint-05.json", petitioner={"name": "가상인"}),
                   cstore.officer)
    clock.advance(days=30)
    rows = case_list.page(cstore, Filters(), limit=10)
    by_rule = {r.deadline: r for r in rows}
    assert "" in by_rule and not by_rule[""].overdue(clock().date())
    assert case_list.count(cstore, Filters(overdue=True), today=clock().date()) == 1


def test_the_hub_gets_null(cstore):
    saved = complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    out = [o for o in store_sync.pending(cstore, limit=10) if o.record_type == "complaint"]
    record = next(o.record for o in out if o.record["content"]["receipt_no"] == saved.receipt_no)
    assert record["content"]["deadline"] is None
