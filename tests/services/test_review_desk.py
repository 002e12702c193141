"""The supervisor's desk over a real hub on loopback and a real SQLCipher store: the
queue, a case file and its history, a step, a stale step, a bulk step, the copy read
offline (steps refused), the export audited — and the desk refused to a colleague with a
lower role, who could otherwise read other buses' cases from this laptop's copy."""

from __future__ import annotations

import csv

import pytest

from fieldbus.domain.errors import ValidationError
from fieldbus.services import sync_link
from fieldbus.services.review_desk import DeskOffline, QueueFilters, ReviewDesk
from fieldbus.store.store import Store
from sync.review_client import NotASupervisor, Stale
from tests.conftest import PIN
from tests.hub.fixtures import PASSWORD
from tests.sync.conftest import OFFICER_ON_HUB, add_cases, fast
from tests.sync.conftest import make_laptop  # noqa: F401 - a fixture


@pytest.fixture
def desk_store(tmp_path):
    with Store.create(tmp_path / "centre", device="C001", officer="박관리", pin=PIN,
                      role="supervisor") as store:
        store.officer = store.sign_in("박관리", PIN)
        yield store


@pytest.fixture
def day(make_laptop, hub):
    """Three cases from bus B07A at the hub; the supervisor ``boss``."""
    hub.add_user("boss", "supervisor")
    laptop = make_laptop("B07A")
    cases = add_cases(laptop, 3, files=False)
    sync_link.run(laptop, laptop.officer, **fast())
    return laptop, [case.receipt_no for case in cases]


def _sign_in(store, hub, user="boss"):
    return ReviewDesk.sign_in(lambda fn: fn(store), store.officer, user, PASSWORD,
                              hub_url=hub.url, **fast())


@pytest.fixture
def desk(desk_store, hub, day):
    signed_in = _sign_in(desk_store, hub)
    yield signed_in
    signed_in.sign_out()


def test_the_queue_a_case_and_a_step(desk, desk_store, hub, day):
    _, receipts = day
    page = desk.page(QueueFilters(device=("B07A",)))
    assert sorted(c["receipt_no"] for c in page.cases) == sorted(receipts)
    assert page.total == 3 and page.offline is None
    opened = desk.case(receipts[0])
    assert "return" in opened.allowed_actions and opened.offline is None
    desk.step(receipts[0], "return", case_version=opened.version, note="주소를 확인해 주십시오.")
    again = desk.case(receipts[0])
    assert again.case["review_state"] == "has_issues"
    assert [e["action"] for e in again.history][-1] == "return"
    # The revision seen before the step is stale now: refused, nothing changed.
    with pytest.raises(Stale):
        desk.step(receipts[0], "reject", case_version=opened.version, note="x")
    assert desk.case(receipts[0]).case["review_state"] == "has_issues"


def test_a_bulk_step_checks_each_case(desk, desk_store, hub, day):
    _, receipts = day
    seen = {r: desk.case(r).version for r in receipts}
    desk.step(receipts[2], "assign", case_version=seen[receipts[2]],
              handler={"org": "구미시 도로과", "name": "최담당", "phone": "054-480-0000"})
    outcome = desk.bulk(list(seen.items()), "approve")
    assert sorted(outcome.done) == sorted(receipts[:2])
    assert [r for r, _ in outcome.refused] == [receipts[2]]
    assert desk.case(receipts[2]).case["review_state"] != "approved"


def test_offline_the_last_queue_stays_readable_and_steps_are_refused(desk, desk_store, hub, day):
    _, receipts = day
    filters = QueueFilters(device=("B07A",))
    desk.page(filters)
    desk.case(receipts[0])
    hub.stop()
    try:
        page = desk.page(filters)
        assert page.offline is not None and page.offline.fetched_at
        assert len(page.cases) == 3
        copy = desk.case(receipts[0])
        assert copy.offline is not None and copy.allowed_actions == []
        with pytest.raises(DeskOffline):
            desk.step(receipts[0], "approve", case_version=copy.version)
        with pytest.raises(DeskOffline):  # never fetched: nothing to show
            desk.page(QueueFilters(q="없는말"))
        # The copy is read again after a restart of the app, without the hub.
        offline = ReviewDesk.offline(lambda fn: fn(desk_store), desk_store.officer)
        assert not offline.online and len(offline.page(filters).cases) == 3
    finally:
        hub.start()
    reads = desk_store.db.execute(
        "SELECT count(*) FROM audit WHERE action = 'review_cache_read'").fetchone()[0]
    assert reads >= 3


def test_a_colleague_with_a_lower_role_gets_no_desk(tmp_path, hub, day):
    with Store.create(tmp_path / "other", device="C002", officer="김직원", pin=PIN) as store:
        officer = store.sign_in("김직원", PIN)
        with pytest.raises(NotASupervisor):
            ReviewDesk.offline(lambda fn: fn(store), officer)
        with pytest.raises(NotASupervisor):
            ReviewDesk.sign_in(lambda fn: fn(store), officer, "boss", PASSWORD,
                               hub_url=hub.url, **fast())


def test_a_hub_officer_account_gets_no_desk(desk_store, hub, day):
    with pytest.raises(NotASupervisor):
        _sign_in(desk_store, hub, user=OFFICER_ON_HUB)


def test_the_export_asks_why_and_is_audited(desk, desk_store, hub, day, tmp_path):
    _, receipts = day
    out = tmp_path / "queue.csv"
    with pytest.raises(ValidationError):
        desk.export(QueueFilters(), out, reason=" ")
    assert not out.exists()
    assert desk.export(QueueFilters(), out, reason="주간 보고") == 3
    with out.open(encoding="utf-8-sig", newline="") as f:
        listed = list(csv.reader(f))
    assert sorted(row[0] for row in listed[1:]) == sorted(receipts)
    row = desk_store.db.execute(
        "SELECT reason, details FROM audit WHERE action = 'review_exported'").fetchone()
    assert row[0] == "주간 보고" and '"rows":3' in row[1].replace(" ", "")
