"""Cases before their files (protocol 2), and laptops and hubs of different versions.

A real laptop store syncs with a real hub through the fault proxy: while the link lets no
upload through, the cases reach the centre all the same ("첨부 수신 중" there), and the
files follow on the next run, once each and byte-identical. A hub of protocol 1 gets
what it always got; a hub from the future is refused with what to update.
"""

from __future__ import annotations

import hashlib

from fieldbus.store import complaints, retention
from fieldbus.store import sync as store_sync
from sync import protocol
from tests.sync.conftest import add_cases, hub_blob, hub_cases, photo, sync_through
from tests.sync.faults import uploads_cut


def test_cases_reach_the_hub_while_their_files_cannot(make_laptop, hub, proxy, tmp_path):
    store = make_laptop()
    saved = add_cases(store, 4)
    proxy.fault = uploads_cut
    result = sync_through(store, proxy)

    assert result.protocol == 2 and result.pushed == 4 and result.pending == 0
    assert result.error_code == "unreachable" and result.files_pending == 8  # photo + signature
    held = {c["receipt_no"]: c for c in hub_cases(hub)}
    assert sorted(held) == sorted(c.receipt_no for c in saved)
    assert {c["attachments_pending"] for c in held.values()} == {2}
    assert all(complaints.get(store, c.receipt_no).sync_state == "synced" for c in saved)
    # The laptop keeps every file the hub waits for, whatever retention says.
    assert retention.due(store, days=0) == []
    assert proxy.count("PUT", "/api/v1/attachments") == 0  # no protocol-1 uploads

    proxy.fault = lambda n, method, path: None
    result = sync_through(store, proxy)
    assert (result.pushed, result.files_pending, result.error) == (0, 0, None)
    assert {c["attachments_pending"] for c in hub_cases(hub)} == {0}
    for i in range(4):
        data = photo(i)
        assert hub_blob(hub, hashlib.sha256(data).hexdigest(), tmp_path) == data
    assert store_sync.uploads_waiting(store) == 0
    # Each file's bytes reached the hub once: one creation each (carrying the bytes, but
    # for the one whose creation was cut: it asked where it stood, then sent them).
    assert proxy.count("POST", protocol.UPLOADS) == 8
    assert proxy.count("PATCH", protocol.UPLOADS) == 1
    delivered = sum(len(body) for (m, p, f), body in zip(proxy.seen, proxy.bodies, strict=True)
                    if p.startswith(protocol.UPLOADS) and f is None)
    assert delivered == sum(len(photo(i)) + len(f"made-up signature {i}") for i in range(4))


def test_a_creation_whose_answer_was_lost_is_found_again_not_sent_twice(make_laptop, hub,
                                                                         proxy):
    store = make_laptop()
    add_cases(store, 1)
    seen = {"n": 0}

    def lose_first_creation(n: int, method: str, path: str) -> str | None:
        if method == "POST" and path == protocol.UPLOADS:
            seen["n"] += 1
            return "cut_after" if seen["n"] == 1 else None
        return None

    proxy.fault = lose_first_creation
    result = sync_through(store, proxy)
    assert (result.files_pending, result.error) == (0, None)
    posts = [body for (m, p, _), body in zip(proxy.seen, proxy.bodies, strict=True)
             if m == "POST" and p == protocol.UPLOADS]
    # The first carried the bytes (the hub kept them); the next only asked where it stood.
    assert len(posts[0]) > 0 and posts[1] == b""


def test_a_damaged_file_on_the_laptop_is_set_aside_not_sent(make_laptop, hub, proxy):
    store = make_laptop()
    [case] = add_cases(store, 1)
    proxy.fault = uploads_cut
    sync_through(store, proxy)
    sha = hashlib.sha256(photo(0)).hexdigest()
    with store.write():
        store.db.execute("UPDATE blobs SET data = ? WHERE sha256 = ?", (b"damaged", sha))
    proxy.fault = lambda n, method, path: None
    result = sync_through(store, proxy)
    assert result.files_pending == 1
    [left] = store_sync.waiting_uploads(store)
    assert (left.sha256, left.state) == (sha, "failed") and "damaged" in left.last_error
    [held] = hub_cases(hub)
    assert held["attachments_pending"] == 1  # the signature arrived; the photo did not


def test_a_hub_of_protocol_1_gets_files_before_their_cases_as_before(make_laptop, hub, proxy,
                                                                     tmp_path):
    store = make_laptop()
    add_cases(store, 3)
    proxy.speaks = [1]
    result = sync_through(store, proxy)
    assert (result.protocol, result.pushed, result.files_pending, result.error) == (1, 3, 0,
                                                                                   None)
    assert proxy.count("PUT", "/api/v1/attachments") == 6
    assert proxy.count("POST", protocol.UPLOADS) == 0
    assert {c["attachments_pending"] for c in hub_cases(hub)} == {0}
    pushes = [body for (m, p, _), body in zip(proxy.seen, proxy.bodies, strict=True)
              if p == protocol.PUSH]
    assert all(body.startswith(b"{") for body in pushes)  # not gzipped for an old hub


def test_a_hub_from_the_future_is_refused_with_what_to_update(make_laptop, hub, proxy):
    store = make_laptop()
    add_cases(store, 1)
    proxy.speaks = [3]
    result = sync_through(store, proxy)
    assert result.error_code == "protocol" and result.pending == 1
    assert "update this laptop's Fieldbus" in result.error
    assert hub_cases(hub) == []


def test_batches_shrink_after_the_link_drops_a_push_and_grow_again(make_laptop, hub, proxy):
    import json

    from tests.sync.faults import on_pushes, plain

    store = make_laptop()
    add_cases(store, 120, files=False)
    proxy.fault = on_pushes("cut_before", None)  # the first push is lost on the way once
    result = sync_through(store, proxy)
    assert (result.pushed, result.pending, result.error) == (120, 0, None)
    sizes = [len(json.loads(plain(body))["records"])
             for (m, p, _), body in zip(proxy.seen, proxy.bodies, strict=True)
             if p == protocol.PUSH]
    # 50 first (lost, then sent again), halved after the drop, doubled after a clean one.
    assert sizes == [50, 50, 25, 45]
