"""``complaint add`` / ``show`` with the intake fields issue 11 adds: 접수 안내 (민원처리법
시행령 제6조④), the read-back of an oral report (공익신고자 보호법 제8조③) and the
reporter's consent to disclosure of identity (부패방지권익위법 시행령 제55조①7), which
only a supervisor's ``show`` reveals."""

from __future__ import annotations

import json

from tests.cli.test_sealed_reports import OFFICER, SUPERVISOR, as_, report_intake, team  # noqa: F401


def _oral_report() -> dict:
    data = report_intake()
    data["petitioner"]["identity_disclosure"] = "agreed"
    data["oral_report"] = {"read_back": True, "at": "2026-11-26T10:20:00+09:00"}
    data["guidance"] = {"site_check": "조사기관이 정합니다"}
    return data


def test_the_new_fields_are_taken_from_json_and_shown(team):  # noqa: F811
    added = as_(team, OFFICER, "complaint", "add", "--json", team.write(_oral_report()))
    assert added.code == 0, added
    out = json.loads(added.out)
    assert out["petitioner"] == {"sealed": True}  # the officer never sees the answer
    assert out["oral_report"] == {"read_back": True, "at": "2026-11-26T10:20:00+09:00"}
    assert out["guidance"] == {"site_check": "조사기관이 정합니다"}
    receipt = out["receipt_no"]

    shown = as_(team, OFFICER, "complaint", "show", receipt, "--reason", "처리 확인")
    assert shown.code == 0, shown
    assert "sealed" in shown.out and "identity" not in shown.out and "agreed" not in shown.out
    assert "read back to the reporter 2026-11-26T10:20:00+09:00" in shown.out
    assert "site check  조사기관이 정합니다" in shown.out
    assert "procedure   국민권익위원회가 신고 내용을 확인한 뒤" in shown.out and "(default)" in shown.out

    shown = as_(team, SUPERVISOR, "complaint", "show", receipt, "--reason", "감독 확인")
    assert "identity    신분공개 동의 (disclosure agreed)" in shown.out
    data = json.loads(as_(team, SUPERVISOR, "complaint", "show", receipt, "--json",
                          "--reason", "감독 확인").out)
    assert data["petitioner"]["identity_disclosure"] == "agreed"


def test_an_oral_report_not_read_back_is_refused(team):  # noqa: F811
    data = _oral_report()
    data["oral_report"] = {"read_back": False}
    refused = as_(team, OFFICER, "complaint", "add", team.write(data))
    assert refused.code != 0
    assert "oral_report.read_back" in refused.err and "제8조③" in refused.err
