"""Issue 11: each processing-period rule against the sentence quoted from the statute.

Every expected date below was counted by hand from the quoted text (the arithmetic is in
the comments), over the 2026–2027 calendar of 관공서의 공휴일에 관한 규정 as amended by
대통령령 제36290호 (노동절 5월 1일 and 제헌절 7월 17일 are public holidays, with
대체공휴일, from 2026). The counting rule is 민원 처리에 관한 법률 제19조:
① periods of 5 days or less run in working hours from the moment of receipt, 8 a day;
② periods of 6 days or more run in days, the first day counted, Saturdays and public
holidays not counted. Working hours are 09:00–18:00 with lunch 12:00–13:00 (국가공무원
복무규정 제9조②). A day-counted period ends at 18:00 of its last day.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sync import deadlines, rule_tables
from sync.deadlines import KST, complaint_deadline, extend, statutory_deadline
from fieldbus.domain.errors import ValidationError


def _kst(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=KST)


def _due(kind: str, received: str) -> datetime:
    return statutory_deadline(kind, _kst(received)).due


# --------------------------------------------------------------------------- the calendar


@pytest.mark.parametrize("day,name", [
    (date(2026, 5, 1), "노동절"),  # 제2조제6호, a Friday
    (date(2026, 7, 17), "제헌절"),  # 제2조제2호 (국경일) from 2026-05-11, a Friday
    (date(2027, 5, 3), "노동절"),  # 2027-05-01 is a Saturday → 제3조①1: Monday 05-03
    (date(2027, 7, 19), "제헌절"),  # 2027-07-17 is a Saturday → 제3조①1: Monday 07-19
    (date(2026, 6, 3), "선거"),  # 제2조제10호의2: 지방선거
])
def test_2026_amendment_holidays_are_not_working_days(day: date, name: str) -> None:
    assert not deadlines.is_working_day(day)
    found = deadlines.holiday_name(day)
    assert found is not None and found[1] == "holidays"
    assert name in found[0]


def test_the_extra_table_ships_empty_and_says_why() -> None:
    table = rule_tables.holidays_extra_table()
    assert table["holidays"] == []  # no 임시공휴일 designated for 2026–27 was found
    assert "제2조제11호" in table["basis"]
    assert "정부에서 수시 지정하는 날" in "".join(table["text"])
    assert "찾지 못했다" in table["note"]


# --------------------------------------------------------------------------- the rules


def test_grievance_acrc_60_days_from_2026_04_28() -> None:
    # 시행령 제42조①: 60 days; counted per 법 제19조② (day 1 = the day of receipt).
    # 04-28 Tue=1, 29=2, 30=3; 05-01 노동절; 05-04=4; 05-05 어린이날; 05-06..08=5..7;
    # 05-11..15=8..12; 05-18..22=13..17; 05-25 대체(부처님오신날); 05-26..29=18..21;
    # 06-01=22, 06-02=23, 06-03 지방선거, 06-04=24, 06-05=25; 06-08..12=26..30;
    # 06-15..19=31..35; 06-22..26=36..40; 06-29..07-03=41..45; 07-06..10=46..50;
    # 07-13..16=51..54, 07-17 제헌절; 07-20..24=55..59; 07-27 (Mon) = 60.
    assert _due("grievance", "2026-04-28T10:00") == _kst("2026-07-27T18:00")


def test_report_60_days_from_2027_04_26() -> None:
    # 법 제59조⑧ / 공익신고자 보호법 시행령 제8조①: 60 days, counted as above.
    # 04-26..30=1..5; 05-03 대체(노동절); 05-04=6; 05-05 어린이날; 05-06=7, 05-07=8;
    # 05-10..12=9..11, 05-13 부처님오신날, 05-14=12; 05-17..21=13..17; 05-24..28=18..22;
    # 05-31=23; 06-01..04=24..27; (06-06 현충일 is a Sunday, no 대체) 06-07..11=28..32;
    # 06-14..18=33..37; 06-21..25=38..42; 06-28..07-02=43..47; 07-05..09=48..52;
    # 07-12..16=53..57; 07-19 대체(제헌절); 07-20=58, 07-21=59, 07-22 = 60.
    assert _due("report", "2027-04-26T09:00") == _kst("2027-07-22T18:00")


def test_inquiry_across_chuseok_2026() -> None:
    # 시행령 제14조제2호: 7 days. 09-22 Tue=1, 09-23=2, 09-24/25 추석 전날·추석,
    # 09-26/27 weekend, 09-28=3, 09-29=4, 09-30=5, 10-01=6, 10-02 (Fri) = 7.
    assert _due("inquiry", "2026-09-22T14:00") == _kst("2026-10-02T18:00")
    # 제14조제1호: 14 days. …10-02=7; 10-05 대체(개천절); 10-06..08=8..10;
    # 10-09 한글날; 10-12..15=11..14 → Thursday 10-15.
    assert _due("inquiry_legal", "2026-09-22T14:00") == _kst("2026-10-15T18:00")


def test_other_three_working_hours_across_the_lunch_break() -> None:
    # 시행령 제16조①·제19조: 즉시 = 3근무시간. 11:00–12:00 = 1 h, lunch 12–13 not
    # counted (복무규정 제9조②), 13:00–15:00 = 2 h → 15:00.
    assert _due("other", "2026-07-16T11:00") == _kst("2026-07-16T15:00")
    # 16:30–18:00 = 1.5 h; 07-17 제헌절, 07-18/19 weekend; 07-20 09:00–10:30 = 1.5 h.
    assert _due("immediate", "2026-07-16T16:30") == _kst("2026-07-20T10:30")


def test_grievance_agency_7_days_over_buddhas_birthday_and_election_day() -> None:
    # 시행령 제17조①: 7 days. 05-04 Mon=1, 05-05 어린이날, 05-06..08=2..4, 05-11..13=5..7.
    assert _due("grievance_agency", "2026-05-04T10:00") == _kst("2026-05-13T18:00")


def test_passive_admin_is_an_internal_target_not_a_legal_period() -> None:
    rule = deadlines.rule_for("passive_admin")
    assert rule.statutory is False
    assert rule.period == 7  # the "target" of the table
    assert "제18조의3" in rule.basis
    assert "내부 처리 목표" in rule.basis and "법정 처리기간이 아님" in rule.basis
    assert rule.law is not None and rule.law.restored  # 의3 restored, and said how
    assert rule.target_source and "확인하지 못함" in rule.target_source
    deadline = statutory_deadline("passive_admin", _kst("2026-05-04T10:00"))
    assert deadline.statutory is False
    # every other rule is law
    assert all(r.statutory for r in deadlines.all_rules() if r.rule != "passive_admin")


def test_every_rule_quotes_its_law_with_source_and_version() -> None:
    for rule in deadlines.all_rules():
        assert rule.law is not None
        assert rule.law.text and rule.law.source and rule.law.version
        assert "@" in rule.law.source  # mirror path @ commit
        assert "제" in rule.law.version and "호" in rule.law.version  # 공포번호
        assert "verify" not in rule.basis.lower()
    counting = deadlines.counting()
    assert counting.working_hours is not None
    assert "점심시간은 낮 12시부터 오후 1시까지" in counting.working_hours.text
    assert counting.office_hours is not None and counting.office_hours.restored
    assert "제8조의3" in counting.office_hours.basis


# --------------------------------------------------------------------------- anonymous


def test_an_anonymous_request_has_no_deadline() -> None:
    # 법 제2조제2호 단서 + 시행령 제2조①3: 성명·주소가 불명확한 자 is not a 민원인.
    assert complaint_deadline("grievance", _kst("2026-04-28T10:00"), anonymous=True) is None
    named = complaint_deadline("grievance", _kst("2026-04-28T10:00"), anonymous=False)
    assert named is not None and named.due == _kst("2026-07-27T18:00")
    with pytest.raises(ValidationError):  # an unknown kind is refused all the same
        complaint_deadline("weather", _kst("2026-04-28T10:00"), anonymous=True)
    why = deadlines.anonymous_basis()
    assert "제2조제1호·제2호" in why.basis and "시행령 제2조제1항제3호" in why.basis
    assert "성명ㆍ주소 등이 불명확한 자" in why.text


# --------------------------------------------------------------------------- extensions


def test_minwon_extension_once_then_once_more_with_consent() -> None:
    # 시행령 제21조①: within the period (7 days) once; a second time only with consent.
    first = statutory_deadline("grievance_agency", _kst("2026-05-04T10:00"))  # 05-13
    # +7 working days after 05-13: 05-14, 15, 18, 19, 20, 21, 22 → 05-22.
    once = extend(first, 7)
    assert once.due == _kst("2026-05-22T18:00") and once.extended_by == 7
    with pytest.raises(ValidationError) as over:
        extend(first, 8)  # more than the period
    assert over.value.code == "extension_over_limit"
    with pytest.raises(ValidationError) as consent:
        extend(once, 7, earlier=1)
    assert consent.value.code == "extension_consent"
    # with consent: 05-25 대체공휴일, 05-26..29 = 1..4, 06-01 = 5, 06-02 = 6,
    # 06-03 지방선거, 06-04 = 7.
    twice = extend(once, 7, earlier=1, consent=True)
    assert twice.due == _kst("2026-06-04T18:00")
    with pytest.raises(ValidationError) as third:
        extend(twice, 1, earlier=2, consent=True)
    assert third.value.code == "extension_too_many"


def test_acrc_grievance_extension_up_to_60_days_in_all() -> None:
    # 시행령 제42조① 단서: "60일의 범위에서" — the range, not the number of times.
    base = statutory_deadline("grievance", _kst("2026-04-28T10:00"))  # 07-27
    # +5: 07-28, 29, 30, 31, 08-03.
    assert extend(base, 5).due == _kst("2026-08-03T18:00")
    assert extend(base, 60).extended_by == 60  # at the limit: accepted
    with pytest.raises(ValidationError) as info:
        extend(extend(base, 30), 31)  # 61 in all
    assert info.value.code == "extension_over_limit"
    ext = deadlines.rule_for("grievance").extension
    assert ext is not None and ext.max == 60 and ext.times is None and ext.notice
    assert "제42조제1항 단서" in ext.law.basis


def test_report_extension_at_most_30() -> None:
    base = statutory_deadline("report", _kst("2027-04-26T09:00"))
    extend(base, 30)
    with pytest.raises(ValidationError):
        extend(base, 31)
    ext = deadlines.rule_for("report").extension
    assert ext is not None and ext.max == 30
    assert "제59조제8항" in ext.law.basis and "시행령 제8조제2항" in ext.law.basis


def test_a_rule_without_extension_refuses_one() -> None:
    base = statutory_deadline("passive_admin", _kst("2026-05-04T10:00"))
    with pytest.raises(ValidationError) as info:
        extend(base, 1)
    assert info.value.code == "extension_none"


# --------------------------------------------------------------------------- progress notice


def test_progress_notices() -> None:
    minwon = deadlines.progress_notice("inquiry")
    assert minwon is not None
    assert (minwon.after_days, minwon.repeats, minwon.online_waiver) == (30, True, True)
    assert "시행령 제23조" in minwon.law.basis
    assert "공개될 것임을 사전에 안내한 경우" in minwon.law.text
    acrc = deadlines.progress_notice("grievance")
    assert acrc is not None
    # 부패방지권익위법 시행령 제50조②: once after 30 days (or on request), no waiver.
    assert (acrc.after_days, acrc.repeats, acrc.online_waiver) == (30, False, False)
    assert "제50조제2항" in acrc.law.basis
    assert deadlines.progress_notice("report") is None


# --------------------------------------------------------------------------- holidays-extra


def test_a_designated_holiday_from_the_extra_table_moves_a_deadline(tmp_path, monkeypatch):
    """A made-up 임시공휴일 (test only, in a tmp table) on Friday 2026-10-02."""
    raw = {
        "version": "test", "basis": "관공서의 공휴일에 관한 규정 제2조제11호",
        "text": "11. 그 밖에 정부에서 수시 지정하는 날", "source": "test",
        "holidays": [{"date": "2026-10-02", "name": "임시공휴일(시험용)",
                      "basis": "제2조제11호", "text": "시험용 지정", "source": "test"}],
    }
    path = tmp_path / "holidays-extra.json"
    path.write_text(__import__("json").dumps(raw, ensure_ascii=False), encoding="utf-8")
    checked = rule_tables.check_holidays_extra(rule_tables.read(path), str(path))
    extra = deadlines._parse_extra(checked)
    monkeypatch.setattr(deadlines, "_extra_holidays", lambda: extra)
    deadlines._holidays_of.cache_clear()
    deadlines._add_working_days.cache_clear()
    try:
        assert not deadlines.is_working_day(date(2026, 10, 2))
        assert deadlines.holiday_name(date(2026, 10, 2)) == ("임시공휴일(시험용)",
                                                             "holidays-extra")
        # 09-22=1, 23=2, 28=3, 29=4, 30=5, 10-01=6, 10-02 임시, 10-05 대체, 10-06 = 7.
        assert _due("inquiry", "2026-09-22T14:00") == _kst("2026-10-06T18:00")
    finally:
        deadlines._holidays_of.cache_clear()
        deadlines._add_working_days.cache_clear()


def test_calendar_month_may_2026() -> None:
    days = deadlines.calendar_month(2026, 5)
    assert len(days) == 31
    first = days[0]
    assert (first.working, first.holiday, first.source) == (False, "노동절", "holidays")
    assert days[3].working and days[3].holiday is None  # 05-04 Monday
    assert days[1].weekend and not days[1].working and days[1].holiday is None  # Saturday
    assert [d.day.day for d in days if d.holiday] == [1, 5, 24, 25]
