"""sqlite-utils really drives sqlcipher3, so its own ``except`` clauses catch our errors.

sqlite-utils catches the errors of the module it imported. Had it imported the standard
library's ``sqlite3``, every ``except sqlite3.OperationalError`` inside it would let
sqlcipher3's errors through, and features such as ``drop(ignore=True)`` would crash.
"""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
import sys

import pytest

import fieldbus.store  # noqa: F401  (registers the driver before sqlite_utils is imported)
import sqlcipher3
import sqlite_utils
import sqlite_utils.db
import sqlite_utils.utils
from fieldbus.store.sqlcipher import connect
from tests.conftest import ROOT


@pytest.fixture
def db(tmp_path):
    database = connect(tmp_path / "scratch.db", secrets.token_bytes(32))
    yield database
    database.close()


def test_sqlite_utils_imported_sqlcipher3_as_its_driver():
    assert sqlite_utils.utils.sqlite3 is sqlcipher3
    assert sqlite_utils.db.sqlite3 is sqlcipher3
    assert sqlite_utils.utils.OperationalError is sqlcipher3.dbapi2.OperationalError
    assert sqlcipher3.dbapi2.OperationalError is not sqlite3.OperationalError


def test_the_store_connection_is_a_sqlcipher_connection(store):
    assert isinstance(store.db, sqlite_utils.Database)
    assert isinstance(store.db.conn, sqlcipher3.dbapi2.Connection)


def test_a_failing_execute_raises_sqlcipher3_errors(db):
    with pytest.raises(sqlcipher3.dbapi2.OperationalError, match="no such table") as caught:
        db.execute("SELECT * FROM no_such_table")
    assert not isinstance(caught.value, sqlite3.Error)


def test_duplicate_primary_key_is_a_sqlcipher3_integrity_error(db):
    db["t"].insert({"id": 1, "name": "하나"}, pk="id")
    try:
        db["t"].insert({"id": 1, "name": "둘"})
    except sqlcipher3.dbapi2.IntegrityError as exc:  # catchable as such
        assert "UNIQUE" in str(exc)
    else:
        pytest.fail("a duplicate primary key was accepted")
    assert [r["name"] for r in db["t"].rows] == ["하나"]


def test_error_paths_inside_sqlite_utils_catch_sqlcipher3_errors(db):
    # Each of these works only because sqlite-utils catches sqlcipher3's OperationalError.
    db["missing"].drop(ignore=True)
    assert db.cached_counts() == {}  # no counts table: an OperationalError swallowed inside
    assert db.supports_strict is True
    assert db.supports_on_conflict is True

    db["t"].insert({"id": 1, "x": "a"}, pk="id")
    db["t"].create_index(["x"], index_name="by_x")
    db["t"].create_index(["x"], index_name="by_x", find_unique_name=True)  # retries past it
    assert {i.name for i in db["t"].indexes} == {"by_x", "by_x_2"}

    with pytest.raises(sqlcipher3.dbapi2.OperationalError):
        db["missing"].drop()


def test_a_query_returning_rows_through_sqlite_utils(db):
    db["t"].insert_all([{"id": i, "word": w} for i, w in enumerate(["진입로", "소음"])], pk="id")
    assert list(db.query("SELECT word FROM t ORDER BY id")) == [{"word": "진입로"},
                                                               {"word": "소음"}]


def test_importing_sqlite_utils_first_is_refused():
    """Otherwise sqlite-utils would silently keep the standard library's error classes."""
    result = subprocess.run(
        [sys.executable, "-c", "import sqlite_utils\nimport fieldbus.store"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode != 0
    assert "ImportError: sqlite_utils was imported before fieldbus.store.sqlcipher" in result.stderr
