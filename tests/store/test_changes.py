"""What an operation changed, noted by the database itself (``fieldbus.store.changes``):
TEMP triggers made when the store opens, on a real SQLCipher store."""

from __future__ import annotations

from fieldbus.store import audit, changes, complaints, drafts, visits
from fieldbus.store.changes import OpChanges
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.store.helpers import draft


def test_an_opened_store_notes_what_each_write_committed_and_nothing_else(store):
    officer = store.officer
    assert not changes.take(store.db)  # creating it is no news to anyone yet

    case = complaints.add(store, draft(store), officer)
    got = changes.take(store.db)
    assert got.complaints and got.outbox and got.day and got.sync_state
    assert not (got.counsel or got.visit or got.prints or got.officers or got.meta)
    assert not changes.take(store.db)  # taken once, then forgotten

    # An audited look, a search, an autosaved draft: no screen shows those.
    complaints.view(store, case.receipt_no, officer, reason="case detail")
    store.audit(officer, "case_viewed")
    drafts.save(store, officer.id, {"title": "마을 진입로"})
    assert changes.take(store.db) == OpChanges()

    visits.open_visit(store, officer, venue="청송군청 앞 광장", region="경상북도 청송군")
    got = changes.take(store.db)
    assert got.visit and got.day and not got.complaints

    with store.write():  # a setting (enrolment, the handler…) is a meta key, named
        store.db.execute("INSERT INTO meta (key, value) VALUES ('hub_url', 'https://x')")
    got = changes.take(store.db)
    assert got.meta == {"hub_url"} and got.sync_state and not got.day


def test_what_is_rolled_back_is_not_told(store):
    store.db.execute("BEGIN IMMEDIATE")
    store.db.execute("UPDATE complaints SET status = status")  # no rows: nothing noted
    store.db.execute("INSERT INTO meta (key, value) VALUES ('hub_url', 'https://x')")
    store.db.execute("ROLLBACK")
    assert not changes.take(store.db)


def test_the_triggers_live_in_the_connection_and_never_in_the_file(store):
    data_dir = store.data_dir
    store.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as opened:
        temp = {r[0] for r in opened.db.execute(
            "SELECT name FROM temp.sqlite_master WHERE type = 'trigger'").fetchall()}
        main = {r[0] for r in opened.db.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'trigger'").fetchall()}
        assert {"fieldbus_changed_complaints_insert", "fieldbus_changed_outbox_update",
                "fieldbus_changed_receipt_prints_insert", "fieldbus_changed_visits_delete",
                "fieldbus_changed_meta_update"} <= temp
        assert not any(name.startswith(changes.CHANGED) for name in main)
        complaints.add(opened, draft(opened), opened.officer)
        assert changes.take(opened.db).complaints


def test_every_table_is_watched_unless_it_is_named_as_not(store):
    """A table added tomorrow is watched without a line here: only the named few and the
    search indexes' own are left out."""
    watched = set(changes._watched(store.db))
    assert {"complaints", "counsel_sessions", "visits", "outbox", "pull_deferred",
            "receipt_prints", "attachments", "officers", "meta"} <= watched
    assert not watched & changes.UNWATCHED
    assert not any("_fts" in name or "_terms" in name or name.startswith("complaint_phones")
                   for name in watched)
    # The quiet meta keys are the audit chain's own.
    assert set(changes.QUIET_META) == {audit.HEAD_KEY, audit.V1_HEAD_KEY}


def test_upserts_and_replaces_in_one_transaction_are_noted_once_each(store):
    """The outer statement's conflict policy is the triggers' too (an upsert into meta):
    noting a second row must never fail the write."""
    upsert = ("INSERT INTO meta (key, value) VALUES (?, 'x') ON CONFLICT (key) "
              "DO UPDATE SET value = excluded.value")
    with store.write():
        for key in ("hub_url", "hub_url", "ca_bundle"):
            store.db.execute(upsert, (key,))
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('ca_bundle', 'y')")
    assert changes.take(store.db).meta == {"hub_url", "ca_bundle"}
