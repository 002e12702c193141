"""Versioned migrations: a database made by an older hub is upgraded in place, keeping its
data; one made by a newer hub is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from sync import deadlines
from sync.hub import auth, migrations
from sync.hub.db import connect
from tests.hub.fixtures import PASSWORD, hub_cli
from tests.hub.helpers import complaint


def test_a_version_1_database_is_upgraded_and_keeps_its_data(hub_db_url):
    engine = connect(hub_db_url, migrate=False)
    try:
        assert migrations.migrate(engine, target=1) == 1
        with engine.begin() as conn:  # what a version-1 hub wrote (it had no audit table)
            conn.execute(migrations.users.insert().values(
                name="kim", role="officer", disabled=False, created_at="2026-11-01",
                password_hash=auth._hasher.hash(PASSWORD)))
            assert not sa.inspect(conn).has_table("audit")
        assert migrations.migrate(engine) == migrations.LATEST
        with engine.connect() as conn:
            assert migrations.current_version(conn) == migrations.LATEST
            assert sa.inspect(conn).has_table("audit")
        assert auth.login(engine, "kim", PASSWORD)[1] == "officer"
        assert migrations.migrate(engine) == migrations.LATEST  # nothing left to do
    finally:
        engine.dispose()


def test_a_version_2_hub_keeps_its_enrolled_devices_and_their_blobs(hub_db_url):
    """Step 3: devices enrolled before registration existed count as registered; a blob
    belongs to the devices whose records name it."""
    engine = connect(hub_db_url, migrate=False)
    try:
        assert migrations.migrate(engine, target=2) == 2
        with engine.begin() as conn:  # what a version-2 hub wrote
            conn.execute(migrations.users.insert().values(
                name="kim", role="officer", disabled=False, created_at="2026-11-01",
                password_hash=auth._hasher.hash(PASSWORD)))
            for code in ("B07A", "C09"):
                conn.execute(migrations.devices.insert().values(
                    code=code, key_hash=auth.token_hash(f"key-of-{code}-0123456789"),
                    qr_secret="ab" * 32, token_hash=None, revoked=False, enrolled_by=1,
                    enrolled_at="2026-11-02"))
            for sha in ("a" * 64, "b" * 64):
                conn.execute(migrations.blobs.insert().values(sha256=sha, size=1, data=b"x",
                                                              stored_at="2026-11-03"))
            content = complaint(1, signature={"sha256": "a" * 64, "size": 1},
                                attachments=[{"sha256": "c" * 64, "size": 1}])
            conn.execute(migrations.records.insert().values(
                id="r1", type="complaint", device_id=1, version=1, content_hash="0" * 64,
                content=json.dumps(content), receipt_no=content["receipt_no"],
                synced_at="2026-11-03", review_state="received"))
        assert migrations.migrate(engine) == migrations.LATEST
        with engine.connect() as conn:
            registered = conn.execute(sa.select(migrations.registered_devices)).all()
            owned = conn.execute(sa.select(migrations.blob_owners)).all()
        assert sorted((row.code, row.registered_at) for row in registered) == [
            ("B07A", "2026-11-02"), ("C09", "2026-11-02")]
        assert [(row.sha256, row.device_id) for row in owned] == [("a" * 64, 1)]
        # … so the laptop that was enrolled can enrol again (its answer was lost).
        assert auth.enrol(engine, username="kim", password=PASSWORD, code="B07A",
                          device_key="key-of-B07A-0123456789", qr_secret="ab" * 32)
    finally:
        engine.dispose()


def test_a_database_from_a_newer_hub_is_refused(hub_db_url):
    engine = connect(hub_db_url)
    try:
        with engine.begin() as conn:
            conn.execute(migrations.schema_version.update().values(version=99))
        with pytest.raises(migrations.SchemaTooNew):
            migrations.migrate(engine)
    finally:
        engine.dispose()
    done = hub_cli(hub_db_url, "cases")
    assert done.returncode == 3 and "schema version 99" in done.stderr


def test_cases_from_before_the_workflow_get_their_deadline_and_queue_columns(hub_db_url):
    """Step _review_workflow: a case stored before has revision 1, the deadline the laptop
    printed (counted again from the kind when the laptop did not send it), and the
    columns the queue filters and searches by."""
    engine = connect(hub_db_url, migrate=False)
    before = migrations.STEPS.index(migrations._review_workflow)
    try:
        assert migrations.migrate(engine, target=before) == before
        with engine.begin() as conn:
            conn.execute(migrations.users.insert().values(
                name="kim", role="officer", disabled=False, created_at="2026-11-01",
                password_hash=auth._hasher.hash(PASSWORD)))
            conn.execute(migrations.devices.insert().values(
                code="B07A", key_hash="0" * 64, qr_secret="ab" * 32, token_hash=None,
                revoked=False, enrolled_by=1, enrolled_at="2026-11-02"))
            for rid, content in (("r1", complaint(1, title="도로포장 요청")),
                                 ("r2", complaint(2, deadline_due="2026-12-24T18:00:00+09:00",
                                                  deadline_rule="grievance"))):
                conn.execute(migrations.records.insert().values(
                    id=rid, type="complaint", device_id=1, version=1, content_hash="0" * 64,
                    content=json.dumps(content), receipt_no=content["receipt_no"],
                    received_at=content["received_at"], synced_at="2026-11-26",
                    review_state="received"))
        assert migrations.migrate(engine) == migrations.LATEST
        with engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(sa.select(migrations.records))}
    finally:
        engine.dispose()
    assert rows["r1"].case_version == 1 and rows["r1"].kind == "grievance"
    assert rows["r1"].region == "경상북도 구미시" and "도로포장" in rows["r1"].search_text
    counted = deadlines.statutory_deadline("grievance", dt.datetime.fromisoformat(
        complaint(1)["received_at"]))
    assert rows["r1"].deadline_due == counted.due.isoformat() == "2027-02-23T18:00:00+09:00"
    assert rows["r1"].deadline_rule == "grievance"
    assert rows["r2"].deadline_due == "2026-12-24T18:00:00+09:00"  # as the laptop sent it
