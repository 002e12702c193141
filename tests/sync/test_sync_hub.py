"""The laptop's sync engine against a real hub on loopback: push, resend, edit, review,
deferral, quarantine, revocation."""

from __future__ import annotations

import hashlib

from fieldbus.services import sync_link
from fieldbus.store import complaints
from fieldbus.store import sync as store_sync
from sync import client
from sync.hub import blobs
from sync.hub.db import connect
from tests.store.helpers import count
from tests.sync.conftest import add_cases, fast, hub_blob, hub_cases, sync_through


def _by_number(hub) -> dict[str, dict]:
    cases = hub_cases(hub)
    numbers = [c["receipt_no"] for c in cases]
    assert len(numbers) == len(set(numbers)), "a case is on the hub twice"
    return {c["receipt_no"]: c for c in cases}


def test_thirty_cases_reach_the_hub_once_with_their_files(make_laptop, hub, tmp_path):
    store = make_laptop()
    saved = add_cases(store, 30)

    result = sync_link.run(store, store.officer, **fast())

    assert result.counts() == {"pushed": 30, "pulled": 0, "pending": 0, "quarantined": 0, "files_pending": 0}
    assert result.error is None
    on_hub = _by_number(hub)
    assert set(on_hub) == {c.receipt_no for c in saved}
    engine = connect(hub.db_url)  # 60 files: read behind the API; two through the CLI
    try:
        for case in saved:
            held = on_hub[case.receipt_no]
            assert held["title"] == case.draft.title and held["body"] == case.draft.body
            [attachment] = complaints.get(store, case.receipt_no).attachments
            assert held["attachments"] == [{"sha256": attachment.sha256,
                                            "size": attachment.size, "received": True}]
            assert blobs.read(engine, attachment.sha256) == store_sync.blob(store,
                                                                            attachment.sha256)
            signature = complaints.signature(store, case.id)
            assert blobs.read(engine, hashlib.sha256(signature).hexdigest()) == signature
    finally:
        engine.dispose()
    [attachment] = complaints.get(store, saved[7].receipt_no).attachments
    assert hub_blob(hub, attachment.sha256, tmp_path) == store_sync.blob(store,
                                                                         attachment.sha256)
    signature = complaints.signature(store, saved[7].id)
    assert hub_blob(hub, hashlib.sha256(signature).hexdigest(), tmp_path) == signature
    assert all(complaints.get(store, c.receipt_no).sync_state == "synced" for c in saved)


def test_a_second_run_sends_nothing_again(make_laptop, hub, proxy):
    store = make_laptop()
    add_cases(store, 5)
    assert sync_through(store, proxy).pushed == 5
    pushes, uploads = proxy.count("POST", "/api/v1/push"), proxy.count("PUT", "/api/v1/att")

    result = sync_through(store, proxy)

    assert (result.pushed, result.pending) == (0, 0)
    assert proxy.count("POST", "/api/v1/push") == pushes
    assert proxy.count("PUT", "/api/v1/att") == uploads
    assert len(hub_cases(hub)) == 5


def test_an_edit_reaches_the_hub_as_version_2(make_laptop, hub):
    store = make_laptop()
    [case] = add_cases(store, 1, files=False)
    sync_link.run(store, store.officer, **fast())
    complaints.edit(store, case.receipt_no, {"title": "마을 진입로 포장 요청 (재)"}, store.officer)

    result = sync_link.run(store, store.officer, **fast())

    assert (result.pushed, result.pending) == (1, 0)
    [held] = hub_cases(hub)
    assert (held["version"], held["title"]) == (2, "마을 진입로 포장 요청 (재)")


def test_a_supervisors_review_on_the_hub_is_pulled(make_laptop, hub):
    store = make_laptop()
    [case] = add_cases(store, 1, files=False)
    sync_link.run(store, store.officer, **fast())
    done = hub.cli("review", case.receipt_no, "--state", "has_issues", "--note",
                   "연락처를 확인해 주십시오.")
    assert done.returncode == 0, done.stderr

    result = sync_link.run(store, store.officer, **fast())

    assert result.pulled == 1
    got = complaints.get(store, case.receipt_no)
    assert (got.review_state, got.review_note) == ("has_issues", "연락처를 확인해 주십시오.")
    assert sync_link.run(store, store.officer, **fast()).pulled == 0  # the cursor moved on


