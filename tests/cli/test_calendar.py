"""``fieldbus calendar``: the days and hours the deadline calculator counts in, and the
start-up check of the rule tables (issue 11)."""

from __future__ import annotations

import json
import shutil

from fieldbus.domain import appeal
from sync import rule_tables
from sync.resources import resource_path
from fieldbus.services import startup
from tests.cli.conftest import Cli


def test_calendar_of_may_2026(cli: Cli) -> None:
    result = cli("calendar", "2026-05")
    assert result.code == 0, result
    lines = result.out_lines
    assert lines[0].startswith("2026-05  근무시간 09:00–12:00, 13:00–18:00 (1일 8시간)")
    assert "국가공무원 복무규정 제9조제2항" in lines[1]
    assert "민원 처리에 관한 법률 제19조" in lines[2]
    assert "2026-05-01 금 휴일  노동절 (holidays 패키지)" in lines
    assert "2026-05-02 토 휴일  토요일" in lines
    assert "2026-05-04 월 근무일" in lines
    # 05-24 (Sun) 부처님오신날 → 대체공휴일 Monday 05-25 (규정 제3조①1)
    assert "2026-05-25 월 휴일  부처님오신날 대체 휴일 (holidays 패키지)" in lines


def test_calendar_json(cli: Cli) -> None:
    result = cli("calendar", "2027-07", "--json")
    assert result.code == 0, result
    data = result.json()
    assert data["month"] == "2027-07" and data["hours_per_day"] == 8
    assert data["work_periods"] == [["09:00", "12:00"], ["13:00", "18:00"]]
    days = {d["date"]: d for d in data["days"]}
    assert len(days) == 31
    # 2027-07-17 (Sat) 제헌절 → 대체공휴일 Monday 07-19 (관공서의 공휴일에 관한 규정 제3조①1)
    assert days["2027-07-19"]["working"] is False and days["2027-07-19"]["status"] == "휴일"
    assert days["2027-07-19"]["source"] == "holidays" and days["2027-07-19"]["holiday"]
    assert days["2027-07-20"] == {"date": "2027-07-20", "weekday": "화", "working": True,
                                  "status": "근무일", "holiday": None, "source": None}


def test_calendar_refuses_a_bad_month(cli: Cli) -> None:
    result = cli("calendar", "2026-13")
    assert result.code != 0
    assert result.err_lines == ["error: month: must be YYYY-MM"]


def test_deadline_json_says_whether_the_period_is_law(cli: Cli) -> None:
    law = cli("deadline", "grievance", "--from", "2026-04-28T10:00", "--json").json()
    assert law["statutory"] is True and law["deadline"] == "2026-07-27"
    target = cli("deadline", "passive_admin", "--from", "2026-05-04", "--json").json()
    assert target["statutory"] is False and "내부 처리 목표" in target["basis"]


def test_a_broken_rule_table_stops_every_command_with_one_line(cli: Cli, tmp_path,
                                                                monkeypatch) -> None:
    rules = tmp_path / "res" / "rules"
    shutil.copytree(resource_path("rules"), rules)
    raw = json.loads((rules / "deadlines.json").read_text(encoding="utf-8"))
    raw["rules"][3]["perod"] = raw["rules"][3].pop("period")
    (rules / "deadlines.json").write_text(json.dumps(raw, ensure_ascii=False),
                                          encoding="utf-8")
    monkeypatch.setattr(rule_tables, "resource_path", lambda *p: (tmp_path / "res").joinpath(*p))
    startup.check_rule_tables.cache_clear()
    rule_tables.check_all.cache_clear()
    rule_tables.deadlines_table.cache_clear()
    try:
        result = cli("calendar", "2026-05")
        assert result.code == 1, result
        assert result.out == ""
        assert result.err_lines == [
            f"error: {rules / 'deadlines.json'}: rules[3] (grievance): unknown key 'perod'"]
    finally:
        startup.check_rule_tables.cache_clear()
        rule_tables.check_all.cache_clear()
        rule_tables.deadlines_table.cache_clear()


def test_a_broken_appeal_table_stops_every_command_too(cli: Cli, tmp_path, monkeypatch) -> None:
    """The counsel rules (행정심판법 제27조) are checked at start-up as well, not at first use."""
    shutil.copytree(resource_path(), tmp_path / "res")
    rules = tmp_path / "res" / "rules"
    raw = json.loads((rules / "appeal.json").read_text(encoding="utf-8"))
    raw["warn_dayz"] = raw.pop("warn_days")
    (rules / "appeal.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(appeal, "resource_path", lambda *p: (tmp_path / "res").joinpath(*p))
    for cached in (startup.check_rule_tables, appeal.counsel_rules):
        cached.cache_clear()
    try:
        result = cli("calendar", "2026-05")
        assert result.code == 1, result
        assert result.out == ""
        assert len(result.err_lines) == 1
        assert "appeal.json" in result.err_lines[0] and "warn_dayz" in result.err_lines[0]
    finally:
        for cached in (startup.check_rule_tables, appeal.counsel_rules):
            cached.cache_clear()
