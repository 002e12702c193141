"""Issue 11, "Bad input": a rule table with an unknown key, a missing basis or an
unparseable date fails loudly, naming the file and the entry — on tmp copies of the real
tables, so every shipped table is also shown to pass."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from sync import deadlines, rule_tables
from sync.resources import resource_path
from sync.rule_tables import RuleTableError


def _copy(tmp_path: Path, name: str) -> tuple[Path, Any]:
    path = tmp_path / name
    shutil.copy(resource_path("rules", name), path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_every_shipped_table_passes() -> None:
    rule_tables.check_all()
    assert rule_tables.display_path(resource_path("rules", "deadlines.json")) == \
        "resources/rules/deadlines.json"


def _deadlines_error(path: Path) -> str:
    with pytest.raises(RuleTableError) as info:
        deadlines._parse_table(rule_tables.read(path), str(path))
    assert info.value.code == "rule_table_invalid"
    return str(info.value)


def test_unknown_key_names_file_and_entry(tmp_path) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    assert raw["rules"][3]["rule"] == "grievance"
    raw["rules"][3]["perod"] = raw["rules"][3].pop("period")  # the typo of the issue
    _write(path, raw)
    assert _deadlines_error(path) == f"{path}: rules[3] (grievance): unknown key 'perod'"


def test_missing_basis_names_file_and_entry(tmp_path) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    del raw["rules"][0]["basis"]
    _write(path, raw)
    assert _deadlines_error(path) == f"{path}: rules[0] (inquiry): missing 'basis'"


@pytest.mark.parametrize("key", ["text", "source", "version"])
def test_a_law_entry_without_its_quote_source_or_version_is_refused(tmp_path, key) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    del raw["counting"]["working_hours"][key]
    _write(path, raw)
    assert _deadlines_error(path) == f"{path}: counting.working_hours: missing {key!r}"


def test_bad_values_are_refused(tmp_path) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    raw["rules"][1]["period"] = 0
    _write(path, raw)
    assert "rules[1] (inquiry_legal): 'period' must be an integer of at least 1" in \
        _deadlines_error(path)
    path, raw = _copy(tmp_path, "deadlines.json")
    raw["counting"]["work_periods"][1][0] = "1300"
    _write(path, raw)
    assert "counting: unparseable time '1300'" in _deadlines_error(path)
    path, raw = _copy(tmp_path, "deadlines.json")
    raw["counting"]["work_periods"] = [["09:00", "18:00"]]  # lunch dropped: 9 hours
    _write(path, raw)
    assert "add up to 9 hours, not hours_per_day (8)" in _deadlines_error(path)


def test_a_statutory_rule_cannot_carry_a_target_nor_a_target_rule_a_period(tmp_path) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    passive = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "passive_admin")
    raw["rules"][passive]["period"] = raw["rules"][passive].pop("target")
    _write(path, raw)
    assert f"rules[{passive}] (passive_admin): a rule with \"statutory\": false has no " \
        "legal 'period'" in _deadlines_error(path)


def test_a_progress_notice_must_exist(tmp_path) -> None:
    path, raw = _copy(tmp_path, "deadlines.json")
    raw["rules"][0]["progress_notice"] = "weekly"
    _write(path, raw)
    assert "rules[0] (inquiry): 'progress_notice' names no entry" in _deadlines_error(path)


def test_broken_json_names_the_line(tmp_path) -> None:
    path, _ = _copy(tmp_path, "deadlines.json")
    path.write_text('{\n  "version": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(RuleTableError) as info:
        rule_tables.read(path)
    assert str(info.value).startswith(f"{path}: line 3: not valid JSON")


def test_unparseable_date_in_holidays_extra(tmp_path) -> None:
    path, raw = _copy(tmp_path, "holidays-extra.json")
    raw["holidays"] = [{"date": "2026-13-01", "name": "시험", "basis": "제2조제11호",
                        "text": "시험", "source": "test"}]
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_holidays_extra(rule_tables.read(path), str(path))
    assert str(info.value) == (f"{path}: holidays[0] (2026-13-01): unparseable date "
                               "'2026-13-01' in 'date' (YYYY-MM-DD)")


def test_holidays_extra_entry_without_basis(tmp_path) -> None:
    path, raw = _copy(tmp_path, "holidays-extra.json")
    raw["holidays"] = [{"date": "2026-10-02", "name": "시험", "text": "시험", "source": "t"}]
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_holidays_extra(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: holidays[0] (2026-10-02): missing 'basis'"


def test_retention_table_errors(tmp_path) -> None:
    path, raw = _copy(tmp_path, "retention.json")
    del raw["records"]["basis"]
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_retention(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: records: missing 'basis'"
    path, raw = _copy(tmp_path, "retention.json")
    raw["complaint"]["dayz"] = raw["complaint"].pop("days")
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_retention(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: complaint: unknown key 'dayz'"


def test_notices_table_errors(tmp_path) -> None:
    """Each notice follows its step and quotes its law; a notice moved to another step,
    or without its quote, is refused by name."""
    path, raw = _copy(tmp_path, "notices.json")
    raw["notices"]["extension"]["event"] = "assign"
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_notices(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: notices.extension: the extension notice follows " \
        "the 'extend' step"
    path, raw = _copy(tmp_path, "notices.json")
    del raw["notices"]["result"]["text"]
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_notices(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: notices.result: missing 'text'"


def test_a_top_level_typo_is_named_top_level(tmp_path) -> None:
    path, raw = _copy(tmp_path, "hub-retention.json")
    raw["verfy"] = "x"
    _write(path, raw)
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_hub_retention(rule_tables.read(path), str(path))
    assert str(info.value) == f"{path}: top level: unknown key 'verfy'"


def test_check_all_fails_at_start_up_on_a_broken_table(tmp_path, monkeypatch) -> None:
    """What the CLI's main and the window's start call: a bad packaged table stops it."""
    rules = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), rules)
    raw = json.loads((rules / "deadlines.json").read_text(encoding="utf-8"))
    raw["rules"][3]["perod"] = raw["rules"][3].pop("period")
    _write(rules / "deadlines.json", raw)
    monkeypatch.setattr(rule_tables, "resource_path", lambda *p: tmp_path.joinpath(*p))
    for cached in (rule_tables.check_all, rule_tables.deadlines_table):
        cached.cache_clear()
    try:
        with pytest.raises(RuleTableError) as info:
            rule_tables.check_all()
        assert str(info.value).endswith("deadlines.json: rules[3] (grievance): unknown key "
                                        "'perod'")
    finally:
        for cached in (rule_tables.check_all, rule_tables.deadlines_table):
            cached.cache_clear()
