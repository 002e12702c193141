"""The review workflow over HTTP (issue 13, §1): every step, who may take it, what it does
to the deadline, and the revision that stops two supervisors from overwriting each other.
On SQLite and on PostgreSQL (the ``bus`` fixture)."""

from __future__ import annotations

import datetime as _dt
from typing import get_args

import httpx
import pytest

from sync import deadlines, protocol
from sync.hub import workflow
from tests.hub.helpers import bearer, complaint, push, record

KST = deadlines.KST


def _case(n: int, rule: str = "grievance", **changes):
    """A complaint received this morning, with the deadline its receipt printed."""
    received = _dt.datetime.now(KST).replace(hour=9, minute=30, second=0, microsecond=0)
    due = deadlines.statutory_deadline(rule, received).due
    return complaint(n, **{"kind": "grievance" if rule.startswith("grievance") else "inquiry",
                           "received_at": received.isoformat(),
                           "deadline": due.date().isoformat(), "deadline_due": due.isoformat(),
                           "deadline_rule": rule, **changes})


def _step(bus, receipt_no, token=None, if_match=None, **body):
    headers = bearer(token or bus.supervisor_token)
    if if_match is not None:
        headers["If-Match"] = if_match
    return httpx.post(bus.url + protocol.REVIEW.format(receipt_no=receipt_no), json=body,
                      headers=headers, timeout=30)


def _ok(bus, receipt_no, **body):
    answer = _step(bus, receipt_no, **body)
    assert answer.status_code == 200, answer.text
    assert answer.headers["ETag"] == f'"{answer.json()["case_version"]}"'
    return answer.json()["change"]


def _refused(bus, receipt_no, **body):
    answer = _step(bus, receipt_no, **body)
    assert answer.status_code >= 400, answer.text
    return answer.status_code, answer.json()["error"]["code"], answer.json()["error"]["message"]


def _get(bus, receipt_no, token=None):
    return httpx.get(bus.url + protocol.CASE.format(receipt_no=receipt_no),
                     headers=bearer(token or bus.supervisor_token), timeout=30)


