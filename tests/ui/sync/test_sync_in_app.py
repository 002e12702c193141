"""Sync in the window, against a real hub on loopback: it starts by itself, says where it
stands in the status bar, survives the hub going away, and never works on the GUI thread."""

from __future__ import annotations

import json
import threading

import pytest

from fieldbus.services import sync_link
from fieldbus.store import complaints
from fieldbus.store import sync as store_sync
from fieldbus.store.store import Store
from fieldbus.ui.sync import controller as sync_controller
from tests.conftest import PIN
from tests.hub.fixtures import PASSWORD
from tests.store.helpers import draft
from fieldbus.ui.shell.worker import StoreOp
from tests.ui.shell.test_app import open_window  # noqa: F401 - a fixture
from tests.ui.shell.test_app import sign_in as type_pin


def make_store(data_dir, hub=None, cases: int = 0) -> None:
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        if hub is not None:
            hub.add_user("kim", "officer")
            hub.register("B07A")
            sync_link.enrol(store, officer, hub_url=hub.url, username="kim", password=PASSWORD)
        for i in range(cases):
            complaints.add(store, draft(store, title=f"마을 진입로 포장 요청 {i}"), officer)


def sign_in(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    type_pin(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)


def hub_receipts(hub) -> list[str]:
    done = hub.cli("cases", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(case["receipt_no"] for case in json.loads(done.stdout))


@pytest.fixture
def laptop_threads(monkeypatch):
    """The thread of every store call a sync run makes."""
    seen: list[int] = []
    for name in ("pending", "record_results", "apply_pull", "counts"):
        real = getattr(store_sync, name)

        def wrapper(*args, _real=real, **kwargs):
            seen.append(threading.get_ident())
            return _real(*args, **kwargs)
        monkeypatch.setattr(store_sync, name, wrapper)
    return seen


def test_an_enrolled_laptop_syncs_by_itself_after_sign_in(qtbot, open_window, data_dir,  # noqa: F811
                                                          hub, laptop_threads):
    make_store(data_dir, hub, cases=3)
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=20_000)
    assert len(hub_receipts(hub)) == 3
    assert laptop_threads and threading.get_ident() not in laptop_threads
    assert len(set(laptop_threads)) == 1  # the one store worker, not the sync thread

    panel = window.open_sync_panel()
    qtbot.waitUntil(lambda: "모두 동기화되었습니다" in panel.waiting.note.text())
    assert "마지막 동기화" in panel.detail.text()
    assert panel.sync_button.isEnabled()


def test_offline_then_back_and_a_save_goes_out_soon(qtbot, open_window, data_dir, hub,  # noqa: F811
                                                   monkeypatch):
    make_store(data_dir, hub)
    monkeypatch.setattr(sync_controller, "OFFLINE_SECONDS", 0.3)
    monkeypatch.setattr(sync_controller, "AFTER_SAVE_MS", 50)
    hub.stop()
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("오프라인"), timeout=20_000)
    done = []  # the forms' path: a save on the worker, then refresh_outbox()
    window.runner.run(StoreOp(
        lambda store: complaints.add(store, draft(store, title="버스 정류장 안내판"),
                                     window.officer)).success(done.append))
    qtbot.waitUntil(lambda: bool(done))
    window.refresh_outbox()
    qtbot.waitUntil(lambda: window.outbox_label.text() == "오프라인 · 대기 1건", timeout=20_000)
    hub.start()
    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=30_000)
    assert hub_receipts(hub) == [done[0].receipt_no]


def test_not_enrolled_says_so_and_keeps_everything(qtbot, open_window, data_dir):  # noqa: F811
    make_store(data_dir, cases=2)
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "허브 미등록 · 대기 2건")
    panel = window.open_sync_panel()
    qtbot.waitUntil(lambda: panel.waiting.table.rowCount() == 2)
    assert not panel.sync_button.isEnabled()
    assert "등록되지 않아" in panel.waiting.note.text()  # said once, by the list's note
    assert "fieldbus enrol --hub" in panel.detail.text()  # and how to enrol
    window.lock()
    assert window.sync_panel is None or not window.sync_panel.isVisible()
