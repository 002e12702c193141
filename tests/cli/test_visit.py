"""``fieldbus visit open`` / ``close``: one open visit at a time; cases belong to it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


def test_open_and_close_a_visit(ready):
    opened = ready("visit", "open", "--venue", "선산읍 행정복지센터", "--region", "경상북도 구미시",
                   "--date", "2026-11-26")
    assert opened.code == 0, opened
    assert "2026-11-26" in opened.out and "선산읍 행정복지센터" in opened.out
    closed = ready("visit", "close")
    assert closed.code == 0, closed
    assert "선산읍 행정복지센터" in closed.out


def test_open_visit_json_and_complaints_belong_to_it(ready):
    opened = ready("visit", "open", "--venue", "해평면사무소", "--region", "경상북도 구미시",
                   "--team", "김조사관", "--team", "이변호사", "--json")
    assert opened.code == 0, opened
    visit = opened.json()
    assert visit["venue"] == "해평면사무소"
    assert visit["region"] == "경상북도 구미시"
    assert visit["team"] == ["김조사관", "이변호사"]
    assert visit["closed_at"] is None
    date.fromisoformat(visit["date"])

    complaint = ready.add("complaint-01.json", "--json").json()
    assert complaint["visit"]["id"] == visit["id"]
    assert complaint["visit"]["venue"] == "해평면사무소"

    assert ready("visit", "close").code == 0
    after = ready.add("complaint-02.json", "--json").json()
    assert after["visit"] is None


def test_a_second_open_while_one_is_open_is_exit_2(ready):
    assert ready("visit", "open", "--venue", "A", "--region", "구미시").code == 0
    again = ready("visit", "open", "--venue", "B", "--region", "구미시")
    assert again.code == 2, again
    assert len(again.err_lines) == 1 and "visit" in again.err_lines[0]
    assert "Traceback" not in again.err
    # The first visit is still the open one.
    complaint = ready.add("complaint-01.json", "--json").json()
    assert complaint["visit"]["venue"] == "A"


def test_close_with_no_open_visit_is_exit_2_and_reopen_after_close_works(ready):
    none_open = ready("visit", "close")
    assert none_open.code == 2, none_open
    assert len(none_open.err_lines) == 1 and "visit" in none_open.err_lines[0]
    assert ready("visit", "open", "--venue", "A", "--region", "구미시").code == 0
    assert ready("visit", "close").code == 0
    assert ready("visit", "close").code == 2
    assert ready("visit", "open", "--venue", "B", "--region", "구미시").code == 0


@pytest.mark.parametrize("day", ["2026-13-01", "26-11-26", "tomorrow",
                                 (date.today() + timedelta(days=800)).isoformat()])
def test_open_with_a_bad_date_is_exit_2(ready, day):
    result = ready("visit", "open", "--venue", "A", "--region", "구미시", "--date", day)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "date" in result.err_lines[0]
    assert ready("visit", "close").code == 2  # nothing was opened


@pytest.mark.parametrize("option,value", [("--venue", "a\x00b"), ("--region", ""),
                                          ("--venue", "x" * 101)])
def test_open_with_bad_text_is_exit_2(ready, option, value):
    args = {"--venue": "A", "--region": "구미시", option: value}
    result = ready("visit", "open", *[x for kv in args.items() for x in kv])
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and option.strip("-") in result.err_lines[0]
    assert ready("visit", "close").code == 2


def test_a_registration_number_typed_into_a_visit_is_masked(ready):
    """A visit goes to the hub and onto the visit tab: a number typed by mistake into its
    venue or team is masked there as in any other kept text."""
    opened = ready("visit", "open", "--venue", "해평면사무소 900101-1234567", "--region",
                   "경상북도 구미시", "--team", "김조사관 900101 1234567", "--json")
    assert opened.code == 0, opened
    visit = opened.json()
    assert "1234567" not in visit["venue"] and "1234567" not in " ".join(visit["team"])
    assert visit["venue"].startswith("해평면사무소 900101-1")
