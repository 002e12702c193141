"""The review queue's filters, order, paging and Korean search inside words (issue 13 §1),
on SQLite and PostgreSQL, with cases pushed as laptops push them."""

from __future__ import annotations

import datetime as dt
import unicodedata

import httpx
import pytest

from sync import deadlines, protocol
from sync.hub import case_queue, cases
from sync.hub.case_queue import Filters
from tests.hub.helpers import bearer, complaint, push, record

KST = deadlines.KST


def _listed(bus, token=None, **params):
    answer = httpx.get(bus.url + protocol.CASES, params=params,
                       headers=bearer(token or bus.supervisor_token), timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _numbers(bus, **params):
    return [c["receipt_no"] for c in _listed(bus, **params)["cases"]]


@pytest.fixture
def queue(bus, hub):
    """Six complaints: kinds, regions, days and deadlines of their own; one on a second bus."""
    today = dt.datetime.now(KST).replace(hour=10, minute=0, second=0, microsecond=0)

    def due(days):
        return (today + dt.timedelta(days=days)).isoformat()

    made = [
        complaint(1, title="마을 도로포장 요청", region="경상북도 구미시", kind="grievance",
                  received_at=(today - dt.timedelta(days=20)).isoformat(), deadline_due=due(-2)),
        complaint(2, title="버스 정류장 신설", region="경상북도 안동시", kind="inquiry",
                  received_at=(today - dt.timedelta(days=3)).isoformat(), deadline_due=due(2)),
        complaint(3, title="가로등 고장", region="전라남도 순천시", kind="grievance",
                  body="밤길이 어둡습니다. 도로 가장자리 등", deadline_due=due(30),
                  received_at=(today - dt.timedelta(days=1)).isoformat()),
        complaint(4, title="Café 간판 ÉCLAIRAGE", region="경상북도 구미시",
                  kind="suggestion", received_at=today.isoformat(), deadline_due=due(10)),
        complaint(5, title="익명 제보", region="경상북도 구미시", kind="grievance", deadline=None,
                  received_at=today.isoformat(), deadline_due=None),
    ]
    push(bus.url, bus.device_token, [record(f"r{i}", c) for i, c in enumerate(made, 1)])
    other = hub.enrol("C09", "kim")
    theirs = complaint(1, device="C09", title="하천 제방 보수", region="강원특별자치도 정선군",
                       received_at=today.isoformat(), deadline_due=due(5))
    push(bus.url, other["token"], [record("c1", theirs)], device="C09")
    return [c["receipt_no"] for c in made] + [theirs["receipt_no"]]


def test_each_filter_keeps_what_it_says(bus, queue):
    r1, r2, r3, r4, r5, c1 = queue
    assert sorted(_numbers(bus)) == sorted(queue)
    assert _numbers(bus, device="C09") == [c1]
    assert sorted(_numbers(bus, device="B07A,C09")) == sorted(queue)
    assert sorted(_numbers(bus, region="경상북도")) == sorted([r1, r2, r4, r5])
    assert sorted(_numbers(bus, region="경상북도 구미시")) == sorted([r1, r4, r5])
    assert _numbers(bus, region="%") == []  # a wildcard is a character, not "anything"
    assert sorted(_numbers(bus, kind="grievance")) == sorted([r1, r3, r5, c1])
    assert _numbers(bus, overdue="true") == [r1]
    assert sorted(_numbers(bus, due_within=7)) == sorted([r2, c1])
    today = dt.datetime.now(KST).date()
    assert sorted(_numbers(bus, received_from=str(today))) == sorted([r4, r5, c1])
    assert _numbers(bus, received_to=str(today - dt.timedelta(days=10))) == [r1]
    assert sorted(_numbers(bus, received_from=str(today - dt.timedelta(days=3)),
                           received_to=str(today - dt.timedelta(days=1)))) == sorted([r2, r3])
    httpx.post(bus.url + protocol.REVIEW.format(receipt_no=r2), json={"action": "approve"},
               headers=bearer(bus.supervisor_token)).raise_for_status()
    assert _numbers(bus, state="approved") == [r2]
    assert sorted(_numbers(bus, state="approved,received", kind="inquiry")) == [r2]


def test_korean_text_is_found_inside_words(bus, queue):
    r1, r2, r3, r4, r5, c1 = queue
    assert _numbers(bus, q="로포") == [r1]            # inside 도로포장
    assert sorted(_numbers(bus, q="도로")) == sorted([r1, r3])  # title, and body
    assert _numbers(bus, q="정류장 신설") == [r2]
    assert _numbers(bus, q=unicodedata.normalize("NFD", "가로등")) == [r3]
    assert _numbers(bus, q="café") == [r4] and _numbers(bus, q="ÉCLAIR") == [r4]
    assert _numbers(bus, q="없는말") == []
    assert _numbers(bus, q="로") and _numbers(bus, q="100%") == []


@pytest.mark.parametrize("walk", [1, 3, 20_000])
def test_a_search_pages_alike_whether_walked_or_indexed(engine, queue, monkeypatch, walk):
    """On PostgreSQL a search first reads the cases in the page's order and hands over to
    the bigram index when that read is too short to hold the page (sync/hub/cases.py):
    either way, the same cases in the same order, every one once, and the same total."""
    r1, r2, r3, r4, r5, c1 = queue
    monkeypatch.setattr(case_queue, "WALK", walk)

    def pages(q, order, cap=None):
        if cap:
            monkeypatch.setattr(case_queue, "TOTAL_CAP", cap)
        seen, totals, offset = [], set(), 0
        while offset is not None:
            page = cases.page(engine, None, Filters(q=q, order=order), limit=1, offset=offset)
            seen += [c["receipt_no"] for c in page["cases"]]
            totals.add((page["total"], page["total_capped"]))
            offset = page["next_offset"]
        return seen, totals

    assert pages("도로", "due") == ([r1, r3], {(2, False)})
    assert pages("도로", "synced") == ([r1, r3], {(2, False)})
    assert pages("로포", "due") == ([r1], {(1, False)})
    assert pages("없는말", "due") == ([], {(0, False)})
    assert pages("도로", "due", cap=1) == ([r1, r3], {(1, True)})


def test_overdue_and_due_soon_come_first_and_pages_hold_every_case_once(bus, queue):
    r1, r2, r3, r4, r5, c1 = queue
    ordered = _numbers(bus, order="due")
    assert ordered[:5] == [r1, r2, c1, r4, r3] and ordered[-1] == r5  # no deadline: last
    seen, offset = [], 0
    while offset is not None:
        page = _listed(bus, order="due", limit=2, offset=offset)
        assert page["total"] == 6 and page["total_capped"] is False
        seen += [c["receipt_no"] for c in page["cases"]]
        offset = page["next_offset"]
    assert seen == ordered


def test_an_officer_filters_only_their_buses_cases(bus, queue):
    found = _listed(bus, token=bus.officer_token, region="경상북도")
    assert {c["device"] for c in found["cases"]} == {"B07A"} and found["total"] == 4


@pytest.mark.parametrize("params", [
    {"received_from": "yesterday"}, {"limit": 0}, {"limit": 1001}, {"state": "lost"},
    {"q": "가" * 201}, {"due_within": -1}, {"order": "random"}, {"type": "visit"},
    {"region": "경상\x1b[2J"}])
def test_bad_filters_are_a_clear_422(bus, params):
    answer = httpx.get(bus.url + protocol.CASES, params=params,
                       headers=bearer(bus.supervisor_token))
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["message"]
