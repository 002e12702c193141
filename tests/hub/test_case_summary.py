"""The dashboard's counts (issue 13 §3, ``GET /api/v1/cases/summary``): the same cases
the queue lists with the same filter, by visit, region, kind, state and outcome; overdue,
due this week, and the median days to forward — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from sync import deadlines, protocol
from tests.hub.helpers import bearer, complaint, push, record

KST = deadlines.KST


def _summary(bus, token=None, **params):
    answer = httpx.get(bus.url + protocol.CASES_SUMMARY, params=params,
                       headers=bearer(token or bus.supervisor_token), timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _counts(entries):
    return {e["key"]: e["count"] for e in entries}


@pytest.fixture
def day(bus, hub):
    """Two buses' visits: five cases on B07A's visit at 구미 and two on C09's at 정선."""
    today = dt.datetime.now(KST).replace(hour=10, minute=0, second=0, microsecond=0)
    visit = {"id": "v-gumi", "date": "2026-12-01", "venue": "선산읍 행정복지센터",
             "region": "경상북도 구미시"}
    made = [complaint(n, visit=visit, received_at=(today - dt.timedelta(days=12)).isoformat(),
                      deadline_due=(today + dt.timedelta(days=days)).isoformat(), **extra)
            for n, days, extra in (
                (1, -1, {}), (2, 3, {"kind": "inquiry"}), (3, 20, {"outcome": "resolved_on_site"}),
                (4, 30, {"region": "경상북도 안동시"}), (5, 40, {"kind": "report"}))]
    push(bus.url, bus.device_token, [record(f"r{i}", c) for i, c in enumerate(made, 1)])
    hub.add_user("park", "officer")  # the second bus is another officer's
    other = hub.enrol("C09", "park")
    theirs = [complaint(n, device="C09", region="강원특별자치도 정선군",
                        visit={"id": "v-jeongseon", "date": "2026-12-02", "venue": "정선읍"},
                        received_at=today.isoformat(),
                        deadline_due=(today + dt.timedelta(days=60)).isoformat())
              for n in (1, 2)]
    push(bus.url, other["token"], [record(f"c{n}", c) for n, c in enumerate(theirs, 1)],
         device="C09")
    # one forwarded three days after its receipt
    number = made[0]["receipt_no"]
    httpx.post(bus.url + protocol.REVIEW.format(receipt_no=number), json={"action": "approve"},
               headers=bearer(bus.supervisor_token)).raise_for_status()
    httpx.post(bus.url + protocol.REVIEW.format(receipt_no=number),
               json={"action": "forward", "agency": "구미시청"},
               headers=bearer(bus.supervisor_token)).raise_for_status()
    return made, theirs


def test_the_counts_add_up_to_the_queue_and_say_what_the_dashboard_draws(bus, day):
    found = _summary(bus)
    # forwarded is not finished: the agency still owes the answer, the clock runs
    assert found["total"] == 7 and found["overdue"] == 1
    assert found["due_this_week"] == 1 and found["forwarded"] == 1
    assert found["median_days_to_forward"] == pytest.approx(12, abs=1)
    assert _counts(found["by_visit"]) == {"v-gumi": 5, "v-jeongseon": 2}
    assert {v["label"] for v in found["by_visit"]} == {"2026-12-01 선산읍 행정복지센터",
                                                      "2026-12-02 정선읍"}
    assert _counts(found["by_province"]) == {"경상북도": 5, "강원특별자치도": 2}
    assert _counts(found["by_region"])["경상북도 구미시"] == 4
    assert _counts(found["by_kind"]) == {"grievance": 5, "inquiry": 1, "report": 1}
    assert _counts(found["by_state"]) == {"received": 6, "forwarded": 1}
    assert _counts(found["by_outcome"]) == {"filed": 6, "resolved_on_site": 1}
    assert sum(e["count"] for e in found["by_month"]) == 7
    listed = httpx.get(bus.url + protocol.CASES, params={"kind": "grievance"},
                       headers=bearer(bus.supervisor_token)).json()["total"]
    assert _summary(bus, kind="grievance")["total"] == listed == 5
    assert _summary(bus, device="C09")["total"] == 2


def test_an_officer_counts_only_their_bus_and_a_bad_filter_is_422(bus, day):
    assert _summary(bus, token=bus.officer_token)["total"] == 5
    answer = httpx.get(bus.url + protocol.CASES_SUMMARY, params={"state": "lost"},
                       headers=bearer(bus.supervisor_token))
    assert answer.status_code == 422 and "lost" in answer.json()["error"]["message"]
    assert httpx.get(bus.url + protocol.CASES_SUMMARY).status_code == 401
