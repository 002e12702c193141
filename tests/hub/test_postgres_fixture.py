"""Without PostgreSQL binaries its tests are skipped loudly — and fail in CI."""

from __future__ import annotations

import pytest

from tests.hub import fixtures


def test_missing_binaries_skip_with_the_reason_or_fail_when_required(monkeypatch):
    monkeypatch.setattr(fixtures, "find_postgres_bin", lambda: None)
    monkeypatch.delenv("FIELDBUS_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="did NOT run"):
        fixtures.postgres_binaries()
    monkeypatch.setenv("FIELDBUS_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="FIELDBUS_REQUIRE_POSTGRES=1 requires"):
        fixtures.postgres_binaries()


def test_the_server_starts_even_as_root(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
