"""A public-interest reporter stays sealed, and every read of notes is audited (issue 9 §3).

Attacks, each seen succeeding on the code before the defence: an officer unseals a
reporter by editing ``kind`` away from ``report`` and back; ``fieldbus search`` finds a
report by its reporter's name; ``counsel list --json`` prints advice notes without an
audit entry.
"""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import sample
from tests.conftest import PIN

SUPERVISOR, OFFICER, COUNSEL = "박관리", "홍길동", "오세진"
PINS = {SUPERVISOR: "502741", OFFICER: "481920", COUNSEL: "739105"}
REPORTER = "최제보"
REPORTER_PHONE = "010-7777-3141"


def as_(cli, who: str, *argv, env: dict | None = None, **kw):
    return cli("--officer", who, *argv, env={"FIELDBUS_PIN": PINS[who], **(env or {})}, **kw)


@pytest.fixture
def team(cli):
    """A store set up by a supervisor, who adds an officer and a counsel."""
    result = cli("setup", "--officer", SUPERVISOR, "--device", "B07A", "--role", "supervisor",
                 env={"FIELDBUS_PIN": PINS[SUPERVISOR]})
    assert result.code == 0, result
    for name, role in ((OFFICER, "officer"), (COUNSEL, "counsel")):
        added = as_(cli, SUPERVISOR, "officer", "add", name, "--role", role,
                    env={"FIELDBUS_NEW_PIN": PINS[name]})
        assert added.code == 0, added
    return cli


def report_intake() -> dict:
    data = sample("complaint-01.json")
    data.update(kind="report", title="보조금 부정수급 신고",
                body="읍사무소 직원이 보조금을 가족 명의로 받았습니다.")
    data["petitioner"] = {**data["petitioner"], "name": REPORTER, "phone": REPORTER_PHONE}
    return data


@pytest.fixture
def reported(team):
    """The officer takes a public-interest report."""
    added = as_(team, OFFICER, "complaint", "add", team.write(report_intake()))
    assert added.code == 0, added
    team.receipt = added.out.strip()
    return team


def audit_rows(cli, action: str) -> list[tuple]:
    """(officer name, record_id, details) of the audit entries with ``action``."""
    from fieldbus.store.store import Store

    with Store.open(cli.data_dir, officer=SUPERVISOR, pin=PINS[SUPERVISOR]) as store:
        return store.db.execute(
            "SELECT o.name, a.record_id, a.details FROM audit a "
            "LEFT JOIN officers o ON o.id = a.officer_id WHERE a.action = ? ORDER BY a.seq",
            (action,)).fetchall()


def test_an_officer_cannot_unseal_a_reporter_by_editing_the_kind_away_and_back(reported):
    receipt = reported.receipt
    away = as_(reported, OFFICER, "complaint", "edit", receipt, "-",
               stdin=json.dumps({"kind": "grievance"}))
    between = as_(reported, OFFICER, "complaint", "show", receipt, "--json")
    back = as_(reported, OFFICER, "complaint", "edit", receipt, "-",
               stdin=json.dumps({"kind": "report"}))
    for shown in (between, *(as_(reported, OFFICER, *command) for command in (
            ("complaint", "show", receipt, "--json"), ("complaint", "list", "--json"),
            ("complaint", "show", receipt), ("complaint", "list")))):
        assert shown.code == 0, shown
        assert REPORTER not in shown.out and REPORTER_PHONE not in shown.out, (away, shown)
        assert REPORTER[0] + "*" not in shown.out  # not even the masked name
    assert away.code == 4, away  # not allowed for the role
    assert len(away.err_lines) == 1 and "kind" in away.err_lines[0], away
    assert back.code == 0  # nothing to change: it is still a report
    assert as_(reported, OFFICER, "complaint", "show", receipt, "--json").json()["kind"] \
        == "report"
    # Counsel may not change it either.
    assert as_(reported, COUNSEL, "complaint", "edit", receipt, "-",
               stdin=json.dumps({"kind": "other"})).code == 4


def test_an_officer_cannot_turn_a_case_into_a_report_or_out_of_one(team):
    added = as_(team, OFFICER, "complaint", "add", team.write(sample("complaint-01.json")))
    receipt = added.out.strip()
    to_report = as_(team, OFFICER, "complaint", "edit", receipt, "-",
                    stdin=json.dumps({"kind": "report"}))
    assert to_report.code == 4, to_report
    # Between other kinds the officer is free, as before.
    assert as_(team, OFFICER, "complaint", "edit", receipt, "-",
               stdin=json.dumps({"kind": "inquiry"})).code == 0


def test_a_supervisor_may_change_the_kind_and_it_is_audited_with_both_kinds(reported):
    receipt = reported.receipt
    changed = as_(reported, SUPERVISOR, "complaint", "edit", receipt, "-",
                  stdin=json.dumps({"kind": "grievance"}))
    assert changed.code == 0, changed
    rows = audit_rows(reported, "complaint_kind_changed")
    assert len(rows) == 1
    name, _record, details = rows[0]
    assert name == SUPERVISOR
    assert json.loads(details)["from"] == "report" and json.loads(details)["to"] == "grievance"
    assert REPORTER not in details


def test_search_never_finds_a_report_by_its_reporters_name(reported):
    for who in (OFFICER, SUPERVISOR):
        found = as_(reported, who, "search", REPORTER, "--json")
        assert found.code == 0, found
        assert found.json() == [], found
        assert as_(reported, who, "search", REPORTER[1:], "--json").json() == []
    # The report is still found by what it is about, sealed for the officer.
    about = as_(reported, OFFICER, "search", "부정수급", "--json")
    assert [c["receipt_no"] for c in about.json()] == [reported.receipt]
    assert about.json()[0]["petitioner"] == {"sealed": True}


def test_search_stays_blind_to_the_reporter_after_a_supervisor_edits_the_name(reported):
    edited = as_(reported, SUPERVISOR, "complaint", "edit", reported.receipt, "-",
                 stdin=json.dumps({"petitioner": {"name": "최공익"}}))
    assert edited.code == 0, edited
    assert as_(reported, OFFICER, "search", "최공익", "--json").json() == []
    assert as_(reported, OFFICER, "search", REPORTER, "--json").json() == []


def test_counsel_list_with_notes_is_audited(team, samples_dir):
    added = as_(team, COUNSEL, "counsel", "add", samples_dir / "counsel-01.json", "--json")
    assert added.code == 0, added
    number = added.json()["id"]
    listed = as_(team, COUNSEL, "counsel", "list", "--json")
    assert listed.code == 0, listed
    assert listed.json()[0]["notes"] == sample("counsel-01.json")["notes"]
    rows = audit_rows(team, "counsel_listed")
    assert len(rows) == 1, rows
    name, _record, details = rows[0]
    assert name == COUNSEL
    assert json.loads(details)["notes_shown"] is True
    assert json.loads(details)["sessions"] == [number]
    assert sample("counsel-01.json")["notes"] not in details


def test_listings_that_show_personal_data_are_audited_once_per_command(reported):
    as_(reported, OFFICER, "complaint", "list", "--json", "--limit", "5")
    rows = audit_rows(reported, "complaints_listed")
    assert len(rows) == 1
    name, _record, details = rows[0]
    assert name == OFFICER
    assert json.loads(details) == {"count": 1, "limit": 5, "status": None}
