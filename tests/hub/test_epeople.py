"""The hand-off to e-People (issue 13 §2) on SQLite and PostgreSQL: a forwarded case gets
exactly one 신청번호 whatever e-People does — fails, stalls, answers twice — and the number
reaches the case's history, its laptop's pull and the supervisors' queue; the export
batch for an operator is safe to open in a spreadsheet and audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import httpx
import pytest
import sqlalchemy as sa

from sync import protocol
from sync.hub.epeople import queue
from sync.hub.epeople.api import ApiConnector
from sync.hub.migrations import audit
from tests.hub.epeople_sim import Simulator
from tests.hub.helpers import bearer, complaint, push, record


@pytest.fixture
def simulator():
    running = Simulator().start()
    yield running
    running.stop()


@pytest.fixture
def connector(simulator):
    made = ApiConnector(simulator.url, simulator.state.token, timeout=1.0)
    yield made
    made.close()


def _forward(bus, n, **content):
    case = complaint(n, **content)
    push(bus.url, bus.device_token, [record(f"r{n}", case)])
    for body in ({"action": "approve"}, {"action": "forward", "agency": "구미시청"}):
        answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no=case["receipt_no"]),
                            json=body, headers=bearer(bus.supervisor_token))
        assert answer.status_code == 200, answer.text
    return case["receipt_no"]


def _case(bus, number):
    return httpx.get(bus.url + protocol.CASE.format(receipt_no=number),
                     headers=bearer(bus.supervisor_token)).json()["case"]


def _history(bus, number):
    return httpx.get(bus.url + protocol.CASE_HISTORY.format(receipt_no=number),
                     headers=bearer(bus.supervisor_token)).json()["events"]


def _queue(bus, token=None):
    return httpx.get(bus.url + protocol.EPEOPLE_QUEUE,
                     headers=bearer(token) if token else {})


def test_a_forwarded_case_gets_its_number_and_the_laptop_learns_it(bus, engine, connector,
                                                                   simulator):
    number = _forward(bus, 1)
    assert [f["state"] for f in _queue(bus, bus.supervisor_token).json()["forwards"]] == \
        ["queued"]
    assert queue.run_due(engine, connector) == {"registered": 1}
    case = _case(bus, number)
    assert protocol_number(case["epeople_no"]) and case["status"] == "forwarded"
    event = _history(bus, number)[-1]
    assert (event["action"], event["actor"], event["role"]) == \
        ("epeople_registered", "e-people", "system")
    pulled = httpx.get(bus.url + protocol.PULL, headers=bearer(bus.device_token)).json()
    assert pulled["changes"][-1]["epeople_no"] == case["epeople_no"]
    assert simulator.state.cases[case["epeople_no"]]["title"] == complaint(1)["title"]
    assert queue.run_due(engine, connector) == {}  # nothing left: never sent twice
    # e-People answers the case later: it closes with the answer's date.
    simulator.state.statuses[case["epeople_no"]] = {"status": "answered",
                                                    "answered_on": "2026-12-20"}
    assert queue.poll_statuses(engine, connector) == 1
    closed = _case(bus, number)
    assert (closed["review_state"], closed["answered_on"]) == ("closed", "2026-12-20")


def protocol_number(text):
    from sync.hub.epeople.connector import EPEOPLE_NO

    return EPEOPLE_NO.match(text) is not None


@pytest.mark.parametrize("fault", ["fail_next", "drop_next", "hang_next"])
def test_failures_are_retried_with_back_off_and_give_one_number(bus, engine, connector,
                                                                simulator, fault):
    simulator.state.hang_seconds = 1.5
    setattr(simulator.state, fault, 2)
    number = _forward(bus, 1)
    start = dt.datetime.now(dt.UTC)
    assert queue.run_due(engine, connector, at=start) == {"retry": 1}
    [waiting] = queue.listing(engine)
    assert (waiting["attempts"], waiting["state"]) == (1, "queued") and waiting["last_error"]
    assert queue.run_due(engine, connector, at=start) == {}  # not due before its back-off
    later = start + queue.backoff(1) + dt.timedelta(seconds=1)
    assert queue.run_due(engine, connector, at=later) == {"retry": 1}
    latest = later + queue.backoff(2) + dt.timedelta(seconds=1)
    assert queue.run_due(engine, connector, at=latest) == {"registered": 1}
    assert simulator.state.registrations == 1 and len(simulator.state.cases) == 1
    assert _case(bus, number)["epeople_no"] in simulator.state.cases


def test_a_refusal_stops_and_shows_to_supervisors_only(bus, engine, connector, hub):
    number = _forward(bus, 1, title="")
    assert queue.run_due(engine, connector) == {"failed": 1}
    answer = _queue(bus, bus.supervisor_token)
    [failed] = answer.json()["forwards"]
    assert (failed["receipt_no"], failed["state"]) == (number, "failed")
    assert "400" in failed["last_error"]
    assert _queue(bus, bus.officer_token).status_code == 403
    assert _queue(bus).status_code == 401
    assert _case(bus, number)["epeople_no"] is None
    done = bus.hub.cli("epeople", "retry", number)
    assert done.returncode == 0, done.stderr
    assert queue.listing(engine)[0]["state"] == "queued"


def test_a_second_number_for_a_case_is_not_taken(bus, engine, connector):
    number = _forward(bus, 1)
    queue.run_due(engine, connector)
    first = _case(bus, number)["epeople_no"]
    assert queue.record_number(engine, number, "1AA-2612-7654321", actor="boss") == "kept_first"
    assert _case(bus, number)["epeople_no"] == first
    assert _history(bus, number)[-1]["details"] == {"kept": first, "refused": "1AA-2612-7654321"}
    assert queue.record_number(engine, number, first, actor="boss") == "already"


def test_the_export_batch_for_an_operator(bus, engine, tmp_path):
    plain = _forward(bus, 1)
    risky = _forward(bus, 2, title="=HYPERLINK(\"http://x\",\"보기\")", body="+1 -2 @SUM(A1)")
    nobody = bus.hub.cli("epeople", "export", "--out", str(tmp_path), "--by", "kim")
    assert nobody.returncode == 2 and "not an active supervisor" in nobody.stderr
    done = bus.hub.cli("epeople", "export", "--out", str(tmp_path), "--by", "boss")
    assert done.returncode == 0, done.stderr and "2 case(s)" in done.stderr
    [batch] = tmp_path.glob("epeople-batch-*.zip")
    assert batch.stat().st_mode & 0o077 == 0  # the citizens' details: the owner's only
    with zipfile.ZipFile(batch) as zf:
        raw = zf.read("cases.csv")
        cases = json.loads(zf.read("cases.json"))["cases"]
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["이동신문고 접수번호", "신청인 구분", "성명", "연락처", "주소"]
    by_number = {row[0]: row for row in rows[1:]}
    title, body = rows[0].index("제목"), rows[0].index("내용")
    assert by_number[risky][title].startswith("'=HYPERLINK")
    assert by_number[risky][body].startswith("'+1")
    assert by_number[plain][rows[0].index("성명")] == "김영수"
    assert [c["receipt_no"] for c in cases] == sorted([plain, risky])
    with engine.connect() as conn:
        audited = conn.execute(sa.select(audit.c.actor, audit.c.subject)
                               .where(audit.c.action == "epeople_exported")).all()
    assert sorted(audited) == sorted([("boss", plain), ("boss", risky)])
    again = bus.hub.cli("epeople", "export", "--out", str(tmp_path), "--by", "boss")
    assert "nothing waits" in again.stderr
    bad = bus.hub.cli("epeople", "record", plain, "2AA-12-1", "--by", "boss")
    assert bad.returncode == 2 and "1AA-YYMM-NNNNNNN" in bad.stderr
    good = bus.hub.cli("epeople", "record", plain, "1AA-2612-0000042", "--by", "boss")
    assert good.returncode == 0, good.stderr
    assert _case(bus, plain)["epeople_no"] == "1AA-2612-0000042"
    assert "sent" in bus.hub.cli("epeople", "queue").stdout


def test_a_forward_needs_an_agency(bus):
    case = complaint(1)
    push(bus.url, bus.device_token, [record("r1", case)])
    url = bus.url + protocol.REVIEW.format(receipt_no=case["receipt_no"])
    assert httpx.post(url, json={"action": "approve"},
                      headers=bearer(bus.supervisor_token)).status_code == 200
    answer = httpx.post(url, json={"action": "forward"}, headers=bearer(bus.supervisor_token))
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "agency_required"
