"""The hub seals a public-interest reporter from what it first received (issue 9 §3).

Attack, seen succeeding on the hub before the defence: a device pushes a case as a
report, then a later version with another kind; an officer's ``GET /api/v1/cases``
then shows the reporter.
"""

from __future__ import annotations

import json

import httpx
import sqlalchemy as sa

from sync import protocol
from sync.hub.migrations import STEPS
from tests.hub.helpers import bearer, complaint, outcomes, push, record

REPORTER = "최제보"


def _listed(bus, token: str) -> dict[str, dict]:
    answer = httpx.get(bus.url + protocol.CASES, headers=bearer(token))
    assert answer.status_code == 200, answer.text
    return {c["id"]: c for c in answer.json()["cases"]}


def _report(**changes):
    petitioner = {**complaint()["petitioner"], "name": REPORTER}
    return complaint(1, kind="report", petitioner=petitioner, **changes)


def test_a_later_version_with_another_kind_does_not_unseal_the_reporter(bus):
    first = _report()
    assert outcomes(push(bus.url, bus.device_token, [record("r1", first)])) == ["accepted"]
    assert _listed(bus, bus.officer_token)["r1"]["petitioner"] == {"sealed": True}

    unsealed = {**first, "kind": "grievance"}
    assert outcomes(push(bus.url, bus.device_token,
                         [record("r1", unsealed, version=2, base=1)])) == ["accepted"]
    assert _listed(bus, bus.officer_token)["r1"]["petitioner"] == {"sealed": True}
    again = {**first, "title": "보조금 부정수급 신고 (보완)"}
    assert outcomes(push(bus.url, bus.device_token,
                         [record("r1", again, version=3, base=2)])) == ["accepted"]

    kim = _listed(bus, bus.officer_token)["r1"]
    assert kim["petitioner"] == {"sealed": True}
    assert kim["content"]["petitioner"] == {"sealed": True}
    assert REPORTER not in json.dumps(kim, ensure_ascii=False)
    # The hub's supervisors still see the reporter, and the hub's admin CLI too.
    assert _listed(bus, bus.supervisor_token)["r1"]["petitioner"]["name"] == REPORTER
    assert REPORTER in bus.hub.cli("cases", "--json").stdout


def test_a_case_first_received_as_a_grievance_is_sealed_once_a_version_is_a_report(bus):
    plain = complaint(1, petitioner={**complaint()["petitioner"], "name": REPORTER})
    push(bus.url, bus.device_token, [record("g1", plain)])
    assert _listed(bus, bus.officer_token)["g1"]["petitioner"]["name"] == REPORTER
    as_report = {**plain, "kind": "report"}
    push(bus.url, bus.device_token, [record("g1", as_report, version=2, base=1)])
    back = {**plain, "title": "다시 고충"}
    push(bus.url, bus.device_token, [record("g1", back, version=3, base=2)])
    assert _listed(bus, bus.officer_token)["g1"]["petitioner"] == {"sealed": True}


def test_the_upgrade_seals_records_that_were_reports_in_any_version(tmp_path):
    """A hub that took the attack before this step: the step seals from the versions."""
    from sync.hub.db import connect
    from sync.hub.migrations import devices, record_versions, records, users

    step = next(s for s in STEPS if s.__name__ == "_seal_reports")
    engine = connect(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        first, later = _report(), {**_report(), "kind": "grievance"}
        with engine.begin() as conn:
            conn.execute(users.insert().values(id=1, name="kim", password_hash="x",
                                               role="officer", disabled=False, created_at="t"))
            conn.execute(devices.insert().values(id=1, code="B07A", key_hash="k" * 64,
                                                 qr_secret="q" * 64, enrolled_by=1,
                                                 enrolled_at="t", revoked=False))
            conn.execute(records.insert().values(
                id="r1", type="complaint", device_id=1, version=2,
                content_hash=protocol.content_hash(later),
                content=protocol.canonical_json(later).decode(), receipt_no=later["receipt_no"],
                synced_at="t", review_state="received"))
            for version, content in ((1, first), (2, later)):
                conn.execute(record_versions.insert().values(
                    record_id="r1", version=version, content_hash=protocol.content_hash(content),
                    content=protocol.canonical_json(content).decode(), stored_at="t"))
        with engine.begin() as conn:  # the rows a hub before the step held; now the step
            step(conn)
        from sync.hub.auth import Person
        from sync.hub.cases import list_cases

        kim = Person(id=1, name="kim", role="officer")
        (entry,) = list_cases(engine, kim)
        assert entry["petitioner"] == {"sealed": True}
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM sealed_records")).scalar() == 1
    finally:
        engine.dispose()
