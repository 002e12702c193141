"""Visits as records of the protocol, and the audit heads the hub vouches for, on a real
hub (SQLite and PostgreSQL): issue 9 §1 and §9."""

from __future__ import annotations

import hashlib

import httpx

from sync import protocol
from tests.hub.helpers import bearer, complaint, counsel, outcomes, push, record


def visit(closed: bool = False, **changes) -> dict:
    content = {"date": "2026-11-26", "venue": "선산읍 행정복지센터", "region": "경상북도 구미시",
               "team": ["김조사관"], "opened_at": "2026-11-26T09:30:00+09:00",
               "opened_by": "홍길동", "closed_at": None, "closed_by": None}
    if closed:
        content.update(closed_at="2026-11-26T16:10:00+09:00", closed_by="홍길동")
    content.update(changes)
    return content


def _visits(bus, token: str) -> httpx.Response:
    return httpx.get(bus.url + protocol.VISITS, headers=bearer(token))


def test_a_visit_is_versioned_idempotent_and_lists_its_cases(bus):
    opened = record("v-1", visit(), type="visit")
    assert outcomes(push(bus.url, bus.device_token, [opened])) == ["accepted"]
    assert outcomes(push(bus.url, bus.device_token, [opened])) == ["duplicate"]
    link = {"id": "v-1", "date": "2026-11-26", "venue": "선산읍 행정복지센터",
            "region": "경상북도 구미시", "team": ["김조사관"]}
    cases = [record("c-1", complaint(1, visit=link)),
             record("s-1", {**counsel(2), "visit": link}, type="counsel"),
             record("c-2", complaint(3))]  # taken before the visit was opened
    numbers = sorted(case["content"].get("receipt_no") or case["content"]["number"]
                     for case in cases[:2])
    assert outcomes(push(bus.url, bus.device_token, cases)) == ["accepted"] * 3
    closed = record("v-1", visit(closed=True), version=2, base=1, type="visit")
    assert outcomes(push(bus.url, bus.device_token, [closed])) == ["accepted"]
    # An edit of the open visit made without knowing it was closed is kept, not taken.
    stale = record("v-1", visit(venue="해평면사무소"), version=2, base=None, type="visit")
    assert outcomes(push(bus.url, bus.device_token, [stale])) == ["conflict"]

    answer = _visits(bus, bus.supervisor_token)

    assert answer.status_code == 200, answer.text
    [found] = answer.json()["visits"]
    assert found["version"] == 2 and found["device"] == "B07A"
    assert found["venue"] == "선산읍 행정복지센터" and found["closed_by"] == "홍길동"
    assert sorted(c["receipt_no"] for c in found["cases"]) == numbers
    # The officer who enrolled the laptop sees its visits, like its cases.
    assert [v["id"] for v in _visits(bus, bus.officer_token).json()["visits"]] == ["v-1"]


def test_a_visit_missing_its_facts_is_invalid(bus):
    bad = [record("v-1", visit(venue=None), type="visit"),
           record("v-2", visit(date="26-11-26"), type="visit"),
           record("v-3", visit(closed_at="2026-11-26T16:10:00+09:00"), type="visit"),
           record("v-4", visit(team=["김조사관", 7]), type="visit")]
    results = push(bus.url, bus.device_token, bad)
    assert outcomes(results) == ["invalid"] * 4
    assert [r["reason"] for r in results] == [
        "content.venue has the wrong type",
        "content.date is not an ISO 8601 date",
        "content.closed_at and content.closed_by go together",
        "content.team is not a list of names"]


