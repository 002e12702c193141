"""The laptop keeps its pushes within the hub's body cap (``protocol.MAX_JSON_BYTES``):
a day of long complaints goes in several smaller batches, all of it delivered."""

from __future__ import annotations

from fieldbus.store import complaints
from sync import protocol
from tests.store.helpers import draft
from tests.sync.conftest import hub_cases, sync_through
from tests.sync.faults import plain


def test_long_cases_are_pushed_in_batches_under_the_cap(make_laptop, hub, proxy):
    store = make_laptop()
    long_body = "비만 오면 진입로가 진흙탕이 됩니다. " * 900  # ~18,000 characters, at the limit
    saved = complaints.add_many(store, [draft(store, title=f"마을 진입로 포장 요청 {n}",
                                              body=long_body) for n in range(90)],
                                store.officer)
    result = sync_through(store, proxy)
    assert result.error is None and result.pushed == 90 and result.pending == 0
    pushes = [plain(body) for (_, path, _), body in zip(proxy.seen, proxy.bodies, strict=True)
              if path == protocol.PUSH]
    assert len(pushes) >= 2  # 90 of them would pass the cap in one body
    assert all(len(body) <= protocol.MAX_JSON_BYTES for body in pushes)
    assert sorted(c["receipt_no"] for c in hub_cases(hub)) == sorted(c.receipt_no
                                                                      for c in saved)
