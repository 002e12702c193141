"""Versioned migrations: a database made by an older hub is upgraded in place, keeping its
data; one made by a newer hub is refused."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sync.hub import auth, migrations
from sync.hub.db import connect
from tests.hub.fixtures import PASSWORD, hub_cli


def test_a_version_1_database_is_upgraded_and_keeps_its_data(hub_db_url):
    engine = connect(hub_db_url, migrate=False)
    try:
        assert migrations.migrate(engine, target=1) == 1
        with engine.begin() as conn:  # what a version-1 hub wrote (it had no audit table)
            conn.execute(migrations.users.insert().values(
                name="kim", role="officer", disabled=False, created_at="2026-11-01",
                password_hash=auth._hasher.hash(PASSWORD)))
            assert not sa.inspect(conn).has_table("audit")
        assert migrations.migrate(engine) == migrations.LATEST == 2
        with engine.connect() as conn:
            assert migrations.current_version(conn) == 2
            assert sa.inspect(conn).has_table("audit")
        assert auth.login(engine, "kim", PASSWORD)[1] == "officer"
        assert migrations.migrate(engine) == 2  # nothing left to do
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
