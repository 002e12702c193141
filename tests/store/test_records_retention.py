"""Issue 11: the records rule of ``retention.json`` (공공기록물 관리에 관한 법률 시행령
제26조③): the period counts from 1 January of the year after the case was finished; its
length (10 years) is a setting marked unverified. Dates computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from fieldbus.store import retention


@pytest.mark.parametrize("finished,years,start,destroy", [
    # finished 2026-03-10: start 2027-01-01; 10 years → kept through 2036-12-31,
    # destroyed on or after 2037-01-01.
    (date(2026, 3, 10), 10, date(2027, 1, 1), date(2037, 1, 1)),
    # finished on the last day of a year: the start is the very next day.
    (date(2026, 12, 31), 10, date(2027, 1, 1), date(2037, 1, 1)),
    # finished on 1 January: the whole year still runs first (start 2028-01-01).
    (date(2027, 1, 1), 3, date(2028, 1, 1), date(2031, 1, 1)),
    # a 1-year period (제26조① lists 1년): finished 2027-07-19 → 2028-01-01 → 2029-01-01.
    (date(2027, 7, 19), 1, date(2028, 1, 1), date(2029, 1, 1)),
])
def test_records_period_starts_on_1_january_of_the_next_year(finished, years, start, destroy):
    assert retention.record_period_start(finished) == start
    assert retention.record_destroy_on(finished, years) == destroy


def test_the_records_rule_is_quoted_and_marked_unverified():
    rule = retention.records_rule()
    assert rule.years == 10 and rule.verified is False
    assert "기록관리기준표" in rule.why and "9bow/legalize-kr" in rule.why  # where looked
    assert "시행령 제26조제3항" in rule.law.basis
    assert "다음 연도의 1월 1일로 한다" in rule.law.text
    assert "제35506호" in rule.law.version
    # the default period is the table's
    assert retention.record_destroy_on(date(2026, 3, 10)) == date(2037, 1, 1)


def test_the_laptop_rule_is_unchanged():
    assert retention.rule().days == 30
    assert retention.rule("draft").days == 7
    assert "제21조" in retention.rule().basis
