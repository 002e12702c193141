"""``fieldbus deadline``: a receipt time is never in the future; ``--from`` plans ahead for
any date the holiday tables cover, and says up to when it answers (issue 9 §10)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sync.deadlines import KST, statutory_deadline


def test_a_future_receipt_time_is_refused_and_points_to_the_planner(cli):
    tomorrow = (datetime.now(KST) + timedelta(days=1)).isoformat(timespec="minutes")
    result = cli("deadline", "inquiry", "--received", tomorrow)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1, result
    assert "future" in result.err_lines[0] and "--from" in result.err_lines[0]


@pytest.mark.parametrize("kind,start,expected", [
    # 설날 2027: 6–8 February and the substitute day on the 9th are not counted.
    ("inquiry", "2027-02-05T10:00+09:00", "2027-02-17"),
    ("other", "2027-02-05T16:00", "2027-02-10 10:00"),
    ("other", "2027-02-05", "2027-02-05 12:00"),   # a day alone: from 09:00 KST
    ("suggestion", "2027-02-05", "2027-02-26"),
])
def test_from_answers_for_a_planned_day(cli, kind, start, expected):
    result = cli("deadline", kind, "--from", start)
    assert result.code == 0, result
    assert result.out.strip() == expected
    assert result.err == ""


def test_from_answers_for_next_month_with_the_same_rules_as_a_receipt(cli):
    start = (datetime.now(KST) + timedelta(days=35)).replace(hour=10, minute=0, second=0,
                                                           microsecond=0)
    result = cli("deadline", "grievance", "--from", start.isoformat(), "--json")
    assert result.code == 0, result
    data = result.json()
    assert data["deadline"] == statutory_deadline("grievance", start).text
    assert data["planned"] is True and data["kind"] == "grievance"
    assert datetime.fromisoformat(data["received_at"]) == start
    # The --received answer keeps its shape.
    past = cli("deadline", "grievance", "--received", "2026-11-26T10:00+09:00", "--json").json()
    assert "planned" not in past and set(past) == set(data) - {"planned"}


@pytest.mark.parametrize("start", ["2101-03-02", "2100-12-28T10:00+09:00"],
                         ids=["start-beyond", "deadline-beyond"])
def test_from_beyond_the_holiday_tables_says_up_to_when_it_answers(cli, start):
    from sync.deadlines import holidays_covered_until

    last = holidays_covered_until()
    result = cli("deadline", "inquiry", "--from", start)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1, result
    assert last.isoformat() in result.err_lines[0]


@pytest.mark.parametrize("argv", [
    ["deadline", "inquiry", "--from", "next month"],
    ["deadline", "inquiry", "--from", "2027-02-30"],
    ["deadline", "inquiry", "--from", "2027-02-05", "--received", "2026-11-26T10:00"],
])
def test_from_bad_input_is_exit_2(cli, argv):
    result = cli(*argv)
    assert result.code == 2, result
    assert result.out == ""
