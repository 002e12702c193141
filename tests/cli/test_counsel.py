"""``fieldbus counsel add/show/list``: appeal deadlines, and notes only counsel may read."""

from __future__ import annotations

import re

import pytest

from tests.cli.conftest import DEVICE, OFFICER, PIN, RECEIPT_RE, sample

SUPERVISOR = "박감독"
COUNSEL = "오세진"
COUNSEL_PIN = "739104"
NOTES = sample("counsel-01.json")["notes"]
NO_ANSWERS = {"kind": None, "notice": None, "announced_days": None,
              "force_majeure_ended_on": None, "abroad": False}


@pytest.fixture
def with_counsel(cli):
    """A supervisor sets the laptop up and adds an officer and a counsel-role officer
    (only a supervisor adds anyone)."""
    cli.setup(DEVICE, SUPERVISOR, "--role", "supervisor")
    for name, role, pin in ((OFFICER, "officer", PIN), (COUNSEL, "counsel", COUNSEL_PIN)):
        result = cli("--officer", SUPERVISOR, "officer", "add", name, "--role", role,
                     env={"FIELDBUS_NEW_PIN": pin})
        assert result.code == 0, result
    return cli


def as_officer(cli, *argv, **kw):
    return cli("--officer", OFFICER, *argv, **kw)


def as_counsel(cli, *argv, **kw):
    return cli("--officer", COUNSEL, *argv, env={"FIELDBUS_PIN": COUNSEL_PIN}, **kw)


def test_add_prints_the_session_number(ready, samples_dir):
    result = ready("counsel", "add", samples_dir / "counsel-01.json")
    assert result.code == 0, result
    assert re.match(RECEIPT_RE, result.out_lines[0])


def test_add_json_has_the_appeal_deadline(ready, samples_dir):
    result = ready("counsel", "add", samples_dir / "counsel-01.json", "--json")
    assert result.code == 0, result
    data = result.json()
    # 행정심판법 제27조: 90 days from learning (2026-09-22), 180 from the disposition
    # (2026-09-15) — the earlier.
    assert data["appeal_deadline"] == "2026-12-21"
    assert data["appellant"]["name"] == "한미경"
    assert data["disposition"] == {"agency": "구미시청", "title": "기초생활수급자 생계급여 중지 처분",
                                   "disposed_on": "2026-09-15", "learned_on": "2026-09-22",
                                   "appeal": NO_ANSWERS}
    assert data["appeal_rule"] == "from_learning"
    assert data["appeal_rule_text"] == "행정심판법 제27조제1항 (안 날부터 90일)"
    # 제1호 (기초생활수급자): the committee checks it through 행정정보 공동이용 (시행령 ③).
    assert data["eligibility"]["proof"] == "shared_check"
    assert data["eligibility"]["shared_info_consent"] is None
    assert data["outcome"] == "application_filed"
    assert data["sync_state"] == "pending"
    assert data["appeal_status"] in ("ok", "near", "past")
    # The officer who recorded it is not counsel: the notes are not shown back.
    assert data["notes"] is None and data["notes_withheld"] is True


def test_add_from_stdin(ready):
    text = (ready.write(sample("counsel-01.json"))).read_text(encoding="utf-8")
    result = ready("counsel", "add", "-", "--json", stdin=text)
    assert result.code == 0, result
    assert result.json()["appeal_deadline"] == "2026-12-21"


def test_an_officer_sees_no_notes_but_counsel_does(with_counsel, samples_dir):
    added = as_officer(with_counsel, "counsel", "add", samples_dir / "counsel-01.json", "--json")
    assert added.code == 0, added
    number = added.json()["id"]

    officer_view = as_officer(with_counsel, "counsel", "show", number, "--json")
    assert officer_view.code == 0, officer_view
    assert officer_view.json()["notes"] is None
    assert officer_view.json()["notes_withheld"] is True
    assert NOTES not in officer_view.out

    counsel_view = as_counsel(with_counsel, "counsel", "show", number, "--json")
    assert counsel_view.code == 0, counsel_view
    assert counsel_view.json()["notes"] == NOTES
    assert counsel_view.json()["notes_withheld"] is False
    assert counsel_view.json()["appeal_deadline"] == "2026-12-21"

    plain_officer = as_officer(with_counsel, "counsel", "show", number)
    assert plain_officer.code == 0
    assert NOTES not in plain_officer.out
    assert "2026-12-21" in plain_officer.out
    assert "counsel and supervisors only" in plain_officer.out
    plain_counsel = as_counsel(with_counsel, "counsel", "show", number)
    assert NOTES in plain_counsel.out


