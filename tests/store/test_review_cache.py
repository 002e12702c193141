"""The review workspace's offline copies: kept only in the encrypted store, every read
audited, destroyed after the ``review_cache`` rule (7 days) with the start-up retention
run, and all at once when the supervisor leaves the hub account."""

from __future__ import annotations

import json
import shutil

import pytest

from fieldbus.store import retention, review_cache, schema
from fieldbus.store.store import DB_FILE, Store
from sync import rule_tables
from sync.resources import resource_path
from sync.rule_tables import RuleTableError
from tests.conftest import PIN
from tests.store.helpers import audit_rows, count

#: A made-up petitioner, in syllables no other test data uses.
NAME = "뷁쀍똠"
PHONE = "010-9753-1357"
PAGE = {"cases": [{"receipt_no": "B07A-20261126-0001", "title": "마을 진입로 포장 요청",
                   "petitioner": {"name": NAME, "phone": PHONE}}],
        "total": 1, "next_offset": None}


def _actions(store) -> list[str]:
    return [row["action"] for row in audit_rows(store)]


def test_a_copy_is_kept_read_back_and_replaced(cstore, clock):
    key = 'page:{"q": ""}:0:50'
    assert review_cache.read(cstore, key, by=cstore.officer) is None
    review_cache.keep(cstore, key, PAGE, by=cstore.officer)
    body, fetched_at = review_cache.read(cstore, key, by=cstore.officer)
    assert body == PAGE and fetched_at == clock().isoformat()

    later = clock.advance(minutes=5)
    review_cache.keep(cstore, key, ["a list", 2], by=cstore.officer)
    assert review_cache.read(cstore, key, by=cstore.officer) == (["a list", 2],
                                                                 later.isoformat())
    assert count(cstore, "review_cache") == 1


def test_every_read_is_audited_and_keeping_is_not(cstore):
    review_cache.keep(cstore, "case:B07A-20261126-0001", PAGE, by=cstore.officer)
    assert "review_cache_read" not in _actions(cstore)
    review_cache.read(cstore, "case:B07A-20261126-0001", by=cstore.officer)
    review_cache.read(cstore, "case:B07A-20261126-0001", by=cstore.officer)
    reads = [row for row in audit_rows(cstore) if row["action"] == "review_cache_read"]
    assert [(r["officer_id"], r["details"]) for r in reads] == \
        [(cstore.officer.id, {"key": "case:B07A-20261126-0001"})] * 2
    assert NAME not in repr(audit_rows(cstore))
    assert cstore.verify_audit().ok


def test_the_copy_is_not_readable_in_a_copied_data_folder(cstore, data_dir, tmp_path):
    """The attack: someone copies the laptop's data folder and reads its files."""
    review_cache.keep(cstore, "page:0", PAGE, by=cstore.officer)
    copied = tmp_path / "copied"
    shutil.copytree(data_dir, copied)  # with the write-ahead log, before any checkpoint
    cstore.close()
    shutil.copytree(data_dir, tmp_path / "after-close")
    files = [p for folder in (copied, tmp_path / "after-close")
             for p in folder.iterdir() if p.name.startswith(DB_FILE)]
    assert any(p.name == DB_FILE for p in files)
    for path in files:
        raw = path.read_bytes()
        for secret in (NAME, PHONE, "진입로"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in raw, f"{secret} readable in {path.name}"
    with Store.open(data_dir, officer="홍길동", pin=PIN) as reopened:  # and it is all there
        officer = reopened.sign_in("홍길동", PIN)
        assert review_cache.read(reopened, "page:0", by=officer)[0] == PAGE


def test_copies_older_than_the_rule_are_purged_by_the_start_up_run(cstore, clock):
    rule = retention.rule("review_cache")
    assert rule.days == 7 and "제21조" in rule.basis and "불필요하게 되었을 때" in rule.basis
    review_cache.keep(cstore, "page:old", PAGE, by=cstore.officer)
    clock.advance(days=3)
    review_cache.keep(cstore, "page:new", PAGE, by=cstore.officer)
    clock.advance(days=rule.days - 3)
    retention.purge(cstore, cstore.officer)  # exactly 7 days: not yet older
    assert count(cstore, "review_cache") == 2 and "review_cache_purged" not in _actions(cstore)

    clock.advance(seconds=1)
    retention.purge(cstore, cstore.officer)
    assert review_cache.read(cstore, "page:old", by=cstore.officer) is None
    assert review_cache.read(cstore, "page:new", by=cstore.officer)[0] == PAGE
    purged = [row for row in audit_rows(cstore) if row["action"] == "review_cache_purged"]
    assert [row["details"] for row in purged] == [{"entries": 1, "rule": rule.version}]
    assert cstore.db.execute("SELECT key FROM review_cache").fetchall() == [("page:new",)]
    assert cstore.verify_audit().ok


def test_a_purge_with_nothing_due_writes_nothing(cstore, clock):
    review_cache.keep(cstore, "page:0", PAGE, by=cstore.officer)
    before = count(cstore, "audit")
    assert review_cache.purge(cstore, cstore.officer) == 0
    clock.advance(days=8)
    assert review_cache.purge(cstore, cstore.officer) == 1
    assert review_cache.purge(cstore, cstore.officer) == 0  # idempotent
    assert count(cstore, "audit") == before + 1


def test_forget_destroys_every_copy_and_says_how_many(cstore):
    for key in ("page:0", "page:50", "case:B07A-20261126-0001"):
        review_cache.keep(cstore, key, PAGE, by=cstore.officer)
    assert review_cache.forget(cstore, by=cstore.officer) == 3
    assert count(cstore, "review_cache") == 0
    assert review_cache.read(cstore, "page:0", by=cstore.officer) is None
    assert review_cache.forget(cstore, by=None) == 0
    cleared = [(row["officer_id"], row["details"]) for row in audit_rows(cstore)
               if row["action"] == "review_cache_cleared"]
    assert cleared == [(cstore.officer.id, {"entries": 3}), (None, {"entries": 0})]
    assert cstore.verify_audit().ok


def test_an_older_store_gains_the_table_at_its_upgrade(cstore, data_dir, clock):
    # A store of schema 10, before the review cache (step 11) and what came after it.
    cstore.db.execute("DROP TABLE review_cache")
    cstore.db.execute("DROP TABLE blob_uploads")
    cstore.db.execute("PRAGMA user_version = 10")
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as upgraded:
        assert schema.version_of(upgraded.db) == schema.SCHEMA_VERSION
        indexes = {row[0] for row in upgraded.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'review_cache'").fetchall()}
        assert "review_cache_fetched" in indexes


@pytest.mark.parametrize("broken", ["missing", "no basis", "zero days"])
def test_the_rule_table_check_requires_the_review_cache_rule(tmp_path, broken):
    path = tmp_path / "retention.json"
    raw = json.loads(resource_path("rules", "retention.json").read_text(encoding="utf-8"))
    if broken == "missing":
        del raw["review_cache"]
    elif broken == "no basis":
        del raw["review_cache"]["basis"]
    else:
        raw["review_cache"]["days"] = 0
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleTableError) as info:
        rule_tables.check_retention(rule_tables.read(path), str(path))
    expected = {"missing": f"{path}: top level: missing 'review_cache'",
                "no basis": f"{path}: review_cache: missing 'basis'",
                "zero days": f"{path}: review_cache: "}[broken]
    assert str(info.value).startswith(expected)
