"""The lock screen says why it is locked (issue 12): Ctrl+L is the officer's own lock, not
idleness; the idle lock keeps its words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PIN
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401

IDLE_WORDS = ("한동안 사용하지 않아", "자리 비움", "유휴")


def test_ctrl_l_says_the_officer_locked_it_and_idling_says_idle(qtbot, open_window,  # noqa: F811
                                                              data_dir):
    make_store(data_dir)
    window = open_window(idle_seconds=300)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    intro = window.lock_page.intro.text()
    assert not [w for w in IDLE_WORDS if w in intro], intro
    assert "홍길동" in intro and "잠갔습니다" in intro and "PIN" in intro
    window.lock_page.grab().save(str(data_dir.parent / "manual-lock.png"))

    sign_in(qtbot, window.lock_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    window.idle.idle.emit()  # the idle period ran out
    assert window.locked
    assert "한동안 사용하지 않아" in window.lock_page.intro.text()
