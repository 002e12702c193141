"""Screen readers and the keyboard: every control named, Tab following the form.

Every widget that can take the keyboard focus, on every screen (first-run setup, sign-in,
the store error screen, each tab of the signed-in window, the lock screen, the settings
dialog), must carry an accessible name: that is what a screen reader says when it gets
there. Tab must walk the intake and counsel forms in the order they are read: down each
column, then on to the next column to the right.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QTabBar, QWidget

from fieldbus.store.errors import StoreError
from tests.conftest import PIN
from tests.ui.shell.test_app import (  # noqa: F401
    OTHER_PIN,
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
)

# The completer's popup asks the headless "offscreen" platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")


def part_of_a_composite(widget: QWidget) -> bool:
    owner = widget.parentWidget()
    while owner is not None:
        if isinstance(owner, (QComboBox, QAbstractSpinBox, QTabBar)):
            return True
        owner = owner.parentWidget()
    return False


def nameless(root: QWidget) -> list[str]:
    """Focusable widgets under ``root`` without an accessible name, shown or not.

    Parts a composite widget owns (a combo box's or date field's editor, a tab bar's
    scroll arrows) are named through their owner and are left out.
    """
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or part_of_a_composite(widget):
            continue
        if not widget.accessibleName():
            text = getattr(widget, "text", lambda: "")()
            found.append(f"{type(widget).__name__} {widget.objectName() or text!r}")
    return found


@pytest.fixture
def window_on(qtbot, open_window, data_dir):  # noqa: F811
    def start(*officers: str, who: str = "홍길동", pin: str = PIN):
        make_store(data_dir, *officers)
        window = open_window()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        window.signin_page.officer.setCurrentIndex(window.signin_page.officer.findText(who))
        sign_in(qtbot, window.signin_page, pin)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        return window
    return start


def test_setup_sign_in_and_error_screens_name_every_control(
        qtbot, open_window, data_dir):  # noqa: F811
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.setup_page)
    for page in (window.setup_page, window.signin_page, window.lock_page, window.error_page):
        assert nameless(page) == [], type(page).__name__
    window.error_page.show_problem(StoreError("disk full", code="store_write_failed"),
                                   str(data_dir))
    assert nameless(window.error_page) == []
    assert nameless(window.menuBar()) == []


@pytest.mark.parametrize("role", ["officer", "counsel"])
def test_every_tab_and_the_lock_screen_name_every_control(qtbot, window_on, role):
    window = window_on("오세진") if role == "officer" else \
        window_on("오세진", who="오세진", pin=OTHER_PIN)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        assert nameless(window.tabs.widget(index)) == [], window.tabs.tabText(index)
    assert nameless(window.work_page) == []
    window.lock()
    assert nameless(window.lock_page) == []


def test_the_settings_dialog_names_every_control(qtbot, open_window):  # noqa: F811
    window = open_window()
    dialog = window.open_settings()
    assert nameless(dialog) == []
    dialog.reject()


# -- Tab order ----------------------------------------------------------------------------


def tab_chain(qtbot, page: QWidget, first: QWidget) -> list[QWidget]:
    """The widgets Tab reaches from ``first`` until it leaves ``page`` or comes back."""
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    chain = [first]
    for _ in range(100):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            widget = widget.parent()  # an editable combo's or date field's editor
        if widget in chain or not page.isAncestorOf(widget):
            return chain
        chain.append(widget)
    raise AssertionError("Tab never left the form")


def out_of_order(page: QWidget, chain: list[QWidget]) -> list[str]:
    """Steps that go up within a column, or back to a column on the left."""
    wrong = []
    for a, b in zip(chain, chain[1:]):
        pa, pb = a.mapTo(page, QPoint(0, 0)), b.mapTo(page, QPoint(0, 0))
        down = pb.y() > pa.y() and pb.x() < pa.x() + a.width()
        same_row = abs(pb.y() - pa.y()) < a.height() and pb.x() > pa.x()
        next_column = pb.x() >= pa.x() + a.width() // 2 and pb.y() < pa.y()
        if not (down or same_row or next_column):
            wrong.append(f"{a.accessibleName()} → {b.accessibleName()}")
    return wrong


def test_tab_walks_the_intake_form_in_reading_order(qtbot, window_on):
    window = window_on()
    window.resize(1280, 900)
    page = window.intake_page
    qtbot.waitUntil(lambda: not page.drafts.restoring)
    qtbot.wait(50)
    chain = tab_chain(qtbot, page, page.fields["anonymous"])
    assert [w for w in chain if w in page.fields.values()][:4] == [
        page.fields[k] for k in ("anonymous", "name", "type", "phone")]
    assert page.save_button in chain and len(chain) > 15
    assert out_of_order(page, chain) == []


def test_tab_walks_the_counsel_form_in_reading_order(qtbot, window_on):
    window = window_on("오세진", who="오세진", pin=OTHER_PIN)
    window.resize(1280, 900)
    window.tabs.setCurrentWidget(window.counsel_page)
    page = window.counsel_page
    qtbot.wait(50)
    chain = tab_chain(qtbot, page, page.fields["name"])
    assert page.fields["notes"] in chain and page.save_button in chain
    form = chain[:chain.index(page.save_button) + 1]  # then today's list, on its own
    assert out_of_order(page, form) == []


def test_the_order_check_sees_a_step_back_up(qtbot, window_on):
    window = window_on()
    window.resize(1280, 900)
    page = window.intake_page
    qtbot.waitUntil(lambda: not page.drafts.restoring)
    f = page.fields
    assert out_of_order(page, [f["phone"], f["name"]]) == ["전화번호 → 성명"]
