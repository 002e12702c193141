"""The supervisor's client of the review API (sync/review_client.py) against a real hub:
sign-in for supervisors only, the queue with filters, a case, its history, an attachment,
a step with its revision, and a stale step refused as such."""

from __future__ import annotations

import hashlib

import pytest

from sync.client import HubRefused, Retry
from sync.review_client import NotASupervisor, ReviewSession, Stale
from tests.hub.fixtures import PASSWORD
from tests.hub.helpers import complaint, push, record, upload

FAST = {"retry": Retry(attempts=2, base=0.001, cap=0.002), "sleep": lambda _s: None}


def test_a_supervisor_works_a_case_through_the_client(bus):
    photo = b"\x89PNG made-up photo"
    sha = hashlib.sha256(photo).hexdigest()
    assert upload(bus.url, bus.device_token, photo).status_code == 201
    case = complaint(1, title="마을 도로포장 요청", attachments=[{
        "sha256": sha, "size": len(photo), "filename": "road.png", "media_type": "image/png"}])
    push(bus.url, bus.device_token, [record("r1", case), record("r2", complaint(2))])
    number = case["receipt_no"]
    with pytest.raises(NotASupervisor):
        ReviewSession.sign_in(bus.url, "kim", PASSWORD, **FAST)
    session = ReviewSession.sign_in(bus.url, "boss", PASSWORD, **FAST)
    try:
        page = session.cases(q="로포", order="due", state=("received",))
        assert [c["receipt_no"] for c in page["cases"]] == [number] and page["total"] == 1
        held = session.case(number)
        assert "return" in held["allowed_actions"]
        assert session.attachment(number, sha) == photo
        with pytest.raises(HubRefused):
            session.attachment(number, "0" * 64)
        version = held["case"]["case_version"]
        change = session.step(number, "return", case_version=version, note="주소 확인")
        assert change["review_state"] == "has_issues"
        with pytest.raises(Stale):
            session.step(number, "reject", case_version=version, note="중복")
        with pytest.raises(HubRefused) as refused:
            session.step(number, "approve", case_version=change["case_version"])
        assert refused.value.hub_code == "invalid_transition"
        assert [e["action"] for e in session.history(number)] == ["received", "return"]
        assert session.epeople_queue() == []
    finally:
        session.sign_out()
