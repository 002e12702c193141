"""Screens that show what is true now (issue 12): the store worker reports what each
operation changed (Anki's ``OpChanges``) and every screen follows, with no timer polling
the store. Real store, real worker, real widgets; a real hub on loopback for the sync.

"At once" is ``waitUntil`` with a timeout of 1 s: the 30-s timers these replace cannot
have fired by then.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from fieldbus.store import complaints
from fieldbus.store.store import Store
from fieldbus.ui.shell.worker import StoreOp, StoreRunner
from tests.conftest import PIN
from tests.store.helpers import draft
from tests.ui.intake.test_intake import fill_complaint_01, intake  # noqa: F401 - a fixture
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401 - fixtures
from tests.ui.shell.test_worker_call import in_thread
from tests.ui.sync.test_sync_in_app import make_store, sign_in

# The completer's popup asks the headless "offscreen" platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

AT_ONCE_MS = 1_000


def settled(window) -> bool:
    return window.runner.pending == 0


def figures(visit) -> dict[str, str]:
    return {key: visit.numbers[key].text() for key in ("cases", "receipts", "waiting")}


# -- the worker --------------------------------------------------------------------------


def test_the_runner_tells_what_each_operation_committed_after_its_answer(qtbot, store):
    from fieldbus.store.changes import OpChanges

    data_dir = store.data_dir
    store.close()
    runner = StoreRunner()
    told: list[tuple[str, object]] = []
    runner.changed.connect(lambda changes: told.append(("changed", changes)))
    try:
        runner.run(StoreOp.opening(lambda: Store.open(data_dir, officer="홍길동", pin=PIN)))
        qtbot.waitUntil(lambda: runner.pending == 0)
        told.clear()  # (opening writes only the audit log: nothing a screen shows)

        def add(store):
            return complaints.add(store, draft(store), store.officer)

        runner.run(StoreOp(add).success(lambda c: told.append(("success", c.receipt_no))))
        qtbot.waitUntil(lambda: len(told) == 2)
        assert told[0][0] == "success"  # the operation's own answer first, then the news
        changes = told[1][1]
        assert isinstance(changes, OpChanges)
        assert changes.complaints and changes.outbox and not changes.visit
        assert changes.day and changes.sync_state

        told.clear()  # an audited look at a case writes the audit log only: no news
        runner.run(StoreOp(lambda s: s.list_officers()))
        runner.run(StoreOp(lambda s: s.audit(s.officer, "case_viewed")))
        qtbot.waitUntil(lambda: runner.pending == 0)
        qtbot.wait(50)
        assert told == []

        # A failed operation's committed part is told too; what it rolled back is not.
        def half(store):
            add(store)
            raise ValueError("after the commit")

        errors: list = []
        runner.run(StoreOp(half).failure(errors.append))
        qtbot.waitUntil(lambda: len(told) == 1)
        assert errors and told[0][1].complaints

        # The sync thread's way in (StoreRunner.call) is followed just the same.
        told.clear()
        thread, box = in_thread(lambda: runner.call(add))
        qtbot.waitUntil(lambda: not thread.is_alive())
        assert "result" in box
        qtbot.waitUntil(lambda: len(told) == 1)
        assert told[0][1].complaints and threading.current_thread() is threading.main_thread()
    finally:
        runner.shutdown()


# -- the visit tab -----------------------------------------------------------------------


def test_a_case_saved_through_the_form_shows_on_the_visit_tab_at_once(qtbot, intake):  # noqa: F811
    window, page = intake()
    fill_complaint_01(qtbot, page)
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: visit.loaded is not None and settled(window))
    assert figures(visit) == {"cases": "0건", "receipts": "0건", "waiting": "0건"}

    page.save()  # the form's Ctrl+S; the officer looks at the day's figures meanwhile
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    qtbot.waitUntil(lambda: figures(visit) == {"cases": "1건", "receipts": "0건",
                                                "waiting": "1건"}, timeout=AT_ONCE_MS)
    qtbot.waitUntil(lambda: visit.waiting.table.rowCount() == 1, timeout=AT_ONCE_MS)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "허브 미등록 · 대기 1건",
                    timeout=AT_ONCE_MS)


def test_a_save_and_a_print_on_the_intake_tab_mark_the_visit_tab_stale_until_it_shows(
        qtbot, intake, monkeypatch):  # noqa: F811
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)  # receipts become saved PDFs
    window, page = intake()
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: visit.loaded is not None and settled(window))
    window.tabs.setCurrentWidget(page)
    fill_complaint_01(qtbot, page)
    page.save()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "허브 미등록 · 대기 1건",
                    timeout=AT_ONCE_MS)
    assert page.print_button.hasFocus()
    qtbot.keyClick(page.print_button, Qt.Key.Key_Return)  # Enter prints the citizen's receipt
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.form_view and settled(window))
    assert visit.follow.stale  # no query for a tab nobody looks at
    assert figures(visit) == {"cases": "0건", "receipts": "0건", "waiting": "0건"}

    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: figures(visit) == {"cases": "1건", "receipts": "1건",
                                                "waiting": "1건"}, timeout=AT_ONCE_MS)
    assert not visit.follow.stale
    qtbot.wait(200)
    visit.grab().save(str(window.data_dir.parent / "visit-after-print.png"))


# -- the case list -----------------------------------------------------------------------


def test_the_case_list_shows_a_new_case_at_once_and_keeps_the_selection(qtbot, intake,  # noqa: F811
                                                                         data_dir):
    make_store(data_dir, cases=2)
    window, page = intake()
    fill_complaint_01(qtbot, page)
    cases = window.cases_page
    window.tabs.setCurrentWidget(cases)
    qtbot.waitUntil(lambda: cases.count_label.text() == "2건" and settled(window))
    cases.select_row(1)  # the older of the two
    qtbot.waitUntil(lambda: cases.shown_receipt is not None and settled(window))
    chosen = cases.shown_receipt

    page.save()
    qtbot.waitUntil(lambda: cases.count_label.text() == "3건", timeout=AT_ONCE_MS)
    qtbot.waitUntil(lambda: cases.selected_receipt() == chosen, timeout=AT_ONCE_MS)
    assert cases.table.selectionModel().currentIndex().row() == 2  # the new one came first
    assert cases.shown_receipt == chosen


# -- the status bar, after a sync --------------------------------------------------------


def test_after_a_sync_the_status_bar_and_the_visit_tab_say_nothing_waits(
        qtbot, open_window, data_dir, hub):  # noqa: F811
    make_store(data_dir, hub)
    window = open_window()
    sign_in(qtbot, window)
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=20_000)

    def add_two(store):
        for title in ("마을 진입로 포장 요청", "버스 정류장 안내판"):
            complaints.add(store, draft(store, title=title), window.officer)

    window.runner.run(StoreOp(add_two))
    qtbot.waitUntil(lambda: window.outbox_label.text() == "동기화 대기 2건", timeout=AT_ONCE_MS)
    qtbot.waitUntil(lambda: figures(visit)["waiting"] == "2건", timeout=AT_ONCE_MS)
    window.sync.sync_now()  # 지금 동기화 (its own schedule is minutes away)
    qtbot.waitUntil(lambda: not window.sync.status.running, timeout=20_000)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=AT_ONCE_MS)
    qtbot.waitUntil(lambda: figures(visit)["waiting"] == "0건"
                    and visit.waiting.table.rowCount() == 0, timeout=AT_ONCE_MS)


# -- another process writes ---------------------------------------------------------------


def test_a_case_the_command_line_adds_shows_in_the_open_window(qtbot, open_window,
                                                              data_dir):  # noqa: F811
    """``fieldbus complaint add`` (or an import, or an enrolment) while the window is open:
    another connection commits, the database's files change, and the visit tab, the case
    list and the status bar show it — with no timer polling the store."""
    make_store(data_dir, cases=1)
    window = open_window()
    sign_in(qtbot, window)
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: visit.loaded is not None and settled(window))
    qtbot.waitUntil(lambda: figures(visit)["cases"] == "1건")

    def from_the_command_line():
        with Store.open(data_dir, officer="홍길동", pin=PIN) as other:
            other.sign_in("홍길동", PIN)
            complaints.add(other, draft(other, title="버스 정류장 안내판"), other.officer)

    in_thread(from_the_command_line)
    qtbot.waitUntil(lambda: figures(visit)["cases"] == "2건", timeout=5_000)
    qtbot.waitUntil(lambda: window.outbox_label.text().endswith("2건"), timeout=5_000)


# -- no timer polls the store ------------------------------------------------------------


def test_no_long_timer_runs_on_the_window_once_signed_in(qtbot, open_window, data_dir):  # noqa: F811
    make_store(data_dir, cases=1)
    window = open_window()
    sign_in(qtbot, window)
    for tab in (window.visit_page, window.cases_page, window.intake_page):
        window.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: settled(window))
    window.tabs.setCurrentWidget(window.visit_page)
    qtbot.waitUntil(lambda: settled(window))
    # Allowed: the idle lock's own timer, and the sync schedule (it waits on the network,
    # not the store; it runs only on an enrolled laptop).
    allowed = {window.idle._timer, window.sync.timer}
    long = [(t.parent().__class__.__name__, t.interval())
            for t in window.findChildren(QTimer)
            if t.isActive() and t.interval() >= 10_000 and t not in allowed]
    assert long == []
