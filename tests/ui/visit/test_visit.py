"""The "오늘의 방문" tab, driving real widgets over a real SQLCipher store on the worker."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sync.deadlines import kst_today
from fieldbus.domain.intake import parse_complaint
from fieldbus.store import complaints, dashboard, visits
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, sign_in, type_text  # noqa: F401

ROOT = Path(__file__).resolve().parents[3]


def seed(data_dir, names=(), *, visit=False) -> list[str]:
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        by = store.sign_in("홍길동", PIN)
        if visit:
            visits.open_visit(store, by, venue="청송군청 앞 광장", region="경북 청송군",
                              team=("김민수", "이영희"))
        now = store.clock()
        drafts = [parse_complaint(sample(n), now=now)[0] for n in names]
        return [c.receipt_no for c in complaints.add_many(store, drafts, by)] if drafts else []


@pytest.fixture
def store_calls(monkeypatch):
    seen: list[tuple[str, int]] = []
    for module, name in ((dashboard, "summary"), (dashboard, "waiting"),
                         (visits, "open_visit"), (visits, "close_visit"),
                         (visits, "current")):
        fn = getattr(module, name)

        def wrapper(*args, _fn=fn, _name=name, **kwargs):
            seen.append((_name, threading.get_ident()))
            return _fn(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)
    return seen


@pytest.fixture
def visit_tab(qtbot, open_window, data_dir):  # noqa: F811 (a fixture)
    def make(names=(), *, visit=False):
        numbers = seed(data_dir, names, visit=visit)
        window = open_window()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, PIN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        page = window.visit_page
        page.loaded = None
        window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.loaded is not None)
        return window, page, numbers

    return make


def test_opening_a_visit_through_the_form(qtbot, visit_tab, data_dir, store_calls):
    window, page, _ = visit_tab()
    assert store_calls and "current" in {n for n, _ in store_calls}  # the first refresh
    store_calls.clear()
    assert page.state.currentWidget() is page.open_box
    assert page.day.date() == QDate(kst_today())  # the store's calendar, not the laptop's zone
    type_text(qtbot, page.venue, "청송군청 앞 광장")
    type_text(qtbot, page.region, "경북 청송군")
    type_text(qtbot, page.team, "김민수, 이영희 ,")
    qtbot.keyClick(page.team, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.state.currentWidget() is page.header_box)
    assert page.header["venue"].text() == "청송군청 앞 광장"
    assert page.header["team"].text() == "김민수, 이영희"
    assert page.header["opened"].text().startswith("홍길동 · ")
    assert page.close_button.hasFocus()
    qtbot.waitUntil(lambda: page.numbers["waiting"].text() == "1건")  # the visit itself
    assert page.waiting_table.item(0, 0).text() == "방문"

    gui = threading.get_ident()
    assert {"open_visit", "summary", "waiting", "current"} <= {n for n, _ in store_calls}
    assert all(ident != gui for _, ident in store_calls)
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        current = visits.current(store)
    assert (current.venue, current.region, current.team) == ("청송군청 앞 광장", "경북 청송군",
                                                             ("김민수", "이영희"))


def test_an_empty_venue_is_refused_at_its_field(qtbot, visit_tab, data_dir):
    window, page, _ = visit_tab()
    type_text(qtbot, page.region, "경북 청송군")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors["venue"].isVisible())
    assert page.errors["venue"].text() == "꼭 입력해야 합니다."
    assert page.venue.hasFocus()
    assert page.state.currentWidget() is page.open_box
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert visits.current(store) is None


def test_a_date_far_from_today_is_refused_at_the_date(qtbot, visit_tab):
    window, page, _ = visit_tab()
    type_text(qtbot, page.venue, "청송군청")
    type_text(qtbot, page.region, "청송군")
    page.day.setDate(QDate(kst_today()).addYears(2))
    qtbot.keyClick(page.venue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.errors["date"].isVisible())
    assert "1년" in page.errors["date"].text() and page.day.hasFocus()
    assert not page.errors["venue"].isVisible()


def test_the_dashboard_counts_the_visits_cases(qtbot, visit_tab):
    window, page, numbers = visit_tab(
        ("complaint-01.json", "complaint-02.json", "complaint-04.json"), visit=True)
    assert page.state.currentWidget() is page.header_box
    n = page.numbers
    assert n["cases"].text() == "3건"
    assert (n["kind:grievance"].text(), n["kind:inquiry"].text(),
            n["kind:suggestion"].text()) == ("2", "1", "0")
    assert (n["outcome:filed"].text(), n["outcome:settlement"].text(),
            n["outcome:resolved_on_site"].text()) == ("1", "1", "1")
    assert n["waiting"].text() == "4건" and n["quarantined"].text() == "0건"
    assert "청송군청 앞 광장" in page.scope_label.text()
    # the waiting list: the visit, then the three cases, by receipt number
    table = page.waiting_table
    assert table.rowCount() == 4
    assert [table.item(r, 1).text() for r in range(1, 4)] == numbers
    assert {table.item(r, 0).text() for r in range(1, 4)} == {"민원"}
    assert {table.item(r, 4).text() for r in range(4)} == {"대기"}


def test_closing_the_visit_asks_first_then_closes(qtbot, visit_tab, data_dir, store_calls):
    window, page, _ = visit_tab(("complaint-01.json",), visit=True)
    store_calls.clear()  # seeding ran here, on the test's thread
    page.confirm_close = lambda: False
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.state.currentWidget() is page.header_box

    # the real question, answered "Yes" from the keyboard
    page.confirm_close = page._ask_close

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "청송군청 앞 광장" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    page.close_button.click()
    qtbot.waitUntil(lambda: page.state.currentWidget() is page.open_box)
    assert "열린 방문 없음" in page.scope_label.text()
    assert page.numbers["cases"].text() == "1건"  # the day's case still counts
    gui = threading.get_ident()
    assert "close_visit" in {n for n, _ in store_calls}
    assert all(ident != gui for _, ident in store_calls)
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert visits.current(store) is None


def test_every_control_has_an_accessible_name(qtbot, visit_tab):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDateEdit, QLineEdit

    window, page, _ = visit_tab()
    controls = [w for kind in (QLineEdit, QDateEdit, QAbstractButton, QAbstractItemView)
                for w in page.findChildren(kind)
                if not w.objectName().startswith("qt_")]
    missing = [w for w in controls if not w.accessibleName()
               and w.parent() is not page.waiting_table]
    assert controls and not missing


def test_screenshot_of_the_tab(qtbot, visit_tab, tmp_path):
    """Renders the tab with a visit and a few cases. Writes docs/images/app-visit.png only
    when FIELDBUS_SCREENSHOT_DIR=docs/images is set, so ordinary runs leave the repo alone."""
    window, page, _ = visit_tab(
        ("complaint-01.json", "complaint-02.json", "complaint-04.json", "complaint-06.json"),
        visit=True)
    window.resize(1200, 760)
    qtbot.wait(50)
    folder = Path(os.environ.get("FIELDBUS_SCREENSHOT_DIR") or tmp_path)
    target = (folder if folder.is_absolute() else ROOT / folder) / "app-visit.png"
    image = window.grab().toImage()
    assert image.width() >= 1200 and image.save(str(target))
