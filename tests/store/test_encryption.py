"""Encryption at rest: the store's files reveal nothing without the key (DESIGN.md §6)."""

from __future__ import annotations

import secrets
import sqlite3

import pytest

from fieldbus.store import complaints, counsel
from fieldbus.store.errors import StoreKeyWrong
from fieldbus.store.sqlcipher import DatabaseError, connect
from fieldbus.store.store import DB_FILE, Store
from tests.conftest import sample
from tests.store.helpers import draft, files_state
from tests.conftest import PIN

# What complaint-01 and counsel-01 hold that must never be readable from the disk.
SECRETS = {
    "name": "김영수",
    "phone": "010-2345-6789",
    "title": "마을 진입로 포장 요청",
    "body": "마을진입로가 비만 오면",
    "address": "단계동길 12",
    "counsel notes": "소득 산정에 오류 가능성",
    "appellant": "한미경",
}


def _store_files(data_dir):
    return [p for p in data_dir.iterdir() if p.name.startswith(DB_FILE)]


def _assert_no_plaintext(data_dir) -> list[str]:
    """Every store file, raw: none holds any secret in UTF-8 (or UTF-16, SQLite's other
    text encoding). Returns the names of the files looked at."""
    looked = []
    for path in _store_files(data_dir):
        raw = path.read_bytes()
        looked.append(path.name)
        for what, text in SECRETS.items():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert text.encode(encoding) not in raw, f"{what} readable in {path.name}"
    return looked


def _fill(store) -> None:
    from fieldbus.domain.intake import parse_counsel

    complaints.add(store, draft(store), store.officer)
    session, _ = parse_counsel(sample("counsel-01.json"), now=store.clock())
    counsel.add(store, session, store.officer)


def test_saved_personal_data_is_not_in_the_files_before_or_after_a_checkpoint(cstore, data_dir):
    _fill(cstore)
    # Before a checkpoint the new pages are in the WAL, which must be encrypted too.
    wal = data_dir / (DB_FILE + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert DB_FILE + "-wal" in _assert_no_plaintext(data_dir)

    busy, _, moved = cstore.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0 and moved >= 0
    _assert_no_plaintext(data_dir)

    cstore.close()
    assert _assert_no_plaintext(data_dir) == [DB_FILE]  # WAL folded in and removed on close
    # Not even recognisable as SQLite: the header is encrypted as well.
    assert not (data_dir / DB_FILE).read_bytes().startswith(b"SQLite format 3\x00")


def test_the_data_really_is_there_for_the_right_key(cstore, data_dir, clock):
    """The negative checks above mean something only if the text was written at all."""
    _fill(cstore)
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        row = reopened.db.execute("SELECT title, petitioner FROM complaints").fetchone()
        assert row[0] == SECRETS["title"]
        assert SECRETS["phone"] in row[1] and SECRETS["name"] in row[1]


def test_the_standard_sqlite_library_cannot_read_the_file(cstore, data_dir):
    _fill(cstore)
    cstore.close()
    plain = sqlite3.connect(data_dir / DB_FILE)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


def test_a_wrong_key_is_refused_and_the_file_left_untouched(cstore, data_dir, clock):
    """Another laptop's key files (its store.json and keyslots.json, same officer and PIN)
    copied over this store's: the key they unwrap does not open this file."""
    _fill(cstore)
    cstore.close()
    other = data_dir.parent / "other"
    Store.create(other, device="C07", officer="홍길동", pin=PIN, clock=clock).close()
    for name in ("store.json", "keyslots.json"):
        (data_dir / name).write_bytes((other / name).read_bytes())
    before = files_state(data_dir)

    with pytest.raises(StoreKeyWrong, match="key does not open this store"):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)

    assert files_state(data_dir) == before
    with pytest.raises(DatabaseError):
        connect(data_dir / DB_FILE, secrets.token_bytes(32))
    assert files_state(data_dir) == before


def test_sqlcipher_is_in_use(store):
    (version,) = store.db.execute("PRAGMA cipher_version").fetchone()
    assert version and version.strip()


@pytest.mark.parametrize(("pragma", "expected"), [
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", 2),  # FULL: a citizen holding a receipt means the case is on disk
    ("secure_delete", 1),
])
def test_pragmas_are_in_force_on_create_and_on_open(data_dir, clock, pragma, expected):
    from tests.conftest import PIN

    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock) as made:
        assert made.db.execute(f"PRAGMA {pragma}").fetchone()[0] == expected
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as opened:
        assert opened.db.execute(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_foreign_keys_are_enforced(store):
    from fieldbus.store.sqlcipher import IntegrityError

    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        store.db.execute("INSERT INTO complaint_history (complaint_id, at, officer_id, action) "
                         "VALUES ('no-such-case', '2026-11-26', 'nobody', 'created')")


def test_connect_refuses_a_key_of_the_wrong_length(tmp_path):
    with pytest.raises(ValueError, match="32 bytes"):
        connect(tmp_path / "x.db", b"short")
    assert not (tmp_path / "x.db").exists()