def test_counsel_list(with_counsel, samples_dir):
    first = as_officer(with_counsel, "counsel", "add", samples_dir / "counsel-01.json", "--json")
    second = as_counsel(with_counsel, "counsel", "add", samples_dir / "counsel-01.json", "--json")
    assert second.json()["notes"] == NOTES  # counsel sees what they wrote
    numbers = [second.json()["id"], first.json()["id"]]

    officer_list = as_officer(with_counsel, "counsel", "list", "--json")
    assert officer_list.code == 0, officer_list
    items = officer_list.json()
    assert [i["id"] for i in items] == numbers
    assert all(i["notes"] is None and i["notes_withheld"] for i in items)
    assert all(i["appeal_deadline"] == "2026-12-21" for i in items)
    assert all(i["appellant"]["name"] == "한*경" for i in items)  # lists mask names

    counsel_list = as_counsel(with_counsel, "counsel", "list", "--json")
    assert all(i["notes"] == NOTES for i in counsel_list.json())

    limited = as_officer(with_counsel, "counsel", "list", "--json", "--limit", "1")
    assert [i["id"] for i in limited.json()] == numbers[:1]
    plain = as_officer(with_counsel, "counsel", "list")
    assert [line.split("\t")[0] for line in plain.out_lines] == numbers
    assert NOTES not in plain.out


def _with(disposition: dict | None = None, eligibility: dict | None = None) -> dict:
    data = sample("counsel-01.json")
    data["disposition"].update(disposition or {})
    data["eligibility"].update(eligibility or {})
    return data


def test_add_takes_the_article_27_answers_and_show_prints_the_rule(ready):
    # ⑥ (not told): disposed 2026-09-15 + 180 days = 2027-03-14 (일) → 2027-03-15 (월).
    data = _with({"appeal_kind": "cancellation", "period_notice": "not_told"},
                 {"basis": "basic_pension", "shared_info_consent": True})
    added = ready("counsel", "add", ready.write(data), "--json")
    assert added.code == 0, added
    got = added.json()
    assert got["appeal_deadline"] == "2027-03-15"
    assert got["appeal_rule"] == "no_notice"
    assert got["disposition"]["appeal"] == NO_ANSWERS | {"kind": "cancellation",
                                                        "notice": "not_told"}
    # 제3호 (기초연금): documents, whatever the consent (시행령 제16조의2② 후단).
    assert got["eligibility"]["proof"] == "documents"
    shown = ready("counsel", "show", got["id"])
    assert shown.code == 0, shown
    assert "2027-03-15" in shown.out
    assert "행정심판법 제27조제6항 (기간을 알리지 않음: 처분일부터 180일)" in shown.out
    assert "민법 제161조" in shown.out  # 2027-03-14 was a Sunday
    assert "proof: documents" in shown.out


def test_a_nullity_appeal_has_no_deadline(ready):
    data = _with({"appeal_kind": "nullity"})
    added = ready("counsel", "add", ready.write(data), "--json")
    assert added.code == 0, added
    got = added.json()
    assert got["appeal_deadline"] is None and got["appeal_days_left"] is None
    assert got["appeal_status"] == "none"
    assert got["appeal_rule_text"] == "청구기간 제한 없음 (제27조제7항)"
    shown = ready("counsel", "show", got["id"])
    assert "deadline    none" in shown.out and "제27조제7항" in shown.out
    assert "appeal deadline" not in shown.err
    listed = ready("counsel", "list")
    assert f"{got['id']}\t-\tnone" in listed.out


