"""``fieldbus complaint edit`` as a correction (issue 12): an optional ``--reason`` kept in
the audit log; only the officer who took the case or a supervisor may correct it (exit 4,
one line, for a colleague); scripts without ``--reason`` keep working."""

from __future__ import annotations

import json

from tests.cli.test_sealed_reports import OFFICER, PINS, SUPERVISOR, as_, team  # noqa: F401
from tests.cli.conftest import sample

COLLEAGUE = "오세진"  # the team's counsel: a colleague who did not take the case


def _edits(cli) -> list[tuple[str, str | None]]:
    from fieldbus.store.store import Store

    with Store.open(cli.data_dir, officer=SUPERVISOR, pin=PINS[SUPERVISOR]) as store:
        return store.db.execute(
            "SELECT o.name, a.reason FROM audit a LEFT JOIN officers o ON o.id = a.officer_id "
            "WHERE a.action = 'complaint_edited' ORDER BY a.seq").fetchall()


def test_a_correction_keeps_its_reason_and_a_colleague_is_refused(team):  # noqa: F811
    added = as_(team, OFFICER, "complaint", "add", team.write(sample("complaint-01.json")))
    receipt = added.out.strip()
    fixed = as_(team, OFFICER, "complaint", "edit", receipt, "-", "--reason",
                "전화번호 잘못 들음", stdin=json.dumps({"petitioner": {"phone": "010-2345-6780"}}))
    assert fixed.code == 0, fixed
    assert "version 2" in fixed.out
    plain = as_(team, OFFICER, "complaint", "edit", receipt, "-",
                stdin=json.dumps({"title": "마을 진입로 포장 재요청"}))
    assert plain.code == 0, plain  # without --reason, as scripts call it
    refused = as_(team, COLLEAGUE, "complaint", "edit", receipt, "-", "--reason", "고쳐 봄",
                  stdin=json.dumps({"title": "남이 고친 제목"}))
    assert refused.code == 4, refused
    assert len(refused.err_lines) == 1 and "took this case" in refused.err_lines[0], refused
    boss = as_(team, SUPERVISOR, "complaint", "edit", receipt, "-", "--reason", "제목 보완",
               stdin=json.dumps({"title": "마을 진입로 포장 요청 (보완)"}))
    assert boss.code == 0, boss
    assert _edits(team) == [(OFFICER, "전화번호 잘못 들음"), (OFFICER, None),
                            (SUPERVISOR, "제목 보완")]
