"""A shortened day over the link simulator (issue 15's "done when"): every case and file
reaches the hub exactly once and byte-identical although the link drops mid-file, a file
cut off in one run goes on in the next from the byte the hub holds, and the cases are at
the hub before the first file is.

The link is faster and the files smaller than on the road (the benchmark,
``benchmarks/bench_weak_link.py``, runs the full day), so this stays a few seconds.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace

from fieldbus.domain.records import AttachmentFile
from fieldbus.store import complaints
from fieldbus.store import sync as store_sync
from sync.progress import Progress
from tests.store.helpers import draft
from tests.sync.conftest import hub_blob, hub_cases, sync_through
from tests.sync.link import Link, LinkProfile

MB = 1_000_000


def _day(store, sizes: list[int]) -> tuple[list, dict[str, bytes]]:
    files, drafts = {}, []
    for n in range(6):
        d = draft(store, title=f"마을 진입로 포장 요청 {n}")
        if n < len(sizes):
            data = os.urandom(sizes[n])
            sha = hashlib.sha256(data).hexdigest()
            files[sha] = data
            d = replace(d, attachments=(AttachmentFile(
                filename=f"현장-{n}.jpg", media_type="image/jpeg", size=len(data), sha256=sha,
                data=data),))
        drafts.append(d)
    return complaints.add_many(store, drafts, store.officer), files


def _history(hub, receipt_no: str) -> list[str]:
    import httpx

    from tests.hub.helpers import bearer

    hub.add_user("boss", "supervisor")
    answer = httpx.get(f"{hub.url}/api/v1/cases/{receipt_no}/history",
                       headers=bearer(hub.login("boss")))
    return [e["action"] for e in answer.json()["events"]]


def test_a_day_through_a_link_that_drops_mid_file_arrives_once_and_whole(make_laptop, hub,
                                                                         tmp_path):
    store = make_laptop()
    saved, files = _day(store, [MB, MB, 600_000])
    seen: list[Progress] = []
    host, port = hub.url.removeprefix("http://").split(":")
    # 8 Mbit/s up, 50 ms, and the link drops after every 700 kB sent up: every file is cut
    # at least once on its way, in the middle.
    with Link(host, int(port), LinkProfile(up_bps=8e6, down_bps=16e6, rtt=0.05,
                                           cut_after_bytes=700_000)) as link:
        result = sync_through(store, link, progress=seen.append)
        cuts, up = link.cuts, link.bytes_up

    assert (result.pushed, result.pending, result.files_pending, result.error) == (6, 0, 0,
                                                                                   None)
    assert cuts >= 3
    held = hub_cases(hub)
    assert sorted(c["receipt_no"] for c in held) == sorted(c.receipt_no for c in saved)
    assert {c["attachments_pending"] for c in held} == {0}
    for sha, data in files.items():
        assert hub_blob(hub, sha, tmp_path) == data
    # Resumed, not restarted: what went up is the files once and a little more (headers,
    # the cases, the bytes in flight at each cut).
    payload = sum(map(len, files.values()))
    assert payload < up < 1.25 * payload
    # The cases were at the hub before any file: each case's history starts "received",
    # and a case with a file completes later.
    with_file = next(c for c in saved if complaints.get(store, c.receipt_no).attachments)
    steps = _history(hub, with_file.receipt_no)
    assert steps[0] == "received" and "attachments_received" in steps
    # Progress was reported as it went: records first, then bytes of every file, to done.
    assert seen[0].phase == "connecting" and seen[-1].phase == "done"
    assert any(p.phase == "uploading" and 0 < p.bytes_sent < p.bytes_total for p in seen)
    assert seen[-1].records_sent == 6 and seen[-1].files_waiting == 0
    assert seen[-1].bytes_sent >= payload


def test_a_file_cut_off_in_one_run_goes_on_in_the_next_from_the_hubs_offset(make_laptop, hub,
                                                                           tmp_path):
    store = make_laptop()
    saved, files = _day(store, [2 * MB])
    [(sha, data)] = files.items()
    host, port = hub.url.removeprefix("http://").split(":")
    # The link goes down for good after 1.2 MB: the run gives up with the file half sent.
    with Link(host, int(port), LinkProfile(up_bps=16e6, rtt=0.02, cut_after_bytes=1_200_000,
                                           down_for=3600)) as link:
        first = sync_through(store, link)
    assert first.pushed == 6 and first.error_code == "unreachable"
    assert first.files_pending == 1
    [waiting] = store_sync.waiting_uploads(store)
    # Cut during the creation that carried the bytes: the laptop never learnt the upload's
    # address, and remembers to ask for it rather than send the bytes with a new one.
    assert waiting.state == "creating" and waiting.upload_url is None

    with Link(host, int(port), LinkProfile(up_bps=16e6, rtt=0.02)) as link:
        second = sync_through(store, link)
        up = link.bytes_up
    assert (second.files_pending, second.error) == (0, None)
    assert hub_blob(hub, sha, tmp_path) == data
    # The second run sent the rest, asked from the hub, not the whole file again.
    assert up < len(data) - 500_000
    assert [c["attachments_pending"] for c in hub_cases(hub)].count(0) == 6


def test_an_upload_abandoned_past_its_expiry_starts_again_and_nothing_is_lost(make_laptop,
                                                                            hub, tmp_path):
    from sync.hub.db import connect
    from sync.hub.migrations import uploads

    store = make_laptop()
    _, files = _day(store, [1_500_000])
    [(sha, data)] = files.items()
    host, port = hub.url.removeprefix("http://").split(":")
    with Link(host, int(port), LinkProfile(up_bps=16e6, cut_after_bytes=900_000,
                                           down_for=3600)) as link:
        assert sync_through(store, link).files_pending == 1
    engine = connect(hub.db_url)
    with engine.begin() as conn:  # the bus is away for days: the partial upload expires
        conn.execute(uploads.update().values(expires_at="2020-01-01T00:00:00.000+00:00"))
    engine.dispose()
    with Link(host, int(port), LinkProfile(up_bps=16e6)) as link:
        result = sync_through(store, link)
        up = link.bytes_up
    assert (result.files_pending, result.error) == (0, None)
    assert hub_blob(hub, sha, tmp_path) == data
    assert up > len(data)  # sent again from the first byte