def test_visits_follow_the_role_rules_of_cases(bus, hub):
    hub.add_user("park", "officer")
    other = hub.enrol("C12", "park")["token"]
    push(bus.url, bus.device_token, [record("v-1", visit(), type="visit")])
    push(bus.url, other, [record("v-2", visit(venue="해평면사무소"), type="visit"),
                          # another bus's case cannot be filed under B07A's visit
                          record("c-9", complaint(9, device="C12", visit={"id": "v-1"}))],
         device="C12")
    assert sorted(v["id"] for v in _visits(bus, bus.supervisor_token).json()["visits"]) == [
        "v-1", "v-2"]
    mine = _visits(bus, bus.officer_token).json()["visits"]
    assert [v["id"] for v in mine] == ["v-1"] and mine[0]["cases"] == []
    assert _visits(bus, bus.device_token).status_code == 403
    assert httpx.get(bus.url + protocol.VISITS).status_code == 401


# -- audit heads ------------------------------------------------------------------------


def _head(n: int) -> str:
    return hashlib.sha256(f"entry {n}".encode()).hexdigest()


def _report(bus, seq: int, digest: str, at_vouched: dict | None, *, intact: bool = True,
            token: str | None = None) -> httpx.Response:
    return httpx.post(bus.url + protocol.AUDIT_HEAD, headers=bearer(token or bus.device_token),
                      json={"protocol": 1, "device": "B07A", "seq": seq, "hash": digest,
                            "intact": intact, "at_vouched": at_vouched})


def _asked(bus) -> dict:
    answer = httpx.get(bus.url + protocol.AUDIT_HEAD, headers=bearer(bus.device_token))
    assert answer.status_code == 200, answer.text
    return answer.json()


def _flags(bus, token: str | None = None) -> httpx.Response:
    return httpx.get(bus.url + protocol.AUDIT_HEADS, headers=bearer(token or
                                                                    bus.supervisor_token))


def test_the_hub_vouches_for_heads_that_extend_the_last_one(bus):
    assert _asked(bus) == {"protocol": 1, "vouched": None, "flagged": False, "problem": None}
    first = _report(bus, 10, _head(10), None).json()
    assert first["vouched"]["seq"] == 10 and not first["flagged"]
    later = _report(bus, 25, _head(25), {"seq": 10, "hash": _head(10)}).json()
    assert (later["vouched"]["seq"], later["vouched"]["hash"]) == (25, _head(25))
    assert _asked(bus)["vouched"]["seq"] == 25
    # Answering for another entry than the hub's last: asked again, never flagged.
    moved = _report(bus, 30, _head(30), {"seq": 10, "hash": _head(10)})
    assert moved.status_code == 409 and moved.json()["error"]["code"] == "audit_head_moved"
    [row] = _flags(bus).json()["devices"]
    assert row["device"] == "B07A" and row["vouched_seq"] == 25 and not row["flagged"]


def test_a_rewritten_or_rolled_back_chain_flags_the_device_for_good(bus):
    _report(bus, 10, _head(10), None)
    rewritten = _report(bus, 12, _head(12), {"seq": 10, "hash": _head(99)}).json()
    assert rewritten["flagged"] and "#10" in rewritten["problem"]
    assert rewritten["vouched"]["seq"] == 10  # what it vouched for stays
    again = _report(bus, 13, _head(13), {"seq": 10, "hash": _head(10)}).json()
    assert again["flagged"] and again["vouched"]["seq"] == 13  # extends it: vouched, still flagged
    back = _report(bus, 5, _head(5), {"seq": 13, "hash": None}).json()
    assert back["flagged"] and "backwards" in back["problem"]
    broken = _report(bus, 20, _head(20), {"seq": 13, "hash": _head(13)}, intact=False).json()
    assert broken["flagged"] and "own check" in broken["problem"]
    [row] = _flags(bus).json()["devices"]
    assert row["flagged"] and "own check" in row["problem"] and row["vouched_seq"] == 13
    assert _flags(bus, bus.officer_token).status_code == 403
    assert _flags(bus, bus.device_token).status_code == 403
    # Only a device reports its head.
    assert _report(bus, 30, _head(30), None, token=bus.supervisor_token).status_code == 403