def test_force_majeure_and_a_wrong_notice_through_the_cli(ready):
    # ② abroad: ended 2026-11-20; Nov 21–30 = 10, Dec 20 → 30: 2026-12-20 (일) → 12-21 (월);
    # ① also ends 2026-12-21, so ① (found first) stays: ② only wins when later.
    # ⑤: told 150 days from 2026-09-22: Sep 8, Oct → 39, Nov → 69, Dec → 100, Jan → 131,
    # Feb 19 → 150: 2027-02-19 (금).
    both = _with({"period_notice": "told_longer", "announced_days": 150,
                  "force_majeure_ended_on": "2026-11-20", "abroad": True})
    added = ready("counsel", "add", ready.write(both), "--json")
    assert added.code == 0, added
    assert (added.json()["appeal_deadline"], added.json()["appeal_rule"]) == \
        ("2027-02-19", "wrong_notice")
    bad = _with({"period_notice": "told_longer", "announced_days": 60})
    refused = ready("counsel", "add", ready.write(bad))
    assert refused.code != 0
    assert "announced_days" in refused.err


def test_officer_add_needs_a_valid_new_pin_and_name(cli):
    cli.setup(DEVICE, SUPERVISOR, "--role", "supervisor")
    for pin in ("1", "4821"):  # new PINs have 6 to 12 digits
        bad_pin = cli("officer", "add", COUNSEL, "--role", "counsel",
                      env={"FIELDBUS_NEW_PIN": pin})
        assert bad_pin.code == 2, bad_pin
    assert cli("officer", "add", SUPERVISOR, "--role", "counsel",
               env={"FIELDBUS_NEW_PIN": COUNSEL_PIN}).code == 2  # name taken
    assert cli("officer", "list", "--json").json() == [{"name": SUPERVISOR,
                                                        "role": "supervisor"}]


def test_only_a_supervisor_adds_officers(ready):
    assert ready("officer", "add", COUNSEL, "--role", "supervisor",
                 env={"FIELDBUS_NEW_PIN": COUNSEL_PIN}).code == 4
    assert ready("officer", "list", "--json").json() == [{"name": OFFICER, "role": "officer"}]


def test_the_counsel_pin_is_checked(with_counsel):
    result = with_counsel("--officer", COUNSEL, "counsel", "list")  # FIELDBUS_PIN is PIN
    assert result.code == 4, result


def test_with_two_officers_the_name_is_needed(with_counsel):
    result = with_counsel("counsel", "list")
    assert result.code == 4, result
    assert "--officer" in result.err


def test_show_of_an_unknown_session_is_exit_2(ready):
    for ident in ("B07A-260102-4321-X", "nonsense"):
        result = ready("counsel", "show", ident)
        assert result.code == 2, result
        assert len(result.err_lines) == 1


@pytest.mark.parametrize("change,field", [
    (lambda d: d.pop("outcome"), "outcome"),
    (lambda d: d["disposition"].update(disposed_on="2999-01-01"), "disposition.disposed_on"),
    (lambda d: d["disposition"].update(learned_on="2026-09-01"), "disposition.learned_on"),
    (lambda d: d["disposition"].update(disposed_on="2026-02-30"), "disposition.disposed_on"),
    (lambda d: d.update(notes="메모\x00"), "notes"),
    (lambda d: d["appellant"].update(phone="010-1"), "appellant.phone"),
    (lambda d: d["eligibility"].update(basis="rich"), "eligibility.basis"),
    (lambda d: d.update(extra=1), "extra"),
], ids=["missing-outcome", "future-disposition", "learned-before-disposed", "impossible-date",
        "nul-in-notes", "invalid-phone", "unknown-basis", "unknown-field"])
def test_bad_counsel_intake_is_exit_2(ready, change, field):
    intake = sample("counsel-01.json")
    change(intake)
    result = ready("counsel", "add", ready.write(intake))
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and field in result.err_lines[0], result
    assert ready("counsel", "list", "--json").json() == []
