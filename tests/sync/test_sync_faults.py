"""A bad network between a laptop and the real hub: after each fault, every case is on the
hub exactly once with its files, and nothing acknowledged is sent again."""

from __future__ import annotations

import json

import pytest

from fieldbus.store import complaints
from sync import client
from tests.store.helpers import count
from tests.sync.conftest import add_cases, hub_cases, sync_through
from tests.sync.faults import every, on_pushes, plain


def _exactly_once(hub, saved) -> None:
    numbers = [c["receipt_no"] for c in hub_cases(hub)]
    assert sorted(numbers) == sorted(c.receipt_no for c in saved)


def _all_synced(store, saved) -> None:
    assert {complaints.get(store, c.receipt_no).sync_state for c in saved} == {"synced"}
    assert count(store, "outbox", "state = 'pending'") == 0


@pytest.mark.parametrize("fault", ["500", "cut_before", "cut_after", "portal", "garbage",
                                   "wrong_json", "429"])
def test_every_third_request_failing_still_delivers_everything_once(make_laptop, hub, proxy,
                                                                     fault):
    store = make_laptop()
    saved = add_cases(store, 12)
    proxy.fault = every(3, fault)

    result = sync_through(store, proxy)

    assert result.error is None, result.error
    assert result.counts()["pending"] == 0 and result.pushed == 12
    _exactly_once(hub, saved)
    _all_synced(store, saved)
    assert any(what == fault for _, _, what in proxy.seen)


def test_a_push_whose_answer_is_lost_is_resent_and_acknowledged_as_duplicate(make_laptop, hub,
                                                                           proxy):
    store = make_laptop()
    saved = add_cases(store, 3, files=False)
    proxy.fault = on_pushes("cut_after", None)
    result = sync_through(store, proxy)

    # The hub got it twice, kept it once.
    assert result.pushed == 3 and proxy.count("POST", "/api/v1/push") == 2
    _exactly_once(hub, saved)
    _all_synced(store, saved)


def test_429_waits_as_long_as_the_hub_asks(make_laptop, hub, proxy):
    store = make_laptop()
    add_cases(store, 2, files=False)
    proxy.fault = lambda n, method, path: "429" if n == 1 else None
    waits = client.Retry(attempts=4, base=0.001, cap=0.002)
    from tests.sync.conftest import Waits

    slept = Waits()
    result = sync_through(store, proxy, retry=waits, sleep=slept)

    assert result.pushed == 2
    assert slept == [1.0]  # Retry-After: 1, more than the jitter would have waited


def test_a_captive_portal_stops_the_run_with_a_clear_reason_and_loses_nothing(make_laptop, hub,
                                                                             proxy):
    store = make_laptop()
    saved = add_cases(store, 4)
    proxy.fault = lambda n, method, path: "portal"

    result = sync_through(store, proxy)

    assert result.error == client.NOT_THE_HUB and result.error_code == "not_the_hub"
    assert result.counts() == {"pushed": 0, "pulled": 0, "pending": 4, "quarantined": 0, "files_pending": 0}
    assert hub_cases(hub) == []

    proxy.fault = lambda n, method, path: None  # the officer accepted the portal's terms
    result = sync_through(store, proxy)
    assert result.error is None and result.pushed == 4
    _exactly_once(hub, saved)


def test_a_run_that_gives_up_half_way_resumes_where_it_stopped(make_laptop, hub, proxy,
                                                               monkeypatch):
    store = make_laptop()
    saved = add_cases(store, 7, files=False)
    proxy.fault = on_pushes(None, "cut_before")  # the hub is gone after the first batch
    from fieldbus.services import sync_link

    monkeypatch.setattr(client.protocol, "MAX_BATCH", 3)
    result = sync_through(store, proxy)
    assert result.error_code == "unreachable" and "pending" in result.error
    assert (result.pushed, result.pending) == (3, 4)
    first_three = [c.receipt_no for c in saved[:3]]
    assert sorted(c["receipt_no"] for c in hub_cases(hub)) == sorted(first_three)

    proxy.fault = lambda n, method, path: None
    before = len(proxy.seen)
    result = sync_through(store, proxy)
    sent_again = [json.loads(plain(body))["records"] for (_, path, _), body
                  in zip(proxy.seen[before:], proxy.bodies[before:], strict=True)
                  if path == "/api/v1/push"]
    assert result.pushed == 4
    assert sorted(r["content"]["receipt_no"] for batch in sent_again for r in batch) == \
        sorted(c.receipt_no for c in saved[3:])  # the acknowledged three are not sent again
    _exactly_once(hub, saved)
    assert sync_link.hub_token.load(store)


def test_a_hub_killed_after_taking_a_push_keeps_it_and_the_resend_is_a_duplicate(
        make_laptop, hub, proxy):
    store = make_laptop()
    saved = add_cases(store, 3)
    proxy.fault = on_pushes("cut_after", "cut_before")  # the answer lost, then the hub gone
    result = sync_through(store, proxy)
    assert result.error_code == "unreachable" and result.pending == 3
    hub.stop(kill=True)
    hub.start()

    proxy.fault = lambda n, method, path: None
    result = sync_through(store, proxy)

    assert (result.pushed, result.pending, result.error) == (3, 0, None)
    _exactly_once(hub, saved)
    _all_synced(store, saved)


def test_an_edit_made_after_a_lost_answer_reaches_the_hub_as_the_next_version(make_laptop,
                                                                             hub, proxy):
    store = make_laptop()
    [case] = add_cases(store, 1, files=False)
    proxy.fault = on_pushes("cut_after", "cut_before")  # the hub took it; the run gave up
    assert sync_through(store, proxy).error_code == "unreachable"
    assert [c["version"] for c in hub_cases(hub)] == [1]
    complaints.edit(store, case.receipt_no, {"title": "길이 끊긴 뒤 고친 제목"}, store.officer)

    proxy.fault = lambda n, method, path: None
    result = sync_through(store, proxy)

    assert result.counts() == {"pushed": 1, "pulled": 0, "pending": 0, "quarantined": 0, "files_pending": 0}
    [held] = hub_cases(hub)
    assert (held["version"], held["title"]) == (2, "길이 끊긴 뒤 고친 제목")