def _history(bus, receipt_no):
    answer = httpx.get(bus.url + protocol.CASE_HISTORY.format(receipt_no=receipt_no),
                       headers=bearer(bus.supervisor_token), timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["events"]


def _pulled(bus):
    answer = httpx.get(bus.url + protocol.PULL, headers=bearer(bus.device_token), timeout=30)
    return answer.json()["changes"]


def test_the_wire_names_every_step_of_the_workflow():
    assert tuple(workflow.ACTIONS) == protocol.REVIEW_ACTIONS
    assert set(workflow.FINISHED) | set(workflow.OPEN) == set(get_args(protocol.ReviewState))


def test_only_supervisors_take_steps(bus):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    assert _step(bus, number, token=bus.officer_token, action="approve").status_code == 403
    assert httpx.post(bus.url + protocol.REVIEW.format(receipt_no=number),
                      json={"action": "approve"}).status_code == 401
    assert _step(bus, "B07A-261126-9999-X", action="approve").status_code == 404
    assert _get(bus, number).json()["case"]["review_state"] == "received"
    assert _pulled(bus) == []


def test_a_return_stops_the_clock_and_the_fix_moves_the_deadline(bus):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    returned = _ok(bus, number, action="return", note="주소를 확인해 주세요")
    assert returned["review_state"] == "has_issues" and returned["case_version"] == 2
    held = _get(bus, number).json()["case"]
    assert held["paused_since"] is not None
    push(bus.url, bus.device_token, [record("r1", {**content, "body": "주소 고침"}, 2, base=1)])
    case = _get(bus, number).json()["case"]
    assert case["review_state"] == "edited" and case["paused_since"] is None
    assert case["case_version"] == 3
    edited = [e for e in _history(bus, number) if e["action"] == "edited"]
    assert len(edited) == 1 and edited[0]["role"] == "officer"
    expected = deadlines.resumed(
        deadlines.deadline_of("grievance", _dt.datetime.fromisoformat(content["received_at"]),
                              _dt.datetime.fromisoformat(content["deadline_due"])),
        _dt.datetime.fromisoformat(held["paused_since"]),
        _dt.datetime.fromisoformat(edited[0]["at"]))
    assert case["deadline_due"] == expected.due.isoformat()
    # The laptop learns the new state and deadline on its next pull.
    last = _pulled(bus)[-1]
    assert (last["action"], last["review_state"], last["deadline_due"]) == \
        ("edited", "edited", expected.due.isoformat())


def test_extensions_follow_the_law(bus):
    inquiry = _case(1, rule="inquiry")
    grievance = _case(2)
    push(bus.url, bus.device_token, [record("r1", inquiry), record("r2", grievance)])
    due = _dt.datetime.fromisoformat(inquiry["deadline_due"]).date()

    def working_day_after(day, n):
        while n:
            day += _dt.timedelta(days=1)
            n -= deadlines.is_working_day(day)
        return day

    number = inquiry["receipt_no"]
    assert _refused(bus, number, action="extend", new_deadline=str(working_day_after(due, 3)))[:2] \
        == (422, "note_required")
    over = _refused(bus, number, action="extend", note="현장 확인 필요",
                    new_deadline=str(working_day_after(due, 8)))
    assert over[:2] == (422, "extension_over_limit") and "7" in over[2]
    first = _ok(bus, number, action="extend", note="현장 확인 필요",
                new_deadline=str(working_day_after(due, 7)))
    assert first["deadline_due"].startswith(str(working_day_after(due, 7)))
    # The citizen's status page tells the deadline as it stands now.
    page = httpx.get(bus.url + protocol.STATUS_PAGE.format(receipt_no=number),
                     params={"c": protocol.status_code(number, bus.qr_secret)})
    assert page.status_code == 200 and str(working_day_after(due, 7)) in page.text
    later = _dt.date.fromisoformat(first["deadline_due"][:10])
    second = str(working_day_after(later, 2))
    assert _refused(bus, number, action="extend", note="기관 협의",
                    new_deadline=second)[:2] == (422, "extension_consent")
    assert _ok(bus, number, action="extend", note="기관 협의", new_deadline=second,
               citizen_consent=True)["deadline_due"].startswith(second)
    assert _refused(bus, number, action="extend", note="또", citizen_consent=True,
                    new_deadline=str(working_day_after(_dt.date.fromisoformat(second), 1))
                    )[:2] == (422, "extension_too_many")
    # ACRC grievances: 60 days in all, however many times.
    g = grievance["receipt_no"]
    g_due = _dt.datetime.fromisoformat(grievance["deadline_due"]).date()
    step1 = working_day_after(g_due, 40)
    assert _ok(bus, g, action="extend", note="조사", new_deadline=str(step1))
    assert _refused(bus, g, action="extend", note="조사 더",
                    new_deadline=str(working_day_after(step1, 21)))[:2] \
        == (422, "extension_over_limit")
    assert _ok(bus, g, action="extend", note="조사 더",
               new_deadline=str(working_day_after(step1, 20)))
    history = [e for e in _history(bus, g) if e["action"] == "extend"]
    assert [e["details"]["extension"] for e in history] == [1, 2]
    assert all(e["actor"] == "boss" and e["role"] == "supervisor" for e in history)
    # A day off or a day not later is refused, and so is a case without a deadline.
    fresh = _case(4)
    push(bus.url, bus.device_token, [record("r4", fresh)])
    f_due = _dt.datetime.fromisoformat(fresh["deadline_due"]).date()
    saturday = f_due + _dt.timedelta(days=1)
    while saturday.weekday() != 5:
        saturday += _dt.timedelta(days=1)
    assert _refused(bus, fresh["receipt_no"], action="extend", note="x",
                    new_deadline=str(saturday))[:2] == (422, "not_working_day")
    assert _refused(bus, fresh["receipt_no"], action="extend", note="x",
                    new_deadline=str(f_due))[:2] == (422, "not_later")
    anonymous = _case(3, deadline=None, deadline_due=None, deadline_rule=None)
    push(bus.url, bus.device_token, [record("r3", anonymous)])
    assert _refused(bus, anonymous["receipt_no"], action="extend", note="x",
                    new_deadline=str(working_day_after(g_due, 1)))[:2] == (422, "no_deadline")


def test_if_match_refuses_a_step_on_a_case_that_changed(bus):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    seen = _get(bus, number)
    assert seen.headers["ETag"] == '"1"'
    _ok(bus, number, action="assign", handler={"org": "구미시 도로과", "name": "최담당",
                                                 "phone": "054-480-0000"})
    stale = _step(bus, number, if_match=seen.headers["ETag"], action="approve")
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "version_mismatch"
    assert _get(bus, number).json()["case"]["review_state"] == "received"
    fresh = _get(bus, number)
    assert _step(bus, number, if_match=fresh.headers["ETag"], action="approve").status_code == 200
    assert _step(bus, number, if_match="W/\"x\"", action="approve").status_code == 422


def test_transfer_assign_and_close(bus):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    assert _refused(bus, number, action="transfer", note="국토부 소관")[:2] == \
        (422, "agency_required")
    assert _refused(bus, number, action="assign", handler={"org": "x", "name": "y"})[0] == 422
    handler = {"org": "국토교통부 도로정책과", "name": "정담당", "phone": "044-201-0000"}
    assert _ok(bus, number, action="assign", handler=handler)["handler"] == handler
    moved = _ok(bus, number, action="transfer", agency="국토교통부", note="국도 구간")
    assert (moved["review_state"], moved["agency"]) == ("forwarded", "국토교통부")
    transfer = [e for e in _history(bus, number) if e["action"] == "transfer"][0]
    assert transfer["details"]["late"] is False and transfer["details"]["due_by"]
    assert _refused(bus, number, action="close")[:2] == (422, "note_required")
    tomorrow = (_dt.datetime.now(KST) + _dt.timedelta(days=1)).date().isoformat()
    assert _refused(bus, number, action="close", note="보수 완료", answered_on=tomorrow)[0] == 422
    closed = _ok(bus, number, action="close", note="보수 완료")
    assert closed["review_state"] == "closed"
    for action in ("return", "approve", "extend", "assign", "transfer"):
        status, code, _ = _refused(bus, number, action=action, note="다시", agency="x",
                                   new_deadline="2027-06-01",
                                   handler=handler)
        assert (status, code) == (409, "invalid_transition"), action
    pulled = _pulled(bus)
    assert [c["action"] for c in pulled] == ["assign", "transfer", "close"]
    assert pulled[0]["handler"] == handler and pulled[-1]["review_state"] == "closed"


@pytest.mark.parametrize("note", ["<script>alert(1)</script>", "\x1b]0;pwned\x07", "x" * 4001])
def test_notes_are_kept_as_text_or_refused(bus, note):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    answer = _step(bus, content["receipt_no"], action="return", note=note)
    if note.startswith("<"):
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/json")
        assert _history(bus, content["receipt_no"])[-1]["note"] == note
    else:
        assert answer.status_code == 422
        assert _get(bus, content["receipt_no"]).json()["case"]["case_version"] == 1


def test_an_officer_sees_only_the_cases_of_the_laptops_they_enrolled(bus, hub):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    assert _get(bus, content["receipt_no"], token=bus.officer_token).status_code == 200
    hub.add_user("park", "officer")
    other = hub.login("park")
    assert _get(bus, content["receipt_no"], token=other).status_code == 404
    assert httpx.get(bus.url + protocol.CASE_HISTORY.format(receipt_no=content["receipt_no"]),
                     headers=bearer(other)).status_code == 404


def test_the_command_line_takes_steps_for_a_named_supervisor(bus):
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    assert bus.hub.cli("review", number, "--action", "approve").returncode == 2
    nobody = bus.hub.cli("review", number, "--action", "approve", "--by", "kim")
    assert nobody.returncode == 2 and "not an active supervisor" in nobody.stderr
    done = bus.hub.cli("review", number, "--action", "return", "--note", "서명 누락",
                       "--by", "boss")
    assert done.returncode == 0, done.stderr
    assert "has_issues (version 2" in done.stderr
    assert _history(bus, number)[-1]["actor"] == "boss"
    stale = bus.hub.cli("review", number, "--action", "reject", "--note", "중복",
                        "--by", "boss", "--if-match", "1")
    assert stale.returncode == 2 and "changed meanwhile" in stale.stderr
    assert "Traceback" not in stale.stderr


def _resolve(bus, receipt_no, token=None, if_match=None, **body):
    headers = bearer(token or bus.supervisor_token)
    if if_match is not None:
        headers["If-Match"] = if_match
    return httpx.post(bus.url + protocol.CASE_RESOLVE.format(receipt_no=receipt_no),
                      json=body, headers=headers, timeout=30)


def _conflicted(bus, n, rid, **theirs):
    """A case the hub holds at version 2, and a laptop's other version 2 kept as a conflict."""
    content = _case(n)
    push(bus.url, bus.device_token, [record(rid, content)])
    push(bus.url, bus.device_token, [record(rid, {**content, "body": "허브의 판"}, 2, base=1)])
    results = push(bus.url, bus.device_token,
                   [record(rid, {**content, **theirs}, 2, base=1)])
    assert results[0]["outcome"] == "conflict"
    return content


def test_a_supervisor_settles_a_kept_conflict(bus):
    content = _conflicted(bus, 1, "r1", title="노트북의 제목", body="노트북의 본문")
    number = content["receipt_no"]
    case = _get(bus, number).json()["case"]
    assert [c["version"] for c in case["conflicts"]] == [2]
    assert _resolve(bus, number, token=bus.officer_token, conflict_version=2,
                    take="laptop").status_code == 403
    assert _resolve(bus, number, if_match='"1"', conflict_version=2,
                    take="laptop").status_code == 412
    assert _resolve(bus, number, conflict_version=2, take="merge").status_code == 422
    assert _resolve(bus, number, conflict_version=2, take="merge",
                    fields={"nonsense": "laptop"}).status_code == 422
    merged = _resolve(bus, number, if_match=f'"{case["case_version"]}"', conflict_version=2,
                      take="merge", fields={"title": "laptop"}, note="제목만 노트북 것으로")
    assert merged.status_code == 200, merged.text
    after = _get(bus, number).json()["case"]
    assert (after["title"], after["body"]) == ("노트북의 제목", "허브의 판")
    assert after["conflicts"] == [] and after["version"] == 3
    event = _history(bus, number)[-1]
    assert (event["action"], event["actor"], event["details"]["take"]) == \
        ("conflict_resolved", "boss", "merge")
    assert _resolve(bus, number, conflict_version=2, take="hub").status_code == 404
    # Keeping the hub's changes nothing but the conflict; a report stays sealed.
    other = _conflicted(bus, 2, "r2", kind="report")
    assert _resolve(bus, other["receipt_no"], conflict_version=2, take="hub").status_code == 200
    kept = _get(bus, other["receipt_no"], token=bus.officer_token).json()["case"]
    assert kept["body"] == "허브의 판" and kept["petitioner"] == {"sealed": True}


def test_two_supervisors_acting_at_once_one_wins_the_other_is_told(bus, hub):
    """The same revision sent by two supervisors at the same moment: the case's row lock
    orders them, the second sees the first's revision and is refused (412) — never both
    applied, never a lost update."""
    from concurrent.futures import ThreadPoolExecutor

    hub.add_user("boss2", "supervisor")
    second = hub.login("boss2")
    content = _case(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    for round_ in range(5):
        etag = _get(bus, number).headers["ETag"]
        steps = [(bus.supervisor_token, "assign", {"handler": {"org": "도로과", "name": f"갑{round_}",
                                                              "phone": "054-1"}}),
                 (second, "assign", {"handler": {"org": "도로과", "name": f"을{round_}",
                                                 "phone": "054-2"}})]
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda s: _step(bus, number, token=s[0], if_match=etag,
                                                    action=s[1], **s[2]), steps))
        assert sorted(a.status_code for a in answers) == [200, 412], [a.text for a in answers]
        winner = next(a for a in answers if a.status_code == 200).json()["change"]
        assert _get(bus, number).json()["case"]["handler"] == winner["handler"]
    versions = [e["case_version"] for e in _history(bus, number)]
    assert versions == sorted(set(versions))  # one history entry per revision
