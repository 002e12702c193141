"""The store's side of issue 9 §1 and §9: visits are pushed as records (and nothing is
counted that no sync sends), and what a sync reports of the audit chain."""

from __future__ import annotations

from fieldbus.store import audit, complaints, visits
from fieldbus.store import sync as store_sync
from sync import protocol
from tests.store.helpers import draft


def _answer(items, outcome="accepted"):
    return [{"id": i.record["id"], "version": i.record["version"], "outcome": outcome,
             "reason": None} for i in items]


def test_a_visit_goes_out_as_version_1_then_2_on_base_1(store):
    opened = visits.open_visit(store, store.officer, venue="해평면사무소", region="구미시",
                               team=("김조사관",))
    case = complaints.add(store, draft(store), store.officer)
    assert store_sync.counts(store) == (2, 0)
    sent = store_sync.pending(store, limit=10)
    [first] = [i for i in sent if i.record["type"] == "visit"]
    assert (first.record["id"], first.record["version"], first.record["base_version"]) == (
        opened.id, 1, None)
    assert first.record["content"] == {
        "date": opened.day.isoformat(), "venue": "해평면사무소", "region": "구미시",
        "team": ["김조사관"], "opened_at": opened.opened_at.isoformat(), "opened_by": "홍길동",
        "closed_at": None, "closed_by": None}
    assert first.record["content_hash"] == protocol.content_hash(first.record["content"])
    [taken] = [i for i in sent if i.record["id"] == case.id]
    assert taken.record["content"]["visit"]["id"] == opened.id
    store_sync.record_results(store, sent, _answer(sent), by=store.officer)
    assert store_sync.counts(store) == (0, 0)

    visits.close_visit(store, store.officer)
    [closing] = store_sync.pending(store, limit=10)
    assert (closing.record["version"], closing.record["base_version"]) == (2, 1)
    assert closing.record["content"]["closed_by"] == "홍길동"
    store_sync.record_results(store, [closing], _answer([closing]), by=store.officer)
    assert store_sync.counts(store) == (0, 0)


def test_a_refused_visit_is_set_aside_for_a_person(store):
    visits.open_visit(store, store.officer, venue="해평면사무소", region="구미시")
    sent = store_sync.pending(store, limit=10)
    store_sync.record_results(store, sent, _answer(sent, "invalid"), by=store.officer)
    assert store_sync.counts(store) == (0, 1)


def test_nothing_is_counted_that_no_sync_sends(store):
    with store.write():
        store.db.execute("INSERT INTO outbox (record_type, record_id, version, created_at) "
                         "VALUES ('note_of_a_future_version', 'x', 1, '2026-11-26')")
    assert store_sync.counts(store) == (0, 0)
    assert store_sync.pending(store, limit=10) == []


def test_the_audit_report_covers_only_what_is_new_and_checks_it(store):
    first = store_sync.audit_report(store, None)
    seq, digest = audit.head(store.db)
    assert first == {"seq": seq, "hash": digest, "intact": True, "at_vouched": None}
    vouched = {"seq": seq, "hash": digest, "at": "2026-11-26T10:00:00+00:00"}
    assert store_sync.audit_report(store, vouched) is None  # nothing new: no walk at all

    complaints.add(store, draft(store), store.officer)
    later = store_sync.audit_report(store, vouched)
    assert later["seq"] > seq and later["at_vouched"] == {"seq": seq, "hash": digest}
    assert later["intact"]
    with store.write():  # an entry after the vouched one changed, its hash left alone
        store.db.execute("UPDATE audit SET action = 'nothing' WHERE seq = ?", (seq + 1,))
    assert not store_sync.audit_report(store, vouched)["intact"]


def test_what_the_hub_vouched_for_is_kept_for_audit_verify(store):
    assert store_sync.vouched(store) is None
    seq, digest = audit.head(store.db)
    store_sync.record_vouched(store, {"protocol": 1, "flagged": False, "problem": None,
                                      "vouched": {"seq": seq, "hash": digest,
                                                  "at": "2026-11-26T10:00:00+00:00"}})
    assert store_sync.vouched(store) == store_sync.Vouched(seq, "2026-11-26T10:00:00+00:00",
                                                           True, None)
    store_sync.record_vouched(store, {"protocol": 1, "flagged": True, "problem": "rewritten",
                                      "vouched": {"seq": seq, "hash": "0" * 64,
                                                  "at": "2026-11-26T10:00:00+00:00"}})
    found = store_sync.vouched(store)
    assert not found.holds and found.hub_flag == "rewritten"