def test_a_pulled_review_waits_for_a_pending_local_edit(make_laptop, hub):
    store = make_laptop()
    [case] = add_cases(store, 1, files=False)
    sync_link.run(store, store.officer, **fast())
    assert hub.cli("review", case.receipt_no, "--state", "approved").returncode == 0
    complaints.edit(store, case.receipt_no, {"title": "현장에서 고친 제목"}, store.officer)

    # Only the pull half of a run (as when the push failed): the review must wait.
    url, token = store.meta(sync_link.HUB_API_KEY), sync_link.hub_token.load(store)
    with client.Connection(url, token=token, **fast()) as conn:
        result = client.SyncResult()
        client.Client(conn, sync_link.StoreLaptop(store, store.officer)).pull(result)
    assert result.pulled == 1 and count(store, "pull_deferred") == 1
    got = complaints.get(store, case.receipt_no)
    assert (got.review_state, got.draft.title, got.sync_state) == (None, "현장에서 고친 제목",
                                                                   "pending")

    result = sync_link.run(store, store.officer, **fast())

    assert (result.pushed, result.pending) == (1, 0)
    got = complaints.get(store, case.receipt_no)
    assert (got.review_state, got.draft.title) == ("approved", "현장에서 고친 제목")
    assert count(store, "pull_deferred") == 0
    assert hub_cases(hub)[0]["title"] == "현장에서 고친 제목"


def test_an_invalid_record_is_quarantined_while_the_rest_go_through(make_laptop, hub):
    store = make_laptop()
    cases = add_cases(store, 4, files=False)
    with store.write():  # a record the hub cannot accept as sent (damaged on the laptop)
        store.db.execute("UPDATE complaints SET received_at = 'yesterday' WHERE id = ?",
                         (cases[1].id,))

    result = sync_link.run(store, store.officer, **fast())

    assert result.counts() == {"pushed": 3, "pulled": 0, "pending": 0, "quarantined": 1, "files_pending": 0}
    assert set(_by_number(hub)) == {c.receipt_no for c in cases} - {cases[1].receipt_no}
    reason = store.db.execute("SELECT last_error FROM outbox WHERE record_id = ?",
                              (cases[1].id,)).fetchone()[0]
    assert reason.startswith("invalid: ") and "received_at" in reason


def test_a_revoked_device_is_told_so_and_nothing_is_deleted(make_laptop, hub):
    store = make_laptop()
    add_cases(store, 3, files=False)
    assert hub.cli("device", "revoke", "B07A").returncode == 0

    result = sync_link.run(store, store.officer, **fast())

    assert result.error_code == "token_refused" and "revoked" in result.error
    assert (result.pushed, result.pending) == (0, 3)
    assert count(store, "complaints") == 3 and count(store, "outbox", "state = 'pending'") == 3
    assert sync_link.hub_token.load(store) is not None


def test_two_laptops_sync_their_own_cases(make_laptop, hub):
    first, second = make_laptop("B07A"), make_laptop("C12")
    add_cases(first, 3)
    add_cases(second, 4)
    assert sync_link.run(first, first.officer, **fast()).pushed == 3
    assert sync_link.run(second, second.officer, **fast()).pushed == 4
    devices = [c["device"] for c in hub_cases(hub)]
    assert sorted(devices) == ["B07A"] * 3 + ["C12"] * 4


def test_a_counsel_session_is_pushed_too(make_laptop, hub):
    from fieldbus.domain.intake import parse_counsel
    from fieldbus.store import counsel
    from tests.conftest import sample

    store = make_laptop()
    session = counsel.add(store, parse_counsel(sample("counsel-01.json"),
                                               now=store.clock())[0], store.officer)

    result = sync_link.run(store, store.officer, **fast())

    assert (result.pushed, result.pending) == (1, 0)
    assert counsel.get(store, session.number).sync_state == "synced"
    [held] = hub_cases(hub)
    assert (held["type"], held["receipt_no"], held["body"]) == (
        "counsel", session.number, session.draft.notes)


def test_a_run_logs_neither_the_token_nor_personal_data(make_laptop, hub, caplog):
    import logging

    store = make_laptop()
    [case] = add_cases(store, 1)
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request at DEBUG

    assert sync_link.run(store, store.officer, **fast()).pushed == 1

    token = sync_link.hub_token.load(store)
    assert caplog.records  # the libraries did log: what they logged is checked
    for secret in (token, case.draft.petitioner.name, case.draft.petitioner.phone,
                   case.draft.title):
        assert secret not in caplog.text
