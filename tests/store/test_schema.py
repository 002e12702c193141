"""Schema versions: explicit, migrated step by step, a newer store refused untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldbus.receipts.issue import print_complaint
from fieldbus.store import complaints, schema
from fieldbus.store.errors import StoreTooNew
from fieldbus.store.schema import SCHEMA_VERSION, migrate, version_of
from fieldbus.store.store import Store
from tests.conftest import LEGACY_PIN, PIN
from tests.store.helpers import count, draft, files_state


def _ddl(store) -> list[tuple]:
    return store.db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_a_new_store_is_at_the_current_version(store):
    assert SCHEMA_VERSION >= 1
    assert version_of(store.db) == SCHEMA_VERSION
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = set(store.db.table_names())
    assert {"meta", "officers", "visits", "complaints", "complaints_fts", "complaint_history",
            "counsel_sessions", "outbox", "audit", "number_sequence"} <= tables


def test_a_store_from_a_newer_version_is_refused_and_left_untouched(cstore, data_dir, clock):
    complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    cstore.close()
    before = files_state(data_dir)

    with pytest.raises(StoreTooNew) as caught:
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)

    message = str(caught.value)
    assert "newer" in message
    assert f"schema {SCHEMA_VERSION + 1}" in message and f"up to {SCHEMA_VERSION}" in message
    assert "untouched" in message
    assert files_state(data_dir) == before
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(before)  # no -wal left behind


def test_reopening_migrates_nothing_and_keeps_everything(cstore, data_dir, clock):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    ddl = _ddl(cstore)
    cstore.close()
    for _ in range(2):
        with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
            assert version_of(reopened.db) == SCHEMA_VERSION
            assert migrate(reopened.db) == SCHEMA_VERSION  # the version it had: no step ran
            assert _ddl(reopened) == ddl
            assert complaints.get(reopened, saved.receipt_no).id == saved.id
            assert count(reopened, "complaints") == 1
            assert reopened.verify_audit().ok


def _v2_adds_a_table(db) -> None:
    db.execute("CREATE TABLE v2_notes (id INTEGER PRIMARY KEY, note TEXT)")


def test_an_older_store_is_migrated_step_by_step(cstore, data_dir, clock, monkeypatch):
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _v2_adds_a_table])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        assert version_of(reopened.db) == SCHEMA_VERSION + 1
        assert "v2_notes" in reopened.db.table_names()
        assert complaints.get(reopened, saved.receipt_no).id == saved.id
    with Store.open(data_dir,
                    officer="홍길동", pin=PIN, clock=clock) as again:  # and the step is not run twice
        assert version_of(again.db) == SCHEMA_VERSION + 1


def test_a_failing_step_leaves_the_store_at_the_version_before(cstore, data_dir, clock,
                                                               monkeypatch):
    """Each step commits with its version bump, so a failure (or power cut) half-way
    through a step leaves the previous version intact, not a mixture."""
    cstore.close()

    def broken_step(db) -> None:
        _v2_adds_a_table(db)
        raise RuntimeError("power cut")

    current = schema.MIGRATIONS
    monkeypatch.setattr(schema, "MIGRATIONS", [*current, broken_step])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)

    monkeypatch.setattr(schema, "MIGRATIONS", current)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION)
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        assert version_of(reopened.db) == SCHEMA_VERSION
        assert "v2_notes" not in reopened.db.table_names()


V1_STORE = Path(__file__).parent / "data" / "v1-store"


def test_a_store_written_by_schema_1_is_migrated_and_prints(tmp_path, clock):
    """A real store made by Fieldbus at schema 1 (tests/store/data/v1-store: `fieldbus
    setup`, a visit, complaint-01 and -05, counsel-01; key in a development key file)."""
    data_dir = tmp_path / "old"
    shutil.copytree(V1_STORE, data_dir)
    with Store.open(data_dir, officer="홍길동", pin=LEGACY_PIN, clock=clock) as store:
        assert version_of(store.db) == SCHEMA_VERSION
        assert len(bytes.fromhex(store.meta("device_key"))) == 32  # V3 made one
        assert count(store, "receipt_prints") == 0
        assert [c.draft.title for c in complaints.recent(store)] == [
            "익명 제보: 공사장 소음", "마을 진입로 포장 요청"]
        assert store.verify_audit().ok
        officer = store.sign_in("홍길동", LEGACY_PIN)
        out: list[bytes] = []
        printed = print_complaint(store, officer, "B07A-261127-0001-I", deliver=out.append)
        assert printed.issue.number == 1 and out[0].startswith(b"%PDF")
        assert count(store, "receipt_prints") == 1 and store.verify_audit().ok


def test_a_store_of_schema_11_gains_the_upload_queue_and_keeps_its_cases(cstore, data_dir,
                                                                         clock):
    case = complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.db.execute("DROP TABLE blob_uploads")
    cstore.db.execute("PRAGMA user_version = 11")
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as upgraded:
        assert version_of(upgraded.db) == SCHEMA_VERSION
        assert count(upgraded, "blob_uploads") == 0
        assert complaints.get(upgraded, case.receipt_no).draft.title == case.draft.title
