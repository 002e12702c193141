"""Tests of statutory processing periods, and the plain appeal deadlines (제27조①③).

Why so many: a wrong date on a receipt is a wrong promise made in the state's name. The
worked examples pin the reading of 민원처리법 제19조 and 행정심판법 제27조; the property
tests check the counting against an independent oracle built straight on the ``holidays``
package, across years and holidays nobody thought to write an example for.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time, timedelta, timezone
from functools import cache

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import deadlines
from fieldbus.domain.appeal import AppealDeadline, appeal_deadline
from sync.deadlines import (
    KST,
    Deadline,
    DeadlineRule,
    all_rules,
    is_working_day,
    rule_for,
    statutory_deadline,
)
from fieldbus.domain.errors import ValidationError
from sync.resources import resource_path

KINDS = ["inquiry", "suggestion", "grievance", "report", "passive_admin", "other"]
WORK_PERIODS = [(time(9), time(12)), (time(13), time(18))]

# --------------------------------------------------------------------------- oracle
# Written independently of the module: it asks ``holidays`` directly and measures
# overlap with working periods instead of stepping forward through them.


@cache
def _kr_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KR", years=year))


def _oracle_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _kr_holidays(day.year)


def _working_time_between(start: datetime, end: datetime) -> timedelta:
    """Working time inside [start, end], both aware."""
    start, end = start.astimezone(KST), end.astimezone(KST)
    total = timedelta(0)
    day = start.date()
    while day <= end.date():
        if _oracle_working_day(day):
            for p_start, p_end in WORK_PERIODS:
                lo = max(start, datetime.combine(day, p_start, tzinfo=KST))
                hi = min(end, datetime.combine(day, p_end, tzinfo=KST))
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total


def _working_days_inclusive(first: date, last: date) -> int:
    return sum(
        1
        for n in range((last - first).days + 1)
        if _oracle_working_day(first + timedelta(days=n))
    )


def _kst(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=KST)


receipts = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2035, 12, 31))
rule_ids = st.sampled_from([r.rule for r in all_rules()])


# --------------------------------------------------------------------------- rule table


def test_rule_table_every_kind_has_a_rule_with_a_korean_legal_basis() -> None:
    for kind in KINDS:
        rule = rule_for(kind)
        assert isinstance(rule, DeadlineRule)
        assert rule.period > 0 and rule.unit in ("hours", "days")
        assert any("가" <= ch <= "힣" for ch in rule.basis), rule
        assert "제" in rule.basis and "조" in rule.basis, rule
        assert rule.label_ko


def test_rule_table_periods_match_the_law() -> None:
    expected = {
        "inquiry": (7, "days"),
        "inquiry_legal": (14, "days"),
        "suggestion": (14, "days"),
        "grievance": (60, "days"),  # the bus is run by the ACRC itself
        "grievance_agency": (7, "days"),
        "report": (60, "days"),
        "other": (3, "hours"),
        "immediate": (3, "hours"),
    }
    for rule_id, (period, unit) in expected.items():
        rule = rule_for(rule_id)
        assert (rule.rule, rule.period, rule.unit) == (rule_id, period, unit)
    # 시행령 제14조 has no 항 (issue 11): 제14조제1호 / 제2호
    assert "시행령 제14조제2호" in rule_for("inquiry").basis
    assert "시행령 제14조제1호" in rule_for("inquiry_legal").basis
    assert "제1항" not in rule_for("inquiry").basis
    # the ACRC's 60 days are 시행령 제42조①, not 법 제43조 (transfers)
    assert "시행령 제42조제1항" in rule_for("grievance").basis
    assert "제43조" not in rule_for("grievance").basis
    assert rule_for("grievance") is rule_for("grievance")  # table read once, cached


def test_rule_table_file_is_well_formed() -> None:
    raw = json.loads(resource_path("rules", "deadlines.json").read_text(encoding="utf-8"))
    ids = [r["rule"] for r in raw["rules"]]
    assert len(ids) == len(set(ids))
    assert set(raw["kinds"]) == set(KINDS)
    assert [r.rule for r in all_rules()] == ids
    assert raw["counting"]["hours_per_day"] == 8


def test_unknown_kind_is_a_validation_error_on_the_kind_field() -> None:
    with pytest.raises(ValidationError) as info:
        rule_for("complaint_about_weather")
    assert info.value.field == "kind"
    assert info.value.code == "unknown_kind"
    with pytest.raises(ValidationError):
        statutory_deadline("nope", _kst("2026-11-26T10:00"))


def test_malformed_table_is_refused() -> None:
    raw = json.loads(resource_path("rules", "deadlines.json").read_text(encoding="utf-8"))
    raw["kinds"]["inquiry"] = "no_such_rule"
    with pytest.raises(deadlines.RuleTableError) as info:
        deadlines._parse_table(raw)
    assert "no_such_rule" in str(info.value)


# --------------------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 9, 24),  # 추석 전날
        date(2026, 9, 25),  # 추석
        date(2026, 9, 26),  # 추석 다음날 (Saturday anyway)
        date(2026, 10, 5),  # 개천절 대체공휴일
        date(2027, 2, 6),  # 설날 전날
        date(2027, 2, 7),
        date(2027, 2, 8),
        date(2027, 2, 9),  # 설날 대체공휴일
        date(2026, 12, 25),
        date(2026, 11, 28),  # Saturday
        date(2026, 11, 29),  # Sunday
    ],
)
def test_non_working_days(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day", [date(2026, 9, 23), date(2026, 9, 28), date(2026, 10, 6), date(2027, 2, 10)]
)
def test_working_days_around_holidays(day: date) -> None:
    assert is_working_day(day)


# --------------------------------------------------------------------------- worked examples


@pytest.mark.parametrize(
    ("kind", "received", "due", "text"),
    [
        # 3 working hours inside one afternoon
        ("other", "2026-11-26T14:30", "2026-11-26T17:30", "2026-11-26 17:30"),
        # 2h Thursday afternoon, 1h Friday morning
        ("other", "2026-11-26T16:00", "2026-11-27T10:00", "2026-11-27 10:00"),
        # 1h Friday 17-18, then Monday 09-11
        ("other", "2026-11-27T17:00", "2026-11-30T11:00", "2026-11-30 11:00"),
        # received in the lunch hour: counting starts at 13:00
        ("immediate", "2026-11-26T12:20", "2026-11-26T16:00", "2026-11-26 16:00"),
        # received before opening: counting starts at 09:00 and may end at 12:00 sharp
        ("other", "2026-11-26T07:00", "2026-11-26T12:00", "2026-11-26 12:00"),
        # the lunch hour is skipped: 1.5h before noon, 1.5h after 13:00
        ("other", "2026-11-26T10:30", "2026-11-26T14:30", "2026-11-26 14:30"),
        # 3 working hours may end at the close of the day, not the next morning
        ("other", "2026-11-26T15:00", "2026-11-26T18:00", "2026-11-26 18:00"),
        # received after closing: next working morning
        ("other", "2026-11-26T19:00", "2026-11-27T12:00", "2026-11-27 12:00"),
        # received on a Saturday: Monday morning
        ("other", "2026-11-28T10:00", "2026-11-30T12:00", "2026-11-30 12:00"),
        # 1h Friday, Mon 10-05 is 개천절 대체공휴일, so Tuesday
        ("other", "2026-10-02T17:00", "2026-10-06T11:00", "2026-10-06 11:00"),
        # 2h Friday, then 설날 Sat-Tue (incl. substitute 02-09)
        ("other", "2027-02-05T16:00", "2027-02-10T10:00", "2027-02-10 10:00"),
        # 7 days, first day counted: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4
        ("inquiry", "2026-11-26T14:30", "2026-12-04T18:00", "2026-12-04"),
        # late receipt still counts its day
        ("inquiry", "2026-11-26T21:00", "2026-12-04T18:00", "2026-12-04"),
        # Saturday receipt: Mon 30 is day 1 → Tue 8
        ("inquiry", "2026-11-28T10:00", "2026-12-08T18:00", "2026-12-08"),
        # across 추석: 22, 23, (24-27), 28, 29, 30, 1, 2
        ("inquiry", "2026-09-22T10:00", "2026-10-02T18:00", "2026-10-02"),
        # across 개천절 substitute: 29, 30, 1, 2, (3-5), 6, 7, 8
        ("inquiry", "2026-09-29T10:00", "2026-10-08T18:00", "2026-10-08"),
        ("suggestion", "2026-11-26T10:00", "2026-12-15T18:00", "2026-12-15"),
        ("grievance", "2026-11-26T10:00", "2027-02-23T18:00", "2027-02-23"),
    ],
)
def test_worked_examples(kind: str, received: str, due: str, text: str) -> None:
    deadline = statutory_deadline(kind, datetime.fromisoformat(received))
    assert isinstance(deadline, Deadline)
    assert deadline.due == _kst(due)
    assert deadline.due.utcoffset() == timedelta(hours=9)
    assert deadline.text == text
    assert deadline.date == _kst(due).date()
    assert deadline.received_at == _kst(received)


def test_aware_receipt_in_another_zone_is_converted_to_kst() -> None:
    received = datetime(2026, 11, 26, 5, 30, tzinfo=timezone.utc)  # 14:30 KST
    deadline = statutory_deadline("other", received)
    assert deadline.received_at == _kst("2026-11-26T14:30")
    assert deadline.received_at.tzinfo is KST
    assert deadline.text == "2026-11-26 17:30"


def test_utc_evening_is_next_korean_day() -> None:
    # 2026-11-26 20:00 UTC is Friday 05:00 KST: the Korean day is what counts
    deadline = statutory_deadline("inquiry", datetime(2026, 11, 26, 20, 0, tzinfo=timezone.utc))
    assert deadline.received_at.date() == date(2026, 11, 27)
    assert deadline.text == "2026-12-07"


def test_a_date_is_not_a_receipt_time() -> None:
    with pytest.raises(ValidationError) as info:
        statutory_deadline("inquiry", date(2026, 11, 26))  # type: ignore[arg-type]
    assert info.value.field == "received_at"


def test_short_days_rule_is_counted_in_working_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """제19조①: a period of 5 days or less runs in hours, 8 to a day, from receipt."""
    table = deadlines._table()
    three_days = DeadlineRule("three_days", 3, "days", "테스트 제1조", "삼일")
    patched = dataclasses.replace(table, rules={**table.rules, "three_days": three_days})
    monkeypatch.setattr(deadlines, "_table", lambda: patched)
    deadline = statutory_deadline("three_days", _kst("2026-11-26T14:30"))
    # 24 working hours: Thu 3.5h, Fri 8h, Mon 8h, Tue 4.5h → Tue 14:30
    assert deadline.due == _kst("2026-12-01T14:30")
    assert deadline.text == "2026-12-01 14:30"


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(rule_id=rule_ids, received=receipts)
def test_due_is_on_a_working_day_and_after_receipt(rule_id: str, received: datetime) -> None:
    deadline = statutory_deadline(rule_id, received)
    assert _oracle_working_day(deadline.due.date())
    assert deadline.due > deadline.received_at
    assert deadline.received_at == received.replace(tzinfo=KST)


@settings(max_examples=150, deadline=None)
@given(rule_id=rule_ids, received=receipts)
def test_period_is_exactly_consumed(rule_id: str, received: datetime) -> None:
    rule = rule_for(rule_id)
    deadline = statutory_deadline(rule_id, received)
    if rule.unit == "hours":
        assert _working_time_between(deadline.received_at, deadline.due) == timedelta(
            hours=rule.period
        )
        # and it ends inside (or at the close of) a working period
        assert any(
            p_start < deadline.due.time() <= p_end for p_start, p_end in WORK_PERIODS
        )
    else:
        assert deadline.due.time() == time(18)
        days = _working_days_inclusive(deadline.received_at.date(), deadline.due.date())
        assert days == rule.period


@settings(max_examples=150, deadline=None)
@given(
    rule_id=rule_ids,
    first=receipts,
    gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
)
def test_later_receipt_never_gives_earlier_due(
    rule_id: str, first: datetime, gap: timedelta
) -> None:
    early = statutory_deadline(rule_id, first)
    late = statutory_deadline(rule_id, first + gap)
    assert late.due >= early.due


@settings(max_examples=100, deadline=None)
@given(received=receipts, offset_hours=st.integers(min_value=-12, max_value=14))
def test_zone_of_the_input_does_not_change_the_instant(
    received: datetime, offset_hours: int
) -> None:
    zone = timezone(timedelta(hours=offset_hours))
    as_kst = received.replace(tzinfo=KST)
    elsewhere = as_kst.astimezone(zone)
    for rule_id in ("other", "inquiry"):
        assert statutory_deadline(rule_id, elsewhere) == statutory_deadline(rule_id, received)


# --------------------------------------------------------------------------- appeal


def test_appeal_90_days_from_learning() -> None:
    result = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22))
    assert isinstance(result, AppealDeadline)
    assert result.from_learning == date(2026, 12, 21)
    assert result.from_disposition == date(2027, 3, 15)  # 2027-03-14 is a Sunday
    assert result.due == date(2026, 12, 21)
    assert "행정심판법 제27조" in result.basis


def test_appeal_bound_by_180_days_from_disposition() -> None:
    result = appeal_deadline(disposed_on=date(2026, 5, 1), learned_on=date(2026, 10, 1))
    assert result.from_learning == date(2026, 12, 30)
    assert result.from_disposition == date(2026, 10, 28)
    assert result.due == date(2026, 10, 28)


def test_appeal_last_day_on_weekend_moves_to_monday() -> None:
    # 2026-09-27 + 90 days = Sat 2026-12-26
    result = appeal_deadline(disposed_on=date(2026, 9, 27), learned_on=date(2026, 9, 27))
    assert result.due == date(2026, 12, 28)


def test_appeal_last_day_on_holiday_then_weekend_moves_to_monday() -> None:
    # 2026-09-26 + 90 days = Fri 2026-12-25 (성탄절), then Sat, Sun
    result = appeal_deadline(disposed_on=date(2026, 9, 26), learned_on=date(2026, 9, 26))
    assert result.due == date(2026, 12, 28)


def test_appeal_without_learning_date_uses_only_180_days() -> None:
    result = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=None)
    assert result.from_learning is None
    assert result.due == result.from_disposition == date(2027, 3, 15)


def test_appeal_learned_before_disposition_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 14))
    assert info.value.field == "disposition.learned_on"


def test_appeal_status_and_days_left() -> None:
    result = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22))
    due = date(2026, 12, 21)
    assert result.days_left(due) == 0
    assert result.status(due) == "near"
    assert result.status(due - timedelta(days=14)) == "near"
    assert result.status(due - timedelta(days=15)) == "ok"
    assert result.days_left(due + timedelta(days=1)) == -1
    assert result.status(due + timedelta(days=1)) == "past"


@settings(max_examples=150, deadline=None)
@given(
    disposed=st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)),
    delay=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
def test_appeal_properties(disposed: date, delay: int | None) -> None:
    learned = None if delay is None else disposed + timedelta(days=delay)
    result = appeal_deadline(disposed_on=disposed, learned_on=learned)
    assert _oracle_working_day(result.due)
    raw_ends = [disposed + timedelta(days=180)]
    if learned is not None:
        raw_ends.append(learned + timedelta(days=90))
    raw_end = min(raw_ends)
    # first day not counted, and rolled forward only over non-working days
    assert result.due >= raw_end
    assert all(
        not _oracle_working_day(raw_end + timedelta(days=n))
        for n in range((result.due - raw_end).days)
    )
    assert result.due <= result.from_disposition
    if result.from_learning is not None:
        assert result.due == min(result.from_learning, result.from_disposition)
