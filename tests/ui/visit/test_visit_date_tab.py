"""The visit form's date box does not trap Tab (issue 12): a QDateEdit steps through its
year, month and day sections on Tab; here Tab leaves it for the next field, Shift+Tab for
the one before, and the arrows still change the date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401 (fixtures)
from tests.ui.visit.test_visit import visit_tab  # noqa: F401 (a fixture)


def _in(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is widget or (focus is not None and focus.parent() is widget)


def test_tab_leaves_the_date_for_the_next_field(qtbot, visit_tab):  # noqa: F811
    window, page, _ = visit_tab()
    window.activateWindow()
    page.venue.setFocus()
    qtbot.waitUntil(page.venue.hasFocus)
    qtbot.keyClick(page.venue, Qt.Key.Key_Tab)
    assert _in(page.region)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _in(page.day)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _in(page.team), f"Tab from the date went to {QApplication.focusWidget()!r}"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ShiftModifier)
    assert _in(page.day)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ShiftModifier)
    assert _in(page.region)
    window.shutdown()


def test_the_arrows_still_change_the_date(qtbot, visit_tab):  # noqa: F811
    window, page, _ = visit_tab()
    page.day.setFocus()
    qtbot.waitUntil(page.day.hasFocus)
    before = page.day.date()
    page.day.setCurrentSection(page.day.Section.DaySection)
    qtbot.keyClick(page.day, Qt.Key.Key_Up)
    assert page.day.date() == before.addDays(1)
    window.shutdown()
