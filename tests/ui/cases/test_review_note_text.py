"""A supervisor's review note is shown as the words it is (issue 9 §8): never as markup, and
with any registration number masked on the way in (§6)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from sync.deadlines import KST
from fieldbus.store import reviews
from tests.conftest import PIN
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401
from tests.ui.cases.test_case_resubmit import _keyboard_to_editor
from tests.ui.cases.test_cases import cases  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

NOTE = "<b>x</b> <img src='http://127.0.0.1:9/t.png'> 주민번호 900101 1234567 확인"


def test_a_review_note_is_plain_text_and_masked(qtbot, cases):  # noqa: F811
    def return_first(store, numbers):
        by = store.sign_in("홍길동", PIN)
        reviews.apply(store, numbers[0], "has_issues", NOTE,
                      datetime(2026, 11, 26, 15, 0, tzinfo=KST), by=by)

    window, page, numbers = cases(1, prepare=return_first)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1)
    page.table.setFocus()
    page.select_row(0)
    qtbot.waitUntil(lambda: "<b>x</b>" in page.detail.toPlainText())  # escaped there
    _keyboard_to_editor(qtbot, page)
    note = page.editor.note
    assert note.textFormat() == Qt.TextFormat.PlainText  # else "<b>x</b>" shows bold
    assert "<b>x</b> <img src=" in note.text()
    for shown in (note.text(), page.detail.toPlainText()):
        assert "900101 1******" in shown and "1234567" not in shown
    window.shutdown()
