"""A supervisor's steps reach the officer's laptop (issue 13): the state, who took the step
and when, the deadline as the centre moved it, and the handler — shown by ``fieldbus
complaint show --json`` (its ``review`` and ``current_deadline``). A real hub on loopback
and a real SQLCipher store."""

from __future__ import annotations

import datetime as _dt
import json

from fieldbus.domain.serialize import complaint_json
from fieldbus.services import sync_link
from fieldbus.store import complaints
from sync import deadlines
from tests.sync.conftest import add_cases, fast, hub_cases


def _hub_case(hub, receipt_no):
    return next(c for c in hub_cases(hub) if c["receipt_no"] == receipt_no)


def _history(hub, receipt_no):
    from sync.hub import cases
    from sync.hub.db import connect

    engine = connect(hub.db_url)
    try:
        return cases.history(engine, None, receipt_no)["events"]
    finally:
        engine.dispose()


def _shown(store, receipt_no):
    return complaint_json(complaints.get(store, receipt_no), viewer=store.officer, reveal=False)


def test_the_officer_sees_every_step_and_the_moved_deadline(make_laptop, hub):
    hub.add_user("boss", "supervisor")
    store = make_laptop()
    [case] = add_cases(store, 1, files=False)
    sync_link.run(store, store.officer, **fast())
    held = _hub_case(hub, case.receipt_no)
    # The hub counts from the deadline the receipt printed.
    assert held["deadline_due"] == case.deadline_due.isoformat()

    returned = hub.cli("review", case.receipt_no, "--action", "return", "--note",
                       "주소를 확인해 주십시오.", "--by", "boss")
    assert returned.returncode == 0, returned.stderr
    sync_link.run(store, store.officer, **fast())
    shown = _shown(store, case.receipt_no)
    assert shown["review"]["state"] == "has_issues"
    assert (shown["review"]["by"], shown["review"]["note"]) == ("boss", "주소를 확인해 주십시오.")
    assert shown["review"]["at"] is not None

    # The officer's fix goes up as a new version; the hub's clock resumes and the
    # deadline moves by the days it waited; the laptop learns the new one.
    complaints.edit(store, case.receipt_no, {"title": "주소 고침"}, store.officer)
    sync_link.run(store, store.officer, **fast())
    sync_link.run(store, store.officer, **fast())
    held = _hub_case(hub, case.receipt_no)
    assert held["review_state"] == "edited"
    events = _history(hub, case.receipt_no)
    paused = next(e for e in events if e["action"] == "return")["at"]
    resumed = next(e for e in events if e["action"] == "edited")["at"]
    moved = deadlines.resumed(
        deadlines.deadline_of(case.deadline_rule, case.received_at, case.deadline_due),
        _dt.datetime.fromisoformat(paused), _dt.datetime.fromisoformat(resumed))
    assert held["deadline_due"] == moved.due.isoformat()
    shown = _shown(store, case.receipt_no)
    assert shown["review"]["state"] == "edited"
    assert shown["current_deadline"] == moved.due.isoformat()
    assert shown["deadline_due"] == case.deadline_due.isoformat()  # the receipt's stays

    # A handler named and the deadline extended: the laptop shows both.
    assert hub.cli("review", case.receipt_no, "--action", "assign", "--by", "boss",
                   "--handler-org", "구미시 도로과", "--handler-name", "최담당",
                   "--handler-phone", "054-480-0000").returncode == 0
    day = moved.due.date() + _dt.timedelta(days=1)
    while not deadlines.is_working_day(day):
        day += _dt.timedelta(days=1)
    extended = hub.cli("review", case.receipt_no, "--action", "extend", "--by", "boss",
                       "--note", "현장 확인", "--new-deadline", day.isoformat(), "--json")
    assert extended.returncode == 0, extended.stderr
    assert json.loads(extended.stdout)["deadline_due"].startswith(day.isoformat())
    sync_link.run(store, store.officer, **fast())
    shown = _shown(store, case.receipt_no)
    assert shown["current_deadline"].startswith(day.isoformat())
    assert shown["review"]["handler"] == {"org": "구미시 도로과", "name": "최담당",
                                          "phone": "054-480-0000"}
    assert shown["review"]["action"] == "extend"
    history = [h for h in store.db.execute(
        "SELECT action FROM complaint_history ORDER BY rowid").fetchall()]
    assert ("centre_extend",) in history and ("centre_assign",) in history
